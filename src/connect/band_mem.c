/* band_mem.c: the in-memory band index (band key -> article ids), for tests and the bench;
 * band_db.c puts the same interface over the store's table. Open addressing on the key (band keys
 * are uniform hashes already), each slot holding its ids in order of addition. */
#include "connect/dups.h"

#include <stdlib.h>

typedef struct slot {
    uint64_t key;
    int64_t *ids;
    size_t n, cap; /* cap == 0 and ids == NULL: slot empty */
    int used;
} slot;

struct bti_band_mem {
    slot *slots;
    size_t cap;  /* power of two */
    size_t used; /* slots in use */
};

/* Keep the table at most half full, so probes stay short. */
#define MAX_LOAD_NUM 1
#define MAX_LOAD_DEN 2

int bti_band_mem_new(bti_band_mem **out)
{
    bti_band_mem *m = calloc(1, sizeof *m);
    if (!m)
        return BT_ENOMEM;
    m->cap = 1024;
    m->slots = calloc(m->cap, sizeof *m->slots);
    if (!m->slots) {
        free(m);
        return BT_ENOMEM;
    }
    *out = m;
    return 0;
}

void bti_band_mem_free(bti_band_mem *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].ids);
    free(m->slots);
    free(m);
}

static slot *lookup(slot *slots, size_t cap, uint64_t key)
{
    size_t i = (size_t)key & (cap - 1);
    while (slots[i].used && slots[i].key != key)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static int grow(bti_band_mem *m)
{
    size_t cap = m->cap * 2;
    slot *s = calloc(cap, sizeof *s);
    if (!s)
        return BT_ENOMEM;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].used)
            *lookup(s, cap, m->slots[i].key) = m->slots[i];
    free(m->slots);
    m->slots = s;
    m->cap = cap;
    return 0;
}

static int mem_find(void *self, uint64_t key, int (*cb)(void *ctx, int64_t id), void *ctx)
{
    bti_band_mem *m = self;
    slot *s = lookup(m->slots, m->cap, key);
    if (!s->used)
        return 0;
    for (size_t i = s->n; i-- > 0;) {
        int rc = cb(ctx, s->ids[i]);
        if (rc)
            return rc;
    }
    return 0;
}

static int mem_add(void *self, uint64_t key, int64_t id)
{
    bti_band_mem *m = self;
    if ((m->used + 1) * MAX_LOAD_DEN > m->cap * MAX_LOAD_NUM) {
        int rc = grow(m);
        if (rc)
            return rc;
    }
    slot *s = lookup(m->slots, m->cap, key);
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 2;
        int64_t *ids = realloc(s->ids, cap * sizeof *ids);
        if (!ids)
            return BT_ENOMEM;
        s->ids = ids;
        s->cap = cap;
    }
    if (!s->used) {
        s->used = 1;
        s->key = key;
        m->used++;
    }
    s->ids[s->n++] = id;
    return 0;
}

/* An emptied slot stays in use (with no ids), so probe chains through it stay intact. */
static int mem_remove(void *self, uint64_t key, int64_t id)
{
    bti_band_mem *m = self;
    slot *s = lookup(m->slots, m->cap, key);
    if (!s->used)
        return 0;
    for (size_t i = 0; i < s->n; i++)
        if (s->ids[i] == id) {
            for (size_t j = i + 1; j < s->n; j++)
                s->ids[j - 1] = s->ids[j];
            s->n--;
            break;
        }
    return 0;
}

bti_band_index bti_band_mem_index(bti_band_mem *m)
{
    bti_band_index ix = {m, mem_find, mem_add, mem_remove, NULL, NULL};
    return ix;
}
