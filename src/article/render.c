/* render.c: the clean article for readers (text, Markdown, HTML), from a bt_article. Only
 * what the reader needs, in reading order: title, dateline, lede, paragraphs, captions,
 * related links. */
#include "bantin/article.h"
#include "core/buf.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int format_from_name(const char *name)
{
    if (!name)
        return -1;
    if (!strcasecmp(name, "json"))
        return BT_FORMAT_JSON;
    if (!strcasecmp(name, "text") || !strcasecmp(name, "txt"))
        return BT_FORMAT_TEXT;
    if (!strcasecmp(name, "markdown") || !strcasecmp(name, "md"))
        return BT_FORMAT_MARKDOWN;
    if (!strcasecmp(name, "html"))
        return BT_FORMAT_HTML;
    return -1;
}

static int has(const char *s) { return s && s[0]; }

/* "2024-05-01T08:00:00+07:00 · Hà Linh, Minh Anh · VnExpress" (the parts that exist) */
static int dateline(bti_buf *b, const bt_article *a)
{
    int rc = 0, n = 0;
    if (has(a->published)) {
        rc |= bti_buf_adds(b, a->published);
        n++;
    }
    if (a->n_authors) {
        if (n++)
            rc |= bti_buf_adds(b, " · ");
        for (size_t i = 0; i < a->n_authors; i++) {
            if (i)
                rc |= bti_buf_adds(b, ", ");
            rc |= bti_buf_adds(b, a->authors[i]);
        }
    }
    if (has(a->source)) {
        if (n++)
            rc |= bti_buf_adds(b, " · ");
        rc |= bti_buf_adds(b, a->source);
    }
    return rc;
}

static int render_text(bti_buf *b, const bt_article *a)
{
    int rc = 0;
    rc |= bti_buf_addf(b, "%s\n", has(a->title) ? a->title : "(untitled)");
    bti_buf dl = BTI_BUF_INIT;
    rc |= dateline(&dl, a);
    if (dl.len)
        rc |= bti_buf_addf(b, "%s\n", dl.data);
    bti_buf_free(&dl);
    if (has(a->url))
        rc |= bti_buf_addf(b, "%s\n", a->url);
    if (has(a->lede))
        rc |= bti_buf_addf(b, "\n%s\n", a->lede);
    for (size_t i = 0; i < a->n_body; i++)
        rc |= bti_buf_addf(b, "\n%s\n", a->body[i]);
    for (size_t i = 0; i < a->n_images; i++) {
        const bt_image *im = &a->images[i];
        if (!has(im->caption) && !has(im->credit))
            continue;
        rc |= bti_buf_addf(b, "\n[%s%s%s%s]\n", "Image: ", im->caption ? im->caption : "",
                          has(im->credit) ? " — " : "", has(im->credit) ? im->credit : "");
    }
    if (a->n_related) {
        rc |= bti_buf_adds(b, "\nRelated:\n");
        for (size_t i = 0; i < a->n_related; i++)
            rc |= bti_buf_addf(b, "- %s%s%s%s\n", a->related[i].title,
                              has(a->related[i].url) ? " <" : "",
                              has(a->related[i].url) ? a->related[i].url : "",
                              has(a->related[i].url) ? ">" : "");
    }
    return rc;
}

/* Markdown text: inline syntax characters escaped, and what would start a block at the start
 * of a paragraph. */
static int md_text(bti_buf *b, const char *s, int para_start)
{
    int rc = 0;
    if (para_start) {
        const char *p = s;
        while (*p >= '0' && *p <= '9')
            p++;
        if (p > s && (*p == '.' || *p == ')')) {
            /* "1." would start an ordered list: "1\." */
            rc |= bti_buf_add(b, s, (size_t)(p - s));
            rc |= bti_buf_addc(b, '\\');
            rc |= bti_buf_addc(b, *p);
            s = p + 1;
        } else if (p == s && (*s == '#' || *s == '>' || *s == '-' || *s == '+' || *s == '=')) {
            rc |= bti_buf_addc(b, '\\');
        }
    }
    for (; *s; s++) {
        if (strchr("\\`*_[]<>|", *s))
            rc |= bti_buf_addc(b, '\\');
        rc |= bti_buf_addc(b, *s);
    }
    return rc;
}

/* Only web links are rendered as links: no javascript:, data: and the like. */
static int safe_url(const char *u)
{
    return has(u) && (!strncasecmp(u, "http://", 7) || !strncasecmp(u, "https://", 8));
}

static int md_url(bti_buf *b, const char *u)
{
    int rc = 0;
    for (; *u; u++) {
        if (*u == '(' || *u == ')' || *u == ' ' || *u == '<' || *u == '>')
            rc |= bti_buf_addf(b, "%%%02X", (unsigned char)*u);
        else
            rc |= bti_buf_addc(b, *u);
    }
    return rc;
}

static int render_markdown(bti_buf *b, const bt_article *a)
{
    int rc = bti_buf_adds(b, "# ");
    rc |= md_text(b, has(a->title) ? a->title : "(untitled)", 0);
    rc |= bti_buf_adds(b, "\n");
    bti_buf dl = BTI_BUF_INIT;
    rc |= dateline(&dl, a);
    if (dl.len) {
        rc |= bti_buf_adds(b, "\n*");
        rc |= md_text(b, dl.data, 0);
        rc |= bti_buf_adds(b, "*\n");
    }
    bti_buf_free(&dl);
    if (safe_url(a->url)) {
        rc |= bti_buf_adds(b, "\n<");
        rc |= md_url(b, a->url);
        rc |= bti_buf_adds(b, ">\n");
    }
    if (has(a->lede)) {
        rc |= bti_buf_adds(b, "\n**");
        rc |= md_text(b, a->lede, 0);
        rc |= bti_buf_adds(b, "**\n");
    }
    for (size_t i = 0; i < a->n_body; i++) {
        rc |= bti_buf_adds(b, "\n");
        rc |= md_text(b, a->body[i], 1);
        rc |= bti_buf_adds(b, "\n");
    }
    for (size_t i = 0; i < a->n_images; i++) {
        const bt_image *im = &a->images[i];
        rc |= bti_buf_adds(b, "\n");
        if (safe_url(im->src)) {
            rc |= bti_buf_adds(b, "![");
            rc |= md_text(b, im->caption ? im->caption : "", 0);
            rc |= bti_buf_adds(b, "](");
            rc |= md_url(b, im->src);
            rc |= bti_buf_adds(b, ")\n");
        }
        if (has(im->caption) || has(im->credit)) {
            rc |= bti_buf_adds(b, "*");
            rc |= md_text(b, im->caption ? im->caption : "", 0);
            if (has(im->credit)) {
                rc |= bti_buf_adds(b, " (");
                rc |= md_text(b, im->credit, 0);
                rc |= bti_buf_adds(b, ")");
            }
            rc |= bti_buf_adds(b, "*\n");
        }
    }
    if (a->n_related) {
        rc |= bti_buf_adds(b, "\n## Related\n\n");
        for (size_t i = 0; i < a->n_related; i++) {
            const bt_related *r = &a->related[i];
            rc |= bti_buf_adds(b, "- ");
            if (safe_url(r->url)) {
                rc |= bti_buf_adds(b, "[");
                rc |= md_text(b, r->title, 0);
                rc |= bti_buf_adds(b, "](");
                rc |= md_url(b, r->url);
                rc |= bti_buf_adds(b, ")\n");
            } else {
                rc |= md_text(b, r->title, 0);
                rc |= bti_buf_adds(b, "\n");
            }
        }
    }
    return rc;
}

static int html_text(bti_buf *b, const char *s)
{
    int rc = 0;
    for (; *s; s++) {
        switch (*s) {
        case '&': rc |= bti_buf_adds(b, "&amp;"); break;
        case '<': rc |= bti_buf_adds(b, "&lt;"); break;
        case '>': rc |= bti_buf_adds(b, "&gt;"); break;
        case '"': rc |= bti_buf_adds(b, "&quot;"); break;
        case '\'': rc |= bti_buf_adds(b, "&#39;"); break;
        default: rc |= bti_buf_addc(b, *s);
        }
    }
    return rc;
}

static int html_el(bti_buf *b, const char *open, const char *text, const char *close)
{
    int rc = bti_buf_adds(b, open);
    rc |= html_text(b, text);
    rc |= bti_buf_adds(b, close);
    return rc;
}

static int render_html(bti_buf *b, const bt_article *a)
{
    int rc = bti_buf_adds(b, "<article>\n");
    rc |= html_el(b, "<h1>", has(a->title) ? a->title : "(untitled)", "</h1>\n");
    if (has(a->published) || a->n_authors || has(a->source)) {
        rc |= bti_buf_adds(b, "<p class=\"dateline\">");
        int n = 0;
        if (has(a->published)) {
            rc |= html_el(b, "<time datetime=\"", a->published, "\">");
            rc |= html_el(b, "", a->published, "</time>");
            n++;
        }
        for (size_t i = 0; i < a->n_authors; i++) {
            rc |= bti_buf_adds(b, n++ ? (i ? ", " : " · ") : "");
            rc |= html_el(b, "<span class=\"author\">", a->authors[i], "</span>");
        }
        if (has(a->source)) {
            rc |= bti_buf_adds(b, n++ ? " · " : "");
            rc |= html_el(b, "<span class=\"source\">", a->source, "</span>");
        }
        rc |= bti_buf_adds(b, "</p>\n");
    }
    if (safe_url(a->url)) {
        rc |= html_el(b, "<p class=\"url\"><a href=\"", a->url, "\">");
        rc |= html_el(b, "", a->url, "</a></p>\n");
    }
    if (has(a->lede))
        rc |= html_el(b, "<p class=\"lede\"><strong>", a->lede, "</strong></p>\n");
    for (size_t i = 0; i < a->n_body; i++)
        rc |= html_el(b, "<p>", a->body[i], "</p>\n");
    for (size_t i = 0; i < a->n_images; i++) {
        const bt_image *im = &a->images[i];
        rc |= bti_buf_adds(b, "<figure>");
        if (safe_url(im->src)) {
            rc |= html_el(b, "<img src=\"", im->src, "\"");
            rc |= html_el(b, " alt=\"", im->caption ? im->caption : "", "\">");
        }
        if (has(im->caption) || has(im->credit)) {
            rc |= html_el(b, "<figcaption>", im->caption ? im->caption : "", "");
            if (has(im->credit))
                rc |= html_el(b, " <span class=\"credit\">", im->credit, "</span>");
            rc |= bti_buf_adds(b, "</figcaption>");
        }
        rc |= bti_buf_adds(b, "</figure>\n");
    }
    if (a->n_related) {
        rc |= bti_buf_adds(b, "<aside class=\"related\">\n<ul>\n");
        for (size_t i = 0; i < a->n_related; i++) {
            const bt_related *r = &a->related[i];
            if (safe_url(r->url)) {
                rc |= html_el(b, "<li><a href=\"", r->url, "\">");
                rc |= html_el(b, "", r->title, "</a></li>\n");
            } else {
                rc |= html_el(b, "<li>", r->title, "</li>\n");
            }
        }
        rc |= bti_buf_adds(b, "</ul>\n</aside>\n");
    }
    rc |= bti_buf_adds(b, "</article>\n");
    return rc;
}

static char *render(const bt_article *a, int format, bt_error *err)
{
    const char *origin = a && a->origin ? a->origin : "-";
    if (!a)
        return bt_error_set(err, BT_EINVAL, "render: no article"), NULL;
    if (format == BT_FORMAT_JSON) {
        char *j;
        if (bt_article_to_json(a, 0, &j, err))
            return NULL;
        size_t n = strlen(j);
        char *p = realloc(j, n + 2);
        if (!p) {
            free(j);
            return bt_error_set(err, BT_ENOMEM, "%s: out of memory", origin), NULL;
        }
        p[n] = '\n';
        p[n + 1] = '\0';
        return p;
    }
    bti_buf b = BTI_BUF_INIT;
    int rc;
    switch (format) {
    case BT_FORMAT_TEXT: rc = render_text(&b, a); break;
    case BT_FORMAT_MARKDOWN: rc = render_markdown(&b, a); break;
    case BT_FORMAT_HTML: rc = render_html(&b, a); break;
    default:
        return bt_error_set(err, BT_EINVAL, "%s: unknown output format %d", origin, format),
               NULL;
    }
    if (rc) {
        bti_buf_free(&b);
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", origin), NULL;
    }
    return bti_buf_detach(&b, NULL);
}

int bt_format_from_name(const char *name, int *format)
{
    int f = format_from_name(name);
    if (f < 0)
        return BT_EINVAL;
    *format = f;
    return 0;
}

int bt_article_render(const bt_article *a, int format, char **out, bt_error *err)
{
    bt_error local, *e = err ? err : &local; /* the code is wanted even without a report */
    bt_error_clear(e);
    *out = render(a, format, e);
    if (*out)
        return 0;
    return e->code ? e->code : bt_error_set(err, BT_ENOMEM, "out of memory");
}
