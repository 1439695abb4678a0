/* summary.c: the summary of a run as the JSON object `bantin add --json` prints. */
#include "core/opts.h"
#include "ingest/ingest_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *stats_json(const bt_ingest_stats *st, const char *db, bt_error *err)
{
    json_t *name = json_string(db ? db : "");
    if (!name) { /* JSON strings are Unicode: the path cannot be told in one */
        bt_error_set(err, BT_EINVAL, "%s: the database path is not UTF-8", db);
        return NULL;
    }
    json_t *o = json_object();
    int bad = !o;
    struct {
        const char *key;
        size_t n;
    } counts[] = {{"inputs", st->inputs}, {"captures", st->captures}, {"added", st->added},
                  {"merged", st->merged}, {"seen", st->seen},         {"skipped", st->skipped},
                  {"failed", st->failed}};
    if (bad)
        json_decref(name);
    bad = bad || json_object_set_new(o, "db", name);
    for (size_t i = 0; !bad && i < sizeof counts / sizeof counts[0]; i++)
        bad = json_object_set_new(o, counts[i].key, json_integer((json_int_t)counts[i].n));
    char *head = bad ? NULL : json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    /* jansson writes reals with %.17g: the seconds keep their fixed three decimals by hand */
    size_t n = head ? strlen(head) : 0;
    char *out = head ? malloc(n + 48) : NULL;
    if (!out) {
        free(head);
        bt_error_set(err, BT_ENOMEM, "summary: out of memory");
        return NULL;
    }
    memcpy(out, head, n - 1); /* without the closing brace */
    snprintf(out + n - 1, 48, ",\"seconds\":%.3f}", st->seconds);
    free(head);
    return out;
}

int bt_ingest_stats_to_json(const bt_ingest_stats *st, const char *db, char **out, bt_error *err)
{
    bt_error local, *e = err ? err : &local; /* the code is wanted even without a report */
    bt_error_clear(e);
    *out = NULL;
    /* a caller's struct may be older (shorter): the fields it lacks read as zero */
    static const bt_ingest_stats zero = {0};
    bt_ingest_stats full;
    if (!st)
        return bt_error_set(e, BT_EINVAL, "summary: no stats");
    int bad = bti_opts_copy(&full, sizeof full, &zero, st, "summary", e);
    if (bad)
        return bad;
    *out = stats_json(&full, db, e);
    return *out ? 0 : e->code ? e->code : BT_ENOMEM;
}
