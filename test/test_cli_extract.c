/* test_cli_extract.c: `bantin extract` end to end: usage errors, messages naming the bad
 * file/record, the summary line, exit statuses, stdin, directories, --jobs keeping the
 * serial order. (The renderings of bt_article_render are tested in test_article.c.) */
#include "test_capture_fixtures.h"

#include <unistd.h>

static char *cmdf(const char *fmt, ...)
{
    static char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return buf;
}

static void test_usage_errors(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    char *out, *err;
    assert_int_equal(test_run(cmdf("%s extract", bin), &out, &err), 2);
    assert_non_null(strstr(err, "usage"));
    free(out), free(err);
    assert_int_equal(test_run(cmdf("%s extract --bogus x", bin), &out, &err), 2);
    assert_non_null(strstr(err, "unknown option '--bogus'"));
    free(out), free(err);
    assert_int_equal(test_run(cmdf("%s extract --format pdf x", bin), &out, &err), 2);
    assert_non_null(strstr(err, "unknown format 'pdf'"));
    free(out), free(err);
    assert_int_equal(test_run(cmdf("%s extract --jobs=0 x", bin), &out, &err), 2);
    assert_non_null(strstr(err, "--jobs"));
    free(out), free(err);
    assert_int_equal(test_run(cmdf("%s extract -j", bin), &out, &err), 2);
    free(out), free(err);
    assert_int_equal(test_run(cmdf("%s extract --help", bin), &out, &err), 0);
    assert_non_null(strstr(out, "--jobs"));
    free(out), free(err);
}

/* Bad inputs: each named on stderr, with the record; the summary; exit 1. */
static void test_bad_inputs(void **state)
{
    (void)state;
    const char *jl = "{\"url\": \"https://a.vn/1\", \"content\": \"Tin một\\n\\nĐoạn một.\"}\n"
                     "{oops\n"
                     "{\"url\": \"https://a.vn/2\"}\n"
                     "{\"url\": \"https://a.vn/3\", \"content\": \"Tin ba\\n\\nĐoạn ba.\"}\n";
    char *jpath = test_write_temp(jl, strlen(jl), ".jsonl");
    char *empty = test_write_temp("", 0, ".html");
    char *binp = test_write_temp("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12, ".html");
    fx_buf gz = {0};
    fx_gzip(&gz, "<html><body>cut</body></html>", 29);
    char *gzp = test_write_temp(gz.p, gz.n - 8, ".html.gz");
    char *out, *err;
    int rc = test_run(cmdf("%s extract %s %s %s %s /nonexistent/none.html", test_bantin_bin(),
                           jpath, empty, binp, gzp),
                      &out, &err);
    assert_int_equal(rc, 1);
    assert_non_null(strstr(err, cmdf("bantin: %s: line 2: not JSON", jpath)));
    assert_non_null(strstr(err, cmdf("bantin: %s: line 3: no page", jpath)));
    assert_non_null(strstr(err, cmdf("bantin: %s: empty file", empty)));
    assert_non_null(strstr(err, cmdf("bantin: %s: binary data", binp)));
    assert_non_null(strstr(err, cmdf("bantin: %s: truncated gzip data", gzp)));
    assert_non_null(strstr(err, "bantin: /nonexistent/none.html: No such file"));
    /* the good records are still captures; the messages come in input order */
    assert_non_null(strstr(err, "bantin: extract: 2 captures, "));
    assert_true(strstr(err, "line 2: not JSON") < strstr(err, "line 3: no page"));
    assert_true(strstr(err, "line 3: no page") < strstr(err, "empty file"));
    free(out), free(err);
    unlink(jpath), unlink(empty), unlink(binp), unlink(gzp);
    free(jpath), free(empty), free(binp), free(gzp), free(gz.p);
}

static void test_warc_summary_and_stdin(void **state)
{
    (void)state;
    fx_buf w = {0}, h = {0};
    fx_warc(&w, "warcinfo", NULL, "software: t\r\n", 13, NULL);
    fx_warc(&w, "request", "https://a.vn/1", "GET / HTTP/1.1\r\n\r\n", 18, NULL);
    fx_warc_page(&w, "https://a.vn/1", "text/html", "<html><body><p>x</p></body></html>");
    fx_http(&h, 301, "text/html", "Location: /2\r\n", "", 0);
    fx_warc(&w, "response", "https://a.vn/r", h.p, h.n, NULL);
    fx_warc_page(&w, "https://a.vn/css", "text/css", "p{}");
    char *path = test_write_temp(w.p, w.n, ".warc");
    char *out, *err;
    test_run(cmdf("%s extract %s", test_bantin_bin(), path), &out, &err);
    assert_non_null(strstr(err, "bantin: extract: 1 captures, "));
    assert_non_null(strstr(err, "4 skipped records (2 not responses, 1 not HTTP 200, "
                                "1 not HTML, 0 not pages)"));
    free(out), free(err);
    /* the same bytes on stdin */
    test_run(cmdf("cat %s | %s extract -", path, test_bantin_bin()), &out, &err);
    assert_non_null(strstr(err, "bantin: extract: 1 captures, "));
    assert_non_null(strstr(err, "4 skipped records"));
    free(out), free(err);
    /* gzip on stdin */
    fx_buf gz = {0};
    fx_gzip(&gz, w.p, w.n / 2);
    fx_gzip(&gz, w.p + w.n / 2, w.n - w.n / 2);
    char *gzpath = test_write_temp(gz.p, gz.n, ".bin");
    test_run(cmdf("%s extract - < %s", test_bantin_bin(), gzpath), &out, &err);
    assert_non_null(strstr(err, "bantin: extract: 1 captures, "));
    assert_non_null(strstr(err, "4 skipped records"));
    free(out), free(err);
    unlink(gzpath);
    free(gzpath), free(gz.p);
    /* --format html: one document around the articles */
    test_run(cmdf("%s extract --format=html %s", test_bantin_bin(), path), &out, &err);
    assert_true(strncmp(out, "<!DOCTYPE html>", 15) == 0);
    assert_non_null(strstr(out, "</html>\n"));
    free(out), free(err);
    /* -q: no summary */
    test_run(cmdf("%s extract -q %s", test_bantin_bin(), path), &out, &err);
    assert_null(strstr(err, "captures"));
    free(out), free(err);
    unlink(path);
    free(path), free(w.p), free(h.p);
}

static void test_directory_needs_r(void **state)
{
    (void)state;
    char dir[] = "/tmp/bantin-cli-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p[256];
    snprintf(p, sizeof p, "%s/a.txt", dir);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs("Tin\n\nĐoạn.\n", f);
    fclose(f);
    char *out, *err;
    assert_int_equal(test_run(cmdf("%s extract %s", test_bantin_bin(), dir), &out, &err), 1);
    assert_non_null(strstr(err, cmdf("bantin: %s: is a directory (use -r", dir)));
    free(out), free(err);
    test_run(cmdf("%s extract -r %s", test_bantin_bin(), dir), &out, &err);
    assert_non_null(strstr(err, "bantin: extract: 1 captures"));
    assert_null(strstr(err, "is a directory"));
    free(out), free(err);
    unlink(p);
    rmdir(dir);
}

/* --jobs N prints exactly what the serial run prints, in the same order. */
static void test_jobs_keep_order(void **state)
{
    (void)state;
    fx_buf jl = {0};
    for (int i = 0; i < 60; i++) {
        char line[512];
        if (i % 7 == 3)
            snprintf(line, sizeof line, "{\"url\": \"https://a.vn/%d\"}\n", i);
        else if (i % 11 == 5)
            snprintf(line, sizeof line, "not json %d\n", i);
        else
            snprintf(line, sizeof line,
                     "{\"url\": \"https://a.vn/%d\", \"content\": \"Tin số %d\\n\\nĐoạn "
                     "%d của bài.\\n\\nĐoạn thứ hai của bài %d.\"}\n",
                     i, i, i, i);
        fx_adds(&jl, line);
    }
    char *path = test_write_temp(jl.p, jl.n, ".jsonl");
    char *out1, *err1, *out4, *err4;
    int rc1 = test_run(cmdf("%s extract -j1 %s %s", test_bantin_bin(), path, path), &out1,
                       &err1);
    int rc4 = test_run(cmdf("%s extract --jobs 4 %s %s", test_bantin_bin(), path, path), &out4,
                       &err4);
    assert_int_equal(rc1, 1);
    assert_int_equal(rc4, rc1);
    assert_string_equal(out4, out1);
    assert_string_equal(err4, err1);
    assert_non_null(strstr(err1, "bantin: extract: 94 captures"));
    free(out1), free(err1), free(out4), free(err4);

    /* bad records (printed without extraction) between good ones: same order at any -j */
    jl.n = 0;
    for (int i = 0; i < 200; i++) {
        char line[128];
        snprintf(line, sizeof line, "bad %d\n{\"url\": \"u%d\", \"html\": \"<p>x</p>\"}\n", i, i);
        fx_adds(&jl, line);
    }
    char *path2 = test_write_temp(jl.p, jl.n, ".jsonl");
    test_run(cmdf("%s extract -j 1 %s", test_bantin_bin(), path2), &out1, &err1);
    assert_non_null(strstr(err1, "bantin: extract: 200 captures, "));
    assert_non_null(strstr(err1, ": line 399: not JSON"));
    for (int jobs = 2; jobs <= 8; jobs *= 2) {
        test_run(cmdf("%s extract -j %d %s", test_bantin_bin(), jobs, path2), &out4, &err4);
        assert_string_equal(out4, out1);
        assert_string_equal(err4, err1);
        free(out4), free(err4);
    }
    free(out1), free(err1);
    unlink(path2);
    free(path2);
    unlink(path);
    free(path), free(jl.p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_usage_errors),
        cmocka_unit_test(test_bad_inputs),
        cmocka_unit_test(test_warc_summary_and_stdin),
        cmocka_unit_test(test_directory_needs_r),
        cmocka_unit_test(test_jobs_keep_order),
    };
    return cmocka_run_group_tests_name("cli_extract", tests, NULL, NULL);
}
