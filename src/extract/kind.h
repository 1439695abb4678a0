/* kind.h: the kind-of-article pass (kind.c), shared by the HTML and text extractors.
 * Internal to src/extract. */
#ifndef BT_EXTRACT_KIND_H
#define BT_EXTRACT_KIND_H

#include "bantin/article.h"

#include <stddef.h>

/* The evidence an extractor gathers; NULL/0 where it has none (a text capture has only the
 * title and the counts). */
typedef struct bti_kind_signals {
    const char *title;
    const char *og_type;  /* og:type */
    const char *ld_type;  /* the JSON-LD article object's @type */
    const char *ld_other; /* another JSON-LD object's @type, when the page has no article */
    int main_video;       /* the content holds a player (<video>, a video <iframe>) */
    size_t text_bytes;    /* lede and body */
    size_t n_images;
} bti_kind_signals;

/* The kind the title's marker names ("[Video] X" -> "video"), or NULL. */
const char *bti_kind_marker(const char *title);
/* The kind (a BT_ARTICLE_KIND_* string) the signals make out; BT_ARTICLE_KIND_ARTICLE when none. */
const char *bti_kind_detect(const bti_kind_signals *s);
/* Sets a->kind from the signals (NULL for an article). 0 or BT_ENOMEM. */
int bti_kind_set(bt_article *a, const bti_kind_signals *s);

#endif
