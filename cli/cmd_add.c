/* cmd_add.c: `bantin add [--db PATH] [--jobs N] INPUT...`: extract captures on N threads and
 * store them in batches, in input order, through the library's ingest pipeline
 * (bantin/ingest.h). This file parses the arguments and prints: messages, the progress bar
 * and the summary. */
#include "cli.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct out_opts {
    int quiet, json, tty, verbose, strict;
    double start, last_draw;
} out_opts;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- progress ----------------------------------------------------------------------------- */

/* "12.3 MB": bytes for the bar, in the unit that keeps 3 digits. */
static void human_bytes(char *out, size_t cap, double b)
{
    static const char *const units[] = {"B", "KB", "MB", "GB", "TB"};
    int u = 0;
    while (b >= 1000 && u < 4) {
        b /= 1000;
        u++;
    }
    snprintf(out, cap, u ? "%.1f %s" : "%.0f %s", b, units[u]);
}

/* The bar measures bytes read against the inputs' total size, so one large JSONL or WARC moves
 * it too; files only when the size is unknown (stdin). */
static void draw_progress(out_opts *o, const bt_ingest_stats *t, int force)
{
    double now = now_s();
    if (!o->tty || o->quiet || (!force && now - o->last_draw < 0.1))
        return;
    o->last_draw = now;
    double el = now - o->start;
    double rate = el > 0 ? (double)(t->added + t->merged) / el : 0;
    size_t total = t->inputs_total > t->inputs ? t->inputs_total : t->inputs;
    int by_bytes = t->bytes_total > 0;
    double frac = by_bytes ? (double)t->bytes_done / (double)t->bytes_total
                  : total  ? (double)t->inputs_done / (double)total
                           : 1;
    if (frac > 1)
        frac = 1;
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
    char done[32], all[32], speed[32];
    if (by_bytes) {
        human_bytes(done, sizeof done, (double)t->bytes_done);
        human_bytes(all, sizeof all, (double)t->bytes_total);
        human_bytes(speed, sizeof speed, el > 0 ? (double)t->bytes_done / el : 0);
        fprintf(stderr, "\r[%s] %s/%s (%s/s)  %zu articles  %.0f/s  ETA %s \033[K", bar, done,
                all, speed, t->added, rate, eta);
    } else
        fprintf(stderr, "\r[%s] %zu/%zu files  %zu articles  %.0f/s  ETA %s \033[K", bar,
                t->inputs_done, total, t->added, rate, eta);
}

static void clear_progress(out_opts *o)
{
    if (o->tty && !o->quiet)
        fputs("\r\033[K", stderr);
}

static void on_progress(void *ctx, const bt_ingest_stats *st, int event)
{
    out_opts *o = ctx;
    if (event == BT_INGEST_COMMITTED && o->verbose) {
        clear_progress(o);
        fprintf(stderr, "bantin: committed: %zu articles stored so far\n",
                st->added + st->merged);
    }
    draw_progress(o, st, 0);
}

static void on_failure(void *ctx, const bt_error *err, const bt_ingest_item *item,
                       bt_ingest_stage stage)
{
    out_opts *o = ctx;
    if (stage == BT_INGEST_SKIP && o->quiet) /* not an error: --quiet prints only errors */
        return;
    clear_progress(o);
    if (o->json) /* one object a script parses: the skip's code is ENOARTICLE */
        cli_error(err, item ? item->origin : NULL, item ? item->where : NULL);
    else if (stage == BT_INGEST_SKIP) /* its message names the capture and says why */
        cli_errorf("skipped %s%s%s", err->msg, item && item->where ? " at " : "",
                   item && item->where ? item->where : "");
    else if (stage != BT_INGEST_STORE || !item)
        cli_error(err, NULL, NULL);
    else if (item->kind == BT_KIND_RECORD) /* its `where` names the file and the line */
        cli_errorf("%s: %s", item->where, err->msg);
    /* one line: the capture (and record) and what is wrong with it */
    else if (!strncmp(err->msg, item->origin, strlen(item->origin)) && !item->where)
        cli_error(err, NULL, NULL);
    else
        cli_errorf("%s%s%s: %s", item->origin, item->where ? ": " : "",
                   item->where ? item->where : "", err->msg);
}

/* Content left out of a stored article (nested past the depth limit): told even with
 * --quiet, which hides only what concerns pages that hold nothing. */
static void on_warning(void *ctx, const bt_error *warning, const bt_ingest_item *item)
{
    out_opts *o = ctx;
    clear_progress(o);
    if (o->json)
        cli_warning(warning, item->origin, item->where);
    else if (item->where)
        cli_errorf("warning: %s (%s)", warning->msg, item->where);
    else
        cli_warning(warning, NULL, NULL);
}

/* ---- SIGINT, SIGTERM ------------------------------------------------------------------------ */

/* The handler's only way to the run: set for the run's length (one run per process). */
static bt_ingest *running;
static volatile sig_atomic_t got_signal;

/* Asks the run to stop at the next batch boundary; SA_RESETHAND: a second signal kills. */
static void on_signal(int sig)
{
    got_signal = sig;
    bt_ingest_stop(running);
}

static void catch_signals(bt_ingest *g)
{
    running = g;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

static void release_signals(void)
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    running = NULL;
}

/* --files-from and the command line: each path queued as an input. */
static int queue_path(void *ctx, const char *path)
{
    bt_error err;
    if (bt_ingest_add_path(ctx, path, &err)) {
        cli_error(&err, NULL, NULL);
        return CLI_EXIT_FAILED;
    }
    return 0;
}

/* ---- arguments ---------------------------------------------------------------------------- */

static void add_usage(FILE *out)
{
    fprintf(out,
            "usage: bantin add [--db PATH] [--jobs N] [--batch N] [--quiet] [--json] [--strict]\n"
            "                  [--no-connect] [--files-from LIST [-0]] [--] INPUT...\n"
            "Extracts the captures of each INPUT (file, folder, '-' for stdin, or a JSONL\n"
            "file of article records as 'bantin export' writes) and stores them in the\n"
            "database (--db, else $BANTIN_DB, else ./bantin.db). Captures already stored are\n"
            "skipped. --jobs N extraction threads (default: the cores); --quiet prints only\n"
            "errors and warnings (content left out of an article); --json prints a summary object; --verbose reports each commit;\n"
            "--batch N commits every N articles (default 1000) or every second.\n"
            "--no-connect stores without finding near-duplicates (faster); the next add\n"
            "without it (or 'bantin connect --rebuild') indexes the articles stored meanwhile.\n"
            "--files-from LIST reads the inputs from LIST ('-': stdin), one path a line, before\n"
            "those given (-0: NUL-separated, as find -print0 writes).\n"
            "A page that holds no article (an index page, a login wall) is skipped with a\n"
            "reason, not failed. Exit status 0 when nothing failed, 1 when any input failed\n"
            "(the others are stored; --strict: or was skipped), 3 when the output could not\n"
            "be written, 130/143 when SIGINT/SIGTERM stopped it (what was done is committed).\n"
            "'--' ends the options.\n");
}

int cmd_add(int argc, char **argv)
{
    const char *db = NULL;
    long jobs = sysconf(_SC_NPROCESSORS_ONLN), batch_max = 1000;
    out_opts o = {0};
    int ninputs = 0, end_of_opts = 0, nul = 0, no_connect = 0;
    const char *files_from = NULL;
    /* the inputs, moved to the front of argv[1..] in order (options are read past) */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (end_of_opts || !(a[0] == '-' && a[1])) {
            argv[1 + ninputs++] = argv[i];
            continue;
        }
        if (!strcmp(a, "--"))
            end_of_opts = 1;
        else if (!strcmp(a, "--db") && i + 1 < argc)
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
        else if (!strcmp(a, "--strict"))
            o.strict = 1;
        else if (!strcmp(a, "--no-connect"))
            no_connect = 1;
        else if (!strcmp(a, "--files-from") && i + 1 < argc)
            files_from = argv[++i];
        else if (!strcmp(a, "-0") || !strcmp(a, "--null"))
            nul = 1;
        else if (!strcmp(a, "--verbose") || !strcmp(a, "-v"))
            o.verbose = 1;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            add_usage(stdout);
            return 0;
        } else {
            cli_errorf("add: unknown option '%s'", a);
            add_usage(stderr);
            return 2;
        }
    }
    if (jobs < 1)
        jobs = 1;
    cli_json_errors(o.json);
    if (!ninputs && !files_from) {
        add_usage(stderr);
        return 2;
    }
    db = cli_db_path(db);
    bt_ingest_opts io = BT_INGEST_OPTS_INIT;
    io.jobs = (unsigned)jobs;
    io.read_flags = BT_READ_RECURSIVE | BT_READ_RECORDS;
    io.flags = BT_INGEST_STDIN_ORIGIN | BT_INGEST_COUNT_INPUTS |
               (no_connect ? BT_INGEST_NO_CONNECT : 0u);
    io.db = db;
    io.batch = (size_t)batch_max;
    io.on_failure = on_failure;
    io.on_warning = on_warning;
    io.on_progress = on_progress;
    io.ctx = &o;
    bt_ingest *g;
    bt_error err;
    if (bt_ingest_new(&io, &g, &err)) {
        cli_error(&err, NULL, NULL);
        return 1;
    }
    /* the list's inputs first, then those of the command line, each in its order */
    int qrc = files_from ? cli_files_from(files_from, nul, queue_path, g) : 0;
    for (int i = 1; !qrc && i <= ninputs; i++)
        qrc = queue_path(g, argv[i]);
    if (qrc) {
        bt_ingest_free(g);
        return qrc;
    }
    o.tty = isatty(STDERR_FILENO) && !o.json; /* stderr holds JSON objects only */
    o.start = now_s();
    bt_ingest_stats t = BT_INGEST_STATS_INIT;
    catch_signals(g);
    int fatal = bt_ingest_run(g, &t, &err) != 0;
    release_signals();
    bt_ingest_free(g);
    draw_progress(&o, &t, 1);
    clear_progress(&o);
    if (!t.inputs && !t.failed && !fatal) { /* folders without a file: nothing was given */
        add_usage(stderr);
        return 2;
    }
    double el = now_s() - o.start;
    if (o.json) {
        t.seconds = el;
        char *json;
        bt_ingest_stats_to_json(&t, db, &json, &err);
        if (!json) {
            cli_error(&err, NULL, NULL);
            return 1;
        }
        printf("%s\n", json);
        free(json);
    } else if (!o.quiet) {
        FILE *out = stderr;
        if (t.stopped)
            fprintf(out, "bantin: interrupted by %s: what was done is committed; a re-run "
                    "goes on from there\n", got_signal == SIGTERM ? "SIGTERM" : "SIGINT");
        if (t.added == 0 && t.merged == 0 && t.failed == 0 && t.skipped == 0 && !fatal)
            fprintf(out, "bantin: nothing new: all %zu captures are already in %s\n",
                    t.captures, db);
        else
            fprintf(out,
                    "bantin: added %zu article%s to %s (%zu more captures of stored articles, "
                    "%zu already stored, %zu skipped as no article, %zu failed) from %zu "
                    "input%s in %.1fs (%.0f/s)\n",
                    t.added, t.added == 1 ? "" : "s", db, t.merged, t.seen, t.skipped,
                    t.failed, t.inputs, t.inputs == 1 ? "" : "s", el,
                    el > 0 ? (double)(t.added + t.merged) / el : 0.0);
    }
    if (t.stopped) /* as a shell reports a death by the signal, after a clean stop */
        return 128 + (got_signal ? got_signal : SIGINT);
    return fatal || t.failed || (o.strict && t.skipped) ? CLI_EXIT_FAILED : CLI_EXIT_OK;
}
