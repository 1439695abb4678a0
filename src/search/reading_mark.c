/* reading_mark.c: the preferred reading of an unmarked phrase as the exact forms of the
 * plan's marks (reading_mark.h). */
#include "search/reading_mark.h"

#include <stdlib.h>
#include <string.h>

int bti_reading_mark(bti_qplan *p, const char *reading)
{
    const char *syl[BTI_PHRASE_TIER_MAX];
    size_t len[BTI_PHRASE_TIER_MAX], n = 0, need = 0;
    for (const char *s = reading; *s && n < BTI_PHRASE_TIER_MAX;) {
        const char *e = strchr(s, ' ');
        len[n] = e ? (size_t)(e - s) : strlen(s);
        syl[n++] = s;
        s += len[n - 1] + (e != NULL);
    }
    for (size_t m = 0; m < p->n_mark; m++)
        if (p->mark[m].term >= 0)
            need += p->mark[m].n_tok;
    if (need != n || n != p->n_pkeys)
        return 0; /* not this plan's phrase */
    size_t at = 0;
    for (size_t m = 0; m < p->n_mark; m++) {
        bti_qmark *mk = &p->mark[m];
        if (mk->term < 0)
            continue;
        for (size_t j = 0; j < mk->n_tok; j++, at++) {
            char *x = strndup(syl[at], len[at]);
            if (!x)
                return BT_ENOMEM;
            free(mk->exact[j]);
            mk->exact[j] = x;
        }
        mk->has_exact = !mk->prefix;
    }
    return 0;
}
