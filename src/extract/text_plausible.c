/* text_plausible.c: whether decoded bytes read as text at all, before the text extractor looks
 * for an article in them. Random or binary bytes without a NUL decode leniently into "text"
 * (windows-1252 makes a character of every byte), and the extractor would find a title in any
 * line; real text, in any language, has next to no control characters, mostly letters, and
 * words of a few characters. Judged on bytes of the UTF-8, without decoding: a byte of a
 * multi-byte character counts as a letter (Vietnamese letters are most of them), which keeps
 * the pass as cheap as a memchr. */
#include "extract/text_internal.h"

#include <stdio.h>

/* Control characters (C0 but tab/newline/CR/form feed, and DEL) in real text are stray bytes:
 * 1 in 100 is already far past them; random bytes decode to about 1 in 9. */
#define MAX_CONTROL_PER_MILLE 10
/* Letters (ASCII letters and the bytes of non-ASCII characters) among the bytes that are not
 * white space: prose is 75-90%, tables of figures stay above half. */
#define MIN_LETTER_PER_MILLE 500
/* Bytes per word (a run between white space): Vietnamese syllables average 4-5 bytes of
 * UTF-8, English words 5, URLs and long numbers pull it up a little; random bytes have a space
 * about once in 64. */
#define MAX_MEAN_WORD 24
/* Too little to judge: headlines and short notes pass. */
#define MIN_BYTES 200
/* The judgement reads the first 4 KB: noise shows there as well as anywhere. */
#define SAMPLE_BYTES 4096

int bti_text_plausible(const char *text, size_t len, char *why, size_t cap)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t n = len < SAMPLE_BYTES ? len : SAMPLE_BYTES;
    if (n < MIN_BYTES)
        return 1;
    size_t control = 0, letters = 0, visible = 0, words = 0;
    int in_word = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            in_word = 0;
            continue;
        }
        words += !in_word;
        in_word = 1;
        visible++;
        if (c < 0x20 || c == 0x7F)
            control++;
        else if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            letters++;
    }
    if (control * 1000 > n * MAX_CONTROL_PER_MILLE) {
        snprintf(why, cap, "%zu of its first %zu bytes are control characters", control, n);
        return 0;
    }
    if (letters * 1000 < visible * MIN_LETTER_PER_MILLE) {
        snprintf(why, cap, "only %zu of its first %zu visible bytes are letters", letters,
                 visible);
        return 0;
    }
    if (words == 0 || visible / words > MAX_MEAN_WORD) {
        snprintf(why, cap, "no words: %zu bytes in %zu runs between spaces", visible, words);
        return 0;
    }
    return 1;
}
