/* test_text_normalize.c: NFC, white space, lowercasing, and canonical tone placement
 * (BT_NORM_TONES): both spelling styles give one key, correct words stay as they are. */
#include "support.h"
#include "text/alloc.h"

#include "bantin.h"

#include <stdlib.h>
#include <string.h>

static char *norm(const char *s, unsigned flags)
{
    size_t n;
    char *out = bti_normalize(s, strlen(s), flags, &n);
    assert_non_null(out);
    assert_int_equal(n, strlen(out));
    return out;
}

static void assert_norm(const char *in, unsigned flags, const char *want)
{
    char *got = norm(in, flags);
    assert_string_equal(got, want);
    free(got);
}

static void test_tones_styles_compare_equal(void **state)
{
    (void)state;
    /* {other spelling, canonical}: old/new school styles and common mistypes */
    static const char *const pairs[][2] = {
        {"hoà", "hòa"},       {"thuỷ", "thủy"},     {"khoẻ", "khỏe"},     {"uỷ", "ủy"},
        {"Hoà Bình", "Hòa Bình"}, {"HOÀ", "HÒA"},   {"hoá học", "hóa học"}, {"toả sáng", "tỏa sáng"},
        {"loè loẹt", "lòe loẹt"}, {"Thuỵ Điển", "Thụy Điển"}, {"tuỳ ý", "tùy ý"},
        {"hòan thành", "hoàn thành"}, {"khỏang", "khoảng"}, {"khúyên", "khuyến"},
        {"qúy", "quý"},       {"qủa", "quả"},       {"gìa", "già"},       {"khóai", "khoái"},
        {"xóay", "xoáy"},     {"khủyu", "khuỷu"},   {"ngừơi", "người"},   {"mừơi", "mười"},
        {"thủơ", "thuở"},     {"hùynh", "huỳnh"},   {"KHOẺ MẠNH", "KHỎE MẠNH"},
        {"Uỷ ban", "Ủy ban"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        assert_norm(pairs[i][0], BT_NORM_TONES, pairs[i][1]);
        assert_norm(pairs[i][1], BT_NORM_TONES, pairs[i][1]);
    }
}

static void test_tones_leave_correct_words(void **state)
{
    (void)state;
    static const char *const words[] = {
        "quý", "quở", "quốc", "quyển", "quạ", "giữ", "già", "gì", "gìn", "giếng", "mùa", "tài",
        "mía", "cứu", "gửi", "người", "chuyện", "tuần", "ngoẻo", "hoặc", "thuở", "khuya",
        "Nguyễn", "Đàm phán", "tiếng Việt", "yêu", "oán", "ủy", "ý", "Ánh", "iPhone", "Công-gô",
        "café", "Zürich", "naïve",
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        assert_norm(words[i], BT_NORM_TONES, words[i]);
}

static void test_tones_nfd_and_lower(void **state)
{
    (void)state;
    /* NFD old style "hoà" and "thuỷ": composed, lowered, tone moved */
    assert_norm("HOA\xcc\x80 thuy\xcc\x89", BT_NORM_TONES | BT_NORM_LOWER, "hòa thủy");
    assert_norm("Khoe\xcc\x89 ma\xcc\xa3nh", BT_NORM_TONES, "Khỏe mạnh");
    /* keys built from both styles are equal */
    char *a = norm("Thuỷ điện Hoà Bình khoẻ", BT_NORM_TONES | BT_NORM_LOWER | BT_NORM_SPACE);
    char *b = norm("thủy  điện hòa\tbình KHỎE", BT_NORM_TONES | BT_NORM_LOWER | BT_NORM_SPACE);
    assert_string_equal(a, b);
    free(a);
    free(b);
}

static void test_space_and_quotes(void **state)
{
    (void)state;
    assert_norm("  ho\xcc\x80\xc2\xa0\xe2\x80\x8b va\xcc\x80\t\n ba\xcc\xa3n  ", BT_NORM_SPACE,
                "hò và bạn");
    assert_norm("a\xe2\x80\x83" "b\xe3\x80\x80" "c\r\n\r\nd", BT_NORM_SPACE, "a b c d");
    /* Unicode quotes and dashes are kept as written */
    assert_norm("“Hà Nội” – ‘mùa thu’ «x»", BT_NORM_SPACE, "“Hà Nội” – ‘mùa thu’ «x»");
    /* without BT_NORM_SPACE white space is left alone */
    assert_norm(" a\t b ", 0, " a\t b ");
    assert_norm("", BT_NORM_SPACE | BT_NORM_TONES | BT_NORM_LOWER, "");
    assert_norm("   ", BT_NORM_SPACE, "");
    assert_norm("ĐẢNG Ủy", BT_NORM_LOWER, "đảng ủy");
}

/* Text between spaces is copied a run at a time: runs that mix ASCII, multi-byte letters and
 * marks, ended by ASCII and non-ASCII spaces, keep every byte; lowercasing still maps each
 * letter. */
static void test_space_runs_copied_whole(void **state)
{
    (void)state;
    assert_norm("Đà\u00a0Nẵng—“Hội An”\u2009x\t\ty", BT_NORM_SPACE, "Đà Nẵng—“Hội An” x y");
    assert_norm("abc", BT_NORM_SPACE, "abc");
    assert_norm("\u3000日本語テキスト\u3000", BT_NORM_SPACE, "日本語テキスト");
    assert_norm("a\u200b" "b c\xc2\x85" "d", BT_NORM_SPACE, "a b c d");
    assert_norm("ĐÀ Nẵng\u00a0ÉTÉ", BT_NORM_SPACE | BT_NORM_LOWER, "đà nẵng été");
    assert_norm("ĐÀ\u00a0Nẵng", BT_NORM_LOWER, "đà\u00a0nẵng");
}

static void test_invalid_input_replaced(void **state)
{
    (void)state;
    assert_norm("a\xc0\xaf" "b\xe1\xba", 0, "a\xef\xbf\xbd\xef\xbf\xbd" "b\xef\xbf\xbd");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_space_runs_copied_whole),
        cmocka_unit_test(test_tones_styles_compare_equal),
        cmocka_unit_test(test_tones_leave_correct_words),
        cmocka_unit_test(test_tones_nfd_and_lower),
        cmocka_unit_test(test_space_and_quotes),
        cmocka_unit_test(test_invalid_input_replaced),
    };
    return cmocka_run_group_tests_name("text_normalize", tests, NULL, NULL);
}
