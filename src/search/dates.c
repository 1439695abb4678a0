/* dates.c: bti_day_in, the since:/until: filter answered from an in-memory array of every
 * article's publication day (see dates.h for why and when it is read again). */
#include "search/dates.h"

#include "core/date.h"

#include <stdint.h>
#include <stdlib.h>

#define DAY_NONE 0     /* no date: never within a range */
#define DAY_UNKNOWN -1 /* not in the array or not YYYY-MM-DD (bti_date_key): ask the table */
/* SPAN_BLOCK: rowids summarised by one block's earliest and latest day, so that bti_day_span
 * skips the blocks that cannot hold a day of the range instead of reading every article's:
 * the scan of the whole array cost 13 M instructions a dated query at 1,000,000 articles,
 * more than the rest of the filter (bench/README.md, issue 15) */
#define SPAN_BLOCK 1024

typedef struct day_cache {
    int32_t *day;     /* by rowid: YYYYMMDD, DAY_NONE or DAY_UNKNOWN */
    int64_t n;        /* rowids 0..n-1 are in `day` */
    /* by block of SPAN_BLOCK rowids: the earliest and latest day in it (DAY_UNKNOWN counts
     * as any day, DAY_NONE as none: min > max when the block holds no date) */
    int32_t *blk_min, *blk_max;
    int64_t version;  /* PRAGMA data_version when read */
    int64_t changes;  /* sqlite3_total_changes64 when read */
    int valid;
    /* the last bti_day_span answer: rowids [span[0], span[1]] for days [span_lo, span_hi] */
    int32_t span_lo, span_hi;
    int64_t span[2];
    int span_valid;
} day_cache;

static int64_t data_version(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Fills the block summaries of c->day (SPAN_BLOCK). */
static int blocks_read(day_cache *c)
{
    int64_t nb = (c->n + SPAN_BLOCK - 1) / SPAN_BLOCK;
    int32_t *mn = realloc(c->blk_min, (size_t)(nb ? nb : 1) * sizeof *mn);
    if (mn)
        c->blk_min = mn;
    int32_t *mx = realloc(c->blk_max, (size_t)(nb ? nb : 1) * sizeof *mx);
    if (mx)
        c->blk_max = mx;
    if (!mn || !mx)
        return SQLITE_NOMEM;
    for (int64_t b = 0; b < nb; b++) {
        int32_t lo = INT32_MAX, hi = INT32_MIN;
        int64_t end = (b + 1) * SPAN_BLOCK < c->n ? (b + 1) * SPAN_BLOCK : c->n;
        for (int64_t i = b * SPAN_BLOCK; i < end; i++) {
            int32_t d = c->day[i];
            if (d == DAY_UNKNOWN) {
                lo = INT32_MIN;
                hi = INT32_MAX;
                break;
            }
            if (d == DAY_NONE)
                continue;
            lo = d < lo ? d : lo;
            hi = d > hi ? d : hi;
        }
        mn[b] = lo;
        mx[b] = hi;
    }
    return SQLITE_OK;
}

static int cache_read(day_cache *c, sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    c->valid = 0;
    int64_t version = data_version(db), changes = sqlite3_total_changes64(db);
    int rc = sqlite3_prepare_v2(db, "SELECT max(n) FROM articles", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    int64_t max = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (max < 0)
        max = 0;
    int32_t *day = realloc(c->day, (size_t)(max + 1) * sizeof *day);
    if (!day)
        return SQLITE_NOMEM;
    c->day = day;
    c->n = max + 1;
    for (int64_t i = 0; i < c->n; i++)
        day[i] = DAY_NONE;
    /* the index holds every dated article, a few dozen bytes each: far less to read than
     * the table */
    rc = sqlite3_prepare_v2(db,
                            "SELECT n, published FROM articles INDEXED BY articles_published "
                            "WHERE published IS NOT NULL",
                            -1, &st, NULL);
    if (rc != SQLITE_OK)
        rc = sqlite3_prepare_v2(db,
                                "SELECT n, published FROM articles WHERE published IS NOT NULL",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t n = sqlite3_column_int64(st, 0);
        if (n >= 0 && n < c->n)
            day[n] = bti_date_key(sqlite3_column_text(st, 1), sqlite3_column_bytes(st, 1));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return rc;
    rc = blocks_read(c);
    if (rc != SQLITE_OK)
        return rc;
    c->version = version;
    c->changes = changes;
    c->valid = 1;
    c->span_valid = 0;
    return SQLITE_OK;
}

/* The table's answer, in the words of the query language's definition. */
/* The table's answer, in the words of the query language's definition (rare: rows added
 * while a query runs, odd dates; a statement kept open would keep the connection from
 * closing). */
static int row_in(sqlite3 *db, int64_t n, sqlite3_value *lo, sqlite3_value *hi, int *in)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT (?2 IS NULL OR substr(published, 1, 10) >= ?2) AND "
                                "(?3 IS NULL OR substr(published, 1, 10) <= ?3) "
                                "FROM articles WHERE n = ?1",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, n);
    sqlite3_bind_value(st, 2, lo);
    sqlite3_bind_value(st, 3, hi);
    rc = sqlite3_step(st);
    *in = rc == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
    rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    sqlite3_finalize(st);
    return rc;
}

/* Argument `arg` of bti_day_in, a bound of the range (NULL: `open`), as a YYYYMMDD key in
 * *key (DAY_UNKNOWN when not a date). The bounds are a query's parameters, the same on
 * every row: parsed on the first row and kept as SQLite's auxiliary data of the argument
 * (sqlite3_set_auxdata) for the next ones. 1 when *key is to be kept (bound_keep). */
static int bound_of(sqlite3_context *ctx, sqlite3_value **val, int arg, int32_t open,
                    int32_t *key)
{
    const int32_t *kept = sqlite3_get_auxdata(ctx, arg);
    if (kept) {
        *key = *kept;
        return 0;
    }
    if (sqlite3_value_type(val[arg]) == SQLITE_NULL)
        *key = open;
    else
        *key = bti_date_key(sqlite3_value_text(val[arg]), sqlite3_value_bytes(val[arg]));
    return 1;
}

/* Keeps `key` as argument `arg`'s auxiliary data (last: SQLite may free it at once). */
static void bound_keep(sqlite3_context *ctx, int arg, int keep, int32_t key)
{
    if (!keep)
        return;
    int32_t *k = sqlite3_malloc(sizeof *k);
    if (!k)
        return; /* parsed again on the next row */
    *k = key;
    sqlite3_set_auxdata(ctx, arg, k, sqlite3_free);
}

static void day_in_fn(sqlite3_context *ctx, int nval, sqlite3_value **val)
{
    (void)nval;
    day_cache *c = sqlite3_user_data(ctx);
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    if (sqlite3_value_type(val[0]) == SQLITE_NULL) { /* bring the array up to date */
        if (!c->valid || c->version != data_version(db) ||
            c->changes != sqlite3_total_changes64(db)) {
            int rc = cache_read(c, db);
            if (rc != SQLITE_OK) {
                sqlite3_result_error_code(ctx, rc);
                return;
            }
        }
        sqlite3_result_int(ctx, 1);
        return;
    }
    int64_t n = sqlite3_value_int64(val[0]);
    int32_t d = c->valid && n >= 0 && n < c->n ? c->day[n] : DAY_UNKNOWN;
    if (d == DAY_UNKNOWN) {
        int in = 0, rc = row_in(db, n, val[1], val[2], &in);
        if (rc != SQLITE_OK)
            sqlite3_result_error_code(ctx, rc);
        else
            sqlite3_result_int(ctx, in);
        return;
    }
    if (d == DAY_NONE) {
        sqlite3_result_int(ctx, 0);
        return;
    }
    int32_t lo, hi;
    int keep_lo = bound_of(ctx, val, 1, 0, &lo), keep_hi = bound_of(ctx, val, 2, INT32_MAX, &hi);
    sqlite3_result_int(ctx, lo != DAY_UNKNOWN && hi != DAY_UNKNOWN && d >= lo && d <= hi);
    bound_keep(ctx, 1, keep_lo, lo);
    bound_keep(ctx, 2, keep_hi, hi);
}

/* 1 when day d is within [lo, hi] or unknown (bti_day_in may accept it). */
static int day_may(int32_t d, int32_t lo, int32_t hi)
{
    return d == DAY_UNKNOWN || (d != DAY_NONE && d >= lo && d <= hi);
}

/* The lowest (last 0) or highest (1) rowid whose day may be within [lo, hi], -1 when none:
 * the blocks whose days cannot be are skipped whole (SPAN_BLOCK). */
static int64_t span_end(const day_cache *c, int32_t lo, int32_t hi, int last)
{
    int64_t nb = (c->n + SPAN_BLOCK - 1) / SPAN_BLOCK;
    for (int64_t k = 0; k < nb; k++) {
        int64_t b = last ? nb - 1 - k : k;
        if (c->blk_min[b] > hi || c->blk_max[b] < lo)
            continue;
        int64_t from = b * SPAN_BLOCK, to = (b + 1) * SPAN_BLOCK < c->n ? (b + 1) * SPAN_BLOCK : c->n;
        if (!last) {
            for (int64_t i = from; i < to; i++)
                if (day_may(c->day[i], lo, hi))
                    return i;
        } else
            for (int64_t i = to; i-- > from;)
                if (day_may(c->day[i], lo, hi))
                    return i;
    }
    return -1;
}

/* bti_day_span(LO, HI, WHICH): the lowest (WHICH 0) or highest (1) rowid of an article
 * published within [LO, HI] (either may be NULL: open) or whose day the array does not know,
 * NULL when there is none. A search adds it as a rowid range to its full-text match, so that
 * FTS5 skips the articles outside: with articles added about in the order they were
 * published, a window in the past skips most of the index. */
static void day_span_fn(sqlite3_context *ctx, int nval, sqlite3_value **val)
{
    (void)nval;
    day_cache *c = sqlite3_user_data(ctx);
    int which = sqlite3_value_int(val[2]) != 0;
    if (!c->valid) { /* no array: no range known */
        sqlite3_result_int64(ctx, which ? INT64_MAX : 0);
        return;
    }
    int32_t lo = 0, hi = INT32_MAX;
    if (sqlite3_value_type(val[0]) != SQLITE_NULL &&
        (lo = bti_date_key(sqlite3_value_text(val[0]), sqlite3_value_bytes(val[0]))) == DAY_UNKNOWN) {
        sqlite3_result_error(ctx, "bti_day_span: not a YYYY-MM-DD date", -1);
        return;
    }
    if (sqlite3_value_type(val[1]) != SQLITE_NULL &&
        (hi = bti_date_key(sqlite3_value_text(val[1]), sqlite3_value_bytes(val[1]))) == DAY_UNKNOWN) {
        sqlite3_result_error(ctx, "bti_day_span: not a YYYY-MM-DD date", -1);
        return;
    }
    if (!c->span_valid || c->span_lo != lo || c->span_hi != hi) {
        int64_t first = span_end(c, lo, hi, 0), last = first < 0 ? -1 : span_end(c, lo, hi, 1);
        c->span[0] = first;
        c->span[1] = last;
        c->span_lo = lo;
        c->span_hi = hi;
        c->span_valid = 1;
    }
    if (c->span[0] < 0)
        sqlite3_result_null(ctx);
    else
        sqlite3_result_int64(ctx, c->span[which]);
}

static void cache_free(void *p)
{
    day_cache *c = p;
    if (!c)
        return;
    free(c->day);
    free(c->blk_min);
    free(c->blk_max);
    free(c);
}

int bti_dates_register(sqlite3 *db)
{
    day_cache *c = calloc(1, sizeof *c);
    if (!c)
        return SQLITE_NOMEM;
    /* not deterministic: the answer follows the store; xDestroy frees the cache, also when
     * registering fails */
    int rc = sqlite3_create_function_v2(db, "bti_day_in", 3, SQLITE_UTF8, c, day_in_fn, NULL,
                                        NULL, cache_free);
    if (rc != SQLITE_OK)
        return rc;
    /* the same array; freed with bti_day_in */
    return sqlite3_create_function_v2(db, "bti_day_span", 3, SQLITE_UTF8, c, day_span_fn, NULL,
                                      NULL, NULL);
}
