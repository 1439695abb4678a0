/* shingle.c: what near-duplicate detection compares: the word-shingle set of an article, its
 * MinHash signature and band keys, and the exact overlap that verifies a candidate pair. */
#include "connect/dups.h"

#include "bantin/text.h"
#include "core/hash.h"

#include <stdlib.h>
#include <string.h>

void bti_dups_opts_init(bti_dups_opts *o)
{
    memset(o, 0, sizeof *o);
    o->shingle_words = BTI_DUPS_SHINGLE_WORDS;
    o->bands = BTI_DUPS_BANDS;
    o->rows = BTI_DUPS_ROWS;
    o->min_shared = BTI_DUPS_MIN_SHARED;
    o->min_jaccard = BTI_DUPS_MIN_JACCARD;
    o->min_containment = BTI_DUPS_MIN_CONTAINMENT;
    o->min_containment_shingles = BTI_DUPS_MIN_CONTAINMENT_SHINGLES;
    o->max_bucket = BTI_DUPS_MAX_BUCKET;
    o->max_verify = BTI_DUPS_MAX_VERIFY;
    o->min_number_containment = BTI_DUPS_MIN_NUMBER_CONTAINMENT;
    o->min_number_runs = BTI_DUPS_MIN_NUMBER_RUNS;
    o->seed = 0x62616e74696e6475ull; /* "bantindu" */
    o->verify = 1;
    o->one_permutation = 1;
}

int bti_dups_opts_check(const bti_dups_opts *o, bt_error *err)
{
    if (!o)
        return bt_error_set(err, BT_EINVAL, "dups: no options");
    if (o->shingle_words < 1 || o->shingle_words > BTI_DUPS_MAX_SHINGLE_WORDS)
        return bt_error_set(err, BT_EINVAL, "dups: shingle words %u not in 1..%d",
                            o->shingle_words, BTI_DUPS_MAX_SHINGLE_WORDS);
    if (o->bands < 1 || o->rows < 1 || o->bands * o->rows > BTI_DUPS_MAX_HASHES)
        return bt_error_set(err, BT_EINVAL, "dups: %u bands x %u rows not in 1..%d hashes",
                            o->bands, o->rows, BTI_DUPS_MAX_HASHES);
    if (o->min_shared > o->bands)
        return bt_error_set(err, BT_EINVAL, "dups: %u shared keys of %u bands", o->min_shared,
                            o->bands);
    if (!(o->min_jaccard > 0 && o->min_jaccard <= 1) ||
        !(o->min_containment > 0 && o->min_containment <= 1) ||
        !(o->min_number_containment >= 0 && o->min_number_containment <= 1))
        return bt_error_set(err, BT_EINVAL, "dups: thresholds must be in (0, 1]");
    return 0;
}

int bti_u64s_push_grow(bti_u64s *a, uint64_t x)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 256;
        uint64_t *v = realloc(a->v, cap * sizeof *v);
        if (!v)
            return BT_ENOMEM;
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = x;
    return 0;
}

void bti_u64s_free(bti_u64s *a)
{
    free(a->v);
    a->v = NULL;
    a->n = a->cap = 0;
}

/* Odd multiplier between a long token's 8-byte words (WORD_HASH). */
#define RUN_MUL_WORD 0xA0761D6478BD642Full

/* splitmix64's finaliser: a bijection that spreads every input bit over the output. */
static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 31;
    return x;
}

/* ---- shingles ------------------------------------------------------------------------------- */

static inline uint64_t load32le(const unsigned char *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
}

static inline uint64_t load64le(const unsigned char *p)
{
    return load32le(p) | load32le(p + 4) << 32;
}

/* A token longer than 8 bytes (rare: most are syllables), out of line so that the short
 * path is inlined into the walk. */
static uint64_t word_hash_long(const unsigned char *p, size_t len, uint64_t h)
{
    size_t i = 0;
    for (; i + 8 < len; i += 8)
        h = mix64(h ^ load64le(p + i)) * RUN_MUL_WORD;
    return mix64(h ^ load64le(p + len - 8) ^ 0x8000000000000000ull);
}

/* WORD_HASH: a shingle's token hash. Tokens are syllables, most of 1-8 bytes: two
 * overlapping 4-byte loads (4-8 bytes) or three single bytes (1-3) give a word that, with
 * the length, tells the token's bytes apart (no collision below 9 bytes), and mix64 spreads
 * it; longer tokens are taken 8 bytes at a time, the last word overlapping. Reads only the
 * token's own bytes. ~15 instructions a syllable where bti_hash64 took ~68 (its tail copy
 * and two rounds): hashing was two thirds of a signature made from tokens recorded already
 * (SHARED_TOKENS' tapes, since taken out: bench/README.md, issue 16, twelfth pass). The
 * short path is inlined into the walk (bti_walk_token), a call a token less. */
static inline uint64_t word_hash(const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    uint64_t h = (uint64_t)len * 0xC13FA9A902A6328Full;
    if (len > 8)
        return word_hash_long(p, len, h);
    uint64_t w;
    if (len >= 4)
        w = load32le(p) | load32le(p + len - 4) << 32;
    else if (len)
        w = (uint64_t)p[0] << 16 | (uint64_t)p[len >> 1] << 8 | p[len - 1];
    else
        w = 0;
    return mix64(h ^ w);
}

uint64_t bti_word_hash(const char *text, size_t len) { return word_hash(text, len); }

typedef bti_shingle_walk walk;

/* Multiplier of the polynomial that combines a run's token hashes (odd, from the golden
 * ratio): the tokens' hashes are uniform already, so one multiply-add a token and one
 * finalising mix make the run's hash. Five mixes a shingle (one a token) and a division a
 * token for the ring's index were a quarter of the cost of a shingle set. */
#define RUN_MUL 0x9E3779B97F4A7C15ull

/* The hash of the last `n` of the `count` hashes in `ring` (of size k), oldest first; `n`
 * is mixed in so that a short part's single shingle never equals a full one. */
static uint64_t run_hash(uint64_t seed, const uint64_t *ring, size_t k, size_t count, size_t n)
{
    uint64_t h = seed ^ (uint64_t)n;
    size_t at = (count - n) % k;
    for (size_t j = 0; j < n; j++) {
        h = h * RUN_MUL + ring[at];
        at = at + 1 == k ? 0 : at + 1;
    }
    return mix64(h);
}

/* ROLLING_SHINGLE: a full shingle's run_hash(seed, ring, k, count, k) is
 * mix64((seed ^ k) * RUN_MUL^k + sum of the k hashes times RUN_MUL^(k-1-j)), all mod 2^64,
 * so the sum is kept as the tokens pass (times RUN_MUL, plus the new hash, minus the one
 * leaving times RUN_MUL^k): the same values with one multiply-add a token instead of k (the
 * k-step loop was a third of a shingle's cost after the tokenizer). */
static void roll_init(walk *w)
{
    uint64_t m = 1, k = w->o->shingle_words;
    for (uint64_t j = 0; j < k; j++)
        m *= RUN_MUL;
    w->mul_k = m;
    w->base = (w->o->seed ^ k) * m;
}

static int word_shingle(walk *w, size_t n)
{
    uint64_t h = run_hash(w->o->seed, w->ring, w->o->shingle_words, w->count, n);
    return bti_u64s_push(w->out, h & ~BTI_SHINGLE_NUMBER);
}

static int number_run(walk *w, size_t n)
{
    uint64_t h = run_hash(~w->o->seed, w->nring, BTI_DUPS_NUMBER_RUN, w->ncount, n);
    return bti_u64s_push(w->out, h | BTI_SHINGLE_NUMBER);
}

/* RING_AT: the ring's slot for the next token is kept as the tokens pass, not taken as
 * count % k: k is an option, so that was a 64-bit division a token (~2 M tokens on 3,000
 * corpus records, in the writer: bench/README.md, issue 16, fifteenth pass). */
static inline int walk_token(bti_shingle_walk *w, const bt_token *tok)
{
    size_t k = w->o->shingle_words;
    uint64_t th = word_hash(tok->text, tok->len); /* inlined: a call a token saved */
    uint64_t *slot = &w->ring[w->at];
    w->roll = w->roll * RUN_MUL + th - (w->count >= k ? *slot * w->mul_k : 0);
    *slot = th;
    w->count++;
    w->at = w->at + 1 == k ? 0 : w->at + 1;
    if (w->count >= k) {
        int rc = bti_u64s_push(w->out, mix64(w->base + w->roll) & ~BTI_SHINGLE_NUMBER);
        if (rc)
            return rc;
    }
    if (tok->flags & BT_TOK_NUMBER) {
        w->nring[w->ncount % BTI_DUPS_NUMBER_RUN] = th;
        w->ncount++;
        if (w->ncount >= BTI_DUPS_NUMBER_RUN)
            return number_run(w, BTI_DUPS_NUMBER_RUN);
    }
    return 0;
}

int bti_walk_token(bti_shingle_walk *w, const bt_token *tok) { return walk_token(w, tok); }

/* SINK_WALK: the index's token sink calls the walk itself, its failure kept in the walk. */
int bti_walk_sink_token(void *ctx, const bt_token *tok)
{
    bti_shingle_walk *w = ctx;
    if (walk_token(w, tok))
        w->failed = 1;
    return 0;
}

/* Below this many values an insertion sort beats the radix sort, whose 8 passes each clear
 * and sum 256 counters whatever n is (a one-sentence record has ~15 shingles; templated
 * one-line records made the radix sort a fifth of the cost of adding them). */
#define SMALL_SORT 48

/* Sorts v[0..n) in place: for a few values (SMALL_SORT, HASH_SORT's buckets). */
static inline void insertion_sort(uint64_t *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint64_t x = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

/* Sorts v[0..n) with tmp[0..n) as scratch: least-significant-digit radix sort, 8 passes of
 * a byte, a pass skipped when every value has the same byte there. qsort's calls through a
 * comparison function were a third of the cost of a signature (a few hundred shingles an
 * article); this is linear. */
void bti_sort_u64(uint64_t *v, uint64_t *tmp, size_t n)
{
    if (n <= SMALL_SORT) {
        insertion_sort(v, n);
        return;
    }
    uint64_t *src = v, *dst = tmp;
    for (unsigned shift = 0; shift < 64; shift += 8) {
        size_t count[256] = {0};
        for (size_t i = 0; i < n; i++)
            count[(src[i] >> shift) & 0xFF]++;
        if (count[(src[0] >> shift) & 0xFF] == n)
            continue; /* one byte value: the order stands */
        size_t pos = 0;
        for (int b = 0; b < 256; b++) {
            size_t c = count[b];
            count[b] = pos;
            pos += c;
        }
        for (size_t i = 0; i < n; i++)
            dst[count[(src[i] >> shift) & 0xFF]++] = src[i];
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != v)
        memcpy(v, src, n * sizeof *v);
}

/* HASH_SORT: a shingle set's values are hashes, spread evenly (the number runs in the upper
 * half, BTI_SHINGLE_NUMBER): one pass counts them by their top bits, one scatters them into
 * about n / HASH_BUCKET buckets in order, and each bucket (a few values) is finished by an
 * insertion sort, where the radix sort made 8 passes of counts and moves (~190 instructions
 * a value on the ~465-value sets of VietNews articles: 68 M of the writer's 436 M on 3,000
 * records, sorting the sets of articles with a candidate). A bucket that is not small (values
 * that are not spread) is sorted by the radix sort, so no input costs more than about twice
 * the radix sort. Above 2^HASH_MAX_BITS buckets the counters would not fit a stack frame. */
#define HASH_BUCKET 2
#define HASH_MIN_BITS 4
#define HASH_MAX_BITS 12

void bti_sort_hashes(uint64_t *v, uint64_t *tmp, size_t n)
{
    if (n <= SMALL_SORT) {
        bti_sort_u64(v, tmp, n);
        return;
    }
    unsigned bits = HASH_MIN_BITS;
    while (bits < HASH_MAX_BITS && ((size_t)1 << bits) < n / HASH_BUCKET)
        bits++;
    unsigned shift = 64 - bits;
    size_t nb = (size_t)1 << bits;
    size_t start[((size_t)1 << HASH_MAX_BITS) + 1];
    memset(start, 0, (nb + 1) * sizeof *start);
    for (size_t i = 0; i < n; i++)
        start[(v[i] >> shift) + 1]++;
    for (size_t b = 0; b < nb; b++)
        start[b + 1] += start[b];
    /* scattered into tmp, start[b] moving to the end of bucket b: copied back after */
    for (size_t i = 0; i < n; i++)
        tmp[start[v[i] >> shift]++] = v[i];
    memcpy(v, tmp, n * sizeof *v);
    size_t from = 0;
    for (size_t b = 0; b < nb; b++) {
        size_t to = start[b];
        if (to - from > SMALL_SORT)
            bti_sort_u64(v + from, tmp, to - from);
        else
            insertion_sort(v + from, to - from);
        from = to;
    }
}

int bti_u64s_sort_unique(bti_u64s *a)
{
    if (a->n <= 1)
        return 0;
    if (a->cap < 2 * a->n) { /* the sort's scratch goes after the values */
        uint64_t *v = realloc(a->v, 2 * a->n * sizeof *v);
        if (!v)
            return BT_ENOMEM;
        a->v = v;
        a->cap = 2 * a->n;
    }
    bti_sort_hashes(a->v, a->v + a->n, a->n);
    size_t u = 1;
    for (size_t i = 1; i < a->n; i++)
        if (a->v[i] != a->v[u - 1])
            a->v[u++] = a->v[i];
    a->n = u;
    return 0;
}

int bti_shingles(const bti_dups_opts *o, const char *const *parts, const size_t *lens,
                 size_t nparts, bti_u64s *out)
{
    int rc = bti_shingles_unsorted(o, parts, lens, nparts, out);
    return rc ? rc : bti_u64s_sort_unique(out);
}

void bti_walk_part_start(bti_shingle_walk *w)
{
    w->count = w->ncount = w->at = 0;
    w->roll = 0;
}

/* A part shorter than k tokens (or than a number run) gives one shingle of all of them. */
int bti_walk_part_end(bti_shingle_walk *w)
{
    int rc = 0;
    if (w->count > 0 && w->count < w->o->shingle_words && (rc = word_shingle(w, w->count)))
        return rc;
    if (w->ncount > 0 && w->ncount < BTI_DUPS_NUMBER_RUN)
        rc = number_run(w, w->ncount);
    return rc;
}

void bti_walk_init(bti_shingle_walk *w, const bti_dups_opts *o, bti_u64s *out)
{
    memset(w, 0, sizeof *w);
    w->o = o;
    w->out = out;
    roll_init(w);
    out->n = 0;
}

static int on_token(void *ctx, const bt_token *tok) { return bti_walk_token(ctx, tok); }

int bti_shingles_unsorted(const bti_dups_opts *o, const char *const *parts,
                          const size_t *lens, size_t nparts, bti_u64s *out)
{
    walk w;
    bti_walk_init(&w, o, out);
    for (size_t p = 0; p < nparts; p++) {
        if (!parts[p])
            continue;
        bti_walk_part_start(&w);
        int rc = bt_tokenize(parts[p], lens ? lens[p] : strlen(parts[p]), BT_TOKENIZE_FOLD,
                             on_token, &w);
        if (rc)
            return rc < 0 ? rc : BT_ENOMEM;
        if ((rc = bti_walk_part_end(&w)))
            return rc;
    }
    return 0;
}

int bti_has_words(const uint64_t *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!(set[i] & BTI_SHINGLE_NUMBER))
            return 1;
    return 0;
}

/* ---- signature and band keys --------------------------------------------------------------- */

size_t bti_words_end(const uint64_t *set, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (set[mid] & BTI_SHINGLE_NUMBER)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* Classic MinHash: permutation i maps a shingle hash x to a[i] * x + b[i] (mod 2^64), a[i]
 * odd: a bijection whose high bits depend on every bit of x, one multiply-add per shingle
 * and permutation (the shingle hashes are already uniform, so no further hashing). */
static void minhash_perm(const bti_dups_opts *o, const uint64_t *shingles, size_t n,
                         uint64_t *sig, size_t m)
{
    uint64_t a[BTI_DUPS_MAX_HASHES], b[BTI_DUPS_MAX_HASHES];
    for (size_t i = 0; i < m; i++) {
        a[i] = mix64(o->seed + 2 * i + 1) | 1;
        b[i] = mix64(o->seed + 2 * i + 2);
    }
    for (size_t s = 0; s < n; s++) {
        uint64_t x = shingles[s];
        if (x & BTI_SHINGLE_NUMBER) /* a run of numbers: not in the signature */
            continue;
        for (size_t i = 0; i < m; i++) {
            uint64_t v = a[i] * x + b[i];
            sig[i] = v < sig[i] ? v : sig[i];
        }
    }
}

/* Probes of an empty bin before the fallback scan: with one bin in 64 filled, 256 random
 * probes all miss with probability (63/64)^256 ~ 2%; the scan keeps it deterministic. */
#define DENSIFY_PROBES 256

/* One-permutation MinHash with optimal densification (see dups.h). */
static void minhash_one(const bti_dups_opts *o, const uint64_t *shingles, size_t n,
                        uint64_t *sig, size_t m)
{
    uint64_t salt = mix64(o->seed ^ 0x6F6E657065726D31ull); /* "onepermute1" */
    int any = 0;
    for (size_t s = 0; s < n; s++) {
        uint64_t x = shingles[s];
        if (x & BTI_SHINGLE_NUMBER)
            continue;
        /* the shingle hash has its top bit clear: mixed again so every bin is reachable */
        uint64_t v = mix64(x ^ salt);
        size_t bin = (size_t)(((v >> 32) * m) >> 32);
        sig[bin] = v < sig[bin] ? v : sig[bin];
        any = 1;
    }
    if (!any)
        return; /* no words: all UINT64_MAX */
    uint64_t filled[BTI_DUPS_MAX_HASHES / 64] = {0};
    for (size_t i = 0; i < m; i++)
        if (sig[i] != UINT64_MAX)
            filled[i / 64] |= UINT64_C(1) << (i % 64);
    for (size_t i = 0; i < m; i++) {
        if (filled[i / 64] >> (i % 64) & 1)
            continue;
        size_t from = m;
        for (uint64_t t = 0; t < DENSIFY_PROBES && from == m; t++) {
            size_t j = (size_t)(((mix64(salt + ((uint64_t)i << 32 | t)) >> 32) * m) >> 32);
            if (filled[j / 64] >> (j % 64) & 1)
                from = j;
        }
        for (size_t k = 1; from == m; k++) /* a filled bin exists: `any` */
            if (filled[(i + k) % m / 64] >> ((i + k) % m % 64) & 1)
                from = (i + k) % m;
        sig[i] = sig[from];
    }
}

void bti_minhash(const bti_dups_opts *o, const uint64_t *shingles, size_t n, uint64_t *sig)
{
    size_t m = (size_t)o->bands * o->rows;
    for (size_t i = 0; i < m; i++)
        sig[i] = UINT64_MAX;
    if (o->one_permutation)
        minhash_one(o, shingles, n, sig, m);
    else
        minhash_perm(o, shingles, n, sig, m);
}

void bti_band_keys(const bti_dups_opts *o, const uint64_t *sig, uint64_t *keys)
{
    for (unsigned b = 0; b < o->bands; b++) {
        uint64_t h = mix64(o->seed ^ (0xB5AD4ECEDA1CE2A9ull * (b + 1)));
        for (unsigned r = 0; r < o->rows; r++)
            h = mix64(h ^ sig[(size_t)b * o->rows + r]);
        keys[b] = h;
    }
}

/* ---- exact check --------------------------------------------------------------------------- */

_Static_assert(BTI_SHINGLE_NUMBER == UINT64_C(1) << 63, "the merge takes the top bit");

/* MERGE_BRANCHLESS: the two sorted sets are walked without a branch on their values (the
 * steps and counts are computed from the comparisons): the values are hashes, so which set
 * steps next is a coin toss that the branches of a plain merge mispredicted half the time. */
void bti_overlap_of(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                    bti_overlap *ov)
{
    size_t i = 0, j = 0, inter = 0, num_inter = 0;
    while (i < na && j < nb) {
        uint64_t x = a[i], y = b[j];
        size_t eq = x == y, num = (size_t)(x >> 63); /* BTI_SHINGLE_NUMBER */
        num_inter += eq & num;
        inter += eq & (num ^ 1);
        i += x <= y;
        j += y <= x;
    }
    size_t wa = bti_words_end(a, na), wb = bti_words_end(b, nb);
    ov->inter = inter;
    ov->na = wa;
    ov->nb = wb;
    size_t uni = wa + wb - inter, small = wa < wb ? wa : wb;
    ov->jaccard = uni ? (double)inter / (double)uni : 0;
    ov->containment = small ? (double)inter / (double)small : 0;
    ov->num_a = na - wa;
    ov->num_b = nb - wb;
    size_t nsmall = ov->num_a < ov->num_b ? ov->num_a : ov->num_b;
    ov->num_containment = nsmall ? (double)num_inter / (double)nsmall : 0;
}

int bti_dups_match(const bti_dups_opts *o, const bti_overlap *ov)
{
    if (!ov->inter)
        return 0;
    size_t nsmall = ov->num_a < ov->num_b ? ov->num_a : ov->num_b;
    if (o->min_number_runs && nsmall >= o->min_number_runs &&
        ov->num_containment < o->min_number_containment)
        return 0; /* the same wording around other figures: a template page */
    if (ov->jaccard >= o->min_jaccard)
        return 1;
    size_t small = ov->na < ov->nb ? ov->na : ov->nb;
    return small >= o->min_containment_shingles && ov->containment >= o->min_containment;
}
