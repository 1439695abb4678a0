/* dups.h: near-duplicate detection, the algorithmic core (internal to the connect stage).
 *
 * An article becomes the sorted set of 64-bit hashes of its word k-shingles over the folded
 * text (title, lede, paragraphs: shingles never cross a part, so reordered paragraphs keep
 * every shingle), followed by the hashes of its runs of consecutive numbers. The words are
 * bt_tokenize's folded keys (BT_TOKENIZE_FOLD), not the accented ones: a copy with its marks
 * stripped must agree with its original, and folding makes tone placement (hoà/hòa) moot;
 * over five words, what folding conflates (hoa/hòa) costs nothing. The word shingles give a
 * MinHash signature (bands x rows 64-bit minima), the signature one 64-bit key per band (the
 * band number is mixed into the key, so one key -> ids table serves all bands). Articles
 * sharing a band key are candidates; each candidate pair is verified exactly on the sets, by
 * Jaccard or by containment (|A∩B| / min(|A|,|B|): an article quoted whole in a longer
 * one), and the number runs must agree (template pages). Verified pairs are joined into
 * groups whose original is the earliest article (published, then order of arrival).
 *
 * The band index is an interface (bti_band_index): band_db.c backs it with the store's
 * dup_bands table (connect.h: what ingest uses, article by article, in the store's file);
 * bti_band_mem is the in-memory one for tests and the bench. bti_dups is an in-memory
 * collection (index + shingle sets) that adds articles one at a time as the store's writer
 * does: adding costs one look-up per band, never a scan.
 *
 * Nothing here keeps global state; every object has one owner; calls on different objects
 * are thread-safe. */
#ifndef BT_CONNECT_DUPS_H
#define BT_CONNECT_DUPS_H

#include "bantin/common.h"
#include "bantin/text.h"

#include <stddef.h>
#include <stdint.h>

/* ---- options ---------------------------------------------------------------------------- */

/* Defaults, each tuned on the dev half of bench/dups_gold.py's gold (bench/README.md). */

/* Words (syllables: Vietnamese is written a syllable a word) per shingle. 5 keeps shingles
 * distinctive (a random 5-syllable run rarely recurs across unrelated news) while one edited
 * word only disturbs 5 shingles; 3 and 4 let boilerplate phrases link unrelated articles. */
#define BTI_DUPS_SHINGLE_WORDS 5
/* Bands x rows of the signature, and MIN_SHARED_KEYS: the band keys a candidate must share.
 * One row a band, 16 bands, and a candidate shares 2 of the 16 keys or more: two sets share
 * a key with probability J (their Jaccard) a band, so a pair at J 0.25 (an article quoted
 * whole inside one four times longer, which containment then accepts) is a candidate with
 * probability 1 - 0.75^16 - 16 x 0.25 x 0.75^15 = 0.94, at J 0.5 with 0.9997, while a random
 * pair (J ~0.01) needs two chance agreements (~0.01). The former 32 bands x 2 rows
 * (1 - (1 - J^2)^32: 0.87 at J 0.25) wrote twice the band rows, the largest part of the
 * writer's cost of a signature (bench/README.md, seventh pass, wt-xconn11); one key shared
 * is enough for a candidate only with twice the bands (8x the candidates on the gold).
 * Recall on both halves of the gold is the same or higher, precision the same. */
#define BTI_DUPS_BANDS 16
#define BTI_DUPS_ROWS 1
#define BTI_DUPS_MIN_SHARED 2
/* Jaccard of the shingle sets at or above which two articles are duplicates: a copy with a
 * rewritten headline, swapped lede, furniture and 10-25% of paragraphs dropped stays above
 * 0.5, while follow-ups sharing background paragraphs stay far below. */
#define BTI_DUPS_MIN_JACCARD 0.5
/* Containment (share of the smaller set found in the other) at or above which two articles
 * are duplicates: an abridged copy (60-80% of the original) or an article quoted whole in a
 * longer one scores 0.9-1.0; a re-publication whose every sentence was lightly edited (a
 * word changed, "Theo đó" -> "Theo đại diện Công an phường") keeps 0.7-0.8, and 0.7 is where
 * the dev half of the gold stops gaining recall without losing precision (0.65 joins
 * follow-ups that reuse most of a story's background); a different article sharing one or
 * two paragraphs scores under 0.4. */
#define BTI_DUPS_MIN_CONTAINMENT 0.7
/* Containment is only trusted when the smaller set has at least this many shingles: a
 * one-line text (a caption, "Ảnh: Reuters") is contained in thousands of articles without
 * being a copy of any. About two sentences. */
#define BTI_DUPS_MIN_CONTAINMENT_SHINGLES 30
/* Template pages (weather by region, gold prices, lottery results) repeat the same wording
 * around other figures, and their word Jaccard can pass any threshold copies pass; a
 * figure within a template's words (a temperature among 15 likely ones) even recurs in the
 * word shingles. A copy keeps the figures of its original in their order, so the set also
 * holds a hash of every run of BTI_DUPS_NUMBER_RUN consecutive numbers of a paragraph (the
 * words between ignored; a paragraph with fewer gives one run of all), and when both
 * articles have at least BTI_DUPS_MIN_NUMBER_RUNS runs, at least
 * BTI_DUPS_MIN_NUMBER_CONTAINMENT of the smaller one's must be in the other. Three numbers a
 * run: a run of random figures recurs by chance once in thousands; on the dev half, 0.3
 * let 2% of the weather pages of one template through and 0.7 lost lightly edited
 * re-publications (corpus near pairs found 88% -> 75% with 5 runs); 0.5 loses none. */
#define BTI_DUPS_NUMBER_RUN 3
#define BTI_DUPS_MIN_NUMBER_CONTAINMENT 0.5
/* Below this many runs the figures say too little (a story with a date and an age or two):
 * the check is skipped. */
#define BTI_DUPS_MIN_NUMBER_RUNS 10
/* At most this many ids read from one band bucket (newest first). A bucket holding more is a
 * key shared by some template (a headline pattern, one sentence repeated with another
 * figure), not by one article's copies: 20,000 such records made each addition read
 * thousands of ids. An article joins its group through any one verified member, and a
 * group's newest members are the ones kept, so larger groups are still found whole. 16 and
 * 500 give the same pairs on both halves of the gold (bench/README.md). */
#define BTI_DUPS_MAX_BUCKET 16
/* At most this many candidates verified per addition, those sharing the most band keys
 * first (the share of bands two signatures share estimates J^rows: a copy at J >= 0.5
 * shares about 8 of 16, an edited re-publication at J 0.8 about 13, a sibling of a template
 * at J 0.2-0.4 3-6). Templated short texts (one sentence differing by a number) make every
 * earlier record a candidate: verifying them all made an addition cost the size of the
 * collection (3 minutes for 20,000 such records). Real lists are far shorter (0.6 candidates
 * an article on the gold), and one verified link is all a group needs. CROWDED_LAST: keys
 * whose bucket was read to BTI_DUPS_MAX_BUCKET are a template's, and their newest ids would
 * outrank an early copy sharing fewer keys in all; the candidates sharing the most keys in
 * buckets with room are taken first (then the most keys, then the newest). */
#define BTI_DUPS_MAX_VERIFY 16
/* Upper bound of bands x rows. */
#define BTI_DUPS_MAX_HASHES 256
#define BTI_DUPS_MAX_SHINGLE_WORDS 16

typedef struct bti_dups_opts {
    unsigned shingle_words;         /* k */
    unsigned bands, rows;           /* signature = bands * rows minima */
    unsigned min_shared;            /* band keys a candidate must share (MIN_SHARED_KEYS) */
    double min_jaccard;             /* a pair is a duplicate when J >= min_jaccard */
    double min_containment;         /* ... or C >= min_containment */
    size_t min_containment_shingles; /* ... and the smaller set has this many shingles */
    size_t max_bucket;              /* ids read per band key; 0 = no limit */
    size_t max_verify;              /* candidates verified per addition; 0 = no limit */
    double min_number_containment;  /* ... unless the figures disagree: see above */
    size_t min_number_runs;         /* 0: no check of the figures */
    uint64_t seed;                  /* of the permutations and band keys: a stored index
                                       must keep its seed */
    int verify;                     /* 0: every candidate is a duplicate (plain LSH, for the
                                       bench's comparison); else the exact check */
    int one_permutation;            /* 1 (default): one hash a shingle, binned (bti_minhash);
                                       0: bands x rows permutations (the classic scheme, for
                                       the bench's plain MinHash-LSH) */
} bti_dups_opts;

/* The defaults above. */
void bti_dups_opts_init(bti_dups_opts *o);
/* BT_EINVAL (with the reason in err) when an option is out of range. */
int bti_dups_opts_check(const bti_dups_opts *o, bt_error *err);

/* ---- shingles, signatures, verification -------------------------------------------------- */

/* A growable array of 64-bit values, owned by whoever holds it; zeroed = empty. */
typedef struct bti_u64s {
    uint64_t *v;
    size_t n, cap;
} bti_u64s;

/* Appends x: 0 or BT_ENOMEM. PUSH_INLINE: one store unless full (a call a value was ~20
 * instructions, 26 M of the signatures on 3,000 records: 1.3 M shingles). */
int bti_u64s_push_grow(bti_u64s *a, uint64_t x);
static inline int bti_u64s_push(bti_u64s *a, uint64_t x)
{
    if (a->n == a->cap)
        return bti_u64s_push_grow(a, x);
    a->v[a->n++] = x;
    return 0;
}
void bti_u64s_free(bti_u64s *a);
/* Sorts v[0..n) ascending, tmp[0..n) as scratch (linear: a radix sort past a few dozen). */
void bti_sort_u64(uint64_t *v, uint64_t *tmp, size_t n);
/* The same for hashes, values spread evenly (HASH_SORT, shingle.c): faster on them, correct
 * on any values. */
void bti_sort_hashes(uint64_t *v, uint64_t *tmp, size_t n);
/* Sorts a ascending (bti_sort_hashes: its values are shingle hashes) and drops repeats.
 * 0 or BT_ENOMEM. */
int bti_u64s_sort_unique(bti_u64s *a);

/* The top bit of a set's element: clear for a word shingle, set for a run of numbers (see
 * BTI_DUPS_NUMBER_RUN), so that a sorted set holds its word shingles first. */
#define BTI_SHINGLE_NUMBER (UINT64_C(1) << 63)

/* The sorted unique shingle hashes of the parts (title, lede, each paragraph; NULL parts
 * are skipped) into *out (reset first), then the hashes of their number runs. Tokens are bt_tokenize's folded keys, so case, tone
 * placement and marks do not matter; a part with fewer than k tokens gives one shingle of
 * all its tokens. Empty text gives an empty set. 0 or BT_ENOMEM. */
int bti_shingles(const bti_dups_opts *o, const char *const *parts, const size_t *lens,
                 size_t nparts, bti_u64s *out);

/* The same hashes, neither sorted nor unique: enough for a signature, which is all most
 * articles need (the sort is for the exact check of a candidate, which most never have). */
int bti_shingles_unsorted(const bti_dups_opts *o, const char *const *parts,
                          const size_t *lens, size_t nparts, bti_u64s *out);

/* The walk that makes the shingles of a stream of tokens, part by part (bti_shingles_unsorted
 * runs it on bt_tokenize's tokens; INDEX_TOKENS, connect.h, on the FTS index's): the same
 * hashes whichever tokenisation hands it the same folded tokens with the same part
 * boundaries. init resets `out`; each part between part_start and part_end; token and
 * part_end: 0 or BT_ENOMEM. */
typedef struct bti_shingle_walk {
    const bti_dups_opts *o;
    bti_u64s *out;
    uint64_t ring[BTI_DUPS_MAX_SHINGLE_WORDS]; /* the last k token hashes */
    size_t count;                              /* tokens of the current part so far */
    size_t at;                                 /* RING_AT: count % k, the next token's slot */
    uint64_t roll;                             /* ROLLING_SHINGLE: the ring's polynomial */
    uint64_t mul_k, base;                      /* RUN_MUL^k; run_hash's seed term for k */
    uint64_t nring[BTI_DUPS_NUMBER_RUN];       /* the last numbers' hashes */
    size_t ncount;                             /* numbers of the current part so far */
    int failed;                                /* a shingle could not be kept (sink_token) */
} bti_shingle_walk;
void bti_walk_init(bti_shingle_walk *w, const bti_dups_opts *o, bti_u64s *out);
void bti_walk_part_start(bti_shingle_walk *w);
int bti_walk_token(bti_shingle_walk *w, const bt_token *tok);
/* The same as a token sink's callback (store/db.h) takes it, `ctx` a bti_shingle_walk: 0
 * always, a failure kept in the walk's `failed` (SINK_WALK). */
int bti_walk_sink_token(void *ctx, const bt_token *tok);
int bti_walk_part_end(bti_shingle_walk *w);

/* WORD_HASH: the hash of one token (its folded key) in a shingle (shingle.c). */
uint64_t bti_word_hash(const char *text, size_t len);
/* The index of the first number run of a sorted set (= its count of word shingles). */
size_t bti_words_end(const uint64_t *set, size_t n);
/* 1 when a set (sorted or not) holds a word shingle. */
int bti_has_words(const uint64_t *set, size_t n);

/* The MinHash signature (o->bands * o->rows values) of a set's word shingles (sorted or not;
 * repeats do not matter; number runs are skipped). A set without words gives all UINT64_MAX
 * (such an article is never indexed).
 *
 * With o->one_permutation (the default), one-permutation MinHash (Li, Owen and Zhang 2012):
 * each shingle is hashed once, the hash's high bits pick one of the m = bands x rows bins
 * and the bin keeps its least hash; a bin no shingle fell in takes the value of the first
 * non-empty bin along its own pseudo-random probe sequence (optimal densification,
 * Shrivastava 2017), so that two sets' bins still agree with probability their Jaccard.
 * One hash a shingle instead of m multiply-adds: m = 64 permutations were half of the cost
 * of an article's signature. Otherwise m independent permutations (one multiply-add each). */
void bti_minhash(const bti_dups_opts *o, const uint64_t *shingles, size_t n, uint64_t *sig);

/* The o->bands band keys of a signature; band b's key depends on b, so keys of different
 * bands never meet by construction. */
void bti_band_keys(const bti_dups_opts *o, const uint64_t *sig, uint64_t *keys);

/* Word-shingle overlap (number runs apart). */
typedef struct bti_overlap {
    size_t inter, na, nb;
    double jaccard;     /* |A∩B| / |A∪B| */
    double containment; /* |A∩B| / min(|A|,|B|) */
    size_t num_a, num_b;    /* number runs of each */
    double num_containment; /* containment of the number runs */
} bti_overlap;

/* Exact overlap of two sorted unique sets (linear merge). Empty sets give 0 and 0. */
void bti_overlap_of(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                    bti_overlap *ov);

/* 1 when the overlap makes a duplicate under o's thresholds: Jaccard or containment high
 * enough, and the figures agree when both articles have enough of them. */
int bti_dups_match(const bti_dups_opts *o, const bti_overlap *ov);

/* ---- the band index: band key -> article ids ----------------------------------------------- */

/* What a band index does; band_db.c implements it over the table dup_bands(key, article)
 * keyed on (key, article DESC). `find` calls cb for the ids under `key`, newest first, and stops
 * when cb returns non-zero (that value is returned; BTI_STOP is not an error). */
#define BTI_STOP 1
typedef struct bti_band_index {
    void *self;
    int (*find)(void *self, uint64_t key, int (*cb)(void *ctx, int64_t id), void *ctx);
    int (*add)(void *self, uint64_t key, int64_t id);
    int (*remove)(void *self, uint64_t key, int64_t id); /* 0 also when absent */
    /* Optional (NULL: find and add per key): the same for all n keys of an article at once,
     * which an index over a database does in one statement instead of n. find_all calls
     * cb(ctx, key, id) for the ids under each of the keys, newest first within a key (any
     * order of keys), at most max_per_key of them a key (0: all), until cb returns
     * non-zero. */
    int (*find_all)(void *self, const uint64_t *keys, unsigned n, size_t max_per_key,
                    int (*cb)(void *ctx, uint64_t key, int64_t id), void *ctx);
    int (*add_all)(void *self, const uint64_t *keys, unsigned n, int64_t id);
} bti_band_index;

typedef struct bti_band_mem bti_band_mem;

int bti_band_mem_new(bti_band_mem **out);
void bti_band_mem_free(bti_band_mem *m);
/* The interface of m (m stays owned by its creator). */
bti_band_index bti_band_mem_index(bti_band_mem *m);

/* The distinct ids (other than `self`) under any of the keys, at most o->max_bucket per key,
 * into *out (reset first), sorted. When there are more than o->max_verify, only the
 * o->max_verify under the most keys are kept (ties: the newest). One index look-up per key. */
int bti_dups_candidates(const bti_dups_opts *o, const bti_band_index *ix, const uint64_t *keys,
                        int64_t self, bti_u64s *out);

/* ---- grouping ------------------------------------------------------------------------------ */

/* Published time of an article without a date: after every dated one. */
#define BTI_DUPS_NO_DATE INT64_MAX

typedef struct bti_dup_member {
    int64_t id;
    int64_t published; /* seconds since the epoch, or BTI_DUPS_NO_DATE */
    uint64_t seq;      /* order of arrival */
} bti_dup_member;

typedef struct bti_dup_pair {
    int64_t a, b; /* ids */
    double jaccard, containment;
} bti_dup_pair;

/* Groups: members[start[g] .. start[g+1]) is group g, its original first (earliest
 * published, then earliest seq), then the copies in the same order. Only groups of two or
 * more; groups ordered by their original. */
typedef struct bti_dup_groups {
    bti_dup_member *members;
    size_t *start; /* n + 1 offsets */
    size_t n;      /* groups */
} bti_dup_groups;

/* Union of the pairs over the articles `all` (pairs naming an id not in `all` are
 * ignored). 0 or BT_ENOMEM; *out is reset first; free with bti_dup_groups_free. */
int bti_dup_group(const bti_dup_member *all, size_t nall, const bti_dup_pair *pairs,
                  size_t npairs, bti_dup_groups *out);
void bti_dup_groups_free(bti_dup_groups *g);

/* ---- an in-memory collection --------------------------------------------------------------- */

typedef struct bti_dups bti_dups;

/* A collection with options o (copied; checked) over index ix, or over an own in-memory
 * index when ix is NULL (ix, when given, must outlive the collection). */
int bti_dups_new(const bti_dups_opts *o, const bti_band_index *ix, bti_dups **out,
                 bt_error *err);
void bti_dups_free(bti_dups *d);

/* Adds an article: shingles, signature, one look-up per band, exact check of each candidate,
 * then its band keys go into the index. The verified pairs it forms are appended to the
 * collection's pairs. `id` must be new (BT_EEXIST otherwise). An article with no tokens is
 * kept but never matched. 0, BT_EEXIST or BT_ENOMEM. */
int bti_dups_add(bti_dups *d, int64_t id, int64_t published, const char *const *parts,
                 const size_t *lens, size_t nparts, bt_error *err);

/* The same with the shingle set already made (sorted unique, copied). */
int bti_dups_add_shingles(bti_dups *d, int64_t id, int64_t published, const uint64_t *sh,
                          size_t n, bt_error *err);

/* Every verified pair so far (owned by d, valid until the next add). */
const bti_dup_pair *bti_dups_pairs(const bti_dups *d, size_t *n);

/* Candidate pairs looked at so far (verified or not): the cost of the exact check. */
size_t bti_dups_candidates_seen(const bti_dups *d);

/* The groups of the collection (see bti_dup_group). */
int bti_dups_groups(const bti_dups *d, bti_dup_groups *out);

/* Exact overlap of two articles of the collection; BT_ENOTFOUND for an unknown id. */
int bti_dups_compare(const bti_dups *d, int64_t a, int64_t b, bti_overlap *ov);

#endif
