/* test_store_cli.c: the store commands end to end through the CLI ($BANTIN_BIN): add/re-add,
 * export round trip, show/stats/rm/vacuum, bad records, and reliability: SIGKILL at random
 * points during a large add, two writers at once, an unwritable place. */
#include "support.h"

#include "bantin.h"
#include "connect/dups.h" /* BTI_DUPS_BANDS: an article's band keys */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *const words[] = {
    "đàm",  "phán", "hòa",  "bình", "người", "dân",  "kinh", "tế",   "chính", "phủ",
    "Hà",   "Nội",  "thủy", "điện", "mưa",   "bão",  "giáo", "dục",  "bóng",  "đá",
    "tăng", "giảm", "xuất", "khẩu", "giá",   "vàng", "đường", "sắt", "nông",  "thôn",
};
#define NWORDS (sizeof words / sizeof words[0])

static unsigned long long rng = 88172645463325252ull;
static unsigned rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)rng;
}

static void sentence(char *out, size_t cap, int nwords, long serial)
{
    size_t n = (size_t)snprintf(out, cap, "Bài %ld:", serial);
    for (int i = 0; i < nwords && n + 16 < cap; i++)
        n += (size_t)snprintf(out + n, cap - n, " %s", words[rnd() % NWORDS]);
    snprintf(out + n, cap - n, ".");
}

/* Writes `files` JSONL files of `per` article records each under dir; returns the total. */
static long write_records(const char *dir, int files, int per, long first)
{
    long serial = first;
    for (int f = 0; f < files; f++) {
        char path[512];
        snprintf(path, sizeof path, "%s/part-%03d.jsonl", dir, f);
        FILE *out = fopen(path, "w");
        assert_non_null(out);
        for (int i = 0; i < per; i++, serial++) {
            bt_article *a = bt_article_new();
            char buf[1024];
            sentence(buf, sizeof buf, 8, serial);
            assert_int_equal(bt_article_set(&a->title, buf, strlen(buf)), 0);
            sentence(buf, sizeof buf, 20, serial);
            assert_int_equal(bt_article_set(&a->lede, buf, strlen(buf)), 0);
            for (int p = 0; p < 4; p++) {
                sentence(buf, sizeof buf, 60, serial);
                assert_int_equal(bt_article_add_para(a, buf), 0);
            }
            assert_int_equal(bt_article_set(&a->source, "Báo Thử", strlen("Báo Thử")), 0);
            assert_int_equal(bt_article_set(&a->lang, "vi", 2), 0);
            assert_int_equal(bt_article_set_id(a), 0);
            bt_error err;
            char *json;
            bt_article_to_json(a, 0, &json, &err);
            assert_non_null(json);
            fprintf(out, "%s\n", json);
            free(json);
            bt_article_free(a);
        }
        assert_int_equal(fclose(out), 0);
    }
    return serial - first;
}

static char *temp_dir(void)
{
    char tmpl[] = "/tmp/bantin-cli-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    return strdup(tmpl);
}

static void rm_rf(char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "chmod -R u+w '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
    assert_int_equal(system(cmd), 0);
    free(dir);
}

static int64_t sql_count(const char *db, const char *sql)
{
    sqlite3 *h;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_busy_timeout(h, 10000);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK) {
        /* killed before the schema was committed: nothing stored yet */
        assert_non_null(strstr(sqlite3_errmsg(h), "no such table"));
        sqlite3_close(h);
        return 0;
    }
    int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
}

static void check_store(const char *db)
{
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(db, 0, &s, &err), 0);
    if (bt_store_check(s, &err))
        fail_msg("%s", err.msg);
    bt_store_close(s);
}

static int run(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
static char *last_out, *last_err;
static int run(const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    free(last_out);
    free(last_err);
    return test_run(cmd, &last_out, &last_err);
}

static void test_add_readd_export(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char in[600], db[600], db2[600];
    snprintf(in, sizeof in, "%s/in", dir);
    snprintf(db, sizeof db, "%s/a.db", dir);
    snprintf(db2, sizeof db2, "%s/b.db", dir);
    assert_int_equal(mkdir(in, 0755), 0);
    long n = write_records(in, 3, 20, 0);
    /* metadata beside the captures is not a capture: a folder walk skips it */
    char meta[700];
    snprintf(meta, sizeof meta, "%s/expected-metadata.json", in);
    FILE *f = fopen(meta, "w");
    assert_non_null(f);
    fputs("{\"title\": \"not a page\"}\n", f);
    fclose(f);
    const char *bin = test_bantin_bin();
    assert_int_equal(run("%s add --db %s %s", bin, db, in), 0);
    assert_non_null(strstr(last_err, "added 60 articles"));
    /* a re-run adds nothing and says so */
    assert_int_equal(run("%s add --db %s %s", bin, db, in), 0);
    assert_non_null(strstr(last_err, "nothing new"));
    assert_int_equal(run("%s add --db %s --json %s", bin, db, in), 0);
    assert_non_null(strstr(last_out, "\"added\":0"));
    assert_non_null(strstr(last_out, "\"seen\":60"));
    assert_int_equal(run("BANTIN_DB=%s %s stats --json", db, bin), 0);
    assert_non_null(strstr(last_out, "\"articles\":60"));
    assert_non_null(strstr(last_out, "\"origins\":60"));
    assert_non_null(strstr(last_out, "\"sources\":1"));
    /* export, add into a new file, export again: the same records */
    char ex1[600], ex2[600];
    snprintf(ex1, sizeof ex1, "%s/ex1.jsonl", dir);
    snprintf(ex2, sizeof ex2, "%s/ex2.jsonl", dir);
    assert_int_equal(run("(%s export --db %s > %s)", bin, db, ex1), 0);
    if (run("%s add --db %s %s", bin, db2, ex1) != 0)
        fail_msg("%s", last_err);
    assert_int_equal(run("(%s export --db %s > %s)", bin, db2, ex2), 0);
    assert_int_equal(run("cmp %s %s", ex1, ex2), 0);
    /* and through a pipe */
    char db3[600];
    snprintf(db3, sizeof db3, "%s/c.db", dir);
    assert_int_equal(run("%s export --db %s | %s add --db %s -", bin, db, bin, db3), 0);
    assert_int_equal(sql_count(db3, "SELECT count(*) FROM articles"), n);
    /* adding the export back to its own store adds nothing */
    assert_int_equal(run("%s add --db %s %s", bin, db, ex1), 0);
    assert_non_null(strstr(last_err, "nothing new"));
    assert_int_equal(sql_count(db, "SELECT count(*) FROM articles"), n);
    assert_int_equal(run("%s export --db %s --since 2999-01-01", bin, db), 0);
    assert_string_equal(last_out, "");
    /* show, rm, vacuum */
    char id[17] = {0};
    assert_int_equal(run("head -1 %s | sed 's/^{\"id\":\"\\([0-9a-f]*\\)\".*/\\1/'", ex1), 0);
    memcpy(id, last_out, 16);
    assert_int_equal(run("%s show --db %s %s", bin, db, id), 0);
    assert_non_null(strstr(last_out, id));
    assert_int_equal(run("%s show --db %s --format text %s", bin, db, id), 0);
    assert_non_null(strstr(last_out, "Bài 0:"));
    assert_int_equal(run("%s show --db %s 0123456789abcdef", bin, db), 1);
    assert_non_null(strstr(last_err, "0123456789abcdef"));
    assert_int_equal(run("%s rm --db %s %s", bin, db, id), 0);
    assert_int_equal(run("%s show --db %s %s", bin, db, id), 1);
    assert_int_equal(run("%s vacuum --db %s", bin, db), 0);
    assert_int_equal(sql_count(db, "SELECT count(*) FROM articles"), n - 1);
    check_store(db);
    rm_rf(dir);
}

static void test_bad_inputs(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char in[600], db[600];
    snprintf(in, sizeof in, "%s/r.jsonl", dir);
    snprintf(db, sizeof db, "%s/a.db", dir);
    FILE *f = fopen(in, "w");
    assert_non_null(f);
    fputs("{\"title\":\"Một\",\"body\":[\"Thân bài một.\"]}\n"
          "{\"title\":\"Hai\",\"body\":\"not a list\"}\n"
          "{broken json\n"
          "{\"title\":\"Ba\",\"body\":[\"Thân bài ba.\"]}\n",
          f);
    fclose(f);
    const char *bin = test_bantin_bin();
    assert_int_equal(run("%s add --db %s %s %s/missing.txt", bin, db, in, dir), 1);
    assert_non_null(strstr(last_err, "line 2"));
    assert_non_null(strstr(last_err, "body"));
    assert_non_null(strstr(last_err, "line 3"));
    assert_non_null(strstr(last_err, "missing.txt"));
    assert_int_equal(sql_count(db, "SELECT count(*) FROM articles"), 2);
    /* a file from a newer bantin is refused with a clear message */
    char cmd[700];
    snprintf(cmd, sizeof cmd, "%s/new.db", dir);
    sqlite3 *h;
    assert_int_equal(sqlite3_open(cmd, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    assert_int_equal(run("%s stats --db %s", bin, cmd), 1);
    assert_non_null(strstr(last_err, "newer bantin"));
    assert_int_equal(run("%s stats --db %s/none.db", bin, dir), 1);
    assert_non_null(strstr(last_err, "none.db"));
    rm_rf(dir);
}

static void test_unwritable(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char in[600], ro[600];
    snprintf(in, sizeof in, "%s/r.jsonl", dir);
    snprintf(ro, sizeof ro, "%s/ro", dir);
    FILE *f = fopen(in, "w");
    assert_non_null(f);
    fputs("{\"title\":\"Một\",\"body\":[\"Thân bài một.\"]}\n", f);
    fclose(f);
    assert_int_equal(mkdir(ro, 0555), 0);
    const char *bin = test_bantin_bin();
    if (access(ro, W_OK) == 0) {
        /* root writes anywhere: emulate a read-only place with an immutable folder if we
         * may, else nothing here can be tested */
        if (run("chattr +i %s 2>/dev/null", ro) != 0) {
            rm_rf(dir);
            skip();
        }
    }
    assert_int_equal(run("%s add --db %s/x.db %s", bin, ro, in), 1);
    assert_non_null(strstr(last_err, ro));
    assert_non_null(strstr(last_err, "write"));
    run("chattr -i %s 2>/dev/null", ro);
    rm_rf(dir);
}

static void test_disk_full(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char in[600], db[600];
    snprintf(in, sizeof in, "%s/in", dir);
    snprintf(db, sizeof db, "%s/f.db", dir);
    assert_int_equal(mkdir(in, 0755), 0);
    long n = write_records(in, 4, 100, 0);
    /* a file size limit stands in for a full disk: writes past it fail with EFBIG */
    assert_int_equal(run("ulimit -f 200; trap '' XFSZ; %s add --db %s --batch 50 %s",
                         test_bantin_bin(), db, in),
                     1);
    assert_non_null(strstr(last_err, db));
    assert_non_null(strstr(last_err, "disk"));
    assert_true(sql_count(db, "SELECT count(*) FROM articles") < n);
    check_store(db);
    assert_int_equal(run("%s add --db %s --quiet %s", test_bantin_bin(), db, in), 0);
    assert_int_equal(sql_count(db, "SELECT count(*) FROM articles"), n);
    check_store(db);
    rm_rf(dir);
}

/* Starts `bantin add` in the background with stderr to `errpath`; returns its pid. */
static pid_t spawn_add(const char *db, const char *in, const char *errpath, const char *extra)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int nul = open("/dev/null", O_WRONLY);
        if (fd < 0 || nul < 0)
            _exit(127);
        dup2(fd, 2);
        dup2(nul, 1);
        execl(test_bantin_bin(), "bantin", "add", "--db", db, "--batch", "40", "--jobs", "2",
              "--verbose", extra, in, (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* The largest "committed: N" the add reported before it died. */
static long reported(const char *errpath)
{
    char *text = test_read_file(errpath, NULL);
    long best = 0;
    for (const char *p = text; p && (p = strstr(p, "committed: ")); p++)
        best = strtol(p + 11, NULL, 10);
    free(text);
    return best;
}

static void test_sigkill(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char in[600], db[600], errpath[600];
    snprintf(in, sizeof in, "%s/in", dir);
    snprintf(db, sizeof db, "%s/k.db", dir);
    snprintf(errpath, sizeof errpath, "%s/err.txt", dir);
    assert_int_equal(mkdir(in, 0755), 0);
    long total = write_records(in, 8, 250, 0);
    rng = (unsigned long long)time(NULL) | 1;
    int kills = 0;
    long have = 0;
    for (int round = 0; round < 200 && kills < 50; round++) {
        pid_t pid = spawn_add(db, in, errpath, "--quiet");
        struct timespec d = {0, (long)(100 + rnd() % 700) * 1000000L};
        nanosleep(&d, NULL);
        int status;
        pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == 0) {
            kill(pid, SIGKILL);
            assert_int_equal(waitpid(pid, &status, 0), pid);
            kills++;
        } else {
            assert_true(WIFEXITED(status));
            assert_int_equal(WEXITSTATUS(status), 0);
        }
        if (access(db, F_OK) != 0)
            continue; /* killed before it made the file */
        /* every article a finished batch reported is there */
        long now = (long)sql_count(db, "SELECT count(*) FROM articles");
        assert_true(now >= have + reported(errpath));
        assert_true(now <= total);
        have = now;
        if (kills % 10 == 0)
            check_store(db);
        if (done != 0) /* it finished: start again from nothing */
            break;
    }
    assert_true(kills >= 50 || have == total);
    print_message("%d kills; %ld of %ld articles stored before the last run\n", kills, have,
                  total);
    check_store(db);
    /* near-duplicates are written in the article's transaction: every stored article has all
     * its BTI_DUPS_BANDS band keys, none has some */
    assert_int_equal(sql_count(db, "SELECT count(DISTINCT article) FROM dup_bands"), have);
    char q[160];
    snprintf(q, sizeof q, "SELECT count(*) FROM (SELECT article FROM dup_bands"
                          " GROUP BY article HAVING count(*) != %d)", BTI_DUPS_BANDS);
    assert_int_equal(sql_count(db, q), 0);
    /* a re-run completes the rest, without duplicates */
    assert_int_equal(run("%s add --db %s --quiet %s", test_bantin_bin(), db, in), 0);
    assert_int_equal(sql_count(db, "SELECT count(*) FROM articles"), total);
    assert_int_equal(sql_count(db, "SELECT count(*) FROM origins"), total);
    assert_int_equal(sql_count(db, "SELECT count(DISTINCT id) FROM articles"), total);
    check_store(db);
    rm_rf(dir);
}

/* A writer that failed shows what it printed, so a busy or locked store names itself. */
static void expect_clean_exit(int status, const char *errpath)
{
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return;
    char *text = test_read_file(errpath, NULL);
    fail_msg("writer exited with status %d: %s", status, text ? text : "(no stderr)");
}

static void test_two_writers(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char a[600], b[600], db[600], ea[600], eb[600];
    snprintf(a, sizeof a, "%s/a", dir);
    snprintf(b, sizeof b, "%s/b", dir);
    snprintf(db, sizeof db, "%s/w.db", dir);
    snprintf(ea, sizeof ea, "%s/ea.txt", dir);
    snprintf(eb, sizeof eb, "%s/eb.txt", dir);
    assert_int_equal(mkdir(a, 0755), 0);
    assert_int_equal(mkdir(b, 0755), 0);
    long na = write_records(a, 4, 150, 0);
    long nb = write_records(b, 4, 150, 100000);
    pid_t pa = spawn_add(db, a, ea, "--quiet");
    pid_t pb = spawn_add(db, b, eb, "--quiet");
    int sa, sb;
    assert_int_equal(waitpid(pa, &sa, 0), pa);
    assert_int_equal(waitpid(pb, &sb, 0), pb);
    expect_clean_exit(sa, ea);
    expect_clean_exit(sb, eb);
    assert_int_equal(sql_count(db, "SELECT count(*) FROM articles"), na + nb);
    check_store(db);
    rm_rf(dir);
}

/* Writers that start together on a file that does not exist yet: one makes it and turns it
 * to WAL while the others (and their readers) open it; none may fail with "locked". Rounds,
 * because the window is a few milliseconds. */
static void test_writers_new_file(void **state)
{
    (void)state;
    char *dir = temp_dir();
    char in[600], db[600], errs[3][600];
    snprintf(in, sizeof in, "%s/in", dir);
    assert_int_equal(mkdir(in, 0755), 0);
    long n = write_records(in, 1, 30, 200000);
    for (int round = 0; round < 6; round++) {
        snprintf(db, sizeof db, "%s/r%d.db", dir, round);
        pid_t pid[3];
        for (int w = 0; w < 3; w++) {
            snprintf(errs[w], sizeof errs[w], "%s/e%d.txt", dir, w);
            pid[w] = spawn_add(db, in, errs[w], "--quiet");
        }
        for (int w = 0; w < 3; w++) {
            int st;
            assert_int_equal(waitpid(pid[w], &st, 0), pid[w]);
            expect_clean_exit(st, errs[w]);
        }
        /* the same records from each: stored once */
        assert_int_equal(sql_count(db, "SELECT count(*) FROM articles"), n);
    }
    rm_rf(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_readd_export), cmocka_unit_test(test_bad_inputs),
        cmocka_unit_test(test_unwritable),       cmocka_unit_test(test_sigkill),
        cmocka_unit_test(test_two_writers),      cmocka_unit_test(test_writers_new_file),
        cmocka_unit_test(test_disk_full),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    free(last_out);
    free(last_err);
    return rc;
}
