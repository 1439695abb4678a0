/* html_parse.c: UTF-8 HTML to a libxml2 tree, with no network access and bounded input.
 *
 * libxml2 wants xmlInitParser() called once before threads parse concurrently; we call it
 * through pthread_once so that any thread may be the first to extract. Parse errors are not
 * reported: real pages are tag soup and HTML_PARSE_RECOVER builds the tree browsers would. */
#include "extract/html_internal.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_libxml(void)
{
    xmlInitParser();
}

/* Where the element opened at p ("<script", "<style", "<svg": code, rules and drawings, never
 * article text) ends its open tag and its body; 0 when p does not open one we drop. JSON-LD
 * scripts are kept: they are metadata. */
static size_t raw_body(const char *p, const char *end, const char **body, const char **close)
{
    static const char *const tags[] = {"script", "style", "svg"};
    if (end - p < 2 || (p[1] | 0x20) != 's') /* all three start with s: most tags need no compare */
        return 0;
    for (size_t t = 0; t < 3; t++) {
        size_t tl = strlen(tags[t]);
        if ((size_t)(end - p) < tl + 2 || strncasecmp(p + 1, tags[t], tl) != 0)
            continue;
        char after = p[1 + tl];
        if (after != '>' && after != ' ' && after != '\t' && after != '\n' && after != '\r' &&
            after != '/')
            continue;
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt)
            return 0;
        size_t otl = (size_t)(gt - p);
        if (t == 0) {
            for (const char *q = p; q + 7 <= gt; q++)
                if (strncasecmp(q, "ld+json", 7) == 0)
                    return 0;
        }
        /* the body ends at the first "</script" / "</style", as in a browser */
        for (const char *q = gt + 1; q + tl + 2 <= end; q++) {
            q = memchr(q, '<', (size_t)(end - q));
            if (!q || q + tl + 2 > end)
                return 0;
            if (q[1] == '/' && strncasecmp(q + 2, tags[t], tl) == 0) {
                *body = gt + 1;
                *close = q;
                return otl + 1;
            }
        }
        return 0;
    }
    return 0;
}

/* Attributes the extractor reads; the others (data-reactid, onclick, srcset, width, ...) are
 * most of a modern page's markup and would cost libxml2 an allocation each. */
static int kept_attr(const char *n, size_t l)
{
    static const char *const keep[] = {
        "class", "id", "style", "hidden", "aria-hidden", "href", "src", "data-src",
        "data-original", "data-lazy-src", "itemprop", "content", "name", "property", "rel",
        "type", "datetime", "lang", "xml:lang", "http-equiv", "charset", "align"};
    char c = (char)(n[0] | 0x20);
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
        if (keep[i][0] == c && strlen(keep[i]) == l && strncasecmp(n, keep[i], l) == 0)
            return 1;
    return 0;
}

static int space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Copies the start tag at lt with only the kept attributes to out + *o. Returns where the
 * input continues, or NULL (nothing written) when the tag is not plain enough to rewrite. */
static const char *slim_tag(const char *lt, const char *end, char *out, size_t *o)
{
    const char *p = lt + 1;
    size_t w = *o;
    if (p >= end || !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return NULL;
    while (p < end && !space(*p) && *p != '>' && *p != '/')
        p++;
    if (p >= end)
        return NULL;
    size_t nl = (size_t)(p - lt);
    memcpy(out + w, lt, nl);
    w += nl;
    int meta = nl == 5 && strncasecmp(lt + 1, "meta", 4) == 0;
    size_t tag_start = *o;
    for (;;) {
        while (p < end && (space(*p) || *p == '/'))
            p++;
        if (p >= end)
            return NULL;
        if (*p == '>') {
            if (p[-1] == '/')
                out[w++] = '/';
            out[w++] = '>';
            p++;
            break;
        }
        const char *name = p;
        while (p < end && !space(*p) && *p != '=' && *p != '>' && *p != '/' && *p != '<' &&
               *p != '"' && *p != '\'')
            p++;
        if (p == name || p >= end)
            return NULL;
        size_t len = (size_t)(p - name);
        const char *vend = p;
        const char *q = p;
        while (q < end && space(*q))
            q++;
        if (q < end && *q == '=') {
            q++;
            while (q < end && space(*q))
                q++;
            if (q >= end)
                return NULL;
            if (*q == '"' || *q == '\'') {
                const char *close = memchr(q + 1, *q, (size_t)(end - q - 1));
                if (!close)
                    return NULL;
                q = close + 1;
            } else {
                while (q < end && !space(*q) && *q != '>')
                    q++;
            }
            vend = q;
            p = q;
        }
        if (kept_attr(name, len)) {
            out[w++] = ' ';
            memcpy(out + w, name, (size_t)(vend - name));
            w += (size_t)(vend - name);
        }
    }
    if (meta) /* the bytes are UTF-8 now, whatever the tag declared: hide its charset= from
               * libxml2, which would otherwise switch decoders halfway */
        for (size_t i = tag_start; i + 7 <= w; i++)
            if (strncasecmp(out + i, "charset", 7) == 0)
                out[i + 5] = 'z';
    *o = w;
    return p;
}

/* A copy of the page without the bodies of <script>, <style> and <svg> and without the
 * attributes nobody reads: most of a news page's bytes, none of its text, and the slowest
 * part of libxml2's HTML parse. */
static char *drop_raw_text(const char *in, size_t len, size_t *outlen)
{
    /* a kept attribute written with no space before it gains one: never more than doubles */
    char *out = len < ((size_t)-1 - 16) / 2 ? malloc(2 * len + 16) : NULL;
    if (!out)
        return NULL;
    const char *p = in, *end = in + len;
    /* A UTF-8 BOM tells libxml2 the encoding without a converter pass (naming "UTF-8" in
     * htmlReadMemory copies every byte through one). */
    memcpy(out, "\xEF\xBB\xBF", 3);
    size_t o = 3;
    if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) {
            memcpy(out + o, p, (size_t)(end - p));
            o += (size_t)(end - p);
            break;
        }
        memcpy(out + o, p, (size_t)(lt - p));
        o += (size_t)(lt - p);
        const char *body, *close, *next;
        if (raw_body(lt, end, &body, &close)) {
            size_t o0 = o;
            next = slim_tag(lt, end, out, &o);
            if (!next || next != body) { /* keep the open tag as written */
                o = o0;
                memcpy(out + o, lt, (size_t)(body - lt));
                o += (size_t)(body - lt);
            }
            p = close;
        } else if ((next = slim_tag(lt, end, out, &o)) != NULL) {
            p = next;
        } else {
            out[o++] = '<';
            p = lt + 1;
        }
    }
    out[o] = '\0';
    *outlen = o;
    return out;
}

int bt_html_parse(const char *utf8, size_t len, const char *origin, xmlDocPtr *out,
                  bt_error *err)
{
    *out = NULL;
    if (len > BT_HTML_MAX_BYTES)
        return bt_error_set(err, BT_ELIMIT, "%s: page is %zu MB, over the %u MB limit for HTML",
                            origin, len >> 20, BT_HTML_MAX_BYTES >> 20);
    pthread_once(&init_once, init_libxml);
    int opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_RECOVER | HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS;
    size_t slen;
    char *slim = drop_raw_text(utf8, len, &slen);
    if (!slim)
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", origin);
    xmlDocPtr doc = htmlReadMemory(slim, (int)slen, NULL, NULL, opts);
    free(slim);
    if (!doc || !xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        return bt_error_set(err, BT_ENOARTICLE, "%s: no HTML document could be parsed", origin);
    }
    *out = doc;
    return 0;
}
