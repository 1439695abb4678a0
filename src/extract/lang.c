/* lang.c: the language of an article's text, for captures that declare none and for pages
 * whose declaration the text contradicts (a German article under <html lang="en">). Two
 * passes over the title, the lede and the first paragraphs:
 *   SCRIPT     the writing system of most letters names the language where one script is one
 *              language (Hangul: ko; kana: ja; Han alone: zh; Thai, Greek, Hebrew,
 *              Devanagari) or a default one (Cyrillic: ru, or uk by its own letters; Arabic:
 *              ar, or fa by its own letters);
 *   STOPWORDS  Latin-script text: the share of each language's commonest short words
 *              (Vietnamese by the letters only it uses); the best wins when it is clearly
 *              ahead of the next.
 * Enough for the collection's languages and the dev sets' (19); anything else is left
 * undetermined for the caller's default. */
#include "extract/extract_internal.h"

#include <stdint.h>
#include <string.h>

#define SAMPLE_PARAS 64     /* title, lede and paragraphs read at most */
#define SAMPLE_WORDS 2000   /* words read at most */
#define MIN_WORDS 20        /* fewer words say nothing */
#define MIN_SHARE_DEN 8     /* the best language's words are at least 1/8 of all words */
#define LEAD_NUM 3          /* ... and at least 3/2 of the next language's */
#define LEAD_DEN 2
#define SCRIPT_MIN_LETTERS 40 /* letters needed to judge by script */
#define OVERRIDE_RATIO 3    /* a declaration loses to text 3x more in another language */

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

typedef struct profile {
    const char *code;
    const char *const *words; /* lowercase, NULL-terminated */
} profile;

static const char *const EN[] = {"the", "and", "of", "to", "in", "is", "that", "for", "with",
                                 "was", "said", "it", "as", "on", "are", "have", "this", "by",
                                 "from", "has", NULL};
static const char *const DE[] = {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "auf",
                                 "sich", "dem", "ein", "eine", "auch", "von", "zu", "im", "für",
                                 "wird", "sie", "es", "des", NULL};
static const char *const FR[] = {"le", "la", "les", "et", "des", "est", "une", "un", "du", "que",
                                 "pour", "dans", "qui", "pas", "sur", "au", "avec", "il", "ce",
                                 "en", NULL};
static const char *const ES[] = {"el", "la", "los", "las", "y", "que", "de", "en", "por", "con",
                                 "para", "una", "es", "del", "se", "su", "al", "lo", "como",
                                 NULL};
static const char *const IT[] = {"il", "la", "di", "che", "e", "per", "un", "una", "non", "sono",
                                 "del", "della", "con", "è", "nel", "gli", "le", "da", "si",
                                 NULL};
static const char *const PT[] = {"o", "a", "os", "as", "de", "que", "não", "em", "um", "uma",
                                 "para", "com", "do", "da", "é", "no", "na", "se", "por",
                                 "mais", NULL};
static const char *const NL[] = {"de", "het", "een", "en", "van", "is", "dat", "niet", "op",
                                 "te", "met", "voor", "zijn", "die", "er", "ook", "maar", "bij",
                                 NULL};
static const char *const SV[] = {"och", "att", "det", "som", "en", "är", "på", "för", "med",
                                 "av", "inte", "till", "den", "har", "var", "om", "ett", "jag",
                                 NULL};
static const char *const NO[] = {"og", "det", "er", "som", "på", "en", "for", "av", "med", "til",
                                 "ikke", "har", "at", "den", "om", "var", "seg", "ble", "jeg",
                                 NULL};
static const char *const DA[] = {"og", "det", "er", "at", "en", "på", "til", "af", "med", "for",
                                 "ikke", "som", "den", "har", "om", "var", "sig", "blev", "jeg",
                                 NULL};
static const char *const PL[] = {"i", "w", "na", "się", "nie", "z", "że", "do", "to", "jest",
                                 "jak", "ale", "po", "od", "za", "przez", "dla", "jego", NULL};
static const char *const CS[] = {"a", "se", "na", "je", "že", "v", "to", "s", "z", "do", "jako",
                                 "jsou", "by", "pro", "ale", "už", "jeho", "které", "byl", NULL};
static const char *const TR[] = {"ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "daha",
                                 "çok", "gibi", "ama", "olan", "kadar", "sonra", "değil", NULL};
static const char *const ID[] = {"yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari",
                                 "dalam", "tidak", "akan", "pada", "ke", "juga", "ada",
                                 "adalah", NULL};

static const profile PROFILES[] = {{"en", EN}, {"de", DE}, {"fr", FR}, {"es", ES}, {"it", IT},
                                   {"pt", PT}, {"nl", NL}, {"sv", SV}, {"no", NO}, {"da", DA},
                                   {"pl", PL}, {"cs", CS}, {"tr", TR}, {"id", ID}};
enum { N_PROFILES = sizeof PROFILES / sizeof PROFILES[0] };

/* The i-th text read: the title, the lede, then the body's first paragraphs. */
static const char *sample(const bt_article *a, size_t i)
{
    if (a->title && *a->title) {
        if (i == 0)
            return a->title;
        i--;
    }
    if (a->lede) {
        if (i == 0)
            return a->lede;
        i--;
    }
    return i < a->n_body ? a->body[i] : NULL;
}

static uint32_t next_cp(const unsigned char **p)
{
    const unsigned char *s = *p;
    uint32_t c = s[0];
    size_t n = 1;
    if (c >= 0xF0 && s[1] && s[2] && s[3]) {
        c = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        n = 4;
    } else if (c >= 0xE0 && s[1] && s[2]) {
        c = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        n = 3;
    } else if (c >= 0xC0 && s[1]) {
        c = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        n = 2;
    }
    *p = s + n;
    return c;
}

enum script { SC_LATIN, SC_HANGUL, SC_KANA, SC_HAN, SC_CYRILLIC, SC_ARABIC, SC_DEVANAGARI,
              SC_THAI, SC_GREEK, SC_HEBREW, N_SCRIPTS };

static int script_of(uint32_t c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F) ||
        (c >= 0x1E00 && c <= 0x1EFF))
        return SC_LATIN;
    if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F))
        return SC_HANGUL;
    if (c >= 0x3040 && c <= 0x30FF)
        return SC_KANA;
    if (c >= 0x4E00 && c <= 0x9FFF)
        return SC_HAN;
    if (c >= 0x400 && c <= 0x4FF)
        return SC_CYRILLIC;
    if (c >= 0x600 && c <= 0x6FF)
        return SC_ARABIC;
    if (c >= 0x900 && c <= 0x97F)
        return SC_DEVANAGARI;
    if (c >= 0xE00 && c <= 0xE7F)
        return SC_THAI;
    if (c >= 0x370 && c <= 0x3FF)
        return SC_GREEK;
    if (c >= 0x590 && c <= 0x5FF)
        return SC_HEBREW;
    return -1;
}

/* SCRIPT: the language a non-Latin script names, "" for Latin text, NULL when unsure. */
static const char *by_script(const bt_article *a)
{
    size_t n[N_SCRIPTS] = {0}, total = 0, uk = 0, fa = 0;
    for (size_t i = 0; i < SAMPLE_PARAS; i++) {
        const char *s = sample(a, i);
        if (!s)
            break;
        for (const unsigned char *p = (const unsigned char *)s; *p;) {
            uint32_t c = next_cp(&p);
            int sc = script_of(c);
            if (sc < 0)
                continue;
            n[sc]++;
            total++;
            /* і ї є ґ: Ukrainian's own; پ چ ژ گ: Persian's */
            uk += c == 0x456 || c == 0x457 || c == 0x454 || c == 0x491;
            fa += c == 0x67E || c == 0x686 || c == 0x698 || c == 0x6AF;
        }
    }
    if (total < SCRIPT_MIN_LETTERS)
        return NULL;
    size_t cjk = n[SC_HAN] + n[SC_KANA];
    if (n[SC_HANGUL] * 2 > total)
        return "ko";
    if (cjk * 2 > total)
        return n[SC_KANA] * 20 > cjk ? "ja" : "zh";
    if (n[SC_CYRILLIC] * 2 > total)
        return uk * 100 > n[SC_CYRILLIC] ? "uk" : "ru";
    if (n[SC_ARABIC] * 2 > total)
        return fa * 100 > n[SC_ARABIC] ? "fa" : "ar";
    static const struct {
        int sc;
        const char *code;
    } one[] = {{SC_DEVANAGARI, "hi"}, {SC_THAI, "th"}, {SC_GREEK, "el"}, {SC_HEBREW, "he"}};
    for (size_t k = 0; k < sizeof one / sizeof one[0]; k++)
        if (n[one[k].sc] * 2 > total)
            return one[k].code;
    return n[SC_LATIN] * 2 > total ? "" : NULL;
}

/* A word's lowercase form in buf (ASCII and Latin-1 capitals; others as written). */
static size_t lower_word(const char *s, size_t n, char *buf, size_t cap)
{
    if (n >= cap)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
            c = (unsigned char)(c + 32);
        buf[i] = (char)c;
    }
    buf[n] = '\0';
    return n;
}

/* STOPWORDS: hits per profile over the sample; the number of words read. */
static size_t count_stopwords(const bt_article *a, size_t hits[N_PROFILES])
{
    size_t words = 0;
    memset(hits, 0, N_PROFILES * sizeof hits[0]);
    for (size_t i = 0; i < SAMPLE_PARAS && words < SAMPLE_WORDS; i++) {
        const char *s = sample(a, i);
        if (!s)
            break;
        while (*s && words < SAMPLE_WORDS) {
            while (*s && strchr(" ,.;:!?\"'()«»„“”–-", *s))
                s++;
            const char *e = s;
            while (*e && !strchr(" ,.;:!?\"()«»", *e))
                e++;
            if (e == s)
                break;
            char w[16];
            size_t n = lower_word(s, (size_t)(e - s), w, sizeof w);
            words++;
            for (size_t p = 0; n && p < N_PROFILES; p++)
                for (const char *const *k = PROFILES[p].words; *k; k++)
                    if (!strcmp(w, *k)) {
                        hits[p]++;
                        break;
                    }
            s = e;
        }
    }
    return words;
}

int bti_body_is_english(const bt_article *a)
{
    const char *l = bti_body_lang(a);
    return l && !strcmp(l, "en");
}

static size_t profile_of(const char *code)
{
    for (size_t p = 0; code && p < N_PROFILES; p++)
        if (!strcmp(PROFILES[p].code, code))
            return p;
    return N_PROFILES;
}

const char *bti_body_lang(const bt_article *a)
{
    const char *sc = by_script(a);
    if (sc && *sc)
        return sc;
    if (bti_body_is_vietnamese(a))
        return "vi";
    size_t hits[N_PROFILES];
    size_t words = count_stopwords(a, hits);
    if (words < MIN_WORDS)
        return NULL;
    size_t best = 0, second = N_PROFILES;
    for (size_t p = 1; p < N_PROFILES; p++)
        if (hits[p] > hits[best])
            best = p;
    for (size_t p = 0; p < N_PROFILES; p++)
        if (p != best && (second == N_PROFILES || hits[p] > hits[second]))
            second = p;
    if (hits[best] * MIN_SHARE_DEN < words || hits[best] * LEAD_DEN < hits[second] * LEAD_NUM)
        return NULL;
    return PROFILES[best].code;
}

/* Languages told by their letters (SCRIPT, or Vietnamese's marks): a declaration of one of
 * them that the text's letters contradict is wrong whatever the text's language. */
static int told_by_letters(const char *code)
{
    static const char *const codes[] = {"ko", "ja", "zh", "ru", "uk", "ar", "fa", "hi",
                                        "th", "el", "he", "vi"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (!strcmp(code, codes[i]))
            return 1;
    return 0;
}

const char *bti_lang_checked(const char *declared, const bt_article *a)
{
    const char *found = bti_body_lang(a);
    if (!declared || !*declared)
        return found;
    /* Norwegian's written standards are Norwegian to the profiles */
    const char *as = !strcmp(declared, "nb") || !strcmp(declared, "nn") ? "no" : declared;
    if (!found || !strcmp(found, as))
        return declared;
    size_t dp = profile_of(as), fp = profile_of(found);
    if (dp < N_PROFILES && fp < N_PROFILES) {
        /* two profile languages: the text wins only by a wide margin */
        size_t hits[N_PROFILES];
        count_stopwords(a, hits);
        return hits[fp] > hits[dp] * OVERRIDE_RATIO ? found : declared;
    }
    if (dp < N_PROFILES)
        return found; /* a Latin-script declaration of Korean, Russian, Vietnamese text */
    /* a declaration the profiles do not know is wrong only when its letters are missing
     * and the text is clearly in a profile's language (Japanese text heavy in Han is no
     * sign of Chinese; an unknown Latin language may look like a known one) */
    if (told_by_letters(as) && (fp < N_PROFILES || !strcmp(as, "vi")))
        return found;
    return declared;
}
