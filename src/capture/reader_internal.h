/* reader_internal.h: the reader object shared by the per-kind readers (plain file, JSONL,
 * WARC, directory walk) and the HTTP helpers the WARC and JSONL readers use. */
#ifndef BT_CAPTURE_READER_INTERNAL_H
#define BT_CAPTURE_READER_INTERNAL_H

#include "bantin/capture.h"
#include "capture/stream.h"
#include "core/buf.h"

#include <jansson.h>

enum { RK_PLAIN = 1, RK_JSONL, RK_WARC, RK_DIR, RK_RECORDS };

/* internal flag: a file found by a directory walk (binary files are skipped, not errors) */
#define BTI_READ_IN_DIR 0x100u

typedef struct bti_dir_frame {
    char *path;
    char **names;
    size_t n, i;
} bti_dir_frame;

struct bt_reader {
    int kind;
    unsigned flags;
    size_t max_record;
    char *path;         /* as given: origin and messages */
    bti_stream s;
    int s_open;
    int done;
    bt_reader_stats stats;
    /* the current record (owned; the capture points into these) */
    bti_buf rec;
    bti_buf body;
    bti_buf line;
    json_t *json;
    char *url, *charset, *fetched_at;
    char where[512];
    unsigned long long lineno;
    /* directory walk */
    bti_dir_frame *frames;
    size_t n_frames;
    bt_reader *child;
    bt_reader_stats child_done; /* totals of the children already closed */
    bt_capture cur; /* what bt_reader_next hands out: valid until the next call */
};

/* One step of a reader of any kind: 1 and *cap filled, 0 at the end, or a negative BT_E*
 * for a bad record (the reader stays usable). bt_reader_next is its public face. */
int bti_reader_step(bt_reader *r, bt_capture *cap, bt_error *err);

int bti_reader_plain_next(bt_reader *r, bt_capture *cap, bt_error *err);
int bti_reader_jsonl_next(bt_reader *r, bt_capture *cap, bt_error *err);
int bti_reader_warc_next(bt_reader *r, bt_capture *cap, bt_error *err);
/* Article records (BT_READ_RECORDS): whether the first line is one, and the line reader. */
int bti_is_record_line(const char *line, size_t n);
int bti_reader_records_next(bt_reader *r, bt_capture *cap, bt_error *err);
int bti_reader_dir_open(bt_reader *r, bt_error *err);
int bti_reader_dir_next(bt_reader *r, bt_capture *cap, bt_error *err);
void bti_reader_dir_free(bt_reader *r);

/* Opens a file reader (not a directory) for the directory walk. */
int bti_reader_open_file(const char *path, unsigned flags, size_t max_record, bt_reader **out,
                        bt_error *err);

/* "64 MB" or "1000 bytes": a limit for messages, written into buf. */
const char *bti_limit_text(size_t n, char buf[32]);

/* Replaces *dst with a copy of n bytes (NULL when s is NULL). 0 or BT_ENOMEM. */
int bti_reader_setstr(char **dst, const char *s, size_t n);

/* ---- HTTP (http.c) ---- */
typedef struct bti_http {
    int status;
    const char *ctype;     size_t ctype_len;     /* Content-Type value or NULL */
    const char *tenc;      size_t tenc_len;      /* Transfer-Encoding */
    const char *cenc;      size_t cenc_len;      /* Content-Encoding */
    size_t body_off;                             /* where the body starts in the block */
} bti_http;

/* Parses an HTTP response head at the start of `blk`. 0, or BT_EPARSE with `why` set. */
int bti_http_parse(const char *blk, size_t len, bti_http *h, const char **why);
/* The charset parameter of a Content-Type value, copied into out (NUL-terminated); 0 when
 * there is none. */
int bti_ctype_charset(const char *ct, size_t n, char *out, size_t outsz);
/* 1 when a Content-Type value names an HTML media type. */
int bti_ctype_is_html(const char *ct, size_t n);
/* Undoes chunked transfer coding into out (at most `max` bytes). 0, BT_ELIMIT, BT_ENOMEM or
 * BT_EPARSE (with `why`); what was decoded before a malformed or missing chunk is kept. */
int bti_http_dechunk(const char *in, size_t len, bti_buf *out, size_t max, const char **why);
/* Inflates a gzip, zlib or raw deflate body into out (at most `max` bytes). A body that
 * ends early gives BT_EPARSE with `why` BTI_HTTP_TRUNCATED and what was decoded in out. */
#define BTI_HTTP_TRUNCATED "truncated compressed body"
int bti_http_inflate(const char *in, size_t len, bti_buf *out, size_t max, const char **why);

#endif
