/* top_schema.c: the tables of most-read and of the record's two fields that feed it (kind,
 * the page's most-read box), as a stage's migration steps that continue the store's version
 * sequence (store/db.h; store/stages.c lists this stage). A stage of its own, so that the
 * store's and connect's released step lists stay as they were. Never edit a released step;
 * append a new one. */
#include "connect/connect.h"

static const bti_migration top_steps[] = {
    /* 6 -> 7 (issue 16): the record's
     * kind and most-read box, which the store writes and reads (store/write.c, read.c), and
     * what `bantin top` counts.
     * articles.kind: NULL for an article, else the kind (bantin/article.h BT_ARTICLE_KIND_*); the
     *   partial index holds only the few others, for the query language's kind:.
     * most_read: the page's own "most read" box, as related is stored.
     * articles_title_key: articles by folded title (bantin_fold, fold_sql.c), so that a box's
     *   link finds its article by headline when the URLs differ. Mentions are resolved when
     *   counted, not when stored: a box stored before the article it names still counts.
     * views: views per article and UTC day (bt_article_view). */
    {7,
    "ALTER TABLE articles ADD COLUMN kind TEXT;"
    "CREATE INDEX articles_kind ON articles(kind) WHERE kind IS NOT NULL;"
    "CREATE INDEX articles_title_key ON articles(bantin_fold(title));"
    "CREATE TABLE most_read("
    "  article INTEGER NOT NULL, pos INTEGER NOT NULL, title TEXT NOT NULL, url TEXT,"
    "  PRIMARY KEY(article, pos)) WITHOUT ROWID;"
    "CREATE TABLE views(article INTEGER NOT NULL, day TEXT NOT NULL, n INTEGER NOT NULL,"
    "  PRIMARY KEY(article, day)) WITHOUT ROWID;"
    "CREATE INDEX views_day ON views(day);"
    "CREATE TRIGGER top_articles_ad AFTER DELETE ON articles BEGIN"
    "  DELETE FROM most_read WHERE article = old.n;"
    "  DELETE FROM views WHERE article = old.n;"
    "END;"},
    /* 8 -> 9 (issue 15): articles by the 64-bit hash of their folded title (bantin_title_hash,
     * fold_sql.c), the look-up comparing the folded titles of the rows it finds: the same
     * matches as articles_title_key, whose ~80-byte keys at random places in the index cost
     * 0.18x of stock FTS5's build at 300,000 articles (bench/README.md). */
    {9,
    "DROP INDEX articles_title_key;"
    "CREATE INDEX articles_title_hash ON articles(bantin_title_hash(title));"},
};

const bti_stage_schema bti_top_schema = {"top", top_steps, sizeof top_steps / sizeof top_steps[0]};
