/* text_lynx.c: what the layout of a lynx dump (`lynx -dump -nolist`) tells, where no markup
 * is left to tell it. lynx shows no links and no heading marks, but it keeps the page's
 * block structure in white space: a paragraph (<p>, <br><br>) is set apart by a blank line,
 * while the text of <div>s and <span>s (teaser cards, buttons, widgets) follows the line
 * above it directly; paragraphs are indented three columns, headings sit at the margin and
 * list items carry a bullet. These passes mark as furniture what that structure gives away;
 * one more ("lynx apostrophe") undoes a character lynx substitutes in the text itself. */
#include "extract/text_internal.h"
#include "extract/lexicon.h"
#include "text/alloc.h"
#include "core/date.h"

#include <stddef.h>
#include <utf8proc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define LYNX_MIN_PROSE 3       /* paragraphs needed to judge a capture's layout */
#define LYNX_INDENT_PCT 75     /* share of indented paragraphs that makes it a lynx dump */
#define SPACED_PCT 70          /* share of paragraphs set apart by a blank line that makes the
                                  article's paragraphs <p>s (pass "glued text") */

/* Whether the capture is laid out as a lynx dump: its paragraphs are indented. */
static int lynx_layout(const tx_doc *d, size_t *prose, size_t *spaced)
{
    size_t ind = 0;
    *prose = *spaced = 0;
    for (size_t i = 0; i < d->n; i++) {
        const tx_block *b = &d->b[i];
        if (b->level || (b->flags & TBF_LIST) || !tx_is_prose(b))
            continue;
        (*prose)++;
        if (b->flags & TBF_INDENT) {
            ind++;
            *spaced += (b->flags & TBF_BLANK_BEFORE) != 0;
        }
    }
    return *prose >= LYNX_MIN_PROSE && ind * 100 >= *prose * LYNX_INDENT_PCT;
}

/* Pass "glued text": when the page sets its paragraphs apart by blank lines (most are), a
 * line of prose that follows the text above it with no blank line is not one of them: it is
 * a <div>'s text, a teaser's summary under its title, a widget's notice. It gets its own
 * mark: the body pass lets the article go on through it, as through any widget's text. */
int tx_lynx_glued(const tx_block *b)
{
    return (b->flags & TBF_INDENT) && !(b->flags & (TBF_BLANK_BEFORE | TBF_LIST)) && !b->level;
}

static int glued_prose(const tx_block *b) { return tx_lynx_glued(b) && tx_is_prose(b); }

static void mark_glued(const tx_doc *d, unsigned char *junk, unsigned char mark)
{
    for (size_t i = 1; i < d->n; i++) {
        const tx_block *b = &d->b[i];
        if (junk[i] || !glued_prose(b))
            continue;
        /* paragraphs parted by single <br>s come glued one after another: an article set so,
         * not a card's line */
        if (glued_prose(&d->b[i - 1]) || (i + 1 < d->n && glued_prose(&d->b[i + 1])))
            continue;
        junk[i] = mark;
    }
}

/* Pass "bullet cards": lynx marks list items with a bullet and no link: a teaser list, a box
 * of the site's services, comes out as bullets whose text reads as prose. An article's own
 * list follows the paragraph that opens it (indented, as lynx sets paragraphs); bullets with
 * no paragraph above them (only a heading at the margin, buttons, furniture) are cards. */
#define CARDS_MIN_ITEMS 5 /* fewer bullets may be a list the article opens under a heading */
#define LINED_CARDS_MIN 2 /* ... unless each bullet has a line of its own glued under it (its
                             story's headline under a photo's caption): a card each */

/* Whether the line ends on a colon, introducing the list below it. */
static int introduces_items(const tx_block *b)
{
    return b->len && b->text[b->len - 1] == ':';
}

/* A paragraph that may open a list: prose, or a line introducing it ("... next week:"). */
static int opens_list(const tx_block *b)
{
    return (b->flags & TBF_INDENT) && !(b->flags & TBF_LIST) && !b->level &&
           (tx_is_prose(b) || introduces_items(b));
}

static void mark_bullet_cards(const tx_doc *d, unsigned char *junk, unsigned char mark,
                              unsigned char card)
{
    for (size_t i = 0; i < d->n;) {
        if (!(d->b[i].flags & TBF_LIST)) {
            i++;
            continue;
        }
        /* a line a card sets under its bullet, glued (a teaser's headline or time stamp in a
         * <div> of the <li>, without the bullet lynx gives the item itself): the cards'
         * list goes on through it */
        size_t j = i, items = 0, lined = 0;
        while (j < d->n && ((d->b[j].flags & TBF_LIST) || junk[j] || d->b[j].kind != TB_TEXT ||
                            tx_lynx_glued(&d->b[j]))) {
            int item = (d->b[j].flags & TBF_LIST) && !junk[j];
            items += item;
            lined += item && j + 1 < d->n && !junk[j + 1] && d->b[j + 1].kind == TB_TEXT &&
                     tx_lynx_glued(&d->b[j + 1]);
            j++;
        }
        size_t p = i;
        while (p > 0 && (junk[p - 1] || d->b[p - 1].kind != TB_TEXT))
            p--;
        int opened = p > 0 && opens_list(&d->b[p - 1]);
        int lined_cards = lined >= LINED_CARDS_MIN && lined == items;
        if (!opened && (items >= CARDS_MIN_ITEMS || lined_cards))
            for (size_t k = i; k < j; k++)
                if ((d->b[k].flags & TBF_LIST) && !junk[k] && tx_is_prose(&d->b[k]))
                    junk[k] = mark;
        /* pass "inline cards": cards with a line glued under each bullet ("More on this" and
         * a story's title, three times) set between two paragraphs are a box too, unless
         * the paragraph above introduces them (a colon): their lines are no teaser list's
         * headlines, though they part the paragraphs around them as any box does */
        if (lined_cards && !(p > 0 && introduces_items(&d->b[p - 1])))
            for (size_t k = i; k < j; k++)
                if (!junk[k] && d->b[k].kind == TB_TEXT)
                    junk[k] = card;
        i = j;
    }
}

/* Pass "alt twins": lynx prints a photo's alt text where the image was, and the caption
 * under it often repeats that text before a credit: "Rescuers at the site" then "Rescuers
 * at the site (Photo: AP)", on two lines or run into one. Text printed twice in a row is a
 * photo's, never a paragraph's. */
#define ALT_MIN_LEN 24   /* bytes: shorter repeats are labels ("Video", a name) */
#define ALT_MAX_LEN 400  /* an alt text is a sentence or two */

/* Whether b's text starts with a's whole text, at a word's end. */
static int starts_with_twin(const tx_block *a, const tx_block *b)
{
    return a->kind == TB_TEXT && a->len >= ALT_MIN_LEN && a->len <= ALT_MAX_LEN &&
           b->len >= a->len && !memcmp(b->text, a->text, a->len) &&
           (b->len == a->len || b->text[a->len] == ' ');
}

/* Whether the block's text opens with a stretch that it then repeats: "A A (credit)". */
static int repeats_opening(const tx_block *b)
{
    for (size_t k = ALT_MIN_LEN; k <= ALT_MAX_LEN && 2 * k + 1 <= b->len; k++)
        if (b->text[k] == ' ' && !memcmp(b->text, b->text + k + 1, k) &&
            (2 * k + 1 == b->len || b->text[2 * k + 1] == ' '))
            return 1;
    return 0;
}

/* Pass "near twins": the alt text and the caption under it may differ in a word or two
 * ("Jesus Christus (l) und Donald Trump: Der US-Präsident ... Vergrößern des Bildes", then
 * "Jesus Christus und Donald Trump: Der US-Präsident ..."): a line glued under another that
 * opens on the same two words and on nearly all of its first few is the same photo's. */
#define NEAR_TWIN_WORDS 6 /* opening words of the upper line compared ... */
#define NEAR_TWIN_LOOK 8  /* ... with those of the lower line */
#define NEAR_TWIN_SAME 5  /* found there: a word may be dropped or reworded */
#define NEAR_TWIN_WORD 32 /* bytes of a word compared */

/* The opening words of s, ASCII punctuation dropped and ASCII letters lowercased; returns
 * how many (words that are all punctuation are skipped). */
static size_t opening_words(const char *s, size_t len, char w[][NEAR_TWIN_WORD], size_t max)
{
    size_t n = 0, p = 0;
    while (p < len && n < max) {
        size_t k = 0;
        for (; p < len && s[p] != ' '; p++) {
            unsigned char c = (unsigned char)s[p];
            if (c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && !(c >= '0' && c <= '9'))
                continue;
            if (k + 1 < NEAR_TWIN_WORD)
                w[n][k++] = (char)(c < 0x80 ? (c | 0x20) : c);
        }
        p++;
        if (k) {
            w[n][k] = '\0';
            n++;
        }
    }
    return n;
}

static int near_twins(const tx_block *a, const tx_block *b)
{
    if (a->words < NEAR_TWIN_WORDS || b->words < NEAR_TWIN_WORDS)
        return 0;
    char wa[NEAR_TWIN_WORDS][NEAR_TWIN_WORD], wb[NEAR_TWIN_LOOK][NEAR_TWIN_WORD];
    size_t na = opening_words(a->text, a->len, wa, NEAR_TWIN_WORDS);
    size_t nb = opening_words(b->text, b->len, wb, NEAR_TWIN_LOOK);
    if (na < NEAR_TWIN_WORDS || nb < 2 || strcmp(wa[0], wb[0]) || strcmp(wa[1], wb[1]))
        return 0;
    size_t same = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (!strcmp(wa[i], wb[j])) {
                same++;
                break;
            }
    return same >= NEAR_TWIN_SAME;
}

/* Pass "glued twins": the alt text and the caption need not be the same to the byte ("am
 * Montag, den 5. Januar 2026 im" over "am Montag, 5. Januar 2026, im"), and Chinese or
 * Japanese captions come joined to their alt text with no space between (lynx's wrap rejoined
 * as one word). A block that opens with a stretch it prints again at a word's start (or
 * right after, in CJK) further on, and ends within a credit's length of where that second
 * copy would end, is such a photo too. */
#define TWIN_OPEN_LEN ALT_MIN_LEN /* bytes of the opening that must come again */
#define TWIN_CREDIT_MAX 160       /* bytes the second copy may run past the first's length
                                     (words the caption adds, the credit) */

static int glued_twin(const tx_block *b)
{
    const char *s = b->text;
    if (b->len < 2 * TWIN_OPEN_LEN + 1)
        return 0;
    size_t lim = ALT_MAX_LEN + 1;
    for (size_t p = TWIN_OPEN_LEN; p <= lim && p + TWIN_OPEN_LEN <= b->len; p++) {
        const char *at = memchr(s + p, s[0], (lim < b->len ? lim + 1 : b->len) - p);
        if (!at)
            return 0;
        p = (size_t)(at - s);
        if (p + TWIN_OPEN_LEN > b->len || b->len > 2 * p + TWIN_CREDIT_MAX)
            return 0; /* past here the block is too long for two copies and a credit */
        /* at a word's start, or at a CJK character right after another (3-byte UTF-8) */
        int start = s[p - 1] == ' ' ||
                    ((unsigned char)s[p] >= 0xE3 && p >= 3 && (unsigned char)s[p - 3] >= 0xE3);
        if (start && !memcmp(s, s + p, TWIN_OPEN_LEN))
            return 1;
    }
    return 0;
}

static void mark_alt_twins(const tx_doc *d, unsigned char *junk, unsigned char mark)
{
    for (size_t i = 0; i < d->n; i++) {
        const tx_block *b = &d->b[i];
        /* headlines sit at the margin and are printed twice too (the page's title, the
         * article's): only indented text is a photo's */
        if (b->kind != TB_TEXT || b->level || (b->flags & TBF_LIST) || !(b->flags & TBF_INDENT))
            continue;
        const tx_block *cap = i + 1 < d->n ? &d->b[i + 1] : NULL;
        int pair = cap && (cap->flags & TBF_INDENT) && starts_with_twin(b, cap);
        if (!pair && (repeats_opening(b) || glued_twin(b))) {
            junk[i] = mark;
            continue;
        }
        pair = pair || (cap && cap->kind == TB_TEXT && tx_lynx_glued(cap) && near_twins(b, cap));
        /* a caption with a credit the caption rules know ("(Ảnh: ...)") is left to them:
         * they make the pair a photo with its caption */
        size_t cl, co, cr;
        if (pair && !tx_split_credit(cap->text, cap->len, &cl, &co, &cr))
            junk[i] = junk[i + 1] = mark;
    }
}

/* Pass "stutter line": lynx prints a share button's icon alt text, label and title one after
 * another ("facebook Facebook facebook twitter Twitter twitter ..."): a line whose words
 * mostly repeat the word before them, letter case aside, is a row of buttons, no text. */
#define STUTTER_MIN_WORDS 6 /* two buttons at least */
#define STUTTER_PCT 50      /* words equal to the one before them */

/* The next word of s[*p..len) (white space folded: one space between words). */
static int next_word(const char *s, size_t len, size_t *p, size_t *ws, size_t *wl)
{
    if (*p >= len)
        return 0;
    const char *sp = memchr(s + *p, ' ', len - *p);
    size_t e = sp ? (size_t)(sp - s) : len;
    *ws = *p, *wl = e - *p, *p = e + 1;
    return 1;
}

static int same_word(const char *s, size_t a, size_t al, size_t b, size_t bl)
{
    if (al != bl)
        return 0;
    for (size_t k = 0; k < al; k++)
        if (((unsigned char)s[a + k] | 0x20) != ((unsigned char)s[b + k] | 0x20))
            return 0;
    return 1;
}

static int stutter_line(const tx_block *b)
{
    if (b->kind != TB_TEXT || b->words < STUTTER_MIN_WORDS)
        return 0;
    size_t p = 0, ws, wl, ps = 0, pl = 0, words = 0, same = 0;
    while (next_word(b->text, b->len, &p, &ws, &wl)) {
        same += words && same_word(b->text, ps, pl, ws, wl);
        /* the cheap test first: a row of buttons stutters from its first word on */
        if (++words == 2 && !same)
            return 0;
        ps = ws, pl = wl;
    }
    return same * 100 >= words * STUTTER_PCT;
}

static void mark_stutter_lines(const tx_doc *d, unsigned char *junk, unsigned char mark)
{
    for (size_t i = 0; i < d->n; i++)
        if (!junk[i] && stutter_line(&d->b[i]))
            junk[i] = mark;
}

/* Pass "title cards": a box of the site's services or stories, each a title and a summary,
 * comes out of lynx as the summary (a <p>, set apart by a blank line) with the next card's
 * title glued right under it, then a blank line and that card's summary: paragraph, glued
 * short line, paragraph, again and again. An article's paragraphs follow one another with
 * blank lines between; a caption glued under one of them now and then makes no such chain. */
#define TITLE_CARDS_MIN 4  /* summaries in a chain that make it a box */
#define TITLE_CARD_LINES 2 /* glued lines a card's title may take (a title, a label) */

/* A summary of the chain: prose set apart by a blank line, as lynx sets a <p>. */
static int card_summary(const tx_block *b)
{
    return b->kind == TB_TEXT && (b->flags & TBF_BLANK_BEFORE) && !(b->flags & TBF_LIST) &&
           !b->level && tx_is_prose(b);
}

/* The summary after the one at i, with the glued title lines between, or d->n. */
static size_t next_card(const tx_doc *d, size_t i)
{
    size_t k = i + 1;
    while (k < d->n && k - i <= TITLE_CARD_LINES && !(d->b[k].flags & TBF_BLANK_BEFORE) &&
           !tx_is_prose(&d->b[k]))
        k++;
    return k > i + 1 && k < d->n && card_summary(&d->b[k]) ? k : d->n;
}

static void mark_title_cards(const tx_doc *d, unsigned char *junk, unsigned char mark)
{
    for (size_t i = 0; i < d->n; i++) {
        if (!card_summary(&d->b[i]))
            continue;
        size_t cards = 1, last = i;
        for (size_t k = next_card(d, i); k < d->n; k = next_card(d, k))
            cards++, last = k;
        if (cards < TITLE_CARDS_MIN)
            continue;
        for (size_t k = i; k <= last; k++)
            if (!junk[k])
                junk[k] = mark;
        i = last;
    }
}

/* Pass "repeated box": a widget the template sets again and again down the page ("Most
 * Popular" and its titles between every few paragraphs of a buying guide) comes out as the
 * same lines in the same order each time. An article does not repeat a stretch of its own
 * lines, nor does a list of different stories: a stretch of non-prose lines printed twice or
 * more is the widget, and the article goes on through each copy. (Repeated prose is left to
 * the repeated-sentence pass, which knows a doubled capture from a widget.) */
#define REPEAT_BOX_MIN_LINES 4 /* shorter repeats are labels ("Specs:", a price) */
#define REPEAT_BOX_COPIES 8    /* copies of a line looked at: a box set more often is rare */

static int box_line(const tx_block *b)
{
    return b->kind == TB_TEXT && !tx_is_prose(b);
}

typedef struct key_at {
    uint64_t key;
    size_t i;
} key_at;

static int cmp_key_at(const void *x, const void *y)
{
    const key_at *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

static void mark_repeated_boxes(const tx_doc *d, unsigned char *junk, unsigned char mark)
{
    if (d->n < 2 * REPEAT_BOX_MIN_LINES)
        return;
    key_at *k = malloc(d->n * sizeof *k);
    size_t *next = malloc(d->n * sizeof *next); /* the next block with the same key */
    if (!k || !next) {
        free(k);
        free(next);
        return; /* a pass that only marks: without memory the page is left as it is */
    }
    for (size_t i = 0; i < d->n; i++)
        k[i] = (key_at){d->b[i].key, i}, next[i] = d->n;
    qsort(k, d->n, sizeof *k, cmp_key_at);
    for (size_t t = 0; t + 1 < d->n; t++)
        if (k[t].key == k[t + 1].key)
            next[k[t].i] = k[t + 1].i;
    for (size_t i = 0; i < d->n; i++) {
        if (!box_line(&d->b[i]))
            continue;
        size_t copies = 0;
        for (size_t j = next[i]; j < d->n && copies < REPEAT_BOX_COPIES; j = next[j], copies++) {
            size_t len = 0;
            while (j + len < d->n && i + len < j && d->b[i + len].key == d->b[j + len].key &&
                   box_line(&d->b[i + len]) && box_line(&d->b[j + len]))
                len++;
            if (len < REPEAT_BOX_MIN_LINES)
                continue;
            for (size_t t = 0; t < len; t++) {
                if (!junk[i + t])
                    junk[i + t] = mark;
                if (!junk[j + t])
                    junk[j + t] = mark;
            }
        }
    }
    free(k);
    free(next);
}

/* Pass "next article": an endless-scroll page prints the next story below the article, and
 * lynx gives its headline no mark a heading would have in Markdown: it stands at the margin
 * like the article's subheadings. What tells it is the story's header coming again: a line
 * at the margin, then within a few lines a date row worded as the article's own ("Published
 * 06.01.2026 - 17:29" under the headline, "Published 06.01.2026 - 16:25" under the next).
 * From that headline on the page is other stories. */
#define NEXT_HEAD_LOOK 6    /* blocks between a headline and its date row */
#define NEXT_MIN_PARAS 3    /* paragraphs the article has before the next one can start */
#define DATE_ROW_WORDS 8    /* a date row is a short line */

static int has_figure(const tx_block *b)
{
    for (size_t i = 0; i < b->len; i++)
        if (b->text[i] >= '0' && b->text[i] <= '9')
            return 1;
    return 0;
}

/* Whether the block is a short line with a date in it; its text before the date in *pre. */
static int date_row(const tx_block *b, size_t *pre)
{
    bti_date dt;
    /* the date parser is dear: a line with no figure in it holds no date */
    if (b->kind != TB_TEXT || b->words > DATE_ROW_WORDS || !has_figure(b) ||
        !bti_date_find(b->text, b->len, &dt) || !dt.start)
        return 0;
    *pre = dt.start;
    return 1;
}

/* The headline at the margin within a few blocks above the date row at i, or d->n. */
static size_t head_above(const tx_doc *d, size_t i)
{
    for (size_t k = i; k-- > 0 && i - k <= NEXT_HEAD_LOOK;) {
        const tx_block *b = &d->b[k];
        if (b->kind == TB_TEXT && !b->level && !(b->flags & (TBF_INDENT | TBF_LIST)) &&
            b->words >= NEXT_MIN_PARAS)
            return k;
    }
    return d->n;
}

static void mark_next_article(const tx_doc *d, unsigned char *junk, unsigned char mark)
{
    size_t first = d->n, pre = 0;
    for (size_t i = 0; i < d->n && first == d->n; i++)
        if (!junk[i] && head_above(d, i) < d->n && date_row(&d->b[i], &pre))
            first = i;
    for (size_t i = first + 1; i < d->n; i++) {
        size_t p2;
        /* worded as the article's: the same text before the date (compared first, as the
         * cheaper test) */
        if (junk[i] || d->b[i].len <= pre || memcmp(d->b[i].text, d->b[first].text, pre) ||
            !date_row(&d->b[i], &p2) || p2 != pre)
            continue;
        size_t h = head_above(d, i);
        if (h == d->n || h <= first)
            continue;
        /* the article's paragraphs stand between its date row and the next headline */
        size_t before = 0;
        for (size_t k = first + 1; k < h; k++)
            before += !junk[k] && tx_is_prose(&d->b[k]);
        if (before < NEXT_MIN_PARAS)
            continue;
        for (size_t k = h; k < d->n; k++)
            if (!junk[k])
                junk[k] = mark;
        return;
    }
}

/* Pass "image lead": lynx names an image that has no alt text by its file ("[photo.jpg]"),
 * and what runs on after it in the same paragraph is the figure's: a second image's alt
 * text and credits ("[placeholder.png] Getty Images Heads of state gathered ... Getty
 * Images"), the lines glued under it its caption. An article's paragraph opens on its words,
 * not on an image. */
#define IMAGE_CAPTION_LINES 2 /* glued lines under the figure that are its caption */

static void mark_image_leads(const tx_doc *d, unsigned char *junk, unsigned char mark)
{
    for (size_t i = 0; i < d->n; i++) {
        const tx_block *b = &d->b[i];
        if (!(b->flags & TBF_IMAGE_LEAD) || b->kind != TB_TEXT || b->level ||
            (b->flags & TBF_LIST))
            continue;
        if (!junk[i])
            junk[i] = mark;
        for (size_t k = i + 1; k < d->n && k <= i + IMAGE_CAPTION_LINES &&
                               d->b[k].kind == TB_TEXT && tx_lynx_glued(&d->b[k]);
             k++)
            if (!junk[k])
                junk[k] = mark;
    }
}

int tx_lynx_mark(const tx_doc *d, unsigned char *junk, unsigned char mark,
                 unsigned char glued, unsigned char card)
{
    size_t prose, spaced;
    if (!lynx_layout(d, &prose, &spaced))
        return 0;
    mark_bullet_cards(d, junk, mark, card);
    mark_image_leads(d, junk, mark);
    mark_alt_twins(d, junk, mark);
    mark_title_cards(d, junk, mark);
    mark_repeated_boxes(d, junk, mark);
    mark_next_article(d, junk, mark);
    mark_stutter_lines(d, junk, mark);
    if (spaced * 100 >= prose * SPACED_PCT)
        mark_glued(d, junk, glued);
    return 1;
}

/* Pass "author box": a box on the author below the article prints the name twice (the
 * photo's alt text, then the name itself), each on a line of its own, and glued under them a
 * role, a button or the bio. The box is no part of the article, nor is what follows it
 * (topics, feedback forms, comments): the first name line is a section heading. A byline
 * above the article prints the name once, in a line of its own words ("Von X", "X | City"). */
#define AUTHOR_BOX_MIN_WORDS 2 /* a first name and a surname ... */
#define AUTHOR_BOX_MAX_WORDS 5 /* ... or a few more, no sentence */

/* Every word opens on a capital letter: names ("María R. Sahuquillo"), no sentence. */
static int capitalised_words(const char *s, size_t len)
{
    for (size_t p = 0; p < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + p, len - p, &cp);
        if (k <= 0 || utf8proc_category(cp) != UTF8PROC_CATEGORY_LU)
            return 0;
        const char *sp = memchr(s + p, ' ', len - p);
        p = sp ? (size_t)(sp - s) + 1 : len;
    }
    return 1;
}

static int author_box(const tx_doc *d, size_t i)
{
    const tx_block *b = &d->b[i];
    if (i + 2 >= d->n || b->kind != TB_TEXT || b->level || b->words < AUTHOR_BOX_MIN_WORDS ||
        b->words > AUTHOR_BOX_MAX_WORDS || (b->flags & (TBF_LIST | TBF_NAV)))
        return 0;
    const tx_block *twin = &d->b[i + 1], *under = &d->b[i + 2];
    return twin->kind == TB_TEXT && twin->key == b->key && twin->len == b->len &&
           !memcmp(twin->text, b->text, b->len) && under->kind == TB_TEXT &&
           !(under->flags & TBF_BLANK_BEFORE) && capitalised_words(b->text, b->len);
}

/* Pass "widget label": lynx sets a heading at the margin, after a blank line. A word that
 * names a medium ("Video", "Audio", "Gallery": the lexicon's article kinds) but stands
 * indented and glued to the line above is a <div>'s text, the label a media box prints under
 * its player and credit, no heading: the article goes on below the box. (Other glued words,
 * "Newsletter", "Comments", do end articles: only a medium's name is a player's label.) A
 * word between words is a menu's item ("World", "Video", "Travel"): the label stands under a
 * line of some words (the player's credit), and no word of a menu follows it. */
#define WIDGET_LABEL_MAX_WORDS 1 /* a label is a word; a heading of two words may be real */
#define WIDGET_LABEL_KINDS (BTI_LEX_KIND_VIDEO | BTI_LEX_KIND_PHOTO | BTI_LEX_KIND_PODCAST)

static int widget_label(const tx_block *b)
{
    return b->kind == TB_TEXT && b->words <= WIDGET_LABEL_MAX_WORDS && tx_lynx_glued(b) &&
           !(b->flags & TBF_NAV) && b->fold && bti_lex_has(WIDGET_LABEL_KINDS, b->fold, b->flen);
}

void tx_lynx_widget_labels(const tx_doc *d, unsigned char *role, unsigned char stop,
                           unsigned char none, unsigned char *junk, unsigned char mark)
{
    size_t prose, spaced;
    if (!lynx_layout(d, &prose, &spaced))
        return;
    for (size_t i = 0; i < d->n; i++)
        if (!junk[i] && author_box(d, i))
            role[i] = stop;
    for (size_t i = 1; i < d->n; i++)
        if (role[i] == stop && widget_label(&d->b[i]) && d->b[i - 1].kind == TB_TEXT &&
            d->b[i - 1].words > WIDGET_LABEL_MAX_WORDS &&
            (i + 1 == d->n || d->b[i + 1].words > WIDGET_LABEL_MAX_WORDS))
            role[i] = none, junk[i] = mark;
}

/* Pass "gallery twins": a gallery's photos set in the article's <div> with no <p> around
 * them run on from the paragraph above in lynx's dump, each as its alt text, the caption
 * repeating it and a credit: "... en su carta. A A Credit B B Credit". A stretch printed twice
 * in a row from a sentence's start is such a photo; the paragraph keeps its text before the
 * first twin and after the last twin's credit. (A paragraph opening on a twin is the photo's
 * alone: pass "alt twins".) */
#define TWIN_TAIL_WORDS 12 /* text after the last twin that is its credit and buttons */

/* The length of the stretch at s[p] printed again right after it ("A A"), or 0. The second
 * copy starts after a space with the first copy's first letter, a capital as a rule: only
 * those are tried (memchr, as this runs at every sentence of a dump). */
static size_t twin_at(const char *s, size_t len, size_t p)
{
    size_t k = p + ALT_MIN_LEN + 1, lim = p + ALT_MAX_LEN + 1;
    while (k <= lim && 2 * k - p - 1 <= len) {
        const char *at = memchr(s + k, s[p], (lim < len ? lim + 1 : len) - k);
        if (!at)
            return 0;
        k = (size_t)(at - s); /* the second copy's start */
        if (2 * k - p - 1 > len)
            return 0;
        if (s[k - 1] == ' ' && !memcmp(s + p, s + k, k - 1 - p))
            return k - 1 - p;
        k++;
    }
    return 0;
}

/* Whether s[p] starts a sentence: after a full stop, a closing bracket or quote and a space. */
static int sentence_start(const char *s, size_t p)
{
    return p >= 2 && s[p - 1] == ' ' && strchr(".!?)\"", s[p - 2]) &&
           !((unsigned char)s[p] >= 'a' && (unsigned char)s[p] <= 'z');
}

static int cut_twins(tx_block *b)
{
    const char *s = b->text;
    size_t first = 0, end = 0;
    /* a photo's alone, printed twice or three times: pass "alt twins" drops it whole */
    if (twin_at(s, b->len, 0))
        return 0;
    for (size_t p = ALT_MIN_LEN; p + 2 * ALT_MIN_LEN < b->len; p++) {
        /* the first photo follows a sentence's full stop; the next ones may follow the
         * credit's bracket: looked for byte by byte after the first */
        if (!first) {
            const char *st = memchr(s + p - 2, '.', b->len - (p - 2));
            if (!st)
                break;
            p = (size_t)(st - s) + 2;
        }
        if (p < end || p + 2 * ALT_MIN_LEN >= b->len || !sentence_start(s, p))
            continue;
        size_t L = twin_at(s, b->len, p);
        if (!L)
            continue;
        if (!first)
            first = p;
        end = p + 2 * L + 1;
    }
    if (!first)
        return 0;
    size_t keep = first - 1; /* without the space before the twin */
    size_t tail = end;
    if (tx_count_words(s + end, b->len - end) <= TWIN_TAIL_WORDS)
        tail = b->len;
    else /* the credit of the last photo: up to the next sentence's start */
        while (tail < b->len && !sentence_start(s, tail))
            tail++;
    size_t n = b->len - tail;
    if (n) {
        b->text[keep++] = ' ';
        memmove(b->text + keep, b->text + tail, n);
    }
    b->len = keep + n;
    b->text[b->len] = '\0';
    return tx_block_refold(b);
}

/* Pass "alt at paragraph end": a photo's alt text glued to the end of the paragraph above
 * it, its caption (the alt text again, and a credit) glued under the paragraph as a block of
 * its own: "... Klasse. A" then "A (c) Credit". The paragraph ends on a stretch, from a
 * sentence's start, that the block below opens with: it is cut off the paragraph. */
static size_t alt_tail(const tx_block *b, const tx_block *next)
{
    if (next->kind != TB_TEXT || !tx_lynx_glued(next) || next->len < ALT_MIN_LEN)
        return 0;
    const char *s = b->text;
    for (const char *st = memchr(s, '.', b->len); st; st = memchr(st + 1, '.', b->len - (size_t)(st + 1 - s))) {
        size_t p = (size_t)(st - s) + 2;
        if (p + ALT_MIN_LEN > b->len)
            break;
        size_t L = b->len - p;
        if (L > ALT_MAX_LEN || !sentence_start(s, p))
            continue;
        if (next->len >= L && !memcmp(next->text, s + p, L) &&
            (next->len == L || next->text[L] == ' '))
            return p;
    }
    return 0;
}

/* Pass "caption run-on": a photo set under a paragraph with no alt text shows only its
 * caption, glued to the paragraph's last line; when that line ends a sentence and the
 * caption's first word would not fit on it, the unwrapper cannot tell the line break from a
 * wrap ("... from the audience." / "One of the protesters said ... (Photo: PA Wire)"). A
 * paragraph whose lines after its last sentence-ending line end on a photo's credit ends
 * at that sentence: the rest is the caption. */
#define RUNON_CAPTION_MIN_WORDS 2  /* words of the caption before its credit */
#define RUNON_CAPTION_MAX_WORDS 70 /* a caption is no longer than the longest one bare_caption
                                      takes */

/* The offset where the last `words` words of s start. */
static size_t last_words_at(const char *s, size_t len, size_t words)
{
    size_t p = len;
    for (size_t w = 0; w < words && p > 0; w++) {
        while (p > 0 && s[p - 1] == ' ')
            p--;
        while (p > 0 && s[p - 1] != ' ')
            p--;
    }
    return p;
}

static int cut_caption(tx_block *b)
{
    size_t t = b->tail_words;
    if (!t || t >= b->words || t > RUNON_CAPTION_MAX_WORDS)
        return 0;
    size_t at = last_words_at(b->text, b->len, t), cl, co, cr;
    /* the tail is a caption, words before its credit: a credit alone under a sentence is
     * the credit of a caption that sentence ends, which the caption rules take whole */
    if (!at || !tx_split_credit(b->text + at, b->len - at, &cl, &co, &cr) ||
        tx_count_words(b->text + at, cl) < RUNON_CAPTION_MIN_WORDS)
        return 0;
    size_t keep = at;
    while (keep && b->text[keep - 1] == ' ')
        keep--;
    b->len = keep;
    b->text[keep] = '\0';
    b->tail_words = 0;
    return tx_block_refold(b);
}

int tx_lynx_cut(tx_doc *d)
{
    size_t prose, spaced;
    if (!lynx_layout(d, &prose, &spaced))
        return 0;
    for (size_t i = 0; i < d->n; i++) {
        tx_block *b = &d->b[i];
        if (b->kind != TB_TEXT || b->level || (b->flags & TBF_LIST) || !(b->flags & TBF_INDENT))
            continue;
        size_t len = b->len;
        int rc = len >= 3 * ALT_MIN_LEN ? cut_twins(b) : 0;
        if (b->len != len)
            b->tail_words = 0; /* the lines' words no longer end the text as they did */
        if (!rc && b->tail_words)
            rc = cut_caption(b);
        if (rc)
            return rc;
        size_t p = i + 1 < d->n ? alt_tail(b, &d->b[i + 1]) : 0;
        if (p) {
            b->len = p - 1; /* without the space before the alt text */
            b->text[b->len] = '\0';
            if ((rc = tx_block_refold(b)))
                return rc;
        }
    }
    return 0;
}

/* Pass "lynx apostrophe": lynx prints some ASCII apostrophes of a page as U+02BC, the
 * modifier letter apostrophe ("arenʼt", "lʼEuropa"), which is a letter: a word with it reads
 * as one word with no match for "aren't". Between two Latin letters it is an apostrophe of
 * English, French, Italian or German text (the orthographies that use U+02BC as a letter
 * write it in other scripts or at a word's start), folded back to "'". */
#define MOD_APOS "\xCA\xBC"

/* Whether the byte before s[i] ends a Latin letter (ASCII, or two bytes of Latin-1 or
 * Latin Extended-A: lead byte C3-C5). */
static int latin_before(const char *s, size_t i)
{
    unsigned char c = i ? (unsigned char)s[i - 1] : 0;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return 1;
    return i >= 2 && (c & 0xC0) == 0x80 && (unsigned char)s[i - 2] >= 0xC3 &&
           (unsigned char)s[i - 2] <= 0xC5;
}

static int latin_at(const char *s, size_t len, size_t i)
{
    unsigned char c = i < len ? (unsigned char)s[i] : 0;
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
           (c >= 0xC3 && c <= 0xC5 && i + 1 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80);
}

int tx_lynx_apostrophes(const char *s, size_t len, char **out, size_t *outlen)
{
    *out = NULL;
    *outlen = 0;
    size_t n = 0;
    for (const char *p = s; (p = memchr(p, 0xCA, len - (size_t)(p - s))) != NULL; p++) {
        size_t i = (size_t)(p - s);
        n += i + 1 < len && (unsigned char)s[i + 1] == 0xBC && latin_before(s, i) &&
             latin_at(s, len, i + 2);
        if (i + 1 >= len)
            break;
    }
    if (!n)
        return 0;
    char *r = malloc(len + 1);
    if (!r)
        return BT_ENOMEM;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        if (i + 1 < len && !memcmp(s + i, MOD_APOS, 2) && latin_before(s, i) &&
            latin_at(s, len, i + 2)) {
            r[o++] = '\'';
            i += 2;
        } else {
            r[o++] = s[i++];
        }
    }
    r[o] = '\0';
    *out = r;
    *outlen = o;
    return 1;
}

/* Pass "button line": lynx prints a <button> as "(BUTTON)" and its label. A line that opens
 * on one is a control's (share, sign up, show more, a photo's lightbox button with the
 * caption as its label), no paragraph: an article's paragraph does not start inside a
 * button. Only a paragraph's length of text after it (a whole paragraph a page set in a
 * toggle) is kept. The line still parts the page's runs as before (the body's span is not
 * changed, only what is read from it), and lines that end on a button ("12.03.2024
 * (BUTTON) teilen": a dateline's share button) are left to the date passes. */
#define BUTTON_MARK "(BUTTON)"
#define BUTTON_LINE_MAX_WORDS 40 /* PROSE_WORDS: longer, it is a paragraph behind a toggle */

int tx_lynx_button_line(const tx_block *b)
{
    return b->kind == TB_TEXT && b->words < BUTTON_LINE_MAX_WORDS &&
           b->len >= sizeof BUTTON_MARK - 1 && !memcmp(b->text, BUTTON_MARK, sizeof BUTTON_MARK - 1);
}
