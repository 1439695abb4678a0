/* lang.c: the language of an article's body when the capture does not declare one: Vietnamese
 * by the letters only it uses, English by its commonest words. Enough for the two languages
 * the collection is about; anything else is left undetermined for the caller's default. */
#include "extract/extract_internal.h"

#include <string.h>

int bti_body_is_vietnamese(const bt_article *a)
{
    /* letters only Vietnamese uses: ư ơ đ and tone-marked vowels with dot below */
    static const char *const marks[] = {"ư", "ơ", "đ", "ạ", "ộ", "ệ", "ị", "ủ", "ả", "ầ"};
    size_t hits = 0;
    for (size_t i = 0; i < a->n_body && i < 5; i++)
        for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
            if (strstr(a->body[i], marks[k]))
                hits++;
    return hits >= 3;
}

int bti_body_is_english(const bt_article *a)
{
    static const char *const stop[] = {"the", "and", "of", "to", "in", "is", "that", "for",
                                       "a", "on", "with", "was", "said", "it", "as", NULL};
    size_t words = 0, hits = 0;
    for (size_t p = 0; p < a->n_body && words < 2000; p++) {
        const char *s = a->body[p];
        while (*s) {
            while (*s == ' ')
                s++;
            const char *e = s;
            while (*e && *e != ' ')
                e++;
            if (e == s)
                break;
            words++;
            for (size_t k = 0; stop[k]; k++)
                if ((size_t)(e - s) == strlen(stop[k]) && !strncmp(s, stop[k], (size_t)(e - s)))
                    hits++;
            s = e;
        }
    }
    return words >= 20 && hits * 8 >= words;
}
