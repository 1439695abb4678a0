/* test_capture.c: the readers end to end on inputs the test builds: plain and gzip files,
 * crawler JSONL, WARC and WARC.gz, directories, and the bad inputs of each (every good record
 * around a bad one is still read). */
#include "test_capture_fixtures.h"

#include <fcntl.h>
#include <stddef.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_plain(void **state)
{
    (void)state;
    fx_run run;
    fx_read_mem("Tiêu đề\n\nĐoạn.", strlen("Tiêu đề\n\nĐoạn."), 0, &run);
    assert_int_equal(run.n, 1);
    assert_int_equal(run.it[0].rc, 1);
    assert_string_equal(run.it[0].data, "Tiêu đề\n\nĐoạn.");
    assert_string_equal(run.it[0].origin, "mem");
    assert_null(run.it[0].where);
    assert_null(run.it[0].url);
    assert_int_equal(run.st.captures, 1);
    fx_run_free(&run);
}

/* The counts struct carries its size: an older caller's shorter struct gets only its fields
 * (nothing past them is written); a size never set is refused. */
static void test_stats_size(void **state)
{
    (void)state;
    bt_reader *r;
    bt_error err;
    const char *text = "Tiêu đề\n\nĐoạn.";
    assert_int_equal(bt_reader_open_mem(text, strlen(text), "mem", 0, &r, &err), 0);
    const bt_capture *cp;
    assert_int_equal(bt_reader_next(r, &cp, &err), 0);
    assert_non_null(cp);
    unsigned char buf[sizeof(bt_reader_stats)];
    memset(buf, 0xAB, sizeof buf);
    bt_reader_stats *old = (bt_reader_stats *)(void *)buf;
    old->size = offsetof(bt_reader_stats, errors);
    assert_int_equal(bt_reader_stats_get(r, old), 0);
    assert_int_equal(old->captures, 1);
    for (size_t i = old->size; i < sizeof buf; i++)
        assert_int_equal(buf[i], 0xAB);
    bt_reader_stats unset;
    memset(&unset, 0, sizeof unset);
    assert_int_equal(bt_reader_stats_get(r, &unset), BT_EINVAL);
    /* sums add only the counts both structs hold */
    bt_reader_stats sum = BT_READER_STATS_INIT, one = BT_READER_STATS_INIT;
    assert_int_equal(bt_reader_stats_get(r, &one), 0);
    bt_reader_stats_add(&sum, &one);
    bt_reader_stats_add(&sum, old);
    assert_int_equal(sum.captures, 2);
    assert_int_equal(sum.files, 1);
    bt_reader_close(r);
}

static void test_gzip_multi_member(void **state)
{
    (void)state;
    fx_buf gz = {0};
    fx_gzip(&gz, "<html><body>one ", 16);
    fx_gzip(&gz, "two</body></html>", 17);
    fx_run run;
    fx_read_mem(gz.p, gz.n, 0, &run);
    assert_int_equal(run.n, 1);
    assert_int_equal(run.it[0].rc, 1);
    assert_string_equal(run.it[0].data, "<html><body>one two</body></html>");
    fx_run_free(&run);

    /* truncated: an error naming what is wrong, nothing else */
    fx_read_mem(gz.p, gz.n - 10, 0, &run);
    assert_int_equal(run.n, 1);
    assert_int_equal(run.it[0].rc, BT_EPARSE);
    assert_non_null(strstr(run.it[0].msg, "mem: "));
    assert_non_null(strstr(run.it[0].msg, "truncated gzip"));
    fx_run_free(&run);
    free(gz.p);
}

static void test_empty_binary_limit(void **state)
{
    (void)state;
    fx_run run;
    fx_read_mem("", 0, 0, &run);
    assert_int_equal(run.n, 1);
    assert_int_equal(run.it[0].rc, BT_EPARSE);
    assert_string_equal(run.it[0].msg, "mem: empty file");
    fx_run_free(&run);

    const char bin[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    fx_read_mem(bin, sizeof bin - 1, 0, &run);
    assert_int_equal(run.n, 1);
    assert_int_equal(run.it[0].rc, BT_EPARSE);
    assert_non_null(strstr(run.it[0].msg, "binary"));
    fx_run_free(&run);

    /* UTF-16 has NUL bytes but is text */
    const char u16[] = "\xff\xfe<\0h\0t\0m\0l\0>\0";
    fx_read_mem(u16, sizeof u16 - 1, 0, &run);
    assert_int_equal(run.it[0].rc, 1);
    assert_int_equal(run.it[0].len, sizeof u16 - 1);
    fx_run_free(&run);

    fx_read_mem("0123456789abcdef", 16, 10, &run);
    assert_int_equal(run.n, 1);
    assert_int_equal(run.it[0].rc, BT_ELIMIT);
    assert_non_null(strstr(run.it[0].msg, "limit"));
    fx_run_free(&run);
}

/* A 100 MB page (sparse file): refused with the limit, without reading it all. */
static void test_huge_file(void **state)
{
    (void)state;
    char *path = test_write_temp("", 0, ".html");
    assert_non_null(path);
    assert_int_equal(truncate(path, 100 << 20), 0);
    bt_reader *r;
    bt_error err;
    assert_int_equal(bt_reader_open(path, 0, &r, &err), 0);
    fx_run run;
    fx_collect(r, &run);
    bt_reader_close(r);
    assert_int_equal(run.n, 1);
    assert_int_equal(run.it[0].rc, BT_ELIMIT);
    assert_non_null(strstr(run.it[0].msg, path));
    assert_non_null(strstr(run.it[0].msg, "104857600 bytes, over the 64 MB limit"));
    fx_run_free(&run);
    unlink(path);
    free(path);
}

static void test_jsonl(void **state)
{
    (void)state;
    const char *in =
        "{\"url\": \"https://a.vn/1\", \"html\": \"<html><p>Một</p></html>\", "
        "\"fetched_at\": \"2024-05-01T08:00:00Z\", "
        "\"headers\": {\"content-type\": \"text/html; charset=windows-1258\"}}\n"
        "not json at all\n"
        "\n"
        "{\"url\": \"https://a.vn/2\", \"title\": \"no page here\"}\r\n"
        "[1, 2]\n"
        "  {\"uri\": \"https://a.vn/3\", \"raw_content\": \"Bài ba\\n\\nNội dung.\", "
        "\"date\": \"2024-05-02\"}  \n"
        "{\"body\": \"Không có URL\"}"; /* last line without a newline */
    fx_run run;
    fx_read_mem(in, strlen(in), 0, &run);
    assert_int_equal(run.n, 6);
    assert_int_equal(run.it[0].rc, 1);
    assert_string_equal(run.it[0].data, "<html><p>Một</p></html>");
    assert_string_equal(run.it[0].url, "https://a.vn/1");
    assert_string_equal(run.it[0].origin, "https://a.vn/1");
    assert_string_equal(run.it[0].fetched_at, "2024-05-01T08:00:00Z");
    /* the JSON string is already Unicode: the served charset must not be applied again */
    assert_string_equal(run.it[0].charset, "utf-8");
    assert_int_equal(run.it[0].kind, BT_KIND_HTML);
    assert_string_equal(run.it[0].where, "mem: line 1");
    assert_int_equal(run.it[1].rc, BT_EPARSE);
    assert_non_null(strstr(run.it[1].msg, "mem: line 2: not JSON"));
    assert_int_equal(run.it[2].rc, BT_EPARSE);
    assert_non_null(strstr(run.it[2].msg, "mem: line 4: no page"));
    assert_int_equal(run.it[3].rc, BT_EPARSE);
    assert_non_null(strstr(run.it[3].msg, "mem: line 5: not a JSON object"));
    assert_int_equal(run.it[4].rc, 1);
    assert_string_equal(run.it[4].url, "https://a.vn/3");
    assert_string_equal(run.it[4].data, "Bài ba\n\nNội dung.");
    assert_string_equal(run.it[4].fetched_at, "2024-05-02");
    assert_int_equal(run.it[4].kind, BT_KIND_UNKNOWN);
    assert_string_equal(run.it[4].where, "mem: line 6");
    assert_int_equal(run.it[5].rc, 1);
    assert_null(run.it[5].url);
    assert_string_equal(run.it[5].origin, "mem");
    assert_int_equal(run.st.captures, 3);
    assert_int_equal(run.st.errors, 3);
    fx_run_free(&run);
}

/* The kind is told by the bytes: a JSONL whose first line is broken is still JSONL; a text
 * with a brace line is not. */
static void test_sniff(void **state)
{
    (void)state;
    const char *jl = "oops\n{\"url\": \"u\", \"html\": \"x\"}\n{\"url\": \"v\", \"html\": \"y\"}\n";
    fx_run run;
    fx_read_mem(jl, strlen(jl), 0, &run);
    assert_int_equal(run.n, 3);
    assert_int_equal(run.it[0].rc, BT_EPARSE);
    assert_non_null(strstr(run.it[0].msg, "mem: line 1: not JSON"));
    assert_string_equal(run.it[2].url, "v");
    fx_run_free(&run);
    const char *txt = "Tiêu đề\n\n{\"quoted\": 1}\nĐoạn một.\nĐoạn hai.\n";
    fx_read_mem(txt, strlen(txt), 0, &run);
    assert_int_equal(run.n, 1);
    assert_int_equal(run.it[0].rc, 1);
    assert_int_equal(run.it[0].len, strlen(txt));
    fx_run_free(&run);
    const char *html = "<html>{\"a\": 1}\n{\"b\": 2}\n</html>";
    fx_read_mem(html, strlen(html), 0, &run);
    assert_int_equal(run.n, 1);
    assert_int_equal(run.it[0].len, strlen(html));
    fx_run_free(&run);
}

static void test_jsonl_long_line_and_gzip(void **state)
{
    (void)state;
    fx_buf in = {0};
    fx_adds(&in, "{\"url\": \"u1\", \"html\": \"");
    for (int i = 0; i < 300; i++)
        fx_adds(&in, "xxxxxxxxxx");
    fx_adds(&in, "\"}\n{\"url\": \"u2\", \"html\": \"ok\"}\n");
    fx_run run;
    fx_read_mem("\xEF\xBB\xBF{\"url\": \"b\", \"html\": \"x\"}", 28, 0, &run);
    assert_int_equal(run.n, 1);
    assert_int_equal(run.it[0].rc, 1);
    assert_string_equal(run.it[0].url, "b");
    fx_run_free(&run);

    fx_read_mem(in.p, in.n, 1000, &run);
    assert_int_equal(run.n, 2);
    assert_int_equal(run.it[0].rc, BT_ELIMIT);
    assert_non_null(strstr(run.it[0].msg, "line 1"));
    assert_int_equal(run.it[1].rc, 1);
    assert_string_equal(run.it[1].url, "u2");
    fx_run_free(&run);

    /* gzip JSONL, cut short inside the second member: line 1 read, then the fault */
    fx_buf gz = {0};
    const char *l1 = "{\"url\": \"u1\", \"html\": \"one\"}\n";
    fx_gzip(&gz, l1, strlen(l1));
    fx_gzip(&gz, in.p, in.n);
    fx_read_mem(gz.p, gz.n - 20, 0, &run);
    assert_true(run.n >= 2);
    assert_int_equal(run.it[0].rc, 1);
    assert_string_equal(run.it[0].data, "one");
    assert_int_equal(run.it[run.n - 1].rc, BT_EPARSE);
    assert_non_null(strstr(run.it[run.n - 1].msg, "truncated gzip"));
    fx_run_free(&run);
    free(gz.p);
    free(in.p);
}

/* A WARC with every kind of record, and the same as WARC.gz (one member per record). */
static void build_warc(fx_buf *w, int gz)
{
    fx_buf rec = {0}, h = {0};
#define EMIT()                                                                                 \
    do {                                                                                       \
        if (gz)                                                                                \
            fx_gzip(w, rec.p, rec.n);                                                          \
        else                                                                                   \
            fx_add(w, rec.p, rec.n);                                                           \
        rec.n = 0;                                                                             \
        h.n = 0;                                                                               \
    } while (0)
    fx_warc(&rec, "warcinfo", NULL, "software: test\r\n", 16, NULL);
    EMIT();
    fx_warc(&rec, "request", "https://a.vn/1", "GET / HTTP/1.1\r\n\r\n", 18, NULL);
    EMIT();
    fx_warc_page(&rec, "<https://a.vn/1>", "text/html; charset=windows-1258", "<html>1</html>");
    EMIT();
    fx_warc_page(&rec, "https://a.vn/404", "text/html", "<html>gone</html>");
    /* the same but 404 */
    rec.n = 0;
    fx_http(&h, 404, "text/html", NULL, "<html>gone</html>", 17);
    fx_warc(&rec, "response", "https://a.vn/404", h.p, h.n, NULL);
    EMIT();
    fx_warc_page(&rec, "https://a.vn/logo.png", "image/png", "PNG");
    EMIT();
    /* chunked transfer coding */
    {
        const char *ch = "5\r\n<html\r\n9;ext=1\r\n>chunked<\r\n6\r\n/html>\r\n0\r\n\r\n";
        fx_http(&h, 200, "text/html;charset=\"utf-8\"", "Transfer-Encoding: chunked\r\n", ch,
                strlen(ch));
    }
    fx_warc(&rec, "response", "https://a.vn/2", h.p, h.n, NULL);
    EMIT();
    /* gzip content coding */
    {
        fx_buf body = {0};
        fx_gzip(&body, "<html>gzipped</html>", 20);
        fx_http(&h, 200, "text/html", "Content-Encoding: gzip\r\n", body.p, body.n);
        fx_warc(&rec, "response", "https://a.vn/3", h.p, h.n, NULL);
        free(body.p);
    }
    EMIT();
    fx_warc(&rec, "metadata", "https://a.vn/3", "x: y\r\n", 6, NULL);
    EMIT();
    free(rec.p);
    free(h.p);
#undef EMIT
}

static void check_warc_run(const fx_run *run)
{
    assert_int_equal(run->n, 3);
    assert_int_equal(run->it[0].rc, 1);
    assert_string_equal(run->it[0].data, "<html>1</html>");
    assert_string_equal(run->it[0].url, "https://a.vn/1");
    assert_string_equal(run->it[0].origin, "https://a.vn/1");
    assert_string_equal(run->it[0].charset, "windows-1258");
    assert_string_equal(run->it[0].fetched_at, "2024-05-01T08:00:00Z");
    assert_int_equal(run->it[0].kind, BT_KIND_HTML);
    assert_non_null(strstr(run->it[0].where, "record at offset"));
    assert_int_equal(run->it[1].rc, 1);
    assert_string_equal(run->it[1].data, "<html>chunked</html>");
    assert_string_equal(run->it[1].charset, "utf-8");
    assert_int_equal(run->it[2].rc, 1);
    assert_string_equal(run->it[2].data, "<html>gzipped</html>");
    assert_null(run->it[2].charset);
    assert_int_equal(run->st.captures, 3);
    assert_int_equal(run->st.errors, 0);
    assert_int_equal(run->st.skipped_type, 3);
    assert_int_equal(run->st.skipped_status, 1);
    assert_int_equal(run->st.skipped_media, 1);
    assert_int_equal(run->st.skipped, 5);
}

static void test_warc(void **state)
{
    (void)state;
    fx_buf w = {0};
    build_warc(&w, 0);
    fx_run run;
    fx_read_mem(w.p, w.n, 0, &run);
    check_warc_run(&run);
    fx_run_free(&run);
    free(w.p);

    memset(&w, 0, sizeof w);
    build_warc(&w, 1);
    fx_read_mem(w.p, w.n, 0, &run);
    check_warc_run(&run);
    fx_run_free(&run);

    /* through a file and bt_reader_open: the same */
    char *path = test_write_temp(w.p, w.n, ".warc.gz");
    bt_reader *r;
    bt_error err;
    assert_int_equal(bt_reader_open(path, 0, &r, &err), 0);
    fx_collect(r, &run);
    bt_reader_close(r);
    check_warc_run(&run);
    assert_non_null(strstr(run.it[1].where, path));
    fx_run_free(&run);
    unlink(path);
    free(path);
    free(w.p);
}

/* Bad records among good ones: each reported, the good ones all read. */
static void test_warc_bad_records(void **state)
{
    (void)state;
    fx_buf w = {0}, h = {0};
    fx_warc_page(&w, "https://a.vn/1", "text/html", "<html>1</html>");
    /* non-numeric Content-Length */
    fx_http(&h, 200, "text/html", NULL, "<html>x</html>", 14);
    fx_warc(&w, "response", "https://a.vn/bad", h.p, h.n, "12ab");
    fx_warc_page(&w, "https://a.vn/2", "text/html", "<html>2</html>");
    /* Content-Length 40 bytes too long: swallows the next record's start */
    char len[32];
    snprintf(len, sizeof len, "%zu", h.n + 40);
    fx_warc(&w, "response", "https://a.vn/long", h.p, h.n, len);
    fx_warc_page(&w, "https://a.vn/3", "text/html", "<html>3</html>");
    /* Content-Length 5 bytes too short */
    snprintf(len, sizeof len, "%zu", h.n - 5);
    fx_warc(&w, "response", "https://a.vn/short", h.p, h.n, len);
    fx_warc_page(&w, "https://a.vn/4", "text/html", "<html>4</html>");
    /* garbage between records */
    fx_adds(&w, "garbage line\r\nmore garbage\r\n");
    fx_warc_page(&w, "https://a.vn/5", "text/html", "<html>5</html>");
    /* unsupported content coding, no HTTP head */
    h.n = 0;
    fx_http(&h, 200, "text/html", "Content-Encoding: br\r\n", "xx", 2);
    fx_warc(&w, "response", "https://a.vn/br", h.p, h.n, NULL);
    fx_warc(&w, "response", "https://a.vn/nohttp", "<html/>", 7, NULL);
    fx_warc_page(&w, "https://a.vn/6", "text/html", "<html>6</html>");
    /* truncated last record */
    size_t before = w.n;
    fx_warc_page(&w, "https://a.vn/cut", "text/html", "<html>cut short</html>");
    w.n = before + (w.n - before) / 2 + 40;

    fx_run run;
    fx_read_mem(w.p, w.n, 0, &run);
    const char *want[] = {"1", "bad Content-Length \"12ab\"", "2", "not followed", "3",
                          "not followed", "4", "expected a \"WARC/1.x\" line", "5",
                          "Content-Encoding br is not supported", "no HTTP status line", "6",
                          "truncated"};
    size_t nwant = sizeof want / sizeof want[0];
    for (size_t i = 0; i < run.n && i < nwant; i++) {
        fx_item *it = &run.it[i];
        if (strlen(want[i]) == 1) {
            assert_int_equal(it->rc, 1);
            char html[32];
            snprintf(html, sizeof html, "<html>%s</html>", want[i]);
            assert_string_equal(it->data, html);
        } else {
            assert_true(it->rc < 0);
            assert_non_null(strstr(it->msg, "mem: record at offset "));
            if (!strstr(it->msg, want[i]))
                fail_msg("record %zu: \"%s\" lacks \"%s\"", i, it->msg, want[i]);
        }
    }
    assert_int_equal(run.n, nwant);
    fx_run_free(&run);
    free(w.p);
    free(h.p);
}

static void test_warc_gz_corrupt_member_and_limit(void **state)
{
    (void)state;
    fx_buf w = {0}, rec = {0};
    fx_warc_page(&rec, "https://a.vn/1", "text/html", "<html>1</html>");
    fx_gzip(&w, rec.p, rec.n);
    rec.n = 0;
    fx_warc_page(&rec, "https://a.vn/2", "text/html", "<html>2 corrupt</html>");
    size_t at = w.n;
    fx_gzip(&w, rec.p, rec.n);
    for (size_t i = at + 12; i < at + 30; i++)
        w.p[i] ^= 0x55; /* scramble the deflate data */
    rec.n = 0;
    fx_buf big = {0};
    for (int i = 0; i < 200; i++)
        fx_adds(&big, "<p>big page</p>");
    fx_warc_page(&rec, "https://a.vn/big", "text/html", big.p);
    fx_gzip(&w, rec.p, rec.n);
    rec.n = 0;
    fx_warc_page(&rec, "https://a.vn/3", "text/html", "<html>3</html>");
    fx_gzip(&w, rec.p, rec.n);

    fx_run run;
    fx_read_mem(w.p, w.n, 1000, &run);
    assert_true(run.n >= 4);
    assert_int_equal(run.it[0].rc, 1);
    assert_string_equal(run.it[0].url, "https://a.vn/1");
    assert_true(run.it[1].rc < 0);
    assert_non_null(strstr(run.it[1].msg, "gzip"));
    assert_int_equal(run.it[run.n - 2].rc, BT_ELIMIT);
    assert_non_null(strstr(run.it[run.n - 2].msg, "https://a.vn/big"));
    assert_non_null(strstr(run.it[run.n - 2].msg, "over the 1000 bytes limit"));
    assert_int_equal(run.it[run.n - 1].rc, 1);
    assert_string_equal(run.it[run.n - 1].url, "https://a.vn/3");
    fx_run_free(&run);
    free(w.p);
    free(rec.p);
    free(big.p);
}

/* A gzip body cut short by the crawler: what it holds is delivered; a corrupt one is an
 * error. */
static void test_warc_truncated_gzip_body(void **state)
{
    (void)state;
    fx_buf page = {0}, body = {0}, h = {0}, w = {0};
    fx_adds(&page, "<html><body>");
    for (int i = 0; i < 2000; i++) {
        char p[64];
        snprintf(p, sizeof p, "<p>Đoạn %d của trang.</p>", i);
        fx_adds(&page, p);
    }
    fx_gzip(&body, page.p, page.n);
    fx_http(&h, 200, "text/html", "Content-Encoding: gzip\r\n", body.p, body.n / 2);
    fx_warc(&w, "response", "https://a.vn/cut", h.p, h.n, NULL);
    h.n = 0;
    fx_http(&h, 200, "text/html", "Content-Encoding: gzip\r\n", "not gzip at all", 15);
    fx_warc(&w, "response", "https://a.vn/bad", h.p, h.n, NULL);
    fx_run run;
    fx_read_mem(w.p, w.n, 0, &run);
    assert_int_equal(run.n, 2);
    assert_int_equal(run.it[0].rc, 1);
    assert_true(run.it[0].len > 1000 && run.it[0].len < page.n);
    assert_memory_equal(run.it[0].data, page.p, run.it[0].len);
    assert_int_equal(run.it[1].rc, BT_EPARSE);
    assert_non_null(strstr(run.it[1].msg, "Content-Encoding gzip"));
    fx_run_free(&run);
    free(page.p), free(body.p), free(h.p), free(w.p);
}

static void write_bytes(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(s, 1, n, f), n);
    fclose(f);
}

static void write_file(const char *path, const char *s) { write_bytes(path, s, strlen(s)); }

static void test_directory(void **state)
{
    (void)state;
    char dir[] = "/tmp/bantin-dir-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char p[512];
#define P(x) (snprintf(p, sizeof p, "%s/%s", dir, x), p)
    write_file(P("b.txt"), "B");
    write_file(P("a.txt"), "A");
    write_file(P(".hidden"), "H");
    write_file(P("logo.png"), "PNG");
    assert_int_equal(mkdir(P("sub"), 0700), 0);
    write_file(P("sub/c.jsonl"), "{\"url\": \"u\", \"html\": \"C\"}\nbad\n");
    write_bytes(P("sub/d.bin"), "\x01\x02\0\0binary", 10);
    assert_int_equal(mkdir(P("sub/empty"), 0700), 0);

    bt_reader *r;
    bt_error err;
    assert_int_equal(bt_reader_open(dir, 0, &r, &err), BT_EINVAL);
    assert_non_null(strstr(err.msg, dir));
    assert_non_null(strstr(err.msg, "directory"));

    assert_int_equal(bt_reader_open(dir, BT_READ_RECURSIVE, &r, &err), 0);
    fx_run run;
    fx_collect(r, &run);
    bt_reader_close(r);
    assert_int_equal(run.n, 4);
    assert_string_equal(run.it[0].data, "A");
    assert_string_equal(run.it[0].origin, P("a.txt"));
    assert_string_equal(run.it[1].data, "B");
    assert_string_equal(run.it[2].data, "C");
    assert_string_equal(run.it[2].where, (snprintf(p, sizeof p, "%s/sub/c.jsonl: line 1", dir), p));
    assert_int_equal(run.it[3].rc, BT_EPARSE);
    assert_non_null(strstr(run.it[3].msg, "c.jsonl: line 2"));
    assert_int_equal(run.st.captures, 3);
    assert_int_equal(run.st.errors, 1);
    assert_int_equal(run.st.skipped_files, 2); /* logo.png by name, d.bin by its bytes */
    fx_run_free(&run);

    unlink(P("sub/d.bin"));
    unlink(P("sub/c.jsonl"));
    rmdir(P("sub/empty"));
    rmdir(P("sub"));
    unlink(P("logo.png"));
    unlink(P(".hidden"));
    unlink(P("a.txt"));
    unlink(P("b.txt"));
    rmdir(dir);
#undef P
}

static void test_open_errors(void **state)
{
    (void)state;
    bt_reader *r;
    bt_error err;
    assert_int_equal(bt_reader_open("/nonexistent/x.html", 0, &r, &err), BT_ENOTFOUND);
    assert_null(r);
    assert_non_null(strstr(err.msg, "/nonexistent/x.html"));
}

/* An empty input in memory read with record detection: an error naming it, no read past it
 * (the first-line scan once handed memchr a NULL pointer: UBSan). */
static void test_empty_mem_records(void **state)
{
    (void)state;
    static const char nothing[1] = "";
    bt_reader *r;
    bt_error err;
    if (bt_reader_open_mem(nothing, 0, "empty", BT_READ_RECORDS, &r, &err) == 0) {
        const bt_capture *c;
        int rc = bt_reader_next(r, &c, &err);
        assert_true(rc < 0 || c == NULL);
        if (rc < 0)
            assert_non_null(strstr(err.msg, "empty"));
        bt_reader_close(r);
    } else {
        assert_non_null(strstr(err.msg, "empty"));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain), cmocka_unit_test(test_stats_size),
        cmocka_unit_test(test_gzip_multi_member),
        cmocka_unit_test(test_empty_binary_limit),
        cmocka_unit_test(test_huge_file),
        cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_jsonl_long_line_and_gzip),
        cmocka_unit_test(test_warc),
        cmocka_unit_test(test_warc_bad_records),
        cmocka_unit_test(test_warc_gz_corrupt_member_and_limit),
        cmocka_unit_test(test_warc_truncated_gzip_body),
        cmocka_unit_test(test_directory),
        cmocka_unit_test(test_open_errors),
        cmocka_unit_test(test_empty_mem_records),
    };
    return cmocka_run_group_tests_name("capture", tests, NULL, NULL);
}
