/* cmd_store.c: the store commands besides add: show, export, stats, rm, vacuum, index. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

const char *cli_db_path(const char *given)
{
    if (given && *given)
        return given;
    const char *env = getenv("BANTIN_DB");
    return env && *env ? env : BT_STORE_DEFAULT_PATH;
}

/* Options every store command shares. */
typedef struct common {
    const char *db;
    int json, pretty, text, help;
    int no_count; /* --no-count (show): do not count the showing as a view */
    int format; /* --format markdown|html (show): BT_FORMAT_*, else -1 */
    const char *since, *published_since;
    char **args;
    int nargs;
} common;

/* Parses the options a command allows (`allowed`: "jpts" for --json, --pretty, --format,
 * --since); 0, or 2 after printing a usage error. */
static int parse(int argc, char **argv, const char *allowed, common *c)
{
    memset(c, 0, sizeof *c);
    c->format = -1;
    c->args = calloc((size_t)argc + 1, sizeof *c->args);
    if (!c->args) {
        cli_errorf("out of memory");
        return 2;
    }
    int only_args = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_val = i + 1 < argc;
        if (only_args)
            c->args[c->nargs++] = argv[i];
        else if (!strcmp(a, "--"))
            only_args = 1;
        else if (!strcmp(a, "--db") && has_val)
            c->db = argv[++i];
        else if (!strcmp(a, "--json") && strchr(allowed, 'j')) {
            c->json = 1;
            cli_json_errors(1);
        }
        else if (!strcmp(a, "--no-count") && strchr(allowed, 'n'))
            c->no_count = 1;
        else if (!strcmp(a, "--pretty") && strchr(allowed, 'p'))
            c->pretty = 1;
        else if (!strcmp(a, "--format") && has_val && strchr(allowed, 't')) {
            const char *f = argv[++i];
            int fmt;
            if (!strcmp(f, "text") || !strcmp(f, "txt"))
                c->text = 1;
            else if (!strcmp(f, "json"))
                cli_json_errors(1); /* asked for JSON: errors come as JSON too */
            else if (strchr(allowed, 'm') && !bt_format_from_name(f, &fmt))
                c->format = fmt;
            else {
                cli_errorf("%s: --format is json or text%s, not '%s'", argv[0],
                           strchr(allowed, 'm') ? ", markdown or html" : "", f);
                return 2;
            }
        } else if (!strcmp(a, "--since") && has_val && strchr(allowed, 's'))
            c->since = argv[++i];
        else if (!strcmp(a, "--published-since") && has_val && strchr(allowed, 's'))
            c->published_since = argv[++i];
        else if (!strcmp(a, "--help") || !strcmp(a, "-h"))
            c->help = 1;
        else if (a[0] == '-' && a[1]) {
            cli_errorf("%s: unknown option '%s' ('bantin %s --help')", argv[0], a, argv[0]);
            return 2;
        } else
            c->args[c->nargs++] = argv[i];
    }
    c->db = cli_db_path(c->db);
    return 0;
}

/* The prologue every store command shares: options, --help, the argument count the command
 * wants (ARGS_NONE or ARGS_SOME), the store opened with `flags`. Returns -1 to go on (then
 * *s is open and c->args must be freed), otherwise the exit status, everything released. */
enum { ARGS_NONE, ARGS_SOME };

static int begin(int argc, char **argv, const char *allowed, const char *usage, int wants,
                 unsigned flags, common *c, bt_store **s)
{
    if (parse(argc, argv, allowed, c)) {
        free(c->args);
        return 2;
    }
    int status = -1;
    if (c->help)
        status = 0;
    else if ((wants == ARGS_NONE) != (c->nargs == 0))
        status = 2;
    if (status >= 0) {
        fputs(usage, status ? stderr : stdout);
        free(c->args);
        return status;
    }
    bt_error err;
    if (bt_store_open(c->db, flags, s, &err)) {
        cli_error(&err, NULL, NULL);
        free(c->args);
        return 1;
    }
    return -1;
}

/* ---- show --------------------------------------------------------------------------------- */

static void print_text(const bt_article *a)
{
    printf("%s\n", a->title);
    printf("id: %s\n", a->id);
    if (a->source)
        printf("source: %s\n", a->source);
    if (a->kind && strcmp(a->kind, BT_ARTICLE_KIND_ARTICLE))
        printf("kind: %s\n", a->kind);
    if (a->published)
        printf("published: %s\n", a->published);
    if (a->url)
        printf("url: %s\n", a->url);
    if (a->origin)
        printf("origin: %s\n", a->origin);
    for (size_t i = 0; i < a->n_authors; i++)
        printf("author: %s\n", a->authors[i]);
    if (a->lede)
        printf("\n%s\n", a->lede);
    for (size_t i = 0; i < a->n_body; i++)
        printf("\n%s\n", a->body[i]);
    for (size_t i = 0; i < a->n_images; i++)
        printf("\n[image%s%s] %s%s%s\n", a->images[i].src ? " " : "",
               a->images[i].src ? a->images[i].src : "", a->images[i].caption,
               a->images[i].credit ? " (" : "", a->images[i].credit ? a->images[i].credit : "");
    if (a->n_related)
        printf("\nrelated:\n");
    for (size_t i = 0; i < a->n_related; i++)
        printf("- %s%s%s\n", a->related[i].title, a->related[i].url ? " <" : "",
               a->related[i].url ? a->related[i].url : "");
    if (a->n_most_read)
        printf("\nmost read (the page's box):\n");
    for (size_t i = 0; i < a->n_most_read; i++)
        printf("- %s%s%s\n", a->most_read[i].title, a->most_read[i].url ? " <" : "",
               a->most_read[i].url ? a->most_read[i].url : "");
}

/* The near-duplicate group of article `id`, when it has one (bantin/connect.h). */
static void print_dups(bt_store *s, const char *id)
{
    bt_dup_group *g = NULL;
    bt_error err;
    if (bt_dups_of(s, id, &g, &err) || !g)
        return;
    printf("\nduplicates: group %lld, %zu articles\n", (long long)g->group, g->n);
    for (size_t i = 0; i < g->n; i++)
        printf("- %s %.3f%s%s\n", g->articles[i].id, g->articles[i].similarity,
               i ? "" : " original", strcmp(g->articles[i].id, id) ? "" : " (this)");
    bt_dup_group_free(g);
}

int cmd_show(int argc, char **argv)
{
    static const char usage[] =
        "usage: bantin show [--db PATH] [--format json|text|markdown|html] [--pretty]\n"
        "                   [--no-count] [--] ID...\n"
        "Prints stored articles: the spec's JSON record (one per line), readable text (with\n"
        "the id, source and origin), or the article as Markdown or HTML as extract renders\n"
        "it. An ID may be shortened to a prefix only one article has (as git takes them).\n"
        "Each article shown counts one view for 'bantin top' (a store that cannot be written\n"
        "is shown without counting); --no-count, for scripts, counts none.\n";
    common c;
    bt_store *s;
    int status = begin(argc, argv, "ptmn", usage, ARGS_SOME, BT_STORE_READONLY, &c, &s);
    if (status >= 0)
        return status;
    /* Counting needs the store for writing: opened again so; one that cannot be written (a
     * read-only medium, another user's file) is shown without counting. */
    int count = 0;
    if (!c.no_count) {
        bt_store *w;
        bt_error werr;
        if (!bt_store_open(c.db, BT_STORE_EXISTING, &w, &werr)) {
            bt_store_close(s);
            s = w;
            count = 1;
        }
    }
    int failed = 0;
    for (int i = 0; i < c.nargs; i++) {
        bt_article *a;
        bt_error err;
        char id[17];
        if (bt_store_resolve_id(s, c.args[i], id, &err) || bt_store_get(s, id, &a, &err)) {
            cli_error(&err, NULL, NULL);
            failed = 1;
            continue;
        }
        /* a view that cannot be written is no reason not to show the article */
        if (count && bt_article_view(s, id, &err))
            cli_error(&err, NULL, NULL);
        if (c.format >= 0) {
            char *out = NULL;
            if (bt_article_render(a, c.format, &out, &err)) {
                cli_error(&err, NULL, NULL);
                failed = 1;
            } else {
                if (i && c.format != BT_FORMAT_HTML)
                    fputs("\n---\n\n", stdout);
                fputs(out, stdout);
            }
            free(out);
        } else if (c.text) {
            if (i)
                printf("\n----\n\n");
            print_text(a);
            print_dups(s, a->id);
        } else {
            char *json;
            bt_article_to_json(a, c.pretty ? BT_JSON_PRETTY : 0, &json, &err);
            if (json)
                puts(json);
            else {
                cli_error(&err, NULL, NULL);
                failed = 1;
            }
            free(json);
        }
        bt_article_free(a);
    }
    bt_store_close(s);
    free(c.args);
    return failed ? CLI_EXIT_FAILED : CLI_EXIT_OK; /* a write error: main's to report */
}

/* ---- export ------------------------------------------------------------------------------- */

int cmd_export(int argc, char **argv)
{
    static const char usage[] =
        "usage: bantin export [--db PATH] [--since DATE] [--published-since DATE]\n"
        "Prints the stored articles as JSONL (the spec's records, in the order they were\n"
        "added), which 'bantin add' reads back. --since: added on or after DATE (ISO 8601);\n"
        "--published-since: published on or after DATE.\n"
        "DATE: YYYY[-MM[-DD[THH:MM[:SS][Z|+07:00]]]]; another value is a usage error.\n";
    common c;
    bt_store *s;
    int status = begin(argc, argv, "s", usage, ARGS_NONE, BT_STORE_READONLY, &c, &s);
    if (status >= 0)
        return status;
    bt_store_filter f = BT_STORE_FILTER_INIT;
    f.added_since = c.since;
    f.published_since = c.published_since;
    bt_store_iter *it;
    bt_error err;
    int rc = bt_store_iter_open(s, &f, &it, &err);
    bt_article *a;
    while (!rc && (rc = bt_store_iter_next(it, &a, &err)) == 0 && a) {
        rc = 0;
        char *json;
        bt_article_to_json(a, 0, &json, &err);
        if (!json)
            rc = BT_ENOMEM;
        else if (puts(json) < 0)
            rc = 1; /* a write error: main reports it (exit status 3) */
        free(json);
        bt_article_free(a);
    }
    if (rc < 0)
        cli_error(&err, NULL, NULL);
    bt_store_iter_close(it);
    bt_store_close(s);
    free(c.args);
    if (rc == BT_EINVAL) /* a bad --since: a usage error */
        return CLI_EXIT_USAGE;
    return rc < 0 ? CLI_EXIT_FAILED : CLI_EXIT_OK;
}

/* ---- stats -------------------------------------------------------------------------------- */

static void human(char *out, size_t cap, int64_t bytes)
{
    if (bytes >= 1 << 20)
        snprintf(out, cap, "%.1f MB", (double)bytes / (1 << 20));
    else if (bytes >= 1 << 10)
        snprintf(out, cap, "%.1f kB", (double)bytes / (1 << 10));
    else
        snprintf(out, cap, "%lld B", (long long)bytes);
}

int cmd_stats(int argc, char **argv)
{
    static const char usage[] = "usage: bantin stats [--db PATH] [--json]\n"
                                "Counts of the store: articles, captures (origins), sources,\n"
                                "date range, file and index size.\n";
    common c;
    bt_store *s;
    int status = begin(argc, argv, "j", usage, ARGS_NONE, BT_STORE_READONLY, &c, &s);
    if (status >= 0)
        return status;
    bt_store_stats st = BT_STORE_STATS_INIT;
    bt_error err;
    int rc = bt_store_stats_get(s, &st, &err);
    bt_store_close(s);
    free(c.args);
    if (rc) {
        cli_error(&err, NULL, NULL);
        return 1;
    }
    if (c.json) {
        char *json;
        if (bt_store_stats_to_json(&st, 0, &json, &err)) {
            cli_error(&err, NULL, NULL);
            return 1;
        }
        puts(json);
        free(json);
    } else {
        char fb[32], ib[32];
        human(fb, sizeof fb, st.file_bytes);
        human(ib, sizeof ib, st.index_bytes);
        printf("articles   %lld\n", (long long)st.articles);
        printf("captures   %lld\n", (long long)st.origins);
        printf("sources    %lld\n", (long long)st.sources);
        printf("images     %lld\n", (long long)st.images);
        printf("related    %lld\n", (long long)st.related);
        if (*st.first_published)
            printf("published  %s .. %s\n", st.first_published, st.last_published);
        else
            printf("published  (no dates)\n");
        if (*st.first_added)
            printf("added      %s .. %s\n", st.first_added, st.last_added);
        printf("file       %s (index %s in %lld segment%s%s)\n", fb, ib,
               (long long)st.index_segments, st.index_segments == 1 ? "" : "s",
               st.phrase_index ? ", with phrases" : "");
        if (st.index_segments > 8) /* a query looks each up: as built after many batches */
            printf("           (bantin vacuum merges the index into one: faster searches)\n");
        printf("schema     %d\n", st.schema_version);
    }
    return fflush(stdout) ? 1 : 0;
}

/* ---- rm, vacuum --------------------------------------------------------------------------- */

int cmd_rm(int argc, char **argv)
{
    static const char usage[] = "usage: bantin rm [--db PATH] [--] ID...\n"
                                "Removes stored articles with their captures and index entries,\n"
                                "and says which (id and title) on stderr. An ID may be a prefix\n"
                                "only one article has.\n";
    common c;
    bt_store *s;
    int status = begin(argc, argv, "", usage, ARGS_SOME, BT_STORE_EXISTING, &c, &s);
    if (status >= 0)
        return status;
    int failed = 0;
    for (int i = 0; i < c.nargs; i++) {
        bt_error err;
        char id[17];
        bt_article *a = NULL;
        if (bt_store_resolve_id(s, c.args[i], id, &err) || bt_store_get(s, id, &a, &err) ||
            bt_store_remove(s, id, &err)) {
            cli_error(&err, NULL, NULL);
            failed = 1;
        } else
            fprintf(stderr, "bantin: removed %s \"%s\" from %s\n", id, a->title ? a->title : "",
                    c.db);
        bt_article_free(a);
    }
    bt_store_close(s);
    free(c.args);
    return failed;
}

int cmd_vacuum(int argc, char **argv)
{
    static const char usage[] = "usage: bantin vacuum [--db PATH]\n"
                                "Merges the index and rewrites the database file compactly.\n";
    common c;
    bt_store *s;
    int status = begin(argc, argv, "", usage, ARGS_NONE, BT_STORE_EXISTING, &c, &s);
    if (status >= 0)
        return status;
    bt_store_stats before = BT_STORE_STATS_INIT, after = BT_STORE_STATS_INIT;
    bt_error err;
    int rc = bt_store_stats_get(s, &before, &err);
    if (!rc)
        rc = bt_store_vacuum(s, &err);
    if (!rc)
        rc = bt_store_stats_get(s, &after, &err);
    bt_store_close(s);
    free(c.args);
    if (rc) {
        cli_error(&err, NULL, NULL);
        return 1;
    }
    char b[32], a[32];
    human(b, sizeof b, before.file_bytes);
    human(a, sizeof a, after.file_bytes);
    fprintf(stderr, "bantin: %s: %s -> %s\n", c.db, b, a);
    return 0;
}

/* ---- index ------------------------------------------------------------------------------- */

int cmd_index(int argc, char **argv)
{
    static const char usage[] =
        "usage: bantin index [--db PATH] --phrases | --no-phrases\n"
        "Rebuilds the full-text index with (--phrases) or without (--no-phrases) the phrase\n"
        "index: syllable pairs that make \"quoted phrases\" fast on large stores, for about\n"
        "twice the index's size and build time.\n";
    int want = -1;
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    if (!rest) {
        cli_errorf("out of memory");
        return 2;
    }
    int n = 0;
    for (int i = 0; i < argc; i++) {
        if (i > 0 && !strcmp(argv[i], "--phrases"))
            want = 1;
        else if (i > 0 && !strcmp(argv[i], "--no-phrases"))
            want = 0;
        else
            rest[n++] = argv[i];
    }
    common c;
    bt_store *s;
    int status = begin(n, rest, "", usage, ARGS_NONE, BT_STORE_EXISTING, &c, &s);
    free(rest);
    if (status >= 0)
        return status;
    free(c.args);
    if (want < 0) {
        bt_store_close(s);
        cli_errorf("index: say --phrases or --no-phrases ('bantin index --help')");
        return 2;
    }
    bt_error err;
    int rc = bt_store_set_phrase_index(s, want, &err);
    bt_store_stats st = BT_STORE_STATS_INIT;
    if (!rc)
        rc = bt_store_stats_get(s, &st, &err);
    bt_store_close(s);
    if (rc) {
        cli_error(&err, NULL, NULL);
        return 1;
    }
    char ib[32];
    human(ib, sizeof ib, st.index_bytes);
    fprintf(stderr, "bantin: %s: index %s, %s phrases\n", c.db, ib, want ? "with" : "without");
    return 0;
}
