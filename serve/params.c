/* params.c: the parsers of the query string and header lists (params.h). */
#include "params.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int serve_count(const char *v, size_t max, size_t *out)
{
    size_t n = 0;
    const char *p = v;
    for (; *p && isdigit((unsigned char)*p) && n <= max; p++)
        n = n * 10 + (size_t)(*p - '0');
    if (!*v || *p || n > max)
        return -1;
    *out = n;
    return 0;
}

int serve_date_ok(const char *v)
{
    size_t n = strlen(v);
    if (n != 4 && n != 7 && n != 10)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (i == 4 || i == 7 ? v[i] != '-' : !isdigit((unsigned char)v[i]))
            return 0;
    return 1;
}

char *serve_search_query(const char *q, const char *since, const char *until,
                         const char *source)
{
    if (since && !*since)
        since = NULL;
    if (until && !*until)
        until = NULL;
    if (source && !*source)
        source = NULL;
    if ((since && !serve_date_ok(since)) || (until && !serve_date_ok(until)))
        return NULL;
    if (source && (strchr(source, '"') || strlen(source) > SERVE_MAX_SOURCE))
        return NULL;
    size_t cap = (q ? strlen(q) : 0) + (source ? strlen(source) : 0) + 64;
    char *query = malloc(cap);
    if (!query)
        return NULL;
    snprintf(query, cap, "%s%s%s%s%s%s%s%s", q ? q : "", since ? " since:" : "",
             since ? since : "", until ? " until:" : "", until ? until : "",
             source ? " source:\"" : "", source ? source : "", source ? "\"" : "");
    return query;
}

int serve_list_has(const char *list, const char *tok)
{
    if (!list || !*tok)
        return 0;
    size_t n = strlen(tok);
    for (const char *p = list; (p = strstr(p, tok)); p += n) {
        char before = p == list ? ' ' : p[-1], after = p[n];
        if ((before == ' ' || before == ',') &&
            (after == 0 || after == ',' || after == ' ' || after == ';'))
            return 1;
    }
    return 0;
}
