/* html_output.c: the chosen container walked into the article's parts, in reading order:
 * paragraphs, lists, block quotes and subheadings become body paragraphs; figures, caption
 * tables and image boxes become images with their credits split off; related-story boxes and
 * "Xem thêm:" lines become related links; the sapo becomes the lede; a closing "Theo X" /
 * signature line becomes the byline; the author's bio box at the text's edges leaves (pass 9b).
 * Furniture inside the container (share bars, comment
 * boxes, ads, hidden blocks) is left out. */
#include "core/date.h"
#include "text/alloc.h"
#include "extract/html_internal.h"
#include "extract/lexicon.h"

#include "bantin/text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define STRONG_PCT 90        /* a line this much in bold is set apart (a subheading, a name) */
#define STRONG_MAX 150       /* a bold paragraph longer than this is emphasis, not a heading */
#define IMAGE_BOX_MAX_IMGS 3 /* more photos in one box is a gallery or a list of stories */
#define FIGURE_MAX_TEXT 600  /* a figure's caption may be long; a figure with more is a box */
#define IMAGE_BOX_MAX_TEXT 400 /* a photo box's caption, not an article beside a photo */
#define IMAGE_BOX_MAX_PARAS 2
#define SAME_SLACK 8         /* texts whose lengths differ by a quarter and this much are ... */
                             /* ... not the same text: no folding needed to tell */
#define TEXT_PARA_MIN 100    /* a line this long is the article's text, not a meta line */
#define MAX_BYLINES 8        /* byline candidates kept for the end: a page has a few */
#define META_ROW_DEPTH 6     /* how deep a meta row nests its <time> and byline */
#define KEPT_PHOTO_MIN_TEXT 10 /* a lead photo beside kept blocks has a caption */
#define SIGNATURE_ROUNDS 3   /* closing lines taken off the end: byline, source, agency */
#define SIGNATURE_MAX 60     /* a closing byline line: a name or two, a role */
#define SIGNATURE_MAX_WORDS 6
#define NAME_MAX_WORDS 3     /* a name under a "Theo X" line */
#define NAME_MIN_WORDS 2     /* one word is a label or a nickname, not an author */
#define BYLINE_OPENING_LINES 3 /* a bold byline line opens the text or follows a short standfirst */
#define BYLINE_CLOSING_LINES 2 /* a byline line closes the text or comes before a short line */
#define DATE_LINE_MAX 70     /* a date line: weekday, date, time, zone (characters, not
                                * bytes: an Arabic or Greek line takes two bytes a letter) */
#define DATE_MIN_DIGITS 4    /* a date has day, month and year digits */
#define DATE_LETTER_SLACK 12 /* and few letters beyond its month or weekday */
#define EDGE_ROUNDS 6        /* lines taken off each edge of the text, at most */
#define EDGE_LINE_MAX 80     /* a "By"/"From" line: a byline, not a sentence */
#define FOOT_ROUNDS 4        /* tags, keywords, copyright, share: the foot's lines */
#define FOOT_LINE_MAX 200    /* a tag list, not a paragraph that starts with "Copyright" */
#define RIGHTS_LINE_MAX 400  /* "© 2022, Site. This article is the copyrighted property of ...
                              * Written permission must be obtained before reprint ...": a
                              * rights notice says what may be done with the page; a line of
                              * the text never opens with the sign */
#define FLAG_BYLINE_MIN 2    /* a byline block holds a name */
#define TITLE_BLOCK_MAX 400  /* a headline block, not a section that holds one */
#define RELATED_BOX_MAX 4000 /* a related box outside the text: a list, not a column */
#define RELATED_TITLE_MIN 12 /* a related title shorter than this is "Xem tiếp", a name */
#define PAYWALL_ENDS " .,:;!?\xE3" /* a paywall notice's words end at a space or a mark (CJK
                                     * marks start with this byte) */
#define RELATED_MAX 200      /* related stories kept at most (the dev pages link 84 at most):
                              * each new one is compared with those kept, so a box of
                              * thousands of links (a sitemap, deep builder markup) would cost
                              * their square */

enum {
    P_HEADING = 0x1, /* h2-h6 or a short line set wholly in bold */
    P_RIGHT = 0x2,   /* right-aligned: signatures */
    P_STRONG = 0x4,  /* every letter inside <strong>/<b>/<em> */
};

typedef struct para {
    char *text;
    unsigned flags;
    size_t len, link; /* bytes of text; non-space bytes of it in links */
    size_t seen;      /* non-space bytes of text: what `link` is a share of */
    char *href;       /* the first link's URL */
    const xmlNode *node; /* its <p>, when it came from one */
} para;

typedef struct out {
    bti_html_ctx *ctx;
    const bti_html_meta *m;
    bt_article *a;
    xmlNodePtr content;
    para *pv;
    size_t pn, pcap;
    bti_buf pend; /* loose inline text between blocks */
    size_t pend_link, pend_strong, pend_text;
    char *pend_href;
    char *lede;
    int lede_walked;  /* the lede was taken from the container's own blocks */
    int related_mode; /* after a "Tin liên quan" heading: link lists are related stories */
    int stopped;      /* after a "Tin khác" / "More stories" heading: the article is over */
    char **bylines;
    size_t nbylines;
    int rc;
} out;

/* Headings that open the page's other stories after the article ("Tin khác", "Most read"):
 * the lexicon's HTML_ENDS_ARTICLE list, as the start of the heading. */
static int ends_article(const char *t)
{
    return bti_lex_raw_prefix(BTI_LEX_HTML_ENDS_ARTICLE, t, strlen(t), NULL) != 0;
}

/* A related mark ("Tin liên quan", "Read more") alone (need_colon 0: nothing, ':', '>' or
 * '?' may follow: "Schon gelesen?"; or a few words more before a closing ':', "Lesen Sie auch
 * die folgenden Beiträge:", the line announcing what comes) or leading a link ("Xem thêm: X",
 * "Read more >> X", "Xem thêm » X"); or a bare ">>", "►", "»" arrow. */
static int starts_with_mark(const char *t, int need_colon)
{
    size_t tl = strlen(t);
    size_t l = bti_lex_raw_prefix(BTI_LEX_HTML_RELATED_MARK, t, tl, " :>?|\xC2");
    if (l) {
        const char *r = t + l;
        while (*r == ' ')
            r++;
        if (!need_colon) {
            if (*r == '\0' || *r == ':' || *r == '>' || (*r == '?' && !r[1]) || t[tl - 1] == ':')
                return 1;
        } else if (*r == ':' || *r == '>' || *r == '|' || !strncmp(r, "»", 2)) {
            return 1;
        }
    }
    return !strncmp(t, ">>", 2) || !strncmp(t, "►", 3) || !strncmp(t, "»", 2);
}

static const char *attr_of(const xmlNode *n, const char *name)
{
    if (n->type != XML_ELEMENT_NODE) /* a short text node keeps its bytes where properties are */
        return NULL;
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (a->name && a->name[0] == (xmlChar)name[0] && strcmp((const char *)a->name, name) == 0)
            return bti_html_attr_value(a);
    return NULL;
}

/* RUBY_TEXT: Japanese and Chinese pages annotate words with their reading (furigana,
 * pinyin) in <ruby>: <ruby>法律<rt>ほうりつ</rt></ruby>. The base text is the sentence, inline
 * like any phrase markup; the reading over it is a pronunciation aid, left out unless the page
 * writes it in parentheses (html_node.c, reading_aside). Set apart as blocks, a paragraph of
 * annotated words came out as one line a word, each followed by its reading. */
static int inline_tag(const xmlNode *n)
{
    static const char *const tags[] = {"a", "span", "strong", "b", "em", "i", "u", "font",
                                       "small", "big", "sup", "sub", "time", "abbr", "cite",
                                       "q", "mark", "code", "s", "strike", "del", "ins",
                                       "kbd", "var", "tt", "bdi", "bdo", "wbr", "nobr", "dfn",
                                       "ruby", "rb", "rt", "rp", "rtc", "data", "samp"};
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        if (n->name[0] == (xmlChar)tags[i][0] && strcmp((const char *)n->name, tags[i]) == 0)
            return 1;
    return 0;
}

static int strong_tag(const xmlNode *n)
{
    return bti_html_is(n, "strong") || bti_html_is(n, "b");
}

/* ---- paragraphs ---- */

static void push_para(out *o, const char *s, size_t n, unsigned flags, size_t link,
                      size_t strong, size_t textlen, const char *href)
{
    if (o->rc)
        return;
    char *t = bti_html_clean(s, n);
    if (!t) {
        o->rc = BT_ENOMEM;
        return;
    }
    if (!*t) {
        free(t);
        return;
    }
    if (o->pn == o->pcap) {
        size_t cap = o->pcap ? o->pcap * 2 : 32;
        para *v = realloc(o->pv, cap * sizeof *v);
        if (!v) {
            free(t);
            o->rc = BT_ENOMEM;
            return;
        }
        o->pv = v;
        o->pcap = cap;
    }
    size_t len = strlen(t), seen = 0;
    for (size_t i = 0; i < len; i++)
        seen += t[i] != ' ';
    if (textlen && strong * 100 >= textlen * STRONG_PCT && len < STRONG_MAX)
        flags |= P_STRONG;
    para *p = &o->pv[o->pn++];
    p->text = t;
    p->flags = flags;
    p->len = len;
    p->seen = seen;
    p->link = link > seen ? seen : link;
    p->node = NULL;
    p->href = href ? strdup(href) : NULL;
}

/* Text as it reads: source line breaks are spaces ('\n' marks a <br> or block edge), except
 * in preformatted text (`pre`), where each source line is a line of its own: the record folds
 * white space inside a paragraph (spec/article.md), so a <pre> block becomes one paragraph a
 * line rather than one long line (bantin/article.h). */
static int add_text(bti_buf *b, const char *s, size_t n, int pre, size_t *seen)
{
    if (bti_buf_grow(b, n))
        return BT_ENOMEM;
    size_t spaces = 0; /* ' ', '\t', '\r', '\n' as written: the rest adds to *seen */
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if ((unsigned char)c > ' ') { /* most bytes: none of the four below */
        } else if (c == ' ') {
            spaces++;
        } else if (pre && c == '\r') { /* CR LF and a lone CR end a line as LF does */
            spaces++;
            c = i + 1 < n && s[i + 1] == '\n' ? ' ' : '\n';
        } else if (c == '\t' || c == '\r' || c == '\n') {
            spaces++;
            if (c != '\n' || !pre)
                c = ' ';
        }
        b->data[b->len++] = c;
    }
    b->data[b->len] = '\0';
    *seen += n - spaces;
    return 0;
}

/* Elements whose source line breaks show (HTML's preformatted text). */
static int pre_tag(const xmlNode *n)
{
    return bti_html_is(n, "pre") || bti_html_is(n, "xmp") || bti_html_is(n, "listing") ||
           bti_html_is(n, "plaintext");
}

/* Inline text of a subtree into b; '\n' where <br> or a block breaks the line. */
typedef struct inl {
    bti_buf *b;
    size_t link, strong, text;
    int pre; /* inside preformatted text: its line breaks are kept */
    char *href;
    const char *base;
} inl;

static int gather(inl *g, const xmlNode *n, int in_link, int in_strong)
{
    bti_walk w;
    int descend = 0;
    /* the outermost link, bold and preformatted elements the walk is in, or NULL */
    const xmlNode *link_top = NULL, *strong_top = NULL, *pre_top = NULL;
    for (const xmlNode *k = bti_walk_first(&w, n); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
            if (!k->content)
                continue;
            size_t l = strlen((const char *)k->content), nonspace = 0;
            if (add_text(g->b, (const char *)k->content, l, g->pre || pre_top, &nonspace))
                return BT_ENOMEM;
            g->text += nonspace;
            if (in_link || link_top)
                g->link += nonspace;
            if (in_strong || strong_top)
                g->strong += nonspace;
            continue;
        }
        if (k->type != XML_ELEMENT_NODE)
            continue;
        /* an <img> inside a line of text is an icon or an emoji: the line goes on */
        int block = !inline_tag(k) && !bti_html_is(k, "img");
        if (w.leaving) {
            link_top = link_top == k ? NULL : link_top;
            strong_top = strong_top == k ? NULL : strong_top;
            pre_top = pre_top == k ? NULL : pre_top;
            if (block && bti_buf_addc(g->b, '\n'))
                return BT_ENOMEM;
            continue;
        }
        if (!k->_private || (BTI_INFO(k)->flags & BTI_NF_SKIP))
            continue;
        if (bti_html_is(k, "br")) {
            if (bti_buf_addc(g->b, '\n'))
                return BT_ENOMEM;
            continue;
        }
        int a = bti_html_is(k, "a");
        if (a && !g->href)
            g->href = bti_html_resolve(g->base, attr_of(k, "href"));
        if (block && bti_buf_addc(g->b, '\n'))
            return BT_ENOMEM;
        if (k->children) {
            link_top = !link_top && a ? k : link_top;
            strong_top = !strong_top && strong_tag(k) ? k : strong_top;
            pre_top = !pre_top && pre_tag(k) ? k : pre_top;
            descend = 1;
        } else if (block && bti_buf_addc(g->b, '\n')) {
            return BT_ENOMEM;
        }
    }
    return 0;
}

static unsigned align_flags(const xmlNode *n)
{
    const char *st = attr_of(n, "style"), *al = attr_of(n, "align");
    if ((st && strstr(st, "right")) || (al && strcasecmp(al, "right") == 0))
        return P_RIGHT;
    return 0;
}

/* Length of s[0, n) with each white space run (line breaks included) counted once: how the
 * text reads, whatever the indentation of the source. */
static size_t read_len(const char *s, size_t n)
{
    size_t l = 0;
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == ' ' || s[i] == '\n') || i == 0 || !(s[i - 1] == ' ' || s[i - 1] == '\n'))
            l++;
    return l;
}

/* Splits gathered text at '\n' into paragraphs. Link and bold shares are per element: a
 * split element gives each piece the share of the whole. */
static void emit_text(out *o, const char *s, size_t n, unsigned flags, size_t link, size_t strong,
                      size_t text, const char *href)
{
    if (!memchr(s, '\n', n)) {
        push_para(o, s, n, flags, link, strong, text, href);
        return;
    }
    size_t all = read_len(s, n), start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '\n') {
            if (i > start) {
                /* per-piece shares are unknown; scale by length */
                size_t pl = read_len(s + start, i - start);
                size_t sl = text ? (link * pl) / (all ? all : 1) : 0;
                size_t st = text ? (strong * pl) / (all ? all : 1) : 0;
                push_para(o, s + start, i - start, flags, sl, st,
                          text ? (text * pl) / (all ? all : 1) : 0, href);
            }
            start = i + 1;
        }
    }
}

static void emit_node(out *o, const xmlNode *n, unsigned flags)
{
    bti_buf b = BTI_BUF_INIT;
    inl g = {&b, 0, 0, 0, pre_tag(n), NULL, o->ctx->base};
    if (gather(&g, n->children, bti_html_is(n, "a"), strong_tag(n))) {
        o->rc = BT_ENOMEM;
    } else {
        emit_text(o, b.data ? b.data : "", b.len, flags | align_flags(n), g.link, g.strong,
                  g.text, g.href);
    }
    free(g.href);
    bti_buf_free(&b);
}

static void flush(out *o)
{
    if (o->pend.len)
        emit_text(o, o->pend.data, o->pend.len, 0, o->pend_link, o->pend_strong, o->pend_text,
                  o->pend_href);
    bti_buf_reset(&o->pend);
    o->pend_link = o->pend_strong = o->pend_text = 0;
    free(o->pend_href);
    o->pend_href = NULL;
}

/* ---- images ---- */

static const char *img_src(const xmlNode *img)
{
    static const char *const attrs[] = {"data-original", "data-src", "data-lazy-src", "src"};
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
        const char *s = attr_of(img, attrs[i]);
        if (s && *s && strncasecmp(s, "data:", 5) != 0)
            return s;
    }
    return NULL;
}

static const xmlNode *find_tag(const xmlNode *n, const char *tag)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE || !k->_private)
            continue;
        if (bti_html_is(k, tag))
            return k;
        descend = 1;
    }
    return NULL;
}

static void caption_text(const xmlNode *n, bti_buf *b)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE || !k->_private)
            continue;
        if (BTI_INFO(k)->flags & BTI_NF_SKIP)
            continue;
        if (BTI_INFO(k)->flags & BTI_NF_CAPTION) {
            bti_buf_addc(b, ' ');
            bti_html_text_append(k, b);
            continue;
        }
        descend = 1;
    }
}

static void add_image(out *o, const char *src, const char *text)
{
    if (o->rc)
        return;
    char *cap = NULL, *credit = NULL;
    if (bti_html_split_credit(text, &cap, &credit)) {
        o->rc = BT_ENOMEM;
        return;
    }
    char *url = bti_html_resolve(o->ctx->base, src);
    if (bt_article_add_image(o->a, url, cap, credit))
        o->rc = BT_ENOMEM;
    free(url);
    free(cap);
    free(credit);
}

static void image_box(out *o, const xmlNode *n)
{
    const xmlNode *img = find_tag(n->children, "img");
    bti_buf b = BTI_BUF_INIT;
    caption_text(n->children, &b);
    if (!b.len) /* no element says caption: the box's own text is */
        bti_html_text_append(n, &b);
    char *text = bti_html_clean(b.data, b.len);
    bti_buf_free(&b);
    if (!text) {
        o->rc = BT_ENOMEM;
        return;
    }
    if (img && (*text || bti_html_is(n, "figure")))
        add_image(o, img_src(img), text);
    free(text);
}

static int is_image_box(const xmlNode *n, const bti_node_info *in)
{
    if (!in->imgs || in->imgs > IMAGE_BOX_MAX_IMGS)
        return 0;
    if (in->text && in->link * 2 > in->text) /* thumbnails of linked stories */
        return 0;
    if (bti_html_is(n, "figure"))
        return in->text < FIGURE_MAX_TEXT;
    if (bti_html_is(n, "table"))
        return in->text < IMAGE_BOX_MAX_TEXT && in->paras <= IMAGE_BOX_MAX_PARAS;
    if (bti_html_is(n, "p") || bti_html_is(n, "span") || bti_html_is(n, "a"))
        return 0;
    return (in->flags & BTI_NF_IMAGEBOX) && in->text < IMAGE_BOX_MAX_TEXT &&
           in->paras <= IMAGE_BOX_MAX_PARAS;
}

/* ---- related ---- */

/* bti_html_same_text, skipped when the lengths alone rule it out (folding costs) */
static int same_short(const char *text, size_t len, const char *other)
{
    if (!other)
        return 0;
    size_t ol = strlen(other);
    if (len > ol + ol / 4 + SAME_SLACK || ol > len + len / 4 + SAME_SLACK)
        return 0;
    return bti_html_same_text(text, other);
}

static int add_related(out *o, const char *title, const char *url)
{
    if (!title || strlen(title) < RELATED_TITLE_MIN || !strncmp(title, "By ", 3) ||
        o->a->n_related >= RELATED_MAX)
        return 0; /* "By Lucy Akins": the author's page, not a story */
    size_t tl = strlen(title);
    for (size_t i = 0; i < o->a->n_related; i++)
        if (same_short(title, tl, o->a->related[i].title))
            return 0;
    if (same_short(title, tl, o->m->title))
        return 0;
    return bt_article_add_related(o->a, title, url);
}

static void related_links(out *o, const xmlNode *box, const xmlNode *n, int titled_only)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE || !k->_private)
            continue;
        if (BTI_INFO(k)->flags & BTI_NF_SKIP)
            continue;
        if (bti_html_is(k, "a")) {
            int titled = 0;
            for (const xmlNode *p = k->parent; p && p != box && !titled; p = p->parent)
                titled = bti_html_is_heading(p) || (bti_html_hints(p) & BTI_H_TITLE);
            titled = titled || (bti_html_hints(k) & BTI_H_TITLE);
            if (titled_only && !titled)
                continue;
            char *t = bti_html_text(k);
            if (!t) {
                o->rc = BT_ENOMEM;
                return;
            }
            if (!starts_with_mark(t, 0)) {
                char *url = bti_html_resolve(o->ctx->base, attr_of(k, "href"));
                if (add_related(o, t, url))
                    o->rc = BT_ENOMEM;
                free(url);
            }
            free(t);
            continue;
        }
        descend = 1;
    }
}

static int has_titled_link(const xmlNode *n)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE || !k->_private)
            continue;
        if (bti_html_is(k, "a") && (bti_html_hints(k) & BTI_H_TITLE))
            return 1;
        if ((bti_html_is_heading(k) || (bti_html_hints(k) & BTI_H_TITLE)) &&
            find_tag(k->children, "a"))
            return 1;
        descend = 1;
    }
    return 0;
}

static void related_box(out *o, const xmlNode *n)
{
    related_links(o, n, n->children, has_titled_link(n->children));
}

/* ---- the walk ---- */

static int para_tag(const xmlNode *n)
{
    static const char *const tags[] = {"p", "h2", "h3", "h4", "h5", "h6", "pre", "li", "dd",
                                       "dt", "td", "th", "blockquote", "address", "caption",
                                       "figcaption", "summary", "h1"};
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        if (n->name[0] == (xmlChar)tags[i][0] && strcmp((const char *)n->name, tags[i]) == 0)
            return 1;
    return 0;
}

static double ldens(const bti_node_info *in)
{
    return in->text ? (double)in->link / (double)in->text : 0;
}

static void walk(out *o, const xmlNode *n);

/* Nothing of the article's text walked yet: only the headline (or no line) so far, so a
 * sapo-like block here is the standfirst. */
static int before_text(const out *o)
{
    for (size_t i = 0; i < o->pn; i++)
        if (o->pv[i].len >= TEXT_PARA_MIN && !same_short(o->pv[i].text, o->pv[i].len, o->m->title) &&
            !same_short(o->pv[i].text, o->pv[i].len, o->m->h1))
            return 0; /* short lines (dateline, category, byline) are not the text yet */
    return 1;
}

static size_t words(const char *s);

static const xmlNode *first_flag(const xmlNode *n, unsigned flag, const xmlNode *stop,
                                 int *stopped, const bti_html_meta *m);
static int has_titled_link(const xmlNode *n);
static void related_box(out *o, const xmlNode *n);

/* A link that is page furniture: a category or tag ("rel=category tag", /category/, /tag/),
 * a share button (its class says share/social), or one that goes nowhere ("#"). */
static int furniture_link(const xmlNode *a)
{
    if (bti_html_hints(a) & BTI_H_NEG)
        return 1;
    const char *rel = bti_html_peek(a, "rel");
    if (rel && (strstr(rel, "category") || strstr(rel, "tag")))
        return 1;
    const char *href = bti_html_peek(a, "href");
    if (!href || !*href || !strcmp(href, "#") || !strncmp(href, "javascript:", 11))
        return 1;
    static const char *const parts[] = {"/category/", "/tag/", "/tags/", "/chuyen-muc/", "/the/"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (strstr(href, parts[i]))
            return 1;
    return 0;
}

/* Counts the links under n, and how many of them are furniture. */
static void count_links(const xmlNode *n, size_t *all, size_t *furn)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE)
            continue;
        if (bti_html_is(k, "a")) {
            (*all)++;
            *furn += (size_t)furniture_link(k);
            continue;
        }
        descend = 1;
    }
}

/* A short row of nothing but category labels or share buttons ("Du lịch", "Chia sẻ Tweet
 * Zalo"): never the article's text. */
static int furniture_row(const xmlNode *k, const bti_node_info *in)
{
    if (!in->text || in->text > 100 || in->link * 10 < in->text * 8 || in->paras > 1)
        return 0;
    size_t all = 0, furn = 0;
    count_links(k->children, &all, &furn);
    if (bti_html_is(k, "a")) {
        all++;
        furn += (size_t)furniture_link(k);
    }
    return all > 0 && furn == all;
}

/* Keeps byline text t (taking it) to be read for authors at the end; at most MAX_BYLINES. */
static void keep_byline(out *o, char *t)
{
    if (t && *t && o->nbylines < MAX_BYLINES) {
        char **v = realloc(o->bylines, (o->nbylines + 1) * sizeof *v);
        if (v) {
            o->bylines = v;
            o->bylines[o->nbylines++] = t;
            return;
        }
    }
    free(t);
}

/* Whether a block is a signature row: a machine-readable date (<time datetime>) and a byline
 * inside it ("Le Monde | <time>04.05.2015</time> | Par <span itemprop=author>X</span>"). Bit 1:
 * a dated <time> seen, bit 2: a byline seen. */
static int meta_row_bits(const xmlNode *n)
{
    int bits = 0;
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n->children); k && bits != 3;
         k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE || !k->_private || w.depth > META_ROW_DEPTH)
            continue;
        if (bti_html_is(k, "time") && bti_html_peek(k, "datetime"))
            bits |= 1;
        if (BTI_INFO(k)->flags & BTI_NF_BYLINE)
            bits |= 2;
        descend = 1;
    }
    return bits;
}

static int meta_row(const xmlNode *n) { return meta_row_bits(n) == 3; }

#define MEDIA_DEPTH 8 /* how deep a caption or a player hides in a media box */

/* Whether a block holds a photo's or video's caption or player ("lead-video-placeholder":
 * a "lead" class on a media box): such a block is no standfirst, whatever its class says. */
static int holds_media(const xmlNode *n)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n->children); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE || !k->_private || w.depth > MEDIA_DEPTH)
            continue;
        if ((BTI_INFO(k)->flags & BTI_NF_CAPTION) || bti_html_is(k, "figcaption") ||
            bti_html_is(k, "iframe") || bti_html_is(k, "video"))
            return 1;
        descend = 1;
    }
    return 0;
}

/* ---- the walk: one rule per element, in order --------------------------------------- */

#define SAPO_MIN_TEXT 30      /* a marked sapo shorter than this is a kicker or a label ... */
#define SAPO_MAX_TEXT 1500    /* ... longer, the article's text under a "lead" class */
#define SAPO_MAX_PARAS 1      /* a sapo is one paragraph */
#define BYLINE_BOX_MAX 120    /* a byline box: names and a role, not a biography */
#define CAPTION_BOX_MAX 400   /* a caption, not a paragraph in a box classed "caption" */
#define META_ROW_MAX 250      /* the meta line under a headline: names, date, reading time */
#define DATE_ROW_MAX 200      /* a date holder line longer than this holds text too */
#define CARD_MIN 15           /* a story card: a linked title ... */
#define CARD_MAX 450          /* ... and a one-line summary, not a section */
#define CARD_MAX_PARAS 3
#define CARD_LINK_PCT 20      /* the title is a fifth of the card's text or more */
#define LINK_BOX_DENSITY 0.6  /* a box mostly of links: a list of stories or navigation */
#define LINK_BOX_MIN_LINK 20  /* and more link text than a single "Xem" */
#define MARK_LINE_MAX 40      /* a heading that announces a box is a few words */
#define RELATED_LINE_MAX 64   /* a line announcing related links (no link of its own) may say
                               * a little more */
#define MARK_MIN_BEFORE 3     /* the article ends only after some paragraphs of its own */
#define MARK_MAX_WORDS 4      /* a plain line of this few words may be such a heading */
#define RELATED_MODE_END_DENSITY 0.5 /* a paragraph mostly text ends a related list */

/* An element rule: 1 when it took element k (no later rule sees it), RULE_INTO when it took
 * it as a container (the walk goes into its children, flushing the line before and after),
 * 0 when not. */
typedef int (*element_rule)(out *o, const xmlNode *k, bti_node_info *in, int depth);
#define RULE_INTO 2

/* After a "Tin khác" heading only related boxes count: the article is over. */
static int el_after_end(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    (void)k, (void)depth;
    return o->stopped && !(in->flags & BTI_NF_RELATED);
}

/* A box the scorer marked as related stories. */
static int el_related_box(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    (void)depth;
    if (!(in->flags & BTI_NF_RELATED))
        return 0;
    flush(o);
    related_box(o, k);
    return 1;
}

/* Whether a sibling of k wears k's class and is no furniture: a layout wrapper that holds
 * most of the text ("sidebar-grid__container") passed the lenient retry, and the same wrapper
 * around the text's first paragraphs, cut off from the rest by an ad, is the text too. */
#define TWIN_SCAN_MAX 64 /* siblings looked at: the halves sit side by side */

static int text_wrapper_twin(const bti_html_ctx *ctx, const xmlNode *k)
{
    const char *kc = bti_html_peek(k, "class");
    if (!ctx->lenient || !kc || !*kc || !k->parent)
        return 0;
    size_t seen = 0;
    for (const xmlNode *s = k->parent->children; s && seen < TWIN_SCAN_MAX; s = s->next, seen++) {
        if (s == k || s->type != XML_ELEMENT_NODE || !s->_private)
            continue;
        const char *sc = bti_html_peek(s, "class");
        if (sc && !strcmp(sc, kc) && !bti_html_furniture(ctx, BTI_INFO(s)))
            return 1;
    }
    return 0;
}

/* Share bars, comment boxes, ads, hidden blocks (html_node.c's furniture). */
static int el_furniture(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    (void)depth;
    if (!bti_html_furniture(o->ctx, in) ||
        (!(in->flags & BTI_NF_SKIP) && text_wrapper_twin(o->ctx, k)))
        return 0;
    flush(o);
    return 1;
}

/* A paywall box inside the text: a block whose first words are a paywall notice (lexicon
 * HTML_PAYWALL, "THIS CONTENT IS RESERVED FOR SUBSCRIBERS") and the offer under it: left out
 * whole, wherever it sits (the text may go on after it), but for its notice's line. */
#define PAYWALL_BOX_MAX 2000 /* an offer, not a section of the article */
#define PAYWALL_LINE_MAX 200
#define PAYWALL_PEEK 64      /* bytes of the first text looked at */

/* The first text of block k, down its first children that hold any ("" when none). */
static const char *first_words(const xmlNode *k)
{
    const xmlNode *t = k->children;
    while (t && t->type != XML_TEXT_NODE) {
        if (t->type != XML_ELEMENT_NODE || !t->_private || (BTI_INFO(t)->flags & BTI_NF_SKIP) ||
            !BTI_INFO(t)->text)
            t = t->next;
        else
            t = t->children;
    }
    const char *s = t && t->content ? (const char *)t->content : "";
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
        s++;
    return s;
}

static int el_paywall_box(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    (void)depth;
    if (!(in->flags & BTI_NF_BLOCK) || !in->text || in->text > PAYWALL_BOX_MAX)
        return 0;
    const char *s = first_words(k);
    size_t n = strnlen(s, PAYWALL_PEEK);
    if (!bti_lex_raw_prefix(BTI_LEX_HTML_PAYWALL, s, n, PAYWALL_ENDS))
        return 0;
    flush(o);
    /* the notice stays as a line, for rule_paywall to judge what follows it */
    push_para(o, s, strnlen(s, PAYWALL_LINE_MAX), 0, 0, 0, 0, NULL);
    return 1;
}

/* A consent box standing in for an embed (a video, a post) the reader has not allowed: its
 * heading (lexicon HTML_CONSENT_BOX, "Empfohlener redaktioneller Inhalt"), what the embed
 * would be, the consent toggle and the data-protection line: none of it the article's. */
#define CONSENT_BOX_MAX 1200 /* a heading and a few lines of consent, not a section */
#define CONSENT_HEAD_SLACK 2 /* bytes after the heading's words (a colon, a space) */

static int el_consent_box(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    (void)depth;
    if (!(in->flags & BTI_NF_BLOCK) || !in->text || in->text > CONSENT_BOX_MAX)
        return 0;
    const char *s = first_words(k);
    size_t n = strnlen(s, PAYWALL_PEEK);
    size_t head = bti_lex_raw_prefix(BTI_LEX_HTML_CONSENT_BOX, s, n, NULL);
    if (!head || head + CONSENT_HEAD_SLACK < n) /* the heading alone, not a sentence opening so */
        return 0;
    flush(o);
    return 1;
}

/* A figure or an image box: a photo with its caption and credit. */
static int el_image_box(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    (void)depth;
    if (!is_image_box(k, in))
        return 0;
    flush(o);
    image_box(o, k);
    return 1;
}

/* A block marked as the sapo, before the text: one paragraph of text, no media. */
static int el_marked_sapo(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    (void)depth;
    if (!((in->flags & BTI_NF_LEDE) && !(in->flags & BTI_NF_CAPTION) && !in->imgs && !o->lede &&
          before_text(o) && in->text >= SAPO_MIN_TEXT && in->text < SAPO_MAX_TEXT &&
          in->paras <= SAPO_MAX_PARAS && !bti_html_is(k, "li") && !holds_media(k)))
        return 0;
    flush(o);
    o->lede = bti_standfirst_run_text(k);
    o->lede_walked = 1;
    return 1;
}

/* The byline text of box k: its text, or for a box holding more than its byline ("capital
 * von X 05. November 2024 3 Min") the line inside it that is names only. */
static char *byline_text(const xmlNode *k)
{
    char *t = bti_html_text(k);
    char *line = t && !bti_byline_name_line(t, NULL, NULL) ? bti_byline_box_line(k) : NULL;
    if (line) {
        free(t);
        t = line;
    }
    return t;
}

/* A block marked as a byline: kept for the authors, not the text. */
static int el_byline(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    (void)depth;
    if (!((in->flags & BTI_NF_BYLINE) && in->text < BYLINE_BOX_MAX && !in->paras))
        return 0;
    flush(o);
    keep_byline(o, byline_text(k));
    return 1;
}

/* A caption set apart from its photo: it goes to the last uncaptioned image, else it is a
 * photo of its own. */
static int el_caption(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    (void)depth;
    if (!((in->flags & BTI_NF_CAPTION) && !in->imgs && in->text < CAPTION_BOX_MAX &&
          !bti_html_is(k, "td")))
        return 0;
    flush(o);
    char *t = bti_html_text(k);
    if (t && *t) {
        bt_image *last = o->a->n_images ? &o->a->images[o->a->n_images - 1] : NULL;
        if (last && !last->caption[0]) {
            char *cap = NULL, *cr = NULL;
            if (!bti_html_split_credit(t, &cap, &cr)) {
                free(last->caption);
                last->caption = cap;
                free(last->credit);
                last->credit = cr;
            }
        } else {
            add_image(o, NULL, t);
        }
    }
    free(t);
    return 1;
}

/* A row of buttons or labels (furniture_row), unless it is inline inside running text. */
static int el_furniture_row(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    (void)depth;
    if (!((!inline_tag(k) || !o->pend_text) && furniture_row(k, in)))
        return 0;
    flush(o);
    return 1;
}

/* BYLINE_GROUP: a byline of several linked names ("<a rel=author>X</a> and <a rel=author>Y</a>",
 * The Guardian's) marks each name, so the first mark is one author of the line. When the
 * element holding that mark holds another beside it and reads as names only, the element
 * is the byline. */
static const xmlNode *byline_group(const xmlNode *b)
{
    const xmlNode *p = b->parent;
    if (!p || p->type != XML_ELEMENT_NODE || !p->_private)
        return b;
    size_t marks = 0;
    for (const xmlNode *c = p->children; c && marks < 2; c = c->next)
        marks += c->type == XML_ELEMENT_NODE && c->_private &&
                 (BTI_INFO(c)->flags & BTI_NF_BYLINE) != 0;
    if (marks < 2 || BTI_INFO(p)->text >= BYLINE_BOX_MAX)
        return b;
    char *t = bti_html_text(p);
    int names = t && bti_byline_name_line(t, NULL, NULL) != 0;
    free(t);
    return names ? p : b;
}

/* The meta line under the headline ("By X · March 16, 2024 · 4 min read"): furniture, but
 * its byline names the authors. */
static int el_meta_row(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    int signed_row = !in->paras && in->text < META_ROW_MAX && meta_row(k);
    if (!(!in->paras && in->text < META_ROW_MAX && (!inline_tag(k) || !o->pend_text) &&
          (signed_row || (in->text < DATE_ROW_MAX && bti_html_date_holder(k)))))
        return 0;
    char *t = bti_html_text(k);
    bti_date d;
    if (t && (signed_row || bti_date_find(t, strlen(t), &d))) {
        free(t);
        flush(o);
        int stopped = 0;
        const xmlNode *b = first_flag(k->children, BTI_NF_BYLINE, NULL, &stopped, o->m);
        char *bt = b ? byline_text(byline_group(b)) : NULL;
        if (bt && !bti_byline_name_line(bt, NULL, NULL)) { /* the row's own names line */
            char *line = bti_byline_box_line(k);
            if (line) {
                free(bt);
                bt = line;
            }
        }
        keep_byline(o, bt);
        return 1;
    }
    free(t);
    return 0;
}

/* A story card inside the text (ZNews' inline related: a linked title, a one-line summary,
 * a thumbnail): a related story, not the article's paragraphs. */
static int el_story_card(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    if (!(!para_tag(k) && (in->flags & BTI_NF_BLOCK) && in->text >= CARD_MIN &&
          in->text < CARD_MAX && in->paras <= CARD_MAX_PARAS &&
          in->link * 100 >= in->text * CARD_LINK_PCT && has_titled_link(k->children)))
        return 0;
    flush(o);
    related_box(o, k);
    return 1;
}

/* A list or box that is mostly links: a related list after a "Tin liên quan" heading,
 * otherwise navigation inside the container; a list item of links only in related mode. */
static int el_link_box(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    (void)depth;
    if (!para_tag(k) && !inline_tag(k) && in->text > 0 && ldens(in) > LINK_BOX_DENSITY &&
        in->link > LINK_BOX_MIN_LINK) {
        flush(o);
        if (o->related_mode)
            related_box(o, k);
        return 1;
    }
    if (!bti_html_is(k, "a") && in->text && ldens(in) > LINK_BOX_DENSITY && bti_html_is(k, "li") &&
        o->related_mode) {
        flush(o);
        related_box(o, k);
        return 1;
    }
    return 0;
}

/* A line that is a link (most of its text): "Comments (5 posted)" under each story of a
 * weekly edition leads to that story's comments, and announces no section of the page. */
static int link_line(const para *p)
{
    return p->seen && p->link * 2 > p->seen;
}

/* After paragraph `before` was emitted: a short heading-like line announcing the page's other
 * stories ends the article; one announcing related stories turns related mode on (the link
 * lists after it are related); a paragraph of text turns it off. */
static void heading_marks(out *o, size_t before, const bti_node_info *in)
{
    if (o->pn == before + 1 && before >= MARK_MIN_BEFORE && o->pv[before].len < MARK_LINE_MAX &&
        ((o->pv[before].flags & (P_HEADING | P_STRONG)) ||
         words(o->pv[before].text) <= MARK_MAX_WORDS) &&
        ends_article(o->pv[before].text) && !link_line(&o->pv[before])) {
        o->stopped = 1;
        free(o->pv[before].text);
        free(o->pv[before].href);
        o->pn--;
    } else if (o->pn == before + 1 &&
               (o->pv[before].len < MARK_LINE_MAX ||
                (o->pv[before].len < RELATED_LINE_MAX && !o->pv[before].link)) &&
               starts_with_mark(o->pv[before].text, 0)) {
        o->related_mode = 1;
        free(o->pv[before].text);
        free(o->pv[before].href);
        o->pn--;
    } else if (o->pn > before && ldens(in) < RELATED_MODE_END_DENSITY) {
        o->related_mode = 0;
    }
}

/* A paragraph (p, a heading, li, pre...) or an unknown non-inline element: its text is a
 * paragraph; a paragraph tag that holds blocks is walked into instead. */
static int el_paragraph(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    int block = in->flags & BTI_NF_BLOCK;
    if (!(para_tag(k) || (!block && !inline_tag(k))))
        return 0;
    if (block && !bti_html_is_heading(k))
        return RULE_INTO;
    flush(o);
    size_t before = o->pn;
    emit_node(o, k, bti_html_is_heading(k) ? P_HEADING : 0);
    if (o->pn == before + 1 && bti_html_is(k, "p"))
        o->pv[before].node = k;
    heading_marks(o, before, in);
    return 1;
}

/* Inline markup between blocks: its text joins the pending line. */
static int el_inline(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    if (!(inline_tag(k) && !(in->flags & BTI_NF_BLOCK)))
        return 0;
    inl g = {&o->pend, 0, 0, 0, 0, NULL, o->ctx->base};
    int a = bti_html_is(k, "a");
    if (a)
        g.href = bti_html_resolve(o->ctx->base, attr_of(k, "href"));
    if (gather(&g, k->children, a, strong_tag(k)))
        o->rc = BT_ENOMEM;
    o->pend_link += g.link;
    o->pend_strong += g.strong;
    o->pend_text += g.text;
    if (!o->pend_href)
        o->pend_href = g.href;
    else
        free(g.href);
    return 1;
}

/* Any other block: a container, walked into. */
static int el_container(out *o, const xmlNode *k, bti_node_info *in, int depth)
{
    (void)o, (void)k, (void)in, (void)depth;
    return RULE_INTO;
}

static const element_rule ELEMENT_RULES[] = {
    el_after_end,     el_related_box, el_furniture,  el_paywall_box, el_consent_box,
    el_image_box,     el_marked_sapo, el_byline,     el_caption,     el_furniture_row,
    el_meta_row,      el_story_card,
    el_link_box,      el_paragraph,   el_inline,     el_container,
};

static int element(out *o, const xmlNode *k, int depth)
{
    bti_node_info *in = BTI_INFO(k);
    for (size_t r = 0; r < sizeof ELEMENT_RULES / sizeof ELEMENT_RULES[0]; r++) {
        int took = ELEMENT_RULES[r](o, k, in, depth);
        if (took)
            return took;
    }
    return 0;
}

/* The container's children into paragraphs, in document order: each element goes to the
 * first rule that takes it; a rule that takes it as a container has the walk go into it.
 * At the top, blocks marked BTI_NF_KEEP (siblings that belong to the article) when there are
 * any, and little else. */
static void walk(out *o, const xmlNode *n)
{
    int keep_only = 0, kept = 0;
    for (const xmlNode *k = n; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && k->_private && (BTI_INFO(k)->flags & BTI_NF_KEEP))
            keep_only = 1;
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n); k && !o->rc; k = bti_walk_next(&w, descend)) {
        descend = 0;
        int top = w.depth == 0;
        if (w.leaving) { /* a container taken by RULE_INTO is done */
            flush(o);
            continue;
        }
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
            if ((keep_only && top) || !k->content)
                continue;
            size_t l = strlen((const char *)k->content);
            if (add_text(&o->pend, (const char *)k->content, l, 0, &o->pend_text))
                o->rc = BT_ENOMEM;
            continue;
        }
        if (k->type != XML_ELEMENT_NODE || !k->_private)
            continue;
        bti_node_info *in = BTI_INFO(k);
        if (in->flags & BTI_NF_SKIP)
            continue;
        if (keep_only && top && !(in->flags & BTI_NF_KEEP)) {
            /* a sapo or related box beside the kept blocks still counts, and so does the lead
             * photo above them */
            if ((in->flags & BTI_NF_RELATED) || (in->flags & BTI_NF_LEDE) ||
                (!kept && !bti_html_furniture(o->ctx, in) && is_image_box(k, in) && in->imgs == 1 &&
                 in->text >= KEPT_PHOTO_MIN_TEXT))
                descend = element(o, k, w.depth) == RULE_INTO;
        } else {
            if (top && (in->flags & BTI_NF_KEEP) && in->paras) /* the text has begun */
                kept = 1;
            if (bti_html_is(k, "br") || bti_html_is(k, "hr")) {
                if (bti_html_is(k, "br"))
                    bti_buf_addc(&o->pend, '\n');
                else
                    flush(o);
                continue;
            }
            if (bti_html_is(k, "img"))
                continue;
            descend = element(o, k, w.depth) == RULE_INTO;
        }
        if (descend) {
            flush(o);
            if (!k->children)
                flush(o);
        }
    }
}

/* ---- after the walk ---- */

static size_t words(const char *s)
{
    size_t w = 0;
    int in = 0;
    for (; *s; s++) {
        if (*s == ' ') {
            in = 0;
        } else if (!in) {
            in = 1;
            w++;
        }
    }
    return w;
}

/* "Hà Phong", "Thanh Xuân": every word starts with a capital letter (or is a particle). */
static int name_like(const char *s)
{
    size_t w = words(s);
    if (w < 1 || w > 5 || strlen(s) > 50)
        return 0;
    const char *p = s;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        /* first letter uppercase: compare with its lowercased form */
        size_t cl = 1;
        unsigned char c = (unsigned char)*p;
        if (c >= 0xC0)
            cl = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        char *low = bti_normalize(p, cl, BT_NORM_LOWER, NULL);
        int upper = low && strncmp(low, p, cl) != 0;
        free(low);
        if (!upper)
            return 0;
        while (*p && *p != ' ') {
            if (strchr(".:;!?\"()0123456789", *p))
                return 0;
            p++;
        }
    }
    return 1;
}

static void drop_para(out *o, size_t i)
{
    free(o->pv[i].text);
    free(o->pv[i].href);
    memmove(o->pv + i, o->pv + i + 1, (o->pn - i - 1) * sizeof *o->pv);
    o->pn--;
}

/* Whether t is the name of one of the article's authors (known so far). */
static int is_author_name(const out *o, const char *t)
{
    for (size_t j = 0; j < o->a->n_authors; j++)
        if (bti_html_same_text(t, o->a->authors[j]))
            return 1;
    return 0;
}

static void add_author(out *o, const char *name)
{
    /* the page's metadata named them already, or the name is in */
    if (o->m->n_authors || is_author_name(o, name))
        return;
    if (bt_article_add_author(o->a, name))
        o->rc = BT_ENOMEM;
}

/* The closing signature: "Theo <b>Thanh Xuân</b>" over "VnEconomy", a right-aligned or bold
 * "Hà Phong", or "Theo Forbes" (a source, not a person: dropped, no author). */
/* "Minh Tâm (TTXVN/Vietnam+)", "Minh Hòa/VOV.VN (Theo Reuters)": a name followed by its
 * agency. The length of the name part, or 0 when the line is not built that way. */
static size_t agency_name(const char *t)
{
    const char *paren = strstr(t, " (");
    const char *slash = strchr(t, '/');
    const char *cut = paren && (!slash || paren < slash) ? paren : slash;
    if (!cut || cut == t)
        return 0;
    size_t l = strlen(t);
    /* the agency part is a parenthesis closing the line, or a slash-joined name */
    if (cut == paren && t[l - 1] != ')')
        return 0;
    if (cut == slash && (cut[1] == ' ' || !cut[1]))
        return 0;
    return (size_t)(cut - t);
}

static void signature(out *o)
{
    for (int round = 0; round < SIGNATURE_ROUNDS && o->pn > 1; round++) {
        para *last = &o->pv[o->pn - 1];
        para *prev = &o->pv[o->pn - 2];
        int short_last = last->len < SIGNATURE_MAX && words(last->text) <= SIGNATURE_MAX_WORDS;
        if (!short_last)
            return;
        /* the byline the metadata gave, repeated as the closing line */
        int known = 0;
        for (size_t i = 0; i < o->m->n_authors && !known; i++)
            known = bti_html_same_text(last->text, o->m->authors[i]);
        if (known) {
            drop_para(o, o->pn - 1);
            continue;
        }
        if (!strncmp(prev->text, "Theo ", 5) && prev->len < SIGNATURE_MAX &&
            words(prev->text) <= SIGNATURE_MAX_WORDS && name_like(last->text) &&
            words(last->text) <= NAME_MAX_WORDS) {
            if (name_like(prev->text + 5) && words(prev->text + 5) >= NAME_MIN_WORDS)
                add_author(o, prev->text + 5);
            drop_para(o, o->pn - 1);
            drop_para(o, o->pn - 1);
            return;
        }
        if (!strncmp(last->text, "Theo ", 5) || !strncmp(last->text, "Nguồn: ", 8) ||
            !strncmp(last->text, "Nguồn ", 7)) {
            drop_para(o, o->pn - 1);
            continue;
        }
        size_t an = agency_name(last->text);
        if (an && !(last->flags & P_HEADING)) {
            char *name = strndup(last->text, an);
            int ok = name && name_like(name) && words(name) >= NAME_MIN_WORDS;
            if (ok)
                add_author(o, name);
            free(name);
            if (ok) {
                drop_para(o, o->pn - 1);
                return;
            }
        }
        if ((last->flags & (P_RIGHT | P_STRONG)) && name_like(last->text) &&
            words(last->text) >= NAME_MIN_WORDS &&
            !(last->flags & P_HEADING)) {
            add_author(o, last->text);
            drop_para(o, o->pn - 1);
            return;
        }
        return;
    }
}

/* A short line that only dates the page ("March 13, 2015 9:00PM", "Thứ Hai, 10/06/2024 -
 * 17:45", "Updated 3 hours ago"): furniture at the head or foot of the text. */
static int date_line(const char *t, size_t len)
{
    static const char *const starts[] = {
        "Updated", "Published", "Posted", "Last updated", "Cập nhật", "Thứ hai", "Thứ ba",
        "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm",
        "Thứ Sáu", "Thứ Bảy", "Chủ nhật", "Chủ Nhật", "Ngày đăng", "Đăng lúc"};
    static const char *const months[] = {"January", "February", "March", "April", "May", "June",
                                         "July", "August", "September", "October", "November",
                                         "December", "Jan ", "Feb ", "Mar ", "Apr ", "Jun ",
                                         "Jul ", "Aug ", "Sep ", "Oct ", "Nov ", "Dec "};
    size_t chars = 0; /* UTF-8 lead bytes: every byte but the continuation ones */
    for (size_t i = 0; i < len && chars <= DATE_LINE_MAX; i++)
        chars += ((unsigned char)t[i] & 0xC0) != 0x80;
    if (chars > DATE_LINE_MAX)
        return 0;
    for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++)
        if (!strncmp(t, starts[i], strlen(starts[i])))
            return 1;
    size_t digits = 0, letters = 0;
    for (const char *p = t; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
            letters++;
    }
    int clock = strstr(t, "AM") || strstr(t, "PM") || strstr(t, "GMT") || strstr(t, ":");
    int month = 0;
    for (size_t i = 0; i < sizeof months / sizeof months[0] && !month; i++)
        month = strstr(t, months[i]) != NULL;
    /* mostly digits and a clock or a month name: "10/06/2024 17:45", "March 13, 2015 9:00PM" */
    return digits >= DATE_MIN_DIGITS && (clock || month) && letters <= digits + DATE_LETTER_SLACK;
}

/* LEAD_LABEL: a word or two alone above the text's first paragraph ("Tech —", "Corona",
 * "Gesundheit", "Hauptinhalt", "Up Next") is a kicker, a section's name or a skip link's
 * target, never the article's first line: the text opens with a sentence. A line that ends
 * a sentence ("Berlin.") may be a dateline, one closed by a comma a salutation ("Liebe
 * Leser,"), and a heading ("Künstlerischer Lebenslauf") opens a section: they stay. */
#define LEAD_LABEL_MAX_WORDS 2
#define LEAD_LABEL_MAX_BYTES 32
static int lead_label(const out *o)
{
    const para *p = &o->pv[0], *next = &o->pv[1];
    if (!p->len || p->len > LEAD_LABEL_MAX_BYTES || next->len < TEXT_PARA_MIN ||
        (p->flags & P_HEADING) || bti_html_count_words(p->text, p->len) > LEAD_LABEL_MAX_WORDS)
        return 0;
    char last = p->text[p->len - 1];
    return !strchr(".!?,", last);
}

/* Bylines, datelines and tags around the text: "By Jane Doe", "From: Herald Sun", the
 * page's author repeated, a date line; at the foot "Tags: …", "Từ khóa: …", "© …". */
static void trim_edges(out *o)
{
    static const char *const head[] = {"By ", "BY ", "From: ", "Tác giả: ", "Bài và ảnh: "};
    for (int guard = 0; guard < EDGE_ROUNDS && o->pn > 1; guard++) {
        para *p = &o->pv[0];
        int drop = 0;
        if (p->len >= TEXT_PARA_MIN)
            break;
        for (size_t i = 0; i < sizeof head / sizeof head[0] && !drop; i++)
            drop = !strncmp(p->text, head[i], strlen(head[i])) && p->len < EDGE_LINE_MAX;
        drop = drop || is_author_name(o, p->text);
        for (size_t i = 0; i < o->m->n_authors && !drop; i++)
            drop = bti_html_same_text(p->text, o->m->authors[i]);
        if (!drop)
            drop = date_line(p->text, p->len);
        if (!drop)
            drop = lead_label(o);
        if (!drop)
            break;
        drop_para(o, 0);
    }
    for (int guard = 0; guard < FOOT_ROUNDS && o->pn > 1; guard++) {
        para *p = &o->pv[o->pn - 1];
        /* the lexicon's foot labels, and the copyright sign that needs no word after it */
        int drop = (p->len < FOOT_LINE_MAX &&
                    bti_lex_raw_prefix(BTI_LEX_HTML_FOOT_LABEL, p->text, p->len, NULL)) ||
                   (p->len < RIGHTS_LINE_MAX && !strncmp(p->text, "\xC2\xA9", 2));
        if (!drop)
            drop = date_line(p->text, p->len);
        if (!drop)
            break;
        drop_para(o, o->pn - 1);
    }
}

/* One name of a byline: its agency cut off ("Minh Tâm (TTXVN)"), kept if it reads as a name. */
static void byline_name(const char *s, size_t len, void *ctx)
{
    out *o = ctx;
    char *piece = strndup(s, len);
    if (!piece) {
        o->rc = BT_ENOMEM;
        return;
    }
    size_t an = agency_name(piece);
    char *name = bti_html_clean(piece, an ? an : strlen(piece));
    char *host = name ? bti_html_host(o->m->url) : NULL;
    /* the publisher signing as author ("Lesotho Times") is no personal byline */
    if (name && (name_like(name) || bti_name_is_person(name, strlen(name))) &&
        !bti_html_names_publisher(name, o->m->site_name, host) &&
        !bti_name_is_account(name, strlen(name)))
        add_author(o, name);
    free(host);
    free(name);
    free(piece);
}

/* "By Jane Doe, John Roe" / "Tác giả: Hà Phong" / "Von Anna Berg und Jan Roth" to names */
static void byline_authors(out *o, const char *s) { bti_byline_names(s, BTI_BYLINE_TEXT, byline_name, o); }

/* Pass 7b, the byline set as a paragraph of the text: a bold line of names opening it
 * ("<p><strong>Mohloai Mpesi</strong></p>"), a meta row with a byline among its first lines
 * ("Do 25.04.24 | 14:07 Uhr | Von X"), or a line that closes it with a byline's opening
 * word ("Texto: Ana Ruiz y Luis Gil"). Names only (bti_byline_name_line): the authors, not
 * the text. */
static void byline_paragraphs(out *o)
{
    if (o->pn < 2)
        return;
    /* the opening line may follow a standfirst's short lines, never the text */
    for (size_t i = 0; i < BYLINE_OPENING_LINES && i + 1 < o->pn && o->pv[i].len < TEXT_PARA_MIN;
         i++) {
        para *p = &o->pv[i];
        if ((p->flags & P_STRONG) && !(p->flags & P_HEADING) && p->len < SIGNATURE_MAX &&
            o->pv[i + 1].len >= TEXT_PARA_MIN && bti_byline_plain_line(p->text, NULL, NULL)) {
            bti_byline_plain_line(p->text, byline_name, o);
            drop_para(o, i);
            break;
        }
        if (!(p->flags & P_HEADING) && p->len < SIGNATURE_MAX && bti_byline_row(p->text, NULL, NULL)) {
            bti_byline_row(p->text, byline_name, o); /* "Do 25.04.24 | 14:07 Uhr | Von X" */
            drop_para(o, i);
            break;
        }
    }
    /* the closing line may have a short line after it (a share prompt), never the text */
    for (size_t back = 1; back <= BYLINE_CLOSING_LINES && back < o->pn; back++) {
        para *p = &o->pv[o->pn - back];
        if (!(p->flags & P_HEADING) && p->len < SIGNATURE_MAX &&
            bti_byline_closing_line(p->text, NULL, NULL)) {
            bti_byline_closing_line(p->text, byline_name, o);
            drop_para(o, o->pn - back);
            break;
        }
        if (p->len >= SIGNATURE_MAX)
            break;
    }
}

/* The walk's node k, or the next one after it (the walk not descending into those passed
 * over), that is an element with node info and none of the flags `skip`; NULL at the walk's
 * end, or at `stop` (*stopped set). The block walks below start each step with it. */
static const xmlNode *block_at(bti_walk *w, const xmlNode *k, unsigned skip, const xmlNode *stop,
                               int *stopped)
{
    for (; k; k = bti_walk_next(w, 0)) {
        if (w->leaving)
            continue;
        if (k == stop) {
            *stopped = 1;
            return NULL;
        }
        if (k->type == XML_ELEMENT_NODE && k->_private && !(BTI_INFO(k)->flags & skip))
            return k;
    }
    return NULL;
}

/* Whether block k is the page's headline (the title or the h1, by their short form). */
static int is_headline(const out *o, const xmlNode *k, const bti_node_info *in)
{
    if (!(bti_html_is_heading(k) || (in->hints & BTI_H_TITLE)) || !in->text ||
        in->text >= TITLE_BLOCK_MAX)
        return 0;
    char *t = bti_html_text(k);
    int same = t && (same_short(t, strlen(t), o->m->title) || same_short(t, strlen(t), o->m->h1));
    free(t);
    return same;
}

/* A block marked `flag` (sapo, byline) that reads as one: within the flag's size bounds, not
 * a list item, and a standfirst holds no media. */
static int flag_block_fits(const xmlNode *k, const bti_node_info *in, unsigned flag)
{
    int lede = flag == BTI_NF_LEDE;
    return (in->flags & flag) && in->text >= (lede ? SAPO_MIN_TEXT : FLAG_BYLINE_MIN) &&
           in->text < (lede ? SAPO_MAX_TEXT : BYLINE_BOX_MAX) && !bti_html_is(k, "li") &&
           !(lede && holds_media(k));
}

static const xmlNode *first_flag(const xmlNode *n, unsigned flag, const xmlNode *stop,
                                 int *stopped, const bti_html_meta *m)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = block_at(&w, bti_walk_first(&w, n), BTI_NF_SKIP | BTI_NF_RELATED, stop, stopped); k;
         k = block_at(&w, bti_walk_next(&w, descend), BTI_NF_SKIP | BTI_NF_RELATED, stop, stopped)) {
        descend = 0;
        bti_node_info *in = BTI_INFO(k);
        /* "lead-asset": a lead photo and its caption are not the standfirst */
        if (flag == BTI_NF_LEDE && ((in->flags & BTI_NF_CAPTION) || ((in->flags & BTI_NF_LEDE) && in->imgs)))
            continue;
        /* pass "author box description" (html_standfirst.c): the walk ends at the box */
        if (flag == BTI_NF_LEDE && (in->flags & BTI_NF_BYLINE) && bti_html_author_box(k, m))
            return NULL;
        if (flag_block_fits(k, in, flag) && !bti_html_is(k, "body"))
            return k;
        descend = 1;
    }
    return NULL;
}

/* The first block marked `flag` (sapo, byline) after the headline and before `stop` (in
 * document order): further from the container, a "description" before the headline is the
 * site's tagline, an "author" the site's menu. */
static const xmlNode *after_title(const out *o, const xmlNode *n, unsigned flag,
                                  const xmlNode *stop, int *seen, int *stopped)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = block_at(&w, bti_walk_first(&w, n), BTI_NF_SKIP | BTI_NF_RELATED, stop, stopped); k;
         k = block_at(&w, bti_walk_next(&w, descend), BTI_NF_SKIP | BTI_NF_RELATED, stop, stopped)) {
        descend = 0;
        bti_node_info *in = BTI_INFO(k);
        /* a photo's caption ("lead-asset-caption") is not the standfirst */
        if (*seen && ((in->flags & (BTI_NF_CAPTION | BTI_NF_IMAGEBOX)) || ((in->flags & flag) && in->imgs)))
            continue;
        if (flag == BTI_NF_LEDE && (in->flags & BTI_NF_BYLINE) && bti_html_author_box(k, o->m))
            return NULL;
        if (!*seen && (*seen = is_headline(o, k, in)))
            continue;
        if (*seen && flag_block_fits(k, in, flag))
            return k;
        descend = 1;
    }
    return NULL;
}

/* The lead photo set between the headline and the container (VietnamPlus' article__avatar,
 * WordPress' post-thumbnail): the first photo box after the headline, before `stop`. */
static const xmlNode *lead_photo(const out *o, const xmlNode *n, const xmlNode *stop,
                                 int *seen, int *stopped)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = block_at(&w, bti_walk_first(&w, n), BTI_NF_SKIP | BTI_NF_RELATED | BTI_NF_NEGATIVE, stop, stopped); k;
         k = block_at(&w, bti_walk_next(&w, descend), BTI_NF_SKIP | BTI_NF_RELATED | BTI_NF_NEGATIVE, stop, stopped)) {
        descend = 0;
        bti_node_info *in = BTI_INFO(k);
        if (!*seen && (*seen = is_headline(o, k, in)))
            continue;
        if (*seen && is_image_box(k, in) && in->imgs == 1 && in->text >= 10) /* captioned */
            return k;
        if (*seen && in->imgs == 0)
            continue;
        descend = 1;
    }
    return NULL;
}

/* Lines that pages print between paragraphs and are never the article's: the lexicon's
 * HTML_FURNITURE_LINE list, the whole line. */
static int furniture_line(const char *t)
{
    return bti_lex_raw_has(BTI_LEX_HTML_FURNITURE_LINE, t, strlen(t));
}

static void related_outside(out *o, const xmlNode *n)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n); k && !o->rc; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k == o->content || k->type != XML_ELEMENT_NODE || !k->_private)
            continue;
        bti_node_info *in = BTI_INFO(k);
        if (in->flags & BTI_NF_SKIP)
            continue;
        if ((in->flags & BTI_NF_RELATED) && in->text < RELATED_BOX_MAX) {
            related_box(o, k);
            continue;
        }
        descend = 1;
    }
}

/* ---- the passes over the container's paragraphs --------------------------------------- */

#define SCOPE_LEVELS 3        /* the sapo and byline sit at most a few levels above the text */
#define LEDE_MAX_LINK_DENSITY 0.3 /* a sapo is text; a block mostly of links is a teaser list */
#define LINKY_PCT 70          /* a line this much in links is a link line */
#define LINK_LINE_MIN 15      /* a one-link line shorter than this is a button ("Xem"), ... */
#define LINK_LINE_MAX 200     /* ... longer, a paragraph that happens to be linked */
#define LINK_LINE_PCT 90      /* a line that is one link and nothing else */
#define BRACKET_MIN 8         /* "[Read: X]": brackets around a real title ... */
#define BRACKET_MAX 250       /* ... not a bracketed paragraph */
#define BRACKET_LINK_PCT 50   /* at least half of it the link */
#define DESC_MIN 40           /* a description this short matches too many first lines */
#define DESC_SLACK 30         /* the first paragraph may run a little past the description */
#define BYLINE_MAX 100        /* a byline longer than this is a sentence about someone */

#define LEAD_PHOTO_LEVELS 24   /* the lead photo sits beside the headline, a few levels above
                                * the text: each level up walks all that precedes the text
                                * again, which on a page nested thousands deep is quadratic */

/* Pass 1: the lead photo above the container, between the headline and the text, read
 * first so that it comes first. */
static void take_lead_photo(out *o)
{
    int level = 0;
    for (xmlNodePtr up = o->content->parent;
         up && up->_private && !bti_html_is(up, "body") && level < LEAD_PHOTO_LEVELS;
         up = up->parent, level++) {
        int seen = 0, stopped = 0;
        const xmlNode *ph = lead_photo(o, up->children, o->content, &seen, &stopped);
        if (ph) {
            image_box(o, ph);
            break;
        }
        if (seen) /* the headline is at this level: no photo between it and the text */
            break;
    }
}

/* The scope around the container: its <article> or its parent; NULL when that is the
 * whole page. */
static xmlNodePtr article_scope(xmlNodePtr content)
{
    xmlNodePtr scope = content->parent;
    for (xmlNodePtr p = content->parent; p && p->_private && !bti_html_is(p, "body"); p = p->parent)
        if (bti_html_is(p, "article")) {
            scope = p;
            break;
        }
    if (scope && (bti_html_is(scope, "body") || bti_html_is(scope, "html")))
        scope = NULL;
    return scope;
}

/* Pass 3: the sapo marked as one (BTI_NF_LEDE) before the container, often a level or two up
 * beside the headline. */
static void take_marked_sapo(out *o, xmlNodePtr scope)
{
    xmlNodePtr lscope = scope ? scope : o->content->parent;
    for (int up = 0; !o->lede && lscope && lscope->_private && up < SCOPE_LEVELS && !o->rc; up++) {
        if (bti_html_is(lscope, "body") || bti_html_is(lscope, "html"))
            break;
        int stopped = 0, seen = 0;
        const xmlNode *l =
            up == 0 && scope
                ? first_flag(lscope->children, BTI_NF_LEDE, o->content, &stopped, o->m)
                : after_title(o, lscope->children, BTI_NF_LEDE, o->content, &seen, &stopped);
        if (l && ldens(BTI_INFO(l)) < LEDE_MAX_LINK_DENSITY)
            o->lede = bti_standfirst_run_text(l);
        if (o->lede && bti_standfirst_dated(o->lede)) { /* a source-and-date line */
            free(o->lede);
            o->lede = NULL;
        }
        lscope = lscope->parent;
    }
}

/* Pass 3b, the described standfirst: many pages set their standfirst apart in the header,
 * above the text's container and with no class that names it, and give the same words as
 * their meta description. A block between the headline and the container whose text is the
 * description (or starts with it, when the description was cut) is that standfirst; the
 * description alone, nowhere visible, is not (the page does not show it). */
#define DESC_WINDOW_SLACK 16 /* visible text may differ from the description by a few bytes */

static int described_text(const char *fd, size_t fdl, int cut, const char *t)
{
    size_t fl = 0;
    char *ft = bti_fold_dup(t, strlen(t), &fl);
    while (fl && (ft[fl - 1] == '.' || ft[fl - 1] == ' '))
        fl--;
    int hit = ft && fl >= fdl && strncmp(ft, fd, fdl) == 0 &&
              (cut ? fl < SAPO_MAX_TEXT : fl <= fdl + DESC_WINDOW_SLACK);
    free(ft);
    return hit;
}

static int described(const char *fd, size_t fdl, int cut, const xmlNode *k)
{
    char *t = bti_html_text(k);
    int hit = t && described_text(fd, fdl, cut, t);
    free(t);
    return hit;
}

static const xmlNode *described_block(const out *o, const xmlNode *n, const char *fd, size_t fdl,
                                      int cut, int *seen)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (k == o->content)
            return NULL;
        if (w.leaving || k->type != XML_ELEMENT_NODE || !k->_private ||
            w.depth > BTI_HTML_MAX_DEPTH)
            continue;
        bti_node_info *in = BTI_INFO(k);
        if (in->flags & (BTI_NF_SKIP | BTI_NF_RELATED | BTI_NF_CAPTION | BTI_NF_IMAGEBOX) ||
            bti_html_is(k, "head") || bti_html_is(k, "a"))
            continue;
        if (!*seen && (*seen = is_headline(o, k, in)))
            continue;
        if (*seen && in->text + DESC_WINDOW_SLACK >= fdl &&
            in->text <= (cut ? SAPO_MAX_TEXT : fdl + DESC_WINDOW_SLACK) &&
            ldens(in) < LEDE_MAX_LINK_DENSITY && !holds_media(k) && described(fd, fdl, cut, k))
            return k;
        descend = 1;
    }
    return NULL;
}

/* "<span>Berlin.</span> <span>Die Ex-Vorsitzende ...</span>": the described block's parent
 * that adds only a dateline before it is the standfirst as shown, dateline included. */
#define DATELINE_MAX 40 /* "Berlin.", "Neuss ·", "WASHINGTON (AP) —": a place and a mark */

/* Whether the lead-in pt[0..n) closes as a dateline does ("Berlin.", "Neuss ·", "Paris –"),
 * not as a kicker or a heading ("Leichter Auftakt"). */
static int dateline_mark(const char *pt, size_t n)
{
    static const char *const marks[] = {".", ":", ",", ")", "·", "–", "—", "-"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t ml = strlen(marks[i]);
        if (n >= ml && !memcmp(pt + n - ml, marks[i], ml))
            return 1;
    }
    return 0;
}

static char *dated_standfirst(const out *o, const xmlNode *k)
{
    char *t = bti_html_text(k);
    const xmlNode *par = k->parent;
    if (!t || !par || !par->_private || par == o->content || bti_html_is(par, "body") ||
        BTI_INFO(par)->text > BTI_INFO(k)->text + DATELINE_MAX)
        return t;
    char *pt = bti_html_text(par);
    size_t tl = strlen(t), pl = pt ? strlen(pt) : 0;
    if (pt && pl > tl + 1 && pl <= tl + DATELINE_MAX && !strcmp(pt + pl - tl, t) &&
        pt[pl - tl - 1] == ' ' && words(pt) - words(t) <= MARK_MAX_WORDS &&
        dateline_mark(pt, pl - tl - 1)) {
        free(t);
        return pt;
    }
    free(pt);
    return t;
}

static void take_described_sapo(out *o)
{
    if (!o->m->description || o->rc)
        return;
    const char *d = o->m->description;
    size_t dl = strlen(d);
    int cut = 0;
    if (dl > 3 && !strcmp(d + dl - 3, "...")) /* a description cut short by the site */
        dl -= 3, cut = 1;
    else if (dl > 3 && !strcmp(d + dl - 3, "\xe2\x80\xa6"))
        dl -= 3, cut = 1;
    while (dl && (d[dl - 1] == '.' || d[dl - 1] == ' '))
        dl--;
    size_t fdl = 0;
    char *fd = bti_fold_dup(d, dl, &fdl);
    xmlNodePtr root = xmlDocGetRootElement(o->content->doc);
    /* a block marked as the sapo above the text that says something else than the
     * description (a kicker, a caption in a "lead" box, a subheading) gives way to the
     * block that shows the description */
    if (fd && fdl >= DESC_MIN && root && !(o->lede && described_text(fd, fdl, cut, o->lede))) {
        int seen = 0;
        const xmlNode *k = described_block(o, root->children, fd, fdl, cut, &seen);
        if (!k && !seen) { /* the headline is inside the container, or spelt otherwise than
                            * the title: the whole run before the container is the header */
            seen = 1;
            k = described_block(o, root->children, fd, fdl, cut, &seen);
        }
        if (k && o->lede && o->lede_walked) { /* the container's block was text after all */
            size_t n = o->pn;
            push_para(o, o->lede, strlen(o->lede), 0, 0, 0, 0, NULL);
            if (o->pn > n) {
                para first = o->pv[n];
                memmove(o->pv + 1, o->pv, n * sizeof *o->pv);
                o->pv[0] = first;
            }
        }
        if (k && !o->rc) {
            free(o->lede);
            o->lede = dated_standfirst(o, k);
        }
    }
    free(fd);
}

/* Pass 4: related boxes sit under the article or right after it, in the same column. */
static void take_related_outside(out *o, xmlNodePtr scope)
{
    xmlNodePtr rscope = scope ? scope->parent : o->content->parent;
    if (rscope && (bti_html_is(rscope, "body") || bti_html_is(rscope, "html") || !rscope->_private))
        rscope = scope;
    if (rscope && !o->rc)
        related_outside(o, rscope->children);
}

/* A paragraph rule of pass 5: 1 when it dropped paragraph i (taking what it holds). */
typedef int (*para_rule)(out *o, size_t i);

/* The headline, the page title or the sapo repeated in the text. */
static int rule_repeats_title(out *o, size_t i)
{
    const para *p = &o->pv[i];
    if (!(same_short(p->text, p->len, o->m->title) || same_short(p->text, p->len, o->m->h1) ||
          same_short(p->text, p->len, o->lede)))
        return 0;
    drop_para(o, i);
    return 1;
}

/* "Advertisement", "Quảng cáo", "Continue reading the main story": never the article's. */
static int rule_furniture_line(out *o, size_t i)
{
    if (!furniture_line(o->pv[i].text))
        return 0;
    drop_para(o, i);
    return 1;
}

/* A short paragraph that opens with a promo or a prompt (lexicon HTML_PROMO_LINE: "Follow
 * us on X", "Subscribe now to...", "Jetzt abonnieren", "Keine Kommentare"): the site speaking
 * to its reader, never the article. Long paragraphs are text that happens to start so. */
#define PROMO_LINE_MAX 200

static int rule_promo_line(out *o, size_t i)
{
    const para *p = &o->pv[i];
    if (p->len > PROMO_LINE_MAX || !bti_lex_raw_prefix(BTI_LEX_HTML_PROMO_LINE, p->text, p->len, NULL))
        return 0;
    drop_para(o, i);
    return 1;
}

/* A paywall notice (lexicon HTML_PAYWALL) after some of the text: the notice and the offer
 * that follows it (benefits, prices, "already a subscriber?") end the text, when what
 * follows is shorter than what the page showed before it; else (the text goes on) the
 * notice alone leaves. */

/* Whether line t opens with a paywall notice, or one of its sentences does ("Il vous reste
 * 57 % de cet article à lire. La suite est réservée aux abonnés."): a notice often leads with
 * the share left to read, which no word list can spell. */
static int paywall_notice(const char *t, size_t len)
{
    if (bti_lex_raw_prefix(BTI_LEX_HTML_PAYWALL, t, len, PAYWALL_ENDS))
        return 1;
    for (size_t j = 2; j < len; j++)
        if (t[j - 1] == ' ' && (t[j - 2] == '.' || t[j - 2] == '!' || t[j - 2] == ':') &&
            bti_lex_raw_prefix(BTI_LEX_HTML_PAYWALL, t + j, len - j, PAYWALL_ENDS))
            return 1;
    return 0;
}

static int rule_paywall(out *o, size_t i)
{
    const para *p = &o->pv[i];
    if (i == 0 || p->len > PAYWALL_LINE_MAX || !paywall_notice(p->text, p->len))
        return 0;
    size_t before = 0, after = 0;
    for (size_t k = 0; k < o->pn; k++)
        *(k < i ? &before : &after) += o->pv[k].len;
    if (after > before) {
        drop_para(o, i);
        return 1;
    }
    while (o->pn > i)
        drop_para(o, o->pn - 1);
    return 1;
}

/* A furniture word set off by marks ("- Anzeige -", "Anzeige:", "*Werbung*", "Wird
 * geladen..."): the label inside is what the whole-line furniture list knows. */
#define LABEL_LINE_MAX 40

static int edge_mark(char c) { return c == '-' || c == '*' || c == ':' || c == '|' || c == ' ' || c == '_'; }

static int rule_marked_label(out *o, size_t i)
{
    const para *p = &o->pv[i];
    if (p->len > LABEL_LINE_MAX)
        return 0;
    size_t a = 0, b = p->len;
    while (a < b && edge_mark(p->text[a]))
        a++;
    for (;;) { /* "Wird geladen...", "Loading …" */
        if (b > a && (edge_mark(p->text[b - 1]) || p->text[b - 1] == '.'))
            b--;
        else if (b >= a + 3 && !memcmp(p->text + b - 3, "\xE2\x80\xA6", 3))
            b -= 3;
        else
            break;
    }
    if ((a == 0 && b == p->len) || a == b || !bti_lex_raw_has(BTI_LEX_HTML_FURNITURE_LINE, p->text + a, b - a))
        return 0;
    drop_para(o, i);
    return 1;
}

/* A photo's credit set as a line of the text, or closing a caption set as one ("Foto: X",
 * "(Credit: X / Y)", "© Agency | Name", "… in Augusta. | © Getty Images"): the credit leaves
 * (bti_html_split_credit's labels, and the copyright sign that needs no label), a caption's
 * own words stay. Only short lines: a paragraph of the text may name its source in passing. */
#define CREDIT_PARA_MAX 300 /* a caption, not a paragraph */
#define CREDIT_TAIL_MAX 60  /* "© Agency / Photographer": a name or two */
#define CREDIT_LABEL_REACH 100 /* "Foto: X" ends a line: a credit's label is this near the end */

static size_t copyright_tail(const char *t, size_t len)
{
    const char *c = strstr(t, "\xC2\xA9");
    if (!c || (size_t)(t + len - c) > CREDIT_TAIL_MAX + 2 || strstr(c, ". "))
        return len;
    size_t cut = (size_t)(c - t);
    while (cut && (t[cut - 1] == ' ' || t[cut - 1] == '|' || t[cut - 1] == '-' || t[cut - 1] == '(' ||
                   t[cut - 1] == '/'))
        cut--;
    return cut;
}

static int rule_credit_line(out *o, size_t i)
{
    para *p = &o->pv[i];
    if (p->len > CREDIT_PARA_MAX || (p->flags & P_HEADING))
        return 0;
    size_t cut = copyright_tail(p->text, p->len);
    char *cap = NULL, *cr = NULL;
    /* a credit label ends in ':' near the line's end: only such lines are looked at */
    size_t from = p->len > CREDIT_LABEL_REACH ? p->len - CREDIT_LABEL_REACH : 0;
    if (cut == p->len && memchr(p->text + from, ':', p->len - from)) {
        if (bti_html_split_credit(p->text, &cap, &cr)) {
            o->rc = BT_ENOMEM;
            return 0;
        }
        if (cr)
            cut = strlen(cap);
        free(cr);
        free(cap);
    }
    if (cut == p->len)
        return 0;
    if (cut == 0) {
        drop_para(o, i);
        return 1;
    }
    for (size_t k = cut; k < p->len; k++)
        p->seen -= p->text[k] != ' ';
    p->text[cut] = '\0'; /* the caption's words, up to its credit */
    p->len = cut;
    if (p->link > p->seen)
        p->link = p->seen;
    return 0;
}

/* A line that is one link and nothing else: a story the article points to. */
static int rule_link_line(out *o, size_t i)
{
    const para *p = &o->pv[i];
    if (!(p->href && p->len >= LINK_LINE_MIN && p->len <= LINK_LINE_MAX &&
          p->link * 100 >= p->seen * LINK_LINE_PCT && !(p->flags & P_HEADING)))
        return 0;
    if (add_related(o, p->text, p->href))
        o->rc = BT_ENOMEM;
    drop_para(o, i);
    return 1;
}

/* "[Read: Other story]", "[Other story]": a bracketed link to another story. */
static int rule_bracketed_link(out *o, size_t i)
{
    const para *p = &o->pv[i];
    if (!(p->href && p->len > BRACKET_MIN && p->len <= BRACKET_MAX && p->text[0] == '[' &&
          p->text[p->len - 1] == ']' && p->link * 100 >= p->seen * BRACKET_LINK_PCT &&
          !memchr(p->text + 1, ']', p->len - 2)))
        return 0;
    const char *t = p->text + 1;
    size_t tl = p->len - 2;
    size_t pl = bti_lex_raw_prefix(BTI_LEX_BRACKET_RELATED, t, tl, ":");
    if (pl && tl > pl + 2 && t[pl] == ':' && t[pl + 1] == ' ')
        t += pl + 2, tl -= pl + 2;
    char *title = strndup(t, tl);
    if (!title || add_related(o, title, p->href))
        o->rc = BT_ENOMEM;
    free(title);
    drop_para(o, i);
    return 1;
}

/* "Xem thêm: <link>", "Read more » <link>", ">> <link>": an inline related link. A mark of
 * one word ("Lea:", "Mira:", "Read:") is also a name or a verb that may open a line of prose
 * or an interview's answer holding a link: it marks a related link only when the line is
 * mostly that link (one_word_mark). */
static int one_word_mark(const char *t)
{
    size_t l = bti_lex_raw_prefix(BTI_LEX_HTML_RELATED_MARK, t, strlen(t), " :>\xC2");
    return l && !memchr(t, ' ', l);
}

static int rule_marked_link(out *o, size_t i)
{
    const para *p = &o->pv[i];
    int linky = p->seen && p->link * 100 >= p->seen * LINKY_PCT;
    if (!(starts_with_mark(p->text, 1) && (linky || p->href)))
        return 0;
    if (!linky && one_word_mark(p->text))
        return 0;
    const char *t = p->text;
    const char *c = strstr(t, ":");
    const char *r = strstr(t, "»");
    const char *bar = strstr(t, " | "); /* "READ MORE | Title" */
    if (bar && (!c || bar < c))
        c = bar + 1;
    if (!strncmp(t, ">>", 2))
        c = t + 1;
    else if (!strncmp(t, "►", 3))
        c = t + 2;
    if (r && (!c || r < c))
        c = r + 1;
    if (c) {
        c++;
        while (*c == ' ')
            c++;
        if (add_related(o, c, p->href))
            o->rc = BT_ENOMEM;
    }
    drop_para(o, i);
    return 1;
}

/* A relative time stamp set as a line ("1 day ago", "14 hours ago", "5 phút trước"): a story
 * card's or a post's age, never the article's words. The units are the text extractor's
 * (lexicon TIME_UNIT). */
#define RELTIME_LINE_MAX 24

static int rule_relative_time(out *o, size_t i)
{
    const para *p = &o->pv[i];
    size_t d = 0;
    while (d < p->len && p->text[d] >= '0' && p->text[d] <= '9')
        d++;
    if (p->len > RELTIME_LINE_MAX || !d || d + 1 >= p->len || p->text[d] != ' ' ||
        bti_lex_raw_prefix(BTI_LEX_TIME_UNIT, p->text + d + 1, p->len - d - 1, NULL) !=
            p->len - d - 1)
        return 0;
    drop_para(o, i);
    return 1;
}

/* Pass "reading time": a line that only says how long the article takes to read ("4 Min
 * Read", "5 Minuten Lesezeit", "Reading time: 3 minutes", "Temps de lecture : 2 min"):
 * the meta row's widget set on a line of its own, never the article's words. The whole line
 * must be a label, a number (or a range), a unit of minutes and a closing word (the lexicon's
 * READING_LABEL, READING_UNIT and READING_CLOSER lists); nothing more. */
#define READING_LINE_MAX 48

static size_t skip_marks(const char *s, size_t i, size_t n)
{
    while (i < n && (s[i] == ' ' || s[i] == ':' || s[i] == '.' || s[i] == '|'))
        i++;
    return i;
}

/* The word of the lexicon's list `l` that opens t[i..n), followed by an end, a space, ':' or
 * '.': its raw length, else 0. */
static size_t reading_word(bti_lex_set l, const char *t, size_t i, size_t n)
{
    return bti_lex_raw_prefix(l, t + i, n - i, " :.");
}

static int reading_time_line(const char *t, size_t n)
{
    if (n > READING_LINE_MAX)
        return 0;
    size_t i = 0, l;
    int said = 0; /* a label or a closing word says it is reading time: a bare "15 min" is a
                   * recipe's time or a video's length */
    for (int k = 0; k < 2 && (l = reading_word(BTI_LEX_READING_LABEL, t, i, n)); k++) {
        i = skip_marks(t, i + l, n);
        said = 1;
    }
    size_t d = i;
    while (i < n && ((t[i] >= '0' && t[i] <= '9') || (i > d && t[i] == '-')))
        i++;
    if (i == d || t[i - 1] == '-')
        return 0;
    while (i < n && t[i] == ' ')
        i++;
    if (!(l = reading_word(BTI_LEX_READING_UNIT, t, i, n)))
        return 0;
    i = skip_marks(t, i + l, n);
    if (i < n && (l = reading_word(BTI_LEX_READING_CLOSER, t, i, n))) {
        i = skip_marks(t, i + l, n);
        said = 1;
    }
    return said && i == n;
}

static int rule_reading_time(out *o, size_t i)
{
    if (!reading_time_line(o->pv[i].text, o->pv[i].len))
        return 0;
    drop_para(o, i);
    return 1;
}

static const para_rule PARA_RULES[] = {
    rule_repeats_title,  rule_furniture_line, rule_paywall,     rule_promo_line,
    rule_marked_label,   rule_bracketed_link, rule_link_line,   rule_marked_link,
    rule_credit_line,    rule_relative_time,  rule_reading_time,
};

/* Pass 5: furniture lines and inline related links out of the text (the bracketed link
 * before the plain link line: its title loses its brackets). */
static void sort_lines(out *o)
{
    for (size_t i = 0; i < o->pn && !o->rc;) {
        int dropped = 0;
        for (size_t r = 0; r < sizeof PARA_RULES / sizeof PARA_RULES[0] && !dropped; r++)
            dropped = PARA_RULES[r](o, i);
        if (!dropped)
            i++;
    }
}

/* Pass 5b: a short line the page prints again and again between its paragraphs ("Article
 * content" above each ad slot, "Story continues below"): a label of the layout, never the
 * article's, whatever its words. */
#define REPEAT_LABEL_MAX 40 /* a label is a few words, not a sentence */
#define REPEAT_LABEL_MIN 3  /* printed this often in one text, it is the layout's */

typedef struct label_ref {
    const char *text;
    size_t i;
} label_ref;

static int label_cmp(const void *x, const void *y)
{
    const label_ref *a = x, *b = y;
    int c = strcmp(a->text, b->text);
    return c ? c : (a->i > b->i) - (a->i < b->i);
}

/* A label's shape: words of letters and a sentence's marks ("Don't want to see this? Remove
 * ads"). Digits and other marks make it a line of code, a formula or a score, which a text
 * may well repeat ("}", "x = 0", "Lösung: 12 g"). */
static int label_shaped(const para *p)
{
    if (p->len > REPEAT_LABEL_MAX || !p->len)
        return 0;
    for (size_t i = 0; i < p->len; i++) {
        unsigned char c = (unsigned char)p->text[i];
        if (!(c == ' ' || c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
              (c && strchr("'?!.,", c))))
            return 0;
    }
    return 1;
}

static void drop_repeated_labels(out *o)
{
    size_t n = 0;
    for (size_t i = 0; i < o->pn; i++)
        n += label_shaped(&o->pv[i]);
    if (n < REPEAT_LABEL_MIN || o->rc)
        return;
    label_ref *r = malloc(n * sizeof *r);
    unsigned char *drop = calloc(o->pn, 1);
    if (!r || !drop) {
        free(r);
        free(drop);
        o->rc = BT_ENOMEM;
        return;
    }
    n = 0;
    for (size_t i = 0; i < o->pn; i++)
        if (label_shaped(&o->pv[i]))
            r[n++] = (label_ref){o->pv[i].text, i};
    qsort(r, n, sizeof *r, label_cmp);
    size_t dropped = 0;
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && !strcmp(r[a].text, r[b].text);)
            b++;
        for (size_t k = a; b - a >= REPEAT_LABEL_MIN && k < b; k++, dropped++)
            drop[r[k].i] = 1;
    }
    size_t w = 0;
    for (size_t i = 0; dropped && i < o->pn; i++) {
        if (drop[i]) {
            free(o->pv[i].text);
            free(o->pv[i].href);
        } else {
            o->pv[w++] = o->pv[i];
        }
    }
    if (dropped)
        o->pn = w;
    free(r);
    free(drop);
}

/* Pass 5c: a pull quote, a sentence of the text set again large between the paragraphs
 * ("In der Stunde schlachten wir hier so 45 Schweine." beside the paragraph that quotes it):
 * a short line found whole inside a longer paragraph nearby, past its opening, is said once,
 * there. Quotes and the closing mark are left off the comparison (the paragraph quotes it
 * inside a sentence); headings and bold lines stay (a subheading may repeat a phrase). */
#define PULL_MIN 25   /* the words compared: shorter ones recur in any text */
#define PULL_MAX 300  /* a pull quote is a sentence or two */
#define PULL_REACH 12 /* paragraphs either side where its source sits */
#define PULL_LEAD_SLACK 4 /* bytes (an opening quote) before a match that opens the paragraph */

static int quote_mark(const char *t, size_t n, size_t *len)
{
    static const char *const marks[] = {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D",
                                         "\xE2\x80\x9E", "\xE2\x80\x98", "\xE2\x80\x99",
                                         "\xC2\xAB", "\xC2\xBB"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t l = strlen(marks[i]);
        if (n >= l && !memcmp(t, marks[i], l)) {
            *len = l;
            return 1;
        }
    }
    return 0;
}

static void drop_pull_quotes(out *o)
{
    for (size_t i = 0; i < o->pn && !o->rc;) {
        const para *p = &o->pv[i];
        size_t a = 0, b = p->len, l;
        if (p->len > PULL_MAX || p->len < PULL_MIN || (p->flags & (P_HEADING | P_STRONG))) {
            i++;
            continue;
        }
        while (a < b && (p->text[a] == ' ' || quote_mark(p->text + a, b - a, &l)))
            a += p->text[a] == ' ' ? 1 : l;
        for (int cut = 1; cut && b > a;) {
            cut = 0;
            if (strchr(".!?, ", p->text[b - 1])) {
                b--;
                cut = 1;
            }
            for (size_t k = 1; k <= 3 && k <= b - a && !cut; k++)
                if (quote_mark(p->text + b - k, k, &l) && l == k) {
                    b -= k;
                    cut = 1;
                }
        }
        int found = 0;
        if (b - a >= PULL_MIN) {
            char *core = strndup(p->text + a, b - a);
            if (!core) {
                o->rc = BT_ENOMEM;
                return;
            }
            size_t from = i > PULL_REACH ? i - PULL_REACH : 0;
            for (size_t j = from; j < o->pn && j <= i + PULL_REACH && !found; j++) {
                const char *at = j != i && o->pv[j].len > p->len ? strstr(o->pv[j].text, core) : NULL;
                /* a line opening the paragraph is its lead-in or a teaser of it, not a quote */
                found = at && at - o->pv[j].text > PULL_LEAD_SLACK;
            }
            free(core);
        }
        if (found)
            drop_para(o, i);
        else
            i++;
    }
}

/* Pass 6: no sapo marked: a first paragraph that repeats the page's description is one,
 * unless it is a plain <p> among the text's own (the site's excerpt took the first
 * paragraph). */
static void take_description_sapo(out *o)
{
    int plain_first = o->pn > 1 && o->pv[0].node && o->pv[1].node &&
                      o->pv[0].node->parent == o->pv[1].node->parent &&
                      !(o->pv[0].flags & (P_STRONG | P_HEADING));
    if (plain_first) { /* "meldung_anrisstext": a class of its own sets it apart */
        const char *c0 = bti_html_peek(o->pv[0].node, "class"), *c1 = bti_html_peek(o->pv[1].node, "class");
        plain_first = (!c0 && !c1) || (c0 && c1 && !strcmp(c0, c1));
    }
    if (o->lede || o->pn <= 1 || !o->m->description || plain_first)
        return;
    const char *d = o->m->description;
    size_t dl = strlen(d);
    while (dl && (d[dl - 1] == '.' || d[dl - 1] == ' '))
        dl--;
    char *dcut = strndup(d, dl > 3 && !strcmp(d + dl - 3, "...") ? dl - 3 : dl);
    char *fd = dcut ? bti_fold_dup(dcut, strlen(dcut), NULL) : NULL;
    char *fp = bti_fold_dup(o->pv[0].text, o->pv[0].len, NULL);
    if (fd && fp && strlen(fd) >= DESC_MIN && strncmp(fp, fd, strlen(fd)) == 0 &&
        strlen(fp) < strlen(fd) + DESC_SLACK) {
        o->lede = strdup(o->pv[0].text);
        drop_para(o, 0);
    }
    free(dcut);
    free(fd);
    free(fp);
}

/* Pass 6b, the standfirst set apart by its look: no sapo marked or described, the text's
 * first paragraph is wholly in bold, or in a class of its own while the paragraphs after it
 * share another (or none): the page shows it as the standfirst. It must read as a sentence
 * or more, so a bold subheading or a kicker stays where it is. */
#define STANDFIRST_MIN 60     /* a standfirst is a sentence, not a label */
#define STANDFIRST_FOLLOW 2   /* paragraphs after it that must look alike */

static int wholly_bold(const xmlNode *p)
{
    int bold = 0;
    for (const xmlNode *k = p->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE) {
            for (const xmlChar *c = k->content; c && *c; c++)
                if (*c != ' ' && *c != '\n' && *c != '\t' && *c != '\r')
                    return 0;
        } else if (k->type == XML_ELEMENT_NODE) {
            if (!(bti_html_is(k, "strong") || bti_html_is(k, "b")) || bold)
                return 0;
            bold = 1;
        }
    }
    return bold;
}

static int same_class(const char *a, const char *b) { return (!a && !b) || (a && b && !strcmp(a, b)); }

static void take_styled_sapo(out *o)
{
    if (o->lede || o->pn < 1 + STANDFIRST_FOLLOW || o->rc)
        return;
    const para *p0 = &o->pv[0];
    if (p0->len < STANDFIRST_MIN || p0->len >= SAPO_MAX_TEXT || !p0->node || !bti_html_is(p0->node, "p") ||
        !strchr(".!?\"\xe2\xbb", p0->text[p0->len - 1]) || (p0->flags & P_HEADING))
        return;
    for (size_t i = 1; i <= STANDFIRST_FOLLOW; i++)
        if (!o->pv[i].node || o->pv[i].node->parent != p0->node->parent || !bti_html_is(o->pv[i].node, "p"))
            return;
    const char *c0 = bti_html_peek(p0->node, "class"), *c1 = bti_html_peek(o->pv[1].node, "class");
    int own_class = c0 && !same_class(c0, c1);
    for (size_t i = 2; i <= STANDFIRST_FOLLOW && own_class; i++)
        own_class = same_class(c1, bti_html_peek(o->pv[i].node, "class"));
    int bold = wholly_bold(p0->node) && !wholly_bold(o->pv[1].node);
    if (!own_class && !bold)
        return;
    o->lede = strdup(p0->text);
    if (!o->lede)
        o->rc = BT_ENOMEM;
    else
        drop_para(o, 0);
}

/* Whether node n is k or inside it. */
static int within(const xmlNode *n, const xmlNode *k)
{
    for (; n; n = n->parent)
        if (n == k)
            return 1;
    return 0;
}

#define LEDE_PART_MIN 20 /* a line this short may well stand in a standfirst and the text */

/* Pass 6c, the header standfirst (html_standfirst.c): no sapo yet, or the one taken by
 * its class repeats the headline or is a photo's caption with its credit, or says something else than the description (a caption in
 * a "lead" box) while a block set apart says what it says. The block found leaves the text
 * if the walk kept it, and so do the paragraphs it holds. */
static void take_header_standfirst(out *o)
{
    /* the alike marked paragraphs a standfirst took along are not text too */
    for (size_t i = 0; o->lede && i < o->pn;)
        if (o->pv[i].node && o->pv[i].node->_private && (BTI_INFO(o->pv[i].node)->flags & BTI_NF_LEDE) &&
            o->pv[i].len >= LEDE_PART_MIN && strstr(o->lede, o->pv[i].text))
            drop_para(o, i);
        else
            i++;
    if (o->rc || !o->pn)
        return;
    int caption = 0; /* the lead box's photo caption ("... Photo: X via Getty Images") */
    if (o->lede) {
        char *cap = NULL, *credit = NULL;
        if (bti_html_split_credit(o->lede, &cap, &credit))
            o->rc = BT_ENOMEM;
        caption = credit != NULL;
        free(cap);
        free(credit);
    }
    int replace = o->lede && !caption && !bti_standfirst_is_headline(o->lede, o->m);
    if (replace && (!o->m->description || bti_standfirst_agrees(o->lede, o->m->description)))
        return;
    xmlNodePtr root = xmlDocGetRootElement(o->content->doc);
    const xmlNode *k = bti_standfirst_find(o->ctx, root, o->pv[0].node, o->pv[0].text, o->m, replace);
    if (!k && caption) { /* a caption is no standfirst, whether or not another block is */
        free(o->lede);
        o->lede = NULL;
    }
    if (!k)
        return;
    char *t = bti_html_text(k);
    if (!t) {
        o->rc = BT_ENOMEM;
        return;
    }
    if (o->m->description && !(t = bti_standfirst_described_run(t, k, o->m->description))) {
        o->rc = BT_ENOMEM;
        return;
    }
    /* a standfirst never holds most of the text: then the block is the text itself */
    size_t all = 0, inside = 0;
    for (size_t i = 0; i < o->pn; i++) {
        all += o->pv[i].len;
        if (within(o->pv[i].node, k) || strstr(t, o->pv[i].text))
            inside += o->pv[i].len;
    }
    if (inside * 2 > all) {
        free(t);
        return;
    }
    free(o->lede);
    o->lede = t;
    for (size_t i = 0; i < o->pn;)
        if (within(o->pv[i].node, k) || strstr(t, o->pv[i].text))
            drop_para(o, i);
        else
            i++;
}

/* Pass 9: the authors, when the page's metadata names none: the byline lines the walk kept,
 * else a block marked as a byline (BTI_NF_BYLINE) above the text. */
static void take_bylines(out *o, xmlNodePtr scope)
{
    bt_article *a = o->a;
    if (a->n_authors || o->m->n_authors)
        return;
    for (size_t i = 0; i < o->nbylines; i++)
        if (o->bylines[i] && strlen(o->bylines[i]) < BYLINE_MAX)
            byline_authors(o, o->bylines[i]);
    xmlNodePtr bscope = scope ? scope : o->content->parent;
    for (int up = 0; !a->n_authors && bscope && bscope->_private && up < SCOPE_LEVELS && !o->rc;
         up++) {
        if (bti_html_is(bscope, "body") || bti_html_is(bscope, "html"))
            break;
        int stopped = 0, seen = 0;
        const xmlNode *b =
            up == 0 && scope
                ? first_flag(bscope->children, BTI_NF_BYLINE, o->content, &stopped, o->m)
                : after_title(o, bscope->children, BTI_NF_BYLINE, o->content, &seen, &stopped);
        if (b) {
            b = byline_group(b);
            char *t = bti_html_text(b);
            if (t)
                byline_authors(o, t);
            free(t);
            char *line = a->n_authors ? NULL : bti_byline_box_line(b);
            if (line)
                byline_authors(o, line);
            free(line);
        }
        bscope = bscope->parent;
    }
    char *line = a->n_authors || o->rc ? NULL : bti_byline_after_heading(xmlDocGetRootElement(o->content->doc));
    if (line)
        byline_authors(o, line);
    free(line);
}

/* LEDE_BYLINE_TAIL: a standfirst that closes with its writer's byline after its last
 * sentence ("... wieder lebendig. Von Eva Kirchner-Rätsch", "... talks. By Jane Doe"): the
 * byline goes to the authors (when nothing named them) and leaves the lede. Only a byline
 * word of the lexicon followed by persons' names is cut: a closing quotation or a source is
 * the sapo's own. */
#define LEDE_TAIL_MAX 80 /* a byline of two or three names, not a sentence */

static void lede_person(const char *s, size_t len, void *ctx)
{
    int *all = ctx;
    if (!bti_name_is_person(s, len))
        *all = 0;
}

static void lede_byline_tail(out *o)
{
    char *t = o->lede;
    size_t n = t ? strlen(t) : 0;
    while (n && t[n - 1] == ' ')
        n--;
    size_t at = n;
    while (at > 1 && !(t[at - 1] == ' ' && strchr(".!?", t[at - 2])))
        at--;
    if (at <= 1 || n - at > LEDE_TAIL_MAX)
        return;
    size_t pl = bti_lex_raw_prefix(BTI_LEX_BYLINE_PREFIX, t + at, n - at, " ");
    if (!pl || at + pl >= n || t[at + pl] != ' ')
        return;
    char *tail = strndup(t + at, n - at);
    if (!tail) {
        o->rc = BT_ENOMEM;
        return;
    }
    int all = 1;
    if (bti_byline_names(tail, BTI_BYLINE_TEXT, lede_person, &all) && all) {
        if (!o->a->n_authors)
            byline_authors(o, tail);
        size_t cut = at;
        while (cut && t[cut - 1] == ' ')
            cut--;
        t[cut] = '\0';
    }
    free(tail);
}

/* Pass 9b, "author bio": the author box a page prints above or below the text ("Jane Doe is
 * a politics reporter for X.", "Max Muster ist Redakteur bei Y"): a paragraph that opens with
 * one of the article's authors (known by now: meta, JSON-LD, bylines) and a verb saying who
 * the author is. It is the site's furniture about the writer, never the article, which
 * quotes people by their surname or after a first mention. Only at the text's edges and
 * only short: a profile whose whole text is about its subject is not cut. A line that is
 * the name alone, just before such a bio, is the box's heading and leaves with it. */
#define BIO_EDGE 5          /* the author box sits within this many paragraphs of either end */
#define BIO_MAX 600         /* a bio is a few sentences, not a section of the article */
#define BIO_MIN_LEFT 3      /* the text keeps this many paragraphs, or it is the profile */
#define BIO_NAME_MIN 5      /* a full name, not an initial or a one-word handle */

static int bio_opens(const char *t, const char *name)
{
    /* "is", "was", "has", "writes", "covers"; "ist", "war"; "est", "es", "é", "è", "jest" */
    static const char *const verbs[] = {" is ",     " was ", " has ", " writes ", " covers ",
                                        " ist ",    " war ", " est ", " es ",     " é ",
                                        " \xC3\xA8 ", " jest "};
    size_t nl = strlen(name);
    if (nl < BIO_NAME_MIN || !strchr(name, ' ') || strncmp(t, name, nl))
        return 0;
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        if (!strncmp(t + nl, verbs[i], strlen(verbs[i])))
            return 1;
    return 0;
}

/* Whether the name's last word (the surname) is in a paragraph other than `skip`: the
 * article speaks of the person (an interview, a profile, a byline mistaken for the subject),
 * so a sentence about them is the article's, not the writer's box. */
static int surname_in_text(const out *o, const char *name, size_t skip)
{
    const char *sur = strrchr(name, ' ');
    sur = sur ? sur + 1 : name;
    if (!*sur)
        return 0;
    for (size_t i = 0; i < o->pn; i++)
        if (i != skip && strstr(o->pv[i].text, sur) && !bti_html_same_text(o->pv[i].text, name))
            return 1;
    return 0;
}

static int bio_of_author(const out *o, size_t i)
{
    for (size_t j = 0; j < o->a->n_authors; j++)
        if (bio_opens(o->pv[i].text, o->a->authors[j]) && !surname_in_text(o, o->a->authors[j], i))
            return 1;
    return 0;
}

static void drop_author_bios(out *o)
{
    if (!o->a->n_authors)
        return;
    for (size_t i = 0; i < o->pn && !o->rc;) {
        const para *p = &o->pv[i];
        int edge = i < BIO_EDGE || i + BIO_EDGE >= o->pn;
        if (!edge || p->len > BIO_MAX || o->pn <= BIO_MIN_LEFT || !bio_of_author(o, i)) {
            i++;
            continue;
        }
        drop_para(o, i);
        if (i > 0 && is_author_name(o, o->pv[i - 1].text)) {
            drop_para(o, i - 1);
            i--;
        }
    }
}

/* Pass 10: the paragraphs into the article, and the sapo. The end mark "./." closes
 * Vietnamese official news: it is a full stop. */
static void emit_article(out *o)
{
    for (size_t i = 0; i < o->pn && !o->rc; i++) {
        const char *t = o->pv[i].text;
        size_t l = o->pv[i].len;
        if (l >= 3 && !strcmp(t + l - 3, "./.")) {
            char *c = strndup(t, l - 2);
            if (!c || bt_article_add_para(o->a, c))
                o->rc = BT_ENOMEM;
            free(c);
            continue;
        }
        if (bt_article_add_para(o->a, t))
            o->rc = BT_ENOMEM;
    }
    if (o->lede && !o->rc)
        lede_byline_tail(o);
    if (o->lede && *o->lede && !o->rc && bt_article_set(&o->a->lede, o->lede, strlen(o->lede)))
        o->rc = BT_ENOMEM;
}

static void out_free(out *o)
{
    for (size_t i = 0; i < o->pn; i++) {
        free(o->pv[i].text);
        free(o->pv[i].href);
    }
    free(o->pv);
    for (size_t i = 0; i < o->nbylines; i++)
        free(o->bylines[i]);
    free(o->bylines);
    free(o->lede);
    free(o->pend_href);
    bti_buf_free(&o->pend);
}

/* The passes in order. */
int bti_html_output(bti_html_ctx *ctx, xmlNodePtr content, const bti_html_meta *m, bt_article *a)
{
    out o;
    memset(&o, 0, sizeof o);
    o.ctx = ctx;
    o.m = m;
    o.a = a;
    o.content = content;
    take_lead_photo(&o);
    walk(&o, content->children); /* pass 2: the container into paragraphs */
    flush(&o);
    xmlNodePtr scope = article_scope(content);
    take_marked_sapo(&o, scope);
    take_described_sapo(&o);
    take_related_outside(&o, scope);
    sort_lines(&o);
    drop_repeated_labels(&o);
    drop_pull_quotes(&o);
    take_description_sapo(&o);
    take_styled_sapo(&o);
    take_header_standfirst(&o);
    signature(&o);  /* pass 7 */
    byline_paragraphs(&o);
    trim_edges(&o); /* pass 8 */
    take_bylines(&o, scope);
    drop_author_bios(&o); /* pass 9b */
    emit_article(&o);
    if (!o.rc)
        o.rc = bti_html_ld_body(m, a); /* pass 9: a teaser's text from its articleBody */
    out_free(&o);
    return o.rc;
}

