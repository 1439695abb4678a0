/* test_article.c: the article record: building, ids, JSON both ways, bad JSON. */
#include "support.h"

#include "bantin.h"

#include <stdlib.h>
#include <string.h>

static bt_article *sample(void)
{
    bt_article *a = bt_article_new();
    assert_non_null(a);
    assert_int_equal(bt_article_set(&a->title, "Đàm phán ở Doha", strlen("Đàm phán ở Doha")), 0);
    assert_int_equal(bt_article_set(&a->origin, "x.txt", 5), 0);
    assert_int_equal(bt_article_add_para(a, "Đoạn một."), 0);
    assert_int_equal(bt_article_add_para(a, "Đoạn \"hai\"."), 0);
    assert_int_equal(bt_article_add_author(a, "Hà Linh"), 0);
    assert_int_equal(bt_article_add_image(a, NULL, "Ngoại trưởng Nga.", "TASS"), 0);
    assert_int_equal(bt_article_add_related(a, "Tin khác", "https://example.vn/a"), 0);
    assert_int_equal(bt_article_set_id(a), 0);
    return a;
}

static void test_json_round_trip(void **state)
{
    (void)state;
    bt_article *a = sample();
    bt_error err;
    char *json = bt_article_to_json(a, 0, &err);
    assert_non_null(json);
    assert_non_null(strstr(json, "\"title\":\"Đàm phán ở Doha\""));
    assert_non_null(strstr(json, "\"credit\":\"TASS\""));
    assert_non_null(strstr(json, "\"published\":null"));
    bt_article *b;
    assert_int_equal(bt_article_from_json(json, strlen(json), &b, &err), 0);
    assert_string_equal(b->title, a->title);
    assert_int_equal(b->n_body, 2);
    assert_string_equal(b->body[1], "Đoạn \"hai\".");
    assert_string_equal(b->images[0].credit, "TASS");
    assert_null(b->images[0].src);
    assert_string_equal(b->related[0].url, "https://example.vn/a");
    assert_string_equal(b->id, a->id);
    char *json2 = bt_article_to_json(b, 0, &err);
    assert_string_equal(json, json2);
    free(json);
    free(json2);
    bt_article_free(a);
    bt_article_free(b);
}

static void test_id_is_content_based(void **state)
{
    (void)state;
    bt_article *a = sample(), *b = sample();
    assert_int_equal(strlen(a->id), 16);
    assert_string_equal(a->id, b->id);
    assert_int_equal(bt_article_add_para(b, "Thêm."), 0);
    assert_int_equal(bt_article_set_id(b), 0);
    assert_string_not_equal(a->id, b->id);
    bt_article_free(a);
    bt_article_free(b);
}

static void test_bad_json(void **state)
{
    (void)state;
    bt_article *a;
    bt_error err;
    const char *cases[] = {"", "[1]", "{\"title\": 3}", "{\"body\": \"x\"}", "{\"body\": [1]}",
                           "{\"images\": [\"x\"]}", "{\"title\": \"a\""};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(bt_article_from_json(cases[i], strlen(cases[i]), &a, &err), BT_EPARSE);
        assert_null(a);
        assert_true(strlen(err.msg) > 0);
    }
    assert_int_equal(bt_article_from_json("{\"title\": 3}", 12, &a, &err), BT_EPARSE);
    assert_non_null(strstr(err.msg, "title"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_id_is_content_based),
        cmocka_unit_test(test_bad_json),
    };
    return cmocka_run_group_tests_name("article", tests, NULL, NULL);
}
