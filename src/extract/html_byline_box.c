/* html_byline_box.c: the byline line inside a byline box. A box the page marks as the
 * author's ("authors", "byline") often holds more than the byline: a brand label, the date,
 * the reading time ("capital | von Jemima Kelly | 05. November 2024 | 3 Min"). When the box's
 * whole text names nobody, the first element inside it whose text is names only and says it
 * is a byline, by its opening word or its own mark ("von Jemima Kelly"), is its byline. */
#include "extract/html_internal.h"
#include "extract/lexicon.h"

#include <stdlib.h>
#include <string.h>

#define BOX_SCAN_MAX 48 /* elements looked at inside one box: a byline box is small */
#define LINE_MAX_BYTES 120 /* a byline line: a prefix and a few names */

/* Whether element k sits among words of its parent's own text: a piece of a line, whose
 * names are not the whole byline. */
static int in_running_text(const xmlNode *k)
{
    for (const xmlNode *s = k->parent ? k->parent->children : NULL; s; s = s->next) {
        if (s->type != XML_TEXT_NODE || !s->content)
            continue;
        for (const unsigned char *p = s->content; *p; p++)
            if (*p > ' ')
                return 1;
    }
    return 0;
}

/* Whether line t[0..n) opens with a byline's word: a label word (BYLINE_LABEL) with its
 * colon, another with a space or a colon ("Von Eva Roth", "Texto: Ana Ruiz"). */
static int opens_byline(const char *t, size_t n)
{
    size_t l = bti_lex_raw_prefix(BTI_LEX_BYLINE_PREFIX, t, n, " :");
    if (!l || !bti_lex_raw_has(BTI_LEX_BYLINE_LABEL, t, l))
        return l != 0;
    while (l < n && t[l] == ' ')
        l++;
    return l < n && t[l] == ':';
}

char *bti_byline_box_line(const xmlNode *box)
{
    if (!box || !box->children)
        return NULL;
    bti_walk w;
    int descend = 0, seen = 0;
    for (const xmlNode *k = bti_walk_first(&w, box->children); k && seen < BOX_SCAN_MAX;
         k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE)
            continue;
        seen++;
        if (in_running_text(k)) /* "Redaktion: Anna Berg und <a>Jan Roth</a>": a part */
            continue;
        if (k->_private && BTI_INFO(k)->text >= LINE_MAX_BYTES) { /* the line may be deeper */
            descend = 1;
            continue;
        }
        char *t = bti_html_text(k);
        if (!t)
            return NULL;
        size_t n = strlen(t);
        /* the line says it is a byline: its opening word ("von"), or its own byline mark
         * (a section label or a headline in the box has neither) */
        int marked = opens_byline(t, n) ||
                     (k->_private && (BTI_INFO(k)->flags & BTI_NF_BYLINE));
        if (n && n < LINE_MAX_BYTES && marked && bti_byline_name_line(t, NULL, NULL))
            return t;
        free(t);
        descend = n > 0;
    }
    return NULL;
}

/* The line under the headline that opens with a byline's word ("von <a>Dr. Max Roth</a>"),
 * on a page that marks it by no class: looked for among the first elements after the first
 * <h1>, before the text begins. */
#define AFTER_HEADING_MAX 40 /* elements looked at after the headline */
#define HEADING_LEVELS 4     /* parents climbed when the headline's siblings run out */

/* Whether element k's text is a line that opens with a byline's word and names only. */
static char *prefixed_line(const xmlNode *k)
{
    if (k->_private && BTI_INFO(k)->text >= LINE_MAX_BYTES)
        return NULL;
    char *t = bti_html_text(k);
    size_t n = t ? strlen(t) : 0;
    if (n && n < LINE_MAX_BYTES && opens_byline(t, n) &&
        bti_byline_name_line(t, NULL, NULL))
        return t;
    free(t);
    return NULL;
}

static const xmlNode *first_h1(const xmlNode *root)
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, root); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE)
            continue;
        if (bti_html_is(k, "h1"))
            return k;
        descend = !(k->_private && (BTI_INFO(k)->flags & BTI_NF_SKIP));
    }
    return NULL;
}

char *bti_byline_after_heading(const xmlNode *root)
{
    const xmlNode *h = root ? first_h1(root) : NULL;
    int seen = 0;
    for (int up = 0; h && up < HEADING_LEVELS && seen < AFTER_HEADING_MAX; up++, h = h->parent) {
        if (!h->next)
            continue;
        bti_walk w;
        int descend = 0;
        for (const xmlNode *k = bti_walk_first(&w, h->next); k && seen < AFTER_HEADING_MAX;
             k = bti_walk_next(&w, descend)) {
            descend = 0;
            if (w.leaving || k->type != XML_ELEMENT_NODE)
                continue;
            if (k->_private && (BTI_INFO(k)->flags & (BTI_NF_SKIP | BTI_NF_RELATED)))
                continue;
            if (bti_html_is(k, "p") && k->_private && BTI_INFO(k)->text >= LINE_MAX_BYTES)
                return NULL; /* the text has begun */
            seen++;
            char *t = prefixed_line(k);
            if (t)
                return t;
            descend = 1;
        }
    }
    return NULL;
}
