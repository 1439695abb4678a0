/* rank.h: bantin's ranking function for FTS5 (internal to the search stage).
 *
 * bti_rank(articles_fts, PLAN [, PUBLISHED]) is an FTS5 auxiliary function: PLAN is a
 * bti_rank_plan bound with sqlite3_bind_pointer (type BTI_RANK_PLAN_TYPE), PUBLISHED the
 * article's date (for the recency boost). It returns BM25 with the field weights below (as
 * FTS5's bm25() computes it, but with each phrase's IDF worked out once per query, see
 * rank.c) times bantin's boosts; higher is better. */
#ifndef BTI_SEARCH_RANK_H
#define BTI_SEARCH_RANK_H

#include "search/query.h"

#include <sqlite3.h>

#define BTI_RANK_PLAN_TYPE "bti_rank_plan"

/* BM25 weights of articles_fts's columns (BTI_FTS_* in store/db.h) */
#define BTI_RANK_W_TITLE 10.0
#define BTI_RANK_W_LEDE 5.0
#define BTI_RANK_W_BODY 1.0
#define BTI_RANK_W_CAPTIONS 0.5
#define BTI_RANK_W_SOURCE 3.0

#define BTI_RANK_MAX_PHRASES 256  /* phrases of a MATCH expression ranked (more: ignored) */
#define BTI_RANK_IDF_SAMPLE 1000  /* articles of a phrase counted for its IDF, then estimated */
#define BTI_RANK_IDF_SPAN 20000   /* or the rowids its count covers, then estimated */

/* An article with every word typed with marks in that exact form scores x(1 + W_EXACT). */
#define BTI_RANK_W_EXACT 1.0

/* bti_rank_plan.open */
#define BTI_RANK_OPEN_EVERY 1u /* any row */
#define BTI_RANK_OPEN_LEDE 2u  /* a row with every positive word in the title or lede */
#define BTI_RANK_OPEN_TITLE 4u /* a row with every positive word in the title */

typedef struct bti_rank_plan {
    const bti_qplan *q;
    const bti_qphrase *phrase; /* the phrases of the expression ranked: q->phrase for
                                 q->match, q->fphrase for the folded expressions */
    size_t n_phrase;
    int recency;    /* apply the recency boost */
    long now_days;  /* days since 1970-01-01 of "now", for the recency boost */
    int n_idf;      /* -1 until the first row ranked works idf[] out */
    double idf[BTI_RANK_MAX_PHRASES];
    /* 1: score the query's positive words as one phrase, side by side in the typed order
     * (what phrase_match finds), from the instances of an AND of the words: BM25 of that
     * phrase with IDF 1, as bti_rank gives a phrase tier, and 0 where the words are apart.
     * One walk of the words then both counts the window and finds the phrase (search.c).
     * 2: both: the row's score as for 0 is returned, and bti_rank also leaves the whole
     * phrase's score (as 1 gives it) and the tier scores in `out`, so that the same walk
     * ranks the words apart in tiers (search.c, phrase_window). With 1 it leaves out.whole
     * too. A walk may switch between 1 and 2 from one row to the next. */
    int whole;
    unsigned open; /* (2) the walk's lists a row may still enter: BTI_RANK_OPEN_*; a row
                      that enters none is not scored (out.ranked 0) */
    struct {
        double whole; /* the whole phrase's score (whole 1 or 2), 0 where the words are apart */
        int tier;     /* (2) 0: every positive word in the title, 1: in the title or lede
                         (search.c's title_match and tier_match), 2: else */
        double title; /* (2) the score from the title only (as under title_match's column
                         filter), when tier is 0 */
        double lede;  /* (2) from the title and lede only, when tier is 0 or 1 */
        int ranked;   /* the row was scored (0: whole 1, or 2 and no open list for it) */
    } out;
} bti_rank_plan;

/* Registers bti_rank (FTS5 auxiliary), bti_day_in (dates.h) and bti_words_match (scalar: 1
 * when the folded words of arg 1 contain one of the '|'-separated " w1 w2 " sequences of
 * arg 2) on `db`, once per connection. SQLITE_OK or an SQLite code. */
int bti_rank_register(sqlite3 *db);

#endif
