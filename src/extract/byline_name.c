/* byline_name.c: whether a piece of a byline names a person. An author field or byline line
 * also carries what is no person's name: a description of the writer ("Mykolo Romerio
 * universiteto ... profesorius"), a platform account ("admin", "SEO, Traffic Team",
 * "example.com developer"), an e-mail address. These tests read the shape of the piece, in
 * any script: words and their case, never a site's own names. */
#include "extract/html_internal.h"
#include "extract/lexicon.h"
#include "text/alloc.h"

#include "bantin/text.h"

#include <stdlib.h>
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
/* A line of the page read as a person's name: given and family name, a middle name or two;
 * one word is a label or a nickname. */
#define PERSON_MIN_WORDS 2
#define PERSON_MAX_WORDS 4
/* A line the page does not mark as a byline (a bold line opening the text) is read as names
 * only when plain: given and family name, a middle name ("Die Wahl zur Europawahl" is a
 * heading, not a name with a particle). */
#define PLAIN_MAX_WORDS 3

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

/* LOGIN_HANDLE: one word of small ASCII letters (digits, dots, dashes, underscores) is a
 * login ("mikecason" in sailthru.author beside "Mike Cason" in the byline): a person's name as
 * written for readers has a capital or a space, in every script that has case. Agencies that
 * write their names small are shorter ("dpa", "epd", "kna"): LOGIN_MIN_LETTERS. */
#define LOGIN_MIN_LETTERS 5
int bti_name_is_login(const char *s, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'a' && c <= 'z')
            letters++;
        else if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'))
            return 0;
    }
    return letters >= LOGIN_MIN_LETTERS;
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

/* Characters no written name holds: sentence marks, quotes, brackets, digits. A full stop is
 * allowed only after a one-letter initial ("J. Roth"). */
#define NOT_IN_NAME ":;!?\"()[]0123456789"

int bti_upper_letter(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    size_t cl = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (cl > n)
        return 0;
    char *low = bti_normalize(s, cl, BT_NORM_LOWER, NULL);
    int upper = low && strncmp(low, s, cl) != 0;
    free(low);
    return upper;
}

/* A name in a script written without spaces or case: two to four Han ideographs ("牛镛",
 * "松岡大地") or Hangul syllables ("신현주"). */
#define CJK_NAME_MIN 2
#define CJK_NAME_MAX 4

static int cjk_name(const char *s, size_t n)
{
    size_t chars = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0xE0 || c >= 0xF0 || i + 3 > n)
            return 0;
        unsigned cp = ((c & 0x0Fu) << 12) | (((unsigned char)s[i + 1] & 0x3Fu) << 6) |
                      ((unsigned char)s[i + 2] & 0x3Fu);
        int han = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
        int hangul = cp >= 0xAC00 && cp <= 0xD7A3;
        if (!han && !hangul)
            return 0;
        chars++;
        i += 3;
    }
    return chars >= CJK_NAME_MIN && chars <= CJK_NAME_MAX;
}

/* The person-name test; `plain`: no particle or title, at most PLAIN_MAX_WORDS words. */
static int person_shape(const char *s, size_t n, int plain)
{
    while (n && s[n - 1] == ' ')
        n--;
    while (n && *s == ' ')
        s++, n--;
    if (cjk_name(s, n)) /* a label alone ("编辑": editor) names nobody */
        return !bti_lex_raw_has(BTI_LEX_BYLINE_PREFIX, s, n);
    size_t words = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        int upper = bti_upper_letter(s + i, j - i);
        /* a particle inside a name ("Maria de la Cruz"), never its first word */
        if (!upper && !(words && !plain && bti_lex_raw_has(BTI_LEX_NAME_PARTICLE, s + i, j - i)))
            return 0;
        /* "Dr. Max Roth": a title before the name, its full stop included */
        int title = !words && !plain && s[j - 1] == '.' &&
                    bti_lex_raw_has(BTI_LEX_NAME_TITLE, s + i, j - 1 - i);
        for (size_t k = i; k < j && !title; k++) {
            if (strchr(NOT_IN_NAME, s[k]))
                return 0;
            if (s[k] == '.' && !(k == i + 1 && upper))
                return 0;
        }
        if (title) {
            i = j;
            while (i < n && s[i] == ' ')
                i++;
            continue;
        }
        words++;
        i = j;
        while (i < n && s[i] == ' ')
            i++;
    }
    return words >= PERSON_MIN_WORDS && words <= (plain ? PLAIN_MAX_WORDS : PERSON_MAX_WORDS);
}

int bti_name_is_person(const char *s, size_t n) { return person_shape(s, n, 0); }

int bti_name_is_plain_person(const char *s, size_t n) { return person_shape(s, n, 1); }

int bti_name_is_organisation(const char *s, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != ',')
            j++;
        if (j == i) {
            i++;
            continue;
        }
        size_t e = j; /* "GmbH." / "Inc." */
        while (e > i && s[e - 1] == '.')
            e--;
        if (e > i && bti_lex_raw_has(BTI_LEX_ORG_FORM, s + i, e - i))
            return 1;
        /* "Landesanstalt für Wald": a lower-case word that is no particle or joining word */
        if (words && lower_initial((const unsigned char *)s + i, j - i) &&
            !bti_lex_raw_has(BTI_LEX_NAME_PARTICLE | BTI_LEX_NAME_JOIN, s + i, j - i))
            return 1;
        words++;
        i = j;
    }
    return 0;
}
