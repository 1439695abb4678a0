/* test_json.c: the library's JSON writers for clients (search results, store stats, error
 * objects): the exact bytes, escaping, nulls, and the errors that name the bad field. */
#include "support.h"

#include "bantin.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_search_results_exact(void **state)
{
    (void)state;
    size_t hl0[2][2] = {{0, 3}, {10, 14}};
    bt_search_hit hits[2] = {
        {"0123456789abcdef", "Tin \"nóng\" \\ Đà Nẵng", "Báo A", "2024-05-01T08:00:00+07:00", 2.5,
         "Tin\tmới\x01 ở Đà Nẵng", 2, hl0},
        {"fedcba9876543210", "Hai", NULL, NULL, 0.1, NULL, 0, NULL},
    };
    bt_search_results r = {42, 0, 2, hits, NULL};
    char *s = (char *)1;
    bt_error err;
    assert_int_equal(bt_search_results_to_json(&r, 0, &s, &err), 0);
    assert_string_equal(
        s, "{\"total\":42,\"results\":["
           "{\"id\":\"0123456789abcdef\",\"title\":\"Tin \\\"nóng\\\" \\\\ Đà Nẵng\","
           "\"source\":\"Báo A\",\"published\":\"2024-05-01T08:00:00+07:00\",\"score\":2.5,"
           "\"snippet\":\"Tin\\tmới\\u0001 ở Đà Nẵng\",\"highlights\":[[0,3],[10,14]]},"
           "{\"id\":\"fedcba9876543210\",\"title\":\"Hai\",\"source\":null,\"published\":null,"
           "\"score\":0.10000000000000001,\"snippet\":\"\",\"highlights\":[]}]}");
    free(s);

    /* total_more comes after the results; an integral score keeps its ".0" */
    hits[1].score = 3;
    r.total_more = 1;
    r.n = 0;
    assert_int_equal(bt_search_results_to_json(&r, 0, &s, &err), 0);
    assert_string_equal(s, "{\"total\":42,\"results\":[],\"total_more\":true}");
    free(s);
    r.n = 2;
    assert_int_equal(bt_search_results_to_json(&r, BT_JSON_PRETTY, &s, &err), 0);
    assert_true(strncmp(s, "{\n  \"total\": 42,\n  \"results\": [\n    {\n      \"id\": ", 48) == 0);
    assert_non_null(strstr(s, "\"score\": 3.0,"));
    assert_non_null(strstr(s, "\n  \"total_more\": true\n}"));
    free(s);

    /* a hit standing for a near-duplicate group ends with its copies; none: left out */
    size_t copies[2] = {0, 3};
    r.copies = copies;
    r.total_more = 0;
    assert_int_equal(bt_search_results_to_json(&r, 0, &s, &err), 0);
    assert_non_null(strstr(s, "\"highlights\":[[0,3],[10,14]]},"));
    assert_non_null(strstr(s, "\"highlights\":[],\"copies\":3}]}"));
    free(s);
}

static void test_search_results_errors(void **state)
{
    (void)state;
    bt_search_hit hit = {"0123456789abcdef", "ok", NULL, NULL, 1.0, "bad \xc3 byte", 0, NULL};
    bt_search_results r = {1, 0, 1, &hit, NULL};
    char *s = (char *)1;
    bt_error err;
    assert_int_equal(bt_search_results_to_json(&r, 0, &s, &err), BT_EINVAL);
    assert_null(s);
    assert_non_null(strstr(err.msg, "0123456789abcdef"));
    assert_non_null(strstr(err.msg, "\"snippet\""));
    hit.snippet = NULL;
    hit.source = "\xff";
    assert_int_equal(bt_search_results_to_json(&r, 0, &s, &err), BT_EINVAL);
    assert_non_null(strstr(err.msg, "\"source\""));
    hit.source = NULL;
    hit.score = NAN;
    assert_int_equal(bt_search_results_to_json(&r, 0, &s, &err), BT_EINVAL);
    assert_non_null(strstr(err.msg, "\"score\""));
    hit.score = 1.0;
    assert_int_equal(bt_search_results_to_json(&r, 0x100, &s, &err), BT_EINVAL);
    assert_int_equal(bt_search_results_to_json(NULL, 0, &s, &err), BT_EINVAL);
    assert_int_equal(bt_search_results_to_json(&r, 0, NULL, &err), BT_EINVAL);
    assert_int_equal(bt_search_results_to_json(&r, 0, &s, NULL), 0);
    free(s);
}

static void test_store_stats_exact(void **state)
{
    (void)state;
    bt_store_stats st = BT_STORE_STATS_INIT;
    st.articles = 10;
    st.origins = 11;
    st.sources = 6;
    st.images = 12;
    st.related = 37;
    strcpy(st.first_published, "2021-08-14T00:00:00+00:00");
    strcpy(st.last_published, "2024-03-05T08:15:00+07:00");
    strcpy(st.first_added, "2026-01-01T00:00:00Z");
    st.file_bytes = 4096;
    st.index_bytes = 1024;
    st.index_segments = 1;
    st.schema_version = 4;
    st.phrase_index = 1;
    char *s;
    bt_error err;
    assert_int_equal(bt_store_stats_to_json(&st, 0, &s, &err), 0);
    assert_string_equal(s, "{\"articles\":10,\"origins\":11,\"sources\":6,\"images\":12,"
                           "\"related\":37,\"first_published\":\"2021-08-14T00:00:00+00:00\","
                           "\"last_published\":\"2024-03-05T08:15:00+07:00\","
                           "\"first_added\":\"2026-01-01T00:00:00Z\",\"last_added\":null,"
                           "\"file_bytes\":4096,\"index_bytes\":1024,\"index_segments\":1,"
                           "\"schema_version\":4,\"phrase_index\":true}");
    free(s);
    /* dates are escaped like any string; an array filled to the brim is read to its end */
    strcpy(st.first_published, "\"q\"\\");
    memset(st.last_published, 'x', sizeof st.last_published);
    st.phrase_index = 0;
    st.articles = INT64_MAX;
    assert_int_equal(bt_store_stats_to_json(&st, 0, &s, &err), 0);
    assert_non_null(strstr(s, "{\"articles\":9223372036854775807,"));
    assert_non_null(strstr(s, "\"first_published\":\"\\\"q\\\"\\\\\","));
    assert_non_null(strstr(s, "\"last_published\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\","));
    assert_non_null(strstr(s, "\"phrase_index\":false}"));
    free(s);
    strcpy(st.last_added, "20\xe0\x80\x80");
    assert_int_equal(bt_store_stats_to_json(&st, 0, &s, &err), BT_EINVAL);
    assert_null(s);
    assert_non_null(strstr(err.msg, "\"last_added\""));
    assert_int_equal(bt_store_stats_to_json(&st, 2, &s, &err), BT_EINVAL);
}

/* `bantin stats --json` prints the library's object and a newline, nothing else */
static void test_store_stats_cli(void **state)
{
    (void)state;
    char dir[] = "/tmp/bt-test-json-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64], cmd[512];
    snprintf(path, sizeof path, "%s/s.db", dir);
    bt_store *db;
    bt_error err;
    assert_int_equal(bt_store_open(path, 0, &db, &err), 0);
    bt_store_stats st = BT_STORE_STATS_INIT;
    assert_int_equal(bt_store_stats_get(db, &st, &err), 0);
    char *want;
    assert_int_equal(bt_store_stats_to_json(&st, 0, &want, &err), 0);
    bt_store_close(db);
    snprintf(cmd, sizeof cmd, "%s stats --json --db %s", test_bantin_bin(), path);
    char *out = NULL;
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    assert_non_null(out);
    assert_int_equal(strlen(out), strlen(want) + 1);
    assert_memory_equal(out, want, strlen(want));
    assert_int_equal(out[strlen(want)], '\n');
    free(out);
    free(want);
    /* a reader leaves the WAL's side files behind when it cannot or need not remove them */
    const char *suffix[] = {"", "-wal", "-shm"};
    for (size_t i = 0; i < 3; i++) {
        char f[80];
        snprintf(f, sizeof f, "%s%s", path, suffix[i]);
        unlink(f);
    }
    assert_int_equal(rmdir(dir), 0);
}

static void test_error_json(void **state)
{
    (void)state;
    bt_error e;
    bt_error_set(&e, BT_EPARSE, "a.warc: record 3: field \"title\" must be\ta string");
    char *s = (char *)1;
    assert_int_equal(bt_error_to_json(&e, "a.warc", "a.warc@1234", &s), 0);
    assert_string_equal(s, "{\"error\":{\"code\":\"EPARSE\",\"message\":\"a.warc: record 3: field "
                           "\\\"title\\\" must be\\ta string\",\"file\":\"a.warc\","
                           "\"record\":\"a.warc@1234\"}}");
    free(s);
    bt_error_set(&e, -99, "thử");
    assert_int_equal(bt_error_to_json(&e, NULL, NULL, &s), 0);
    assert_string_equal(s, "{\"error\":{\"code\":-99,\"message\":\"thử\",\"file\":null,"
                           "\"record\":null}}");
    free(s);
    /* a message cut inside a character and a file name in Latin-1 still make valid JSON */
    bt_error_set(&e, BT_ENOMEM, "cut \xe1\xbb");
    assert_int_equal(bt_error_to_json(&e, "caf\xe9.html", NULL, &s), 0);
    assert_string_equal(s, "{\"error\":{\"code\":\"ENOMEM\",\"message\":\"cut \xef\xbf\xbd\xef\xbf\xbd\","
                           "\"file\":\"caf\xef\xbf\xbd.html\",\"record\":null}}");
    free(s);
    /* a msg without its NUL is read to the end of the array */
    memset(e.msg, 'a', sizeof e.msg);
    e.code = BT_OK;
    assert_int_equal(bt_error_to_json(&e, NULL, NULL, &s), 0);
    assert_true(strncmp(s, "{\"error\":{\"code\":\"OK\",\"message\":\"aaaa", 35) == 0);
    assert_int_equal(strlen(s), strlen("{\"error\":{\"code\":\"OK\",\"message\":\"\",\"file\":null,"
                                       "\"record\":null}}") + sizeof e.msg);
    free(s);
    assert_int_equal(bt_error_to_json(NULL, NULL, NULL, &s), BT_EINVAL);
    assert_null(s);
    assert_int_equal(bt_error_to_json(&e, NULL, NULL, NULL), BT_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_search_results_exact),
        cmocka_unit_test(test_search_results_errors),
        cmocka_unit_test(test_store_stats_exact),
        cmocka_unit_test(test_store_stats_cli),
        cmocka_unit_test(test_error_json),
    };
    return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
