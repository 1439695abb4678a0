/* buf.c: the growable byte buffer of buf.h. */
#include "core/buf.h"

#include "bantin/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int bt_buf_grow(bt_buf *b, size_t extra)
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

int bt_buf_add(bt_buf *b, const void *data, size_t len)
{
    if (bt_buf_grow(b, len))
        return BT_ENOMEM;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

int bt_buf_adds(bt_buf *b, const char *s) { return bt_buf_add(b, s, strlen(s)); }

int bt_buf_addc(bt_buf *b, char c) { return bt_buf_add(b, &c, 1); }

int bt_buf_addf(bt_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || bt_buf_grow(b, (size_t)n))
        return BT_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void bt_buf_reset(bt_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *bt_buf_detach(bt_buf *b, size_t *len)
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

void bt_buf_free(bt_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
