/* text_block_link.c: pass "block link". A link that wraps block content (a teaser card: a
 * headline, a summary, an author box inside one <a>) is written by html2text as Markdown whose
 * brackets stand on lines of their own:
 *
 *     [
 *
 *     ##### Headline of another story
 *
 *     ](https://example.com/other-story) Author
 *
 * Read line by line, the "[" and "](url)" lines are text of their own and the lines between
 * them look like unlinked headlines and paragraphs: a box of related stories would read as
 * article text, and would be too long for the article to resume after it. This pass puts the
 * link back: the lines inside become link lines with the link's URL, the bracket lines go,
 * and text after the closing ")" stays a block of its own. */
#include "text/alloc.h"
#include "extract/text_internal.h"

#include <stdlib.h>
#include <string.h>

#define BLOCK_LINK_MAX_BLOCKS 12 /* a card holds a few blocks: a kicker, a title, a blurb */
#define BLURB_NEXT_CARD 3        /* a list's next card opens within a date and a button */

static int is_open_bracket(const tx_block *b)
{
    return b->kind == TB_TEXT && b->len == 1 && b->text[0] == '[';
}

/* Length of the "](url)" that opens b's text (its URL at text+2, *ul bytes), or 0. */
static size_t closing_link(const tx_block *b, size_t *ul)
{
    if (b->kind != TB_TEXT || b->len < 3 || b->text[0] != ']' || b->text[1] != '(')
        return 0;
    size_t depth = 1, i = 2, end = 0;
    for (; i < b->len && depth; i++) {
        if (b->text[i] == '(')
            depth++;
        else if (b->text[i] == ')')
            depth--;
        else if (b->text[i] == ' ' && !end && i + 1 < b->len && b->text[i + 1] == '"') {
            /* a link title: ](url "Title") */
            const char *q = memchr(b->text + i + 2, '"', b->len - i - 2);
            if (!q)
                return 0;
            end = i;
            i = (size_t)(q - b->text);
        } else if (b->text[i] == ' ')
            return 0; /* a URL has no spaces: this is prose that opens with "](" */
    }
    if (depth)
        return 0;
    *ul = (end ? end : i - 1) - 2;
    return i;
}

/* "[" alone, or a closing link with the next card's "[" after it: "](url) [". */
static int opens_card(const tx_block *b)
{
    size_t ul;
    return is_open_bracket(b) ||
           (b->len >= 2 && !memcmp(b->text + b->len - 2, " [", 2) && closing_link(b, &ul));
}

static void free_block(tx_block *b)
{
    free(b->text);
    free(b->fold);
    free(b->url);
}

/* Keeps the text after the closing link as the block's text ("Author" in "](url) Author"):
 * 1 when some is left, 0 when the block is empty now, BT_ENOMEM. */
static int keep_tail(tx_block *b, size_t cut)
{
    while (cut < b->len && b->text[cut] == ' ')
        cut++;
    size_t n = b->len - cut;
    if (!n)
        return 0;
    memmove(b->text, b->text + cut, n);
    b->text[n] = '\0';
    b->len = n;
    b->words = tx_count_words(b->text, n);
    b->flags &= ~(TBF_LINKLINE | TBF_LIST);
    free(b->url);
    b->url = NULL;
    free(b->fold);
    /* the tail is short (a name, "More news"): folded whatever its length, keyed on that */
    b->fold = bti_fold_dup(b->text, n, &b->flen);
    if (!b->fold)
        return BT_ENOMEM;
    b->key = tx_key(b->fold, b->flen);
    return 1;
}

int tx_join_block_links(tx_doc *d)
{
    tx_block *B = d->b;
    size_t out = 0;
    for (size_t i = 0; i < d->n;) {
        size_t j = i + 1, ul = 0, cut = 0;
        if (is_open_bracket(&B[i]))
            while (j < d->n && j - i <= BLOCK_LINK_MAX_BLOCKS && !is_open_bracket(&B[j]) &&
                   !(cut = closing_link(&B[j], &ul)))
                j++;
        if (!cut) {
            B[out++] = B[i++];
            continue;
        }
        /* the blocks inside the brackets are the link's text */
        const char *url = B[j].text + 2;
        for (size_t k = i + 1; k < j; k++) {
            if (B[k].kind != TB_TEXT)
                continue;
            if (!B[k].url) {
                B[k].url = malloc(ul + 1);
                if (!B[k].url)
                    return BT_ENOMEM;
                memcpy(B[k].url, url, ul);
                B[k].url[ul] = '\0';
            }
            B[k].flags |= TBF_LINKLINE;
        }
        unsigned blank = B[i].flags & TBF_BLANK_BEFORE;
        free_block(&B[i]);
        if (i + 1 < j)
            B[i + 1].flags |= blank;
        for (size_t k = i + 1; k < j; k++)
            B[out++] = B[k];
        int kept = keep_tail(&B[j], cut);
        if (kept < 0) {
            /* the blocks moved so far are in place; the rest stay where they were */
            for (size_t k = j; k < d->n; k++)
                B[out++] = B[k];
            d->n = out;
            return kept;
        }
        if (kept && is_open_bracket(&B[j])) {
            i = j; /* "](url) [": the next card opens on the line that closes this one */
            continue;
        }
        if (kept)
            B[out++] = B[j];
        else
            free_block(&B[j]);
        i = j + 1;
        /* pass "card blurb": the paragraph right below a card is its summary when another
         * card follows it (a list of cards): navigation like the cards, not the article's
         * prose. A lone card is a box inside the article, whose prose goes on below it. */
        if (!kept && i < d->n && B[i].kind == TB_TEXT && !B[i].level && !is_open_bracket(&B[i]))
            for (size_t k = i + 1; k < d->n && k <= i + BLURB_NEXT_CARD; k++)
                if (opens_card(&B[k])) {
                    B[i].flags |= TBF_NAV;
                    break;
                }
    }
    d->n = out;
    return 0;
}
