/* results_json.c: search results as the JSON object `bantin search --format json` prints and
 * the server will send (bantin/search.h documents its members). */
#include "bantin/search.h"
#include "core/json.h"

#include <math.h>
#include <string.h>

/* One hit's object; 0, BT_ENOMEM, or BT_EINVAL with `err` naming the hit and field (text
 * that is not UTF-8 cannot be JSON; the store only holds UTF-8, so this is a caller's hit). */
static int hit_json(const bt_search_hit *h, size_t copies, json_t **out, bt_error *err)
{
    json_t *o = json_object(), *hl = json_array();
    const char *field = "id", *why = "not valid UTF-8";
    int rc = o && hl ? bti_json_set_str(o, "id", h->id, 0) : BT_ENOMEM;
    if (!rc)
        rc = bti_json_set_str(o, field = "title", h->title, 0);
    if (!rc)
        rc = bti_json_set_str(o, field = "source", h->source, 1);
    if (!rc)
        rc = bti_json_set_str(o, field = "published", h->published, 1);
    if (!rc && !isfinite(h->score)) { /* json_real refuses NaN and infinities */
        field = "score";
        why = "not a finite number";
        rc = BT_EINVAL;
    }
    if (!rc)
        rc = bti_json_set(o, "score", json_real(h->score));
    if (!rc)
        rc = bti_json_set_str(o, field = "snippet", h->snippet ? h->snippet : "", 0);
    for (size_t k = 0; !rc && k < h->n_highlights; k++)
        if (json_array_append_new(hl, json_pack("[II]", (json_int_t)h->highlights[k][0],
                                                (json_int_t)h->highlights[k][1])))
            rc = BT_ENOMEM;
    if (!rc)
        rc = bti_json_set(o, "highlights", json_incref(hl));
    if (!rc && copies) /* only for a hit standing for a group (bantin/search.h) */
        rc = bti_json_set(o, "copies", json_integer((json_int_t)copies));
    json_decref(hl);
    if (rc) {
        json_decref(o);
        if (rc == BT_EINVAL)
            return bt_error_set(err, rc, "search result %.16s: field \"%s\" is %s", h->id,
                                field, !h->title && !strcmp(field, "title") ? "missing" : why);
        return bt_error_set(err, rc, "search results: out of memory");
    }
    *out = o;
    return 0;
}

int bt_search_results_to_json(const bt_search_results *r, unsigned flags, char **out,
                              bt_error *err)
{
    if (out)
        *out = NULL;
    if (!r || !out)
        return bt_error_set(err, BT_EINVAL, "search results to JSON: no results or no output");
    if (flags & ~BT_JSON_PRETTY)
        return bt_error_set(err, BT_EINVAL, "search results to JSON: unknown flags 0x%x", flags);
    json_t *root = json_object(), *list = json_array();
    int rc = root && list ? bti_json_set(root, "total", json_integer(r->total)) : BT_ENOMEM;
    if (!rc)
        rc = bti_json_set(root, "results", json_incref(list));
    if (!rc && r->total_more) /* total is a lower bound: after the results, as ever */
        rc = bti_json_set(root, "total_more", json_true());
    for (size_t i = 0; !rc && i < r->n; i++) {
        json_t *o = NULL;
        if (!(rc = hit_json(&r->hits[i], r->copies ? r->copies[i] : 0, &o, err)) &&
            json_array_append_new(list, o))
            rc = BT_ENOMEM;
    }
    if (!rc)
        rc = bti_json_dump(root, flags, out);
    json_decref(list);
    json_decref(root);
    if (rc == BT_ENOMEM)
        bt_error_set(err, rc, "search results: out of memory");
    return rc;
}
