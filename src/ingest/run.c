/* run.c: bt_ingest_run: the pipeline. A reader thread fills a ring of slots with copies of
 * the captures (already-stored ones marked, not extracted); worker threads extract the filled
 * slots; the calling thread takes the slots back in input order, stores them in batches when
 * there is a store, and calls the callbacks. */
#include "core/opts.h"
#include "ingest/ingest_internal.h"
#include "store/db.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { SLOT_EMPTY, SLOT_READY, SLOT_BUSY, SLOT_DONE };
enum { JOB_CAPTURE, JOB_RECORD, JOB_SEEN, JOB_FAILED, JOB_MARK };

typedef struct slot {
    int state, kind;
    char *data;
    size_t len;
    char *origin, *url, *charset, *fetched_at, *where;
    bt_kind ckind;
    char hash[17];
    bt_article *article;
    int rc;
    bt_error err;
    bt_error warn; /* what the extraction left out (code 0: nothing) */
    size_t inputs, inputs_done, inputs_total; /* the reader's counts when it made this slot */
    uint64_t bytes_done, bytes_total;
} slot;

typedef struct run {
    bt_ingest *g;
    bt_extract_opts xo;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    slot *slots;
    size_t ring;
    size_t filled;  /* slots put in the ring so far */
    size_t claimed; /* slots taken by workers */
    int reading_done;
    int stop; /* the writer failed: everyone winds down */
    /* the reader thread's own */
    size_t inputs, inputs_done, inputs_total;
    uint64_t bytes_done, bytes_total; /* input bytes read (finished inputs and the current) */
    bt_reader_stats reader;
} run;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static void slot_clear(slot *j)
{
    free(j->data);
    free(j->origin);
    free(j->url);
    free(j->charset);
    free(j->fetched_at);
    free(j->where);
    bt_article_free(j->article);
    memset(j, 0, sizeof *j);
}

/* ---- the reader thread ---------------------------------------------------------------------- */

/* Hands a prepared slot to the ring (takes its strings). 0, or -1 when the run stops. */
static int submit(run *p, bt_store *ro, slot *tmpl)
{
    tmpl->inputs = p->inputs;
    tmpl->inputs_done = p->inputs_done;
    tmpl->inputs_total = p->inputs_total;
    tmpl->bytes_done = p->bytes_done;
    tmpl->bytes_total = p->bytes_total;
    int has = 0;
    if (ro && (tmpl->kind == JOB_CAPTURE || tmpl->kind == JOB_RECORD) &&
        bt_store_has_capture(ro, tmpl->hash, &has, NULL) == 0 && has)
        tmpl->kind = JOB_SEEN;
    pthread_mutex_lock(&p->mu);
    while (!p->stop && p->slots[p->filled % p->ring].state != SLOT_EMPTY)
        pthread_cond_wait(&p->cv, &p->mu);
    if (p->stop) {
        pthread_mutex_unlock(&p->mu);
        slot_clear(tmpl);
        return -1;
    }
    slot *s = &p->slots[p->filled % p->ring];
    *s = *tmpl;
    s->state = tmpl->kind == JOB_CAPTURE || tmpl->kind == JOB_RECORD ? SLOT_READY : SLOT_DONE;
    p->filled++;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    memset(tmpl, 0, sizeof *tmpl);
    return 0;
}

static int submit_error(run *p, const bt_error *err)
{
    slot j = {0};
    j.kind = JOB_FAILED;
    j.err = *err;
    j.rc = err->code ? err->code : BT_EIO;
    return submit(p, NULL, &j);
}

/* stdin cannot be read twice, nor sniffed in place: it is read whole. */
static int read_stdin(char **data, size_t *len, bt_error *err)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, stdin);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            char *q = realloc(buf, cap * 2);
            if (!q) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = q;
            cap *= 2;
        }
    }
    if (!buf || ferror(stdin)) {
        int code = buf ? BT_EIO : BT_ENOMEM;
        free(buf);
        return bt_error_set(err, code, "-: cannot read");
    }
    *data = buf;
    *len = n;
    return 0;
}

/* A copy of one capture for the ring. */
static int fill_slot(run *p, slot *j, const bt_capture *cap, const char *origin)
{
    memset(j, 0, sizeof *j);
    j->kind = cap->kind == BT_KIND_RECORD ? JOB_RECORD : JOB_CAPTURE;
    j->data = malloc(cap->len + 1);
    j->origin = dup_or_null(origin);
    j->url = dup_or_null(cap->url);
    j->charset = dup_or_null(cap->charset);
    j->fetched_at = dup_or_null(cap->fetched_at);
    j->where = dup_or_null(cap->where);
    j->ckind = cap->kind;
    if (!j->data || !j->origin || (cap->url && !j->url) || (cap->charset && !j->charset) ||
        (cap->fetched_at && !j->fetched_at) || (cap->where && !j->where)) {
        slot_clear(j);
        return BT_ENOMEM;
    }
    memcpy(j->data, cap->data, cap->len);
    j->data[cap->len] = '\0';
    j->len = cap->len;
    if (p->g->o.db)
        bt_store_content_hash(j->data, j->len, j->hash);
    return 0;
}

/* Reads one input into the ring. 0, or -1 when the run stops. */
static int read_input(run *p, bt_store *ro, const bti_input *in)
{
    const bt_ingest_opts *o = &p->g->o;
    char *buf = NULL;
    const char *force_origin = NULL;
    bt_reader *r = NULL;
    bt_error err;
    int rc;
    size_t base = p->inputs;
    uint64_t bytes_base = p->bytes_done;
    if (bti_input_is_stdin(in)) {
        size_t len = 0;
        rc = read_stdin(&buf, &len, &err);
        if (!rc)
            rc = bt_reader_open_mem(buf, len, "-", o->read_flags, &r, &err);
        if (o->flags & BT_INGEST_STDIN_ORIGIN)
            force_origin = "-";
    } else if (in->is_mem) {
        rc = bt_reader_open_mem(in->data, in->len, in->path, o->read_flags, &r, &err);
    } else {
        rc = bt_reader_open(in->path, o->read_flags, &r, &err);
    }
    if (rc) {
        free(buf);
        p->inputs = p->inputs_done = base + 1;
        return submit_error(p, &err);
    }
    const bt_capture *cap;
    bt_reader_stats st = BT_READER_STATS_INIT;
    int out = 0;
    while (!out && ((rc = bt_reader_next(r, &cap, &err)) < 0 || cap)) {
        bt_reader_stats_get(r, &st);
        p->inputs = base + st.files;
        p->inputs_done = base + (st.files ? st.files - 1 : 0);
        p->bytes_done = bytes_base + st.bytes;
        if (rc < 0) {
            out = submit_error(p, &err);
            continue;
        }
        slot j;
        if (fill_slot(p, &j, cap, force_origin ? force_origin : cap->origin ? cap->origin
                                                                             : in->path)) {
            bt_error_set(&err, BT_ENOMEM, "%s: out of memory", in->path);
            out = submit_error(p, &err);
            continue;
        }
        out = submit(p, ro, &j);
    }
    bt_reader_stats_get(r, &st);
    bt_reader_stats_add(&p->reader, &st);
    bt_reader_close(r);
    free(buf);
    if (out)
        return out;
    p->inputs = p->inputs_done = base + st.files;
    p->bytes_done = bytes_base + st.bytes;
    slot end = {0};
    end.kind = JOB_MARK; /* so that the writer counts the input done */
    return submit(p, NULL, &end);
}

static void *reader_main(void *arg)
{
    run *p = arg;
    bt_ingest *g = p->g;
    bt_store *ro = NULL;
    /* its own connection, to skip captures already stored without extracting them */
    if (g->o.db && bt_store_open(g->o.db, BT_STORE_READONLY, &ro, NULL))
        ro = NULL;
    for (size_t i = 0; (g->o.flags & BT_INGEST_COUNT_INPUTS) && i < g->n_in; i++) {
        uint64_t n = 1, bytes = g->in[i].is_mem ? g->in[i].len : 0;
        if (!g->in[i].is_mem)
            bt_reader_count(g->in[i].path, g->o.read_flags, &n, &bytes, NULL);
        p->inputs_total += (size_t)n;
        p->bytes_total += bytes;
    }
    for (size_t i = 0; i < g->n_in; i++)
        if (read_input(p, ro, &g->in[i]))
            break;
    bt_store_close(ro);
    pthread_mutex_lock(&p->mu);
    p->reading_done = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* ---- extraction workers --------------------------------------------------------------------- */

static void run_job(run *p, slot *j)
{
    if (j->kind == JOB_RECORD) {
        j->rc = bt_article_from_json(j->data, j->len, &j->article, &j->err);
        if (j->rc) {
            bt_error inner = j->err;
            bt_error_set(&j->err, j->rc, "%s: %s", j->where, inner.msg);
        } else if (!j->article->title) {
            bt_article_free(j->article);
            j->article = NULL;
            j->rc = bt_error_set(&j->err, BT_EPARSE, "%s: the record has no \"title\"",
                                 j->where);
        } else if (!j->article->origin) {
            j->rc = bt_article_set(&j->article->origin, j->origin, strlen(j->origin));
        }
    } else {
        bt_capture cap = {j->data, j->len, j->charset, j->url, j->origin, j->fetched_at,
                          j->ckind, j->where};
        j->rc = bt_extract_warn(&cap, &p->xo, &j->article, &j->warn, &j->err);
        /* a store keeps articles by their headline: a page without one (an index page, a
         * login wall) is not an article to store, and is skipped as such, not failed */
        if (!j->rc && p->g->store && (!j->article->title || !j->article->title[0])) {
            bt_article_free(j->article);
            j->article = NULL;
            j->rc = bt_error_set(&j->err, BT_ENOARTICLE, "%s: no headline found, not an article",
                                 j->origin);
        }
    }
    /* INDEX_TOKENS: no near-duplicate signature here any more: the FTS index hands the
     * writer the tokens of the article's title, lede and body as it indexes them at the
     * batch's commit (connect_batch), where the workers tokenised the same texts once more
     * for it (the signature was ~195 of ~3,000 perf samples of `bantin add` of 3,000 corpus
     * records with connect on, --jobs 1, 178 of them tokenising). Recording the workers'
     * tokens for the index instead (SHARED_TOKENS' tapes) cost more CPU natively than
     * tokenising twice. With the index's tokens, an add of those 3,000 records, ABBA x8:
     * 1.17 -> 1.02 s CPU with default jobs, 1.00 -> 0.95 s with --jobs 1, connect off
     * unchanged (bench/README.md, issue 16, twelfth and fourteenth passes). */
    /* the bytes are not needed any more (the hash and size are kept): free them now */
    free(j->data);
    j->data = NULL;
}

static void *worker_main(void *arg)
{
    run *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stop && p->claimed < p->filled &&
               p->slots[p->claimed % p->ring].state != SLOT_READY)
            p->claimed++; /* slots the reader finished itself (seen, failed, marks) */
        if (p->stop || (p->claimed == p->filled && p->reading_done))
            break;
        if (p->claimed == p->filled) {
            pthread_cond_wait(&p->cv, &p->mu);
            continue;
        }
        slot *j = &p->slots[p->claimed % p->ring];
        p->claimed++;
        j->state = SLOT_BUSY;
        pthread_mutex_unlock(&p->mu);
        run_job(p, j);
        pthread_mutex_lock(&p->mu);
        j->state = SLOT_DONE;
        pthread_cond_broadcast(&p->cv);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* ---- the writer: delivery in input order (the calling thread) -------------------------------- */

typedef struct writer {
    run *p;
    bt_ingest_stats st;
    size_t in_batch, b_added, b_merged; /* the open batch: counted once it commits */
    double batch_start, start;
    int fatal;
    bt_error fatal_err;
    /* INDEX_TOKENS: the batch's new articles to connect at its commit, in order, and the
     * signatures the index's tokens make (kept from batch to batch, buffers and all) */
    bti_token_sink sink;
    char (*pend)[17];
    size_t npend, cap_pend;
    bti_dup_sig **sigs;
    size_t nsigs, cap_sigs; /* signatures started in this batch; allocated */
    bti_dup_sig *cur;       /* the row whose texts the index is tokenising */
    bti_dup_builder *builder; /* SIG_BUILDER: makes them one after another */
    int64_t cur_n;
} writer;

static void fail(writer *w, const bt_error *err, const bt_ingest_item *item,
                 bt_ingest_stage stage)
{
    const bt_ingest_opts *o = &w->p->g->o;
    if (o->on_failure)
        o->on_failure(o->ctx, err, item, stage);
}

static void progress(writer *w, int event)
{
    const bt_ingest_opts *o = &w->p->g->o;
    w->st.seconds = now_s() - w->start;
    if (o->on_progress)
        o->on_progress(o->ctx, &w->st, event);
}

static void set_fatal(writer *w, const bt_error *err)
{
    w->fatal = 1;
    w->fatal_err = *err;
}

/* ---- INDEX_TOKENS: the signatures from the index's tokens ----------------------------------- */

static int pend_push(writer *w, const char id[17])
{
    if (w->npend == w->cap_pend) {
        size_t cap = w->cap_pend ? 2 * w->cap_pend : 256;
        char(*v)[17] = realloc(w->pend, cap * sizeof *v);
        if (!v)
            return BT_ENOMEM;
        w->pend = v;
        w->cap_pend = cap;
    }
    memcpy(w->pend[w->npend++], id, 17);
    return 0;
}

/* The store's token sink (store/db.h): a row's title starts the next signature of the pool;
 * its lede and body go on with it. */
static void *sink_text(void *ctx, int64_t n, int col)
{
    writer *w = ctx;
    if (col == BTI_SINK_TITLE) {
        w->cur = NULL;
        if (w->nsigs < w->cap_sigs && w->builder) {
            w->cur = w->sigs[w->nsigs++];
            w->cur_n = n;
            bti_dup_sig_start(w->builder, w->cur, n);
        }
        return bti_dup_sig_sink(w->cur);
    }
    if (!w->cur || w->cur_n != n)
        return NULL;
    if (col == BTI_SINK_STOP) { /* handed over in part: not to be used */
        bti_dup_sig_drop(w->cur);
        return NULL;
    }
    return bti_dup_sig_sink(w->cur);
}


/* The near-duplicate step of the batch's new articles, in the order they were added, in the
 * batch's transaction, before its COMMIT: the index is written first (bti_store_index_batch),
 * its tokens making the signatures; an article whose signature it did not make (its texts not
 * handed over whole, or no memory) is signed from its stored text, the same set (connect.h).
 * 0 or an error (the caller rolls the batch back: articles and dup rows go together). */
static int connect_batch(writer *w, bt_error *err)
{
    bt_ingest *g = w->p->g;
    if (!g->dups || !w->npend)
        return 0;
    if (!w->builder && bti_dup_builder_new(&w->builder))
        w->builder = NULL; /* no signatures: each article signed from its stored text */
    if (w->cap_sigs < w->npend) {
        bti_dup_sig **v = realloc(w->sigs, w->npend * sizeof *v);
        if (v) {
            w->sigs = v;
            while (w->cap_sigs < w->npend && !bti_dup_sig_new(&w->sigs[w->cap_sigs]))
                w->cap_sigs++;
        }
    }
    w->nsigs = 0;
    w->cur = NULL;
    if (w->builder) /* the last batch's signatures are done with */
        bti_dup_builder_rewind(w->builder);
    int rc = bti_store_index_batch(g->store, err);
    bti_connect_defer(g->dups); /* DEFER_SORTED: the batch's band-key rows written at its end */
    for (size_t i = 0; !rc && i < w->npend; i++) {
        bti_dup_sig *sig = i < w->nsigs && !bti_dup_sig_finish(w->sigs[i]) ? w->sigs[i] : NULL;
        rc = bti_connect_add(g->dups, w->pend[i], sig, err);
    }
    int frc = bti_connect_flush(g->dups, !rc, err);
    if (!rc)
        rc = frc;
    w->npend = 0;
    w->nsigs = 0;
    w->cur = NULL;
    return rc;
}

static void deliver(writer *w, slot *j)
{
    bt_ingest *g = w->p->g;
    const bt_ingest_opts *o = &g->o;
    bt_ingest_item item = {j->origin, j->where, j->ckind, j->len};
    bt_error err;
    w->st.inputs = j->inputs;
    w->st.inputs_done = j->inputs_done;
    w->st.inputs_total = j->inputs_total;
    w->st.bytes_done = j->bytes_done;
    w->st.bytes_total = j->bytes_total;
    if (j->kind == JOB_MARK)
        return;
    if (j->kind == JOB_SEEN) {
        w->st.captures++;
        w->st.seen++;
        if (o->on_article)
            o->on_article(o->ctx, NULL, &item, BT_STORE_SEEN);
        return;
    }
    if (j->kind == JOB_FAILED) {
        w->st.failed++;
        w->st.failed_read++;
        fail(w, &j->err, NULL, BT_INGEST_READ);
        return;
    }
    if (j->rc == BT_ENOARTICLE) { /* no article there: the page is skipped, not failed */
        w->st.skipped++;
        fail(w, &j->err, &item, BT_INGEST_SKIP);
        return;
    }
    if (j->rc) {
        w->st.failed++;
        w->st.failed_extract++;
        fail(w, &j->err, &item, BT_INGEST_EXTRACT);
        return;
    }
    w->st.captures++;
    if (!g->store) {
        w->st.extracted++;
        if (j->warn.code && o->on_warning)
            o->on_warning(o->ctx, &j->warn, &item);
        if (o->on_article)
            o->on_article(o->ctx, j->article, &item, -1);
        return;
    }
    if (!w->in_batch) {
        if (bt_store_begin(g->store, &err)) {
            fail(w, &err, NULL, BT_INGEST_COMMIT);
            set_fatal(w, &err);
            return;
        }
        w->batch_start = now_s();
    }
    w->in_batch++;
    bt_origin origin = {j->kind == JOB_RECORD ? NULL : j->origin, j->hash, j->len};
    int outcome;
    char id[17] = "";
    /* an article record keeps the id it carries (bti_store_add_own_id), a page its content's */
    int rc = j->kind == JOB_RECORD
                 ? bti_store_add_own_id(g->store, j->article, &origin, &outcome, id, &err)
                 : bt_store_add(g->store, j->article, &origin, &outcome, id, &err);

    if (rc == 0)
        rc = outcome;
    if (rc == BT_STORE_ADDED && g->dups && pend_push(w, id)) {
        /* connected at the commit (connect_batch), in the same transaction */
        bt_error_set(&err, BT_ENOMEM, "ingest: out of memory");
        w->st.failed++;
        w->st.failed_store++;
        fail(w, &err, &item, BT_INGEST_STORE);
        set_fatal(w, &err); /* the batch is rolled back: the article is not half stored */
        return;
    }
    if (rc == BT_STORE_ADDED)
        w->b_added++;
    else if (rc == BT_STORE_MERGED)
        w->b_merged++;
    else if (rc == BT_STORE_SEEN)
        w->st.seen++;
    else {
        w->st.failed++;
        w->st.failed_store++;
        fail(w, &err, &item, BT_INGEST_STORE);
        if (rc == BT_EIO || rc == BT_EDB) /* the database itself: stop */
            set_fatal(w, &err);
        return;
    }
    w->st.extracted++;
    if (j->warn.code && o->on_warning)
        o->on_warning(o->ctx, &j->warn, &item);
    if (o->on_article)
        o->on_article(o->ctx, j->article, &item, rc);
}

static void commit(writer *w)
{
    bt_error err;
    if (connect_batch(w, &err)) {
        w->st.failed_store++;
        fail(w, &err, NULL, BT_INGEST_STORE);
        set_fatal(w, &err);
        bt_store_rollback(w->p->g->store, NULL); /* the articles go with their dup rows */
        w->st.failed += w->b_added + w->b_merged;
    } else if (bt_store_commit(w->p->g->store, &err)) {
        fail(w, &err, NULL, BT_INGEST_COMMIT);
        set_fatal(w, &err);
        w->st.failed += w->b_added + w->b_merged;
    } else {
        w->st.added += w->b_added;
        w->st.merged += w->b_merged;
    }
    w->b_added = w->b_merged = 0;
    w->in_batch = 0;
    if (!w->fatal)
        progress(w, BT_INGEST_COMMITTED);
}

/* How often the writer, idle, looks whether bt_ingest_stop was called (100 ms). */
#define STOP_POLL_NS 100000000L

static void write_loop(writer *w)
{
    run *p = w->p;
    const bt_ingest_opts *o = &p->g->o;
    size_t seq = 0;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        slot *j = &p->slots[seq % p->ring];
        while (!(seq < p->filled && j->state == SLOT_DONE) &&
               !(p->reading_done && seq == p->filled)) {
            if (w->in_batch) {
                /* nothing ready: do not hold the batch (and other writers) waiting */
                struct timespec ts;
                clock_gettime(CLOCK_REALTIME, &ts);
                ts.tv_nsec += 100000000;
                if (ts.tv_nsec >= 1000000000) {
                    ts.tv_sec++;
                    ts.tv_nsec -= 1000000000;
                }
                if (pthread_cond_timedwait(&p->cv, &p->mu, &ts) != 0)
                    break;
            } else {
                /* a signal handler cannot wake the condition: look at bt_ingest_stop's flag
                 * every tenth of a second */
                struct timespec ts;
                clock_gettime(CLOCK_REALTIME, &ts);
                ts.tv_nsec += STOP_POLL_NS;
                if (ts.tv_nsec >= 1000000000) {
                    ts.tv_sec++;
                    ts.tv_nsec -= 1000000000;
                }
                if (pthread_cond_timedwait(&p->cv, &p->mu, &ts) != 0 &&
                    atomic_load(&p->g->stop_asked))
                    break;
            }
        }
        int have = seq < p->filled && j->state == SLOT_DONE;
        int end = !have && p->reading_done && seq == p->filled;
        pthread_mutex_unlock(&p->mu);
        if (have) {
            deliver(w, j);
            pthread_mutex_lock(&p->mu);
            slot_clear(j);
            j->state = SLOT_EMPTY;
            seq++;
            pthread_cond_broadcast(&p->cv);
            pthread_mutex_unlock(&p->mu);
        }
        if (w->in_batch && !w->fatal &&
            (end || !have || w->in_batch >= o->batch ||
             now_s() - w->batch_start >= o->batch_seconds))
            commit(w);
        if (w->fatal) {
            if (w->in_batch) {
                bt_store_rollback(p->g->store, NULL);
                w->st.failed += w->b_added + w->b_merged;
            }
            w->in_batch = 0;
            w->npend = 0;
            pthread_mutex_lock(&p->mu);
            p->stop = 1;
            pthread_cond_broadcast(&p->cv);
            pthread_mutex_unlock(&p->mu);
            break;
        }
        if (atomic_load(&p->g->stop_asked)) { /* commit what is done, read no more */
            if (w->in_batch)
                commit(w);
            w->st.stopped = 1;
            pthread_mutex_lock(&p->mu);
            p->stop = 1;
            pthread_cond_broadcast(&p->cv);
            pthread_mutex_unlock(&p->mu);
            progress(w, BT_INGEST_TICK);
            break;
        }
        progress(w, BT_INGEST_TICK);
        if (end)
            break;
    }
}

void bt_ingest_stop(bt_ingest *g)
{
    if (g)
        atomic_store(&g->stop_asked, 1);
}

static unsigned default_jobs(unsigned jobs)
{
    if (jobs)
        return jobs > 1024 ? 1024 : jobs;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (unsigned)n;
}

int bt_ingest_run(bt_ingest *g, bt_ingest_stats *st, bt_error *err)
{
    bt_error local;
    if (!err)
        err = &local;
    bt_error_clear(err);
    if (st) {
        int bad = bti_out_check(st, "ingest", err);
        if (bad)
            return bad;
    }
    run p;
    memset(&p, 0, sizeof p);
    p.reader.size = sizeof p.reader;
    p.g = g;
    bt_extract_opts xo = BT_EXTRACT_OPTS_INIT;
    p.xo = xo;
    p.xo.site = g->learnt ? g->learnt : g->o.site;
    unsigned jobs = default_jobs(g->o.jobs);
    p.ring = g->o.ring ? g->o.ring : 64;
    if (p.ring < 2 * (size_t)jobs)
        p.ring = 2 * (size_t)jobs;
    writer w;
    memset(&w, 0, sizeof w);
    w.p = &p;
    w.st.size = sizeof w.st;
    w.st.reader.size = sizeof w.st.reader;
    w.start = now_s();
    p.slots = calloc(p.ring, sizeof *p.slots);
    pthread_t reader, *workers = calloc(jobs, sizeof *workers);
    if (!p.slots || !workers) {
        free(p.slots);
        free(workers);
        bti_inputs_clear(g);
        return bt_error_set(err, BT_ENOMEM, "ingest: out of memory");
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cv, NULL);
    unsigned started = 0;
    int rc = 0;
    for (; started < jobs; started++)
        if (pthread_create(&workers[started], NULL, worker_main, &p))
            break;
    if (!started || pthread_create(&reader, NULL, reader_main, &p)) {
        rc = bt_error_set(err, BT_ENOMEM, "ingest: cannot start threads");
        fail(&w, err, NULL, BT_INGEST_COMMIT);
        pthread_mutex_lock(&p.mu);
        p.stop = 1;
        pthread_cond_broadcast(&p.cv);
        pthread_mutex_unlock(&p.mu);
    } else {
        /* one run, one added_at: the run's undated articles are ties to the stories' order */
        if (g->store)
            bti_store_set_add_time(g->store, (int64_t)time(NULL));
        if (g->store && g->dups) {
            w.sink = (bti_token_sink){&w, sink_text, bti_dup_sig_sink_part,
                                      bti_walk_sink_token};
            bti_store_set_token_sink(g->store, &w.sink);
        }
        write_loop(&w);
        if (g->store)
            bti_store_set_token_sink(g->store, NULL);
        pthread_join(reader, NULL);
    }
    for (unsigned i = 0; i < started; i++)
        pthread_join(workers[i], NULL);
    for (size_t i = 0; i < p.ring; i++)
        slot_clear(&p.slots[i]);
    free(p.slots);
    free(workers);
    for (size_t i = 0; i < w.cap_sigs; i++)
        bti_dup_sig_free(w.sigs[i]);
    free(w.sigs);
    bti_dup_builder_free(w.builder);
    free(w.pend);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.cv);
    bti_inputs_clear(g);
    if (!rc && !w.fatal && !w.st.stopped && g->dups) {
        /* the run's articles join their stories, in a transaction of its own: the
         * clustering re-reads the last days in one order (connect/story_db.c), which a
         * batch cannot; a run killed before this leaves them for the next one */
        bt_error e;
        if (bti_stories_update(g->store, 0, &e)) {
            fail(&w, &e, NULL, BT_INGEST_COMMIT);
            set_fatal(&w, &e);
        }
    }
    if (g->store)
        bti_store_set_add_time(g->store, 0);
    atomic_store(&g->stop_asked, 0); /* asked for this run: the next one starts afresh */
    if (!rc && !w.st.stopped) {
        w.st.inputs = p.inputs;
        w.st.inputs_done = p.inputs;
        w.st.inputs_total = p.inputs_total;
        w.st.bytes_done = p.bytes_done;
        w.st.bytes_total = p.bytes_total;
    }
    w.st.reader = p.reader;
    w.st.seconds = now_s() - w.start;
    if (st)
        bti_out_copy(st, &w.st, sizeof w.st);
    if (w.fatal) {
        if (err)
            *err = w.fatal_err;
        return w.fatal_err.code ? w.fatal_err.code : BT_EDB;
    }
    return rc;
}
