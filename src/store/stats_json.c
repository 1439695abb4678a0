/* stats_json.c: the store's stats as the JSON object `bantin stats --json` prints and the
 * server will send (bantin/store.h documents its members). */
#include "core/opts.h"
#include "bantin/store.h"
#include "core/json.h"

#include <string.h>

/* A date member: null when the store has none (""), else the string, which the store wrote
 * and so is UTF-8; the arrays may lack a NUL when the caller filled the struct by hand. */
static int date(json_t *o, const char *key, const char *v, size_t cap, bt_error *err)
{
    size_t n = strnlen(v, cap);
    json_t *j = n ? json_stringn(v, n) : json_null();
    if (j)
        return bti_json_set(o, key, j);
    return bt_error_set(err, BT_EINVAL, "store stats: field \"%s\" is not valid UTF-8", key);
}

int bt_store_stats_to_json(const bt_store_stats *st, unsigned flags, char **out, bt_error *err)
{
    if (out)
        *out = NULL;
    if (!st || !out)
        return bt_error_set(err, BT_EINVAL, "store stats to JSON: no stats or no output");
    if (flags & ~BT_JSON_PRETTY)
        return bt_error_set(err, BT_EINVAL, "store stats to JSON: unknown flags 0x%x", flags);
    /* a caller's struct may be older (shorter): the fields it lacks read as zero */
    static const bt_store_stats zero = {0};
    bt_store_stats full;
    int bad = bti_opts_copy(&full, sizeof full, &zero, st, "store stats to JSON", err);
    if (bad)
        return bad;
    st = &full;
    json_t *o = json_object();
    int rc = o ? 0 : BT_ENOMEM;
    const struct {
        const char *key;
        int64_t v;
    } counts[] = {{"articles", st->articles}, {"origins", st->origins},
                  {"sources", st->sources},   {"images", st->images},
                  {"related", st->related}};
    for (size_t i = 0; !rc && i < sizeof counts / sizeof counts[0]; i++)
        rc = bti_json_set(o, counts[i].key, json_integer(counts[i].v));
    if (!rc)
        rc = date(o, "first_published", st->first_published, sizeof st->first_published, err);
    if (!rc)
        rc = date(o, "last_published", st->last_published, sizeof st->last_published, err);
    if (!rc)
        rc = date(o, "first_added", st->first_added, sizeof st->first_added, err);
    if (!rc)
        rc = date(o, "last_added", st->last_added, sizeof st->last_added, err);
    if (!rc)
        rc = bti_json_set(o, "file_bytes", json_integer(st->file_bytes));
    if (!rc)
        rc = bti_json_set(o, "index_bytes", json_integer(st->index_bytes));
    if (!rc)
        rc = bti_json_set(o, "index_segments", json_integer(st->index_segments));
    if (!rc)
        rc = bti_json_set(o, "schema_version", json_integer(st->schema_version));
    if (!rc)
        rc = bti_json_set(o, "phrase_index", json_boolean(st->phrase_index));
    if (!rc)
        rc = bti_json_dump(o, flags, out);
    json_decref(o);
    if (rc == BT_ENOMEM)
        bt_error_set(err, rc, "store stats: out of memory");
    return rc;
}
