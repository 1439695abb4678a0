/* text_embed_post.c: a social post embedded in an article (a tweet). Markdown renderings
 * keep the embed's <blockquote> as a quote whose last line signs it, "— Name (@handle)
 * Date" (lynx sets the quote deeper than its paragraphs): the post is the network's text, quoted by the page, not the article's own prose,
 * so its quote lines and its signature leave the body. An article's own quotes (a speech, a
 * letter) carry no handle in their last line. */
#include "extract/text_internal.h"

#include <stddef.h>
#include <string.h>

#define POST_MAX_LINES 8  /* a post's quote lines above its signature (text, link, blank) */
#define HANDLE_MAX 15     /* a handle's letters after "@" (the network's limit) */
#define NAME_MAX_BYTES 80 /* the poster's display name before the handle */

/* Whether s[0..n) starts with "@handle)": letters, digits, '_' up to HANDLE_MAX. */
static int handle_at(const char *s, size_t n)
{
    if (n < 3 || s[0] != '@')
        return 0;
    size_t k = 1;
    while (k < n && k <= HANDLE_MAX + 1 &&
           ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
            (s[k] >= '0' && s[k] <= '9') || s[k] == '_'))
        k++;
    return k > 1 && k <= HANDLE_MAX + 1 && k < n && s[k] == ')';
}

/* "— Name (@handle) Date", "-- Name (@handle) Date": the signature of an embedded post. */
static int post_signature(const tx_block *b)
{
    static const char em[] = "\xE2\x80\x94 ";
    const char *s = b->text;
    size_t n = b->len, k;
    if (n > sizeof em - 1 && !memcmp(s, em, sizeof em - 1))
        k = sizeof em - 1;
    else if (n > 3 && !memcmp(s, "-- ", 3))
        k = 3;
    else
        return 0;
    /* a name of its own comes first */
    for (size_t i = k + 1; i + 1 < n && i <= k + NAME_MAX_BYTES; i++)
        if (s[i] == '(' && s[i - 1] == ' ' && handle_at(s + i + 1, n - i - 1))
            return 1;
    return 0;
}

/* lynx prints no quote marks: a <blockquote> is set two columns deeper than the paragraphs
 * (TBF_DEEP), which a list's items are too, with their bullet */
static unsigned quoted(const tx_block *b)
{
    if (b->flags & TBF_QUOTE)
        return TBF_QUOTE;
    return (b->flags & (TBF_DEEP | TBF_LIST)) == TBF_DEEP ? TBF_DEEP : 0;
}

void tx_embed_post_mark(const tx_doc *d, unsigned char *junk, unsigned char mark)
{
    for (size_t i = 0; i < d->n; i++) {
        unsigned q = quoted(&d->b[i]);
        if (!q || !post_signature(&d->b[i]))
            continue;
        junk[i] = mark;
        for (size_t k = i; k-- > 0 && i - k <= POST_MAX_LINES && quoted(&d->b[k]) == q;)
            junk[k] = mark;
    }
}
