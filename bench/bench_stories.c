/* bench_stories.c: story clustering (src/connect/story.c) on a story set with gold: feeds the
 * documents in date order (ties in file order), writes the assignment for
 * ../shared/tools/score_stories.py and prints documents/s. See bench/README.md, section
 * "connect: stories", and bench/stories.sh, which runs it on both sets and scores them.
 *
 *   bench_stories ARTICLES.jsonl [--out PRED.tsv] [--alone] [--repeat N] [--stories N]
 *                 [--copies N] [--shuffle SEED] [--set NAME=VALUE ...]
 *
 * ARTICLES.jsonl: one record a line with "id", "title", optionally "lede", "body" (a list of
 * paragraphs; the lede and the first paragraphs are the text), "published" (ISO 8601 or null) and "lang": the format of both
 * sets in ../shared/dev/stories (Google News titles with days; GoogleNews-TS title + snippet
 * without dates). --alone writes every document as its own story (the baseline). --repeat
 * runs the clustering N times for a steadier speed. --stories N prints the N largest
 * stories (title, size, key terms). --copies N feeds the set N times, each copy's dates a
 * week after the one before (a dated set: the Google News week), to time the clustering
 * with N times as many documents stored at the same density (3 copies of the week: 99,450
 * documents; no assignment is written). --shuffle SEED shuffles the order within each day
 * (the whole undated set) with a fixed generator: the spread over seeds is how much the
 * figures owe to one order of arrival. --set overrides one field of bti_story_config (to
 * explore; the reported figures use the defaults). */
#include "connect/story.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"

typedef struct art {
    char *id, *title, *text, *lang;
    int64_t date;
    size_t order;
} art;

static void die(const char *what)
{
    fprintf(stderr, "bench_stories: %s\n", what);
    exit(1);
}

/* Seconds since the epoch of an ISO 8601 date ("2014-04-14T00:00:00Z"; the time of day and
 * offset when present); BTI_STORY_NO_DATE when there is none. */
static int64_t parse_date(const char *s)
{
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!s || sscanf(s, "%d-%d-%d", &y, &mo, &d) != 3)
        return BTI_STORY_NO_DATE;
    if (strlen(s) >= 19)
        sscanf(s + 11, "%d:%d:%d", &h, &mi, &sec);
    y -= mo <= 2; /* days from civil (Howard Hinnant) */
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
    return days * 86400 + h * 3600 + mi * 60 + sec;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static int cmp_art(const void *a, const void *b)
{
    const art *x = a, *y = b;
    int64_t dx = x->date == BTI_STORY_NO_DATE ? INT64_MAX : x->date;
    int64_t dy = y->date == BTI_STORY_NO_DATE ? INT64_MAX : y->date;
    if (dx != dy)
        return dx < dy ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static art *load(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open the articles");
    size_t cap = 1024, cnt = 0;
    art *a = malloc(cap * sizeof *a);
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    while ((len = getline(&line, &lcap, f)) > 0) {
        json_error_t je;
        json_t *o = json_loadb(line, (size_t)len, 0, &je);
        if (!o)
            continue;
        if (cnt == cap)
            a = realloc(a, (cap *= 2) * sizeof *a);
        if (!a)
            die("out of memory");
        art *r = &a[cnt];
        json_t *id = json_object_get(o, "id");
        r->id = json_is_string(id) ? strdup(json_string_value(id)) : NULL;
        if (!r->id) {
            json_decref(o);
            continue;
        }
        r->title = dup_or_null(json_string_value(json_object_get(o, "title")));
        r->lang = dup_or_null(json_string_value(json_object_get(o, "lang")));
        r->date = parse_date(json_string_value(json_object_get(o, "published")));
        json_t *body = json_object_get(o, "body");
        const char *lede = json_string_value(json_object_get(o, "lede"));
        r->text = NULL;
        if (lede || (json_is_array(body) && json_array_size(body) > 0)) {
            /* the lede (when the record has one) and the paragraphs joined by newlines;
             * the clustering reads only the first tokens */
            size_t nb = json_is_array(body) ? json_array_size(body) : 0;
            size_t tl = lede ? strlen(lede) + 1 : 0;
            for (size_t i = 0; i < nb; i++)
                tl += strlen(json_string_value(json_array_get(body, i)) ?: "") + 1;
            r->text = malloc(tl + 1);
            r->text[0] = 0;
            size_t off = 0;
            if (lede) {
                memcpy(r->text, lede, strlen(lede));
                off = strlen(lede);
                r->text[off++] = '\n';
            }
            for (size_t i = 0; i < nb; i++) {
                const char *p = json_string_value(json_array_get(body, i)) ?: "";
                size_t pl = strlen(p);
                memcpy(r->text + off, p, pl);
                off += pl;
                r->text[off++] = '\n';
            }
            r->text[off] = 0;
        }
        r->order = cnt++;
        json_decref(o);
    }
    free(line);
    fclose(f);
    *n = cnt;
    return a;
}

static void set_param(bti_story_config *c, const char *kv)
{
    const char *eq = strchr(kv, '=');
    if (!eq)
        die("--set wants NAME=VALUE");
    double v = atof(eq + 1);
    size_t n = (size_t)(eq - kv);
#define P(name, field)                                                                      \
    if (n == strlen(name) && !strncmp(kv, name, n)) {                                       \
        c->field = v;                                                                       \
        return;                                                                             \
    }
#define U(name, field)                                                                      \
    if (n == strlen(name) && !strncmp(kv, name, n)) {                                       \
        c->field = (uint32_t)v;                                                             \
        return;                                                                             \
    }
    P("window_days", window_days)
    P("threshold", threshold)
    P("merge_threshold", merge_threshold)
    U("merge_every", merge_every)
    P("decay_days", decay_days)
    P("decay_floor", decay_floor)
    P("fade_days", fade_days)
    U("centroid_terms", centroid_terms)
    U("doc_terms", doc_terms)
    P("name_boost", name_boost)
    P("pair_weight", pair_weight)
    P("syllable_weight", syllable_weight)
    P("en_pair_weight", en_pair_weight)
    P("text_weight", text_weight)
    U("text_tokens", text_tokens)
    P("knn", knn)
    P("one_term_discount", one_term_discount)
    P("adopt_factor", adopt_factor)
    die("unknown --set name");
}

int main(int argc, char **argv)
{
    if (argc < 2)
        die("usage: bench_stories ARTICLES.jsonl [--out PRED.tsv] [--alone] [--repeat N] "
            "[--stories N] [--set NAME=VALUE ...]");
    const char *out_path = NULL;
    int alone = 0, repeat = 1, show = 0, copies = 1;
    unsigned long long seed = 0;
    bti_story_config cfg;
    bti_story_config_default(&cfg);
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--out") && i + 1 < argc)
            out_path = argv[++i];
        else if (!strcmp(argv[i], "--alone"))
            alone = 1;
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--shuffle") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--copies") && i + 1 < argc)
            copies = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--stories") && i + 1 < argc)
            show = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--set") && i + 1 < argc)
            set_param(&cfg, argv[++i]);
        else
            die("unknown argument");
    }
    size_t n;
    art *a = load(argv[1], &n);
    if (seed) {
        /* a random order within equal dates: shuffle the file order, then sort stably */
        unsigned long long x = seed * 0x9E3779B97F4A7C15ull | 1;
        size_t *perm = malloc((n ? n : 1) * sizeof *perm);
        for (size_t i = 0; i < n; i++)
            perm[i] = i;
        for (size_t i = n; i > 1; i--) {
            x ^= x >> 12, x ^= x << 25, x ^= x >> 27;
            size_t j = (size_t)((x * 2685821657736338717ull) % i);
            size_t t = perm[i - 1];
            perm[i - 1] = perm[j];
            perm[j] = t;
        }
        for (size_t i = 0; i < n; i++)
            a[i].order = perm[i];
        free(perm);
    }
    qsort(a, n, sizeof *a, cmp_art);

    bti_story_set *set = NULL;
    double best = 1e30;
    bt_error err = {0};
    for (int r = 0; r < (repeat > 0 ? repeat : 1); r++) {
        bti_story_set_free(set);
        set = NULL;
        if (bti_story_set_new(&cfg, &set, &err))
            die(err.msg);
        double t0 = bench_now();
        for (int c = 0; c < (copies > 0 ? copies : 1); c++)
            for (size_t i = 0; i < n; i++) {
                int64_t date = a[i].date == BTI_STORY_NO_DATE ? a[i].date
                                                              : a[i].date + (int64_t)c * 7 * 86400;
                bti_story_doc d = {a[i].title, a[i].title ? strlen(a[i].title) : 0, a[i].text,
                                   a[i].text ? strlen(a[i].text) : 0, date, a[i].lang, 0};
                if (bti_story_add(set, &d, NULL, &err))
                    die(err.msg);
            }
        if (bti_story_merge(set, NULL, &err))
            die(err.msg);
        double t = bench_now() - t0;
        best = t < best ? t : best;
    }
    uint32_t live = 0;
    for (uint32_t s = 0; s < bti_story_count(set); s++) {
        bti_story_info info;
        live += bti_story_get(set, s, &info) == 0;
    }
    size_t total = n * (size_t)(copies > 0 ? copies : 1);
    printf("%s: %zu documents, %u stories, %.3f s, %.0f documents/s\n", argv[1], total, live,
           best, (double)total / best);

    if (out_path && copies <= 1) {
        FILE *f = fopen(out_path, "w");
        if (!f)
            die("cannot write the assignment");
        for (size_t i = 0; i < n; i++)
            fprintf(f, "%s\t%s%u\n", a[i].id, alone ? "a" : "s",
                    alone ? (uint32_t)i : bti_story_of(set, (uint32_t)i));
        fclose(f);
    }
    if (show > 0) {
        /* the largest stories, ties by id */
        uint32_t ns = bti_story_count(set);
        unsigned char *done = calloc(ns ? ns : 1, 1);
        for (int k = 0; k < show; k++) {
            uint32_t bid = UINT32_MAX, bsize = 0;
            for (uint32_t s = 0; s < ns; s++) {
                bti_story_info info;
                if (!done[s] && !bti_story_get(set, s, &info) && info.size > bsize)
                    bid = s, bsize = info.size;
            }
            if (bid == UINT32_MAX)
                break;
            done[bid] = 1;
            bti_story_info info;
            bti_story_get(set, bid, &info);
            const char *terms[8];
            size_t nt = bti_story_terms(set, bid, terms, 8);
            printf("%6u  %s  [", info.size, info.title);
            for (size_t t = 0; t < nt; t++)
                printf("%s%s", t ? ", " : "", terms[t]);
            printf("]\n");
        }
        free(done);
    }
    bti_story_set_free(set);
    for (size_t i = 0; i < n; i++) {
        free(a[i].id);
        free(a[i].title);
        free(a[i].text);
        free(a[i].lang);
    }
    free(a);
    return 0;
}
