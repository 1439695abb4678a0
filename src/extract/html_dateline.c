/* html_dateline.c: the visible dateline of a page without a machine-readable date
 * ("Thứ Hai, 12/09/2022 15:40 (GMT+7)" in a div.detail-time). Looks at short elements whose
 * class/id names a date or whose text opens with a dateline's word, in document order, outside furniture (comments and related boxes
 * carry dates of their own), and reads them with the date finder of core/date.h. */
#include "core/date.h"
#include "extract/html_internal.h"
#include "extract/lexicon.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* class/id words of date holders; "meta" is WordPress's entry-meta / post-meta line */
int bti_html_date_holder(const xmlNode *n)
{
    if (bti_html_is(n, "time"))
        return 1;
    static const char *const words[] = {"date", "time", "publish", "meta", "ngay", "posted"};
    const char *parts[2] = {bti_html_peek(n, "class"), bti_html_peek(n, "id")};
    for (int k = 0; k < 2; k++) {
        if (!parts[k])
            continue;
        /* any word at any position; a first-letter test spares most strncasecmp calls */
        for (const char *p = parts[k]; *p; p++) {
            char c = (char)(*p | 0x20);
            if (c != 'd' && c != 't' && c != 'p' && c != 'm' && c != 'n')
                continue;
            for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
                if (words[i][0] == c && strncasecmp(p, words[i], strlen(words[i])) == 0)
                    return 1;
        }
    }
    return 0;
}

/* DATELINE_WORD: whether element k's own text opens with a word that announces a time
 * ("Updated: Dec 15, 2016 2:57 PM UTC", "Published", "Cập nhật"): a date holder whatever its
 * class says (a build tool's class, "MblGHNMJ", names nothing). Its first text is read in
 * place: most elements hold none. */
static int opens_dateline(const xmlNode *k)
{
    const xmlNode *c = k->children;
    if (!c || c->type != XML_TEXT_NODE || !c->content)
        return 0;
    const char *t = (const char *)c->content;
    while (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r')
        t++;
    return bti_lex_raw_prefix(BTI_LEX_DATELINE_WORD, t, strlen(t), " :") != 0;
}

typedef struct where {
    int vi;
    const char *lang, *host;
} where;

static int find(const xmlNode *n, const where *at, char out[64])
{
    bti_walk w;
    int descend = 0;
    for (const xmlNode *k = bti_walk_first(&w, n); k; k = bti_walk_next(&w, descend)) {
        descend = 0;
        if (w.leaving || k->type != XML_ELEMENT_NODE || !k->_private)
            continue;
        const bti_node_info *in = BTI_INFO(k);
        if (in->flags & (BTI_NF_SKIP | BTI_NF_RELATED | BTI_NF_CAPTION))
            continue;
        if ((in->flags & BTI_NF_NEGATIVE) && !(in->hints & BTI_H_POS))
            continue;
        if (in->text && in->text < 160 && (bti_html_date_holder(k) || opens_dateline(k))) {
            char *t = bti_html_text(k);
            bti_date d;
            /* a day without its time is too weak: lists of other stories print those */
            int off = 7 * 60;
            if (t && bti_date_find(t, strlen(t), &d) && d.has_time &&
                (d.has_offset || at->vi ||
                 bti_zone_offset(at->lang, at->host, d.year, d.month, d.day, d.hour, d.minute, &off))) {
                char buf[64];
                size_t l = bti_date_format(&d, off, buf, sizeof buf);
                free(t);
                if (l && l < 64) {
                    memcpy(out, buf, l + 1);
                    return 1;
                }
                continue;
            }
            free(t);
        }
        descend = 1;
    }
    return 0;
}

int bti_html_visible_date(const bti_html_ctx *ctx, const char *lang, const char *host, char out[64])
{
    xmlNodePtr root = xmlDocGetRootElement(ctx->doc);
    where at = {ctx->lang_vi, lang, host};
    return root ? find(root, &at, out) : 0;
}
