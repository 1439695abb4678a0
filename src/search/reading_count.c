/* reading_count.c: the reading of an unmarked phrase the collection uses as a phrase, from
 * the index's counts (reading_count.h): each candidate reading an FTS5 phrase of its exact
 * forms (a syllable without marks by its folded key), each of its marked syllables a single
 * exact form, counted over the newest BTI_READING_WINDOW articles (the newest
 * BTI_READING_SAMPLE matches of each, the rest estimated). Exact forms are indexed in
 * titles and ledes only, so every count is one of titles and ledes: short posting lists,
 * where the folded keys' lists hold a tenth or more of all articles each. */
#include "search/reading_count.h"

#include "core/buf.h"
#include "search/query.h"
#include "store/db.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Exact-form terms of one reading, at most (the whole-phrase tier's longest). */
#define TERM_MAX 64

typedef struct counter {
    sqlite3_stmt *st; /* newest first */
    sqlite3_stmt *up; /* oldest first (count_match: a phrase) */
    int64_t lo, top; /* the window's first and last rowids */
    /* the marked syllables counted so far, and their counts */
    size_t n;
    char *form[BTI_READING_CANDIDATES * BTI_PHRASE_TIER_MAX];
    int64_t held[BTI_READING_CANDIDATES * BTI_PHRASE_TIER_MAX];
} counter;

/* The articles of the window matching the FTS5 expression `match`, walked newest first: the
 * first BTI_READING_SAMPLE counted, the rest of the window estimated from the rowids they
 * span (a frequent syllable's posting list is not walked to its end). 0 or more, -1 on an
 * error of the index.
 *
 * COUNT_UPWARD: a phrase (a space in `match`) is first walked oldest first from the
 * window's start, BTI_READING_SAMPLE + 1 matches at most. FTS5 checks the rowid bound of a
 * scan only at a match (sqlite3Fts5ExprNext): newest first, a phrase of frequent syllables
 * held by no article of the window is looked for past its start, down to its next older
 * holder or the first article of the store (a reading of `nhan my bat` that no title or
 * lede of the window holds: 54 M instructions a count at 1,000,000 articles, three counts a
 * query); oldest first the same scan ends at the newest article. When the window holds at
 * most BTI_READING_SAMPLE, that walk gives the same count and oldest rowid as the walk
 * newest first would (its matches are then all of the window's); else the newest first
 * walk follows and stops at its limit within the window, as before. */
static int64_t count_match(counter *c, const char *match, size_t len)
{
    int64_t n = 0, last = c->top;
    int step;
    if (memchr(match, ' ', len)) {
        sqlite3_reset(c->up);
        sqlite3_bind_text(c->up, 1, match, (int)len, SQLITE_STATIC);
        sqlite3_bind_int64(c->up, 2, c->lo);
        sqlite3_bind_int(c->up, 3, BTI_READING_SAMPLE + 1);
        while ((step = sqlite3_step(c->up)) == SQLITE_ROW)
            if (n++ == 0)
                last = sqlite3_column_int64(c->up, 0); /* the oldest */
        if (step != SQLITE_DONE)
            return -1;
        if (n > BTI_READING_SAMPLE) {
            n = 0;
            last = c->top;
        } else
            goto counted;
    }
    sqlite3_reset(c->st);
    sqlite3_bind_text(c->st, 1, match, (int)len, SQLITE_STATIC);
    sqlite3_bind_int64(c->st, 2, c->lo);
    sqlite3_bind_int(c->st, 3, BTI_READING_SAMPLE);
    while ((step = sqlite3_step(c->st)) == SQLITE_ROW) {
        n++;
        last = sqlite3_column_int64(c->st, 0);
    }
    if (step != SQLITE_DONE)
        return -1;
counted:
    if (n < BTI_READING_SAMPLE)
        return n;
    return (int64_t)((double)n * (double)(c->top - c->lo + 1) / (double)(c->top - last + 1));
}

/* Appends to `b` the index term of one syllable of a reading: its exact form when it has
 * one distinct from its folded key, else the key (the syllable itself). *marked says which.
 * 0 or BT_ENOMEM. */
static int put_term(bti_buf *b, const char *syl, size_t len, int *marked)
{
    char term[TERM_MAX + 2];
    size_t need = bti_store_exact_term(syl, len, term, sizeof term);
    *marked = need > 0 && need <= TERM_MAX;
    if (*marked)
        return bti_buf_add(b, term, need);
    return bti_buf_add(b, syl, len);
}

/* The articles of the window holding the marked syllable `syl` (counted once per query).
 * -1 on an error, -2 out of memory. */
static int64_t form_held(counter *c, const char *syl, size_t len)
{
    for (size_t i = 0; i < c->n; i++)
        if (strlen(c->form[i]) == len && !memcmp(c->form[i], syl, len))
            return c->held[i];
    if (c->n == sizeof c->form / sizeof c->form[0])
        return -1;
    bti_buf b = BTI_BUF_INIT;
    int marked = 0;
    if (bti_buf_addc(&b, '"') || put_term(&b, syl, len, &marked) || bti_buf_addc(&b, '"')) {
        bti_buf_free(&b);
        return -2;
    }
    int64_t k = count_match(c, b.data, b.len);
    bti_buf_free(&b);
    char *s = k >= 0 ? strndup(syl, len) : NULL;
    if (k >= 0 && !s)
        return -2;
    if (s) {
        c->form[c->n] = s;
        c->held[c->n++] = k;
    }
    return k;
}

/* Weighs reading `v`: *held the articles of the window holding it side by side, *most
 * those holding its most used marked syllable; *plain when it has none (then *held counts
 * the folded phrase in titles and ledes, and only with `count_plain`). A syllable without
 * marks is matched by its folded key, which the marked readings also have: `"\x01bản do"`
 * counts "bản đồ" too (refines() takes those out). 0, -1 on an error of the index, -2 out
 * of memory. */
static int weigh(counter *c, const char *v, int count_plain, int64_t *held, int64_t *most,
                 int *plain)
{
    *held = 0;
    *most = 0;
    *plain = 1;
    bti_buf b = BTI_BUF_INIT;
    int oom = bti_buf_addc(&b, '"') != 0;
    for (const char *s = v; *s && !oom;) {
        const char *e = strchr(s, ' ');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        int marked = 0;
        oom |= (s != v && bti_buf_addc(&b, ' ')) || put_term(&b, s, len, &marked);
        if (marked && !oom) {
            *plain = 0;
            int64_t k = form_held(c, s, len);
            if (k < 0) {
                bti_buf_free(&b);
                return k == -2 ? -2 : -1;
            }
            if (k > *most)
                *most = k;
        }
        s += len + (e != NULL);
    }
    oom |= bti_buf_addc(&b, '"') != 0;
    if (oom) {
        bti_buf_free(&b);
        return -2;
    }
    if ((!*plain && *most == 0) || (*plain && !count_plain)) {
        bti_buf_free(&b);
        return 0; /* no title or lede of the window holds its marked syllables; or without
                     marks and not the text's choice: it can be neither picked nor taken out
                     of another's count */
    }
    if (*plain) {
        /* no exact form to count by: the folded phrase in titles and ledes, every reading's
         * (the caller takes the marked ones out) */
        bti_buf t = BTI_BUF_INIT;
        if (bti_buf_adds(&t, "{title lede} : ") || bti_buf_add(&t, b.data, b.len)) {
            bti_buf_free(&t);
            bti_buf_free(&b);
            return -2;
        }
        bti_buf_free(&b);
        b = t;
    }
    if ((*held = count_match(c, b.data, b.len)) < 0) {
        bti_buf_free(&b);
        return -1;
    }
    bti_buf_free(&b);
    return 0;
}

/* The statements of a counter (its `st` and `up`). 0 or an SQLite code. */
static int counter_prepare(sqlite3 *db, counter *c)
{
    int rc = sqlite3_prepare_v2(db,
                                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 "
                                "AND rowid >= ?2 ORDER BY rowid DESC LIMIT ?3",
                                -1, &c->st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db,
                                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 "
                                "AND rowid >= ?2 ORDER BY rowid ASC LIMIT ?3",
                                -1, &c->up, NULL);
    return rc;
}

int bti_reading_count(sqlite3 *db, const char *match, int64_t lo, int64_t top, int64_t *n,
                      bt_error *err)
{
    counter c = {.lo = lo, .top = top};
    int rc = 0;
    *n = counter_prepare(db, &c) == SQLITE_OK ? count_match(&c, match, strlen(match)) : -1;
    if (*n < 0) {
        *n = 0;
        rc = bt_error_set(err, BT_EDB, "search: counting the readings: %s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(c.st);
    sqlite3_finalize(c.up);
    return rc;
}

/* 1 when reading `a` is `b` with marks on some of b's syllables without (and the same
 * syllables elsewhere): b's phrase count holds a's. */
static int refines(const char *a, const char *b)
{
    int more = 0;
    while (*a && *b) {
        size_t la = strcspn(a, " "), lb = strcspn(b, " ");
        if (la != lb || memcmp(a, b, la)) {
            for (size_t i = 0; i < lb; i++)
                if ((unsigned char)b[i] >= 0x80)
                    return 0; /* b's syllable has marks of its own */
            more = 1;
        }
        a += la + (a[la] == ' ');
        b += lb + (b[lb] == ' ');
    }
    return more && !*a && !*b;
}

int bti_reading_pick(sqlite3 *db, const bti_readings *r, size_t chosen, size_t *best,
                     bt_error *err)
{
    *best = (size_t)-1;
    if (r->n < 2 || chosen >= r->n)
        return 0;
    /* the candidates: the readings most of the phrase's best articles hold */
    size_t cand[BTI_READING_CANDIDATES], n_cand = 0;
    for (size_t i = 0; i < r->n; i++) {
        size_t at = n_cand < BTI_READING_CANDIDATES ? n_cand++ : BTI_READING_CANDIDATES;
        if (at == BTI_READING_CANDIDATES) {
            if (r->occ[i] <= r->occ[cand[at - 1]])
                continue;
            at--;
        }
        while (at > 0 && r->occ[cand[at - 1]] < r->occ[i]) {
            cand[at] = cand[at - 1];
            at--;
        }
        cand[at] = i;
    }
    size_t t = 0; /* the text's choice among them */
    while (t < n_cand && cand[t] != chosen)
        t++;
    if (t == n_cand)
        cand[t = n_cand - 1] = chosen;
    /* nothing to weigh when the text's choice is nearly all of the phrase's uses */
    size_t others = 0;
    for (size_t i = 0; i < n_cand; i++)
        others += i == t ? 0 : r->occ[cand[i]];
    if (r->occ[chosen] >= BTI_READING_DOMINANT * others)
        return 0;
    counter *c = calloc(1, sizeof *c);
    if (!c)
        return bt_error_set(err, BT_ENOMEM, "search: out of memory");
    int rc = 0;
    sqlite3_stmt *top = NULL;
    if (sqlite3_prepare_v2(db, "SELECT max(n) FROM articles", -1, &top, NULL) != SQLITE_OK ||
        sqlite3_step(top) != SQLITE_ROW || counter_prepare(db, c) != SQLITE_OK) {
        rc = bt_error_set(err, BT_EDB, "search: counting the readings: %s", sqlite3_errmsg(db));
        goto done;
    }
    c->top = sqlite3_column_int64(top, 0);
    c->lo = c->top - BTI_READING_WINDOW + 1;
    int64_t held[BTI_READING_CANDIDATES], most[BTI_READING_CANDIDATES];
    int plain[BTI_READING_CANDIDATES];
    for (size_t i = 0; i < n_cand; i++) {
        int w = weigh(c, r->v[cand[i]], i == t, &held[i], &most[i], &plain[i]);
        if (w == -2) {
            rc = bt_error_set(err, BT_ENOMEM, "search: out of memory");
            goto done;
        }
        if (w < 0) {
            rc = bt_error_set(err, BT_EDB, "search: counting the readings: %s",
                              sqlite3_errmsg(db));
            goto done;
        }
    }
    double coh[BTI_READING_CANDIDATES], best_coh = 0;
    int64_t k[BTI_READING_CANDIDATES];
    size_t b = n_cand;
    for (size_t i = 0; i < n_cand; i++) {
        k[i] = held[i];
        for (size_t j = 0; j < n_cand; j++)
            if (j != i && refines(r->v[cand[j]], r->v[cand[i]]))
                k[i] -= held[j];
        coh[i] = most[i] > 0 && k[i] > 0 ? (double)k[i] / (double)most[i] : 0;
        if (most[i] > 0 && k[i] >= BTI_READING_MIN_HELD &&
            (b == n_cand || coh[i] > best_coh || (coh[i] == best_coh && k[i] > k[b]))) {
            best_coh = coh[i];
            b = i;
        }
    }
    if (b == n_cand || b == t)
        goto done; /* the text's choice stands */
    if (plain[t]) {
        /* A reading without marks (a name, a loanword: Nam Phi, song sinh) has no syllable
         * count to weigh its cohesion by: it stands while as many articles hold it. */
        if (k[t] < BTI_READING_MIN_HELD || k[t] < k[b])
            *best = cand[b];
    } else if (coh[b] >= BTI_READING_OVERRIDE * coh[t]) {
        *best = cand[b];
    }
done:
    sqlite3_finalize(top);
    sqlite3_finalize(c->st);
    sqlite3_finalize(c->up);
    for (size_t i = 0; i < c->n; i++)
        free(c->form[i]);
    free(c);
    return rc;
}
