/* html_byline.c: a byline's text cut into the names it holds. Bylines are written in the
 * page's language ("Von Anna Berg und Jan Roth", "Par Marie Dupont et Luc Martin", "Av Kari
 * Nordmann og Ola Hansen"): the opening word and the joining word come from the lexicon's
 * BYLINE_PREFIX and NAME_JOIN lists, so one rule reads every language the lists know. */
#include "extract/html_internal.h"
#include "extract/lexicon.h"


#include <stdlib.h>
#include <string.h>

#define MAX_PIECES 16     /* a byline names a few people, not a list */
#define LABEL_MAX_WORDS 3 /* "Tác giả:", "Bài và ảnh:", "Text:": a label before a colon is short */
#define CLOSING_LINE_MAX 256 /* a closing byline line: a label and a few names */
#define ROLE_MARK_MAX 8 /* "(TH)", "(dpa)", "[AFP]": one short word */
/* GLUED_PREFIX: "<span>By</span>Travis Haney" reads "ByTravis Haney" once its markup is
 * gone: a capitalised prefix word glued to a capitalised word is the prefix when what
 * follows it reads as a person's name ("TextEdit is..." stays a sentence) */
#define UPPER_ASCII "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

/* CJK text closes a label with the full-width colon ("责编：牛镛") and lists names with the
 * ideographic comma ("牛镛、岳弘彬"). */
#define FULL_COLON "\xEF\xBC\x9A"    /* U+FF1A */
#define FULL_COLON_LEAD "\xEF"         /* its first byte, where a label may end */
#define IDEOGRAPHIC_COMMA "\xE3\x80\x81" /* U+3001 */

static int full_colon(const char *s, size_t n)
{
    return n >= sizeof FULL_COLON - 1 && !memcmp(s, FULL_COLON, sizeof FULL_COLON - 1);
}

size_t bti_byline_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
        i++;
    size_t l = bti_lex_raw_prefix(BTI_LEX_BYLINE_PREFIX, s + i, n - i, " :" FULL_COLON_LEAD);
    if (!l && i < n && s[i] >= 'A' && s[i] <= 'Z') { /* GLUED_PREFIX */
        size_t g = bti_lex_raw_prefix(BTI_LEX_BYLINE_PREFIX, s + i, n - i, UPPER_ASCII);
        size_t e = i + g;
        if (g && e + 1 < n && s[e + 1] >= 'a' && s[e + 1] <= 'z' &&
            bti_name_is_person(s + e, n - e))
            return e;
    }
    if (!l) { /* no known word: a short label closed by a colon */
        size_t words = 1, j = i;
        while (j < n && s[j] != ':' && !full_colon(s + j, n - j) && words <= LABEL_MAX_WORDS)
            words += s[j++] == ' ';
        if (j < n && (s[j] == ':' || full_colon(s + j, n - j)) && j > i && words <= LABEL_MAX_WORDS)
            l = j - i;
    }
    if (!l)
        return 0;
    size_t e = i + l;
    if (e < n && s[e] == ':')
        e++;
    else if (full_colon(s + e, n - e))
        e += sizeof FULL_COLON - 1;
    while (e < n && s[e] == ' ')
        e++;
    return e < n ? e : 0; /* "By" alone names nobody: not a prefix */
}

/* The separator starting at s[0..n): its length, 0 when none. A joining word counts only
 * when written in lower case ("Anna E Berg" holds an initial, not "e"). */
static size_t separator(const char *s, size_t n)
{
    static const char *const marks[] = {" & ", " | ", " - ", IDEOGRAPHIC_COMMA};
    if (n >= 2 && s[0] == ',' && s[1] == ' ')
        return 2;
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
        if (n >= strlen(marks[k]) && !memcmp(s, marks[k], strlen(marks[k])))
            return strlen(marks[k]);
    if (n < 3 || s[0] != ' ' || bti_upper_letter(s + 1, n - 1))
        return 0;
    size_t l = bti_lex_raw_prefix(BTI_LEX_NAME_JOIN, s + 1, n - 1, " ");
    if (!l || 1 + l >= n || s[1 + l] != ' ')
        return 0;
    return 2 + l;
}

/* Whether s[0..n) reads as one name of a field: two words or more ("Anna Berg", not
 * "Sweidah" or "i") and no digit (not "January 18"). */
static int name_piece(const char *s, size_t n)
{
    while (n && s[n - 1] == ' ')
        n--;
    while (n && *s == ' ')
        s++, n--;
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 0;
    return n && memchr(s, ' ', n) != NULL;
}

/* "Minh Anh (TH)", "Anna Berg [dpa]": a short mark in brackets closing a name is its role
 * or agency, not part of it. The length of s[0..n) without it. */
static size_t without_role_mark(const char *s, size_t n)
{
    if (n < 3 || (s[n - 1] != ')' && s[n - 1] != ']'))
        return n;
    char open = s[n - 1] == ')' ? '(' : '[';
    size_t o = n - 1;
    while (o > 0 && s[o - 1] != open)
        o--;
    if (o == 0 || n - 1 - o > ROLE_MARK_MAX || memchr(s + o, ' ', n - 1 - o))
        return n;
    size_t k = o - 1; /* the name before it */
    while (k > 0 && s[k - 1] == ' ')
        k--;
    return k && memchr(s, ' ', k) ? k : n;
}

/* NAME_ROLE_SUFFIX: "신현주 기자" (reporter), "김철수 특파원" (correspondent): Korean bylines
 * write the writer's role after the name as a word of its own; the name is what stays. The
 * length of s[0..n) without it (n when its last word is no role, or is all there is). */
static size_t without_role_word(const char *s, size_t n)
{
    while (n && s[n - 1] == ' ')
        n--;
    size_t w = n;
    while (w && s[w - 1] != ' ')
        w--;
    if (!w || w == n || !bti_lex_raw_has(BTI_LEX_NAME_ROLE, s + w, n - w))
        return n;
    while (w && s[w - 1] == ' ')
        w--;
    return w ? w : n;
}

/* ROLE_PHRASE: "Howard Blume Staff Writer", "Sam Stein Senior Politics Editor": an English
 * byline may close the name with the writer's job title, capitalised like the name. The
 * title is the run of capitalised words that ends in a role noun (ROLE_NOUN: "Writer",
 * "Editor", "Correspondent") and opens with one or with a word that opens titles
 * (ROLE_OPENER: "Staff", "Senior", "Chief", and the desks: "Politics", "Lifestyle"), after
 * at least ROLE_NAME_MIN_WORDS words of the name. When the markup put the two side by side
 * ("<a>Howard Blume</a><span>Staff Writer</span>"), the text reads "Howard BlumeStaff
 * Writer": the title may also open inside a word, at a capital after a small letter (not
 * "MacDonald": "Donald" opens no title). What stays must read as a person's name. The length
 * of s[0..n) without the title (n when there is none). */
#define ROLE_NAME_MIN_WORDS 2
#define ROLE_MAX_WORDS 12

static int role_word(bti_lex_set lists, const char *s, size_t n)
{
    return n && s[0] >= 'A' && s[0] <= 'Z' && bti_lex_raw_has(lists, s, n);
}

static size_t without_role_phrase(const char *s, size_t n)
{
    while (n && s[n - 1] == ' ')
        n--;
    size_t ws[ROLE_MAX_WORDS], we[ROLE_MAX_WORDS], nw = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        if (i == n)
            break;
        if (nw == ROLE_MAX_WORDS)
            return n;
        ws[nw] = i;
        while (i < n && s[i] != ' ')
            i++;
        we[nw++] = i;
    }
    if (nw < 2 || !role_word(BTI_LEX_ROLE_NOUN, s + ws[nw - 1], we[nw - 1] - ws[nw - 1]))
        return n;
    const bti_lex_set opens = BTI_LEX_ROLE_NOUN | BTI_LEX_ROLE_OPENER;
    size_t cut = 0;
    for (size_t j = 1; j < nw && !cut; j++) {
        int caps = 1; /* the rest of the title: capitalised words */
        for (size_t k = j + 1; k < nw && caps; k++)
            caps = s[ws[k]] >= 'A' && s[ws[k]] <= 'Z';
        if (!caps)
            continue;
        /* glued: the title opens inside word j, at a capital after a small letter */
        for (size_t p = ws[j] + 1; p < we[j] && !cut; p++)
            if (s[p - 1] >= 'a' && s[p - 1] <= 'z' && s[p] >= 'A' && s[p] <= 'Z' &&
                role_word(opens, s + p, we[j] - p) && j + 1 >= ROLE_NAME_MIN_WORDS)
                cut = p;
        if (!cut && j >= ROLE_NAME_MIN_WORDS && role_word(opens, s + ws[j], we[j] - ws[j]))
            cut = we[j - 1];
    }
    return cut && bti_name_is_person(s, cut) ? cut : n;
}

/* Whether s[0..n) is a title written after a name ("PhD", "Jr."): no name of its own. */
static int title_piece(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '.'))
        n--;
    while (n && *s == ' ')
        s++, n--;
    return n && bti_lex_raw_has(BTI_LEX_NAME_TITLE, s, n);
}

/* Whether piece s[from..to) closes a byline line as its dateline's place: one word after
 * a comma ("Von Anna Sleegers, Frankfurt"). */
static int place_piece(const char *s, size_t from, size_t to)
{
    while (to > from && s[to - 1] == ' ')
        to--;
    if (from < 2 || s[from - 2] != ',' || to <= from)
        return 0;
    return memchr(s + from, ' ', to - from) == NULL;
}

static size_t row_mark(const char *s, size_t n);

/* SECTION_LABEL: a byline line may open with its section's name set off by a middle dot or
 * a bar ("Politik · Jochen Bittner, Tina Hildebrandt", "Opinion | Jane Doe"): one word, then
 * the mark (row_mark's). Where the names begin after it, or `at` when there is none. */
static size_t after_section_label(const char *s, size_t n, size_t at)
{
    size_t w = at;
    while (w < n && s[w] != ' ' && !(s[w] >= '0' && s[w] <= '9'))
        w++;
    if (w == at || w >= n)
        return at;
    size_t m = row_mark(s + w, n - w);
    return m && w + m < n ? w + m : at;
}

size_t bti_byline_names(const char *s, int mode, bti_name_fn f, void *ctx)
{
    size_t n = strlen(s), np = 0;
    size_t from[MAX_PIECES], to[MAX_PIECES];
    size_t i = bti_byline_prefix(s, n);
    if (mode == BTI_BYLINE_TEXT)
        i = after_section_label(s, n, i);
    size_t start = i;
    int depth = 0; /* "X (avec Y et Z)": no cut inside brackets */
    while (i <= n && np < MAX_PIECES) {
        size_t sep = i < n && !depth ? separator(s + i, n - i) : 0;
        if (i < n && (s[i] == '(' || s[i] == '['))
            depth++;
        else if (i < n && (s[i] == ')' || s[i] == ']') && depth)
            depth--;
        if (i == n || sep) {
            size_t end = i; /* "Von Nikolai Huke," */
            while (end > start && (s[end - 1] == ',' || s[end - 1] == ';' || s[end - 1] == ' '))
                end--;
            end = start + without_role_mark(s + start, end - start);
            end = start + without_role_word(s + start, end - start);
            end = start + without_role_phrase(s + start, end - start);
            if (end > start && !title_piece(s + start, end - start))
                from[np] = start, to[np++] = end;
            if (i == n)
                break;
            i += sep;
            start = i;
            continue;
        }
        i++;
    }
    if (i < n && np == MAX_PIECES) /* more pieces than names: not a byline */
        return 0;
    /* a field is a list when one of its pieces is a full name ("Doe, John" is one name) */
    int whole = mode == BTI_BYLINE_FIELD;
    for (size_t k = 0; k < np && whole; k++)
        whole = !name_piece(s + from[k], to[k] - from[k]);
    /* an organisation's name keeps its commas ("Departement für Wirtschaft, Bildung und
     * Forschung", "Verlag GmbH, Nürnberg, Germany") */
    for (size_t k = 0; k < np && mode == BTI_BYLINE_FIELD && !whole; k++)
        whole = bti_name_is_organisation(s + from[k], to[k] - from[k]) &&
                !bti_name_is_description(s + from[k], to[k] - from[k]);
    /* "Jong, Michiel de": a family name, a comma, the given names: one name inverted */
    if (mode == BTI_BYLINE_FIELD && np == 2 && s[to[0]] == ',' &&
        !memchr(s + from[0], ' ', to[0] - from[0]))
        whole = 1;
    if (whole && np > 1) {
        f(s + from[0], to[np - 1] - from[0], ctx);
        return 1;
    }
    if (mode == BTI_BYLINE_TEXT && np > 1 && place_piece(s, from[np - 1], to[np - 1]))
        np--;
    for (size_t k = 0; k < np; k++)
        f(s + from[k], to[k] - from[k], ctx);
    return np;
}

typedef struct piece_list {
    const char *at[MAX_PIECES];
    size_t len[MAX_PIECES];
    size_t n;
} piece_list;

static void collect_piece(const char *s, size_t len, void *ctx)
{
    piece_list *l = ctx;
    for (size_t i = 0, start = 0; i <= len && l->n < MAX_PIECES; i++)
        if (i == len || s[i] == '/') { /* "Mathatisi Sebusi/Mohalenyane Phakela" */
            l->at[l->n] = s + start;
            l->len[l->n++] = i - start;
            start = i + 1;
        }
}

static size_t name_line(const char *s, int plain, bti_name_fn f, void *ctx)
{
    piece_list l;
    l.n = 0;
    if (!bti_byline_names(s, BTI_BYLINE_TEXT, collect_piece, &l))
        return 0;
    for (size_t k = 0; k < l.n; k++)
        if (!(plain ? bti_name_is_plain_person : bti_name_is_person)(l.at[k], l.len[k]))
            return 0;
    for (size_t k = 0; f && k < l.n; k++)
        f(l.at[k], l.len[k], ctx);
    return l.n;
}

size_t bti_byline_name_line(const char *s, bti_name_fn f, void *ctx) { return name_line(s, 0, f, ctx); }

size_t bti_byline_plain_line(const char *s, bti_name_fn f, void *ctx) { return name_line(s, 1, f, ctx); }

/* Brackets around a whole line ("(责编：牛镛、岳弘彬)", "（文：X）"): the length of the
 * opening one (1 or 3 bytes), 0 when the line is not wrapped. */
static size_t wrapped(const char *s, size_t n)
{
    if (n > 2 && s[0] == '(' && s[n - 1] == ')')
        return 1;
    if (n > 6 && !memcmp(s, "\xEF\xBC\x88", 3) && !memcmp(s + n - 3, "\xEF\xBC\x89", 3))
        return 3; /* U+FF08, U+FF09 */
    return 0;
}

size_t bti_byline_closing_line(const char *s, bti_name_fn f, void *ctx)
{
    size_t n = strlen(s), w = wrapped(s, n);
    if (n >= CLOSING_LINE_MAX)
        return 0;
    char line[CLOSING_LINE_MAX];
    memcpy(line, s + w, n - 2 * w);
    line[n - 2 * w] = '\0';
    size_t ln = n - 2 * w;
    if (!bti_lex_raw_prefix(BTI_LEX_BYLINE_PREFIX, line, ln, " :" FULL_COLON_LEAD) ||
        !name_line(line, 0, NULL, NULL))
        return 0;
    /* the names point into the copy: f sees them before it goes */
    return f ? name_line(line, 0, f, ctx) : 1;
}

/* A meta row: pieces between " | " or " · " ("Do 25.04.24 | 14:07 Uhr | Von Eva Roth"). */
static size_t row_mark(const char *s, size_t n)
{
    if (n >= 3 && !memcmp(s, " | ", 3))
        return 3;
    if (n >= 4 && !memcmp(s, " \xC2\xB7 ", 4)) /* U+00B7 */
        return 4;
    return 0;
}

size_t bti_byline_row(const char *s, bti_name_fn f, void *ctx)
{
    size_t n = strlen(s), names_at = 0, names_len = 0, pieces = 0;
    if (n >= CLOSING_LINE_MAX)
        return 0;
    for (size_t i = 0, start = 0; i <= n; i++) {
        size_t m = i < n ? row_mark(s + i, n - i) : 0;
        if (i < n && !m)
            continue;
        const char *p = s + start;
        size_t l = i - start;
        int digit = 0;
        for (size_t k = 0; k < l && !digit; k++)
            digit = p[k] >= '0' && p[k] <= '9';
        pieces++;
        if (!digit) { /* the one piece that is no date or time: the byline */
            if (names_len || !bti_lex_raw_prefix(BTI_LEX_BYLINE_PREFIX, p, l, " :"))
                return 0;
            names_at = start;
            names_len = l;
        }
        if (i == n)
            break;
        i += m - 1;
        start = i + 1;
    }
    if (pieces < 2 || !names_len)
        return 0;
    char line[CLOSING_LINE_MAX];
    memcpy(line, s + names_at, names_len);
    line[names_len] = '\0';
    if (!name_line(line, 0, NULL, NULL))
        return 0;
    return f ? name_line(line, 0, f, ctx) : 1;
}
