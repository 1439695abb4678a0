/* article.c: the bt_article record: building it, its id, and its JSON form (via jansson,
 * the one place where articles are serialised). */
#include "bantin/article.h"
#include "core/hash.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

bt_article *bt_article_new(void) { return calloc(1, sizeof(bt_article)); }

void bt_article_free(bt_article *a)
{
    if (!a)
        return;
    free(a->id);
    free(a->origin);
    free(a->url);
    free(a->source);
    free(a->title);
    free(a->published);
    free(a->lede);
    free(a->lang);
    for (size_t i = 0; i < a->n_authors; i++)
        free(a->authors[i]);
    free(a->authors);
    for (size_t i = 0; i < a->n_body; i++)
        free(a->body[i]);
    free(a->body);
    for (size_t i = 0; i < a->n_images; i++) {
        free(a->images[i].src);
        free(a->images[i].caption);
        free(a->images[i].credit);
    }
    free(a->images);
    for (size_t i = 0; i < a->n_related; i++) {
        free(a->related[i].title);
        free(a->related[i].url);
    }
    free(a->related);
    free(a);
}

static char *dupn(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static char *dupz(const char *s) { return s ? dupn(s, strlen(s)) : NULL; }

int bt_article_set(char **field, const char *s, size_t n)
{
    char *p = NULL;
    if (s && !(p = dupn(s, n)))
        return BT_ENOMEM;
    free(*field);
    *field = p;
    return 0;
}

/* Grows an array of `size`-byte items by one; the new item is zeroed. */
static void *push(void *arr, size_t *n, size_t size)
{
    char *p = realloc(arr, (*n + 1) * size);
    if (!p)
        return NULL;
    memset(p + *n * size, 0, size);
    return p;
}

static int push_str(char ***arr, size_t *n, const char *s)
{
    char *copy = dupz(s ? s : "");
    char **p = copy ? push(*arr, n, sizeof *p) : NULL;
    if (!p) {
        free(copy);
        return BT_ENOMEM;
    }
    p[(*n)++] = copy;
    *arr = p;
    return 0;
}

int bt_article_add_author(bt_article *a, const char *name)
{
    return push_str(&a->authors, &a->n_authors, name);
}

int bt_article_add_para(bt_article *a, const char *text)
{
    return push_str(&a->body, &a->n_body, text);
}

int bt_article_add_image(bt_article *a, const char *src, const char *caption, const char *credit)
{
    bt_image im = {dupz(src), dupz(caption ? caption : ""), dupz(credit)};
    bt_image *p = NULL;
    if ((src && !im.src) || !im.caption || (credit && !im.credit) ||
        !(p = push(a->images, &a->n_images, sizeof *p))) {
        free(im.src);
        free(im.caption);
        free(im.credit);
        return BT_ENOMEM;
    }
    p[a->n_images++] = im;
    a->images = p;
    return 0;
}

int bt_article_add_related(bt_article *a, const char *title, const char *url)
{
    bt_related r = {dupz(title ? title : ""), dupz(url)};
    bt_related *p = NULL;
    if (!r.title || (url && !r.url) || !(p = push(a->related, &a->n_related, sizeof *p))) {
        free(r.title);
        free(r.url);
        return BT_ENOMEM;
    }
    p[a->n_related++] = r;
    a->related = p;
    return 0;
}

int bt_article_set_id(bt_article *a)
{
    bt_hasher hs;
    bt_hasher_init(&hs, 0x62616e74696eull); /* "bantin" */
    const char *parts[2] = {a->title, a->lede};
    for (int i = 0; i < 2; i++) {
        if (parts[i])
            bt_hasher_add(&hs, parts[i], strlen(parts[i]));
        bt_hasher_add(&hs, "\x1e", 1);
    }
    for (size_t i = 0; i < a->n_body; i++) {
        bt_hasher_add(&hs, a->body[i], strlen(a->body[i]));
        bt_hasher_add(&hs, "\x1f", 1);
    }
    char hex[17];
    bt_hash_hex(bt_hasher_end(&hs), hex);
    return bt_article_set(&a->id, hex, 16);
}

/* ---- JSON ---- */

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

char *bt_article_to_json(const bt_article *a, unsigned flags, bt_error *err)
{
    json_t *o = json_object(), *authors = json_array(), *body = json_array(),
           *images = json_array(), *related = json_array();
    if (!o || !authors || !body || !images || !related)
        goto oom;
    for (size_t i = 0; i < a->n_authors; i++)
        json_array_append_new(authors, json_string(a->authors[i]));
    for (size_t i = 0; i < a->n_body; i++)
        json_array_append_new(body, json_string(a->body[i]));
    for (size_t i = 0; i < a->n_images; i++)
        json_array_append_new(images, json_pack("{s:o,s:s,s:o}", "src",
                                                str_or_null(a->images[i].src), "caption",
                                                a->images[i].caption ? a->images[i].caption : "",
                                                "credit", str_or_null(a->images[i].credit)));
    for (size_t i = 0; i < a->n_related; i++)
        json_array_append_new(related,
                              json_pack("{s:s,s:o}", "title",
                                        a->related[i].title ? a->related[i].title : "", "url",
                                        str_or_null(a->related[i].url)));
    json_object_set_new(o, "id", str_or_null(a->id));
    json_object_set_new(o, "origin", str_or_null(a->origin));
    json_object_set_new(o, "url", str_or_null(a->url));
    json_object_set_new(o, "source", str_or_null(a->source));
    json_object_set_new(o, "title", json_string(a->title ? a->title : ""));
    json_object_set_new(o, "published", str_or_null(a->published));
    json_object_set_new(o, "authors", authors);
    json_object_set_new(o, "lede", str_or_null(a->lede));
    json_object_set_new(o, "body", body);
    json_object_set_new(o, "images", images);
    json_object_set_new(o, "related", related);
    json_object_set_new(o, "lang", json_string(a->lang ? a->lang : "vi"));
    size_t jf = JSON_PRESERVE_ORDER;
    jf |= (flags & BT_JSON_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT;
    char *s = json_dumps(o, jf);
    json_decref(o);
    if (!s)
        bt_error_set(err, BT_ENOMEM, "article %s: cannot serialise to JSON",
                     a->origin ? a->origin : "?");
    return s;
oom:
    json_decref(o);
    json_decref(authors);
    json_decref(body);
    json_decref(images);
    json_decref(related);
    bt_error_set(err, BT_ENOMEM, "out of memory");
    return NULL;
}

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
    if (!rc && !(rc = get_list(o, "related", &arr, err)) && arr)
        json_array_foreach(arr, i, v) {
            if (rc)
                break;
            if (json_is_string(v))
                rc = bt_article_add_related(a, json_string_value(v), NULL);
            else if (json_is_object(v))
                rc = bt_article_add_related(a, obj_str(v, "title"), obj_str(v, "url"));
            else
                rc = bt_error_set(err, BT_EPARSE, "related[%zu] must be an object", i);
        }
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
