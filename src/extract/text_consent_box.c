/* text_consent_box.c: a consent box standing in for an embed (a video, a post) the reader
 * has not allowed. Markdown renderings keep its heading ("Empfohlener redaktioneller
 * Inhalt", "External content"), what the embed would show, the consent sentence and the
 * link to the privacy policy or to the embed itself: the page's text, not the article's.
 * The box's end is not marked in text; its last line is the one carrying a link (the
 * policy's or the embed's), a few lines below the heading. Without such a link only the
 * heading goes: the lines below may be the article's. */
#include "extract/lexicon.h"
#include "extract/text_internal.h"

#include <stddef.h>

#define CONSENT_HEAD_WORDS 6  /* the heading is a label of a few words */
#define CONSENT_BOX_LINES 6   /* the box's lines below its heading, at most */
#define CONSENT_LINE_WORDS 40 /* a longer block is the article's paragraph: the box ended */
#define CONSENT_BOX_MAX 1200  /* bytes: a heading and a few lines of consent, not a section */

void tx_consent_box_mark(const tx_doc *d, unsigned char *junk, unsigned char mark)
{
    for (size_t i = 0; i < d->n; i++) {
        const tx_block *h = &d->b[i];
        /* a heading of its own: no link, no menu's or list's item (the cheap tests first:
         * this runs for every line) */
        if (h->kind != TB_TEXT || h->words > CONSENT_HEAD_WORDS || h->url || !h->fold ||
            (h->flags & (TBF_LIST | TBF_LINKLINE | TBF_NAV)) ||
            !bti_lex_prefix(BTI_LEX_HTML_CONSENT_BOX, h->fold, h->flen, NULL))
            continue;
        size_t end = i, bytes = h->len;
        for (size_t k = i + 1; k < d->n && k <= i + CONSENT_BOX_LINES; k++) {
            const tx_block *b = &d->b[k];
            bytes += b->len;
            if (b->level || b->words > CONSENT_LINE_WORDS || bytes > CONSENT_BOX_MAX)
                break;
            if (b->url)
                end = k;
        }
        for (size_t k = i; k <= end; k++)
            junk[k] = mark;
        i = end;
    }
}
