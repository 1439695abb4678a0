/* charset.c: charset names and detection (bt_charset_from_name, bt_charset_detect).
 *
 * Detection decodes a sample with every candidate and keeps the one whose text reads most
 * like Vietnamese (vn.c's syllable parse): the legacy encodings share the byte range
 * 0x80..0xFF, so only the decoded words tell them apart. */
#include "text/charset.h"
#include "text/alloc.h"
#include "text/text_internal.h"
#include "text/utf8.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[BT_CS_COUNT] = {
    [BT_CS_UNKNOWN] = "unknown",  [BT_CS_UTF8] = "utf-8",          [BT_CS_UTF16LE] = "utf-16le",
    [BT_CS_UTF16BE] = "utf-16be", [BT_CS_CP1258] = "windows-1258", [BT_CS_VISCII] = "viscii",
    [BT_CS_TCVN3] = "tcvn3",      [BT_CS_VNI] = "vni-windows",     [BT_CS_CP1252] = "windows-1252",
};

const char *bt_charset_name(bt_charset cs)
{
    return (int)cs >= 0 && cs < BT_CS_COUNT ? names[cs] : "unknown";
}

bt_charset bt_charset_from_name(const char *name)
{
    static const struct {
        const char *alias;
        bt_charset cs;
    } aliases[] = {
        {"utf8", BT_CS_UTF8},           {"unicode11utf8", BT_CS_UTF8}, {"usascii", BT_CS_UTF8},
        {"ascii", BT_CS_UTF8},          {"utf16le", BT_CS_UTF16LE},    {"utf16", BT_CS_UTF16LE},
        {"unicode", BT_CS_UTF16LE},     {"utf16be", BT_CS_UTF16BE},    {"unicodefffe", BT_CS_UTF16BE},
        {"windows1258", BT_CS_CP1258},  {"cp1258", BT_CS_CP1258},      {"xcp1258", BT_CS_CP1258},
        {"viscii", BT_CS_VISCII},       {"csviscii", BT_CS_VISCII},    {"viscii111", BT_CS_VISCII},
        {"tcvn", BT_CS_TCVN3},          {"tcvn3", BT_CS_TCVN3},        {"tcvn5712", BT_CS_TCVN3},
        {"tcvn57121", BT_CS_TCVN3},     {"tcvn571211993", BT_CS_TCVN3}, {"vscii", BT_CS_TCVN3},
        {"xviettcvn", BT_CS_TCVN3},     {"xviettcvn5712", BT_CS_TCVN3}, {"vntime", BT_CS_TCVN3},
        {"abc", BT_CS_TCVN3},           {"vni", BT_CS_VNI},            {"vniwindows", BT_CS_VNI},
        {"vniwin", BT_CS_VNI},          {"xvietvni", BT_CS_VNI},       {"windows1252", BT_CS_CP1252},
        {"cp1252", BT_CS_CP1252},       {"iso88591", BT_CS_CP1252},    {"latin1", BT_CS_CP1252},
        {"l1", BT_CS_CP1252},           {"cp819", BT_CS_CP1252},       {"iso885915", BT_CS_CP1252},
    };
    char key[40];
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

bt_charset bti_charset_bom(const char *bytes, size_t len, size_t *bomlen)
{
    const unsigned char *p = (const unsigned char *)bytes;
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        *bomlen = 3;
        return BT_CS_UTF8;
    }
    if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        *bomlen = 2;
        return BT_CS_UTF16LE;
    }
    if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        *bomlen = 2;
        return BT_CS_UTF16BE;
    }
    *bomlen = 0;
    return BT_CS_UNKNOWN;
}

long bti_vn_weigh(const bti_vn_score_t *s)
{
    return 2 * s->valid - 30 * s->invalid - 20 * s->junk;
}

/* Enough text to tell the charsets apart, cut at a space so no sequence is split. */
static size_t sample_len(const char *b, size_t len)
{
    enum { SAMPLE = 64 * 1024 };
    if (len <= SAMPLE)
        return len;
    size_t n = SAMPLE;
    while (n > SAMPLE - 256 && b[n] != ' ' && b[n] != '\n')
        n--;
    return n;
}

bt_charset bti_charset_guess(const char *bytes, size_t len, int utf8_candidate, long *margin)
{
    static const bt_charset legacy[] = {BT_CS_CP1258, BT_CS_VNI, BT_CS_TCVN3, BT_CS_VISCII};
    size_t n = sample_len(bytes, len);
    if (utf8_candidate) {
        /* Mostly well-formed multi-byte sequences with a few bad bytes is damaged UTF-8,
         * whatever the language: legacy text makes a valid sequence only by accident. */
        const uint8_t *p = (const uint8_t *)bytes, *end = p + n;
        long good = 0, bad = 0;
        while (p < end) {
            if (*p < 0x80) {
                p++;
                continue;
            }
            int32_t c;
            p += bti_utf8_next(p, end, &c);
            if (c < 0)
                bad++;
            else
                good++;
        }
        if (good > 2 * bad) {
            if (margin)
                *margin = LONG_MAX;
            return BT_CS_UTF8;
        }
    }
    enum { NLEG = sizeof legacy / sizeof legacy[0] };
    bt_charset cands[NLEG + 1];
    bti_vn_score_t scores[NLEG + 1];
    long w[NLEG + 1];
    size_t nc = 0;
    for (size_t i = 0; i < NLEG + 1; i++) {
        bt_charset cs = i < NLEG ? legacy[i] : BT_CS_UTF8;
        if (cs == BT_CS_UTF8 && !utf8_candidate)
            continue;
        bti_buf out = BTI_BUF_INIT;
        char *nfc = NULL;
        size_t nfclen = 0;
        if (!bti_decode_raw(bytes, n, cs, 1, &out, NULL))
            nfc = bti_normalize(out.data ? out.data : "", out.len, 0, &nfclen);
        bti_buf_free(&out);
        if (nfc)
            bti_vn_score(nfc, nfclen, &scores[nc]);
        else
            memset(&scores[nc], 0, sizeof scores[nc]); /* out of memory: cannot win */
        free(nfc);
        cands[nc] = cs;
        w[nc] = bti_vn_weigh(&scores[nc]);
        nc++;
    }
    size_t bi = 0;
    for (size_t i = 1; i < nc; i++)
        if (w[i] > w[bi])
            bi = i;
    long second_w = LONG_MIN;
    for (size_t i = 0; i < nc; i++)
        if (i != bi && w[i] > second_w)
            second_w = w[i];
    bt_charset best = cands[bi];
    long best_w = w[bi];
    bti_vn_score_t best_s = scores[bi];
    if (margin)
        *margin = second_w == LONG_MIN ? LONG_MAX : best_w - second_w;
    /* Not Vietnamese in any legacy reading: Western European text. */
    if (best_s.valid == 0 || best_s.valid < 10 * best_s.invalid)
        return BT_CS_CP1252;
    return best;
}

bt_charset bt_charset_detect(const char *bytes, size_t len)
{
    if (!bytes)
        bytes = "";
    size_t bom;
    bt_charset cs = bti_charset_bom(bytes, len, &bom);
    if (cs != BT_CS_UNKNOWN)
        return cs;
    if (bt_utf8_valid(bytes, len, NULL))
        return BT_CS_UTF8;
    return bti_charset_guess(bytes, len, 1, NULL);
}

/* The name after `key` (case-insensitive, its first occurrence), optional blanks, '=' and a
 * quote, into name[cap]; its length, 0 when none. */
static size_t value_after(const char *b, size_t len, const char *key, char *name, size_t cap)
{
    size_t kl = strlen(key);
    for (size_t i = 0; i + kl < len; i++) {
        size_t k = 0;
        while (k < kl && (b[i + k] | 0x20) == key[k])
            k++;
        if (k < kl)
            continue;
        size_t j = i + kl;
        while (j < len && (b[j] == ' ' || b[j] == '\t'))
            j++;
        if (j >= len || b[j] != '=')
            continue;
        j++;
        while (j < len && (b[j] == ' ' || b[j] == '\t' || b[j] == '"' || b[j] == '\''))
            j++;
        size_t n = 0;
        while (j < len && n + 1 < cap &&
               ((b[j] >= 'a' && b[j] <= 'z') || (b[j] >= 'A' && b[j] <= 'Z') ||
                (b[j] >= '0' && b[j] <= '9') || b[j] == '-' || b[j] == '_' || b[j] == '.' ||
                b[j] == ':'))
            name[n++] = b[j++];
        name[n] = '\0';
        return n;
    }
    if (cap)
        name[0] = '\0';
    return 0;
}

/* DECLARED_BYTES: a declaration stands in a document's head (bt_charset_declared) */
#define DECLARED_BYTES 4096

size_t bt_charset_declared_name(const char *bytes, size_t len, char *name, size_t cap)
{
    if (!name || !cap)
        return 0;
    name[0] = '\0';
    if (!bytes)
        return 0;
    if (len > DECLARED_BYTES)
        len = DECLARED_BYTES;
    size_t n = value_after(bytes, len, "charset", name, cap);
    return n ? n : value_after(bytes, len, "encoding", name, cap);
}

bt_charset bt_charset_declared(const char *bytes, size_t len)
{
    if (!bytes)
        return BT_CS_UNKNOWN;
    if (len > DECLARED_BYTES)
        len = DECLARED_BYTES;
    char name[40];
    bt_charset cs = BT_CS_UNKNOWN;
    if (value_after(bytes, len, "charset", name, sizeof name))
        cs = bt_charset_from_name(name);
    if (cs == BT_CS_UNKNOWN && value_after(bytes, len, "encoding", name, sizeof name))
        cs = bt_charset_from_name(name);
    return cs;
}
