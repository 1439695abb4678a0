/* utf8.c: strict UTF-8 validation (RFC 3629) and repair: the gate every decoded byte passes. */
#include "bantin/text.h"
#include "text/text_internal.h"
#include "text/utf8.h"

#include <string.h>

int bt_utf8_valid(const char *s, size_t len, size_t *bad)
{
    if (!s)
        s = ""; /* (NULL, 0): nothing to check; NULL + 0 is not portable C */
    const uint8_t *p = (const uint8_t *)s, *end = p + len, *q = p;
    while (q < end) {
        if ((q = bti_skip_ascii(q, end)) >= end)
            break;
        /* the common well-formed 2- and 3-byte forms (Latin, the Vietnamese block,
         * punctuation) checked inline; anything else takes the full decoder */
        if (*q >= 0xC2 && *q <= 0xDF && end - q >= 2 && (q[1] & 0xC0) == 0x80) {
            q += 2;
            continue;
        }
        if (*q >= 0xE1 && *q <= 0xEF && *q != 0xED && end - q >= 3 && (q[1] & 0xC0) == 0x80 &&
            (q[2] & 0xC0) == 0x80) {
            q += 3;
            continue;
        }
        int32_t c;
        int k = bti_utf8_next(q, end, &c);
        if (c < 0) {
            if (bad)
                *bad = (size_t)(q - p);
            return 0;
        }
        q += k;
    }
    return 1;
}

int bti_utf8_repair(const char *s, size_t len, bti_buf *out)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    while (p < end) {
        size_t bad;
        if (bt_utf8_valid((const char *)p, (size_t)(end - p), &bad))
            return bti_buf_add(out, p, (size_t)(end - p));
        int32_t c;
        int k = bti_utf8_next(p + bad, end, &c);
        if (bti_buf_add(out, p, bad) || bti_buf_add(out, "\xEF\xBF\xBD", 3))
            return BT_ENOMEM;
        p += bad + (size_t)k;
    }
    return 0;
}
