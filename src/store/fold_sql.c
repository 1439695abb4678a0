/* fold_sql.c: bantin_fold(text), bt_fold as an SQL function, and bantin_title_hash(text), a
 * 64-bit hash of the folded text, registered on every connection the store opens. The store
 * indexes articles by the hash of their folded title (schema step 9; step 7 indexed the folded
 * title itself), so that a "most read" link whose URL is unknown still finds its article by
 * its headline, written in any case and with or without marks: a look-up finds the rows with
 * the same hash, then compares the folded titles. */
#include "store/store_internal.h"
#include "core/hash.h"
#include "text/alloc.h"

#include <stdlib.h>

/* The folded text of the function's argument (the caller frees it), or NULL with the
 * result already set: NULL for a NULL argument, an out-of-memory error. */
static char *fold_arg(sqlite3_context *ctx, sqlite3_value *v, size_t *outlen)
{
    *outlen = 0;
    if (sqlite3_value_type(v) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return NULL;
    }
    const char *s = (const char *)sqlite3_value_text(v);
    size_t len = (size_t)sqlite3_value_bytes(v);
    char *key = s ? bti_fold_dup(s, len, outlen) : NULL;
    if (!key)
        sqlite3_result_error_nomem(ctx);
    return key;
}

static void fold_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    size_t outlen;
    char *key = fold_arg(ctx, argv[0], &outlen);
    if (key)
        sqlite3_result_text(ctx, key, (int)outlen, free);
}

/* The seed of the folded-title hash. An index holds the values: never change it (or the
 * hash, core/hash.c) without a schema step that makes the index again. */
#define TITLE_HASH_SEED 0x7469746c65ULL /* "title" */

/* An index entry of 8 bytes of key where the folded title took ~80 (issue 15: the index
 * on the folded title cost 0.18x of stock FTS5's build at 300,000 articles). A collision
 * costs a look-up one more row to compare, never a wrong match. */
static void title_hash_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    size_t outlen;
    char *key = fold_arg(ctx, argv[0], &outlen);
    if (!key)
        return;
    uint64_t h = bti_hash64(key, outlen, TITLE_HASH_SEED);
    free(key);
    sqlite3_result_int64(ctx, (sqlite3_int64)h);
}

int bti_fold_sql_register(sqlite3 *db)
{
    /* deterministic: an index on it is allowed; innocuous: no side effects, safe in schema */
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    int rc = sqlite3_create_function_v2(db, "bantin_fold", 1, flags, NULL, fold_fn, NULL, NULL,
                                        NULL);
    return rc != SQLITE_OK ? rc
                           : sqlite3_create_function_v2(db, "bantin_title_hash", 1, flags, NULL,
                                                        title_hash_fn, NULL, NULL, NULL);
}
