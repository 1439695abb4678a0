/* hash.h: a fast 64-bit non-cryptographic hash for ids, content hashes and hash tables.
 * Stable across runs and machines (fixed seed, little-endian reads), so ids made from it are
 * stable too. Internal to the library. */
#ifndef BT_CORE_HASH_H
#define BT_CORE_HASH_H

#include <stddef.h>
#include <stdint.h>

/* Streaming form, for hashing several pieces as one. */
typedef struct bti_hasher {
    uint64_t h;
    uint64_t len;
    unsigned char tail[8];
    unsigned ntail;
} bti_hasher;

void bti_hasher_init(bti_hasher *hs, uint64_t seed);
void bti_hasher_add(bti_hasher *hs, const void *data, size_t len);
uint64_t bti_hasher_end(const bti_hasher *hs);

uint64_t bti_hash64(const void *data, size_t len, uint64_t seed);

/* Writes the 16 lowercase hex digits of `h` and a NUL into `out` (17 bytes). */
void bti_hash_hex(uint64_t h, char out[17]);

#endif
