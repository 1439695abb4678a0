/* util.c: small helpers the commands share: error printing and whole-file reads. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void cli_errorf(const char *fmt, ...)
{
    va_list ap;
    fputs("bantin: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
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
