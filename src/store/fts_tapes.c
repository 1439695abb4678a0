/* fts_tapes.c: SHARED_TOKENS (db.h): the tapes of an article's FTS texts, made in ingest's
 * workers, queued by the writer as it adds the article, and replayed by the tokenizer when
 * the batch's articles are indexed (write.c: one INSERT ... SELECT in the order of n, the
 * columns in BTI_FTS_COLUMNS order, so the queue is consumed in the order it was filled). */
#include "store/store_internal.h"

#include <stdlib.h>
#include <string.h>

/* The tape of prefix + the strings joined as the store keeps them. */
static int joined_tape(const char *prefix, char *const *v, size_t n, size_t stride,
                       bti_buf *b, bti_tape **out)
{
    if (bti_store_join_lines(b, v, n, stride))
        return BT_ENOMEM;
    size_t plen = strlen(prefix);
    bti_buf t = BTI_BUF_INIT;
    if (bti_buf_grow(&t, plen + b->len + 1)) {
        bti_buf_free(&t);
        return BT_ENOMEM;
    }
    memcpy(t.data, prefix, plen);
    if (b->len)
        memcpy(t.data + plen, b->data, b->len);
    t.len = plen + b->len;
    /* folded keys only: the tokenizer indexes no exact form in a BTI_FTS_FOLDED_ONLY text,
     * so the accented keys would be made and kept for nothing (they were half of the cost
     * of recording) */
    int rc = bti_tape_record(t.data, t.len, BT_TOKENIZE_FOLD, out);
    bti_buf_free(&t);
    return rc;
}

int bti_store_fts_tapes_of(const bt_article *a, bti_tape *out[BTI_FTS_TAPES])
{
    for (int i = 0; i < BTI_FTS_TAPES; i++)
        out[i] = NULL;
    bti_buf b = BTI_BUF_INIT;
    const char *title = a->title ? a->title : "";
    unsigned both = BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY; /* as the tokenizer: exact forms */
    int rc = bti_tape_record(title, strlen(title), both, &out[BTI_FTS_TAPE_TITLE]);
    if (!rc && a->lede)
        rc = bti_tape_record(a->lede, strlen(a->lede), both, &out[BTI_FTS_TAPE_LEDE]);
    if (!rc)
        rc = joined_tape(BTI_FTS_FOLDED_ONLY, a->body, a->n_body, sizeof(char *), &b,
                         &out[BTI_FTS_TAPE_BODY]);
    if (!rc && a->n_images)
        rc = joined_tape(BTI_FTS_FOLDED_ONLY, &a->images[0].caption, a->n_images,
                         sizeof(bt_image), &b, &out[BTI_FTS_TAPE_CAPTIONS]);
    bti_buf_free(&b);
    if (rc) {
        for (int i = 0; i < BTI_FTS_TAPES; i++) {
            bti_tape_free(out[i]);
            out[i] = NULL;
        }
        return rc;
    }
    return 0;
}

void bti_store_give_tapes(bt_store *s, bti_tape *tapes[BTI_FTS_TAPES])
{
    bti_fts_tapes *q = &s->tapes;
    for (int i = 0; i < BTI_FTS_TAPES; i++) {
        bti_tape *t = tapes[i];
        tapes[i] = NULL;
        if (!t)
            continue;
        size_t size = bti_tape_size(t);
        if (!s->in_batch || q->bytes + size > BTI_FTS_TAPES_MAX_BYTES) {
            bti_tape_free(t); /* the index tokenises this text itself */
            continue;
        }
        if (q->n == q->cap) {
            size_t cap = q->cap ? q->cap * 2 : 1024;
            bti_tape **v = realloc(q->v, cap * sizeof *v);
            if (!v) {
                bti_tape_free(t);
                continue;
            }
            q->v = v;
            q->cap = cap;
        }
        q->v[q->n++] = t;
        q->bytes += size;
    }
}

/* How many queued tapes past the next one a text is compared with: a tape whose text the
 * index never reads (a text the store keeps otherwise than it was given) is passed over
 * rather than holding up every later one of the batch. */
#define TAPES_LOOKAHEAD BTI_FTS_TAPES

const bti_tape *bti_fts_tapes_take(bti_fts_tapes *q, const char *text, size_t len)
{
    for (size_t i = q->next; i < q->n && i <= q->next + TAPES_LOOKAHEAD; i++)
        if (bti_tape_is_of(q->v[i], text, len)) {
            q->next = i + 1;
            return q->v[i];
        }
    return NULL;
}

void bti_fts_tapes_clear(bti_fts_tapes *q)
{
    for (size_t i = 0; i < q->n; i++)
        bti_tape_free(q->v[i]);
    free(q->v);
    q->v = NULL;
    q->n = q->cap = q->next = q->bytes = 0;
}
