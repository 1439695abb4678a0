/* html_most_read.c: the portal's own "most read" box of an HTML page ("Đọc nhiều", "Xem
 * nhiều", "Most read", "Most popular"), kept as the record's most_read list of {title, url}.
 * The box is page furniture: the body never holds it (html_output.c ends or skips it); here
 * only its links are read, anywhere on the page, for `bantin top --by mentions`.
 *
 * The mechanism: an element whose whole text is a most-read heading of the lexicon
 * (BTI_LEX_MOST_READ_HEAD), then the links that follow it inside its box: the heading's
 * following siblings, or, when the heading stands alone in a wrapper (<div class=title><h3>),
 * those of the wrapper, up to MR_CLIMB levels. The box ends at the next heading element. */
#include "extract/html_internal.h"
#include "extract/lexicon.h"
#include "text/alloc.h"

#include <stdlib.h>
#include <string.h>

#define MR_CLIMB 3          /* wrapper levels between the heading and its list */
#define MR_MAX_ITEMS 15     /* a box ranks five to ten stories */
#define MR_TITLE_MIN 12     /* bytes of a link's text: shorter is "Xem thêm", a rank, a tab */
#define MR_TITLE_MAX 400    /* a headline, not a teaser paragraph */
#define MR_HEAD_MAX 64      /* bytes of a heading's text ("Tin đọc nhiều nhất trong ngày") */
#define MR_TITLE_WORDS 3    /* words of a headline: "Privacy policy" is a menu's link */
#define MR_MAX_BOXES 2      /* a page may print the box twice (desktop and mobile) */

typedef struct mr {
    const bti_html_ctx *ctx;
    bt_article *a;
    int rc;
    int boxes;
    size_t box_start; /* most_read items before the box being read */
} mr;

/* 1 when the whole text of `n` (short) is a most-read heading. */
static int is_head(const xmlNode *n)
{
    const bti_node_info *in = BTI_INFO(n);
    if (!bti_html_is_heading(n) && (!in || in->text == 0 || in->text > MR_HEAD_MAX))
        return 0;
    /* all of it a link ("<li><a>Most popular</a></li>"): a menu's entry, a page of its own */
    if (in && in->text && in->link >= in->text)
        return 0;
    /* the innermost element holding the words is the heading ("<div><h3>Đọc nhiều</h3></div>":
     * the h3), so that its box is looked for beside it, not beside the whole wrapper */
    for (const xmlNode *c = n->children; in && c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && BTI_INFO(c) && BTI_INFO(c)->text == in->text)
            return 0;
    char *t = bti_html_text(n);
    if (!t)
        return 0;
    size_t l = strlen(t), fl = 0;
    int yes = 0;
    if (l && l <= MR_HEAD_MAX) {
        char *f = bti_fold_dup(t, l, &fl);
        /* "Đọc nhiều:", "Most read »": the heading's own punctuation does not count */
        while (f && fl && !((f[fl - 1] >= 'a' && f[fl - 1] <= 'z') ||
                            (f[fl - 1] >= '0' && f[fl - 1] <= '9')))
            fl--;
        yes = f && fl && bti_lex_has(BTI_LEX_MOST_READ_HEAD, f, fl);
        free(f);
    }
    free(t);
    return yes;
}

/* The link's title: its text without a leading rank ("1 Jeep hack ...", "01. X"). */
static char *link_title(const xmlNode *a)
{
    char *t = bti_html_text(a);
    if (!t)
        return NULL;
    size_t i = 0;
    while (t[i] >= '0' && t[i] <= '9' && i < 3)
        i++;
    if (i && (t[i] == ' ' || t[i] == '.')) {
        size_t j = i;
        while (t[j] == '.' || t[j] == ' ')
            j++;
        memmove(t, t + j, strlen(t + j) + 1);
    }
    return t;
}

static size_t words(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p; p++)
        n += *p != ' ' && (p == s || p[-1] == ' ');
    return n;
}

/* 1 when `n` is the only element inside its parent: a wrapper of the heading alone. */
static int alone(const xmlNode *n)
{
    for (const xmlNode *k = n->parent ? n->parent->children : NULL; k; k = k->next)
        if (k != n && k->type == XML_ELEMENT_NODE)
            return 0;
    return n->parent != NULL;
}

/* Whether an <a> is anywhere under n. */
static int has_link(const xmlNode *n)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n->children); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE)
            continue;
        if (bti_html_is(k, "a"))
            return 1;
        descend = w.depth < BTI_HTML_MAX_DEPTH;
    }
    return 0;
}

static int seen(const bt_article *a, const char *url, const char *title)
{
    for (size_t i = 0; i < a->n_most_read; i++)
        if ((url && a->most_read[i].url && !strcmp(url, a->most_read[i].url)) ||
            bti_html_same_text(title, a->most_read[i].title))
            return 1;
    return 0;
}

/* Adds the links of `n` and under it (depth-first, in order); returns 1 at the end of the box
 * (the next heading element, or a full box). */
static int links(mr *m, const xmlNode *n)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n); k && !m->rc; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.depth == 0 && k != n)
            break; /* n's subtree is done: its siblings are read_box's */
        if (w.leaving || k->type != XML_ELEMENT_NODE)
            continue;
        if (bti_html_is(k, "script") || bti_html_is(k, "style"))
            continue;
        /* a heading after the box's first links opens the next list (a "Most watched" tab),
         * unless it is an item itself (<h3><a>Title</a></h3>) */
        if (bti_html_is_heading(k) && m->a->n_most_read > m->box_start && !has_link(k))
            return 1;
        if (bti_html_is(k, "a")) {
            const char *href = bti_html_peek(k, "href");
            char *t = href ? link_title(k) : NULL;
            size_t tl = t ? strlen(t) : 0;
            int ok = tl >= MR_TITLE_MIN && tl <= MR_TITLE_MAX && words(t) >= MR_TITLE_WORDS;
            char *url = ok ? bti_html_resolve(m->ctx->base, href) : NULL;
            /* a relative link on a page without its URL: the title alone still names it */
            if (url && !strstr(url, "://")) {
                free(url);
                url = NULL;
            }
            if (ok && !seen(m->a, url, t) && bt_article_add_most_read(m->a, t, url))
                m->rc = BT_ENOMEM;
            free(url);
            free(t);
            if (m->a->n_most_read >= MR_MAX_ITEMS)
                return 1;
            continue;
        }
        if (w.depth >= BTI_HTML_MAX_DEPTH)
            return 1;
        descend = 1;
    }
    return m->rc != 0;
}

/* The box of heading h: the links after it among its siblings, else among its wrapper's. */
static void read_box(mr *m, const xmlNode *h)
{
    size_t before = m->a->n_most_read;
    m->box_start = before;
    const xmlNode *from = h;
    for (int up = 0; up <= MR_CLIMB && from && m->a->n_most_read == before; up++) {
        for (const xmlNode *k = from->next; k && !m->rc; k = k->next) {
            if (k->type != XML_ELEMENT_NODE)
                continue;
            /* another box's heading among the siblings: this box is over */
            if (k != from && bti_html_is_heading(k))
                break;
            if (links(m, k))
                break;
        }
        /* only a wrapper that holds the heading alone belongs to the box: beyond it, the
         * links are the page's (a heading whose list is loaded by script has none) */
        if (!alone(from))
            break;
        from = from->parent;
        if (from->type != XML_ELEMENT_NODE)
            break;
    }
    if (m->a->n_most_read > before)
        m->boxes++;
}

static void walk(mr *m, const xmlNode *first)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, first);
         k && !m->rc && m->boxes < MR_MAX_BOXES && m->a->n_most_read < MR_MAX_ITEMS;
         k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE || w.depth > BTI_HTML_MAX_DEPTH)
            continue;
        /* a link labelled "Most popular" is a menu's (a page of its own), not a box's heading */
        if (bti_html_is(k, "script") || bti_html_is(k, "style") || bti_html_is(k, "head") ||
            bti_html_is(k, "a"))
            continue;
        if (is_head(k)) {
            read_box(m, k);
            continue;
        }
        descend = 1;
    }
}

int bti_html_most_read(const bti_html_ctx *ctx, bt_article *a)
{
    mr m = {ctx, a, 0, 0, 0};
    walk(&m, xmlDocGetRootElement(ctx->doc));
    return m.rc;
}
