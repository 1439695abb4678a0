/* rank.c: the bti_rank FTS5 auxiliary function: BM25 (FTS5's own bm25(), with field weights)
 * times an accent-exact boost, a side-by-side (proximity) boost and an optional recency
 * boost; and bti_words_match, the SQL function behind author: filters.
 *
 * The boosts read FTS5's phrase instances of the current row, which FTS5 has already
 * gathered for bm25(), so they cost no extra index reads. Instances come ordered by column
 * and offset, so "word k right after word k-1" is a short look-ahead. */
#include "search/rank.h"

#include "search/dates.h"
#include "store/db.h"

#include "bantin/text.h"
#include "core/buf.h"
#include "core/date.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define W_ADJ 0.5      /* all neighbouring words side by side in the title: score x1.5 */
#define W_RECENT 0.5   /* published today: score x1.5, halving every HALF_LIFE days */
#define HALF_LIFE 90.0

/* How much a side-by-side match counts, by column. */
static const double adj_col_weight[BTI_FTS_NCOL] = {
    [BTI_FTS_TITLE] = 1.0, [BTI_FTS_LEDE] = 0.7, [BTI_FTS_BODY] = 0.5,
    [BTI_FTS_CAPTIONS] = 0.3, [BTI_FTS_SOURCE] = 0.5,
};

/* BM25 as FTS5's bm25() computes it (k1 1.2, b 0.75, the column weights below on each
 * instance's frequency, the whole row's length), with one difference: the inverse document
 * frequency of each phrase is worked out once per query and kept in the plan. FTS5's bm25()
 * works it out in every statement by walking each phrase's whole posting list, which over a
 * million articles costs more than ranking a page; a query ranked in tiers runs several
 * statements. */
#define BM25_K1 1.2
#define BM25_B 0.75
static const double col_weight[BTI_FTS_NCOL] = {
    [BTI_FTS_TITLE] = BTI_RANK_W_TITLE, [BTI_FTS_LEDE] = BTI_RANK_W_LEDE,
    [BTI_FTS_BODY] = BTI_RANK_W_BODY, [BTI_FTS_CAPTIONS] = BTI_RANK_W_CAPTIONS,
    [BTI_FTS_SOURCE] = BTI_RANK_W_SOURCE,
};

typedef struct idf_count {
    int64_t n, first, last;
} idf_count;

static int idf_cb(const Fts5ExtensionApi *api, Fts5Context *fts, void *vc)
{
    idf_count *c = vc;
    int64_t rowid = api->xRowid(fts);
    if (c->n++ == 0)
        c->first = rowid;
    c->last = rowid;
    if (c->n < BTI_RANK_IDF_SAMPLE && (c->n < 2 || rowid - c->first < BTI_RANK_IDF_SPAN))
        return SQLITE_OK;
    return SQLITE_DONE; /* enough to estimate from */
}

/* The plan's idf[] from the articles holding each phrase: counted up to BTI_RANK_IDF_SAMPLE
 * of them or over BTI_RANK_IDF_SPAN rowids (a phrase costs a look at the positions of every
 * article with its words: a rare one of common syllables would be looked for across the
 * whole store), beyond that estimated from how many rowids the sample spans (articles are
 * numbered in the order they came, so a phrase's articles spread over the whole range; IDF
 * is a logarithm, a few percent off moves it by hundredths). */
static int compute_idf(const Fts5ExtensionApi *api, Fts5Context *fts, bti_rank_plan *rp)
{
    sqlite3_int64 rows = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc != SQLITE_OK)
        return rc;
    int np = api->xPhraseCount(fts);
    for (int i = 0; i < np && i < BTI_RANK_MAX_PHRASES; i++) {
        rp->idf[i] = 0;
        if ((size_t)i < rp->n_phrase && rp->phrase[i].role == BTI_QP_NOT)
            continue; /* never in a match */
        idf_count c = {0, 0, 0};
        if ((rc = api->xQueryPhrase(fts, i, &c, idf_cb)) != SQLITE_OK)
            return rc;
        double hit = (double)c.n;
        if ((c.n >= BTI_RANK_IDF_SAMPLE || (c.n >= 2 && c.last - c.first >= BTI_RANK_IDF_SPAN)) &&
            rows > 0) {
            /* stopped early: the sample's density over all the rows */
            hit = (double)(c.n - 1) * (double)rows / (double)(c.last - c.first);
            if (hit > (double)rows)
                hit = (double)rows;
        }
        /* Lucene's IDF, which stays positive: FTS5's log((N - n + .5) / (n + .5)) goes
         * negative for a word in over half the articles and is then clamped to 1e-6, so in a
         * small collection every common word weighs nothing and scores collapse to ~0. */
        rp->idf[i] = log(1.0 + ((double)rows - hit + 0.5) / (hit + 0.5));
    }
    rp->n_idf = np < BTI_RANK_MAX_PHRASES ? np : BTI_RANK_MAX_PHRASES;
    return SQLITE_OK;
}

/* The summed column weights of the instances of the whole phrase (bti_rank_plan.whole): each
 * position of word 0 with word 1 right after it in the same column, and so on. Each word's
 * positions are read with FTS5's phrase iterators, in order, so one pass over each: xInst
 * would first gather and sort the instances of every word in every column. */
static double whole_freq(const Fts5ExtensionApi *api, Fts5Context *fts, const bti_rank_plan *rp)
{
    enum { MAXT = 64 };
    int n_terms = rp->q->n_terms, ph_of[MAXT];
    if (n_terms < 1 || n_terms > MAXT)
        return 0;
    for (int t = 0; t < n_terms; t++)
        ph_of[t] = -1;
    int np = api->xPhraseCount(fts);
    for (int i = 0; i < np && (size_t)i < rp->n_phrase; i++) {
        const bti_qphrase *p = &rp->phrase[i];
        if (p->role != BTI_QP_NOT && p->term >= 0 && p->term < n_terms && ph_of[p->term] < 0)
            ph_of[p->term] = i;
    }
    Fts5PhraseIter it[MAXT];
    int col[MAXT], off[MAXT], len[MAXT];
    for (int t = 0; t < n_terms; t++) {
        if (ph_of[t] < 0 || api->xPhraseFirst(fts, ph_of[t], &it[t], &col[t], &off[t]) != SQLITE_OK)
            return 0;
        len[t] = rp->phrase[ph_of[t]].len;
    }
    double freq = 0;
    for (; col[0] >= 0; api->xPhraseNext(fts, &it[0], &col[0], &off[0])) {
        int want = off[0] + len[0], t = 1;
        for (; t < n_terms; t++) {
            while (col[t] >= 0 && (col[t] < col[0] || (col[t] == col[0] && off[t] < want)))
                api->xPhraseNext(fts, &it[t], &col[t], &off[t]);
            if (col[t] != col[0] || off[t] != want)
                break;
            want += len[t];
        }
        if (t == n_terms && col[0] < BTI_FTS_NCOL)
            freq += col_weight[col[0]];
    }
    return freq;
}

/* The row's score from its instances in the columns `cols` (a bit per column; ALL_COLS:
 * all): BM25 of each phrase times the side-by-side and accent-exact boosts. The score of a
 * statement with a column filter ({title} : ...) is the same, from the title's instances
 * only (what FTS5 gives there), which bti_rank_plan.whole 2 works out in one call. */
#define ALL_COLS (~0u)
static double score_cols(const Fts5ExtensionApi *api, Fts5Context *fts, const bti_rank_plan *rp,
                         int n, unsigned cols, double norm)
{
    const bti_qplan *q = rp->q;
    double freq[BTI_RANK_MAX_PHRASES]; /* zeroed up to n_idf: a walk ranks every row */
    memset(freq, 0, (size_t)(rp->n_idf > 0 ? rp->n_idf : 1) * sizeof *freq);
    for (int i = 0; i < n; i++) {
        int ph, col, off;
        if (api->xInst(fts, i, &ph, &col, &off) != SQLITE_OK)
            break;
        if (ph >= 0 && ph < rp->n_idf && col >= 0 && col < BTI_FTS_NCOL && (cols >> col & 1))
            freq[ph] += col_weight[col];
    }
    double score = 0;
    for (int i = 0; i < rp->n_idf; i++)
        if (freq[i] > 0)
            score += rp->idf[i] * freq[i] * (BM25_K1 + 1) / (freq[i] + norm);
    uint64_t exact = 0;
    double adj[64] = {0};
    for (int i = 0; i < n; i++) {
        int ph, col, off;
        if (api->xInst(fts, i, &ph, &col, &off) != SQLITE_OK)
            break;
        if (ph < 0 || (size_t)ph >= rp->n_phrase || rp->phrase[ph].term < 0 ||
            (col >= 0 && col < 32 && !(cols >> col & 1)))
            continue;
        const bti_qphrase *p = &rp->phrase[ph];
        if (p->role == BTI_QP_EXACT)
            exact |= (uint64_t)1 << p->term;
        int next = p->term + 1;
        if (next >= q->n_terms || !((q->adj_prev >> next) & 1))
            continue;
        double w = col >= 0 && col < BTI_FTS_NCOL ? adj_col_weight[col] : 0.3;
        if (adj[next] >= w)
            continue;
        /* where this instance ends and the next word must start (a phrase matched by its
         * pairs is reported one token after its start) */
        int end = off - p->shift + p->len;
        for (int j = i + 1; j < n; j++) {
            int ph2, col2, off2;
            if (api->xInst(fts, j, &ph2, &col2, &off2) != SQLITE_OK || col2 != col ||
                off2 > end + 1)
                break;
            if (ph2 >= 0 && (size_t)ph2 < rp->n_phrase && rp->phrase[ph2].term == next &&
                off2 - rp->phrase[ph2].shift == end) {
                adj[next] = w;
                break;
            }
        }
    }
    int n_pairs = 0;
    double adj_sum = 0;
    for (int k = 1; k < q->n_terms && k < 64; k++)
        if ((q->adj_prev >> k) & 1) {
            n_pairs++;
            adj_sum += adj[k];
        }
    if (n_pairs)
        score *= 1.0 + W_ADJ * adj_sum / n_pairs;
    if (q->n_exact_terms)
        score *= 1.0 + BTI_RANK_W_EXACT * __builtin_popcountll(exact) / q->n_exact_terms;
    return score;
}

static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                    int nval, sqlite3_value **val)
{
    if (nval < 1) {
        sqlite3_result_error(ctx, "bti_rank: expects (table, plan [, published])", -1);
        return;
    }
    bti_rank_plan *rp = sqlite3_value_pointer(val[0], BTI_RANK_PLAN_TYPE);
    if (!rp) {
        sqlite3_result_error(ctx, "bti_rank: no plan", -1);
        return;
    }
    int rc = SQLITE_OK;
    if (rp->n_idf < 0 && (rc = compute_idf(api, fts, rp)) != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    double wf = rp->whole ? whole_freq(api, fts, rp) : 0;
    rp->out.whole = 0;
    /* whole 2: the columns each positive word is in, from the first instance of each (an
     * instance list is in column order, the title first, then the lede), and so which of the
     * walk's open lists (bti_rank_plan.open) the row enters: only then is it scored */
    int ranked = rp->whole == 0;
    if (rp->whole == 2) {
        uint64_t want = 0, in_title = 0, in_lede = 0;
        for (size_t i = 0; i < rp->n_phrase && (int)i < api->xPhraseCount(fts); i++) {
            const bti_qphrase *ph = &rp->phrase[i];
            if (ph->role != BTI_QP_FOLDED || ph->term < 0 || ph->term >= 64)
                continue;
            uint64_t bit = (uint64_t)1 << ph->term;
            Fts5PhraseIter it;
            int col = -1, off = 0;
            want |= bit;
            if (api->xPhraseFirst(fts, (int)i, &it, &col, &off) != SQLITE_OK)
                col = -1;
            if (col == BTI_FTS_TITLE)
                in_title |= bit;
            if (col == BTI_FTS_TITLE || col == BTI_FTS_LEDE)
                in_lede |= bit;
        }
        int tier = !want ? 2 : in_title == want ? 0 : in_lede == want ? 1 : 2;
        rp->out.tier = tier;
        ranked = (rp->open & BTI_RANK_OPEN_EVERY) || (tier <= 1 && (rp->open & BTI_RANK_OPEN_LEDE)) ||
                 (tier == 0 && (rp->open & BTI_RANK_OPEN_TITLE));
    }
    rp->out.ranked = ranked;
    if (!ranked && wf == 0) {
        sqlite3_result_double(ctx, 0.0);
        return; /* the words apart: no look at the row's length */
    }
    int n = 0;
    rc = ranked ? api->xInstCount(fts, &n) : SQLITE_OK;
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    int row_len = 0;
    sqlite3_int64 total_len = 0, rows = 0;
    if ((rc = api->xColumnSize(fts, -1, &row_len)) != SQLITE_OK ||
        (rc = api->xColumnTotalSize(fts, -1, &total_len)) != SQLITE_OK ||
        (rc = api->xRowCount(fts, &rows)) != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    double avg = rows > 0 && total_len > 0 ? (double)total_len / (double)rows : 1.0;
    double norm = BM25_K1 * (1 - BM25_B + BM25_B * (double)row_len / avg);
    /* the whole phrase: BM25 with IDF 1, no boosts (a whole phrase has no parts to boost) */
    if (wf > 0)
        rp->out.whole = wf * (BM25_K1 + 1) / (wf + norm);
    if (!ranked) {
        sqlite3_result_double(ctx, rp->out.whole);
        return;
    }
    double score = score_cols(api, fts, rp, n, ALL_COLS, norm);
    rp->out.title = rp->out.lede = 0;
    if (rp->whole == 2 && rp->out.tier == 0 && (rp->open & BTI_RANK_OPEN_TITLE))
        rp->out.title = score_cols(api, fts, rp, n, 1u << BTI_FTS_TITLE, norm);
    if (rp->whole == 2 && rp->out.tier <= 1 && (rp->open & BTI_RANK_OPEN_LEDE))
        rp->out.lede = score_cols(api, fts, rp, n, 1u << BTI_FTS_TITLE | 1u << BTI_FTS_LEDE, norm);
    if (rp->recency && nval >= 2) {
        long d = bti_date_days((const char *)sqlite3_value_text(val[1]));
        if (d >= 0) {
            double age = rp->now_days > d ? (double)(rp->now_days - d) : 0.0;
            double boost = 1.0 + W_RECENT * pow(0.5, age / HALF_LIFE);
            score *= boost;
            rp->out.title *= boost;
            rp->out.lede *= boost;
        }
    }
    sqlite3_result_double(ctx, score);
}

static int add_word(void *vb, const bt_token *t)
{
    bti_buf *b = vb;
    if (bti_buf_add(b, t->text, t->len) || bti_buf_addc(b, ' '))
        return BT_ENOMEM;
    return 0;
}

/* bti_words_match(text, " a b |c ") */
static void words_match_fn(sqlite3_context *ctx, int nval, sqlite3_value **val)
{
    (void)nval;
    const char *text = (const char *)sqlite3_value_text(val[0]);
    const char *pat = (const char *)sqlite3_value_text(val[1]);
    if (!text || !pat) {
        sqlite3_result_int(ctx, 0);
        return;
    }
    bti_buf b = BTI_BUF_INIT;
    if (bti_buf_addc(&b, ' ') ||
        bt_tokenize(text, (size_t)sqlite3_value_bytes(val[0]), BT_TOKENIZE_FOLD, add_word, &b)) {
        bti_buf_free(&b);
        sqlite3_result_error_nomem(ctx);
        return;
    }
    int found = 0;
    while (!found) {
        const char *bar = strchr(pat, '|');
        size_t n = bar ? (size_t)(bar - pat) : strlen(pat);
        if (n > 0 && n <= b.len) {
            for (size_t i = 0; i + n <= b.len; i++)
                if (!memcmp(b.data + i, pat, n)) {
                    found = 1;
                    break;
                }
        }
        if (!bar)
            break;
        pat = bar + 1;
    }
    bti_buf_free(&b);
    sqlite3_result_int(ctx, found);
}

int bti_rank_register(sqlite3 *db)
{
    /* FTS5 keeps every registration of a function: register only once per connection,
     * recognised by bti_words_match being there. */
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT bti_words_match('', '')", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_finalize(st);
        return SQLITE_OK;
    }
    fts5_api *api = bti_fts5_api(db);
    if (!api || api->iVersion < 2)
        return SQLITE_ERROR;
    int rc = api->xCreateFunction(api, "bti_rank", NULL, rank_fn, NULL);
    if (rc == SQLITE_OK)
        rc = bti_dates_register(db);
    if (rc != SQLITE_OK)
        return rc;
    return sqlite3_create_function_v2(db, "bti_words_match", 2,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, words_match_fn,
                                      NULL, NULL, NULL);
}
