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
 * second look-up, empty. UPTO_ESTIMATE: the table's rows are estimated from the rows the
 * writer had indexed ('dups_upto'), not from the stored articles: ingest stores a batch's
 * articles before it indexes them (INDEX_TOKENS), so max(n) counted the whole first batch
 * and the first ~250 articles of a fresh store were looked up in the table key by key. */
#include "connect/connect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    sqlite3_stmt *version, *scan, *last; /* PRAGMA data_version, all keys, rows indexed */
    bti_band_filter *filter;            /* NULL: not loaded */
    int64_t data_version;               /* the file's, when the filter was loaded */
    size_t estimate;                    /* rows of the table, estimated; 0: not yet */
    size_t looked;                      /* keys read since the estimate */
    size_t keys_read;                   /* all keys read from the table */
    /* DEFER_SORTED: the rows added since defer, in order, chained by key (newest first) */
    int deferring;
    sqlite3_stmt *add_pairs; /* BTI_DUPS_BANDS rows of their own keys and ids at once */
    sqlite3_stmt *add_many;  /* FLUSH_ROWS of them */
    uint64_t *pkey;
    int64_t *pid;
    uint32_t *pnext; /* the previous row of the same chain + 1; 0: none */
    size_t npend, cap_pend;
    uint32_t *heads; /* a chain's newest row + 1, by the key's low bits */
    size_t nheads;   /* a power of two, at least twice npend */
    uint64_t *order; /* the flush's scratch: (prefix bucket) counts, then row numbers */
};

/* DEFER_SORTED: a batch's band-key rows are held in memory, looked up there, and written at
 * its end sorted on the key's top bits, so that the B-tree inserts of one statement go to
 * neighbouring leaves instead of 16 random ones (the inserts were the largest part of the
 * near-duplicate stage left in `bantin add`: bench/README.md, issue 16, fifteenth pass).
 * The rows of a batch are newer than every row of the table (ingest stores and indexes a
 * batch's articles after the last batch's), so a look-up takes a key's held ids first,
 * newest first, and reads the table for what is left of its cap: the same ids the table
 * would give had they been written. FLUSH_BITS: the sort's buckets (top bits of the key),
 * more than the table's leaves at any size a batch is written into. */
#define FLUSH_BITS 12
/* FLUSH_ROWS: rows a statement at the flush (then BTI_DUPS_BANDS, then one): a statement's
 * step, reset and binding cost less a row with more rows. */
#define FLUSH_ROWS 128

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

/* The insert of n rows of their own keys and ids. */
static int prepare_pairs(bt_store *s, unsigned n, sqlite3_stmt **out, bt_error *err)
{
    char sql[FLUSH_ROWS * 8 + 80];
    size_t len = (size_t)snprintf(sql, sizeof sql,
                                  "INSERT OR IGNORE INTO dup_bands(key, article) VALUES ");
    for (unsigned i = 0; i < n && len < sizeof sql; i++)
        len += (size_t)snprintf(sql + len, sizeof sql - len, "%s(?, ?)", i ? ", " : "");
    return bti_store_prepare(s, sql, "writing dup_bands", out, err);
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
        rc = prepare_pairs(s, BTI_DUPS_BANDS, &b->add_pairs, err);
    if (!rc)
        rc = prepare_pairs(s, FLUSH_ROWS, &b->add_many, err);
    if (!rc)
        rc = bti_store_prepare(s, "PRAGMA data_version", "reading the data version",
                               &b->version, err);
    if (!rc)
        rc = bti_store_prepare(s, "SELECT key FROM dup_bands", "reading dup_bands", &b->scan,
                               err);
    if (!rc)
        rc = bti_store_prepare(s, "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM"
                                  " connect_meta WHERE key = 'dups_upto'), 0)",
                               "reading connect_meta", &b->last, err);
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
    sqlite3_finalize(b->add_pairs);
    sqlite3_finalize(b->add_many);
    bti_band_filter_free(b->filter);
    free(b->pkey);
    free(b->pid);
    free(b->pnext);
    free(b->heads);
    free(b->order);
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
    for (size_t i = 0; !rc && i < b->npend; i++) /* DEFER_SORTED: the rows not written yet */
        rc = bti_band_filter_add(f, b->pkey[i]);
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

/* Chains every held row again into `nheads` heads, oldest first: newest first in each. */
static int rechain(bti_band_db *b, size_t nheads)
{
    uint32_t *h = calloc(nheads, sizeof *h);
    if (!h)
        return BT_ENOMEM;
    free(b->heads);
    b->heads = h;
    b->nheads = nheads;
    for (size_t i = 0; i < b->npend; i++) {
        size_t at = b->pkey[i] & (nheads - 1);
        b->pnext[i] = h[at];
        h[at] = (uint32_t)(i + 1);
    }
    return 0;
}

/* Holds the row (key, id). 0 or BT_ENOMEM. */
static int hold(bti_band_db *b, uint64_t key, int64_t id)
{
    if (b->npend == b->cap_pend) {
        size_t cap = b->cap_pend ? 2 * b->cap_pend : 1024;
        if (cap > UINT32_MAX - 1)
            return BT_ENOMEM;
        uint64_t *k = realloc(b->pkey, cap * sizeof *k);
        if (k)
            b->pkey = k;
        int64_t *d = realloc(b->pid, cap * sizeof *d);
        if (d)
            b->pid = d;
        uint32_t *nx = realloc(b->pnext, cap * sizeof *nx);
        if (nx)
            b->pnext = nx;
        if (!k || !d || !nx)
            return BT_ENOMEM;
        b->cap_pend = cap;
    }
    for (uint32_t r = b->npend ? b->heads[key & (b->nheads - 1)] : 0; r; r = b->pnext[r - 1])
        if (b->pkey[r - 1] == key && b->pid[r - 1] == id)
            return 0; /* held already: one row, as OR IGNORE writes */
    size_t i = b->npend++;
    b->pkey[i] = key;
    b->pid[i] = id;
    if (2 * b->npend > b->nheads)
        return rechain(b, b->nheads ? 2 * b->nheads : 4096);
    size_t at = key & (b->nheads - 1);
    b->pnext[i] = b->heads[at];
    b->heads[at] = (uint32_t)(i + 1);
    return 0;
}

/* Passes the held ids of `key` to cb, newest first, at most `max` (0: all); *found: how many.
 * 0 or what cb returned. */
static int held_ids(const bti_band_db *b, uint64_t key, size_t max,
                    int (*cb)(void *ctx, uint64_t key, int64_t id), void *ctx, size_t *found)
{
    *found = 0;
    if (!b->npend)
        return 0;
    for (uint32_t r = b->heads[key & (b->nheads - 1)]; r && (!max || *found < max);
         r = b->pnext[r - 1]) {
        if (b->pkey[r - 1] != key)
            continue;
        ++*found;
        int rc = cb(ctx, key, b->pid[r - 1]);
        if (rc)
            return rc;
    }
    return 0;
}

void bti_band_db_defer(bti_band_db *b) { b->deferring = 1; }

static void bind_pair(sqlite3_stmt *st, int at, uint64_t key, int64_t id)
{
    sqlite3_bind_int64(st, at, (sqlite3_int64)key);
    sqlite3_bind_int64(st, at + 1, id);
}

static int exec_pair(sqlite3_stmt *st, uint64_t key, int64_t id);

int bti_band_db_flush(bti_band_db *b, int keep)
{
    b->deferring = 0;
    size_t n = b->npend;
    int rc = 0;
    if (keep && n) {
        /* counting sort of the row numbers on the key's top FLUSH_BITS bits */
        /* no memory for the sort: written in the order held */
        size_t nb = (size_t)1 << FLUSH_BITS;
        uint64_t *order = realloc(b->order, (nb + 1 + n) * sizeof *order), *rows = NULL;
        if (order) {
            b->order = order;
            uint64_t *start = order;
            rows = order + nb + 1;
            memset(start, 0, (nb + 1) * sizeof *start);
            for (size_t i = 0; i < n; i++)
                start[(b->pkey[i] >> (64 - FLUSH_BITS)) + 1]++;
            for (size_t k = 0; k < nb; k++)
                start[k + 1] += start[k];
            for (size_t i = 0; i < n; i++)
                rows[start[b->pkey[i] >> (64 - FLUSH_BITS)]++] = i;
        }
        size_t i = 0;
        for (int tier = 0; tier < 2; tier++) {
            sqlite3_stmt *st = tier ? b->add_pairs : b->add_many;
            size_t per = tier ? BTI_DUPS_BANDS : FLUSH_ROWS;
            for (; !rc && i + per <= n; i += per) {
                for (size_t k = 0; k < per; k++) {
                    size_t r = rows ? rows[i + k] : i + k;
                    bind_pair(st, 2 * (int)k + 1, b->pkey[r], b->pid[r]);
                }
                int done = sqlite3_step(st);
                sqlite3_reset(st);
                if (done != SQLITE_DONE)
                    rc = BT_EDB;
            }
        }
        for (; !rc && i < n; i++) {
            size_t r = rows ? rows[i] : i;
            rc = exec_pair(b->add, b->pkey[r], b->pid[r]);
        }
    }
    b->npend = 0;
    if (b->heads)
        memset(b->heads, 0, b->nheads * sizeof *b->heads);
    return rc;
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
    for (uint32_t r = b->npend ? b->heads[key & (b->nheads - 1)] : 0; r; r = b->pnext[r - 1])
        if (b->pkey[r - 1] == key && (rc = cb(ctx, b->pid[r - 1])))
            return rc; /* DEFER_SORTED: the held ids first (newer than the table's) */
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
    int rc = b->deferring ? (hold(b, key, id) ? BT_EDB : 0) : exec_pair(b->add, key, id);
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
    /* DEFER_SORTED: a key's held ids first; the table read for what is left of its cap, in
     * a statement of its own (`alone`) */
    sqlite3_int64 lim[BTI_DUPS_MAX_HASHES];
    unsigned char alone[BTI_DUPS_MAX_HASHES];
    int few = n != BTI_DUPS_BANDS || ask <= BAND_FEW_KEYS;
    unsigned rest = 0; /* keys left for the statement for all keys */
    for (unsigned i = 0; i < n; i++) {
        lim[i] = limit;
        alone[i] = few;
        if (skip[i])
            continue;
        size_t found;
        int rc = held_ids(b, keys[i], max_per_key, cb, ctx, &found);
        if (rc)
            return rc;
        if (found && max_per_key && found >= max_per_key)
            skip[i] = 1; /* its cap reached: nothing older is read */
        else if (found) {
            alone[i] = 1;
            lim[i] = max_per_key ? (sqlite3_int64)(max_per_key - found) : -1;
        }
        rest += !skip[i] && !alone[i];
    }
    for (unsigned i = 0; i < n; i++) {
        if (skip[i] || !alone[i])
            continue;
        sqlite3_bind_int64(b->find, 1, (sqlite3_int64)keys[i]);
        sqlite3_bind_int64(b->find, 2, lim[i]);
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
    if (!rest)
        return 0;
    for (unsigned i = 0; i < n; i++) {
        if (skip[i] || alone[i])
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
    if (b->deferring) {
        for (unsigned i = 0; i < n; i++)
            if (hold(b, keys[i], id))
                return BT_EDB;
        filter_add(b, keys, n);
        return 0;
    }
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
