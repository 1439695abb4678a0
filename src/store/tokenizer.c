/* tokenizer.c: bantin's FTS5 tokenizer ("bantin"), registered through fts5_api.
 *
 * Documents: each token of bt_tokenize gives its folded key (so `dam` finds đàm, Đâm, dám)
 * and, when the exact form (lowercase NFC, canonical tone placement) differs from that key, a
 * colocated token BT_FTS_EXACT_PREFIX + exact form at the same position, which the search
 * layer uses to boost accent-exact matches. Offsets are those of the original text, so
 * highlight() and snippet() mark the accented original.
 * Queries: only folded keys, except a token written right after the prefix byte, which is
 * looked up by its exact form. */
#include "bantin/text.h"
#include "store/store_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef struct tok_ctx {
    const char *text;
    void *fts_ctx;
    int (*xToken)(void *, int, const char *, int, int, int);
    int query;
    char small[256];
} tok_ctx;

static int has_non_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 1;
    return 0;
}

/* Lowercases NFC UTF-8 `s` code point by code point into out (cap bytes); the length, or
 * (size_t)-1 when it does not fit. Lowercasing a precomposed letter gives a precomposed
 * letter, so the result stays NFC. */
static size_t lower_nfc(const char *s, size_t n, char *out, size_t cap)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0)
            return (size_t)-1;
        i += (size_t)k;
        if (o + 4 > cap)
            return (size_t)-1;
        o += (size_t)utf8proc_encode_char(utf8proc_tolower(c), (utf8proc_uint8_t *)out + o);
    }
    return o;
}

/* Only the vowel pairs oa, oe and uy have two accepted spellings of tone placement (old and
 * new style: hoà/hòa, khoẻ/khỏe, thuỷ/thủy): those go through bt_normalize's canonical
 * placement; other syllables are canonical once lowercased (a misplaced mark elsewhere is a
 * typo, still found by its folded key). Sending every vowel cluster through bt_normalize
 * made the tokenizer 1.5x slower. */
static int tone_ambiguous(const char *key, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if ((key[i] == 'o' && (key[i + 1] == 'a' || key[i + 1] == 'e')) ||
            (key[i] == 'u' && key[i + 1] == 'y'))
            return 1;
    return 0;
}

/* The prefixed exact form of s[0..n) in `small` (or malloc'ed in *heap), and its length, or
 * 0 when it equals the folded key. Negative on out of memory. */
static long exact_form(const char *s, size_t n, const char *key, size_t keylen, char *small,
                       size_t smallcap, char **heap)
{
    *heap = NULL;
    if (!has_non_ascii(s, n))
        return 0;
    size_t elen = (size_t)-1;
    if (!tone_ambiguous(key, keylen))
        elen = lower_nfc(s, n, small + 1, smallcap - 2);
    if (elen != (size_t)-1) {
        if (elen == keylen && !memcmp(small + 1, key, elen))
            return 0;
        small[0] = BT_FTS_EXACT_PREFIX[0];
        small[elen + 1] = '\0';
        return (long)elen + 1;
    }
    char *e = bt_normalize(s, n, BT_NORM_LOWER | BT_NORM_TONES, &elen);
    if (!e)
        return -1;
    if (elen == keylen && !memcmp(e, key, elen)) {
        free(e);
        return 0;
    }
    char *dst = small;
    if (elen + 2 > smallcap) {
        dst = malloc(elen + 2);
        if (!dst) {
            free(e);
            return -1;
        }
        *heap = dst;
    }
    dst[0] = BT_FTS_EXACT_PREFIX[0];
    memcpy(dst + 1, e, elen);
    dst[elen + 1] = '\0';
    free(e);
    return (long)elen + 1;
}

static int on_token(void *vctx, const bt_token *t)
{
    tok_ctx *c = vctx;
    int exact_wanted = c->query && t->start > 0 && c->text[t->start - 1] == BT_FTS_EXACT_PREFIX[0];
    char *heap;
    if (!c->query || !exact_wanted) {
        int rc = c->xToken(c->fts_ctx, 0, t->text, (int)t->len, (int)t->start, (int)t->end);
        if (rc != SQLITE_OK || c->query)
            return rc;
    }
    long n = exact_form(c->text + t->start, t->end - t->start, t->text, t->len, c->small,
                        sizeof c->small, &heap);
    if (n < 0)
        return SQLITE_NOMEM;
    int rc = SQLITE_OK;
    const char *term = heap ? heap : c->small;
    if (n > 0)
        rc = c->xToken(c->fts_ctx, c->query ? 0 : FTS5_TOKEN_COLOCATED, term, (int)n,
                       (int)t->start, (int)t->end);
    else if (exact_wanted) /* no distinct exact form: the key is exact */
        rc = c->xToken(c->fts_ctx, 0, t->text, (int)t->len, (int)t->start, (int)t->end);
    free(heap);
    return rc;
}

static int tok_create(void *unused, const char **argv, int argc, Fts5Tokenizer **out)
{
    (void)unused;
    (void)argv;
    if (argc > 0)
        return SQLITE_ERROR; /* the tokenizer takes no options */
    /* Stateless: any non-NULL handle will do. */
    static const char handle = 0;
    *out = (Fts5Tokenizer *)(void *)&handle;
    return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *t) { (void)t; }

static int tok_tokenize(Fts5Tokenizer *t, void *fts_ctx, int flags, const char *text, int len,
                        int (*xToken)(void *, int, const char *, int, int, int))
{
    (void)t;
    if (len <= 0)
        return SQLITE_OK;
    tok_ctx c;
    c.text = text;
    c.fts_ctx = fts_ctx;
    c.xToken = xToken;
    c.query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    int rc = bt_tokenize(text, (size_t)len, BT_TOKENIZE_FOLD, on_token, &c);
    if (rc < 0)
        return SQLITE_NOMEM;
    return rc;
}

static fts5_api *fts5_api_of(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

int bt_fts_register(sqlite3 *db)
{
    fts5_api *api = fts5_api_of(db);
    if (!api || api->iVersion < 2)
        return SQLITE_ERROR;
    /* FTS5 copies the struct and never writes through the pointer. */
    static const fts5_tokenizer tok = {tok_create, tok_delete, tok_tokenize};
    return api->xCreateTokenizer(api, BT_FTS_TOKENIZER, NULL, (fts5_tokenizer *)&tok, NULL);
}

size_t bt_store_exact_term(const char *word, size_t len, char *out, size_t cap)
{
    char *key = bt_fold_dup(word, len, NULL);
    if (!key)
        return 0;
    char small[256], *heap;
    long n = exact_form(word, len, key, strlen(key), small, sizeof small, &heap);
    free(key);
    if (n <= 0)
        return 0;
    const char *term = heap ? heap : small;
    if (cap > 0) {
        size_t k = (size_t)n < cap - 1 ? (size_t)n : cap - 1;
        memcpy(out, term, k);
        out[k] = '\0';
    }
    free(heap);
    return (size_t)n;
}
