/* reader.c: bt_reader over one file or stdin, read whole (plain text and HTML captures). */
#include "bantin/capture.h"
#include "core/buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bt_reader {
    char *path;
    bt_buf data;
    int done;
};

/* Captures larger than this are refused rather than read into memory. */
#define BT_MAX_CAPTURE (256u << 20)

static int read_all(FILE *f, const char *path, bt_buf *b, bt_error *err)
{
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b->len + n > BT_MAX_CAPTURE)
            return bt_error_set(err, BT_ELIMIT, "%s: larger than %u MB", path,
                                BT_MAX_CAPTURE >> 20);
        if (bt_buf_add(b, chunk, n))
            return bt_error_set(err, BT_ENOMEM, "%s: out of memory", path);
    }
    if (ferror(f))
        return bt_error_set(err, BT_EIO, "%s: %s", path, strerror(errno));
    return 0;
}

int bt_reader_open(const char *path, unsigned flags, bt_reader **out, bt_error *err)
{
    (void)flags;
    *out = NULL;
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return bt_error_set(err, BT_EIO, "%s: %s", path, strerror(errno));
    bt_reader *r = calloc(1, sizeof *r);
    if (!r || !(r->path = strdup(path))) {
        free(r);
        if (!is_stdin)
            fclose(f);
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", path);
    }
    int rc = read_all(f, path, &r->data, err);
    if (!is_stdin)
        fclose(f);
    if (rc) {
        bt_reader_close(r);
        return rc;
    }
    *out = r;
    return 0;
}

int bt_reader_next(bt_reader *r, bt_capture *cap, bt_error *err)
{
    (void)err;
    if (r->done)
        return 0;
    r->done = 1;
    memset(cap, 0, sizeof *cap);
    cap->data = r->data.data ? r->data.data : "";
    cap->len = r->data.len;
    cap->origin = r->path;
    cap->kind = BT_KIND_UNKNOWN;
    return 1;
}

void bt_reader_close(bt_reader *r)
{
    if (!r)
        return;
    free(r->path);
    bt_buf_free(&r->data);
    free(r);
}
