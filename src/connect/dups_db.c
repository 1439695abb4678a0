/* dups_db.c: near-duplicates kept in the store as articles arrive: the writer that ingest
 * calls after each new article (shingles from the stored text, one band look-up per band in
 * dup_bands, the exact check of each candidate, the verified pair written), the catch-up of a
 * file whose index is incomplete, and the rebuild from the stored articles. */
#include "connect/connect.h"
#include "core/date.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What connect_meta's 'dups_params' holds for options o: a change of any of these changes
 * the band keys, so a stored index made otherwise is rebuilt. The thresholds only decide
 * which candidates pass: a rebuild applies new ones (bantin connect --rebuild). */
static void params_text(const bti_dups_opts *o, char *out, size_t cap)
{
    /* run=poly, word=2: the shingles' run and word hashes (shingle.c, WORD_HASH) */
    snprintf(out, cap, "k=%u bands=%u rows=%u seed=%016llx%s run=poly word=2", o->shingle_words,
             o->bands, o->rows, (unsigned long long)o->seed, o->one_permutation ? " oph" : "");
}

/* EPOCH_CANONICAL: the store keeps dates as the writer formats them,
 * "YYYY-MM-DDTHH:MM:SSZ"; such a string is read field by field (the catch-up reads every
 * article's date when it replays a day: the general finder was ~80 M instructions of
 * 100,000). Anything else, or a field out of range, goes to bti_date_find, whose result
 * the fast path equals where it applies (test_connect_stories test_epoch_canonical). */
static int canonical_epoch(const char *s, int64_t *out)
{
    static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
    int v[6] = {0}, k = 0;
    for (int i = 0; shape[i]; i++) {
        if (shape[i] == 'd') {
            if (s[i] < '0' || s[i] > '9')
                return 0;
            v[k] = v[k] * 10 + (s[i] - '0');
            if (shape[i + 1] != 'd')
                k++;
        } else if (s[i] != shape[i])
            return 0;
    }
    if (s[sizeof shape - 1] != '\0' || !bti_date_valid(v[0], v[1], v[2]) || v[3] > 23 ||
        v[4] > 59 || v[5] > 59)
        return 0;
    *out = (int64_t)bti_days_from_civil(v[0], v[1], v[2]) * 86400 + v[3] * 3600 + v[4] * 60 +
           v[5];
    return 1;
}

int64_t bti_connect_epoch(const char *iso)
{
    bti_date d;
    int64_t fast;
    if (iso && canonical_epoch(iso, &fast))
        return fast;
    if (!iso || !bti_date_find(iso, strlen(iso), &d))
        return BTI_DUPS_NO_DATE;
    int64_t t = (int64_t)bti_days_from_civil(d.year, d.month, d.day) * 86400;
    if (d.has_time)
        t += d.hour * 3600 + d.minute * 60 + d.second;
    if (d.has_offset)
        t -= (int64_t)d.offset_min * 60;
    return t;
}

int bti_connect_shingles_of(bt_store *s, sqlite3_stmt *row, const bti_dups_opts *o, int64_t n,
                            bti_u64s *out, int64_t *published, bt_error *err)
{
    out->n = 0;
    sqlite3_bind_int64(row, 1, n);
    int st = sqlite3_step(row);
    if (st != SQLITE_ROW) {
        sqlite3_reset(row);
        if (st == SQLITE_DONE)
            return bt_error_set(err, BT_ENOTFOUND, "dups: no stored article #%lld",
                                (long long)n);
        return bti_store_db_error(s, "reading an article for its shingles", err);
    }
    /* parts: the title, the lede, each paragraph (body holds them one a line), as the
     * extracted record had them: shingles never cross a part */
    const char *body = (const char *)sqlite3_column_text(row, 2);
    size_t nlines = 1;
    for (const char *p = body ? body : ""; (p = strchr(p, '\n')); p++)
        nlines++;
    const char **parts = malloc((nlines + 2) * sizeof *parts);
    size_t *lens = malloc((nlines + 2) * sizeof *lens);
    int rc = 0;
    if (!parts || !lens) {
        rc = bt_error_set(err, BT_ENOMEM, "dups: out of memory");
        goto done;
    }
    size_t np = 0;
    for (int col = 0; col < 2; col++) {
        const char *t = (const char *)sqlite3_column_text(row, col);
        if (t) {
            parts[np] = t;
            lens[np++] = (size_t)sqlite3_column_bytes(row, col);
        }
    }
    for (const char *p = body; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        parts[np] = p;
        lens[np++] = len;
        p += len + (nl != NULL);
    }
    if (published)
        *published = bti_connect_epoch((const char *)sqlite3_column_text(row, 3));
    if (bti_shingles(o, parts, lens, np, out))
        rc = bt_error_set(err, BT_ENOMEM, "dups: out of memory");
done:
    free(parts);
    free(lens);
    sqlite3_reset(row);
    return rc;
}

/* ---- the writer ----------------------------------------------------------------------------- */

/* The shingle sets kept for the candidates' exact check (shingle_cache.c): the last 8,192
 * rows, within 32 MB (corpus articles make ~600 shingles, 5 KB: the budget holds ~6,000,
 * more than a day of most sources; a candidate older than that is read from its text). */
#define DUPS_CACHE_ROWS 8192
#define DUPS_CACHE_BYTES ((size_t)32 << 20)

enum { W_FIND_N, W_ROW, W_PAIR, W_UPTO, W_VERSION, W_COUNT };

static const char *const writer_sql[W_COUNT] = {
    "SELECT n FROM articles WHERE id = ?",
    BTI_CONNECT_ROW_SQL,
    "INSERT OR REPLACE INTO dup_pairs(a, b, jaccard, containment) VALUES (?, ?, ?, ?)",
    "INSERT OR REPLACE INTO connect_meta(key, value) VALUES ('dups_upto', ?)",
    "PRAGMA data_version",
};

struct bti_connect {
    bt_store *s;
    bti_dups_opts o;
    bti_band_db *bands;
    bti_band_index ix;
    sqlite3_stmt *st[W_COUNT];
    int64_t upto; /* the last row indexed ('dups_upto'): rows after it were stored by other
                     means (bt_store_add, a shard merge, BT_INGEST_NO_CONNECT) */
    bti_u64s sh, other, cand;
    bti_shingle_cache *cache;
    int64_t data_version; /* the file's when the cache was last known good */
    int deferring;        /* DEFER_SORTED: rows and 'dups_upto' held until the flush */
    int64_t upto_held;    /* the last row added while deferring */
};

void bti_connect_close(bti_connect *c)
{
    if (!c)
        return;
    for (int i = 0; i < W_COUNT; i++)
        sqlite3_finalize(c->st[i]);
    bti_band_db_free(c->bands);
    bti_shingle_cache_free(c->cache);
    bti_u64s_free(&c->sh);
    bti_u64s_free(&c->other);
    bti_u64s_free(&c->cand);
    free(c);
}

static int writer_new(bt_store *s, bti_connect **out, bt_error *err)
{
    *out = NULL;
    bti_connect *c = calloc(1, sizeof *c);
    if (!c)
        return bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    c->s = s;
    bti_dups_opts_init(&c->o);
    int rc = bti_band_db_new(s, &c->bands, err);
    if (!rc && bti_shingle_cache_new(DUPS_CACHE_ROWS, DUPS_CACHE_BYTES, &c->cache))
        rc = bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    for (int i = 0; !rc && i < W_COUNT; i++)
        rc = bti_store_prepare(s, writer_sql[i], "preparing the near-duplicate writer", &c->st[i],
                               err);
    if (rc) {
        bti_connect_close(c);
        return rc;
    }
    c->ix = bti_band_db_index(c->bands);
    c->data_version = -1; /* not read: the first check clears what is (nothing) */
    if (sqlite3_step(c->st[W_VERSION]) == SQLITE_ROW)
        c->data_version = sqlite3_column_int64(c->st[W_VERSION], 0);
    sqlite3_reset(c->st[W_VERSION]);
    *out = c;
    return 0;
}

/* Clears the kept shingle sets when another connection changed the file since they were
 * last used (it may have removed their articles). 0 or the store's error. */
static int cache_check(bti_connect *c, bt_error *err)
{
    sqlite3_stmt *st = c->st[W_VERSION];
    int r = sqlite3_step(st);
    int64_t v = r == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    if (v < 0)
        return bti_store_db_error(c->s, "reading the data version", err);
    if (v != c->data_version)
        bti_shingle_cache_clear(c->cache);
    c->data_version = v;
    return 0;
}

/* SIG_BUILDER: the signatures of a batch are made one at a time (the index tokenises its
 * rows in order), so one walk and one growing buffer serve them all, kept from row to row
 * and batch to batch; a signature is closed (its last part ended, its shingles copied out
 * into the builder's slabs, its band keys made while the set is still in the cache) when the
 * next one starts or when it is finished. The slabs (SET_SLABS, connect.h) are given out
 * again from the first at each batch (bti_dup_builder_rewind): after the first batch, making
 * the signatures touches no new memory. Each signature growing its own buffer by doubling
 * (256, 512, 1,024 values for ~650 shingles) and holding it until the commit was, with a
 * batch of 1,000 articles, 7 MB of memory first touched and ~1,800 of an add's page faults
 * on 3,000 corpus records, and a copy at each doubling (bench/README.md, issue 16, fifteenth
 * pass). */
#define ARENA_VALUES (BTI_SLAB_BYTES / sizeof(uint64_t))

struct bti_dup_builder {
    bti_dups_opts o;
    bti_shingle_walk walk;
    bti_u64s sh;       /* the open signature's shingles */
    bti_dup_sig *open; /* whose they are, NULL: none */
    uint64_t **slabs;  /* the closed signatures' sets, one after another */
    size_t nslabs, cap_slabs;
    size_t at, used; /* the slab given out from, and its values given out */
};

struct bti_dup_sig {
    /* unsorted, with repeats: sorted by the writer when it has a candidate; one made by a
     * builder lies in its slabs (or malloc'd, `heap`, when larger than a slab) */
    bti_u64s sh;
    uint64_t keys[BTI_DUPS_BANDS]; /* the default options' bands (the writer's) */
    /* INDEX_TOKENS (connect.h): made from a stream of tokens for the stored row n */
    int64_t n;            /* 0: made from the article (bti_dup_sig_of), for whichever row */
    bti_dup_builder *b;   /* the builder making it, while open */
    int sortable;         /* closed by a builder: its set the writer's to sort in place */
    int heap;             /* its set malloc'd (bti_dup_sig_of's, or past a builder's slab) */
    int in_part;          /* a part is open */
    int failed;           /* a token could not be kept (BT_ENOMEM): not to be used */
};

/* The band keys of a set, sorted or not (its word shingles: none, 0 and no keys). */
static int keys_of(const bti_dups_opts *o, const bti_u64s *sh, uint64_t *keys)
{
    if (!bti_has_words(sh->v, sh->n))
        return 0;
    uint64_t sig[BTI_DUPS_MAX_HASHES];
    bti_minhash(o, sh->v, sh->n, sig);
    bti_band_keys(o, sig, keys);
    return 1;
}

int bti_dup_sig_of(const bt_article *a, bti_dup_sig **out)
{
    *out = NULL;
    bti_dup_sig *s = calloc(1, sizeof *s);
    const char **parts = malloc((a->n_body + 2) * sizeof *parts);
    if (!s || !parts) {
        free(s);
        free(parts);
        return BT_ENOMEM;
    }
    size_t np = 0;
    parts[np++] = a->title;
    parts[np++] = a->lede;
    for (size_t i = 0; i < a->n_body; i++)
        parts[np++] = a->body[i];
    bti_dups_opts o;
    bti_dups_opts_init(&o);
    int rc = bti_shingles_unsorted(&o, parts, NULL, np, &s->sh);
    s->heap = 1;
    free(parts);
    if (rc) {
        bti_dup_sig_free(s);
        return BT_ENOMEM;
    }
    keys_of(&o, &s->sh, s->keys);
    *out = s;
    return 0;
}

int bti_dup_builder_new(bti_dup_builder **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return BT_ENOMEM;
    bti_dups_opts_init(&(*out)->o);
    return 0;
}

void bti_dup_builder_free(bti_dup_builder *b)
{
    if (!b)
        return;
    if (b->open) {
        b->open->failed = 1; /* its shingles go with the buffer */
        b->open->b = NULL;
    }
    bti_u64s_free(&b->sh);
    for (size_t i = 0; i < b->nslabs; i++)
        free(b->slabs[i]);
    free(b->slabs);
    free(b);
}

void bti_dup_builder_rewind(bti_dup_builder *b)
{
    b->at = b->used = 0;
}

/* Room for len values in the builder's slabs, or NULL (then the caller mallocs). */
static uint64_t *builder_room(bti_dup_builder *b, size_t len)
{
    if (len > ARENA_VALUES / 4)
        return NULL; /* a book: alone, not to leave a slab mostly empty */
    if (b->at < b->nslabs && b->used + len > ARENA_VALUES) {
        b->at++;
        b->used = 0;
    }
    if (b->at == b->nslabs) {
        if (b->nslabs == b->cap_slabs) {
            size_t cap = b->cap_slabs ? 2 * b->cap_slabs : 8;
            uint64_t **v = realloc(b->slabs, cap * sizeof *v);
            if (!v)
                return NULL;
            b->slabs = v;
            b->cap_slabs = cap;
        }
        if (!(b->slabs[b->nslabs] = bti_slab_new()))
            return NULL;
        b->nslabs++;
        b->used = 0;
    }
    uint64_t *v = b->slabs[b->at] + b->used;
    b->used += len;
    return v;
}

/* Gives up the signature's set (a builder's slab space is given out again at its rewind). */
static void sig_release(bti_dup_sig *s)
{
    if (s->heap)
        free(s->sh.v);
    s->sh.v = NULL;
    s->sh.n = s->sh.cap = 0;
    s->heap = 0;
}

int bti_dup_sig_new(bti_dup_sig **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? 0 : BT_ENOMEM;
}

/* Ends the signature's walk: its shingles copied out of the builder, its keys made. */
static void sig_close(bti_dup_sig *s)
{
    bti_dup_builder *b = s->b;
    if (!b || b->open != s)
        return;
    b->open = NULL;
    s->b = NULL;
    if (b->walk.failed) /* SINK_WALK: a token the sink handed the walk itself */
        s->failed = 1;
    if (s->in_part && !s->failed && bti_walk_part_end(&b->walk))
        s->failed = 1;
    s->in_part = 0;
    if (s->failed)
        return;
    size_t len = b->sh.n ? b->sh.n : 1;
    s->sh.v = builder_room(b, len);
    if (!s->sh.v) {
        s->sh.v = malloc(len * sizeof *s->sh.v);
        s->heap = 1;
    }
    if (!s->sh.v) {
        s->failed = 1;
        return;
    }
    if (b->sh.n)
        memcpy(s->sh.v, b->sh.v, b->sh.n * sizeof *s->sh.v);
    s->sh.n = b->sh.n;
    s->sh.cap = len;
    s->sortable = 1;
    keys_of(&b->o, &s->sh, s->keys);
}

void bti_dup_sig_start(bti_dup_builder *b, bti_dup_sig *s, int64_t n)
{
    if (b->open && b->open != s)
        sig_close(b->open);
    sig_release(s);
    memset(s->keys, 0, sizeof s->keys);
    s->n = n;
    s->b = b;
    s->in_part = s->failed = s->sortable = 0;
    bti_walk_init(&b->walk, &b->o, &b->sh);
    b->open = s;
}

void bti_dup_sig_part(bti_dup_sig *s)
{
    bti_dup_builder *b = s->b;
    if (!b || b->open != s) {
        s->failed = 1;
        return;
    }
    if (s->in_part && !s->failed && bti_walk_part_end(&b->walk))
        s->failed = 1;
    bti_walk_part_start(&b->walk);
    s->in_part = 1;
}

int bti_dup_sig_token(bti_dup_sig *s, const bt_token *t)
{
    if (!s->failed && (!s->b || s->b->open != s || bti_walk_token(&s->b->walk, t)))
        s->failed = 1;
    return 0;
}

/* SINK_WALK: the sink's context for a signature is its builder's walk, so that a token goes
 * from the index to the walk in one call (bti_walk_sink_token) instead of through the
 * signature's checks (~18 instructions a token, ~1.6 M tokens on 3,000 corpus records);
 * they are made once a text here instead. */
void *bti_dup_sig_sink(bti_dup_sig *s)
{
    if (!s || s->failed)
        return NULL;
    if (!s->b || s->b->open != s) {
        s->failed = 1; /* its tokens would be lost */
        return NULL;
    }
    return &s->b->walk;
}

void bti_dup_sig_sink_part(void *ctx)
{
    bti_dup_builder *b =
        (bti_dup_builder *)(void *)((char *)ctx - offsetof(bti_dup_builder, walk));
    if (b->open)
        bti_dup_sig_part(b->open);
}

void bti_dup_sig_drop(bti_dup_sig *s)
{
    s->failed = 1;
    if (s->b && s->b->open == s)
        s->b->open = NULL;
    s->b = NULL;
}

const uint64_t *bti_dup_sig_shingles(const bti_dup_sig *s, size_t *n)
{
    *n = s->sh.n;
    return s->sh.v;
}

const uint64_t *bti_dup_sig_keys(const bti_dup_sig *s) { return s->keys; }

int bti_dup_sig_finish(bti_dup_sig *s)
{
    sig_close(s);
    return s->failed ? BT_ENOMEM : 0;
}

void bti_dup_sig_free(bti_dup_sig *s)
{
    if (!s)
        return;
    if (s->b && s->b->open == s)
        s->b->open = NULL;
    sig_release(s);
    free(s);
}

/* Indexes the article of row n (see bti_connect_add): its set `sh` (sorted unique when
 * `sorted`, else sorted here when there is a candidate to check) and keys. An `owned` set
 * (a builder's signature, SIG_BUILDER) is sorted in place; another is copied into a scratch
 * to be sorted. The set is copied into the shingle cache. */
static int add_set(bti_connect *c, int64_t n, bti_u64s *sh, int sorted, int owned,
                   const uint64_t *keys, bt_error *err)
{
    int rc;
    if (!bti_has_words(sh->v, sh->n)) {
        bti_shingle_cache_forget(c->cache, n);
        return 0; /* no words: never matched (dups.h), never indexed */
    }
    if ((rc = bti_dups_candidates(&c->o, &c->ix, keys, n, &c->cand)))
        return rc == BT_ENOMEM ? bt_error_set(err, rc, "dups: out of memory")
                               : bti_store_db_error(c->s, "reading dup_bands", err);
    if (c->cand.n && !sorted && owned) {
        /* sorted in place, the writer's scratch as the sort's: as bti_u64s_sort_unique */
        if (c->sh.cap < sh->n) {
            uint64_t *v = realloc(c->sh.v, sh->n * sizeof *v);
            if (!v)
                return bt_error_set(err, BT_ENOMEM, "dups: out of memory");
            c->sh.v = v;
            c->sh.cap = sh->n;
        }
        c->sh.n = 0;
        bti_sort_hashes(sh->v, c->sh.v, sh->n);
        size_t u = 1;
        for (size_t i = 1; i < sh->n; i++)
            if (sh->v[i] != sh->v[u - 1])
                sh->v[u++] = sh->v[i];
        sh->n = u;
        sorted = 1;
    } else if (c->cand.n && !sorted) {
        c->sh.n = 0;
        for (size_t i = 0; i < sh->n; i++)
            if (bti_u64s_push(&c->sh, sh->v[i]))
                return bt_error_set(err, BT_ENOMEM, "dups: out of memory");
        if (bti_u64s_sort_unique(&c->sh))
            return bt_error_set(err, BT_ENOMEM, "dups: out of memory");
        sh = &c->sh;
        sorted = 1;
    }
    if (c->cand.n && (rc = cache_check(c, err)))
        return rc;
    for (size_t i = 0; i < c->cand.n; i++) {
        int64_t other = (int64_t)c->cand.v[i];
        const bti_u64s *os = bti_shingle_cache_get(c->cache, other);
        if (!os) {
            rc = bti_connect_shingles_of(c->s, c->st[W_ROW], &c->o, other, &c->other, NULL,
                                         err);
            if (rc == BT_ENOTFOUND)
                continue; /* a key of a removed article: the trigger drops them, but be lenient */
            if (rc)
                return rc;
            os = &c->other;
        }
        bti_overlap ov;
        bti_overlap_of(sh->v, sh->n, os->v, os->n, &ov);
        if (!bti_dups_match(&c->o, &ov))
            continue;
        sqlite3_stmt *p = c->st[W_PAIR];
        sqlite3_bind_int64(p, 1, other < n ? other : n);
        sqlite3_bind_int64(p, 2, other < n ? n : other);
        sqlite3_bind_double(p, 3, ov.jaccard);
        sqlite3_bind_double(p, 4, ov.containment);
        int st = sqlite3_step(p);
        sqlite3_reset(p);
        if (st != SQLITE_DONE)
            return bti_store_db_error(c->s, "writing dup_pairs", err);
    }
    if (c->ix.add_all(c->ix.self, keys, c->o.bands, n))
        return bti_store_db_error(c->s, "writing dup_bands", err);
    if (bti_shingle_cache_put(c->cache, n, sh->v, sh->n, sorted))
        return bt_error_set(err, BT_ENOMEM, "dups: out of memory");
    return 0;
}

/* Indexes the article of row n from its stored text. */
static int add_n(bti_connect *c, int64_t n, bt_error *err)
{
    int rc = bti_connect_shingles_of(c->s, c->st[W_ROW], &c->o, n, &c->sh, NULL, err);
    if (rc)
        return rc;
    uint64_t keys[BTI_DUPS_MAX_HASHES];
    keys_of(&c->o, &c->sh, keys);
    return add_set(c, n, &c->sh, 1, 0, keys, err);
}

/* Records that rows up to n are indexed (in the caller's transaction, with the article). */
static int set_upto(bti_connect *c, int64_t n, bt_error *err)
{
    if (n <= c->upto)
        return 0;
    char v[24];
    snprintf(v, sizeof v, "%lld", (long long)n);
    sqlite3_stmt *st = c->st[W_UPTO];
    sqlite3_bind_text(st, 1, v, -1, SQLITE_TRANSIENT);
    int r = sqlite3_step(st);
    sqlite3_reset(st);
    if (r != SQLITE_DONE)
        return bti_store_db_error(c->s, "writing connect_meta", err);
    c->upto = n;
    return 0;
}

int bti_connect_add(bti_connect *c, const char *id, bti_dup_sig *sig, bt_error *err)
{
    sqlite3_stmt *f = c->st[W_FIND_N];
    sqlite3_bind_text(f, 1, id, -1, SQLITE_STATIC);
    int st = sqlite3_step(f);
    int64_t n = st == SQLITE_ROW ? sqlite3_column_int64(f, 0) : 0;
    sqlite3_reset(f);
    if (st == SQLITE_DONE)
        return bt_error_set(err, BT_ENOTFOUND, "dups: no stored article %s", id);
    if (st != SQLITE_ROW)
        return bti_store_db_error(c->s, "finding an article for the near-duplicates", err);
    if (sig && sig->n && sig->n != n)
        sig = NULL; /* INDEX_TOKENS: made for another row; from the stored text */
    int rc = sig ? add_set(c, n, &sig->sh, 0, sig->sortable, sig->keys, err) : add_n(c, n, err);
    if (!rc && c->deferring)
        c->upto_held = n > c->upto_held ? n : c->upto_held;
    else if (!rc)
        rc = set_upto(c, n, err);
    if (rc && rc != BT_ENOMEM) {
        bt_error inner = *err;
        bt_error_set(err, rc, "article %s: %s", id, inner.msg);
    }
    return rc;
}

void bti_connect_defer(bti_connect *c)
{
    c->deferring = 1;
    c->upto_held = 0;
    bti_band_db_defer(c->bands);
}

int bti_connect_flush(bti_connect *c, int keep, bt_error *err)
{
    if (!c->deferring)
        return 0;
    c->deferring = 0;
    if (bti_band_db_flush(c->bands, keep) && keep)
        return bti_store_db_error(c->s, "writing dup_bands", err);
    return keep && c->upto_held ? set_upto(c, c->upto_held, err) : 0;
}

/* ---- meta, catch-up and rebuild ------------------------------------------------------------ */

static int exec(bt_store *s, const char *sql, const char *what, bt_error *err)
{
    if (sqlite3_exec(bti_store_db(s), sql, NULL, NULL, NULL) != SQLITE_OK)
        return bti_store_db_error(s, what, err);
    return 0;
}

static int meta_get(bt_store *s, const char *key, char *out, size_t cap, bt_error *err)
{
    sqlite3_stmt *st;
    int rc = bti_store_prepare(s, "SELECT value FROM connect_meta WHERE key = ?",
                               "reading connect_meta", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    out[0] = 0;
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW)
        snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return r == SQLITE_ROW || r == SQLITE_DONE ? 0
                                               : bti_store_db_error(s, "reading connect_meta", err);
}

static int meta_set(bt_store *s, const char *key, const char *value, bt_error *err)
{
    sqlite3_stmt *st;
    int rc = bti_store_prepare(s, "INSERT OR REPLACE INTO connect_meta(key, value) VALUES (?, ?)",
                               "writing connect_meta", &st, err);
    if (rc)
        return rc;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    int r = sqlite3_step(st);
    sqlite3_finalize(st);
    return r == SQLITE_DONE ? 0 : bti_store_db_error(s, "writing connect_meta", err);
}

/* Adds the articles after row `from` in the order they were added, inside the caller's
 * transaction; from 0: every article, the index emptied first. */
static int refill(bti_connect *c, int64_t from, bt_error *err)
{
    int rc = from ? 0 : exec(c->s, "DELETE FROM dup_bands; DELETE FROM dup_pairs;",
                             "emptying the near-duplicate index", err);
    if (!from) {
        c->upto = 0;
        bti_band_db_forget(c->bands); /* its filter held the keys just deleted */
        bti_shingle_cache_clear(c->cache);
    }
    sqlite3_stmt *all = NULL;
    if (!rc)
        rc = bti_store_prepare(c->s, "SELECT n FROM articles WHERE n > ? ORDER BY n",
                               "listing articles", &all, err);
    if (!rc)
        sqlite3_bind_int64(all, 1, from);
    int st = SQLITE_DONE;
    while (!rc && (st = sqlite3_step(all)) == SQLITE_ROW) {
        int64_t n = sqlite3_column_int64(all, 0);
        if (!(rc = add_n(c, n, err)))
            rc = set_upto(c, n, err);
    }
    if (!rc && st != SQLITE_DONE)
        rc = bti_store_db_error(c->s, "listing articles", err);
    sqlite3_finalize(all);
    char params[96];
    params_text(&c->o, params, sizeof params);
    if (!rc)
        rc = meta_set(c->s, "dups_params", params, err);
    if (!rc)
        rc = meta_set(c->s, "dups_complete", "1", err);
    return rc;
}

static int rebuild_with(bti_connect *c, int64_t from, bt_error *err)
{
    int rc = bt_store_begin(c->s, err);
    if (rc)
        return rc;
    if ((rc = refill(c, from, err))) {
        bt_store_rollback(c->s, NULL);
        return rc;
    }
    return bt_store_commit(c->s, err);
}

int bti_connect_rebuild(bt_store *s, bt_error *err)
{
    bti_connect *c;
    int rc = writer_new(s, &c, err);
    if (rc)
        return rc;
    rc = rebuild_with(c, 0, err);
    bti_connect_close(c);
    return rc;
}

int bti_connect_open(bt_store *s, bti_connect **out, bt_error *err)
{
    bti_connect *c;
    int rc = writer_new(s, &c, err);
    if (rc)
        return rc;
    char complete[8], stored[96], params[96], upto[24];
    params_text(&c->o, params, sizeof params);
    if (!(rc = meta_get(s, "dups_complete", complete, sizeof complete, err)) &&
        !(rc = meta_get(s, "dups_params", stored, sizeof stored, err)) &&
        !(rc = meta_get(s, "dups_upto", upto, sizeof upto, err))) {
        c->upto = strtoll(upto, NULL, 10);
        if (strcmp(complete, "1") || (stored[0] && strcmp(stored, params)))
            rc = rebuild_with(c, 0, err);
        else if (!stored[0])
            rc = meta_set(s, "dups_params", params, err);
    }
    /* articles stored since by other means: indexed now, in the order they came */
    sqlite3_stmt *last = NULL;
    if (!rc)
        rc = bti_store_prepare(s, "SELECT max(n) FROM articles", "reading articles", &last, err);
    if (!rc && sqlite3_step(last) == SQLITE_ROW && sqlite3_column_int64(last, 0) > c->upto)
        rc = rebuild_with(c, c->upto, err);
    sqlite3_finalize(last);
    if (rc) {
        bti_connect_close(c);
        return rc;
    }
    *out = c;
    return 0;
}
