/* query.h: the search query language, parsed and compiled to an FTS5 MATCH expression plus
 * SQL filters (internal to the search stage).
 *
 * Language (bantin/search.h): words (all must match, every one of them: no stop words),
 * "exact phrase" (also “curly quotes”), -word / -"phrase" / NOT word to exclude, a OR b (OR
 * in capitals between words, binds tighter than the implicit AND), prefix* (at least two
 * letters), fields title: source: author: (lower case) before a word or phrase,
 * since:DATE until:DATE (YYYY-MM-DD, YYYY-MM or YYYY; inclusive: bti_date_bound of
 * core/date.h), kind:KIND (article, video, photo, infographic, live, podcast; -kind:KIND
 * excludes it; a filter on the stored column, not a word of the index). The operators never eat text: '-' before a non-letter, a lone -word, OR
 * first or last, NOT last, Title: are text. Words match without regard to marks, case or
 * tone placement; a word typed with marks also feeds an exact-form alternative used for
 * ranking. User text never reaches SQL: every FTS5 token is a quoted string and every filter
 * value is a bound parameter. */
#ifndef BTI_SEARCH_QUERY_H
#define BTI_SEARCH_QUERY_H

#include "bantin/common.h"

#include <stddef.h>
#include <stdint.h>

#define BTI_QUERY_MAX_BYTES 2048 /* longer queries are refused (BT_ELIMIT) */
#define BTI_QUERY_MAX_TERMS 64   /* words/phrases/filters in one query */
#define BTI_QUERY_MAX_TOKENS 128 /* syllables in one query */
#define BTI_PHRASE_TIER_MAX 32   /* syllables of the whole-phrase tier (a pasted title fits;
                                    longer queries rank without it) */

enum { BTI_QF_ANY = 0, BTI_QF_TITLE, BTI_QF_SOURCE, BTI_QF_AUTHOR };

/* One word or phrase of the query, split into syllables. */
typedef struct bti_qterm {
    int field;    /* BTI_QF_* */
    int negated;  /* -word or NOT word */
    int minus;    /* negated by a '-' typed before it (text again when no other word) */
    int prefix;   /* word* : the last syllable is a prefix */
    int quoted;   /* "phrase" */
    size_t n_tok;
    char **key;   /* folded key of each syllable */
    char **exact; /* lowercase tone-canonical NFC form, or NULL when it equals the key */
} bti_qterm;

/* Alternatives joined by OR (one alternative for a plain word). */
typedef struct bti_qclause {
    size_t n_alt;
    bti_qterm *alt;
} bti_qclause;

typedef struct bti_query {
    size_t n_clause;
    bti_qclause *clause; /* all must match (negated ones must not) */
    char since[11];     /* YYYY-MM-DD or "" */
    char until[11];
    char kind[16];      /* kind:video (a BT_ARTICLE_KIND_* name) or "" */
    int kind_neg;       /* -kind:video */
} bti_query;

/* Parses `len` bytes of `text`. On success *out is a new query owned by the caller. Errors
 * (BT_EINVAL, BT_ELIMIT, BT_ENOMEM) say what is wrong and where, quoting the query. */
int bti_query_parse(const char *text, size_t len, bti_query **out, bt_error *err);
void bti_query_free(bti_query *q);

/* How a phrase of the compiled MATCH expression serves the ranking. */
enum { BTI_QP_FOLDED = 0, BTI_QP_EXACT, BTI_QP_NOT };

typedef struct bti_qphrase {
    int role;     /* BTI_QP_* */
    int term;     /* index of its word in the sequence of plain words, or -1 */
    int len;      /* syllables */
    int shift;    /* 1 for a phrase matched by its pairs: FTS5 reports an instance at its
                     second syllable (the pair's position), so it starts one token before */
} bti_qphrase;

/* A word or phrase of the query to mark in snippets (snippet.h). */
typedef struct bti_qmark {
    size_t n_tok;
    char **key;   /* folded key of each syllable */
    char **exact; /* exact form, or NULL when the syllable was typed without marks */
    int prefix;   /* the last syllable is a prefix */
    int term;     /* the plain word's number (bti_qphrase.term), -1 for an OR alternative */
    int has_exact; /* a syllable was typed with marks (and the word is not a prefix) */
} bti_qmark;

/* The query compiled for SQLite. */
typedef struct bti_qplan {
    char *match;          /* FTS5 MATCH expression, or NULL for a filter-only query */
    char *stock_match;    /* the same words for a stock unicode61 table (no exact forms) */
    char *count_match;    /* matches the same articles as `match`, without the exact-form
                             alternatives (cheaper to walk: for counting and for the tiers of
                             a large result); its phrases are fphrase[] */
    char *title_match;    /* `count_match` with its required words restricted to the title,
                             phrases numbered alike (the first tier of a large result) */
    char *tier_match;     /* the same restricted to title and lede (the second tier) */
    char since[11];       /* "" when none */
    char until[11];
    char kind[16];        /* the kind filter on articles.kind ("" when none) */
    int kind_neg;         /* the kind filter excludes that kind */
    size_t n_author;      /* author filters: " k1 k2 " folded words, all must occur */
    char **author;
    size_t n_not_author;
    char **not_author;
    size_t n_phrase;      /* phrases of `match` in the order FTS5 numbers them */
    bti_qphrase *phrase;
    size_t n_fphrase;     /* phrases of count_match, title_match and tier_match */
    bti_qphrase *fphrase;
    char *phrase_match;   /* the required words' syllables side by side in the typed order
                             as one folded phrase, with the exclusions; NULL when the query
                             is one syllable, has OR, a prefix or a field (search.c ranks its
                             matches first); its phrases are pphrase[] */
    char *exact_phrase_match; /* the same with the marks as typed (NULL: typed without);
                             its phrases are xphrase[] (n_pphrase of them too) */
    size_t n_pphrase;
    bti_qphrase *pphrase;
    size_t n_pkeys;       /* the folded keys of phrase_match's syllables (reading.h) */
    char **pkeys;
    char **pexact;        /* their exact forms, NULL for one typed without marks (with
                             exact_phrase_match: search.c looks for them in bodies) */
    bti_qphrase *xphrase;
    int n_terms;          /* plain words in sequence (for adjacency) */
    int n_exact_terms;    /* of them, words typed with marks (that have an exact phrase) */
    uint64_t adj_prev;    /* bit k: word k came right after word k-1 in the query */
    int has_phrase;       /* a required term is a phrase of several syllables */
    size_t n_mark;        /* the words and phrases that match, to mark in snippets */
    bti_qmark *mark;
    size_t n_not_exact;   /* excluded words typed with marks: the index has exact forms for
                             titles and ledes only, search.c looks for them in the bodies
                             and captions of the articles ranked */
    bti_qmark *not_exact;
} bti_qplan;

/* Compiles `q`. A query with nothing left to search for (only punctuation or excluded words
 * and no filter) is BT_EINVAL with a message quoting `text` (may be NULL). */
/* bti_query_compile flags */
#define BTI_QC_PAIRS 0x1u /* the store has the phrase index: phrases matched by their pairs */

int bti_query_compile(const bti_query *q, const char *text, unsigned flags, bti_qplan **out,
                     bt_error *err);
void bti_qplan_free(bti_qplan *p);

#endif
