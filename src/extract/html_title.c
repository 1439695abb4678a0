/* html_title.c: the headline chosen among the page's own statements of it (JSON-LD headline,
 * og:title, itemprop headline, twitter:title, <meta name=title>, <title>, the first <h1>) by
 * agreement between them. Publishers write an editorial headline into the article's JSON-LD
 * and an SEO or social variant into og:title and <title>; the JSON-LD one comes first unless
 * it is a description of the page or a cut-off copy of another. Three named passes follow:
 *   SUFFIX_CONFIRMED  a short unnamed tail (" – das erwarten wir", " | Politik") is cut only
 *                     when no other source carries the headline with it: a tail the sources
 *                     repeat is part of the headline; after a dash in a headline field
 *                     (JSON-LD, og, twitter, itemprop) it is cut only when another source
 *                     gives the headline without it (a site's name is cut anyway);
 *   KICKER            a kicker or section glued before the headline ("Neue Leipziger Schule:
 *                     Judy Lybke ...") goes when more metadata sources give the headline
 *                     without it than sources give it with it;
 *   UNESCAPE          JSON-LD strings written with HTML entities ("K&uuml;hlt&uuml;rme") are
 *                     decoded (JSON has its own escapes; an entity in it is the CMS's slip);
 *   SHOWN_HEADLINE    the headline the page shows (its <h1>, else the heading of the
 *                     article's header when the <h1> is a breadcrumb's) decides between
 *                     metadata titles that disagree. When the heading sets a kicker apart in
 *                     its own element (<span class=kicker>K</span><span>H</span>), the
 *                     metadata title that is H alone wins, else the one that is K and H (in
 *                     the "K: H" form when one writes it so); a choice "X: H" whose head X is
 *                     not the shown kicker gives H (X is the metadata's own kicker). A heading
 *                     without a kicker wins only when the page marks it as its schema headline
 *                     (itemprop) and og:title says the same: the JSON-LD or <title> a CMS
 *                     fills for search engines then says otherwise. */
#include "extract/html_internal.h"
#include "text/alloc.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* A kicker's headline must be a headline, not a word or two that happen to end the title */
#define KICKER_MIN_WORDS 3
/* ... and the kicker itself is short: a long head is part of the headline */
#define KICKER_MAX_WORDS 6
/* the bytes of "…", which ends a headline cut off to fit a field */
#define ELLIPSIS_BYTES 3 /* "…" in UTF-8 */

static const char *const KICKER_SEPS[] = {": ", " - ", " – ", " — ", " | ", "：", ": - "};
/* the separator a kicker line is written with when it joins its headline ("Dachzeile: ...") */
#define KICKER_COLON ": "
/* a heading's part with no ASCII letter or digit and at most this many bytes is a separator
 * between kicker and headline (":" or "–" set between two spans), not a part */
#define SEPARATOR_MAX_BYTES 3
/* how far a heading's lone wrapper elements (<a>, <span>) are followed down to its parts */
#define HEADING_WRAP_DEPTH 3

static void put_utf8(char *o, size_t *k, unsigned long c)
{
    if (c < 0x80) {
        o[(*k)++] = (char)c;
    } else if (c < 0x800) {
        o[(*k)++] = (char)(0xC0 | (c >> 6));
        o[(*k)++] = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        o[(*k)++] = (char)(0xE0 | (c >> 12));
        o[(*k)++] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[(*k)++] = (char)(0x80 | (c & 0x3F));
    } else {
        o[(*k)++] = (char)(0xF0 | (c >> 18));
        o[(*k)++] = (char)(0x80 | ((c >> 12) & 0x3F));
        o[(*k)++] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[(*k)++] = (char)(0x80 | (c & 0x3F));
    }
}

/* One character reference at s ("&uuml;", "&#8217;", "&#x2019;"): its code point and length,
 * or 0 when s holds none. */
static size_t entity_at(const char *s, unsigned long *cp)
{
    size_t n = 1;
    if (s[1] == '#') {
        int hex = s[2] == 'x' || s[2] == 'X';
        char *end;
        unsigned long v = strtoul(s + 2 + hex, &end, hex ? 16 : 10);
        if (end == s + 2 + hex || *end != ';' || v == 0 || v > 0x10FFFF ||
            (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = v;
        return (size_t)(end - s) + 1;
    }
    char name[16];
    while (n < sizeof name && ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
                               (s[n] >= '0' && s[n] <= '9')))
        n++;
    if (n == 1 || n >= sizeof name || s[n] != ';')
        return 0;
    memcpy(name, s + 1, n - 1);
    name[n - 1] = '\0';
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
    if (!e)
        return 0;
    *cp = e->value;
    return n + 1;
}

char *bti_html_unescape_raw(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    /* a reference is never shorter than its UTF-8 (at most 4 bytes for "&#N;"-long forms) */
    char *o = malloc(n + 4);
    if (!o)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned long cp;
        size_t l = s[i] == '&' ? entity_at(s + i, &cp) : 0;
        if (l) {
            put_utf8(o, &k, cp);
            i += l;
        } else {
            o[k++] = s[i++];
        }
    }
    o[k] = '\0';
    return o;
}

char *bti_html_unescape(const char *s)
{
    char *o = bti_html_unescape_raw(s);
    if (!o)
        return NULL;
    char *c = bti_html_clean(o, strlen(o));
    free(o);
    return c;
}

/* Whether a JSON-LD headline describes the page rather than heads it: Wikipedia writes
 * "constitutional monarchy in Oceania" there; a headline starts with a capital, a digit or
 * a quotation mark, or is written in a script without case. */
static int reads_as_description(const char *s)
{
    return s && *s >= 'a' && *s <= 'z';
}

/* Whether `cut` ends in an ellipsis and `full` starts with what precedes it. */
static int cut_copy_of(const char *cut, const char *full)
{
    size_t n = strlen(cut);
    size_t body = 0;
    if (n > ELLIPSIS_BYTES && !strcmp(cut + n - ELLIPSIS_BYTES, "\xE2\x80\xA6"))
        body = n - ELLIPSIS_BYTES;
    else if (n > 3 && !strcmp(cut + n - 3, "..."))
        body = n - 3;
    while (body && cut[body - 1] == ' ')
        body--;
    return body && strlen(full) > body && !strncmp(cut, full, body);
}

/* Where the headline after a kicker starts in t (past "Kicker: "), or NULL. */
static const char *after_kicker(const char *t, const char *sep)
{
    const char *p = strstr(t, sep);
    if (!p || p == t || bti_html_count_words(t, (size_t)(p - t)) > KICKER_MAX_WORDS)
        return NULL;
    const char *rest = p + strlen(sep);
    return bti_html_count_words(rest, strlen(rest)) >= KICKER_MIN_WORDS ? rest : NULL;
}

/* KICKER: the headline without its kicker when more of the other sources give it bare than
 * give it with the kicker, one of them metadata (a site that sets its kicker apart above the
 * <h1> has the kicker in its metadata, so the <h1> alone does not confirm the bare form). malloc'ed, or NULL to keep t. */
static char *drop_kicker(const char *t, const char *const *others, const int *is_h1, size_t n)
{
    size_t with = 0;
    for (size_t i = 0; i < n; i++)
        with += bti_html_same_text(t, others[i]);
    for (size_t s = 0; s < sizeof KICKER_SEPS / sizeof KICKER_SEPS[0]; s++) {
        const char *rest = after_kicker(t, KICKER_SEPS[s]);
        if (!rest)
            continue;
        size_t without = 0, meta = 0;
        for (size_t i = 0; i < n; i++)
            if (bti_html_same_text(rest, others[i])) {
                without++;
                meta += !is_h1[i];
            }
        if (without > with && meta)
            return strdup(rest);
    }
    return NULL;
}

/* Whether `cut` is `full` cut before a dash (" - ", " – ", " — "). */
static int dash_cut(const char *full, const char *cut)
{
    static const char *const dashes[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
    size_t n = strlen(cut);
    if (strncmp(full, cut, n))
        return 0;
    for (size_t i = 0; i < sizeof dashes / sizeof dashes[0]; i++)
        if (!strncmp(full + n, dashes[i], strlen(dashes[i])))
            return 1;
    return 0;
}

/* The next letter, digit or mark of folded UTF-8 text at *p (punctuation, symbols and spaces
 * passed over), or -1 at its end. */
static utf8proc_int32_t next_letter(const utf8proc_uint8_t **p, const utf8proc_uint8_t *end)
{
    while (*p < end) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n = utf8proc_iterate(*p, end - *p, &c);
        if (n <= 0) {
            (*p)++;
            continue;
        }
        *p += n;
        switch (utf8proc_category(c)) {
        case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
        case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
            return c;
        default:
            break;
        }
    }
    return -1;
}

/* Whether a and b say the same words: folded, their letters and digits alike, whatever the
 * quotes, dashes and spaces between ("Editor's Letter:" is "Editor’s Letter"). */
static int same_words(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    size_t na, nb;
    char *fa = bti_fold_dup(a, strlen(a), &na), *fb = bti_fold_dup(b, strlen(b), &nb);
    int same = fa && fb;
    const utf8proc_uint8_t *pa = (const utf8proc_uint8_t *)fa, *pb = (const utf8proc_uint8_t *)fb;
    const utf8proc_uint8_t *ea = pa + (same ? na : 0), *eb = pb + (same ? nb : 0);
    int any = 0;
    while (same) {
        utf8proc_int32_t ca = next_letter(&pa, ea), cb = next_letter(&pb, eb);
        same = ca == cb;
        if (ca < 0)
            break;
        any = 1;
    }
    free(fa);
    free(fb);
    return same && any;
}

/* Whether a heading part is a separator only (":", " – "). */
static int separator_only(const char *t)
{
    size_t n = strlen(t);
    if (n > SEPARATOR_MAX_BYTES)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') ||
            (t[i] >= '0' && t[i] <= '9'))
            return 0;
    return 1;
}

int bti_title_heading_parts(const xmlNode *h, char **kicker, char **head)
{
    *kicker = *head = NULL;
    char *part[2] = {NULL, NULL};
    for (int wrap = 0; h && wrap <= HEADING_WRAP_DEPTH; wrap++) {
        size_t np = 0;
        const xmlNode *only = NULL;
        int bare = 0, more = 0;
        for (const xmlNode *c = h->children; c && !bare && !more; c = c->next) {
            if (c->type == XML_TEXT_NODE) {
                for (const xmlChar *p = c->content; p && *p && !bare; p++)
                    bare = *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r';
                continue;
            }
            if (c->type != XML_ELEMENT_NODE || !c->_private || (BTI_INFO(c)->flags & BTI_NF_SKIP))
                continue;
            char *t = bti_html_text(c);
            if (!t || !*t || separator_only(t)) {
                free(t);
                continue;
            }
            if (np == 2) {
                free(t);
                more = 1;
                continue;
            }
            only = c;
            part[np++] = t;
        }
        if (!bare && !more && np == 2 &&
            bti_html_count_words(part[0], strlen(part[0])) <= KICKER_MAX_WORDS &&
            bti_html_count_words(part[1], strlen(part[1])) >= KICKER_MIN_WORDS) {
            *kicker = part[0];
            *head = part[1];
            return 1;
        }
        free(part[0]);
        free(part[1]);
        part[0] = part[1] = NULL;
        /* a lone wrapper (<a><span>K</span><span>H</span></a>): its parts are the heading's */
        h = !bare && !more && np == 1 ? only : NULL;
    }
    return 0;
}

enum { SRC_LD, SRC_OG, SRC_ITEMPROP, SRC_TW, SRC_META, SRC_DOC, SRC_H1, N_SRC };

/* Whether t opens with `kicker` and KICKER_COLON ("Harbour fire: ..."). */
static int written_with_colon(const char *t, const char *kicker)
{
    const char *c = strstr(t, KICKER_COLON);
    if (!c)
        return 0;
    char *head = strndup(t, (size_t)(c - t));
    int same = head && same_words(head, kicker);
    free(head);
    return same;
}

/* The metadata title (JSON-LD, og, twitter, <meta name=title>, <title>) that is the text
 * `want`, written as its source writes it (a site's tail cut), malloc'ed; a title that joins
 * a kicker with KICKER_COLON first when `kicker` is given; NULL when none. */
static char *metadata_saying(const char *want, const char *kicker, char *const *named,
                             const char *site, const char *host)
{
    static const int order[] = {SRC_OG, SRC_TW, SRC_LD, SRC_META, SRC_DOC};
    char *found = NULL;
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        const char *t = named[order[k]];
        if (!t)
            continue;
        char *c = NULL;
        if (!same_words(t, want)) {
            /* a site's tail cut; a head cut as a site's name may be the kicker itself */
            c = bti_html_strip_site(t, site, host);
            if (!c || strncmp(c, t, strlen(c)) || !same_words(c, want)) {
                free(c);
                continue;
            }
        }
        if (!c && !(c = strdup(t)))
            break;
        if (!kicker) {
            free(found);
            return c;
        }
        if (written_with_colon(c, kicker)) {
            free(found);
            return c;
        }
        if (!found)
            found = c;
        else
            free(c);
    }
    return found;
}

/* SHOWN_HEADLINE (see the top): the headline to put in place of `title`, malloc'ed, or NULL
 * to keep it. */
static char *shown_headline(const char *title, const bti_title_sources *src, char *const *named,
                            const char *site, const char *host)
{
    const char *k = src->shown_kicker, *h = src->shown_head;
    if (k && h) {
        if (same_words(title, h))
            return NULL;
        char *m = metadata_saying(h, NULL, named, site, host);
        if (m)
            return m;
        size_t kl = strlen(k), hl = strlen(h);
        char *both = malloc(kl + hl + 2);
        if (!both)
            return NULL;
        memcpy(both, k, kl);
        both[kl] = ' ';
        memcpy(both + kl + 1, h, hl + 1);
        if (!same_words(title, both) || !written_with_colon(title, k))
            m = metadata_saying(both, k, named, site, host);
        free(both);
        if (m && !strcmp(m, title)) {
            free(m);
            return NULL;
        }
        if (m)
            return m;
        /* "X: H" where the page shows kicker K over H: X is the metadata's own kicker */
        for (size_t s = 0; s < sizeof KICKER_SEPS / sizeof KICKER_SEPS[0]; s++) {
            const char *rest = after_kicker(title, KICKER_SEPS[s]);
            if (rest && same_words(rest, h)) {
                size_t xl = (size_t)(strstr(title, KICKER_SEPS[s]) - title);
                char *x = strndup(title, xl);
                int other = x && !same_words(x, k);
                free(x);
                return other ? strdup(rest) : NULL;
            }
        }
        return NULL;
    }
    /* a heading without a kicker: it wins when the page marks it as its schema headline
     * (itemprop) and its og:title says the same: the JSON-LD or <title> a CMS fills for
     * search engines says otherwise */
    if (!src->shown || same_words(title, src->shown) ||
        !same_words(named[SRC_ITEMPROP], src->shown) ||
        !same_words(named[SRC_OG], src->shown))
        return NULL;
    return strdup(named[SRC_OG]);
}

char *bti_html_title_choose(const bti_title_sources *src, const char *site, const char *host)
{
    const char *raw[N_SRC] = {src->ld_headline, src->og_title, src->itemprop_headline,
                              src->tw_title,    src->meta_title, src->doc_title, src->h1};
    char *named[N_SRC] = {0};
    char *title = NULL;
    for (size_t i = 0; i < N_SRC; i++)
        if (raw[i] && !(named[i] = bti_html_strip_named(raw[i], site, host)))
            goto done;
    /* the first source that heads the page */
    size_t p = N_SRC;
    for (size_t i = 0; i < N_SRC && p == N_SRC; i++) {
        if (!named[i] || !*named[i])
            continue;
        if (i == SRC_LD && reads_as_description(named[i]))
            continue;
        if (bti_html_names_publisher(named[i], site, host))
            continue;
        int cut = 0;
        for (size_t j = 0; j < N_SRC && !cut; j++)
            cut = j != i && named[j] && cut_copy_of(named[i], named[j]);
        if (!cut)
            p = i;
    }
    if (p == N_SRC)
        goto done;
    /* SUFFIX_CONFIRMED */
    char *loose = bti_html_strip_site(named[p], site, host);
    if (!loose)
        goto done;
    if (strcmp(loose, named[p])) {
        int repeated = 0, bare = 0;
        for (size_t j = 0; j < N_SRC; j++) {
            if (j == p || !named[j])
                continue;
            repeated |= bti_html_same_text(named[j], named[p]);
            bare |= bti_html_same_text(named[j], loose);
        }
        /* in a headline field a dash joins the headline's two halves as often as it sets off
         * a section; the <title> conventionally ends with the site's or section's name */
        if (repeated || (!bare && p < SRC_META && dash_cut(named[p], loose))) {
            free(loose);
            if (!(loose = strdup(named[p])))
                goto done;
        }
    }
    title = loose;
    /* AGREE_VISIBLE: the <h1> and the <title> agree against the chosen source: that is the
     * headline, unless the choice is a JSON-LD headline that a social title (og, twitter)
     * stands beside, or og:title that twitter:title repeats (SOCIAL_PAIR: the publisher wrote
     * its headline for sharing twice, the <title> is the search engines'). Without those, a
     * JSON-LD "headline" may be a schema's description of the page ("Wikimedia list
     * article") */
    int social_pair = p == SRC_OG && bti_html_same_text(named[SRC_TW], named[SRC_OG]);
    if (named[SRC_H1] && named[SRC_DOC] && !bti_html_same_text(title, named[SRC_H1]) &&
        (p != SRC_LD || (!named[SRC_OG] && !named[SRC_TW])) && !social_pair) {
        char *doc = bti_html_strip_site(raw[SRC_DOC], site, host);
        int agree = doc && bti_html_same_text(doc, named[SRC_H1]);
        free(doc);
        if (agree) {
            free(title);
            title = strdup(raw[SRC_H1]);
            goto done;
        }
    }
    /* KICKER */
    const char *others[N_SRC];
    int is_h1[N_SRC];
    size_t no = 0;
    for (size_t j = 0; j < N_SRC; j++)
        if (j != p && named[j]) {
            is_h1[no] = j == SRC_H1;
            others[no++] = named[j];
        }
    char *bare = drop_kicker(title, others, is_h1, no);
    if (bare) {
        free(title);
        title = bare;
    }
    char *shown = shown_headline(title, src, named, site, host);
    if (shown) {
        free(title);
        title = shown;
    }
done:
    for (size_t i = 0; i < N_SRC; i++)
        free(named[i]);
    return title;
}
