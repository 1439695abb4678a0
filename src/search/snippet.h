/* snippet.h: the passage of an article shown with a search hit, with the query's words
 * marked (internal to the search stage).
 *
 * The columns are tokenized with bt_tokenize as the index was, and each word or phrase of
 * the query (bti_qplan.mark) is found by its folded keys, syllable by syllable, so what is
 * marked is what matched: `dam phan` marks "đàm phán" and "Đàm Phán". An article that holds
 * every word typed with marks in that exact form has only those forms marked (`bán` marks
 * "bán", not "bạn"). The passage is `width` tokens of the first column with a match (in the
 * order given: body, lede, captions, title), where the most distinct words of the query
 * stand together, starting a few tokens before the first of them; "…" where it cuts the
 * text. */
#ifndef BTI_SEARCH_SNIPPET_H
#define BTI_SEARCH_SNIPPET_H

#include "search/query.h"

#include <stdint.h>

#define BTI_SNIPPET_COLUMNS 4

/* Makes the passage from text[0..3] (any may be NULL). On success *out is a new string
 * (owned by the caller) with each mark between the bytes 0x02 and 0x03; BT_ENOMEM else. */
int bti_snippet(const bti_qplan *p, const char *const text[BTI_SNIPPET_COLUMNS], size_t width,
               char **out);

/* The words of the query typed with marks (bti_qmark.term, bit per word) that occur in their
 * exact form in one of text[0..n-1]: the accent-exact boost of a large result, worked out
 * from the title and lede of its best articles (search.c). Out of memory: fewer bits. */
uint64_t bti_marks_exact(const bti_qplan *p, const char *const *text, size_t n);

/* 1 when one of text[0..n-1] holds the plan's whole phrase (pkeys) side by side with the
 * syllables typed with marks in that form (pexact), 0 when none does, BT_ENOMEM. */
int bti_phrase_exact_in(const bti_qplan *p, const char *const *text, size_t n);

/* 1 when one of text[0..n-1] holds one of the marks m[0..n_m-1] with its syllables typed
 * with marks in that form, 0 when none does, BT_ENOMEM. */
int bti_marks_any_in(const bti_qmark *m, size_t n_m, const char *const *text, size_t n);

#endif
