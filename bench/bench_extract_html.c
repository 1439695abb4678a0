/* bench_extract_html.c: pages per second of bt_extract on HTML pages, pages read into memory
 * first so that only extraction is timed (bench/extract_html.sh pins it to one core).
 *
 * usage: bench_extract_html [--seconds S] [--out FILE.jsonl] PAGE...
 * Runs rounds over all pages until S seconds (default 3) have passed; prints
 * "pages_per_s N" per second of this process's CPU time (the machine is shared: time spent
 * waiting for the core is not the extractor's), "wall_pages_per_s N" per second of wall
 * time, and writes the first round's articles to FILE as JSONL. */
#include "bantin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct page {
    char *path, *data;
    size_t len;
} page;

int main(int argc, char **argv)
{
    double seconds = 3;
    const char *outpath = NULL;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i += 2) {
        if (i + 1 >= argc)
            break;
        if (!strcmp(argv[i], "--seconds"))
            seconds = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--out"))
            outpath = argv[i + 1];
    }
    size_t n = (size_t)(argc - i);
    page *pages = calloc(n ? n : 1, sizeof *pages);
    if (!pages)
        return 1;
    for (size_t k = 0; k < n; k++) {
        pages[k].path = argv[i + (int)k];
        pages[k].data = bench_slurp(pages[k].path, &pages[k].len);
        if (!pages[k].data) {
            fprintf(stderr, "bench_extract_html: %s: cannot read\n", pages[k].path);
            return 1;
        }
    }
    FILE *out = outpath ? fopen(outpath, "w") : NULL;
    size_t done = 0, failed = 0;
    double t0 = bench_now(), t = t0, c0 = cpu_now();
    for (int round = 0; round == 0 || t - t0 < seconds; round++) {
        for (size_t k = 0; k < n; k++) {
            bt_capture cap = {0};
            cap.data = pages[k].data;
            cap.len = pages[k].len;
            cap.origin = pages[k].path;
            cap.kind = BT_KIND_HTML;
            bt_article *a;
            bt_error err;
            if (bt_extract(&cap, NULL, &a, &err) == 0) {
                if (round == 0 && out) {
                    char *json;
                    bt_article_to_json(a, 0, &json, &err);
                    if (json)
                        fprintf(out, "%s\n", json);
                    free(json);
                }
                bt_article_free(a);
            } else if (round == 0) {
                failed++;
            }
            done++;
        }
        t = bench_now();
    }
    if (out)
        fclose(out);
    double cpu = cpu_now() - c0;
    printf("pages_per_s %.1f\nwall_pages_per_s %.1f\npages %zu\nfailed %zu\n",
           (double)done / (cpu > 0 ? cpu : t - t0), (double)done / (t - t0), n, failed);
    for (size_t k = 0; k < n; k++)
        free(pages[k].data);
    free(pages);
    return 0;
}
