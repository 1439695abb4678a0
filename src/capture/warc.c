/* warc.c: the WARC 1.0/1.1 reader: record by record through the bounded stream, keeping
 * `response` records with HTTP 200 HTML, skipping and counting the others, and resynchronising
 * on the next "WARC/1." line after a malformed or truncated record. */
#include "capture/reader_internal.h"

#include <stdlib.h>
#include <string.h>

#define MAX_HEAD_LINE 65536
#define MAX_HEAD (1u << 20)

typedef struct warc_head {
    char type[32];
    int have_len;
    int bad_len;
    unsigned long long len;
    char len_text[32];
} warc_head;

static int rec_error(bt_reader *r, bt_error *err, int code, unsigned long long off,
                     const char *what)
{
    return bt_error_set(err, code, "%s: record at offset %llu: %s", r->path, off, what);
}

static int is_warc_line(const char *p, size_t n) { return n >= 7 && !memcmp(p, "WARC/1.", 7); }

/* Skips to the next line that starts a record and leaves it unread. */
static void resync(bt_reader *r)
{
    for (;;) {
        int too_long;
        bt_error e;
        long long n = bti_stream_getline(&r->s, &r->line, 16, &too_long, &e);
        if (n == 0)
            return;
        if (n < 0)
            continue; /* a gzip fault: the stream has moved to the next member */
        if (is_warc_line(r->line.data, r->line.len) && !too_long) {
            bti_stream_unread(&r->s, r->line.data, r->line.len);
            return;
        }
        if (is_warc_line(r->line.data, r->line.len)) {
            /* a long line starting "WARC/1.": unlikely a record; go on */
            continue;
        }
    }
}

static void trim(const char **v, size_t *n)
{
    while (*n && (**v == ' ' || **v == '\t')) {
        (*v)++;
        (*n)--;
    }
    while (*n && ((*v)[*n - 1] == ' ' || (*v)[*n - 1] == '\t' || (*v)[*n - 1] == '\r' ||
                  (*v)[*n - 1] == '\n'))
        (*n)--;
}

static int name_is(const char *p, size_t n, const char *name)
{
    return strlen(name) == n && strncasecmp(p, name, n) == 0;
}

/* Reads the header lines after the version line. 0, or negative with `what` set (1 when the
 * input ended inside the head). */
static int read_head(bt_reader *r, warc_head *h, const char **what, bt_error *e)
{
    memset(h, 0, sizeof *h);
    size_t total = 0;
    for (;;) {
        int too_long;
        long long n = bti_stream_getline(&r->s, &r->line, MAX_HEAD_LINE, &too_long, e);
        if (n < 0) {
            *what = e->msg;
            return (int)n;
        }
        if (n == 0) {
            *what = "truncated: the input ends inside the record's header";
            return BT_EPARSE;
        }
        total += (size_t)n;
        if (too_long || total > MAX_HEAD) {
            *what = "header too long";
            return BT_ELIMIT;
        }
        const char *p = r->line.data;
        size_t len = r->line.len;
        trim(&p, &len);
        if (len == 0)
            return 0;
        const char *colon = memchr(p, ':', len);
        if (!colon)
            continue; /* tolerated: a line without a field name */
        size_t nl = (size_t)(colon - p);
        const char *v = colon + 1;
        size_t vl = len - nl - 1;
        trim(&v, &vl);
        if (name_is(p, nl, "WARC-Type")) {
            snprintf(h->type, sizeof h->type, "%.*s", (int)(vl < 31 ? vl : 31), v);
        } else if (name_is(p, nl, "Content-Length")) {
            h->have_len = 1;
            snprintf(h->len_text, sizeof h->len_text, "%.*s", (int)(vl < 31 ? vl : 31), v);
            unsigned long long x = 0;
            int ok = vl > 0 && vl <= 19;
            for (size_t i = 0; ok && i < vl; i++) {
                if (v[i] < '0' || v[i] > '9')
                    ok = 0;
                else
                    x = x * 10 + (unsigned)(v[i] - '0');
            }
            h->bad_len = !ok;
            h->len = x;
        } else if (name_is(p, nl, "WARC-Target-URI")) {
            if (vl >= 2 && v[0] == '<' && v[vl - 1] == '>') {
                v++;
                vl -= 2;
            }
            if (bti_reader_setstr(&r->url, v, vl))
                return BT_ENOMEM;
        } else if (name_is(p, nl, "WARC-Date")) {
            if (bti_reader_setstr(&r->fetched_at, v, vl))
                return BT_ENOMEM;
        }
    }
}

/* After the block: CRLF CRLF (or what is left of it at the very end). 1 when it is there. */
static int check_trailer(bt_reader *r)
{
    bt_error e;
    long long got = bti_stream_fill(&r->s, 4, &e);
    if (got < 0)
        return 0;
    const char *p = bti_stream_peek(&r->s);
    size_t a = (size_t)got;
    size_t i = 0;
    int nls = 0;
    while (i < a && nls < 2) {
        if (p[i] == '\r' && i + 1 < a && p[i + 1] == '\n')
            i += 2;
        else if (p[i] == '\n')
            i++;
        else
            break;
        nls++;
    }
    if (nls == 2 || (i == a && bti_stream_fill(&r->s, 5, &e) == (long long)a)) {
        bti_stream_consume(&r->s, i);
        return 1;
    }
    return 0;
}

/* The block's length was wrong: if the block swallowed the start of the next record, put it
 * back; otherwise skip ahead to the next record. */
static void resync_from_block(bt_reader *r)
{
    const char *d = r->rec.data;
    size_t n = r->rec.len;
    for (size_t i = 1; i + 7 <= n; i++) {
        if (d[i - 1] == '\n' && d[i] == 'W' && is_warc_line(d + i, n - i)) {
            bti_stream_unread(&r->s, d + i, n - i);
            return;
        }
    }
    resync(r);
}

/* Turns the HTTP response in r->rec into the capture, or says why it is skipped (returns 0
 * with *skip set) or bad. */
static int take_response(bt_reader *r, unsigned long long off, bt_capture *cap, int *skip,
                         bt_error *err)
{
    bti_http h;
    const char *why = NULL;
    *skip = 0;
    if (bti_http_parse(r->rec.data, r->rec.len, &h, &why))
        return rec_error(r, err, BT_EPARSE, off, why);
    if (h.status != 200) {
        r->stats.skipped_status++;
        *skip = 1;
        return 0;
    }
    const char *body = r->rec.data + h.body_off;
    size_t blen = r->rec.len - h.body_off;
    int html = 0;
    if (h.ctype) {
        html = bti_ctype_is_html(h.ctype, h.ctype_len);
        if (!html) {
            r->stats.skipped_media++;
            *skip = 1;
            return 0;
        }
    }
    if (h.tenc && h.tenc_len >= 7 && strncasecmp(h.tenc, "chunked", 7) == 0) {
        bti_buf_reset(&r->body);
        int rc = bti_http_dechunk(body, blen, &r->body, r->max_record, &why);
        if (rc == BT_ELIMIT || rc == BT_ENOMEM)
            return rec_error(r, err, rc, off, "chunked body over the size limit");
        if (rc && r->body.len == 0) {
            char m[128];
            snprintf(m, sizeof m, "bad chunked body: %s", why);
            return rec_error(r, err, rc, off, m);
        }
        /* a body cut short (WARC-Truncated) still holds the page's start: keep it */
        bti_buf tmp = r->rec;
        r->rec = r->body;
        r->body = tmp;
        body = r->rec.data;
        blen = r->rec.len;
    }
    if (h.cenc && h.cenc_len && !name_is(h.cenc, h.cenc_len, "identity")) {
        if (name_is(h.cenc, h.cenc_len, "gzip") || name_is(h.cenc, h.cenc_len, "x-gzip") ||
            name_is(h.cenc, h.cenc_len, "deflate")) {
            bti_buf_reset(&r->body);
            int rc = bti_http_inflate(body, blen, &r->body, r->max_record, &why);
            /* a body cut short by the crawler (WARC-Truncated) still holds the page's
             * start, which is worth extracting */
            if (rc == BT_EPARSE && r->body.len > 0 && !strcmp(why, BTI_HTTP_TRUNCATED))
                rc = 0;
            if (rc) {
                char m[160];
                snprintf(m, sizeof m, "Content-Encoding %.*s: %s", (int)h.cenc_len, h.cenc,
                         rc == BT_ELIMIT ? "decoded body over the size limit" : why);
                return rec_error(r, err, rc, off, m);
            }
            body = r->body.data;
            blen = r->body.len;
        } else {
            char m[128];
            snprintf(m, sizeof m, "Content-Encoding %.*s is not supported",
                     (int)(h.cenc_len < 40 ? h.cenc_len : 40), h.cenc);
            return rec_error(r, err, BT_EUNSUPPORTED, off, m);
        }
    }
    if (!h.ctype) {
        /* no media type: take it only when the body evidently starts with markup */
        size_t i = 0;
        while (i < blen && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' ||
                            body[i] == '\n'))
            i++;
        if (i >= blen || body[i] != '<') {
            r->stats.skipped_media++;
            *skip = 1;
            return 0;
        }
    }
    if (blen == 0)
        return rec_error(r, err, BT_EPARSE, off, "empty HTTP body");
    char cs[64];
    int have_cs = h.ctype && bti_ctype_charset(h.ctype, h.ctype_len, cs, sizeof cs);
    if (bti_reader_setstr(&r->charset, have_cs ? cs : NULL, have_cs ? strlen(cs) : 0))
        return rec_error(r, err, BT_ENOMEM, off, "out of memory");
    memset(cap, 0, sizeof *cap);
    cap->data = body;
    cap->len = blen;
    cap->url = r->url && r->url[0] ? r->url : NULL;
    cap->origin = cap->url ? cap->url : r->path;
    cap->fetched_at = r->fetched_at;
    cap->charset = r->charset;
    cap->kind = html ? BT_KIND_HTML : BT_KIND_UNKNOWN;
    snprintf(r->where, sizeof r->where, "%s: record at offset %llu", r->path, off);
    cap->where = r->where;
    return 1;
}

int bti_reader_warc_next(bt_reader *r, bt_capture *cap, bt_error *err)
{
    for (;;) {
        bt_error e;
        int too_long;
        unsigned long long off = r->s.off;
        long long n = bti_stream_getline(&r->s, &r->line, 64, &too_long, &e);
        if (n < 0) {
            resync(r);
            return rec_error(r, err, (int)n, off, e.msg);
        }
        if (n == 0)
            return 0;
        const char *p = r->line.data;
        size_t len = r->line.len;
        trim(&p, &len);
        if (len == 0)
            continue; /* extra blank lines between records */
        if (!is_warc_line(p, len) || too_long) {
            char m[160];
            snprintf(m, sizeof m, "expected a \"WARC/1.x\" line, found \"%.*s\"",
                     (int)(len < 40 ? len : 40), p);
            for (char *c = m; *c; c++)
                if ((unsigned char)*c < 0x20)
                    *c = '?';
            resync(r);
            return rec_error(r, err, BT_EPARSE, off, m);
        }
        free(r->url);
        r->url = NULL;
        free(r->fetched_at);
        r->fetched_at = NULL;
        warc_head h;
        const char *what = NULL;
        int rc = read_head(r, &h, &what, &e);
        if (rc) {
            if (rc == BT_ENOMEM)
                return rec_error(r, err, rc, off, "out of memory");
            resync(r);
            return rec_error(r, err, rc, off, what);
        }
        if (!h.have_len || h.bad_len) {
            char m[96];
            if (!h.have_len)
                snprintf(m, sizeof m, "no Content-Length");
            else
                snprintf(m, sizeof m, "bad Content-Length \"%s\"", h.len_text);
            resync(r);
            return rec_error(r, err, BT_EPARSE, off, m);
        }
        int is_response = strcmp(h.type, "response") == 0;
        if (h.len > r->max_record) {
            long long got = bti_stream_skip(&r->s, h.len, &e);
            char m[200];
            if (got >= 0 && (unsigned long long)got == h.len)
                check_trailer(r);
            else
                resync(r);
            if (!is_response) {
                r->stats.skipped_type++;
                r->stats.skipped++;
                continue;
            }
            char lim[32];
            snprintf(m, sizeof m, "%.100s: block of %llu bytes, over the %s limit",
                     r->url ? r->url : "response", h.len, bti_limit_text(r->max_record, lim));
            return rec_error(r, err, BT_ELIMIT, off, m);
        }
        bti_buf_reset(&r->rec);
        long long got = bti_stream_read(&r->s, &r->rec, (size_t)h.len, &e);
        if (got < 0) {
            resync(r);
            return rec_error(r, err, (int)got, off, e.msg);
        }
        if ((unsigned long long)got < h.len) {
            char m[160];
            snprintf(m, sizeof m, "truncated: Content-Length is %llu but only %lld bytes "
                     "follow", h.len, got);
            resync_from_block(r);
            return rec_error(r, err, BT_EPARSE, off, m);
        }
        if (!check_trailer(r)) {
            char m[160];
            snprintf(m, sizeof m, "the block is not followed by an empty line: wrong "
                     "Content-Length (%llu)?", h.len);
            resync_from_block(r);
            return rec_error(r, err, BT_EPARSE, off, m);
        }
        if (!is_response) {
            r->stats.skipped_type++;
            r->stats.skipped++;
            continue;
        }
        int skip;
        rc = take_response(r, off, cap, &skip, err);
        if (skip) {
            r->stats.skipped++;
            continue;
        }
        return rc;
    }
}
