/* util.c: small helpers the commands share: error printing (plain or JSON) and whole-file
 * reads. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Set once by a command that was asked for JSON output, before its first message; the CLI is
 * one command per process, so this is the process's output mode, not library state. */
static int json_errors;

void cli_json_errors(int on)
{
    json_errors = on;
}

void cli_error(const bt_error *e, const char *file, const char *record)
{
    if (!json_errors) {
        fprintf(stderr, "bantin: %s\n", e->msg);
        return;
    }
    char *json = NULL;
    if (bt_error_to_json(e, file, record, &json) == 0)
        fprintf(stderr, "%s\n", json);
    else /* out of memory: still one object a script can parse */
        fputs("{\"error\":{\"code\":\"ENOMEM\",\"message\":\"out of memory\","
              "\"file\":null,\"record\":null}}\n", stderr);
    free(json);
}

void cli_warning(const bt_error *w, const char *file, const char *record)
{
    char *json = NULL;
    if (!json_errors || bt_error_to_json(w, file, record, &json) != 0 ||
        strncmp(json, "{\"error\":", 9) != 0) {
        if (json_errors) /* out of memory: still one object a script can parse */
            fputs("{\"warning\":{\"code\":\"ENOMEM\",\"message\":\"out of memory\","
                  "\"file\":null,\"record\":null}}\n", stderr);
        else
            fprintf(stderr, "bantin: warning: %s\n", w->msg);
        free(json);
        return;
    }
    fprintf(stderr, "{\"warning\":%s\n", json + 9);
    free(json);
}

void cli_errorf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (!json_errors) { /* not cut to a bt_error's length: a long path is told whole */
        fputs("bantin: ", stderr);
        vfprintf(stderr, fmt, ap);
        fputc('\n', stderr);
    } else {
        bt_error e;
        bt_error_clear(&e);
        e.code = BT_EINVAL;
        vsnprintf(e.msg, sizeof e.msg, fmt, ap);
        cli_error(&e, NULL, NULL);
    }
    va_end(ap);
}

int cli_format_json(const char *cmd, const char *value, int *json)
{
    if (!strcmp(value, "json") || !strcmp(value, "text")) {
        *json = value[0] == 'j';
        return 0;
    }
    cli_errorf("%s: --format is json or text, not '%s'", cmd, value);
    return CLI_EXIT_USAGE;
}

int cli_read_file(const char *path, char **data, size_t *len, bt_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return bt_error_set(err, BT_EIO, "%s: %s", path, strerror(errno));
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
        if (cap - n - 1 == 0) {
            char *p = realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p;
            cap *= 2;
        }
    }
    int bad = !buf || ferror(f);
    if (!is_stdin)
        fclose(f);
    if (bad) {
        free(buf);
        return bt_error_set(err, buf ? BT_EIO : BT_ENOMEM, "%s: cannot read", path);
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

int cli_files_from(const char *list, int nul, int (*add)(void *ctx, const char *path),
                   void *ctx)
{
    int is_stdin = !strcmp(list, "-");
    FILE *f = is_stdin ? stdin : fopen(list, "r");
    if (!f) {
        cli_errorf("--files-from %s: %s", list, strerror(errno));
        return CLI_EXIT_USAGE;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 0;
    while (!rc && (n = getdelim(&line, &cap, nul ? '\0' : '\n', f)) > 0) {
        if (line[n - 1] == (nul ? '\0' : '\n'))
            line[--n] = '\0';
        if (!nul && n && line[n - 1] == '\r') /* a list written on Windows */
            line[--n] = '\0';
        if (n) /* empty lines separate nothing */
            rc = add(ctx, line);
    }
    if (!rc && ferror(f)) {
        cli_errorf("--files-from %s: cannot read: %s", list, strerror(errno));
        rc = CLI_EXIT_FAILED;
    }
    free(line);
    if (!is_stdin)
        fclose(f);
    return rc;
}
