/* bantin/connect.h: what connects the stored articles: near-duplicate groups (reprints of one
 * article by other outlets, edited copies, an article quoted whole in a longer one).
 *
 * Near-duplicates are found as articles arrive (bt_ingest, i.e. `bantin add`), in the store's
 * own file: each article's word 5-shingles over its folded text (title, lede, paragraphs;
 * case, marks and tone placement do not matter) give a MinHash signature of 32 bands x 2 rows;
 * the articles sharing a band key are candidates (one indexed look-up per band, never a scan
 * of the collection), and a candidate is a duplicate when the exact shingle sets have
 * Jaccard >= 0.5 or containment (share of the smaller found in the other) >= 0.7, the smaller
 * having >= 30 shingles, unless both carry >= 10 runs of figures and fewer than half agree
 * (template pages: weather, lottery, prices). Groups are the connected components of the
 * verified pairs; a group's original is its earliest article (published, then first added).
 * An addition reads at most 16 ids a band key (the newest) and checks at most 16 candidates
 * (those sharing the most keys): templated texts (one sentence repeated with another figure)
 * make every earlier one a candidate, and one verified link is all a group needs.
 * bench/README.md gives the precision and recall. bt_search_run shows one result per group
 * by default (bantin/search.h).
 *
 * Articles stored by bt_store_add directly (not through bt_ingest) enter the index at the
 * next bt_ingest run on the store (before its own articles) or bt_dups_rebuild;
 * bt_store_remove drops an article from its group at once.
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

#ifdef __cplusplus
}
#endif
#endif
