/* cmd_merge.c: `bantin merge OUT.db SHARD.db...`: the stores of a sharded job folded into one,
 * with the duplicate rules of `bantin add` (bt_ingest_merge). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: bantin merge [--json] OUT.db SHARD.db...\n"
    "Merges shard stores (one per shard of a distributed job, e.g. python3 -m bantin.dask\n"
    "--format db) into OUT.db (created when needed), shard by shard in the order given, with\n"
    "the exact-duplicate rules of bantin add: the result holds the articles and captures that\n"
    "one bantin add of every shard's inputs would have stored. A shard that cannot be read is\n"
    "reported and skipped. --json prints the summary as bantin add --json does.\n"
    "Exit status: 0 all merged, 1 a shard or OUT.db failed, 2 usage error.\n";

int cmd_merge(int argc, char **argv)
{
    int json = 0, first = 1;
    for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
        if (!strcmp(argv[first], "--json"))
            json = 1;
        else if (!strcmp(argv[first], "--help") || !strcmp(argv[first], "-h")) {
            fputs(usage_text, stdout);
            return 0;
        } else if (!strcmp(argv[first], "--")) {
            first++;
            break;
        } else {
            cli_errorf("merge: unknown option '%s' ('bantin merge --help')", argv[first]);
            return 2;
        }
    }
    if (argc - first < 2) {
        fputs(usage_text, stderr);
        return 2;
    }
    const char *out = argv[first];
    bt_error err;
    bt_store *dst;
    if (bt_store_open(out, 0, &dst, &err)) {
        cli_errorf("%s", err.msg);
        return 1;
    }
    bt_ingest_stats t = BT_INGEST_STATS_INIT, one = BT_INGEST_STATS_INIT;
    int status = 0;
    for (int i = first + 1; i < argc; i++) {
        int rc = bt_ingest_merge(dst, argv[i], &one, &err);
        t.inputs++;
        t.inputs_done += one.inputs_done;
        t.captures += one.captures;
        t.added += one.added;
        t.merged += one.merged;
        t.seen += one.seen;
        t.failed += one.failed + (rc ? 1 : 0);
        t.seconds += one.seconds;
        if (rc) { /* reported, and on to the next shard: a broken OUT.db fails them all */
            cli_errorf("merge: %s", err.msg);
            status = 1;
        }
    }
    bt_store_close(dst);
    if (json) {
        char *s = NULL;
        if (bt_ingest_stats_to_json(&t, out, &s, &err)) {
            cli_errorf("%s", err.msg);
            return 1;
        }
        printf("%s\n", s);
        free(s);
    } else
        fprintf(stderr,
                "bantin: merged %zu of %zu shards into %s: %zu articles added (%zu more "
                "captures of stored articles, %zu already stored, %zu failed) in %.1fs\n",
                t.inputs_done, t.inputs, out, t.added, t.merged, t.seen, t.failed, t.seconds);
    return status;
}
