/* reading.h: the marked readings of a phrase typed without marks, as articles write it
 * (internal to the search stage). `la ma` folds from "La Mã", "là ma" and "lạ mà"; the
 * articles holding the folded phrase say which readings the collection uses, and how often:
 * search.c ranks those with the reading most of them hold first. */
#ifndef BTI_SEARCH_READING_H
#define BTI_SEARCH_READING_H

#include <stddef.h>

/* The distinct readings found so far: each the accented keys (lowercase, tone-canonical) of
 * the phrase's syllables, space-separated, with how often it occurs; and the accented forms
 * of every token whose folded key is one of the phrase's, with how often each occurs (how
 * much of a syllable's use a reading takes: "là" is everywhere, "là ma" a sliver of it; "mã"
 * beside "La" is most of "mã"). */
typedef struct bti_readings {
    size_t n;
    char **v;
    size_t *occ;
    size_t n_form;
    char **form;
    size_t *form_occ;
} bti_readings;

/* Adds to `r` the readings of the phrase of folded keys keys[0..n_keys) that `text` holds
 * (its syllables side by side). 0, or BT_ENOMEM. */
int bti_readings_add(const char *text, size_t len, char *const *keys, size_t n_keys,
                     bti_readings *r);
/* 1 when `r` holds `reading`. */
int bti_readings_has(const bti_readings *r, const char *reading);
/* Adds the readings, forms and counts of `from` to `to`. 0, or BT_ENOMEM. */
int bti_readings_merge(bti_readings *to, const bti_readings *from);
/* How cohesive reading i of `r` is: its occurrences over those of its most used syllable
 * form (1: its syllables occur only together, as the syllables of a word do). */
double bti_readings_cohesion(const bti_readings *r, size_t i);
void bti_readings_free(bti_readings *r);

#endif
