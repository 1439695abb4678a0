/* word_share.c: the share of one text's words that occur as words in another (a block against
 * the page's description, html_standfirst.c). Scanning the other text for every word costs
 * the product of the two lengths, which a long description and a long block make felt; here
 * the other text's word starts are indexed once by their first bytes (a chained hash), and
 * each word is compared only with the starts that begin as it does: linear in the two. */
#include "extract/html_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define WS_KEY_MAX 4 /* bytes of a word's start hashed: enough to tell most words apart */

/* A byte that ends a word on its left: space, control or ASCII punctuation below '0'. */
static int left_mark(char c)
{
    return c > 0 && c < '0';
}

/* A byte after a word that ends it: the end, a left mark, or ':', ';', '?'. */
static int right_mark(char c)
{
    return !c || left_mark(c) || c == ':' || c == ';' || c == '?';
}

static uint32_t key_hash(const char *s, size_t k)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < k; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

double bti_word_share(const char *a, const char *b, size_t min)
{
    size_t bl = strlen(b);
    if (bl >= UINT32_MAX)
        return -1;
    if (min < 1)
        min = 1;
    size_t k = min > WS_KEY_MAX ? WS_KEY_MAX : min; /* no word is shorter than k */
    /* b's word starts: where a word of a may be found (no word of a starts with a mark) */
    size_t starts = 0;
    for (size_t q = 0; q + k <= bl; q++)
        starts += q == 0 || left_mark(b[q - 1]);
    size_t cap = 1;
    while (cap < 2 * starts)
        cap <<= 1;
    uint32_t *head = malloc((cap + 2 * starts + 1) * sizeof *head);
    if (!head)
        return -1;
    uint32_t *next = head + cap, *pos = next + starts + 1; /* slot 0 of next: none */
    memset(head, 0, cap * sizeof *head);
    size_t m = 0;
    for (size_t q = 0; q + k <= bl; q++) {
        if (q && !left_mark(b[q - 1]))
            continue;
        uint32_t h = key_hash(b + q, k) & (uint32_t)(cap - 1);
        pos[m] = (uint32_t)q;
        next[m + 1] = head[h];
        head[h] = (uint32_t)(m + 1);
        m++;
    }
    size_t n = 0, hit = 0;
    for (const char *p = a; *p;) {
        while (*p && (*p == ' ' || left_mark(*p) || *p == ',' || *p == ';' || *p == ':'))
            p++;
        const char *s = p;
        while (*p && *p != ' ')
            p++;
        size_t wl = (size_t)(p - s);
        while (wl && strchr(".,;:!?\"')", s[wl - 1]))
            wl--;
        if (wl < min)
            continue;
        n++;
        for (uint32_t e = head[key_hash(s, k) & (uint32_t)(cap - 1)]; e; e = next[e]) {
            size_t q = pos[e - 1];
            if (q + wl <= bl && !memcmp(b + q, s, wl) && right_mark(b[q + wl])) {
                hit++;
                break;
            }
        }
    }
    free(head);
    return n ? (double)hit / (double)n : 0;
}
