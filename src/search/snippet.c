/* snippet.c: the passage shown with a hit, its matched words marked, made from the stored
 * text (see snippet.h).
 *
 * FTS5's snippet() and highlight() need the article's row found again in the index by a
 * MATCH with `rowid = ?` (a seek in every posting list of every phrase, in every segment),
 * then tokenize each column once per call: at a million articles that was 2-3 ms of a
 * query's 10. Tokenizing the few kilobytes of one article here with the search's own
 * tokenizer gives the same marks for a few microseconds. */
#include "search/snippet.h"

#include "bantin/text.h"
#include "core/buf.h"

#include <stdlib.h>
#include <string.h>

#define MARK_ON '\x02'
#define MARK_OFF '\x03'
#define LEAD 3 /* tokens of context kept before the first match of the passage */

typedef struct tok {
    size_t start, end; /* bytes in the column's text */
    size_t key, accent; /* offsets of NUL-terminated strings in the arena */
} tok;

typedef struct column {
    const char *text;
    size_t len;
    tok *t;
    size_t n, cap;
    bti_buf *arena;
    int oom;
} column;

static int on_token(void *vc, const bt_token *t)
{
    column *c = vc;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 256;
        tok *nt = realloc(c->t, cap * sizeof *nt);
        if (!nt) {
            c->oom = 1;
            return -1;
        }
        c->t = nt;
        c->cap = cap;
    }
    tok *k = &c->t[c->n++];
    k->start = t->start;
    k->end = t->end;
    k->key = c->arena->len;
    if (bti_buf_add(c->arena, t->text, t->len) || bti_buf_addc(c->arena, '\0')) {
        c->oom = 1;
        return -1;
    }
    k->accent = k->key;
    if (t->accent && (t->accent_len != t->len || memcmp(t->accent, t->text, t->len))) {
        k->accent = c->arena->len;
        if (bti_buf_add(c->arena, t->accent, t->accent_len) || bti_buf_addc(c->arena, '\0')) {
            c->oom = 1;
            return -1;
        }
    }
    return 0;
}

/* 1 when `m` matches at token i of `c`; exact: the syllables typed with marks must have
 * their exact form. */
static int match_at(const column *c, size_t i, const bti_qmark *m, int exact)
{
    if (i + m->n_tok > c->n)
        return 0;
    const char *a = c->arena->data;
    for (size_t j = 0; j < m->n_tok; j++) {
        const tok *k = &c->t[i + j];
        const char *key = a + k->key;
        if (m->prefix && j + 1 == m->n_tok) {
            if (strncmp(key, m->key[j], strlen(m->key[j])))
                return 0;
        } else if (strcmp(key, m->key[j]))
            return 0;
        if (exact && m->exact[j] && strcmp(a + k->accent, m->exact[j]))
            return 0;
    }
    return 1;
}

typedef struct span {
    size_t from, to; /* tokens, inclusive */
    size_t mark;
} span;

/* The matches of the plan's marks in column c, in order, overlapping ones merged. */
static span *find_spans(const column *c, const bti_qplan *p, int exact, size_t *n_out)
{
    span *s = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < c->n; i++)
        for (size_t m = 0; m < p->n_mark; m++) {
            const bti_qmark *mk = &p->mark[m];
            if (!match_at(c, i, mk, exact && mk->has_exact))
                continue;
            size_t to = i + mk->n_tok - 1;
            if (n && s[n - 1].to >= i) { /* overlaps the previous one */
                if (to > s[n - 1].to)
                    s[n - 1].to = to;
                continue;
            }
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                span *ns = realloc(s, cap * sizeof *ns);
                if (!ns) {
                    free(s);
                    *n_out = (size_t)-1;
                    return NULL;
                }
                s = ns;
            }
            s[n++] = (span){i, to, m};
        }
    *n_out = n;
    return s;
}

/* 1 when every mark typed with marks occurs in its exact form in one of the columns. */
static int all_exact(const column *cols, size_t n_cols, const bti_qplan *p)
{
    int any = 0;
    for (size_t m = 0; m < p->n_mark; m++) {
        const bti_qmark *mk = &p->mark[m];
        if (!mk->has_exact)
            continue;
        any = 1;
        int found = 0;
        for (size_t c = 0; c < n_cols && !found; c++)
            for (size_t i = 0; i < cols[c].n && !found; i++)
                found = match_at(&cols[c], i, mk, 1);
        if (!found)
            return 0;
    }
    return any;
}

/* Writes the window [w, w + width) of column c with its spans marked. */
static int write_window(const column *c, const span *s, size_t ns, size_t w, size_t width,
                        bti_buf *out)
{
    size_t last = w + width < c->n ? w + width - 1 : c->n - 1;
    size_t from = w == 0 ? 0 : c->t[w].start;
    size_t to = last + 1 >= c->n ? c->len : c->t[last].end;
    int err = 0;
    if (w > 0)
        err |= bti_buf_adds(out, "\xE2\x80\xA6");
    size_t at = from;
    for (size_t i = 0; i < ns; i++) {
        if (s[i].to < w || s[i].from > last)
            continue;
        size_t a = c->t[s[i].from < w ? w : s[i].from].start;
        size_t b = c->t[s[i].to > last ? last : s[i].to].end;
        err |= bti_buf_add(out, c->text + at, a - at);
        err |= bti_buf_addc(out, MARK_ON);
        err |= bti_buf_add(out, c->text + a, b - a);
        err |= bti_buf_addc(out, MARK_OFF);
        at = b;
    }
    err |= bti_buf_add(out, c->text + at, to - at);
    if (to < c->len)
        err |= bti_buf_adds(out, "\xE2\x80\xA6");
    return err ? BT_ENOMEM : 0;
}

/* The window of `width` tokens with the most distinct marks, then the most matches, that
 * starts LEAD tokens before one of its matches (earliest on ties). */
static size_t best_window(const span *s, size_t ns, size_t width, size_t n_marks)
{
    size_t best = 0, best_score = 0;
    for (size_t i = 0; i < ns; i++) {
        size_t w = s[i].from > LEAD ? s[i].from - LEAD : 0;
        unsigned char seen[64] = {0};
        size_t distinct = 0, hits = 0;
        for (size_t j = i; j < ns && s[j].to < w + width; j++) {
            hits++;
            size_t m = s[j].mark < 64 ? s[j].mark : 63;
            if (!seen[m]) {
                seen[m] = 1;
                distinct++;
            }
        }
        size_t score = distinct * (n_marks + 1) * 64 + hits;
        if (score > best_score) {
            best_score = score;
            best = w;
        }
    }
    return best;
}

int bti_snippet(const bti_qplan *p, const char *const text[BTI_SNIPPET_COLUMNS], size_t width,
               char **out)
{
    *out = NULL;
    bti_buf arena = BTI_BUF_INIT, res = BTI_BUF_INIT;
    column cols[BTI_SNIPPET_COLUMNS];
    memset(cols, 0, sizeof cols);
    int rc = 0;
    for (size_t c = 0; c < BTI_SNIPPET_COLUMNS; c++) {
        cols[c].text = text[c] ? text[c] : "";
        cols[c].len = strlen(cols[c].text);
        cols[c].arena = &arena;
        if (bt_tokenize(cols[c].text, cols[c].len, BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY,
                        on_token, &cols[c]) < 0 ||
            cols[c].oom) {
            rc = BT_ENOMEM;
            goto done;
        }
    }
    int exact = all_exact(cols, BTI_SNIPPET_COLUMNS, p);
    /* the first column with a match, in the order of text[]; else the first with text */
    size_t pick = BTI_SNIPPET_COLUMNS, ns = 0;
    span *s = NULL;
    for (size_t c = 0; c < BTI_SNIPPET_COLUMNS && pick == BTI_SNIPPET_COLUMNS; c++) {
        s = find_spans(&cols[c], p, exact, &ns);
        if (ns == (size_t)-1) {
            rc = BT_ENOMEM;
            goto done;
        }
        if (ns)
            pick = c;
        else
            free(s), s = NULL;
    }
    if (pick == BTI_SNIPPET_COLUMNS)
        for (size_t c = 0; c < BTI_SNIPPET_COLUMNS && pick == BTI_SNIPPET_COLUMNS; c++)
            if (cols[c].n)
                pick = c;
    if (pick < BTI_SNIPPET_COLUMNS)
        rc = write_window(&cols[pick], s, ns, ns ? best_window(s, ns, width, p->n_mark) : 0,
                          width, &res);
    free(s);
    if (!rc) {
        *out = bti_buf_detach(&res, NULL);
        if (!*out && !(*out = strdup("")))
            rc = BT_ENOMEM;
    }
done:
    for (size_t c = 0; c < BTI_SNIPPET_COLUMNS; c++)
        free(cols[c].t);
    bti_buf_free(&arena);
    bti_buf_free(&res);
    return rc;
}

/* Tokenizes one column's text (NULL: empty) into col, its keys in `arena` (emptied first):
 * 0, or BT_ENOMEM (col.t still to be freed). */
static int column_read(column *col, const char *text, bti_buf *arena)
{
    memset(col, 0, sizeof *col);
    col->text = text ? text : "";
    col->len = strlen(col->text);
    col->arena = arena;
    arena->len = 0;
    int rc = bt_tokenize(col->text, col->len, BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY, on_token, col);
    return rc < 0 || col->oom ? BT_ENOMEM : 0;
}

uint64_t bti_marks_exact(const bti_qplan *p, const char *const *text, size_t n)
{
    bti_buf arena = BTI_BUF_INIT;
    uint64_t bits = 0;
    for (size_t c = 0; c < n; c++) {
        column col;
        if (!column_read(&col, text[c], &arena))
            for (size_t m = 0; m < p->n_mark; m++) {
                const bti_qmark *mk = &p->mark[m];
                if (mk->term < 0 || mk->term >= 64 || !mk->has_exact ||
                    (bits >> mk->term & 1))
                    continue;
                for (size_t i = 0; i < col.n; i++)
                    if (match_at(&col, i, mk, 1)) {
                        bits |= (uint64_t)1 << mk->term;
                        break;
                    }
            }
        free(col.t);
    }
    bti_buf_free(&arena);
    return bits;
}

int bti_marks_any_in(const bti_qmark *m, size_t n_m, const char *const *text, size_t n)
{
    bti_buf arena = BTI_BUF_INIT;
    int found = 0;
    for (size_t c = 0; c < n && !found; c++) {
        column col;
        if (column_read(&col, text[c], &arena))
            found = BT_ENOMEM;
        for (size_t i = 0; !found && i < col.n; i++)
            for (size_t k = 0; k < n_m && !found; k++)
                found = match_at(&col, i, &m[k], 1);
        free(col.t);
    }
    bti_buf_free(&arena);
    return found;
}

/* 0 when `text` cannot hold the phrase's syllables typed with marks: one of them, after its
 * first letter (which may be a capital), is not in its bytes. Stored text is NFC (the
 * extractor's); a syllable of oa, oe or uy (hoà = hòa: the tone on either vowel) or of one
 * letter is not looked for. Skips the tokenizing of most texts that do not hold a reading
 * a few of a folded phrase's articles hold (search.c, marks_in_text). */
static int may_hold_marks(const bti_qplan *p, const char *text)
{
    for (size_t i = 0; i < p->n_pkeys; i++) {
        const char *e = p->pexact[i], *k = p->pkeys[i];
        if (!e || strstr(k, "oa") || strstr(k, "oe") || strstr(k, "uy"))
            continue;
        size_t skip = 1;
        while (e[skip] && ((unsigned char)e[skip] & 0xC0) == 0x80)
            skip++;
        if (e[skip] && !strstr(text, e + skip))
            return 0;
    }
    return 1;
}

int bti_phrase_exact_in(const bti_qplan *p, const char *const *text, size_t n)
{
    if (!p->n_pkeys || !p->pexact)
        return 0;
    bti_qmark whole = {p->n_pkeys, p->pkeys, p->pexact, 0, -1, 1};
    int found = 0;
    for (size_t c = 0; c < n && !found; c++)
        if (text[c] && may_hold_marks(p, text[c]))
            found = bti_marks_any_in(&whole, 1, &text[c], 1);
    return found;
}
