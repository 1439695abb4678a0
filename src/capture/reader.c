/* reader.c: bt_reader: opening an input, choosing its reader by sniffing the first bytes,
 * the plain whole-file reader, counts, and closing. */
#include "bantin/text.h"
#include "capture/reader_internal.h"
#include "core/opts.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SNIFF_LEN 4096

int bti_reader_setstr(char **dst, const char *s, size_t n)
{
    free(*dst);
    *dst = NULL;
    if (!s)
        return 0;
    char *p = malloc(n + 1);
    if (!p)
        return BT_ENOMEM;
    memcpy(p, s, n);
    p[n] = '\0';
    *dst = p;
    return 0;
}

const char *bti_limit_text(size_t n, char buf[32])
{
    if (n >= (1u << 20) && n % (1u << 20) == 0)
        snprintf(buf, 32, "%zu MB", n >> 20);
    else
        snprintf(buf, 32, "%zu bytes", n);
    return buf;
}

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* 1 when p[0..n) starts like a JSON object: '{' then '"' or '}'. */
static int object_start(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && is_ws(p[i]))
        i++;
    if (i >= n || p[i] != '{')
        return 0;
    for (i++; i < n && is_ws(p[i]); i++)
        ;
    return i < n && (p[i] == '"' || p[i] == '}');
}

static int sniff_kind(const char *p, size_t n)
{
    if (n >= 7 && memcmp(p, "WARC/1.", 7) == 0)
        return RK_WARC;
    size_t i = 0;
    if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
        (unsigned char)p[2] == 0xBF)
        i = 3;
    while (i < n && is_ws(p[i]))
        i++;
    if (i >= n || p[i] == '<')
        return RK_PLAIN;
    /* JSONL when most lines of the window start a JSON object (so that a file whose first
     * line is broken is still read line by line) */
    size_t objects = 0, others = 0;
    while (i < n) {
        const char *nl = memchr(p + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - p) : n;
        if (!nl && objects + others > 0)
            break; /* a partial last line says nothing */
        size_t k = i;
        while (k < end && is_ws(p[k]))
            k++;
        if (k < end) {
            if (object_start(p + k, end - k))
                objects++;
            else
                others++;
        }
        i = end + 1;
    }
    return objects > 0 && objects >= others ? RK_JSONL : RK_PLAIN;
}

/* Sniffs the stream's first bytes. A fault met while sniffing is re-armed so that it is
 * reported after the bytes before it, in the reader's order. */
static void choose_kind(bt_reader *r)
{
    bt_error e;
    long long got = bti_stream_fill(&r->s, SNIFF_LEN, &e);
    if (got < 0) {
        r->s.fault = (int)got;
        memcpy(r->s.fault_msg, e.msg, sizeof r->s.fault_msg);
    }
    r->kind = sniff_kind(bti_stream_peek(&r->s), bti_stream_avail(&r->s));
    if ((r->flags & BT_READ_RECORDS) && got >= 0 && r->kind != RK_WARC) {
        /* the whole first line decides, however long */
        size_t want = SNIFF_LEN;
        const char *p = bti_stream_peek(&r->s);
        size_t n = bti_stream_avail(&r->s);
        if (!n) /* an empty stream (a gzip of nothing): no line to decide on */
            return;
        while (!memchr(p, '\n', n) && n >= want && want < r->max_record) {
            want *= 2;
            if (bti_stream_fill(&r->s, want, &e) < 0)
                return;
            p = bti_stream_peek(&r->s);
            n = bti_stream_avail(&r->s);
        }
        const char *nl = n ? memchr(p, '\n', n) : NULL;
        if (bti_is_record_line(p, nl ? (size_t)(nl - p) + 1 : n))
            r->kind = RK_RECORDS;
    }
}

static bt_reader *reader_new(const char *path, unsigned flags)
{
    bt_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->flags = flags;
    r->max_record = BT_READ_MAX_RECORD;
    r->stats.size = r->child_done.size = sizeof r->stats; /* the library's own counts */
    r->path = strdup(path);
    if (!r->path) {
        free(r);
        return NULL;
    }
    return r;
}

int bti_reader_open_file(const char *path, unsigned flags, size_t max_record, bt_reader **out,
                        bt_error *err)
{
    *out = NULL;
    bt_reader *r = reader_new(path, flags);
    if (!r)
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", path);
    r->max_record = max_record;
    int rc = bti_stream_open_file(&r->s, r->path, err);
    if (rc) {
        bt_reader_close(r);
        return rc;
    }
    r->s_open = 1;
    r->stats.files = 1;
    choose_kind(r);
    *out = r;
    return 0;
}

/* "scheme://" (http, https, ftp...): an address, not a file (when no such file exists). */
static int is_url(const char *path)
{
    size_t n = 0;
    while ((path[n] >= 'a' && path[n] <= 'z') || (path[n] >= 'A' && path[n] <= 'Z'))
        n++;
    return n >= 2 && !strncmp(path + n, "://", 3);
}

int bt_reader_open(const char *path, unsigned flags, bt_reader **out, bt_error *err)
{
    *out = NULL;
    struct stat st;
    if (stat(path, &st) != 0 && is_url(path))
        return bt_error_set(err, BT_EUNSUPPORTED,
                            "%s: URLs are not fetched: fetch the pages with a crawler and give "
                            "its output (JSONL with url and html, or WARC), or save the pages "
                            "as files",
                            path);
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (!(flags & BT_READ_RECURSIVE))
            return bt_error_set(err, BT_EINVAL, "%s: is a directory (use -r to read the files "
                                "under it)", path);
        bt_reader *r = reader_new(path, flags);
        if (!r)
            return bt_error_set(err, BT_ENOMEM, "%s: out of memory", path);
        r->kind = RK_DIR;
        int rc = bti_reader_dir_open(r, err);
        if (rc) {
            bt_reader_close(r);
            return rc;
        }
        *out = r;
        return 0;
    }
    return bti_reader_open_file(path, flags, BT_READ_MAX_RECORD, out, err);
}

int bt_reader_open_mem(const void *data, size_t len, const char *name, unsigned flags,
                       bt_reader **out, bt_error *err)
{
    *out = NULL;
    bt_reader *r = reader_new(name ? name : "<memory>", flags);
    if (!r)
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", name ? name : "<memory>");
    bti_stream_open_mem(&r->s, data, len, r->path);
    r->s_open = 1;
    r->stats.files = 1;
    choose_kind(r);
    *out = r;
    return 0;
}

void bt_reader_set_limit(bt_reader *r, size_t max_record)
{
    if (r && max_record)
        r->max_record = max_record;
}

static int looks_binary(const char *p, size_t n)
{
    size_t k = n < 8192 ? n : 8192;
    if (!memchr(p, '\0', k))
        return 0;
    bt_charset cs = bt_charset_detect(p, k);
    return cs != BT_CS_UTF16LE && cs != BT_CS_UTF16BE;
}

int bti_reader_plain_next(bt_reader *r, bt_capture *cap, bt_error *err)
{
    if (r->done)
        return 0;
    r->done = 1;
    bti_buf_reset(&r->rec);
    char lim[32];
    struct stat st;
    /* a plain regular file too big is refused without reading it */
    if (r->s.f && !r->s.gz && fstat(fileno(r->s.f), &st) == 0 && S_ISREG(st.st_mode) &&
        (unsigned long long)st.st_size > r->max_record)
        return bt_error_set(err, BT_ELIMIT, "%s: %llu bytes, over the %s limit for one "
                            "capture", r->path, (unsigned long long)st.st_size,
                            bti_limit_text(r->max_record, lim));
    bt_error e;
    long long got = bti_stream_read(&r->s, &r->rec, r->max_record + 1, &e);
    if (got < 0)
        return bt_error_set(err, (int)got, "%s: %s", r->path, e.msg);
    if (r->rec.len > r->max_record)
        return bt_error_set(err, BT_ELIMIT, "%s: over the %s limit for one capture", r->path,
                            bti_limit_text(r->max_record, lim));
    if (r->rec.len == 0)
        return bt_error_set(err, BT_EPARSE, "%s: empty file", r->path);
    if (looks_binary(r->rec.data, r->rec.len)) {
        if (r->flags & BTI_READ_IN_DIR) {
            r->stats.skipped_files++;
            r->stats.skipped++;
            return 0;
        }
        return bt_error_set(err, BT_EPARSE, "%s: binary data (NUL bytes), not a page",
                            r->path);
    }
    memset(cap, 0, sizeof *cap);
    cap->data = r->rec.data;
    cap->len = r->rec.len;
    cap->origin = r->path;
    cap->kind = BT_KIND_UNKNOWN;
    return 1;
}

int bti_reader_step(bt_reader *r, bt_capture *cap, bt_error *err)
{
    int rc;
    switch (r->kind) {
    case RK_DIR:
        return bti_reader_dir_next(r, cap, err);
    case RK_JSONL:
        rc = bti_reader_jsonl_next(r, cap, err);
        break;
    case RK_WARC:
        rc = bti_reader_warc_next(r, cap, err);
        break;
    case RK_RECORDS:
        rc = bti_reader_records_next(r, cap, err);
        break;
    default:
        rc = bti_reader_plain_next(r, cap, err);
        break;
    }
    if (rc > 0)
        r->stats.captures++;
    else if (rc < 0)
        r->stats.errors++;
    return rc;
}

int bt_reader_next(bt_reader *r, const bt_capture **out, bt_error *err)
{
    *out = NULL;
    memset(&r->cur, 0, sizeof r->cur);
    int rc = bti_reader_step(r, &r->cur, err);
    if (rc < 0)
        return rc;
    if (rc > 0)
        *out = &r->cur;
    return 0;
}

void bt_reader_stats_add(bt_reader_stats *a, const bt_reader_stats *b)
{
    /* only the counts both structs hold: either may come from an older caller */
    size_t n = a->size < b->size ? a->size : b->size;
#define ADD(f)                                                                                 \
    if (offsetof(bt_reader_stats, f) + sizeof a->f <= n)                                   \
        a->f += b->f;
    ADD(captures) ADD(errors) ADD(skipped) ADD(skipped_type) ADD(skipped_status)
    ADD(skipped_media) ADD(skipped_files) ADD(files) ADD(bytes)
#undef ADD
}

/* The counts of r and its children, in the library's own struct. */
static void stats_of(const bt_reader *r, bt_reader_stats *st)
{
    *st = r->stats;
    st->size = sizeof *st;
    if (r->s_open)
        st->bytes = r->s.raw_off; /* the raw bytes consumed: compressed ones for gzip */
    if (r->kind == RK_DIR) {
        bt_reader_stats_add(st, &r->child_done);
        if (r->child) {
            bt_reader_stats c;
            stats_of(r->child, &c);
            bt_reader_stats_add(st, &c);
        }
    }
}

int bt_reader_stats_get(const bt_reader *r, bt_reader_stats *st)
{
    int rc = bti_out_check(st, "reader stats", NULL);
    if (rc)
        return rc;
    bt_reader_stats full;
    stats_of(r, &full);
    bti_out_copy(st, &full, sizeof full);
    return 0;
}

void bt_reader_close(bt_reader *r)
{
    if (!r)
        return;
    if (r->kind == RK_DIR)
        bti_reader_dir_free(r);
    if (r->s_open)
        bti_stream_close(&r->s);
    bti_buf_free(&r->rec);
    bti_buf_free(&r->body);
    bti_buf_free(&r->line);
    if (r->json)
        json_decref(r->json);
    free(r->url);
    free(r->charset);
    free(r->fetched_at);
    free(r->path);
    free(r);
}
