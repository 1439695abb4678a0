/* phrases.c: the phrase index (bantin/store.h): whether the store's full-text table indexes
 * syllable pairs, and switching it on or off, which rebuilds the index.
 *
 * The setting is the table's own: its tokenizer is "bantin" or "bantin phrases", so the SQL
 * that created it in sqlite_schema says which, every connection reads it alike, and no other
 * table can disagree with the index. Switching drops the table and makes it again from the
 * articles in one transaction: a crash or a failure leaves the old index. */
#include "store/store_internal.h"

#include <string.h>

int bt_store_phrase_index(bt_store *s, int *on, bt_error *err)
{
    *on = 0;
    sqlite3_stmt *st = NULL;
    int rc = bti_store_prepare(s,
                               "SELECT sql FROM sqlite_schema WHERE type = 'table' AND "
                               "name = 'articles_fts'",
                               "reading the index's settings", &st, err);
    if (rc)
        return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *sql = (const char *)sqlite3_column_text(st, 0);
        *on = sql && strstr(sql, "'" BTI_FTS_TOKENIZER " " BTI_FTS_PHRASES_OPTION "'") != NULL;
    } else if (rc != SQLITE_DONE) {
        sqlite3_finalize(st);
        return bti_store_db_error(s, "reading the index's settings", err);
    }
    sqlite3_finalize(st);
    return 0;
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
    static const char plain[] =
        "CREATE VIRTUAL TABLE articles_fts USING fts5(" BTI_FTS_COLUMNS ", content='articles',"
        " content_rowid='n', tokenize='" BTI_FTS_TOKENIZER "');";
    static const char phrases[] =
        "CREATE VIRTUAL TABLE articles_fts USING fts5(" BTI_FTS_COLUMNS ", content='articles',"
        " content_rowid='n', tokenize='" BTI_FTS_TOKENIZER " " BTI_FTS_PHRASES_OPTION "');";
    /* the table's settings go with it: the same as the migrations give a new store */
    static const char settings[] =
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 16777216);"
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 10);"
        "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');";
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return bti_store_db_error(s, "rebuilding the index", err);
    if (sqlite3_exec(s->db, "DROP TABLE articles_fts", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(s->db, on ? phrases : plain, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(s->db, settings, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        rc = bti_store_db_error(s, "rebuilding the index", err);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    return 0;
}
