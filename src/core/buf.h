/* buf.h: a growable byte buffer, always NUL-terminated (after git's strbuf).
 *
 * Ownership: the bti_buf owns `data`; bti_buf_detach() hands it to the caller. A zeroed bti_buf
 * (BTI_BUF_INIT) is a valid empty buffer. Appends return 0 or BT_ENOMEM and leave the buffer
 * unchanged on failure. Internal to the library: not part of the public API. */
#ifndef BT_CORE_BUF_H
#define BT_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct bti_buf {
    char *data;  /* NULL until the first append; then NUL-terminated */
    size_t len;  /* bytes in use, not counting the NUL */
    size_t cap;  /* bytes allocated */
} bti_buf;

#define BTI_BUF_INIT {NULL, 0, 0}

/* Makes the array *p (of *cap elements of `elem` bytes) hold at least `need` elements,
 * doubling from 64 so that appends cost amortised O(1). 0, or BT_ENOMEM (*p unchanged). */
int bti_array_grow(void **p, size_t *cap, size_t need, size_t elem);
/* Sizes the array *p to exactly n elements of `elem` bytes: for the arrays a structure keeps
 * in step with a capacity of its own (several arrays, one count). 0, or BT_ENOMEM (*p
 * unchanged). */
int bti_array_resize(void **p, size_t n, size_t elem);

/* Makes room for `extra` more bytes (plus the NUL). */
int bti_buf_grow(bti_buf *b, size_t extra);
int bti_buf_add(bti_buf *b, const void *data, size_t len);
int bti_buf_adds(bti_buf *b, const char *s);
int bti_buf_addc(bti_buf *b, char c);
int bti_buf_addf(bti_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Empties the buffer but keeps its memory. */
void bti_buf_reset(bti_buf *b);
/* Returns the data (never NULL: "" for an empty buffer, malloc'ed) and leaves `b` empty. */
char *bti_buf_detach(bti_buf *b, size_t *len);
void bti_buf_free(bti_buf *b);

#endif
