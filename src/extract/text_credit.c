/* text_credit.c: the small attributions around an article: photo credits inside captions,
 * the "SOURCE -" prefix of a sapo, bylines and "Theo ..." lines. */
#include "extract/lexicon.h"
#include "extract/text_internal.h"

#include <string.h>
#include <utf8proc.h>

static int sp(char c) { return c == ' '; }

/* ---- photo credits ------------------------------------------------------------------------ */

/* Whether a credit word may start at s[at]: after the start, a space, an opening bracket or
 * the end of a sentence (what the check below accepts), so other positions are not looked up. */
static int credit_may_start(const char *s, size_t at)
{
    if (!at)
        return 1;
    unsigned char c = (unsigned char)s[at - 1];
    return c == ' ' || c == '(' || (c && strchr(".|!?-)\"", c)) || c == 0xE2 || c == 0x80 ||
           c == 0x93 || (at >= 3 && (unsigned char)s[at - 3] == 0xE2 &&
                         (unsigned char)s[at - 2] == 0x80);
}

/* A credit word is folded from at most this many bytes, and one space may stand between it
 * and its colon (the text is white-space folded): farther from a label no word is tried. */
#define CREDIT_WORD_MAX (3 * BTI_LEX_MAX_KEY + 1)

/* The first ':' or "by " in s[from..len), len when none. */
static size_t next_label(const char *s, size_t len, size_t from)
{
    for (size_t i = from; i < len; i++)
        if (s[i] == ':' || (s[i] == 'b' && i + 2 < len && s[i + 1] == 'y' && s[i + 2] == ' '))
            return i;
    return len;
}

int tx_split_credit(const char *s, size_t len, size_t *cap_len, size_t *cred_off,
                    size_t *cred_len)
{
    size_t best = (size_t)-1, best_c = 0, best_e = 0, best_cap = 0;
    size_t label = 0; /* the next ':' or "by " at or after at: a credit word ends before one */
    for (size_t at = 0; at < len; at++) {
        if (label < at || at == 0) {
            label = next_label(s, len, at);
            if (label == len)
                break;
        }
        if (label - at > CREDIT_WORD_MAX)
            continue;
        if (!credit_may_start(s, at))
            continue;
        /* in running text a credit word is capitalised: a lowercase "ảnh:" is prose */
        size_t ml = bti_lex_credit_word(BTI_LEX_CREDIT_VI, BTI_LEX_CREDIT_EN, s + at, len - at, 1);
        if (!ml)
            continue;
        size_t i = at + ml;
        while (i < len && sp(s[i]))
            i++;
        int by = 0;
        if (i < len && s[i] == ':')
            i++;
        else if (len - i > 3 && !memcmp(s + i, "by ", 3))
            i += 3, by = 1;
        else
            continue;
        while (i < len && sp(s[i]))
            i++;
        /* what precedes: start, an opening bracket, or the end of a sentence */
        size_t b = at;
        while (b && sp(s[b - 1]))
            b--;
        int paren = b && s[b - 1] == '(';
        /* "... on Thursday Credit: STR/AFP": a capitalised mark with a colon also ends a
         * caption without a full stop */
        int ok = b == 0 || paren || strchr(".|!?-–)\"", s[b - 1]) || (!by && b < at) ||
                 (b >= 3 && (unsigned char)s[b - 3] == 0xE2 && (unsigned char)s[b - 2] == 0x80);
        if (!ok)
            continue;
        size_t e = len;
        if (paren) {
            const char *close = memchr(s + i, ')', len - i);
            if (!close)
                continue;
            e = (size_t)(close - s);
            /* only trailing punctuation may follow the bracket */
            size_t t = e + 1;
            while (t < len && (s[t] == '.' || sp(s[t])))
                t++;
            if (t != len)
                continue;
        }
        while (e > i && (sp(s[e - 1]) || s[e - 1] == '.'))
            e--;
        if (e <= i || e - i > 80 || tx_count_words(s + i, e - i) > 10)
            continue;
        size_t c = paren ? b - 1 : b;
        while (c && sp(s[c - 1]))
            c--;
        if (best == (size_t)-1 || at > best)
            best = at, best_c = i, best_e = e, best_cap = c;
    }
    if (best == (size_t)-1)
        return 0;
    *cap_len = best_cap;
    *cred_off = best_c;
    *cred_len = best_e - best_c;
    return 1;
}

/* ---- "SOURCE -" prefixes ------------------------------------------------------------------ */

/* A dash with spaces around ("-", "–", "—") at s[i]: bytes up to the text after it. */
static size_t dash_at(const char *s, size_t len, size_t i)
{
    while (i < len && sp(s[i]))
        i++;
    size_t d = 0;
    if (i < len && s[i] == '-')
        d = 1;
    else if (len - i >= 3 && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
             ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
        d = 3;
    if (!d)
        return 0;
    i += d;
    if (i < len && !sp(s[i]))
        return 0;
    while (i < len && sp(s[i]))
        i++;
    return i < len ? i : 0;
}

/* An agency-like token: "VOV.VN", "TTO", "GD&TĐ", "VnExpress.net". */
static int agency_token(const char *s, size_t len)
{
    size_t upper = 0, dot = 0, lowerc = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return 0;
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat == UTF8PROC_CATEGORY_LU)
            upper++;
        else if (cat == UTF8PROC_CATEGORY_LL)
            lowerc++;
        else if (cp == '.')
            dot++;
        else if (!(cp == '&' || cp == '/' || (cp >= '0' && cp <= '9')))
            return 0;
        i += (size_t)n;
    }
    return (upper >= 2 && upper >= lowerc) || (dot && upper >= 1 && len >= 4);
}

static int all_caps_words(const char *s, size_t len)
{
    size_t upper = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return 0;
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat == UTF8PROC_CATEGORY_LL)
            return 0;
        upper += cat == UTF8PROC_CATEGORY_LU;
        i += (size_t)n;
    }
    return upper >= 2;
}

size_t tx_source_prefix(const char *s, size_t len, size_t *src_off, size_t *src_len)
{
    size_t limit = len < 60 ? len : 60;
    /* "(Dân trí) - ", "HANOI (Reuters) - " */
    const char *open = memchr(s, '(', limit);
    if (open) {
        size_t o = (size_t)(open - s);
        if (o == 0 || all_caps_words(s, o)) {
            const char *close = memchr(open, ')', limit - o);
            if (close && close > open + 1) {
                size_t c = (size_t)(close - s);
                size_t after = dash_at(s, len, c + 1);
                if (after && tx_count_words(s + o + 1, c - o - 1) <= 5) {
                    *src_off = o + 1;
                    *src_len = c - o - 1;
                    return after;
                }
            }
        }
    }
    /* "VOV.VN - ", "TTO - " */
    size_t i = 0, words = 0;
    while (i < limit && words < 3) {
        size_t st = i;
        while (i < len && !sp(s[i]))
            i++;
        if (!agency_token(s + st, i - st))
            return 0;
        words++;
        size_t after = dash_at(s, len, i);
        if (after) {
            *src_off = 0;
            *src_len = i;
            return after;
        }
        while (i < len && sp(s[i]))
            i++;
    }
    return 0;
}

/* ---- bylines ------------------------------------------------------------------------------ */

/* A personal name: 2..5 capitalised words of letters. */
static int name_like(const char *s, size_t len, int need_vi, int alone)
{
    if (len < 3 || len > 48)
        return 0;
    size_t w = 0, upper_words = 0, allcaps = 0;
    int start = 1, caps_only = 1;
    size_t letters = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return 0;
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cp == ' ') {
            if (!start) {
                allcaps += caps_only && letters > 1;
            }
            start = 1;
        } else if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
                   cat == UTF8PROC_CATEGORY_MN || cp == '.' || cp == '-' || cp == '\'') {
            if (start) {
                w++;
                letters = 0;
                caps_only = 1;
                if (cat != UTF8PROC_CATEGORY_LU)
                    return 0;
                upper_words++;
            } else if (cat == UTF8PROC_CATEGORY_LL)
                caps_only = 0;
            letters++;
            start = 0;
        } else
            return 0;
        i += (size_t)n;
    }
    if (!start)
        allcaps += caps_only && letters > 1;
    if (w < 2 || w > 5 || upper_words != w)
        return 0;
    /* "CNBC", "AFP Reuters": agencies, not people */
    if (allcaps == w && w <= 2 && need_vi)
        return 0;
    return !need_vi || !alone || tx_has_vietnamese(s, len);
}

size_t tx_byline(const char *s, size_t len, size_t off[], size_t lens[], size_t max)
{
    if (len > 90 || !max)
        return 0;
    size_t i = 0;
    int need_vi = 1;
    if (len > 3 && (!memcmp(s, "By ", 3) || !memcmp(s, "BY ", 3)))
        i = 3, need_vi = 0;
    else if (len > strlen("Bởi ") && !memcmp(s, "Bởi ", strlen("Bởi ")))
        i = strlen("Bởi ");
    else if (len > 5 && !memcmp(s, "Theo ", 5))
        i = 5;
    size_t e = len;
    while (e > i && (sp(s[e - 1]) || s[e - 1] == '.'))
        e--;
    int role = 0;
    /* role marks: "(TH)", "(tổng hợp)", "(theo Reuters)", "- TTXVN" */
    if (e > i && s[e - 1] == ')') {
        size_t o = e;
        while (o > i && s[o - 1] != '(')
            o--;
        if (o > i && e - o < 40) {
            e = o - 1;
            role = 1;
            while (e > i && sp(s[e - 1]))
                e--;
        }
    }
    /* "Minh Hòa/VOV.VN": the name, then the desk it files for */
    for (size_t k = i; k < e; k++)
        if (s[k] == '/') {
            size_t q = k + 1;
            while (q < e && !sp(s[q]))
                q++;
            if (q == e && k > i) {
                e = k;
                while (e > i && sp(s[e - 1]))
                    e--;
            }
            break;
        }
    if (role && i == 0)
        need_vi = 0;
    /* Vietnamese bylines carry diacritics somewhere ("Minh Anh - Quốc Bảo") */
    if (need_vi && !tx_has_vietnamese(s + i, e - i))
        return 0;
    size_t n = 0, st = i;
    for (size_t k = i; k <= e && n < max; k++) {
        size_t sep = 0;
        if (k == e)
            sep = 1;
        else if (s[k] == ',')
            sep = 1;
        else if (e - k >= 3 && !memcmp(s + k, " - ", 3))
            sep = 3;
        else if (e - k >= 5 && !memcmp(s + k, " và ", 5))
            sep = 5;
        else if (e - k >= 5 && !memcmp(s + k, " and ", 5))
            sep = 5;
        else if (e - k >= 3 && !memcmp(s + k, " & ", 3))
            sep = 3;
        if (!sep)
            continue;
        size_t a = st, b = k;
        while (a < b && sp(s[a]))
            a++;
        while (b > a && sp(s[b - 1]))
            b--;
        if (!name_like(s + a, b - a, need_vi, n == 0 && sep == 1 && k == e))
            return 0;
        off[n] = a;
        lens[n] = b - a;
        n++;
        st = k + sep;
        k = st - 1;
    }
    return n;
}

int tx_is_attribution(const char *s, size_t len)
{
    if (len > 80)
        return 0;
    static const char *const heads[] = {"Theo ", "Nguồn:", "Nguồn :", "Source:", "Sources:",
                                        "Nguồn tin:", "(Theo ", NULL};
    for (size_t k = 0; heads[k]; k++) {
        size_t n = strlen(heads[k]);
        if (len >= n && !memcmp(s, heads[k], n))
            return tx_count_words(s, len) <= 8;
    }
    return 0;
}
