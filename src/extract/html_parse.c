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

/* A copy of the page without the bodies of <script>, <style> and <svg>: most of a news
 * page's bytes, none of its text, and the slowest part of libxml2's HTML parse. */
static char *drop_raw_text(const char *in, size_t len, size_t *outlen)
{
    char *out = malloc(len + 4);
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
        const char *body, *close;
        const char *gt = NULL;
        if ((size_t)(end - lt) > 5 && strncasecmp(lt, "<meta", 5) == 0 &&
            (gt = memchr(lt, '>', (size_t)(end - lt))) != NULL) {
            /* the bytes are UTF-8 now, whatever the tag declared: hide its charset= from
             * libxml2, which would otherwise switch decoders halfway (same length, so the
             * tag is otherwise untouched) */
            size_t tl = (size_t)(gt - lt) + 1;
            memcpy(out + o, lt, tl);
            for (size_t i = 0; i + 7 <= tl; i++)
                if (strncasecmp(out + o + i, "charset", 7) == 0)
                    out[o + i + 5] = 'z';
            o += tl;
            p = gt + 1;
        } else if (raw_body(lt, end, &body, &close)) {
            memcpy(out + o, lt, (size_t)(body - lt));
            o += (size_t)(body - lt);
            p = close;
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
