/* cmd_text.c: `bantin fold` and `bantin decode`: the text stage on the command line. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

enum fold_mode { FOLD_KEY, FOLD_TONES, FOLD_TOKENS };

static int print_token(void *ctx, const bt_token *t)
{
    (void)ctx;
    printf("%zu\t%zu\t%.*s\t%.*s\t%s%s\n", t->start, t->end, (int)t->len, t->text,
           (int)t->accent_len, t->accent, (t->flags & BT_TOK_NUMBER) ? "number" : "word",
           (t->flags & BT_TOK_UPPER_INITIAL) ? ",upper" : "");
    return 0;
}

/* One text (argument or stdin line) in the chosen mode; 0, or 1 when out of memory. */
static int fold_one(const char *s, size_t len, enum fold_mode mode)
{
    if (mode == FOLD_TOKENS)
        return bt_tokenize(s, len, BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY, print_token, NULL) ? 1 : 0;
    char *out;
    int rc = mode == FOLD_KEY
                 ? bt_fold_dup(s, len, &out, NULL)
                 : bt_normalize(s, len, BT_NORM_TONES | BT_NORM_LOWER | BT_NORM_SPACE, &out, NULL);
    if (rc)
        return 1;
    puts(out);
    free(out);
    return 0;
}

int cmd_fold(int argc, char **argv)
{
    enum fold_mode mode = FOLD_KEY;
    const char *text = NULL;
    int only_args = 0;
    for (int i = 1; i < argc; i++) {
        if (!only_args && !strcmp(argv[i], "--"))
            only_args = 1;
        else if (only_args) {
            if (text) {
                cli_errorf("fold: one TEXT only (quote it)");
                return 2;
            }
            text = argv[i];
        } else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: bantin fold [--tones|--tokens] [--] [TEXT|-]\n"
                   "Prints the search key of TEXT (or of each line of stdin): lowercase, no\n"
                   "marks, đ -> d. --tones prints the accented key instead: lowercase, NFC,\n"
                   "tone marks in canonical place (hoà -> hòa). --tokens prints one token per\n"
                   "line: byte start, end, folded key, accented key, kind.\n");
            return 0;
        } else if (!strcmp(argv[i], "--tones"))
            mode = FOLD_TONES;
        else if (!strcmp(argv[i], "--tokens"))
            mode = FOLD_TOKENS;
        else if (!text)
            text = argv[i];
        else {
            cli_errorf("fold: one TEXT only (quote it)");
            return 2;
        }
    }
    if (text && strcmp(text, "-")) {
        if (fold_one(text, strlen(text), mode)) {
            cli_errorf("fold: out of memory");
            return 1;
        }
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
        if (fold_one(line, (size_t)n, mode)) {
            free(line);
            cli_errorf("fold: out of memory");
            return 1;
        }
    }
    free(line);
    return 0;
}

int cmd_decode(int argc, char **argv)
{
    const char *from = NULL, *file = NULL;
    unsigned flags = 0;
    int only_args = 0;
    for (int i = 1; i < argc; i++) {
        if (!only_args && !strcmp(argv[i], "--"))
            only_args = 1;
        else if (only_args) {
            if (file) {
                cli_errorf("decode: one FILE only");
                return 2;
            }
            file = argv[i];
        } else if (!strcmp(argv[i], "--from") && i + 1 < argc)
            from = argv[++i];
        else if (!strncmp(argv[i], "--from=", 7))
            from = argv[i] + 7;
        else if (!strcmp(argv[i], "--lenient"))
            flags |= BT_DECODE_LENIENT;
        else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: bantin decode [--from CHARSET] [--lenient] [--] FILE\n"
                   "Prints FILE as UTF-8 NFC. Without --from, the charset the file declares\n"
                   "(<meta charset>, XML prolog) is used unless its bytes contradict it, and\n"
                   "detected when it declares none. --lenient replaces invalid UTF-8 with U+FFFD\n"
                   "instead of failing at its byte offset.\n"
                   "Charsets: utf-8, utf-16le, utf-16be, windows-1258, viscii, tcvn3, vni, "
                   "windows-1252,\nand with --from any other the C library knows (gbk, "
                   "shift_jis, euc-kr, big5, koi8-r,\nwindows-1251, iso-8859-2...).\n");
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
        flags |= BT_DECODE_TRUST;
    }
    bt_error err;
    char *data, *out;
    size_t len, outlen;
    if (from && cs == BT_CS_UNKNOWN) {
        /* a charset of the C library's (gbk, shift_jis, koi8-r...): refused before the file
         * is read when no charset has the name */
        int rc = bt_decode_named("", 0, from, flags, &out, &outlen, &err);
        if (rc == BT_EUNSUPPORTED) {
            cli_errorf("decode: unknown charset '%s'", from);
            return 2;
        }
        if (rc) {
            cli_errorf("%s", err.msg);
            return 1;
        }
        free(out);
    }
    if (cli_read_file(file, &data, &len, &err)) {
        cli_error(&err, NULL, NULL);
        return 1;
    }
    char declared[48] = "";
    if (!from) {
        cs = bt_charset_declared(data, len); /* <meta charset>, XML prolog */
        /* a charset of the C library's declared over bytes that are not UTF-8: read in it,
         * as extract and add do; a name no charset has leaves it to detection */
        if (cs == BT_CS_UNKNOWN &&
            bt_charset_declared_name(data, len, declared, sizeof declared) &&
            !bt_utf8_valid(data, len, NULL)) {
            bt_error probe;
            char *tmp = NULL;
            size_t tl;
            if (bt_decode_named("", 0, declared, 0, &tmp, &tl, &probe) == 0)
                from = declared;
            free(tmp);
        }
    }
    bt_charset used = cs;
    int rc = from && cs == BT_CS_UNKNOWN
                 ? bt_decode_named(data, len, from, flags, &out, &outlen, &err)
                 : bt_decode(data, len, cs, flags, &out, &outlen, &used, &err);
    free(data);
    if (rc) {
        cli_errorf("%s: %s", file, err.msg);
        return 1;
    }
    fwrite(out, 1, outlen, stdout);
    free(out);
    fprintf(stderr, "bantin: %s: decoded as %s\n", file,
            from && cs == BT_CS_UNKNOWN ? from : bt_charset_name(used));
    return 0;
}
