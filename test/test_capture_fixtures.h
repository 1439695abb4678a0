/* test_capture_fixtures.h: inputs the capture and CLI tests build themselves: gzip members
 * (zlib), HTTP responses, WARC records, and a reader run collected into an array.
 * Header-only (static functions) because each test binary links only support.c. */
#ifndef BT_TEST_CAPTURE_FIXTURES_H
#define BT_TEST_CAPTURE_FIXTURES_H

#include "support.h"

#include "bantin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct fx_buf {
    char *p;
    size_t n, cap;
} fx_buf;

static inline void fx_add(fx_buf *b, const void *d, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        assert_non_null(b->p);
    }
    memcpy(b->p + b->n, d, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static inline void fx_adds(fx_buf *b, const char *s) { fx_add(b, s, strlen(s)); }

/* One gzip member holding `n` bytes. */
static inline void fx_gzip(fx_buf *out, const void *d, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
                     Z_OK);
    size_t bound = deflateBound(&z, (uLong)n) + 64;
    unsigned char *tmp = malloc(bound);
    assert_non_null(tmp);
    z.next_in = (unsigned char *)(uintptr_t)d;
    z.avail_in = (uInt)n;
    z.next_out = tmp;
    z.avail_out = (uInt)bound;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    fx_add(out, tmp, bound - z.avail_out);
    deflateEnd(&z);
    free(tmp);
}

/* An HTTP response; `body_len` bytes of body, sent as is (the caller encodes). */
static inline void fx_http(fx_buf *out, int status, const char *ctype, const char *extra_headers,
                    const char *body, size_t body_len)
{
    char head[512];
    snprintf(head, sizeof head, "HTTP/1.1 %d X\r\n%s%s%s%sServer: t\r\n\r\n", status,
             ctype ? "Content-Type: " : "", ctype ? ctype : "", ctype ? "\r\n" : "",
             extra_headers ? extra_headers : "");
    fx_adds(out, head);
    fx_add(out, body, body_len);
}

/* A WARC record with a block of `n` bytes; `len_field` overrides Content-Length when set. */
static inline void fx_warc(fx_buf *out, const char *type, const char *uri, const char *block, size_t n,
                    const char *len_field)
{
    char head[1024], len[32];
    snprintf(len, sizeof len, "%zu", n);
    snprintf(head, sizeof head,
             "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:x>\r\n%s%s%s"
             "WARC-Date: 2024-05-01T08:00:00Z\r\nContent-Type: application/http; "
             "msgtype=%s\r\nContent-Length: %s\r\n\r\n",
             type, uri ? "WARC-Target-URI: " : "", uri ? uri : "", uri ? "\r\n" : "", type,
             len_field ? len_field : len);
    fx_adds(out, head);
    fx_add(out, block, n);
    fx_adds(out, "\r\n\r\n");
}

/* A response record for an HTTP 200 page. */
static inline void fx_warc_page(fx_buf *out, const char *uri, const char *ctype, const char *body)
{
    fx_buf h = {0};
    fx_http(&h, 200, ctype, NULL, body, strlen(body));
    fx_warc(out, "response", uri, h.p, h.n, NULL);
    free(h.p);
}

/* What one bt_reader_next call gave. */
typedef struct fx_item {
    int rc;
    char *data, *url, *origin, *charset, *fetched_at, *where, *msg;
    size_t len;
    bt_kind kind;
} fx_item;

typedef struct fx_run {
    fx_item it[64];
    size_t n;
    bt_reader_stats st;
} fx_run;

static inline char *fx_dup(const char *s) { return s ? strdup(s) : NULL; }

static inline void fx_collect(bt_reader *r, fx_run *run)
{
    memset(run, 0, sizeof *run);
    const bt_capture *cp;
    bt_error err;
    int rc;
    while ((rc = bt_reader_next(r, &cp, &err)) < 0 || cp) {
        assert_true(run->n < 64);
        fx_item *it = &run->it[run->n++];
        it->rc = rc < 0 ? rc : 1; /* 1: a capture */
        if (rc < 0) {
            assert_null(cp);
            it->msg = strdup(err.msg);
            continue;
        }
        const bt_capture c = *cp;
        it->data = malloc(c.len + 1);
        memcpy(it->data, c.data, c.len);
        it->data[c.len] = '\0';
        it->len = c.len;
        it->url = fx_dup(c.url);
        it->origin = fx_dup(c.origin);
        it->charset = fx_dup(c.charset);
        it->fetched_at = fx_dup(c.fetched_at);
        it->where = fx_dup(c.where);
        it->kind = c.kind;
    }
    run->st.size = sizeof run->st;
    assert_int_equal(bt_reader_stats_get(r, &run->st), 0);
}

static inline void fx_run_free(fx_run *run)
{
    for (size_t i = 0; i < run->n; i++) {
        fx_item *it = &run->it[i];
        free(it->data);
        free(it->url);
        free(it->origin);
        free(it->charset);
        free(it->fetched_at);
        free(it->where);
        free(it->msg);
    }
}

/* Reads `len` bytes in memory (limit 0: the default) into `run`. */
static inline void fx_read_mem(const void *d, size_t len, size_t limit, fx_run *run)
{
    bt_reader *r;
    bt_error err;
    assert_int_equal(bt_reader_open_mem(d, len, "mem", 0, &r, &err), 0);
    if (limit)
        bt_reader_set_limit(r, limit);
    fx_collect(r, run);
    bt_reader_close(r);
}

#endif
