/* group.c: duplicate groups from verified pairs: union-find over the articles, the original
 * of each group being its earliest article (published, then order of arrival), as the
 * issue asks: the first outlet to publish is the source, reprints come after it. */
#include "connect/dups.h"

#include <stdlib.h>

static int before(const bti_dup_member *x, const bti_dup_member *y)
{
    if (x->published != y->published)
        return x->published < y->published;
    if (x->seq != y->seq)
        return x->seq < y->seq;
    return x->id < y->id;
}

static int cmp_member(const void *a, const void *b)
{
    const bti_dup_member *x = a, *y = b;
    return before(x, y) ? -1 : before(y, x) ? 1 : 0;
}

typedef struct by_id {
    int64_t id;
    size_t at;
} by_id;

static int cmp_id(const void *a, const void *b)
{
    const by_id *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

static size_t find_at(const by_id *ids, size_t n, int64_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ids[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && ids[lo].id == id ? ids[lo].at : SIZE_MAX;
}

static size_t root(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

void bti_dup_groups_free(bti_dup_groups *g)
{
    free(g->members);
    free(g->start);
    g->members = NULL;
    g->start = NULL;
    g->n = 0;
}

/* A member keyed by its group's original: sorting by (original, member) puts each group
 * together, its original first, and the groups in the order of their originals. */
typedef struct keyed {
    bti_dup_member orig;
    bti_dup_member m;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = cmp_member(&x->orig, &y->orig);
    return c ? c : cmp_member(&x->m, &y->m);
}

int bti_dup_group(const bti_dup_member *all, size_t nall, const bti_dup_pair *pairs,
                  size_t npairs, bti_dup_groups *out)
{
    out->members = NULL;
    out->start = NULL;
    out->n = 0;
    int rc = BT_ENOMEM;
    size_t cap = nall ? nall : 1;
    by_id *ids = malloc(cap * sizeof *ids);
    size_t *parent = malloc(cap * sizeof *parent);
    size_t *size = calloc(cap, sizeof *size);
    size_t *orig = malloc(cap * sizeof *orig);
    keyed *ks = NULL;
    if (!ids || !parent || !size || !orig)
        goto done;
    for (size_t i = 0; i < nall; i++) {
        ids[i] = (by_id){all[i].id, i};
        parent[i] = i;
    }
    qsort(ids, nall, sizeof *ids, cmp_id);
    for (size_t p = 0; p < npairs; p++) {
        size_t a = find_at(ids, nall, pairs[p].a), b = find_at(ids, nall, pairs[p].b);
        if (a == SIZE_MAX || b == SIZE_MAX)
            continue;
        a = root(parent, a);
        b = root(parent, b);
        if (a != b)
            parent[a > b ? a : b] = a < b ? a : b;
    }
    for (size_t i = 0; i < nall; i++) {
        size_t r = root(parent, i);
        if (size[r]++ == 0 || before(&all[i], &all[orig[r]]))
            orig[r] = i;
    }
    size_t nin = 0, ng = 0;
    for (size_t i = 0; i < nall; i++) {
        size_t r = root(parent, i);
        if (size[r] > 1) {
            nin++;
            ng += r == i;
        }
    }
    ks = malloc((nin ? nin : 1) * sizeof *ks);
    out->members = malloc((nin ? nin : 1) * sizeof *out->members);
    out->start = malloc((ng + 1) * sizeof *out->start);
    if (!ks || !out->members || !out->start)
        goto done;
    size_t k = 0;
    for (size_t i = 0; i < nall; i++) {
        size_t r = root(parent, i);
        if (size[r] > 1)
            ks[k++] = (keyed){all[orig[r]], all[i]};
    }
    qsort(ks, nin, sizeof *ks, cmp_keyed);
    for (size_t i = 0; i < nin; i++) {
        if (i == 0 || cmp_member(&ks[i].orig, &ks[i - 1].orig))
            out->start[out->n++] = i;
        out->members[i] = ks[i].m;
    }
    out->start[out->n] = nin;
    rc = 0;
done:
    free(ids);
    free(parent);
    free(size);
    free(orig);
    free(ks);
    if (rc)
        bti_dup_groups_free(out);
    return rc;
}
