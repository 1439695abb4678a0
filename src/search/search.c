/* search.c: bt_search_run: a query compiled by query.c, run over the store's FTS5 index,
 * ranked by rank.c, the best hits read back with a snippet of the original text.
 *
 * A small result is one pass: every match scored (bti_rank), the best offset+limit kept in a
 * heap. A large one (bantin/search.h) is first walked newest first without scoring into a
 * window, which gives the total (up to BT_SEARCH_TOTAL_MAX) and the rowid range the ranking
 * looks at; then ranked in tiers (title, title or lede, all) of the newest TIER_RANK matches
 * each, which FTS5 walks newest first and stops: the work per query no longer grows with
 * the number of articles that match. A date filter is answered from an array of days
 * (dates.c) instead of each match's row, and bounds the walk to the rowids of the articles
 * within the dates. Snippets are made from the stored text by snippet.c. */
#include "bantin/search.h"

#include "core/buf.h"
#include "core/opts.h"
#include "search/collapse.h"
#include "search/query.h"
#include "search/rank.h"
#include "search/reading.h"
#include "search/reading_count.h"
#include "search/reading_mark.h"
#include "search/snippet.h"
#include "store/db.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SNIPPET_TOKENS 24
#define MARK_ON '\x02'
#define MARK_OFF '\x03'

typedef struct cand {
    int64_t rowid;
    double score;
    char pub[32]; /* published, "" when none or not read */
    int tier;     /* 2: the whole query as a phrase with the marks as typed, 1: as a folded
                     phrase, 0: the words anywhere (phrase_first) */
    size_t copies; /* other articles of its near-duplicate group (collapse.c) */
} cand;

/* 1 when a ranks below b */
static int worse(const cand *a, const cand *b, int by_date)
{
    if (by_date) {
        int c = strcmp(a->pub, b->pub);
        if (c)
            return c < 0;
    } else if (a->tier != b->tier)
        return a->tier < b->tier;
    if (a->score != b->score)
        return a->score < b->score;
    int c = strcmp(a->pub, b->pub);
    if (c)
        return c < 0;
    return a->rowid < b->rowid;
}

typedef struct heap {
    cand *v;
    size_t n, k;
    int by_date;
    int tier; /* what scan() gives the candidates it pushes */
} heap;

static void sift_down(heap *h, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && worse(&h->v[l], &h->v[m], h->by_date))
            m = l;
        if (r < h->n && worse(&h->v[r], &h->v[m], h->by_date))
            m = r;
        if (m == i)
            return;
        cand t = h->v[i];
        h->v[i] = h->v[m];
        h->v[m] = t;
        i = m;
    }
}

static void heap_push(heap *h, const cand *c)
{
    if (h->k == 0)
        return;
    if (h->n < h->k) {
        size_t i = h->n++;
        h->v[i] = *c;
        while (i > 0) {
            size_t p = (i - 1) / 2;
            if (!worse(&h->v[i], &h->v[p], h->by_date))
                break;
            cand t = h->v[i];
            h->v[i] = h->v[p];
            h->v[p] = t;
            i = p;
        }
    } else if (worse(&h->v[0], c, h->by_date)) {
        h->v[0] = *c;
        sift_down(h, 0);
    }
}

/* Sorts the heap's entries best first, in place (heap sort: the root is the worst). */
static void heap_sort_best_first(heap *h)
{
    size_t n = h->n;
    while (h->n > 1) {
        cand t = h->v[0];
        h->v[0] = h->v[h->n - 1];
        h->v[h->n - 1] = t;
        h->n--;
        sift_down(h, 0);
    }
    h->n = n;
}

void bt_search_results_free(bt_search_results *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        free(r->hits[i].title);
        free(r->hits[i].source);
        free(r->hits[i].published);
        free(r->hits[i].snippet);
        free(r->hits[i].highlights);
    }
    free(r->hits);
    free(r->copies);
    free(r);
}

static char *dup_text(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return t ? strdup((const char *)t) : NULL;
}

static int db_fail(sqlite3 *db, const char *what, bt_error *err)
{
    return bt_error_set(err, BT_EDB, "search: %s: %s", what, sqlite3_errmsg(db));
}

/* Turns FTS5 output with MARK_ON/MARK_OFF into plain text plus highlight ranges; new lines
 * (paragraph breaks) become spaces. */
static int unmark(const char *in, bt_search_hit *h)
{
    bti_buf b = BTI_BUF_INIT;
    size_t cap = 0, start = 0;
    int open = 0;
    for (const char *p = in; *p; p++) {
        if (*p == MARK_ON) {
            start = b.len;
            open = 1;
        } else if (*p == MARK_OFF && open) {
            open = 0;
            if (h->n_highlights == cap) {
                cap = cap ? cap * 2 : 8;
                size_t(*hl)[2] = realloc(h->highlights, cap * sizeof *hl);
                if (!hl)
                    goto oom;
                h->highlights = hl;
            }
            h->highlights[h->n_highlights][0] = start;
            h->highlights[h->n_highlights][1] = b.len;
            h->n_highlights++;
        } else if (*p != MARK_OFF) {
            if (bti_buf_addc(&b, *p == '\n' || *p == '\r' ? ' ' : *p))
                goto oom;
        }
    }
    h->snippet = bti_buf_detach(&b, NULL);
    return h->snippet ? 0 : BT_ENOMEM;
oom:
    bti_buf_free(&b);
    return BT_ENOMEM;
}

/* The start of the lede or body, cut at a space near `max` bytes (filter-only queries). */
static int plain_snippet(const char *lede, const char *body, bt_search_hit *h)
{
    const char *t = lede && *lede ? lede : body ? body : "";
    size_t n = strlen(t), max = 200;
    bti_buf b = BTI_BUF_INIT;
    size_t cut = n;
    if (n > max) {
        cut = max;
        while (cut > 0 && t[cut] != ' ')
            cut--;
        if (cut == 0)
            for (cut = max; cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80; cut--)
                ;
    }
    for (size_t i = 0; i < cut; i++)
        if (bti_buf_addc(&b, t[i] == '\n' ? ' ' : t[i]))
            goto oom;
    if (cut < n && bti_buf_adds(&b, "\xE2\x80\xA6"))
        goto oom;
    h->snippet = bti_buf_detach(&b, NULL);
    return h->snippet ? 0 : BT_ENOMEM;
oom:
    bti_buf_free(&b);
    return BT_ENOMEM;
}

/* Reads the stored fields and the snippet of each hit. */
static int fill_hits(sqlite3 *db, const bti_qplan *p, const cand *best, size_t n,
                     unsigned flags, int collapsed, bt_search_results *r, bt_error *err)
{
    sqlite3_stmt *row = NULL;
    int rc = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT id, title, source, published, lede, body, captions "
                           "FROM articles WHERE n = ?1",
                           -1, &row, NULL) != SQLITE_OK)
        return db_fail(db, "reading the results", err);
    r->hits = calloc(n ? n : 1, sizeof *r->hits);
    int *tier = calloc(n ? n : 1, sizeof *tier); /* each hit's cand.tier */
    if (collapsed)
        r->copies = calloc(n ? n : 1, sizeof *r->copies);
    if (!r->hits || !tier || (collapsed && !r->copies)) {
        rc = bt_error_set(err, BT_ENOMEM, "search: out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        bt_search_hit *h = &r->hits[r->n];
        sqlite3_reset(row);
        sqlite3_bind_int64(row, 1, best[i].rowid);
        int s = sqlite3_step(row);
        if (s == SQLITE_DONE)
            continue; /* removed meanwhile */
        if (s != SQLITE_ROW) {
            rc = db_fail(db, "reading the results", err);
            goto done;
        }
        if (r->copies)
            r->copies[r->n] = best[i].copies;
        tier[r->n++] = best[i].tier;
        const char *id = (const char *)sqlite3_column_text(row, 0);
        snprintf(h->id, sizeof h->id, "%s", id ? id : "");
        h->title = dup_text(row, 1);
        h->source = dup_text(row, 2);
        h->published = dup_text(row, 3);
        h->score = best[i].score;
        if (!h->title && !(h->title = strdup(""))) {
            rc = bt_error_set(err, BT_ENOMEM, "search: out of memory");
            goto done;
        }
        if (flags & BT_SEARCH_NO_SNIPPET)
            continue;
        const char *lede = (const char *)sqlite3_column_text(row, 4);
        const char *body = (const char *)sqlite3_column_text(row, 5);
        if (!p->match) {
            if (plain_snippet(lede, body, h)) {
                rc = bt_error_set(err, BT_ENOMEM, "search: out of memory");
                goto done;
            }
            continue;
        }
        /* the body's best passage; else the lede's, the captions', the title's */
        const char *text[BTI_SNIPPET_COLUMNS] = {body, lede,
                                                (const char *)sqlite3_column_text(row, 6),
                                                h->title};
        char *marked = NULL;
        if (bti_snippet(p, text, SNIPPET_TOKENS, &marked) || unmark(marked, h)) {
            free(marked);
            rc = bt_error_set(err, BT_ENOMEM, "search: out of memory");
            goto done;
        }
        free(marked);
    }
    /* equal scores: the newer article first (the scan did not read dates unless it had to) */
    for (size_t i = 1; i < r->n; i++)
        for (size_t k = i; k > 0; k--) {
            bt_search_hit *a = &r->hits[k - 1], *b = &r->hits[k];
            const char *pa = a->published ? a->published : "", *pb = b->published ? b->published : "";
            if (tier[k - 1] != tier[k] || a->score != b->score || strcmp(pa, pb) >= 0)
                break;
            bt_search_hit t = *a;
            *a = *b;
            *b = t;
            if (r->copies) {
                size_t c = r->copies[k - 1];
                r->copies[k - 1] = r->copies[k];
                r->copies[k] = c;
            }
        }
done:
    free(tier);
    sqlite3_finalize(row);
    return rc;
}

#define EXACT_MAX 200  /* matches above which a result is ranked on its folded expression */
#define TIER_MIN 1000  /* matches above which a result is ranked in tiers */
#define TIER_MAX_K 100 /* pages deeper than this are ranked whole */
#define TIER_RANK 500  /* matches of a tier ranked at most: the most recently added */
/* Articles of a whole-phrase tier ranked at most (the newest): a typed phrase is held by a
 * few hundred articles at most; a more common one (a name in the news) gets its newest, as
 * the words' tiers do. */
#define PHRASE_RANK TIER_RANK
/* Matches of the words a window walks (a dated one: most fail the dates), and articles it
 * goes back over, before it stops once it has a page: what bounds the work of two common
 * words whose articles are spread thin, and of a date filter. */
#define WINDOW_WALK 10000
#define WINDOW_SPAN 100000
#define WINDOW_SPAN_PHRASE 30000

/* What a scan does with the rows of its query. */
enum { SCAN_RANK, SCAN_RANK_NEWEST };

/* One pass over the articles matching `expr` and the plan's filters. SCAN_RANK scores each
 * with bti_rank, keeps the best in `h` and counts them into *total; SCAN_RANK_NEWEST does the
 * same for the `cap` most recently added (highest rowid) only, leaving out those already in
 * `h`. `join` reads each article's row (filters on it, a date order, the recency boost);
 * without it a date filter is answered by bti_day_in, and `range` (or NULL) bounds the
 * rowids. */
static int scan(sqlite3 *db, const bti_qplan *p, const char *expr, int mode, int64_t cap,
                int join, const int64_t range[2], bti_rank_plan *rp, heap *h, int64_t *total,
                bt_error *err)
{
    bti_buf sql = BTI_BUF_INIT;
    int oom = 0;
    const char *rowid = join ? "a.n" : "articles_fts.rowid";
    if (!expr)
        oom |= bti_buf_adds(&sql, "SELECT a.n, 0.0, a.published FROM articles a WHERE 1") != 0;
    else {
        oom |= bti_buf_adds(&sql, "SELECT articles_fts.rowid, bti_rank(articles_fts, ?1") != 0;
        oom |= bti_buf_adds(&sql, rp->recency ? ", a.published)" : ")") != 0;
        oom |= bti_buf_adds(&sql, join ? ", a.published" : ", NULL") != 0;
        oom |= bti_buf_adds(&sql, join ? " FROM articles_fts JOIN articles a ON "
                                        "a.n = articles_fts.rowid"
                                      : " FROM articles_fts") != 0;
        oom |= bti_buf_adds(&sql, " WHERE articles_fts MATCH ?2") != 0;
    }
    int next = 3;
    if (join && p->since[0])
        oom |= bti_buf_addf(&sql, " AND substr(a.published, 1, 10) >= ?%d", next++) != 0;
    if (join && p->until[0])
        oom |= bti_buf_addf(&sql, " AND substr(a.published, 1, 10) <= ?%d", next++) != 0;
    if (!join && (p->since[0] || p->until[0])) {
        oom |= bti_buf_addf(&sql, " AND bti_day_in(%s, ?%d, ?%d)", rowid, next, next + 1) != 0;
        next += 2;
    }
    if (expr && !join && range)
        oom |= bti_buf_addf(&sql, " AND %s BETWEEN %lld AND %lld", rowid, (long long)range[0],
                           (long long)range[1]) != 0;
    for (size_t i = 0; i < p->n_author; i++)
        oom |= bti_buf_addf(&sql, " AND bti_words_match(a.authors, ?%d)", next++) != 0;
    /* articles.kind is NULL for an article (the store's default), indexed for the others */
    if (p->kind[0] && !strcmp(p->kind, BT_ARTICLE_KIND_ARTICLE))
        oom |= bti_buf_adds(&sql, p->kind_neg ? " AND a.kind IS NOT NULL" : " AND a.kind IS NULL") != 0;
    else if (p->kind[0])
        oom |= bti_buf_addf(&sql, p->kind_neg ? " AND a.kind IS NOT ?%d" : " AND a.kind = ?%d",
                            next++) != 0;
    for (size_t i = 0; i < p->n_not_author; i++)
        oom |= bti_buf_addf(&sql, " AND NOT bti_words_match(a.authors, ?%d)", next++) != 0;
    if (expr && mode == SCAN_RANK_NEWEST)
        oom |= bti_buf_addf(&sql, " ORDER BY articles_fts.rowid DESC LIMIT %lld",
                           (long long)cap) != 0;
    if (oom) {
        bti_buf_free(&sql);
        return bt_error_set(err, BT_ENOMEM, "search: out of memory");
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql.data, -1, &st, NULL) != SQLITE_OK) {
        bti_buf_free(&sql);
        return db_fail(db, "the store has no usable index", err);
    }
    bti_buf_free(&sql);
    if (expr) {
        sqlite3_bind_pointer(st, 1, rp, BTI_RANK_PLAN_TYPE, NULL);
        sqlite3_bind_text(st, 2, expr, -1, SQLITE_STATIC);
    }
    next = 3;
    if (join) {
        if (p->since[0])
            sqlite3_bind_text(st, next++, p->since, -1, SQLITE_STATIC);
        if (p->until[0])
            sqlite3_bind_text(st, next++, p->until, -1, SQLITE_STATIC);
    } else if (p->since[0] || p->until[0]) {
        if (p->since[0])
            sqlite3_bind_text(st, next, p->since, -1, SQLITE_STATIC);
        if (p->until[0])
            sqlite3_bind_text(st, next + 1, p->until, -1, SQLITE_STATIC);
        next += 2;
    }
    for (size_t i = 0; i < p->n_author; i++)
        sqlite3_bind_text(st, next++, p->author[i], -1, SQLITE_STATIC);
    if (p->kind[0] && strcmp(p->kind, BT_ARTICLE_KIND_ARTICLE))
        sqlite3_bind_text(st, next++, p->kind, -1, SQLITE_STATIC);
    for (size_t i = 0; i < p->n_not_author; i++)
        sqlite3_bind_text(st, next++, p->not_author[i], -1, SQLITE_STATIC);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        ++*total;
        cand c;
        c.tier = h->tier;
        c.rowid = sqlite3_column_int64(st, 0);
        if (mode == SCAN_RANK_NEWEST) {
            size_t i = 0;
            while (i < h->n && h->v[i].rowid != c.rowid)
                i++;
            if (i < h->n)
                continue; /* ranked in an earlier tier */
        }
        c.score = sqlite3_column_double(st, 1);
        const unsigned char *pub = sqlite3_column_text(st, 2);
        snprintf(c.pub, sizeof c.pub, "%s", pub ? (const char *)pub : "");
        heap_push(h, &c);
    }
    sqlite3_finalize(st);
    if (step != SQLITE_DONE)
        return db_fail(db, "the index refused the query", err);
    return 0;
}

/* The window of a large result: the articles matching `p->count_match` (and the date filter)
 * walked newest first, counted until BT_SEARCH_TOTAL_MAX + 1 of them pass the filter, or
 * at least `need` passed and the walk has looked at WINDOW_WALK matches of the words or gone
 * back over `span` articles. range[] is the rowid range of the walk: on entry the date
 * filter's (bti_day_span), on return narrowed to what was walked when the walk stopped early
 * (*more = 1). With `pool`, the first pool->k articles that pass are also ranked on the way
 * (`rp`, the folded expressions) into it, so that a result of up to pool->k articles needs
 * no second walk. */
static int window(sqlite3 *db, const bti_qplan *p, int64_t need, int64_t span, int64_t range[2],
                  bti_rank_plan *rp, heap *pool, int64_t *total, int *more, bt_error *err)
{
    int dated = p->since[0] || p->until[0];
    int64_t seen = 0, first = -1, last = range[1];
    int step = SQLITE_DONE;
    *total = 0;
    *more = 0;
    /* two legs: ranking while the pool fills, then counting only */
    for (int leg = pool && pool->k ? 0 : 1; leg < 2 && !*more; leg++) {
        char sql[320];
        snprintf(sql, sizeof sql,
                 "SELECT rowid%s%s FROM articles_fts WHERE articles_fts MATCH ?1"
                 " AND rowid BETWEEN %lld AND %lld ORDER BY rowid DESC",
                 dated ? ", bti_day_in(rowid, ?2, ?3)" : ", 1",
                 leg ? "" : dated ? ", CASE WHEN bti_day_in(rowid, ?2, ?3) THEN "
                                    "bti_rank(articles_fts, ?4) END"
                                  : ", bti_rank(articles_fts, ?4)",
                 (long long)range[0], (long long)(first < 0 ? range[1] : last - 1));
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
            return db_fail(db, "the store has no usable index", err);
        sqlite3_bind_text(st, 1, p->count_match, -1, SQLITE_STATIC);
        if (dated) {
            if (p->since[0])
                sqlite3_bind_text(st, 2, p->since, -1, SQLITE_STATIC);
            if (p->until[0])
                sqlite3_bind_text(st, 3, p->until, -1, SQLITE_STATIC);
        }
        if (!leg)
            sqlite3_bind_pointer(st, 4, rp, BTI_RANK_PLAN_TYPE, NULL);
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            seen++;
            last = sqlite3_column_int64(st, 0);
            if (first < 0)
                first = last;
            if (sqlite3_column_int(st, 1)) {
                ++*total;
                if (!leg) {
                    cand c = {last, sqlite3_column_double(st, 2), "", 0, 0};
                    heap_push(pool, &c);
                }
            }
            if (*total > BT_SEARCH_TOTAL_MAX ||
                ((seen >= WINDOW_WALK || first - last >= span) && *total >= need)) {
                *more = 1;
                break;
            }
            if (!leg && (int64_t)pool->n == (int64_t)pool->k && sqlite3_column_int(st, 1))
                break; /* the pool is full: count the rest */
        }
        sqlite3_finalize(st);
        if (step != SQLITE_ROW && step != SQLITE_DONE)
            return db_fail(db, "the index refused the query", err);
        if (step == SQLITE_DONE)
            break;
    }
    if (*more)
        range[0] = last;
    return 0;
}

/* The rowid range of the articles the date filter can accept (bti_day_span): [0, -1] when
 * none. */
static int date_range(sqlite3 *db, const bti_qplan *p, int64_t range[2], bt_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT bti_day_span(?1, ?2, 0), bti_day_span(?1, ?2, 1)",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return db_fail(db, "reading the publication dates", err);
    if (p->since[0])
        sqlite3_bind_text(st, 1, p->since, -1, SQLITE_STATIC);
    if (p->until[0])
        sqlite3_bind_text(st, 2, p->until, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW) {
        rc = db_fail(db, "reading the publication dates", err);
    } else if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
        range[0] = 0;
        range[1] = -1;
    } else {
        range[0] = sqlite3_column_int64(st, 0);
        range[1] = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Works out the IDF of the phrases of `p->match` (bti_rank does on its first row) before the
 * tiers, whose column filters would count only the articles with the words in the title. */
static int prime_idf(sqlite3 *db, const char *expr, bti_rank_plan *rp, bt_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT bti_rank(articles_fts, ?1) FROM articles_fts "
                                "WHERE articles_fts MATCH ?2 LIMIT 1",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, rp, BTI_RANK_PLAN_TYPE, NULL);
        sqlite3_bind_text(st, 2, expr, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? 0 : db_fail(db, "the index refused the query", err);
}

/* Moves the candidates of `from` into `to`, each score times the accent-exact boost of the
 * words typed with marks that its title or lede (`whole`: or body or captions) holds in that
 * form (bti_rank gives it from the exact forms in the index, which the folded expressions
 * leave out, and which the index has for titles and ledes only). Best first, and only while
 * a candidate boosted in full could still enter `to`: the rows read are those that can
 * change the page. */
static int boost_exact(sqlite3 *db, const bti_qplan *p, int whole, heap *from, heap *to,
                       bt_error *err)
{
    sqlite3_stmt *st = NULL;
    if (p->n_exact_terms &&
        sqlite3_prepare_v2(db,
                           whole ? "SELECT title, lede, body, captions FROM articles WHERE n = ?1"
                                 : "SELECT title, lede FROM articles WHERE n = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, "reading the results", err);
    heap_sort_best_first(from);
    for (size_t i = 0; i < from->n; i++) {
        cand c = from->v[i];
        if (st) {
            if (to->n == to->k && to->k > 0 &&
                c.score * (1.0 + BTI_RANK_W_EXACT) < to->v[0].score)
                break; /* the rest are lower still */
            sqlite3_reset(st);
            sqlite3_bind_int64(st, 1, c.rowid);
            if (sqlite3_step(st) == SQLITE_ROW) {
                const char *text[4];
                for (int col = 0; col < sqlite3_column_count(st); col++)
                    text[col] = (const char *)sqlite3_column_text(st, col);
                uint64_t bits = bti_marks_exact(p, text, (size_t)sqlite3_column_count(st));
                c.score *= 1.0 + BTI_RANK_W_EXACT * __builtin_popcountll(bits) / p->n_exact_terms;
            }
        }
        heap_push(to, &c);
    }
    sqlite3_finalize(st);
    return 0;
}

/* Brings bti_day_in's array of publication days up to date before a date-filtered query. */
static int sync_days(sqlite3 *db, bt_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT bti_day_in(NULL, NULL, NULL)", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st) == SQLITE_ROW ? SQLITE_OK : SQLITE_ERROR;
    if (rc != SQLITE_OK)
        rc = db_fail(db, "reading the publication dates", err);
    sqlite3_finalize(st);
    return rc;
}

/* An unmarked phrase read as the collection reads it: of the articles of the folded tier
 * (the PHRASE_RANK newest; the titles and ledes of the READING_TITLES best, and the bodies
 * and captions of the READING_BODY best: what bounds the text read), those holding the reading (marked
 * syllables side by side) the collection
 * uses as a word move up a tier (2): the reading whose syllables occur mostly together
 * (reading.h), so `la ma` gives "La Mã" before "là ma túy", `tu giam` "tù
 * giam" before "tự giám sát". Only when at least READING_MIN of them hold it and another
 * reading is there too: else the tier stays as BM25 ranked it. 0, or an error. */
/* bodies read for the readings: 50 read better (u-reading 0.780 against 0.774 on the dev
 * phrases) but cost a p99 of 22 ms against 13 at 100,000 articles (bench/README.md) */
#define READING_BODY 20
/* titles and ledes read: the best 100 read as well as all 500 (u-reading 0.774 both) */
#define READING_TITLES 100
#define READING_MIN 2
static int prefer_reading(sqlite3 *db, bti_qplan *p, heap *pool, bt_error *err)
{
    sqlite3_stmt *st = NULL, *st_short = NULL;
    if (sqlite3_prepare_v2(db, "SELECT title, lede, body, captions FROM articles WHERE n = ?1",
                           -1, &st, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT title, lede FROM articles WHERE n = ?1", -1, &st_short,
                           NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        return db_fail(db, "reading the results", err);
    }
    heap_sort_best_first(pool);
    size_t n = pool->n < READING_TITLES ? pool->n : READING_TITLES;
    bti_readings *held = calloc(n ? n : 1, sizeof *held), all = {0};
    int rc = held ? 0 : BT_ENOMEM;
    for (size_t i = 0; i < n && !rc; i++) {
        sqlite3_stmt *row = i < READING_BODY ? st : st_short;
        sqlite3_reset(row);
        sqlite3_bind_int64(row, 1, pool->v[i].rowid);
        if (sqlite3_step(row) != SQLITE_ROW)
            continue;
        for (int c = 0; c < sqlite3_column_count(row) && !rc; c++)
            rc = bti_readings_add((const char *)sqlite3_column_text(row, c),
                                  (size_t)sqlite3_column_bytes(row, c), p->pkeys, p->n_pkeys,
                                  &held[i]);
        if (!rc)
            rc = bti_readings_merge(&all, &held[i]);
    }
    if (!rc && all.n > 0) { /* one reading too: the snippet marks it */
        /* of the readings at least READING_MIN articles hold, the most cohesive: a word's
         * syllables stay together ("mã" beside "La"), a chance neighbour is a sliver of a
         * frequent syllable's use ("là" beside "ma"); more articles break a tie. On the
         * typed-phrase set (bench/README.md) this read better than the reading most
         * articles hold, or holders times a power of cohesion. */
        size_t best = 0, best_n = 0;
        double best_w = -1;
        for (size_t k = 0; k < all.n; k++) {
            size_t m = 0;
            for (size_t i = 0; i < n; i++)
                m += bti_readings_has(&held[i], all.v[k]);
            double c = bti_readings_cohesion(&all, k);
            double w = m >= READING_MIN ? c + 1e-6 * (double)m : 0;
            if (w > best_w) {
                best_w = w;
                best_n = m;
                best = k;
            }
        }
        /* The index's counts (reading_count.h) weigh the readings over the newest
         * articles, where the text read sees the phrase's articles only ("là" is rare among
         * those of `la ma`, everywhere else). */
        size_t pick = (size_t)-1, m = 0;
        if (best_n >= READING_MIN)
            rc = bti_reading_pick(db, &all, best, &pick, err);
        for (size_t i = 0; !rc && pick < all.n && i < n; i++)
            m += bti_readings_has(&held[i], all.v[pick]);
        if (m >= READING_MIN) {
            best = pick;
            best_n = m;
        }
        for (size_t i = 0; !rc && i < n && best_n >= READING_MIN; i++)
            if (bti_readings_has(&held[i], all.v[best]))
                pool->v[i].tier = 2;
        if (!rc && best_n >= READING_MIN && bti_reading_mark(p, all.v[best]))
            rc = BT_ENOMEM;
    }
    for (size_t i = 0; held && i < n; i++)
        bti_readings_free(&held[i]);
    free(held);
    bti_readings_free(&all);
    sqlite3_finalize(st);
    sqlite3_finalize(st_short);
    if (rc == BT_ENOMEM)
        return bt_error_set(err, BT_ENOMEM, "search: out of memory");
    return rc;
}

/* The marks as typed in the bodies and captions: the index holds exact forms for the titles
 * and ledes only (store/db.h), so tier 2 (the phrase_match scan of exact_phrase_match) has
 * only the articles with the phrase as typed there. Of the folded phrase's articles `pool`
 * (tier 1), best first, those whose text holds the phrase with the marks as typed move up to
 * tier 2, until with those of `ph` (tier 2 already) they fill the page: every article of
 * the pool when few hold the reading typed (`đọ dáng` among 275 of "do dang"; reading the
 * best 50 only lost 4 of the 300 dev phrases' m-exact, bench/README.md), most of them skipped
 * before they are tokenized (snippet.c, may_hold_marks). 0, or an error. */
#define MARKS_READ PHRASE_RANK
static int marks_in_text(sqlite3 *db, const bti_qplan *p, heap *pool, const heap *ph,
                         bt_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT title, lede, body, captions FROM articles WHERE n = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, "reading the results", err);
    heap_sort_best_first(pool);
    size_t have = ph->n, read = 0;
    int rc = 0;
    for (size_t i = 0; i < pool->n && have < ph->k && read < MARKS_READ && !rc; i++) {
        size_t j = 0;
        while (j < ph->n && ph->v[j].rowid != pool->v[i].rowid)
            j++;
        if (j < ph->n)
            continue; /* tier 2 already */
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, pool->v[i].rowid);
        if (sqlite3_step(st) != SQLITE_ROW)
            continue;
        read++;
        const char *text[4];
        for (int c = 0; c < 4; c++)
            text[c] = (const char *)sqlite3_column_text(st, c);
        int in = bti_phrase_exact_in(p, text, 4);
        if (in < 0)
            rc = bt_error_set(err, BT_ENOMEM, "search: out of memory");
        else if (in) {
            pool->v[i].tier = 2;
            have++;
        }
    }
    sqlite3_finalize(st);
    return rc; /* the pool is no heap now: phrase_first pushes each of it into `ph` */
}

/* The window (window()) and the folded phrase tier's newest PHRASE_RANK articles in one
 * walk, for a query with no filter on the article's row (`pw` below): the phrase's articles
 * are among its words', so the phrase walk and the window walked the same newest stretch of
 * the same posting lists twice. Here the words are walked newest first once, each scored as
 * the whole phrase (bti_rank_plan.whole: 0 where the words are apart), the window counted on
 * the way by its own rules (window(): a dated query counts and ranks the articles within the
 * dates, and its phrase is looked for among them); when one of the two is done, the other
 * goes on alone: the count without positions, or the phrase over the older articles, until
 * PHRASE_WALK articles holding the words have been looked at. A query with no filter on
 * the article's row, a page within the first TIER_MAX_K and no phrase index takes it.
 *
 * PHRASE_WALK bounds the work of a phrase of frequent syllables held by few articles: without
 * the phrase index, finding it means reading the positions of every article holding all its
 * syllables (FTS5's own phrase query walks the same posting lists), over the whole store:
 * 50,000 articles for `bi to duoc` at 200,000, a quarter of a million at 1,000,000, several
 * times the whole p99 budget (bench/README.md, issue 15). Newest first, as the words' tiers
 * are ranked: the phrase is found among the newest PHRASE_WALK articles holding its words
 * (at 20,000 articles, every one of them for every phrase of the typed-phrase set), with the
 * phrase index among all (its pairs are one posting list). */
#define PHRASE_WALK 20000
/* What the walk of an undated query ranks of the words apart on the way, for rank_best (as
 * its scans of the window would: tier_scan): the first TIER_MIN articles of the window (every
 * one of a result of up to TIER_MIN), and the first TIER_RANK with every word in the title,
 * and in the title or lede (the tiers of a larger result), newest first. The title tier, a
 * scan of its own, used to walk the window's posting lists again, and the next tier again:
 * here each article is ranked once, by the bti_rank call that looks for the phrase
 * (bti_rank_plan.whole 2), while the phrase tiers do not fill the page. */
typedef struct walk_tiers {
    cand *every;     /* TIER_MIN */
    size_t n_every;
    int every_on;    /* every is collected (a dated query: what it ranks) */
    cand *tier[2];   /* TIER_RANK each: in the title; in the title or lede */
    size_t n_tier[2];
    int on;          /* ranked: the lists hold what the tiers' scans would give */
} walk_tiers;

typedef struct phrase_walk {
    int on;          /* eligible: the walk replaces phrase_first's scan (and window()) */
    int phrase;      /* the walk looks for the folded phrase (else it only counts) */
    int done;        /* ran: total, more and range hold the window's */
    int64_t total;
    int more;
    int64_t range[2];
    int64_t low;     /* the oldest rowid the phrase was looked for at */
    walk_tiers wt;   /* the words apart, ranked on the way */
} phrase_walk;

/* Adds the walk's row `rowid`, ranked by bti_rank (whole 2: `out`), to the lists it belongs
 * to, each with the score the tier's scan would give it (under the tier's column filter). */
static void walk_tiers_add(walk_tiers *wt, int64_t rowid, double score, const bti_rank_plan *rp)
{
    cand c = {rowid, score, "", 0, 0};
    if (wt->every_on && wt->n_every < TIER_MIN)
        wt->every[wt->n_every++] = c;
    for (int t = 0; t < 2; t++)
        if (rp->out.tier <= t && wt->n_tier[t] < TIER_RANK) {
            c.score = t ? rp->out.lede : rp->out.title;
            wt->tier[t][wt->n_tier[t]++] = c;
        }
}

static int phrase_window(sqlite3 *db, const bti_qplan *p, int64_t need, int64_t span,
                         const int64_t within[2], heap *pool, phrase_walk *pw, bt_error *err)
{
    /* the whole phrase (1), and the words apart as the tiers rank them (2) while needed */
    bti_rank_plan rp = {.q = p, .phrase = p->fphrase, .n_phrase = p->n_fphrase, .n_idf = 1,
                        .idf = {1.0}, .whole = 1};
    walk_tiers *wt = &pw->wt;
    if (pw->phrase && wt->every) {
        rp.n_idf = -1;
        rp.whole = 2;
        wt->every_on = p->since[0] || p->until[0];
        rp.open = wt->every_on ? BTI_RANK_OPEN_EVERY : BTI_RANK_OPEN_LEDE | BTI_RANK_OPEN_TITLE;
        wt->on = 1;
    }
    int dated = p->since[0] || p->until[0];
    int64_t seen = 0, first = -1, last = within[1], wlast = INT64_MAX, hits = 0;
    int counted = 0, found = 0, step = SQLITE_DONE;
    pw->total = 0;
    pw->more = 0;
    pw->range[0] = within[0];
    pw->range[1] = within[1];
    int64_t hi = within[1]; /* the next leg's newest rowid */
    /* leg 0: both; leg 1: the count alone, below the last row walked */
    for (int leg = pw->phrase ? 0 : 1; leg < 2 && !(leg && counted); leg++) {
        char sql[320];
        snprintf(sql, sizeof sql,
                 "SELECT rowid, %s, %s FROM articles_fts WHERE articles_fts MATCH ?1"
                 " AND rowid BETWEEN %lld AND %lld ORDER BY rowid DESC",
                 dated && leg ? "bti_day_in(rowid, ?3, ?4)" : "1",
                 leg     ? "0"
                 : dated ? "CASE WHEN bti_day_in(rowid, ?3, ?4) THEN bti_rank(articles_fts, ?2) END"
                         : "bti_rank(articles_fts, ?2)",
                 (long long)within[0], (long long)hi);
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
            return db_fail(db, "the store has no usable index", err);
        sqlite3_bind_text(st, 1, p->count_match, -1, SQLITE_STATIC);
        if (!leg)
            sqlite3_bind_pointer(st, 2, &rp, BTI_RANK_PLAN_TYPE, NULL);
        if (dated) {
            if (p->since[0])
                sqlite3_bind_text(st, 3, p->since, -1, SQLITE_STATIC);
            if (p->until[0])
                sqlite3_bind_text(st, 4, p->until, -1, SQLITE_STATIC);
        }
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            seen++;
            last = sqlite3_column_int64(st, 0);
            if (first < 0)
                first = last;
            /* within the dates (bti_rank ran); in the ranking leg the dates are asked once
             * a row (DATED_ONCE: the rank is NULL outside them; asking twice cost 3 M
             * instructions a dated query at 1,000,000 articles, bench/README.md) */
            int in = dated && !leg ? sqlite3_column_type(st, 2) != SQLITE_NULL
                                   : sqlite3_column_int(st, 1);
            int ranked = !leg && in && rp.whole == 2 && rp.out.ranked; /* words apart scored */
            if (!counted) {
                pw->total += in;
                if (pw->total > BT_SEARCH_TOTAL_MAX ||
                    ((seen >= WINDOW_WALK || first - last >= span) && pw->total >= need)) {
                    pw->more = counted = 1;
                    wlast = last;
                }
            }
            if (!leg) {
                double whole = in ? rp.out.whole : 0;
                if (whole > 0) {
                    cand c = {last, whole, "", pool->tier, 0};
                    heap_push(pool, &c);
                    found = ++hits >= PHRASE_RANK;
                }
                if (ranked)
                    walk_tiers_add(wt, last, sqlite3_column_double(st, 2), &rp);
                if (seen >= PHRASE_WALK)
                    found = 1; /* the phrase's walk is over (PHRASE_WALK) */
                /* the words apart are ranked while the phrase does not fill the page, within
                 * the window, each row only when a list still takes it (a full title list
                 * leaves the next unused) */
                if (rp.whole == 2 && dated) {
                    /* a dated query ranks its newest TIER_MIN within the dates (rank_best) */
                    rp.open = wt->n_every < TIER_MIN ? BTI_RANK_OPEN_EVERY : 0;
                    if (counted || hits >= need || !rp.open)
                        rp.whole = 1;
                    if (hits >= need)
                        wt->on = 0;
                } else if (rp.whole == 2) {
                    rp.open = (wt->n_tier[0] < TIER_RANK ? BTI_RANK_OPEN_TITLE : 0) |
                              (wt->n_tier[1] < TIER_RANK && wt->n_tier[0] < TIER_RANK
                                   ? BTI_RANK_OPEN_LEDE
                                   : 0);
                    if (counted || hits >= need || !rp.open)
                        rp.whole = 1;
                    if (hits >= need)
                        wt->on = 0; /* the phrase fills the page: no use for them */
                }
            }
            if ((leg && counted) || (!leg && found && rp.whole != 2))
                break;
        }
        sqlite3_finalize(st);
        if (step != SQLITE_ROW && step != SQLITE_DONE)
            return db_fail(db, "the index refused the query", err);
        if (step == SQLITE_DONE) {
            last = within[0]; /* every article with the words walked */
            break;
        }
        hi = last - 1;
    }
    if (pw->more)
        pw->range[0] = wlast;
    pw->low = last;
    if (step != SQLITE_DONE && seen < PHRASE_WALK && first >= last) {
        /* stopped at the phrase's newest PHRASE_RANK: where PHRASE_WALK articles with the
         * words would have reached, at the density of those walked (how far the marks as
         * typed are looked for: those of phrase_first's exact scan) */
        double reach = (double)(first - last + 1) * PHRASE_WALK / (double)seen;
        pw->low = reach < (double)(first - within[0]) ? first - (int64_t)reach : within[0];
    }
    pw->done = 1;
    return 0;
}

/* The rowid of the newest article (0 when none). 0, or an error. */
static int newest_rowid(sqlite3 *db, int64_t *top, bt_error *err)
{
    sqlite3_stmt *st = NULL;
    *top = 0;
    if (sqlite3_prepare_v2(db, "SELECT max(n) FROM articles", -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, "reading the articles", err);
    if (sqlite3_step(st) == SQLITE_ROW)
        *top = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return 0;
}

/* PHRASE_COVERS: a query that is its phrase ("quoted", or its words as one quoted phrase,
 * with the same exclusions: p->phrase_match is p->count_match) matches the articles of its
 * folded phrase tier, whose scan (phrase_first) walked them newest first, the PHRASE_RANK
 * newest at most, before the window would walk them again (and, for a result of up to
 * EXACT_MAX, the ranking a third time: to the start of the store for a rare phrase of
 * frequent syllables). The window's answer is taken from the scan's rows when they hold it:
 * all of them were seen (the total is exact, every one is ranked in the phrase tier), or the
 * window's rule (window()) stops within them, undated only: a dated window also counts
 * the rows outside the dates it walks, which the scan does not return. 1 when answered (*total, *more, range[0] as window() sets them), else 0. */
typedef struct phrase_rows {
    int64_t row[PHRASE_RANK];
    size_t n;
    int all; /* every article matching the phrase is among them */
} phrase_rows;

/* The folded phrase's pool into the phrase tiers: those of the marks as typed stay in
 * their tier (2), the rest join as the folded phrase's. */
static void push_folded(heap *ph, const heap *pool)
{
    for (size_t i = 0; i < pool->n; i++) {
        size_t j = 0;
        while (j < ph->n && ph->v[j].rowid != pool->v[i].rowid)
            j++;
        if (j == ph->n)
            heap_push(ph, &pool->v[i]);
    }
}

/* The whole-phrase tiers: the articles holding the query's words side by side in the typed
 * order, with the marks as typed (tier 2) and folded (tier 1), PHRASE_RANK of each at most,
 * ranked by BM25 of the phrase (the title weighing most) into `ph`; they come before the
 * rest (tier 0, the words anywhere, with the side-by-side boost of bti_rank for partial
 * adjacency). A phrase is looked for well past the newest matches of its words that the
 * window walks: among the newest PHRASE_WALK articles holding them (phrase_window), or in
 * the whole index (a "quoted phrase", filters on the article's row, the phrase index), so a
 * phrase held by a few articles among many holding its syllables is found. The IDF of a
 * tier's one phrase is the same for every article it ranks, so it is not worked out (1). */
static int phrase_first(sqlite3 *db, bti_qplan *p, int join, const bti_rank_plan *like,
                        int64_t need, const int64_t within[2], phrase_walk *pw, heap *ph,
                        phrase_rows *seen, bt_error *err)
{
    seen->n = 0;
    seen->all = 0;
    bti_rank_plan rpx = {.q = p, .phrase = p->xphrase, .n_phrase = p->n_pphrase,
                         .recency = like->recency, .now_days = like->now_days, .n_idf = 1,
                         .idf = {1.0}};
    if (pw->on) {
        /* The marks as typed first among the newest WINDOW_SPAN articles; when they fill the
         * page the folded phrase cannot enter, and the walk only counts (and the marks as
         * typed go on over the older articles it would have looked at). Else the folded
         * phrase (and the window) in one walk of the words, then the marks as typed over
         * the older articles it looked at: those holding them are among the folded
         * phrase's. The two stretches of the marks' scan give its newest PHRASE_RANK. */
        heap pool = {NULL, 0, ph->k > PHRASE_RANK ? ph->k : PHRASE_RANK, 0, 1};
        if (!(pool.v = malloc(pool.k * sizeof *pool.v)))
            return bt_error_set(err, BT_ENOMEM, "search: out of memory");
        int64_t n = 0, top = within[1], recent[2] = {within[0], within[1]};
        int rc = 0;
        pw->phrase = 1;
        if (p->exact_phrase_match) {
            if (top == INT64_MAX)
                rc = newest_rowid(db, &top, err);
            if (!rc && top - WINDOW_SPAN + 1 > recent[0])
                recent[0] = top - WINDOW_SPAN + 1;
            ph->tier = 2;
            if (!rc)
                rc = scan(db, p, p->exact_phrase_match, SCAN_RANK_NEWEST, PHRASE_RANK, 0, recent,
                          &rpx, ph, &n, err);
            pw->phrase = ph->n < ph->k;
        }
        if (!rc)
            rc = phrase_window(db, p, need, WINDOW_SPAN, within, &pool, pw, err);
        int64_t older[2] = {pw->low, recent[0] - 1}, m = 0;
        if (!rc && p->exact_phrase_match && n < PHRASE_RANK && older[0] <= older[1])
            rc = scan(db, p, p->exact_phrase_match, SCAN_RANK_NEWEST, PHRASE_RANK - n, 0, older,
                      &rpx, ph, &m, err);
        if (!rc && ph->n < ph->k)
            rc = p->exact_phrase_match ? marks_in_text(db, p, &pool, ph, err)
                                       : prefer_reading(db, p, &pool, err);
        if (!rc)
            push_folded(ph, &pool);
        free(pool.v);
        return rc;
    }
    for (int x = p->exact_phrase_match ? 1 : 0; x >= 0; x--) {
        bti_rank_plan rp = {.q = p, .phrase = x ? p->xphrase : p->pphrase,
                            .n_phrase = p->n_pphrase, .recency = like->recency,
                            .now_days = like->now_days, .n_idf = 1, .idf = {1.0}};
        int64_t n = 0;
        if (!x) { /* the folded phrase, its newest PHRASE_RANK, then re-tiered */
            heap pool = {NULL, 0, ph->k > PHRASE_RANK ? ph->k : PHRASE_RANK, 0, 1};
            if (!(pool.v = malloc(pool.k * sizeof *pool.v)))
                return bt_error_set(err, BT_ENOMEM, "search: out of memory");
            int rc = scan(db, p, p->phrase_match, SCAN_RANK_NEWEST, PHRASE_RANK, join, NULL, &rp,
                          &pool, &n, err);
            if (!rc) { /* the rows the window would walk first (window_from_phrase) */
                for (size_t i = 0; i < pool.n && seen->n < PHRASE_RANK; i++)
                    seen->row[seen->n++] = pool.v[i].rowid;
                seen->all = n < PHRASE_RANK; /* stopped short of its limit: every match */
            }
            if (!rc)
                rc = p->exact_phrase_match ? marks_in_text(db, p, &pool, ph, err)
                                           : prefer_reading(db, p, &pool, err);
            if (!rc)
                push_folded(ph, &pool);
            free(pool.v);
            return rc;
        }
        ph->tier = 2;
        int rc = scan(db, p, p->exact_phrase_match, SCAN_RANK_NEWEST, PHRASE_RANK, join, NULL,
                      &rp, ph, &n, err);
        if (rc)
            return rc;
        if (ph->n >= ph->k)
            break; /* the marks as typed fill the page: the folded phrase cannot enter */
    }
    return 0;
}

/* Takes out of `h` (sorted best first) the articles whose body or captions hold a word
 * excluded with marks (p->not_exact: the index's exact forms, which the MATCH expressions
 * exclude, are those of titles and ledes), then keeps the best `want`; each taken out is
 * one fewer in r's total. rank_best ranks NOT_EXACT_SPARE more (and half the page) for them:
 * a page can come out short when more of its articles hold the word. 0, or an error. */
#define NOT_EXACT_SPARE 20
static int not_exact_out(sqlite3 *db, const bti_qplan *p, heap *h, size_t want,
                         bt_search_results *r, bt_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT body, captions FROM articles WHERE n = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return db_fail(db, "reading the results", err);
    size_t n = 0;
    int rc = 0;
    for (size_t i = 0; i < h->n && n < want && !rc; i++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, h->v[i].rowid);
        int in = 0;
        if (sqlite3_step(st) == SQLITE_ROW) {
            const char *text[2] = {(const char *)sqlite3_column_text(st, 0),
                                   (const char *)sqlite3_column_text(st, 1)};
            in = bti_marks_any_in(p->not_exact, p->n_not_exact, text, 2);
        }
        if (in < 0)
            rc = bt_error_set(err, BT_ENOMEM, "search: out of memory");
        else if (in) {
            if (r->total > 0)
                r->total--;
        } else
            h->v[n++] = h->v[i];
    }
    h->n = n;
    sqlite3_finalize(st);
    return rc;
}

/* Puts the whole-phrase tiers `ph` into `h` (of the same size), each article once: those of
 * `h` that a tier holds leave for their place in the tier. 0 or BT_ENOMEM. */
static int merge_tiers(heap *h, const heap *ph)
{
    if (!ph->n)
        return 0;
    cand *keep = malloc((h->n ? h->n : 1) * sizeof *keep);
    if (!keep)
        return BT_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < h->n; i++) {
        size_t j = 0;
        while (j < ph->n && ph->v[j].rowid != h->v[i].rowid)
            j++;
        if (j == ph->n)
            keep[n++] = h->v[i];
    }
    h->n = 0;
    for (size_t i = 0; i < n; i++)
        heap_push(h, &keep[i]);
    for (size_t i = 0; i < ph->n; i++)
        heap_push(h, &ph->v[i]);
    free(keep);
    return 0;
}

/* Pushes the candidates a walk ranked (walk_tiers) into `h`, leaving out those already in
 * it, as a scan of the same articles would. */
static void walk_ranked(const cand *v, size_t n, heap *h)
{
    for (size_t k = 0; k < n; k++) {
        size_t i = 0;
        while (i < h->n && h->v[i].rowid != v[k].rowid)
            i++;
        if (i == h->n)
            heap_push(h, &v[k]);
    }
}

static int cmp_rowid_desc(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? 1 : x > y ? -1 : 0;
}

static int window_from_phrase(phrase_rows *seen, int dated, int64_t need, int64_t span,
                              int64_t range[2], int64_t *total, int *more)
{
    *more = 0;
    if (seen->all) {
        *total = (int64_t)seen->n;
        return 1;
    }
    if (dated)
        return 0;
    qsort(seen->row, seen->n, sizeof *seen->row, cmp_rowid_desc);
    for (size_t i = 0; i < seen->n; i++) {
        int64_t t = (int64_t)i + 1;
        if (t > BT_SEARCH_TOTAL_MAX ||
            ((t >= WINDOW_WALK || seen->row[0] - seen->row[i] >= span) && t >= need)) {
            *total = t;
            *more = 1;
            range[0] = seen->row[i];
            return 1;
        }
    }
    return 0;
}

/* Ranks the best k matches of plan p into *h (allocated here, sorted best first, a phrase
 * tier's scores lifted above those below it), and r's total and total_more. `pairs`: the
 * store has the phrase index. */
static int rank_best(sqlite3 *db, bti_qplan *p, const bt_search_opts *opts, int pairs, size_t k,
                     heap *h, bt_search_results *r, bt_error *err)
{
    int rc = 0;
    size_t want = k;
    if (p->n_not_exact) /* room for those not_exact_out takes out */
        k += k / 2 + NOT_EXACT_SPARE;
    *h = (heap){NULL, 0, k, opts->sort == BT_SORT_DATE, 0};
    heap ph = {NULL, 0, k, 0, 0};   /* the whole-phrase tiers' best (phrase_first) */
    heap wide = {NULL, 0, 0, 0, 0}; /* a large result's candidates before boost_exact */
    phrase_walk pw = {0};           /* the folded phrase and the window in one walk */
    phrase_rows seen = {0};         /* the folded phrase tier's scan (window_from_phrase) */
    r->total = 0;
    r->total_more = 0;
    if (bti_rank_register(db) != SQLITE_OK) {
        rc = db_fail(db, "cannot register the ranking function", err);
        goto done;
    }
    int recency = (opts->flags & BT_SEARCH_RECENCY) != 0;
    int join = !p->match || p->n_author || p->n_not_author || p->kind[0] || h->by_date || recency;
    long today = (long)(time(NULL) / 86400);
    bti_rank_plan rp = {.q = p, .phrase = p->phrase, .n_phrase = p->n_phrase,
                        .recency = recency, .now_days = today, .n_idf = -1};
    /* the folded expressions' (a large result's) */
    bti_rank_plan rpf = {.q = p, .phrase = p->fphrase, .n_phrase = p->n_fphrase,
                         .recency = recency, .now_days = today, .n_idf = -1};

    h->v = malloc((h->k ? h->k : 1) * sizeof *h->v);
    if (!h->v) {
        rc = bt_error_set(err, BT_ENOMEM, "search: out of memory");
        goto done;
    }
    if (!join && (p->since[0] || p->until[0]) && (rc = sync_days(db, err)))
        goto done;
    int dated = p->since[0] || p->until[0];
    /* the rowids of the articles within the dates (bti_day_span) */
    int64_t within[2] = {0, INT64_MAX};
    if (!join && dated && (rc = date_range(db, p, within, err)))
        goto done;
    /* the folded phrase and the window in one walk (phrase_window) */
    pw.on = !join && !h->by_date && !pairs && p->phrase_match && !p->has_phrase && h->k &&
            h->k <= TIER_MAX_K;
    if (pw.on) {
        pw.wt.every = malloc(TIER_MIN * sizeof *pw.wt.every);
        pw.wt.tier[0] = malloc(TIER_RANK * sizeof *pw.wt.tier[0]);
        pw.wt.tier[1] = malloc(TIER_RANK * sizeof *pw.wt.tier[1]);
        if (!pw.wt.every || !pw.wt.tier[0] || !pw.wt.tier[1]) {
            rc = bt_error_set(err, BT_ENOMEM, "search: out of memory");
            goto done;
        }
    }
    /* The whole-phrase tiers first: when they fill the page, the words apart are only
     * counted, not ranked. */
    if (h->k && !h->by_date && p->phrase_match) {
        if (!(ph.v = malloc(ph.k * sizeof *ph.v))) {
            rc = bt_error_set(err, BT_ENOMEM, "search: out of memory");
            goto done;
        }
        if ((rc = phrase_first(db, p, join, &rp, (int64_t)h->k, within, &pw, &ph, &seen, err)))
            goto done;
    }
    int page_full = ph.k && ph.n >= ph.k;
    /* a query that is its phrase: the window from the phrase tier's scan (PHRASE_COVERS) */
    int same = seen.n && !join && !h->by_date && p->count_match &&
               !strcmp(p->phrase_match, p->count_match);
    int covered = 0;
    if (!p->match || h->by_date || join) {
        /* every match read and ranked: a date order, filters on the article's row */
        if ((rc = scan(db, p, p->match, SCAN_RANK, 0, join, NULL, &rp, h, &r->total, err)))
            goto done;
    } else {
        /* The window first: the total, and for a large result the newest matches the
         * ranking looks at (bantin/search.h, "Large results"). */
        int64_t range[2] = {0, INT64_MAX}, n = 0;
        int more = 0;
        /* A dated window ranks its first TIER_MIN matches within the dates on the way (most
         * of what it walks fails the dates), a phrase its first TIER_RANK (a phrase costs a
         * look at positions in every walk): what they are ranked on, with no second walk.
         * Others only count: the tiers rank a large result, which would waste the ranks. */
        wide.k = 3 * TIER_RANK > TIER_MIN ? 3 * TIER_RANK : TIER_MIN;
        wide.v = malloc(wide.k * sizeof *wide.v);
        if (!wide.v) {
            rc = bt_error_set(err, BT_ENOMEM, "search: out of memory");
            goto done;
        }
        heap pool = {wide.v, 0, 0, 0, 0};
        if (h->k && h->k <= TIER_MAX_K && !page_full)
            pool.k = dated ? TIER_MIN : p->has_phrase ? TIER_RANK : 0;
        /* a phrase looks at the positions of every article holding its words */
        int64_t span = p->has_phrase ? WINDOW_SPAN_PHRASE : WINDOW_SPAN;
        if (dated) {
            range[0] = within[0];
            range[1] = within[1];
        }
        if (same && (covered = window_from_phrase(&seen, dated, (int64_t)h->k, span, range,
                                                  &r->total, &more))) {
            ; /* every article of the page in `ph` already (PHRASE_COVERS) */
        } else if (pw.done) {
            r->total = pw.total;
            more = pw.more;
            range[0] = pw.range[0];
            range[1] = pw.range[1];
        } else if (range[0] <= range[1] &&
                   (rc = window(db, p, (int64_t)h->k, span, range, &rpf, &pool, &r->total, &more,
                                err)))
            goto done;
        if (r->total > BT_SEARCH_TOTAL_MAX)
            r->total = BT_SEARCH_TOTAL_MAX;
        r->total_more = more;
        if (h->k == 0 || r->total == 0 || page_full || (covered && !more))
            ;
        else if (h->k > TIER_MAX_K) {
            /* a deep page: every match ranked, exact forms from the index (titles, ledes) */
            if ((rc = scan(db, p, p->match, SCAN_RANK, 0, 0, NULL, &rp, h, &n, err)))
                goto done;
        } else if (r->total <= EXACT_MAX && !more) {
            /* small: every match ranked on the folded expressions, then the accent-exact
             * boost from the whole text of those that can reach the page (the index has
             * exact forms for titles and ledes only) */
            if (pw.wt.on && pw.wt.every_on)
                walk_ranked(pw.wt.every, pw.wt.n_every, &wide);
            else if ((rc = scan(db, p, p->count_match, SCAN_RANK, 0, 0, range, &rpf, &wide, &n,
                                err)))
                goto done;
            if ((rc = boost_exact(db, p, 1, &wide, h, err)))
                goto done;
        } else {
            /* A larger result is ranked on the folded expressions, which walk half the
             * posting lists of a query typed with marks; its best candidates get the
             * accent-exact boost from their title and lede afterwards (boost_exact). */
            if (pool.k && pw.wt.on) {
                /* ranked by the walk: the newest pool.k */
                walk_ranked(pw.wt.every, pw.wt.n_every < pool.k ? pw.wt.n_every : pool.k, &wide);
            } else if (pool.k) {
                /* ranked by the window: every match, or the newest pool.k */
                wide.n = pool.n;
            } else if (r->total <= TIER_MIN && !more) {
                /* every match ranked */
                if (pw.wt.on && pw.wt.every_on)
                    walk_ranked(pw.wt.every, pw.wt.n_every, &wide);
                else if ((rc = scan(db, p, p->count_match, SCAN_RANK, 0, 0, range, &rpf, &wide,
                                    &n, err)))
                    goto done;
            } else if (pw.wt.on) {
                /* the same tiers, the first two as the walk ranked them (the last, the
                 * newest TIER_RANK of all, is a short scan) */
                walk_ranked(pw.wt.tier[0], pw.wt.n_tier[0], &wide);
                if (wide.n < h->k)
                    walk_ranked(pw.wt.tier[1], pw.wt.n_tier[1], &wide);
                if (wide.n < h->k &&
                    (rc = scan(db, p, p->count_match, SCAN_RANK_NEWEST, TIER_RANK, 0, range, &rpf,
                               &wide, &n, err)))
                    goto done;
            } else {
                /* In tiers: the articles with the words in the title, then in title or
                 * lede, then anywhere, until a tier fills the page; of each tier, the
                 * TIER_RANK newest within the window (BM25's field weights rank a lower
                 * tier below a higher one anyway; see bantin/search.h). */
                const char *tiers[3] = {p->title_match, p->tier_match, p->count_match};
                if (rpf.n_idf < 0 && (rc = prime_idf(db, p->count_match, &rpf, err)))
                    goto done;
                for (int t = 0; t < 3 && wide.n < h->k; t++)
                    if ((rc = scan(db, p, tiers[t], SCAN_RANK_NEWEST, TIER_RANK, 0, range, &rpf,
                                   &wide, &n, err)))
                        goto done;
            }
            if ((rc = boost_exact(db, p, 0, &wide, h, err)))
                goto done;
        }
    }
    if (ph.n) {
        if (merge_tiers(h, &ph)) {
            rc = bt_error_set(err, BT_ENOMEM, "search: out of memory");
            goto done;
        }
    }
    heap_sort_best_first(h);
    if (p->n_not_exact && (rc = not_exact_out(db, p, h, want, r, err)))
        goto done;
    /* A whole-phrase tier comes first whatever its BM25: its scores are lifted to just above
     * those below it, so that the scores of a result stay in its order. */
    for (size_t i = h->n; i-- > 1;)
        if (h->v[i - 1].score < h->v[i].score ||
            (h->v[i - 1].score == h->v[i].score && h->v[i - 1].tier > h->v[i].tier))
            h->v[i - 1].score = nextafter(h->v[i].score, INFINITY);
done:
    free(ph.v);
    free(wide.v);
    free(pw.wt.every);
    free(pw.wt.tier[0]);
    free(pw.wt.tier[1]);
    return rc;
}

int bt_search_explain(const char *query, char **match, bt_error *err)
{
    *match = NULL;
    bti_query *q = NULL;
    bti_qplan *p = NULL;
    int rc = bti_query_parse(query, query ? strlen(query) : 0, &q, err);
    if (!rc)
        rc = bti_query_compile(q, query, 0, &p, err);
    bti_query_free(q);
    if (rc)
        return rc;
    *match = strdup(p->match ? p->match : "");
    bti_qplan_free(p);
    return *match ? 0 : bt_error_set(err, BT_ENOMEM, "search: out of memory");
}

int bt_search_run(bt_store *s, const char *query, const bt_search_opts *opts,
                  bt_search_results **out, bt_error *err)
{
    static const bt_search_opts defaults = BT_SEARCH_OPTS_INIT;
    bt_search_opts o;
    *out = NULL;
    if (bti_opts_copy(&o, sizeof o, &defaults, opts, "search", err))
        return BT_EINVAL;
    opts = &o;
    if (!s)
        return bt_error_set(err, BT_EINVAL, "search: no store");
    if (opts->offset > BT_SEARCH_MAX_WINDOW || opts->limit > BT_SEARCH_MAX_WINDOW - opts->offset)
        return bt_error_set(err, BT_ELIMIT, "search: offset + limit is past %d",
                            BT_SEARCH_MAX_WINDOW);
    bti_query *q = NULL;
    bti_qplan *p = NULL;
    int pairs, rc = bt_store_phrase_index(s, &pairs, err);
    if (rc)
        return rc;
    rc = bti_query_parse(query, query ? strlen(query) : 0, &q, err);
    if (!rc)
        rc = bti_query_compile(q, query, pairs ? BTI_QC_PAIRS : 0, &p, err);
    bti_query_free(q);
    if (rc)
        return rc;

    sqlite3 *db = bti_store_db(s);
    bti_store_read_mostly(s);
    bt_search_results *r = calloc(1, sizeof *r);
    heap h = {NULL, 0, 0, 0, 0};
    size_t want = opts->offset + opts->limit, k = want;
    bti_collapsed col = {0};
    if (!r) {
        rc = bt_error_set(err, BT_ENOMEM, "search: out of memory");
        goto done;
    }
    /* One result per near-duplicate group: the best k matches are ranked, the copies of a
     * group's best-ranked member left out; when that leaves less than a page and more
     * matches were there, more are ranked (the copies seen, twice over: rarely needed). */
    for (;;) {
        free(h.v);
        if ((rc = rank_best(db, p, opts, pairs, k, &h, r, err)))
            goto done;
        if (opts->all_copies || !want)
            break;
        int64_t *rows = malloc((h.n ? h.n : 1) * sizeof *rows);
        if (!rows) {
            rc = bt_error_set(err, BT_ENOMEM, "search: out of memory");
            goto done;
        }
        for (size_t i = 0; i < h.n; i++)
            rows[i] = h.v[i].rowid;
        rc = bti_collapse(db, rows, h.n, &col, err);
        free(rows);
        if (rc)
            goto done;
        if (col.n >= want || h.n < k || k >= BT_SEARCH_MAX_WINDOW)
            break;
        size_t more = k + 2 * (h.n - col.n) + 1;
        k = more < BT_SEARCH_MAX_WINDOW ? more : BT_SEARCH_MAX_WINDOW;
    }
    if (!opts->all_copies && want) {
        /* the kept candidates, in order, to the front */
        for (size_t i = 0; i < col.n; i++) {
            h.v[i] = h.v[col.keep[i]];
            h.v[i].copies = col.copies[i];
        }
        h.n = col.n;
    }
    size_t from = opts->offset < h.n ? opts->offset : h.n;
    size_t upto = want < h.n ? want : h.n;
    rc = fill_hits(db, p, h.v + from, upto - from, opts->flags, !opts->all_copies, r, err);
done:
    free(h.v);
    bti_collapsed_free(&col);
    bti_qplan_free(p);
    if (rc) {
        bt_search_results_free(r);
        return rc;
    }
    *out = r;
    return 0;
}
