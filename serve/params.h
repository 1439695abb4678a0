/* params.h: the parsers of what a client sends the server besides the body: counts and dates
 * of the query string, the search filters turned into the query language, and the token lists
 * of headers (If-None-Match, Accept-Encoding). Plain C over strings (no libmicrohttpd), so that
 * fuzz/fuzz_serve_params.c can drive them. */
#ifndef BT_SERVE_PARAMS_H
#define BT_SERVE_PARAMS_H

#include <stddef.h>

/* A count: digits only (no sign, no space), at most `max`. 0 with *out set, or -1. */
int serve_count(const char *v, size_t max, size_t *out);

/* Whether `v` is YYYY, YYYY-MM or YYYY-MM-DD in form (the query language checks the values). */
int serve_date_ok(const char *v);

/* The query of GET /api/search: q (may be NULL) with the filters as the query language's own
 * since:, until: and source:"..." (each NULL or "" when absent), malloc'ed; NULL when a filter
 * is malformed (a date not in form, a source with a quote or over 200 bytes) or out of memory.
 * The source is quoted, so it stays one phrase restricted to the source field. */
char *serve_search_query(const char *q, const char *since, const char *until,
                         const char *source);
#define SERVE_MAX_SOURCE 200 /* bytes of a source filter: the longest publisher name is far less */

/* Whether a header's comma-separated list names `tok` (exactly, parameters after ';' aside). */
int serve_list_has(const char *list, const char *tok);

#endif
