/* extract_internal.h: the per-format extractors that bt_extract dispatches to. */
#ifndef BT_EXTRACT_INTERNAL_H
#define BT_EXTRACT_INTERNAL_H

#include "bantin/extract.h"

/* Text/Markdown capture: `text` is decoded UTF-8 NFC. Fills `a` (origin already set). */
int bti_extract_text(const char *text, size_t len, const bt_capture *cap,
                    const bt_extract_opts *opts, bt_article *a, bt_error *err);

/* HTML capture: raw bytes as captured (the HTML extractor finds the charset itself).
 * `warning` (may be NULL), cleared by the caller, says what a limit cut from the article. */
int bti_extract_html(const bt_capture *cap, const bt_extract_opts *opts, bt_article *a,
                    bt_error *warning, bt_error *err);

/* Language guesses from the body (lang.c), for captures that declare none. */
int bti_body_is_vietnamese(const bt_article *a);
int bti_body_is_english(const bt_article *a);
/* The text's language (a primary subtag) from its script and commonest words, or NULL. */
const char *bti_body_lang(const bt_article *a);
/* The page's declared language (primary subtag, or NULL) unless its text clearly says
 * another: the language to label the article with, or NULL. */
const char *bti_lang_checked(const char *declared, const bt_article *a);
/* Whether lang.c's stopword table is sorted and well formed (a test's check). */
int bti_lang_table_ok(void);

#endif
