/* story_state.c: a clustering saved as bytes and loaded again, so that the store's writer
 * continues the online clustering where the last run left it instead of replaying every
 * stored article (story_db.c keeps the bytes in the store). What is saved is what the next
 * assignment reads: the term dictionary with its document frequencies and name counts, the
 * stories (centroids, dates, members), the documents (vectors, dates, titles) and the
 * counters; the term indexes are derived again on load (bti_story_reindex). The documents
 * are saved apart from the rest, in parts that do not change once written (PARTS_SHARED,
 * story.h), so that a run writes what it added, not the collection. The bytes are
 * native-endian floats and integers: a store moved to another architecture is rebuilt (the
 * header does not match), never misread. */
#include "connect/dups.h"
#include "connect/story_internal.h"

#include <stdlib.h>
#include <string.h>

#define STATE_MAGIC 0x42545353u /* "BTSS" */
#define STATE_VERSION 5u /* 2: reprints are silent members (story.c); 3: the documents in
                            * parts (PARTS_SHARED); 4: the terms' hashes are bti_word_hash's
                            * (INTERN_WORD_HASH, story_terms.c); 5: DICT_COMPACT */
#define PART_MAGIC 0x42545350u /* "BTSP" */
#define PART_TITLES 1u
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

/* STATE_STREAMED: the core is written through `out`: into a buffer (bti_story_save_core), or
 * counted only (bti_story_core_size), or handed to a sink in pieces (bti_story_save_core_to:
 * the small fields gathered in a scratch buffer of at most SAVE_CHUNK bytes, the large
 * arrays passed as they lie). The store writes the end state's core (1.4 MB at 3,000
 * articles) straight into its blob so: built whole first, the buffer and SQLite's copy of it
 * as a record were ~500 page faults and two copies of it a catch-up. The same bytes. */
#define SAVE_CHUNK (64u << 10)

typedef struct sink_out {
    bti_buf *b;          /* NULL: counted only */
    bti_story_sink sink; /* NULL: all of it stays in b */
    void *ctx;
    uint64_t n;          /* bytes put */
    int err;             /* the sink's error */
} sink_out;

static int oput(sink_out *o, const void *p, size_t n)
{
    if (!n || o->err)
        return o->err;
    o->n += n;
    if (!o->b)
        return 0;
    if (o->sink && o->b->len + n > SAVE_CHUNK) {
        if (o->b->len && (o->err = o->sink(o->ctx, o->b->data, o->b->len)) != 0)
            return o->err;
        bti_buf_reset(o->b);
        if (n >= SAVE_CHUNK)
            return o->err = o->sink(o->ctx, p, n);
    }
    return bti_buf_add(o->b, p, n);
}

#define OPUT(o, v) oput((o), &(v), sizeof(v))

/* DICT_COMPACT (version 5): the dictionary was most of a saved core (1.14 of 1.36 MB at
 * 3,000 VietNews articles: its strings, and 24 bytes a term of offset, frequency, name counts
 * and hash), and the end state's core is written into the store, then into the WAL at the
 * commit, then into the file at the checkpoint, every catch-up (the commit's time was almost
 * all of it). Now the terms' offsets and hashes are not saved (a load finds the offsets from
 * the NULs that end the strings, and hashes each term again with bti_word_hash, as
 * dict_intern did), the frequencies are LEB128 varints (most are 1-3), and the name counts
 * (seen, caps), zero for 95% of the terms, are saved for the others only, as (gap to the
 * term, seen, caps). The core on 3,000 articles: 1.36 MB -> 0.57 MB. The stories and the
 * documents' parts stay as they lie, copied on load: written as gaps and varints too
 * (STATE_COMPACT, tried), every part was decoded a value at a time at each load (~3 M vector
 * ids at 97,000 articles), and catch-ups there measured slower (bench/README.md). */
#define VARINT_MAX 10
#define VW_BYTES 4096

typedef struct vwriter {
    sink_out *o;
    int rc;
    size_t n;
    unsigned char buf[VW_BYTES];
} vwriter;

/* COUNT_BY_LENGTH: the core is encoded twice a save, once counted for its blob's length
 * (STATE_STREAMED), once written; counting adds each varint's length from its highest bit,
 * without writing it. */
static size_t varint_len(uint64_t v)
{
    return v < 0x80 ? 1 : (size_t)(64 - __builtin_clzll(v) + 6) / 7;
}

static void vw_flush(vwriter *w)
{
    if (w->n)
        w->rc |= oput(w->o, w->buf, w->n);
    w->n = 0;
}

static void vw_u(vwriter *w, uint64_t v)
{
    if (!w->o->b) { /* COUNT_BY_LENGTH */
        w->o->n += varint_len(v);
        return;
    }
    if (w->n > VW_BYTES - VARINT_MAX)
        vw_flush(w);
    unsigned char *p = w->buf + w->n;
    while (v >= 0x80) {
        *p++ = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    *p++ = (unsigned char)v;
    w->n = (size_t)(p - w->buf);
}

/* Raw bytes in their place among the varints: small ones copied, large arrays passed as they
 * lie (STATE_STREAMED). */
static void vw_raw(vwriter *w, const void *p, size_t n)
{
    if (!n)
        return;
    if (!w->o->b) { /* COUNT_BY_LENGTH */
        w->o->n += n;
        return;
    }
    if (n <= 64) {
        if (w->n + n > VW_BYTES)
            vw_flush(w);
        memcpy(w->buf + w->n, p, n);
        w->n += n;
        return;
    }
    vw_flush(w);
    w->rc |= oput(w->o, p, n);
}

#define VW_RAW(w, v) vw_raw((w), &(v), sizeof(v))

static int save_core(const bti_story_set *s, sink_out *b)
{
    uint32_t magic = STATE_MAGIC, version = STATE_VERSION, endian = ENDIAN_MARK;
    double cfg[CFG_N];
    cfg_values(&s->cfg, cfg);
    /* room for all of it at once: a few MB grown by doubling were copied twice over */
    const bti_story_dict *dd = &s->dict;
    size_t need = 256 + dd->nchars + (size_t)dd->n * 24 + (size_t)s->nst * 64;
    for (uint32_t i = 0; i < s->nst; i++)
        need += (size_t)s->st[i].c.n * 8 + (size_t)s->st[i].nmem * 4;
    if (b->b && !b->sink && bti_buf_grow(b->b, need))
        return BT_ENOMEM;
    int rc = OPUT(b, magic) | OPUT(b, version) | OPUT(b, endian) | OPUT(b, cfg);
    rc |= OPUT(b, s->now) | OPUT(b, s->have_now) | OPUT(b, s->since_merge);
    /* the dictionary */
    const bti_story_dict *d = &s->dict;
    rc |= OPUT(b, d->n) | OPUT(b, d->nchars) | OPUT(b, d->ndocs) | OPUT(b, d->nslots);
    /* DICT_COMPACT: the strings, the frequencies, the name counts that are not zero */
    vwriter *w = malloc(sizeof *w);
    if (!w)
        return BT_ENOMEM;
    w->o = b;
    w->rc = 0;
    w->n = 0;
    vw_raw(w, d->chars, d->nchars);
    for (uint32_t i = 0; i < d->n; i++)
        vw_u(w, d->df[i]);
    uint32_t named = 0;
    for (uint32_t i = 0; i < d->n; i++)
        named += (d->seen[i] | d->caps[i]) != 0;
    vw_u(w, named);
    for (uint32_t i = 0, next = 0; i < d->n; i++)
        if (d->seen[i] | d->caps[i]) {
            vw_u(w, i - next);
            vw_u(w, d->seen[i]);
            vw_u(w, d->caps[i]);
            next = i + 1;
        }
    vw_flush(w);
    rc |= w->rc;
    free(w);
    /* the stories */
    rc |= OPUT(b, s->nst);
    for (uint32_t i = 0; i < s->nst && !rc; i++) {
        const story *st = &s->st[i];
        rc |= OPUT(b, st->c.n) | oput(b, st->c.id, st->c.n * sizeof *st->c.id) |
              oput(b, st->c.w, st->c.n * sizeof *st->c.w);
        rc |= OPUT(b, st->norm) | OPUT(b, st->first) | OPUT(b, st->last) | OPUT(b, st->size) |
              OPUT(b, st->merged_into) | OPUT(b, st->dirty);
        rc |= OPUT(b, st->nmem) | oput(b, st->mem, st->nmem * sizeof *st->mem);
    }
    /* how many documents and vector entries the parts hold for this core */
    uint64_t nv = s->nv;
    rc |= OPUT(b, s->ndocs) | OPUT(b, nv);
    if (!rc && b->sink && b->b->len) {
        rc = b->err = b->sink(b->ctx, b->b->data, b->b->len);
        bti_buf_reset(b->b);
    }
    return b->err ? b->err : rc ? BT_ENOMEM : 0;
}

int bti_story_save_core(const bti_story_set *s, bti_buf *b)
{
    sink_out o = {b, NULL, NULL, 0, 0};
    return save_core(s, &o);
}

uint64_t bti_story_core_size(const bti_story_set *s)
{
    sink_out o = {NULL, NULL, NULL, 0, 0};
    save_core(s, &o);
    return o.n;
}

int bti_story_save_core_to(const bti_story_set *s, bti_buf *scratch, bti_story_sink sink,
                           void *ctx)
{
    bti_buf_reset(scratch);
    sink_out o = {scratch, sink, ctx, 0, 0};
    return save_core(s, &o);
}

/* A part: its magic, first document, count and flags; each document's story as it joined
 * it, its vector's length and its date; the vectors' ids, then their weights; the titles
 * (NUL-terminated) when PART_TITLES. Offsets into the set's pools are not saved: they
 * follow from the lengths. */
int bti_story_save_docs(const bti_story_set *s, uint32_t from, uint32_t to, int titles,
                        bti_buf *b)
{
    if (from > to || to > s->ndocs || to - from > BTI_STORY_PART_DOCS ||
        from % BTI_STORY_PART_DOCS)
        return BT_EINVAL;
    uint32_t magic = PART_MAGIC, n = to - from, flags = titles ? PART_TITLES : 0;
    int rc = PUT(b, magic) | PUT(b, from) | PUT(b, n) | PUT(b, flags);
    for (uint32_t i = from; i < to && !rc; i++)
        rc |= PUT(b, s->docs[i].joined);
    for (uint32_t i = from; i < to && !rc; i++)
        rc |= PUT(b, s->docs[i].vn);
    for (uint32_t i = from; i < to && !rc; i++)
        rc |= PUT(b, s->docs[i].date);
    if (n && !rc) { /* the documents' vectors are one run of the pool, in their order */
        size_t v0 = s->docs[from].voff, v1 = s->docs[to - 1].voff + s->docs[to - 1].vn;
        rc |= put(b, s->vid + v0, (v1 - v0) * sizeof *s->vid) |
              put(b, s->vw + v0, (v1 - v0) * sizeof *s->vw);
    }
    if (n && titles && !rc) {
        size_t t0 = s->docs[from].toff;
        size_t t1 = to < s->ndocs ? s->docs[to].toff : s->ntitles;
        rc |= put(b, s->titles + t0, t1 - t0);
    }
    return rc ? BT_ENOMEM : 0;
}

int bti_story_save(const bti_story_set *s, bti_buf *b)
{
    int rc = bti_story_save_core(s, b);
    for (uint32_t from = 0; !rc && from < s->ndocs; from += BTI_STORY_PART_DOCS) {
        uint32_t to = s->ndocs - from > BTI_STORY_PART_DOCS ? from + BTI_STORY_PART_DOCS
                                                             : s->ndocs;
        rc = bti_story_save_docs(s, from, to, 1, b);
    }
    return rc;
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

/* A LEB128 varint (DICT_COMPACT); 0 and r->bad when short or longer than 64 bits. */
static uint64_t get_u(rd *r)
{
    uint64_t v = 0;
    for (unsigned shift = 0; !r->bad && r->left; shift += 7) {
        unsigned char c = *r->p++;
        r->left--;
        if (shift == 63 && c > 1)
            break;
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            return v;
        if (shift == 63)
            break;
    }
    r->bad = 1;
    return 0;
}

static uint32_t get_u32(rd *r)
{
    uint64_t v = get_u(r);
    if (v > UINT32_MAX)
        r->bad = 1;
    return r->bad ? 0 : (uint32_t)v;
}

static int damaged(bt_error *err, size_t len)
{
    return bt_error_set(err, BT_EPARSE, "story state: damaged (%zu bytes)", len);
}

int bti_story_load_core(const bti_story_config *cfg, const void *data, size_t len,
                        size_t *used, bti_story_set **out, bt_error *err)
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
    /* RESERVE_AHEAD (story.c): a set saved before its first term may have its table's size
     * reserved already, but no table is saved for no terms: it is made at the first one */
    if (!d->n)
        d->nslots = 0;
    d->chars = get_array(&r, d->nchars, 1);
    d->capchars = d->nchars;
    d->cap = d->n;
    /* DICT_COMPACT: the offsets from the NULs that end the strings, the hashes made again;
     * a frequency a byte at least */
    if (!r.bad && (d->nchars > UINT32_MAX || d->n > r.left))
        r.bad = 1;
    if (!r.bad) {
        d->off = malloc(d->n ? d->n * sizeof *d->off : 1);
        d->df = malloc(d->n ? d->n * sizeof *d->df : 1);
        d->seen = calloc(d->n ? d->n : 1, sizeof *d->seen);
        d->caps = calloc(d->n ? d->n : 1, sizeof *d->caps);
        d->hash = malloc(d->n ? d->n * sizeof *d->hash : 1);
        if (!d->off || !d->df || !d->seen || !d->caps || !d->hash)
            r.bad = 1;
    }
    size_t at = 0;
    for (uint32_t i = 0; !r.bad && i < d->n; i++) {
        const char *z = at < d->nchars ? memchr(d->chars + at, 0, d->nchars - at) : NULL;
        if (!z) {
            r.bad = 1;
            break;
        }
        size_t end = (size_t)(z - d->chars);
        d->off[i] = (uint32_t)at;
        d->hash[i] = bti_word_hash(d->chars + at, end - at);
        at = end + 1;
    }
    if (!r.bad && at != d->nchars)
        r.bad = 1; /* a string more or fewer than the terms */
    for (uint32_t i = 0; !r.bad && i < d->n; i++)
        d->df[i] = get_u32(&r);
    uint32_t named = r.bad ? 0 : get_u32(&r);
    if (!r.bad && named > d->n)
        r.bad = 1;
    for (uint32_t k = 0, next = 0; !r.bad && k < named; k++) {
        uint32_t gap = get_u32(&r);
        if (r.bad || gap >= d->n - next) {
            r.bad = 1;
            break;
        }
        next += gap;
        d->seen[next] = get_u32(&r);
        d->caps[next] = get_u32(&r);
        next++;
    }
    if (!r.bad && d->n) {
        d->slots = calloc(d->nslots, sizeof *d->slots);
        if (!d->slots)
            r.bad = 1;
        for (uint32_t i = 0; !r.bad && i < d->n; i++) {
            uint32_t j = (uint32_t)d->hash[i] & (d->nslots - 1);
            while (d->slots[j])
                j = (j + 1) & (d->nslots - 1);
            d->slots[j] = i + 1;
        }
    }
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
    uint64_t nv = 0;
    GET(&r, s->want_docs);
    GET(&r, nv);
    if (!r.bad && (s->want_docs == UINT32_MAX || nv > (uint64_t)s->want_docs * s->cfg.doc_terms))
        r.bad = 1;
    s->want_nv = (size_t)nv;
    /* every document is a member of one story: the count the parts must bring is bounded
     * by the core's own bytes before anything is allocated for it */
    uint64_t members = 0;
    for (uint32_t i = 0; !r.bad && i < s->nst; i++) {
        members += s->st[i].nmem;
        for (uint32_t k = 0; k < s->st[i].nmem; k++)
            if (s->st[i].mem[k] >= s->want_docs) {
                r.bad = 1;
                break;
            }
    }
    if (!r.bad && s->want_docs > members)
        r.bad = 1;
    /* room for every document, so that the parts are copied in place */
    if (!r.bad && s->want_docs) {
        if (!(s->docs = malloc((size_t)s->want_docs * sizeof *s->docs)))
            r.bad = 1;
        else
            s->capdocs = s->want_docs;
    }
    if (!r.bad && s->want_nv) {
        s->vid = malloc(s->want_nv * sizeof *s->vid);
        s->vw = malloc(s->want_nv * sizeof *s->vw);
        if (!s->vid || !s->vw)
            r.bad = 1;
        else
            s->capv = s->want_nv;
    }
    if (!r.bad && !used && r.left)
        r.bad = 1;
    if (r.bad) {
        bti_story_set_free(s);
        return damaged(err, len);
    }
    if (used)
        *used = len - r.left;
    *out = s;
    return 0;
}

uint32_t bti_story_docs_missing(const bti_story_set *s)
{
    return s && s->want_docs > s->ndocs ? s->want_docs - s->ndocs : 0;
}

int bti_story_load_docs(bti_story_set *s, const void *data, size_t len, bt_error *err)
{
    rd r = {data, len, 0};
    uint32_t magic, from, n, flags;
    GET(&r, magic);
    GET(&r, from);
    GET(&r, n);
    GET(&r, flags);
    if (r.bad || magic != PART_MAGIC || from != s->ndocs || n > BTI_STORY_PART_DOCS ||
        (size_t)n * 16 > r.left)
        return damaged(err, len);
    /* the prefix this set holds: a part written again later holds more documents */
    uint32_t k = bti_story_docs_missing(s);
    if (k > n)
        k = n;
    const unsigned char *joined = r.p, *vn = r.p + (size_t)n * 4, *date = r.p + (size_t)n * 8;
    r.p += (size_t)n * 16;
    r.left -= (size_t)n * 16;
    size_t vall = 0, vk = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t m;
        memcpy(&m, vn + (size_t)i * 4, 4);
        if (m > s->cfg.doc_terms)
            return damaged(err, len);
        vall += m;
        if (i < k)
            vk += m;
    }
    if (vall > r.left / 8 || s->nv + vk > s->want_nv || s->ndocs + k > s->capdocs)
        return damaged(err, len);
    const unsigned char *vid = r.p, *vw = r.p + vall * 4;
    r.p += vall * 8;
    r.left -= vall * 8;
    /* titles: the first k of the n that follow, or none */
    const char *t = (const char *)r.p;
    size_t tlen = 0;
    if (flags & PART_TITLES) {
        uint32_t seen = 0;
        size_t end = 0;
        for (size_t i = 0; i < r.left && seen < n; i++)
            if (!t[i]) {
                if (++seen == k)
                    tlen = i + 1;
                end = i + 1;
            }
        if (seen != n || end != r.left)
            return damaged(err, len);
    } else if (r.left)
        return damaged(err, len);
    size_t tneed = flags & PART_TITLES ? tlen : k;
    if (bti_array_grow((void **)&s->titles, &s->captitles, s->ntitles + tneed + 1, 1))
        return bt_error_set(err, BT_ENOMEM, "story state: out of memory");
    memcpy(s->vid + s->nv, vid, vk * 4);
    memcpy(s->vw + s->nv, vw, vk * 4);
    for (size_t i = 0; i < vk; i++)
        if (s->vid[s->nv + i] >= s->dict.n)
            return damaged(err, len);
    if (flags & PART_TITLES)
        memcpy(s->titles + s->ntitles, t, tlen);
    else
        memset(s->titles + s->ntitles, 0, k);
    size_t voff = s->nv, toff = s->ntitles;
    for (uint32_t i = 0; i < k; i++) {
        doc_rec *dr = &s->docs[s->ndocs + i];
        memcpy(&dr->joined, joined + (size_t)i * 4, 4);
        memcpy(&dr->vn, vn + (size_t)i * 4, 4);
        memcpy(&dr->date, date + (size_t)i * 8, 8);
        if (dr->joined >= s->nst)
            return damaged(err, len);
        dr->story = dr->joined;
        dr->voff = (uint32_t)voff;
        dr->toff = (uint32_t)toff;
        voff += dr->vn;
        toff += (flags & PART_TITLES) ? strlen(s->titles + toff) + 1 : 1;
    }
    s->ndocs += k;
    s->nv += vk;
    s->ntitles += tneed;
    return 0;
}

int bti_story_load_end(bti_story_set *s, bt_error *err)
{
    if (s->ndocs != s->want_docs || s->nv != s->want_nv)
        return bt_error_set(err, BT_EPARSE, "story state: %u of %u documents saved",
                            s->ndocs, s->want_docs);
    s->want_docs = 0;
    s->want_nv = 0;
    if (bti_story_reindex(s))
        return bt_error_set(err, BT_ENOMEM, "story state: out of memory");
    return 0;
}

int bti_story_load(const bti_story_config *cfg, const void *data, size_t len,
                   bti_story_set **out, bt_error *err)
{
    *out = NULL;
    size_t used = 0;
    bti_story_set *s;
    int rc = bti_story_load_core(cfg, data, len, &used, &s, err);
    if (rc)
        return rc;
    const unsigned char *p = (const unsigned char *)data + used;
    size_t left = len - used;
    while (!rc && bti_story_docs_missing(s)) {
        /* a part's length: its header and its fixed and variable arrays */
        uint32_t hdr[4];
        if (left < sizeof hdr) {
            rc = damaged(err, len);
            break;
        }
        memcpy(hdr, p, sizeof hdr);
        uint32_t n = hdr[2];
        if (n > BTI_STORY_PART_DOCS || (size_t)n * 16 > left - sizeof hdr) {
            rc = damaged(err, len);
            break;
        }
        size_t plen = sizeof hdr + (size_t)n * 16, vall = 0;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t m;
            memcpy(&m, p + sizeof hdr + (size_t)n * 4 + (size_t)i * 4, 4);
            vall += m;
        }
        if (vall > (left - plen) / 8) {
            rc = damaged(err, len);
            break;
        }
        plen += vall * 8;
        if (hdr[3] & PART_TITLES) /* n strings */
            for (uint32_t seen = 0; seen < n && plen < left; plen++)
                seen += p[plen] == 0;
        rc = bti_story_load_docs(s, p, plen, err);
        p += plen;
        left -= plen;
    }
    if (!rc && left)
        rc = damaged(err, len);
    if (!rc)
        rc = bti_story_load_end(s, err);
    if (rc) {
        bti_story_set_free(s);
        return rc;
    }
    *out = s;
    return 0;
}
