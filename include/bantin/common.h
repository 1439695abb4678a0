/* bantin/common.h: errors, status codes and the version: what every stage's API shares.
 *
 * The error rule, for every fallible public call: it returns `int`, 0 on success or a
 * negative BT_E* code on failure, and fills the caller's bt_error (which may be NULL) with a
 * message naming the file, record or field; results go through out-parameters, which hold
 * NULL (or 0) after a failure. Predicates that cannot fail (bt_utf8_valid, bt_sniff_kind)
 * answer directly; constructors without arguments to check (bt_article_new,
 * bt_site_model_new) return the object or NULL when out of memory.
 *
 * Depends on nothing but the C library. Thread safety: bt_error is a plain value; every
 * function here is safe to call from many threads. */
#ifndef BANTIN_COMMON_H
#define BANTIN_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* BT_API marks each public function: libbantin is compiled with -fvisibility=hidden, so that
 * libbantin.so exports these and nothing else (its ABI is what include/ declares). */
#if defined(__GNUC__) && __GNUC__ >= 4
#define BT_API __attribute__((visibility("default")))
#else
#define BT_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes. Every fallible call returns 0 (BT_OK) or one of these negatives, and fills the
 * caller's bt_error (when not NULL) with a message that names the file, record or field. */
enum {
    BT_OK = 0,
    BT_EINVAL = -1,       /* bad argument or bad input value */
    BT_ENOMEM = -2,       /* out of memory */
    BT_EIO = -3,          /* reading or writing failed */
    BT_EPARSE = -4,       /* input is malformed (bad JSON, bad WARC, invalid UTF-8 in strict mode) */
    BT_ENOARTICLE = -5,   /* the input holds no article */
    BT_EUNSUPPORTED = -6, /* a format, charset or feature that is not supported */
    BT_EDB = -7,          /* the database refused (SQLite error) */
    BT_ENOTFOUND = -8,    /* no such id, file or record */
    BT_ELIMIT = -9,       /* an input exceeds a configured limit (size, depth) */
    BT_EEXIST = -10       /* already there */
};

/* An error report. `msg` is a complete sentence fragment ready to print after "bantin: ". */
typedef struct bt_error {
    int code;
    char msg[256];
} bt_error;

/* Fills `err` (when not NULL) with `code` and a printf-style message; returns `code` so that
 * callers can write `return bt_error_set(err, BT_EIO, "%s: %s", path, strerror(errno));`. */
BT_API int bt_error_set(bt_error *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Clears `err` to BT_OK and an empty message. */
BT_API void bt_error_clear(bt_error *err);

/* A short English name of a status code ("out of memory"). Never NULL. */
BT_API const char *bt_strerror(int code);

/* The library's version, "MAJOR.MINOR.PATCH". */
BT_API const char *bt_version(void);

/* ---- JSON ------------------------------------------------------------------------------- */
/* The library writes every JSON object a client prints (bt_article_to_json,
 * bt_search_results_to_json, bt_store_stats_to_json, bt_error_to_json), so that the CLI, the
 * server and the Python binding emit the same bytes: UTF-8 as is (not escaped to ASCII), control
 * characters, quotes and backslashes escaped, keys in a fixed documented order, no trailing
 * newline. */

/* Flags of the JSON writers. Compact (no spaces) without BT_JSON_PRETTY. */
#define BT_JSON_PRETTY 0x1u /* indented by two spaces, one member per line */

/* The error object of `e` for a client's JSON error mode (`--format json`, the server's error
 * replies), into *out (malloc'ed, owned by the caller; no trailing newline), compact:
 *   {"error":{"code":"EINVAL","message":"...","file":"a.html","record":"a.warc@1234"}}
 * `code` is the status code's name without the BT_ prefix ("ENOMEM", "EPARSE"; "OK" for 0),
 * or the number itself for a code this version does not know. `message` is e->msg; a byte of
 * it that is not valid UTF-8 (a message cut short within a character, a file name's raw bytes)
 * becomes U+FFFD, as in `file` and `record`, which are null when NULL. Returns 0, BT_EINVAL (e
 * or out NULL) or BT_ENOMEM; *out is NULL on failure. Thread-safe. */
BT_API int bt_error_to_json(const bt_error *e, const char *file, const char *record, char **out);

#define BT_VERSION_MAJOR 0
#define BT_VERSION_MINOR 1
#define BT_VERSION_PATCH 0

#ifdef __cplusplus
}
#endif
#endif
