/* test_store.c: the store's library API: open/create, add/get round trip, exact-duplicate
 * folding, the bantin FTS5 tokenizer (folded and exact forms, highlight offsets), remove,
 * iterate, stats, schema migration and refusal of a newer file. */
#include "support.h"

#include "bantin.h"
#include "store/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

static char *temp_db(void)
{
    char tmpl[] = "/tmp/bantin-store-XXXXXX";
    char *dir = mkdtemp(tmpl);
    assert_non_null(dir);
    char *path = malloc(strlen(dir) + 16);
    sprintf(path, "%s/t.db", dir);
    return path;
}

static void rm_db(char *path)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf \"$(dirname '%s')\"", path);
    assert_int_equal(system(cmd), 0);
    free(path);
}

static bt_article *make(const char *title, const char *para, const char *url)
{
    bt_article *a = bt_article_new();
    assert_non_null(a);
    assert_int_equal(bt_article_set(&a->title, title, strlen(title)), 0);
    assert_int_equal(bt_article_set(&a->origin, "mem.txt", 7), 0);
    assert_int_equal(bt_article_set(&a->lang, "vi", 2), 0);
    if (url)
        assert_int_equal(bt_article_set(&a->url, url, strlen(url)), 0);
    assert_int_equal(bt_article_add_para(a, para), 0);
    assert_int_equal(bt_article_add_para(a, "Đoạn thứ hai, có dấu."), 0);
    assert_int_equal(bt_article_add_author(a, "Hà Linh"), 0);
    assert_int_equal(bt_article_add_image(a, "https://x.vn/a.jpg", "Ngoại trưởng Nga.", "TASS"), 0);
    assert_int_equal(bt_article_add_image(a, NULL, "Ảnh thứ hai", NULL), 0);
    assert_int_equal(bt_article_add_related(a, "Tin khác", NULL), 0);
    return a;
}

static int64_t count(bt_store *s, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(bti_store_db(s), sql, -1, &st, NULL), SQLITE_OK);
    int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
}

static void test_add_get_round_trip(void **state)
{
    (void)state;
    char *path = temp_db();
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(path, 0, &s, &err), 0);
    bt_article *a = make("Đàm phán ở Doha", "Hòa bình cho Afghanistan.", "https://x.vn/1");
    assert_int_equal(bt_article_set(&a->published, "2021-08-14T18:19:00+07:00", 25), 0);
    assert_int_equal(bt_article_set(&a->source, "VOV.VN", 6), 0);
    assert_int_equal(bt_article_set(&a->lede, "Sapo.", 5), 0);
    char id[17];
    assert_int_equal(test_store_add(s, a, NULL, id, &err), BT_STORE_ADDED);
    assert_int_equal(bt_article_set_id(a), 0);
    assert_string_equal(id, a->id);
    bt_article *b;
    assert_int_equal(bt_store_get(s, id, &b, &err), 0);
    char *ja, *jb;
    assert_int_equal(bt_article_to_json(a, 0, &ja, &err), 0);
    assert_int_equal(bt_article_to_json(b, 0, &jb, &err), 0);
    assert_string_equal(ja, jb);
    free(ja);
    free(jb);
    bt_article_free(b);
    /* by rowid, as the search layer reads its hits */
    assert_int_equal(bti_store_get_rowid(s, 1, &b, &err), 0);
    assert_string_equal(b->id, id);
    bt_article_free(b);
    assert_int_equal(bti_store_get_rowid(s, 99, &b, &err), BT_ENOTFOUND);
    bt_store_stats st = BT_STORE_STATS_INIT;
    assert_int_equal(bt_store_stats_get(s, &st, &err), 0);
    assert_string_equal(st.first_published, "2021-08-14T18:19:00+07:00");
    {   /* the counts struct carries its size: an older caller's shorter struct gets only
         * its fields, nothing past them is written; a size never set is refused */
        unsigned char buf[sizeof(bt_store_stats)];
        memset(buf, 0xAB, sizeof buf);
        bt_store_stats *old = (bt_store_stats *)(void *)buf;
        old->size = offsetof(bt_store_stats, origins);
        assert_int_equal(bt_store_stats_get(s, old, &err), 0);
        assert_int_equal(old->articles, 1);
        for (size_t i = old->size; i < sizeof buf; i++)
            assert_int_equal(buf[i], 0xAB);
        bt_store_stats unset;
        memset(&unset, 0, sizeof unset);
        assert_int_equal(bt_store_stats_get(s, &unset, &err), BT_EINVAL);
        assert_non_null(strstr(err.msg, "INIT"));
    }
    assert_string_equal(st.last_published, "2021-08-14T18:19:00+07:00");
    assert_int_equal(st.sources, 1);
    assert_int_equal(bt_store_get(s, "0000000000000000", &b, &err), BT_ENOTFOUND);
    assert_null(b);
    assert_non_null(strstr(err.msg, "0000000000000000"));
    bt_article_free(a);
    assert_int_equal(bt_store_check(s, &err), 0);
    bt_store_close(s);
    rm_db(path);
}

static void test_duplicates_fold(void **state)
{
    (void)state;
    char *path = temp_db();
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(path, 0, &s, &err), 0);
    bt_article *a = make("Tiêu đề A", "Nội dung A.", "https://x.vn/a");
    char h1[17], h2[17], h3[17];
    bt_store_content_hash("capture one", 11, h1);
    bt_store_content_hash("capture two", 11, h2);
    bt_store_content_hash("capture three", 13, h3);
    bt_origin o1 = {"one.html", h1, 11}, o2 = {"two.html", h2, 11}, o3 = {"three.html", h3, 13};
    assert_int_equal(bt_store_begin(s, &err), 0);
    assert_int_equal(test_store_add(s, a, &o1, NULL, &err), BT_STORE_ADDED);
    assert_int_equal(test_store_add(s, a, &o1, NULL, &err), BT_STORE_SEEN);
    /* same content from another capture: one article, two origins */
    assert_int_equal(test_store_add(s, a, &o2, NULL, &err), BT_STORE_MERGED);
    /* same canonical URL, text changed (an update of the page): merged too */
    bt_article *b = make("Tiêu đề A (cập nhật)", "Nội dung A, sửa.", "https://x.vn/a");
    char id[17];
    assert_int_equal(test_store_add(s, b, &o3, id, &err), BT_STORE_MERGED);
    assert_int_equal(bt_article_set_id(a), 0);
    assert_string_equal(id, a->id);
    assert_int_equal(bt_store_commit(s, &err), 0);
    int has = -1;
    assert_int_equal(bt_store_has_capture(s, h2, &has, &err), 0);
    assert_int_equal(has, 1);
    assert_int_equal(count(s, "SELECT count(*) FROM articles"), 1);
    assert_int_equal(count(s, "SELECT count(*) FROM origins"), 3);
    assert_int_equal(bt_store_has_capture(s, "ffffffffffffffff", &has, &err), 0);
    assert_int_equal(has, 0);
    assert_int_equal(bt_store_has_capture(s, "not-a-hash", &has, &err), BT_EINVAL);
    /* without capture bytes the record itself stands for the capture */
    bt_article *c = make("Khác", "Bài khác.", NULL);
    assert_int_equal(test_store_add(s, c, NULL, NULL, &err), BT_STORE_ADDED);
    assert_int_equal(test_store_add(s, c, NULL, NULL, &err), BT_STORE_SEEN);
    bt_store_stats st = BT_STORE_STATS_INIT;
    assert_int_equal(bt_store_stats_get(s, &st, &err), 0);
    assert_int_equal(st.articles, 2);
    assert_int_equal(st.origins, 4);
    assert_int_equal(st.images, 4);
    assert_true(st.index_bytes > 0);
    assert_true(st.file_bytes > 0);
    assert_int_equal(st.schema_version, BT_STORE_SCHEMA_VERSION);
    bt_article_free(a);
    bt_article_free(b);
    bt_article_free(c);
    bt_store_close(s);
    rm_db(path);
}

static int64_t matches(bt_store *s, const char *q)
{
    sqlite3_stmt *st;
    static const char sql[] =
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1";
    assert_int_equal(sqlite3_prepare_v2(bti_store_db(s), sql, -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void test_tokenizer(void **state)
{
    (void)state;
    char *path = temp_db();
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(path, 0, &s, &err), 0);
    bt_article *a = make("Đàm phán ở Doha", "Hai bên đã đàm đạo.", NULL);
    bt_article *b = make("Người dân đâm đơn kiện", "Không có gì.", NULL);
    assert_int_equal(test_store_add(s, a, NULL, NULL, &err), BT_STORE_ADDED);
    assert_int_equal(test_store_add(s, b, NULL, NULL, &err), BT_STORE_ADDED);
    /* folded queries match every accented form, accented queries too */
    assert_int_equal(matches(s, "dam"), 2);
    assert_int_equal(matches(s, "đàm"), 2);
    assert_int_equal(matches(s, "DAM PHAN"), 1);
    assert_int_equal(matches(s, "\"dam phan\""), 1);
    assert_int_equal(matches(s, "ngoai truong"), 2); /* captions are indexed */
    assert_int_equal(matches(s, "captions: tass"), 0);
    /* the exact form matches only that form */
    char term[64], q[80];
    size_t n = bti_store_exact_term("Đàm", strlen("Đàm"), term, sizeof term);
    assert_true(n > 0 && n < sizeof term);
    assert_int_equal(term[0], '\x01');
    assert_string_equal(term + 1, "đàm");
    snprintf(q, sizeof q, "\"%s\"", term);
    assert_int_equal(matches(s, q), 1);
    assert_int_equal(bti_store_exact_term("Doha", 4, term, sizeof term), 0);
    /* exact forms are indexed for titles and ledes only: the body's and the captions' words
     * by their folded keys (store/db.h, BTI_FTS_FOLDED_ONLY) */
    assert_int_equal(matches(s, "dao"), 1);
    assert_true(bti_store_exact_term("đạo", strlen("đạo"), term, sizeof term) > 0);
    snprintf(q, sizeof q, "\"%s\"", term);
    assert_int_equal(matches(s, q), 0);
    assert_true(bti_store_exact_term("trưởng", strlen("trưởng"), term, sizeof term) > 0);
    snprintf(q, sizeof q, "\"%s\"", term);
    assert_int_equal(matches(s, q), 0);
    /* the highlighter marks the accented original */
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(bti_store_db(s),
                                        "SELECT highlight(articles_fts, 0, '[', ']') FROM "
                                        "articles_fts WHERE articles_fts MATCH '\"dam phan\"'",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "[Đàm phán] ở Doha");
    sqlite3_finalize(st);
    assert_int_equal(bt_store_check(s, &err), 0);
    /* the check sees an index out of step with the articles */
    assert_int_equal(sqlite3_exec(bti_store_db(s),
                                  "DROP TRIGGER articles_fts_ad; DELETE FROM articles WHERE n = 1",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(bt_store_check(s, &err), BT_EDB);
    bt_article_free(a);
    bt_article_free(b);
    bt_store_close(s);
    rm_db(path);
}

static void test_remove_iterate(void **state)
{
    (void)state;
    char *path = temp_db();
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(path, 0, &s, &err), 0);
    char ids[3][17];
    const char *titles[3] = {"Một", "Hai", "Ba"};
    for (int i = 0; i < 3; i++) {
        bt_article *a = make(titles[i], "Thân bài.", NULL);
        assert_int_equal(bt_article_set(&a->source, "Báo A", strlen("Báo A")), 0);
        assert_int_equal(test_store_add(s, a, NULL, ids[i], &err), BT_STORE_ADDED);
        bt_article_free(a);
    }
    assert_int_equal(bt_store_remove(s, ids[1], &err), 0);
    assert_int_equal(bt_store_remove(s, ids[1], &err), BT_ENOTFOUND);
    assert_int_equal(matches(s, "title:hai"), 0);
    assert_int_equal(matches(s, "title:ba"), 1);
    assert_int_equal(count(s, "SELECT count(*) FROM origins"), 2);
    assert_int_equal(count(s, "SELECT count(*) FROM images"), 4);
    assert_int_equal(count(s, "SELECT articles FROM sources"), 2);
    bt_store_iter *it;
    assert_int_equal(bt_store_iter_open(s, NULL, &it, &err), 0);
    bt_article *a;
    int k = 0;
    while (bt_store_iter_next(it, &a, &err) == 0 && a) {
        assert_string_equal(a->title, titles[k == 0 ? 0 : 2]);
        assert_string_equal(a->origin, "mem.txt");
        k++;
        bt_article_free(a);
    }
    assert_int_equal(k, 2);
    bt_store_iter_close(it);
    bt_store_filter f = BT_STORE_FILTER_INIT;
    f.added_since = "2999-01-01";
    assert_int_equal(bt_store_iter_open(s, &f, &it, &err), 0);
    assert_int_equal(bt_store_iter_next(it, &a, &err), 0);
    assert_null(a);
    bt_store_iter_close(it);
    bt_store_stats st = BT_STORE_STATS_INIT;
    assert_int_equal(bt_store_stats_get(s, &st, &err), 0);
    assert_true(st.index_segments >= 2); /* three adds, three segments before the merge */
    assert_int_equal(bt_store_vacuum(s, &err), 0);
    assert_int_equal(bt_store_check(s, &err), 0);
    assert_int_equal(bt_store_stats_get(s, &st, &err), 0);
    assert_int_equal(st.index_segments, 1);
    bt_store_close(s);
    rm_db(path);
}

/* In a batch the index catches up at the commit: removes, failed adds and rolled-back
 * batches in between leave it in step with the articles. */
static void test_batch_index(void **state)
{
    (void)state;
    char *path = temp_db();
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(path, 0, &s, &err), 0);
    char ids[4][17];
    const char *titles[4] = {"Hoà bình", "Thuỷ điện", "Khoẻ mạnh", "Lũ lụt"};
    assert_int_equal(bt_store_begin(s, &err), 0);
    for (int i = 0; i < 3; i++) {
        bt_article *a = make(titles[i], "Thân bài.", NULL);
        assert_int_equal(test_store_add(s, a, NULL, ids[i], &err), BT_STORE_ADDED);
        bt_article_free(a);
    }
    assert_int_equal(bt_store_remove(s, ids[1], &err), 0);
    bt_article *bad = bt_article_new(); /* no title: refused, the batch goes on */
    assert_true(test_store_add(s, bad, NULL, NULL, &err) < 0);
    bt_article_free(bad);
    bt_article *d = make(titles[3], "Mưa lớn.", NULL);
    assert_int_equal(test_store_add(s, d, NULL, ids[3], &err), BT_STORE_ADDED);
    assert_int_equal(bt_store_commit(s, &err), 0);
    assert_int_equal(matches(s, "hoa binh"), 1);
    assert_int_equal(matches(s, "thuy"), 0);
    assert_int_equal(matches(s, "khoe"), 1);
    assert_int_equal(matches(s, "lu lut"), 1);
    assert_int_equal(matches(s, "\"\x01hòa\""), 1); /* the exact forms, tones canonical */
    assert_int_equal(bt_store_check(s, &err), 0);
    /* a rolled-back batch leaves nothing to index at the next commit */
    assert_int_equal(bt_store_begin(s, &err), 0);
    bt_article *e = make("Bão số 5", "Gió mạnh.", NULL);
    assert_int_equal(test_store_add(s, e, NULL, NULL, &err), BT_STORE_ADDED);
    assert_int_equal(bt_store_rollback(s, &err), 0);
    assert_int_equal(bt_store_begin(s, &err), 0);
    assert_int_equal(test_store_add(s, d, NULL, NULL, &err), BT_STORE_SEEN);
    assert_int_equal(bt_store_commit(s, &err), 0);
    assert_int_equal(matches(s, "bao"), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM articles"), 3);
    assert_int_equal(bt_store_check(s, &err), 0);
    /* a stray combining mark is no token, for the index and for the check alike (fuzz) */
    bt_article *f = make("Dấu", "\xcc\x86 rơi", NULL);
    assert_int_equal(test_store_add(s, f, NULL, NULL, &err), BT_STORE_ADDED);
    bt_article_free(f);
    assert_int_equal(bt_store_check(s, &err), 0);
    bt_article_free(d);
    bt_article_free(e);
    bt_store_close(s);
    rm_db(path);
}

static int64_t file_bytes(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    int64_t n = ftell(f);
    fclose(f);
    return n;
}

/* A writer keeps up to BTI_STORE_WAL_PAGES pages in the WAL before copying them back (store.c):
 * batches committed meanwhile are in the WAL, readable by another connection, and the last
 * connection to close copies them into the file and removes the WAL. */
static void test_wal_window(void **state)
{
    (void)state;
    char *path = temp_db();
    char wal[600];
    snprintf(wal, sizeof wal, "%s-wal", path);
    bt_store *s, *r;
    bt_error err;
    assert_int_equal(bt_store_open(path, 0, &s, &err), 0);
    assert_int_equal(count(s, "PRAGMA wal_autocheckpoint"), BTI_STORE_WAL_PAGES);
    char body[4096];
    for (int b = 0; b < 12; b++) {
        assert_int_equal(bt_store_begin(s, &err), 0);
        for (int i = 0; i < 100; i++) {
            char title[64];
            snprintf(title, sizeof title, "Tin số %d lô %d", i, b);
            int len = 0;
            for (int k = 0; k < 60; k++)
                len += snprintf(body + len, sizeof body - (size_t)len, "từ%d_%d_%d ", b, i, k);
            bt_article *a = make(title, body, NULL);
            assert_int_equal(test_store_add(s, a, NULL, NULL, &err), BT_STORE_ADDED);
            bt_article_free(a);
        }
        assert_int_equal(bt_store_commit(s, &err), 0);
    }
    /* the committed batches are in the WAL, not yet copied into the file */
    int64_t pages = count(s, "PRAGMA page_count");
    assert_true(file_bytes(wal) > 4096 * 200);
    assert_true(file_bytes(path) < 4096 * pages);
    assert_int_equal(bt_store_open(path, BT_STORE_READONLY, &r, &err), 0);
    assert_int_equal(count(r, "SELECT count(*) FROM articles"), 1200);
    bt_store_close(r);
    bt_store_close(s);
    assert_int_equal(file_bytes(wal), -1);
    assert_true(file_bytes(path) >= 4096 * pages);
    assert_int_equal(bt_store_open(path, 0, &r, &err), 0);
    assert_int_equal(count(r, "SELECT count(*) FROM articles"), 1200);
    assert_int_equal(bt_store_check(r, &err), 0);
    bt_store_close(r);
    rm_db(path);
}

static void exec_sql(const char *path, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
    sqlite3_close(db);
}

static void test_schema_versions(void **state)
{
    (void)state;
    char *path = temp_db();
    bt_store *s;
    bt_error err;
    /* a version-1 file (no index yet), as an older bantin made it, with one article */
    exec_sql(path,
             "CREATE TABLE articles(n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, url TEXT,"
             " source TEXT, title TEXT NOT NULL, published TEXT, lede TEXT, lang TEXT,"
             " authors TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '',"
             " captions TEXT NOT NULL DEFAULT '', added_at TEXT NOT NULL);"
             "CREATE TABLE origins(article INTEGER NOT NULL, origin TEXT NOT NULL,"
             " content_hash INTEGER NOT NULL UNIQUE, size INTEGER NOT NULL,"
             " added_at TEXT NOT NULL);"
             "CREATE TABLE images(article INTEGER NOT NULL, pos INTEGER NOT NULL, src TEXT,"
             " caption TEXT NOT NULL, credit TEXT, PRIMARY KEY(article, pos)) WITHOUT ROWID;"
             "CREATE TABLE related(article INTEGER NOT NULL, pos INTEGER NOT NULL,"
             " title TEXT NOT NULL, url TEXT, PRIMARY KEY(article, pos)) WITHOUT ROWID;"
             "CREATE TABLE sources(name TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;"
             "INSERT INTO articles(id, title, body, added_at) VALUES"
             " ('00000000000000aa', 'Cũ', 'Bài viết từ phiên bản trước.', '2020-01-01T00:00:00Z');"
             "PRAGMA user_version = 1;");
    assert_int_equal(bt_store_open(path, BT_STORE_READONLY, &s, &err), BT_EUNSUPPORTED);
    assert_non_null(strstr(err.msg, "upgrading"));
    assert_int_equal(bt_store_open(path, 0, &s, &err), 0);
    assert_int_equal(matches(s, "phien ban"), 1);
    assert_int_equal(bt_store_check(s, &err), 0);
    bt_store_close(s);
    /* every step ran: the last one set FTS5's merge width */
    sqlite3 *h;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(h, "SELECT v FROM articles_fts_config WHERE k = 'automerge'",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 10);
    sqlite3_finalize(st);
    sqlite3_close(h);
    /* a file from a newer bantin is refused, and left as it was */
    exec_sql(path, "PRAGMA user_version = 99");
    assert_int_equal(bt_store_open(path, 0, &s, &err), BT_EUNSUPPORTED);
    assert_null(s);
    assert_non_null(strstr(err.msg, "newer bantin"));
    assert_non_null(strstr(err.msg, path));
    rm_db(path);
}

/* The friend interface (store/db.h): statements prepared on the store's connection report
 * the store's errors; the read-mostly setup is the store's, once, and a search asks for it. */
static void test_friend_interface(void **state)
{
    (void)state;
    char *path = temp_db();
    bt_error err;
    bt_store *s = NULL;
    assert_int_equal(bt_store_open(path, 0, &s, &err), 0);
    bt_store_close(s);
    assert_int_equal(bt_store_open(path, BT_STORE_READONLY, &s, &err), 0);
    sqlite3_stmt *st = NULL;
    assert_int_equal(bti_store_prepare(s, "SELECT x FROM nowhere", "peeking", &st, &err),
                     BT_EDB);
    assert_null(st);
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, "peeking"));
    assert_non_null(strstr(err.msg, "no such table: nowhere"));
    assert_int_equal(bti_store_prepare(s, "PRAGMA cache_size", "peeking", &st, &err), 0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_true(sqlite3_column_int64(st, 0) != -65536); /* a reader starts with SQLite's */
    sqlite3_finalize(st);
    bt_search_results *r = NULL;
    assert_int_equal(bt_search_run(s, "anything", NULL, &r, &err), 0);
    bt_search_results_free(r);
    assert_int_equal(count(s, "PRAGMA cache_size"), -65536);
    bti_store_read_mostly(s); /* again: nothing more */
    assert_int_equal(count(s, "PRAGMA cache_size"), -65536);
    bt_store_close(s);
    rm_db(path);
}

static void test_open_errors(void **state)
{
    (void)state;
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open("/nonexistent-dir/x.db", 0, &s, &err), BT_EIO);
    assert_non_null(strstr(err.msg, "/nonexistent-dir"));
    assert_int_equal(bt_store_open("/tmp/no-such-bantin.db", BT_STORE_READONLY, &s, &err),
                     BT_ENOTFOUND);
    char *junk = test_write_temp("this is not a database, not at all, no.............", 52, ".db");
    assert_int_not_equal(bt_store_open(junk, 0, &s, &err), 0);
    assert_null(s);
    assert_non_null(strstr(err.msg, junk));
    unlink(junk);
    free(junk);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_get_round_trip), cmocka_unit_test(test_duplicates_fold),
        cmocka_unit_test(test_tokenizer),          cmocka_unit_test(test_remove_iterate),
        cmocka_unit_test(test_batch_index),        cmocka_unit_test(test_wal_window),
        cmocka_unit_test(test_schema_versions),    cmocka_unit_test(test_open_errors),
        cmocka_unit_test(test_friend_interface),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
