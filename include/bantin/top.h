/* bantin/top.h: most-read articles, from two signals both kept per day in the store:
 *
 *   views     counted when an article is shown to a reader (bt_article_view: `bantin show`,
 *             the server's GET /api/articles/{id}), per article and UTC day;
 *   mentions  the portals' own "most read" boxes (`Đọc nhiều`, `Most popular`) that the
 *             captures carry (bt_article.most_read): every item of a stored page's box that
 *             names a stored article counts one mention of it, on the page's day (its
 *             published date, else the day it was added).
 *
 * A box item names an article by its URL (articles.url), else by its title folded
 * (bantin_fold: case, marks and tone placement do not matter; titles shorter than
 * BT_TOP_TITLE_MIN bytes are not matched, "Video" would name too many). Mentions are
 * resolved when counted, not when stored: a box stored before the article it names counts
 * once that article is stored, and removing an article takes its views and its box away.
 *
 * Depends on: the store (bantin/store.h).
 * Thread safety: as the store: one thread at a time per bt_store. */
#ifndef BANTIN_TOP_H
#define BANTIN_TOP_H

#include "bantin/store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What bt_top ranks by. */
enum {
    BT_TOP_VIEWS = 0,   /* views counted by bt_article_view */
    BT_TOP_MENTIONS = 1 /* mentions in the stored pages' "most read" boxes */
};

#define BT_TOP_MAX_DAYS 3660  /* a window of ten years at most */
#define BT_TOP_MAX_LIMIT 1000 /* articles in one answer at most */
#define BT_TOP_TITLE_MIN 12   /* bytes of a box item's title to be matched by title */

/* Counts one view of article `id` (16 hex digits, or the id its record carried) today
 * (UTC). 0; BT_ENOTFOUND (naming the id) when no such article is stored; BT_EINVAL when `id`
 * is not an id or the store was opened read-only (BT_STORE_READONLY: views are not counted
 * there); BT_EIO/BT_EDB when the write failed. Inside a batch the view belongs to the batch. */
BT_API int bt_article_view(bt_store *s, const char *id, bt_error *err);

/* Sets *by from "views" or "mentions": 0, or BT_EINVAL (*by unchanged). */
BT_API int bt_top_by_from_name(const char *name, int *by);

typedef struct bt_top_item {
    char id[17];
    char *title;     /* never NULL */
    char *url;       /* or NULL */
    char *source;    /* or NULL */
    char *published; /* or NULL */
    char *kind;      /* "article", "video", ... */
    int64_t count;   /* views or mentions in the window */
} bt_top_item;

typedef struct bt_top_list {
    int by;          /* BT_TOP_VIEWS or BT_TOP_MENTIONS */
    int days;        /* the window's length */
    char from[11];   /* the window's first and last UTC day, YYYY-MM-DD, both included */
    char until[11];
    size_t n;
    bt_top_item *items; /* most first; ties by publication (newest first), then as stored */
} bt_top_list;

/* The `limit` (1..BT_TOP_MAX_LIMIT) articles most viewed or mentioned (`by`) in the `days`
 * (1..BT_TOP_MAX_DAYS) days that end on `until` (YYYY-MM-DD, or NULL for today, UTC), into
 * *out (owned by the caller: bt_top_list_free). Articles with no view or mention in the
 * window are not listed: an empty store gives an empty list. 0, BT_EINVAL naming the bad
 * argument, BT_ENOMEM, BT_EDB. */
BT_API int bt_top(bt_store *s, int days, int by, size_t limit, const char *until,
                  bt_top_list **out, bt_error *err);
BT_API void bt_top_list_free(bt_top_list *l);

/* The list as the JSON object `bantin top --format json` prints and GET /api/top sends:
 * {"by": "views", "days": 7, "from": "...", "until": "...", "articles": [{"id", "title",
 * "url", "source", "published", "kind", "count"}]}, malloc'ed into *out (owned by the
 * caller). `flags`: BT_JSON_PRETTY or 0. 0, BT_EINVAL, BT_ENOMEM. */
BT_API int bt_top_to_json(const bt_top_list *l, unsigned flags, char **out, bt_error *err);

#ifdef __cplusplus
}
#endif
#endif
