/* text_signoff.c: pass "initials sign-off". Some papers sign a report with the author's
 * initials after its last sentence, set off by a slash ("... fünf Festnahmen. / ab"): the
 * paragraph ends a sentence all the same, and is prose however short. A credit after a
 * caption names a person or an agency ("/ Lorenzo Marina"), longer than initials. */
#include "extract/text_internal.h"

#include <stddef.h>

#define SIGNOFF_MAX_LETTERS 3 /* initials: "ab", "jk", "tsl" */

size_t tx_initials_signoff(const char *s, size_t len)
{
    size_t k = len, letters = 0;
    while (k && letters <= SIGNOFF_MAX_LETTERS &&
           ((s[k - 1] >= 'a' && s[k - 1] <= 'z') || (s[k - 1] >= 'A' && s[k - 1] <= 'Z')))
        k--, letters++;
    if (!letters || letters > SIGNOFF_MAX_LETTERS || k < 5 || s[k - 1] != ' ' ||
        s[k - 2] != '/' || s[k - 3] != ' ')
        return 0;
    char end = s[k - 4];
    return end == '.' || end == '!' || end == '?' ? len - (k - 3) : 0;
}
