/* cmd_connect.c: the commands over what connects the stored articles (bantin/connect.h):
 * `bantin dups` lists near-duplicate groups, `bantin connect --rebuild` recomputes them from
 * the stored articles, `bantin related ID` lists an article's related articles. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

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
            const char *f = argv[++i];
            if (!strcmp(f, "json"))
                json = 1;
            else if (strcmp(f, "text")) {
                cli_errorf("dups: --format is json or text, not '%s'", f);
                return 2;
            }
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
        "Recomputes the near-duplicate groups from the stored articles (after articles were\n"
        "stored by another program, or to apply changed thresholds); 'bantin add' keeps them\n"
        "up to date as it stores articles.\n";
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
    if (rc)
        cli_errorf("%s", err.msg);
    bt_dup_groups *g = NULL;
    if (!rc && !(rc = bt_dups_list(s, 0, &g, &err)))
        fprintf(stderr, "bantin: near-duplicates rebuilt: %zu groups\n", g->n);
    bt_dup_groups_free(g);
    bt_store_close(s);
    return rc ? 1 : 0;
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
            const char *f = argv[++i];
            if (!strcmp(f, "json")) {
                json = 1;
                cli_json_errors(1);
            } else if (strcmp(f, "text")) {
                cli_errorf("related: --format is json or text, not '%s'", f);
                return 2;
            }
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
