/* buf.h: a growable byte buffer, always NUL-terminated (after git's strbuf).
 *
 * Ownership: the bt_buf owns `data`; bt_buf_detach() hands it to the caller. A zeroed bt_buf
 * (BT_BUF_INIT) is a valid empty buffer. Appends return 0 or BT_ENOMEM and leave the buffer
 * unchanged on failure. Internal to the library: not part of the public API. */
#ifndef BT_CORE_BUF_H
#define BT_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct bt_buf {
    char *data;  /* NULL until the first append; then NUL-terminated */
    size_t len;  /* bytes in use, not counting the NUL */
    size_t cap;  /* bytes allocated */
} bt_buf;

#define BT_BUF_INIT {NULL, 0, 0}

/* Makes room for `extra` more bytes (plus the NUL). */
int bt_buf_grow(bt_buf *b, size_t extra);
int bt_buf_add(bt_buf *b, const void *data, size_t len);
int bt_buf_adds(bt_buf *b, const char *s);
int bt_buf_addc(bt_buf *b, char c);
int bt_buf_addf(bt_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Empties the buffer but keeps its memory. */
void bt_buf_reset(bt_buf *b);
/* Returns the data (never NULL: "" for an empty buffer, malloc'ed) and leaves `b` empty. */
char *bt_buf_detach(bt_buf *b, size_t *len);
void bt_buf_free(bt_buf *b);

#endif
