/* cli.h: the bantin commands, each a thin client of include/bantin.h.
 * Each command gets argv without the program name (argv[0] is the command) and returns the
 * process exit status (man/bantin.1 has the table): */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_FAILED = 1, /* some input failed (the others were done), no match, no such id */
    CLI_EXIT_USAGE = 2,  /* a bad option, value or query: nothing was done */
    CLI_EXIT_OUTPUT = 3  /* the output could not be written (a full disk, /dev/full) */
};
#ifndef BT_CLI_H
#define BT_CLI_H

#include "bantin.h"

#include <stdio.h>

int cmd_extract(int argc, char **argv);
int cmd_fold(int argc, char **argv);
int cmd_decode(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_rm(int argc, char **argv);
int cmd_vacuum(int argc, char **argv);
int cmd_index(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_dups(int argc, char **argv);
int cmd_connect(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_story(int argc, char **argv);
int cmd_related(int argc, char **argv);
int cmd_top(int argc, char **argv);

/* Prints `e` on stderr: "bantin: MSG", or in JSON error mode one line
 * {"error":{"code","message","file","record"}} (bt_error_to_json); file/record may be NULL. */
void cli_error(const bt_error *e, const char *file, const char *record);
/* Prints a warning (an article extracted with something left out): "bantin: warning: MSG", or
 * in JSON error mode {"warning":{"code","message","file","record"}}, the error object's
 * members under another name. */
void cli_warning(const bt_error *w, const char *file, const char *record);
/* JSON error mode on or off: set by a command asked for JSON (--format json, --json). */
void cli_json_errors(int on);
/* Prints "bantin: MSG" on stderr (in JSON error mode, an object with code EINVAL: these are
 * the CLI's own messages, mostly bad options and values). */
void cli_errorf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* --format VALUE of command `cmd`: *json 1 for "json", 0 for "text"; anything else is said
 * and gives CLI_EXIT_USAGE. */
int cli_format_json(const char *cmd, const char *value, int *json);

/* The database path: `given` (--db), else $BANTIN_DB, else BT_STORE_DEFAULT_PATH. */
const char *cli_db_path(const char *given);

/* Reads the list of inputs of --files-from: `list` ("-" = stdin) has one path a line (NUL-
 * separated with `nul`, for names with newlines), empty lines skipped; calls add(ctx, path)
 * for each (the path is borrowed for the call) and stops at its first non-zero return.
 * Returns 0, add's status, or an exit status after printing why the list cannot be read. */
int cli_files_from(const char *list, int nul, int (*add)(void *ctx, const char *path),
                   void *ctx);

/* --color=WHEN of the commands that colour their output (search): auto colours only a
 * terminal and only without NO_COLOR set (non-empty); always and never override both. */
enum { CLI_COLOR_AUTO = 0, CLI_COLOR_ALWAYS = 1, CLI_COLOR_NEVER = 2 };
/* WHEN ("auto", "always", "never") into *mode; CLI_EXIT_USAGE (after saying why) else 0. */
int cli_color_parse(const char *when, int *mode);
/* Whether argv[*i] is --color=WHEN, --color WHEN (advancing *i) or the --colour spellings:
 * 1 with *mode set and *rc 0, or *rc CLI_EXIT_USAGE for a bad WHEN; 0 when it is not. */
int cli_color_option(int argc, char **argv, int *i, int *mode, int *rc);
/* Whether output on fd gets colour under `mode`. */
int cli_color_on(int mode, int fd);

/* Reads a whole file ("-" = stdin) into a malloc'ed NUL-terminated buffer. */
int cli_read_file(const char *path, char **data, size_t *len, bt_error *err);

#endif
