/* support.c: the shared test helpers of support.h. */
#include "support.h"

#include "bantin/article.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

const char *test_shared_dir(void)
{
    const char *s = getenv("BANTIN_SHARED");
    return s && *s ? s : "../shared";
}

const char *test_bantin_bin(void)
{
    const char *s = getenv("BANTIN_BIN");
    return s && *s ? s : "build/asan/bantin";
}

char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p) {
                free(buf);
                buf = NULL;
            } else
                buf = p;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        if (len)
            *len = n;
    }
    return buf;
}

char *test_write_temp(const char *data, size_t len, const char *suffix)
{
    char tmpl[256];
    snprintf(tmpl, sizeof tmpl, "/tmp/bantin-test-XXXXXX%s", suffix ? suffix : "");
    int fd = mkstemps(tmpl, suffix ? (int)strlen(suffix) : 0);
    if (fd < 0)
        return NULL;
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w <= 0) {
            close(fd);
            return NULL;
        }
        off += (size_t)w;
    }
    close(fd);
    return strdup(tmpl);
}

int test_run(const char *cmd, char **out, char **err)
{
    char outp[] = "/tmp/bantin-out-XXXXXX", errp[] = "/tmp/bantin-err-XXXXXX";
    int fo = mkstemp(outp), fe = mkstemp(errp);
    if (fo < 0 || fe < 0)
        return -1;
    close(fo);
    close(fe);
    size_t n = strlen(cmd) + 2 * sizeof outp + 32;
    char *full = malloc(n);
    snprintf(full, n, "%s >%s 2>%s", cmd, outp, errp);
    int st = system(full);
    free(full);
    if (out)
        *out = test_read_file(outp, NULL);
    if (err)
        *err = test_read_file(errp, NULL);
    unlink(outp);
    unlink(errp);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

bt_article *test_extract(const char *data, const char *origin)
{
    bt_capture cap;
    memset(&cap, 0, sizeof cap);
    cap.data = data;
    cap.len = strlen(data);
    cap.origin = origin;
    bt_article *a = NULL;
    bt_error err;
    if (bt_extract(&cap, NULL, &a, &err))
        fail_msg("extract of %s failed: %s", origin, err.msg);
    assert_non_null(a);
    return a;
}

int test_body_has(const bt_article *a, const char *needle)
{
    for (size_t i = 0; i < a->n_body; i++)
        if (strstr(a->body[i], needle))
            return 1;
    return 0;
}

int test_store_add(bt_store *s, const bt_article *a, const bt_origin *o, char id[17],
                   bt_error *err)
{
    int outcome = -100;
    int rc = bt_store_add(s, a, o, &outcome, id, err);
    return rc ? rc : outcome;
}
