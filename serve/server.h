/* server.h: what the files of serve/ share: the server, one request's state, a reply, and the
 * route handlers. Not a public header: only serve/ and cli/cmd_serve.c (through serve.h) see it. */
#ifndef BT_SERVE_SERVER_H
#define BT_SERVE_SERVER_H

#include "bantin.h"
#include "serve.h"

#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>

/* Limits of bad or greedy input, each answered with its status rather than served. */
#define SERVE_MAX_QUERY 1024       /* bytes of q (414): a person's query is a few words; the
                                      parser's own limit is far beyond what anyone types */
#define SERVE_MAX_PAGE 100         /* results per page (400): a page is read by a person; a
                                      script pages */
#define SERVE_MAX_HEADERS (32u << 10) /* bytes of the request line and headers (414/431):
                                      MHD's per-connection memory, which also bounds them */
#define SERVE_MIN_TOKEN 16         /* characters of an ingest token at least: a shorter one
                                      could be guessed */
#define SERVE_GZIP_MIN 512         /* bytes below which gzip saves less than its headers cost */

struct server {
    struct serve_opts o;
    struct MHD_Daemon *d;
    pthread_key_t store_key;       /* each request thread's read-only bt_store */
    char *token;                   /* NULL: POST /api/articles is off (403) */
    size_t token_len;
    pthread_mutex_t ingest_lock;   /* one writer at a time */
    pthread_mutex_t views_lock;    /* guards views_store */
    bt_store *views_store;         /* the one write connection views are counted through
                                      (--count-views), opened on the first view */
    int views_off;                 /* it could not be opened: views are not counted */
    pthread_mutex_t log_lock;      /* one access log line at a time */
    atomic_uint in_flight;         /* requests begun and not yet completed (429 past
                                      o.max_queue) */
};

/* One request, from its first byte to its log line. */
struct req {
    char *uri;        /* the request line's target as sent (for the log) */
    double t0;        /* monotonic seconds at its start */
    int started;      /* the handler has seen it once */
    char method[8];   /* GET, POST, ... (cut) */
    int status;       /* the status sent (0: none yet) */
    size_t bytes;     /* body bytes sent */
    char *body;       /* a POST's body so far */
    size_t body_len, body_cap;
    int body_too_big; /* the body passed o.max_body: dropped, answered 413 */
};

/* A reply before it is sent: a body (owned unless `borrowed`) and its type. */
struct reply {
    int status;
    char *body;
    size_t len;
    const char *type;
    int borrowed;     /* body is static (an asset): not freed */
    const char *allow; /* for 405: the methods the route takes */
    int retry_after;   /* for 429: seconds, or 0 */
};

/* The thread's read-only store (opened on its first request), or NULL with `err` filled. */
bt_store *serve_store(struct server *sv, bt_error *err);

/* Counts a view of article `id` when the server was asked to (--count-views); a view that
 * cannot be written is not the reader's problem: the article is sent all the same. */
void serve_count_view(struct server *sv, const char *id);

/* Fills `r` with the error object of bt_error_to_json (code `code`, message `fmt`...) and
 * `status`. Returns 0, or -1 when out of memory (then r holds a fixed body). */
int serve_error(struct reply *r, int status, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Sends `r` with the headers every reply has (security, cache validation), gzipped when the
 * client takes it, or 304 when If-None-Match names its ETag; takes r->body. */
enum MHD_Result serve_send(struct MHD_Connection *c, struct req *rq, struct reply *r);

/* The API (/api/...): fills `r`. `body` is a POST's body (NULL for GET). */
void serve_api(struct server *sv, struct MHD_Connection *c, const char *method, const char *url,
               const char *body, size_t body_len, struct reply *r);

/* GET /api/articles/{id}/duplicates (serve/dups.c); `id` is 16 hex digits. */
void serve_route_duplicates(struct server *sv, const char *id, struct reply *r);

/* Whether a POST to `url` is one the server takes a body for (so the body is read). */
int serve_api_takes_body(const char *url);

/* The asset `name` (assets.h) as the reply, or 404. */
void serve_asset_reply(const char *name, struct reply *r);

/* The web page's files (every other GET): fills `r`. */
void serve_static(const char *method, const char *url, struct reply *r);

#endif
