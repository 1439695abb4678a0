/* rank.h: bantin's ranking function for FTS5 (internal to the search stage).
 *
 * bt_rank(articles_fts, PLAN, BM25 [, PUBLISHED]) is an FTS5 auxiliary function: PLAN is a
 * bt_rank_plan bound with sqlite3_bind_pointer (type BT_RANK_PLAN_TYPE), BM25 the value of
 * FTS5's bm25() with the field weights, PUBLISHED the article's date (for the recency boost).
 * It returns a score where higher is better. */
#ifndef BT_SEARCH_RANK_H
#define BT_SEARCH_RANK_H

#include "search/query.h"

#include <sqlite3.h>

#define BT_RANK_PLAN_TYPE "bt_rank_plan"

/* bm25() weights of the columns title, lede, body, captions, source, as SQL text */
#define BT_RANK_BM25_WEIGHTS "10.0, 5.0, 1.0, 0.5, 3.0"

typedef struct bt_rank_plan {
    const bt_qplan *q;
    int recency;    /* apply the recency boost */
    long now_days;  /* days since 1970-01-01 of "now", for the recency boost */
} bt_rank_plan;

/* Registers bt_rank (FTS5 auxiliary), bt_day_in (dates.h) and bt_words_match (scalar: 1
 * when the folded words of arg 1 contain one of the '|'-separated " w1 w2 " sequences of
 * arg 2) on `db`, once per connection. SQLITE_OK or an SQLite code. */
int bt_rank_register(sqlite3 *db);

/* Days since 1970-01-01 of an ISO date "YYYY-MM-DD...", or -1 when it does not start so. */
long bt_rank_days(const char *iso);

#endif
