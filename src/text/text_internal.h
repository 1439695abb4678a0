/* text_internal.h: what the files of src/text share and nothing outside it uses. */
#ifndef BT_TEXT_INTERNAL_H
#define BT_TEXT_INTERNAL_H

#include "bantin/text.h"
#include "core/buf.h"

#include <stddef.h>
#include <stdint.h>

/* Appends s to out with each invalid UTF-8 maximal subpart replaced by U+FFFD. */
int bt__utf8_repair(const char *s, size_t len, bt_buf *out);

/* Folds s into out, which must have room for 3 * len + 1 bytes; returns the key's length. */
size_t bt__fold_into(const char *s, size_t len, char *out);

/* The longest word (in code points) the syllable code looks at; Vietnamese syllables have at
 * most 7 letters (nghiêng), so anything longer is left alone. */
#define BT_VN_MAX_LETTERS 12

/* Moves the tone mark of one Vietnamese syllable (its code points, NFC) to the canonical
 * vowel, in place. Returns 1 when it changed something, 0 when the word is already canonical
 * or is not a Vietnamese syllable (then it is left untouched). */
int bt__vn_canon_tone(int32_t *cps, size_t n);

/* 1 when the NFC code points spell a well-formed Vietnamese syllable (onset, vowel cluster,
 * final consonant, at most one tone, stops only with sắc/nặng), else 0. */
int bt__vn_syllable_valid(const int32_t *cps, size_t n);

/* Appends valid NFC UTF-8 `s` to `out` with bt__vn_canon_tone applied to every word. */
int bt__vn_canon_text(const char *s, size_t len, bt_buf *out);

/* How Vietnamese decoded UTF-8 text looks: syllables that parse count for it, words with
 * non-ASCII letters that do not, control characters and U+FFFD against it. */
typedef struct bt_vn_score {
    long valid;   /* words with non-ASCII letters that are Vietnamese syllables */
    long invalid; /* words with non-ASCII characters that are not */
    long junk;    /* controls, U+FFFD, unassigned bytes */
} bt_vn_score;
void bt__vn_score(const char *s, size_t len, bt_vn_score *sc);

#endif
