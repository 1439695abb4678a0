/* hash.c: a multiply-xorshift hash over 8-byte little-endian words.
 * Not cryptographic: it names content, it does not defend against chosen collisions. */
#include "core/hash.h"

#include <string.h>

#define K1 0x9E3779B97F4A7C15ull
#define K2 0xC2B2AE3D27D4EB4Full

static uint64_t mix(uint64_t x)
{
    x ^= x >> 31;
    x *= 0x7FB5D329728EA185ull;
    x ^= x >> 27;
    x *= 0x81DADEF4BC2DD44Dull;
    x ^= x >> 33;
    return x;
}

static uint64_t load64(const unsigned char *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
           (uint64_t)p[7] << 56;
}

static uint64_t step(uint64_t h, uint64_t w)
{
    w *= K2;
    w = (w << 31) | (w >> 33);
    h ^= w * K1;
    return ((h << 27) | (h >> 37)) * 5 + 0x52DCE729;
}

void bti_hasher_init(bti_hasher *hs, uint64_t seed)
{
    hs->h = seed ^ K1;
    hs->len = 0;
    hs->ntail = 0;
}

void bti_hasher_add(bti_hasher *hs, const void *data, size_t len)
{
    const unsigned char *p = data;
    hs->len += len;
    if (hs->ntail) {
        while (len && hs->ntail < 8) {
            hs->tail[hs->ntail++] = *p++;
            len--;
        }
        if (hs->ntail < 8)
            return;
        hs->h = step(hs->h, load64(hs->tail));
        hs->ntail = 0;
    }
    while (len >= 8) {
        hs->h = step(hs->h, load64(p));
        p += 8;
        len -= 8;
    }
    memcpy(hs->tail, p, len);
    hs->ntail = (unsigned)len;
}

uint64_t bti_hasher_end(const bti_hasher *hs)
{
    unsigned char last[8] = {0};
    memcpy(last, hs->tail, hs->ntail);
    uint64_t h = step(hs->h, load64(last) ^ ((uint64_t)hs->ntail << 56));
    return mix(h ^ hs->len);
}

/* The hasher's init, add and end in one pass, without its tail buffer: the same value at
 * about a third of the instructions for a word (the shingles and story terms hash every
 * token). */
uint64_t bti_hash64(const void *data, size_t len, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = seed ^ K1;
    size_t n = len;
    for (; n >= 8; p += 8, n -= 8)
        h = step(h, load64(p));
    unsigned char last[8] = {0};
    if (n)
        memcpy(last, p, n);
    h = step(h, load64(last) ^ ((uint64_t)n << 56));
    return mix(h ^ len);
}

void bti_hash_hex(uint64_t h, char out[17])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        out[i] = hex[h & 15];
        h >>= 4;
    }
    out[16] = '\0';
}
