/* opts.h: public option structs that can grow. Each starts with `size_t size`, set by the
 * struct's INIT macro to sizeof the struct the caller was built with; the library copies only
 * that many bytes over its defaults, so a caller built against an older, shorter struct keeps
 * the defaults of the fields added since, and a newer caller's extra fields are ignored. */
#ifndef BT_CORE_OPTS_H
#define BT_CORE_OPTS_H

#include <stddef.h>
#include <string.h>

#include "bantin/common.h"

/* Fills `dst` (`full` bytes, the library's struct) from `defaults`, then from the first
 * `src->size` bytes of `src` (when not NULL). 0, or BT_EINVAL with `err` naming `what` when
 * `src` has no plausible size (not built from its INIT macro). */
static inline int bti_opts_copy(void *dst, size_t full, const void *defaults, const void *src,
                                const char *what, bt_error *err)
{
    memcpy(dst, defaults, full);
    if (!src)
        return 0;
    size_t n = *(const size_t *)src;
    if (n < sizeof(size_t) || n > (size_t)1 << 20)
        return bt_error_set(err, BT_EINVAL, "%s: options without their size (start from "
                            "the INIT macro)", what);
    memcpy(dst, src, n < full ? n : full);
    *(size_t *)dst = full;
    return 0;
}

#endif
