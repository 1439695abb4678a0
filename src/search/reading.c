/* reading.c: which marked readings of an unmarked phrase a text holds, and how cohesive each
 * is (reading.h): the text's tokens walked with their folded and accented keys, the last few
 * kept in a ring, a reading counted wherever the folded keys of the ring are the phrase's,
 * and the accented form of every token with one of the phrase's keys counted. */
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

static size_t find(char *const *v, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(v[i], s))
            return i;
    return n;
}

int bti_readings_has(const bti_readings *r, const char *reading)
{
    return find(r->v, r->n, reading) < r->n;
}

/* Counts `k` more of `s` in the list (v, occ, n): added when new. 0, or BT_ENOMEM. */
static int count(char ***v, size_t **occ, size_t *n, const char *s, size_t k)
{
    size_t i = find(*v, *n, s);
    if (i == *n) {
        char *d = strdup(s);
        char **nv = d ? realloc(*v, (*n + 1) * sizeof *nv) : NULL;
        if (nv)
            *v = nv;
        size_t *no = nv ? realloc(*occ, (*n + 1) * sizeof *no) : NULL;
        if (!no) {
            free(d);
            return BT_ENOMEM;
        }
        *occ = no;
        nv[*n] = d;
        no[(*n)++] = 0;
    }
    (*occ)[i] += k;
    return 0;
}

int bti_readings_merge(bti_readings *to, const bti_readings *from)
{
    for (size_t i = 0; i < from->n; i++)
        if (count(&to->v, &to->occ, &to->n, from->v[i], from->occ[i]))
            return BT_ENOMEM;
    for (size_t i = 0; i < from->n_form; i++)
        if (count(&to->form, &to->form_occ, &to->n_form, from->form[i], from->form_occ[i]))
            return BT_ENOMEM;
    return 0;
}

double bti_readings_cohesion(const bti_readings *r, size_t i)
{
    size_t most = 0;
    const char *s = r->v[i];
    while (*s) { /* each syllable of the reading */
        const char *e = strchr(s, ' ');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        for (size_t f = 0; f < r->n_form; f++)
            if (strlen(r->form[f]) == len && !memcmp(r->form[f], s, len) && r->form_occ[f] > most)
                most = r->form_occ[f];
        s += len + (e != NULL);
    }
    return most ? (double)r->occ[i] / (double)most : 0.0;
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
    for (size_t i = 0; i < w->n_keys; i++)
        if (!strcmp(w->key[at], w->keys[i])) {
            if (count(&w->r->form, &w->r->form_occ, &w->r->n_form,
                      w->acc[at][0] ? w->acc[at] : w->key[at], 1))
                return BT_ENOMEM;
            break;
        }
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
    int rc = s ? count(&w->r->v, &w->r->occ, &w->r->n, s, 1) : BT_ENOMEM;
    free(s);
    return rc;
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
    for (size_t i = 0; i < r->n_form; i++)
        free(r->form[i]);
    free(r->v);
    free(r->occ);
    free(r->form);
    free(r->form_occ);
    memset(r, 0, sizeof *r);
}
