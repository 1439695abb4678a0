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

/* End of the "](url)" at offset o of b's text (its URL at text+o+2, *ul bytes), or 0. */
static size_t closing_link_at(const tx_block *b, size_t o, size_t *ul)
{
    if (b->kind != TB_TEXT || b->len < o + 3 || b->text[o] != ']' || b->text[o + 1] != '(')
        return 0;
    size_t depth = 1, i = o + 2, end = 0;
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
    *ul = (end ? end : i - 1) - o - 2;
    return i;
}

/* Length of the "](url)" that opens b's text (its URL at text+2, *ul bytes), or 0. */
static size_t closing_link(const tx_block *b, size_t *ul)
{
    return closing_link_at(b, 0, ul);
}

/* A card's brackets may hold its first and last lines: "[Kicker Headline" opens it (a "["
 * never closed on its line) and "Price Shop](url)" closes it (a "](url)" ending the line with
 * no "[" before it), as html2text writes a product or teaser box whose first and last
 * elements are inline. The offset of that "](" (its URL at text+off+2, *ul bytes), or 0. */
static int opens_glued(const tx_block *b)
{
    return b->kind == TB_TEXT && b->len > 1 && b->text[0] == '[' &&
           !memchr(b->text, ']', b->len);
}

static size_t closing_glued(const tx_block *b, size_t *ul)
{
    if (b->kind != TB_TEXT || b->len < 4 || b->text[b->len - 1] != ')' || memchr(b->text, '[', b->len))
        return 0;
    for (size_t o = b->len - 3; o > 0; o--)
        if (b->text[o] == ']' && b->text[o + 1] == '(')
            return closing_link_at(b, o, ul) == b->len ? o : 0;
    return 0;
}

/* Cuts the block's text to [from, to) and refolds it: 0 or BT_ENOMEM. */
static int keep_span(tx_block *b, size_t from, size_t to)
{
    size_t n = to - from;
    memmove(b->text, b->text + from, n);
    b->text[n] = '\0';
    b->len = n;
    return tx_block_refold(b);
}

/* Sets b's link to the URL of ul bytes at url, unless it has one: 0 or BT_ENOMEM. */
static int set_link(tx_block *b, const char *url, size_t ul)
{
    if (!b->url) {
        b->url = malloc(ul + 1);
        if (!b->url)
            return BT_ENOMEM;
        memcpy(b->url, url, ul);
        b->url[ul] = '\0';
    }
    b->flags |= TBF_LINKLINE;
    return 0;
}

/* Pass "glued card": the card whose brackets hold text ("[Kicker ...", "... Shop](url)")
 * becomes link lines like a bracketed card's: its first line loses the "[", its last the
 * "](url)", and every line from the first to the last takes the link. 1 when i opens such a
 * card, 0 when not, BT_ENOMEM. */
static int join_glued_card(tx_doc *d, size_t i)
{
    tx_block *B = d->b;
    if (!opens_glued(&B[i]))
        return 0;
    size_t j = i + 1, ul = 0, off = 0;
    while (j < d->n && j - i <= BLOCK_LINK_MAX_BLOCKS && !opens_glued(&B[j]) &&
           !is_open_bracket(&B[j]) && !(off = closing_glued(&B[j], &ul)))
        j++;
    if (!off)
        return 0;
    /* the URL is copied before the cut moves the closing line's text */
    char *url = malloc(ul + 1);
    if (!url)
        return BT_ENOMEM;
    memcpy(url, B[j].text + off + 2, ul);
    url[ul] = '\0';
    int rc = keep_span(&B[i], 1, B[i].len);
    if (!rc)
        rc = keep_span(&B[j], 0, off);
    for (size_t k = i; !rc && k <= j; k++)
        if (B[k].kind == TB_TEXT)
            rc = set_link(&B[k], url, ul);
    free(url);
    return rc ? rc : 1;
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
    b->flags &= ~(TBF_LINKLINE | TBF_LIST);
    free(b->url);
    b->url = NULL;
    /* the tail is short (a name, "More news"): folded whatever its length, keyed on that */
    int rc = tx_block_refold(b);
    return rc ? rc : 1;
}

/* A line of text whose last "[" opens a card the lines below close ("Tennis[": html2text
 * ran the card's bracket on after the link before it). */
static int opens_at_end(const tx_block *b)
{
    return b->kind == TB_TEXT && b->len > 1 && b->text[b->len - 1] == '[' &&
           !memchr(b->text, ']', b->len) && !memchr(b->text, '[', b->len - 1);
}

/* Pass "card ends": the card from block i to block j whose brackets end lines of text: the
 * opening "[" at the end of block i (lead: that line is left as it is, a label before the
 * card), the closing "](url)" at offset goff of block j with text before it, or opening
 * block j (cut bytes, its tail kept). The lines inside and the closing line's text take the
 * link; blocks left empty get len 0. */
static int close_card_ends(tx_doc *d, size_t i, size_t j, int lead, size_t goff, size_t cut,
                           size_t ul)
{
    tx_block *B = d->b;
    char *url = malloc(ul + 1);
    if (!url)
        return BT_ENOMEM;
    memcpy(url, B[j].text + goff + 2, ul);
    url[ul] = '\0';
    int rc = 0;
    if (!lead)
        B[i].len = 0; /* the "[" alone; a line it ends keeps it, and reads as no sentence */
    for (size_t k = i + 1; !rc && k < j; k++)
        if (B[k].kind == TB_TEXT)
            rc = set_link(&B[k], url, ul);
    if (!rc && goff) {
        /* the card's last element (a label, a blurb) is the card's, navigation like the
         * blurb under a card (pass "card blurb") */
        rc = keep_span(&B[j], 0, goff);
        if (!rc)
            rc = set_link(&B[j], url, ul);
        B[j].flags |= TBF_NAV;
    } else if (!rc) {
        int kept = keep_tail(&B[j], cut);
        if (kept < 0)
            rc = kept;
        else if (!kept)
            B[j].len = 0;
    }
    free(url);
    return rc;
}

/* The way out on an error: the blocks moved so far (to B[0..out)) are in place, the rest,
 * from `from` on, are moved after them as they are, so each block is held once. Returns rc. */
static int keep_rest(tx_doc *d, size_t out, size_t from, int rc)
{
    for (size_t k = from; k < d->n; k++)
        d->b[out++] = d->b[k];
    d->n = out;
    return rc;
}

int tx_join_block_links(tx_doc *d)
{
    tx_block *B = d->b;
    size_t out = 0;
    for (size_t i = 0; i < d->n;) {
        size_t j = i + 1, ul = 0, cut = 0;
        int glued = join_glued_card(d, i);
        if (glued < 0)
            return keep_rest(d, out, i, glued);
        size_t goff = 0;
        int lead = opens_at_end(&B[i]);
        if (is_open_bracket(&B[i]) || lead)
            while (j < d->n && j - i <= BLOCK_LINK_MAX_BLOCKS && !is_open_bracket(&B[j]) &&
                   !opens_at_end(&B[j]) && !(cut = closing_link(&B[j], &ul)) &&
                   !(goff = closing_glued(&B[j], &ul)))
                j++;
        if (goff || (cut && lead)) {
            /* pass "card ends": the card's brackets end lines of text ("... Tennis](url)[",
             * "heise Security](url)"): those lines keep their text */
            int rc = close_card_ends(d, i, j, lead, goff, cut, ul);
            if (rc < 0)
                return keep_rest(d, out, i, rc);
            for (size_t k = i; k <= j; k++)
                if (B[k].len || B[k].kind != TB_TEXT)
                    B[out++] = B[k];
                else
                    free_block(&B[k]);
            i = j + 1;
            continue;
        }
        if (!cut) {
            B[out++] = B[i++];
            continue;
        }
        /* the blocks inside the brackets are the link's text */
        for (size_t k = i + 1; k < j; k++)
            if (B[k].kind == TB_TEXT && set_link(&B[k], B[j].text + 2, ul))
                return keep_rest(d, out, i, BT_ENOMEM);
        unsigned blank = B[i].flags & TBF_BLANK_BEFORE;
        free_block(&B[i]);
        if (i + 1 < j)
            B[i + 1].flags |= blank;
        for (size_t k = i + 1; k < j; k++)
            B[out++] = B[k];
        int kept = keep_tail(&B[j], cut);
        if (kept < 0)
            return keep_rest(d, out, j, kept);
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
