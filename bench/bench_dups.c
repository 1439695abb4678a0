/* bench_dups.c: near-duplicate detection measured on the gold of bench/dups_gold.py: pair
 * precision, recall and F1 on near (not byte-identical) duplicates for bantin's setting, an
 * exact-hash baseline and plain MinHash-LSH at the datatrove setting; signatures per second.
 *
 * usage: bench_dups [--gold build/dups_gold.jsonl] [--split dev|test|all]
 *                   [--k N] [--bands N] [--rows N] [--min-shared N] [--jaccard X]
 *                   [--containment X]
 *                   [--min-cs N] [--sweep] [--kinds]
 * --sweep prints P/R/F1 over a grid of settings (for tuning on the dev split); --kinds adds
 * recall per kind of copy and the share of each kind of hard negative wrongly joined;
 * --errors lists bantin's false positives and negatives (a quadratic walk: seconds).
 *
 * Scoring: a predicted pair is two articles in the same predicted group (union of pairs, as
 * the store will group them); a gold pair two in the same gold cluster (union of label-1
 * pairs). "near" leaves out pairs whose title, lede and body are byte-identical; label -1
 * (unsure) pairs count neither way. Speed is CPU time of this thread (machines are shared),
 * best of three passes over the split: shingles + MinHash + band keys per article. */
#include "bantin.h"
#include "connect/dups.h"
#include "core/hash.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct gdoc {
    char *name;
    char *kind;
    int split; /* 0 dev, 1 test */
    int64_t published;
    char **parts;
    size_t nparts;
    uint64_t raw;    /* hash of the exact text: byte-identical copies share it */
    uint64_t folded; /* hash of the folded token sequence: the exact-hash baseline */
} gdoc;

typedef struct gpair {
    size_t a, b; /* doc indices */
    int label;
    char *kind;
} gpair;

typedef struct gold {
    gdoc *d;
    size_t n, cap;
    gpair *p;
    size_t np, capp;
    /* name -> index, open addressing */
    size_t *slot;
    size_t nslot;
} gold;

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fprintf(stderr, "bench_dups: out of memory\n");
        exit(1);
    }
    return q;
}

static size_t *name_slot(gold *g, const char *name)
{
    size_t i = (size_t)bti_hash64(name, strlen(name), 1) & (g->nslot - 1);
    while (g->slot[i] && strcmp(g->d[g->slot[i] - 1].name, name))
        i = (i + 1) & (g->nslot - 1);
    return &g->slot[i];
}

typedef struct fold_ctx {
    bti_hasher h;
} fold_ctx;

static int on_fold_token(void *ctx, const bt_token *t)
{
    fold_ctx *f = ctx;
    bti_hasher_add(&f->h, t->text, t->len);
    bti_hasher_add(&f->h, " ", 1);
    return 0;
}

static void load(gold *g, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "bench_dups: cannot open %s (make it with python3 bench/dups_gold.py)\n",
                path);
        exit(1);
    }
    g->nslot = 1 << 17;
    g->slot = calloc(g->nslot, sizeof *g->slot);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        json_error_t je;
        json_t *o = json_loadb(line, (size_t)len, 0, &je);
        if (!o) {
            fprintf(stderr, "bench_dups: %s: %s\n", path, je.text);
            exit(1);
        }
        json_t *pair = json_object_get(o, "pair");
        if (pair) {
            size_t a = *name_slot(g, json_string_value(json_array_get(pair, 0)));
            size_t b = *name_slot(g, json_string_value(json_array_get(pair, 1)));
            if (!a || !b) {
                fprintf(stderr, "bench_dups: pair names an unknown doc\n");
                exit(1);
            }
            if (g->np == g->capp)
                g->p = xrealloc(g->p, (g->capp = g->capp ? g->capp * 2 : 1024) * sizeof *g->p);
            g->p[g->np++] = (gpair){a - 1, b - 1,
                                    (int)json_integer_value(json_object_get(o, "label")),
                                    strdup(json_string_value(json_object_get(o, "kind")))};
            json_decref(o);
            continue;
        }
        if (g->n == g->cap)
            g->d = xrealloc(g->d, (g->cap = g->cap ? g->cap * 2 : 1024) * sizeof *g->d);
        if ((g->n + 1) * 2 > g->nslot) {
            fprintf(stderr, "bench_dups: too many docs\n");
            exit(1);
        }
        gdoc *d = &g->d[g->n];
        memset(d, 0, sizeof *d);
        d->name = strdup(json_string_value(json_object_get(o, "doc")));
        d->kind = strdup(json_string_value(json_object_get(o, "kind")));
        d->split = strcmp(json_string_value(json_object_get(o, "split")), "dev") != 0;
        d->published = json_integer_value(json_object_get(o, "published"));
        json_t *body = json_object_get(o, "body");
        d->nparts = 2 + json_array_size(body);
        d->parts = xrealloc(NULL, d->nparts * sizeof *d->parts);
        d->parts[0] = strdup(json_string_value(json_object_get(o, "title")));
        d->parts[1] = strdup(json_string_value(json_object_get(o, "lede")));
        for (size_t i = 0; i < json_array_size(body); i++)
            d->parts[2 + i] = strdup(json_string_value(json_array_get(body, i)));
        bti_hasher h;
        bti_hasher_init(&h, 0);
        fold_ctx fc;
        bti_hasher_init(&fc.h, 0);
        for (size_t i = 0; i < d->nparts; i++) {
            bti_hasher_add(&h, d->parts[i], strlen(d->parts[i]) + 1);
            bt_tokenize(d->parts[i], strlen(d->parts[i]), BT_TOKENIZE_FOLD, on_fold_token, &fc);
        }
        d->raw = bti_hasher_end(&h);
        d->folded = bti_hasher_end(&fc.h);
        *name_slot(g, d->name) = ++g->n;
        json_decref(o);
    }
    free(line);
    fclose(f);
}

/* ---- union-find over doc indices ---------------------------------------------------------- */

static size_t uf_root(size_t *p, size_t x)
{
    while (p[x] != x)
        x = p[x] = p[p[x]];
    return x;
}

static void uf_join(size_t *p, size_t a, size_t b)
{
    a = uf_root(p, a);
    b = uf_root(p, b);
    if (a != b)
        p[a > b ? a : b] = a < b ? a : b;
}

/* ---- scoring ---------------------------------------------------------------------------------- */

typedef struct score {
    size_t tp, fp, fn;       /* near pairs */
    size_t tp_all, fp_all, fn_all;
} score;

/* The docs of the split, by index into g->d. */
typedef struct view {
    size_t *ix; /* view index -> doc index */
    size_t n;
    size_t *gold_root; /* by view index */
} view;

/* (root, view index), sorted by root to walk each group's pairs */
typedef struct ri {
    size_t r, i;
} ri;

static int cmp_ri(const void *a, const void *b)
{
    const ri *x = a, *y = b;
    return x->r != y->r ? (x->r > y->r) - (x->r < y->r) : (x->i > y->i) - (x->i < y->i);
}

static int cmp_sz(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* unsure pairs: sorted keys a * n + b (a < b, view indices) */
typedef struct keys {
    size_t *k;
    size_t n;
} keys;

static int has_key(const keys *ks, size_t a, size_t b, size_t n)
{
    if (a > b) {
        size_t t = a;
        a = b;
        b = t;
    }
    size_t key = a * n + b;
    size_t lo = 0, hi = ks->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ks->k[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ks->n && ks->k[lo] == key;
}

/* Scores predicted roots (pred[v]: group root by view index) against the gold. */
static score score_groups(const gold *g, const view *v, const size_t *pred, const keys *unsure)
{
    score s = {0};
    /* group members by predicted root, then count pairs within */
    ri *rs = xrealloc(NULL, v->n * sizeof *rs);
    for (size_t i = 0; i < v->n; i++)
        rs[i] = (ri){pred[i], i};
    qsort(rs, v->n, sizeof *rs, cmp_ri);
    for (size_t i = 0; i < v->n;) {
        size_t j = i;
        while (j < v->n && rs[j].r == rs[i].r)
            j++;
        for (size_t x = i; x < j; x++)
            for (size_t y = x + 1; y < j; y++) {
                size_t a = rs[x].i, b = rs[y].i;
                if (has_key(unsure, a, b, v->n))
                    continue;
                int good = v->gold_root[a] == v->gold_root[b];
                int ident = g->d[v->ix[a]].raw == g->d[v->ix[b]].raw;
                if (good)
                    s.tp_all++;
                else
                    s.fp_all++;
                if (!ident) {
                    if (good)
                        s.tp++;
                    else
                        s.fp++;
                }
            }
        i = j;
    }
    /* gold pairs: the same with gold roots */
    size_t gold_all = 0, gold_near = 0;
    for (size_t i = 0; i < v->n; i++) {
        rs[i].r = v->gold_root[i];
        rs[i].i = i;
    }
    qsort(rs, v->n, sizeof *rs, cmp_ri);
    for (size_t i = 0; i < v->n;) {
        size_t j = i;
        while (j < v->n && rs[j].r == rs[i].r)
            j++;
        for (size_t x = i; x < j; x++)
            for (size_t y = x + 1; y < j; y++) {
                size_t a = rs[x].i, b = rs[y].i;
                if (has_key(unsure, a, b, v->n))
                    continue;
                gold_all++;
                if (g->d[v->ix[a]].raw != g->d[v->ix[b]].raw)
                    gold_near++;
            }
        i = j;
    }
    s.fn = gold_near - s.tp;
    s.fn_all = gold_all - s.tp_all;
    free(rs);
    return s;
}

typedef struct shingled {
    bti_u64s *sets; /* by view index */
    unsigned k;
} shingled;

/* Lists up to 30 false positives and 30 false negatives of the near pairs, with overlap. */
static void print_errors(const gold *g, const view *v, const size_t *pred, const shingled *sh,
                         const keys *unsure)
{
    size_t nfp = 0, nfn = 0;
    for (size_t a = 0; a < v->n; a++)
        for (size_t b = a + 1; b < v->n; b++) {
            int p = pred[a] == pred[b], t = v->gold_root[a] == v->gold_root[b];
            if (p == t || has_key(unsure, a, b, v->n) || g->d[v->ix[a]].raw == g->d[v->ix[b]].raw)
                continue;
            if ((p && nfp++ >= 30) || (t && nfn++ >= 30))
                continue;
            bti_overlap ov;
            bti_overlap_of(sh->sets[a].v, sh->sets[a].n, sh->sets[b].v, sh->sets[b].n, &ov);
            printf("    %s %s (%s) ~ %s (%s): J %.3f C %.3f |A| %zu |B| %zu numeric %zu/%zu C %.3f\n", p ? "FP" : "FN",
                   g->d[v->ix[a]].name, g->d[v->ix[a]].kind, g->d[v->ix[b]].name,
                   g->d[v->ix[b]].kind, ov.jaccard, ov.containment, ov.na, ov.nb, ov.num_a, ov.num_b, ov.num_containment);
        }
}

static void prf(size_t tp, size_t fp, size_t fn, double *p, double *r, double *f)
{
    *p = tp + fp ? (double)tp / (double)(tp + fp) : 1;
    *r = tp + fn ? (double)tp / (double)(tp + fn) : 1;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

/* ---- running a setting --------------------------------------------------------------------- */

static void make_sets(const gold *g, const view *v, const bti_dups_opts *o, shingled *out)
{
    out->sets = xrealloc(NULL, v->n * sizeof *out->sets);
    out->k = o->shingle_words;
    for (size_t i = 0; i < v->n; i++) {
        const gdoc *d = &g->d[v->ix[i]];
        memset(&out->sets[i], 0, sizeof out->sets[i]);
        if (bti_shingles(o, (const char *const *)d->parts, NULL, d->nparts, &out->sets[i])) {
            fprintf(stderr, "bench_dups: out of memory\n");
            exit(1);
        }
    }
}

static void free_sets(shingled *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        bti_u64s_free(&s->sets[i]);
    free(s->sets);
}

/* Candidates with their overlap under o's banding, every one kept (verify off): thresholds
 * are applied afterwards, so a sweep re-uses one pass. */
static bti_dup_pair *candidates(const view *v, const shingled *sh, const bti_dups_opts *o,
                                size_t *np)
{
    bti_dups_opts c = *o;
    c.verify = 0;
    bti_dups *d;
    bt_error err;
    if (bti_dups_new(&c, NULL, &d, &err)) {
        fprintf(stderr, "bench_dups: %s\n", err.msg);
        exit(1);
    }
    for (size_t i = 0; i < v->n; i++)
        if (bti_dups_add_shingles(d, (int64_t)i, 0, sh->sets[i].v, sh->sets[i].n, &err)) {
            fprintf(stderr, "bench_dups: %s\n", err.msg);
            exit(1);
        }
    const bti_dup_pair *p = bti_dups_pairs(d, np);
    bti_dup_pair *copy = xrealloc(NULL, *np * sizeof *copy);
    memcpy(copy, p, *np * sizeof *copy);
    bti_dups_free(d);
    return copy;
}

static score run_thresholds(const gold *g, const view *v, const shingled *sh,
                            const bti_dup_pair *cand, size_t ncand, const bti_dups_opts *o,
                            const keys *unsure, size_t *pred)
{
    for (size_t i = 0; i < v->n; i++)
        pred[i] = i;
    for (size_t c = 0; c < ncand; c++) {
        size_t a = (size_t)cand[c].a, b = (size_t)cand[c].b;
        if (o->verify) {
            bti_overlap ov;
            bti_overlap_of(sh->sets[a].v, sh->sets[a].n, sh->sets[b].v, sh->sets[b].n, &ov);
            if (!bti_dups_match(o, &ov))
                continue;
        }
        uf_join(pred, a, b);
    }
    for (size_t i = 0; i < v->n; i++)
        pred[i] = uf_root(pred, i);
    return score_groups(g, v, pred, unsure);
}

static void print_row(const char *name, score s)
{
    double p, r, f, pa, ra, fa;
    prf(s.tp, s.fp, s.fn, &p, &r, &f);
    prf(s.tp_all, s.fp_all, s.fn_all, &pa, &ra, &fa);
    printf("| %-44s | %5.3f | %5.3f | %5.3f | %5zu | %4zu | %4zu | %5.3f | %5.3f |\n", name, p, r,
           f, s.tp, s.fp, s.fn, pa, ra);
}

/* Per kind: recall of each copy kind (its labelled pairs joined) and the share of each kind
 * of hard negative joined. */
static void print_kinds(const gold *g, const view *v, const size_t *pred, const size_t *where)
{
    typedef struct kc {
        const char *kind;
        int label;
        size_t n, joined;
    } kc;
    kc ks[64];
    size_t nk = 0;
    for (size_t i = 0; i < g->np; i++) {
        const gpair *p = &g->p[i];
        size_t a = where[p->a], b = where[p->b];
        if (a == SIZE_MAX || b == SIZE_MAX || p->label < 0)
            continue;
        size_t k = 0;
        while (k < nk && (strcmp(ks[k].kind, p->kind) || ks[k].label != p->label))
            k++;
        if (k == nk) {
            if (nk == 64)
                continue;
            ks[nk++] = (kc){p->kind, p->label, 0, 0};
        }
        ks[k].n++;
        ks[k].joined += pred[a] == pred[b];
    }
    for (size_t k = 0; k < nk; k++)
        printf("    %-20s label %d: %5zu pairs, %5.1f%% joined\n", ks[k].kind, ks[k].label, ks[k].n,
               100.0 * (double)ks[k].joined / (double)ks[k].n);
}

int main(int argc, char **argv)
{
    const char *path = "build/dups_gold.jsonl";
    int split = 0, sweep = 0, kinds = 0, errors = 0; /* split: 0 dev, 1 test, 2 all */
    bti_dups_opts o;
    bti_dups_opts_init(&o);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--gold") && val)
            path = argv[++i];
        else if (!strcmp(a, "--split") && val) {
            split = !strcmp(val, "dev") ? 0 : !strcmp(val, "test") ? 1 : 2;
            i++;
        } else if (!strcmp(a, "--k") && val)
            o.shingle_words = (unsigned)atoi(argv[++i]);
        else if (!strcmp(a, "--bands") && val)
            o.bands = (unsigned)atoi(argv[++i]);
        else if (!strcmp(a, "--rows") && val)
            o.rows = (unsigned)atoi(argv[++i]);
        else if (!strcmp(a, "--min-shared") && val)
            o.min_shared = (unsigned)atoi(argv[++i]);
        else if (!strcmp(a, "--jaccard") && val)
            o.min_jaccard = atof(argv[++i]);
        else if (!strcmp(a, "--containment") && val)
            o.min_containment = atof(argv[++i]);
        else if (!strcmp(a, "--min-cs") && val)
            o.min_containment_shingles = (size_t)atol(argv[++i]);
        else if (!strcmp(a, "--num-c") && val)
            o.min_number_containment = atof(argv[++i]);
        else if (!strcmp(a, "--num-runs") && val)
            o.min_number_runs = (size_t)atol(argv[++i]);
        else if (!strcmp(a, "--permutations")) /* bantin's rows with the classic MinHash */
            o.one_permutation = 0;
        else if (!strcmp(a, "--sweep"))
            sweep = 1;
        else if (!strcmp(a, "--kinds"))
            kinds = 1;
        else if (!strcmp(a, "--errors"))
            errors = 1;
        else {
            fprintf(stderr, "usage: bench_dups [--gold F] [--split dev|test|all] [--k N] "
                            "[--bands N] [--rows N] [--min-shared N] [--jaccard X] [--containment X] "
                            "[--min-cs N] [--num-c X] [--num-runs N] [--permutations] [--sweep] "
                            "[--kinds] [--errors]\n");
            return 2;
        }
    }
    bt_error err;
    if (bti_dups_opts_check(&o, &err)) {
        fprintf(stderr, "bench_dups: %s\n", err.msg);
        return 2;
    }
    gold g = {0};
    double t0 = cpu_now();
    load(&g, path);
    double tload = cpu_now() - t0;

    view v = {0};
    v.ix = xrealloc(NULL, g.n * sizeof *v.ix);
    size_t *where = xrealloc(NULL, g.n * sizeof *where);
    for (size_t i = 0; i < g.n; i++) {
        where[i] = SIZE_MAX;
        if (split == 2 || g.d[i].split == split) {
            where[i] = v.n;
            v.ix[v.n++] = i;
        }
    }
    v.gold_root = xrealloc(NULL, v.n * sizeof *v.gold_root);
    for (size_t i = 0; i < v.n; i++)
        v.gold_root[i] = i;
    keys unsure = {xrealloc(NULL, g.np * sizeof(size_t)), 0};
    size_t npos = 0, nneg = 0;
    for (size_t i = 0; i < g.np; i++) {
        size_t a = where[g.p[i].a], b = where[g.p[i].b];
        if (a == SIZE_MAX || b == SIZE_MAX)
            continue;
        if (g.p[i].label == 1) {
            uf_join(v.gold_root, a, b);
            npos++;
        } else if (g.p[i].label < 0)
            unsure.k[unsure.n++] = (a < b ? a : b) * v.n + (a < b ? b : a);
        else
            nneg++;
    }
    for (size_t i = 0; i < v.n; i++)
        v.gold_root[i] = uf_root(v.gold_root, i);
    qsort(unsure.k, unsure.n, sizeof *unsure.k, cmp_sz);
    printf("gold %s: %zu docs in split %s (%zu labelled duplicate pairs, %zu hard negatives, "
           "%zu unsure); loaded in %.1f s\n",
           path, v.n, split == 0 ? "dev" : split == 1 ? "test" : "all", npos, nneg, unsure.n,
           tload);

    size_t *pred = xrealloc(NULL, v.n * sizeof *pred);
    printf("\n| %-44s | P     | R     | F1    | TP    | FP   | FN   | P all | R all |\n", "near pairs");
    printf("|%s|-------|-------|-------|-------|------|------|-------|-------|\n",
           "----------------------------------------------");
    if (sweep) {
        static const unsigned kk[] = {3, 4, 5, 6};
        static const unsigned br[][3] = {{16, 1, 2}, {12, 1, 2}, {32, 2, 1}, {20, 3, 1}};
        static const double jj[] = {0.4, 0.5, 0.6};
        static const double cc[] = {0.6, 0.65, 0.7, 0.75, 0.8};
        static const size_t mm[] = {10, 30};
        for (size_t ki = 0; ki < sizeof kk / sizeof *kk; ki++) {
            bti_dups_opts s = o;
            s.shingle_words = kk[ki];
            shingled sh;
            make_sets(&g, &v, &s, &sh);
            for (size_t bi = 0; bi < sizeof br / sizeof *br; bi++) {
                s.bands = br[bi][0];
                s.rows = br[bi][1];
                s.min_shared = br[bi][2];
                size_t nc;
                bti_dup_pair *cand = candidates(&v, &sh, &s, &nc);
                for (size_t ji = 0; ji < sizeof jj / sizeof *jj; ji++)
                    for (size_t ci = 0; ci < sizeof cc / sizeof *cc; ci++)
                        for (size_t mi = 0; mi < sizeof mm / sizeof *mm; mi++) {
                            s.min_jaccard = jj[ji];
                            s.min_containment = cc[ci];
                            s.min_containment_shingles = mm[mi];
                            score sc = run_thresholds(&g, &v, &sh, cand, nc, &s, &unsure, pred);
                            char name[96];
                            snprintf(name, sizeof name, "k=%u %ux%u J>=%.2f C>=%.2f m=%zu (%zu cand)",
                                     s.shingle_words, s.bands, s.rows, s.min_jaccard,
                                     s.min_containment, s.min_containment_shingles, nc);
                            print_row(name, sc);
                        }
                free(cand);
            }
            free_sets(&sh, v.n);
        }
        return 0;
    }

    /* bantin's setting */
    {
        shingled sh;
        make_sets(&g, &v, &o, &sh);
        size_t nc;
        bti_dup_pair *cand = candidates(&v, &sh, &o, &nc);
        score sc = run_thresholds(&g, &v, &sh, cand, nc, &o, &unsure, pred);
        char name[128];
        snprintf(name, sizeof name, "bantin: k=%u, %ux%u, J>=%.2f or C>=%.2f (m=%zu)",
                 o.shingle_words, o.bands, o.rows, o.min_jaccard, o.min_containment,
                 o.min_containment_shingles);
        print_row(name, sc);
        if (kinds)
            print_kinds(&g, &v, pred, where);
        if (errors)
            print_errors(&g, &v, pred, &sh, &unsure);
        free(cand);
        free_sets(&sh, v.n);
        printf("  (%zu candidate pairs checked exactly)\n", nc);
    }
    /* exact hash of the folded token sequence: finds marks stripped and hoà/hòa, no edits */
    {
        for (size_t i = 0; i < v.n; i++)
            pred[i] = i;
        size_t *byh = xrealloc(NULL, v.n * 2 * sizeof *byh);
        for (size_t i = 0; i < v.n; i++) {
            byh[2 * i] = (size_t)g.d[v.ix[i]].folded;
            byh[2 * i + 1] = i;
        }
        qsort(byh, v.n, 2 * sizeof *byh, cmp_sz);
        for (size_t i = 1; i < v.n; i++)
            if (byh[2 * i] == byh[2 * i - 2])
                uf_join(pred, byh[2 * i + 1], byh[2 * i - 1]);
        for (size_t i = 0; i < v.n; i++)
            pred[i] = uf_root(pred, i);
        print_row("exact hash of the folded words", score_groups(&g, &v, pred, &unsure));
        if (kinds)
            print_kinds(&g, &v, pred, where);
        free(byh);
    }
    /* plain MinHash-LSH, datatrove's setting: 5-word shingles, 14 x 8, no check */
    {
        bti_dups_opts p = o;
        p.shingle_words = 5;
        p.bands = 14;
        p.rows = 8;
        p.min_shared = 1; /* any one band key: plain LSH */
        p.verify = 0;
        p.max_bucket = 0;
        p.one_permutation = 0; /* plain: 112 permutations */
        shingled sh;
        make_sets(&g, &v, &p, &sh);
        size_t nc;
        bti_dup_pair *cand = candidates(&v, &sh, &p, &nc);
        print_row("MinHash-LSH k=5, 14x8, no check (datatrove)",
                  run_thresholds(&g, &v, &sh, cand, nc, &p, &unsure, pred));
        if (kinds)
            print_kinds(&g, &v, pred, where);
        free(cand);
        free_sets(&sh, v.n);
    }

    /* speed: shingles + signature + band keys, and the whole addition */
    {
        double best = 1e9, best_add = 1e9;
        bti_u64s s = {0};
        uint64_t sig[BTI_DUPS_MAX_HASHES], keys_[BTI_DUPS_MAX_HASHES], sink = 0;
        size_t bytes = 0;
        for (size_t i = 0; i < v.n; i++)
            for (size_t j = 0; j < g.d[v.ix[i]].nparts; j++)
                bytes += strlen(g.d[v.ix[i]].parts[j]);
        for (int pass = 0; pass < 3; pass++) {
            double t = cpu_now();
            for (size_t i = 0; i < v.n; i++) {
                const gdoc *d = &g.d[v.ix[i]];
                bti_shingles(&o, (const char *const *)d->parts, NULL, d->nparts, &s);
                bti_minhash(&o, s.v, s.n, sig);
                bti_band_keys(&o, sig, keys_);
                sink ^= keys_[0];
            }
            t = cpu_now() - t;
            best = t < best ? t : best;
            bti_dups *dd;
            t = cpu_now();
            bti_dups_new(&o, NULL, &dd, &err);
            for (size_t i = 0; i < v.n; i++) {
                const gdoc *d = &g.d[v.ix[i]];
                bti_dups_add(dd, (int64_t)i, d->published, (const char *const *)d->parts, NULL,
                             d->nparts, &err);
            }
            t = cpu_now() - t;
            best_add = t < best_add ? t : best_add;
            bti_dups_free(dd);
        }
        bti_u64s_free(&s);
        printf("\nsignatures: %.0f articles/s per core (%.1f MB/s; %zu articles of %.0f bytes; "
               "shingles + %u-hash MinHash + band keys)\n",
               (double)v.n / best, (double)bytes / best / 1e6, v.n, (double)bytes / (double)v.n,
               o.bands * o.rows);
        printf("whole addition (signature, look-ups, exact checks, index): %.0f articles/s per "
               "core%s\n",
               (double)v.n / best_add, sink == 42 ? " " : "");
    }
    return 0;
}
