/* story.h: online story clustering, the algorithmic core (internal; the public bt_story_* API
 * comes when it is wired into the store).
 *
 * Documents arrive one at a time (title, optional text, date, language). Each is turned into
 * a TF-IDF vector (IDF learnt from the documents seen so far) over folded words and, for
 * Vietnamese, syllable pairs, with names weighted up and stop words dropped; it joins the
 * story whose sparse centroid it is most similar to among the stories active in the time
 * window (or to its members nearest the document), decayed by the time since the story's
 * last document, when that similarity passes a threshold, else it starts a new story.
 * Candidate stories come from inverted indexes of terms to recent stories and to recent
 * documents, never from a scan of all stories. Every so often stories whose centroids have
 * converged are merged.
 *
 * The result depends only on the configuration and the order of arrival. One bti_story_set
 * is one clustering; it is not thread-safe (one writer, as the store's writer thread). */
#ifndef BT_CONNECT_STORY_H
#define BT_CONNECT_STORY_H

#include "bantin/common.h"

#include <stddef.h>
#include <stdint.h>

/* A document's date when it has none: it is taken to be as late as the latest seen. */
#define BTI_STORY_NO_DATE INT64_MIN
#define BTI_STORY_NONE UINT32_MAX

typedef struct bti_story_config {
    double window_days;     /* a story takes documents up to this long after its last one */
    double threshold;       /* least similarity (cosine, after decay) to join a story */
    double merge_threshold; /* least centroid cosine at which two stories are merged */
    uint32_t merge_every;   /* documents between merge passes (0: only bti_story_merge) */
    double decay_days;      /* similarity halves for each this many days since the story's
                               last document (0: no decay) */
    double decay_floor;     /* but never below this factor, so that a retelling of a quiet
                               story still joins it within the window */
    double fade_days;       /* a centroid's old contributions halve every this many days, so
                               that a story follows its news (0: no fading) */
    uint32_t centroid_terms; /* a story's centroid keeps its top this many terms */
    uint32_t doc_terms;     /* a document's vector keeps its top this many terms */
    double name_boost;      /* weight of a name's words and pairs against ordinary words */
    double pair_weight;     /* weight of a Vietnamese syllable pair (a word) */
    double syllable_weight; /* weight of a lone Vietnamese syllable */
    double en_pair_weight;  /* weight of an adjacent word pair in other languages */
    double text_weight;     /* weight of the text's words against the title's */
    uint32_t text_tokens;   /* only the text's first this many tokens count (the lede) */
    double knn;             /* also score a story by its members nearest the document, their
                               mean cosine times this (0: the centroid alone) */
    double one_term_discount; /* this share of the largest one term's part of a document's
                               dot product with a centroid is taken off */
    double adopt_factor;    /* a merge pass re-judges a lone document at threshold x this */
} bti_story_config;

/* The defaults, one configuration for every language and set (see bench/README.md). */
void bti_story_config_default(bti_story_config *cfg);

typedef struct bti_story_doc {
    const char *title; /* UTF-8; may be NULL or empty */
    size_t title_len;
    const char *text;  /* UTF-8 body or lede; may be NULL */
    size_t text_len;
    int64_t date;      /* seconds since the epoch, or BTI_STORY_NO_DATE */
    const char *lang;  /* "vi", "en", ...; NULL: guessed from the marks */
    uint32_t copy_of;  /* 1 + a document added before that this one is a near-duplicate of:
                          printed within a day of it, it joins that one's story whatever its
                          words, as a member that shapes nothing (story.c, reprints); later,
                          it is judged on its words (0: none) */
} bti_story_doc;

typedef struct bti_story_set bti_story_set;

/* A new, empty clustering with `cfg` (NULL: the defaults), in *out (owned by the caller,
 * bti_story_set_free). Returns 0, BT_EINVAL or BT_ENOMEM. */
int bti_story_set_new(const bti_story_config *cfg, bti_story_set **out, bt_error *err);
void bti_story_set_free(bti_story_set *set);

/* Adds the next document (its number is the count of documents added before it) and puts
 * the story it joined or started in *story (when not NULL). A document with no words starts
 * a story of its own. Runs a merge pass every cfg.merge_every documents. Returns 0,
 * BT_EINVAL, BT_ELIMIT (2^32 documents) or BT_ENOMEM; on failure the document is in no story
 * (its words may have been counted in the IDF already). */
int bti_story_add(bti_story_set *set, const bti_story_doc *doc, uint32_t *story, bt_error *err);

/* Makes room for `docs` more documents at once (RESERVE_AHEAD, story.c): a caller that knows
 * how many it will add saves the arrays' doublings. Changes no result. 0 or BT_ENOMEM. */
int bti_story_reserve(bti_story_set *set, uint32_t docs);

/* Merges stories whose centroids have converged (a pass over the stories changed since the
 * last pass); *merged (when not NULL) counts the merges. Returns 0 or BT_ENOMEM. */
int bti_story_merge(bti_story_set *set, size_t *merged, bt_error *err);

/* Documents added so far, and story ids handed out so far (merged ones included). */
uint32_t bti_story_doc_count(const bti_story_set *set);
uint32_t bti_story_count(const bti_story_set *set);

/* The story document `doc` belongs to now (following merges); BTI_STORY_NONE when out of
 * range. */
uint32_t bti_story_of(const bti_story_set *set, uint32_t doc);

typedef struct bti_story_info {
    uint32_t id;
    uint32_t size;        /* documents */
    int64_t first, last;  /* dates of the earliest and latest documents */
    uint32_t central_doc; /* the member most similar to the centroid (earliest on a tie) */
    const char *title;    /* its title (borrowed from the set; valid until the next add) */
} bti_story_info;

/* Fills *info for story `id`. Returns 0, BT_ENOTFOUND (no such story, or merged into
 * another: bti_story_of gives the survivor). */
int bti_story_get(const bti_story_set *set, uint32_t id, bti_story_info *info);

/* Up to `max` key terms of story `id`, heaviest first, as folded words or "word word" pairs
 * (borrowed from the set). Returns how many were written. */
size_t bti_story_terms(const bti_story_set *set, uint32_t id, const char **terms, size_t max);

/* Members of story `id` in order of arrival (borrowed; valid until the next add or merge);
 * *n their count. NULL when there is no such live story. */
const uint32_t *bti_story_members(const bti_story_set *set, uint32_t id, uint32_t *n);

/* ---- saved and loaded (story_state.c) ----------------------------------------------------
 *
 * PARTS_SHARED: a saved set is a core (the counters, the term dictionary and the stories:
 * what later documents change) and its documents in parts of BTI_STORY_PART_DOCS, from
 * document 0 (each one's story as it joined it, date, vector and, when asked, title: what
 * never changes once it is added). A part written again holds the same bytes for the
 * documents it held before, so the parts are shared by every state saved along one sequence
 * of additions, each reading the prefix of its own document count; a saver writes only the
 * parts its new documents fall in. */
#define BTI_STORY_PART_DOCS 1024u

/* Appends the whole state of `set` to `b` (the core, then one part of every document with
 * titles: bytes for bti_story_load). 0 or BT_ENOMEM. */
struct bti_buf;
int bti_story_save(const bti_story_set *set, struct bti_buf *b);

/* A set as it was saved, continuing with `cfg` (NULL: the defaults), into *out. Returns 0,
 * BT_ENOTFOUND (saved by another version or with another configuration: start afresh),
 * BT_EPARSE (damaged bytes) or BT_ENOMEM. */
int bti_story_load(const bti_story_config *cfg, const void *data, size_t len,
                   bti_story_set **out, bt_error *err);

/* The core alone. 0 or BT_ENOMEM. */
int bti_story_save_core(const bti_story_set *set, struct bti_buf *b);

/* The core's length in bytes, and the same bytes handed to `sink` in order, in pieces
 * (STATE_STREAMED, story_state.c; `scratch` gathers the small ones). A sink returns 0 or an
 * error, which bti_story_save_core_to returns (else 0 or BT_ENOMEM). */
typedef int (*bti_story_sink)(void *ctx, const void *data, size_t len);
uint64_t bti_story_core_size(const bti_story_set *set);
int bti_story_save_core_to(const bti_story_set *set, struct bti_buf *scratch,
                           bti_story_sink sink, void *ctx);

/* The part of documents [from, to) (to - from <= BTI_STORY_PART_DOCS; from a multiple of
 * it), with their titles when `titles` (else a set loading it has empty titles for them: the
 * store keeps its own). 0, BT_EINVAL or BT_ENOMEM. */
int bti_story_save_docs(const bti_story_set *set, uint32_t from, uint32_t to, int titles,
                        struct bti_buf *b);

/* Loading by parts: the core into *out (*used, when not NULL, the bytes it took; NULL: it
 * must take all of `len`), then the parts in order while bti_story_docs_missing says
 * documents are missing (each takes what it holds of them), then bti_story_load_end. Errors
 * as bti_story_load; after a failure the caller frees the set. */
int bti_story_load_core(const bti_story_config *cfg, const void *data, size_t len,
                        size_t *used, bti_story_set **out, bt_error *err);
uint32_t bti_story_docs_missing(const bti_story_set *set);
int bti_story_load_docs(bti_story_set *set, const void *data, size_t len, bt_error *err);
int bti_story_load_end(bti_story_set *set, bt_error *err);

#endif
