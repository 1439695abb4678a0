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
#define SLASH_JOIN_MAX 3   /* a lower-case word among the names joins them: "via", "von" */

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

/* A credit on a line of its own, under a photo a renderer left out: "Andrea Roe/Getty
 * Images", "STR/AFP via Getty Images", "(Robert F. Bukaty / AP)". Names only: capitalised
 * (an initial's full stop ends no sentence), a slash between two of them with no space
 * ("2023/January" is a date) unless brackets set the line apart, no sentence end, a few
 * words; a line of prose holds a verb and ends. */
int tx_slash_credit_line(const char *s, size_t len)
{
    while (len && s[len - 1] == ' ')
        len--;
    int bracketed = len > 2 && s[0] == '(' && s[len - 1] == ')';
    if (bracketed)
        s++, len -= 2;
    if (!len || !upper_at(s, len, 0) || strchr(".!?:", s[len - 1]) ||
        tx_count_words(s, len) > SLASH_TAIL_WORDS)
        return 0;
    int slash = 0;
    for (size_t i = 1; i + 1 < len; i++) {
        int initial = s[i] == '.' && upper_at(s, len, i - 1) && (i == 1 || s[i - 2] == ' ');
        if (strchr(".!?", s[i]) && s[i + 1] == ' ' && !initial)
            return 0; /* a sentence ends inside: a caption with its credit, seen above */
        if (s[i] == ' ') {
            /* every word capitalised but short joining ones ("via", "von", "de") */
            size_t w = i + 1, e = w;
            while (e < len && s[e] != ' ' && s[e] != '/')
                e++;
            if (!upper_at(s, len, w) && !(s[w] >= '0' && s[w] <= '9') && e - w > SLASH_JOIN_MAX)
                return 0;
        }
        if (s[i] == '/' && s[i - 1] != ' ' && !(s[i - 1] >= '0' && s[i - 1] <= '9') &&
            upper_at(s, len, i + 1))
            slash = 1;
        if (bracketed && s[i] == '/' && s[i - 1] == ' ' && s[i + 1] == ' ' &&
            upper_at(s, len, i + 2))
            slash = 1;
    }
    return slash;
}
