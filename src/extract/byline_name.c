/* byline_name.c: whether a piece of a byline names a person. An author field or byline line
 * also carries what is no person's name: a description of the writer ("Mykolo Romerio
 * universiteto ... profesorius"), a platform account ("admin", "SEO, Traffic Team",
 * "example.com developer"), an e-mail address. These tests read the shape of the piece, in
 * any script: words and their case, never a site's own names. */
#include "extract/html_internal.h"
#include "extract/lexicon.h"

#include <string.h>

/* A name is a few words ("Jan Michael Marchart", "Nguyễn Thị Minh Khai"); more is a
 * sentence or a description. */
#define NAME_MAX_WORDS 6
/* Lower-case words a name holds are its particles ("de", "la", "von", "van", "bin", "al"):
 * short ones. A longer lower-case word is prose ("universiteto", "profesorius"). */
#define PARTICLE_MAX_BYTES 3
/* A name may hold a stray lower-case word or two ("Guardian staff reporter" is a byline as
 * sites write it); three make a phrase. */
#define DESCRIPTION_MIN_LOWER 3

/* Whether the byte at s starts a lower-case ASCII or Latin-1/Latin Extended-A letter: only
 * scripts with case can tell, so CJK, Hangul and Thai names always pass. */
static int lower_initial(const unsigned char *s, size_t n)
{
    if (s[0] >= 'a' && s[0] <= 'z')
        return 1;
    if (n >= 2 && s[0] == 0xC3) /* U+00DF..U+00FF: lower case */
        return s[1] >= 0x9F;
    return 0;
}

int bti_name_is_description(const char *s, size_t n)
{
    size_t words = 0, lower = 0;
    int depth = 0; /* "Jean Roy (avec Luc Martin et Paul Roy)": a bracket is the name's note */
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        if (i == n)
            break;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        int opens = s[i] == '(' || s[i] == '[', closes = s[j - 1] == ')' || s[j - 1] == ']';
        if (!depth && !opens) {
            words++;
            if (j - i > PARTICLE_MAX_BYTES && lower_initial((const unsigned char *)s + i, j - i))
                lower++;
        }
        depth += opens - (closes && (depth || opens));
        if (depth < 0)
            depth = 0;
        i = j;
    }
    return words > NAME_MAX_WORDS || (words > 2 && lower >= DESCRIPTION_MIN_LOWER);
}

int bti_name_is_account(const char *s, size_t n)
{
    if (memchr(s, '@', n)) /* an e-mail address or a handle */
        return 1;
    if (bti_lex_raw_has(BTI_LEX_BYLINE_ACCOUNT, s, n))
        return 1;
    for (size_t i = 0; i < n;) { /* "mediaindonesia.com developer": any word an account's */
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != ',')
            j++;
        if (j > i && bti_lex_raw_has(BTI_LEX_BYLINE_ACCOUNT, s + i, j - i))
            return 1;
        i = j + 1;
    }
    return 0;
}
