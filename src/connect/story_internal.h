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
} bti_story_dict;

void bti_story_dict_free(bti_story_dict *d);
static inline const char *bti_story_dict_term(const bti_story_dict *d, uint32_t id)
{
    return d->chars + d->off[id];
}

/* 1 when the stop lists are in strcmp order, as their binary search needs (for the tests). */
int bti_story_stop_sorted(void);

/* A sparse vector sorted by term id. */
typedef struct bti_svec {
    uint32_t *id;
    float *w;
    uint32_t n, cap;
} bti_svec;

void bti_svec_free(bti_svec *v);
int bti_svec_reserve(bti_svec *v, uint32_t n);

/* Scratch of bti_story_vector, kept between calls to save allocations. */
typedef struct bti_story_scratch {
    void *toks;
    size_t ntoks, captoks;
    char *chars;
    size_t nchars, capchars;
    void *tid;        /* (term, weight) entries before they are merged */
    size_t nt, capt;
} bti_story_scratch;

void bti_story_scratch_free(bti_story_scratch *s);

/* Turns `doc` into its unit-length TF-IDF vector `out` (sorted by id, at most cfg->doc_terms
 * terms, empty when the document has no words), counting the document's terms in the
 * dictionary's document frequencies first. Returns 0 or BT_ENOMEM. */
int bti_story_vector(bti_story_dict *d, bti_story_scratch *s, const bti_story_config *cfg,
                     const bti_story_doc *doc, bti_svec *out);

#endif
