/* text_rules.c: the general signals the text extractor reasons with: known section and
 * furniture phrases (the lexicon's lists, compared on the folded key so that "Tin Liên
 * Quan" and "TIN LIÊN QUAN" match), and the shape of a line (prose, headline, slug, time). */
#include "extract/lexicon.h"
#include "extract/text_internal.h"

#include <string.h>
#include <utf8proc.h>

#define PHRASE_MAX_WORDS 8      /* a heading or a button label is a few words */
#define MOST_READ_IN_WORDS 3   /* "Most viewed in New South Wales": a place or a section */
#define SECTION_MAX_WORDS 10    /* "Bình luận (8) Tin mới nhất": a counted box may say more */
#define SHARE_ROW_MAX_WORDS 40  /* a line longer than this ending in "Chia sẻ" is a paragraph */
#define SHARE_ROW_MIN_WORDS 2   /* one "Share" alone is a word, not a row of buttons */
#define FURNITURE_PREFIX_WORDS 14 /* "Theo dõi báo X trên Google News": a line, not a text */
#define PAYWALL_LINE_MAX 200    /* a paywall notice is a line */
#define PAYWALL_ENDS " .,:;!?\xE3" /* its words end at a space or a mark (CJK marks: E3 ..) */
#define COPYRIGHT_MAX_WORDS 20  /* a copyright line names the owner and the licence */
#define WEATHER_MAX_WORDS 8     /* "Hà Nội 25°C": a widget, not a sentence about heat */
#define MIN_LETTERS 2           /* fewer letters or digits: punctuation, a bullet, an icon */
#define PROSE_WORDS 40          /* this long, a line is prose whatever it ends with */
#define SENTENCE_WORDS 10       /* a sentence ending in . ! ; */
#define LONG_SENTENCE_WORDS 20  /* ending in ? : , a line needs more words to be prose */
#define HEADLINE_MIN_WORDS 3    /* a headline says something ... */
#define HEADLINE_MAX_WORDS 40   /* ... in a line */
#define HEADLINE_MAX_LEN 300
#define DOUBLED_MIN_LEN 9       /* "A A" with A of four bytes or more: shorter repeats are words */
#define SLUG_MIN_WORDS 4        /* "hon 2700 dai bieu": a slug of a few words, not "ok" */
#define RELTIME_MAX_WORDS 4     /* "5 giờ trước": a number, a unit and "ago" */
#define BREADCRUMB_MAX_WORDS 12 /* a path of sections, not a sentence with a ">" */
#define VN_MIN_HITS 3           /* Vietnamese letters in a text: a few make it Vietnamese ... */
#define VN_SHORT_LEN 40         /* ... and in a short text one is enough */
#define ENUM_LABEL_MAX_CPS 10   /* "宮崎県：": an enumeration's label is a name ... */
#define ENUM_ITEM_MAX_CPS 12    /* ... and its items are names too, not clauses */
#define ENUM_MIN_ITEMS 2        /* one item after a colon is a "label: value" line */

/* Folded text without trailing punctuation and colons: "tin lien quan:" -> "tin lien quan". */
static size_t core_len(const char *f, size_t n)
{
    while (n && strchr(" :.>»|-*#", f[n - 1]))
        n--;
    return n;
}

static size_t core_start(const char *f, size_t n)
{
    size_t i = 0;
    while (i < n && strchr(" >|-*#[]", f[i]))
        i++;
    return i;
}

/* The block, without its leading and trailing marks, is an entry of `lists`. */
static int phrase_eq(const tx_block *b, bti_lex_set lists)
{
    if (!b->fold || b->words > PHRASE_MAX_WORDS)
        return 0;
    size_t st = core_start(b->fold, b->flen);
    size_t n = core_len(b->fold, b->flen);
    if (n <= st)
        return 0;
    return bti_lex_has(lists, b->fold + st, n - st);
}

/* The phrase followed by ':' or the end: "dong su kien: dien bien ..." */
static int phrase_prefix(const tx_block *b, bti_lex_set lists)
{
    if (!b->fold)
        return 0;
    size_t st = core_start(b->fold, b->flen);
    return bti_lex_prefix(lists, b->fold + st, b->flen - st, ": ") != 0;
}

/* Pass "ending heading": set as a heading of the Markdown, a title the HTML extractor knows
 * to open the page's other stories (lexicon HTML_ENDS_ARTICLE) ends the article as it does
 * there: a section's heading ("Meistgelesene Artikel"), or a related box's when the HTML
 * reads it as one too ("Mehr zum Thema", HTML_RELATED_MARK), which a page may set between
 * paragraphs with the article going on below it. Lines that are no heading are left to the
 * text lists (a teaser's "Most read" label). */
enum { ENDS_NONE, ENDS_SECTION, ENDS_RELATED };

static int ending_heading(const tx_block *b)
{
    if (!b->level || b->kind != TB_TEXT || !phrase_eq(b, BTI_LEX_HTML_ENDS_ARTICLE))
        return ENDS_NONE;
    return phrase_eq(b, BTI_LEX_HTML_RELATED_MARK) ? ENDS_RELATED : ENDS_SECTION;
}

int tx_is_related_heading(const tx_block *b)
{
    return b->kind == TB_TEXT &&
           (phrase_eq(b, BTI_LEX_RELATED_HEAD) || ending_heading(b) == ENDS_RELATED);
}

/* Whether the folded text holds the word "in": the cheap test before a lexicon lookup, as
 * every line is asked whether it is a section's heading. */
static int has_in(const char *f, size_t n)
{
    for (const char *p = f; (p = memchr(p, 'i', n - (size_t)(p - f))) != NULL; p++)
        if (p > f && p[-1] == ' ' && (size_t)(p - f) + 2 < n && p[1] == 'n' && p[2] == ' ')
            return 1;
    return 0;
}

int tx_is_section_heading(const tx_block *b)
{
    if (b->kind != TB_TEXT || b->words > SECTION_MAX_WORDS)
        return 0;
    if (phrase_eq(b, BTI_LEX_SECTION_HEAD) || phrase_prefix(b, BTI_LEX_SECTION_PREFIX))
        return 1;
    if (ending_heading(b) == ENDS_SECTION)
        return 1;
    /* a comment box counts its entries: "Bình luận (8) Tin mới nhất", "Comments (12)" */
    if (!b->fold)
        return 0;
    size_t st = core_start(b->fold, b->flen);
    /* pass "section's most read": a most-read box named for the site's section or region,
     * "Most viewed in USA", "Most read in Sport": the heading, "in" and a name of a few words */
    size_t ml = has_in(b->fold + st, b->flen - st)
                    ? bti_lex_prefix(BTI_LEX_MOST_READ_HEAD, b->fold + st, b->flen - st, " ")
                    : 0;
    if (ml && b->flen - st > ml + 4 && !memcmp(b->fold + st + ml, " in ", 4) &&
        tx_count_words(b->fold + st + ml + 4, b->flen - st - ml - 4) <= MOST_READ_IN_WORDS)
        return 1;
    const char *f = b->fold + st;
    size_t n = b->flen - st, pl = bti_lex_prefix(BTI_LEX_COUNTED_BOX, f, n, " (");
    /* the count's bracket may be glued on: "Kommentare(0)", a count in an element of its own */
    size_t o = pl < n && f[pl] == ' ' ? pl + 1 : pl;
    if (pl && n > o + 1 && f[o] == '(' && f[o + 1] >= '0' && f[o + 1] <= '9')
        return 1;
    /* or the count comes first: "3 Kommentare", "12 comments" */
    size_t d = 0;
    while (d < n && f[d] >= '0' && f[d] <= '9')
        d++;
    return d && d + 1 < n && f[d] == ' ' &&
           bti_lex_prefix(BTI_LEX_COUNTED_BOX, f + d + 1, n - d - 1, NULL) == n - d - 1;
}

int tx_is_promo_heading(const tx_block *b)
{
    return b->kind == TB_TEXT && phrase_eq(b, BTI_LEX_PROMO_HEAD);
}

int tx_is_paywall_notice(const tx_block *b)
{
    return b->kind == TB_TEXT && b->len <= PAYWALL_LINE_MAX &&
           bti_lex_raw_prefix(BTI_LEX_HTML_PAYWALL, b->text, b->len, PAYWALL_ENDS) > 0;
}

int tx_is_most_read_heading(const tx_block *b)
{
    return b->kind == TB_TEXT && b->words <= SECTION_MAX_WORDS &&
           phrase_eq(b, BTI_LEX_MOST_READ_HEAD);
}

int tx_is_story_box_heading(const tx_block *b)
{
    return b->kind == TB_TEXT && b->words <= SECTION_MAX_WORDS &&
           phrase_eq(b, BTI_LEX_MOST_READ_HEAD | BTI_LEX_STORY_BOX_HEAD);
}

static int in_list(const char *w, size_t n, bti_lex_set lists)
{
    return bti_lex_has(lists, w, n);
}

size_t tx_share_tail(const tx_block *b)
{
    if (b->kind != TB_TEXT || !b->fold || b->words > SHARE_ROW_MAX_WORDS)
        return NONE_SHARE;
    const char *f = b->fold;
    size_t n = b->flen, words = 0, tail_words = 0, anchors = 0;
    /* walk the words from the end while they are share words */
    size_t e = n;
    while (e) {
        while (e && f[e - 1] == ' ')
            e--;
        size_t st = e;
        while (st && f[st - 1] != ' ')
            st--;
        if (st == e)
            break;
        int digits = 1;
        for (size_t i = st; i < e; i++)
            digits &= f[i] >= '0' && f[i] <= '9';
        if (!digits && !in_list(f + st, e - st, BTI_LEX_SHARE_WORD))
            break;
        anchors += in_list(f + st, e - st, BTI_LEX_SHARE_ANCHOR);
        tail_words++;
        e = st;
    }
    (void)words;
    if (tail_words < SHARE_ROW_MIN_WORDS || !anchors)
        return NONE_SHARE;
    /* the same number of words from the end of the text */
    size_t t = b->len, w = 0;
    while (t && w < tail_words) {
        while (t && b->text[t - 1] == ' ')
            t--;
        while (t && b->text[t - 1] != ' ')
            t--;
        w++;
    }
    while (t && b->text[t - 1] == ' ')
        t--;
    return t;
}

int tx_ends_related(const tx_block *b)
{
    if (b->kind != TB_TEXT || !b->fold)
        return 0;
    if (b->text[0] == '#' && b->level == 0)
        return 1; /* hashtags */
    if (phrase_eq(b, BTI_LEX_RELATED_END) || phrase_prefix(b, BTI_LEX_RELATED_END))
        return 1;
    /* labels of a post's tags and categories, with their colon */
    size_t st = core_start(b->fold, b->flen);
    size_t ll = bti_lex_prefix(BTI_LEX_POST_LABEL, b->fold + st, b->flen - st, ":");
    if (ll && st + ll < b->flen)
        return 1;
    /* "2 bình luận về “Title”", "3 comments on ..." */
    size_t i = 0;
    while (i < b->flen && b->fold[i] >= '0' && b->fold[i] <= '9')
        i++;
    return i && (!strncmp(b->fold + i, " binh luan ve ", 14) ||
                 !strncmp(b->fold + i, " comments on ", 13) ||
                 !strncmp(b->fold + i, " thoughts on ", 13));
}

int tx_is_furniture(const tx_block *b)
{
    if (tx_share_tail(b) == 0)
        return 1;
    if (b->kind != TB_TEXT || !b->fold)
        return 0;
    if (phrase_eq(b, BTI_LEX_FURNITURE))
        return 1;
    if (b->words <= FURNITURE_PREFIX_WORDS && phrase_prefix(b, BTI_LEX_FURNITURE_PREFIX))
        return 1;
    if (b->words <= COPYRIGHT_MAX_WORDS && (!strncmp(b->text, "\xC2\xA9", 2) || !strncmp(b->text, "(c) ", 4) ||
                           !strncmp(b->text, "Copyright", 9)))
        return 1;
    /* weather widgets: "Hà Nội 25°C", "27° / 31°" */
    if (b->words <= WEATHER_MAX_WORDS && strstr(b->text, "\xC2\xB0"))
        return 1;
    /* a line of nothing but punctuation or a single symbol */
    size_t letters = 0;
    for (size_t i = 0; i < b->flen; i++) {
        unsigned char c = (unsigned char)b->fold[i];
        letters += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    }
    return letters < MIN_LETTERS;
}

/* The last significant character, past closing quotes and brackets. */
static unsigned last_char(const char *s, size_t len)
{
    while (len) {
        unsigned char c = (unsigned char)s[len - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ' || c == '*' || c == '_') {
            len--;
            continue;
        }
        if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x80) {
            unsigned char t = (unsigned char)s[len - 1];
            if (t == 0x9D || t == 0x99 || t == 0x9C || t == 0x98) { /* ” ’ “ ‘ */
                len -= 3;
                continue;
            }
            if (t == 0xA6)
                return '.'; /* … */
        }
        /* CJK full stops and closing brackets: 。 」 』 and fullwidth ！ ？ ） */
        if (len >= 3 && (unsigned char)s[len - 3] == 0xE3 && (unsigned char)s[len - 2] == 0x80) {
            if (c == 0x82)
                return '.';
            if (c == 0x8D || c == 0x8F) {
                len -= 3;
                continue;
            }
        }
        if (len >= 3 && (unsigned char)s[len - 3] == 0xEF && (unsigned char)s[len - 2] == 0xBC) {
            if (c == 0x81 || c == 0x9F)
                return c == 0x81 ? '!' : '?';
            if (c == 0x89) {
                len -= 3;
                continue;
            }
        }
        if (len >= 2 && (unsigned char)s[len - 2] == 0xC2 && c == 0xBB) { /* » */
            len -= 2;
            continue;
        }
        return c;
    }
    return 0;
}

/* Whether s holds a CJK full stop, exclamation or question mark (。！？). */
static int find_cjk_stop(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i + 2 < len; i++)
        if ((u[i] == 0xE3 && u[i + 1] == 0x80 && u[i + 2] == 0x82) ||
            (u[i] == 0xEF && u[i + 1] == 0xBC && (u[i + 2] == 0x81 || u[i + 2] == 0x9F)))
            return 1;
    return 0;
}

/* Pass "cut teaser": a line that stops on an ellipsis ("…", "...") with no sentence ended
 * before it is a teaser's headline or summary cut to fit its box, not a paragraph (below
 * PROSE_WORDS). A paragraph trailing off ("... Nein, er konnte nicht...") has said a
 * sentence or more before. */
int tx_is_cut_teaser(const char *s, size_t len)
{
    while (len && s[len - 1] == ' ')
        len--;
    if (len < 3 || (memcmp(s + len - 3, "\xE2\x80\xA6", 3) && memcmp(s + len - 3, "...", 3)))
        return 0;
    for (size_t i = 1; i + 1 < len - 3; i++)
        if (s[i + 1] == ' ' && (s[i] == '.' || s[i] == '?' || s[i] == '!' || s[i] == ';'))
            return 0;
    /* 。！？ inside: CJK sentences end without a space */
    return !find_cjk_stop(s, len - 3);
}

int tx_is_prose(const tx_block *b)
{
    if (b->kind != TB_TEXT || (b->flags & (TBF_NAV | TBF_ROW | TBF_LINKROW)))
        return 0;
    /* a heading that is one link is a teaser's title, however it ends */
    if (b->level && (b->flags & TBF_LINKLINE))
        return 0;
    if (b->words >= PROSE_WORDS)
        return 1;
    /* "... Festnahmen. / ab": the initials after the last sentence (text_signoff.c) */
    unsigned c = last_char(b->text, b->len - tx_initials_signoff(b->text, b->len));
    if (tx_is_cut_teaser(b->text, b->len))
        return 0;
    if (b->words >= SENTENCE_WORDS && (c == '.' || c == '!' || c == ';'))
        return 1;
    if (b->words >= LONG_SENTENCE_WORDS && (c == '?' || c == ':' || c == ','))
        return 1;
    return 0;
}

/* Pass "enumeration line": "宮崎県：延岡市、西都市、木城町": a label, a colon and names parted by
 * enumeration commas, as CJK articles list places, results or members. Such a line is part
 * of the article (a table set as text), neither a teaser's headline nor furniture. */
#define FW_COLON "\xEF\xBC\x9A"   /* ： */
#define IDEO_COMMA "\xE3\x80\x81" /* 、 */
#define FW_COMMA "\xEF\xBC\x8C"   /* ， */
#define IDEO_STOP "\xE3\x80\x82"  /* 。 */
int tx_is_enumeration(const tx_block *b)
{
    if (b->kind != TB_TEXT || b->len < 3)
        return 0;
    const char *s = b->text, *e = s + b->len;
    size_t cps = 0, items = 1;
    while (s < e && cps <= ENUM_LABEL_MAX_CPS) {
        if (e - s >= 3 && !memcmp(s, FW_COLON, 3))
            break;
        if (*s == ' ' || *s == ':' || (e - s >= 3 && !memcmp(s, IDEO_STOP, 3)))
            return 0;
        cps += ((unsigned char)*s & 0xC0) != 0x80;
        s++;
    }
    if (s >= e || !cps || cps > ENUM_LABEL_MAX_CPS)
        return 0;
    s += 3;
    cps = 0;
    while (s < e) {
        if (e - s >= 3 && (!memcmp(s, IDEO_COMMA, 3) || !memcmp(s, FW_COMMA, 3))) {
            if (!cps)
                return 0;
            items++, cps = 0, s += 3;
            continue;
        }
        if (e - s >= 3 && (!memcmp(s, IDEO_STOP, 3) || !memcmp(s, FW_COLON, 3)))
            return 0;
        cps += ((unsigned char)*s & 0xC0) != 0x80;
        if (cps > ENUM_ITEM_MAX_CPS)
            return 0;
        s++;
    }
    return cps && items >= ENUM_MIN_ITEMS;
}

int tx_is_headline_like(const tx_block *b)
{
    if (b->kind != TB_TEXT || b->words < HEADLINE_MIN_WORDS || b->words > HEADLINE_MAX_WORDS ||
        b->len > HEADLINE_MAX_LEN)
        return 0;
    unsigned c = last_char(b->text, b->len);
    if (c == '.' || c == ',' || c == ';' || c == ':')
        return 0;
    return 1;
}

size_t tx_doubled_half(const char *s, size_t len)
{
    if (len < DOUBLED_MIN_LEN || len % 2 == 0)
        return 0;
    size_t h = (len - 1) / 2;
    if (s[h] != ' ' || memcmp(s, s + h + 1, h))
        return 0;
    return h;
}

int tx_is_slug(const tx_block *b, int vietnamese)
{
    if (!vietnamese || b->words < SLUG_MIN_WORDS)
        return 0;
    for (size_t i = 0; i < b->len; i++) {
        char c = b->text[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '-'))
            return 0;
    }
    return 1;
}

int tx_is_relative_time(const tx_block *b)
{
    if (b->kind != TB_TEXT || b->words > RELTIME_MAX_WORDS || !b->fold)
        return 0;
    const char *f = b->fold;
    size_t i = 0;
    while (i < b->flen && f[i] >= '0' && f[i] <= '9')
        i++;
    if (i == 0 || i >= b->flen || f[i] != ' ')
        return bti_lex_has(BTI_LEX_JUST_NOW, f, b->flen);
    i++;
    return bti_lex_has(BTI_LEX_TIME_UNIT, f + i, b->flen - i);
}

int tx_is_breadcrumb(const tx_block *b)
{
    if (b->kind != TB_TEXT || b->words > BREADCRUMB_MAX_WORDS || !b->fold)
        return 0;
    if (!strncmp(b->fold, "trang chu", 9) || !strncmp(b->fold, "home ", 5) ||
        !strcmp(b->fold, "home"))
        return 1;
    return (strstr(b->text, " > ") || strstr(b->text, " \xC2\xBB ") ||
            strstr(b->text, " \xE2\x80\xBA ")) &&
           last_char(b->text, b->len) != '.';
}

int tx_has_vietnamese(const char *s, size_t len)
{
    size_t hits = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        unsigned char c = (unsigned char)s[i], d = (unsigned char)s[i + 1];
        /* ă â đ ê ô ơ ư (and capitals), and the tone-marked letters U+1EA0..U+1EF9 */
        if ((c == 0xC3 && (d == 0xA2 || d == 0x82 || d == 0xAA || d == 0x8A || d == 0xB4 ||
                           d == 0x94)) ||
            (c == 0xC4 && (d == 0x82 || d == 0x83 || d == 0x90 || d == 0x91)) ||
            (c == 0xC6 && (d == 0xA0 || d == 0xA1 || d == 0xAF || d == 0xB0)) ||
            (c == 0xE1 && (d == 0xBA || d == 0xBB)))
            if (++hits >= VN_MIN_HITS)
                return 1;
    }
    return hits > 0 && len < VN_SHORT_LEN;
}

size_t tx_inline_related_prefix(const char *s, size_t len)
{
    size_t n = bti_lex_raw_prefix(BTI_LEX_INLINE_RELATED, s, len, " :>");
    if (n && len > n + 1) {
        size_t i = n;
        while (i < len && s[i] == ' ')
            i++;
        if (i < len && s[i] == ':') {
            i++;
        } else if (i + 1 < len && s[i] == '>' && s[i + 1] == '>') {
            i += 2;
        } else
            i = 0;
        if (i) {
            while (i < len && s[i] == ' ')
                i++;
            return i < len ? i : 0;
        }
    }
    if (len > 3 && s[0] == '>' && s[1] == '>') {
        size_t i = 2;
        while (i < len && s[i] == ' ')
            i++;
        return i < len ? i : 0;
    }
    return 0;
}

/* Pass "glued elements": html2text writes the text of adjacent inline elements without a
 * space between them: a gallery's captions ("... el 1 de agosto de 2024.Alketa Misja (dpa)
 * Agentes ..."), a poll's answers ("Ja, unbedingt.Nein, das wäre Zensur.Nur wenn ..."), a
 * teaser's summary and author ("... gegen das Geldhaus.Swen Uhlig"). A sentence mark glued
 * to the capital of the next word, after a small letter or a digit, is such a seam; an
 * article's paragraph may show one (a typo, "z.B."), never two. */
#define GLUED_MIN_SEAMS 2

static int glued_seam(const char *s, size_t len, size_t i)
{
    if (i == 0 || i + 2 >= len)
        return 0;
    utf8proc_int32_t a = tx_cp_before(s, i), b = -1, c = -1;
    if (a < 0 || !(utf8proc_category(a) == UTF8PROC_CATEGORY_LL ||
                   utf8proc_category(a) == UTF8PROC_CATEGORY_ND))
        return 0;
    utf8proc_ssize_t bl = utf8proc_iterate((const utf8proc_uint8_t *)s + i + 1,
                                           (utf8proc_ssize_t)(len - i - 1), &b);
    if (bl <= 0 || utf8proc_category(b) != UTF8PROC_CATEGORY_LU ||
        utf8proc_iterate((const utf8proc_uint8_t *)s + i + 1 + bl,
                         (utf8proc_ssize_t)(len - i - 1 - (size_t)bl), &c) <= 0)
        return 0;
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

int tx_is_glued_row(const tx_block *b)
{
    if (b->kind != TB_TEXT)
        return 0;
    size_t seams = 0, spaced = 0;
    /* the block's text is NUL-terminated: strpbrk skips to the marks at its own speed */
    for (const char *p = b->len > 2 ? strpbrk(b->text + 1, ".!?)") : NULL; p;
         p = strpbrk(p + 1, ".!?)")) {
        size_t i = (size_t)(p - b->text);
        if (i + 2 >= b->len)
            break;
        char ch = *p;
        unsigned char nx = (unsigned char)b->text[i + 1];
        if (nx == ' ')
            spaced += ch != ')' && b->text[i + 2] >= 'A' && b->text[i + 2] <= 'Z';
        else if ((nx >= 'A' && nx <= 'Z') || nx >= 0xC3) /* a capital may follow: decode */
            seams += glued_seam(b->text, b->len, i);
    }
    /* a paragraph a renderer ran into such a row (lynx glues a <div>'s text to the
     * paragraph above) keeps its own sentences apart: it is no row when they outnumber
     * the seams */
    return seams >= GLUED_MIN_SEAMS && seams > spaced;
}
