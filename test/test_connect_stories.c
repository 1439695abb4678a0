/* test_connect_stories.c: stories kept in the store (src/connect/story_db.c, story_api.c,
 * story_state.c) as `bantin add` stores articles: a hand-made Vietnamese story and its
 * timeline (the first report named, a reprint folded into its original's line), its
 * follow-ups one and three days later joining it run by run as in a rebuild, the same
 * stories whatever the order of arrival within a day and however the articles are split
 * into runs, equal to a rebuild; removals and re-adds; a schema-5 file upgraded in place;
 * bad input (unknown ids, an empty store, no date, no text); the CLI (`bantin stories`,
 * `bantin story`, `connect --rebuild`); and SIGKILL during an add. */
#include "support.h"

#include "bantin.h"
#include "store/db.h" /* to look into the tables, and to write a schema-5 file */
#include "connect/connect.h"
#include "core/date.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- the hand-made Vietnamese set ---------------------------------------------------------- */

/* A flood in Quảng Nam told through one day by five outlets (one a reprint of the first
 * report, word for word under a new headline), and three articles of other news. */
enum { FLOOD1, FLOOD2, FLOOD3, FLOOD_COPY, FLOOD4, GOLD, FOOTBALL, TRAFFIC, NVI };

static const char *const flood_body =
    "Mưa lớn kéo dài từ đêm qua khiến nước sông Thu Bồn dâng cao, nhiều xã ở huyện Đại Lộc "
    "và Duy Xuyên tỉnh Quảng Nam bị ngập sâu. Chính quyền địa phương đã sơ tán hơn hai nghìn "
    "hộ dân đến nơi an toàn, lực lượng cứu hộ dùng xuồng máy đưa người già và trẻ em ra khỏi "
    "vùng lũ. Ban chỉ huy phòng chống thiên tai tỉnh cho biết mực nước có thể tiếp tục lên "
    "trong ngày mai.";

static const struct vi_article {
    const char *title, *source, *published, *body;
} vi[NVI] = {
    [FLOOD1] = {"Lũ lớn trên sông Thu Bồn, Quảng Nam sơ tán hàng nghìn hộ dân", "VnExpress",
                "2024-10-28T06:30:00+07:00", NULL},
    [FLOOD2] = {"Quảng Nam: nước lũ sông Thu Bồn vượt báo động 3, Đại Lộc ngập sâu", "Tuổi Trẻ",
                "2024-10-28T09:15:00+07:00",
                "Đến trưa nay nước lũ trên sông Thu Bồn tại Ái Nghĩa đã vượt báo động 3. Nhiều "
                "tuyến đường ở huyện Đại Lộc bị chia cắt, người dân phải dùng thuyền để đi lại. "
                "Tỉnh Quảng Nam tiếp tục sơ tán dân ở vùng trũng."},
    [FLOOD3] = {"Lũ sông Thu Bồn bắt đầu rút, Quảng Nam khắc phục hậu quả", "Thanh Niên",
                "2024-10-28T14:00:00+07:00",
                "Chiều nay nước lũ trên sông Thu Bồn đã bắt đầu rút. Tại huyện Đại Lộc và Duy "
                "Xuyên, người dân Quảng Nam trở về nhà dọn bùn non sau lũ, chính quyền hỗ trợ "
                "lương thực cho các hộ bị ngập."},
    [FLOOD_COPY] = {"Quảng Nam sơ tán hơn hai nghìn hộ dân vì lũ sông Thu Bồn", "Báo Mới",
                    "2024-10-28T07:10:00+07:00", NULL},
    [FLOOD4] = {"Lũ sông Thu Bồn lên cao, Quảng Nam sơ tán thêm dân ở Đại Lộc", "VOV",
                "2024-10-28T18:00:00+07:00",
                "Theo báo cáo của tỉnh Quảng Nam, lũ trên sông Thu Bồn làm ngập hàng trăm ha "
                "lúa ở Đại Lộc và Duy Xuyên, hàng nghìn hộ dân phải sơ tán. Mực nước sông Thu "
                "Bồn vẫn ở mức cao."},
    [GOLD] = {"Giá vàng SJC hôm nay tăng mạnh, vượt 90 triệu đồng mỗi lượng", "VnExpress",
              "2024-10-28T10:00:00+07:00",
              "Giá vàng miếng SJC sáng nay được các doanh nghiệp niêm yết tăng thêm một triệu "
              "đồng mỗi lượng so với hôm qua, theo đà tăng của giá vàng thế giới."},
    [FOOTBALL] = {"Đội tuyển Việt Nam triệu tập 30 cầu thủ chuẩn bị cho AFF Cup", "Tuổi Trẻ",
                  "2024-10-28T20:00:00+07:00",
                  "Huấn luyện viên Kim Sang-sik công bố danh sách 30 cầu thủ tập trung đội tuyển "
                  "Việt Nam chuẩn bị cho giải vô địch Đông Nam Á cuối năm."},
    [TRAFFIC] = {"Hà Nội phân luồng giao thông để thi công đường vành đai 4", "Thanh Niên",
                 "2024-10-29T09:00:00+07:00",
                 "Sở Giao thông vận tải Hà Nội thông báo phân luồng giao thông trên quốc lộ 32 "
                 "từ ngày mai để thi công cầu vượt của đường vành đai 4."},
};

/* One JSONL article record of vi[i]. */
static void vi_record(size_t i, char *out, size_t cap)
{
    const struct vi_article *a = &vi[i];
    snprintf(out, cap,
             "{\"title\": \"%s\", \"source\": \"%s\", \"published\": \"%s\", \"lang\": \"vi\","
             " \"body\": [\"%s\"]}\n",
             a->title, a->source, a->published, a->body ? a->body : flood_body);
}

typedef struct fixture {
    char dir[64];
    char db[96];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    strcpy(f->dir, "/tmp/bantin-stories-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
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

/* Stores the JSONL records `all` through the ingest pipeline as `bantin add` does. */
static void ingest_text(const char *db, const char *all)
{
    bt_ingest_opts o = BT_INGEST_OPTS_INIT;
    o.db = db;
    o.jobs = 2;
    o.read_flags = BT_READ_RECORDS;
    bt_ingest *g = NULL;
    bt_error err;
    if (bt_ingest_new(&o, &g, &err))
        fail_msg("ingest: %s", err.msg);
    if (*all)
        assert_int_equal(bt_ingest_add_mem(g, all, strlen(all), "records.jsonl", &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    if (bt_ingest_run(g, &st, &err))
        fail_msg("run: %s", err.msg);
    assert_int_equal(st.failed, 0);
    bt_ingest_free(g);
}

/* Stores vi[which[0..n)] in this order, in one run. */
static void ingest_vi(const char *db, const int *which, size_t n)
{
    char *all = calloc(n + 1, 4096);
    assert_non_null(all);
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        vi_record((size_t)which[i], all + len, 4096);
        len += strlen(all + len);
    }
    ingest_text(db, all);
    free(all);
}

/* ingest_vi, then the store opened (the caller closes it). */
static bt_store *ingest_vi_open(const char *db, const int *which, size_t n)
{
    ingest_vi(db, which, n);
    bt_store *s = NULL;
    bt_error err;
    assert_int_equal(bt_store_open(db, 0, &s, &err), 0);
    return s;
}

static void id_of(bt_store *s, const char *title, char id[17])
{
    sqlite3_stmt *st;
    bt_error err;
    assert_int_equal(bti_store_prepare(s, "SELECT id FROM articles WHERE title = ?", "t", &st,
                                       &err),
                     0);
    sqlite3_bind_text(st, 1, title, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(id, 17, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

static int64_t count(bt_store *s, const char *sql)
{
    sqlite3_stmt *st;
    bt_error err;
    assert_int_equal(bti_store_prepare(s, sql, "t", &st, &err), 0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static int64_t story_of_title(bt_store *s, const char *title)
{
    char id[17];
    id_of(s, title, id);
    int64_t sid = -1;
    bt_error err;
    if (bt_story_of(s, id, &sid, &err))
        fail_msg("story of '%s': %s", title, err.msg);
    return sid;
}

static int cmp_id(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

static int cmp_line(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The stories as one string: each story's sorted article ids, the stories sorted; the same
 * string for the same partition of the same articles, whatever the row numbers. */
static char *partition(bt_store *s)
{
    bt_stories_opts o = BT_STORIES_OPTS_INIT;
    o.flags = BT_STORIES_MEMBERS;
    bt_stories *l = NULL;
    bt_error err;
    if (bt_stories_list(s, &o, &l, &err))
        fail_msg("list: %s", err.msg);
    char **lines = calloc(l->n + 1, sizeof *lines);
    assert_non_null(lines);
    size_t total = 1, members = 0;
    for (size_t i = 0; i < l->n; i++) {
        bt_story *st = &l->stories[i];
        assert_int_equal(st->narticles, st->size);
        members += st->size;
        qsort(st->articles, st->narticles, sizeof *st->articles, cmp_id);
        lines[i] = calloc(st->narticles + 1, 17);
        assert_non_null(lines[i]);
        for (size_t k = 0; k < st->narticles; k++) {
            strcat(lines[i], st->articles[k]);
            strcat(lines[i], k + 1 < st->narticles ? "," : "");
        }
        total += strlen(lines[i]) + 1;
    }
    qsort(lines, l->n, sizeof *lines, cmp_line);
    char *out = calloc(1, total);
    assert_non_null(out);
    for (size_t i = 0; i < l->n; i++) {
        strcat(out, lines[i]);
        strcat(out, ";");
        free(lines[i]);
    }
    free(lines);
    /* every stored article is in exactly one story */
    assert_int_equal((int64_t)members, count(s, "SELECT count(*) FROM articles"));
    bt_stories_free(l);
    return out;
}

/* ---- the Vietnamese story and its timeline -------------------------------------------------- */

/* The flood's five articles make one story, the other three none of it; the timeline lists
 * the flood by date, the first report first (named), the reprint folded into its line. */
static void test_vi_timeline(void **state)
{
    fixture *f = *state;
    const int order[] = {TRAFFIC, FLOOD3, GOLD, FLOOD_COPY, FLOOD4, FOOTBALL, FLOOD2, FLOOD1};
    ingest_vi(f->db, order, NVI);
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, BT_STORE_READONLY, &s, &err), 0);
    int64_t flood = story_of_title(s, vi[FLOOD1].title);
    for (int i = FLOOD2; i <= FLOOD4; i++)
        assert_int_equal(story_of_title(s, vi[i].title), flood);
    for (int i = GOLD; i < NVI; i++)
        assert_true(story_of_title(s, vi[i].title) != flood);
    bt_story *st = NULL;
    assert_int_equal(bt_story_get(s, flood, &st, &err), 0);
    assert_int_equal(st->size, 5);
    assert_int_equal(st->narticles, 5);
    assert_non_null(strstr(st->title, "Thu Bồn"));
    assert_int_equal(st->nsources, 5);
    assert_string_equal(st->sources[0], "Báo Mới"); /* ties: by name */
    assert_true(st->nterms > 0);
    /* the first report opens the timeline; its reprint is no line of its own */
    assert_int_equal(st->ntimeline, 4);
    assert_string_equal(st->timeline[0].title, vi[FLOOD1].title);
    assert_string_equal(st->timeline[0].source, "VnExpress");
    assert_string_equal(st->timeline[0].published, vi[FLOOD1].published);
    assert_int_equal(st->timeline[0].copies, 1);
    assert_string_equal(st->timeline[1].title, vi[FLOOD2].title);
    assert_string_equal(st->timeline[2].title, vi[FLOOD3].title);
    assert_string_equal(st->timeline[3].title, vi[FLOOD4].title);
    for (size_t i = 1; i < st->ntimeline; i++) {
        assert_int_equal(st->timeline[i].copies, 0);
        assert_true(st->timeline[i].date >= st->timeline[i - 1].date);
    }
    /* 2024-10-28T06:30:00+07:00 .. 2024-10-28T18:00:00+07:00 */
    assert_int_equal(st->first, 1730071800);
    assert_int_equal(st->last, 1730113200);
    char *json = NULL;
    assert_int_equal(bt_story_to_json(st, 0, &json, &err), 0);
    char want[128];
    snprintf(want, sizeof want, "{\"id\":%lld,\"title\":", (long long)flood);
    assert_true(strncmp(json, want, strlen(want)) == 0);
    assert_non_null(strstr(json, "\"size\":5,\"first\":\"2024-10-27T23:30:00Z\","
                                 "\"last\":\"2024-10-28T11:00:00Z\",\"sources\":[\"Báo Mới\","));
    assert_non_null(strstr(json, "\"copies\":1"));
    free(json);
    bt_story_free(st);
    /* the list: newest activity first; --min-size */
    bt_stories_opts o = BT_STORIES_OPTS_INIT;
    o.min_size = 2;
    bt_stories *l = NULL;
    assert_int_equal(bt_stories_list(s, &o, &l, &err), 0);
    assert_int_equal(l->n, 1);
    assert_int_equal(l->stories[0].id, flood);
    assert_null(l->stories[0].articles);
    bt_stories_free(l);
    o = (bt_stories_opts)BT_STORIES_OPTS_INIT;
    assert_int_equal(bt_stories_list(s, &o, &l, &err), 0);
    assert_int_equal(l->n, 4);
    for (size_t i = 1; i < l->n; i++)
        assert_true(l->stories[i].last <= l->stories[i - 1].last);
    bt_stories_free(l);
    o.since = 1730113200 + 1; /* after the flood's last article: football, traffic */
    assert_int_equal(bt_stories_list(s, &o, &l, &err), 0);
    assert_int_equal(l->n, 2);
    assert_true(l->stories[0].id != flood && l->stories[1].id != flood);
    bt_stories_free(l);
    bt_store_close(s);
}

/* ---- any order of arrival within a day -------------------------------------------------- */

/* Records of the Google News week (titles only; every 15th of its first three days), as JSONL
 * lines, in file order (which is by day). NULL when the shared data is not there. */
static char **week_records(size_t *n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/dev/stories/uci-dev/articles.jsonl", test_shared_dir());
    FILE *fp = fopen(path, "r");
    if (!fp)
        return NULL;
    char **v = NULL, line[8192];
    size_t cap = 0, i = 0;
    *n = 0;
    while (fgets(line, sizeof line, fp)) {
        if (i++ % 15 || !strstr(line, "\"published\": \"2014-04-1") ||
            strstr(line, "\"published\": \"2014-04-17"))
            continue;
        if (strstr(line, "\"published\": \"2014-04-17"))
            break;
        char *b = strstr(line, "\"body\": []");
        assert_non_null(b);
        char rec[8300];
        /* the set has no text: a record needs a paragraph, the store drops it empty */
        snprintf(rec, sizeof rec, "%.*s\"body\": [\"\"]%s", (int)(b - line), line, b + 10);
        if (*n == cap) {
            cap = cap ? cap * 2 : 256;
            v = realloc(v, cap * sizeof *v);
            assert_non_null(v);
        }
        v[(*n)++] = strdup(rec);
    }
    fclose(fp);
    return v;
}

static int64_t day_of(const char *rec)
{
    const char *p = strstr(rec, "\"published\": \"");
    return p ? atoi(p + 14 + 8) : 0; /* the day of the month */
}

/* Stores recs in runs: `perm` shuffles within each day (0: file order), and a run ends every
 * `run_len` records and at each day's end. */
static void ingest_week(const char *db, char **recs, size_t n, unsigned perm, size_t run_len)
{
    char **v = malloc(n * sizeof *v);
    assert_non_null(v);
    memcpy(v, recs, n * sizeof *v);
    uint32_t x = perm;
    for (size_t a = 0; perm && a < n;) {
        size_t b = a;
        while (b < n && day_of(v[b]) == day_of(v[a]))
            b++;
        for (size_t i = b - 1; i > a; i--) { /* Fisher-Yates within the day */
            x = x * 1103515245u + 12345u;
            size_t j = a + (x >> 8) % (i - a + 1);
            char *t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        a = b;
    }
    size_t total = 1;
    for (size_t i = 0; i < n; i++)
        total += strlen(v[i]);
    char *all = malloc(total);
    assert_non_null(all);
    for (size_t a = 0; a < n;) {
        size_t len = 0, b = a;
        while (b < n && (b == a || (b - a < run_len && day_of(v[b]) == day_of(v[a])))) {
            memcpy(all + len, v[b], strlen(v[b]));
            len += strlen(v[b]);
            b++;
        }
        all[len] = 0;
        ingest_text(db, all);
        a = b;
    }
    free(all);
    free(v);
}

static void test_any_order(void **state)
{
    fixture *f = *state;
    size_t n = 0;
    char **recs = week_records(&n);
    if (!recs)
        skip();
    assert_true(n > 500);
    const struct {
        unsigned perm;
        size_t run_len;
    } ways[] = {{0, (size_t)-1}, {1, (size_t)-1}, {7, 150}, {12345, 60}};
    char *first = NULL;
    bt_error err;
    for (size_t w = 0; w < sizeof ways / sizeof ways[0]; w++) {
        char db[128];
        snprintf(db, sizeof db, "%s/w%zu.db", f->dir, w);
        ingest_week(db, recs, n, ways[w].perm, ways[w].run_len);
        bt_store *s;
        assert_int_equal(bt_store_open(db, 0, &s, &err), 0);
        char *p = partition(s);
        if (!first) {
            first = p;
            /* not trivial: stories of several articles and stories of one */
            assert_true(count(s, "SELECT count(*) FROM stories WHERE size >= 5") > 5);
            assert_true(count(s, "SELECT count(*) FROM stories") < (int64_t)n * 3 / 4);
        } else {
            assert_string_equal(p, first);
            free(p);
        }
        /* the rebuild gives the same stories */
        assert_int_equal(bt_stories_rebuild(s, &err), 0);
        p = partition(s);
        assert_string_equal(p, first);
        free(p);
        bt_store_close(s);
    }
    free(first);
    for (size_t i = 0; i < n; i++)
        free(recs[i]);
    free(recs);
}

/* ---- removals, re-adds, upgrades, bad input ------------------------------------------------ */

/* Removing an article takes it out of its story at once (size and dates follow); the next
 * add makes the stories again and equals a rebuild; the article added again rejoins. */
static void test_rm_readd(void **state)
{
    fixture *f = *state;
    const int order[] = {FLOOD1, FLOOD2, FLOOD_COPY, GOLD, FLOOD3, FLOOD4, FOOTBALL, TRAFFIC};
    ingest_vi(f->db, order, NVI);
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    int64_t flood = story_of_title(s, vi[FLOOD2].title);
    char id[17];
    id_of(s, vi[FLOOD4].title, id);
    char *before = partition(s);
    assert_int_equal(bt_store_remove(s, id, &err), 0);
    bt_story *st = NULL;
    assert_int_equal(bt_story_get(s, flood, &st, &err), 0);
    assert_int_equal(st->size, 4);
    assert_int_equal(st->narticles, 4);
    assert_int_equal(st->last, 1730098800); /* FLOOD3: 14:00+07:00 */
    bt_story_free(st);
    int64_t sid;
    assert_int_equal(bt_story_of(s, id, &sid, &err), BT_ENOTFOUND);
    assert_int_equal(count(s, "SELECT count(*) FROM story_state"), 0);
    /* a story of one article removed: gone */
    char gold[17];
    id_of(s, vi[GOLD].title, gold);
    int64_t gold_story = story_of_title(s, vi[GOLD].title);
    assert_int_equal(bt_store_remove(s, gold, &err), 0);
    assert_int_equal(bt_story_get(s, gold_story, &st, &err), BT_ENOTFOUND);
    bt_store_close(s);
    /* added again: the stories are what they were */
    const int again[] = {FLOOD4, GOLD};
    ingest_vi(f->db, again, 2);
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    char *after = partition(s);
    assert_string_equal(after, before);
    free(after);
    assert_int_equal(bt_stories_rebuild(s, &err), 0);
    after = partition(s);
    assert_string_equal(after, before);
    free(after);
    free(before);
    bt_store_close(s);
}

/* A store written at schema 5 (the same file less step 6) is upgraded in place by the next
 * add, and its articles join stories then. */
static void test_upgrade_from_5(void **state)
{
    fixture *f = *state;
    const int order[] = {FLOOD1, FLOOD2, GOLD};
    ingest_vi(f->db, order, 3);
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    /* undo top's step 8 -> 9, the store's view of 7 -> 8 (its index is made again by the step), top's step
     * 6 -> 7 and the stories' 5 -> 6: a store of schema 5 */
    assert_int_equal(sqlite3_exec(bti_store_db(s),
                                  "DROP VIEW articles_fts_text;"
                                  " DROP TRIGGER top_articles_ad; DROP TABLE views;"
                                  " DROP TABLE most_read; DROP INDEX articles_title_hash;"
                                  " DROP INDEX articles_kind; ALTER TABLE articles DROP COLUMN kind;"
                                  " DROP TRIGGER stories_articles_ad; DROP TABLE story_state;"
                                  " DROP TABLE story_articles; DROP TABLE stories;"
                                  " PRAGMA user_version = 5;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    bt_store_close(s);
    assert_int_equal(bt_store_open(f->db, BT_STORE_READONLY, &s, &err), BT_EUNSUPPORTED);
    const int more[] = {FLOOD3};
    ingest_vi(f->db, more, 1);
    assert_int_equal(bt_store_open(f->db, BT_STORE_READONLY, &s, &err), 0);
    assert_int_equal(count(s, "PRAGMA user_version"), BT_STORE_SCHEMA_VERSION);
    assert_int_equal(count(s, "SELECT count(*) FROM story_articles"), 4);
    int64_t flood = story_of_title(s, vi[FLOOD1].title);
    assert_int_equal(story_of_title(s, vi[FLOOD3].title), flood);
    assert_true(story_of_title(s, vi[GOLD].title) != flood);
    bt_store_close(s);
}

/* Unknown ids, an empty store, articles without a date or without a word. */
static void test_bad_input(void **state)
{
    fixture *f = *state;
    ingest_text(f->db, ""); /* creates the store */
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    bt_stories *l = NULL;
    assert_int_equal(bt_stories_list(s, NULL, &l, &err), 0);
    assert_int_equal(l->n, 0);
    bt_stories_free(l);
    bt_story *st = (bt_story *)1;
    assert_int_equal(bt_story_get(s, 42, &st, &err), BT_ENOTFOUND);
    assert_null(st);
    assert_non_null(strstr(err.msg, "no story 42"));
    int64_t sid;
    assert_int_equal(bt_story_of(s, "0123456789abcdef", &sid, &err), BT_ENOTFOUND);
    assert_non_null(strstr(err.msg, "0123456789abcdef"));
    assert_int_equal(bt_stories_rebuild(s, &err), 0);
    bt_stories_opts o = BT_STORIES_OPTS_INIT;
    o.flags = 0x80;
    assert_int_equal(bt_stories_list(s, &o, &l, &err), BT_EINVAL);
    bt_store_close(s);
    /* no date, no word: stored and clustered, each a story of its own */
    ingest_text(f->db, "{\"title\": \"—\", \"body\": [\"!!!\"]}\n"
                       "{\"title\": \"Tin không ngày tháng\", \"body\": [\"Một bài không có ngày.\"]}\n");
    assert_int_equal(bt_store_open(f->db, BT_STORE_READONLY, &s, &err), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM story_articles"), 2);
    assert_int_equal(count(s, "SELECT count(*) FROM stories"), 2);
    char id[17];
    id_of(s, "—", id);
    assert_int_equal(bt_story_of(s, id, &sid, &err), 0);
    assert_int_equal(bt_story_get(s, sid, &st, &err), 0);
    assert_int_equal(st->ntimeline, 1);
    assert_null(st->timeline[0].published);
    assert_null(st->timeline[0].source);
    char *json = NULL;
    assert_int_equal(bt_story_to_json(st, 0, &json, &err), 0);
    assert_non_null(strstr(json, "\"source\":null,\"published\":null"));
    free(json);
    assert_int_equal(bt_story_to_json(st, 0x40, &json, &err), BT_EINVAL);
    bt_story_free(st);
    bt_store_close(s);
}

/* ---- the CLI ------------------------------------------------------------------------------ */

static void test_cli(void **state)
{
    fixture *f = *state;
    const int order[] = {FLOOD1, FLOOD2, FLOOD3, FLOOD_COPY, FLOOD4, GOLD, FOOTBALL, TRAFFIC};
    ingest_vi(f->db, order, NVI);
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, BT_STORE_READONLY, &s, &err), 0);
    int64_t flood = story_of_title(s, vi[FLOOD1].title);
    char first[17];
    id_of(s, vi[FLOOD1].title, first);
    bt_store_close(s);
    char cmd[512], *out = NULL, *errs = NULL, want[128];
    snprintf(cmd, sizeof cmd, "%s stories --db '%s' --format json --members --min-size 2",
             test_bantin_bin(), f->db);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    snprintf(want, sizeof want, "{\"id\":%lld,\"title\":\"", (long long)flood);
    assert_true(strncmp(out, want, strlen(want)) == 0);
    assert_non_null(strstr(out, "\"size\":5,\"first\":\"2024-10-27T23:30:00Z\""));
    assert_non_null(strstr(out, "\"terms\":["));
    assert_non_null(strstr(out, "\"articles\":[\""));
    assert_non_null(strstr(out, first));
    assert_int_equal(strchr(out, '\n') - out + 1, (long)strlen(out)); /* one line */
    free(out);
    /* text: one line a story; --since */
    snprintf(cmd, sizeof cmd, "TZ=UTC %s stories --db '%s' --since 2024-10-28T12:00+07:00",
             test_bantin_bin(), f->db);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    snprintf(want, sizeof want, "%lld\t5\t2024-10-27 23:30 +0000\t2024-10-28 11:00 +0000\t",
             (long long)flood);
    assert_non_null(strstr(out, want));
    assert_null(strstr(out, "Giá vàng")); /* its only article is of the morning */
    free(out);
    /* the timeline in local time with the offset, the first report named, copies counted */
    snprintf(cmd, sizeof cmd, "TZ=Asia/Ho_Chi_Minh %s story --db '%s' --timeline %lld",
             test_bantin_bin(), f->db, (long long)flood);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    snprintf(want, sizeof want, "2024-10-28 06:30 +0700  %s  VnExpress  ", first);
    assert_non_null(strstr(out, want));
    assert_non_null(strstr(out, "+1 copy  (first report)\n"));
    assert_non_null(strstr(out, "2024-10-28 18:00 +0700"));
    assert_null(strstr(out, "Báo Mới  ")); /* the reprint has no line */
    free(out);
    snprintf(cmd, sizeof cmd, "%s story --db '%s' --format json %lld", test_bantin_bin(), f->db,
             (long long)flood);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    assert_non_null(strstr(out, "\"timeline\":[{\"id\":\""));
    free(out);
    /* bad input: no such story (1), not a number, a bad date (2) */
    snprintf(cmd, sizeof cmd, "%s story --db '%s' 999999", test_bantin_bin(), f->db);
    assert_int_equal(test_run(cmd, NULL, &errs), 1);
    assert_non_null(strstr(errs, "no story 999999"));
    free(errs);
    snprintf(cmd, sizeof cmd, "%s story --db '%s' abc", test_bantin_bin(), f->db);
    assert_int_equal(test_run(cmd, NULL, &errs), 2);
    free(errs);
    snprintf(cmd, sizeof cmd, "%s stories --db '%s' --since yesterday", test_bantin_bin(), f->db);
    assert_int_equal(test_run(cmd, NULL, &errs), 2);
    assert_non_null(strstr(errs, "--since"));
    free(errs);
    /* connect --rebuild: the same stories */
    snprintf(cmd, sizeof cmd, "%s stories --db '%s' --format json --members", test_bantin_bin(),
             f->db);
    char *json = NULL;
    assert_int_equal(test_run(cmd, &json, NULL), 0);
    snprintf(cmd, sizeof cmd, "%s connect --db '%s' --rebuild", test_bantin_bin(), f->db);
    assert_int_equal(test_run(cmd, NULL, &errs), 0);
    assert_non_null(strstr(errs, "stories rebuilt: 4 stories"));
    free(errs);
    snprintf(cmd, sizeof cmd, "%s stories --db '%s' --format json --members", test_bantin_bin(),
             f->db);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    assert_string_equal(out, json);
    free(out);
    free(json);
}

/* ---- SIGKILL during a connect-heavy add ------------------------------------------------------ */

/* Stories are whole after a kill: each story's size is its members, every member is a stored
 * article. */
static void check_whole(bt_store *s)
{
    assert_int_equal(count(s, "SELECT count(*) FROM stories st WHERE size <>"
                              " (SELECT count(*) FROM story_articles WHERE story = st.id)"),
                     0);
    assert_int_equal(count(s, "SELECT count(*) FROM story_articles sa WHERE NOT EXISTS"
                              " (SELECT 1 FROM articles WHERE n = sa.article)"),
                     0);
    assert_int_equal(count(s, "SELECT count(*) FROM stories st WHERE NOT EXISTS"
                              " (SELECT 1 FROM story_articles WHERE story = st.id)"),
                     0);
}

/* `bantin add` killed (SIGKILL) once soon after its first commit and once later (in its
 * stories, as it may be): what it committed stays, no story is half written, and the next
 * add completes the stories as a rebuild makes them. */
static void test_sigkill(void **state)
{
    fixture *f = *state;
    char in[128], errp[128];
    snprintf(in, sizeof in, "%s/in.jsonl", f->dir);
    snprintf(errp, sizeof errp, "%s/err.txt", f->dir);
    FILE *fp = fopen(in, "w");
    assert_non_null(fp);
    /* 300 stories of 8 articles over three days: each story's words, and words of each
     * article's own (made-up syllables: few shared by all) */
    static const char *const on[] = {"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "ph",
                                     "qu", "r", "s", "t", "th", "tr", "v", "x", "nh"};
    static const char *const rh[] = {"a", "á", "à", "ảnh", "ân", "ương", "iên", "ôi", "ưa",
                                     "ai", "ao", "om", "ình", "úc", "ất", "ên"};
    unsigned x = 99;
    for (int i = 0; i < 2400; i++) {
        int k = i % 300;
        fprintf(fp, "{\"title\":\"");
        for (int w = 0; w < 12; w++) {
            unsigned r;
            if (w < 7)
                r = (unsigned)k * 7919u + (unsigned)w * 104729u;
            else
                x = x * 1103515245u + 12345u, r = x >> 8;
            fprintf(fp, "%s%s%s%s%s", w ? " " : "", on[r % 20], rh[r / 20 % 16],
                    on[r / 320 % 20], rh[r / 6400 % 16]);
        }
        fprintf(fp, "\",\"body\":[\"Bài %d.\"],\"lang\":\"vi\","
                    "\"published\":\"2024-10-%02dT%02d:%02d:00+07:00\"}\n",
                i, 26 + k % 3, i / 100, i % 60);
    }
    assert_int_equal(fclose(fp), 0);
    for (int round = 0; round < 2; round++) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            if (!freopen(errp, "w", stderr) || !freopen("/dev/null", "w", stdout))
                _exit(126);
            execl(test_bantin_bin(), "bantin", "add", "--verbose", "--batch", "100", "--jobs",
                  "1", "--db", f->db, in, (char *)NULL);
            _exit(127);
        }
        /* the first commit, then (the second time) a while more */
        for (int i = 0; i < 1200; i++) {
            char *e = test_read_file(errp, NULL);
            int committed = e && strstr(e, "committed");
            free(e);
            if (committed)
                break;
            struct timespec d = {0, 25000000L};
            nanosleep(&d, NULL);
        }
        if (round) {
            struct timespec d = {1, 500000000L};
            nanosleep(&d, NULL);
        }
        kill(pid, SIGKILL);
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        bt_store *s;
        bt_error err;
        assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
        assert_true(count(s, "SELECT count(*) FROM articles") > 0);
        check_whole(s);
        bt_store_close(s);
    }
    /* the next add completes what was cut short */
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s add -q --db '%s' '%s'", test_bantin_bin(), f->db, in);
    assert_int_equal(test_run(cmd, NULL, NULL), 0);
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM articles"), 2400);
    check_whole(s);
    char *p = partition(s);
    assert_true(count(s, "SELECT count(*) FROM stories") < 2400 / 2);
    assert_int_equal(bt_stories_rebuild(s, &err), 0);
    char *q = partition(s);
    assert_string_equal(p, q);
    free(p);
    free(q);
    bt_store_close(s);
}


/* ---- a story over days ------------------------------------------------------------------- */

/* The flood's follow-ups, one and three days after its last report, each stored in a run of
 * its own (the catch-up loads the state saved before its day): they share the flood's terms
 * (places, the river, sơ tán) and join its story though the decay has quartered it, as a
 * rebuild has them; the next day's traffic news of Hà Nội stays out. */
static const char *const followups[] = {
    "{\"title\": \"Quảng Nam: lũ sông Thu Bồn rút chậm, nhiều xã ở Đại Lộc vẫn ngập sâu\","
    " \"source\": \"Dân Trí\", \"published\": \"2024-10-29T16:00:00+07:00\", \"lang\": \"vi\","
    " \"body\": [\"Một ngày sau trận lũ lớn, nước sông Thu Bồn rút chậm, nhiều xã ở huyện Đại Lộc"
    " và Duy Xuyên tỉnh Quảng Nam vẫn bị ngập sâu. Hàng nghìn hộ dân đã sơ tán chưa thể trở về"
    " nhà, chính quyền địa phương tiếp tục hỗ trợ lương thực và nước sạch cho người dân vùng"
    " lũ.\"]}\n",
    "{\"title\": \"Lũ sông Thu Bồn rút, Quảng Nam hỗ trợ hộ dân vùng ngập khôi phục sản xuất\","
    " \"source\": \"Tuổi Trẻ\", \"published\": \"2024-11-01T10:00:00+07:00\", \"lang\": \"vi\","
    " \"body\": [\"Ba ngày sau trận lũ lớn trên sông Thu Bồn, nước đã rút khỏi các xã ở huyện Đại"
    " Lộc và Duy Xuyên, tỉnh Quảng Nam. Hơn hai nghìn hộ dân sơ tán trong lũ đã trở về nhà dọn bùn"
    " non; chính quyền địa phương hỗ trợ lương thực, nước sạch và giống lúa cho các hộ bị ngập sâu"
    " để khôi phục sản xuất.\"]}\n",
};

static void test_multi_day(void **state)
{
    fixture *f = *state;
    int first[] = {FLOOD1, FLOOD2, FLOOD3, FLOOD4, GOLD, FOOTBALL};
    ingest_vi(f->db, first, sizeof first / sizeof *first);
    int next[] = {TRAFFIC};
    ingest_vi(f->db, next, 1);
    ingest_text(f->db, followups[0]);
    ingest_text(f->db, followups[1]);
    bt_store *s = NULL;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    int64_t flood = story_of_title(s, vi[FLOOD1].title);
    assert_int_equal(story_of_title(s, "Quảng Nam: lũ sông Thu Bồn rút chậm, nhiều xã ở Đại Lộc"
                                       " vẫn ngập sâu"),
                     flood);
    assert_int_equal(story_of_title(s, "Lũ sông Thu Bồn rút, Quảng Nam hỗ trợ hộ dân vùng ngập"
                                       " khôi phục sản xuất"),
                     flood);
    assert_int_not_equal(story_of_title(s, vi[TRAFFIC].title), flood);
    char *before = partition(s);
    assert_int_equal(bt_stories_rebuild(s, &err), 0);
    char *after = partition(s);
    assert_string_equal(before, after);
    free(before);
    free(after);
    bt_store_close(s);
}

/* ---- runs that come after the clustered articles ------------------------------------------- */

/* Undated records of vi[which[0..n)] (no "published"), in one run. */
static void ingest_vi_undated(const char *db, const int *which, size_t n)
{
    char *all = calloc(n + 1, 4096);
    assert_non_null(all);
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        const struct vi_article *a = &vi[which[i]];
        snprintf(all + len, 4096,
                 "{\"title\": \"%s\", \"source\": \"%s\", \"lang\": \"vi\","
                 " \"body\": [\"%s\"]}\n",
                 a->title, a->source, a->body ? a->body : flood_body);
        len += strlen(all + len);
    }
    ingest_text(db, all);
    free(all);
}

/* CONTINUE_AT_END and UNDATED_ORDER (story_db.c): a run's undated articles share one
 * added_at; a later run's come after them, so its catch-up continues from the state saved at
 * the end of the last one and reads its own articles only. Seen by changing a clustered
 * article's words behind the store's back: a catch-up that re-read the day (as every one
 * did before, undated articles of a day being ties) would move it out of the flood. An
 * article that sorts before the clustered ones (dated two years earlier) makes the catch-up
 * start again from a saved state, which reads the changed words: then it equals a rebuild. */
static void test_continue_at_end(void **state)
{
    fixture *f = *state;
    const int first[] = {FLOOD1, FLOOD2, GOLD};
    ingest_vi_undated(f->db, first, 3);
    bt_store *s = NULL;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    assert_int_equal(count(s, "SELECT count(DISTINCT added_at) FROM articles"), 1);
    int64_t flood = story_of_title(s, vi[FLOOD1].title);
    assert_int_equal(story_of_title(s, vi[FLOOD2].title), flood);
    /* FLOOD2 now reads as football news */
    char sql[1024];
    snprintf(sql, sizeof sql, "UPDATE articles SET title = 'Tuyển Việt Nam tập trung cho AFF"
                              " Cup', lede = NULL, body = '%s' WHERE title = '%s'",
             vi[FOOTBALL].body, vi[FLOOD2].title);
    assert_int_equal(sqlite3_exec(bti_store_db(s), sql, NULL, NULL, NULL), SQLITE_OK);
    bt_store_close(s);
    sleep(1); /* the next run's added_at is a later second */
    const int second[] = {TRAFFIC};
    ingest_vi_undated(f->db, second, 1);
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    assert_int_equal(count(s, "SELECT count(DISTINCT added_at) FROM articles"), 2);
    assert_int_equal(story_of_title(s, "Tuyển Việt Nam tập trung cho AFF Cup"), flood);
    assert_int_not_equal(story_of_title(s, vi[TRAFFIC].title), flood);
    bt_store_close(s);
    /* an article before them all: from the start again, the changed words read */
    const int late[] = {FOOTBALL};
    ingest_vi(f->db, late, 1);
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    flood = story_of_title(s, vi[FLOOD1].title);
    assert_int_not_equal(story_of_title(s, "Tuyển Việt Nam tập trung cho AFF Cup"), flood);
    char *before = partition(s);
    assert_int_equal(bt_stories_rebuild(s, &err), 0);
    char *after = partition(s);
    assert_string_equal(before, after);
    free(before);
    free(after);
    bt_store_close(s);
}

/* BODY_PREFIX (story_db.c): the catch-up reads a body's opening through a blob handle, and
 * reads what a C string of the column holds: nothing after a NUL (GOLD's body is followed by
 * a NUL and the flood's words), and a body that is not text (an integer: BODY_FALLBACK) as
 * its column reads it. The stories are those of the same bodies without what follows the
 * NUL, and a rebuild and a catch-up agree. */
static char *saved_states(bt_store *s)
{
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(bti_store_db(s), "SELECT group_concat(hex(state), '|')"
                                        " FROM (SELECT state FROM story_state ORDER BY day)",
                                        -1, &q, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    const char *t = (const char *)sqlite3_column_text(q, 0);
    char *out = strdup(t ? t : "");
    assert_non_null(out);
    sqlite3_finalize(q);
    return out;
}

static void test_body_read(void **state)
{
    fixture *f = *state;
    const int all[] = {FLOOD1, FLOOD2, FLOOD3, GOLD, FOOTBALL};
    ingest_vi(f->db, all, 5);
    bt_store *s = NULL;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    char sql[2048];
    snprintf(sql, sizeof sql, "UPDATE articles SET lede = NULL, body = 42 WHERE title = '%s'",
             vi[FLOOD3].title);
    assert_int_equal(sqlite3_exec(bti_store_db(s), sql, NULL, NULL, NULL), SQLITE_OK);
    snprintf(sql, sizeof sql, "UPDATE articles SET lede = NULL, body = '%s' WHERE title = '%s'",
             vi[GOLD].body, vi[GOLD].title);
    assert_int_equal(sqlite3_exec(bti_store_db(s), sql, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(bt_stories_rebuild(s, &err), 0);
    char *clean = partition(s), *clean_state = saved_states(s);
    int64_t flood = story_of_title(s, vi[FLOOD1].title);
    assert_int_not_equal(story_of_title(s, vi[GOLD].title), flood);
    snprintf(sql, sizeof sql, "UPDATE articles SET body = body || x'00' || '%s' WHERE title = '%s'",
             flood_body, vi[GOLD].title);
    assert_int_equal(sqlite3_exec(bti_store_db(s), sql, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(count(s, "SELECT count(*) FROM articles WHERE instr(CAST(body AS BLOB), x'00')"), 1);
    assert_int_equal(bt_stories_rebuild(s, &err), 0);
    char *cut = partition(s), *cut_state = saved_states(s);
    assert_string_equal(clean, cut);
    assert_string_equal(clean_state, cut_state); /* the same words read, bit for bit */
    free(clean);
    free(cut);
    free(clean_state);
    free(cut_state);
    bt_store_close(s);
}

/* PARTS_SHARED (story_db.c): a day state reads its documents from parts that later states
 * wrote again with more documents in them, the prefix of its own count. Seen as in
 * test_continue_at_end: FLOOD1 (the 27th, UTC) is clustered, then its words are changed
 * behind the store; FLOOD2 comes late, before GOLD on the 28th, so the catch-up starts again
 * from the state saved before the 28th, whose one document is FLOOD1 as it was read: it stays
 * in the flood. A catch-up that could not load that state (and started from nothing) would
 * read FLOOD1's new words, as the rebuild at the end does. */
static void test_replay_reads_parts(void **state)
{
    fixture *f = *state;
    const int first[] = {FLOOD1, FLOOD3, GOLD};
    bt_store *s = ingest_vi_open(f->db, first, 3);
    bt_error err;
    /* one part of three documents; the states before the 27th and the 28th and at the end */
    assert_int_equal(count(s, "SELECT count(*) FROM story_state WHERE day < -9e18"), 1);
    assert_int_equal(count(s, "SELECT count(*) FROM story_state WHERE day > -9e18"), 4);
    char sql[1024];
    snprintf(sql, sizeof sql, "UPDATE articles SET title = 'Tuyển Việt Nam tập trung cho AFF"
                              " Cup', lede = NULL, body = '%s' WHERE title = '%s'",
             vi[FOOTBALL].body, vi[FLOOD1].title);
    assert_int_equal(sqlite3_exec(bti_store_db(s), sql, NULL, NULL, NULL), SQLITE_OK);
    bt_store_close(s);
    const int late[] = {FLOOD2};
    ingest_vi(f->db, late, 1);
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    int64_t flood = story_of_title(s, vi[FLOOD2].title);
    assert_int_equal(story_of_title(s, vi[FLOOD3].title), flood);
    assert_int_equal(story_of_title(s, "Tuyển Việt Nam tập trung cho AFF Cup"), flood);
    assert_int_equal(bt_stories_rebuild(s, &err), 0);
    flood = story_of_title(s, vi[FLOOD2].title);
    assert_int_not_equal(story_of_title(s, "Tuyển Việt Nam tập trung cho AFF Cup"), flood);
    bt_store_close(s);
}

/* A store whose saved states were written before PARTS_SHARED (state version 2: each state
 * one blob holding its documents, `docs` their row numbers, no parts): the next catch-up
 * refuses them, clusters from nothing once, and gives what a rebuild gives, in parts. The
 * old rows are made from the new ones: the version field set back to 2, the parts dropped. */
static void test_states_before_parts(void **state)
{
    fixture *f = *state;
    const int first[] = {FLOOD1, FLOOD2, GOLD};
    bt_store *s = ingest_vi_open(f->db, first, 3);
    bt_error err;
    sqlite3 *db = bti_store_db(s);
    assert_int_equal(sqlite3_exec(db, "DELETE FROM story_state WHERE day < -9e18", NULL, NULL,
                                  NULL),
                     SQLITE_OK);
    sqlite3_stmt *q = NULL, *put = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT day, state FROM story_state"
                                            " WHERE length(state) > 8", -1, &q, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "UPDATE story_state SET state = ?2 WHERE day = ?1",
                                        -1, &put, NULL),
                     SQLITE_OK);
    int rows = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        size_t len = (size_t)sqlite3_column_bytes(q, 1);
        unsigned char *b = malloc(len);
        assert_non_null(b);
        memcpy(b, sqlite3_column_blob(q, 1), len);
        const uint32_t old_version = 2;
        memcpy(b + 4, &old_version, sizeof old_version);
        sqlite3_bind_int64(put, 1, sqlite3_column_int64(q, 0));
        sqlite3_bind_blob(put, 2, b, (int)len, SQLITE_TRANSIENT);
        assert_int_equal(sqlite3_step(put), SQLITE_DONE);
        sqlite3_reset(put);
        free(b);
        rows++;
    }
    sqlite3_finalize(q);
    sqlite3_finalize(put);
    assert_true(rows >= 2);
    bt_store_close(s);
    const int more[] = {FLOOD3, FOOTBALL};
    ingest_vi(f->db, more, 2);
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM story_articles"), 5);
    assert_int_equal(count(s, "SELECT count(*) FROM story_state WHERE day < -9e18"), 1);
    int64_t flood = story_of_title(s, vi[FLOOD1].title);
    assert_int_equal(story_of_title(s, vi[FLOOD3].title), flood);
    assert_int_not_equal(story_of_title(s, vi[FOOTBALL].title), flood);
    char *before = partition(s);
    assert_int_equal(bt_stories_rebuild(s, &err), 0);
    char *after = partition(s);
    assert_string_equal(before, after);
    free(before);
    free(after);
    bt_store_close(s);
}

/* A story's row as text (NULL when it has none). */
static char *story_row(bt_store *s, int64_t id)
{
    sqlite3_stmt *q;
    bt_error err;
    assert_int_equal(bti_store_prepare(s, "SELECT size || '|' || first || '|' || last || '|' ||"
                                          " central || '|' || terms FROM stories WHERE id = ?",
                                       "t", &q, &err),
                     0);
    sqlite3_bind_int64(q, 1, id);
    char *row = NULL;
    if (sqlite3_step(q) == SQLITE_ROW)
        row = strdup((const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    return row;
}

/* PLAIN_INSERTS (story_db.c): a story's row is written by a plain INSERT when no membership
 * named its id before; a row already there under that id (left by other means) fails that
 * INSERT on its key, and the REPLACE writes the row: what a rebuild writes. */
static void test_plain_inserts(void **state)
{
    fixture *f = *state;
    const int first[] = {FLOOD1, FLOOD2, GOLD};
    bt_store *s = ingest_vi_open(f->db, first, 3);
    bt_error err;
    int64_t top = count(s, "SELECT max(n) FROM articles");
    for (int k = 1; k <= 2; k++) { /* under the row numbers the next two articles take */
        char sql[160];
        snprintf(sql, sizeof sql, "INSERT INTO stories(id, size, first, last, central, terms)"
                                  " VALUES (%lld, 99, 0, 0, NULL, 'left')", (long long)(top + k));
        assert_int_equal(sqlite3_exec(bti_store_db(s), sql, NULL, NULL, NULL), SQLITE_OK);
    }
    bt_store_close(s);
    const int more[] = {FLOOD3, FOOTBALL};
    ingest_vi(f->db, more, 2);
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    int64_t football = story_of_title(s, vi[FOOTBALL].title);
    assert_true(football > top); /* a story of its own, under a row left there */
    char *caught = story_row(s, football);
    assert_non_null(caught);
    assert_null(strstr(caught, "left"));
    assert_int_equal(count(s, "SELECT count(*) FROM story_articles"), 5);
    assert_int_equal(bt_stories_rebuild(s, &err), 0);
    char *rebuilt = story_row(s, football);
    assert_non_null(rebuilt);
    assert_string_equal(caught, rebuilt);
    free(caught);
    free(rebuilt);
    bt_store_close(s);
}

/* EPOCH_CANONICAL: the store's own date format is read field by field; it must give what the
 * general finder gives, and leave every other string to it. */
static int64_t epoch_by_finder(const char *iso)
{
    bti_date d;
    if (!bti_date_find(iso, strlen(iso), &d))
        return BTI_DUPS_NO_DATE;
    int64_t t = (int64_t)bti_days_from_civil(d.year, d.month, d.day) * 86400;
    if (d.has_time)
        t += d.hour * 3600 + d.minute * 60 + d.second;
    if (d.has_offset)
        t -= (int64_t)d.offset_min * 60;
    return t;
}

static void test_epoch_canonical(void **state)
{
    (void)state;
    static const char *const iso[] = {
        "2014-04-14T00:00:00Z", "1999-12-31T23:59:59Z", "2024-02-29T12:30:05Z",
        "1970-01-01T00:00:00Z", "1900-01-01T00:00:01Z", "2200-12-31T23:59:59Z",
        "1969-07-20T20:17:40Z", "2026-12-04T21:15:38Z",
        /* not the canonical shape, or out of range: the finder's answer */
        "2023-02-29T10:00:00Z", "2014-04-14T24:00:00Z", "2014-04-14T10:60:00Z",
        "2014-04-14T10:00:00+07:00", "2014-04-14T10:00:00.5Z", "2014-04-14", "1899-12-31T10:00:00Z",
        "2014-04-14T10:00:00Zx", "2014-4-14T10:00:00Z", "Mon, 14 Apr 2014 10:00:00 GMT", ""};
    for (size_t i = 0; i < sizeof iso / sizeof *iso; i++) {
        int64_t want = epoch_by_finder(iso[i]);
        assert_int_equal(bti_connect_epoch(iso[i]), want);
    }
    /* every second of a day and every day of a leap year, in the canonical shape */
    char buf[80];
    for (int m = 1; m <= 12; m++)
        for (int d = 1; d <= bti_days_in_month(2024, m); d++) {
            snprintf(buf, sizeof buf, "2024-%02d-%02dT%02d:%02d:%02dZ", m, d, d % 24, (m * d) % 60,
                     (m + d) % 60);
            assert_int_equal(bti_connect_epoch(buf), epoch_by_finder(buf));
        }
    assert_int_equal(bti_connect_epoch("1970-01-02T00:00:00Z"), 86400);
    assert_int_equal(bti_connect_epoch(NULL), BTI_DUPS_NO_DATE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_vi_timeline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_any_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multi_day, setup, teardown),
        cmocka_unit_test_setup_teardown(test_continue_at_end, setup, teardown),
        cmocka_unit_test_setup_teardown(test_body_read, setup, teardown),
        cmocka_unit_test_setup_teardown(test_replay_reads_parts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_states_before_parts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rm_readd, setup, teardown),
        cmocka_unit_test_setup_teardown(test_upgrade_from_5, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cli, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sigkill, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plain_inserts, setup, teardown),
        cmocka_unit_test(test_epoch_canonical),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
