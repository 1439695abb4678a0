/* text_most_read.c: the portal's "most read" box in a text/Markdown capture ("Đọc nhiều",
 * "Most read" on a line of its own, then the stories' titles), kept as the record's
 * most_read list: titles, with the link's absolute URL when the capture is Markdown. The
 * body never runs past such a heading (text_extract.c); this pass only reads the box.
 *
 * Where the box ends, in renderings of real portals: at the next section heading, at a
 * heading as high as its own, or at a line glued to the one before it (no blank line
 * between): the list's items stand apart, the next section's title does not. A title printed
 * twice (the image's alt, then the link; "Title\n\nTitle\n\nTeaser") is one item, and the
 * teaser paragraphs under the titles are not items. */
#include "extract/html_internal.h"
#include "extract/text_internal.h"

#include <stdlib.h>
#include <string.h>

#define MR_TEXT_MAX_BLOCKS 60 /* a box is read within this many blocks of its heading */
#define MR_TEXT_MAX_ITEMS 15  /* and ranks at most this many stories */
#define MR_TEXT_MAX_BOXES 2   /* a page may print it twice (desktop and mobile) */
#define MR_TEXT_TITLE_MIN 12  /* bytes: a shorter line is a label, a rank, a tab */

static int seen(const bt_article *a, const char *t)
{
    for (size_t i = 0; i < a->n_most_read; i++)
        if (!strcmp(a->most_read[i].title, t))
            return 1;
    return 0;
}

static int add_item(const tx_block *b, const char *base, bt_article *a)
{
    if (seen(a, b->text))
        return 0;
    size_t half = tx_doubled_half(b->text, b->len);
    char *t = half ? strndup(b->text, half) : strdup(b->text);
    /* a relative link needs the page's URL; without one it cannot be followed */
    char *url = NULL;
    if (t && b->url && (base || !strncmp(b->url, "http://", 7) || !strncmp(b->url, "https://", 8)))
        url = bti_html_resolve(base, b->url);
    int rc = t ? bt_article_add_most_read(a, t, url) : BT_ENOMEM;
    free(t);
    free(url);
    return rc;
}

/* Reads the box under heading h; returns the items taken or a negative error. */
static int read_box(const tx_doc *d, size_t h, const char *base, bt_article *a)
{
    const tx_block *B = d->b;
    size_t before = a->n_most_read;
    uint64_t prev = 0;
    for (size_t k = h + 1; k < d->n && k <= h + MR_TEXT_MAX_BLOCKS &&
                           a->n_most_read < MR_TEXT_MAX_ITEMS; k++) {
        const tx_block *b = &B[k];
        if (tx_is_section_heading(b) || tx_is_related_heading(b) || tx_ends_related(b))
            break;
        if (B[h].level && b->level && b->level <= B[h].level)
            break;
        int repeated = k + 1 < d->n && B[k + 1].key == b->key;
        if (k > h + 1 && !(b->flags & TBF_BLANK_BEFORE) && !repeated && b->key != prev)
            break;
        if (b->kind != TB_TEXT || b->len < MR_TEXT_TITLE_MIN || b->key == prev ||
            tx_is_furniture(b) || tx_is_relative_time(b) || tx_is_prose(b) ||
            !tx_is_headline_like(b))
            continue;
        int rc = add_item(b, base, a);
        if (rc)
            return rc;
        prev = b->key;
    }
    return (int)(a->n_most_read - before);
}

int tx_read_most_read(const tx_doc *d, const char *base, bt_article *a)
{
    int boxes = 0;
    for (size_t i = 0; i < d->n && boxes < MR_TEXT_MAX_BOXES; i++) {
        if (!tx_is_most_read_heading(&d->b[i]))
            continue;
        int got = read_box(d, i, base, a);
        if (got < 0)
            return got;
        boxes += got > 0;
    }
    return 0;
}
