/* cmd_serve.c: `bantin serve`: the HTTP server of serve/ (its options are parsed there). */
#include "cli.h"

/* serve/options.c; declared here so that the CLI includes no header but the public API's */
int serve_main(int argc, char **argv);

int cmd_serve(int argc, char **argv)
{
    return serve_main(argc, argv);
}
