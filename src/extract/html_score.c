/* html_score.c: which element holds the article. Paragraph-like elements earn points for
 * their length and commas and hand them to their parent (in full), grandparent (half) and
 * further ancestors (less); class/id hints and the tag set each ancestor's starting score;
 * link-heavy candidates lose in proportion to their link text. The best candidate may then
 * give way to an ancestor that gathers several near-best ones, and its siblings that score
 * well (or are plain prose paragraphs) are kept beside it. This is the scheme of
 * arc90's Readability, which the best extractors still build on. Added to it, each a named
 * step below: bare text between <br>s scores as paragraphs (bare_runs), class credit is
 * earned with text (HINT_FULL_TEXT), a twin of the best block joins it (TWIN_SHARE), the
 * lenient retry is judged by the text it gathers (gathered), among several <article>s the
 * one headed by the page's title wins (own_article), a run of wrapped opening paragraphs
 * before the best block joins it (wrapped paragraph), a single block marked
 * itemprop=articleBody narrows a wider container to it (marked body), a table among the
 * text's paragraphs takes them along (table in the text), and a furniture-classed wrapper
 * around the headline and the text block sends the page to the lenient try (furniture
 * wrapper). */
#include "extract/html_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct cands {
    xmlNodePtr *v;
    size_t n, cap;
} cands;

static int push(cands *c, xmlNodePtr n)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        xmlNodePtr *v = realloc(c->v, cap * sizeof *v);
        if (!v)
            return BT_ENOMEM;
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = n;
    return 0;
}

static int tag_base(const xmlNode *n)
{
    const char *t = (const char *)n->name;
    if (!strcmp(t, "div") || !strcmp(t, "article") || !strcmp(t, "main"))
        return 5;
    if (!strcmp(t, "pre") || !strcmp(t, "td") || !strcmp(t, "blockquote"))
        return 3;
    if (!strcmp(t, "address") || !strcmp(t, "ol") || !strcmp(t, "ul") || !strcmp(t, "dl") ||
        !strcmp(t, "dd") || !strcmp(t, "dt") || !strcmp(t, "li") || !strcmp(t, "form"))
        return -3;
    if (bti_html_is_heading(n) || !strcmp(t, "th"))
        return -5;
    return 0;
}

static int init_cand(cands *c, xmlNodePtr n)
{
    bti_node_info *in = BTI_INFO(n);
    if (in->scored)
        return 0;
    in->scored = 1;
    in->score = tag_base(n) + in->weight;
    return push(c, n);
}

static int paragraph_like(const xmlNode *n, const bti_node_info *in)
{
    const char *t = (const char *)n->name;
    if (!strcmp(t, "p") || !strcmp(t, "pre") || !strcmp(t, "td") || bti_html_is_heading(n))
        return 1;
    /* a div holding text but no blocks is a paragraph in all but name */
    return !(in->flags & BTI_NF_BLOCK) &&
           (!strcmp(t, "div") || !strcmp(t, "section") || !strcmp(t, "article") ||
            !strcmp(t, "span") || !strcmp(t, "font") || !strcmp(t, "li") || !strcmp(t, "dd"));
}

/* Points of one paragraph of `text` bytes and `commas` commas, handed to `parent` (in full)
 * and its ancestors (less with each level). */
static int award(cands *c, xmlNodePtr parent, size_t text, size_t commas)
{
    double s = 1.0 + (double)commas + (double)(text / 100 < 3 ? text / 100 : 3);
    xmlNodePtr a = parent;
    for (int level = 0; level < 5 && a && a->type == XML_ELEMENT_NODE && a->_private;
         level++, a = a->parent) {
        if (bti_html_is(a, "html"))
            break;
        if (init_cand(c, a))
            return BT_ENOMEM;
        BTI_INFO(a)->score += s / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
        BTI_INFO(a)->ptext += text;
    }
    return 0;
}

/* Bare text as paragraphs: a body set as text and <br> straight inside a block that also
 * holds blocks (a photo, an ad slot, a quote) has no paragraph element to score, and was
 * worth nothing however long. Each run of text and inline markup between blocks and line
 * breaks counts as the paragraph it reads as, for the block that holds it. */
#define BARE_MIN_TEXT 25 /* as for a paragraph element: a label is not one */

static int inline_child(const xmlNode *k)
{
    static const char *const tags[] = {"a", "span", "strong", "b", "em", "i", "u", "font",
                                       "small", "sup", "sub", "time", "abbr", "cite", "q",
                                       "mark", "code", "s", "del", "ins", "ruby", "rb", "rt", "rp"};
    if (!k->_private || (BTI_INFO(k)->flags & BTI_NF_BLOCK))
        return 0;
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        if (k->name[0] == (xmlChar)tags[i][0] && !strcmp((const char *)k->name, tags[i]))
            return 1;
    return 0;
}

static int bare_runs(const bti_html_ctx *ctx, cands *c, xmlNodePtr n)
{
    size_t text = 0, link = 0, commas = 0;
    for (xmlNodePtr k = n->children;; k = k->next) {
        int end = !k;
        if (k && (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)) {
            int space = 1;
            for (const xmlChar *p = k->content; p && *p; p++) {
                int sp = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
                if (!sp || !space)
                    text++;
                commas += *p == ',';
                space = sp;
            }
        } else if (k && k->type == XML_ELEMENT_NODE) {
            const bti_node_info *ki = k->_private ? BTI_INFO(k) : NULL;
            if (ki && ((ki->flags & BTI_NF_SKIP) || bti_html_furniture(ctx, ki)))
                continue;
            if (ki && inline_child(k)) {
                text += ki->text;
                link += bti_html_is(k, "a") ? ki->text : ki->link;
                commas += ki->commas;
            } else {
                end = 1; /* a <br> or a block closes the run */
            }
        }
        if (end) {
            if (text >= BARE_MIN_TEXT && link * 2 <= text && award(c, n, text, commas))
                return BT_ENOMEM;
            text = link = commas = 0;
        }
        if (!k)
            return 0;
    }
}

static int score_walk(const bti_html_ctx *ctx, cands *c, xmlNodePtr n)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *ck = bti_walk_first(&w, n); ck; ck = bti_walk_next(&w, descend)) {
        xmlNodePtr k = (xmlNodePtr)ck; /* its ancestors become candidates */
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE || !k->_private)
            continue;
        bti_node_info *in = BTI_INFO(k);
        if ((in->flags & (BTI_NF_SKIP | BTI_NF_RELATED)) || bti_html_furniture(ctx, in))
            continue;
        /* a "paragraph" that is mostly links is a link list (tags, kudos, menus): no points */
        if (paragraph_like(k, in) && in->text >= 25 && in->link * 2 <= in->text) {
            if (award(c, k->parent, in->text, in->commas))
                return BT_ENOMEM;
            if (!(in->flags & BTI_NF_BLOCK))
                continue; /* nothing scorable inside */
        } else if ((in->flags & BTI_NF_BLOCK) && in->text >= BARE_MIN_TEXT &&
                   bare_runs(ctx, c, k)) {
            return BT_ENOMEM;
        }
        descend = 1;
    }
    return 0;
}

/* the page's frame, never the article itself */
static int outer(const xmlNode *n)
{
    return bti_html_is(n, "body") || bti_html_is(n, "html") || bti_html_is(n, "head");
}

static double link_density(const bti_node_info *in)
{
    return in->text ? (double)in->link / (double)in->text : 0.0;
}

static int contains(xmlNodePtr anc, xmlNodePtr n)
{
    for (; n; n = n->parent)
        if (n == anc)
            return 1;
    return 0;
}

static int element_children(xmlNodePtr n)
{
    int k = 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && c->_private && !(BTI_INFO(c)->flags & BTI_NF_SKIP))
            k++;
    return k;
}

static const char *cls(xmlNodePtr n)
{
    if (n->type != XML_ELEMENT_NODE) /* a short text node keeps its bytes where properties are */
        return NULL;
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (a->name && !strcmp((const char *)a->name, "class") && a->children &&
            a->children->type == XML_TEXT_NODE)
            return bti_html_attr_value(a);
    return NULL;
}

static int prose(xmlNodePtr n, bti_node_info *in)
{
    if (!bti_html_is(n, "p"))
        return 0;
    double ld = link_density(in);
    if (in->text > 80 && ld < 0.25)
        return 1;
    if (in->text < 80 && in->text > 0 && ld == 0) {
        char *t = bti_html_text(n);
        size_t l = t ? strlen(t) : 0;
        int yes = t && (strstr(t, ". ") || (l && t[l - 1] == '.'));
        free(t);
        return yes;
    }
    return 0;
}

/* Pass "wrapped paragraph": some templates wrap each paragraph of the text in a <div> of its
 * own (div.firstPar > p, div.secondPar > p ...), and an inline box between them (related
 * links) leaves the first few such wrappers as siblings of the block that scored best. A
 * sibling that only wraps one paragraph, through at most WRAPPED_P_DEPTH plain elements with
 * no text of their own, is kept when that paragraph is prose of some length, the sibling comes
 * before the best block and it is one of a run of such wrappers: a lone wrapped paragraph is
 * as often a notice (cookies, copyright, "report an error") or the standfirst, which the
 * header passes read, and a short line in a box ("Weather tomorrow: sunny.") is a widget. */
#define WRAPPED_P_DEPTH 2
#define WRAPPED_P_MIN_TEXT 80 /* bytes: Readability's bar for a bare <p> sibling */
#define WRAPPED_P_MAX_LINK 0.25

static xmlNodePtr wrapped_paragraph(xmlNodePtr s);

/* Whether element s is a wrapper of one paragraph of prose (see above). */
static int wrapped_prose(xmlNodePtr s)
{
    if (!s || !s->_private || !BTI_INFO(s)->text ||
        (BTI_INFO(s)->flags & (BTI_NF_SKIP | BTI_NF_NEGATIVE | BTI_NF_RELATED)))
        return 0;
    xmlNodePtr wp = wrapped_paragraph(s);
    return wp && BTI_INFO(wp)->text > WRAPPED_P_MIN_TEXT &&
           link_density(BTI_INFO(wp)) < WRAPPED_P_MAX_LINK;
}

/* The element sibling after s that the walks see, or NULL. */
static xmlNodePtr next_element(xmlNodePtr s)
{
    for (s = s->next; s; s = s->next)
        if (s->type == XML_ELEMENT_NODE && s->_private && !(BTI_INFO(s)->flags & BTI_NF_SKIP))
            return s;
    return NULL;
}

static xmlNodePtr wrapped_paragraph(xmlNodePtr s)
{
    for (int d = 0; d < WRAPPED_P_DEPTH; d++) {
        if (element_children(s) != 1)
            return NULL;
        xmlNodePtr c = s->children;
        while (c->type != XML_ELEMENT_NODE || !c->_private || (BTI_INFO(c)->flags & BTI_NF_SKIP))
            c = c->next;
        bti_node_info *ci = BTI_INFO(c);
        if (ci->text != BTI_INFO(s)->text || (ci->flags & (BTI_NF_NEGATIVE | BTI_NF_RELATED)))
            return NULL; /* the wrapper has text of its own, or the child is furniture */
        if (bti_html_is(c, "p"))
            return c;
        s = c;
    }
    return NULL;
}

/* Class-hint credit earned by text: a "content"/"article" class earns its weight only over
 * as much paragraph text as an article's opening holds; a hinted box around one short line
 * (a headline wrapper classed "content-h1", an info box) must not outscore the body whose
 * paragraphs spread over plainer elements. Below this many bytes of scored paragraph text,
 * the positive weight shrinks in proportion. */
#define HINT_FULL_TEXT 200

static double thin_hint_penalty(const bti_node_info *in)
{
    if (in->weight <= 0 || in->ptext >= HINT_FULL_TEXT)
        return 0;
    return (double)in->weight * (double)(HINT_FULL_TEXT - in->ptext) / HINT_FULL_TEXT;
}

/* A page built of modules cuts its article into a run of sibling blocks of one class
 * ("con": a module for each few paragraphs, each subheading, each photo), every paragraph
 * five or more levels down, where the scoring hands an ancestor little: the best block then
 * scores under the sibling floor and no sibling can reach it. Below that floor a sibling of
 * the best one's class that holds text, not links, is the article's next module. */
#define SIB_FLOOR 10          /* a sibling must score this much (or a fifth of the best) */
#define MODULE_MAX_LINK 0.25  /* a module of the text, not a list of links */

/* An <h1>: a sibling holding one is the page's header module (headline, standfirst,
 * byline), which the header passes read, not a module of the text. */
static int is_h1(const xmlNode *k)
{
    return bti_html_is(k, "h1");
}

static int module_sibling(double top_score, double same_class_bonus, const xmlNode *s,
                          const bti_node_info *si)
{
    return top_score < SIB_FLOOR && same_class_bonus > 0 && si->text > 0 &&
           link_density(si) < MODULE_MAX_LINK && !bti_html_holds(s, is_h1);
}

static xmlNodePtr find_once(bti_html_ctx *ctx);
static xmlNodePtr find_content_scored(bti_html_ctx *ctx);

#define TWIN_SHARE 0.9 /* a twin scores within a tenth of the best */
#define TWIN_LEVELS 4   /* and shares an ancestor with it a few levels up */

/* The page's own article among several: pages that load the next stories below the first
 * (endless scroll) hold one <article> each, and a longer next story can outscore the
 * page's own. The <article> whose headline (its first h1/h2) is the page's title is the
 * page's: when exactly one says so, holds text of its own and lies inside the container
 * chosen (which spans its neighbours too), the container narrows to it. */
#define OWN_ARTICLES_MAX 32     /* <article> elements looked at */
#define OWN_MIN_TEXT 500        /* an article's text, not a teaser card with the headline */
#define OWN_MAX_LINK 0.3
#define OWN_HEADING_DEPTH 8     /* the headline sits near the top of its article */
#define OWN_HEADING_MAX 400     /* a headline, not a section holding one */

static int headed_by(const xmlNode *art, const char *title)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, art->children); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE || !k->_private || w.depth > OWN_HEADING_DEPTH ||
            (BTI_INFO(k)->flags & BTI_NF_SKIP) || bti_html_is(k, "article"))
            continue;
        if (bti_html_is(k, "h1") || bti_html_is(k, "h2")) {
            if (BTI_INFO(k)->text > OWN_HEADING_MAX)
                return 0;
            char *t = bti_html_text(k);
            int same = t && bti_html_same_text(t, title);
            free(t);
            return same;
        }
        descend = 1;
    }
    return 0;
}

static xmlNodePtr own_article(const bti_html_ctx *ctx, xmlNodePtr content)
{
    if (!ctx->title || !*ctx->title || !content)
        return content;
    const xmlNode *arts[OWN_ARTICLES_MAX];
    size_t na = 0;
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, xmlDocGetRootElement(ctx->doc)); k && na < OWN_ARTICLES_MAX;
         k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE || !k->_private ||
            (BTI_INFO(k)->flags & BTI_NF_SKIP))
            continue;
        if (bti_html_is(k, "article")) {
            arts[na++] = k;
            continue; /* nested articles are comments or cards of this one */
        }
        descend = 1;
    }
    if (na < 2)
        return content;
    xmlNodePtr own = NULL;
    for (size_t i = 0; i < na; i++) {
        const bti_node_info *in = BTI_INFO(arts[i]);
        if (in->text < OWN_MIN_TEXT || link_density(in) >= OWN_MAX_LINK || !headed_by(arts[i], ctx->title))
            continue;
        if (own)
            return content; /* two say so: no telling */
        own = (xmlNodePtr)arts[i];
    }
    /* only a container that spans it and its neighbours gives way: one beside it may be the
     * page's own text split over several articles (a recipe's header and its steps) */
    if (!own || own == content || !contains(content, own))
        return content;
    return own;
}

/* Pass "marked body": a page that marks its text with schema.org microdata
 * (itemprop=articleBody) says which block is the article. When the scoring chose a wider
 * container around it (the marked block and a block of like weight beside it, a teaser or
 * an unmarked box), the container narrows to the marked block, provided there is exactly one,
 * it holds prose (enough text, few links) and not a mere fraction of the container's text. */
#define MARKED_MIN_TEXT 200   /* bytes: an article's text, not a marked summary line */
#define MARKED_MAX_LINK 0.3
#define MARKED_MIN_SHARE 0.25 /* of the container's text: a marked first paragraph alone is
                               * not the article */

static xmlNodePtr marked_body(const bti_html_ctx *ctx, xmlNodePtr content)
{
    xmlNodePtr mb = ctx->marked_body;
    if (ctx->n_marked_body != 1 || !content || !mb || !mb->_private || mb == content)
        return content;
    const bti_node_info *mi = BTI_INFO(mb), *ci = BTI_INFO(content);
    if ((mi->flags & (BTI_NF_SKIP | BTI_NF_NEGATIVE | BTI_NF_RELATED)) ||
        mi->text < MARKED_MIN_TEXT || link_density(mi) >= MARKED_MAX_LINK ||
        (double)mi->text < MARKED_MIN_SHARE * (double)ci->text || !contains(content, mb))
        return content;
    return mb;
}

xmlNodePtr bti_html_find_content(bti_html_ctx *ctx)
{
    xmlNodePtr c = find_content_scored(ctx);
    return marked_body(ctx, own_article(ctx, c));
}

/* The paragraph text a container gathers: its own, or that of its kept children when it was
 * returned for them, or that of its only child when it was climbed to from it (its own count
 * stops five levels above each paragraph, and such a container may sit higher). */
static size_t gathered(xmlNodePtr c)
{
    while (c && c->_private) {
        size_t kept = 0;
        xmlNodePtr only = NULL;
        int n = 0;
        for (xmlNodePtr k = c->children; k; k = k->next) {
            if (k->type != XML_ELEMENT_NODE || !k->_private || (BTI_INFO(k)->flags & BTI_NF_SKIP))
                continue;
            n++;
            only = k;
            if (BTI_INFO(k)->flags & BTI_NF_KEEP)
                kept += BTI_INFO(k)->ptext;
        }
        size_t own = BTI_INFO(c)->ptext > kept ? BTI_INFO(c)->ptext : kept;
        if (own || n != 1)
            return own;
        c = only;
    }
    return 0;
}

/* Pass "furniture wrapper": a layout wrapper whose class names a place of the page
 * ("above-footer", "sidebar-grid") around the whole article hides it from the strict try,
 * which then answers with whatever prose lies outside: on thepointsguy.com a two-paragraph
 * advertiser disclosure (640 bytes, enough to pass as an article) instead of the ten
 * paragraphs inside div.above-footer. Such a wrapper is marked BTI_NF_TEXT_BOX (it holds the
 * block classed as the article's text as most of its text: html_node.c) and holds the
 * page's headline (an <h1>); when one holds more than WRAPPED_TEXT_SHARE times the text the
 * strict answer gathered, the lenient try is made as for an answer of too little text, and
 * it is kept only when it gathers more. Without the headline, such a box is a part of the
 * page beside the article (a gallery's captions list, classed "legends", on The
 * Independent), and the strict answer stands. */
#define WRAPPED_TEXT_SHARE 2

static int text_box_hidden(const bti_html_ctx *ctx, size_t got)
{
    int any = 0;
    for (size_t i = 0; i < ctx->n_info && !any; i++) {
        unsigned fl = ctx->info[i].flags;
        any = (fl & (BTI_NF_NEGATIVE | BTI_NF_TEXT_BOX | BTI_NF_SKIP)) ==
                  (BTI_NF_NEGATIVE | BTI_NF_TEXT_BOX) &&
              ctx->info[i].text > WRAPPED_TEXT_SHARE * got;
    }
    if (!any)
        return 0; /* the usual case: no walk */
    const xmlNode *open = NULL; /* the outermost such wrapper the walk is in */
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, xmlDocGetRootElement(ctx->doc)); k;
         k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving) {
            if (k == open)
                open = NULL;
            continue;
        }
        if (k->type != XML_ELEMENT_NODE || !k->_private)
            continue;
        const bti_node_info *in = BTI_INFO(k);
        if (in->flags & BTI_NF_SKIP)
            continue;
        if (!open && (in->flags & (BTI_NF_NEGATIVE | BTI_NF_TEXT_BOX)) ==
                         (BTI_NF_NEGATIVE | BTI_NF_TEXT_BOX) &&
            in->text > WRAPPED_TEXT_SHARE * got)
            open = k;
        if (open && bti_html_is(k, "h1"))
            return 1;
        descend = 1;
    }
    return 0;
}

static xmlNodePtr find_content_scored(bti_html_ctx *ctx)
{
    /* First with every furniture-classed block left out, as it should be; when that leaves
     * too little text (a layout wrapper classed "sidebar-right-layout"), or a furniture
     * wrapper holds the article's text block (pass "furniture wrapper"), again with only the
     * small ones left out. */
    ctx->lenient = 0;
    xmlNodePtr top = find_once(ctx);
    size_t got = gathered(top);
    if ((got >= 500 || got * 4 >= ctx->total_text) && !text_box_hidden(ctx, got))
        return top;
    for (size_t i = 0; i < ctx->n_info; i++) {
        ctx->info[i].score = 0;
        ctx->info[i].scored = 0;
        ctx->info[i].ptext = 0;
        ctx->info[i].flags &= ~(unsigned)BTI_NF_KEEP;
    }
    ctx->lenient = 1;
    xmlNodePtr again = find_once(ctx);
    size_t more = gathered(again);
    if (more > got)
        return again;
    for (size_t i = 0; i < ctx->n_info; i++) { /* back to the first answer */
        ctx->info[i].flags &= ~(unsigned)BTI_NF_KEEP;
        ctx->info[i].score = 0;
        ctx->info[i].scored = 0;
        ctx->info[i].ptext = 0;
    }
    ctx->lenient = 0;
    return find_once(ctx);
}

/* Pass "table in the text": a table inside the article (its list of signatories, a
 * results table, a timeline) can outscore the paragraphs around it, its cells holding more
 * text and commas than any one paragraph, and the best candidate is then a row of it, which
 * the climb does not leave (the table's own score is a sixth of its row's): harpers.org's
 * open letter came out as its 150 names without the letter. When the best candidate is a
 * table or a part of one, and the table stands among at least TABLE_PROSE_PARAS paragraphs of
 * prose of TABLE_PROSE_TEXT bytes together, the table is the candidate, and those
 * paragraphs are kept beside it as the best block's prose siblings are. A layout table
 * holding the whole article has no such paragraphs beside it. */
#define TABLE_PROSE_PARAS 2
#define TABLE_PROSE_TEXT 400
#define TABLE_PART_LEVELS 3 /* td/th are scored as paragraphs: tr, tbody, table */

static xmlNodePtr table_in_text(xmlNodePtr top)
{
    xmlNodePtr t = top;
    for (int up = 0; t && up < TABLE_PART_LEVELS && !bti_html_is(t, "table"); up++) {
        if (!bti_html_is(t, "tr") && !bti_html_is(t, "tbody") && !bti_html_is(t, "thead") &&
            !bti_html_is(t, "tfoot"))
            return NULL;
        t = t->parent;
    }
    if (!t || !bti_html_is(t, "table") || !t->parent || outer(t->parent))
        return NULL;
    size_t paras = 0, text = 0;
    for (xmlNodePtr s = t->parent->children; s; s = s->next) {
        if (s->type != XML_ELEMENT_NODE || !s->_private ||
            (BTI_INFO(s)->flags & (BTI_NF_SKIP | BTI_NF_NEGATIVE | BTI_NF_RELATED)))
            continue;
        if (prose(s, BTI_INFO(s))) {
            paras++;
            text += BTI_INFO(s)->text;
        }
    }
    return paras >= TABLE_PROSE_PARAS && text >= TABLE_PROSE_TEXT ? t : NULL;
}

static xmlNodePtr find_once(bti_html_ctx *ctx)
{
    xmlNodePtr root = xmlDocGetRootElement(ctx->doc);
    xmlNodePtr body = NULL;
    for (xmlNodePtr k = root ? root->children : NULL; k; k = k->next)
        if (bti_html_is(k, "body"))
            body = k;
    if (!body)
        body = root;
    cands c = {0};
    /* from the root: tag soup can leave the text under <head> or a second <body> */
    if (score_walk(ctx, &c, root)) {
        free(c.v);
        return NULL;
    }
    xmlNodePtr best[5] = {0};
    for (size_t i = 0; i < c.n; i++) {
        bti_node_info *in = BTI_INFO(c.v[i]);
        in->score = (in->score - thin_hint_penalty(in)) * (1.0 - link_density(in));
        for (int j = 0; j < 5; j++) {
            if (!best[j] || in->score > BTI_INFO(best[j])->score) {
                memmove(best + j + 1, best + j, (size_t)(4 - j) * sizeof best[0]);
                best[j] = c.v[i];
                break;
            }
        }
    }
    free(c.v);
    xmlNodePtr top = best[0];
    if (!top || bti_html_is(top, "body") || bti_html_is(top, "head")) {
        if (body && body->_private && BTI_INFO(body)->text > 0)
            return body;
        return NULL;
    }
    bti_node_info *ti = BTI_INFO(top);
    /* several near-best candidates under one ancestor: the article is that ancestor */
    int alts = 0;
    for (int j = 1; j < 5; j++)
        if (best[j] && BTI_INFO(best[j])->score >= 0.75 * ti->score)
            alts++;
    if (alts >= 3) {
        for (xmlNodePtr p = top->parent; p && !outer(p) && p->_private; p = p->parent) {
            int in = 0;
            for (int j = 1; j < 5; j++)
                if (best[j] && BTI_INFO(best[j])->score >= 0.75 * ti->score && contains(p, best[j]))
                    in++;
            if (in >= 3) {
                top = p;
                break;
            }
        }
    }
    /* a twin: a block apart from the best that scores as well is the other half of a text
     * cut in two (a "read more" expander, an ad slot between two bodies of one class); the
     * article is their common ancestor when it is near */
    if (top == best[0]) {
        for (int j = 1; j < 5; j++) {
            xmlNodePtr t = best[j];
            if (!t || BTI_INFO(t)->score < TWIN_SHARE * ti->score || contains(t, top) ||
                contains(top, t))
                continue;
            xmlNodePtr p = top->parent;
            for (int up = 1; p && up <= TWIN_LEVELS && !outer(p) && p->_private; up++, p = p->parent)
                if (contains(p, t))
                    break;
            if (p && !outer(p) && p->_private && contains(p, t))
                top = p;
            break;
        }
    }
    /* climb while the parent scores better (a container split into sub-blocks) */
    double last = BTI_INFO(top)->score, threshold = last / 3.0;
    for (xmlNodePtr p = top->parent; p && !outer(p) && p->_private; p = p->parent) {
        bti_node_info *pi = BTI_INFO(p);
        if (!pi->scored)
            continue;
        if (pi->score < threshold)
            break;
        if (pi->score > last) {
            top = p;
            break;
        }
        last = pi->score;
    }
    while (top->parent && !outer(top->parent) && top->parent->_private &&
           element_children(top->parent) == 1)
        top = top->parent;
    xmlNodePtr table = table_in_text(top);
    if (table)
        top = table;
    /* siblings that belong to the article */
    xmlNodePtr parent = top->parent;
    if (!parent || !parent->_private)
        return top;
    double ts = BTI_INFO(top)->score;
    double sib_threshold = ts * 0.2 > SIB_FLOOR ? ts * 0.2 : SIB_FLOOR;
    const char *tc = cls(top);
    int kept = 0, seen_top = 0, prev_wrapped = 0;
    for (xmlNodePtr s = parent->children; s; s = s->next) {
        if (s->type != XML_ELEMENT_NODE || !s->_private)
            continue;
        bti_node_info *si = BTI_INFO(s);
        if (s == top) {
            si->flags |= BTI_NF_KEEP;
            seen_top = 1;
            continue;
        }
        if (si->flags & (BTI_NF_SKIP | BTI_NF_NEGATIVE | BTI_NF_RELATED)) {
            prev_wrapped &= (si->flags & BTI_NF_SKIP) != 0; /* furniture ends a run */
            continue;
        }
        double bonus = 0;
        const char *sc = cls(s);
        if (tc && sc && *tc && !strcmp(tc, sc))
            bonus = ts * 0.2;
        /* a header block beside the text keeps its hint credit here: it belongs with it */
        double ss = si->scored ? si->score + thin_hint_penalty(si) * (1.0 - link_density(si)) : 0;
        /* paragraphs nested deeper than the five scored levels leave a sibling unscored:
         * judge it by its prose then */
        int deep_prose = !si->scored && si->text >= 500 && si->paras >= 2 &&
                         link_density(si) < 0.25;
        /* a run of wrapped paragraphs before the best block: the previous one was one, or
         * the next one is */
        int wrapped = !seen_top && wrapped_prose(s);
        int in_run = wrapped && (prev_wrapped || wrapped_prose(next_element(s)));
        prev_wrapped = wrapped;
        if ((si->text > 0 && ss + bonus >= sib_threshold) || prose(s, si) || deep_prose ||
            module_sibling(ts, bonus, s, si) || in_run) {
            si->flags |= BTI_NF_KEEP;
            kept++;
        }
    }
    return kept ? parent : top;
}
