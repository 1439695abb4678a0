/* test_extract_rules.c: one test per extraction rule, named after the rule, on small
 * hand-written inputs: what the rule keeps and what it drops; and the lexicon's folded
 * lookups (accented, upper-case and unmarked forms are one entry). */
#include "support.h"

#include "bantin.h"
#include "extract/lexicon.h"
#include "extract/text_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- helpers ----------------------------------------------------------------------------- */

static __attribute__((unused)) bt_article *extract_text(const char *text)
{
    bt_capture cap;
    memset(&cap, 0, sizeof cap);
    cap.data = text;
    cap.len = strlen(text);
    cap.origin = "rules.txt";
    bt_article *a = NULL;
    bt_error err;
    assert_int_equal(bt_extract(&cap, NULL, &a, &err), 0);
    assert_non_null(a);
    return a;
}

/* The first block of `line` built the way the extractor builds it. */
typedef struct one {
    tx_doc d;
} one;

static const tx_block *block_of(one *o, const char *line)
{
    memset(o, 0, sizeof *o);
    assert_int_equal(tx_doc_build(&o->d, line, strlen(line)), 0);
    assert_true(o->d.n >= 1);
    return &o->d.b[0];
}

static int block_test(int (*rule)(const tx_block *), const char *line)
{
    one o;
    int r = rule(block_of(&o, line));
    tx_doc_free(&o.d);
    return r;
}

static int has(unsigned lists, const char *s) { return bti_lex_raw_has(lists, s, strlen(s)); }

/* ---- lexicon ------------------------------------------------------------------------------- */

/* The table is sorted (the binary search depends on it), unique, and every key is its own
 * fold (a key that is not could never match a folded line). */
static void lexicon_sorted_and_folded(void **state)
{
    (void)state;
    size_t n = bti_lex_size();
    assert_true(n > 100);
    for (size_t i = 0; i < n; i++) {
        const char *k = bti_lex_key(i);
        assert_true(strlen(k) <= BTI_LEX_MAX_KEY);
        size_t fl;
        char *f = bt_fold_dup(k, strlen(k), &fl);
        assert_non_null(f);
        if (strcmp(f, k))
            fail_msg("lexicon key '%s' is not folded ('%s')", k, f);
        free(f);
        if (i && strcmp(bti_lex_key(i - 1), k) >= 0)
            fail_msg("lexicon keys out of order: '%s' before '%s'", bti_lex_key(i - 1), k);
    }
    assert_null(bti_lex_key(n));
}

static void lexicon_folded_lookup(void **state)
{
    (void)state;
    /* accented, upper case and unmarked forms are one entry */
    assert_true(has(BTI_LEX_SECTION_HEAD, "Đọc nhiều"));
    assert_true(has(BTI_LEX_SECTION_HEAD, "ĐỌC NHIỀU"));
    assert_true(has(BTI_LEX_SECTION_HEAD, "doc nhieu"));
    assert_true(bti_lex_has(BTI_LEX_SECTION_HEAD, "doc nhieu", 9));
    assert_true(has(BTI_LEX_RELATED_HEAD, "Tin liên quan"));
    assert_true(has(BTI_LEX_RELATED_HEAD, "TIN LIÊN QUAN"));
    assert_true(has(BTI_LEX_HTML_FURNITURE_LINE, "QUẢNG CÁO"));
    assert_true(has(BTI_LEX_HTML_FURNITURE_LINE, "advertisement"));
    /* a key is looked up only in the lists asked for */
    assert_false(has(BTI_LEX_RELATED_HEAD, "Đọc nhiều"));
    assert_true(has(BTI_LEX_RELATED_HEAD | BTI_LEX_SECTION_HEAD, "Đọc nhiều"));
    /* no partial matches for whole-line lookups */
    assert_false(has(BTI_LEX_SECTION_HEAD, "Đọc nhiều hơn nữa"));
    assert_false(has(BTI_LEX_SECTION_HEAD, "Đọc"));
    assert_false(has(BTI_LEX_SECTION_HEAD, ""));
}

static void lexicon_prefix_lookup(void **state)
{
    (void)state;
    const char *s = "Xem thêm: Giá xăng tăng";
    assert_int_equal(bti_lex_raw_prefix(BTI_LEX_INLINE_RELATED, s, strlen(s), " :>"),
                     strlen("Xem thêm"));
    s = "XEM THEM >> Giá xăng";
    assert_int_equal(bti_lex_raw_prefix(BTI_LEX_INLINE_RELATED, s, strlen(s), " :>"), 8);
    /* the longest entry wins: "tin moi nhat" over "tin moi" */
    s = "tin moi nhat: x";
    assert_int_equal(bti_lex_prefix(BTI_LEX_SECTION_HEAD, s, strlen(s), ": "), 12);
    /* a prefix ends at a boundary: "Most readers" is not "Most read" */
    s = "Most readers agree";
    assert_int_equal(bti_lex_raw_prefix(BTI_LEX_HTML_ENDS_ARTICLE, s, strlen(s), NULL), 0);
    s = "Most read today";
    assert_int_equal(bti_lex_raw_prefix(BTI_LEX_HTML_ENDS_ARTICLE, s, strlen(s), NULL), 9);
    s = "Tin khác";
    assert_int_equal(bti_lex_raw_prefix(BTI_LEX_HTML_ENDS_ARTICLE, s, strlen(s), NULL),
                     strlen(s));
}

/* ---- line rules (text_rules.c) --------------------------------------------------------- */

static void tx_is_related_heading_rule(void **state)
{
    (void)state;
    assert_true(block_test(tx_is_related_heading, "Tin liên quan"));
    assert_true(block_test(tx_is_related_heading, "TIN LIÊN QUAN:"));
    assert_true(block_test(tx_is_related_heading, "## Related stories"));
    assert_false(block_test(tx_is_related_heading, "Tin liên quan đến vụ cháy ở Hà Nội"));
    assert_false(block_test(tx_is_related_heading, "Đọc nhiều"));
}

static void tx_is_section_heading_rule(void **state)
{
    (void)state;
    assert_true(block_test(tx_is_section_heading, "Đọc nhiều"));
    assert_true(block_test(tx_is_section_heading, "MOST READ"));
    assert_true(block_test(tx_is_section_heading, "Dòng sự kiện: Bão số 3"));
    assert_true(block_test(tx_is_section_heading, "Bình luận (12)"));
    assert_false(block_test(tx_is_section_heading, "Bình luận (x)"));
    assert_false(block_test(tx_is_section_heading, "Đọc nhiều sách giúp trẻ học tốt"));
}

static void tx_is_furniture_rule(void **state)
{
    (void)state;
    assert_true(block_test(tx_is_furniture, "Chia sẻ Facebook Zalo"));
    assert_true(block_test(tx_is_furniture, "Quảng cáo"));
    assert_true(block_test(tx_is_furniture, "Xin chờ trong giây lát"));
    assert_true(block_test(tx_is_furniture, "Copyright 2024 Báo Mẫu"));
    assert_true(block_test(tx_is_furniture, "Hà Nội 25°C"));
    assert_false(block_test(tx_is_furniture, "Người dân chia sẻ kinh nghiệm chống bão."));
}

static void tx_ends_related_rule(void **state)
{
    (void)state;
    assert_true(block_test(tx_ends_related, "Bài trước"));
    assert_true(block_test(tx_ends_related, "Tags: bão, lũ"));
    assert_true(block_test(tx_ends_related, "Thẻ: thời sự"));
    assert_true(block_test(tx_ends_related, "3 bình luận về “Bão số 3”"));
    assert_false(block_test(tx_ends_related, "Tags"));
    assert_false(block_test(tx_ends_related, "Bão số 3 đổ bộ vào Quảng Ninh"));
}

static void tx_is_relative_time_rule(void **state)
{
    (void)state;
    assert_true(block_test(tx_is_relative_time, "5 giờ trước"));
    assert_true(block_test(tx_is_relative_time, "2 hours ago"));
    assert_true(block_test(tx_is_relative_time, "Vừa xong"));
    assert_false(block_test(tx_is_relative_time, "5 giờ sáng"));
    assert_false(block_test(tx_is_relative_time, "giờ trước"));
}

static void tx_inline_related_prefix_rule(void **state)
{
    (void)state;
    const char *s = "Xem thêm: Giá vàng tăng mạnh";
    assert_string_equal(s + tx_inline_related_prefix(s, strlen(s)), "Giá vàng tăng mạnh");
    s = "ĐỌC THÊM >> Giá vàng";
    assert_string_equal(s + tx_inline_related_prefix(s, strlen(s)), "Giá vàng");
    s = ">> Giá vàng";
    assert_string_equal(s + tx_inline_related_prefix(s, strlen(s)), "Giá vàng");
    s = "Xem thêm các tin về giá vàng";
    assert_int_equal(tx_inline_related_prefix(s, strlen(s)), 0);
    s = "Xem thêm:";
    assert_int_equal(tx_inline_related_prefix(s, strlen(s)), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lexicon_sorted_and_folded),
        cmocka_unit_test(lexicon_folded_lookup),
        cmocka_unit_test(lexicon_prefix_lookup),
        cmocka_unit_test(tx_is_related_heading_rule),
        cmocka_unit_test(tx_is_section_heading_rule),
        cmocka_unit_test(tx_is_furniture_rule),
        cmocka_unit_test(tx_ends_related_rule),
        cmocka_unit_test(tx_is_relative_time_rule),
        cmocka_unit_test(tx_inline_related_prefix_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
