/* top_json.c: the most-read list as the JSON object `bantin top --format json` prints and the
 * server's GET /api/top sends (bantin/top.h documents it). */
#include "bantin/top.h"
#include "core/json.h"

#include <string.h>

static int item(json_t *arr, const bt_top_item *it)
{
    json_t *o = json_object();
    if (!o)
        return BT_ENOMEM;
    int rc = bti_json_set_str(o, "id", it->id, 0);
    if (!rc)
        rc = bti_json_set_str(o, "title", it->title ? it->title : "", 0);
    if (!rc)
        rc = bti_json_set_str(o, "url", it->url, 1);
    if (!rc)
        rc = bti_json_set_str(o, "source", it->source, 1);
    if (!rc)
        rc = bti_json_set_str(o, "published", it->published, 1);
    if (!rc)
        rc = bti_json_set_str(o, "kind", it->kind ? it->kind : BT_ARTICLE_KIND_ARTICLE, 0);
    if (!rc)
        rc = bti_json_set(o, "count", json_integer(it->count));
    if (rc) {
        json_decref(o);
        return rc;
    }
    return json_array_append_new(arr, o) ? BT_ENOMEM : 0; /* takes o, also on failure */
}

int bt_top_to_json(const bt_top_list *l, unsigned flags, char **out, bt_error *err)
{
    if (out)
        *out = NULL;
    if (!l || !out)
        return bt_error_set(err, BT_EINVAL, "top to JSON: no list or no output");
    if (flags & ~BT_JSON_PRETTY)
        return bt_error_set(err, BT_EINVAL, "top to JSON: unknown flags 0x%x", flags);
    json_t *o = json_object(), *arr = json_array();
    int rc = o && arr ? 0 : BT_ENOMEM;
    if (!rc)
        rc = bti_json_set_str(o, "by", l->by == BT_TOP_MENTIONS ? "mentions" : "views", 0);
    if (!rc)
        rc = bti_json_set(o, "days", json_integer(l->days));
    if (!rc)
        rc = bti_json_set(o, "from", json_stringn(l->from, strnlen(l->from, sizeof l->from)));
    if (!rc)
        rc = bti_json_set(o, "until", json_stringn(l->until, strnlen(l->until, sizeof l->until)));
    for (size_t i = 0; !rc && i < l->n; i++)
        rc = item(arr, &l->items[i]);
    if (!rc) {
        rc = bti_json_set(o, "articles", arr);
        arr = NULL;
    }
    if (!rc)
        rc = bti_json_dump(o, flags, out);
    json_decref(o);
    json_decref(arr);
    if (rc == BT_ENOMEM)
        bt_error_set(err, rc, "top: out of memory");
    else if (rc)
        bt_error_set(err, rc, "top to JSON: a field is not valid UTF-8");
    return rc;
}
