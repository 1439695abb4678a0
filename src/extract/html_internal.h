/* html_internal.h: the pieces of the HTML extractor (html_*.c) and what they share.
 *
 * The flow: html_charset turns the capture's bytes into UTF-8, html_parse builds a libxml2
 * tree with limits, html_node annotates every element (text length, link text, hints),
 * html_meta reads the page's metadata, html_score picks the article's container, and
 * html_output walks it into paragraphs, images, related links and bylines.
 * Everything here works on one document owned by one call: no shared state. */
#ifndef BT_HTML_INTERNAL_H
#define BT_HTML_INTERNAL_H

#include "bantin/article.h"
#include "bantin/capture.h"
#include "core/buf.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

/* Limits: pages past these are refused (size) or truncated (depth) rather than risking time
 * and memory; real news pages are far below them. */
#define BTI_HTML_MAX_BYTES (64u * 1024u * 1024u)
/* Elements nested deeper are not looked at. Real pages go past 200 (nested tables of old
 * portals, builder markup); the walks are recursive, a few frames of a few hundred bytes per
 * level: 1000 levels stay well inside a thread's stack (8 MB), under ASan too. */
#define BTI_HTML_MAX_DEPTH 1000

/* ---- html_charset.c ---- */
/* The page as UTF-8: from the declared charset (HTTP header), a BOM, <meta charset> or
 * http-equiv, else detection. *out is NULL when `in` is already valid UTF-8 without BOM
 * (use `in` as is); otherwise a malloc'ed copy owned by the caller. */
int bti_html_to_utf8(const char *in, size_t len, const char *declared, char **out,
                    size_t *outlen, const char *origin, bt_error *err);

/* ---- html_parse.c ---- */
/* Parses UTF-8 HTML into a tree owned by the caller (bti_html_doc_free). No network access.
 * Attribute values are read through bti_html_attr_value (some live outside the tree). */
int bti_html_parse(const char *utf8, size_t len, const char *origin, xmlDocPtr *out,
                  bt_error *err);
/* Frees a tree from bti_html_parse and what it owns. */
void bti_html_doc_free(xmlDocPtr doc);
/* The value of attribute a, borrowed from its document: "" when it has none. */
const char *bti_html_attr_value(const xmlAttr *a);

/* ---- html_node.c ---- */
enum {
    BTI_NF_SKIP = 0x1,      /* never content: script, style, nav, hidden, forms, ... */
    BTI_NF_NEGATIVE = 0x2,  /* class/id says furniture: comment, share, footer, sidebar */
    BTI_NF_RELATED = 0x4,   /* class/id or heading says related stories */
    BTI_NF_BLOCK = 0x8,     /* has block-level element children */
    BTI_NF_LEDE = 0x10,     /* class/id says sapo/lede/standfirst */
    BTI_NF_BYLINE = 0x20,   /* class/id/itemprop/rel says author */
    BTI_NF_CAPTION = 0x40,  /* class says caption */
    BTI_NF_IMAGEBOX = 0x80, /* class says figure/photo box */
    BTI_NF_DEEP = 0x100,    /* below BTI_HTML_MAX_DEPTH: ignored */
    BTI_NF_KEEP = 0x200     /* a sibling of the top candidate that belongs to the article */
};

/* what an element's class/id hint at (bti_node_info.hints) */
enum {
    BTI_H_POS = 0x1,      /* article, content, detail, noidung, ... */
    BTI_H_NEG = 0x2,      /* comment, share, footer, sidebar, ... */
    BTI_H_REL = 0x4,      /* related, lienquan, xemthem, ... */
    BTI_H_LEDE = 0x8,     /* sapo, lede, standfirst, ... */
    BTI_H_BYLINE = 0x10,  /* author, byline, tacgia, ... */
    BTI_H_CAPTION = 0x20, /* caption, credit, ... */
    BTI_H_IMAGEBOX = 0x40,/* image, photo, figure, ... */
    BTI_H_TITLE = 0x80    /* title, headline, tieude */
};

typedef struct bti_node_info {
    double score;      /* content score (html_score.c) */
    int weight;        /* class/id hint: positive for content, negative for furniture */
    unsigned flags;    /* BTI_NF_* */
    size_t text;       /* visible text in the subtree, in bytes of folded text */
    size_t link;       /* of which inside <a> */
    size_t commas;     /* commas in the subtree */
    size_t paras;      /* <p> descendants */
    size_t imgs;       /* <img> descendants */
    int scored;        /* has been given a base score */
    unsigned hints;    /* BT_H_* from class and id */
    size_t ptext;      /* text of the scored paragraphs below (html_score.c) */
} bti_node_info;

typedef struct bti_html_ctx {
    xmlDocPtr doc;
    bti_node_info *info; /* one per element, reached through xmlNode._private */
    size_t n_info;
    const char *base;   /* URL to resolve links against, or NULL */
    int lang_vi;        /* the page is Vietnamese */
    size_t total_text;  /* visible text of the whole page */
    int lenient;        /* second try: keep "furniture" that holds much of the page's text */
} bti_html_ctx;

#define BTI_INFO(n) ((bti_node_info *)(n)->_private)

/* Whether an element flagged BTI_NF_NEGATIVE is really furniture: a "sidebar" class on a
 * layout wrapper that holds most of the page's text is not. */
int bti_html_furniture(const bti_html_ctx *ctx, const bti_node_info *in);
/* Annotates every element with a bti_node_info (owned by ctx->info). */
int bti_html_annotate(bti_html_ctx *ctx);
/* Whether the class/id word list and its lookup tables agree (a test's check). */
int bti_html_hint_words_ok(void);
/* Whether n is a `tag` element (libxml2's HTML parser gives lowercase names). Inline: the
 * tree walks ask it of every element several times. */
static inline int bti_html_is(const xmlNode *n, const char *tag)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && n->name[0] == (xmlChar)tag[0] &&
           strcmp((const char *)n->name, tag) == 0;
}
int bti_html_is_heading(const xmlNode *n);
/* Appends the visible text of `n` (white space folded, <br> as a space) to b. */
int bti_html_text_append(const xmlNode *n, bti_buf *b, int depth);
/* The folded, NFC text of a node (malloc'ed, "" when empty), or NULL when out of memory. */
char *bti_html_text(const xmlNode *n);
/* NFC + white space folded copy of s (malloc'ed) or NULL. */
char *bti_html_clean(const char *s, size_t len);
/* BT_H_* of an element (0 for elements without a bti_node_info). */
unsigned bti_html_hints(const xmlNode *n);
/* An attribute's value without copying ("" when it has entities), or NULL when absent. */
const char *bti_html_peek(const xmlNode *n, const char *name);
/* An absolute URL for `href` against `base` (malloc'ed), or NULL for "#", javascript:, data:. */
char *bti_html_resolve(const char *base, const char *href);
/* Case- and mark-insensitive comparison of two UTF-8 strings (both folded with bt_fold). */
int bti_html_same_text(const char *a, const char *b);

/* ---- html_dateline.c ---- */
/* The page's visible dateline ("12/09/2022 15:40 (GMT+7)") in a date-classed element, as
 * ISO 8601 with offset (+07:00 for Vietnamese pages without one). 1 when found. */
int bti_html_visible_date(const bti_html_ctx *ctx, char out[64]);
/* Whether an element's tag or class/id says it holds a date (time, *date*, *meta*, ...). */
int bti_html_date_holder(const xmlNode *n);

/* ---- html_meta.c ---- */
typedef struct bti_html_meta {
    char *title;       /* best headline, site suffix removed */
    char *h1;          /* first <h1> text */
    char *site_name;   /* og:site_name, publisher name, application-name */
    char *url;         /* canonical / og:url / JSON-LD url */
    char *published;   /* normalised date */
    char *description; /* og/meta description */
    char *lang;        /* <html lang> / og:locale / inLanguage, primary subtag */
    char *og_type;     /* og:type ("article", "video.other") or NULL */
    char *ld_type;     /* the JSON-LD article object's @type ("LiveBlogPosting") or NULL */
    char *ld_other;    /* the first other JSON-LD object's @type ("VideoObject") or NULL */
    char **authors;
    size_t n_authors;
} bti_html_meta;

int bti_html_meta_read(bti_html_ctx *ctx, const bt_capture *cap, bti_html_meta *m, bt_error *err);
void bti_html_meta_free(bti_html_meta *m);
/* Strips a trailing/leading site name (" | Báo Dân trí", " - VnExpress") from a title. */
char *bti_html_strip_site(const char *title, const char *site, const char *host);
/* The host of a URL without "www." (malloc'ed) or NULL. */
char *bti_html_host(const char *url);

/* ---- html_score.c ---- */
/* The element that holds the article's text, or NULL when the page has none. */
xmlNodePtr bti_html_find_content(bti_html_ctx *ctx);

/* ---- html_output.c ---- */
/* Fills body, lede, images, related and in-text bylines of `a` from `content`. */
int bti_html_output(bti_html_ctx *ctx, xmlNodePtr content, const bti_html_meta *m, bt_article *a);

/* ---- html_most_read.c ---- */
/* Adds the links of the page's "most read" box (lexicon BTI_LEX_MOST_READ_HEAD) to
 * a->most_read, URLs resolved against ctx->base. 0 or BT_ENOMEM. */
int bti_html_most_read(const bti_html_ctx *ctx, bt_article *a);

/* ---- html_caption.c ---- */
/* Splits a credit ("Ảnh: Reuters", "(Nguồn: TASS)", "Photo: AP") off a caption. Writes
 * malloc'ed strings to *caption (never NULL) and *credit (NULL when none). 0 or BT_ENOMEM. */
int bti_html_split_credit(const char *text, char **caption, char **credit);

#endif
