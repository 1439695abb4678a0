/* bench_search.c: search relevance (known-item MRR) and latency (p50/p99), bantin against
 * SQLite's stock FTS5 tokenizer (unicode61 remove_diacritics 2) on the same articles in the
 * same run. See bench/README.md, section "search", for the commands and the results.
 *
 *   bench_search mrr   [--articles N] [--dir DIR] [--corpus PATH]
 *   bench_search speed [--articles N] [--queries N] [--dir DIR] [--corpus PATH] [--reuse]
 *                      [--slow N] [--no-stock] [--phrase-index] [--optimize] [--dups]
 *   bench_search queries [--queries N] [--corpus PATH]
 *
 * mrr: the first N corpus articles with distinct titles of 3+ syllables; for each, three
 * queries from its title: (a) as written, (b) without marks, (c) lowercased without marks
 * with one word dropped; the mean reciprocal rank of the article in the top 100.
 * speed: N articles (the corpus, then new articles recombined from its paragraphs, with
 * generated dates and sources); a fixed mix of queries from corpus titles (one word, two
 * words, a phrase, with and without marks, with a date filter) run on one thread, each
 * fetching the total and the top 10 with snippets; p50/p99 of each system; build time and
 * size. --slow N lists the N slowest queries for bantin; --no-stock times bantin alone (to
 * profile it); --phrase-index builds bantin's store with the phrase index (bantin/store.h);
 * --optimize merges both indexes into one segment and vacuums both files before timing (as
 * after a bulk load: `bantin vacuum`). --dups makes the store's near-duplicate groups
 * (bt_dups_rebuild) and times bantin a second time with all_copies (no group collapse), to
 * give what one result per group costs. queries: the speed mix, "kind<TAB>query" a line (kinds
 * numbered in the order of the speed table), to profile one kind with search_queries. */
#include "bantin.h"
#include "text/alloc.h"
#include "search/query.h"
#include "store/store_internal.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <utf8proc.h>
#include <zlib.h>

#include "bench_util.h"

#define STOCK_WEIGHTS "10.0, 5.0, 1.0, 0.5, 3.0" /* the same field weights as bantin */

typedef struct src {
    char *title, *lede;
    char **paras;
    size_t n_paras;
} src;

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void) /* xorshift64*: a fixed sequence, so runs are comparable */
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ull;
}

static void die(const char *what, const char *msg)
{
    fprintf(stderr, "bench_search: %s: %s\n", what, msg);
    exit(1);
}

static char *xstrdup(const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d)
        die("memory", "out of memory");
    return d;
}

/* Reads up to `max` articles of the corpus (JSONL, gzip). */
static src *load_corpus(const char *path, size_t max, size_t *n)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        die(path, "cannot open");
    size_t cap = 1 << 20, len;
    char *line = malloc(cap);
    src *v = calloc(max, sizeof *v);
    if (!line || !v)
        die("memory", "out of memory");
    *n = 0;
    while (*n < max) {
        len = 0;
        for (;;) {
            if (!gzgets(gz, line + len, (int)(cap - len)))
                break;
            len += strlen(line + len);
            if (len > 0 && line[len - 1] == '\n')
                break;
            cap *= 2;
            line = realloc(line, cap);
            if (!line)
                die("memory", "out of memory");
        }
        if (len == 0)
            break;
        bt_article *a;
        bt_error err;
        if (bt_article_from_json(line, len, &a, &err))
            continue;
        src *s = &v[(*n)++];
        s->title = xstrdup(a->title);
        s->lede = xstrdup(a->lede);
        s->n_paras = a->n_body;
        s->paras = a->body;
        a->body = NULL;
        a->n_body = 0;
        bt_article_free(a);
    }
    free(line);
    gzclose(gz);
    return v;
}

static const char *const sources[] = {"VnExpress", "Tuổi Trẻ", "Thanh Niên", "VOV.VN",
                                      "Dân Trí", "Vietnamnet", "Lao Động", "Thời Đại",
                                      "Zing News", "Người Lao Động", "Nhân Dân", "Pháp Luật"};

static void gen_date(size_t j, char out[32])
{
    /* 2016-01-01 plus a spread of days: dates for the since:/until: filters */
    long days = 16801 + (long)((j * 2654435761u) % 3650);
    long z = days + 719468, era = z / 146097, doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    snprintf(out, 32, "%04ld-%02ld-%02ldT%02zu:%02zu:00+07:00", y, m, d, j % 24, j % 60);
}

/* Article j of the collection: corpus article j, or beyond the corpus a new article made of
 * a title, a lede and 3-8 paragraphs of random corpus articles. */
static bt_article *make_article(const src *c, size_t nc, size_t j, int recombine)
{
    bt_article *a = bt_article_new();
    if (!a)
        die("memory", "out of memory");
    char date[32];
    gen_date(j, date);
    const char *srcname = sources[j % (sizeof sources / sizeof sources[0])];
    bt_article_set(&a->published, date, strlen(date));
    bt_article_set(&a->source, srcname, strlen(srcname));
    bt_article_set(&a->origin, "bench", 5);
    bt_article_set(&a->lang, "vi", 2);
    if (!recombine || j < nc) {
        const src *s = &c[j % nc];
        bt_article_set(&a->title, s->title, strlen(s->title));
        if (*s->lede)
            bt_article_set(&a->lede, s->lede, strlen(s->lede));
        for (size_t p = 0; p < s->n_paras; p++)
            bt_article_add_para(a, s->paras[p]);
        return a;
    }
    const src *t = &c[rnd() % nc], *l = &c[rnd() % nc];
    bt_article_set(&a->title, t->title, strlen(t->title));
    if (*l->lede)
        bt_article_set(&a->lede, l->lede, strlen(l->lede));
    size_t np = 3 + rnd() % 6;
    for (size_t p = 0; p < np; p++) {
        const src *b = &c[rnd() % nc];
        if (b->n_paras)
            bt_article_add_para(a, b->paras[rnd() % b->n_paras]);
    }
    return a;
}

/* The process's CPU time: a build's cost on a loaded machine, where wall clock is the
 * load's (both builds run in this one thread). */
static double cpu_ours, cpu_stock;
static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The system part of the process's CPU (the kernel's reads and writes of the files): where a
 * build's cost grows with the file, it shows here or in the user part. */
static double sys_ours, sys_stock;
static double sys_now(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

/* A connection's page cache over the build: pages found, read in, written out. */
static void print_cache(const char *who, sqlite3 *db)
{
    int hit, miss, write, cur, hi;
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_HIT, &hit, &hi, 0);
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &miss, &hi, 0);
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_WRITE, &write, &hi, 0);
    sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_USED, &cur, &hi, 0);
    fprintf(stderr, "  page cache %s: %d hits, %d misses, %d writes, %.1f MB used\n", who, hit,
            miss, write, cur / 1e6);
}

/* ---- the stock layout: the same articles, an FTS5 table with the stock tokenizer -------- */

static void exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        die(sql, msg ? msg : "failed");
}

static sqlite3 *stock_open(const char *path, int create)
{
    sqlite3 *db;
    /* For searching, the way bantin's search opens its store (src/store/store.c): read-only,
     * through the VFS that maps the whole file (map_vfs.c; registered by the bantin store
     * opened before). */
    if (create ? sqlite3_open(path, &db) != SQLITE_OK
               : sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY,
                                 sqlite3_vfs_find(BTI_MAP_VFS) ? BTI_MAP_VFS : NULL) != SQLITE_OK)
        die(path, "cannot open");
    /* the connection settings bantin's search takes (src/search/rank.c) */
    exec(db, "PRAGMA mmap_size = 2147418112; PRAGMA cache_size = -65536;");
    if (create) {
        exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                 "CREATE TABLE articles(n INTEGER PRIMARY KEY, title, lede, body, captions,"
                 " source, published);"
                 "CREATE INDEX articles_published ON articles(published);"
                 "CREATE VIRTUAL TABLE fts USING fts5(title, lede, body, captions, source,"
                 " content='articles', content_rowid='n',"
                 " tokenize='unicode61 remove_diacritics 2');");
    }
    return db;
}

static char *join_body(const bt_article *a)
{
    size_t len = 1;
    for (size_t i = 0; i < a->n_body; i++)
        len += strlen(a->body[i]) + 1;
    char *b = malloc(len), *p = b;
    if (!b)
        die("memory", "out of memory");
    *p = '\0';
    for (size_t i = 0; i < a->n_body; i++)
        p += sprintf(p, "%s%s", i ? "\n" : "", a->body[i]);
    return b;
}

static void stock_add(sqlite3_stmt *ins, sqlite3_stmt *fts, int64_t n, const bt_article *a)
{
    char *body = join_body(a);
    sqlite3_stmt *st[2] = {ins, fts};
    for (int k = 0; k < 2; k++) {
        sqlite3_reset(st[k]);
        sqlite3_bind_int64(st[k], 1, n);
        sqlite3_bind_text(st[k], 2, a->title, -1, SQLITE_STATIC);
        sqlite3_bind_text(st[k], 3, a->lede, -1, SQLITE_STATIC);
        sqlite3_bind_text(st[k], 4, body, -1, SQLITE_STATIC);
        sqlite3_bind_text(st[k], 5, "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st[k], 6, a->source, -1, SQLITE_STATIC);
        if (k == 0)
            sqlite3_bind_text(st[k], 7, a->published, -1, SQLITE_STATIC);
        if (sqlite3_step(st[k]) != SQLITE_DONE)
            die("stock insert", "failed");
    }
    free(body);
}

static int64_t file_size(const char *path)
{
    struct stat sb;
    return stat(path, &sb) ? 0 : (int64_t)sb.st_size;
}

static int64_t index_bytes(sqlite3 *db, const char *table)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT sum(length(block)) FROM %s_data", table);
    sqlite3_stmt *st;
    int64_t n = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* Builds both databases from articles 0..n-1; ids[i] receives bantin's id of article i. */
static int phrase_index; /* --phrase-index: bantin's store built with the phrase index */
static int optimize;     /* --optimize: both indexes merged and both files vacuumed first */
static int dups;         /* --dups: the near-duplicate index made (bt_dups_rebuild) and
                            bantin also timed with all_copies, its cost apart */

static void build(const char *dir, const src *c, size_t nc, size_t n, int recombine,
                  char (*ids)[17], double *t_ours, double *t_stock)
{
    char path[512];
    bt_error err;
    snprintf(path, sizeof path, "%s/bantin.db", dir);
    remove(path);
    bt_store *s;
    if (bt_store_open(path, 0, &s, &err))
        die(path, err.msg);
    if (phrase_index && bt_store_set_phrase_index(s, 1, &err))
        die(path, err.msg);
    snprintf(path, sizeof path, "%s/stock.db", dir);
    remove(path);
    sqlite3 *db = stock_open(path, 1);
    sqlite3_stmt *ins, *fts;
    if (sqlite3_prepare_v2(db, "INSERT INTO articles VALUES (?1,?2,?3,?4,?5,?6,?7)", -1, &ins,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO fts(rowid, title, lede, body, captions, source) "
                           "VALUES (?1,?2,?3,?4,?5,?6)",
                           -1, &fts, NULL) != SQLITE_OK)
        die("stock", sqlite3_errmsg(db));
    *t_ours = *t_stock = 0;
    const size_t batch = 2000;
    uint64_t saved = rng_state;
    for (size_t b0 = 0; b0 < n; b0 += batch) {
        size_t b1 = b0 + batch < n ? b0 + batch : n;
        bt_article **arts = malloc((b1 - b0) * sizeof *arts);
        if (!arts)
            die("memory", "out of memory");
        for (size_t j = b0; j < b1; j++)
            arts[j - b0] = make_article(c, nc, j, recombine);
        double t0 = bench_now(), c0 = cpu_now(), s0 = sys_now();
        if (bt_store_begin(s, &err))
            die("begin", err.msg);
        for (size_t j = b0; j < b1; j++) {
            char id[17];
            int rc = bt_store_add(s, arts[j - b0], NULL, NULL, id, &err);
            if (rc < 0)
                die("add", err.msg);
            if (ids)
                memcpy(ids[j], id, 17);
        }
        if (bt_store_commit(s, &err))
            die("commit", err.msg);
        double t1 = bench_now(), c1 = cpu_now(), s1 = sys_now();
        exec(db, "BEGIN");
        for (size_t j = b0; j < b1; j++)
            stock_add(ins, fts, (int64_t)j + 1, arts[j - b0]);
        exec(db, "COMMIT");
        *t_stock += bench_now() - t1;
        *t_ours += t1 - t0;
        cpu_stock += cpu_now() - c1;
        cpu_ours += c1 - c0;
        sys_stock += sys_now() - s1;
        sys_ours += s1 - s0;
        for (size_t j = b0; j < b1; j++)
            bt_article_free(arts[j - b0]);
        free(arts);
        if ((b1 / batch) % 25 == 0)
            fprintf(stderr, "  built %zu/%zu: CPU bantin %.1f s (sys %.1f), stock %.1f s (sys %.1f)\n",
                    b1, n, cpu_ours, sys_ours, cpu_stock, sys_stock);
    }
    rng_state = saved;
    print_cache("bantin", bti_store_db(s));
    print_cache("stock", db);
    sqlite3_finalize(ins);
    sqlite3_finalize(fts);
    exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_close(db);
    bt_store_close(s);
}

/* ---- queries ---------------------------------------------------------------------------- */

/* The stock FTS5 expression for a query text: each space-separated chunk a quoted string
 * (AND), a "quoted phrase" one string, date filters taken out into since/until. */
static char *stock_expr(const char *q, char since[11], char until[11])
{
    size_t len = strlen(q);
    char *out = malloc(2 * len + 16), *o = out;
    if (!out)
        die("memory", "out of memory");
    since[0] = until[0] = '\0';
    size_t i = 0;
    while (i < len) {
        while (i < len && q[i] == ' ')
            i++;
        if (i >= len)
            break;
        size_t s = i, e;
        if (q[i] == '"') {
            s = ++i;
            while (i < len && q[i] != '"')
                i++;
            e = i;
            if (i < len)
                i++;
        } else {
            while (i < len && q[i] != ' ')
                i++;
            e = i;
            if (!strncmp(q + s, "since:", 6) && e - s == 16) {
                memcpy(since, q + s + 6, 10), since[10] = '\0';
                continue;
            }
            if (!strncmp(q + s, "until:", 6) && e - s == 16) {
                memcpy(until, q + s + 6, 10), until[10] = '\0';
                continue;
            }
        }
        int has_word = 0;
        for (size_t k = s; k < e; k++)
            if ((unsigned char)q[k] >= 0x80 || (q[k] >= '0' && q[k] <= '9') ||
                ((q[k] | 32) >= 'a' && (q[k] | 32) <= 'z'))
                has_word = 1;
        if (!has_word)
            continue;
        if (o != out)
            *o++ = ' ';
        *o++ = '"';
        for (size_t k = s; k < e; k++) {
            if (q[k] == '"')
                *o++ = '"';
            *o++ = q[k];
        }
        *o++ = '"';
    }
    *o = '\0';
    return out;
}

typedef struct stock_q {
    sqlite3_stmt *plain, *dated, *hit;
} stock_q;

static void stock_prepare(sqlite3 *db, stock_q *sq)
{
    if (sqlite3_prepare_v2(db,
                           "SELECT rowid, bm25(fts, " STOCK_WEIGHTS ") FROM fts "
                           "WHERE fts MATCH ?1",
                           -1, &sq->plain, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "SELECT fts.rowid, bm25(fts, " STOCK_WEIGHTS ") FROM fts JOIN "
                           "articles a ON a.n = fts.rowid WHERE fts MATCH ?1 AND "
                           "substr(a.published, 1, 10) >= ?2 AND "
                           "substr(a.published, 1, 10) <= ?3",
                           -1, &sq->dated, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "SELECT a.title, a.source, a.published, snippet(fts, 2, X'02', "
                           "X'03', '…', 24) FROM fts JOIN articles a ON a.n = fts.rowid "
                           "WHERE fts MATCH ?1 AND fts.rowid = ?2",
                           -1, &sq->hit, NULL) != SQLITE_OK)
        die("stock prepare", sqlite3_errmsg(db));
}

/* Runs one query the way bt_search_run does (one pass: count + top k by score; then the
 * k hits' fields and snippets). Returns the total; top[] gets the rowids best first. */
static int64_t stock_search(stock_q *sq, const char *q, size_t k, int snippets, int64_t *top,
                            size_t *ntop)
{
    char since[11], until[11];
    char *expr = stock_expr(q, since, until);
    sqlite3_stmt *st = since[0] ? sq->dated : sq->plain;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
    if (since[0]) {
        sqlite3_bind_text(st, 2, since, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, until[0] ? until : "9999-12-31", -1, SQLITE_TRANSIENT);
    }
    int64_t total = 0;
    double *sc = malloc(k * sizeof *sc);
    size_t n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        total++;
        int64_t id = sqlite3_column_int64(st, 0);
        double s = -sqlite3_column_double(st, 1);
        if (n < k || s > sc[n - 1]) { /* insertion into a small sorted array */
            size_t i = n < k ? n++ : n - 1;
            while (i > 0 && sc[i - 1] < s) {
                sc[i] = sc[i - 1];
                top[i] = top[i - 1];
                i--;
            }
            sc[i] = s;
            top[i] = id;
        }
    }
    for (size_t i = 0; snippets && i < n; i++) {
        sqlite3_reset(sq->hit);
        sqlite3_bind_text(sq->hit, 1, expr, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(sq->hit, 2, top[i]);
        sqlite3_step(sq->hit);
    }
    *ntop = n;
    free(sc);
    free(expr);
    return total;
}

static void stock_close(stock_q *sq)
{
    sqlite3_finalize(sq->plain);
    sqlite3_finalize(sq->dated);
    sqlite3_finalize(sq->hit);
}

/* ---- mrr -------------------------------------------------------------------------------- */

/* Marks off, case kept: "Đàm Phán" -> "Dam Phan". */
static char *strip_marks(const char *s)
{
    utf8proc_uint8_t *out = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                         UTF8PROC_STRIPMARK) < 0)
        return xstrdup(s);
    char *o = (char *)out, *w = o;
    for (char *r = o; *r;) {
        if ((unsigned char)r[0] == 0xC4 && ((unsigned char)r[1] == 0x90 || (unsigned char)r[1] == 0x91)) {
            *w++ = (unsigned char)r[1] == 0x90 ? 'D' : 'd';
            r += 2;
        } else
            *w++ = *r++;
    }
    *w = '\0';
    return o;
}

/* A title as a query: quotes (which would make phrases), a leading - (exclusion) and the
 * operator OR are what a reader would not type when looking for the words. */
static char *as_query(const char *t)
{
    char *q = xstrdup(t);
    size_t w = 0;
    for (size_t i = 0; q[i];) {
        if (q[i] == '"') {
            q[w++] = ' ';
            i++;
        } else if (!strncmp(q + i, "\xE2\x80\x9C", 3) || !strncmp(q + i, "\xE2\x80\x9D", 3)) {
            q[w++] = ' ';
            i += 3;
        } else if (q[i] == '-' && (i == 0 || q[i - 1] == ' ')) {
            q[w++] = ' ';
            i++;
        } else
            q[w++] = q[i++];
    }
    q[w] = '\0';
    for (char *p = q; (p = strstr(p, "OR")); p += 2)
        if ((p == q || p[-1] == ' ') && (p[2] == ' ' || !p[2]))
            p[1] = 'r';
    return q;
}

static int count_tok(void *ctx, const bt_token *t)
{
    (void)t;
    ++*(size_t *)ctx;
    return 0;
}

static size_t n_tokens(const char *s)
{
    size_t n = 0;
    bt_tokenize(s, strlen(s), 0, count_tok, &n);
    return n;
}

static int run_mrr(const char *dir, const char *corpus, size_t want)
{
    size_t nc;
    src *c = load_corpus(corpus, want * 2 < 60000 ? want * 2 : 60000, &nc);
    /* distinct titles of 3+ syllables */
    src *pick = calloc(want, sizeof *pick);
    size_t n = 0;
    for (size_t i = 0; i < nc && n < want; i++) {
        if (n_tokens(c[i].title) < 3)
            continue;
        int dup = 0;
        for (size_t k = 0; k < n && !dup; k++) /* quadratic, but only over N titles */
            dup = !strcmp(pick[k].title, c[i].title);
        if (!dup)
            pick[n++] = c[i];
    }
    char (*ids)[17] = calloc(n, sizeof *ids);
    double t_ours, t_stock;
    fprintf(stderr, "mrr: building %zu articles\n", n);
    build(dir, pick, n, n, 0, ids, &t_ours, &t_stock);

    char path[512];
    bt_error err;
    bt_store *s;
    snprintf(path, sizeof path, "%s/bantin.db", dir);
    if (bt_store_open(path, BT_STORE_READONLY, &s, &err))
        die(path, err.msg);
    snprintf(path, sizeof path, "%s/stock.db", dir);
    sqlite3 *db = stock_open(path, 0);
    stock_q sq;
    stock_prepare(db, &sq);
    double rr[3][2] = {{0}}, top1[3][2] = {{0}};
    size_t errors[3] = {0};
    int64_t top[100];
    for (size_t i = 0; i < n; i++) {
        char *qs[3];
        qs[0] = as_query(pick[i].title);
        qs[1] = strip_marks(qs[0]);
        /* (c) lowercase, no marks, one word dropped */
        char *folded = bti_fold_dup(qs[0], strlen(qs[0]), NULL);
        size_t nw = 0;
        for (char *p = strtok(folded, " "); p; p = strtok(NULL, " "))
            nw++;
        free(folded);
        folded = bti_fold_dup(qs[0], strlen(qs[0]), NULL);
        size_t drop = (size_t)((i * 2654435761u) % (nw ? nw : 1)), k = 0;
        char *c3 = calloc(1, strlen(folded) + 1);
        for (char *p = strtok(folded, " "); p; p = strtok(NULL, " "), k++)
            if (k != drop) {
                if (*c3)
                    strcat(c3, " ");
                strcat(c3, p);
            }
        free(folded);
        qs[2] = c3;
        for (int v = 0; v < 3; v++) {
            bt_search_opts o = BT_SEARCH_OPTS_INIT;
            o.limit = 100;
            o.flags = BT_SEARCH_NO_SNIPPET;
            bt_search_results *r;
            if (bt_search_run(s, qs[v], &o, &r, &err) == 0) {
                for (size_t h = 0; h < r->n; h++)
                    if (!strcmp(r->hits[h].id, ids[i])) {
                        rr[v][0] += 1.0 / (double)(h + 1);
                        top1[v][0] += h == 0;
                        break;
                    }
                bt_search_results_free(r);
            } else {
                if (errors[v]++ < 3)
                    fprintf(stderr, "  refused: %s\n", err.msg);
            }
            size_t nt;
            stock_search(&sq, qs[v], 100, 0, top, &nt);
            for (size_t h = 0; h < nt; h++)
                if (top[h] == (int64_t)i + 1) {
                    rr[v][1] += 1.0 / (double)(h + 1);
                    top1[v][1] += h == 0;
                    break;
                }
        }
        for (int v = 0; v < 3; v++)
            free(qs[v]);
        if ((i + 1) % 2000 == 0)
            fprintf(stderr, "  queried %zu/%zu\n", i + 1, n);
    }
    static const char *names[3] = {"(a) title as written", "(b) title without marks",
                                   "(c) lowercase, no marks, one word dropped"};
    printf("known-item MRR@100, %zu articles (first of the corpus with distinct titles)\n\n", n);
    printf("| queries | bantin MRR | stock MRR | bantin top-1 | stock top-1 |\n");
    printf("|---|---|---|---|---|\n");
    for (int v = 0; v < 3; v++)
        printf("| %s | %.4f | %.4f | %.1f%% | %.1f%% |\n", names[v], rr[v][0] / n,
               rr[v][1] / n, 100.0 * top1[v][0] / n, 100.0 * top1[v][1] / n);
    printf("\nbantin queries refused as bad (counted as misses): %zu, %zu, %zu\n", errors[0],
           errors[1], errors[2]);
    stock_close(&sq);
    sqlite3_close(db);
    bt_store_close(s);
    return 0;
}

/* ---- speed ------------------------------------------------------------------------------ */

typedef struct words {
    char *w[64];
    size_t n;
} words;

static int collect(void *ctx, const bt_token *t)
{
    words *ws = ctx;
    if (ws->n < 64) {
        char *lower = bti_normalize(t->text, t->len, BT_NORM_LOWER, NULL);
        if (lower)
            ws->w[ws->n++] = lower;
    }
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p)
{
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i < n ? i : n - 1];
}

/* A fixed mix of queries drawn from corpus titles; kinds count as in the README. */
static char **make_queries(const src *c, size_t nc, size_t nq, int **kind_out)
{
    static const int mix[] = {/* kind: share of 24 */ 4, 4, 3, 3, 2, 2, 2, 2, 2};
    /* kind 8: syllables among the most frequent of the corpus, alone (once stop words) */
    static const char *const frequent[] = {"thi", "ra", "the", "cua", "va", "la", "co",
                                           "khong", "da", "cho", "tai", "ve", "thì", "không"};
    char **q = calloc(nq, sizeof *q);
    int *kind = calloc(nq, sizeof *kind);
    size_t made = 0;
    uint64_t saved = rng_state;
    rng_state = 0xC0FFEE1234567ull;
    while (made < nq) {
        size_t slot = made % 24, k = 0, acc = 0;
        while (k < 8 && slot >= acc + (size_t)mix[k])
            acc += (size_t)mix[k++];
        const src *s = &c[rnd() % nc];
        words ws = {{0}, 0};
        bt_tokenize(s->title, strlen(s->title), 0, collect, &ws);
        char buf[512] = "";
        if (k == 8) {
            snprintf(buf, sizeof buf, "%s", frequent[rnd() % (sizeof frequent / sizeof *frequent)]);
        } else if (k == 7) { /* a typed phrase, unquoted, without marks */
            if (ws.n >= 3) {
                size_t at = rnd() % (ws.n - 2);
                for (size_t j = at; j < at + 3; j++) {
                    char *w = bti_fold_dup(ws.w[j], strlen(ws.w[j]), NULL);
                    snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", j > at ? " " : "",
                             w ? w : "");
                    free(w);
                }
            }
        } else if (ws.n >= 2) {
            size_t at = rnd() % (ws.n - 1);
            int marks = k % 2 == 0 || k == 6;
            char *w1 = marks ? xstrdup(ws.w[at]) : bti_fold_dup(ws.w[at], strlen(ws.w[at]), NULL);
            char *w2 = marks ? xstrdup(ws.w[at + 1])
                             : bti_fold_dup(ws.w[at + 1], strlen(ws.w[at + 1]), NULL);
            if (k <= 1)
                snprintf(buf, sizeof buf, "%s", w1);
            else if (k <= 3)
                snprintf(buf, sizeof buf, "%s %s", w1, w2);
            else if (k <= 5)
                snprintf(buf, sizeof buf, "\"%s %s\"", w1, w2);
            else {
                char d1[32];
                gen_date(rnd(), d1);
                d1[10] = '\0';
                int y = atoi(d1);
                snprintf(buf, sizeof buf, "%s %s since:%s until:%04d%s", w1, w2, d1, y + 1,
                         d1 + 4);
                if (!strcmp(d1 + 4, "-02-29"))
                    buf[0] = '\0';
            }
            free(w1);
            free(w2);
        }
        for (size_t i = 0; i < ws.n; i++)
            free(ws.w[i]);
        if (!buf[0])
            continue;
        char *m = NULL;
        bt_error err;
        if (bt_search_explain(buf, &m, &err)) /* punctuation only: draw again */
            continue;
        free(m);
        q[made] = xstrdup(buf);
        kind[made++] = (int)k;
    }
    rng_state = saved;
    *kind_out = kind;
    return q;
}

/* `bench_search queries`: the speed mix, one "kind<TAB>query" a line, for profiling one kind
 * with search_queries under callgrind (bench/README.md, issue 15). */
static int run_queries(const char *corpus, size_t nq)
{
    size_t nc;
    src *c = load_corpus(corpus, 60000, &nc);
    int *kind;
    char **q = make_queries(c, nc, nq, &kind);
    for (size_t i = 0; i < nq; i++) {
        printf("%d\t%s\n", kind[i], q[i]);
        free(q[i]);
    }
    free(q);
    free(kind);
    return 0;
}

static int run_speed(const char *dir, const char *corpus, size_t n, size_t nq, int reuse,
                     size_t slow, int no_stock)
{
    size_t nc;
    src *c = load_corpus(corpus, 60000, &nc);
    char pb[512], ps[512];
    snprintf(pb, sizeof pb, "%s/bantin.db", dir);
    snprintf(ps, sizeof ps, "%s/stock.db", dir);
    double t_ours = 0, t_stock = 0;
    if (!reuse) {
        fprintf(stderr, "speed: building %zu articles\n", n);
        build(dir, c, nc, n, 1, NULL, &t_ours, &t_stock);
    }
    bt_error err;
    bt_store *s;
    double t_opt_ours = 0, t_opt_stock = 0;
    if (optimize) {
        /* both indexes merged into one segment and both files rewritten, as after a bulk
         * load (`bantin vacuum`; FTS5 'optimize' + VACUUM for stock) */
        double t0 = bench_now();
        if (bt_store_open(pb, 0, &s, &err) || bt_store_vacuum(s, &err))
            die(pb, err.msg);
        bt_store_close(s);
        double t1 = bench_now();
        sqlite3 *w;
        if (sqlite3_open(ps, &w) != SQLITE_OK)
            die(ps, "cannot open");
        exec(w, "INSERT INTO fts(fts) VALUES ('optimize'); VACUUM;");
        sqlite3_close(w);
        t_opt_ours = t1 - t0;
        t_opt_stock = bench_now() - t1;
    }
    if (dups) {
        double t0 = bench_now();
        if (bt_store_open(pb, 0, &s, &err) || bt_dups_rebuild(s, &err))
            die(pb, err.msg);
        bt_store_close(s);
        fprintf(stderr, "speed: near-duplicate index made in %.1f s\n", bench_now() - t0);
    }
    if (bt_store_open(pb, BT_STORE_READONLY, &s, &err))
        die(pb, err.msg);
    sqlite3 *db = stock_open(ps, 0);
    bt_store_stats st = BT_STORE_STATS_INIT;
    if (bt_store_stats_get(s, &st, &err))
        die("stats", err.msg);
    int64_t stock_idx = index_bytes(db, "fts");
    stock_q sq;
    stock_prepare(db, &sq);
    int *kind;
    char **q = make_queries(c, nc, nq, &kind);
    double *lo = malloc(nq * sizeof *lo), *ls = malloc(nq * sizeof *ls);
    int64_t top[10];
    int64_t tot_o = 0, tot_s = 0;
    int64_t *tq = calloc(nq, sizeof *tq);
    /* Each engine in turn, over the whole mix twice: the first pass warms the page cache,
     * the second is timed. One engine at a time, as a server runs one: interleaved, each
     * engine's pages are pushed out of the CPU caches and the page cache by the other's
     * (the stock tokenizer reads ten times as much), which measured the pair, not either. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < nq; i++) {
            double t0 = bench_now();
            bt_search_results *r;
            if (bt_search_run(s, q[i], NULL, &r, &err))
                die(q[i], err.msg);
            lo[i] = (bench_now() - t0) * 1e3;
            if (pass) {
                tq[i] = r->total;
                tot_o += r->total;
            }
            bt_search_results_free(r);
        }
    /* the same mix with every copy listed (all_copies): what the group collapse costs,
     * alternating with the default so that neither has the warmer caches */
    double *la = calloc(nq, sizeof *la), *ld = calloc(nq, sizeof *ld);
    size_t groups_shown = 0, copies_hidden = 0;
    for (int pass = 0; pass < 2 && dups; pass++)
        for (int all = 0; all < 2; all++)
            for (size_t i = 0; i < nq; i++) {
                bt_search_opts o = BT_SEARCH_OPTS_INIT;
                o.all_copies = all;
                double t0 = bench_now();
                bt_search_results *r;
                if (bt_search_run(s, q[i], &o, &r, &err))
                    die(q[i], err.msg);
                (all ? la : ld)[i] = (bench_now() - t0) * 1e3;
                for (size_t h = 0; pass && !all && h < r->n; h++) {
                    groups_shown += r->copies[h] > 0;
                    copies_hidden += r->copies[h];
                }
                bt_search_results_free(r);
            }
    if (dups) {
        qsort(la, nq, sizeof *la, cmp_double);
        qsort(ld, nq, sizeof *ld, cmp_double);
        printf("group collapse, same mix, alternating: one result per group p50 %.2f p99 %.2f"
               " ms, --all p50 %.2f p99 %.2f ms; %zu results stood for a group (%zu copies"
               " folded)\n\n", pct(ld, nq, 0.5), pct(ld, nq, 0.99), pct(la, nq, 0.5),
               pct(la, nq, 0.99), groups_shown, copies_hidden);
    }
    free(la);
    free(ld);
    for (int pass = 0; pass < 2 && !no_stock; pass++)
        for (size_t i = 0; i < nq; i++) {
            size_t nt;
            double t0 = bench_now();
            int64_t ts = stock_search(&sq, q[i], 10, 1, top, &nt);
            ls[i] = (bench_now() - t0) * 1e3;
            if (pass)
                tot_s += ts;
        }
    if (no_stock)
        memset(ls, 0, nq * sizeof *ls);
    if (slow) { /* the slowest queries for bantin, to see where p99 comes from */
        size_t *ord = malloc(nq * sizeof *ord);
        for (size_t i = 0; i < nq; i++)
            ord[i] = i;
        for (size_t i = 0; i < nq && i < slow; i++)
            for (size_t j = i + 1; j < nq; j++)
                if (lo[ord[j]] > lo[ord[i]]) {
                    size_t t = ord[i];
                    ord[i] = ord[j];
                    ord[j] = t;
                }
        for (size_t i = 0; i < nq && i < slow; i++)
            fprintf(stderr, "  slow: %8.2f ms (stock %8.2f) total %7lld  %s\n", lo[ord[i]],
                    ls[ord[i]], (long long)tq[ord[i]], q[ord[i]]);
        free(ord);
    }
    free(tq);
    static const char *kinds[] = {"one word, marks", "one word, no marks", "two words, marks",
                                  "two words, no marks", "phrase, marks", "phrase, no marks",
                                  "two words + since/until", "three words, no marks",
                                  "one frequent syllable"};
    printf("search latency, %zu articles, %zu queries, one thread (ms)\n\n", n, nq);
    printf("| queries | n | bantin p50 | bantin p99 | stock p50 | stock p99 | bantin hits/query | stock hits/query |\n");
    printf("|---|---|---|---|---|---|---|---|\n");
    for (int k = -1; k < 9; k++) {
        double a[2000], b[2000];
        size_t m = 0;
        double ho = 0, hs = 0;
        for (size_t i = 0; i < nq && m < 2000; i++)
            if (k < 0 || kind[i] == k) {
                a[m] = lo[i];
                b[m++] = ls[i];
            }
        (void)ho;
        (void)hs;
        qsort(a, m, sizeof *a, cmp_double);
        qsort(b, m, sizeof *b, cmp_double);
        printf("| %s | %zu | %.2f | %.2f | %.2f | %.2f |", k < 0 ? "**all**" : kinds[k], m,
               pct(a, m, 0.5), pct(a, m, 0.99), pct(b, m, 0.5), pct(b, m, 0.99));
        if (k < 0)
            printf(" %.0f | %.0f |\n", (double)tot_o / nq, (double)tot_s / nq);
        else
            printf(" | |\n");
    }
    if (!reuse)
        printf("\nbuild: bantin %.1f s (%.0f articles/s), stock %.1f s (%.0f articles/s)\n",
               t_ours, n / t_ours, t_stock, n / t_stock);
    if (!reuse) {
        printf("build CPU: bantin %.1f s, stock %.1f s (%.2fx)\n", cpu_ours, cpu_stock,
               cpu_ours / cpu_stock);
        printf("build CPU, system part: bantin %.1f s, stock %.1f s\n", sys_ours, sys_stock);
    }
    if (optimize)
        printf("optimize (merge + vacuum): bantin %.1f s, stock %.1f s\n", t_opt_ours,
               t_opt_stock);
    printf("size: bantin file %.1f MB (index %.1f MB), stock file %.1f MB (index %.1f MB)\n",
           file_size(pb) / 1e6, st.index_bytes / 1e6, file_size(ps) / 1e6, stock_idx / 1e6);
    for (size_t i = 0; i < nq; i++)
        free(q[i]);
    free(q);
    free(kind);
    free(lo);
    free(ls);
    stock_close(&sq);
    sqlite3_close(db);
    bt_store_close(s);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 ||
        (strcmp(argv[1], "mrr") && strcmp(argv[1], "speed") && strcmp(argv[1], "queries"))) {
        fprintf(stderr, "usage: bench_search mrr|speed|queries [--articles N] [--queries N] "
                        "[--dir DIR] [--corpus PATH] [--reuse] [--slow N] [--no-stock] "
                        "[--phrase-index] [--optimize]\n");
        return 2;
    }
    size_t n = !strcmp(argv[1], "mrr") ? 10000 : 100000, nq = 1000;
    const char *dir = "/tmp", *corpus = "../shared/corpus/vietnews-60k.jsonl.gz";
    int reuse = 0;
    size_t slow = 0;
    int no_stock = 0;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--articles") && i + 1 < argc)
            n = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--queries") && i + 1 < argc)
            nq = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--dir") && i + 1 < argc)
            dir = argv[++i];
        else if (!strcmp(argv[i], "--corpus") && i + 1 < argc)
            corpus = argv[++i];
        else if (!strcmp(argv[i], "--slow") && i + 1 < argc)
            slow = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--no-stock")) /* for profiling bantin alone */
            no_stock = 1;
        else if (!strcmp(argv[i], "--reuse"))
            reuse = 1;
        else if (!strcmp(argv[i], "--phrase-index"))
            phrase_index = 1;
        else if (!strcmp(argv[i], "--optimize"))
            optimize = 1;
        else if (!strcmp(argv[i], "--dups"))
            dups = 1;
        else {
            fprintf(stderr, "bench_search: unknown argument '%s'\n", argv[i]);
            return 2;
        }
    }
    if (nq > 2000)
        nq = 2000;
    mkdir(dir, 0755);
    if (!strcmp(argv[1], "queries"))
        return run_queries(corpus, nq);
    return !strcmp(argv[1], "mrr") ? run_mrr(dir, corpus, n) : run_speed(dir, corpus, n, nq, reuse, slow, no_stock);
}
