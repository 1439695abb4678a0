/* main.c: the bantin command line: dispatch to one command per verb. */
#include "cli.h"

#include <errno.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

/* HEAP_TOP_PAD: the heap grows, and is given back when freed at its top, keeping this much
 * beyond what is asked (glibc's M_TOP_PAD; its default is 128 KB). An add frees its batches'
 * memory before the story catch-up, which then allocates ~9 MB of tables and lists: with the
 * default, glibc had handed the freed top back to the system, and the catch-up touched its
 * memory anew, a page fault a page (~10 us each on a VM; ~1,300 of the add's ~9,300 faults on
 * 3,000 VietNews records; the catch-up's thread CPU -15%, bench/README.md "sixteenth pass").
 * A setting of the program, not of the library: the process keeps up to this much freed
 * memory mapped. */
#define HEAP_TOP_PAD (16 << 20)

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"extract", cmd_extract, "extract articles from captures, print JSONL"},
    {"add", cmd_add, "extract captures and store them in the database"},
    {"merge", cmd_merge, "merge shard stores into one, as one add of them all"},
    {"search", cmd_search, "search the stored articles"},
    {"show", cmd_show, "print one stored article"},
    {"export", cmd_export, "print stored articles as JSONL"},
    {"stats", cmd_stats, "counts of the store"},
    {"rm", cmd_rm, "remove a stored article"},
    {"dups", cmd_dups, "list groups of near-duplicate articles"},
    {"stories", cmd_stories, "list the stories the stored articles tell"},
    {"story", cmd_story, "print one story: its articles, its timeline"},
    {"connect", cmd_connect, "recompute near-duplicates and stories (--rebuild)"},
    {"related", cmd_related, "the articles most related to one (same story, names, dates)"},
    {"top", cmd_top, "the most-read articles, by views or by mentions in most-read boxes"},
    {"vacuum", cmd_vacuum, "compact the database file"},
    {"index", cmd_index, "rebuild the full-text index (with or without phrases)"},
    {"fold", cmd_fold, "print the search key of a text"},
    {"decode", cmd_decode, "decode a file of any charset to UTF-8"},
    {"serve", cmd_serve, "serve the store: web page and JSON API over HTTP"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: bantin COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'bantin COMMAND --help' tells more; 'man bantin' tells all.\n");
}

/* Output errors count, as in coreutils' close_stdout: a command's writes are buffered, so a
 * full disk or /dev/full shows only at the last flush. Returns the command's status, or
 * CLI_EXIT_OUTPUT when the output was not all written. */
static int close_stdout(int status)
{
    int had_error = ferror(stdout);
    errno = 0;
    int bad = fclose(stdout) != 0;
    if (!bad && !had_error)
        return status;
    bt_error e;
    bt_error_clear(&e);
    e.code = BT_EIO;
    snprintf(e.msg, sizeof e.msg, "write error on the output%s%s", errno ? ": " : "",
             errno ? strerror(errno) : "");
    cli_error(&e, NULL, NULL);
    return CLI_EXIT_OUTPUT;
}

static int dispatch(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *verb = argv[1];
    if (!strcmp(verb, "--help") || !strcmp(verb, "-h") || !strcmp(verb, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(verb, "--version") || !strcmp(verb, "version")) {
        printf("bantin %s\n", bt_version());
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(verb, commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    cli_errorf("'%s' is not a command; 'bantin --help' lists them", verb);
    return 2;
}

int main(int argc, char **argv)
{
#if defined(__GLIBC__)
    mallopt(M_TOP_PAD, HEAP_TOP_PAD); /* best effort: only slower without */
#endif
    return close_stdout(dispatch(argc, argv));
}
