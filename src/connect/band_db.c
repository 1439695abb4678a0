/* band_db.c: the band index (dups.h's bti_band_index) over the store's dup_bands table: a
 * look-up is one range read of the (key, article) primary key, newest article first, so
 * adding an article costs one indexed read per band, never a scan. An article's 32 keys are
 * read in one statement and written in one (find_all, add_all): per-key statements made the
 * statement overhead as large as the B-tree work. The read stops after the first
 * BTI_DUPS_MAX_BUCKET ids of a key inside SQLite (a LIMIT per key): a key shared by
 * thousands of templated records is not read whole only to be cut in the callback. */
#include "connect/connect.h"

#include <stdio.h>
#include <stdlib.h>

struct bti_band_db {
    bt_store *s;
    sqlite3_stmt *find, *add, *del;
    sqlite3_stmt *find_all, *add_all; /* for BTI_DUPS_BANDS keys at once */
};

/* The parameters of the insert of all of an article's keys at once: "(?1, ?n+1), (?2, ?n+1),
 * ..." (each key with the id). */
static void params(char *out, size_t cap, unsigned n)
{
    size_t len = 0;
    out[0] = 0;
    for (unsigned i = 0; i < n && len < cap; i++)
        len += (size_t)snprintf(out + len, cap - len, "%s(?%u, ?%u)", i ? ", " : "", i + 1,
                                n + 1);
}

/* The read of n keys at once, each key's ids newest first and at most ?n+1 of them: one
 * subquery with its own LIMIT a key, their rows one after the other. */
static void find_all_sql(char *out, size_t cap, unsigned n)
{
    size_t len = 0;
    out[0] = 0;
    for (unsigned i = 0; i < n && len < cap; i++)
        len += (size_t)snprintf(out + len, cap - len,
                                "%sSELECT * FROM (SELECT key, article FROM dup_bands"
                                " WHERE key = ?%u ORDER BY article DESC LIMIT ?%u)",
                                i ? " UNION ALL " : "", i + 1, n + 1);
}

int bti_band_db_new(bt_store *s, bti_band_db **out, bt_error *err)
{
    *out = NULL;
    bti_band_db *b = calloc(1, sizeof *b);
    if (!b)
        return bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    b->s = s;
    int rc = bti_store_prepare(s, "SELECT article FROM dup_bands WHERE key = ?1"
                                  " ORDER BY article DESC LIMIT ?2", "reading dup_bands",
                               &b->find, err);
    if (!rc)
        rc = bti_store_prepare(s, "INSERT OR IGNORE INTO dup_bands(key, article) VALUES (?, ?)",
                               "writing dup_bands", &b->add, err);
    if (!rc)
        rc = bti_store_prepare(s, "DELETE FROM dup_bands WHERE key = ? AND article = ?",
                               "writing dup_bands", &b->del, err);
    char sql[BTI_DUPS_BANDS * 128 + 128];
    find_all_sql(sql, sizeof sql, BTI_DUPS_BANDS);
    if (!rc)
        rc = bti_store_prepare(s, sql, "reading dup_bands", &b->find_all, err);
    char list[BTI_DUPS_BANDS * 16];
    params(list, sizeof list, BTI_DUPS_BANDS);
    snprintf(sql, sizeof sql, "INSERT OR IGNORE INTO dup_bands(key, article) VALUES %s", list);
    if (!rc)
        rc = bti_store_prepare(s, sql, "writing dup_bands", &b->add_all, err);
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
    sqlite3_finalize(b->find_all);
    sqlite3_finalize(b->add_all);
    free(b);
}

static int db_find(void *self, uint64_t key, int (*cb)(void *ctx, int64_t id), void *ctx)
{
    bti_band_db *b = self;
    sqlite3_bind_int64(b->find, 1, (sqlite3_int64)key);
    sqlite3_bind_int64(b->find, 2, -1); /* cb stops the read */
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

/* With the default number of bands, one statement for all keys; else one per key. */
static int db_find_all(void *self, const uint64_t *keys, unsigned n, size_t max_per_key,
                       int (*cb)(void *ctx, uint64_t key, int64_t id), void *ctx)
{
    bti_band_db *b = self;
    sqlite3_int64 limit = max_per_key ? (sqlite3_int64)max_per_key : -1; /* -1: no limit */
    if (n != BTI_DUPS_BANDS) {
        for (unsigned i = 0; i < n; i++) {
            sqlite3_bind_int64(b->find, 1, (sqlite3_int64)keys[i]);
            sqlite3_bind_int64(b->find, 2, limit);
            int rc = 0, st;
            while ((st = sqlite3_step(b->find)) == SQLITE_ROW)
                if ((rc = cb(ctx, keys[i], sqlite3_column_int64(b->find, 0))))
                    break;
            sqlite3_reset(b->find);
            if (rc)
                return rc;
            if (st != SQLITE_DONE && st != SQLITE_ROW)
                return BT_EDB;
        }
        return 0;
    }
    for (unsigned i = 0; i < n; i++)
        sqlite3_bind_int64(b->find_all, (int)i + 1, (sqlite3_int64)keys[i]);
    sqlite3_bind_int64(b->find_all, (int)n + 1, limit);
    int rc = 0, st;
    while ((st = sqlite3_step(b->find_all)) == SQLITE_ROW)
        if ((rc = cb(ctx, (uint64_t)sqlite3_column_int64(b->find_all, 0),
                     sqlite3_column_int64(b->find_all, 1))))
            break;
    if (!rc && st != SQLITE_DONE)
        rc = BT_EDB;
    sqlite3_reset(b->find_all);
    return rc;
}

static int db_add_all(void *self, const uint64_t *keys, unsigned n, int64_t id)
{
    bti_band_db *b = self;
    if (n != BTI_DUPS_BANDS) {
        for (unsigned i = 0; i < n; i++)
            if (exec_pair(b->add, keys[i], id))
                return BT_EDB;
        return 0;
    }
    for (unsigned i = 0; i < n; i++)
        sqlite3_bind_int64(b->add_all, (int)i + 1, (sqlite3_int64)keys[i]);
    sqlite3_bind_int64(b->add_all, (int)n + 1, id);
    int rc = sqlite3_step(b->add_all);
    sqlite3_reset(b->add_all);
    return rc == SQLITE_DONE ? 0 : BT_EDB;
}

bti_band_index bti_band_db_index(bti_band_db *b)
{
    bti_band_index ix = {b, db_find, db_add, db_remove, db_find_all, db_add_all};
    return ix;
}
