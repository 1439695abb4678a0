/* store_internal.h: what the store's own files share and no other stage sees: the store's
 * struct and prepared statements, the tokenizer and VFS registrations, the schema runner.
 * Other stages use db.h. */
#ifndef BTI_STORE_INTERNAL_H
#define BTI_STORE_INTERNAL_H

#include "store/db.h"

/* The prepared statements of a store, by purpose. */
enum {
    ST_HAS_CAPTURE,
    ST_FIND_ID,
    ST_FIND_URL,
    ST_INS_ARTICLE,
    ST_INS_ORIGIN,
    ST_INS_IMAGE,
    ST_INS_RELATED,
    ST_INS_MOST_READ,
    ST_GET_ID,
    ST_GET_N,
    ST_GET_IMAGES,
    ST_GET_RELATED,
    ST_GET_MOST_READ,
    ST_GET_ORIGIN,
    ST_DEL_ARTICLE,
    ST_FIND_ORIGIN,
    ST_SAVEPOINT,
    ST_RELEASE,
    ST_ROLLBACK_TO,
    ST_INDEX_FROM,
    ST_COUNT
};

/* The index's columns (BTI_FTS_COLUMNS), in its order: the first three are the sink's. */
enum { BTI_SINK_COL_CAPTIONS = BTI_SINK_BODY + 1, BTI_SINK_COL_SOURCE, BTI_SINK_COLS };

struct bt_store {
    sqlite3 *db;
    char *path;
    unsigned flags;
    int in_batch;
    int read_mostly;    /* bti_store_read_mostly has set the connection up */
    int64_t index_from; /* articles from this n on are not in the FTS index yet; 0: none */
    int64_t add_time;   /* added_at of what is added now (bti_store_set_add_time); 0: the clock */
    sqlite3_stmt *st[ST_COUNT];
    /* INDEX_TOKENS (db.h): the sink, the lengths of the texts of the batch's new rows as the
     * index will read them (-1: NULL, not tokenised), and the tokenizer's place among them */
    const bti_token_sink *sink;
    struct bti_sink_row {
        int64_t n;
        int64_t len[BTI_SINK_COLS];
    } *sink_rows;
    size_t sink_nrows, sink_cap;
    int sink_on;     /* the index is tokenising the rows: hand their tokens over */
    int sink_broken; /* the hand-over stopped for this batch (db.h) */
    size_t sink_row; /* the row the next text belongs to */
    int sink_col;    /* its column, of the index's (BTI_FTS_COLUMNS) */
};

/* INDEX_TOKENS: called by the tokenizer for each document text while sink_on: the column of
 * the text (BTI_SINK_*) and the sink's context for it, or NULL (not handed over). */
void *bti_store_sink_text(bt_store *s, const char *text, int len, int *col);

/* The 64-bit value of a 16-hex-digit content hash (as origins.content_hash stores it).
 * 0 or BT_EINVAL. */
int bti_store_hash_value(const char *hex, int64_t *v);

/* Adds the articles stored since the last call to the FTS index, in one statement (see
 * write.c); 0 or an error. */
int bti_store_index_pending(bt_store *s, bt_error *err);

/* Registers the "bantin" FTS5 tokenizer on `db` (tokenizer.c), for store `s` (NULL: none;
 * its token sink gets the index's tokens, INDEX_TOKENS). SQLITE_OK or an SQLite code. */
int bti_fts_register(sqlite3 *db, bt_store *s);

/* Registers the SQL functions bantin_fold(text) and bantin_title_hash(text) (fold_sql.c) on
 * `db`: the store's index of folded-title hashes (schema step 9) and the look-ups that use it
 * call them on every connection.
 * SQLITE_OK or an SQLite code. */
int bti_fold_sql_register(sqlite3 *db);

/* The name of map_vfs.c's VFS, which maps a read-only store's whole file (its comment says
 * why), and its registration: once per process, thread-safe; SQLITE_OK or an SQLite code. */
#define BTI_MAP_VFS "bantin-map"
int bti_map_vfs_register(void);

/* Creates or migrates the schema of an open store: every stage's steps (db.h) from the
 * file's version on (schema.c). */
int bti_schema_migrate(bt_store *s, bt_error *err);

/* Builds an article from the row of ST_GET_ID/ST_GET_N/an iterator statement whose columns
 * are BTI_ARTICLE_COLUMNS, with its images, related links and first origin (read.c). */
#define BTI_ARTICLE_COLUMNS \
    "n, id, url, source, title, published, lede, lang, authors, body, kind"
int bti_store_row_article(bt_store *s, sqlite3_stmt *row, bt_article **out, bt_error *err);

#endif
