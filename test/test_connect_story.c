/* test_connect_story.c: online story clustering (src/connect/story.c) on small hand-written
 * English and Vietnamese sets whose grouping is clear; the time window; a new story for an
 * unrelated document; determinism; empty and one-word titles; merges of stories that
 * converge; the story's title, dates, members and key terms; a set saved and loaded again. */
#include "support.h"

#include "connect/story_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T0 1700000000 /* 2023-11-14: any day will do */
#define HOUR 3600
#define DAY 86400

typedef struct item {
    const char *title;
    int group; /* the expected story */
} item;

/* Feeds `items` (dated T0 + i hours unless `dates`) and returns the story of each. */
static uint32_t *run(bti_story_set *set, const item *items, size_t n, const char *lang)
{
    uint32_t *got = malloc(n * sizeof *got);
    assert_non_null(got);
    for (size_t i = 0; i < n; i++) {
        bti_story_doc d = {items[i].title, strlen(items[i].title), NULL, 0,
                           T0 + (int64_t)i * HOUR, lang, 0};
        bt_error err = {0};
        assert_int_equal(bti_story_add(set, &d, &got[i], &err), 0);
    }
    return got;
}

/* Every pair of items is together exactly when their groups are the same. */
static void check_groups(const bti_story_set *set, const item *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            int same = bti_story_of(set, (uint32_t)i) == bti_story_of(set, (uint32_t)j);
            if (same != (items[i].group == items[j].group))
                fail_msg("'%s' and '%s' should be %s", items[i].title, items[j].title,
                         same ? "apart" : "together");
        }
}

static const item en_items[] = {
    {"Vietnam Airlines orders 50 Boeing 737 Max jets in Hanoi deal", 0},
    {"Typhoon Yagi makes landfall in northern Vietnam", 1},
    {"Manchester City beat Arsenal 3-1 to go top of the Premier League", 2},
    {"Boeing wins order for 50 737 Max jets from Vietnam Airlines", 0},
    {"Yagi, the strongest typhoon in decades, hits the Quang Ninh coast", 1},
    {"Haaland scores twice as Manchester City beat Arsenal", 2},
    {"Vietnam Airlines signs deal for 50 Boeing jets", 0},
    {"Typhoon Yagi kills dozens as floods sweep northern provinces", 1},
    {"Arsenal lose 3-1 at Manchester City", 2},
    {"Boeing 737 Max order from Vietnam Airlines worth $10 billion", 0},
    {"Floods after typhoon Yagi leave millions without power", 1},
    {"Premier League: City top the table after win over Arsenal", 2},
};

static const item vi_items[] = {
    {"Mỹ và Trung Quốc nối lại đàm phán thương mại", 0},
    {"Giá xăng tăng mạnh từ chiều nay", 1},
    {"Hà Nội mưa lớn, nhiều tuyến phố ngập sâu", 2},
    {"Đàm phán thương mại Mỹ - Trung Quốc có tiến triển", 0},
    {"Xăng RON 95 tăng giá hơn 1.000 đồng mỗi lít từ chiều nay", 1},
    {"Mưa lớn gây ngập nhiều tuyến phố Hà Nội", 2},
    {"Trung Quốc và Mỹ đạt thỏa thuận sau vòng đàm phán thương mại", 0},
    {"Giá xăng dầu đồng loạt tăng mạnh", 1},
    {"Ngập sâu sau trận mưa lớn ở Hà Nội", 2},
    /* a copy without marks, as some sites print them, finds its story through the fold */
    {"Dam phan thuong mai My - Trung Quoc tiep tuc", 0},
};

static bti_story_set *new_set(void)
{
    bti_story_set *set = NULL;
    bt_error err = {0};
    assert_int_equal(bti_story_set_new(NULL, &set, &err), 0);
    return set;
}

static void test_english_groups(void **state)
{
    (void)state;
    bti_story_set *set = new_set();
    size_t n = sizeof en_items / sizeof *en_items;
    free(run(set, en_items, n, "en"));
    assert_int_equal(bti_story_merge(set, NULL, NULL), 0);
    check_groups(set, en_items, n);
    bti_story_set_free(set);
}

static void test_vietnamese_groups(void **state)
{
    (void)state;
    bti_story_set *set = new_set();
    size_t n = sizeof vi_items / sizeof *vi_items;
    free(run(set, vi_items, n, NULL)); /* the language guessed from the marks */
    assert_int_equal(bti_story_merge(set, NULL, NULL), 0);
    check_groups(set, vi_items, n);

    /* the trade talks: title from a member, dates, a syllable pair among the key terms */
    uint32_t sid = bti_story_of(set, 0);
    bti_story_info info;
    assert_int_equal(bti_story_get(set, sid, &info), 0);
    assert_int_equal(info.size, 4);
    assert_int_equal(info.first, T0);
    assert_int_equal(info.last, T0 + 9 * HOUR);
    int member = 0;
    for (size_t i = 0; i < n; i++)
        member |= vi_items[i].group == 0 && !strcmp(info.title, vi_items[i].title);
    assert_true(member);
    const char *terms[6];
    size_t nt = bti_story_terms(set, sid, terms, 6);
    assert_true(nt > 0);
    int pair = 0;
    for (size_t i = 0; i < nt; i++)
        pair |= !strcmp(terms[i], "dam phan") || !strcmp(terms[i], "thuong mai") ||
                !strcmp(terms[i], "trung quoc");
    assert_true(pair);
    uint32_t nm = 0;
    const uint32_t *m = bti_story_members(set, sid, &nm);
    assert_int_equal(nm, 4);
    assert_int_equal(m[0], 0);
    assert_int_equal(m[3], 9);
    bti_story_set_free(set);
}

static void test_unrelated_starts_a_story(void **state)
{
    (void)state;
    bti_story_set *set = new_set();
    size_t n = sizeof en_items / sizeof *en_items;
    free(run(set, en_items, n, "en"));
    uint32_t before = bti_story_count(set), got;
    bti_story_doc d = {"Scientists map the genome of the giant panda", 44, NULL, 0, T0 + 20 * HOUR,
                       "en", 0};
    assert_int_equal(bti_story_add(set, &d, &got, NULL), 0);
    assert_int_equal(got, before);
    assert_int_equal(bti_story_count(set), before + 1);
    bti_story_set_free(set);
}

static void test_window_expiry(void **state)
{
    (void)state;
    /* without the decay, so that the window alone decides */
    bti_story_config cfg;
    bti_story_config_default(&cfg);
    cfg.decay_days = 0;
    bti_story_set *set = NULL;
    assert_int_equal(bti_story_set_new(&cfg, &set, NULL), 0);
    const char *t = "Typhoon Yagi makes landfall in northern Vietnam";
    uint32_t a, b, c, e;
    bti_story_doc d = {t, strlen(t), NULL, 0, T0, "en", 0};
    assert_int_equal(bti_story_add(set, &d, &a, NULL), 0);
    d.date = T0 + 6 * DAY; /* within 7 days of the last one: joins */
    assert_int_equal(bti_story_add(set, &d, &b, NULL), 0);
    assert_int_equal(a, b);
    d.date = T0 + 12 * DAY; /* 6 days after the last one: still joins */
    assert_int_equal(bti_story_add(set, &d, &b, NULL), 0);
    assert_int_equal(a, b);
    d.date = T0 + 20 * DAY; /* 8 days after the last one: a new story */
    assert_int_equal(bti_story_add(set, &d, &c, NULL), 0);
    assert_int_not_equal(c, a);
    bti_story_info info;
    assert_int_equal(bti_story_get(set, a, &info), 0);
    assert_int_equal(info.size, 3);
    assert_int_equal(info.first, T0);
    assert_int_equal(info.last, T0 + 12 * DAY);
    bti_story_set_free(set);

    /* with a one-day window two days is too long */
    cfg.window_days = 1;
    assert_int_equal(bti_story_set_new(&cfg, &set, NULL), 0);
    d.date = T0;
    assert_int_equal(bti_story_add(set, &d, &a, NULL), 0);
    d.date = T0 + 2 * DAY;
    assert_int_equal(bti_story_add(set, &d, &b, NULL), 0);
    assert_int_not_equal(a, b);
    bti_story_set_free(set);

    /* with the default decay a story quiet for three days needs more than the same words
     * said again differently; the same headline still joins it */
    set = new_set();
    d.date = T0;
    assert_int_equal(bti_story_add(set, &d, &a, NULL), 0);
    d.date = T0 + 3 * DAY;
    assert_int_equal(bti_story_add(set, &d, &b, NULL), 0);
    assert_int_equal(a, b);
    const char *t2 = "Northern Vietnam braces for typhoon";
    d.title = t2;
    d.title_len = strlen(t2);
    d.date = T0 + 6 * DAY;
    assert_int_equal(bti_story_add(set, &d, &e, NULL), 0);
    assert_int_not_equal(e, a);
    bti_story_set_free(set);
}

static void test_deterministic(void **state)
{
    (void)state;
    size_t n = sizeof vi_items / sizeof *vi_items, m = sizeof en_items / sizeof *en_items;
    uint32_t *got[2];
    for (int r = 0; r < 2; r++) {
        bti_story_set *set = new_set();
        free(run(set, en_items, m, "en"));
        got[r] = run(set, vi_items, n, "vi");
        assert_int_equal(bti_story_merge(set, NULL, NULL), 0);
        for (size_t i = 0; i < n; i++)
            got[r][i] = bti_story_of(set, (uint32_t)(m + i));
        bti_story_set_free(set);
    }
    assert_memory_equal(got[0], got[1], n * sizeof *got[0]);
    free(got[0]);
    free(got[1]);
}

static void test_empty_and_one_word(void **state)
{
    (void)state;
    bti_story_set *set = new_set();
    uint32_t a, b, c, e, f;
    bti_story_doc d = {NULL, 0, NULL, 0, BTI_STORY_NO_DATE, NULL, 0};
    assert_int_equal(bti_story_add(set, &d, &a, NULL), 0); /* no title at all */
    d.title = "";
    assert_int_equal(bti_story_add(set, &d, &b, NULL), 0);
    assert_int_not_equal(a, b); /* no words: a story of its own, never joined */
    d.title = "...!";
    d.title_len = 4;
    assert_int_equal(bti_story_add(set, &d, &c, NULL), 0);
    assert_int_not_equal(c, b);
    d.title = "Bitcoin";
    d.title_len = 7;
    d.date = T0;
    assert_int_equal(bti_story_add(set, &d, &e, NULL), 0);
    d.title = "bitcoin";
    assert_int_equal(bti_story_add(set, &d, &f, NULL), 0);
    assert_int_equal(e, f);
    bti_story_info info;
    assert_int_equal(bti_story_get(set, a, &info), 0);
    assert_string_equal(info.title, "");
    assert_int_equal(info.size, 1);
    assert_int_equal(bti_story_get(set, 999, &info), BT_ENOTFOUND);
    assert_int_equal(bti_story_of(set, 999), BTI_STORY_NONE);
    assert_int_equal(bti_story_doc_count(set), 5);
    bti_story_set_free(set);
}

static void test_merge_converging(void **state)
{
    (void)state;
    /* a strict joining threshold keeps the two tellings apart on arrival; the merge pass
     * (called by hand here) finds that their centroids have met */
    bti_story_config cfg;
    bti_story_config_default(&cfg);
    cfg.threshold = 0.5;
    cfg.merge_threshold = 0.3;
    cfg.merge_every = 0;
    bti_story_set *set = NULL;
    assert_int_equal(bti_story_set_new(&cfg, &set, NULL), 0);
    /* unrelated headlines first, so that the IDF knows iPhone and Apple for rare words */
    static const item items[] = {
        {"Hanoi metro line opens to passengers", 1},
        {"Rice exports rise as prices climb in the Mekong delta", 2},
        {"Storm warning issued for central provinces", 3},
        {"National football team names squad for the Asian Cup", 4},
        {"Central bank keeps interest rates unchanged", 5},
        {"Apple unveils iPhone 16 at Cupertino event", 0},
        {"Apple unveils iPhone 16 at Cupertino event today", 0},
        {"iPhone 16 launch event: Apple shows new cameras", 0},
        {"iPhone 16 launch event: Apple shows new cameras and chips", 0},
    };
    size_t n = sizeof items / sizeof *items;
    uint32_t *got = run(set, items, n, "en");
    assert_int_equal(got[5], got[6]);
    assert_int_equal(got[7], got[8]);
    assert_int_not_equal(got[5], got[7]);
    size_t merged = 0;
    assert_int_equal(bti_story_merge(set, &merged, NULL), 0);
    assert_int_equal(merged, 1);
    check_groups(set, items, n);
    /* the older story keeps its id; the other is gone */
    assert_int_equal(bti_story_of(set, 8), got[5]);
    bti_story_info info;
    assert_int_equal(bti_story_get(set, got[7], &info), BT_ENOTFOUND);
    assert_int_equal(bti_story_get(set, got[5], &info), 0);
    assert_int_equal(info.size, 4);
    uint32_t nm = 0;
    const uint32_t *m = bti_story_members(set, got[5], &nm);
    assert_int_equal(nm, 4);
    for (uint32_t i = 0; i < nm; i++)
        assert_int_equal(m[i], 5 + i); /* in order of arrival */
    assert_int_equal(bti_story_merge(set, &merged, NULL), 0);
    assert_int_equal(merged, 0); /* nothing changed since */
    free(got);
    bti_story_set_free(set);
}

static void test_text_and_bad_input(void **state)
{
    (void)state;
    bti_story_set *set = NULL;
    bti_story_config cfg;
    bti_story_config_default(&cfg);
    cfg.centroid_terms = 0;
    bt_error err = {0};
    assert_int_equal(bti_story_set_new(&cfg, &set, &err), BT_EINVAL);
    assert_null(set);
    set = new_set();
    assert_int_equal(bti_story_add(set, NULL, NULL, &err), BT_EINVAL);
    /* the text counts: two bland titles with the same lede meet */
    const char *lede = "Lãnh đạo hai nước đã hội đàm tại Hà Nội về hợp tác kinh tế và đầu tư";
    uint32_t a, b;
    bti_story_doc d = {"Tin sáng", strlen("Tin sáng"), lede, strlen(lede), T0, "vi", 0};
    assert_int_equal(bti_story_add(set, &d, &a, NULL), 0);
    d.title = "Điểm tin";
    d.title_len = strlen(d.title);
    assert_int_equal(bti_story_add(set, &d, &b, NULL), 0);
    assert_int_equal(a, b);
    bti_story_set_free(set);
    bti_story_set_free(NULL);
    assert_true(bti_story_stop_sorted());
}

/* A near-duplicate (copy_of) printed within a day of its original joins the original's
 * story whatever its words, even where another story scores higher and its headline shares
 * nothing with the story, as a silent member: listed, counted in the story's size and shown
 * span, but the story's centroid and activity dates (which the window and the decay read) do
 * not move. A day later it is judged like any document. */
static void test_copy_joins(void **state)
{
    (void)state;
    bti_story_set *set = new_set();
    bt_error err;
    uint32_t a, b, c, d;
    bti_story_doc d0 = {"Typhoon Yagi makes landfall in northern Vietnam", 47, NULL, 0, T0, "en",
                        0};
    bti_story_doc d1 = {"Hanoi metro line opens to passengers", 36, NULL, 0, T0 + HOUR, "en", 0};
    assert_int_equal(bti_story_add(set, &d0, &a, &err), 0);
    assert_int_equal(bti_story_add(set, &d1, &b, &err), 0);
    assert_int_not_equal(a, b);
    double norm = set->st[a].norm;
    uint32_t cn = set->st[a].c.n;
    /* a reprint of the first under a headline of the second story's words only */
    const char *t = "Hanoi metro line opens to its first passengers";
    bti_story_doc copy = {t, strlen(t), NULL, 0, T0 + 20 * HOUR, "en", 1};
    bti_story_doc plain = copy;
    plain.copy_of = 0;
    bti_story_set *other = new_set();
    uint32_t x, y, z;
    assert_int_equal(bti_story_add(other, &d0, &x, &err), 0);
    assert_int_equal(bti_story_add(other, &d1, &y, &err), 0);
    assert_int_equal(bti_story_add(other, &plain, &z, &err), 0);
    assert_int_equal(z, y);     /* on its words alone: the other story */
    assert_int_equal(bti_story_add(set, &copy, &c, &err), 0);
    assert_int_equal(c, a);     /* with copy_of: the original's story */
    assert_int_equal(bti_story_of(set, 2), a);
    /* silent: the centroid and the activity dates are the original's alone */
    assert_true(set->st[a].norm == norm);
    assert_int_equal(set->st[a].c.n, cn);
    assert_true(set->st[a].last == T0);
    assert_int_equal(set->st[a].size, 1);
    bti_story_info info;
    assert_int_equal(bti_story_get(set, a, &info), 0);
    assert_int_equal(info.size, 2);              /* but listed */
    assert_int_equal(info.last, T0 + 20 * HOUR); /* and shown in the span */
    assert_int_equal(info.central_doc, 0);       /* the original stays its title */
    uint32_t nm;
    const uint32_t *mem = bti_story_members(set, a, &nm);
    assert_int_equal(nm, 2);
    assert_int_equal(mem[1], 2);
    /* two days later the copy is judged on its words alone: the metro's story (its words
     * are that story's, near enough for the decay's floor) */
    bti_story_doc late = copy;
    late.date = T0 + 2 * DAY;
    late.title = "Hanoi metro line opens to passengers";
    late.title_len = strlen(late.title);
    assert_int_equal(bti_story_add(set, &late, &d, &err), 0);
    assert_int_equal(d, b);
    assert_int_equal(bti_story_get(set, a, &info), 0);
    assert_int_equal(info.size, 2);
    bti_story_set_free(set);
    bti_story_set_free(other);
}

static int sink_to_buf(void *ctx, const void *data, size_t len)
{
    return bti_buf_add(ctx, data, len);
}

/* RESERVE_AHEAD: room made for documents changes no story, and a set saved after the room
 * was made but before any document (the day states of a catch-up into an empty store) loads
 * and goes on as a new set does (its reserved term table is not saved: made again). */
static void test_reserve_ahead(void **state)
{
    (void)state;
    size_t n = sizeof en_items / sizeof en_items[0];
    bti_story_set *plain, *roomy, *loaded;
    bt_error err;
    assert_int_equal(bti_story_set_new(NULL, &plain, &err), 0);
    assert_int_equal(bti_story_set_new(NULL, &roomy, &err), 0);
    assert_int_equal(bti_story_reserve(roomy, (uint32_t)n), 0);
    bti_buf b = BTI_BUF_INIT;
    assert_int_equal(bti_story_save(roomy, &b), 0);
    assert_int_equal(bti_story_load(NULL, b.data, b.len, &loaded, &err), 0);
    bti_buf_free(&b);
    assert_int_equal(bti_story_reserve(loaded, (uint32_t)n), 0);
    free(run(plain, en_items, n, "en"));
    free(run(roomy, en_items, n, "en"));
    free(run(loaded, en_items, n, "en"));
    assert_int_equal(bti_story_count(roomy), bti_story_count(plain));
    assert_int_equal(bti_story_count(loaded), bti_story_count(plain));
    for (uint32_t i = 0; i < n; i++) {
        assert_int_equal(bti_story_of(roomy, i), bti_story_of(plain, i));
        assert_int_equal(bti_story_of(loaded, i), bti_story_of(plain, i));
    }
    /* the streamed core (STATE_STREAMED) is the buffered one, byte for byte */
    bti_buf whole = BTI_BUF_INIT, scratch = BTI_BUF_INIT, pieces = BTI_BUF_INIT;
    assert_int_equal(bti_story_save_core(roomy, &whole), 0);
    assert_int_equal(bti_story_core_size(roomy), whole.len);
    assert_int_equal(bti_story_save_core_to(roomy, &scratch, sink_to_buf, &pieces), 0);
    assert_int_equal(pieces.len, whole.len);
    assert_memory_equal(pieces.data, whole.data, whole.len);
    bti_buf_free(&whole);
    bti_buf_free(&scratch);
    bti_buf_free(&pieces);
    bti_story_set_free(plain);
    bti_story_set_free(roomy);
    bti_story_set_free(loaded);
}

/* A set saved half way and loaded again goes on exactly as the set that was never saved:
 * the same stories, titles and terms; damaged or foreign bytes are refused. */
static void test_save_load(void **state)
{
    (void)state;
    size_t n = sizeof en_items / sizeof en_items[0];
    bti_story_set *whole, *first, *loaded;
    bt_error err;
    assert_int_equal(bti_story_set_new(NULL, &whole, &err), 0);
    assert_int_equal(bti_story_set_new(NULL, &first, &err), 0);
    free(run(whole, en_items, n, "en"));
    free(run(first, en_items, n / 2, "en"));
    bti_buf b = BTI_BUF_INIT;
    assert_int_equal(bti_story_save(first, &b), 0);
    assert_int_equal(bti_story_load(NULL, b.data, b.len, &loaded, &err), 0);
    bti_story_set_free(first);
    for (size_t i = n / 2; i < n; i++) {
        bti_story_doc d = {en_items[i].title, strlen(en_items[i].title), NULL, 0,
                           T0 + (int64_t)i * HOUR, "en", 0};
        assert_int_equal(bti_story_add(loaded, &d, NULL, &err), 0);
    }
    assert_int_equal(bti_story_doc_count(loaded), n);
    assert_int_equal(bti_story_count(loaded), bti_story_count(whole));
    for (uint32_t i = 0; i < n; i++)
        assert_int_equal(bti_story_of(loaded, i), bti_story_of(whole, i));
    for (uint32_t id = 0; id < bti_story_count(whole); id++) {
        bti_story_info a, c;
        int rc = bti_story_get(whole, id, &a);
        assert_int_equal(bti_story_get(loaded, id, &c), rc);
        if (rc)
            continue;
        assert_int_equal(a.size, c.size);
        assert_int_equal(a.central_doc, c.central_doc);
        assert_string_equal(a.title, c.title);
        const char *ta[8], *tc[8];
        size_t na = bti_story_terms(whole, id, ta, 8), nc = bti_story_terms(loaded, id, tc, 8);
        assert_int_equal(na, nc);
        for (size_t k = 0; k < na; k++)
            assert_string_equal(ta[k], tc[k]);
    }
    /* cut short, or made with another configuration: refused */
    bti_story_set *bad = (bti_story_set *)1;
    assert_int_equal(bti_story_load(NULL, b.data, b.len - 3, &bad, &err), BT_EPARSE);
    assert_null(bad);
    bti_story_config cfg;
    bti_story_config_default(&cfg);
    cfg.threshold = 0.3;
    assert_int_equal(bti_story_load(&cfg, b.data, b.len, &bad, &err), BT_ENOTFOUND);
    assert_int_equal(bti_story_load(NULL, "x", 1, &bad, &err), BT_ENOTFOUND);
    bti_buf_free(&b);
    bti_story_set_free(loaded);
    bti_story_set_free(whole);
}


/* PARTS_SHARED: a core saved at some point reads its documents from a part written later
 * (the prefix of its own count), and the set it gives goes on as the one that was saved, even
 * when merges in between moved those documents' stories: a part holds the story each
 * document joined, not the one a later merge made it. Documents start stories of their own
 * (threshold 0.99) and a merge pass joins those of one topic. */
static void add_items(bti_story_set *set, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        bti_story_doc d = {en_items[i].title, strlen(en_items[i].title), NULL, 0,
                           T0 + (int64_t)i * HOUR, "en", 0};
        bt_error err = {0};
        assert_int_equal(bti_story_add(set, &d, NULL, &err), 0);
    }
}

static void test_save_parts(void **state)
{
    (void)state;
    bti_story_config cfg;
    bti_story_config_default(&cfg);
    cfg.threshold = 0.99;
    cfg.merge_threshold = 0.05;
    cfg.adopt_factor = 0.05;
    cfg.merge_every = 0;
    size_t n = sizeof en_items / sizeof en_items[0], half = 6;
    bti_story_set *a, *early, *late;
    bt_error err;
    assert_int_equal(bti_story_set_new(&cfg, &a, &err), 0);
    add_items(a, 0, half);
    bti_buf core = BTI_BUF_INIT, part1 = BTI_BUF_INIT, part2 = BTI_BUF_INIT;
    assert_int_equal(bti_story_save_core(a, &core), 0);
    assert_int_equal(bti_story_save_docs(a, 0, half, 1, &part1), 0);
    uint32_t before[6];
    for (uint32_t d = 0; d < half; d++)
        before[d] = bti_story_of(a, d);
    size_t merged = 0;
    assert_int_equal(bti_story_merge(a, &merged, &err), 0);
    assert_true(merged > 0);
    add_items(a, half, n);
    /* documents of the first half were merged into other stories since */
    int moved = 0;
    for (uint32_t d = 0; d < half; d++)
        moved += bti_story_of(a, d) != before[d];
    assert_true(moved > 0);
    assert_int_equal(bti_story_save_docs(a, 0, n, 0, &part2), 0);
    /* from either part, the set as it was saved: documents in their stories of then */
    assert_int_equal(bti_story_load_core(&cfg, core.data, core.len, NULL, &early, &err), 0);
    assert_int_equal(bti_story_docs_missing(early), half);
    assert_int_equal(bti_story_load_docs(early, part1.data, part1.len, &err), 0);
    assert_int_equal(bti_story_load_end(early, &err), 0);
    assert_int_equal(bti_story_load_core(&cfg, core.data, core.len, NULL, &late, &err), 0);
    assert_int_equal(bti_story_load_docs(late, part2.data, part2.len, &err), 0);
    assert_int_equal(bti_story_docs_missing(late), 0);
    assert_int_equal(bti_story_load_end(late, &err), 0);
    for (uint32_t d = 0; d < half; d++) {
        assert_int_equal(bti_story_of(early, d), before[d]);
        assert_int_equal(bti_story_of(late, d), before[d]);
    }
    bti_story_info info;
    assert_int_equal(bti_story_get(early, before[0], &info), 0);
    assert_string_equal(info.title, en_items[0].title);
    assert_int_equal(bti_story_get(late, before[0], &info), 0);
    assert_string_equal(info.title, ""); /* saved without titles */
    /* and both go on as the set that was never saved */
    bti_story_set *sets[2] = {early, late};
    for (int k = 0; k < 2; k++) {
        assert_int_equal(bti_story_merge(sets[k], NULL, &err), 0);
        add_items(sets[k], half, n);
        for (uint32_t d = 0; d < n; d++)
            assert_int_equal(bti_story_of(sets[k], d), bti_story_of(a, d));
        assert_int_equal(bti_story_count(sets[k]), bti_story_count(a));
    }
    /* a part that does not start where the set's documents end, or cut short: refused */
    bti_story_set *bad;
    assert_int_equal(bti_story_load_core(&cfg, core.data, core.len, NULL, &bad, &err), 0);
    assert_int_equal(bti_story_load_docs(bad, part2.data, part2.len - 1, &err), BT_EPARSE);
    assert_int_equal(bti_story_load_end(bad, &err), BT_EPARSE);
    bti_story_set_free(bad);
    assert_int_equal(bti_story_save_docs(a, 1, 3, 0, &part1), BT_EINVAL);
    bti_buf_free(&core);
    bti_buf_free(&part1);
    bti_buf_free(&part2);
    bti_story_set_free(early);
    bti_story_set_free(late);
    bti_story_set_free(a);
}

/* A story told over days by several outlets, each follow-up a day or three after the last,
 * stays one story when its articles (title and lede) share many terms with it, though the
 * decay halves its similarity every 12 hours; two other events of the same days that share
 * a few common words with it (Hà Nội, công an, người) stay stories of their own. */
typedef struct dated {
    const char *title, *lede;
    int day, hour, group;
} dated;

static const dated multi_day[] = {
    /* the background of the first day: the IDF is learnt from what came before */
    {"Giá vàng trong nước tăng mạnh", "Giá vàng miếng SJC sáng nay tăng thêm 500.000 đồng mỗi lượng, lên mức cao nhất từ đầu năm.", 0, 1, 9},
    {"Đội tuyển Việt Nam tập trung chuẩn bị vòng loại", "Huấn luyện viên triệu tập 28 cầu thủ cho hai trận đấu vòng loại World Cup trên sân Mỹ Đình.", 0, 2, 10},
    {"Thời tiết miền Bắc chuyển lạnh", "Không khí lạnh tràn về khiến nhiệt độ các tỉnh miền Bắc giảm sâu, vùng núi có nơi dưới 10 độ.", 0, 3, 11},
    /* the story: a fire at a karaoke bar in Cầu Giấy, then the inquiry, the arrest, the
     * funerals and the inspections, from several outlets */
    {"Cháy quán karaoke ở Cầu Giấy, 12 người tử vong",
     "Vụ cháy quán karaoke trên phố Trần Thái Tông, quận Cầu Giấy, Hà Nội đêm qua làm 12 người tử vong, lực lượng cảnh sát phòng cháy chữa cháy đã cứu được 20 người mắc kẹt.", 0, 22, 0},
    {"Hà Nội: cháy lớn tại quán karaoke, nhiều người mắc kẹt",
     "Đám cháy bùng phát tại tầng ba quán karaoke phố Trần Thái Tông, Cầu Giấy, khói đen lan nhanh khiến nhiều người mắc kẹt, 12 nạn nhân tử vong.", 0, 23, 0},
    /* the same day, another event in Hà Nội with công an and người */
    {"Công an Hà Nội triệt phá đường dây đánh bạc qua mạng",
     "Công an thành phố Hà Nội bắt giữ 15 người trong đường dây đánh bạc trực tuyến với số tiền giao dịch hơn 1.000 tỷ đồng.", 0, 20, 1},
    /* a day later */
    {"Khởi tố vụ án cháy quán karaoke khiến 12 người chết",
     "Cơ quan cảnh sát điều tra Công an Hà Nội khởi tố vụ án vi phạm quy định về phòng cháy chữa cháy sau vụ cháy quán karaoke trên phố Trần Thái Tông, quận Cầu Giấy đêm 14/11. Theo kết quả khám nghiệm ban đầu, đám cháy bắt nguồn từ tầng ba, nơi chứa nhiều vật liệu cách âm dễ cháy.", 1, 10, 0},
    {"Nhận diện 12 nạn nhân vụ cháy karaoke Cầu Giấy",
     "Lực lượng chức năng đã xác định danh tính 12 nạn nhân tử vong trong vụ cháy quán karaoke ở phố Trần Thái Tông, Cầu Giấy, phần lớn là nhân viên và khách hát mắc kẹt ở tầng ba. Cảnh sát phòng cháy chữa cháy cho biết các nạn nhân tử vong do ngạt khói khi đám cháy bùng phát tại quán karaoke đêm qua.", 1, 14, 0},
    {"Hà Nội khai mạc lễ hội hoa xuân",
     "Lễ hội hoa xuân tại công viên Thống Nhất thu hút hàng nghìn người dân Hà Nội đến tham quan trong ngày khai mạc.", 1, 9, 2},
    {"Hà Nội: lễ hội hoa đông người tham quan",
     "Người dân Hà Nội đổ về công viên Thống Nhất ngắm hoa trong lễ hội hoa xuân, nhiều gian hàng hoa lan và đào.", 1, 15, 2},
    /* three days after that */
    {"Bắt chủ quán karaoke trong vụ cháy làm 12 người tử vong",
     "Công an Hà Nội bắt tạm giam chủ quán karaoke trên phố Trần Thái Tông, quận Cầu Giấy, vì vi phạm quy định về phòng cháy chữa cháy dẫn đến vụ cháy làm 12 người tử vong. Cơ quan điều tra xác định quán không có giấy phép phòng cháy, lối thoát hiểm ở tầng ba bị khóa khi đám cháy xảy ra.", 4, 11, 0},
    /* and a day after that */
    {"Hà Nội kiểm tra phòng cháy chữa cháy các quán karaoke sau vụ cháy ở Cầu Giấy",
     "Sau vụ cháy quán karaoke ở phố Trần Thái Tông, quận Cầu Giấy làm 12 người tử vong, Hà Nội kiểm tra phòng cháy chữa cháy tại toàn bộ quán karaoke. Cảnh sát tạm đình chỉ hoạt động nhiều cơ sở có lối thoát hiểm bị khóa hoặc dùng vật liệu cách âm dễ cháy.", 5, 9, 0},
};

static void test_multi_day_story(void **state)
{
    (void)state;
    bti_story_set *set = new_set();
    size_t n = sizeof multi_day / sizeof *multi_day;
    for (size_t i = 0; i < n; i++) {
        const dated *a = &multi_day[i];
        bti_story_doc d = {a->title, strlen(a->title), a->lede, strlen(a->lede),
                           T0 + (int64_t)a->day * DAY + (int64_t)a->hour * HOUR, "vi", 0};
        assert_int_equal(bti_story_add(set, &d, NULL, NULL), 0);
    }
    assert_int_equal(bti_story_merge(set, NULL, NULL), 0);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            int same = bti_story_of(set, (uint32_t)i) == bti_story_of(set, (uint32_t)j);
            if (same != (multi_day[i].group == multi_day[j].group))
                fail_msg("'%s' and '%s' should be %s", multi_day[i].title, multi_day[j].title,
                         same ? "apart" : "together");
        }
    bti_story_info info;
    assert_int_equal(bti_story_get(set, bti_story_of(set, 3), &info), 0);
    assert_int_equal(info.size, 6);
    assert_int_equal(info.last - info.first, 5 * DAY + 9 * HOUR - 22 * HOUR);
    bti_story_set_free(set);

    /* the same follow-ups as bare headlines (a few terms each) do not carry the evidence:
     * three days after the arrest's day, the headline of the inspections starts a story */
    set = new_set();
    for (size_t i = 0; i < n; i++) {
        const dated *a = &multi_day[i];
        bti_story_doc d = {a->title, strlen(a->title), NULL, 0,
                           T0 + (int64_t)(a->day + (i == n - 1) * 3) * DAY +
                               (int64_t)a->hour * HOUR, "vi", 0};
        assert_int_equal(bti_story_add(set, &d, NULL, NULL), 0);
    }
    assert_int_not_equal(bti_story_of(set, 3), bti_story_of(set, (uint32_t)(n - 1)));
    bti_story_set_free(set);
}

static int cmp_tw_order(const void *a, const void *b)
{
    const bti_story_tw *x = a, *y = b;
    return bti_story_tw_before(*x, *y) ? -1 : bti_story_tw_before(*y, *x);
}

/* The cut of a vector to its heaviest terms is a selection: the entry of each rank is the one
 * a full sort puts there, with equal weights ordered by id (many terms share a weight). */
/* KNN_BOUND: ranking the neighbours of only the stories with a member near enough to count
 * chooses the same stories as ranking every touched document's, and ranks fewer. A stream
 * of headlines of 40 stories that share common words (so that most documents touch many of
 * other stories), fed to a set with the bound and one without. */
static void test_knn_bound_same_stories(void **state)
{
    (void)state;
    static const char *common[] = {"market", "report", "city", "government", "week",
                                   "plan", "people", "year", "police", "school"};
    static const char *own[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot",
                                "golf", "hotel", "india", "juliet", "kilo", "lima",
                                "mike", "november", "oscar", "papa", "quebec", "romeo",
                                "sierra", "tango"};
    enum { DOCS = 400, STORIES = 40 };
    bti_story_set *set[2] = {new_set(), new_set()};
    set[1]->knn_all = 1;
    uint32_t *got[2] = {malloc(DOCS * sizeof **got), malloc(DOCS * sizeof **got)};
    assert_non_null(got[0]);
    assert_non_null(got[1]);
    uint32_t seed = 12345;
    for (int i = 0; i < DOCS; i++) {
        char title[256];
        int g = (int)(seed % STORIES);
        seed = seed * 1103515245u + 12345u;
        uint32_t r = seed >> 8;
        snprintf(title, sizeof title, "%s %s %s %s%d %s %s", common[r % 10],
                 common[(r / 10) % 10], own[g % 20], own[(g * 7 + 3) % 20], g,
                 common[(r / 100) % 10], own[(r / 1000) % 20]);
        bti_story_doc d = {title, strlen(title), NULL, 0, T0 + (int64_t)i * 600, "en", 0};
        for (int k = 0; k < 2; k++)
            assert_int_equal(bti_story_add(set[k], &d, &got[k][i], NULL), 0);
    }
    for (int k = 0; k < 2; k++) {
        assert_int_equal(bti_story_merge(set[k], NULL, NULL), 0);
        for (uint32_t i = 0; i < DOCS; i++)
            got[k][i] = bti_story_of(set[k], i);
    }
    assert_memory_equal(got[0], got[1], DOCS * sizeof *got[0]);
    assert_true(set[1]->knn_ranked > 0);
    /* 35,462 against 53,956 when written */
    assert_true(set[0]->knn_ranked * 4 < set[1]->knn_ranked * 3);
    for (int k = 0; k < 2; k++) {
        free(got[k]);
        bti_story_set_free(set[k]);
    }
}

/* STOP_BY_FIRST_BYTE: stop words are found in place, the longest ones included ("được",
 * eight bytes), and a word that only begins like one ("đượcx", "thee") is not one: a
 * headline with stop words has the vector of the headline without them. */
static void test_stop_words_in_place(void **state)
{
    (void)state;
    static const char *pairs[][2] = {
        {"được những Hà Nội mưa lớn", "Hà Nội mưa lớn"},
        {"the storm and the floods", "storm floods"},
    };
    static const char *lang[] = {"vi", "en"};
    bti_story_config cfg;
    bti_story_config_default(&cfg);
    for (int p = 0; p < 2; p++) {
        bti_svec v[2] = {{0}};
        for (int k = 0; k < 2; k++) {
            bti_story_dict d = {0};
            bti_story_scratch sc = {0};
            bti_story_doc doc = {pairs[p][k], strlen(pairs[p][k]), NULL, 0, T0, lang[p], 0};
            assert_int_equal(bti_story_vector(&d, &sc, &cfg, &doc, &v[k]), 0);
            bti_story_dict_free(&d);
            bti_story_scratch_free(&sc);
        }
        assert_int_equal(v[0].n, v[1].n);
        assert_memory_equal(v[0].w, v[1].w, v[0].n * sizeof *v[0].w);
        bti_svec_free(&v[0]);
        bti_svec_free(&v[1]);
    }
    /* not stop words: one more term each */
    static const char *more[][2] = {{"đượcx Hà Nội", "Hà Nội"}, {"thee storm", "storm"}};
    for (int p = 0; p < 2; p++) {
        bti_svec v[2] = {{0}};
        for (int k = 0; k < 2; k++) {
            bti_story_dict d = {0};
            bti_story_scratch sc = {0};
            bti_story_doc doc = {more[p][k], strlen(more[p][k]), NULL, 0, T0, lang[p], 0};
            assert_int_equal(bti_story_vector(&d, &sc, &cfg, &doc, &v[k]), 0);
            bti_story_dict_free(&d);
            bti_story_scratch_free(&sc);
        }
        assert_true(v[0].n > v[1].n);
        bti_svec_free(&v[0]);
        bti_svec_free(&v[1]);
    }
}

/* STOP_PACKED: stop words are found as packed integers, so a word that is a stop word's
 * prefix, or one with a byte more, or a byte changed, or of 8 bytes beyond the list's, is a
 * term; the longest stop words (8 bytes: "trong", "những" and "được" are 5-6 bytes of UTF-8,
 * "photos" 6) still are stop words. */
static void test_stop_words_packed(void **state)
{
    (void)state;
    static const struct {
        const char *text, *lang;
        uint32_t terms;
    } cases[] = {
        {"the about photos those", "en", 0},
        {"abou abouts thf photo photoss", "en", 5},
        {"whichxyz", "en", 1},
        {"được những trong", "vi", 0},
        {"đượ đượcc nhữnh", "vi", 3},
    };
    bti_story_config cfg;
    bti_story_config_default(&cfg);
    cfg.pair_weight = 0; /* unigrams only: one term a word */
    cfg.syllable_weight = 1;
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        bti_story_dict d = {0};
        bti_story_scratch sc = {0};
        bti_svec v = {0};
        bti_story_doc doc = {cases[c].text, strlen(cases[c].text), NULL, 0, T0, cases[c].lang, 0};
        assert_int_equal(bti_story_vector(&d, &sc, &cfg, &doc, &v), 0);
        assert_int_equal(v.n, cases[c].terms);
        bti_svec_free(&v);
        bti_story_dict_free(&d);
        bti_story_scratch_free(&sc);
    }
}

/* STOP_HASHED: every word of each stop list is found in its table (a document of them all
 * has no term), and each with its last byte changed, or a byte added, is a term. */
static void test_stop_words_hashed(void **state)
{
    (void)state;
    bti_story_config cfg;
    bti_story_config_default(&cfg);
    cfg.pair_weight = 0;
    cfg.syllable_weight = 1;
    for (int vi = 0; vi < 2; vi++) {
        size_t n;
        const char *const *w = bti_story_stop_words(vi, &n);
        assert_true(n > 40 && n <= 128);
        for (int alter = 0; alter < 3; alter++) {
            char text[4096] = "";
            for (size_t i = 0; i < n; i++) {
                char word[16];
                snprintf(word, sizeof word, "%s", w[i]);
                size_t len = strlen(word);
                if (alter == 1)
                    word[len - 1] = word[len - 1] == 'q' ? 'z' : 'q';
                else if (alter == 2)
                    word[len] = 'q', word[len + 1] = '\0';
                strcat(text, i ? " " : "");
                strcat(text, word);
            }
            bti_story_dict d = {0};
            bti_story_scratch sc = {0};
            bti_svec v = {0};
            cfg.doc_terms = 4096;
            bti_story_doc doc = {text, strlen(text), NULL, 0, T0, vi ? "vi" : "en", 0};
            assert_int_equal(bti_story_vector(&d, &sc, &cfg, &doc, &v), 0);
            if (alter == 0)
                assert_int_equal(v.n, 0);
            else /* every altered word a term (some of them the same term) */
                assert_true(v.n > n / 2);
            bti_svec_free(&v);
            bti_story_dict_free(&d);
            bti_story_scratch_free(&sc);
        }
    }
}

/* BYTES_THAT_VARY: a document's terms come out in id order when their ids differ in the
 * first, second and third bytes (a dictionary of 70,000 terms), and in the first only. */
static void test_vector_ids_sorted(void **state)
{
    (void)state;
    bti_story_config cfg;
    bti_story_config_default(&cfg);
    cfg.pair_weight = 0;
    cfg.syllable_weight = 1;
    cfg.doc_terms = 4096;
    bti_story_dict d = {0};
    bti_story_scratch sc = {0};
    bti_svec v = {0};
    char *text = malloc(70000 * 8);
    assert_non_null(text);
    for (int part = 0; part < 7; part++) { /* ids 0 .. 69,999 */
        size_t len = 0;
        for (int i = part * 10000; i < (part + 1) * 10000; i++)
            len += (size_t)sprintf(text + len, "w%dx ", i);
        bti_story_doc doc = {NULL, 0, text, len, T0, "en", 0};
        cfg.text_tokens = 10000;
        assert_int_equal(bti_story_vector(&d, &sc, &cfg, &doc, &v), 0);
    }
    assert_true(d.n >= 70000);
    static const int mixes[2][12] = {{69001, 3, 70, 300, 65600, 12, 257, 40000, 255, 66000, 1, 5},
                                     {9, 3, 70, 30, 60, 12, 25, 40, 55, 66, 1, 5}};
    for (int m = 0; m < 2; m++) {
        size_t len = 0;
        for (int k = 0; k < 12; k++)
            for (int rep = 0; rep < 3; rep++) /* each three times, and among 36 entries */
                len += (size_t)sprintf(text + len, "w%dx ", mixes[m][k]);
        bti_story_doc doc = {NULL, 0, text, len, T0, "en", 0};
        assert_int_equal(bti_story_vector(&d, &sc, &cfg, &doc, &v), 0);
        assert_int_equal(v.n, 12);
        for (uint32_t i = 1; i < v.n; i++)
            assert_true(v.id[i - 1] < v.id[i]);
    }
    free(text);
    bti_svec_free(&v);
    bti_story_dict_free(&d);
    bti_story_scratch_free(&sc);
}

/* INTERN_WORD_HASH: terms that are prefixes of one another, or differ in a byte past the
 * eighth, are distinct terms, and met again in another order they get their first ids. */
static void test_intern_prefixes(void **state)
{
    (void)state;
    static const char *docs[2] = {"kim kimb kimbe kimber lengthie lengthier abcdefghij abcdefghik",
                                  "abcdefghik abcdefghij lengthier lengthie kimber kimbe kimb kim"};
    bti_story_config cfg;
    bti_story_config_default(&cfg);
    bti_story_dict d = {0};
    bti_story_scratch sc = {0};
    bti_svec v[2] = {{0}};
    for (int k = 0; k < 2; k++) {
        bti_story_doc doc = {docs[k], strlen(docs[k]), NULL, 0, T0, "en", 0};
        assert_int_equal(bti_story_vector(&d, &sc, &cfg, &doc, &v[k]), 0);
        assert_int_equal(d.n, 8);
    }
    assert_int_equal(v[0].n, 8);
    assert_int_equal(v[1].n, 8);
    assert_memory_equal(v[0].id, v[1].id, 8 * sizeof *v[0].id);
    for (uint32_t i = 0; i < d.n; i++) /* each stored once, NUL-terminated */
        assert_int_equal(strlen(d.chars + d.off[i]) + 1,
                         (i + 1 < d.n ? d.off[i + 1] : (uint32_t)d.nchars) - d.off[i]);
    bti_svec_free(&v[0]);
    bti_svec_free(&v[1]);
    bti_story_dict_free(&d);
    bti_story_scratch_free(&sc);
}

/* PAIR_CACHE: a pair found again by its words' ids is the term its string names: the same
 * ids whether the cache holds it or not (emptied, as after a load), and no term added. */
static void test_pair_cache(void **state)
{
    (void)state;
    static const char *text = "Mưa lớn ở Hà Nội, đường phố Hà Nội ngập sâu sau mưa lớn";
    bti_story_config cfg;
    bti_story_config_default(&cfg);
    bti_story_dict d = {0};
    bti_story_scratch sc = {0};
    bti_svec v[3] = {{0}};
    uint32_t terms = 0;
    for (int k = 0; k < 3; k++) {
        if (k == 2) { /* the cache emptied */
            free(d.pkey);
            free(d.pval);
            d.pkey = NULL;
            d.pval = NULL;
            d.npairs = d.npslots = 0;
        }
        bti_story_doc doc = {text, strlen(text), NULL, 0, T0, "vi", 0};
        assert_int_equal(bti_story_vector(&d, &sc, &cfg, &doc, &v[k]), 0);
        if (k == 0) {
            terms = d.n;
            assert_int_equal(d.npairs, 6); /* mưa lớn, hà nội, đường phố, phố hà, nội ngập, ngập sâu */
            assert_true(d.npairs < d.n);
        }
        assert_int_equal(d.n, terms);
        assert_int_equal(v[k].n, v[0].n);
        assert_memory_equal(v[k].id, v[0].id, v[0].n * sizeof *v[0].id);
    }
    uint32_t pairs = 0; /* each pair term ("word word") is in the cache again */
    for (uint32_t i = 0; i < d.n; i++)
        pairs += strchr(bti_story_dict_term(&d, i), ' ') != NULL;
    assert_int_equal(pairs, 6);
    assert_int_equal(d.npairs, pairs);
    for (int k = 0; k < 3; k++)
        bti_svec_free(&v[k]);
    bti_story_dict_free(&d);
    bti_story_scratch_free(&sc);
}

/* A state saved by the version before INTERN_WORD_HASH holds other hashes: its terms would
 * not be found again, so it is refused (the store then replays its articles). */
static void test_state_of_old_hash_refused(void **state)
{
    (void)state;
    bti_story_set *set = new_set();
    size_t n = sizeof en_items / sizeof *en_items;
    free(run(set, en_items, n, "en"));
    bti_buf core = BTI_BUF_INIT;
    assert_int_equal(bti_story_save_core(set, &core), 0);
    bti_story_config cfg;
    bti_story_config_default(&cfg);
    bti_story_set *loaded = NULL;
    bt_error err = {0};
    assert_int_equal(bti_story_load_core(&cfg, core.data, core.len, NULL, &loaded, &err), 0);
    bti_story_set_free(loaded);
    loaded = NULL;
    uint32_t old = 3;
    memcpy((char *)core.data + sizeof(uint32_t), &old, sizeof old); /* magic, then version */
    assert_int_equal(bti_story_load_core(&cfg, core.data, core.len, NULL, &loaded, &err),
                     BT_ENOTFOUND);
    assert_null(loaded);
    bti_buf_free(&core);
    bti_story_set_free(set);
}

/* DICT_COMPACT (story_state.c, version 5): a set saved, loaded and saved again gives the
 * same bytes (the terms' offsets and hashes found again, the frequencies as varints, the name
 * counts that are not zero; dated and undated documents); the loaded set goes on as the
 * original does; the varints are held to the bytes there are; a core of version 4 (12 bytes
 * more a term: offsets and hashes) is refused. */
static void test_dict_compact(void **state)
{
    (void)state;
    bti_story_set *set = new_set(), *loaded = NULL;
    size_t nen = sizeof en_items / sizeof *en_items, nvi = sizeof vi_items / sizeof *vi_items;
    free(run(set, en_items, nen, "en"));
    bt_error err = {0};
    bti_story_doc undated = {"Typhoon Yagi floods northern provinces", 38, NULL, 0,
                             BTI_STORY_NO_DATE, "en", 0};
    assert_int_equal(bti_story_add(set, &undated, NULL, &err), 0);
    free(run(set, vi_items, nvi, "vi"));
    uint32_t named = 0;
    for (uint32_t i = 0; i < set->dict.n; i++)
        named += set->dict.seen[i] != 0;
    assert_true(named > 0 && named < set->dict.n); /* some name counts saved, not all */
    bti_buf a = BTI_BUF_INIT, b = BTI_BUF_INIT;
    assert_int_equal(bti_story_save(set, &a), 0);
    assert_int_equal(bti_story_load(NULL, a.data, a.len, &loaded, &err), 0);
    assert_int_equal(bti_story_save(loaded, &b), 0);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    for (uint32_t i = 0; i < set->dict.n; i++) {
        assert_int_equal(loaded->dict.off[i], set->dict.off[i]);
        assert_true(loaded->dict.hash[i] == set->dict.hash[i]);
        assert_int_equal(loaded->dict.df[i], set->dict.df[i]);
        assert_int_equal(loaded->dict.seen[i], set->dict.seen[i]);
        assert_int_equal(loaded->dict.caps[i], set->dict.caps[i]);
    }
    for (uint32_t i = 0; i < set->ndocs; i++)
        assert_true(loaded->docs[i].date == set->docs[i].date);
    /* the loaded set goes on as the original does, its terms found again by their hashes */
    uint32_t *x = run(set, vi_items, nvi, "vi"), *y = run(loaded, vi_items, nvi, "vi");
    assert_memory_equal(x, y, nvi * sizeof *x);
    assert_int_equal(loaded->dict.n, set->dict.n);
    free(x);
    free(y);
    bti_story_set_free(loaded);
    loaded = NULL;
    /* the length counted for the blob (COUNT_BY_LENGTH) is the length written */
    bti_buf core = BTI_BUF_INIT;
    assert_int_equal(bti_story_save_core(set, &core), 0);
    assert_int_equal(bti_story_core_size(set), core.len);
    /* cut short anywhere (a varint's last byte gone among them): damaged, never read past */
    bti_story_config cfg;
    bti_story_config_default(&cfg);
    for (size_t cut = 200; cut < core.len; cut += 7) {
        size_t used = 0;
        int rc = bti_story_load_core(&cfg, core.data, cut, &used, &loaded, &err);
        assert_int_equal(rc, BT_EPARSE);
        assert_null(loaded);
    }
    /* a version-4 core: refused (the catch-up then clusters from nothing) */
    uint32_t old = 4;
    memcpy((char *)core.data + sizeof(uint32_t), &old, sizeof old);
    assert_int_equal(bti_story_load_core(&cfg, core.data, core.len, NULL, &loaded, &err),
                     BT_ENOTFOUND);
    assert_null(loaded);
    bti_buf_free(&core);
    bti_buf_free(&a);
    bti_buf_free(&b);
    bti_story_set_free(set);
}

/* CENTRAL_BY_MERGE: a story's central member is the one whose vector has the largest dot
 * product with the centroid (the earliest on a tie), as a plain double loop finds it. */
static void test_central_member(void **state)
{
    (void)state;
    bti_story_set *set = new_set();
    size_t n = sizeof en_items / sizeof *en_items;
    free(run(set, en_items, n, "en"));
    free(run(set, vi_items, sizeof vi_items / sizeof *vi_items, "vi"));
    int checked = 0;
    for (uint32_t sid = 0; sid < bti_story_count(set); sid++) {
        bti_story_info info;
        if (bti_story_get(set, sid, &info))
            continue;
        const story *st = &set->st[sid];
        uint32_t best = st->mem[0];
        double best_dot = -1;
        for (uint32_t i = 0; i < st->nmem; i++) {
            const doc_rec *d = &set->docs[st->mem[i]];
            double dot = 0;
            for (uint32_t k = 0; k < d->vn; k++)
                for (uint32_t j = 0; j < st->c.n; j++)
                    if (st->c.id[j] == set->vid[d->voff + k])
                        dot += set->vw[d->voff + k] * st->c.w[j];
            if (dot > best_dot)
                best = st->mem[i], best_dot = dot;
        }
        assert_int_equal(info.central_doc, best);
        checked += st->nmem > 1;
    }
    assert_true(checked >= 3);
    bti_story_set_free(set);
}

/* HEAD_DOC (story_internal.h): each term's list of recent documents keeps the first one
 * still in the window, through documents put on the lists, windows that empty and
 * fill again, the lists' expired halves dropped, and a save and load (the lists rebuilt). The
 * documents come 12 hours apart over three weeks (the window is one), every one holding the
 * same two words, with one undated among them; the loaded set goes on as the original does. */
static void check_heads(const bti_story_set *set)
{
    for (uint32_t t = 0; t < set->ndidx; t++) {
        const dlist *l = &set->didx[t];
        if (l->start < l->n)
            assert_int_equal(l->head, l->p[l->start].doc);
    }
}

static void test_head_doc(void **state)
{
    (void)state;
    static const char *topic[] = {"mưa lớn", "giá vàng", "bóng đá", "karaoke", "tàu điện"};
    bti_story_set *set = new_set(), *loaded = NULL;
    bt_error err = {0};
    uint32_t dropped = 0; /* windows that moved on */
    for (int i = 0; i < 60; i++) {
        char title[128];
        snprintf(title, sizeof title, "Hà Nội %s ngày %d tin số %d", topic[i % 5], i / 2, i);
        int64_t date = i == 17 ? BTI_STORY_NO_DATE : T0 + (int64_t)i * 12 * HOUR;
        bti_story_doc d = {title, strlen(title), NULL, 0, date, "vi", 0};
        uint32_t a, b;
        assert_int_equal(bti_story_add(set, &d, &a, &err), 0);
        check_heads(set);
        for (uint32_t t = 0; t < set->ndidx; t++)
            dropped += set->didx[t].start > 0;
        if (loaded) {
            assert_int_equal(bti_story_add(loaded, &d, &b, &err), 0);
            check_heads(loaded);
            assert_int_equal(a, b);
        }
        if (i == 40) {
            bti_buf buf = BTI_BUF_INIT;
            assert_int_equal(bti_story_save(set, &buf), 0);
            assert_int_equal(bti_story_load(NULL, buf.data, buf.len, &loaded, &err), 0);
            bti_buf_free(&buf);
            check_heads(loaded);
        }
    }
    assert_non_null(loaded);
    assert_true(dropped > 0);
    bti_story_set_free(loaded);
    bti_story_set_free(set);
}

static void test_kth_selection(void **state)
{
    (void)state;
    enum { N = 300 };
    bti_story_tw a[N], sorted[N], work[N];
    uint64_t r = 42;
    for (int round = 0; round < 20; round++) {
        size_t n = 1 + (size_t)round * 15;
        for (size_t i = 0; i < n; i++) {
            r = r * 6364136223846793005ull + 1442695040888963407ull;
            /* few distinct weights: ties decided by the id */
            a[i] = (bti_story_tw){(uint32_t)(i * 7919 % 1000), (float)((r >> 33) % 5)};
        }
        memcpy(sorted, a, n * sizeof *a);
        qsort(sorted, n, sizeof *sorted, cmp_tw_order);
        for (size_t k = 0; k < n; k += 1 + n / 10) {
            memcpy(work, a, n * sizeof *a);
            bti_story_tw got = bti_story_kth(work, n, k);
            assert_int_equal(got.id, sorted[k].id);
            assert_true(got.w == sorted[k].w);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english_groups),
        cmocka_unit_test(test_vietnamese_groups),
        cmocka_unit_test(test_unrelated_starts_a_story),
        cmocka_unit_test(test_window_expiry),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_empty_and_one_word),
        cmocka_unit_test(test_merge_converging),
        cmocka_unit_test(test_text_and_bad_input),
        cmocka_unit_test(test_save_load),
        cmocka_unit_test(test_save_parts),
        cmocka_unit_test(test_copy_joins),
        cmocka_unit_test(test_multi_day_story),
        cmocka_unit_test(test_kth_selection),
        cmocka_unit_test(test_knn_bound_same_stories),
        cmocka_unit_test(test_stop_words_in_place),
        cmocka_unit_test(test_central_member),
        cmocka_unit_test(test_stop_words_packed),
        cmocka_unit_test(test_intern_prefixes),
        cmocka_unit_test(test_pair_cache),
        cmocka_unit_test(test_state_of_old_hash_refused),
        cmocka_unit_test(test_dict_compact),
        cmocka_unit_test(test_stop_words_hashed),
        cmocka_unit_test(test_vector_ids_sorted),
        cmocka_unit_test(test_reserve_ahead),
        cmocka_unit_test(test_head_doc),
    };
    return cmocka_run_group_tests_name("connect_story", tests, NULL, NULL);
}
