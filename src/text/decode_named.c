/* decode_named.c: bytes in a charset bantin has no table for (GBK, Shift_JIS, EUC-KR, Big5,
 * KOI8-R, Windows-1251, ISO-8859-2 ...) to UTF-8 NFC, through glibc's iconv.
 *
 * decode.c's tables cover what detection must try cheaply (the Vietnamese legacy charsets,
 * Windows-1252, UTF-8 and UTF-16). A page that names another charset in its <meta>, or a
 * capture whose crawler recorded one, would otherwise be read as Windows-1252: every
 * Chinese, Japanese, Korean or Cyrillic letter turned into two or three Latin ones. The C
 * library knows those charsets; it is used for them alone, only when the name is declared
 * (nothing is guessed), and only when the bytes are not UTF-8 already (pages mislabelled
 * with a legacy name over UTF-8 text are common: decode.c keeps them as they are). */
#include "bantin/text.h"
#include "core/buf.h"
#include "text/alloc.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* WHATWG_SUPERSET: as browsers do (the Encoding Standard's labels), a name is read with
 * the charset that contains it: pages labelled gb2312 are written in GBK, Shift_JIS pages
 * use Windows-31J's extra characters, EUC-KR pages Windows-949's. The others go to iconv as
 * named. */
static const char *superset(const char *name)
{
    static const char *const map[][2] = {
        {"gb2312", "GBK"},       {"gb_2312-80", "GBK"},  {"x-gbk", "GBK"},
        {"chinese", "GBK"},      {"csgb2312", "GBK"},    {"shift_jis", "CP932"},
        {"shift-jis", "CP932"},  {"sjis", "CP932"},      {"x-sjis", "CP932"},
        {"ms_kanji", "CP932"},   {"windows-31j", "CP932"}, {"euc-kr", "CP949"},
        {"ks_c_5601-1987", "CP949"}, {"big5", "BIG5-HKSCS"}, {"x-x-big5", "BIG5-HKSCS"},
        {"iso-8859-9", "CP1254"}, {"latin5", "CP1254"},  {"tis-620", "CP874"},
        {"iso-8859-11", "CP874"}, {"windows-874", "CP874"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcasecmp(name, map[i][0]))
            return map[i][1];
    return name;
}

/* NAME_MAX_LEN: a charset name longer than this is no name (a <meta> cut mid-attribute). */
#define NAME_MAX_LEN 40

int bt_decode_named(const char *in, size_t len, const char *name, unsigned flags, char **out,
                    size_t *outlen, bt_error *err)
{
    *out = NULL;
    if (!name || !name[0] || strlen(name) > NAME_MAX_LEN)
        return bt_error_set(err, BT_EUNSUPPORTED, "decode: no charset is named '%.48s'",
                            name ? name : "");
    iconv_t cd = iconv_open("UTF-8", superset(name));
    if (cd == (iconv_t)-1)
        return bt_error_set(err, BT_EUNSUPPORTED, "decode: unknown charset '%s'", name);
    if (!in)
        in = "";
    bti_buf b = BTI_BUF_INIT;
    /* OUT_GUESS: two bytes of GBK or Shift_JIS give three of UTF-8, one of KOI8-R two; the
     * buffer grows when a text needs more (E2BIG), rather than being sized for the worst
     * case (four bytes a byte: 256 MB for a page at the 64 MB limit) */
    int rc = len > SIZE_MAX / 2 - 64 ? BT_ENOMEM : bti_buf_grow(&b, len + len / 2 + 64);
    char *ip = (char *)in;
    size_t il = len;
    while (!rc && il) {
        char *op = b.data + b.len;
        size_t ol = b.cap - b.len - 1;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        b.len = (size_t)(op - b.data);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            rc = bti_buf_grow(&b, b.cap); /* OUT_GUESS: doubled */
            continue;
        }
        /* EILSEQ or EINVAL (cut at the end): one bad byte becomes U+FFFD, as bt_decode's
         * lenient mode does, and the conversion starts again after it */
        if (!(flags & BT_DECODE_LENIENT)) {
            rc = bt_error_set(err, BT_EPARSE, "invalid %s at byte %zu", name,
                              (size_t)(ip - in));
            break;
        }
        rc = bti_buf_add(&b, "\xEF\xBF\xBD", 3);
        ip++;
        il--;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    if (!rc) {
        b.data[b.len] = '\0';
        *out = bti_normalize(b.data, b.len, 0, outlen);
        if (!*out)
            rc = BT_ENOMEM;
    }
    bti_buf_free(&b);
    if (rc == BT_ENOMEM)
        bt_error_set(err, rc, "decode: out of memory");
    return rc;
}
