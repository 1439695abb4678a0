/* text_unfold.c: pass "folded letters", for captures whose renderer wrote some accented
 * letters without their accents. html2text (unless run with --unicode-snob) writes the
 * letters a page spells as named entities ("&uuml;", "&eacute;": the lowercase ones of its
 * UNIFIABLE table) as their base letters, and the letters the page spells as they are
 * unchanged: a page whose article is entity-encoded but whose menus, headline or link titles
 * are not reads "Kühltürme" in the headline and "Kuhlturme" in the body, "Türkiye" in a link
 * title and "Turkiye" in every paragraph. No rule can tell "fur" from "für" by itself; the
 * capture's own spellings can. A word spelt with such a letter in one paragraph is restored
 * in the paragraphs that hold none of these letters (the ones html2text may have folded),
 * unless the capture shows the bare spelling to be a word of its own (it stands in a
 * paragraph that does hold such letters: "wurde" beside "würde"), and only when the capture
 * shows the spelling twice or the bare word three times (one foreign word quoted once in
 * an English text does not rewrite it). Vietnamese captures are left alone: their accents
 * are not the ones html2text folds, and bare Vietnamese syllables are most often words of
 * their own. */
#include "extract/text_internal.h"

#include "core/buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define UNFOLD_MIN_SPELT 2 /* the accented spelling seen this often is the capture's */
#define UNFOLD_MIN_BARE 3  /* ... or the bare one this often in unaccented paragraphs */
#define UNFOLD_MAX_WORD 64 /* longer runs are no words (URLs, hashes): not looked up */

/* The base letter of the foldable letter whose UTF-8 is C3 xx (à..å è..ë ì..ï ò..ö ù..ü:
 * the lowercase letters html2text writes bare), or 0. */
static char base_of(unsigned char x)
{
    if (x >= 0xA0 && x <= 0xA5)
        return 'a';
    if (x >= 0xA8 && x <= 0xAB)
        return 'e';
    if (x >= 0xAC && x <= 0xAF)
        return 'i';
    if (x >= 0xB2 && x <= 0xB6)
        return 'o';
    if (x >= 0xB9 && x <= 0xBC)
        return 'u';
    return 0;
}

static int foldable_at(const unsigned char *s, size_t left)
{
    return left >= 2 && s[0] == 0xC3 && base_of(s[1]);
}

/* The offset of the first foldable letter in s[from..len), or len. */
static size_t next_foldable(const unsigned char *s, size_t len, size_t from)
{
    while (from < len) {
        const unsigned char *p = memchr(s + from, 0xC3, len - from);
        if (!p)
            return len;
        from = (size_t)(p - s);
        if (foldable_at(p, len - from))
            return from;
        from++;
    }
    return len;
}

static int has_foldable(const char *s, size_t len)
{
    return next_foldable((const unsigned char *)s, len, 0) < len;
}

/* A word byte: an ASCII letter or digit, or a byte of a multi-byte character other than
 * punctuation (lead bytes C2, U+0080-U+00BF: no-break space, guillemets, signs; E2,
 * U+2000-U+2FFF: dashes, quotes). A table: this runs over every byte of the paragraphs. */
static const unsigned char WORD_BYTE[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* The end of the word that starts at s[i] (i itself when s[i] starts none). A character
 * is taken whole: its continuation bytes follow its lead byte. */
static size_t word_end(const unsigned char *s, size_t len, size_t i)
{
    while (i < len && WORD_BYTE[s[i]]) {
        i++;
        if (s[i - 1] >= 0xC0)
            while (i < len && (s[i] & 0xC0) == 0x80)
                i++;
    }
    return i;
}

/* The start of the word that holds s[i]. */
static size_t word_start(const unsigned char *s, size_t i)
{
    while (i > 0) {
        size_t k = i - 1;
        while (k > 0 && (s[k] & 0xC0) == 0x80)
            k--;
        if (!WORD_BYTE[s[k]])
            break;
        i = k;
    }
    return i;
}

/* The next byte of a word with its foldable letters folded; advances *i past it. */
static unsigned char folded_at(const unsigned char *s, size_t len, size_t *i)
{
    unsigned char c = s[*i];
    if (foldable_at(s + *i, len - *i))
        c = (unsigned char)base_of(s[++*i]);
    ++*i;
    return c;
}

/* Whether two words fold alike ("für", "fur"). */
static int fold_same(const unsigned char *a, size_t al, const unsigned char *b, size_t bl)
{
    size_t i = 0, j = 0;
    while (i < al && j < bl)
        if (folded_at(a, al, &i) != folded_at(b, bl, &j))
            return 0;
    return i == al && j == bl;
}

/* FNV-1a over a word folded: a spelling and its bare form hash alike. */
static uint32_t fold_hash(const unsigned char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len;)
        h = (h ^ folded_at(s, len, &i)) * 16777619u;
    return h;
}

/* What the capture says of a folded word: E_SPELT, one accented spelling (the one to
 * restore); E_MIXED, two of them ("légère", "lègere"); E_WORD, the bare word stands in an
 * accented paragraph, a word of its own. */
enum { E_FREE, E_SPELT, E_MIXED, E_WORD };

typedef struct entry {
    const unsigned char *w; /* the spelling */
    uint32_t wl, hash;
    uint32_t spelt, bare; /* counts: the spelling; the bare word in unaccented paragraphs */
    int state;
} entry;

/* The spellings, and a cheap sieve in front of them: a bit per (first letter, last letter,
 * length) of their folded forms (most words of a paragraph are no spelling's bare form). */
#define SIEVE_BITS 4096
typedef struct table {
    entry *e;
    size_t cap; /* a power of two, over twice the spellings put in */
    uint64_t sieve[SIEVE_BITS / 64];
} table;

static size_t sieve_bit(unsigned char first, unsigned char last, size_t len)
{
    return (((size_t)first * 31u + last) * 64u + (len < 63 ? len : 63)) % SIEVE_BITS;
}

static void sieve_add(table *t, const unsigned char *w, size_t wl)
{
    size_t i = 0, n = 0;
    unsigned char first = 0, last = 0;
    while (i < wl) {
        last = folded_at(w, wl, &i);
        if (!n++)
            first = last;
    }
    size_t bit = sieve_bit(first, last, n);
    t->sieve[bit / 64] |= (uint64_t)1 << (bit % 64);
}

/* Whether a bare word (no foldable letter: its bytes are its folded form) may be in. */
static int sieve_may(const table *t, const unsigned char *w, size_t wl)
{
    size_t bit = sieve_bit(w[0], w[wl - 1], wl);
    return t->sieve[bit / 64] >> (bit % 64) & 1;
}

/* The entry of a word's folded form: taken, or a free one to fill. */
static entry *slot(table *t, const unsigned char *w, size_t wl)
{
    uint32_t h = fold_hash(w, wl);
    for (size_t i = h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        entry *e = &t->e[i];
        if (e->state == E_FREE) {
            e->hash = h;
            return e;
        }
        if (e->hash == h && fold_same(e->w, e->wl, w, wl))
            return e;
    }
}

/* Phase 1: the accented spellings anywhere in the capture, link targets and titles too
 * (html2text folds no attribute), found from their accented letters. */
static void collect_spellings(table *t, const unsigned char *s, size_t len)
{
    for (size_t at = next_foldable(s, len, 0); at < len;) {
        size_t b = word_start(s, at), e = word_end(s, len, b);
        size_t wl = e - b;
        if (wl && wl <= UNFOLD_MAX_WORD) {
            entry *en = slot(t, s + b, wl);
            if (en->state == E_FREE) {
                en->state = E_SPELT;
                en->w = s + b, en->wl = (uint32_t)wl;
                en->spelt = 1;
                sieve_add(t, s + b, wl);
            } else if (en->wl == wl && !memcmp(en->w, s + b, wl)) {
                en->spelt++;
            } else {
                en->state = E_MIXED;
            }
        }
        at = next_foldable(s, len, e > at ? e : at + 2);
    }
}

/* The E_SPELT or E_WORD entry of a bare word, or NULL. */
static entry *lookup(table *t, const unsigned char *w, size_t wl)
{
    if (wl > UNFOLD_MAX_WORD || !sieve_may(t, w, wl))
        return NULL;
    entry *e = slot(t, w, wl);
    return e->state == E_SPELT || e->state == E_WORD ? e : NULL;
}

/* Phase 2 (mode COUNT) counts a paragraph's bare words that are spellings folded (1 when
 * it holds one); phase 3 (WORDS) marks those standing in an accented paragraph as words of
 * their own; phase 4 (REWRITE) restores the others: 1 when it did, BT_ENOMEM. */
enum { COUNT, WORDS, REWRITE };

static int visit(table *t, tx_block *b, int mode)
{
    const unsigned char *s = (const unsigned char *)b->text;
    bti_buf out = BTI_BUF_INIT;
    size_t copied = 0;
    int found = 0;
    for (size_t i = 0; i < b->len;) {
        if (!WORD_BYTE[s[i]]) { /* a character that is no letter, whole */
            i++;
            while (i < b->len && (s[i] & 0xC0) == 0x80)
                i++;
            continue;
        }
        size_t e = word_end(s, b->len, i);
        entry *en = lookup(t, s + i, e - i);
        if (en && mode == COUNT && en->state == E_SPELT) {
            en->bare++;
            found = 1;
        } else if (en && mode == WORDS && en->bare && !has_foldable((const char *)s + i, e - i)) {
            en->state = E_WORD;
        } else if (en && mode == REWRITE && en->state == E_SPELT &&
                   (en->spelt >= UNFOLD_MIN_SPELT || en->bare >= UNFOLD_MIN_BARE)) {
            bti_buf_add(&out, (const char *)s + copied, i - copied);
            bti_buf_add(&out, (const char *)en->w, en->wl);
            copied = e;
        }
        i = e;
    }
    if (mode != REWRITE || !copied)
        return found;
    bti_buf_add(&out, (const char *)s + copied, b->len - copied);
    size_t nl;
    char *t2 = bti_buf_detach(&out, &nl);
    if (!t2)
        return BT_ENOMEM;
    free(b->text);
    b->text = t2;
    b->len = nl;
    if (!b->fold) /* a long paragraph's key is its raw text's; a folded key stays the same */
        b->key = tx_raw_key(t2, nl);
    return 1;
}

int tx_unfold_letters(tx_doc *d, const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t spellings = 0;
    for (size_t at = next_foldable(u, len, 0); at < len; at = next_foldable(u, len, at + 2))
        spellings++;
    if (d->vietnamese || !spellings)
        return 0;
    /* 0: no paragraph; 1: accented; 2: unaccented; 3: unaccented, with a spelling's bare form */
    unsigned char *kind = calloc(d->n + 1, 1);
    table t = {NULL, 64, {0}};
    while (t.cap < 2 * spellings + 64)
        t.cap *= 2;
    t.e = calloc(t.cap, sizeof *t.e);
    if (!t.e || !kind) {
        free(t.e);
        free(kind);
        return BT_ENOMEM;
    }
    collect_spellings(&t, u, len);
    int any = 0, rc = 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->b[i].kind == TB_TEXT) {
            kind[i] = has_foldable(d->b[i].text, d->b[i].len) ? 1 : 2;
            if (kind[i] == 2 && visit(&t, &d->b[i], COUNT))
                kind[i] = 3, any = 1;
        }
    if (any) {
        for (size_t i = 0; i < d->n; i++)
            if (kind[i] == 1)
                visit(&t, &d->b[i], WORDS);
        for (size_t i = 0; i < d->n && rc >= 0; i++)
            if (kind[i] == 3)
                rc = visit(&t, &d->b[i], REWRITE);
    }
    free(t.e);
    free(kind);
    return rc < 0 ? rc : 0;
}
