/* decode.c: bytes in a declared or detected charset to UTF-8 NFC (bt_decode).
 *
 * Every charset is decoded here from static tables (tables.h, generated from glibc iconv, so
 * detection can try them all cheaply and without iconv_t state), except VNI-Windows, which
 * no library knows: its table below spells each high byte as the letters or combining marks
 * it draws in the VNI fonts (a vowel is typed as an ASCII letter followed by mark bytes:
 * "Vieät Nam"). Windows-1258 and VNI yield combining marks: bt_normalize composes them. */
#include "text/charset.h"
#include "text/alloc.h"
#include "text/tables.h"
#include "text/text_internal.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

/* VNI-Windows bytes 0xC0..0xFF: up to two code points each (0 = unused). Bytes below 0xC0
 * draw as in Windows-1252. The mark bytes come in an upper and a lower case form (following
 * the case of the letter they sit on); both mean the same marks. */
static const uint16_t vni_hi[64][2] = {
    /* C0 À */ {0x0302, 0x0300}, /* C1 Á */ {0x0302, 0x0301}, /* C2 Â */ {0x0302, 0},
    /* C3 Ã */ {0x0302, 0x0303}, /* C4 Ä */ {0x0302, 0x0323}, /* C5 Å */ {0x0302, 0x0309},
    /* C6 Æ */ {0x1EC8, 0},      /* C7 Ç */ {0x00C7, 0},      /* C8 È */ {0x0306, 0x0300},
    /* C9 É */ {0x0306, 0x0301}, /* CA Ê */ {0x0306, 0},      /* CB Ë */ {0x0306, 0x0323},
    /* CC Ì */ {0x00CC, 0},      /* CD Í */ {0x00CD, 0},      /* CE Î */ {0x1EF4, 0},
    /* CF Ï */ {0x0323, 0},      /* D0 Ð */ {0x00D0, 0},      /* D1 Ñ */ {0x0110, 0},
    /* D2 Ò */ {0x1ECA, 0},      /* D3 Ó */ {0x0128, 0},      /* D4 Ô */ {0x01A0, 0},
    /* D5 Õ */ {0x0303, 0},      /* D6 Ö */ {0x01AF, 0},      /* D7 × */ {0x00D7, 0},
    /* D8 Ø */ {0x0300, 0},      /* D9 Ù */ {0x0301, 0},      /* DA Ú */ {0x0306, 0x0309},
    /* DB Û */ {0x0309, 0},      /* DC Ü */ {0x0306, 0x0303}, /* DD Ý */ {0x00DD, 0},
    /* DE Þ */ {0x00DE, 0},      /* DF ß */ {0x00DF, 0},
    /* E0 à */ {0x0302, 0x0300}, /* E1 á */ {0x0302, 0x0301}, /* E2 â */ {0x0302, 0},
    /* E3 ã */ {0x0302, 0x0303}, /* E4 ä */ {0x0302, 0x0323}, /* E5 å */ {0x0302, 0x0309},
    /* E6 æ */ {0x1EC9, 0},      /* E7 ç */ {0x00E7, 0},      /* E8 è */ {0x0306, 0x0300},
    /* E9 é */ {0x0306, 0x0301}, /* EA ê */ {0x0306, 0},      /* EB ë */ {0x0306, 0x0323},
    /* EC ì */ {0x00EC, 0},      /* ED í */ {0x00ED, 0},      /* EE î */ {0x1EF5, 0},
    /* EF ï */ {0x0323, 0},      /* F0 ð */ {0x00F0, 0},      /* F1 ñ */ {0x0111, 0},
    /* F2 ò */ {0x1ECB, 0},      /* F3 ó */ {0x0129, 0},      /* F4 ô */ {0x01A1, 0},
    /* F5 õ */ {0x0303, 0},      /* F6 ö */ {0x01B0, 0},      /* F7 ÷ */ {0x00F7, 0},
    /* F8 ø */ {0x0300, 0},      /* F9 ù */ {0x0301, 0},      /* FA ú */ {0x0306, 0x0309},
    /* FB û */ {0x0309, 0},      /* FC ü */ {0x0306, 0x0303}, /* FD ý */ {0x00FD, 0},
    /* FE þ */ {0x00FE, 0},      /* FF ÿ */ {0x00FF, 0},
};

static int decode_single(const uint8_t *p, size_t len, bt_charset cs, bti_buf *out)
{
    if (len > (SIZE_MAX - 1) / 6 || bti_buf_grow(out, 6 * len))
        return BT_ENOMEM;
    uint8_t *o = (uint8_t *)out->data + out->len;
    for (size_t i = 0; i < len; i++) {
        uint8_t b = p[i];
        int32_t c1 = b, c2 = 0;
        switch (cs) {
        case BT_CS_VISCII:
            c1 = bti_cs_viscii[b];
            break;
        case BT_CS_CP1258:
            c1 = b < 0x80 ? b : bti_cs_cp1258[b - 0x80];
            break;
        case BT_CS_TCVN3:
            c1 = b < 0x80 ? b : bti_cs_tcvn3[b - 0x80];
            break;
        case BT_CS_VNI:
            if (b >= 0xC0) {
                c1 = vni_hi[b - 0xC0][0];
                c2 = vni_hi[b - 0xC0][1];
            } else if (b >= 0x80)
                c1 = bti_cs_cp1252[b - 0x80];
            break;
        default: /* CP1252 */
            c1 = b < 0x80 ? b : bti_cs_cp1252[b - 0x80];
            break;
        }
        o += bti_utf8_put(o, c1);
        if (c2)
            o += bti_utf8_put(o, c2);
    }
    out->len = (size_t)(o - (uint8_t *)out->data);
    out->data[out->len] = '\0';
    return 0;
}

static int decode_utf16(const uint8_t *p, size_t len, int be, int lenient, bti_buf *out,
                        size_t *bad)
{
    if (len > (SIZE_MAX - 8) / 2 || bti_buf_grow(out, 2 * len + 4))
        return BT_ENOMEM;
    uint8_t *o = (uint8_t *)out->data + out->len;
    size_t i = 0;
    while (i < len) {
        int32_t c = -1;
        size_t at = i;
        if (len - i >= 2) {
            uint32_t u = be ? (uint32_t)(p[i] << 8 | p[i + 1]) : (uint32_t)(p[i + 1] << 8 | p[i]);
            i += 2;
            if (u < 0xD800 || u > 0xDFFF)
                c = (int32_t)u;
            else if (u < 0xDC00 && len - i >= 2) {
                uint32_t v = be ? (uint32_t)(p[i] << 8 | p[i + 1]) : (uint32_t)(p[i + 1] << 8 | p[i]);
                if (v >= 0xDC00 && v <= 0xDFFF) {
                    c = (int32_t)(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                    i += 2;
                }
            }
        } else
            i = len; /* odd trailing byte */
        if (c < 0) {
            if (!lenient) {
                if (bad)
                    *bad = at;
                return BT_EPARSE;
            }
            c = 0xFFFD;
        }
        o += bti_utf8_put(o, c);
    }
    out->len = (size_t)(o - (uint8_t *)out->data);
    out->data[out->len] = '\0';
    return 0;
}

int bti_decode_raw(const char *in, size_t len, bt_charset cs, int lenient, bti_buf *out,
                   size_t *bad)
{
    const uint8_t *p = (const uint8_t *)in;
    switch (cs) {
    case BT_CS_UTF8: {
        size_t at;
        if (bt_utf8_valid(in, len, &at))
            return bti_buf_add(out, in, len);
        if (!lenient) {
            if (bad)
                *bad = at;
            return BT_EPARSE;
        }
        return bti_utf8_repair(in, len, out);
    }
    case BT_CS_UTF16LE:
    case BT_CS_UTF16BE:
        return decode_utf16(p, len, cs == BT_CS_UTF16BE, lenient, out, bad);
    case BT_CS_CP1258:
    case BT_CS_VISCII:
    case BT_CS_TCVN3:
    case BT_CS_VNI:
    case BT_CS_CP1252:
        return decode_single(p, len, cs, out);
    default:
        return BT_EUNSUPPORTED;
    }
}

/* UTF-8 that was once read as Windows-1252 and saved as UTF-8 again ("NgÆ°á»i" for
 * "Người"): undoes it into `out` and returns 1 when the text is entirely such mojibake (every
 * character maps back to a Windows-1252 byte and the bytes are valid UTF-8) and the result
 * reads better as Vietnamese; else returns 0 and leaves `out` empty. */
static int unmojibake(const char *s, size_t len, bti_buf *out)
{
    /* cheap gate: "á»" / "áº", the misread lead bytes of the Vietnamese block, twice */
    int hits = 0;
    /* found through their rarer third byte: Vietnamese text is full of 0xC3 */
    const char *last = len >= 4 ? s + len - 1 : s, *c2 = len >= 4 ? s + 2 : s;
    while (hits < 2 && c2 < last && (c2 = memchr(c2, '\xc2', (size_t)(last - c2))) != NULL) {
        if (c2[-2] == '\xc3' && c2[-1] == '\xa1' && (c2[1] == '\xbb' || c2[1] == '\xba'))
            hits++;
        c2++;
    }
    if (hits < 2 || bti_buf_grow(out, len))
        return 0;
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    while (p < end) {
        int32_t c;
        p += bti_utf8_next(p, end, &c);
        int b = -1;
        if (c >= 0 && c <= 0xFF && !(c >= 0x80 && c <= 0x9F && bti_cs_cp1252[c - 0x80] != c))
            b = c;
        else
            for (int k = 0; k < 32 && b < 0; k++)
                if (bti_cs_cp1252[k] == c)
                    b = 0x80 + k;
        if (b < 0) {
            bti_buf_reset(out);
            return 0;
        }
        out->data[out->len++] = (char)b;
    }
    out->data[out->len] = '\0';
    bti_vn_score_t before, after;
    if (bt_utf8_valid(out->data, out->len, NULL)) {
        bti_vn_score(s, len, &before);
        bti_vn_score(out->data, out->len, &after);
        if (bti_vn_weigh(&after) > bti_vn_weigh(&before))
            return 1;
    }
    bti_buf_reset(out);
    return 0;
}

/* The charset to apply: a BOM wins; an undeclared charset is detected; a declaration the
 * bytes contradict is overridden unless the caller trusts it. */
static bt_charset choose(const char *in, size_t len, bt_charset declared, unsigned flags,
                         int *valid)
{
    if (declared == BT_CS_UNKNOWN) {
        /* bt_charset_detect without its BOM check (the caller made it), keeping what the
         * validation found so that the bytes are not validated again */
        if (bt_utf8_valid(in, len, NULL)) {
            *valid = 1;
            return BT_CS_UTF8;
        }
        return bti_charset_guess(in, len, 1, NULL);
    }
    if (flags & BT_DECODE_TRUST)
        return declared;
    int utf8 = bt_utf8_valid(in, len, NULL);
    if (declared == BT_CS_UTF8) {
        *valid = utf8;
        /* "UTF-8" bytes that are not: a legacy page behind a wrong header, unless they read
         * best as UTF-8 with a few bad bytes */
        return utf8 ? BT_CS_UTF8 : bti_charset_guess(in, len, 1, NULL);
    }
    if (declared == BT_CS_UTF16LE || declared == BT_CS_UTF16BE)
        return declared;
    /* A legacy declaration over valid UTF-8 with non-ASCII bytes: the page was re-saved as
     * UTF-8 and kept its old header. */
    if (utf8) {
        for (size_t i = 0; i < len; i++)
            if ((unsigned char)in[i] >= 0x80)
                return BT_CS_UTF8;
        return declared;
    }
    /* .VnTime and VNI pages were usually served as ISO-8859-1 / Windows-1252 (the font did
     * the rest), and one legacy charset is often declared for another: go with the bytes when
     * they read clearly better in another charset. */
    long margin = 0;
    bt_charset guess = bti_charset_guess(in, len, 0, &margin);
    if (guess != declared && guess != BT_CS_CP1252 && (declared == BT_CS_CP1252 || margin > 100))
        return guess;
    return declared;
}

int bt_decode(const char *in, size_t len, bt_charset declared, unsigned flags, char **out,
              size_t *outlen, bt_charset *used, bt_error *err)
{
    if (!in)
        in = "";
    if ((int)declared < 0 || declared >= BT_CS_COUNT)
        return bt_error_set(err, BT_EINVAL, "decode: charset %d is not known", (int)declared);
    size_t bom;
    int valid = 0; /* the bytes are known to be valid UTF-8 */
    bt_charset cs = bti_charset_bom(in, len, &bom);
    if (cs != BT_CS_UNKNOWN) {
        in += bom;
        len -= bom;
    } else
        cs = choose(in, len, declared, flags, &valid);

    bti_buf raw = BTI_BUF_INIT;
    size_t bad = 0;
    int rc = cs == BT_CS_UTF8 && valid
                 ? bti_buf_add(&raw, in, len)
                 : bti_decode_raw(in, len, cs, (flags & BT_DECODE_LENIENT) != 0, &raw, &bad);
    if (rc) {
        bti_buf_free(&raw);
        if (rc == BT_EPARSE)
            return bt_error_set(err, rc, "invalid %s at byte %zu",
                                cs == BT_CS_UTF8 ? "UTF-8" : "UTF-16", bad + bom);
        if (rc == BT_ENOMEM)
            return bt_error_set(err, rc, "out of memory decoding %zu bytes", len);
        return bt_error_set(err, rc, "charset %s is not supported", bt_charset_name(cs));
    }
    if (cs == BT_CS_UTF8 && !(flags & BT_DECODE_TRUST) && raw.data) {
        bti_buf fixed = BTI_BUF_INIT;
        if (unmojibake(raw.data, raw.len, &fixed)) {
            bti_buf_free(&raw);
            raw = fixed;
        } else
            bti_buf_free(&fixed);
    }
    size_t n;
    char *s;
    /* UTF-8 comes out of bti_decode_raw valid (checked or repaired, and unmojibake checks
     * its own): when NFC cannot change it either, the buffer is the result as it is */
    if (cs == BT_CS_UTF8 && raw.data && bti_nfc_stable(raw.data, raw.len))
        s = bti_buf_detach(&raw, &n);
    else {
        s = bti_normalize(raw.data ? raw.data : "", raw.len, 0, &n);
        bti_buf_free(&raw);
    }
    if (!s)
        return bt_error_set(err, BT_ENOMEM, "out of memory decoding %zu bytes", len);
    *out = s;
    if (outlen)
        *outlen = n;
    if (used)
        *used = cs;
    return 0;
}
