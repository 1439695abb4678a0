/* fold.c: the search key of a text (bt_fold): lowercase, marks off, đ -> d, ß -> ss.
 *
 * Hot path of indexing and querying, so it avoids utf8proc for everything a Vietnamese page
 * is made of: ASCII is lowercased eight bytes at a time, and two-byte UTF-8, Latin Extended
 * Additional (the Vietnamese block) and General Punctuation are looked up in the static
 * tables of tables.h, which scripts/gen_text_tables.c builds from the very function
 * (fold_cp.h) that handles every other code point here. Folding is per code point, so NFC
 * and NFD input give the same key (combining marks fold to nothing). */
#include "bantin/text.h"
#include "text/fold_cp.h"
#include "text/tables.h"
#include "text/text_internal.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

static inline uint8_t *put_entry(uint8_t *o, const uint8_t e[4])
{
    memcpy(o, e + 1, 3); /* room is guaranteed: see bti_fold_into */
    return o + e[0];
}

/* Folds s into out, which must hold 3 * len + 1 bytes: no code point's key is longer than
 * three times its UTF-8 (U+FFFD for one bad byte is the worst case; longer utf8proc
 * expansions are refused below), so the loop needs no bounds checks. */
size_t bti_fold_into(const char *s, size_t len, char *out)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    uint8_t *o = (uint8_t *)out;
    while (p < end) {
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (w & 0x8080808080808080ULL)
                break;
            /* per byte: high bit of (b + 0x3F) is b >= 'A', of (b + 0x25) is b > 'Z' */
            uint64_t upper = ((w + 0x3F3F3F3F3F3F3F3FULL) ^ (w + 0x2525252525252525ULL)) &
                             0x8080808080808080ULL;
            w |= upper >> 2;
            memcpy(o, &w, 8);
            o += 8;
            p += 8;
        }
        if (p >= end)
            break;
        uint8_t b = *p;
        if (b < 0x80) {
            *o++ = (uint8_t)(b >= 'A' && b <= 'Z' ? b + 32 : b);
            p++;
            continue;
        }
        if (b >= 0xC2 && b <= 0xDF && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
            const uint8_t *e = bti_fold2[(((b & 0x1F) << 6) | (p[1] & 0x3F)) - 0x80];
            if (e[0] != 0xFF) {
                o = put_entry(o, e);
                p += 2;
                continue;
            }
        } else if ((b == 0xE1 || b == 0xE2) && end - p >= 3 && (p[2] & 0xC0) == 0x80) {
            unsigned idx = ((p[1] & 3u) << 6) | (p[2] & 0x3Fu);
            const uint8_t *e = NULL;
            if (b == 0xE1 && p[1] >= 0xB8 && p[1] <= 0xBB)
                e = bti_fold1e[idx];
            else if (b == 0xE2 && p[1] >= 0x80 && p[1] <= 0x83)
                e = bti_fold20[idx];
            if (e && e[0] != 0xFF) {
                o = put_entry(o, e);
                p += 3;
                continue;
            }
        }
        int32_t c;
        int k = bti_utf8_next(p, end, &c);
        if (c < 0) {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            uint8_t tmp[32];
            int n = bti_fold_cp(c, tmp);
            if (n > 3 * k) { /* never seen in practice; keeps the 3x bound a guarantee */
                memcpy(o, p, (size_t)k);
                o += k;
            } else {
                memcpy(o, tmp, (size_t)n);
                o += n;
            }
        }
        p += k;
    }
    *o = '\0';
    return (size_t)(o - (uint8_t *)out);
}

size_t bt_fold(const char *s, size_t len, char *out, size_t cap)
{
    if (!s)
        s = "";
    if (cap > 3 * len)
        return bti_fold_into(s, len, out);
    /* Small buffer: fold in chunks cut before a lead byte (folding is per code point, so the
     * cuts do not change the key) and copy what fits. */
    enum { CHUNK = 512 };
    char tmp[3 * CHUNK + 1];
    const uint8_t *p = (const uint8_t *)s;
    size_t i = 0, total = 0;
    while (i < len) {
        size_t j = len - i > CHUNK ? i + CHUNK : len;
        if (j < len) {
            size_t cut = j;
            for (int steps = 0; cut > i && (p[cut] & 0xC0) == 0x80 && steps < 4; steps++)
                cut--;
            if ((p[cut] & 0xC0) != 0x80 && cut > i)
                j = cut;
        }
        size_t n = bti_fold_into(s + i, j - i, tmp);
        if (cap && total < cap - 1) {
            size_t room = cap - 1 - total;
            memcpy(out + total, tmp, n < room ? n : room);
        }
        total += n;
        i = j;
    }
    if (cap)
        out[total < cap ? total : cap - 1] = '\0';
    return total;
}

char *bti_fold_dup(const char *s, size_t len, size_t *outlen)
{
    if (!s)
        s = "";
    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc(3 * len + 1);
    if (!out)
        return NULL;
    size_t n = bti_fold_into(s, len, out);
    if (n + 1 < (3 * len + 1) / 2) { /* give back what the worst case reserved */
        char *small = realloc(out, n + 1);
        if (small)
            out = small;
    }
    if (outlen)
        *outlen = n;
    return out;
}

int bt_fold_dup(const char *s, size_t len, char **out, size_t *outlen)
{
    *out = bti_fold_dup(s, len, outlen);
    return *out ? 0 : BT_ENOMEM;
}
