/* band_db.c: the band index (dups.h's bti_band_index) over the store's dup_bands table: a
 * look-up is one range read of the (key, article) primary key, newest article first, so
 * adding an article costs one indexed read per band, never a scan. An article's 32 keys are
 * read in one statement and written in one (find_all, add_all): per-key statements made the
 * statement overhead as large as the B-tree work. The read stops after the first
 * BTI_DUPS_MAX_BUCKET ids of a key inside SQLite (a LIMIT per key): a key shared by
 * thousands of templated records is not read whole only to be cut in the callback.
 * Keys never stored are not looked up: band_filter.c's filter of the table's keys, loaded by a
 * scan of the table once the look-ups made without it would have cost as much as the scan
 * (BAND_FILTER_LOAD_RATIO), kept up to date by this index's inserts and dropped when another
 * connection changed the file (PRAGMA data_version). A fresh store's filter is loaded at the
 * first look-up, empty. */
#include "connect/connect.h"

#include <stdio.h>
#include <stdlib.h>

/* A key read from the table costs ~3,100 instructions in the statement for all keys, a row
 * of the scan that loads the filter ~550 (callgrind, 3,000 corpus records): load once the
 * keys read since the estimate (or since the file changed under the filter) reach the
 * table's estimated rows / this, so the scan costs no more than the look-ups made without
 * it (a daily add into a large store may never load it). */
#define BAND_FILTER_LOAD_RATIO 4

/* With this many keys past the filter or fewer, one statement a key: the statement for all
 * keys costs ~50,000 instructions even when most of its keys are NULL. */
#define BAND_FEW_KEYS 4

struct bti_band_db {
    bt_store *s;
    sqlite3_stmt *find, *add, *del;
    sqlite3_stmt *find_all, *add_all; /* for BTI_DUPS_BANDS keys at once */
    sqlite3_stmt *version, *scan, *last; /* PRAGMA data_version, all keys, max article */
    bti_band_filter *filter;            /* NULL: not loaded */
    int64_t data_version;               /* the file's, when the filter was loaded */
    size_t estimate;                    /* rows of the table, estimated; 0: not yet */
    size_t looked;                      /* keys read since the estimate */
    size_t keys_read;                   /* all keys read from the table */
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
    if (!rc)
        rc = bti_store_prepare(s, "PRAGMA data_version", "reading the data version",
                               &b->version, err);
    if (!rc)
        rc = bti_store_prepare(s, "SELECT key FROM dup_bands", "reading dup_bands", &b->scan,
                               err);
    if (!rc)
        rc = bti_store_prepare(s, "SELECT max(n) FROM articles", "reading articles", &b->last,
                               err);
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
    sqlite3_finalize(b->version);
    sqlite3_finalize(b->scan);
    sqlite3_finalize(b->last);
    bti_band_filter_free(b->filter);
    free(b);
}

void bti_band_db_forget(bti_band_db *b)
{
    bti_band_filter_free(b->filter);
    b->filter = NULL;
    b->estimate = 0;
}

size_t bti_band_db_keys_read(const bti_band_db *b)
{
    return b->keys_read;
}

/* One row's integer (0 when NULL), or -1 on an error. */
static int64_t one_int(sqlite3_stmt *st)
{
    int64_t v = -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

/* The filter made from every key of the table, first sized for `rows` (it grows). 0,
 * BT_ENOMEM or BT_EDB. */
static int load(bti_band_db *b, size_t rows)
{
    bti_band_db_forget(b);
    int64_t v = one_int(b->version);
    if (v < 0)
        return BT_EDB;
    bti_band_filter *f;
    if (bti_band_filter_new(rows + rows / 2, &f))
        return BT_ENOMEM;
    size_t n = 0;
    int st, rc = 0;
    while (!rc && (st = sqlite3_step(b->scan)) == SQLITE_ROW) {
        rc = bti_band_filter_add(f, (uint64_t)sqlite3_column_int64(b->scan, 0));
        n++;
    }
    sqlite3_reset(b->scan);
    if (!rc && st != SQLITE_DONE)
        rc = BT_EDB;
    if (rc) {
        bti_band_filter_free(f);
        return rc;
    }
    b->filter = f;
    b->data_version = v;
    b->estimate = n;
    b->looked = 0;
    return 0;
}

/* The filter when it can be used for this look-up (loaded now when it is time), else NULL.
 * 0 or a negative BT_E*. */
static int usable(bti_band_db *b, const bti_band_filter **out)
{
    *out = NULL;
    if (b->filter) {
        int64_t v = one_int(b->version);
        if (v < 0)
            return BT_EDB;
        if (v != b->data_version) /* another connection wrote the file */
            bti_band_db_forget(b);
        else {
            *out = b->filter;
            return 0;
        }
    }
    if (!b->estimate) {
        int64_t last = one_int(b->last);
        if (last < 0)
            return BT_EDB;
        b->estimate = (size_t)last * BTI_DUPS_BANDS + 1;
        b->looked = 0;
    }
    if (b->looked * BAND_FILTER_LOAD_RATIO >= b->estimate) {
        int rc = load(b, b->estimate);
        if (rc)
            return rc;
        *out = b->filter;
    }
    return 0;
}

static void filter_add(bti_band_db *b, const uint64_t *keys, unsigned n)
{
    if (!b->filter)
        return;
    for (unsigned i = 0; i < n; i++)
        if (bti_band_filter_add(b->filter, keys[i])) { /* no memory: look up every key */
            bti_band_db_forget(b);
            return;
        }
}

static int db_find(void *self, uint64_t key, int (*cb)(void *ctx, int64_t id), void *ctx)
{
    bti_band_db *b = self;
    const bti_band_filter *f;
    int rc = usable(b, &f);
    if (rc)
        return rc;
    if (f && !bti_band_filter_may_hold(f, key))
        return 0;
    b->looked++;
    b->keys_read++;
    sqlite3_bind_int64(b->find, 1, (sqlite3_int64)key);
    sqlite3_bind_int64(b->find, 2, -1); /* cb stops the read */
    int st;
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
    bti_band_db *b = self;
    int rc = exec_pair(b->add, key, id);
    if (!rc)
        filter_add(b, &key, 1);
    return rc;
}

static int db_remove(void *self, uint64_t key, int64_t id)
{
    return exec_pair(((bti_band_db *)self)->del, key, id);
}

/* With the default number of bands, one statement for all keys (those the filter rules out
 * bound to NULL, which matches nothing and costs no seek); else one per key. */
static int db_find_all(void *self, const uint64_t *keys, unsigned n, size_t max_per_key,
                       int (*cb)(void *ctx, uint64_t key, int64_t id), void *ctx)
{
    bti_band_db *b = self;
    sqlite3_int64 limit = max_per_key ? (sqlite3_int64)max_per_key : -1; /* -1: no limit */
    const bti_band_filter *f;
    int frc = usable(b, &f);
    if (frc)
        return frc;
    unsigned char skip[BTI_DUPS_MAX_HASHES];
    unsigned ask = 0;
    for (unsigned i = 0; i < n; i++) {
        skip[i] = f && !bti_band_filter_may_hold(f, keys[i]);
        ask += !skip[i];
    }
    if (!ask)
        return 0;
    b->looked += ask;
    b->keys_read += ask;
    if (n != BTI_DUPS_BANDS || ask <= BAND_FEW_KEYS) {
        for (unsigned i = 0; i < n; i++) {
            if (skip[i])
                continue;
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
    for (unsigned i = 0; i < n; i++) {
        if (skip[i])
            sqlite3_bind_null(b->find_all, (int)i + 1);
        else
            sqlite3_bind_int64(b->find_all, (int)i + 1, (sqlite3_int64)keys[i]);
    }
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
        filter_add(b, keys, n);
        return 0;
    }
    for (unsigned i = 0; i < n; i++)
        sqlite3_bind_int64(b->add_all, (int)i + 1, (sqlite3_int64)keys[i]);
    sqlite3_bind_int64(b->add_all, (int)n + 1, id);
    int rc = sqlite3_step(b->add_all);
    sqlite3_reset(b->add_all);
    if (rc != SQLITE_DONE)
        return BT_EDB;
    filter_add(b, keys, n);
    return 0;
}

bti_band_index bti_band_db_index(bti_band_db *b)
{
    bti_band_index ix = {b, db_find, db_add, db_remove, db_find_all, db_add_all};
    return ix;
}
