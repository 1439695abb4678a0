/* serve.h: `bantin serve`, the HTTP server (JSON API + web page) over a store; a client of
 * the public API (include/bantin.h) only. The CLI parses the options; serve_run runs. */
#ifndef BT_SERVE_H
#define BT_SERVE_H

#include <stddef.h>

struct serve_opts {
    const char *db;           /* the store's path */
    const char *bind;         /* an IPv4 or IPv6 address to listen on */
    unsigned port;            /* 0: the kernel picks (the log's first line says which) */
    unsigned threads;         /* request threads, each with its own read-only store */
    const char *token_file;   /* enables POST /api/articles with this file's token, or NULL */
    int quiet;                /* no access log */
    size_t max_body;          /* bytes of a POST body at most */
    unsigned idle_timeout;    /* seconds a connection may stay idle (slowloris) */
    unsigned max_per_client;  /* connections from one address at most */
    unsigned max_connections; /* connections in all at most */
    unsigned max_queue;       /* requests in flight at most; more are answered 429 */
    int count_views;          /* GET /api/articles/ID counts a view (bantin top): the one
                                 route that then writes, through one shared connection */
};

/* 256 connections per address: an office or a school is often one address (NAT), and a load
 * check opens 64 at once. 256 requests in flight: at a search's ~8 ms on 4 threads, the last
 * would wait half a second; past that a client does better to come back (429) than to queue */
#define SERVE_OPTS_INIT {NULL, "127.0.0.1", 8080, 4, NULL, 0, 8u << 20, 10, 256, 512, 256, 0}

/* Serves until SIGINT or SIGTERM (which the caller must leave unhandled), then lets the
 * requests in flight finish. Returns the process exit status: 0 after a clean stop, 1 when
 * the server could not start (the message is on stderr). */
int serve_run(const struct serve_opts *o);

/* `bantin serve ARGS...` (argv[0] is "serve"): parses the options (--help), then serve_run. */
int serve_main(int argc, char **argv);

#endif
