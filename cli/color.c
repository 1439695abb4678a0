/* color.c: whether a command's output gets ANSI colour (bold, dim): --color=auto|always|never
 * and NO_COLOR (https://no-color.org). Only the terminal the output goes to decides "auto": a
 * pipe or a file gets the plain text scripts expect. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cli_color_parse(const char *when, int *mode)
{
    if (!strcmp(when, "auto"))
        *mode = CLI_COLOR_AUTO;
    else if (!strcmp(when, "always"))
        *mode = CLI_COLOR_ALWAYS;
    else if (!strcmp(when, "never"))
        *mode = CLI_COLOR_NEVER;
    else {
        cli_errorf("--color is auto, always or never, not '%s'", when);
        return CLI_EXIT_USAGE;
    }
    return 0;
}

int cli_color_option(int argc, char **argv, int *i, int *mode, int *rc)
{
    const char *a = argv[*i];
    if (!strncmp(a, "--color=", 8) || !strncmp(a, "--colour=", 9)) {
        *rc = cli_color_parse(strchr(a, '=') + 1, mode);
        return 1;
    }
    if (strcmp(a, "--color") && strcmp(a, "--colour"))
        return 0;
    if (*i + 1 >= argc) {
        cli_errorf("%s wants auto, always or never", a);
        *rc = CLI_EXIT_USAGE;
        return 1;
    }
    *rc = cli_color_parse(argv[++*i], mode);
    return 1;
}

int cli_color_on(int mode, int fd)
{
    if (mode != CLI_COLOR_AUTO)
        return mode == CLI_COLOR_ALWAYS;
    /* NO_COLOR counts when set and not empty, whatever its value; an explicit --color=always
     * still wins, as no-color.org asks of per-run options */
    const char *no = getenv("NO_COLOR");
    if (no && *no)
        return 0;
    return isatty(fd);
}
