/* The header standfirst: the paragraph a page sets apart between its headline and its text
 * with no class that names it (a "copy-lg" div under the headline, an <h2> deck, a
 * "strapline"), and which the passes for marked and described sapos miss. It is found by its
 * place (the first block of prose after the headline, before the text's first paragraph,
 * with only kickers, bylines, dates and photos between) and kept only when something
 * confirms it: the page's meta description says the same, it is set apart by its type (a
 * heading under the headline, wholly bold, a standfirst class), or it reads as one or more
 * sentences where nothing but furniture stands between it and the headline. Also the
 * publisher's mark in brackets that opens a sapo without a dash ("(TNO) Sáng nay ..."). */
#include "core/date.h"
#include "extract/html_internal.h"
#include "extract/lexicon.h"
#include "text/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define SF_MIN_TEXT 30         /* shorter: a kicker, a label, a dateline */
#define SF_MAX_TEXT 700        /* longer: the article's text, not a standfirst */
#define SF_SENTENCE_MIN 60     /* unconfirmed by type or description: a sentence or more */
#define SF_MAX_LINK_DENSITY 0.3 /* a standfirst is prose; a block of links is a teaser list */
#define SF_GAP_MAX 160         /* a block this short between headline and standfirst is a
                                * kicker, a byline or a date line, not prose */
#define SF_MAX_BLOCKS 12       /* leaf blocks walked after the headline before giving up */
#define SF_TITLE_MAX 400       /* a headline block is shorter than this */
#define SF_WORD_MIN 3          /* words shorter than this say nothing about agreement */
#define SF_DESC_SHARE 0.6      /* both texts this much in each other's words: they agree */
#define SF_DESC_MIN 40         /* a description shorter than this matches too much */
#define SF_DESC_CUT_MIN 120    /* a description cut from a longer block ("... partijvo"), */
#define SF_DESC_CUT_SHARE 0.9  /* spelt a little otherwise ("CD&amp;V"): nearly all its
                                * words are the block's */
#define SF_MEDIA_DEPTH 8
#define SF_MIN_ITEMS 2         /* a standfirst in items has two or more */
#define SF_STOP_PREFIX 60      /* bytes of the text's first paragraph that recognise it */       /* how deep a caption or a player hides in a media box */

/* Pass "author box description": a block classed as a description inside a box classed or
 * marked as the author's (a profile drop-down: the name, a photo, "View author page", a bio
 * in div.description) is the author's biography, not the article's standfirst, when it opens
 * with the author's name, as the page's metadata gives it or as the box (or the short header
 * row just before it) shows it once more ("Alexia Tsotsis currently works ..."): a box classed "author" that holds the byline and
 * the article's excerpt is the header. The header standfirst walk steps over such a box; the marked-sapo walks of
 * html_output.c end at it, as they did when they took the bio and its links refused it (a
 * block marked further on, a newsletter's "description", is not the standfirst either). */
#define BIO_NAME_WORDS 2     /* the words of the bio's opening that are the author's name */
#define BIO_ROW_MAX_TEXT 1500 /* bytes: a header row before the box, not the page's text */
#define BIO_NAME_SIBLINGS 2   /* elements before the box where its name may stand */

static int marked_lede(const xmlNode *k)
{
    return k->_private && (BTI_INFO(k)->flags & BTI_NF_LEDE);
}

/* The first BTI_NF_LEDE element under n, or NULL. */
static const xmlNode *first_marked(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !c->_private)
            continue;
        if (marked_lede(c))
            return c;
        const xmlNode *f = first_marked(c);
        if (f)
            return f;
    }
    return NULL;
}

/* Whether the opening words of `bio` (BIO_NAME_WORDS of them) occur twice in `box`: once in
 * the bio, once more as the name the box shows. */
static int opens_with_box_name(const char *bio, const char *box)
{
    size_t n = 0;
    int words = 0;
    while (bio[n] && words < BIO_NAME_WORDS) {
        if (bio[n] == ' ')
            words++;
        if (words < BIO_NAME_WORDS)
            n++;
    }
    if (words < BIO_NAME_WORDS - 1 || n < 3)
        return 0;
    char *w = strndup(bio, n);
    if (!w)
        return 0;
    const char *first = strstr(box, w);
    int twice = first && strstr(first + 1, w) != NULL;
    free(w);
    return twice;
}

int bti_html_author_box(const xmlNode *k, const bti_html_meta *m)
{
    if (!k->_private)
        return 0;
    const bti_node_info *in = BTI_INFO(k);
    if (!(in->flags & BTI_NF_BYLINE) || (in->flags & BTI_NF_LEDE) || !(in->flags & BTI_NF_BLOCK))
        return 0;
    const xmlNode *d = first_marked(k);
    if (!d)
        return 0;
    /* the name may stand just before the box (div.meta-info with the name and the date, then
     * the drop-down with the bio): the box's text and its previous siblings' */
    bti_buf b = BTI_BUF_INIT;
    int sibs = 0, oom = 0;
    for (const xmlNode *p = k->prev; p && sibs < BIO_NAME_SIBLINGS && !oom; p = p->prev) {
        if (p->type != XML_ELEMENT_NODE || !p->_private || BTI_INFO(p)->text > BIO_ROW_MAX_TEXT)
            continue;
        sibs++;
        oom = bti_html_text_append(p, &b) || bti_buf_addc(&b, ' ');
    }
    oom = oom || bti_html_text_append(k, &b) || bti_buf_addc(&b, '\0');
    char *bio = bti_html_text(d), *box = oom ? NULL : b.data;
    int yes = bio && box && opens_with_box_name(bio, box);
    for (size_t i = 0; bio && m && i < m->n_authors && !yes; i++)
        yes = m->authors[i] && *m->authors[i] && !strncmp(bio, m->authors[i], strlen(m->authors[i]));
    free(bio);
    bti_buf_free(&b);
    return yes;
}

/* A leaf block: its text is not split over block children (a <div> around one <p> is not
 * a leaf; the <p> is). */
static int leaf_block(const bti_node_info *in) { return !(in->flags & BTI_NF_BLOCK); }

static int headline_text(const char *t, const bti_html_meta *m)
{
    return (m->title && bti_html_same_text(t, m->title)) || (m->h1 && bti_html_same_text(t, m->h1));
}

/* Whether t holds the headline with a kicker around it ("Knobli, Zink und Co.Erkältet? ..."):
 * the headline block, not what stands under it. */
static int holds_headline(const char *t, const bti_html_meta *m)
{
    const char *hs[] = {m->title, m->h1};
    size_t tl = 0;
    char *ft = bti_fold_dup(t, strlen(t), &tl);
    int hit = 0;
    for (size_t i = 0; i < 2 && ft && !hit; i++) {
        if (!hs[i])
            continue;
        size_t hl = 0;
        char *fh = bti_fold_dup(hs[i], strlen(hs[i]), &hl);
        hit = fh && hl >= SF_MIN_TEXT && strstr(ft, fh) != NULL;
        free(fh);
    }
    free(ft);
    return hit;
}

int bti_standfirst_is_headline(const char *lede, const bti_html_meta *m)
{
    return lede && (headline_text(lede, m) || holds_headline(lede, m));
}

/* The next element sibling that shows text, or NULL. */
static const xmlNode *next_text_sibling(const xmlNode *k)
{
    for (const xmlNode *s = k->next; s; s = s->next)
        if (s->type == XML_ELEMENT_NODE && s->_private && !(BTI_INFO(s)->flags & BTI_NF_SKIP) &&
            BTI_INFO(s)->text)
            return s;
    return NULL;
}

static int same_attr(const xmlNode *a, const xmlNode *b, const char *name)
{
    const char *x = bti_html_peek(a, name), *y = bti_html_peek(b, name);
    return (!x && !y) || (x && y && !strcmp(x, y));
}

/* Whether s is set as k is: the same tag and class. */
static int set_alike(const xmlNode *s, const xmlNode *k)
{
    return !strcmp((const char *)s->name, (const char *)k->name) && same_attr(s, k, "class");
}

/* The first of a run of paragraphs alike (same tag and class, prose after it): the article's
 * text begins here, whatever the container walk kept, so its place alone does not make it
 * a standfirst. */
static int starts_run(const xmlNode *k)
{
    const xmlNode *s = next_text_sibling(k);
    return s && s->name && k->name && set_alike(s, k) && BTI_INFO(s)->text >= SF_MIN_TEXT;
}

/* A standfirst set as a few items (a "preamble" of short paragraphs, a bullet summary): the
 * parent that holds nothing but k and items like it, short enough for a standfirst. */
static const xmlNode *item_box(const xmlNode *k)
{
    const xmlNode *par = k->parent;
    if (!par || !par->_private || bti_html_is(par, "body") || BTI_INFO(par)->text > SF_MAX_TEXT ||
        (BTI_INFO(par)->flags & (BTI_NF_RELATED | BTI_NF_NEGATIVE)))
        return NULL;
    size_t items = 0;
    for (const xmlNode *c = par->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            for (const xmlChar *s = c->content; s && *s; s++)
                if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r')
                    return NULL;
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || !c->_private || (BTI_INFO(c)->flags & BTI_NF_SKIP) ||
            !BTI_INFO(c)->text)
            continue;
        if (!set_alike(c, k) || !leaf_block(BTI_INFO(c)))
            return NULL;
        items++;
    }
    return items >= SF_MIN_ITEMS ? par : NULL;
}


/* Whether a heading is a link to the site's home page ("<h1><a href=\"https://site/\">Site
 * name</a></h1>"): the site's name in its banner, not the article's headline, and what
 * follows it is the site's tagline. */
static int home_link(const xmlNode *k)
{
    const xmlNode *a = k;
    while (a && !bti_html_is(a, "a")) {
        const xmlNode *c = a->children;
        while (c && c->type != XML_ELEMENT_NODE)
            c = c->next;
        a = c;
    }
    const char *href = a ? bti_html_peek(a, "href") : NULL;
    if (!href)
        return 0;
    if (!strcmp(href, "/"))
        return 1;
    const char *p = NULL;
    for (const char *q = strstr(href, "://"); q; q = strstr(q + 3, "://"))
        p = q + 3; /* the last scheme: an archive's URL wraps the page's */
    if (!p)
        return 0;
    const char *path = strchr(p, '/');
    return !path || !path[1];
}

/* The headline itself: a heading or a title-classed block that says the title or the <h1>. */
static int is_headline(const xmlNode *k, const bti_node_info *in, const bti_html_meta *m)
{
    if (!(bti_html_is_heading(k) || (in->hints & BTI_H_TITLE)) || !in->text || in->text >= SF_TITLE_MAX ||
        home_link(k))
        return 0;
    char *t = bti_html_text(k);
    int hit = t && headline_text(t, m);
    free(t);
    return hit;
}

/* Whether n holds a photo, a caption or a player: a media box, not a standfirst. */
static int holds_media(const xmlNode *n)
{
    if (BTI_INFO(n)->imgs)
        return 1;
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n->children); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE || !k->_private || w.depth > SF_MEDIA_DEPTH)
            continue;
        if ((BTI_INFO(k)->flags & (BTI_NF_CAPTION | BTI_NF_IMAGEBOX)) || bti_html_is(k, "figcaption") ||
            bti_html_is(k, "iframe") || bti_html_is(k, "video") || bti_html_is(k, "time"))
            return 1;
        descend = 1;
    }
    return 0;
}


/* Whether a class or id word names a standfirst box the class hints do not know
 * ("article__preamble", "strapline"): the lexicon's STANDFIRST_CLASS list, word by word. */
static int standfirst_class(const xmlNode *k)
{
    const char *parts[2] = {bti_html_peek(k, "class"), bti_html_peek(k, "id")};
    for (int i = 0; i < 2; i++) {
        const char *p = parts[i];
        while (p && *p) {
            char w[BTI_LEX_MAX_KEY + 1];
            size_t n = 0;
            while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
                p++;
            while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
                if (n < BTI_LEX_MAX_KEY)
                    w[n] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
                n++, p++;
            }
            if (n && n <= BTI_LEX_MAX_KEY && bti_lex_has(BTI_LEX_STANDFIRST_CLASS, w, n))
                return 1;
        }
    }
    return 0;
}

/* Named a standfirst by its class: the hints' sapo words or the lexicon's. */
static int named_standfirst(const xmlNode *k)
{
    return (BTI_INFO(k)->flags & BTI_NF_LEDE) || standfirst_class(k);
}

/* Set apart by its type: a standfirst class, or a sentence's length as a heading under the
 * headline (a deck) or wholly in one bold/emphasis element (shorter, such a line is a
 * site's tagline or a label: "Anzeige, enthält Affiliate Links"). */
static int typeset_apart(const xmlNode *k, const bti_node_info *in)
{
    if (named_standfirst(k))
        return 1;
    if (in->text < SF_SENTENCE_MIN)
        return 0;
    if (bti_html_is_heading(k))
        return 1;
    const xmlNode *only = NULL;
    for (const xmlNode *c = k->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            for (const xmlChar *s = c->content; s && *s; s++)
                if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r')
                    return 0;
        } else if (c->type == XML_ELEMENT_NODE) {
            if (only)
                return 0;
            only = c;
        }
    }
    return only && (bti_html_is(only, "strong") || bti_html_is(only, "b") || bti_html_is(only, "em"));
}

/* Ends as prose does: a full stop, a question, a quotation closed. */
static int sentence_end(const char *t)
{
    size_t l = strlen(t);
    while (l && t[l - 1] == ' ')
        l--;
    if (!l)
        return 0;
    static const char *const ends[] = {".", "!", "?", "\"", "\xe2\x80\x9d" /* ” */, "\xc2\xbb" /* » */,
                                       "\xe2\x80\xa6" /* … */, ")"};
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t el = strlen(ends[i]);
        if (l >= el && !memcmp(t + l - el, ends[i], el))
            return 1;
    }
    return 0;
}

/* Whether text t says what the description says: one starts with the other (a description
 * cut short, a standfirst with a dateline added), or they share most of their words. */
int bti_standfirst_agrees(const char *t, const char *desc)
{
    if (!desc)
        return 0;
    size_t tl = 0, dl = 0;
    char *ft = bti_fold_dup(t, strlen(t), &tl);
    char *fd = bti_fold_dup(desc, strlen(desc), &dl);
    int hit = 0;
    if (ft && fd && dl >= SF_DESC_MIN) {
        while (dl && (fd[dl - 1] == '.' || fd[dl - 1] == ' '))
            fd[--dl] = '\0';
        if (dl > 3 && !strcmp(fd + dl - 3, "..."))
            fd[dl -= 3] = '\0';
        hit = (tl >= dl && strstr(ft, fd) != NULL) || (dl >= tl && tl >= SF_DESC_MIN && !strncmp(fd, ft, tl)) ||
              (bti_word_share(ft, fd, SF_WORD_MIN) >= SF_DESC_SHARE &&
               bti_word_share(fd, ft, SF_WORD_MIN) >= SF_DESC_SHARE) ||
              (dl >= SF_DESC_CUT_MIN && tl > dl &&
               bti_word_share(fd, ft, SF_WORD_MIN) >= SF_DESC_CUT_SHARE);
    }
    free(ft);
    free(fd);
    return hit;
}

/* Whether block text t is where the article's text starts (its first paragraph's words). */
static int text_starts(const char *t, const char *first)
{
    size_t fl = strlen(first), n = fl < SF_STOP_PREFIX ? fl : SF_STOP_PREFIX;
    return n && !strncmp(t, first, n);
}

/* Whether node n is k or inside it. */
static int within(const xmlNode *n, const xmlNode *k)
{
    for (; n; n = n->parent)
        if (n == k)
            return 1;
    return 0;
}

/* Whether t ends with a photo credit ("... Photo: Reuters"): a caption, whatever its class. */
static int credited(const char *t)
{
    char *cap = NULL, *credit = NULL;
    int hit = !bti_html_split_credit(t, &cap, &credit) && credit;
    free(cap);
    free(credit);
    return hit;
}

/* Whether the headline's box holds an <h1> (then that is the headline in it). */
static int holds_h1(const xmlNode *n)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n->children); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE || w.depth > SF_MEDIA_DEPTH)
            continue;
        if (bti_html_is(k, "h1"))
            return 1;
        descend = 1;
    }
    return 0;
}

/* Whether leaf block k, with text t, is the standfirst. Before the text, its place under the
 * headline may confirm it; at the text's first paragraph (at_text) only what sets it apart
 * does: a standfirst class, or the description's words or type in a block unlike the
 * paragraphs after it (a site's excerpt that took its first paragraph is still text). */
/* Pass "dated line": a short line under the headline that holds a date ("Handball Schweiz •
 * 02.02.2022", "Übersetzung veröffentlicht am 30 April 2019 13:10 GMT") is the post's source
 * and date line, whatever its class ("page-header__subtitle", "post-description") says: no
 * standfirst. A standfirst that names a date says more than this. */
#define SF_DATED_MAX 100

int bti_standfirst_dated(const char *t)
{
    bti_date d;
    size_t n = strlen(t);
    return n < SF_DATED_MAX && bti_date_find(t, n, &d);
}

static int dated_line(const char *t, const bti_node_info *in)
{
    return in->text < SF_DATED_MAX && bti_standfirst_dated(t);
}

static const xmlNode *judge(const xmlNode *k, const bti_node_info *in, const char *t,
                            const bti_html_meta *m, int at_text, int prose_before, int described_only)
{
    if (dated_line(t, in))
        return NULL;
    if (described_only) {
        const xmlNode *box = item_box(k);
        char *bt = box ? bti_html_text(box) : NULL;
        const xmlNode *hit = bt && bti_standfirst_agrees(bt, m->description) ? box
                             : !box && bti_standfirst_agrees(t, m->description) && !starts_run(k) &&
                                       !headline_text(t, m) && in->text <= SF_MAX_TEXT
                                 ? k
                                 : NULL;
        free(bt);
        return hit;
    }
    if (in->text > SF_MAX_TEXT || (double)in->link >= SF_MAX_LINK_DENSITY * (double)in->text ||
        headline_text(t, m) || holds_headline(t, m) || credited(t))
        return NULL;
    const xmlNode *box = item_box(k);
    if (box) { /* items are named as a standfirst or say what the description says */
        if (named_standfirst(box) || named_standfirst(k))
            return box;
        if (at_text)
            return NULL;
        char *bt = bti_html_text(box);
        int ok = bt && bti_standfirst_agrees(bt, m->description);
        free(bt);
        return ok ? box : NULL;
    }
    if (at_text)
        return named_standfirst(k) || ((bti_standfirst_agrees(t, m->description) || typeset_apart(k, in)) && !starts_run(k))
                   ? k
                   : NULL;
    /* after prose, a heading is a subheading of the text: only the description confirms */
    int ok = bti_standfirst_agrees(t, m->description) ||
             (!prose_before && (typeset_apart(k, in) ||
                                (in->text >= SF_SENTENCE_MIN && sentence_end(t) && !starts_run(k))));
    return ok ? k : NULL;
}

const xmlNode *bti_standfirst_find(const bti_html_ctx *ctx, const xmlNode *root, const xmlNode *stop,
                                   const char *first, const bti_html_meta *m, int described_only)
{
    if (!root || (!stop && !first))
        return NULL;
    bti_walk w;
    int descend = 0, seen = 0, blocks = 0, prose_before = 0;
    const xmlNode *group = NULL; /* the headline's box, when the walk is in it */
    int group_h1 = 0, group_passed = 0;
    const xmlNode *media_box = NULL; /* the caption-classed box the walk is in */
    const xmlNode *headline = NULL, *region = NULL; /* the headline seen; the <header> the walk is in */
    int region_heading = 0;                          /* a heading seen in that <header> */
    for (const xmlNode *k = bti_walk_first(&w, root->children); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving && k == group)
            group = NULL;
        if (w.leaving && k == media_box)
            media_box = NULL;
        if (w.leaving && k == region)
            region = NULL;
        if (w.leaving || k->type != XML_ELEMENT_NODE || !k->_private || w.depth > BTI_HTML_MAX_DEPTH)
            continue;
        int at_text = k == stop;
        if (at_text && !seen) /* the headline is spelt otherwise: judge the text's start alone */
            seen = 1;
        bti_node_info *in = BTI_INFO(k);
        /* pass "headline in a photo box": a box classed as a photo's ("ct-header-small-img")
         * that holds the headline is the page's header laid out beside its photo, not a
         * media box: the walk goes in, to the headline and the standfirst under it */
        if ((in->flags & (BTI_NF_CAPTION | BTI_NF_IMAGEBOX)) && !(in->flags & (BTI_NF_SKIP | BTI_NF_RELATED)) &&
            !seen && !at_text && !leaf_block(in) && !bti_html_is(k, "figure") &&
            !bti_html_is(k, "figcaption") && in->text >= SF_MIN_TEXT && holds_h1(k)) {
            descend = 1;
            continue;
        }
        /* a box whose class says caption or photo but that holds no photo ("content-header__
         * accreditation"): looked into, where only the description or a class confirms */
        if ((in->flags & (BTI_NF_CAPTION | BTI_NF_IMAGEBOX)) && !(in->flags & (BTI_NF_SKIP | BTI_NF_RELATED)) &&
            !media_box && !at_text && !leaf_block(in) && !in->imgs && !bti_html_is(k, "figure") &&
            !bti_html_is(k, "figcaption")) {
            media_box = k;
            descend = 1;
            continue;
        }
        if ((in->flags & (BTI_NF_SKIP | BTI_NF_RELATED | BTI_NF_CAPTION | BTI_NF_IMAGEBOX)) ||
            bti_html_furniture(ctx, in) ||
            bti_html_is(k, "head") || bti_html_is(k, "a") || bti_html_is(k, "nav") ||
            bti_html_is(k, "ul") || bti_html_is(k, "ol") || bti_html_is(k, "table") || !in->text) {
            if (at_text)
                return NULL;
            continue;
        }
        /* in the headline's box, its headings up to the headline are its lines (a kicker, the
         * headline); a heading after them is a deck */
        if (group && !group_passed && bti_html_is_heading(k)) {
            group_passed = group_h1 ? bti_html_is(k, "h1") : in->text >= SF_MIN_TEXT;
            continue;
        }
        /* an <h1> or an <hgroup> is the headline even when the page's title is worded
         * otherwise; a later one is the article's after the site's */
        /* the first heading of an article's <header> that the headline seen is not in: that
         * article's headline (the one seen was the page's, set apart from the story) */
        int region_head = region && !region_heading && bti_html_is_heading(k) && !within(headline, region) &&
                          !home_link(k);
        if (region && bti_html_is_heading(k))
            region_heading = 1;
        if (!at_text && !prose_before &&
            (region_head || is_headline(k, in, m) ||
             ((bti_html_is(k, "h1") || bti_html_is(k, "hgroup")) && in->text < SF_TITLE_MAX && !home_link(k)))) {
            seen = 1, blocks = 0, prose_before = 0, headline = k;
            if (!leaf_block(in)) /* an <hgroup> or a header box may hold the standfirst */
                descend = 1, group = k, group_passed = 0, group_h1 = holds_h1(k);
            continue;
        }
        if (bti_html_is(k, "header") && !leaf_block(in))
            region = k, region_heading = 0;
        if (!seen) {
            descend = 1;
            continue;
        }
        if (!leaf_block(in) && !at_text) {
            descend = !bti_html_author_box(k, m);
            continue;
        }
        if (++blocks > SF_MAX_BLOCKS)
            return NULL;
        if (in->text < SF_MIN_TEXT || (in->flags & BTI_NF_BYLINE) || holds_media(k)) {
            if (at_text)
                return NULL;
            continue; /* a kicker, a byline, a date line, a photo */
        }
        char *t = bti_html_text(k);
        if (!t)
            return NULL;
        at_text = at_text || (first && text_starts(t, first));
        const xmlNode *found = judge(k, in, t, m, at_text, prose_before, described_only || media_box);
        free(t);
        if (found || at_text)
            return found;
        if (in->text > SF_GAP_MAX)
            prose_before = 1;
    }
    return NULL;
}

/* ---- the publisher's mark before the sapo ------------------------------------------------ */

#define MARK_MAX_BYTES 16 /* "(TNO)", "(NLĐO)", "(CNN)": an agency's capitals, not a phrase */

/* Whether s[0..n) is an agency's capitals: two or more capital letters, no small ones, no
 * space ("TNO", "NLĐO", "PLO", "CNN"). */
static int agency_caps(const char *s, size_t n)
{
    size_t upper = 0;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (l <= 0)
            return 0;
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat == UTF8PROC_CATEGORY_LU)
            upper++;
        else if (!(cp == '.' || cp == '&' || (cp >= '0' && cp <= '9')))
            return 0;
        i += (size_t)l;
    }
    return upper >= 2;
}

size_t bti_standfirst_bare_mark(const char *name, size_t nl, const char *after)
{
    if (nl > MARK_MAX_BYTES || !agency_caps(name, nl) || *after != ' ')
        return 0;
    const char *p = after;
    while (*p == ' ')
        p++;
    utf8proc_int32_t cp;
    utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
    return l > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ? (size_t)(p - after) : 0;
}

/* ---- a standfirst set as a run of marked paragraphs -------------------------------------- */

/* "<p class=lead>" three times, a described standfirst's sentences (DESCRIBED_RUN): one
 * standfirst; more is the text */
#define RUN_MAX_ITEMS 6

/* The element after s among its siblings that has node info, across blank text and
 * comments; NULL at the end, or at text that is not blank: the run k opens ends there. The
 * walk over a block's alike next siblings of both runs below. */
static const xmlNode *next_in_run(const xmlNode *s)
{
    for (s = s->next; s; s = s->next) {
        if (s->type == XML_TEXT_NODE) {
            for (const xmlChar *c = s->content; c && *c; c++)
                if (*c != ' ' && *c != '\n' && *c != '\t' && *c != '\r')
                    return NULL;
            continue;
        }
        if (s->type == XML_ELEMENT_NODE && s->_private)
            return s;
    }
    return NULL;
}

/* Appends a space and st (freed here) to *t: 0, or BT_ENOMEM with *t freed and NULL (st
 * NULL is out of memory too). */
static int join_text(char **t, char *st)
{
    size_t tl = strlen(*t), sl = st ? strlen(st) : 0;
    char *j = st ? realloc(*t, tl + 1 + sl + 1) : NULL;
    if (!j) {
        free(st);
        free(*t);
        *t = NULL;
        return BT_ENOMEM;
    }
    j[tl] = ' ';
    memcpy(j + tl + 1, st, sl + 1);
    free(st);
    *t = j;
    return 0;
}

char *bti_standfirst_run_text(const xmlNode *k)
{
    char *t = bti_html_text(k);
    if (!t || !k->_private)
        return t;
    size_t items = 1, total = BTI_INFO(k)->text;
    for (const xmlNode *s = next_in_run(k); s && items < RUN_MAX_ITEMS; s = next_in_run(s)) {
        const bti_node_info *si = BTI_INFO(s);
        if (si->flags & BTI_NF_SKIP)
            continue;
        if (!set_alike(s, k) || !(si->flags & BTI_NF_LEDE) || !leaf_block(si) || !si->text ||
            holds_media(s) || total + si->text > SF_MAX_TEXT)
            break;
        if (join_text(&t, bti_html_text(s)))
            return NULL;
        items++, total += si->text;
    }
    return t;
}

/* s folded, runs of spaces as one, no space at either end (malloc'ed). */
static char *fold_squeezed(const char *s)
{
    size_t n = 0;
    char *f = bti_fold_dup(s, strlen(s), &n);
    if (!f)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        if (f[i] != ' ' || (o && f[o - 1] != ' '))
            f[o++] = f[i];
    while (o && f[o - 1] == ' ')
        o--;
    f[o] = '\0';
    return f;
}

char *bti_standfirst_described_run(char *t, const xmlNode *k, const char *desc)
{
    char *fd = fold_squeezed(desc), *ft = fold_squeezed(t);
    size_t at = ft ? strlen(ft) : 0;
    int ok = fd && ft && at && !strncmp(fd, ft, at), items = 1;
    free(ft);
    for (const xmlNode *s = ok && k->_private ? next_in_run(k) : NULL; s; s = next_in_run(s)) {
        const bti_node_info *si = BTI_INFO(s);
        while (fd[at] == ' ')
            at++;
        if (!fd[at] || !set_alike(s, k) || (si->flags & (BTI_NF_SKIP | BTI_NF_BLOCK)) || !si->text ||
            ++items > RUN_MAX_ITEMS)
            break;
        char *st = bti_html_text(s);
        char *fs = st ? fold_squeezed(st) : NULL;
        if (!fs) {
            free(st);
            free(t);
            t = NULL;
            break;
        }
        size_t sl = strlen(fs), rl = strlen(fd + at);
        int on = sl && !strncmp(fd + at, fs, sl < rl ? sl : rl);
        free(fs);
        if (!on) {
            free(st);
            break;
        }
        at += sl < rl ? sl : rl;
        if (join_text(&t, st))
            break;
    }
    free(fd);
    return t;
}
