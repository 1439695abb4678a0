/* shingle_cache.c: the shingle sets of the articles the writer indexed last, kept in memory
 * so that the exact check of a candidate among them reads its set instead of making it again
 * from the stored text (reading the row, tokenising and hashing it: ~370,000 instructions a
 * candidate on the corpus, 236 M of the writer's 990 M on 3,000 records). Reprints arrive
 * close together, so most candidates are recent. Slots are direct-mapped on the article's row
 * number (rows are numbered in order of addition), and the oldest rows go first when the sets
 * pass the byte budget. A set is kept as given and sorted the first time it is read. Stored
 * text never changes under a row number (a merge only adds an origin); the writer clears the
 * cache when another connection changed the file or the index is made again.
 * SET_SLABS: the sets are copied into slabs (bti_slab_new) one after another, each slab freed
 * when its last set goes (sets go oldest first, as they came), not malloc'd one by one. */
#include "connect/connect.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

void *bti_slab_new(void)
{
    void *p = aligned_alloc(BTI_SLAB_BYTES, BTI_SLAB_BYTES);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (p) /* a hint: where huge pages are not to be had, it changes nothing */
        madvise(p, BTI_SLAB_BYTES, MADV_HUGEPAGE);
#endif
    return p;
}

/* A slab's head, in its first values: the values given out, and the sets living there. */
typedef struct slab_head {
    size_t used, live;
} slab_head;

#define HEAD_VALUES ((sizeof(slab_head) + sizeof(uint64_t) - 1) / sizeof(uint64_t))
#define SLAB_VALUES (BTI_SLAB_BYTES / sizeof(uint64_t))
/* A set larger than this (a quarter of a slab: ~65,000 shingles, an article of a book's
 * length) is malloc'd alone, so that no slab is left mostly empty. */
#define SLAB_MAX_SET (SLAB_VALUES / 4)

typedef struct cslot {
    int64_t n; /* 0: empty */
    bti_u64s set;
    int sorted;
} cslot;

struct bti_shingle_cache {
    cslot *slots;
    size_t nslots;
    size_t bytes, max_bytes;
    int64_t lo, hi;  /* the rows that may be held: [lo, hi] */
    slab_head *cur;  /* the slab sets are copied into */
    slab_head *spare; /* an emptied slab kept for the next (its memory already touched) */
    bti_u64s tmp;    /* the sort's scratch */
};

static int in_slab(size_t cap) { return cap <= SLAB_MAX_SET; }

/* Room for len values (len >= 1): in the current slab, else in a new one. */
static uint64_t *set_alloc(bti_shingle_cache *c, size_t len)
{
    if (!in_slab(len))
        return malloc(len * sizeof(uint64_t));
    if (!c->cur || c->cur->used + len > SLAB_VALUES) {
        slab_head *h = c->spare ? c->spare : bti_slab_new();
        if (!h)
            return NULL;
        c->spare = NULL;
        h->used = HEAD_VALUES;
        h->live = 0;
        slab_head *old = c->cur;
        c->cur = h;
        if (old && !old->live)
            free(old);
    }
    uint64_t *v = (uint64_t *)(void *)c->cur + c->cur->used;
    c->cur->used += len;
    c->cur->live++;
    return v;
}

static void set_release(bti_shingle_cache *c, uint64_t *v, size_t cap)
{
    if (!v)
        return;
    if (!in_slab(cap)) {
        free(v);
        return;
    }
    slab_head *h = (slab_head *)(void *)((uintptr_t)v & ~(uintptr_t)(BTI_SLAB_BYTES - 1));
    if (--h->live || h == c->cur)
        return;
    if (!c->spare)
        c->spare = h;
    else
        free(h);
}

int bti_shingle_cache_new(size_t slots, size_t max_bytes, bti_shingle_cache **out)
{
    *out = NULL;
    bti_shingle_cache *c = calloc(1, sizeof *c);
    if (!c || !slots || !(c->slots = calloc(slots, sizeof *c->slots))) {
        free(c);
        return BT_ENOMEM;
    }
    c->nslots = slots;
    c->max_bytes = max_bytes;
    *out = c;
    return 0;
}

static void drop(bti_shingle_cache *c, cslot *s)
{
    c->bytes -= s->set.cap * sizeof *s->set.v;
    set_release(c, s->set.v, s->set.cap);
    s->set.v = NULL;
    s->set.n = s->set.cap = 0;
    s->n = 0;
    s->sorted = 0;
}

void bti_shingle_cache_clear(bti_shingle_cache *c)
{
    for (size_t i = 0; i < c->nslots; i++)
        if (c->slots[i].n)
            drop(c, &c->slots[i]);
    c->lo = c->hi = 0;
}

void bti_shingle_cache_free(bti_shingle_cache *c)
{
    if (!c)
        return;
    bti_shingle_cache_clear(c);
    free(c->cur); /* every set released: no slab but these two is left */
    free(c->spare);
    bti_u64s_free(&c->tmp);
    free(c->slots);
    free(c);
}

static cslot *slot_of(const bti_shingle_cache *c, int64_t n)
{
    return &c->slots[(uint64_t)n % c->nslots];
}

void bti_shingle_cache_forget(bti_shingle_cache *c, int64_t n)
{
    cslot *s = slot_of(c, n);
    if (n > 0 && s->n == n)
        drop(c, s);
}

/* Row n's slot emptied for a set of `len` values: the slot, or NULL when the set is larger
 * than the whole budget (not kept). */
static cslot *take_slot(bti_shingle_cache *c, int64_t n, size_t len)
{
    if (n <= 0)
        return NULL;
    cslot *s = slot_of(c, n);
    if (s->n)
        drop(c, s);
    if (len * sizeof *s->set.v > c->max_bytes)
        return NULL;
    return s;
}

/* Row n now held in slot s: the oldest rows go while the sets pass the budget. */
static void placed(bti_shingle_cache *c, cslot *s, int64_t n, int sorted)
{
    s->n = n;
    s->sorted = sorted;
    c->bytes += s->set.cap * sizeof *s->set.v;
    if (!c->lo || n < c->lo)
        c->lo = n;
    if (n > c->hi)
        c->hi = n;
    if (c->hi - c->lo >= (int64_t)c->nslots) /* rows further back were overwritten */
        c->lo = c->hi - (int64_t)c->nslots + 1;
    while (c->bytes > c->max_bytes && c->lo < n) { /* the oldest first, never the new one */
        bti_shingle_cache_forget(c, c->lo);
        c->lo++;
    }
}

int bti_shingle_cache_put(bti_shingle_cache *c, int64_t n, const uint64_t *v, size_t len,
                          int sorted)
{
    cslot *s = take_slot(c, n, len);
    if (!s)
        return 0;
    size_t cap = len ? len : 1;
    s->set.v = set_alloc(c, cap);
    if (!s->set.v)
        return BT_ENOMEM;
    if (len)
        memcpy(s->set.v, v, len * sizeof *v);
    s->set.n = len;
    s->set.cap = cap;
    placed(c, s, n, sorted);
    return 0;
}

const bti_u64s *bti_shingle_cache_get(bti_shingle_cache *c, int64_t n)
{
    cslot *s = slot_of(c, n);
    if (n <= 0 || s->n != n)
        return NULL;
    if (!s->sorted) { /* sorted in place, unique values first: its room stays as it was */
        if (s->set.n > 1) {
            if (c->tmp.cap < s->set.n) {
                uint64_t *t = realloc(c->tmp.v, s->set.n * sizeof *t);
                if (!t) /* no memory for the sort's scratch */
                    return NULL;
                c->tmp.v = t;
                c->tmp.cap = s->set.n;
            }
            bti_sort_hashes(s->set.v, c->tmp.v, s->set.n);
            size_t u = 1;
            for (size_t i = 1; i < s->set.n; i++)
                if (s->set.v[i] != s->set.v[u - 1])
                    s->set.v[u++] = s->set.v[i];
            s->set.n = u;
        }
        s->sorted = 1;
    }
    return &s->set;
}
