/* search_queries.c: runs each query of stdin (one a line) on a store, for profiling one kind
 * of query under callgrind (bench/README.md, issue 15): `search_queries STORE [PASSES [x]]`;
 * with a third argument, prints each query's time, total and hits (id, score, snippet) of the
 * last pass, to compare two builds' pages with cmp; with `cpu` as the third, each query's CPU
 * time in ms (the thread's clock: less of the machine's load than the wall clock) and the
 * query. */
#include "bantin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_QUERIES 5000

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: search_queries STORE [PASSES [x]] < QUERIES\n");
        return 2;
    }
    bt_store *s;
    bt_error e;
    if (bt_store_open(argv[1], BT_STORE_READONLY, &s, &e)) {
        fprintf(stderr, "%s\n", e.msg);
        return 1;
    }
    int passes = argc > 2 ? atoi(argv[2]) : 1;
    static char *qs[MAX_QUERIES];
    char line[1024];
    int n = 0;
    while (n < MAX_QUERIES && fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        if (!(qs[n++] = strdup(line)))
            return 1;
    }
    double total = 0;
    int cpu = argc > 3 && !strcmp(argv[3], "cpu");
    for (int p = 0; p < passes; p++)
        for (int i = 0; i < n; i++) {
            double t0 = now(), c0 = cpu_now();
            bt_search_results *r;
            if (bt_search_run(s, qs[i], NULL, &r, &e)) {
                fprintf(stderr, "%s: %s\n", qs[i], e.msg);
                continue;
            }
            double dt = now() - t0, dc = cpu_now() - c0;
            if (p == passes - 1) {
                total += dt;
                if (cpu)
                    printf("%.3f\t%s\n", dc * 1e3, qs[i]);
                else if (argc > 3) {
                    printf("%.2f\t%lld/%d\t%s\t", dt * 1e3, (long long)r->total, r->total_more,
                           qs[i]);
                    for (size_t h = 0; h < r->n; h++)
                        printf("%s:%.6g:%s ", r->hits[h].id, r->hits[h].score,
                               r->hits[h].snippet ? r->hits[h].snippet : "");
                    printf("\n");
                }
            }
            bt_search_results_free(r);
        }
    fprintf(stderr, "%d queries, %.2f ms mean\n", n, n ? total * 1e3 / n : 0.0);
    for (int i = 0; i < n; i++)
        free(qs[i]);
    bt_store_close(s);
    return 0;
}
