/* text_ascii_sign.c: signs a renderer wrote in ASCII. html2text (unless run with
 * --unicode-snob) replaces some named entities with ASCII stand-ins: "&copy;" becomes "(C)",
 * so a photo credit "© dpa" under a caption reads "(C) dpa". The rules that look for a
 * copyright sign take the stand-in as the sign. (Its letters are lost too: "&uuml;" becomes
 * "u", which no rule can undo.) A credit written out in words, "Copyright 2026 The AP. All
 * rights reserved.", is the sign too: the word, then a year. */
#include "extract/text_internal.h"

#include <string.h>

#define COPYRIGHT_SIGN "\xC2\xA9"
#define COPYRIGHT_ASCII "(C)"
#define COPYRIGHT_WORD "Copyright "
#define COPYRIGHT_WORD_LEN (sizeof COPYRIGHT_WORD - 1)

/* "Copyright 2026" at s[i]: the word, after a space or the photographer's slash
 * ("Frank Franklin II/Copyright 2026 The AP"), then a year. */
static int copyright_word(const char *s, size_t len, size_t i)
{
    size_t y = i + COPYRIGHT_WORD_LEN;
    if (y + 4 > len || memcmp(s + i, COPYRIGHT_WORD, COPYRIGHT_WORD_LEN) ||
        (i > 0 && s[i - 1] != ' ' && s[i - 1] != '/'))
        return 0;
    for (size_t k = y; k < y + 4; k++)
        if (s[k] < '0' || s[k] > '9')
            return 0;
    return y + 4 == len || s[y + 4] == ' ' || s[y + 4] == '.' || s[y + 4] == ',';
}

int tx_lone_separator(const char *s, size_t len, size_t i)
{
    return i < len && (s[i] == '/' || s[i] == '|') && (i + 1 == len || s[i + 1] == ' ');
}

size_t tx_copyright_sign_in_tail(const char *s, size_t len, size_t max_words)
{
    size_t spaces = 0;
    for (size_t i = len; i-- > 0;) {
        char c = s[i];
        /* the sign is wanted within the last words only: stop past them ("/" and "|"
         * parting the names of a credit are no words: "(C) picture alliance / dpa") */
        if (c == ' ' && !tx_lone_separator(s, len, i + 1) && ++spaces > max_words)
            break;
        if (c != COPYRIGHT_SIGN[0] && c != COPYRIGHT_ASCII[0] && c != COPYRIGHT_WORD[0])
            continue;
        if (c == COPYRIGHT_WORD[0] && copyright_word(s, len, i))
            return i;
        if (i + 2 <= len && !memcmp(s + i, COPYRIGHT_SIGN, 2))
            return i;
        /* "(C)" as a word of its own: "(C) dpa", not "(Cologne)" or "F(C)" */
        if (i + 3 <= len && !memcmp(s + i, COPYRIGHT_ASCII, 3) && (i == 0 || s[i - 1] == ' ') &&
            (i + 3 == len || s[i + 3] == ' '))
            return i;
    }
    return (size_t)-1;
}
