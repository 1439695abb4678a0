/* read.c: reading articles back: by id, by rowid, and iterating in the order of adding. */
#include "core/date.h"
#include "core/opts.h"
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bt_store_iter {
    bt_store *s;
    sqlite3_stmt *st;
};

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static int set_col(char **field, sqlite3_stmt *st, int i)
{
    const char *v = col(st, i);
    return v ? bt_article_set(field, v, (size_t)sqlite3_column_bytes(st, i)) : 0;
}

/* Splits a '\n'-joined column into a list through `add`. */
static int split_lines(bt_article *a, const char *v, int (*add)(bt_article *, const char *))
{
    if (!v || !*v)
        return 0;
    char *copy = strdup(v);
    if (!copy)
        return BT_ENOMEM;
    int rc = 0;
    char *save = NULL;
    for (char *line = strtok_r(copy, "\n", &save); line && !rc; line = strtok_r(NULL, "\n", &save))
        rc = add(a, line);
    free(copy);
    return rc;
}

static int children(bt_store *s, bt_article *a, int64_t n, bt_error *err)
{
    int rc = 0, step;
    sqlite3_stmt *st = s->st[ST_GET_IMAGES];
    sqlite3_bind_int64(st, 1, n);
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = bt_article_add_image(a, col(st, 0), col(st, 1), col(st, 2));
    sqlite3_reset(st);
    st = s->st[ST_GET_RELATED];
    sqlite3_bind_int64(st, 1, n);
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = bt_article_add_related(a, col(st, 0), col(st, 1));
    sqlite3_reset(st);
    st = s->st[ST_GET_MOST_READ];
    sqlite3_bind_int64(st, 1, n);
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = bt_article_add_most_read(a, col(st, 0), col(st, 1));
    sqlite3_reset(st);
    st = s->st[ST_GET_ORIGIN];
    sqlite3_bind_int64(st, 1, n);
    if (!rc && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = set_col(&a->origin, st, 0);
    sqlite3_reset(st);
    if (rc)
        return bt_error_set(err, BT_ENOMEM, "out of memory");
    return 0;
}

int bti_store_row_article(bt_store *s, sqlite3_stmt *row, bt_article **out, bt_error *err)
{
    *out = NULL;
    bt_article *a = bt_article_new();
    if (!a)
        return bt_error_set(err, BT_ENOMEM, "out of memory");
    /* columns: BTI_ARTICLE_COLUMNS */
    char **fields[] = {NULL, &a->id, &a->url, &a->source, &a->title, &a->published, &a->lede,
                       &a->lang};
    int rc = 0;
    for (int i = 1; i < 8 && !rc; i++)
        rc = set_col(fields[i], row, i);
    if (!rc)
        rc = split_lines(a, col(row, 8), bt_article_add_author);
    if (!rc)
        rc = split_lines(a, col(row, 9), bt_article_add_para);
    if (!rc)
        rc = set_col(&a->kind, row, 10);
    if (rc) {
        bt_article_free(a);
        return bt_error_set(err, BT_ENOMEM, "out of memory");
    }
    if ((rc = children(s, a, sqlite3_column_int64(row, 0), err))) {
        bt_article_free(a);
        return rc;
    }
    *out = a;
    return 0;
}

static int get_one(bt_store *s, int which, const char *what, bt_article **out, bt_error *err)
{
    sqlite3_stmt *st = s->st[which];
    int step = sqlite3_step(st), rc;
    if (step == SQLITE_ROW)
        rc = bti_store_row_article(s, st, out, err);
    else if (step == SQLITE_DONE)
        rc = bt_error_set(err, BT_ENOTFOUND, "%s: no article %s", s->path, what);
    else
        rc = bti_store_db_error(s, "reading an article", err);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc;
}

int bt_store_get(bt_store *s, const char *id, bt_article **out, bt_error *err)
{
    *out = NULL;
    sqlite3_bind_text(s->st[ST_GET_ID], 1, id, -1, SQLITE_STATIC);
    return get_one(s, ST_GET_ID, id, out, err);
}

int bti_store_get_rowid(bt_store *s, int64_t n, bt_article **out, bt_error *err)
{
    *out = NULL;
    char what[32];
    snprintf(what, sizeof what, "#%lld", (long long)n);
    sqlite3_bind_int64(s->st[ST_GET_N], 1, (sqlite3_int64)n);
    return get_one(s, ST_GET_N, what, out, err);
}

/* A filter's bound is compared with the stored ISO 8601 texts as text: it must be one too, or
 * a typo ("yesterday", "12/05/2024") would silently select nothing or everything. A date of
 * the calendar (YYYY, YYYY-MM or YYYY-MM-DD), then optionally 'T' or ' ' and a time made of
 * digits, ':', '.', and a zone (Z, +hh:mm, -hh:mm). */
static int since_valid(const char *v)
{
    size_t dlen = strcspn(v, "T ");
    char day[11];
    if (bti_date_bound(v, dlen, 0, day))
        return 0;
    if (!v[dlen])
        return 1;
    const char *t = v + dlen + 1;
    if (dlen != 10 || !(t[0] >= '0' && t[0] <= '9' && t[1] >= '0' && t[1] <= '9' && t[2] == ':'))
        return 0;
    return t[strspn(t, "0123456789:.+-Z")] == '\0';
}

int bt_store_iter_open(bt_store *s, const bt_store_filter *filter_in, bt_store_iter **out,
                       bt_error *err)
{
    static const bt_store_filter defaults = BT_STORE_FILTER_INIT;
    bt_store_filter fcopy;
    const bt_store_filter *filter = &fcopy;
    *out = NULL;
    if (bti_opts_copy(&fcopy, sizeof fcopy, &defaults, filter_in, "export", err))
        return BT_EINVAL;
    if (filter->added_since && !since_valid(filter->added_since))
        return bt_error_set(err, BT_EINVAL, "since: '%s' is not an ISO 8601 date or time "
                            "(YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS][Z|+07:00])",
                            filter->added_since);
    if (filter->published_since && !since_valid(filter->published_since))
        return bt_error_set(err, BT_EINVAL, "published since: '%s' is not an ISO 8601 date or "
                            "time (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS][Z|+07:00])",
                            filter->published_since);
    bt_store_iter *it = calloc(1, sizeof *it);
    if (!it)
        return bt_error_set(err, BT_ENOMEM, "out of memory");
    it->s = s;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT " BTI_ARTICLE_COLUMNS " FROM articles"
                           " WHERE (?1 IS NULL OR added_at >= ?1)"
                           " AND (?2 IS NULL OR published >= ?2) ORDER BY n",
                           -1, &it->st, NULL) != SQLITE_OK) {
        free(it);
        return bti_store_db_error(s, "listing articles", err);
    }
    if (filter && filter->added_since)
        sqlite3_bind_text(it->st, 1, filter->added_since, -1, SQLITE_TRANSIENT);
    if (filter && filter->published_since)
        sqlite3_bind_text(it->st, 2, filter->published_since, -1, SQLITE_TRANSIENT);
    *out = it;
    return 0;
}

int bt_store_iter_next(bt_store_iter *it, bt_article **out, bt_error *err)
{
    *out = NULL;
    int step = sqlite3_step(it->st);
    if (step == SQLITE_DONE)
        return 0;
    if (step != SQLITE_ROW)
        return bti_store_db_error(it->s, "listing articles", err);
    return bti_store_row_article(it->s, it->st, out, err);
}

void bt_store_iter_close(bt_store_iter *it)
{
    if (!it)
        return;
    sqlite3_finalize(it->st);
    free(it);
}

/* Candidates named in the message of an ambiguous prefix. */
#define AMBIGUOUS_SHOWN 3

int bt_store_resolve_id(bt_store *s, const char *prefix, char id[17], bt_error *err)
{
    size_t n = strlen(prefix);
    /* an id of the user's own (bti_store_add_own_id) is found whole first */
    if (bti_store_own_id_ok(prefix)) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM articles WHERE id = ?", -1, &st, NULL) !=
            SQLITE_OK)
            return bti_store_db_error(s, "looking up an id", err);
        sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc == SQLITE_ROW) {
            memcpy(id, prefix, n + 1);
            return 0;
        }
        if (rc != SQLITE_DONE)
            return bti_store_db_error(s, "looking up an id", err);
    }
    if (n && bti_store_own_id_ok(prefix) && strspn(prefix, "0123456789abcdefABCDEF") != n)
        return bt_error_set(err, BT_ENOTFOUND, "%s: no article %s", s->path, prefix);
    if (n == 0 || n > 16 || strspn(prefix, "0123456789abcdefABCDEF") != n)
        return bt_error_set(err, BT_EINVAL, "%s: '%s' is not an article id (16 hex digits, or "
                            "the first of them)", s->path, prefix);
    char lo[17], hi[18];
    for (size_t i = 0; i < n; i++)
        lo[i] = (char)(prefix[i] >= 'A' && prefix[i] <= 'F' ? prefix[i] - 'A' + 'a' : prefix[i]);
    lo[n] = '\0';
    /* the ids starting with lo are those from lo up to lo followed by 'g' (past every hex digit):
     * a range of the id index */
    memcpy(hi, lo, n);
    hi[n] = 'g';
    hi[n + 1] = '\0';
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT id FROM articles WHERE id >= ?1 AND id < ?2 LIMIT ?3",
                           -1, &st, NULL) != SQLITE_OK)
        return bti_store_db_error(s, "looking up an id", err);
    sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, AMBIGUOUS_SHOWN + 1);
    char found[AMBIGUOUS_SHOWN + 1][17];
    int k = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && k <= AMBIGUOUS_SHOWN) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        snprintf(found[k++], 17, "%s", v ? v : "");
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return bti_store_db_error(s, "looking up an id", err);
    if (k == 0)
        return bt_error_set(err, BT_ENOTFOUND, "%s: no article %s", s->path, prefix);
    if (k > 1)
        return bt_error_set(err, BT_EINVAL, "%s: '%s' is ambiguous: %s, %s%s%s%s (give more digits)",
                            s->path, prefix, found[0], found[1], k > 2 ? ", " : "",
                            k > 2 ? found[2] : "", k > AMBIGUOUS_SHOWN ? ", ..." : "");
    memcpy(id, found[0], 17);
    return 0;
}
