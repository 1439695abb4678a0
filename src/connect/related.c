/* related.c: an article's related articles (bt_related_of, bantin/connect.h).
 *
 * Design: computed on demand, not at ingest and not cached. A call costs tens of
 * milliseconds of CPU at 20,000-60,000 articles with text (bench/README.md, "connect:
 * related"), and it reads the index as it is: an article added or removed counts at the next
 * call, with no table to keep in step, no schema step, and nothing to refresh when better
 * candidates arrive. A cache would save that only for articles asked about twice, while
 * every add would have to find the cached lists it improves (one related search per new
 * article, the cost moved to ingest for lists nobody may ask for).
 *
 * A call, in named passes:
 *  1. query: the article's folded tokens (title, then the first BTI_RELATED_TEXT_TOKENS of
 *     lede and body; related_terms.c), each key once with its field-weighted frequency (the
 *     title counts TITLE_WEIGHT times), and its adjacent pairs ("zalmay khalilzad", "ha noi":
 *     in Vietnamese the word is often the pair of syllables). A key read as a name (a
 *     capitalised word not starting a sentence, a run of capitalised words) weighs
 *     NAME_BOOST times more: people, places and firms tell one story from another that
 *     shares its common words. A term's weight is (1 + log tf) x idf (x the boosts).
 *  2. idf: each key's document count is read from the full-text index itself (its posting
 *     list over title, lede and body, up to a cap): idf = BM25's log(1 + (N - df + .5) /
 *     (df + .5)), N the highest row number (removals make it a little high; the log hardly
 *     moves). A key in more than COMMON_SHARE of the store is common: it still scores, at the
 *     cap's idf, but retrieves nothing. A pair's idf is its rarer key's: the pair is at
 *     least that rare.
 *  3. candidates: the rows of the rare keys' posting lists (read in pass 2), each scored by
 *     the sum of the weights of the keys it holds; the article itself and its near-duplicate
 *     group (the component of dup_pairs) are left out; the PRESELECT best are re-weighed by
 *     their length (FTS5's own docsize record) and the CANDIDATES best of those go on.
 *  4. rank: each candidate's title and text top are read as the query's were, and scored by
 *     the cosine of the two term vectors (the candidate's terms that the query lacks weigh
 *     the query's mean idf: their own would cost a posting list each), times the time
 *     factor: 1 for the same moment, falling to TIME_FLOOR as the publication times part
 *     (1 / (1 + days / TIME_SCALE_DAYS)); an undated side takes the factor at
 *     TIME_SCALE_DAYS. A sum of term scores (BM25) was tried first: on the Vietnamese proxy
 *     it favoured long texts that share many middling words (P@1 0.24 against 0.43).
 *  5. one per near-duplicate group: going down the ranked list, a candidate whose group (its
 *     component of dup_pairs, read with SQL as search/collapse.c reads it) is already shown is
 *     left out, and the first of a group stands for it as the group's original (earliest
 *     published, then first added: connect/group.c's rule) with the best score of the group:
 *     a reader is shown the story once, by its first outlet, not an original and its reprint
 *     side by side.
 *  6. links: the page's own related links, each matched to a stored article by URL, else by
 *     its folded title (a phrase search on titles, then an exact compare of the keys). */
#include "connect/connect.h"
#include "connect/related.h"

#include "core/buf.h"
#include "core/hash.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A title word counts as this many text words: a headline names its story. */
#ifndef TITLE_WEIGHT /* overridable for bench/related.sh ablations */
#define TITLE_WEIGHT 3.0
#endif
/* A name's key or pair weighs this many times an ordinary one. */
#ifndef NAME_BOOST /* overridable for bench/related.sh ablations */
#define NAME_BOOST 2.0
#endif
/* A pair's weight against a key's (its idf is already its rarer key's). */
#ifndef PAIR_WEIGHT /* overridable for bench/related.sh ablations */
#define PAIR_WEIGHT 0.5
#endif
/* A key in more than this share of the stored articles retrieves no candidates (its
 * posting list is not read past that): stop words and the outlet's furniture. Vietnamese
 * syllables are common words (a place's name is two syllables each in thousands of texts):
 * at 0.05 the candidates came from too few lists and the partner was often not among them
 * (Vietnamese proxy, 1,000 queries: P@1 / P@5 0.441 / 0.141 at 0.05, 0.497 / 0.154 at 0.1,
 * 0.512 / 0.162 at 0.2 against TF-IDF cosine's 0.468 / 0.161; the Google News week and
 * ts-a flat within 0.001; the call's CPU x1.2-2.4, the longer lists read). */
#ifndef COMMON_SHARE /* overridable for bench/related.sh ablations */
#define COMMON_SHARE 0.2
#endif
/* ...but a small store reads lists up to this long whatever the share, */
#define COMMON_FLOOR 64
/* ...and a large one no list longer than this: the call reads every retrieving key's list
 * whole, so the share alone would make it read a fifth of a million-article store a key
 * (the call's CPU grew x2.4 from 0.05 to 0.2 at 22,000 articles, x3 at 60,000). Above
 * COMMON_CEILING / COMMON_SHARE articles (100,000) a key is common at this many articles. */
#ifndef COMMON_CEILING /* overridable for bench/related.sh ablations */
#define COMMON_CEILING 20000
#endif
/* Candidates whose length is read, by their summed weights, and of those the candidates
 * ranked on their own text, by their summed weights over the square root of their length
 * (the cosine's norm, as if each word were one of the query's): a long text shares more
 * rare words by its length alone. */
#define PRESELECT 2000
#ifndef CANDIDATES /* overridable for bench/related.sh ablations */
#define CANDIDATES 200
#endif
/* Lengths (tokens) are counted up to the text the ranking reads, plus this pivot, so that a
 * headline alone does not win by its shortness. */
#ifndef LENGTH_PIVOT /* overridable for bench/related.sh ablations */
#define LENGTH_PIVOT 20
#endif
/* The time factor: 1 / (1 + days apart / TIME_SCALE_DAYS), never below TIME_FLOOR. A day
 * halves it: a story's articles come within a day or two (on the Google News week, P@1 0.81
 * with a day and 0.3, 0.78 with three days and 0.5, 0.60 with no dates, bench/README.md);
 * the floor keeps an older telling of the same words above a fresh article that shares
 * little. */
#ifndef TIME_SCALE_DAYS /* overridable for bench/related.sh ablations */
#define TIME_SCALE_DAYS 1.0
#endif
#ifndef TIME_FLOOR /* overridable for bench/related.sh ablations */
#define TIME_FLOOR 0.3
#endif

#define SECONDS_PER_DAY 86400.0

/* ---- the query's terms ---------------------------------------------------------------------- */

typedef struct qterm {
    uint32_t off, len; /* key in the query's key buffer */
    double tf;         /* field-weighted frequency in the query */
    double w;          /* query weight x idf */
    double idf;
    int32_t a, b;      /* a pair's keys (term indexes); -1 for a key */
    int name;
} qterm;

typedef struct query {
    qterm *t;
    size_t n, cap;
    bti_buf keys;
    uint32_t *slot; /* open addressing: term index + 1, 0 empty */
    size_t nslot;   /* a power of two */
} query;

static void query_free(query *q)
{
    free(q->t);
    bti_buf_free(&q->keys);
    free(q->slot);
}

static uint64_t key_hash(const char *k, size_t len)
{
    return bti_hash64(k, len, 0x72656c61746564ull); /* "related": any fixed seed */
}

/* The term of key k whose key_hash is h, or -1. */
static long query_find_h(const query *q, const char *k, size_t len, uint64_t h)
{
    if (!q->nslot)
        return -1;
    for (size_t i = h & (q->nslot - 1);; i = (i + 1) & (q->nslot - 1)) {
        uint32_t s = q->slot[i];
        if (!s)
            return -1;
        const qterm *t = &q->t[s - 1];
        if (t->len == len && !memcmp(q->keys.data + t->off, k, len))
            return (long)(s - 1);
    }
}

static long query_find(const query *q, const char *k, size_t len)
{
    return query_find_h(q, k, len, key_hash(k, len));
}

static int query_rehash(query *q, size_t nslot)
{
    uint32_t *slot = calloc(nslot, sizeof *slot);
    if (!slot)
        return BT_ENOMEM;
    for (size_t j = 0; j < q->n; j++) {
        size_t i = key_hash(q->keys.data + q->t[j].off, q->t[j].len) & (nslot - 1);
        while (slot[i])
            i = (i + 1) & (nslot - 1);
        slot[i] = (uint32_t)(j + 1);
    }
    free(q->slot);
    q->slot = slot;
    q->nslot = nslot;
    return 0;
}

/* The term of key k, added when new; -1 when out of memory. */
static long query_term(query *q, const char *k, size_t len, int32_t a, int32_t b)
{
    long f = query_find(q, k, len);
    if (f >= 0)
        return f;
    if (2 * (q->n + 1) > q->nslot && query_rehash(q, q->nslot ? 2 * q->nslot : 64))
        return -1;
    if (bti_array_grow((void **)&q->t, &q->cap, q->n + 1, sizeof *q->t))
        return -1;
    qterm *t = &q->t[q->n];
    *t = (qterm){(uint32_t)q->keys.len, (uint32_t)len, 0, 0, 0, a, b, 0};
    if (bti_buf_add(&q->keys, k, len) || bti_buf_addc(&q->keys, 0))
        return -1;
    size_t i = key_hash(k, len) & (q->nslot - 1);
    while (q->slot[i])
        i = (i + 1) & (q->nslot - 1);
    q->slot[i] = (uint32_t)(q->n + 1);
    return (long)q->n++;
}

static double field_weight(const bti_rtok *t)
{
    return t->field == BTI_RFIELD_TITLE ? TITLE_WEIGHT : 1.0;
}

/* Pass 1: the query's keys and pairs with their weighted frequencies and name marks. */
static int query_build(query *q, const bti_rdoc *d)
{
    bti_buf pair = BTI_BUF_INIT;
    long prev = -1;
    for (size_t i = 0; i < d->n; i++) {
        const bti_rtok *tk = &d->t[i];
        long t = query_term(q, bti_rdoc_key(d, i), tk->len, -1, -1);
        if (t < 0)
            goto oom;
        q->t[t].tf += field_weight(tk);
        q->t[t].name |= tk->name;
        if (tk->joined && prev >= 0) {
            bti_buf_reset(&pair);
            if (bti_buf_add(&pair, bti_rdoc_key(d, i - 1), d->t[i - 1].len) ||
                bti_buf_addc(&pair, ' ') || bti_buf_add(&pair, bti_rdoc_key(d, i), tk->len))
                goto oom;
            long p = query_term(q, pair.data, pair.len, (int32_t)prev, (int32_t)t);
            if (p < 0)
                goto oom;
            q->t[p].tf += field_weight(tk);
            q->t[p].name |= tk->name && d->t[i - 1].name;
        }
        prev = t;
    }
    bti_buf_free(&pair);
    return 0;
oom:
    bti_buf_free(&pair);
    return BT_ENOMEM;
}

static double idf_of(double n_docs, double df)
{
    return log(1 + (n_docs - df + 0.5) / (df + 0.5));
}

/* The query weight of term t before its idf: sublinear in its frequency. */
static double query_weight(const qterm *t)
{
    double w = 1 + log(t->tf);
    if (t->name)
        w *= NAME_BOOST;
    if (t->a >= 0)
        w *= PAIR_WEIGHT;
    return w;
}

/* ---- candidates: rows and their retrieval scores -------------------------------------------- */

typedef struct cand {
    int64_t row;
    double acc;   /* pass 3: sum of the weights of the rare keys it holds */
    double score; /* pass 4 */
} cand;

typedef struct cands {
    cand *c;
    size_t n, cap;
    uint32_t *slot; /* open addressing on row: index + 1 */
    size_t nslot;
} cands;

static void cands_free(cands *c)
{
    free(c->c);
    free(c->slot);
}

static size_t row_slot(int64_t row, size_t nslot)
{
    return (size_t)(((uint64_t)row * 0x9e3779b97f4a7c15ull) >> 20) & (nslot - 1);
}

static int cands_rehash(cands *c, size_t nslot)
{
    uint32_t *slot = calloc(nslot, sizeof *slot);
    if (!slot)
        return BT_ENOMEM;
    for (size_t j = 0; j < c->n; j++) {
        size_t i = row_slot(c->c[j].row, nslot);
        while (slot[i])
            i = (i + 1) & (nslot - 1);
        slot[i] = (uint32_t)(j + 1);
    }
    free(c->slot);
    c->slot = slot;
    c->nslot = nslot;
    return 0;
}

static int cands_add(cands *c, int64_t row, double w)
{
    if (2 * (c->n + 1) > c->nslot && cands_rehash(c, c->nslot ? 2 * c->nslot : 1024))
        return BT_ENOMEM;
    size_t i = row_slot(row, c->nslot);
    for (; c->slot[i]; i = (i + 1) & (c->nslot - 1))
        if (c->c[c->slot[i] - 1].row == row) {
            c->c[c->slot[i] - 1].acc += w;
            return 0;
        }
    if (bti_array_grow((void **)&c->c, &c->cap, c->n + 1, sizeof *c->c))
        return BT_ENOMEM;
    c->c[c->n] = (cand){row, w, 0};
    c->slot[i] = (uint32_t)++c->n;
    return 0;
}

static int by_acc(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->acc != b->acc)
        return a->acc < b->acc ? 1 : -1;
    return (a->row < b->row) - (a->row > b->row); /* newer first on a tie */
}

static int by_score(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->score != b->score)
        return a->score < b->score ? 1 : -1;
    return (a->row < b->row) - (a->row > b->row);
}

/* The terms of a candidate that the query lacks, by their key's hash (odd for a pair),
 * with their field-weighted frequency: open addressing, emptied after each candidate. */
typedef struct others {
    uint64_t *h; /* 0: empty */
    double *tf;
    uint32_t *used;
    size_t nused, nslot;
} others;

static void others_free(others *o)
{
    free(o->h);
    free(o->tf);
    free(o->used);
}

/* Room for n terms at a load of at most one half. */
static int others_reserve(others *o, size_t n)
{
    if (2 * n <= o->nslot)
        return 0;
    size_t ns = o->nslot ? o->nslot : 1024;
    while (ns < 2 * n)
        ns *= 2;
    others_free(o);
    o->h = calloc(ns, sizeof *o->h);
    o->tf = calloc(ns, sizeof *o->tf);
    o->used = malloc(ns * sizeof *o->used);
    o->nused = 0;
    o->nslot = o->h && o->tf && o->used ? ns : 0;
    return o->nslot ? 0 : BT_ENOMEM;
}

static void others_add(others *o, uint64_t h, double fw)
{
    h |= h == 0; /* 0 marks an empty slot */
    size_t i = (size_t)(h >> 7) & (o->nslot - 1);
    while (o->h[i] && o->h[i] != h)
        i = (i + 1) & (o->nslot - 1);
    if (!o->h[i]) {
        o->h[i] = h;
        o->used[o->nused++] = (uint32_t)i;
    }
    o->tf[i] += fw;
}

/* ---- the call's state --------------------------------------------------------------------- */

typedef struct ctx {
    bt_store *s;
    bt_error *err;
    sqlite3_stmt *row;     /* title, lede, body, published of a row */
    sqlite3_stmt *posting; /* rows holding a key */
    int64_t self;
    int64_t self_time;
    double n_docs;
    query q;
    cands c;
    bti_rdoc d;
    int64_t *dups;
    size_t ndups;
    double *tf;       /* per query term, for one candidate */
    uint32_t *held;   /* the query terms a candidate holds */
    size_t nheld;
    others other;     /* the terms it holds that the query lacks */
    bti_buf pair;     /* scratch for a pair's key */
    double mean_idf;  /* of the query's keys: what a term the query lacks weighs */
    double qnorm;     /* the query vector's length */
} ctx;

static void ctx_free(ctx *x)
{
    sqlite3_finalize(x->row);
    sqlite3_finalize(x->posting);
    query_free(&x->q);
    cands_free(&x->c);
    bti_rdoc_free(&x->d);
    free(x->dups);
    free(x->tf);
    free(x->held);
    others_free(&x->other);
    bti_buf_free(&x->pair);
}

static int oom(ctx *x)
{
    return bt_error_set(x->err, BT_ENOMEM, "related: out of memory");
}

/* The highest row number: N for the idf (one B-tree descent, where count(*) reads every
 * article's page). */
static int count_docs(ctx *x)
{
    sqlite3_stmt *st = NULL;
    int rc = bti_store_prepare(x->s, "SELECT max(n) FROM articles", "related: counting", &st,
                               x->err);
    if (rc)
        return rc;
    int r = sqlite3_step(st);
    x->n_docs = r == SQLITE_ROW ? (double)sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return r == SQLITE_ROW ? 0 : bti_store_db_error(x->s, "related: counting", x->err);
}

/* The rows of the near-duplicate group of the article (its component in dup_pairs). */
static int read_dups(ctx *x)
{
    sqlite3_stmt *st = NULL;
    int rc = bti_store_prepare(x->s,
                               "WITH RECURSIVE c(n) AS (SELECT ?1 UNION"
                               "  SELECT b FROM dup_pairs JOIN c ON a = c.n UNION"
                               "  SELECT a FROM dup_pairs JOIN c ON b = c.n)"
                               " SELECT n FROM c",
                               "related: reading the duplicate group", &st, x->err);
    if (rc)
        return rc;
    sqlite3_bind_int64(st, 1, x->self);
    size_t cap = 0;
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        if (bti_array_grow((void **)&x->dups, &cap, x->ndups + 1, sizeof *x->dups)) {
            sqlite3_finalize(st);
            return oom(x);
        }
        x->dups[x->ndups++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return r == SQLITE_DONE ? 0
                            : bti_store_db_error(x->s, "related: reading dup_pairs", x->err);
}

static int is_dup(const ctx *x, int64_t row)
{
    for (size_t i = 0; i < x->ndups; i++)
        if (x->dups[i] == row)
            return 1;
    return row == x->self;
}

/* Pass 2 and 3: each key's document count from its posting list, and the candidates from
 * the lists of the rare ones. */
static int read_postings(ctx *x)
{
    query *q = &x->q;
    double cap_d = x->n_docs * COMMON_SHARE;
    int64_t cap = cap_d > COMMON_FLOOR ? (int64_t)cap_d : COMMON_FLOOR;
    if (cap > COMMON_CEILING)
        cap = COMMON_CEILING;
    bti_buf expr = BTI_BUF_INIT;
    int64_t *rows = NULL;
    size_t nrows = 0, caprows = 0;
    int rc = 0;
    for (size_t i = 0; i < q->n && !rc; i++) {
        qterm *t = &q->t[i];
        if (t->a >= 0)
            continue;
        /* the key is letters and digits (the tokenizer's output): nothing to escape */
        bti_buf_reset(&expr);
        if (bti_buf_addf(&expr, "{title lede body}: \"%s\"", q->keys.data + t->off)) {
            rc = oom(x);
            break;
        }
        sqlite3_bind_text(x->posting, 1, expr.data, (int)expr.len, SQLITE_STATIC);
        sqlite3_bind_int64(x->posting, 2, cap + 1);
        nrows = 0;
        int r;
        while ((r = sqlite3_step(x->posting)) == SQLITE_ROW) {
            if (bti_array_grow((void **)&rows, &caprows, nrows + 1, sizeof *rows)) {
                rc = oom(x);
                break;
            }
            rows[nrows++] = sqlite3_column_int64(x->posting, 0);
        }
        sqlite3_reset(x->posting);
        if (!rc && r != SQLITE_DONE)
            rc = bti_store_db_error(x->s, "related: reading the index", x->err);
        if (rc)
            break;
        int common = (int64_t)nrows > cap;
        t->idf = idf_of(x->n_docs, (double)nrows);
        t->w = query_weight(t) * t->idf;
        for (size_t j = 0; !common && j < nrows && !rc; j++)
            if (!is_dup(x, rows[j]) && cands_add(&x->c, rows[j], t->w))
                rc = oom(x);
    }
    double sum_idf = 0, nkeys = 0;
    for (size_t i = 0; i < q->n; i++) {
        qterm *t = &q->t[i];
        if (t->a >= 0) {
            double ia = q->t[t->a].idf, ib = q->t[t->b].idf;
            t->idf = ia > ib ? ia : ib;
            t->w = query_weight(t) * t->idf;
        } else {
            sum_idf += t->idf;
            nkeys++;
        }
        x->qnorm += t->w * t->w;
    }
    x->qnorm = sqrt(x->qnorm);
    x->mean_idf = nkeys ? sum_idf / nkeys : 0;
    free(rows);
    bti_buf_free(&expr);
    return rc;
}

/* A term's weight in a vector: sublinear in its field-weighted frequency. */
static double tf_weight(double tf)
{
    return 1 + log(tf);
}

/* A document's field-weighted frequencies of the query's terms (into x->tf, the terms it
 * holds listed in x->held) and of the terms the query lacks (x->other), for its norm. */
static int doc_terms(ctx *x, const bti_rdoc *d)
{
    x->nheld = 0;
    if (others_reserve(&x->other, 2 * d->n))
        return BT_ENOMEM;
    long prev = -1;
    for (size_t i = 0; i < d->n; i++) {
        double fw = field_weight(&d->t[i]);
        const char *k = bti_rdoc_key(d, i);
        uint64_t h = key_hash(k, d->t[i].len);
        long t = query_find_h(&x->q, k, d->t[i].len, h);
        long p = -1;
        uint64_t ph = 0;
        int pair = i > 0 && d->t[i].joined;
        if (pair) {
            bti_buf_reset(&x->pair);
            if (bti_buf_add(&x->pair, bti_rdoc_key(d, i - 1), d->t[i - 1].len) ||
                bti_buf_addc(&x->pair, ' ') || bti_buf_add(&x->pair, k, d->t[i].len))
                return BT_ENOMEM;
            /* a pair can be in the query only when both its keys are */
            ph = key_hash(x->pair.data, x->pair.len);
            if (t >= 0 && prev >= 0)
                p = query_find_h(&x->q, x->pair.data, x->pair.len, ph);
            ph |= 1; /* odd: a pair's */
        }
        long ts[2] = {t, p};
        uint64_t hs[2] = {h & ~1ull, ph};
        for (int j = 0; j < 1 + pair; j++) {
            if (ts[j] >= 0) {
                if (x->tf[ts[j]] == 0)
                    x->held[x->nheld++] = (uint32_t)ts[j];
                x->tf[ts[j]] += fw;
            } else
                others_add(&x->other, hs[j], fw);
        }
        prev = t;
    }
    return 0;
}

/* The cosine of the query with the document just read by doc_terms (x->tf zeroed after).
 * The terms the query lacks have no idf at hand (reading their posting lists would cost
 * more than the whole call): they weigh the query's mean key idf (x->mean_idf), which is
 * what a term of an article is worth on average. */
static double cosine(ctx *x)
{
    double dot = 0, norm = 0;
    for (size_t j = 0; j < x->nheld; j++) {
        const qterm *t = &x->q.t[x->held[j]];
        double wd = tf_weight(x->tf[x->held[j]]) * t->idf * (t->a >= 0 ? PAIR_WEIGHT : 1);
        dot += t->w * wd;
        norm += wd * wd;
        x->tf[x->held[j]] = 0;
    }
    others *o = &x->other;
    for (size_t j = 0; j < o->nused; j++) {
        size_t i = o->used[j];
        double wd = tf_weight(o->tf[i]) * x->mean_idf * ((o->h[i] & 1) ? PAIR_WEIGHT : 1);
        norm += wd * wd;
        o->h[i] = 0;
        o->tf[i] = 0;
    }
    o->nused = 0;
    return norm > 0 && x->qnorm > 0 ? dot / (sqrt(norm) * x->qnorm) : 0;
}

static double time_factor(int64_t a, int64_t b)
{
    double days = TIME_SCALE_DAYS;
    if (a != BTI_DUPS_NO_DATE && b != BTI_DUPS_NO_DATE)
        days = fabs((double)a - (double)b) / SECONDS_PER_DAY;
    double f = 1 / (1 + days / TIME_SCALE_DAYS);
    return f > TIME_FLOOR ? f : TIME_FLOOR;
}

static const char *col(sqlite3_stmt *st, int i)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    return t ? t : "";
}

/* The tokens of row's title, lede and body, from FTS5's own docsize table. */
static int doc_length(ctx *x, sqlite3_stmt *st, int64_t row, double *len)
{
    sqlite3_bind_int64(st, 1, row);
    int r = sqlite3_step(st);
    *len = 0;
    if (r == SQLITE_ROW) {
        const unsigned char *p = sqlite3_column_blob(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0), at = 0;
        for (int col = 0; col <= BTI_FTS_BODY && at < n; col++) {
            uint64_t v;
            size_t k = bti_fts_varint(p + at, n - at, &v);
            if (!k)
                break;
            at += k;
            *len += (double)v;
        }
    }
    sqlite3_reset(st);
    return r == SQLITE_ROW || r == SQLITE_DONE
               ? 0
               : bti_store_db_error(x->s, "related: reading the index's lengths", x->err);
}

/* Pass 3's end: the PRESELECT best by summed weight re-weighed by their length, the
 * CANDIDATES best of those first in x->c. */
static int preselect(ctx *x, size_t *n)
{
    cands *c = &x->c;
    *n = 0;
    if (!c->n)
        return 0;
    qsort(c->c, c->n, sizeof *c->c, by_acc);
    size_t m = c->n < PRESELECT ? c->n : PRESELECT;
    sqlite3_stmt *st = NULL;
    int rc = bti_store_prepare(x->s, "SELECT sz FROM articles_fts_docsize WHERE id = ?",
                               "related: reading the index's lengths", &st, x->err);
    for (size_t i = 0; !rc && i < m; i++) {
        double len;
        rc = doc_length(x, st, c->c[i].row, &len);
        if (len > BTI_RELATED_TEXT_TOKENS + 30)
            len = BTI_RELATED_TEXT_TOKENS + 30; /* a title's 30 tokens */
        c->c[i].acc /= sqrt(len + LENGTH_PIVOT);
    }
    sqlite3_finalize(st);
    if (!rc)
        qsort(c->c, m, sizeof *c->c, by_acc);
    *n = m < CANDIDATES ? m : CANDIDATES;
    return rc;
}

/* Pass 4: the best candidates ranked on their own text; x->c.c[0..*n) sorted by score. */
static int rank(ctx *x, size_t *n)
{
    cands *c = &x->c;
    int rc = preselect(x, n);
    if (rc)
        return rc;
    x->held = malloc((x->q.n + 1) * sizeof *x->held);
    if (!x->held)
        return oom(x);
    for (size_t i = 0; i < *n && !rc; i++) {
        sqlite3_bind_int64(x->row, 1, c->c[i].row);
        int r = sqlite3_step(x->row);
        int64_t when = BTI_DUPS_NO_DATE;
        if (r == SQLITE_ROW) {
            rc = bti_rdoc_read(&x->d, col(x->row, 0), col(x->row, 1), col(x->row, 2), 0);
            when = bti_connect_epoch((const char *)sqlite3_column_text(x->row, 3));
        } else {
            x->d.n = 0; /* a row gone since the index was read: it scores nothing */
            if (r != SQLITE_DONE)
                rc = bti_store_db_error(x->s, "related: reading a candidate", x->err);
        }
        sqlite3_reset(x->row);
        if (rc == BT_ENOMEM || (!rc && doc_terms(x, &x->d)))
            rc = oom(x);
        if (!rc)
            c->c[i].score = cosine(x) * time_factor(x->self_time, when);
    }
    if (!rc && *n)
        qsort(c->c, *n, sizeof *c->c, by_score);
    return rc;
}

/* ---- the result ---------------------------------------------------------------------------- */

static char *dup_or_null(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

void bt_related_list_free(bt_related_list *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        free(r->items[i].title);
        free(r->items[i].source);
        free(r->items[i].published);
    }
    free(r->items);
    for (size_t i = 0; i < r->n_links; i++) {
        free(r->links[i].title);
        free(r->links[i].url);
    }
    free(r->links);
    free(r);
}

/* Pass 5: the near-duplicate group of `row` (bounded as search/collapse.c bounds it: groups
 * are tens of articles): its name (smallest row) in *group and its original (earliest
 * published, undated last, then smallest row) in *orig. A row alone is its own. */
#define GROUP_MAX 1000
#define STR_(v) #v
#define STR(v) STR_(v)

static int group_of(ctx *x, sqlite3_stmt *st, int64_t row, int64_t *group, int64_t *orig)
{
    *group = *orig = row;
    int64_t orig_time = INT64_MAX;
    sqlite3_bind_int64(st, 1, row);
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t n = sqlite3_column_int64(st, 0);
        int64_t t = bti_connect_epoch((const char *)sqlite3_column_text(st, 1));
        if (n < *group)
            *group = n;
        if (t < orig_time || (t == orig_time && n < *orig))
            *orig = n, orig_time = t;
    }
    sqlite3_reset(st);
    return r == SQLITE_DONE ? 0 : bti_store_db_error(x->s, "related: reading a group", x->err);
}

/* The items of the top k ranked candidates, one per near-duplicate group. */
static int fill_items(ctx *x, size_t n, size_t k, bt_related_list *out)
{
    sqlite3_stmt *st = NULL, *grp = NULL;
    int rc = bti_store_prepare(x->s, "SELECT id, title, source, published FROM articles"
                                     " WHERE n = ?", "related: reading an article", &st, x->err);
    if (!rc)
        rc = bti_store_prepare(x->s,
                               "WITH RECURSIVE c(n) AS (SELECT ?1 UNION"
                               "  SELECT b FROM dup_pairs JOIN c ON a = c.n UNION"
                               "  SELECT a FROM dup_pairs JOIN c ON b = c.n LIMIT " STR(GROUP_MAX)
                               ") SELECT c.n, a.published FROM c JOIN articles a ON a.n = c.n",
                               "related: reading a group", &grp, x->err);
    int64_t *shown = NULL; /* the groups listed, by name */
    if (!rc) {
        out->items = calloc(k < n ? k : n ? n : 1, sizeof *out->items);
        shown = malloc((k < n ? k : n ? n : 1) * sizeof *shown);
        if (!out->items || !shown)
            rc = oom(x);
    }
    for (size_t i = 0; !rc && i < n && out->n < k; i++) {
        if (x->c.c[i].score <= 0)
            break;
        int64_t group, orig;
        rc = group_of(x, grp, x->c.c[i].row, &group, &orig);
        size_t j = 0;
        while (!rc && j < out->n && shown[j] != group) /* k is small */
            j++;
        if (rc || j < out->n)
            continue; /* its group is listed already, by its original */
        shown[out->n] = group;
        sqlite3_bind_int64(st, 1, orig);
        int r = sqlite3_step(st);
        if (r == SQLITE_ROW) {
            bt_related_item *it = &out->items[out->n++];
            snprintf(it->id, sizeof it->id, "%s", col(st, 0));
            it->title = dup_or_null(col(st, 1));
            it->source = dup_or_null((const char *)sqlite3_column_text(st, 2));
            it->published = dup_or_null((const char *)sqlite3_column_text(st, 3));
            it->score = x->c.c[i].score;
            if (!it->title || (sqlite3_column_type(st, 2) != SQLITE_NULL && !it->source) ||
                (sqlite3_column_type(st, 3) != SQLITE_NULL && !it->published))
                rc = oom(x);
        } else if (r != SQLITE_DONE)
            rc = bti_store_db_error(x->s, "related: reading an article", x->err);
        sqlite3_reset(st);
    }
    free(shown);
    sqlite3_finalize(st);
    sqlite3_finalize(grp);
    return rc;
}

/* Pass 6: the stored article a link names, by URL, else by its title's keys: a phrase
 * search on titles, then the keys compared whole. id[0] stays 0 when none. */
static int match_link(ctx *x, sqlite3_stmt *by_url, sqlite3_stmt *by_title, bt_related_link *l)
{
    int rc = 0, r;
    if (l->url) {
        sqlite3_bind_text(by_url, 1, l->url, -1, SQLITE_STATIC);
        sqlite3_bind_int64(by_url, 2, x->self);
        if ((r = sqlite3_step(by_url)) == SQLITE_ROW)
            snprintf(l->id, sizeof l->id, "%s", col(by_url, 0));
        else if (r != SQLITE_DONE)
            rc = bti_store_db_error(x->s, "related: matching a link's URL", x->err);
        sqlite3_reset(by_url);
        if (rc || l->id[0])
            return rc;
    }
    bti_rdoc want = {0}, got = {0};
    bti_buf expr = BTI_BUF_INIT;
    if (bti_rdoc_read(&want, l->title, NULL, NULL, 0) ||
        bti_buf_adds(&expr, "{title}: \""))
        rc = oom(x);
    for (size_t i = 0; !rc && i < want.n; i++)
        if (bti_buf_addf(&expr, "%s%s", i ? " " : "", bti_rdoc_key(&want, i)))
            rc = oom(x);
    if (!rc && bti_buf_addc(&expr, '"'))
        rc = oom(x);
    if (!rc && want.n) {
        sqlite3_bind_text(by_title, 1, expr.data, (int)expr.len, SQLITE_STATIC);
        sqlite3_bind_int64(by_title, 2, x->self);
        while (!rc && (r = sqlite3_step(by_title)) == SQLITE_ROW) {
            if (bti_rdoc_read(&got, col(by_title, 1), NULL, NULL, 0)) {
                rc = oom(x);
                break;
            }
            int same = got.n == want.n && got.nkeys == want.nkeys &&
                       !memcmp(got.keys, want.keys, got.nkeys);
            if (same) {
                snprintf(l->id, sizeof l->id, "%s", col(by_title, 0));
                break;
            }
        }
        if (!rc && r != SQLITE_ROW && r != SQLITE_DONE)
            rc = bti_store_db_error(x->s, "related: matching a link's title", x->err);
        sqlite3_reset(by_title);
    }
    bti_rdoc_free(&want);
    bti_rdoc_free(&got);
    bti_buf_free(&expr);
    return rc;
}

/* Numbers are left out of the keys: two titles that differ only in a figure match. That is
 * a link's title matched loosely, which the URL check before it makes rare. */
static int fill_links(ctx *x, bt_related_list *out)
{
    sqlite3_stmt *st = NULL, *by_url = NULL, *by_title = NULL;
    int rc = bti_store_prepare(x->s, "SELECT title, url FROM related WHERE article = ?"
                                     " ORDER BY pos", "related: reading the page's links",
                               &st, x->err);
    if (!rc)
        rc = bti_store_prepare(x->s, "SELECT id FROM articles WHERE url = ?1 AND n != ?2"
                                     " ORDER BY n LIMIT 1", "related: matching links", &by_url,
                               x->err);
    if (!rc)
        rc = bti_store_prepare(x->s,
                               "SELECT id, title FROM articles WHERE n IN (SELECT rowid FROM"
                               " articles_fts WHERE articles_fts MATCH ?1) AND n != ?2"
                               " ORDER BY n LIMIT 50",
                               "related: matching links", &by_title, x->err);
    size_t cap = 0;
    int r = SQLITE_DONE;
    if (!rc)
        sqlite3_bind_int64(st, 1, x->self);
    while (!rc && (r = sqlite3_step(st)) == SQLITE_ROW) {
        if (bti_array_grow((void **)&out->links, &cap, out->n_links + 1, sizeof *out->links)) {
            rc = oom(x);
            break;
        }
        bt_related_link *l = &out->links[out->n_links++];
        memset(l, 0, sizeof *l);
        l->title = dup_or_null(col(st, 0));
        l->url = dup_or_null((const char *)sqlite3_column_text(st, 1));
        if (!l->title || (sqlite3_column_type(st, 1) != SQLITE_NULL && !l->url))
            rc = oom(x);
        else
            rc = match_link(x, by_url, by_title, l);
    }
    if (!rc && r != SQLITE_DONE)
        rc = bti_store_db_error(x->s, "related: reading the page's links", x->err);
    sqlite3_finalize(st);
    sqlite3_finalize(by_url);
    sqlite3_finalize(by_title);
    return rc;
}

static int find_article(ctx *x, const char *id, bt_related_list *out)
{
    sqlite3_stmt *st = NULL;
    int rc = bti_store_prepare(x->s, "SELECT n, title, lede, body, published FROM articles"
                                     " WHERE id = ?", "related: finding the article", &st,
                               x->err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
        x->self = sqlite3_column_int64(st, 0);
        x->self_time = bti_connect_epoch((const char *)sqlite3_column_text(st, 4));
        snprintf(out->id, sizeof out->id, "%s", id);
        if (bti_rdoc_read(&x->d, col(st, 1), col(st, 2), col(st, 3), 1))
            rc = oom(x);
    } else if (r == SQLITE_DONE)
        rc = bt_error_set(x->err, BT_ENOTFOUND, "%s: no such article", id);
    else
        rc = bti_store_db_error(x->s, "related: finding the article", x->err);
    sqlite3_finalize(st);
    return rc;
}

int bt_related_of(bt_store *s, const char *id, size_t k, bt_related_list **out, bt_error *err)
{
    if (out)
        *out = NULL;
    if (!s || !out)
        return bt_error_set(err, BT_EINVAL, "related: no store or no output");
    if (!id || !*id)
        return bt_error_set(err, BT_EINVAL, "related: no article id");
    if (k < 1 || k > BT_RELATED_MAX_K)
        return bt_error_set(err, BT_EINVAL, "related: k = %zu is not in 1..%d", k,
                            BT_RELATED_MAX_K);
    ctx x = {0};
    x.s = s;
    x.err = err;
    bt_related_list *res = calloc(1, sizeof *res);
    int rc = res ? 0 : oom(&x);
    if (!rc)
        rc = find_article(&x, id, res);
    if (!rc)
        rc = query_build(&x.q, &x.d) ? oom(&x) : 0;
    if (!rc)
        rc = count_docs(&x);
    if (!rc)
        rc = read_dups(&x);
    if (!rc)
        rc = bti_store_prepare(s, BTI_CONNECT_ROW_SQL, "related: reading candidates", &x.row,
                               err);
    if (!rc)
        rc = bti_store_prepare(s, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1"
                                  " LIMIT ?2", "related: reading the index", &x.posting, err);
    if (!rc && x.q.n && !(x.tf = calloc(x.q.n, sizeof *x.tf)))
        rc = oom(&x);
    if (!rc)
        rc = read_postings(&x);
    size_t n = 0;
    if (!rc && x.q.n)
        rc = rank(&x, &n);
    if (!rc)
        rc = fill_items(&x, n, k, res);
    if (!rc)
        rc = fill_links(&x, res);
    ctx_free(&x);
    if (rc) {
        bt_related_list_free(res);
        return rc;
    }
    *out = res;
    return 0;
}
