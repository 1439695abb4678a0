/* support.h: helpers the cmocka tests share: paths to the shared data and the CLI binary,
 * reading files, running the CLI with its output captured, looking into an article. */
#ifndef BT_TEST_SUPPORT_H
#define BT_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "bantin.h"

/* The shared/ folder beside the checkout ($BANTIN_SHARED, else ../shared). */
const char *test_shared_dir(void);
/* The bantin binary under test ($BANTIN_BIN, else build/asan/bantin). */
const char *test_bantin_bin(void);
/* Reads a whole file into a malloc'ed NUL-terminated buffer; NULL when unreadable. */
char *test_read_file(const char *path, size_t *len);
/* Writes `len` bytes to a fresh temporary file and returns its malloc'ed path. */
char *test_write_temp(const char *data, size_t len, const char *suffix);
/* Runs `cmd` with /bin/sh; returns its exit status and sets *out and *err (malloc'ed) to what it
 * printed on stdout/stderr (either may be NULL to discard). */
int test_run(const char *cmd, char **out, char **err);

/* Extracts the NUL-terminated capture `data` named `origin` (its extension tells text from
 * HTML); fails the test with the library's message unless an article comes out. */
bt_article *test_extract(const char *data, const char *origin);
/* 1 when a paragraph of the article's body contains `needle`. */
int test_body_has(const bt_article *a, const char *needle);
/* bt_store_add's outcome (BT_STORE_SEEN, _ADDED, _MERGED) or its negative BT_E*: one value
 * for table-like assertions. */
int test_store_add(bt_store *s, const bt_article *a, const bt_origin *o, char id[17],
                   bt_error *err);

#endif
