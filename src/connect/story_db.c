/* story_db.c: the online story clustering kept in the store (tables of schema step 6): the
 * writer's catch-up after its articles are committed, and the rebuild.
 *
 * Order of arrival must not matter within a day, so the clustering never sees articles in
 * the order they came: it sees them in one canonical order, by day (of publication, else of
 * addition), then time (of publication, else of addition: UNDATED_ORDER), then a hash of the
 * id (TIE_ORDER). When every new article comes after every clustered one in that order (the
 * usual case), the catch-up continues from the state saved at the end of the last one
 * (CONTINUE_AT_END) and reads and adds the new articles only. An article that sorts before
 * some clustered one cannot simply be appended, so the store also keeps the clustering's
 * state as it stood before each of the last two days (story_state), and such a catch-up
 * loads the newest state from before its earliest new article and adds the articles from
 * that day on again, new ones in their place, in the canonical order. An article older than
 * every saved state (a late one, or one stored by other means long after) makes the
 * catch-up start from nothing: slower, the same result. So a catch-up gives exactly what a
 * rebuild from the stored articles gives, whatever the order in which they were added,
 * whatever the batches; and the stories of dated articles do not depend on that order.
 *
 * The saved states share their documents, which never change once added (PARTS_SHARED,
 * below), so a catch-up writes what it added and the rest of each state (~2 MB at 100,000
 * articles), not the whole clustering for each state.
 *
 * One catch-up is one transaction: the memberships, the stories' rows and the saved state
 * change together or not at all (a writer killed before it leaves the articles waiting,
 * and the next catch-up takes them). */
#include "connect/connect.h"
#include "connect/story_internal.h"
#include "core/buf.h"
#include "core/hash.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY_SECONDS 86400
/* States are kept as they stood before each of the newest this many days: a run that adds
 * the day's news re-adds only that day's articles, and one that brings a late article of the
 * day before (a late report, a time zone behind) re-adds two days; an older one starts from
 * nothing. */
#define STATES_KEPT 2
/* The key terms a story's row keeps. */
#define STORY_TERMS 8
/* Of the text, the clustering reads the lede and the opening (story.h: text_tokens words):
 * this many bytes of it are read from the store. */
#define TEXT_BYTES 2048
/* BODY_PREFIX: those bytes of the body are read through an incremental-blob handle moved from
 * article to article (sqlite3_blob_reopen), into the catch-up's buffer: a column read copies
 * the whole body into a value of its own first (2.7 KB on average on VietNews, up to ~10 KB,
 * read from its overflow pages to the end), of which the clustering keeps the first 2 KB and
 * reads ~60 words. The same bytes, up to a NUL as before; a store not in UTF-8, or a body that
 * is not text, is read by the column (BODY_FALLBACK). */
/* TIE_ORDER: articles of the same time (a day's undated ones, a feed that gives days only)
 * are clustered in the order of a hash of their ids, not of the ids themselves. Ids are the
 * user's (a record keeps its own) and may be numbered by anything, the source's story
 * included: the Google News week's ids run story by story, and the clustering fed its days
 * one story after another scored 0.741 BCubed F1 against 0.746-0.760 in shuffled orders (a
 * first wrong join takes a whole story along). A hash is a shuffle that does not depend on
 * the order of arrival. The seed is any fixed value. */
#define TIE_SEED 0x5354u
/* UNDATED_ORDER: an article with no date of publication is placed at the time it was
 * added, the only time it has. An ingest run stamps all its articles with its start
 * (bti_store_set_add_time), so a run's undated articles are ties, ordered by TIE_ORDER
 * whatever their order in the run, and a later run's come after them: they are appended
 * (CONTINUE_AT_END) rather than mixed into the day, which would make every run re-add the
 * whole day's undated articles (with no dates, a whole collection added today). What that
 * gives up: which run brought an undated article can change its story (never the equality
 * of a catch-up and a rebuild). Before: the end of the day added, all of a day's undated
 * articles ties. */
/* No day at all: the state before every article. */
#define DAY_NONE INT64_MIN
/* The story_state key of the state after the last clustered article (CONTINUE_AT_END),
 * above every day. */
#define END_STATE INT64_MAX
#define END_MARK (INT64_MAX - 1)
/* PARTS_SHARED (story.h): the saved states' documents are rows of story_state of their own,
 * part k under PART_KEY(k), below every day (no day is within 2^32 of INT64_MIN); `state`
 * holds the part (no titles: the store has them), `docs` the row numbers of its documents.
 * A state's own row holds the rest (its core, and an empty `docs`) and reads the parts
 * below its document count. A part holds the same bytes for a document whenever it is
 * written, so one run writes the parts its new documents fall in and its states' cores
 * (~2 MB at 100,000 articles), not the whole clustering (~15 MB) for each state. */
#define PART_KEY(k) (INT64_MIN + 1 + (int64_t)(k))
#define DAYS_ABOVE (INT64_MIN + 1 + ((int64_t)1 << 32))

/* A stored article as the catch-up orders it. */
typedef struct art {
    int64_t n;     /* articles.n */
    int64_t day;   /* days since the epoch (UTC) */
    int64_t time;  /* seconds since the epoch: published, or its day's end when undated */
    int64_t date;  /* published, or BTI_STORY_NO_DATE */
    uint64_t tie;  /* TIE_ORDER: a hash of the whole id */
    char id[17];
    int pending;   /* no story yet */
} art;

static int cmp_art(const void *a, const void *b)
{
    const art *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    if (x->time != y->time)
        return x->time < y->time ? -1 : 1;
    if (x->tie != y->tie)
        return x->tie < y->tie ? -1 : 1;
    return strcmp(x->id, y->id);
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* A membership as the store holds it. */
typedef struct member {
    int64_t article, story;
} member;

static int cmp_member(const void *a, const void *b)
{
    const member *x = a, *y = b;
    return (x->article > y->article) - (x->article < y->article);
}

/* An end of a near-duplicate pair (PAIRS_AHEAD). */
typedef struct dup_end {
    int64_t article, other;
} dup_end;

static int cmp_dup_end(const void *a, const void *b)
{
    const dup_end *x = a, *y = b;
    return (x->article > y->article) - (x->article < y->article);
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

typedef struct catchup {
    bt_store *s;
    bti_story_set *set;
    int64_t *doc_n;          /* document -> articles.n */
    size_t ndoc_n, capdoc_n;
    int32_t *doc_of;         /* articles.n -> document + 1 (0: not in the set) */
    int64_t max_n;
    art *arts;
    size_t narts, caparts;
    member *old;             /* the memberships before, by article */
    size_t nold, capold;
    int64_t *old_of;         /* articles.n -> its story before (-1: none), up to max_n */
    int64_t mark_last, ndone; /* REPLAY_TAIL: what try_continue found the end state holds */
    uint32_t saved_docs;     /* documents whose parts in the store hold them as the set
                                does (PARTS_SHARED): the loaded ones, then the saved ones */
    int64_t *dirty;          /* story ids whose rows are written again */
    size_t ndirty, capdirty;
    sqlite3_stmt *text;
    dup_end *pairs;          /* PAIRS_AHEAD: (article, the other) for both ends of each pair */
    size_t npairs, cappairs;
    sqlite3_stmt *body_q;    /* BODY_FALLBACK: the body by its column */
    sqlite3_blob *body;      /* BODY_PREFIX: the handle, on the last article read */
    int body_blob;           /* 1: read bodies by the handle (a UTF-8 store); 0: by the column */
    bti_buf buf;
    bti_buf state;           /* save_state's bytes, kept for the next save */
} catchup;

static void catchup_free(catchup *c)
{
    bti_story_set_free(c->set);
    free(c->doc_n);
    free(c->doc_of);
    free(c->arts);
    free(c->old);
    free(c->old_of);
    free(c->dirty);
    sqlite3_finalize(c->text);
    free(c->pairs);
    sqlite3_finalize(c->body_q);
    sqlite3_blob_close(c->body);
    bti_buf_free(&c->buf);
    bti_buf_free(&c->state);
}

static int nomem(bt_error *err)
{
    return bt_error_set(err, BT_ENOMEM, "stories: out of memory");
}

/* The documents of a loaded core from their parts (PARTS_SHARED), with their row numbers
 * into c->doc_n. 1 when they were all there and loaded, 0 when not (start from nothing). */
static int load_parts(catchup *c, int *ok, bt_error *err)
{
    *ok = 0;
    uint32_t want = bti_story_docs_missing(c->set);
    c->doc_n = malloc(want ? want * sizeof *c->doc_n : 1);
    if (!c->doc_n)
        return nomem(err);
    c->capdoc_n = want;
    c->ndoc_n = 0;
    sqlite3_stmt *q;
    int rc = bti_store_prepare(c->s, "SELECT state, docs FROM story_state"
                                     " WHERE day >= ? AND day < ? ORDER BY day",
                               "reading story_state", &q, err);
    if (rc)
        return rc;
    sqlite3_bind_int64(q, 1, PART_KEY(0));
    sqlite3_bind_int64(q, 2, PART_KEY((want + BTI_STORY_PART_DOCS - 1) / BTI_STORY_PART_DOCS));
    int st = SQLITE_DONE, good = 1;
    while (good && (st = sqlite3_step(q)) == SQLITE_ROW) {
        uint32_t missing = bti_story_docs_missing(c->set);
        const void *part = sqlite3_column_blob(q, 0);
        size_t len = (size_t)sqlite3_column_bytes(q, 0);
        const void *docs = sqlite3_column_blob(q, 1);
        size_t n = (size_t)sqlite3_column_bytes(q, 1) / sizeof *c->doc_n;
        bt_error e;
        if (!missing || !part || bti_story_load_docs(c->set, part, len, &e)) {
            good = 0;
            break;
        }
        size_t took = missing - bti_story_docs_missing(c->set);
        if (n < took) {
            good = 0;
            break;
        }
        memcpy(c->doc_n + c->ndoc_n, docs, took * sizeof *c->doc_n);
        c->ndoc_n += took;
    }
    sqlite3_finalize(q);
    if (good && st != SQLITE_DONE)
        return bti_store_db_error(c->s, "reading story_state", err);
    bt_error e;
    if (good && c->ndoc_n == want && bti_story_load_end(c->set, &e) == 0)
        *ok = 1;
    return 0;
}

/* The saved state of row `key` of story_state (exact), else the newest from before day
 * `key` (the earliest day that has changed), if this library can continue it: into c->set,
 * c->doc_n and *day (the row's key). Otherwise c->set stays NULL and *day = DAY_NONE. */
static int load_row(catchup *c, int64_t key, int exact, int64_t *day, bt_error *err)
{
    *day = DAY_NONE;
    sqlite3_stmt *q;
    int rc = bti_store_prepare(c->s,
                               exact ? "SELECT day, state FROM story_state WHERE day = ?"
                                     : "SELECT day, state FROM story_state WHERE day <= ?"
                                       " AND day > ? ORDER BY day DESC LIMIT 1",
                               "reading story_state", &q, err);
    if (rc)
        return rc;
    sqlite3_bind_int64(q, 1, key);
    if (!exact)
        sqlite3_bind_int64(q, 2, DAYS_ABOVE);
    int st = sqlite3_step(q), ok = 0;
    int64_t found = DAY_NONE;
    if (st == SQLITE_ROW) {
        const void *blob = sqlite3_column_blob(q, 1);
        size_t len = (size_t)sqlite3_column_bytes(q, 1);
        bt_error e;
        found = sqlite3_column_int64(q, 0);
        if (blob && bti_story_load_core(NULL, blob, len, NULL, &c->set, &e) == 0)
            ok = 1;
    }
    sqlite3_finalize(q);
    if (st != SQLITE_ROW && st != SQLITE_DONE)
        return bti_store_db_error(c->s, "reading story_state", err);
    if (ok) {
        rc = load_parts(c, &ok, err);
        if (rc)
            return rc;
    }
    if (!ok) { /* not what it says: start from nothing */
        bti_story_set_free(c->set);
        c->set = NULL;
        free(c->doc_n);
        c->doc_n = NULL;
        c->ndoc_n = c->capdoc_n = 0;
        return 0;
    }
    c->saved_docs = (uint32_t)c->ndoc_n;
    *day = found;
    return 0;
}

/* The newest saved day state from before day `upto`, or an empty set and *day = DAY_NONE. */
static int load_state(catchup *c, int64_t upto, int64_t *day, bt_error *err)
{
    int rc = load_row(c, upto, 0, day, err);
    if (!rc && !c->set)
        rc = bti_story_set_new(NULL, &c->set, err);
    return rc;
}

/* One article's canonical key from a row of (n, id, published, added_at); a->pending is
 * left 0. */
static void art_of_row(sqlite3_stmt *q, art *a)
{
    memset(a, 0, sizeof *a);
    a->n = sqlite3_column_int64(q, 0);
    const char *id = (const char *)sqlite3_column_text(q, 1);
    if (id) { /* a plain copy: snprintf was a sixth of reading 100,000 keys */
        size_t len = strlen(id);
        memcpy(a->id, id, len < sizeof a->id ? len : sizeof a->id - 1);
        a->tie = bti_hash64(id, len, TIE_SEED);
    }
    int64_t pub = bti_connect_epoch((const char *)sqlite3_column_text(q, 2));
    if (pub != BTI_DUPS_NO_DATE) {
        a->date = pub;
        a->time = pub;
        a->day = floor_div(pub, DAY_SECONDS);
    } else {
        /* undated: clustered as of the latest date seen (story.h), ordered by when it was
         * added (UNDATED_ORDER) */
        int64_t added = bti_connect_epoch((const char *)sqlite3_column_text(q, 3));
        a->date = BTI_STORY_NO_DATE;
        a->day = added != BTI_DUPS_NO_DATE ? floor_div(added, DAY_SECONDS) : 0;
        a->time = added != BTI_DUPS_NO_DATE ? added : DAY_SECONDS - 1;
    }
}

/* The stored articles with their canonical keys and whether each waits for a story: those
 * of row number above `after` (-1: every one). MEMBERS_IN_MEMORY: whether one waits is
 * whether c->old (read_memberships, by article) holds it, not a join with story_articles
 * (a B-tree seek a row, ~80 M instructions of a day's replay at 100,000 articles); the
 * rows come by row number, so one pass over c->old follows them. Without c->old read
 * (try_continue: every article above the clustered ones waits), each one waits. */
static int read_articles(catchup *c, int64_t after, bt_error *err)
{
    sqlite3_stmt *q;
    int rc = bti_store_prepare(c->s, "SELECT n, id, published, added_at FROM articles"
                                     " WHERE n > ? ORDER BY n",
                               "reading articles for stories", &q, err);
    if (rc)
        return rc;
    sqlite3_bind_int64(q, 1, after);
    int st;
    size_t at = 0;
    while ((st = sqlite3_step(q)) == SQLITE_ROW) {
        if (c->narts == c->caparts && /* a call a row only when full: 100,000 rows */
            bti_array_grow((void **)&c->arts, &c->caparts, c->narts + 1, sizeof *c->arts)) {
            sqlite3_finalize(q);
            return nomem(err);
        }
        art *a = &c->arts[c->narts++];
        art_of_row(q, a);
        while (at < c->nold && c->old[at].article < a->n)
            at++;
        a->pending = !(at < c->nold && c->old[at].article == a->n);
        if (a->n > c->max_n)
            c->max_n = a->n;
    }
    sqlite3_finalize(q);
    if (st != SQLITE_DONE)
        return bti_store_db_error(c->s, "reading articles for stories", err);
    return 0;
}

static int read_memberships(catchup *c, bt_error *err)
{
    sqlite3_stmt *q;
    int rc = bti_store_prepare(c->s, "SELECT article, story FROM story_articles ORDER BY article",
                               "reading story_articles", &q, err);
    if (rc)
        return rc;
    int st;
    while ((st = sqlite3_step(q)) == SQLITE_ROW) {
        if (c->nold == c->capold &&
            bti_array_grow((void **)&c->old, &c->capold, c->nold + 1, sizeof *c->old)) {
            sqlite3_finalize(q);
            return nomem(err);
        }
        c->old[c->nold++] = (member){sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1)};
    }
    sqlite3_finalize(q);
    if (st != SQLITE_DONE)
        return bti_store_db_error(c->s, "reading story_articles", err);
    return 0;
}

static int64_t old_story(const catchup *c, int64_t article)
{
    if (c->old_of && article >= 0 && article <= c->max_n)
        return c->old_of[article];
    if (!c->nold)
        return -1;
    member key = {article, 0};
    const member *m = bsearch(&key, c->old, c->nold, sizeof *c->old, cmp_member);
    return m ? m->story : -1;
}

static int mark_dirty(catchup *c, int64_t sid)
{
    if (bti_array_grow((void **)&c->dirty, &c->capdirty, c->ndirty + 1, sizeof *c->dirty))
        return BT_ENOMEM;
    c->dirty[c->ndirty++] = sid;
    return 0;
}

/* PAIRS_AHEAD: the verified near-duplicate pairs that touch an article this catch-up adds
 * (any article from row `lo` on), both ends each, read once and sorted by article: one
 * statement, not a search of both indexes of dup_pairs an article (~12 of a catch-up's ~800
 * perf samples on 3,000 articles, with the statement's own steps); copy_of finds the same
 * pairs. */
static int read_pairs(catchup *c, int64_t lo, bt_error *err)
{
    sqlite3_stmt *q;
    int rc = bti_store_prepare(c->s, "SELECT a, b FROM dup_pairs WHERE a >= ?1"
                                     " UNION ALL SELECT a, b FROM dup_pairs WHERE b >= ?1"
                                     " AND a < ?1",
                               "reading dup_pairs for stories", &q, err);
    if (rc)
        return rc;
    sqlite3_bind_int64(q, 1, lo);
    int st;
    while ((st = sqlite3_step(q)) == SQLITE_ROW) {
        int64_t a = sqlite3_column_int64(q, 0), b = sqlite3_column_int64(q, 1);
        if (bti_array_grow((void **)&c->pairs, &c->cappairs, c->npairs + 2, sizeof *c->pairs)) {
            sqlite3_finalize(q);
            return nomem(err);
        }
        c->pairs[c->npairs++] = (dup_end){a, b};
        c->pairs[c->npairs++] = (dup_end){b, a};
    }
    sqlite3_finalize(q);
    if (st != SQLITE_DONE)
        return bti_store_db_error(c->s, "reading dup_pairs for stories", err);
    if (c->npairs)
        qsort(c->pairs, c->npairs, sizeof *c->pairs, cmp_dup_end);
    return 0;
}

/* 1 + the earliest document of the set that article n is a verified near-duplicate of, or 0. */
static void copy_of(catchup *c, int64_t n, uint32_t *out)
{
    *out = 0;
    size_t lo = 0, hi = c->npairs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->pairs[mid].article < n)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < c->npairs && c->pairs[i].article == n; i++) {
        int64_t other = c->pairs[i].other;
        if (other < 0 || other > c->max_n || !c->doc_of[other])
            continue;
        uint32_t d = (uint32_t)c->doc_of[other];
        if (!*out || d < *out)
            *out = d;
    }
}

/* BODY_PREFIX: appends the first TEXT_BYTES of article n's body (up to a NUL, as a C string
 * of the column would end) to c->buf. 1 when read so; 0 when the handle cannot read it (then
 * body_fallback does); BT_ENOMEM. */
static int body_prefix(catchup *c, int64_t n)
{
    if (!c->body_blob)
        return 0;
    int st = c->body ? sqlite3_blob_reopen(c->body, n)
                     : sqlite3_blob_open(bti_store_db(c->s), "main", "articles", "body", n, 0,
                                         &c->body);
    if (st != SQLITE_OK) {
        sqlite3_blob_close(c->body); /* an aborted handle is opened again, next article */
        c->body = NULL;
        return 0;
    }
    int len = sqlite3_blob_bytes(c->body);
    size_t want = len > TEXT_BYTES ? TEXT_BYTES : (size_t)(len > 0 ? len : 0);
    if (!want)
        return 1;
    if (bti_buf_grow(&c->buf, want))
        return BT_ENOMEM;
    char *dst = c->buf.data + c->buf.len;
    if (sqlite3_blob_read(c->body, dst, (int)want, 0) != SQLITE_OK) {
        sqlite3_blob_close(c->body);
        c->body = NULL;
        c->buf.data[c->buf.len] = '\0';
        return 0;
    }
    const char *nul = memchr(dst, 0, want);
    c->buf.len += nul ? (size_t)(nul - dst) : want;
    c->buf.data[c->buf.len] = '\0';
    return 1;
}

/* 1 when the store's text is UTF-8 (a blob handle reads the stored bytes, unconverted). */
static int store_utf8(catchup *c)
{
    sqlite3_stmt *q;
    int utf8 = 0;
    if (sqlite3_prepare_v2(bti_store_db(c->s), "PRAGMA encoding", -1, &q, NULL) != SQLITE_OK)
        return 0;
    if (sqlite3_step(q) == SQLITE_ROW) {
        const char *e = (const char *)sqlite3_column_text(q, 0);
        utf8 = e && strcmp(e, "UTF-8") == 0;
    }
    sqlite3_finalize(q);
    return utf8;
}

/* BODY_FALLBACK: the same bytes from the body's column. */
static int body_fallback(catchup *c, int64_t n, bt_error *err)
{
    if (!c->body_q) {
        int rc = bti_store_prepare(c->s, "SELECT body FROM articles WHERE n = ?",
                                   "reading an article for its story", &c->body_q, err);
        if (rc)
            return rc;
    }
    sqlite3_bind_int64(c->body_q, 1, n);
    int st = sqlite3_step(c->body_q), rc = 0;
    if (st == SQLITE_ROW) {
        const char *body = (const char *)sqlite3_column_text(c->body_q, 0);
        if (body && *body) {
            size_t len = strlen(body);
            if (bti_buf_add(&c->buf, body, len < TEXT_BYTES ? len : TEXT_BYTES))
                rc = nomem(err);
        }
    } else if (st != SQLITE_DONE)
        rc = bti_store_db_error(c->s, "reading an article for its story", err);
    sqlite3_reset(c->body_q);
    return rc;
}

/* Clusters one stored article: its title, lede and opening as the story set reads them. */
static int add_article(catchup *c, const art *a, bt_error *err)
{
    sqlite3_bind_int64(c->text, 1, a->n);
    int st = sqlite3_step(c->text);
    if (st != SQLITE_ROW) {
        sqlite3_reset(c->text);
        if (st == SQLITE_DONE)
            return bt_error_set(err, BT_ENOTFOUND, "stories: article %s is gone", a->id);
        return bti_store_db_error(c->s, "reading an article for its story", err);
    }
    const char *title = (const char *)sqlite3_column_text(c->text, 0);
    const char *lede = (const char *)sqlite3_column_text(c->text, 1);
    const char *lang = (const char *)sqlite3_column_text(c->text, 2);
    bti_buf_reset(&c->buf);
    int rc = 0;
    if (lede && *lede)
        rc |= bti_buf_adds(&c->buf, lede) | bti_buf_addc(&c->buf, '\n');
    if (!rc) {
        int got = body_prefix(c, a->n);
        if (got < 0)
            rc = 1;
        else if (!got) {
            int e = body_fallback(c, a->n, err);
            if (e) {
                sqlite3_reset(c->text);
                return e;
            }
        }
    }
    char langbuf[8] = "";
    if (lang)
        snprintf(langbuf, sizeof langbuf, "%s", lang);
    uint32_t copy = 0;
    if (rc)
        rc = nomem(err);
    else
        copy_of(c, a->n, &copy);
    if (!rc) {
        bti_story_doc d = {title, title ? strlen(title) : 0, c->buf.data, c->buf.len, a->date,
                           langbuf[0] ? langbuf : NULL, copy};
        rc = bti_story_add(c->set, &d, NULL, err);
        if (rc) {
            bt_error e = *err;
            bt_error_set(err, rc, "stories: article %s: %s", a->id, e.msg);
        }
    }
    sqlite3_reset(c->text);
    if (rc)
        return rc;
    if (bti_array_grow((void **)&c->doc_n, &c->capdoc_n, c->ndoc_n + 1, sizeof *c->doc_n))
        return nomem(err);
    c->doc_n[c->ndoc_n++] = a->n;
    c->doc_of[a->n] = (int32_t)c->ndoc_n;
    return 0;
}

/* One row of story_state. */
static int put_row(catchup *c, int64_t key, const bti_buf *state, const void *docs,
                   size_t dlen, bt_error *err)
{
    sqlite3_stmt *q;
    int rc = bti_store_prepare(c->s,
                               "INSERT OR REPLACE INTO story_state(day, state, docs)"
                               " VALUES (?, ?, ?)",
                               "writing story_state", &q, err);
    if (rc)
        return rc;
    sqlite3_bind_int64(q, 1, key);
    sqlite3_bind_blob64(q, 2, state->data ? state->data : "", state->len, SQLITE_STATIC);
    sqlite3_bind_blob64(q, 3, docs ? docs : "", dlen, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_DONE)
        rc = bti_store_db_error(c->s, "writing story_state", err);
    sqlite3_finalize(q);
    return rc;
}

/* A piece of a core into its row's blob (STATE_STREAMED). */
typedef struct blob_out {
    sqlite3_blob *blob;
    uint64_t off, len;
} blob_out;

static int blob_sink(void *ctx, const void *data, size_t len)
{
    blob_out *o = ctx;
    if (len > o->len - o->off)
        return SQLITE_ERROR; /* longer than counted: never, the same code counts */
    for (size_t at = 0; at < len;) {
        size_t n = len - at < (1u << 30) ? len - at : (1u << 30);
        int rc = sqlite3_blob_write(o->blob, (const char *)data + at, (int)n, (int)o->off);
        if (rc != SQLITE_OK)
            return rc;
        at += n;
        o->off += n;
    }
    return 0;
}

/* The core's row under `key`: STATE_STREAMED (story_state.c): the row is made with a blob of
 * zeros of the core's length (SQLite writes the zeros of a record's last bytes into its pages
 * without building them: `docs` is empty), and the core is written into it in pieces, never
 * whole in memory. */
static int put_core(catchup *c, int64_t key, bt_error *err)
{
    uint64_t len = bti_story_core_size(c->set);
    if (len > 0x7fffffffu)
        return bt_error_set(err, BT_ELIMIT, "stories: a saved state of %llu bytes",
                            (unsigned long long)len);
    sqlite3_stmt *q;
    int rc = bti_store_prepare(c->s,
                               "INSERT OR REPLACE INTO story_state(day, state, docs)"
                               " VALUES (?, zeroblob(?), x'')",
                               "writing story_state", &q, err);
    if (rc)
        return rc;
    sqlite3_bind_int64(q, 1, key);
    sqlite3_bind_int64(q, 2, (sqlite3_int64)len);
    if (sqlite3_step(q) != SQLITE_DONE)
        rc = bti_store_db_error(c->s, "writing story_state", err);
    sqlite3_finalize(q);
    if (rc)
        return rc;
    blob_out o = {NULL, 0, len};
    if (sqlite3_blob_open(bti_store_db(c->s), "main", "story_state", "state", key, 1,
                          &o.blob) != SQLITE_OK) {
        rc = bti_store_db_error(c->s, "writing story_state", err);
        sqlite3_blob_close(o.blob);
        return rc;
    }
    int st = bti_story_save_core_to(c->set, &c->state, blob_sink, &o);
    if (st == BT_ENOMEM)
        rc = nomem(err);
    else if (st || o.off != len)
        rc = bti_store_db_error(c->s, "writing story_state", err);
    if (sqlite3_blob_close(o.blob) != SQLITE_OK && !rc)
        rc = bti_store_db_error(c->s, "writing story_state", err);
    return rc;
}

/* The state as it stands under `day`: its core, and the parts of the documents added since
 * the parts were last written (PARTS_SHARED). */
static int save_state(catchup *c, int64_t day, bt_error *err)
{
    bti_buf *b = &c->state;
    int rc = put_core(c, day, err);
    uint32_t n = bti_story_doc_count(c->set);
    for (uint32_t from = c->saved_docs - c->saved_docs % BTI_STORY_PART_DOCS;
         !rc && from < n && n > c->saved_docs; from += BTI_STORY_PART_DOCS) {
        uint32_t to = n - from > BTI_STORY_PART_DOCS ? from + BTI_STORY_PART_DOCS : n;
        bti_buf_reset(b);
        if (bti_story_save_docs(c->set, from, to, 0, b))
            rc = nomem(err);
        else
            rc = put_row(c, PART_KEY(from / BTI_STORY_PART_DOCS), b, c->doc_n + from,
                         (to - from) * sizeof *c->doc_n, err);
    }
    if (!rc)
        c->saved_docs = n;
    return rc;
}

/* The store's id of story `sid`: its founding article's row number. */
static int64_t story_id(const catchup *c, uint32_t sid)
{
    uint32_t n;
    const uint32_t *mem = bti_story_members(c->set, sid, &n);
    return mem && n ? c->doc_n[mem[0]] : -1;
}

typedef struct live {
    int64_t id;
    uint32_t sid;
} live;

static int cmp_live(const void *a, const void *b)
{
    const live *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

/* PLAIN_INSERTS: a row the catch-up knows to be new (an article that had no story, a story
 * id that no membership held) is written by a plain INSERT, not INSERT OR REPLACE: a REPLACE
 * may delete rows before it inserts, so SQLite wraps each one in a statement savepoint (its
 * journal begun and ended a row: ~a third of write_stories' SQLite time on 3,000 new
 * articles); a plain INSERT into these tables (no unique index but the key) cannot fail half
 * way and takes none. Should the row exist after all, the INSERT fails on its key before it
 * writes anything, and the REPLACE writes it as before: the same rows either way. */
static int step_row(sqlite3_stmt *q)
{
    int st = sqlite3_step(q);
    sqlite3_reset(q);
    return st;
}

static void bind_member(sqlite3_stmt *q, int64_t article, int64_t sid, int64_t date)
{
    sqlite3_bind_int64(q, 1, article);
    sqlite3_bind_int64(q, 2, sid);
    sqlite3_bind_int64(q, 3, date);
}

static void bind_story(sqlite3_stmt *q, int64_t id, const bti_story_info *info, int64_t central,
                       const bti_buf *terms)
{
    sqlite3_bind_int64(q, 1, id);
    sqlite3_bind_int64(q, 2, info->size);
    sqlite3_bind_int64(q, 3, info->first);
    sqlite3_bind_int64(q, 4, info->last);
    sqlite3_bind_int64(q, 5, central);
    sqlite3_bind_text(q, 6, terms->data ? terms->data : "", (int)terms->len, SQLITE_STATIC);
}

/* Writes the memberships that changed and the rows of the stories they touch. `from` is the
 * first document added by this catch-up: every story holding one is written again. */
static int write_stories(catchup *c, uint32_t from, bt_error *err)
{
    uint32_t ndocs = bti_story_doc_count(c->set);
    sqlite3_stmt *put = NULL, *row = NULL, *del = NULL, *put_new = NULL, *row_new = NULL;
    int rc = bti_store_prepare(c->s,
                               "INSERT OR REPLACE INTO story_articles(article, story, date)"
                               " VALUES (?, ?, ?)",
                               "writing story_articles", &put, err);
    if (!rc)
        rc = bti_store_prepare(c->s,
                               "INSERT OR REPLACE INTO stories(id, size, first, last, central,"
                               " terms) VALUES (?, ?, ?, ?, ?, ?)",
                               "writing stories", &row, err);
    if (!rc)
        rc = bti_store_prepare(c->s, "DELETE FROM stories WHERE id = ?", "writing stories",
                               &del, err);
    if (!rc)
        rc = bti_store_prepare(c->s,
                               "INSERT INTO story_articles(article, story, date) VALUES (?, ?, ?)",
                               "writing story_articles", &put_new, err);
    if (!rc)
        rc = bti_store_prepare(c->s,
                               "INSERT INTO stories(id, size, first, last, central, terms)"
                               " VALUES (?, ?, ?, ?, ?, ?)",
                               "writing stories", &row_new, err);
    /* PLAIN_INSERTS: the story ids that memberships held before, marked by row number (a
     * story's id is its founding article's; one outside the rows is taken as held) */
    unsigned char *held = NULL;
    if (!rc && c->nold && !(held = calloc((size_t)c->max_n + 1, 1)))
        rc = nomem(err);
    for (size_t i = 0; i < c->nold && !rc; i++)
        if (c->old[i].story >= 0 && c->old[i].story <= c->max_n)
            held[c->old[i].story] = 1;
    for (uint32_t d = 0; d < ndocs && !rc; d++) {
        uint32_t sid = bti_story_of(c->set, d);
        int64_t now = story_id(c, sid), before = old_story(c, c->doc_n[d]);
        if (now == before && d < from)
            continue;
        if (mark_dirty(c, now) || (before >= 0 && before != now && mark_dirty(c, before))) {
            rc = nomem(err);
            break;
        }
        if (now == before)
            continue;
        int st = SQLITE_CONSTRAINT;
        if (before < 0) { /* no row: PLAIN_INSERTS */
            bind_member(put_new, c->doc_n[d], now, c->set->docs[d].date);
            st = step_row(put_new);
        }
        if ((st & 0xff) == SQLITE_CONSTRAINT) { /* extended codes: the primary one */
            bind_member(put, c->doc_n[d], now, c->set->docs[d].date);
            st = step_row(put);
        }
        if (st != SQLITE_DONE)
            rc = bti_store_db_error(c->s, "writing story_articles", err);
    }
    if (!rc && c->ndirty)
        qsort(c->dirty, c->ndirty, sizeof *c->dirty, cmp_i64);
    /* the live stories by their store id, to find each dirty one */
    live *lv = NULL;
    uint32_t nlive = 0, nst = bti_story_count(c->set);
    if (!rc && nst && !(lv = malloc(nst * sizeof *lv)))
        rc = nomem(err);
    for (uint32_t sid = 0; sid < nst && !rc; sid++) {
        uint32_t nm;
        if (bti_story_members(c->set, sid, &nm) && nm)
            lv[nlive++] = (live){story_id(c, sid), sid};
    }
    /* story ids grow with their founding document, whose row numbers need not: sort */
    if (nlive)
        qsort(lv, nlive, sizeof *lv, cmp_live);
    bti_buf terms = BTI_BUF_INIT;
    for (size_t i = 0; i < c->ndirty && !rc; i++) {
        if (i && c->dirty[i] == c->dirty[i - 1])
            continue;
        int64_t id = c->dirty[i];
        live key = {id, 0};
        const live *at = nlive ? bsearch(&key, lv, nlive, sizeof *lv, cmp_live) : NULL;
        if (!at) {
            sqlite3_bind_int64(del, 1, id);
            if (sqlite3_step(del) != SQLITE_DONE)
                rc = bti_store_db_error(c->s, "writing stories", err);
            sqlite3_reset(del);
            continue;
        }
        uint32_t sid = at->sid;
        bti_story_info info;
        bti_story_get(c->set, sid, &info);
        const char *t[STORY_TERMS];
        size_t nt = bti_story_terms(c->set, sid, t, STORY_TERMS);
        bti_buf_reset(&terms);
        for (size_t k = 0; k < nt; k++)
            if ((k && bti_buf_addc(&terms, '\n')) || bti_buf_adds(&terms, t[k]))
                rc = nomem(err);
        if (rc)
            break;
        int st = SQLITE_CONSTRAINT;
        if (!c->nold || (id >= 0 && id <= c->max_n && !held[id])) { /* PLAIN_INSERTS */
            bind_story(row_new, id, &info, c->doc_n[info.central_doc], &terms);
            st = step_row(row_new);
        }
        if ((st & 0xff) == SQLITE_CONSTRAINT) { /* extended codes: the primary one */
            bind_story(row, id, &info, c->doc_n[info.central_doc], &terms);
            st = step_row(row);
        }
        if (st != SQLITE_DONE)
            rc = bti_store_db_error(c->s, "writing stories", err);
    }
    bti_buf_free(&terms);
    free(lv);
    free(held);
    sqlite3_finalize(put);
    sqlite3_finalize(row);
    sqlite3_finalize(del);
    sqlite3_finalize(put_new);
    sqlite3_finalize(row_new);
    return rc;
}

/* One or two integers of the first row of `sql` (*w may be NULL). */
static int query_i64(catchup *c, const char *sql, int64_t *v, int64_t *w, bt_error *err)
{
    sqlite3_stmt *q;
    int rc = bti_store_prepare(c->s, sql, "reading stories", &q, err);
    if (rc)
        return rc;
    if (sqlite3_step(q) != SQLITE_ROW)
        rc = bti_store_db_error(c->s, "reading stories", err);
    else {
        *v = sqlite3_column_int64(q, 0);
        if (w)
            *w = sqlite3_column_int64(q, 1);
    }
    sqlite3_finalize(q);
    return rc;
}

/* END_MARK: the row beside the end state saying what it holds (the last clustered article's
 * row number and the count of documents, two int64 in `docs`, an empty `state`), so that a
 * catch-up that cannot continue from it (a late article) knows so before loading it. */
static int read_mark(catchup *c, int64_t mark[2], bt_error *err)
{
    sqlite3_stmt *q;
    int rc = bti_store_prepare(c->s, "SELECT docs FROM story_state WHERE day = ?",
                               "reading story_state", &q, err);
    if (rc)
        return rc;
    sqlite3_bind_int64(q, 1, END_MARK);
    int st = sqlite3_step(q);
    if (st == SQLITE_ROW && sqlite3_column_bytes(q, 0) == 2 * (int)sizeof(int64_t))
        memcpy(mark, sqlite3_column_blob(q, 0), 2 * sizeof(int64_t));
    sqlite3_finalize(q);
    if (st != SQLITE_ROW && st != SQLITE_DONE)
        return bti_store_db_error(c->s, "reading story_state", err);
    return 0;
}

static int write_mark(catchup *c, bt_error *err)
{
    int64_t mark[2] = {c->ndoc_n ? c->doc_n[c->ndoc_n - 1] : -1, (int64_t)c->ndoc_n};
    sqlite3_stmt *q;
    int rc = bti_store_prepare(c->s,
                               "INSERT OR REPLACE INTO story_state(day, state, docs)"
                               " VALUES (?, x'', ?)",
                               "writing story_state", &q, err);
    if (rc)
        return rc;
    sqlite3_bind_int64(q, 1, END_MARK);
    sqlite3_bind_blob(q, 2, mark, sizeof mark, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_DONE)
        rc = bti_store_db_error(c->s, "writing story_state", err);
    sqlite3_finalize(q);
    return rc;
}

/* Forgets what try_continue loaded, for the path from a day state. */
static void drop_loaded(catchup *c)
{
    bti_story_set_free(c->set);
    c->set = NULL;
    free(c->doc_n);
    c->doc_n = NULL;
    c->ndoc_n = c->capdoc_n = 0;
    c->saved_docs = 0;
    c->narts = 0;
    c->max_n = 0;
}

/* CONTINUE_AT_END: when every waiting article comes after every clustered one in the
 * canonical order (the usual case: today's news after this morning's, undated ones of a
 * later run after those of an earlier one, UNDATED_ORDER), the clustering continues from
 * the state saved at the end of the last catch-up, and only the waiting articles are read
 * and added: the same sequence of additions as a rebuild, so the same stories, at a cost
 * that does not grow with the day. *ok = 1 when it applies (c->arts then holds the waiting
 * articles only, *day the day of the last clustered one), 2 when nothing waits; 0 leaves
 * nothing loaded. The end state is trusted only if it holds as many documents as there are
 * clustered articles: it is written with them in one transaction, and removing an article
 * deletes every saved state (schema.c's trigger). */
static int try_continue(catchup *c, int *ok, int64_t *day, bt_error *err)
{
    *ok = 0;
    int64_t nall = 0, ndone = 0, maxdone = -1;
    int rc = query_i64(c, "SELECT count(*) FROM articles", &nall, NULL, err);
    /* COUNT_APART: asked together, the count and the maximum scanned every membership
     * (~37 M instructions at 100,000); apart, SQLite counts the B-tree's pages and reads the
     * maximum from its last one */
    if (!rc)
        rc = query_i64(c, "SELECT count(*) FROM story_articles", &ndone, NULL, err);
    if (!rc && ndone)
        rc = query_i64(c, "SELECT max(article) FROM story_articles", &maxdone, NULL, err);
    if (rc)
        return rc;
    if (nall == ndone) {
        *ok = 2;
        return 0;
    }
    /* what the end state holds, without loading it (END_MARK) */
    int64_t mark[2] = {-1, -1};
    rc = read_mark(c, mark, err);
    if (rc || mark[1] != ndone)
        return rc; /* none, or not of these articles: the day path */
    /* waiting articles are added after the clustered ones (higher row numbers) unless rows
     * were reused: then the count differs and the day path runs */
    rc = read_articles(c, maxdone, err);
    if (rc)
        return rc;
    if ((int64_t)c->narts != nall - ndone)
        goto no;
    for (size_t i = 0; i < c->narts; i++)
        if (!c->arts[i].pending)
            goto no;
    art last;
    if (ndone) {
        sqlite3_stmt *q;
        rc = bti_store_prepare(c->s, "SELECT n, id, published, added_at FROM articles"
                                     " WHERE n = ?", "reading articles for stories", &q, err);
        if (rc)
            return rc;
        sqlite3_bind_int64(q, 1, mark[0]);
        int st = sqlite3_step(q);
        if (st == SQLITE_ROW)
            art_of_row(q, &last);
        sqlite3_finalize(q);
        if (st != SQLITE_ROW) {
            if (st != SQLITE_DONE)
                return bti_store_db_error(c->s, "reading articles for stories", err);
            goto no;
        }
        for (size_t i = 0; i < c->narts; i++)
            if (cmp_art(&last, &c->arts[i]) >= 0) {
                /* REPLAY_TAIL: c->arts holds every waiting article, and the end state's
                 * parts say which clustered ones come after a day state */
                c->mark_last = mark[0];
                c->ndone = ndone;
                if (maxdone > c->max_n)
                    c->max_n = maxdone;
                *ok = 3;
                return 0;
            }
        *day = last.day;
    } else
        *day = DAY_NONE;
    int64_t key;
    rc = load_row(c, END_STATE, 1, &key, err);
    if (rc)
        return rc;
    if (!c->set || (int64_t)c->ndoc_n != ndone ||
        (ndone && c->doc_n[c->ndoc_n - 1] != mark[0]))
        goto no;
    if (maxdone > c->max_n)
        c->max_n = maxdone;
    *ok = 1;
    return 0;
no:
    drop_loaded(c);
    return 0;
}

/* REPLAY_TAIL: a catch-up whose waiting articles (c->arts, all of them, try_continue) do
 * not all come after the clustered ones starts again from the day state before the earliest,
 * and adds again the clustered articles from that day on: the end state's documents after
 * the day state's (a day state is a prefix of the end state's sequence: PARTS_SHARED keeps
 * them in the same parts), read by row number, instead of reading and sorting every stored
 * article's key to find them (~240 M instructions at 100,000 articles). *ok = 0 when the
 * parts do not say (or no day state is kept): the caller reads every article as before. */
static int replay_tail(catchup *c, int64_t *day, int *ok, bt_error *err)
{
    *ok = 0;
    int64_t min_pending = INT64_MAX;
    for (size_t i = 0; i < c->narts; i++)
        if (c->arts[i].day < min_pending)
            min_pending = c->arts[i].day;
    int rc = load_row(c, min_pending, 0, day, err);
    if (rc || !c->set)
        return rc;
    int64_t nd = (int64_t)c->ndoc_n, ndone = c->ndone;
    if (*day == DAY_NONE || nd > ndone)
        return 0;
    /* the end state's row numbers of documents nd .. ndone - 1 */
    size_t ntail = (size_t)(ndone - nd);
    int64_t *tail = malloc(ntail ? ntail * sizeof *tail : 1);
    if (!tail)
        return nomem(err);
    sqlite3_stmt *q;
    rc = bti_store_prepare(c->s, "SELECT day, docs FROM story_state WHERE day >= ? AND day < ?"
                                 " ORDER BY day", "reading story_state", &q, err);
    if (rc) {
        free(tail);
        return rc;
    }
    sqlite3_bind_int64(q, 1, PART_KEY(nd / BTI_STORY_PART_DOCS));
    sqlite3_bind_int64(q, 2, PART_KEY((ndone + BTI_STORY_PART_DOCS - 1) / BTI_STORY_PART_DOCS));
    size_t got = 0;
    int st;
    while ((st = sqlite3_step(q)) == SQLITE_ROW) {
        int64_t first = (sqlite3_column_int64(q, 0) - PART_KEY(0)) * BTI_STORY_PART_DOCS;
        const unsigned char *docs = sqlite3_column_blob(q, 1);
        int64_t n = sqlite3_column_bytes(q, 1) / (int)sizeof(int64_t);
        for (int64_t k = 0; k < n; k++) {
            int64_t d = first + k;
            if (d < nd + (int64_t)got || d >= ndone)
                continue;
            if (d != nd + (int64_t)got)
                break; /* a gap: not the end state's */
            memcpy(&tail[got++], docs + k * (int64_t)sizeof(int64_t), sizeof(int64_t));
        }
    }
    sqlite3_finalize(q);
    if (st != SQLITE_DONE) {
        free(tail);
        return bti_store_db_error(c->s, "reading story_state", err);
    }
    if (got != ntail || (ntail && tail[ntail - 1] != c->mark_last)) {
        free(tail);
        return 0;
    }
    rc = bti_store_prepare(c->s, "SELECT n, id, published, added_at FROM articles WHERE n = ?",
                           "reading articles for stories", &q, err);
    size_t added = 0;
    for (size_t i = 0; i < ntail && !rc; i++) {
        if (c->narts == c->caparts &&
            bti_array_grow((void **)&c->arts, &c->caparts, c->narts + 1, sizeof *c->arts)) {
            rc = nomem(err);
            break;
        }
        sqlite3_bind_int64(q, 1, tail[i]);
        st = sqlite3_step(q);
        if (st == SQLITE_ROW) {
            art *a = &c->arts[c->narts++];
            art_of_row(q, a);
            if (a->n > c->max_n)
                c->max_n = a->n;
            added++;
        } else if (st == SQLITE_DONE)
            break; /* gone: the states would have been dropped */
        else
            rc = bti_store_db_error(c->s, "reading articles for stories", err);
        sqlite3_reset(q);
        if (st != SQLITE_ROW)
            break;
    }
    sqlite3_finalize(q);
    if (!rc && added == ntail)
        *ok = 1;
    free(tail);
    return rc;
}

static int update(catchup *c, int rebuild, bt_error *err)
{
    int64_t day = DAY_NONE;
    int rc = 0, at_end = 0;
    if (rebuild) {
        char *msg = NULL;
        if (sqlite3_exec(bti_store_db(c->s), "DELETE FROM story_articles; DELETE FROM stories;"
                         " DELETE FROM story_state;", NULL, NULL, &msg) != SQLITE_OK)
            rc = bti_store_db_error(c->s, "emptying the stories", err);
        sqlite3_free(msg);
        if (rc)
            return rc;
    } else {
        rc = try_continue(c, &at_end, &day, err);
        if (rc)
            return rc;
        if (at_end == 2)
            return 0; /* nothing waits */
    }
    rc = read_memberships(c, err);
    if (rc)
        return rc;
    int loaded = at_end == 1;
    if (at_end == 3) {
        int ok = 0;
        at_end = 0;
        rc = replay_tail(c, &day, &ok, err);
        if (rc)
            return rc;
        if (ok)
            loaded = 1;
        else {
            drop_loaded(c);
            day = DAY_NONE;
        }
    }
    if (!at_end && !loaded) {
        rc = read_articles(c, -1, err);
        if (rc)
            return rc;
    }
    int64_t min_pending = INT64_MAX, max_day = DAY_NONE;
    for (size_t i = 0; i < c->narts; i++) {
        if (c->arts[i].pending && c->arts[i].day < min_pending)
            min_pending = c->arts[i].day;
        if (c->arts[i].day > max_day)
            max_day = c->arts[i].day;
    }
    if (!rebuild && min_pending == INT64_MAX)
        return 0; /* nothing waits */
    if (loaded)
        rc = 0; /* by try_continue or replay_tail */
    else if (rebuild) {
        day = DAY_NONE;
        rc = bti_story_set_new(NULL, &c->set, err);
    } else
        rc = load_state(c, min_pending, &day, err);
    if (rc)
        return rc;
    c->doc_of = calloc((size_t)c->max_n + 1, sizeof *c->doc_of);
    if (!c->doc_of)
        return nomem(err);
    for (size_t d = 0; d < c->ndoc_n; d++) {
        if (c->doc_n[d] < 0 || c->doc_n[d] > c->max_n)
            return bt_error_set(err, BT_EPARSE, "story_state: an unknown article");
        c->doc_of[c->doc_n[d]] = (int32_t)(d + 1);
    }
    /* write_stories asks every document's story before: a table, not a search a document */
    c->old_of = malloc(((size_t)c->max_n + 1) * sizeof *c->old_of);
    if (!c->old_of)
        return nomem(err);
    for (int64_t n = 0; n <= c->max_n; n++)
        c->old_of[n] = -1;
    for (size_t i = 0; i < c->nold; i++)
        if (c->old[i].article >= 0 && c->old[i].article <= c->max_n)
            c->old_of[c->old[i].article] = c->old[i].story;
    c->body_blob = store_utf8(c);
    rc = bti_store_prepare(c->s, "SELECT title, lede, lang FROM articles WHERE n = ?",
                               "reading an article for its story", &c->text, err);
    if (rc)
        return rc;
    if (c->narts)
        qsort(c->arts, c->narts, sizeof *c->arts, cmp_art);
    int64_t lo_n = INT64_MAX; /* PAIRS_AHEAD: the lowest row this catch-up adds */
    for (size_t i = 0; i < c->narts; i++)
        if ((at_end || day == DAY_NONE || c->arts[i].day >= day) && c->arts[i].n < lo_n)
            lo_n = c->arts[i].n;
    if (lo_n != INT64_MAX && (rc = read_pairs(c, lo_n, err)))
        return rc;
    /* the states before each of the newest days, those not saved yet (the one loaded is,
     * and so is the one before the last clustered article's day when continuing) */
    int64_t save[STATES_KEPT];
    size_t nsave = 0, next = 0;
    for (int k = STATES_KEPT - 1; k >= 0; k--)
        if (max_day != DAY_NONE && max_day - k > day)
            save[nsave++] = max_day - k;
    uint32_t from = bti_story_doc_count(c->set);
    /* RESERVE_AHEAD (story.c): the set, and the row numbers of its documents, sized once
     * for the articles this catch-up adds */
    size_t todo = 0;
    for (size_t i = 0; i < c->narts; i++)
        todo += at_end || day == DAY_NONE || c->arts[i].day >= day;
    if (todo > UINT32_MAX)
        todo = UINT32_MAX;
    if (bti_story_reserve(c->set, (uint32_t)todo) ||
        bti_array_grow((void **)&c->doc_n, &c->capdoc_n, c->ndoc_n + todo, sizeof *c->doc_n))
        return nomem(err);
    for (size_t i = 0; i < c->narts && !rc; i++) {
        const art *a = &c->arts[i];
        if (!at_end && day != DAY_NONE && a->day < day)
            continue; /* in the loaded state already */
        while (!rc && next < nsave && a->day >= save[next])
            rc = save_state(c, save[next++], err);
        if (!rc)
            rc = add_article(c, a, err);
    }
    while (!rc && next < nsave)
        rc = save_state(c, save[next++], err);
    /* PAGE_CACHE_RELEASE: the page cache holds the clean pages the batches wrote and the
     * catch-up read (~20 MB on 3,000 corpus records, under a 64 MB cache_size), and saving
     * the state and the rows takes new pages for what they write, each first touch of new
     * memory a page fault (716 of the catch-up's ~1,000; ~15 us each in a VM). Released
     * once the articles are read, their memory serves the writes. */
    sqlite3_db_release_memory(bti_store_db(c->s));
    /* the state after the last article, before the merges for what is shown */
    if (!rc)
        rc = save_state(c, END_STATE, err);
    if (!rc)
        rc = write_mark(c, err);
    if (!rc) {
        /* parts beyond the end state's documents belong to no state (a history replaced) */
        uint32_t n = bti_story_doc_count(c->set);
        sqlite3_stmt *q;
        rc = bti_store_prepare(c->s, "DELETE FROM story_state WHERE day >= ? AND day < ?",
                               "writing story_state", &q, err);
        if (!rc) {
            sqlite3_bind_int64(q, 1, PART_KEY((n + BTI_STORY_PART_DOCS - 1) /
                                              BTI_STORY_PART_DOCS));
            sqlite3_bind_int64(q, 2, DAYS_ABOVE);
            if (sqlite3_step(q) != SQLITE_DONE)
                rc = bti_store_db_error(c->s, "writing story_state", err);
            sqlite3_finalize(q);
        }
    }
    if (!rc && max_day != DAY_NONE) {
        /* older states are left behind (the end state's key is above every day) */
        sqlite3_stmt *q;
        rc = bti_store_prepare(c->s, "DELETE FROM story_state WHERE day <= ? AND day > ?",
                               "writing story_state", &q, err);
        if (!rc) {
            sqlite3_bind_int64(q, 1, max_day - STATES_KEPT);
            sqlite3_bind_int64(q, 2, DAYS_ABOVE);
            if (sqlite3_step(q) != SQLITE_DONE)
                rc = bti_store_db_error(c->s, "writing story_state", err);
            sqlite3_finalize(q);
        }
    }
    /* the merges a pass would find now are made for what is shown, not saved: the next
     * catch-up redoes them on top of the saved state, as a rebuild would */
    if (!rc)
        rc = bti_story_merge(c->set, NULL, err);
    if (!rc)
        rc = write_stories(c, from, err);
    return rc;
}

/* STATE_NO_SECURE_DELETE: SQLite as Debian builds it zeroes every page it frees
 * (secure_delete), and each catch-up replaces a saved state of ~130-200 bytes an article
 * (13 MB at 20,000 VietNews articles): zeroing the old one doubled what saving it wrote.
 * A replaced state holds only what the store still holds (removing an article deletes every
 * state, under the store's own setting), so the catch-up turns it off for itself and puts
 * the connection's setting back after. Returns the setting before (-1: unknown). */
static int secure_delete(bt_store *s, int set)
{
    sqlite3 *db = bti_store_db(s);
    sqlite3_stmt *q;
    int before = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA secure_delete", -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW)
            before = sqlite3_column_int(q, 0);
        sqlite3_finalize(q);
    }
    if (set >= 0 && before != set) {
        char sql[48];
        snprintf(sql, sizeof sql, "PRAGMA secure_delete = %d", set);
        sqlite3_exec(db, sql, NULL, NULL, NULL); /* best effort: only slower without */
    }
    return before;
}

int bti_stories_update(bt_store *s, int rebuild, bt_error *err)
{
    catchup c;
    memset(&c, 0, sizeof c);
    c.s = s;
    int rc = bt_store_begin(s, err);
    if (rc)
        return rc;
    int secure = secure_delete(s, 0);
    rc = update(&c, rebuild, err);
    if (secure > 0)
        secure_delete(s, secure);
    catchup_free(&c);
    if (rc) {
        bt_error e;
        bt_store_rollback(s, &e);
        return rc;
    }
    return bt_store_commit(s, err);
}
