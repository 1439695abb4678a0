/* bantin/store.h: the article store: one SQLite file, incremental and crash-safe (issue 6).
 *
 * A store is one SQLite database file (WAL mode, a busy timeout so that several processes may
 * write to it in turn). Its schema is numbered by PRAGMA user_version and migrated forward on
 * open; a file made by a newer bantin is refused. Tables:
 *
 *   articles(n INTEGER PRIMARY KEY, id TEXT UNIQUE, url, source, title, published, lede, lang,
 *            authors (names joined by "\n"), body (paragraphs joined by "\n"),
 *            captions (image captions joined by "\n", for the index), added_at)
 *   origins(article = articles.n, origin, content_hash INTEGER UNIQUE (the 64-bit value of
 *            bt_store_content_hash's hex digits), size, added_at)  the captures
 *   images(article, pos, src, caption, credit), related(article, pos, title, url)
 *   sources(name PRIMARY KEY, articles)
 *   articles_fts(title, lede, body, captions, source)  FTS5, external content = articles,
 *            content_rowid = n, tokenizer "bantin" (below), kept in step in the same
 *            transaction: new articles are indexed by the store at the end of each add or
 *            batch (one statement), removals and updates by triggers
 *
 * The "bantin" FTS5 tokenizer (registered on every connection the store opens) splits with
 * bt_tokenize and indexes, for each token:
 *   - its folded key (bt_fold: lowercase, no marks, đ -> d), at the token's position;
 *   - when the token's exact form differs from its key, a COLOCATED token (same position,
 *     FTS5_TOKEN_COLOCATED) BT_FTS_EXACT_PREFIX + the exact form: lowercase NFC with canonical
 *     tone placement (bt_normalize with BT_NORM_LOWER | BT_NORM_TONES). The prefix byte 0x01
 *     never occurs in a folded key, so exact forms never match a folded query.
 * Offsets always point into the original text, so highlight() and snippet() mark the
 * accented original. In query mode (FTS5_TOKENIZE_QUERY) only the folded key is produced:
 * `đàm` and `dam` both match every form; to match only the exact form, put the prefixed term
 * (bt_store_exact_term builds it) in quotes in the MATCH expression: the query tokenizer
 * keeps a token starting with the prefix byte as it is.
 *
 * The phrase index (off by default; bt_store_set_phrase_index, `bantin index --phrases`), as
 * Elasticsearch's index_phrases: the table's tokenizer is "bantin phrases", which also
 * indexes, colocated with each token, BT_FTS_PAIR_PREFIX + "previous-key key" (the pair of
 * folded keys of the token and the one before it in the same column, punctuation between
 * them or not, as a positional phrase sees them). A quoted MATCH string that starts with the
 * pair prefix is read as the pairs of its tokens, side by side: "\x02dam phan hoa" is the
 * phrase of the tokens "dam phan", "phan hoa". A phrase of common syllables is then one
 * short posting list instead of a walk over every syllable's (over a million articles,
 * 100 ms and more for two syllables that each appear in a tenth of them); the cost is the
 * index, about twice the size, and the time to build it (bench/README.md).
 *
 * A bt_store is used by one thread at a time (the writer thread of `bantin add`); open one per
 * thread to read in parallel. */
#ifndef BANTIN_STORE_H
#define BANTIN_STORE_H

#include "bantin/article.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The schema version this library writes (PRAGMA user_version). */
#define BT_STORE_SCHEMA_VERSION 4

/* The name the FTS5 tokenizer is registered under, and the byte that starts exact forms. */
#define BT_FTS_TOKENIZER "bantin"
#define BT_FTS_EXACT_PREFIX "\x01"

/* The phrase index (bt_store_set_phrase_index): the tokenizer's option, the byte that starts
 * a pair token, and the longest folded key that makes pairs (longer ones: the phrase is
 * matched by positions instead). */
#define BT_FTS_PHRASES_OPTION "phrases"
#define BT_FTS_PAIR_PREFIX "\x02"
#define BT_FTS_PAIR_MAX_KEY 48

/* bt_store_open flags */
#define BT_STORE_READONLY 0x1u /* open an existing file for reading only */

/* The default database path when neither --db nor BANTIN_DB names one. */
#define BT_STORE_DEFAULT_PATH "bantin.db"

typedef struct bt_store bt_store;

/* Opens (creating when needed, unless BT_STORE_READONLY) the store at `path`, migrating an
 * older schema forward. A file of a newer schema is refused with BT_EUNSUPPORTED, a missing
 * file opened read-only with BT_ENOTFOUND, an unwritable file or folder with BT_EIO; the
 * message names the path. */
BT_API int bt_store_open(const char *path, unsigned flags, bt_store **out, bt_error *err);
BT_API void bt_store_close(bt_store *s);

/* The 16 hex digits of the content hash of a capture's raw bytes, as stored in
 * origins.content_hash (and as bt_store_add computes when `o->content_hash` is NULL). */
BT_API void bt_store_content_hash(const void *data, size_t len, char out[17]);

/* Where an article came from. */
typedef struct bt_origin {
    const char *origin;       /* the path or URL, or NULL for the article's own `origin` */
    const char *content_hash; /* bt_store_content_hash of the capture bytes, or NULL: then the
                                 hash of the article's JSON record is used */
    size_t size;              /* bytes of the capture (0 when not known) */
} bt_origin;

/* bt_store_add results (>= 0) */
enum {
    BT_STORE_SEEN = 0,   /* this capture (content hash) is already stored, or this article
                            from the same origin: nothing done */
    BT_STORE_ADDED = 1,  /* a new article */
    BT_STORE_MERGED = 2  /* the article was already stored (same id or same canonical URL):
                            the capture was added as one more origin of it */
};

/* Stores `a` (its id is computed from its content with the rules of bt_article_set_id,
 * whatever a->id holds) with its origin `o` (may be NULL), images, related links and source,
 * and indexes it. Exact duplicates fold: see the results above. Returns BT_STORE_SEEN,
 * BT_STORE_ADDED or BT_STORE_MERGED, or a negative BT_E*. When `id` is not NULL it receives
 * the stored article's id (the earlier article's on a merge by URL). Outside a batch each call
 * is its own transaction; inside one, a failed add leaves nothing of itself (a savepoint).
 * Fields are stored as given (the spec's strings: NFC, white space folded), except that empty
 * paragraphs and authors are not kept and a newline inside one becomes a space (those lists
 * are stored one item per line). */
BT_API int bt_store_add(bt_store *s, const bt_article *a, const bt_origin *o, char id[17],
                 bt_error *err);

/* Whether a capture with this content hash is stored: 1 yes, 0 no, or a negative BT_E*. */
BT_API int bt_store_has_capture(bt_store *s, const char *content_hash, bt_error *err);

/* A batch: one transaction (taken for writing at once, waiting up to the busy timeout for
 * other writers). Commit makes every add since begin durable; rollback drops them. The
 * articles added in a batch enter the FTS index at its commit, together: until then a search
 * on the same connection does not find them (other connections see none of the batch). */
BT_API int bt_store_begin(bt_store *s, bt_error *err);
BT_API int bt_store_commit(bt_store *s, bt_error *err);
BT_API int bt_store_rollback(bt_store *s, bt_error *err);

/* The stored article `id` (a new record owned by the caller; `origin` is its first capture's),
 * or BT_ENOTFOUND. */
BT_API int bt_store_get(bt_store *s, const char *id, bt_article **out, bt_error *err);

/* The article with this rowid (articles.n, the FTS5 rowid): for the search layer. */
BT_API int bt_store_get_rowid(bt_store *s, int64_t n, bt_article **out, bt_error *err);

/* Removes article `id`, its origins, images, related links and index entries.
 * 0 or BT_ENOTFOUND. */
BT_API int bt_store_remove(bt_store *s, const char *id, bt_error *err);

/* Iterating over stored articles in the order they were added. */
typedef struct bt_store_filter {
    const char *added_since;     /* ISO 8601 date or time: added_at >= it, or NULL */
    const char *published_since; /* published >= it, or NULL */
} bt_store_filter;

typedef struct bt_store_iter bt_store_iter;

/* `filter` may be NULL (every article). */
BT_API int bt_store_iter_open(bt_store *s, const bt_store_filter *filter, bt_store_iter **out,
                       bt_error *err);
/* 1 and a new article in *out (owned by the caller), 0 at the end, or a negative BT_E*. */
BT_API int bt_store_iter_next(bt_store_iter *it, bt_article **out, bt_error *err);
BT_API void bt_store_iter_close(bt_store_iter *it);

typedef struct bt_store_stats {
    int64_t articles, origins, sources, images, related;
    char first_published[40]; /* "" when no article has a date */
    char last_published[40];
    char first_added[40];
    char last_added[40];
    int64_t file_bytes;  /* the database file (pages in use and free) */
    int64_t index_bytes; /* the FTS5 index's blocks */
    int schema_version;
    int phrase_index;    /* 1 when the index holds syllable pairs (bt_store_set_phrase_index) */
    int64_t index_segments; /* FTS5 segments the index is in: every query looks each one up;
                               bt_store_vacuum merges them into one */
} bt_store_stats;

BT_API int bt_store_stats_get(bt_store *s, bt_store_stats *st, bt_error *err);

/* 1 when the store's full-text index holds syllable pairs (the phrase index, above), 0 when
 * not; a negative BT_E* code on a database error (with `err` set). */
BT_API int bt_store_phrase_index(bt_store *s, bt_error *err);

/* Switches the phrase index on (on = 1) or off (0): the full-text index is made again from
 * the articles, in one transaction (minutes for a million articles; the old index stays
 * when it fails). Nothing to do when it is already so. Not inside a batch. */
BT_API int bt_store_set_phrase_index(bt_store *s, int on, bt_error *err);

/* Rebuilds the file compactly (VACUUM) after merging the index segments (FTS5 optimize). */
BT_API int bt_store_vacuum(bt_store *s, bt_error *err);

/* Checks the file (PRAGMA integrity_check) and that the index agrees with the articles (FTS5
 * 'integrity-check'). 0 when both pass, else BT_EDB with what failed. */
BT_API int bt_store_check(bt_store *s, bt_error *err);

/* Writes into `out` (cap bytes with the NUL, like snprintf) the index term that matches only
 * the exact form of one token `word`: BT_FTS_EXACT_PREFIX + its lowercase NFC tone-canonical
 * form (quote it in a MATCH expression: "\x01đàm"). Returns the length the term needs, or 0
 * when `word` has no exact form distinct from its folded key (plain ASCII: then the folded
 * key is the exact form), or when out of memory. */
BT_API size_t bt_store_exact_term(const char *word, size_t len, char *out, size_t cap);

#ifdef __cplusplus
}
#endif
#endif
