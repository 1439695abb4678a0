/* alloc.h: the allocating text calls in the form the library's own code uses inside
 * expressions: the result, or NULL when out of memory (the only way they fail). The public
 * bt_normalize and bt_fold_dup (bantin/text.h) wrap them in the error rule of common.h. */
#ifndef BT_TEXT_ALLOC_H
#define BT_TEXT_ALLOC_H

#include <stddef.h>

/* A malloc'ed NFC copy of `s` transformed by BT_NORM_* `flags`; NULL when out of memory. */
char *bti_normalize(const char *s, size_t len, unsigned flags, size_t *outlen);
/* A malloc'ed search key of `s` (bt_fold); NULL when out of memory. */
char *bti_fold_dup(const char *s, size_t len, size_t *outlen);

#endif
