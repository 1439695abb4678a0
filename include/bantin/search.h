/* bantin/search.h: searching a store (bantin/store.h): query language, ranking, snippets.
 *
 * The query language (the same for the CLI, the library and the server):
 *   words            all must match, without regard to marks, case or tone placement:
 *                    `dam phan` finds "đàm phán", `hoà` finds "hòa"
 *   "exact phrase"   the syllables in this order, side by side (also “curly quotes”)
 *   -word -"phrase"  exclude, when the '-' comes right before a letter or a quote at the
 *                    start of a word and the query has another word to search for;
 *                    a -word typed with marks excludes only that exact word. Otherwise
 *                    '-' is text: `-3 độ`, `A321-200`, `Covid-19`, `2-1`, `Mỹ - Trung`
 *   NOT word         exclude the next word or "phrase" (NOT in capitals, with a word after)
 *   a OR b           either (OR in capitals between two words; binds tighter than the
 *                    implicit AND); first, last or doubled, OR is the word "or"
 *   prefix*          words starting with prefix (at least two letters)
 *   title: source: author:   restrict the next word or "phrase" to that field (in lower
 *                    case, the value right after the colon: `Title: x` is text)
 *   since:DATE until:DATE    published on or after / on or before DATE (YYYY-MM-DD, YYYY-MM
 *                    or YYYY), compared on the date as the article gives it
 * Every word counts: no list of common words is left out (`thi`, `ra`, `về` alone are
 * queries); frequent syllables weigh little through BM25's IDF. A query of only filters
 * (author:, since:, until:) lists the matching articles newest first.
 *
 * Phrases first: when the query's words are plain ones (no OR, prefix or field), the articles
 * holding all of them side by side in the typed order come first, those with the marks as
 * typed before those that only fold to them (`chợ Bến Thành`: "chợ Bến Thành", then "cho
 * Ben Thanh", then the words apart); each such tier is looked for among the newest 20,000
 * articles holding all the words, well past the newest matches the words apart are ranked
 * from (in the whole store with the phrase index, bantin/store.h, for a "quoted phrase" and
 * with author:, kind: or a date order: finding a rare phrase of frequent syllables otherwise
 * means reading the positions of every article holding them), and ranked by BM25 of the
 * phrase, at most its 500 newest articles. Then the rest, ranked as below, partial adjacency
 * first through the side-by-side boost. A title with some of the words never beats a body
 * with the whole phrase. Scores stay in result order (a phrase tier's are lifted above those below it).
 *
 * Ranking: BM25 over the fields with weights title > lede > source > body > captions, times
 * a boost for the words typed with marks that the article has in exactly that form (so
 * `bán` ranks "bán" before "bạn" and "ban"), times a boost for query words that stand side by
 * side in the article (so `đàm phán` prefers "đàm phán" over "đàm ... phán"), optionally times
 * a recency boost; ties go to the newer article.
 *
 * Large results (what keeps a query over a million articles within milliseconds): the
 * matches are walked newest first (most recently added first) into a window. The figures
 * below (100,000 articles, 500 and 1,000 newest, 200 articles) are tuning, measured in
 * bench/README.md and free to change between releases; the contract is the shape: a page of
 * the best matches among the newest, `total` exact or flagged as a lower bound.
 * - `total` is exact up to BT_SEARCH_TOTAL_MAX (10,000) matching articles; beyond, counting
 *   stops there: `total` is BT_SEARCH_TOTAL_MAX and `total_more` is 1 ("10,000+", as
 *   Elasticsearch's track_total_hits). The walk also stops, once it has found a page of
 *   matches, after going back over the newest 100,000 articles, or (with since:/until:)
 *   after looking at 10,000 articles holding the words: `total` is then what it found and
 *   `total_more` is 1 (a lower bound, "2970+"). Two common words whose articles are spread
 *   thin, or a date filter most of them fail, would otherwise cost a walk over most of the
 *   store. The walk skips the articles added before the first or after the last one within
 *   the dates, so in a store filled in date order a date filter narrows it.
 * - A result of more than a thousand articles whose page lies within the first hundred is
 *   ranked within that window, in tiers: the articles with the words in their title, then
 *   those with them in title or lede, then all, stopping at the first tier that fills the
 *   page (BM25's field weights would rank a lower tier below anyway); of each tier, the 500
 *   newest. A query with a "phrase" (or a hyphenated word) ranks the 500 newest of its
 *   matches, a dated one the 1,000 newest within the dates, as the window walks them. So an
 *   older article can miss page one of a query that matches many (news search favours the
 *   recent; more words or since:/until: reach it). Deeper pages rank every match; queries
 *   sorted by date, with author: filters or the recency boost read every match and keep
 *   `total` exact.
 * - A result of more than 200 articles is matched and ranked on the words' folded forms
 *   only, and the accent-exact boost of its best articles is worked out from their title and
 *   lede (the index's exact forms double the posting lists to walk); a smaller one has it
 *   from every field, read from the text of the articles that can still reach the page (the
 *   index has exact forms for titles and ledes only). A phrase typed with marks finds those
 *   holding it so in bodies by reading the folded phrase's articles; a word excluded with
 *   marks (`-chợ`) is looked for in the bodies of the articles ranked. With the phrase index (bantin/store.h) a phrase is matched on its
 *   syllable pairs and has no exact-form boost of its own.
 *
 * Depends on: the store (its full-text index), text folding and tokenizing (bantin/text.h).
 *
 * Near-duplicates: by default a group of near-duplicates (bantin/connect.h) gives one result,
 * its best-ranked member, with the count of the others (bt_search_results.copies); `total`
 * still counts matching articles. bt_search_opts.all_copies lists every article.
 *
 * Thread safety: a search runs on the store's connection, so it takes the bt_store for its
 * duration: one search at a time per store; open a store per thread (read-only is enough)
 * to search in parallel. Results are the caller's and may go to any thread. */
#ifndef BANTIN_SEARCH_H
#define BANTIN_SEARCH_H

#include "bantin/store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* bt_search_opts.sort */
enum { BT_SORT_RELEVANCE = 0, BT_SORT_DATE = 1 };

/* bt_search_opts.flags */
#define BT_SEARCH_RECENCY    0x1u /* boost recent articles (half-life 90 days from now) */
#define BT_SEARCH_NO_SNIPPET 0x2u /* skip snippets (faster; for scripts that only need ids) */

/* offset + limit may not exceed this (a limit of the API: deeper pages cost a walk over
 * every match) */
#define BT_SEARCH_MAX_WINDOW 10000

/* matching articles counted at most (bt_search_results.total_more); tuning, not contract:
 * read total_more rather than comparing total with this */
#define BT_SEARCH_TOTAL_MAX 10000

/* Options of bt_search_run. Always start from BT_SEARCH_OPTS_INIT: `size` lets the struct grow
 * without breaking callers built against an older header (fields past `size` keep their
 * defaults). */
typedef struct bt_search_opts {
    size_t size;   /* sizeof(bt_search_opts) as the caller was built */
    int sort;      /* BT_SORT_RELEVANCE or BT_SORT_DATE (newest first) */
    size_t limit;  /* results wanted (0 = count only) */
    size_t offset; /* results skipped */
    unsigned flags;
    int all_copies; /* 0 (default): one result per near-duplicate group (bantin/connect.h),
                       its best-ranked member, with the number of the others in
                       bt_search_results.copies; offset and limit count groups. 1: every
                       matching article, copies apart. */
} bt_search_opts;

#define BT_SEARCH_OPTS_INIT {sizeof(bt_search_opts), BT_SORT_RELEVANCE, 10, 0, 0, 0}

typedef struct bt_search_hit {
    char id[17];
    char *title;
    char *source;    /* or NULL */
    char *published; /* or NULL */
    double score;    /* higher is better; 0 for a filter-only query */
    char *snippet;   /* text around the best match, from the original accented text */
    size_t n_highlights;
    size_t (*highlights)[2]; /* [start, end) byte offsets of matched words in `snippet` */
} bt_search_hit;

typedef struct bt_search_results {
    int64_t total;  /* articles matching, whatever limit and offset (at most
                       BT_SEARCH_TOTAL_MAX: see total_more) */
    int total_more; /* 1 when more than `total` articles match (total is a lower bound) */
    size_t n;
    bt_search_hit *hits;
    /* copies[i]: how many other articles of hits[i]'s near-duplicate group are left out of
     * the results (0: none; all of them, matching the query or not); NULL with all_copies.
     * Here, not in bt_search_hit, so that the hits' array keeps its layout. */
    size_t *copies;
} bt_search_results;

/* Runs `query` against the store. `opts` may be NULL (BT_SEARCH_OPTS_INIT). On success
 * *out holds the results, owned by the caller (bt_search_results_free). A bad query
 * (unbalanced quote, bad date, only punctuation or excluded words, too long) is BT_EINVAL or
 * BT_ELIMIT with a message that says what is wrong; a database failure is BT_EDB. */
BT_API int bt_search_run(bt_store *s, const char *query, const bt_search_opts *opts,
                  bt_search_results **out, bt_error *err);
BT_API void bt_search_results_free(bt_search_results *r);

/* The FTS5 MATCH expression `query` compiles to (malloc'ed, owned by the caller; "" for a
 * filter-only query): for `bantin search --explain` and debugging. */
BT_API int bt_search_explain(const char *query, char **match, bt_error *err);

/* The JSON object of `r` that `bantin search --format json` prints and the server sends, into
 * *out (malloc'ed, owned by the caller; no trailing newline). Members in this order:
 *   {"total":N,"results":[HIT,...],"total_more":true}   ("total_more" only when set)
 *   HIT = {"id":"16 hex","title":"...","source":"..."|null,"published":"..."|null,
 *          "score":S,"snippet":"...","highlights":[[start,end],...],"copies":N}
 * ("copies" only when the hit stands for a near-duplicate group: N >= 1 other articles;
 * left out when 0, so that results without duplicates read as before)
 * S is written as jansson writes a real: printf's %.17g, with ".0" added to an integral value
 * and the exponent without '+' or leading zeros (2.0, 2.2622898160113913, 1.0000000000000001e-5);
 * a NULL snippet is "".
 * `flags`: 0 (compact) or BT_JSON_PRETTY; other bits are BT_EINVAL. Returns 0; BT_EINVAL for
 * a hit's text that is not valid UTF-8 or a score that is not finite (the message names the
 * hit's id and the field); BT_ENOMEM. *out is NULL on failure. Thread-safe (reads `r`). */
BT_API int bt_search_results_to_json(const bt_search_results *r, unsigned flags, char **out,
                              bt_error *err);

#ifdef __cplusplus
}
#endif
#endif
