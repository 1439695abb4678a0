/* lexicon.h: the furniture vocabulary of both extractors (text and HTML) in one place: every
 * word list a rule compares a line with, looked up by folded key (bt_fold: lowercase, marks
 * off, đ -> d) so that "Đọc nhiều", "ĐỌC NHIỀU" and "doc nhieu" are one entry. Internal to
 * src/extract. The table is constant and sorted at compile time: lookups are pure and
 * thread-safe. */
#ifndef BT_EXTRACT_LEXICON_H
#define BT_EXTRACT_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* A set of the lists below (one bit a list): 64 bits, so that lists can be added without
 * running out (an enum constant must fit an int, hence the macros). */
typedef uint64_t bti_lex_set;
#define BTI_LEX_BIT(n) ((bti_lex_set)1 << (n))

/* The named lists. A key belongs to any number of them (one entry, a set of list bits);
 * lookups take an OR of the lists to search. */
/* Text: a heading over the stories the page links as related to this one ("Tin liên
 * quan"): text_rules.c tx_is_related_heading, read_related_block reads the box. */
#define BTI_LEX_RELATED_HEAD BTI_LEX_BIT(0)
/* Text: a heading of a site-wide section that ends the article ("Đọc nhiều", "Most
 * read"): tx_is_section_heading; the body is never read past one. */
#define BTI_LEX_SECTION_HEAD BTI_LEX_BIT(1)
/* Text: the same, as the start of a line followed by ':' or a word ("Dòng sự kiện: X",
 * "Tags: a, b"): tx_is_section_heading. */
#define BTI_LEX_SECTION_PREFIX BTI_LEX_BIT(2)
/* Text: a whole line of page furniture (font buttons, "Xin chờ", share, login, ads):
 * tx_is_furniture. */
#define BTI_LEX_FURNITURE BTI_LEX_BIT(3)
/* Text: the start of a furniture line followed by ':', a word or nothing ("Copyright
 * ...", "Theo dõi báo ... trên"): tx_is_furniture. */
#define BTI_LEX_FURNITURE_PREFIX BTI_LEX_BIT(4)
/* Text: the words of a row of share/print/comment buttons: tx_share_tail. */
#define BTI_LEX_SHARE_WORD BTI_LEX_BIT(5)
/* Text: the share words that make a row of them a share bar (not "in bài" alone). */
#define BTI_LEX_SHARE_ANCHOR BTI_LEX_BIT(6)
/* Text: a line after which a related box cannot go on (previous/next post, "Leave a
 * reply"): tx_ends_related. */
#define BTI_LEX_RELATED_END BTI_LEX_BIT(7)
/* Text: the label of a post's tags or categories, before its colon ("Tags:", "Thẻ:"):
 * tx_ends_related. */
#define BTI_LEX_POST_LABEL BTI_LEX_BIT(8)
/* Text: a comment box heading counted in brackets ("Bình luận (8)"):
 * tx_is_section_heading. */
#define BTI_LEX_COUNTED_BOX BTI_LEX_BIT(9)
/* Text: the unit after a number in a relative time stamp ("5 giờ trước", "2 hours ago"):
 * tx_is_relative_time. */
#define BTI_LEX_TIME_UNIT BTI_LEX_BIT(10)
/* Text: a relative time stamp without a number ("Vừa xong"): tx_is_relative_time. */
#define BTI_LEX_JUST_NOW BTI_LEX_BIT(11)
/* Text: the lead of an inline related link, before ':' or '>>' ("Xem thêm: X"):
 * tx_inline_related_prefix, and the bracketed links of text_extract.c. */
#define BTI_LEX_INLINE_RELATED BTI_LEX_BIT(12)
/* HTML: a heading or lead that opens related links ("Tin liên quan", "Read more:"):
 * html_output.c, the related-mark rule. */
#define BTI_LEX_HTML_RELATED_MARK BTI_LEX_BIT(13)
/* HTML: a heading that opens the page's other stories: the article is over
 * (html_output.c, the ends-article rule). */
#define BTI_LEX_HTML_ENDS_ARTICLE BTI_LEX_BIT(14)
/* HTML: a whole line pages print between paragraphs that is never the article's
 * ("Advertisement", "Quảng cáo"): html_output.c, the furniture-line rule. */
#define BTI_LEX_HTML_FURNITURE_LINE BTI_LEX_BIT(15)
/* HTML: the lead inside a bracketed link to another story ("[Read: X]"): html_output.c. */
#define BTI_LEX_BRACKET_RELATED BTI_LEX_BIT(16)
/* Both: a Vietnamese photo credit word before its colon ("Ảnh: X", "Nguồn: Y"):
 * text_credit.c tx_split_credit (capitalised only: in running text a lowercase "ảnh:"
 * is prose) and html_caption.c (captions are set apart by the markup: any case). */
#define BTI_LEX_CREDIT_VI BTI_LEX_BIT(17)
/* Both: a credit word, English or the "Foto" of many languages ("Photo: X", "Photo by Y",
 * "Credit: Z", "Foto: W"), capitalised and
 * spelt in ASCII: folded, "Vídeo: EPV" (Spanish) would match "video" and "image
 * credit:" would match "credit", and neither is a credit label in those places. */
#define BTI_LEX_CREDIT_EN BTI_LEX_BIT(18)
/* HTML: Vietnamese credit words only captions set apart in the markup use ("Nguồn ảnh",
 * "Ảnh chụp màn hình"). */
#define BTI_LEX_HTML_CREDIT_VI BTI_LEX_BIT(19)
/* HTML: English credit words only captions use ("Source", "Illustration"); in plain
 * text "Source:" heads an attribution line instead. */
#define BTI_LEX_HTML_CREDIT_EN BTI_LEX_BIT(20)
/* HTML: the label of a line at the foot of the text that is no longer the article's
 * ("Tags: ...", "Từ khóa: ...", "Copyright ...", "Chia sẻ"): html_output.c, trim_edges. */
#define BTI_LEX_HTML_FOOT_LABEL BTI_LEX_BIT(21)
/* A byline's opening word, in the page's languages ("By", "Von", "Par", "Av", "Tác giả"):
 * html_byline.c cuts it before the names. */
#define BTI_LEX_BYLINE_PREFIX BTI_LEX_BIT(22)
/* BYLINE_LABEL: of those, the nouns that name the writer's part ("Text", "Texto", "Autor",
 * "Tác giả"): on a line no markup calls a byline they open one only with their colon ("Text:
 * Anna Berg"), as the same words head page controls ("Text Size Small Medium Large"):
 * html_byline_box.c. */
#define BTI_LEX_BYLINE_LABEL BTI_LEX_BIT(42)
/* DATELINE_WORD: the word that opens a line stating the article's time ("Updated: Dec 15,
 * 2016 2:57 PM UTC", "Published", "Cập nhật", "Veröffentlicht", "Stand"): html_dateline.c
 * reads such a line whatever its element's class says; text captures know it names nobody
 * (text_head_meta.c, bti_text_date_label). */
#define BTI_LEX_DATELINE_WORD BTI_LEX_BIT(46)
/* The word that joins the last two names of a byline ("and", "und", "og", "y", "và"):
 * html_byline.c splits there. */
#define BTI_LEX_NAME_JOIN BTI_LEX_BIT(23)
/* HTML: a platform or CMS account signing as author ("admin", "Webmaster", "SEO, Traffic
 * Team", "mediaindonesia.com developer"): byline_name.c, no person's byline. */
#define BTI_LEX_BYLINE_ACCOUNT BTI_LEX_BIT(35)
/* HTML: a name's particle, the only lower-case word a written name holds ("de", "van",
 * "von", "bin", "al"): byline_name.c tells "Maria de la Cruz" from "Features for Sale". */
#define BTI_LEX_NAME_PARTICLE BTI_LEX_BIT(36)
/* HTML: a title written with a name ("Grant Tinsley, PhD", "Jr.", "Dr. Max Roth"):
 * html_byline.c drops it as a piece of its own, it names nobody; byline_name.c lets it open
 * a name. */
#define BTI_LEX_NAME_TITLE BTI_LEX_BIT(37)
/* HTML: a role written after a name, as a word of its own ("신현주 기자": reporter; "특파원":
 * correspondent): html_byline.c cuts it off the name (NAME_ROLE_SUFFIX). */
#define BTI_LEX_NAME_ROLE BTI_LEX_BIT(31)
/* HTML: a job title written after a name in English ("Howard Blume Staff Writer", "Sam
 * Stein Senior Politics Editor"): the role noun that closes it, and the words that open it
 * (a rank, "Staff", or the desk: "Politics", "Lifestyle"); html_byline.c cuts it off the
 * name (ROLE_PHRASE). */
#define BTI_LEX_ROLE_NOUN BTI_LEX_BIT(40)
#define BTI_LEX_ROLE_OPENER BTI_LEX_BIT(41)
/* HTML: the words of a reading-time line ("4 Min Read", "Lesezeit: 2 Minuten", "Temps de
 * lecture : 3 min"): its label, its unit of minutes and the word that may close it
 * (html_output.c's pass "reading time"; a line needs a label or a closing word). */
#define BTI_LEX_READING_LABEL BTI_LEX_BIT(32)
#define BTI_LEX_READING_UNIT BTI_LEX_BIT(33)
#define BTI_LEX_READING_CLOSER BTI_LEX_BIT(34)
/* HTML: a company's legal form ("GmbH", "Ltd", "Inc"): an author field holding one names an
 * organisation, whose commas are its own ("Verlag GmbH, Nürnberg, Germany"): byline_name.c. */
#define BTI_LEX_ORG_FORM BTI_LEX_BIT(38)
/* Both: the heading of the portal's own "most read" box ("Đọc nhiều", "Most popular"):
 * the box's links become the record's most_read (text_most_read.c, html_most_read.c). */
#define BTI_LEX_MOST_READ_HEAD BTI_LEX_BIT(24)
/* Both: a title's marker of the kind of article (extract/kind.c): "[Video] X", "Video: X",
 * "Infographic: X", "Trực tiếp: X", "E-magazine X", "[Ảnh] X", "Podcast: X". */
#define BTI_LEX_KIND_VIDEO BTI_LEX_BIT(25)
#define BTI_LEX_KIND_PHOTO BTI_LEX_BIT(26)
#define BTI_LEX_KIND_INFOGRAPHIC BTI_LEX_BIT(27)
#define BTI_LEX_KIND_LIVE BTI_LEX_BIT(28)
#define BTI_LEX_KIND_PODCAST BTI_LEX_BIT(29)
/* A long-form story ("E-magazine", "Longform"): an article, whatever clips it embeds. */
#define BTI_LEX_KIND_ARTICLE BTI_LEX_BIT(30)
/* HTML: a word of a class or id that names a standfirst box and that the class hints of
 * html_node.c lack ("article__preamble", "strapline", "bi-bulletpoints"): html_standfirst.c. */
#define BTI_LEX_STANDFIRST_CLASS BTI_LEX_BIT(39)

/* Text (render, bits 51-54): the heading of a promo box ("Newsletter", "Sign up",
 * "Podcast"): a widget a page sets between two paragraphs as often as at its foot, so the
 * article may resume after it (find_body in text_extract.c treats it as a box, not as a
 * section that ends the article). */
#define BTI_LEX_PROMO_HEAD BTI_LEX_BIT(51)
/* HTML: the opening words of a short promo or prompt paragraph inside the text: newsletter,
 * subscription, follow-us, get-the-app, share and comment prompts ("Follow us on X",
 * "Jetzt abonnieren", "Keine Kommentare"): html_output.c's rule_promo_line. */
#define BTI_LEX_HTML_PROMO_LINE BTI_LEX_BIT(43)
/* HTML: the opening words of a paywall notice ("この記事は会員限定です", "This article is for
 * subscribers"): the notice and the offer after it end the text (rule_paywall). */
#define BTI_LEX_HTML_PAYWALL BTI_LEX_BIT(44)
/* HTML: the heading of a consent box standing in for an embed the reader has not allowed
 * ("Empfohlener redaktioneller Inhalt", "External content"): the box, its explanation and
 * its consent lines leave whole (html_output.c's el_consent_box). */
#define BTI_LEX_HTML_CONSENT_BOX BTI_LEX_BIT(45)
/* Text: the heading of a box of the site's stories that pages also drop between an
 * article's paragraphs ("Trending"); with the "most read" headings, a story box: the
 * article may resume below it (text_extract.c's pass "story box"). */
#define BTI_LEX_STORY_BOX_HEAD BTI_LEX_BIT(55)
/* Text: the label a caption opens with, before a colon ("Legende: ...", "Bildunterschrift:
 * ...", "Caption: ..."): html2text prints a <figcaption> as a plain line and lynx an alt
 * text's sentence before it; the label is what tells it from a paragraph (text_extract.c's
 * pass "caption label"). */
#define BTI_LEX_CAPTION_LABEL BTI_LEX_BIT(54)

/* The longest key of the lexicon in bytes: a folded text longer than that is no entry. */
#define BTI_LEX_MAX_KEY 40

/* 1 when the folded key f[0..n) is an entry of one of `lists`. */
int bti_lex_has(bti_lex_set lists, const char *f, size_t n);

/* The longest entry of `lists` that starts the folded text f[0..n) and ends at its end or
 * before a byte of `ends` (NULL: before any ASCII byte that is no letter or digit): its
 * length, 0 when there is none. */
size_t bti_lex_prefix(bti_lex_set lists, const char *f, size_t n, const char *ends);

/* The same over text that is not folded (NFC UTF-8): the raw bytes of the longest prefix
 * whose key is an entry (cut where `ends` says, as above), 0 when none. */
size_t bti_lex_raw_prefix(bti_lex_set lists, const char *s, size_t n, const char *ends);

/* The credit word at the start of s[0..n) (not folded) from the Vietnamese lists `vi` (any
 * spelling that folds to an entry) or the English lists `en` (ASCII spellings only): its raw
 * length, 0 when none. With `capital` the word must start with a capital letter. */
size_t bti_lex_credit_word(bti_lex_set vi, bti_lex_set en, const char *s, size_t n, int capital);

/* Both of bti_lex_credit_word's readings from one walk over the text: the Vietnamese word's
 * raw length (returned) and the English one's (*en_len, ASCII spellings only), 0 for none. */
size_t bti_lex_credit_words(bti_lex_set vi, bti_lex_set en, const char *s, size_t n,
                            size_t *en_len);

/* 1 when the whole of text s[0..n) (not folded) is an entry of one of `lists`. */
int bti_lex_raw_has(bti_lex_set lists, const char *s, size_t n);

/* For tests: the number of entries and the i-th key (sorted, folded, unique). */
size_t bti_lex_size(void);
const char *bti_lex_key(size_t i);

#endif
