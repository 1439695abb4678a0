/* cmd_extract.c: `bantin extract [OPTIONS] INPUT...`: the articles of captures read from
 * files, directories, gzip, crawler JSONL, WARC or stdin, one per capture, in input order.
 * The library's ingest pipeline (bantin/ingest.h, no store) reads and extracts on N threads;
 * this file parses the arguments and prints the articles, messages and the summary line. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct extract_opts {
    unsigned json_flags;
    int format;
    int jobs;
    unsigned read_flags;
    int quiet;
    const char *site_model; /* --site-model FILE */
    const char *files_from; /* --files-from LIST */
    int nul;                /* -0: LIST is NUL-separated */
} extract_opts;

/* --files-from: each path of the list queued as an input. */
typedef struct queue_ctx {
    bt_ingest *g;
    size_t n;
} queue_ctx;

static int queue_path(void *ctx, const char *path)
{
    queue_ctx *q = ctx;
    bt_error err;
    if (bt_ingest_add_path(q->g, path, &err)) {
        cli_error(&err, NULL, NULL);
        return CLI_EXIT_FAILED;
    }
    q->n++;
    return 0;
}

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
            "  --files-from LIST  read the inputs from LIST (- for stdin), one path a line,\n"
            "                 before those given; -0: NUL-separated (find -print0)\n"
            "  --site-model FILE  blocks that recur across the captures given together are\n"
            "                 dropped as the site's furniture; FILE loads that model, or saves\n"
            "                 the one learnt from this batch when FILE does not exist yet\n"
            "Bad inputs and records are named on stderr and the rest is still done; a\n"
            "summary line ends stderr; the exit status is 1 when any input failed. An\n"
            "article with text nested past 10000 elements is printed without it, and a\n"
            "warning on stderr names the file.\n");
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

/* ---- printing, in input order (called by the ingest pipeline) ---- */

typedef struct printer {
    const extract_opts *o;
    unsigned long long articles, failed;
} printer;

static void on_article(void *ctx, const bt_article *a, const bt_ingest_item *item, int stored)
{
    printer *p = ctx;
    bt_error err;
    bt_error_clear(&err);
    char *out = NULL;
    (void)stored;
    if (p->o->format == BT_FORMAT_JSON) {
        char *json;
        bt_article_to_json(a, p->o->json_flags, &json, &err);
        if (json) {
            size_t n = strlen(json);
            out = realloc(json, n + 2);
            if (out) {
                out[n] = '\n';
                out[n + 1] = '\0';
            } else {
                free(json);
            }
        }
    } else {
        bt_article_render(a, p->o->format, &out, &err);
    }
    if (!out) {
        if (item->where)
            cli_errorf("%s (%s)", err.msg, item->where);
        else
            cli_error(&err, NULL, NULL);
        p->failed++;
        return;
    }
    if (p->articles++ && (p->o->format == BT_FORMAT_TEXT || p->o->format == BT_FORMAT_MARKDOWN))
        fputs("\n---\n\n", stdout);
    fputs(out, stdout);
    free(out);
}

/* Content left out of an extracted article (nested past the depth limit): said, not hidden. */
static void on_warning(void *ctx, const bt_error *warning, const bt_ingest_item *item)
{
    (void)ctx;
    if (item->where)
        cli_errorf("warning: %s (%s)", warning->msg, item->where);
    else
        cli_warning(warning, NULL, NULL);
}

static void on_failure(void *ctx, const bt_error *err, const bt_ingest_item *item,
                       bt_ingest_stage stage)
{
    (void)ctx;
    if (stage == BT_INGEST_SKIP) /* not an error: no article there, said why */
        cli_errorf("skipped %s%s%s", err->msg, item && item->where ? " at " : "",
                   item && item->where ? item->where : "");
    else if (stage == BT_INGEST_EXTRACT && item && item->where)
        cli_errorf("%s (%s)", err->msg, item->where);
    else
        cli_error(err, NULL, NULL);
}

/* Unless --site-model FILE was loaded, learns a model from a batch of several inputs (the
 * pipeline's first pass over them) and saves it to FILE when given: the blocks a site repeats
 * are told only across pages. Non-zero when the job cannot go on. */
static int site_model(const extract_opts *o, int ninputs, bt_ingest *g)
{
    bt_error err;
    const bt_site_model *m;
    if (o->site_model && !access(o->site_model, F_OK))
        return 0; /* loaded before the pipeline was made */
    if (ninputs < 2 && !o->site_model && !(o->read_flags & BT_READ_RECURSIVE))
        return 0;
    if (bt_ingest_learn_site(g, 0, &m, &err))
        return 0; /* out of memory: extract without one */
    if (o->site_model && bt_site_model_save(m, o->site_model, &err)) {
        cli_error(&err, NULL, NULL);
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
            if (bt_format_from_name(v, &o.format)) {
                cli_errorf("extract: unknown format '%s' (json, text, markdown, html)", v);
                return 2;
            }
        } else if ((v = opt_value(argc, argv, &i, "--site-model", NULL))) {
            o.site_model = v;
        } else if ((v = opt_value(argc, argv, &i, "--files-from", NULL))) {
            o.files_from = v;
        } else if (!strcmp(a, "-0") || !strcmp(a, "--null")) {
            o.nul = 1;
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
    if (!ninputs && !o.files_from) {
        extract_usage(stderr);
        return 2;
    }

    bt_site_model *model = NULL;
    bt_error err;
    if (o.site_model && !access(o.site_model, F_OK) &&
        bt_site_model_load(o.site_model, &model, &err)) {
        cli_error(&err, NULL, NULL);
        return 1;
    }
    printer pr = {&o, 0, 0};
    bt_ingest_opts io = BT_INGEST_OPTS_INIT;
    io.jobs = (unsigned)o.jobs;
    io.read_flags = o.read_flags;
    io.site = model;
    io.ring = (size_t)o.jobs * 2; /* at most 2N captures held */
    io.on_article = on_article;
    io.on_failure = on_failure;
    io.on_warning = on_warning;
    io.ctx = &pr;
    bt_ingest *g;
    if (bt_ingest_new(&io, &g, &err)) {
        cli_error(&err, NULL, NULL);
        bt_site_model_free(model);
        return 1;
    }
    /* the list's inputs first, then those of the command line, each in its order */
    queue_ctx q = {g, 0};
    int qrc = o.files_from ? cli_files_from(o.files_from, o.nul, queue_path, &q) : 0;
    for (int i = 1; !qrc && i <= ninputs; i++)
        qrc = queue_path(&q, argv[i]);
    if (qrc) {
        bt_ingest_free(g);
        bt_site_model_free(model);
        return qrc;
    }
    if (site_model(&o, (int)(q.n > 2 ? 2 : q.n), g)) {
        bt_ingest_free(g);
        bt_site_model_free(model);
        return 1;
    }

    /* one write per message line, not one per piece, when many records are bad */
    setvbuf(stderr, NULL, _IOLBF, BUFSIZ);
    if (o.format == BT_FORMAT_HTML)
        fputs("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
              "<title>bantin extract</title>\n</head>\n<body>\n", stdout);
    bt_ingest_stats t = BT_INGEST_STATS_INIT;
    bt_ingest_run(g, &t, &err); /* every failure is printed by on_failure */
    bt_ingest_free(g);
    bt_site_model_free(model);
    if (o.format == BT_FORMAT_HTML)
        fputs("</body>\n</html>\n", stdout);
    unsigned long long captures = t.captures + t.failed_extract, failed = t.failed + pr.failed;
    const bt_reader_stats skipped = t.reader;

    if (!o.quiet) {
        fprintf(stderr, "bantin: extract: %llu captures, %llu articles, %llu skipped as no "
                "article, %llu failed, %llu skipped records", captures + t.skipped, pr.articles,
                (unsigned long long)t.skipped, failed, (unsigned long long)skipped.skipped);
        if (skipped.skipped)
            fprintf(stderr, " (%llu not responses, %llu not HTTP 200, %llu not HTML, "
                    "%llu not pages)", (unsigned long long)skipped.skipped_type,
                    (unsigned long long)skipped.skipped_status,
                    (unsigned long long)skipped.skipped_media,
                    (unsigned long long)skipped.skipped_files);
        fputc('\n', stderr);
    }
    /* a write error on stdout is main's to report (exit status 3) */
    return failed ? CLI_EXIT_FAILED : CLI_EXIT_OK;
}
