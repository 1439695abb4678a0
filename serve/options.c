/* options.c: the options of `bantin serve` (its --help), then serve_run. cli/cmd_serve.c calls
 * serve_main: the CLI includes no header of serve/, only the public API. */
#include "serve.h"
#include "bantin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define errorf(...) (fputs("bantin: ", stderr), fprintf(stderr, __VA_ARGS__), fputc('\n', stderr))

static const char usage_text[] =
    "usage: bantin serve [--db PATH] [--bind ADDR] [--port N] [--threads N] [--quiet]\n"
    "                    [--ingest-token-file FILE] [--max-body BYTES] [--idle-timeout S]\n"
    "                    [--max-per-client N] [--max-connections N] [--max-queue N]\n"
    "                    [--count-views]\n"
    "\n"
    "Serves the store (--db, else $BANTIN_DB, else ./bantin.db) over HTTP: the web page at /\n"
    "(search as you type, the article reader) and the JSON API under /api/, described by\n"
    "/api/openapi.json: /api/search?q=&limit=&offset=&sort=&since=&until=&source=,\n"
    "/api/articles/ID, /api/articles/ID/related, /api/articles/ID/duplicates,\n"
    "/api/articles/ID/story, /api/stories, /api/stories/ID,\n"
    "/api/top?days=&by=&limit=&until=, /api/stats, /api/health.\n"
    "Each request thread reads the store through its own read-only\n"
    "connection. One access log line per request goes to stderr.\n"
    "SIGINT or SIGTERM stops it after the requests in flight.\n"
    "\n"
    "  --bind ADDR        address to listen on (127.0.0.1; 0.0.0.0 opens it to the network)\n"
    "  --port N           port (8080; 0: any free port, named on the first log line)\n"
    "  --threads N        request threads (4)\n"
    "  --quiet            no access log\n"
    "  --ingest-token-file FILE   take POST /api/articles (captures or a JSONL of them, stored\n"
    "                     as `bantin add` does) from clients sending 'Authorization: Bearer\n"
    "                     TOKEN', TOKEN being FILE's one line (16 characters or more);\n"
    "                     without it the route answers 403\n"
    "  --max-body BYTES   largest POST body (8388608), larger ones get 413\n"
    "  --idle-timeout S   seconds before an idle or too slow connection is closed (10)\n"
    "  --max-per-client N connections from one address at most (256)\n"
    "  --max-connections N   connections at most (512)\n"
    "  --max-queue N      requests in flight at most (256); more are answered 429\n"
    "  --count-views      each article sent (GET /api/articles/ID: the page's reader) counts\n"
    "                     a view for /api/top and 'bantin top', written through one shared\n"
    "                     connection (the store must be writable); without it nothing is\n"
    "                     written but what POST /api/articles takes\n"
    "Exit status: 0 stopped by a signal, 1 could not start, 2 usage error.\n";

static int number(const char *opt, const char *v, unsigned long long lo, unsigned long long hi,
                  unsigned long long *out)
{
    char *end;
    unsigned long long n = strtoull(v, &end, 10);
    if (!*v || *end || *v == '-' || n < lo || n > hi) {
        errorf("serve: %s wants a number from %llu to %llu, not '%s'", opt, lo, hi, v);
        return 2;
    }
    *out = n;
    return 0;
}

int serve_main(int argc, char **argv)
{
    struct serve_opts o = SERVE_OPTS_INIT;
    const char *db = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has = i + 1 < argc;
        unsigned long long n = 0;
        int rc = 0;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage_text, stdout);
            return 0;
        } else if (!strcmp(a, "--db") && has)
            db = argv[++i];
        else if (!strcmp(a, "--bind") && has)
            o.bind = argv[++i];
        else if (!strcmp(a, "--port") && has) {
            if (!(rc = number(a, argv[++i], 0, 65535, &n)))
                o.port = (unsigned)n;
        } else if (!strcmp(a, "--threads") && has) {
            if (!(rc = number(a, argv[++i], 1, 256, &n)))
                o.threads = (unsigned)n;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q"))
            o.quiet = 1;
        else if (!strcmp(a, "--count-views"))
            o.count_views = 1;
        else if (!strcmp(a, "--ingest-token-file") && has)
            o.token_file = argv[++i];
        else if (!strcmp(a, "--max-body") && has) {
            if (!(rc = number(a, argv[++i], 1, 1ull << 30, &n)))
                o.max_body = (size_t)n;
        } else if (!strcmp(a, "--idle-timeout") && has) {
            if (!(rc = number(a, argv[++i], 1, 3600, &n)))
                o.idle_timeout = (unsigned)n;
        } else if (!strcmp(a, "--max-per-client") && has) {
            if (!(rc = number(a, argv[++i], 1, 100000, &n)))
                o.max_per_client = (unsigned)n;
        } else if (!strcmp(a, "--max-queue") && has) {
            if (!(rc = number(a, argv[++i], 1, 100000, &n)))
                o.max_queue = (unsigned)n;
        } else if (!strcmp(a, "--max-connections") && has) {
            if (!(rc = number(a, argv[++i], 1, 100000, &n)))
                o.max_connections = (unsigned)n;
        } else {
            errorf("serve: unknown option or missing value '%s' ('bantin serve --help')", a);
            return 2;
        }
        if (rc)
            return rc;
    }
    /* as every command: --db, else $BANTIN_DB, else the default */
    const char *env = getenv("BANTIN_DB");
    o.db = db ? db : env && *env ? env : BT_STORE_DEFAULT_PATH;
    return serve_run(&o);
}
