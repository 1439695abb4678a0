/* cmd_add.c: `bantin add [--db PATH] [--jobs N] INPUT...`: extract captures on N threads and
 * store them through one writer (this thread) in batches, in input order.
 *
 * Pipeline: a reader thread walks the inputs (folders expanded, sorted) and fills a ring of
 * job slots with copies of the captures, skipping the ones the store already holds (its own
 * read-only connection); worker threads extract the filled slots; the writer takes the slots
 * back in order and commits one transaction per batch. Files of article records (JSONL as
 * `bantin export` writes) are read line by line and stored as they are. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define RING 64          /* slots in flight: bounds the memory held by captures */
#define BATCH_MAX 1000   /* articles per transaction at most (--batch) */
#define BATCH_SECONDS 1.0 /* and at most this long between commits */

enum { SLOT_EMPTY, SLOT_READY, SLOT_BUSY, SLOT_DONE };
enum { JOB_CAPTURE, JOB_RECORD, JOB_SEEN, JOB_FAILED };

typedef struct job {
    int state, kind;
    char *data;
    size_t len;
    char *origin, *url, *charset, *fetched_at, *where;
    bt_kind ckind;
    char hash[17];
    bt_article *article;
    int rc;
    bt_error err;
    int last_of_input; /* the writer counts an input done when it reaches this job */
} job;

typedef struct inputs {
    char **paths;
    size_t n, cap;
} inputs;

typedef struct pipeline {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    job slots[RING];
    size_t filled;  /* jobs put in the ring so far */
    size_t claimed; /* jobs taken by workers */
    int reading_done;
    int stop; /* the writer failed: everyone winds down */
    inputs in;
    const char *db_path;
} pipeline;

typedef struct tally {
    size_t inputs_done, captures, added, merged, seen, failed;
    double start;
} tally;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *xstrdup(const char *s) { return s ? strdup(s) : NULL; }

static void job_clear(job *j)
{
    free(j->data);
    free(j->origin);
    free(j->url);
    free(j->charset);
    free(j->fetched_at);
    free(j->where);
    bt_article_free(j->article);
    memset(j, 0, sizeof *j);
}

/* ---- inputs: folders expanded into sorted file lists ---------------------------------------- */

static int add_path(inputs *in, const char *p)
{
    if (in->n == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 64;
        char **v = realloc(in->paths, cap * sizeof *v);
        if (!v)
            return -1;
        in->paths = v;
        in->cap = cap;
    }
    if (!(in->paths[in->n] = strdup(p)))
        return -1;
    in->n++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether a file met in a folder walk is, by its name, not a page capture: metadata
 * (.json: one JSON document, not a JSONL stream), images, styles, scripts, fonts, media.
 * Files named on the command line are always read. */
static int skip_in_walk(const char *name)
{
    static const char *const exts[] = {".json", ".png", ".jpg", ".jpeg", ".gif", ".webp",
                                       ".svg", ".ico", ".css", ".js", ".map", ".woff",
                                       ".woff2", ".ttf", ".otf", ".pdf", ".mp3", ".mp4",
                                       ".webm", ".zip", ".db", ".db-wal", ".db-shm"};
    const char *dot = strrchr(name, '.');
    if (!dot)
        return 0;
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (!strcasecmp(dot, exts[i]))
            return 1;
    return 0;
}

/* Adds the regular files under `dir` (recursively, hidden names and non-page types skipped)
 * in sorted order. */
static int walk_dir(inputs *in, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        cli_errorf("%s: %s", dir, strerror(errno));
        return 1;
    }
    inputs here = {0};
    struct dirent *e;
    int failed = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || skip_in_walk(e->d_name))
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *p = malloc(n);
        if (!p || snprintf(p, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
                           e->d_name) < 0 ||
            add_path(&here, p)) {
            free(p);
            failed = 1;
            break;
        }
        free(p);
    }
    closedir(d);
    qsort(here.paths, here.n, sizeof *here.paths, cmp_str);
    for (size_t i = 0; i < here.n; i++) {
        struct stat sb;
        if (!failed && stat(here.paths[i], &sb) == 0) {
            if (S_ISDIR(sb.st_mode))
                failed |= walk_dir(in, here.paths[i]);
            else if (S_ISREG(sb.st_mode) && add_path(in, here.paths[i]))
                failed = 1;
        }
        free(here.paths[i]);
    }
    free(here.paths);
    return failed;
}

/* ---- the reader thread -------------------------------------------------------------------- */

/* Waits for a free slot and returns it (the lock held by the caller), or NULL on stop. */
static job *next_slot(pipeline *p)
{
    while (!p->stop && p->slots[p->filled % RING].state != SLOT_EMPTY)
        pthread_cond_wait(&p->cv, &p->mu);
    return p->stop ? NULL : &p->slots[p->filled % RING];
}

/* Hands a prepared job to the ring (takes its strings). 0, or -1 when the run stops. */
static int submit(pipeline *p, bt_store *ro, job *tmpl)
{
    if (ro && (tmpl->kind == JOB_CAPTURE || tmpl->kind == JOB_RECORD)) {
        bt_error err;
        if (bt_store_has_capture(ro, tmpl->hash, &err) == 1)
            tmpl->kind = JOB_SEEN;
    }
    pthread_mutex_lock(&p->mu);
    job *slot = next_slot(p);
    if (!slot) {
        pthread_mutex_unlock(&p->mu);
        job_clear(tmpl);
        return -1;
    }
    *slot = *tmpl;
    slot->state = tmpl->kind == JOB_CAPTURE || tmpl->kind == JOB_RECORD ? SLOT_READY : SLOT_DONE;
    p->filled++;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    memset(tmpl, 0, sizeof *tmpl);
    return 0;
}

static int submit_error(pipeline *p, const bt_error *err, int last)
{
    job j = {0};
    j.kind = JOB_FAILED;
    j.err = *err;
    j.rc = err->code ? err->code : BT_EIO;
    j.last_of_input = last;
    return submit(p, NULL, &j);
}

/* Whether a line is an article record (an object with "title" and a "body" list), as
 * `bantin export` writes: then its input is read as records, not as a capture. */
static int is_record_line(const char *line, size_t n)
{
    int yes = 0;
    if (n > 1 && line[0] == '{') {
        bt_article *a;
        bt_error err;
        if (bt_article_from_json(line, n, &a, &err) == 0) {
            yes = a->title && a->n_body > 0;
            bt_article_free(a);
        }
    }
    return yes;
}

static int is_records_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, f);
    fclose(f);
    int yes = n > 0 && is_record_line(line, (size_t)n);
    free(line);
    return yes;
}

/* Reads article records, one per line, from `f` (named `name` in messages). */
static int read_records(pipeline *p, bt_store *ro, FILE *f, const char *name)
{
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    int rc = 0;
    while (!rc && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        if (n == 0)
            continue;
        job j = {0};
        char where[32];
        snprintf(where, sizeof where, "line %zu", lineno);
        j.kind = JOB_RECORD;
        j.data = malloc((size_t)n + 1);
        j.origin = strdup(name);
        j.where = strdup(where);
        if (!j.data || !j.origin || !j.where) {
            job_clear(&j);
            bt_error err;
            bt_error_set(&err, BT_ENOMEM, "%s: out of memory", name);
            rc = submit_error(p, &err, 0);
            break;
        }
        memcpy(j.data, line, (size_t)n);
        j.data[n] = '\0';
        j.len = (size_t)n;
        bt_store_content_hash(j.data, j.len, j.hash);
        rc = submit(p, ro, &j);
    }
    free(line);
    if (rc)
        return rc;
    /* a marker so the writer counts the input done */
    job end = {0};
    end.kind = JOB_SEEN;
    end.last_of_input = 1;
    end.rc = 1; /* not a capture: not counted */
    return submit(p, NULL, &end);
}

static int read_records_file(pipeline *p, bt_store *ro, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        bt_error err;
        bt_error_set(&err, BT_EIO, "%s: %s", path, strerror(errno));
        return submit_error(p, &err, 1);
    }
    int rc = read_records(p, ro, f, path);
    fclose(f);
    return rc;
}

/* Reads the captures of `path` through bt_reader; `name` (when not NULL) stands for the
 * path in origins and messages. */
static int read_captures(pipeline *p, bt_store *ro, const char *path, const char *name)
{
    bt_reader *r;
    bt_error err;
    if (bt_reader_open(path, BT_READ_RECURSIVE, &r, &err)) {
        if (name) { /* say "-", not the descriptor's path */
            bt_error inner = err;
            bt_error_set(&err, inner.code, "%s: %s", name, inner.msg);
        }
        return submit_error(p, &err, 1);
    }
    bt_capture cap;
    int rc, out = 0;
    while (!out && (rc = bt_reader_next(r, &cap, &err)) != 0) {
        if (rc < 0) {
            out = submit_error(p, &err, 0);
            continue;
        }
        job j = {0};
        j.kind = JOB_CAPTURE;
        j.data = malloc(cap.len + 1);
        j.origin = xstrdup(name ? name : cap.origin ? cap.origin : path);
        j.url = xstrdup(cap.url);
        j.charset = xstrdup(cap.charset);
        j.fetched_at = xstrdup(cap.fetched_at);
        j.where = xstrdup(cap.where);
        j.ckind = cap.kind;
        if (!j.data || !j.origin) {
            job_clear(&j);
            bt_error_set(&err, BT_ENOMEM, "%s: out of memory", path);
            out = submit_error(p, &err, 0);
            continue;
        }
        memcpy(j.data, cap.data, cap.len);
        j.data[cap.len] = '\0';
        j.len = cap.len;
        bt_store_content_hash(j.data, j.len, j.hash);
        out = submit(p, ro, &j);
    }
    bt_reader_close(r);
    if (out)
        return out;
    job end = {0};
    end.kind = JOB_SEEN;
    end.last_of_input = 1;
    end.rc = 1;
    return submit(p, NULL, &end);
}

/* stdin cannot be read twice: read it whole, then as records when its first line is one,
 * else hand it to bt_reader through an in-memory file so that every kind is sniffed. */
static int read_stdin(pipeline *p, bt_store *ro)
{
    char *data;
    size_t len;
    bt_error err;
    if (cli_read_file("-", &data, &len, &err))
        return submit_error(p, &err, 1);
    const char *nl = memchr(data, '\n', len);
    size_t first = nl ? (size_t)(nl - data) : len;
    int rc;
    if (is_record_line(data, first)) {
        FILE *f = fmemopen(data, len ? len : 1, "r");
        rc = f ? read_records(p, ro, f, "-")
               : submit_error(p, &(bt_error){BT_ENOMEM, "-: out of memory"}, 1);
        if (f)
            fclose(f);
    } else {
        FILE *tmp = tmpfile(); /* unlinked: gone when closed */
        if (!tmp || fwrite(data, 1, len, tmp) != len || fflush(tmp)) {
            bt_error_set(&err, BT_EIO, "-: cannot buffer stdin: %s", strerror(errno));
            rc = submit_error(p, &err, 1);
        } else {
            char path[64];
            snprintf(path, sizeof path, "/proc/self/fd/%d", fileno(tmp));
            rc = read_captures(p, ro, path, "-");
        }
        if (tmp)
            fclose(tmp);
    }
    free(data);
    return rc;
}

static void *reader_main(void *arg)
{
    pipeline *p = arg;
    bt_store *ro = NULL;
    bt_error err;
    /* Its own connection, to skip captures already stored without extracting them. */
    if (bt_store_open(p->db_path, BT_STORE_READONLY, &ro, &err))
        ro = NULL;
    for (size_t i = 0; i < p->in.n; i++) {
        const char *path = p->in.paths[i];
        int rc = !strcmp(path, "-")       ? read_stdin(p, ro)
                 : is_records_file(path) ? read_records_file(p, ro, path)
                                         : read_captures(p, ro, path, NULL);
        if (rc)
            break;
    }
    bt_store_close(ro);
    pthread_mutex_lock(&p->mu);
    p->reading_done = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* ---- extraction workers ------------------------------------------------------------------- */

static void run_job(job *j)
{
    if (j->kind == JOB_RECORD) {
        j->rc = bt_article_from_json(j->data, j->len, &j->article, &j->err);
        if (j->rc) {
            bt_error inner = j->err;
            bt_error_set(&j->err, j->rc, "%s: %s: %s", j->origin, j->where, inner.msg);
        } else if (!j->article->title) {
            bt_article_free(j->article);
            j->article = NULL;
            j->rc = bt_error_set(&j->err, BT_EPARSE, "%s: %s: the record has no \"title\"",
                                 j->origin, j->where);
        } else if (!j->article->origin) {
            j->rc = bt_article_set(&j->article->origin, j->origin, strlen(j->origin));
        }
        return;
    }
    bt_capture cap = {j->data, j->len, j->charset, j->url, j->origin, j->fetched_at, j->ckind,
                      j->where};
    j->rc = bt_extract(&cap, NULL, &j->article, &j->err);
}

static void *worker_main(void *arg)
{
    pipeline *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stop && p->claimed < p->filled &&
               p->slots[p->claimed % RING].state != SLOT_READY)
            p->claimed++; /* jobs the reader finished itself (seen, failed) */
        if (p->stop || (p->claimed == p->filled && p->reading_done))
            break;
        if (p->claimed == p->filled) {
            pthread_cond_wait(&p->cv, &p->mu);
            continue;
        }
        job *j = &p->slots[p->claimed % RING];
        p->claimed++;
        j->state = SLOT_BUSY;
        pthread_mutex_unlock(&p->mu);
        run_job(j);
        pthread_mutex_lock(&p->mu);
        j->state = SLOT_DONE;
        pthread_cond_broadcast(&p->cv);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* ---- progress ----------------------------------------------------------------------------- */

typedef struct out_opts {
    int quiet, json, tty, verbose;
    double last_draw;
} out_opts;

static void draw_progress(out_opts *o, const tally *t, size_t total_inputs, int force)
{
    double now = now_s();
    if (!o->tty || o->quiet || (!force && now - o->last_draw < 0.1))
        return;
    o->last_draw = now;
    double el = now - t->start;
    double rate = el > 0 ? (double)(t->added + t->merged) / el : 0;
    double frac = total_inputs ? (double)t->inputs_done / (double)total_inputs : 1;
    char eta[32] = "--:--";
    if (frac >= 1)
        snprintf(eta, sizeof eta, "0:00");
    else if (frac > 0.001) {
        long left = (long)(el / frac - el);
        snprintf(eta, sizeof eta, "%ld:%02ld", left / 60, left % 60);
    }
    int width = 24, fill = (int)(frac * width);
    char bar[32];
    for (int i = 0; i < width; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[width] = '\0';
    fprintf(stderr, "\r[%s] %zu/%zu files  %zu articles  %.0f/s  ETA %s \033[K", bar,
            t->inputs_done, total_inputs, t->added, rate, eta);
}

static void clear_progress(out_opts *o)
{
    if (o->tty && !o->quiet)
        fputs("\r\033[K", stderr);
}

/* ---- the writer (this thread) ------------------------------------------------------------- */

static void add_usage(FILE *out)
{
    fprintf(out,
            "usage: bantin add [--db PATH] [--jobs N] [--batch N] [--quiet] [--json] INPUT...\n"
            "Extracts the captures of each INPUT (file, folder, '-' for stdin, or a JSONL\n"
            "file of article records as 'bantin export' writes) and stores them in the\n"
            "database (--db, else $BANTIN_DB, else ./bantin.db). Captures already stored are\n"
            "skipped. --jobs N extraction threads (default: the cores); --quiet prints only\n"
            "errors; --json prints a summary object; --verbose reports each commit;\n"
            "--batch N commits every N articles (default 1000) or every second.\n"
            "Exit status 1 when any input failed (the others are stored).\n");
}

int cmd_add(int argc, char **argv)
{
    const char *db = NULL;
    long jobs = sysconf(_SC_NPROCESSORS_ONLN), batch_max = BATCH_MAX;
    out_opts o = {0};
    pipeline p;
    memset(&p, 0, sizeof p);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--db") && i + 1 < argc)
            db = argv[++i];
        else if (!strcmp(a, "--jobs") && i + 1 < argc) {
            char *end;
            jobs = strtol(argv[++i], &end, 10);
            if (*end || jobs < 1 || jobs > 256) {
                cli_errorf("add: --jobs wants a number from 1 to 256, not '%s'", argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--batch") && i + 1 < argc) {
            char *end;
            batch_max = strtol(argv[++i], &end, 10);
            if (*end || batch_max < 1) {
                cli_errorf("add: --batch wants a positive number, not '%s'", argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q"))
            o.quiet = 1;
        else if (!strcmp(a, "--json"))
            o.json = 1;
        else if (!strcmp(a, "--verbose") || !strcmp(a, "-v"))
            o.verbose = 1;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            add_usage(stdout);
            return 0;
        } else if (a[0] == '-' && a[1]) {
            cli_errorf("add: unknown option '%s'", a);
            add_usage(stderr);
            return 2;
        }
    }
    if (jobs < 1)
        jobs = 1;
    tally t = {0};
    int failed_walk = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--db") || !strcmp(a, "--jobs") || !strcmp(a, "--batch")) {
            i++;
            continue;
        }
        if (a[0] == '-' && a[1])
            continue;
        struct stat sb;
        if (strcmp(a, "-") && stat(a, &sb) == 0 && S_ISDIR(sb.st_mode))
            failed_walk |= walk_dir(&p.in, a);
        else if (add_path(&p.in, a)) {
            cli_errorf("add: out of memory");
            return 1;
        }
    }
    if (!p.in.n && !failed_walk) {
        add_usage(stderr);
        return 2;
    }
    db = cli_db_path(db);
    bt_store *s;
    bt_error err;
    if (bt_store_open(db, 0, &s, &err)) {
        cli_errorf("%s", err.msg);
        for (size_t i = 0; i < p.in.n; i++)
            free(p.in.paths[i]);
        free(p.in.paths);
        return 1;
    }
    o.tty = isatty(STDERR_FILENO);
    p.db_path = db;
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cv, NULL);
    pthread_t reader, *workers = calloc((size_t)jobs, sizeof *workers);
    if (!workers) {
        cli_errorf("add: out of memory");
        bt_store_close(s);
        return 1;
    }
    t.start = now_s();
    pthread_create(&reader, NULL, reader_main, &p);
    for (long i = 0; i < jobs; i++)
        pthread_create(&workers[i], NULL, worker_main, &p);

    size_t seq = 0, in_batch = 0;
    size_t b_added = 0, b_merged = 0; /* in the open batch: counted once it commits */
    double batch_start = 0;
    int fatal = 0;
    for (;;) {
        pthread_mutex_lock(&p.mu);
        job *j = &p.slots[seq % RING];
        while (!(seq < p.filled && j->state == SLOT_DONE) && !(p.reading_done && seq == p.filled)) {
            if (in_batch) {
                /* nothing ready: do not hold the batch (and other writers) waiting */
                struct timespec ts;
                clock_gettime(CLOCK_REALTIME, &ts);
                ts.tv_nsec += 100000000;
                if (ts.tv_nsec >= 1000000000) {
                    ts.tv_sec++;
                    ts.tv_nsec -= 1000000000;
                }
                if (pthread_cond_timedwait(&p.cv, &p.mu, &ts) != 0)
                    break;
            } else
                pthread_cond_wait(&p.cv, &p.mu);
        }
        int have = seq < p.filled && j->state == SLOT_DONE;
        int end = !have && p.reading_done && seq == p.filled;
        pthread_mutex_unlock(&p.mu);
        if (have) {
            if (j->kind == JOB_SEEN) {
                if (!j->rc) {
                    t.captures++;
                    t.seen++;
                }
            } else if (j->kind == JOB_FAILED || j->rc) {
                t.failed++;
                clear_progress(&o);
                cli_errorf("%s", j->err.msg);
            } else {
                t.captures++;
                if (!in_batch) {
                    if (bt_store_begin(s, &err)) {
                        clear_progress(&o);
                        cli_errorf("%s", err.msg);
                        fatal = 1;
                    } else
                        batch_start = now_s();
                }
                if (!fatal) {
                    in_batch++;
                    bt_origin origin = {j->kind == JOB_RECORD ? NULL : j->origin, j->hash, j->len};
                    int rc = bt_store_add(s, j->article, &origin, NULL, &err);
                    if (rc == BT_STORE_ADDED)
                        b_added++;
                    else if (rc == BT_STORE_MERGED)
                        b_merged++;
                    else if (rc == BT_STORE_SEEN)
                        t.seen++;
                    else {
                        t.failed++;
                        clear_progress(&o);
                        /* one line: the capture (and record) and what is wrong with it */
                        if (!strncmp(err.msg, j->origin, strlen(j->origin)) && !j->where)
                            cli_errorf("%s", err.msg);
                        else
                            cli_errorf("%s%s%s: %s", j->origin, j->where ? ": " : "",
                                       j->where ? j->where : "", err.msg);
                        if (rc == BT_EIO || rc == BT_EDB) /* the database itself: stop */
                            fatal = 1;
                    }
                }
            }
            if (j->last_of_input)
                t.inputs_done++;
            pthread_mutex_lock(&p.mu);
            job_clear(j);
            j->state = SLOT_EMPTY;
            seq++;
            pthread_cond_broadcast(&p.cv);
            pthread_mutex_unlock(&p.mu);
        }
        if (in_batch && !fatal &&
            (end || !have || in_batch >= (size_t)batch_max ||
             now_s() - batch_start >= BATCH_SECONDS)) {
            if (bt_store_commit(s, &err)) {
                clear_progress(&o);
                cli_errorf("%s", err.msg);
                fatal = 1;
                t.failed += b_added + b_merged;
            } else {
                t.added += b_added;
                t.merged += b_merged;
            }
            b_added = b_merged = 0;
            if (!fatal && o.verbose) {
                clear_progress(&o);
                fprintf(stderr, "bantin: committed: %zu articles stored so far\n",
                        t.added + t.merged);
            }
            in_batch = 0;
        }
        if (fatal) {
            if (in_batch) {
                bt_store_rollback(s, NULL);
                t.failed += b_added + b_merged;
            }
            in_batch = 0;
            pthread_mutex_lock(&p.mu);
            p.stop = 1;
            pthread_cond_broadcast(&p.cv);
            pthread_mutex_unlock(&p.mu);
            break;
        }
        draw_progress(&o, &t, p.in.n, 0);
        if (end)
            break;
    }
    pthread_join(reader, NULL);
    for (long i = 0; i < jobs; i++)
        pthread_join(workers[i], NULL);
    free(workers);
    for (size_t i = 0; i < RING; i++)
        job_clear(&p.slots[i]);
    draw_progress(&o, &t, p.in.n, 1);
    clear_progress(&o);
    bt_store_close(s);
    double el = now_s() - t.start;
    if (o.json) {
        printf("{\"db\":\"%s\",\"inputs\":%zu,\"captures\":%zu,\"added\":%zu,\"merged\":%zu,"
               "\"seen\":%zu,\"failed\":%zu,\"seconds\":%.3f}\n",
               db, p.in.n, t.captures, t.added, t.merged, t.seen, t.failed, el);
    } else if (!o.quiet) {
        FILE *out = stderr;
        if (t.added == 0 && t.merged == 0 && t.failed == 0 && !fatal)
            fprintf(out, "bantin: nothing new: all %zu captures are already in %s\n", t.captures,
                    db);
        else
            fprintf(out,
                    "bantin: added %zu article%s to %s (%zu more captures of stored articles, "
                    "%zu already stored, %zu failed) from %zu input%s in %.1fs (%.0f/s)\n",
                    t.added, t.added == 1 ? "" : "s", db, t.merged, t.seen, t.failed, p.in.n,
                    p.in.n == 1 ? "" : "s", el,
                    el > 0 ? (double)(t.added + t.merged) / el : 0.0);
    }
    for (size_t i = 0; i < p.in.n; i++)
        free(p.in.paths[i]);
    free(p.in.paths);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.cv);
    return fatal || t.failed || failed_walk ? 1 : 0;
}
