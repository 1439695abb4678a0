/* text_header_button.c: pass "header button". Between an article's headline and its first
 * paragraph sit its byline, its date and a row of buttons: "Share", "Comment", "3 comments".
 * A renderer that writes buttons as text (html2text) gives them lines of their own, and a
 * button named like the comment box's heading would read as the heading of a section that
 * the article is under, so that the article's prose weighed as a teaser list's. A section
 * heading close below the first-level heading, with no paragraph between them, is such a
 * button: furniture, not a section. */
#include "extract/text_internal.h"

#define HEADER_MAX_BLOCKS 8    /* byline, date, share row, a photo: the header is a few blocks */
#define HEADER_SECTION_LEVEL 3 /* h2, h3 open a part of the page; h4-h6 label widgets */

int tx_is_header_button(const tx_doc *d, size_t i)
{
    for (size_t k = i; k-- > 0 && i - k <= HEADER_MAX_BLOCKS;) {
        const tx_block *b = &d->b[k];
        if (b->level == 1)
            return b->words >= 2; /* a headline, not a one-word section name */
        if (tx_is_prose(b) || (b->level && b->level <= HEADER_SECTION_LEVEL))
            return 0;
    }
    return 0;
}
