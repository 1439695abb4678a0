/* related_terms.c: a document as the related search reads it (related.h): the folded keys of
 * its title and the top of its text, each marked with its field, whether it continues the
 * token before it (for word pairs), and whether it is part of a name. */
#include "connect/related.h"

#include "bantin/text.h"
#include "core/buf.h"

#include <stdlib.h>
#include <string.h>

/* Scratch marks kept in bti_rtok.name while a line is read, resolved at the line's end. */
#define MARK_UPPER 0x10u   /* capitalised in the original */
#define MARK_INITIAL 0x20u /* starts a sentence */
#define NAME_PENDING 2u    /* capitalised in a title-case line: a name if one elsewhere */

typedef struct reader {
    bti_rdoc *d;
    const char *line;
    uint8_t field;
    size_t prev_end; /* end of the token before, in the line (numbers included) */
    int has_prev;    /* a word token (not a number) came just before */
    int any;         /* any token (number included) came before in the line */
} reader;

static int push_key(bti_rdoc *d, const char *k, size_t len, uint32_t *off)
{
    if (d->nkeys + len + 1 > d->capkeys) {
        size_t cap = d->capkeys ? d->capkeys : 1024;
        while (cap < d->nkeys + len + 1)
            cap *= 2;
        char *p = realloc(d->keys, cap);
        if (!p)
            return BT_ENOMEM;
        d->keys = p;
        d->capkeys = cap;
    }
    memcpy(d->keys + d->nkeys, k, len);
    d->keys[d->nkeys + len] = 0;
    *off = (uint32_t)d->nkeys;
    d->nkeys += len + 1;
    return 0;
}

/* A sentence starts where the gap since the token before holds an end mark, or a byte of a
 * non-ASCII mark (quotes, dashes): a capital there says nothing about a name. */
static int starts_sentence(const reader *r, size_t start)
{
    if (!r->any)
        return 1;
    for (size_t i = r->prev_end; i < start; i++) {
        unsigned char c = (unsigned char)r->line[i];
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c >= 0x80)
            return 1;
    }
    return 0;
}

static int on_token(void *ctx, const bt_token *tok)
{
    reader *r = ctx;
    bti_rdoc *d = r->d;
    if (r->field == BTI_RFIELD_TEXT && d->text_tokens >= BTI_RELATED_TEXT_TOKENS)
        return 1;
    int initial = starts_sentence(r, tok->start);
    r->prev_end = tok->end;
    r->any = 1;
    if (r->field == BTI_RFIELD_TEXT)
        d->text_tokens++;
    if (tok->flags & BT_TOK_NUMBER) {
        r->has_prev = 0;
        return 0;
    }
    if (bti_array_grow((void **)&d->t, &d->cap, d->n + 1, sizeof *d->t))
        return BT_ENOMEM;
    bti_rtok *t = &d->t[d->n];
    if (push_key(d, tok->text, tok->len, &t->off))
        return BT_ENOMEM;
    t->len = (uint32_t)tok->len;
    t->field = r->field;
    t->joined = r->has_prev && !initial;
    t->name = (uint8_t)(((tok->flags & BT_TOK_UPPER_INITIAL) ? MARK_UPPER : 0) |
                        (initial ? MARK_INITIAL : 0));
    d->n++;
    r->has_prev = 1;
    return 0;
}

/* Resolves the marks of the line's tokens from..d->n into names. */
static void line_names(bti_rdoc *d, size_t from, int names)
{
    size_t words = 0, upper = 0;
    for (size_t i = from + 1; i < d->n; i++) {
        words++;
        upper += (d->t[i].name & MARK_UPPER) != 0;
    }
    int title_case = words >= 2 && upper >= BTI_RELATED_TITLE_CASE_SHARE * (double)words;
    for (size_t i = from; i < d->n; i++) {
        unsigned m = d->t[i].name;
        int up = (m & MARK_UPPER) != 0;
        int next_up = i + 1 < d->n && d->t[i + 1].joined && (d->t[i + 1].name & MARK_UPPER);
        int prev_up = i > from && d->t[i].joined && (d->t[i - 1].name & MARK_UPPER);
        uint8_t v = 0;
        if (names && up) {
            if (title_case)
                v = NAME_PENDING;
            else if (!(m & MARK_INITIAL) || next_up || prev_up)
                v = 1;
        }
        d->t[i].name = (uint8_t)(v | (m & MARK_UPPER)); /* the neighbour test reads UPPER */
    }
    for (size_t i = from; i < d->n; i++)
        d->t[i].name &= 3;
}

static int read_part(bti_rdoc *d, const char *s, uint8_t field, int names)
{
    while (s && *s) {
        if (field == BTI_RFIELD_TEXT && d->text_tokens >= BTI_RELATED_TEXT_TOKENS)
            return 0;
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        reader r = {d, s, field, 0, 0, 0};
        size_t from = d->n;
        int rc = bt_tokenize(s, len, BT_TOKENIZE_FOLD, on_token, &r);
        if (rc < 0)
            return rc;
        line_names(d, from, names);
        s = nl ? nl + 1 : s + len;
    }
    return 0;
}

static int is_name_elsewhere(const bti_rdoc *d, size_t i)
{
    for (size_t j = 0; j < d->n; j++)
        if (d->t[j].name == 1 && d->t[j].len == d->t[i].len &&
            !memcmp(bti_rdoc_key(d, j), bti_rdoc_key(d, i), d->t[i].len))
            return 1;
    return 0;
}

int bti_rdoc_read(bti_rdoc *d, const char *title, const char *lede, const char *body,
                  int names)
{
    d->n = d->nkeys = d->text_tokens = 0;
    int rc = read_part(d, title, BTI_RFIELD_TITLE, names);
    if (!rc)
        rc = read_part(d, lede, BTI_RFIELD_TEXT, names);
    if (!rc)
        rc = read_part(d, body, BTI_RFIELD_TEXT, names);
    if (rc)
        return BT_ENOMEM;
    for (size_t i = 0; names && i < d->n; i++)
        if (d->t[i].name == NAME_PENDING)
            d->t[i].name = 0x80; /* decided below, after every pending one is read */
    for (size_t i = 0; names && i < d->n; i++)
        if (d->t[i].name == 0x80)
            d->t[i].name = (uint8_t)(is_name_elsewhere(d, i) ? 0x81 : 0x80);
    for (size_t i = 0; i < d->n; i++)
        d->t[i].name = (d->t[i].name & 1) != 0;
    return 0;
}

void bti_rdoc_free(bti_rdoc *d)
{
    free(d->t);
    free(d->keys);
    memset(d, 0, sizeof *d);
}
