/* bench_stories_store.c: story assignment through the store (src/connect/story_db.c), the
 * path `bantin add` takes: a store of about 100,000 articles (a story set fed --copies times,
 * each copy's dates a week later), its stories made from nothing (the rebuild), then the
 * last day's articles held back and added as a writer adds a day's news, in two runs (the
 * day's first and a later one): stored, then the catch-up (load the saved state, read the articles' keys, add the last days again with the
 * new ones in their order, write the memberships and stories, save the state).
 *
 *   bench_stories_store ARTICLES.jsonl [--copies K] [--db PATH] [--undated]
 *
 * --undated stores every record without its date (the collection added today, as records
 * with no date are): the same records are held back, and each run is stamped with an added
 * time of its own, later than the last (as `bantin add` stamps a run).
 *
 * ARTICLES.jsonl as bench_stories reads it (one JSON object a line: title, body [strings],
 * published, source, lang). Prints the stored count, the rebuild's and the catch-up's
 * seconds (wall clock, and the process's CPU time: the catch-up runs on one thread), and new
 * articles per second of catch-up. */
#include "bantin.h"
#include "connect/connect.h"
#include "store/db.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "bench_util.h"

static void die(const char *what, const bt_error *err)
{
    fprintf(stderr, "bench_stories_store: %s%s%s\n", what, err ? ": " : "", err ? err->msg : "");
    exit(1);
}

typedef struct rec {
    char *title, *published, *source, *lang, *text;
} rec;

/* "2014-04-14T00:00:00Z" + c weeks (day-precise dates are all the sets have). */
static void shift(const char *iso, int weeks, char *out, size_t cap)
{
    int y, m, d;
    if (!iso || sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3) {
        out[0] = 0;
        return;
    }
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d + 7 * weeks;
    time_t t = timegm(&tm);
    gmtime_r(&t, &tm);
    strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
    snprintf(out + 10, cap - 10, "%s", strchr(iso, 'T') ? strchr(iso, 'T') : "T00:00:00Z");
}

/* Seconds of CPU time of the process. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Seconds of user and system time of the process so far: the catch-up's I/O (the saved
 * state read and written) shows as system time. */
static void rusage_now(double *user, double *sys)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    *user = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6;
    *sys = (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static int undated;

static void store_one(bt_store *s, const rec *r, int copy)
{
    bt_article *a = bt_article_new();
    char pub[64], origin[64];
    shift(undated ? NULL : r->published, copy, pub, sizeof pub);
    static unsigned long seq;
    snprintf(origin, sizeof origin, "bench-%lu", seq++);
    /* the id is a function of the text: each copy gets a paragraph of its own that holds no
     * word (the clustering reads the same words) */
    char dots[64];
    memset(dots, '.', sizeof dots);
    dots[copy + 1 < (int)sizeof dots ? copy + 1 : (int)sizeof dots - 1] = 0;
    bt_error err;
    if (!a || bt_article_set(&a->title, r->title, strlen(r->title)) ||
        (pub[0] && bt_article_set(&a->published, pub, strlen(pub))) ||
        (r->source && bt_article_set(&a->source, r->source, strlen(r->source))) ||
        (r->lang && bt_article_set(&a->lang, r->lang, strlen(r->lang))) ||
        bt_article_set(&a->origin, origin, strlen(origin)) ||
        bt_article_add_para(a, r->text ? r->text : "") || bt_article_add_para(a, dots))
        die("out of memory", NULL);
    bt_origin o = {origin, NULL, 0};
    int outcome;
    char id[17];
    if (bt_store_add(s, a, &o, &outcome, id, &err))
        die("store", &err);
    bt_article_free(a);
}

static char *str_or_null(json_t *o, const char *k)
{
    const char *v = json_string_value(json_object_get(o, k));
    return v ? strdup(v) : NULL;
}

int main(int argc, char **argv)
{
    const char *path = NULL, *db = "/tmp/bench_stories_store.db";
    int copies = 3;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--copies") && i + 1 < argc)
            copies = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--db") && i + 1 < argc)
            db = argv[++i];
        else if (!strcmp(argv[i], "--undated"))
            undated = 1;
        else
            path = argv[i];
    }
    if (!path || copies < 1) {
        fprintf(stderr, "usage: bench_stories_store ARTICLES.jsonl [--copies K] [--db PATH]\n");
        return 2;
    }
    FILE *f = fopen(path, "r");
    if (!f)
        die(path, NULL);
    rec *v = NULL;
    size_t n = 0, cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, f) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        if (!o)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            v = realloc(v, cap * sizeof *v);
            if (!v)
                die("out of memory", NULL);
        }
        rec *r = &v[n++];
        r->title = str_or_null(o, "title");
        r->published = str_or_null(o, "published");
        r->source = str_or_null(o, "source");
        r->lang = str_or_null(o, "lang");
        json_t *b = json_object_get(o, "body");
        r->text = json_array_size(b) ? strdup(json_string_value(json_array_get(b, 0))) : NULL;
        if (!r->title)
            r->title = strdup("");
        json_decref(o);
    }
    free(line);
    fclose(f);
    /* the last day of the set is held back for the last copy */
    const char *last_day = NULL;
    for (size_t i = 0; i < n; i++)
        if (v[i].published && (!last_day || strncmp(v[i].published, last_day, 10) > 0))
            last_day = v[i].published;
    unlink(db);
    char wal[512];
    snprintf(wal, sizeof wal, "%s-wal", db);
    unlink(wal);
    bt_store *s;
    bt_error err;
    if (bt_store_open(db, 0, &s, &err))
        die("open", &err);
    int64_t stamp = (int64_t)time(NULL);
    bti_store_set_add_time(s, stamp);
    if (bt_store_begin(s, &err))
        die("begin", &err);
    size_t stored = 0, held = 0;
    for (int c = 0; c < copies; c++)
        for (size_t i = 0; i < n; i++) {
            int late = c == copies - 1 && last_day && v[i].published &&
                       !strncmp(v[i].published, last_day, 10);
            if (late) {
                held++;
                continue;
            }
            store_one(s, &v[i], c);
            stored++;
        }
    if (bt_store_commit(s, &err))
        die("commit", &err);
    double t0 = bench_now(), c0 = cpu_now();
    if (bti_stories_update(s, 1, &err))
        die("rebuild", &err);
    double t_rebuild = bench_now() - t0, c_rebuild = cpu_now() - c0;
    /* a day's news in two runs, each stored, then the writer's catch-up: the day's first run
     * (re-adds the day before too), and a later one of the same day (re-adds the day) */
    double t_catch[2], c_catch[2], u_catch[2], s_catch[2];
    size_t nrun[2] = {0, 0}, k = 0;
    for (int half = 0; half < 2; half++) {
        bti_store_set_add_time(s, stamp + 1 + half);
        if (bt_store_begin(s, &err))
            die("begin", &err);
        for (size_t i = 0; i < n; i++)
            if (last_day && v[i].published && !strncmp(v[i].published, last_day, 10) &&
                (k++ % 2) == (size_t)half) {
                store_one(s, &v[i], copies - 1);
                nrun[half]++;
            }
        k = 0;
        if (bt_store_commit(s, &err))
            die("commit", &err);
        double u0, s0;
        rusage_now(&u0, &s0);
        t0 = bench_now();
        c0 = cpu_now();
        if (bti_stories_update(s, 0, &err))
            die("catch-up", &err);
        t_catch[half] = bench_now() - t0;
        c_catch[half] = cpu_now() - c0;
        rusage_now(&u_catch[half], &s_catch[half]);
        u_catch[half] -= u0;
        s_catch[half] -= s0;
    }
    /* a second catch-up with nothing new: the fixed cost of a run */
    t0 = bench_now();
    if (bti_stories_update(s, 0, &err))
        die("catch-up", &err);
    double t_idle = bench_now() - t0;
    bt_stories *l;
    if (bt_stories_list(s, NULL, &l, &err))
        die("list", &err);
    printf("stored %zu articles, then %zu new (the last day)\n", stored, held);
    printf("rebuild: %.2f s, %.0f articles/s; CPU %.2f s, %.0f articles/s\n", t_rebuild,
           stored / t_rebuild, c_rebuild, stored / c_rebuild);
    printf("catch-up, the day's first run (%zu new): %.2f s, %.0f new articles/s;"
           " CPU %.2f s, %.0f new articles/s\n",
           nrun[0], t_catch[0], nrun[0] / t_catch[0], c_catch[0], nrun[0] / c_catch[0]);
    printf("catch-up, a later run of the day (%zu new): %.2f s, %.0f new articles/s;"
           " CPU %.2f s, %.0f new articles/s\n",
           nrun[1], t_catch[1], nrun[1] / t_catch[1], c_catch[1], nrun[1] / c_catch[1]);
    for (int half = 0; half < 2; half++)
        printf("catch-up %d: user %.3f s, system %.3f s\n", half + 1, u_catch[half],
               s_catch[half]);
    printf("catch-up with nothing new: %.3f s\n", t_idle);
    printf("stories: %zu\n", l->n);
    bt_stories_free(l);
    bt_store_close(s);
    for (size_t i = 0; i < n; i++) {
        free(v[i].title);
        free(v[i].published);
        free(v[i].source);
        free(v[i].lang);
        free(v[i].text);
    }
    free(v);
    return 0;
}
