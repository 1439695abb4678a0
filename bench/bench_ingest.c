/* bench_ingest.c: articles per second into the store (articles + origins + FTS5 index with the
 * bantin tokenizer), side by side with the same articles inserted into a plain FTS5 table with
 * SQLite's stock `unicode61 remove_diacritics 2` tokenizer, and the two files' sizes.
 *
 * usage: bench_ingest [--n N] [--tokenize N] [--corpus PATH] [--dir DIR] [--sql SQL]
 *                     [--stock-sql SQL] [--only bantin|stock] [--phrase-index]
 * Articles come from the VietNews corpus (JSONL, gzip); past its end, new articles are made
 * by recombining the paragraphs of two corpus articles, so none is a duplicate. Both stores get
 * each article in turn (interleaved, so machine noise hits both alike), in batches of 1000 per
 * transaction, with the store's connection settings (WAL, synchronous=NORMAL, 64 MB cache,
 * in-memory statement journals). Only the insert calls are timed, in wall-clock and in CPU
 * time (the machine is shared: CPU time is the steadier ratio); parsing the
 * corpus JSON is timed apart. Then the two tokenizers alone over the text of --tokenize N
 * corpus articles (no index), to tell tokenizing from indexing. --phrase-index: the bantin
 * store with the phrase index (bantin/store.h), to measure what it costs. */
#include "bantin.h"
#include "store/db.h" /* the store's connection, for the tokenizers alone */

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "bench_util.h"

#define BATCH 1000

/* CPU time of the process: the machine is shared, so wall-clock time counts other jobs too. */
static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long long file_size(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
}

/* Reads one line of the gzip stream into *buf (grown as needed); 0 at the end. */
static int gz_line(gzFile gz, char **buf, size_t *cap)
{
    size_t n = 0;
    for (;;) {
        if (n + 2 >= *cap) {
            *cap = *cap ? *cap * 2 : 1 << 16;
            *buf = realloc(*buf, *cap);
            if (!*buf)
                return 0;
        }
        if (!gzgets(gz, *buf + n, (int)(*cap - n)))
            return n > 0;
        n += strlen(*buf + n);
        if (n && (*buf)[n - 1] == '\n')
            return 1;
    }
}

/* A new article from the paragraphs of a and b in turn, titled after b and a. */
static bt_article *recombine(const bt_article *a, const bt_article *b, long serial)
{
    bt_article *c = bt_article_new();
    char title[2048];
    snprintf(title, sizeof title, "%s (%ld)", b->title ? b->title : "", serial);
    bt_article_set(&c->title, title, strlen(title));
    if (a->lede)
        bt_article_set(&c->lede, a->lede, strlen(a->lede));
    size_t n = a->n_body > b->n_body ? a->n_body : b->n_body;
    for (size_t i = 0; i < n; i++) {
        if (i < b->n_body)
            bt_article_add_para(c, b->body[i]);
        if (i < a->n_body)
            bt_article_add_para(c, a->body[i]);
    }
    return c;
}

static void die_sql(sqlite3 *db, const char *what)
{
    fprintf(stderr, "bench_ingest: %s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
}

static void joined(const bt_article *a, char **body, size_t *cap)
{
    size_t need = 1;
    for (size_t i = 0; i < a->n_body; i++)
        need += strlen(a->body[i]) + 1;
    if (need > *cap) {
        *cap = need * 2;
        *body = realloc(*body, *cap);
    }
    char *p = *body;
    *p = '\0';
    for (size_t i = 0; i < a->n_body; i++) {
        size_t l = strlen(a->body[i]);
        if (p != *body)
            *p++ = '\n';
        memcpy(p, a->body[i], l);
        p += l;
        *p = '\0';
    }
}

/* ---- the tokenizers alone: bantin vs unicode61, over the same texts ----------------------- */

static int count_tok(void *ctx, int flags, const char *t, int n, int s, int e)
{
    (void)t;
    (void)n;
    (void)s;
    (void)e;
    ((long *)ctx)[(flags & FTS5_TOKEN_COLOCATED) ? 1 : 0]++;
    return SQLITE_OK;
}

static double run_tokenizer(fts5_api *api, const char *name, const char **args, int nargs,
                            char **texts, long n, long counts[2])
{
    void *user;
    fts5_tokenizer tk;
    Fts5Tokenizer *t;
    if (api->xFindTokenizer(api, name, &user, &tk) != SQLITE_OK ||
        tk.xCreate(user, args, nargs, &t) != SQLITE_OK) {
        fprintf(stderr, "bench_ingest: no tokenizer %s\n", name);
        exit(1);
    }
    counts[0] = counts[1] = 0;
    double t0 = bench_now();
    for (long i = 0; i < n; i++)
        tk.xTokenize(t, counts, FTS5_TOKENIZE_DOCUMENT, texts[i], (int)strlen(texts[i]),
                     count_tok);
    double el = bench_now() - t0;
    tk.xDelete(t);
    return el;
}

static void bench_tokenizers(const char *corpus, long n)
{
    gzFile gz = gzopen(corpus, "rb");
    if (!gz)
        return;
    char **texts = calloc((size_t)n, sizeof *texts), *line = NULL, *body = NULL;
    size_t cap = 0, bodycap = 0, bytes = 0;
    long k = 0;
    bt_error err;
    while (k < n && gz_line(gz, &line, &cap)) {
        bt_article *a;
        if (bt_article_from_json(line, strlen(line), &a, &err))
            continue;
        joined(a, &body, &bodycap);
        size_t len = strlen(a->title) + (a->lede ? strlen(a->lede) : 0) + strlen(body) + 3;
        texts[k] = malloc(len);
        snprintf(texts[k], len, "%s\n%s\n%s", a->title, a->lede ? a->lede : "", body);
        bytes += len;
        k++;
        bt_article_free(a);
    }
    gzclose(gz);
    free(line);
    free(body);
    /* a store's connection has both the bantin and the stock tokenizers */
    bt_store *mem;
    if (bt_store_open(":memory:", 0, &mem, &err)) {
        fprintf(stderr, "bench_ingest: %s\n", err.msg);
        return;
    }
    sqlite3_stmt *st;
    fts5_api *api = NULL;
    if (sqlite3_prepare_v2(bti_store_db(mem), "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
        sqlite3_finalize(st);
    }
    if (!api) {
        bt_store_close(mem);
        return;
    }
    const char *uargs[] = {"remove_diacritics", "2"};
    long cu[2], cb[2];
    double tu = run_tokenizer(api, "unicode61", uargs, 2, texts, k, cu);
    double tb = run_tokenizer(api, "bantin", NULL, 0, texts, k, cb);
    printf("tokenizers alone    %ld texts, %.1f MB\n", k, bytes / 1048576.0);
    printf("  unicode61 rd=2    %.2f s  %6.1f MB/s  %ld tokens\n", tu, bytes / 1048576.0 / tu,
           cu[0]);
    printf("  bantin            %.2f s  %6.1f MB/s  %ld tokens + %ld colocated exact forms"
           " (%.2fx the time)\n",
           tb, bytes / 1048576.0 / tb, cb[0], cb[1], tb / tu);
    bt_store_close(mem);
    for (long i = 0; i < k; i++)
        free(texts[i]);
    free(texts);
}

int main(int argc, char **argv)
{
    long target = 100000, tok_n = 20000;
    int only = 0, phrases = 0;
    const char *corpus = "../shared/corpus/vietnews-60k.jsonl.gz";
    const char *dir = NULL, *sql = NULL, *stock_sql = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--n") && i + 1 < argc)
            target = atol(argv[++i]);
        else if (!strcmp(argv[i], "--corpus") && i + 1 < argc)
            corpus = argv[++i];
        else if (!strcmp(argv[i], "--tokenize") && i + 1 < argc)
            tok_n = atol(argv[++i]);
        else if (!strcmp(argv[i], "--dir") && i + 1 < argc)
            dir = argv[++i];
        else if (!strcmp(argv[i], "--only") && i + 1 < argc)
            only = !strcmp(argv[++i], "bantin") ? 1 : 2; /* one side alone: for profiling */
        else if (!strcmp(argv[i], "--sql") && i + 1 < argc)
            sql = argv[++i]; /* run on the bantin store once open: for trying settings */
        else if (!strcmp(argv[i], "--stock-sql") && i + 1 < argc)
            stock_sql = argv[++i]; /* the same for the stock table */
        else if (!strcmp(argv[i], "--phrase-index"))
            phrases = 1;
        else {
            fprintf(stderr, "usage: bench_ingest [--n N] [--tokenize N] [--corpus PATH]"
                            " [--dir DIR] [--sql SQL] [--stock-sql SQL] [--only bantin|stock]"
                            " [--phrase-index]\n");
            return 2;
        }
    }
    char tmpl[] = "/tmp/bench-ingest-XXXXXX";
    if (!dir && !(dir = mkdtemp(tmpl))) {
        perror("mkdtemp");
        return 1;
    }
    char ours_path[512], stock_path[512];
    snprintf(ours_path, sizeof ours_path, "%s/bantin.db", dir);
    snprintf(stock_path, sizeof stock_path, "%s/stock.db", dir);
    unlink(ours_path);
    unlink(stock_path);

    bt_store *s;
    bt_error err;
    if (bt_store_open(ours_path, 0, &s, &err)) {
        fprintf(stderr, "bench_ingest: %s\n", err.msg);
        return 1;
    }
    if (phrases && bt_store_set_phrase_index(s, 1, &err)) {
        fprintf(stderr, "bench_ingest: %s\n", err.msg);
        return 1;
    }
    if (sql && sqlite3_exec(bti_store_db(s), sql, NULL, NULL, NULL) != SQLITE_OK)
        die_sql(bti_store_db(s), sql);
    sqlite3 *db;
    if (sqlite3_open(stock_path, &db) != SQLITE_OK)
        die_sql(db, stock_path);
    if (sqlite3_exec(db,
                     /* the connection settings of bt_store_open (store.c), so both sides
                      * differ only in what they store and index */
                     "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                     "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;"
                     "PRAGMA wal_autocheckpoint = 8192;"
                     "CREATE VIRTUAL TABLE docs USING fts5(title, lede, body, captions, source,"
                     " tokenize = 'unicode61 remove_diacritics 2');",
                     NULL, NULL, NULL) != SQLITE_OK)
        die_sql(db, "creating the stock table");
    if (stock_sql && sqlite3_exec(db, stock_sql, NULL, NULL, NULL) != SQLITE_OK)
        die_sql(db, stock_sql);
    sqlite3_stmt *ins;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO docs(title, lede, body, captions, source)"
                           " VALUES (?1, ?2, ?3, '', NULL)",
                           -1, &ins, NULL) != SQLITE_OK)
        die_sql(db, "preparing");

    gzFile gz = gzopen(corpus, "rb");
    if (!gz) {
        fprintf(stderr, "bench_ingest: %s: cannot open\n", corpus);
        return 1;
    }
    gzbuffer(gz, 1 << 18);
    char *line = NULL, *body = NULL;
    size_t cap = 0, bodycap = 0;
    double t_parse = 0, t_ours = 0, t_stock = 0, c_ours = 0, c_stock = 0;
    long done = 0, added = 0, merged = 0, seen = 0, pass = 0;
    bt_article *prev = NULL;
    char origin[64];
    while (done < target) {
        double t0 = bench_now();
        if (!gz_line(gz, &line, &cap)) {
            gzrewind(gz); /* past the end: recombine paragraphs of neighbours */
            pass++;
            if (!gz_line(gz, &line, &cap))
                break;
        }
        bt_article *a;
        if (bt_article_from_json(line, strlen(line), &a, &err)) {
            fprintf(stderr, "bench_ingest: corpus: %s\n", err.msg);
            continue;
        }
        if (pass > 0) {
            bt_article *c = prev ? recombine(prev, a, done) : NULL;
            bt_article_free(prev);
            prev = a;
            if (!c)
                continue;
            a = c;
        }
        char *rec = NULL;
        if (pass > 0)
            bt_article_to_json(a, 0, &rec, &err);
        const char *bytes = rec ? rec : line;
        char hash[17];
        bt_store_content_hash(bytes, strlen(bytes), hash);
        snprintf(origin, sizeof origin, "corpus:%ld", done);
        bt_origin o = {origin, hash, strlen(bytes)};
        joined(a, &body, &bodycap);
        double t1 = bench_now(), u1 = cpu_s();
        t_parse += t1 - t0;

        double t2 = t1, u2 = u1;
        if (only != 2) {
            if (done % BATCH == 0 && bt_store_begin(s, &err)) {
                fprintf(stderr, "bench_ingest: %s\n", err.msg);
                return 1;
            }
            int outcome;
            int rc = bt_store_add(s, a, &o, &outcome, NULL, &err);
            if (rc == 0)
                rc = outcome;
            if (rc < 0) {
                fprintf(stderr, "bench_ingest: %s\n", err.msg);
                return 1;
            }
            added += rc == BT_STORE_ADDED;
            merged += rc == BT_STORE_MERGED;
            seen += rc == BT_STORE_SEEN;
            if ((done + 1) % BATCH == 0 && bt_store_commit(s, &err)) {
                fprintf(stderr, "bench_ingest: %s\n", err.msg);
                return 1;
            }
            t2 = bench_now();
            u2 = cpu_s();
            t_ours += t2 - t1;
            c_ours += u2 - u1;
        }
        if (only != 1) {
            if (done % BATCH == 0 && sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
                die_sql(db, "begin");
            sqlite3_bind_text(ins, 1, a->title, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 2, a->lede, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 3, body, -1, SQLITE_STATIC);
            if (sqlite3_step(ins) != SQLITE_DONE)
                die_sql(db, "insert");
            sqlite3_reset(ins);
            if ((done + 1) % BATCH == 0 &&
                sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
                die_sql(db, "commit");
            t_stock += bench_now() - t2;
            c_stock += cpu_s() - u2;
        }

        free(rec);
        bt_article_free(a);
        done++;
    }
    double t3 = bench_now(), u3 = cpu_s();
    if (only != 2 && done % BATCH && bt_store_commit(s, &err)) {
        fprintf(stderr, "bench_ingest: %s\n", err.msg);
        return 1;
    }
    double t4 = bench_now(), u4 = cpu_s();
    if (only != 1 && done % BATCH && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        die_sql(db, "commit");
    t_stock += bench_now() - t4;
    c_stock += cpu_s() - u4;
    t_ours += t4 - t3;
    c_ours += u4 - u3;
    bt_article_free(prev);
    gzclose(gz);
    free(line);
    free(body);
    sqlite3_finalize(ins);

    /* pages each connection wrote to its WAL: the write volume of what each side stores */
    int cur, hi, w_ours = 0, w_stock = 0;
    if (sqlite3_db_status(bti_store_db(s), SQLITE_DBSTATUS_CACHE_WRITE, &cur, &hi, 0) ==
        SQLITE_OK)
        w_ours = cur;
    if (sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_WRITE, &cur, &hi, 0) == SQLITE_OK)
        w_stock = cur;
    /* sizes once both files are checkpointed into the main file */
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    sqlite3_close(db);
    bt_store_stats st = BT_STORE_STATS_INIT;
    bt_store_stats_get(s, &st, &err);
    sqlite3 *odb;
    sqlite3_open(ours_path, &odb);
    sqlite3_exec(odb, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    sqlite3_close(odb);
    bt_store_close(s);
    long long ours_size = file_size(ours_path), stock_size = file_size(stock_path);

    printf("articles            %ld (%ld stored, %ld folded as duplicates)\n", done, added,
           merged + seen);
    printf("parse corpus JSON   %.2f s\n", t_parse);
    printf("bantin store+index  %.2f s  %8.0f articles/s  (with parsing: %.0f articles/s)\n",
           t_ours, done / t_ours, done / (t_ours + t_parse));
    printf("stock FTS5 insert   %.2f s  %8.0f articles/s\n", t_stock, done / t_stock);
    printf("cost ratio          %.2fx  (target <= 1.5x)\n", t_ours / t_stock);
    printf("CPU time            bantin %.2f s, stock %.2f s: ratio %.2fx\n", c_ours, c_stock,
           c_ours / c_stock);
    printf("bantin db size      %.1f MB  (index %.1f MB)\n", ours_size / 1048576.0,
           st.index_bytes / 1048576.0);
    printf("stock db size       %.1f MB\n", stock_size / 1048576.0);
    printf("size ratio          %.2fx  (target <= 1.3x)\n", (double)ours_size / stock_size);
    printf("pages written       bantin %d, stock %d (%.2fx)\n", w_ours, w_stock,
           w_stock ? (double)w_ours / w_stock : 0.0);
    printf("files in            %s\n", dir);
    bench_tokenizers(corpus, tok_n);
    return 0;
}
