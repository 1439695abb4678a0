/* json_out.c: the article's JSON object of spec/article.md: what bantin extract, show and
 * export print, and what the store keeps (and hashes, for a record added without its
 * capture's bytes: store/write.c's record_hash).
 *
 * Written straight into a buffer rather than through a jansson tree: building the tree (a
 * copy and a UTF-8 check of every string, a hash table for the object) and dumping it cost
 * about 55 us an article, a third of what the store spent adding one (bench/README.md, issue
 * 15). The bytes are the ones bti_json_dump wrote for that tree (jansson's compact form, or
 * its two-space indent with ": "), so records and the content hashes stored from them do not
 * change; test_article's test_json_same_as_tree checks it against the tree on generated
 * articles. As there, a string that is not valid UTF-8 (jansson refused it) is left out: the
 * object's key, the list's item, or the whole image or link holding it. */
#include "bantin/article.h"
#include "bantin/text.h"
#include "core/buf.h"

#include <stdint.h>
#include <string.h>

typedef struct writer {
    bti_buf b;
    int pretty;
    int depth; /* of the items of the object or list being written (1: the article's) */
    int items; /* written so far in it */
    int oom;
} writer;

static void put(writer *w, const char *s, size_t n)
{
    if (w->b.len + n < w->b.cap) { /* most pieces are a few bytes: no call */
        memcpy(w->b.data + w->b.len, s, n);
        w->b.len += n;
    } else if (!w->oom && bti_buf_add(&w->b, s, n))
        w->oom = 1;
}

/* A string is written only when valid UTF-8 (and not NULL): what json_string accepted. */
static int ok(const char *s) { return s && bt_utf8_valid(s, strlen(s), NULL); }

/* Nonzero when one of the eight bytes of `x` must be escaped: below 0x20, '"' or '\\'. Each
 * part is the exact "some byte is below n" test (a borrow reaches a byte's high bit only
 * from a byte that is), so a word without any is copied as it is. */
static uint64_t needs_escape(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ull;
    uint64_t quote = x ^ (ones * '"'), slash = x ^ (ones * '\\');
    return ((x - ones * 0x20) | (quote - ones) | (slash - ones)) & ~x & (ones * 0x80);
}

/* The quoted string: '"', '\\' and the control bytes escaped as jansson does ("\n", or
 * "\u001F" in upper-case hex), everything else as it is (valid UTF-8 has no byte below 0x80
 * inside a sequence, so bytes are enough). */
static void put_str(writer *w, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    const unsigned char *run = p;
    put(w, "\"", 1);
    for (;;) {
        uint64_t x;
        while (end - p >= 8 && (memcpy(&x, p, 8), !needs_escape(x)))
            p += 8;
        if (p >= end)
            break;
        unsigned char c = *p++;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(w, (const char *)run, (size_t)(p - 1 - run));
        run = p;
        char esc[6] = {'\\', (char)c, '0', '0', hex[c >> 4], hex[c & 15]};
        size_t n = 2;
        switch (c) {
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        case '"': case '\\': break;
        default: /* "\u00XX" */
            esc[1] = 'u';
            n = 6;
        }
        put(w, esc, n);
    }
    put(w, (const char *)run, (size_t)(end - run));
    put(w, "\"", 1);
}

/* The line break and indent before an item (pretty), after the comma between items. */
static void newline(writer *w, int depth)
{
    if (!w->pretty)
        return;
    put(w, "\n", 1);
    for (int i = 0; i < depth; i++)
        put(w, "  ", 2);
}

static void item(writer *w)
{
    if (w->items++)
        put(w, ",", 1);
    newline(w, w->depth);
}

/* Opens an object or list; returns the enclosing one's count of items, for leave(). */
static int enter(writer *w, const char *bracket)
{
    put(w, bracket, 1);
    int outer = w->items;
    w->items = 0;
    w->depth++;
    return outer;
}

static void leave(writer *w, const char *bracket, int outer)
{
    if (w->items) /* an empty one is "{}" or "[]", also pretty */
        newline(w, w->depth - 1);
    w->depth--;
    put(w, bracket, 1);
    w->items = outer;
}

static void key(writer *w, const char *k)
{
    item(w);
    put_str(w, k);
    put(w, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
}

/* A member holding a string, or null when `s` is NULL and `nullable`. */
static void member(writer *w, const char *k, const char *s, int nullable)
{
    if (!s && nullable) {
        key(w, k);
        put(w, "null", 4);
    } else if (ok(s)) {
        key(w, k);
        put_str(w, s);
    }
}

static void list(writer *w, const char *k, char *const *v, size_t n)
{
    key(w, k);
    int outer = enter(w, "[");
    for (size_t i = 0; i < n; i++)
        if (ok(v[i])) {
            item(w);
            put_str(w, v[i]);
        }
    leave(w, "]", outer);
}

static void links(writer *w, const char *k, const bt_related *v, size_t n)
{
    key(w, k);
    int outer = enter(w, "[");
    for (size_t i = 0; i < n; i++) {
        const char *title = v[i].title ? v[i].title : "";
        if (!ok(title) || (v[i].url && !ok(v[i].url)))
            continue;
        item(w);
        int o = enter(w, "{");
        member(w, "title", title, 0);
        member(w, "url", v[i].url, 1);
        leave(w, "}", o);
    }
    leave(w, "]", outer);
}

static void images(writer *w, const bt_image *v, size_t n)
{
    key(w, "images");
    int outer = enter(w, "[");
    for (size_t i = 0; i < n; i++) {
        const char *caption = v[i].caption ? v[i].caption : "";
        if ((v[i].src && !ok(v[i].src)) || !ok(caption) || (v[i].credit && !ok(v[i].credit)))
            continue;
        item(w);
        int o = enter(w, "{");
        member(w, "src", v[i].src, 1);
        member(w, "caption", caption, 0);
        member(w, "credit", v[i].credit, 1);
        leave(w, "}", o);
    }
    leave(w, "]", outer);
}

int bt_article_to_json(const bt_article *a, unsigned flags, char **out, bt_error *err)
{
    *out = NULL;
    if (!a)
        return bt_error_set(err, BT_EINVAL, "to_json: no article");
    bt_error_clear(err);
    writer w = {BTI_BUF_INIT, (flags & BT_JSON_PRETTY) != 0, 0, 0, 0};
    /* room for a news article's record at once (the buffer doubles from 64 bytes) */
    if (bti_buf_grow(&w.b, 8192))
        w.oom = 1;
    int outer = enter(&w, "{");
    member(&w, "id", a->id, 1);
    member(&w, "origin", a->origin, 1);
    member(&w, "url", a->url, 1);
    member(&w, "source", a->source, 1);
    member(&w, "title", a->title ? a->title : "", 0);
    member(&w, "published", a->published, 1);
    list(&w, "authors", a->authors, a->n_authors);
    member(&w, "lede", a->lede, 1);
    list(&w, "body", a->body, a->n_body);
    images(&w, a->images, a->n_images);
    links(&w, "related", a->related, a->n_related);
    member(&w, "lang", a->lang ? a->lang : "vi", 0);
    /* always written, "article" included: a client filters on it without a default to know */
    member(&w, "kind", a->kind ? a->kind : BT_ARTICLE_KIND_ARTICLE, 0);
    links(&w, "most_read", a->most_read, a->n_most_read);
    leave(&w, "}", outer);
    if (w.oom) {
        bti_buf_free(&w.b);
        return bt_error_set(err, BT_ENOMEM, "article %s: cannot serialise to JSON",
                            a->origin ? a->origin : "?");
    }
    w.b.data[w.b.len] = '\0'; /* put() leaves the terminator to the end */
    *out = bti_buf_detach(&w.b, NULL);
    return 0;
}
