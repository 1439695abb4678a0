/* test_text_fold.c: the search key: every Vietnamese vowel with every tone, NFD input,
 * other Latin letters, other scripts, bad bytes, the snprintf contract and a 100 MB input. */
#include "support.h"
#include "text/alloc.h"

#include "bantin.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static void assert_fold(const char *in, const char *want)
{
    size_t n;
    char *got = bti_fold_dup(in, strlen(in), &n);
    assert_non_null(got);
    assert_string_equal(got, want);
    assert_int_equal(n, strlen(want));
    free(got);
}

/* Each line: a vowel with no tone, huyền, sắc, hỏi, ngã, nặng; lowercase then uppercase. */
static const struct {
    const char *lower, *upper;
    char base;
} vowels[] = {
    {"aàáảãạ", "AÀÁẢÃẠ", 'a'}, {"ăằắẳẵặ", "ĂẰẮẲẴẶ", 'a'}, {"âầấẩẫậ", "ÂẦẤẨẪẬ", 'a'},
    {"eèéẻẽẹ", "EÈÉẺẼẸ", 'e'}, {"êềếểễệ", "ÊỀẾỂỄỆ", 'e'}, {"iìíỉĩị", "IÌÍỈĨỊ", 'i'},
    {"oòóỏõọ", "OÒÓỎÕỌ", 'o'}, {"ôồốổỗộ", "ÔỒỐỔỖỘ", 'o'}, {"ơờớởỡợ", "ƠỜỚỞỠỢ", 'o'},
    {"uùúủũụ", "UÙÚỦŨỤ", 'u'}, {"ưừứửữự", "ƯỪỨỬỮỰ", 'u'}, {"yỳýỷỹỵ", "YỲÝỶỸỴ", 'y'},
};

static void check_letters(const char *s, char base)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    int count = 0;
    while (*p) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &c);
        assert_true(k > 0);
        char want[2] = {base, 0};
        char got[16];
        assert_int_equal(bt_fold((const char *)p, (size_t)k, got, sizeof got), 1);
        assert_string_equal(got, want);
        /* the same letter decomposed (NFD) folds the same */
        utf8proc_uint8_t one[8] = {0};
        memcpy(one, p, (size_t)k);
        utf8proc_uint8_t *nfd = utf8proc_NFD(one);
        assert_non_null(nfd);
        assert_int_equal(bt_fold((const char *)nfd, strlen((char *)nfd), got, sizeof got), 1);
        assert_string_equal(got, want);
        free(nfd);
        p += k;
        count++;
    }
    assert_int_equal(count, 6);
}

static void test_every_tone_on_every_vowel(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof vowels / sizeof vowels[0]; i++) {
        check_letters(vowels[i].lower, vowels[i].base);
        check_letters(vowels[i].upper, vowels[i].base);
    }
    assert_fold("đĐ", "dd");
}

static void test_sentences(void **state)
{
    (void)state;
    assert_fold("ĐÀM PHÁN", "dam phan");
    assert_fold("đàm phán", "dam phan");
    assert_fold("dam phan", "dam phan");
    assert_fold("đa\xcc\x80m pha\xcc\x81n", "dam phan");            /* NFD */
    assert_fold("D\xcc\x9b\xcc\x80", "d");                          /* a stray horn */
    assert_fold("Người dân Thủ đô Hà Nội đón Tết Nguyên Đán", "nguoi dan thu do ha noi don tet nguyen dan");
    assert_fold("KHOẺ MẠNH, thuỷ điện Hoà Bình", "khoe manh, thuy dien hoa binh");
    assert_fold("Quỹ “Vì người nghèo” – 3.000 tỷ đồng…", "quy “vi nguoi ngheo” – 3.000 ty dong…");
    assert_fold("", "");
}

static void test_other_latin_and_scripts(void **state)
{
    (void)state;
    assert_fold("Straße Ørsted Łódź Ñandú Müller Æsir Œuvre Þór ı",
                "strasse orsted lodz nandu muller aesir oeuvre thor i");
    assert_fold("Crème brûlée à la française", "creme brulee a la francaise");
    assert_fold("Москва ЁЛКА Αθήνα", "москва елка αθηνα");
    assert_fold("北京 ไทย", "北京 ไทย");
    /* Hangul keys are jamo, so precomposed and conjoining input agree */
    assert_fold("서울", "\xe1\x84\x89\xe1\x85\xa5\xe1\x84\x8b\xe1\x85\xae\xe1\x86\xaf");
    assert_fold("ＡＢＣ", "ａｂｃ"); /* fullwidth: lowercased, not mapped to ASCII */
}

static void test_invalid_bytes(void **state)
{
    (void)state;
    /* one U+FFFD per maximal subpart */
    assert_fold("a\xe1\xba" "x", "a\xef\xbf\xbdx");
    assert_fold("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd");
    assert_fold("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    assert_fold("\x80\xbf", "\xef\xbf\xbd\xef\xbf\xbd");
    assert_fold("\xf0\x9f\x98", "\xef\xbf\xbd");
    assert_fold("\xff", "\xef\xbf\xbd");
}

/* Folding works per code point: every code point folds the same in NFC and NFD, and its key
 * is never longer than three times its UTF-8 (the promise bt_fold makes). */
static void test_all_code_points_nfc_nfd(void **state)
{
    (void)state;
    for (utf8proc_int32_t c = 1; c < 0x30000; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        utf8proc_uint8_t one[8] = {0};
        utf8proc_ssize_t k = utf8proc_encode_char(c, one);
        char a[64], b[64];
        size_t na = bt_fold((const char *)one, (size_t)k, a, sizeof a);
        assert_true(na <= 3 * (size_t)k);
        utf8proc_uint8_t *nfd = NULL;
        if (utf8proc_map(one, k, &nfd, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE) < 0)
            continue;
        size_t nb = bt_fold((const char *)nfd, strlen((char *)nfd), b, sizeof b);
        free(nfd);
        if (na != nb || memcmp(a, b, na))
            fail_msg("U+%04X folds to '%s' but its NFD to '%s'", (unsigned)c, a, b);
    }
}

/* bt_fold behaves like snprintf: the same key, cut to fit, and the full length returned. */
static void test_small_buffers(void **state)
{
    (void)state;
    size_t len = 0;
    char *big = malloc(20000);
    assert_non_null(big);
    while (len + 40 < 20000) {
        memcpy(big + len, "Việt Nam đổi mới, ", strlen("Việt Nam đổi mới, "));
        len += strlen("Việt Nam đổi mới, ");
    }
    size_t full_len;
    char *full = bti_fold_dup(big, len, &full_len);
    assert_non_null(full);
    size_t caps[] = {0, 1, 2, 7, 100, 511, 512, 513, 5000, full_len, full_len + 1};
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        char *out = malloc(caps[i] + 1);
        assert_non_null(out);
        memset(out, 'X', caps[i] + 1);
        assert_int_equal(bt_fold(big, len, out, caps[i]), full_len);
        if (caps[i]) {
            size_t kept = caps[i] - 1 < full_len ? caps[i] - 1 : full_len;
            assert_memory_equal(out, full, kept);
            assert_int_equal(out[kept], '\0');
        }
        assert_int_equal(out[caps[i]], 'X'); /* nothing written past cap */
        free(out);
    }
    free(full);
    free(big);
}

static int count_tokens(void *ctx, const bt_token *t)
{
    size_t *n = ctx;
    (*n)++;
    assert_true(t->len > 0);
    return 0;
}

static void test_100_mb(void **state)
{
    (void)state;
    const char *para = "Chiều 2/9, hàng nghìn người dân Thủ đô đã đến Quảng trường Ba Đình. "
                       "KHOẺ MẠNH và hoà bình: 3.000 tỷ đồng cho thuỷ điện.\n";
    size_t plen = strlen(para), reps = 100u * 1000 * 1000 / plen + 1, len = reps * plen;
    char *text = malloc(len + 1);
    assert_non_null(text);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * plen, para, plen);
    text[len] = '\0';
    assert_true(bt_utf8_valid(text, len, NULL));
    size_t klen;
    char *key = bti_fold_dup(text, len, &klen);
    assert_non_null(key);
    size_t one;
    char *k1 = bti_fold_dup(para, plen, &one);
    assert_non_null(k1);
    assert_int_equal(klen, reps * one);
    assert_memory_equal(key + (reps / 2) * one, k1, one);
    assert_memory_equal(key + (reps - 1) * one, k1, one);
    free(k1);
    free(key);
    size_t ntok = 0, ptok = 0;
    assert_int_equal(bt_tokenize(para, plen, 0, count_tokens, &ptok), 0);
    assert_int_equal(bt_tokenize(text, len, BT_TOKENIZE_FOLD, count_tokens, &ntok), 0);
    assert_int_equal(ntok, reps * ptok);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_tone_on_every_vowel),
        cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_other_latin_and_scripts),
        cmocka_unit_test(test_invalid_bytes),
        cmocka_unit_test(test_all_code_points_nfc_nfd),
        cmocka_unit_test(test_small_buffers),
        cmocka_unit_test(test_100_mb),
    };
    return cmocka_run_group_tests_name("text_fold", tests, NULL, NULL);
}
