/* related.h: related articles, internal to the connect stage: a document read as the related
 * search sees it (related_terms.c) and the constants of the ranking (related.c, whose comment
 * gives the design). The public call is bt_related_of in bantin/connect.h. */
#ifndef BTI_CONNECT_RELATED_H
#define BTI_CONNECT_RELATED_H

#include "bantin/common.h"

#include <stddef.h>
#include <stdint.h>

/* Where a token was read: the title weighs more than the text (a headline names the story). */
enum { BTI_RFIELD_TITLE, BTI_RFIELD_TEXT };

/* Only the first this many tokens of the lede and body are read: the story is told at the
 * top, and a bound keeps a call's cost independent of the article's length. */
#ifndef BTI_RELATED_TEXT_TOKENS /* overridable for bench/related.sh ablations */
#define BTI_RELATED_TEXT_TOKENS 600
#endif

/* A line is in title case ("Xbox One Shipments Top 5 Million") when at least this share of
 * its words after the first are capitalised: its capitals then say nothing about names. */
#define BTI_RELATED_TITLE_CASE_SHARE 0.6

/* One token: its folded key (at `off` in the doc's key buffer, NUL-terminated), where it was
 * read, whether it is part of a name, and whether it follows the token before it in the
 * same line (a pair "previous key" is made only then: never across lines or numbers). */
typedef struct bti_rtok {
    uint32_t off, len;
    uint8_t field;
    uint8_t name;
    uint8_t joined;
} bti_rtok;

/* A document's tokens: title first, then lede and body up to BTI_RELATED_TEXT_TOKENS. */
typedef struct bti_rdoc {
    bti_rtok *t;
    size_t n, cap;
    char *keys;
    size_t nkeys, capkeys;
    size_t text_tokens; /* tokens read from the lede and body so far */
} bti_rdoc;

/* Empties d (keeping its memory) and reads title, lede and body (each may be NULL; the body's
 * paragraphs are separated by newlines) into it. Numbers are left out: a figure links
 * unrelated stories (dates, scores, prices) more often than it tells one story. With
 * `names`, tokens that are names are marked: a capitalised word that does not start a
 * sentence, a run of capitalised words (Zalmay Khalilzad, Hà Nội) even at a sentence's
 * start; in a title-case line, a capitalised word only when it is a name elsewhere in the
 * document. 0 or BT_ENOMEM. */
int bti_rdoc_read(bti_rdoc *d, const char *title, const char *lede, const char *body,
                  int names);
void bti_rdoc_free(bti_rdoc *d);

static inline const char *bti_rdoc_key(const bti_rdoc *d, size_t i)
{
    return d->keys + d->t[i].off;
}

#endif
