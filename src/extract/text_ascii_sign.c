/* text_ascii_sign.c: signs a renderer wrote in ASCII. html2text (unless run with
 * --unicode-snob) replaces some named entities with ASCII stand-ins: "&copy;" becomes "(C)",
 * so a photo credit "© dpa" under a caption reads "(C) dpa". The rules that look for a
 * copyright sign take the stand-in as the sign. (Its letters are lost too: "&uuml;" becomes
 * "u", which no rule can undo.) */
#include "extract/text_internal.h"

#include <string.h>

#define COPYRIGHT_SIGN "\xC2\xA9"
#define COPYRIGHT_ASCII "(C)"

size_t tx_last_copyright_sign(const char *s, size_t len)
{
    for (size_t i = len; i-- > 0;) {
        if (i + 2 <= len && !memcmp(s + i, COPYRIGHT_SIGN, 2))
            return i;
        /* "(C)" as a word of its own: "(C) dpa", not "(Cologne)" or "F(C)" */
        if (i + 3 <= len && !memcmp(s + i, COPYRIGHT_ASCII, 3) && (i == 0 || s[i - 1] == ' ') &&
            (i + 3 == len || s[i + 3] == ' '))
            return i;
    }
    return (size_t)-1;
}
