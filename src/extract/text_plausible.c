/* text_plausible.c: whether decoded bytes read as text at all, before the text extractor looks
 * for an article in them. Random or binary bytes without a NUL decode leniently into "text"
 * (windows-1252 makes a letter of most bytes), and the extractor would find a title in any
 * line; real text, in any language, has next to no control characters, mostly letters, and
 * words of a few characters. */
#include "extract/text_internal.h"
#include "text/utf8.h"

#include <stdio.h>
#include <utf8proc.h>

/* Control characters (C0 but tab/newline/CR/form feed, DEL, C1) in real text are stray bytes:
 * 1 in 100 is already far past them; random bytes decode to about 1 in 9. */
#define MAX_CONTROL_PER_MILLE 10
/* Letters among the characters that are not white space: prose is 75-85% letters (the rest
 * digits and punctuation); tables of figures stay above half. */
#define MIN_LETTER_PER_MILLE 500
/* Characters per word (a run between white space): Vietnamese syllables average 3-4, English
 * words 5, URLs and long numbers pull it up a little; noise has a space once in ~100 bytes. */
#define MAX_MEAN_WORD 20
/* Too little to judge: headlines and short notes pass. */
#define MIN_CHARS 200

int bti_text_plausible(const char *text, size_t len, char *why, size_t cap)
{
    const uint8_t *p = (const uint8_t *)text, *end = p + len;
    size_t chars = 0, control = 0, letters = 0, visible = 0, words = 0;
    int in_word = 0;
    while (p < end) {
        int32_t c;
        p += bti_utf8_next(p, end, &c);
        chars++;
        int space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0;
        if (space) {
            in_word = 0;
            continue;
        }
        if (!in_word)
            words++;
        in_word = 1;
        visible++;
        if (c < 0 || c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
            control++;
        else {
            utf8proc_category_t cat = utf8proc_category(c);
            if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
                letters++;
        }
    }
    if (chars < MIN_CHARS)
        return 1;
    if (control * 1000 > chars * MAX_CONTROL_PER_MILLE) {
        snprintf(why, cap, "%zu of %zu characters are control characters", control, chars);
        return 0;
    }
    if (letters * 1000 < visible * MIN_LETTER_PER_MILLE) {
        snprintf(why, cap, "only %zu of %zu characters are letters", letters, visible);
        return 0;
    }
    if (words == 0 || visible / words > MAX_MEAN_WORD) {
        snprintf(why, cap, "no words: %zu characters in %zu runs between spaces", visible,
                 words);
        return 0;
    }
    return 1;
}
