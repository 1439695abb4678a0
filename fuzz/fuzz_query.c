/* fuzz_query.c: libFuzzer target for the search query parser and compiler: any bytes must
 * give a plan or a clean error, never a crash, and a plan's MATCH text must keep every user
 * syllable inside FTS5 strings (balanced quotes). */
#include "search/query.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bt_error err;
    bt_query *q = NULL;
    if (bt_query_parse((const char *)data, size, &q, &err))
        return 0;
    bt_qplan *p = NULL;
    if (!bt_query_compile(q, NULL, &p, &err)) {
        if (p->match) {
            size_t quotes = 0;
            for (const char *c = p->match; *c; c++)
                quotes += *c == '"';
            if (quotes % 2)
                abort();
        }
        bt_qplan_free(p);
    }
    bt_query_free(q);
    return 0;
}
