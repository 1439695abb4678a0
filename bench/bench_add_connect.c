/* bench_add_connect.c: what finding near-duplicates as articles arrive costs `bantin add`:
 * the same JSONL records through the ingest pipeline (bt_ingest, what `bantin add` runs: a
 * reader thread, extraction workers, the writer storing and indexing in batches of 1000)
 * into a fresh store, with connect on (the default) and off (BT_INGEST_NO_CONNECT), the two
 * alternating, best of --rounds each. Wall-clock and process CPU time (the machine is shared:
 * CPU time is the steadier ratio).
 *
 * usage: bench_add_connect [--n N] [--rounds R] [--corpus PATH] [--dir DIR] [--jobs J]
 *                          [--input PATH] [--templated N]
 * By default N article records of the corpus (after the prefilled ones) (JSONL: no extraction, so the
 * store's and connect's work is all there is: the worst case for the ratio); --input adds
 * a file or folder of captures (HTML pages, read recursively) instead, as `bantin add DIR`
 * does. --prefill N: the store holds the first N corpus records already (stored once, with
 * connect, then copied for each run), so that the run adds to a collection, as a daily
 * `bantin add` of new captures does, and its look-ups meet a band table of N articles.
 * --templated N: N records of one sentence that differ only by a number (made here), the
 * pathological case of near-duplicate detection: every earlier record is a candidate of each
 * new one (BTI_DUPS_MAX_BUCKET and BTI_DUPS_MAX_VERIFY bound what an addition reads and
 * checks). */
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

/* Lines [skip, skip + n) of a gzip'ed JSONL file, in memory. */
static char *read_lines(const char *path, size_t skip, size_t n, size_t *len, size_t *got)
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
        if (l && buf[used - 1] == '\n') {
            if (skip) { /* a line before the ones wanted: dropped */
                skip--;
                used = 0;
                continue;
            }
            (*got)++;
        }
    }
    gzclose(gz);
    *len = used;
    return buf;
}

/* n templated records, one sentence each, only the number differs. */
static char *templated(size_t n, size_t *len)
{
    size_t cap = n * 200 + 1, used = 0;
    char *buf = malloc(cap);
    for (size_t i = 0; buf && i < n; i++)
        used += (size_t)snprintf(buf + used, cap - used,
                                 "{\"title\":\"Bài số %zu về giá lúa gạo\",\"body\":[\"Đoạn %zu: "
                                 "giá lúa gạo xuất khẩu tăng cao nhất trong ba năm.\"],"
                                 "\"lang\":\"vi\"}\n", i, i);
    *len = used;
    return buf;
}

/* Copies file `from` to `to` (the prefilled store, checkpointed: no -wal). 0 or -1. */
static int copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
    char buf[1 << 16];
    size_t r;
    int bad = !in || !out;
    while (!bad && (r = fread(buf, 1, sizeof buf, in)) > 0)
        bad = fwrite(buf, 1, r, out) != r;
    if (in)
        fclose(in);
    if (out && fclose(out))
        bad = 1;
    return bad ? -1 : 0;
}

/* One run into a fresh store (a copy of `base` when not NULL); returns 0 and the wall and CPU seconds of bt_ingest_run, and
 * the groups found. */
static int run(const char *db, const char *base, const char *data, size_t len, const char *input,
               unsigned jobs, unsigned flags, double *wall, double *cpu, size_t *added,
               size_t *groups)
{
    char wal[600];
    unlink(db);
    snprintf(wal, sizeof wal, "%s-wal", db);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", db);
    unlink(wal);
    if (base && copy_file(base, db)) {
        fprintf(stderr, "bench_add_connect: cannot copy %s\n", base);
        return 1;
    }
    bt_ingest_opts o = BT_INGEST_OPTS_INIT;
    o.db = db;
    o.jobs = jobs;
    o.read_flags = input ? BT_READ_RECURSIVE : BT_READ_RECORDS;
    o.flags = flags;
    bt_ingest *g;
    bt_error err;
    if (bt_ingest_new(&o, &g, &err) ||
        (input ? bt_ingest_add_path(g, input, &err)
               : bt_ingest_add_mem(g, data, len, "corpus", &err))) {
        fprintf(stderr, "bench_add_connect: %s\n", err.msg);
        return 1;
    }
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
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
    size_t n = 20000, prefill = 0, tpl = 0;
    int rounds = 3;
    unsigned jobs = 0;
    const char *corpus = "../shared/corpus/vietnews-60k.jsonl.gz", *dir = "/tmp", *input = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--n") && i + 1 < argc)
            n = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--corpus") && i + 1 < argc)
            corpus = argv[++i];
        else if (!strcmp(argv[i], "--dir") && i + 1 < argc)
            dir = argv[++i];
        else if (!strcmp(argv[i], "--prefill") && i + 1 < argc)
            prefill = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--input") && i + 1 < argc)
            input = argv[++i];
        else if (!strcmp(argv[i], "--jobs") && i + 1 < argc)
            jobs = (unsigned)atoi(argv[++i]);
        else if (!strcmp(argv[i], "--templated") && i + 1 < argc)
            tpl = strtoul(argv[++i], NULL, 10);
        else {
            fprintf(stderr, "usage: bench_add_connect [--n N] [--rounds R] [--corpus PATH] "
                            "[--dir DIR] [--jobs J] [--input PATH] [--prefill N] "
                            "[--templated N]\n");
            return 2;
        }
    }
    size_t len = 0, got = 0;
    char *data = input ? NULL
                 : tpl  ? templated(tpl, &len)
                        : read_lines(corpus, prefill, n, &len, &got);
    if (!input && !data) {
        fprintf(stderr, "bench_add_connect: cannot read %s\n", corpus);
        return 1;
    }
    char db[512], base[520];
    snprintf(db, sizeof db, "%s/bench_add_connect.%ld.db", dir, (long)getpid());
    snprintf(base, sizeof base, "%s.base", db);
    if (prefill) {
        size_t plen, pgot;
        char *pdata = read_lines(corpus, 0, prefill, &plen, &pgot);
        double w, c;
        size_t a, gr;
        if (!pdata || run(base, NULL, pdata, plen, NULL, jobs, 0, &w, &c, &a, &gr))
            return 1;
        free(pdata);
        printf("prefilled: %zu articles, %zu groups (%.1f s)\n", a, gr, w);
        char side[600];
        snprintf(side, sizeof side, "%s-wal", base);
        unlink(side); /* closed cleanly: checkpointed */
        snprintf(side, sizeof side, "%s-shm", base);
        unlink(side);
    }
    double best[2][2] = {{1e30, 1e30}, {1e30, 1e30}}; /* [on/off][wall/cpu] */
    size_t added[2] = {0, 0}, groups[2] = {0, 0};
    for (int r = 0; r < rounds; r++)
        for (int k = 0; k < 2; k++) {
            int on = (r + k) % 2 == 0; /* alternate which goes first */
            double w, c;
            if (run(db, prefill ? base : NULL, data, len, input, jobs, on ? 0 : BT_INGEST_NO_CONNECT, &w, &c, &added[!on],
                    &groups[!on]))
                return 1;
            printf("round %d connect %-3s %.2f s wall %.2f s CPU\n", r + 1, on ? "on" : "off", w,
                   c);
            if (w < best[!on][0])
                best[!on][0] = w;
            if (c < best[!on][1])
                best[!on][1] = c;
        }
    printf("\n%s: %zu articles stored%s, best of %d\n",
           input ? input : tpl ? "templated records" : "corpus records",
           added[0], prefill ? " into the prefilled store" : "", rounds);
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
    if (prefill)
        unlink(base);
    free(data);
    return 0;
}
