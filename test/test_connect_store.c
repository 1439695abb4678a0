/* test_connect_store.c: near-duplicates kept in the store (src/connect/dups_db.c, dups_api.c,
 * band_db.c) as `bantin add` stores articles: groups with the earliest article first, any
 * order of arrival, the rebuild equal to the incremental result, removals keeping groups
 * whole, a schema-4 file caught up on upgrade, ingest without connect caught up later, bad
 * input (unknown ids, empty store, no date), the band index's filter of stored keys (no key
 * missed, keys never stored not read, another connection's keys seen), the writer's kept
 * shingle sets (oldest out first, none used after another connection removed their article;
 * kept in slabs), a batch's band-key rows held and written at its end, and the CLI (`bantin dups`, `connect --rebuild`, `show`). */
#include "support.h"

#include "bantin.h"
#include "connect/connect.h" /* the band index over dup_bands */
#include "store/db.h"         /* to look into the tables, and to write a schema-4 file */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- articles: deterministic pseudo-Vietnamese text, copies made as syndication does ---- */

static const char *const syll[] = {
    "đàm", "phán", "hòa", "bình", "chính", "phủ", "người", "dân", "thành", "phố", "công",
    "an", "điều", "tra", "kinh", "tế", "thị", "trường", "giáo", "dục", "học", "sinh",
    "bệnh", "viện", "bác", "sĩ", "giao", "thông", "đường", "sắt", "nông", "nghiệp", "lúa",
    "gạo", "xuất", "khẩu", "doanh", "nghiệp", "ngân", "hàng", "lãi", "suất", "bóng", "đá",
    "đội", "tuyển", "huấn", "luyện", "viên", "thời", "tiết", "mưa", "bão", "lũ", "lụt",
};
#define NSYLL (sizeof syll / sizeof syll[0])

/* Paragraph p of text `seed`: 40 syllables from a small LCG. */
static void para(unsigned seed, unsigned p, char *out, size_t cap)
{
    uint32_t x = seed * 2654435761u + p * 40503u + 7;
    size_t n = 0;
    out[0] = 0;
    for (int w = 0; w < 40; w++) {
        x = x * 1103515245u + 12345u;
        n += (size_t)snprintf(out + n, cap - n, "%s%s", w ? " " : "", syll[(x >> 16) % NSYLL]);
    }
    snprintf(out + n, cap - n, ".");
}

/* One JSONL record: title, published (NULL: none), paragraphs [from, to) of text `seed`,
 * then `extra` (a paragraph of text extra_seed) when extra_seed != 0. */
static void record(char *out, size_t cap, const char *title, const char *published,
                   unsigned seed, unsigned from, unsigned to, unsigned extra_seed)
{
    size_t n = (size_t)snprintf(out, cap, "{\"title\": \"%s\"", title);
    if (published)
        n += (size_t)snprintf(out + n, cap - n, ", \"published\": \"%s\"", published);
    n += (size_t)snprintf(out + n, cap - n, ", \"body\": [");
    char p[1024];
    for (unsigned i = from; i < to; i++) {
        para(seed, i, p, sizeof p);
        n += (size_t)snprintf(out + n, cap - n, "%s\"%s\"", i > from ? ", " : "", p);
    }
    if (extra_seed) {
        para(extra_seed, 0, p, sizeof p);
        n += (size_t)snprintf(out + n, cap - n, ", \"%s\"", p);
    }
    snprintf(out + n, cap - n, "]}\n");
}

enum { ORIG, COPY, ABRIDGED, OTHER, PASTED, NREC, NL_ORIG = NREC, NL_COPY, NOWORD_A, NOWORD_B,
       NALL };

/* The articles: the original (text 1, paragraphs 0-7, published first), a copy with a new
 * headline, its first paragraph dropped and a paragraph of other text appended, published
 * later, an abridged copy
 * (paragraphs 0-5) without a date, an unrelated article (text 2), and a hard negative: text
 * 3 with one paragraph of text 1 pasted in (not a duplicate). */
static char recs[NALL][8192];

static void make_records(void)
{
    record(recs[ORIG], sizeof recs[ORIG], "Hai bên nối lại đàm phán", "2021-08-20T10:00:00+07:00",
           1, 0, 8, 0);
    record(recs[COPY], sizeof recs[COPY], "Nóng: đàm phán được nối lại",
           "2021-08-20T15:30:00+07:00", 1, 1, 8, 99);
    record(recs[ABRIDGED], sizeof recs[ABRIDGED], "Đàm phán nối lại", NULL, 1, 0, 6, 0);
    record(recs[OTHER], sizeof recs[OTHER], "Giá lúa gạo tăng", "2021-08-19T08:00:00+07:00", 2, 0,
           8, 0);
    /* text 3 with one paragraph of text 1 (appended as its "extra") */
    record(recs[PASTED], sizeof recs[PASTED], "Thời tiết miền Bắc", "2021-08-18T08:00:00+07:00",
           3, 0, 8, 0);
    char *p = strrchr(recs[PASTED], ']');
    char one[1024];
    para(1, 2, one, sizeof one);
    snprintf(p, sizeof recs[PASTED] - (size_t)(p - recs[PASTED]), ", \"%s\"]}\n", one);
    /* a copy whose record has an empty paragraph and a line break inside one, which the
     * store keeps as no paragraph and a space: the signature made from the record (ingest's
     * workers) must be the one made from the stored text (rebuild, candidates) */
    record(recs[NL_ORIG], sizeof recs[NL_ORIG], "Bão số 3 đổ bộ", "2021-09-01T08:00:00+07:00", 4,
           0, 6, 0);
    record(recs[NL_COPY], sizeof recs[NL_COPY], "Bão đổ bộ miền Trung", "2021-09-01T09:00:00+07:00",
           4, 1, 6, 0);
    p = strstr(recs[NL_COPY], "\"body\": [\"") + 10;
    char *sp = strchr(p, ' ');
    sp = strchr(sp + 1, ' ');
    memmove(sp + 1, sp, strlen(sp) + 1); /* "a b c" -> "a b\nc" */
    memcpy(sp, "\\n", 2);
    p = strrchr(recs[NL_COPY], ']');
    snprintf(p, sizeof recs[NL_COPY] - (size_t)(p - recs[NL_COPY]), ", \"\"]}\n");
    /* articles without a word (nor a date): stored, never matched */
    snprintf(recs[NOWORD_A], sizeof recs[NOWORD_A], "{\"title\": \"—\", \"body\": []}\n");
    snprintf(recs[NOWORD_B], sizeof recs[NOWORD_B], "{\"title\": \"…\", \"body\": [\"!!!\"]}\n");
}

typedef struct fixture {
    char dir[64];
    char db[96];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    strcpy(f->dir, "/tmp/bantin-dups-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
    make_records();
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

/* Stores records `which` (indexes into recs, in this order) through the ingest pipeline as
 * `bantin add` does, with ingest `flags`. */
static void ingest(const char *db, const int *which, size_t n, unsigned flags)
{
    size_t cap = 1, len = 0;
    for (size_t i = 0; i < n; i++)
        cap += strlen(recs[which[i]]);
    char *all = malloc(cap);
    assert_non_null(all);
    for (size_t i = 0; i < n; i++) {
        memcpy(all + len, recs[which[i]], strlen(recs[which[i]]));
        len += strlen(recs[which[i]]);
    }
    bt_ingest_opts o = BT_INGEST_OPTS_INIT;
    o.db = db;
    o.jobs = 2;
    o.read_flags = BT_READ_RECORDS;
    o.flags = flags;
    bt_ingest *g = NULL;
    bt_error err;
    if (bt_ingest_new(&o, &g, &err))
        fail_msg("ingest: %s", err.msg);
    if (n) /* none: a run that only opens the store */
        assert_int_equal(bt_ingest_add_mem(g, all, len, "records.jsonl", &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    if (bt_ingest_run(g, &st, &err))
        fail_msg("run: %s", err.msg);
    assert_int_equal(st.failed, 0);
    bt_ingest_free(g);
    free(all);
}

/* The stored id of record `title` (by its title). */
static void id_of(bt_store *s, const char *title, char id[17])
{
    sqlite3_stmt *st;
    bt_error err;
    assert_int_equal(bti_store_prepare(s, "SELECT id FROM articles WHERE title = ?", "t", &st,
                                       &err), 0);
    sqlite3_bind_text(st, 1, title, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(id, 17, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* The original's group (ORIG's title) has n articles. */
static void assert_orig_group(bt_store *s, size_t n)
{
    char orig[17];
    bt_error err;
    id_of(s, "Hai bên nối lại đàm phán", orig);
    bt_dup_group *g = NULL;
    assert_int_equal(bt_dups_of(s, orig, &g, &err), 0);
    assert_non_null(g);
    assert_int_equal(g->n, n);
    bt_dup_group_free(g);
}

/* The groups as text: "G: id sim, id sim; ..." (ids only when with_sim is 0). */
static char *groups_text(bt_store *s, double min_sim, int with_sim)
{
    bt_dup_groups *g = NULL;
    bt_error err;
    if (bt_dups_list(s, min_sim, &g, &err))
        fail_msg("list: %s", err.msg);
    char *out = calloc(1, 4096);
    assert_non_null(out);
    size_t n = 0;
    for (size_t i = 0; i < g->n; i++) {
        for (size_t j = 0; j < g->groups[i].n; j++)
            n += (size_t)snprintf(out + n, 4096 - n, with_sim ? "%s %.4f," : "%s,",
                                  g->groups[i].articles[j].id,
                                  g->groups[i].articles[j].similarity);
        n += (size_t)snprintf(out + n, 4096 - n, ";");
    }
    bt_dup_groups_free(g);
    return out;
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

/* The three copies form one group, the dated original first, the undated abridged copy last;
 * the unrelated article and the one with a pasted paragraph are in none. */
static void test_groups(void **state)
{
    fixture *f = *state;
    const int order[] = {OTHER, COPY, ABRIDGED, PASTED, ORIG};
    ingest(f->db, order, NREC, 0);
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    char orig[17], copy[17], abr[17], other[17], pasted[17];
    id_of(s, "Hai bên nối lại đàm phán", orig);
    id_of(s, "Nóng: đàm phán được nối lại", copy);
    id_of(s, "Đàm phán nối lại", abr);
    id_of(s, "Giá lúa gạo tăng", other);
    id_of(s, "Thời tiết miền Bắc", pasted);

    bt_dup_groups *g = NULL;
    assert_int_equal(bt_dups_list(s, 0, &g, &err), 0);
    assert_int_equal(g->n, 1);
    bt_dup_group *gr = &g->groups[0];
    assert_int_equal(gr->n, 3);
    assert_string_equal(gr->articles[0].id, orig);
    assert_true(gr->articles[0].similarity == 1.0);
    assert_string_equal(gr->articles[1].id, copy);
    assert_string_equal(gr->articles[2].id, abr); /* no date: after the dated ones */
    assert_true(gr->articles[1].similarity >= 0.7 && gr->articles[1].similarity < 1.0);
    assert_true(gr->articles[2].similarity >= 0.9); /* contained whole */
    int64_t group = gr->group;
    bt_dup_groups_free(g);

    /* each member names the same group; the others have none */
    bt_dup_group *one = NULL;
    assert_int_equal(bt_dups_of(s, copy, &one, &err), 0);
    assert_non_null(one);
    assert_int_equal(one->group, group);
    assert_int_equal(one->n, 3);
    assert_string_equal(one->articles[0].id, orig);
    bt_dup_group_free(one);
    assert_int_equal(bt_dups_of(s, other, &one, &err), 0);
    assert_null(one);
    assert_int_equal(bt_dups_of(s, pasted, &one, &err), 0);
    assert_null(one);

    /* --min-sim leaves out copies below it, and a group with none left */
    char *t = groups_text(s, 0.95, 0);
    char want[64];
    snprintf(want, sizeof want, "%s,%s,;", orig, abr);
    assert_string_equal(t, want);
    free(t);
    assert_int_equal(bt_dups_list(s, 1.5, &g, &err), BT_EINVAL);
    assert_null(g);

    /* bad input: an unknown id */
    assert_int_equal(bt_dups_of(s, "0123456789abcdef", &one, &err), BT_ENOTFOUND);
    assert_non_null(strstr(err.msg, "0123456789abcdef"));
    /* one look-up per band: each indexed article has its BTI_DUPS_BANDS keys */
    assert_int_equal(count(s, "SELECT count(*) FROM dup_bands"), BTI_DUPS_BANDS * NREC);
    bt_store_close(s);
}

/* Any order of arrival gives the same groups, and the rebuild gives what adding gave. */
static void test_order_and_rebuild(void **state)
{
    fixture *f = *state;
    const int fwd[] = {ORIG, COPY, ABRIDGED, OTHER, PASTED, NL_ORIG, NL_COPY};
    const int back[] = {NL_COPY, PASTED, ABRIDGED, OTHER, COPY, ORIG, NL_ORIG};
    char db2[128];
    snprintf(db2, sizeof db2, "%s/back.db", f->dir);
    ingest(f->db, fwd, 7, 0);
    ingest(db2, back, 7, 0);
    bt_store *a, *b;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &a, &err), 0);
    assert_int_equal(bt_store_open(db2, 0, &b, &err), 0);
    char *ta = groups_text(a, 0, 1), *tb = groups_text(b, 0, 1);
    assert_string_equal(ta, tb);
    assert_int_equal(count(a, "SELECT count(*) FROM dup_pairs"), 4); /* 3 + the storm pair */
    /* rebuild: the same pairs and groups */
    int64_t pairs = count(a, "SELECT count(*) FROM dup_pairs");
    assert_int_equal(bt_dups_rebuild(a, &err), 0);
    char *tr = groups_text(a, 0, 1);
    assert_string_equal(tr, ta);
    assert_int_equal(count(a, "SELECT count(*) FROM dup_pairs"), pairs);
    free(ta);
    free(tb);
    free(tr);
    bt_store_close(a);
    bt_store_close(b);
}

/* Removing articles keeps the groups whole: the removed one leaves its group, its rows go,
 * and the result is what a rebuild over the remaining articles gives. */
static void test_remove(void **state)
{
    fixture *f = *state;
    const int order[] = {ORIG, COPY, ABRIDGED, OTHER, PASTED};
    ingest(f->db, order, NREC, 0);
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    char orig[17], copy[17], abr[17];
    id_of(s, "Hai bên nối lại đàm phán", orig);
    id_of(s, "Nóng: đàm phán được nối lại", copy);
    id_of(s, "Đàm phán nối lại", abr);
    /* the original goes: the copy (dated) becomes the original */
    assert_int_equal(bt_store_remove(s, orig, &err), 0);
    bt_dup_group *g = NULL;
    assert_int_equal(bt_dups_of(s, abr, &g, &err), 0);
    assert_non_null(g);
    assert_int_equal(g->n, 2);
    assert_string_equal(g->articles[0].id, copy);
    bt_dup_group_free(g);
    assert_int_equal(bt_dups_of(s, orig, &g, &err), BT_ENOTFOUND);
    assert_int_equal(count(s, "SELECT count(*) FROM dup_pairs WHERE a NOT IN"
                              " (SELECT n FROM articles) OR b NOT IN (SELECT n FROM articles)"),
                     0);
    char *before = groups_text(s, 0, 1);
    assert_int_equal(bt_dups_rebuild(s, &err), 0);
    char *after = groups_text(s, 0, 1);
    assert_string_equal(before, after);
    /* the removed article's band keys stay until a rebuild (schema.c says why) */
    assert_int_equal(count(s, "SELECT count(*) FROM dup_bands WHERE article NOT IN"
                              " (SELECT n FROM articles)"), 0);
    free(before);
    free(after);
    /* one copy left alone: no group at all */
    assert_int_equal(bt_store_remove(s, copy, &err), 0);
    char *none = groups_text(s, 0, 0);
    assert_string_equal(none, "");
    free(none);
    assert_int_equal(bt_dups_of(s, abr, &g, &err), 0);
    assert_null(g);
    assert_int_equal(count(s, "SELECT count(*) FROM dup_pairs"), 0);
    /* re-added, it joins again */
    const int again[] = {ORIG};
    bt_store_close(s);
    ingest(f->db, again, 1, 0);
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    assert_int_equal(bt_dups_of(s, abr, &g, &err), 0);
    assert_non_null(g);
    assert_int_equal(g->n, 2);
    assert_string_equal(g->articles[0].id, orig);
    bt_dup_group_free(g);
    bt_store_close(s);
}

/* An empty store has no groups; articles stored without connect (BT_INGEST_NO_CONNECT, or
 * bt_store_add directly) are indexed by the next ingest. */
static void test_empty_and_catch_up(void **state)
{
    fixture *f = *state;
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    char *t = groups_text(s, 0, 0);
    assert_string_equal(t, "");
    free(t);
    bt_store_close(s);

    const int order[] = {ORIG, COPY, OTHER};
    ingest(f->db, order, 3, BT_INGEST_NO_CONNECT);
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM dup_pairs"), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM dup_bands"), 0);
    bt_store_close(s);
    ingest(f->db, order, 0, 0); /* nothing new: the open catches up */
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM dup_pairs"), 1);
    assert_int_equal(count(s, "SELECT count(DISTINCT article) FROM dup_bands"), 3);
    assert_int_equal(count(s, "SELECT value FROM connect_meta WHERE key = 'dups_upto'"), 3);

    /* an article stored by bt_store_add directly (not through ingest) is indexed by the next
     * ingest, before the ingest's own: the abridged copy joins the group */
    bt_article *a = NULL;
    assert_int_equal(bt_article_from_json(recs[ABRIDGED], strlen(recs[ABRIDGED]), &a, &err), 0);
    assert_int_equal(bt_article_set(&a->origin, "direct", 6), 0);
    assert_int_equal(test_store_add(s, a, NULL, NULL, &err), BT_STORE_ADDED);
    bt_article_free(a);
    assert_orig_group(s, 2);
    bt_store_close(s);
    ingest(f->db, order, 0, 0);
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    assert_orig_group(s, 3);
    bt_store_close(s);
}

/* A store written at schema 4 (before connect: the same file less connect's step) is
 * upgraded in place, and its articles are indexed by the first writer. */
static void test_upgrade_from_4(void **state)
{
    fixture *f = *state;
    const int order[] = {ORIG, COPY, OTHER};
    ingest(f->db, order, 3, BT_INGEST_NO_CONNECT);
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    /* undo top's step 8 -> 9, the store's view of step 7 -> 8 (its index is made again by the step), top's
     * step 6 -> 7 and connect's steps 5 -> 6 and 4 -> 5: what bantin of schema 4 wrote */
    assert_int_equal(sqlite3_exec(bti_store_db(s),
                                  "DROP VIEW articles_fts_text;"
                                  " DROP TRIGGER top_articles_ad; DROP TABLE views;"
                                  " DROP TABLE most_read; DROP INDEX articles_title_hash;"
                                  " DROP INDEX articles_kind; ALTER TABLE articles DROP COLUMN kind;"
                                  " DROP TRIGGER stories_articles_ad; DROP TABLE story_state;"
                                  " DROP TABLE story_articles; DROP TABLE stories;"
                                  " DROP TRIGGER dups_articles_ad; DROP TABLE dup_pairs;"
                                  " DROP TABLE dup_bands; DROP TABLE connect_meta;"
                                  " PRAGMA user_version = 4;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    bt_store_close(s);
    /* read-only: refused until opened for writing */
    assert_int_equal(bt_store_open(f->db, BT_STORE_READONLY, &s, &err), BT_EUNSUPPORTED);
    const int none[] = {0};
    ingest(f->db, none, 0, 0);
    assert_int_equal(bt_store_open(f->db, BT_STORE_READONLY, &s, &err), 0);
    bt_store_stats st = BT_STORE_STATS_INIT;
    assert_int_equal(bt_store_stats_get(s, &st, &err), 0);
    assert_int_equal(st.schema_version, BT_STORE_SCHEMA_VERSION);
    assert_orig_group(s, 2);
    bt_store_close(s);
}

/* A store whose band keys were made with other parameters (before MIN_SHARED_KEYS: 32 bands
 * of 2 rows) has its index made again by the first writer: every article under this
 * version's keys only, the parameters recorded, the groups the same. */
static void test_old_band_params_rebuilt(void **state)
{
    fixture *f = *state;
    const int order[] = {ORIG, COPY, OTHER};
    ingest(f->db, order, 3, 0);
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    assert_int_equal(sqlite3_exec(bti_store_db(s),
                                  "UPDATE connect_meta SET value ="
                                  " 'k=5 bands=32 rows=2 seed=62616e74696e6475 oph run=poly'"
                                  " WHERE key = 'dups_params';"
                                  " INSERT INTO dup_bands(key, article)"
                                  " SELECT key + 1, article FROM dup_bands;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(count(s, "SELECT count(*) FROM dup_bands"), 2 * BTI_DUPS_BANDS * 3);
    bt_store_close(s);
    const int none[] = {0};
    ingest(f->db, none, 0, 0); /* a writer */
    assert_int_equal(bt_store_open(f->db, BT_STORE_READONLY, &s, &err), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM dup_bands"), BTI_DUPS_BANDS * 3);
    assert_int_equal(count(s, "SELECT count(*) FROM connect_meta WHERE key = 'dups_params'"
                              " AND value LIKE 'k=5 bands=32 rows=2 %'"),
                     0);
    assert_orig_group(s, 2);
    bt_store_close(s);
}

/* Articles without a word are stored and indexed under no key: no group, no error. */
static void test_no_words(void **state)
{
    fixture *f = *state;
    const int order[] = {ORIG, NOWORD_A, NOWORD_B};
    ingest(f->db, order, 3, 0);
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM articles"), 3);
    assert_int_equal(count(s, "SELECT count(DISTINCT article) FROM dup_bands"), 1);
    char id[17];
    id_of(s, "—", id);
    bt_dup_group *g = NULL;
    assert_int_equal(bt_dups_of(s, id, &g, &err), 0);
    assert_null(g);
    assert_int_equal(bt_dups_rebuild(s, &err), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM dup_pairs"), 0);
    bt_store_close(s);
}

/* The CLI: `bantin dups` in text and JSON, `show` naming the group, `connect --rebuild`. */
static void test_cli(void **state)
{
    fixture *f = *state;
    const int order[] = {ORIG, COPY, ABRIDGED, OTHER, PASTED};
    ingest(f->db, order, NREC, 0);
    char cmd[512], *out = NULL, *errs = NULL;
    snprintf(cmd, sizeof cmd, "%s dups --db '%s' --format json", test_bantin_bin(), f->db);
    assert_int_equal(test_run(cmd, &out, &errs), 0);
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, BT_STORE_READONLY, &s, &err), 0);
    char orig[17], copy[17], abr[17];
    id_of(s, "Hai bên nối lại đàm phán", orig);
    id_of(s, "Nóng: đàm phán được nối lại", copy);
    id_of(s, "Đàm phán nối lại", abr);
    int64_t n = count(s, "SELECT min(a) FROM dup_pairs");
    bt_store_close(s);
    char want[256];
    snprintf(want, sizeof want, "{\"group\":%lld,\"articles\":[{\"id\":\"%s\",\"similarity\":1.000},"
             "{\"id\":\"%s\",\"similarity\":", (long long)n, orig, copy);
    assert_non_null(strstr(out, want));
    assert_non_null(strstr(out, abr));
    assert_int_equal(strchr(out, '\n') - out + 1, (long)strlen(out)); /* one line */
    char *json = out;
    free(errs);
    /* text, and show */
    snprintf(cmd, sizeof cmd, "%s show --db '%s' --format text %s", test_bantin_bin(), f->db,
             copy);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    snprintf(want, sizeof want, "duplicates: group %lld, 3 articles", (long long)n);
    assert_non_null(strstr(out, want));
    assert_non_null(strstr(out, " (this)"));
    free(out);
    /* rebuild: the same listing */
    snprintf(cmd, sizeof cmd, "%s connect --db '%s' --rebuild", test_bantin_bin(), f->db);
    assert_int_equal(test_run(cmd, NULL, &errs), 0);
    assert_non_null(strstr(errs, "1 groups"));
    free(errs);
    snprintf(cmd, sizeof cmd, "%s dups --db '%s' --format json", test_bantin_bin(), f->db);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    assert_string_equal(out, json);
    free(out);
    free(json);
    /* usage errors */
    snprintf(cmd, sizeof cmd, "%s dups --db '%s' --min-sim 2", test_bantin_bin(), f->db);
    assert_int_equal(test_run(cmd, NULL, &errs), 2);
    assert_non_null(strstr(errs, "--min-sim"));
    free(errs);
    snprintf(cmd, sizeof cmd, "%s connect --db '%s'", test_bantin_bin(), f->db);
    assert_int_equal(test_run(cmd, NULL, NULL), 2);
}

/* Search shows one result per near-duplicate group by default, its best-ranked member with
 * the number of the others; all_copies lists every article; a page counts groups. */
static void test_search_groups(void **state)
{
    fixture *f = *state;
    const int order[] = {ORIG, COPY, ABRIDGED, OTHER, PASTED};
    ingest(f->db, order, NREC, 0);
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, BT_STORE_READONLY, &s, &err), 0);
    char ids[3][17];
    id_of(s, "Hai bên nối lại đàm phán", ids[0]);
    id_of(s, "Nóng: đàm phán được nối lại", ids[1]);
    id_of(s, "Đàm phán nối lại", ids[2]);
    /* every text is drawn from the same syllables: the word is in all five */
    bt_search_opts o = BT_SEARCH_OPTS_INIT;
    o.flags = BT_SEARCH_NO_SNIPPET;
    bt_search_results *r;
    assert_int_equal(bt_search_run(s, "người", &o, &r, &err), 0);
    assert_int_equal(r->total, 5); /* articles */
    assert_int_equal(r->n, 3);     /* groups */
    assert_non_null(r->copies);
    int grouped = -1;
    for (size_t i = 0; i < r->n; i++) {
        int member = 0;
        for (int k = 0; k < 3; k++)
            member |= !strcmp(r->hits[i].id, ids[k]);
        if (member) {
            assert_int_equal(grouped, -1); /* one of the group only */
            grouped = (int)i;
            assert_int_equal(r->copies[i], 2);
        } else
            assert_int_equal(r->copies[i], 0);
    }
    assert_true(grouped >= 0);
    char *json;
    assert_int_equal(bt_search_results_to_json(r, 0, &json, &err), 0);
    char *c = strstr(json, "\"copies\":2");
    assert_non_null(c);
    assert_null(strstr(c + 1, "\"copies\"")); /* left out where there are none */
    free(json);
    /* pages of one: the same three results, then none */
    for (size_t off = 0; off < 4; off++) {
        bt_search_opts p = o;
        p.limit = 1;
        p.offset = off;
        bt_search_results *q;
        assert_int_equal(bt_search_run(s, "người", &p, &q, &err), 0);
        assert_int_equal(q->n, off < 3 ? 1 : 0);
        if (off < 3)
            assert_string_equal(q->hits[0].id, r->hits[off].id);
        bt_search_results_free(q);
    }
    bt_search_results_free(r);
    o.all_copies = 1;
    assert_int_equal(bt_search_run(s, "người", &o, &r, &err), 0);
    assert_int_equal(r->n, 5);
    assert_null(r->copies);
    assert_int_equal(bt_search_results_to_json(r, 0, &json, &err), 0);
    assert_null(strstr(json, "\"copies\""));
    free(json);
    bt_search_results_free(r);
    bt_store_close(s);
    /* the CLI: "2 copies", --all */
    char cmd[512], *out = NULL;
    snprintf(cmd, sizeof cmd, "%s search --db '%s' người", test_bantin_bin(), f->db);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    assert_non_null(strstr(out, "| 2 copies"));
    free(out);
    snprintf(cmd, sizeof cmd, "%s search --db '%s' --all --format json người", test_bantin_bin(),
             f->db);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    assert_null(strstr(out, "copies"));
    free(out);
}

/* `add --no-connect` stores without the near-duplicate index; the next add indexes what was
 * stored meanwhile, so the groups end the same. */
static void test_cli_no_connect(void **state)
{
    fixture *f = *state;
    char in[128], cmd[512];
    snprintf(in, sizeof in, "%s/in.jsonl", f->dir);
    FILE *fp = fopen(in, "w");
    assert_non_null(fp);
    fputs(recs[ORIG], fp);
    fputs(recs[COPY], fp);
    assert_int_equal(fclose(fp), 0);
    snprintf(cmd, sizeof cmd, "%s add --quiet --no-connect --db '%s' '%s'", test_bantin_bin(),
             f->db, in);
    assert_int_equal(test_run(cmd, NULL, NULL), 0);
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, BT_STORE_READONLY, &s, &err), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM dup_pairs"), 0);
    bt_store_close(s);
    fp = fopen(in, "w");
    assert_non_null(fp);
    fputs(recs[ABRIDGED], fp);
    assert_int_equal(fclose(fp), 0);
    snprintf(cmd, sizeof cmd, "%s add --quiet --db '%s' '%s'", test_bantin_bin(), f->db, in);
    assert_int_equal(test_run(cmd, NULL, NULL), 0);
    assert_int_equal(bt_store_open(f->db, BT_STORE_READONLY, &s, &err), 0);
    char *g = groups_text(s, 0, 0);
    bt_store_close(s);
    int members = 0, groups = 0; /* "id,id,id,;" */
    for (const char *p = g; *p; p++) {
        members += *p == ',';
        groups += *p == ';';
    }
    free(g);
    assert_int_equal(groups, 1);
    assert_int_equal(members, 3);
}

/* ---- the band index's filter ------------------------------------------------------------ */

/* Article a's band keys: uniform 64-bit values, as the signature's are. */
static void band_keys(unsigned a, uint64_t *keys)
{
    for (unsigned i = 0; i < BTI_DUPS_BANDS; i++) {
        uint64_t z = 0x9E3779B97F4A7C15ull * ((uint64_t)a * BTI_DUPS_BANDS + i + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        keys[i] = z ^ (z >> 31);
    }
}

typedef struct found {
    int64_t want;
    size_t hits, others;
} found;

static int on_found(void *ctx, uint64_t key, int64_t id)
{
    (void)key;
    found *f = ctx;
    if (id == f->want)
        f->hits++;
    else
        f->others++;
    return 0;
}

static int on_found_one(void *ctx, int64_t id)
{
    return on_found(ctx, 0, id);
}

/* Past the filter's first layer (5,461 keys, so a second one is added), every stored key
 * is still found; the keys of 300 articles never stored are almost never read
 * from the table (a false positive now and then); a key another connection wrote after the
 * filter was made is found (the file's data version dropped the filter). */
static void test_band_filter(void **state)
{
    fixture *f = *state;
    bt_store *s, *s2;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    assert_int_equal(bt_store_open(f->db, 0, &s2, &err), 0);
    bti_band_db *b;
    assert_int_equal(bti_band_db_new(s, &b, &err), 0);
    bti_band_index ix = bti_band_db_index(b);
    uint64_t keys[BTI_DUPS_BANDS];
    enum { STORED = 300 };
    for (unsigned a = 0; a < STORED; a++) {
        band_keys(a, keys);
        found fd = {a + 1, 0, 0};
        assert_int_equal(ix.find_all(ix.self, keys, BTI_DUPS_BANDS, 16, on_found, &fd), 0);
        assert_int_equal(fd.hits + fd.others, 0);
        assert_int_equal(ix.add_all(ix.self, keys, BTI_DUPS_BANDS, a + 1), 0);
    }
    assert_true(bti_band_db_keys_read(b) < 64); /* of 9,600 */
    for (unsigned a = 0; a < STORED; a++) {
        band_keys(a, keys);
        found fd = {a + 1, 0, 0};
        assert_int_equal(ix.find_all(ix.self, keys, BTI_DUPS_BANDS, 16, on_found, &fd), 0);
        assert_int_equal(fd.hits, BTI_DUPS_BANDS);
        assert_int_equal(fd.others, 0);
    }
    size_t before = bti_band_db_keys_read(b);
    for (unsigned a = STORED; a < 2 * STORED; a++) {
        band_keys(a, keys);
        found fd = {0, 0, 0};
        assert_int_equal(ix.find_all(ix.self, keys, BTI_DUPS_BANDS, 16, on_found, &fd), 0);
        assert_int_equal(fd.hits + fd.others, 0);
    }
    assert_true(bti_band_db_keys_read(b) - before < 64);

    band_keys(2 * STORED, keys);
    sqlite3_stmt *ins;
    assert_int_equal(bti_store_prepare(s2, "INSERT INTO dup_bands(key, article) VALUES (?, 777)",
                                       "t", &ins, &err), 0);
    sqlite3_bind_int64(ins, 1, (sqlite3_int64)keys[5]);
    assert_int_equal(sqlite3_step(ins), SQLITE_DONE);
    sqlite3_finalize(ins);
    found fd = {777, 0, 0};
    assert_int_equal(ix.find_all(ix.self, keys, BTI_DUPS_BANDS, 16, on_found, &fd), 0);
    assert_int_equal(fd.hits, 1);
    fd.hits = 0;
    assert_int_equal(ix.find(ix.self, keys[5], on_found_one, &fd), 0);
    assert_int_equal(fd.hits, 1);
    bti_band_db_free(b);
    bt_store_close(s2);
    bt_store_close(s);
}

/* The ids find_all gives for `keys` (cap 16), as a count per id (ids below 64). */
typedef struct tally {
    size_t per_id[64], total;
} tally;

static int on_tally(void *ctx, uint64_t key, int64_t id)
{
    (void)key;
    tally *t = ctx;
    assert_true(id > 0 && id < 64);
    t->per_id[id]++;
    t->total++;
    return 0;
}

static void tally_of(bti_band_index *ix, const uint64_t *keys, tally *t)
{
    memset(t, 0, sizeof *t);
    assert_int_equal(ix->find_all(ix->self, keys, BTI_DUPS_BANDS, 16, on_tally, t), 0);
}

/* DEFER_SORTED: rows held between defer and flush are looked up with the table's (a crowded
 * key's cap counts the held ids first, the newest), written at the flush, or dropped by a
 * flush that does not keep them; a filter loaded while rows are held knows their keys. */
static void test_band_defer(void **state)
{
    fixture *f = *state;
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    bti_band_db *b;
    assert_int_equal(bti_band_db_new(s, &b, &err), 0);
    bti_band_index ix = bti_band_db_index(b);
    uint64_t keys[BTI_DUPS_BANDS], other[BTI_DUPS_BANDS];
    band_keys(1, keys);
    assert_int_equal(bt_store_begin(s, &err), 0);
    for (int64_t a = 1; a <= 10; a++) /* ten articles sharing all their keys, written */
        assert_int_equal(ix.add_all(ix.self, keys, BTI_DUPS_BANDS, a), 0);
    bti_band_db_defer(b);
    for (int64_t a = 11; a <= 20; a++) /* ten more, held */
        assert_int_equal(ix.add_all(ix.self, keys, BTI_DUPS_BANDS, a), 0);
    assert_int_equal(ix.add(ix.self, keys[3], 20), 0); /* held already: one row */
    assert_int_equal(count(s, "SELECT count(*) FROM dup_bands"), 10 * BTI_DUPS_BANDS);
    tally t;
    tally_of(&ix, keys, &t); /* the 16 newest a key: 20..5 */
    assert_int_equal(t.total, 16 * BTI_DUPS_BANDS);
    for (int64_t a = 1; a <= 20; a++)
        assert_int_equal(t.per_id[a], a >= 5 ? BTI_DUPS_BANDS : 0);
    found fd = {20, 0, 0};
    assert_int_equal(ix.find(ix.self, keys[0], on_found_one, &fd), 0);
    assert_int_equal(fd.hits, 1);
    assert_int_equal(fd.others, 19);
    /* a filter made now (dropped, then loaded at the second look-up) holds the held keys */
    band_keys(2, other);
    assert_int_equal(ix.add_all(ix.self, other, BTI_DUPS_BANDS, 21), 0);
    bti_band_db_forget(b);
    for (int i = 0; i < 2; i++) {
        tally_of(&ix, other, &t);
        assert_int_equal(t.total, BTI_DUPS_BANDS);
        assert_int_equal(t.per_id[21], BTI_DUPS_BANDS);
    }
    assert_int_equal(bti_band_db_flush(b, 1), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM dup_bands"), 21 * BTI_DUPS_BANDS);
    tally_of(&ix, keys, &t); /* the same ids from the table */
    assert_int_equal(t.total, 16 * BTI_DUPS_BANDS);
    for (int64_t a = 5; a <= 20; a++)
        assert_int_equal(t.per_id[a], BTI_DUPS_BANDS);
    bti_band_db_defer(b);
    band_keys(3, other);
    assert_int_equal(ix.add_all(ix.self, other, BTI_DUPS_BANDS, 22), 0);
    assert_int_equal(bti_band_db_flush(b, 0), 0); /* dropped: the caller rolls back */
    assert_int_equal(count(s, "SELECT count(*) FROM dup_bands"), 21 * BTI_DUPS_BANDS);
    tally_of(&ix, other, &t);
    assert_int_equal(t.total, 0);
    assert_int_equal(bt_store_commit(s, &err), 0);
    bti_band_db_free(b);
    bt_store_close(s);
}

/* SET_SLABS: sets that fill several slabs come back whole and sorted after the oldest went
 * (their slabs given back and taken again), and one larger than a slab's share is kept
 * alone. */
static void test_shingle_cache_slabs(void **state)
{
    (void)state;
    enum { LEN = 60000, ROWS = 40 }; /* 480 KB a set: four a slab */
    bti_shingle_cache *c;
    assert_int_equal(bti_shingle_cache_new(64, (size_t)8 << 20, &c), 0); /* ~17 sets */
    uint64_t *v = malloc(100000 * sizeof *v);
    assert_non_null(v);
    for (int64_t n = 1; n <= ROWS; n++) {
        for (size_t i = 0; i < LEN; i++) /* descending, a repeat at the end */
            v[i] = (uint64_t)n << 32 | (LEN - 1 - i);
        v[LEN - 1] = v[LEN - 2];
        assert_int_equal(bti_shingle_cache_put(c, n, v, LEN, 0), 0);
    }
    assert_null(bti_shingle_cache_get(c, 1));
    for (int64_t n = ROWS - 10; n <= ROWS; n++) {
        const bti_u64s *got = bti_shingle_cache_get(c, n);
        assert_non_null(got);
        assert_int_equal(got->n, LEN - 1);
        for (size_t i = 0; i < got->n; i++)
            assert_true(got->v[i] == ((uint64_t)n << 32 | (i + 1)));
    }
    for (size_t i = 0; i < 100000; i++)
        v[i] = i;
    assert_int_equal(bti_shingle_cache_put(c, ROWS + 1, v, 100000, 1), 0);
    const bti_u64s *got = bti_shingle_cache_get(c, ROWS + 1);
    assert_non_null(got);
    assert_int_equal(got->n, 100000);
    assert_true(got->v[99999] == 99999);
    free(v);
    bti_shingle_cache_free(c);
}

/* ---- the writer's kept shingle sets --------------------------------------------------------- */

static void expect_set(bti_shingle_cache *c, int64_t n, const uint64_t *want, size_t nw)
{
    const bti_u64s *got = bti_shingle_cache_get(c, n);
    assert_non_null(got);
    assert_int_equal(got->n, nw);
    for (size_t i = 0; i < nw; i++)
        assert_true(got->v[i] == want[i]);
}

/* A set given unsorted comes back sorted unique; a row's slot taken by a later row forgets
 * it; past the byte budget the oldest rows go first, never the one just put. */
static void test_shingle_cache(void **state)
{
    (void)state;
    bti_shingle_cache *c;
    assert_int_equal(bti_shingle_cache_new(4, 1000, &c), 0);
    const uint64_t raw[] = {5, 3, 5, 1}, sorted[] = {1, 3, 5}, one[] = {7};
    assert_int_equal(bti_shingle_cache_put(c, 1, raw, 4, 0), 0);
    expect_set(c, 1, sorted, 3);
    expect_set(c, 1, sorted, 3); /* sorted once, kept sorted */
    assert_null(bti_shingle_cache_get(c, 2));
    for (int64_t n = 2; n <= 5; n++)
        assert_int_equal(bti_shingle_cache_put(c, n, one, 1, 1), 0);
    assert_null(bti_shingle_cache_get(c, 1)); /* row 5 took its slot */
    expect_set(c, 5, one, 1);
    expect_set(c, 2, one, 1);
    bti_shingle_cache_free(c);

    const uint64_t five[] = {1, 2, 3, 4, 5}, big[200] = {0};
    assert_int_equal(bti_shingle_cache_new(64, 80, &c), 0); /* two sets of five */
    assert_int_equal(bti_shingle_cache_put(c, 1, five, 5, 1), 0);
    assert_int_equal(bti_shingle_cache_put(c, 2, five, 5, 1), 0);
    assert_int_equal(bti_shingle_cache_put(c, 3, five, 5, 1), 0);
    assert_null(bti_shingle_cache_get(c, 1));
    expect_set(c, 2, five, 5);
    expect_set(c, 3, five, 5);
    assert_int_equal(bti_shingle_cache_put(c, 4, big, 200, 1), 0); /* over the budget alone */
    assert_null(bti_shingle_cache_get(c, 4));
    bti_shingle_cache_forget(c, 2);
    assert_null(bti_shingle_cache_get(c, 2));
    bti_shingle_cache_clear(c);
    assert_null(bti_shingle_cache_get(c, 3));
    bti_shingle_cache_free(c);
}

/* An article of paragraphs [from, to) of text `seed` (see para), stored through s and
 * indexed by the writer c in one transaction, as ingest does. */
static void store_indexed(bt_store *s, bti_connect *c, const char *title, unsigned seed,
                          unsigned from, unsigned to, char id[17])
{
    bt_article *a = bt_article_new();
    assert_non_null(a);
    assert_int_equal(bt_article_set(&a->title, title, strlen(title)), 0);
    char p[1024];
    for (unsigned i = from; i < to; i++) {
        para(seed, i, p, sizeof p);
        assert_int_equal(bt_article_add_para(a, p), 0);
    }
    bt_error err;
    int outcome;
    assert_int_equal(bt_store_begin(s, &err), 0);
    assert_int_equal(bt_store_add(s, a, NULL, &outcome, id, &err), 0);
    assert_int_equal(outcome, BT_STORE_ADDED);
    if (bti_connect_add(c, id, NULL, &err))
        fail_msg("connect: %s", err.msg);
    assert_int_equal(bt_store_commit(s, &err), 0);
    bt_article_free(a);
}

/* The writer checks a copy against the original's kept set (the pair is found as from the
 * text); once another connection removed an article, its kept set is not used: a copy of it
 * added after is paired with nothing that is gone. */
static void test_kept_sets_and_removal(void **state)
{
    fixture *f = *state;
    bt_store *s, *s2;
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &s, &err), 0);
    assert_int_equal(bt_store_open(f->db, 0, &s2, &err), 0);
    bti_connect *c;
    assert_int_equal(bti_connect_open(s, &c, &err), 0);
    char a[17], b[17], x[17], w[17], y[17];
    store_indexed(s, c, "Một", 1, 0, 8, a);
    store_indexed(s, c, "Hai", 1, 1, 8, b); /* a copy less its first paragraph */
    assert_int_equal(count(s, "SELECT count(*) FROM dup_pairs"), 1);
    store_indexed(s, c, "Ba", 5, 0, 8, x);
    store_indexed(s, c, "Năm", 9, 0, 8, w); /* so that x's row number is not taken again */
    assert_int_equal(bt_store_remove(s2, x, &err), 0);
    store_indexed(s, c, "Bốn", 5, 0, 7, y); /* a copy of the removed one */
    assert_int_equal(count(s, "SELECT count(*) FROM dup_pairs"), 1);
    assert_int_equal(count(s, "SELECT count(*) FROM dup_pairs WHERE a NOT IN"
                              " (SELECT n FROM articles) OR b NOT IN (SELECT n FROM articles)"),
                     0);
    bti_connect_close(c);
    bt_store_close(s2);
    bt_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_groups, setup, teardown),
        cmocka_unit_test_setup_teardown(test_order_and_rebuild, setup, teardown),
        cmocka_unit_test_setup_teardown(test_remove, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_and_catch_up, setup, teardown),
        cmocka_unit_test_setup_teardown(test_upgrade_from_4, setup, teardown),
        cmocka_unit_test_setup_teardown(test_old_band_params_rebuilt, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_words, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cli, setup, teardown),
        cmocka_unit_test_setup_teardown(test_search_groups, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cli_no_connect, setup, teardown),
        cmocka_unit_test_setup_teardown(test_band_filter, setup, teardown),
        cmocka_unit_test(test_shingle_cache),
        cmocka_unit_test_setup_teardown(test_band_defer, setup, teardown),
        cmocka_unit_test(test_shingle_cache_slabs),
        cmocka_unit_test_setup_teardown(test_kept_sets_and_removal, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
