/* html_extract.c: bti_extract_html, the article of an HTML capture: bytes to UTF-8, a libxml2
 * tree, the page's metadata, the content container, then the record's fields. Pure: every
 * allocation belongs to this call and the tree is freed before returning. */
#include "extract/extract_internal.h"
#include "extract/html_internal.h"
#include "extract/kind.h"

#include "bantin/text.h"

#include <stdlib.h>
#include <string.h>

/* "(Dân trí) - Đi ngược…" / "VOV.VN - Sáng nay…" / "TTO - …": the publisher's mark before
 * the sapo. Returns the length of the prefix to cut (0 when none) and the source in *src. */
static size_t source_prefix(const char *t, int vi, char **src)
{
    *src = NULL;
    const char *name = NULL, *p;
    size_t nl = 0;
    if (t[0] == '(') {
        const char *close = strchr(t, ')');
        if (!close || close - t > 42 || close - t < 3 || memchr(t + 1, '(', (size_t)(close - t - 1)))
            return 0;
        name = t + 1;
        nl = (size_t)(close - t - 1);
        p = close + 1;
    } else {
        /* bare marks are a Vietnamese habit; elsewhere "LONDON —" is a dateline */
        if (!vi)
            return 0;
        size_t n = strcspn(t, " ");
        if (n < 2 || n > 20)
            return 0;
        int upper = 0, lowercase = 0, dot = 0;
        for (size_t i = 0; i < n; i++) {
            char c = t[i];
            if (c >= 'A' && c <= 'Z')
                upper++;
            else if (c >= 'a' && c <= 'z')
                lowercase++;
            else if (c == '.')
                dot++;
        }
        /* "TTO", "VOV.VN", "Zing.vn": capitals, or a domain */
        if (upper < 2 || (lowercase > 0 && !dot))
            return 0;
        name = t;
        nl = n;
        p = t + n;
    }
    while (*p == ' ')
        p++;
    size_t dash = 0;
    if (*p == '-' || *p == ':')
        dash = 1;
    else if (!strncmp(p, "–", 3) || !strncmp(p, "—", 3))
        dash = 3;
    else if (t[0] == '(' && bti_standfirst_bare_mark(name, nl, name + nl + 1))
        dash = 0; /* "(TNO) Sáng nay": the mark alone, no dash */
    else
        return 0;
    p += dash;
    while (*p == ' ')
        p++;
    if (!*p)
        return 0;
    *src = bti_html_clean(name, nl);
    if (*src && !**src) {
        free(*src);
        *src = NULL;
        return 0;
    }
    return (size_t)(p - t);
}

/* A video player: <video>, or an <iframe> of a video host or player ("youtube.com/embed",
 * "player.vimeo.com", a portal's "/video/" player page); one inside the article's container
 * makes the page a video's. */
static int is_player(const xmlNode *k)
{
    static const char *const hosts[] = {"youtube", "youtu.be", "vimeo", "dailymotion",
                                        "player", "/video", "video."};
    if (bti_html_is(k, "video"))
        return 1;
    const char *src = bti_html_is(k, "iframe") ? bti_html_peek(k, "src") : NULL;
    for (size_t i = 0; src && i < sizeof hosts / sizeof hosts[0]; i++)
        if (strstr(src, hosts[i]))
            return 1;
    return 0;
}

static int binary(const char *d, size_t len)
{
    size_t n = len < 4096 ? len : 4096, nul = 0, ctl = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (c == 0)
            nul++;
        else if (c < 9 || (c > 13 && c < 32 && c != 27))
            ctl++;
    }
    return (nul || ctl * 20 > n);
}

int bti_extract_html(const bt_capture *cap, const bt_extract_opts *opts, bt_article *a,
                    bt_error *warning, bt_error *err)
{
    (void)opts;
    const char *origin = cap->origin ? cap->origin : "-";
    if (cap->len > BTI_HTML_MAX_BYTES)
        return bt_error_set(err, BT_ELIMIT, "%s: page is %zu MB, over the %u MB limit for HTML",
                            origin, cap->len >> 20, BTI_HTML_MAX_BYTES >> 20);
    int utf16 = cap->len >= 2 && (((unsigned char)cap->data[0] == 0xFF && (unsigned char)cap->data[1] == 0xFE) ||
                                  ((unsigned char)cap->data[0] == 0xFE && (unsigned char)cap->data[1] == 0xFF));
    if (!utf16 && binary(cap->data, cap->len))
        return bt_error_set(err, BT_EPARSE, "%s: binary data, not an HTML page", origin);
    char *conv = NULL;
    size_t clen = 0;
    int rc = bti_html_to_utf8(cap->data, cap->len, cap->charset, &conv, &clen, origin, err);
    if (rc)
        return rc;
    const char *html = conv ? conv : cap->data;
    size_t hlen = conv ? clen : cap->len;
    bti_html_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    rc = bti_html_parse(html, hlen, origin, &ctx.doc, err);
    if (rc) {
        free(conv);
        return rc;
    }
    bti_html_meta m;
    memset(&m, 0, sizeof m);
    char *src = NULL;
    if ((rc = bti_html_annotate(&ctx)) != 0) {
        rc = bt_error_set(err, rc, "%s: out of memory", origin);
        goto done;
    }
    if ((rc = bti_html_meta_read(&ctx, cap, &m, err)) != 0)
        goto done;
    ctx.base = cap->url ? cap->url : m.url;
    for (size_t i = 0; i < m.n_authors; i++)
        if (bt_article_add_author(a, m.authors[i]))
            goto oom;
    ctx.title = m.title ? m.title : m.h1;
    xmlNodePtr content = bti_html_find_content(&ctx);
    if (content && (rc = bti_html_output(&ctx, content, &m, a)) != 0) {
        rc = bt_error_set(err, rc, "%s: out of memory", origin);
        goto done;
    }
    /* after pass 9: a framework's page whose text is in its scripts' state */
    if ((rc = bti_html_script_body(&ctx, &m, html, hlen, a)) != 0) {
        rc = bt_error_set(err, rc, "%s: out of memory", origin);
        goto done;
    }
    if (!a->n_body && !a->lede) {
        rc = bt_error_set(err, BT_ENOARTICLE, "%s: no article text found in the HTML%s", origin,
                          ctx.deep_text ? " (what lies deeper than " BTI_HTML_MAX_DEPTH_STR
                                          " nested elements is not read)"
                                        : "");
        goto done;
    }
    if (bti_html_most_read(&ctx, a))
        goto oom;
    /* SIGNING_PUBLISHER: no person signs anywhere on the page (metadata, byline, closing
     * line), but the article's JSON-LD names its publisher as the author ("BBC News",
     * "kicker"): that is the byline the page gives. A site-wide <meta name=author> naming
     * the site is a template's, not the article's statement, and is not read so. */
    /* REL_AUTHOR (html_meta.c): a person's <a rel=author> link signs before the publisher */
    for (size_t i = 0, none = !a->n_authors; none && i < m.n_rel_authors; i++)
        if (bt_article_add_author(a, m.rel_authors[i]))
            goto oom;
    for (size_t i = 0; !a->n_authors && i < m.n_org_authors; i++)
        if (bt_article_add_author(a, m.org_authors[i]))
            goto oom;
    bti_kind_signals ks = {m.title ? m.title : m.h1, m.og_type, m.ld_type, m.ld_other,
                           content && bti_html_holds(content, is_player), a->lede ? strlen(a->lede) : 0,
                           a->n_images};
    for (size_t i = 0; i < a->n_body; i++)
        ks.text_bytes += strlen(a->body[i]);
    if (bti_kind_set(a, &ks))
        goto oom;
    /* the publisher's mark before the sapo names the source and is not part of the text */
    char **first = a->lede ? &a->lede : &a->body[0];
    size_t cut = source_prefix(*first, ctx.lang_vi || bti_body_is_vietnamese(a), &src);
    if (cut) {
        size_t rest = strlen(*first + cut);
        memmove(*first, *first + cut, rest + 1);
    }
    const char *title = m.title ? m.title : m.h1;
    if (title && bt_article_set(&a->title, title, strlen(title)))
        goto oom;
    if (m.url && bt_article_set(&a->url, m.url, strlen(m.url)))
        goto oom;
    if (m.published && bt_article_set(&a->published, m.published, strlen(m.published)))
        goto oom;
    char vis[64];
    char *vhost = m.published ? NULL : bti_html_host(m.url ? m.url : cap->url);
    int seen_vis = !m.published && bti_html_visible_date(&ctx, m.lang, vhost, vis);
    free(vhost);
    if (seen_vis && bt_article_set(&a->published, vis, strlen(vis)))
        goto oom;
    if (m.site_name) {
        /* "Báo điện tử Dân Trí" names itself "Dân Trí": the word for newspaper is not the name */
        static const char *const generic[] = {"Báo điện tử ", "Báo ", "Trang tin điện tử ",
                                              "Tạp chí điện tử "};
        const char *s = m.site_name;
        for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++) {
            size_t gl = strlen(generic[i]);
            if (!strncmp(s, generic[i], gl) && strlen(s) > gl + 2) {
                s += gl;
                break;
            }
        }
        /* the site's full name wins over an abbreviated mark ("TTO", "NLĐO"); a mark that
         * spells the name ("(Dân trí)") keeps the lede's spelling */
        if (src && !strchr(src, ' ') && !bti_html_same_text(src, s)) {
            free(src);
            src = NULL;
        }
        if (!src)
            src = strdup(s);
    }
    if (!src)
        src = bti_html_host(m.url ? m.url : cap->url);
    if (src && bt_article_set(&a->source, src, strlen(src)))
        goto oom;
    const char *lang = bti_lang_checked(m.lang, a);
    if (lang && bt_article_set(&a->lang, lang, strlen(lang)))
        goto oom;
    if (ctx.deep_text && warning)
        bt_error_set(warning, BT_ELIMIT,
                     "%s: content nested deeper than %d elements was left out (%zu characters "
                     "of text)", origin, BTI_HTML_MAX_DEPTH, ctx.deep_text);
    rc = 0;
    goto done;
oom:
    rc = bt_error_set(err, BT_ENOMEM, "%s: out of memory", origin);
done:
    free(conv);
    free(src);
    bti_html_meta_free(&m);
    free(ctx.info);
    bti_html_doc_free(ctx.doc);
    return rc;
}
