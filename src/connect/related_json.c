/* related_json.c: an article's related list as the JSON object `bantin related --format
 * json` prints and the server sends (bantin/connect.h documents its members). */
#include "bantin/connect.h"
#include "core/json.h"

#include <math.h>

static json_t *item_json(const bt_related_item *it)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    double score = isfinite(it->score) ? it->score : 0; /* json_real refuses NaN */
    if (bti_json_set_str(o, "id", it->id, 0) || bti_json_set_str(o, "title", it->title, 0) ||
        bti_json_set_str(o, "source", it->source, 1) ||
        bti_json_set_str(o, "published", it->published, 1) ||
        bti_json_set(o, "score", json_real(score))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *link_json(const bt_related_link *l)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    if (bti_json_set_str(o, "title", l->title ? l->title : "", 0) ||
        bti_json_set_str(o, "url", l->url, 1) ||
        bti_json_set_str(o, "id", l->id[0] ? l->id : NULL, 1)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

int bt_related_list_to_json(const bt_related_list *r, unsigned flags, char **out, bt_error *err)
{
    if (out)
        *out = NULL;
    if (!r || !out)
        return bt_error_set(err, BT_EINVAL, "related to JSON: no list or no output");
    if (flags & ~BT_JSON_PRETTY)
        return bt_error_set(err, BT_EINVAL, "related to JSON: unknown flags 0x%x", flags);
    json_t *o = json_object(), *items = json_array(), *links = json_array();
    int rc = o && items && links ? 0 : BT_ENOMEM;
    for (size_t i = 0; !rc && i < r->n; i++) {
        json_t *j = item_json(&r->items[i]);
        if (!j || json_array_append_new(items, j))
            rc = bt_error_set(err, BT_EINVAL, "related to JSON: item %zu (%s): not valid UTF-8"
                              " or out of memory", i, r->items[i].id);
    }
    for (size_t i = 0; !rc && i < r->n_links; i++) {
        json_t *j = link_json(&r->links[i]);
        if (!j || json_array_append_new(links, j))
            rc = bt_error_set(err, BT_EINVAL, "related to JSON: link %zu: not valid UTF-8 or"
                              " out of memory", i);
    }
    if (!rc)
        rc = bti_json_set_str(o, "id", r->id, 0);
    if (!rc) {
        rc = bti_json_set(o, "related", items);
        items = NULL;
    }
    if (!rc) {
        rc = bti_json_set(o, "links", links);
        links = NULL;
    }
    if (!rc)
        rc = bti_json_dump(o, flags, out);
    json_decref(items);
    json_decref(links);
    json_decref(o);
    if (rc == BT_ENOMEM)
        bt_error_set(err, rc, "related: out of memory");
    return rc;
}
