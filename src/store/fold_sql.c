/* fold_sql.c: bantin_fold(text), bt_fold as an SQL function, registered on every connection
 * the store opens. The store indexes articles by their folded title with it (schema step 6),
 * so that a "most read" link whose URL is unknown still finds its article by its headline,
 * written in any case and with or without marks. */
#include "store/store_internal.h"
#include "text/alloc.h"

#include <stdlib.h>

static void fold_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const char *s = (const char *)sqlite3_value_text(argv[0]);
    size_t len = (size_t)sqlite3_value_bytes(argv[0]), outlen = 0;
    char *key = s ? bti_fold_dup(s, len, &outlen) : NULL;
    if (!key) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_text(ctx, key, (int)outlen, free);
}

int bti_fold_sql_register(sqlite3 *db)
{
    /* deterministic: an index on it is allowed; innocuous: no side effects, safe in schema */
    return sqlite3_create_function_v2(db, "bantin_fold", 1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      NULL, fold_fn, NULL, NULL, NULL);
}
