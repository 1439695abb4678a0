/* stream.h: a bounded, buffered byte stream over a file, stdin or memory, with transparent
 * gzip decompression (multi-member), that the readers parse record by record.
 *
 * The window holds at most what a reader asked to peek, so memory stays bounded whatever
 * the input's size. Gzip faults (truncation, corrupt data) do not end the stream: the bytes
 * before the fault are delivered, then the next fill reports the fault once (BT_EPARSE with
 * a message), and the stream goes on at the next gzip member it finds, so that a reader can
 * report the broken record and resynchronise on the records after it. Internal to capture. */
#ifndef BT_CAPTURE_STREAM_H
#define BT_CAPTURE_STREAM_H

#include "bantin/common.h"
#include "core/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <zlib.h>

typedef struct bti_stream {
    const char *name;         /* for messages (borrowed) */
    FILE *f;                  /* NULL for memory input */
    int own_f;                /* fclose at the end */
    const unsigned char *mem; /* memory input (borrowed) */
    size_t mem_len, mem_pos;
    /* raw (possibly compressed) input */
    unsigned char *raw;
    size_t raw_start, raw_end;
    uint64_t raw_off;         /* offset in the input of raw[raw_start] */
    int raw_eof;
    /* gzip */
    int gz;                   /* input is gzip */
    int z_live;               /* inside a member */
    z_stream z;
    int z_init;
    /* window of decoded bytes */
    bti_buf win;
    size_t pos;               /* read position in win */
    uint64_t off;             /* decoded offset of win.data[pos] */
    int eof;                  /* no more decoded bytes will come */
    int fault;                /* a pending gzip fault, reported by the next fill */
    char fault_msg[256];
} bti_stream;

/* Opens a stream over `path` ("-" is stdin) or over memory (borrowed until closed).
 * Gzip is detected from the first bytes. */
int bti_stream_open_file(bti_stream *s, const char *path, bt_error *err);
void bti_stream_open_mem(bti_stream *s, const void *data, size_t len, const char *name);
void bti_stream_close(bti_stream *s);

/* Makes at least `n` bytes available from the read position when the input has them.
 * Returns the number available (may be < n at the end), or BT_EPARSE/BT_EIO/BT_ENOMEM when
 * no more bytes can be had because of a fault (reported once in `err`). */
long long bti_stream_fill(bti_stream *s, size_t n, bt_error *err);
/* The bytes at the read position (valid until the next fill). */
static inline const char *bti_stream_peek(const bti_stream *s) { return s->win.data + s->pos; }
static inline size_t bti_stream_avail(const bti_stream *s) { return s->win.len - s->pos; }
/* Consumes `n` available bytes. */
void bti_stream_consume(bti_stream *s, size_t n);
/* Skips `n` bytes without keeping them. Returns the number skipped (< n at the end) or a
 * negative fault as bti_stream_fill. */
long long bti_stream_skip(bti_stream *s, uint64_t n, bt_error *err);
/* Appends up to `n` bytes to `out`. Returns the number read or a negative fault. */
long long bti_stream_read(bti_stream *s, bti_buf *out, size_t n, bt_error *err);
/* Reads one line (up to and including '\n', or to the end) into `line` (reset first). Lines
 * longer than `max` are consumed to their end but only `max` bytes kept, and *too_long set.
 * Returns the line's length in the input (0 at the end) or a negative fault. */
long long bti_stream_getline(bti_stream *s, bti_buf *line, size_t max, int *too_long,
                            bt_error *err);
/* Puts `n` bytes back before the read position (they are read again next). `data` must
 * not point into the stream's own window. */
int bti_stream_unread(bti_stream *s, const char *data, size_t n);

#endif
