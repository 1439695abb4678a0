/* bantin/story.h: stories: the stored articles grouped by the news event they report, as
 * they arrive (bt_ingest, i.e. `bantin add`, clusters its articles after storing them).
 *
 * Each article joins the most similar story whose last article is at most 7 days older,
 * when the similarity passes a threshold, else it starts a story. Similarity: the cosine of
 * TF-IDF vectors over folded words and, in Vietnamese, syllable pairs (names weigh more,
 * stop words per language count nothing) with the story's centroid or its nearest members,
 * decayed by the time since the story's last article (halving every 12 hours, down to a
 * quarter, or to three quarters for an article sharing 12 terms or more with the story: a
 * follow-up of a multi-day story); candidate stories come from an index,
 * never a scan. Stories that converge are merged. A near-duplicate of an article joins that
 * article's story. The clustering reads the articles in one order (day, time, id), so the
 * stories do not depend on the order the articles of a day were added in: a rebuild from the
 * stored articles gives the same stories. bench/README.md ("connect: stories") has the method
 * and the scores.
 *
 * A story's id is the row number of the article that started it; its title is the headline
 * of its most central article. Articles stored without bt_ingest join stories at the next
 * bt_ingest run or bt_stories_rebuild; bt_store_remove takes an article out of its story at
 * once (the next run makes the stories again from the stored articles).
 *
 * Depends on: the store (bantin/store.h).
 * Thread safety: as the store: one thread at a time per bt_store. */
#ifndef BANTIN_STORY_H
#define BANTIN_STORY_H

#include "bantin/store.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One line of a story's timeline: an article and the near-duplicates of it in the story
 * (reprints by other outlets), which the line stands for. */
typedef struct bt_story_item {
    char id[17];
    char *title;     /* never NULL */
    char *source;    /* NULL when unknown */
    char *published; /* as stored (ISO 8601, the publisher's offset), NULL when undated */
    int64_t date;    /* seconds since the epoch it was clustered at (undated: the latest
                        date seen then) */
    size_t copies;   /* near-duplicates of it in the story */
} bt_story_item;

typedef struct bt_story {
    int64_t id;
    char *title;      /* the most central article's headline */
    char central[17]; /* that article's id */
    size_t size;      /* articles */
    int64_t first, last; /* seconds since the epoch: its earliest and latest articles */
    char **sources;   /* distinct sources, the most frequent first */
    size_t nsources;
    char **terms;     /* key terms (folded words or syllable pairs), heaviest first */
    size_t nterms;
    char (*articles)[17]; /* with BT_STORIES_MEMBERS or from bt_story_get: every article, by
                             date; NULL otherwise */
    size_t narticles;
    bt_story_item *timeline; /* from bt_story_get: one item per duplicate group, by date
                                (the first is the first report); NULL otherwise */
    size_t ntimeline;
} bt_story;

typedef struct bt_stories {
    size_t n;
    bt_story *stories; /* newest activity first (last, then id, descending) */
} bt_stories;

#define BT_STORIES_MEMBERS 0x1u /* fill each story's articles */

typedef struct bt_stories_opts {
    int64_t since;   /* only stories with an article at or after this (seconds since the
                        epoch); INT64_MIN: all */
    size_t min_size; /* only stories of at least this many articles (0 and 1: all) */
    size_t limit;    /* at most this many (0: all) */
    unsigned flags;  /* BT_STORIES_* */
} bt_stories_opts;

#define BT_STORIES_OPTS_INIT {INT64_MIN, 0, 0, 0}

/* The stories matching `o` (NULL: all) into *out (owned by the caller: bt_stories_free). An
 * empty store gives 0 stories. 0, BT_EINVAL, BT_EDB, BT_ENOMEM. */
BT_API int bt_stories_list(bt_store *s, const bt_stories_opts *o, bt_stories **out,
                           bt_error *err);
BT_API void bt_stories_free(bt_stories *l);

/* Story `id` with its articles and timeline into *out (bt_story_free). BT_ENOTFOUND (naming
 * the id) when there is no such story. */
BT_API int bt_story_get(bt_store *s, int64_t id, bt_story **out, bt_error *err);
BT_API void bt_story_free(bt_story *st);

/* The story of stored article `article_id` (a full id) into *story_id, or BT_ENOTFOUND when
 * no such article is stored or it has no story yet. */
BT_API int bt_story_of(bt_store *s, const char *article_id, int64_t *story_id, bt_error *err);

/* Makes every story again from the stored articles, in one transaction: the result equals
 * what adding them gave, in any order within a day. Needs a store opened for writing; not
 * inside a batch. */
BT_API int bt_stories_rebuild(bt_store *s, bt_error *err);

/* The JSON object of a story (one line of `bantin stories --format json`), into *out
 * (malloc'ed): {"id","title","size","first","last","sources":[...],"terms":[...]} with
 * "articles":[ids] when filled and "timeline":[{"id","title","source","published","date",
 * "copies"}] when filled; first, last and date as ISO 8601 UTC ("2014-04-14T00:00:00Z").
 * Returns 0, BT_EINVAL (a title or source that is not UTF-8, named) or BT_ENOMEM. */
BT_API int bt_story_to_json(const bt_story *st, unsigned flags, char **out, bt_error *err);

#ifdef __cplusplus
}
#endif
#endif
