/* text_lines.c: a text capture as a list of blocks. Renderers differ (flat text with one
 * paragraph per line, pandoc Markdown with embedded HTML, html2text Markdown, lynx's
 * hard-wrapped and indented dump); this file removes those differences so that the rules see
 * one paragraph, heading, image or link line per block. */
#include "bantin/text.h"
#include "text/alloc.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/hash.h"
#include "extract/text_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

typedef struct raw_line {
    const char *s; /* content without indentation and trailing space */
    size_t len;
    size_t indent;  /* leading columns */
    size_t cols;    /* indent + code points */
    int blank;
} raw_line;

static size_t cp_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static int is_sp(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* A hash of the letters and digits of s, ASCII lowercased (bytes >= 0x80 kept as they are):
 * punctuation and spacing do not change a line's key. */
static uint64_t alnum_key(const char *s, size_t len, uint64_t seed)
{
    bti_hasher h;
    bti_hasher_init(&h, seed);
    char tmp[256];
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
            tmp[n++] = (char)c;
            if (n == sizeof tmp) {
                bti_hasher_add(&h, tmp, n);
                n = 0;
            }
        }
    }
    bti_hasher_add(&h, tmp, n);
    return bti_hasher_end(&h);
}

/* (a folded text has no capitals: the lowercasing leaves it as it is) */
uint64_t tx_key(const char *fold, size_t flen) { return alnum_key(fold, flen, 0x62746b6579ULL); }

int tx_block_refold(tx_block *b)
{
    b->words = tx_count_words(b->text, b->len);
    free(b->fold);
    b->fold = bti_fold_dup(b->text, b->len, &b->flen);
    if (!b->fold)
        return BT_ENOMEM;
    b->key = tx_key(b->fold, b->flen);
    return 0;
}

#define FOLD_WORDS 30

/* The key of a long paragraph, which is not folded (cheaper): its own letters and digits. */
uint64_t tx_raw_key(const char *s, size_t len) { return alnum_key(s, len, 0x7261776b6579ULL); }

/* Length of the white-space character at s[0] (the set bt_normalize folds), or 0. */
static size_t space_at(const unsigned char *s, size_t len)
{
    unsigned char c = s[0];
    if (c == ' ' || (c >= 0x09 && c <= 0x0D))
        return 1;
    if (c == 0xC2 && len >= 2 && (s[1] == 0x85 || s[1] == 0xA0))
        return 2;
    if (len < 3 || c < 0xE1 || c > 0xEF)
        return 0;
    unsigned b = s[1], d = s[2];
    if ((c == 0xE1 && b == 0x9A && d == 0x80) || (c == 0xE1 && b == 0xA0 && d == 0x8E) ||
        (c == 0xE2 && b == 0x80 && (d <= 0x8D || d == 0xA8 || d == 0xA9 || d == 0xAF)) ||
        (c == 0xE2 && b == 0x81 && (d == 0x9F || d == 0xA0)) ||
        (c == 0xE3 && b == 0x80 && d == 0x80) || (c == 0xEF && b == 0xBB && d == 0xBF))
        return 3;
    return 0;
}

char *tx_fold_space(const char *s, size_t len, size_t *outlen)
{
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    int pending = 0;
    for (size_t i = 0; i < len;) {
        size_t w = space_at((const unsigned char *)s + i, len - i);
        if (w) {
            pending = n > 0;
            i += w;
            continue;
        }
        if (pending)
            out[n++] = ' ';
        pending = 0;
        out[n++] = s[i++];
    }
    out[n] = '\0';
    if (outlen)
        *outlen = n;
    return out;
}

/* ---- inline markup --------------------------------------------------------------------- */

typedef struct inline_state {
    bti_buf out;
    size_t links, link_bytes;
    char *img_src, *img_alt;
    char *link_url;
    int caption, had_img, html;
    size_t a_start; /* 1 + output length where an open <a> began, 0 outside one */
    int unseen;     /* inside a kicker's <span>: 1 + spans nested in it */
    int kicker_cut; /* a kicker's <span> was left out */
    int file_image_lead; /* the text opens on an image lynx names by its file ("[a.jpg] ...") */
} inline_state;

static int is_punct(char c)
{
    return c && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != NULL;
}

/* Decodes an HTML entity at s[0] ('&'); writes it and returns bytes consumed, or 0. */
static size_t entity(const char *s, size_t len, bti_buf *out)
{
    static const struct { const char *n; const char *v; } ents[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"},
        {"&nbsp;", " "}, {"&#39;", "'"}, {"&ndash;", "\xE2\x80\x93"}, {"&mdash;", "\xE2\x80\x94"},
        {"&hellip;", "\xE2\x80\xA6"}, {"&rsquo;", "\xE2\x80\x99"}, {"&lsquo;", "\xE2\x80\x98"},
        {"&ldquo;", "\xE2\x80\x9C"}, {"&rdquo;", "\xE2\x80\x9D"},
    };
    for (size_t k = 0; k < sizeof ents / sizeof ents[0]; k++) {
        size_t n = strlen(ents[k].n);
        if (len >= n && !memcmp(s, ents[k].n, n)) {
            bti_buf_adds(out, ents[k].v);
            return n;
        }
    }
    if (len >= 4 && s[1] == '#') {
        size_t i = 2;
        unsigned long cp = 0;
        int hex = i < len && (s[i] == 'x' || s[i] == 'X');
        if (hex)
            i++;
        size_t st = i;
        while (i < len && i - st < 7) {
            char c = s[i];
            int v = c >= '0' && c <= '9' ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (v < 0)
                break;
            cp = cp * (hex ? 16 : 10) + (unsigned long)v;
            i++;
        }
        if (i == st || i >= len || s[i] != ';' || cp == 0 || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        char u[4];
        size_t n;
        if (cp < 0x80) u[0] = (char)cp, n = 1;
        else if (cp < 0x800) u[0] = (char)(0xC0 | (cp >> 6)), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
        else if (cp < 0x10000)
            u[0] = (char)(0xE0 | (cp >> 12)), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
            u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
        else
            u[0] = (char)(0xF0 | (cp >> 18)), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
            u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
        bti_buf_add(out, u, n);
        return i + 1;
    }
    return 0;
}

/* The value of attribute `name` inside tag text t[0..n), malloc'ed, entity-decoded. */
static char *attr(const char *t, size_t n, const char *name)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i + nl + 2 < n; i++) {
        if ((i == 0 || is_sp(t[i - 1]) || t[i - 1] == '\n') && !memcmp(t + i, name, nl) &&
            t[i + nl] == '=' && (t[i + nl + 1] == '"' || t[i + nl + 1] == '\'')) {
            char q = t[i + nl + 1];
            size_t st = i + nl + 2, e = st;
            while (e < n && t[e] != q)
                e++;
            bti_buf b = BTI_BUF_INIT;
            for (size_t k = st; k < e;) {
                size_t used = t[k] == '&' ? entity(t + k, e - k, &b) : 0;
                if (used)
                    k += used;
                else
                    bti_buf_addc(&b, t[k++]);
            }
            return bti_buf_detach(&b, NULL);
        }
    }
    return NULL;
}

static void take_image(inline_state *st, char *src, char *alt)
{
    st->had_img = 1;
    if (src && (!strncmp(src, "data:", 5) || !src[0])) {
        free(src);
        src = NULL;
    }
    if (!st->img_src && !st->img_alt) {
        st->img_src = src;
        st->img_alt = alt;
    } else {
        free(src);
        free(alt);
    }
}

static void clean_inline(inline_state *st, const char *s, size_t len, int depth);

/* Pass "raw kicker span": pandoc keeps a <span> with classes as raw HTML, and a headline set
 * as "<span class=kicker>K</span> <span class=headline>H</span>" would read as "K H". The
 * classes that name a kicker above a headline, or text only a screen reader gets, are a
 * vocabulary of front-end conventions (BEM, Bootstrap, WordPress), not of one site: the text
 * of such a span is left out. */
static int unseen_span(const char *t, size_t n)
{
    static const char *const classes[] = {"kicker", "overline", "eyebrow", "dachzeile"};
    if (n < 6 || strncmp(t, "<span", 5) || (t[5] != ' ' && t[5] != '\t'))
        return 0;
    /* the tag's own bytes are searched: no attribute is copied for the common <span> */
    const char *c = NULL;
    for (size_t i = 5; !c && i + 6 < n; i++)
        if (!memcmp(t + i, "class=", 6))
            c = t + i + 6;
    if (!c)
        return 0;
    size_t cl = (size_t)(t + n - c);
    for (size_t k = 0; k < sizeof classes / sizeof classes[0]; k++) {
        size_t kl = strlen(classes[k]);
        for (size_t i = 0; i + kl <= cl; i++)
            if (c[i] == classes[k][0] && !memcmp(c + i, classes[k], kl))
                return 1;
    }
    return 0;
}

/* An HTML tag at s[0] == '<'; returns bytes consumed (0 when it is not a tag). */
static size_t html_tag(inline_state *st, const char *s, size_t len)
{
    if (len < 2 || !(s[1] == '/' || s[1] == '!' || (s[1] >= 'a' && s[1] <= 'z') ||
                     (s[1] >= 'A' && s[1] <= 'Z')))
        return 0;
    const char *e = memchr(s, '>', len);
    size_t n = e ? (size_t)(e - s) + 1 : len;
    st->html = 1;
    if (st->unseen) {
        if (n >= 7 && !strncmp(s, "</span", 6))
            st->unseen--;
        else if (n > 5 && !strncmp(s, "<span", 5))
            st->unseen++;
        return n;
    }
    if (unseen_span(s, n)) {
        st->unseen = st->kicker_cut = 1;
    } else if (n > 4 && (!strncmp(s, "<img", 4) || !strncmp(s, "<IMG", 4))) {
        char *src = attr(s, n, "data-original");
        if (!src)
            src = attr(s, n, "data-src");
        if (!src)
            src = attr(s, n, "src");
        take_image(st, src, attr(s, n, "alt"));
    } else if (n > 3 && (!strncmp(s, "<a ", 3) || !strncmp(s, "<A ", 3))) {
        /* pandoc keeps links with attributes as raw HTML: count them as Markdown links */
        st->links++;
        st->a_start = st->out.len + 1;
        if (!st->link_url) {
            st->link_url = attr(s, n, "href");
            if (!st->link_url)
                st->links--;
        }
    } else if (n >= 4 && (!strncmp(s, "</a>", 4) || !strncmp(s, "</A>", 4))) {
        if (st->a_start) {
            st->link_bytes += st->out.len - (st->a_start - 1);
            st->a_start = 0;
        }
    } else if (n > 11 && !strncmp(s, "<figcaption", 11)) {
        st->caption = 1;
    } else if (n > 3 && (!strncmp(s, "<br", 3) || !strncmp(s, "<p", 2))) {
        bti_buf_addc(&st->out, ' ');
    }
    return n;
}

/* lynx names an image that has no alt text by its file: the last part of its URL, query
 * included. Whether s[0..len) (what is inside the brackets, or a first line's part of it)
 * holds such a query, a '?' with a '=' after it. */
static int query_name(const char *s, size_t len)
{
    const char *q = memchr(s, '?', len);
    return q && memchr(q, '=', len - (size_t)(q - s)) != NULL;
}

/* Whether s[1..end) (after a '[') is such a file name: an image's extension at its end or
 * before its query, or a query. */
static int file_image_name(const char *s, size_t end)
{
    static const char *const exts[] = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"};
    for (size_t e = 0; e < sizeof exts / sizeof exts[0]; e++) {
        size_t el = strlen(exts[e]);
        for (size_t q = 1; q + el <= end; q++)
            if (!strncasecmp(s + q, exts[e], el) && (q + el == end || s[q + el] == '?'))
                return 1;
    }
    return query_name(s + 1, end - 1);
}

/* Whether line s opens on an image lynx names by its file ("[photo.jpg]", "[a1b2?w=40&s=..."):
 * the first word, a '[' then a file name, closed or not (a long name wraps). */
static int opens_on_file_image(const char *s, size_t len)
{
    if (len < 2 || s[0] != '[')
        return 0;
    size_t t = 1;
    while (t < len && s[t] != ']' && s[t] != ' ' && s[t] != '[')
        t++;
    return file_image_name(s, t);
}

/* Whether the output holds anything but white space. */
static int has_text(const bti_buf *b)
{
    for (size_t i = 0; i < b->len; i++)
        if (b->data[i] != ' ')
            return 1;
    return 0;
}

/* Markdown link or image at s[0] == '[' : returns bytes consumed, or 0 when not a link. */
static size_t md_link(inline_state *st, const char *s, size_t len, int image, int depth)
{
    size_t i = 1, d = 1;
    while (i < len && d) {
        if (s[i] == '\\' && i + 1 < len)
            i++;
        else if (s[i] == '[')
            d++;
        else if (s[i] == ']')
            d--;
        i++;
    }
    if (d)
        return 0;
    size_t close = i - 1; /* s[close] == ']' */
    if (i >= len || s[i] != '(') {
        /* lynx reference marks "[12]" and empty "[ ]" vanish; other brackets are text */
        size_t k = 1;
        while (k < close && ((s[k] >= '0' && s[k] <= '9') || s[k] == ' '))
            k++;
        if (k == close)
            return close + 1;
        /* lynx shows images as "[IMG]", or by a file name ("[photo.jpg]", with its query:
         * "[3f7a...?format=auto&w=40&s=...]") */
        static const char *const marks[] = {"IMG", "image"};
        size_t spaces = 0;
        for (size_t q = 1; q < close; q++)
            spaces += s[q] == ' ';
        int name = spaces <= 1 && file_image_name(s, close);
        for (size_t e = 0; e < sizeof marks / sizeof marks[0] && spaces <= 1 && !name; e++) {
            size_t el = strlen(marks[e]);
            for (size_t q = 1; q + el <= close && !name; q++)
                name = !strncasecmp(s + q, marks[e], el);
        }
        if (name) {
            st->file_image_lead |= !has_text(&st->out);
            return close + 1;
        }
        return 0;
    }
    size_t j = i + 1, pd = 1;
    while (j < len && pd) {
        if (s[j] == '(')
            pd++;
        else if (s[j] == ')')
            pd--;
        if (pd)
            j++;
    }
    if (pd)
        return 0;
    const char *url = s + i + 1;
    size_t ul = j - (i + 1);
    /* drop a link title: (url "title") */
    for (size_t k = 0; k < ul; k++)
        if (url[k] == ' ') {
            ul = k;
            break;
        }
    if (image) {
        inline_state sub = {BTI_BUF_INIT, 0, 0, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0};
        clean_inline(&sub, s + 1, close - 1, depth + 1);
        char *alt = bti_buf_detach(&sub.out, NULL);
        free(sub.img_src);
        free(sub.img_alt);
        free(sub.link_url);
        char *src = malloc(ul + 1);
        if (src) {
            memcpy(src, url, ul);
            src[ul] = '\0';
        }
        take_image(st, src, alt);
    } else {
        size_t before = st->out.len;
        clean_inline(st, s + 1, close - 1, depth + 1);
        st->links++;
        st->link_bytes += st->out.len - before;
        if (!st->link_url) {
            st->link_url = malloc(ul + 1);
            if (st->link_url) {
                memcpy(st->link_url, url, ul);
                st->link_url[ul] = '\0';
            }
        }
    }
    return j + 1;
}

static void clean_inline(inline_state *st, const char *s, size_t len, int depth)
{
    for (size_t i = 0; i < len;) {
        char c = s[i];
        size_t used = 0;
        if (depth < 4 && c == '!' && i + 1 < len && s[i + 1] == '[')
            used = md_link(st, s + i + 1, len - i - 1, 1, depth);
        if (used) {
            i += used + 1;
            continue;
        }
        if (st->unseen && c != '<') {
            i++; /* a kicker's text (pass "raw kicker span") */
            continue;
        }
        if (depth < 4 && c == '[')
            used = md_link(st, s + i, len - i, 0, depth);
        else if (c == '<')
            used = html_tag(st, s + i, len - i);
        else if (c == '&')
            used = entity(s + i, len - i, &st->out);
        else if (c == '\\' && i + 1 < len && is_punct(s[i + 1])) {
            bti_buf_addc(&st->out, s[i + 1]);
            used = 2;
        } else if (c == '*' || c == '_') {
            size_t r = i;
            while (r < len && s[r] == c)
                r++;
            size_t run = r - i;
            char prev = i > 0 ? s[i - 1] : ' ';
            char next = r < len ? s[r] : ' ';
            int nbsp = r + 1 < len && (unsigned char)s[r] == 0xC2 && (unsigned char)s[r + 1] == 0xA0;
            int sp_prev = is_sp(prev), sp_next = is_sp(next) || nbsp;
            int strip;
            if (run >= 2)
                strip = 1;
            else if (c == '*') /* "*Forbe*s": intraword emphasis; "2 * 3", "2*3" stay */
                strip = !(sp_prev && sp_next) &&
                        !(prev >= '0' && prev <= '9' && next >= '0' && next <= '9');
            else /* "snake_case" keeps its underscore */
                strip = sp_prev || sp_next || is_punct(prev) || is_punct(next) || i == 0 ||
                        r == len;
            if (strip) {
                used = run;
                /* html2text leaves a space between closing emphasis and punctuation */
                if (next == ' ' && r + 1 < len && strchr(",.;:!?)", s[r + 1]) && st->out.len &&
                    st->out.data[st->out.len - 1] != ' ')
                    used++;
                /* pass "drop cap": ... and between a paragraph's bold initial and the rest of
                 * its word ("**W** hat" for "<b>W</b>hat"); a lone capital set in bold before
                 * a lower-case letter is no word of its own */
                if (depth == 0 && i == run + 1 && !memcmp(s, s + i, run) && st->out.len == 1 &&
                    s[run] >= 'A' && s[run] <= 'Z' && next == ' ' && r + 1 < len &&
                    s[r + 1] >= 'a' && s[r + 1] <= 'z')
                    used++;
            } else {
                bti_buf_add(&st->out, s + i, run);
                used = run;
            }
        }
        if (used) {
            i += used;
            continue;
        }
        /* ordinary text: copy up to the next byte that may start markup in one go */
        size_t j = i + 1;
        while (j < len && !strchr("![<&\\*_", s[j]))
            j++;
        bti_buf_add(&st->out, s + i, j - i);
        i = j;
    }
}

/* ---- lines and paragraphs ---------------------------------------------------------------- */

#define DAY_DATE_LOOK 40 /* "28. September 2024": the date's year comes within these bytes */

/* "28. April 2023, 19:50 Uhr", "3. 4. 2024": a day with its ordinal dot opening a date (as
 * German, Nordic, Czech and Polish write it) is no numbered list item; a list marker taken
 * there would leave "April 2023" and lose the day. */
static int day_with_dot(const char *s, size_t len)
{
    /* cheap first: a day of one or two digits, then ". " and a month's word or number */
    size_t i = 0;
    while (i < len && i < 3 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 || i > 2 || i + 2 >= len || s[i] != '.' || s[i + 1] != ' ')
        return 0;
    unsigned char nx = (unsigned char)s[i + 2];
    if (!((nx | 0x20) >= 'a' && (nx | 0x20) <= 'z') && !(nx >= '0' && nx <= '9'))
        return 0;
    bti_date d;
    return bti_date_find(s, len < DAY_DATE_LOOK ? len : DAY_DATE_LOOK, &d) && d.start == 0;
}

static int list_marker(const char *s, size_t len, size_t *skip)
{
    if (len >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') {
        size_t i = 1;
        while (i < len && s[i] == ' ')
            i++;
        *skip = i;
        return 1;
    }
    size_t i = 0;
    while (i < len && i < 4 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i > 0 && i + 1 < len && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ' &&
        !(s[i] == '.' && day_with_dot(s, len))) {
        i++;
        while (i < len && s[i] == ' ')
            i++;
        *skip = i;
        return 1;
    }
    if (i > 0 && i + 1 == len && s[i] == '.') { /* empty numbered item ("1.") */
        *skip = len;
        return 1;
    }
    return 0;
}

/* Whether a URL names an image file by its extension (before a query or a fragment). */
static int image_url(const char *u, size_t len)
{
    static const char *const exts[] = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"};
    size_t e = 0;
    while (e < len && u[e] != '?' && u[e] != '#')
        e++;
    for (size_t k = 0; k < sizeof exts / sizeof exts[0]; k++) {
        size_t el = strlen(exts[k]);
        if (e > el && !strncasecmp(u + e - el, exts[k], el))
            return 1;
    }
    return 0;
}

static int only_url(const char *s, size_t len)
{
    if (!(len > 7 && (!strncmp(s, "http://", 7) || !strncmp(s, "https://", 8) ||
                      !strncmp(s, "file://", 7))))
        return 0;
    return memchr(s, ' ', len) == NULL;
}

static int add_block(tx_doc *d, tx_block *b)
{
    if (d->n == d->cap) {
        size_t nc = d->cap ? d->cap * 2 : 64;
        tx_block *nb = realloc(d->b, nc * sizeof *nb);
        if (!nb)
            return BT_ENOMEM;
        d->b = nb;
        d->cap = nc;
    }
    d->b[d->n++] = *b;
    return 0;
}

/* Chinese and Japanese write without spaces between words: a run of ideographs or kana counts
 * a word per this many characters (words there are one to three characters, two on average),
 * so a paragraph of theirs weighs as one of the same length elsewhere. */
#define CJK_CHARS_PER_WORD 2

/* A CJK ideograph (U+3400-U+9FFF) or kana (U+3040-U+30FF) at s, 3 bytes of UTF-8. */
static int cjk_at(const unsigned char *s, size_t left)
{
    if (left < 3 || s[0] < 0xE3 || s[0] > 0xE9 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
        return 0;
    unsigned cp = ((unsigned)(s[0] & 0x0F) << 12) | ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF);
}

int32_t tx_cp_before(const char *s, size_t i)
{
    size_t st = i - 1;
    while (st > 0 && i - st < 4 && ((unsigned char)s[st] & 0xC0) == 0x80)
        st--;
    utf8proc_int32_t cp = -1;
    utf8proc_iterate((const utf8proc_uint8_t *)s + st, (utf8proc_ssize_t)(i - st), &cp);
    return cp;
}

size_t tx_count_words(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t w = 0, cjk = 0;
    int in = 0;
    for (size_t i = 0; i < len; i++) {
        if (u[i] >= 0xE3 && cjk_at(u + i, len - i)) {
            /* a CJK character: counted in its run, not as the start of a spaced word */
            cjk++;
            in = 1;
            i += 2;
            continue;
        }
        w += (cjk + CJK_CHARS_PER_WORD - 1) / CJK_CHARS_PER_WORD; /* a run ended */
        cjk = 0;
        if (u[i] == ' ')
            in = 0;
        else if (!in)
            in = 1, w++;
    }
    return w + (cjk + CJK_CHARS_PER_WORD - 1) / CJK_CHARS_PER_WORD;
}

#define ROW_MIN_SEPS 2 /* cell separators in a table row of three cells */
#define LINK_ROW_MIN_LINKS 3   /* links side by side that make a line a row of links ... */
#define LINK_ROW_SEP 3         /* ... with a separator between each two (", ", " | ", " · "), */
#define LINK_ROW_LINKED_PCT 90 /* ... or a label before them ("Special coverage [A][B]...") */

#define DEEP_INDENT 5 /* lynx: paragraphs at 3 columns, a <blockquote> at 5 */
/* Pass "empty link lead": html2text run with --ignore-images keeps the link around a photo
 * it leaves out, as an empty "[](url)"; a line opening on one goes on with what the page
 * set beside the linked photo: its caption ("[](/photo/1)Crowds at the harbour"), or a
 * button's or a player's label ("[](/video/2) Now playing"). No paragraph opens so: the
 * line is taken as a caption. */
static int empty_link_lead(const char *s, size_t len)
{
    size_t i = 1;
    if (len < 4 || s[0] != '[')
        return 0;
    while (i < len && s[i] == ' ')
        i++;
    return i + 1 < len && s[i] == ']' && s[i + 1] == '(';
}

/* Turns one logical line (maybe several joined physical lines) into a block. */
static int make_block(tx_doc *d, const char *s, size_t len, size_t indent, unsigned flags)
{
    tx_block b;
    memset(&b, 0, sizeof b);
    b.flags = flags | (indent >= 2 ? TBF_INDENT : 0) | (indent >= DEEP_INDENT ? TBF_DEEP : 0);
    /* block-level Markdown */
    while (len && s[0] == '>' ) { /* blockquote */
        b.flags |= TBF_QUOTE;
        s++, len--;
        while (len && s[0] == ' ')
            s++, len--;
    }
    size_t h = 0;
    while (h < len && h < 7 && s[h] == '#')
        h++;
    if (h >= 1 && h <= 6 && (h == len || s[h] == ' ')) {
        b.level = (int)h;
        s += h, len -= h;
        while (len && s[0] == ' ')
            s++, len--;
        while (len && (s[len - 1] == '#' || s[len - 1] == ' '))
            len--;
    }
    size_t skip;
    if (!b.level && list_marker(s, len, &skip)) {
        b.flags |= TBF_LIST;
        s += skip, len -= skip;
    }
    /* table cells: "caption |", "| a | b |" */
    if (len >= 2 && s[len - 1] == '|' && s[len - 2] == ' ') {
        b.flags |= TBF_CELL;
        len -= 2;
    }
    if (len >= 2 && s[0] == '|' && s[1] == ' ') {
        b.flags |= TBF_CELL;
        s += 2, len -= 2;
    }
    if (len && strspn(s, "|-: ") == len)
        return 0; /* table rule */
    /* a row of a data table (cookie lists, results, prices) splits into cells: "a| b| c"
     * (html2text), "| a | b | c |" (pandoc; its outer bars are gone by now) */
    size_t seps = 0;
    for (size_t k = 1; k + 1 < len && seps < ROW_MIN_SEPS; k++)
        seps += s[k] == '|' && s[k + 1] == ' ';
    if (seps >= ROW_MIN_SEPS)
        b.flags |= TBF_ROW;
    if (only_url(s, len))
        return 0; /* lynx reference list entries */

    inline_state st = {BTI_BUF_INIT, 0, 0, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0};
    int link_row = 0;
    clean_inline(&st, s, len, 0);
    if (st.html)
        b.flags |= TBF_HTML;
    if (st.caption || empty_link_lead(s, len))
        b.flags |= TBF_CAPTION;
    if (st.kicker_cut)
        b.flags |= TBF_KICKER_CUT;
    if (st.file_image_lead)
        b.flags |= TBF_IMAGE_LEAD;
    size_t tl;
    /* the decoded capture is NFC already: only white space is left to fold */
    char *text = tx_fold_space(st.out.data ? st.out.data : "", st.out.len, &tl);
    int rc = 0;
    if (!text) {
        rc = BT_ENOMEM;
        goto done;
    }
    /* emphasis wrapping the whole line: "**Giá chung cư vẫn tăng**" */
    if (len > 4 && ((s[0] == '*' && s[1] == '*' && s[len - 1] == '*') ||
                    (s[0] == '_' && s[len - 1] == '_')))
        b.flags |= TBF_EMPH;
    /* Pass "bare image link": html2text --ignore-images leaves the link around a photo as
     * "[ ](photo.jpg)", no text: the photo's place, which its caption below reads by */
    if (tl == 0 && !st.had_img && st.links == 1 && st.link_url &&
        image_url(st.link_url, strlen(st.link_url))) {
        st.had_img = 1;
        st.img_src = st.link_url;
        st.link_url = NULL;
    }
    if (tl == 0 && st.had_img) {
        free(text);
        b.kind = TB_IMAGE;
        size_t al;
        text = tx_fold_space(st.img_alt ? st.img_alt : "", st.img_alt ? strlen(st.img_alt) : 0,
                             &al);
        if (!text) {
            rc = BT_ENOMEM;
            goto done;
        }
        tl = al;
        b.url = st.img_src;
        st.img_src = NULL;
    } else if (tl == 0) {
        free(text);
        goto done;
    } else {
        b.kind = TB_TEXT;
        if (st.links == 1 && st.link_url) {
            /* the link of a line with one link: a related story's URL */
            if (st.link_bytes + 3 >= st.out.len)
                b.flags |= TBF_LINKLINE;
            b.url = st.link_url;
            st.link_url = NULL;
        } else {
            link_row = st.links >= LINK_ROW_MIN_LINKS &&
                       (st.link_bytes + LINK_ROW_SEP * st.links >= st.out.len ||
                        st.link_bytes * 100 >= st.out.len * LINK_ROW_LINKED_PCT);
        }
    }
    b.text = text;
    b.len = tl;
    b.words = tx_count_words(text, tl);
    /* pass "link row": a line that is nothing but links side by side, a separator between
     * each two (html2text writes a ticker's, a share bar's, a tag list's or a box of related
     * stories' links on one line), is no paragraph whatever its length; it parts runs of
     * prose as any line does (navigation would not). An enumeration whose names are linked
     * ("佐賀県：神埼市、白石町") is the article's list. */
    if (link_row && !tx_is_enumeration(&b))
        b.flags |= TBF_LINKROW;
    /* Folding costs a Unicode decomposition per letter: only short blocks need their key
     * folded (phrases, titles, doubled and mirrored lines); paragraphs are keyed raw. */
    if (b.words <= FOLD_WORDS) {
        b.fold = bti_fold_dup(text, tl, &b.flen);
        if (!b.fold) {
            free(b.text);
            free(b.url);
            rc = BT_ENOMEM;
            goto done;
        }
        b.key = tx_key(b.fold, b.flen);
    } else
        b.key = tx_raw_key(text, tl);
    rc = add_block(d, &b);
    if (rc) {
        free(b.text);
        free(b.url);
        free(b.fold);
    }
done:
    bti_buf_free(&st.out);
    free(st.img_src);
    free(st.img_alt);
    free(st.link_url);
    return rc;
}

static int ends_sentence(const raw_line *a);

/* A line that goes on mid-sentence after line `a`: it starts with a lowercase letter or a
 * digit; in a script without case (Chinese, Japanese, Korean, Devanagari, Arabic, Thai) a
 * letter after a line that ends no sentence, since no capital marks a new one there. */
static int goes_on(const raw_line *a, const raw_line *l)
{
    utf8proc_int32_t cp;
    if (!l->len || utf8proc_iterate((const utf8proc_uint8_t *)l->s, (utf8proc_ssize_t)l->len, &cp) <= 0)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LL || (cp >= '0' && cp <= '9') ||
           (c == UTF8PROC_CATEGORY_LO && !ends_sentence(a));
}

/* Pass "wrap: caseless scripts": a line of prose in a script that writes no spaces between
 * words (Chinese, Japanese) has none to find: it is text when it holds such characters. */
static int has_words(const raw_line *l)
{
    if (memchr(l->s, ' ', l->len))
        return 1;
    for (size_t i = 0; i + 2 < l->len; i++)
        if ((unsigned char)l->s[i] >= 0xE3 && cjk_at((const unsigned char *)l->s + i, l->len - i))
            return 1;
    return 0;
}

/* Whether the join of a wrapped line to the next falls between two CJK characters: the
 * renderer broke a line where no space was (lynx breaks Chinese and Japanese anywhere), so
 * the join adds none. */
static int cjk_join(const char *p, size_t plen, const raw_line *b)
{
    return plen >= 3 && b->len >= 3 && cjk_at((const unsigned char *)p + plen - 3, 3) &&
           cjk_at((const unsigned char *)b->s, b->len);
}

/* Hard-wrapped renderings (lynx, html2text, pandoc without --wrap=none) break paragraphs at a
 * fixed column. Returns that column, or 0 when lines were not wrapped. The column is the
 * median length of lines that another line follows: in wrapped text those are mostly full
 * lines (a long URL may overflow, hence no maximum). */
static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

#define WRAP_SURE_MIN 8   /* full lines that go on mid-sentence: enough to tell ... */
#define WRAP_SURE_PCT 75  /* ... when this share of the full lines does */

static size_t wrap_width(const raw_line *L, size_t n)
{
    size_t *cols = malloc((n ? n : 1) * sizeof *cols);
    if (!cols)
        return 0;
    size_t nc = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if (!L[i].blank && !L[i + 1].blank && has_words(&L[i]) && L[i].s[0] != '<' &&
            L[i].cols >= 40)
            cols[nc++] = L[i].cols;
    size_t W = 0;
    if (nc >= 3) {
        qsort(cols, nc, sizeof *cols, cmp_size);
        W = cols[nc / 2];
    }
    free(cols);
    if (W < 40 || W > 100)
        return 0;
    size_t many = 0, text = 0, mid = 0;
    /* wrapped paragraphs show as full lines followed by more of the same paragraph */
    for (size_t i = 0; i < n; i++) {
        if (L[i].blank || !has_words(&L[i]))
            continue;
        if (L[i].cols >= 30)
            text++;
        if (L[i].cols + 15 >= W && i + 1 < n && !L[i + 1].blank &&
            !(L[i].len == L[i + 1].len && !memcmp(L[i].s, L[i + 1].s, L[i].len))) {
            many++;
            mid += goes_on(&L[i], &L[i + 1]);
        }
    }
    /* ... and the next line goes on mid-sentence, in lower case, often; a page of menus and
     * teasers around a short article has few full lines, but those all go on mid-sentence */
    if (many >= WRAP_SURE_MIN && mid * 100 >= many * WRAP_SURE_PCT)
        return W;
    return many >= 3 && many * 5 >= text && (mid * 5 >= many * 2 || mid >= 12) ? W : 0;
}

/* Whether the line opens with an inline HTML tag ("<a href=...", "<em>"): pandoc wraps raw
 * links with the prose around them, so such a line goes on the paragraph above; a block tag
 * ("<div", "</figure>") starts a block of its own. */
static int inline_tag(const char *s, size_t len)
{
    static const char *const tags[] = {"a", "span", "em", "strong", "b", "i", "code", "sup",
                                        "sub", "abbr", "mark", "u", "s", "small", "time"};
    if (len < 2 || s[0] != '<')
        return 0;
    size_t k = s[1] == '/' ? 2 : 1;
    for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
        size_t tl = strlen(tags[t]);
        if (len > k + tl && !memcmp(s + k, tags[t], tl) &&
            (s[k + tl] == ' ' || s[k + tl] == '>'))
            return 1;
    }
    return 0;
}

/* Whether the text ends inside an HTML tag ("<img src=... " with its '>' on a later line). */
static int open_tag(const char *s, size_t len)
{
    for (size_t i = len; i-- > 0;) {
        if (s[i] == '>')
            return 0;
        if (s[i] == '<' && i + 1 < len &&
            ((s[i + 1] >= 'a' && s[i + 1] <= 'z') || s[i + 1] == '/' || s[i + 1] == '!'))
            return 1;
    }
    return 0;
}

/* Whether s ends inside a link of raw HTML (an <a ...> with no </a> after it): its text
 * goes on on the next line, however short this one is. */
static int open_link(const char *s, size_t len)
{
    for (size_t i = len; i-- > 0;) {
        if (s[i] != '<' || i + 2 >= len)
            continue;
        if (s[i + 1] == '/' && (s[i + 2] | 0x20) == 'a' && i + 3 < len && s[i + 3] == '>')
            return 0;
        if ((s[i + 1] | 0x20) == 'a' && (s[i + 2] == ' ' || s[i + 2] == '>'))
            return 1;
    }
    return 0;
}

/* Whether the paragraph so far ends inside a tag or a link of raw HTML (pandoc without
 * --wrap=none breaks "<a\nhref=...>" and link texts across lines). Looks at its tail only. */
static int html_open(const bti_buf *p)
{
    size_t from = p->len > 4096 ? p->len - 4096 : 0;
    return p->len && (open_tag(p->data + from, p->len - from) ||
                      open_link(p->data + from, p->len - from));
}

static size_t first_word_cols(const raw_line *l)
{
    size_t i = 0;
    while (i < l->len && l->s[i] != ' ')
        i++;
    return cp_count(l->s, i);
}

static int ends_sentence(const raw_line *a)
{
    char last = a->len ? a->s[a->len - 1] : 0;
    const unsigned char *u = (const unsigned char *)a->s;
    return last == '.' || last == '!' || last == '?' || last == ':' ||
           (a->len >= 3 && u[a->len - 3] == 0xE2 &&
            (u[a->len - 1] == 0x9D || /* ” */
             u[a->len - 1] == 0xA6)) || /* … */
           (a->len >= 3 && u[a->len - 3] == 0xE3 && u[a->len - 2] == 0x80 &&
            u[a->len - 1] == 0x82) || /* 。 */
           (a->len >= 3 && u[a->len - 3] == 0xEF && u[a->len - 2] == 0xBC &&
            (u[a->len - 1] == 0x81 || u[a->len - 1] == 0x9F)); /* ！ ？ */
}

/* Whether line `a` was broken by the renderer before `b`: it is full up to the wrap column.
 * Renderers measure width their own way (lynx counts some letters wider), hence the slack;
 * a line ending a sentence well before the column is a real line end, and so is one ending a
 * sentence before a short line that ends none (a heading the renderer set right below, as
 * lynx does with "Tin liên quan"). */
/* Whether the line ends on a full stop of Chinese or Japanese (。！？). */
static int ends_cjk_sentence(const raw_line *a)
{
    const unsigned char *u = (const unsigned char *)a->s + a->len - 3;
    return a->len >= 3 && ((u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82) ||
                           (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x81 || u[2] == 0x9F)));
}

static int wrapped(const raw_line *a, const raw_line *b, size_t W)
{
    /* Chinese and Japanese set no space after a full stop: the next sentence runs on in the
     * same "word", so lynx breaks after one only at its column (pass "wrap: CJK column") */
    if (ends_cjk_sentence(a) && a->cols < W)
        return 0;
    /* a line opening on an ideographic space is a Japanese paragraph's indented first line */
    if (b->len >= 3 && !memcmp(b->s, "\xE3\x80\x80", 3))
        return 0;
    size_t need = a->cols + 1 + first_word_cols(b);
    if (need + 12 <= W)
        return 0;
    if (!ends_sentence(a))
        return 1;
    /* pass "figure below": a figure set under a paragraph opens on its image's file name, a
     * long word no line could hold: after a sentence's end it starts a block of its own */
    if (opens_on_file_image(b->s, b->len))
        return 0;
    /* pass "related line": after a sentence's end, "Read more: <title>" opens a line of its
     * own (a link set between paragraphs parted by <br>s), not the sentence's paragraph */
    if (tx_inline_related_prefix(b->s, b->len))
        return 0;
    return need + 2 > W && !(b->cols * 2 < W && !ends_sentence(b));
}

/* Pass "wrap: CJK column": lynx breaks Chinese and Japanese text at the column itself, in
 * mid-word, so a wrapped CJK paragraph shows lines that end on an ideograph exactly at the
 * page's widest column, the next line going on in ideographs. Such pages are mostly short
 * paragraphs and menus, too few full lines for the median test of wrap_width: two lines
 * broken so at the same widest column are enough to tell the column. */
#define CJK_WRAP_MIN_FULL 2

static size_t cjk_wrap_width(const raw_line *L, size_t n)
{
    size_t W = 0, full = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        const raw_line *a = &L[i], *b = &L[i + 1];
        if (a->blank || b->blank || a->len < 3 || a->cols < W ||
            !cjk_join(a->s, a->len, b))
            continue;
        if (a->cols > W)
            W = a->cols, full = 0;
        full++;
    }
    return full >= CJK_WRAP_MIN_FULL && W >= 40 && W <= 100 ? W : 0;
}

int tx_doc_build(tx_doc *d, const char *text, size_t len)
{
    memset(d, 0, sizeof *d);
    size_t nl = 1;
    for (size_t i = 0; i < len; i++)
        nl += text[i] == '\n';
    raw_line *L = malloc(nl * sizeof *L);
    if (!L)
        return BT_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i <= len && n < nl;) {
        const char *e = memchr(text + i, '\n', len - i);
        size_t end = e ? (size_t)(e - text) : len;
        const char *s = text + i;
        size_t l = end - i, ind = 0;
        while (l && is_sp(s[l - 1]))
            l--;
        while (ind < l && (s[ind] == ' ' || s[ind] == '\t'))
            ind++;
        L[n].s = s + ind;
        L[n].len = l - ind;
        L[n].indent = ind;
        L[n].cols = ind + cp_count(s + ind, l - ind);
        L[n].blank = l == ind;
        n++;
        if (!e)
            break;
        i = end + 1;
    }
    d->vietnamese = tx_has_vietnamese(text, len);
    size_t W = wrap_width(L, n);
    if (!W)
        W = cjk_wrap_width(L, n);
    bti_buf para = BTI_BUF_INIT;
    int rc = 0, blank = 1;
    for (size_t i = 0; i < n && !rc;) {
        if (L[i].blank) {
            blank = 1;
            i++;
            continue;
        }
        unsigned flags = blank ? TBF_BLANK_BEFORE : 0;
        blank = 0;
        size_t indent = L[i].indent;
        bti_buf_reset(&para);
        rc = bti_buf_add(&para, L[i].s, L[i].len);
        size_t j = i + 1, soft = 0; /* soft: where the last line ending a sentence ended */
        /* an HTML tag left open at the end of the line continues on the next ones */
        int tag_open = open_tag(L[i].s, L[i].len);
        if (tag_open) {
            while (j < n && j - i < 40 && html_open(&para) && !L[j].blank) {
                rc = rc ? rc : bti_buf_addc(&para, ' ');
                rc = rc ? rc : bti_buf_add(&para, L[j].s, L[j].len);
                j++;
            }
        }
        /* a paragraph that opened with an inline tag (a link) goes on wrapped like any other */
        if (W && (!tag_open || inline_tag(L[i].s, L[i].len))) {
            size_t skip;
            /* only a paragraph with a '<' in it can have a tag or link left open */
            int lt = memchr(L[i].s, '<', L[i].len) != NULL;
            /* a wrapped line may start with "- " or "1983." without being a list item */
            /* a tag or link the wrap broke open goes on whatever the lines' lengths */
            while (j < n && !L[j].blank &&
                   ((lt && html_open(&para)) ||
                    (wrapped(&L[j - 1], &L[j], W) &&
                     !(L[j].len == L[j - 1].len && !memcmp(L[j].s, L[j - 1].s, L[j].len)) &&
                     (L[j].indent == L[j - 1].indent || !list_marker(L[j].s, L[j].len, &skip)) &&
                     /* the next item of a list is no continuation of this one */
                     !(list_marker(L[j].s, L[j].len, &skip) &&
                       list_marker(L[i].s, L[i].len, &skip)) &&
                     L[j].s[0] != '#' && (L[j].s[0] != '<' || inline_tag(L[j].s, L[j].len))))) {
                lt |= memchr(L[j].s, '<', L[j].len) != NULL;
                if (ends_sentence(&L[j - 1]))
                    soft = para.len;
                if (!cjk_join(para.data, para.len, &L[j]))
                    rc = rc ? rc : bti_buf_addc(&para, ' ');
                rc = rc ? rc : bti_buf_add(&para, L[j].s, L[j].len);
                j++;
            }
        }
        size_t had = d->n;
        if (!rc)
            rc = make_block(d, para.data, para.len, indent, flags);
        if (!rc && soft && d->n > had)
            d->b[d->n - 1].tail_words = tx_count_words(para.data + soft, para.len - soft);
        i = j;
    }
    bti_buf_free(&para);
    free(L);
    if (rc) {
        tx_doc_free(d);
        return rc;
    }
    if ((rc = tx_join_block_links(d)) || (rc = tx_unfold_letters(d, text, len))) {
        tx_doc_free(d);
        return rc;
    }
    /* Navigation: runs of short list items or link lines. */
    for (size_t i = 0; i < d->n;) {
        size_t j = i;
        while (j < d->n && (d->b[j].flags & (TBF_LIST | TBF_LINKLINE)) && d->b[j].words <= 8)
            j++;
        if (j - i >= 4)
            for (size_t k = i; k < j; k++)
                d->b[k].flags |= TBF_NAV;
        i = j > i ? j : i + 1;
    }
    return 0;
}

void tx_doc_free(tx_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->b[i].text);
        free(d->b[i].fold);
        free(d->b[i].url);
    }
    free(d->b);
    memset(d, 0, sizeof *d);
}
