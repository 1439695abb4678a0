/* error.c: filling bt_error and naming status codes. */
#include "bantin/common.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int bt_error_set(bt_error *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        err->code = code;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return code;
}

void bt_error_clear(bt_error *err)
{
    if (err) {
        err->code = BT_OK;
        err->msg[0] = '\0';
    }
}

const char *bt_strerror(int code)
{
    switch (code) {
    case BT_OK: return "ok";
    case BT_EINVAL: return "invalid argument";
    case BT_ENOMEM: return "out of memory";
    case BT_EIO: return "input/output error";
    case BT_EPARSE: return "malformed input";
    case BT_ENOARTICLE: return "no article found";
    case BT_EUNSUPPORTED: return "not supported";
    case BT_EDB: return "database error";
    case BT_ENOTFOUND: return "not found";
    case BT_ELIMIT: return "limit exceeded";
    case BT_EEXIST: return "already exists";
    default: return "unknown error";
    }
}

#define BTI_STR2(x) #x
#define BTI_STR(x) BTI_STR2(x)

const char *bt_version(void)
{
    return BTI_STR(BT_VERSION_MAJOR) "." BTI_STR(BT_VERSION_MINOR) "." BTI_STR(BT_VERSION_PATCH);
}
