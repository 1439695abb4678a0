/* opts.h: public structs that can grow, options in and counts out. Each starts with
 * `size_t size`, set by the struct's INIT macro to sizeof the struct the caller was built
 * with. Options: the library copies only that many bytes over its defaults, so a caller built
 * against an older, shorter struct keeps the defaults of the fields added since, and a newer
 * caller's extra fields are ignored. Counts (the *_stats structs): the library writes only
 * that many bytes, so an older caller's shorter struct is never overrun. */
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
        return bt_error_set(err, BT_EINVAL, "%s: a struct without its size (start from "
                            "its INIT macro)", what);
    memcpy(dst, src, n < full ? n : full);
    *(size_t *)dst = full;
    return 0;
}

/* 0 when the caller's out-struct `dst` has a plausible size (built from its INIT macro),
 * else BT_EINVAL with `err` naming `what`. Check before doing the work, so that a bad struct
 * fails before anything happens. */
static inline int bti_out_check(const void *dst, const char *what, bt_error *err)
{
    size_t n = *(const size_t *)dst;
    if (n < sizeof(size_t) || n > (size_t)1 << 20)
        return bt_error_set(err, BT_EINVAL, "%s: counts struct without its size (start "
                            "from the INIT macro)", what);
    return 0;
}

/* Writes the library's counts `src` (`full` bytes, its `size` field ignored) into the
 * caller's `dst`: the first dst->size bytes, the caller's size kept. */
static inline void bti_out_copy(void *dst, const void *src, size_t full)
{
    size_t n = *(const size_t *)dst;
    if (n > full)
        n = full;
    if (n > sizeof(size_t))
        memcpy((char *)dst + sizeof(size_t), (const char *)src + sizeof(size_t),
               n - sizeof(size_t));
}

#endif
