/* text_listicle.c: pass "listicle". A list article ("6 statistics that ...", "The 10 best
 * ...") sets a numbered heading over every item: "1. ...", "2. ...". Between them stand a
 * photo credit, an embed's placeholder, a short paragraph: as many headline-like lines as
 * paragraphs, which is what a list of story teasers looks like too. Teasers are not numbered
 * in sequence; the items of one list are. A run of paragraphs holding such a sequence is an
 * article, whatever its share of headlines. */
#include "extract/text_internal.h"

#define LISTICLE_NUMBER_MAX 3 /* digits of an item's number: "1." to "999." */

/* The number a heading opens with ("3. Mindestens ...", "3) ..."), or 0. */
static unsigned item_number(const tx_block *b)
{
    if (b->kind != TB_TEXT || !b->level)
        return 0;
    unsigned n = 0;
    size_t i = 0;
    while (i < b->len && i < LISTICLE_NUMBER_MAX && b->text[i] >= '0' && b->text[i] <= '9')
        n = n * 10 + (unsigned)(b->text[i++] - '0');
    if (!i || i + 1 >= b->len || (b->text[i] != '.' && b->text[i] != ')') || b->text[i + 1] != ' ')
        return 0;
    return n;
}

size_t tx_listicle_items(const tx_doc *d, size_t s, size_t e)
{
    size_t best = 0, run = 0;
    unsigned last = 0;
    for (size_t i = s; i <= e && i < d->n; i++) {
        unsigned n = item_number(&d->b[i]);
        if (!n)
            continue;
        run = last && n == last + 1 ? run + 1 : 1;
        last = n;
        if (run > best)
            best = run;
    }
    return best;
}
