/* json.h: what the library's JSON writers share (the article record, search results, store
 * stats, error objects), over jansson: one set of dump flags and one way of turning C strings
 * into JSON values, so that the CLI, the server and the binding print the same bytes.
 * Internal to the library: not part of the public API. */
#ifndef BT_CORE_JSON_H
#define BT_CORE_JSON_H

#include <jansson.h>
#include <stddef.h>

/* Dumps `v` into *out (malloc'ed, owned by the caller, no trailing newline): keys in the
 * order they were set; compact, or indented by two spaces with BT_JSON_PRETTY in `flags`.
 * 0 or BT_ENOMEM. */
int bti_json_dump(const json_t *v, unsigned flags, char **out);

/* A JSON string copy of `s`, or null when `s` is NULL. NULL when out of memory or when `s`
 * is not valid UTF-8 (jansson refuses it). */
json_t *bti_json_str_or_null(const char *s);

/* A JSON string of the `len` bytes at `s` in which every byte that does not belong to a
 * valid UTF-8 sequence becomes U+FFFD: for text that may be cut in the middle of a character
 * (bt_error.msg) or hold a file name's raw bytes. NULL only when out of memory. */
json_t *bti_json_str_lossy(const char *s, size_t len);

/* Sets `key` of object `o` to the string `s` (NULL: json null when `nullable`, else BT_EINVAL),
 * taking a copy. 0, BT_ENOMEM, or BT_EINVAL when `s` is not valid UTF-8: the caller names the
 * record and field in its message. */
int bti_json_set_str(json_t *o, const char *key, const char *s, int nullable);

/* Sets `key` of object `o` to `v`, taking the reference (also on failure); 0, or BT_ENOMEM
 * when `v` is NULL (a constructor that failed) or the set failed. */
int bti_json_set(json_t *o, const char *key, json_t *v);

#endif
