/* id.c: the article's content id, the same for the same article reached by two captures. */
#include "bantin/article.h"
#include "core/hash.h"

#include <string.h>

int bt_article_set_id(bt_article *a)
{
    bti_hasher hs;
    bti_hasher_init(&hs, 0x62616e74696eull); /* "bantin" */
    /* only the text: the same article keeps its id whatever the capture's URL, source or
     * dates; the separators keep ("ab", "c") apart from ("a", "bc") */
    const char *parts[2] = {a->title, a->lede};
    for (int i = 0; i < 2; i++) {
        if (parts[i])
            bti_hasher_add(&hs, parts[i], strlen(parts[i]));
        bti_hasher_add(&hs, "\x1e", 1);
    }
    for (size_t i = 0; i < a->n_body; i++) {
        bti_hasher_add(&hs, a->body[i], strlen(a->body[i]));
        bti_hasher_add(&hs, "\x1f", 1);
    }
    char hex[17];
    bti_hash_hex(bti_hasher_end(&hs), hex);
    return bt_article_set(&a->id, hex, 16);
}
