/* bench_add_connect.c: what finding near-duplicates as articles arrive costs `bantin add`:
 * the same JSONL records through the ingest pipeline (bt_ingest, what `bantin add` runs: a
 * reader thread, extraction workers, the writer storing and indexing in batches of 1000)
 * into a fresh store, with connect on (the default) and off (BT_INGEST_NO_CONNECT), the two
 * alternating, best of --rounds each. Wall-clock and process CPU time (the machine is shared:
 * CPU time is the steadier ratio).
 *
 * usage: bench_add_connect [--n N] [--rounds R] [--corpus PATH] [--dir DIR] [--jobs J] */
#include "bantin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "bench_util.h"

static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The first n lines of a gzip'ed JSONL file, in memory. */
static char *read_lines(const char *path, size_t n, size_t *len, size_t *got)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return NULL;
    size_t cap = 1 << 20, used = 0;
    char *buf = malloc(cap);
    *got = 0;
    while (buf && *got < n) {
        if (cap - used < (1 << 16)) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
        }
        if (!gzgets(gz, buf + used, (int)(cap - used)))
            break;
        size_t l = strlen(buf + used);
        used += l;
        if (l && buf[used - 1] == '\n')
            (*got)++;
    }
    gzclose(gz);
    *len = used;
    return buf;
}

/* One run into a fresh store; returns 0 and the wall and CPU seconds of bt_ingest_run, and
 * the groups found. */
static int run(const char *db, const char *data, size_t len, unsigned jobs, unsigned flags,
               double *wall, double *cpu, size_t *added, size_t *groups)
{
    char wal[600];
    unlink(db);
    snprintf(wal, sizeof wal, "%s-wal", db);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", db);
    unlink(wal);
    bt_ingest_opts o = BT_INGEST_OPTS_INIT;
    o.db = db;
    o.jobs = jobs;
    o.read_flags = BT_READ_RECORDS;
    o.flags = flags;
    bt_ingest *g;
    bt_error err;
    if (bt_ingest_new(&o, &g, &err) || bt_ingest_add_mem(g, data, len, "corpus", &err)) {
        fprintf(stderr, "bench_add_connect: %s\n", err.msg);
        return 1;
    }
    bt_ingest_stats st;
    double w0 = bench_now(), c0 = cpu_s();
    int rc = bt_ingest_run(g, &st, &err);
    *wall = bench_now() - w0;
    *cpu = cpu_s() - c0;
    bt_ingest_free(g);
    if (rc) {
        fprintf(stderr, "bench_add_connect: %s\n", err.msg);
        return 1;
    }
    *added = st.added;
    *groups = 0;
    bt_store *s;
    bt_dup_groups *gs;
    if (!bt_store_open(db, BT_STORE_READONLY, &s, &err)) {
        if (!bt_dups_list(s, 0, &gs, &err)) {
            *groups = gs->n;
            bt_dup_groups_free(gs);
        }
        bt_store_close(s);
    }
    return 0;
}

int main(int argc, char **argv)
{
    size_t n = 20000;
    int rounds = 3;
    unsigned jobs = 0;
    const char *corpus = "../shared/corpus/vietnews-60k.jsonl.gz", *dir = "/tmp";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--n") && i + 1 < argc)
            n = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--corpus") && i + 1 < argc)
            corpus = argv[++i];
        else if (!strcmp(argv[i], "--dir") && i + 1 < argc)
            dir = argv[++i];
        else if (!strcmp(argv[i], "--jobs") && i + 1 < argc)
            jobs = (unsigned)atoi(argv[++i]);
        else {
            fprintf(stderr, "usage: bench_add_connect [--n N] [--rounds R] [--corpus PATH] "
                            "[--dir DIR] [--jobs J]\n");
            return 2;
        }
    }
    size_t len, got;
    char *data = read_lines(corpus, n, &len, &got);
    if (!data) {
        fprintf(stderr, "bench_add_connect: cannot read %s\n", corpus);
        return 1;
    }
    char db[512];
    snprintf(db, sizeof db, "%s/bench_add_connect.%ld.db", dir, (long)getpid());
    double best[2][2] = {{1e30, 1e30}, {1e30, 1e30}}; /* [on/off][wall/cpu] */
    size_t added[2] = {0, 0}, groups[2] = {0, 0};
    for (int r = 0; r < rounds; r++)
        for (int k = 0; k < 2; k++) {
            int on = (r + k) % 2 == 0; /* alternate which goes first */
            double w, c;
            if (run(db, data, len, jobs, on ? 0 : BT_INGEST_NO_CONNECT, &w, &c, &added[!on],
                    &groups[!on]))
                return 1;
            printf("round %d connect %-3s %.2f s wall %.2f s CPU\n", r + 1, on ? "on" : "off", w,
                   c);
            if (w < best[!on][0])
                best[!on][0] = w;
            if (c < best[!on][1])
                best[!on][1] = c;
        }
    printf("\n%zu records, %zu articles stored, best of %d\n", got, added[0], rounds);
    printf("| add | wall | CPU | articles/s | dup groups |\n|---|---:|---:|---:|---:|\n");
    printf("| connect off | %.2f s | %.2f s | %.0f | %zu |\n", best[1][0], best[1][1],
           added[1] / best[1][0], groups[1]);
    printf("| connect on | %.2f s | %.2f s | %.0f | %zu |\n", best[0][0], best[0][1],
           added[0] / best[0][0], groups[0]);
    printf("| ratio on/off (target <= 1.25x) | **%.2fx** | **%.2fx** | | |\n",
           best[0][0] / best[1][0], best[0][1] / best[1][1]);
    char side[600];
    unlink(db);
    snprintf(side, sizeof side, "%s-wal", db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db);
    unlink(side);
    free(data);
    return 0;
}
