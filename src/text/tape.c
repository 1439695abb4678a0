/* tape.c: recording and replaying a bt_tokenize walk (tape.h). The replay hands out the
 * same bt_token values, pointers into the tape instead of the walk's buffers, and an
 * accented key that is the key's own buffer exactly when the walk's was (the FTS tokenizer
 * tells ASCII words by that). */
#include "text/tape.h"

#include <stdlib.h>
#include <string.h>

static int grow_bytes(bti_tape *t, size_t need)
{
    size_t cap = t->cap_bytes ? t->cap_bytes : 256;
    while (cap < t->nbytes + need)
        cap *= 2;
    char *b = realloc(t->bytes, cap);
    if (!b)
        return BT_ENOMEM;
    t->bytes = b;
    t->cap_bytes = cap;
    return 0;
}

static int grow_toks(bti_tape *t, size_t cap)
{
    bti_tape_tok *v = realloc(t->tok, cap * sizeof *v);
    if (!v)
        return BT_ENOMEM;
    t->tok = v;
    t->cap = cap;
    return 0;
}

/* Keys are a few bytes: a loop costs less than a call to memcpy (the calls were half the
 * cost of recording a token). */
#define SHORT_KEY 16

static inline uint32_t put_bytes(bti_tape *t, const char *s, size_t len)
{
    uint32_t at = (uint32_t)t->nbytes;
    char *d = t->bytes + t->nbytes;
    if (len <= SHORT_KEY)
        for (size_t i = 0; i < len; i++)
            d[i] = s[i];
    else
        memcpy(d, s, len);
    d[len] = '\0';
    t->nbytes += len + 1;
    return at;
}

static int on_token(void *ctx, const bt_token *tok)
{
    bti_tape *t = ctx;
    if (tok->end - tok->start > UINT16_MAX || tok->len > UINT16_MAX ||
        tok->accent_len > UINT16_MAX)
        return BT_EINVAL;
    if (t->n == t->cap && grow_toks(t, t->cap * 2))
        return BT_ENOMEM;
    unsigned flags = tok->flags;
    size_t need = tok->len + 1;
    if (!tok->accent)
        flags |= BTI_TAPE_NO_ACC;
    else if (tok->accent == tok->text)
        flags |= BTI_TAPE_ACC_IS_KEY;
    else
        need += tok->accent_len + 1;
    if (t->nbytes + need > t->cap_bytes && grow_bytes(t, need))
        return BT_ENOMEM;
    bti_tape_tok *e = &t->tok[t->n++];
    e->start = (uint32_t)tok->start;
    e->len = (uint16_t)(tok->end - tok->start);
    e->key = put_bytes(t, tok->text, tok->len);
    e->key_len = (uint16_t)tok->len;
    e->acc_len = (uint16_t)tok->accent_len;
    e->flags = (uint16_t)flags;
    if (!(flags & (BTI_TAPE_NO_ACC | BTI_TAPE_ACC_IS_KEY)))
        put_bytes(t, tok->accent, tok->accent_len);
    return 0;
}

int bti_tape_record(const char *s, size_t len, unsigned opts, bti_tape **out)
{
    *out = NULL;
    if (!s || !len)
        return 0;
    if (len >= UINT32_MAX / 4) /* offsets of key bytes (keys are at most 3x their text) */
        return BT_EINVAL;
    bti_tape *t = calloc(1, sizeof *t);
    if (!t || !(t->text = malloc(len + 1))) {
        free(t);
        return BT_ENOMEM;
    }
    t->opts = opts;
    memcpy(t->text, s, len);
    t->text[len] = '\0';
    t->text_len = len;
    /* about one token in six bytes of text (Vietnamese news), keys about as long as the
     * text: one allocation each, mostly, where growing by doubling copied them over and over */
    if (grow_bytes(t, len + len / 2 + 64) || grow_toks(t, len / 6 + 16)) {
        bti_tape_free(t);
        return BT_ENOMEM;
    }
    int rc = bt_tokenize(s, len, opts, on_token, t);
    if (rc) {
        bti_tape_free(t);
        return rc < 0 ? rc : BT_ENOMEM;
    }
    *out = t;
    return 0;
}

void bti_tape_free(bti_tape *t)
{
    if (!t)
        return;
    free(t->text);
    free(t->tok);
    free(t->bytes);
    free(t);
}

void bti_tape_token(const bti_tape *t, size_t i, bt_token *out)
{
    const bti_tape_tok *e = &t->tok[i];
    out->text = t->bytes + e->key;
    out->len = e->key_len;
    out->start = e->start;
    out->end = (size_t)e->start + e->len;
    out->flags = e->flags & ~(BTI_TAPE_ACC_IS_KEY | BTI_TAPE_NO_ACC);
    out->accent = e->flags & BTI_TAPE_NO_ACC       ? NULL
                  : e->flags & BTI_TAPE_ACC_IS_KEY ? out->text
                                                   : out->text + e->key_len + 1;
    out->accent_len = e->acc_len;
}

int bti_tape_play(const bti_tape *t, int (*cb)(void *ctx, const bt_token *tok), void *ctx)
{
    bt_token tok;
    for (size_t i = 0; i < t->n; i++) {
        bti_tape_token(t, i, &tok);
        int rc = cb(ctx, &tok);
        if (rc)
            return rc;
    }
    return 0;
}

int bti_tape_is_of(const bti_tape *t, const char *s, size_t len)
{
    return t && t->text_len == len && memcmp(t->text, s, len) == 0;
}

size_t bti_tape_size(const bti_tape *t)
{
    return t ? sizeof *t + t->text_len + 1 + t->cap * sizeof *t->tok + t->cap_bytes : 0;
}
