/* bench_serve.c: the peer of the server's load check (bench/README.md, "serve"): the library's
 * own search rate on one thread over the same store and the same query list the wrk script
 * sends (bench/serve_queries.txt), through the public API only, as `bantin serve` calls it.
 * Usage: bench_serve DB [SECONDS] [THREADS] [QUERIES_FILE]   prints searches per second, on
 * THREADS threads (1), each with its own read-only store as the server's request threads. */
#include "bantin.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_QUERIES 256

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char q[MAX_QUERIES][256];
static size_t nq; /* set once before the threads start, then only read */

struct worker {
    const char *db;
    double secs;
    size_t done, bytes;
    int failed;
};

/* as the server does per request: the search, then its JSON */
static void *work(void *arg)
{
    struct worker *w = arg;
    bt_store *s;
    bt_error err;
    if (bt_store_open(w->db, BT_STORE_READONLY, &s, &err)) {
        fprintf(stderr, "bench_serve: %s\n", err.msg);
        w->failed = 1;
        return NULL;
    }
    bt_search_opts o = BT_SEARCH_OPTS_INIT;
    double t0 = now();
    do {
        bt_search_results *r;
        if (bt_search_run(s, q[w->done % nq], &o, &r, &err)) {
            fprintf(stderr, "bench_serve: '%s': %s\n", q[w->done % nq], err.msg);
            w->failed = 1;
            break;
        }
        char *json;
        if (!bt_search_results_to_json(r, 0, &json, &err)) {
            w->bytes += strlen(json);
            free(json);
        }
        bt_search_results_free(r);
        w->done++;
    } while (now() - t0 < w->secs);
    bt_store_close(s);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_serve DB [SECONDS] [THREADS] [QUERIES_FILE]\n");
        return 2;
    }
    double secs = argc > 2 ? atof(argv[2]) : 5.0;
    int nt = argc > 3 ? atoi(argv[3]) : 1;
    const char *qpath = argc > 4 ? argv[4] : "bench/serve_queries.txt";
    if (nt < 1 || nt > 64)
        nt = 1;
    FILE *f = fopen(qpath, "r");
    if (!f) {
        perror(qpath);
        return 1;
    }
    while (nq < MAX_QUERIES && fgets(q[nq], sizeof q[nq], f)) {
        q[nq][strcspn(q[nq], "\n")] = 0;
        if (q[nq][0])
            nq++;
    }
    fclose(f);
    if (!nq)
        return 1;
    struct worker w[64];
    pthread_t th[64];
    /* CPU time as well as the rate: on a shared machine the CPU a search costs is the steadier
     * figure to compare with the server's CPU per request */
    struct timespec c0, c1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    double t0 = now();
    for (int i = 0; i < nt; i++) {
        w[i] = (struct worker){argv[1], secs, 0, 0, 0};
        pthread_create(&th[i], NULL, work, &w[i]);
    }
    size_t done = 0, bytes = 0;
    int failed = 0;
    for (int i = 0; i < nt; i++) {
        pthread_join(th[i], NULL);
        done += w[i].done;
        bytes += w[i].bytes;
        failed |= w[i].failed;
    }
    double t = now() - t0;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    double cpu = (double)(c1.tv_sec - c0.tv_sec) + (c1.tv_nsec - c0.tv_nsec) / 1e9;
    printf("library, %d thread%s: %zu searches in %.2f s = %.0f/s, CPU %.2f ms a search (%zu "
           "queries in the list, %.0f bytes of JSON each)\n", nt, nt == 1 ? "" : "s", done, t,
           done / t, done ? cpu * 1e3 / done : 0.0, nq, done ? (double)bytes / done : 0.0);
    return failed;
}
