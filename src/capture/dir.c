/* dir.c: the directory walk: the files under a directory in byte order of their names,
 * depth first, each read by the reader its bytes call for. Skips what evidently is not a page
 * (hidden entries, symlinked directories, assets a browser saves beside a page, metadata and
 * database files): the rules of bantin/capture.h, for every command that reads a folder. */
#include "capture/reader_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_DEPTH 64

/* Assets a browser saves in "page_files/": never pages. */
static const char *const asset_ext[] = {
    "css", "js", "mjs", "map", "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp",
    "tif", "tiff", "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "webm", "ogg", "wav",
    "pdf", "zip", "7z", "rar", "exe", "so", "o", "a", "swf",
    /* beside crawls: metadata documents, and the database the captures are stored in */
    "json", "db", "db-wal", "db-shm", "sqlite"};

static int is_asset(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name)
        return 0;
    for (size_t i = 0; i < sizeof asset_ext / sizeof asset_ext[0]; i++)
        if (strcasecmp(dot + 1, asset_ext[i]) == 0)
            return 1;
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void frame_free(bti_dir_frame *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->names[i]);
    free(f->names);
    free(f->path);
}

static int push_dir(bt_reader *r, const char *path, bt_error *err)
{
    if (r->n_frames >= MAX_DEPTH)
        return bt_error_set(err, BT_ELIMIT, "%s: directories nested deeper than %d", path,
                            MAX_DEPTH);
    DIR *d = opendir(path);
    if (!d)
        return bt_error_set(err, BT_EIO, "%s: %s", path, strerror(errno));
    bti_dir_frame f = {0};
    size_t cap = 0;
    int rc = 0;
    struct dirent *de;
    f.path = strdup(path);
    if (!f.path)
        rc = BT_ENOMEM;
    while (!rc && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (f.n == cap) {
            size_t nc = cap ? cap * 2 : 32;
            char **p = realloc(f.names, nc * sizeof *p);
            if (!p) {
                rc = BT_ENOMEM;
                break;
            }
            f.names = p;
            cap = nc;
        }
        if (!(f.names[f.n] = strdup(de->d_name)))
            rc = BT_ENOMEM;
        else
            f.n++;
    }
    closedir(d);
    bti_dir_frame *nf = rc ? NULL : realloc(r->frames, (r->n_frames + 1) * sizeof *nf);
    if (!nf) {
        frame_free(&f);
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", path);
    }
    if (f.n)
        qsort(f.names, f.n, sizeof *f.names, cmp_names);
    r->frames = nf;
    r->frames[r->n_frames++] = f;
    return 0;
}

int bti_reader_dir_open(bt_reader *r, bt_error *err) { return push_dir(r, r->path, err); }

static void close_child(bt_reader *r)
{
    bt_reader_stats st = BT_READER_STATS_INIT;
    bt_reader_stats_get(r->child, &st);
    bt_reader_stats_add(&r->child_done, &st);
    bt_reader_close(r->child);
    r->child = NULL;
}

int bti_reader_dir_next(bt_reader *r, bt_capture *cap, bt_error *err)
{
    for (;;) {
        if (r->child) {
            int rc = bti_reader_step(r->child, cap, err);
            if (rc != 0)
                return rc;
            close_child(r);
        }
        if (r->n_frames == 0)
            return 0;
        bti_dir_frame *f = &r->frames[r->n_frames - 1];
        if (f->i == f->n) {
            frame_free(f);
            r->n_frames--;
            continue;
        }
        const char *name = f->names[f->i++];
        size_t pl = strlen(f->path);
        char *path = malloc(pl + strlen(name) + 2);
        if (!path) {
            r->stats.errors++;
            return bt_error_set(err, BT_ENOMEM, "%s: out of memory", f->path);
        }
        sprintf(path, "%s%s%s", f->path, pl && f->path[pl - 1] == '/' ? "" : "/", name);
        struct stat lst, st;
        int rc = 0;
        if (lstat(path, &lst) != 0 || stat(path, &st) != 0) {
            rc = bt_error_set(err, BT_EIO, "%s: %s", path, strerror(errno));
        } else if (S_ISDIR(st.st_mode)) {
            if (S_ISLNK(lst.st_mode)) {
                r->stats.skipped_files++;
                r->stats.skipped++;
            } else {
                rc = push_dir(r, path, err);
            }
        } else if (!S_ISREG(st.st_mode) || is_asset(name)) {
            r->stats.skipped_files++;
            r->stats.skipped++;
        } else {
            rc = bti_reader_open_file(path, (r->flags & ~BT_READ_RECURSIVE) | BTI_READ_IN_DIR,
                                     r->max_record, &r->child, err);
            if (rc)
                r->stats.files++; /* tried: counted as the opened ones count themselves */
        }
        free(path);
        if (rc) {
            r->stats.errors++;
            return rc;
        }
    }
}

void bti_reader_dir_free(bt_reader *r)
{
    if (r->child)
        bt_reader_close(r->child);
    r->child = NULL;
    for (size_t i = 0; i < r->n_frames; i++)
        frame_free(&r->frames[i]);
    free(r->frames);
    r->frames = NULL;
    r->n_frames = 0;
}

/* The same walk as bti_reader_dir_next, by the same rules, counting the files it would open. */
int bt_reader_count_files(const char *path, unsigned flags, uint64_t *n, bt_error *err)
{
    uint64_t bytes;
    return bt_reader_count(path, flags, n, &bytes, err);
}

int bt_reader_count(const char *path, unsigned flags, uint64_t *n, uint64_t *bytes,
                    bt_error *err)
{
    struct stat st;
    *n = 1;
    *bytes = 0;
    int is_stdin = !strcmp(path, "-");
    if (!is_stdin && stat(path, &st) == 0 && S_ISREG(st.st_mode))
        *bytes = (uint64_t)st.st_size;
    if (is_stdin || !(flags & BT_READ_RECURSIVE) || stat(path, &st) != 0 ||
        !S_ISDIR(st.st_mode))
        return 0;
    *n = 0;
    bt_reader r;
    memset(&r, 0, sizeof r);
    bt_error e; /* a folder that cannot be read is the walk's to report, not ours */
    int rc = push_dir(&r, path, &e);
    if (rc)
        return rc == BT_ENOMEM ? bt_error_set(err, rc, "%s", e.msg) : 0;
    while (r.n_frames) {
        bti_dir_frame *f = &r.frames[r.n_frames - 1];
        if (f->i == f->n) {
            frame_free(f);
            r.n_frames--;
            continue;
        }
        const char *name = f->names[f->i++];
        size_t pl = strlen(f->path);
        char *sub = malloc(pl + strlen(name) + 2);
        if (!sub) {
            rc = bt_error_set(err, BT_ENOMEM, "%s: out of memory", f->path);
            break;
        }
        sprintf(sub, "%s%s%s", f->path, pl && f->path[pl - 1] == '/' ? "" : "/", name);
        struct stat lst;
        if (lstat(sub, &lst) != 0 || stat(sub, &st) != 0)
            ; /* the walk reports it as an error, not a file */
        else if (S_ISDIR(st.st_mode)) {
            if (!S_ISLNK(lst.st_mode) && push_dir(&r, sub, &e) == BT_ENOMEM)
                rc = bt_error_set(err, BT_ENOMEM, "%s", e.msg);
        } else if (S_ISREG(st.st_mode) && !is_asset(name)) {
            (*n)++;
            *bytes += (uint64_t)st.st_size;
        }
        free(sub);
        if (rc)
            break;
    }
    for (size_t i = 0; i < r.n_frames; i++)
        frame_free(&r.frames[i]);
    free(r.frames);
    return rc;
}
