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
 *                     decoded (JSON has its own escapes; an entity in it is the CMS's slip). */
#include "extract/html_internal.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

/* A kicker's headline must be a headline, not a word or two that happen to end the title */
#define KICKER_MIN_WORDS 3
/* ... and the kicker itself is short: a long head is part of the headline */
#define KICKER_MAX_WORDS 6
/* the bytes of "…", which ends a headline cut off to fit a field */
#define ELLIPSIS_BYTES 3 /* "…" in UTF-8 */

static const char *const KICKER_SEPS[] = {": ", " - ", " – ", " — ", " | ", "：", ": - "};

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

enum { SRC_LD, SRC_OG, SRC_ITEMPROP, SRC_TW, SRC_META, SRC_DOC, SRC_H1, N_SRC };

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
     * stands beside. Without those, a JSON-LD "headline" may be a schema's description of the
     * page ("Wikimedia list article") */
    if (named[SRC_H1] && named[SRC_DOC] && !bti_html_same_text(title, named[SRC_H1]) &&
        (p != SRC_LD || (!named[SRC_OG] && !named[SRC_TW]))) {
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
done:
    for (size_t i = 0; i < N_SRC; i++)
        free(named[i]);
    return title;
}
