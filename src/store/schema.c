/* schema.c: the store's own tables as an ordered list of migration steps (db.h), and the
 * runner that takes a file from its PRAGMA user_version to the newest through every stage's
 * steps. Never edit a released step; append a new one. */
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>

/* What a step's SQL cannot say, run after it: at 8, the full-text table made again over
 * the view, with the phrase option the file's table had. An SQLite code. */
static int after_step(sqlite3 *db, int version)
{
    if (version != 8)
        return SQLITE_OK;
    int phrases = bti_fts_phrases_on(db);
    return phrases < 0 ? SQLITE_ERROR : bti_fts_create(db, phrases);
}

static const bti_migration store_steps[] = {
    /* 0 -> 1: articles and what hangs off them */
    {1,
    "CREATE TABLE articles("
    "  n INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  url TEXT, source TEXT, title TEXT NOT NULL, published TEXT, lede TEXT, lang TEXT,"
    "  authors TEXT NOT NULL DEFAULT '',"  /* names joined by \n */
    "  body TEXT NOT NULL DEFAULT '',"     /* paragraphs joined by \n */
    "  captions TEXT NOT NULL DEFAULT '',"  /* image captions joined by \n, for the index */
    "  added_at TEXT NOT NULL);"
    "CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;"
    "CREATE INDEX articles_published ON articles(published) WHERE published IS NOT NULL;"
    /* captures, images and links hang off articles.n: appended in order, cheap to index */
    "CREATE TABLE origins("
    "  article INTEGER NOT NULL, origin TEXT NOT NULL,"
    "  content_hash INTEGER NOT NULL UNIQUE," /* bt_store_content_hash as a signed 64-bit */
    "  size INTEGER NOT NULL, added_at TEXT NOT NULL);"
    "CREATE INDEX origins_article ON origins(article);"
    "CREATE TABLE images("
    "  article INTEGER NOT NULL, pos INTEGER NOT NULL, src TEXT, caption TEXT NOT NULL,"
    "  credit TEXT, PRIMARY KEY(article, pos)) WITHOUT ROWID;"
    "CREATE TABLE related("
    "  article INTEGER NOT NULL, pos INTEGER NOT NULL, title TEXT NOT NULL, url TEXT,"
    "  PRIMARY KEY(article, pos)) WITHOUT ROWID;"
    "CREATE TABLE sources(name TEXT PRIMARY KEY, articles INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE TRIGGER articles_source_ai AFTER INSERT ON articles WHEN new.source IS NOT NULL BEGIN"
    "  INSERT INTO sources(name, articles) VALUES (new.source, 1)"
    "    ON CONFLICT(name) DO UPDATE SET articles = articles + 1;"
    "END;"
    "CREATE TRIGGER articles_children_ad AFTER DELETE ON articles BEGIN"
    "  DELETE FROM origins WHERE article = old.n;"
    "  DELETE FROM images WHERE article = old.n;"
    "  DELETE FROM related WHERE article = old.n;"
    "  UPDATE sources SET articles = articles - 1 WHERE name = old.source;"
    "  DELETE FROM sources WHERE name = old.source AND articles <= 0;"
    "END;"},

    /* 1 -> 2: the full-text index, kept in step with articles by triggers. The store owns
     * it, not search: the store writes it in the same transaction as the articles. */
    {2,
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "  " BTI_FTS_COLUMNS ","
    "  content='articles', content_rowid='n', tokenize='" BTI_FTS_TOKENIZER "');"
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN"
    "  INSERT INTO articles_fts(rowid, " BTI_FTS_COLUMNS ")"
    "    VALUES (new.n, " BTI_FTS_COLUMNS_P("new.") ");"
    "END;"
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, " BTI_FTS_COLUMNS ")"
    "    VALUES ('delete', old.n, " BTI_FTS_COLUMNS_P("old.") ");"
    "END;"
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF " BTI_FTS_COLUMNS
    "  ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, " BTI_FTS_COLUMNS ")"
    "    VALUES ('delete', old.n, " BTI_FTS_COLUMNS_P("old.") ");"
    "  INSERT INTO articles_fts(rowid, " BTI_FTS_COLUMNS ")"
    "    VALUES (new.n, " BTI_FTS_COLUMNS_P("new.") ");"
    "END;"
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
    /* Ingest comes in batches of hundreds of articles: a larger in-memory hash before each
     * flush makes fewer, larger segments and less merging. */
    "INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 16777216);"},

    /* 2 -> 3: new articles are indexed by the store, once per batch (write.c), not by a
     * trigger per row: FTS5 writes its pending terms out as a new segment at every
     * savepoint, and a trigger makes every add a statement savepoint, so each article became
     * a segment of its own, merged again and again (3x the cost of the stock insert). */
    {3,
    "DROP TRIGGER articles_fts_ai;"
    /* Merge level-0 segments 8 at a time rather than 4: ingest runs 1.2x faster on 30,000
     * articles (bench/README.md) for a few more segments to read per query until the next
     * `bantin vacuum`, which merges them all. */
    "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8);"},

    /* 3 -> 4: merge 10 at a time. At 100,000 articles FTS5's merging was most of what the
     * store paid over a plain FTS5 insert (1.53x wall, 1.49x CPU with 8; 1.37x / 1.34x with
     * 10, file 1.28x the stock layout; 12 made the file 1.30x with freed merge pages): see
     * bench/README.md. Queries read at most 10 segments a level until `bantin vacuum`. */
    {4,
    "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 10);"},

    /* 4 -> 8 (5-7 are connect's): exact forms in the title and lede only (db.h,
     * BTI_FTS_FOLDED_ONLY): the index read 1.84x stock FTS5's at 100,000 articles, 0.84x of
     * it the exact forms of bodies (bench/README.md, issue 15). The table reads its text
     * through a view that marks the body and captions, and is made again from the articles
     * with the phrase option it had (after_step). */
    {8,
    "CREATE VIEW " BTI_FTS_CONTENT " AS SELECT n, title, lede, char(3) || body AS body,"
    "  char(3) || captions AS captions, source FROM articles;"
    "DROP TRIGGER articles_fts_ad;"
    "DROP TRIGGER articles_fts_au;"
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, " BTI_FTS_COLUMNS ")"
    "    VALUES ('delete', old.n, " BTI_FTS_VALUES_P("old.") ");"
    "END;"
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF " BTI_FTS_COLUMNS
    "  ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, " BTI_FTS_COLUMNS ")"
    "    VALUES ('delete', old.n, " BTI_FTS_VALUES_P("old.") ");"
    "  INSERT INTO articles_fts(rowid, " BTI_FTS_COLUMNS ")"
    "    VALUES (new.n, " BTI_FTS_VALUES_P("new.") ");"
    "END;"},
    /* 9 -> 10: a word holding soft hyphens ("Mit&shy;tel&shy;al&shy;ter") is one token now
     * (text/tokenize.c, SOFT_HYPHEN), where it was split at each. FTS5 removes an article's
     * rows by tokenising its stored text again, so an index made by the old rule must be
     * made again before any of those articles changes: it is, when some article holds one
     * (a file without any, the usual case, is left as it is). */
    {10,
    "INSERT INTO articles_fts(articles_fts) SELECT 'rebuild' WHERE EXISTS ("
    "  SELECT 1 FROM articles WHERE instr(title, char(173)) OR instr(coalesce(lede, ''), char(173))"
    "  OR instr(body, char(173)) OR instr(captions, char(173))"
    "  OR instr(coalesce(source, ''), char(173)));"},
};

const bti_stage_schema bti_store_schema = {"store", store_steps,
                                           sizeof store_steps / sizeof store_steps[0]};

static int user_version(sqlite3 *db, int *v)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *v = sqlite3_column_int(st, 0);
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

int bti_schema_check(const bti_stage_schema *const *stages, int *version, bt_error *err)
{
    int max = 0;
    for (size_t i = 0; stages[i]; i++) {
        for (size_t j = 0; j < stages[i]->n_steps; j++) {
            const bti_migration *m = &stages[i]->steps[j];
            if (m->version < 1 || !m->sql || (j && m->version <= stages[i]->steps[j - 1].version))
                return bt_error_set(err, BT_EINVAL,
                                    "schema: stage %s: step %zu (version %d) is out of order",
                                    stages[i]->stage, j, m->version);
            if (m->version > max)
                max = m->version;
        }
    }
    /* one file version, one step: a gap would leave a file half made, a version taken twice
     * would run one stage's step on a file that another stage's step already took there */
    for (int v = 1; v <= max; v++) {
        int seen = 0;
        for (size_t i = 0; stages[i]; i++)
            for (size_t j = 0; j < stages[i]->n_steps; j++)
                seen += stages[i]->steps[j].version == v;
        if (seen != 1)
            return bt_error_set(err, BT_EINVAL, "schema: version %d has %d steps, not one", v,
                                seen);
    }
    *version = max;
    return 0;
}

/* The step of all stages that takes a file to version `v`. */
static const bti_migration *step_to(int v)
{
    for (size_t i = 0; bti_stage_schemas[i]; i++)
        for (size_t j = 0; j < bti_stage_schemas[i]->n_steps; j++)
            if (bti_stage_schemas[i]->steps[j].version == v)
                return &bti_stage_schemas[i]->steps[j];
    return NULL;
}

int bti_schema_migrate(bt_store *s, bt_error *err)
{
    int v, newest, rc = bti_schema_check(bti_stage_schemas, &newest, err);
    if (rc)
        return rc;
    if (newest != BT_STORE_SCHEMA_VERSION)
        return bt_error_set(err, BT_EINVAL, "schema: the steps end at version %d, not %d",
                            newest, BT_STORE_SCHEMA_VERSION);
    if (user_version(s->db, &v) != SQLITE_OK)
        return bti_store_db_error(s, "reading the schema version", err);
    if (v > BT_STORE_SCHEMA_VERSION)
        return bt_error_set(err, BT_EUNSUPPORTED,
                            "%s: made by a newer bantin (schema version %d; this bantin knows "
                            "up to %d): upgrade bantin to open it",
                            s->path, v, BT_STORE_SCHEMA_VERSION);
    if (v == BT_STORE_SCHEMA_VERSION)
        return 0;
    if (s->flags & BT_STORE_READONLY)
        return bt_error_set(err, BT_EUNSUPPORTED,
                            "%s: schema version %d needs upgrading to %d; open it once for "
                            "writing (bantin add or vacuum)",
                            s->path, v, BT_STORE_SCHEMA_VERSION);
    /* Another process may be migrating too: take the write lock, then look again. */
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return bti_store_db_error(s, "locking for the schema upgrade", err);
    if (user_version(s->db, &v) != SQLITE_OK) {
        rc = bti_store_db_error(s, "reading the schema version", err);
        goto fail;
    }
    for (; v < BT_STORE_SCHEMA_VERSION; v++) {
        const bti_migration *m = step_to(v + 1);
        if (sqlite3_exec(s->db, m->sql, NULL, NULL, NULL) != SQLITE_OK ||
            after_step(s->db, v + 1) != SQLITE_OK) {
            char what[64];
            snprintf(what, sizeof what, "upgrading the schema to version %d", v + 1);
            rc = bti_store_db_error(s, what, err);
            goto fail;
        }
    }
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", BT_STORE_SCHEMA_VERSION);
    if (sqlite3_exec(s->db, pragma, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        rc = bti_store_db_error(s, "committing the schema upgrade", err);
        goto fail;
    }
    return 0;
fail:
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}
