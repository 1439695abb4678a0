/* error_json.c: a bt_error as the JSON error object clients print in their JSON mode. */
#include "bantin/common.h"
#include "core/json.h"

#include <string.h>

/* The code's name as the header's enum spells it, so that scripts can match on it. */
static const char *code_name(int code)
{
    switch (code) {
    case BT_OK: return "OK";
    case BT_EINVAL: return "EINVAL";
    case BT_ENOMEM: return "ENOMEM";
    case BT_EIO: return "EIO";
    case BT_EPARSE: return "EPARSE";
    case BT_ENOARTICLE: return "ENOARTICLE";
    case BT_EUNSUPPORTED: return "EUNSUPPORTED";
    case BT_EDB: return "EDB";
    case BT_ENOTFOUND: return "ENOTFOUND";
    case BT_ELIMIT: return "ELIMIT";
    case BT_EEXIST: return "EEXIST";
    default: return NULL;
    }
}

static json_t *lossy_or_null(const char *s)
{
    return s ? bti_json_str_lossy(s, strlen(s)) : json_null();
}

int bt_error_to_json(const bt_error *e, const char *file, const char *record, char **out)
{
    if (out)
        *out = NULL;
    if (!e || !out)
        return BT_EINVAL;
    json_t *root = json_object(), *o = json_object();
    const char *name = code_name(e->code);
    int rc = root && o ? 0 : BT_ENOMEM;
    if (!rc)
        rc = bti_json_set(o, "code", name ? json_string(name) : json_integer(e->code));
    if (!rc) /* msg may lack its NUL when the caller filled it by hand */
        rc = bti_json_set(o, "message", bti_json_str_lossy(e->msg, strnlen(e->msg, sizeof e->msg)));
    if (!rc)
        rc = bti_json_set(o, "file", lossy_or_null(file));
    if (!rc)
        rc = bti_json_set(o, "record", lossy_or_null(record));
    if (!rc) {
        rc = bti_json_set(root, "error", o);
        o = NULL; /* taken by root, also on failure */
    }
    if (!rc)
        rc = bti_json_dump(root, 0, out);
    json_decref(o);
    json_decref(root);
    return rc;
}
