/* text_credit_tail.c: pass "slash credit after the caption". A photo's caption closes with
 * its credit after the last sentence, photographer and agency parted by a slash: "...
 * stellen. Imago/Blaulicht-News.de", "... illegally. AP Photo/Eric Gay, File", "... zu
 * kommen.Unsplash/Kelly Sikkema". Where the renderer kept the image (pandoc) the line below
 * it is known to be a caption; where it left images out (html2text --ignore-images) the
 * credit is all that tells. A paragraph does not end on capitalised names around a slash
 * after its last full stop; "km/h", "24/7" and "und/oder" are no names. */
#include "extract/text_internal.h"

#include <string.h>

#define SLASH_TAIL_WORDS 8 /* "Keystone/The White House via AP/Adam Schultz" */

static int upper_at(const char *s, size_t len, size_t i)
{
    return i < len && s[i] >= 'A' && s[i] <= 'Z';
}

int tx_slash_credit_tail(const char *s, size_t len)
{
    while (len && s[len - 1] == ' ')
        len--;
    if (!len || s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == '?')
        return 0;
    /* the last sentence end that a capital follows, with or without a space */
    size_t tail = 0;
    for (size_t i = len; i-- > 1;) {
        if (!strchr(".!?\"", s[i]))
            continue;
        size_t k = i + 1;
        while (k < len && s[k] == ' ')
            k++;
        if (upper_at(s, len, k)) {
            tail = k;
            break;
        }
    }
    if (!tail || tx_count_words(s + tail, len - tail) > SLASH_TAIL_WORDS)
        return 0;
    const char *slash = memchr(s + tail, '/', len - tail);
    if (!slash)
        return 0;
    size_t k = (size_t)(slash - s) + 1;
    while (k < len && s[k] == ' ')
        k++;
    return upper_at(s, len, k);
}

int tx_slash_credit_line(const char *s, size_t len)
{
    if (!len || len > 2 * SLASH_TAIL_WORDS * 8 || !upper_at(s, len, 0) ||
        tx_count_words(s, len) > SLASH_TAIL_WORDS || memchr(s, ':', len) ||
        strchr(".!?", s[len - 1]))
        return 0;
    const char *slash = memchr(s, '/', len);
    if (!slash)
        return 0;
    size_t k = (size_t)(slash - s) + 1;
    return upper_at(s, len, k);
}
