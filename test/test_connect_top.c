/* test_connect_top.c: most-read (bantin/top.h) and the record's kind and most_read fields
 * through the store: views counted per day (unknown and malformed ids, read-only stores, an
 * article under its record's own id), mentions in stored most-read boxes resolved by URL and
 * by folded title when counted (a box stored before the article it names), the window and its bad arguments, an empty store,
 * the JSON writer, kind: in the query language, and the CLI (`bantin top`, `show
 * --no-count`). */
#include "support.h"

#include "bantin.h"
#include "store/db.h" /* bti_store_add_own_id: an article under its record's own id */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct fx {
    char path[64];
    bt_store *s;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    snprintf(f->path, sizeof f->path, "/tmp/bt_top_%d.db", (int)getpid());
    unlink(f->path);
    bt_error err;
    if (bt_store_open(f->path, 0, &f->s, &err))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    bt_store_close(f->s);
    char p[80];
    unlink(f->path);
    snprintf(p, sizeof p, "%s-wal", f->path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", f->path);
    unlink(p);
    free(f);
    return 0;
}

/* Stores an article; returns its id in id[17]. */
static void put(bt_store *s, const char *title, const char *url, const char *published,
                const char *kind, const char *const *box, char id[17])
{
    bt_article *a = bt_article_new();
    assert_non_null(a);
    assert_int_equal(bt_article_set(&a->title, title, strlen(title)), 0);
    if (url)
        assert_int_equal(bt_article_set(&a->url, url, strlen(url)), 0);
    if (published)
        assert_int_equal(bt_article_set(&a->published, published, strlen(published)), 0);
    if (kind)
        assert_int_equal(bt_article_set(&a->kind, kind, strlen(kind)), 0);
    char para[200];
    snprintf(para, sizeof para, "Nội dung của bài %s, viết cho phép thử.", title);
    assert_int_equal(bt_article_add_para(a, para), 0);
    for (size_t i = 0; box && box[i]; i += 2)
        assert_int_equal(bt_article_add_most_read(a, box[i], box[i + 1][0] ? box[i + 1] : NULL), 0);
    bt_error err;
    assert_true(test_store_add(s, a, NULL, id, &err) >= 0);
    bt_article_free(a);
}

static void test_record_json(void **state)
{
    (void)state;
    const char *in = "{\"title\":\"T\",\"body\":[\"p\"],\"kind\":\"video\","
                     "\"most_read\":[{\"title\":\"Một\",\"url\":\"https://a.vn/1\"},"
                     "{\"title\":\"Hai\",\"url\":null},\"Ba\"]}";
    bt_article *a;
    bt_error err;
    assert_int_equal(bt_article_from_json(in, strlen(in), &a, &err), 0);
    assert_string_equal(a->kind, "video");
    assert_int_equal(a->n_most_read, 3);
    assert_string_equal(a->most_read[0].url, "https://a.vn/1");
    assert_null(a->most_read[1].url);
    assert_string_equal(a->most_read[2].title, "Ba");
    char *out;
    assert_int_equal(bt_article_to_json(a, 0, &out, &err), 0);
    assert_non_null(strstr(out, "\"kind\":\"video\",\"most_read\":[{\"title\":\"Một\","
                                "\"url\":\"https://a.vn/1\"},{\"title\":\"Hai\",\"url\":null}"));
    free(out);
    bt_article_free(a);
    /* an article's kind is written out, "article" included */
    a = bt_article_new();
    assert_int_equal(bt_article_to_json(a, 0, &out, &err), 0);
    assert_non_null(strstr(out, "\"kind\":\"article\",\"most_read\":[]"));
    free(out);
    bt_article_free(a);
    /* bad input names the field */
    const char *bad[] = {"{\"kind\":\"movie\"}", "{\"kind\":3}", "{\"most_read\":{}}",
                         "{\"most_read\":[1]}"};
    const char *says[] = {"kind", "kind", "most_read", "most_read[0]"};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(bt_article_from_json(bad[i], strlen(bad[i]), &a, &err), BT_EPARSE);
        assert_null(a);
        assert_non_null(strstr(err.msg, says[i]));
    }
    assert_true(bt_article_kind_known("infographic"));
    assert_false(bt_article_kind_known("Video"));
    assert_false(bt_article_kind_known(NULL));
}

static void test_store_keeps_fields(void **state)
{
    fx *f = *state;
    const char *box[] = {"Giá xăng giảm mạnh từ chiều nay", "https://bao.vn/xang", NULL};
    char id[17], id2[17];
    put(f->s, "Lễ hội đèn lồng Hội An", NULL, NULL, "video", box, id);
    put(f->s, "Phiên chợ quê ngày Tết", NULL, NULL, "article", NULL, id2);
    bt_article *a;
    bt_error err;
    assert_int_equal(bt_store_get(f->s, id, &a, &err), 0);
    assert_string_equal(a->kind, "video");
    assert_int_equal(a->n_most_read, 1);
    assert_string_equal(a->most_read[0].title, "Giá xăng giảm mạnh từ chiều nay");
    assert_string_equal(a->most_read[0].url, "https://bao.vn/xang");
    bt_article_free(a);
    assert_int_equal(bt_store_get(f->s, id2, &a, &err), 0);
    assert_null(a->kind); /* "article" is the default, kept as none */
    bt_article_free(a);
    /* kind: filters on the stored column, alone or with words */
    const struct {
        const char *q;
        int64_t total;
    } cases[] = {{"kind:video", 1},        {"kind:article", 1}, {"-kind:video phiên", 1},
                 {"hội kind:video", 1},    {"tết kind:video", 0}, {"kind:photo", 0},
                 {"-kind:article lễ", 1}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bt_search_results *r;
        assert_int_equal(bt_search_run(f->s, cases[i].q, NULL, &r, &err), 0);
        if (r->total != cases[i].total)
            fail_msg("%s: %lld, not %lld", cases[i].q, (long long)r->total,
                     (long long)cases[i].total);
        bt_search_results_free(r);
    }
    bt_search_results *r;
    assert_int_equal(bt_search_run(f->s, "kind:movie", NULL, &r, &err), BT_EINVAL);
    assert_non_null(strstr(err.msg, "kind:movie"));
    assert_int_equal(bt_search_run(f->s, "kind:video kind:photo", NULL, &r, &err), BT_EINVAL);
    /* removing an article takes its box along */
    assert_int_equal(bt_store_remove(f->s, id, &err), 0);
}

static void test_views(void **state)
{
    fx *f = *state;
    bt_error err;
    bt_top_list *l;
    /* an empty store: an empty list, not an error */
    assert_int_equal(bt_top(f->s, 7, BT_TOP_VIEWS, 10, NULL, &l, &err), 0);
    assert_int_equal(l->n, 0);
    bt_top_list_free(l);
    char a[17], b[17];
    put(f->s, "Bài được xem nhiều", NULL, "2024-05-01T08:00:00+07:00", NULL, NULL, a);
    put(f->s, "Bài được xem ít", NULL, NULL, "photo", NULL, b);
    assert_int_equal(bt_article_view(f->s, "0123456789abcdef", &err), BT_ENOTFOUND);
    assert_non_null(strstr(err.msg, "0123456789abcdef"));
    /* "xyz" could be the id a record carried: not stored, not malformed */
    assert_int_equal(bt_article_view(f->s, "xyz", &err), BT_ENOTFOUND);
    assert_int_equal(bt_article_view(f->s, "x y", &err), BT_EINVAL);
    assert_int_equal(bt_article_view(f->s, "0123456789abcdef0", &err), BT_EINVAL);
    assert_int_equal(bt_article_view(f->s, NULL, &err), BT_EINVAL);
    for (int i = 0; i < 3; i++)
        assert_int_equal(bt_article_view(f->s, a, &err), 0);
    assert_int_equal(bt_article_view(f->s, b, &err), 0);
    assert_int_equal(bt_top(f->s, 1, BT_TOP_VIEWS, 10, NULL, &l, &err), 0);
    assert_int_equal(l->n, 2);
    assert_string_equal(l->items[0].id, a);
    assert_int_equal(l->items[0].count, 3);
    assert_string_equal(l->items[0].kind, "article");
    assert_string_equal(l->items[1].kind, "photo");
    assert_int_equal(l->items[1].count, 1);
    char *json;
    assert_int_equal(bt_top_to_json(l, 0, &json, &err), 0);
    assert_non_null(strstr(json, "{\"by\":\"views\",\"days\":1,\"from\":\""));
    assert_non_null(strstr(json, "\"count\":3}"));
    free(json);
    bt_top_list_free(l);
    assert_int_equal(bt_top(f->s, 1, BT_TOP_VIEWS, 1, NULL, &l, &err), 0);
    assert_int_equal(l->n, 1);
    bt_top_list_free(l);
    /* views of another window are not counted in this one */
    assert_int_equal(bt_top(f->s, 7, BT_TOP_VIEWS, 10, "2001-01-31", &l, &err), 0);
    assert_int_equal(l->n, 0);
    assert_string_equal(l->from, "2001-01-25");
    bt_top_list_free(l);
    /* bad arguments */
    assert_int_equal(bt_top(f->s, 0, BT_TOP_VIEWS, 10, NULL, &l, &err), BT_EINVAL);
    assert_int_equal(bt_top(f->s, 7, 9, 10, NULL, &l, &err), BT_EINVAL);
    assert_int_equal(bt_top(f->s, 7, BT_TOP_VIEWS, 0, NULL, &l, &err), BT_EINVAL);
    assert_int_equal(bt_top(f->s, 7, BT_TOP_VIEWS, 10, "2024-02-30", &l, &err), BT_EINVAL);
    assert_non_null(strstr(err.msg, "2024-02-30"));
    assert_int_equal(bt_top(f->s, 7, BT_TOP_VIEWS, 10, "yesterday", &l, &err), BT_EINVAL);
    assert_null(l);
    int by = -1;
    assert_int_equal(bt_top_by_from_name("mentions", &by), 0);
    assert_int_equal(by, BT_TOP_MENTIONS);
    assert_int_equal(bt_top_by_from_name("likes", &by), BT_EINVAL);
    /* a read-only store does not count */
    bt_store *ro;
    assert_int_equal(bt_store_open(f->path, BT_STORE_READONLY, &ro, &err), 0);
    assert_int_equal(bt_article_view(ro, a, &err), BT_EINVAL);
    assert_non_null(strstr(err.msg, "read-only"));
    bt_store_close(ro);
    /* an article stored under its record's own id counts its views too */
    bt_article *own = bt_article_new();
    assert_non_null(own);
    const char *title = "Bài mang id riêng", *rid = "vn:tin-01.b_2";
    assert_int_equal(bt_article_set(&own->title, title, strlen(title)), 0);
    assert_int_equal(bt_article_set(&own->id, rid, strlen(rid)), 0);
    assert_int_equal(bt_article_add_para(own, "Nội dung của bài mang id riêng."), 0);
    char oid[17];
    int outcome = 0;
    assert_int_equal(bti_store_add_own_id(f->s, own, NULL, &outcome, oid, &err), 0);
    assert_string_equal(oid, rid);
    bt_article_free(own);
    assert_int_equal(bt_article_view(f->s, oid, &err), 0);
    assert_int_equal(bt_top(f->s, 1, BT_TOP_VIEWS, 10, NULL, &l, &err), 0);
    assert_int_equal(l->n, 3);
    assert_string_equal(l->items[2].id, rid);
    assert_int_equal(l->items[2].count, 1);
    bt_top_list_free(l);
    assert_int_equal(bt_store_remove(f->s, oid, &err), 0);
    /* removing an article takes its views along */
    assert_int_equal(bt_store_remove(f->s, a, &err), 0);
    assert_int_equal(bt_top(f->s, 1, BT_TOP_VIEWS, 10, NULL, &l, &err), 0);
    assert_int_equal(l->n, 1);
    assert_string_equal(l->items[0].id, b);
    bt_top_list_free(l);
}

static void test_mentions(void **state)
{
    fx *f = *state;
    char b[17], c[17], d[17], p1[17], p2[17], old[17];
    put(f->s, "Giá xăng giảm mạnh từ chiều nay", "https://bao.vn/xang", "2024-05-09T10:00:00+07:00",
        NULL, NULL, b);
    put(f->s, "Mưa lớn kéo dài ở miền Trung", "https://bao.vn/mua", "2024-05-09T11:00:00+07:00",
        NULL, NULL, c);
    /* two pages of 2024-05-10 with the portal's box: B by URL (under another title), C by
     * its title folded (no URL, other case and marks), D not stored yet, a short title */
    const char *box1[] = {"Xăng giảm giá", "https://bao.vn/xang",
                          "MUA LON KEO DAI O MIEN TRUNG", "",
                          "Đội tuyển thắng trận mở màn vòng loại", "https://bao.vn/bong-da",
                          "Video", "", NULL};
    const char *box2[] = {"Giá xăng giảm mạnh từ chiều nay", "https://other.vn/x", NULL};
    put(f->s, "Trang một có hộp đọc nhiều", NULL, "2024-05-10T07:00:00+07:00", NULL, box1, p1);
    put(f->s, "Trang hai có hộp đọc nhiều", NULL, "2024-05-10T08:00:00+07:00", NULL, box2, p2);
    /* a box of a page long before the window counts nothing in it */
    put(f->s, "Trang cũ có hộp đọc nhiều", NULL, "2023-01-01T08:00:00+07:00", NULL, box2, old);
    bt_error err;
    bt_top_list *l;
    assert_int_equal(bt_top(f->s, 7, BT_TOP_MENTIONS, 10, "2024-05-12", &l, &err), 0);
    assert_int_equal(l->n, 2);
    assert_string_equal(l->items[0].id, b);
    assert_int_equal(l->items[0].count, 2);
    assert_string_equal(l->items[1].id, c);
    assert_int_equal(l->items[1].count, 1);
    bt_top_list_free(l);
    /* the article a box named before it was stored counts once it is */
    put(f->s, "Đội tuyển thắng trận mở màn vòng loại", "https://bao.vn/bong-da", NULL, NULL, NULL,
        d);
    assert_int_equal(bt_top(f->s, 3, BT_TOP_MENTIONS, 10, "2024-05-10", &l, &err), 0);
    assert_int_equal(l->n, 3);
    assert_string_equal(l->items[2].id, d);
    char *json;
    assert_int_equal(bt_top_to_json(l, BT_JSON_PRETTY, &json, &err), 0);
    assert_non_null(strstr(json, "\"by\": \"mentions\""));
    assert_non_null(strstr(json, "\"until\": \"2024-05-10\""));
    free(json);
    bt_top_list_free(l);
    /* a window that ends before the pages: nothing */
    assert_int_equal(bt_top(f->s, 1, BT_TOP_MENTIONS, 10, "2024-05-09", &l, &err), 0);
    assert_int_equal(l->n, 0);
    bt_top_list_free(l);
    /* a page removed: its box no longer counts */
    assert_int_equal(bt_store_remove(f->s, p2, &err), 0);
    assert_int_equal(bt_top(f->s, 7, BT_TOP_MENTIONS, 1, "2024-05-12", &l, &err), 0);
    assert_int_equal(l->items[0].count, 1);
    bt_top_list_free(l);
}

static void test_cli(void **state)
{
    fx *f = *state;
    char a[17];
    put(f->s, "Bài để xem qua dòng lệnh", NULL, NULL, NULL, NULL, a);
    bt_store_close(f->s);
    f->s = NULL;
    char cmd[512], *out = NULL, *err = NULL;
    const char *bin = test_bantin_bin();
    snprintf(cmd, sizeof cmd, "%s show --db %s --no-count %s", bin, f->path, a);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    free(out);
    snprintf(cmd, sizeof cmd, "%s top --db %s --format json", bin, f->path);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    assert_non_null(strstr(out, "\"articles\":[]"));
    free(out);
    for (int i = 0; i < 2; i++) {
        snprintf(cmd, sizeof cmd, "%s show --db %s %.8s", bin, f->path, a);
        assert_int_equal(test_run(cmd, &out, NULL), 0);
        free(out);
    }
    snprintf(cmd, sizeof cmd, "%s top --db %s --days 1 --by views", bin, f->path);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    assert_non_null(strstr(out, "2  "));
    assert_non_null(strstr(out, a));
    free(out);
    const char *bad[] = {"--days 0", "--days x", "--by likes", "--limit 5000", "--format xml",
                         "--until 2024-13-01", "--bogus"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(cmd, sizeof cmd, "%s top --db %s %s", bin, f->path, bad[i]);
        if (test_run(cmd, NULL, &err) != 2)
            fail_msg("top %s: not a usage error", bad[i]);
        assert_non_null(strstr(err, "top"));
        free(err);
    }
    snprintf(cmd, sizeof cmd, "%s top --db %s.none", bin, f->path);
    assert_int_equal(test_run(cmd, NULL, &err), 1);
    assert_non_null(strstr(err, "no database"));
    free(err);
    snprintf(cmd, sizeof cmd, "%s show --db %s ffffffffffffffff", bin, f->path);
    assert_int_equal(test_run(cmd, NULL, NULL), 1);
    bt_error e;
    assert_int_equal(bt_store_open(f->path, 0, &f->s, &e), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_record_json),
        cmocka_unit_test_setup_teardown(test_store_keeps_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(test_views, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mentions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cli, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
