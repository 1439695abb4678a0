/* connect.h: the connect stage over a store (internal): its migration steps, the band index
 * over the dup_bands table, and the writer's incremental near-duplicate detection that
 * ingest calls after each new article. The public calls are in bantin/connect.h. */
#ifndef BTI_CONNECT_CONNECT_H
#define BTI_CONNECT_CONNECT_H

#include "bantin/connect.h"
#include "connect/dups.h"
#include "store/db.h"

/* The connect stage's schema steps (schema.c) are bti_connect_schema, declared in
 * store/db.h beside the store's and listed in store/stages.c. */

/* ---- the band index over dup_bands ------------------------------------------------------- */

typedef struct bti_band_db bti_band_db;

/* A band index over the store's dup_bands table (statements prepared once; the store must
 * outlive it). 0 or the store's error. */
int bti_band_db_new(bt_store *s, bti_band_db **out, bt_error *err);
void bti_band_db_free(bti_band_db *b);
bti_band_index bti_band_db_index(bti_band_db *b);
/* Forgets what it knows of the table's keys (band_filter.c's filter): after the table was
 * emptied by other statements on the same connection. */
void bti_band_db_forget(bti_band_db *b);
/* Keys whose ids were read from the table so far (the look-ups the filter did not skip). */
size_t bti_band_db_keys_read(const bti_band_db *b);
/* DEFER_SORTED (band_db.c): after defer, the keys added are held in memory (look-ups see
 * them) until flush writes them, in the order of their keys (keep), or drops them (!keep:
 * the caller rolls back). flush: 0 or BT_EDB. */
void bti_band_db_defer(bti_band_db *b);
int bti_band_db_flush(bti_band_db *b, int keep);

/* A filter of band keys (band_filter.c): may_hold is 1 for every key added, and for a few
 * others. `keys`: how many it is first sized for (it grows past them). */
typedef struct bti_band_filter bti_band_filter;
int bti_band_filter_new(size_t keys, bti_band_filter **out); /* 0 or BT_ENOMEM */
void bti_band_filter_free(bti_band_filter *f);
int bti_band_filter_add(bti_band_filter *f, uint64_t key); /* 0 or BT_ENOMEM */
int bti_band_filter_may_hold(const bti_band_filter *f, uint64_t key);

/* SET_SLABS: the memory that the shingle cache and the signatures' builder keep their sets in,
 * in slabs of BTI_SLAB_BYTES aligned on their size (bti_slab_new, shingle_cache.c; NULL when
 * there is no memory; freed by free()). Where the system has transparent huge pages (Linux,
 * madvise), a slab is asked for as one: its first touch is one page fault instead of 512.
 * On this VM a fault costs ~10 us: the cache's ~9 MB and the batch's signatures were ~3,500
 * of the faults of an add of 3,000 corpus records (bench/README.md, issue 16, fifteenth pass). */
#define BTI_SLAB_BYTES ((size_t)2 << 20)
void *bti_slab_new(void);

/* The shingle sets of the rows indexed last (shingle_cache.c): at most `slots` rows and
 * about `max_bytes` of sets. put copies v (sorted unique when `sorted`; else sorted by the
 * first get), replacing what row n held (0 or BT_ENOMEM); get gives row n's sorted unique
 * set, or NULL when it is not held. */
typedef struct bti_shingle_cache bti_shingle_cache;
int bti_shingle_cache_new(size_t slots, size_t max_bytes, bti_shingle_cache **out);
void bti_shingle_cache_free(bti_shingle_cache *c);
int bti_shingle_cache_put(bti_shingle_cache *c, int64_t n, const uint64_t *v, size_t len,
                          int sorted);
const bti_u64s *bti_shingle_cache_get(bti_shingle_cache *c, int64_t n);
void bti_shingle_cache_forget(bti_shingle_cache *c, int64_t n);
void bti_shingle_cache_clear(bti_shingle_cache *c);

/* ---- the writer ----------------------------------------------------------------------------- */

typedef struct bti_connect bti_connect;

/* The near-duplicate writer of store s (the writer's connection; s must outlive it). When
 * the index was made with other signature parameters or is incomplete (a file upgraded from
 * schema 4), it is made again; articles stored after the last one it indexed (by
 * bt_store_add directly, a shard merge, BT_INGEST_NO_CONNECT) are indexed (each in one
 * transaction). 0 or a negative BT_E*. */
int bti_connect_open(bt_store *s, bti_connect **out, bt_error *err);
void bti_connect_close(bti_connect *c);

/* An article's shingle set and band keys, computed from the extracted record (the reference
 * that INDEX_TOKENS' signatures, below, equal; ingest makes them from the index's tokens
 * now, where its workers made these): the same set as from the stored text
 * (the store keeps the parts as given, less empty paragraphs, which give no shingle, and
 * with newlines inside a paragraph made spaces, which tokenize alike). Thread-safe. */
typedef struct bti_dup_sig bti_dup_sig;
int bti_dup_sig_of(const bt_article *a, bti_dup_sig **out); /* 0 or BT_ENOMEM */
void bti_dup_sig_free(bti_dup_sig *s);

/* INDEX_TOKENS: the same signature made from tokens handed over one by one, by the FTS
 * index as it tokenises the stored row n at the batch's commit (store/db.h's token sink;
 * ingest/run.c connects the two): the title, the lede and each paragraph a part, in that
 * order, each opened by bti_dup_sig_part. The walk is shingle.c's, so the set and keys equal
 * bti_dup_sig_of's when the tokens and parts do (the index's folded tokens are
 * bt_tokenize's). SIG_BUILDER (dups_db.c): a builder makes one signature at a time, in its
 * own buffer; starting the next one closes the one before (its set copied into the
 * builder's slabs, its keys made), as finish does. rewind gives the slabs out again from
 * the first: the signatures closed before it must not be used after it. A signature is
 * reused by bti_dup_sig_start. token always returns 0 (a failure is kept, not reported: the
 * index goes on); finish: 0, or BT_ENOMEM when a token could not be kept (then the
 * signature must not be used). A signature made for row n is used by bti_connect_add only
 * for row n (which may sort its set in place). A builder and its signatures are freed in
 * either order. */
typedef struct bti_dup_builder bti_dup_builder;
int bti_dup_builder_new(bti_dup_builder **out); /* 0 or BT_ENOMEM */
void bti_dup_builder_free(bti_dup_builder *b);
void bti_dup_builder_rewind(bti_dup_builder *b);
int bti_dup_sig_new(bti_dup_sig **out); /* 0 or BT_ENOMEM */
void bti_dup_sig_start(bti_dup_builder *b, bti_dup_sig *s, int64_t n);
void bti_dup_sig_part(bti_dup_sig *s);
int bti_dup_sig_token(bti_dup_sig *s, const bt_token *t);
int bti_dup_sig_finish(bti_dup_sig *s);
void bti_dup_sig_drop(bti_dup_sig *s); /* not to be used: finish will say BT_ENOMEM */
/* SINK_WALK: a token sink (store/db.h) hands an open signature's texts to the context
 * bti_dup_sig_sink gives (NULL: the signature is not open or failed; then it is marked not
 * to be used), with bti_dup_sig_sink_part and bti_walk_sink_token (dups.h) as its part and
 * token callbacks: a token goes straight to the signature's walk. */
void *bti_dup_sig_sink(bti_dup_sig *s);
void bti_dup_sig_sink_part(void *ctx);
/* What a signature holds (for tests): its shingles in the order made, and its band keys
 * (bti_dups_opts' bands of them, 0 for a set without words). */
const uint64_t *bti_dup_sig_shingles(const bti_dup_sig *s, size_t *n);
const uint64_t *bti_dup_sig_keys(const bti_dup_sig *s);

/* Indexes the stored article `id` (just added, in the caller's transaction): its shingles
 * (`sig`, or from the stored text when NULL), one look-up per band, the exact check of each
 * candidate, the verified pairs and band keys written. 0 or a negative BT_E* naming the
 * article. */
int bti_connect_add(bti_connect *c, const char *id, bti_dup_sig *sig, bt_error *err);

/* DEFER_SORTED: between defer and flush, the band-key rows of the articles added (and the
 * last row indexed, 'dups_upto') are held in memory, written at the flush in the order of
 * their keys (keep) or dropped (!keep: the caller rolls back; err untouched). Ingest defers
 * a batch's adds. flush: 0 or a negative BT_E*. */
void bti_connect_defer(bti_connect *c);
int bti_connect_flush(bti_connect *c, int keep, bt_error *err);

/* Empties the index and adds every stored article again in the order they were added, in
 * one transaction of its own (not inside a batch). */
int bti_connect_rebuild(bt_store *s, bt_error *err);

/* ---- stories (story_db.c) ------------------------------------------------------------------ */

/* Clusters the stored articles that have no story yet, in one transaction of its own (not
 * inside a batch), continuing from the saved state (or from nothing when an article is
 * older than it, or with `rebuild`: every story made again). The result is the same
 * whatever order the articles were stored in, within a day. 0 or a negative BT_E*. */
int bti_stories_update(bt_store *s, int rebuild, bt_error *err);

/* The sorted shingle set of the stored article with row n into *out, and its published
 * time (seconds since the epoch, BTI_DUPS_NO_DATE without a readable date; `published` may
 * be NULL). `row` is the caller's statement of BTI_CONNECT_ROW_SQL (reset after). 0,
 * BT_ENOTFOUND (no such row), BT_ENOMEM or the store's error. */
#define BTI_CONNECT_ROW_SQL "SELECT title, lede, body, published FROM articles WHERE n = ?"

int bti_connect_shingles_of(bt_store *s, sqlite3_stmt *row, const bti_dups_opts *o, int64_t n,
                            bti_u64s *out, int64_t *published, bt_error *err);

/* Seconds since the epoch of an ISO 8601 date ("2021-08-20T10:00:00+07:00", a date alone =
 * midnight UTC), or BTI_DUPS_NO_DATE. */
int64_t bti_connect_epoch(const char *iso);

#endif
