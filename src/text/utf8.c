/* utf8.c: strict UTF-8 validation (RFC 3629): the gate every decoded byte passes. */
#include "bantin/text.h"

int bt_utf8_valid(const char *s, size_t len, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned c = p[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            n = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0)
                lo = 0xA0; /* overlong */
            else if (c == 0xED)
                hi = 0x9F; /* surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F; /* past U+10FFFF */
        } else
            goto fail;
        if (len - i <= n)
            goto fail;
        if (p[i + 1] < lo || p[i + 1] > hi)
            goto fail;
        for (size_t k = 2; k <= n; k++)
            if ((p[i + k] & 0xC0) != 0x80)
                goto fail;
        i += n + 1;
    }
    return 1;
fail:
    if (bad)
        *bad = i;
    return 0;
}
