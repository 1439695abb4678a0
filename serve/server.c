/* server.c: the life of `bantin serve`: libmicrohttpd's daemon with a thread pool, a read-only
 * store per request thread, the request's body and its access log line, and a graceful stop
 * on SIGINT/SIGTERM (no new connections, the ones in flight finish). */
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* how long a stop waits for the connections in flight before it closes them: a search takes
 * milliseconds, an ingest of a large body seconds */
#define SERVE_DRAIN_SECONDS 10

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void close_store(void *p)
{
    bt_store_close(p);
}

bt_store *serve_store(struct server *sv, bt_error *err)
{
    bt_store *s = pthread_getspecific(sv->store_key);
    if (s)
        return s;
    if (bt_store_open(sv->o.db, BT_STORE_READONLY, &s, err))
        return NULL;
    if (pthread_setspecific(sv->store_key, s)) {
        bt_store_close(s);
        bt_error_set(err, BT_ENOMEM, "%s: no room for the thread's store", sv->o.db);
        return NULL;
    }
    return s;
}

void serve_count_view(struct server *sv, const char *id)
{
    if (!sv->o.count_views)
        return;
    bt_error err;
    pthread_mutex_lock(&sv->views_lock);
    /* the request threads read through read-only connections (their guarantee holds); views
     * go through this one writer, opened once, one view at a time */
    if (!sv->views_store && !sv->views_off &&
        bt_store_open(sv->o.db, BT_STORE_EXISTING, &sv->views_store, &err)) {
        sv->views_off = 1;
        fprintf(stderr, "bantin: serve: views are not counted: %s\n", err.msg);
    }
    if (sv->views_store && bt_article_view(sv->views_store, id, &err) && !sv->o.quiet)
        fprintf(stderr, "bantin: serve: a view of %s was not counted: %s\n", id, err.msg);
    pthread_mutex_unlock(&sv->views_lock);
}

/* The request's target as sent, before MHD decodes it: the log shows what the client asked. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    struct server *sv = cls;
    struct req *rq = calloc(1, sizeof *rq);
    if (!rq)
        return NULL;
    atomic_fetch_add(&sv->in_flight, 1);
    rq->uri = strdup(uri ? uri : "");
    rq->t0 = now_seconds();
    return rq;
}

/* The log line's text of a hostile string: printable ASCII as is, other bytes as \xNN, and
 * cut at `max` bytes (a log line per request, not a copy of it). */
static void log_escape(FILE *f, const char *s, size_t max)
{
    size_t n = 0;
    for (; *s && n < max; s++, n++) {
        unsigned char ch = (unsigned char)*s;
        if (ch < 0x20 || ch >= 0x7f || ch == '"' || ch == '\\')
            fprintf(f, "\\x%02x", ch);
        else
            fputc(ch, f);
    }
    if (*s)
        fputs("...", f);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    struct server *sv = cls;
    struct req *rq = *con_cls;
    if (!rq)
        return;
    if (!sv->o.quiet) {
        char addr[INET6_ADDRSTRLEN] = "-";
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        if (ci && ci->client_addr) {
            const struct sockaddr *sa = ci->client_addr;
            if (sa->sa_family == AF_INET)
                inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
                          addr, sizeof addr);
            else if (sa->sa_family == AF_INET6)
                inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
                          addr, sizeof addr);
        }
        pthread_mutex_lock(&sv->log_lock);
        time_t t = time(NULL);
        struct tm tm;
        char when[32];
        gmtime_r(&t, &tm);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        fprintf(stderr, "%s %s \"%s ", when, addr, rq->method[0] ? rq->method : "-");
        log_escape(stderr, rq->uri, 512);
        fprintf(stderr, "\" %d %zu %.1fms%s\n", rq->status, rq->bytes,
                (now_seconds() - rq->t0) * 1e3,
                toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (cut)");
        fflush(stderr);
        pthread_mutex_unlock(&sv->log_lock);
    }
    atomic_fetch_sub(&sv->in_flight, 1);
    free(rq->uri);
    free(rq->body);
    free(rq);
    *con_cls = NULL;
}

/* Appends a chunk of the body, or drops it past the limit (the reply is then 413). */
static void take_body(struct server *sv, struct req *rq, const char *data, size_t n)
{
    if (rq->body_too_big || n > sv->o.max_body - rq->body_len) {
        rq->body_too_big = 1;
        return;
    }
    if (rq->body_len + n + 1 > rq->body_cap) {
        size_t cap = rq->body_cap ? rq->body_cap : 4096;
        while (cap < rq->body_len + n + 1)
            cap *= 2;
        char *b = realloc(rq->body, cap);
        if (!b) {
            rq->body_too_big = 1;
            return;
        }
        rq->body = b;
        rq->body_cap = cap;
    }
    memcpy(rq->body + rq->body_len, data, n);
    rq->body_len += n;
    rq->body[rq->body_len] = 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    struct server *sv = cls;
    struct req *rq = *con_cls;
    struct reply r = {0};
    if (!rq)
        return MHD_NO; /* out of memory at its start: drop the connection */
    int post = !strcmp(method, MHD_HTTP_METHOD_POST);
    if (!rq->started) {
        rq->started = 1;
        snprintf(rq->method, sizeof rq->method, "%s", method);
        if (atomic_load(&sv->in_flight) > sv->o.max_queue) {
            serve_error(&r, MHD_HTTP_TOO_MANY_REQUESTS, BT_ELIMIT,
                        "the server is busy (%u requests in flight): try again in a moment",
                        sv->o.max_queue);
            r.retry_after = 1;
            return serve_send(c, rq, &r);
        }
        if (post && serve_api_takes_body(url)) {
            /* a body announced beyond the limit is refused before it is read */
            const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                         MHD_HTTP_HEADER_CONTENT_LENGTH);
            if (cl && strtoull(cl, NULL, 10) > sv->o.max_body) {
                serve_error(&r, 413, BT_ELIMIT,
                            "the body is %s bytes; this server takes %zu at most", cl,
                            sv->o.max_body);
                return serve_send(c, rq, &r);
            }
        }
        /* answered on the next call: a reply queued on the first one (before MHD has taken
         * the whole request) makes it close the connection, and keep-alive is lost */
        return MHD_YES;
    }
    if (post && serve_api_takes_body(url) && *upload_data_size) {
        take_body(sv, rq, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (rq->body_too_big) {
        serve_error(&r, 413, BT_ELIMIT,
                    "the body is more than %zu bytes, the most this server takes",
                    sv->o.max_body);
        return serve_send(c, rq, &r);
    }
    if (!strncmp(url, "/api/", 5) || !strcmp(url, "/api"))
        serve_api(sv, c, method, url, rq->body, rq->body_len, &r);
    else
        serve_static(method, url, &r);
    return serve_send(c, rq, &r);
}

static int read_token(struct server *sv, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bantin: serve: %s: %s\n", path, strerror(errno));
        return -1;
    }
    char buf[1024];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == ' '))
        buf[--n] = 0;
    if (n < SERVE_MIN_TOKEN || strlen(buf) != n) {
        fprintf(stderr, "bantin: serve: %s: the token must be one line of at least %d "
                "characters\n", path, SERVE_MIN_TOKEN);
        return -1;
    }
    sv->token = strdup(buf);
    sv->token_len = n;
    memset(buf, 0, sizeof buf);
    return sv->token ? 0 : -1;
}

/* The store must be there before the first request (a clear error at start, not 500s);
 * with ingest on, an absent one is created. */
static int check_store(const struct server *sv)
{
    bt_store *s;
    bt_error err;
    unsigned flags = sv->token ? 0 : BT_STORE_READONLY;
    if (bt_store_open(sv->o.db, flags, &s, &err)) {
        fprintf(stderr, "bantin: serve: %s%s\n", err.msg,
                err.code == BT_ENOTFOUND ? " ('bantin add --db PATH FILES' makes one)" : "");
        return -1;
    }
    bt_store_close(s);
    return 0;
}

static int make_addr(const struct serve_opts *o, struct sockaddr_storage *ss)
{
    memset(ss, 0, sizeof *ss);
    struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, o->bind, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)o->port);
        return AF_INET;
    }
    if (inet_pton(AF_INET6, o->bind, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)o->port);
        return AF_INET6;
    }
    fprintf(stderr, "bantin: serve: --bind wants an IPv4 or IPv6 address, not '%s'\n", o->bind);
    return -1;
}

int serve_run(const struct serve_opts *o)
{
    struct server sv;
    memset(&sv, 0, sizeof sv);
    sv.o = *o;
    struct sockaddr_storage ss;
    int family = make_addr(o, &ss);
    if (family < 0)
        return 1;
    if (o->token_file && read_token(&sv, o->token_file))
        return 1;
    if (check_store(&sv)) {
        free(sv.token);
        return 1;
    }
    pthread_key_create(&sv.store_key, close_store);
    pthread_mutex_init(&sv.ingest_lock, NULL);
    pthread_mutex_init(&sv.views_lock, NULL);
    pthread_mutex_init(&sv.log_lock, NULL);

    /* SIGINT/SIGTERM are blocked in every thread (the pool inherits the mask) and taken by
     * sigwait below: no handler, no global flag */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigset_t old;
    pthread_sigmask(SIG_BLOCK, &stop, &old);
    signal(SIGPIPE, SIG_IGN);

    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ITC;
    if (family == AF_INET6)
        flags |= MHD_USE_IPv6;
    sv.d = MHD_start_daemon(
        flags, (uint16_t)o->port, NULL, NULL, on_request, &sv,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)(o->threads ? o->threads : 1),
        MHD_OPTION_CONNECTION_LIMIT, (unsigned int)o->max_connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)o->max_per_client,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)o->idle_timeout,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_MAX_HEADERS,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, &sv,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, &sv,
        MHD_OPTION_END);
    int rc = 0;
    if (!sv.d) {
        fprintf(stderr, "bantin: serve: cannot listen on %s port %u: %s\n", o->bind, o->port,
                strerror(errno ? errno : EADDRINUSE));
        rc = 1;
    } else {
        const union MHD_DaemonInfo *di = MHD_get_daemon_info(sv.d, MHD_DAEMON_INFO_BIND_PORT);
        unsigned port = di ? di->port : o->port;
        fprintf(stderr, "bantin: serving %s on http://%s%s%s:%u/ (API at /api/, %s; Ctrl-C stops)\n",
                o->db, family == AF_INET6 ? "[" : "", o->bind, family == AF_INET6 ? "]" : "",
                port, sv.token ? "POST /api/articles on" : o->count_views ? "counting views" : "read-only");
        fflush(stderr);
        int sig = 0;
        sigwait(&stop, &sig);
        if (!o->quiet)
            fprintf(stderr, "bantin: serve: %s: stopping after the requests in flight\n",
                    sig == SIGINT ? "SIGINT" : "SIGTERM");
        MHD_socket ls = MHD_quiesce_daemon(sv.d);
        /* requests, not connections: an idle keep-alive connection has nothing to finish */
        for (int i = 0; i < SERVE_DRAIN_SECONDS * 20 && atomic_load(&sv.in_flight); i++)
            usleep(50000);
        MHD_stop_daemon(sv.d);
        if (ls != MHD_INVALID_SOCKET)
            close(ls);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    /* the pool's threads closed their stores on exit (the key's destructor); the main thread
     * opened none */
    pthread_key_delete(sv.store_key);
    pthread_mutex_destroy(&sv.ingest_lock);
    pthread_mutex_destroy(&sv.views_lock);
    pthread_mutex_destroy(&sv.log_lock);
    bt_store_close(sv.views_store);
    if (sv.token) {
        memset(sv.token, 0, sv.token_len);
        free(sv.token);
    }
    return rc;
}
