/* dups_api.c: the public near-duplicate calls (bantin/connect.h): groups read from the
 * store's verified pairs (the connected components, the original first, each copy's
 * similarity to the original), and the rebuild. */
#include "connect/connect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the reads share: statements and scratch. */
typedef struct reader {
    bt_store *s;
    bti_dups_opts o;
    sqlite3_stmt *member; /* published and id of a row */
    sqlite3_stmt *pair;   /* a pair's similarity */
    sqlite3_stmt *row;    /* the text, for shingles */
    bti_u64s x, y;
} reader;

static void reader_close(reader *r)
{
    sqlite3_finalize(r->member);
    sqlite3_finalize(r->pair);
    sqlite3_finalize(r->row);
    bti_u64s_free(&r->x);
    bti_u64s_free(&r->y);
}

static int reader_open(bt_store *s, reader *r, bt_error *err)
{
    memset(r, 0, sizeof *r);
    r->s = s;
    bti_dups_opts_init(&r->o);
    int rc = bti_store_prepare(s, "SELECT published, id FROM articles WHERE n = ?",
                               "reading duplicate groups", &r->member, err);
    if (!rc)
        rc = bti_store_prepare(s, "SELECT max(jaccard, containment) FROM dup_pairs"
                                  " WHERE a = ? AND b = ?",
                               "reading duplicate groups", &r->pair, err);
    if (!rc)
        rc = bti_store_prepare(s, BTI_CONNECT_ROW_SQL,
                               "reading duplicate groups", &r->row, err);
    if (rc)
        reader_close(r);
    return rc;
}

/* The similarity of copy b to original a: the verified pair's when they form one, else
 * computed on their texts (a copy joined to the original through another copy). */
static int similarity(reader *r, int64_t a, int64_t b, double *out, bt_error *err)
{
    sqlite3_bind_int64(r->pair, 1, a < b ? a : b);
    sqlite3_bind_int64(r->pair, 2, a < b ? b : a);
    int st = sqlite3_step(r->pair);
    if (st == SQLITE_ROW)
        *out = sqlite3_column_double(r->pair, 0);
    sqlite3_reset(r->pair);
    if (st == SQLITE_ROW)
        return 0;
    if (st != SQLITE_DONE)
        return bti_store_db_error(r->s, "reading dup_pairs", err);
    int rc = bti_connect_shingles_of(r->s, r->row, &r->o, a, &r->x, NULL, err);
    if (!rc)
        rc = bti_connect_shingles_of(r->s, r->row, &r->o, b, &r->y, NULL, err);
    if (rc)
        return rc;
    bti_overlap ov;
    bti_overlap_of(r->x.v, r->x.n, r->y.v, r->y.n, &ov);
    *out = ov.jaccard > ov.containment ? ov.jaccard : ov.containment;
    return 0;
}

/* The articles and pairs of some components, gathered before grouping. */
typedef struct gathered {
    bti_dup_member *m;
    size_t n, cap;
    bti_dup_pair *p;
    size_t np, capp;
} gathered;

static void gathered_free(gathered *g)
{
    free(g->m);
    free(g->p);
}

static int push_pair(gathered *g, int64_t a, int64_t b)
{
    if (g->np == g->capp) {
        size_t cap = g->capp ? g->capp * 2 : 64;
        bti_dup_pair *p = realloc(g->p, cap * sizeof *p);
        if (!p)
            return BT_ENOMEM;
        g->p = p;
        g->capp = cap;
    }
    g->p[g->np++] = (bti_dup_pair){a, b, 0, 0};
    return 0;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The members of the pairs' articles (each once), with their published time; seq is the
 * row number, the order of addition. */
static int gather_members(reader *r, gathered *g, bt_error *err)
{
    int64_t *ids = malloc((2 * g->np + 1) * sizeof *ids);
    if (!ids)
        return bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    size_t n = 0;
    for (size_t i = 0; i < g->np; i++) {
        ids[n++] = g->p[i].a;
        ids[n++] = g->p[i].b;
    }
    qsort(ids, n, sizeof *ids, cmp_i64);
    g->m = malloc((n + 1) * sizeof *g->m);
    if (!g->m) {
        free(ids);
        return bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    }
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        if (i && ids[i] == ids[i - 1])
            continue;
        sqlite3_bind_int64(r->member, 1, ids[i]);
        int st = sqlite3_step(r->member);
        if (st == SQLITE_ROW)
            g->m[g->n++] = (bti_dup_member){
                ids[i], bti_connect_epoch((const char *)sqlite3_column_text(r->member, 0)),
                (uint64_t)ids[i]};
        else if (st != SQLITE_DONE) /* DONE: a pair naming a removed row: ignored */
            rc = bti_store_db_error(r->s, "reading duplicate groups", err);
        sqlite3_reset(r->member);
    }
    free(ids);
    return rc;
}

static int member_id(reader *r, int64_t n, char id[17], bt_error *err)
{
    sqlite3_bind_int64(r->member, 1, n);
    int st = sqlite3_step(r->member);
    if (st == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(r->member, 1);
        snprintf(id, 17, "%s", t ? t : "");
    }
    sqlite3_reset(r->member);
    return st == SQLITE_ROW ? 0 : bti_store_db_error(r->s, "reading duplicate groups", err);
}

/* Group i of gs as a public group, the copies below min_sim left out; *kept 0 when none
 * is left. */
static int make_group(reader *r, const bti_dup_groups *gs, size_t i, double min_sim,
                      bt_dup_group *out, int *kept, bt_error *err)
{
    size_t from = gs->start[i], to = gs->start[i + 1];
    const bti_dup_member *orig = &gs->members[from];
    out->group = orig->id;
    out->n = 0;
    out->articles = malloc((to - from) * sizeof *out->articles);
    if (!out->articles)
        return bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    for (size_t j = from; j < to; j++) {
        double sim = 1;
        int rc = j == from ? 0 : similarity(r, orig->id, gs->members[j].id, &sim, err);
        if (rc)
            return rc;
        if (j > from && sim < min_sim)
            continue;
        bt_dup_member *m = &out->articles[out->n++];
        m->similarity = sim;
        if ((rc = member_id(r, gs->members[j].id, m->id, err)))
            return rc;
    }
    *kept = out->n > 1;
    return 0;
}

void bt_dup_group_free(bt_dup_group *g)
{
    if (!g)
        return;
    free(g->articles);
    free(g);
}

void bt_dup_groups_free(bt_dup_groups *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n; i++)
        free(g->groups[i].articles);
    free(g->groups);
    free(g);
}

/* Groups the gathered pairs into public groups. */
static int to_groups(reader *r, gathered *g, double min_sim, bt_dup_groups *out, bt_error *err)
{
    int rc = gather_members(r, g, err);
    if (rc)
        return rc;
    bti_dup_groups gs = {0};
    if (bti_dup_group(g->m, g->n, g->p, g->np, &gs))
        return bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    out->groups = calloc(gs.n + 1, sizeof *out->groups);
    if (!out->groups)
        rc = bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    for (size_t i = 0; !rc && i < gs.n; i++) {
        int kept = 0;
        rc = make_group(r, &gs, i, min_sim, &out->groups[out->n], &kept, err);
        if (kept || rc)
            out->n++; /* a failed group is freed with the others */
        else
            free(out->groups[out->n].articles);
    }
    bti_dup_groups_free(&gs);
    return rc;
}

int bt_dups_list(bt_store *s, double min_sim, bt_dup_groups **out, bt_error *err)
{
    *out = NULL;
    if (!(min_sim >= 0 && min_sim <= 1))
        return bt_error_set(err, BT_EINVAL, "dups: minimum similarity %g not in 0..1", min_sim);
    reader r;
    int rc = reader_open(s, &r, err);
    if (rc)
        return rc;
    gathered g = {0};
    sqlite3_stmt *all = NULL;
    rc = bti_store_prepare(s, "SELECT a, b FROM dup_pairs", "reading dup_pairs", &all, err);
    int st = SQLITE_DONE;
    while (!rc && (st = sqlite3_step(all)) == SQLITE_ROW)
        if (push_pair(&g, sqlite3_column_int64(all, 0), sqlite3_column_int64(all, 1)))
            rc = bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    if (!rc && st != SQLITE_DONE)
        rc = bti_store_db_error(s, "reading dup_pairs", err);
    sqlite3_finalize(all);
    bt_dup_groups *res = calloc(1, sizeof *res);
    if (!rc && !res)
        rc = bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    if (!rc)
        rc = to_groups(&r, &g, min_sim, res, err);
    gathered_free(&g);
    reader_close(&r);
    if (rc) {
        bt_dup_groups_free(res);
        return rc;
    }
    *out = res;
    return 0;
}

int bt_dups_of(bt_store *s, const char *id, bt_dup_group **out, bt_error *err)
{
    *out = NULL;
    if (!id)
        return bt_error_set(err, BT_EINVAL, "dups: no article id");
    sqlite3_stmt *find = NULL;
    int rc = bti_store_prepare(s, "SELECT n FROM articles WHERE id = ?", "finding an article",
                               &find, err);
    if (rc)
        return rc;
    sqlite3_bind_text(find, 1, id, -1, SQLITE_TRANSIENT);
    int st = sqlite3_step(find);
    int64_t n = st == SQLITE_ROW ? sqlite3_column_int64(find, 0) : 0;
    sqlite3_finalize(find);
    if (st == SQLITE_DONE)
        return bt_error_set(err, BT_ENOTFOUND, "%s: no such article", id);
    if (st != SQLITE_ROW)
        return bti_store_db_error(s, "finding an article", err);
    reader r;
    if ((rc = reader_open(s, &r, err)))
        return rc;
    /* the component: every pair reachable from n, through dup_pairs' two indexes */
    sqlite3_stmt *comp = NULL;
    rc = bti_store_prepare(s,
                           "WITH RECURSIVE c(n) AS (SELECT ?1 UNION"
                           "  SELECT b FROM dup_pairs JOIN c ON a = c.n UNION"
                           "  SELECT a FROM dup_pairs JOIN c ON b = c.n)"
                           " SELECT a, b FROM dup_pairs WHERE a IN c",
                           "reading a duplicate group", &comp, err);
    gathered g = {0};
    if (!rc) {
        sqlite3_bind_int64(comp, 1, n);
        while (!rc && (st = sqlite3_step(comp)) == SQLITE_ROW)
            if (push_pair(&g, sqlite3_column_int64(comp, 0), sqlite3_column_int64(comp, 1)))
                rc = bt_error_set(err, BT_ENOMEM, "dups: out of memory");
        if (!rc && st != SQLITE_DONE)
            rc = bti_store_db_error(s, "reading a duplicate group", err);
    }
    sqlite3_finalize(comp);
    bt_dup_groups res = {0};
    if (!rc && g.np)
        rc = to_groups(&r, &g, 0, &res, err);
    gathered_free(&g);
    reader_close(&r);
    if (!rc && res.n == 1) {
        *out = malloc(sizeof **out);
        if (*out) {
            **out = res.groups[0];
            res.groups[0].articles = NULL;
        } else
            rc = bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    }
    for (size_t i = 0; i < res.n; i++)
        free(res.groups[i].articles);
    free(res.groups);
    return rc;
}

int bt_dups_rebuild(bt_store *s, bt_error *err)
{
    return bti_connect_rebuild(s, err);
}
