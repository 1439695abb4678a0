/* cmd_store.c: the store commands: add, show, export, stats, rm, vacuum (issue 6). */
#include "cli.h"

static int not_built(const char *verb)
{
    cli_errorf("%s: the store is not built yet", verb);
    return 2;
}

int cmd_add(int argc, char **argv) { (void)argc; return not_built(argv[0]); }
int cmd_show(int argc, char **argv) { (void)argc; return not_built(argv[0]); }
int cmd_export(int argc, char **argv) { (void)argc; return not_built(argv[0]); }
int cmd_stats(int argc, char **argv) { (void)argc; return not_built(argv[0]); }
int cmd_rm(int argc, char **argv) { (void)argc; return not_built(argv[0]); }
int cmd_vacuum(int argc, char **argv) { (void)argc; return not_built(argv[0]); }
