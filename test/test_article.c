/* test_article.c: the article record stage (src/article/): building, ids, JSON both ways,
 * bad JSON, and the reader renderings with their escaping. */
#include "support.h"

#include "bantin.h"
#include "core/json.h"

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
    char *json;
    bt_article_to_json(a, 0, &json, &err);
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
    char *json2;
    bt_article_to_json(b, 0, &json2, &err);
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

static void test_set_and_add(void **state)
{
    (void)state;
    bt_article *a = bt_article_new();
    assert_non_null(a);
    /* set copies n bytes (not to the NUL) and replaces; NULL clears */
    assert_int_equal(bt_article_set(&a->title, "Tin nóng hổi", 3), 0);
    assert_string_equal(a->title, "Tin");
    assert_int_equal(bt_article_set(&a->title, "Tin mới", strlen("Tin mới")), 0);
    assert_string_equal(a->title, "Tin mới");
    assert_int_equal(bt_article_set(&a->lede, NULL, 0), 0);
    assert_null(a->lede);
    assert_int_equal(bt_article_set(&a->title, NULL, 5), 0);
    assert_null(a->title);
    /* add_* copy; NULL caption becomes "", NULL src/credit/url stay NULL */
    char para[] = "Đoạn một.";
    assert_int_equal(bt_article_add_para(a, para), 0);
    para[0] = 'X';
    assert_string_equal(a->body[0], "Đoạn một.");
    assert_int_equal(bt_article_add_para(a, NULL), 0);
    assert_string_equal(a->body[1], "");
    assert_int_equal(bt_article_add_author(a, "A"), 0);
    assert_int_equal(bt_article_add_author(a, "B"), 0);
    assert_int_equal(a->n_authors, 2);
    assert_string_equal(a->authors[1], "B");
    assert_int_equal(bt_article_add_image(a, NULL, NULL, NULL), 0);
    assert_null(a->images[0].src);
    assert_string_equal(a->images[0].caption, "");
    assert_null(a->images[0].credit);
    assert_int_equal(bt_article_add_related(a, NULL, NULL), 0);
    assert_string_equal(a->related[0].title, "");
    assert_null(a->related[0].url);
    assert_int_equal(a->n_body, 2);
    assert_int_equal(a->n_images, 1);
    assert_int_equal(a->n_related, 1);
    bt_article_free(a);
    bt_article_free(NULL);
}

/* The id is the content's: the same article reached through NFD text with ragged white space
 * (another capture of the page) has the same id, as extraction normalises before hashing. */
static void test_id_stable_across_nfc_and_space(void **state)
{
    (void)state;
    const char *nfc = "Đàm phán ở Doha\n\nHà Nội - Hai bên đã đàm phán suốt đêm về lệnh "
                      "ngừng bắn.\n\nCuộc họp kết thúc lúc rạng sáng với một tuyên bố chung.\n";
    /* the same with combining marks (a + U+0300, o + U+031B + U+0309 ...) and extra spaces */
    const char *nfd = "\xc4\x90" "a\xcc\x80m  pha\xcc\x81n \xc6\xa1\xcc\x89  Doha \n\n"
                      "Ha\xcc\x80 N\xc3\xb4\xcc\xa3i - Hai b\xc3\xaan \xc4\x91\xc3\xa3 "
                      "\xc4\x91" "a\xcc\x80m  pha\xcc\x81n su\xc3\xb4\xcc\x81t \xc4\x91\xc3\xaam "
                      "v\xc3\xaa\xcc\x80 l\xc3\xaa\xcc\xa3nh \tng\xc6\xb0\xcc\x80ng b\xc4\x83\xcc\x81n.\n\n"
                      "Cu\xc3\xb4\xcc\xa3" "c ho\xcc\xa3p k\xc3\xaa\xcc\x81t thu\xcc\x81" "c "
                      "lu\xcc\x81" "c ra\xcc\xa3ng sa\xcc\x81ng v\xc6\xa1\xcc\x81i m\xc3\xb4\xcc\xa3t "
                      "tuy\xc3\xaan b\xc3\xb4\xcc\x81 chung.\n";
    bt_article *a = NULL, *b = NULL;
    bt_error err;
    bt_capture ca = {nfc, strlen(nfc), "utf-8", NULL, "a.txt", NULL, BT_KIND_TEXT, NULL};
    bt_capture cb = {nfd, strlen(nfd), "utf-8", NULL, "b.txt", NULL, BT_KIND_TEXT, NULL};
    assert_int_equal(bt_extract(&ca, NULL, &a, &err), 0);
    assert_int_equal(bt_extract(&cb, NULL, &b, &err), 0);
    assert_string_equal(b->title, a->title);
    assert_string_equal(b->id, a->id);
    /* the id is computed, not kept: set_id on a copy built by hand agrees */
    bt_article *c = bt_article_new();
    assert_non_null(c);
    assert_int_equal(bt_article_set(&c->title, a->title, strlen(a->title)), 0);
    if (a->lede)
        assert_int_equal(bt_article_set(&c->lede, a->lede, strlen(a->lede)), 0);
    for (size_t i = 0; i < a->n_body; i++)
        assert_int_equal(bt_article_add_para(c, a->body[i]), 0);
    assert_int_equal(bt_article_set(&c->source, "another source", 14), 0);
    assert_int_equal(bt_article_set_id(c), 0);
    assert_string_equal(c->id, a->id);
    bt_article_free(a);
    bt_article_free(b);
    bt_article_free(c);
}

/* A field of the wrong type fails and the message names it (with its index in a list). */
static void test_wrong_type_named(void **state)
{
    (void)state;
    static const struct {
        const char *json, *named;
    } cases[] = {
        {"{\"url\": 1}", "\"url\""},
        {"{\"lang\": [\"vi\"]}", "\"lang\""},
        {"{\"published\": {}}", "\"published\""},
        {"{\"authors\": \"Hà Linh\"}", "\"authors\""},
        {"{\"authors\": [\"a\", 2]}", "authors[1]"},
        {"{\"body\": [\"a\", \"b\", null]}", "body[2]"},
        {"{\"images\": [{}, 3]}", "images[1]"},
        {"{\"related\": [true]}", "related[0]"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bt_article *a = (bt_article *)1;
        bt_error err;
        assert_int_equal(bt_article_from_json(cases[i].json, strlen(cases[i].json), &a, &err),
                         BT_EPARSE);
        assert_null(a);
        assert_int_equal(err.code, BT_EPARSE);
        if (!strstr(err.msg, cases[i].named))
            fail_msg("%s: message '%s' does not name %s", cases[i].json, err.msg,
                     cases[i].named);
    }
    /* null is "absent" for every field; a related item may be a bare title */
    const char *ok = "{\"title\":\"T\",\"url\":null,\"authors\":null,\"related\":[\"Tin\"]}";
    bt_article *a;
    bt_error err;
    assert_int_equal(bt_article_from_json(ok, strlen(ok), &a, &err), 0);
    assert_null(a->url);
    assert_int_equal(a->n_authors, 0);
    assert_string_equal(a->related[0].title, "Tin");
    assert_null(a->related[0].url);
    bt_article_free(a);
}

/* The exact bytes of the spec's object: field order, nulls, escaping, pretty form. */
static void test_json_exact(void **state)
{
    (void)state;
    bt_article *a = bt_article_new();
    assert_non_null(a);
    assert_int_equal(bt_article_set(&a->title, "Say \"hi\"\t\\ Đà", strlen("Say \"hi\"\t\\ Đà")), 0);
    assert_int_equal(bt_article_add_para(a, "a\x01" "b/c"), 0);
    bt_error err;
    char *j;
    bt_article_to_json(a, 0, &j, &err);
    assert_non_null(j);
    assert_string_equal(j, "{\"id\":null,\"origin\":null,\"url\":null,\"source\":null,"
                           "\"title\":\"Say \\\"hi\\\"\\t\\\\ Đà\",\"published\":null,"
                           "\"authors\":[],\"lede\":null,\"body\":[\"a\\u0001b/c\"],"
                           "\"images\":[],\"related\":[],\"lang\":\"vi\",\"kind\":\"article\",\"most_read\":[]}");
    free(j);
    bt_article_to_json(a, BT_JSON_PRETTY, &j, &err);
    assert_non_null(j);
    assert_true(strncmp(j, "{\n  \"id\": null,\n  \"origin\": null,", 32) == 0);
    assert_non_null(strstr(j, "\"body\": [\n    \"a\\u0001b/c\"\n  ],"));
    assert_int_not_equal(j[strlen(j) - 1], '\n');
    free(j);
    bt_article_free(a);
}

/* The record as the library wrote it through a jansson tree before json_out.c wrote it
 * directly: the bytes the store hashed for a record added without its capture, so the
 * direct writer must give them all (test_json_same_as_tree). */
static char *tree_json(const bt_article *a, unsigned flags)
{
    json_t *o = json_object(), *authors = json_array(), *body = json_array(),
           *images = json_array(), *related = json_array(), *most_read = json_array();
    assert_true(o && authors && body && images && related && most_read);
    for (size_t i = 0; i < a->n_authors; i++)
        json_array_append_new(authors, json_string(a->authors[i]));
    for (size_t i = 0; i < a->n_body; i++)
        json_array_append_new(body, json_string(a->body[i]));
    for (size_t i = 0; i < a->n_images; i++)
        json_array_append_new(
            images, json_pack("{s:o,s:s,s:o}", "src", bti_json_str_or_null(a->images[i].src),
                              "caption", a->images[i].caption ? a->images[i].caption : "",
                              "credit", bti_json_str_or_null(a->images[i].credit)));
    bt_related *lists[2] = {a->related, a->most_read};
    size_t counts[2] = {a->n_related, a->n_most_read};
    json_t *arrays[2] = {related, most_read};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < counts[k]; i++)
            json_array_append_new(arrays[k],
                                  json_pack("{s:s,s:o}", "title",
                                            lists[k][i].title ? lists[k][i].title : "", "url",
                                            bti_json_str_or_null(lists[k][i].url)));
    json_object_set_new(o, "id", bti_json_str_or_null(a->id));
    json_object_set_new(o, "origin", bti_json_str_or_null(a->origin));
    json_object_set_new(o, "url", bti_json_str_or_null(a->url));
    json_object_set_new(o, "source", bti_json_str_or_null(a->source));
    json_object_set_new(o, "title", json_string(a->title ? a->title : ""));
    json_object_set_new(o, "published", bti_json_str_or_null(a->published));
    json_object_set_new(o, "authors", authors);
    json_object_set_new(o, "lede", bti_json_str_or_null(a->lede));
    json_object_set_new(o, "body", body);
    json_object_set_new(o, "images", images);
    json_object_set_new(o, "related", related);
    json_object_set_new(o, "lang", json_string(a->lang ? a->lang : "vi"));
    json_object_set_new(o, "kind", json_string(a->kind ? a->kind : BT_ARTICLE_KIND_ARTICLE));
    json_object_set_new(o, "most_read", most_read);
    char *out;
    assert_int_equal(bti_json_dump(o, flags, &out), 0);
    json_decref(o);
    return out;
}

/* A string of 0-11 pieces that JSON writing cares about: escapes, control bytes, Vietnamese,
 * a four-byte character, and bytes that are not UTF-8 (a lone lead byte, a surrogate, an
 * overlong '/'); or NULL (when `nullable`) one time in six. */
static char *gen_str(uint64_t *rng, int nullable)
{
    static const char *const pieces[] = {
        "a", "Đà Nẵng", "\"", "\\", "\t", "\n", "\r", "\b", "\f", "\x01", "\x1f", "/", "\x7f",
        "\xf0\x9f\x98\x80", "\xe2\x80\xa8", " ", "ư", "\xc3", "\xed\xa0\x80", "\xc0\xaf", "\xff",
    };
    *rng = *rng * 6364136223846793005ull + 1442695040888963407ull;
    unsigned r = (unsigned)(*rng >> 33);
    if (nullable && r % 6 == 0)
        return NULL;
    static char buf[160];
    buf[0] = '\0';
    for (unsigned i = 0, n = (r >> 3) % 12; i < n; i++) {
        *rng = *rng * 6364136223846793005ull + 1442695040888963407ull;
        /* the bad bytes rarely, so that most records keep most of their strings */
        unsigned k = (unsigned)(*rng >> 33) % 64;
        size_t np = sizeof pieces / sizeof pieces[0];
        strcat(buf, pieces[k < 60 ? k % (np - 4) : np - 4 + k % 4]);
    }
    return buf;
}

static void set_gen(char **field, uint64_t *rng, int nullable)
{
    char *s = gen_str(rng, nullable);
    assert_int_equal(bt_article_set(field, s, s ? strlen(s) : 0), 0);
}

/* The direct writer gives the jansson tree's bytes, compact and pretty, on 3,000 generated
 * records: every field null or not, lists empty or not, escapes, and strings that are not
 * UTF-8 (left out: a key, an item, a whole image or link). */
static void test_json_same_as_tree(void **state)
{
    (void)state;
    uint64_t rng = 15;
    for (int n = 0; n < 3000; n++) {
        bt_article *a = bt_article_new();
        assert_non_null(a);
        char **fields[] = {&a->id, &a->origin, &a->url, &a->source, &a->title,
                           &a->published, &a->lede, &a->lang, &a->kind};
        for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
            set_gen(fields[f], &rng, 1);
        for (unsigned i = 0, k = (unsigned)(rng >> 40) % 4; i < k; i++) {
            assert_int_equal(bt_article_add_author(a, gen_str(&rng, 0)), 0);
            assert_int_equal(bt_article_add_para(a, gen_str(&rng, 0)), 0);
        }
        for (unsigned i = 0, k = (unsigned)(rng >> 45) % 3; i < k; i++) {
            char src[160], cap[160];
            char *s = gen_str(&rng, 1);
            if (s)
                strcpy(src, s);
            strcpy(cap, gen_str(&rng, 0));
            assert_int_equal(bt_article_add_image(a, s ? src : NULL, cap, gen_str(&rng, 1)), 0);
            strcpy(cap, gen_str(&rng, 0));
            s = gen_str(&rng, 1);
            assert_int_equal((i & 1 ? bt_article_add_most_read : bt_article_add_related)(a, cap, s),
                             0);
        }
        for (unsigned flags = 0; flags <= BT_JSON_PRETTY; flags++) {
            char *want = tree_json(a, flags), *got;
            bt_error err;
            assert_int_equal(bt_article_to_json(a, flags, &got, &err), 0);
            assert_string_equal(got, want);
            free(got);
            free(want);
        }
        bt_article_free(a);
    }
}

static bt_article *render_sample(void)
{
    bt_article *a = bt_article_new();
    assert_non_null(a);
    assert_int_equal(bt_article_set(&a->title, "Giá <vàng> tăng", strlen("Giá <vàng> tăng")), 0);
    assert_int_equal(bt_article_set(&a->published, "2024-05-01T08:00:00+07:00", 25), 0);
    assert_int_equal(bt_article_set(&a->source, "Báo A", strlen("Báo A")), 0);
    assert_int_equal(bt_article_set(&a->url, "https://a.vn/x", 14), 0);
    assert_int_equal(bt_article_set(&a->lede, "Sáng nay giá vàng *tăng*.", strlen("Sáng nay giá vàng *tăng*.")), 0);
    assert_int_equal(bt_article_add_author(a, "Hà Linh"), 0);
    assert_int_equal(bt_article_add_para(a, "Đoạn một & hai."), 0);
    assert_int_equal(bt_article_add_para(a, "1. Không phải danh sách."), 0);
    assert_int_equal(bt_article_add_image(a, "https://a.vn/i.jpg", "Tiệm vàng.", "TTXVN"), 0);
    assert_int_equal(bt_article_add_related(a, "Tin khác", "javascript:alert(1)"), 0);
    return a;
}

static void test_render(void **state)
{
    (void)state;
    bt_article *a = render_sample();
    bt_error err;
    char *t;
    bt_article_render(a, BT_FORMAT_TEXT, &t, &err);
    assert_non_null(t);
    assert_true(strncmp(t, "Giá <vàng> tăng\n2024-05-01T08:00:00+07:00 · Hà Linh · Báo A\n", 61) == 0);
    assert_non_null(strstr(t, "\nĐoạn một & hai.\n"));
    assert_non_null(strstr(t, "[Image: Tiệm vàng. — TTXVN]"));
    assert_true(strstr(t, "Sáng nay") < strstr(t, "Đoạn một"));
    free(t);
    char *m;
    bt_article_render(a, BT_FORMAT_MARKDOWN, &m, &err);
    assert_non_null(m);
    assert_true(strncmp(m, "# Giá \\<vàng\\> tăng\n", strlen("# Giá \\<vàng\\> tăng\n")) == 0);
    assert_non_null(strstr(m, "**Sáng nay giá vàng \\*tăng\\*.**"));
    assert_non_null(strstr(m, "\n1\\. Không phải"));
    assert_non_null(strstr(m, "![Tiệm vàng.](https://a.vn/i.jpg)"));
    assert_null(strstr(m, "javascript:"));
    free(m);
    char *h;
    bt_article_render(a, BT_FORMAT_HTML, &h, &err);
    assert_non_null(h);
    assert_non_null(strstr(h, "<h1>Giá &lt;vàng&gt; tăng</h1>"));
    assert_non_null(strstr(h, "<p>Đoạn một &amp; hai.</p>"));
    assert_non_null(strstr(h, "<figcaption>Tiệm vàng. <span class=\"credit\">TTXVN</span>"));
    assert_null(strstr(h, "javascript:"));
    assert_non_null(strstr(h, "<li>Tin khác</li>"));
    free(h);
    char *j;
    bt_article_render(a, BT_FORMAT_JSON, &j, &err);
    assert_non_null(j);
    assert_int_equal(j[0], '{');
    assert_int_equal(j[strlen(j) - 1], '\n');
    free(j);
    char *none = (char *)"unchanged";
    assert_int_equal(bt_article_render(a, 99, &none, &err), BT_EINVAL);
    assert_null(none);
    assert_int_equal(err.code, BT_EINVAL);
    assert_int_equal(bt_article_render(NULL, BT_FORMAT_TEXT, &none, &err), BT_EINVAL);
    assert_null(none);
    assert_int_equal(err.code, BT_EINVAL);
    assert_int_equal(bt_article_render(a, 99, &none, NULL), BT_EINVAL); /* code without report */
    int f = -1;
    assert_int_equal(bt_format_from_name("md", &f), 0);
    assert_int_equal(f, BT_FORMAT_MARKDOWN);
    assert_int_equal(bt_format_from_name("TXT", &f), 0);
    assert_int_equal(f, BT_FORMAT_TEXT);
    assert_int_equal(bt_format_from_name("pdf", &f), BT_EINVAL);
    assert_int_equal(bt_format_from_name(NULL, &f), BT_EINVAL);
    assert_int_equal(f, BT_FORMAT_TEXT);
    bt_article_free(a);
}

/* What each rendering escapes: attribute quotes in HTML, link syntax and block starts in
 * Markdown, URLs with spaces and parentheses; text is left as it is. */
static void test_render_escaping(void **state)
{
    (void)state;
    bt_article *a = bt_article_new();
    assert_non_null(a);
    const char *title = "\"Quote\" & 'apos' [x](y) _u_ `c` |t|";
    assert_int_equal(bt_article_set(&a->title, title, strlen(title)), 0);
    const char *url = "https://a.vn/p?q=\"x\"&r=(1) 2";
    assert_int_equal(bt_article_set(&a->url, url, strlen(url)), 0);
    assert_int_equal(bt_article_add_para(a, "# không phải tiêu đề"), 0);
    assert_int_equal(bt_article_add_para(a, "12) không phải danh sách"), 0);
    assert_int_equal(bt_article_add_para(a, "- không phải danh sách"), 0);
    assert_int_equal(bt_article_add_image(a, "https://a.vn/\"i\".jpg", "Ảnh \"đẹp\"", NULL), 0);
    assert_int_equal(bt_article_add_image(a, "data:image/png;base64,xx", "Ảnh 2", NULL), 0);
    assert_int_equal(bt_article_add_related(a, "Tin <b>", "https://a.vn/r"), 0);
    bt_error err;

    char *t;

    bt_article_render(a, BT_FORMAT_TEXT, &t, &err);
    assert_non_null(t);
    assert_true(strncmp(t, title, strlen(title)) == 0);
    assert_non_null(strstr(t, "\n# không phải tiêu đề\n"));
    assert_non_null(strstr(t, "- Tin <b> <https://a.vn/r>\n"));
    free(t);

    char *m;

    bt_article_render(a, BT_FORMAT_MARKDOWN, &m, &err);
    assert_non_null(m);
    assert_non_null(strstr(m, "# \"Quote\" & 'apos' \\[x\\](y) \\_u\\_ \\`c\\` \\|t\\|\n"));
    assert_non_null(strstr(m, "\n<https://a.vn/p?q=\"x\"&r=%281%29%202>\n"));
    assert_non_null(strstr(m, "\n\\# không phải tiêu đề\n"));
    assert_non_null(strstr(m, "\n\\- không phải danh sách\n"));
    assert_non_null(strstr(m, "\n12\\) không phải danh sách\n"));
    assert_non_null(strstr(m, "![Ảnh \"đẹp\"](https://a.vn/\"i\".jpg)\n"));
    assert_null(strstr(m, "data:"));
    assert_non_null(strstr(m, "- [Tin \\<b\\>](https://a.vn/r)\n"));
    free(m);

    char *h;

    bt_article_render(a, BT_FORMAT_HTML, &h, &err);
    assert_non_null(h);
    assert_non_null(strstr(h, "<h1>&quot;Quote&quot; &amp; &#39;apos&#39; [x](y) _u_ `c` |t|</h1>"));
    assert_non_null(
        strstr(h, "<a href=\"https://a.vn/p?q=&quot;x&quot;&amp;r=(1) 2\">"));
    assert_non_null(strstr(h, "<img src=\"https://a.vn/&quot;i&quot;.jpg\" alt=\"Ảnh &quot;đẹp&quot;\">"));
    assert_null(strstr(h, "data:"));
    assert_non_null(strstr(h, "<p># không phải tiêu đề</p>"));
    assert_non_null(strstr(h, "<li><a href=\"https://a.vn/r\">Tin &lt;b&gt;</a></li>"));
    assert_true(strncmp(h, "<article>\n", 10) == 0);
    assert_string_equal(h + strlen(h) - 11, "</article>\n");
    free(h);
    bt_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_round_trip),
        cmocka_unit_test(test_id_is_content_based),
        cmocka_unit_test(test_bad_json),
        cmocka_unit_test(test_set_and_add),
        cmocka_unit_test(test_id_stable_across_nfc_and_space),
        cmocka_unit_test(test_wrong_type_named),
        cmocka_unit_test(test_json_exact),
        cmocka_unit_test(test_json_same_as_tree),
        cmocka_unit_test(test_render),
        cmocka_unit_test(test_render_escaping),
    };
    return cmocka_run_group_tests_name("article", tests, NULL, NULL);
}
