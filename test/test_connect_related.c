/* test_connect_related.c: related articles (src/connect/related.c, bt_related_of): a
 * same-story article ranks over one that shares as many common words but not the story's
 * names, a shared name outweighs a shared common word, the closer date wins between equals,
 * near-duplicates are left out and a group of them is listed once by its original, the page's own links are matched to stored articles (by URL,
 * by folded title), removals and additions count at the next call, and bad input (unknown
 * ids, k out of range, an empty store, articles without a date or without words), the JSON
 * writer and `bantin related`. */
#include "support.h"

#include "bantin.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct fixture {
    char dir[64];
    char db[96];
    bt_store *s;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    strcpy(f->dir, "/tmp/bantin-related-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &f->s, &err), 0);
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

/* A sentence of made-up words of its own (seed): text no other article shares. */
static void filler(unsigned seed, char *out, size_t cap)
{
    static const char *const c = "bdfghklmnprstvz", *const v = "aeiou";
    uint32_t x = seed * 2654435761u + 17;
    size_t n = 0;
    for (int w = 0; w < 12 && n + 16 < cap; w++) {
        for (int k = 0; k < 3; k++) {
            x = x * 1103515245u + 12345u;
            out[n++] = c[(x >> 16) % 15];
            out[n++] = v[(x >> 8) % 5];
        }
        out[n++] = w < 11 ? ' ' : '.';
    }
    out[n] = 0;
}

/* Stores an article: title, date (NULL: none), paragraphs (NULL-terminated), then a filler
 * paragraph of its own (seed, 0: none); its id into id. */
static void add(bt_store *s, const char *title, const char *date, const char *const *paras,
                unsigned seed, const char *url, char id[17])
{
    bt_article *a = bt_article_new();
    assert_non_null(a);
    assert_int_equal(bt_article_set(&a->title, title, strlen(title)), 0);
    if (date)
        assert_int_equal(bt_article_set(&a->published, date, strlen(date)), 0);
    if (url)
        assert_int_equal(bt_article_set(&a->url, url, strlen(url)), 0);
    for (size_t i = 0; paras && paras[i]; i++)
        assert_int_equal(bt_article_add_para(a, paras[i]), 0);
    char fill[256];
    if (seed) {
        filler(seed, fill, sizeof fill);
        assert_int_equal(bt_article_add_para(a, fill), 0);
    }
    bt_error err;
    assert_int_equal(test_store_add(s, a, NULL, id, &err), BT_STORE_ADDED);
    bt_article_free(a);
}

/* Position of id in the list, or -1. */
static int rank_of(const bt_related_list *r, const char *id)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->items[i].id, id))
            return (int)i;
    return -1;
}

static bt_related_list *related(bt_store *s, const char *id, size_t k)
{
    bt_related_list *r = NULL;
    bt_error err;
    int rc = bt_related_of(s, id, k, &r, &err);
    if (rc)
        fail_msg("bt_related_of(%s): %s", id, err.msg);
    assert_non_null(r);
    assert_string_equal(r->id, id);
    return r;
}

/* Background articles, so that the common words of the stories below are common, as they
 * are in a real store: each with words of its own and one paragraph of the common words. */
static void background(bt_store *s, unsigned from, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        char title[64], id[17];
        snprintf(title, sizeof title, "Bulletin number %u", from + i);
        const char *p[] = {"The United States envoy said on Monday that officials met the leaders "
                           "and asked for weapons, whose sort was cheaper; the talks would "
                           "continue after the meeting in the valley of the trade council, the "
                           "farmers said. A second round was held with the fighters who hold the "
                           "seed: no agreement was announced.",
                           NULL};
        add(s, title, "2021-06-01T08:00:00Z", p, 1000 + from + i, NULL, id);
    }
}

static const char *const story_a[] = {
    "The United States envoy Zalmay Khalilzad met leaders of the resistance in Panjshir on "
    "Monday, and Ahmad Massoud asked for weapons.",
    "Officials said the talks would continue after the meeting in the valley.", NULL};

/* the same story, told with other common words */
static const char *const story_b[] = {
    "Envoy Zalmay Khalilzad held a second round with Ahmad Massoud, whose fighters hold "
    "Panjshir.",
    "No agreement was announced.", NULL};

/* another story with the same common words as story_a and more of them */
static const char *const words_c[] = {
    "The United States envoy to the trade council met leaders of the farmers on Monday and "
    "asked for weapons of a sort: cheaper seed.",
    "Officials said the talks would continue after the meeting in the valley.", NULL};

static void test_same_story_over_same_words(void **state)
{
    fixture *f = *state;
    char a[17], b[17], c[17];
    background(f->s, 0, 20);
    add(f->s, "Khalilzad meets Massoud in Panjshir", "2021-08-30T08:00:00Z", story_a, 1, NULL,
        a);
    add(f->s, "Massoud and Khalilzad talk again", "2021-08-31T08:00:00Z", story_b, 2, NULL, b);
    add(f->s, "Trade envoy meets farmers' leaders", "2021-08-30T09:00:00Z", words_c, 3, NULL,
        c);
    bt_related_list *r = related(f->s, a, 8);
    assert_true(r->n >= 2);
    assert_string_equal(r->items[0].id, b);
    assert_true(rank_of(r, c) > 0);
    assert_true(r->items[0].score > r->items[rank_of(r, c)].score);
    for (size_t i = 0; i < r->n; i++) {
        assert_string_not_equal(r->items[i].id, a); /* never itself */
        assert_true(r->items[i].score > 0 && r->items[i].score <= 1.0001);
        if (i)
            assert_true(r->items[i].score <= r->items[i - 1].score);
    }
    assert_non_null(r->items[0].title);
    assert_non_null(r->items[0].published);
    assert_string_equal(r->items[0].published, "2021-08-31T08:00:00Z");
    bt_related_list_free(r);
    /* k bounds the list */
    r = related(f->s, a, 1);
    assert_int_equal(r->n, 1);
    assert_string_equal(r->items[0].id, b);
    bt_related_list_free(r);
}

/* Two candidates alike but for one shared word each, of the same document frequency: the
 * one sharing a name of the query (capitalised inside a sentence) ranks first. */
static void test_names_weigh_more(void **state)
{
    fixture *f = *state;
    char q[17], name1[17], word1[17];
    background(f->s, 0, 20);
    const char *pq[] = {"Reporters in the region said Kandahar and the orchard were quiet.",
                        NULL};
    add(f->s, "A quiet week", "2021-08-30T08:00:00Z", pq, 11, NULL, q);
    /* the name's first: on a tie the later row ranks first */
    const char *pn[] = {"kandahar", NULL};
    add(f->s, "More news", "2021-08-30T08:00:00Z", pn, 13, NULL, name1);
    const char *pw[] = {"the orchard", NULL};
    add(f->s, "Other news", "2021-08-30T08:00:00Z", pw, 12, NULL, word1);
    bt_related_list *r = related(f->s, q, 8);
    int rn = rank_of(r, name1), rw = rank_of(r, word1);
    assert_true(rn >= 0 && rw >= 0);
    assert_true(rn < rw);
    bt_related_list_free(r);
}

/* Between two candidates alike in words, the one published closer to the article ranks
 * first; an undated candidate is neither favoured nor dropped. */
static void test_time_proximity(void **state)
{
    fixture *f = *state;
    char q[17], near[17], far[17], undated[17];
    background(f->s, 0, 10);
    const char *p[] = {"Flooding closed the Mekong ferry crossing near Cantho.", NULL};
    add(f->s, "Ferry closed", "2021-10-10T08:00:00Z", p, 21, NULL, q);
    add(f->s, "Ferry closed again", "2020-01-01T08:00:00Z", p, 22, NULL, far);
    add(f->s, "Ferry closed once more", "2021-10-10T14:00:00Z", p, 23, NULL, near);
    add(f->s, "Ferry closed yet again", NULL, p, 24, NULL, undated);
    bt_related_list *r = related(f->s, q, 8);
    int rn = rank_of(r, near), rf = rank_of(r, far), ru = rank_of(r, undated);
    assert_true(rn >= 0 && rf >= 0 && ru >= 0);
    assert_true(rn < rf);
    assert_true(rn < ru);
    assert_null(r->items[ru].published);
    bt_related_list_free(r);
}

/* A near-duplicate of the article (the same text under another headline) would be its best
 * match; once the duplicate index knows it, it is left out. */
static void test_duplicates_excluded(void **state)
{
    fixture *f = *state;
    char a[17], copy[17], b[17];
    background(f->s, 0, 10);
    /* long enough for the duplicate check (30 shingles) */
    const char *pa[] = {story_a[0], story_a[1], story_b[0], story_b[1], NULL};
    add(f->s, "Khalilzad meets Massoud in Panjshir", "2021-08-30T08:00:00Z", pa, 31, NULL, a);
    add(f->s, "Envoy in Panjshir", "2021-08-30T10:00:00Z", pa, 31, NULL, copy);
    add(f->s, "Massoud and Khalilzad talk again", "2021-08-31T08:00:00Z", story_b, 32, NULL, b);
    bt_related_list *r = related(f->s, a, 8);
    assert_string_equal(r->items[0].id, copy); /* not yet known as a duplicate */
    bt_related_list_free(r);
    bt_error err;
    assert_int_equal(bt_dups_rebuild(f->s, &err), 0);
    bt_dup_group *g = NULL;
    assert_int_equal(bt_dups_of(f->s, a, &g, &err), 0);
    assert_non_null(g);
    bt_dup_group_free(g);
    r = related(f->s, a, 8);
    assert_int_equal(rank_of(r, copy), -1);
    assert_string_equal(r->items[0].id, b);
    bt_related_list_free(r);
    r = related(f->s, copy, 8); /* and the other way round */
    assert_int_equal(rank_of(r, a), -1);
    bt_related_list_free(r);
}

/* An original and its reprint are one story to a reader: the list shows their group once, by
 * the original (the earlier), at the place of its best-ranked member, even when the reprint
 * (a headline nearer the article's) ranks first; the next group follows. */
static void test_duplicate_groups_collapsed(void **state)
{
    fixture *f = *state;
    char q[17], orig[17], copy[17], other[17];
    background(f->s, 0, 10);
    add(f->s, "Khalilzad meets Massoud in Panjshir", "2021-08-30T08:00:00Z", story_a, 41, NULL,
        q);
    const char *pb[] = {story_b[0], story_b[1], story_a[1], story_b[0], NULL};
    add(f->s, "Second round of talks", "2021-08-30T12:00:00Z", pb, 42, NULL, orig);
    add(f->s, "Khalilzad meets Massoud again in Panjshir", "2021-08-30T15:00:00Z", pb, 42, NULL,
        copy);
    add(f->s, "Khalilzad and Massoud", "2021-08-31T08:00:00Z", story_b, 43, NULL, other);
    bt_related_list *r = related(f->s, q, 8);
    int ro = rank_of(r, orig), rc = rank_of(r, copy);
    assert_true(ro >= 0 && rc >= 0); /* not known as duplicates yet: both */
    assert_true(rc < ro);            /* the reprint's headline is nearer */
    double best = r->items[rc].score;
    bt_related_list_free(r);
    bt_error err;
    assert_int_equal(bt_dups_rebuild(f->s, &err), 0);
    bt_dup_group *g = NULL;
    assert_int_equal(bt_dups_of(f->s, orig, &g, &err), 0);
    assert_non_null(g);
    bt_dup_group_free(g);
    r = related(f->s, q, 8);
    assert_int_equal(rank_of(r, copy), -1);
    assert_int_equal(rank_of(r, orig), rc); /* in the reprint's place, with its score */
    assert_true(r->items[rc].score == best);
    assert_string_equal(r->items[rc].published, "2021-08-30T12:00:00Z");
    assert_true(rank_of(r, other) >= 0);
    for (size_t i = 1; i < r->n; i++)
        assert_true(r->items[i].score <= r->items[i - 1].score);
    bt_related_list_free(r);
    /* k counts groups: the first two are the pair's group and the other story */
    r = related(f->s, q, 2);
    assert_int_equal(r->n, 2);
    assert_int_equal(rank_of(r, copy), -1);
    bt_related_list_free(r);
}

/* Words of middling frequency retrieve candidates: an article whose story shares with it only
 * words each in about a sixth of the store (as Vietnamese syllables are: a place's name is
 * two of them) is found, above articles sharing one of those words. At a cut of 5% such words
 * retrieved nothing and the list was empty. */
static void test_middling_words_retrieve(void **state)
{
    fixture *f = *state;
    static const char *const words[] = {"riverbank", "ferryman", "lantern", "harbourside"};
    char q[17], p[17], id[17];
    background(f->s, 0, 180);
    for (unsigned w = 0; w < 4; w++)
        for (unsigned i = 0; i < 78; i++) {
            char title[64], para[64];
            snprintf(title, sizeof title, "Notice %u of %u", i, w);
            snprintf(para, sizeof para, "The %s was mentioned.", words[w]);
            const char *pp[] = {para, NULL};
            add(f->s, title, "2021-06-02T08:00:00Z", pp, 5000 + w * 100 + i, NULL, id);
        }
    const char *pq[] = {"riverbank ferryman lantern harbourside", NULL};
    add(f->s, "Evening", "2021-06-03T08:00:00Z", pq, 51, NULL, q);
    add(f->s, "Morning", "2021-06-03T09:00:00Z", pq, 52, NULL, p);
    bt_related_list *r = related(f->s, q, 8);
    assert_true(r->n >= 2);
    assert_string_equal(r->items[0].id, p);
    assert_true(r->items[0].score > r->items[1].score);
    bt_related_list_free(r);
}

/* Nothing is cached: a removed article is gone from the next answer, a new one is in it. */
static void test_remove_and_add(void **state)
{
    fixture *f = *state;
    char a[17], b[17], later[17];
    background(f->s, 0, 10);
    add(f->s, "Khalilzad meets Massoud in Panjshir", "2021-08-30T08:00:00Z", story_a, 41, NULL,
        a);
    add(f->s, "Massoud and Khalilzad talk again", "2021-08-31T08:00:00Z", story_b, 42, NULL, b);
    bt_related_list *r = related(f->s, a, 8);
    assert_string_equal(r->items[0].id, b);
    bt_related_list_free(r);
    bt_error err;
    assert_int_equal(bt_store_remove(f->s, b, &err), 0);
    r = related(f->s, a, 8);
    assert_int_equal(rank_of(r, b), -1);
    bt_related_list_free(r);
    add(f->s, "Khalilzad leaves Panjshir", "2021-09-01T08:00:00Z", story_b, 43, NULL, later);
    r = related(f->s, a, 8);
    assert_string_equal(r->items[0].id, later);
    bt_related_list_free(r);
    /* asked about a removed article: not found */
    bt_related_list *none = NULL;
    assert_int_equal(bt_related_of(f->s, b, 8, &none, &err), BT_ENOTFOUND);
    assert_null(none);
    assert_non_null(strstr(err.msg, b));
}

/* The page's own links are kept as extracted, each with the stored article it names: by
 * URL, or by its title folded (case and marks aside); an unknown one has none. */
static void test_page_links(void **state)
{
    fixture *f = *state;
    char a[17], byurl[17], bytitle[17];
    background(f->s, 0, 5);
    add(f->s, "Xe buýt điện chạy thử", "2021-08-30T08:00:00Z", NULL, 51,
        "https://example.vn/xe-buyt.html", byurl);
    add(f->s, "Hà Nội mở thêm tuyến buýt điện", "2021-08-30T08:00:00Z", NULL, 52, NULL,
        bytitle);
    bt_article *art = bt_article_new();
    assert_non_null(art);
    const char *t = "Giá vé xe buýt giữ nguyên";
    assert_int_equal(bt_article_set(&art->title, t, strlen(t)), 0);
    assert_int_equal(bt_article_add_para(art, "Sở Giao thông cho biết giá vé xe buýt tháng "
                                              "được giữ nguyên đến hết năm."), 0);
    assert_int_equal(bt_article_add_related(art, "Tin khác về xe buýt",
                                            "https://example.vn/xe-buyt.html"), 0);
    assert_int_equal(bt_article_add_related(art, "HA NOI MO THEM TUYEN BUYT DIEN", NULL), 0);
    assert_int_equal(bt_article_add_related(art, "Một tin chưa lưu", "https://x.vn/a"), 0);
    bt_error err;
    assert_int_equal(test_store_add(f->s, art, NULL, a, &err), BT_STORE_ADDED);
    bt_article_free(art);
    bt_related_list *r = related(f->s, a, 8);
    assert_int_equal(r->n_links, 3);
    assert_string_equal(r->links[0].title, "Tin khác về xe buýt");
    assert_string_equal(r->links[0].url, "https://example.vn/xe-buyt.html");
    assert_string_equal(r->links[0].id, byurl);
    assert_string_equal(r->links[1].title, "HA NOI MO THEM TUYEN BUYT DIEN");
    assert_null(r->links[1].url);
    assert_string_equal(r->links[1].id, bytitle);
    assert_string_equal(r->links[2].id, "");
    /* and the JSON: the shape, the links beside */
    char *js = NULL;
    assert_int_equal(bt_related_list_to_json(r, 0, &js, &err), 0);
    json_t *o = json_loads(js, 0, NULL);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "id")), a);
    json_t *items = json_object_get(o, "related");
    assert_int_equal(json_array_size(items), r->n);
    assert_true(r->n > 0);
    json_t *first = json_array_get(items, 0);
    assert_string_equal(json_string_value(json_object_get(first, "id")), r->items[0].id);
    assert_true(json_is_string(json_object_get(first, "title")));
    assert_true(json_is_null(json_object_get(first, "source")));
    assert_true(json_is_string(json_object_get(first, "published")));
    assert_true(json_is_real(json_object_get(first, "score")));
    json_t *links = json_object_get(o, "links");
    assert_int_equal(json_array_size(links), 3);
    assert_string_equal(json_string_value(json_object_get(json_array_get(links, 1), "id")),
                        bytitle);
    assert_true(json_is_null(json_object_get(json_array_get(links, 2), "id")));
    json_decref(o);
    free(js);
    assert_int_equal(bt_related_list_to_json(r, 0x100, &js, &err), BT_EINVAL);
    assert_null(js);
    bt_related_list_free(r);
}

static void test_bad_input(void **state)
{
    fixture *f = *state;
    bt_error err;
    bt_related_list *r = (bt_related_list *)&err; /* set to NULL on failure */
    /* an empty store: every id is unknown */
    assert_int_equal(bt_related_of(f->s, "0123456789abcdef", 8, &r, &err), BT_ENOTFOUND);
    assert_null(r);
    assert_non_null(strstr(err.msg, "0123456789abcdef"));
    char only[17], noword[17], nodate[17], other[17];
    const char *p[] = {"Flooding closed the Mekong ferry crossing near Cantho.", NULL};
    add(f->s, "Ferry closed", "2021-10-10T08:00:00Z", p, 61, NULL, only);
    /* one article alone: no related, no error */
    r = related(f->s, only, 8);
    assert_int_equal(r->n, 0);
    assert_int_equal(r->n_links, 0);
    bt_related_list_free(r);
    /* no words at all (and no date): stored, nothing related either way */
    add(f->s, "—", NULL, NULL, 0, NULL, noword);
    r = related(f->s, noword, 8);
    assert_int_equal(r->n, 0);
    bt_related_list_free(r);
    r = related(f->s, only, 8);
    assert_int_equal(rank_of(r, noword), -1);
    bt_related_list_free(r);
    /* a title and no text, no date: related by its title */
    add(f->s, "Mekong ferry crossing near Cantho reopens", NULL, NULL, 0, NULL, nodate);
    add(f->s, "Unrelated bulletin", "2021-10-10T08:00:00Z", NULL, 62, NULL, other);
    r = related(f->s, nodate, 8);
    assert_true(r->n >= 1);
    assert_string_equal(r->items[0].id, only);
    assert_int_equal(rank_of(r, other), -1);
    bt_related_list_free(r);
    /* bad arguments */
    assert_int_equal(bt_related_of(f->s, only, 0, &r, &err), BT_EINVAL);
    assert_int_equal(bt_related_of(f->s, only, BT_RELATED_MAX_K + 1, &r, &err), BT_EINVAL);
    assert_int_equal(bt_related_of(f->s, NULL, 8, &r, &err), BT_EINVAL);
    assert_int_equal(bt_related_of(f->s, "", 8, &r, &err), BT_EINVAL);
    assert_int_equal(bt_related_of(NULL, only, 8, &r, &err), BT_EINVAL);
    assert_int_equal(bt_related_of(f->s, only, 8, NULL, &err), BT_EINVAL);
    assert_int_equal(bt_related_list_to_json(NULL, 0, NULL, &err), BT_EINVAL);
    bt_related_list_free(NULL);
}

static void test_cli(void **state)
{
    fixture *f = *state;
    char a[17], b[17];
    background(f->s, 0, 5);
    add(f->s, "Khalilzad meets Massoud in Panjshir", "2021-08-30T08:00:00Z", story_a, 71, NULL,
        a);
    add(f->s, "Massoud and Khalilzad talk again", "2021-08-31T08:00:00Z", story_b, 72, NULL, b);
    char cmd[512], *out = NULL, *err = NULL;
    /* a prefix, text */
    snprintf(cmd, sizeof cmd, "%s related --db '%s' %.8s", test_bantin_bin(), f->db, a);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    assert_non_null(strstr(out, b));
    assert_non_null(strstr(out, "Massoud and Khalilzad talk again"));
    free(out);
    /* JSON, -k */
    snprintf(cmd, sizeof cmd, "%s related --db '%s' -k 1 --format json %s", test_bantin_bin(),
             f->db, a);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    json_t *o = json_loads(out, 0, NULL);
    assert_non_null(o);
    assert_int_equal(json_array_size(json_object_get(o, "related")), 1);
    assert_string_equal(json_string_value(json_object_get(
                            json_array_get(json_object_get(o, "related"), 0), "id")), b);
    json_decref(o);
    free(out);
    /* bad input: an unknown id (1), a bad -k (2), no id (2), a JSON error object */
    snprintf(cmd, sizeof cmd, "%s related --db '%s' ffffffffffffffff", test_bantin_bin(),
             f->db);
    assert_int_equal(test_run(cmd, NULL, &err), 1);
    assert_non_null(strstr(err, "ffffffffffffffff"));
    free(err);
    snprintf(cmd, sizeof cmd, "%s related --db '%s' --format json ffffffffffffffff",
             test_bantin_bin(), f->db);
    assert_int_equal(test_run(cmd, NULL, &err), 1);
    assert_non_null(strstr(err, "{\"error\""));
    free(err);
    snprintf(cmd, sizeof cmd, "%s related --db '%s' -k 0 %s", test_bantin_bin(), f->db, a);
    assert_int_equal(test_run(cmd, NULL, NULL), 2);
    snprintf(cmd, sizeof cmd, "%s related --db '%s'", test_bantin_bin(), f->db);
    assert_int_equal(test_run(cmd, NULL, NULL), 2);
    snprintf(cmd, sizeof cmd, "%s related --db '%s/none.db' %s", test_bantin_bin(), f->dir, a);
    assert_int_equal(test_run(cmd, NULL, NULL), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_same_story_over_same_words, setup, teardown),
        cmocka_unit_test_setup_teardown(test_names_weigh_more, setup, teardown),
        cmocka_unit_test_setup_teardown(test_time_proximity, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicates_excluded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_groups_collapsed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_middling_words_retrieve, setup, teardown),
        cmocka_unit_test_setup_teardown(test_remove_and_add, setup, teardown),
        cmocka_unit_test_setup_teardown(test_page_links, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cli, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
