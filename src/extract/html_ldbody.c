/* html_ldbody.c: the article's text from its JSON-LD `articleBody` when the page shows only
 * its start. A paywalled page (or one whose text waits behind an expander the capture never
 * opened) shows a teaser of a paragraph or two while its structured data carries the whole
 * text for search engines. When the text found in the markup is short beside that
 * articleBody and is its beginning (the same article, not another block), the articleBody's
 * paragraphs are the article. */
#include "extract/html_internal.h"

#include <stdlib.h>
#include <string.h>

#define LD_BODY_MIN 1200  /* an articleBody shorter than this is a summary, not the text */
#define LD_SHOWN_SHARE 3  /* the text shown is a teaser when the articleBody is 3x as long */
#define LD_AGREE_BYTES 40 /* the shown text's first bytes that must open the articleBody ... */
#define LD_AGREE_WITHIN 400 /* ... within its first bytes (a dateline may come before) */
#define LD_SHOWN_MAX 3200 /* a text this long shown is the article whatever the metadata says */

/* Whether the text shown opens the articleBody: its first bytes, spaces folded, are found
 * near the articleBody's start. */
static int agrees(const char *ld, const char *shown)
{
    char head[LD_AGREE_BYTES + 1];
    size_t n = 0;
    for (const char *p = shown; *p && n < LD_AGREE_BYTES; p++)
        if (*p != ' ' && *p != '\n')
            head[n++] = *p;
    head[n] = '\0';
    if (n < LD_AGREE_BYTES)
        return 0;
    char win[LD_AGREE_WITHIN + LD_AGREE_BYTES + 1];
    size_t w = 0;
    for (const char *p = ld; *p && w < sizeof win - 1; p++)
        if (*p != ' ' && *p != '\n' && *p != '\r' && *p != '\t')
            win[w++] = *p;
    win[w] = '\0';
    return strstr(win, head) != NULL;
}

/* The first paragraph shown long enough to compare (a kicker or a place name may come
 * before it). */
static const char *first_text(const bt_article *a)
{
    for (size_t i = 0; i < a->n_body; i++)
        if (strlen(a->body[i]) >= 2 * LD_AGREE_BYTES)
            return a->body[i];
    return "";
}

/* Replaces the article's paragraphs with the articleBody's lines. */
static int take_body(bt_article *a, const char *ld)
{
    for (size_t i = 0; i < a->n_body; i++)
        free(a->body[i]);
    a->n_body = 0;
    for (const char *p = ld; *p;) {
        const char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        char *t = bti_html_clean(p, l);
        if (!t)
            return BT_ENOMEM;
        int rc = *t ? bt_article_add_para(a, t) : 0;
        free(t);
        if (rc)
            return rc;
        p += l + (e != NULL);
    }
    return 0;
}

int bti_html_ld_body(const bti_html_meta *m, bt_article *a)
{
    size_t shown = 0;
    for (size_t i = 0; i < a->n_body; i++)
        shown += strlen(a->body[i]);
    if (!a->n_body || shown >= LD_SHOWN_MAX || !m->ld_body)
        return 0;
    const char *ld = m->ld_body; /* html_meta.c read it with the rest of the JSON-LD */
    size_t ll = strlen(ld);
    if (ll >= LD_BODY_MIN && shown * LD_SHOWN_SHARE < ll && !strstr(ld, "</") &&
        agrees(ld, first_text(a)))
        return take_body(a, ld);
    return 0;
}
