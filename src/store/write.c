/* write.c: adding articles (with exact-duplicate folding) and removing them. */
#include "core/buf.h"
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void now_iso(const bt_store *s, char out[32])
{
    time_t t = s->add_time ? (time_t)s->add_time : time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* Joins strings with '\n' (a '\n' inside one becomes a space: the spec's strings have white
 * space folded, so this only guards the separator). Empty strings are left out. */
static int join_lines(bti_buf *b, char *const *v, size_t n, size_t stride)
{
    bti_buf_reset(b);
    size_t need = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = *(char *const *)((const char *)v + i * stride);
        need += s ? strlen(s) + 1 : 0;
    }
    if (bti_buf_grow(b, need))
        return BT_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const char *s = *(char *const *)((const char *)v + i * stride);
        if (!s || !*s)
            continue;
        if (b->len)
            b->data[b->len++] = '\n';
        size_t len = strlen(s);
        char *dst = b->data + b->len, *end = dst + len, *nl;
        memcpy(dst, s, len);
        b->len += len;
        while ((nl = memchr(dst, '\n', (size_t)(end - dst)))) {
            *nl = ' ';
            dst = nl + 1;
        }
    }
    b->data[b->len] = '\0';
    return 0;
}

void bti_store_set_add_time(bt_store *s, int64_t t) { s->add_time = t; }

int bti_store_kind_known(const char *name) { return bt_article_kind_known(name); }

/* Runs a statement that returns no rows, then resets it. */
static int run(bt_store *s, sqlite3_stmt *st, const char *what, bt_error *err)
{
    int rc = sqlite3_step(st);
    int out = 0;
    if (rc != SQLITE_DONE)
        out = bti_store_db_error(s, what, err);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return out;
}

/* Looks up an article by key (`which` selects n, id): 1 found, 0 not, or a negative error. */
static int lookup(bt_store *s, int which, int64_t ikey, const char *key, int64_t *n,
                  char id[17], bt_error *err)
{
    sqlite3_stmt *st = s->st[which];
    if (key)
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    else
        sqlite3_bind_int64(st, 1, ikey);
    int rc = sqlite3_step(st), found = 0;
    if (rc == SQLITE_ROW) {
        found = 1;
        if (n)
            *n = sqlite3_column_int64(st, 0);
        const char *v = (const char *)sqlite3_column_text(st, 1);
        if (id)
            snprintf(id, 17, "%s", v ? v : "");
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return bti_store_db_error(s, "looking up", err);
    return found;
}

int bt_store_has_capture(bt_store *s, const char *content_hash, int *has, bt_error *err)
{
    int64_t h;
    *has = 0;
    if (bti_store_hash_value(content_hash, &h))
        return bt_error_set(err, BT_EINVAL, "'%s' is not a content hash (16 hex digits)",
                            content_hash);
    int rc = lookup(s, ST_HAS_CAPTURE, h, NULL, NULL, NULL, err);
    if (rc < 0)
        return rc;
    *has = rc > 0;
    return 0;
}

static int insert_origin(bt_store *s, int64_t n, const char *origin, int64_t hash, size_t size,
                         const char *now, bt_error *err)
{
    sqlite3_stmt *st = s->st[ST_INS_ORIGIN];
    sqlite3_bind_int64(st, 1, n);
    sqlite3_bind_text(st, 2, origin ? origin : "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, hash);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)size);
    sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
    return run(s, st, "storing the origin", err);
}

/* INDEX_TOKENS (db.h): one more row for the sink: 0 or BT_ENOMEM. */
static int sink_row_add(bt_store *s, int64_t n, const int64_t len[BTI_SINK_COLS])
{
    if (s->sink_nrows == s->sink_cap) {
        size_t cap = s->sink_cap ? 2 * s->sink_cap : 256;
        struct bti_sink_row *v = realloc(s->sink_rows, cap * sizeof *v);
        if (!v)
            return BT_ENOMEM;
        s->sink_rows = v;
        s->sink_cap = cap;
    }
    struct bti_sink_row *r = &s->sink_rows[s->sink_nrows++];
    r->n = n;
    memcpy(r->len, len, sizeof r->len);
    return 0;
}

void bti_store_set_token_sink(bt_store *s, const bti_token_sink *sink)
{
    s->sink = sink;
    s->sink_nrows = 0;
    s->sink_broken = 0;
}

/* FTS5 tokenises each row's columns in their order and skips a NULL one; a text that is not
 * the next expected one (its length differs) means that is not so here: the hand-over stops
 * (db.h). */
void *bti_store_sink_text(bt_store *s, const char *text, int len, int *col)
{
    (void)text;
    if (s->sink_broken)
        return NULL;
    while (s->sink_row < s->sink_nrows &&
           (s->sink_col >= BTI_SINK_COLS ||
            s->sink_rows[s->sink_row].len[s->sink_col] < 0)) {
        if (s->sink_col >= BTI_SINK_COLS) {
            s->sink_row++;
            s->sink_col = 0;
        } else
            s->sink_col++;
    }
    if (s->sink_row >= s->sink_nrows ||
        s->sink_rows[s->sink_row].len[s->sink_col] != (int64_t)(len > 0 ? len : 0)) {
        s->sink_broken = 1;
        if (s->sink_row < s->sink_nrows && s->sink_col <= BTI_SINK_BODY)
            s->sink->text(s->sink->ctx, s->sink_rows[s->sink_row].n, BTI_SINK_STOP);
        return NULL;
    }
    int c = s->sink_col++;
    if (c > BTI_SINK_BODY)
        return NULL;
    *col = c;
    return s->sink->text(s->sink->ctx, s->sink_rows[s->sink_row].n, c);
}

static int insert_article(bt_store *s, const bt_article *a, const char *id, const char *now,
                          int64_t *n, bt_error *err)
{
    bti_buf authors = BTI_BUF_INIT, body = BTI_BUF_INIT, captions = BTI_BUF_INIT;
    int rc = 0;
    if (join_lines(&authors, a->authors, a->n_authors, sizeof(char *)) ||
        join_lines(&body, a->body, a->n_body, sizeof(char *)) ||
        join_lines(&captions, a->n_images ? &a->images[0].caption : NULL, a->n_images,
                   sizeof(bt_image))) {
        rc = bt_error_set(err, BT_ENOMEM, "out of memory");
        goto out;
    }
    sqlite3_stmt *st = s->st[ST_INS_ARTICLE];
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    bind_text(st, 2, a->url);
    bind_text(st, 3, a->source);
    sqlite3_bind_text(st, 4, a->title ? a->title : "", -1, SQLITE_STATIC);
    bind_text(st, 5, a->published);
    bind_text(st, 6, a->lede);
    bind_text(st, 7, a->lang);
    sqlite3_bind_text(st, 8, authors.data, (int)authors.len, SQLITE_STATIC);
    sqlite3_bind_text(st, 9, body.data, (int)body.len, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, captions.data, (int)captions.len, SQLITE_STATIC);
    sqlite3_bind_text(st, 11, now, -1, SQLITE_STATIC);
    /* "article", the default, is stored as NULL: the kind index holds only the others */
    bind_text(st, 12, a->kind && strcmp(a->kind, BT_ARTICLE_KIND_ARTICLE) ? a->kind : NULL);
    if ((rc = run(s, st, "storing the article", err)))
        goto out;
    *n = sqlite3_last_insert_rowid(s->db);
    if (!s->index_from)
        s->index_from = *n; /* rowids only grow within a write transaction */
    if (s->sink && s->in_batch && !s->sink_broken) {
        /* INDEX_TOKENS: the lengths of the texts as the index will read them
         * (BTI_FTS_VALUES_P: the body and captions after their one-byte mark) */
        int64_t len[BTI_SINK_COLS] = {(int64_t)strlen(a->title ? a->title : ""),
                                      a->lede ? (int64_t)strlen(a->lede) : -1,
                                      1 + (int64_t)body.len, 1 + (int64_t)captions.len,
                                      a->source ? (int64_t)strlen(a->source) : -1};
        if (sink_row_add(s, *n, len))
            s->sink_broken = 1; /* no memory: the sink's users make it otherwise */
    }
    for (size_t i = 0; i < a->n_images; i++) {
        st = s->st[ST_INS_IMAGE];
        sqlite3_bind_int64(st, 1, *n);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        bind_text(st, 3, a->images[i].src);
        sqlite3_bind_text(st, 4, a->images[i].caption ? a->images[i].caption : "", -1,
                          SQLITE_STATIC);
        bind_text(st, 5, a->images[i].credit);
        if ((rc = run(s, st, "storing an image", err)))
            goto out;
    }
    for (size_t i = 0; i < a->n_related; i++) {
        st = s->st[ST_INS_RELATED];
        sqlite3_bind_int64(st, 1, *n);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_text(st, 3, a->related[i].title ? a->related[i].title : "", -1,
                          SQLITE_STATIC);
        bind_text(st, 4, a->related[i].url);
        if ((rc = run(s, st, "storing a related link", err)))
            goto out;
    }
    for (size_t i = 0; i < a->n_most_read; i++) {
        st = s->st[ST_INS_MOST_READ];
        sqlite3_bind_int64(st, 1, *n);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_text(st, 3, a->most_read[i].title ? a->most_read[i].title : "", -1,
                          SQLITE_STATIC);
        bind_text(st, 4, a->most_read[i].url);
        if ((rc = run(s, st, "storing a most-read link", err)))
            goto out;
    }
out:
    bti_buf_free(&authors);
    bti_buf_free(&body);
    bti_buf_free(&captions);
    return rc;
}

/* The article's content id (bt_article_set_id's rules), whatever a->id holds. */
static int content_id(const bt_article *a, char id[17])
{
    bt_article tmp = *a;
    tmp.id = NULL;
    if (bt_article_set_id(&tmp))
        return BT_ENOMEM;
    snprintf(id, 17, "%s", tmp.id);
    free(tmp.id);
    return 0;
}

/* The hash standing for the capture when the caller has no capture bytes: the article's
 * record without its origin, so the same record added twice is seen as the same capture. */
static int record_hash(const bt_article *a, const char *id, char out[17], size_t *size,
                       bt_error *err)
{
    bt_article tmp = *a;
    tmp.origin = NULL;
    tmp.id = (char *)id;
    char *json;
    int rc = bt_article_to_json(&tmp, 0, &json, err);
    if (rc)
        return rc;
    *size = strlen(json);
    bt_store_content_hash(json, *size, out);
    free(json);
    return 0;
}

int bti_store_own_id_ok(const char *id)
{
    size_t n = id ? strlen(id) : 0;
    return n >= 1 && n <= 16 && strspn(id, BTI_STORE_OWN_ID_CHARS) == n;
}

/* own: the article keeps a->id (checked by the caller) when it has one. */
static int add_in_tx(bt_store *s, const bt_article *a, const bt_origin *o, int own,
                     char id_out[17], bt_error *err)
{
    char id[17], hex[17], now[32];
    const char *origin = o && o->origin ? o->origin : a->origin;
    size_t size = o ? o->size : 0;
    int64_t hash, n = 0;
    if (own && a->id)
        snprintf(id, sizeof id, "%s", a->id);
    else if (content_id(a, id))
        return bt_error_set(err, BT_ENOMEM, "out of memory");
    if (o && o->content_hash)
        snprintf(hex, sizeof hex, "%s", o->content_hash);
    else {
        size_t rsize;
        if (record_hash(a, id, hex, &rsize, err))
            return BT_ENOMEM;
        if (!size)
            size = rsize;
    }
    if (bti_store_hash_value(hex, &hash))
        return bt_error_set(err, BT_EINVAL, "%s: '%s' is not a content hash (16 hex digits)",
                            origin ? origin : "article", hex);
    now_iso(s, now);
    char existing[17];
    int rc = lookup(s, ST_HAS_CAPTURE, hash, NULL, NULL, existing, err);
    if (rc < 0)
        return rc;
    if (rc) {
        if (id_out)
            memcpy(id_out, existing, 17);
        return BT_STORE_SEEN;
    }
    if ((rc = lookup(s, ST_FIND_ID, 0, id, &n, NULL, err)) < 0)
        return rc;
    if (rc) {
        /* The same article from the same place (a record exported and added back): seen. */
        sqlite3_stmt *st = s->st[ST_FIND_ORIGIN];
        sqlite3_bind_int64(st, 1, n);
        sqlite3_bind_text(st, 2, origin ? origin : "", -1, SQLITE_STATIC);
        int step = sqlite3_step(st);
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        if (step != SQLITE_ROW && step != SQLITE_DONE)
            return bti_store_db_error(s, "looking up", err);
        if (step == SQLITE_ROW) {
            if (id_out)
                memcpy(id_out, id, 17);
            return BT_STORE_SEEN;
        }
    }
    int result = BT_STORE_MERGED;
    if (!rc && a->url && (rc = lookup(s, ST_FIND_URL, 0, a->url, &n, existing, err)) != 0) {
        if (rc < 0)
            return rc;
        memcpy(id, existing, 17); /* same canonical URL: one more capture of that article */
    } else if (!rc) {
        if ((rc = insert_article(s, a, id, now, &n, err)))
            return rc;
        result = BT_STORE_ADDED;
    }
    if ((rc = insert_origin(s, n, origin, hash, size, now, err)))
        return rc;
    if (id_out)
        memcpy(id_out, id, 17);
    return result;
}

/* New articles reach the FTS index here, all those of a batch in one INSERT ... SELECT just
 * before the commit, rather than one by one as they are added: FTS5 writes its pending terms
 * out as a new segment at every savepoint (each add is one), and one segment per article
 * costs the merges of 1000 segments per batch. The batch's transaction covers both, so the
 * index is in step with the articles at every commit; a crash loses both or neither. The
 * articles of an open batch are not found by a search on the same connection until it
 * commits. New rows get n above every existing one while the write lock is held, so "from
 * the first new n on" is exactly the unindexed rows. */
int bti_store_index_pending(bt_store *s, bt_error *err)
{
    if (!s->index_from)
        return 0;
    sqlite3_stmt *st = s->st[ST_INDEX_FROM];
    sqlite3_bind_int64(st, 1, s->index_from);
    /* INDEX_TOKENS: the rows recorded by insert_article, in the statement's order (ORDER BY n) */
    s->sink_on = s->sink && s->sink_nrows && !s->sink_broken;
    s->sink_row = 0;
    s->sink_col = 0;
    int rc = run(s, st, "indexing the new articles", err);
    s->sink_on = 0;
    s->sink_nrows = 0;
    s->sink_broken = 0;
    if (!rc)
        s->index_from = 0;
    return rc;
}

int bti_store_index_batch(bt_store *s, bt_error *err)
{
    if (!s->in_batch)
        return bt_error_set(err, BT_EINVAL, "%s: no batch is open", s->path);
    return bti_store_index_pending(s, err);
}

/* Steps a one-shot prepared statement (savepoints). */
static int step_once(bt_store *s, int which)
{
    int rc = sqlite3_step(s->st[which]);
    sqlite3_reset(s->st[which]);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int add(bt_store *s, const bt_article *a, const bt_origin *o, int own, char id[17],
               bt_error *err);

int bt_store_add(bt_store *s, const bt_article *a, const bt_origin *o, int *outcome,
                 char id[17], bt_error *err)
{
    int rc = add(s, a, o, 0, id, err);
    if (outcome)
        *outcome = rc < 0 ? BT_STORE_SEEN : rc;
    return rc < 0 ? rc : 0;
}

int bti_store_add_own_id(bt_store *s, const bt_article *a, const bt_origin *o, int *outcome,
                         char id[17], bt_error *err)
{
    if (a->id && !bti_store_own_id_ok(a->id))
        return bt_error_set(err, BT_EINVAL, "field \"id\": '%.40s%s' is not an article id "
                            "(1 to 16 of A-Z a-z 0-9 . _ : -)", a->id,
                            strlen(a->id) > 40 ? "..." : "");
    int rc = add(s, a, o, 1, id, err);
    if (outcome)
        *outcome = rc < 0 ? BT_STORE_SEEN : rc;
    return rc < 0 ? rc : 0;
}

/* BT_STORE_SEEN, _ADDED or _MERGED, or a negative BT_E*. */
static int add(bt_store *s, const bt_article *a, const bt_origin *o, int own, char id[17],
               bt_error *err)
{
    if (!a->title)
        return bt_error_set(err, BT_EINVAL, "%s: the article has no title",
                            a->origin ? a->origin : "article");
    /* A savepoint inside a batch, a transaction outside: a failed add leaves nothing. */
    int ok = s->in_batch ? step_once(s, ST_SAVEPOINT)
                         : sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (ok != SQLITE_OK)
        return bti_store_db_error(s, "starting to store", err);
    size_t sink_rows = s->sink_nrows;
    int rc = add_in_tx(s, a, o, own, id, err);
    if (rc < 0)
        s->sink_nrows = sink_rows; /* its row is rolled back */
    if (!s->in_batch && rc >= 0) {
        int irc = bti_store_index_pending(s, err);
        if (irc)
            rc = irc;
    }
    if (s->in_batch) {
        if (rc < 0)
            step_once(s, ST_ROLLBACK_TO);
        if (step_once(s, ST_RELEASE) != SQLITE_OK && rc >= 0)
            rc = bti_store_db_error(s, "committing", err);
    } else if (rc < 0) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        s->index_from = 0;
    } else if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        rc = bti_store_db_error(s, "committing", err);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    }
    return rc;
}

int bt_store_remove(bt_store *s, const char *id, bt_error *err)
{
    int64_t n;
    /* the delete trigger takes the article's terms out of the index: they must be in it */
    int rc = bti_store_index_pending(s, err);
    if (rc)
        return rc;
    rc = lookup(s, ST_FIND_ID, 0, id, &n, NULL, err);
    if (rc < 0)
        return rc;
    if (!rc)
        return bt_error_set(err, BT_ENOTFOUND, "%s: no article %s", s->path, id);
    sqlite3_stmt *st = s->st[ST_DEL_ARTICLE];
    sqlite3_bind_int64(st, 1, n);
    /* The triggers remove its origins, images, related links and index entries. */
    return run(s, st, "removing the article", err);
}
