/* cmd_connect.c: the commands over what connects the stored articles (bantin/connect.h,
 * bantin/story.h): `bantin dups` lists near-duplicate groups, `bantin stories` and `bantin
 * story ID` the stories, `bantin related ID` an article's related articles, `bantin connect
 * --rebuild` recomputes duplicates and stories from the stored articles. */
#include "cli.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* One group as the line `bantin dups --format json` prints:
 * {"group":G,"articles":[{"id":"...","similarity":S},...]}. Ids are 16 hex digits: nothing
 * to escape. */
static void print_group_json(const bt_dup_group *g)
{
    printf("{\"group\":%lld,\"articles\":[", (long long)g->group);
    for (size_t i = 0; i < g->n; i++)
        printf("%s{\"id\":\"%s\",\"similarity\":%.3f}", i ? "," : "", g->articles[i].id,
               g->articles[i].similarity);
    printf("]}\n");
}

static void print_group_text(const bt_dup_group *g)
{
    printf("group %lld: %zu articles\n", (long long)g->group, g->n);
    for (size_t i = 0; i < g->n; i++)
        printf("  %s %.3f%s\n", g->articles[i].id, g->articles[i].similarity,
               i ? "" : " original");
}

int cmd_dups(int argc, char **argv)
{
    static const char usage[] =
        "usage: bantin dups [--db PATH] [--min-sim X] [--format text|json]\n"
        "Lists the groups of near-duplicate articles (reprints, edited copies, an article\n"
        "quoted whole in a longer one), found as articles were added: the original (earliest\n"
        "published, then first added) first, then each copy with its similarity to the\n"
        "original (the larger of the Jaccard and the containment of their word 5-shingles).\n"
        "--min-sim X: only copies of similarity >= X (0..1). JSON: one line per group,\n"
        "{\"group\": G, \"articles\": [{\"id\", \"similarity\"}, ...]}.\n";
    const char *db = NULL;
    double min_sim = 0;
    int json = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_val = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(a, "--db") && has_val)
            db = argv[++i];
        else if (!strcmp(a, "--min-sim") && has_val) {
            char *end;
            min_sim = strtod(argv[++i], &end);
            if (*end || end == argv[i] || !(min_sim >= 0 && min_sim <= 1)) {
                cli_errorf("dups: --min-sim is a number in 0..1, not '%s'", argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--format") && has_val) {
            if (cli_format_json("dups", argv[++i], &json))
                return CLI_EXIT_USAGE;
        } else {
            cli_errorf("dups: unknown option '%s' ('bantin dups --help')", a);
            return 2;
        }
    }
    bt_error err;
    bt_store *s;
    if (bt_store_open(cli_db_path(db), BT_STORE_READONLY, &s, &err)) {
        cli_errorf("%s", err.msg);
        return 1;
    }
    bt_dup_groups *g;
    if (bt_dups_list(s, min_sim, &g, &err)) {
        cli_errorf("%s", err.msg);
        bt_store_close(s);
        return 1;
    }
    for (size_t i = 0; i < g->n; i++)
        (json ? print_group_json : print_group_text)(&g->groups[i]);
    bt_dup_groups_free(g);
    bt_store_close(s);
    return fflush(stdout) ? 1 : 0;
}

int cmd_connect(int argc, char **argv)
{
    static const char usage[] =
        "usage: bantin connect [--db PATH] --rebuild\n"
        "Recomputes the near-duplicate groups and the stories from the stored articles\n"
        "(after articles were stored by another program, or to apply changed thresholds);\n"
        "'bantin add' keeps them up to date as it stores articles.\n";
    const char *db = NULL;
    int rebuild = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(argv[i], "--db") && i + 1 < argc)
            db = argv[++i];
        else if (!strcmp(argv[i], "--rebuild"))
            rebuild = 1;
        else {
            cli_errorf("connect: unknown option '%s' ('bantin connect --help')", argv[i]);
            return 2;
        }
    }
    if (!rebuild) {
        fputs(usage, stderr);
        return 2;
    }
    bt_error err;
    bt_store *s;
    if (bt_store_open(cli_db_path(db), 0, &s, &err)) {
        cli_errorf("%s", err.msg);
        return 1;
    }
    int rc = bt_dups_rebuild(s, &err);
    bt_dup_groups *g = NULL;
    if (!rc && !(rc = bt_dups_list(s, 0, &g, &err)))
        fprintf(stderr, "bantin: near-duplicates rebuilt: %zu groups\n", g->n);
    bt_dup_groups_free(g);
    bt_stories *l = NULL;
    if (!rc && !(rc = bt_stories_rebuild(s, &err)) && !(rc = bt_stories_list(s, NULL, &l, &err)))
        fprintf(stderr, "bantin: stories rebuilt: %zu stories\n", l->n);
    bt_stories_free(l);
    if (rc)
        cli_errorf("%s", err.msg);
    bt_store_close(s);
    return rc ? 1 : 0;
}

/* ---- stories ------------------------------------------------------------------------------ */

/* A date or time given on the command line: YYYY-MM-DD (local midnight) or
 * YYYY-MM-DDTHH:MM[:SS] with Z or +HH:MM (else local time). -1 when not one. */
static int parse_when(const char *s, int64_t *out)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
        return -1;
    const char *p = s + 10;
    int have_off = 0, off = 0;
    if (*p == 'T' || *p == ' ') {
        int m = 0;
        if (sscanf(p + 1, "%2d:%2d%n", &h, &mi, &m) != 2 || m != 5)
            return -1;
        p += 1 + m;
        if (*p == ':') {
            if (sscanf(p + 1, "%2d%n", &sec, &m) != 1 || m != 2)
                return -1;
            p += 3;
        }
        if (*p == 'Z')
            have_off = 1, p++;
        else if (*p == '+' || *p == '-') {
            int oh, om;
            if (sscanf(p + 1, "%2d:%2d%n", &oh, &om, &m) != 2 || m != 5)
                return -1;
            have_off = 1;
            off = (oh * 60 + om) * (*p == '-' ? -1 : 1);
            p += 1 + m;
        }
    }
    if (*p || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
        return -1;
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec;
    if (have_off) {
        *out = (int64_t)timegm(&tm) - (int64_t)off * 60;
        return 0;
    }
    tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1)
        return -1;
    *out = (int64_t)t;
    return 0;
}

/* "2014-04-14 09:30 +0700": a time in the local zone, with its offset. */
static void local_time(int64_t t, char *out, size_t cap)
{
    time_t tt = (time_t)t;
    struct tm tm;
    if (!localtime_r(&tt, &tm) || !strftime(out, cap, "%Y-%m-%d %H:%M %z", &tm))
        snprintf(out, cap, "%lld", (long long)t);
}

static int print_story_json(const bt_story *st)
{
    char *json = NULL;
    bt_error err;
    if (bt_story_to_json(st, 0, &json, &err)) {
        cli_error(&err, NULL, NULL);
        return 1;
    }
    printf("%s\n", json);
    free(json);
    return 0;
}

static void print_list(const char *label, char *const *v, size_t n)
{
    printf("%s", label);
    for (size_t i = 0; i < n; i++)
        printf("%s%s", i ? ", " : "", v[i]);
    printf("\n");
}

int cmd_stories(int argc, char **argv)
{
    static const char usage[] =
        "usage: bantin stories [--db PATH] [--since DATE] [--min-size N] [--limit N]\n"
        "                      [--format text|json] [--members]\n"
        "Lists the stories of the stored articles (articles reporting one event, grouped as\n"
        "they were added), newest activity first: id, articles, dates, title (the headline\n"
        "of its most central article). --since DATE: only stories with an article at or\n"
        "after DATE (YYYY-MM-DD, local midnight, or YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM]);\n"
        "--min-size N: only stories of N articles or more. JSON: one line per story,\n"
        "{\"id\", \"title\", \"size\", \"first\", \"last\", \"sources\": [...], \"terms\": [...]},\n"
        "with --members also \"articles\": [ids]. 'bantin story ID' prints one.\n";
    const char *db = NULL;
    int json = 0;
    bt_stories_opts o = BT_STORIES_OPTS_INIT;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_val = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(a, "--db") && has_val)
            db = argv[++i];
        else if (!strcmp(a, "--since") && has_val) {
            if (parse_when(argv[++i], &o.since)) {
                cli_errorf("stories: --since is a date (YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM]]), "
                           "not '%s'", argv[i]);
                return 2;
            }
        } else if ((!strcmp(a, "--min-size") || !strcmp(a, "--limit")) && has_val) {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(argv[++i], &end, 10);
            if (*end || end == argv[i] || errno || argv[i][0] == '-') {
                cli_errorf("stories: %s is a count, not '%s'", a, argv[i]);
                return 2;
            }
            if (!strcmp(a, "--limit"))
                o.limit = (size_t)v;
            else
                o.min_size = (size_t)v;
        } else if (!strcmp(a, "--members"))
            o.flags |= BT_STORIES_MEMBERS;
        else if (!strcmp(a, "--format") && has_val) {
            if (cli_format_json("stories", argv[++i], &json))
                return CLI_EXIT_USAGE;
        } else {
            cli_errorf("stories: unknown option '%s' ('bantin stories --help')", a);
            return 2;
        }
    }
    cli_json_errors(json);
    bt_error err;
    bt_store *s;
    if (bt_store_open(cli_db_path(db), BT_STORE_READONLY, &s, &err)) {
        cli_error(&err, NULL, NULL);
        return 1;
    }
    bt_stories *l;
    if (bt_stories_list(s, &o, &l, &err)) {
        cli_error(&err, NULL, NULL);
        bt_store_close(s);
        return 1;
    }
    int rc = 0;
    for (size_t i = 0; i < l->n && !rc; i++) {
        const bt_story *st = &l->stories[i];
        if (json) {
            rc = print_story_json(st);
            continue;
        }
        char first[40], last[40];
        local_time(st->first, first, sizeof first);
        local_time(st->last, last, sizeof last);
        printf("%lld\t%zu\t%s\t%s\t%s\n", (long long)st->id, st->size, first, last, st->title);
        if (st->articles)
            for (size_t k = 0; k < st->narticles; k++)
                printf("  %s\n", st->articles[k]);
    }
    bt_stories_free(l);
    bt_store_close(s);
    return rc;
}

int cmd_story(int argc, char **argv)
{
    static const char usage[] =
        "usage: bantin story [--db PATH] [--timeline] [--format text|json] ID\n"
        "Prints story ID (as 'bantin stories' lists them): its title, size, dates, sources,\n"
        "key terms and articles. --timeline: its articles by date in local time with the\n"
        "offset, one line per group of near-duplicates (the original's source and title,\n"
        "then '+N copies'), the first report named. JSON: the story's object with\n"
        "\"articles\" and \"timeline\": [{\"id\", \"title\", \"source\", \"published\", \"date\",\n"
        "\"copies\"}]. Exit status 1 when there is no such story.\n";
    const char *db = NULL, *idarg = NULL;
    int json = 0, tl = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_val = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(a, "--db") && has_val)
            db = argv[++i];
        else if (!strcmp(a, "--timeline"))
            tl = 1;
        else if (!strcmp(a, "--format") && has_val) {
            if (cli_format_json("story", argv[++i], &json))
                return CLI_EXIT_USAGE;
        } else if (a[0] == '-' && a[1]) {
            cli_errorf("story: unknown option '%s' ('bantin story --help')", a);
            return 2;
        } else if (!idarg)
            idarg = a;
        else {
            cli_errorf("story: one ID, not '%s' too", a);
            return 2;
        }
    }
    cli_json_errors(json);
    if (!idarg) {
        fputs(usage, stderr);
        return 2;
    }
    char *end;
    errno = 0;
    long long id = strtoll(idarg, &end, 10);
    if (*end || end == idarg || errno || id < 0) {
        cli_errorf("story: ID is a story's number (bantin stories), not '%s'", idarg);
        return 2;
    }
    bt_error err;
    bt_store *s;
    if (bt_store_open(cli_db_path(db), BT_STORE_READONLY, &s, &err)) {
        cli_error(&err, NULL, NULL);
        return 1;
    }
    bt_story *st;
    if (bt_story_get(s, (int64_t)id, &st, &err)) {
        cli_error(&err, NULL, NULL);
        bt_store_close(s);
        return 1;
    }
    int rc = 0;
    if (json)
        rc = print_story_json(st);
    else {
        char first[40], last[40];
        local_time(st->first, first, sizeof first);
        local_time(st->last, last, sizeof last);
        printf("story %lld: %s\n", (long long)st->id, st->title);
        printf("articles: %zu, %s .. %s\n", st->size, first, last);
        print_list("sources: ", st->sources, st->nsources);
        print_list("terms: ", st->terms, st->nterms);
        if (tl) {
            for (size_t i = 0; i < st->ntimeline; i++) {
                const bt_story_item *it = &st->timeline[i];
                char when[40];
                local_time(it->date, when, sizeof when);
                printf("%s  %s  %s  %s", when, it->id,
                       it->source ? it->source : "(no source)", it->title);
                if (it->copies)
                    printf("  +%zu %s", it->copies, it->copies == 1 ? "copy" : "copies");
                printf("%s%s\n", it->published ? "" : "  (undated)", i ? "" : "  (first report)");
            }
        } else
            for (size_t i = 0; i < st->narticles; i++)
                printf("  %s\n", st->articles[i]);
    }
    bt_story_free(st);
    bt_store_close(s);
    return rc;
}

/* `bantin related` as text: one line per article, best first, then the page's own links. */
static void print_related_text(const bt_related_list *r)
{
    printf("related to %s:\n", r->id);
    if (!r->n)
        printf("  (none)\n");
    for (size_t i = 0; i < r->n; i++) {
        const bt_related_item *it = &r->items[i];
        printf("%2zu. %s %.3f  %s\n", i + 1, it->id, it->score, it->title);
        if (it->source || it->published)
            printf("    %s%s%.10s\n", it->source ? it->source : "",
                   it->source && it->published ? ", " : "", it->published ? it->published : "");
    }
    if (r->n_links)
        printf("\nthe page's own related links:\n");
    for (size_t i = 0; i < r->n_links; i++) {
        const bt_related_link *l = &r->links[i];
        printf("- %s%s%s%s%s%s\n", l->title, l->url ? " <" : "", l->url ? l->url : "",
               l->url ? ">" : "", l->id[0] ? " = " : "", l->id);
    }
}

int cmd_related(int argc, char **argv)
{
    static const char usage[] =
        "usage: bantin related [--db PATH] [-k N] [--format text|json] [--pretty] [--] ID\n"
        "Prints the articles most related to article ID (a unique prefix will do): the same\n"
        "story or its neighbours, ranked by the shared words of their titles and texts (names\n"
        "weigh more; marks and case do not matter) and by how close their dates are, the\n"
        "article's near-duplicates left out; then the page's own related links, each with\n"
        "the stored article it points at when there is one.\n"
        "-k N: how many (1..100, default 8). JSON: {\"id\", \"related\": [{\"id\", \"title\",\n"
        "\"source\", \"published\", \"score\"}, ...], \"links\": [{\"title\", \"url\", \"id\"}, ...]}.\n";
    const char *db = NULL, *arg = NULL;
    long k = BT_RELATED_DEFAULT_K;
    int json = 0, pretty = 0, opts = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_val = i + 1 < argc;
        if (opts && (!strcmp(a, "--help") || !strcmp(a, "-h"))) {
            fputs(usage, stdout);
            return 0;
        } else if (opts && !strcmp(a, "--")) {
            opts = 0;
        } else if (opts && !strcmp(a, "--db") && has_val) {
            db = argv[++i];
        } else if (opts && !strcmp(a, "-k") && has_val) {
            char *end;
            k = strtol(argv[++i], &end, 10);
            if (*end || end == argv[i] || k < 1 || k > BT_RELATED_MAX_K) {
                cli_errorf("related: -k is a number in 1..%d, not '%s'", BT_RELATED_MAX_K,
                           argv[i]);
                return 2;
            }
        } else if (opts && !strcmp(a, "--format") && has_val) {
            if (cli_format_json("related", argv[++i], &json))
                return CLI_EXIT_USAGE;
            cli_json_errors(json);
        } else if (opts && !strcmp(a, "--pretty")) {
            pretty = 1;
        } else if (opts && a[0] == '-' && a[1]) {
            cli_errorf("related: unknown option '%s' ('bantin related --help')", a);
            return 2;
        } else if (!arg) {
            arg = a;
        } else {
            cli_errorf("related: one article at a time ('%s' too many)", a);
            return 2;
        }
    }
    if (!arg) {
        fputs(usage, stderr);
        return 2;
    }
    bt_error err;
    bt_store *s;
    if (bt_store_open(cli_db_path(db), BT_STORE_READONLY, &s, &err)) {
        cli_error(&err, NULL, NULL);
        return 1;
    }
    char id[17];
    bt_related_list *r = NULL;
    int rc = bt_store_resolve_id(s, arg, id, &err);
    if (!rc)
        rc = bt_related_of(s, id, (size_t)k, &r, &err);
    if (!rc && json) {
        char *out = NULL;
        if (!(rc = bt_related_list_to_json(r, pretty ? BT_JSON_PRETTY : 0, &out, &err)))
            puts(out);
        free(out);
    } else if (!rc)
        print_related_text(r);
    if (rc)
        cli_error(&err, NULL, NULL);
    bt_related_list_free(r);
    bt_store_close(s);
    return rc ? 1 : 0;
}
