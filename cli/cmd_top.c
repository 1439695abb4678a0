/* cmd_top.c: bantin top, the most-read articles of the last days, by views (bantin show, the
 * server's article page) or by mentions in the portals' own "most read" boxes. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#define TOP_DEFAULT_DAYS 7
#define TOP_DEFAULT_LIMIT 10

/* A whole decimal number in lo..hi from `s`: 0, or -1 when it is not one. */
static int whole(const char *s, long lo, long hi, long *v)
{
    char *end;
    long x = strtol(s, &end, 10);
    if (end == s || *end || x < lo || x > hi)
        return -1;
    *v = x;
    return 0;
}

int cmd_top(int argc, char **argv)
{
    static const char usage[] =
        "usage: bantin top [--db PATH] [--days N] [--by views|mentions] [--limit N]\n"
        "                  [--until YYYY-MM-DD] [--format text|json] [--pretty]\n"
        "The most-read articles of the N days (default 7) that end today (UTC) or on --until:\n"
        "by views (each 'bantin show' and each article the server sends counts one; the\n"
        "default), or by mentions in the 'most read' boxes (Đọc nhiều, Most popular) of the\n"
        "stored pages of those days, matched by URL or by title. --limit: how many (default\n"
        "10, at most 1000). JSON: {\"by\", \"days\", \"from\", \"until\", \"articles\": [{\"id\",\n"
        "\"title\", \"url\", \"source\", \"published\", \"kind\", \"count\"}]}.\n";
    const char *db = NULL, *until = NULL;
    long days = TOP_DEFAULT_DAYS, limit = TOP_DEFAULT_LIMIT;
    int by = BT_TOP_VIEWS, json = 0, pretty = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_val = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            return CLI_EXIT_OK;
        } else if (!strcmp(a, "--db") && has_val)
            db = argv[++i];
        else if (!strcmp(a, "--days") && has_val) {
            if (whole(argv[++i], 1, BT_TOP_MAX_DAYS, &days)) {
                cli_errorf("top: --days is a whole number of days, 1 to %d, not '%s'",
                           BT_TOP_MAX_DAYS, argv[i]);
                return CLI_EXIT_USAGE;
            }
        } else if (!strcmp(a, "--limit") && has_val) {
            if (whole(argv[++i], 1, BT_TOP_MAX_LIMIT, &limit)) {
                cli_errorf("top: --limit is a whole number, 1 to %d, not '%s'", BT_TOP_MAX_LIMIT,
                           argv[i]);
                return CLI_EXIT_USAGE;
            }
        } else if (!strcmp(a, "--by") && has_val) {
            if (bt_top_by_from_name(argv[++i], &by)) {
                cli_errorf("top: --by is views or mentions, not '%s'", argv[i]);
                return CLI_EXIT_USAGE;
            }
        } else if (!strcmp(a, "--until") && has_val)
            until = argv[++i];
        else if (!strcmp(a, "--pretty"))
            pretty = 1;
        else if (!strcmp(a, "--format") && has_val) {
            if (cli_format_json("top", argv[++i], &json))
                return CLI_EXIT_USAGE;
            cli_json_errors(json);
        } else {
            cli_errorf("top: unknown option or missing value '%s' ('bantin top --help')", a);
            return CLI_EXIT_USAGE;
        }
    }
    bt_error err;
    bt_store *s;
    if (bt_store_open(cli_db_path(db), BT_STORE_READONLY, &s, &err)) {
        cli_error(&err, NULL, NULL);
        return CLI_EXIT_FAILED;
    }
    bt_top_list *l;
    int rc = bt_top(s, (int)days, by, (size_t)limit, until, &l, &err);
    bt_store_close(s);
    if (rc) {
        cli_error(&err, NULL, NULL);
        return rc == BT_EINVAL ? CLI_EXIT_USAGE : CLI_EXIT_FAILED;
    }
    if (json) {
        char *out;
        if (bt_top_to_json(l, pretty ? BT_JSON_PRETTY : 0, &out, &err)) {
            cli_error(&err, NULL, NULL);
            bt_top_list_free(l);
            return CLI_EXIT_FAILED;
        }
        puts(out);
        free(out);
    } else {
        printf("most read by %s, %s to %s:\n", by == BT_TOP_MENTIONS ? "mentions" : "views",
               l->from, l->until);
        for (size_t i = 0; i < l->n; i++) {
            const bt_top_item *it = &l->items[i];
            printf("%6lld  %s  %s", (long long)it->count, it->id, it->title);
            if (it->source || it->published)
                printf(" (%s%s%.10s)", it->source ? it->source : "",
                       it->source && it->published ? ", " : "",
                       it->published ? it->published : "");
            putchar('\n');
        }
        if (!l->n)
            printf("(none)\n");
    }
    bt_top_list_free(l);
    return CLI_EXIT_OK;
}
