/* http.c: the HTTP response inside a WARC record (status line, the headers a capture needs,
 * chunked transfer coding, gzip/deflate content coding) and Content-Type parameters. */
#include "capture/reader_internal.h"

#include <string.h>
#include <zlib.h>

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int ieq(const char *a, size_t n, const char *b)
{
    size_t m = strlen(b);
    if (n != m)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)a[i]) != b[i])
            return 0;
    return 1;
}

static int is_sp(char c) { return c == ' ' || c == '\t'; }

int bti_http_parse(const char *blk, size_t len, bti_http *h, const char **why)
{
    memset(h, 0, sizeof *h);
    if (len < 5 || memcmp(blk, "HTTP/", 5) != 0) {
        *why = "no HTTP status line";
        return BT_EPARSE;
    }
    size_t i = 5;
    while (i < len && blk[i] != ' ' && blk[i] != '\r' && blk[i] != '\n')
        i++;
    while (i < len && blk[i] == ' ')
        i++;
    if (i + 3 > len || blk[i] < '0' || blk[i] > '9' || blk[i + 1] < '0' || blk[i + 1] > '9' ||
        blk[i + 2] < '0' || blk[i + 2] > '9') {
        *why = "bad HTTP status line";
        return BT_EPARSE;
    }
    h->status = (blk[i] - '0') * 100 + (blk[i + 1] - '0') * 10 + (blk[i + 2] - '0');
    const char *nl = memchr(blk + i, '\n', len - i);
    if (!nl) {
        *why = "HTTP head without an end";
        return BT_EPARSE;
    }
    i = (size_t)(nl - blk) + 1;
    for (;;) {
        if (i >= len) {
            /* a head with no blank line: a response without a body */
            h->body_off = len;
            return 0;
        }
        const char *ls = blk + i;
        const char *le = memchr(ls, '\n', len - i);
        size_t ll = le ? (size_t)(le - ls) : len - i;
        size_t next = i + ll + (le ? 1 : 0);
        if (ll > 0 && ls[ll - 1] == '\r')
            ll--;
        if (ll == 0) {
            h->body_off = next;
            return 0;
        }
        const char *colon = memchr(ls, ':', ll);
        if (colon) {
            size_t nl_ = (size_t)(colon - ls);
            while (nl_ > 0 && is_sp(ls[nl_ - 1]))
                nl_--;
            const char *v = colon + 1;
            const char *ve = ls + ll;
            while (v < ve && is_sp(*v))
                v++;
            while (ve > v && is_sp(ve[-1]))
                ve--;
            size_t vl = (size_t)(ve - v);
            if (ieq(ls, nl_, "content-type") && !h->ctype) {
                h->ctype = v;
                h->ctype_len = vl;
            } else if (ieq(ls, nl_, "transfer-encoding")) {
                h->tenc = v;
                h->tenc_len = vl;
            } else if (ieq(ls, nl_, "content-encoding")) {
                h->cenc = v;
                h->cenc_len = vl;
            }
        }
        i = next;
    }
}

int bti_ctype_charset(const char *ct, size_t n, char *out, size_t outsz)
{
    size_t i = 0;
    while (i < n) {
        const char *semi = memchr(ct + i, ';', n - i);
        if (!semi)
            return 0;
        i = (size_t)(semi - ct) + 1;
        while (i < n && is_sp(ct[i]))
            i++;
        if (n - i > 8 && ieq(ct + i, 7, "charset") && ct[i + 7] == '=') {
            i += 8;
            int quoted = i < n && (ct[i] == '"' || ct[i] == '\'');
            if (quoted)
                i++;
            size_t s = i;
            while (i < n && ct[i] != ';' && !is_sp(ct[i]) && ct[i] != '"' && ct[i] != '\'')
                i++;
            size_t l = i - s;
            if (l == 0 || l + 1 > outsz)
                return 0;
            memcpy(out, ct + s, l);
            out[l] = '\0';
            return 1;
        }
    }
    return 0;
}

int bti_ctype_is_html(const char *ct, size_t n)
{
    size_t l = 0;
    while (l < n && ct[l] != ';' && !is_sp(ct[l]))
        l++;
    return ieq(ct, l, "text/html") || ieq(ct, l, "application/xhtml+xml");
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)lower((unsigned char)c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

int bti_http_dechunk(const char *in, size_t len, bti_buf *out, size_t max, const char **why)
{
    size_t i = 0;
    for (;;) {
        size_t size = 0;
        int digits = 0;
        while (i < len && hexval(in[i]) >= 0) {
            if (size > (SIZE_MAX >> 4)) {
                *why = "chunk size too large";
                return BT_EPARSE;
            }
            size = size * 16 + (size_t)hexval(in[i++]);
            digits++;
        }
        if (!digits) {
            *why = i >= len ? "chunked body ends without its last chunk" : "bad chunk size";
            return BT_EPARSE;
        }
        const char *nl = memchr(in + i, '\n', len - i); /* skips chunk extensions */
        if (!nl) {
            *why = "chunked body ends in a chunk header";
            return BT_EPARSE;
        }
        i = (size_t)(nl - in) + 1;
        if (size == 0)
            return 0;
        if (size > len - i) {
            *why = "chunked body ends inside a chunk";
            size = len - i;
            if (out->len + size > max)
                return BT_ELIMIT;
            if (bti_buf_add(out, in + i, size))
                return BT_ENOMEM;
            return BT_EPARSE;
        }
        if (out->len + size > max)
            return BT_ELIMIT;
        if (bti_buf_add(out, in + i, size))
            return BT_ENOMEM;
        i += size;
        if (i < len && in[i] == '\r')
            i++;
        if (i < len && in[i] == '\n')
            i++;
    }
}

static int inflate_with(const char *in, size_t len, bti_buf *out, size_t max, int wbits,
                        const char **why)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, wbits) != Z_OK)
        return BT_ENOMEM;
    z.next_in = (unsigned char *)(uintptr_t)in;
    int rc = 0;
    size_t left = len;
    for (;;) {
        if (z.avail_in == 0 && left) {
            z.avail_in = left > (1u << 30) ? (1u << 30) : (uInt)left;
            left -= z.avail_in;
        }
        if (bti_buf_grow(out, 65536)) {
            rc = BT_ENOMEM;
            break;
        }
        z.next_out = (unsigned char *)out->data + out->len;
        z.avail_out = (uInt)(out->cap - out->len - 1);
        uInt before = z.avail_out;
        int zr = inflate(&z, Z_NO_FLUSH);
        out->len += before - z.avail_out;
        out->data[out->len] = '\0';
        if (out->len > max) {
            rc = BT_ELIMIT;
            break;
        }
        if (zr == Z_STREAM_END)
            break;
        if (zr == Z_OK)
            continue;
        if (zr == Z_BUF_ERROR && z.avail_in == 0 && !left) {
            *why = BTI_HTTP_TRUNCATED;
            rc = BT_EPARSE;
            break;
        }
        *why = z.msg ? z.msg : "corrupt compressed body";
        rc = zr == Z_MEM_ERROR ? BT_ENOMEM : BT_EPARSE;
        break;
    }
    inflateEnd(&z);
    return rc;
}

int bti_http_inflate(const char *in, size_t len, bti_buf *out, size_t max, const char **why)
{
    /* 32+15: gzip or zlib by their headers; some servers send raw deflate as "deflate" */
    int rc = inflate_with(in, len, out, max, 32 + MAX_WBITS, why);
    if (rc == BT_EPARSE && out->len == 0) {
        const char *why2 = NULL;
        if (inflate_with(in, len, out, max, -MAX_WBITS, &why2) == 0)
            return 0;
        bti_buf_reset(out);
    }
    return rc;
}
