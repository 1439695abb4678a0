/* dups.c: candidates from the band index, and the in-memory collection that adds articles
 * one at a time (shingles -> signature -> one look-up per band -> exact check of each
 * candidate -> band keys into the index), as the store's writer (dups_db.c) does. */
#include "connect/dups.h"

#include <stdlib.h>
#include <string.h>

/* ---- candidates ------------------------------------------------------------------------------ */

/* While gathering, an entry is (id << ENTRY_SHIFT | band); once every bucket is read, the band
 * is replaced by CROWDED_BIT when the band's bucket was full (BTI_DUPS_MAX_BUCKET ids: a key
 * some template shares, see below). Row numbers stay far below 2^55. */
#define ENTRY_SHIFT 8
#define CROWDED_BIT 1u

typedef struct gather {
    bti_u64s *out;
    int64_t self;
    unsigned band;
    size_t left; /* ids still to read from this bucket; SIZE_MAX: no limit */
    int rc;
} gather;

static int on_id(void *ctx, int64_t id)
{
    gather *g = ctx;
    if (id != g->self &&
        (g->rc = bti_u64s_push(g->out, (uint64_t)id << ENTRY_SHIFT | g->band)))
        return BTI_STOP;
    return --g->left == 0 ? BTI_STOP : 0;
}

/* find_all's rows: the cap counted per key. */
typedef struct gather_all {
    bti_u64s *out;
    int64_t self;
    const uint64_t *keys;
    unsigned n;
    size_t max, taken[BTI_DUPS_MAX_HASHES];
    int rc;
} gather_all;

static int on_key_id(void *ctx, uint64_t key, int64_t id)
{
    gather_all *g = ctx;
    unsigned b = 0;
    while (b < g->n && g->keys[b] != key)
        b++;
    if (b == g->n || id == g->self || (g->max && g->taken[b] >= g->max))
        return 0;
    g->taken[b]++;
    return (g->rc = bti_u64s_push(g->out, (uint64_t)id << ENTRY_SHIFT | b)) ? BTI_STOP : 0;
}

/* A distinct candidate, the band keys it shares with the article, and how many of those
 * keys had room in their bucket. */
typedef struct ranked {
    uint64_t id;
    unsigned shared, roomy;
} ranked;

/* CROWDED_LAST: the most keys shared in buckets that were not full first, then the most
 * keys, then the newest. */
static int cmp_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->roomy != y->roomy)
        return x->roomy < y->roomy ? 1 : -1;
    if (x->shared != y->shared)
        return x->shared < y->shared ? 1 : -1;
    return (x->id < y->id) - (x->id > y->id); /* the newest first */
}

/* The entries of out (sorted: an id's entries together) as distinct candidates, those under
 * fewer than `min` keys dropped (MIN_SHARED_KEYS). Returns how many; r has room for out->n. */
static size_t rank_entries(const bti_u64s *out, unsigned min, ranked *r)
{
    size_t n = 0;
    for (size_t i = 0; i < out->n;) {
        uint64_t id = out->v[i] >> ENTRY_SHIFT;
        ranked c = {id, 0, 0};
        for (; i < out->n && out->v[i] >> ENTRY_SHIFT == id; i++) {
            c.shared++;
            c.roomy += !(out->v[i] & CROWDED_BIT);
        }
        if (c.shared >= min)
            r[n++] = c;
    }
    return n;
}

int bti_dups_candidates(const bti_dups_opts *o, const bti_band_index *ix, const uint64_t *keys,
                        int64_t self, bti_u64s *out)
{
    out->n = 0;
    size_t taken[BTI_DUPS_MAX_HASHES] = {0};
    if (ix->find_all) {
        gather_all g = {out, self, keys, o->bands, o->max_bucket, {0}, 0};
        int rc = ix->find_all(ix->self, keys, o->bands, o->max_bucket, on_key_id, &g);
        if (g.rc)
            return g.rc;
        if (rc < 0)
            return rc;
        memcpy(taken, g.taken, sizeof taken);
    }
    for (unsigned b = 0; !ix->find_all && b < o->bands; b++) {
        size_t max = o->max_bucket ? o->max_bucket : SIZE_MAX;
        gather g = {out, self, b, max, 0};
        int rc = ix->find(ix->self, keys[b], on_id, &g);
        if (g.rc)
            return g.rc;
        if (rc < 0)
            return rc;
        taken[b] = max - g.left;
    }
    /* a bucket read to its cap: its ids count as shared keys, but rank after the others */
    for (size_t i = 0; i < out->n; i++) {
        unsigned b = (unsigned)(out->v[i] & ((1u << ENTRY_SHIFT) - 1));
        int crowded = o->max_bucket && taken[b] >= o->max_bucket;
        out->v[i] = (out->v[i] >> ENTRY_SHIFT << ENTRY_SHIFT) | (crowded ? CROWDED_BIT : 0);
    }
    if (!out->n)
        return 0;
    if (out->cap < 2 * out->n) { /* the sort's scratch goes after the values */
        uint64_t *v = realloc(out->v, 2 * out->n * sizeof *v);
        if (!v)
            return BT_ENOMEM;
        out->v = v;
        out->cap = 2 * out->n;
    }
    bti_sort_u64(out->v, out->v + out->n, out->n);
    ranked *r = malloc(out->n * sizeof *r);
    if (!r)
        return BT_ENOMEM;
    size_t n = rank_entries(out, o->min_shared ? o->min_shared : 1, r);
    if (o->max_verify && n > o->max_verify) {
        qsort(r, n, sizeof *r, cmp_ranked);
        n = o->max_verify;
    }
    out->n = 0;
    for (size_t i = 0; i < n; i++)
        out->v[out->n++] = r[i].id;
    free(r);
    bti_sort_u64(out->v, out->v + out->n, out->n);
    return 0;
}

/* ---- the collection -------------------------------------------------------------------------- */

typedef struct entry {
    bti_dup_member m;
    size_t off, n; /* its shingles: pool[off .. off + n) */
} entry;

struct bti_dups {
    bti_dups_opts o;
    bti_band_mem *own; /* the index when the caller gave none */
    bti_band_index ix;
    entry *e;
    size_t n, cap;
    bti_u64s pool;     /* every article's shingles, one after the other */
    size_t *slots;     /* id -> entry index + 1 (0: empty), open addressing */
    size_t nslots;     /* power of two */
    bti_dup_pair *pairs;
    size_t npairs, cappairs;
    size_t seen;       /* candidates checked */
    bti_u64s sh, cand; /* scratch of one addition */
};

static size_t id_slot_start(int64_t id, size_t nslots)
{
    uint64_t x = (uint64_t)id * 0x9E3779B97F4A7C15ull;
    return (size_t)(x >> 17) & (nslots - 1);
}

static size_t *id_slot(const bti_dups *d, int64_t id)
{
    size_t i = id_slot_start(id, d->nslots);
    while (d->slots[i] && d->e[d->slots[i] - 1].m.id != id)
        i = (i + 1) & (d->nslots - 1);
    return &d->slots[i];
}

static const entry *find_entry(const bti_dups *d, int64_t id)
{
    size_t s = *id_slot(d, id);
    return s ? &d->e[s - 1] : NULL;
}

int bti_dups_new(const bti_dups_opts *o, const bti_band_index *ix, bti_dups **out,
                 bt_error *err)
{
    int rc = bti_dups_opts_check(o, err);
    if (rc)
        return rc;
    bti_dups *d = calloc(1, sizeof *d);
    if (!d)
        return bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    d->o = *o;
    d->nslots = 1024;
    d->slots = calloc(d->nslots, sizeof *d->slots);
    if (!d->slots || (!ix && bti_band_mem_new(&d->own))) {
        bti_dups_free(d);
        return bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    }
    d->ix = ix ? *ix : bti_band_mem_index(d->own);
    *out = d;
    return 0;
}

void bti_dups_free(bti_dups *d)
{
    if (!d)
        return;
    bti_band_mem_free(d->own);
    free(d->e);
    bti_u64s_free(&d->pool);
    free(d->slots);
    free(d->pairs);
    bti_u64s_free(&d->sh);
    bti_u64s_free(&d->cand);
    free(d);
}

static int grow_slots(bti_dups *d)
{
    size_t n = d->nslots * 2;
    size_t *s = calloc(n, sizeof *s);
    if (!s)
        return BT_ENOMEM;
    for (size_t i = 0; i < d->nslots; i++)
        if (d->slots[i]) {
            size_t j = id_slot_start(d->e[d->slots[i] - 1].m.id, n);
            while (s[j])
                j = (j + 1) & (n - 1);
            s[j] = d->slots[i];
        }
    free(d->slots);
    d->slots = s;
    d->nslots = n;
    return 0;
}

static int add_pair(bti_dups *d, int64_t a, int64_t b, const bti_overlap *ov)
{
    if (d->npairs == d->cappairs) {
        size_t cap = d->cappairs ? d->cappairs * 2 : 64;
        bti_dup_pair *p = realloc(d->pairs, cap * sizeof *p);
        if (!p)
            return BT_ENOMEM;
        d->pairs = p;
        d->cappairs = cap;
    }
    d->pairs[d->npairs++] = (bti_dup_pair){a, b, ov->jaccard, ov->containment};
    return 0;
}

int bti_dups_add_shingles(bti_dups *d, int64_t id, int64_t published, const uint64_t *sh,
                          size_t n, bt_error *err)
{
    if (*id_slot(d, id))
        return bt_error_set(err, BT_EEXIST, "dups: article %lld added twice", (long long)id);
    if ((d->n + 1) * 2 > d->nslots && grow_slots(d))
        goto nomem;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 256;
        entry *e = realloc(d->e, cap * sizeof *e);
        if (!e)
            goto nomem;
        d->e = e;
        d->cap = cap;
    }
    /* the pool grows once for the whole set */
    if (d->pool.n + n > d->pool.cap) {
        size_t cap = d->pool.cap ? d->pool.cap : 4096;
        while (cap < d->pool.n + n)
            cap *= 2;
        uint64_t *v = realloc(d->pool.v, cap * sizeof *v);
        if (!v)
            goto nomem;
        d->pool.v = v;
        d->pool.cap = cap;
    }
    if (n)
        memcpy(d->pool.v + d->pool.n, sh, n * sizeof *sh);
    entry me = {{id, published, (uint64_t)d->n}, d->pool.n, n};
    const uint64_t *mine = d->pool.v + d->pool.n;
    if (n) {
        uint64_t sig[BTI_DUPS_MAX_HASHES], keys[BTI_DUPS_MAX_HASHES];
        bti_minhash(&d->o, sh, n, sig);
        bti_band_keys(&d->o, sig, keys);
        int rc = bti_dups_candidates(&d->o, &d->ix, keys, id, &d->cand);
        if (rc)
            return bt_error_set(err, rc, "dups: band index look-up failed");
        for (size_t c = 0; c < d->cand.n; c++) {
            const entry *other = find_entry(d, (int64_t)d->cand.v[c]);
            if (!other) /* the index knows an id the collection does not: skip it */
                continue;
            bti_overlap ov;
            bti_overlap_of(mine, n, d->pool.v + other->off, other->n, &ov);
            d->seen++;
            if ((!d->o.verify || bti_dups_match(&d->o, &ov)) && add_pair(d, other->m.id, id, &ov))
                goto nomem;
        }
        for (unsigned b = 0; b < d->o.bands; b++)
            if ((rc = d->ix.add(d->ix.self, keys[b], id))) {
                /* leave the index as it was: the article is not added */
                for (unsigned u = 0; u < b; u++)
                    d->ix.remove(d->ix.self, keys[u], id);
                return bt_error_set(err, rc, "dups: band index refused article %lld",
                                    (long long)id);
            }
    }
    d->pool.n += n;
    d->e[d->n++] = me;
    *id_slot(d, id) = d->n;
    return 0;
nomem:
    return bt_error_set(err, BT_ENOMEM, "dups: out of memory");
}

int bti_dups_add(bti_dups *d, int64_t id, int64_t published, const char *const *parts,
                 const size_t *lens, size_t nparts, bt_error *err)
{
    int rc = bti_shingles(&d->o, parts, lens, nparts, &d->sh);
    if (rc)
        return bt_error_set(err, rc, "dups: out of memory");
    return bti_dups_add_shingles(d, id, published, d->sh.v, d->sh.n, err);
}

const bti_dup_pair *bti_dups_pairs(const bti_dups *d, size_t *n)
{
    *n = d->npairs;
    return d->pairs;
}

size_t bti_dups_candidates_seen(const bti_dups *d)
{
    return d->seen;
}

int bti_dups_groups(const bti_dups *d, bti_dup_groups *out)
{
    bti_dup_member *m = malloc((d->n ? d->n : 1) * sizeof *m);
    if (!m)
        return BT_ENOMEM;
    for (size_t i = 0; i < d->n; i++)
        m[i] = d->e[i].m;
    int rc = bti_dup_group(m, d->n, d->pairs, d->npairs, out);
    free(m);
    return rc;
}

int bti_dups_compare(const bti_dups *d, int64_t a, int64_t b, bti_overlap *ov)
{
    const entry *x = find_entry(d, a), *y = find_entry(d, b);
    if (!x || !y)
        return BT_ENOTFOUND;
    bti_overlap_of(d->pool.v + x->off, x->n, d->pool.v + y->off, y->n, ov);
    return 0;
}
