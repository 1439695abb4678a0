/* dates.h: the since:/until: filter without reading each matching article's row
 * (internal to the search stage).
 *
 * bti_day_in(ROWID, LO, HI) is an SQL function, 1 when the article ROWID was published on a
 * day from LO to HI (YYYY-MM-DD, inclusive), compared as the query language says: on the
 * first ten characters of `published`. It answers from a per-connection array of every
 * article's day, read once from the `articles_published` index (a few bytes an article) and
 * read again when the store has changed since: PRAGMA data_version for other connections'
 * commits, sqlite3_total_changes64 for this one's. Rows the array does not know (added after
 * it was read, or with a date that is not YYYY-MM-DD...) are looked up in the table. The
 * array is what makes a date filter cost next to nothing per match: reading the article's
 * row instead costs a B-tree descent into pages of article text per match.
 *
 * bti_day_in(NULL, NULL, NULL) brings the array up to date (call it once before a query) and
 * returns 1, or fails with the SQLite error.
 *
 * bti_day_span(LO, HI, WHICH) is the lowest (WHICH 0) or highest (1) rowid of an article that
 * bti_day_in(ROWID, LO, HI) may accept, or NULL when none: the rowid range a date-filtered
 * search can give FTS5 to skip the rest. */
#ifndef BTI_SEARCH_DATES_H
#define BTI_SEARCH_DATES_H

#include <sqlite3.h>

/* Registers bti_day_in and bti_day_span on `db` (its array is freed when the connection closes). SQLITE_OK or
 * an SQLite code. */
int bti_dates_register(sqlite3 *db);

#endif
