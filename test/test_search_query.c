/* test_search_query.c: the query language: each operator compiled to FTS5, each bad query
 * refused with a clear message (no store needed). */
#include "support.h"

#include "bantin.h"
#include "core/date.h"
#include "search/query.h"

#include <stdlib.h>
#include <string.h>

/* Compiles `q` and checks the MATCH expression (NULL: a filter-only query). */
static bti_qplan *compile_ok(const char *q, const char *want_match)
{
    bt_error err = {0};
    bti_query *pq = NULL;
    int rc = bti_query_parse(q, strlen(q), &pq, &err);
    if (rc)
        fail_msg("parse '%s': %s", q, err.msg);
    bti_qplan *p = NULL;
    rc = bti_query_compile(pq, q, 0, &p, &err);
    bti_query_free(pq);
    if (rc)
        fail_msg("compile '%s': %s", q, err.msg);
    if (want_match)
        assert_string_equal(p->match, want_match);
    else
        assert_null(p->match);
    return p;
}

/* Parses and compiles `q`, expecting error `code` with `needle` in the message. */
static void assert_bad(const char *q, size_t len, int code, const char *needle)
{
    bt_error err = {0};
    bti_query *pq = NULL;
    bti_qplan *p = NULL;
    int rc = bti_query_parse(q, len, &pq, &err);
    if (!rc) {
        rc = bti_query_compile(pq, q, 0, &p, &err);
        bti_query_free(pq);
        bti_qplan_free(p);
    }
    if (rc != code || !strstr(err.msg, needle))
        fail_msg("query '%.40s': got %d '%s', want %d with '%s'", q, rc, err.msg, code, needle);
}

static void test_words_all_match(void **state)
{
    (void)state;
    bti_qplan *p = compile_ok("dam phan", "\"dam\" AND \"phan\"");
    assert_int_equal(p->n_phrase, 2);
    assert_int_equal(p->n_terms, 2);
    assert_int_equal(p->n_exact_terms, 0);
    assert_string_equal(p->stock_match, "\"dam\" AND \"phan\"");
    bti_qplan_free(p);
    /* marks, case and old tone placement: folded key plus the exact form as an alternative */
    p = compile_ok("ĐÀM Phán hòa",
                   "(\"\x01" "đàm\" OR \"dam\") AND (\"\x01" "phán\" OR \"phan\") AND "
                   "(\"\x01" "hòa\" OR \"hoa\")");
    assert_int_equal(p->n_phrase, 6);
    assert_int_equal(p->phrase[0].role, BTI_QP_EXACT);
    assert_int_equal(p->phrase[1].role, BTI_QP_FOLDED);
    assert_int_equal(p->phrase[5].term, 2);
    assert_int_equal(p->n_exact_terms, 3);
    assert_string_equal(p->stock_match, "\"đàm\" AND \"phán\" AND \"hòa\"");
    bti_qplan_free(p);
}

/* Old and new tone placement give the same query. */
static void test_tone_placement(void **state)
{
    (void)state;
    bti_qplan *a = compile_ok("hoà thuỷ",
                             "(\"\x01" "hòa\" OR \"hoa\") AND (\"\x01" "thủy\" OR \"thuy\")");
    bti_qplan *b = compile_ok("Hòa THỦY", a->match);
    bti_qplan_free(a);
    bti_qplan_free(b);
}

static void test_phrase(void **state)
{
    (void)state;
    bti_qplan *p = compile_ok("\"đàm phán\" Iran",
                             "(\"\x01" "đàm \x01" "phán\" OR \"dam phan\") AND \"iran\"");
    assert_int_equal(p->phrase[0].len, 2);
    bti_qplan_free(p);
    /* curly quotes, and a hyphenated word is a phrase of its syllables */
    p = compile_ok("“dam phan” covid-19", "\"dam phan\" AND \"covid 19\"");
    bti_qplan_free(p);
    /* common words stay inside a phrase */
    p = compile_ok("\"bộ trưởng của\"",
                   "(\"\x01" "bộ \x01" "trưởng \x01" "của\" OR \"bo truong cua\")");
    bti_qplan_free(p);
}

static void test_exclude(void **state)
{
    (void)state;
    bti_qplan *p = compile_ok("dam phan -iran -\"hạt nhân\"",
                             "\"dam\" AND \"phan\" NOT (\"iran\" OR \"\x01" "hạt \x01" "nhân\")");
    assert_int_equal(p->phrase[2].role, BTI_QP_NOT);
    assert_int_equal(p->phrase[3].role, BTI_QP_NOT);
    bti_qplan_free(p);
    /* a lone hyphen is punctuation, not an exclusion */
    p = compile_ok("Mỹ - Trung", "(\"\x01" "mỹ\" OR \"my\") AND \"trung\"");
    bti_qplan_free(p);
}

static void test_or(void **state)
{
    (void)state;
    bti_qplan *p = compile_ok("iran OR iraq dam", "(\"iran\" OR \"iraq\") AND \"dam\"");
    assert_int_equal(p->phrase[0].term, -1);
    assert_int_equal(p->phrase[2].term, 0);
    bti_qplan_free(p);
    p = compile_ok("a OR b OR \"c d\"", "(\"a\" OR \"b\" OR \"c d\")");
    bti_qplan_free(p);
    /* lowercase or is a word */
    p = compile_ok("iran or", "\"iran\" AND \"or\"");
    bti_qplan_free(p);
}

static void test_prefix(void **state)
{
    (void)state;
    bti_qplan *p = compile_ok("afghan* đàm*", "\"afghan\"* AND \"dam\"*");
    bti_qplan_free(p);
    assert_bad("a*", 2, BT_EINVAL, "too short");
}

static void test_fields(void **state)
{
    (void)state;
    /* fields in lower case only: "Title:iran" is text */
    bti_qplan *p = compile_ok("title:\"đàm phán\" source:VnExpress Title:iran",
                             "title : (\"\x01" "đàm \x01" "phán\" OR \"dam phan\") AND "
                             "source : \"vnexpress\" AND \"title iran\"");
    bti_qplan_free(p);
    p = compile_ok("iran author:\"Nguyễn Văn A\" -author:Lan", "\"iran\"");
    assert_int_equal(p->n_author, 1);
    assert_string_equal(p->author[0], " nguyen van a ");
    assert_int_equal(p->n_not_author, 1);
    assert_string_equal(p->not_author[0], " lan ");
    bti_qplan_free(p);
    /* an unknown name before a colon is text */
    p = compile_ok("lúc 10:30", "(\"\x01" "lúc\" OR \"luc\") AND \"10:30\"");
    bti_qplan_free(p);
    /* filter-only queries are allowed: they list by date */
    p = compile_ok("author:lan", NULL);
    bti_qplan_free(p);
}

static void test_dates(void **state)
{
    (void)state;
    bti_qplan *p = compile_ok("iran since:2021-08-01 until:2021-09", "\"iran\"");
    assert_string_equal(p->since, "2021-08-01");
    assert_string_equal(p->until, "2021-09-30");
    bti_qplan_free(p);
    p = compile_ok("iran since:2020 until:2024-02", "\"iran\"");
    assert_string_equal(p->since, "2020-01-01");
    assert_string_equal(p->until, "2024-02-29");
    bti_qplan_free(p);
    char d[11];
    assert_int_equal(bti_date_bound("2023-02-29", 10, 0, d), BT_EINVAL);
    assert_int_equal(bti_date_bound("2024-02-29", 10, 0, d), 0);
    assert_int_equal(bti_date_bound("2021-13-01", 10, 0, d), BT_EINVAL);
    assert_int_equal(bti_date_bound("21-01-01", 8, 0, d), BT_EINVAL);
}

/* Every word counts: no list drops frequent syllables (IDF weighs them), with marks or
 * without, and a query of only frequent syllables is a query. */
static void test_every_word_counts(void **state)
{
    (void)state;
    bti_qplan *p = compile_ok("giá của vàng", "(\"\x01" "giá\" OR \"gia\") AND (\"\x01" "của\" OR "
                                              "\"cua\") AND (\"\x01" "vàng\" OR \"vang\")");
    assert_string_equal(p->stock_match, "\"giá\" AND \"của\" AND \"vàng\"");
    bti_qplan_free(p);
    p = compile_ok("ve may bay", "\"ve\" AND \"may\" AND \"bay\"");
    assert_string_equal(p->phrase_match, "\"ve may bay\"");
    assert_null(p->exact_phrase_match);
    bti_qplan_free(p);
    p = compile_ok("thi", "\"thi\"");
    assert_null(p->phrase_match); /* one syllable: no phrase tier */
    bti_qplan_free(p);
    p = compile_ok("thì", "(\"\x01" "thì\" OR \"thi\")");
    bti_qplan_free(p);
    p = compile_ok("va cua la", "\"va\" AND \"cua\" AND \"la\"");
    bti_qplan_free(p);
    p = compile_ok("ô nhiễm không khí", "(\"\x01" "ô\" OR \"o\") AND "
                   "(\"\x01" "nhiễm\" OR \"nhiem\") AND (\"\x01" "không\" OR \"khong\") AND "
                   "(\"\x01" "khí\" OR \"khi\")");
    assert_string_equal(p->phrase_match, "\"o nhiem khong khi\"");
    assert_string_equal(p->exact_phrase_match,
                        "\"\x01" "ô \x01" "nhiễm \x01" "không \x01" "khí\"");
    assert_int_equal(p->n_pphrase, 1);
    assert_int_equal(p->xphrase[0].role, BTI_QP_EXACT);
    assert_int_equal(p->xphrase[0].len, 4);
    bti_qplan_free(p);
}

/* The whole-phrase tier: the required words side by side, with the exclusions; none for OR,
 * a prefix or a field. */
static void test_phrase_tier(void **state)
{
    (void)state;
    bti_qplan *p = compile_ok("chợ \"Bến Thành\" -metro",
                             "(\"\x01" "chợ\" OR \"cho\") AND (\"\x01" "bến \x01" "thành\" OR "
                             "\"ben thanh\") NOT (\"metro\")");
    assert_string_equal(p->phrase_match, "\"cho ben thanh\" NOT (\"metro\")");
    assert_string_equal(p->exact_phrase_match,
                        "\"\x01" "chợ \x01" "bến \x01" "thành\" NOT (\"metro\")");
    assert_int_equal(p->n_pphrase, 2);
    assert_int_equal(p->pphrase[1].role, BTI_QP_NOT);
    bti_qplan_free(p);
    p = compile_ok("iran OR iraq dam", "(\"iran\" OR \"iraq\") AND \"dam\"");
    assert_null(p->phrase_match);
    bti_qplan_free(p);
    p = compile_ok("dam phan*", "\"dam\" AND \"phan\"*");
    assert_null(p->phrase_match);
    bti_qplan_free(p);
    /* filters do not break the phrase */
    p = compile_ok("dam phan since:2020 author:lan", "\"dam\" AND \"phan\"");
    assert_string_equal(p->phrase_match, "\"dam phan\"");
    bti_qplan_free(p);
}

/* The operators do not eat text: '-' before a non-letter, a lone -word, OR first or last,
 * NOT last, a field name in capitals or with a space after the colon are all text. */
static void test_operators_keep_text(void **state)
{
    (void)state;
    bti_qplan *p = compile_ok("Boeing 737 -300", "\"boeing\" AND \"737\" AND \"300\"");
    bti_qplan_free(p);
    p = compile_ok("A321-200 Covid-19 2-1", "\"a321 200\" AND \"covid 19\" AND \"2-1\"");
    bti_qplan_free(p);
    p = compile_ok("-iran", "\"iran\""); /* nothing to exclude it from */
    bti_qplan_free(p);
    p = compile_ok("dam -iran", "\"dam\" NOT (\"iran\")");
    bti_qplan_free(p);
    p = compile_ok("dam NOT iran", "\"dam\" NOT (\"iran\")");
    bti_qplan_free(p);
    p = compile_ok("dam NOT", "\"dam\" AND \"not\"");
    bti_qplan_free(p);
    p = compile_ok("dam not iran", "\"dam\" AND \"not\" AND \"iran\"");
    bti_qplan_free(p);
    p = compile_ok("OR iran", "\"or\" AND \"iran\"");
    bti_qplan_free(p);
    p = compile_ok("iran OR", "\"iran\" AND \"or\"");
    bti_qplan_free(p);
    p = compile_ok("Title: iran", "\"title\" AND \"iran\"");
    bti_qplan_free(p);
    p = compile_ok("title: iran", "\"title\" AND \"iran\"");
    bti_qplan_free(p);
    p = compile_ok("-đàm -“hạt nhân”", "(\"\x01" "đàm\" OR \"dam\") AND "
                                      "(\"\x01" "hạt \x01" "nhân\" OR \"hat nhan\")");
    bti_qplan_free(p);
}

static void test_bad_queries(void **state)
{
    (void)state;
    assert_bad("", 0, BT_EINVAL, "empty");
    assert_bad("   \t ", 5, BT_EINVAL, "empty");
    assert_bad("\"dam phan", 9, BT_EINVAL, "unbalanced quote");
    assert_bad("iran “dam", strlen("iran “dam"), BT_EINVAL, "unbalanced quote");
    assert_bad("... !!! ?", 9, BT_EINVAL, "only punctuation");
    assert_bad("NOT iran", 8, BT_EINVAL, "only excluded");
    assert_bad("since:2021-02-30 iran", 21, BT_EINVAL, "since:2021-02-30 is not a date");
    assert_bad("until:yesterday iran", 20, BT_EINVAL, "not a date");
    assert_bad("since:2022 until:2021 iran", 26, BT_EINVAL, "after until");
    assert_bad("since:2021 since:2022 iran", 26, BT_EINVAL, "given twice");
    assert_bad("iran OR -iraq", 13, BT_EINVAL, "excluded");
    assert_bad("title:!!!", 9, BT_EINVAL, "no word");
    assert_bad("ab\xff", 3, BT_EINVAL, "invalid UTF-8 at byte 2");
    assert_bad("ab\0cd", 5, BT_EINVAL, "control byte");
    assert_bad("ab\x01" "cd", 5, BT_EINVAL, "control byte");
    char *big = malloc(10241);
    assert_non_null(big);
    for (size_t i = 0; i < 10240; i++)
        big[i] = i % 5 == 4 ? ' ' : 'a';
    big[10240] = '\0';
    assert_bad(big, 10240, BT_ELIMIT, "too long");
    assert_bad(big, 400, BT_ELIMIT, "more than");
    free(big);
}

/* No query text can break out of its FTS5 strings: quotes inside words are doubled. */
static void test_quoting(void **state)
{
    (void)state;
    bti_qplan *p = compile_ok("NEAR(ab cd) AND xy* OR (yz) {title}:zz ^ww",
                             "\"near ab\" AND \"cd\" AND \"and\" AND (\"xy\"* OR \"yz\") AND "
                             "\"title zz\" AND \"ww\"");
    bti_qplan_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_all_match), cmocka_unit_test(test_phrase),
        cmocka_unit_test(test_exclude),         cmocka_unit_test(test_or),
        cmocka_unit_test(test_prefix),          cmocka_unit_test(test_fields),
        cmocka_unit_test(test_dates),           cmocka_unit_test(test_every_word_counts),
        cmocka_unit_test(test_phrase_tier), cmocka_unit_test(test_operators_keep_text),
        cmocka_unit_test(test_bad_queries),     cmocka_unit_test(test_quoting), cmocka_unit_test(test_tone_placement),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
