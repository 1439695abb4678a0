/* ingest.c: the bt_ingest handle: options with their defaults, the queue of inputs, and the
 * site-model learning pass over them. The run itself is run.c. */
#include "ingest/ingest_internal.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define LEARN_MAX_CAPTURES 5000 /* enough pages to tell a site's furniture */

int bt_ingest_new(const bt_ingest_opts *opts, bt_ingest **out, bt_error *err)
{
    *out = NULL;
    bt_ingest *g = calloc(1, sizeof *g);
    if (!g)
        return bt_error_set(err, BT_ENOMEM, "ingest: out of memory");
    bt_ingest_opts def = BT_INGEST_OPTS_INIT;
    g->o = def;
    if (opts) {
        /* an older caller's struct is shorter: the fields it does not know keep defaults */
        size_t n = opts->size < sizeof g->o ? opts->size : sizeof g->o;
        if (n < offsetof(bt_ingest_opts, jobs)) {
            free(g);
            return bt_error_set(err, BT_EINVAL, "ingest: options without their size "
                                "(start from BT_INGEST_OPTS_INIT)");
        }
        memcpy(&g->o, opts, n);
        g->o.size = sizeof g->o;
    }
    if (!g->o.batch)
        g->o.batch = 1000;
    if (!(g->o.batch_seconds > 0))
        g->o.batch_seconds = 1.0;
    if (g->o.db) {
        int rc = bt_store_open(g->o.db, 0, &g->store, err);
        /* near-duplicates are found as articles are stored (an index left incomplete is
         * caught up here, once) */
        if (!rc && !(g->o.flags & BT_INGEST_NO_CONNECT))
            rc = bti_connect_open(g->store, &g->dups, err);
        if (rc) {
            bt_store_close(g->store);
            free(g);
            return rc;
        }
    }
    *out = g;
    return 0;
}

void bti_inputs_clear(bt_ingest *g)
{
    for (size_t i = 0; i < g->n_in; i++)
        free(g->in[i].path);
    g->n_in = 0;
}

void bt_ingest_free(bt_ingest *g)
{
    if (!g)
        return;
    bti_inputs_clear(g);
    free(g->in);
    bti_connect_close(g->dups);
    bt_store_close(g->store);
    bt_site_model_free(g->learnt);
    free(g);
}

int bti_input_is_stdin(const bti_input *in) { return !in->is_mem && !strcmp(in->path, "-"); }

static int push_input(bt_ingest *g, const char *path, const void *data, size_t len, int is_mem,
                      bt_error *err)
{
    if (g->n_in == g->cap_in) {
        size_t cap = g->cap_in ? g->cap_in * 2 : 16;
        bti_input *v = realloc(g->in, cap * sizeof *v);
        if (!v)
            return bt_error_set(err, BT_ENOMEM, "%s: out of memory", path);
        g->in = v;
        g->cap_in = cap;
    }
    bti_input *in = &g->in[g->n_in];
    if (!(in->path = strdup(path)))
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", path);
    in->data = data;
    in->len = len;
    in->is_mem = is_mem;
    g->n_in++;
    return 0;
}

int bt_ingest_add_path(bt_ingest *g, const char *path, bt_error *err)
{
    if (!path || !*path)
        return bt_error_set(err, BT_EINVAL, "ingest: an empty path");
    return push_input(g, path, NULL, 0, 0, err);
}

int bt_ingest_add_mem(bt_ingest *g, const void *data, size_t len, const char *name,
                      bt_error *err)
{
    if (!data && len)
        return bt_error_set(err, BT_EINVAL, "%s: no bytes", name ? name : "<memory>");
    return push_input(g, name ? name : "<memory>", data ? data : "", len, 1, err);
}

int bt_ingest_learn_site(bt_ingest *g, size_t max_captures, const bt_site_model **model,
                         bt_error *err)
{
    if (!max_captures)
        max_captures = LEARN_MAX_CAPTURES;
    bt_site_model *m = bt_site_model_new();
    if (!m)
        return bt_error_set(err, BT_ENOMEM, "site model: out of memory");
    size_t seen = 0;
    for (size_t i = 0; i < g->n_in && seen < max_captures; i++) {
        const bti_input *in = &g->in[i];
        bt_reader *rd;
        bt_error e;
        if (bti_input_is_stdin(in))
            continue;
        if (in->is_mem ? bt_reader_open_mem(in->data, in->len, in->path, g->o.read_flags, &rd, &e)
                       : bt_reader_open(in->path, g->o.read_flags, &rd, &e))
            continue;
        const bt_capture *cap;
        int rc;
        while (seen < max_captures && ((rc = bt_reader_next(rd, &cap, &e)) < 0 || cap))
            if (rc == 0 && cap->kind != BT_KIND_RECORD && bt_site_model_learn(m, cap, &e) == 0)
                seen++;
        bt_reader_close(rd);
    }
    bt_site_model_free(g->learnt);
    g->learnt = m;
    if (model)
        *model = m;
    return 0;
}
