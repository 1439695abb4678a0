/* text_credit_tail.c: pass "slash credit after the caption". A photo's caption closes with
 * its credit after the last sentence, photographer and agency parted by a slash: "...
 * stellen. Imago/Blaulicht-News.de", "... illegally. AP Photo/Eric Gay, File", "... zu
 * kommen.Unsplash/Kelly Sikkema". Where the renderer kept the image (pandoc) the line below
 * it is known to be a caption; where it left images out (html2text --ignore-images) the
 * credit is all that tells. A paragraph does not end on capitalised names around a slash
 * after its last full stop; "km/h", "24/7" and "und/oder" are no names. */
#include "extract/lexicon.h"
#include "extract/text_internal.h"

#include <string.h>
#include <utf8proc.h>

#define SLASH_TAIL_WORDS 8 /* "Keystone/The White House via AP/Adam Schultz" */
#define SLASH_JOIN_MAX 3   /* a lower-case word among the names joins them: "via", "von" */

static int upper_at(const char *s, size_t len, size_t i)
{
    return i < len && s[i] >= 'A' && s[i] <= 'Z';
}

int tx_slash_credit_tail(const char *s, size_t len)
{
    while (len && s[len - 1] == ' ')
        len--;
    if (!len || s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == '?')
        return 0;
    /* the last sentence end that a capital follows, with or without a space */
    size_t tail = 0;
    for (size_t i = len; i-- > 1;) {
        if (!strchr(".!?\"", s[i]))
            continue;
        size_t k = i + 1;
        while (k < len && s[k] == ' ')
            k++;
        if (upper_at(s, len, k)) {
            tail = k;
            break;
        }
    }
    if (!tail || tx_count_words(s + tail, len - tail) > SLASH_TAIL_WORDS)
        return 0;
    const char *slash = memchr(s + tail, '/', len - tail);
    if (!slash)
        return 0;
    size_t k = (size_t)(slash - s) + 1;
    while (k < len && s[k] == ' ')
        k++;
    return upper_at(s, len, k);
}

/* An agency that writes its name in small letters closing the line after the slash
 * ("Philipp von Ditfurth/dpa"): one short word of letters. */
#define AGENCY_MAX_LEN 4

static int agency_word(const char *s, size_t len, size_t i)
{
    size_t e = i;
    while (e < len && s[e] >= 'a' && s[e] <= 'z')
        e++;
    return e == len && e > i && e - i <= AGENCY_MAX_LEN;
}

/* Whether the word that ends at s[i] (a slash) opens with a capital: a name. */
static int capital_before(const char *s, size_t i)
{
    size_t w = i;
    while (w && s[w - 1] != ' ')
        w--;
    return upper_at(s, i, w);
}

/* A credit on a line of its own, under a photo a renderer left out: "Andrea Roe/Getty
 * Images", "STR/AFP via Getty Images", "(Robert F. Bukaty / AP)". Names only: capitalised
 * (an initial's full stop ends no sentence), a slash between two of them with no space
 * ("2023/January" is a date) unless brackets set the line apart, no sentence end, a few
 * words; a line of prose holds a verb and ends. */
int tx_slash_credit_line(const char *s, size_t len)
{
    while (len && s[len - 1] == ' ')
        len--;
    int bracketed = len > 2 && s[0] == '(' && s[len - 1] == ')';
    if (bracketed)
        s++, len -= 2;
    if (!len || !upper_at(s, len, 0) || strchr(".!?:", s[len - 1]) ||
        tx_count_words(s, len) > SLASH_TAIL_WORDS)
        return 0;
    int slash = 0;
    for (size_t i = 1; i + 1 < len; i++) {
        int initial = s[i] == '.' && upper_at(s, len, i - 1) && (i == 1 || s[i - 2] == ' ');
        if (strchr(".!?", s[i]) && s[i + 1] == ' ' && !initial)
            return 0; /* a sentence ends inside: a caption with its credit, seen above */
        if (s[i] == ' ') {
            /* every word capitalised but short joining ones ("via", "von", "de") */
            size_t w = i + 1, e = w;
            while (e < len && s[e] != ' ' && s[e] != '/')
                e++;
            if (!upper_at(s, len, w) && !(s[w] >= '0' && s[w] <= '9') && e - w > SLASH_JOIN_MAX)
                return 0;
        }
        if (s[i] == '/' && s[i - 1] != ' ' && !(s[i - 1] >= '0' && s[i - 1] <= '9') &&
            (upper_at(s, len, i + 1) || (agency_word(s, len, i + 1) && capital_before(s, i))))
            slash = 1;
        if (bracketed && s[i] == '/' && s[i - 1] == ' ' && s[i + 1] == ' ' &&
            upper_at(s, len, i + 2))
            slash = 1;
    }
    return slash;
}

/* Pass "bracketed credit after the caption": a caption closes with its credit in brackets
 * after its last sentence, the agency alone or after the photographer's name: "... Jeffrey
 * Epstein. (AP)", "... el 11 de octubre. Florion Goga (REUTERS)", "... Des Moines, Iowa.
 * (Courtesy of Tanner Fischer)". html2text prints a <figcaption> as a plain line, so the
 * credit is all that tells it from a paragraph. A paragraph ends so rarely, and then with an
 * author's initials in lower case ("(kas)"), a remark ("(Tekst gaat verder onder de foto.)")
 * or a long last sentence: the credit must be names (capitalised words, short joining ones
 * between them), no sentence, and the line a caption's length. */
#define BRACKET_CREDIT_WORDS 5      /* "(Bespoke Real Estate)", "(Courtesy of Jane Roe)" */
#define BRACKET_CREDIT_NAME_WORDS 4 /* the photographer's name before it */
#define BRACKET_CREDIT_LINE_WORDS 40 /* a caption is a sentence or two ... */
#define BRACKET_CAPTION_MIN_WORDS 3  /* ... of some words, not a bracket alone */

/* Whether the word s[0..len) opens with a capital letter. */
static int capital_word(const char *s, size_t len)
{
    utf8proc_int32_t cp;
    if (!len || utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp) <= 0)
        return 0;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* Whether s[0..len) is words that name (capitalised, or short joining words between them),
 * at least one and at most max of them, with no sentence mark inside. */
static int names_only(const char *s, size_t len, size_t max)
{
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && s[i] == ' ')
            i++;
        size_t w = i;
        while (i < len && s[i] != ' ')
            i++;
        if (i == w)
            break;
        if (++words > max)
            return 0;
        for (size_t k = w; k < i; k++)
            if ((s[k] >= '0' && s[k] <= '9') ||
                ((s[k] == '.' || s[k] == '!' || s[k] == '?' || s[k] == ':') && k + 1 == i))
                return 0;
        if (capital_word(s + w, i - w))
            caps++;
        else if (i - w > SLASH_JOIN_MAX)
            return 0;
    }
    return caps > 0;
}

int tx_bracket_credit_tail(const char *s, size_t len)
{
    while (len && s[len - 1] == ' ')
        len--;
    if (len < 4 || s[len - 1] != ')' || tx_count_words(s, len) > BRACKET_CREDIT_LINE_WORDS)
        return 0;
    size_t o = len - 1;
    while (o && s[o - 1] != '(' && s[o - 1] != ')')
        o--;
    if (!o || s[o - 1] != '(' || !names_only(s + o, len - 1 - o, BRACKET_CREDIT_WORDS))
        return 0;
    /* back over the photographer's name to the caption's last sentence end */
    size_t e = o - 1;
    while (e && s[e - 1] == ' ')
        e--;
    size_t n = e;
    while (n && !strchr(".!?\"", s[n - 1]) &&
           !(n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
             ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0xA6)) &&
           !(n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xBB))
        n--;
    if (n < 2 || tx_count_words(s, n) < BRACKET_CAPTION_MIN_WORDS)
        return 0;
    return n == e || names_only(s + n, e - n, BRACKET_CREDIT_NAME_WORDS);
}

/* Pass "named credit after the caption": a caption closes with its credit, names after its
 * last sentence with no mark of their own: "... south of Duqm. Tara Atkinson for Rest of
 * World", "... Horus 4 rocket. Advanced Rocket Technologies", "... Venezuela. AP Photo". A
 * paragraph ends on a mark; a line ending on names after a sentence is a caption whose
 * image html2text left out. The names are capitalised words, short joining ones and "for"
 * between them (no digits: "am 15. Juni" is a date), two or more, the last capitalised; a
 * byline's word ("Ein Kommentar von Jan Sellner") makes a byline, not a credit, and the
 * sentence must end on a small letter ("U.S. Secretary of State Marco Rubio" is no
 * sentence end). */
#define NAMED_CREDIT_MIN_WORDS 2
#define NAMED_CREDIT_MAX_WORDS 8
#define NAMED_CREDIT_FOR "for"

int tx_named_credit_tail(const char *s, size_t len)
{
    while (len && s[len - 1] == ' ')
        len--;
    if (!len)
        return 0;
    /* ends on a letter (a name), not on a mark: the cheap test first, most lines end on one */
    utf8proc_int32_t cp = tx_cp_before(s, len);
    if (cp < 0 || !(utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
                    utf8proc_category(cp) == UTF8PROC_CATEGORY_LL) ||
        tx_count_words(s, len) > BRACKET_CREDIT_LINE_WORDS)
        return 0;
    /* the last sentence end: a mark after a small letter, a space, a capital */
    size_t tail = 0;
    for (size_t i = len - 1; i-- > 1 && !tail;)
        if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' &&
            upper_at(s, len, i + 2) && s[i - 1] >= 'a' && s[i - 1] <= 'z')
            tail = i + 2;
    if (!tail || tx_count_words(s, tail) < BRACKET_CAPTION_MIN_WORDS)
        return 0;
    size_t words = 0;
    const char *last = NULL;
    size_t last_len = 0;
    for (size_t i = tail; i < len;) {
        size_t w = i;
        while (i < len && s[i] != ' ')
            i++;
        if (++words > NAMED_CREDIT_MAX_WORDS)
            return 0;
        for (size_t k = w; k < i; k++)
            if ((s[k] >= '0' && s[k] <= '9') || s[k] == ':' || s[k] == ',')
                return 0;
        if (bti_lex_raw_has(BTI_LEX_BYLINE_PREFIX, s + w, i - w))
            return 0;
        if (!capital_word(s + w, i - w) && i - w > SLASH_JOIN_MAX &&
            !(i - w == strlen(NAMED_CREDIT_FOR) && !memcmp(s + w, NAMED_CREDIT_FOR, i - w)))
            return 0;
        last = s + w, last_len = i - w;
        while (i < len && s[i] == ' ')
            i++;
    }
    return words >= NAMED_CREDIT_MIN_WORDS && capital_word(last, last_len);
}
