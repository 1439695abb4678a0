/* bantin/ingest.h: the ingest pipeline: inputs (paths, stdin, memory) -> captures -> articles
 * (extracted on N threads) -> delivered in input order, and stored when a database is given.
 *
 * One pipeline serves `bantin extract` (no store: the caller prints each article), `bantin
 * add` (a store: one writer commits in batches), and clients that hand bytes in memory.
 *
 * Flow of a run: a reader thread opens the inputs in turn (directories are walked by the
 * capture stage, see bantin/capture.h) and copies each capture into a ring of slots (the ring
 * bounds the memory held by captures in flight); with a store, captures whose content hash is
 * already stored are not extracted (the reader has its own read-only connection). Worker
 * threads extract (bt_extract) or parse (records, below). The thread that called
 * bt_ingest_run takes the slots back in input order, stores the articles (one transaction per
 * batch: `batch` articles or `batch_seconds`, whichever comes first) and calls the callbacks.
 *
 * Records: with BT_READ_RECORDS in `read_flags` (see bantin/capture.h), a JSONL file of
 * article records (as `bantin export` writes) is stored as it is, record by record, not
 * extracted. A record without "title" or with a malformed field is a failure naming its line.
 * A record that carries an "id" keeps it (so that results join with the caller's data: 1 to
 * 16 of A-Z a-z 0-9 . _ : -, else the record fails naming the field); the others get their
 * content id (bt_article_set_id). A record whose id is already stored is one more capture of
 * that article.
 *
 * Three outcomes for each capture: stored (or printed), skipped, failed. A capture that holds
 * no article (BT_ENOARTICLE: no title and no text) is skipped: reported to on_failure with
 * BT_INGEST_SKIP and counted in `skipped`. Failures of one input or record (unreadable,
 * malformed, refused) are reported (on_failure) and counted in `failed`, and the run goes on.
 * A database failure (BT_EDB, BT_EIO from the store: a full disk, a lost lock) rolls the open
 * batch back, counts its articles as failed, and stops the run: bt_ingest_run returns it.
 *
 * Threads: a bt_ingest is used by one thread at a time. The callbacks are called on the thread
 * running bt_ingest_run, one at a time, in input order; they must not call back into the same
 * bt_ingest. The site model and the memory inputs are borrowed and read by several threads
 * during a run: do not change or free them before it returns. */
#ifndef BANTIN_INGEST_H
#define BANTIN_INGEST_H

#include "bantin/capture.h"
#include "bantin/extract.h"
#include "bantin/store.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bt_ingest bt_ingest;

/* Where a failure happened. */
typedef enum bt_ingest_stage {
    BT_INGEST_READ = 1, /* an input or record could not be read: err names it */
    BT_INGEST_EXTRACT,  /* no article from a capture (err names its origin; item->where the
                           record), or a bad article record (err names the file and line) */
    BT_INGEST_STORE,    /* the store refused one article (err is the store's message; the
                           item names the capture) */
    BT_INGEST_COMMIT,   /* a batch could not begin or commit, or the threads could not
                           start: the run stops (item is NULL) */
    BT_INGEST_SKIP      /* not a failure: a capture that holds no article (an index page, a
                           login wall: BT_ENOARTICLE), skipped; err says why, item names it.
                           Counted in `skipped`, not in `failed`, so that a nightly run over
                           the same pages does not fail forever */
} bt_ingest_stage;

/* One capture or record as the callbacks see it (borrowed for the call). */
typedef struct bt_ingest_item {
    const char *origin; /* the capture's origin: a path, a URL, or "-" */
    const char *where;  /* the record in its file ("crawl.jsonl: line 12") or NULL */
    bt_kind kind;       /* BT_KIND_RECORD for an article record */
    size_t size;        /* bytes of the capture */
} bt_ingest_item;

/* Counts of a run. Start from BT_INGEST_STATS_INIT: `size` lets the struct grow without
 * breaking callers built against an older header (the library writes only the fields within
 * `size`; the struct it passes to callbacks is its own, whole). */
typedef struct bt_ingest_stats {
    size_t size;        /* sizeof(bt_ingest_stats) as the caller was built */
    size_t inputs;      /* files read or tried (a directory counts its files), memory inputs */
    size_t inputs_done; /* of those, delivered to the end so far (for progress) */
    size_t inputs_total; /* with BT_INGEST_COUNT_INPUTS: the files counted before reading
                            (bt_reader_count_files), for a progress bar's total; else 0 */
    size_t captures;    /* captures and records already stored or extracted (those that gave
                           no article are counted in failed, not here) */
    size_t added;       /* new articles committed */
    size_t merged;      /* captures committed as one more origin of a stored article */
    size_t seen;        /* captures already stored (skipped) */
    size_t failed;      /* inputs, captures and records that failed, and articles rolled back */
    size_t failed_read, failed_extract, failed_store; /* failed, by stage (not rollbacks) */
    size_t extracted;   /* articles delivered to on_article */
    bt_reader_stats reader; /* the readers' counts, summed (records and files skipped) */
    double seconds;     /* the run's wall-clock time */
    size_t skipped;     /* captures that hold no article (BT_INGEST_SKIP), not in failed */
    int stopped;        /* 1 when bt_ingest_stop ended the run before its end */
    uint64_t bytes_done;  /* input bytes read so far (compressed ones for gzip; stdin counts
                             when read whole), for a progress bar that moves within a file */
    uint64_t bytes_total; /* with BT_INGEST_COUNT_INPUTS: the sizes of the inputs' files
                             (bt_reader_count; stdin unknown: 0); else 0 */
} bt_ingest_stats;

#define BT_INGEST_STATS_INIT {.size = sizeof(bt_ingest_stats), .reader = BT_READER_STATS_INIT}

/* Progress events. */
enum {
    BT_INGEST_TICK = 0,     /* after each item, and every tenth of a second while waiting */
    BT_INGEST_COMMITTED = 1 /* a batch was committed */
};

/* Called for each capture or record that gave an article, in input order. `a` is NULL for a
 * capture skipped because it is already stored. `stored` is -1 without a store, else the
 * result of bt_store_add (BT_STORE_ADDED, _MERGED, _SEEN; the batch may not be committed
 * yet). `a` is borrowed for the call. */
typedef void (*bt_ingest_article_fn)(void *ctx, const bt_article *a, const bt_ingest_item *item,
                                     int stored);
/* Called for each failure, in input order; `item` is NULL for BT_INGEST_READ (`err` names
 * the input or record) and BT_INGEST_COMMIT. */
typedef void (*bt_ingest_failure_fn)(void *ctx, const bt_error *err,
                                     const bt_ingest_item *item, bt_ingest_stage stage);
/* Called with the counts so far (see the events above). */
typedef void (*bt_ingest_progress_fn)(void *ctx, const bt_ingest_stats *st, int event);
/* Called, in input order and just before on_article, for an article that was extracted with
 * something left out (bt_extract_warn: content past a limit); `warning` names the capture. */
typedef void (*bt_ingest_warning_fn)(void *ctx, const bt_error *warning,
                                     const bt_ingest_item *item);

/* Options. Always start from BT_INGEST_OPTS_INIT: `size` lets the struct grow without
 * breaking callers built against an older header (fields past `size` take their defaults). */
typedef struct bt_ingest_opts {
    size_t size;
    unsigned jobs;        /* extraction threads; 0: the number of cores */
    unsigned read_flags;  /* bt_reader flags: BT_READ_RECURSIVE, BT_READ_RECORDS */
    unsigned flags;       /* BT_INGEST_* below */
    const bt_site_model *site; /* boilerplate model for bt_extract, or NULL (borrowed) */
    const char *db;       /* the store's path (opened by bt_ingest_new), or NULL: no store */
    size_t batch;         /* articles per transaction at most (default 1000) */
    double batch_seconds; /* and at most this long between commits (default 1.0) */
    size_t ring;          /* captures in flight at most; 0: 64, at least twice `jobs` */
    bt_ingest_article_fn on_article;
    bt_ingest_failure_fn on_failure;
    bt_ingest_progress_fn on_progress;
    void *ctx;            /* handed to the callbacks */
    bt_ingest_warning_fn on_warning; /* or NULL: warnings are not told */
} bt_ingest_opts;

#define BT_INGEST_OPTS_INIT {sizeof(bt_ingest_opts), 0, 0, 0, NULL, NULL, 1000, 1.0, 0, \
                             NULL, NULL, NULL, NULL, NULL}

/* flags */
#define BT_INGEST_STDIN_ORIGIN 0x1u /* every capture read from stdin has "-" as its origin,
                                       even a JSONL or WARC record that names its URL */
#define BT_INGEST_COUNT_INPUTS 0x2u /* count the files of the inputs first (a walk of the
                                       folders that opens no file): stats.inputs_total */
#define BT_INGEST_NO_CONNECT 0x4u   /* do not connect the articles stored (near-duplicates, stories)
                                       (bantin/connect.h): the next run without this flag
                                       indexes the articles stored meanwhile first */

/* A new pipeline with `opts` (copied; the strings and the model are borrowed until
 * bt_ingest_free). With `opts->db`, opens (creating when needed) the store: errors name it. */
BT_API int bt_ingest_new(const bt_ingest_opts *opts, bt_ingest **out, bt_error *err);
BT_API void bt_ingest_free(bt_ingest *g);

/* Queues an input for the next run: a file, a directory (read with BT_READ_RECURSIVE, else it
 * is a failure of that input), or "-" for stdin (read whole when its turn comes). The path is
 * copied; nothing is opened yet: a missing file is a failure reported by the run. */
BT_API int bt_ingest_add_path(bt_ingest *g, const char *path, bt_error *err);
/* Queues `len` bytes in memory (borrowed until the run returns), sniffed like a file; `name`
 * (copied; NULL: "<memory>") stands for the path in origins and messages. */
BT_API int bt_ingest_add_mem(bt_ingest *g, const void *data, size_t len, const char *name,
                      bt_error *err);

/* A first pass over the queued inputs (not stdin, which cannot be read twice; at most
 * `max_captures`, 0: 5000) learning the blocks they repeat (bt_site_model_learn); the model
 * then serves the next runs in place of opts->site. Unreadable inputs are left to the run to
 * report. The model stays owned by `g`; *model (when not NULL) receives it, borrowed. */
BT_API int bt_ingest_learn_site(bt_ingest *g, size_t max_captures, const bt_site_model **model,
                         bt_error *err);

/* Runs the pipeline over the queued inputs (then the queue is empty again). Fills *st (may be
 * NULL; else its size set: BT_INGEST_STATS_INIT, BT_EINVAL before anything is read when not).
 * Returns 0 when the run went to its end (failed items are only counted), or a negative
 * BT_E*: a database failure that stopped it, or threads that could not start (either is also
 * reported through on_failure, as every failure is). */
BT_API int bt_ingest_run(bt_ingest *g, bt_ingest_stats *st, bt_error *err);

/* Asks the run of `g` under way (or the next one) to stop at the next batch boundary: what
 * was delivered is committed, nothing more is read, bt_ingest_run returns 0 with
 * stats.stopped = 1. Only sets a flag (lock-free atomic): safe from a signal handler (SIGINT,
 * SIGTERM) and from another thread. */
BT_API void bt_ingest_stop(bt_ingest *g);

/* The summary of a run as one JSON object without a newline in *out (malloc'ed, owned by the
 * caller):
 * {"db":DB,"inputs":N,"captures":N,"added":N,"merged":N,"seen":N,"skipped":N,"failed":N,
 *  "seconds":S.SSS}
 * in that order (`bantin add --json`); `db` is escaped as JSON. 0, or a negative BT_E* with
 * *out NULL and `err` filled: out of memory, or `db` not UTF-8 (BT_EINVAL). Thread-safe. */
BT_API int bt_ingest_stats_to_json(const bt_ingest_stats *st, const char *db, char **out,
                            bt_error *err);

/* Merges the store file `shard` (opened read-only; a store of the same schema, as a shard job
 * writes one) into `dst`, with bt_store_add's exact-duplicate rules: each capture the shard
 * stored (its origins, in the order it stored them) is added to `dst` as its article with the
 * capture's own origin, content hash and size. So merging the shards of a job in order gives
 * the articles (same ids) and captures that one `bantin add` of all their inputs in that order
 * gives: a capture already in `dst` is seen, an article reached again gains an origin. One
 * transaction per 1000 captures; not inside a batch of `dst`. *st (may be NULL; else from
 * BT_INGEST_STATS_INIT) receives the counts (inputs 1, captures, added, merged, seen, failed, seconds). 0, or a negative BT_E*:
 * the shard cannot be opened or read (named), or `dst` failed (the open batch is rolled
 * back; the batches before it stay). A capture `dst` refuses alone is counted in failed. */
BT_API int bt_ingest_merge(bt_store *dst, const char *shard, bt_ingest_stats *st, bt_error *err);

#ifdef __cplusplus
}
#endif
#endif
