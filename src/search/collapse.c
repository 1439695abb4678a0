/* collapse.c: one search result per near-duplicate group. The groups are the connected
 * components of the verified pairs that the connect stage keeps in the store's file
 * (dup_pairs, bantin/connect.h); they are read here with SQL on that table, not through
 * connect's code, which comes after search in the flow. A group is named by its smallest
 * row number; the best-ranked member stands for it, the others are counted as its copies,
 * whether or not they match the query (a reader wants to know the story ran N times). */
#include "search/collapse.h"

#include <stdlib.h>

/* The component of ?1 (bounded: a group of more is counted up to this, and named by the
 * smallest row seen; groups are tens of articles). */
#define GROUP_MAX 1000
#define STR_(x) #x
#define STR(x) STR_(x)

static const char group_sql[] =
    "WITH RECURSIVE c(n) AS (SELECT ?1 UNION"
    "  SELECT b FROM dup_pairs JOIN c ON a = c.n UNION"
    "  SELECT a FROM dup_pairs JOIN c ON b = c.n LIMIT " STR(GROUP_MAX) ")"
    " SELECT min(n), count(*) FROM c";

void bti_collapsed_free(bti_collapsed *c)
{
    free(c->keep);
    free(c->copies);
    c->keep = c->copies = NULL;
    c->n = c->cap = 0;
}

int bti_collapse(sqlite3 *db, const int64_t *rowid, size_t n, bti_collapsed *out,
                 bt_error *err)
{
    out->n = 0;
    if (out->cap < n) {
        size_t *k = realloc(out->keep, n * sizeof *k), *c = k ? realloc(out->copies, n * sizeof *c)
                                                              : NULL;
        if (k)
            out->keep = k;
        if (c)
            out->copies = c;
        if (!k || !c)
            return bt_error_set(err, BT_ENOMEM, "search: out of memory");
        out->cap = n;
    }
    int64_t *seen = malloc((n ? n : 1) * sizeof *seen); /* the groups of two or more kept */
    size_t nseen = 0;
    if (!seen)
        return bt_error_set(err, BT_ENOMEM, "search: out of memory");
    sqlite3_stmt *st = NULL;
    /* a store without the connect stage's tables (never the case once opened for writing):
     * no groups, every article its own */
    int have = sqlite3_prepare_v2(db, group_sql, -1, &st, NULL) == SQLITE_OK;
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t g = rowid[i], size = 1;
        if (have) {
            sqlite3_bind_int64(st, 1, rowid[i]);
            int s = sqlite3_step(st);
            if (s == SQLITE_ROW) {
                g = sqlite3_column_int64(st, 0);
                size = sqlite3_column_int64(st, 1);
            }
            sqlite3_reset(st);
            if (s != SQLITE_ROW) {
                rc = bt_error_set(err, BT_EDB, "search: reading the near-duplicate groups: %s",
                                  sqlite3_errmsg(db));
                break;
            }
        }
        if (size > 1) { /* an article alone is its own group: no look needed */
            size_t j = 0;
            while (j < nseen && seen[j] != g) /* groups on one page: a few */
                j++;
            if (j < nseen)
                continue;
            seen[nseen++] = g;
        }
        out->keep[out->n] = i;
        out->copies[out->n++] = (size_t)(size - 1);
    }
    sqlite3_finalize(st);
    free(seen);
    return rc;
}
