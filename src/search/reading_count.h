/* reading_count.h: which marked reading of a phrase typed without marks the collection uses
 * as a phrase, from the index's own counts of adjacent syllables (internal to the search
 * stage). The index holds each marked syllable of a title or lede twice, its folded key and
 * its exact form at the same position (store/db.h): an FTS5 phrase of exact forms counts the
 * articles holding a reading side by side, a single exact form those holding the syllable,
 * with no text read and nothing kept at indexing time, so the counts follow every `add`. */
#ifndef BTI_SEARCH_READING_COUNT_H
#define BTI_SEARCH_READING_COUNT_H

#include "search/reading.h"

#include "bantin/common.h"

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* Readings weighed at most: of those found in the phrase's best articles (reading.h), the
 * ones they hold most often, and the text's choice. */
#define BTI_READING_CANDIDATES 3
/* Articles the counts look at: the newest this many (a bound on the posting lists walked;
 * recent use is what a reader means). */
#define BTI_READING_WINDOW 20000
/* The text's choice is taken without a count when it occurs this many times as often as
 * the other candidates together in the phrase's best articles (`ve may bay`: "vé máy bay"
 * all but once): the counts cost a few FTS5 queries each (bench/README.md). */
#define BTI_READING_DOMINANT 8

/* Articles of a count walked at most, newest first; past them the window's count is
 * estimated from the rowids they span (as rank.c's IDF sample): what bounds the work of a
 * frequent syllable ("là", "đang": a third of all titles and ledes). */
#define BTI_READING_SAMPLE 200
/* Articles of the window a reading must be held by before it is preferred. */
#define BTI_READING_MIN_HELD 2

/* How much more cohesive by the index than the text's choice a reading must be to replace
 * it: the counts of titles and ledes are a few articles each where the text read holds more
 * of the phrase's uses. On the 300 dev phrases (bench/README.md) u-reading was 0.774 with the
 * text alone, 0.758 with the index's choice always, 0.779 with this. */
#define BTI_READING_OVERRIDE 2.0

/* Weighs the text's choice r->v[chosen] (search.c: the most cohesive reading in the text of
 * the phrase's best articles) against the other candidates of `r` by the index's counts over
 * the window: of those held side by side in titles and ledes by at least
 * BTI_READING_MIN_HELD articles, the most cohesive (the articles holding the reading over
 * those holding its most used marked syllable: "là ma" is a sliver of "là", which the
 * phrase's articles hardly show); more holders break a tie. *best is its index in r->v when
 * it is BTI_READING_OVERRIDE times as cohesive as the text's choice (a choice without marks:
 * when more articles hold it), else (size_t)-1: the text's choice stands (also, with no
 * count, when it is BTI_READING_DOMINANT times the others). 0, or an error. */
int bti_reading_pick(sqlite3 *db, const bti_readings *r, size_t chosen, size_t *best,
                     bt_error *err);

/* The articles with rowid `lo` to `top` (the newest) matching the FTS5 expression `match`,
 * as bti_reading_pick counts them: exact up to BTI_READING_SAMPLE, else estimated from the
 * rowids the newest BTI_READING_SAMPLE span (reading_count.c, COUNT_UPWARD). 0, or an
 * error. */
int bti_reading_count(sqlite3 *db, const char *match, int64_t lo, int64_t top, int64_t *n,
                      bt_error *err);

#endif
