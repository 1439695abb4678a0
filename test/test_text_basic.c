/* test_text_basic.c: the text stage's core promises: fold, NFC, white space, UTF-8 checks. */
#include "support.h"
#include "text/alloc.h"

#include "bantin.h"

#include <stdlib.h>
#include <string.h>

static void assert_fold(const char *in, const char *want)
{
    char *got = bti_fold_dup(in, strlen(in), NULL);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_fold_vietnamese(void **state)
{
    (void)state;
    assert_fold("ĐÀM PHÁN", "dam phan");
    assert_fold("đàm phán", "dam phan");
    assert_fold("da\xcc\x80m pha\xcc\x81n", "dam phan"); /* NFD */
    assert_fold("dam phan", "dam phan");
    assert_fold("Nguyễn Thị Ánh", "nguyen thi anh");
    assert_fold("Straße Ørsted", "strasse orsted");
    assert_fold("", "");
}

static void test_normalize_space_nfc(void **state)
{
    (void)state;
    const char *in = "  ho\xcc\x80\xc2\xa0\xe2\x80\x8b va\xcc\x80\t\n ba\xcc\xa3n  ";
    size_t n;
    char *out = bti_normalize(in, strlen(in), BT_NORM_SPACE, &n);
    assert_non_null(out);
    assert_string_equal(out, "hò và bạn");
    assert_int_equal(n, strlen("hò và bạn"));
    free(out);
}

/* The public allocating calls follow the error rule: 0 and the result in *out. */
static void test_public_alloc_calls(void **state)
{
    (void)state;
    char *out = NULL;
    size_t n = 0;
    assert_int_equal(bt_fold_dup("Đàm Phán", strlen("Đàm Phán"), &out, &n), 0);
    assert_string_equal(out, "dam phan");
    assert_int_equal(n, 8);
    free(out);
    assert_int_equal(bt_normalize("  Hoà  bình ", strlen("  Hoà  bình "),
                                  BT_NORM_SPACE | BT_NORM_TONES | BT_NORM_LOWER, &out, NULL), 0);
    assert_string_equal(out, "hòa bình");
    free(out);
    assert_int_equal(bt_fold_dup(NULL, 0, &out, NULL), 0); /* NULL is the empty text */
    assert_string_equal(out, "");
    free(out);
}

static void test_utf8_invalid_classes(void **state)
{
    (void)state;
    struct { const char *s; size_t len, bad; } cases[] = {
        {"ab\xc0\xaf", 4, 2},         /* overlong */
        {"a\xed\xa0\x80", 4, 1},      /* surrogate */
        {"abc\xe1\xba", 5, 3},        /* truncated */
        {"\x80x", 2, 0},              /* stray continuation */
        {"ok\xf4\x90\x80\x80", 6, 2}, /* past U+10FFFF */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t bad = 99;
        assert_int_equal(bt_utf8_valid(cases[i].s, cases[i].len, &bad), 0);
        assert_int_equal(bad, cases[i].bad);
    }
    assert_int_equal(bt_utf8_valid("đàm phán", strlen("đàm phán"), NULL), 1);
    assert_int_equal(bt_utf8_valid("", 0, NULL), 1);
}

static void test_decode_reports_offset(void **state)
{
    (void)state;
    char *out;
    size_t n;
    bt_error err;
    assert_int_equal(bt_decode("ab\xc0\xaf", 4, BT_CS_UTF8, BT_DECODE_TRUST, &out, &n, NULL, &err),
                     BT_EPARSE);
    assert_non_null(strstr(err.msg, "byte 2"));
    assert_int_equal(bt_decode("ab\xc0\xaf", 4, BT_CS_UTF8, BT_DECODE_TRUST | BT_DECODE_LENIENT,
                               &out, &n, NULL, &err), 0);
    assert_string_equal(out, "ab\xef\xbf\xbd\xef\xbf\xbd");
    free(out);
}

static int collect(void *ctx, const bt_token *t)
{
    char *acc = ctx;
    strncat(acc, t->text, t->len);
    strcat(acc, (t->flags & BT_TOK_NUMBER) ? "#|" : "|");
    return 0;
}

static void test_tokenize_offsets(void **state)
{
    (void)state;
    char acc[256] = "";
    const char *s = "Đàm phán, 3.000 người; 20/10!";
    assert_int_equal(bt_tokenize(s, strlen(s), BT_TOKENIZE_FOLD, collect, acc), 0);
    assert_string_equal(acc, "dam|phan|3.000#|nguoi|20/10#|");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_vietnamese),
        cmocka_unit_test(test_normalize_space_nfc),
        cmocka_unit_test(test_public_alloc_calls),
        cmocka_unit_test(test_utf8_invalid_classes),
        cmocka_unit_test(test_decode_reports_offset),
        cmocka_unit_test(test_tokenize_offsets),
    };
    return cmocka_run_group_tests_name("text_basic", tests, NULL, NULL);
}
