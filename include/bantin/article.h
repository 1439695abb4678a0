/* bantin/article.h: the article record of spec/article.md, the one thing every stage after
 * extraction passes on: what extraction makes, the store keeps, search finds and clients
 * print. This module (src/article/) is the record's only owner: its fields, its id, its JSON
 * form both ways and its renderings for readers (text, Markdown, HTML); no other part of the
 * library serialises an article. It depends only on src/core, src/text and jansson, so the
 * store and the clients use it without the extractor.
 *
 * Invariants: every string is valid UTF-8, NFC, white space folded (extraction guarantees it;
 * the setters copy what they are given), or NULL where the field's comment allows it; counts
 * match their arrays. The id is a function of title, lede and body only (bt_article_set_id).
 *
 * Preformatted text (<pre>, a code listing, a poem, a table of results set in lines): each of
 * its non-blank lines is one paragraph of the body, in order. The spec folds white space in
 * every string, so a line break cannot live inside a paragraph; a paragraph a line keeps the
 * lines apart for every reader of the record (search snippets, near-duplicates, the gold
 * scorer) without a second kind of paragraph, at the price of indentation and of the block's
 * edges. The renderings therefore show such lines as paragraphs (text: a line each; Markdown
 * and HTML: paragraphs), not as a code block: the record does not say which lines were one.
 *
 * Ownership: a bt_article owns all its strings and arrays; bt_article_free releases them.
 * Serialisers return malloc'ed strings owned by the caller.
 *
 * Thread safety: no global state. Distinct articles may be used from different threads at
 * once; one article may be read (serialised, rendered) by many threads, but not while one
 * modifies it. */
#ifndef BANTIN_ARTICLE_H
#define BANTIN_ARTICLE_H

#include "bantin/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bt_image {
    char *src;     /* image URL or NULL */
    char *caption; /* never NULL ("" when the page gives none) */
    char *credit;  /* "Reuters" from "Ảnh: Reuters", or NULL */
} bt_image;

typedef struct bt_related {
    char *title; /* never NULL */
    char *url;   /* or NULL */
} bt_related;

typedef struct bt_article {
    char *id;        /* stable id: see bt_article_set_id */
    char *origin;    /* the path as given, or the URL for JSONL/WARC records */
    char *url;       /* canonical URL or NULL */
    char *source;    /* publisher or NULL */
    char *title;     /* never NULL once extracted */
    char *published; /* ISO 8601 with offset, or NULL */
    char *lede;      /* or NULL */
    char *lang;      /* BCP 47, "vi" */
    char **authors;
    size_t n_authors;
    char **body; /* paragraphs (a <pre> block: one a line, see above) */
    size_t n_body;
    bt_image *images;
    size_t n_images;
    bt_related *related;
    size_t n_related;
    /* Added after the spec's first fields, so the layout above is unchanged. */
    char *kind; /* "article", "video", "photo", "infographic", "live", "podcast" (BT_ARTICLE_KIND_*);
                   NULL reads as "article" */
    bt_related *most_read; /* the page's own "most read" box ("Đọc nhiều", "Most popular"):
                              titles with absolute URLs (or NULL), in the box's order */
    size_t n_most_read;
} bt_article;

/* The kinds of article (bt_article.kind). An article is BT_ARTICLE_KIND_ARTICLE unless the page says
 * otherwise (extract/kind.c reads og:type, JSON-LD @type, a main <video>, title markers). */
#define BT_ARTICLE_KIND_ARTICLE "article"
#define BT_ARTICLE_KIND_VIDEO "video"
#define BT_ARTICLE_KIND_PHOTO "photo"
#define BT_ARTICLE_KIND_INFOGRAPHIC "infographic"
#define BT_ARTICLE_KIND_LIVE "live"
#define BT_ARTICLE_KIND_PODCAST "podcast"

/* 1 when `name` is one of the kinds above (exact, lowercase), else 0. */
BT_API int bt_article_kind_known(const char *name);

BT_API bt_article *bt_article_new(void);
BT_API void bt_article_free(bt_article *a);

/* Replaces *field with a copy of `s` (n bytes; NULL clears the field). 0 or BT_ENOMEM. */
BT_API int bt_article_set(char **field, const char *s, size_t n);
/* Appends copies. `url`, `src` and `credit` may be NULL. 0 or BT_ENOMEM. */
BT_API int bt_article_add_author(bt_article *a, const char *name);
BT_API int bt_article_add_para(bt_article *a, const char *text);
BT_API int bt_article_add_image(bt_article *a, const char *src, const char *caption, const char *credit);
BT_API int bt_article_add_related(bt_article *a, const char *title, const char *url);
BT_API int bt_article_add_most_read(bt_article *a, const char *title, const char *url);

/* Sets `id` from the article's content (title, lede, body), so that the same article reached
 * by two captures gets the same id: 16 hex digits of a stable 64-bit hash of the normalised
 * text. 0 or BT_ENOMEM. */
BT_API int bt_article_set_id(bt_article *a);

/* The spec's JSON object for `a` in *out, malloc'ed (owned by the caller), without a trailing
 * newline. Field order follows the spec. `flags`: BT_JSON_PRETTY (bantin/common.h) or 0.
 * 0, or a negative BT_E* with *out NULL and `err` filled (BT_EINVAL: a string that is not
 * UTF-8, named). */
BT_API int bt_article_to_json(const bt_article *a, unsigned flags, char **out, bt_error *err);

/* Parses one JSON object of the spec (as bt_article_to_json writes, or a gold record) into a
 * new article owned by the caller. Unknown fields are ignored; a field of the wrong type is
 * an error naming it. */
BT_API int bt_article_from_json(const char *json, size_t len, bt_article **out, bt_error *err);

/* Output formats of bt_article_render. */
enum {
    BT_FORMAT_JSON = 0,  /* the spec's JSON object, compact (bt_article_to_json) */
    BT_FORMAT_TEXT,      /* plain text for reading: title, dateline, lede, paragraphs,
                            captions, related links; one paragraph per line */
    BT_FORMAT_MARKDOWN,  /* the same as CommonMark, text escaped */
    BT_FORMAT_HTML       /* the same as an escaped <article> element (a fragment: the caller
                            wraps it in a document) */
};

/* Sets *format to the BT_FORMAT_* named "json", "text" (or "txt"), "markdown" (or "md") or
 * "html", case-insensitively: 0, or BT_EINVAL for another name (*format unchanged). */
BT_API int bt_format_from_name(const char *name, int *format);

/* The clean article in `format` in *out, malloc'ed, ending with a newline (owned by the
 * caller). 0, or a negative BT_E* with *out NULL and `err` filled. */
BT_API int bt_article_render(const bt_article *a, int format, char **out, bt_error *err);

#ifdef __cplusplus
}
#endif
#endif
