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
#define SAMPLE_WORDS 400    /* words read at most: enough to tell the profiles apart */
#define MIN_WORDS 20        /* fewer words say nothing */
#define MIN_SHARE_DEN 16    /* the best language's words are at least 1/16 of all words */
#define MIN_OWN 3           /* ... with 3 words no other profile has */
#define LEAD_NUM 3          /* ... at least 3/2 of the next language's own words */
#define LEAD_DEN 2
#define SCRIPT_MIN_LETTERS 40 /* letters needed to judge by script */
#define OVERRIDE_RATIO 3    /* a declaration loses to text 3x more in another language */
#define OVERRIDE_SHARE_DEN 8 /* ... whose commonest words are 1/8 of the text at least */

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

/* The profiles, one bit each in STOPWORDS' masks. */
static const char *const PROFILES[] = {"en", "de", "fr", "es", "it", "pt", "nl",
                                       "sv", "no", "da", "pl", "cs", "tr", "id"};
enum { N_PROFILES = sizeof PROFILES / sizeof PROFILES[0] };
#define MAX_STOPWORD_BYTES 6

/* Each profile's commonest short words (about 20 each), lowercase, sorted by bytes for a
 * binary search; mask: the profiles (bits in PROFILES' order) that use the word. */
typedef struct stopword {
    const char *word;
    uint16_t mask;
} stopword;
static const stopword STOPWORDS[] = {
    {"a", 0x0820}, {"ada", 0x2000}, {"adalah", 0x2000}, {"af", 0x0200}, {"akan", 0x2000},
    {"al", 0x0008}, {"ale", 0x0c00}, {"ama", 0x1000}, {"and", 0x0001}, {"are", 0x0001},
    {"as", 0x0021}, {"at", 0x0300}, {"att", 0x0080}, {"au", 0x0004}, {"auch", 0x0002},
    {"auf", 0x0002}, {"av", 0x0180}, {"avec", 0x0004}, {"bij", 0x0040}, {"bir", 0x1000},
    {"ble", 0x0100}, {"blev", 0x0200}, {"bu", 0x1000}, {"by", 0x0801}, {"byl", 0x0800},
    {"ce", 0x0004}, {"che", 0x0010}, {"com", 0x0020}, {"como", 0x0008}, {"con", 0x0018},
    {"da", 0x1030}, {"daha", 0x1000}, {"dalam", 0x2000}, {"dan", 0x2000}, {"dans", 0x0004},
    {"dari", 0x2000}, {"das", 0x0002}, {"dat", 0x0040}, {"de", 0x1068}, {"del", 0x0018},
    {"della", 0x0010}, {"dem", 0x0002}, {"den", 0x0382}, {"dengan", 0x2000}, {"der", 0x0002},
    {"des", 0x0006}, {"det", 0x0380}, {"değil", 0x1000}, {"di", 0x2010}, {"die", 0x0042},
    {"dla", 0x0400}, {"do", 0x0c20}, {"du", 0x0004}, {"e", 0x0010}, {"een", 0x0040},
    {"efter", 0x0280}, {"ein", 0x0002}, {"eine", 0x0002}, {"el", 0x0008}, {"em", 0x0020},
    {"en", 0x03cc}, {"er", 0x0340}, {"es", 0x000a}, {"est", 0x0004}, {"et", 0x0004},
    {"ett", 0x0080}, {"etter", 0x0100}, {"for", 0x0301}, {"from", 0x0001}, {"för", 0x0080},
    {"für", 0x0002}, {"gibi", 0x1000}, {"gli", 0x0010}, {"har", 0x0380}, {"has", 0x0001},
    {"have", 0x0001}, {"het", 0x0040}, {"hva", 0x0100}, {"hvad", 0x0200}, {"i", 0x0780},
    {"ikke", 0x0300}, {"il", 0x0014}, {"ile", 0x1000}, {"im", 0x0002}, {"in", 0x0001},
    {"ini", 0x2000}, {"inte", 0x0080}, {"is", 0x0041}, {"ist", 0x0002}, {"it", 0x0001},
    {"itu", 0x2000}, {"için", 0x1000}, {"jag", 0x0080}, {"jak", 0x0400}, {"jako", 0x0800},
    {"je", 0x0800}, {"jeg", 0x0300}, {"jego", 0x0400}, {"jeho", 0x0800}, {"jest", 0x0400},
    {"jsou", 0x0800}, {"juga", 0x2000}, {"kadar", 0x1000}, {"ke", 0x2000}, {"které", 0x0800},
    {"la", 0x001c}, {"las", 0x0008}, {"le", 0x0014}, {"les", 0x0004}, {"lo", 0x0008},
    {"los", 0x0008}, {"maar", 0x0040}, {"mais", 0x0020}, {"med", 0x0380}, {"met", 0x0040},
    {"mit", 0x0002}, {"mod", 0x0200}, {"mot", 0x0180}, {"na", 0x0c20}, {"nel", 0x0010},
    {"nicht", 0x0002}, {"nie", 0x0400}, {"niet", 0x0040}, {"no", 0x0020}, {"noe", 0x0100},
    {"noget", 0x0200}, {"non", 0x0010}, {"nu", 0x0280}, {"não", 0x0020}, {"nå", 0x0100},
    {"o", 0x0020}, {"och", 0x0080}, {"od", 0x0400}, {"of", 0x0001}, {"og", 0x0300},
    {"olan", 0x1000}, {"olarak", 0x1000}, {"om", 0x0380}, {"on", 0x0001}, {"ook", 0x0040},
    {"op", 0x0040}, {"os", 0x0020}, {"pada", 0x2000}, {"para", 0x0028}, {"pas", 0x0004},
    {"per", 0x0010}, {"po", 0x0400}, {"por", 0x0028}, {"pour", 0x0004}, {"pro", 0x0800},
    {"przez", 0x0400}, {"på", 0x0380}, {"que", 0x002c}, {"qui", 0x0004}, {"s", 0x0800},
    {"said", 0x0001}, {"se", 0x0828}, {"seg", 0x0100}, {"si", 0x0010}, {"sich", 0x0002},
    {"sie", 0x0002}, {"sier", 0x0100}, {"sig", 0x0200}, {"siger", 0x0200}, {"się", 0x0400},
    {"som", 0x0380}, {"sono", 0x0010}, {"sonra", 0x1000}, {"su", 0x0008}, {"sur", 0x0004},
    {"te", 0x0040}, {"that", 0x0001}, {"the", 0x0001}, {"this", 0x0001}, {"tidak", 0x2000},
    {"til", 0x0300}, {"till", 0x0080}, {"to", 0x0c01}, {"um", 0x0020}, {"uma", 0x0020},
    {"un", 0x0014}, {"una", 0x0018}, {"und", 0x0002}, {"une", 0x0004}, {"untuk", 0x2000},
    {"už", 0x0800}, {"v", 0x0800}, {"van", 0x0040}, {"var", 0x0380}, {"ve", 0x1000},
    {"von", 0x0002}, {"voor", 0x0040}, {"w", 0x0400}, {"was", 0x0001}, {"wird", 0x0002},
    {"with", 0x0001}, {"y", 0x0008}, {"yang", 0x2000}, {"z", 0x0c00}, {"za", 0x0400},
    {"zijn", 0x0040}, {"zu", 0x0002}, {"är", 0x0080}, {"çok", 0x1000}, {"è", 0x0010},
    {"é", 0x0020}, {"że", 0x0400}, {"že", 0x0800},
};
enum { N_STOPWORDS = sizeof STOPWORDS / sizeof STOPWORDS[0] };

int bti_lang_table_ok(void)
{
    for (size_t i = 1; i < N_STOPWORDS; i++)
        if (strcmp(STOPWORDS[i - 1].word, STOPWORDS[i].word) >= 0)
            return 0;
    for (size_t i = 0; i < N_STOPWORDS; i++)
        if (strlen(STOPWORDS[i].word) > MAX_STOPWORD_BYTES || !STOPWORDS[i].mask ||
            STOPWORDS[i].mask >> N_PROFILES)
            return 0;
    return 1;
}

static unsigned stopword_mask(const char *w)
{
    size_t lo = 0, hi = N_STOPWORDS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        /* the first bytes decide most steps: strcmp only when they agree */
        int c = (unsigned char)w[0] - (unsigned char)STOPWORDS[mid].word[0];
        if (!c)
            c = strcmp(w, STOPWORDS[mid].word);
        if (!c)
            return STOPWORDS[mid].mask;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

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
            if (*p < 0x80) { /* ASCII, most of a Latin text: a letter or nothing */
                unsigned char b = (unsigned char)(*p++ | 0x20);
                if (b >= 'a' && b <= 'z') {
                    n[SC_LATIN]++;
                    total++;
                }
                continue;
            }
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

/* The bytes of `bytes` marked in set: a word starts after the marks of one set and ends at
 * a mark of the other, tested a byte at a time (each byte of a multi-byte mark such as «
 * counts, as strchr over the same string found it), without a strchr per byte of text. */
static void byte_set(unsigned char set[256], const char *bytes)
{
    memset(set, 0, 256);
    for (const unsigned char *b = (const unsigned char *)bytes; *b; b++)
        set[*b] = 1;
}

/* STOPWORDS: hits per profile over the sample, and hits of words no other profile has (what
 * tells Norwegian from Danish, French from Spanish); the number of words read. */
static size_t count_stopwords(const bt_article *a, size_t hits[N_PROFILES], size_t own[N_PROFILES])
{
    size_t words = 0;
    unsigned char lead[256], ends[256];
    byte_set(lead, " ,.;:!?\"'()«»„“”–-");
    byte_set(ends, " ,.;:!?\"()«»");
    for (size_t i = 0; i < SAMPLE_PARAS && words < SAMPLE_WORDS; i++) {
        const char *s = sample(a, i);
        if (!s)
            break;
        while (*s && words < SAMPLE_WORDS) {
            while (*s && lead[(unsigned char)*s])
                s++;
            const char *e = s;
            while (*e && !ends[(unsigned char)*e])
                e++;
            if (e == s)
                break;
            char w[MAX_STOPWORD_BYTES + 1];
            size_t n = lower_word(s, (size_t)(e - s), w, sizeof w);
            words++;
            unsigned mask = n ? stopword_mask(w) : 0;
            for (unsigned m = mask; m; m &= m - 1)
                hits[__builtin_ctz(m)]++;
            if (mask && !(mask & (mask - 1)))
                own[__builtin_ctz(mask)]++;
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
        if (!strcmp(PROFILES[p], code))
            return p;
    return N_PROFILES;
}

/* The text's language, with the stopword hits per profile it was judged by (zero when the
 * script or Vietnamese's letters decided). */
static const char *detect(const bt_article *a, size_t hits[N_PROFILES], size_t *words_read)
{
    size_t own[N_PROFILES] = {0};
    *words_read = 0;
    memset(hits, 0, N_PROFILES * sizeof hits[0]);
    const char *sc = by_script(a);
    if (sc && *sc)
        return sc;
    if (bti_body_is_vietnamese(a))
        return "vi";
    size_t words = count_stopwords(a, hits, own);
    *words_read = words;
    if (words < MIN_WORDS)
        return NULL;
    size_t best = 0;
    for (size_t p = 1; p < N_PROFILES; p++)
        if (hits[p] > hits[best] || (hits[p] == hits[best] && own[p] > own[best]))
            best = p;
    /* against the runner-up, the words each has alone: related languages share most of
     * their commonest ones (Norwegian and Danish) */
    size_t second = best == 0 ? 1 : 0;
    for (size_t p = 0; p < N_PROFILES; p++)
        if (p != best && (hits[p] > hits[second] || (hits[p] == hits[second] && own[p] > own[second])))
            second = p;
    if (hits[best] * MIN_SHARE_DEN < words || own[best] < MIN_OWN ||
        own[best] * LEAD_DEN < own[second] * LEAD_NUM)
        return NULL;
    return PROFILES[best];
}

const char *bti_body_lang(const bt_article *a)
{
    size_t hits[N_PROFILES], words;
    return detect(a, hits, &words);
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
    size_t hits[N_PROFILES], words;
    const char *found = detect(a, hits, &words);
    if (!declared || !*declared)
        return found;
    /* Norwegian's written standards are Norwegian to the profiles */
    const char *as = !strcmp(declared, "nb") || !strcmp(declared, "nn") ? "no" : declared;
    if (!found || !strcmp(found, as))
        return declared;
    size_t dp = profile_of(as), fp = profile_of(found);
    if (dp < N_PROFILES && fp < N_PROFILES) {
        /* two profile languages: the text wins only by a wide margin, its words common */
        return hits[fp] > hits[dp] * OVERRIDE_RATIO && hits[fp] * OVERRIDE_SHARE_DEN >= words
                   ? found
                   : declared;
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
