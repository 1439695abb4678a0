/* cmd_search.c: `bantin search`: the query language over the store, results as text (matched
 * words in bold on a terminal) or as one JSON object (issue 7). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
    "usage: bantin search [--db PATH] [--sort relevance|date] [-n|--limit N] [--offset N]\n"
    "                     [--recent] [--all] [--format text|json] [--color=auto|always|never]\n"
    "                     [--explain] [--] QUERY...\n"
    "\n"
    "Searches the stored articles (--db, else $BANTIN_DB, else ./bantin.db). The words of\n"
    "QUERY match without regard to marks, case or tone placement (dam phan finds đàm phán);\n"
    "every word counts. Articles with the words side by side as typed come first (with the\n"
    "marks as typed, then without), then the words apart; marked words rank exact forms first.\n"
    "\n"
    "  word word      all must match          \"exact phrase\"   syllables side by side\n"
    "  -word, NOT word  exclude (-3, A321-200, Covid-19 are text; so is a lone -word)\n"
    "  a OR b         either (OR in capitals, between words)\n"
    "  prefix*        words starting so       title: source: author:  in that field\n"
    "  since:2021-08-01  until:2021-09-01     published on or after / on or before\n"
    "\n"
    "  --sort date    newest first (default: relevance)   -n, --limit N (10)   --offset N (0)\n"
    "  --recent       boost recent articles               --format json    one object\n"
    "  --explain      print the FTS5 expression the query compiles to, then stop\n"
    "  --color=WHEN   matched words in bold: auto (on a terminal, unless NO_COLOR is set),\n"
    "                 always or never\n"
    "  --all          every article: near-duplicates (bantin dups) are one result by default,\n"
    "                 its best-ranked copy, with \"N copies\" (JSON: \"copies\": N)\n"
    "Exit status: 0 results found, 1 none found or the store failed, 2 bad query or usage.\n";

static int parse_count(const char *opt, const char *v, size_t *out)
{
    char *end;
    long long n = strtoll(v, &end, 10);
    if (!*v || *end || n < 0 || n > BT_SEARCH_MAX_WINDOW) {
        cli_errorf("search: %s wants a number from 0 to %d, not '%s'", opt,
                   BT_SEARCH_MAX_WINDOW, v);
        return 2;
    }
    *out = (size_t)n;
    return 0;
}

static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

static void print_text(const bt_search_results *r, const bt_search_opts *o, int color)
{
    const char *bold = color ? "\033[1m" : "", *off = color ? "\033[0m" : "";
    const char *dim = color ? "\033[2m" : "";
    printf("%lld%s result%s\n", (long long)r->total, r->total_more ? "+" : "",
           r->total == 1 && !r->total_more ? "" : "s");
    for (size_t i = 0; i < r->n; i++) {
        const bt_search_hit *h = &r->hits[i];
        printf("\n%zu. %s%s%s\n", o->offset + i + 1, bold, h->title, off);
        size_t copies = r->copies ? r->copies[i] : 0;
        printf("   %s%s | %s | %s | score %.4g", dim, h->source ? h->source : "-",
               h->published ? h->published : "-", h->id, h->score);
        if (copies) /* its near-duplicates, left out (--all lists them) */
            printf(" | %zu cop%s", copies, copies == 1 ? "y" : "ies");
        printf("%s\n", off);
        if (!h->snippet || !*h->snippet)
            continue;
        fputs("   ", stdout);
        size_t at = 0;
        for (size_t k = 0; k < h->n_highlights; k++) {
            size_t s = h->highlights[k][0], e = h->highlights[k][1];
            if (s < at || e < s)
                continue;
            fwrite(h->snippet + at, 1, s - at, stdout);
            fputs(bold, stdout);
            fwrite(h->snippet + s, 1, e - s, stdout);
            fputs(off, stdout);
            at = e;
        }
        fputs(h->snippet + at, stdout);
        fputc('\n', stdout);
    }
    /* more than this page: say how to get the next one */
    size_t next = o->offset + r->n;
    /* total counts articles, the page groups of them: a short page is the last; a full one
     * is not while fewer groups were shown than articles match */
    int more = ((long long)next < r->total || r->total_more) && (!r->copies || r->n == o->limit);
    if (r->n && more) {
        if (next + o->limit <= BT_SEARCH_MAX_WINDOW)
            printf("\nmore: the next page with --offset %zu --limit %zu\n", next, o->limit);
        else
            printf("\nmore results past the first %d: narrow the query (since:, source:)\n",
                   BT_SEARCH_MAX_WINDOW);
    }
}

static int print_json(const bt_search_results *r)
{
    char *s;
    bt_error err;
    if (bt_search_results_to_json(r, 0, &s, &err)) {
        cli_error(&err, NULL, NULL);
        return 1;
    }
    puts(s);
    free(s);
    return 0;
}

int cmd_search(int argc, char **argv)
{
    const char *db = NULL;
    int json = 0, explain = 0, opts_done = 0, color = CLI_COLOR_AUTO;
    bt_search_opts o = BT_SEARCH_OPTS_INIT;
    char *query = calloc(1, 1);
    size_t qlen = 0;
    if (!query) {
        cli_errorf("out of memory");
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has = i + 1 < argc;
        if (!opts_done && !strcmp(a, "--")) {
            opts_done = 1;
            continue;
        }
        if (!opts_done && a[0] == '-' && a[1] == '-') {
            int rc = 0;
            if (!strcmp(a, "--help")) {
                fputs(usage_text, stdout);
                free(query);
                return 0;
            } else if (!strcmp(a, "--db") && has)
                db = argv[++i];
            else if (!strcmp(a, "--limit") && has)
                rc = parse_count(a, argv[++i], &o.limit);
            else if (!strcmp(a, "--offset") && has)
                rc = parse_count(a, argv[++i], &o.offset);
            else if (!strcmp(a, "--sort") && has) {
                const char *v = argv[++i];
                if (!strcmp(v, "relevance"))
                    o.sort = BT_SORT_RELEVANCE;
                else if (!strcmp(v, "date"))
                    o.sort = BT_SORT_DATE;
                else {
                    cli_errorf("search: --sort is relevance or date, not '%s'", v);
                    rc = 2;
                }
            } else if (!strcmp(a, "--format") && has) {
                const char *v = argv[++i];
                if (!strcmp(v, "json")) {
                    json = 1;
                    cli_json_errors(1); /* errors come as JSON objects on stderr too */
                }
                else if (!strcmp(v, "text"))
                    json = 0;
                else {
                    cli_errorf("search: --format is text or json, not '%s'", v);
                    rc = 2;
                }
            } else if (cli_color_option(argc, argv, &i, &color, &rc))
                ;
            else if (!strcmp(a, "--recent"))
                o.flags |= BT_SEARCH_RECENCY;
            else if (!strcmp(a, "--all"))
                o.all_copies = 1;
            else if (!strcmp(a, "--explain"))
                explain = 1;
            else {
                cli_errorf("search: unknown option '%s' ('bantin search --help')", a);
                rc = 2;
            }
            if (rc) {
                free(query);
                return rc;
            }
            continue;
        }
        if (!opts_done && !strcmp(a, "-h")) {
            fputs(usage_text, stdout);
            free(query);
            return 0;
        }
        /* -n N or -nN, the count as head and grep users type it: read as query words they
         * would exclude the letter n; -nato stays an exclusion */
        const char *count = !opts_done && a[0] == '-' && a[1] == 'n'
                                ? (a[2] ? a + 2 : has ? argv[i + 1] : NULL)
                                : NULL;
        if (count && all_digits(count)) {
            if (!a[2])
                i++;
            int rc = parse_count("-n", count, &o.limit);
            if (rc) {
                free(query);
                return rc;
            }
            continue;
        }
        /* a query word (a -word excludes: not an option) */
        size_t n = strlen(a);
        char *q = realloc(query, qlen + n + 2);
        if (!q) {
            free(query);
            cli_errorf("out of memory");
            return 1;
        }
        query = q;
        if (qlen)
            query[qlen++] = ' ';
        memcpy(query + qlen, a, n + 1);
        qlen += n;
    }
    if (qlen == 0) {
        free(query);
        fputs(usage_text, stderr);
        return 2;
    }
    bt_error err;
    if (explain) {
        char *m;
        if (bt_search_explain(query, &m, &err)) {
            cli_error(&err, NULL, NULL);
            free(query);
            return err.code == BT_ENOMEM ? 1 : 2;
        }
        puts(m);
        free(m);
        free(query);
        return 0;
    }
    if (o.offset + o.limit > BT_SEARCH_MAX_WINDOW) {
        cli_errorf("search: --offset + --limit is past %d", BT_SEARCH_MAX_WINDOW);
        free(query);
        return 2;
    }
    bt_store *s;
    if (bt_store_open(cli_db_path(db), BT_STORE_READONLY, &s, &err)) {
        cli_error(&err, NULL, NULL);
        free(query);
        return 1;
    }
    bt_search_results *r = NULL;
    int rc = bt_search_run(s, query, &o, &r, &err);
    free(query);
    if (rc) {
        cli_error(&err, NULL, NULL);
        bt_store_close(s);
        return rc == BT_EINVAL || rc == BT_ELIMIT ? 2 : 1;
    }
    int status = 0;
    if (json)
        status = print_json(r);
    else
        print_text(r, &o, cli_color_on(color, STDOUT_FILENO));
    if (!status && r->total == 0)
        status = 1;
    bt_search_results_free(r);
    bt_store_close(s);
    return status;
}
