/* story_internal.h: what story.c and story_terms.c share: the term dictionary (terms to ids,
 * with the document frequencies the IDF is learnt from) and the turning of a document into a
 * weighted term vector. */
#ifndef BT_CONNECT_STORY_INTERNAL_H
#define BT_CONNECT_STORY_INTERNAL_H

#include "core/buf.h"
#include "connect/story.h"

#include <stddef.h>
#include <stdint.h>

/* Interned terms: folded words and "word word" pairs, ids in order of first appearance. */
typedef struct bti_story_dict {
    char *chars;      /* NUL-separated term strings */
    size_t nchars, capchars;
    uint32_t *off;    /* term id -> offset in chars */
    uint32_t *df;     /* term id -> documents holding it */
    uint32_t *seen;   /* term id -> times read inside a sentence-case line, */
    uint32_t *caps;   /* and how many of those times it was capitalised: names */
    uint32_t n, cap;  /* terms */
    uint32_t *slots;  /* open addressing: term id + 1, 0 empty */
    uint64_t *hash;   /* term id -> hash, to grow the table without rehashing strings */
    uint32_t nslots;  /* a power of two */
    uint64_t ndocs;   /* documents counted in df */
    /* PAIR_CACHE (story_terms.c): (first id, second id) -> pair term id + 1, 0 empty; a
     * cache, not saved: empty after a load, bounded */
    uint64_t *pkey;
    uint32_t *pval;
    uint32_t npairs, npslots;
    /* WORD_CACHE (story_terms.c): a word of at most 8 bytes, packed -> its term id; a cache,
     * not saved: made at the first vector, empty after a load */
    struct bti_word_slot *wcache;
} bti_story_dict;

typedef struct bti_word_slot {
    uint64_t key; /* the packed word; 0: empty */
    uint32_t id;
} bti_word_slot;

void bti_story_dict_free(bti_story_dict *d);
/* Room for `terms` more terms (the arrays, the table at most half full) and `pairs` more in
 * the pair cache (up to its bound), made at once: RESERVE_AHEAD (story.c). Only the room
 * changes. 0 or BT_ENOMEM. */
int bti_story_dict_reserve(bti_story_dict *d, uint32_t terms, uint32_t pairs);
static inline const char *bti_story_dict_term(const bti_story_dict *d, uint32_t id)
{
    return d->chars + d->off[id];
}

/* 1 when the stop lists are in strcmp order, as their binary search needs (for the tests). */
int bti_story_stop_sorted(void);
/* A stop list (vi: the Vietnamese one), its length in *n (for the tests). */
const char *const *bti_story_stop_words(int vi, size_t *n);

/* A sparse vector sorted by term id. */
typedef struct bti_svec {
    uint32_t *id;
    float *w;
    uint32_t n, cap;
} bti_svec;

void bti_svec_free(bti_svec *v);
int bti_svec_reserve(bti_svec *v, uint32_t n);

/* A term and its weight. Vectors are cut to their heaviest terms in the order "heavier
 * first, then the lower id": a total order over distinct ids, so the cut does not depend
 * on how it is computed. */
typedef struct bti_story_tw {
    uint32_t id;
    float w;
} bti_story_tw;

/* The entry of rank k (from 0) of a[0..n) in that order; a may be reordered. A selection,
 * linear on average: the cuts were qsorts of the whole vector, a fifth of the clustering's
 * time. */
bti_story_tw bti_story_kth(bti_story_tw *a, size_t n, size_t k);

/* 1 when x comes before y in that order. */
static inline int bti_story_tw_before(bti_story_tw x, bti_story_tw y)
{
    return x.w > y.w || (x.w == y.w && x.id < y.id);
}

/* STOP_HASHED (story_terms.c): slots of a stop list's table (a power of two, 4x the list). */
#define BTI_STORY_STOP_SLOTS 512

/* Scratch of bti_story_vector, kept between calls to save allocations. */
typedef struct bti_story_scratch {
    void *toks;
    size_t ntoks, captoks;
    char *chars;
    size_t nchars, capchars;
    void *tid;        /* (term, weight) entries before they are merged */
    size_t nt, capt;
    /* STOP_PACKED, STOP_HASHED (story_terms.c): the stop words (English, Vietnamese) as
     * 8-byte integers in open-addressed tables, made at the first vector */
    uint64_t stop_slots[2][BTI_STORY_STOP_SLOTS];
    int stop_ready;
} bti_story_scratch;

void bti_story_scratch_free(bti_story_scratch *s);

/* Turns `doc` into its unit-length TF-IDF vector `out` (sorted by id, at most cfg->doc_terms
 * terms, empty when the document has no words), counting the document's terms in the
 * dictionary's document frequencies first. Returns 0 or BT_ENOMEM. */
int bti_story_vector(bti_story_dict *d, bti_story_scratch *s, const bti_story_config *cfg,
                     const bti_story_doc *doc, bti_svec *out);

/* ---- the clustering's state (story.c; saved and loaded by story_state.c) ---- */

/* STORY_HOT_FIRST: what the centroid walk asks of every story under a term (is it merged,
 * in the window) comes first, in 16 bytes that never straddle a cache line (the records are
 * 80 bytes: at offsets 0, 16, 32 and 48 of one), then the centroid that a stale weight is
 * read from. The walks themselves read the story's copy of these in its walk record
 * (STORY_WALK_LINE): these are the ones saved and read everywhere else. */
typedef struct story {
    int64_t last;
    uint32_t merged_into; /* BTI_STORY_NONE while alive */
    int64_t first;
    bti_svec c;         /* centroid: the sum of its documents' unit vectors, faded, truncated */
    double norm;
    uint32_t size;        /* documents that shape it: its members but reprints (story.c) */
    uint32_t nmem, capmem;
    unsigned char dirty;  /* changed since its last merge check */
    uint32_t *mem;
} story;

/* How many of a story's members most similar to a document make its neighbour score. */
#define KNN 3

/* STORY_WALK_LINE: everything the walks read and write of a story a posting, in one
 * 64-byte record aligned to a cache line: the copies of its window dates and whether it was
 * merged (story.c keeps them equal to the story's: new_story, bti_story_add, merge_into,
 * bti_story_reindex), its centroid's version, and the walk's sums and stamps for it. They
 * were ten arrays beside the 80-byte story records (acc, accmax, acc_stamp, seen, nshare,
 * nknn, knn, kround, and the story's own first line): a posting of the centroid walk read
 * from seven places, each a line of its own in memory. The same values, read and written in
 * the same order. */
typedef struct story_walk {
    int64_t last, first;  /* the story's (copies) */
    uint32_t merged;      /* 1 when the story was merged into another (merged_into set) */
    uint32_t cver;        /* changes with the centroid (not saved: 1 after a load) */
    uint32_t seen;        /* the walk's per-term stamp: a story listed twice under a term */
    uint32_t acc_stamp;   /* the walk's stamp when its sums below were zeroed */
    float acc;            /* dot product of the current walk */
    float accmax;         /* the largest one term's part of it */
    float knn[KNN];       /* its KNN best member cosines, in descending order */
    uint32_t kround;      /* the walk's stamp when a member came near enough for its
                             neighbour score to count (KNN_BOUND) */
    uint16_t nshare;      /* terms of the current walk found in its centroid */
    unsigned char nknn;   /* entries of knn */
} story_walk;
_Static_assert(sizeof(story_walk) == 64, "a story's walk record is one cache line");

typedef struct doc_rec {
    uint32_t story;   /* the story it joined, or one it was merged into (follow merged_into
                         for the survivor) */
    uint32_t joined;  /* the story it joined, never changed: what is saved (PARTS_SHARED) */
    uint32_t voff, vn; /* its vector in the pooled arrays */
    uint32_t toff;    /* its title in the title pool */
    int64_t date;
} doc_rec;

/* A story under a term, with the term's weight in its centroid as of the centroid's version
 * `ver` (0: not read yet). A walk reads the weight here while the centroid is unchanged
 * instead of searching the centroid: most stories under a common term are quiet. */
typedef struct spost {
    uint32_t story, ver;
    float w;
} spost;

typedef struct plist {
    spost *s;
    uint32_t n, cap;
} plist;

/* A recent document under a term, with the term's weight in it. */
typedef struct dpost {
    uint32_t doc;
    float w;
} dpost;

/* Documents under a term in order of arrival; those before `start` have left the window.
 * HEAD_DOC: `head` is the document at `start` (when start < n), kept as start moves and as a
 * document is put on an empty window, so that the neighbour walk asks whether the window's
 * first document has left it without reading that posting: for a term of more than
 * KNN_RECENT documents it is read for nothing else, and the read was ~5% of the clustering on
 * 3,000 articles. (Its date kept instead made the entries 32 bytes, not 24: more of the
 * table's pages touched.) */
typedef struct dlist {
    dpost *p;
    uint32_t start, n, cap;
    uint32_t head;
} dlist;

/* The neighbour walk reads the newest this many documents under each term: the nearest
 * members of a live story are recent, and a word common enough to have more (a city's
 * name over a week of news) adds little to a cosine and much to the time. The dev sets
 * score the same with 300 and 1,000. */
#define KNN_RECENT 300u

struct bti_story_set {
    bti_story_config cfg;
    bti_story_dict dict;
    bti_story_scratch scratch;
    bti_svec vec;          /* the current document's vector */
    void *wids;            /* centroid arithmetic (story.c) */
    size_t capwids;
    story *st;
    uint32_t nst, capst;
    doc_rec *docs;
    uint32_t ndocs, capdocs;
    uint32_t *vid;         /* pooled document vectors */
    float *vw;
    size_t nv, capv;
    char *titles;
    size_t ntitles, captitles;
    plist *idx;            /* term id -> stories */
    uint32_t nidx;
    /* IDX_TOP: 1 + the largest term id ever given a story list; the walk reads no entry at or
     * above it (all empty). A new term's id is the dictionary's newest, so a walk asking it
     * read a page of the table never touched (TABLE_CALLOC: a fault to map it, and a second
     * when the term's list was made): ~270 page faults on 3,000 articles */
    uint32_t idx_top;
    story_walk *sw;        /* story id -> its walk record (STORY_WALK_LINE) */
    uint32_t *touched;
    uint32_t ntouched;
    uint32_t capwalk;      /* stories sw, touched and knear hold */
    uint32_t stamp, seen_stamp;
    dlist *didx;           /* term id -> recent documents */
    uint32_t ndidx;
    float *dacc;           /* document -> dot product with the current one */
    uint32_t *dacc_stamp;
    uint32_t *dtouched;
    uint32_t ndtouched, capd, dstamp;
    uint32_t *knear;       /* the stories a member of which came near enough (kround),
                              this walk's (KNN_BY_MEMBERS) */
    unsigned char knn_all; /* rank every touched document's story (KNN_BOUND off: tests) */
    uint64_t knn_ranked;   /* touched documents ranked among their story's nearest (tests) */
    int64_t now;           /* the latest date seen */
    int have_now;
    uint32_t since_merge;
    uint32_t want_docs;    /* while loading by parts: the documents the core counts, */
    size_t want_nv;        /* and their vectors' entries */
};

/* Rebuilds what a set derives from its stories and documents (the term indexes, the walk
 * arrays) after story_state.c has loaded them. 0 or BT_ENOMEM. */
int bti_story_reindex(bti_story_set *s);

#endif
