/* normalize.c: NFC, white-space folding, lowercasing and canonical tone placement
 * (bt_normalize). Unicode data comes from utf8proc; this file decides which code points are
 * "space", and vn.c where a tone mark belongs. */
#include "bantin/text.h"
#include "text/text_internal.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Space-like code points a page may use between words: folded to one ASCII space. Zero-width
 * ones (U+200B, U+FEFF...) also split words: pages use them as soft break opportunities. */
static int is_space_cp(int32_t c)
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

/* 1 when NFC cannot change the text: every code point is one no composition or
 * decomposition touches (ASCII, Latin-1, Latin Extended-A/B, the Vietnamese block, common
 * punctuation: no combining marks, no singletons such as U+2000 or U+212B). Lets almost every
 * Vietnamese page skip utf8proc's full normalisation pass. */
int bti_nfc_stable(const char *s, size_t len)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    while (p < end) {
        if ((p = bti_skip_ascii(p, end)) >= end)
            break;
        /* s is valid UTF-8 here: lead bytes C2..C8 are U+0080..U+023F, all stable */
        if (*p >= 0xC2 && *p <= 0xC8) {
            p += 2;
            continue;
        }
        int32_t c;
        p += bti_utf8_next(p, end, &c);
        if (!((c >= 0x80 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF) ||
              (c >= 0x2010 && c <= 0x205E) || c == 0x20AB || c == 0x20AC))
            return 0;
    }
    return 1;
}

char *bti_normalize(const char *s, size_t len, unsigned flags, size_t *outlen)
{
    bti_buf clean = BTI_BUF_INIT, out = BTI_BUF_INIT, tones = BTI_BUF_INIT;
    utf8proc_uint8_t *nfc = NULL;
    if (!s)
        s = "";
    /* utf8proc_map rejects invalid UTF-8: repair first so that bad bytes become U+FFFD */
    if (!bt_utf8_valid(s, len, NULL)) {
        if (bti_utf8_repair(s, len, &clean))
            goto oom;
        s = clean.data ? clean.data : "";
        len = clean.len;
    }
    utf8proc_ssize_t n = (utf8proc_ssize_t)len;
    const uint8_t *text = (const uint8_t *)s;
    if (len && !bti_nfc_stable(s, len)) {
        n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
                         UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (n < 0)
            goto oom;
        text = nfc;
    }
    if (bti_buf_grow(&out, (size_t)n + 1))
        goto oom;
    out.data[0] = '\0'; /* stays terminated even when nothing is appended */
    int pending_space = 0;
    const uint8_t *p = text, *end = p + n;
    if (!(flags & (BT_NORM_SPACE | BT_NORM_LOWER))) {
        if (bti_buf_add(&out, p, (size_t)n))
            goto oom;
        p = end;
    }
    while (p < end) {
        int32_t c;
        int k = bti_utf8_next(p, end, &c);
        if ((flags & BT_NORM_SPACE) && is_space_cp(c)) {
            pending_space = out.len > 0;
            p += k;
            continue;
        }
        if (pending_space) {
            if (bti_buf_addc(&out, ' '))
                goto oom;
            pending_space = 0;
        }
        if ((flags & BT_NORM_LOWER) && c >= 0) {
            uint8_t enc[4];
            if (bti_buf_add(&out, enc, (size_t)bti_utf8_put(enc, utf8proc_tolower(c))))
                goto oom;
            p += k;
            continue;
        }
        /* copied as written: the whole run up to the next space (or to the end when spaces
         * stay), in one append rather than one per character */
        const uint8_t *run = p;
        p += k;
        while (p < end && !(flags & BT_NORM_LOWER)) {
            if (*p < 0x80) {
                if (*p == ' ' || (*p >= 0x09 && *p <= 0x0D)) {
                    if (flags & BT_NORM_SPACE)
                        break;
                }
                p++;
                continue;
            }
            k = bti_utf8_next(p, end, &c);
            if ((flags & BT_NORM_SPACE) && is_space_cp(c))
                break;
            p += k;
        }
        if (bti_buf_add(&out, run, (size_t)(p - run)))
            goto oom;
    }
    free(nfc);
    nfc = NULL;
    bti_buf_free(&clean);
    if (flags & BT_NORM_TONES) {
        if (bti_vn_canon_text(out.data ? out.data : "", out.len, &tones))
            goto oom;
        bti_buf_free(&out);
        return bti_buf_detach(&tones, outlen);
    }
    return bti_buf_detach(&out, outlen);
oom:
    free(nfc);
    bti_buf_free(&clean);
    bti_buf_free(&out);
    bti_buf_free(&tones);
    return NULL;
}

int bt_normalize(const char *s, size_t len, unsigned flags, char **out, size_t *outlen)
{
    *out = bti_normalize(s, len, flags, outlen);
    return *out ? 0 : BT_ENOMEM;
}
