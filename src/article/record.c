/* record.c: the bt_article record: making, filling and freeing it. Its id, JSON forms and
 * renderings are in the other files of src/article/. */
#include "bantin/article.h"

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
    free(a->kind);
    for (size_t i = 0; i < a->n_most_read; i++) {
        free(a->most_read[i].title);
        free(a->most_read[i].url);
    }
    free(a->most_read);
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

/* Appends a {title, url} link to one of the article's link lists (related, most read). */
static int push_link(bt_related **arr, size_t *n, const char *title, const char *url)
{
    bt_related r = {dupz(title ? title : ""), dupz(url)};
    bt_related *p = NULL;
    if (!r.title || (url && !r.url) || !(p = push(*arr, n, sizeof *p))) {
        free(r.title);
        free(r.url);
        return BT_ENOMEM;
    }
    p[(*n)++] = r;
    *arr = p;
    return 0;
}

int bt_article_add_related(bt_article *a, const char *title, const char *url)
{
    return push_link(&a->related, &a->n_related, title, url);
}

int bt_article_add_most_read(bt_article *a, const char *title, const char *url)
{
    return push_link(&a->most_read, &a->n_most_read, title, url);
}

int bt_article_kind_known(const char *name)
{
    static const char *const kinds[] = {BT_ARTICLE_KIND_ARTICLE, BT_ARTICLE_KIND_VIDEO, BT_ARTICLE_KIND_PHOTO,
                                        BT_ARTICLE_KIND_INFOGRAPHIC, BT_ARTICLE_KIND_LIVE, BT_ARTICLE_KIND_PODCAST};
    for (size_t i = 0; name && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(name, kinds[i]) == 0)
            return 1;
    return 0;
}
