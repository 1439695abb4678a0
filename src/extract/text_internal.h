/* text_internal.h: what the text extractor's files share: the block model of a capture and
 * the rule predicates. Internal to src/extract. */
#ifndef BT_EXTRACT_TEXT_INTERNAL_H
#define BT_EXTRACT_TEXT_INTERNAL_H

#include "bantin/extract.h"
#include "core/date.h"

#include <stddef.h>
#include <stdint.h>

/* ---- decoding (extract.c) ------------------------------------------------------------- */

/* A text capture's bytes as NFC UTF-8 (*text malloc'ed, *tlen its length): bt_decode in the
 * charset the capture declares, or, for a name decode.c has no table for (GBK, Windows-1251),
 * the C library's (bt_decode_named); bad sequences as U+FFFD. 0, or the error in *derr. */
int bti_text_decode(const bt_capture *cap, char **text, size_t *tlen, bt_error *derr);

/* ---- plausibility (text_plausible.c) ------------------------------------------------- */

/* 1 when `len` bytes of decoded UTF-8 read as text (few control characters, mostly letters,
 * words of a few characters), else 0 with the reason in why[cap]. Short texts pass. */
int bti_text_plausible(const char *text, size_t len, char *why, size_t cap);

/* ---- mojibake (text_mojibake.c) ------------------------------------------------------- */

/* UTF-8 read as Latin-1 or Windows-1252 and written out again ("sanciÃ³n"): when such
 * sequences are most of the text's non-ASCII characters, 1 with the repaired text in *out
 * (the caller frees it); 0 when the text needs no repair; BT_ENOMEM. */
int tx_repair_mojibake(const char *s, size_t len, char **out, size_t *outlen);

/* ---- blocks (text_lines.c) ------------------------------------------------------------- */

enum { TB_TEXT = 0, TB_IMAGE = 1 };

/* block flags */
#define TBF_BLANK_BEFORE 0x001u /* a blank line (or more) precedes it */
#define TBF_CELL         0x002u /* a table cell ("... |"): captions in many renderings */
#define TBF_LINKLINE     0x004u /* the whole line was one link */
#define TBF_LIST         0x008u /* a list item */
#define TBF_CAPTION      0x010u /* marked as a caption by the markup (<figcaption>) */
#define TBF_EMPH         0x020u /* wholly bold/italic */
#define TBF_INDENT       0x040u /* indented (lynx paragraphs) */
#define TBF_NAV          0x080u /* inside a long list or link run: navigation */
#define TBF_HTML         0x100u /* came from raw HTML embedded in Markdown */
#define TBF_ROW          0x200u /* a row of three cells or more: a data table, not prose */
#define TBF_KICKER_CUT   0x400u /* a kicker's <span> was left out (pandoc raw HTML) */
#define TBF_QUOTE        0x800u /* a Markdown quote ("> ...") */
#define TBF_IMAGE_LEAD  0x1000u /* opens on an image lynx shows by its file name ("[a.jpg]") */
#define TBF_LINKROW     0x2000u /* only links on one line (pass "link row"): no paragraph */
#define TBF_DEEP        0x4000u /* indented 5 columns or more: lynx sets a <blockquote> two
                                   columns deeper than its paragraphs */

typedef struct tx_block {
    char *text;      /* cleaned text: markup removed, NFC, white space folded (owned) */
    size_t len;      /* bytes */
    char *fold;      /* its search key (lowercase, no marks: bt_fold), for phrase rules;
                        NULL for long paragraphs (more than 30 words) */
    size_t flen;
    size_t words;    /* white-space separated words */
    char *url;       /* link of a link line, or image src (owned, may be NULL) */
    int kind;        /* TB_* */
    int level;       /* heading level 1..6, 0 for none */
    unsigned flags;  /* TBF_* */
    uint64_t key;    /* hash of the folded text: repetition and site-model lookups */
    size_t tail_words; /* words of the lines a wrapped paragraph took after a line ending a
                          sentence (the join may be a line break: a caption glued under it) */
} tx_block;

typedef struct tx_doc {
    tx_block *b;
    size_t n, cap;
    int vietnamese; /* the text carries Vietnamese diacritics */
} tx_doc;

/* Splits decoded text into blocks: detects hard-wrapped renderings (lynx, html2text) and
 * rejoins their paragraphs, strips Markdown and embedded HTML. 0 or BT_ENOMEM. */
int tx_doc_build(tx_doc *d, const char *text, size_t len);
void tx_doc_free(tx_doc *d);

/* ---- block links (text_block_link.c) ---------------------------------------------------- */

/* Pass "block link": html2text's "[" ... "](url)" around a card's lines, rejoined into link
 * lines with that URL; the bracket lines go. 0 or BT_ENOMEM. */
int tx_join_block_links(tx_doc *d);

/* Words in s: runs of non-space bytes (the text is white-space folded). */
size_t tx_count_words(const char *s, size_t len);
/* The code point that ends at s[i - 1] (i > 0), decoded backwards over its UTF-8 bytes; -1
 * when those bytes are no character. */
int32_t tx_cp_before(const char *s, size_t i);

/* A copy of NFC UTF-8 `s` with white space folded to single spaces and trimmed (the
 * BT_NORM_SPACE rule without the NFC pass the decoder already made). NULL when out of memory. */
char *tx_fold_space(const char *s, size_t len, size_t *outlen);

/* The key of a folded text (letters and digits only) used to compare lines. */
uint64_t tx_key(const char *fold, size_t flen);
/* Counts, folds and keys b's text again after a pass cut or rewrote it (folded whatever its
 * length, unlike tx_doc_build's long paragraphs): 0 or BT_ENOMEM. */
int tx_block_refold(tx_block *b);
/* The key of a long paragraph (one with no folded text): its own letters and digits. */
uint64_t tx_raw_key(const char *s, size_t len);

/* ---- folded letters (text_unfold.c) ------------------------------------------------------ */

/* Pass "folded letters": restores the accents html2text took off the letters a page spelt
 * as named entities ("Kuhlturme" -> "Kühltürme"), from the spellings of the capture
 * text[0..len) d was built from, in the paragraphs that hold no such letter. 0 or
 * BT_ENOMEM. */
int tx_unfold_letters(tx_doc *d, const char *text, size_t len);

/* ---- rules (text_rules.c) -------------------------------------------------------------- */

/* Heading of a block the page links as related to this article ("Tin liên quan"). */
int tx_is_related_heading(const tx_block *b);
/* Heading of a site-wide section that ends the article ("Đọc nhiều", "Multimedia"). */
int tx_is_section_heading(const tx_block *b);
/* Heading of a promo box ("Newsletter", "Sign up", "Podcast"): a section heading that a page
 * also sets inside the article, between paragraphs. */
int tx_is_promo_heading(const tx_block *b);
/* A paywall notice ("Dieser Artikel ist nur für Abonnenten", "この記事は会員限定です"): what
 * follows is the offer, not the article (lexicon HTML_PAYWALL). */
int tx_is_paywall_notice(const tx_block *b);
/* Heading of the portal's "most read" box ("Đọc nhiều", "Xem nhiều", "Most popular"). */
int tx_is_most_read_heading(const tx_block *b);
/* Heading of a box of the site's stories ("Most read", "Trending"): a page may set it once
 * inside the article, between paragraphs (lexicon MOST_READ_HEAD, STORY_BOX_HEAD). */
int tx_is_story_box_heading(const tx_block *b);
/* A line after which a related block cannot go on: tags, previous/next post, comments. */
int tx_ends_related(const tx_block *b);
/* Furniture phrase (font-size buttons, "Xin chờ", share/follow lines, ads, weather). */
int tx_is_furniture(const tx_block *b);
/* A row of share buttons at the end of a line ("Nguyễn Hùng Chia sẻ Bình luận"): the byte
 * offset where it starts (0: the whole line is one), or NONE_SHARE. */
#define NONE_SHARE ((size_t)-1)
size_t tx_share_tail(const tx_block *b);
/* A full sentence paragraph: the stuff article bodies are made of. */
int tx_is_prose(const tx_block *b);
/* A line stopping on an ellipsis with no sentence ended before it: a teaser cut to fit its
 * box (pass "cut teaser"); below the prose length it is no paragraph. */
int tx_is_cut_teaser(const char *s, size_t len);
/* "宮崎県：延岡市、西都市": a label, a colon and names parted by enumeration commas (pass
 * "enumeration line"): the article's list, not a headline. */
int tx_is_enumeration(const tx_block *b);
/* A line of page elements html2text wrote without spaces between them ("Ja, unbedingt.Nein,
 * das wäre Zensur.Nur wenn ..."): sentence marks glued to the next capital twice or more
 * (pass "glued elements"). */
int tx_is_glued_row(const tx_block *b);
/* A short title-like line: a headline, a related-story title. */
int tx_is_headline_like(const tx_block *b);
/* "A A": a line that is one string printed twice (link image alt + link text). Returns the
 * length of the half, or 0. */
size_t tx_doubled_half(const char *s, size_t len);
/* A slug line ("hon 2700 dai bieu du ...") in a page whose text has diacritics. */
int tx_is_slug(const tx_block *b, int vietnamese);
/* A relative time stamp line ("5 giờ trước", "2 hours ago"). */
int tx_is_relative_time(const tx_block *b);
/* A breadcrumb ("Trang chủ > Thế giới", "Home / News"). */
int tx_is_breadcrumb(const tx_block *b);
/* Whether `s` holds Vietnamese letters with diacritics (ă â đ ê ô ơ ư or tone marks). */
int tx_has_vietnamese(const char *s, size_t len);
/* Starts with "Xem thêm:", "Đọc thêm:", "Read more:", ">>": returns the prefix length. */
size_t tx_inline_related_prefix(const char *s, size_t len);

/* ---- the "most read" box (text_most_read.c) ------------------------------------------ */

/* Adds the titles of the capture's "most read" boxes to a->most_read (Markdown links made
 * absolute against `base`, the capture's URL, or kept only when absolute). 0 or BT_ENOMEM. */
int tx_read_most_read(const tx_doc *d, const char *base, bt_article *a);

/* ---- credits, bylines, sources (text_credit.c) ----------------------------------------- */

/* Splits a trailing credit off a caption ("... Ảnh: Reuters", "(Ảnh: TTXVN)",
 * "Nguồn: TASS", "Photo: AP"). Returns 1 when found: caption is s[0..*cap_len), credit is
 * s[*cred_off..*cred_off+*cred_len). */
int tx_split_credit(const char *s, size_t len, size_t *cap_len, size_t *cred_off,
                    size_t *cred_len);
/* A "SOURCE - " prefix ("VOV.VN -", "(Dân trí) -", "TTO -", "HANOI (Reuters) -"): returns the
 * bytes to skip and the source span, or 0. */
size_t tx_source_prefix(const char *s, size_t len, size_t *src_off, size_t *src_len);
/* A byline line: fills up to `max` author spans (without role marks such as "(TH)");
 * returns their number, 0 when the line is not a byline. `strict` demands the line be only
 * names (tail of the article) rather than "By ..." / "Theo ...". */
size_t tx_byline(const char *s, size_t len, size_t off[], size_t lens[], size_t max);
/* "Theo Reuters", "Nguồn: TTXVN", "Source: AP": an attribution line; 1 when it is one. */
int tx_is_attribution(const char *s, size_t len);

/* ---- lynx dumps (text_lynx.c) ---------------------------------------------------------- */

/* In a capture laid out as a lynx dump, sets junk[i] = mark for the blocks its layout shows
 * to be no paragraph of the article (bullets standing apart from any paragraph, a photo's
 * alt text printed twice), junk[i] = glued for prose glued to the line above (a <div>'s
 * text: no paragraph, though the page's text goes on through it) and junk[i] = card for
 * the lines of a box of cards set between paragraphs (no paragraph and no teaser's
 * headline, but a box parting the text around it). Other captures are left alone. Returns 1
 * when the capture is laid out as a lynx dump, else 0. */
int tx_lynx_mark(const tx_doc *d, unsigned char *junk, unsigned char mark, unsigned char glued,
                 unsigned char card);
/* In a capture laid out as a lynx dump, a section heading (role[i] == stop) that the layout
 * shows to be a widget's one-word label gets role none and junk mark (pass "widget label"). */
void tx_lynx_widget_labels(const tx_doc *d, unsigned char *role, unsigned char stop,
                           unsigned char none, unsigned char *junk, unsigned char mark);
/* Whether a lynx dump's line is glued to the line above: indented as text, with no blank
 * line before it, no bullet and no heading (a <div>'s text, where a <p> stands apart). */
int tx_lynx_glued(const tx_block *b);


/* In a capture laid out as a lynx dump, cuts photos out of the paragraphs they run into:
 * pass "gallery twins", the photos glued to a paragraph's end or middle, each printed as its
 * alt text and the caption repeating it ("... carta. A A Credit B B Credit"); pass "caption
 * run-on", the caption glued under a paragraph, the lines after its last sentence-ending
 * line when they end on a photo's credit. 0 or BT_ENOMEM. */
int tx_lynx_cut(tx_doc *d);

/* Pass "button line": a line opening on lynx's "(BUTTON)" and shorter than a paragraph is a
 * control's label, no paragraph of the body. */
int tx_lynx_button_line(const tx_block *b);

/* Folds the modifier letter apostrophe (U+02BC) lynx prints for some ASCII apostrophes back
 * to "'" between Latin letters: 1 with the text in *out (the caller frees it), 0 when there
 * is none, BT_ENOMEM. */
int tx_lynx_apostrophes(const char *s, size_t len, char **out, size_t *outlen);

/* The bytes of an author's initials signing the paragraph after its last sentence (" / ab"
 * in "... Festnahmen. / ab"), 0 when there are none (text_signoff.c). */
size_t tx_initials_signoff(const char *s, size_t len);

/* ---- embedded posts (text_embed_post.c) ----------------------------------------------- */

/* Sets junk[i] = mark for the lines of social posts embedded in a Markdown capture: a quote
 * signed on its last line "— Name (@handle) Date" (a tweet), the signature and the quote's
 * lines above it. */
void tx_embed_post_mark(const tx_doc *d, unsigned char *junk, unsigned char mark);

/* ---- consent boxes (text_consent_box.c) ---------------------------------------------- */

/* Sets junk[i] = mark for the lines of consent boxes standing in for embeds: a heading the
 * lexicon knows (HTML_CONSENT_BOX) and the lines below it through the last one, a few
 * lines down, that carries a link. */
void tx_consent_box_mark(const tx_doc *d, unsigned char *junk, unsigned char mark);

/* ---- header buttons (text_header_button.c) ---------------------------------------------- */

/* Whether block i, a section heading, stands in the article's header: a few blocks below a
 * first-level headline with no paragraph or heading between (a "Comment" button). */
int tx_is_header_button(const tx_doc *d, size_t i);

/* ---- ASCII stand-ins (text_ascii_sign.c) ------------------------------------------------- */

/* Offset of the last copyright sign in s ("©", html2text's "(C)" as a word, or "Copyright" and a year) with at most
 * max_words words after it; (size_t)-1 when there is none. */
size_t tx_copyright_sign_in_tail(const char *s, size_t len, size_t max_words);
/* Whether s[i] is a "/" or "|" standing alone as a word (a credit's separator). */
int tx_lone_separator(const char *s, size_t len, size_t i);

/* ---- listicles (text_listicle.c) -------------------------------------------------------- */

/* The longest sequence of headings numbered one after the other ("1. ...", "2. ...") among
 * blocks s..e: the items of a list article. */
size_t tx_listicle_items(const tx_doc *d, size_t s, size_t e);

/* ---- credit tails (text_credit_tail.c) --------------------------------------------------- */

/* A caption's credit after its last sentence, names parted by a slash ("... stellen.
 * Imago/Blaulicht-News.de"): 1 when s ends with one. */
int tx_slash_credit_tail(const char *s, size_t len);

/* A caption's credit in brackets after its last sentence, the agency alone or after the
 * photographer's name ("... Epstein. (AP)", "... octubre. Florion Goga (REUTERS)"), on a
 * line of a caption's length: 1 when s ends with one. */
int tx_bracket_credit_tail(const char *s, size_t len);

/* A caption's credit as names after its last sentence, with no mark of their own ("...
 * south of Duqm. Tara Atkinson for Rest of World"): 1 when s ends with one. */
int tx_named_credit_tail(const char *s, size_t len);

/* 1 when s[0..len) is a photo credit on a line of its own: capitalised names, a slash
 * between two of them, a few words and no sentence end ("STR/AFP via Getty Images"). */
int tx_slash_credit_line(const char *s, size_t len);

/* ---- site model (text_site.c) ---------------------------------------------------------- */

/* Whether the block recurs across the model's pages often enough to be furniture. */
int tx_site_is_boilerplate(const bt_site_model *m, uint64_t key);



/* ---- the source (text_source.c) -------------------------------------------------------- */

/* The site's name from its copyright line ("Tuổi Trẻ Online giữ bản quyền nội dung",
 * "© 2023 Tin Cửu Long."): 1 with *off and *len its span in b->text (without the generic
 * "Báo"), 0 when the line names no one. */
int bti_text_copyright_name(const tx_block *b, size_t *off, size_t *len);
/* Whether `abbr` ("TTO") is the initials of name[0..nlen) ("Tuổi Trẻ Online"). */
int bti_text_abbreviates(const char *abbr, const char *name, size_t nlen);

/* ---- roles and the rows under a headline (text_extract.c, text_head_meta.c) ------------- */

/* What text_extract.c's passes make of each block (ctx.role). R_CAPLINE: a caption and its
 * credit on lines of their own, paired before the body pass */
enum role { R_NONE, R_JUNK, R_TITLE, R_DATE, R_LEDE, R_BODY, R_IMAGE, R_CAPTION, R_CAPLINE,
            R_RELATED, R_BYLINE, R_STOP };

/* Why a block is furniture (ctx.junk; 0: it is not) */
#define JUNK_RULE 1 /* furniture by a rule */
#define JUNK_SITE 2 /* recurs across the site's pages (site model) */
#define JUNK_GLUED 3 /* a <div>'s prose in a lynx dump: no paragraph, but no gap either */
#define JUNK_CARD 4  /* a line of a box of cards in a lynx dump (or a repeated box's short
                        line): no paragraph, no teaser's headline, but a gap like any box's
                        line */

#define MAX_AUTHORS 6    /* names on one byline line ("A, B, C và D") */
#define SAPO_MIN_WORDS 8 /* below that a first line is a label or a kicker, not a sapo */

/* What the passes about the rows under a headline see of text_extract.c's state: the blocks,
 * their roles (which they set) and furniture marks, the article read so far. */
typedef struct tx_head {
    const tx_doc *d;
    unsigned char *role;       /* enum role, per block */
    const unsigned char *junk; /* JUNK_*, per block */
    bt_article *a;
    size_t title;              /* the headline's block, or (size_t)-1 */
    uint64_t title_key;
    size_t run_start;          /* the body's run as pass 2 found it (before the headline
                                  moves it) */
    int lynx;                  /* laid out as a lynx dump */
    int indented;              /* indents its paragraphs (lynx) */
} tx_head;

/* text_extract.c's rules the passes share. A dateline: a short line, most of it a date (*dt). */
int bti_text_date_line(const tx_block *b, bti_date *dt);
/* Ends like a sentence: ". ! ? …" before closing quotes. */
int bti_text_sentence_end(const tx_block *b);
/* A caption that stands without an image marker: ends with a photo credit. */
int bti_text_bare_caption(const tx_block *b);
/* A photo's credit on a line of its own ("Foto: X", "(Robert F. Bukaty / AP)"). */
int bti_text_credit_line(const tx_block *b);

/* Pass "sole H1": in a Markdown capture whose one first-level heading is not the headline t
 * walked back to, that heading; NONE ((size_t)-1) when the pass does not apply. The caller
 * takes it when it may be a headline. */
size_t bti_text_sole_h1(const tx_head *c, size_t t);
/* Pass "timed dateline under the headline": with no date yet, a short line with a date and a
 * time of day among blocks t+1..last gets role R_DATE; its index (the date in *dt) or
 * (size_t)-1. */
size_t bti_text_timed_dateline(const tx_head *c, size_t t, size_t last, bti_date *dt);
/* Pass "byline near the headline": outside Vietnamese captures with no author yet, the
 * byline from block dlo to a few blocks under the headline t, in one of the shapes a
 * renderer leaves it in. 0 or BT_ENOMEM. */
int bti_text_near_bylines(const tx_head *c, size_t dlo, size_t t);
/* Pass "lede under the headline": the first paragraph under the headline, past the meta rows
 * (which it marks R_JUNK) and the lead photo, with the body going on after it up to block
 * re; (size_t)-1 when there is none. */
size_t bti_text_lede_under_title(const tx_head *c, size_t re);
/* Pass "author's note": with no author yet, a note under the body (blocks past re) opening
 * with a writer's name ("Jane Doe is a producer ...") names the author. 0 or BT_ENOMEM. */
int bti_text_author_notes(const tx_head *c, size_t re);
/* Whether s opens with a dateline's label ("Published ", "Aktualisiert "): no name. */
int bti_text_date_label(const char *s, size_t len);

#endif
