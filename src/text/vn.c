/* vn.c: the Vietnamese syllable: where its tone mark belongs, and whether it is one at all.
 *
 * A syllable is onset + vowel cluster + final consonant, with one tone on one vowel.
 * Canonical placement (applied by BT_NORM_TONES and the tokeniser's KEY form) puts the mark
 * where most Vietnamese news sites and keyboards' defaults put it, the traditional style:
 * hòa, khỏe, thủy (the 1980s school rules, often called the "new" style, write hoà, khoẻ,
 * thuỷ; both are in use, so keys must equate them):
 *   1. a cluster with a modified vowel (ă â ê ô ơ ư) carries the tone on it, on the last one
 *      for ươ (người, thuở, chuyện, tuần);
 *   2. a cluster of three vowels carries it on the middle one (khoái, xoáy, khuỷu);
 *   3. two vowels and a final consonant: the second (hoàn, khoảng, huỳnh);
 *   4. two vowels, open syllable: the first (hòa, khỏe, thủy, mùa, tài, mía);
 * where the u of qu and the i of gi before another vowel belong to the onset (quý, quở, giữ,
 * già), but gi before a consonant or nothing is g + vowel i (gì, gìn). The same parse tells
 * charset detection whether decoded text reads as Vietnamese. */
#include "text/tables.h"
#include "text/text_internal.h"
#include "text/utf8.h"

#include <string.h>

enum { V_A, V_AW, V_AA, V_E, V_EE, V_I, V_O, V_OO, V_OW, V_U, V_UW, V_Y };

typedef struct letter {
    int vowel; /* V_*, -1 for a consonant */
    int tone;  /* 0 none, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng */
    int upper;
    char cons; /* lowercase ASCII consonant, 'D' for đ */
} letter;

static int classify(int32_t c, letter *l)
{
    int code = 0;
    if (c >= 0x40 && c <= 0x7F)
        code = bti_vn_rev_ascii[c - 0x40];
    else if (c >= 0xC0 && c <= 0x1BF)
        code = bti_vn_rev_latin[c - 0xC0];
    else if (c >= 0x1EA0 && c <= 0x1EFF)
        code = bti_vn_rev_1ea0[c - 0x1EA0];
    if (code) {
        code--;
        l->upper = code & 1;
        l->tone = (code >> 1) % 6;
        l->vowel = (code >> 1) / 6;
        l->cons = 0;
        return 1;
    }
    l->vowel = -1;
    l->tone = 0;
    if (c == 0x110 || c == 0x111) {
        l->cons = 'D';
        l->upper = c == 0x110;
        return 1;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        l->upper = c <= 'Z';
        l->cons = (char)(c | 0x20);
        return 1;
    }
    return 0;
}

static int in_list(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(s, *list))
            return 1;
    return 0;
}

static const char *const onsets[] = {"", "b", "c", "ch", "d", "D", "g", "gh", "gi", "h", "k",
                                     "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "qu",
                                     "r", "s", "t", "th", "tr", "v", "x", NULL};
static const char *const codas[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t", NULL};
/* The vowel clusters of Vietnamese, as (length, v0, v1, v2) packed by CL(). */
#define CL1(a) (0x1000 | (a) << 8)
#define CL2(a, b) (0x2000 | (a) << 8 | (b) << 4)
#define CL3(a, b, c) (0x3000 | (a) << 8 | (b) << 4 | (c))
static const uint16_t clusters[] = {
    CL1(V_A), CL1(V_AW), CL1(V_AA), CL1(V_E), CL1(V_EE), CL1(V_I), CL1(V_O), CL1(V_OO),
    CL1(V_OW), CL1(V_U), CL1(V_UW), CL1(V_Y),
    CL2(V_A, V_I), CL2(V_A, V_O), CL2(V_A, V_U), CL2(V_A, V_Y), CL2(V_AA, V_U),
    CL2(V_AA, V_Y), CL2(V_E, V_O), CL2(V_EE, V_U), CL2(V_I, V_A), CL2(V_I, V_U),
    CL2(V_I, V_EE), CL2(V_O, V_A), CL2(V_O, V_AW), CL2(V_O, V_E), CL2(V_O, V_I),
    CL2(V_OO, V_I), CL2(V_OW, V_I), CL2(V_O, V_O), CL2(V_U, V_A), CL2(V_U, V_AA),
    CL2(V_U, V_EE), CL2(V_U, V_I), CL2(V_U, V_OO), CL2(V_U, V_OW), CL2(V_U, V_Y),
    CL2(V_UW, V_A), CL2(V_UW, V_I), CL2(V_UW, V_U), CL2(V_UW, V_OW), CL2(V_Y, V_EE),
    CL3(V_I, V_EE, V_U), CL3(V_Y, V_EE, V_U), CL3(V_O, V_A, V_I), CL3(V_O, V_A, V_Y),
    CL3(V_O, V_A, V_O), CL3(V_O, V_E, V_O), CL3(V_U, V_AA, V_Y), CL3(V_U, V_OO, V_I),
    CL3(V_U, V_Y, V_A), CL3(V_U, V_Y, V_EE), CL3(V_U, V_Y, V_U), CL3(V_UW, V_OW, V_I),
    CL3(V_UW, V_OW, V_U),
};

static int cluster_ok(unsigned code)
{
    for (size_t i = 0; i < sizeof clusters / sizeof clusters[0]; i++)
        if (clusters[i] == code)
            return 1;
    return 0;
}

typedef struct parse {
    letter l[BTI_VN_MAX_LETTERS];
    size_t n, v0, v1; /* vowel cluster is l[v0 .. v1) */
    char onset[8], coda[8];
    unsigned cluster; /* CL*() code */
} parse;

/* Splits a word into onset / vowel cluster / coda. 0 when it is not shaped like a syllable
 * (a letter outside Vietnamese, no vowel, a vowel after the final consonant). */
static int split(const int32_t *cps, size_t n, parse *p)
{
    if (n == 0 || n > BTI_VN_MAX_LETTERS)
        return 0;
    p->n = n;
    for (size_t i = 0; i < n; i++)
        if (!classify(cps[i], &p->l[i]))
            return 0;
    size_t i = 0, k = 0;
    while (i < n && p->l[i].vowel < 0) {
        if (k >= 3)
            return 0;
        p->onset[k++] = p->l[i++].cons;
    }
    p->onset[k] = '\0';
    if (i == n)
        return 0;
    /* qu + vowel, gi + vowel: the u / i is part of the onset */
    if (i + 1 < n && p->l[i + 1].vowel >= 0 &&
        ((!strcmp(p->onset, "q") && p->l[i].vowel == V_U) ||
         (!strcmp(p->onset, "g") && p->l[i].vowel == V_I))) {
        p->onset[1] = p->l[i].vowel == V_U ? 'u' : 'i';
        p->onset[2] = '\0';
        i++;
    }
    p->v0 = i;
    k = 0;
    p->cluster = 0;
    while (i < n && p->l[i].vowel >= 0) {
        if (k >= 3)
            return 0;
        p->cluster |= (unsigned)p->l[i++].vowel << (8 - 4 * k);
        k++;
    }
    p->cluster |= (unsigned)k << 12;
    p->v1 = i;
    k = 0;
    while (i < n) {
        if (p->l[i].vowel >= 0 || k >= 3)
            return 0;
        p->coda[k++] = p->l[i++].cons;
    }
    p->coda[k] = '\0';
    return 1;
}

static int is_modified(int v)
{
    return v == V_AW || v == V_AA || v == V_EE || v == V_OO || v == V_OW || v == V_UW;
}

/* Index (into p->l) of the vowel that carries the tone in the canonical style. */
static size_t tone_target(const parse *p)
{
    size_t len = p->v1 - p->v0;
    for (size_t i = p->v1; i-- > p->v0;)
        if (is_modified(p->l[i].vowel))
            return i;
    if (len == 3)
        return p->v0 + 1;
    if (len == 2 && p->coda[0])
        return p->v0 + 1;
    return p->v0;
}

int bti_vn_canon_tone(int32_t *cps, size_t n)
{
    /* the common cases first, without the full parse: no tone, or one vowel */
    int tones = 0, vowels = 0;
    for (size_t i = 0; i < n && i < BTI_VN_MAX_LETTERS; i++) {
        letter l;
        if (!classify(cps[i], &l))
            return 0;
        tones += l.tone != 0;
        vowels += l.vowel >= 0;
    }
    if (tones != 1 || vowels < 2)
        return 0;
    parse p;
    if (!split(cps, n, &p) || !cluster_ok(p.cluster))
        return 0;
    int tone = 0;
    size_t at = 0;
    for (size_t i = 0; i < n; i++)
        if (p.l[i].tone) {
            if (tone)
                return 0; /* two tones: not ours to fix */
            tone = p.l[i].tone;
            at = i;
        }
    if (!tone)
        return 0;
    size_t to = tone_target(&p);
    if (to == at)
        return 0;
    cps[at] = bti_vn_vowel[p.l[at].vowel][0][p.l[at].upper];
    cps[to] = bti_vn_vowel[p.l[to].vowel][tone][p.l[to].upper];
    return 1;
}

static int is_front(int v)
{
    return v == V_I || v == V_E || v == V_EE || v == V_Y;
}

/* Spelling rules a real syllable keeps and a misread charset rarely does. */
static int phonotactics_ok(const parse *p)
{
    size_t len = p->v1 - p->v0;
    int first = p->l[p->v0].vowel, last = p->l[p->v1 - 1].vowel;
    unsigned cl = p->cluster;
    int coda = p->coda[0] != '\0';
    /* ă, â, iê/yê, uô, ươ, uyê, oo, oă, uâ never end a syllable */
    if (!coda && (cl == CL1(V_AW) || cl == CL1(V_AA) || cl == CL2(V_I, V_EE) ||
                  cl == CL2(V_Y, V_EE) || cl == CL2(V_U, V_OO) || cl == CL2(V_UW, V_OW) ||
                  cl == CL3(V_U, V_Y, V_EE) || cl == CL2(V_O, V_O) || cl == CL2(V_O, V_AW) ||
                  cl == CL2(V_U, V_AA)))
        return 0;
    /* a cluster that ends in a glide (ai, ao, êu, uôi...) or in ia/ua/ưa takes no coda;
     * uy does (huỳnh), oo must (xoong) */
    if (coda && len >= 2 && cl != CL2(V_U, V_Y) && cl != CL2(V_O, V_O) &&
        (last == V_I || last == V_O || last == V_U || last == V_Y || cl == CL2(V_I, V_A) ||
         cl == CL2(V_U, V_A) || cl == CL2(V_UW, V_A)))
        return 0;
    /* ch and nh close only a, ê, i, y (anh, ếch, inh, huỳnh) */
    if (p->coda[0] && p->coda[1] == 'h' && last != V_A && last != V_EE && last != V_I &&
        last != V_Y)
        return 0;
    /* gh, ngh only before e ê i; c, ng and g (but gi) never before them */
    if ((!strcmp(p->onset, "gh") || !strcmp(p->onset, "ngh")) && !is_front(first))
        return 0;
    if ((!strcmp(p->onset, "c") || !strcmp(p->onset, "ng")) && is_front(first))
        return 0;
    if (!strcmp(p->onset, "g") && (first == V_E || first == V_EE))
        return 0;
    return 1;
}

int bti_vn_syllable_weight(const int32_t *cps, size_t n)
{
    parse p;
    if (!split(cps, n, &p) || !in_list(p.onset, onsets) || !cluster_ok(p.cluster) ||
        !in_list(p.coda, codas) || !phonotactics_ok(&p))
        return 0;
    int tones = 0, tone = 0;
    for (size_t i = 0; i < n; i++)
        if (p.l[i].tone) {
            tones++;
            tone = p.l[i].tone;
        }
    if (tones > 1)
        return 0;
    /* a syllable closed by a stop (c ch p t) takes only sắc or nặng */
    if ((p.coda[0] == 'c' || p.coda[0] == 'p' || p.coda[0] == 't') && tone != 2 && tone != 5 &&
        tone != 0)
        return 0;
    /* the casing of a real word: all lower, all upper, or a capital initial */
    int uppers = 0;
    for (size_t i = 0; i < n; i++)
        uppers += p.l[i].upper;
    if (uppers > 1 && uppers != (int)n)
        return 0;
    if (uppers == 1 && n > 1 && !p.l[0].upper)
        return 0;
    /* tones are not equally common: level, sắc and huyền lead, ngã is the rarest; a misread
     * charset picks its letters without that bias */
    static const int tone_weight[6] = {10, 9, 10, 7, 5, 8};
    return tone_weight[tone];
}

/* A letter for word-splitting purposes: ASCII letters and the Latin blocks bantin tabulates. */
static int wordish(int32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
           (c >= 0x1E00 && c <= 0x1EFF);
}

int bti_vn_canon_text(const char *s, size_t len, bti_buf *out)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    const uint8_t *flushed = p;
    while (p < end) {
        int32_t c;
        int k = bti_utf8_next(p, end, &c);
        if (!wordish(c)) {
            p += k;
            continue;
        }
        const uint8_t *w0 = p;
        int32_t cps[BTI_VN_MAX_LETTERS];
        size_t n = 0;
        int non_ascii = 0;
        while (p < end) {
            k = bti_utf8_next(p, end, &c);
            if (!wordish(c))
                break;
            if (n < BTI_VN_MAX_LETTERS)
                cps[n] = c;
            n++;
            non_ascii |= c >= 0x80;
            p += k;
        }
        if (!non_ascii || n > BTI_VN_MAX_LETTERS || !bti_vn_canon_tone(cps, n))
            continue;
        if (bti_buf_add(out, flushed, (size_t)(w0 - flushed)))
            return BT_ENOMEM;
        uint8_t enc[BTI_VN_MAX_LETTERS * 4];
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            m += (size_t)bti_utf8_put(enc + m, cps[i]);
        if (bti_buf_add(out, enc, m))
            return BT_ENOMEM;
        flushed = p;
    }
    return bti_buf_add(out, flushed, (size_t)(end - flushed));
}

/* What a Vietnamese page puts around words: splits words, not counted against it. */
static int soft_punct(int32_t c)
{
    /* digits too: "3.000đ" is a number and a unit, not a misspelt word */
    return (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) ||
           c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xB0 || (c >= 0x2010 && c <= 0x2027) ||
           c == 0x20AB || c == 0x20AC;
}

void bti_vn_score(const char *s, size_t len, bti_vn_score_t *sc)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    memset(sc, 0, sizeof *sc);
    while (p < end) {
        int32_t c;
        int k = bti_utf8_next(p, end, &c);
        if (c < 0 || c == 0xFFFD || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
            (c >= 0x7F && c < 0xA0)) {
            sc->junk++;
            p += k;
            continue;
        }
        if (soft_punct(c)) {
            p += k;
            continue;
        }
        int32_t cps[BTI_VN_MAX_LETTERS];
        size_t n = 0;
        int non_ascii = 0, letters_only = 1;
        while (p < end) {
            k = bti_utf8_next(p, end, &c);
            if (c < 0 || c == 0xFFFD || soft_punct(c) || (c >= 0x7F && c < 0xA0))
                break;
            if (n < BTI_VN_MAX_LETTERS)
                cps[n] = c;
            n++;
            non_ascii |= c >= 0x80;
            letters_only &= wordish(c);
            p += k;
        }
        if (!non_ascii)
            continue;
        int w = letters_only ? bti_vn_syllable_weight(cps, n) : 0;
        if (w)
            sc->valid += w;
        else
            sc->invalid++;
    }
}
