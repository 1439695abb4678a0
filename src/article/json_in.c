/* json_in.c: reading an article back from its JSON object (bantin add over JSONL, gold
 * records). */
#include "bantin/article.h"

#include <jansson.h>

/* Reads an optional string field; a present field of another type is an error. */
static int get_str(json_t *o, const char *key, char **field, bt_error *err)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return bt_error_set(err, BT_EPARSE, "field \"%s\" must be a string or null", key);
    return bt_article_set(field, json_string_value(v), json_string_length(v));
}

static int get_list(json_t *o, const char *key, json_t **arr, bt_error *err)
{
    json_t *v = json_object_get(o, key);
    *arr = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_array(v))
        return bt_error_set(err, BT_EPARSE, "field \"%s\" must be a list", key);
    *arr = v;
    return 0;
}

static const char *obj_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A list of {title, url} links ("related", "most_read"); a bare string is a title. */
static int get_links(json_t *o, const char *key, bt_article *a,
                     int (*add)(bt_article *, const char *, const char *), bt_error *err)
{
    json_t *arr, *v;
    size_t i;
    int rc = get_list(o, key, &arr, err);
    if (rc || !arr)
        return rc;
    json_array_foreach(arr, i, v) {
        if (json_is_string(v))
            rc = add(a, json_string_value(v), NULL);
        else if (json_is_object(v))
            rc = add(a, obj_str(v, "title"), obj_str(v, "url"));
        else
            rc = bt_error_set(err, BT_EPARSE, "%s[%zu] must be an object", key, i);
        if (rc)
            return rc;
    }
    return 0;
}

int bt_article_from_json(const char *json, size_t len, bt_article **out, bt_error *err)
{
    json_error_t je;
    json_t *o = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
    *out = NULL;
    if (!o)
        return bt_error_set(err, BT_EPARSE, "invalid JSON at column %d: %s", je.column, je.text);
    if (!json_is_object(o)) {
        json_decref(o);
        return bt_error_set(err, BT_EPARSE, "a record must be a JSON object");
    }
    bt_article *a = bt_article_new();
    if (!a) {
        json_decref(o);
        return bt_error_set(err, BT_ENOMEM, "out of memory");
    }
    int rc = 0;
    static const char *const keys[] = {"id", "origin", "url", "source", "title",
                                       "published", "lede", "lang"};
    char **fields[] = {&a->id,        &a->origin, &a->url,  &a->source, &a->title,
                       &a->published, &a->lede,   &a->lang};
    for (size_t i = 0; !rc && i < sizeof keys / sizeof keys[0]; i++)
        rc = get_str(o, keys[i], fields[i], err);
    json_t *arr;
    size_t i;
    json_t *v;
    if (!rc && !(rc = get_list(o, "authors", &arr, err)) && arr)
        json_array_foreach(arr, i, v) {
            if (rc)
                break;
            rc = json_is_string(v) ? bt_article_add_author(a, json_string_value(v))
                                   : bt_error_set(err, BT_EPARSE, "authors[%zu] must be a string", i);
        }
    if (!rc && !(rc = get_list(o, "body", &arr, err)) && arr)
        json_array_foreach(arr, i, v) {
            if (rc)
                break;
            rc = json_is_string(v) ? bt_article_add_para(a, json_string_value(v))
                                   : bt_error_set(err, BT_EPARSE, "body[%zu] must be a string", i);
        }
    if (!rc && !(rc = get_list(o, "images", &arr, err)) && arr)
        json_array_foreach(arr, i, v) {
            if (rc)
                break;
            rc = json_is_object(v)
                     ? bt_article_add_image(a, obj_str(v, "src"), obj_str(v, "caption"),
                                            obj_str(v, "credit"))
                     : bt_error_set(err, BT_EPARSE, "images[%zu] must be an object", i);
        }
    if (!rc)
        rc = get_links(o, "related", a, bt_article_add_related, err);
    if (!rc)
        rc = get_links(o, "most_read", a, bt_article_add_most_read, err);
    if (!rc && !(rc = get_str(o, "kind", &a->kind, err)) && a->kind && !bt_article_kind_known(a->kind))
        rc = bt_error_set(err, BT_EPARSE,
                          "field \"kind\": \"%.40s\" is not one of article, video, photo, "
                          "infographic, live, podcast", a->kind);
    json_decref(o);
    if (rc) {
        if (rc == BT_ENOMEM)
            bt_error_set(err, BT_ENOMEM, "out of memory");
        bt_article_free(a);
        return rc;
    }
    *out = a;
    return 0;
}
