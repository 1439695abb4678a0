/* cmd_extract.c: `bantin extract [--pretty] [--site-model FILE] FILE...`: one JSON article per
 * line per capture. Several captures given together are first read once to learn the blocks
 * their site repeats on every page (bt_site_model), then extracted with that model. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void extract_usage(FILE *out)
{
    fprintf(out,
            "usage: bantin extract [--pretty] [--site-model FILE] FILE...   ('-' reads stdin)\n"
            "Prints one JSON article (spec/article.md) per line for each capture.\n"
            "Blocks that recur across the captures given together are dropped as the\n"
            "site's furniture; --site-model loads that model from FILE, or saves the\n"
            "one learnt from this batch to FILE when it does not exist yet.\n"
            "Captures that cannot be read or hold no article are named on stderr;\n"
            "the exit status is 1 when any failed.\n");
}

/* First pass over the batch: learn its recurring blocks. Unreadable inputs are reported by
 * the extraction pass, not twice. */
static bt_site_model *learn_batch(int argc, char **argv)
{
    bt_site_model *m = bt_site_model_new();
    for (int i = 1; m && i < argc; i++) {
        if (argv[i][0] == '-' || (i > 1 && !strcmp(argv[i - 1], "--site-model")))
            continue;
        bt_error err;
        bt_reader *r;
        if (bt_reader_open(argv[i], 0, &r, &err))
            continue;
        bt_capture cap;
        int rc;
        while ((rc = bt_reader_next(r, &cap, &err)) != 0)
            if (rc > 0)
                bt_site_model_learn(m, &cap, &err);
        bt_reader_close(r);
    }
    return m;
}

int cmd_extract(int argc, char **argv)
{
    unsigned jflags = 0;
    int nfiles = 0, failed = 0;
    const char *model_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--pretty"))
            jflags |= BT_JSON_PRETTY;
        else if (!strcmp(argv[i], "--site-model") && i + 1 < argc)
            model_path = argv[++i];
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
    bt_extract_opts opts = {0, NULL};
    bt_site_model *model = NULL;
    bt_error merr;
    if (model_path && !access(model_path, F_OK)) {
        if (bt_site_model_load(model_path, &model, &merr)) {
            cli_errorf("%s", merr.msg);
            return 1;
        }
    } else if (nfiles > 1 || model_path) {
        model = learn_batch(argc, argv);
        if (model && model_path && bt_site_model_save(model, model_path, &merr))
            cli_errorf("%s", merr.msg), failed++;
    }
    opts.site = model;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) {
            i += !strcmp(argv[i], "--site-model");
            continue;
        }
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
            if (bt_extract(&cap, &opts, &a, &err)) {
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
    bt_site_model_free(model);
    if (fflush(stdout)) {
        cli_errorf("extract: cannot write output");
        return 1;
    }
    return failed ? 1 : 0;
}
