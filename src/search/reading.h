/* reading.h: the marked readings of a phrase typed without marks, as articles write it
 * (internal to the search stage). `la ma` folds from "La Mã", "là ma" and "lạ mà"; the
 * articles holding the folded phrase say which readings the collection uses, and how often:
 * search.c ranks those with the reading most of them hold first. */
#ifndef BTI_SEARCH_READING_H
#define BTI_SEARCH_READING_H

#include <stddef.h>

/* The distinct readings found so far: each the accented keys (lowercase, tone-canonical) of
 * the phrase's syllables, space-separated. */
typedef struct bti_readings {
    size_t n;
    char **v;
} bti_readings;

/* Adds to `r` the readings of the phrase of folded keys keys[0..n_keys) that `text` holds
 * (its syllables side by side). 0, or BT_ENOMEM. */
int bti_readings_add(const char *text, size_t len, char *const *keys, size_t n_keys,
                     bti_readings *r);
/* 1 when `r` holds `reading`. */
int bti_readings_has(const bti_readings *r, const char *reading);
void bti_readings_free(bti_readings *r);

#endif
