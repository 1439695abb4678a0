/* band_filter.c: a filter of the band keys stored in dup_bands, kept in memory by the writer
 * (band_db.c) so that the look-up of a key never stored (most of an article's 32 keys: most
 * articles have no near duplicate) costs a probe instead of a B-tree seek. Blocked Bloom
 * filters: each key sets FILTER_BITS_PER_PROBE bits of one 64-bit word, so a probe touches
 * one cache line; no false negatives, a few false positives (a look-up that finds nothing).
 * When a layer holds what it was sized for, keys go to a new layer twice its size, so the
 * filter grows without reading the table again (a scan of dup_bands costs ~550 instructions
 * a row: re-reading it at each doubling cost 48 M on 3,000 records). Band keys are uniform
 * hashes already: the word comes from the key's low bits, the bits from its high ones. */
#include "connect/connect.h"

#include <stdlib.h>

/* 24 bits a key and 5 bits set in its word: ~0.1% false positives a layer. */
#define FILTER_BITS_PER_KEY 24
#define FILTER_BITS_PER_PROBE 5
#define FILTER_MIN_WORDS 2048 /* 16 KB, 5,461 keys: a fresh store's first layer */
#define FILTER_MAX_LAYERS 48  /* doublings from the smallest layer: more than memory holds */

typedef struct layer {
    uint64_t *w;
    size_t nwords; /* power of two */
    size_t n, cap; /* keys added, keys it holds at its false-positive rate */
} layer;

struct bti_band_filter {
    layer l[FILTER_MAX_LAYERS];
    size_t nl;
};

static uint64_t probe_bits(uint64_t key)
{
    uint64_t m = 0;
    for (int i = 0; i < FILTER_BITS_PER_PROBE; i++)
        m |= UINT64_C(1) << ((key >> (34 + 6 * i)) & 63);
    return m;
}

/* A new last layer holding at least `keys`. */
static int add_layer(bti_band_filter *f, size_t keys)
{
    if (f->nl == FILTER_MAX_LAYERS)
        return BT_ENOMEM;
    size_t words = FILTER_MIN_WORDS;
    while (words * 64 / FILTER_BITS_PER_KEY < keys && words < ((size_t)1 << 34))
        words *= 2;
    layer *l = &f->l[f->nl];
    l->w = calloc(words, sizeof *l->w);
    if (!l->w)
        return BT_ENOMEM;
    l->nwords = words;
    l->n = 0;
    l->cap = words * 64 / FILTER_BITS_PER_KEY;
    f->nl++;
    return 0;
}

int bti_band_filter_new(size_t keys, bti_band_filter **out)
{
    *out = NULL;
    bti_band_filter *f = calloc(1, sizeof *f);
    if (!f)
        return BT_ENOMEM;
    if (add_layer(f, keys)) {
        free(f);
        return BT_ENOMEM;
    }
    *out = f;
    return 0;
}

void bti_band_filter_free(bti_band_filter *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->nl; i++)
        free(f->l[i].w);
    free(f);
}

int bti_band_filter_add(bti_band_filter *f, uint64_t key)
{
    layer *l = &f->l[f->nl - 1];
    if (l->n >= l->cap) {
        if (add_layer(f, 2 * l->cap))
            return BT_ENOMEM;
        l = &f->l[f->nl - 1];
    }
    l->w[key & (l->nwords - 1)] |= probe_bits(key);
    l->n++;
    return 0;
}

int bti_band_filter_may_hold(const bti_band_filter *f, uint64_t key)
{
    uint64_t m = probe_bits(key);
    for (size_t i = 0; i < f->nl; i++)
        if ((f->l[i].w[key & (f->l[i].nwords - 1)] & m) == m)
            return 1;
    return 0;
}
