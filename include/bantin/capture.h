/* bantin/capture.h: inputs as a stream of captures (raw page bytes plus what is known of them).
 *
 * A bt_reader yields the captures of one input: a file (text, HTML, gzip-compressed or not),
 * a crawler JSONL file, a WARC, a directory, or stdin ("-"). The kind is chosen by sniffing
 * the bytes, not by the name. A bt_capture is a borrowed view: valid until the next
 * bt_reader_next or bt_reader_close on its reader.
 *
 * Kinds, by the first bytes (after gzip decompression when the input starts with 1f 8b;
 * any number of gzip members, as in .warc.gz with one member per record):
 *   "WARC/1."        WARC 1.0/1.1: `response` records with HTTP 200 and an HTML media type
 *                    (or none, with a body that starts with markup) are captures: URL from
 *                    WARC-Target-URI, fetched_at from WARC-Date, charset from the HTTP
 *                    Content-Type, chunked transfer and gzip/deflate content codings undone.
 *                    Other records are skipped and counted (bt_reader_stats_get).
 *   JSON lines       crawler JSONL (most lines of the first 4 KB start with '{' then '"' or
 *                    '}'): one object per line with `url`/`uri`, the page in `html`/
 *                    `raw_content`/`content`/`body`, optional `fetched_at`/`date`/`timestamp`;
 *                    a `headers` {Content-Type} or `content_type` naming HTML sets the kind.
 *                    The charset is "utf-8": a JSON string is already Unicode whatever the
 *                    page was served in. Blank lines are ignored.
 *   anything else    one capture: the whole file (text, Markdown or HTML). Empty files and
 *                    binary data (NUL bytes, not UTF-16) are errors.
 *   records          with BT_READ_RECORDS only: a file whose first line is an article record
 *                    (a JSON object with a string "title" and a "body" list of strings,
 *                    empty for a headline alone, as `bantin export` writes) yields each non-empty line as a
 *                    capture of kind BT_KIND_RECORD, to be stored as it is, not extracted
 *                    (the line's bytes without its "\r\n"; `where` names the line).
 * A directory is read only with BT_READ_RECURSIVE (else it is an error naming it): its files
 * in byte order of their names, depth first. What evidently is not a page is skipped and
 * counted (skipped_files): hidden entries (".name"), symlinked directories, files that are
 * not regular, binary files (by their bytes), and by extension web assets (images, fonts,
 * css, js, media, pdf, archives: what a browser saves beside a page), metadata documents
 * (.json: one JSON document, not a JSONL stream) and database files (.db, .db-wal, .db-shm,
 * .sqlite). This is the one walk: `bantin extract -r` and `bantin add` both read directories
 * through it. Files named by the caller are always read, whatever their names.
 *
 * Streaming: records are read one at a time through a bounded window, so memory is bounded
 * by the largest record, itself limited (BT_READ_MAX_RECORD unless bt_reader_set_limit):
 * a bigger record is an error and is skipped. After a bad record (malformed, truncated,
 * wrong Content-Length, corrupt gzip member) the reader resynchronises on the next record.
 *
 * Invariants: a capture's bytes are the page as fetched (transfer and content codings undone,
 * never decoded to another charset: that is the extractor's job, bantin/text.h); `origin`
 * and `where` are enough to find the record again; bad records never end a reader.
 *
 * Depends on: bantin/common.h only (zlib for gzip; jansson for JSONL). Used by the extract
 * and ingest stages.
 *
 * Thread safety: a bt_reader is used by one thread at a time; readers share nothing, so
 * many threads may each read their own. A capture borrowed from a reader may be read by
 * other threads until the reader's next call (the ingest pipeline copies it instead). */
#ifndef BANTIN_CAPTURE_H
#define BANTIN_CAPTURE_H

#include "bantin/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum bt_kind {
    BT_KIND_UNKNOWN = 0, /* let the extractor sniff */
    BT_KIND_TEXT,        /* plain text or Markdown rendering of a page */
    BT_KIND_HTML,
    BT_KIND_RECORD       /* an article record (JSON), with BT_READ_RECORDS */
} bt_kind;

typedef struct bt_capture {
    const char *data;       /* raw bytes, not NUL-terminated in general */
    size_t len;
    const char *charset;    /* declared charset (HTTP header; "utf-8" for JSONL) or NULL */
    const char *url;        /* the page's URL when the input names it, or NULL */
    const char *origin;     /* the path as given, or the URL for JSONL/WARC records */
    const char *fetched_at; /* ISO 8601 when the input gives it, or NULL */
    bt_kind kind;
    const char *where;      /* where in the input, for messages, naming the file:
                               "crawl.jsonl: line 12", "a.warc.gz: record at offset 4096"
                               (offsets count decompressed bytes); NULL for a whole file */
} bt_capture;

typedef struct bt_reader bt_reader;

/* reader flags */
#define BT_READ_RECURSIVE 0x1u /* walk directories recursively */
#define BT_READ_RECORDS 0x2u   /* files of article records yield BT_KIND_RECORD captures */

/* Default limit on one record (a whole file, a JSONL line, a WARC record block): a guard
 * against memory blow-up, tunable per reader (bt_reader_set_limit). */
#define BT_READ_MAX_RECORD ((size_t)64 << 20)

/* Opens `path` ("-" for stdin). On failure returns an error naming the path. */
BT_API int bt_reader_open(const char *path, unsigned flags, bt_reader **out, bt_error *err);

/* Opens a reader over `len` bytes in memory (borrowed: they must outlive the reader), sniffed
 * like a file; `name` (copied) stands for the path in origins and messages. */
BT_API int bt_reader_open_mem(const void *data, size_t len, const char *name, unsigned flags,
                       bt_reader **out, bt_error *err);

/* Sets the largest record this reader (and, for a directory, the readers of its files)
 * accepts, in bytes. Call it before the first bt_reader_next. */
BT_API void bt_reader_set_limit(bt_reader *r, size_t max_record);

/* What a reader has seen so far. Start from BT_READER_STATS_INIT: `size` lets the struct
 * grow without breaking callers built against an older header (the library writes only the
 * fields within `size`). */
typedef struct bt_reader_stats {
    size_t size;             /* sizeof(bt_reader_stats) as the caller was built */
    uint64_t captures;       /* captures returned */
    uint64_t errors;         /* bad files or records reported (negative bt_reader_next) */
    uint64_t skipped;        /* records and files skipped: the sum of the four below */
    uint64_t skipped_type;   /* WARC records other than `response` (warcinfo, request, ...) */
    uint64_t skipped_status; /* WARC responses whose HTTP status is not 200 */
    uint64_t skipped_media;  /* WARC responses that are not HTML */
    uint64_t skipped_files;  /* files of a directory walk that are not pages */
    uint64_t files;          /* files read or tried: 1 for a file or memory, for a directory
                                the files of the walk not skipped by name */
    uint64_t bytes;          /* input bytes read so far, as stored (compressed for gzip): a
                                progress bar's measure against bt_reader_count's total */
} bt_reader_stats;

#define BT_READER_STATS_INIT {sizeof(bt_reader_stats), 0, 0, 0, 0, 0, 0, 0, 0, 0}

/* Fills *st (its size set: BT_READER_STATS_INIT). 0, or BT_EINVAL when st->size is not set
 * (nothing written). */
BT_API int bt_reader_stats_get(const bt_reader *r, bt_reader_stats *st);
/* Adds the counts of `more` to `sum` (the totals of several readers). */
BT_API void bt_reader_stats_add(bt_reader_stats *sum, const bt_reader_stats *more);

/* How many files reading `path` with `flags` would try (the `files` count above), without
 * opening them: 1 for a file (or a path that is not there, or a directory without
 * BT_READ_RECURSIVE: each is one failed input), the files of the walk not skipped by name for
 * a directory. For a progress bar's total; folders that cannot be read count nothing here
 * (the walk reports them). 0, or BT_ENOMEM. */
BT_API int bt_reader_count_files(const char *path, unsigned flags, uint64_t *n, bt_error *err);
/* The same count, and in *bytes the sizes of those files added up (0 for stdin, a missing
 * path or anything that is not a regular file). */
BT_API int bt_reader_count(const char *path, unsigned flags, uint64_t *files, uint64_t *bytes,
                           bt_error *err);

/* Reads the next capture: 0 with *cap pointing at it (borrowed from the reader, valid until
 * the next bt_reader_next or bt_reader_close), or 0 with *cap NULL at the end of the input;
 * a negative BT_E* (and *cap NULL) for a bad record, with `err` naming the file and record:
 * the reader stays usable, so call bt_reader_next again to go on with the records after it. */
BT_API int bt_reader_next(bt_reader *r, const bt_capture **cap, bt_error *err);

BT_API void bt_reader_close(bt_reader *r);

#ifdef __cplusplus
}
#endif
#endif
