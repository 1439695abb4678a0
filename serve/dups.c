/* dups.c: GET /api/articles/{id}/duplicates: the article's near-duplicate group
 * (bantin/connect.h), in the shape of a line of `bantin dups --format json`, so that a client
 * reads one shape from both: {"group":G,"articles":[{"id":"...","similarity":S},...]}, the
 * original first and the article itself among them; an article without copies has
 * {"group":null,"articles":[]}. */
#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ids are 16 hex digits and the numbers are printed by us: nothing to escape */
static char *group_json(const bt_dup_group *g, size_t *len)
{
    /* {"id":"<16>","similarity":0.123}, is 35 bytes; 64 leaves room */
    size_t cap = 64 + (g ? g->n * 64 : 0);
    char *out = malloc(cap);
    if (!out)
        return NULL;
    size_t n;
    if (!g) {
        n = (size_t)snprintf(out, cap, "{\"group\":null,\"articles\":[]}");
    } else {
        n = (size_t)snprintf(out, cap, "{\"group\":%lld,\"articles\":[", (long long)g->group);
        for (size_t i = 0; i < g->n; i++)
            n += (size_t)snprintf(out + n, cap - n, "%s{\"id\":\"%s\",\"similarity\":%.3f}",
                                  i ? "," : "", g->articles[i].id, g->articles[i].similarity);
        n += (size_t)snprintf(out + n, cap - n, "]}");
    }
    *len = n;
    return out;
}

void serve_route_duplicates(struct server *sv, const char *id, struct reply *r)
{
    bt_error err;
    bt_store *s = serve_store(sv, &err);
    bt_dup_group *g = NULL;
    int rc = s ? bt_dups_of(s, id, &g, &err) : err.code;
    if (rc) {
        serve_error(r, rc == BT_ENOTFOUND ? MHD_HTTP_NOT_FOUND : MHD_HTTP_INTERNAL_SERVER_ERROR,
                    rc, "%s", err.msg);
        return;
    }
    r->body = group_json(g, &r->len);
    bt_dup_group_free(g);
    if (!r->body) {
        serve_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, BT_ENOMEM, "out of memory");
        return;
    }
    r->status = MHD_HTTP_OK;
}
