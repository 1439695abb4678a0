/* reply.c: sending a reply: the headers every reply carries (a Content-Security-Policy that
 * allows nothing inline or foreign, nosniff, no referrer), validation by ETag (304 on
 * If-None-Match) and gzip when the client takes it; and the JSON error replies, written by
 * the library's bt_error_to_json (the same bytes the CLI prints). */
#include "server.h"
#include "params.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* the page's own files only: no inline script or style, no other origin, no frames */
static const char csp[] = "default-src 'none'; script-src 'self'; style-src 'self'; "
                          "img-src 'self'; connect-src 'self'; base-uri 'none'; "
                          "form-action 'self'; frame-ancestors 'none'";

int serve_error(struct reply *r, int status, int code, const char *fmt, ...)
{
    bt_error e;
    va_list ap;
    va_start(ap, fmt);
    e.code = code;
    vsnprintf(e.msg, sizeof e.msg, fmt, ap);
    va_end(ap);
    char *json = NULL;
    r->status = status;
    r->type = "application/json";
    if (bt_error_to_json(&e, NULL, NULL, &json)) {
        static const char oom[] = "{\"error\":{\"code\":\"ENOMEM\",\"message\":\"out of memory\","
                                  "\"file\":null,\"record\":null}}";
        r->body = (char *)oom;
        r->len = sizeof oom - 1;
        r->borrowed = 1;
        return -1;
    }
    r->body = json;
    r->len = strlen(json);
    r->borrowed = 0;
    return 0;
}

/* FNV-1a, 64 bits: an ETag needs only to change when the bytes do */
static unsigned long long fnv1a(const char *p, size_t n)
{
    unsigned long long h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* gzip of `in` into a new buffer, or NULL (then the reply goes uncompressed) */
static char *gzip(const char *in, size_t n, size_t *out_len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return NULL;
    uLong cap = deflateBound(&z, (uLong)n);
    char *out = malloc(cap);
    if (!out) {
        deflateEnd(&z);
        return NULL;
    }
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    *out_len = z.total_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END) {
        free(out);
        return NULL;
    }
    return out;
}

enum MHD_Result serve_send(struct MHD_Connection *c, struct req *rq, struct reply *r)
{
    if (!r->type)
        r->type = "application/json";
    char etag[40];
    const char *ae = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                 MHD_HTTP_HEADER_ACCEPT_ENCODING);
    int gz = r->len >= SERVE_GZIP_MIN && serve_list_has(ae, "gzip");
    /* the gzipped bytes are another representation: another (strong) tag */
    snprintf(etag, sizeof etag, "\"%016llx%s\"", fnv1a(r->body, r->len), gz ? "-gz" : "");
    const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                  MHD_HTTP_HEADER_IF_NONE_MATCH);
    int ok = r->status == MHD_HTTP_OK;
    struct MHD_Response *resp;
    int status = r->status;
    if (ok && inm && (serve_list_has(inm, etag) || serve_list_has(inm, "*"))) {
        status = MHD_HTTP_NOT_MODIFIED;
        resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
        if (!r->borrowed)
            free(r->body);
    } else {
        char *z = NULL;
        size_t zlen = 0;
        if (gz && (z = gzip(r->body, r->len, &zlen)) != NULL) {
            if (!r->borrowed)
                free(r->body);
            r->body = z;
            r->len = zlen;
            r->borrowed = 0;
        } else
            gz = 0;
        resp = MHD_create_response_from_buffer(r->len, r->body,
                                               r->borrowed ? MHD_RESPMEM_PERSISTENT
                                                           : MHD_RESPMEM_MUST_FREE);
        if (!resp && !r->borrowed)
            free(r->body);
        if (resp && gz)
            MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
        rq->bytes = r->len;
    }
    r->body = NULL;
    if (!resp)
        return MHD_NO;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->type);
    MHD_add_response_header(resp, "Content-Security-Policy", csp);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
    if (ok) {
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
        /* kept, but asked again each time: a store changes under the same URL */
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
    } else
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (r->allow)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow);
    if (r->retry_after) {
        char secs[16];
        snprintf(secs, sizeof secs, "%d", r->retry_after);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, secs);
    }
    rq->status = status;
    enum MHD_Result res = MHD_queue_response(c, (unsigned)status, resp);
    MHD_destroy_response(resp);
    return res;
}
