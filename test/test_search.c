/* test_search.c: search end to end over a real store: each operator of the query language,
 * accent-aware ordering on hand-written Vietnamese examples, snippets marking the original
 * accented words, sorting and paging, and the CLI's JSON and its messages for bad queries. */
#include "support.h"
#include "text/alloc.h"

#include "bantin.h"
#include "store/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct doc {
    const char *title, *body, *source, *published, *author;
} doc;

/* Hand-written articles. Titles are unique so that tests can name the expected hit. */
static const doc docs[] = {
    {"Người bán ở chợ Bến Thành", "Chợ đông từ sáng sớm, hàng hóa bày kín lối đi.", "Thanh Niên",
     "2021-08-10T08:00:00+07:00", "Hà Linh"},
    {"Người bạn ở chợ Đồng Xuân", "Chợ đông từ sáng sớm, hàng hóa bày kín lối đi.", "Tuổi Trẻ",
     "2021-08-11T08:00:00+07:00", "Minh Anh"},
    {"Nguoi ban o cho Long Bien", "Cho dong tu sang som, hang hoa bay kin loi di.", "Blog",
     "2021-08-12T08:00:00+07:00", NULL},
    {"Mỹ và Taliban nối lại đàm phán hòa bình",
     "Hai bên nối lại các cuộc đàm phán tại Qatar về tương lai của Afghanistan.", "VOV.VN",
     "2021-08-20T10:00:00+07:00", "Thanh Hà"},
    {"Tổng thống Afghanistan rời khỏi đất nước",
     "Cuộc đàm thoại kéo dài. Phán quyết của tòa án được công bố sau đó ở Kabul.", "VOV.VN",
     "2021-08-15T09:00:00+07:00", NULL},
    {"Hoà giải ở Afghanistan", "Các bên kêu gọi hoà giải dân tộc và chấm dứt xung đột.",
     "Thời Đại", "2021-09-02T09:00:00+07:00", "Nguyễn Văn An"},
    {"Giá vàng hôm nay tăng mạnh", "Giá vàng SJC tăng 300.000 đồng mỗi lượng.", "VnExpress",
     "2022-01-05T07:00:00+07:00", NULL},
    {"Covid-19: thêm ca nhiễm mới", "Bộ Y tế công bố thêm ca nhiễm Covid-19 trong ngày.",
     "Tuổi Trẻ", "2021-07-01T18:00:00+07:00", NULL},
};
#define N_DOCS (sizeof docs / sizeof docs[0])

typedef struct fixture {
    char dir[64];
    char path[96];
    bt_store *s;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    strcpy(f->dir, "/tmp/bantin-search-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
    bt_error err;
    assert_int_equal(bt_store_open(f->path, 0, &f->s, &err), 0);
    for (size_t i = 0; i < N_DOCS; i++) {
        bt_article *a = bt_article_new();
        assert_non_null(a);
        const doc *d = &docs[i];
        assert_int_equal(bt_article_set(&a->title, d->title, strlen(d->title)), 0);
        assert_int_equal(bt_article_set(&a->source, d->source, strlen(d->source)), 0);
        assert_int_equal(bt_article_set(&a->published, d->published, strlen(d->published)), 0);
        assert_int_equal(bt_article_set(&a->origin, "mem", 3), 0);
        assert_int_equal(bt_article_set(&a->lang, "vi", 2), 0);
        assert_int_equal(bt_article_add_para(a, d->body), 0);
        if (d->author)
            assert_int_equal(bt_article_add_author(a, d->author), 0);
        int rc = test_store_add(f->s, a, NULL, NULL, &err);
        if (rc != BT_STORE_ADDED)
            fail_msg("add %s: %d %s", d->title, rc, err.msg);
        bt_article_free(a);
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    bt_store_close(f->s);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static bt_search_results *run(fixture *f, const char *q, const bt_search_opts *o)
{
    bt_error err;
    bt_search_results *r = NULL;
    int rc = bt_search_run(f->s, q, o, &r, &err);
    if (rc)
        fail_msg("search '%s': %d %s", q, rc, err.msg);
    return r;
}

/* The titles found, "|"-joined, in rank order. */
static void assert_titles(fixture *f, const char *q, const bt_search_opts *o, const char *want)
{
    bt_search_results *r = run(f, q, o);
    char got[2048] = "";
    for (size_t i = 0; i < r->n; i++) {
        if (i)
            strcat(got, "|");
        strncat(got, r->hits[i].title, sizeof got - strlen(got) - 2);
    }
    if (strcmp(got, want))
        fail_msg("search '%s':\n got  %s\n want %s", q, got, want);
    assert_int_equal(r->total, (int64_t)r->n);
    bt_search_results_free(r);
}

/* The first hit's title. */
static void assert_first(fixture *f, const char *q, const char *want)
{
    bt_search_results *r = run(f, q, NULL);
    if (r->n == 0 || strcmp(r->hits[0].title, want))
        fail_msg("search '%s': first is '%s', want '%s'", q, r->n ? r->hits[0].title : "(none)",
                 want);
    bt_search_results_free(r);
}

static void test_accent_aware_ordering(void **state)
{
    fixture *f = *state;
    /* a query with marks matches every form but ranks the exact word first */
    static const struct {
        const char *query, *first;
        int total;
    } table[] = {
        {"bán", "Người bán ở chợ Bến Thành", 3},
        {"bạn", "Người bạn ở chợ Đồng Xuân", 3},
        {"người bán", "Người bán ở chợ Bến Thành", 3},
        {"NGƯỜI BẠN", "Người bạn ở chợ Đồng Xuân", 3},
        {"chợ Long Biên", "Nguoi ban o cho Long Bien", 1},
        {"đàm phán", "Mỹ và Taliban nối lại đàm phán hòa bình", 2},
        {"dam phan", "Mỹ và Taliban nối lại đàm phán hòa bình", 2},
        {"DAM PHAN", "Mỹ và Taliban nối lại đàm phán hòa bình", 2},
        {"afghanistan", "Hoà giải ở Afghanistan", 3},
        {"hoa giai", "Hoà giải ở Afghanistan", 1},
        {"vàng", "Giá vàng hôm nay tăng mạnh", 1},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        bt_search_results *r = run(f, table[i].query, NULL);
        if (r->total != table[i].total || r->n == 0 || strcmp(r->hits[0].title, table[i].first))
            fail_msg("search '%s': %lld hits, first '%s'; want %d, first '%s'", table[i].query,
                     (long long)r->total, r->n ? r->hits[0].title : "(none)", table[i].total,
                     table[i].first);
        for (size_t k = 1; k < r->n; k++)
            assert_true(r->hits[k - 1].score >= r->hits[k].score);
        bt_search_results_free(r);
    }
    /* exact form beats the others by a clear margin */
    bt_search_results *r = run(f, "bán", NULL);
    assert_true(r->hits[0].score > 1.5 * r->hits[1].score);
    bt_search_results_free(r);
}

/* Old (hòa) and new (hoà) tone placement are one word. */
static void test_tone_placement(void **state)
{
    fixture *f = *state;
    bt_search_results *a = run(f, "hòa giải", NULL), *b = run(f, "hoà giải", NULL);
    assert_int_equal(a->total, b->total);
    assert_string_equal(a->hits[0].title, b->hits[0].title);
    assert_true(a->hits[0].score == b->hits[0].score);
    bt_search_results_free(a);
    bt_search_results_free(b);
}

static void test_operators(void **state)
{
    fixture *f = *state;
    bt_search_opts o = BT_SEARCH_OPTS_INIT;
    o.sort = BT_SORT_DATE;
    /* words: all must match */
    assert_titles(f, "afghanistan kabul", &o, "Tổng thống Afghanistan rời khỏi đất nước");
    /* phrase: side by side; "đàm ... phán" apart does not match */
    assert_titles(f, "\"đàm phán\"", &o, "Mỹ và Taliban nối lại đàm phán hòa bình");
    assert_titles(f, "\"dam phan\"", &o, "Mỹ và Taliban nối lại đàm phán hòa bình");
    /* the words apart still match without quotes, ranked after */
    assert_first(f, "đàm phán", "Mỹ và Taliban nối lại đàm phán hòa bình");
    /* exclusion */
    assert_titles(f, "afghanistan -taliban -kabul", &o, "Hoà giải ở Afghanistan");
    /* OR */
    assert_titles(f, "vàng OR covid", &o, "Giá vàng hôm nay tăng mạnh|Covid-19: thêm ca nhiễm mới");
    /* prefix */
    assert_titles(f, "afghan*", &o,
                  "Hoà giải ở Afghanistan|Mỹ và Taliban nối lại đàm phán hòa bình|"
                  "Tổng thống Afghanistan rời khỏi đất nước");
    /* fields */
    assert_titles(f, "title:afghanistan", &o,
                  "Hoà giải ở Afghanistan|Tổng thống Afghanistan rời khỏi đất nước");
    assert_titles(f, "afghanistan source:\"thoi dai\"", &o, "Hoà giải ở Afghanistan");
    assert_titles(f, "afghanistan author:\"thanh ha\"", &o,
                  "Mỹ và Taliban nối lại đàm phán hòa bình");
    assert_titles(f, "author:an", &o, "Hoà giải ở Afghanistan");
    assert_titles(f, "chợ -author:\"hà linh\"", &o,
                  "Nguoi ban o cho Long Bien|Người bạn ở chợ Đồng Xuân");
    /* dates */
    assert_titles(f, "afghanistan since:2021-08-16 until:2021-08-31", &o,
                  "Mỹ và Taliban nối lại đàm phán hòa bình");
    assert_titles(f, "afghanistan until:2021-08-15", &o,
                  "Tổng thống Afghanistan rời khỏi đất nước");
    assert_titles(f, "since:2021-09", &o, "Giá vàng hôm nay tăng mạnh|Hoà giải ở Afghanistan");
    /* a hyphenated word is a phrase; numbers stay whole */
    assert_titles(f, "covid-19", &o, "Covid-19: thêm ca nhiễm mới");
    assert_titles(f, "300.000", &o, "Giá vàng hôm nay tăng mạnh");
    /* every word counts, frequent ones too */
    assert_titles(f, "tương lai của afghanistan", &o, "Mỹ và Taliban nối lại đàm phán hòa bình");
    assert_titles(f, "tương lai của kabul", &o, "");
}

static void test_sort_limit_offset(void **state)
{
    fixture *f = *state;
    bt_search_opts o = BT_SEARCH_OPTS_INIT;
    o.sort = BT_SORT_DATE;
    o.limit = 1;
    o.offset = 1;
    bt_search_results *r = run(f, "chợ", &o);
    assert_int_equal(r->total, 3);
    assert_int_equal(r->n, 1);
    assert_string_equal(r->hits[0].title, "Người bạn ở chợ Đồng Xuân");
    assert_string_equal(r->hits[0].published, "2021-08-11T08:00:00+07:00");
    assert_string_equal(r->hits[0].source, "Tuổi Trẻ");
    assert_int_equal(strlen(r->hits[0].id), 16);
    bt_search_results_free(r);
    o.limit = 0;
    o.offset = 0;
    r = run(f, "chợ", &o);
    assert_int_equal(r->total, 3);
    assert_int_equal(r->n, 0);
    bt_search_results_free(r);
    /* equal scores: the newer article first */
    assert_titles(f, "sáng sớm", NULL,
                  "Người bạn ở chợ Đồng Xuân|Người bán ở chợ Bến Thành|Nguoi ban o cho Long Bien");
    /* no match is not an error */
    r = run(f, "kangaroo", NULL);
    assert_int_equal(r->total, 0);
    bt_search_results_free(r);
    bt_error err;
    o.limit = BT_SEARCH_MAX_WINDOW;
    o.offset = 1;
    assert_int_equal(bt_search_run(f->s, "chợ", &o, &r, &err), BT_ELIMIT);
}

/* Snippets are the original accented text with the matched words marked. */
static void test_snippets(void **state)
{
    fixture *f = *state;
    bt_search_results *r = run(f, "dam phan qatar", NULL);
    assert_int_equal(r->n, 1);
    const bt_search_hit *h = &r->hits[0];
    assert_non_null(strstr(h->snippet, "đàm phán tại Qatar"));
    assert_int_equal(h->n_highlights, 3);
    const char *want[] = {"đàm", "phán", "Qatar"};
    for (size_t i = 0; i < 3; i++) {
        size_t s = h->highlights[i][0], e = h->highlights[i][1];
        assert_true(e <= strlen(h->snippet));
        assert_int_equal(e - s, strlen(want[i]));
        assert_memory_equal(h->snippet + s, want[i], e - s);
    }
    bt_search_results_free(r);
    /* typed with marks: only the exact words are marked in an article that has them */
    r = run(f, "bán", NULL);
    h = &r->hits[0];
    assert_string_equal(h->title, "Người bán ở chợ Bến Thành");
    assert_int_equal(h->n_highlights, 1);
    assert_int_equal(h->highlights[0][1] - h->highlights[0][0], strlen("bán"));
    assert_memory_equal(h->snippet + h->highlights[0][0], "bán", strlen("bán"));
    /* an article without the exact word has its folded matches marked */
    h = &r->hits[1];
    assert_int_equal(h->n_highlights, 1);
    char *key = bti_fold_dup(h->snippet + h->highlights[0][0],
                            h->highlights[0][1] - h->highlights[0][0], NULL);
    assert_string_equal(key, "ban");
    free(key);
    bt_search_results_free(r);
}

static void test_bad_queries(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *q;
        int code;
        const char *msg;
    } bad[] = {
        {"\"đàm phán", BT_EINVAL, "unbalanced quote"},
        {"NOT iran", BT_EINVAL, "only excluded"},
        {"?!... ---", BT_EINVAL, "only punctuation"},
        {"iran since:2021-02-30", BT_EINVAL, "not a date"},
        {"", BT_EINVAL, "empty"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        bt_error err = {0};
        bt_search_results *r = NULL;
        int rc = bt_search_run(f->s, bad[i].q, NULL, &r, &err);
        if (rc != bad[i].code || !strstr(err.msg, bad[i].msg))
            fail_msg("'%s': %d '%s'", bad[i].q, rc, err.msg);
        assert_null(r);
    }
}

/* The CLI: JSON for scripts, exit status and messages for bad queries. */
static void test_cli(void **state)
{
    fixture *f = *state;
    char cmd[512], *out = NULL, *err = NULL;
    snprintf(cmd, sizeof cmd, "%s search --db '%s' --format json dam phan", test_bantin_bin(),
             f->path);
    assert_int_equal(test_run(cmd, &out, &err), 0);
    assert_non_null(strstr(out, "{\"total\":2,\"results\":[{\"id\":\""));
    assert_non_null(strstr(out, "\"title\":\"Mỹ và Taliban nối lại đàm phán hòa bình\""));
    assert_non_null(strstr(out, "\"highlights\":[["));
    free(out);
    free(err);
    /* a -word is a query word, not an option */
    snprintf(cmd, sizeof cmd, "%s search --db '%s' afghanistan -taliban -kabul --limit 5",
             test_bantin_bin(), f->path);
    assert_int_equal(test_run(cmd, &out, &err), 0);
    assert_non_null(strstr(out, "1 result\n"));
    assert_non_null(strstr(out, "Hoà giải ở Afghanistan"));
    free(out);
    free(err);
    /* a 10 kB query, an unbalanced quote: a message, exit 2, no SQL in sight */
    char *big = malloc(10600);
    assert_non_null(big);
    int n = snprintf(big, 10600, "%s search --db '%s' '", test_bantin_bin(), f->path);
    for (int i = 0; i < 10240; i++)
        big[n++] = i % 6 == 5 ? ' ' : 'a';
    strcpy(big + n, "'");
    assert_int_equal(test_run(big, &out, &err), 2);
    assert_non_null(strstr(err, "too long"));
    free(big);
    free(out);
    free(err);
    snprintf(cmd, sizeof cmd, "%s search --db '%s' '\"dam phan'", test_bantin_bin(), f->path);
    assert_int_equal(test_run(cmd, &out, &err), 2);
    assert_non_null(strstr(err, "unbalanced quote"));
    assert_null(strstr(err, "fts5"));
    assert_null(strstr(err, "SQL"));
    free(out);
    free(err);
    /* nothing found: exit 1 */
    snprintf(cmd, sizeof cmd, "%s search --db '%s' kangaroo", test_bantin_bin(), f->path);
    assert_int_equal(test_run(cmd, &out, &err), 1);
    assert_non_null(strstr(out, "0 results"));
    free(out);
    free(err);
}

/* More than a thousand matches: ranked in tiers (title and lede first) when they fill the
 * page, whole for a deep page; the total is exact either way. */
/* Stores one article (title, published or NULL, one paragraph) with origin `origin`. */
static void add_one(fixture *f, const char *title, const char *published, const char *body,
                    const char *origin)
{
    bt_error err;
    bt_article *a = bt_article_new();
    assert_non_null(a);
    assert_int_equal(bt_article_set(&a->title, title, strlen(title)), 0);
    if (published)
        assert_int_equal(bt_article_set(&a->published, published, strlen(published)), 0);
    assert_int_equal(bt_article_set(&a->origin, origin, strlen(origin)), 0);
    assert_int_equal(bt_article_add_para(a, body), 0);
    assert_int_equal(test_store_add(f->s, a, NULL, NULL, &err), BT_STORE_ADDED);
    bt_article_free(a);
}

static void test_large_result(void **state)
{
    fixture *f = *state;
    bt_error err;
    assert_int_equal(bt_store_begin(f->s, &err), 0);
    for (int i = 0; i < 1100; i++) {
        char title[96], body[160];
        if (i % 100 == 7)
            snprintf(title, sizeof title, "Bão số %d đổ bộ vào miền Trung", i);
        else
            snprintf(title, sizeof title, "Bản tin thời tiết số %d", i);
        snprintf(body, sizeof body, "Dự báo số %d: bão và mưa lớn ở nhiều nơi, bão đi chậm.", i);
        add_one(f, title, NULL, body, "gen");
    }
    assert_int_equal(bt_store_commit(f->s, &err), 0);
    bt_search_opts o = BT_SEARCH_OPTS_INIT;
    o.limit = 10;
    bt_search_results *r = run(f, "bão", &o);
    assert_int_equal(r->total, 1100);
    assert_int_equal(r->n, 10);
    for (size_t i = 0; i < r->n; i++)
        assert_non_null(strstr(r->hits[i].title, "Bão số"));
    bt_search_results_free(r);
    o.offset = 200; /* past the first tier's reach: ranked whole */
    o.limit = 5;
    r = run(f, "bao", &o);
    assert_int_equal(r->total, 1100);
    assert_int_equal(r->n, 5);
    bt_search_results_free(r);
    o.offset = 0;
    o.limit = 11; /* more than the 11 titles with the word: still all of them first */
    r = run(f, "bão", &o);
    assert_int_equal(r->n, 11);
    for (size_t i = 0; i < r->n; i++)
        assert_non_null(strstr(r->hits[i].title, "Bão số"));
    bt_search_results_free(r);
}

/* A result of a few hundred (ranked on its folded expression): the accent-exact boost still
 * puts the articles that have the word as typed first. */
static void test_mid_result_exact(void **state)
{
    fixture *f = *state;
    bt_error err;
    assert_int_equal(bt_store_begin(f->s, &err), 0);
    for (int i = 0; i < 300; i++) {
        char title[96];
        snprintf(title, sizeof title, i % 7 == 3 ? "Người bán hàng rong số %d" : "Người bạn học số %d", i);
        add_one(f, title, NULL, "Một câu chuyện đời thường.", "gen");
    }
    assert_int_equal(bt_store_commit(f->s, &err), 0);
    bt_search_results *r = run(f, "bán", NULL);
    assert_true(r->total > 300);
    assert_int_equal(r->n, 10);
    for (size_t i = 0; i < r->n; i++)
        if (!strstr(r->hits[i].title, "bán"))
            fail_msg("hit %zu '%s' has no 'bán'", i, r->hits[i].title);
    bt_search_results_free(r);
    r = run(f, "bạn học", NULL);
    for (size_t i = 0; i < r->n; i++)
        assert_non_null(strstr(r->hits[i].title, "bạn học"));
    bt_search_results_free(r);
}

/* since:/until: ranked by relevance (answered from the array of publication days, not the
 * rows): the same articles as by date, and articles added later, or with a date that is not
 * YYYY-MM-DD or no date, are judged on what the store holds now. */
static void add_dated(fixture *f, const char *title, const char *published)
{
    add_one(f, title, published, "Chợ nổi họp từ sáng sớm.", "mem");
}

static void test_date_filter_relevance(void **state)
{
    fixture *f = *state;
    bt_search_opts o = BT_SEARCH_OPTS_INIT;
    o.sort = BT_SORT_DATE;
    const char *q = "chợ since:2021-08-11 until:2021-09-30";
    assert_titles(f, q, &o, "Nguoi ban o cho Long Bien|Người bạn ở chợ Đồng Xuân");
    bt_search_results *r = run(f, q, NULL);
    assert_int_equal(r->total, 2);
    assert_int_equal(r->total_more, 0);
    bt_search_results_free(r);
    add_dated(f, "Chợ nổi Cái Răng", "2021-09-01T06:00:00+07:00");
    add_dated(f, "Chợ nổi Phong Điền", "2021-09-3"); /* not YYYY-MM-DD: compared as text */
    add_dated(f, "Chợ nổi Ngã Bảy", NULL);
    add_dated(f, "Chợ nổi Ngã Năm", "2021-10-01T06:00:00+07:00");
    r = run(f, q, NULL);
    assert_int_equal(r->total, 4);
    int seen = 0;
    for (size_t i = 0; i < r->n; i++)
        seen |= (!strcmp(r->hits[i].title, "Chợ nổi Cái Răng") ? 1 : 0) |
                (!strcmp(r->hits[i].title, "Chợ nổi Phong Điền") ? 2 : 0);
    assert_int_equal(seen, 3);
    bt_search_results_free(r);
    r = run(f, "chợ since:2021-09-02", NULL); /* "2021-09-3" > "2021-09-02" as text */
    assert_int_equal(r->total, 2);
    bt_search_results_free(r);
    r = run(f, "chợ until:2021-08-10", NULL);
    assert_int_equal(r->total, 1);
    assert_string_equal(r->hits[0].title, "Người bán ở chợ Bến Thành");
    bt_search_results_free(r);
}

/* The rowid range of a date filter (dates.c's bti_day_span) skips the blocks of articles
 * whose days cannot be within the dates: over three blocks, the articles within the dates
 * near the start, in the middle and at the very end, an article without a date and one
 * whose date is not YYYY-MM-DD (judged on its row, as text) are found, no more. */
static void test_date_span_blocks(void **state)
{
    fixture *f = *state;
    bt_error err;
    enum { N = 2600 }; /* past two blocks of SPAN_BLOCK (1024) rowids */
    const int in[3] = {3, 1500, N - 1};
    assert_int_equal(bt_store_begin(f->s, &err), 0);
    for (int i = 0; i < N; i++) {
        char title[96], date[32];
        snprintf(title, sizeof title, "Đèo Hải Vân số %d", i);
        int y = i == in[0] || i == in[1] || i == in[2] ? 2021 : 2018 + 2 * (i % 2);
        snprintf(date, sizeof date, "%d-%02d-15T08:00:00+07:00", y, 1 + i % 12);
        /* 1800: no date; 1900: "2021-04-3", within 2021 and April 2021 as text */
        add_one(f, title, i == 1800 ? NULL : i == 1900 ? "2021-04-3" : date,
                "Sương mù trên đèo.", "gen");
    }
    assert_int_equal(bt_store_commit(f->s, &err), 0);
    const char *queries[] = {"đèo since:2021-01-01 until:2021-12-31", "deo since:2021 until:2021",
                             "\"đèo hải\" since:2021 until:2021"};
    for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
        bt_search_opts o = BT_SEARCH_OPTS_INIT;
        o.sort = BT_SORT_DATE;
        bt_search_results *r = run(f, queries[q], &o);
        if (r->total != 4 || r->total_more || r->n != 4)
            fail_msg("'%s': total %lld%s, %zu hits", queries[q], (long long)r->total,
                     r->total_more ? "+" : "", r->n);
        int seen = 0;
        for (size_t i = 0; i < r->n; i++)
            for (int k = 0; k < 4; k++) {
                char want[32];
                snprintf(want, sizeof want, "Đèo Hải Vân số %d", k < 3 ? in[k] : 1900);
                seen |= !strcmp(r->hits[i].title, want) << k;
            }
        assert_int_equal(seen, 15);
        bt_search_results_free(r);
        r = run(f, queries[q], NULL); /* by relevance: the window walks the range */
        assert_int_equal(r->total, 4);
        bt_search_results_free(r);
    }
    bt_search_results *r = run(f, "đèo since:2022-01-01 until:2022-12-31", NULL);
    assert_int_equal(r->total, 0);
    bt_search_results_free(r);
    r = run(f, "đèo since:2021-04-01 until:2021-04-30", NULL); /* in[0] (April) and 1900 */
    assert_int_equal(r->total, 2);
    bt_search_results_free(r);
    r = run(f, "đèo since:2019-01-01 until:2019-12-31", NULL); /* between 2018 and 2020: none */
    assert_int_equal(r->total, 0);
    bt_search_results_free(r);
}

/* The phrase index (bt_store_set_phrase_index): phrases matched by their syllable pairs find
 * exactly the articles the positional match finds, with the same totals; snippets still mark
 * every syllable of the phrase; articles added later get pairs too; switching back gives the
 * plain index. */
static const char *const phrase_queries[] = {
    "\"đàm phán\"", "\"dam phan\"", "\"đàm phán hòa bình\"", "\"DAM PHAN hoa binh\"",
    "\"bão số\"", "\"miền trung\"", "title:\"bão số\"", "\"mưa lớn\" -\"bão đi\"",
    "\"mưa lớn\" -\"bao di cham\"", "bão \"đi chậm\"", "\"hàng hoá\"", "\"covid-19\"",
    "covid-19", "\"107 bão\"", "\"đàm ph*\"", "\"chợ đông\" OR \"giá vàng\"",
    "\"số 7\" since:2000-01-01", "afghanistan \"nối lại\"",
};
#define N_PHRASE_QUERIES (sizeof phrase_queries / sizeof phrase_queries[0])

static int cmp_id(const void *a, const void *b) { return strcmp(a, b); }

/* "total:" + the hits' ids sorted (order may differ: the exact-form boost of a phrase goes
 * with the positional match) */
static void result_key(fixture *f, const char *q, char *out, size_t cap)
{
    bt_search_opts o = BT_SEARCH_OPTS_INIT;
    o.limit = 200;
    bt_search_results *r = run(f, q, &o);
    char (*ids)[17] = calloc(r->n + 1, sizeof *ids);
    assert_non_null(ids);
    for (size_t i = 0; i < r->n; i++)
        memcpy(ids[i], r->hits[i].id, 17);
    qsort(ids, r->n, sizeof *ids, cmp_id);
    int n = snprintf(out, cap, "%lld%s:", (long long)r->total, r->total_more ? "+" : "");
    for (size_t i = 0; i < r->n && (size_t)n + 18 < cap; i++)
        n += snprintf(out + n, cap - (size_t)n, "%s,", ids[i]);
    free(ids);
    bt_search_results_free(r);
}

static void test_phrase_index(void **state)
{
    fixture *f = *state;
    bt_error err;
    int on = -1;
    static char before[N_PHRASE_QUERIES][4096];
    assert_int_equal(bt_store_phrase_index(f->s, &on, &err), 0);
    assert_int_equal(on, 0);
    for (size_t i = 0; i < N_PHRASE_QUERIES; i++)
        result_key(f, phrase_queries[i], before[i], sizeof before[i]);
    assert_int_equal(bt_store_set_phrase_index(f->s, 1, &err), 0);
    assert_int_equal(bt_store_phrase_index(f->s, &on, &err), 0);
    assert_int_equal(on, 1);
    bt_store_stats st = BT_STORE_STATS_INIT;
    assert_int_equal(bt_store_stats_get(f->s, &st, &err), 0);
    assert_int_equal(st.phrase_index, 1);
    assert_int_equal(bt_store_check(f->s, &err), 0);
    for (size_t i = 0; i < N_PHRASE_QUERIES; i++) {
        char after[4096];
        result_key(f, phrase_queries[i], after, sizeof after);
        if (strcmp(before[i], after))
            fail_msg("'%s' with pairs:\n got  %s\n want %s", phrase_queries[i], after,
                     before[i]);
    }
    /* the pair match still marks both syllables, in the accented original */
    bt_search_results *r = run(f, "\"dam phan hoa binh\"", NULL);
    assert_int_equal(r->n, 1);
    size_t marked = 0;
    for (size_t i = 0; i < r->hits[0].n_highlights; i++)
        marked += r->hits[0].highlights[i][1] - r->hits[0].highlights[i][0];
    assert_int_equal(marked, strlen("đàm phán hòa bình")); /* a phrase is marked whole */
    bt_search_results_free(r);
    /* the side-by-side boost sees a pair-matched phrase where it stands */
    assert_first(f, "\"tổng thống\" afghanistan", "Tổng thống Afghanistan rời khỏi đất nước");
    /* added after: indexed with pairs */
    add_dated(f, "Phiên đàm phán mới ở Doha", "2021-09-05T06:00:00+07:00");
    r = run(f, "\"phiên đàm phán\"", NULL);
    assert_int_equal(r->total, 1);
    bt_search_results_free(r);
    /* nothing to do when already so; back to the plain index */
    assert_int_equal(bt_store_set_phrase_index(f->s, 1, &err), 0);
    assert_int_equal(bt_store_set_phrase_index(f->s, 0, &err), 0);
    assert_int_equal(bt_store_phrase_index(f->s, &on, &err), 0);
    assert_int_equal(on, 0);
    assert_int_equal(bt_store_check(f->s, &err), 0);
    r = run(f, "\"phiên đàm phán\"", NULL);
    assert_int_equal(r->total, 1);
    bt_search_results_free(r);
    /* not inside a batch */
    assert_int_equal(bt_store_begin(f->s, &err), 0);
    assert_int_equal(bt_store_set_phrase_index(f->s, 1, &err), BT_EINVAL);
    assert_non_null(strstr(err.msg, "batch"));
    assert_int_equal(bt_store_rollback(f->s, &err), 0);
    /* the CLI: says what it did, refuses a call without --phrases/--no-phrases */
    char cmd[512], *out = NULL, *er = NULL;
    snprintf(cmd, sizeof cmd, "%s index --db '%s'", test_bantin_bin(), f->path);
    assert_int_equal(test_run(cmd, &out, &er), 2);
    assert_non_null(strstr(er, "--phrases"));
    free(out);
    free(er);
    snprintf(cmd, sizeof cmd, "(%s index --db '%s' --phrases && %s stats --db '%s' --json)",
             test_bantin_bin(), f->path, test_bantin_bin(), f->path);
    assert_int_equal(test_run(cmd, &out, &er), 0);
    assert_non_null(strstr(er, "with phrases"));
    assert_non_null(strstr(out, "\"phrase_index\":true"));
    free(out);
    free(er);
}

/* Refuses to read the schema table, where the phrase-index check looks: everything else runs. */
static int deny_schema(void *arg, int action, const char *a1, const char *a2, const char *db,
                       const char *trigger)
{
    (void)arg, (void)a2, (void)db, (void)trigger;
    if (action == SQLITE_READ && a1 &&
        (!strcmp(a1, "sqlite_master") || !strcmp(a1, "sqlite_schema")))
        return SQLITE_DENY;
    return SQLITE_OK;
}

/* A database error in the phrase-index check comes back as an error, from the check, the
 * stats and search alike: never read as "the phrase index is on". */
static void test_phrase_index_error(void **state)
{
    fixture *f = *state;
    bt_error err = {0};
    int was = -1;
    assert_int_equal(bt_store_phrase_index(f->s, &was, &err), 0);
    sqlite3 *db = bti_store_db(f->s);
    assert_int_equal(sqlite3_set_authorizer(db, deny_schema, NULL), SQLITE_OK);
    int on = 1, rc = bt_store_phrase_index(f->s, &on, &err);
    bt_store_stats st = BT_STORE_STATS_INIT;
    int rc_stats = bt_store_stats_get(f->s, &st, &err);
    bt_search_results *r = NULL;
    int rc_search = bt_search_run(f->s, "\"đàm phán\"", NULL, &r, &err);
    bt_search_results_free(r);
    sqlite3_set_authorizer(db, NULL, NULL);
    assert_int_equal(rc, BT_EDB);
    assert_int_equal(on, 0);
    assert_int_equal(rc_stats, BT_EDB);
    assert_int_equal(rc_search, BT_EDB);
    assert_non_null(strstr(err.msg, "index"));
    assert_int_equal(bt_store_phrase_index(f->s, &on, &err), 0);
    assert_int_equal(on, was);
}


/* Adds `n` articles: the ones with i % 20 == 0 have `Word` in the title ("Word ở vùng núi,
 * bản số i"), the others `word` only in the body; even ones published in 2021, odd ones in
 * 2019. */
static void add_floods(fixture *f, int n, const char *Word, const char *word)
{
    bt_error err;
    assert_int_equal(bt_store_begin(f->s, &err), 0);
    for (int i = 0; i < n; i++) {
        char title[96], body[160], date[32];
        if (i % 20 == 0)
            snprintf(title, sizeof title, "%s ở vùng núi, bản số %d", Word, i);
        else
            snprintf(title, sizeof title, "Tin vùng cao số %d", i);
        snprintf(body, sizeof body, "Mưa lớn kéo dài. Sau đó %s qua bản số %d.", word, i);
        snprintf(date, sizeof date, "%d-03-%02dT08:00:00+07:00", i % 2 ? 2019 : 2021,
                 1 + i % 28);
        add_one(f, title, date, body, "gen");
    }
    assert_int_equal(bt_store_commit(f->s, &err), 0);
}

/* Results of a few hundred that the window ranks as it walks (a date filter, a phrase):
 * exact totals, the articles with the words in the title first. */
static void test_window_ranked(void **state)
{
    fixture *f = *state;
    add_floods(f, 700, "Lũ quét", "lũ quét");
    const char *queries[] = {"lũ quét since:2021-01-01 until:2021-12-31", "lu quet since:2021",
                             "\"lũ quét\"", "\"lu quet\" since:2021-03"};
    const int64_t totals[] = {350, 350, 700, 350};
    for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
        bt_search_results *r = run(f, queries[q], NULL);
        if (r->total != totals[q] || r->total_more || r->n != 10)
            fail_msg("'%s': total %lld%s, %zu hits", queries[q], (long long)r->total,
                     r->total_more ? "+" : "", r->n);
        for (size_t i = 0; i < r->n; i++) {
            if (!strstr(r->hits[i].title, "Lũ quét"))
                fail_msg("'%s': hit %zu '%s' has no 'Lũ quét'", queries[q], i, r->hits[i].title);
            if (q != 2 && strncmp(r->hits[i].published, "2021-", 5))
                fail_msg("'%s': hit %zu published %s", queries[q], i, r->hits[i].published);
        }
        bt_search_results_free(r);
    }
}

/* A reader (its whole file mapped) sees what a writer commits, also after a vacuum has
 * rewritten and shrunk the file under it. */
static void test_reader_follows_writer(void **state)
{
    fixture *f = *state;
    bt_error err;
    bt_store *ro = NULL;
    assert_int_equal(bt_store_open(f->path, BT_STORE_READONLY, &ro, &err), 0);
    bt_search_results *r = NULL;
    assert_int_equal(bt_search_run(ro, "sạt lở", NULL, &r, &err), 0);
    assert_int_equal(r->total, 0);
    bt_search_results_free(r);
    add_floods(f, 300, "Sạt lở", "sạt lở");
    assert_int_equal(bt_search_run(ro, "sạt lở", NULL, &r, &err), 0);
    assert_int_equal(r->total, 300);
    assert_int_equal(r->n, 10);
    bt_search_results_free(r);
    /* the writer removes all but one and vacuums: the file shrinks under the reader */
    const char *keep = "Sạt lở ở vùng núi, bản số 0";
    assert_int_equal(bt_store_begin(f->s, &err), 0);
    for (int64_t n = 1; n <= 10000; n++) {
        bt_article *a = NULL;
        if (bti_store_get_rowid(f->s, n, &a, &err) == 0 && a) {
            if (strcmp(a->title, keep) && test_body_has(a, "sạt lở"))
                assert_int_equal(bt_store_remove(f->s, a->id, &err), 0);
            bt_article_free(a);
        }
    }
    assert_int_equal(bt_store_commit(f->s, &err), 0);
    assert_int_equal(bt_store_vacuum(f->s, &err), 0);
    assert_int_equal(bt_search_run(f->s, "sạt lở", NULL, &r, &err), 0);
    assert_int_equal(r->total, 1); /* the writer's own view */
    bt_search_results_free(r);
    assert_int_equal(bt_search_run(ro, "sạt lở", NULL, &r, &err), 0);
    assert_int_equal(r->total, 1);
    assert_string_equal(r->hits[0].title, keep);
    bt_search_results_free(r);
    bt_store_close(ro);
}

/* Options built against an older header (a shorter struct) keep the defaults of the fields
 * they lack; options without their size are refused. */
static void test_opts_size(void **state)
{
    fixture *f = *state;
    bt_search_results *r = NULL;
    bt_error err;
    bt_search_opts o = BT_SEARCH_OPTS_INIT;
    o.size = 0;
    assert_int_equal(bt_search_run(f->s, "taliban", &o, &r, &err), BT_EINVAL);
    assert_null(r);
    assert_non_null(strstr(err.msg, "INIT"));
    bt_search_opts old = BT_SEARCH_OPTS_INIT;
    old.flags = BT_SEARCH_NO_SNIPPET; /* past the old caller's size: not read */
    old.size = offsetof(bt_search_opts, flags);
    assert_int_equal(bt_search_run(f->s, "taliban", &old, &r, &err), 0);
    assert_true(r->n > 0);
    assert_non_null(r->hits[0].snippet);
    assert_true(strlen(r->hits[0].snippet) > 0);
    bt_search_results_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accent_aware_ordering),
        cmocka_unit_test(test_tone_placement),
        cmocka_unit_test(test_operators),
        cmocka_unit_test(test_sort_limit_offset),
        cmocka_unit_test(test_snippets),
        cmocka_unit_test(test_bad_queries),
        cmocka_unit_test(test_cli),
        cmocka_unit_test(test_large_result),
        cmocka_unit_test(test_mid_result_exact),
        cmocka_unit_test(test_date_filter_relevance),
        cmocka_unit_test(test_date_span_blocks),
        cmocka_unit_test(test_phrase_index),
        cmocka_unit_test(test_phrase_index_error),
        cmocka_unit_test(test_window_ranked),
        cmocka_unit_test(test_reader_follows_writer),
        cmocka_unit_test(test_opts_size),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
