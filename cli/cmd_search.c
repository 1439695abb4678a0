/* cmd_search.c: `bantin search` (issue 7). */
#include "cli.h"

int cmd_search(int argc, char **argv)
{
    (void)argc;
    cli_errorf("%s: search is not built yet", argv[0]);
    return 2;
}
