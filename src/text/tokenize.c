/* tokenize.c: words, syllables and numbers with their byte offsets (bt_tokenize).
 * Vietnamese writes one syllable per space-separated unit, so a token is a run of letters,
 * marks and digits; a number keeps its inner separators (3.000, 1-2, 20/10). */
#include "bantin/text.h"

#include <stdlib.h>
#include <utf8proc.h>

static int is_word_cp(utf8proc_int32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

int bt_tokenize(const char *s, size_t len, unsigned opts,
                int (*cb)(void *ctx, const bt_token *tok), void *ctx)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    char small[256];
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0) {
            i++;
            continue;
        }
        if (!is_word_cp(c)) {
            i += (size_t)k;
            continue;
        }
        size_t start = i;
        int all_digits = 1;
        unsigned flags = utf8proc_category(c) == UTF8PROC_CATEGORY_LU ||
                                 utf8proc_category(c) == UTF8PROC_CATEGORY_LT
                             ? BT_TOK_UPPER_INITIAL
                             : 0;
        while (i < len) {
            k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
            if (k <= 0)
                break;
            if (is_word_cp(c)) {
                if (!(c >= '0' && c <= '9'))
                    all_digits = 0;
                i += (size_t)k;
                continue;
            }
            /* a separator between digits keeps a number whole: 3.000, 1-2, 20/10, 1,5 */
            if (all_digits && (c == '.' || c == ',' || c == '-' || c == '/' || c == ':') &&
                i + 1 < len && is_digit(p[i + 1])) {
                i++;
                continue;
            }
            break;
        }
        bt_token t = {s + start, i - start, start, i, flags};
        if (all_digits)
            t.flags |= BT_TOK_NUMBER;
        char *heap = NULL;
        if (opts & BT_TOKENIZE_FOLD) {
            size_t n = bt_fold(s + start, i - start, small, sizeof small);
            if (n >= sizeof small) {
                heap = bt_fold_dup(s + start, i - start, &n);
                if (!heap)
                    return BT_ENOMEM;
                t.text = heap;
            } else
                t.text = small;
            t.len = n;
        }
        int rc = cb(ctx, &t);
        free(heap);
        if (rc)
            return rc;
    }
    return 0;
}
