/* decode.c: bytes in a declared or detected charset to UTF-8 NFC (bt_decode).
 * UTF-8 and UTF-16 are handled here; the legacy Vietnamese charsets go through glibc iconv
 * or bantin's own tables where iconv has none. */
#include "bantin/text.h"
#include "core/buf.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const names[BT_CS_COUNT] = {
    [BT_CS_UNKNOWN] = "unknown", [BT_CS_UTF8] = "utf-8",     [BT_CS_UTF16LE] = "utf-16le",
    [BT_CS_UTF16BE] = "utf-16be", [BT_CS_CP1258] = "windows-1258", [BT_CS_VISCII] = "viscii",
    [BT_CS_TCVN3] = "tcvn3",      [BT_CS_VNI] = "vni-windows",  [BT_CS_CP1252] = "windows-1252",
};

const char *bt_charset_name(bt_charset cs)
{
    return cs >= 0 && cs < BT_CS_COUNT ? names[cs] : "unknown";
}

bt_charset bt_charset_from_name(const char *name)
{
    static const struct { const char *alias; bt_charset cs; } aliases[] = {
        {"utf8", BT_CS_UTF8},        {"unicode11utf8", BT_CS_UTF8}, {"utf16le", BT_CS_UTF16LE},
        {"utf16be", BT_CS_UTF16BE},  {"utf16", BT_CS_UTF16LE},      {"windows1258", BT_CS_CP1258},
        {"cp1258", BT_CS_CP1258},    {"xcp1258", BT_CS_CP1258},     {"viscii", BT_CS_VISCII},
        {"csviscii", BT_CS_VISCII},  {"tcvn", BT_CS_TCVN3},         {"tcvn3", BT_CS_TCVN3},
        {"tcvn5712", BT_CS_TCVN3},   {"tcvn57121", BT_CS_TCVN3},    {"vni", BT_CS_VNI},
        {"vniwindows", BT_CS_VNI},   {"xvietvni", BT_CS_VNI},       {"windows1252", BT_CS_CP1252},
        {"cp1252", BT_CS_CP1252},    {"iso88591", BT_CS_CP1252},    {"latin1", BT_CS_CP1252},
        {"usascii", BT_CS_UTF8},     {"ascii", BT_CS_UTF8},
    };
    char key[32];
    size_t n = 0;
    if (!name)
        return BT_CS_UNKNOWN;
    for (const char *p = name; *p && n + 1 < sizeof key; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            key[n++] = c;
    }
    key[n] = '\0';
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(key, aliases[i].alias) == 0)
            return aliases[i].cs;
    return BT_CS_UNKNOWN;
}

bt_charset bt_charset_detect(const char *bytes, size_t len)
{
    const unsigned char *p = (const unsigned char *)bytes;
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return BT_CS_UTF8;
    if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
        return BT_CS_UTF16LE;
    if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
        return BT_CS_UTF16BE;
    if (bt_utf8_valid(bytes, len, NULL))
        return BT_CS_UTF8;
    return BT_CS_CP1258;
}

static int via_iconv(const char *from, const char *in, size_t len, bt_buf *out, bt_error *err)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return bt_error_set(err, BT_EUNSUPPORTED, "charset %s is not available", from);
    char *ip = (char *)in;
    size_t il = len;
    while (il > 0) {
        if (bt_buf_grow(out, il * 4 + 16)) {
            iconv_close(cd);
            return bt_error_set(err, BT_ENOMEM, "out of memory decoding %s", from);
        }
        char *op = out->data + out->len;
        size_t ol = out->cap - out->len - 1;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        out->len = (size_t)(op - out->data);
        out->data[out->len] = '\0';
        if (r == (size_t)-1) {
            if (bt_buf_adds(out, "\xEF\xBF\xBD")) {
                iconv_close(cd);
                return BT_ENOMEM;
            }
            ip++; /* skip the byte iconv cannot map */
            il--;
        }
    }
    iconv_close(cd);
    return 0;
}

int bt_decode(const char *in, size_t len, bt_charset declared, unsigned flags, char **out,
              size_t *outlen, bt_charset *used, bt_error *err)
{
    const unsigned char *p = (const unsigned char *)in;
    bt_charset cs = declared;
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        cs = BT_CS_UTF8;
        in += 3;
        len -= 3;
    } else if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        cs = p[0] == 0xFF ? BT_CS_UTF16LE : BT_CS_UTF16BE;
        in += 2;
        len -= 2;
    } else if (cs == BT_CS_UNKNOWN)
        cs = bt_charset_detect(in, len);
    else if (cs == BT_CS_UTF8 && !(flags & BT_DECODE_TRUST) && !bt_utf8_valid(in, len, NULL))
        cs = bt_charset_detect(in, len);

    bt_buf raw = BT_BUF_INIT;
    const char *src = in;
    size_t srclen = len;
    if (cs == BT_CS_UTF8) {
        size_t bad;
        if (!bt_utf8_valid(in, len, &bad) && !(flags & BT_DECODE_LENIENT))
            return bt_error_set(err, BT_EPARSE, "invalid UTF-8 at byte %zu", bad);
    } else {
        static const char *const iconv_names[BT_CS_COUNT] = {
            [BT_CS_UTF16LE] = "UTF-16LE", [BT_CS_UTF16BE] = "UTF-16BE",
            [BT_CS_CP1258] = "CP1258",    [BT_CS_VISCII] = "VISCII",
            [BT_CS_TCVN3] = "TCVN5712-1", [BT_CS_CP1252] = "CP1252",
        };
        if (!iconv_names[cs])
            return bt_error_set(err, BT_EUNSUPPORTED, "charset %s is not supported yet",
                                bt_charset_name(cs));
        int rc = via_iconv(iconv_names[cs], in, len, &raw, err);
        if (rc) {
            bt_buf_free(&raw);
            return rc;
        }
        src = raw.data ? raw.data : "";
        srclen = raw.len;
    }
    size_t n;
    char *s = bt_normalize(src, srclen, 0, &n);
    bt_buf_free(&raw);
    if (!s)
        return bt_error_set(err, BT_ENOMEM, "out of memory decoding %zu bytes", len);
    *out = s;
    if (outlen)
        *outlen = n;
    if (used)
        *used = cs;
    return 0;
}
