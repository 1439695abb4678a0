/* text_head_meta.c: the rows under a headline in a text capture, which a renderer keeps
 * without the markup that named them: the headline itself when the page sets one H1, the
 * timed dateline, the byline near the headline, the standfirst (lede) under it and, past the
 * body, the author's note. The passes run from text_extract.c's extract() on its state as
 * tx_head shows it; each says what it takes and why. */
#include "extract/html_internal.h" /* bti_byline_row, bti_name_is_person */
#include "extract/lexicon.h"
#include "extract/text_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define NONE ((size_t)-1)

/* Whether the line holds a digit: no date without one, and bti_date_find is dear. */
static int has_digit(const tx_block *b)
{
    for (size_t k = 0; k < b->len; k++)
        if (b->text[k] >= '0' && b->text[k] <= '9')
            return 1;
    return 0;
}

/* A clock time in the line ("21:17"): a line that is no sentence and shows one is a meta
 * row, whatever else it says ("毎日新聞 2025/1/14 21:17（最終更新 1/14 21:17） 789文字"). */
static int shows_clock(const tx_block *b)
{
    const char *t = b->text;
    for (size_t k = 1; k + 2 < b->len; k++)
        if (t[k] == ':' && isdigit((unsigned char)t[k - 1]) && isdigit((unsigned char)t[k + 1]) &&
            isdigit((unsigned char)t[k + 2]))
            return 1;
    return 0;
}

/* The label a dateline opens with ("Published Thursday 27 July 2017", "Aktualisiert am",
 * "Updated: ..."): capitalised like a name, and the word before a date like a byline, yet it
 * names nobody. The lexicon's DATELINE_WORD list, which html_dateline.c reads too. */
int bti_text_date_label(const char *s, size_t len)
{
    return bti_lex_raw_prefix(BTI_LEX_DATELINE_WORD, s, len, " :") != 0;
}

/* Pass "sole H1": a Markdown capture (pandoc, html2text) keeps the page's <h1> as "# ...",
 * and a news page has one: its headline. When the page sets one first-level heading (its
 * copies aside: a share dialog may repeat it) and the headline found by walking back from
 * the body is no first-level heading, the body's run began at a notice or a teaser ("Try
 * refreshing your browser", a subscription box) and the H1 is the headline; the body starts
 * under it when the run took it in. Returns that H1 for the caller to try as a headline,
 * or NONE when the pass does not apply. */
size_t bti_text_sole_h1(const tx_head *c, size_t t)
{
    /* a lynx dump marks no heading: a "# " there is a tag list's */
    if ((t != NONE && c->d->b[t].level == 1) || c->lynx || c->indented)
        return NONE;
    size_t h = NONE;
    for (size_t i = 0; i < c->d->n; i++) {
        if (c->d->b[i].level != 1 || c->d->b[i].kind != TB_TEXT)
            continue;
        if (h != NONE && c->d->b[i].key != c->d->b[h].key)
            return NONE; /* two headlines: a front page's, or an H1 for the logo */
        if (h == NONE)
            h = i;
    }
    return h;
}

/* Pass 4b "timed dateline under the headline": when the dateline pass found none (the body's
 * run began further down: a standfirst, a byline box, a photo and its credit stand between),
 * a date with a time of day on a short line in the blocks under the headline is the
 * publication's ("Stand: 28. April 2023, 05:00 Uhr", "January 28, 2025 11:30 am"). A clock
 * time ("05:00") is required: a bare date there is as often a photo's or an event's.
 * Blocks t+1..last are searched; the line found takes role R_DATE, its date is *dt. */
#define TIMED_DATE_AFTER 16 /* blocks under the headline searched: past a byline box and a
                               photo's caption and credit */

size_t bti_text_timed_dateline(const tx_head *c, size_t t, size_t last, bti_date *dt)
{
    if (c->a->published || t == NONE)
        return NONE;
    for (size_t i = t + 1; i < c->d->n && i <= t + TIMED_DATE_AFTER && i <= last; i++) {
        if (c->role[i] != R_NONE || c->junk[i] == JUNK_SITE)
            continue;
        /* a clock first: bti_date_find is dear, and most lines show none */
        if (shows_clock(&c->d->b[i]) && bti_text_date_line(&c->d->b[i], dt) && dt->has_time) {
            c->role[i] = R_DATE;
            return i;
        }
    }
    return NONE;
}

/* Pass 5c "byline near the headline", outside Vietnamese captures when no byline was read
 * yet: a renderer keeps a byline's words but drops the box that marked it, and it comes out
 * in one of a few shapes around the headline and its dateline:
 *  - a meta row, a date and a time beside "Von X" ("Do 25.04.24 | 14:07 Uhr | Von X");
 *  - a byline word and names only ("Von Anna Berg und Jan Roth", "By Jane Doe"): a word
 *    of the lexicon's, never any label with a colon ("Image: Jane Doe" credits a photo);
 *  - the byline word on a line of its own, the names on the next ("von" / "Jane Doe",
 *    "Author of the article:" / "Jane Doe"), as a box's label and its name render;
 *  - a byline word, names, then a role, a place or the date ("Von Anna Berg, Redakteurin",
 *    "by Jane Doe Jul. 19, 2026"), maybe after the piece's kind when the names close the line
 *    ("Kommentar von Anna Berg"): leading_names() below;
 *  - names before the date on the dateline ("Jane Doe, 26.04.2024 10:00 Uhr");
 *  - names alone on the line right above the dateline ("Jane Doe" / "28.04.2024"), unless
 *    the dateline has its own byline word ("By Jane Doe March 18"); below
 *    it a name is a photo's caption or a tag as often ("Donald Trump" under the date).
 * Each name must read as a person's (bti_name_is_person: two to four capitalised words), so
 * a section's label or a headline is never one. The first line that gives names is the
 * byline. */
#define NEAR_BYLINE_AFTER 12   /* blocks under the headline a byline may sit (a standfirst, a
                                  photo and its caption, a share bar above it) */
#define NEAR_BYLINE_MAX_LEN 120 /* a byline line, not a paragraph naming people */
#define BYLINE_LABEL_MAX_WORDS 4 /* "Kommentar von", "Author of the article:": a label */

typedef struct name_sink {
    const tx_head *c;
    int rc;
    size_t taken;
} name_sink;

static void near_name(const char *s, size_t len, void *v)
{
    name_sink *k = v;
    if (k->rc < 0)
        return;
    char *name = tx_fold_space(s, len, NULL);
    if (!name) {
        k->rc = BT_ENOMEM;
        return;
    }
    size_t nl = strlen(name);
    while (nl && (name[nl - 1] == ',' || name[nl - 1] == ' '))
        name[--nl] = '\0';
    if (nl && bti_name_is_person(name, nl) && !bti_name_is_account(name, nl) &&
        !bti_text_date_label(name, nl)) {
        int dup = 0;
        for (size_t q = 0; q < k->c->a->n_authors; q++)
            dup |= !strcmp(k->c->a->authors[q], name);
        int rc = dup ? 0 : bt_article_add_author(k->c->a, name);
        if (rc)
            k->rc = rc;
        else
            k->taken++;
    }
    free(name);
}

/* A line that is a byline's label only: "von", "Kommentar von", "Author of the article:". */
static int byline_label_only(const tx_block *b)
{
    if (b->kind != TB_TEXT || !b->len || b->words > BYLINE_LABEL_MAX_WORDS)
        return 0;
    size_t e = b->len;
    int colon = b->text[e - 1] == ':';
    e -= colon;
    size_t w = e;
    while (w && b->text[w - 1] != ' ')
        w--;
    /* without a colon the word closes a phrase in lower case ("Kommentar von") or stands
     * alone ("Von"): "Resize Text" is a button */
    if (w < e && bti_lex_raw_has(BTI_LEX_BYLINE_PREFIX, b->text + w, e - w) &&
        (colon || w == 0 || !bti_upper_letter(b->text + w, e - w)))
        return 1;
    return colon && bti_lex_raw_prefix(BTI_LEX_BYLINE_PREFIX, b->text, b->len, " :") != 0;
}

/* Shape 5, "leading names": a byline word, then names, then whatever the renderer ran into
 * the line (a role, a place, the date, an agency after "mit"): "Von Anna Berg, Redakteurin
 * für Finanzen", "by Jane Doe Jul. 19, 2026 9:45 am", "Von Jan Roth ¶ Redaktionsleiter".
 * The line is cut at its date; names are runs of capitalised words parted by commas and
 * joining words, and the first word that is neither ends them. The number of names taken. */
#define LEADING_MAX_PIECES 8
/* Month names (English, German) and their short forms: the date's first word when the line's
 * date has no year for bti_date_find to read ("By Jane Doe March 18 at 3:57 PM"); capitalised,
 * they would run into the name. */
static const char *const month_words[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Januar", "Februar", "März", "Juni", "Juli", "Oktober",
    "Dezember", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Mär", "Okt", "Dez"};

static int month_word(const char *w, size_t n)
{
    if (n && w[n - 1] == '.')
        n--;
    for (size_t k = 0; k < sizeof month_words / sizeof month_words[0]; k++)
        if (strlen(month_words[k]) == n && !memcmp(w, month_words[k], n))
            return 1;
    return 0;
}

/* "Kommentar von X", "Analysis by X": a word or two naming the piece, then the byline word
 * in lower case; the offset of that word, or 0. */
#define BYLINE_KIND_MAX_WORDS 2
static size_t byline_after_kind(const char *s, size_t n)
{
    size_t words = 0;
    for (size_t p = 1; p + 1 < n && words < BYLINE_KIND_MAX_WORDS; p++) {
        if (s[p] != ' ')
            continue;
        words++;
        if (s[p + 1] >= 'a' && s[p + 1] <= 'z' &&
            bti_lex_raw_prefix(BTI_LEX_BYLINE_PREFIX, s + p + 1, n - p - 1, " :"))
            return p + 1;
    }
    return 0;
}

static size_t leading_names(const char *s, size_t n, name_sink *k)
{
    size_t l = bti_lex_raw_prefix(BTI_LEX_BYLINE_PREFIX, s, n, " :");
    int kind = 0;
    if (!l) {
        size_t at = byline_after_kind(s, n);
        if (!at)
            return 0;
        s += at;
        n -= at;
        l = bti_lex_raw_prefix(BTI_LEX_BYLINE_PREFIX, s, n, " :");
        kind = 1;
    }
    bti_date dt;
    if (bti_date_find(s, n, &dt) && dt.start > l)
        n = dt.start;
    size_t off[LEADING_MAX_PIECES], len[LEADING_MAX_PIECES], np = 0, p = l, ns = NONE, ne = 0;
    int stray = 0; /* a capitalised piece that is no person's name: a role, a desk */
    int prev_comma = 0, clean_end = 0;
    for (;;) {
        while (p < n && (s[p] == ' ' || s[p] == ':'))
            p++;
        size_t w = p;
        while (p < n && s[p] != ' ' && s[p] != ',')
            p++;
        int comma = p < n && s[p] == ',';
        int name_word = p > w && bti_upper_letter(s + w, p - w) &&
                        !isdigit((unsigned char)s[p - 1]) && !month_word(s + w, p - w);
        if (name_word) {
            if (ns == NONE)
                ns = w;
            ne = p;
        }
        if (ns != NONE && (!name_word || comma || p >= n)) {
            if (bti_name_is_person(s + ns, ne - ns) && np < LEADING_MAX_PIECES) {
                off[np] = ns;
                len[np++] = ne - ns;
            } else if (comma)
                stray = 1; /* inside the list; a last piece is a place ("..., Nairobi") */
            ns = NONE;
        }
        int join = !name_word && bti_lex_raw_has(BTI_LEX_NAME_JOIN, s + w, p - w);
        if (p >= n || (!name_word && !join)) {
            /* the names close the line, or what follows them comes after a comma */
            clean_end = name_word ? p >= n : prev_comma;
            break;
        }
        prev_comma = comma;
        if (comma)
            p++;
    }
    /* after a piece's kind the byline word is a preposition as often ("Kühltürme von AKW
     * Gundremmingen gesprengt"): the names must close the line */
    if (kind && !clean_end)
        return 0;
    /* "By Jane Doe, Senior Staff Technologist, Speech, Privacy, and Technology Project": past
     * a piece that names nobody, the capitalised words are the writer's title, not more
     * writers */
    if (stray && np > 1)
        np = 1;
    size_t before = k->taken;
    for (size_t q = 0; q < np && k->rc >= 0; q++)
        near_name(s + off[q], len[q], k);
    return k->taken - before;
}

/* Shape 6, "names before the date": the dateline opens with names and no byline word
 * ("Jane Doe, 26.04.2024 10:00 Uhr", "Jane Doe | 28.04.2024"): plain names only. */
static void names_before_date(const tx_block *b, name_sink *k)
{
    bti_date dt;
    if (b->len > NEAR_BYLINE_MAX_LEN || !bti_date_find(b->text, b->len, &dt) || !dt.start)
        return;
    size_t e = dt.start;
    for (;;) {
        if (e && strchr(" ,|-", b->text[e - 1]))
            e--;
        else if (e >= 3 && !memcmp(b->text + e - 3, "\xE2\x80\xA2", 3)) /* • */
            e -= 3;
        else if (e >= 2 && !memcmp(b->text + e - 2, "\xC2\xB7", 2)) /* · */
            e -= 2;
        else
            break;
    }
    char line[NEAR_BYLINE_MAX_LEN + 1];
    memcpy(line, b->text, e);
    line[e] = '\0';
    if (e && bti_byline_plain_line(line, NULL, NULL))
        bti_byline_plain_line(line, near_name, k);
}

/* The next block after i that is text; NONE past `end`. */
static size_t next_text(const tx_head *c, size_t i, size_t end)
{
    for (size_t j = i + 1; j < c->d->n && j <= end; j++)
        if (c->d->b[j].kind == TB_TEXT)
            return j;
    return NONE;
}

/* Not a list's item, or the only item of its list ("* Jane Doe" over the dateline, where
 * "- Older Article / - Newer Article" and a menu's items are lists). */
static int lone_item(const tx_head *c, size_t i)
{
    const tx_block *B = c->d->b;
    return !(B[i].flags & TBF_LIST) || ((i == 0 || !(B[i - 1].flags & TBF_LIST)) &&
                                        (i + 1 >= c->d->n || !(B[i + 1].flags & TBF_LIST)));
}

int bti_text_near_bylines(const tx_head *c, size_t dlo, size_t t)
{
    if (c->d->vietnamese || c->a->n_authors || t == NONE)
        return 0;
    const tx_block *B = c->d->b;
    size_t end = t + NEAR_BYLINE_AFTER < c->d->n ? t + NEAR_BYLINE_AFTER : c->d->n - 1;
    name_sink k = {c, 0, 0};
    /* the shapes with a byline's word first, anywhere in the window; names that only their
     * place beside the dateline marks after ("Print Article Comments" above "By Jane Doe
     * March 18 at 3:57 PM" is a tool bar) */
    for (int tier = 0; tier < 2 && !k.taken; tier++)
        for (size_t i = dlo; i <= end && !k.taken; i++) {
            const tx_block *b = &B[i];
            if (b->kind != TB_TEXT || b->len > NEAR_BYLINE_MAX_LEN || c->role[i] == R_TITLE ||
                c->role[i] == R_LEDE || c->role[i] == R_STOP)
                continue;
            size_t at = i, j;
            if (tier == 0) {
                if (bti_byline_row(b->text, NULL, NULL))
                    bti_byline_row(b->text, near_name, &k);
                else if (leading_names(b->text, b->len, &k))
                    ;
                else if (bti_lex_raw_prefix(BTI_LEX_BYLINE_PREFIX, b->text, b->len, " :") &&
                         bti_byline_name_line(b->text, NULL, NULL))
                    bti_byline_name_line(b->text, near_name, &k);
                else if (byline_label_only(b) && (j = next_text(c, i, end)) != NONE &&
                         B[j].len <= NEAR_BYLINE_MAX_LEN &&
                         bti_byline_name_line(B[j].text, NULL, NULL)) {
                    bti_byline_name_line(B[j].text, near_name, &k);
                    at = j;
                }
            } else if (i + 1 < c->d->n && c->role[i + 1] == R_DATE &&
                       !bti_lex_raw_prefix(BTI_LEX_BYLINE_PREFIX, B[i + 1].text, B[i + 1].len,
                                           " :") &&
                       !(b->flags & TBF_NAV) && lone_item(c, i) &&
                       bti_byline_plain_line(b->text, NULL, NULL))
                bti_byline_plain_line(b->text, near_name, &k);
            else if (c->role[i] == R_DATE)
                names_before_date(b, &k);
            if (k.rc < 0)
                return k.rc;
            if (k.taken) { /* a meta row stays the dateline it is too */
                if (c->role[i] != R_DATE)
                    c->role[i] = R_BYLINE;
                c->role[at] = c->role[at] == R_DATE ? R_DATE : R_BYLINE;
            }
        }
    return 0;
}

#define LEDE_UNDER_TITLE_MAX_WORDS 70 /* pass "lede under the headline": a standfirst is a
                                         sentence or three, not a long first paragraph */
#define LEDE_UNDER_TITLE_MORE 1       /* ... and the body goes on after it */
#define LEDE_UNDER_TITLE_LOOK 16      /* blocks under the headline it may stand: past a byline
                                         box, a share bar, a photo and its credit */
#define LEDE_DECK_MIN_WORDS 8         /* a deck set as a subheading: a sentence */
#define LEDE_META_MAX_WORDS 8         /* a meta row between them: "16.05.2024 • Lesezeit: 5
                                         Minuten", "Link kopiert" */

/* Pass "lede under the headline": outside Vietnamese captures (whose sapo has its own rule
 * in text_extract.c), a renderer drops what set a standfirst apart (its class, its size),
 * and what is left is its place: the first paragraph under the headline, a sentence or three
 * long (a deck may end without a full stop, or be set as a subheading), with the body going
 * on after it. Between them may stand only furniture, the meta rows (dateline, byline, reading
 * time: short lines that are no prose), the headline's copy and the lead photo with its
 * caption and credit; past those, it must open the body's run. Returns the paragraph, or
 * NONE. */
static size_t lede_under_title(const tx_head *c, size_t re)
{
    const tx_block *B = c->d->b;
    bti_date dt;
    if (c->title == NONE || c->d->vietnamese)
        return NONE;
    size_t j = c->title + 1, end = c->title + LEDE_UNDER_TITLE_LOOK;
    int past_meta = 0;
    for (; j <= re && j < c->d->n && j <= end; j++) {
        const tx_block *b = &B[j];
        if (c->junk[j])
            continue;
        /* a caption over its credit line is the photo's ("... / Image: Jane Doe") */
        size_t k = j + 1;
        while (k < c->d->n && c->junk[k])
            k++;
        int over_credit = k < c->d->n && bti_text_credit_line(&B[k]);
        if (c->role[j] == R_DATE || c->role[j] == R_BYLINE || b->kind == TB_IMAGE ||
            (b->flags & TBF_CAPTION) || b->key == c->title_key || bti_text_bare_caption(b) ||
            over_credit || bti_text_credit_line(b) ||
            (has_digit(b) && bti_text_date_line(b, &dt)) ||
            (b->kind == TB_TEXT && !tx_is_prose(b) && !bti_text_sentence_end(b) &&
             shows_clock(b)) ||
            (b->kind == TB_TEXT && !b->level && b->words <= LEDE_META_MAX_WORDS &&
             !tx_is_prose(b))) {
            past_meta = 1;
            continue;
        }
        break;
    }
    /* past meta rows and photos, the paragraph must open the body's run: above it, the
     * page's widgets (a share row, a newsletter box, a photo's alt text) come first */
    /* a deck set as a subheading ("## The appointment came days after ...") is one too: a
     * sentence, where a section's heading is a few words */
    if ((past_meta && j < c->run_start) || j > re || j >= c->d->n || j > end ||
        c->role[j] != R_NONE || B[j].kind != TB_TEXT || B[j].level == 1 ||
        (B[j].level && B[j].words < LEDE_DECK_MIN_WORDS) ||
        (B[j].flags & (TBF_LIST | TBF_CELL | TBF_CAPTION | TBF_LINKLINE | TBF_LINKROW | TBF_NAV |
                       TBF_ROW)) ||
        B[j].words < SAPO_MIN_WORDS || B[j].words > LEDE_UNDER_TITLE_MAX_WORDS ||
        tx_doubled_half(B[j].text, B[j].len))
        return NONE;
    size_t more = 0;
    for (size_t q = j + 1; q <= re && q < c->d->n; q++)
        more += !c->junk[q] && tx_is_prose(&B[q]);
    return more >= LEDE_UNDER_TITLE_MORE ? j : NONE;
}

/* The pass as text_extract.c's take_sapo runs it, when no paragraph is set apart as a sapo. */
size_t bti_text_lede_under_title(const tx_head *c, size_t re)
{
    size_t j = lede_under_title(c, re);
    if (j == NONE)
        return NONE;
    const tx_block *B = c->d->b;
    /* the meta rows passed over above it ("Lesezeit: 2 min") are no paragraphs */
    for (size_t q = c->title + 1; q < j; q++)
        if (c->role[q] == R_NONE && !c->junk[q] && B[q].kind == TB_TEXT && !B[q].level &&
            B[q].words <= LEDE_META_MAX_WORDS && !tx_is_prose(&B[q]) &&
            !bti_text_bare_caption(&B[q]) && !bti_text_credit_line(&B[q]) &&
            !(B[q].flags & TBF_CAPTION))
            c->role[q] = R_JUNK;
    return j;
}

/* Pass 11b "author's note": with no byline read, the note about its writer under the article
 * ("Jane Doe is a producer for ...", "Anna Berg ist Redakteurin ...") names the author: a
 * paragraph below the body that opens with a person's name (bti_name_is_person) and words
 * that describe a writer (note_verbs).
 * Each note names one writer; a page with several writers gives several notes. */
#define NOTE_TAIL 40          /* blocks under the body searched (share bars, tags, comments) */
#define NOTE_NAME_MAX_WORDS 4 /* a name, then the verb */
/* English describes a writer with "is a"; German's "ist" opens any sentence ("Kai Wegner ist
 * ..."), so there the profession must follow */
static const char *const note_verbs[] = {" is a ", " is an ", " is the ", " writes ", " covers ",
                                         " reports ", " ist Redakteur", " ist Autor",
                                         " ist Korrespondent", " ist Reporter",
                                         " arbeitet als Redakteur", " schreibt für "};

int bti_text_author_notes(const tx_head *c, size_t re)
{
    if (c->d->vietnamese || c->a->n_authors)
        return 0;
    name_sink k = {c, 0, 0};
    for (size_t i = re + 1; i < c->d->n && i <= re + NOTE_TAIL && c->a->n_authors < MAX_AUTHORS;
         i++) {
        const tx_block *b = &c->d->b[i];
        if (b->kind != TB_TEXT || c->role[i] != R_NONE || b->level || !tx_is_prose(b))
            continue;
        /* the name: the words before the verb, a few, each capitalised */
        size_t words = 0, e = NONE;
        for (size_t p = 0; p < b->len && words <= NOTE_NAME_MAX_WORDS && e == NONE; p++) {
            if (b->text[p] != ' ')
                continue;
            words++;
            for (size_t v = 0; v < sizeof note_verbs / sizeof note_verbs[0]; v++) {
                size_t vl = strlen(note_verbs[v]);
                if (p + vl <= b->len && !memcmp(b->text + p, note_verbs[v], vl)) {
                    e = p;
                    break;
                }
            }
        }
        if (e == NONE || words < 2)
            continue;
        size_t before = k.taken;
        near_name(b->text, e, &k);
        if (k.rc < 0)
            return k.rc;
        if (k.taken > before)
            c->role[i] = R_BYLINE;
    }
    return 0;
}
