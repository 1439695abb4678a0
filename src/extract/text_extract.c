/* text_extract.c: the article of a text/Markdown capture, as a list of named passes (see
 * extract() at the end; each pass and each body rule says what it takes and why).
 *
 * How it reasons, after text_lines.c has turned the capture into blocks:
 *  1. furniture is marked (known phrases, slugs, time stamps, breadcrumbs, navigation lists,
 *     and with a site model the blocks that recur across the site's pages);
 *  2. the article body is the longest run of prose paragraphs that no section heading
 *     ("Tin liên quan", "Đọc nhiều") interrupts;
 *  3. the headline is found walking back from the body (an H1 first), the dateline and the
 *     sapo between them, bylines and inline related links around the body's end;
 *  4. related-story blocks are read under their heading; site-wide lists are not.
 * Everything lives in this call's memory: the function is pure and thread-safe. */
#include "bantin/text.h"
#include "text/alloc.h"
#include "core/buf.h"
#include "core/date.h"
#include "extract/extract_internal.h"
#include "extract/text_internal.h"
#include "extract/html_internal.h" /* bti_zone_offset, bti_html_host */
#include "extract/kind.h"
#include "extract/lexicon.h"

#include <utf8proc.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define RUN_GAP 6      /* non-prose blocks allowed between two paragraphs of one body */
#define TITLE_BACK 30  /* how far above the body a headline may sit */
#define MAX_RELATED 64 /* a page links a few related stories, not hundreds */
#define TAIL_LEN 10    /* blocks after the body searched for bylines and inline links */
#define DATE_MAX_LEN 120  /* a dateline is a short line: "18:19 | 14/08/2021 GMT+7" ... */
#define DATE_MAX_WORDS 16 /* ... or a weekday, a date, a time and a zone */
#define DATE_SHARE 3      /* the date must be a third of a longer line or more */
#define DATE_SHORT_WORDS 8 /* a line this short with a date in it is a dateline anyway */
#define CAPTION_MAX_WORDS 70 /* a caption longer than this is a paragraph citing a source */
#define CAPTION_MAX_LEN 500
#define NGUON_CAPTION_WORDS 30 /* "Nguồn:" ends captions and paragraphs citing documents */
#define CREDIT_ONLY_WORDS 8    /* "ẢNH: HOÀNG SƠN": a credit line is a name or two */
#define META_ROW_WORDS 14      /* a meta row: name, date, time, share buttons */
#define RUN_IN_SECTION_DIV 4   /* prose under a section heading is a teaser list, mostly */
#define TEASER_HEADS_PCT 70    /* a run whose blocks are this many headlines per paragraph ... */
#define TEASER_DIV 3           /* ... is a teaser list: its score is cut */
#define LISTICLE_MIN_ITEMS 3   /* ... unless it numbers this many headings in sequence */
#define LONG_PARA_WORDS 50     /* ... or its paragraphs run this many words on average ... */
#define LONG_PARA_ROW_PCT 50   /* ... and this share of them stand under a paragraph */
#define LIST_RUN_MIN_PARAS 3   /* pass "list run": paragraphs of a run made of link lines ... */
#define LIST_RUN_LINKS_PCT 90  /* ... all of them or nearly (a box's one unlinked blurb) */
#define LIST_RUN_DIV 4         /* a list of linked blurbs weighs a quarter of its bytes */
#define BOX_MAX_ITEMS 8        /* a related box inside the article lists a few titles */
#define STORY_BOX_MAX_LINES 24 /* a story box's few stories: title, teaser, label, photo each */
#define JOIN_GAP (4 * RUN_GAP) /* blocks a widget may take between two runs of one body */
#define STORY_JOIN_GAP (JOIN_GAP + STORY_BOX_MAX_LINES) /* ... and a story box besides */
#define NAV_GAP 16     /* menu items that end a run of prose (a site menu, not a list of links
                          the article gives) */
#define NEXT_HEADLINE_PARAS 3 /* paragraphs an article has before a first-level heading ends it */
#define RESUME_LOOK 3  /* blocks of a box's last card that may open the run after it */
#define JOIN_LONE_GAP (RUN_GAP + 2) /* a lone paragraph further below is a widget's notice */
#define SIGNED_OFF_WORDS 8     /* a byline or "Nguồn:" line between body and box */
#define INDENTED_MIN_PROSE 3   /* paragraphs needed to tell that a capture indents them */
#define INDENTED_PCT 75        /* share of indented paragraphs that makes it lynx-style */
#define TITLE_MAX_LEVEL 3      /* a headline is h1-h3 or a plain line, not a minor heading */
#define TITLE_BYLINE_WORDS 5   /* a line this short that reads as names is a byline */
#define SITE_SUFFIX_MAX 40     /* "Headline | Báo X": the site's name after the bar */
#define VN_UTC_OFFSET (7 * 60) /* Vietnamese pages give local time, UTC+7, without a zone */
#define BOX_MAX_BLOCKS 60      /* a related box ends within this many blocks ... */
#define BOX_MAX_TITLES 20      /* ... and lists at most this many stories */
#define RELATED_MIN_LEN 3      /* a related title shorter than this is an arrow or a number */
#define TEASER_MIN_PARAS 2     /* one paragraph under one headline is an article, not a list */
#define LINE_MIN_WORDS 2       /* a line of one word is a label, never a headline or a body */

typedef struct ctx {
    tx_doc d;
    unsigned char *role;
    unsigned char *junk;
    bt_article *a;
    const bt_site_model *site;
    size_t title;          /* index of the headline, or (size_t)-1 */
    uint64_t title_key;
    uint64_t *rel_keys;    /* related titles taken, for deduplication */
    size_t n_rel;
    uint64_t *lead_keys;   /* the lead-ins of the page's lines, sorted (pass "page's lead-in") */
    size_t n_lead;
    int indented;          /* the capture indents its paragraphs (lynx) */
    int lynx;              /* laid out as a lynx dump (text_lynx.c) */
    bti_date pub;          /* the published date as read, zoned once the language is known */
    int have_pub;
    size_t run_start;      /* the body's run as pass 2 found it (before the headline moves it) */
} ctx;

#define NONE ((size_t)-1)

/* What text_head_meta.c's passes see of the state. */
static tx_head head_view(ctx *c)
{
    tx_head v = {.d = &c->d, .role = c->role, .junk = c->junk, .a = c->a, .title = c->title,
                 .title_key = c->title_key, .run_start = c->run_start, .lynx = c->lynx,
                 .indented = c->indented};
    return v;
}

#define POSTED_BY "Đăng bởi " /* WordPress's "Posted by" */
#define POSTED_BY_LEN (sizeof POSTED_BY - 1)

int bti_text_date_line(const tx_block *b, bti_date *dt)
{
    if (b->kind != TB_TEXT || b->len > DATE_MAX_LEN || b->words > DATE_MAX_WORDS)
        return 0;
    if (!bti_date_find(b->text, b->len, dt))
        return 0;
    /* the date must be most of the line: "18:19 | 14/08/2021 GMT+7", "Thứ bảy, 14/8/2021" */
    return (dt->end - dt->start) * DATE_SHARE >= b->len || b->words <= DATE_SHORT_WORDS;
}

/* Ends like a sentence: ". ! ? …" before closing quotes. */
int bti_text_sentence_end(const tx_block *b)
{
    size_t n = b->len;
    const unsigned char *s = (const unsigned char *)b->text;
    while (n && (s[n - 1] == '"' || s[n - 1] == ')' || s[n - 1] == '\'' || s[n - 1] == ' '))
        n--;
    if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && (s[n - 1] == 0x9D || s[n - 1] == 0x99))
        n -= 3;
    if (!n)
        return 0;
    if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && s[n - 1] == 0xA6)
        return 1;
    /* CJK: 。 and fullwidth ！ ？ */
    if (n >= 3 && ((s[n - 3] == 0xE3 && s[n - 2] == 0x80 && s[n - 1] == 0x82) ||
                   (s[n - 3] == 0xEF && s[n - 2] == 0xBC && (s[n - 1] == 0x81 || s[n - 1] == 0x9F))))
        return 1;
    return s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':';
}

static int has_end_mark(const char *s, size_t len)
{
    while (len && s[len - 1] == ' ')
        len--;
    return len >= 3 && !memcmp(s + len - 3, "./.", 3);
}

/* Key of a line that mirrors the title as an image's alt text: "Title - 1". */
static uint64_t mirror_key(const tx_block *b)
{
    if (!b->fold)
        return b->key;
    size_t n = b->flen;
    const char *f = b->fold;
    size_t k = n;
    while (k && f[k - 1] >= '0' && f[k - 1] <= '9')
        k--;
    if (k < n && k >= 3 && f[k - 1] == ' ' && f[k - 2] == '-' && f[k - 3] == ' ')
        return tx_key(f, k - 3);
    return b->key;
}

static int add_related(ctx *c, const char *title, size_t len, const char *url)
{
    while (len && (title[len - 1] == ' '))
        len--;
    if (len < RELATED_MIN_LEN)
        return 0;
    size_t fl;
    char *f = bti_fold_dup(title, len, &fl);
    if (!f)
        return BT_ENOMEM;
    uint64_t k = tx_key(f, fl);
    free(f);
    if (k == c->title_key || c->n_rel >= MAX_RELATED)
        return 0;
    for (size_t i = 0; i < c->n_rel; i++)
        if (c->rel_keys[i] == k)
            return 0;
    uint64_t *nk = realloc(c->rel_keys, (c->n_rel + 1) * sizeof *nk);
    if (!nk)
        return BT_ENOMEM;
    c->rel_keys = nk;
    c->rel_keys[c->n_rel++] = k;
    char *t = malloc(len + 1);
    if (!t)
        return BT_ENOMEM;
    memcpy(t, title, len);
    t[len] = '\0';
    int keep_url = url && (!strncmp(url, "http://", 7) || !strncmp(url, "https://", 8));
    int rc = bt_article_add_related(c->a, t, keep_url ? url : NULL);
    free(t);
    return rc;
}

static int same_str(const char *a, const char *b) { return a == b || (a && b && !strcmp(a, b)); }

/* Whether the article's last image is this one: a renderer that prints both the alt text
 * and the figcaption (or a page that repeats its figure) shows one photo twice in a row. */
static int same_as_last_image(const bt_article *a, const char *src, const char *cap,
                              const char *cred)
{
    if (!a->n_images)
        return 0;
    const bt_image *last = &a->images[a->n_images - 1];
    return same_str(last->src, src) && same_str(last->caption, cap) &&
           same_str(last->credit, cred);
}

/* A caption with its credit split off; "" captions are kept only with a credit. */
static int add_image(ctx *c, const char *src, const char *text, size_t len)
{
    size_t cl = 0, co = 0, crl = 0;
    char *cap = NULL, *cred = NULL;
    int rc = 0;
    if (len > 14 && (!strncmp(text, "Media caption ", 14) || !strncmp(text, "Image caption ", 14)))
        text += 14, len -= 14;
    if (tx_split_credit(text, len, &cl, &co, &crl)) {
        /* "... vụ hè thu - Ảnh: X": the dash joined caption and credit */
        while (cl && (text[cl - 1] == ' ' || text[cl - 1] == '-' || text[cl - 1] == '|'))
            cl--;
        if (cl >= 3 && !memcmp(text + cl - 3, "\xE2\x80\x93", 3)) /* – */
            cl -= 3;
        cap = tx_fold_space(text, cl, NULL);
        cred = tx_fold_space(text + co, crl, NULL);
    } else {
        cap = tx_fold_space(text, len, NULL);
    }
    if (!cap || (crl && !cred && co))
        rc = BT_ENOMEM;
    else {
        /* lynx and w3m print an image's alt text and then its caption, most often the same */
        size_t half = tx_doubled_half(cap, strlen(cap));
        if (half)
            cap[half] = '\0';
        /* the headline as the photo's alt text, run into the caption by the renderer */
        size_t tl = c->a->title ? strlen(c->a->title) : 0, capl = strlen(cap);
        if (tl && capl > tl + 1 && cap[tl] == ' ' && !memcmp(cap, c->a->title, tl))
            memmove(cap, cap + tl + 1, capl - tl);
        if ((cap[0] || cred) && !(cap[0] && same_as_last_image(c->a, src, cap, cred)))
            rc = bt_article_add_image(c->a, src, cap, cred);
    }
    free(cap);
    free(cred);
    return rc;
}

/* "Batman on the course near the harbour. © IMAGO/R. Smith": a photo's credit after a
 * copyright sign closes a caption (lynx prints captions as plain lines); an article's
 * paragraph does not end so. Only the tail counts, a few words after the sign. */
#define COPYRIGHT_TAIL_WORDS 8

static int copyright_tail(const tx_block *b)
{
    /* "©" or html2text's "(C)" */
    size_t at = tx_copyright_sign_in_tail(b->text, b->len, COPYRIGHT_TAIL_WORDS);
    if (at == NONE || at == 0)
        return 0;
    size_t words = tx_count_words(b->text + at, b->len - at);
    for (size_t i = at + 1; i < b->len; i++)
        words -= b->text[i - 1] == ' ' && tx_lone_separator(b->text, b->len, i);
    return words <= COPYRIGHT_TAIL_WORDS;
}

/* "... in Gaza City, in April 2022. (Adel Hana/The Associated Press)": a closing bracket
 * naming a photographer and an agency, parted by a slash, is a photo's credit; the
 * bracketed abbreviations a paragraph ends with ("(OSZE)", "(PSPC)") have no slash. */
#define SLASH_CREDIT_WORDS 8

static int slash_credit_tail(const tx_block *b)
{
    size_t e = b->len;
    while (e && (b->text[e - 1] == '.' || b->text[e - 1] == ' '))
        e--;
    if (!e || b->text[e - 1] != ')')
        return 0;
    size_t o = e - 1, slash = NONE;
    while (o && b->text[o - 1] != '(' && b->text[o - 1] != ')') {
        o--;
        if (b->text[o] == '/')
            slash = o;
    }
    /* names: capitals on both sides of the slash ("2.450km/h" is a unit) */
    if (!o || b->text[o - 1] != '(' || slash == NONE || slash == o || slash + 2 >= e ||
        !isupper((unsigned char)b->text[o]) || !isupper((unsigned char)b->text[slash + 1]))
        return 0;
    return tx_count_words(b->text + o, e - 1 - o) <= SLASH_CREDIT_WORDS;
}

static int bracketed_credit_line(const tx_block *b);

/* A credit of names around a slash on a line of its own ("Philipp von Ditfurth/dpa"); a
 * heading's, a list's or a link's names are no credit. */
static int slash_credit_only(const tx_block *b)
{
    return b->kind == TB_TEXT && !b->level && !(b->flags & (TBF_LIST | TBF_LINKLINE)) &&
           tx_slash_credit_line(b->text, b->len);
}

/* Pass "caption label": a line opening on a caption's label and a colon ("Legende: ...",
 * "Bildunterschrift: ...", "Caption: ..."; lexicon CAPTION_LABEL) is a photo's caption, as
 * BBC's "Image caption ..." is: a renderer prints the label a page hides for screen
 * readers. The photo's alt text, a sentence, may come first on the line (lynx runs the two
 * together when the alt text fills its line). */
#define LABEL_ALT_MAX_LEN 200 /* bytes of an alt text before the label */

#define LABEL_MAX_LEN 18 /* bytes of the longest label and its colon ("Bildunterschrift:") */

static int label_at(const char *s, size_t len)
{
    /* the cheap test first: bare_caption runs for most lines, few have a colon this early */
    if (!memchr(s, ':', len < LABEL_MAX_LEN ? len : LABEL_MAX_LEN))
        return 0;
    size_t n = bti_lex_raw_prefix(BTI_LEX_CAPTION_LABEL, s, len, " :");
    while (n && n < len && s[n] == ' ')
        n++;
    return n && n + 1 < len && s[n] == ':';
}

static int caption_label(const tx_block *b)
{
    if (label_at(b->text, b->len))
        return 1;
    const char *e = memchr(b->text, '.', b->len < LABEL_ALT_MAX_LEN ? b->len : LABEL_ALT_MAX_LEN);
    size_t p = e ? (size_t)(e - b->text) + 2 : 0;
    return e && p < b->len && b->text[p - 1] == ' ' && label_at(b->text + p, b->len - p);
}

/* A caption that stands without an image marker: ends with a photo credit. */
int bti_text_bare_caption(const tx_block *b)
{
    size_t cl, co, crl;
    if (b->kind != TB_TEXT || b->words > CAPTION_MAX_WORDS || b->len > CAPTION_MAX_LEN)
        return 0;
    /* BBC-style labels: "Media caption ...", "Image caption ..." */
    if (!strncmp(b->text, "Media caption ", 14) || !strncmp(b->text, "Image caption ", 14) ||
        caption_label(b))
        return 1;
    if (copyright_tail(b) || slash_credit_tail(b) || tx_slash_credit_tail(b->text, b->len) ||
        tx_bracket_credit_tail(b->text, b->len))
        return 1;
    /* a credit alone on its line (a heading's or a link's names are no credit) */
    if (bracketed_credit_line(b))
        return 1;
    if (slash_credit_only(b))
        return 1;
    if (!tx_split_credit(b->text, b->len, &cl, &co, &crl))
        return 0;
    /* "Nguồn: ..." also ends paragraphs that cite a document: only short lines are captions */
    if (b->words > NGUON_CAPTION_WORDS && co > cl) {
        static const char nguon[] = "Nguồn";
        for (size_t i = cl; i + sizeof nguon - 1 <= co; i++)
            if (!memcmp(b->text + i, nguon, sizeof nguon - 1))
                return 0;
    }
    return 1;
}

/* A line that is only a photo credit ("ẢNH: HOÀNG SƠN"): some pages set the caption and the
 * credit on lines of their own, and a renderer keeps them apart. */
static int credit_only(const tx_block *b)
{
    size_t cl, co, crl;
    if (bracketed_credit_line(b))
        return 1;
    if (b->kind != TB_TEXT || b->words > CREDIT_ONLY_WORDS || !tx_split_credit(b->text, b->len, &cl, &co, &crl))
        return 0;
    while (cl && (b->text[cl - 1] == ' ' || b->text[cl - 1] == '-' || b->text[cl - 1] == '|'))
        cl--;
    return cl == 0;
}

/* A credit on a line of its own: a credit word's ("Foto: X", "(Photo: Y)"), or names parted
 * by a slash in brackets ("(Robert F. Bukaty / AP)"; bare, "Anna Berg/Jan Roth" may be a
 * byline of two). */
int bti_text_credit_line(const tx_block *b)
{
    return credit_only(b) || (b->kind == TB_TEXT && b->text[0] == '(' && slash_credit_only(b));
}

/* Pass "bracketed credit line": "(Bild: Verbraucherzentrale.de / Phishingradar)", a credit
 * in brackets on a line of its own under its caption. The brackets set the line apart as a
 * caption's markup does, so the credit words of captions marked in HTML count ("Bild",
 * "Bildquelle", which a line of text may open with: "Erstes Bild: So könnte ..."), and the
 * credit may say more than a name or two ("(Bild: erstellt mit KI durch heise online / dmk)"). */
#define BRACKETED_CREDIT_WORDS 16

static int bracketed_credit_line(const tx_block *b)
{
    if (b->kind != TB_TEXT || b->words > BRACKETED_CREDIT_WORDS || b->len < 4 ||
        b->text[0] != '(' || b->text[b->len - 1] != ')' || memchr(b->text + 1, ')', b->len - 2))
        return 0;
    size_t w = bti_lex_credit_word(BTI_LEX_CREDIT_VI | BTI_LEX_HTML_CREDIT_VI,
                                   BTI_LEX_CREDIT_EN | BTI_LEX_HTML_CREDIT_EN, b->text + 1,
                                   b->len - 2, 1);
    size_t k = 1 + w;
    while (w && k < b->len && b->text[k] == ' ')
        k++;
    return w && k + 1 < b->len && b->text[k] == ':';
}

/* Whether block b is the alt text of the caption below it: the caption's words without its
 * credit (lynx prints a figure's alt text, then its caption with the credit). */
static int alt_of_caption(const tx_block *b, const tx_block *cap)
{
    size_t cl, co, crl;
    /* the cheap test first: this runs for every line */
    if (cap->kind != TB_TEXT || cap->len <= b->len || memcmp(cap->text, b->text, b->len) ||
        !bti_text_bare_caption(cap) || !tx_split_credit(cap->text, cap->len, &cl, &co, &crl))
        return 0;
    while (cl && (cap->text[cl - 1] == ' ' || cap->text[cl - 1] == '-' || cap->text[cl - 1] == '|'))
        cl--;
    return cl == b->len && !memcmp(cap->text, b->text, cl);
}

/* The caption and credit of a photo from two lines: "caption" and "ẢNH: X" below it. */
static int add_split_caption(ctx *c, const tx_block *cap, const tx_block *cred)
{
    if (!credit_only(cred)) {
        /* names without a credit word: the line is the credit, without its brackets */
        int br = cred->len > 2 && cred->text[0] == '(' && cred->text[cred->len - 1] == ')';
        char *cr = tx_fold_space(cred->text + br, cred->len - 2 * (size_t)br, NULL);
        int rc = cr ? bt_article_add_image(c->a, NULL, cap->text, cr) : BT_ENOMEM;
        free(cr);
        return rc;
    }
    size_t len = cap->len + 3 + cred->len;
    char *t = malloc(len + 1);
    if (!t)
        return BT_ENOMEM;
    memcpy(t, cap->text, cap->len);
    memcpy(t + cap->len, " - ", 3);
    memcpy(t + cap->len + 3, cred->text, cred->len);
    t[len] = '\0';
    int rc = add_image(c, NULL, t, len);
    free(t);
    return rc;
}

static int add_byline_span(ctx *c, const char *text, size_t len)
{
    size_t off[MAX_AUTHORS], lens[MAX_AUTHORS];
    size_t n = tx_byline(text, len, off, lens, MAX_AUTHORS);
    for (size_t i = 0; i < n; i++) {
        char *s = tx_fold_space(text + off[i], lens[i], NULL);
        if (!s)
            return BT_ENOMEM;
        int dup = 0;
        for (size_t k = 0; k < c->a->n_authors; k++)
            dup |= !strcmp(c->a->authors[k], s);
        int rc = dup ? 0 : bt_article_add_author(c->a, s);
        free(s);
        if (rc)
            return rc;
    }
    return n ? 1 : 0;
}

static int add_byline(ctx *c, const tx_block *b)
{
    return add_byline_span(c, b->text, b->len);
}

/* A meta row under the headline: "Đăng bởi X 09/12/2023", "By X March 16, 2024 4 min read",
 * "Kim Kha 16/11/2023 18:40": the byline before the date. 1 when authors were taken. */
static int add_byline_span(ctx *c, const char *text, size_t len);

/* The byline before a date ("Kim Kha 16/11/2023", "Đăng bởi X 09/12/2023"): the place makes
 * it one, so a name without diacritics is taken too. */
static int byline_before_date(ctx *c, const char *s, size_t len)
{
    if (bti_text_date_label(s, len))
        return 0;
    if (len > POSTED_BY_LEN && !strncmp(s, POSTED_BY, POSTED_BY_LEN))
        s += POSTED_BY_LEN, len -= POSTED_BY_LEN;
    else if (len > 3 && !strncmp(s, "By ", 3))
        s += 3, len -= 3;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '|' || s[len - 1] == '-'))
        len--;
    /* "Thứ Hai, 12/09/2022", "Chủ Nhật, 14/08/2022": a weekday, not a name */
    if (!len || s[len - 1] == ',' || !strncmp(s, "Thứ ", strlen("Thứ ")) ||
        !strncmp(s, "Chủ ", strlen("Chủ ")))
        return 0;
    char tmp[64] = "By ";
    if (len < 3 || len + 3 > sizeof tmp)
        return 0;
    memcpy(tmp + 3, s, len);
    return add_byline_span(c, tmp, len + 3);
}

static int meta_byline(ctx *c, const tx_block *b, int *dated)
{
    if (b->kind != TB_TEXT)
        return 0;
    /* the share buttons a renderer runs into the same line are not part of the row */
    size_t tl = tx_share_tail(b), bl = tl != NONE_SHARE ? tl : b->len;
    if (tx_count_words(b->text, bl) > META_ROW_WORDS || (bl == b->len && tx_is_prose(b)))
        return 0;
    const char *bt = b->text;
    if (bl > POSTED_BY_LEN && !strncmp(bt, POSTED_BY, POSTED_BY_LEN))
        bt += POSTED_BY_LEN, bl -= POSTED_BY_LEN;
    bti_date dd;
    if (bti_date_find(bt, bl, &dd) && dd.start > 0) {
        *dated = 1;
        return byline_before_date(c, bt, dd.start);
    }
    /* a run-together "09/12/202310/12/2023" (published and updated) is no date to parse,
     * yet a posted-by row still ends its name where the figures begin */
    if (bt != b->text)
        for (size_t i = 1; i < bl; i++)
            if (bt[i - 1] == ' ' && bt[i] >= '0' && bt[i] <= '9')
                return byline_before_date(c, bt, i);
    return add_byline_span(c, bt, bl);
}

static int set_str(char **field, const char *s, size_t len)
{
    char *v = tx_fold_space(s, len, NULL);
    if (!v)
        return BT_ENOMEM;
    int rc = bt_article_set(field, v, strlen(v));
    free(v);
    return rc;
}

/* The article body: the run of prose paragraphs with the best score: [*rs, *re]. Site-wide
 * lists of story teasers (a headline, then its summary, again and again) are prose too: a run
 * under a section heading, or as dense in headlines as in paragraphs, scores low. Then the
 * runs next to the best one join it when only a widget separates them (a gallery, a box of
 * links): no section heading between, and they are not teaser lists themselves.
 * 0 when the capture has no prose at all. */
typedef struct run {
    size_t s, e, score;
    int weak;    /* teaser-like or under a section heading */
    int section; /* a section heading precedes it since the previous run */
    int box;     /* only a related heading and its few headline-like items precede it */
    int other;   /* below a next headline: another article (pass "next headline") */
    int story;   /* the article resumes below a story box (pass "story box") */
} run;

/* A line that may head a teaser: headline-like, and not a line an article has between its
 * paragraphs anyway (a dateline, a photo's caption or credit, a byline). */
static int teaser_head(const tx_block *b)
{
    bti_date dt;
    size_t o[MAX_AUTHORS], l[MAX_AUTHORS];
    return tx_is_headline_like(b) && !bti_text_date_line(b, &dt) && !bti_text_bare_caption(b) &&
           !credit_only(b) && !tx_slash_credit_line(b->text, b->len) &&
           !(b->words <= TITLE_BYLINE_WORDS &&
                                tx_byline(b->text, b->len, o, l, MAX_AUTHORS));
}

/* Pass "label again": a widget's label printed again within a few blocks ("External
 * content not available" under each embed) heads no teaser: a teaser list's headlines
 * differ from one another. */
#define LABEL_AGAIN_LOOK 8 /* blocks back a repeated label is looked for */
static int label_again(const tx_block *B, size_t i)
{
    for (size_t k = i; k-- > 0 && i - k <= LABEL_AGAIN_LOOK;)
        if (B[k].key == B[i].key && B[k].len == B[i].len)
            return 1;
    return 0;
}

/* Orders block keys (qsort). */
static int cmp_key(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* How many copies of key sorted `keys` hold, counted up to `cap`. */
static size_t key_copies(const uint64_t *keys, size_t n, uint64_t key, size_t cap)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (keys[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = lo;
    while (k < n && keys[k] == key && k - lo < cap)
        k++;
    return k - lo;
}

/* The keys of the blocks `pick` takes, sorted, into *keys (NULL when there are fewer than
 * `min`; the caller frees them); *n their count. */
static int picked_keys(const ctx *c, int (*pick)(const tx_block *), size_t min, uint64_t **keys,
                       size_t *n)
{
    const tx_block *B = c->d.b;
    *keys = NULL;
    *n = 0;
    for (size_t i = 0; i < c->d.n; i++)
        *n += pick(&B[i]) != 0;
    if (*n < min)
        return 0;
    if (!(*keys = malloc(*n * sizeof **keys)))
        return BT_ENOMEM;
    *n = 0;
    for (size_t i = 0; i < c->d.n; i++)
        if (pick(&B[i]))
            (*keys)[(*n)++] = B[i].key;
    qsort(*keys, *n, sizeof **keys, cmp_key);
    return 0;
}

/* Pass "inline box": a section's heading the page sets more than once ("Most Popular" over
 * a box between every few paragraphs) heads a widget inside the article, not the site's
 * section below it: the article resumes after each copy, as after a promo box. `keys` are
 * the keys of the page's stop headings, sorted. */
static int inline_box_heading(const uint64_t *keys, size_t n, uint64_t key)
{
    return key_copies(keys, n, key, 2) >= 2;
}

/* Pass "long paragraphs": a teaser's summary is a sentence or two under its headline, one
 * per headline. Paragraphs long on average, half of them standing under another paragraph,
 * are an article's sections under many small headings (a buying guide: each product's
 * heading, photo, name and prices), however many headline-like lines it has. */
static int long_paragraphs(size_t paras, size_t words, size_t in_row)
{
    return words >= paras * LONG_PARA_WORDS && in_row * 100 >= paras * LONG_PARA_ROW_PCT;
}

/* Pass "introduced list": items under a line that introduces them ("... at these shops:")
 * are the article's own list, however headline-like each item reads: no teaser's headline.
 * A teaser list's titles follow a section's name or one another, not a sentence opening
 * them with a colon; a label with a colon ("Read more:", "Lesen Sie auch:") is a box's. */
#define INTRO_MIN_WORDS 5 /* a sentence, not a box's label */

static int introduces_list(const tx_block *b)
{
    size_t len = b->len;
    while (len && b->text[len - 1] == ' ')
        len--;
    return len && b->text[len - 1] == ':' && b->words >= INTRO_MIN_WORDS;
}

/* Pass "answered questions": headings that ask questions, each with the paragraph answering
 * it right below ("How long does it take clothes to dry?"), are the sections of an explainer
 * or a guide's FAQ, no teasers' headlines. One question among headlines may be a teaser's
 * (its summary or the next card's caption below it): it takes two. */
#define FAQ_MIN_QUESTIONS 2
static int answered(const ctx *c, size_t i)
{
    const tx_block *b = &c->d.b[i];
    size_t len = b->len;
    while (len && b->text[len - 1] == ' ')
        len--;
    return len && b->text[len - 1] == '?' && i + 1 < c->d.n && !c->junk[i + 1] &&
           c->role[i + 1] != R_STOP && tx_is_prose(&c->d.b[i + 1]);
}

/* Whether the prose among blocks s..e-1 is all as short as a card's text (a title run into
 * its teaser or its photo's alt text): a longer paragraph is an article's. */
static int short_cards(const ctx *c, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++)
        if (!c->junk[k] && c->d.b[k].words >= LONG_PARA_WORDS && tx_is_prose(&c->d.b[k]))
            return 0;
    return 1;
}

static int find_body(ctx *c, size_t *rs, size_t *re)
{
    tx_block *B = c->d.b;
    size_t n = c->d.n;
    size_t cs = NONE, ce = NONE, gap = 0, score = 0, paras = 0, heads = 0, heads_in = 0;
    size_t asked = 0, asked_in = 0; /* of the heads, questions with their answer below */
    size_t items = 0; /* the run's paragraphs that are whole-line links */
    size_t run_words = 0, in_row = 0; /* the run's words; its paragraphs under a paragraph */
    int last_prose = 0;               /* the last text block was a paragraph */
    size_t nav_gap = 0; /* menu items since the run's last paragraph */
    int in_section = 0, run_in_section = 0, section_since = 0, box_since = 0, signed_off = 0;
    int promo_since = 0; /* the box since the last run is a promo box only */
    int menu_since = 0;  /* the last run ended at a site menu */
    int paywall_since = 0; /* the box since the last run is a paywall's offer */
    int h1_since = 0, run_h1 = 0; /* a first-level heading met so far; above this run */
    uint64_t h1_key = 0;          /* the last first-level heading's */
    int next_article = 0, other_since = 0; /* a next headline was met: the runs below it
                                             * are another article's */
    size_t box_items = 0;
    int story_since = 0; /* the box since the last run is a story box */
    int introduced = 0;  /* the last line that is no list item introduces a list */
    run *runs = NULL;
    size_t nr = 0, capr = 0;
    *rs = *re = NONE;
    size_t nstop = 0;
    for (size_t i = 0; i < n; i++)
        nstop += c->role[i] == R_STOP;
    uint64_t *stop_keys = malloc((nstop ? nstop : 1) * sizeof *stop_keys);
    if (!stop_keys)
        return 0;
    nstop = 0;
    for (size_t i = 0; i < n; i++)
        if (c->role[i] == R_STOP)
            stop_keys[nstop++] = B[i].key;
    qsort(stop_keys, nstop, sizeof *stop_keys, cmp_key);
    for (size_t i = 0; i <= n; i++) {
        int stop = i == n || c->role[i] == R_STOP;
        int prose = !stop && !c->junk[i] && tx_is_prose(&B[i]);
        if (prose) {
            if (cs == NONE)
                cs = i, score = 0, paras = items = 0, heads = heads_in = asked = asked_in = 0,
                run_in_section = in_section, run_h1 = h1_since, run_words = in_row = 0,
                last_prose = 0;
            signed_off = 0;
            ce = i;
            gap = nav_gap = 0;
            heads_in = heads; /* headlines after the run's last paragraph are not in it */
            asked_in = asked;
            score += B[i].len;
            paras++;
            items += (B[i].flags & TBF_LINKLINE) != 0;
            run_words += B[i].words;
            in_row += last_prose;
            last_prose = 1;
            if (has_end_mark(B[i].text, B[i].len))
                stop = 1;
        } else if (cs != NONE && !stop && run_h1 && B[i].level == 1 && B[i].key != h1_key &&
                   paras >= NEXT_HEADLINE_PARAS && B[i].words >= LINE_MIN_WORDS && !c->junk[i]) {
            /* pass "next headline": below an article that opened under a first-level
             * heading, another first-level heading opens another article (an endless-scroll
             * page, the next story): the runs from there on are that one's. The same
             * headline again is the article restated in full below its preview. */
            stop = 1, menu_since = 1, next_article = 1;
        } else if (cs != NONE && !stop) {
            /* an enumeration line ("宮崎県：延岡市、西都市") goes on the article's list: no gap,
             * no teaser's headline (pass "enumeration line") */
            if ((!c->junk[i] || c->junk[i] == JUNK_CARD) && B[i].kind == TB_TEXT &&
                !(B[i].flags & TBF_CAPTION) && !tx_is_enumeration(&B[i])) {
                gap++;
                last_prose = 0;
                int head = !c->junk[i] && teaser_head(&B[i]) && !label_again(B, i) &&
                           !((B[i].flags & TBF_LIST) && introduced);
                heads += head;
                asked += head && answered(c, i);
            } else if (B[i].flags & TBF_NAV) {
                nav_gap++;
            } else if (c->junk[i] == JUNK_GLUED) {
                gap = 0; /* a widget's text: the page's prose goes on (text_lynx.c) */
            }
            /* a site menu between two paragraphs parts a notice above it from the article,
             * as a section heading does */
            if (nav_gap > NAV_GAP)
                stop = 1, menu_since = 1;
            if (gap > RUN_GAP)
                stop = 1;
        }
        if (stop && cs != NONE) {
            if (nr == capr) {
                size_t nc = capr ? capr * 2 : 16;
                run *nrn = realloc(runs, nc * sizeof *nrn);
                if (!nrn) {
                    free(runs);
                    free(stop_keys);
                    return 0;
                }
                runs = nrn;
                capr = nc;
            }
            /* after a box the article resumes with paragraphs in a row; teasers (a title,
             * its summary, a title...) are another box */
            int resumes = box_since && cs < ce &&
                          box_items <= (story_since ? STORY_BOX_MAX_LINES : BOX_MAX_ITEMS);
            if (resumes) {
                /* the box's last card (a photo's caption, a title) may open the run: the
                 * article resumes where two paragraphs first stand in a row, within a few
                 * blocks (pass "box resumes") */
                resumes = 0;
                size_t from = cs, seen = 0;
                /* a story box's cards may read as prose (a headline run into its photo's
                 * alt text): below one the article may resume as far down as the box's
                 * lines reach, where two paragraphs that are no widget's text stand in a
                 * row; the cards above them leave the run (pass "story box resumes") */
                while (!resumes && from < ce &&
                       (seen++ <= RESUME_LOOK ||
                        (story_since && from - cs <= STORY_BOX_MAX_LINES))) {
                    size_t k = from + 1;
                    while (k < ce && (c->junk[k] == JUNK_RULE || B[k].kind != TB_TEXT ||
                                      (B[k].flags & (TBF_CAPTION | TBF_CELL)) ||
                                      bti_text_bare_caption(&B[k])))
                        k++;
                    resumes = tx_is_prose(&B[from]) && tx_is_prose(&B[k]) &&
                              (seen <= RESUME_LOOK + 1 || (!c->junk[from] && !c->junk[k]));
                    if (resumes && seen > RESUME_LOOK + 1 && short_cards(c, cs, from))
                        for (; cs < from; cs++)
                            if (!c->junk[cs])
                                c->junk[cs] = JUNK_RULE;
                    from = k;
                }
            }
            /* a promo box has lines of its own (a pitch, a button, a notice) before the
             * article resumes, so the paragraphs after it need not come in a row */
            run r = {cs, ce, score, 0,
                     section_since || (box_since && !resumes && !promo_since),
                     resumes || (paywall_since && cs == ce), other_since, story_since && resumes};
            other_since |= next_article;
            if (r.story)
                in_section = 0;
            else if (run_in_section)
                r.score /= RUN_IN_SECTION_DIV, r.weak = 1;
            if (asked_in >= FAQ_MIN_QUESTIONS)
                heads_in -= asked_in;
            if (paras >= TEASER_MIN_PARAS && heads_in * 100 >= paras * TEASER_HEADS_PCT &&
                tx_listicle_items(&c->d, cs, ce) < LISTICLE_MIN_ITEMS && /* pass "listicle" */
                !long_paragraphs(paras, run_words, in_row))
                r.score /= TEASER_DIV, r.weak = 1;
            /* pass "list run": paragraphs that are all (or all but one in ten) whole-line
             * links are teasers' summaries or a box of the site's services, each linked; an
             * article's paragraphs are not links, nearly all of them. (Bullets alone are
             * not enough: a paywall's offer and an article's own lists are bullets too.) */
            else if (paras >= LIST_RUN_MIN_PARAS && items * 100 >= paras * LIST_RUN_LINKS_PCT)
                r.score /= LIST_RUN_DIV, r.weak = 1;
            runs[nr++] = r;
            section_since = menu_since;
            box_since = promo_since = menu_since = paywall_since = story_since = 0;
            cs = NONE;
        }
        /* a related box inside the article ("Tin liên quan" and a few titles) is a widget:
         * the prose after it is the same article. A site-wide section is not. */
        if (i < n && c->role[i] == R_STOP) {
            /* a promo box (newsletter, podcast) is a widget like a related box: the
             * article may resume after it. A paywall notice is one too, whose offer (a line
             * or two) is no article: a lone paragraph after it does not join the article
             * (pass "paywall box") */
            int paywall = tx_is_paywall_notice(&B[i]);
            int promo = tx_is_promo_heading(&B[i]) || paywall ||
                        inline_box_heading(stop_keys, nstop, B[i].key);
            paywall_since |= paywall;
            /* a story box ("Most read", "Trending") is a few stories' titles, like a related
             * box: set once inside the article, the article resumes below it in paragraphs
             * in a row, further below than after a related box; else it is the site's
             * section it names (pass "story box") */
            int story = tx_is_story_box_heading(&B[i]);
            in_section = tx_is_section_heading(&B[i]) && !promo;
            if ((in_section && !story) || (box_since && !promo) || signed_off)
                section_since = 1;
            else
                promo_since = promo && (!box_since || promo_since), box_since = 1, box_items = 0,
                story_since = story;
        } else if (i < n && B[i].level == 1) {
            in_section = 0;
            h1_since |= cs == NONE;
            h1_key = B[i].key;
        } else if (i < n && box_since && cs == NONE && !c->junk[i] && B[i].kind == TB_TEXT) {
            box_items++;
        } else if (i < n && !prose && !box_since && !c->junk[i] && B[i].kind == TB_TEXT &&
                   B[i].words <= SIGNED_OFF_WORDS) {
            /* a byline or "Nguồn:" between the paragraphs and a related box: the article
             * ended before the box */
            size_t o[MAX_AUTHORS], l[MAX_AUTHORS];
            signed_off |= tx_byline(B[i].text, B[i].len, o, l, MAX_AUTHORS) > 0 ||
                          tx_is_attribution(B[i].text, B[i].len) ||
                          !strncmp(B[i].text, "Nguồn", strlen("Nguồn"));
        }
        if (i < n && !c->junk[i] && B[i].kind == TB_TEXT && !(B[i].flags & TBF_LIST))
            introduced = introduces_list(&B[i]);
    }
    size_t best = NONE;
    for (size_t k = 0; k < nr; k++)
        if (best == NONE || (runs[k].other == runs[best].other && runs[k].score > runs[best].score) ||
            runs[best].other > runs[k].other)
            best = k;
    if (best != NONE) {
        size_t lo = best, hi = best;
        while (lo > 0 && !runs[lo].section && !runs[lo - 1].weak &&
               runs[lo].s - runs[lo - 1].e <= (runs[lo].story ? STORY_JOIN_GAP : JOIN_GAP))
            lo--;
        while (hi + 1 < nr && !runs[hi + 1].section && !runs[hi + 1].weak &&
               (!runs[hi + 1].box || runs[hi + 1].e > runs[hi + 1].s) &&
               runs[hi + 1].s - runs[hi].e <=
                   (runs[hi + 1].story ? STORY_JOIN_GAP
                    : runs[hi + 1].s < runs[hi + 1].e ? JOIN_GAP : JOIN_LONE_GAP) &&
               !has_end_mark(B[runs[hi].e].text, B[runs[hi].e].len))
            hi++;
        *rs = runs[lo].s;
        *re = runs[hi].e;
    }
    free(runs);
    free(stop_keys);
    return *rs != NONE;
}

/* The block before i that is not junk, at or after `from`; NONE when there is none. */
static size_t prev_block(const ctx *c, size_t i, size_t from)
{
    while (i > from) {
        i--;
        if (!c->junk[i])
            return i;
    }
    return NONE;
}

/* A byline set as a line of its own, in any language the lexicon knows ("Von Anna Berg und
 * Jan Roth, dpa", "Par Marie Dupont"): a byline word, then names. Names are capitalised,
 * joined by the lexicon's joining words; after a comma an agency may be in lower case
 * ("dpa"). A headline opening with the same word goes on otherwise ("Von der Leyen fordert",
 * "Von München bis Aachen: ..."). */
#define BYLINE_LINE_MAX_WORDS 12
static int byline_line(const tx_block *b)
{
    if (b->words > BYLINE_LINE_MAX_WORDS)
        return 0;
    size_t l = bti_lex_raw_prefix(BTI_LEX_BYLINE_PREFIX, b->text, b->len, " :");
    if (!l)
        return 0;
    const char *s = b->text + l, *e = b->text + b->len;
    size_t caps = 0;
    while (s < e) {
        int comma = 0;
        while (s < e && (*s == ' ' || *s == ','))
            comma |= *s++ == ',';
        const char *w = s;
        while (s < e && *s != ' ' && *s != ',')
            s++;
        if (s == w)
            break;
        utf8proc_int32_t cp;
        if (utf8proc_iterate((const utf8proc_uint8_t *)w, s - w, &cp) <= 0 || w[s - w - 1] == ':')
            return 0;
        if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LU)
            caps++;
        else if (!comma && !bti_lex_raw_has(BTI_LEX_NAME_JOIN, w, (size_t)(s - w)))
            return 0;
    }
    return caps >= 2;
}

static int title_candidate(ctx *c, size_t i)
{
    const tx_block *b = &c->d.b[i];
    bti_date dt;
    if (c->junk[i] || c->role[i] == R_STOP || b->kind != TB_TEXT)
        return 0;
    if (b->flags & (TBF_NAV | TBF_CELL | TBF_CAPTION | TBF_LINKROW))
        return 0;
    if ((b->flags & TBF_LIST) && b->level == 0)
        return 0;
    if (c->indented && (b->flags & TBF_INDENT) && b->level == 0)
        return 0;
    if (!tx_is_headline_like(b) && !(b->level == 1 && b->words >= LINE_MIN_WORDS))
        return 0;
    if (bti_text_date_line(b, &dt) || tx_is_attribution(b->text, b->len) ||
        bti_text_bare_caption(b))
        return 0;
    size_t o[MAX_AUTHORS], l[MAX_AUTHORS];
    if (!strncmp(b->text, "By ", 3) || byline_line(b) ||
        (b->words <= TITLE_BYLINE_WORDS && tx_byline(b->text, b->len, o, l, MAX_AUTHORS)))
        return 0;
    return 1;
}

static size_t find_title(ctx *c, size_t rs)
{
    size_t lo = rs > TITLE_BACK ? rs - TITLE_BACK : 0;
    /* lynx indents paragraphs and leaves headings at the margin: when the prose is indented,
     * an indented line is no headline */
    size_t ind = 0, prose = 0;
    for (size_t i = 0; i < c->d.n; i++)
        if (tx_is_prose(&c->d.b[i])) {
            prose++;
            ind += (c->d.b[i].flags & TBF_INDENT) != 0;
        }
    c->indented = prose >= INDENTED_MIN_PROSE && ind * 100 >= prose * INDENTED_PCT;
    /* an H1 near the body is the headline; else the nearest headline-like line above it */
    for (size_t i = rs; i-- > lo;)
        if (c->d.b[i].level == 1 && title_candidate(c, i))
            return i;
    for (size_t i = rs; i-- > lo;)
        if (title_candidate(c, i) && c->d.b[i].level <= TITLE_MAX_LEVEL) {
            /* lynx sets a headline and its deck (h1, h2) alike at the margin, one right
             * below the other: the upper one is the headline */
            size_t j = prev_block(c, i, lo);
            if (c->indented && j != NONE && j + 1 == i && c->d.b[j].level == c->d.b[i].level &&
                !(c->d.b[j].flags & TBF_INDENT) && title_candidate(c, j))
                return j;
            return i;
        }
    for (size_t i = 0; i < rs; i++)
        if (c->d.b[i].level == 1 && title_candidate(c, i))
            return i;
    return NONE;
}

/* Pass 3b, when no headline stands above the body: a headline a few blocks into the run
 * that the page sets twice (the headline and its copy in a share bar, a breadcrumb or the
 * image's alt text): the run began at a notice above it ("your browser is out of date"). */
#define TITLE_INSIDE 6
static size_t title_inside(ctx *c, size_t rs, size_t re)
{
    for (size_t i = rs + 1; i <= re && i <= rs + TITLE_INSIDE; i++) {
        if (!title_candidate(c, i))
            continue;
        for (size_t j = 0; j < c->d.n; j++)
            if (j != i && c->d.b[j].kind == TB_TEXT && c->d.b[j].key == c->d.b[i].key)
                return i;
    }
    return NONE;
}

/* Pass "kicker twin": a renderer sets a kicker and its headline on one line with only a
 * space between them ("Neue Leipziger Schule Judy Lybke, ..."), where the page states the
 * same title elsewhere with a separator ("Neue Leipziger Schule: Judy Lybke, ...", its <h1>
 * or share text). The twin tells where the kicker ends: the headline is what follows it.
 * Returns the headline's offset in s, or 0. */
#define KICKER_MAX_WORDS 6 /* a kicker is a few words ... */
#define KICKER_MIN_REST 3  /* ... before a headline of some words */

static size_t kicker_twin(const ctx *c, size_t t, const char *s, size_t n)
{
    static const char *const seps[] = {": ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | "};
    size_t words = 0;
    for (size_t k = 1; k + 1 < n && words < KICKER_MAX_WORDS; k++) {
        if (s[k] != ' ')
            continue;
        words++;
        size_t rest_words = 1;
        for (size_t q = k + 1; q < n; q++)
            rest_words += s[q] == ' ';
        if (rest_words < KICKER_MIN_REST)
            break;
        for (size_t j = 0; j < c->d.n; j++) {
            const tx_block *o = &c->d.b[j];
            if (j == t || o->kind != TB_TEXT || o->len <= n || o->len > n + 4)
                continue;
            for (size_t v = 0; v < sizeof seps / sizeof seps[0]; v++) {
                size_t sl = strlen(seps[v]);
                if (o->len == n - 1 + sl && !memcmp(o->text, s, k) &&
                    !memcmp(o->text + k, seps[v], sl) && !memcmp(o->text + k + sl, s + k + 1, n - k - 1))
                    return k + 1;
            }
        }
    }
    return 0;
}

static int set_title(ctx *c, size_t t)
{
    const tx_block *b = &c->d.b[t];
    size_t len = b->len;
    /* a site suffix: "Headline | Báo X" */
    for (size_t i = len; i > 3; i--)
        if (b->text[i - 1] == '|' && b->text[i - 2] == ' ' && len - i < SITE_SUFFIX_MAX) {
            len = i - 2;
            break;
        }
    c->title = t;
    c->title_key = b->key;
    c->role[t] = R_TITLE;
    size_t from = kicker_twin(c, t, b->text, len);
    /* a separator left where a kicker was taken out (" - H", ": H") opens no headline (a
     * line that had none may open with a dash: "- Angsten vil øke" quotes a speaker) */
    while ((b->flags & TBF_KICKER_CUT) && from < len &&
           (b->text[from] == ' ' || b->text[from] == ':' || b->text[from] == '-' ||
            b->text[from] == '|'))
        from++;
    return set_str(&c->a->title, b->text + from, len - from);
}

static int set_published(ctx *c, const bti_date *dt)
{
    c->pub = *dt;
    c->have_pub = 1;
    char iso[40];
    bti_date_format(dt, c->d.vietnamese ? VN_UTC_OFFSET : 0, iso, sizeof iso);
    return bt_article_set(&c->a->published, iso, strlen(iso));
}

/* Pass "glued box": in a lynx dump, a <p> is set apart by a blank line while a <div>'s text
 * is glued to the line above. When the article's paragraphs above a box's heading stand
 * apart (most of them: captions and notices come glued), prose glued under the heading is a
 * card's summary, never the article resuming below the box. (Counted above the heading: the
 * box's own cards would tip a share over the whole dump.) */
#define GLUED_BOX_SPACED_PCT 50

static int glued_cards_below(const ctx *c, size_t h)
{
    if (!c->lynx)
        return 0;
    size_t prose = 0, spaced = 0;
    for (size_t k = 0; k < h; k++) {
        const tx_block *b = &c->d.b[k];
        if (c->junk[k] || b->level || (b->flags & TBF_LIST) || !(b->flags & TBF_INDENT) ||
            !tx_is_prose(b))
            continue;
        prose++;
        spaced += (b->flags & TBF_BLANK_BEFORE) != 0;
    }
    return prose && spaced * 100 >= prose * GLUED_BOX_SPACED_PCT;
}

/* Pass "photo card": a related box's card in a lynx dump is the photo's alt text (indented,
 * set apart like a paragraph, a sentence of a caption's length) and the story's title under
 * it at the margin, where lynx sets headings; the article resuming below the box opens on a
 * paragraph that no margin title follows. */
#define PHOTO_CARD_MAX_WORDS 30 /* a caption in a line (CAPLINE_MAX_WORDS), no paragraph */

static int photo_card(const ctx *c, size_t k)
{
    const tx_block *B = c->d.b, *b = &B[k];
    if (!c->lynx || !(b->flags & TBF_INDENT) || b->words > PHOTO_CARD_MAX_WORDS)
        return 0;
    size_t t = k + 1;
    while (t < c->d.n && c->junk[t])
        t++;
    return t < c->d.n && B[t].kind == TB_TEXT && !(B[t].flags & (TBF_INDENT | TBF_LIST)) &&
           c->role[t] != R_STOP && !tx_is_prose(&B[t]) && tx_is_headline_like(&B[t]);
}

/* Reads a related-story block under heading h. */
static int read_related_block(ctx *c, size_t h, size_t re)
{
    tx_block *B = c->d.b;
    size_t items = 0;
    int cards = h < re && glued_cards_below(c, h);
    for (size_t k = h + 1; k < c->d.n && k <= h + BOX_MAX_BLOCKS && items < BOX_MAX_TITLES; k++) {
        tx_block *b = &B[k];
        if (c->role[k] == R_STOP || tx_is_relative_time(b) || tx_ends_related(b))
            break;
        /* a new heading as high as the block's own starts another box */
        if (B[h].level && b->level && b->level <= B[h].level)
            break;
        /* WordPress gives each related post its category: 'Trong "Du lịch"', 'In "Travel"' */
        if ((b->len > 7 && !strncmp(b->text, "Trong \"", 7)) ||
            (b->len > 4 && !strncmp(b->text, "In \"", 4)) ||
            (b->len > 9 && !strncmp(b->text, "Trong \xE2\x80\x9C", 9))) {
            c->role[k] = R_RELATED;
            continue;
        }
        /* a box inside the body ends where the body's paragraphs resume, or a photo; in a
         * lynx dump whose paragraphs stand apart, prose glued to the line above is a card's
         * summary (a <div>'s text), no paragraph resuming (pass "glued box") */
        if (h < re && (c->role[k] == R_BODY ||
                       (tx_is_prose(b) && !(cards && tx_lynx_glued(b)) && !photo_card(c, k)) ||
                       b->kind == TB_IMAGE ||
                       (b->flags & TBF_CAPTION) || bti_text_bare_caption(b) ||
                       (k + 1 < c->d.n && alt_of_caption(b, &B[k + 1]))))
            break;
        c->role[k] = R_RELATED;
        /* two pages of a site may link the same story: recurring is no reason to drop it */
        if (c->junk[k] == JUNK_RULE || b->kind != TB_TEXT)
            continue;
        size_t so, sl;
        if (tx_is_prose(b) || tx_source_prefix(b->text, b->len, &so, &sl) || !tx_is_headline_like(b))
            continue;
        bti_date dt;
        if (bti_text_date_line(b, &dt))
            continue;
        size_t half = tx_doubled_half(b->text, b->len);
        int rc = add_related(c, b->text, half ? half : b->len, b->url);
        if (rc)
            return rc;
        items++;
    }
    return 0;
}

/* ---- the passes ------------------------------------------------------------------------- */

#define DATE_ABOVE_TITLE 6   /* a kicker, a breadcrumb, a section name: a dateline may sit a few
                                lines above the headline */
#define DATE_BELOW_BODY 2    /* or just past the body's first line (under a lead photo) */
#define META_ROWS 4          /* byline, date, share bar, reading time: never more under a title */
#define SAPO_META_LOOK 2     /* short lines between a standfirst and its byline (a name) */
#define VN_SAPO_MIN_WORDS 12 /* a Vietnamese sapo is a sentence or two ... */
#define VN_SAPO_MAX_WORDS 80 /* ... not the article's first long paragraph */
#define VN_SAPO_MORE 2       /* and the body goes on after it for some paragraphs */
#define CAPLINE_MIN_WORDS 2  /* a caption on its own line says something ... */
#define CAPLINE_MAX_WORDS 30 /* ... in a line, not a paragraph */
#define CAPLINE_SENTENCE_WORDS 20 /* a caption's one sentence above a bare credit */
#define ALT_MAX_WORDS 70     /* alt text is as long as the longest caption (bare_caption) */
#define BRACKET_MIN_LEN 8    /* "[Read: X]": brackets around a real title */
#define BRACKET_MIN_WORDS 3
#define BRACKET_MAX_WORDS 30 /* a bracketed paragraph is an aside, not a link */
#define INLINE_RELATED_MAX_WORDS 40 /* "Xem thêm: <title>": a title, not a paragraph */
#define CARD_MIN_WORDS 4     /* a linked line shorter than that is a menu item or a tag */
#define CARD_SUMMARY_MAX_WORDS 35 /* a card's summary is one sentence */
#define SIGNATURE_MAX_WORDS 8 /* a byline at the foot: a few names, a role mark */
#define BOLD_NAME_MAX_WORDS 4 /* "**Thu Trang**": a name, not a bold sentence */
#define BOLD_NAME_MAX_LEN 60  /* fits the 64-byte "By " buffer it is tried with */
#define DATE_LINE_MAX_WORDS 12 /* a date alone in the body is the page's, not a paragraph */
#define SUBHEAD_LOOKAHEAD 5   /* captions and photos a subheading may stand above its paragraph */
#define SUBHEAD_MIN_WORDS 2   /* one word is a label ("Video"), not a subheading */

/* Pass 1: marks section headings (R_STOP) and furniture: known phrases, slugs, time stamps,
 * breadcrumbs, navigation, and what the site model says recurs on the site's pages. */
/* A short line the template repeats down the page beside paragraphs ("Article content",
 * "Advertisement", "Anzeige"): a label, furniture there. Left in, each copy reads as a
 * headline between paragraphs and the article looks like a teaser list. Only copies next to
 * a paragraph are taken: elsewhere a repeated line may be what ends a run (a label over
 * teasers; taking those cost the pages of one publisher 0.02-0.05). Headings are left alone
 * (a page may name a section twice). */
#define LABEL_MAX_WORDS 3
#define LABEL_MIN_REPEATS 3

static int label_line(const tx_block *b)
{
    return b->kind == TB_TEXT && !b->level && b->words <= LABEL_MAX_WORDS;
}

static int mark_repeated_labels(ctx *c)
{
    tx_block *B = c->d.b;
    uint64_t *keys;
    size_t n;
    int rc = picked_keys(c, label_line, LABEL_MIN_REPEATS, &keys, &n);
    if (rc || !keys)
        return rc;
    for (size_t i = 0; i < c->d.n; i++) {
        if (!label_line(&B[i]) || c->role[i] == R_STOP || c->junk[i])
            continue;
        if (key_copies(keys, n, B[i].key, LABEL_MIN_REPEATS) >= LABEL_MIN_REPEATS &&
            ((i > 0 && tx_is_prose(&B[i - 1])) ||
                                            (i + 1 < c->d.n && tx_is_prose(&B[i + 1]))))
            c->junk[i] = JUNK_RULE;
    }
    free(keys);
    return 0;
}

/* Pass 1c, repeated sentences: a sentence the page prints twice or more is a widget's
 * (a consent notice over every embed, "This advertisement has not loaded yet, but your
 * article continues below.", a paywall box set twice): an article does not repeat its own
 * paragraphs. Left in, the copies read as prose and a box of them can outscore the article.
 * A capture that repeats much of its prose (the article twice, a mobile and a desktop copy)
 * is left alone: there the copies are the article. Headings and headline-like lines are left
 * alone too (a headline is printed as the page's title and again over the article). */
#define REPEAT_MIN_WORDS (LABEL_MAX_WORDS + 1) /* shorter lines are labels (above) */
#define REPEAT_MIN_COPIES 2
#define REPEAT_MAX_SHARE_PCT 40 /* sentences repeated past this share: a doubled capture */

static int repeat_line(const tx_block *b)
{
    return b->kind == TB_TEXT && !b->level && b->words >= REPEAT_MIN_WORDS && tx_is_prose(b);
}

/* Pass 1c', the repeated box's short lines: a box the page prints twice (a paywall's offer
 * above and below the article's end) holds short lines beside its sentences: its pitch and
 * its list's shorter items ("Enjoy the latest news.", "Support local journalism."), too
 * short to be taken as sentences above. A line that is no paragraph, printed twice or more
 * and standing next to a taken sentence of the box (or to another such line), is the same
 * box's. A heading, a paragraph, a line printed once or one already furniture ends the
 * walk: the box's title, the article, an advert's label. Paragraphs are left to the pass
 * above: a list item printed once with a full stop and once without is no repeated
 * sentence, and taking it moved a paywalled page's body below its sign-in box (and its
 * headline with it). The lines taken still part runs as a box's lines do (JUNK_CARD): the
 * body's runs are found as before, only without these lines. */
static int box_line(const tx_block *b)
{
    return b->kind == TB_TEXT && !b->level;
}

static int box_twin(const ctx *c, size_t i, const uint64_t *all, size_t na)
{
    const tx_block *B = c->d.b;
    if (c->junk[i] || !box_line(&B[i]) || tx_is_prose(&B[i]) || c->role[i] == R_STOP)
        return 0;
    if ((i > 0 && B[i - 1].key == B[i].key) || (i + 1 < c->d.n && B[i + 1].key == B[i].key))
        return 0; /* the line printed twice in a row: one copy is the article's */
    return key_copies(all, na, B[i].key, REPEAT_MIN_COPIES) >= REPEAT_MIN_COPIES;
}

/* Whether block i is a sentence the repeated-sentence pass took. */
static int box_sentence(const ctx *c, size_t i, const uint64_t *keys, size_t n)
{
    return c->junk[i] == JUNK_RULE && repeat_line(&c->d.b[i]) &&
           key_copies(keys, n, c->d.b[i].key, REPEAT_MIN_COPIES) >= REPEAT_MIN_COPIES;
}

static int mark_repeated_box_lines(ctx *c, const uint64_t *keys, size_t n)
{
    uint64_t *all;
    size_t na;
    int rc = picked_keys(c, box_line, REPEAT_MIN_COPIES, &all, &na);
    if (rc || !all)
        return rc;
    for (size_t i = 0; i < c->d.n; i++) {
        if (!box_sentence(c, i, keys, n))
            continue;
        for (size_t j = i; j-- > 0 && !box_sentence(c, j, keys, n) && box_twin(c, j, all, na);)
            c->junk[j] = JUNK_CARD;
        for (size_t j = i + 1; j < c->d.n && !box_sentence(c, j, keys, n) &&
                               box_twin(c, j, all, na);
             j++)
            c->junk[j] = JUNK_CARD;
    }
    free(all);
    return 0;
}

static int mark_repeated_sentences(ctx *c)
{
    tx_block *B = c->d.b;
    uint64_t *keys;
    size_t n;
    int rc = picked_keys(c, repeat_line, REPEAT_MIN_COPIES, &keys, &n);
    if (rc || !keys)
        return rc;
    /* the share is of distinct sentences: a widget repeats one or two many times, a
     * doubled capture repeats most of them */
    size_t distinct = 0, repeated = 0;
    for (size_t k = 0; k < n; k++)
        if (k == 0 || keys[k] != keys[k - 1]) {
            distinct++;
            repeated += k + 1 < n && keys[k + 1] == keys[k];
        }
    if (!repeated || repeated * 100 > distinct * REPEAT_MAX_SHARE_PCT) {
        free(keys);
        return 0;
    }
    for (size_t i = 0; i < c->d.n; i++) {
        if (!repeat_line(&B[i]) || c->role[i] == R_STOP || c->junk[i])
            continue;
        /* a copy right after its twin is the line printed twice (a crawler's copy): one of
         * them is the article's, and the body rules drop the other */
        if ((i > 0 && B[i - 1].key == B[i].key) || (i + 1 < c->d.n && B[i + 1].key == B[i].key))
            continue;
        if (key_copies(keys, n, B[i].key, 2) >= 2)
            c->junk[i] = JUNK_RULE;
    }
    int rc2 = mark_repeated_box_lines(c, keys, n);
    free(keys);
    return rc2;
}

/* Pass "link list heading": a short heading right over a list of links, one short link an
 * item ("Mehr lesen über" over the article's tags, "Themen", "Service" over a menu), heads
 * a box of the site's, not a part of the article: it ends the run as a section heading
 * does, so a notice below the box ("Sie haben vermutlich einen Ad-Blocker aktiviert") joins
 * no article. A headline or a subheading says more than a box's label. */
#define LINK_LIST_HEAD_MAX_WORDS 4
#define LINK_LIST_MIN_ITEMS 4

static int link_list_heading(const ctx *c, size_t i)
{
    const tx_block *B = c->d.b;
    if (!B[i].level || B[i].kind != TB_TEXT || B[i].words > LINK_LIST_HEAD_MAX_WORDS)
        return 0;
    size_t k = i + 1, items = 0;
    while (k < c->d.n && (B[k].flags & TBF_NAV) && (B[k].flags & TBF_LINKLINE) && !B[k].level)
        k++, items++;
    return items >= LINK_LIST_MIN_ITEMS;
}

static void mark_furniture(ctx *c)
{
    tx_block *B = c->d.b;
    for (size_t i = 0; i < c->d.n; i++) {
        tx_block *b = &B[i];
        /* a section's name inside a navigation run is a menu item, no heading */
        if (!(b->flags & TBF_NAV) && (tx_is_related_heading(b) || tx_is_section_heading(b) ||
                                       tx_is_paywall_notice(b)))
            c->role[i] = R_STOP;
        else if (tx_is_furniture(b) || tx_is_slug(b, c->d.vietnamese) || tx_is_relative_time(b) ||
                 tx_is_breadcrumb(b) || (b->flags & TBF_NAV) || tx_is_glued_row(b))
            c->junk[i] = JUNK_RULE;
        else if (b->kind == TB_TEXT && tx_site_is_boilerplate(c->site, b->key))
            c->junk[i] = JUNK_SITE;
        if (c->role[i] == R_NONE && !c->junk[i] && link_list_heading(c, i))
            c->role[i] = R_STOP;
        /* pass "header button" (text_header_button.c): "Comment" below the headline */
        if (c->role[i] == R_STOP && !tx_is_related_heading(b) && !tx_is_paywall_notice(b) &&
            tx_is_header_button(&c->d, i))
            c->role[i] = R_NONE, c->junk[i] = JUNK_RULE;
    }
}

/* Pass 2 when the capture has no prose at all (a short capture): the first line of a few
 * words and what follows it up to a section heading, the line being the headline when it
 * can be one. A headline alone is no article: 0 then, 1 with [*rs, *re] set. */
static int short_capture_body(ctx *c, size_t *rs, size_t *re)
{
    tx_block *B = c->d.b;
    size_t n = c->d.n, s = NONE;
    int rc;
    for (size_t i = 0; i < n && s == NONE; i++)
        if (!c->junk[i] && c->role[i] != R_STOP && B[i].kind == TB_TEXT && B[i].words >= LINE_MIN_WORDS)
            s = i;
    if (s == NONE)
        return 0;
    size_t more = 0;
    for (size_t i = s + 1; i < n && c->role[i] != R_STOP; i++)
        more += !c->junk[i] && B[i].kind == TB_TEXT && B[i].words >= LINE_MIN_WORDS;
    if (!more)
        return 0;
    size_t e = s;
    while (e + 1 < n && c->role[e + 1] != R_STOP)
        e++;
    if (title_candidate(c, s)) {
        if ((rc = set_title(c, s)))
            return rc;
        s++;
    }
    *rs = s;
    *re = e;
    return 1;
}

/* Pass 4: the dateline around the headline (a few lines above it to just inside the body);
 * a name before the date on its line is the byline ("Kim Kha 16/11/2023"). */
static int take_dateline(ctx *c, size_t dlo, size_t rs)
{
    bti_date dt;
    int rc;
    for (size_t i = dlo; i < c->d.n && i <= rs + DATE_BELOW_BODY; i++) {
        if (c->role[i] == R_TITLE || c->junk[i])
            continue;
        if (bti_text_date_line(&c->d.b[i], &dt)) {
            c->role[i] = R_DATE;
            if (dt.start > 0 && (rc = byline_before_date(c, c->d.b[i].text, dt.start)) < 0)
                return rc;
            return set_published(c, &dt);
        }
    }
    return 0;
}

/* Pass 4b "timed dateline under the headline" (text_head_meta.c), as far as just past the
 * body's first line */
static int take_timed_dateline(ctx *c, size_t t, size_t re)
{
    tx_head v = head_view(c);
    bti_date dt;
    return bti_text_timed_dateline(&v, t, re + DATE_BELOW_BODY, &dt) != NONE
               ? set_published(c, &dt)
               : 0;
}

/* Pass 5: English bylines sit near the headline: "By Jane Doe". */
static int take_english_bylines(ctx *c, size_t dlo, size_t rs)
{
    tx_block *B = c->d.b;
    for (size_t i = dlo; i < rs && i < c->d.n; i++)
        if (c->role[i] == R_NONE && !c->junk[i] && B[i].len > 3 &&
            (!strncmp(B[i].text, "By ", 3) || !strncmp(B[i].text, "BY ", 3))) {
            int rc = add_byline(c, &B[i]);
            if (rc < 0)
                return rc;
            if (rc)
                c->role[i] = R_BYLINE;
        }
    return 0;
}

/* Pass 5b: a byline line in any language the lexicon knows, near the headline or among the
 * first lines of the body ("Von Anna Berg und Jan Roth, dpa", "Par Marie Dupont", "Av Kari
 * Nordmann"): byline_line() says it is one; the names are the runs of capitalised words
 * after the byline word, parted by commas and the lexicon's joining words. A word in lower
 * case after a comma is an agency ("dpa"), no name; a name is two to four words (one word
 * is an agency or a desk). Vietnamese captures keep their own rules ("Theo X" is a source
 * there). */
#define LEX_BYLINE_BELOW 4 /* lines into the body a byline may sit (under the lede) */
#define NAME_MIN_WORDS 2
#define NAME_MAX_WORDS 4

static int add_name(ctx *c, const char *s, size_t len, size_t words)
{
    if (words < NAME_MIN_WORDS || words > NAME_MAX_WORDS)
        return 0;
    char *v = tx_fold_space(s, len, NULL);
    if (!v)
        return BT_ENOMEM;
    int dup = 0;
    for (size_t k = 0; k < c->a->n_authors; k++)
        dup |= !strcmp(c->a->authors[k], v);
    int rc = dup ? 0 : bt_article_add_author(c->a, v);
    free(v);
    return rc ? rc : 1;
}

static int lexicon_byline_names(ctx *c, const tx_block *b)
{
    size_t l = bti_lex_raw_prefix(BTI_LEX_BYLINE_PREFIX, b->text, b->len, " :");
    const char *p = b->text + l, *e = b->text + b->len, *ns = NULL, *ne = NULL;
    const char *at[MAX_AUTHORS];
    size_t len[MAX_AUTHORS], wn[MAX_AUTHORS], n = 0, words = 0;
    int stray = 0, rc = 0, taken = 0;
    while (p <= e) {
        while (p < e && (*p == ' ' || *p == ':'))
            p++;
        const char *w = p;
        while (p < e && *p != ' ' && *p != ',')
            p++;
        int comma = p < e && *p == ',';
        utf8proc_int32_t cp = 0;
        int name_word = p > w && utf8proc_iterate((const utf8proc_uint8_t *)w, p - w, &cp) > 0 &&
                        utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
        if (name_word) {
            if (!ns)
                ns = w, words = 0;
            ne = p;
            words++;
        }
        if (ns && (!name_word || comma || p >= e)) {
            /* a piece of the wrong size is a desk or a place; inside the list (not its last
             * piece, "..., Nairobi") it means the rest is the writer's title ("Jane Doe,
             * Senior Staff Technologist, Speech, Privacy, and Technology Project") */
            int fits = words >= NAME_MIN_WORDS && words <= NAME_MAX_WORDS;
            if (!fits && p < e)
                stray = 1;
            if (fits && n < MAX_AUTHORS) {
                at[n] = ns;
                len[n] = (size_t)(ne - ns);
                wn[n++] = words;
            }
            ns = NULL;
        }
        if (p >= e)
            break;
        p++;
    }
    if (stray && n > 1)
        n = 1;
    for (size_t k = 0; k < n; k++) {
        if ((rc = add_name(c, at[k], len[k], wn[k])) < 0)
            return rc;
        taken |= rc > 0;
    }
    return taken;
}

static int take_lexicon_bylines(ctx *c, size_t dlo, size_t rs)
{
    if (c->d.vietnamese)
        return 0;
    tx_block *B = c->d.b;
    for (size_t i = dlo; i < rs + LEX_BYLINE_BELOW && i < c->d.n; i++) {
        if (c->role[i] != R_NONE || c->junk[i] || B[i].kind != TB_TEXT || !byline_line(&B[i]) ||
            tx_is_attribution(B[i].text, B[i].len))
            continue;
        int rc = lexicon_byline_names(c, &B[i]);
        if (rc < 0)
            return rc;
        if (rc)
            c->role[i] = R_BYLINE;
    }
    return 0;
}

/* Pass 5c "byline near the headline" (text_head_meta.c) */
static int take_near_bylines(ctx *c, size_t dlo, size_t t)
{
    tx_head v = head_view(c);
    return bti_text_near_bylines(&v, dlo, t);
}

/* Pass 6: the meta rows under a headline: a byline, alone or before share buttons ("Nguyễn
 * Hùng Chia sẻ Bình luận"), a WordPress "Đăng bởi X". Sets *first to the first block after
 * them and *image_above when it is a photo (a sapo is set above the lead photo). */
static int take_meta_rows(ctx *c, size_t start, size_t re, int *dated, size_t *first,
                          int *image_above)
{
    tx_block *B = c->d.b;
    size_t j = start, meta = 0;
    *image_above = 0;
    while (j <= re) {
        if (c->junk[j] || c->role[j] == R_DATE || c->role[j] == R_BYLINE ||
            c->role[j] == R_TITLE) {
            j++;
            continue;
        }
        const tx_block *b = &B[j];
        if (meta < META_ROWS) {
            int by = meta_byline(c, b, dated);
            if (by < 0)
                return by;
            if (by) {
                c->role[j++] = R_BYLINE;
                meta++;
                continue;
            }
        }
        if (b->kind == TB_IMAGE)
            *image_above = 1;
        break;
    }
    *first = j;
    return 0;
}

/* Whether the first paragraph j is set apart from the body, as a sapo is: by a source prefix
 * ("TTO - "), by its markup (a heading, bold), by Vietnamese custom (a sentence or two over
 * more paragraphs), or by what follows it (a photo, a caption, an indent change). */
static int sapo_apart(ctx *c, size_t j, size_t re, size_t skip, int image_above)
{
    tx_block *B = c->d.b;
    size_t k = j + 1;
    while (k <= re && c->junk[k])
        k++;
    int apart = skip || B[j].level >= 2 || (B[j].flags & TBF_EMPH);
    /* a sapo is written in sentences: "Continue reading the main story" is not one */
    if (!skip && !tx_is_prose(&B[j]) && !bti_text_sentence_end(&B[j]))
        apart = 0, k = re + 1;
    /* Vietnamese sites set a sapo under every headline: a first paragraph of a sentence
     * or two, before the lead photo, with the body's paragraphs after it */
    if (!apart && c->d.vietnamese && !image_above && tx_is_prose(&B[j]) &&
        bti_text_sentence_end(&B[j]) && B[j].words >= VN_SAPO_MIN_WORDS &&
        B[j].words <= VN_SAPO_MAX_WORDS) {
        size_t more = 0;
        for (size_t q = j + 1; q <= re; q++)
            more += !c->junk[q] && tx_is_prose(&B[q]);
        apart = more >= VN_SAPO_MORE;
    }
    /* a standfirst sits between the headline and the byline or dateline: the article's
     * meta rows under it set it apart (pass "sapo above the meta rows") */
    if (!apart && k <= re) {
        /* past a line or two of the meta box (the author's name under a portrait) */
        size_t q = k, left = SAPO_META_LOOK;
        while (q < re && left && c->role[q] != R_BYLINE && c->role[q] != R_DATE &&
               (c->junk[q] || (B[q].kind == TB_TEXT && B[q].words <= TITLE_BYLINE_WORDS &&
                               !tx_is_prose(&B[q])))) {
            left -= !c->junk[q];
            q++;
        }
        apart = c->role[q] == R_BYLINE || c->role[q] == R_DATE;
    }
    if (!apart && k <= re) {
        const tx_block *nb = &B[k];
        apart = nb->kind == TB_IMAGE || (nb->flags & (TBF_CELL | TBF_CAPTION | TBF_LINKLINE)) ||
                tx_doubled_half(nb->text, nb->len) || bti_text_bare_caption(nb) ||
                mirror_key(nb) == c->title_key ||
                (!(B[j].flags & TBF_INDENT) && (nb->flags & TBF_INDENT));
    }
    return apart;
}

/* Pass 7: the sapo (lede): the first paragraph after the headline and its meta rows, when
 * it is set apart; its "SOURCE -" prefix names the source. */
static int take_sapo(ctx *c, size_t j, size_t re, int image_above)
{
    tx_block *B = c->d.b;
    int rc;
    /* the lead photo's caption above the standfirst (its image left out by the renderer) */
    while (j < re && (c->junk[j] || bti_text_bare_caption(&B[j])))
        j++, image_above = 1;
    size_t so = 0, sl = 0, skip = 0;
    int set_apart = !(j > re || B[j].kind != TB_TEXT || B[j].words < SAPO_MIN_WORDS ||
                      bti_text_bare_caption(&B[j]) || tx_doubled_half(B[j].text, B[j].len));
    if (set_apart) {
        skip = tx_source_prefix(B[j].text, B[j].len, &so, &sl);
        set_apart = sapo_apart(c, j, re, skip, image_above);
    }
    if (!set_apart) { /* else the first paragraph under the headline, by its place alone
                         (pass "lede under the headline", text_head_meta.c) */
        tx_head v = head_view(c);
        if ((j = bti_text_lede_under_title(&v, re)) == NONE)
            return 0;
        skip = tx_source_prefix(B[j].text, B[j].len, &so, &sl);
    }
    c->role[j] = R_LEDE;
    if ((rc = set_str(&c->a->lede, B[j].text + skip, B[j].len - skip)))
        return rc;
    if (skip && (rc = set_str(&c->a->source, B[j].text + so, sl)))
        return rc;
    return 0;
}

/* Pass 8: a related box inside the body's span: its titles are not subheadings. */
static int read_boxes_in_body(ctx *c, size_t start, size_t re)
{
    int rc;
    for (size_t i = start; i < re; i++)
        if (c->role[i] == R_STOP && tx_is_related_heading(&c->d.b[i]) &&
            (rc = read_related_block(c, i, re)))
            return rc;
    return 0;
}

/* A caption's sentence: one, short (a paragraph above a photo with no caption of its own
 * says more, in more sentences: a product's description and its maker's credit). */
static int one_sentence_caption(const tx_block *b)
{
    if (b->words > CAPLINE_SENTENCE_WORDS)
        return 0;
    const char *t = b->text;
    for (size_t k = 1; k + 1 < b->len; k++) {
        /* an initial's full stop ("Robert F. Bukaty") ends no sentence */
        int initial = isupper((unsigned char)t[k - 1]) && (k == 1 || t[k - 2] == ' ');
        if (strchr(".!?", t[k]) && t[k + 1] == ' ' && !initial)
            return 0;
    }
    return 1;
}

/* Whether the line holds one sentence at most: no sentence ends inside it (". " before a
 * capital). */
static int one_sentence(const tx_block *b)
{
    for (size_t i = 1; i + 2 < b->len; i++)
        if ((b->text[i] == '.' || b->text[i] == '!' || b->text[i] == '?') && b->text[i + 1] == ' ' &&
            isupper((unsigned char)b->text[i + 2]) && !isupper((unsigned char)b->text[i - 1]))
            return 0;
    return 1;
}

/* Pass 9: a short line that is no sentence right above a line of only a credit is the
 * photo's caption (the renderer may print it twice: alt text and caption). A sentence is one
 * between a photo and a credit (a renderer that leaves the photo out of the text may keep
 * its place: html2text's bare image link), one sentence above a credit in brackets ("(Foto:
 * X)": a bracket sets a credit after its caption, a photo without one has it bare), and one
 * sentence of a caption's length above a bare credit (html2text, which leaves photos out,
 * prints the caption and then its credit) or above a credit set apart: in brackets (pass
 * "bracketed credit line") or names around a slash with no credit word ("Jane Roe/dpa"): a
 * paragraph runs longer. */
#define CAPLINE_SENTENCE_MAX_WORDS 24
static void pair_split_captions(ctx *c, size_t start, size_t re)
{
    tx_block *B = c->d.b;
    for (size_t i = start; i <= re; i++) {
        int worded = bti_text_credit_line(&B[i]);
        int apart = bracketed_credit_line(&B[i]) || (!worded && slash_credit_only(&B[i]));
        if (c->role[i] != R_NONE || c->junk[i] || !(worded || apart))
            continue;
        size_t cj = prev_block(c, i, start);
        if (cj == NONE || c->role[cj] != R_NONE || B[cj].kind != TB_TEXT ||
            B[cj].words < CAPLINE_MIN_WORDS || B[cj].words > CAPLINE_MAX_WORDS ||
            bti_text_bare_caption(&B[cj]))
            continue;
        size_t ph = prev_block(c, cj, start);
        if (bti_text_sentence_end(&B[cj]) && !(B[i].text[0] == '(' && one_sentence(&B[cj])) &&
            (ph == NONE || B[ph].kind != TB_IMAGE) &&
            !one_sentence_caption(&B[cj]) &&
            !(apart && one_sentence(&B[cj]) && B[cj].words <= CAPLINE_SENTENCE_MAX_WORDS))
            continue;
        c->role[i] = c->role[cj] = R_CAPLINE;
        size_t h = prev_block(c, cj, start);
        if (h != NONE && c->role[h] == R_NONE && B[h].key == B[cj].key)
            c->role[h] = R_CAPTION;
    }
}

/* ---- pass 10, the body: one rule per block, in order -------------------------------- */

/* What the body's rules share while they walk the body's span and a few blocks after it. */
typedef struct walk {
    size_t start, re;  /* the span: the blocks after the headline to the body's last */
    size_t last_prose; /* the body's last paragraph: bylines come after it */
    size_t last_body;  /* the last block taken into the body, or NONE */
    int ended;         /* a signature or end mark closed the article */
    uint64_t prev_key; /* the last paragraph's key: the same line twice is taken once */
} walk;

/* A block rule: 1 when it took block i (no later rule sees it), 0 when not, or an error. */
typedef int (*body_rule)(ctx *c, walk *w, size_t i);

/* A caption paired with its credit line (pass 9): one photo, from the two lines. */
static int rule_split_caption(ctx *c, walk *w, size_t i)
{
    if (c->role[i] != R_CAPLINE ||
        !(bti_text_credit_line(&c->d.b[i]) || slash_credit_only(&c->d.b[i])))
        return 0;
    int rc = add_split_caption(c, &c->d.b[prev_block(c, i, w->start)], &c->d.b[i]);
    return rc ? rc : 1;
}

/* Blocks an earlier pass gave a role, and furniture: not the body's. */
static int rule_taken(ctx *c, walk *w, size_t i)
{
    (void)w;
    return c->role[i] != R_NONE || c->junk[i];
}

/* An image (or the headline repeated as an image's alt text): its caption is the next line
 * when it looks like one, else its alt text; after the body only captioned photos count. */
static int rule_image(ctx *c, walk *w, size_t i)
{
    tx_block *B = c->d.b, *b = &B[i];
    size_t n = c->d.n;
    int rc, tail = i > w->re;
    if (!(b->kind == TB_IMAGE || mirror_key(b) == c->title_key))
        return 0;
    size_t k = i + 1;
    while (k < n && c->junk[k] && !(B[k].flags & TBF_CELL))
        k++;
    c->role[i] = R_IMAGE;
    const char *src = b->kind == TB_IMAGE ? b->url : NULL;
    if (k < n && c->role[k] == R_NONE && B[k].kind == TB_TEXT &&
        (B[k].flags & (TBF_CELL | TBF_CAPTION) || bti_text_bare_caption(&B[k]))) {
        c->role[k] = R_CAPTION;
        if ((rc = add_image(c, src, B[k].text, B[k].len)))
            return rc;
        /* pandoc repeats the caption as alt text and figcaption */
        if (k + 1 < n && B[k + 1].key == B[k].key)
            c->role[k + 1] = R_CAPTION;
    } else if (b->kind == TB_IMAGE && b->len && b->key != c->title_key &&
               mirror_key(b) != c->title_key && !tail) {
        if ((rc = add_image(c, src, b->text, b->len)))
            return rc;
    }
    return 1;
}

/* A line that is the alt text of the caption below it: the caption gives the photo. */
static int rule_alt_above_caption(ctx *c, walk *w, size_t i)
{
    (void)w;
    tx_block *B = c->d.b;
    size_t n = c->d.n;
    if (B[i].kind != TB_TEXT || B[i].words > ALT_MAX_WORDS)
        return 0;
    size_t k = i + 1;
    while (k < n && c->junk[k])
        k++;
    if (k < n && c->role[k] == R_NONE && alt_of_caption(&B[i], &B[k])) {
        c->role[i] = R_CAPTION;
        return 1;
    }
    return 0;
}

/* A caption without an image line (marked by the markup, in a table cell, or ending with a
 * credit): a photo of its own. After the body only marked ones count. */
static int rule_caption(ctx *c, walk *w, size_t i)
{
    tx_block *b = &c->d.b[i];
    /* a credit of names after the last sentence ("... Duqm. Tara Atkinson for Rest of
     * World") is read inside the body only: a headline may end so ("Sinkt der Leitzins?
     * Klare Ansage") */
    if (!(b->flags & TBF_CAPTION || ((b->flags & TBF_CELL) && bti_text_bare_caption(b)) ||
          ((bti_text_bare_caption(b) ||
            (!b->level && b->kind == TB_TEXT && tx_named_credit_tail(b->text, b->len))) &&
           i <= w->re)))
        return 0;
    c->role[i] = R_CAPTION;
    int rc = add_image(c, NULL, b->text, b->len);
    return rc ? rc : 1;
}

/* "A A": a linked title printed twice (image alt and link text): a related story. */
static int rule_doubled_link(ctx *c, walk *w, size_t i)
{
    (void)w;
    tx_block *b = &c->d.b[i];
    size_t half = tx_doubled_half(b->text, b->len);
    if (!half)
        return 0;
    c->role[i] = R_RELATED;
    int rc = add_related(c, b->text, half, b->url);
    return rc ? rc : 1;
}

/* Pass "page's lead-in": the lexicon knows the lead-ins of inline related links in the
 * languages it has ("Read more:", "Xem thêm:"); a page in another language, or a site's own
 * wording, sets its lead-in the same way: a few words, a bar or a colon, then another
 * story's title ("FUNDA OLUNYE UDABA LAPHA | <title>"). What gives it away is the page
 * using it again and again, each time over a different title, between paragraphs. The
 * lead-in must be two words or more ("Foto:", "Frage:", "Interview |" are one) and the
 * tail a title, not a sentence (a transcript's "Jane Doe: <answer.>"). */
#define LEAD_IN_MIN_WORDS 2
#define LEAD_IN_MAX_WORDS 5
#define LEAD_IN_MAX_LEN 60   /* bytes before the bar or colon */
#define LEAD_IN_MIN_COPIES 3 /* lines opening with it: a label used once or twice is a heading's */
#define LEAD_IN_MIN_TAIL 12  /* bytes of title after it */

/* The line's lead-in, its length in *plen, and where its title starts; 0 if none. */
static size_t lead_in(const tx_block *b, size_t *plen)
{
    if (b->kind != TB_TEXT || b->level || b->words > INLINE_RELATED_MAX_WORDS)
        return 0;
    const char *t = b->text;
    size_t i = 0, words = 1;
    while (i < b->len && i < LEAD_IN_MAX_LEN && t[i] != '|' && t[i] != ':')
        words += t[i++] == ' ' && i < b->len && t[i] != ' ' && t[i] != '|' && t[i] != ':';
    if (i == b->len || i >= LEAD_IN_MAX_LEN || words < LEAD_IN_MIN_WORDS ||
        words > LEAD_IN_MAX_WORDS)
        return 0;
    size_t p = i;
    while (p > 0 && t[p - 1] == ' ')
        p--;
    size_t s = i + 1;
    while (s < b->len && t[s] == ' ')
        s++;
    unsigned last = (unsigned char)t[b->len - 1];
    if (!p || b->len - s < LEAD_IN_MIN_TAIL || last == '.' || last == '!' || last == '?')
        return 0;
    *plen = p;
    return s;
}

static int collect_lead_ins(ctx *c)
{
    size_t n = 0, p;
    for (size_t i = 0; i < c->d.n; i++)
        n += lead_in(&c->d.b[i], &p) != 0;
    if (n < LEAD_IN_MIN_COPIES)
        return 0;
    if (!(c->lead_keys = malloc(n * sizeof *c->lead_keys)))
        return BT_ENOMEM;
    for (size_t i = 0; i < c->d.n; i++)
        if (lead_in(&c->d.b[i], &p))
            c->lead_keys[c->n_lead++] = tx_key(c->d.b[i].text, p);
    qsort(c->lead_keys, c->n_lead, sizeof *c->lead_keys, cmp_key);
    return 0;
}

/* Where the title starts after the page's own lead-in, or 0. */
static size_t page_lead_in(const ctx *c, const tx_block *b)
{
    size_t p, s = c->n_lead ? lead_in(b, &p) : 0;
    if (!s || key_copies(c->lead_keys, c->n_lead, tx_key(b->text, p), LEAD_IN_MIN_COPIES) <
                  LEAD_IN_MIN_COPIES)
        return 0;
    return s;
}

/* "[Read: Other story]", "[Other story]": a bracketed link to another story. */
static int rule_bracketed_link(ctx *c, walk *w, size_t i)
{
    (void)w;
    tx_block *b = &c->d.b[i];
    if (!(b->len > BRACKET_MIN_LEN && b->text[0] == '[' && b->text[b->len - 1] == ']' &&
          b->words >= BRACKET_MIN_WORDS && b->words <= BRACKET_MAX_WORDS &&
          !memchr(b->text + 1, ']', b->len - 2)))
        return 0;
    c->role[i] = R_RELATED;
    const char *rt = b->text + 1;
    size_t rl = b->len - 2;
    size_t p2 = tx_inline_related_prefix(rt, rl);
    if (!p2 && rl > 6 && !strncmp(rt, "Read: ", 6))
        p2 = 6;
    int rc = add_related(c, rt + p2, rl - p2, b->url);
    return rc ? rc : 1;
}

/* Pass "related label": the label alone on its line ("Lesen Sie auch:"), the title on the
 * next (a renderer sets the link's heading as a block of its own): that title, when it reads
 * as one, is the related link. */
static int related_label(const ctx *c, size_t i, size_t *t)
{
    const tx_block *B = c->d.b, *b = &B[i];
    if (b->len < 2 || b->text[b->len - 1] != ':' || b->words > INLINE_RELATED_MAX_WORDS)
        return 0;
    size_t n = bti_lex_raw_prefix(BTI_LEX_INLINE_RELATED, b->text, b->len, " :");
    while (n && n < b->len && b->text[n] == ' ')
        n++;
    if (!n || n + 1 != b->len)
        return 0;
    size_t k = i + 1;
    while (k < c->d.n && c->junk[k])
        k++;
    if (k >= c->d.n || c->role[k] != R_NONE || B[k].kind != TB_TEXT || tx_is_prose(&B[k]) ||
        !tx_is_headline_like(&B[k]))
        return 0;
    *t = k;
    return 1;
}

/* "Xem thêm: <title>", ">> <title>": an inline related link. */
static int rule_inline_related(ctx *c, walk *w, size_t i)
{
    (void)w;
    tx_block *b = &c->d.b[i];
    size_t t;
    if (related_label(c, i, &t)) {
        c->role[i] = c->role[t] = R_RELATED;
        int rc = add_related(c, c->d.b[t].text, c->d.b[t].len, c->d.b[t].url);
        return rc ? rc : 1;
    }
    size_t pre = tx_inline_related_prefix(b->text, b->len);
    if (!pre)
        pre = page_lead_in(c, b);
    if (!pre || b->words > INLINE_RELATED_MAX_WORDS)
        return 0;
    c->role[i] = R_RELATED;
    int rc = add_related(c, b->text + pre, b->len - pre, b->url);
    return rc ? rc : 1;
}

/* A line that is one link to a headline-like title: a related story; a related card puts
 * its one-sentence summary below it, which goes with it. */
static int rule_related_card(ctx *c, walk *w, size_t i)
{
    tx_block *B = c->d.b, *b = &B[i];
    if (!((b->flags & TBF_LINKLINE) && tx_is_headline_like(b) && b->words >= CARD_MIN_WORDS &&
          !tx_is_prose(b)))
        return 0;
    c->role[i] = R_RELATED;
    int rc = add_related(c, b->text, b->len, b->url);
    if (rc)
        return rc;
    size_t k = i + 1;
    while (k <= w->re && (c->junk[k] || B[k].kind != TB_TEXT))
        k++;
    if (k <= w->re && c->role[k] == R_NONE && tx_is_prose(&B[k]) &&
        B[k].words <= CARD_SUMMARY_MAX_WORDS && !(B[k].flags & TBF_LINKLINE)) {
        size_t ends = 0;
        for (size_t q = 0; q + 1 < B[k].len; q++)
            ends += (B[k].text[q] == '.' || B[k].text[q] == '!' || B[k].text[q] == '?') &&
                    B[k].text[q + 1] == ' ';
        if (!ends)
            c->role[k] = R_RELATED;
    }
    return 1;
}

/* "Theo Reuters", "Nguồn: TTXVN": an attribution closes the article. */
static int rule_attribution(ctx *c, walk *w, size_t i)
{
    tx_block *b = &c->d.b[i];
    if (!tx_is_attribution(b->text, b->len) || tx_is_prose(b))
        return 0;
    int by = add_byline(c, b);
    if (by < 0)
        return by;
    c->role[i] = R_BYLINE;
    w->ended = 1;
    return 1;
}

/* A WordPress meta row below the sapo: "Đăng bởi X 09/12/2023 ...", "By X". */
static int rule_meta_row(ctx *c, walk *w, size_t i)
{
    tx_block *b = &c->d.b[i];
    if (i > w->re || !(!strncmp(b->text, POSTED_BY, POSTED_BY_LEN) || !strncmp(b->text, "By ", 3)))
        return 0;
    int dated = 0, by = meta_byline(c, b, &dated);
    if (by <= 0)
        return by;
    c->role[i] = R_BYLINE;
    return 1;
}

/* The author's box ("About Linh Tran" and a biography) ends the article; the line itself
 * goes on to the next rules. */
static int rule_author_box(ctx *c, walk *w, size_t i)
{
    tx_block *b = &c->d.b[i];
    if (b->len > 6 && !strncmp(b->text, "About ", 6))
        for (size_t q = 0; q < c->a->n_authors; q++)
            if (!strcmp(c->a->authors[q], b->text + 6))
                w->ended = 1;
    return 0;
}

/* After the last paragraph a short line of names is the byline, and ends the article; a
 * name set in bold needs no diacritics to be one ("**Thu Trang**"). */
static int rule_closing_byline(ctx *c, walk *w, size_t i)
{
    tx_block *b = &c->d.b[i];
    if (!((w->last_body != NONE || i > w->re) && b->words <= SIGNATURE_MAX_WORDS &&
          !tx_is_prose(b)) || i <= w->last_prose)
        return 0;
    int by = add_byline(c, b);
    if (!by && (b->flags & TBF_EMPH) && b->words <= BOLD_NAME_MAX_WORDS &&
        b->len < BOLD_NAME_MAX_LEN) {
        char tmp[64] = "By ";
        memcpy(tmp + 3, b->text, b->len);
        by = add_byline_span(c, tmp, b->len + 3);
    }
    if (by <= 0)
        return by;
    c->role[i] = R_BYLINE;
    w->ended = 1;
    return 1;
}

/* Lines that are no paragraph: anything after the body or its end, a line repeated, a date
 * alone, a non-text or navigation block, and a line that is no sentence unless it is a
 * subheading (a few words followed by a paragraph): "Full Screen", "1 of 24". */
static int rule_not_a_paragraph(ctx *c, walk *w, size_t i)
{
    tx_block *B = c->d.b, *b = &B[i];
    size_t n = c->d.n;
    if (i > w->re || w->ended || b->key == w->prev_key)
        return 1;
    bti_date d2;
    if (b->words <= DATE_LINE_MAX_WORDS && bti_text_date_line(b, &d2) &&
        (d2.end - d2.start) * 2 >= b->len)
        return 1;
    if (b->kind != TB_TEXT || (b->flags & (TBF_NAV | TBF_LINKROW)) || tx_lynx_button_line(b))
        return 1;
    if (!tx_is_prose(b) && tx_is_cut_teaser(b->text, b->len))
        return 1;
    /* an enumeration line is the article's list, a paragraph of it (pass "enumeration
     * line"); other short lines that end no sentence are subheadings over prose or labels */
    /* pass "alt over glued caption": lynx sets subheadings at the margin; an indented line
     * short of a paragraph with a <div>'s prose glued under it (JUNK_GLUED, text_lynx.c) or
     * a caption or credit line glued under it ("Name/Getty Images") is a photo's alt text
     * over its caption, no subheading nor a short paragraph */
    if (c->lynx && !tx_is_prose(b) && (b->flags & TBF_INDENT) && i + 1 < n &&
        (c->junk[i + 1] == JUNK_GLUED ||
         (!(B[i + 1].flags & TBF_BLANK_BEFORE) && bti_text_bare_caption(&B[i + 1]))))
        return 1;
    if (!tx_is_prose(b) && !bti_text_sentence_end(b) && !tx_is_enumeration(b)) {
        size_t k = i + 1;
        while (k < n && k <= i + SUBHEAD_LOOKAHEAD &&
               (c->junk[k] || B[k].kind != TB_TEXT || mirror_key(&B[k]) == c->title_key ||
                c->role[k] == R_CAPLINE || c->role[k] == R_CAPTION ||
                (B[k].flags & (TBF_CAPTION | TBF_CELL)) || bti_text_bare_caption(&B[k])))
            k++;
        /* in a lynx dump a paragraph is indented: a line at the margin under a short line is
         * another headline of a teaser list, however it ends */
        if (b->words < SUBHEAD_MIN_WORDS || k >= n || !tx_is_prose(&B[k]) ||
            c->role[k] == R_STOP || (c->lynx && !(B[k].flags & TBF_INDENT)))
            return 1;
    }
    return 0;
}

/* A paragraph of the body; a closing "./." mark (Vietnamese press) ends the article and is
 * printed as ".". */
static int rule_paragraph(ctx *c, walk *w, size_t i)
{
    tx_block *b = &c->d.b[i];
    c->role[i] = R_BODY;
    w->prev_key = b->key;
    w->last_body = i;
    size_t len = b->len;
    int end = has_end_mark(b->text, len);
    if (end) {
        while (len && b->text[len - 1] == ' ')
            len--;
        len -= 2; /* "./." -> "." */
    }
    char *p = tx_fold_space(b->text, len, NULL);
    if (!p)
        return BT_ENOMEM;
    int rc = bt_article_add_para(c->a, p);
    free(p);
    if (rc)
        return rc;
    if (end)
        w->ended = 1;
    return 1;
}

static const body_rule BODY_RULES[] = {
    rule_split_caption,  rule_taken,         rule_image,          rule_alt_above_caption,
    rule_caption,        rule_doubled_link,  rule_bracketed_link, rule_inline_related,
    rule_related_card,   rule_attribution,   rule_meta_row,       rule_author_box,
    rule_closing_byline, rule_not_a_paragraph, rule_paragraph,
};

/* Pass 10: the body's span and TAIL_LEN blocks after it (bylines, inline links, captions),
 * each block given to the rules in order until one takes it. */
static int read_body(ctx *c, size_t start, size_t re)
{
    tx_block *B = c->d.b;
    size_t n = c->d.n;
    walk w = {start, re, start, NONE, 0, 0};
    for (size_t k = start; k <= re; k++)
        if (!c->junk[k] && tx_is_prose(&B[k]))
            w.last_prose = k;
    size_t tail_end = re + TAIL_LEN < n ? re + TAIL_LEN : n - 1;
    for (size_t i = start; i <= tail_end && i < n; i++) {
        /* a heading inside the body's span ("Read more") is an inline box: go on past it */
        if (c->role[i] == R_STOP && i > re)
            break;
        for (size_t r = 0; r < sizeof BODY_RULES / sizeof BODY_RULES[0]; r++) {
            int rc = BODY_RULES[r](c, &w, i);
            if (rc < 0)
                return rc;
            if (rc)
                break;
        }
    }
    return 0;
}

/* Pass 11: a dateline at the foot of the article, unless the headline had one (a date
 * without a time is no publication time) or it belongs to the next box ("Bài viết liên
 * quan" lists each post's date). */
static int take_foot_dateline(ctx *c, size_t re, int date_near_title)
{
    bti_date dt;
    if (c->a->published || date_near_title)
        return 0;
    for (size_t i = re + 1; i < c->d.n && i <= re + TAIL_LEN && c->role[i] != R_STOP; i++)
        if (c->role[i] == R_NONE && bti_text_date_line(&c->d.b[i], &dt))
            return set_published(c, &dt);
    return 0;
}

/* Pass 11b "author's note" (text_head_meta.c) */
static int take_author_notes(ctx *c, size_t re)
{
    tx_head v = head_view(c);
    return bti_text_author_notes(&v, re);
}

/* Pass 12: related-story blocks under their heading, anywhere after the headline. */
static int read_related_boxes(ctx *c, size_t t, size_t start, size_t re)
{
    int rc;
    for (size_t i = t != NONE ? t + 1 : 0; i < c->d.n; i++)
        if (c->role[i] == R_STOP && tx_is_related_heading(&c->d.b[i]) && (i < start || i >= re) &&
            (rc = read_related_block(c, i, re)))
            return rc;
    return 0;
}

/* Pass 13: the source: the copyright line names the site (text_source.c) and wins over an
 * abbreviated lede prefix; else the capture's host. The capture's URL is the article's. */
static int take_source(ctx *c, const bt_capture *cap)
{
    int rc;
    for (size_t i = c->d.n; i-- > 0;) {
        size_t so, sl;
        if (!bti_text_copyright_name(&c->d.b[i], &so, &sl))
            continue;
        if (!c->a->source || bti_text_abbreviates(c->a->source, c->d.b[i].text + so, sl))
            if ((rc = set_str(&c->a->source, c->d.b[i].text + so, sl)))
                return rc;
        break;
    }
    if (!c->a->source && cap->url) {
        const char *h = strstr(cap->url, "://");
        h = h ? h + 3 : cap->url;
        if (!strncmp(h, "www.", 4))
            h += 4;
        size_t hl = strcspn(h, "/:?#");
        if (hl && (rc = bt_article_set(&c->a->source, h, hl)))
            return rc;
    }
    if (cap->url && !c->a->url && (rc = bt_article_set(&c->a->url, cap->url, strlen(cap->url))))
        return rc;
    return 0;
}

/* The passes in order. */
static int extract(ctx *c, const bt_capture *cap)
{
    int rc;
    mark_furniture(c);
    /* Pass 1d: what a lynx dump's layout shows is no paragraph (text_lynx.c) */
    if ((rc = tx_lynx_cut(&c->d)))
        return rc;
    c->lynx = tx_lynx_mark(&c->d, c->junk, JUNK_RULE, JUNK_GLUED, JUNK_CARD);
    tx_lynx_widget_labels(&c->d, c->role, R_STOP, R_NONE, c->junk, JUNK_RULE);
    /* Pass 1e: a tweet embedded as a signed quote is the network's text (text_embed_post.c) */
    tx_embed_post_mark(&c->d, c->junk, JUNK_RULE);
    /* Pass 1f: a consent box over an embed is the page's notice (text_consent_box.c) */
    tx_consent_box_mark(&c->d, c->junk, JUNK_RULE);
    if ((rc = mark_repeated_labels(c)) || (rc = mark_repeated_sentences(c)) ||
        (rc = collect_lead_ins(c)))
        return rc;
    size_t rs, re;
    if (!find_body(c, &rs, &re) && (rc = short_capture_body(c, &rs, &re)) <= 0)
        return rc;
    c->run_start = rs;
    size_t t = c->title;
    if (t == NONE) {
        size_t walked = find_title(c, rs);
        tx_head v = head_view(c);
        size_t h = bti_text_sole_h1(&v, walked); /* pass "sole H1" (text_head_meta.c) */
        t = h != NONE && title_candidate(c, h) ? h : walked;
        /* the sole H1 inside the run: what the run took above it is a notice, not the
         * article (as in pass 3b) */
        if (t != walked && t > rs && t < re)
            rs = t + 1;
    }
    if (t == NONE && (t = title_inside(c, rs, re)) != NONE)
        rs = t + 1; /* what the run took above its headline is a notice, not the article */
    if (t != NONE && c->title == NONE && (rc = set_title(c, t)))
        return rc;
    size_t start = t != NONE && t + 1 < rs ? t + 1 : rs;
    size_t dlo = t != NONE && t > DATE_ABOVE_TITLE ? t - DATE_ABOVE_TITLE : 0;
    if ((rc = take_dateline(c, dlo, rs)) || (rc = take_timed_dateline(c, t, re)) ||
        (rc = take_english_bylines(c, dlo, rs)) ||
        (rc = take_lexicon_bylines(c, dlo, rs)) || (rc = take_near_bylines(c, dlo, t)))
        return rc;
    int date_near_title = c->a->published != NULL, image_above;
    size_t first;
    if ((rc = take_meta_rows(c, start, re, &date_near_title, &first, &image_above)) ||
        (rc = take_sapo(c, first, re, image_above)) || (rc = read_boxes_in_body(c, start, re)))
        return rc;
    pair_split_captions(c, start, re);
    if ((rc = read_body(c, start, re)) || (rc = take_foot_dateline(c, re, date_near_title)) ||
        (rc = take_author_notes(c, re)) ||
        (rc = read_related_boxes(c, t, start, re)) || (rc = take_source(c, cap)))
        return rc;
    /* Pass 14: the portal's "most read" box, for bantin top (text_most_read.c). */
    if ((rc = tx_read_most_read(&c->d, cap->url, c->a)))
        return rc;
    /* Pass 15: the kind of article: a text capture keeps only the title's marker and the
     * photos' share of the text as evidence (kind.c). */
    bti_kind_signals ks = {c->a->title, NULL, NULL, NULL, 0, c->a->lede ? strlen(c->a->lede) : 0,
                           c->a->n_images};
    for (size_t i = 0; i < c->a->n_body; i++)
        ks.text_bytes += strlen(c->a->body[i]);
    return bti_kind_set(c->a, &ks);
}

/* Pass 16, the page's zone: a dateline that writes no zone ("28.04.2023, 19:09") is the
 * page's wall clock, zoned by the capture's host or else its body's language where one zone
 * (summer time included) is known for it (html_zone.c); English, Spanish, French... give none
 * and keep the first reading (+07:00 for a capture in Vietnamese letters, else UTC). The
 * language is the body's: a menu's "Tiếng Việt" makes no German page Vietnamese. */
static int zone_published(ctx *c, const bt_capture *cap)
{
    int off;
    if (c->pub.has_offset)
        return 0;
    char *host = cap->url ? bti_html_host(cap->url) : NULL;
    int known = bti_zone_offset(c->a->lang, host, c->pub.year, c->pub.month, c->pub.day,
                                c->pub.has_time ? c->pub.hour : 0,
                                c->pub.has_time ? c->pub.minute : 0, &off);
    free(host);
    if (!known)
        return 0;
    char iso[40];
    bti_date_format(&c->pub, off, iso, sizeof iso);
    return bt_article_set(&c->a->published, iso, strlen(iso));
}

/* The text extractor's entry (extract_internal.h): blocks, passes, then the language. */
int bti_extract_text(const char *text, size_t len, const bt_capture *cap,
                    const bt_extract_opts *opts, bt_article *a, bt_error *err)
{
    const char *origin = cap->origin ? cap->origin : "-";
    ctx c;
    memset(&c, 0, sizeof c);
    c.title = NONE;
    c.a = a;
    c.site = opts ? opts->site : NULL;
    /* Pass 0: UTF-8 that a renderer read as Latin-1 is repaired (text_mojibake.c) */
    char *fixed = NULL;
    size_t flen = 0;
    int mr = tx_repair_mojibake(text, len, &fixed, &flen);
    if (mr < 0)
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", origin);
    /* Pass 0b: lynx's modifier-letter apostrophes are apostrophes (text_lynx.c) */
    char *apos = NULL;
    size_t alen = 0;
    int ar = mr ? tx_lynx_apostrophes(fixed, flen, &apos, &alen)
                : tx_lynx_apostrophes(text, len, &apos, &alen);
    int built = ar < 0 ? BT_ENOMEM
                : ar   ? tx_doc_build(&c.d, apos, alen)
                : mr   ? tx_doc_build(&c.d, fixed, flen)
                       : tx_doc_build(&c.d, text, len);
    free(apos);
    free(fixed);
    if (built)
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", origin);
    int rc = BT_ENOMEM;
    c.role = calloc(c.d.n + 1, 1);
    c.junk = calloc(c.d.n + 1, 1);
    if (c.role && c.junk)
        rc = extract(&c, cap);
    if (!rc && !a->title && a->n_body)
        rc = bt_article_set(&a->title, "", 0);
    if (!rc && !a->lang && a->n_body) {
        /* the body's own language first: the whole capture's Vietnamese letters may be
         * French â/ê/ô or a menu's */
        const char *lang = bti_body_lang(a);
        if (!lang && c.d.vietnamese)
            lang = "vi";
        if (lang)
            rc = bt_article_set(&a->lang, lang, strlen(lang));
    }
    if (!rc && c.have_pub)
        rc = zone_published(&c, cap);
    free(c.role);
    free(c.junk);
    free(c.rel_keys);
    free(c.lead_keys);
    tx_doc_free(&c.d);
    if (rc)
        return bt_error_set(err, rc, "%s: out of memory", origin);
    return 0;
}
