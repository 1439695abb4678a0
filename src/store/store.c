/* store.c: opening and closing a store (connection settings, tokenizer, schema, prepared
 * statements), batches, errors, stats, vacuum and the integrity check. */
#include "core/opts.h"
#include "store/store_internal.h"
#include "bantin/text.h"
#include "core/hash.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const statements[ST_COUNT] = {
    [ST_HAS_CAPTURE] = "SELECT a.n, a.id FROM origins o JOIN articles a ON a.n = o.article"
                       " WHERE o.content_hash = ?1",
    [ST_FIND_ID] = "SELECT n, id FROM articles WHERE id = ?1",
    [ST_FIND_URL] = "SELECT n, id FROM articles WHERE url = ?1 ORDER BY n LIMIT 1",
    [ST_INS_ARTICLE] = "INSERT INTO articles(id, url, source, title, published, lede, lang, "
                       "authors, body, captions, added_at, kind) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    [ST_INS_ORIGIN] = "INSERT INTO origins(article, origin, content_hash, size, added_at) "
                      "VALUES (?1, ?2, ?3, ?4, ?5)",
    [ST_INS_IMAGE] = "INSERT INTO images(article, pos, src, caption, credit) "
                     "VALUES (?1, ?2, ?3, ?4, ?5)",
    [ST_INS_RELATED] = "INSERT INTO related(article, pos, title, url) VALUES (?1, ?2, ?3, ?4)",
    [ST_INS_MOST_READ] = "INSERT INTO most_read(article, pos, title, url) VALUES (?1, ?2, ?3, ?4)",
    [ST_GET_ID] = "SELECT " BTI_ARTICLE_COLUMNS " FROM articles WHERE id = ?1",
    [ST_GET_N] = "SELECT " BTI_ARTICLE_COLUMNS " FROM articles WHERE n = ?1",
    [ST_GET_IMAGES] = "SELECT src, caption, credit FROM images WHERE article = ?1 ORDER BY pos",
    [ST_GET_RELATED] = "SELECT title, url FROM related WHERE article = ?1 ORDER BY pos",
    [ST_GET_MOST_READ] = "SELECT title, url FROM most_read WHERE article = ?1 ORDER BY pos",
    [ST_GET_ORIGIN] = "SELECT origin FROM origins WHERE article = ?1 ORDER BY rowid LIMIT 1",
    [ST_DEL_ARTICLE] = "DELETE FROM articles WHERE n = ?1",
    [ST_FIND_ORIGIN] = "SELECT 1 FROM origins WHERE article = ?1 AND origin = ?2",
    [ST_SAVEPOINT] = "SAVEPOINT bti_add",
    [ST_RELEASE] = "RELEASE bti_add",
    [ST_ROLLBACK_TO] = "ROLLBACK TO bti_add",
    [ST_INDEX_FROM] = "INSERT INTO articles_fts(rowid, " BTI_FTS_COLUMNS ")"
                      " SELECT n, " BTI_FTS_VALUES_P("") " FROM articles"
                      " WHERE n >= ?1 ORDER BY n",
};

sqlite3 *bti_store_db(bt_store *s) { return s->db; }

int bti_store_prepare(bt_store *s, const char *sql, const char *what, sqlite3_stmt **st,
                      bt_error *err)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
        sqlite3_finalize(*st);
        *st = NULL;
        return bti_store_db_error(s, what, err);
    }
    return 0;
}

void bti_store_read_mostly(bt_store *s)
{
    if (s->read_mostly)
        return;
    s->read_mostly = 1;
    sqlite3_exec(s->db, "PRAGMA mmap_size = 2147418112", NULL, NULL, NULL);
    sqlite3_exec(s->db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
}

int bti_store_db_error(bt_store *s, const char *what, bt_error *err)
{
    int x = sqlite3_extended_errcode(s->db);
    int code = BT_EDB;
    const char *hint = "";
    switch (x & 0xff) {
    case SQLITE_FULL:
        code = BT_EIO;
        hint = " (is the disk full?)";
        break;
    case SQLITE_READONLY:
        code = BT_EIO;
        hint = " (the file or its folder is not writable)";
        break;
    case SQLITE_IOERR:
        code = BT_EIO;
        if (x == SQLITE_IOERR_WRITE || x == SQLITE_IOERR_FSYNC || x == SQLITE_IOERR_TRUNCATE ||
            x == SQLITE_IOERR_SHMSIZE)
            hint = " (is the disk full, or a file size limit reached?)";
        break;
    case SQLITE_CANTOPEN:
        code = BT_EIO;
        break;
    case SQLITE_NOTADB:
        hint = " (not a bantin database)";
        break;
    default:
        break;
    }
    return bt_error_set(err, code, "%s: %s: %s%s", s->path, what, sqlite3_errmsg(s->db), hint);
}

void bt_store_content_hash(const void *data, size_t len, char out[17])
{
    bti_hash_hex(bti_hash64(data, len, 0x636170747572ull /* "captur" */), out);
}

int bti_store_hash_value(const char *hex, int64_t *v)
{
    uint64_t x = 0;
    size_t i = 0;
    for (; hex[i]; i++) {
        char c = hex[i];
        unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                            : 16u;
        if (d > 15 || i >= 16)
            return BT_EINVAL;
        x = x << 4 | d;
    }
    if (!i)
        return BT_EINVAL;
    memcpy(v, &x, sizeof x);
    return 0;
}

static int exec(bt_store *s, const char *sql, const char *what, bt_error *err)
{
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return bti_store_db_error(s, what, err);
    return 0;
}

/* SQLite's own messages for an unwritable place are vague ("unable to open database file"):
 * look first, and say which of the file and the folder is the problem. */
static int check_writable(const char *path, bt_error *err)
{
    struct stat sb;
    if (stat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            return bt_error_set(err, BT_EINVAL, "%s: is a folder, not a database file", path);
        if (access(path, W_OK) != 0)
            return bt_error_set(err, BT_EIO, "%s: the database file is read-only (%s)", path,
                                strerror(errno));
    }
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    if (!dir)
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", path);
    int rc = 0;
    if (access(dir, W_OK) != 0)
        rc = bt_error_set(err, BT_EIO,
                          "%s: cannot write in the folder %s (%s); SQLite keeps its journal "
                          "beside the database",
                          path, dir, strerror(errno));
    free(dir);
    return rc;
}

/* 1 when the folder holding `path` can be written (SQLite keeps its -shm and journals there). */
static int folder_writable(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    int ok = dir && access(dir, W_OK) == 0;
    free(dir);
    return ok;
}

/* "file:PATH?immutable=1" with PATH's URI-special bytes escaped: a reader of a file whose place
 * cannot be written takes no lock and makes no -shm (the file is not written meanwhile: a
 * read-only medium, an archive). */
static char *immutable_uri(const char *path)
{
    size_t n = strlen(path);
    char *u = malloc(3 * n + 32);
    if (!u)
        return NULL;
    char *o = u + sprintf(u, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20)
            o += sprintf(o, "%%%02X", *p);
        else
            *o++ = (char)*p;
    strcpy(o, "?immutable=1");
    return u;
}

/* Refuses a non-empty database that is not a bantin store (another application's SQLite file)
 * before anything is written to it: no tables, no WAL switch. A bantin store is one with the
 * articles table, or an empty database (a new file). */
static int check_ours(bt_store *s, bt_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT count(*), count(*) FILTER (WHERE type = 'table' AND name = "
                           "'articles') FROM sqlite_master",
                           -1, &st, NULL) != SQLITE_OK)
        return bti_store_db_error(s, "cannot open", err);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        return bti_store_db_error(s, "cannot open", err);
    }
    int all = sqlite3_column_int(st, 0), ours = sqlite3_column_int(st, 1);
    sqlite3_finalize(st);
    if (all > 0 && !ours)
        return bt_error_set(err, BT_EINVAL,
                            "%s: not a bantin store (a SQLite database of another application, "
                            "%d objects, no articles table): left untouched",
                            s->path, all);
    return 0;
}

/* Turns the store to WAL. SQLite takes the lock for that change without its busy handler: a
 * second writer opening a new file while the first turns it (or while a reader of the first
 * holds it) gets SQLITE_BUSY at once. Retry for as long as a batch would be waited for. */
static int set_wal(bt_store *s, bt_error *err)
{
    for (int waited = 0;; waited += BTI_STORE_WAL_RETRY_MS) {
        int rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            return 0;
        if ((rc & 0xff) != SQLITE_BUSY || waited >= BTI_STORE_BUSY_MS)
            return bti_store_db_error(s, "cannot open (turning on WAL)", err);
        sqlite3_sleep(BTI_STORE_WAL_RETRY_MS);
    }
}

/* A number as the text of an SQL statement. */
#define BTI_STR_(x) #x
#define BTI_STR(x) BTI_STR_(x)

/* Opens s->db at `path` (immutable: as a read-only file nobody writes meanwhile) and makes it
 * ready: settings, schema, statements. */
static int open_db(bt_store *s, const char *path, unsigned flags, const char *vfs, int immutable,
                   bt_error *err)
{
    int ro = (flags & BT_STORE_READONLY) != 0;
    int oflags = ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    char *uri = immutable ? immutable_uri(path) : NULL;
    if (immutable && !uri)
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", path);
    int rc = sqlite3_open_v2(uri ? uri : path, &s->db,
                             oflags | SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0), vfs);
    free(uri);
    if (rc != SQLITE_OK)
        return s->db ? bti_store_db_error(s, "cannot open", err)
                     : bt_error_set(err, BT_ENOMEM, "%s: out of memory", path);
    sqlite3_extended_result_codes(s->db, 1);
    /* Writers take turns: wait for the other one's batch rather than fail. */
    sqlite3_busy_timeout(s->db, BTI_STORE_BUSY_MS);
    if ((rc = check_ours(s, err)))
        return rc;
    if (bti_fts_register(s->db, s) != SQLITE_OK)
        return bt_error_set(err, BT_EUNSUPPORTED, "%s: this SQLite has no FTS5", path);
    if (bti_fold_sql_register(s->db) != SQLITE_OK)
        return bt_error_set(err, BT_ENOMEM, "%s: cannot register bantin_fold", path);
    /* WAL: readers never block the writer; synchronous=NORMAL keeps every committed batch
     * across a crash of the process (a power loss may lose the last ones, never corrupt). */
    if (!ro && ((rc = set_wal(s, err)) ||
                (rc = exec(s, "PRAGMA synchronous = NORMAL", "cannot open", err)) ||
                /* statement and savepoint journals in memory: on disk they cost a write of
                 * every page an add touches */
                (rc = exec(s, "PRAGMA temp_store = MEMORY", "cannot open", err)) ||
                (rc = exec(s, "PRAGMA cache_size = -65536", "cannot open", err)) ||
                (rc = exec(s, "PRAGMA wal_autocheckpoint = " BTI_STR(BTI_STORE_WAL_PAGES),
                           "cannot open", err))))
        return rc;
    if ((rc = bti_schema_migrate(s, err)))
        return rc;
    for (int i = 0; i < ST_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, statements[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i],
                               NULL) != SQLITE_OK)
            return bti_store_db_error(s, "preparing statements", err);
    return 0;
}

int bt_store_open(const char *path, unsigned flags, bt_store **out, bt_error *err)
{
    *out = NULL;
    int ro = (flags & BT_STORE_READONLY) != 0;
    int special = !strcmp(path, ":memory:") || !strncmp(path, "file:", 5);
    struct stat sb;
    /* one message for a folder from every command (SQLite would say "disk I/O error") */
    if (!special && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return bt_error_set(err, BT_EINVAL, "%s: is a folder, not a database file", path);
    if ((ro || (flags & BT_STORE_EXISTING)) && !special && access(path, F_OK) != 0)
        return bt_error_set(err, BT_ENOTFOUND, "%s: no database here (bantin add creates it)",
                            path);
    if (!ro && !special) {
        int rc = check_writable(path, err);
        if (rc)
            return rc;
    }
    bt_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", path);
    }
    s->flags = flags;
    int rc;
    /* A reader maps the whole file when it can (map_vfs.c); else the default VFS. */
    const char *vfs = ro && bti_map_vfs_register() == SQLITE_OK ? BTI_MAP_VFS : NULL;
    /* A reader that cannot write beside the file (no -shm can be made) reads it immutable;
     * so does one whose first read fails for want of space (a full disk: the -shm cannot
     * grow), in a second try. */
    int immutable = ro && !special && (!folder_writable(path) || access(path, W_OK) != 0);
    for (int attempt = 0;; attempt++) {
        rc = open_db(s, path, flags, vfs, immutable, err);
        if (!rc)
            break;
        int ext = s->db ? sqlite3_extended_errcode(s->db) & 0xff : 0;
        if (!ro || special || immutable || attempt ||
            (ext != SQLITE_IOERR && ext != SQLITE_CANTOPEN && ext != SQLITE_FULL &&
             ext != SQLITE_READONLY))
            goto fail;
        for (int i = 0; i < ST_COUNT; i++) {
            sqlite3_finalize(s->st[i]);
            s->st[i] = NULL;
        }
        sqlite3_close(s->db);
        s->db = NULL;
        immutable = 1;
    }
    *out = s;
    return 0;
fail:
    bt_store_close(s);
    return rc;
}

void bt_store_close(bt_store *s)
{
    if (!s)
        return;
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(s->st[i]);
    if (s->in_batch)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(s->db);
    free(s->sink_rows);
    free(s->path);
    free(s);
}

int bt_store_begin(bt_store *s, bt_error *err)
{
    if (s->in_batch)
        return bt_error_set(err, BT_EINVAL, "%s: a batch is already open", s->path);
    int rc = exec(s, "BEGIN IMMEDIATE", "starting a batch", err);
    if (!rc)
        s->in_batch = 1;
    return rc;
}

int bt_store_commit(bt_store *s, bt_error *err)
{
    if (!s->in_batch)
        return bt_error_set(err, BT_EINVAL, "%s: no batch is open", s->path);
    int rc = bti_store_index_pending(s, err);
    if (!rc)
        rc = exec(s, "COMMIT", "committing a batch", err);
    if (rc) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    }
    s->in_batch = 0;
    s->index_from = 0;
    s->sink_nrows = 0;
    s->sink_broken = 0;
    return rc;
}

int bt_store_rollback(bt_store *s, bt_error *err)
{
    if (!s->in_batch)
        return bt_error_set(err, BT_EINVAL, "%s: no batch is open", s->path);
    s->in_batch = 0;
    s->index_from = 0;
    s->sink_nrows = 0;
    s->sink_broken = 0;
    return exec(s, "ROLLBACK", "rolling back a batch", err);
}

static int query_i64(bt_store *s, const char *sql, int64_t *v, bt_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return bti_store_db_error(s, "reading stats", err);
    int rc = sqlite3_step(st);
    *v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return bti_store_db_error(s, "reading stats", err);
    return 0;
}

static int query_range(bt_store *s, const char *sql, char *lo, char *hi, size_t cap,
                       bt_error *err)
{
    sqlite3_stmt *st;
    lo[0] = hi[0] = '\0';
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return bti_store_db_error(s, "reading stats", err);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *a = (const char *)sqlite3_column_text(st, 0);
        const char *b = (const char *)sqlite3_column_text(st, 1);
        snprintf(lo, cap, "%s", a ? a : "");
        snprintf(hi, cap, "%s", b ? b : "");
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return bti_store_db_error(s, "reading stats", err);
    return 0;
}

/* The counts in the library's own struct (whole); bt_store_stats_get copies them out. */
static int stats_of(bt_store *s, bt_store_stats *st, bt_error *err)
{
    int64_t pages = 0, page_size = 0, version = 0;
    int rc;
    if ((rc = query_i64(s, "SELECT count(*) FROM articles", &st->articles, err)) ||
        (rc = query_i64(s, "SELECT count(*) FROM origins", &st->origins, err)) ||
        (rc = query_i64(s, "SELECT count(*) FROM sources", &st->sources, err)) ||
        (rc = query_i64(s, "SELECT count(*) FROM images", &st->images, err)) ||
        (rc = query_i64(s, "SELECT count(*) FROM related", &st->related, err)) ||
        (rc = query_i64(s,
                        "SELECT (SELECT coalesce(sum(length(block)), 0) FROM articles_fts_data)"
                        " + (SELECT coalesce(sum(length(sz)), 0) FROM articles_fts_docsize)",
                        &st->index_bytes, err)) ||
        (rc = query_i64(s, "SELECT count(DISTINCT segid) FROM articles_fts_idx",
                        &st->index_segments, err)) ||
        (rc = query_i64(s, "PRAGMA page_count", &pages, err)) ||
        (rc = query_i64(s, "PRAGMA page_size", &page_size, err)) ||
        (rc = query_i64(s, "PRAGMA user_version", &version, err)) ||
        (rc = query_range(s, "SELECT min(published), max(published) FROM articles",
                          st->first_published, st->last_published, sizeof st->first_published,
                          err)) ||
        (rc = query_range(s, "SELECT min(added_at), max(added_at) FROM articles",
                          st->first_added, st->last_added, sizeof st->first_added, err)))
        return rc;
    st->file_bytes = pages * page_size;
    st->schema_version = (int)version;
    return bt_store_phrase_index(s, &st->phrase_index, err);
}

int bt_store_stats_get(bt_store *s, bt_store_stats *st, bt_error *err)
{
    int rc = bti_out_check(st, "store stats", err);
    if (rc)
        return rc;
    bt_store_stats full;
    memset(&full, 0, sizeof full);
    full.size = sizeof full;
    rc = stats_of(s, &full, err);
    if (rc) /* nothing half-read: the counts stay zero */
        memset(&full, 0, sizeof full);
    bti_out_copy(st, &full, sizeof full);
    return rc;
}

int bt_store_vacuum(bt_store *s, bt_error *err)
{
    int rc = exec(s, "INSERT INTO articles_fts(articles_fts) VALUES ('optimize')",
                  "merging the index", err);
    if (!rc)
        rc = exec(s, "VACUUM", "vacuum", err);
    if (!rc)
        rc = exec(s, "PRAGMA wal_checkpoint(TRUNCATE)", "checkpoint", err);
    return rc;
}

static int count_token(void *ctx, const bt_token *t)
{
    (void)t;
    ++*(int64_t *)ctx;
    return 0;
}

size_t bti_fts_varint(const unsigned char *p, size_t n, uint64_t *v)
{
    *v = 0;
    for (size_t i = 0; i < n && i < 9; i++) {
        if (i == 8) {
            *v = (*v << 8) | p[i];
            return 9;
        }
        *v = (*v << 7) | (p[i] & 0x7f);
        if (!(p[i] & 0x80))
            return i + 1;
    }
    return 0;
}

/* FTS5's own 'integrity-check' (SQLite 3.40) checks the index's inner consistency but not
 * that an external-content index agrees with its content: check that each article has its
 * index entry with the token counts of its text now, and that no entry is left over. */
static int check_index_rows(bt_store *s, bt_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT a.n, " BTI_FTS_COLUMNS_P("a.") ", d.sz"
                           " FROM articles a LEFT JOIN articles_fts_docsize d ON d.id = a.n",
                           -1, &st, NULL) != SQLITE_OK)
        return bti_store_db_error(s, "checking the index", err);
    int rc = 0, step;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t n = sqlite3_column_int64(st, 0);
        const unsigned char *sz = sqlite3_column_blob(st, 1 + BTI_FTS_NCOL);
        size_t szlen = (size_t)sqlite3_column_bytes(st, 1 + BTI_FTS_NCOL), at = 0;
        if (!sz) {
            rc = bt_error_set(err, BT_EDB, "%s: article #%lld is missing from the index",
                              s->path, (long long)n);
            break;
        }
        for (int c = 0; c < BTI_FTS_NCOL && !rc; c++) {
            int64_t tokens = 0;
            const char *text = (const char *)sqlite3_column_text(st, 1 + c);
            /* with the folded keys, as the index tokenizer: a token of marks alone has
             * none and is not indexed */
            if (text)
                bt_tokenize(text, (size_t)sqlite3_column_bytes(st, 1 + c), BT_TOKENIZE_FOLD,
                            count_token, &tokens);
            uint64_t v = 0;
            size_t k = bti_fts_varint(sz + at, szlen - at, &v);
            at += k;
            if (!k || (int64_t)v != tokens)
                rc = bt_error_set(err, BT_EDB,
                                  "%s: the index of article #%lld does not match its text",
                                  s->path, (long long)n);
        }
    }
    if (!rc && step != SQLITE_DONE)
        rc = bti_store_db_error(s, "checking the index", err);
    sqlite3_finalize(st);
    if (rc)
        return rc;
    int64_t extra = 0;
    if ((rc = query_i64(s,
                        "SELECT count(*) FROM articles_fts_docsize"
                        " WHERE id NOT IN (SELECT n FROM articles)",
                        &extra, err)))
        return rc;
    if (extra)
        return bt_error_set(err, BT_EDB, "%s: the index holds %lld removed articles", s->path,
                            (long long)extra);
    return 0;
}

int bt_store_check(bt_store *s, bt_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
        return bti_store_db_error(s, "integrity check", err);
    int rc = sqlite3_step(st);
    const char *res = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    if (!res || strcmp(res, "ok")) {
        rc = bt_error_set(err, BT_EDB, "%s: integrity check failed: %s", s->path,
                          res ? res : sqlite3_errmsg(s->db));
        sqlite3_finalize(st);
        return rc;
    }
    sqlite3_finalize(st);
    /* FTS5 reads the articles through the tokenizer and compares with its index. */
    if (sqlite3_exec(s->db, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')",
                     NULL, NULL, NULL) != SQLITE_OK)
        return bti_store_db_error(s, "the index does not agree with the articles", err);
    return check_index_rows(s, err);
}
