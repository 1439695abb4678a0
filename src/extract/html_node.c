/* html_node.c: what we know of each element before choosing the article: how much visible
 * text and link text it holds, whether it is furniture (hidden, script, nav, "share" boxes),
 * and what its class/id hint at (content, sapo, caption, related, byline). Also the small
 * text and URL helpers the other html_*.c files share.
 *
 * Walks are recursive but stop at BT_HTML_MAX_DEPTH, so a page of 100,000 nested tags costs
 * no stack: what lies deeper has no bt_node_info and is treated as absent. */
#include "extract/html_internal.h"

#include "bantin/text.h"

#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int bt_html_is(const xmlNode *n, const char *tag)
{
    return n && n->type == XML_ELEMENT_NODE && n->name &&
           strcasecmp((const char *)n->name, tag) == 0;
}

int bt_html_is_heading(const xmlNode *n)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    const char *t = (const char *)n->name;
    return (t[0] == 'h' || t[0] == 'H') && t[1] >= '1' && t[1] <= '6' && t[2] == '\0';
}

char *bt_html_attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = strdup((const char *)v);
    xmlFree(v);
    return s;
}

/* Borrowed attribute value (no copy): libxml2 keeps attribute text as one child node when
 * it has no entity references, which is nearly always the case in HTML. */
static const char *attr_peek(const xmlNode *n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (a->name && strcasecmp((const char *)a->name, name) == 0)
            return a->children && a->children->type == XML_TEXT_NODE && !a->children->next
                       ? (const char *)a->children->content
                       : "";
    return NULL;
}

static int contains_ci(const char *hay, const char *needle, size_t nlen)
{
    for (const char *p = hay; *p; p++) {
        size_t i = 0;
        while (i < nlen && p[i]) {
            char c = p[i];
            if (c >= 'A' && c <= 'Z')
                c = (char)(c + 32);
            if (c != needle[i])
                break;
            i++;
        }
        if (i == nlen)
            return 1;
    }
    return 0;
}

static int words_match(const char *s, const char *words)
{
    if (!s || !*s)
        return 0;
    const char *w = words;
    while (*w) {
        const char *bar = strchr(w, '|');
        size_t n = bar ? (size_t)(bar - w) : strlen(w);
        if (n && contains_ci(s, w, n))
            return 1;
        w += n + (bar ? 1 : 0);
    }
    return 0;
}

int bt_html_hint(const xmlNode *n, const char *words)
{
    return words_match(attr_peek(n, "class"), words) || words_match(attr_peek(n, "id"), words);
}

/* Class/id words, lowercase substrings. Built from what news sites (Vietnamese and others)
 * and the readability family use. */
static const char POSITIVE[] =
    "article|body|content|entry|hentry|main|post|text|blog|story|detail|singular|noidung|"
    "chitiet|chi-tiet|fck|cms";
static const char NEGATIVE[] =
    "comment|share|sharing|social|footer|sidebar|side-bar|breadcrumb|banner|advert|ads-|"
    "-ads|adsbygoogle|sponsor|promo|newsletter|subscribe|popup|modal|widget|masthead|menu|"
    "navbar|navigation|pagination|pager|rating|reaction|toolbar|tags|tag-list|keyword|"
    "outbrain|taboola|recommend|most-read|mostread|trending|footnote|login|signup|cookie|"
    "gdpr|disqus|skyscraper|shoutbox|bottom-bar|author-box|box-author";
static const char RELATED[] =
    "related|relate|lienquan|lien-quan|lien_quan|tinlienquan|xemthem|xem-them|readmore|"
    "read-more|more-stories|also-read|docthem|doc-them";
static const char LEDE[] =
    "sapo|lede|standfirst|summary|excerpt|chapeau|teaser|intro|dek|description|desc|abstract|"
    "subtitle|sub-title|lead";
static const char BYLINE[] = "author|byline|writer|reporter|tacgia|tac-gia|creator";
static const char CAPTION[] = "caption|credit|image-desc|img-desc|photo-desc|imgdesc";
static const char IMAGEBOX[] =
    "image|photo|figure|picture|img|media|caption|vcsortableinpreviewmode|tplcaption";

static int skip_tag(const char *t)
{
    static const char *const tags[] = {
        "script", "style", "noscript", "template", "svg",    "math",  "object",
        "embed",  "canvas", "button",  "input",    "select", "option", "textarea", "nav",
        "link",   "meta",   "title",    "dialog", "video", "audio",  "map",
        "source", "track",  "label",   "fieldset", "menu",   "base"};
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        if (strcasecmp(t, tags[i]) == 0)
            return 1;
    return 0;
}

static int block_tag(const char *t)
{
    static const char *const tags[] = {
        "p",     "div",    "section", "article", "ul",   "ol",    "li",     "table",
        "tbody", "thead",  "tr",      "td",      "th",   "h1",    "h2",     "h3",
        "h4",    "h5",     "h6",      "blockquote", "pre", "figure", "figcaption", "dl",
        "dd",    "dt",     "header",  "footer",  "aside", "main",  "address", "hr",
        "form",  "center", "details", "summary", "caption"};
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        if (strcasecmp(t, tags[i]) == 0)
            return 1;
    return 0;
}

static int hidden(const xmlNode *n)
{
    if (attr_peek(n, "hidden"))
        return 1;
    const char *aria = attr_peek(n, "aria-hidden");
    if (aria && strcasecmp(aria, "true") == 0 && !bt_html_is(n, "figure"))
        return 1;
    const char *st = attr_peek(n, "style");
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

static size_t count_elements(const xmlNode *n, int depth)
{
    size_t c = 0;
    for (const xmlNode *k = n; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        c++;
        if (depth < BT_HTML_MAX_DEPTH)
            c += count_elements(k->children, depth + 1);
    }
    return c;
}

/* Length of text with white space runs counted once, and its commas. */
static void text_stats(const char *s, size_t *len, size_t *commas)
{
    int space = 1;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
            if (!space)
                (*len)++;
            space = 1;
            continue;
        }
        space = 0;
        (*len)++;
        if (*p == ',')
            (*commas)++;
    }
}

static void annotate(bt_html_ctx *ctx, xmlNode *n, int depth, size_t *next)
{
    for (xmlNode *k = n; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        bt_node_info *in = &ctx->info[(*next)++];
        memset(in, 0, sizeof *in);
        k->_private = in;
        const char *t = (const char *)k->name;
        /* an <iframe> holds no markup in a browser; when libxml2 nests elements in one
         * (an unclosed <iframe> in <head>), they are the page itself */
        int frame = t && strcasecmp(t, "iframe") == 0;
        /* script, style, iframe and the like hold no elements in a browser: elements under
         * one are the page, misnested by the parser, not the tag's own content */
        int misnested = t && (frame || skip_tag(t)) && has_element_child(k) &&
                        !bt_html_is(k, "nav") && !bt_html_is(k, "svg") && !bt_html_is(k, "math") &&
                        !bt_html_is(k, "select") && !bt_html_is(k, "object") &&
                        !bt_html_is(k, "video") && !bt_html_is(k, "audio") &&
                        !bt_html_is(k, "map") && !bt_html_is(k, "dialog") && !bt_html_is(k, "fieldset") &&
                        !bt_html_is(k, "label") && !bt_html_is(k, "button") && !bt_html_is(k, "menu");
        if (!t || (!misnested && (skip_tag(t) || frame)) || hidden(k)) {
            in->flags |= BT_NF_SKIP;
        } else {
            int pos = bt_html_hint(k, POSITIVE), neg = bt_html_hint(k, NEGATIVE);
            in->weight = (pos ? 25 : 0) - (neg ? 25 : 0);
            if (bt_html_is(k, "footer") || bt_html_is(k, "aside"))
                in->weight -= 25;
            /* the page frame's classes describe the page's state ("modal-open"), not text */
            int frame_el = !strcasecmp(t, "html") || !strcasecmp(t, "body") ||
                           !strcasecmp(t, "main") || !strcasecmp(t, "form");
            if (neg && !pos && !frame_el)
                in->flags |= BT_NF_NEGATIVE;
            if (bt_html_is(k, "footer") || bt_html_is(k, "aside"))
                in->flags |= BT_NF_NEGATIVE;
            if (bt_html_hint(k, RELATED))
                in->flags |= BT_NF_RELATED;
            if (bt_html_hint(k, LEDE))
                in->flags |= BT_NF_LEDE;
            const char *ip = attr_peek(k, "itemprop"), *rel = attr_peek(k, "rel");
            if (bt_html_hint(k, BYLINE) || (ip && words_match(ip, "author")) ||
                (rel && words_match(rel, "author")))
                in->flags |= BT_NF_BYLINE;
            if (bt_html_hint(k, CAPTION) || bt_html_is(k, "figcaption"))
                in->flags |= BT_NF_CAPTION;
            if (bt_html_hint(k, IMAGEBOX) || bt_html_is(k, "figure"))
                in->flags |= BT_NF_IMAGEBOX;
        }
        if (bt_html_is(k, "img"))
            in->imgs = 1;
        if (depth >= BT_HTML_MAX_DEPTH) {
            in->flags |= BT_NF_DEEP | BT_NF_SKIP;
            continue;
        }
        annotate(ctx, k->children, depth + 1, next);
        if (in->flags & BT_NF_SKIP)
            continue;
        int is_a = bt_html_is(k, "a");
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
                bt_node_info *ci = BT_INFO(c);
                if (ci->flags & BT_NF_SKIP)
                    continue;
                in->text += ci->text;
                in->link += is_a ? ci->text : ci->link;
                in->commas += ci->commas;
                in->paras += ci->paras + (bt_html_is(c, "p") ? 1 : 0);
                in->imgs += ci->imgs;
                if (block_tag((const char *)c->name))
                    in->flags |= BT_NF_BLOCK;
            }
        }
    }
}

int bt_html_annotate(bt_html_ctx *ctx)
{
    xmlNode *root = xmlDocGetRootElement(ctx->doc);
    size_t n = count_elements(root, 0);
    ctx->info = calloc(n ? n : 1, sizeof *ctx->info);
    if (!ctx->info)
        return BT_ENOMEM;
    ctx->n_info = n;
    size_t next = 0;
    annotate(ctx, root, 0, &next);
    ctx->total_text = root && root->_private ? BT_INFO(root)->text : 0;
    /* Elements below the depth limit were counted but never reached: their _private stays
     * NULL and every walk treats them as absent. */
    return 0;
}

int bt_html_furniture(const bt_html_ctx *ctx, const bt_node_info *in)
{
    return (in->flags & BT_NF_NEGATIVE) && in->text * 3 < ctx->total_text + 3000;
}

static int text_rec(const xmlNode *n, bt_buf *b, int depth)
{
    for (const xmlNode *k = n; k; k = k->next) {
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
            if (k->content && bt_buf_adds(b, (const char *)k->content))
                return BT_ENOMEM;
        } else if (k->type == XML_ELEMENT_NODE) {
            if (!k->_private || (BT_INFO(k)->flags & BT_NF_SKIP) || depth > BT_HTML_MAX_DEPTH)
                continue;
            if (bt_html_is(k, "br") || block_tag((const char *)k->name)) {
                if (bt_buf_addc(b, ' '))
                    return BT_ENOMEM;
            }
            if (text_rec(k->children, b, depth + 1))
                return BT_ENOMEM;
            if (block_tag((const char *)k->name) && bt_buf_addc(b, ' '))
                return BT_ENOMEM;
        }
    }
    return 0;
}

int bt_html_text_append(const xmlNode *n, bt_buf *b, int depth)
{
    return text_rec(n->children, b, depth);
}

char *bt_html_clean(const char *s, size_t len)
{
    return bt_normalize(s ? s : "", s ? len : 0, BT_NORM_SPACE, NULL);
}

char *bt_html_text(const xmlNode *n)
{
    bt_buf b = BT_BUF_INIT;
    if (text_rec(n->children, &b, 0)) {
        bt_buf_free(&b);
        return NULL;
    }
    char *out = bt_html_clean(b.data, b.len);
    bt_buf_free(&b);
    return out;
}

char *bt_html_resolve(const char *base, const char *href)
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
    char *f = bt_fold_dup(s, strlen(s), &n);
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

int bt_html_same_text(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    char *ka = key(a), *kb = key(b);
    int same = ka && kb && *ka && strcmp(ka, kb) == 0;
    free(ka);
    free(kb);
    return same;
}
