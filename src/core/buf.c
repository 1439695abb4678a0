/* buf.c: the growable byte buffer of buf.h. */
#include "core/buf.h"

#include "bantin/common.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int bti_buf_grow(bti_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return 0;
    if (extra > (size_t)-1 / 2 - b->len)
        return BT_ENOMEM;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return BT_ENOMEM;
    b->data = p;
    b->cap = cap;
    p[b->len] = '\0'; /* a grown-only buffer is a valid empty string too */
    return 0;
}

int bti_buf_add(bti_buf *b, const void *data, size_t len)
{
    if (bti_buf_grow(b, len))
        return BT_ENOMEM;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

int bti_buf_adds(bti_buf *b, const char *s) { return bti_buf_add(b, s, strlen(s)); }

int bti_buf_addc(bti_buf *b, char c) { return bti_buf_add(b, &c, 1); }

int bti_buf_addf(bti_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || bti_buf_grow(b, (size_t)n))
        return BT_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void bti_buf_reset(bti_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *bti_buf_detach(bti_buf *b, size_t *len)
{
    char *p = b->data;
    if (!p) {
        p = malloc(1);
        if (p)
            p[0] = '\0';
    }
    if (len)
        *len = b->data ? b->len : 0;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void bti_buf_free(bti_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int bti_array_resize(void **p, size_t n, size_t elem)
{
    if (elem && n > SIZE_MAX / elem)
        return BT_ENOMEM;
    size_t bytes = n * elem;
    void *q = realloc(*p, bytes ? bytes : 1); /* realloc(p, 0) may free p */
    if (!q)
        return BT_ENOMEM;
    *p = q;
    return 0;
}

int bti_array_grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    if (c > SIZE_MAX / elem)
        return BT_ENOMEM;
    void *q = realloc(*p, c * elem);
    if (!q)
        return BT_ENOMEM;
    *p = q;
    *cap = c;
    return 0;
}
