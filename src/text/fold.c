/* fold.c: the search key of a text (bt_fold): lowercase, marks off, đ -> d. */
#include "bantin/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static size_t put(char *out, size_t cap, size_t at, const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (at + k + 1 < cap)
            out[at + k] = s[k];
    return at + n;
}

size_t bt_fold(const char *s, size_t len, char *out, size_t cap)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t o = 0;
    utf8proc_ssize_t i = 0, n = (utf8proc_ssize_t)len;
    while (i < n) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, n - i, &c);
        if (k <= 0) { /* invalid byte: fold to U+FFFD */
            o = put(out, cap, o, "\xEF\xBF\xBD", 3);
            i++;
            continue;
        }
        i += k;
        if (c < 0x80) {
            char ch = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            o = put(out, cap, o, &ch, 1);
            continue;
        }
        if (c == 0x0110 || c == 0x0111) { o = put(out, cap, o, "d", 1); continue; }
        if (c == 0x00DF || c == 0x1E9E) { o = put(out, cap, o, "ss", 2); continue; }
        if (c == 0x00D8 || c == 0x00F8) { o = put(out, cap, o, "o", 1); continue; }
        if (c == 0x00C6 || c == 0x00E6) { o = put(out, cap, o, "ae", 2); continue; }
        if (c == 0x0152 || c == 0x0153) { o = put(out, cap, o, "oe", 2); continue; }
        if (c == 0x0141 || c == 0x0142) { o = put(out, cap, o, "l", 1); continue; }
        utf8proc_int32_t dec[8];
        int opts = UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD;
        utf8proc_ssize_t m = utf8proc_decompose_char(c, dec, 8, (utf8proc_option_t)opts, NULL);
        if (m < 0 || m > 8) {
            dec[0] = c;
            m = 1;
        }
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t e = utf8proc_encode_char(dec[j], enc);
            o = put(out, cap, o, (const char *)enc, (size_t)e);
        }
    }
    if (cap)
        out[o < cap ? o : cap - 1] = '\0';
    return o;
}

char *bt_fold_dup(const char *s, size_t len, size_t *outlen)
{
    size_t cap = 3 * len + 1;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    size_t n = bt_fold(s, len, out, cap);
    if (n >= cap) { /* longer than promised: fold again into the exact size */
        char *big = realloc(out, n + 1);
        if (!big) {
            free(out);
            return NULL;
        }
        out = big;
        bt_fold(s, len, out, n + 1);
    }
    if (outlen)
        *outlen = n;
    return out;
}
