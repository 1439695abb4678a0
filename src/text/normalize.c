/* normalize.c: NFC, white-space folding and lowercasing (bt_normalize).
 * Unicode data comes from utf8proc; this file only decides which code points are "space". */
#include "bantin/text.h"
#include "core/buf.h"

#include <stdlib.h>
#include <utf8proc.h>

/* Space-like code points a page may use between words: folded to one ASCII space. */
static int is_space_cp(utf8proc_int32_t c)
{
    switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20:
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
    case 0x205F: case 0x3000: case 0x180E:
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
        return 1;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

char *bt_normalize(const char *s, size_t len, unsigned flags, size_t *outlen)
{
    utf8proc_uint8_t *nfc = NULL;
    /* utf8proc_map rejects invalid UTF-8; repair first so that bad bytes become U+FFFD. */
    bt_buf clean = BT_BUF_INIT;
    const char *src = s;
    size_t srclen = len;
    size_t bad;
    if (!bt_utf8_valid(s, len, &bad)) {
        size_t i = 0;
        while (i < len) {
            if (bt_utf8_valid(s + i, len - i, &bad)) {
                if (bt_buf_add(&clean, s + i, len - i))
                    goto oom;
                break;
            }
            if (bt_buf_add(&clean, s + i, bad) || bt_buf_adds(&clean, "\xEF\xBF\xBD"))
                goto oom;
            i += bad + 1;
        }
        src = clean.data ? clean.data : "";
        srclen = clean.len;
    }
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)src, (utf8proc_ssize_t)srclen,
                                      &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    bt_buf_free(&clean);
    if (n < 0)
        return NULL;

    bt_buf out = BT_BUF_INIT;
    if (bt_buf_grow(&out, (size_t)n + 1))
        goto oom_nfc;
    int pending_space = 0;
    utf8proc_ssize_t i = 0;
    while (i < n) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(nfc + i, n - i, &c);
        if (k <= 0) { /* cannot happen after utf8proc_map; stay safe */
            i++;
            continue;
        }
        if ((flags & BT_NORM_SPACE) && is_space_cp(c)) {
            pending_space = out.len > 0;
            i += k;
            continue;
        }
        if (pending_space) {
            if (bt_buf_addc(&out, ' '))
                goto oom_nfc;
            pending_space = 0;
        }
        if (flags & BT_NORM_LOWER) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(c), enc);
            if (bt_buf_add(&out, enc, (size_t)m))
                goto oom_nfc;
        } else if (bt_buf_add(&out, nfc + i, (size_t)k))
            goto oom_nfc;
        i += k;
    }
    free(nfc);
    return bt_buf_detach(&out, outlen);
oom_nfc:
    free(nfc);
    bt_buf_free(&out);
    return NULL;
oom:
    bt_buf_free(&clean);
    return NULL;
}
