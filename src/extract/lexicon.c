/* lexicon.c: the furniture vocabulary of the extractors as one sorted table of folded keys,
 * each with the set of lists (lexicon.h) it belongs to. Sorted by hand (test_extract_rules.c
 * checks the order and that every key is its own fold), so lookups are a binary search over
 * constant data: no initialisation, no state, safe from any thread. */
#include "extract/lexicon.h"

#include "bantin/text.h"

#include <stdint.h>
#include <utf8proc.h>
#include <string.h>

#define LX(name) BTI_LEX_##name

/* The raw bytes a prefix of at most BTI_LEX_MAX_KEY folded bytes can take: a Vietnamese
 * letter with two marks is 3 bytes of NFC UTF-8 and folds to 1. */
#define MAX_RAW (3 * BTI_LEX_MAX_KEY)

typedef struct entry {
    const char *key;
    uint8_t len; /* strlen(key) */
    bti_lex_set lists;
} entry;

static const entry TABLE[] = {
    {"#alternate", 10, LX(FURNITURE)},
    {"&", 1, LX(NAME_JOIN)},
    {"(c) ", 4, LX(FURNITURE_PREFIX)},
    {"0 binh luan", 11, LX(FURNITURE)},
    {"a a", 3, LX(FURNITURE)},
    {"a a a", 5, LX(FURNITURE)},
    {"a lire aussi", 12, LX(HTML_RELATED_MARK)},
    {"a lire egalement", 16, LX(HTML_RELATED_MARK)},
    {"a voir aussi", 12, LX(HTML_RELATED_MARK)},
    {"a+", 2, LX(FURNITURE) | LX(SHARE_WORD)},
    {"a-", 2, LX(FURNITURE) | LX(SHARE_WORD)},
    {"aa", 2, LX(FURNITURE)},
    {"abonnez vous", 12, LX(HTML_PROMO_LINE)},
    {"abonnieren sie", 14, LX(HTML_PROMO_LINE)},
    {"about the author", 16, LX(HTML_ENDS_ARTICLE) | LX(SECTION_HEAD)},
    {"accept", 6, LX(FURNITURE)},
    {"actualizado", 11, LX(DATELINE_WORD)},
    {"admin", 5, LX(BYLINE_ACCOUNT)},
    {"administrator", 13, LX(BYLINE_ACCOUNT)},
    {"advertentie", 11, LX(HTML_FURNITURE_LINE)},
    {"advertisement", 13, LX(FURNITURE) | LX(HTML_FURNITURE_LINE)},
    {"advertisement - story continues below", 37, LX(HTML_FURNITURE_LINE)},
    {"advertising disclosure", 22, LX(HTML_PROMO_LINE)},
    {"af", 2, LX(BYLINE_PREFIX) | LX(NAME_PARTICLE)},
    {"ag", 2, LX(ORG_FORM)},
    {"ahnliche artikel", 16, LX(HTML_ENDS_ARTICLE)},
    {"ahnliche beitrage", 17, LX(HTML_ENDS_ARTICLE)},
    {"aktualisiert", 12, LX(DATELINE_WORD)},
    {"al", 2, LX(NAME_PARTICLE)},
    {"all rights reserved", 19, LX(FURNITURE_PREFIX)},
    {"already a subscriber", 20, LX(HTML_PROMO_LINE)},
    {"also read", 9, LX(HTML_RELATED_MARK) | LX(INLINE_RELATED)},
    {"also see", 8, LX(HTML_RELATED_MARK)},
    {"alternate", 9, LX(FURNITURE)},
    {"analyst", 7, LX(ROLE_NOUN)},
    {"and", 3, LX(NAME_JOIN)},
    {"anh", 3, LX(CREDIT_VI) | LX(FURNITURE) | LX(KIND_PHOTO)},
    {"anh chup man hinh", 17, LX(HTML_CREDIT_VI)},
    {"anh minh hoa", 12, LX(CREDIT_VI)},
    {"annons", 6, LX(HTML_FURNITURE_LINE)},
    {"annonse", 7, LX(HTML_FURNITURE_LINE)},
    {"anuncio", 7, LX(HTML_FURNITURE_LINE)},
    {"anzeige", 7, LX(HTML_FURNITURE_LINE)},
    {"article reserve aux abonnes", 27, LX(HTML_PAYWALL)},
    {"articoli correlati", 18, LX(HTML_ENDS_ARTICLE)},
    {"artikel teilen", 14, LX(HTML_FURNITURE_LINE)},
    {"artikel zum thema", 17, LX(HTML_RELATED_MARK)},
    {"arts", 4, LX(ROLE_OPENER)},
    {"assistant", 9, LX(ROLE_OPENER)},
    {"associate", 9, LX(ROLE_OPENER)},
    {"auch interessant", 16, LX(HTML_RELATED_MARK)},
    {"auch lesen", 10, LX(HTML_RELATED_MARK)},
    {"audio", 5, LX(FURNITURE) | LX(KIND_PODCAST)},
    {"author", 6, LX(BYLINE_PREFIX) | LX(BYLINE_LABEL)},
    {"autor", 5, LX(BYLINE_PREFIX) | LX(BYLINE_LABEL)},
    {"autore", 6, LX(BYLINE_PREFIX) | LX(BYLINE_LABEL)},
    {"autorin", 7, LX(BYLINE_PREFIX) | LX(BYLINE_LABEL)},
    {"av", 2, LX(BYLINE_PREFIX)},
    {"back to top", 11, LX(FURNITURE)},
    {"bai", 3, LX(SHARE_WORD)},
    {"bai doc nhieu", 13, LX(MOST_READ_HEAD) | LX(SECTION_HEAD)},
    {"bai khac", 8, LX(SECTION_HEAD)},
    {"bai lien quan", 13, LX(HTML_RELATED_MARK) | LX(INLINE_RELATED) | LX(RELATED_HEAD)},
    {"bai sau", 7, LX(RELATED_END)},
    {"bai truoc", 9, LX(RELATED_END)},
    {"bai viet cung chuyen muc", 24, LX(HTML_ENDS_ARTICLE)},
    {"bai viet lien quan", 18, LX(RELATED_HEAD)},
    {"ban co the quan tam", 19, LX(SECTION_HEAD)},
    {"ban doc binh luan", 17, LX(SECTION_HEAD)},
    {"ban in", 6, LX(FURNITURE)},
    {"ban quyen", 9, LX(FURNITURE_PREFIX)},
    {"bao loi", 7, LX(FURNITURE)},
    {"beitragsbild", 12, LX(HTML_CREDIT_EN)},
    {"bild", 4, LX(HTML_CREDIT_EN)},
    {"bild anzeigen", 13, LX(HTML_FURNITURE_LINE)},
    {"bildlegende", 11, LX(CAPTION_LABEL)},
    {"bildquelle", 10, LX(HTML_CREDIT_EN)},
    {"bildunterschrift", 16, LX(CAPTION_LABEL)},
    {"bin", 3, LX(NAME_PARTICLE)},
    {"binh", 4, LX(SHARE_WORD)},
    {"binh luan", 9, LX(COUNTED_BOX) | LX(FURNITURE) | LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"binti", 5, LX(NAME_PARTICLE)},
    {"bsc", 3, LX(NAME_TITLE)},
    {"bulletpoints", 12, LX(STANDFIRST_CLASS)},
    {"business", 8, LX(ROLE_OPENER)},
    {"buy photo", 9, LX(FURNITURE)},
    {"by", 2, LX(BYLINE_PREFIX)},
    {"cac bai lien quan", 17, LX(RELATED_HEAD)},
    {"cac tin bai khac", 16, LX(SECTION_HEAD)},
    {"cac tin khac", 12, LX(HTML_ENDS_ARTICLE) | LX(SECTION_HEAD)},
    {"cac tin lien quan", 17, LX(RELATED_HEAD)},
    {"cap nhat", 8, LX(DATELINE_WORD)},
    {"caption", 7, LX(CAPTION_LABEL) | LX(FURNITURE)},
    {"categories", 10, LX(POST_LABEL)},
    {"category", 8, LX(POST_LABEL)},
    {"cet article est reserve aux abonnes", 35, LX(HTML_PAYWALL)},
    {"chap nhan", 9, LX(FURNITURE)},
    {"chep", 4, LX(SHARE_WORD)},
    {"chia", 4, LX(SHARE_ANCHOR) | LX(SHARE_WORD)},
    {"chia se", 7, LX(FURNITURE) | LX(HTML_FOOT_LABEL)},
    {"chief", 5, LX(ROLE_OPENER)},
    {"chiu trach nhiem", 16, LX(FURNITURE_PREFIX)},
    {"chu de", 6, LX(SECTION_HEAD) | LX(SECTION_PREFIX)},
    {"chuyen muc", 10, LX(POST_LABEL)},
    {"click here to subscribe", 23, LX(HTML_PROMO_LINE)},
    {"clip", 4, LX(CREDIT_EN) | LX(FURNITURE) | LX(KIND_VIDEO)},
    {"close", 5, LX(FURNITURE)},
    {"co the ban quan tam", 19, LX(HTML_ENDS_ARTICLE) | LX(SECTION_HEAD)},
    {"columnist", 9, LX(ROLE_NOUN)},
    {"comentarios", 11, LX(COUNTED_BOX) | LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"comment", 7, LX(SECTION_HEAD) | LX(SHARE_WORD)},
    {"commentaires", 12, LX(COUNTED_BOX) | LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"commenti", 8, LX(COUNTED_BOX) | LX(SECTION_HEAD)},
    {"comments", 8, LX(COUNTED_BOX) | LX(SECTION_HEAD) | LX(SHARE_WORD) | LX(HTML_ENDS_ARTICLE)},
    {"compartir", 9, LX(HTML_FURNITURE_LINE)},
    {"condividi", 9, LX(HTML_FURNITURE_LINE)},
    {"consumer", 8, LX(ROLE_OPENER)},
    {"contact", 7, LX(HTML_FURNITURE_LINE)},
    {"continue reading", 16, LX(FURNITURE)},
    {"continue reading below", 22, LX(HTML_FURNITURE_LINE)},
    {"continue reading the main story", 31, LX(FURNITURE) | LX(HTML_FURNITURE_LINE)},
    {"contributing", 12, LX(ROLE_OPENER)},
    {"contributor", 11, LX(ROLE_NOUN)},
    {"cookie", 6, LX(FURNITURE)},
    {"copy", 4, LX(SHARE_WORD)},
    {"copy link", 9, LX(FURNITURE)},
    {"copyright", 9, LX(FURNITURE_PREFIX) | LX(HTML_FOOT_LABEL)},
    {"corp", 4, LX(ORG_FORM)},
    {"correspondent", 13, LX(ROLE_NOUN)},
    {"cpa", 3, LX(NAME_TITLE)},
    {"credit", 6, LX(CREDIT_EN)},
    {"credits", 7, LX(HTML_CREDIT_EN)},
    {"crime", 5, LX(ROLE_OPENER)},
    {"critic", 6, LX(ROLE_NOUN)},
    {"ctete take", 10, LX(HTML_RELATED_MARK)},
    {"ctete tez", 9, LX(HTML_RELATED_MARK)},
    {"culture", 7, LX(ROLE_OPENER)},
    {"cung chuyen muc", 15, LX(HTML_ENDS_ARTICLE) | LX(SECTION_HEAD)},
    {"czas czytania", 13, LX(READING_LABEL)},
    {"czytaj", 6, LX(HTML_RELATED_MARK)},
    {"czytaj takze", 12, LX(HTML_RELATED_MARK)},
    {"czytaj tez", 10, LX(HTML_RELATED_MARK)},
    {"czytaj wiecej", 13, LX(HTML_RELATED_MARK)},
    {"czytania", 8, LX(READING_CLOSER)},
    {"da", 2, LX(NAME_PARTICLE)},
    {"dang boi", 8, LX(BYLINE_PREFIX)},
    {"dang ky", 7, LX(FURNITURE)},
    {"dang nhap", 9, LX(FURNITURE)},
    {"dang tai", 8, LX(FURNITURE) | LX(FURNITURE_PREFIX)},
    {"dang xuat", 9, LX(FURNITURE)},
    {"das", 3, LX(NAME_PARTICLE)},
    {"das konnte dich auch interessieren", 34, LX(HTML_ENDS_ARTICLE) | LX(HTML_RELATED_MARK) | LX(RELATED_HEAD)},
    {"das konnte sie auch interessieren", 33, LX(HTML_ENDS_ARTICLE) | LX(HTML_RELATED_MARK) | LX(RELATED_HEAD)},
    {"das thema konnte dich auch interessieren", 40, LX(HTML_ENDS_ARTICLE) | LX(HTML_RELATED_MARK) | LX(RELATED_HEAD)},
    {"day ago", 7, LX(TIME_UNIT)},
    {"days ago", 8, LX(TIME_UNIT)},
    {"dds", 3, LX(NAME_TITLE)},
    {"de", 2, LX(NAME_PARTICLE)},
    {"de lai mot binh luan", 20, LX(RELATED_END)},
    {"de lectura", 10, LX(READING_CLOSER)},
    {"de lecture", 10, LX(READING_CLOSER)},
    {"del", 3, LX(NAME_PARTICLE)},
    {"della", 5, LX(NAME_PARTICLE)},
    {"den", 3, LX(NAME_PARTICLE)},
    {"deputy", 6, LX(ROLE_OPENER)},
    {"der", 3, LX(NAME_PARTICLE)},
    {"developer", 9, LX(BYLINE_ACCOUNT)},
    {"di", 2, LX(NAME_PARTICLE)},
    {"di lettura", 10, LX(READING_CLOSER)},
    {"didascalia", 10, LX(CAPTION_LABEL)},
    {"dieser artikel ist nur fur abonnenten", 37, LX(HTML_PAYWALL)},
    {"dieser inhalt ist nur fur abonnenten", 36, LX(HTML_PAYWALL)},
    {"dieu huong bai viet", 19, LX(RELATED_END)},
    {"digital", 7, LX(ROLE_OPENER)},
    {"do", 2, LX(NAME_PARTICLE)},
    {"do hoa", 6, LX(CREDIT_VI) | LX(KIND_INFOGRAPHIC)},
    {"doc nhieu", 9, LX(HTML_ENDS_ARTICLE) | LX(MOST_READ_HEAD) | LX(SECTION_HEAD)},
    {"doc nhieu nhat", 14, LX(MOST_READ_HEAD) | LX(SECTION_HEAD)},
    {"doc them", 8, LX(BRACKET_RELATED) | LX(FURNITURE) | LX(HTML_FURNITURE_LINE) | LX(HTML_RELATED_MARK) | LX(INLINE_RELATED) | LX(RELATED_HEAD)},
    {"dong", 4, LX(FURNITURE)},
    {"dong su kien", 12, LX(SECTION_PREFIX)},
    {"door", 4, LX(BYLINE_PREFIX)},
    {"dos", 3, LX(NAME_PARTICLE)},
    {"download", 8, LX(FURNITURE)},
    {"download the app", 16, LX(HTML_PROMO_LINE)},
    {"dr", 2, LX(NAME_TITLE)},
    {"drucken", 7, LX(HTML_FURNITURE_LINE)},
    {"drukuj", 6, LX(HTML_FURNITURE_LINE)},
    {"du", 2, LX(NAME_PARTICLE)},
    {"du musst eingeloggt sein", 24, LX(HTML_PROMO_LINE)},
    {"dung bo lo", 10, LX(SECTION_HEAD)},
    {"duoc quan tam nhat", 18, LX(MOST_READ_HEAD) | LX(SECTION_HEAD)},
    {"e", 1, LX(NAME_JOIN)},
    {"e-magazine", 10, LX(KIND_ARTICLE)},
    {"e-mail", 6, LX(SHARE_WORD)},
    {"economics", 9, LX(ROLE_OPENER)},
    {"editor", 6, LX(ROLE_NOUN)},
    {"education", 9, LX(ROLE_OPENER)},
    {"el", 2, LX(NAME_PARTICLE)},
    {"emagazine", 9, LX(KIND_ARTICLE) | LX(SECTION_HEAD)},
    {"email", 5, LX(FURNITURE) | LX(SHARE_ANCHOR) | LX(SHARE_WORD)},
    {"empfohlener redaktioneller inhalt", 33, LX(HTML_CONSENT_BOX)},
    {"en", 2, LX(NAME_JOIN)},
    {"enlarge this image", 18, LX(FURNITURE)},
    {"entertainment", 13, LX(ROLE_OPENER)},
    {"environment", 11, LX(ROLE_OPENER)},
    {"erschienen", 10, LX(DATELINE_WORD)},
    {"es", 2, LX(NAME_JOIN)},
    {"escrito por", 11, LX(BYLINE_PREFIX)},
    {"esq", 3, LX(NAME_TITLE)},
    {"estimated reading time", 22, LX(READING_LABEL)},
    {"et", 2, LX(NAME_JOIN)},
    {"ev", 2, LX(ORG_FORM)},
    {"exclusivo para suscriptores", 27, LX(HTML_PAYWALL)},
    {"executive", 9, LX(ROLE_OPENER)},
    {"external content", 16, LX(HTML_FURNITURE_LINE) | LX(HTML_CONSENT_BOX)},
    {"externer inhalt", 15, LX(HTML_FURNITURE_LINE) | LX(HTML_CONSENT_BOX)},
    {"facebook", 8, LX(FURNITURE) | LX(SHARE_ANCHOR) | LX(SHARE_WORD)},
    {"fashion", 7, LX(ROLE_OPENER)},
    {"fb", 2, LX(SHARE_WORD)},
    {"features", 8, LX(ROLE_OPENER)},
    {"filed under", 11, LX(POST_LABEL)},
    {"finance", 7, LX(ROLE_OPENER)},
    {"first published", 15, LX(DATELINE_WORD)},
    {"folgen sie uns", 14, LX(HTML_PROMO_LINE)},
    {"follow", 6, LX(FURNITURE)},
    {"follow us", 9, LX(FURNITURE) | LX(HTML_PROMO_LINE)},
    {"follow us on", 12, LX(FURNITURE_PREFIX) | LX(HTML_PROMO_LINE)},
    {"food", 4, LX(ROLE_OPENER)},
    {"for the latest stories", 22, LX(HTML_PROMO_LINE)},
    {"foreign", 7, LX(ROLE_OPENER)},
    {"foto", 4, LX(HTML_CREDIT_EN) | LX(CREDIT_EN)},
    {"freelance", 9, LX(ROLE_OPENER)},
    {"from the section", 16, LX(FURNITURE)},
    {"fuente", 6, LX(HTML_CREDIT_EN)},
    {"funda olunye udaba lapha", 24, LX(HTML_RELATED_MARK)},
    {"further information", 19, LX(HTML_FURNITURE_LINE)},
    {"further reading", 15, LX(HTML_RELATED_MARK)},
    {"gallery", 7, LX(KIND_PHOTO)},
    {"gefallt mir", 11, LX(HTML_FURNITURE_LINE)},
    {"gerelateerde artikelen", 22, LX(HTML_ENDS_ARTICLE)},
    {"get our newsletter", 18, LX(HTML_PROMO_LINE)},
    {"get the app", 11, LX(HTML_PROMO_LINE)},
    {"get the latest", 14, LX(HTML_PROMO_LINE)},
    {"getty images", 12, LX(FURNITURE_PREFIX)},
    {"ggmbh", 5, LX(ORG_FORM)},
    {"ghi ro nguon", 12, LX(FURNITURE_PREFIX)},
    {"giay phep", 9, LX(FURNITURE_PREFIX)},
    {"giay truoc", 10, LX(TIME_UNIT)},
    {"gio truoc", 9, LX(TIME_UNIT)},
    {"gmbh", 4, LX(ORG_FORM)},
    {"gop y", 5, LX(FURNITURE)},
    {"graphic", 7, LX(HTML_CREDIT_EN)},
    {"guest", 5, LX(ROLE_OPENER)},
    {"gui", 3, LX(SHARE_WORD)},
    {"gui bai", 7, LX(FURNITURE)},
    {"gui binh luan", 13, LX(SECTION_HEAD)},
    {"hazte miembro", 13, LX(HTML_PROMO_LINE)},
    {"health", 6, LX(ROLE_OPENER)},
    {"hide caption", 12, LX(FURNITURE)},
    {"home", 4, LX(FURNITURE)},
    {"hotline", 7, LX(FURNITURE_PREFIX)},
    {"hour ago", 8, LX(TIME_UNIT)},
    {"hours ago", 9, LX(TIME_UNIT)},
    {"hrs ago", 7, LX(TIME_UNIT)},
    {"i", 1, LX(NAME_JOIN)},
    {"i piu letti", 11, LX(HTML_ENDS_ARTICLE)},
    {"ibn", 3, LX(NAME_PARTICLE)},
    {"if you enjoyed", 14, LX(HTML_PROMO_LINE)},
    {"iframe:", 7, LX(FURNITURE_PREFIX)},
    {"illustration", 12, LX(HTML_CREDIT_EN)},
    {"image", 5, LX(CREDIT_EN) | LX(FURNITURE)},
    {"image caption", 13, LX(FURNITURE)},
    {"image copyright", 15, LX(FURNITURE) | LX(FURNITURE_PREFIX)},
    {"imagen", 6, LX(HTML_CREDIT_EN)},
    {"imprimer", 8, LX(HTML_FURNITURE_LINE)},
    {"imprimir", 8, LX(HTML_FURNITURE_LINE)},
    {"in", 2, LX(SHARE_WORD)},
    {"in bai", 6, LX(FURNITURE)},
    {"in pictures", 11, LX(KIND_PHOTO)},
    {"inc", 3, LX(ORG_FORM)},
    {"info zur bewertung", 18, LX(HTML_FURNITURE_LINE)},
    {"infographic", 11, LX(KIND_INFOGRAPHIC) | LX(SECTION_HEAD)},
    {"infographics", 12, LX(KIND_INFOGRAPHIC) | LX(SECTION_HEAD)},
    {"ingress", 7, LX(STANDFIRST_CLASS)},
    {"inhaltsverzeichnis", 18, LX(HTML_FURNITURE_LINE)},
    {"investigations", 14, LX(ROLE_OPENER)},
    {"investigative", 13, LX(ROLE_OPENER)},
    {"ja", 2, LX(NAME_JOIN)},
    {"jetzt abonnieren", 16, LX(HTML_PROMO_LINE)},
    {"jetzt kommentieren", 18, LX(HTML_PROMO_LINE)},
    {"join our newsletter", 19, LX(HTML_PROMO_LINE)},
    {"journalist", 10, LX(ROLE_NOUN)},
    {"jr", 2, LX(NAME_TITLE)},
    {"just now", 8, LX(JUST_NOW)},
    {"keine kommentare", 16, LX(HTML_PROMO_LINE)},
    {"ket", 3, LX(SHARE_WORD)},
    {"keypoints", 9, LX(STANDFIRST_CLASS)},
    {"keywords", 8, LX(HTML_FOOT_LABEL)},
    {"kg", 2, LX(ORG_FORM)},
    {"kommentar schreiben", 19, LX(HTML_PROMO_LINE)},
    {"kommentare", 10, LX(COUNTED_BOX) | LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"kommentare geschlossen", 22, LX(HTML_PROMO_LINE)},
    {"kommentare insgesamt", 20, LX(HTML_PROMO_LINE)},
    {"kommentare schreiben", 20, LX(HTML_PROMO_LINE)},
    {"kommentarer", 11, LX(COUNTED_BOX) | LX(SECTION_HEAD)},
    {"kommentieren", 12, LX(HTML_FURNITURE_LINE)},
    {"kontakt", 7, LX(HTML_FURNITURE_LINE)},
    {"la", 2, LX(NAME_PARTICLE)},
    {"la suite est reservee aux abonnes", 33, LX(HTML_PAYWALL)},
    {"laden sie die app", 17, LX(HTML_PROMO_LINE)},
    {"las mer", 7, LX(HTML_RELATED_MARK)},
    {"las ocksa", 9, LX(HTML_RELATED_MARK)},
    {"last updated", 12, LX(DATELINE_WORD)},
    {"latest", 6, LX(SECTION_HEAD)},
    {"latest news", 11, LX(SECTION_HEAD)},
    {"le", 2, LX(NAME_PARTICLE)},
    {"le podria interesar", 19, LX(HTML_RELATED_MARK)},
    {"le puede interesar", 18, LX(HTML_RELATED_MARK)},
    {"lea", 3, LX(HTML_RELATED_MARK)},
    {"lea mas", 7, LX(HTML_RELATED_MARK)},
    {"lea tambien", 11, LX(HTML_RELATED_MARK)},
    {"leave a comment", 15, LX(HTML_FURNITURE_LINE) | LX(RELATED_END)},
    {"leave a reply", 13, LX(HTML_ENDS_ARTICLE) | LX(RELATED_END)},
    {"lee mas", 7, LX(HTML_RELATED_MARK)},
    {"lee tambien", 11, LX(HTML_RELATED_MARK)},
    {"leer tambien", 12, LX(HTML_RELATED_MARK)},
    {"lees meer", 9, LX(HTML_RELATED_MARK)},
    {"lees ook", 8, LX(HTML_RELATED_MARK)},
    {"legenda", 7, LX(CAPTION_LABEL)},
    {"legende", 7, LX(CAPTION_LABEL)},
    {"leggi", 5, LX(HTML_RELATED_MARK)},
    {"leggi anche", 11, LX(HTML_RELATED_MARK)},
    {"leia mais", 9, LX(HTML_RELATED_MARK)},
    {"leia tambem", 11, LX(HTML_RELATED_MARK)},
    {"len dau trang", 13, LX(FURNITURE)},
    {"les mer", 7, LX(HTML_RELATED_MARK)},
    {"les ogsa", 8, LX(HTML_RELATED_MARK)},
    {"les plus lus", 12, LX(HTML_ENDS_ARTICLE)},
    {"lesedauer", 9, LX(READING_LABEL) | LX(READING_CLOSER)},
    {"lesen", 5, LX(READING_CLOSER)},
    {"lesen sie auch", 14, LX(HTML_RELATED_MARK) | LX(INLINE_RELATED)},
    {"lesen sie hier", 14, LX(HTML_RELATED_MARK)},
    {"lesezeit", 8, LX(READING_LABEL) | LX(READING_CLOSER)},
    {"leyenda", 7, LX(CAPTION_LABEL)},
    {"lien", 4, LX(SHARE_WORD)},
    {"lien he quang cao", 17, LX(FURNITURE_PREFIX)},
    {"lies auch", 9, LX(HTML_RELATED_MARK)},
    {"lifestyle", 9, LX(ROLE_OPENER)},
    {"like", 4, LX(FURNITURE)},
    {"like us on facebook", 19, LX(HTML_PROMO_LINE)},
    {"link", 4, LX(SHARE_WORD)},
    {"linkedin", 8, LX(SHARE_ANCHOR) | LX(SHARE_WORD)},
    {"lire aussi", 10, LX(HTML_RELATED_MARK)},
    {"lire egalement", 14, LX(HTML_RELATED_MARK)},
    {"listen to this article", 22, LX(FURNITURE)},
    {"live", 4, LX(KIND_LIVE)},
    {"live updates", 12, LX(KIND_LIVE)},
    {"llc", 3, LX(ORG_FORM)},
    {"lo mas leido", 12, LX(HTML_ENDS_ARTICLE)},
    {"loading", 7, LX(FURNITURE) | LX(HTML_FURNITURE_LINE)},
    {"log in", 6, LX(FURNITURE)},
    {"login", 5, LX(FURNITURE)},
    {"longform", 8, LX(KIND_ARTICLE)},
    {"ltd", 3, LX(ORG_FORM)},
    {"luan", 4, LX(SHARE_WORD)},
    {"lust auf mehr", 13, LX(HTML_PROMO_LINE)},
    {"luu", 3, LX(FURNITURE) | LX(SHARE_WORD)},
    {"luu bai", 7, LX(FURNITURE)},
    {"mail", 4, LX(SHARE_WORD)},
    {"managing", 8, LX(ROLE_OPENER)},
    {"material chroniony prawem", 25, LX(HTML_PROMO_LINE)},
    {"mba", 3, LX(NAME_TITLE)},
    {"md", 2, LX(NAME_TITLE)},
    {"media caption", 13, LX(FURNITURE)},
    {"meest gelezen", 13, LX(HTML_ENDS_ARTICLE)},
    {"mehr dazu", 9, LX(HTML_RELATED_MARK)},
    {"mehr informationen", 18, LX(HTML_FURNITURE_LINE)},
    {"mehr lesen uber", 15, LX(SECTION_HEAD)},
    {"mehr themen", 11, LX(HTML_RELATED_MARK)},
    {"mehr zum thema", 14, LX(HTML_ENDS_ARTICLE) | LX(HTML_RELATED_MARK)},
    {"meistgelesen", 12, LX(HTML_ENDS_ARTICLE)},
    {"meistgelesene artikel", 21, LX(HTML_ENDS_ARTICLE)},
    {"menu", 4, LX(FURNITURE)},
    {"messenger", 9, LX(SHARE_ANCHOR) | LX(SHARE_WORD)},
    {"mest last", 9, LX(HTML_ENDS_ARTICLE)},
    {"mest lest", 9, LX(HTML_ENDS_ARTICLE)},
    {"min", 3, LX(READING_UNIT)},
    {"mins", 4, LX(READING_UNIT)},
    {"mins ago", 8, LX(TIME_UNIT)},
    {"minut", 5, LX(READING_UNIT)},
    {"minute", 6, LX(READING_UNIT)},
    {"minute ago", 10, LX(TIME_UNIT)},
    {"minuten", 7, LX(READING_UNIT)},
    {"minutes", 7, LX(READING_UNIT)},
    {"minutes ago", 11, LX(TIME_UNIT)},
    {"minuti", 6, LX(READING_UNIT)},
    {"minutos", 7, LX(READING_UNIT)},
    {"mira", 4, LX(HTML_RELATED_MARK)},
    {"mire", 4, LX(HTML_RELATED_MARK)},
    {"mis a jour", 10, LX(DATELINE_WORD)},
    {"missing out on the latest", 25, LX(HTML_PROMO_LINE)},
    {"mochten sie den artikel teilen", 30, LX(HTML_PROMO_LINE)},
    {"moi ban doc theo doi", 20, LX(FURNITURE_PREFIX)},
    {"moi nhat", 8, LX(SECTION_HEAD)},
    {"moi quy doc gia theo doi", 24, LX(FURNITURE_PREFIX)},
    {"money", 5, LX(ROLE_OPENER)},
    {"month ago", 9, LX(TIME_UNIT)},
    {"months ago", 10, LX(TIME_UNIT)},
    {"more", 4, LX(FURNITURE)},
    {"more from", 9, LX(HTML_ENDS_ARTICLE) | LX(SECTION_PREFIX)},
    {"more information", 16, LX(HTML_FURNITURE_LINE)},
    {"more news", 9, LX(HTML_ENDS_ARTICLE) | LX(SECTION_HEAD)},
    {"more on this", 12, LX(HTML_RELATED_MARK)},
    {"more on this story", 18, LX(RELATED_HEAD)},
    {"more stories", 12, LX(HTML_ENDS_ARTICLE) | LX(SECTION_HEAD)},
    {"most popular", 12, LX(HTML_ENDS_ARTICLE) | LX(MOST_READ_HEAD) | LX(SECTION_HEAD)},
    {"most read", 9, LX(HTML_ENDS_ARTICLE) | LX(MOST_READ_HEAD) | LX(SECTION_HEAD)},
    {"most shared", 11, LX(MOST_READ_HEAD) | LX(SECTION_HEAD)},
    {"most viewed", 11, LX(MOST_READ_HEAD) | LX(SECTION_HEAD)},
    {"mph", 3, LX(NAME_TITLE)},
    {"msc", 3, LX(NAME_TITLE)},
    {"multimedia", 10, LX(SECTION_HEAD)},
    {"najczesciej czytane", 19, LX(HTML_ENDS_ARTICLE)},
    {"nam truoc", 9, LX(TIME_UNIT)},
    {"never miss", 10, LX(HTML_PROMO_LINE)},
    {"news", 4, LX(ROLE_OPENER)},
    {"newsletter", 10, LX(PROMO_HEAD) | LX(SECTION_HEAD)},
    {"newsletter abonnieren", 21, LX(HTML_PROMO_LINE)},
    {"newsroom", 8, LX(BYLINE_ACCOUNT)},
    {"next", 4, LX(FURNITURE)},
    {"next post", 9, LX(RELATED_END)},
    {"ngay truoc", 10, LX(TIME_UNIT)},
    {"nghe", 4, LX(FURNITURE) | LX(SHARE_WORD)},
    {"nghe bai viet", 13, LX(FURNITURE)},
    {"nghe doc bai", 12, LX(FURNITURE)},
    {"nguon", 5, LX(CREDIT_VI)},
    {"nguon anh", 9, LX(HTML_CREDIT_VI)},
    {"noi bat", 7, LX(SECTION_HEAD)},
    {"notas relacionadas", 18, LX(HTML_RELATED_MARK)},
    {"noticias relacionadas", 21, LX(HTML_ENDS_ARTICLE)},
    {"och", 3, LX(NAME_JOIN)},
    {"og", 2, LX(NAME_JOIN)},
    {"on", 2, LX(SHARE_WORD)},
    {"opinion", 7, LX(ROLE_OPENER)},
    {"oraz", 4, LX(NAME_JOIN)},
    {"originalartikel", 15, LX(HTML_FURNITURE_LINE)},
    {"originalpublikation", 19, LX(HTML_FURNITURE_LINE)},
    {"other news", 10, LX(HTML_ENDS_ARTICLE)},
    {"other opinion", 13, LX(HTML_ENDS_ARTICLE)},
    {"other stories", 13, LX(HTML_ENDS_ARTICLE)},
    {"par", 3, LX(BYLINE_PREFIX)},
    {"partager", 8, LX(HTML_FURNITURE_LINE)},
    {"phd", 3, LX(NAME_TITLE)},
    {"phien ban di dong", 17, LX(FURNITURE) | LX(FURNITURE_PREFIX)},
    {"phong su anh", 12, LX(KIND_PHOTO) | LX(SECTION_HEAD)},
    {"phong to", 8, LX(FURNITURE)},
    {"photo", 5, LX(CREDIT_EN) | LX(FURNITURE)},
    {"photo essay", 11, LX(KIND_PHOTO)},
    {"photograph", 10, LX(CREDIT_EN)},
    {"photographer", 12, LX(ROLE_NOUN)},
    {"photographs", 11, LX(HTML_CREDIT_EN)},
    {"photos", 6, LX(HTML_CREDIT_EN) | LX(KIND_PHOTO)},
    {"phut truoc", 10, LX(TIME_UNIT)},
    {"picture", 7, LX(CREDIT_EN)},
    {"pinnen", 6, LX(HTML_FURNITURE_LINE)},
    {"pinterest", 9, LX(SHARE_WORD)},
    {"play video", 10, LX(FURNITURE)},
    {"plc", 3, LX(ORG_FORM)},
    {"please log in", 13, LX(HTML_PROMO_LINE)},
    {"podcast", 7, LX(KIND_PODCAST) | LX(PROMO_HEAD) | LX(SECTION_HEAD)},
    {"political", 9, LX(ROLE_OPENER)},
    {"politics", 8, LX(ROLE_OPENER)},
    {"popular", 7, LX(SECTION_HEAD) | LX(STORY_BOX_HEAD)},
    {"por", 3, LX(BYLINE_PREFIX)},
    {"post navigation", 15, LX(RELATED_END)},
    {"posted", 6, LX(DATELINE_WORD)},
    {"posted by", 9, LX(BYLINE_PREFIX)},
    {"potrebbe interessarti", 21, LX(HTML_RELATED_MARK)},
    {"preamble", 8, LX(STANDFIRST_CLASS)},
    {"previous", 8, LX(FURNITURE)},
    {"previous post", 13, LX(RELATED_END)},
    {"print", 5, LX(FURNITURE) | LX(HTML_FURNITURE_LINE) | LX(SHARE_ANCHOR) | LX(SHARE_WORD)},
    {"producer", 8, LX(ROLE_NOUN)},
    {"prof", 4, LX(NAME_TITLE)},
    {"przeczytaj tez", 14, LX(HTML_RELATED_MARK)},
    {"przez", 5, LX(BYLINE_PREFIX)},
    {"pubblicita", 10, LX(HTML_FURNITURE_LINE)},
    {"publicado", 9, LX(DATELINE_WORD)},
    {"publicado por", 13, LX(BYLINE_PREFIX)},
    {"publicidad", 10, LX(HTML_FURNITURE_LINE)},
    {"publicite", 9, LX(HTML_FURNITURE_LINE)},
    {"publie", 6, LX(DATELINE_WORD)},
    {"publie par", 10, LX(BYLINE_PREFIX)},
    {"published", 9, LX(DATELINE_WORD)},
    {"puede interesarte", 17, LX(HTML_RELATED_MARK)},
    {"puedes ver", 10, LX(HTML_RELATED_MARK)},
    {"quang cao", 9, LX(FURNITURE) | LX(HTML_FURNITURE_LINE)},
    {"quay lai", 8, LX(FURNITURE)},
    {"quelle", 6, LX(HTML_CREDIT_EN)},
    {"quellenangaben", 14, LX(HTML_FURNITURE_LINE)},
    {"quet ma qr", 10, LX(FURNITURE_PREFIX)},
    {"reacties", 8, LX(COUNTED_BOX) | LX(SECTION_HEAD)},
    {"read", 4, LX(BRACKET_RELATED) | LX(HTML_RELATED_MARK) | LX(READING_CLOSER)},
    {"read more", 9, LX(BRACKET_RELATED) | LX(FURNITURE) | LX(HTML_FURNITURE_LINE) | LX(HTML_RELATED_MARK) | LX(INLINE_RELATED) | LX(RELATED_HEAD)},
    {"read next", 9, LX(HTML_RELATED_MARK)},
    {"read time", 9, LX(READING_LABEL)},
    {"reading", 7, LX(READING_CLOSER)},
    {"reading time", 12, LX(READING_LABEL)},
    {"recommended", 11, LX(SECTION_HEAD)},
    {"recommended for you", 19, LX(HTML_ENDS_ARTICLE) | LX(SECTION_HEAD)},
    {"recommended from", 16, LX(SECTION_PREFIX)},
    {"redaccion", 9, LX(BYLINE_ACCOUNT)},
    {"redaction", 9, LX(BYLINE_ACCOUNT)},
    {"redaktion", 9, LX(BYLINE_ACCOUNT)},
    {"redazione", 9, LX(BYLINE_ACCOUNT)},
    {"reddit", 6, LX(SHARE_WORD)},
    {"reklama", 7, LX(HTML_FURNITURE_LINE)},
    {"reklame", 7, LX(HTML_FURNITURE_LINE)},
    {"related", 7, LX(BRACKET_RELATED) | LX(HTML_RELATED_MARK) | LX(INLINE_RELATED) | LX(RELATED_HEAD)},
    {"related articles", 16, LX(RELATED_HEAD)},
    {"related content", 15, LX(RELATED_HEAD)},
    {"related coverage", 16, LX(RELATED_HEAD)},
    {"related links", 13, LX(RELATED_HEAD)},
    {"related news", 12, LX(RELATED_HEAD)},
    {"related posts", 13, LX(RELATED_HEAD)},
    {"related reading", 15, LX(RELATED_HEAD)},
    {"related stories", 15, LX(RELATED_HEAD)},
    {"related topics", 14, LX(FURNITURE)},
    {"release date", 12, LX(HTML_FURNITURE_LINE)},
    {"reporter", 8, LX(ROLE_NOUN)},
    {"rezept drucken", 14, LX(HTML_FURNITURE_LINE)},
    {"rn", 2, LX(NAME_TITLE)},
    {"royal", 5, LX(ROLE_OPENER)},
    {"sao", 3, LX(SHARE_WORD)},
    {"sao chep lien ket", 17, LX(FURNITURE)},
    {"save", 4, LX(FURNITURE) | LX(SHARE_WORD)},
    {"schon gelesen", 13, LX(HTML_RELATED_MARK)},
    {"science", 7, LX(ROLE_OPENER)},
    {"scroll to continue with content", 31, LX(HTML_FURNITURE_LINE)},
    {"se", 2, LX(SHARE_WORD)},
    {"search", 6, LX(FURNITURE)},
    {"second ago", 10, LX(TIME_UNIT)},
    {"seconds ago", 11, LX(TIME_UNIT)},
    {"see also", 8, LX(BRACKET_RELATED) | LX(HTML_RELATED_MARK) | LX(INLINE_RELATED) | LX(RELATED_HEAD)},
    {"senior", 6, LX(ROLE_OPENER)},
    {"seo", 3, LX(BYLINE_ACCOUNT)},
    {"share", 5, LX(FURNITURE) | LX(HTML_FURNITURE_LINE) | LX(SHARE_ANCHOR) | LX(SHARE_WORD)},
    {"share on facebook", 17, LX(FURNITURE)},
    {"share on twitter", 16, LX(FURNITURE)},
    {"share this", 10, LX(FURNITURE) | LX(HTML_FOOT_LABEL)},
    {"share this article", 18, LX(HTML_PROMO_LINE) | LX(SECTION_HEAD)},
    {"showbiz", 7, LX(ROLE_OPENER)},
    {"sie mussen sich einloggen", 25, LX(HTML_PROMO_LINE)},
    {"sie sind aktuell nicht eingeloggt", 33, LX(HTML_PROMO_LINE)},
    {"siehe auch", 10, LX(HTML_RELATED_MARK)},
    {"sign in", 7, LX(FURNITURE)},
    {"sign up", 7, LX(PROMO_HEAD) | LX(SECTION_HEAD)},
    {"sign up for", 11, LX(FURNITURE_PREFIX) | LX(HTML_PROMO_LINE)},
    {"sign up to", 10, LX(HTML_PROMO_LINE)},
    {"siguenos en", 11, LX(HTML_PROMO_LINE)},
    {"skip navigation", 15, LX(FURNITURE) | LX(HTML_FURNITURE_LINE)},
    {"skip to content", 15, LX(FURNITURE) | LX(HTML_FURNITURE_LINE)},
    {"skip to main content", 20, LX(FURNITURE) | LX(HTML_FURNITURE_LINE)},
    {"sommaire", 8, LX(HTML_FURNITURE_LINE)},
    {"source", 6, LX(HTML_CREDIT_EN)},
    {"special", 7, LX(ROLE_OPENER)},
    {"spis tresci", 11, LX(HTML_FURNITURE_LINE)},
    {"sponsored", 9, LX(HTML_FURNITURE_LINE)},
    {"sport", 5, LX(ROLE_OPENER)},
    {"sports", 6, LX(ROLE_OPENER)},
    {"sr", 2, LX(NAME_TITLE)},
    {"staff", 5, LX(ROLE_OPENER)},
    {"stand", 5, LX(DATELINE_WORD)},
    {"story continues below advertisement", 35, LX(HTML_FURNITURE_LINE)},
    {"strapline", 9, LX(STANDFIRST_CLASS)},
    {"su kien", 7, LX(SECTION_HEAD)},
    {"submit your letter", 18, LX(HTML_PROMO_LINE)},
    {"subscribe", 9, LX(FURNITURE)},
    {"subscribe now", 13, LX(HTML_PROMO_LINE)},
    {"subscribe to", 12, LX(FURNITURE_PREFIX) | LX(HTML_PROMO_LINE)},
    {"suivez nous", 11, LX(HTML_PROMO_LINE)},
    {"superuser", 9, LX(BYLINE_ACCOUNT)},
    {"supported by", 12, LX(FURNITURE)},
    {"sur le meme sujet", 17, LX(HTML_ENDS_ARTICLE)},
    {"suscribete", 10, LX(HTML_PROMO_LINE)},
    {"tabla de contenidos", 19, LX(HTML_FURNITURE_LINE)},
    {"table of contents", 17, LX(HTML_FURNITURE_LINE)},
    {"tac gia", 7, LX(BYLINE_PREFIX) | LX(BYLINE_LABEL)},
    {"tag", 3, LX(POST_LABEL) | LX(SECTION_HEAD)},
    {"tags", 4, LX(HTML_FOOT_LABEL) | LX(POST_LABEL) | LX(SECTION_HEAD) | LX(SECTION_PREFIX)},
    {"tai app", 7, LX(FURNITURE_PREFIX)},
    {"tai tro", 7, LX(SECTION_HEAD)},
    {"tai ung dung", 12, LX(FURNITURE)},
    {"tambien te puede interesar", 26, LX(HTML_RELATED_MARK)},
    {"te podria interesar", 19, LX(HTML_RELATED_MARK)},
    {"te puede interesar", 18, LX(HTML_RELATED_MARK)},
    {"tech", 4, LX(ROLE_OPENER)},
    {"technology", 10, LX(ROLE_OPENER)},
    {"teilen", 6, LX(HTML_FURNITURE_LINE)},
    {"teilen sie diesen artikel", 25, LX(HTML_PROMO_LINE)},
    {"telegram", 8, LX(SHARE_ANCHOR) | LX(SHARE_WORD)},
    {"tempo di lettura", 16, LX(READING_LABEL)},
    {"temps de lecture", 16, LX(READING_LABEL)},
    {"ten", 3, LX(NAME_PARTICLE)},
    {"ter", 3, LX(NAME_PARTICLE)},
    {"text", 4, LX(BYLINE_PREFIX) | LX(BYLINE_LABEL)},
    {"texto", 5, LX(BYLINE_PREFIX) | LX(BYLINE_LABEL)},
    {"thang truoc", 11, LX(TIME_UNIT)},
    {"the", 3, LX(POST_LABEL)},
    {"theo", 4, LX(BYLINE_PREFIX)},
    {"theo doi", 8, LX(FURNITURE)},
    {"theo doi bao", 12, LX(FURNITURE_PREFIX)},
    {"theo doi chung toi", 18, LX(FURNITURE)},
    {"thich", 5, LX(FURNITURE)},
    {"this article is exclusive to subscribers", 40, LX(HTML_PAYWALL)},
    {"this article is for subscribers", 31, LX(HTML_PAYWALL)},
    {"this content is for subscribers", 31, LX(HTML_PAYWALL)},
    {"this content is reserved for subscribers", 40, LX(HTML_PAYWALL)},
    {"this story is for subscribers", 29, LX(HTML_PAYWALL)},
    {"thong tin doanh nghiep", 22, LX(SECTION_HEAD)},
    {"tiempo de lectura", 17, LX(READING_LABEL)},
    {"tieu diem", 9, LX(SECTION_HEAD)},
    {"tim kiem", 8, LX(FURNITURE)},
    {"tin anh", 7, LX(SECTION_HEAD)},
    {"tin bai lien quan", 17, LX(HTML_RELATED_MARK) | LX(RELATED_HEAD)},
    {"tin cung chu de", 15, LX(HTML_RELATED_MARK) | LX(RELATED_HEAD)},
    {"tin cung chuyen muc", 19, LX(HTML_ENDS_ARTICLE) | LX(SECTION_HEAD)},
    {"tin doc nhieu", 13, LX(MOST_READ_HEAD) | LX(SECTION_HEAD)},
    {"tin hot", 7, LX(SECTION_HEAD)},
    {"tin khac", 8, LX(HTML_ENDS_ARTICLE) | LX(SECTION_HEAD)},
    {"tin lien quan", 13, LX(HTML_FURNITURE_LINE) | LX(HTML_RELATED_MARK) | LX(INLINE_RELATED) | LX(RELATED_HEAD)},
    {"tin moi", 7, LX(SECTION_HEAD)},
    {"tin moi cap nhat", 16, LX(SECTION_HEAD)},
    {"tin moi nhat", 12, LX(HTML_ENDS_ARTICLE) | LX(SECTION_HEAD)},
    {"tin noi bat", 11, LX(SECTION_HEAD)},
    {"tin nong", 8, LX(SECTION_HEAD)},
    {"tin tai tro", 11, LX(SECTION_HEAD)},
    {"tin tuc lien quan", 17, LX(RELATED_HEAD)},
    {"tin xem nhieu", 13, LX(MOST_READ_HEAD) | LX(SECTION_HEAD)},
    {"titelbild", 9, LX(HTML_CREDIT_EN)},
    {"to continue reading", 19, LX(HTML_PROMO_LINE)},
    {"toa soan", 8, LX(FURNITURE_PREFIX)},
    {"toggle caption", 14, LX(FURNITURE)},
    {"toggle navigation", 17, LX(FURNITURE)},
    {"top", 3, LX(FURNITURE)},
    {"top stories", 11, LX(SECTION_HEAD) | LX(STORY_BOX_HEAD)},
    {"traffic team", 12, LX(BYLINE_ACCOUNT)},
    {"trang chu", 9, LX(FURNITURE)},
    {"travel", 6, LX(ROLE_OPENER)},
    {"trending", 8, LX(SECTION_HEAD) | LX(STORY_BOX_HEAD)},
    {"tro lai", 7, LX(FURNITURE)},
    {"truc tiep", 9, LX(KIND_LIVE)},
    {"tu khoa", 7, LX(HTML_FOOT_LABEL) | LX(POST_LABEL) | LX(SECTION_HEAD) | LX(SECTION_PREFIX)},
    {"tuan truoc", 10, LX(TIME_UNIT)},
    {"tuong thuat truc tiep", 21, LX(KIND_LIVE)},
    {"tweet", 5, LX(FURNITURE) | LX(SHARE_ANCHOR) | LX(SHARE_WORD)},
    {"twitter", 7, LX(FURNITURE) | LX(SHARE_ANCHOR) | LX(SHARE_WORD)},
    {"uber den autor", 14, LX(HTML_ENDS_ARTICLE) | LX(SECTION_HEAD)},
    {"uber die autorin", 16, LX(HTML_ENDS_ARTICLE)},
    {"udostepnij", 10, LX(HTML_FURNITURE_LINE)},
    {"und", 3, LX(NAME_JOIN)},
    {"updated", 7, LX(DATELINE_WORD)},
    {"url", 3, LX(SHARE_WORD)},
    {"va", 2, LX(NAME_JOIN)},
    {"van", 3, LX(NAME_PARTICLE)},
    {"ve", 2, LX(NAME_JOIN)},
    {"vea", 3, LX(HTML_RELATED_MARK)},
    {"vea tambien", 11, LX(HTML_RELATED_MARK)},
    {"veja mais", 9, LX(HTML_RELATED_MARK)},
    {"veja tambem", 11, LX(HTML_RELATED_MARK)},
    {"ver tambien", 11, LX(HTML_RELATED_MARK)},
    {"veroffentlicht", 14, LX(DATELINE_WORD)},
    {"veroffentlicht von", 18, LX(BYLINE_PREFIX)},
    {"verwandte beitrage", 18, LX(HTML_ENDS_ARTICLE) | LX(HTML_RELATED_MARK)},
    {"video", 5, LX(CREDIT_EN) | LX(FURNITURE) | LX(KIND_VIDEO) | LX(SECTION_HEAD) | LX(ROLE_OPENER)},
    {"video dang duoc quan tam", 24, LX(HTML_FURNITURE_LINE)},
    {"viet boi", 8, LX(BYLINE_PREFIX)},
    {"view image", 10, LX(FURNITURE) | LX(HTML_FURNITURE_LINE)},
    {"view images", 11, LX(FURNITURE) | LX(HTML_FURNITURE_LINE)},
    {"view photo", 10, LX(FURNITURE) | LX(HTML_FURNITURE_LINE)},
    {"view photos", 11, LX(FURNITURE) | LX(HTML_FURNITURE_LINE)},
    {"voir aussi", 10, LX(HTML_RELATED_MARK)},
    {"vom", 3, LX(NAME_PARTICLE)},
    {"von", 3, LX(BYLINE_PREFIX) | LX(NAME_PARTICLE)},
    {"vos reactions", 13, LX(HTML_ENDS_ARTICLE) | LX(HTML_FURNITURE_LINE)},
    {"vua xong", 8, LX(JUST_NOW)},
    {"wait 1 second", 13, LX(FURNITURE_PREFIX)},
    {"wait 1 second to continue", 25, LX(FURNITURE)},
    {"war der artikel nutzlich", 24, LX(HTML_PROMO_LINE)},
    {"war dieser artikel hilfreich", 28, LX(HTML_PROMO_LINE)},
    {"was this article helpful", 24, LX(HTML_PROMO_LINE)},
    {"watch", 5, LX(FURNITURE)},
    {"we may receive compensation", 27, LX(HTML_PROMO_LINE)},
    {"we recommend the best products", 30, LX(HTML_PROMO_LINE)},
    {"weather", 7, LX(ROLE_OPENER)},
    {"webmaster", 9, LX(BYLINE_ACCOUNT)},
    {"week ago", 8, LX(TIME_UNIT)},
    {"weeks ago", 9, LX(TIME_UNIT)},
    {"weitere artikel", 15, LX(HTML_ENDS_ARTICLE)},
    {"weitere beitrage", 16, LX(HTML_RELATED_MARK)},
    {"weitere informationen", 21, LX(HTML_FURNITURE_LINE)},
    {"weiterfuhrende links", 20, LX(HTML_RELATED_MARK)},
    {"weiterfuhrender link", 20, LX(HTML_RELATED_MARK)},
    {"weiterlesen", 11, LX(HTML_FURNITURE_LINE)},
    {"werbeanzeige", 12, LX(HTML_FURNITURE_LINE)},
    {"werbung", 7, LX(HTML_FURNITURE_LINE)},
    {"whatsapp", 8, LX(SHARE_ANCHOR) | LX(SHARE_WORD)},
    {"wird geladen", 12, LX(HTML_FURNITURE_LINE)},
    {"world", 5, LX(ROLE_OPENER)},
    {"writer", 6, LX(ROLE_NOUN)},
    {"written by", 10, LX(BYLINE_PREFIX)},
    {"x", 1, LX(SHARE_WORD)},
    {"xem anh", 7, LX(FURNITURE)},
    {"xem nhieu", 9, LX(HTML_ENDS_ARTICLE) | LX(MOST_READ_HEAD) | LX(SECTION_HEAD)},
    {"xem nhieu nhat", 14, LX(MOST_READ_HEAD) | LX(SECTION_HEAD)},
    {"xem them", 8, LX(BRACKET_RELATED) | LX(FURNITURE) | LX(HTML_FURNITURE_LINE) | LX(HTML_RELATED_MARK) | LX(INLINE_RELATED) | LX(SECTION_HEAD)},
    {"xem them tu", 11, LX(SECTION_PREFIX)},
    {"xem tiep", 8, LX(HTML_RELATED_MARK) | LX(SECTION_HEAD)},
    {"xem tren", 8, LX(FURNITURE) | LX(FURNITURE_PREFIX)},
    {"xem video", 9, LX(FURNITURE)},
    {"xin cho", 7, LX(FURNITURE_PREFIX)},
    {"xin cho trong giay lat", 22, LX(FURNITURE)},
    {"xin cho trong giay lat...", 25, LX(FURNITURE)},
    {"y", 1, LX(NAME_JOIN)},
    {"y kien", 6, LX(COUNTED_BOX) | LX(SECTION_HEAD)},
    {"y kien ban doc", 14, LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"year ago", 8, LX(TIME_UNIT)},
    {"years ago", 9, LX(TIME_UNIT)},
    {"you may also be interested", 26, LX(HTML_ENDS_ARTICLE)},
    {"you may also like", 17, LX(HTML_ENDS_ARTICLE) | LX(SECTION_HEAD)},
    {"you might also like", 19, LX(HTML_ENDS_ARTICLE)},
    {"you must be logged in", 21, LX(HTML_PROMO_LINE)},
    {"zalo", 4, LX(FURNITURE) | LX(SHARE_ANCHOR) | LX(SHARE_WORD)},
    {"zobacz takze", 12, LX(HTML_RELATED_MARK)},
    {"zobacz tez", 10, LX(HTML_RELATED_MARK)},
    {"zu", 2, LX(NAME_PARTICLE)},
    {"zum weiterlesen", 15, LX(HTML_RELATED_MARK)},
    {"zur", 3, LX(NAME_PARTICLE)},
    {"zusatzinformationen", 19, LX(HTML_FURNITURE_LINE)},
    {"© ", 3, LX(FURNITURE_PREFIX)},
    /* Hangul keys folded to their jamo (bt_fold decomposes the syllables) */
    {"\xE1\x84\x80\xE1\x85\xA2\xE1\x86\xA8\xE1\x84\x8B\xE1\x85\xAF\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xB5\xE1\x84\x8C\xE1\x85\xA1", 30, LX(NAME_ROLE)}, /* 객원기자 */
    {"\xE1\x84\x80\xE1\x85\xB5\xE1\x84\x8C\xE1\x85\xA1", 12, LX(NAME_ROLE)}, /* 기자 */
    {"\xE1\x84\x82\xE1\x85\xA9\xE1\x86\xAB\xE1\x84\x89\xE1\x85\xA5\xE1\x86\xAF\xE1\x84\x8B\xE1\x85\xB1\xE1\x84\x8B\xE1\x85\xAF\xE1\x86\xAB", 33, LX(NAME_ROLE)}, /* 논설위원 */
    {"\xE1\x84\x89\xE1\x85\xA5\xE1\x86\xAB\xE1\x84\x8B\xE1\x85\xB5\xE1\x86\xB7\xE1\x84\x80\xE1\x85\xB5\xE1\x84\x8C\xE1\x85\xA1", 30, LX(NAME_ROLE)}, /* 선임기자 */
    {"\xE1\x84\x89\xE1\x85\xAE\xE1\x84\x89\xE1\x85\xB3\xE1\x86\xB8\xE1\x84\x80\xE1\x85\xB5\xE1\x84\x8C\xE1\x85\xA1", 27, LX(NAME_ROLE)}, /* 수습기자 */
    {"\xE1\x84\x8B\xE1\x85\xB5\xE1\x86\xAB\xE1\x84\x90\xE1\x85\xA5\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xB5\xE1\x84\x8C\xE1\x85\xA1", 30, LX(NAME_ROLE)}, /* 인턴기자 */
    {"\xE1\x84\x8C\xE1\x85\xA5\xE1\x86\xAB\xE1\x84\x86\xE1\x85\xAE\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xB5\xE1\x84\x8C\xE1\x85\xA1", 30, LX(NAME_ROLE)}, /* 전문기자 */
    {"\xE1\x84\x90\xE1\x85\xB3\xE1\x86\xA8\xE1\x84\x91\xE1\x85\xA1\xE1\x84\x8B\xE1\x85\xAF\xE1\x86\xAB", 24, LX(NAME_ROLE)}, /* 특파원 */
    {"\xE1\x84\x91\xE1\x85\xA7\xE1\x86\xAB\xE1\x84\x8C\xE1\x85\xB5\xE1\x86\xB8\xE1\x84\x8B\xE1\x85\xB1\xE1\x84\x8B\xE1\x85\xAF\xE1\x86\xAB", 33, LX(NAME_ROLE)}, /* 편집위원 */
    {"おすすめ情報", 18, LX(HTML_ENDS_ARTICLE)},
    {"この記事は会員限定です", 36, LX(HTML_PAYWALL)},
    {"みんなのポストを見る", 33, LX(HTML_FURNITURE_LINE)}, /* folded: the voicing mark apart */
    {"シェア", 9, LX(HTML_FURNITURE_LINE)},
    {"ブックマーク", 21, LX(HTML_FURNITURE_LINE)}, /* folded: the voicing mark apart */
    {"ポスト", 12, LX(HTML_FURNITURE_LINE)}, /* folded: the voicing mark apart */
    {"メール", 9, LX(HTML_FURNITURE_LINE)},
    {"作者", 6, LX(BYLINE_PREFIX)},
    {"编辑", 6, LX(BYLINE_PREFIX)},
    {"记者", 6, LX(BYLINE_PREFIX)},
    {"责编", 6, LX(BYLINE_PREFIX)},
    {"関連キーワード", 24, LX(HTML_ENDS_ARTICLE)}, /* the key folded: the kana voicing mark apart */
};

#define N_ENTRIES (sizeof TABLE / sizeof TABLE[0])

/* memcmp order with the shorter of two equal prefixes first: the order of the table. */
static int cmp_key(const char *a, size_t an, const entry *e)
{
    size_t bn = e->len;
    int c = memcmp(a, e->key, an < bn ? an : bn);
    return c ? c : (an > bn) - (an < bn);
}

static const entry *find(const char *f, size_t n)
{
    size_t lo = 0, hi = N_ENTRIES;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_key(f, n, &TABLE[mid]);
        if (!c)
            return &TABLE[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

int bti_lex_has(bti_lex_set lists, const char *f, size_t n)
{
    if (n == 0 || n > BTI_LEX_MAX_KEY)
        return 0;
    const entry *e = find(f, n);
    return e && (e->lists & lists);
}

static int boundary(const char *s, size_t j, size_t n, const char *ends)
{
    if (j == n)
        return 1;
    unsigned char c = (unsigned char)s[j];
    if (!ends)
        return c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                             (c >= '0' && c <= '9'));
    return c && strchr(ends, c) != NULL;
}

/* The entries that start with a key being read a byte at a time: TABLE[lo..hi), sorted, so
 * each byte narrows the range with two binary searches over what is left; an empty range
 * ends the walk (most words end it at their first or second letter). */
typedef struct range {
    size_t lo, hi;
} range;

/* Narrows r (entries that start with the key's first `pos` bytes) by its byte at pos, c.
 * Entries of exactly pos bytes come first in r, then the longer ones by their byte at pos. */
static void narrow(range *r, size_t pos, unsigned char c)
{
    size_t lo = r->lo, hi = r->hi;
    while (lo < hi) { /* the first entry longer than pos whose byte at pos is not below c */
        size_t mid = lo + (hi - lo) / 2;
        const entry *e = &TABLE[mid];
        if (e->len <= pos || (unsigned char)e->key[pos] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t first = lo;
    hi = r->hi;
    while (lo < hi) { /* the first entry whose byte at pos is above c */
        size_t mid = lo + (hi - lo) / 2;
        if ((unsigned char)TABLE[mid].key[pos] > c)
            hi = mid;
        else
            lo = mid + 1;
    }
    r->lo = first;
    r->hi = lo;
}

/* Whether the key read so far (pos bytes, r narrowed by all of them) is an entry of `lists`:
 * it would be the first of r, the shortest. */
static int at_entry(const range *r, size_t pos, bti_lex_set lists)
{
    return r->lo < r->hi && TABLE[r->lo].len == pos && (TABLE[r->lo].lists & lists);
}

size_t bti_lex_prefix(bti_lex_set lists, const char *f, size_t n, const char *ends)
{
    range r = {0, N_ENTRIES};
    size_t best = 0, lim = n < BTI_LEX_MAX_KEY ? n : BTI_LEX_MAX_KEY;
    for (size_t j = 0; j < lim && r.lo < r.hi; j++) {
        narrow(&r, j, (unsigned char)f[j]);
        if (at_entry(&r, j + 1, lists) && boundary(f, j + 1, n, ends))
            best = j + 1;
    }
    return best;
}

/* Bytes of the UTF-8 sequence led by c (1 for a stray continuation byte). */
static size_t seq_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* The text is folded a character at a time while some entry still starts with the key so
 * far, and looked up at each boundary. The walk does not depend on the lists, so one walk
 * answers for two sets at once: the longest entry of `a` (returned) and of `b` (*best_b). */
static size_t raw_prefix2(bti_lex_set a, bti_lex_set b, const char *s, size_t n,
                          const char *ends, size_t *best_b)
{
    range r = {0, N_ENTRIES};
    size_t kl = 0, best = 0, j = 0, lim = n < MAX_RAW ? n : MAX_RAW;
    *best_b = 0;
    while (j < lim && r.lo < r.hi) {
        unsigned char c = (unsigned char)s[j];
        if (c < 0x80) {
            if (kl == BTI_LEX_MAX_KEY)
                break;
            narrow(&r, kl++, (unsigned char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
            j++;
        } else {
            size_t cl = seq_len(c);
            if (cl > n - j)
                cl = n - j;
            char one[16];
            size_t fl = bt_fold(s + j, cl, one, sizeof one);
            if (fl >= sizeof one || kl + fl > BTI_LEX_MAX_KEY)
                break;
            for (size_t q = 0; q < fl && r.lo < r.hi; q++)
                narrow(&r, kl++, (unsigned char)one[q]);
            j += cl;
        }
        if (at_entry(&r, kl, a | b) && boundary(s, j, n, ends)) {
            if (at_entry(&r, kl, a))
                best = j;
            if (at_entry(&r, kl, b))
                *best_b = j;
        }
    }
    return best;
}

size_t bti_lex_raw_prefix(bti_lex_set lists, const char *s, size_t n, const char *ends)
{
    size_t none;
    return raw_prefix2(lists, 0, s, n, ends, &none);
}

/* Whether the text at s starts with a capital letter ("Ảnh", "ẢNH", "Photo"). */
static int capitalised(const char *s, size_t len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp);
    return n > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

size_t bti_lex_credit_words(bti_lex_set vi, bti_lex_set en, const char *s, size_t n,
                            size_t *en_len)
{
    size_t l = raw_prefix2(vi, en, s, n, " :", en_len);
    for (size_t i = 0; i < *en_len; i++)
        if ((unsigned char)s[i] >= 0x80) {
            *en_len = 0;
            break;
        }
    return l;
}

size_t bti_lex_credit_word(bti_lex_set vi, bti_lex_set en, const char *s, size_t n, int capital)
{
    size_t en_len, l = bti_lex_credit_words(vi, en, s, n, &en_len);
    if (!l)
        l = en_len;
    if (l && capital && !capitalised(s, n))
        return 0;
    return l;
}

int bti_lex_raw_has(bti_lex_set lists, const char *s, size_t n)
{
    char key[BTI_LEX_MAX_KEY + 1];
    if (n == 0 || n > MAX_RAW)
        return 0;
    size_t kl = bt_fold(s, n, key, sizeof key);
    return kl <= BTI_LEX_MAX_KEY && bti_lex_has(lists, key, kl);
}

size_t bti_lex_size(void) { return N_ENTRIES; }

const char *bti_lex_key(size_t i) { return i < N_ENTRIES ? TABLE[i].key : NULL; }
