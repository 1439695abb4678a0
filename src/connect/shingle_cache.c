/* shingle_cache.c: the shingle sets of the articles the writer indexed last, kept in memory
 * so that the exact check of a candidate among them reads its set instead of making it again
 * from the stored text (reading the row, tokenising and hashing it: ~370,000 instructions a
 * candidate on the corpus, 236 M of the writer's 990 M on 3,000 records). Reprints arrive
 * close together, so most candidates are recent. Slots are direct-mapped on the article's row
 * number (rows are numbered in order of addition), and the oldest rows go first when the sets
 * pass the byte budget. A set is kept as given and sorted the first time it is read. Stored
 * text never changes under a row number (a merge only adds an origin); the writer clears the
 * cache when another connection changed the file or the index is made again. */
#include "connect/connect.h"

#include <stdlib.h>
#include <string.h>

typedef struct cslot {
    int64_t n; /* 0: empty */
    bti_u64s set;
    int sorted;
} cslot;

struct bti_shingle_cache {
    cslot *slots;
    size_t nslots;
    size_t bytes, max_bytes;
    int64_t lo, hi; /* the rows that may be held: [lo, hi] */
};

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
    bti_u64s_free(&s->set);
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
    s->set.v = malloc((len ? len : 1) * sizeof *v);
    if (!s->set.v)
        return BT_ENOMEM;
    if (len)
        memcpy(s->set.v, v, len * sizeof *v);
    s->set.n = s->set.cap = len;
    placed(c, s, n, sorted);
    return 0;
}

void bti_shingle_cache_put_owned(bti_shingle_cache *c, int64_t n, bti_u64s *set, int sorted)
{
    cslot *s = take_slot(c, n, set->n);
    if (!s || !set->v)
        return; /* not kept: the caller still owns it */
    s->set = *set;
    set->v = NULL;
    set->n = set->cap = 0;
    placed(c, s, n, sorted);
}

const bti_u64s *bti_shingle_cache_get(bti_shingle_cache *c, int64_t n)
{
    cslot *s = slot_of(c, n);
    if (n <= 0 || s->n != n)
        return NULL;
    if (!s->sorted) {
        size_t before = s->set.cap;
        if (bti_u64s_sort_unique(&s->set)) /* no memory for the sort's scratch */
            return NULL;
        if (s->set.n && s->set.n < s->set.cap) { /* the scratch given back */
            uint64_t *v = realloc(s->set.v, s->set.n * sizeof *v);
            if (v) {
                s->set.v = v;
                s->set.cap = s->set.n;
            }
        }
        c->bytes = c->bytes - before * sizeof *s->set.v + s->set.cap * sizeof *s->set.v;
        s->sorted = 1;
    }
    return &s->set;
}
