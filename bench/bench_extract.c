/* bench_extract.c: text captures extracted per second on one core.
 *
 * usage: build/release/bench/bench_extract [SEEDS_DIR] [N]
 * Loads the seed captures (default $BANTIN_SHARED/seeds or ../shared/seeds), repeats them in
 * memory to N captures (default 10000), and times on one thread:
 *   - bantin: bt_extract on every capture (decode, normalise, blocks, rules, record, id);
 *   - peer:   bt_decode + bti_normalize(BT_NORM_SPACE) of the same bytes, the floor any
 *             extractor built on the text stage pays before it looks at a single line;
 *   - decode: bt_decode alone (what bt_extract itself calls before the text extractor), so
 *             that extract - decode is the extractor's own cost.
 * Prints captures/s for both and their ratio (the best of 3 rounds each: the machine is
 * shared). */
#include "bantin.h"
#include "text/alloc.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"

int main(int argc, char **argv)
{
    char dir[4096];
    const char *shared = getenv("BANTIN_SHARED");
    snprintf(dir, sizeof dir, "%s/seeds", shared ? shared : "../shared");
    const char *seeds = argc > 1 ? argv[1] : dir;
    int total = argc > 2 ? atoi(argv[2]) : 10000;
    char *data[64];
    size_t lens[64];
    int n = 0;
    DIR *d = opendir(seeds);
    if (!d) {
        fprintf(stderr, "bench_extract: %s: cannot open\n", seeds);
        return 1;
    }
    struct dirent *e;
    while ((e = readdir(d)) && n < 64) {
        if (e->d_name[0] == '.')
            continue;
        char p[8192];
        snprintf(p, sizeof p, "%s/%s", seeds, e->d_name);
        if ((data[n] = bench_slurp(p, &lens[n])))
            n++;
    }
    closedir(d);
    if (!n || total <= 0) {
        fprintf(stderr, "bench_extract: no captures in %s\n", seeds);
        return 1;
    }
    size_t bytes = 0;
    for (int i = 0; i < total; i++)
        bytes += lens[i % n];

    double best_x = 1e9, best_p = 1e9, best_d = 1e9;
    size_t sink = 0;
    for (int round = 0; round < 3; round++) {
        double t0 = bench_now();
        for (int i = 0; i < total; i++) {
            bt_capture cap = {data[i % n], lens[i % n], NULL, NULL, "bench", NULL, BT_KIND_TEXT, NULL};
            bt_article *a;
            bt_error err;
            if (bt_extract(&cap, NULL, &a, &err)) {
                fprintf(stderr, "bench_extract: %s\n", err.msg);
                return 1;
            }
            sink += a->n_body;
            bt_article_free(a);
        }
        double t1 = bench_now();
        for (int i = 0; i < total; i++) {
            char *text;
            size_t tl;
            bt_error err;
            if (bt_decode(data[i % n], lens[i % n], BT_CS_UNKNOWN, BT_DECODE_LENIENT, &text, &tl,
                          NULL, &err))
                return 1;
            size_t nl;
            char *norm = bti_normalize(text, tl, BT_NORM_SPACE, &nl);
            sink += nl;
            free(norm);
            free(text);
        }
        double t2 = bench_now();
        for (int i = 0; i < total; i++) {
            char *text;
            size_t tl;
            bt_error err;
            if (bt_decode(data[i % n], lens[i % n], BT_CS_UNKNOWN, BT_DECODE_LENIENT, &text, &tl,
                          NULL, &err))
                return 1;
            sink += tl;
            free(text);
        }
        double t3 = bench_now();
        if (t3 - t2 < best_d)
            best_d = t3 - t2;
        if (t1 - t0 < best_x)
            best_x = t1 - t0;
        if (t2 - t1 < best_p)
            best_p = t2 - t1;
    }
    printf("captures: %d (%d distinct seeds, %.1f MB)\n", total, n, (double)bytes / 1e6);
    printf("bantin extract:           %9.0f captures/s  (%.1f MB/s)\n", total / best_x,
           (double)bytes / 1e6 / best_x);
    printf("peer decode+normalise:    %9.0f captures/s  (%.1f MB/s)\n", total / best_p,
           (double)bytes / 1e6 / best_p);
    printf("decode alone:             %9.0f captures/s\n", total / best_d);
    printf("ratio extract/peer time:  %9.2f\n", best_x / best_p);
    if (best_x > best_d)
        printf("extractor's own work:     %9.0f captures/s  (extract minus decode)\n",
               total / (best_x - best_d));
    for (int i = 0; i < n; i++)
        free(data[i]);
    return sink == 0;
}
