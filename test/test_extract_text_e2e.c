/* test_extract_text_e2e.c: `bantin extract` end to end: the seeds against their gold records
 * (compared through bt_article_from_json), the README samples, bad files in a batch, and a
 * site model saved by one run and loaded by the next. */
#include "support.h"
#include "text/alloc.h"

#include "bantin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const seeds[] = {"000_a1b42b8583162e2a.txt", "001_a647aba9ab064e6b.txt",
                                    "002_e1fb56d0716d9884.txt", "003_4ce85a08e201a52f.txt",
                                    "004_5efe0ac11da8b051.txt"};

/* Equal after NFC and white-space folding, as the checker compares (gold keeps NBSPs). */
static int str_eq(const char *a, const char *b)
{
    if (!a || !b)
        return !a && !b;
    char *x = bti_normalize(a, strlen(a), BT_NORM_SPACE, NULL);
    char *y = bti_normalize(b, strlen(b), BT_NORM_SPACE, NULL);
    int eq = x && y && !strcmp(x, y);
    free(x);
    free(y);
    return eq;
}

/* Every field the checker scores, compared exactly. */
static void compare(const bt_article *got, const bt_article *want, const char *file)
{
    if (!str_eq(got->title, want->title))
        fail_msg("%s: title '%s' != '%s'", file, got->title, want->title);
    if (!str_eq(got->published, want->published))
        fail_msg("%s: published %s != %s", file, got->published, want->published);
    if (!str_eq(got->source, want->source))
        fail_msg("%s: source %s != %s", file, got->source, want->source);
    if (!str_eq(got->lede, want->lede))
        fail_msg("%s: lede differs", file);
    if (got->n_authors != want->n_authors)
        fail_msg("%s: %zu authors, want %zu", file, got->n_authors, want->n_authors);
    for (size_t i = 0; i < want->n_authors; i++)
        if (!str_eq(got->authors[i], want->authors[i]))
            fail_msg("%s: author %zu '%s'", file, i, got->authors[i]);
    if (got->n_body != want->n_body)
        fail_msg("%s: %zu paragraphs, want %zu", file, got->n_body, want->n_body);
    for (size_t i = 0; i < want->n_body; i++)
        if (!str_eq(got->body[i], want->body[i]))
            fail_msg("%s: paragraph %zu: '%s'", file, i, got->body[i]);
    if (got->n_images != want->n_images)
        fail_msg("%s: %zu images, want %zu", file, got->n_images, want->n_images);
    for (size_t i = 0; i < want->n_images; i++)
        if (!str_eq(got->images[i].caption, want->images[i].caption) ||
            !str_eq(got->images[i].credit, want->images[i].credit))
            fail_msg("%s: image %zu: '%s' / '%s'", file, i, got->images[i].caption,
                     got->images[i].credit);
    if (got->n_related != want->n_related)
        fail_msg("%s: %zu related, want %zu", file, got->n_related, want->n_related);
    for (size_t i = 0; i < want->n_related; i++) {
        int found = 0;
        for (size_t k = 0; k < got->n_related; k++)
            found |= str_eq(got->related[k].title, want->related[i].title);
        if (!found)
            fail_msg("%s: related '%s' missing", file, want->related[i].title);
    }
}

/* The gold line of `file` (malloc'ed), or NULL. */
static char *gold_line_for(const char *gold, const char *file)
{
    char key[128];
    snprintf(key, sizeof key, "\"file\": \"%s\"", file);
    const char *p = strstr(gold, key);
    if (!p)
        return NULL;
    while (p > gold && p[-1] != '\n')
        p--;
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    char *line = malloc(n + 1);
    memcpy(line, p, n);
    line[n] = '\0';
    return line;
}

/* Gold records list related stories as strings; bt_article_from_json reads both forms. */
static bt_article *gold_record(const char *line)
{
    bt_article *a = NULL;
    bt_error err;
    if (bt_article_from_json(line, strlen(line), &a, &err))
        fail_msg("gold record: %s", err.msg);
    return a;
}

static void test_seeds_match_gold(void **state)
{
    (void)state;
    char path[4096];
    snprintf(path, sizeof path, "%s/gold/seeds.jsonl", test_shared_dir());
    char *gold = test_read_file(path, NULL);
    if (!gold)
        skip();
    char cmd[8192];
    int n = snprintf(cmd, sizeof cmd, "cd '%s/seeds' && '%s' extract", test_shared_dir(),
                     test_bantin_bin());
    for (size_t i = 0; i < 5; i++)
        n += snprintf(cmd + n, sizeof cmd - (size_t)n, " %s", seeds[i]);
    char *out = NULL, *err = NULL;
    assert_int_equal(test_run(cmd, &out, &err), 0);
    size_t lines = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        bt_article *got = NULL;
        bt_error e;
        assert_int_equal(bt_article_from_json(line, strlen(line), &got, &e), 0);
        char *g = gold_line_for(gold, got->origin);
        assert_non_null(g);
        bt_article *want = gold_record(g);
        compare(got, want, got->origin);
        bt_article_free(got);
        bt_article_free(want);
        free(g);
        lines++;
    }
    assert_int_equal(lines, 5);
    free(out);
    free(err);
    free(gold);
}

static void test_samples_and_bad_files(void **state)
{
    (void)state;
    char *bin = test_write_temp("\x01\x02\x00\x03\x04\x00\xff", 7, ".txt");
    char *empty = test_write_temp("", 0, ".txt");
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "'%s' extract samples/01-xe-buyt-dien.txt '%s' /nonexistent.txt '%s' "
             "samples/02-lua-gao.md.txt", test_bantin_bin(), bin, empty);
    char *out = NULL, *err = NULL;
    assert_int_equal(test_run(cmd, &out, &err), 1);
    /* each failure is named; the good captures are still printed */
    assert_non_null(strstr(err, bin));
    assert_non_null(strstr(err, "binary"));
    assert_non_null(strstr(err, "/nonexistent.txt"));
    assert_non_null(strstr(err, empty));
    assert_non_null(strstr(out, "\"title\":\"Hà Nội mở thêm 12 tuyến xe buýt điện trong năm nay\""));
    assert_non_null(strstr(out, "\"title\":\"Giá lúa gạo xuất khẩu tăng cao nhất trong ba năm\""));
    free(out);
    free(err);
    unlink(bin);
    unlink(empty);
    free(bin);
    free(empty);
}

static void test_site_model_file(void **state)
{
    (void)state;
    char seed[4096];
    snprintf(seed, sizeof seed, "%s/seeds/%s", test_shared_dir(), seeds[0]);
    if (access(seed, R_OK) != 0) /* no shared data (CI, a packager's build): skip, as above */
        skip();
    char *model = test_write_temp("", 0, ".model");
    unlink(model); /* absent: the run learns and saves it */
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "cd '%s/seeds' && '%s' extract --site-model '%s' %s %s %s",
             test_shared_dir(), test_bantin_bin(), model, seeds[0], seeds[1], seeds[2]);
    char *out = NULL, *err = NULL;
    assert_int_equal(test_run(cmd, &out, &err), 0);
    free(out);
    free(err);
    char *text = test_read_file(model, NULL);
    assert_non_null(text);
    assert_int_equal(strncmp(text, "bantin-site-model 1\npages 3\n", 28), 0);
    free(text);
    /* a later run on one page of the same site loads it */
    snprintf(cmd, sizeof cmd, "cd '%s/seeds' && '%s' extract --site-model '%s' %s",
             test_shared_dir(), test_bantin_bin(), model, seeds[3]);
    assert_int_equal(test_run(cmd, &out, &err), 0);
    assert_non_null(strstr(out, "\"title\":\"NATO sẽ hỗ trợ ngoại giao cho Afghanistan\""));
    free(out);
    free(err);
    unlink(model);
    free(model);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seeds_match_gold),
        cmocka_unit_test(test_samples_and_bad_files),
        cmocka_unit_test(test_site_model_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
