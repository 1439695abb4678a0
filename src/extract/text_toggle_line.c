/* text_toggle_line.c: the labels of a collapsible box's button. The button holds both of
 * its states and a text rendering prints them side by side: "Box aufklappen Box zuklappen",
 * "Details anzeigen Details ausblenden", "Show comments Hide comments". The two halves name
 * the same thing and differ in one word (the verb): the line is the page's control, not a
 * sentence of the article, which does not say the same few words twice in one line. */
#include "extract/text_internal.h"

#include <stddef.h>
#include <string.h>

#define TOGGLE_MIN_WORDS 4 /* two halves of two words or more: "Box aufklappen" */
#define TOGGLE_MAX_WORDS 8 /* a button's label is short */

/* Splits f into at most max words at spaces: their count, 0 past max. */
static size_t split_words(const char *f, size_t n, const char **w, size_t *wl, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && f[i] == ' ')
            i++;
        if (i == n)
            break;
        size_t s = i;
        while (i < n && f[i] != ' ')
            i++;
        if (k == max)
            return 0;
        w[k] = f + s, wl[k] = i - s, k++;
    }
    return k;
}

static int same_word(const char *a, size_t al, const char *b, size_t bl)
{
    return al == bl && !memcmp(a, b, al);
}

int tx_is_toggle_line(const tx_block *b)
{
    if (b->kind != TB_TEXT || b->level || b->url || !b->fold || b->words < TOGGLE_MIN_WORDS ||
        b->words > TOGGLE_MAX_WORDS)
        return 0;
    const char *w[TOGGLE_MAX_WORDS];
    size_t wl[TOGGLE_MAX_WORDS];
    size_t k = split_words(b->fold, b->flen, w, wl, TOGGLE_MAX_WORDS);
    if (k < TOGGLE_MIN_WORDS || k % 2)
        return 0;
    size_t h = k / 2, differ = 0;
    for (size_t i = 0; i < h; i++)
        differ += !same_word(w[i], wl[i], w[h + i], wl[h + i]);
    return differ == 1;
}

void tx_toggle_line_mark(const tx_doc *d, unsigned char *junk, unsigned char mark)
{
    for (size_t i = 0; i < d->n; i++)
        if (tx_is_toggle_line(&d->b[i]))
            junk[i] = mark;
}
