/* text_internal.h: what the files of src/text share and nothing outside it uses. */
#ifndef BT_TEXT_INTERNAL_H
#define BT_TEXT_INTERNAL_H

#include "bantin/text.h"
#include "text/alloc.h"
#include "core/buf.h"

#include <stddef.h>
#include <stdint.h>

/* Appends s to out with each invalid UTF-8 maximal subpart replaced by U+FFFD. */
int bti_utf8_repair(const char *s, size_t len, bti_buf *out);

/* 1 when NFC leaves valid UTF-8 s unchanged (no code point composition or decomposition can
 * touch): bti_normalize(s, len, 0) would return a copy of s. */
int bti_nfc_stable(const char *s, size_t len);

/* Folds s into out, which must have room for 3 * len + 1 bytes; returns the key's length. */
size_t bti_fold_into(const char *s, size_t len, char *out);

/* The longest word (in code points) the syllable code looks at; Vietnamese syllables have at
 * most 7 letters (nghiêng), so anything longer is left alone. */
#define BTI_VN_MAX_LETTERS 12

/* Moves the tone mark of one Vietnamese syllable (its code points, NFC) to the canonical
 * vowel, in place. Returns 1 when it changed something, 0 when the word is already canonical
 * or is not a Vietnamese syllable (then it is left untouched). */
int bti_vn_canon_tone(int32_t *cps, size_t n);

/* How likely the NFC code points are a Vietnamese syllable: 0 when they are not one (onset,
 * vowel cluster, final consonant, spelling rules, at most one tone, stops only with sắc or
 * nặng, sane casing), else 4..10 by how common its tone is. */
int bti_vn_syllable_weight(const int32_t *cps, size_t n);

/* Appends valid NFC UTF-8 `s` to `out` with bti_vn_canon_tone applied to every word. */
int bti_vn_canon_text(const char *s, size_t len, bti_buf *out);

/* How Vietnamese decoded UTF-8 text looks: syllables that parse count for it, words with
 * non-ASCII letters that do not, control characters and U+FFFD against it. */
typedef struct bti_vn_score_t {
    long valid;   /* words with non-ASCII letters that are Vietnamese syllables, each
                     counted by its bti_vn_syllable_weight (up to 10) */
    long invalid; /* words with non-ASCII characters that are not */
    long junk;    /* controls, U+FFFD, unassigned bytes */
} bti_vn_score_t;
void bti_vn_score(const char *s, size_t len, bti_vn_score_t *sc);

#endif
