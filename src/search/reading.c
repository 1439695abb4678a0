/* reading.c: which marked readings of an unmarked phrase a text holds (reading.h): the text's
 * tokens walked with their folded and accented keys, the last few kept in a ring, a reading
 * recorded wherever the folded keys of the ring are the phrase's. */
#include "search/reading.h"

#include "search/query.h"

#include "bantin/common.h"
#include "bantin/text.h"
#include "core/buf.h"

#include <stdlib.h>
#include <string.h>

/* Syllables longer than this are not read (no Vietnamese syllable comes close: a phrase
 * with one is not a reading question). */
#define SYL_MAX 32

typedef struct walk {
    char *const *keys;
    size_t n_keys;
    size_t seen; /* tokens so far */
    char key[BTI_PHRASE_TIER_MAX][SYL_MAX];
    char acc[BTI_PHRASE_TIER_MAX][SYL_MAX];
    bti_readings *r;
} walk;

int bti_readings_has(const bti_readings *r, const char *reading)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->v[i], reading))
            return 1;
    return 0;
}

static void copy_syl(char dst[SYL_MAX], const char *s, size_t len)
{
    if (!s || len >= SYL_MAX) {
        dst[0] = '\0'; /* never a phrase key: no match through it */
        return;
    }
    memcpy(dst, s, len);
    dst[len] = '\0';
}

static int on_tok(void *vw, const bt_token *t)
{
    walk *w = vw;
    size_t at = w->seen++ % w->n_keys;
    copy_syl(w->key[at], t->text, t->len);
    copy_syl(w->acc[at], t->accent, t->accent ? t->accent_len : 0);
    if (w->seen < w->n_keys)
        return 0;
    size_t first = w->seen % w->n_keys; /* the oldest token in the ring */
    for (size_t i = 0; i < w->n_keys; i++)
        if (strcmp(w->key[(first + i) % w->n_keys], w->keys[i]))
            return 0;
    bti_buf b = BTI_BUF_INIT;
    for (size_t i = 0; i < w->n_keys; i++) {
        const char *a = w->acc[(first + i) % w->n_keys];
        if ((i && bti_buf_addc(&b, ' ')) || bti_buf_adds(&b, a[0] ? a : w->keys[i])) {
            bti_buf_free(&b);
            return BT_ENOMEM;
        }
    }
    char *s = bti_buf_detach(&b, NULL);
    if (!s)
        return BT_ENOMEM;
    if (bti_readings_has(w->r, s)) {
        free(s);
        return 0;
    }
    char **v = realloc(w->r->v, (w->r->n + 1) * sizeof *v);
    if (!v) {
        free(s);
        return BT_ENOMEM;
    }
    w->r->v = v;
    v[w->r->n++] = s;
    return 0;
}

int bti_readings_add(const char *text, size_t len, char *const *keys, size_t n_keys,
                     bti_readings *r)
{
    if (!text || n_keys == 0 || n_keys > BTI_PHRASE_TIER_MAX)
        return 0;
    walk *w = malloc(sizeof *w);
    if (!w)
        return BT_ENOMEM;
    w->keys = keys;
    w->n_keys = n_keys;
    w->seen = 0;
    w->r = r;
    int rc = bt_tokenize(text, len, BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY, on_tok, w);
    free(w);
    return rc == BT_ENOMEM ? BT_ENOMEM : 0;
}

void bti_readings_free(bti_readings *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->v[i]);
    free(r->v);
    r->v = NULL;
    r->n = 0;
}
