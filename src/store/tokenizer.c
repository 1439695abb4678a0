/* tokenizer.c: bantin's FTS5 tokenizer ("bantin"), registered through fts5_api.
 *
 * Documents: each token of bt_tokenize gives its folded key (so `dam` finds đàm, Đâm, dám)
 * and, when the exact form (lowercase NFC, canonical tone placement) differs from that key, a
 * colocated token BTI_FTS_EXACT_PREFIX + exact form at the same position, which the search
 * layer uses to boost accent-exact matches. Offsets are those of the original text, so
 * highlight() and snippet() mark the accented original. A document text that starts with
 * BTI_FTS_FOLDED_ONLY (db.h: the body and captions) gives its folded keys only.
 * Queries: only folded keys, except a token written right after the prefix byte, which is
 * looked up by its exact form.
 * With the "phrases" option (store/db.h), each token also gives the pair of its key and
 * the previous token's, colocated: a phrase of n syllables is then n - 1 pair tokens side
 * by side, whose posting lists hold only the articles with those syllables together, where
 * a positional phrase walks the lists of every syllable (for Vietnamese, each a word of a
 * tenth of all articles or more) and compares positions. */
#include "bantin/text.h"
#include "text/alloc.h"
#include "store/store_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct tok_ctx {
    const char *text;
    void *fts_ctx;
    int (*xToken)(void *, int, const char *, int, int, int);
    int query;
    int folded_only; /* a document text after BTI_FTS_FOLDED_ONLY: no exact forms */
    int phrases;   /* the table indexes pairs (tokenize = 'bantin phrases') */
    int pair_mode; /* a query string of pairs (it starts with BTI_FTS_PAIR_PREFIX) */
    size_t prev_len; /* the previous token's folded key, 0 when none or too long */
    char prev[BTI_FTS_PAIR_MAX_KEY];
    char small[256]; /* BTI_FTS_EXACT_PREFIX + the accented key, when it fits */
    /* INDEX_TOKENS (db.h): the store's sink and its context for this text, when handed on */
    const bti_token_sink *sink;
    void *sink_t;
    const char *sink_nl; /* NEXT_NEWLINE: the body's first newline after the previous token,
                            NULL: none (a text other than the body has no parts) */
    const char *end;     /* the end of the text */
} tok_ctx;

/* Hands FTS5 the prefixed exact form of a token; its accented key comes from the same
 * bt_tokenize pass as the folded key (lowercase, NFC, canonical tone placement: what the
 * search layer computes with bti_normalize(LOWER | TONES) for a query word). */
static int put_exact(tok_ctx *c, int flags, const bt_token *t)
{
    char *term = c->small, *heap = NULL;
    if (t->accent_len + 1 > sizeof c->small && !(term = heap = malloc(t->accent_len + 1)))
        return SQLITE_NOMEM;
    term[0] = BTI_FTS_EXACT_PREFIX[0];
    memcpy(term + 1, t->accent, t->accent_len);
    int rc = c->xToken(c->fts_ctx, flags, term, (int)t->accent_len + 1, (int)t->start,
                       (int)t->end);
    free(heap);
    return rc;
}

/* The pair of the previous token's key and this one's, BTI_FTS_PAIR_PREFIX + "prev cur", at
 * this token's position (colocated in a document, a token of its own in a query); then this
 * key becomes the previous one. A key longer than BTI_FTS_PAIR_MAX_KEY makes no pair. */
static int put_pair(tok_ctx *c, int flags, const bt_token *t)
{
    int rc = SQLITE_OK;
    if (c->prev_len && t->len < BTI_FTS_PAIR_MAX_KEY) {
        char pair[2 * BTI_FTS_PAIR_MAX_KEY + 2];
        size_t n = 0;
        pair[n++] = BTI_FTS_PAIR_PREFIX[0];
        memcpy(pair + n, c->prev, c->prev_len);
        n += c->prev_len;
        pair[n++] = ' ';
        memcpy(pair + n, t->text, t->len);
        n += t->len;
        rc = c->xToken(c->fts_ctx, flags, pair, (int)n, (int)t->start, (int)t->end);
    }
    c->prev_len = t->len < BTI_FTS_PAIR_MAX_KEY ? t->len : 0;
    memcpy(c->prev, t->text, c->prev_len);
    return rc;
}

static int on_token(void *vctx, const bt_token *t)
{
    tok_ctx *c = vctx;
    if (c->pair_mode)
        return put_pair(c, 0, t);
    /* an exact form exists when the accented key differs from the folded one: for
     * Vietnamese text about four syllables in five */
    int distinct = t->accent != t->text && /* the same buffer: an ASCII word */
                   (t->accent_len != t->len || memcmp(t->accent, t->text, t->len) != 0);
    if (c->query && t->start > 0 && c->text[t->start - 1] == BTI_FTS_EXACT_PREFIX[0]) {
        if (distinct) /* a word written after the prefix byte is looked up by its exact form */
            return put_exact(c, 0, t);
    } else {
        int rc = c->xToken(c->fts_ctx, 0, t->text, (int)t->len, (int)t->start, (int)t->end);
        if (rc != SQLITE_OK || c->query)
            return rc;
        if (c->phrases && (rc = put_pair(c, FTS5_TOKEN_COLOCATED, t)) != SQLITE_OK)
            return rc;
        if (!distinct || c->folded_only)
            return rc;
        return put_exact(c, FTS5_TOKEN_COLOCATED, t);
    }
    /* no distinct exact form: the key is exact */
    return c->xToken(c->fts_ctx, 0, t->text, (int)t->len, (int)t->start, (int)t->end);
}

/* INDEX_TOKENS: a document token also goes to the store's sink (db.h), the body's lines as
 * parts: a newline between the previous token and this one opens a part. NEXT_NEWLINE: the
 * next newline is found once a line (memchr), not looked for in every gap between tokens
 * (a loop over the gap's bytes was ~12 instructions a token); no token holds one, so the
 * first newline after the previous token lies before this one exactly when it is before
 * this one's start. */
static int on_token_sink(void *vctx, const bt_token *t)
{
    tok_ctx *c = vctx;
    const char *start = c->text + t->start;
    if (c->sink_nl && c->sink_nl < start) {
        c->sink->part(c->sink_t);
        const char *from = c->text + t->end;
        c->sink_nl = memchr(from, '\n', (size_t)(c->end - from));
    }
    c->sink->token(c->sink_t, t);
    return on_token(vctx, t);
}

/* The handle tells the two kinds of table apart and knows the store whose sink gets the
 * tokens (NULL: none). */
typedef struct tok_handle {
    bt_store *s;
    int phrases;
} tok_handle;

static int tok_create(void *store, const char **argv, int argc, Fts5Tokenizer **out)
{
    if (argc > 1 || (argc == 1 && strcmp(argv[0], BTI_FTS_PHRASES_OPTION) != 0))
        return SQLITE_ERROR; /* the only option: "phrases" */
    tok_handle *h = malloc(sizeof *h);
    if (!h)
        return SQLITE_NOMEM;
    h->s = store;
    h->phrases = argc;
    *out = (Fts5Tokenizer *)(void *)h;
    return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *t) { free(t); }

static int tok_tokenize(Fts5Tokenizer *t, void *fts_ctx, int flags, const char *text, int len,
                        int (*xToken)(void *, int, const char *, int, int, int))
{
    const tok_handle *h = (const tok_handle *)(const void *)t;
    int query = (flags & FTS5_TOKENIZE_QUERY) != 0, col = 0;
    void *sink_t = NULL;
    if (!query && h->s && h->s->sink_on) /* before the empty text's return: it is counted */
        sink_t = bti_store_sink_text(h->s, text, len, &col);
    if (len <= 0)
        return SQLITE_OK;
    tok_ctx c;
    c.text = text;
    c.fts_ctx = fts_ctx;
    c.xToken = xToken;
    c.query = query;
    c.folded_only = !c.query && text[0] == BTI_FTS_FOLDED_ONLY[0];
    c.phrases = h->phrases;
    c.pair_mode = c.query && c.phrases && text[0] == BTI_FTS_PAIR_PREFIX[0];
    c.prev_len = 0;
    c.sink = NULL;
    c.sink_t = sink_t;
    c.end = text + len;
    c.sink_nl = NULL;
    if (sink_t) {
        c.sink = h->s->sink;
        if (col == BTI_SINK_BODY)
            c.sink_nl = memchr(text, '\n', (size_t)len);
        c.sink->part(sink_t);
    }
    int rc = bt_tokenize(text, (size_t)len, BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY,
                         sink_t ? on_token_sink : on_token, &c);
    if (rc < 0)
        return SQLITE_NOMEM;
    return rc;
}

fts5_api *bti_fts5_api(sqlite3 *db)
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

int bti_fts_register(sqlite3 *db, bt_store *s)
{
    fts5_api *api = bti_fts5_api(db);
    if (!api || api->iVersion < 2)
        return SQLITE_ERROR;
    /* FTS5 copies the struct and never writes through the pointer. */
    static const fts5_tokenizer tok = {tok_create, tok_delete, tok_tokenize};
    return api->xCreateTokenizer(api, BTI_FTS_TOKENIZER, s, (fts5_tokenizer *)&tok, NULL);
}

size_t bti_store_exact_term(const char *word, size_t len, char *out, size_t cap)
{
    size_t klen, elen;
    char *key = bti_fold_dup(word, len, &klen);
    char *exact = key ? bti_normalize(word, len, BT_NORM_LOWER | BT_NORM_TONES, &elen) : NULL;
    size_t n = 0;
    if (exact && (elen != klen || memcmp(exact, key, klen))) {
        n = elen + 1;
        if (cap > 0) {
            size_t k = n < cap - 1 ? n : cap - 1;
            if (k) {
                out[0] = BTI_FTS_EXACT_PREFIX[0];
                memcpy(out + 1, exact, k - 1);
            }
            out[k] = '\0';
        }
    }
    free(key);
    free(exact);
    return n;
}
