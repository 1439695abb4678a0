/* test_cli_scripts.c: what a cron job or a shell script relies on, through the CLI
 * ($BANTIN_BIN): exit codes (a page that is no article is skipped, not failed; --strict),
 * write errors on stdout (a full disk, /dev/full), JSON error objects on stderr, stores that
 * are not what they seem, `--` ending options. */
#include "support.h"

#include "bantin.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char *last_out, *last_err;

static int run(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
static int run(const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    free(last_out);
    free(last_err);
    last_out = last_err = NULL;
    return test_run(cmd, &last_out, &last_err);
}

static char *dir; /* a fresh folder per test */

static int setup(void **state)
{
    (void)state;
    char tmpl[] = "/tmp/bantin-scripts-XXXXXX";
    if (!mkdtemp(tmpl))
        return -1;
    dir = strdup(tmpl);
    return dir ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[900];
    snprintf(cmd, sizeof cmd, "chattr -R -i '%s' 2>/dev/null; chmod -R u+w '%s' 2>/dev/null; rm -rf '%s'",
             dir, dir, dir);
    int rc = system(cmd);
    free(dir);
    free(last_out);
    free(last_err);
    last_out = last_err = NULL;
    return rc == 0 ? 0 : -1;
}

static void write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* An index page: links and no article; a nightly add must not fail on it forever. */
static const char index_page[] =
    "<html><head><title></title></head><body><ul><li><a href='/a'>a</a></li>"
    "<li><a href='/b'>b</a></li></ul></body></html>\n";

static void test_non_article_skipped(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    write_file("index.html", index_page);
    /* twice: a re-run must not fail either */
    for (int i = 0; i < 2; i++) {
        assert_int_equal(run("%s add --db %s/s.db samples/01-xe-buyt-dien.txt %s/index.html",
                             bin, dir, dir),
                         0);
        assert_non_null(strstr(last_err, "skipped"));
        assert_non_null(strstr(last_err, "index.html"));
        assert_null(strstr(last_err, "1 failed"));
    }
    /* the summary object counts the three outcomes */
    assert_int_equal(run("%s add --json --db %s/s.db %s/index.html", bin, dir, dir), 0);
    assert_non_null(strstr(last_out, "\"skipped\":1"));
    assert_non_null(strstr(last_out, "\"failed\":0"));
    /* --strict: a skip counts as a failure for scripts that want it */
    assert_int_equal(run("%s add --strict --db %s/s.db %s/index.html", bin, dir, dir), 1);
    /* a file that cannot be read still fails */
    assert_int_equal(run("%s add --db %s/s.db %s/missing.html", bin, dir, dir), 1);
    assert_non_null(strstr(last_err, "1 failed"));
}

/* Output errors count, as in coreutils: every command checks its writes and the last flush. */
static void test_write_errors(void **state)
{
    (void)state;
    if (access("/dev/full", W_OK) != 0)
        skip();
    const char *bin = test_bantin_bin();
    assert_int_equal(run("%s add -q --db %s/s.db samples/01-xe-buyt-dien.txt", bin, dir), 0);
    static const char *const cmds[] = {
        "search --db %s/s.db buyt",
        "export --db %s/s.db",
        "stats --db %s/s.db",
        "extract samples/01-xe-buyt-dien.txt",
        "fold 'Hà Nội'",
    };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char cmd[512];
        snprintf(cmd, sizeof cmd, cmds[i], dir);
        int rc = run("{ %s %s > /dev/full; }", bin, cmd);
        if (rc != 3)
            fail_msg("'bantin %s > /dev/full' exited %d, want 3", cmd, rc);
        assert_non_null(strstr(last_err, "write"));
    }
}

/* Every line of `text` is one {"error":{...}} object; returns how many, the first with `needle`
 * in its message left in *hit (a new reference) when hit is not NULL. */
static int json_error_lines(const char *text, const char *needle, json_t **hit)
{
    int n = 0;
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        json_error_t je;
        json_t *o = json_loadb(p, len, 0, &je);
        if (!o)
            fail_msg("stderr line is not JSON: %.*s", (int)len, p);
        json_t *e = json_object_get(o, "error");
        assert_non_null(e);
        assert_true(json_is_string(json_object_get(e, "code")));
        const char *msg = json_string_value(json_object_get(e, "message"));
        assert_non_null(msg);
        assert_non_null(json_object_get(e, "file"));
        assert_non_null(json_object_get(e, "record"));
        if (hit && !*hit && strstr(msg, needle)) {
            *hit = e;
            json_incref(e);
        }
        json_decref(o);
        n++;
        p += len + (nl != NULL);
    }
    return n;
}

/* In --format json and add --json modes errors are JSON objects on stderr. */
static void test_json_errors(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    write_file("index.html", index_page);
    assert_int_equal(run("%s add --json --db %s/s.db samples/01-xe-buyt-dien.txt %s/nope.html "
                         "%s/index.html", bin, dir, dir, dir),
                     1);
    json_t *e = NULL;
    assert_int_equal(json_error_lines(last_err, "nope.html", &e), 2);
    assert_non_null(e);
    json_decref(e);
    e = NULL;
    json_error_lines(last_err, "index.html", &e);
    assert_non_null(e);
    assert_string_equal(json_string_value(json_object_get(e, "code")), "ENOARTICLE");
    assert_non_null(strstr(json_string_value(json_object_get(e, "file")), "index.html"));
    json_decref(e);
    /* the summary is still the one object on stdout */
    assert_non_null(strstr(last_out, "\"failed\":1"));
    /* search and stats with a bad value or a bad query */
    assert_int_equal(run("%s search --format json --db %s/s.db '\"unbalanced'", bin, dir), 2);
    assert_int_equal(json_error_lines(last_err, "", NULL), 1);
    assert_int_equal(run("%s search --db %s/s.db --format json --limit x buyt", bin, dir), 2);
    assert_int_equal(json_error_lines(last_err, "", NULL), 1);
    assert_int_equal(run("%s stats --json --db %s/s.db --bad", bin, dir), 2);
    assert_int_equal(json_error_lines(last_err, "--bad", NULL), 1);
    /* a write error too */
    assert_int_equal(run("{ %s stats --json --db %s/s.db > /dev/full; }", bin, dir), 3);
    assert_int_equal(json_error_lines(last_err, "write", NULL), 1);
    /* without JSON, plain lines */
    assert_int_equal(run("%s stats --db %s/s.db --bad", bin, dir), 2);
    assert_non_null(strstr(last_err, "bantin: "));
}

/* SIGINT/SIGTERM during add: it stops at the next batch boundary, commits what is done,
 * prints the summary and exits 128 + the signal. */
static void interrupt_add(int sig)
{
    char in[512], errp[512], db[512];
    snprintf(in, sizeof in, "%s/in.jsonl", dir);
    snprintf(errp, sizeof errp, "%s/err-%d.txt", dir, sig);
    snprintf(db, sizeof db, "%s/s%d.db", dir, sig);
    FILE *f = fopen(in, "w");
    assert_non_null(f);
    /* enough records that the run cannot end between the first commit and the signal; each
     * text drawn from words of its own, so that they are neither near-duplicates of one
     * another nor one story (texts of a few words shared by all make every pair a candidate
     * for the near-duplicate check and every story a candidate for each record: slow, and
     * not what this test is about): words of two made-up syllables, some 100,000 of them */
    static const char *const onset[] = {"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n",
                                        "ph", "qu", "r", "s", "t", "th", "tr", "v", "x", "nh"};
    static const char *const rhyme[] = {"a", "á", "à", "ảnh", "ân", "ương", "iên", "ôi",
                                        "ưa", "ai", "ao", "om", "ình", "úc", "ất", "ên"};
    enum { NO = sizeof onset / sizeof *onset, NR = sizeof rhyme / sizeof *rhyme };
    unsigned x = 12345;
    for (int i = 0; i < 20000; i++) {
        fprintf(f, "{\"title\":\"Bài số %d\",\"body\":[\"", i);
        for (int w = 0; w < 24; w++) {
            x = x * 1103515245u + 12345u;
            unsigned r = x >> 8;
            fprintf(f, "%s%s%s%s%s", w ? " " : "", onset[r % NO], rhyme[r / NO % NR],
                    onset[r / NO / NR % NO], rhyme[r / NO / NR / NO % NR]);
        }
        fprintf(f, "\"],\"lang\":\"vi\"}\n");
    }
    assert_int_equal(fclose(f), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        freopen(errp, "w", stderr);
        freopen("/dev/null", "w", stdout);
        execl(test_bantin_bin(), "bantin", "add", "--verbose", "--batch", "100", "--jobs", "1",
              "--db", db, in, (char *)NULL);
        _exit(127);
    }
    /* wait for the first commit */
    for (int i = 0; i < 600; i++) {
        char *e = test_read_file(errp, NULL);
        int committed = e && strstr(e, "committed");
        free(e);
        if (committed)
            break;
        struct timespec d = {0, 50000000L};
        nanosleep(&d, NULL);
    }
    kill(pid, sig);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    char *e = test_read_file(errp, NULL);
    assert_non_null(e);
    if (!WIFEXITED(status))
        fail_msg("add died by signal %d instead of stopping:\n%s", WTERMSIG(status), e);
    assert_int_equal(WEXITSTATUS(status), 128 + sig);
    assert_non_null(strstr(e, "interrupted"));
    assert_non_null(strstr(e, "added "));
    free(e);
    /* what was committed is there, and a re-run completes it */
    assert_int_equal(run("%s stats --json --db %s", test_bantin_bin(), db), 0);
    assert_null(strstr(last_out, "\"articles\":0,"));
    if (sig != SIGINT)
        return;
    assert_int_equal(run("%s add -q --batch 1000 --db %s %s", test_bantin_bin(), db, in), 0);
    assert_int_equal(run("%s stats --json --db %s", test_bantin_bin(), db), 0);
    assert_non_null(strstr(last_out, "\"articles\":20000"));
}

static void test_interrupt(void **state)
{
    (void)state;
    interrupt_add(SIGINT);
    interrupt_add(SIGTERM);
}

/* A mistyped --db: only add creates a store; every other command says there is none. */
static void test_db_missing(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    static const char *const cmds[] = {"rm --db %s/typo.db 0123456789abcdef", "vacuum --db %s/typo.db",
                                       "index --phrases --db %s/typo.db", "stats --db %s/typo.db",
                                       "search --db %s/typo.db buyt", "export --db %s/typo.db",
                                       "show --db %s/typo.db 0123456789abcdef"};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char cmd[512], path[512];
        snprintf(cmd, sizeof cmd, cmds[i], dir);
        int rc = run("%s %s", bin, cmd);
        if (rc != 1 || !strstr(last_err, "no database"))
            fail_msg("'bantin %s': exit %d, %s", cmd, rc, last_err);
        snprintf(path, sizeof path, "%s/typo.db", dir);
        if (access(path, F_OK) == 0)
            fail_msg("'bantin %s' created %s", cmd, path);
    }
}

/* --db DIR: one clear message from every command. */
static void test_db_folder(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    static const char *const cmds[] = {"add --db %s samples/01-xe-buyt-dien.txt", "stats --db %s",
                                       "search --db %s buyt", "export --db %s", "vacuum --db %s",
                                       "rm --db %s 0123456789abcdef"};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char cmd[512];
        snprintf(cmd, sizeof cmd, cmds[i], dir);
        int rc = run("%s %s", bin, cmd);
        if (rc != 1 || !strstr(last_err, "is a folder"))
            fail_msg("'bantin %s': exit %d, %s", cmd, rc, last_err);
    }
}

/* Another application's SQLite file: refused, and left as it was (no tables, not WAL). */
static void test_foreign_sqlite(void **state)
{
    (void)state;
    char db[512];
    snprintf(db, sizeof db, "%s/other.sqlite", dir);
    sqlite3 *h;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, "CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES('x')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(h);
    struct stat before, after;
    assert_int_equal(stat(db, &before), 0);
    assert_int_equal(run("%s add --db %s samples/01-xe-buyt-dien.txt", test_bantin_bin(), db), 1);
    assert_non_null(strstr(last_err, "not a bantin"));
    assert_int_equal(run("%s stats --db %s", test_bantin_bin(), db), 1);
    assert_non_null(strstr(last_err, "not a bantin"));
    assert_int_equal(stat(db, &after), 0);
    assert_int_equal(before.st_size, after.st_size);
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(h, "SELECT count(*) FROM sqlite_master", -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "delete");
    sqlite3_finalize(st);
    sqlite3_close(h);
    /* an empty SQLite file (size 0) is fine to start a store in */
    snprintf(db, sizeof db, "%s/empty.db", dir);
    FILE *f = fopen(db, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(run("%s add -q --db %s samples/01-xe-buyt-dien.txt", test_bantin_bin(), db), 0);
}

/* A store in a folder the user cannot write (a shared mount, an archive's CD) is searched
 * read-only. */
static void test_readonly_place(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    char ro[512];
    snprintf(ro, sizeof ro, "%s/ro", dir);
    assert_int_equal(mkdir(ro, 0755), 0);
    assert_int_equal(run("%s add -q --db %s/s.db samples/01-xe-buyt-dien.txt samples/05-buyt-dien.html", bin, ro), 0);
    assert_int_equal(chmod(ro, 0555), 0);
    /* root writes anywhere: an immutable folder stands in for a read-only medium, if we may */
    if (access(ro, W_OK) == 0 && run("chattr +i %s", ro) != 0)
        skip();
    assert_int_equal(run("%s search --db %s/s.db buyt", bin, ro), 0);
    assert_non_null(strstr(last_out, "buýt"));
    assert_int_equal(run("%s stats --db %s/s.db", bin, ro), 0);
    assert_int_equal(run("%s export --db %s/s.db", bin, ro), 0);
    assert_non_null(strstr(last_out, "\"title\""));
    /* writers still say why they cannot */
    assert_int_equal(run("%s vacuum --db %s/s.db", bin, ro), 1);
    assert_non_null(strstr(last_err, "write"));
}

/* While the disk is full, reads still work (the -shm a reader makes cannot grow: it reads the
 * file immutable). A file size limit of 512 bytes stands in for the full disk. */
static void test_read_on_full_disk(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    assert_int_equal(run("%s add -q --db %s/s.db samples/01-xe-buyt-dien.txt", bin, dir), 0);
    assert_int_equal(run("ulimit -f 1; trap '' XFSZ; %s search --db %s/s.db buyt", bin, dir), 0);
    assert_non_null(strstr(last_out, "1 result"));
    assert_int_equal(run("ulimit -f 1; trap '' XFSZ; %s stats --json --db %s/s.db", bin, dir), 0);
    assert_non_null(strstr(last_out, "\"articles\":1,"));
}

/* `--` ends the options in every command: a file named "-x.html" can be given. */
static void test_double_dash(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp samples/01-xe-buyt-dien.txt %s/-x.txt", dir);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(run("cd %s && %s add -q --db s.db -- -x.txt", dir, bin), 0);
    assert_int_equal(run("cd %s && %s extract -q -- -x.txt", dir, bin), 0);
    assert_non_null(strstr(last_out, "buýt"));
    assert_int_equal(run("cd %s && %s decode -- -x.txt", dir, bin), 0);
    assert_int_equal(run("%s fold -- -Hà", bin), 0);
    assert_string_equal(last_out, "-ha\n");
    assert_int_equal(run("cd %s && %s search --db s.db -- buýt", dir, bin), 0);
    assert_int_equal(run("cd %s && %s export --db s.db --", dir, bin), 0);
    char id[17] = {0};
    const char *p = strstr(last_out, "\"id\":\"");
    assert_non_null(p);
    memcpy(id, p + 6, 16);
    assert_int_equal(run("cd %s && %s show --db s.db -- %s", dir, bin, id), 0);
    assert_int_equal(run("cd %s && %s stats --db s.db --", dir, bin), 0);
    assert_int_equal(run("cd %s && %s rm --db s.db -- %s", dir, bin, id), 0);
}

/* A bad --since is an error, not an empty export. */
static void test_bad_since(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    assert_int_equal(run("%s add -q --db %s/s.db samples/01-xe-buyt-dien.txt", bin, dir), 0);
    static const char *const bad[] = {"yesterday", "2024-13-01", "12/05/2024", "2024-02-30",
                                      "2024-01-01Tnoon"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int rc = run("%s export --db %s/s.db --since '%s'", bin, dir, bad[i]);
        if (rc != 2 || !strstr(last_err, bad[i]))
            fail_msg("--since %s: exit %d, %s", bad[i], rc, last_err);
        assert_int_equal(run("%s export --db %s/s.db --published-since '%s'", bin, dir, bad[i]), 2);
    }
    static const char *const good[] = {"2020", "2020-01", "2020-01-31", "2020-01-31T10:00:00Z",
                                       "2020-01-31T10:00:00+07:00"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        assert_int_equal(run("%s export --db %s/s.db --since '%s'", bin, dir, good[i]), 0);
        assert_non_null(strstr(last_out, "\"title\""));
    }
}

/* A URL given to extract or add: not fetched, and the message says how to feed pages. */
static void test_url_input(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    assert_int_equal(run("%s extract https://vnexpress.net/a-123.html", bin), 1);
    assert_non_null(strstr(last_err, "https://vnexpress.net/a-123.html"));
    assert_non_null(strstr(last_err, "not fetched"));
    assert_non_null(strstr(last_err, "WARC"));
    assert_int_equal(run("%s add --db %s/s.db http://example.com/", bin, dir), 1);
    assert_non_null(strstr(last_err, "not fetched"));
}

/* --files-from FILE|- reads the inputs from a list: one path a line, or NUL-separated (-0). */
static void test_files_from(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    write_file("list.txt", "samples/01-xe-buyt-dien.txt\n\nsamples/02-lua-gao.md.txt\n");
    assert_int_equal(run("%s extract -q --files-from %s/list.txt", bin, dir), 0);
    assert_non_null(strstr(last_out, "buýt"));
    assert_non_null(strstr(last_out, "lúa gạo"));
    assert_int_equal(run("printf 'samples/01-xe-buyt-dien.txt\\0samples/02-lua-gao.md.txt\\0' | "
                         "%s add --json --db %s/s.db --files-from - -0", bin, dir), 0);
    assert_non_null(strstr(last_out, "\"added\":2"));
    /* inputs on the command line too, in order after them; a missing list is an error */
    assert_int_equal(run("%s extract -q --files-from %s/list.txt samples/04-english-wire.txt",
                         bin, dir), 0);
    assert_int_equal(run("%s extract -q --files-from %s/nolist.txt", bin, dir), 2);
    assert_non_null(strstr(last_err, "nolist.txt"));
}

/* `bantin export | gzip > x.jsonl.gz && bantin add x.jsonl.gz`: gzip and the detection of
 * article records compose, for a file, stdin and a folder. */
static void test_gzip_roundtrip(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    assert_int_equal(run("%s add -q --db %s/a.db samples/01-xe-buyt-dien.txt "
                         "samples/05-buyt-dien.html", bin, dir), 0);
    assert_int_equal(run("{ mkdir %s/d && %s export --db %s/a.db | gzip > %s/d/x.jsonl.gz; }",
                         dir, bin, dir, dir), 0);
    /* a gzip of nothing is an empty input, said so (it once read a NULL window) */
    assert_int_equal(run(": | gzip > %s/e.jsonl.gz; %s add --db %s/a.db %s/e.jsonl.gz", dir, bin,
                         dir, dir), 1);
    assert_non_null(strstr(last_err, "empty"));
    assert_null(strstr(last_err, "runtime error"));
    static const char *const how[] = {"%s/d/x.jsonl.gz", "- < %s/d/x.jsonl.gz", "%s/d"};
    for (size_t i = 0; i < sizeof how / sizeof how[0]; i++) {
        char in[600];
        snprintf(in, sizeof in, how[i], dir);
        int rc = run("%s add --json --db %s/b%zu.db %s", bin, dir, i, in);
        if (rc != 0 || !strstr(last_out, "\"added\":2") || !strstr(last_out, "\"failed\":0"))
            fail_msg("add %s: exit %d, %s %s", in, rc, last_out, last_err);
    }
}

/* On a terminal the bar counts bytes of the inputs (one large file moves it); piped, no bar. */
static void test_progress_bar(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    if (system("command -v script >/dev/null 2>&1") != 0)
        skip(); /* util-linux's script gives the command a terminal */
    assert_int_equal(run("%s add -q --db %s/a.db samples/01-xe-buyt-dien.txt", bin, dir), 0);
    assert_int_equal(run("{ %s export --db %s/a.db > %s/x.jsonl; }", bin, dir, dir), 0);
    assert_int_equal(run("script -qec '%s add --db %s/b.db %s/x.jsonl' /dev/null", bin, dir, dir),
                     0);
    assert_non_null(strstr(last_out, " KB/"));
    assert_null(strstr(last_out, "files"));
    assert_int_equal(run("%s add --db %s/c.db %s/x.jsonl", bin, dir, dir), 0);
    assert_null(strstr(last_err, "\r"));
}

/* The id of the first article `export` prints, into id[17]. */
static void first_id(const char *db, char id[17])
{
    assert_int_equal(run("%s export --db %s", test_bantin_bin(), db), 0);
    const char *p = strstr(last_out, "\"id\":\"");
    assert_non_null(p);
    memcpy(id, p + 6, 16);
    id[16] = '\0';
}

/* show --format text|markdown|html like extract, a unique id prefix as git takes it; rm says
 * what it removed. */
static void test_show_rm(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    char db[512], id[17];
    snprintf(db, sizeof db, "%s/s.db", dir);
    assert_int_equal(run("%s add -q --db %s samples/01-xe-buyt-dien.txt", bin, db), 0);
    first_id(db, id);
    assert_int_equal(run("%s show --db %s --format markdown %s", bin, db, id), 0);
    assert_true(!strncmp(last_out, "# Hà Nội", strlen("# Hà Nội")));
    assert_int_equal(run("%s show --db %s --format html %s", bin, db, id), 0);
    assert_non_null(strstr(last_out, "<article"));
    assert_int_equal(run("%s show --db %s --format pdf %s", bin, db, id), 2);
    /* a prefix */
    char prefix[8];
    memcpy(prefix, id, 7);
    prefix[7] = '\0';
    assert_int_equal(run("%s show --db %s %s", bin, db, prefix), 0);
    assert_non_null(strstr(last_out, id));
    assert_int_equal(run("%s show --db %s zz", bin, db), 1); /* not an id */
    assert_int_equal(run("%s show --db %s 0000000", bin, db), 1);
    assert_non_null(strstr(last_err, "0000000"));
    /* rm by prefix says what it removed */
    assert_int_equal(run("%s rm --db %s %s", bin, db, prefix), 0);
    assert_non_null(strstr(last_err, "removed"));
    assert_non_null(strstr(last_err, id));
    assert_non_null(strstr(last_err, "Hà Nội mở thêm"));
    assert_int_equal(run("%s rm --db %s %s", bin, db, id), 1);
}

/* An ambiguous prefix names the candidates instead of picking one. */
static void test_ambiguous_prefix(void **state)
{
    (void)state;
    const char *bin = test_bantin_bin();
    char db[512];
    snprintf(db, sizeof db, "%s/s.db", dir);
    /* enough articles that two ids share their first hex digit */
    FILE *f;
    char path[600];
    snprintf(path, sizeof path, "%s/r.jsonl", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < 40; i++)
        fprintf(f, "{\"title\":\"Bài %d\",\"body\":[\"Đoạn %d.\"],\"lang\":\"vi\"}\n", i, i);
    fclose(f);
    assert_int_equal(run("%s add -q --db %s %s", bin, db, path), 0);
    char id[17];
    first_id(db, id);
    char one[2] = {id[0], 0};
    assert_int_equal(run("%s show --db %s %s", bin, db, one), 1);
    assert_non_null(strstr(last_err, "ambiguous"));
    /* search --limit says how to get the next page while there are more */
    assert_int_equal(run("%s search --db %s --limit 5 đoạn", bin, db), 0);
    assert_non_null(strstr(last_out, "--offset 5 --limit 5"));
    assert_int_equal(run("%s search --db %s --limit 5 --offset 35 đoạn", bin, db), 0);
    assert_null(strstr(last_out, "--offset 40"));
    /* -n N and -nN are the count as head takes it, not an exclusion of the letter n */
    assert_int_equal(run("%s search --db %s -n 3 đoạn", bin, db), 0);
    assert_non_null(strstr(last_out, "--offset 3 --limit 3"));
    assert_int_equal(run("%s search --db %s -n4 đoạn", bin, db), 0);
    assert_non_null(strstr(last_out, "--offset 4 --limit 4"));
    assert_int_equal(run("%s search --db %s -n 99999 đoạn", bin, db), 2);
    /* a word after -n stays a query: -nato excludes nato */
    assert_int_equal(run("%s search --db %s --limit 5 đoạn -nato", bin, db), 0);
    assert_non_null(strstr(last_out, "--offset 5 --limit 5"));
}

/* A page nested `depth` elements deep around its text, written to DIR/name. */
static void write_deep(const char *name, int depth, const char *tail)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("<html><head><title>Giá lúa gạo tăng</title></head><body>", f);
    for (int i = 0; i < depth / 4; i++)
        fputs("<div><span><b><i>", f);
    fputs("<h1>Giá lúa gạo tăng</h1><p>Giá lúa gạo xuất khẩu tăng cao nhất trong ba năm qua "
          "theo số liệu của Hiệp hội Lương thực Việt Nam công bố hôm nay.</p><p>Các doanh "
          "nghiệp cho biết nhu cầu từ Philippines và Indonesia tăng mạnh trong quý này.</p>", f);
    fputs(tail, f);
    for (int i = 0; i < depth / 4; i++)
        fputs("</i></b></span></div>", f);
    fputs("</body></html>\n", f);
    assert_int_equal(fclose(f), 0);
}

/* A page nested 5,000 elements deep is extracted on worker threads even with a small stack
 * limit (`ulimit -s 256`): the HTML walks are iterative, the threads' stacks the default. */
static void test_deep_page_small_stack(void **state)
{
    (void)state;
    write_deep("deep.html", 5000, "");
    int rc = run("ulimit -s 256; %s extract -q -j 2 %s/deep.html samples/05-buyt-dien.html",
                 test_bantin_bin(), dir);
    if (rc != 0)
        fail_msg("exit %d: %s", rc, last_err);
    assert_non_null(strstr(last_out, "Hiệp hội Lương thực"));
    assert_null(strstr(last_err, "warning"));
}

/* Content cut by the depth limit is not dropped without a word (issue 20): extract and add
 * warn on stderr naming the file, add --json as a {"warning":...} object; the article above
 * the cut is still extracted and stored, and the exit status stays 0. */
static void test_deep_page_warns(void **state)
{
    (void)state;
    char *deep = malloc(70000); /* 10,100 elements (a div and a b a pair), then a paragraph */
    assert_non_null(deep);
    size_t n = 0;
    for (int i = 0; i < 10100 / 2; i++) {
        memcpy(deep + n, "<div><b>", 8);
        n += 8;
    }
    memcpy(deep + n, "<p>Đoạn cuối nằm quá sâu.</p>", sizeof "<p>Đoạn cuối nằm quá sâu.</p>");
    write_deep("cut.html", 40, deep);
    free(deep);
    int rc = run("%s extract %s/cut.html", test_bantin_bin(), dir);
    if (rc != 0)
        fail_msg("exit %d: %s", rc, last_err);
    assert_non_null(strstr(last_out, "Hiệp hội Lương thực"));
    assert_null(strstr(last_out, "quá sâu"));
    assert_non_null(strstr(last_err, "bantin: warning: "));
    assert_non_null(strstr(last_err, "cut.html: content nested deeper than"));
    rc = run("%s add -q --json --db %s/w.db %s/cut.html", test_bantin_bin(), dir, dir);
    if (rc != 0)
        fail_msg("exit %d: %s", rc, last_err);
    assert_non_null(strstr(last_err, "{\"warning\":{\"code\":\"ELIMIT\""));
    assert_non_null(strstr(last_err, "cut.html\",\"record\":null}}"));
    assert_non_null(strstr(last_out, "\"added\":1"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_non_article_skipped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_interrupt, setup, teardown),
        cmocka_unit_test_setup_teardown(test_db_missing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_db_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_sqlite, setup, teardown),
        cmocka_unit_test_setup_teardown(test_readonly_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_on_full_disk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_double_dash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_since, setup, teardown),
        cmocka_unit_test_setup_teardown(test_url_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_files_from, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gzip_roundtrip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_progress_bar, setup, teardown),
        cmocka_unit_test_setup_teardown(test_show_rm, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ambiguous_prefix, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deep_page_small_stack, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deep_page_warns, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
