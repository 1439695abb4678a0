/* collapse.h: one search result per near-duplicate group (internal to search). */
#ifndef BTI_SEARCH_COLLAPSE_H
#define BTI_SEARCH_COLLAPSE_H

#include "bantin/common.h"

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* Which of a ranked list of articles to show: keep[i] is the index (in the list) of the i-th
 * shown, copies[i] the number of other articles of its near-duplicate group. */
typedef struct bti_collapsed {
    size_t *keep, *copies;
    size_t n, cap;
} bti_collapsed;

/* Walks rowid[0..n) (articles.n, best ranked first) and keeps the first of each group
 * (*out reset first; its arrays reused). 0, BT_ENOMEM or BT_EDB. */
int bti_collapse(sqlite3 *db, const int64_t *rowid, size_t n, bti_collapsed *out,
                 bt_error *err);
void bti_collapsed_free(bti_collapsed *c);

#endif
