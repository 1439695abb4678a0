/* query.c: parse the search query language and compile it to an FTS5 MATCH expression.
 * See query.h for the language. The FTS5 text is built only from folded keys and exact forms
 * that bt_tokenize produced, each inside a double-quoted FTS5 string with quotes doubled, so
 * no query can change the expression's structure or reach the SQL around it. */
#include "search/query.h"
#include "text/alloc.h"

#include "store/db.h"
#include "bantin/text.h"
#include "core/buf.h"
#include "core/date.h"

#include <stdlib.h>
#include <string.h>


/* ---- parsing ----------------------------------------------------------------------------- */

static void term_free(bti_qterm *t)
{
    for (size_t i = 0; i < t->n_tok; i++) {
        free(t->key[i]);
        free(t->exact[i]);
    }
    free(t->key);
    free(t->exact);
    memset(t, 0, sizeof *t);
}

void bti_query_free(bti_query *q)
{
    if (!q)
        return;
    for (size_t c = 0; c < q->n_clause; c++) {
        for (size_t a = 0; a < q->clause[c].n_alt; a++)
            term_free(&q->clause[c].alt[a]);
        free(q->clause[c].alt);
    }
    free(q->clause);
    free(q);
}

struct tokctx {
    bti_qterm *t;
    size_t cap;
    size_t *budget; /* syllables left for the whole query */
    int rc;
};

static int on_token(void *vctx, const bt_token *tok)
{
    struct tokctx *c = vctx;
    bti_qterm *t = c->t;
    if (*c->budget == 0)
        return c->rc = BT_ELIMIT;
    if (t->n_tok == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 4;
        char **k = realloc(t->key, cap * sizeof *k);
        if (!k)
            return c->rc = BT_ENOMEM;
        t->key = k;
        char **e = realloc(t->exact, cap * sizeof *e);
        if (!e)
            return c->rc = BT_ENOMEM;
        t->exact = e;
        c->cap = cap;
    }
    size_t klen;
    char *key = bti_fold_dup(tok->text, tok->len, &klen);
    char *exact = bti_normalize(tok->text, tok->len, BT_NORM_LOWER | BT_NORM_TONES, NULL);
    if (!key || !exact) {
        free(key);
        free(exact);
        return c->rc = BT_ENOMEM;
    }
    if (!strcmp(key, exact)) {
        free(exact);
        exact = NULL;
    }
    t->key[t->n_tok] = key;
    t->exact[t->n_tok] = exact;
    t->n_tok++;
    (*c->budget)--;
    return 0;
}

static int is_space(const char *s, size_t len, size_t i, size_t *w)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        *w = 1;
        return 1;
    }
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) { /* NBSP */
        *w = 2;
        return 1;
    }
    if (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x80) { /* ideographic space */
        *w = 3;
        return 1;
    }
    return 0;
}

/* Opening quote at i: returns its byte length (1 for ", 3 for “) and the closing quote. */
static size_t open_quote(const char *s, size_t len, size_t i, const char **close)
{
    if (s[i] == '"') {
        *close = "\"";
        return 1;
    }
    if (i + 2 < len && !memcmp(s + i, "\xE2\x80\x9C", 3)) { /* “ ... ” */
        *close = "\xE2\x80\x9D";
        return 3;
    }
    return 0;
}

static const struct {
    const char *name;
    int field; /* BTI_QF_*, or -1 since, -2 until, -3 kind */
} fields[] = {
    {"title", BTI_QF_TITLE}, {"source", BTI_QF_SOURCE}, {"author", BTI_QF_AUTHOR},
    {"since", -1},          {"until", -2},           {"kind", -3},
};

/* Shortens the query for quoting in a message. */
static const char *excerpt(const char *s, size_t len, char buf[64])
{
    size_t n = len < 48 ? len : 48;
    while (n > 0 && n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--; /* do not cut a UTF-8 sequence */
    memcpy(buf, s, n);
    strcpy(buf + n, len > n ? "..." : "");
    return buf;
}

/* 1 when the character at i starts a word: a letter (ASCII, or any letter-range code point
 * of Latin, Vietnamese, Greek, Cyrillic, CJK...; not the punctuation and symbol blocks). An
 * exclusion needs one right after its '-': "-300" or "- 2" is text a pasted title holds. */
static int starts_letter(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return 1;
    if (c < 0xC0)
        return 0;
    uint32_t cp;
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (i + n > len)
        return 0;
    cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < n; k++)
        cp = cp << 6 | ((unsigned char)s[i + k] & 0x3F);
    if (cp == 0xD7 || cp == 0xF7) /* × ÷ */
        return 0;
    if (cp >= 0x2000 && cp < 0x3040) /* punctuation, symbols, arrows, CJK punctuation */
        return 0;
    if (cp >= 0xFE30 && cp < 0xFF21) /* compatibility and fullwidth punctuation */
        return 0;
    return 1;
}

/* 1 when another item (not only spaces) follows byte i. */
static int more_follows(const char *s, size_t len, size_t i)
{
    size_t w;
    while (i < len && is_space(s, len, i, &w))
        i += w;
    return i < len;
}

/* 1 when the item at i is exactly the upper-case operator `op` followed by a space or the
 * end. */
static int is_operator(const char *s, size_t len, size_t i, const char *op)
{
    size_t n = strlen(op), w;
    return i + n <= len && !memcmp(s + i, op, n) && (i + n == len || is_space(s, len, i + n, &w));
}

int bti_query_parse(const char *text, size_t len, bti_query **out, bt_error *err)
{
    char ex[64];
    *out = NULL;
    if (!text)
        return bt_error_set(err, BT_EINVAL, "query: no query given");
    if (len > BTI_QUERY_MAX_BYTES)
        return bt_error_set(err, BT_ELIMIT,
                            "query: too long (%zu bytes; at most %d): search for a few words",
                            len, BTI_QUERY_MAX_BYTES);
    size_t bad;
    if (!bt_utf8_valid(text, len, &bad))
        return bt_error_set(err, BT_EINVAL, "query: invalid UTF-8 at byte %zu", bad);
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\0' || text[i] == '\x01')
            return bt_error_set(err, BT_EINVAL, "query: control byte 0x%02x at byte %zu",
                                (unsigned)(unsigned char)text[i], i);

    bti_query *q = calloc(1, sizeof *q);
    if (!q)
        return bt_error_set(err, BT_ENOMEM, "query: out of memory");
    size_t cap_clause = 0, n_items = 0, budget = BTI_QUERY_MAX_TOKENS;
    int pending_or = 0, pending_not = 0, saw_any = 0, rc = 0;
    size_t or_at = 0;
    size_t i = 0;
    while (i < len) {
        size_t w;
        if (is_space(text, len, i, &w)) {
            i += w;
            continue;
        }
        saw_any = 1;
        size_t item_at = i;
        if (++n_items > BTI_QUERY_MAX_TERMS) {
            rc = bt_error_set(err, BT_ELIMIT, "query '%s': more than %d words and filters",
                              excerpt(text, len, ex), BTI_QUERY_MAX_TERMS);
            goto fail;
        }
        int neg = 0, minus = 0, field = BTI_QF_ANY;
        /* NOT word: the next item is excluded (a NOT with nothing after it is text) */
        if (!pending_not && is_operator(text, len, i, "NOT") && more_follows(text, len, i + 3)) {
            pending_not = 1;
            n_items--;
            i += 3;
            continue;
        }
        if (pending_not) {
            neg = 1;
            pending_not = 0;
        }
        /* -word excludes only a word (a letter or a quote right after the '-'): "-300" and
         * a lone "-" are text, as in a pasted title */
        const char *close;
        if (text[i] == '-' && i + 1 < len &&
            (starts_letter(text, len, i + 1) || open_quote(text, len, i + 1, &close))) {
            minus = !neg;
            neg = 1;
            i++;
        }
        /* field:value, only a known field in lower case with a value right after the colon
         * ("Title: ..." or "title: x" in pasted text is text) */
        for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
            size_t n = strlen(fields[f].name);
            if (i + n + 1 < len && !strncmp(text + i, fields[f].name, n) && text[i + n] == ':' &&
                !is_space(text, len, i + n + 1, &w)) {
                field = fields[f].field;
                i += n + 1;
                break;
            }
        }
        if (field == -3) { /* kind: one kind, or -kind: one kind left out */
            size_t s = i;
            while (i < len && !is_space(text, len, i, &w))
                i++;
            char v[16];
            size_t n = i - s < sizeof v - 1 ? i - s : sizeof v - 1;
            memcpy(v, text + s, n);
            v[n] = '\0';
            if (pending_or || q->kind[0]) {
                rc = bt_error_set(err, BT_EINVAL, "query '%s': kind: %s",
                                  excerpt(text, len, ex),
                                  pending_or ? "cannot be part of an OR" : "given twice");
                goto fail;
            }
            if (i - s >= sizeof v || !bti_store_kind_known(v)) {
                rc = bt_error_set(err, BT_EINVAL,
                                  "query: kind:%.*s is not a kind (article, video, photo, "
                                  "infographic, live, podcast)",
                                  (int)(i - s < 40 ? i - s : 40), text + s);
                goto fail;
            }
            memcpy(q->kind, v, n + 1);
            q->kind_neg = neg;
            continue;
        }
        if (field < 0) { /* since: / until: */
            const char *name = field == -1 ? "since" : "until";
            size_t s = i;
            while (i < len && !is_space(text, len, i, &w))
                i++;
            char *dst = field == -1 ? q->since : q->until;
            if (neg || pending_or) {
                rc = bt_error_set(err, BT_EINVAL, "query '%s': %s: cannot be %s",
                                  excerpt(text, len, ex), name, neg ? "negated" : "part of an OR");
                goto fail;
            }
            if (dst[0]) {
                rc = bt_error_set(err, BT_EINVAL, "query '%s': %s: given twice",
                                  excerpt(text, len, ex), name);
                goto fail;
            }
            if (bti_date_bound(text + s, i - s, field == -2, dst)) {
                char v[32];
                size_t n = i - s < sizeof v - 1 ? i - s : sizeof v - 1;
                memcpy(v, text + s, n);
                v[n] = '\0';
                rc = bt_error_set(err, BT_EINVAL,
                                  "query: %s:%s is not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
                                  name, v);
                goto fail;
            }
            continue;
        }
        /* the word or phrase */
        size_t ql = open_quote(text, len, i, &close);
        size_t s, e;
        int quoted = 0, prefix = 0;
        if (ql) {
            s = i + ql;
            const char *end = NULL;
            for (size_t k = s; k + strlen(close) <= len; k++)
                if (!memcmp(text + k, close, strlen(close))) {
                    end = text + k;
                    break;
                }
            if (!end) {
                rc = bt_error_set(err, BT_EINVAL,
                                  "query '%s': unbalanced quote: the quote at byte %zu is "
                                  "never closed",
                                  excerpt(text, len, ex), i);
                goto fail;
            }
            e = (size_t)(end - text);
            i = e + strlen(close);
            quoted = 1;
        } else {
            s = i;
            while (i < len && !is_space(text, len, i, &w) && !open_quote(text, len, i, &close))
                i++;
            e = i;
            /* OR between two words; first, last or doubled it is the word "or" */
            if (!neg && field == BTI_QF_ANY && e - s == 2 && !memcmp(text + s, "OR", 2) &&
                q->n_clause > 0 && !pending_or && more_follows(text, len, e)) {
                pending_or = 1;
                or_at = s;
                n_items--;
                continue;
            }
            while (e > s && text[e - 1] == '*') {
                e--;
                prefix = 1;
            }
        }
        bti_qterm t = {0};
        t.field = field;
        t.negated = neg;
        t.minus = minus;
        t.prefix = prefix;
        t.quoted = quoted;
        struct tokctx c = {&t, 0, &budget, 0};
        int trc = bt_tokenize(text + s, e - s, 0, on_token, &c);
        if (trc) {
            term_free(&t);
            if (trc == BT_ELIMIT)
                rc = bt_error_set(err, BT_ELIMIT, "query '%s': more than %d syllables",
                                  excerpt(text, len, ex), BTI_QUERY_MAX_TOKENS);
            else
                rc = bt_error_set(err, BT_ENOMEM, "query: out of memory");
            goto fail;
        }
        if (t.n_tok == 0) { /* punctuation only: nothing to match */
            term_free(&t);
            if (field != BTI_QF_ANY) {
                rc = bt_error_set(err, BT_EINVAL,
                                  "query '%s': the field at byte %zu has no word to look for",
                                  excerpt(text, len, ex), item_at);
                goto fail;
            }
            n_items--;
            continue;
        }
        if (prefix && strlen(t.key[t.n_tok - 1]) < 2) {
            term_free(&t);
            rc = bt_error_set(err, BT_EINVAL,
                              "query '%s': the prefix at byte %zu is too short (give at least "
                              "two letters before *)",
                              excerpt(text, len, ex), item_at);
            goto fail;
        }
        if (pending_or) {
            bti_qclause *cl = &q->clause[q->n_clause - 1];
            if (neg || cl->alt[0].negated || (field == BTI_QF_AUTHOR) != (cl->alt[0].field == BTI_QF_AUTHOR)) {
                term_free(&t);
                rc = bt_error_set(err, BT_EINVAL,
                                  "query '%s': OR at byte %zu cannot join %s",
                                  excerpt(text, len, ex), or_at,
                                  neg || cl->alt[0].negated ? "an excluded -word"
                                                            : "author: with other fields");
                goto fail;
            }
            bti_qterm *alt = realloc(cl->alt, (cl->n_alt + 1) * sizeof *alt);
            if (!alt) {
                term_free(&t);
                rc = bt_error_set(err, BT_ENOMEM, "query: out of memory");
                goto fail;
            }
            cl->alt = alt;
            cl->alt[cl->n_alt++] = t;
            pending_or = 0;
            continue;
        }
        if (q->n_clause == cap_clause) {
            size_t cap = cap_clause ? cap_clause * 2 : 8;
            bti_qclause *cl = realloc(q->clause, cap * sizeof *cl);
            if (!cl) {
                term_free(&t);
                rc = bt_error_set(err, BT_ENOMEM, "query: out of memory");
                goto fail;
            }
            q->clause = cl;
            cap_clause = cap;
        }
        bti_qterm *alt = malloc(sizeof *alt);
        if (!alt) {
            term_free(&t);
            rc = bt_error_set(err, BT_ENOMEM, "query: out of memory");
            goto fail;
        }
        *alt = t;
        q->clause[q->n_clause].alt = alt;
        q->clause[q->n_clause].n_alt = 1;
        q->n_clause++;
    }
    if (!saw_any) {
        rc = bt_error_set(err, BT_EINVAL, "query: empty: give a word to look for");
        goto fail;
    }
    /* "-word" needs another word to be excluded from: alone (or with filters only), its
     * minus signs are text */
    int n_words = 0;
    for (size_t c = 0; c < q->n_clause; c++)
        n_words += !q->clause[c].alt[0].negated && q->clause[c].alt[0].field != BTI_QF_AUTHOR;
    for (size_t c = 0; c < q->n_clause && !n_words; c++)
        if (q->clause[c].alt[0].minus && q->clause[c].alt[0].field != BTI_QF_AUTHOR)
            q->clause[c].alt[0].negated = 0;
    if (q->since[0] && q->until[0] && strcmp(q->since, q->until) > 0) {
        rc = bt_error_set(err, BT_EINVAL, "query: since:%s is after until:%s", q->since,
                          q->until);
        goto fail;
    }
    *out = q;
    return 0;
fail:
    bti_query_free(q);
    return rc;
}

/* ---- compiling --------------------------------------------------------------------------- */

static void free_marks(bti_qmark *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < v[i].n_tok; j++) {
            free(v[i].key[j]);
            free(v[i].exact[j]);
        }
        free(v[i].key);
        free(v[i].exact);
    }
    free(v);
}

void bti_qplan_free(bti_qplan *p)
{
    if (!p)
        return;
    free(p->match);
    free(p->stock_match);
    free(p->count_match);
    free(p->title_match);
    free(p->tier_match);
    for (size_t i = 0; i < p->n_author; i++)
        free(p->author[i]);
    free(p->author);
    for (size_t i = 0; i < p->n_not_author; i++)
        free(p->not_author[i]);
    free(p->not_author);
    free(p->phrase);
    free(p->fphrase);
    free(p->phrase_match);
    free(p->exact_phrase_match);
    free(p->pphrase);
    free(p->xphrase);
    for (size_t i = 0; i < p->n_pkeys; i++) {
        free(p->pkeys[i]);
        if (p->pexact)
            free(p->pexact[i]);
    }
    free(p->pkeys);
    free(p->pexact);
    free_marks(p->mark, p->n_mark);
    free_marks(p->not_exact, p->n_not_exact);
    free(p);
}

static int has_exact(const bti_qterm *t);


/* Adds `t` to the marks *v (*n of them; a copy of its keys and exact forms). 0 or
 * BT_ENOMEM. */
static int add_mark_to(bti_qmark **v, size_t *n, const bti_qterm *t, int term)
{
    bti_qmark *m = realloc(*v, (*n + 1) * sizeof *m);
    if (!m)
        return BT_ENOMEM;
    *v = m;
    m = &m[*n];
    memset(m, 0, sizeof *m);
    m->prefix = t->prefix;
    m->term = term;
    m->has_exact = has_exact(t);
    m->key = calloc(t->n_tok ? t->n_tok : 1, sizeof *m->key);
    m->exact = calloc(t->n_tok ? t->n_tok : 1, sizeof *m->exact);
    ++*n;
    if (!m->key || !m->exact)
        return BT_ENOMEM;
    for (size_t i = 0; i < t->n_tok; i++) {
        m->n_tok = i + 1;
        if (!(m->key[i] = strdup(t->key[i])) ||
            (t->exact[i] && !(m->exact[i] = strdup(t->exact[i]))))
            return BT_ENOMEM;
    }
    return 0;
}

/* Adds `t` to the plan's marks. 0 or BT_ENOMEM. */
static int add_mark(bti_qplan *p, const bti_qterm *t, int term)
{
    return add_mark_to(&p->mark, &p->n_mark, t, term);
}

struct cctx {
    bti_buf m;     /* MATCH expression */
    bti_buf st;    /* stock expression */
    bti_buf fo;    /* folded-only expression (count_match) */
    bti_qplan *p;
    size_t cap_phrase;
    int pairs; /* BTI_QC_PAIRS */
    int oom;
};

/* Phrases of count_match, title_match and tier_match (the folded expressions). */
static void add_fphrase(struct cctx *c, int role, int term, int len, int shift)
{
    bti_qphrase *ph = realloc(c->p->fphrase, (c->p->n_fphrase + 1) * sizeof *ph);
    if (!ph) {
        c->oom = 1;
        return;
    }
    c->p->fphrase = ph;
    ph[c->p->n_fphrase++] = (bti_qphrase){role, term, len, shift};
}

static void add_phrase(struct cctx *c, int role, int term, int len, int shift)
{
    if (c->p->n_phrase == c->cap_phrase) {
        size_t cap = c->cap_phrase ? c->cap_phrase * 2 : 16;
        bti_qphrase *ph = realloc(c->p->phrase, cap * sizeof *ph);
        if (!ph) {
            c->oom = 1;
            return;
        }
        c->p->phrase = ph;
        c->cap_phrase = cap;
    }
    c->p->phrase[c->p->n_phrase++] = (bti_qphrase){role, term, len, shift};
}

static void put(bti_buf *b, const char *s, int *oom)
{
    if (bti_buf_adds(b, s))
        *oom = 1;
}

/* Appends an FTS5 string of the term's syllables: folded keys (how = 0), exact forms with
 * the store's prefix (1), the words as typed, lowercase, for a stock unicode61 table (2), or
 * folded keys read as their pairs (3: the pair prefix first, store/db.h). */
static void put_string(bti_buf *b, const bti_qterm *t, int how, int *oom)
{
    put(b, "\"", oom);
    if (how == 3) {
        put(b, BTI_FTS_PAIR_PREFIX, oom);
        how = 0;
    }
    for (size_t i = 0; i < t->n_tok; i++) {
        if (i)
            put(b, " ", oom);
        const char *w = t->key[i];
        if (how && t->exact[i]) {
            if (how == 1)
                put(b, BTI_FTS_EXACT_PREFIX, oom);
            w = t->exact[i];
        }
        for (const char *p = w; *p; p++)
            if (bti_buf_addc(b, *p) || (*p == '"' && bti_buf_addc(b, '"')))
                *oom = 1;
    }
    put(b, "\"", oom);
    if (t->prefix)
        put(b, "*", oom);
}

static int has_exact(const bti_qterm *t)
{
    if (t->prefix)
        return 0;
    for (size_t i = 0; i < t->n_tok; i++)
        if (t->exact[i])
            return 1;
    return 0;
}

static const char *field_col(int field)
{
    return field == BTI_QF_TITLE ? "title" : field == BTI_QF_SOURCE ? "source" : NULL;
}

/* 1 when the term is matched by its syllable pairs: a phrase of several syllables, not a
 * prefix, every key short enough to be in a pair (store/db.h). */
static int use_pairs(const struct cctx *c, const bti_qterm *t)
{
    if (!c->pairs || t->prefix || t->n_tok < 2)
        return 0;
    for (size_t i = 0; i < t->n_tok; i++)
        if (strlen(t->key[i]) >= BTI_FTS_PAIR_MAX_KEY)
            return 0;
    return 1;
}

/* One term: "key" or ("exact" OR "key"), inside a column filter when it has a field.
 * Negated terms match their exact form when typed with marks, else every form. With the
 * phrase index a phrase of several syllables is its pairs, folded only: the exact
 * alternative would walk the positions of every exact syllable again, which is what the
 * pairs are there to avoid. */
static void put_term(struct cctx *c, const bti_qterm *t, int term_no)
{
    const char *col = field_col(t->field);
    if (col) {
        put(&c->m, col, &c->oom);
        put(&c->m, " : ", &c->oom);
        put(&c->st, col, &c->oom);
        put(&c->st, " : ", &c->oom);
        put(&c->fo, col, &c->oom);
        put(&c->fo, " : ", &c->oom);
    }
    int pairs = use_pairs(c, t);
    put_string(&c->st, t, 2, &c->oom);
    int fo_exact = t->negated && has_exact(t);
    put_string(&c->fo, t, fo_exact ? 1 : pairs ? 3 : 0, &c->oom);
    add_fphrase(c, t->negated ? BTI_QP_NOT : BTI_QP_FOLDED, t->negated ? -1 : term_no,
                (int)t->n_tok, pairs && !fo_exact);
    if (t->negated) {
        put_string(&c->m, t, has_exact(t) ? 1 : pairs ? 3 : 0, &c->oom);
        add_phrase(c, BTI_QP_NOT, -1, (int)t->n_tok, 0);
        return;
    }
    if (pairs) {
        put_string(&c->m, t, 3, &c->oom);
        add_phrase(c, BTI_QP_FOLDED, term_no, (int)t->n_tok, 1);
    } else if (has_exact(t)) {
        put(&c->m, "(", &c->oom);
        put_string(&c->m, t, 1, &c->oom);
        add_phrase(c, BTI_QP_EXACT, term_no, (int)t->n_tok, 0);
        put(&c->m, " OR ", &c->oom);
        put_string(&c->m, t, 0, &c->oom);
        add_phrase(c, BTI_QP_FOLDED, term_no, (int)t->n_tok, 0);
        put(&c->m, ")", &c->oom);
    } else {
        put_string(&c->m, t, 0, &c->oom);
        add_phrase(c, BTI_QP_FOLDED, term_no, (int)t->n_tok, 0);
    }
}

/* " k1 k2 " for matching folded author names word by word. */
static char *author_key(const bti_qterm *t)
{
    bti_buf b = BTI_BUF_INIT;
    int oom = 0;
    put(&b, " ", &oom);
    for (size_t i = 0; i < t->n_tok; i++) {
        put(&b, t->key[i], &oom);
        put(&b, " ", &oom);
    }
    if (oom) {
        bti_buf_free(&b);
        return NULL;
    }
    return bti_buf_detach(&b, NULL);
}

static int push_str(char ***arr, size_t *n, char *s)
{
    if (!s)
        return BT_ENOMEM;
    char **a = realloc(*arr, (*n + 1) * sizeof *a);
    if (!a) {
        free(s);
        return BT_ENOMEM;
    }
    *arr = a;
    a[(*n)++] = s;
    return 0;
}

/* The whole-phrase tiers (bti_qplan.phrase_match): when every required word is a plain one
 * (no OR, prefix or field) and there are at least two syllables, the syllables of all of
 * them side by side in the typed order, folded (and, when some were typed with marks, as
 * typed), with the query's exclusions `neg` (the " NOT (...)" of count_match, whose phrases
 * are c->p->fphrase[from...]). 0, or BT_ENOMEM. */
static int phrase_tiers(const bti_query *q, struct cctx *c, const char *neg, size_t from)
{
    bti_qplan *p = c->p;
    size_t n = 0;
    for (size_t i = 0; i < q->n_clause; i++) {
        const bti_qterm *t = &q->clause[i].alt[0];
        if (t->negated || t->field == BTI_QF_AUTHOR)
            continue;
        if (q->clause[i].n_alt > 1 || t->prefix || t->field != BTI_QF_ANY)
            return 0;
        n += t->n_tok;
    }
    if (n < 2 || n > BTI_PHRASE_TIER_MAX)
        return 0;
    bti_qterm all = {0};
    char *key[BTI_PHRASE_TIER_MAX], *exact[BTI_PHRASE_TIER_MAX];
    all.key = key;
    all.exact = exact;
    for (size_t i = 0; i < q->n_clause; i++) {
        const bti_qterm *t = &q->clause[i].alt[0];
        if (t->negated || t->field == BTI_QF_AUTHOR)
            continue;
        for (size_t k = 0; k < t->n_tok; k++) {
            key[all.n_tok] = t->key[k];
            exact[all.n_tok++] = t->exact[k];
        }
    }
    if (!(p->pkeys = calloc(n, sizeof *p->pkeys)) || !(p->pexact = calloc(n, sizeof *p->pexact)))
        return BT_ENOMEM;
    for (size_t i = 0; i < n; i++, p->n_pkeys++)
        if (!(p->pkeys[i] = strdup(key[i])) ||
            (exact[i] && !(p->pexact[i] = strdup(exact[i]))))
            return BT_ENOMEM;
    size_t n_neg = p->n_fphrase - from;
    p->pphrase = calloc(n_neg + 1, sizeof *p->pphrase);
    p->xphrase = calloc(n_neg + 1, sizeof *p->xphrase);
    if (!p->pphrase || !p->xphrase)
        return BT_ENOMEM;
    int pairs = use_pairs(c, &all), oom = 0;
    for (int x = 0; x < 1 + has_exact(&all); x++) {
        bti_buf b = BTI_BUF_INIT;
        put_string(&b, &all, x ? 1 : pairs ? 3 : 0, &oom);
        put(&b, neg, &oom);
        bti_qphrase *ph = x ? p->xphrase : p->pphrase;
        ph[0] = (bti_qphrase){x ? BTI_QP_EXACT : BTI_QP_FOLDED, 0, (int)n, pairs && !x};
        memcpy(ph + 1, p->fphrase + from, n_neg * sizeof *ph);
        char *m = oom ? NULL : bti_buf_detach(&b, NULL);
        bti_buf_free(&b);
        if (!m)
            return BT_ENOMEM;
        *(x ? &p->exact_phrase_match : &p->phrase_match) = m;
    }
    p->n_pphrase = n_neg + 1;
    return 0;
}

int bti_query_compile(const bti_query *q, const char *text, unsigned flags, bti_qplan **out,
                     bt_error *err)
{
    char ex[64];
    *out = NULL;
    bti_qplan *p = calloc(1, sizeof *p);
    if (!p)
        return bt_error_set(err, BT_ENOMEM, "query: out of memory");
    memcpy(p->since, q->since, sizeof p->since);
    memcpy(p->until, q->until, sizeof p->until);
    memcpy(p->kind, q->kind, sizeof p->kind);
    p->kind_neg = q->kind_neg;
    struct cctx c = {BTI_BUF_INIT, BTI_BUF_INIT, BTI_BUF_INIT, p, 0, (flags & BTI_QC_PAIRS) != 0, 0};
    size_t last_term_clause = (size_t)-2;
    int n_pos = 0, n_pos_stock = 0, n_neg = 0, n_words = 0;
    /* positive clauses */
    for (size_t i = 0; i < q->n_clause && !c.oom; i++) {
        const bti_qclause *cl = &q->clause[i];
        const bti_qterm *t0 = &cl->alt[0];
        n_words++;
        if (t0->negated)
            continue;
        if (t0->field == BTI_QF_AUTHOR) {
            if (cl->n_alt > 1) { /* author:a OR author:b: one filter of alternatives */
                bti_buf b = BTI_BUF_INIT;
                for (size_t a = 0; a < cl->n_alt; a++) {
                    char *k = author_key(&cl->alt[a]);
                    if (!k || (a && bti_buf_addc(&b, '|')) || bti_buf_adds(&b, k))
                        c.oom = 1;
                    free(k);
                }
                if (push_str(&p->author, &p->n_author, c.oom ? NULL : bti_buf_detach(&b, NULL)))
                    c.oom = 1;
                bti_buf_free(&b);
            } else if (push_str(&p->author, &p->n_author, author_key(t0)))
                c.oom = 1;
            continue;
        }
        if (n_pos_stock)
            put(&c.st, " AND ", &c.oom);
        n_pos_stock++;
        if (n_pos) {
            put(&c.m, " AND ", &c.oom);
            put(&c.fo, " AND ", &c.oom);
        }
        n_pos++;
        if (cl->n_alt == 1) {
            if (p->n_terms > 0 && last_term_clause + 1 == i && p->n_terms < 64)
                p->adj_prev |= (uint64_t)1 << p->n_terms;
            last_term_clause = i;
            if (t0->n_tok > 1)
                p->has_phrase = 1;
            if (t0->field != BTI_QF_SOURCE && add_mark(p, t0, p->n_terms))
                c.oom = 1;
            put_term(&c, t0, p->n_terms++);
            if (has_exact(t0) && !use_pairs(&c, t0))
                p->n_exact_terms++;
            continue;
        }
        put(&c.m, "(", &c.oom);
        put(&c.st, "(", &c.oom);
        put(&c.fo, "(", &c.oom);
        for (size_t a = 0; a < cl->n_alt; a++) {
            if (a) {
                put(&c.m, " OR ", &c.oom);
                put(&c.st, " OR ", &c.oom);
                put(&c.fo, " OR ", &c.oom);
            }
            if (cl->alt[a].field != BTI_QF_SOURCE && add_mark(p, &cl->alt[a], -1))
                c.oom = 1;
            put_term(&c, &cl->alt[a], -1);
        }
        put(&c.m, ")", &c.oom);
        put(&c.st, ")", &c.oom);
        put(&c.fo, ")", &c.oom);
    }
    size_t pos_len = c.fo.len; /* the required part ends here */
    size_t pos_fphrase = p->n_fphrase;
    /* negated clauses: X NOT (a OR b) */
    for (size_t i = 0; i < q->n_clause && !c.oom; i++) {
        const bti_qterm *t0 = &q->clause[i].alt[0];
        if (!t0->negated)
            continue;
        if (t0->field == BTI_QF_AUTHOR) {
            if (push_str(&p->not_author, &p->n_not_author, author_key(t0)))
                c.oom = 1;
            continue;
        }
        if (!n_pos)
            continue; /* reported below */
        if (n_neg == 0) {
            put(&c.m, " NOT (", &c.oom);
            put(&c.st, " NOT (", &c.oom);
            put(&c.fo, " NOT (", &c.oom);
        } else {
            put(&c.m, " OR ", &c.oom);
            put(&c.st, " OR ", &c.oom);
            put(&c.fo, " OR ", &c.oom);
        }
        n_neg++;
        put_term(&c, t0, -1);
        if (t0->field == BTI_QF_ANY && has_exact(t0) &&
            add_mark_to(&p->not_exact, &p->n_not_exact, t0, -1))
            c.oom = 1;
    }
    if (n_neg) {
        put(&c.m, ")", &c.oom);
        put(&c.st, ")", &c.oom);
        put(&c.fo, ")", &c.oom);
    }
    if (c.oom) {
        bti_buf_free(&c.m);
        bti_buf_free(&c.st);
        bti_buf_free(&c.fo);
        bti_qplan_free(p);
        return bt_error_set(err, BT_ENOMEM, "query: out of memory");
    }
    const char *qt = text ? excerpt(text, strlen(text), ex) : "";
    int filters = p->since[0] || p->until[0] || p->n_author || p->n_not_author || p->kind[0];
    int rc = 0;
    if (!n_pos && !filters && n_words == 0)
        rc = bt_error_set(err, BT_EINVAL,
                          "query '%s': only punctuation: give a word to look for", qt);
    else if (!n_pos && !filters)
        rc = bt_error_set(err, BT_EINVAL,
                          "query '%s': only excluded words: give a word to look for too", qt);
    if (rc) {
        bti_buf_free(&c.m);
        bti_buf_free(&c.st);
        bti_buf_free(&c.fo);
        bti_qplan_free(p);
        return rc;
    }
    if (!n_pos) { /* filters only: any -word cannot be expressed without a match */
        for (size_t i = 0; i < q->n_clause; i++)
            if (q->clause[i].alt[0].negated && q->clause[i].alt[0].field != BTI_QF_AUTHOR) {
                bti_buf_free(&c.m);
                bti_buf_free(&c.st);
                bti_buf_free(&c.fo);
                bti_qplan_free(p);
                return bt_error_set(err, BT_EINVAL,
                                    "query '%s': only excluded words: give a word to look for too",
                                    qt);
            }
        bti_buf_free(&c.m);
        bti_buf_free(&c.st);
        bti_buf_free(&c.fo);
    } else {
        p->stock_match = bti_buf_detach(&c.st, NULL);
        for (int tier = 0; tier < 2; tier++) {
            bti_buf t = BTI_BUF_INIT;
            if (bti_buf_adds(&t, tier ? "{title lede} : (" : "{title} : (") ||
                bti_buf_add(&t, c.fo.data, pos_len) || bti_buf_adds(&t, ")") ||
                bti_buf_adds(&t, c.fo.data + pos_len))
                c.oom = 1;
            *(tier ? &p->tier_match : &p->title_match) = c.oom ? NULL : bti_buf_detach(&t, NULL);
            bti_buf_free(&t);
        }
        if (!c.oom && phrase_tiers(q, &c, c.fo.data + pos_len, pos_fphrase))
            c.oom = 1;
        p->count_match = bti_buf_detach(&c.fo, NULL);
        p->match = bti_buf_detach(&c.m, NULL);
        if (c.oom || !p->match || !p->stock_match || !p->count_match ||
            !p->title_match || !p->tier_match) {
            bti_qplan_free(p);
            return bt_error_set(err, BT_ENOMEM, "query: out of memory");
        }
    }
    *out = p;
    return 0;
}
