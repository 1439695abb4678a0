/* utf8.h: one UTF-8 sequence at a time, with the Unicode "maximal subpart" rule for bad bytes
 * (each maximal prefix of a valid sequence, or else each lone byte, is one error, so it becomes
 * exactly one U+FFFD, as WHATWG and ICU do). Internal to src/text. */
#ifndef BT_TEXT_UTF8_H
#define BT_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The first byte at or after p that is not ASCII, or end. ASCII runs are most of any page:
 * they go eight bytes at a time. */
static inline const uint8_t *bti_skip_ascii(const uint8_t *p, const uint8_t *end)
{
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        if (w & 0x8080808080808080ULL)
            break;
        p += 8;
    }
    while (p < end && *p < 0x80)
        p++;
    return p;
}

/* Decodes the sequence at p (p < end). Returns its length in bytes (>= 1) and sets *cp to the
 * code point, or to -1 when the bytes are invalid: then the length is the maximal subpart. */
static inline int bti_utf8_next(const uint8_t *p, const uint8_t *end, int32_t *cp)
{
    uint8_t c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int n;
    uint8_t lo = 0x80, hi = 0xBF;
    int32_t v;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        else if (c == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        else if (c == 0xF4)
            hi = 0x8F; /* past U+10FFFF */
    } else {
        *cp = -1;
        return 1;
    }
    for (int k = 1; k <= n; k++) {
        if (p + k >= end || p[k] < lo || p[k] > hi) {
            *cp = -1;
            return k;
        }
        v = (v << 6) | (p[k] & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    *cp = v;
    return n + 1;
}

/* Appends the UTF-8 of code point c (valid scalar value) to out; returns the length. */
static inline int bti_utf8_put(uint8_t *out, int32_t c)
{
    if (c < 0x80) {
        out[0] = (uint8_t)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (uint8_t)(0xC0 | (c >> 6));
        out[1] = (uint8_t)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (uint8_t)(0xE0 | (c >> 12));
        out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (uint8_t)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | (c >> 18));
    out[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (uint8_t)(0x80 | (c & 0x3F));
    return 4;
}

#endif
