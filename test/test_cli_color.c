/* test_cli_color.c: colour on the terminal only when asked or allowed (issue 20): search's
 * bold matches follow --color=auto|always|never and NO_COLOR (https://no-color.org); a pipe
 * gets no escape sequence; a pseudo-terminal does, unless NO_COLOR is set. */
#include "support.h"

#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char db[64];

static int setup(void **state)
{
    (void)state;
    strcpy(db, "/tmp/bantin-color-XXXXXX");
    int fd = mkstemp(db);
    if (fd < 0)
        return -1;
    close(fd);
    unlink(db);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s add -q --db %s samples/05-buyt-dien.html", test_bantin_bin(),
             db);
    return test_run(cmd, NULL, NULL) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char path[80];
    unlink(db);
    snprintf(path, sizeof path, "%s-wal", db);
    unlink(path);
    snprintf(path, sizeof path, "%s-shm", db);
    unlink(path);
    return 0;
}

/* Runs `bantin search --db DB ARGS xe buyt` with stdout on a pipe: its output. */
static char *search_pipe(const char *env, const char *args)
{
    char cmd[512], *out = NULL;
    snprintf(cmd, sizeof cmd, "%s %s search --db %s %s xe buyt", env, test_bantin_bin(), db, args);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    return out;
}

/* The same with stdout (and stderr) on a pseudo-terminal: what the terminal got. */
static char *search_tty(const char *no_color, const char *args)
{
    int master;
    pid_t pid = forkpty(&master, NULL, NULL, NULL);
    assert_true(pid >= 0);
    if (pid == 0) {
        if (no_color)
            setenv("NO_COLOR", no_color, 1);
        else
            unsetenv("NO_COLOR");
        char cmd[512];
        snprintf(cmd, sizeof cmd, "exec %s search --db %s %s xe buyt", test_bantin_bin(), db,
                 args);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    size_t len = 0, cap = 4096;
    char *out = malloc(cap);
    assert_non_null(out);
    for (;;) {
        if (cap - len < 1024) {
            out = realloc(out, cap *= 2);
            assert_non_null(out);
        }
        ssize_t n = read(master, out + len, cap - len - 1);
        if (n <= 0) /* EIO once the child closed the terminal */
            break;
        len += (size_t)n;
    }
    out[len] = '\0';
    close(master);
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
    return out;
}

static int has_escape(const char *s)
{
    return strstr(s, "\033[") != NULL;
}

static void test_pipe_plain_always_colours(void **state)
{
    (void)state;
    char *out = search_pipe("", "");
    assert_non_null(strstr(out, "result"));
    assert_false(has_escape(out));
    free(out);
    out = search_pipe("", "--color=always");
    assert_non_null(strstr(out, "\033[1m"));
    free(out);
    /* an explicit --color=always outranks NO_COLOR, as no-color.org asks */
    out = search_pipe("NO_COLOR=1", "--color always");
    assert_non_null(strstr(out, "\033[1m"));
    free(out);
    out = search_pipe("", "--color=never");
    assert_false(has_escape(out));
    free(out);
}

static void test_tty_auto_and_no_color(void **state)
{
    (void)state;
    char *out = search_tty(NULL, "");
    assert_non_null(strstr(out, "\033[1m"));
    free(out);
    out = search_tty("1", "");
    assert_non_null(strstr(out, "result"));
    assert_false(has_escape(out));
    free(out);
    out = search_tty("", ""); /* set but empty: ignored */
    assert_non_null(strstr(out, "\033[1m"));
    free(out);
    out = search_tty(NULL, "--color=never");
    assert_false(has_escape(out));
    free(out);
}

static void test_bad_when(void **state)
{
    (void)state;
    char cmd[512], *err = NULL;
    snprintf(cmd, sizeof cmd, "%s search --db %s --color=sometimes xe", test_bantin_bin(), db);
    assert_int_equal(test_run(cmd, NULL, &err), 2);
    assert_non_null(strstr(err, "auto, always or never"));
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pipe_plain_always_colours),
        cmocka_unit_test(test_tty_auto_and_no_color),
        cmocka_unit_test(test_bad_when),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
