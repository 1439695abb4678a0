/* story_state.c: a clustering saved as bytes and loaded again, so that the store's writer
 * continues the online clustering where the last run left it instead of replaying every
 * stored article (story_db.c keeps the bytes in the store). What is saved is what the next
 * assignment reads: the term dictionary with its document frequencies and name counts, the
 * stories (centroids, dates, members), the documents (vectors, dates, titles) and the
 * counters; the term indexes are derived again on load (bti_story_reindex). The bytes are
 * native-endian floats and integers: a store moved to another architecture is rebuilt (the
 * header does not match), never misread. */
#include "connect/story_internal.h"

#include <stdlib.h>
#include <string.h>

#define STATE_MAGIC 0x42545353u /* "BTSS" */
#define STATE_VERSION 2u /* 2: reprints are silent members (story.c) */
#define ENDIAN_MARK 0x01020304u

static int put(bti_buf *b, const void *p, size_t n)
{
    return n ? bti_buf_add(b, p, n) : 0;
}

#define PUT(b, v) put((b), &(v), sizeof(v))

/* The configuration as numbers (not the struct's bytes, which hold padding). */
#define CFG_N 18
static void cfg_values(const bti_story_config *c, double v[CFG_N])
{
    double x[CFG_N] = {c->window_days, c->threshold, c->merge_threshold, c->merge_every,
                       c->decay_days, c->decay_floor, c->fade_days, c->centroid_terms,
                       c->doc_terms, c->name_boost, c->pair_weight, c->syllable_weight,
                       c->en_pair_weight, c->text_weight, c->text_tokens, c->knn,
                       c->one_term_discount, c->adopt_factor};
    memcpy(v, x, sizeof x);
}

int bti_story_save(const bti_story_set *s, bti_buf *b)
{
    uint32_t magic = STATE_MAGIC, version = STATE_VERSION, endian = ENDIAN_MARK;
    double cfg[CFG_N];
    cfg_values(&s->cfg, cfg);
    int rc = PUT(b, magic) | PUT(b, version) | PUT(b, endian) | PUT(b, cfg);
    rc |= PUT(b, s->now) | PUT(b, s->have_now) | PUT(b, s->since_merge);
    /* the dictionary */
    const bti_story_dict *d = &s->dict;
    rc |= PUT(b, d->n) | PUT(b, d->nchars) | PUT(b, d->ndocs) | PUT(b, d->nslots);
    rc |= put(b, d->chars, d->nchars) | put(b, d->off, d->n * sizeof *d->off) |
          put(b, d->df, d->n * sizeof *d->df) | put(b, d->seen, d->n * sizeof *d->seen) |
          put(b, d->caps, d->n * sizeof *d->caps) | put(b, d->hash, d->n * sizeof *d->hash);
    /* the stories */
    rc |= PUT(b, s->nst);
    for (uint32_t i = 0; i < s->nst && !rc; i++) {
        const story *st = &s->st[i];
        rc |= PUT(b, st->c.n) | put(b, st->c.id, st->c.n * sizeof *st->c.id) |
              put(b, st->c.w, st->c.n * sizeof *st->c.w);
        rc |= PUT(b, st->norm) | PUT(b, st->first) | PUT(b, st->last) | PUT(b, st->size) |
              PUT(b, st->merged_into) | PUT(b, st->dirty);
        rc |= PUT(b, st->nmem) | put(b, st->mem, st->nmem * sizeof *st->mem);
    }
    /* the documents */
    rc |= PUT(b, s->ndocs) | put(b, s->docs, s->ndocs * sizeof *s->docs);
    rc |= PUT(b, s->nv) | put(b, s->vid, s->nv * sizeof *s->vid) |
          put(b, s->vw, s->nv * sizeof *s->vw);
    rc |= PUT(b, s->ntitles) | put(b, s->titles, s->ntitles);
    return rc ? BT_ENOMEM : 0;
}

typedef struct rd {
    const unsigned char *p;
    size_t left;
    int bad;
} rd;

static void get(rd *r, void *out, size_t n)
{
    if (r->bad || n > r->left) {
        r->bad = 1;
        memset(out, 0, n);
        return;
    }
    memcpy(out, r->p, n);
    r->p += n;
    r->left -= n;
}

#define GET(r, v) get((r), &(v), sizeof(v))

/* A new array of n elements read from r (NULL and r->bad when short or out of memory). */
static void *get_array(rd *r, size_t n, size_t elem)
{
    if (r->bad || (elem && n > r->left / elem)) {
        r->bad = 1;
        return NULL;
    }
    void *p = malloc(n * elem > 0 ? n * elem : 1);
    if (!p) {
        r->bad = 1;
        return NULL;
    }
    get(r, p, n * elem);
    return p;
}

int bti_story_load(const bti_story_config *cfg, const void *data, size_t len,
                   bti_story_set **out, bt_error *err)
{
    *out = NULL;
    bti_story_set *s;
    int rc = bti_story_set_new(cfg, &s, err);
    if (rc)
        return rc;
    rd r = {data, len, 0};
    uint32_t magic, version, endian;
    double saved[CFG_N], want[CFG_N];
    GET(&r, magic);
    GET(&r, version);
    GET(&r, endian);
    GET(&r, saved);
    if (r.bad || magic != STATE_MAGIC || version != STATE_VERSION || endian != ENDIAN_MARK ||
        (cfg_values(&s->cfg, want), memcmp(saved, want, sizeof saved))) {
        bti_story_set_free(s);
        return bt_error_set(err, BT_ENOTFOUND, "story state: made by another version or "
                            "configuration");
    }
    GET(&r, s->now);
    GET(&r, s->have_now);
    GET(&r, s->since_merge);
    bti_story_dict *d = &s->dict;
    GET(&r, d->n);
    GET(&r, d->nchars);
    GET(&r, d->ndocs);
    GET(&r, d->nslots);
    if (!r.bad && (d->nslots & (d->nslots - 1) || d->n > d->nslots / 2 ||
                   (d->n && !d->nslots)))
        r.bad = 1;
    d->chars = get_array(&r, d->nchars, 1);
    d->capchars = d->nchars;
    d->off = get_array(&r, d->n, sizeof *d->off);
    d->df = get_array(&r, d->n, sizeof *d->df);
    d->seen = get_array(&r, d->n, sizeof *d->seen);
    d->caps = get_array(&r, d->n, sizeof *d->caps);
    d->hash = get_array(&r, d->n, sizeof *d->hash);
    d->cap = d->n;
    if (!r.bad && d->n) {
        d->slots = calloc(d->nslots, sizeof *d->slots);
        if (!d->slots)
            r.bad = 1;
        for (uint32_t i = 0; !r.bad && i < d->n; i++) {
            if (d->off[i] >= d->nchars) {
                r.bad = 1;
                break;
            }
            uint32_t j = (uint32_t)d->hash[i] & (d->nslots - 1);
            while (d->slots[j])
                j = (j + 1) & (d->nslots - 1);
            d->slots[j] = i + 1;
        }
    }
    if (!r.bad && d->nchars && d->chars[d->nchars - 1] != 0)
        r.bad = 1;
    uint32_t nst = 0;
    GET(&r, nst);
    if (!r.bad && nst > r.left / 16)
        r.bad = 1;
    if (!r.bad && nst) {
        s->st = calloc(nst, sizeof *s->st);
        if (!s->st)
            r.bad = 1;
        else
            s->capst = nst;
    }
    for (uint32_t i = 0; i < nst && !r.bad; i++) {
        story *st = &s->st[i];
        s->nst = i + 1;
        GET(&r, st->c.n);
        st->c.id = get_array(&r, st->c.n, sizeof *st->c.id);
        st->c.w = get_array(&r, st->c.n, sizeof *st->c.w);
        st->c.cap = st->c.n;
        GET(&r, st->norm);
        GET(&r, st->first);
        GET(&r, st->last);
        GET(&r, st->size);
        GET(&r, st->merged_into);
        GET(&r, st->dirty);
        GET(&r, st->nmem);
        st->mem = get_array(&r, st->nmem, sizeof *st->mem);
        st->capmem = st->nmem;
        for (uint32_t k = 0; !r.bad && k < st->c.n; k++)
            if (st->c.id[k] >= d->n)
                r.bad = 1;
        if (!r.bad && st->merged_into != BTI_STORY_NONE && st->merged_into >= nst)
            r.bad = 1;
    }
    GET(&r, s->ndocs);
    s->docs = get_array(&r, s->ndocs, sizeof *s->docs);
    s->capdocs = s->ndocs;
    GET(&r, s->nv);
    s->vid = get_array(&r, s->nv, sizeof *s->vid);
    s->vw = get_array(&r, s->nv, sizeof *s->vw);
    s->capv = s->nv;
    GET(&r, s->ntitles);
    s->titles = get_array(&r, s->ntitles, 1);
    s->captitles = s->ntitles;
    for (uint32_t i = 0; !r.bad && i < s->ndocs; i++) {
        const doc_rec *dr = &s->docs[i];
        if (dr->story >= s->nst || (size_t)dr->voff + dr->vn > s->nv || dr->toff >= s->ntitles)
            r.bad = 1;
    }
    for (size_t i = 0; !r.bad && i < s->nv; i++)
        if (s->vid[i] >= d->n)
            r.bad = 1;
    for (uint32_t i = 0; !r.bad && i < s->nst; i++)
        for (uint32_t k = 0; k < s->st[i].nmem; k++)
            if (s->st[i].mem[k] >= s->ndocs) {
                r.bad = 1;
                break;
            }
    if (!r.bad && (r.left || (s->ntitles && s->titles[s->ntitles - 1] != 0)))
        r.bad = 1;
    if (r.bad) {
        bti_story_set_free(s);
        return bt_error_set(err, BT_EPARSE, "story state: damaged (%zu bytes)", len);
    }
    if (bti_story_reindex(s)) {
        bti_story_set_free(s);
        return bt_error_set(err, BT_ENOMEM, "story state: out of memory");
    }
    *out = s;
    return 0;
}
