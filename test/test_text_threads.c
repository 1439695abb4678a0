/* test_text_threads.c: the text stage keeps no state between calls, so many threads folding,
 * normalising, decoding and tokenising at once get exactly what one thread gets. */
#include "support.h"
#include "text/alloc.h"

#include "bantin.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const char *const TEXT =
    "Thuỷ điện Hoà Bình khoẻ mạnh; người dân Thủ đô đón 3.000 khách. ĐÀM PHÁN “quý” giữ gìn.";

typedef struct result {
    char *fold, *norm, *dec;
    size_t tokens, bytes;
} result;

static int count(void *ctx, const bt_token *t)
{
    result *r = ctx;
    r->tokens++;
    r->bytes += t->len + t->accent_len;
    return 0;
}

static void *work(void *arg)
{
    result *r = arg;
    for (int i = 0; i < 200; i++) {
        free(r->fold);
        free(r->norm);
        free(r->dec);
        r->fold = bti_fold_dup(TEXT, strlen(TEXT), NULL);
        r->norm = bti_normalize(TEXT, strlen(TEXT), BT_NORM_TONES | BT_NORM_LOWER, NULL);
        r->dec = NULL;
        if (bt_decode(TEXT, strlen(TEXT), BT_CS_UNKNOWN, 0, &r->dec, NULL, NULL, NULL))
            r->dec = NULL;
        r->tokens = r->bytes = 0;
        bt_tokenize(TEXT, strlen(TEXT), BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY, count, r);
    }
    return NULL;
}

static void test_threads_agree(void **state)
{
    (void)state;
    enum { N = 4 };
    pthread_t th[N];
    result r[N];
    memset(r, 0, sizeof r);
    for (int i = 0; i < N; i++)
        assert_int_equal(pthread_create(&th[i], NULL, work, &r[i]), 0);
    for (int i = 0; i < N; i++)
        assert_int_equal(pthread_join(th[i], NULL), 0);
    for (int i = 0; i < N; i++) {
        assert_non_null(r[i].fold);
        assert_non_null(r[i].dec);
        assert_string_equal(r[i].fold, r[0].fold);
        assert_string_equal(r[i].norm, r[0].norm);
        assert_string_equal(r[i].dec, TEXT);
        assert_int_equal(r[i].tokens, r[0].tokens);
        assert_int_equal(r[i].bytes, r[0].bytes);
    }
    assert_string_equal(r[0].norm, "thủy điện hòa bình khỏe mạnh; người dân thủ đô đón 3.000 "
                                   "khách. đàm phán “quý” giữ gìn.");
    for (int i = 0; i < N; i++) {
        free(r[i].fold);
        free(r[i].norm);
        free(r[i].dec);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads_agree),
    };
    return cmocka_run_group_tests_name("text_threads", tests, NULL, NULL);
}
