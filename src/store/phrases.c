/* phrases.c: the phrase index (bantin/store.h): whether the store's full-text table indexes
 * syllable pairs, and switching it on or off, which rebuilds the index.
 *
 * The setting is the table's own: its tokenizer is "bantin" or "bantin phrases", so the SQL
 * that created it in sqlite_schema says which, every connection reads it alike, and no other
 * table can disagree with the index. Switching drops the table and makes it again from the
 * articles in one transaction: a crash or a failure leaves the old index. */
#include "store/store_internal.h"

#include <string.h>

int bti_fts_phrases_on(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT sql FROM sqlite_schema WHERE type = 'table' AND "
                           "name = 'articles_fts'",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    int on = 0, rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *sql = (const char *)sqlite3_column_text(st, 0);
        on = sql && strstr(sql, "'" BTI_FTS_TOKENIZER " " BTI_FTS_PHRASES_OPTION "'") != NULL;
    } else if (rc != SQLITE_DONE)
        on = -1;
    sqlite3_finalize(st);
    return on;
}

int bt_store_phrase_index(bt_store *s, int *on, bt_error *err)
{
    *on = bti_fts_phrases_on(s->db);
    if (*on < 0) {
        *on = 0;
        return bti_store_db_error(s, "reading the index's settings", err);
    }
    return 0;
}

int bti_fts_create(sqlite3 *db, int phrases)
{
    static const char plain[] =
        "CREATE VIRTUAL TABLE articles_fts USING fts5(" BTI_FTS_COLUMNS ", content='"
        BTI_FTS_CONTENT "', content_rowid='n', tokenize='" BTI_FTS_TOKENIZER "');";
    static const char with_pairs[] =
        "CREATE VIRTUAL TABLE articles_fts USING fts5(" BTI_FTS_COLUMNS ", content='"
        BTI_FTS_CONTENT "', content_rowid='n', tokenize='" BTI_FTS_TOKENIZER " "
        BTI_FTS_PHRASES_OPTION "');";
    /* the table's settings go with it: the same as the migrations gave it */
    static const char settings[] =
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 16777216);"
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 10);"
        "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');";
    int rc = sqlite3_exec(db, "DROP TABLE IF EXISTS articles_fts", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, phrases ? with_pairs : plain, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, settings, NULL, NULL, NULL);
    return rc;
}

int bt_store_set_phrase_index(bt_store *s, int on, bt_error *err)
{
    if (s->flags & BT_STORE_READONLY)
        return bt_error_set(err, BT_EINVAL, "%s: opened read-only", s->path);
    if (s->in_batch)
        return bt_error_set(err, BT_EINVAL, "%s: a batch is open: commit it first", s->path);
    int now, rc = bt_store_phrase_index(s, &now, err);
    if (rc)
        return rc;
    if (now == (on != 0))
        return 0;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return bti_store_db_error(s, "rebuilding the index", err);
    if (bti_fts_create(s->db, on != 0) != SQLITE_OK ||
        sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        rc = bti_store_db_error(s, "rebuilding the index", err);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    return 0;
}
