/* schema.c: the connect stage's own tables, as migration steps that continue the store's
 * version sequence (store/db.h; store/stages.c lists this stage). Never edit a released step;
 * append a new one. */
#include "connect/connect.h"

static const bti_migration connect_steps[] = {
    /* 4 -> 5: near-duplicates.
     * connect_meta: what the stored band keys were made with ('dups_params': shingle words,
     *   bands, rows, seed, written by the first writer), whether the index is whole
     *   ('dups_complete': a file upgraded from version 4 holds articles that are not in it,
     *   until the first writer makes it), and the last article row indexed ('dups_upto':
     *   the writer indexes the rows stored after it by other means).
     * dup_bands: one row per band key of an article (a WITHOUT ROWID table on (key, article
     *   DESC): a look-up reads one key's ids, newest first, from the key's leaf, no sort). No index on
     *   article: a removed article's keys stay until the next rebuild, harmless (a candidate
     *   is checked on the stored text, and one that is gone is skipped), where an index
     *   would cost 32 more B-tree writes for every article added.
     * dup_pairs: the verified duplicate pairs (a < b, articles.n), with their exact Jaccard
     *   and containment. Groups are the connected components of these pairs: they are
     *   derived when read, not stored, so that removing an article (the trigger below, fired
     *   by the store's own delete) cannot leave a group half updated. */
    {5,
    "CREATE TABLE connect_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
    "INSERT INTO connect_meta(key, value) VALUES"
    "  ('dups_complete', (SELECT CASE WHEN EXISTS (SELECT 1 FROM articles) THEN '0' ELSE '1'"
    "                     END));"
    "CREATE TABLE dup_bands(key INTEGER NOT NULL, article INTEGER NOT NULL,"
    "  PRIMARY KEY(key, article DESC)) WITHOUT ROWID;"
    "CREATE TABLE dup_pairs(a INTEGER NOT NULL, b INTEGER NOT NULL, jaccard REAL NOT NULL,"
    "  containment REAL NOT NULL, PRIMARY KEY(a, b)) WITHOUT ROWID;"
    "CREATE INDEX dup_pairs_b ON dup_pairs(b);"
    "CREATE TRIGGER dups_articles_ad AFTER DELETE ON articles BEGIN"
    "  DELETE FROM dup_pairs WHERE a = old.n OR b = old.n;"
    "END;"},
};

const bti_stage_schema bti_connect_schema = {"connect", connect_steps,
                                             sizeof connect_steps / sizeof connect_steps[0]};
