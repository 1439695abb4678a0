/* bench_related.c: related articles (bt_related_of) against a story set's gold, beside two
 * baselines computed in the same run over the same articles: plain BM25 on the title (the
 * title's words as an OR query over titles) and TF-IDF cosine over title + text. A related
 * article is right when the gold puts it in the same story. See bench/README.md, section
 * "connect: related", and bench/related.sh.
 *
 *   bench_related ARTICLES.jsonl GOLD.json [--queries N] [--db PATH] [--distractors FILE]
 *                 [--reuse]   (the store at PATH holds them already: read, not stored again)
 *
 * ARTICLES.jsonl: article records (the spec's JSON: id, title, lede, body, published,
 * source), as in ../shared/dev/stories; GOLD.json {id: story}. The articles are stored in a
 * new store at PATH (default a temporary file, removed after), with --distractors FILE (an
 * article JSONL, e.g. ../shared/corpus/vietnews-60k.jsonl after gunzip) stored first as
 * articles of no story. N queries (default 2000) are spread evenly over the articles whose
 * story has another member. P@1: share of queries whose first answer is of the same story;
 * P@5: mean share of the first five (missing answers count as wrong). Time: mean wall time
 * per bt_related_of call with k = 5 (CPU time of the process: the baselines' is in memory,
 * bantin's reads the store, through the page cache). */
#include "bantin.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench_util.h"

/* CPU seconds of the process: steadier than the wall clock on a shared machine. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what)
{
    fprintf(stderr, "bench_related: %s\n", what);
    exit(1);
}

/* ---- an in-memory term dictionary and inverted index, for the baselines ------------------- */

typedef struct dict {
    char **key;
    size_t n, cap;
    size_t *slot; /* id + 1 */
    size_t nslot;
    size_t *df;
} dict;

static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static size_t dict_id(dict *d, const char *k, size_t len)
{
    if (2 * (d->n + 1) > d->nslot) {
        size_t ns = d->nslot ? 2 * d->nslot : 1 << 16;
        size_t *sl = calloc(ns, sizeof *sl);
        if (!sl)
            die("out of memory");
        for (size_t j = 0; j < d->n; j++) {
            size_t i = fnv(d->key[j], strlen(d->key[j])) & (ns - 1);
            while (sl[i])
                i = (i + 1) & (ns - 1);
            sl[i] = j + 1;
        }
        free(d->slot);
        d->slot = sl;
        d->nslot = ns;
    }
    size_t i = fnv(k, len) & (d->nslot - 1);
    for (; d->slot[i]; i = (i + 1) & (d->nslot - 1)) {
        const char *e = d->key[d->slot[i] - 1];
        if (strlen(e) == len && !memcmp(e, k, len))
            return d->slot[i] - 1;
    }
    if (d->n == d->cap) {
        d->cap = d->cap ? 2 * d->cap : 1024;
        d->key = realloc(d->key, d->cap * sizeof *d->key);
        d->df = realloc(d->df, d->cap * sizeof *d->df);
        if (!d->key || !d->df)
            die("out of memory");
    }
    d->key[d->n] = strndup(k, len);
    d->df[d->n] = 0;
    d->slot[i] = d->n + 1;
    return d->n++;
}

/* A document as a sparse vector: term ids and weights. */
typedef struct vec {
    size_t *id;
    double *w;
    size_t n;
} vec;

typedef struct toks {
    dict *d;
    size_t *ids;
    size_t n, cap;
} toks;

static int on_tok(void *ctx, const bt_token *t)
{
    toks *k = ctx;
    if (k->n == k->cap) {
        k->cap = k->cap ? 2 * k->cap : 64;
        k->ids = realloc(k->ids, k->cap * sizeof *k->ids);
        if (!k->ids)
            die("out of memory");
    }
    k->ids[k->n++] = dict_id(k->d, t->text, t->len);
    return 0;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* The term frequencies of `text` (folded tokens) as a vector (weights = counts), each term's
 * df counted once. */
static vec count_terms(dict *d, const char *text)
{
    toks k = {d, NULL, 0, 0};
    bt_tokenize(text, strlen(text), BT_TOKENIZE_FOLD, on_tok, &k);
    qsort(k.ids, k.n, sizeof *k.ids, cmp_size);
    vec v = {malloc((k.n + 1) * sizeof(size_t)), malloc((k.n + 1) * sizeof(double)), 0};
    for (size_t i = 0; i < k.n; i++) {
        if (v.n && v.id[v.n - 1] == k.ids[i]) {
            v.w[v.n - 1]++;
            continue;
        }
        v.id[v.n] = k.ids[i];
        v.w[v.n++] = 1;
        d->df[k.ids[i]]++;
    }
    free(k.ids);
    return v;
}

typedef struct posting {
    size_t doc;
    double w;
} posting;

typedef struct index {
    posting **p;
    size_t *n, *cap;
    size_t nterms;
} index_t;

static void index_build(index_t *ix, const vec *docs, size_t ndocs, size_t nterms)
{
    ix->nterms = nterms;
    ix->p = calloc(nterms, sizeof *ix->p);
    ix->n = calloc(nterms, sizeof *ix->n);
    ix->cap = calloc(nterms, sizeof *ix->cap);
    for (size_t d = 0; d < ndocs; d++)
        for (size_t j = 0; j < docs[d].n; j++) {
            size_t t = docs[d].id[j];
            if (ix->n[t] == ix->cap[t]) {
                ix->cap[t] = ix->cap[t] ? 2 * ix->cap[t] : 4;
                ix->p[t] = realloc(ix->p[t], ix->cap[t] * sizeof **ix->p);
            }
            ix->p[t][ix->n[t]++] = (posting){d, docs[d].w[j]};
        }
}

/* The top 5 documents by the dot product of query q (weights) with the index's weights,
 * self excluded; acc is ndocs zeros, left zeros. */
static void top5(const index_t *ix, const vec *q, size_t self, double *acc, size_t *touched,
                 size_t out[5], size_t *nout)
{
    size_t nt = 0;
    for (size_t j = 0; j < q->n; j++) {
        size_t t = q->id[j];
        for (size_t i = 0; i < ix->n[t]; i++) {
            size_t d = ix->p[t][i].doc;
            if (acc[d] == 0)
                touched[nt++] = d;
            acc[d] += q->w[j] * ix->p[t][i].w;
        }
    }
    *nout = 0;
    for (int r = 0; r < 5; r++) {
        double best = 0;
        size_t bi = (size_t)-1;
        for (size_t i = 0; i < nt; i++) {
            size_t d = touched[i];
            if (d != self && acc[d] > best) {
                best = acc[d];
                bi = d;
            }
        }
        if (bi == (size_t)-1)
            break;
        out[(*nout)++] = bi;
        acc[bi] = -acc[bi]; /* taken */
    }
    for (size_t i = 0; i < nt; i++)
        acc[touched[i]] = 0;
}

/* ---- the set ---------------------------------------------------------------------------- */

typedef struct doc {
    char sid[17];    /* stored id */
    long story;      /* -1: a distractor */
    char *title, *text;
} doc;

static char *join_text(json_t *o)
{
    const char *lede = json_string_value(json_object_get(o, "lede"));
    json_t *body = json_object_get(o, "body");
    size_t n = lede ? strlen(lede) + 1 : 1;
    for (size_t i = 0; json_is_array(body) && i < json_array_size(body); i++)
        n += strlen(json_string_value(json_array_get(body, i)) ?: "") + 1;
    char *t = malloc(n + 1), *p = t;
    if (!t)
        die("out of memory");
    if (lede)
        p += sprintf(p, "%s\n", lede);
    for (size_t i = 0; json_is_array(body) && i < json_array_size(body); i++)
        p += sprintf(p, "%s\n", json_string_value(json_array_get(body, i)) ?: "");
    *p = 0;
    return t;
}

/* Stores the records of `path` (gzip'ed or not, through zcat) and appends them to docs. */
/* --reuse: the store at --db holds the articles already (a run before): they are read, not
 * stored again; each stored article is taken once, as in the run that stored them. */
static json_t *reused;

static void load(bt_store *s, const char *path, json_t *gold, doc **docs, size_t *n,
                 size_t *cap, size_t max)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "zcat -f '%s'", path);
    FILE *f = popen(cmd, "r");
    if (!f)
        die("cannot read the articles");
    char *line = NULL;
    size_t lcap = 0, read = 0;
    ssize_t len;
    bt_error err;
    if (bt_store_begin(s, &err))
        die(err.msg);
    while (read < max && (len = getline(&line, &lcap, f)) > 0) {
        json_t *o = json_loadb(line, (size_t)len, 0, NULL);
        if (!o)
            continue;
        const char *gid = json_string_value(json_object_get(o, "id"));
        json_t *story = gold && gid ? json_object_get(gold, gid) : NULL;
        bt_article *a = NULL;
        char sid[17];
        int outcome = 0;
        if (bt_article_from_json(line, (size_t)len, &a, &err) ||
            bt_store_add(s, a, NULL, &outcome, sid, &err)) {
            bt_article_free(a);
            json_decref(o);
            continue;
        }
        bt_article_free(a);
        read++;
        if (reused && outcome != BT_STORE_ADDED && !json_object_get(reused, sid))
            outcome = BT_STORE_ADDED; /* stored by the run before */
        if (reused)
            json_object_set_new(reused, sid, json_true());
        if (outcome != BT_STORE_ADDED) { /* an exact copy: one stored article */
            json_decref(o);
            continue;
        }
        if (*n == *cap) {
            *cap = *cap ? 2 * *cap : 1024;
            *docs = realloc(*docs, *cap * sizeof **docs);
            if (!*docs)
                die("out of memory");
        }
        doc *d = &(*docs)[(*n)++];
        memcpy(d->sid, sid, 17);
        d->story = -1;
        if (json_is_integer(story))
            d->story = (long)json_integer_value(story);
        else if (json_is_string(story))
            d->story = (long)(fnv(json_string_value(story), strlen(json_string_value(story))) &
                              0x7fffffff);
        d->title = strdup(json_string_value(json_object_get(o, "title")) ?: "");
        d->text = join_text(o);
        json_decref(o);
        if (read % 5000 == 0) {
            if (bt_store_commit(s, &err) || bt_store_begin(s, &err))
                die(err.msg);
        }
    }
    if (bt_store_commit(s, &err))
        die(err.msg);
    free(line);
    pclose(f);
}

static int cmp_sid(const void *a, const void *b)
{
    return strcmp(((const doc *)a)->sid, ((const doc *)b)->sid);
}

typedef struct score {
    double p1, p5;
    size_t q;
    double secs;
} score;

static void count(score *sc, const doc *docs, const doc *q, const size_t *top, size_t n)
{
    size_t right = 0;
    for (size_t i = 0; i < n && i < 5; i++)
        right += docs[top[i]].story == q->story;
    sc->p1 += n && docs[top[0]].story == q->story;
    sc->p5 += (double)right / 5;
    sc->q++;
}

int main(int argc, char **argv)
{
    if (argc < 3)
        die("usage: bench_related ARTICLES.jsonl GOLD.json [--queries N] [--db PATH]"
            " [--distractors FILE] [--max-distractors N] [--reuse]");
    size_t nq = 2000, maxd = (size_t)-1;
    const char *dbpath = NULL, *distractors = NULL;
    for (int i = 3; i < argc; i++) {
        if (!strcmp(argv[i], "--queries") && i + 1 < argc)
            nq = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--db") && i + 1 < argc)
            dbpath = argv[++i];
        else if (!strcmp(argv[i], "--distractors") && i + 1 < argc)
            distractors = argv[++i];
        else if (!strcmp(argv[i], "--max-distractors") && i + 1 < argc)
            maxd = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--reuse"))
            reused = json_object();
        else
            die("unknown option");
    }
    json_t *gold = json_load_file(argv[2], 0, NULL);
    if (!gold)
        die("cannot read the gold");
    char tmp[] = "/tmp/bench_related_XXXXXX";
    if (!dbpath) {
        int fd = mkstemp(tmp);
        if (fd < 0)
            die("cannot make a temporary file");
        close(fd);
        unlink(tmp);
        dbpath = tmp;
    }
    bt_error err;
    bt_store *s;
    if (bt_store_open(dbpath, 0, &s, &err))
        die(err.msg);
    doc *docs = NULL;
    size_t n = 0, cap = 0;
    double t0 = bench_now();
    if (distractors)
        load(s, distractors, NULL, &docs, &n, &cap, maxd);
    size_t nd = n;
    load(s, argv[1], gold, &docs, &n, &cap, (size_t)-1);
    fprintf(stderr, "stored %zu articles (%zu distractors) in %.1fs\n", n, nd, bench_now() - t0);
    if (!reused && bt_store_vacuum(s, &err))
        die(err.msg);

    /* the baselines' vectors: titles (BM25) and title + text (TF-IDF, unit length) */
    dict dt = {0}, dx = {0};
    vec *vt = calloc(n + 1, sizeof *vt), *vx = calloc(n + 1, sizeof *vx);
    if (!vt || !vx)
        die("out of memory");
    double avg = 0;
    for (size_t i = 0; i < n; i++) {
        vt[i] = count_terms(&dt, docs[i].title);
        size_t len = strlen(docs[i].title) + strlen(docs[i].text) + 2;
        char *all = malloc(len);
        snprintf(all, len, "%s\n%s", docs[i].title, docs[i].text);
        vx[i] = count_terms(&dx, all);
        free(all);
        for (size_t j = 0; j < vt[i].n; j++)
            avg += vt[i].w[j];
    }
    avg /= n ? (double)n : 1;
    vec *qt = calloc(n + 1, sizeof *qt); /* BM25 queries: each title term once, weight idf */
    for (size_t i = 0; i < n; i++) {
        double len = 0;
        for (size_t j = 0; j < vt[i].n; j++)
            len += vt[i].w[j];
        qt[i].n = vt[i].n;
        qt[i].id = malloc((vt[i].n + 1) * sizeof(size_t));
        qt[i].w = malloc((vt[i].n + 1) * sizeof(double));
        for (size_t j = 0; j < vt[i].n; j++) {
            double df = (double)dt.df[vt[i].id[j]], tf = vt[i].w[j];
            qt[i].id[j] = vt[i].id[j];
            qt[i].w[j] = log(1 + ((double)n - df + 0.5) / (df + 0.5));
            vt[i].w[j] = tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len / avg)); /* k1 1.2, b .75 */
        }
        double norm = 0;
        for (size_t j = 0; j < vx[i].n; j++) {
            double df = (double)dx.df[vx[i].id[j]];
            vx[i].w[j] = (1 + log(vx[i].w[j])) * log((double)n / df);
            norm += vx[i].w[j] * vx[i].w[j];
        }
        norm = sqrt(norm);
        for (size_t j = 0; j < vx[i].n && norm > 0; j++)
            vx[i].w[j] /= norm;
    }
    index_t it, ixx;
    index_build(&it, vt, n, dt.n);
    index_build(&ixx, vx, n, dx.n);

    /* the queries: evenly spread over the articles whose story has another member */
    doc *sorted = malloc(n * sizeof *sorted);
    memcpy(sorted, docs, n * sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        sorted[i].title = (char *)(uintptr_t)i; /* the doc's index, found by stored id */
    qsort(sorted, n, sizeof *sorted, cmp_sid);
    long *size = NULL;
    long maxstory = 0;
    for (size_t i = 0; i < n; i++)
        if (docs[i].story > maxstory)
            maxstory = docs[i].story;
    size = calloc((size_t)maxstory + 1, sizeof *size);
    size_t eligible = 0;
    for (size_t i = 0; i < n; i++)
        if (docs[i].story >= 0)
            size[docs[i].story]++;
    for (size_t i = 0; i < n; i++)
        eligible += docs[i].story >= 0 && size[docs[i].story] > 1;
    size_t step = eligible > nq ? eligible / nq : 1;
    double *acc = calloc(n, sizeof *acc);
    size_t *touched = malloc(n * sizeof *touched);
    score sb = {0}, st = {0}, sx = {0};
    size_t e = 0;
    for (size_t i = 0; i < n; i++) {
        if (docs[i].story < 0 || size[docs[i].story] < 2 || e++ % step)
            continue;
        size_t top[5], ntop = 0;
        double c0 = cpu_now();
        bt_related_list *r;
        if (bt_related_of(s, docs[i].sid, 5, &r, &err))
            die(err.msg);
        sb.secs += cpu_now() - c0;
        for (size_t j = 0; j < r->n; j++) {
            doc key;
            memcpy(key.sid, r->items[j].id, 17);
            doc *f = bsearch(&key, sorted, n, sizeof *sorted, cmp_sid);
            if (f)
                top[ntop++] = (size_t)(uintptr_t)f->title;
        }
        bt_related_list_free(r);
        count(&sb, docs, &docs[i], top, ntop);
        c0 = cpu_now();
        top5(&it, &qt[i], i, acc, touched, top, &ntop);
        st.secs += cpu_now() - c0;
        count(&st, docs, &docs[i], top, ntop);
        c0 = cpu_now();
        top5(&ixx, &vx[i], i, acc, touched, top, &ntop);
        sx.secs += cpu_now() - c0;
        count(&sx, docs, &docs[i], top, ntop);
    }
    printf("%zu articles (%zu distractors), %zu queries\n", n, nd, sb.q);
    printf("%-28s %6s %6s %10s\n", "method", "P@1", "P@5", "cpu ms/q");
    const struct {
        const char *name;
        score *s;
    } rows[] = {{"bantin related", &sb},
                {"BM25 title (in memory)", &st},
                {"TF-IDF cosine title+text", &sx}};
    for (size_t i = 0; i < 3; i++)
        printf("%-28s %6.3f %6.3f %10.3f\n", rows[i].name, rows[i].s->p1 / (double)rows[i].s->q,
               rows[i].s->p5 / (double)rows[i].s->q, 1e3 * rows[i].s->secs / (double)rows[i].s->q);
    bt_store_close(s);
    if (dbpath == tmp)
        unlink(tmp);
    return 0;
}
