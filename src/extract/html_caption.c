/* html_caption.c: a photo caption's credit split off: "… ngày 21/12 (Ảnh: AP)." gives the
 * caption "… ngày 21/12" and the credit "AP"; so do "… Ảnh: Reuters", "… - Nguồn: TASS",
 * "… Photo: AP", "(Ảnh minh họa: X)". A caption that is only a credit keeps "" as caption. */
#include "extract/html_internal.h"
#include "extract/lexicon.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int is_space(char c)
{
    return c == ' ';
}

/* A copy of s[0..n) without surrounding spaces, ASCII marks listed in `strip`, and en/em
 * dashes (matched as whole UTF-8 sequences, never as single bytes). */
static char *trim_dup(const char *s, size_t n, const char *strip)
{
    for (;;) {
        if (n && (is_space(*s) || (*s && strchr(strip, *s)))) {
            s++;
            n--;
        } else if (n >= 3 && (!strncmp(s, "–", 3) || !strncmp(s, "—", 3))) {
            s += 3;
            n -= 3;
        } else {
            break;
        }
    }
    for (;;) {
        if (n && (is_space(s[n - 1]) || (s[n - 1] && strchr(strip, s[n - 1])))) {
            n--;
        } else if (n >= 3 && (!strncmp(s + n - 3, "–", 3) || !strncmp(s + n - 3, "—", 3))) {
            n -= 3;
        } else {
            break;
        }
    }
    return strndup(s, n);
}

/* Does s[pos..] start with a credit word (the lexicon's credit lists; a Vietnamese one in
 * any case: a caption is set apart by its markup) followed by ':'? Returns the offset after
 * ':' ("Photo by X": after "by "), 0 when not. */
static size_t key_at(const char *s, size_t pos, size_t len)
{
    size_t en;
    size_t kl = bti_lex_credit_words(BTI_LEX_CREDIT_VI | BTI_LEX_HTML_CREDIT_VI,
                                     BTI_LEX_CREDIT_EN | BTI_LEX_HTML_CREDIT_EN, s + pos,
                                     len - pos, &en);
    /* English words capitalised, as the captions' labels are ("Photo:", "PHOTO:"), and
     * "photo:": a lowercase "credit:" runs on from "Image credit:" */
    if (!kl) {
        kl = en;
        if (kl && !(s[pos] >= 'A' && s[pos] <= 'Z') && strncmp(s + pos, "photo", kl))
            kl = 0;
    }
    if (!kl || pos + kl >= len)
        return 0;
    size_t q = pos + kl;
    while (q < len && is_space(s[q]))
        q++;
    if (q < len && s[q] == ':')
        return q + 1;
    if (q < len && !strncmp(s + pos, "Photo", 5) && !strncasecmp(s + q, "by ", 3))
        return q + 3;
    return 0;
}

static int plausible_credit(const char *c, size_t n)
{
    if (n == 0 || n > 80)
        return 0;
    for (size_t i = 0; i + 1 < n; i++)
        if (c[i] == '.' && c[i + 1] == ' ') /* a sentence, not a name */
            return 0;
    return 1;
}

int bti_html_split_credit(const char *text, char **caption, char **credit)
{
    *caption = NULL;
    *credit = NULL;
    size_t len = strlen(text);
    /* trailing "(Ảnh: X)" with an optional final period */
    size_t end = len;
    while (end && (text[end - 1] == '.' || is_space(text[end - 1])))
        end--;
    if (end && text[end - 1] == ')') {
        size_t open = end - 1, depth = 0;
        while (open > 0) {
            open--;
            if (text[open] == ')')
                depth++;
            else if (text[open] == '(') {
                if (!depth)
                    break;
                depth--;
            }
        }
        if (text[open] == '(') {
            size_t p = open + 1;
            while (p < end && is_space(text[p]))
                p++;
            size_t after = key_at(text, p, end - 1);
            if (after && plausible_credit(text + after, end - 1 - after)) {
                *credit = trim_dup(text + after, end - 1 - after, "");
                *caption = trim_dup(text, open, "-|/,");
                goto done;
            }
        }
    }
    /* "caption. Ảnh: X" / "caption - Nguồn: X": the last key that starts a word */
    for (size_t i = len; i-- > 0;) {
        if (i && !(is_space(text[i - 1]) || text[i - 1] == '(' || text[i - 1] == '|' ||
                   text[i - 1] == '.' || text[i - 1] == '-' || text[i - 1] == '/'))
            continue;
        size_t after = key_at(text, i, len);
        if (!after)
            continue;
        size_t cl = len - after;
        const char *c = text + after;
        while (cl && (c[cl - 1] == '.' || c[cl - 1] == ')' || is_space(c[cl - 1])))
            cl--;
        if (!plausible_credit(c, cl))
            break;
        *credit = trim_dup(c, cl, "");
        size_t head = i;
        if (head && text[head - 1] == '(')
            head--;
        *caption = trim_dup(text, head, "-|/,(");
        goto done;
    }
    *caption = strdup(text);
done:
    if (!*caption) {
        free(*caption);
        free(*credit);
        *caption = *credit = NULL;
        return BT_ENOMEM;
    }
    if (*credit && !**credit) {
        free(*credit);
        *credit = NULL;
    }
    return 0;
}
