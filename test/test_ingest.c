/* test_ingest.c: the ingest pipeline's library API (bantin/ingest.h): input order kept on
 * several threads, failures named and the rest still done, memory inputs, records stored as
 * they are, the directory walk's skip rules, captures already stored skipped, the summary's
 * JSON. Uses samples/ of the checkout only. */
#include "support.h"

#include "bantin.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const samples[] = {"samples/01-xe-buyt-dien.txt", "samples/02-lua-gao.md.txt",
                                      "samples/03-nhay-xa.lynx.txt",
                                      "samples/04-english-wire.txt", "samples/05-buyt-dien.html"};
#define N_SAMPLES (sizeof samples / sizeof samples[0])

/* What the callbacks saw, in the order they saw it. */
typedef struct seen {
    char log[64][300]; /* "A origin stored" or "F stage message" */
    size_t n, articles, nulls, failures;
} seen;

static void on_article(void *ctx, const bt_article *a, const bt_ingest_item *item, int stored)
{
    seen *s = ctx;
    if (!a)
        s->nulls++;
    else
        s->articles++;
    if (s->n < 64)
        snprintf(s->log[s->n++], sizeof s->log[0], "A %s %d", a ? a->origin : item->origin,
                 stored);
}

static void on_failure(void *ctx, const bt_error *err, const bt_ingest_item *item,
                       bt_ingest_stage stage)
{
    seen *s = ctx;
    s->failures++;
    if (s->n < 64)
        snprintf(s->log[s->n++], sizeof s->log[0], "F %d %s%s%s", (int)stage, err->msg,
                 item && item->where ? " @ " : "", item && item->where ? item->where : "");
}

static bt_ingest *make(seen *s, unsigned jobs, unsigned read_flags, const char *db)
{
    bt_ingest_opts o = BT_INGEST_OPTS_INIT;
    o.jobs = jobs;
    o.read_flags = read_flags;
    o.db = db;
    o.on_article = on_article;
    o.on_failure = on_failure;
    o.ctx = s;
    bt_ingest *g;
    bt_error err;
    assert_int_equal(bt_ingest_new(&o, &g, &err), 0);
    return g;
}

static char *temp_dir(void)
{
    char tmpl[] = "/tmp/bantin-ingest-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    return strdup(tmpl);
}

static void rm_dir(char *dir)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    free(dir);
}

static void test_order_kept(void **state)
{
    (void)state;
    seen *s = calloc(1, sizeof *s);
    bt_ingest *g = make(s, 4, 0, NULL);
    bt_error err;
    for (int round = 0; round < 4; round++)
        for (size_t i = 0; i < N_SAMPLES; i++)
            assert_int_equal(bt_ingest_add_path(g, samples[i], &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(st.inputs, 4 * N_SAMPLES);
    assert_int_equal(st.extracted, 4 * N_SAMPLES);
    assert_int_equal(st.failed, 0);
    assert_int_equal(s->n, 4 * N_SAMPLES);
    for (size_t k = 0; k < s->n; k++) {
        char want[300];
        snprintf(want, sizeof want, "A %s -1", samples[k % N_SAMPLES]);
        assert_string_equal(s->log[k], want);
    }
    bt_ingest_free(g);
    free(s);
}

/* The counts struct carries its size: a caller built against an older, shorter struct gets
 * only the fields it has (nothing past them is written), and one that never set the size is
 * refused before anything is read. */
static void test_stats_size(void **state)
{
    (void)state;
    seen *s = calloc(1, sizeof *s);
    bt_ingest *g = make(s, 2, 0, NULL);
    bt_error err;
    assert_int_equal(bt_ingest_add_path(g, samples[0], &err), 0);
    bt_ingest_stats unset;
    memset(&unset, 0, sizeof unset);
    assert_int_equal(bt_ingest_run(g, &unset, &err), BT_EINVAL);
    assert_non_null(strstr(err.msg, "INIT"));
    assert_int_equal(s->n, 0); /* refused before the run: nothing was read, the input stays
                                  queued for a run with a proper struct */
    /* an older caller's struct: up to `captures` only; the bytes after it stay as they were */
    unsigned char buf[sizeof(bt_ingest_stats)];
    memset(buf, 0xAB, sizeof buf);
    bt_ingest_stats *old = (bt_ingest_stats *)(void *)buf;
    old->size = offsetof(bt_ingest_stats, captures) + sizeof old->captures;
    assert_int_equal(bt_ingest_run(g, old, &err), 0);
    assert_int_equal(old->inputs, 1);
    assert_int_equal(old->captures, 1);
    for (size_t i = old->size; i < sizeof buf; i++)
        assert_int_equal(buf[i], 0xAB);
    assert_int_equal(s->n, 1);
    bt_ingest_free(g);
    free(s);
}

static void test_failures_named(void **state)
{
    (void)state;
    seen *s = calloc(1, sizeof *s);
    char *dir = temp_dir();
    char missing[300], junk[300];
    snprintf(missing, sizeof missing, "%s/missing.txt", dir);
    snprintf(junk, sizeof junk, "%s/junk.txt", dir);
    FILE *f = fopen(junk, "w");
    assert_non_null(f);
    fputs("a few words\n", f);
    fclose(f);
    bt_ingest *g = make(s, 3, 0, NULL);
    bt_error err;
    assert_int_equal(bt_ingest_add_path(g, samples[0], &err), 0);
    assert_int_equal(bt_ingest_add_path(g, missing, &err), 0);
    assert_int_equal(bt_ingest_add_path(g, junk, &err), 0);
    assert_int_equal(bt_ingest_add_path(g, samples[4], &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(st.extracted, 2);
    /* a capture without an article is skipped with its reason, not failed */
    assert_int_equal(st.failed, 1);
    assert_int_equal(st.failed_read, 1);
    assert_int_equal(st.failed_extract, 0);
    assert_int_equal(st.skipped, 1);
    assert_int_equal(s->n, 4);
    assert_true(!strncmp(s->log[0], "A samples/01", 12));
    assert_non_null(strstr(s->log[1], "F 1 "));
    assert_non_null(strstr(s->log[1], "missing.txt"));
    assert_non_null(strstr(s->log[2], "F 5 "));
    assert_non_null(strstr(s->log[2], "junk.txt"));
    assert_true(!strncmp(s->log[3], "A samples/05", 12));
    bt_ingest_free(g);
    rm_dir(dir);
    free(s);
}

static void test_memory_input(void **state)
{
    (void)state;
    size_t len;
    char *page = test_read_file(samples[4], &len);
    assert_non_null(page);
    seen *s = calloc(1, sizeof *s);
    bt_ingest *g = make(s, 2, 0, NULL);
    bt_error err;
    assert_int_equal(bt_ingest_add_mem(g, page, len, "upload", &err), 0);
    assert_int_equal(bt_ingest_add_mem(g, "", 0, "empty", &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(st.inputs, 2);
    assert_int_equal(st.extracted, 1);
    assert_int_equal(st.failed, 1);
    assert_string_equal(s->log[0], "A upload -1");
    assert_non_null(strstr(s->log[1], "empty"));
    /* the queue is empty after a run: a second run does nothing */
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(st.inputs, 0);
    bt_ingest_free(g);
    free(page);
    free(s);
}

static const char records[] =
    "{\"title\":\"Một\",\"body\":[\"đoạn một\"],\"lang\":\"vi\"}\n"
    "{\"title\":\"Hai\",\"body\":[\"đoạn hai\"],\"authors\":[3]}\n"
    "\n"
    "{\"body\":[\"không tiêu đề\"]}\n"
    "{\"title\":\"Ba\",\"body\":[\"đoạn ba\"],\"origin\":\"http://x.vn/ba\"}\r\n";

static void test_records_and_seen(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char db[300];
    snprintf(db, sizeof db, "%s/t.db", dir);
    seen *s = calloc(1, sizeof *s);
    bt_ingest *g = make(s, 2, BT_READ_RECURSIVE | BT_READ_RECORDS, db);
    bt_error err;
    assert_int_equal(bt_ingest_add_mem(g, records, strlen(records), "-", &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(st.added, 2);
    assert_int_equal(st.failed, 2);
    assert_int_equal(st.failed_extract, 2);
    assert_int_equal(st.captures, 2);
    assert_int_equal(s->n, 4);
    assert_string_equal(s->log[0], "A - 1");
    assert_true(!strncmp(s->log[1], "F 2 -: line 2: authors[0]", 25));
    assert_string_equal(s->log[2], "F 2 -: line 4: the record has no \"title\" @ -: line 4");
    assert_string_equal(s->log[3], "A http://x.vn/ba 1");
    bt_ingest_free(g);

    /* again, with a capture: the records already stored are not parsed again */
    memset(s, 0, sizeof *s);
    g = make(s, 2, BT_READ_RECURSIVE | BT_READ_RECORDS, db);
    assert_int_equal(bt_ingest_add_mem(g, records, strlen(records), "-", &err), 0);
    assert_int_equal(bt_ingest_add_path(g, samples[0], &err), 0);
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(st.seen, 2);
    assert_int_equal(st.added, 1);
    assert_int_equal(s->nulls, 2);
    assert_int_equal(s->articles, 1);
    assert_int_equal(st.inputs, 2);
    bt_ingest_free(g);
    rm_dir(dir);
    free(s);
}

/* Article records keep the id they carry (so results join with the user's data), found
 * whole by bt_store_resolve_id; a record without one gets its content id; an id that cannot
 * be one fails that record, naming the field; a headline alone (news aggregator data) is a
 * record too. */
static const char own_ids[] =
    "{\"id\":\"112377\",\"title\":\"US stocks mostly rise\",\"body\":[]}\n"
    "{\"id\":\"train-000001\",\"title\":\"Khởi tố kẻ trộm\",\"body\":[\"Một đoạn.\"]}\n"
    "{\"title\":\"Không có id\",\"body\":[\"Đoạn khác.\"]}\n"
    "{\"id\":\"an id with spaces\",\"title\":\"Sai\",\"body\":[\"Đoạn.\"]}\n"
    "{\"id\":\"112377\",\"title\":\"US stocks mostly rise\",\"body\":[],"
    "\"origin\":\"http://x.example/a\"}\n";

static void test_records_own_ids(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char db[300];
    snprintf(db, sizeof db, "%s/t.db", dir);
    seen *s = calloc(1, sizeof *s);
    bt_ingest *g = make(s, 2, BT_READ_RECURSIVE | BT_READ_RECORDS, db);
    bt_error err;
    assert_int_equal(bt_ingest_add_mem(g, own_ids, strlen(own_ids), "-", &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(st.added, 3);
    assert_int_equal(st.merged, 1); /* the same id again: one more capture of it */
    assert_int_equal(st.failed, 1);
    int bad = 0;
    for (size_t i = 0; i < s->n; i++)
        bad += strstr(s->log[i], "field \"id\": 'an id with spaces'") != NULL &&
               strstr(s->log[i], "line 4") != NULL;
    assert_int_equal(bad, 1);
    bt_ingest_free(g);
    bt_store *st_;
    assert_int_equal(bt_store_open(db, BT_STORE_READONLY, &st_, &err), 0);
    bt_article *a;
    assert_int_equal(bt_store_get(st_, "train-000001", &a, &err), 0);
    assert_string_equal(a->title, "Khởi tố kẻ trộm");
    bt_article_free(a);
    char id[17];
    assert_int_equal(bt_store_resolve_id(st_, "112377", id, &err), 0);
    assert_string_equal(id, "112377");
    assert_int_equal(bt_store_resolve_id(st_, "train-000001", id, &err), 0);
    assert_int_equal(bt_store_resolve_id(st_, "train-9", id, &err), BT_ENOTFOUND);
    /* the record without an id: its content id, 16 hex digits */
    bt_article *c = bt_article_new();
    assert_non_null(c);
    assert_int_equal(bt_article_set(&c->title, "Không có id", strlen("Không có id")), 0);
    assert_int_equal(bt_article_add_para(c, "Đoạn khác."), 0);
    assert_int_equal(bt_article_set_id(c), 0);
    assert_int_equal(bt_store_get(st_, c->id, &a, &err), 0);
    bt_article_free(a);
    bt_article_free(c);
    bt_store_close(st_);
    rm_dir(dir);
    free(s);
}

static void test_walk_skips(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char cmd[1200];
    snprintf(cmd, sizeof cmd,
             "cd '%1$s' && mkdir -p d/sub d/.hidden other && cp '%2$s/%3$s' d/a.txt && "
             "cp '%2$s/%3$s' d/sub/b.txt && cp '%2$s/%3$s' d/.hidden/c.txt && "
             "cp '%2$s/%3$s' other/e.txt && ln -s ../other d/link && "
             "echo '{\"a\": 1}' > d/meta.json && echo x > d/s.db-wal && echo x > d/s.db && "
             "printf 'a\\0b' > d/bin.txt && cp '%2$s/%3$s' d/style.css",
             dir, getcwd((char[512]){0}, 512), samples[0]);
    assert_int_equal(system(cmd), 0);
    seen *s = calloc(1, sizeof *s);
    bt_ingest *g = make(s, 2, BT_READ_RECURSIVE, NULL);
    bt_error err;
    char d[300];
    snprintf(d, sizeof d, "%s/d", dir);
    assert_int_equal(bt_ingest_add_path(g, d, &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(st.failed, 0);
    assert_int_equal(st.extracted, 2); /* a.txt, sub/b.txt */
    assert_int_equal(st.inputs, 3);    /* and bin.txt, read then skipped by its bytes */
    /* link, meta.json, s.db-wal, s.db, style.css, bin.txt */
    assert_int_equal(st.reader.skipped_files, 6);
    assert_non_null(strstr(s->log[0], "/d/a.txt"));
    assert_non_null(strstr(s->log[1], "/d/sub/b.txt"));
    bt_ingest_free(g);

    /* the count before reading agrees with the walk */
    uint64_t n = 0;
    assert_int_equal(bt_reader_count_files(d, BT_READ_RECURSIVE, &n, &err), 0);
    assert_int_equal(n, 3);
    assert_int_equal(bt_reader_count_files(d, 0, &n, &err), 0);
    assert_int_equal(n, 1);
    memset(s, 0, sizeof *s);
    bt_ingest_opts o = BT_INGEST_OPTS_INIT;
    o.read_flags = BT_READ_RECURSIVE;
    o.flags = BT_INGEST_COUNT_INPUTS;
    assert_int_equal(bt_ingest_new(&o, &g, &err), 0);
    assert_int_equal(bt_ingest_add_path(g, d, &err), 0);
    assert_int_equal(bt_ingest_add_path(g, samples[0], &err), 0);
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(st.inputs_total, 4);
    assert_int_equal(st.inputs, 4);
    bt_ingest_free(g);

    /* without BT_READ_RECURSIVE a directory is a failure naming it */
    memset(s, 0, sizeof *s);
    g = make(s, 1, 0, NULL);
    assert_int_equal(bt_ingest_add_path(g, d, &err), 0);
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(st.failed_read, 1);
    assert_non_null(strstr(s->log[0], "is a directory"));
    bt_ingest_free(g);
    rm_dir(dir);
    free(s);
}

static void test_site_model_learnt(void **state)
{
    (void)state;
    seen *s = calloc(1, sizeof *s);
    bt_ingest *g = make(s, 2, 0, NULL);
    bt_error err;
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(bt_ingest_add_path(g, samples[i], &err), 0);
    assert_int_equal(bt_ingest_add_path(g, "-", &err), 0); /* not read by the first pass */
    const bt_site_model *m = NULL;
    assert_int_equal(bt_ingest_learn_site(g, 0, &m, &err), 0);
    assert_non_null(m);
    assert_int_equal(bt_site_model_pages(m), 4);
    bt_ingest_free(g);
    free(s);
}

static void test_summary_json(void **state)
{
    (void)state;
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    st.inputs = 3;
    st.captures = 7;
    st.added = 4;
    st.merged = 1;
    st.seen = 2;
    st.failed = 0;
    st.skipped = 5;
    st.seconds = 1.23456;
    bt_error err;
    char *j;
    assert_int_equal(bt_ingest_stats_to_json(&st, "/tmp/a\"b\\c.db", &j, &err), 0);
    assert_string_equal(j, "{\"db\":\"/tmp/a\\\"b\\\\c.db\",\"inputs\":3,\"captures\":7,"
                           "\"added\":4,\"merged\":1,\"seen\":2,\"skipped\":5,\"failed\":0,"
                           "\"seconds\":1.235}");
    free(j);
    assert_int_equal(bt_ingest_stats_to_json(&st, "/tmp/\xff.db", &j, &err), BT_EINVAL);
    assert_null(j);
    assert_int_equal(err.code, BT_EINVAL);
}

static void test_options_size(void **state)
{
    (void)state;
    /* an older caller's options: only the fields it knew; the others keep their defaults */
    bt_ingest_opts o = BT_INGEST_OPTS_INIT;
    o.size = sizeof(size_t) + sizeof(unsigned);
    o.jobs = 1;
    o.batch = 0;
    bt_ingest *g;
    bt_error err;
    assert_int_equal(bt_ingest_new(&o, &g, &err), 0);
    assert_int_equal(bt_ingest_add_path(g, samples[0], &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(st.extracted, 1);
    bt_ingest_free(g);
    bt_ingest_opts bad = BT_INGEST_OPTS_INIT;
    bad.size = 0;
    assert_int_equal(bt_ingest_new(&bad, &g, &err), BT_EINVAL);
}

static void on_warning(void *ctx, const bt_error *warning, const bt_ingest_item *item)
{
    seen *s = ctx;
    if (s->n < 64)
        snprintf(s->log[s->n++], sizeof s->log[0], "W %s %d %.200s", item->origin,
                 warning->code, warning->msg);
}

/* An article extracted with content left out (nested past the depth limit) is delivered with
 * a warning first, in input order, naming the capture; an older caller's options (without
 * on_warning) are told nothing. */
static void test_warning_in_order(void **state)
{
    (void)state;
    const char *head = "<html><head><title>Bão đổ bộ miền Trung</title></head><body>"
                       "<h1>Bão đổ bộ miền Trung</h1><p>Người dân ở các tỉnh miền Trung đã được "
                       "sơ tán khỏi vùng trũng trước khi cơn bão đổ bộ, theo ban chỉ đạo.</p>";
    size_t hl = strlen(head), n = hl + 10100 * 5 + 64;
    char *page = malloc(n);
    assert_non_null(page);
    memcpy(page, head, hl);
    size_t len = hl;
    for (int i = 0; i < 10100; i++) {
        memcpy(page + len, "<div>", 5);
        len += 5;
    }
    len += (size_t)snprintf(page + len, n - len, "<p>Đoạn văn quá sâu.</p>");
    seen *s = calloc(1, sizeof *s);
    bt_ingest_opts o = BT_INGEST_OPTS_INIT;
    o.jobs = 2;
    o.on_article = on_article;
    o.on_failure = on_failure;
    o.on_warning = on_warning;
    o.ctx = s;
    bt_ingest *g;
    bt_error err;
    assert_int_equal(bt_ingest_new(&o, &g, &err), 0);
    assert_int_equal(bt_ingest_add_path(g, samples[4], &err), 0);
    assert_int_equal(bt_ingest_add_mem(g, page, len, "deep", &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(st.extracted, 2);
    assert_int_equal(s->n, 3);
    assert_non_null(strstr(s->log[0], "A samples/05-buyt-dien.html"));
    assert_non_null(strstr(s->log[1], "W deep -9 deep: content nested deeper than"));
    assert_string_equal(s->log[2], "A deep -1");
    bt_ingest_free(g);
    /* the same run for a caller built before on_warning: no call, the article all the same */
    memset(s, 0, sizeof *s);
    o.size = offsetof(bt_ingest_opts, on_warning);
    assert_int_equal(bt_ingest_new(&o, &g, &err), 0);
    assert_int_equal(bt_ingest_add_mem(g, page, len, "deep", &err), 0);
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(s->n, 1);
    assert_string_equal(s->log[0], "A deep -1");
    bt_ingest_free(g);
    free(page);
    free(s);
}

/* Progress by bytes: one large JSONL file moves the count within the file, to its size. */
typedef struct byte_seen {
    uint64_t total, last, mid; /* mid: a count seen strictly between 0 and the total */
    int backwards;
} byte_seen;

static void on_bytes(void *ctx, const bt_ingest_stats *st, int event)
{
    (void)event;
    byte_seen *b = ctx;
    b->total = st->bytes_total;
    if (st->bytes_done < b->last)
        b->backwards = 1;
    b->last = st->bytes_done;
    if (st->bytes_done > 0 && st->bytes_done < st->bytes_total)
        b->mid = st->bytes_done;
}

static void test_progress_bytes(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char path[300];
    snprintf(path, sizeof path, "%s/big.jsonl", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    /* records of 8 KB: past the stream's 64 KB raw reads many times over */
    char para[8000];
    memset(para, 'a', sizeof para - 1);
    para[sizeof para - 1] = '\0';
    for (int i = 0; i < 400; i++)
        fprintf(f, "{\"title\":\"Bài %d\",\"body\":[\"%s\"],\"lang\":\"vi\"}\n", i, para);
    long size = ftell(f);
    fclose(f);
    byte_seen b = {0};
    bt_ingest_opts o = BT_INGEST_OPTS_INIT;
    o.jobs = 2;
    o.read_flags = BT_READ_RECORDS;
    o.flags = BT_INGEST_COUNT_INPUTS;
    o.ring = 4; /* the reader cannot run far ahead of the writer */
    o.on_progress = on_bytes;
    o.ctx = &b;
    bt_ingest *g;
    bt_error err;
    assert_int_equal(bt_ingest_new(&o, &g, &err), 0);
    assert_int_equal(bt_ingest_add_path(g, path, &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(st.extracted, 400);
    assert_int_equal(st.bytes_total, (uint64_t)size);
    assert_int_equal(st.bytes_done, (uint64_t)size);
    assert_int_equal(b.total, (uint64_t)size);
    assert_true(b.mid > 0); /* it moved within the one file */
    assert_false(b.backwards);
    bt_ingest_free(g);
    rm_dir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stats_size),      cmocka_unit_test(test_order_kept),      cmocka_unit_test(test_failures_named),
        cmocka_unit_test(test_memory_input),    cmocka_unit_test(test_records_and_seen),
        cmocka_unit_test(test_walk_skips),      cmocka_unit_test(test_site_model_learnt),
        cmocka_unit_test(test_summary_json),    cmocka_unit_test(test_options_size),
        cmocka_unit_test(test_progress_bytes),  cmocka_unit_test(test_warning_in_order),
        cmocka_unit_test(test_records_own_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
