/* top.c: most-read articles (bantin/top.h): counting a view, and ranking the articles by
 * their views or by their mentions in the stored pages' "most read" boxes over a window of
 * days. Both read the store's own tables (schema step 6): views per day, and the boxes
 * (most_read) resolved against the articles when counted. */
#include "bantin/top.h"
#include "store/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int bt_article_view(bt_store *s, const char *id, bt_error *err)
{
    if (!s)
        return bt_error_set(err, BT_EINVAL, "view: no store");
    /* a content id, or the id a record carried (bt_ingest keeps it): both name an article,
     * and the server counts a view of either (GET /api/articles/ID) */
    if (!bti_store_own_id_ok(id))
        return bt_error_set(err, BT_EINVAL,
                            "view: '%.40s' is not an article id (16 hex digits, or 1 to 16 of "
                            "A-Z a-z 0-9 . _ : -)",
                            id ? id : "(null)");
    sqlite3 *db = bti_store_db(s);
    if (sqlite3_db_readonly(db, "main") == 1)
        return bt_error_set(err, BT_EINVAL,
                            "view of %s: the store was opened read-only, views are not counted",
                            id);
    sqlite3_stmt *st;
    /* the WHERE clause before ON CONFLICT is required by SQLite's grammar for INSERT...SELECT */
    int rc = bti_store_prepare(s,
                               "INSERT INTO views(article, day, n)"
                               " SELECT n, date('now'), 1 FROM articles WHERE id = ?1"
                               " ON CONFLICT(article, day) DO UPDATE SET n = n + 1",
                               "counting a view", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    sqlite3_finalize(st);
    if (step != SQLITE_DONE)
        return bti_store_db_error(s, "counting a view", err);
    if (sqlite3_changes(db) == 0)
        return bt_error_set(err, BT_ENOTFOUND, "view: no article %s", id);
    return 0;
}

int bt_top_by_from_name(const char *name, int *by)
{
    if (name && !strcmp(name, "views"))
        *by = BT_TOP_VIEWS;
    else if (name && !strcmp(name, "mentions"))
        *by = BT_TOP_MENTIONS;
    else
        return BT_EINVAL;
    return 0;
}

/* The rows of both rankings: ?1 first day, ?2 last day, ?3 limit, ?4 BT_TOP_TITLE_MIN.
 * Columns: id, title, url, source, published, kind, count. */
#define TOP_COLUMNS "a.id, a.title, a.url, a.source, a.published, coalesce(a.kind, 'article')"

static const char VIEWS_SQL[] =
    "SELECT " TOP_COLUMNS ", t.c FROM"
    " (SELECT article, sum(n) AS c FROM views WHERE day BETWEEN ?1 AND ?2 GROUP BY article) t"
    " JOIN articles a ON a.n = t.article"
    " ORDER BY t.c DESC, a.published DESC, a.n LIMIT ?3";

/* A box's day is its page's: the page shows the box as it was when published (else added).
 * An item names the article with its URL, else the first stored with its folded title (the
 * index on the folded title's hash, bantin_title_hash, finds the candidates without a scan;
 * their folded titles are then compared, so a collision never matches). */
static const char MENTIONS_SQL[] =
    "WITH box AS ("
    "  SELECT m.title, m.url FROM most_read m JOIN articles p ON p.n = m.article"
    "  WHERE substr(coalesce(p.published, p.added_at), 1, 10) BETWEEN ?1 AND ?2),"
    " hit AS ("
    "  SELECT coalesce((SELECT n FROM articles WHERE box.url IS NOT NULL AND url = box.url"
    "                   ORDER BY n LIMIT 1),"
    "                  (SELECT n FROM articles WHERE length(box.title) >= ?4"
    "                   AND bantin_title_hash(title) = bantin_title_hash(box.title)"
    "                   AND bantin_fold(title) = bantin_fold(box.title) ORDER BY n LIMIT 1))"
    "    AS n FROM box),"
    " t AS (SELECT n AS article, count(*) AS c FROM hit WHERE n IS NOT NULL GROUP BY n)"
    " SELECT " TOP_COLUMNS ", t.c FROM t JOIN articles a ON a.n = t.article"
    " ORDER BY t.c DESC, a.published DESC, a.n LIMIT ?3";

static char *dup_col(sqlite3_stmt *st, int i)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    return v ? strdup(v) : NULL;
}

/* The window's days: until (or today) and the day days-1 before it, as SQLite computes them;
 * `until` must be a real date written YYYY-MM-DD (date() alone takes "2024-02-30": the
 * '+0 days' modifier normalises it to March, which then differs). */
static int window(bt_store *s, int days, const char *until, bt_top_list *l, bt_error *err)
{
    sqlite3_stmt *st;
    int rc = bti_store_prepare(s,
                               "SELECT d, date(d, '-' || (?2 - 1) || ' days') FROM"
                               " (SELECT CASE WHEN ?1 IS NULL THEN date('now')"
                               "  WHEN date(?1, '+0 days') IS ?1 THEN ?1 END AS d)",
                               "computing the window", &st, err);
    if (rc)
        return rc;
    if (until)
        sqlite3_bind_text(st, 1, until, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, days);
    rc = sqlite3_step(st) == SQLITE_ROW ? 0 : bti_store_db_error(s, "computing the window", err);
    const char *u = rc ? NULL : (const char *)sqlite3_column_text(st, 0);
    const char *f = rc ? NULL : (const char *)sqlite3_column_text(st, 1);
    if (!rc && (!u || !f))
        rc = bt_error_set(err, BT_EINVAL, "top: until '%.40s' is not a date (YYYY-MM-DD)",
                          until ? until : "");
    if (!rc) {
        memcpy(l->until, u, 10);
        memcpy(l->from, f, 10);
    }
    sqlite3_finalize(st);
    return rc;
}

int bt_top(bt_store *s, int days, int by, size_t limit, const char *until, bt_top_list **out,
           bt_error *err)
{
    *out = NULL;
    if (!s)
        return bt_error_set(err, BT_EINVAL, "top: no store");
    if (days < 1 || days > BT_TOP_MAX_DAYS)
        return bt_error_set(err, BT_EINVAL, "top: days must be 1 to %d, not %d", BT_TOP_MAX_DAYS,
                            days);
    if (by != BT_TOP_VIEWS && by != BT_TOP_MENTIONS)
        return bt_error_set(err, BT_EINVAL, "top: by must be views or mentions (%d)", by);
    if (limit < 1 || limit > BT_TOP_MAX_LIMIT)
        return bt_error_set(err, BT_EINVAL, "top: limit must be 1 to %d, not %zu",
                            BT_TOP_MAX_LIMIT, limit);
    bt_top_list *l = calloc(1, sizeof *l);
    if (!l)
        return bt_error_set(err, BT_ENOMEM, "top: out of memory");
    l->by = by;
    l->days = days;
    int rc = window(s, days, until, l, err);
    sqlite3_stmt *st = NULL;
    if (!rc)
        rc = bti_store_prepare(s, by == BT_TOP_VIEWS ? VIEWS_SQL : MENTIONS_SQL,
                               "ranking the most read", &st, err);
    if (!rc && !(l->items = calloc(limit, sizeof *l->items)))
        rc = bt_error_set(err, BT_ENOMEM, "top: out of memory");
    if (!rc) {
        sqlite3_bind_text(st, 1, l->from, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, l->until, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)limit);
        sqlite3_bind_int(st, 4, BT_TOP_TITLE_MIN);
        int step = SQLITE_DONE;
        while (!rc && l->n < limit && (step = sqlite3_step(st)) == SQLITE_ROW) {
            bt_top_item *it = &l->items[l->n++];
            const char *id = (const char *)sqlite3_column_text(st, 0);
            /* a content id or the id a record carried: both fit in 16 characters */
            snprintf(it->id, sizeof it->id, "%s",
                     bti_store_own_id_ok(id) ? id : "0000000000000000");
            it->title = dup_col(st, 1);
            it->url = dup_col(st, 2);
            it->source = dup_col(st, 3);
            it->published = dup_col(st, 4);
            it->kind = dup_col(st, 5);
            it->count = sqlite3_column_int64(st, 6);
            if (!it->title || !it->kind || (sqlite3_column_type(st, 2) != SQLITE_NULL && !it->url) ||
                (sqlite3_column_type(st, 3) != SQLITE_NULL && !it->source) ||
                (sqlite3_column_type(st, 4) != SQLITE_NULL && !it->published))
                rc = bt_error_set(err, BT_ENOMEM, "top: out of memory");
        }
        if (!rc && l->n < limit && step != SQLITE_DONE)
            rc = bti_store_db_error(s, "ranking the most read", err);
    }
    sqlite3_finalize(st);
    if (rc) {
        bt_top_list_free(l);
        return rc;
    }
    *out = l;
    return 0;
}

void bt_top_list_free(bt_top_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].title);
        free(l->items[i].url);
        free(l->items[i].source);
        free(l->items[i].published);
        free(l->items[i].kind);
    }
    free(l->items);
    free(l);
}
