/* json_out.c: the article's JSON object of spec/article.md: what bantin extract, show and
 * export print, and what the store keeps. */
#include "bantin/article.h"
#include "core/json.h"

#include <jansson.h>

static char *to_json(const bt_article *a, unsigned flags, bt_error *err)
{
    json_t *o = json_object(), *authors = json_array(), *body = json_array(),
           *images = json_array(), *related = json_array(), *most_read = json_array();
    if (!o || !authors || !body || !images || !related || !most_read)
        goto oom;
    for (size_t i = 0; i < a->n_authors; i++)
        json_array_append_new(authors, json_string(a->authors[i]));
    for (size_t i = 0; i < a->n_body; i++)
        json_array_append_new(body, json_string(a->body[i]));
    for (size_t i = 0; i < a->n_images; i++)
        json_array_append_new(
            images, json_pack("{s:o,s:s,s:o}", "src", bti_json_str_or_null(a->images[i].src),
                              "caption", a->images[i].caption ? a->images[i].caption : "",
                              "credit", bti_json_str_or_null(a->images[i].credit)));
    for (size_t i = 0; i < a->n_related; i++)
        json_array_append_new(related,
                              json_pack("{s:s,s:o}", "title",
                                        a->related[i].title ? a->related[i].title : "", "url",
                                        bti_json_str_or_null(a->related[i].url)));
    for (size_t i = 0; i < a->n_most_read; i++)
        json_array_append_new(most_read,
                              json_pack("{s:s,s:o}", "title",
                                        a->most_read[i].title ? a->most_read[i].title : "",
                                        "url", bti_json_str_or_null(a->most_read[i].url)));
    json_object_set_new(o, "id", bti_json_str_or_null(a->id));
    json_object_set_new(o, "origin", bti_json_str_or_null(a->origin));
    json_object_set_new(o, "url", bti_json_str_or_null(a->url));
    json_object_set_new(o, "source", bti_json_str_or_null(a->source));
    json_object_set_new(o, "title", json_string(a->title ? a->title : ""));
    json_object_set_new(o, "published", bti_json_str_or_null(a->published));
    json_object_set_new(o, "authors", authors);
    json_object_set_new(o, "lede", bti_json_str_or_null(a->lede));
    json_object_set_new(o, "body", body);
    json_object_set_new(o, "images", images);
    json_object_set_new(o, "related", related);
    json_object_set_new(o, "lang", json_string(a->lang ? a->lang : "vi"));
    /* always written, "article" included: a client filters on it without a default to know */
    json_object_set_new(o, "kind", json_string(a->kind ? a->kind : BT_ARTICLE_KIND_ARTICLE));
    json_object_set_new(o, "most_read", most_read);
    char *s;
    int rc = bti_json_dump(o, flags, &s);
    json_decref(o);
    if (rc)
        bt_error_set(err, BT_ENOMEM, "article %s: cannot serialise to JSON",
                     a->origin ? a->origin : "?");
    return s;
oom:
    json_decref(o);
    json_decref(authors);
    json_decref(body);
    json_decref(images);
    json_decref(related);
    json_decref(most_read);
    bt_error_set(err, BT_ENOMEM, "out of memory");
    return NULL;
}

int bt_article_to_json(const bt_article *a, unsigned flags, char **out, bt_error *err)
{
    *out = NULL;
    if (!a)
        return bt_error_set(err, BT_EINVAL, "to_json: no article");
    bt_error local, *e = err ? err : &local; /* the code is wanted even without a report */
    bt_error_clear(e);
    *out = to_json(a, flags, e);
    if (*out)
        return 0;
    return e->code ? e->code : bt_error_set(err, BT_ENOMEM, "out of memory");
}
