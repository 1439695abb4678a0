/* routes.c: the JSON API under /api/: search, articles, stats, health, the OpenAPI document,
 * and POST /api/articles through the library's ingest pipeline. Every JSON object a route
 * sends is written by the library (bt_search_results_to_json, bt_article_to_json,
 * bt_store_stats_to_json, bt_error_to_json), so the server and the CLI print the same bytes.
 * Stories are bt_stories_list and bt_story_get (bantin/story.h), each story the object of
 * `bantin stories --format json`, an article's story bt_story_of then bt_story_get; related
 * articles come from bt_related_of, an article's near-duplicates from serve/dups.c, the most
 * read from bt_top (bantin/top.h). */
#include "server.h"
#include "params.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *arg(struct MHD_Connection *c, const char *name)
{
    return MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
}

/* a count parameter: absent -> dflt; else digits only, within [0, max] */
static int count_arg(struct MHD_Connection *c, const char *name, size_t dflt, size_t max,
                     size_t *out, struct reply *r)
{
    const char *v = arg(c, name);
    *out = dflt;
    if (v && serve_count(v, max, out)) {
        serve_error(r, MHD_HTTP_BAD_REQUEST, BT_EINVAL, "%s wants a number from 0 to %zu", name,
                    max);
        return -1;
    }
    return 0;
}

/* The end of a route: the JSON its library call wrote into r->body, or, when rc says the call
 * failed, the error with its status: bad input 400, an unknown id 404, else 500 (never 500 for
 * what the client sent). */
static void reply_json(struct reply *r, int rc, const bt_error *err)
{
    if (rc) {
        int status = rc == BT_ENOTFOUND                 ? MHD_HTTP_NOT_FOUND
                     : rc == BT_EINVAL || rc == BT_ELIMIT ? MHD_HTTP_BAD_REQUEST
                                                          : MHD_HTTP_INTERNAL_SERVER_ERROR;
        serve_error(r, status, rc, "%s", err->msg);
        return;
    }
    r->status = MHD_HTTP_OK;
    r->len = strlen(r->body);
}

static void route_search(struct server *sv, struct MHD_Connection *c, struct reply *r)
{
    const char *q = arg(c, "q"), *since = arg(c, "since"), *until = arg(c, "until");
    const char *source = arg(c, "source"), *sort = arg(c, "sort");
    bt_search_opts o = BT_SEARCH_OPTS_INIT;
    if (count_arg(c, "limit", 10, SERVE_MAX_PAGE, &o.limit, r) ||
        count_arg(c, "offset", 0, BT_SEARCH_MAX_WINDOW, &o.offset, r))
        return;
    if (o.offset + o.limit > BT_SEARCH_MAX_WINDOW) {
        serve_error(r, MHD_HTTP_BAD_REQUEST, BT_ELIMIT,
                    "offset + limit may not pass %d: narrow the query instead",
                    BT_SEARCH_MAX_WINDOW);
        return;
    }
    const char *all = arg(c, "all"); /* all=1: near-duplicates listed apart (bantin/search.h) */
    if (all && !strcmp(all, "1"))
        o.all_copies = 1;
    else if (all && *all && strcmp(all, "0")) {
        serve_error(r, MHD_HTTP_BAD_REQUEST, BT_EINVAL, "all is 0 or 1");
        return;
    }
    if (sort && !strcmp(sort, "date"))
        o.sort = BT_SORT_DATE;
    else if (sort && strcmp(sort, "relevance")) {
        serve_error(r, MHD_HTTP_BAD_REQUEST, BT_EINVAL, "sort is relevance or date");
        return;
    }
    if (q && strlen(q) > SERVE_MAX_QUERY) {
        serve_error(r, MHD_HTTP_URI_TOO_LONG, BT_ELIMIT, "q is %zu bytes; %d at most",
                    strlen(q), SERVE_MAX_QUERY);
        return;
    }
    if ((since && *since && !serve_date_ok(since)) || (until && *until && !serve_date_ok(until))) {
        serve_error(r, MHD_HTTP_BAD_REQUEST, BT_EINVAL,
                    "%s is a date: YYYY, YYYY-MM or YYYY-MM-DD",
                    since && *since && !serve_date_ok(since) ? "since" : "until");
        return;
    }
    if (source && (strchr(source, '"') || strlen(source) > SERVE_MAX_SOURCE)) {
        serve_error(r, MHD_HTTP_BAD_REQUEST, BT_EINVAL,
                    "source is a source's name (no quotes, %d bytes at most)", SERVE_MAX_SOURCE);
        return;
    }
    /* the filters are the query language's own (since: until: source:), one code path */
    char *query = serve_search_query(q, since, until, source);
    if (!query) {
        serve_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, BT_ENOMEM, "out of memory");
        return;
    }
    bt_error err;
    bt_store *s = serve_store(sv, &err);
    bt_search_results *res = NULL;
    int rc = s ? bt_search_run(s, query, &o, &res, &err) : err.code;
    free(query);
    if (!rc)
        rc = bt_search_results_to_json(res, 0, &r->body, &err);
    bt_search_results_free(res);
    reply_json(r, rc, &err);
}

/* An article's id: its content id (16 hex digits) or the id its record carried (1 to 16 of
 * A-Z a-z 0-9 . _ : -, bantin/ingest.h): anything else cannot name a stored article. */
static int is_id(const char *s, size_t n)
{
    if (n < 1 || n > 16)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && !strchr("._:-", s[i]))
            return 0;
    return 1;
}

static void route_article(struct server *sv, const char *id, struct reply *r)
{
    bt_error err;
    bt_store *s = serve_store(sv, &err);
    bt_article *a = NULL;
    int rc = s ? bt_store_get(s, id, &a, &err) : err.code;
    if (!rc)
        rc = bt_article_to_json(a, 0, &r->body, &err);
    bt_article_free(a);
    reply_json(r, rc, &err);
    if (!rc)
        serve_count_view(sv, id);
}

/* GET /api/top?days=7&by=views|mentions&limit=10&until=YYYY-MM-DD: bt_top's list. */
static void route_top(struct server *sv, struct MHD_Connection *c, struct reply *r)
{
    size_t days, limit;
    int by = BT_TOP_VIEWS;
    const char *b = arg(c, "by"), *until = arg(c, "until");
    if (count_arg(c, "days", 7, BT_TOP_MAX_DAYS, &days, r) ||
        count_arg(c, "limit", 10, SERVE_MAX_PAGE, &limit, r))
        return;
    if (b && bt_top_by_from_name(b, &by)) {
        serve_error(r, MHD_HTTP_BAD_REQUEST, BT_EINVAL, "by is views or mentions");
        return;
    }
    if (until && (strlen(until) != 10 || !serve_date_ok(until))) {
        serve_error(r, MHD_HTTP_BAD_REQUEST, BT_EINVAL, "until is a date: YYYY-MM-DD");
        return;
    }
    bt_error err;
    bt_store *s = serve_store(sv, &err);
    bt_top_list *l = NULL;
    int rc = s ? bt_top(s, (int)days, by, limit, until && *until ? until : NULL, &l, &err)
               : err.code;
    if (!rc) {
        rc = bt_top_to_json(l, 0, &r->body, &err);
        bt_top_list_free(l);
    }
    reply_json(r, rc, &err);
}

/* GET /api/articles/{id}/related[?k=N]: bt_related_list_to_json, as `bantin related
 * --format json` prints it. */
static void route_related(struct server *sv, struct MHD_Connection *c, const char *id,
                          struct reply *r)
{
    size_t k;
    if (count_arg(c, "k", BT_RELATED_DEFAULT_K, BT_RELATED_MAX_K, &k, r))
        return;
    if (!k) {
        serve_error(r, MHD_HTTP_BAD_REQUEST, BT_EINVAL, "k wants a number from 1 to %d",
                    BT_RELATED_MAX_K);
        return;
    }
    bt_error err;
    bt_store *s = serve_store(sv, &err);
    bt_related_list *l = NULL;
    int rc = s ? bt_related_of(s, id, k, &l, &err) : err.code;
    if (!rc)
        rc = bt_related_list_to_json(l, 0, &r->body, &err);
    bt_related_list_free(l);
    reply_json(r, rc, &err);
}

static void route_stats(struct server *sv, struct reply *r)
{
    bt_error err;
    bt_store_stats st = BT_STORE_STATS_INIT;
    bt_store *s = serve_store(sv, &err);
    int rc = s ? bt_store_stats_get(s, &st, &err) : err.code;
    if (!rc)
        rc = bt_store_stats_to_json(&st, 0, &r->body, &err);
    reply_json(r, rc, &err);
}

static void route_health(struct reply *r)
{
    char buf[96];
    int n = snprintf(buf, sizeof buf, "{\"status\":\"ok\",\"version\":\"%s\"}", bt_version());
    r->body = strdup(buf);
    if (!r->body) {
        serve_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, BT_ENOMEM, "out of memory");
        return;
    }
    r->status = MHD_HTTP_OK;
    r->len = (size_t)n;
}

/* ---- POST /api/articles ----------------------------------------------------------------- */

/* Equal tokens, in a time that does not depend on where they differ (nor, within the
 * configured token's length, on the length of the given one). */
static int token_equal(const char *given, const char *want, size_t want_len)
{
    size_t glen = strlen(given);
    unsigned char diff = glen != want_len;
    for (size_t i = 0; i < want_len; i++)
        diff |= (unsigned char)(want[i] ^ (i < glen ? given[i] : 0));
    return diff == 0;
}

/* what one POST's run gathers: the articles and the failures, as JSON text */
struct post_out {
    char *items;     /* ",{...}" per article */
    size_t len, cap;
    char *failures;  /* ",{error...}" per failure */
    size_t flen, fcap;
    bt_error first;  /* the first failure */
    int n_fail;
};

static int append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t c = *cap ? *cap * 2 : 256;
        while (c < *len + n + 1)
            c *= 2;
        char *b = realloc(*buf, c);
        if (!b)
            return -1;
        *buf = b;
        *cap = c;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = 0;
    return 0;
}

static void on_article(void *ctx, const bt_article *a, const bt_ingest_item *item, int stored)
{
    struct post_out *po = ctx;
    char line[96];
    const char *what = stored == BT_STORE_ADDED    ? "added"
                       : stored == BT_STORE_MERGED ? "merged"
                                                   : "seen";
    /* the id is 16 hex digits, safe in JSON as is; anything else is left out */
    int has = a && a->id && is_id(a->id, strlen(a->id));
    int n = snprintf(line, sizeof line, ",{\"id\":%s%s%s,\"stored\":\"%s\"}", has ? "\"" : "",
                     has ? a->id : "null", has ? "\"" : "", what);
    append(&po->items, &po->len, &po->cap, line, (size_t)n);
}

static void on_failure(void *ctx, const bt_error *err, const bt_ingest_item *item,
                       bt_ingest_stage stage)
{
    struct post_out *po = ctx;
    if (po->n_fail++ == 0)
        po->first = *err;
    char *json = NULL;
    if (!bt_error_to_json(err, NULL, item ? item->where : NULL, &json)) {
        append(&po->failures, &po->flen, &po->fcap, ",", 1);
        append(&po->failures, &po->flen, &po->fcap, json, strlen(json));
        free(json);
    }
}

static void route_post(struct server *sv, struct MHD_Connection *c, const char *body,
                       size_t len, struct reply *r)
{
    if (!sv->token) {
        serve_error(r, MHD_HTTP_FORBIDDEN, BT_EUNSUPPORTED,
                    "this server is read-only: start it with --ingest-token-file to take "
                    "articles");
        return;
    }
    const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                   MHD_HTTP_HEADER_AUTHORIZATION);
    if (!auth || strncmp(auth, "Bearer ", 7) || !token_equal(auth + 7, sv->token,
                                                             sv->token_len)) {
        serve_error(r, MHD_HTTP_FORBIDDEN, BT_EINVAL,
                    "Authorization: Bearer TOKEN is missing or not the server's token");
        return;
    }
    if (!body || !len) {
        serve_error(r, MHD_HTTP_BAD_REQUEST, BT_EINVAL,
                    "the body is empty: send a capture (HTML, text, WARC) or a JSONL of them");
        return;
    }
    struct post_out po = {0};
    bt_ingest_opts io = BT_INGEST_OPTS_INIT;
    io.db = sv->o.db;
    io.jobs = 1; /* the request threads are the server's parallelism */
    io.on_article = on_article;
    io.on_failure = on_failure;
    io.ctx = &po;
    bt_ingest *g = NULL;
    bt_ingest_stats st = BT_INGEST_STATS_INIT;
    bt_error err;
    pthread_mutex_lock(&sv->ingest_lock);
    int rc = bt_ingest_new(&io, &g, &err);
    if (!rc)
        rc = bt_ingest_add_mem(g, body, len, "POST /api/articles", &err);
    if (!rc)
        rc = bt_ingest_run(g, &st, &err);
    bt_ingest_free(g);
    pthread_mutex_unlock(&sv->ingest_lock);
    char *summary = NULL;
    if (!rc)
        rc = bt_ingest_stats_to_json(&st, "", &summary, &err);
    if (rc) {
        serve_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, rc, "%s", err.msg);
    } else if (st.added + st.merged + st.seen == 0) {
        /* nothing in the body was an article: the client's input, not the server */
        serve_error(r, MHD_HTTP_BAD_REQUEST, po.n_fail ? po.first.code : BT_ENOARTICLE, "%s",
                    po.n_fail ? po.first.msg : "the body holds no article");
    } else {
        char *out = NULL;
        size_t olen = 0, ocap = 0;
        int bad = append(&out, &olen, &ocap, "{\"summary\":", 11) ||
                  append(&out, &olen, &ocap, summary, strlen(summary)) ||
                  append(&out, &olen, &ocap, ",\"articles\":[", 13) ||
                  (po.len && append(&out, &olen, &ocap, po.items + 1, po.len - 1)) ||
                  append(&out, &olen, &ocap, "],\"failures\":[", 14) ||
                  (po.flen && append(&out, &olen, &ocap, po.failures + 1, po.flen - 1)) ||
                  append(&out, &olen, &ocap, "]}", 2);
        if (bad) {
            free(out);
            serve_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, BT_ENOMEM, "out of memory");
        } else {
            r->status = MHD_HTTP_OK;
            r->body = out;
            r->len = olen;
        }
    }
    free(summary);
    free(po.items);
    free(po.failures);
}

/* ---- stories ------------------------------------------------------------------------------ */

/* YYYY, YYYY-MM or YYYY-MM-DD (serve_date_ok's forms) as its first second, UTC. */
static int64_t date_start(const char *v)
{
    int y = 0, m = 1, d = 1;
    sscanf(v, "%d-%d-%d", &y, &m, &d);
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    return (int64_t)timegm(&tm);
}

/* GET /api/stories?since=&min_size=&limit=&members=1: {"stories":[story, ...]}, newest
 * activity first, each story as a line of `bantin stories --format json`. */
static void route_stories(struct server *sv, struct MHD_Connection *c, struct reply *r)
{
    bt_stories_opts o = BT_STORIES_OPTS_INIT;
    const char *since = arg(c, "since"), *members = arg(c, "members");
    if (count_arg(c, "limit", 50, SERVE_MAX_PAGE, &o.limit, r) ||
        count_arg(c, "min_size", 0, 1000000, &o.min_size, r))
        return;
    if (since && *since) {
        if (!serve_date_ok(since)) {
            serve_error(r, MHD_HTTP_BAD_REQUEST, BT_EINVAL,
                        "since is a date: YYYY, YYYY-MM or YYYY-MM-DD");
            return;
        }
        o.since = date_start(since);
    }
    if (members && !strcmp(members, "1"))
        o.flags |= BT_STORIES_MEMBERS;
    else if (members && strcmp(members, "0")) {
        serve_error(r, MHD_HTTP_BAD_REQUEST, BT_EINVAL, "members is 0 or 1");
        return;
    }
    bt_error err;
    bt_store *s = serve_store(sv, &err);
    bt_stories *l = NULL;
    int rc = s ? bt_stories_list(s, &o, &l, &err) : err.code;
    if (rc) {
        serve_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, rc, "%s", err.msg);
        return;
    }
    char *out = NULL;
    size_t len = 0, cap = 0;
    int bad = append(&out, &len, &cap, "{\"stories\":[", 12);
    for (size_t i = 0; !bad && i < l->n; i++) {
        char *json = NULL;
        rc = bt_story_to_json(&l->stories[i], 0, &json, &err);
        bad = rc || (i && append(&out, &len, &cap, ",", 1)) ||
              append(&out, &len, &cap, json, strlen(json));
        free(json);
    }
    bt_stories_free(l);
    if (bad || append(&out, &len, &cap, "]}", 2)) {
        free(out);
        serve_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, rc ? rc : BT_ENOMEM, "%s",
                    rc ? err.msg : "out of memory");
        return;
    }
    r->status = MHD_HTTP_OK;
    r->body = out;
    r->len = len;
}

/* GET /api/stories/ID: the story with its articles and timeline (`bantin story --format
 * json ID`). */
static void route_story(struct server *sv, const char *idtext, struct reply *r)
{
    size_t id;
    if (serve_count(idtext, (size_t)INT64_MAX, &id)) {
        serve_error(r, MHD_HTTP_NOT_FOUND, BT_ENOTFOUND,
                    "a story's id is a number (GET /api/stories lists them)");
        return;
    }
    bt_error err;
    bt_store *s = serve_store(sv, &err);
    bt_story *st = NULL;
    int rc = s ? bt_story_get(s, (int64_t)id, &st, &err) : err.code;
    if (!rc)
        rc = bt_story_to_json(st, 0, &r->body, &err);
    bt_story_free(st);
    reply_json(r, rc, &err);
}

/* GET /api/articles/ID/story: the story the article is in, the same object (and bytes) as
 * /api/stories/{its story} and `bantin story --format json`, so the reader draws its
 * timeline in one request; 404 when the article is unknown or not clustered yet. */
static void route_article_story(struct server *sv, const char *id, struct reply *r)
{
    bt_error err;
    bt_store *s = serve_store(sv, &err);
    int64_t sid = 0;
    bt_story *st = NULL;
    int rc = s ? bt_story_of(s, id, &sid, &err) : err.code;
    if (!rc)
        rc = bt_story_get(s, sid, &st, &err);
    if (!rc)
        rc = bt_story_to_json(st, 0, &r->body, &err);
    bt_story_free(st);
    reply_json(r, rc, &err);
}

int serve_api_takes_body(const char *url)
{
    return !strcmp(url, "/api/articles");
}

void serve_api(struct server *sv, struct MHD_Connection *c, const char *method, const char *url,
               const char *body, size_t body_len, struct reply *r)
{
    int get = !strcmp(method, MHD_HTTP_METHOD_GET) || !strcmp(method, MHD_HTTP_METHOD_HEAD);
    int post = !strcmp(method, MHD_HTTP_METHOD_POST);
    const char *p = url + 4; /* after "/api" */
    const char *allow = "GET, HEAD";
    if (!strcmp(p, "/articles")) {
        if (post) {
            route_post(sv, c, body, body_len, r);
            return;
        }
        allow = "POST";
    } else if (get) {
        if (!strcmp(p, "/search"))
            route_search(sv, c, r);
        else if (!strcmp(p, "/stats"))
            route_stats(sv, r);
        else if (!strcmp(p, "/health"))
            route_health(r);
        else if (!strcmp(p, "/openapi.json"))
            serve_asset_reply("openapi.json", r);
        else if (!strcmp(p, "/stories"))
            route_stories(sv, c, r);
        else if (!strcmp(p, "/top"))
            route_top(sv, c, r);
        else if (!strncmp(p, "/stories/", 9) && p[9] && !strchr(p + 9, '/'))
            route_story(sv, p + 9, r);
        else if (!strncmp(p, "/articles/", 10)) {
            const char *id = p + 10, *slash = strchr(id, '/');
            size_t n = slash ? (size_t)(slash - id) : strlen(id);
            if (!is_id(id, n))
                serve_error(r, MHD_HTTP_NOT_FOUND, BT_ENOTFOUND,
                            "an article's id is 16 hex digits, or the 1 to 16 of A-Z a-z 0-9 . _ : - its record carried");
            else if (!slash)
                route_article(sv, id, r);
            else if (!strcmp(slash, "/related")) {
                char full[17];
                snprintf(full, sizeof full, "%.*s", (int)n, id);
                route_related(sv, c, full, r);
            }
            else if (!strcmp(slash, "/duplicates")) {
                char one[17];
                snprintf(one, sizeof one, "%.*s", (int)n, id);
                serve_route_duplicates(sv, one, r);
            }
            else if (!strcmp(slash, "/story")) {
                char one[17];
                snprintf(one, sizeof one, "%.*s", (int)n, id);
                route_article_story(sv, one, r);
            }
            else
                serve_error(r, MHD_HTTP_NOT_FOUND, BT_ENOTFOUND, "no route at %s", url);
        } else
            serve_error(r, MHD_HTTP_NOT_FOUND, BT_ENOTFOUND,
                        "no route here: /api/openapi.json lists them");
        return;
    }
    /* a known route, another method; or an unknown one */
    int known = !strcmp(p, "/articles") || !strcmp(p, "/search") || !strcmp(p, "/stats") ||
                !strcmp(p, "/health") || !strcmp(p, "/openapi.json") ||
                !strncmp(p, "/articles/", 10) || !strncmp(p, "/stories", 8) ||
                !strcmp(p, "/top");
    if (!known) {
        serve_error(r, MHD_HTTP_NOT_FOUND, BT_ENOTFOUND,
                    "no route here: /api/openapi.json lists them");
        return;
    }
    serve_error(r, MHD_HTTP_METHOD_NOT_ALLOWED, BT_EUNSUPPORTED, "%s takes %s, not %s", url,
                allow, method);
    r->allow = allow;
}
