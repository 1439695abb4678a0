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
    /* 5 -> 6: stories.
     * stories: one row per story, its id the row number of its founding article (the first
     *   in the clustering's order, stable while that article stays stored); its size, the
     *   dates (seconds since the epoch) of its earliest and latest articles, its most central
     *   article (the title) and its key terms (one per line, heaviest first).
     * story_articles: each clustered article's story and the date it was clustered with
     *   (published, else the day it was added). An article without a row is waiting for the
     *   next writer (stored by another means, or a run killed before its stories were made).
     * story_state: the online clustering's own state (story_state.c's bytes) as it stood
     *   before the articles of `day` (days since the epoch, UTC), for the newest two days, and
     *   the row number of each of its documents (`docs`, 64-bit native integers): the writer
     *   loads the newest state from before its earliest new article and adds that day's
     *   articles and the later ones again with the new ones, in one order whatever the order
     *   of arrival (story_db.c); and under `day` = INT64_MAX the state after the last
     *   clustered article, from which a writer whose new articles all come later continues
     *   (INT64_MAX - 1: which article that is, and how many documents the state holds).
     *   Removing an article drops the states: the next writer starts
     *   over, and gets what a rebuild gets. The trigger keeps the sizes and dates of the
     *   stories true at once (a removed central article: the reader takes another member's
     *   title). */
    {6,
    "CREATE TABLE stories(id INTEGER PRIMARY KEY, size INTEGER NOT NULL,"
    "  first INTEGER NOT NULL, last INTEGER NOT NULL, central INTEGER,"
    "  terms TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX stories_last ON stories(last);"
    "CREATE TABLE story_articles(article INTEGER PRIMARY KEY, story INTEGER NOT NULL,"
    "  date INTEGER NOT NULL);"
    "CREATE INDEX story_articles_story ON story_articles(story, date);"
    "CREATE TABLE story_state(day INTEGER PRIMARY KEY, state BLOB NOT NULL,"
    "  docs BLOB NOT NULL);"
    "CREATE TRIGGER stories_articles_ad AFTER DELETE ON articles BEGIN"
    "  UPDATE stories SET size = size - 1,"
    "    first = coalesce((SELECT min(date) FROM story_articles"
    "                      WHERE story = stories.id AND article <> old.n), first),"
    "    last = coalesce((SELECT max(date) FROM story_articles"
    "                     WHERE story = stories.id AND article <> old.n), last)"
    "    WHERE id = (SELECT story FROM story_articles WHERE article = old.n);"
    "  DELETE FROM stories WHERE size <= 0"
    "    AND id = (SELECT story FROM story_articles WHERE article = old.n);"
    "  DELETE FROM story_articles WHERE article = old.n;"
    "  DELETE FROM story_state;"
    "END;"},
};

const bti_stage_schema bti_connect_schema = {"connect", connect_steps,
                                             sizeof connect_steps / sizeof connect_steps[0]};
