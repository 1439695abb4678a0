/* cmd_extract.c: `bantin extract [--pretty] FILE...`: one JSON article per line per capture. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void extract_usage(FILE *out)
{
    fprintf(out,
            "usage: bantin extract [--pretty] FILE...   ('-' reads stdin)\n"
            "Prints one JSON article (spec/article.md) per line for each capture.\n"
            "Captures that cannot be read or hold no article are named on stderr;\n"
            "the exit status is 1 when any failed.\n");
}

int cmd_extract(int argc, char **argv)
{
    unsigned jflags = 0;
    int nfiles = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--pretty"))
            jflags |= BT_JSON_PRETTY;
        else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            extract_usage(stdout);
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_errorf("extract: unknown option '%s'", argv[i]);
            extract_usage(stderr);
            return 2;
        } else
            nfiles++;
    }
    if (!nfiles) {
        extract_usage(stderr);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1])
            continue;
        bt_error err;
        bt_reader *r;
        if (bt_reader_open(argv[i], 0, &r, &err)) {
            cli_errorf("%s", err.msg);
            failed++;
            continue;
        }
        bt_capture cap;
        int rc;
        while ((rc = bt_reader_next(r, &cap, &err)) != 0) {
            if (rc < 0) {
                cli_errorf("%s", err.msg);
                failed++;
                continue;
            }
            bt_article *a;
            if (bt_extract(&cap, NULL, &a, &err)) {
                cli_errorf("%s", err.msg);
                failed++;
                continue;
            }
            char *json = bt_article_to_json(a, jflags, &err);
            if (json) {
                puts(json);
                free(json);
            } else {
                cli_errorf("%s", err.msg);
                failed++;
            }
            bt_article_free(a);
        }
        bt_reader_close(r);
    }
    if (fflush(stdout)) {
        cli_errorf("extract: cannot write output");
        return 1;
    }
    return failed ? 1 : 0;
}
