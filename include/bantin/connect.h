/* bantin/connect.h: what connects the stored articles: near-duplicate groups (reprints of one
 * article by other outlets, edited copies, an article quoted whole in a longer one).
 *
 * Near-duplicates are found as articles arrive (bt_ingest, i.e. `bantin add`), in the store's
 * own file: each article's word 5-shingles over its folded text (title, lede, paragraphs;
 * case, marks and tone placement do not matter) give a MinHash signature of 16 bands of one
 * row; the articles sharing 2 of the 16 band keys are candidates (one indexed look-up per
 * band, never a scan of the collection), and a candidate is a duplicate when the exact
 * shingle sets have Jaccard >= 0.5 or containment (share of the smaller found in the other)
 * >= 0.7, the smaller having >= 30 shingles, unless both carry >= 10 runs of figures and
 * fewer than half agree (template pages: weather, lottery, prices). Groups are the connected
 * components of the verified pairs; a group's original is its earliest article (published,
 * then first added). An addition reads at most 16 ids a band key (the newest) and checks at
 * most 16 candidates (those sharing the most keys whose buckets were not full): templated
 * texts (one sentence repeated with another figure) make every earlier one a candidate, and
 * one verified link is all a group needs.
 * bench/README.md gives the precision and recall. bt_search_run shows one result per group
 * by default (bantin/search.h).
 *
 * Articles stored by bt_store_add directly (not through bt_ingest) enter the index at the
 * next bt_ingest run on the store (before its own articles) or bt_dups_rebuild;
 * bt_store_remove drops an article from its group at once.
 *
 * Related articles: bt_related_of, below.
 *
 * Depends on: the store (bantin/store.h).
 * Thread safety: as the store: one thread at a time per bt_store. */
#ifndef BANTIN_CONNECT_H
#define BANTIN_CONNECT_H

#include "bantin/store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One article of a group. `similarity` is to the group's original: the larger of the
 * Jaccard and the containment of their shingle sets (an abridged copy holding 70% of the
 * original has containment ~1 and Jaccard ~0.7), 1 for the original itself. */
typedef struct bt_dup_member {
    char id[17];
    double similarity;
} bt_dup_member;

/* A group: its original first, then the copies by publication (then addition). `group` is
 * the original's row number in the store, stable while the original stays stored. */
typedef struct bt_dup_group {
    int64_t group;
    size_t n;
    bt_dup_member *articles;
} bt_dup_group;

typedef struct bt_dup_groups {
    size_t n;
    bt_dup_group *groups; /* by their original's row number */
} bt_dup_groups;

/* Every group with at least one copy of similarity >= min_sim (0: all; copies below are left
 * out of the group's list), into *out (owned by the caller: bt_dup_groups_free). 0, BT_EINVAL
 * (min_sim not in 0..1), BT_EDB. An empty store gives 0 groups. */
BT_API int bt_dups_list(bt_store *s, double min_sim, bt_dup_groups **out, bt_error *err);
BT_API void bt_dup_groups_free(bt_dup_groups *g);

/* The group of article `id` into *out (bt_dup_group_free), or *out NULL when it has no
 * duplicate. BT_ENOTFOUND (naming the id) when no such article is stored. */
BT_API int bt_dups_of(bt_store *s, const char *id, bt_dup_group **out, bt_error *err);
BT_API void bt_dup_group_free(bt_dup_group *g);

/* Computes the near-duplicate index again from the stored articles (after articles were
 * stored without bt_ingest, or to apply changed thresholds), in one transaction: the result
 * equals what adding the articles one by one gave. Needs a store opened for writing; not
 * inside a batch. */
BT_API int bt_dups_rebuild(bt_store *s, bt_error *err);

/* ---- related articles ---------------------------------------------------------------------
 *
 * An article's related articles: the stored articles that tell the same story or its
 * neighbours, computed when asked (nothing is kept: a call reads the full-text index as it
 * is, so articles added or removed count at once) in a few milliseconds (bench/README.md).
 * The query is the article's own informative words (folded: marks and case do not matter)
 * from its title and the top of its text, weighted by TF-IDF from the index's own document
 * counts, names (capitalised words that do not start a sentence: Zalmay Khalilzad, Panjshir)
 * weighing more, with word pairs; candidates come from the index, are ranked by BM25 over
 * their own title and text, and closer publication times rank higher. The article itself and
 * its near-duplicate group (bt_dups_of) are left out.
 *
 * The page's own related links (bt_article.related, what the portal's editors picked) are
 * given beside, as they are, each with the stored article it points at when one has its URL
 * or its title (folded). */

/* One computed related article. `score` is its similarity to the article against the
 * article's own (about 0..1), after the time factor. */
typedef struct bt_related_item {
    char id[17];
    char *title;
    char *source;    /* NULL when unknown */
    char *published; /* as stored (ISO 8601), NULL when undated */
    double score;
} bt_related_item;

/* One of the page's own related links, as extracted, and the stored article it names ("" when
 * none is stored). */
typedef struct bt_related_link {
    char *title;
    char *url; /* NULL when the page gave none */
    char id[17];
} bt_related_link;

typedef struct bt_related_list {
    char id[17];             /* the article asked about */
    size_t n;
    bt_related_item *items;  /* best first */
    size_t n_links;
    bt_related_link *links;  /* in the page's order */
} bt_related_list;

/* The most related articles asked for by default, and the most one call gives. */
#define BT_RELATED_DEFAULT_K 8
#define BT_RELATED_MAX_K 100

/* The top k (1..BT_RELATED_MAX_K) related articles of article `id` (its full 16-digit id)
 * and its page's own related links into *out (owned by the caller: bt_related_list_free).
 * An article without words (no title, no text) or in an otherwise empty store has none: 0
 * with n = 0. An undated article, or undated candidates, are ranked without the time
 * factor's favour. 0, BT_EINVAL (k out of range, no id), BT_ENOTFOUND (naming the id),
 * BT_ENOMEM or the store's error. */
BT_API int bt_related_of(bt_store *s, const char *id, size_t k, bt_related_list **out,
                         bt_error *err);
BT_API void bt_related_list_free(bt_related_list *r);

/* The list as the JSON object `bantin related --format json` prints and the server sends:
 * {"id": ID, "related": [{"id", "title", "source", "published", "score"}, ...],
 *  "links": [{"title", "url", "id"}, ...]} (a link's "id" null when no stored article
 * matches). `flags`: BT_JSON_PRETTY or 0. *out malloc'ed (the caller frees it), no trailing
 * newline. 0, BT_EINVAL, BT_ENOMEM. */
BT_API int bt_related_list_to_json(const bt_related_list *r, unsigned flags, char **out,
                                   bt_error *err);

#ifdef __cplusplus
}
#endif
#endif
