/* fuzz_serve_params.c: libFuzzer target for what `bantin serve` parses of a request besides
 * the body (serve/params.h): the input is split at NUL bytes into q, since, until, source, a
 * count and a header list. Never a crash; a count parsed is within its bound and all digits;
 * a query built keeps the source filter one quoted phrase at its end; and the query runs
 * through the library's query parser (bt_search_explain) without a crash. */
#include "bantin.h"
#include "../serve/params.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FIELDS 6

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = 0;
    const char *f[FIELDS] = {NULL};
    char *p = buf;
    for (int i = 0; i < FIELDS && p <= buf + size; i++) {
        f[i] = p;
        p += strlen(p) + 1;
    }
    size_t n = 0;
    if (f[4] && !serve_count(f[4], 10000, &n)) {
        if (n > 10000 || !*f[4] || strspn(f[4], "0123456789") != strlen(f[4]))
            abort();
    }
    if (f[5]) {
        serve_list_has(f[5], "gzip");
        serve_list_has(f[5], f[0] ? f[0] : "");
    }
    char *q = serve_search_query(f[0], f[1], f[2], f[3]);
    if (q) {
        const char *src = f[3];
        if (src && *src) {
            size_t ql = strlen(q), sl = strlen(src);
            if (strchr(src, '"') || ql < sl + 10 || memcmp(q + ql - sl - 1, src, sl) ||
                q[ql - 1] != '"' || memcmp(q + ql - sl - 10, " source:\"", 9))
                abort();
        }
        char *match = NULL;
        bt_error err;
        if (!bt_search_explain(q, &match, &err))
            free(match);
        free(q);
    }
    free(buf);
    return 0;
}
