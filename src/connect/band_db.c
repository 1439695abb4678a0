/* band_db.c: the band index (dups.h's bti_band_index) over the store's dup_bands table: a
 * look-up is one range read of the (key, article) primary key, newest article first, so
 * adding an article costs one indexed read per band, never a scan. */
#include "connect/connect.h"

#include <stdlib.h>

struct bti_band_db {
    bt_store *s;
    sqlite3_stmt *find, *add, *del;
};

int bti_band_db_new(bt_store *s, bti_band_db **out, bt_error *err)
{
    *out = NULL;
    bti_band_db *b = calloc(1, sizeof *b);
    if (!b)
        return bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    b->s = s;
    int rc = bti_store_prepare(s, "SELECT article FROM dup_bands WHERE key = ?"
                                  " ORDER BY article DESC", "reading dup_bands", &b->find, err);
    if (!rc)
        rc = bti_store_prepare(s, "INSERT OR IGNORE INTO dup_bands(key, article) VALUES (?, ?)",
                               "writing dup_bands", &b->add, err);
    if (!rc)
        rc = bti_store_prepare(s, "DELETE FROM dup_bands WHERE key = ? AND article = ?",
                               "writing dup_bands", &b->del, err);
    if (rc) {
        bti_band_db_free(b);
        return rc;
    }
    *out = b;
    return 0;
}

void bti_band_db_free(bti_band_db *b)
{
    if (!b)
        return;
    sqlite3_finalize(b->find);
    sqlite3_finalize(b->add);
    sqlite3_finalize(b->del);
    free(b);
}

static int db_find(void *self, uint64_t key, int (*cb)(void *ctx, int64_t id), void *ctx)
{
    bti_band_db *b = self;
    sqlite3_bind_int64(b->find, 1, (sqlite3_int64)key);
    int rc = 0, st;
    while ((st = sqlite3_step(b->find)) == SQLITE_ROW)
        if ((rc = cb(ctx, sqlite3_column_int64(b->find, 0))))
            break;
    if (!rc && st != SQLITE_DONE)
        rc = BT_EDB;
    sqlite3_reset(b->find);
    return rc;
}

static int exec_pair(sqlite3_stmt *st, uint64_t key, int64_t id)
{
    sqlite3_bind_int64(st, 1, (sqlite3_int64)key);
    sqlite3_bind_int64(st, 2, id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : BT_EDB;
}

static int db_add(void *self, uint64_t key, int64_t id)
{
    return exec_pair(((bti_band_db *)self)->add, key, id);
}

static int db_remove(void *self, uint64_t key, int64_t id)
{
    return exec_pair(((bti_band_db *)self)->del, key, id);
}

bti_band_index bti_band_db_index(bti_band_db *b)
{
    bti_band_index ix = {b, db_find, db_add, db_remove};
    return ix;
}
