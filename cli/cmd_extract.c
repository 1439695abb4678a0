/* cmd_extract.c: `bantin extract [OPTIONS] INPUT...`: the articles of captures read from
 * files, directories, gzip, crawler JSONL, WARC or stdin, one per capture, in input order.
 *
 * With --jobs N > 1, the main thread reads captures and copies each into a slot of a bounded
 * ring; N worker threads extract; the main thread prints the slots in ring order as they
 * complete. The ring holds at most 2N captures, so memory stays bounded by 2N records. */
#include "cli.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct extract_opts {
    bt_extract_opts extract; /* handed to every bt_extract call */
    unsigned json_flags;
    int format;
    int jobs;
    unsigned read_flags;
    int quiet;
    const char *site_model; /* --site-model FILE */
} extract_opts;

static void extract_usage(FILE *out)
{
    fprintf(out,
            "usage: bantin extract [OPTIONS] INPUT...   ('-' reads stdin)\n"
            "Prints the article (spec/article.md) of each capture, in input order.\n"
            "Inputs: text/HTML files (gzip or not), crawler JSONL, WARC (.warc, .warc.gz),\n"
            "directories (with -r); the kind is told by the bytes, not the name.\n"
            "  --format F     json (one object per line, default), text, markdown, html\n"
            "  --pretty       indented JSON\n"
            "  -j, --jobs N   extract on N threads (default: the number of cores)\n"
            "  -r, --recursive  read the files under directory arguments\n"
            "  -q, --quiet    no summary line on stderr\n"
            "  --site-model FILE  blocks that recur across the captures given together are\n"
            "                 dropped as the site's furniture; FILE loads that model, or saves\n"
            "                 the one learnt from this batch when FILE does not exist yet\n"
            "Bad inputs and records are named on stderr and the rest is still done; a\n"
            "summary line ends stderr; the exit status is 1 when any input failed.\n");
}

/* "--name VALUE" or "--name=VALUE" (also the short forms "-x VALUE" and "-xVALUE"). */
static const char *opt_value(int argc, char **argv, int *i, const char *lng, const char *shrt)
{
    const char *a = argv[*i];
    size_t n = strlen(lng);
    if (!strncmp(a, lng, n) && a[n] == '=')
        return a + n + 1;
    if (shrt && !strncmp(a, shrt, strlen(shrt)) && a[strlen(shrt)])
        return a + strlen(shrt); /* "-j4" */
    if (!strcmp(a, lng) || (shrt && !strcmp(a, shrt))) {
        if (*i + 1 >= argc)
            return "";
        return argv[++*i];
    }
    return NULL;
}

/* ---- one unit of work: a capture (copied) and what its extraction printed ---- */

typedef struct job {
    char *data;
    size_t len;
    char *charset, *url, *origin, *fetched_at, *where;
    bt_kind kind;
    int work;   /* 1: to extract; 0: only a message to print (a bad input) */
    int done;
    int ok;     /* an article came out */
    char *out;  /* for stdout */
    char *msg;  /* for stderr, without the "bantin: " prefix */
} job;

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static void job_clear(job *j)
{
    free(j->data);
    free(j->charset);
    free(j->url);
    free(j->origin);
    free(j->fetched_at);
    free(j->where);
    free(j->out);
    free(j->msg);
    memset(j, 0, sizeof *j);
}

static int job_from_capture(job *j, const bt_capture *c)
{
    memset(j, 0, sizeof *j);
    j->work = 1;
    j->kind = c->kind;
    j->len = c->len;
    j->data = malloc(c->len ? c->len : 1);
    if (j->data && c->len)
        memcpy(j->data, c->data, c->len);
    j->charset = dup_or_null(c->charset);
    j->url = dup_or_null(c->url);
    j->origin = dup_or_null(c->origin);
    j->fetched_at = dup_or_null(c->fetched_at);
    j->where = dup_or_null(c->where);
    if (!j->data || (c->charset && !j->charset) || (c->url && !j->url) ||
        (c->origin && !j->origin) || (c->fetched_at && !j->fetched_at) ||
        (c->where && !j->where)) {
        job_clear(j);
        return BT_ENOMEM;
    }
    return 0;
}

static void job_run(job *j, const extract_opts *o)
{
    bt_capture c = {j->data, j->len, j->charset, j->url, j->origin, j->fetched_at, j->kind,
                    j->where};
    bt_article *a;
    bt_error err;
    bt_error_clear(&err);
    if (bt_extract(&c, &o->extract, &a, &err) == 0) {
        if (o->format == BT_FORMAT_JSON) {
            char *json = bt_article_to_json(a, o->json_flags, &err);
            if (json) {
                size_t n = strlen(json);
                j->out = realloc(json, n + 2);
                if (j->out) {
                    j->out[n] = '\n';
                    j->out[n + 1] = '\0';
                } else {
                    free(json);
                }
            }
        } else {
            j->out = bt_article_render(a, o->format, &err);
        }
        bt_article_free(a);
        j->ok = j->out != NULL;
    }
    if (!j->ok) {
        size_t n = strlen(err.msg) + (j->where ? strlen(j->where) : 0) + 8;
        j->msg = malloc(n);
        if (j->msg)
            snprintf(j->msg, n, j->where ? "%s (%s)" : "%s", err.msg, j->where);
    }
    /* the capture is not needed any more: free it now, not when the slot is printed */
    free(j->data);
    j->data = NULL;
}

/* ---- the ordered output ---- */

typedef struct runner {
    extract_opts o;
    unsigned long long captures, articles, failed;
    int articles_printed;
    /* ring (only with threads) */
    job *ring;
    size_t cap;
    unsigned long long head, next_work, tail; /* printed < head <= next_work <= tail */
    int stop;
    pthread_mutex_t mu;
    pthread_cond_t work_cv, done_cv;
} runner;

static void print_job(runner *r, job *j)
{
    if (j->ok) {
        if (r->articles_printed++ && (r->o.format == BT_FORMAT_TEXT ||
                                       r->o.format == BT_FORMAT_MARKDOWN))
            fputs("\n---\n\n", stdout);
        fputs(j->out, stdout);
        r->articles++;
    } else {
        cli_errorf("%s", j->msg ? j->msg : "out of memory");
        r->failed++;
    }
    job_clear(j);
}

static void *worker(void *arg)
{
    runner *r = arg;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (r->next_work == r->tail && !r->stop)
            pthread_cond_wait(&r->work_cv, &r->mu);
        if (r->next_work == r->tail)
            break;
        job *j = &r->ring[r->next_work++ % r->cap];
        if (j->work) {
            pthread_mutex_unlock(&r->mu);
            job_run(j, &r->o);
            pthread_mutex_lock(&r->mu);
        }
        j->done = 1;
        pthread_cond_broadcast(&r->done_cv);
    }
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

/* Prints the finished jobs at the head; with `wait_for` > 0, waits until fewer than that many
 * remain in the ring. Called with the lock held. */
static void drain(runner *r, size_t wait_for)
{
    for (;;) {
        while (r->head < r->tail && r->ring[r->head % r->cap].done) {
            job *j = &r->ring[r->head % r->cap];
            r->head++;
            pthread_mutex_unlock(&r->mu);
            print_job(r, j);
            pthread_mutex_lock(&r->mu);
        }
        if (r->tail - r->head < wait_for || r->head == r->tail)
            return;
        pthread_cond_wait(&r->done_cv, &r->mu);
    }
}

/* Hands a job over: printed at once when serial, queued otherwise. Takes its contents. */
static void submit(runner *r, job *j)
{
    if (!r->ring) {
        if (j->work)
            job_run(j, &r->o);
        print_job(r, j);
        return;
    }
    pthread_mutex_lock(&r->mu);
    drain(r, r->cap);
    /* even a job with only a message goes through a worker, which marks it done: the ring
     * slots from next_work on belong to the workers until then */
    j->done = 0;
    r->ring[r->tail++ % r->cap] = *j;
    pthread_cond_signal(&r->work_cv);
    pthread_mutex_unlock(&r->mu);
}

static void submit_error(runner *r, const char *msg)
{
    job j = {0};
    j.msg = strdup(msg);
    submit(r, &j);
}

static void read_input(runner *r, const char *path, bt_reader_stats *total)
{
    bt_error err;
    bt_reader *rd;
    if (bt_reader_open(path, r->o.read_flags, &rd, &err)) {
        submit_error(r, err.msg);
        return;
    }
    bt_capture cap;
    int rc;
    while ((rc = bt_reader_next(rd, &cap, &err)) != 0) {
        if (rc < 0) {
            submit_error(r, err.msg);
            continue;
        }
        r->captures++;
        job j;
        if (job_from_capture(&j, &cap)) {
            bt_error_set(&err, BT_ENOMEM, "%s: out of memory", cap.origin);
            submit_error(r, err.msg);
            continue;
        }
        submit(r, &j);
    }
    bt_reader_stats st;
    bt_reader_get_stats(rd, &st);
    total->skipped += st.skipped;
    total->skipped_type += st.skipped_type;
    total->skipped_status += st.skipped_status;
    total->skipped_media += st.skipped_media;
    total->skipped_files += st.skipped_files;
    bt_reader_close(rd);
}

/* Enough pages to tell a site's furniture; a bigger batch (a large WARC) is not read twice. */
#define LEARN_MAX_CAPTURES 5000

/* First pass over the batch: learn the blocks its captures repeat (bt_site_model). Stdin is
 * not read twice; unreadable inputs are reported by the extraction pass, not here. */
static bt_site_model *learn_batch(const extract_opts *o, char **inputs, int ninputs)
{
    bt_site_model *m = bt_site_model_new();
    size_t seen = 0;
    for (int i = 0; m && i < ninputs && seen < LEARN_MAX_CAPTURES; i++) {
        bt_error err;
        bt_reader *rd;
        if (!strcmp(inputs[i], "-") || bt_reader_open(inputs[i], o->read_flags, &rd, &err))
            continue;
        bt_capture cap;
        int rc;
        while (seen < LEARN_MAX_CAPTURES && (rc = bt_reader_next(rd, &cap, &err)) != 0)
            if (rc > 0 && bt_site_model_learn(m, &cap, &err) == 0)
                seen++;
        bt_reader_close(rd);
    }
    return m;
}

/* Loads --site-model FILE when it exists, else learns a model from a batch of several inputs
 * (and saves it to FILE when given). Returns non-zero when the job cannot go on. */
static int load_site_model(const extract_opts *o, int argc, char **argv, int ninputs,
                           bt_site_model **model)
{
    bt_error err;
    (void)argc;
    *model = NULL;
    if (o->site_model && !access(o->site_model, F_OK)) {
        if (bt_site_model_load(o->site_model, model, &err)) {
            cli_errorf("%s", err.msg);
            return 1;
        }
        return 0;
    }
    if (ninputs < 2 && !o->site_model && !(o->read_flags & BT_READ_RECURSIVE))
        return 0;
    *model = learn_batch(o, argv + 1, ninputs);
    if (*model && o->site_model && bt_site_model_save(*model, o->site_model, &err)) {
        cli_errorf("%s", err.msg);
        bt_site_model_free(*model);
        *model = NULL;
        return 1;
    }
    return 0;
}

static int default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

int cmd_extract(int argc, char **argv)
{
    extract_opts o;
    memset(&o, 0, sizeof o);
    o.format = BT_FORMAT_JSON;
    o.jobs = default_jobs();
    int ninputs = 0, only_inputs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (only_inputs || a[0] != '-' || !a[1]) {
            argv[++ninputs] = argv[i]; /* inputs gathered at argv[1..ninputs] */
            continue;
        }
        if (!strcmp(a, "--")) {
            only_inputs = 1;
        } else if (!strcmp(a, "--pretty")) {
            o.json_flags |= BT_JSON_PRETTY;
        } else if (!strcmp(a, "-r") || !strcmp(a, "--recursive")) {
            o.read_flags |= BT_READ_RECURSIVE;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o.quiet = 1;
        } else if ((v = opt_value(argc, argv, &i, "--format", NULL))) {
            if ((o.format = bt_format_from_name(v)) < 0) {
                cli_errorf("extract: unknown format '%s' (json, text, markdown, html)", v);
                return 2;
            }
        } else if ((v = opt_value(argc, argv, &i, "--site-model", NULL))) {
            o.site_model = v;
        } else if ((v = opt_value(argc, argv, &i, "--jobs", "-j"))) {
            char *end;
            long n = strtol(v, &end, 10);
            if (!*v || *end || n < 1 || n > 1024) {
                cli_errorf("extract: --jobs wants a number from 1 to 1024, not '%s'", v);
                return 2;
            }
            o.jobs = (int)n;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            extract_usage(stdout);
            return 0;
        } else {
            cli_errorf("extract: unknown option '%s'", a);
            extract_usage(stderr);
            return 2;
        }
    }
    if (!ninputs) {
        extract_usage(stderr);
        return 2;
    }

    bt_site_model *model = NULL;
    if (load_site_model(&o, argc, argv, ninputs, &model))
        return 1;
    o.extract.site = model;

    /* one write per message line, not one per piece, when many records are bad */
    setvbuf(stderr, NULL, _IOLBF, BUFSIZ);
    runner r;
    memset(&r, 0, sizeof r);
    r.o = o;
    pthread_t *threads = NULL;
    int nthreads = 0;
    if (o.jobs > 1) {
        r.cap = (size_t)o.jobs * 2;
        r.ring = calloc(r.cap, sizeof *r.ring);
        threads = calloc((size_t)o.jobs, sizeof *threads);
        if (!r.ring || !threads) {
            free(r.ring);
            free(threads);
            cli_errorf("extract: out of memory");
            return 1;
        }
        pthread_mutex_init(&r.mu, NULL);
        pthread_cond_init(&r.work_cv, NULL);
        pthread_cond_init(&r.done_cv, NULL);
        for (; nthreads < o.jobs; nthreads++)
            if (pthread_create(&threads[nthreads], NULL, worker, &r))
                break;
        if (!nthreads) {
            cli_errorf("extract: cannot start threads; extracting serially");
            free(r.ring);
            r.ring = NULL;
        }
    }

    if (o.format == BT_FORMAT_HTML)
        fputs("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
              "<title>bantin extract</title>\n</head>\n<body>\n", stdout);
    bt_reader_stats skipped = {0};
    for (int i = 1; i <= ninputs; i++)
        read_input(&r, argv[i], &skipped);

    if (r.ring) {
        pthread_mutex_lock(&r.mu);
        drain(&r, 1);
        r.stop = 1;
        pthread_cond_broadcast(&r.work_cv);
        pthread_mutex_unlock(&r.mu);
    }
    for (int t = 0; t < nthreads; t++)
        pthread_join(threads[t], NULL);
    if (r.ring) {
        pthread_mutex_destroy(&r.mu);
        pthread_cond_destroy(&r.work_cv);
        pthread_cond_destroy(&r.done_cv);
    }
    free(r.ring);
    free(threads);
    bt_site_model_free(model);
    if (o.format == BT_FORMAT_HTML)
        fputs("</body>\n</html>\n", stdout);

    int bad_output = fflush(stdout) != 0 || ferror(stdout);
    if (bad_output)
        cli_errorf("extract: cannot write the output");
    if (!o.quiet) {
        fprintf(stderr, "bantin: extract: %llu captures, %llu articles, %llu failed, "
                "%llu skipped records", r.captures, r.articles, r.failed,
                (unsigned long long)skipped.skipped);
        if (skipped.skipped)
            fprintf(stderr, " (%llu not responses, %llu not HTTP 200, %llu not HTML, "
                    "%llu not pages)", (unsigned long long)skipped.skipped_type,
                    (unsigned long long)skipped.skipped_status,
                    (unsigned long long)skipped.skipped_media,
                    (unsigned long long)skipped.skipped_files);
        fputc('\n', stderr);
    }
    return r.failed || bad_output ? 1 : 0;
}
