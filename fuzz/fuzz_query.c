/* fuzz_query.c: libFuzzer target for the search query language: any bytes must give a clean
 * error (bad query) or a search that runs: never a crash, and never a database error, which
 * would mean that user text broke out of its FTS5 strings or SQL parameters; on a store with
 * and one without the phrase index; and the readings of a phrase in any text (reading.h). */
#include "bantin.h"
#include "search/query.h"
#include "search/reading.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* two small stores for the whole run (the harness's own state): without and with the phrase
 * index */
static bt_store *stores[2];

static bt_store *open_store(int phrases)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/fuzz_query_%d_%d.db", (int)getpid(), phrases);
    unlink(path);
    bt_error err;
    bt_store *s;
    if (bt_store_open(path, 0, &s, &err))
        abort();
    static const char *const titles[] = {"Mỹ và Taliban nối lại đàm phán hòa bình",
                                          "Người bán ở chợ", "Covid-19: thêm ca nhiễm"};
    for (size_t i = 0; i < 3; i++) {
        bt_article *a = bt_article_new();
        bt_article_set(&a->title, titles[i], strlen(titles[i]));
        bt_article_set(&a->published, "2021-08-20T10:00:00+07:00", 25);
        bt_article_set(&a->source, "VOV.VN", 6);
        bt_article_add_para(a, "Hai bên nối lại các cuộc đàm phán tại Qatar.");
        bt_article_add_author(a, "Thanh Hà");
        if (bt_store_add(s, a, NULL, NULL, NULL, &err) < 0)
            abort();
        bt_article_free(a);
    }
    if (phrases && bt_store_set_phrase_index(s, 1, &err))
        abort();
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!stores[0]) {
        stores[0] = open_store(0);
        stores[1] = open_store(1);
    }
    /* the same bytes as an article's text whose readings of a phrase are looked for */
    static char *const keys[] = {"la", "ma"};
    bti_readings rd = {0, NULL};
    if (bti_readings_add((const char *)data, size, keys, 2, &rd) == 0)
        for (size_t i = 0; i < rd.n; i++)
            if (!bti_readings_has(&rd, rd.v[i]))
                abort();
    bti_readings_free(&rd);
    bt_error err;
    bti_query *q = NULL;
    if (bti_query_parse((const char *)data, size, &q, &err))
        return 0;
    bti_qplan *p = NULL;
    int rc = bti_query_compile(q, NULL, (size & 1) ? BTI_QC_PAIRS : 0, &p, &err);
    bti_query_free(q);
    bti_qplan_free(p);
    if (rc || memchr(data, '\0', size))
        return 0;
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    for (int i = 0; i < 2; i++) {
        bt_search_results *r = NULL;
        rc = bt_search_run(stores[i], text, NULL, &r, &err);
        if (rc == BT_EDB) {
            fprintf(stderr, "database error for a valid query: %s\n", err.msg);
            abort();
        }
        bt_search_results_free(r);
    }
    free(text);
    return 0;
}
