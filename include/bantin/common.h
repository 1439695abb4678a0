/* bantin/common.h: errors, status codes and the version: what every stage's API shares. */
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

#define BT_VERSION_MAJOR 0
#define BT_VERSION_MINOR 1
#define BT_VERSION_PATCH 0

#ifdef __cplusplus
}
#endif
#endif
