/* test_text_decode.c: charsets: each legacy charset round-trips text written here (fixtures
 * made at test time with iconv, and with the test's own encoder for VNI, which iconv lacks),
 * detection picks the right one, wrong declarations are overridden, invalid UTF-8 of every
 * class is reported at its byte offset or replaced, names map both ways. */
#include "support.h"

#include "bantin.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* News-like Vietnamese with every tone and every modified vowel. */
static const char *const VN =
    "Chiều 2/9, hàng nghìn người dân Thủ đô đã đến viếng Chủ tịch Hồ Chí Minh. "
    "Theo Bộ Y tế, trong ngày có thêm 3.000 ca mắc mới; các tỉnh phía Nam vẫn được yêu cầu "
    "giữ nghiêm giãn cách. Ông Nguyễn Văn Thưởng cho biết quỹ hỗ trợ sẽ được chuyển tới "
    "người lao động trước ngày 15/10. Giá xăng giảm nhẹ, thị trường chứng khoán khởi sắc, "
    "nhiều doanh nghiệp kỳ vọng phục hồi. Đoàn đại biểu Quốc hội làm việc tại Đà Nẵng.";

/* The same with capitals only where TCVN3 (VN3) has them: it has no capitals with tones,
 * .VnTime documents set those in the .VnTimeH font with the lowercase codes. */
static const char *const VN_TCVN3 =
    "chiều 2/9, hàng nghìn người dân thủ đô đã đến viếng chủ tịch hồ chí minh. "
    "theo bộ y tế, trong ngày có thêm 3.000 ca mắc mới; các tỉnh phía Nam vẫn được yêu cầu "
    "giữ nghiêm giãn cách. Ông Nguyễn Văn Thưởng cho biết quỹ hỗ trợ sẽ được chuyển tới "
    "người lao động trước ngày 15/10. Đoàn đại biểu quốc hội làm việc tại đà nẵng.";

static const char *const WESTERN =
    "Le président français a rencontré à Paris les délégués; Die Bürger Münchens wählen "
    "früh. Señor Núñez llegó ayer à l'hôtel. Ça coûte 12 € à peu près.";

static char *via_iconv(const char *to, const char *s, size_t *outlen)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t len = strlen(s), cap = 4 * len + 16;
    char *out = malloc(cap), *ip = (char *)s, *op = out;
    assert_non_null(out);
    size_t il = len, ol = cap;
    assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
    iconv_close(cd);
    *outlen = (size_t)(op - out);
    return out;
}

/* VNI-Windows encoder: an ASCII letter, then the byte of its marks (by the letter's case). */
static char *to_vni(const char *s, size_t *outlen)
{
    size_t len = strlen(s);
    unsigned char *out = malloc(3 * len + 1), *o = out;
    assert_non_null(out);
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (*p) {
        utf8proc_int32_t c, d[4];
        p += utf8proc_iterate(p, -1, &c);
        if (c < 0x80) {
            *o++ = (unsigned char)c;
            continue;
        }
        if (c == 0x111 || c == 0x110) {
            *o++ = c == 0x111 ? 0xF1 : 0xD1;
            continue;
        }
        utf8proc_ssize_t n = utf8proc_decompose_char(c, d, 4, UTF8PROC_DECOMPOSE, NULL);
        assert_true(n >= 1 && n <= 4);
        int up = d[0] >= 'A' && d[0] <= 'Z';
        int base = up ? d[0] + 32 : d[0];
        int circ = 0, breve = 0, horn = 0, tone = 0; /* tone: 1..5 = ` ' ? ~ . */
        for (utf8proc_ssize_t k = 1; k < n; k++)
            switch (d[k]) {
            case 0x302: circ = 1; break;
            case 0x306: breve = 1; break;
            case 0x31B: horn = 1; break;
            case 0x300: tone = 1; break;
            case 0x301: tone = 2; break;
            case 0x309: tone = 3; break;
            case 0x303: tone = 4; break;
            case 0x323: tone = 5; break;
            default: fail_msg("no VNI for U+%04X", (unsigned)c);
            }
        static const unsigned char tone_b[6] = {0, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF};
        static const unsigned char circ_b[6] = {0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4};
        static const unsigned char breve_b[6] = {0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB};
        static const unsigned char i_b[6] = {'i', 0xEC, 0xED, 0xE6, 0xF3, 0xF2};
        unsigned char caseoff = up ? 0x20 : 0;
        if (base == 'i') {
            *o++ = (unsigned char)(i_b[tone] - (tone ? caseoff : (up ? 0x20 : 0)));
            continue;
        }
        if (base == 'y' && tone == 5) {
            *o++ = (unsigned char)(0xEE - caseoff);
            continue;
        }
        if (horn) {
            *o++ = (unsigned char)((base == 'o' ? 0xF4 : 0xF6) - caseoff);
            if (tone)
                *o++ = (unsigned char)(tone_b[tone] - caseoff);
            continue;
        }
        *o++ = (unsigned char)(base - (up ? 0x20 : 0));
        if (circ)
            *o++ = (unsigned char)(circ_b[tone] - caseoff);
        else if (breve)
            *o++ = (unsigned char)(breve_b[tone] - caseoff);
        else if (tone)
            *o++ = (unsigned char)(tone_b[tone] - caseoff);
    }
    *o = '\0';
    *outlen = (size_t)(o - out);
    return (char *)out;
}

static void expect_decode(const char *bytes, size_t len, bt_charset declared, unsigned flags,
                          const char *want, bt_charset want_cs)
{
    char *out = NULL;
    size_t n = 0;
    bt_charset used = BT_CS_UNKNOWN;
    bt_error err;
    int rc = bt_decode(bytes, len, declared, flags, &out, &n, &used, &err);
    if (rc)
        fail_msg("decode failed: %s", err.msg);
    if (used != want_cs)
        fail_msg("decoded as %s, want %s", bt_charset_name(used), bt_charset_name(want_cs));
    assert_string_equal(out, want);
    assert_int_equal(n, strlen(want));
    free(out);
}

static void test_legacy_round_trip_and_detection(void **state)
{
    (void)state;
    static const struct {
        const char *iconv;
        bt_charset cs;
        int tcvn_text;
    } cases[] = {
        {"CP1258", BT_CS_CP1258, 0},
        {"VISCII", BT_CS_VISCII, 0},
        {"TCVN5712-1", BT_CS_TCVN3, 1},
        {"UTF-16LE", BT_CS_UTF16LE, 0},
        {"UTF-16BE", BT_CS_UTF16BE, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *text = cases[i].tcvn_text ? VN_TCVN3 : VN;
        size_t n;
        char *bytes = via_iconv(cases[i].iconv, text, &n);
        expect_decode(bytes, n, cases[i].cs, 0, text, cases[i].cs);
        if (cases[i].cs != BT_CS_UTF16LE && cases[i].cs != BT_CS_UTF16BE) {
            expect_decode(bytes, n, BT_CS_UNKNOWN, 0, text, cases[i].cs);
            assert_int_equal(bt_charset_detect(bytes, n), cases[i].cs);
            /* sentence by sentence, too: detection works on short texts */
            const char *dot = strchr(text, '.');
            char *first = strndup(text, (size_t)(dot - text + 1));
            size_t fn;
            char *fb = via_iconv(cases[i].iconv, first, &fn);
            assert_int_equal(bt_charset_detect(fb, fn), cases[i].cs);
            free(fb);
            free(first);
        }
        free(bytes);
    }
    /* UTF-16 with a BOM is recognised without a declaration */
    size_t n;
    char *u16 = via_iconv("UTF-16LE", VN, &n);
    char *bom = malloc(n + 2);
    memcpy(bom, "\xff\xfe", 2);
    memcpy(bom + 2, u16, n);
    expect_decode(bom, n + 2, BT_CS_UNKNOWN, 0, VN, BT_CS_UTF16LE);
    expect_decode(bom, n + 2, BT_CS_CP1258, 0, VN, BT_CS_UTF16LE); /* a BOM beats a header */
    free(bom);
    free(u16);
    u16 = via_iconv("UTF-16BE", "Việt", &n);
    bom = malloc(n + 2);
    memcpy(bom, "\xfe\xff", 2);
    memcpy(bom + 2, u16, n);
    expect_decode(bom, n + 2, BT_CS_UNKNOWN, 0, "Việt", BT_CS_UTF16BE);
    free(bom);
    free(u16);
}

static void test_vni(void **state)
{
    (void)state;
    size_t n;
    char *v = to_vni("Việt Nam", &n);
    assert_string_equal(v, "Vie\xe4t Nam"); /* the textbook example: e + â-dot byte */
    free(v);
    v = to_vni(VN, &n);
    expect_decode(v, n, BT_CS_VNI, 0, VN, BT_CS_VNI);
    expect_decode(v, n, BT_CS_UNKNOWN, 0, VN, BT_CS_VNI);
    /* declared Windows-1252, as VNI pages usually were: the bytes win */
    expect_decode(v, n, BT_CS_CP1252, 0, VN, BT_CS_VNI);
    free(v);
    /* every tone on every vowel, both cases */
    const char *all = "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ "
                      "uùúủũụ ưừứửữự yỳýỷỹỵ đ AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ IÌÍỈĨỊ "
                      "OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ Đ";
    v = to_vni(all, &n);
    expect_decode(v, n, BT_CS_VNI, 0, all, BT_CS_VNI);
    free(v);
}

static void test_wrong_declarations(void **state)
{
    (void)state;
    size_t n;
    /* a page declared UTF-8 whose bytes are Windows-1258 */
    char *b = via_iconv("CP1258", VN, &n);
    expect_decode(b, n, BT_CS_UTF8, 0, VN, BT_CS_CP1258);
    free(b);
    /* .VnTime text served as ISO-8859-1 */
    b = via_iconv("TCVN5712-1", VN_TCVN3, &n);
    expect_decode(b, n, bt_charset_from_name("ISO-8859-1"), 0, VN_TCVN3, BT_CS_TCVN3);
    free(b);
    /* UTF-8 behind a legacy header */
    expect_decode(VN, strlen(VN), BT_CS_CP1258, 0, VN, BT_CS_UTF8);
    /* TRUST keeps the declaration even when it is wrong */
    char *out;
    bt_charset used;
    assert_int_equal(bt_decode(VN, strlen(VN), BT_CS_CP1252, BT_DECODE_TRUST, &out, NULL, &used, NULL), 0);
    assert_int_equal(used, BT_CS_CP1252);
    assert_non_null(strstr(out, "Ã")); /* mojibake, as asked */
    free(out);
    /* Western European text stays Windows-1252 */
    b = via_iconv("CP1252", WESTERN, &n);
    expect_decode(b, n, BT_CS_UNKNOWN, 0, WESTERN, BT_CS_CP1252);
    expect_decode(b, n, BT_CS_CP1252, 0, WESTERN, BT_CS_CP1252);
    free(b);
    /* English UTF-8 with curly quotes and one Latin-1 byte: damaged UTF-8, not Windows-1252 */
    const char *en = "The \xe2\x80\x9cquick\xe2\x80\x9d fox \xe2\x80\x93 caf\xe9 \xe2\x80\x94 jumps.";
    assert_int_equal(bt_decode(en, strlen(en), BT_CS_UTF8, BT_DECODE_LENIENT, &out, NULL, &used, NULL), 0);
    assert_int_equal(used, BT_CS_UTF8);
    assert_string_equal(out, "The “quick” fox – caf\xef\xbf\xbd — jumps.");
    free(out);
    /* UTF-8 with one stray byte is still UTF-8: strict fails at the byte, lenient repairs */
    size_t len = strlen(VN);
    char *bad = malloc(len + 2);
    memcpy(bad, VN, 20);
    bad[20] = (char)0xFF;
    memcpy(bad + 21, VN + 20, len - 20 + 1);
    bt_error err;
    assert_int_equal(bt_decode(bad, len + 1, BT_CS_UTF8, 0, &out, NULL, NULL, &err), BT_EPARSE);
    assert_non_null(strstr(err.msg, "byte 20"));
    assert_int_equal(bt_decode(bad, len + 1, BT_CS_UTF8, BT_DECODE_LENIENT, &out, NULL, &used, &err), 0);
    assert_int_equal(used, BT_CS_UTF8);
    assert_memory_equal(out + 20, "\xef\xbf\xbd", 3);
    free(out);
    free(bad);
}

static void test_mojibake_repaired(void **state)
{
    (void)state;
    /* VN's UTF-8 bytes read as Windows-1252 (as a browser would) and saved as UTF-8 again */
    char *moji = NULL, *out = NULL;
    size_t n;
    bt_charset used;
    assert_int_equal(bt_decode(VN, strlen(VN), BT_CS_CP1252, BT_DECODE_TRUST, &moji, &n, NULL, NULL), 0);
    assert_non_null(strstr(moji, "ngÆ°á»"));
    expect_decode(moji, n, BT_CS_UNKNOWN, 0, VN, BT_CS_UTF8);
    expect_decode(moji, n, BT_CS_UTF8, 0, VN, BT_CS_UTF8);
    /* trusted, it is left alone */
    assert_int_equal(bt_decode(moji, n, BT_CS_UTF8, BT_DECODE_TRUST, &out, NULL, &used, NULL), 0);
    assert_string_equal(out, moji);
    free(out);
    free(moji);
    /* real Latin-1 letters in UTF-8 are not mojibake */
    expect_decode("São Paulo, Ålesund, Ãbo, cá»", strlen("São Paulo, Ålesund, Ãbo, cá»"),
                  BT_CS_UNKNOWN, 0, "São Paulo, Ålesund, Ãbo, cá»", BT_CS_UTF8);
}

static void test_invalid_utf8_classes(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t len, bad;
        const char *lenient;
    } cases[] = {
        {"ab\xc0\xaf", 4, 2, "ab\xef\xbf\xbd\xef\xbf\xbd"},                    /* overlong 2 */
        {"x\xe0\x80\xaf", 4, 1, "x\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},      /* overlong 3 */
        {"\xf0\x80\x80\xaf", 4, 0, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
        {"a\xed\xa0\x80z", 5, 1, "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdz"},    /* surrogate */
        {"Vi\xe1\xbb", 5, 2, "Vi\xef\xbf\xbd"},                                /* truncated */
        {"Vi\xe1\xbbt", 6, 2, "Vi\xef\xbf\xbdt"},                              /* cut short */
        {"\x80x", 2, 0, "\xef\xbf\xbdx"},                                      /* stray */
        {"\xc3\xa0\xa0", 3, 2, "\xc3\xa0\xef\xbf\xbd"},                        /* extra cont */
        {"ok\xf4\x90\x80\x80", 6, 2, "ok\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
        {"\xfe\xff", 2, 0, NULL}, /* a UTF-16 BOM wins: see the BOM test */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t bad = 99;
        assert_int_equal(bt_utf8_valid(cases[i].s, cases[i].len, &bad), 0);
        assert_int_equal(bad, cases[i].bad);
        if (!cases[i].lenient)
            continue;
        char *out = NULL;
        bt_error err;
        char want[64];
        snprintf(want, sizeof want, "invalid UTF-8 at byte %zu", cases[i].bad);
        assert_int_equal(bt_decode(cases[i].s, cases[i].len, BT_CS_UTF8, BT_DECODE_TRUST, &out,
                                   NULL, NULL, &err), BT_EPARSE);
        assert_string_equal(err.msg, want);
        size_t n;
        assert_int_equal(bt_decode(cases[i].s, cases[i].len, BT_CS_UTF8,
                                   BT_DECODE_TRUST | BT_DECODE_LENIENT, &out, &n, NULL, &err), 0);
        assert_string_equal(out, cases[i].lenient);
        free(out);
    }
    /* the offset counts the BOM */
    char *out;
    bt_error err;
    assert_int_equal(bt_decode("\xef\xbb\xbf" "ab\xc0", 6, BT_CS_UNKNOWN, 0, &out, NULL, NULL, &err),
                     BT_EPARSE);
    assert_string_equal(err.msg, "invalid UTF-8 at byte 5");
}

static void test_empty_bom_nfc(void **state)
{
    (void)state;
    expect_decode("", 0, BT_CS_UNKNOWN, 0, "", BT_CS_UTF8);
    expect_decode("", 0, BT_CS_VNI, 0, "", BT_CS_VNI);
    expect_decode("\xef\xbb\xbf", 3, BT_CS_UNKNOWN, 0, "", BT_CS_UTF8);
    expect_decode("\xef\xbb\xbfhoa\xcc\x80", 8, BT_CS_UNKNOWN, 0, "hoà", BT_CS_UTF8); /* NFC */
    expect_decode("plain ASCII", 11, BT_CS_UNKNOWN, 0, "plain ASCII", BT_CS_UTF8);
}

static void test_names(void **state)
{
    (void)state;
    for (int cs = BT_CS_UTF8; cs < BT_CS_COUNT; cs++)
        assert_int_equal(bt_charset_from_name(bt_charset_name((bt_charset)cs)), cs);
    assert_int_equal(bt_charset_from_name("UTF8"), BT_CS_UTF8);
    assert_int_equal(bt_charset_from_name("Windows-1258"), BT_CS_CP1258);
    assert_int_equal(bt_charset_from_name("x-viet-vni"), BT_CS_VNI);
    assert_int_equal(bt_charset_from_name("TCVN-3"), BT_CS_TCVN3);
    assert_int_equal(bt_charset_from_name("iso-8859-1"), BT_CS_CP1252);
    assert_int_equal(bt_charset_from_name("koi8-r"), BT_CS_UNKNOWN);
    assert_int_equal(bt_charset_from_name(NULL), BT_CS_UNKNOWN);
}

/* bt_decode_named: charsets of the C library's, by name; gb2312 read as GBK, the charset
 * its pages are written in; an invalid byte fails at its offset, or is U+FFFD when lenient;
 * a name no charset has is refused. */
static void test_named(void **state)
{
    (void)state;
    const char *ru = "Новости дня: в Москве открылся новый мост";
    size_t n, outlen;
    char *koi = via_iconv("KOI8-R", ru, &n), *out = NULL;
    bt_error err;
    assert_int_equal(bt_decode_named(koi, n, "koi8-r", 0, &out, &outlen, &err), 0);
    assert_string_equal(out, ru);
    assert_int_equal(outlen, strlen(ru));
    free(out);
    free(koi);
    /* a long text widens twice as it decodes: the buffer grows on the way (OUT_GUESS) */
    char *many = malloc(15 * 2000 + 1);
    assert_non_null(many);
    many[0] = '\0';
    for (int i = 0; i < 2000; i++)
        strcat(many, "Новости ");
    koi = via_iconv("KOI8-R", many, &n);
    assert_int_equal(n, 8 * 2000); /* a byte a letter */
    assert_int_equal(bt_decode_named(koi, n, "koi8-r", 0, &out, &outlen, &err), 0);
    assert_string_equal(out, many);
    free(out);
    free(koi);
    free(many);
    const char *zh = "朱镕基访问河北"; /* 镕 is GBK's, not GB2312's */
    char *gbk = via_iconv("GBK", zh, &n);
    assert_int_equal(bt_decode_named(gbk, n, "GB2312", 0, &out, &outlen, &err), 0);
    assert_string_equal(out, zh);
    free(out);
    free(gbk);
    assert_int_equal(bt_decode_named("ab\xFF", 3, "gbk", 0, &out, &outlen, &err), BT_EPARSE);
    assert_null(out);
    assert_non_null(strstr(err.msg, "at byte 2"));
    assert_int_equal(bt_decode_named("ab\xFF", 3, "gbk", BT_DECODE_LENIENT, &out, &outlen, &err),
                     0);
    assert_string_equal(out, "ab\xEF\xBF\xBD");
    free(out);
    assert_int_equal(bt_decode_named("ab", 2, "x-no-such-charset", BT_DECODE_LENIENT, &out,
                                     &outlen, &err),
                     BT_EUNSUPPORTED);
    assert_non_null(strstr(err.msg, "x-no-such-charset"));
    assert_int_equal(bt_decode_named("ab", 2, NULL, 0, &out, &outlen, &err), BT_EUNSUPPORTED);
    assert_int_equal(bt_decode_named("", 0, "koi8-r", 0, &out, &outlen, &err), 0);
    assert_string_equal(out, "");
    free(out);
}

static void test_declared(void **state)
{
    (void)state;
    static const struct {
        const char *doc;
        bt_charset cs;
    } cases[] = {
        {"<html><head><meta charset=\"utf-8\"><title>x</title>", BT_CS_UTF8},
        {"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1258\">",
         BT_CS_CP1258},
        {"<meta charset='VISCII'>", BT_CS_VISCII},
        {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>", BT_CS_CP1252},
        {"text/html; charset = x-viet-vni", BT_CS_VNI},
        {"<meta charset=\"shift_jis\">", BT_CS_UNKNOWN},
        {"<p>no declaration here</p>", BT_CS_UNKNOWN},
        {"", BT_CS_UNKNOWN},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(bt_charset_declared(cases[i].doc, strlen(cases[i].doc)), cases[i].cs);
    /* the name as written, known or not */
    char name[16];
    const char *sjis = "<meta charset=\"Shift_JIS\">";
    assert_int_equal(bt_charset_declared_name(sjis, strlen(sjis), name, sizeof name), 9);
    assert_string_equal(name, "Shift_JIS");
    const char *xml = "<?xml version=\"1.0\" encoding=\"KOI8-R\"?>";
    assert_int_equal(bt_charset_declared_name(xml, strlen(xml), name, sizeof name), 6);
    assert_string_equal(name, "KOI8-R");
    const char *none = "<p>no declaration here</p>";
    assert_int_equal(bt_charset_declared_name(none, strlen(none), name, sizeof name), 0);
    assert_string_equal(name, "");
    const char *longer = "<meta charset=\"x-a-very-long-charset-name\">";
    assert_int_equal(bt_charset_declared_name(longer, strlen(longer), name, 8), 7); /* cut */
    assert_string_equal(name, "x-a-ver");
}

/* `bantin decode` of a page: `head`, then `text` in `charset`; its output holds `want_out`
 * and its stderr `want_err`. */
static void decode_page(const char *head, const char *charset, const char *text,
                        const char *want_out, const char *want_err)
{
    size_t n, hl = strlen(head);
    char *body = via_iconv(charset, text, &n);
    char *page = malloc(hl + n + 1);
    assert_non_null(page);
    memcpy(page, head, hl);
    memcpy(page + hl, body, n);
    char *path = test_write_temp(page, hl + n, ".html");
    char cmd[1024], *out = NULL, *err = NULL;
    snprintf(cmd, sizeof cmd, "%s decode %s", test_bantin_bin(), path);
    assert_int_equal(test_run(cmd, &out, &err), 0);
    assert_non_null(strstr(out, want_out));
    assert_non_null(strstr(err, want_err));
    free(out);
    free(err);
    remove(path);
    free(path);
    free(page);
    free(body);
}

static void test_cli_decode_and_fold(void **state)
{
    (void)state;
    size_t n;
    char *b = to_vni(VN, &n);
    char *path = test_write_temp(b, n, ".txt");
    char cmd[1024], *out = NULL, *err = NULL;
    snprintf(cmd, sizeof cmd, "%s decode %s", test_bantin_bin(), path);
    assert_int_equal(test_run(cmd, &out, &err), 0);
    assert_string_equal(out, VN);
    assert_non_null(strstr(err, "vni-windows"));
    free(out);
    free(err);
    snprintf(cmd, sizeof cmd, "%s decode --from cp1252 %s", test_bantin_bin(), path);
    assert_int_equal(test_run(cmd, &out, &err), 0);
    assert_non_null(strstr(out, "Chieàu"));
    free(out);
    free(err);
    snprintf(cmd, sizeof cmd, "%s decode --from windows-1251 %s", test_bantin_bin(), path);
    assert_int_equal(test_run(cmd, &out, &err), 0); /* a charset of the C library's */
    assert_non_null(strstr(err, "decoded as windows-1251"));
    free(out);
    free(err);
    /* a page that declares a charset of the C library's is read in it, as extract reads it */
    decode_page("<html><head><meta charset=\"koi8-r\"></head><body>", "KOI8-R", "Новости дня",
                "<body>Новости дня", "decoded as koi8-r");
    snprintf(cmd, sizeof cmd, "%s decode --from klingon %s", test_bantin_bin(), path);
    assert_int_not_equal(test_run(cmd, &out, &err), 0);
    assert_non_null(strstr(err, "klingon"));
    free(out);
    free(err);
    /* an HTML page that says UTF-8 but is Windows-1258 */
    decode_page("<html><head><meta charset=\"utf-8\"></head><body><p>", "CP1258", VN, VN,
                "windows-1258");
    snprintf(cmd, sizeof cmd, "%s fold 'ĐÀM PHÁN Thuỷ'", test_bantin_bin());
    assert_int_equal(test_run(cmd, &out, &err), 0);
    assert_string_equal(out, "dam phan thuy\n");
    free(out);
    free(err);
    remove(path);
    free(path);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_legacy_round_trip_and_detection),
        cmocka_unit_test(test_vni),
        cmocka_unit_test(test_wrong_declarations),
        cmocka_unit_test(test_mojibake_repaired),
        cmocka_unit_test(test_invalid_utf8_classes),
        cmocka_unit_test(test_empty_bom_nfc),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_named),
        cmocka_unit_test(test_declared),
        cmocka_unit_test(test_cli_decode_and_fold),
    };
    return cmocka_run_group_tests_name("text_decode", tests, NULL, NULL);
}
