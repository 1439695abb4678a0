/* bantin/extract.h: from a capture to the article record (text/Markdown captures and HTML).
 *
 * The extractor finds the one article in a page full of a portal's furniture (menus,
 * related lists, "most read" boxes, share prompts, captions' credits) and fills the record
 * of bantin/article.h: title, date, byline, lede (sapo), paragraphs, images with captions,
 * related links. Its rules are named passes with documented thresholds, over one lexicon of
 * furniture words looked up by folded key (src/extract/lexicon.c); the thresholds are tuning,
 * not contract: only the record's shape and the spec's field meanings are.
 *
 * Invariants: the same bytes always give the same record (no clock, no randomness, no
 * state between calls), so a record's id (bt_article_set_id) is stable; every string of the
 * record is UTF-8 NFC whatever the page's charset.
 *
 * Depends on: the capture (bantin/capture.h), the record (bantin/article.h), the text stage
 * (bantin/text.h: decoding, normalisation, folding) and libxml2's HTML parser.
 *
 * Thread safety: extraction is pure: no global state, no static buffers; many threads may
 * extract at once, each with its own captures. A site model is written by one thread while
 * it learns and then only read, by any number of threads. */
#ifndef BANTIN_EXTRACT_H
#define BANTIN_EXTRACT_H

#include "bantin/article.h"
#include "bantin/capture.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A site model: which blocks of text recur across the pages of a site (menus, footers,
 * "most read" lists). Learnt from a batch of captures of one site, it lets the extractor
 * drop that furniture on pages it has never seen. Learning is not thread-safe; a learnt
 * model is read-only during extraction and may be shared by many threads. */
typedef struct bt_site_model bt_site_model;

/* Options of bt_extract. Always start from BT_EXTRACT_OPTS_INIT: `size` lets the struct grow
 * without breaking callers built against an older header (fields past `size` keep their
 * defaults). */
typedef struct bt_extract_opts {
    size_t size;                /* sizeof(bt_extract_opts) as the caller was built */
    unsigned flags;             /* reserved, 0 */
    const bt_site_model *site;  /* boilerplate learnt across a batch, or NULL */
} bt_extract_opts;

#define BT_EXTRACT_OPTS_INIT {sizeof(bt_extract_opts), 0, NULL}

BT_API bt_site_model *bt_site_model_new(void);
BT_API void bt_site_model_free(bt_site_model *m);
/* Adds the blocks of one capture (text captures; HTML captures are skipped). The same page
 * given twice counts once. 0, BT_ENOMEM, or BT_EPARSE for bytes that are not text. */
BT_API int bt_site_model_learn(bt_site_model *m, const bt_capture *cap, bt_error *err);
/* How many distinct pages the model has learnt from. */
BT_API size_t bt_site_model_pages(const bt_site_model *m);
/* Saves/loads a model to/from a file (a small text format: a header, then one
 * "hash count" line per recurring block). Errors name the path. */
BT_API int bt_site_model_save(const bt_site_model *m, const char *path, bt_error *err);
BT_API int bt_site_model_load(const char *path, bt_site_model **out, bt_error *err);

/* Extracts the article of `cap` into a new bt_article owned by the caller (*out), with
 * `origin` set from the capture. The capture's kind, when BT_KIND_UNKNOWN, is sniffed from
 * its bytes. Returns BT_ENOARTICLE when the capture holds no article (a page without headline
 * and text, or a text capture that does not read as text: control characters, few letters, no
 * words), BT_EPARSE for binary bytes; `err` names the capture's origin. `opts` may be NULL.
 * An HTML page is read up to 10,000 nested elements deep, without recursion (any thread's
 * stack will do); what lies deeper is left out, which bt_extract_warn reports. */
BT_API int bt_extract(const bt_capture *cap, const bt_extract_opts *opts, bt_article **out,
               bt_error *err);

/* bt_extract, telling also what a successful extraction left out: `warning` (may be NULL)
 * is cleared (code 0, empty message), or, when a limit cut content from the article, filled
 * with BT_ELIMIT and a message naming the capture ("a.html: content nested deeper than 10000
 * elements was left out (1234 characters of text)"). The article is returned all the same. */
BT_API int bt_extract_warn(const bt_capture *cap, const bt_extract_opts *opts,
                           bt_article **out, bt_error *warning, bt_error *err);

/* Which kind a capture's bytes look like (HTML markup or text). */
BT_API bt_kind bt_sniff_kind(const char *data, size_t len);

#ifdef __cplusplus
}
#endif
#endif
