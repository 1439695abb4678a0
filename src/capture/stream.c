/* stream.c: the bounded byte stream under every reader: file/stdin/memory input, gzip
 * (multi-member, resynchronising on the next member after a fault), a window that only grows
 * to what a reader peeks at once. */
#include "capture/stream.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define RAW_SIZE (64u << 10) /* raw read size */
#define CHUNK (64u << 10)    /* decoded bytes produced per step */

static int is_mem(const bti_stream *s) { return s->f == NULL; }

/* Reads more raw input, keeping the unread part. 0 ok (maybe nothing new at the end), or
 * BT_EIO. */
static int raw_fill(bti_stream *s)
{
    if (s->raw_eof)
        return 0;
    if (s->raw_start > 0) {
        memmove(s->raw, s->raw + s->raw_start, s->raw_end - s->raw_start);
        s->raw_end -= s->raw_start;
        s->raw_start = 0;
    }
    if (s->raw_end == RAW_SIZE)
        return 0; /* full: nothing to read into, and not the end */
    size_t n = fread(s->raw + s->raw_end, 1, RAW_SIZE - s->raw_end, s->f);
    s->raw_end += n;
    if (n == 0) {
        s->raw_eof = 1;
        if (ferror(s->f)) {
            s->fault = BT_EIO;
            snprintf(s->fault_msg, sizeof s->fault_msg, "read error: %s", strerror(errno));
            return BT_EIO;
        }
    }
    return 0;
}

static size_t raw_avail(const bti_stream *s) { return s->raw_end - s->raw_start; }

static void raw_consume(bti_stream *s, size_t n)
{
    s->raw_start += n;
    s->raw_off += n;
}

static int looks_gzip(bti_stream *s)
{
    while (raw_avail(s) < 2 && !s->raw_eof)
        if (raw_fill(s))
            return 0;
    return raw_avail(s) >= 2 && s->raw[s->raw_start] == 0x1f && s->raw[s->raw_start + 1] == 0x8b;
}

static void init_common(bti_stream *s)
{
    s->gz = looks_gzip(s);
    if (s->gz) {
        memset(&s->z, 0, sizeof s->z);
        s->z_init = inflateInit2(&s->z, 16 + MAX_WBITS) == Z_OK;
        if (!s->z_init) {
            s->fault = BT_ENOMEM;
            snprintf(s->fault_msg, sizeof s->fault_msg, "cannot start gzip decoder");
        }
    }
}

int bti_stream_open_file(bti_stream *s, const char *path, bt_error *err)
{
    memset(s, 0, sizeof *s);
    s->name = path;
    int is_stdin = strcmp(path, "-") == 0;
    s->f = is_stdin ? stdin : fopen(path, "rb");
    if (!s->f)
        return bt_error_set(err, errno == ENOENT ? BT_ENOTFOUND : BT_EIO, "%s: %s", path,
                            strerror(errno));
    s->own_f = !is_stdin;
    s->raw = malloc(RAW_SIZE);
    if (!s->raw) {
        bti_stream_close(s);
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", path);
    }
    init_common(s);
    return 0;
}

void bti_stream_open_mem(bti_stream *s, const void *data, size_t len, const char *name)
{
    memset(s, 0, sizeof *s);
    s->name = name;
    s->mem = data;
    s->mem_len = len;
    s->raw = (unsigned char *)(data ? data : "");
    s->raw_end = data ? len : 0;
    s->raw_eof = 1;
    init_common(s);
}

void bti_stream_close(bti_stream *s)
{
    if (s->own_f && s->f)
        fclose(s->f);
    if (!is_mem(s))
        free(s->raw);
    if (s->z_init)
        inflateEnd(&s->z);
    bti_buf_free(&s->win);
    memset(s, 0, sizeof *s);
}

static void set_fault(bti_stream *s, int code, const char *fmt, unsigned long long off,
                      const char *extra)
{
    s->fault = code;
    snprintf(s->fault_msg, sizeof s->fault_msg, fmt, off, extra ? extra : "");
}

/* Skips raw input up to the next gzip member header (1f 8b 08); sets raw EOF when none. */
static int resync_member(bti_stream *s)
{
    for (;;) {
        while (raw_avail(s) >= 3) {
            const unsigned char *p = s->raw + s->raw_start;
            const unsigned char *q = memchr(p, 0x1f, raw_avail(s) - 2);
            if (!q) {
                raw_consume(s, raw_avail(s) - 2);
                break;
            }
            raw_consume(s, (size_t)(q - p));
            if (q[1] == 0x8b && q[2] == 0x08)
                return 1;
            raw_consume(s, 1);
        }
        if (s->raw_eof) {
            raw_consume(s, raw_avail(s));
            return 0;
        }
        if (raw_fill(s))
            return 0;
    }
}

/* Produces decoded bytes into the window: 0 when some were produced or the input ended (eof
 * set), or when a fault was recorded (s->fault). */
static int produce(bti_stream *s)
{
    if (!s->gz) {
        if (!raw_avail(s) && raw_fill(s))
            return 0;
        size_t n = raw_avail(s);
        if (!n) {
            s->eof = 1;
            return 0;
        }
        if (bti_buf_add(&s->win, s->raw + s->raw_start, n))
            return BT_ENOMEM;
        raw_consume(s, n);
        return 0;
    }
    if (!s->z_init) {
        s->eof = 1;
        return 0;
    }
    if (bti_buf_grow(&s->win, CHUNK))
        return BT_ENOMEM;
    for (;;) {
        if (!raw_avail(s) && raw_fill(s))
            return 0;
        if (!s->z_live) {
            /* between members: another member, zero padding, the end, or garbage */
            while (raw_avail(s) && s->raw[s->raw_start] == 0)
                raw_consume(s, 1);
            if (!raw_avail(s)) {
                if (s->raw_eof) {
                    s->eof = 1;
                    return 0;
                }
                continue;
            }
            if (raw_avail(s) < 2 && !s->raw_eof) {
                if (raw_fill(s))
                    return 0;
                continue;
            }
            if (raw_avail(s) < 2 || s->raw[s->raw_start] != 0x1f ||
                s->raw[s->raw_start + 1] != 0x8b) {
                set_fault(s, BT_EPARSE, "data that is not gzip at compressed offset %llu%s",
                          (unsigned long long)s->raw_off, " (after a gzip member)");
                resync_member(s);
                return 0;
            }
            inflateReset(&s->z);
            s->z_live = 1;
        }
        if (!raw_avail(s)) {
            set_fault(s, BT_EPARSE, "truncated gzip data (input ends at offset %llu)%s",
                      (unsigned long long)s->raw_off, NULL);
            s->z_live = 0;
            return 0;
        }
        s->z.next_in = s->raw + s->raw_start;
        s->z.avail_in = (uInt)raw_avail(s);
        s->z.next_out = (unsigned char *)s->win.data + s->win.len;
        s->z.avail_out = (uInt)(s->win.cap - s->win.len - 1);
        uInt out_before = s->z.avail_out;
        uInt in_before = s->z.avail_in;
        int zr = inflate(&s->z, Z_NO_FLUSH);
        raw_consume(s, in_before - s->z.avail_in);
        size_t produced = out_before - s->z.avail_out;
        s->win.len += produced;
        s->win.data[s->win.len] = '\0';
        if (zr == Z_STREAM_END) {
            s->z_live = 0;
        } else if (zr == Z_DATA_ERROR || zr == Z_NEED_DICT) {
            set_fault(s, BT_EPARSE, "corrupt gzip data near compressed offset %llu: %s",
                      (unsigned long long)s->raw_off, s->z.msg ? s->z.msg : "bad data");
            s->z_live = 0;
            resync_member(s);
            return 0;
        } else if (zr == Z_MEM_ERROR) {
            return BT_ENOMEM;
        } else if (zr != Z_OK && zr != Z_BUF_ERROR) {
            set_fault(s, BT_EPARSE, "gzip error near compressed offset %llu%s",
                      (unsigned long long)s->raw_off, NULL);
            s->z_live = 0;
            resync_member(s);
            return 0;
        }
        if (produced)
            return 0;
    }
}

long long bti_stream_fill(bti_stream *s, size_t n, bt_error *err)
{
    if (bti_stream_avail(s) >= n)
        return (long long)n;
    if (s->pos > 0) {
        memmove(s->win.data, s->win.data + s->pos, s->win.len - s->pos);
        s->win.len -= s->pos;
        s->pos = 0;
        s->win.data[s->win.len] = '\0';
    }
    while (bti_stream_avail(s) < n) {
        if (s->fault) {
            int code = s->fault;
            s->fault = 0;
            bt_error_set(err, code, "%s", s->fault_msg);
            return code;
        }
        if (s->eof)
            break;
        int rc = produce(s);
        if (rc)
            return bt_error_set(err, rc, "out of memory");
    }
    size_t a = bti_stream_avail(s);
    return (long long)(a < n ? a : n);
}

void bti_stream_consume(bti_stream *s, size_t n)
{
    s->pos += n;
    s->off += n;
}

long long bti_stream_skip(bti_stream *s, uint64_t n, bt_error *err)
{
    uint64_t done = 0;
    while (done < n) {
        uint64_t want = n - done < CHUNK ? n - done : CHUNK;
        long long got = bti_stream_fill(s, (size_t)want, err);
        if (got < 0)
            return got;
        if (got == 0)
            break;
        bti_stream_consume(s, (size_t)got);
        done += (uint64_t)got;
    }
    return (long long)done;
}

long long bti_stream_read(bti_stream *s, bti_buf *out, size_t n, bt_error *err)
{
    size_t done = 0;
    while (done < n) {
        size_t want = n - done < (1u << 20) ? n - done : (1u << 20);
        long long got = bti_stream_fill(s, want, err);
        if (got < 0)
            return got;
        if (got == 0)
            break;
        if (bti_buf_add(out, bti_stream_peek(s), (size_t)got))
            return bt_error_set(err, BT_ENOMEM, "out of memory");
        bti_stream_consume(s, (size_t)got);
        done += (size_t)got;
    }
    return (long long)done;
}

long long bti_stream_getline(bti_stream *s, bti_buf *line, size_t max, int *too_long,
                            bt_error *err)
{
    bti_buf_reset(line);
    *too_long = 0;
    long long total = 0;
    for (;;) {
        long long got = bti_stream_fill(s, 1, err);
        if (got < 0)
            return got;
        if (got == 0)
            return total;
        const char *p = bti_stream_peek(s);
        size_t a = bti_stream_avail(s);
        const char *nl = memchr(p, '\n', a);
        size_t take = nl ? (size_t)(nl - p) + 1 : a;
        size_t keep = take;
        if (line->len + keep > max) {
            keep = max > line->len ? max - line->len : 0;
            *too_long = 1;
        }
        if (keep && bti_buf_add(line, p, keep))
            return bt_error_set(err, BT_ENOMEM, "out of memory");
        bti_stream_consume(s, take);
        total += (long long)take;
        if (nl)
            return total;
    }
}

int bti_stream_unread(bti_stream *s, const char *data, size_t n)
{
    if (n <= s->pos) {
        s->pos -= n;
        memmove(s->win.data + s->pos, data, n);
    } else {
        size_t shift = n - s->pos;
        if (bti_buf_grow(&s->win, shift))
            return BT_ENOMEM;
        memmove(s->win.data + s->pos + shift, s->win.data + s->pos, s->win.len - s->pos);
        s->win.len += shift;
        s->win.data[s->win.len] = '\0';
        s->pos = 0;
        memmove(s->win.data, data, n);
    }
    s->off -= n;
    return 0;
}
