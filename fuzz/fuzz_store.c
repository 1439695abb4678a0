/* fuzz_store.c: the store's FTS5 tokenizer and add/get path on arbitrary bytes: an article
 * whose title and body are the input (split at the first newline), added to an in-memory
 * store, read back, matched with the input as a query, highlighted, and checked. */
#include "bantin.h"
#include "store/db.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    size_t cut = strcspn(text, "\n");
    bt_store *s;
    bt_error err;
    if (bt_store_open(":memory:", 0, &s, &err)) {
        free(text);
        return 0;
    }
    bt_article *a = bt_article_new();
    bt_article_set(&a->title, text, strlen(text) < cut ? strlen(text) : cut);
    if (cut < size)
        bt_article_add_para(a, text + cut + 1);
    bt_article_add_image(a, NULL, text, NULL);
    char id[17];
    if (bt_store_add(s, a, NULL, NULL, id, &err) == 0) {
        bt_article *b;
        if (bt_store_get(s, id, &b, &err) == 0)
            bt_article_free(b);
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(bti_store_db(s),
                               "SELECT highlight(articles_fts, 2, '[', ']') FROM articles_fts"
                               " WHERE articles_fts MATCH ?1",
                               -1, &st, NULL) == SQLITE_OK) {
            sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
            while (sqlite3_step(st) == SQLITE_ROW)
                ;
            sqlite3_finalize(st);
        }
        if (bt_store_check(s, &err))
            abort(); /* the index must always agree with the articles */
    }
    char term[64];
    bti_store_exact_term(text, strlen(text), term, sizeof term);
    bt_article_free(a);
    bt_store_close(s);
    free(text);
    return 0;
}
