/* html_charset.c: an HTML page's bytes to UTF-8 before parsing, so that the tree holds the
 * right letters whatever the page was saved in (Windows-1258, TCVN3, VNI, UTF-16).
 *
 * Order, as browsers do: the declared charset (HTTP header or crawler field), a BOM, a
 * <meta charset> or http-equiv Content-Type in the first kilobytes, then detection. Bytes that
 * are valid UTF-8 with non-ASCII letters are taken as UTF-8 whatever the declaration says:
 * legacy text is practically never valid UTF-8, while pages mislabelled "iso-8859-1" that
 * are really UTF-8 are common. */
#include "extract/html_internal.h"

#include "bantin/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PRESCAN 8192

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static const char *find_ci(const char *s, const char *end, const char *needle)
{
    size_t n = strlen(needle);
    for (; s + n <= end; s++) {
        size_t i = 0;
        while (i < n && lower((unsigned char)s[i]) == needle[i])
            i++;
        if (i == n)
            return s;
    }
    return NULL;
}

/* The charset named by a <meta> in the first PRESCAN bytes, copied into name. */
static int meta_charset(const char *in, size_t len, char *name, size_t cap)
{
    const char *end = in + (len < PRESCAN ? len : PRESCAN);
    const char *p = in;
    while ((p = find_ci(p, end, "<meta")) != NULL) {
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt)
            return 0;
        const char *cs = find_ci(p, gt, "charset");
        if (cs) {
            cs += 7;
            while (cs < gt && (*cs == ' ' || *cs == '='))
                cs++;
            while (cs < gt && (*cs == '"' || *cs == '\''))
                cs++;
            size_t n = 0;
            while (cs < gt && n + 1 < cap && *cs != '"' && *cs != '\'' && *cs != ';' &&
                   *cs != ' ' && *cs != '/' && *cs != '>')
                name[n++] = *cs++;
            name[n] = '\0';
            if (n)
                return 1;
        }
        p = gt;
    }
    return 0;
}

int bti_html_to_utf8(const char *in, size_t len, const char *declared, char **out,
                    size_t *outlen, const char *origin, bt_error *err)
{
    const unsigned char *u = (const unsigned char *)in;
    *out = NULL;
    *outlen = len;
    bt_charset cs = BT_CS_UNKNOWN;
    int bom8 = len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        cs = u[0] == 0xFF ? BT_CS_UTF16LE : BT_CS_UTF16BE;
    else if (bom8)
        cs = BT_CS_UTF8;
    else if (declared && declared[0])
        cs = bt_charset_from_name(declared);
    /* the name of a charset without a table of ours, the declared one first */
    char name[48] = "";
    if (cs == BT_CS_UNKNOWN && declared && declared[0])
        snprintf(name, sizeof name, "%s", declared);
    char meta[48];
    if (cs == BT_CS_UNKNOWN && meta_charset(in, len, meta, sizeof meta)) {
        cs = bt_charset_from_name(meta);
        if (cs == BT_CS_UNKNOWN && !name[0])
            memcpy(name, meta, sizeof name);
    }
    /* valid UTF-8 (ASCII included: the same in every charset we know) is used as it is */
    if (cs != BT_CS_UTF16LE && cs != BT_CS_UTF16BE && !bom8 && bt_utf8_valid(in, len, NULL))
        return 0;
    /* a charset named but not one of decode.c's tables: the C library's (decode_named.c) */
    if (cs == BT_CS_UNKNOWN && name[0]) {
        bt_error nerr;
        int r = bt_decode_named(in, len, name, BT_DECODE_LENIENT, out, outlen, &nerr);
        if (r == BT_ENOMEM)
            return bt_error_set(err, r, "%s: %s", origin, nerr.msg);
        if (r == 0)
            return 0; /* else no such charset: detected as an undeclared page */
    }
    bt_error derr;
    bt_charset used;
    int rc = bt_decode(in, len, cs, BT_DECODE_LENIENT, out, outlen, &used, &derr);
    if (rc)
        return bt_error_set(err, rc, "%s: %s", origin, derr.msg);
    return 0;
}
