/* html_node.c: what we know of each element before choosing the article: how much visible
 * text and link text it holds, whether it is furniture (hidden, script, nav, "share" boxes),
 * and what its class/id hint at (content, sapo, caption, related, byline). Also the small
 * text and URL helpers the other html_*.c files share.
 *
 * Walks are iterative (bti_walk) and annotation stops at BTI_HTML_MAX_DEPTH: what lies deeper
 * has no bti_node_info, every walk treats it as absent, and ctx->deep_text says how much text
 * was so left out. */
#include "extract/html_internal.h"
#include "text/alloc.h"

#include "bantin/text.h"

#include <libxml/uri.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int bti_html_is_heading(const xmlNode *n)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    const char *t = (const char *)n->name;
    return (t[0] == 'h' || t[0] == 'H') && t[1] >= '1' && t[1] <= '6' && t[2] == '\0';
}

int bti_html_holds(const xmlNode *n, int (*is)(const xmlNode *))
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.depth == 0 && k != n)
            break; /* n's own subtree only */
        if (w.leaving || k->type != XML_ELEMENT_NODE)
            continue;
        if (is(k))
            return 1;
        descend = w.depth < BTI_HTML_MAX_DEPTH;
    }
    return 0;
}

/* Borrowed attribute value (no copy). */
static const char *attr_peek(const xmlNode *n, const char *name)
{
    if (n->type != XML_ELEMENT_NODE) /* a short text node keeps its bytes where properties are */
        return NULL;
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (a->name && a->name[0] == (xmlChar)name[0] && strcmp((const char *)a->name, name) == 0)
            return a->children && !a->children->next ? bti_html_attr_value(a) : "";
    return NULL;
}

/* The attributes annotate() reads, found in one pass over the element's list (the first of
 * each name, as attr_peek would); NULL when absent. */
typedef struct node_attrs {
    const char *cls, *id, *hidden, *aria, *style, *type, *itemprop, *rel;
} node_attrs;

static void read_attrs(const xmlNode *n, node_attrs *at)
{
    memset(at, 0, sizeof *at);
    if (n->type != XML_ELEMENT_NODE) /* a short text node keeps its bytes where properties are */
        return;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        const char *nm = (const char *)a->name;
        const char **slot = NULL;
        if (!nm)
            continue;
        switch (nm[0]) {
        case 'c':
            slot = !strcmp(nm, "class") ? &at->cls : NULL;
            break;
        case 'i':
            slot = !strcmp(nm, "id") ? &at->id : !strcmp(nm, "itemprop") ? &at->itemprop : NULL;
            break;
        case 'h':
            slot = !strcmp(nm, "hidden") ? &at->hidden : NULL;
            break;
        case 'a':
            slot = !strcmp(nm, "aria-hidden") ? &at->aria : NULL;
            break;
        case 's':
            slot = !strcmp(nm, "style") ? &at->style : NULL;
            break;
        case 't':
            slot = !strcmp(nm, "type") ? &at->type : NULL;
            break;
        case 'r':
            slot = !strcmp(nm, "rel") ? &at->rel : NULL;
            break;
        default:
            break;
        }
        if (slot && !*slot)
            *slot = a->children && !a->children->next ? bti_html_attr_value(a) : "";
    }
}

/* class/id words (lowercase substrings), sorted by first byte; one flag per
 * list of html_internal.h's BT_H_* (kept sorted so a scan looks only at words that can
 * start at each position) */
static const struct hint_word {
    const char *w;
    unsigned char len;
    unsigned flags;
} HINT_WORDS[] = {
    {"-ads", 4, BTI_H_NEG},
    {"abstract", 8, BTI_H_LEDE},
    {"ad-break", 8, BTI_H_NEG},
    {"ads-", 4, BTI_H_NEG},
    {"adsbygoogle", 11, BTI_H_NEG},
    {"advert", 6, BTI_H_NEG},
    {"agegate", 7, BTI_H_NEG},
    {"also-read", 9, BTI_H_REL},
    {"article", 7, BTI_H_POS},
    {"author", 6, BTI_H_BYLINE},
    {"author-box", 10, BTI_H_NEG},
    {"banner", 6, BTI_H_NEG},
    {"blog", 4, BTI_H_POS},
    {"body", 4, BTI_H_POS},
    {"bottom-bar", 10, BTI_H_NEG},
    {"box-author", 10, BTI_H_NEG},
    {"breadcrumb", 10, BTI_H_NEG},
    {"byline", 6, BTI_H_BYLINE},
    {"caption", 7, BTI_H_CAPTION | BTI_H_IMAGEBOX},
    {"carousel", 8, BTI_H_NEG},
    {"chapeau", 7, BTI_H_LEDE},
    {"chappeau", 8, BTI_H_LEDE},
    {"chi-tiet", 8, BTI_H_POS},
    {"chitiet", 7, BTI_H_POS},
    {"cms", 3, BTI_H_POS},
    {"comment", 7, BTI_H_NEG},
    {"community", 9, BTI_H_NEG},
    {"content", 7, BTI_H_POS},
    {"cookie", 6, BTI_H_NEG},
    {"cover-wrap", 10, BTI_H_NEG},
    {"creator", 7, BTI_H_BYLINE},
    {"credit", 6, BTI_H_CAPTION},
    {"dek", 3, BTI_H_LEDE},
    {"desc", 4, BTI_H_LEDE},
    {"description", 11, BTI_H_LEDE},
    {"detail", 6, BTI_H_POS},
    {"disqus", 6, BTI_H_NEG},
    {"doc-them", 8, BTI_H_REL},
    {"docthem", 7, BTI_H_REL},
    {"entry", 5, BTI_H_POS},
    {"excerpt", 7, BTI_H_LEDE},
    {"fck", 3, BTI_H_POS},
    {"figure", 6, BTI_H_IMAGEBOX},
    {"footer", 6, BTI_H_NEG},
    {"footnote", 8, BTI_H_NEG},
    {"gdpr", 4, BTI_H_NEG},
    {"headline", 8, BTI_H_TITLE},
    {"hentry", 6, BTI_H_POS},
    {"image", 5, BTI_H_IMAGEBOX},
    {"image-desc", 10, BTI_H_CAPTION},
    {"img", 3, BTI_H_IMAGEBOX},
    {"img-desc", 8, BTI_H_CAPTION},
    {"imgdesc", 7, BTI_H_CAPTION},
    {"intro", 5, BTI_H_LEDE},
    {"keyword", 7, BTI_H_NEG},
    {"lead", 4, BTI_H_LEDE},
    {"lede", 4, BTI_H_LEDE},
    {"legends", 7, BTI_H_NEG},
    {"lien-quan", 9, BTI_H_REL},
    {"lien_quan", 9, BTI_H_REL},
    {"lienquan", 8, BTI_H_REL},
    {"login", 5, BTI_H_NEG},
    {"main", 4, BTI_H_POS},
    {"masthead", 8, BTI_H_NEG},
    {"media", 5, BTI_H_IMAGEBOX},
    {"menu", 4, BTI_H_NEG},
    {"modal", 5, BTI_H_NEG},
    {"more-stories", 12, BTI_H_REL},
    {"most-read", 9, BTI_H_NEG},
    {"mostread", 8, BTI_H_NEG},
    {"navbar", 6, BTI_H_NEG},
    {"navigation", 10, BTI_H_NEG},
    {"newsletter", 10, BTI_H_NEG},
    {"noidung", 7, BTI_H_POS},
    {"outbrain", 8, BTI_H_NEG},
    {"pager", 5, BTI_H_NEG},
    {"pagination", 10, BTI_H_NEG},
    {"photo", 5, BTI_H_IMAGEBOX},
    {"photo-desc", 10, BTI_H_CAPTION},
    {"picture", 7, BTI_H_IMAGEBOX},
    {"popup", 5, BTI_H_NEG},
    {"post", 4, BTI_H_POS},
    {"promo", 5, BTI_H_NEG},
    {"rating", 6, BTI_H_NEG},
    {"reaction", 8, BTI_H_NEG},
    {"read-more", 9, BTI_H_REL},
    {"readmore", 8, BTI_H_REL},
    {"recommend", 9, BTI_H_NEG},
    {"relate", 6, BTI_H_REL},
    {"related", 7, BTI_H_REL},
    {"remark", 6, BTI_H_NEG},
    {"replies", 7, BTI_H_NEG},
    {"reporter", 8, BTI_H_BYLINE},
    {"sapo", 4, BTI_H_LEDE},
    {"share", 5, BTI_H_NEG},
    {"sharing", 7, BTI_H_NEG},
    {"shoutbox", 8, BTI_H_NEG},
    {"side-bar", 8, BTI_H_NEG},
    {"sidebar", 7, BTI_H_NEG},
    {"signup", 6, BTI_H_NEG},
    {"singular", 8, BTI_H_POS},
    {"skyscraper", 10, BTI_H_NEG},
    {"social", 6, BTI_H_NEG},
    {"sponsor", 7, BTI_H_NEG},
    {"standfirst", 10, BTI_H_LEDE},
    {"story", 5, BTI_H_POS},
    {"sub-title", 9, BTI_H_LEDE},
    {"subscribe", 9, BTI_H_NEG},
    {"subtitle", 8, BTI_H_LEDE},
    {"summary", 7, BTI_H_LEDE},
    {"supplemental", 12, BTI_H_NEG},
    {"taboola", 7, BTI_H_NEG},
    {"tac-gia", 7, BTI_H_BYLINE},
    {"tacgia", 6, BTI_H_BYLINE},
    {"tag-list", 8, BTI_H_NEG},
    {"tags", 4, BTI_H_NEG},
    {"teaser", 6, BTI_H_LEDE},
    {"text", 4, BTI_H_POS},
    {"tieude", 6, BTI_H_TITLE},
    {"tinlienquan", 11, BTI_H_REL},
    {"title", 5, BTI_H_TITLE},
    {"toolbar", 7, BTI_H_NEG},
    {"tplcaption", 10, BTI_H_IMAGEBOX},
    {"trending", 8, BTI_H_NEG},
    {"vcsortableinpreviewmode", 23, BTI_H_IMAGEBOX},
    {"widget", 6, BTI_H_NEG},
    {"writer", 6, BTI_H_BYLINE},
    {"xem-them", 8, BTI_H_REL},
    {"xemthem", 7, BTI_H_REL},
    {"yom-remote", 10, BTI_H_NEG},
};

/* [first, last) index in HINT_WORDS of the words starting with each byte */
static const unsigned char HINT_START[128][2] = {
    ['-'] = {0, 1},
    ['a'] = {1, 11},
    ['b'] = {11, 18},
    ['c'] = {18, 32},
    ['d'] = {32, 39},
    ['e'] = {39, 41},
    ['f'] = {41, 45},
    ['g'] = {45, 46},
    ['h'] = {46, 48},
    ['i'] = {48, 54},
    ['k'] = {54, 55},
    ['l'] = {55, 62},
    ['m'] = {62, 70},
    ['n'] = {70, 74},
    ['o'] = {74, 75},
    ['p'] = {75, 83},
    ['r'] = {83, 93},
    ['s'] = {93, 111},
    ['t'] = {111, 124},
    ['v'] = {124, 125},
    ['w'] = {125, 127},
    ['x'] = {127, 129},
    ['y'] = {129, 130},
};

/* Second bytes of the words starting with each byte: bit (b - 'a'), '-' as bit 26. Kept
 * in step with HINT_WORDS (checked by test_extract_html through bti_html_hint_words_ok): a
 * position whose next byte starts no word costs one test. */
static const unsigned HINT_SECOND[128] = {
    ['-'] = 0x1,
    ['a'] = 0x12084a,
    ['b'] = 0x1024801,
    ['c'] = 0x25081,
    ['d'] = 0x4110,
    ['e'] = 0x802000,
    ['f'] = 0x4104,
    ['g'] = 0x8,
    ['h'] = 0x10,
    ['i'] = 0x3000,
    ['k'] = 0x10,
    ['l'] = 0x4110,
    ['m'] = 0x4011,
    ['n'] = 0x4011,
    ['o'] = 0x100000,
    ['p'] = 0x24181,
    ['r'] = 0x11,
    ['s'] = 0x18c581,
    ['t'] = 0x2c111,
    ['v'] = 0x4,
    ['w'] = 0x20100,
    ['x'] = 0x10,
    ['y'] = 0x4000,
};

/* Lowercases class and id into buf and marks every listed word found in it. */
static unsigned hint_scan(const char *cls, const char *id)
{
    char buf[512];
    size_t len = 0;
    const char *parts[2] = {cls, id};
    for (int k = 0; k < 2; k++) {
        for (const char *p = parts[k]; p && *p && len + 2 < sizeof buf; p++)
            buf[len++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
        if (len + 1 < sizeof buf) /* very long class lists are cut, never overrun */
            buf[len++] = ' ';
    }
    buf[len] = '\0';
    unsigned flags = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (c >= 128)
            continue;
        unsigned char d = (unsigned char)buf[i + 1];
        unsigned bit = d >= 'a' && d <= 'z' ? 1u << (d - 'a') : d == '-' ? 1u << 26 : 0;
        if (!(HINT_SECOND[c] & bit))
            continue;
        for (unsigned w = HINT_START[c][0]; w < HINT_START[c][1]; w++)
            /* every word has 3+ bytes and buf ends in '\0': the second byte rules most out
             * without a call */
            if (buf[i + 1] == HINT_WORDS[w].w[1] && !(flags & HINT_WORDS[w].flags) &&
                i + HINT_WORDS[w].len <= len &&
                memcmp(buf + i + 2, HINT_WORDS[w].w + 2, HINT_WORDS[w].len - 2u) == 0)
                flags |= HINT_WORDS[w].flags;
    }
    return flags;
}

int bti_html_hint_words_ok(void)
{
    for (size_t w = 0; w < sizeof HINT_WORDS / sizeof HINT_WORDS[0]; w++) {
        unsigned char c = (unsigned char)HINT_WORDS[w].w[0], d = (unsigned char)HINT_WORDS[w].w[1];
        unsigned bit = d >= 'a' && d <= 'z' ? 1u << (d - 'a') : d == '-' ? 1u << 26 : 0;
        if (strlen(HINT_WORDS[w].w) != HINT_WORDS[w].len || HINT_WORDS[w].len < 3 ||
            !(HINT_SECOND[c] & bit) || w < HINT_START[c][0] || w >= HINT_START[c][1])
            return 0;
    }
    return 1;
}

unsigned bti_html_hints(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE && n->_private ? BTI_INFO(n)->hints : 0;
}

const char *bti_html_peek(const xmlNode *n, const char *name)
{
    return attr_peek(n, name);
}

static int words_match(const char *s, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = s; p && *p; p++)
        if (strncasecmp(p, word, n) == 0)
            return 1;
    return 0;
}

/* Elements whose content is never article text. Names from libxml2's HTML parser are
 * lowercase; a switch on the first byte keeps this to a compare or two per element. */
static int skip_tag(const char *t)
{
    switch (t[0]) {
    case 'a':
        return !strcmp(t, "audio");
    case 'b':
        return !strcmp(t, "button") || !strcmp(t, "base");
    case 'c':
        return !strcmp(t, "canvas");
    case 'd':
        return !strcmp(t, "dialog");
    case 'e':
        return !strcmp(t, "embed");
    case 'f':
        return !strcmp(t, "fieldset");
    case 'i':
        return !strcmp(t, "input");
    case 'l':
        return !strcmp(t, "link") || !strcmp(t, "label");
    case 'm':
        return !strcmp(t, "math") || !strcmp(t, "meta") || !strcmp(t, "map") || !strcmp(t, "menu");
    case 'n':
        return !strcmp(t, "noscript") || !strcmp(t, "nav");
    case 'o':
        return !strcmp(t, "object") || !strcmp(t, "option");
    case 's':
        return !strcmp(t, "script") || !strcmp(t, "style") || !strcmp(t, "svg") ||
               !strcmp(t, "select") || !strcmp(t, "source");
    case 't':
        return !strcmp(t, "template") || !strcmp(t, "textarea") || !strcmp(t, "title") ||
               !strcmp(t, "track");
    case 'v':
        return !strcmp(t, "video");
    default:
        return 0;
    }
}

/* RUBY_TEXT (html_output.c): a ruby's reading (<rt>, <rtc>) is set over its base as a
 * pronunciation aid, not read as text, unless the page gives it parentheses to stand in the
 * line (<rp>(</rp><rt>reading</rt><rp>)</rp>, what a reader without ruby sees, and what
 * Yomiuri's "尹錫悦（ユンソンニョル）" means to be read as): furigana over every word of an easy
 * reading page (NHK's) go; readings a page writes with parentheses stay, in them. */
static int reading_aside(const xmlNode *k)
{
    if (!bti_html_is(k, "rt") && !bti_html_is(k, "rtc"))
        return 0;
    const xmlNode *r = k->parent;
    if (r && bti_html_is(r, "rtc"))
        r = r->parent;
    if (!r || !bti_html_is(r, "ruby"))
        return 1;
    for (const xmlNode *c = r->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && bti_html_is(c, "rp"))
            return 0;
    return 1;
}

/* Elements that break the line of text around them. */
static int block_tag(const char *t)
{
    switch (t[0]) {
    case 'a':
        return !strcmp(t, "article") || !strcmp(t, "aside") || !strcmp(t, "address");
    case 'b':
        return !strcmp(t, "blockquote");
    case 'c':
        return !strcmp(t, "center") || !strcmp(t, "caption");
    case 'd':
        return !strcmp(t, "div") || !strcmp(t, "dl") || !strcmp(t, "dd") || !strcmp(t, "dt") ||
               !strcmp(t, "details");
    case 'f':
        return !strcmp(t, "figure") || !strcmp(t, "figcaption") || !strcmp(t, "footer") ||
               !strcmp(t, "form");
    case 'h':
        return (t[1] >= '1' && t[1] <= '6' && !t[2]) || !strcmp(t, "header") || !strcmp(t, "hr");
    case 'l':
        return !strcmp(t, "li");
    case 'm':
        return !strcmp(t, "main");
    case 'o':
        return !strcmp(t, "ol");
    case 'p':
        return !t[1] || !strcmp(t, "pre");
    case 's':
        return !strcmp(t, "section") || !strcmp(t, "summary");
    case 't':
        return !strcmp(t, "table") || !strcmp(t, "tbody") || !strcmp(t, "thead") ||
               !strcmp(t, "tr") || !strcmp(t, "td") || !strcmp(t, "th");
    case 'u':
        return !strcmp(t, "ul");
    default:
        return 0;
    }
}

/* Whether the class list holds one of the screen-reader-only classes: text a reader of the
 * page never sees ("Media caption" labels, "Continue reading the main story" skip links). */
static int screen_reader_only(const char *cls)
{
    static const char *const names[] = {"off-screen",        "offscreen",      "sr-only",
                                        "visually-hidden",   "visuallyhidden", "screen-reader-text",
                                        "u-hidden-visually", NULL};
    for (const char *p = cls; p && *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        const char *e = p;
        while (*e && *e != ' ' && *e != '\t' && *e != '\n')
            e++;
        for (size_t i = 0; names[i]; i++)
            if ((size_t)(e - p) == strlen(names[i]) && !strncasecmp(p, names[i], (size_t)(e - p)))
                return 1;
        p = e;
    }
    return 0;
}

/* React's streamed rendering sends a late part of the page (often the article itself) in a
 * <div hidden id="S:1a"> that its inline script ($RC) moves into place at once: a reader sees
 * it, so it is no hidden block. */
#define STREAMED_SEGMENT_ID "S:"

static int streamed_segment(const xmlNode *n, const node_attrs *at)
{
    return at->id && !strncmp(at->id, STREAMED_SEGMENT_ID, strlen(STREAMED_SEGMENT_ID)) &&
           bti_html_is(n, "div");
}

static int hidden(const xmlNode *n, const node_attrs *at)
{
    if (at->hidden && !streamed_segment(n, at))
        return 1;
    /* labels and skip links only: a heading kept for screen readers may be the headline */
    if (at->cls && (bti_html_is(n, "span") || bti_html_is(n, "a")) && screen_reader_only(at->cls))
        return 1;
    const char *aria = at->aria;
    if (aria && strcasecmp(aria, "true") == 0 && !bti_html_is(n, "figure"))
        return 1;
    const char *st = at->style;
    if (st) {
        char buf[256];
        size_t k = 0;
        for (const char *p = st; *p && k + 1 < sizeof buf; p++)
            if (*p != ' ')
                buf[k++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
        buf[k] = '\0';
        if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden"))
            return 1;
    }
    return 0;
}

static int has_element_child(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return 1;
    return 0;
}

static size_t count_elements(const xmlNode *n)
{
    size_t c = 0;
    bti_walk w;
    for (const xmlNode *k = bti_walk_first(&w, n); k; k = bti_walk_next(&w, 1))
        c += !w.leaving && k->type == XML_ELEMENT_NODE;
    return c;
}

/* Bytes of text below n: what a cut at the depth limit leaves out. */
static size_t subtree_text(const xmlNode *n)
{
    size_t t = 0;
    bti_walk w;
    for (const xmlNode *k = bti_walk_first(&w, n->children); k; k = bti_walk_next(&w, 1))
        if (!w.leaving && (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) &&
            k->content)
            for (const xmlChar *c = k->content; *c; c++)
                t += !(*c == ' ' || *c == '\n' || *c == '\t' || *c == '\r');
    return t;
}

/* Length of text with white space runs counted once, and its commas. */
static void text_stats(const char *s, size_t *len, size_t *commas)
{
    int space = 1;
    size_t l = *len, c = *commas;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p > ' ' && *p != ',') { /* most bytes: a letter of a word */
            space = 0;
            l++;
            continue;
        }
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
            if (!space)
                l++;
            space = 1;
            continue;
        }
        space = 0;
        l++;
        if (*p == ',')
            c++;
    }
    *len = l;
    *commas = c;
}

/* A layout wrapper named for its place ("sidebar-grid", "widget-wrap") around the block
 * classed as the article's text ("article__content") is no sidebar: an element that holds
 * such a block as most of its text is marked BTI_NF_TEXT_BOX, upwards, and one so marked is
 * not furniture in the second, lenient try of html_score.c (the first, strict one found too
 * little text: a page whose furniture classes hold prose of their own keeps them out). */
#define TEXT_BOX_MIN 500    /* prose enough for a section of an article, not a caption */
#define TEXT_BOX_PARAS 3    /* and in paragraphs ... */
#define TEXT_BOX_LONG 1500  /* ... or as much as a long one (a builder's text widget holding one
                             * <p> with <br>s) */
#define TEXT_BOX_SHARE 0.7  /* the wrapper's text is mostly that block's */

/* Readers' comments are prose in paragraphs too, under a text-classed block: a discussion
 * stays furniture. */
static int discussion(const xmlNode *k)
{
    static const struct {
        const char *w;
        size_t len;
    } words[] = {{"comment", 7}, {"reply", 5}, {"discussion", 10}, {"forum", 5}, {"kommentar", 9}};
    const char *parts[2] = {bti_html_peek(k, "class"), bti_html_peek(k, "id")};
    for (int i = 0; i < 2; i++)
        for (const char *p = parts[i]; p && *p; p++) {
            char c = (char)(*p | 0x20); /* only 'C' and 'c' give 'c': the first letters first */
            for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
                if (c == words[w].w[0] && !strncasecmp(p, words[w].w, words[w].len))
                    return 1;
        }
    return 0;
}

static void text_box(const xmlNode *k, bti_node_info *in)
{
    /* the class test last: it reads the class string, the rest only counts */
    if ((in->hints & BTI_H_POS) && !(in->flags & BTI_NF_NEGATIVE) && in->text >= TEXT_BOX_MIN &&
        (in->paras >= TEXT_BOX_PARAS || (in->paras && in->text >= TEXT_BOX_LONG)) &&
        in->link * 4 < in->text) {
        if (!discussion(k))
            in->flags |= BTI_NF_TEXT_BOX;
        return;
    }
    size_t boxed = 0; /* an article cut into sections between ads: their text together */
    for (const xmlNode *c = k->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && c->_private &&
            (BTI_INFO(c)->flags & (BTI_NF_TEXT_BOX | BTI_NF_SKIP)) == BTI_NF_TEXT_BOX)
            boxed += BTI_INFO(c)->text;
    if (boxed && (double)boxed >= TEXT_BOX_SHARE * (double)in->text && !discussion(k))
        in->flags |= BTI_NF_TEXT_BOX;
}

/* Downwards too: inside a block classed as the text, a wrapper holding most of it
 * ("elementor-widget-container") is that text, not furniture. */
static void open_text_boxes(xmlNode *first)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *ck = bti_walk_first(&w, first); ck; ck = bti_walk_next(&w, descend)) {
        xmlNode *k = (xmlNode *)ck; /* the walk reads; the flags are written in _private */
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE || !k->_private)
            continue;
        bti_node_info *in = BTI_INFO(k);
        if (in->flags & BTI_NF_SKIP)
            continue;
        if (in->flags & BTI_NF_TEXT_BOX)
            for (xmlNode *c = k->children; c; c = c->next) {
                if (c->type != XML_ELEMENT_NODE || !c->_private)
                    continue;
                bti_node_info *ci = BTI_INFO(c);
                if (!(ci->flags & BTI_NF_SKIP) &&
                    (double)ci->text >= TEXT_BOX_SHARE * (double)in->text && !discussion(c)) {
                    ci->flags |= BTI_NF_TEXT_BOX;
                }
            }
        descend = 1;
    }
}

/* What an element holds, from its children's sums, once they are annotated. */
static void annotate_sums(xmlNode *k)
{
    bti_node_info *in = BTI_INFO(k);
    if (in->flags & BTI_NF_SKIP)
        return;
    int is_a = bti_html_is(k, "a");
    for (xmlNode *c = k->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            size_t l = 0, cm = 0;
            if (c->content)
                text_stats((const char *)c->content, &l, &cm);
            in->text += l;
            in->commas += cm;
            if (is_a)
                in->link += l;
        } else if (c->type == XML_ELEMENT_NODE && c->_private) {
            bti_node_info *ci = BTI_INFO(c);
            if (ci->flags & BTI_NF_SKIP)
                continue;
            in->text += ci->text;
            in->link += is_a ? ci->text : ci->link;
            in->commas += ci->commas;
            in->paras += ci->paras + (bti_html_is(c, "p") ? 1 : 0);
            in->imgs += ci->imgs;
            if (block_tag((const char *)c->name))
                in->flags |= BTI_NF_BLOCK;
        }
    }
    /* a "read-more" box full of prose is the rest of the article, not a link list */
    if ((in->flags & BTI_NF_RELATED) && in->text > 400 && in->link * 3 < in->text)
        in->flags &= ~(unsigned)BTI_NF_RELATED;
    text_box(k, in);
}

static void annotate(bti_html_ctx *ctx, xmlNode *first, size_t *next)
{
    bti_walk w;
    int descend = 0;
    const xmlNode *skip_top = NULL; /* the outermost never-content element the walk is in */
    for (const xmlNode *ck = bti_walk_first(&w, first); ck; ck = bti_walk_next(&w, descend)) {
        xmlNode *k = (xmlNode *)ck; /* the walk reads; annotation writes _private */
        descend = 0;
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (w.leaving) {
            skip_top = skip_top == k ? NULL : skip_top;
            annotate_sums(k);
            continue;
        }
        bti_node_info *in = &ctx->info[(*next)++];
        memset(in, 0, sizeof *in);
        k->_private = in;
        const char *t = (const char *)k->name;
        /* an <iframe> holds no markup in a browser; when libxml2 nests elements in one
         * (an unclosed <iframe> in <head>), they are the page itself */
        int frame = bti_html_is(k, "iframe");
        /* script, style, iframe and the like hold no elements in a browser: elements under
         * one are the page, misnested by the parser, not the tag's own content */
        int skip = t && (skip_tag(t) || reading_aside(k));
        int misnested = t && (frame || skip) && has_element_child(k) &&
                        !bti_html_is(k, "nav") && !bti_html_is(k, "svg") && !bti_html_is(k, "math") &&
                        !bti_html_is(k, "select") && !bti_html_is(k, "object") &&
                        !bti_html_is(k, "video") && !bti_html_is(k, "audio") &&
                        !bti_html_is(k, "map") && !bti_html_is(k, "dialog") && !bti_html_is(k, "fieldset") &&
                        !bti_html_is(k, "label") && !bti_html_is(k, "button") && !bti_html_is(k, "menu");
        node_attrs at;
        read_attrs(k, &at);
        if (!t || (!misnested && (skip || frame)) || hidden(k, &at)) {
            in->flags |= BTI_NF_SKIP;
        } else {
            unsigned h = hint_scan(at.cls, at.id);
            in->hints = h;
            int pos = (h & BTI_H_POS) != 0, neg = (h & BTI_H_NEG) != 0;
            in->weight = (pos ? 25 : 0) - (neg ? 25 : 0);
            if (bti_html_is(k, "footer") || bti_html_is(k, "aside"))
                in->weight -= 25;
            /* the page frame's classes describe the page's state ("modal-open"), not text */
            int frame_el = bti_html_is(k, "html") || bti_html_is(k, "body") ||
                           bti_html_is(k, "main") || bti_html_is(k, "form");
            if (neg && !pos && !frame_el)
                in->flags |= BTI_NF_NEGATIVE;
            if (bti_html_is(k, "footer") || bti_html_is(k, "aside"))
                in->flags |= BTI_NF_NEGATIVE;
            const char *type = at.type; /* <div type="RelatedNewsBox"> */
            if ((h & BTI_H_REL) || (type && words_match(type, "related")))
                in->flags |= BTI_NF_RELATED;
            if (h & BTI_H_LEDE)
                in->flags |= BTI_NF_LEDE;
            const char *ip = at.itemprop, *rel = at.rel;
            if (ip && words_match(ip, "articleBody")) { /* pass "marked body", html_score.c */
                ctx->marked_body = k;
                ctx->n_marked_body++;
            }
            if ((h & BTI_H_BYLINE) || (ip && words_match(ip, "author")) ||
                (rel && words_match(rel, "author")))
                in->flags |= BTI_NF_BYLINE;
            if ((h & BTI_H_CAPTION) || bti_html_is(k, "figcaption"))
                in->flags |= BTI_NF_CAPTION;
            if ((h & BTI_H_IMAGEBOX) || bti_html_is(k, "figure"))
                in->flags |= BTI_NF_IMAGEBOX;
        }
        if (bti_html_is(k, "img"))
            in->imgs = 1;
        if (w.depth >= BTI_HTML_MAX_DEPTH) {
            /* a menu or a script cut off costs nothing; text is reported */
            if (!(in->flags & BTI_NF_SKIP) && !skip_top)
                ctx->deep_text += subtree_text(k);
            in->flags |= BTI_NF_DEEP | BTI_NF_SKIP;
            continue;
        }
        if (k->children) {
            descend = 1;
            skip_top = !skip_top && (in->flags & BTI_NF_SKIP) ? k : skip_top;
        } else {
            annotate_sums(k);
        }
    }
}

int bti_html_annotate(bti_html_ctx *ctx)
{
    xmlNode *root = xmlDocGetRootElement(ctx->doc);
    size_t n = count_elements(root);
    /* not zeroed: annotate() clears each record as it hands it out, and the records of
     * elements it never reaches (below the depth limit) are left out of n_info */
    ctx->info = malloc((n ? n : 1) * sizeof *ctx->info);
    if (!ctx->info)
        return BT_ENOMEM;
    size_t next = 0;
    ctx->deep_text = 0;
    ctx->marked_body = NULL;
    ctx->n_marked_body = 0;
    annotate(ctx, root, &next);
    ctx->n_info = next;
    open_text_boxes(root);
    ctx->total_text = root && root->_private ? BTI_INFO(root)->text : 0;
    /* Elements below the depth limit were counted but never reached: their _private stays
     * NULL and every walk treats them as absent. */
    return 0;
}

int bti_html_furniture(const bti_html_ctx *ctx, const bti_node_info *in)
{
    if (!(in->flags & BTI_NF_NEGATIVE))
        return 0;
    if (ctx->lenient && (in->flags & BTI_NF_TEXT_BOX)) /* a layout wrapper of the text */
        return 0;
    return !ctx->lenient || in->text * 3 < ctx->total_text + 3000;
}

static int text_rec(const xmlNode *n, bti_buf *b)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
            if (k->content && bti_buf_adds(b, (const char *)k->content))
                return BT_ENOMEM;
        } else if (k->type == XML_ELEMENT_NODE) {
            int block = block_tag((const char *)k->name);
            if (w.leaving) {
                if (block && bti_buf_addc(b, ' '))
                    return BT_ENOMEM;
                continue;
            }
            if (!k->_private || (BTI_INFO(k)->flags & BTI_NF_SKIP))
                continue;
            if ((bti_html_is(k, "br") || block) && bti_buf_addc(b, ' '))
                return BT_ENOMEM;
            if (k->children)
                descend = 1;
            else if (block && bti_buf_addc(b, ' '))
                return BT_ENOMEM;
        }
    }
    return 0;
}

int bti_html_text_append(const xmlNode *n, bti_buf *b)
{
    return text_rec(n->children, b);
}

/* Pass "C1 as Windows-1252": the C1 controls U+0080..U+009F are no text's characters; in a
 * page they are numeric references written with Windows-1252 code values ("&#0147;" for the
 * opening quote), which HTML5 reads as the Windows-1252 characters and libxml2 2.9 does not,
 * or Windows-1252 bytes a page labelled Latin-1 was decoded with. They become the characters
 * the page meant (the five codes Windows-1252 leaves undefined stay as they are). */
#define C1_LEAD 0xC2 /* UTF-8 lead byte of U+0080..U+00BF */
#define C1_LAST 0x9F /* second byte of U+009F, the last C1 control */
static const uint16_t C1_CP1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

static int c1_at(const unsigned char *u, size_t i, size_t len)
{
    return u[i] == C1_LEAD && i + 1 < len && u[i + 1] <= C1_LAST && C1_CP1252[u[i + 1] - 0x80];
}

/* s[0, len) with its C1 controls read as Windows-1252 (*out NULL when it has none, the
 * common case: one memchr for the lead byte). Returns BT_ENOMEM or 0. */
static int c1_as_cp1252(const char *s, size_t from, size_t len, char **out, size_t *n_out)
{
    const unsigned char *u = (const unsigned char *)s;
    *out = NULL;
    const unsigned char *p = u + from;
    for (;;) {
        p = memchr(p, C1_LEAD, len - (size_t)(p - u));
        if (!p || c1_at(u, (size_t)(p - u), len))
            break;
        p++;
    }
    if (!p)
        return 0;
    /* each two-byte control becomes at most three bytes */
    char *o = malloc(len + len / 2 + 1);
    if (!o)
        return BT_ENOMEM;
    size_t k = (size_t)(p - u);
    memcpy(o, s, k);
    for (size_t i = k; i < len;) {
        if (c1_at(u, i, len)) {
            unsigned c = C1_CP1252[u[i + 1] - 0x80];
            if (c < 0x800) {
                o[k++] = (char)(0xC0 | (c >> 6));
                o[k++] = (char)(0x80 | (c & 0x3F));
            } else {
                o[k++] = (char)(0xE0 | (c >> 12));
                o[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
                o[k++] = (char)(0x80 | (c & 0x3F));
            }
            i += 2;
        } else {
            o[k++] = s[i++];
        }
    }
    o[k] = '\0';
    *out = o;
    *n_out = k;
    return 0;
}

char *bti_html_clean(const char *s, size_t len)
{
    if (!s)
        return bti_normalize("", 0, BT_NORM_SPACE, NULL);
    /* ASCII is already NFC: fold its white space here and spare utf8proc the work */
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80 || s[i] == '\0') {
            char *fixed;
            size_t n;
            if (c1_as_cp1252(s, i, len, &fixed, &n))
                return NULL;
            if (!fixed)
                return bti_normalize(s, len, BT_NORM_SPACE, NULL);
            char *c = bti_normalize(fixed, n, BT_NORM_SPACE, NULL);
            free(fixed);
            return c;
        }
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            space = o > 0;
            continue;
        }
        if (space)
            out[o++] = ' ';
        space = 0;
        out[o++] = c;
    }
    out[o] = '\0';
    return out;
}


char *bti_html_text(const xmlNode *n)
{
    bti_buf b = BTI_BUF_INIT;
    if (text_rec(n->children, &b)) {
        bti_buf_free(&b);
        return NULL;
    }
    char *out = bti_html_clean(b.data, b.len);
    bti_buf_free(&b);
    return out;
}

char *bti_html_resolve(const char *base, const char *href)
{
    if (!href)
        return NULL;
    while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r')
        href++;
    if (!*href || *href == '#' || strncasecmp(href, "javascript:", 11) == 0 ||
        strncasecmp(href, "data:", 5) == 0 || strncasecmp(href, "mailto:", 7) == 0)
        return NULL;
    if (!base)
        return strdup(href);
    xmlChar *r = xmlBuildURI((const xmlChar *)href, (const xmlChar *)base);
    if (!r)
        return strdup(href);
    char *s = strdup((const char *)r);
    xmlFree(r);
    return s;
}

/* Letters and digits of the folded text only: "Báo Dân trí!" and "bao dan tri" agree. */
static char *key(const char *s)
{
    size_t n;
    char *f = bti_fold_dup(s, strlen(s), &n);
    if (!f)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)f[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            f[o++] = (char)c;
    }
    f[o] = '\0';
    return f;
}

int bti_html_same_text(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    char *ka = key(a), *kb = key(b);
    int same = ka && kb && *ka && strcmp(ka, kb) == 0;
    free(ka);
    free(kb);
    return same;
}
