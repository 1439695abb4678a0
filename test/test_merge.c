/* test_merge.c: shard merge (bt_ingest_merge, `bantin merge`): the shards of a job merged in
 * order give the store one `bantin add` of all their inputs gives (same articles in the same
 * order, same captures, sources, images, related); merging again adds nothing; a shard that is
 * not there is an error naming it that leaves the store as it was. Uses samples/ only. */
#include "support.h"

#include "bantin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const shard_a[] = {"samples/01-xe-buyt-dien.txt", "samples/02-lua-gao.md.txt",
                                      "samples/05-buyt-dien.html"};
static const char *shard_b[] = {"samples/02-lua-gao.md.txt", "samples/03-nhay-xa.lynx.txt",
                                "samples/04-english-wire.txt", "samples/01-xe-buyt-dien.txt",
                                NULL /* a reprint of 01, made by setup */};

static char dir[64];

static void ingest(const char *db, const char *const *paths, size_t n)
{
    bt_ingest_opts o = BT_INGEST_OPTS_INIT;
    o.jobs = 1;
    o.db = db;
    bt_ingest *g;
    bt_error err;
    assert_int_equal(bt_ingest_new(&o, &g, &err), 0);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(bt_ingest_add_path(g, paths[i], &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    assert_int_equal(bt_ingest_run(g, &st, &err), 0);
    assert_int_equal(st.failed, 0);
    bt_ingest_free(g);
}

static char *path_in(const char *name)
{
    static char buf[4][128];
    static int k;
    char *p = buf[k++ % 4];
    snprintf(p, sizeof buf[0], "%s/%s", dir, name);
    return p;
}

/* "id id id ..." of the store's articles in the order they were added. */
static void ids_of(const char *db, char *out, size_t cap)
{
    bt_store *s;
    bt_error err;
    assert_int_equal(bt_store_open(db, BT_STORE_READONLY, &s, &err), 0);
    bt_store_iter *it;
    assert_int_equal(bt_store_iter_open(s, NULL, &it, &err), 0);
    bt_article *a;
    out[0] = 0;
    while (bt_store_iter_next(it, &a, &err) == 0 && a) {
        strncat(out, a->id, cap - strlen(out) - 2);
        strcat(out, " ");
        bt_article_free(a);
    }
    bt_store_iter_close(it);
    bt_store_close(s);
}

static bt_store_stats stats_of(const char *db)
{
    bt_store *s;
    bt_error err;
    bt_store_stats st = BT_STORE_STATS_INIT;
    assert_int_equal(bt_store_open(db, BT_STORE_READONLY, &s, &err), 0);
    assert_int_equal(bt_store_stats_get(s, &st, &err), 0);
    bt_store_close(s);
    return st;
}

/* The near-duplicate groups of a store as one line of ids ("a,b;c,d;"), originals first. */
static void groups_of(const char *db, char *out, size_t cap)
{
    bt_store *s;
    bt_error err;
    bt_dup_groups *g;
    assert_int_equal(bt_store_open(db, BT_STORE_READONLY, &s, &err), 0);
    assert_int_equal(bt_dups_list(s, 0, &g, &err), 0);
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < g->n; i++)
        for (size_t k = 0; k < g->groups[i].n; k++)
            used += (size_t)snprintf(out + used, cap - used, "%s%c", g->groups[i].articles[k].id,
                                     k + 1 == g->groups[i].n ? ';' : ',');
    bt_dup_groups_free(g);
    bt_store_close(s);
}

static int setup(void **state)
{
    snprintf(dir, sizeof dir, "/tmp/bt-merge-XXXXXX");
    assert_non_null(mkdtemp(dir));
    /* a reprint of sample 01 under another headline: a near-duplicate for connect */
    size_t len;
    char *orig = test_read_file("samples/01-xe-buyt-dien.txt", &len);
    assert_non_null(orig);
    const char *old = "Hà Nội mở thêm 12 tuyến xe buýt điện trong năm nay";
    char *at = strstr(orig, old);
    assert_non_null(at);
    static char reprint[128];
    snprintf(reprint, sizeof reprint, "%s/reprint.txt", dir);
    FILE *f = fopen(reprint, "wb");
    assert_non_null(f);
    fwrite(orig, 1, (size_t)(at - orig), f);
    fputs("Thêm 12 tuyến buýt điện cho Hà Nội", f);
    fputs(at + strlen(old), f);
    fclose(f);
    free(orig);
    shard_b[4] = reprint;
    ingest(path_in("a.db"), shard_a, 3);
    ingest(path_in("b.db"), shard_b, 5);
    const char *all[] = {shard_a[0], shard_a[1], shard_a[2], shard_b[0], shard_b[1], shard_b[2],
                         shard_b[3], shard_b[4]};
    ingest(path_in("plain.db"), all, 8);
    return 0;
}

static int teardown(void **state)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) != 0;
}

static void test_merge_equals_one_add(void **state)
{
    bt_store *m;
    bt_error err;
    assert_int_equal(bt_store_open(path_in("m.db"), 0, &m, &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    assert_int_equal(bt_ingest_merge(m, path_in("a.db"), &st, &err), 0);
    assert_int_equal(st.added, 3);
    assert_int_equal(bt_ingest_merge(m, path_in("b.db"), &st, &err), 0);
    /* b's 02 and 01 are the same bytes as a's: seen, as a plain add sees them */
    assert_int_equal(st.captures, 5);
    assert_int_equal(st.added, 3);
    assert_int_equal(st.seen, 2);
    bt_store_close(m);

    char got[512], want[512];
    ids_of(path_in("m.db"), got, sizeof got);
    ids_of(path_in("plain.db"), want, sizeof want);
    assert_string_equal(got, want);
    bt_store_stats g = stats_of(path_in("m.db")), w = stats_of(path_in("plain.db"));
    assert_int_equal(g.articles, w.articles);
    assert_int_equal(g.origins, w.origins);
    assert_int_equal(g.sources, w.sources);
    assert_int_equal(g.images, w.images);
    assert_int_equal(g.related, w.related);
    assert_int_equal(g.articles, 6);
    /* the merged articles are in the near-duplicate index too, as after one add */
    char gg[512], gw[512];
    groups_of(path_in("m.db"), gg, sizeof gg);
    groups_of(path_in("plain.db"), gw, sizeof gw);
    assert_string_equal(gg, gw);
    assert_non_null(strchr(gw, ',')); /* the reprint and its original make one group */
}

static void test_merge_again_adds_nothing(void **state)
{
    bt_store *m;
    bt_error err;
    assert_int_equal(bt_store_open(path_in("m2.db"), 0, &m, &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    assert_int_equal(bt_ingest_merge(m, path_in("a.db"), &st, &err), 0);
    assert_int_equal(bt_ingest_merge(m, path_in("a.db"), &st, &err), 0);
    assert_int_equal(st.added + st.merged, 0);
    assert_int_equal(st.seen, 3);
    bt_store_close(m);
    assert_int_equal(stats_of(path_in("m2.db")).origins, 3);
}

static void test_merge_bad_shard(void **state)
{
    bt_store *m;
    bt_error err;
    assert_int_equal(bt_store_open(path_in("m3.db"), 0, &m, &err), 0);
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    assert_int_equal(bt_ingest_merge(m, path_in("absent.db"), &st, &err), BT_ENOTFOUND);
    assert_non_null(strstr(err.msg, "absent.db"));
    assert_int_equal(st.captures, 0);
    char *junk = path_in("junk.db");
    FILE *f = fopen(junk, "w");
    assert_non_null(f);
    for (int i = 0; i < 100; i++)
        fputs("not a database at all ", f);
    fclose(f);
    assert_true(bt_ingest_merge(m, junk, &st, &err) < 0);
    assert_non_null(strstr(err.msg, "junk.db"));
    assert_int_equal(bt_ingest_merge(NULL, junk, &st, &err), BT_EINVAL);
    assert_int_equal(bt_ingest_merge(m, NULL, NULL, &err), BT_EINVAL);
    bt_store_close(m);
    assert_int_equal(stats_of(path_in("m3.db")).articles, 0);
}

static void test_cli_merge(void **state)
{
    char cmd[1024], *out = NULL, *errs = NULL;
    snprintf(cmd, sizeof cmd, "%s merge --json %s %s %s", test_bantin_bin(), path_in("c.db"),
             path_in("a.db"), path_in("b.db"));
    assert_int_equal(test_run(cmd, &out, &errs), 0);
    assert_non_null(strstr(out, "\"inputs\":2,\"captures\":8,\"added\":6,\"merged\":0,\"seen\":2"));
    free(out);
    free(errs);
    snprintf(cmd, sizeof cmd, "%s merge %s %s", test_bantin_bin(), path_in("c.db"),
             path_in("nothere.db"));
    assert_int_equal(test_run(cmd, &out, &errs), 1);
    assert_non_null(strstr(errs, "nothere.db"));
    free(out);
    free(errs);
    snprintf(cmd, sizeof cmd, "%s merge %s", test_bantin_bin(), path_in("c.db"));
    assert_int_equal(test_run(cmd, &out, &errs), 2);
    assert_non_null(strstr(errs, "usage: bantin merge"));
    free(out);
    free(errs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_merge_equals_one_add),
        cmocka_unit_test(test_merge_again_adds_nothing),
        cmocka_unit_test(test_merge_bad_shard),
        cmocka_unit_test(test_cli_merge),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
