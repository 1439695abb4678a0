/* db.h: the store's friend interface for the stages that run their own SQL on a store
 * (search now, connect later): the connection, error and statement helpers, the full-text
 * table's columns and index terms, and the per-stage schema migrations. The store's private
 * details (its struct, prepared statements, tokenizer) stay in store_internal.h.
 *
 * Everything here is used on the store's own thread (a bt_store is one thread's at a time). */
#ifndef BTI_STORE_DB_H
#define BTI_STORE_DB_H

#include "bantin/store.h"
#include "bantin/text.h"

#include <sqlite3.h>
#include <stddef.h>

/* ---- the connection ------------------------------------------------------------------- */

/* The SQLite connection of an open store (owned by the store: never close it). */
sqlite3 *bti_store_db(bt_store *s);

/* Fills `err` with SQLite's message for the store's last error, naming the file and `what`;
 * returns BT_EDB (BT_EIO for I/O, full disk or read-only errors). */
int bti_store_db_error(bt_store *s, const char *what, bt_error *err);

/* Prepares `sql` on the store's connection: 0, or the store's error naming `what` (*st is
 * then NULL). The caller finalizes *st. */
int bti_store_prepare(bt_store *s, const char *sql, const char *what, sqlite3_stmt **st,
                      bt_error *err);

/* The WAL a writer lets grow before it copies the pages back into the file, in pages (4 KB:
 * 256 MB). Each batch writes every page it touched to the WAL, and the random-key indexes
 * (articles.id, origins.content_hash, the folded-title index) touch about one leaf per
 * article once they outgrow a batch, the same leaves again a few batches later; a checkpoint
 * copies each page once however often the WAL holds it, so a longer WAL copies each leaf
 * once for several batches. At 300,000 articles (`bench_search speed`) the build took 1.43x
 * the stock FTS5 insert's CPU with 8192 pages (a checkpoint after nearly every batch), 1.31x
 * with this, 1.29x with twice this (bench/README.md, issue 15, wt-xbuild2). The price: up to
 * this much WAL beside the file while a writer is open (the last connection to close copies
 * it back and removes it), and a longer recovery after a crash; what a commit keeps across a
 * crash is unchanged. */
#define BTI_STORE_WAL_PAGES 65536

/* How long a writer waits for another one's batch, in milliseconds, before it gives up with
 * "database is locked". */
#define BTI_STORE_BUSY_MS 60000

/* The step between tries to turn a new store to WAL, which SQLite does not wait for. */
#define BTI_STORE_WAL_RETRY_MS 5

/* Sets the connection up for a stage that mostly reads (search): a query reads pages of
 * posting lists all over the file, so the file is mapped (no read() and no copy; SQLite caps
 * the map at 2 GB) and a 64 MB page cache keeps a query's hot pages for the next. Once per
 * connection; best effort: a connection that refuses them only reads slower. */
void bti_store_read_mostly(bt_store *s);

/* The time (seconds since the epoch) stored as added_at for the articles added from now on,
 * instead of the clock at each add; 0: the clock again. An ingest run stamps all its articles
 * with its start, so that they are one run to the stories' order (connect/story_db.c: an
 * undated article is ordered by when it was added, ties by a hash). */
void bti_store_set_add_time(bt_store *s, int64_t t);

/* ---- INDEX_TOKENS: the index's tokens handed on ------------------------------------------- */

/* A token sink: while the FTS index tokenises the new articles of a batch (at the commit, or
 * at bti_store_index_batch), it hands the folded tokens of each new row's title, lede and
 * body (BT_TOKENIZE_FOLD's: the key, flags and offsets) to the sink, so that a stage that
 * needs those tokens too does not tokenise the texts again. Why: with connect on, ingest's
 * workers tokenised every article for its near-duplicate signature (~178 of ~3,000 perf
 * samples of an add of 3,000 corpus records, --jobs 1) and the index tokenised the same
 * texts again; recording the tokens instead (SHARED_TOKENS' tapes) cost more than
 * tokenising (bench/README.md, issue 16, twelfth and fourteenth passes).
 * For each such text: `text` (row n, column BTI_SINK_*) gives the context for its tokens, or
 * NULL to skip it; then `part` before the text's first token and again before the first
 * token after a newline of the body (its paragraphs are stored one a line), `token` for each
 * token. The rows come in the order they were added (n ascending), each row's texts in the
 * order title, lede (when not NULL), body. The sink's failures are its own: it cannot stop
 * the index. A text the index does not tokenise as the store expects (its length is not the
 * stored one's) ends the hand-over for the rest of the batch: the sink sees no more rows (if
 * row n was handed over in part, `text` is called once more with n and BTI_SINK_STOP), and
 * its users must make what they need otherwise for rows it did not see whole. */
enum { BTI_SINK_STOP = -1, BTI_SINK_TITLE, BTI_SINK_LEDE, BTI_SINK_BODY };
typedef struct bti_token_sink {
    void *ctx;
    void *(*text)(void *ctx, int64_t n, int col);
    void (*part)(void *tctx);
    int (*token)(void *tctx, const bt_token *t);
} bti_token_sink;

/* Sets (NULL: clears) the store's sink; kept by pointer, it must outlive its use. Set it
 * outside a batch. */
void bti_store_set_token_sink(bt_store *s, const bti_token_sink *sink);

/* Adds the articles added in the open batch so far to the FTS index now (handing their
 * tokens to the sink), rather than at bt_store_commit, so that what the sink made can be
 * written in the same transaction. 0 or the store's error (the caller rolls the batch back). */
int bti_store_index_batch(bt_store *s, bt_error *err);

/* ---- adding with the caller's id ------------------------------------------------------- */

/* What an id of the user's own may hold: it goes into URLs (/api/articles/ID), file names
 * and the 16 bytes every public id buffer has room for. */
#define BTI_STORE_OWN_ID_CHARS                                                                  \
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-"

/* 1 when `id` is 1 to 16 of BTI_STORE_OWN_ID_CHARS. */
int bti_store_own_id_ok(const char *id);

/* bt_store_add, except that an article carrying an id (an article record of the user's,
 * read from JSONL) is stored under that id rather than its content id, so that results join
 * with the user's data; a record whose id is already stored is one more capture of that
 * article, as a content id already stored is. BT_EINVAL (naming the field) when the id is
 * not one bti_store_own_id_ok accepts. */
int bti_store_add_own_id(bt_store *s, const bt_article *a, const bt_origin *o, int *outcome,
                         char id[17], bt_error *err);

/* The FTS5 API of `db` (for registering tokenizers and functions), or NULL. */
fts5_api *bti_fts5_api(sqlite3 *db);

/* The article with this rowid (articles.n, the FTS5 rowid), a new record owned by the
 * caller, or BT_ENOTFOUND. */
int bti_store_get_rowid(bt_store *s, int64_t n, bt_article **out, bt_error *err);

/* 1 when `name` is a kind of article the store keeps (bt_article_kind_known): for the query
 * language's kind:, which reads the stored column (search uses the store, not the record). */
int bti_store_kind_known(const char *name);

/* ---- the full-text table -------------------------------------------------------------- */

/* articles_fts's columns, in their order: FTS5 numbers them so (a ranking function's weights
 * are indexed by these), and they are columns of `articles` of the same names. */
enum { BTI_FTS_TITLE, BTI_FTS_LEDE, BTI_FTS_BODY, BTI_FTS_CAPTIONS, BTI_FTS_SOURCE, BTI_FTS_NCOL };

/* One varint of FTS5's docsize record (its per-column token counts: SQLite's varint format,
 * 7 bits a byte, the ninth byte whole) at p, n bytes left, into *v: its length, 0 when cut
 * short. The index check (store.c) and related's length norm (connect/related.c) read it. */
size_t bti_fts_varint(const unsigned char *p, size_t n, uint64_t *v);

/* The column list, each name after the prefix `p` (a string literal: "", "new.", "a."). */
#define BTI_FTS_COLUMNS_P(p) p "title, " p "lede, " p "body, " p "captions, " p "source"
#define BTI_FTS_COLUMNS BTI_FTS_COLUMNS_P("")

/* The values of those columns as the index reads them, from the row `p` ("new.", "old.",
 * ""): the body and captions after BTI_FTS_FOLDED_ONLY, which tells the tokenizer to index
 * their folded keys only (no exact forms: see below). FTS5 reads its content through the view
 * BTI_FTS_CONTENT (these values, from `articles`), so that a 'rebuild', a 'delete' and the
 * index's own check all see what was indexed. */
#define BTI_FTS_FOLDED_ONLY "\x03"
#define BTI_FTS_VALUES_P(p)                                                                     \
    p "title, " p "lede, char(3) || " p "body, char(3) || " p "captions, " p "source"
#define BTI_FTS_CONTENT "articles_fts_text"

/* The tokenizer (tokenizer.c) indexes, for each token, its folded key at the token's
 * position and, when the exact form (lowercase NFC, canonical tone placement) differs, a
 * colocated token BTI_FTS_EXACT_PREFIX + the exact form: the prefix byte never occurs in a
 * folded key, so exact forms never match a folded query. A text that starts with
 * BTI_FTS_FOLDED_ONLY (the body and captions: nine tenths of the tokens) gives folded keys
 * only: exact forms there cost 0.84x stock FTS5's whole index (bench/README.md, issue 15),
 * and search finds the marks as typed in them from the text (search.c). In query mode it produces only the
 * folded key, except that a token starting with the prefix byte is kept as it is: a quoted
 * exact term (bti_store_exact_term) matches only that form. With the phrase option it also
 * indexes, colocated, BTI_FTS_PAIR_PREFIX + "previous-key key" (the keys of the token and the
 * one before it in the same column); a quoted MATCH string starting with the pair prefix is
 * read as the pairs of its tokens side by side: "\x02dam phan hoa" is the phrase of the
 * tokens "dam phan", "phan hoa".
 * It tokenises every document text itself, in the writer at the batch's commit, and hands the
 * new rows' title, lede and body tokens on to the store's token sink when one is set
 * (INDEX_TOKENS, below: ingest's near-duplicate signatures); replaying tokens the workers
 * recorded instead (SHARED_TOKENS' tapes) cost more CPU natively than tokenising twice
 * (connect on, 3,000 corpus records: 1.01 s with the tapes, 0.92 s without).
 *
 * The name the FTS5 tokenizer is registered under, and the byte that starts exact forms. */
#define BTI_FTS_TOKENIZER "bantin"
#define BTI_FTS_EXACT_PREFIX "\x01"

/* The phrase index (bt_store_set_phrase_index): the tokenizer's option, the byte that starts
 * a pair token, and the longest folded key that makes pairs (longer ones: the phrase is
 * matched by positions instead). */
#define BTI_FTS_PHRASES_OPTION "phrases"
#define BTI_FTS_PAIR_PREFIX "\x02"
#define BTI_FTS_PAIR_MAX_KEY 48

/* Writes into `out` (cap bytes with the NUL, like snprintf) the index term that matches only
 * the exact form of one token `word`: BTI_FTS_EXACT_PREFIX + its lowercase NFC tone-canonical
 * form (quote it in a MATCH expression: "\x01đàm"). Returns the length the term needs, or 0
 * when `word` has no exact form distinct from its folded key (plain ASCII: then the folded
 * key is the exact form), or when out of memory. */
size_t bti_store_exact_term(const char *word, size_t len, char *out, size_t cap);

/* Drops articles_fts (if there) and makes it again over BTI_FTS_CONTENT with the phrase
 * option or not, the store's settings, and every article indexed (phrases.c): inside the
 * caller's transaction. An SQLite code. */
int bti_fts_create(sqlite3 *db, int phrases);

/* The phrase option of articles_fts as the SQL that made it says (1 or 0), or -1 when the
 * table cannot be read. */
int bti_fts_phrases_on(sqlite3 *db);

/* ---- schema migrations, per stage ----------------------------------------------------- */

/* One step: the SQL that takes a file to schema `version` (PRAGMA user_version) from the one
 * before. Versions are one sequence over all stages: a stage's next step takes the next free
 * number, whichever stage took the last. Never edit a released step; append a new one. */
typedef struct bti_migration {
    int version;
    const char *sql;
} bti_migration;

/* A stage's steps, in version order. */
typedef struct bti_stage_schema {
    const char *stage; /* for messages: "store", "connect" */
    const bti_migration *steps;
    size_t n_steps;
} bti_stage_schema;

/* The stages that own tables, ending with NULL (stages.c: the one list a new stage joins,
 * so that it brings its tables without editing the store's steps). */
extern const bti_stage_schema *const bti_stage_schemas[];

/* The store's own steps (schema.c), and the connect stage's (connect/schema.c): declared
 * here, not in connect's headers, so that the list names them without an include arrow
 * against the flow; the layers check allows this one reference from stages.c. */
extern const bti_stage_schema bti_store_schema;
extern const bti_stage_schema bti_connect_schema;
extern const bti_stage_schema bti_top_schema; /* most read, kind (connect/top_schema.c) */

/* The highest version of all the stages' steps (= BT_STORE_SCHEMA_VERSION), or BT_EINVAL
 * with a message when the steps do not number 1, 2, ... each once. */
int bti_schema_check(const bti_stage_schema *const *stages, int *version, bt_error *err);

#endif
