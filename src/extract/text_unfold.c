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

/* Whether s holds a foldable letter. */
static int has_foldable(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (const unsigned char *p = memchr(u, 0xC3, len); p; ) {
        size_t at = (size_t)(p - u);
        if (foldable_at(p, len - at))
            return 1;
        p = at + 1 < len ? memchr(p + 1, 0xC3, len - at - 1) : NULL;
    }
    return 0;
}

/* A word byte: an ASCII letter or digit, or a byte of a multi-byte character other than
 * punctuation (U+0080-U+00BF: no-break space, guillemets, signs; U+2000-U+2FFF: dashes,
 * quotes). */
static size_t word_end(const unsigned char *s, size_t len, size_t i)
{
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                break;
            i++;
            continue;
        }
        if (c == 0xC2 || c == 0xE2)
            break;
        i++;
        while (i < len && (s[i] & 0xC0) == 0x80)
            i++;
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
    const unsigned char *w; /* the spelling (E_SPELT) or any word of the entry */
    uint32_t wl, hash;
    uint32_t spelt, bare; /* counts: the spelling; the bare word in unaccented paragraphs */
    int state;
} entry;

typedef struct table {
    entry *e;
    size_t cap; /* a power of two, over twice the words put in */
} table;

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

/* The words of s[0..len) (with a foldable letter only, or all): the table's size. */
static size_t count_words(const unsigned char *s, size_t len, int spelt_only)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        size_t e = word_end(s, len, i);
        if (e == i) {
            i++;
            continue;
        }
        n += !spelt_only || has_foldable((const char *)s + i, e - i);
        i = e;
    }
    return n;
}

/* Phase 1: the accented spellings anywhere in the capture (spelt = 1: link targets and
 * titles too, which html2text does not fold), then the bare words standing in accented
 * paragraphs (spelt = 0). */
static void collect(table *t, const unsigned char *s, size_t len, int spelt)
{
    for (size_t i = 0; i < len;) {
        size_t e = word_end(s, len, i);
        if (e == i) {
            i++;
            continue;
        }
        size_t wl = e - i;
        int has = has_foldable((const char *)s + i, wl);
        if (wl <= UNFOLD_MAX_WORD && has == spelt) {
            entry *en = slot(t, s + i, wl);
            if (!spelt) {
                if (en->state == E_FREE)
                    en->w = s + i, en->wl = (uint32_t)wl;
                en->state = E_WORD;
            } else if (en->state == E_FREE) {
                en->state = E_SPELT;
                en->w = s + i, en->wl = (uint32_t)wl;
                en->spelt = 1;
            } else if (en->state == E_SPELT) {
                if (en->wl == wl && !memcmp(en->w, s + i, wl))
                    en->spelt++;
                else
                    en->state = E_MIXED;
            }
        }
        i = e;
    }
}

/* The entry of a bare word of an unaccented paragraph, or NULL. */
static entry *lookup(table *t, const unsigned char *w, size_t wl)
{
    entry *e = slot(t, w, wl);
    return e->state == E_FREE ? NULL : e;
}

/* Phase 2 (count = 1) counts the bare words; phase 3 (count = 0) rewrites the paragraph,
 * 1 when it did, BT_ENOMEM. */
static int visit(table *t, tx_block *b, int count)
{
    const unsigned char *s = (const unsigned char *)b->text;
    bti_buf out = BTI_BUF_INIT;
    size_t copied = 0;
    for (size_t i = 0; i < b->len;) {
        size_t e = word_end(s, b->len, i);
        if (e == i) {
            i++;
            continue;
        }
        entry *en = e - i <= UNFOLD_MAX_WORD ? lookup(t, s + i, e - i) : NULL;
        if (en && en->state == E_SPELT) {
            if (count)
                en->bare++;
            else if (en->spelt >= UNFOLD_MIN_SPELT || en->bare >= UNFOLD_MIN_BARE) {
                bti_buf_add(&out, (const char *)s + copied, i - copied);
                bti_buf_add(&out, (const char *)en->w, en->wl);
                copied = e;
            }
        }
        i = e;
    }
    if (count || !copied)
        return 0;
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
    if (d->vietnamese || !has_foldable(text, len))
        return 0;
    unsigned char *acc = calloc(d->n + 1, 1);
    if (!acc)
        return BT_ENOMEM;
    size_t accented = 0, words = count_words((const unsigned char *)text, len, 1);
    for (size_t i = 0; i < d->n; i++)
        if (d->b[i].kind == TB_TEXT && has_foldable(d->b[i].text, d->b[i].len)) {
            acc[i] = 1;
            accented++;
            words += count_words((const unsigned char *)d->b[i].text, d->b[i].len, 0);
        }
    if (accented == d->n) {
        free(acc);
        return 0;
    }
    table t = {NULL, 64};
    while (t.cap < 2 * words + 64)
        t.cap *= 2;
    t.e = calloc(t.cap, sizeof *t.e);
    if (!t.e) {
        free(acc);
        return BT_ENOMEM;
    }
    collect(&t, (const unsigned char *)text, len, 1);
    for (size_t i = 0; i < d->n; i++)
        if (acc[i])
            collect(&t, (const unsigned char *)d->b[i].text, d->b[i].len, 0);
    int rc = 0;
    for (size_t i = 0; i < d->n; i++)
        if (d->b[i].kind == TB_TEXT && !acc[i])
            visit(&t, &d->b[i], 1);
    for (size_t i = 0; i < d->n && rc >= 0; i++)
        if (d->b[i].kind == TB_TEXT && !acc[i])
            rc = visit(&t, &d->b[i], 0);
    free(t.e);
    free(acc);
    return rc < 0 ? rc : 0;
}
