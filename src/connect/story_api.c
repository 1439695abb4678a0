/* story_api.c: the public story calls (bantin/story.h): stories read from the store's tables
 * (rows written by story_db.c), a story's timeline with its near-duplicates folded into
 * one line each, the JSON object, and the rebuild. */
#include "bantin/story.h"

#include "connect/connect.h"
#include "core/buf.h"
#include "core/json.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static int nomem(bt_error *err)
{
    return bt_error_set(err, BT_ENOMEM, "stories: out of memory");
}

static char *dup_text(sqlite3_stmt *q, int col)
{
    const char *t = (const char *)sqlite3_column_text(q, col);
    return t ? strdup(t) : NULL;
}

static void story_clear(bt_story *st)
{
    free(st->title);
    for (size_t i = 0; i < st->nsources; i++)
        free(st->sources[i]);
    free(st->sources);
    for (size_t i = 0; i < st->nterms; i++)
        free(st->terms[i]);
    free(st->terms);
    free(st->articles);
    for (size_t i = 0; i < st->ntimeline; i++) {
        free(st->timeline[i].title);
        free(st->timeline[i].source);
        free(st->timeline[i].published);
    }
    free(st->timeline);
    memset(st, 0, sizeof *st);
}

void bt_story_free(bt_story *st)
{
    if (!st)
        return;
    story_clear(st);
    free(st);
}

void bt_stories_free(bt_stories *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        story_clear(&l->stories[i]);
    free(l->stories);
    free(l);
}

/* What reading a story needs: the statements, prepared once for a list. */
typedef struct reader {
    bt_store *s;
    sqlite3_stmt *central, *sources, *members, *first_title;
} reader;

static void reader_close(reader *r)
{
    sqlite3_finalize(r->central);
    sqlite3_finalize(r->sources);
    sqlite3_finalize(r->members);
    sqlite3_finalize(r->first_title);
}

static int reader_open(bt_store *s, reader *r, bt_error *err)
{
    memset(r, 0, sizeof *r);
    r->s = s;
    const char *what = "reading stories";
    int rc = bti_store_prepare(s, "SELECT id, title FROM articles WHERE n = ?", what,
                               &r->central, err);
    if (!rc)
        rc = bti_store_prepare(s, "SELECT a.source FROM story_articles sa"
                                  " JOIN articles a ON a.n = sa.article"
                                  " WHERE sa.story = ? AND a.source IS NOT NULL"
                                  " GROUP BY a.source ORDER BY count(*) DESC, a.source",
                               what, &r->sources, err);
    if (!rc)
        rc = bti_store_prepare(s, "SELECT a.id, a.n, sa.date, a.title, a.source, a.published"
                                  " FROM story_articles sa JOIN articles a ON a.n = sa.article"
                                  " WHERE sa.story = ? ORDER BY sa.date, a.n",
                               what, &r->members, err);
    if (!rc)
        rc = bti_store_prepare(s, "SELECT a.id, a.title FROM story_articles sa"
                                  " JOIN articles a ON a.n = sa.article"
                                  " WHERE sa.story = ? ORDER BY sa.date, a.n LIMIT 1",
                               what, &r->first_title, err);
    if (rc)
        reader_close(r);
    return rc;
}

static int step_error(reader *r, int st, bt_error *err)
{
    return st == SQLITE_DONE ? 0 : bti_store_db_error(r->s, "reading stories", err);
}

/* Fills st from the row of `q` (id, size, first, last, central, terms). */
static int read_story(reader *r, sqlite3_stmt *q, bt_story *st, unsigned flags, bt_error *err)
{
    st->id = sqlite3_column_int64(q, 0);
    st->size = (size_t)sqlite3_column_int64(q, 1);
    st->first = sqlite3_column_int64(q, 2);
    st->last = sqlite3_column_int64(q, 3);
    /* the title: the central article's, or (it was removed since) the earliest member's */
    sqlite3_stmt *t = r->central;
    sqlite3_bind_int64(t, 1, sqlite3_column_int64(q, 4));
    int s = sqlite3_step(t);
    if (s != SQLITE_ROW) {
        sqlite3_reset(t);
        t = r->first_title;
        sqlite3_bind_int64(t, 1, st->id);
        s = sqlite3_step(t);
    }
    if (s == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(t, 0);
        snprintf(st->central, sizeof st->central, "%s", id ? id : "");
        st->title = dup_text(t, 1);
    } else
        st->title = strdup("");
    sqlite3_reset(t);
    if (!st->title)
        return nomem(err);
    if (s != SQLITE_ROW && s != SQLITE_DONE)
        return step_error(r, s, err);
    /* terms: one a line */
    const char *terms = (const char *)sqlite3_column_text(q, 5);
    if (terms && *terms) {
        size_t n = 1;
        for (const char *p = terms; *p; p++)
            n += *p == '\n';
        if (!(st->terms = calloc(n, sizeof *st->terms)))
            return nomem(err);
        for (const char *p = terms; p;) {
            const char *e = strchr(p, '\n');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            if (!(st->terms[st->nterms] = strndup(p, len)))
                return nomem(err);
            st->nterms++;
            p = e ? e + 1 : NULL;
        }
    }
    /* sources */
    sqlite3_bind_int64(r->sources, 1, st->id);
    size_t cap = 0;
    while ((s = sqlite3_step(r->sources)) == SQLITE_ROW) {
        char *src = dup_text(r->sources, 0);
        if (!src || bti_array_grow((void **)&st->sources, &cap, st->nsources + 1,
                                   sizeof *st->sources)) {
            free(src);
            sqlite3_reset(r->sources);
            return nomem(err);
        }
        st->sources[st->nsources++] = src;
    }
    sqlite3_reset(r->sources);
    if (s != SQLITE_DONE)
        return step_error(r, s, err);
    if (!(flags & BT_STORIES_MEMBERS))
        return 0;
    sqlite3_bind_int64(r->members, 1, st->id);
    cap = 0;
    while ((s = sqlite3_step(r->members)) == SQLITE_ROW) {
        if (bti_array_grow((void **)&st->articles, &cap, st->narticles + 1,
                           sizeof *st->articles)) {
            sqlite3_reset(r->members);
            return nomem(err);
        }
        const char *id = (const char *)sqlite3_column_text(r->members, 0);
        snprintf(st->articles[st->narticles++], 17, "%s", id ? id : "");
    }
    sqlite3_reset(r->members);
    return step_error(r, s, err);
}

int bt_stories_list(bt_store *s, const bt_stories_opts *o, bt_stories **out, bt_error *err)
{
    if (!s || !out)
        return bt_error_set(err, BT_EINVAL, "stories: no store or no output");
    *out = NULL;
    bt_stories_opts def = BT_STORIES_OPTS_INIT;
    if (!o)
        o = &def;
    if (o->flags & ~BT_STORIES_MEMBERS)
        return bt_error_set(err, BT_EINVAL, "stories: unknown flags 0x%x", o->flags);
    bt_stories *l = calloc(1, sizeof *l);
    if (!l)
        return nomem(err);
    reader r;
    int rc = reader_open(s, &r, err);
    if (rc) {
        free(l);
        return rc;
    }
    sqlite3_stmt *q = NULL;
    rc = bti_store_prepare(s, "SELECT id, size, first, last, central, terms FROM stories"
                              " WHERE last >= ? AND size >= ? ORDER BY last DESC, id DESC"
                              " LIMIT ?",
                           "reading stories", &q, err);
    if (!rc) {
        sqlite3_bind_int64(q, 1, o->since);
        sqlite3_bind_int64(q, 2, (sqlite3_int64)(o->min_size > INT64_MAX ? INT64_MAX : o->min_size));
        sqlite3_bind_int64(q, 3, o->limit && o->limit < INT64_MAX ? (sqlite3_int64)o->limit : -1);
        size_t cap = 0;
        int st;
        while (!rc && (st = sqlite3_step(q)) == SQLITE_ROW) {
            if (bti_array_grow((void **)&l->stories, &cap, l->n + 1, sizeof *l->stories)) {
                rc = nomem(err);
                break;
            }
            bt_story *one = &l->stories[l->n++];
            memset(one, 0, sizeof *one);
            rc = read_story(&r, q, one, o->flags, err);
        }
        if (!rc && st != SQLITE_DONE)
            rc = step_error(&r, st, err);
    }
    sqlite3_finalize(q);
    reader_close(&r);
    if (rc) {
        bt_stories_free(l);
        return rc;
    }
    *out = l;
    return 0;
}

/* ---- one story and its timeline ----------------------------------------------------------- */

typedef struct tl_member {
    int64_t n;
    int root;   /* union-find over the near-duplicate pairs inside the story */
} tl_member;

static int find_root(tl_member *m, int i)
{
    while (m[i].root != i) {
        m[i].root = m[m[i].root].root;
        i = m[i].root;
    }
    return i;
}

/* The timeline: the members (already by date in st->articles and `ns`) grouped by their
 * near-duplicate pairs; each group becomes one item, its earliest article's, with the count
 * of the others. */
static int timeline(bt_store *s, bt_story *st, sqlite3_stmt *members, bt_error *err)
{
    size_t n = 0, cap = 0;
    tl_member *m = NULL;
    bt_story_item *items = NULL;
    int rc = 0, q;
    sqlite3_bind_int64(members, 1, st->id);
    while ((q = sqlite3_step(members)) == SQLITE_ROW) {
        size_t c2 = cap;
        if (bti_array_grow((void **)&m, &cap, n + 1, sizeof *m) ||
            bti_array_grow((void **)&items, &c2, n + 1, sizeof *items)) {
            rc = nomem(err);
            break;
        }
        bt_story_item *it = &items[n];
        memset(it, 0, sizeof *it);
        const char *id = (const char *)sqlite3_column_text(members, 0);
        snprintf(it->id, sizeof it->id, "%s", id ? id : "");
        m[n].n = sqlite3_column_int64(members, 1);
        m[n].root = (int)n;
        it->date = sqlite3_column_int64(members, 2);
        it->title = dup_text(members, 3);
        it->source = dup_text(members, 4);
        it->published = dup_text(members, 5);
        n++;
        if (!it->title) {
            rc = nomem(err);
            break;
        }
    }
    sqlite3_reset(members);
    if (!rc && q != SQLITE_DONE)
        rc = bti_store_db_error(s, "reading a story's articles", err);
    /* near-duplicate pairs among the members */
    sqlite3_stmt *pairs = NULL;
    if (!rc && n > 1)
        rc = bti_store_prepare(s, "SELECT b FROM dup_pairs WHERE a = ?", "reading dup_pairs",
                               &pairs, err);
    for (size_t i = 0; !rc && pairs && i < n; i++) {
        sqlite3_bind_int64(pairs, 1, m[i].n);
        while ((q = sqlite3_step(pairs)) == SQLITE_ROW) {
            int64_t b = sqlite3_column_int64(pairs, 0);
            for (size_t j = 0; j < n; j++)
                if (m[j].n == b) {
                    int x = find_root(m, (int)i), y = find_root(m, (int)j);
                    /* the earliest (first by date) is the group's original */
                    if (x != y)
                        m[x > y ? x : y].root = x < y ? x : y;
                    break;
                }
        }
        sqlite3_reset(pairs);
        if (q != SQLITE_DONE)
            rc = bti_store_db_error(s, "reading dup_pairs", err);
    }
    sqlite3_finalize(pairs);
    size_t k = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        int r = find_root(m, (int)i);
        if ((size_t)r != i) {
            items[r].copies++;
            continue;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (!rc && find_root(m, (int)i) == (int)i) {
            items[k++] = items[i];
            continue;
        }
        free(items[i].title);
        free(items[i].source);
        free(items[i].published);
    }
    free(m);
    if (rc) {
        for (size_t i = 0; i < k; i++) {
            free(items[i].title);
            free(items[i].source);
            free(items[i].published);
        }
        free(items);
        return rc;
    }
    st->timeline = items;
    st->ntimeline = k;
    return 0;
}

int bt_story_get(bt_store *s, int64_t id, bt_story **out, bt_error *err)
{
    if (!s || !out)
        return bt_error_set(err, BT_EINVAL, "story: no store or no output");
    *out = NULL;
    reader r;
    int rc = reader_open(s, &r, err);
    if (rc)
        return rc;
    sqlite3_stmt *q = NULL;
    rc = bti_store_prepare(s, "SELECT id, size, first, last, central, terms FROM stories"
                              " WHERE id = ?",
                           "reading a story", &q, err);
    bt_story *st = NULL;
    if (!rc) {
        sqlite3_bind_int64(q, 1, id);
        int row = sqlite3_step(q);
        if (row == SQLITE_DONE)
            rc = bt_error_set(err, BT_ENOTFOUND, "no story %lld", (long long)id);
        else if (row != SQLITE_ROW)
            rc = bti_store_db_error(s, "reading a story", err);
        else if (!(st = calloc(1, sizeof *st)))
            rc = nomem(err);
        else
            rc = read_story(&r, q, st, BT_STORIES_MEMBERS, err);
    }
    if (!rc)
        rc = timeline(s, st, r.members, err);
    sqlite3_finalize(q);
    reader_close(&r);
    if (rc) {
        bt_story_free(st);
        return rc;
    }
    *out = st;
    return 0;
}

int bt_story_of(bt_store *s, const char *article_id, int64_t *story_id, bt_error *err)
{
    if (!s || !article_id || !story_id)
        return bt_error_set(err, BT_EINVAL, "story of: no store, id or output");
    sqlite3_stmt *q;
    int rc = bti_store_prepare(s, "SELECT sa.story FROM articles a JOIN story_articles sa"
                                  " ON sa.article = a.n WHERE a.id = ?",
                               "reading a story", &q, err);
    if (rc)
        return rc;
    sqlite3_bind_text(q, 1, article_id, -1, SQLITE_STATIC);
    int st = sqlite3_step(q);
    if (st == SQLITE_ROW)
        *story_id = sqlite3_column_int64(q, 0);
    else if (st == SQLITE_DONE)
        rc = bt_error_set(err, BT_ENOTFOUND, "%s: no such article, or no story yet", article_id);
    else
        rc = bti_store_db_error(s, "reading a story", err);
    sqlite3_finalize(q);
    return rc;
}

int bt_stories_rebuild(bt_store *s, bt_error *err)
{
    if (!s)
        return bt_error_set(err, BT_EINVAL, "stories: no store");
    return bti_stories_update(s, 1, err);
}

/* ---- JSON --------------------------------------------------------------------------------- */

static json_t *iso(int64_t t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    char buf[40];
    if (!gmtime_r(&tt, &tm) || !strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm))
        return json_null();
    return json_string(buf);
}

static int str_array(json_t *o, const char *key, char *const *v, size_t n)
{
    json_t *a = json_array();
    if (!a)
        return BT_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        json_t *x = json_string(v[i]);
        if (!x || json_array_append_new(a, x)) {
            json_decref(a);
            return x ? BT_ENOMEM : BT_EINVAL;
        }
    }
    return bti_json_set(o, key, a);
}

int bt_story_to_json(const bt_story *st, unsigned flags, char **out, bt_error *err)
{
    if (out)
        *out = NULL;
    if (!st || !out)
        return bt_error_set(err, BT_EINVAL, "story to JSON: no story or no output");
    if (flags & ~BT_JSON_PRETTY)
        return bt_error_set(err, BT_EINVAL, "story to JSON: unknown flags 0x%x", flags);
    json_t *o = json_object();
    int rc = o ? 0 : BT_ENOMEM;
    if (!rc)
        rc = bti_json_set(o, "id", json_integer(st->id));
    if (!rc)
        rc = bti_json_set_str(o, "title", st->title ? st->title : "", 0);
    if (!rc)
        rc = bti_json_set(o, "size", json_integer((json_int_t)st->size));
    if (!rc)
        rc = bti_json_set(o, "first", iso(st->first));
    if (!rc)
        rc = bti_json_set(o, "last", iso(st->last));
    if (!rc)
        rc = str_array(o, "sources", st->sources, st->nsources);
    if (!rc)
        rc = str_array(o, "terms", st->terms, st->nterms);
    if (!rc && st->articles) {
        json_t *a = json_array();
        rc = a ? 0 : BT_ENOMEM;
        for (size_t i = 0; !rc && i < st->narticles; i++)
            if (json_array_append_new(a, json_string(st->articles[i])))
                rc = BT_ENOMEM;
        if (a)
            rc = rc ? (json_decref(a), rc) : bti_json_set(o, "articles", a);
    }
    if (!rc && st->timeline) {
        json_t *a = json_array();
        rc = a ? 0 : BT_ENOMEM;
        for (size_t i = 0; !rc && i < st->ntimeline; i++) {
            const bt_story_item *it = &st->timeline[i];
            json_t *x = json_object();
            rc = x ? 0 : BT_ENOMEM;
            if (!rc)
                rc = bti_json_set_str(x, "id", it->id, 0);
            if (!rc)
                rc = bti_json_set_str(x, "title", it->title, 0);
            if (!rc)
                rc = bti_json_set_str(x, "source", it->source, 1);
            if (!rc)
                rc = bti_json_set_str(x, "published", it->published, 1);
            if (!rc)
                rc = bti_json_set(x, "date", iso(it->date));
            if (!rc)
                rc = bti_json_set(x, "copies", json_integer((json_int_t)it->copies));
            if (x && (rc || json_array_append_new(a, x)))
                rc = rc ? (json_decref(x), rc) : BT_ENOMEM;
        }
        if (a)
            rc = rc ? (json_decref(a), rc) : bti_json_set(o, "timeline", a);
    }
    if (!rc)
        rc = bti_json_dump(o, flags, out);
    json_decref(o);
    if (rc == BT_EINVAL)
        return bt_error_set(err, rc, "story %lld: a title, source or term is not UTF-8",
                            (long long)st->id);
    if (rc)
        return bt_error_set(err, rc, "story %lld: out of memory", (long long)st->id);
    return 0;
}
