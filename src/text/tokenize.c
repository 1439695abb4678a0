/* tokenize.c: words, syllables and numbers with their byte offsets (bt_tokenize).
 *
 * Vietnamese writes one syllable per space-separated unit, so a token is a run of letters,
 * combining marks and digits; a number keeps its inner separators (3.000, 1-2, 20/10, 1,5).
 * This is the core of the store's FTS5 tokenizer, so the common case allocates nothing: ASCII
 * is classified by a table, the Latin and Vietnamese blocks by range, and the folded and
 * accented keys are built in stack buffers (the heap is used only for tokens longer than
 * about 300 bytes or outside the Latin blocks in KEY form). Most tokens take a fast path: an
 * ASCII word's two keys are its lowercase, and a word of ASCII and precomposed Vietnamese
 * letters gets both keys in one pass from the syllable tables (vn_keys); anything else goes
 * through bti_fold_into and accent_key. A soft hyphen inside a word (SOFT_HYPHEN) joins
 * its parts: the keys are the word's without it, the offsets and the original its own. */
#include "bantin/text.h"
#include "text/alloc.h"
#include "text/tables.h"
#include "text/text_internal.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <utf8proc.h>

enum { C_OTHER = 0, C_LOWER = 1, C_UPPER = 2, C_DIGIT = 3 };

static const uint8_t ascii_class[128] = {
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
    ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
    ['A'] = C_UPPER, ['B'] = C_UPPER, ['C'] = C_UPPER, ['D'] = C_UPPER, ['E'] = C_UPPER,
    ['F'] = C_UPPER, ['G'] = C_UPPER, ['H'] = C_UPPER, ['I'] = C_UPPER, ['J'] = C_UPPER,
    ['K'] = C_UPPER, ['L'] = C_UPPER, ['M'] = C_UPPER, ['N'] = C_UPPER, ['O'] = C_UPPER,
    ['P'] = C_UPPER, ['Q'] = C_UPPER, ['R'] = C_UPPER, ['S'] = C_UPPER, ['T'] = C_UPPER,
    ['U'] = C_UPPER, ['V'] = C_UPPER, ['W'] = C_UPPER, ['X'] = C_UPPER, ['Y'] = C_UPPER,
    ['Z'] = C_UPPER, ['a'] = C_LOWER, ['b'] = C_LOWER, ['c'] = C_LOWER, ['d'] = C_LOWER,
    ['e'] = C_LOWER, ['f'] = C_LOWER, ['g'] = C_LOWER, ['h'] = C_LOWER, ['i'] = C_LOWER,
    ['j'] = C_LOWER, ['k'] = C_LOWER, ['l'] = C_LOWER, ['m'] = C_LOWER, ['n'] = C_LOWER,
    ['o'] = C_LOWER, ['p'] = C_LOWER, ['q'] = C_LOWER, ['r'] = C_LOWER, ['s'] = C_LOWER,
    ['t'] = C_LOWER, ['u'] = C_LOWER, ['v'] = C_LOWER, ['w'] = C_LOWER, ['x'] = C_LOWER,
    ['y'] = C_LOWER, ['z'] = C_LOWER,
};

/* Class of a non-ASCII code point: letters and marks are word characters. */
static int wide_class(int32_t c)
{
    if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF))
        return utf8proc_tolower(c) != c ? C_UPPER : C_LOWER;
    if (c >= 0x300 && c <= 0x36F)
        return C_LOWER;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
        return C_UPPER;
    case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_LOWER;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return C_DIGIT;
    default:
        return C_OTHER;
    }
}

static inline int class_at(const uint8_t *p, const uint8_t *end, int *k)
{
    if (*p < 0x80) {
        *k = 1;
        return ascii_class[*p];
    }
    /* inside a word only "word or not" matters: the Latin blocks and the combining
     * diacritics (U+00C0..U+036F minus × and ÷) and the Vietnamese block, by byte range */
    if (*p >= 0xC3 && *p <= 0xCD && end - p >= 2 && (p[1] & 0xC0) == 0x80 &&
        !(*p == 0xC3 && (p[1] == 0x97 || p[1] == 0xB7)) && !(*p == 0xCD && p[1] >= 0xB0)) {
        *k = 2;
        return C_LOWER;
    }
    if (*p == 0xE1 && end - p >= 3 && p[1] >= 0xB8 && p[1] <= 0xBB && (p[2] & 0xC0) == 0x80) {
        *k = 3;
        return C_LOWER;
    }
    int32_t c;
    *k = bti_utf8_next(p, end, &c);
    return c < 0 ? C_OTHER : wide_class(c);
}

static int is_num_sep(uint8_t b)
{
    return b == '.' || b == ',' || b == '-' || b == '/' || b == ':';
}

enum { STACK = 1024 };

/* The lowercase, NFC, tone-canonical form of a token into buf (STACK bytes), or into *heap
 * when it does not fit or needs utf8proc's composition. Returns its length, -1 when out of
 * memory. */
static long accent_key(const char *s, size_t len, char *buf, char **heap)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    int32_t cps[BTI_VN_MAX_LETTERS];
    size_t n = 0;
    int simple = len < STACK / 2;
    while (simple && p < end) {
        int32_t c;
        p += bti_utf8_next(p, end, &c);
        if (c < 0 || (c >= 0x300 && c <= 0x36F) || (c >= 0x250 && (c < 0x1E00 || c > 0x1EFF)))
            simple = 0; /* marks to compose or another script: let utf8proc do it */
        else {
            c = c < 0x80 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : utf8proc_tolower(c);
            if (n < BTI_VN_MAX_LETTERS)
                cps[n] = c;
            n++; /* longer words are no syllables: lowercased below, tones left alone */
        }
    }
    if (simple) {
        uint8_t *o = (uint8_t *)buf;
        if (n <= BTI_VN_MAX_LETTERS) {
            bti_vn_canon_tone(cps, n);
            for (size_t i = 0; i < n; i++)
                o += bti_utf8_put(o, cps[i]);
        } else {
            for (p = (const uint8_t *)s; p < end;) {
                int32_t c;
                p += bti_utf8_next(p, end, &c);
                o += bti_utf8_put(o, utf8proc_tolower(c));
            }
        }
        *o = '\0';
        return (long)(o - (uint8_t *)buf);
    }
    size_t m;
    *heap = bti_normalize(s, len, BT_NORM_LOWER | BT_NORM_TONES, &m);
    return *heap ? (long)m : -1;
}

/* The fold of each Vietnamese vowel (V_* order of vn.c: a ă â e ê i o ô ơ u ư y), and the
 * set of the modified ones (ă â ê ô ơ ư) as bits of that order. */
static const char vn_base[12] = {'a', 'a', 'a', 'e', 'e', 'i', 'o', 'o', 'o', 'u', 'u', 'y'};
enum { MODIFIED = 1 << 1 | 1 << 2 | 1 << 4 | 1 << 7 | 1 << 8 | 1 << 10 };

/* Both keys of a token in one pass, for what Vietnamese text is made of: ASCII and the
 * precomposed Vietnamese letters (the vowels with their marks, đ), read from the tables that
 * vn.c parses syllables with, so no utf8proc call and no second decoding. The folded key goes
 * to fold, the accented one (lowercase, tone on its canonical vowel) to key; both hold at
 * least 3 * len + 1 bytes. Returns 0 for anything else (another letter, a combining mark),
 * which accent_key and bti_fold_into handle. */
static int vn_keys(const uint8_t *s, size_t len, char *fold, size_t *flen, char *key,
                   size_t *klen)
{
    const uint8_t *p = s, *end = s + len;
    uint8_t *f = (uint8_t *)fold, *k = (uint8_t *)key;
    int32_t cps[BTI_VN_MAX_LETTERS];
    size_t n = 0;
    /* settled: the tone is on the last of the modified vowels (ă â ê ô ơ ư), which is
     * where vn.c's first rule puts it (người, việt, được): nothing to move */
    int tones = 0, vowels = 0, settled = 0;
    while (p < end) {
        uint8_t b = *p;
        int32_t lower;
        unsigned code = 0;
        if (b < 0x80) {
            lower = b >= 'A' && b <= 'Z' ? b + 32 : b;
            *f++ = (uint8_t)lower;
            *k++ = (uint8_t)lower;
            vowels += b >= 0x40 && bti_vn_rev_ascii[b - 0x40] != 0;
            p++;
        } else {
            int32_t c;
            if (b >= 0xC3 && b <= 0xC6 && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
                c = ((b & 0x1F) << 6) | (p[1] & 0x3F);
                code = bti_vn_rev_latin[c - 0xC0];
                p += 2;
            } else if (b == 0xE1 && end - p >= 3 && (p[1] == 0xBA || p[1] == 0xBB) &&
                       (p[2] & 0xC0) == 0x80) {
                c = 0x1000 | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
                if (c < 0x1EA0)
                    return 0;
                code = bti_vn_rev_1ea0[c - 0x1EA0];
                p += 3;
            } else
                return 0;
            if (code) {
                code--;
                int vowel = (int)(code >> 1) / 6, tone = (int)(code >> 1) % 6;
                lower = bti_vn_vowel[vowel][tone][0];
                *f++ = (uint8_t)vn_base[vowel];
                tones += tone != 0;
                vowels++;
                if (MODIFIED >> vowel & 1)
                    settled = tone != 0;
            } else if (c == 0x110 || c == 0x111) {
                lower = 0x111;
                *f++ = 'd';
            } else
                return 0;
            k += bti_utf8_put(k, lower);
        }
        if (n < BTI_VN_MAX_LETTERS)
            cps[n] = lower;
        n++;
    }
    /* only a word with one tone on a cluster of vowels can have it in the wrong place */
    if (tones == 1 && vowels >= 2 && !settled && n <= BTI_VN_MAX_LETTERS &&
        bti_vn_canon_tone(cps, n)) {
        k = (uint8_t *)key;
        for (size_t i = 0; i < n; i++)
            k += bti_utf8_put(k, cps[i]);
    }
    *f = '\0';
    *k = '\0';
    *flen = (size_t)(f - (uint8_t *)fold);
    *klen = (size_t)(k - (uint8_t *)key);
    return 1;
}

int bt_tokenize(const char *s, size_t len, unsigned opts,
                int (*cb)(void *ctx, const bt_token *tok), void *ctx)
{
    if (!s)
        s = "";
    const uint8_t *base = (const uint8_t *)s, *end = base + len, *p = base;
    char fold_buf[STACK], key_buf[STACK];
    uint8_t shy_buf[STACK];
    while (p < end) {
        int k;
        int cls = class_at(p, end, &k);
        if (cls == C_OTHER) {
            p += k;
            continue;
        }
        const uint8_t *start = p;
        unsigned flags = 0;
        if (cls == C_UPPER)
            flags = BT_TOK_UPPER_INITIAL;
        else if (*p >= 0x80 && cls == C_LOWER) { /* class_at's fast path does not look at case */
            int32_t c;
            bti_utf8_next(p, end, &c);
            if (wide_class(c) == C_UPPER)
                flags = BT_TOK_UPPER_INITIAL;
        }
        int all_digits = cls == C_DIGIT, has_sep = 0, shy = 0;
        uint8_t high = *p; /* the OR of the token's lead bytes: ASCII when below 0x80 */
        p += k;
        while (p < end) {
            cls = class_at(p, end, &k);
            if (cls != C_OTHER) {
                high |= *p;
                if (cls != C_DIGIT) {
                    if (has_sep)
                        break; /* 3.000đ: the number ends before the unit */
                    all_digits = 0;
                }
                p += k;
                continue;
            }
            /* a separator between digits keeps a number whole: 3.000, 1-2, 20/10, 1,5 */
            if (all_digits && is_num_sep(*p) && p + 1 < end && p[1] >= '0' && p[1] <= '9') {
                has_sep = 1;
                p++;
                continue;
            }
            /* SOFT_HYPHEN: a break point inside the word, invisible in it */
            if (p[0] == 0xC2 && end - p >= 3 && p[1] == 0xAD) {
                int k2;
                if (class_at(p + 2, end, &k2) != C_OTHER) {
                    shy = 1;
                    p += 2;
                    continue;
                }
            }
            break;
        }
        size_t tlen = (size_t)(p - start);
        const uint8_t *span = start; /* the token's place in s, for its offsets */
        if (shy && tlen <= STACK) { /* SOFT_HYPHEN: the word without them (a longer one, of
                                      * no language, keeps them) */
            uint8_t *dst = shy_buf;
            size_t n = 0;
            high = 0;
            for (size_t i = 0; i < tlen; i++) {
                if (start[i] == 0xC2 && i + 1 < tlen && start[i + 1] == 0xAD) {
                    i++;
                    continue;
                }
                if ((start[i] & 0xC0) != 0x80)
                    high |= start[i];
                dst[n++] = start[i];
            }
            start = dst;
            tlen = n;
        }
        bt_token t = {(const char *)span, (size_t)(p - span), (size_t)(span - base),
                      (size_t)(p - base), flags | (all_digits ? BT_TOK_NUMBER : 0), NULL, 0};
        char *fold_heap = NULL, *key_heap = NULL;
        if ((opts & (BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY)) && 3 * tlen + 1 <= STACK) {
            if (high < 0x80) {
                /* ASCII: both keys are the lowercase word; one buffer serves both, and
                 * accent == text tells a caller there is no distinct exact form */
                for (size_t i = 0; i < tlen; i++)
                    fold_buf[i] = (char)(start[i] >= 'A' && start[i] <= 'Z' ? start[i] + 32
                                                                               : start[i]);
                fold_buf[tlen] = '\0';
                if (opts & BT_TOKENIZE_FOLD) {
                    t.text = fold_buf;
                    t.len = tlen; /* SOFT_HYPHEN: shorter than the original */
                }
                if (opts & BT_TOKENIZE_KEY) {
                    t.accent = fold_buf;
                    t.accent_len = tlen;
                }
                int rc = cb(ctx, &t);
                if (rc)
                    return rc;
                continue;
            }
            size_t flen, klen;
            if ((opts & BT_TOKENIZE_KEY) &&
                vn_keys(start, tlen, fold_buf, &flen, key_buf, &klen)) {
                if (opts & BT_TOKENIZE_FOLD) {
                    t.text = fold_buf;
                    t.len = flen;
                }
                t.accent = key_buf;
                t.accent_len = klen;
                int rc = cb(ctx, &t);
                if (rc)
                    return rc;
                continue;
            }
        }
        if (opts & BT_TOKENIZE_FOLD) {
            char *dst = fold_buf;
            if (3 * tlen + 1 > STACK && !(dst = fold_heap = malloc(3 * tlen + 1)))
                return BT_ENOMEM;
            t.len = bti_fold_into((const char *)start, tlen, dst);
            t.text = dst;
            if (!t.len) { /* only marks (a stray combining accent): no key to index */
                free(fold_heap);
                continue;
            }
        }
        if (opts & BT_TOKENIZE_KEY) {
            long m = accent_key((const char *)start, tlen, key_buf, &key_heap);
            if (m < 0) {
                free(fold_heap);
                return BT_ENOMEM;
            }
            t.accent = key_heap ? key_heap : key_buf;
            t.accent_len = (size_t)m;
        }
        int rc = cb(ctx, &t);
        free(fold_heap);
        free(key_heap);
        if (rc)
            return rc;
    }
    return 0;
}
