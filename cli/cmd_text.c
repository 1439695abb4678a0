/* cmd_text.c: `bantin fold` and `bantin decode`: the text stage on the command line. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

int cmd_fold(int argc, char **argv)
{
    if (argc > 2 || (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))) {
        fprintf(argc > 2 ? stderr : stdout,
                "usage: bantin fold [TEXT|-]\nPrints the search key of TEXT (or of each line "
                "of stdin): lowercase, no marks, đ -> d.\n");
        return argc > 2 ? 2 : 0;
    }
    if (argc == 2 && strcmp(argv[1], "-")) {
        char *key = bt_fold_dup(argv[1], strlen(argv[1]), NULL);
        if (!key) {
            cli_errorf("fold: out of memory");
            return 1;
        }
        puts(key);
        free(key);
        return 0;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) > 0) {
        if (line[n - 1] == '\n')
            n--;
        if (n > 0 && line[n - 1] == '\r')
            n--;
        char *key = bt_fold_dup(line, (size_t)n, NULL);
        if (!key) {
            free(line);
            cli_errorf("fold: out of memory");
            return 1;
        }
        puts(key);
        free(key);
    }
    free(line);
    return 0;
}

int cmd_decode(int argc, char **argv)
{
    const char *from = NULL, *file = NULL;
    unsigned flags = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--from") && i + 1 < argc)
            from = argv[++i];
        else if (!strncmp(argv[i], "--from=", 7))
            from = argv[i] + 7;
        else if (!strcmp(argv[i], "--lenient"))
            flags |= BT_DECODE_LENIENT;
        else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: bantin decode [--from CHARSET] [--lenient] FILE\n"
                   "Prints FILE as UTF-8 NFC. Without --from, the charset the file declares\n"
                   "(<meta charset>, XML prolog) is used unless its bytes contradict it, and\n"
                   "detected when it declares none. --lenient replaces invalid UTF-8 with U+FFFD\n"
                   "instead of failing at its byte offset.\n"
                   "Charsets: utf-8, utf-16le, utf-16be, windows-1258, viscii, tcvn3, vni, "
                   "windows-1252.\n");
            return 0;
        } else if (!file)
            file = argv[i];
        else {
            cli_errorf("decode: one FILE only");
            return 2;
        }
    }
    if (!file) {
        cli_errorf("decode: usage: bantin decode [--from CHARSET] FILE");
        return 2;
    }
    bt_charset cs = BT_CS_UNKNOWN;
    if (from) {
        cs = bt_charset_from_name(from);
        if (cs == BT_CS_UNKNOWN) {
            cli_errorf("decode: unknown charset '%s'", from);
            return 2;
        }
        flags |= BT_DECODE_TRUST;
    }
    bt_error err;
    char *data, *out;
    size_t len, outlen;
    if (cli_read_file(file, &data, &len, &err)) {
        cli_errorf("%s", err.msg);
        return 1;
    }
    if (cs == BT_CS_UNKNOWN)
        cs = bt_charset_declared(data, len); /* <meta charset>, XML prolog */
    bt_charset used;
    int rc = bt_decode(data, len, cs, flags, &out, &outlen, &used, &err);
    free(data);
    if (rc) {
        cli_errorf("%s: %s", file, err.msg);
        return 1;
    }
    fwrite(out, 1, outlen, stdout);
    free(out);
    fprintf(stderr, "bantin: %s: decoded as %s\n", file, bt_charset_name(used));
    return 0;
}
