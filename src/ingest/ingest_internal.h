/* ingest_internal.h: the bt_ingest handle shared by the files of the ingest stage: the queued
 * inputs and the options, filled with their defaults. */
#ifndef BT_INGEST_INTERNAL_H
#define BT_INGEST_INTERNAL_H

#include "bantin/ingest.h"
#include "connect/connect.h"

#include <stdatomic.h>

typedef struct bti_input {
    char *path;       /* a path, "-" for stdin, or the name of a memory input */
    const void *data; /* a memory input (borrowed), or NULL */
    size_t len;
    int is_mem;
} bti_input;

struct bt_ingest {
    bt_ingest_opts o; /* every field set: the caller's, or the defaults */
    bt_store *store;  /* the writer's connection, when o.db */
    bti_connect *dups; /* near-duplicates, on the writer's connection (NULL: not kept) */
    bti_input *in;
    size_t n_in, cap_in;
    bt_site_model *learnt; /* from bt_ingest_learn_site: replaces o.site */
    atomic_int stop_asked; /* bt_ingest_stop: set from a signal handler or another thread */
};

/* Whether an input is stdin. */
int bti_input_is_stdin(const bti_input *in);

/* Drops the queued inputs (after a run). */
void bti_inputs_clear(bt_ingest *g);

#endif
