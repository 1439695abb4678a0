/* html_parse.c: UTF-8 HTML to a libxml2 tree, with no network access and bounded input.
 *
 * libxml2 wants xmlInitParser() called once before threads parse concurrently; we call it
 * through pthread_once so that any thread may be the first to extract. Parse errors are not
 * reported: real pages are tag soup and HTML_PARSE_RECOVER builds the tree browsers would.
 *
 * libxml2 2.9 reads text and attribute values one character at a time, at some 70 to 110
 * instructions a byte, so a pre-pass hands it less: no script/style/svg bodies, only the
 * attributes the extractor reads, white space runs outside <pre> cut to one byte, and the
 * quoted attribute values moved to a side buffer owned by the document: the tag keeps the
 * name alone, and the tree builder (html_build.c) puts the value back, found by the offset of
 * the tag's end, where libxml2 stands when it reports the element. Should libxml2 read some
 * tag otherwise than the pre-pass did (a quote left open in a tag copied as written) so that
 * a value finds no element, the page is parsed again with its values left in place. */
#include "extract/html_internal.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_libxml(void)
{
    xmlInitParser();
}

/* Where the element opened at p ("<script", "<style", "<svg": code, rules and drawings, never
 * article text) ends its open tag and its body; 0 when p does not open one. JSON-LD scripts
 * are metadata: *keep says to copy their body as written. */
static size_t raw_body(const char *p, const char *end, const char **body, const char **close,
                       int *keep)
{
    *keep = 0;
    static const char *const tags[] = {"script", "style", "svg"};
    if (end - p < 3 || (p[1] | 0x20) != 's') /* all three start with s: most tags need no compare */
        return 0;
    char c2 = (char)(p[2] | 0x20); /* the second byte tells which it may be */
    size_t t = c2 == 'c' ? 0 : c2 == 't' ? 1 : c2 == 'v' ? 2 : 3;
    if (t == 3)
        return 0;
    size_t tl = strlen(tags[t]);
    if ((size_t)(end - p) < tl + 2 || strncasecmp(p + 1, tags[t], tl) != 0)
        return 0;
    char after = p[1 + tl];
    if (after != '>' && after != ' ' && after != '\t' && after != '\n' && after != '\r' &&
        after != '/')
        return 0;
    const char *gt = memchr(p, '>', (size_t)(end - p));
    if (!gt)
        return 0;
    size_t otl = (size_t)(gt - p);
    if (t == 0) {
        for (const char *q = p; q + 7 <= gt; q++)
            if (strncasecmp(q, "ld+json", 7) == 0)
                *keep = 1;
    }
    /* the body ends at the first "</script" / "</style", as in a browser */
    for (const char *q = gt + 1; q + tl + 2 <= end; q++) {
        q = memchr(q, '<', (size_t)(end - q));
        if (!q || q + tl + 2 > end)
            return 0;
        if (q[1] == '/' && strncasecmp(q + 2, tags[t], tl) == 0) {
            *body = gt + 1;
            *close = q;
            return otl + 1;
        }
    }
    return 0;
}

/* Attributes the extractor reads; the others (data-reactid, onclick, srcset, width, ...) are
 * most of a modern page's markup and would cost libxml2 an allocation each. Returns the name
 * as libxml2 reports it (lower case), or NULL. */
static const char *kept_attr(const char *n, size_t l, unsigned *index)
{
    static const struct {
        const char *name;
        size_t len;
    } keep[] = {{"class", 5},     {"id", 2},           {"style", 5},         {"hidden", 6},
                {"aria-hidden", 11}, {"href", 4},      {"src", 3},           {"data-src", 8},
                {"data-original", 13}, {"data-lazy-src", 13}, {"itemprop", 8}, {"content", 7},
                {"name", 4},      {"property", 8},     {"rel", 3},           {"type", 4},
                {"datetime", 8},  {"lang", 4},         {"xml:lang", 8},      {"http-equiv", 10},
                {"charset", 7},   {"align", 5}};
    char c = (char)(n[0] | 0x20);
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
        if (keep[i].len == l && keep[i].name[0] == c && strncasecmp(n, keep[i].name, l) == 0) {
            *index = (unsigned)i;
            return keep[i].name;
        }
    return NULL;
}

static int space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The pre-pass's output: the copy libxml2 parses; the side buffer of moved attribute values
 * (NULL when none may be moved), each NUL-terminated; and which tag each belongs to. */
typedef struct slim {
    char *out;
    size_t o;
    char *vals;
    size_t v;
    bti_html_moved *mv; /* .value holds the offset in vals until the pass is done */
    size_t n_mv, cap_mv;
    size_t *asis;       /* where the start tags copied as written begin in out */
    size_t n_asis, cap_asis;
    int overrun;        /* libxml2 reads one of those on into a later tag (see parse_page) */
} slim;

/* Notes a start tag written as it was, at out + at: libxml2 may read it otherwise than the
 * pre-pass (a quote left open, a '<' inside). */
static void note_verbatim(slim *s, size_t at)
{
    if (!s->vals || s->overrun)
        return;
    if (s->n_asis == s->cap_asis) {
        size_t cap = s->cap_asis ? 2 * s->cap_asis : 64;
        size_t *g = realloc(s->asis, cap * sizeof *g);
        if (!g) {
            s->overrun = 1; /* cannot tell: as if it did */
            return;
        }
        s->asis = g;
        s->cap_asis = cap;
    }
    s->asis[s->n_asis++] = at;
}

static int blank(char c) /* libxml2's IS_BLANK_CH */
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int name_char(char c) /* what htmlParseHTMLName reads */
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == ':' || c == '-' || c == '_' || c == '.';
}

/* Where libxml2 2.9's htmlParseStartTag ends the start tag whose name begins at p: at its
 * '>' (or the '>' of "/>"), or `end` when it runs to the end of the page. It reads attribute
 * names, values quoted (to the same quote, wherever that is) or not (to a blank or '>'), and
 * skips anything else to a blank or the tag's end. */
static const char *libxml2_tag_end(const char *p, const char *end)
{
    while (p < end && name_char(*p))
        p++;
    for (;;) {
        while (p < end && blank(*p))
            p++;
        if (p >= end)
            return end;
        if (*p == '>')
            return p;
        if (*p == '/' && p + 1 < end && p[1] == '>')
            return p + 1;
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' || *p == ':' ||
            *p == '.') {
            while (p < end && name_char(*p))
                p++;
            while (p < end && blank(*p))
                p++;
            if (p < end && *p == '=') {
                p++;
                while (p < end && blank(*p))
                    p++;
                if (p < end && (*p == '"' || *p == '\'')) {
                    const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));
                    if (!q)
                        return end;
                    p = q + 1;
                } else {
                    while (p < end && !blank(*p) && *p != '>')
                        p++;
                }
            }
        } else {
            while (p < end && !blank(*p) && *p != '>' && !(*p == '/' && p + 1 < end && p[1] == '>'))
                p++;
        }
    }
}

/* Moves the quoted value q[0, n) of attribute `name` to the side buffer; the tag is written
 * with the name alone, and the tree builder puts the value back from there (libxml2 reads a
 * value a byte at a time, with an allocation and a growth or two each). Returns 0 (nothing
 * done) when libxml2 would not read the value as its bytes (a character reference, an entity
 * but &amp;, a NUL), or -1 when out of memory. */
static int move_value(slim *s, const char *name, const char *q, size_t n)
{
    if (!s->vals || memchr(q, '\0', n))
        return 0;
    size_t off = s->v;
    const char *amp = memchr(q, '&', n);
    if (!amp) {
        memcpy(s->vals + s->v, q, n);
        s->v += n;
    } else {
        for (size_t i = 0; i < n; i++) {
            s->vals[s->v++] = q[i];
            if (q[i] == '&') { /* written: "&amp;" reads as its '&' */
                if (n - i < 5 || memcmp(q + i, "&amp;", 5) != 0) {
                    s->v = off;
                    return 0;
                }
                i += 4;
            }
        }
    }
    s->vals[s->v++] = '\0';
    if (s->n_mv == s->cap_mv) {
        size_t cap = s->cap_mv ? 2 * s->cap_mv : 256;
        bti_html_moved *g = realloc(s->mv, cap * sizeof *g);
        if (!g)
            return -1;
        s->mv = g;
        s->cap_mv = cap;
    }
    s->mv[s->n_mv++] = (bti_html_moved){0, name, (const char *)(uintptr_t)off};
    return 1;
}

/* Copies the start tag at lt with only the kept attributes to s. Returns where the input
 * continues, or NULL (nothing written) when the tag is not plain enough to rewrite. */
static const char *slim_tag(const char *lt, const char *end, slim *s)
{
    const char *p = lt + 1;
    char *out = s->out;
    size_t w = s->o, v0 = s->v, mv0 = s->n_mv;
    if (p >= end || !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return NULL;
    while (p < end && !space(*p) && *p != '>' && *p != '/')
        p++;
    if (p >= end)
        return NULL;
    size_t nl = (size_t)(p - lt);
    memcpy(out + w, lt, nl);
    w += nl;
    int meta = nl == 5 && strncasecmp(lt + 1, "meta", 4) == 0;
    /* libxml2 drops a second <html>, <head> or <body> with its attributes: their values
     * stay, so that every moved value has an element that takes it */
    int own = !((nl == 5 && (strncasecmp(lt + 1, "html", 4) == 0 ||
                             strncasecmp(lt + 1, "head", 4) == 0 ||
                             strncasecmp(lt + 1, "body", 4) == 0)));
    size_t tag_start = s->o;
    int closed = 0;
    unsigned seen = 0; /* the kept attributes written, by index */
    for (;;) {
        while (p < end && (space(*p) || *p == '/'))
            p++;
        if (p >= end)
            break;
        if (*p == '>') {
            if (p[-1] == '/')
                out[w++] = '/';
            /* the tag's end, next to where libxml2 stands when it reports the element: its
             * moved values' key */
            for (size_t k = mv0; k < s->n_mv; k++)
                s->mv[k].at = w;
            out[w++] = '>';
            p++;
            closed = 1;
            break;
        }
        const char *name = p;
        while (p < end && !space(*p) && *p != '=' && *p != '>' && *p != '/' && *p != '<' &&
               *p != '"' && *p != '\'')
            p++;
        if (p == name || p >= end)
            break;
        size_t len = (size_t)(p - name);
        const char *vend = p, *qv = NULL;
        const char *q = p;
        while (q < end && space(*q))
            q++;
        if (q < end && *q == '=') {
            q++;
            while (q < end && space(*q))
                q++;
            if (q >= end)
                break;
            if (*q == '"' || *q == '\'') {
                const char *close = memchr(q + 1, *q, (size_t)(end - q - 1));
                if (!close)
                    break;
                qv = q;
                q = close + 1;
            } else {
                while (q < end && !space(*q) && *q != '>')
                    q++;
            }
            vend = q;
            p = q;
        }
        unsigned ki;
        const char *kept = kept_attr(name, len, &ki);
        if (kept && (seen & (1u << ki))) {
            /* libxml2 keeps an attribute's first value and drops the others */
        } else if (kept) {
            seen |= 1u << ki;
            out[w++] = ' ';
            int moved = 0;
            size_t vn = qv ? (size_t)(vend - qv - 2) : 0;
            /* a meta tag's value that is the word charset stays, to be hidden below */
            if (qv && own && !(meta && vn == 7 && strncasecmp(qv + 1, "charset", 7) == 0) &&
                (moved = move_value(s, kept, qv + 1, vn)) < 0) {
                s->v = v0;
                s->n_mv = mv0;
                return NULL;
            }
            size_t wl = moved ? len : (size_t)(vend - name);
            memcpy(out + w, name, wl);
            w += wl;
        }
    }
    if (!closed) { /* not plain: nothing written, nothing moved */
        s->v = v0;
        s->n_mv = mv0;
        return NULL;
    }
    if (meta) { /* the bytes are UTF-8 now, whatever the tag declared: hide its charset= from
                 * libxml2, which would otherwise switch decoders halfway */
        for (size_t i = tag_start; i + 7 <= w; i++)
            if (strncasecmp(out + i, "charset", 7) == 0)
                out[i + 5] = 'z';
        for (size_t k = mv0; k < s->n_mv; k++)
            if (strcmp(s->mv[k].name, "charset") == 0)
                s->mv[k].name = "charszt"; /* as libxml2 now reads the name */
    }
    s->o = w;
    return p;
}

/* Whether the tag at lt opens an element whose white space shows (<pre>, <textarea> and the
 * like): from there on the copy keeps white space as written. */
static int pre_tag(const char *lt, const char *end)
{
    static const char *const tags[] = {"pre", "xmp", "listing", "plaintext", "textarea"};
    char c = (char)(lt + 2 < end ? lt[1] | 0x20 : 0), c2 = (char)(c ? lt[2] | 0x20 : 0);
    if (!((c == 'p' && (c2 == 'r' || c2 == 'l')) || (c == 'x' && c2 == 'm') ||
          (c == 'l' && c2 == 'i') || (c == 't' && c2 == 'e')))
        return 0;
    for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
        size_t tl = strlen(tags[t]);
        if ((size_t)(end - lt) > tl + 1 && strncasecmp(lt + 1, tags[t], tl) == 0 &&
            !(((lt[1 + tl] | 0x20) >= 'a' && (lt[1 + tl] | 0x20) <= 'z') ||
              (lt[1 + tl] >= '0' && lt[1 + tl] <= '9')))
            return 1;
    }
    return 0;
}

/* Bytes that may begin a white space run: ' ', \t, \n, \r, \f. */
static const unsigned char SPACE[256] = {['\t'] = 1, ['\n'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1};

/* Copies text in[0, n) to s->out with each run of white space cut to one byte (a line break
 * when the run holds one): the page reads the same, and libxml2 reads 3.5 MB less of the
 * dev pages' 12 MB of indentation. */
static void copy_text(slim *s, const char *in, size_t n)
{
    const unsigned char *u = (const unsigned char *)in;
    size_t from = 0, i = 0;
    while (i < n) {
        while (i < n && !SPACE[u[i]])
            i++;
        if (i + 1 >= n || !SPACE[u[i + 1]]) { /* one byte of space is as it should be */
            i++;
            continue;
        }
        size_t j = i;
        int nl = 0;
        while (j < n && SPACE[u[j]])
            nl |= u[j++] == '\n';
        memcpy(s->out + s->o, in + from, i - from);
        s->o += i - from;
        s->out[s->o++] = nl ? '\n' : in[i];
        from = i = j;
    }
    if (n > from) {
        memcpy(s->out + s->o, in + from, n - from);
        s->o += n - from;
    }
}

/* Whether the tag at lt ("<name" or "</name") is one every reader of the tree takes as a
 * block edge (a line break in the text): white space next to it reads as nothing. */
static int block_edge(const char *lt, const char *end)
{
    const char *n = lt + 1 + (lt + 1 < end && lt[1] == '/');
    char t[8];
    size_t l = 0;
    while (n + l < end && l < sizeof t) {
        char c = (char)(n[l] | 0x20); /* a digit stays itself */
        if (!((c >= 'a' && c <= 'z') || (n[l] >= '0' && n[l] <= '9')))
            break;
        t[l++] = c;
    }
    if (!l || n + l >= end || !(space(n[l]) || n[l] == '>' || n[l] == '/'))
        return 0;
#define IS(lit) (l == sizeof lit - 1 && memcmp(t, lit, l) == 0)
    switch (t[0]) {
    case 'a':
        return IS("article") || IS("aside");
    case 'd':
        return IS("div");
    case 'f':
        return IS("figure") || IS("footer") || IS("form");
    case 'h':
        return (l == 2 && t[1] >= '1' && t[1] <= '6') || IS("header");
    case 'l':
        return IS("li");
    case 'm':
        return IS("main");
    case 'o':
        return IS("ol");
    case 'p':
        return l == 1;
    case 's':
        return IS("section");
    case 't':
        return IS("table") || IS("tbody") || IS("thead") || IS("tr") || IS("td") || IS("th");
    case 'u':
        return IS("ul");
    default:
        return 0;
    }
#undef IS
}

static int all_space(const char *p, const char *end)
{
    while (p < end && SPACE[(unsigned char)*p])
        p++;
    return p == end;
}

/* Where the comment opened at lt ends (past its "-->"), or NULL when lt does not open one
 * that ends: libxml2 2.9 ends a comment at the first "-->" after "<!--" (so "<!-->" does not
 * end there), and reports one that never ends; that is left to it as written. */
static const char *comment_end(const char *lt, const char *end)
{
    if (end - lt < 7 || memcmp(lt, "<!--", 4) != 0)
        return NULL;
    for (const char *q = lt + 4; q + 3 <= end; q++) {
        q = memchr(q, '-', (size_t)(end - q));
        if (!q || q + 3 > end)
            return NULL;
        if (q[1] == '-' && q[2] == '>')
            return q + 3;
    }
    return NULL;
}

/* A copy of the page without the bodies of <script>, <style> and <svg>, without the
 * attributes nobody reads and, when `move`, with attribute values moved to the side buffer. */
static int pre_pass(const char *in, size_t len, int move, slim *s)
{
    /* a kept attribute written with no space before it gains one: never more than doubles */
    s->out = len < ((size_t)-1 - 16) / 2 ? malloc(2 * len + 16) : NULL;
    s->vals = move ? malloc(len + 1) : NULL;
    s->o = 0;
    s->v = 0;
    s->mv = NULL;
    s->n_mv = s->cap_mv = 0;
    s->asis = NULL;
    s->n_asis = s->cap_asis = 0;
    s->overrun = 0;
    if (!s->out || (move && !s->vals)) {
        free(s->out);
        free(s->vals);
        return BT_ENOMEM;
    }
    char *out = s->out;
    const char *p = in, *end = in + len;
    /* A UTF-8 BOM tells libxml2 the encoding without a converter pass (naming "UTF-8" in
     * htmlReadMemory copies every byte through one). */
    memcpy(out, "\xEF\xBB\xBF", 3);
    s->o = 3;
    if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    int keep_space = 0; /* from the first <pre> on, white space is text */
    int verbatim = 0;   /* the text follows a start tag copied as written: inside that tag */
    int edge = 0;       /* the last tag copied was a block edge */
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        const char *stop = lt ? lt : end;
        if (edge && lt && !keep_space && all_space(p, lt) && block_edge(lt, end)) {
            /* white space between two block edges: no text node at all */
        } else if (keep_space || verbatim) {
            memcpy(out + s->o, p, (size_t)(stop - p));
            s->o += (size_t)(stop - p);
        } else {
            copy_text(s, p, (size_t)(stop - p));
        }
        if (!lt)
            break;
        verbatim = 0;
        edge = 0;
        if (!keep_space && pre_tag(lt, end))
            keep_space = 1;
        const char *gt;
        if (lt + 2 < end && lt[1] == '/' && ((lt[2] | 0x20) >= 'a' && (lt[2] | 0x20) <= 'z') &&
            (gt = memchr(lt, '>', (size_t)(end - lt))) != NULL) { /* an end tag, as written */
            edge = block_edge(lt, end);
            memcpy(out + s->o, lt, (size_t)(gt + 1 - lt));
            s->o += (size_t)(gt + 1 - lt);
            p = gt + 1;
            continue;
        }
        const char *body, *close, *next;
        int keep;
        if ((next = comment_end(lt, end)) != NULL) {
            p = next; /* no reader walks comments: libxml2 need not build them */
        } else if (raw_body(lt, end, &body, &close, &keep)) {
            size_t o0 = s->o, v0 = s->v, mv0 = s->n_mv;
            next = slim_tag(lt, end, s);
            if (!next || next != body) { /* keep the open tag as written */
                s->o = o0;
                s->v = v0;
                s->n_mv = mv0;
                note_verbatim(s, o0);
                memcpy(out + s->o, lt, (size_t)(body - lt));
                s->o += (size_t)(body - lt);
            }
            if (keep) {
                memcpy(out + s->o, body, (size_t)(close - body));
                s->o += (size_t)(close - body);
            }
            p = close;
        } else if ((next = slim_tag(lt, end, s)) != NULL) {
            edge = block_edge(lt, end);
            p = next;
        } else {
            out[s->o++] = '<';
            p = lt + 1;
            verbatim = p < end && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z');
            if (verbatim)
                note_verbatim(s, s->o - 1);
        }
    }
    out[s->o] = '\0';
    for (size_t k = 0; k < s->n_mv; k++)
        s->mv[k].value = s->vals + (uintptr_t)s->mv[k].value;
    /* a tag libxml2 reads on past the next '<' matters when it takes in the end of one with
     * moved values */
    for (size_t k = 0, m = 0; m < s->n_mv && !s->overrun && k < s->n_asis; k++) {
        const char *lt = out + s->asis[k], *oend = out + s->o;
        const char *next = memchr(lt + 1, '<', (size_t)(oend - lt - 1));
        if (!next)
            break;
        size_t te = (size_t)(libxml2_tag_end(lt + 1, oend) - out);
        while (m < s->n_mv && s->mv[m].at < (size_t)(next - out))
            m++;
        s->overrun = m < s->n_mv && s->mv[m].at <= te;
    }
    free(s->asis);
    s->asis = NULL;
    return 0;
}

/* Blanks a leading DOCTYPE's internal subset ("<!DOCTYPE html [ <!ENTITY ...> ]>") in place,
 * with spaces (offsets kept): libxml2's HTML parser ends the DOCTYPE at the subset's first '>'
 * and the rest of the declarations would become text of the page. Quoted ']' and '>' inside
 * the declarations do not end the subset. */
static void blank_internal_subset(char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
        (unsigned char)p[2] == 0xBF)
        i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r'))
        i++;
    if (n - i < 9 || strncasecmp(p + i, "<!doctype", 9) != 0)
        return;
    char quote = 0;
    for (i += 9; i < n && (quote || (p[i] != '[' && p[i] != '>')); i++)
        if (quote ? p[i] == quote : (p[i] == '"' || p[i] == '\''))
            quote = quote ? 0 : p[i];
    if (i >= n || p[i] != '[')
        return;
    size_t start = i;
    quote = 0;
    for (i++; i < n && (quote || p[i] != ']'); i++)
        if (quote ? p[i] == quote : (p[i] == '"' || p[i] == '\''))
            quote = quote ? 0 : p[i];
    if (i >= n)
        return; /* not closed: leave the page as it is */
    for (size_t k = start; k <= i; k++)
        if (p[k] != '\n')
            p[k] = ' ';
}

/* A copy of in[0, len) without its NUL bytes (*n_out: its length): HTML reads a NUL in text
 * as nothing (the HTML5 tree builder ignores it), while libxml2's parser ends the document
 * at the first one, and a page padded with NULs after an image tag (a CMS writing a binary
 * buffer) lost its whole article. */
static char *drop_nuls(const char *in, size_t len, size_t *n_out)
{
    char *c = malloc(len + 1);
    if (!c)
        return NULL;
    size_t o = 0;
    for (const char *p = in, *end = in + len; p < end;) {
        const char *z = memchr(p, '\0', (size_t)(end - p));
        const char *stop = z ? z : end;
        memcpy(c + o, p, (size_t)(stop - p));
        o += (size_t)(stop - p);
        p = z ? z + 1 : end;
    }
    c[o] = '\0';
    *n_out = o;
    return c;
}

/* htmlReadMemory's parse, but with XML_SKIP_IDS: libxml2 would register every id= and
 * name= value in a hash table of the document (xmlAddID) that no walk reads, and free it
 * again with the tree. The element and attribute names of the tree html_build.c links (in
 * memory m owns; *oom: it ran out) are the parser's dictionary strings. *shifted: libxml2
 * switched decoders partway (bytes that are not UTF-8 after all), so that its offsets are no
 * longer the pre-pass's. */
static xmlDocPtr read_doc(const char *buf, size_t n, int opts, bti_html_mem *m, int *oom,
                          int *shifted)
{
    *oom = *shifted = 0;
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(buf, (int)n);
    if (!ctxt)
        return NULL;
    htmlCtxtUseOptions(ctxt, opts);
    ctxt->loadsubset |= XML_SKIP_IDS;
    bti_html_build_attach(ctxt, m);
    htmlParseDocument(ctxt);
    xmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    /* libxml2 2.9 gives an HTML document no reference to the dictionary (xmlSAX2StartDocument
     * does so for XML only): the names outlive the context through this one */
    if (doc && !doc->dict && xmlDictReference(ctxt->dict) == 0)
        doc->dict = ctxt->dict;
    *shifted = (ctxt->input && ctxt->input->buf && ctxt->input->buf->encoder) ||
               bti_html_build_lost(m);

    htmlFreeParserCtxt(ctxt);
    *oom = bti_html_build_failed(m);
    return doc;
}

/* One parse of in[0, n): the pre-pass (moving attribute values out when `move`), then
 * libxml2. *doc is NULL when no document came out. Returns BT_ENOMEM or 0; *again: values were
 * moved and libxml2's offsets shifted, so that they may have gone to the wrong elements: the
 * page must be parsed again without moving any. */
static int parse_page(const char *in, size_t n, int move, xmlDocPtr *doc, int *again)
{
    *doc = NULL;
    *again = 0;
    /* XML_PARSE_HUGE: libxml2 otherwise stops at 256 nested elements and the page fails;
     * the nested tables of old portals and builder markup go that deep. With it libxml2 2.9
     * (Debian 12) nests as deep as the page does, without recursion (tested at 100,000);
     * 2.11 and later stop at 2048 even so. The walks stop at BTI_HTML_MAX_DEPTH. */
    int opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_RECOVER | HTML_PARSE_NOBLANKS | XML_PARSE_HUGE;
    bti_html_mem *m = bti_html_mem_new();
    slim s;
    if (!m || pre_pass(in, n, move, &s)) {
        bti_html_mem_free(m);
        return BT_ENOMEM;
    }
    if (s.overrun && s.n_mv) {
        /* libxml2 would read a tag copied as written on into later ones, some of which may
         * have had values moved: those would go to the wrong element or none. The page's
         * values stay in their tags. */
        free(s.out);
        free(s.vals);
        free(s.mv);
        if (pre_pass(in, n, 0, &s)) {
            bti_html_mem_free(m);
            return BT_ENOMEM;
        }
    }
    bti_html_mem_values(m, s.vals, s.mv, s.n_mv);
    blank_internal_subset(s.out, s.o);
    int oom, shifted;
    *doc = read_doc(s.out, s.o, opts, m, &oom, &shifted);
    free(s.out);
    if (!*doc) {
        bti_html_mem_free(m);
        return oom ? BT_ENOMEM : 0;
    }
    (*doc)->_private = m;
    *again = shifted && s.n_mv;
    if (oom || *again) {
        bti_html_doc_free(*doc);
        *doc = NULL;
    }
    return oom ? BT_ENOMEM : 0;
}

int bti_html_parse(const char *utf8, size_t len, const char *origin, xmlDocPtr *out,
                  bt_error *err)
{
    *out = NULL;
    if (len > BTI_HTML_MAX_BYTES)
        return bt_error_set(err, BT_ELIMIT, "%s: page is %zu MB, over the %u MB limit for HTML",
                            origin, len >> 20, BTI_HTML_MAX_BYTES >> 20);
    pthread_once(&init_once, init_libxml);
    char *clean = NULL;
    size_t n = len;
    if (memchr(utf8, '\0', len)) {
        if (!(clean = drop_nuls(utf8, len, &n)))
            return bt_error_set(err, BT_ENOMEM, "%s: out of memory", origin);
        n = n < len ? n : len; /* as it is: tells the compiler the copy's bound */
    }
    const char *in = clean ? clean : utf8;
    xmlDocPtr doc;
    int again;
    int rc = parse_page(in, n, 1, &doc, &again);
    if (!rc && again)
        rc = parse_page(in, n, 0, &doc, &again);
    free(clean);
    if (rc)
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", origin);
    if (!doc || !xmlDocGetRootElement(doc)) {
        bti_html_doc_free(doc);
        return bt_error_set(err, BT_ENOARTICLE, "%s: no HTML document could be parsed", origin);
    }
    *out = doc;
    return 0;
}

void bti_html_doc_free(xmlDocPtr doc)
{
    bti_html_build_free(doc);
}
