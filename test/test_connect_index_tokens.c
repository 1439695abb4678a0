/* test_connect_index_tokens.c: INDEX_TOKENS, the near-duplicate signature made from the FTS
 * index's tokens as it indexes a batch (store/db.h's token sink, connect.h's
 * bti_dup_sig_start/part/token/finish, as ingest/run.c joins them): the same shingles, in the
 * same order, and the same band keys as bti_dup_sig_of's on the record, for articles of
 * several paragraphs (an empty one, one with a newline inside, short ones), with marks and
 * capitals, number runs, with and without a lede, a source and captions; an article merged
 * into one stored before (not indexed: the sink never sees it) in the batch; a batch rolled
 * back (its rows never reach the sink of the next one); and `bantin add` with connect on
 * giving the pairs of a rebuild from the stored text. */
#include "support.h"

#include "bantin.h"
#include "connect/connect.h"
#include "store/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- a sink as ingest's: each row's title starts a signature -------------------------------- */

#define MAX_ROWS 16

typedef struct sink_state {
    bti_dup_sig *sig[MAX_ROWS];
    int64_t n[MAX_ROWS];
    size_t rows;
    bti_dup_sig *cur;
    int64_t cur_n;
    bti_dup_builder *b;
    int walk; /* SINK_WALK, as ingest's: the context is the builder's walk */
} sink_state;

static void *s_text(void *ctx, int64_t n, int col)
{
    sink_state *k = ctx;
    if (col == BTI_SINK_TITLE) {
        assert_true(k->rows < MAX_ROWS);
        if (!k->sig[k->rows])
            assert_int_equal(bti_dup_sig_new(&k->sig[k->rows]), 0);
        k->cur = k->sig[k->rows];
        k->cur_n = k->n[k->rows++] = n;
        if (!k->b)
            assert_int_equal(bti_dup_builder_new(&k->b), 0);
        bti_dup_sig_start(k->b, k->cur, n);
        return k->walk ? bti_dup_sig_sink(k->cur) : k->cur;
    }
    assert_true(col == BTI_SINK_LEDE || col == BTI_SINK_BODY); /* no STOP here */
    assert_non_null(k->cur);
    assert_int_equal(k->cur_n, n);
    return k->walk ? bti_dup_sig_sink(k->cur) : k->cur;
}

static void s_part(void *t) { bti_dup_sig_part(t); }
static int s_token(void *t, const bt_token *tok) { return bti_dup_sig_token(t, tok); }

static void sink_free(sink_state *k)
{
    for (size_t i = 0; i < MAX_ROWS; i++)
        bti_dup_sig_free(k->sig[i]);
    bti_dup_builder_free(k->b);
}

/* ---- articles -------------------------------------------------------------------------------- */

static const char *const records[] = {
    /* paragraphs, marks and capitals, a number run, a lede, a source */
    "{\"title\": \"Đàm phán HÒA BÌNH giữa hai nước bước vào vòng mới\", \"url\": "
    "\"https://a.example/1\", \"source\": \"Báo A\", \"lede\": \"Chính phủ cho biết ngày "
    "20/10/2021 các bên đã gặp nhau tại Hà Nội.\", \"body\": [\"Người dân thành phố theo dõi "
    "sát sao cuộc đàm phán, giá lúa gạo tăng 3.000 đồng, 1,5 tấn và 12 chiếc xe.\", \"\", "
    "\"Ông Nguyễn Văn A nói: Chúng tôi HY VỌNG hòa bình sẽ đến sớm.\", \"Ngắn thôi.\", "
    "\"Các số 1 2 3 4 5 6 7 liền nhau; U23 và H5N1 giữ nguyên.\"]}",
    /* no lede, no source; a paragraph with a newline inside; captions */
    "{\"title\": \"Bão số 5 đổ bộ\", \"url\": \"https://b.example/2\", \"body\": [\"Mưa lớn "
    "kéo dài\\nnhiều ngày ở miền Trung, lũ lụt khắp nơi.\", \"Học sinh nghỉ học.\"], "
    "\"images\": [{\"src\": \"https://b.example/x.jpg\", \"caption\": \"Nước ngập đường "
    "phố\"}]}",
    /* a title alone, shorter than a shingle */
    "{\"title\": \"Tin vắn\", \"url\": \"https://c.example/3\"}",
    /* an empty lede, a body of numbers only, ASCII words */
    "{\"title\": \"Kết quả xổ số hôm nay\", \"url\": \"https://d.example/4\", \"lede\": \"\", "
    "\"body\": [\"12 34 56 78 90\", \"The quick brown fox jumps over the lazy dog again.\"]}",
};
#define NREC (sizeof records / sizeof records[0])

/* A different article at the URL of records[0]: merged into it, not stored again. */
static const char merged_record[] =
    "{\"title\": \"Đàm phán hòa bình (cập nhật)\", \"url\": \"https://a.example/1\", \"body\": "
    "[\"Một bản khác hẳn của bài, với chữ khác.\"]}";

static bt_article *article(const char *json)
{
    bt_article *a;
    bt_error err;
    assert_int_equal(bt_article_from_json(json, strlen(json), &a, &err), 0);
    return a;
}

typedef struct fix {
    char dir[64];
    char db[96];
    bt_store *s;
    sink_state k;
    bti_token_sink sink;
} fix;

static int setup_as(void **state, int walk)
{
    fix *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/bt_idxtok_XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
    bt_error err;
    assert_int_equal(bt_store_open(f->db, 0, &f->s, &err), 0);
    f->k.walk = walk;
    f->sink = walk ? (bti_token_sink){&f->k, s_text, bti_dup_sig_sink_part, bti_walk_sink_token}
                   : (bti_token_sink){&f->k, s_text, s_part, s_token};
    bti_store_set_token_sink(f->s, &f->sink);
    *state = f;
    return 0;
}

static int setup(void **state) { return setup_as(state, 0); }
/* the sink as ingest's: the signatures' walks take the tokens (SINK_WALK), the body's lines
 * found by NEXT_NEWLINE: the same signatures */
static int setup_walk(void **state) { return setup_as(state, 1); }

static int teardown(void **state)
{
    fix *f = *state;
    bt_store_close(f->s);
    sink_free(&f->k);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

/* Adds a record in the open batch: its outcome; *ref its signature by bti_dup_sig_of. */
static int add(fix *f, const char *json, bti_dup_sig **ref, char id[17])
{
    bt_article *a = article(json);
    bt_error err;
    int outcome;
    assert_int_equal(bt_store_add(f->s, a, NULL, &outcome, id, &err), 0);
    if (ref)
        assert_int_equal(bti_dup_sig_of(a, ref), 0);
    bt_article_free(a);
    return outcome;
}

static int64_t row_of(fix *f, const char *id)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(bti_store_db(f->s), "SELECT n FROM articles WHERE id = ?",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void assert_same_sig(const bti_dup_sig *want, const bti_dup_sig *got)
{
    size_t nw, ng;
    const uint64_t *w = bti_dup_sig_shingles(want, &nw), *g = bti_dup_sig_shingles(got, &ng);
    assert_int_equal(nw, ng);
    if (nw)
        assert_memory_equal(w, g, nw * sizeof *w);
    bti_dups_opts o;
    bti_dups_opts_init(&o);
    assert_memory_equal(bti_dup_sig_keys(want), bti_dup_sig_keys(got), o.bands * sizeof(uint64_t));
}

/* Every record, in one batch, with a merged one among them: the sink sees the new rows in
 * order, and each signature equals bti_dup_sig_of's. */
static void test_same_signature(void **state)
{
    fix *f = *state;
    bt_error err;
    bti_dup_sig *ref[NREC] = {0};
    char ids[NREC][17];
    /* records[0] in a batch of its own first, so that the merged one finds it stored */
    assert_int_equal(bt_store_begin(f->s, &err), 0);
    assert_int_equal(add(f, records[0], &ref[0], ids[0]), BT_STORE_ADDED);
    assert_int_equal(bti_store_index_batch(f->s, &err), 0);
    assert_int_equal(f->k.rows, 1);
    assert_int_equal(bti_dup_sig_finish(f->k.sig[0]), 0);
    assert_int_equal(f->k.n[0], row_of(f, ids[0]));
    assert_same_sig(ref[0], f->k.sig[0]);
    assert_int_equal(bt_store_commit(f->s, &err), 0);

    f->k.rows = 0;
    assert_int_equal(bt_store_begin(f->s, &err), 0);
    char mid[17];
    assert_int_equal(add(f, records[1], &ref[1], ids[1]), BT_STORE_ADDED);
    assert_int_equal(add(f, merged_record, NULL, mid), BT_STORE_MERGED);
    assert_string_equal(mid, ids[0]);
    for (size_t i = 2; i < NREC; i++)
        assert_int_equal(add(f, records[i], &ref[i], ids[i]), BT_STORE_ADDED);
    assert_int_equal(bt_store_commit(f->s, &err), 0); /* the commit indexes: the sink too */
    assert_int_equal(f->k.rows, NREC - 1);
    for (size_t i = 1; i < NREC; i++) {
        assert_int_equal(bti_dup_sig_finish(f->k.sig[i - 1]), 0);
        assert_int_equal(f->k.n[i - 1], row_of(f, ids[i]));
        assert_same_sig(ref[i], f->k.sig[i - 1]);
    }
    for (size_t i = 0; i < NREC; i++)
        bti_dup_sig_free(ref[i]);
}

/* A batch rolled back, indexed or not, leaves nothing for the next batch's sink; an add
 * that fails (no title) leaves no row either. */
static void test_rollback(void **state)
{
    fix *f = *state;
    bt_error err;
    char id[17];
    assert_int_equal(bt_store_begin(f->s, &err), 0);
    assert_int_equal(add(f, records[0], NULL, id), BT_STORE_ADDED);
    assert_int_equal(bt_store_rollback(f->s, &err), 0);
    assert_int_equal(bt_store_begin(f->s, &err), 0);
    assert_int_equal(add(f, records[1], NULL, id), BT_STORE_ADDED);
    assert_int_equal(bti_store_index_batch(f->s, &err), 0);
    assert_int_equal(f->k.rows, 1);
    assert_int_equal(bt_store_rollback(f->s, &err), 0);

    f->k.rows = 0;
    bti_dup_sig *ref[2] = {0};
    char ids[2][17];
    assert_int_equal(bt_store_begin(f->s, &err), 0);
    assert_int_equal(add(f, records[2], &ref[0], ids[0]), BT_STORE_ADDED);
    bt_article *none = article("{\"title\": \"x\"}");
    free(none->title);
    none->title = NULL; /* refused: nothing stored, no row kept for the sink */
    int outcome;
    assert_int_not_equal(bt_store_add(f->s, none, NULL, &outcome, id, &err), 0);
    bt_article_free(none);
    assert_int_equal(add(f, records[3], &ref[1], ids[1]), BT_STORE_ADDED);
    assert_int_equal(bti_store_index_batch(f->s, &err), 0);
    assert_int_equal(f->k.rows, 2);
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(bti_dup_sig_finish(f->k.sig[i]), 0);
        assert_int_equal(f->k.n[i], row_of(f, ids[i]));
        assert_same_sig(ref[i], f->k.sig[i]);
        bti_dup_sig_free(ref[i]);
    }
    assert_int_equal(bt_store_commit(f->s, &err), 0);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(bti_store_db(f->s), "SELECT count(*) FROM articles", -1,
                                        &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int64(st, 0), 2);
    sqlite3_finalize(st);
}

/* A signature made for row n is not used for another row: bti_connect_add signs that one
 * from its stored text. */
static void test_other_row(void **state)
{
    fix *f = *state;
    bt_error err;
    bti_store_set_token_sink(f->s, NULL);
    bti_connect *c;
    assert_int_equal(bti_connect_open(f->s, &c, &err), 0);
    char ids[2][17];
    assert_int_equal(bt_store_begin(f->s, &err), 0);
    assert_int_equal(add(f, records[0], NULL, ids[0]), BT_STORE_ADDED);
    assert_int_equal(add(f, records[1], NULL, ids[1]), BT_STORE_ADDED);
    bti_dup_sig *wrong;
    bti_dup_builder *b;
    assert_int_equal(bti_dup_builder_new(&b), 0);
    assert_int_equal(bti_dup_sig_new(&wrong), 0);
    bti_dup_sig_start(b, wrong, row_of(f, ids[0]));
    assert_int_equal(bti_dup_sig_finish(wrong), 0); /* an empty set: no words, no keys */
    assert_int_equal(bti_connect_add(c, ids[1], wrong, &err), 0);
    bti_dup_builder_free(b); /* before its signature: either order */
    bti_dup_sig_free(wrong);
    assert_int_equal(bt_store_commit(f->s, &err), 0);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(bti_store_db(f->s),
                                        "SELECT count(*) FROM dup_bands WHERE article = ?", -1, &st,
                                        NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(st, 1, row_of(f, ids[1]));
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_true(sqlite3_column_int64(st, 0) > 0); /* its own keys, from its text */
    sqlite3_finalize(st);
    bti_connect_close(c);
}

/* `bantin add` with connect on (the signatures from the index's tokens) gives the pairs a
 * rebuild gives from the stored text, copies and all. */
static void test_add_equals_rebuild(void **state)
{
    fix *f = *state;
    bt_store_close(f->s);
    f->s = NULL;
    char path[160], cmd[2048];
    snprintf(path, sizeof path, "%s/in.jsonl", f->dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    for (size_t i = 0; i < NREC; i++) {
        fprintf(fp, "%s\n", records[i]);
        /* a copy of each at another URL, its title changed: a near-duplicate */
        const char *t = records[i] + strlen("{\"title\": \""), *u = strstr(t, ".example/");
        fprintf(fp, "{\"title\": \"Bản sao: %.*scopy.example/%s\n", (int)(u - t - 1), t, u + 9);
    }
    fclose(fp);
    snprintf(cmd, sizeof cmd,
             "%s add --quiet --db %s/a.db %s && %s dups --db %s/a.db --format json > %s/1.json"
             " && %s connect --rebuild --db %s/a.db >/dev/null && %s dups --db %s/a.db "
             "--format json > %s/2.json && cmp %s/1.json %s/2.json && test -s %s/1.json && "
             "grep -q similarity %s/1.json",
             test_bantin_bin(), f->dir, path, test_bantin_bin(), f->dir, f->dir,
             test_bantin_bin(), f->dir, test_bantin_bin(), f->dir, f->dir, f->dir, f->dir,
             f->dir, f->dir);
    char *err = NULL;
    int rc = test_run(cmd, NULL, &err);
    if (rc)
        fprintf(stderr, "%s\n", err ? err : "");
    free(err);
    assert_int_equal(rc, 0);
    bt_error e;
    assert_int_equal(bt_store_open(f->db, 0, &f->s, &e), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_same_signature, setup, teardown),
        cmocka_unit_test_setup_teardown(test_same_signature, setup_walk, teardown),
        cmocka_unit_test_setup_teardown(test_rollback, setup_walk, teardown),
        cmocka_unit_test_setup_teardown(test_rollback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_other_row, setup, teardown),
        cmocka_unit_test_setup_teardown(test_add_equals_rebuild, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
