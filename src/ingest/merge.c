/* merge.c: shard merge: the stores that extraction jobs wrote one per shard (the Dask batch
 * mode of the Python binding, or `bantin add` on several machines) folded into one store with
 * the exact-duplicate rules of bt_store_add, so that the result is the store one `bantin add`
 * of every shard's captures in shard order would have made. It replays each shard's captures
 * (its origins, in the order they were stored) as adds of their article with the capture's own
 * content hash: a capture stored twice is SEEN, an article reached again is MERGED. */
#include "core/opts.h"
#include "bantin/ingest.h"
#include "connect/connect.h"
#include "store/db.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* articles per transaction: as the ingest writer's default batch, for the same reason (one
 * commit's fsync per thousand articles, not per article) */
enum { MERGE_BATCH = 1000 };

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A failure of the destination store itself (not of one article): the merge stops there. */
static int fatal(int rc)
{
    return rc == BT_EDB || rc == BT_EIO || rc == BT_ENOMEM;
}

static int merge_rows(bt_store *dst, bt_store *src, sqlite3_stmt *q, const char *shard,
                      bt_ingest_stats *st, bt_error *err)
{
    bt_article *a = NULL;
    int64_t cur = -1;
    size_t in_batch = 0;
    int rc = 0, step;
    while ((step = sqlite3_step(q)) == SQLITE_ROW) {
        int64_t n = sqlite3_column_int64(q, 0);
        if (n != cur) { /* the rows of one article often follow each other: fetch it once */
            bt_article_free(a);
            a = NULL;
            cur = n;
            if ((rc = bti_store_get_rowid(src, n, &a, err)))
                break;
        }
        char hex[17];
        snprintf(hex, sizeof hex, "%016" PRIx64, (uint64_t)sqlite3_column_int64(q, 2));
        const char *origin = (const char *)sqlite3_column_text(q, 1);
        bt_origin o = {origin, hex, (size_t)sqlite3_column_int64(q, 3)};
        if (!in_batch && (rc = bt_store_begin(dst, err)))
            break;
        int outcome = 0;
        bt_error e;
        bt_error_clear(&e);
        /* the shard's id, content id or a record's own (bti_store_add_own_id) */
        int r = bti_store_add_own_id(dst, a, &o, &outcome, NULL, &e);
        in_batch++;
        st->captures++;
        if (r) {
            if (fatal(r)) {
                rc = r;
                if (err)
                    *err = e;
                break;
            }
            st->failed++;
            st->failed_store++;
        } else if (outcome == BT_STORE_ADDED)
            st->added++;
        else if (outcome == BT_STORE_MERGED)
            st->merged++;
        else
            st->seen++;
        if (in_batch >= MERGE_BATCH) {
            in_batch = 0;
            if ((rc = bt_store_commit(dst, err)))
                break;
        }
    }
    bt_article_free(a);
    if (!rc && step != SQLITE_DONE)
        rc = bti_store_db_error(src, shard, err);
    if (rc) {
        if (in_batch)
            bt_store_rollback(dst, NULL);
        return rc;
    }
    return in_batch ? bt_store_commit(dst, err) : 0;
}

int bt_ingest_merge(bt_store *dst, const char *shard, bt_ingest_stats *st, bt_error *err)
{
    if (st) {
        int bad = bti_out_check(st, "merge", err);
        if (bad)
            return bad;
    }
    bt_ingest_stats *out = st, full;
    memset(&full, 0, sizeof full);
    full.size = sizeof full;
    full.reader.size = sizeof full.reader;
    st = &full;
    if (!dst || !shard) {
        if (out)
            bti_out_copy(out, &full, sizeof full);
        return bt_error_set(err, BT_EINVAL, "merge: no store or no shard path given");
    }
    double t0 = now_seconds();
    st->inputs = 1;
    bt_store *src;
    int rc = bt_store_open(shard, BT_STORE_READONLY, &src, err);
    if (rc) {
        if (out)
            bti_out_copy(out, &full, sizeof full);
        return rc;
    }
    sqlite3_stmt *q;
    rc = bti_store_prepare(src, "SELECT article, origin, content_hash, size FROM origins "
                                "ORDER BY rowid", shard, &q, err);
    if (!rc) {
        rc = merge_rows(dst, src, q, shard, st, err);
        sqlite3_finalize(q);
    }
    bt_store_close(src);
    if (!rc) {
        /* the merged articles join the near-duplicate index now, as an add would have done
         * (opening the index catches up on every article stored after its last one) */
        bti_connect *c;
        rc = bti_connect_open(dst, &c, err);
        if (!rc)
            bti_connect_close(c);
        if (!rc) /* and their stories */
            rc = bti_stories_update(dst, 0, err);
    }
    st->inputs_done = rc ? 0 : 1;
    st->seconds = now_seconds() - t0;
    if (out)
        bti_out_copy(out, &full, sizeof full);
    return rc;
}
