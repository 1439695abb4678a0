/* reading_mark.h: the reading search.c preferred for an unmarked phrase, given to the plan's
 * marks (internal to the search stage), so that a snippet marks that reading where the
 * article holds it ("vé máy bay" for `ve may bay`, not every "về" and "bay"), as it would
 * had it been typed with those marks (snippet.h). */
#ifndef BTI_SEARCH_READING_MARK_H
#define BTI_SEARCH_READING_MARK_H

#include "search/query.h"

/* Gives the syllables of `reading` (accented keys, space-separated, one per syllable of the
 * plan's whole phrase p->pkeys) to the plan's marks of the query's words, in order, as their
 * exact forms (one without marks too: "la" of "La Mã" is not "là"). Nothing changes when the
 * reading does not fit the marks. 0, or BT_ENOMEM. */
int bti_reading_mark(bti_qplan *p, const char *reading);

#endif
