/* bantin/store.h: the article store: the SQLite file that extracted articles are kept in,
 * searched (bantin/search.h) and exported from.
 *
 * A store is one SQLite database file (WAL mode, a busy timeout so that several processes may
 * write to it in turn). Its schema is numbered by PRAGMA user_version and migrated forward on
 * open; a file made by a newer bantin is refused. Tables:
 *
 *   articles(n INTEGER PRIMARY KEY, id TEXT UNIQUE, url, source, title, published, lede, lang,
 *            authors (names joined by "\n"), body (paragraphs joined by "\n"),
 *            captions (image captions joined by "\n", for the index), added_at,
 *            kind (NULL for an article, else bt_article.kind; indexed), and an index on
 *            bantin_title_hash(title), the 64-bit hash of bantin_fold(title): SQL functions
 *            every connection of the store has)
 *   origins(article = articles.n, origin, content_hash INTEGER UNIQUE (the 64-bit value of
 *            bt_store_content_hash's hex digits), size, added_at)  the captures
 *   images(article, pos, src, caption, credit), related(article, pos, title, url)
 *   most_read(article, pos, title, url)  the page's "most read" box
 *   views(article, day, n)  views per UTC day (bantin/connect.h bt_article_view)
 *   sources(name PRIMARY KEY, articles)
 *   articles_fts(title, lede, body, captions, source)  FTS5, external content = articles,
 *            content_rowid = n, bantin's own tokenizer (registered on every connection the
 *            store opens)
 *
 * Invariants: an article's id is computed from its content (bt_article_set_id's rules), so
 * the same article stored twice is one row; the full-text index is in step with the articles
 * at every commit (new articles enter it at the end of each add or batch, removals and
 * updates by triggers), and a crash loses both or neither.
 *
 * The index holds, for each token (bt_tokenize), its folded key (bt_fold: lowercase, no
 * marks, đ -> d), and in the title and lede, when it differs, the exact form (lowercase
 * NFC, canonical tone placement) at the same position: a query matches every form of a word,
 * and ranking can prefer the exact one (search reads the exact forms of bodies and captions
 * from their text: indexed, they made the index 1.84x stock FTS5's instead of 1.12x). Offsets point into the original text, so snippets mark the accented
 * original.
 *
 * The phrase index (off by default; bt_store_set_phrase_index, `bantin index --phrases`), as
 * Elasticsearch's index_phrases, also indexes the pair of each token's folded key and the one
 * before it: a phrase of common syllables is then one short posting list instead of a walk
 * over every syllable's (over a million articles, 100 ms and more for two syllables that each
 * appear in a tenth of them); the cost is the index, about twice the size, and the time to
 * build it (bench/README.md).
 *
 * Depends on: the article record (bantin/article.h), text folding and tokenizing
 * (bantin/text.h), SQLite with FTS5.
 *
 * Thread safety: a bt_store is used by one thread at a time (the writer thread of
 * `bantin add`); open one per thread to read in parallel. Functions on different stores run
 * in parallel freely. */
#ifndef BANTIN_STORE_H
#define BANTIN_STORE_H

#include "bantin/article.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The schema version this library writes (PRAGMA user_version). */
#define BT_STORE_SCHEMA_VERSION 10

/* bt_store_open flags */
#define BT_STORE_READONLY 0x1u /* open an existing file for reading only; when its place
                                  cannot be written (a read-only medium, a folder of another
                                  user, a full disk) it is read as an immutable file */
#define BT_STORE_EXISTING 0x2u /* open an existing store for writing, never create one: a
                                  missing file is BT_ENOTFOUND (a mistyped path must not become
                                  a new empty store) */

/* The default database path when neither --db nor BANTIN_DB names one. */
#define BT_STORE_DEFAULT_PATH "bantin.db"

typedef struct bt_store bt_store;

/* Opens (creating when needed, unless BT_STORE_READONLY) the store at `path`, migrating an
 * older schema forward. A file of a newer schema is refused with BT_EUNSUPPORTED, a missing
 * file opened read-only or with BT_STORE_EXISTING with BT_ENOTFOUND, an unwritable file or
 * folder (for writing) with BT_EIO, a folder with BT_EINVAL, and a non-empty SQLite database
 * that is not a bantin store (another application's) with BT_EINVAL, untouched; the message
 * names the path. */
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

/* What bt_store_add did (its *outcome) */
enum {
    BT_STORE_SEEN = 0,   /* this capture (content hash) is already stored, or this article
                            from the same origin: nothing done */
    BT_STORE_ADDED = 1,  /* a new article */
    BT_STORE_MERGED = 2  /* the article was already stored (same id or same canonical URL):
                            the capture was added as one more origin of it */
};

/* Stores `a` (its id is computed from its content with the rules of bt_article_set_id,
 * whatever a->id holds) with its origin `o` (may be NULL), images, related links and source,
 * and indexes it. Exact duplicates fold: *outcome (when not NULL) is set to BT_STORE_SEEN,
 * BT_STORE_ADDED or BT_STORE_MERGED. Returns 0 or a negative BT_E*. When `id` is not NULL it receives
 * the stored article's id (the earlier article's on a merge by URL). Outside a batch each call
 * is its own transaction; inside one, a failed add leaves nothing of itself (a savepoint).
 * Fields are stored as given (the spec's strings: NFC, white space folded), except that empty
 * paragraphs and authors are not kept and a newline inside one becomes a space (those lists
 * are stored one item per line). */
BT_API int bt_store_add(bt_store *s, const bt_article *a, const bt_origin *o, int *outcome,
                 char id[17], bt_error *err);

/* Whether a capture with this content hash is stored: 0 with *has set to 1 (yes) or 0 (no),
 * or a negative BT_E* (BT_EINVAL: not 16 hex digits; BT_EDB). */
BT_API int bt_store_has_capture(bt_store *s, const char *content_hash, int *has, bt_error *err);

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

/* The full id of the one stored article whose id starts with `prefix` (1 to 16 hex digits,
 * as git takes a commit's), into id[17]: 0; BT_ENOTFOUND when none does, BT_EINVAL when it is
 * not hex or several do (the message names a few of them). An id an article record brought
 * with it (bt_ingest keeps it: "train-000001", "112377") is matched whole, before any prefix. */
BT_API int bt_store_resolve_id(bt_store *s, const char *prefix, char id[17], bt_error *err);

/* Removes article `id`, its origins, images, related links and index entries.
 * 0 or BT_ENOTFOUND. */
BT_API int bt_store_remove(bt_store *s, const char *id, bt_error *err);

/* Iterating over stored articles in the order they were added. */
/* Always start from BT_STORE_FILTER_INIT (`size` lets the struct grow without breaking callers
 * built against an older header). */
typedef struct bt_store_filter {
    size_t size;                 /* sizeof(bt_store_filter) as the caller was built */
    const char *added_since;     /* ISO 8601 date or time: added_at >= it, or NULL */
    const char *published_since; /* published >= it, or NULL */
} bt_store_filter;

#define BT_STORE_FILTER_INIT {sizeof(bt_store_filter), NULL, NULL}

typedef struct bt_store_iter bt_store_iter;

/* `filter` may be NULL (every article). */
BT_API int bt_store_iter_open(bt_store *s, const bt_store_filter *filter, bt_store_iter **out,
                       bt_error *err);
/* 0 and the next article in *out (a new record owned by the caller), or 0 and *out NULL at
 * the end; a negative BT_E* on a database error. */
BT_API int bt_store_iter_next(bt_store_iter *it, bt_article **out, bt_error *err);
BT_API void bt_store_iter_close(bt_store_iter *it);

/* What a store holds. Start from BT_STORE_STATS_INIT: `size` lets the struct grow without
 * breaking callers built against an older header (the library writes only the fields within
 * `size`). */
typedef struct bt_store_stats {
    size_t size; /* sizeof(bt_store_stats) as the caller was built */
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

#define BT_STORE_STATS_INIT {.size = sizeof(bt_store_stats)}

/* Fills *st (its size set: BT_STORE_STATS_INIT). 0, or BT_EINVAL when st->size is not set, or
 * a negative BT_E* on a database error. */
BT_API int bt_store_stats_get(bt_store *s, bt_store_stats *st, bt_error *err);

/* Sets *on to 1 when the store's full-text index holds syllable pairs (the phrase index,
 * above), to 0 when not. 0, or a negative BT_E* on a database error (*on is then 0). */
BT_API int bt_store_phrase_index(bt_store *s, int *on, bt_error *err);

/* Switches the phrase index on (on = 1) or off (0): the full-text index is made again from
 * the articles, in one transaction (minutes for a million articles; the old index stays
 * when it fails). Nothing to do when it is already so. Not inside a batch. */
BT_API int bt_store_set_phrase_index(bt_store *s, int on, bt_error *err);

/* Rebuilds the file compactly (VACUUM) after merging the index segments (FTS5 optimize). */
BT_API int bt_store_vacuum(bt_store *s, bt_error *err);

/* Checks the file (PRAGMA integrity_check) and that the index agrees with the articles (FTS5
 * 'integrity-check'). 0 when both pass, else BT_EDB with what failed. */
BT_API int bt_store_check(bt_store *s, bt_error *err);

/* The JSON object of `st` that `bantin stats --json` prints and the server sends, into *out
 * (malloc'ed, owned by the caller; no trailing newline). Members in this order, the dates
 * null when "" (no article has one):
 *   {"articles":N,"origins":N,"sources":N,"images":N,"related":N,
 *    "first_published":"..."|null,"last_published":...,"first_added":...,"last_added":...,
 *    "file_bytes":N,"index_bytes":N,"index_segments":N,"schema_version":N,
 *    "phrase_index":true|false}
 * `flags`: 0 (compact) or BT_JSON_PRETTY; other bits are BT_EINVAL. Returns 0; BT_EINVAL for
 * a date that is not valid UTF-8 (naming the field); BT_ENOMEM. *out is NULL on failure.
 * Thread-safe (reads `st`). */
BT_API int bt_store_stats_to_json(const bt_store_stats *st, unsigned flags, char **out, bt_error *err);

#ifdef __cplusplus
}
#endif
#endif
