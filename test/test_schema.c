/* test_schema.c: the schema's migrations: a store written by the schema steps as they were
 * released (copied here verbatim, so that a change to a released step shows) opens, reads,
 * searches and takes new articles; an older file is migrated forward; the steps of all
 * stages number the versions 1, 2, ... once each. */
#include "support.h"

#include "bantin.h"
#include "store/store_internal.h" /* the tokenizer, to write an old file without the store */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The released steps: 0 -> 1, 1 -> 2, 2 -> 3, 3 -> 4 (the store's), 4 -> 5 (connect's),
 * 5 -> 6 (top's), 7 -> 8 (the store's), 8 -> 9 (top's), 9 -> 10 (the store's). */
static const char *const old_steps[] = {
    /* 0 -> 1: articles and what hangs off them */
    "CREATE TABLE articles("
    "  n INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  url TEXT, source TEXT, title TEXT NOT NULL, published TEXT, lede TEXT, lang TEXT,"
    "  authors TEXT NOT NULL DEFAULT '',"  /* names joined by \n */
    "  body TEXT NOT NULL DEFAULT '',"     /* paragraphs joined by \n */
    "  captions TEXT NOT NULL DEFAULT '',"  /* image captions joined by \n, for the index */
    "  added_at TEXT NOT NULL);"
    "CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;"
    "CREATE INDEX articles_published ON articles(published) WHERE published IS NOT NULL;"
    /* captures, images and links hang off articles.n: appended in order, cheap to index */
    "CREATE TABLE origins("
    "  article INTEGER NOT NULL, origin TEXT NOT NULL,"
    "  content_hash INTEGER NOT NULL UNIQUE," /* bt_store_content_hash as a signed 64-bit */
    "  size INTEGER NOT NULL, added_at TEXT NOT NULL);"
    "CREATE INDEX origins_article ON origins(article);"
    "CREATE TABLE images("
    "  article INTEGER NOT NULL, pos INTEGER NOT NULL, src TEXT, caption TEXT NOT NULL,"
    "  credit TEXT, PRIMARY KEY(article, pos)) WITHOUT ROWID;"
    "CREATE TABLE related("
    "  article INTEGER NOT NULL, pos INTEGER NOT NULL, title TEXT NOT NULL, url TEXT,"
    "  PRIMARY KEY(article, pos)) WITHOUT ROWID;"
    "CREATE TABLE sources(name TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE TRIGGER articles_source_ai AFTER INSERT ON articles WHEN new.source IS NOT NULL BEGIN"
    "  INSERT INTO sources(name, articles) VALUES (new.source, 1)"
    "    ON CONFLICT(name) DO UPDATE SET articles = articles + 1;"
    "END;"
    "CREATE TRIGGER articles_children_ad AFTER DELETE ON articles BEGIN"
    "  DELETE FROM origins WHERE article = old.n;"
    "  DELETE FROM images WHERE article = old.n;"
    "  DELETE FROM related WHERE article = old.n;"
    "  UPDATE sources SET articles = articles - 1 WHERE name = old.source;"
    "  DELETE FROM sources WHERE name = old.source AND articles <= 0;"
    "END;",

    /* 1 -> 2: the full-text index, kept in step with articles by triggers */
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "  title, lede, body, captions, source,"
    "  content='articles', content_rowid='n', tokenize='bantin');"
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN"
    "  INSERT INTO articles_fts(rowid, title, lede, body, captions, source)"
    "    VALUES (new.n, new.title, new.lede, new.body, new.captions, new.source);"
    "END;"
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, lede, body, captions, source)"
    "    VALUES ('delete', old.n, old.title, old.lede, old.body, old.captions, old.source);"
    "END;"
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, lede, body, captions, source"
    "  ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, lede, body, captions, source)"
    "    VALUES ('delete', old.n, old.title, old.lede, old.body, old.captions, old.source);"
    "  INSERT INTO articles_fts(rowid, title, lede, body, captions, source)"
    "    VALUES (new.n, new.title, new.lede, new.body, new.captions, new.source);"
    "END;"
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
    /* Ingest comes in batches of hundreds of articles: a larger in-memory hash before each
     * flush makes fewer, larger segments and less merging. */
    "INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 16777216);",

    /* 2 -> 3: new articles are indexed by the store, once per batch (write.c), not by a
     * trigger per row: FTS5 writes its pending terms out as a new segment at every
     * savepoint, and a trigger makes every add a statement savepoint, so each article became
     * a segment of its own, merged again and again (3x the cost of the stock insert). */
    "DROP TRIGGER articles_fts_ai;"
    /* Merge level-0 segments 8 at a time rather than 4: ingest runs 1.2x faster on 30,000
     * articles (bench/README.md) for a few more segments to read per query until the next
     * `bantin vacuum`, which merges them all. */
    "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8);",

    /* 3 -> 4: merge 10 at a time. At 100,000 articles FTS5's merging was most of what the
     * store paid over a plain FTS5 insert (1.53x wall, 1.49x CPU with 8; 1.37x / 1.34x with
     * 10, file 1.28x the stock layout; 12 made the file 1.30x with freed merge pages): see
     * bench/README.md. Queries read at most 10 segments a level until `bantin vacuum`. */
    "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 10);",

    /* 4 -> 5 (connect): near-duplicates */
    "CREATE TABLE connect_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
    "INSERT INTO connect_meta(key, value) VALUES"
    "  ('dups_complete', (SELECT CASE WHEN EXISTS (SELECT 1 FROM articles) THEN '0' ELSE '1'"
    "                     END));"
    "CREATE TABLE dup_bands(key INTEGER NOT NULL, article INTEGER NOT NULL,"
    "  PRIMARY KEY(key, article DESC)) WITHOUT ROWID;"
    "CREATE TABLE dup_pairs(a INTEGER NOT NULL, b INTEGER NOT NULL, jaccard REAL NOT NULL,"
    "  containment REAL NOT NULL, PRIMARY KEY(a, b)) WITHOUT ROWID;"
    "CREATE INDEX dup_pairs_b ON dup_pairs(b);"
    "CREATE TRIGGER dups_articles_ad AFTER DELETE ON articles BEGIN"
    "  DELETE FROM dup_pairs WHERE a = old.n OR b = old.n;"
    "END;",
    /* 6: connect's stories */
    "CREATE TABLE stories(id INTEGER PRIMARY KEY, size INTEGER NOT NULL,"
    "  first INTEGER NOT NULL, last INTEGER NOT NULL, central INTEGER,"
    "  terms TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX stories_last ON stories(last);"
    "CREATE TABLE story_articles(article INTEGER PRIMARY KEY, story INTEGER NOT NULL,"
    "  date INTEGER NOT NULL);"
    "CREATE INDEX story_articles_story ON story_articles(story, date);"
    "CREATE TABLE story_state(day INTEGER PRIMARY KEY, state BLOB NOT NULL,"
    "  docs BLOB NOT NULL);"
    "CREATE TRIGGER stories_articles_ad AFTER DELETE ON articles BEGIN"
    "  UPDATE stories SET size = size - 1,"
    "    first = coalesce((SELECT min(date) FROM story_articles"
    "                      WHERE story = stories.id AND article <> old.n), first),"
    "    last = coalesce((SELECT max(date) FROM story_articles"
    "                     WHERE story = stories.id AND article <> old.n), last)"
    "    WHERE id = (SELECT story FROM story_articles WHERE article = old.n);"
    "  DELETE FROM stories WHERE size <= 0"
    "    AND id = (SELECT story FROM story_articles WHERE article = old.n);"
    "  DELETE FROM story_articles WHERE article = old.n;"
    "  DELETE FROM story_state;"
    "END;",
    /* 6 -> 7 (top): kind, most-read boxes, views */
    "ALTER TABLE articles ADD COLUMN kind TEXT;"
    "CREATE INDEX articles_kind ON articles(kind) WHERE kind IS NOT NULL;"
    "CREATE INDEX articles_title_key ON articles(bantin_fold(title));"
    "CREATE TABLE most_read("
    "  article INTEGER NOT NULL, pos INTEGER NOT NULL, title TEXT NOT NULL, url TEXT,"
    "  PRIMARY KEY(article, pos)) WITHOUT ROWID;"
    "CREATE TABLE views(article INTEGER NOT NULL, day TEXT NOT NULL, n INTEGER NOT NULL,"
    "  PRIMARY KEY(article, day)) WITHOUT ROWID;"
    "CREATE INDEX views_day ON views(day);"
    "CREATE TRIGGER top_articles_ad AFTER DELETE ON articles BEGIN"
    "  DELETE FROM most_read WHERE article = old.n;"
    "  DELETE FROM views WHERE article = old.n;"
    "END;",
    /* 7 -> 8 (store): exact forms in titles and ledes only, the body and captions read
     * through a view that marks them; then the table is made again (step8_table) */
    "CREATE VIEW articles_fts_text AS SELECT n, title, lede, char(3) || body AS body,"
    "  char(3) || captions AS captions, source FROM articles;"
    "DROP TRIGGER articles_fts_ad;"
    "DROP TRIGGER articles_fts_au;"
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, lede, body, captions, source)"
    "    VALUES ('delete', old.n, old.title, old.lede, char(3) || old.body,"
    " char(3) || old.captions, old.source);"
    "END;"
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, lede, body, captions, source"
    "  ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, lede, body, captions, source)"
    "    VALUES ('delete', old.n, old.title, old.lede, char(3) || old.body,"
    " char(3) || old.captions, old.source);"
    "  INSERT INTO articles_fts(rowid, title, lede, body, captions, source)"
    "    VALUES (new.n, new.title, new.lede, char(3) || new.body, char(3) || new.captions,"
    " new.source);"
    "END;",
    /* 8 -> 9 (top): articles by the hash of their folded title */
    "DROP INDEX articles_title_key;"
    "CREATE INDEX articles_title_hash ON articles(bantin_title_hash(title));",
    /* 9 -> 10: the index made again where a word holds a soft hyphen */
    "INSERT INTO articles_fts(articles_fts) SELECT 'rebuild' WHERE EXISTS ("
    "  SELECT 1 FROM articles WHERE instr(title, char(173)) OR instr(coalesce(lede, ''), char(173))"
    "  OR instr(body, char(173)) OR instr(captions, char(173))"
    "  OR instr(coalesce(source, ''), char(173)));",
};

/* Step 8's table, made again over the view (without the phrase option, as a new store). */
static const char step8_table[] =
    "DROP TABLE IF EXISTS articles_fts;"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, lede, body, captions, source,"
    " content='articles_fts_text', content_rowid='n', tokenize='bantin');"
    "INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 16777216);"
    "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 10);"
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');";

typedef struct fixture {
    char dir[64];
    char path[96];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    strcpy(f->dir, "/tmp/bantin-schema-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->path, sizeof f->path, "%s/old.db", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static void exec_ok(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg ? msg : "?");
}

/* Writes a file of schema `version` with the released steps, holding two articles as the
 * code of that time stored them (indexed by the trigger up to version 2, by the store's own
 * statement after). */
static void write_old(const char *path, int version)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(bti_fts_register(db, NULL), SQLITE_OK);
    assert_int_equal(bti_fold_sql_register(db), SQLITE_OK); /* steps 7 and 9's indexes */
    exec_ok(db, "PRAGMA journal_mode = WAL");
    for (int v = 0; v < version; v++) {
        exec_ok(db, old_steps[v]);
        if (v + 1 == 8)
            exec_ok(db, step8_table);
    }
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", version);
    exec_ok(db, sql);
    exec_ok(db,
            "INSERT INTO articles(id, url, source, title, published, lede, lang, authors, body,"
            " captions, added_at) VALUES"
            " ('00000000000000a1', 'https://vov.vn/a1', 'VOV.VN',"
            "  'Mỹ và Taliban nối lại đàm phán hòa bình', '2021-08-20T10:00:00+07:00', NULL,"
            "  'vi', 'Thanh Hà', 'Hai bên nối lại các cuộc đàm phán tại Qatar.', '',"
            "  '2021-08-21T00:00:00Z'),"
            " ('00000000000000b2', NULL, 'Tuổi Trẻ', 'Giá vàng hôm nay tăng mạnh',"
            "  '2022-01-05T07:00:00+07:00', 'Giá vàng SJC tăng.', 'vi', '',"
            "  'Vàng miếng tăng 300.000 đồng mỗi lượng.', 'Ảnh: tiệm vàng',"
            "  '2022-01-05T01:00:00Z');"
            "INSERT INTO origins(article, origin, content_hash, size, added_at)"
            " VALUES (1, 'a1.html', 161, 10, '2021-08-21T00:00:00Z'),"
            " (2, 'b2.html', 178, 12, '2022-01-05T01:00:00Z');");
    if (version >= 8) /* the body and captions marked for folded keys only */
        exec_ok(db, "INSERT INTO articles_fts(rowid, title, lede, body, captions, source)"
                    " SELECT n, title, lede, char(3) || body, char(3) || captions, source"
                    " FROM articles");
    else if (version >= 3) /* no trigger since 3: the store indexed them itself */
        exec_ok(db, "INSERT INTO articles_fts(rowid, title, lede, body, captions, source)"
                    " SELECT n, title, lede, body, captions, source FROM articles");
    assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static int64_t search_total(bt_store *s, const char *q)
{
    bt_error err;
    bt_search_results *r = NULL;
    if (bt_search_run(s, q, NULL, &r, &err))
        fail_msg("search '%s': %s", q, err.msg);
    int64_t n = r->total;
    bt_search_results_free(r);
    return n;
}

/* What reading and searching an old file must give, and a new article on top. */
static void check_reads(const char *path)
{
    bt_error err;
    bt_store *s = NULL;
    if (bt_store_open(path, 0, &s, &err))
        fail_msg("open: %s", err.msg);
    bt_store_stats st = BT_STORE_STATS_INIT;
    assert_int_equal(bt_store_stats_get(s, &st, &err), 0);
    assert_int_equal(st.schema_version, BT_STORE_SCHEMA_VERSION);
    assert_int_equal(st.articles, 2);
    assert_int_equal(st.phrase_index, 0);
    bt_article *a = NULL;
    assert_int_equal(bt_store_get(s, "00000000000000a1", &a, &err), 0);
    assert_string_equal(a->title, "Mỹ và Taliban nối lại đàm phán hòa bình");
    assert_string_equal(a->origin, "a1.html");
    bt_article_free(a);
    assert_int_equal(search_total(s, "dam phan"), 1);
    assert_int_equal(search_total(s, "\"giá vàng\""), 1);
    assert_int_equal(search_total(s, "tiệm"), 1); /* captions are indexed */
    assert_int_equal(search_total(s, "source:vov"), 1);
    assert_int_equal(bt_store_check(s, &err), 0);
    /* a new article goes into the same index */
    a = bt_article_new();
    assert_non_null(a);
    const char *title = "Đàm phán mới ở Doha";
    assert_int_equal(bt_article_set(&a->title, title, strlen(title)), 0);
    assert_int_equal(bt_article_set(&a->origin, "mem", 3), 0);
    assert_int_equal(bt_article_add_para(a, "Các bên gặp lại nhau."), 0);
    assert_int_equal(test_store_add(s, a, NULL, NULL, &err), BT_STORE_ADDED);
    bt_article_free(a);
    assert_int_equal(search_total(s, "đàm phán"), 2);
    assert_int_equal(bt_store_check(s, &err), 0);
    bt_store_close(s);
}

/* The schema of a file as "type name sql" lines, sorted. */
static char *schema_text(const char *path)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT group_concat(type || ' ' || name || ' ' ||"
                                        " coalesce(sql, ''), char(10)) FROM"
                                        " (SELECT * FROM sqlite_schema ORDER BY type, name)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    char *s = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
    assert_non_null(s);
    return s;
}

/* A file written at the current version by the released steps: read as it is, and the same
 * schema, to the byte, as a store the steps of today create. */
static void test_current_file(void **state)
{
    fixture *f = *state;
    write_old(f->path, BT_STORE_SCHEMA_VERSION);
    char fresh[128];
    snprintf(fresh, sizeof fresh, "%s/new.db", f->dir);
    bt_error err;
    bt_store *s = NULL;
    assert_int_equal(bt_store_open(fresh, 0, &s, &err), 0);
    bt_store_close(s);
    char *want = schema_text(f->path), *got = schema_text(fresh);
    assert_string_equal(got, want);
    free(want);
    free(got);
    check_reads(f->path);
}

/* Files of every older version are migrated forward on open. */
static void test_older_files(void **state)
{
    fixture *f = *state;
    for (int v = 1; v < BT_STORE_SCHEMA_VERSION; v++) {
        snprintf(f->path, sizeof f->path, "%s/v%d.db", f->dir, v);
        write_old(f->path, v);
        check_reads(f->path);
        char *got = schema_text(f->path);
        assert_null(strstr(got, "articles_fts_ai")); /* dropped by 2 -> 3 */
        free(got);
    }
    /* read-only: refused until opened once for writing */
    snprintf(f->path, sizeof f->path, "%s/ro.db", f->dir);
    write_old(f->path, 3);
    bt_error err;
    bt_store *s = NULL;
    assert_int_equal(bt_store_open(f->path, BT_STORE_READONLY, &s, &err), BT_EUNSUPPORTED);
    assert_non_null(strstr(err.msg, "needs upgrading"));
}

/* 7 -> 8: the index made again without the exact forms of bodies and captions, the phrase
 * option the file had kept, and the index in step with the articles (deletes and updates go
 * through the new triggers). */
static int64_t fts_count(bt_store *s, const char *match)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(bti_store_db(s),
                                        "SELECT count(*) FROM articles_fts WHERE articles_fts "
                                        "MATCH ?1",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void test_exact_forms_upgrade(void **state)
{
    fixture *f = *state;
    for (int phrases = 0; phrases < 2; phrases++) {
        snprintf(f->path, sizeof f->path, "%s/v7-%d.db", f->dir, phrases);
        write_old(f->path, 7);
        if (phrases) { /* `bantin index --phrases` as version 7 made it */
            sqlite3 *db = NULL;
            assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
            assert_int_equal(bti_fts_register(db, NULL), SQLITE_OK);
            exec_ok(db, "DROP TABLE articles_fts;"
                        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, lede, body, "
                        "captions, source, content='articles', content_rowid='n',"
                        " tokenize='bantin phrases');"
                        "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');");
            assert_int_equal(sqlite3_close(db), SQLITE_OK);
        }
        bt_error err;
        bt_store *s = NULL;
        if (bt_store_open(f->path, 0, &s, &err))
            fail_msg("open: %s", err.msg);
        /* "lượng" is in a body, "tiệm" in captions, "vàng" in a title */
        assert_int_equal(fts_count(s, "\"\x01lượng\""), 0);
        assert_int_equal(fts_count(s, "\"\x01tiệm\""), 0);
        assert_int_equal(fts_count(s, "\"\x01vàng\""), 1);
        assert_int_equal(fts_count(s, "luong"), 1);
        assert_int_equal(search_total(s, "lượng"), 1);
        int on = -1;
        assert_int_equal(bt_store_phrase_index(s, &on, &err), 0);
        assert_int_equal(on, phrases);
        assert_int_equal(bt_store_check(s, &err), 0);
        assert_int_equal(sqlite3_exec(bti_store_db(s),
                                      "UPDATE articles SET body = 'Vàng miếng giảm.' WHERE n = 2;"
                                      "DELETE FROM articles WHERE n = 1;",
                                      NULL, NULL, NULL),
                         SQLITE_OK);
        assert_int_equal(fts_count(s, "luong"), 0);
        assert_int_equal(fts_count(s, "giam"), 1);
        assert_int_equal(fts_count(s, "\"\x01giảm\""), 0);
        assert_int_equal(fts_count(s, "dam"), 0);
        assert_int_equal(bt_store_check(s, &err), 0);
        bt_store_close(s);
    }
}

/* 8 -> 9: the index of folded titles replaced by one of their 64-bit hashes; a box item of a
 * page stored at 8 still finds its article by its headline (another case, no marks), the
 * look-up reads the new index, and new articles go into it. */
static int64_t mentions_of(bt_store *s, const char *id)
{
    bt_error err;
    bt_top_list *l = NULL;
    if (bt_top(s, 30, BT_TOP_MENTIONS, 10, "2022-01-31", &l, &err))
        fail_msg("top: %s", err.msg);
    int64_t n = 0;
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->items[i].id, id))
            n = l->items[i].count;
    bt_top_list_free(l);
    return n;
}

static void test_title_hash_upgrade(void **state)
{
    fixture *f = *state;
    write_old(f->path, 8);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    exec_ok(db, "INSERT INTO most_read(article, pos, title, url) VALUES"
                " (2, 0, 'MY VA TALIBAN NOI LAI DAM PHAN HOA BINH', NULL),"
                " (2, 1, 'Đàm phán mới ở Doha', 'https://example.org/other'),"
                " (2, 2, 'Một bài không có trong kho', NULL);");
    assert_int_equal(sqlite3_close(db), SQLITE_OK);
    bt_error err;
    bt_store *s = NULL;
    if (bt_store_open(f->path, 0, &s, &err))
        fail_msg("open: %s", err.msg);
    bt_store_close(s);
    char *got = schema_text(f->path);
    assert_null(strstr(got, "articles_title_key"));
    assert_non_null(strstr(got, "articles_title_hash"));
    free(got);
    assert_int_equal(bt_store_open(f->path, 0, &s, &err), 0);
    assert_int_equal(mentions_of(s, "00000000000000a1"), 1);
    /* the look-up by title reads the index, not the table */
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(bti_store_db(s),
                                        "EXPLAIN QUERY PLAN SELECT n FROM articles WHERE"
                                        " bantin_title_hash(title) = bantin_title_hash(?1)"
                                        " AND bantin_fold(title) = bantin_fold(?1)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    int indexed = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        indexed |= strstr((const char *)sqlite3_column_text(st, 3), "articles_title_hash") != 0;
    sqlite3_finalize(st);
    assert_true(indexed);
    /* the index holds the hash's values: the same for any case and marks, and never to change
     * without a step that makes the index again */
    assert_int_equal(sqlite3_prepare_v2(bti_store_db(s),
                                        "SELECT bantin_title_hash('Giá vàng hôm nay'),"
                                        " bantin_title_hash('GIA VANG HOM NAY'),"
                                        " bantin_title_hash('Giá vàng hôm qua'),"
                                        " bantin_title_hash(NULL)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1));
    assert_int_not_equal(sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 2));
    assert_int_equal((uint64_t)sqlite3_column_int64(st, 0), 0x48e94c248961f21aULL);
    assert_int_equal(sqlite3_column_type(st, 3), SQLITE_NULL);
    sqlite3_finalize(st);
    /* an article added after the upgrade is found by its title too (the box was stored
     * before it: mentions are resolved when counted) */
    bt_article *a = bt_article_new();
    assert_non_null(a);
    const char *title = "Đàm phán mới ở Doha";
    assert_int_equal(bt_article_set(&a->title, title, strlen(title)), 0);
    assert_int_equal(bt_article_set(&a->origin, "mem", 3), 0);
    assert_int_equal(bt_article_add_para(a, "Các bên gặp lại nhau."), 0);
    char id[17];
    assert_int_equal(test_store_add(s, a, NULL, id, &err), BT_STORE_ADDED);
    bt_article_free(a);
    assert_int_equal(mentions_of(s, id), 1);
    assert_int_equal(bt_store_check(s, &err), 0);
    bt_store_close(s);
}

/* 9 -> 10: an article stored at 9 with soft hyphens in a word, indexed as the tokenizer of
 * that time split it ("Mit", "tel", "al", "ter"): the upgrade makes the index again, so the
 * word is found whole, the index checks, and changing or removing the article (FTS5
 * tokenises its stored text again to delete its rows) leaves no row behind. */
static void test_soft_hyphen_upgrade(void **state)
{
    fixture *f = *state;
    write_old(f->path, 9);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    assert_int_equal(bti_fts_register(db, NULL), SQLITE_OK);
    assert_int_equal(bti_fold_sql_register(db), SQLITE_OK);
    exec_ok(db, "INSERT INTO articles(id, source, title, lang, body, captions, added_at) VALUES"
                " ('00000000000000c3', 'Weinblatt', 'Wein im Mit' || char(173) || 'tel'"
                " || char(173) || 'al' || char(173) || 'ter', 'de',"
                " 'Die Klös' || char(173) || 'ter bauten Wein an.', '', '2022-01-06T00:00:00Z');"
                "INSERT INTO articles_fts(rowid, title, lede, body, captions, source)"
                " VALUES (3, 'Wein im Mit tel al ter', NULL, char(3) || 'Die Klös ter bauten"
                " Wein an.', char(3), 'Weinblatt');");
    assert_int_equal(sqlite3_close(db), SQLITE_OK);
    bt_error err;
    bt_store *s = NULL;
    if (bt_store_open(f->path, 0, &s, &err))
        fail_msg("open: %s", err.msg);
    assert_int_equal(search_total(s, "mittelalter"), 1);
    assert_int_equal(search_total(s, "klöster"), 1);
    assert_int_equal(search_total(s, "tel"), 0);
    assert_int_equal(bt_store_check(s, &err), 0);
    assert_int_equal(sqlite3_exec(bti_store_db(s), "DELETE FROM articles WHERE n = 3;", NULL,
                                  NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(fts_count(s, "mittelalter"), 0);
    assert_int_equal(bt_store_check(s, &err), 0);
    bt_store_close(s);
}

/* The steps of all stages number the versions once each, and the newest is the library's. */
static void test_stage_steps(void **state)
{
    (void)state;
    bt_error err;
    int v = -1;
    assert_int_equal(bti_schema_check(bti_stage_schemas, &v, &err), 0);
    assert_int_equal(v, BT_STORE_SCHEMA_VERSION);
    assert_ptr_equal(bti_stage_schemas[0], &bti_store_schema);

    /* a later stage's steps continue the numbering (the store's own steps take 1-4, 8 and
     * 10, connect's 5-6, top's 7 and 9) */
    static const bti_migration later[] = {{11, "CREATE TABLE t11(x);"},
                                          {12, "DROP TABLE t11;"}};
    const bti_stage_schema stage = {"later", later, 2};
    const bti_stage_schema *const two[] = {&bti_store_schema, &bti_connect_schema,
                                           &bti_top_schema, &stage, NULL};
    assert_int_equal(bti_schema_check(two, &v, &err), 0);
    assert_int_equal(v, 12);

    /* a gap, a version taken twice, steps out of order: refused, naming what */
    static const bti_migration gap[] = {{12, "SELECT 1;"}};
    const bti_stage_schema gap_stage = {"gap", gap, 1};
    const bti_stage_schema *const with_gap[] = {&bti_store_schema, &bti_connect_schema,
                                                &bti_top_schema, &gap_stage, NULL};
    assert_int_equal(bti_schema_check(with_gap, &v, &err), BT_EINVAL);
    assert_non_null(strstr(err.msg, "version 11"));
    static const bti_migration dup[] = {{4, "SELECT 1;"}};
    const bti_stage_schema dup_stage = {"dup", dup, 1};
    const bti_stage_schema *const with_dup[] = {&bti_store_schema, &dup_stage, NULL};
    assert_int_equal(bti_schema_check(with_dup, &v, &err), BT_EINVAL);
    assert_non_null(strstr(err.msg, "version 4"));
    static const bti_migration backwards[] = {{12, "SELECT 1;"}, {11, "SELECT 1;"}};
    const bti_stage_schema back_stage = {"backwards", backwards, 2};
    const bti_stage_schema *const with_back[] = {&bti_store_schema, &bti_connect_schema,
                                                 &bti_top_schema, &back_stage, NULL};
    assert_int_equal(bti_schema_check(with_back, &v, &err), BT_EINVAL);
    assert_non_null(strstr(err.msg, "backwards"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_current_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_older_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_exact_forms_upgrade, setup, teardown),
        cmocka_unit_test_setup_teardown(test_title_hash_upgrade, setup, teardown),
        cmocka_unit_test_setup_teardown(test_soft_hyphen_upgrade, setup, teardown),
        cmocka_unit_test(test_stage_steps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
