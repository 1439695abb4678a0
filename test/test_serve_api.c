/* test_serve_api.c: the HTTP API of `bantin serve`, end to end: the sanitizer build of the
 * binary ($BANTIN_BIN) runs as a child on 127.0.0.1 with a port the kernel picks, over a store
 * made from samples/ and a few records; a small HTTP/1.1 client below talks to it over a
 * socket. Every route the served OpenAPI document lists is called and must answer a status the
 * document gives it; every error status the server sends (400, 403, 404, 405, 413, 414, 431,
 * 429) is provoked; the replies' content is checked (ids,
 * members, the CLI's bytes); many readers search while a writer POSTs articles; an idle half
 * request is cut off; SIGTERM lets the request in flight finish and exits 0 (the child's
 * sanitizers are quiet). */
#include "support.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define TOKEN "s3cret-token-for-the-test-0123456789"
#define MAX_BODY 65536
#define IDLE_SECONDS 2
/* how long a reply may take before the client gives up: generous, the child runs under ASan
 * on a shared machine; the suite does not time anything */
#define REPLY_SECONDS 60

/* ---- a small HTTP/1.1 client ---------------------------------------------------------- */

struct resp {
    int status;
    char *head;  /* the status line and headers, NUL-terminated */
    char *body;  /* NUL-terminated */
    size_t len;
};

static void resp_free(struct resp *r)
{
    free(r->head);
    free(r->body);
    memset(r, 0, sizeof *r);
}

static int connect_to(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    struct timeval tv = {REPLY_SECONDS, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a)) {
        close(fd);
        return -1;
    }
    return fd;
}

static int send_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* The value of header `name` in `head` (a fresh string), or NULL. */
static char *header(const char *head, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = strstr(head, "\r\n"); p && p[2]; p = strstr(p + 2, "\r\n")) {
        if (!strncasecmp(p + 2, name, n) && p[2 + n] == ':') {
            const char *v = p + 3 + n, *e;
            while (*v == ' ')
                v++;
            e = strstr(v, "\r\n");
            return strndup(v, e ? (size_t)(e - v) : strlen(v));
        }
    }
    return NULL;
}

/* Reads one reply from `fd` (its body by Content-Length, or to the close). 0 or -1. */
static int read_reply(int fd, int head_only, struct resp *out)
{
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    char *end = NULL;
    memset(out, 0, sizeof *out);
    if (!buf)
        return -1;
    for (;;) {
        buf[len] = 0;
        if ((end = strstr(buf, "\r\n\r\n")) != NULL)
            break;
        if (len + 1 == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b)
                goto fail;
            buf = b;
        }
        ssize_t n = recv(fd, buf + len, cap - len - 1, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            goto fail;
        len += (size_t)n;
    }
    size_t hlen = (size_t)(end - buf) + 4;
    out->head = strndup(buf, hlen - 2); /* keep the last header's \r\n */
    if (!out->head || sscanf(buf, "HTTP/1.%*d %d", &out->status) != 1)
        goto fail;
    char *cl = header(out->head, "Content-Length");
    long long want = cl ? atoll(cl) : -1;
    free(cl);
    if (head_only || out->status == 304 || out->status == 204)
        want = 0;
    size_t have = len - hlen;
    size_t bcap = (want >= 0 ? (size_t)want : have + 4096) + 1;
    out->body = malloc(bcap);
    if (!out->body)
        goto fail;
    memcpy(out->body, buf + hlen, have < bcap - 1 ? have : bcap - 1);
    out->len = have < bcap - 1 ? have : bcap - 1;
    while (want < 0 || out->len < (size_t)want) {
        if (want < 0 && out->len + 1 == bcap) {
            char *b = realloc(out->body, bcap *= 2);
            if (!b)
                goto fail;
            out->body = b;
        }
        ssize_t n = recv(fd, out->body + out->len, bcap - out->len - 1, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 || (n == 0 && want >= 0))
            goto fail;
        if (n == 0)
            break;
        out->len += (size_t)n;
    }
    out->body[out->len] = 0;
    free(buf);
    return 0;
fail:
    free(buf);
    resp_free(out);
    return -1;
}

/* Sends one request on `fd`; `headers` are extra lines, each ending in \r\n. */
static int send_request(int fd, const char *method, const char *path, const char *headers,
                        const char *body, size_t blen)
{
    char *req = NULL;
    size_t rlen = 0;
    FILE *f = open_memstream(&req, &rlen);
    if (!f)
        return -1;
    fprintf(f, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%s", method, path, headers ? headers : "");
    if (body)
        fprintf(f, "Content-Length: %zu\r\n", blen);
    fputs("\r\n", f);
    fclose(f);
    int rc = send_all(fd, req, rlen);
    free(req);
    if (!rc && body && blen)
        rc = send_all(fd, body, blen);
    return rc;
}

/* One request on a connection of its own. 0 with *out filled, or -1. */
static int http(int port, const char *method, const char *path, const char *headers,
                const char *body, size_t blen, struct resp *out)
{
    int fd = connect_to(port);
    if (fd < 0)
        return -1;
    int rc = send_request(fd, method, path, headers, body, blen);
    if (!rc)
        rc = read_reply(fd, !strcmp(method, "HEAD"), out);
    close(fd);
    return rc;
}

/* a JSON string's value, or "" */
static const char *str(json_t *j)
{
    const char *s = json_string_value(j);
    return s ? s : "";
}

static json_t *json_of(const struct resp *r)
{
    return json_loadb(r->body, r->len, 0, NULL);
}

/* GET `path`, asserting `status` and a JSON body; returns that body. */
static json_t *get_json(int port, const char *path, int status)
{
    struct resp r;
    assert_int_equal(http(port, "GET", path, NULL, NULL, 0, &r), 0);
    if (r.status != status)
        fprintf(stderr, "GET %s: %d %s\n", path, r.status, r.body);
    assert_int_equal(r.status, status);
    json_t *j = json_of(&r);
    assert_non_null(j);
    resp_free(&r);
    return j;
}

/* An error reply: the library's error object with this code and a message. */
static void assert_error(const struct resp *r, int status, const char *code)
{
    if (r->status != status)
        fprintf(stderr, "want %d, got %d: %s\n", status, r->status, r->body);
    assert_int_equal(r->status, status);
    json_t *j = json_of(r);
    assert_non_null(j);
    json_t *e = json_object_get(j, "error");
    assert_non_null(e);
    assert_true(json_string_length(json_object_get(e, "message")) > 0);
    if (code)
        assert_string_equal(json_string_value(json_object_get(e, "code")), code);
    json_decref(j);
}

/* ---- the server under test ------------------------------------------------------------ */

struct server {
    pid_t pid;
    int port;
    char log[512];  /* its stderr: the first line names the port, then the access log */
};

struct fixture {
    char dir[64];
    char db[128], tokfile[128];
    char *last_sample;   /* POSTed by a test, not stored at the start */
    char id_xe[17];      /* the first article that "xe buyt" finds */
    char id_lone[17];    /* an article without near-duplicates (03-nhay-xa) */
    char id_orig[17], id_copy[17]; /* a near-duplicate pair */
    struct server sv;
    struct server aux;   /* a second server a test starts (stopped by the group's teardown
                            too, should an assertion leave it running) */
};

/* Starts `bantin serve ARGS... --port 0` with its stderr in a file; reads the port. */
static int server_start(struct server *sv, const char *dir, const char *name,
                        const char *const *args)
{
    snprintf(sv->log, sizeof sv->log, "%s/%s.log", dir, name);
    const char *argv[32];
    int n = 0;
    argv[n++] = test_bantin_bin();
    argv[n++] = "serve";
    for (; *args && n < 28; args++)
        argv[n++] = *args;
    argv[n++] = "--port";
    argv[n++] = "0";
    argv[n] = NULL;
    sv->pid = fork();
    if (sv->pid < 0)
        return -1;
    if (sv->pid == 0) {
        int fd = open(sv->log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int nul = open("/dev/null", O_RDWR);
        if (fd < 0 || nul < 0)
            _exit(127);
        dup2(fd, 2);
        dup2(nul, 1);
        dup2(nul, 0);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    /* the first line appears once it listens (ASan's start-up under load: seconds) */
    for (int i = 0; i < 600; i++) {
        char *log = test_read_file(sv->log, NULL);
        const char *p = log ? strstr(log, "http://127.0.0.1:") : NULL;
        if (p) {
            sv->port = atoi(p + strlen("http://127.0.0.1:"));
            free(log);
            return sv->port > 0 ? 0 : -1;
        }
        free(log);
        if (waitpid(sv->pid, NULL, WNOHANG) == sv->pid) {
            sv->pid = 0;
            return -1;
        }
        usleep(100000);
    }
    return -1;
}

/* SIGTERM, then its exit status (-1: it did not stop within a minute, then killed). */
static int server_stop(struct server *sv)
{
    if (sv->pid <= 0)
        return -1;
    kill(sv->pid, SIGTERM);
    int st = 0;
    for (int i = 0; i < 600; i++) {
        if (waitpid(sv->pid, &st, WNOHANG) == sv->pid) {
            sv->pid = 0;
            return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        }
        usleep(100000);
    }
    kill(sv->pid, SIGKILL);
    waitpid(sv->pid, &st, 0);
    sv->pid = 0;
    return -1;
}

/* A JSONL of records: a near-duplicate pair, and twelve articles for paging. */
static char *make_records(void)
{
    static const char *body =
        "[\"Hội đồng nhân dân thành phố Hà Nội đã thông qua nghị quyết về việc mở rộng mạng "
        "lưới xe buýt điện trên các tuyến phố chính trong năm tới, với tổng vốn đầu tư hàng "
        "nghìn tỷ đồng.\", \"Theo kế hoạch, các tuyến xe buýt điện mới sẽ kết nối các quận nội "
        "thành với khu vực ngoại thành, giúp giảm ùn tắc giao thông và ô nhiễm không khí cho "
        "người dân thủ đô.\"";
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    if (!f)
        return NULL;
    fprintf(f, "{\"title\":\"Hà Nội mở rộng mạng lưới xe buýt điện\",\"source\":\"Báo Một\","
               "\"url\":\"https://mot.example/1\",\"published\":\"2024-03-01T08:00:00+07:00\","
               "\"lang\":\"vi\",\"body\":%s]}\n", body);
    fprintf(f, "{\"title\":\"Hà Nội sẽ mở rộng xe buýt điện\",\"source\":\"Báo Hai\","
               "\"url\":\"https://hai.example/2\",\"published\":\"2024-03-02T08:00:00+07:00\","
               "\"lang\":\"vi\",\"body\":%s, \"Bài đăng lại từ Báo Một.\"]}\n", body);
    for (int i = 1; i <= 12; i++)
        fprintf(f, "{\"title\":\"Phân trang thứ %d\",\"source\":\"Thử\",\"lang\":\"vi\","
                   "\"published\":\"2024-01-%02dT08:00:00+07:00\",\"body\":[\"Bài kiểm tra "
                   "phân trang số %d của trang tìm kiếm, thứ tự %d.\"]}\n", i, i, i, i * 7);
    fclose(f);
    return out;
}

static int setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    snprintf(fx->dir, sizeof fx->dir, "/tmp/bantin-serve-XXXXXX");
    if (!mkdtemp(fx->dir))
        return -1;
    snprintf(fx->db, sizeof fx->db, "%s/t.db", fx->dir);
    snprintf(fx->tokfile, sizeof fx->tokfile, "%s/token", fx->dir);
    FILE *f = fopen(fx->tokfile, "w");
    if (!f)
        return -1;
    fputs(TOKEN "\n", f);
    fclose(f);
    char *rec = make_records();
    char *recpath = rec ? test_write_temp(rec, strlen(rec), ".jsonl") : NULL;
    free(rec);
    if (!recpath)
        return -1;
    /* every sample but the last (POSTed below) and the records */
    char *list = NULL;
    int rc = test_run("ls samples/* | sort", &list, NULL);
    if (rc || !list)
        return -1;
    char *last = strrchr(list, '\n');
    while (last && last > list && last[1] == 0) {
        *last = 0;
        last = strrchr(list, '\n');
    }
    if (!last)
        return -1;
    fx->last_sample = strdup(last + 1);
    *last = 0;
    for (char *p = list; *p; p++)
        if (*p == '\n')
            *p = ' ';
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s' add -q --db '%s' %s '%s'", test_bantin_bin(), fx->db, list,
             recpath);
    free(list);
    rc = test_run(cmd, NULL, NULL);
    unlink(recpath);
    free(recpath);
    if (rc)
        return -1;
    /* the ids the tests read back, from the store through the library */
    bt_store *s;
    bt_error err;
    bt_dup_groups *g = NULL;
    bt_search_results *res = NULL;
    bt_search_opts so = BT_SEARCH_OPTS_INIT;
    if (bt_store_open(fx->db, BT_STORE_READONLY, &s, &err))
        return -1;
    rc = bt_dups_list(s, 0, &g, &err) || g->n != 1 || g->groups[0].n != 2 ||
         bt_search_run(s, "xe buyt", &so, &res, &err) || res->n == 0;
    if (!rc) {
        memcpy(fx->id_orig, g->groups[0].articles[0].id, 17);
        memcpy(fx->id_copy, g->groups[0].articles[1].id, 17);
        snprintf(fx->id_xe, sizeof fx->id_xe, "%s", res->hits[0].id);
        bt_search_results_free(res);
        res = NULL;
        rc = bt_search_run(s, "nhay xa", &so, &res, &err) || res->n == 0;
    }
    if (!rc)
        snprintf(fx->id_lone, sizeof fx->id_lone, "%s", res->hits[0].id);
    bt_dup_groups_free(g);
    bt_search_results_free(res);
    bt_store_close(s);
    if (rc)
        return -1;
    const char *args[] = {"--db", fx->db, "--bind", "127.0.0.1", "--threads", "4",
                          "--ingest-token-file", fx->tokfile, "--max-body", "65536",
                          "--idle-timeout", "2", "--count-views", NULL};
    if (server_start(&fx->sv, fx->dir, "serve", args))
        return -1;
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    if (!fx)
        return 0;
    server_stop(&fx->sv);
    server_stop(&fx->aux);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
    test_run(cmd, NULL, NULL);
    free(fx->last_sample);
    free(fx);
    return 0;
}

/* ---- tests ---------------------------------------------------------------------------- */

/* Start-up errors: clear messages and exit statuses, nothing listens. */
static void test_startup_errors(void **state)
{
    struct fixture *fx = *state;
    char cmd[512], *err = NULL, *out = NULL;
    snprintf(cmd, sizeof cmd, "'%s' serve --db '%s/none.db' --port 0", test_bantin_bin(),
             fx->dir);
    assert_int_equal(test_run(cmd, NULL, &err), 1);
    assert_non_null(strstr(err, "none.db"));
    free(err);
    snprintf(cmd, sizeof cmd, "'%s' serve --db '%s' --port 70000", test_bantin_bin(), fx->db);
    assert_int_equal(test_run(cmd, NULL, &err), 2);
    assert_non_null(strstr(err, "--port"));
    free(err);
    char *shorttok = test_write_temp("abc\n", 4, ".tok");
    snprintf(cmd, sizeof cmd, "'%s' serve --db '%s' --port 0 --ingest-token-file '%s'",
             test_bantin_bin(), fx->db, shorttok);
    assert_int_equal(test_run(cmd, NULL, &err), 1);
    assert_non_null(strstr(err, "16 characters"));
    free(err);
    unlink(shorttok);
    free(shorttok);
    snprintf(cmd, sizeof cmd, "'%s' serve --help", test_bantin_bin());
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    assert_non_null(strstr(out, "--ingest-token-file"));
    free(out);
}

/* The schema's required members are in `body` (the schema given or its $ref). */
static void assert_required(json_t *spec, json_t *schema, json_t *body, const char *what)
{
    const char *ref = json_string_value(json_object_get(schema, "$ref"));
    if (ref) {
        const char *name = strrchr(ref, '/');
        assert_non_null(name);
        schema = json_object_get(json_object_get(json_object_get(spec, "components"),
                                                 "schemas"), name + 1);
        assert_non_null(schema);
    }
    size_t i;
    json_t *k;
    json_array_foreach(json_object_get(schema, "required"), i, k) {
        if (!json_object_get(body, json_string_value(k)))
            fprintf(stderr, "%s: no member %s\n", what, json_string_value(k));
        assert_non_null(json_object_get(body, json_string_value(k)));
    }
}

/* Every route of /api/openapi.json, with its parameters' examples, answers a status the
 * document lists; a 200 carries the members its schema requires, an error the error object. */
static void test_openapi_routes(void **state)
{
    struct fixture *fx = *state;
    json_t *spec = get_json(fx->sv.port, "/api/openapi.json", 200);
    assert_true(!strncmp(json_string_value(json_object_get(spec, "openapi")), "3.", 2));
    json_t *paths = json_object_get(spec, "paths");
    assert_true(json_object_size(paths) >= 10);
    const char *path;
    json_t *ops;
    int calls = 0;
    json_object_foreach(paths, path, ops) {
        const char *method;
        json_t *op;
        json_object_foreach(ops, method, op) {
            char url[1024];
            size_t n = 0;
            /* {id}: an article's, or the example the parameter gives */
            const char *brace = strchr(path, '{');
            const char *pid = fx->id_lone;
            size_t i;
            json_t *p;
            json_array_foreach(json_object_get(op, "parameters"), i, p) {
                if (!strcmp(str(json_object_get(p, "in")), "path") &&
                    json_string_value(json_object_get(p, "example")))
                    pid = json_string_value(json_object_get(p, "example"));
            }
            if (brace) {
                const char *close = strchr(brace, '}');
                n = (size_t)snprintf(url, sizeof url, "%.*s%s%s", (int)(brace - path), path,
                                     pid, close + 1);
            } else
                n = (size_t)snprintf(url, sizeof url, "%s", path);
            char sep = '?';
            json_array_foreach(json_object_get(op, "parameters"), i, p) {
                json_t *ex = json_object_get(p, "example");
                if (!ex || strcmp(str(json_object_get(p, "in")), "query"))
                    continue;
                char v[256];
                if (json_is_string(ex)) {
                    /* the examples are plain words: spaces are all there is to encode */
                    size_t k = 0;
                    for (const char *s = json_string_value(ex); *s && k < sizeof v - 4; s++)
                        k += (size_t)(*s == ' ' ? snprintf(v + k, 4, "%%20")
                                                : snprintf(v + k, 2, "%c", *s));
                } else
                    snprintf(v, sizeof v, "%lld", (long long)json_integer_value(ex));
                n += (size_t)snprintf(url + n, sizeof url - n, "%c%s=%s", sep,
                                      json_string_value(json_object_get(p, "name")), v);
                sep = '&';
            }
            struct resp r;
            int post = !strcmp(method, "post");
            char m[8];
            snprintf(m, sizeof m, "%s", post ? "POST" : "GET");
            assert_int_equal(http(fx->sv.port, m, url,
                                  post ? "Authorization: Bearer " TOKEN "\r\n" : NULL,
                                  post ? "" : NULL, 0, &r), 0);
            char code[8];
            snprintf(code, sizeof code, "%d", r.status);
            json_t *responses = json_object_get(op, "responses");
            if (!json_object_get(responses, code))
                fprintf(stderr, "%s %s: %d is not documented\n", m, url, r.status);
            assert_non_null(json_object_get(responses, code));
            json_t *body = json_of(&r);
            assert_non_null(body);
            if (r.status == 200) {
                json_t *schema = json_object_get(json_object_get(json_object_get(
                    json_object_get(responses, "200"), "content"), "application/json"), "schema");
                assert_non_null(schema);
                assert_required(spec, schema, body, url);
            } else
                assert_error(&r, r.status, NULL);
            json_decref(body);
            resp_free(&r);
            calls++;
        }
    }
    assert_true(calls >= 11);
    json_decref(spec);
}

/* The API sends the CLI's bytes: one code path. */
static void test_same_bytes_as_cli(void **state)
{
    struct fixture *fx = *state;
    struct {
        const char *path_fmt, *cli_fmt;
    } pairs[] = {
        {"/api/search?q=xe%%20buyt&limit=3", "'%s' search --db '%s' --format json --limit 3 xe buyt"},
        {"/api/articles/%s", "'%s' show --db '%s' %s"},
        {"/api/stats", "'%s' stats --db '%s' --json"},
        {"/api/articles/%s/related", "'%s' related --db '%s' --format json %s"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char path[128], cmd[512], *out = NULL;
        snprintf(path, sizeof path, pairs[i].path_fmt, fx->id_xe);
        snprintf(cmd, sizeof cmd, pairs[i].cli_fmt, test_bantin_bin(), fx->db, fx->id_xe);
        assert_int_equal(test_run(cmd, &out, NULL), 0);
        size_t n = strlen(out);
        while (n && out[n - 1] == '\n')
            out[--n] = 0;
        struct resp r;
        assert_int_equal(http(fx->sv.port, "GET", path, NULL, NULL, 0, &r), 0);
        assert_int_equal(r.status, 200);
        assert_int_equal(r.len, n);
        assert_memory_equal(r.body, out, n);
        free(out);
        resp_free(&r);
    }
}

/* Stories: the list holds the objects `bantin stories --format json --members` prints, one
 * story the bytes of `bantin story --format json ID`, and so does a member's
 * /api/articles/ID/story; an unknown story or article is 404. */
static void test_stories_like_cli(void **state)
{
    struct fixture *fx = *state;
    char cmd[512], *out = NULL;
    snprintf(cmd, sizeof cmd, "'%s' stories --db '%s' --format json --members", test_bantin_bin(),
             fx->db);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    json_t *want = json_array();
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        json_error_t je;
        json_t *st = json_loads(line, 0, &je);
        assert_non_null(st);
        json_array_append_new(want, st);
    }
    free(out);
    assert_true(json_array_size(want) > 0); /* the fixture's articles make stories */
    json_t *got = get_json(fx->sv.port, "/api/stories?limit=0&members=1", 200);
    assert_true(json_equal(json_object_get(got, "stories"), want));
    json_int_t sid = json_integer_value(json_object_get(json_array_get(want, 0), "id"));
    assert_true(sid > 0);
    snprintf(cmd, sizeof cmd, "'%s' story --db '%s' --format json %lld", test_bantin_bin(), fx->db,
             (long long)sid);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    size_t n = strlen(out);
    while (n && out[n - 1] == '\n')
        out[--n] = 0;
    char path[64];
    snprintf(path, sizeof path, "/api/stories/%lld", (long long)sid);
    struct resp r;
    assert_int_equal(http(fx->sv.port, "GET", path, NULL, NULL, 0, &r), 0);
    assert_int_equal(r.status, 200);
    assert_int_equal(r.len, n);
    assert_memory_equal(r.body, out, n);
    resp_free(&r);
    /* an article's story is that story, byte for byte: its first and its last member */
    json_t *members = json_object_get(json_array_get(want, 0), "articles");
    assert_true(json_array_size(members) > 0);
    size_t ends[2] = {0, json_array_size(members) - 1};
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "/api/articles/%s/story",
                 str(json_array_get(members, ends[i])));
        assert_int_equal(http(fx->sv.port, "GET", path, NULL, NULL, 0, &r), 0);
        assert_int_equal(r.status, 200);
        assert_int_equal(r.len, n);
        assert_memory_equal(r.body, out, n);
        resp_free(&r);
    }
    free(out);
    assert_int_equal(http(fx->sv.port, "GET", "/api/stories/999999999", NULL, NULL, 0, &r), 0);
    assert_error(&r, 404, "ENOTFOUND");
    resp_free(&r);
    /* an id no article has (a record's id form, and a content id's) is 404, not a story */
    assert_int_equal(http(fx->sv.port, "GET", "/api/articles/no.such:id/story", NULL, NULL, 0,
                          &r), 0);
    assert_error(&r, 404, "ENOTFOUND");
    resp_free(&r);
    assert_int_equal(http(fx->sv.port, "GET", "/api/articles/0000000000000000/story", NULL,
                          NULL, 0, &r), 0);
    assert_error(&r, 404, "ENOTFOUND");
    resp_free(&r);
    json_decref(got);
    json_decref(want);
}

/* The views of article id in /api/top?days=1 (0 when it is not listed). */
static json_int_t views_of(int port, const char *id)
{
    json_t *t = get_json(port, "/api/top?days=1&limit=100", 200);
    json_int_t n = 0;
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(t, "articles"), i, a)
        if (!strcmp(str(json_object_get(a, "id")), id))
            n = json_integer_value(json_object_get(a, "count"));
    json_decref(t);
    return n;
}

/* Most read: /api/top sends `bantin top --format json`'s bytes; under --count-views each GET
 * of an article counts one view; bad parameters are 400. */
static void test_top_and_views(void **state)
{
    struct fixture *fx = *state;
    char cmd[512], *out = NULL;
    snprintf(cmd, sizeof cmd, "'%s' top --db '%s' --days 1 --limit 5 --format json",
             test_bantin_bin(), fx->db);
    assert_int_equal(test_run(cmd, &out, NULL), 0);
    size_t n = strlen(out);
    while (n && out[n - 1] == '\n')
        out[--n] = 0;
    struct resp r;
    assert_int_equal(http(fx->sv.port, "GET", "/api/top?days=1&by=views&limit=5", NULL, NULL, 0, &r), 0);
    assert_int_equal(r.status, 200);
    assert_int_equal(r.len, n);
    assert_memory_equal(r.body, out, n);
    resp_free(&r);
    free(out);
    json_int_t before = views_of(fx->sv.port, fx->id_xe);
    char path[64];
    snprintf(path, sizeof path, "/api/articles/%s", fx->id_xe);
    json_decref(get_json(fx->sv.port, path, 200));
    assert_int_equal(views_of(fx->sv.port, fx->id_xe), before + 1);
    json_t *m = get_json(fx->sv.port, "/api/top?by=mentions&until=2024-05-10", 200);
    assert_string_equal(str(json_object_get(m, "by")), "mentions");
    assert_string_equal(str(json_object_get(m, "from")), "2024-05-04");
    json_decref(m);
    const char *bad[] = {"/api/top?days=0", "/api/top?days=abc", "/api/top?by=likes",
                         "/api/top?limit=1000", "/api/top?until=2024-13-01",
                         "/api/top?until=yesterday", "/api/top?until=2024-02-30"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(http(fx->sv.port, "GET", bad[i], NULL, NULL, 0, &r), 0);
        assert_int_equal(r.status, 400);
        resp_free(&r);
    }
}

/* Search: an unmarked query finds and marks the marked words; paging; filters. */
static void test_search_content(void **state)
{
    struct fixture *fx = *state;
    json_t *j = get_json(fx->sv.port, "/api/search?q=xe%20buyt&limit=5", 200);
    json_t *res = json_object_get(j, "results");
    assert_true(json_array_size(res) >= 1);
    json_t *h = json_array_get(res, 0);
    assert_string_equal(json_string_value(json_object_get(h, "id")), fx->id_xe);
    const char *snip = json_string_value(json_object_get(h, "snippet"));
    json_t *hl = json_array_get(json_object_get(h, "highlights"), 0);
    assert_non_null(hl);
    json_int_t s = json_integer_value(json_array_get(hl, 0)), e = json_integer_value(json_array_get(hl, 1));
    assert_true(s >= 0 && e > s && (size_t)e <= strlen(snip));
    /* the marked word is the accented one the query typed without marks */
    char word[64];
    snprintf(word, sizeof word, "%.*s", (int)(e - s), snip + s);
    assert_true(!strcasecmp(word, "xe") || !strcasecmp(word, "buýt"));
    json_decref(j);

    /* 12 paging articles, 10 a page at most: 2 on the second page of 10 */
    j = get_json(fx->sv.port, "/api/search?q=phan%20trang&sort=date&limit=10&offset=10", 200);
    assert_int_equal(json_integer_value(json_object_get(j, "total")), 12);
    assert_int_equal(json_array_size(json_object_get(j, "results")), 2);
    /* by date, newest first: the second page holds the two oldest */
    assert_string_equal(json_string_value(json_object_get(json_array_get(
                            json_object_get(j, "results"), 1), "title")), "Phân trang thứ 1");
    json_decref(j);

    /* the filters are the query language's own */
    j = get_json(fx->sv.port, "/api/search?q=xe%20buyt&source=B%C3%A1o%20Hai", 200);
    assert_int_equal(json_array_size(json_object_get(j, "results")), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(
                            json_object_get(j, "results"), 0), "id")), fx->id_copy);
    json_decref(j);
    j = get_json(fx->sv.port, "/api/search?q=phan%20trang&since=2024-01-11&until=2024-01-12", 200);
    assert_int_equal(json_integer_value(json_object_get(j, "total")), 2);
    json_decref(j);
    j = get_json(fx->sv.port, "/api/search?q=zzqqxxnothing", 200);
    assert_int_equal(json_integer_value(json_object_get(j, "total")), 0);
    json_decref(j);
}

/* An article, its near-duplicates, and unknown ids. */
static void test_articles_and_duplicates(void **state)
{
    struct fixture *fx = *state;
    char path[128];
    snprintf(path, sizeof path, "/api/articles/%s", fx->id_copy);
    json_t *a = get_json(fx->sv.port, path, 200);
    assert_string_equal(json_string_value(json_object_get(a, "id")), fx->id_copy);
    assert_string_equal(json_string_value(json_object_get(a, "source")), "Báo Hai");
    assert_true(json_array_size(json_object_get(a, "body")) == 3);
    json_decref(a);

    /* both articles of the pair name the same group, original first */
    const char *ids[] = {fx->id_orig, fx->id_copy};
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "/api/articles/%s/duplicates", ids[i]);
        json_t *g = get_json(fx->sv.port, path, 200);
        assert_true(json_is_integer(json_object_get(g, "group")));
        json_t *arts = json_object_get(g, "articles");
        assert_int_equal(json_array_size(arts), 2);
        json_t *o = json_array_get(arts, 0), *c = json_array_get(arts, 1);
        assert_string_equal(json_string_value(json_object_get(o, "id")), fx->id_orig);
        assert_string_equal(json_string_value(json_object_get(c, "id")), fx->id_copy);
        assert_true(json_real_value(json_object_get(o, "similarity")) == 1.0);
        double sim = json_real_value(json_object_get(c, "similarity"));
        assert_true(sim >= 0.5 && sim < 1.0);
        json_decref(g);
    }
    /* an article without copies: an empty list */
    snprintf(path, sizeof path, "/api/articles/%s/duplicates", fx->id_lone);
    json_t *g = get_json(fx->sv.port, path, 200);
    assert_true(json_is_null(json_object_get(g, "group")));
    assert_int_equal(json_array_size(json_object_get(g, "articles")), 0);
    json_decref(g);

    static const char *missing[] = {
        "/api/articles/0123456789abcdef", "/api/articles/0123456789abcdef/duplicates",
        "/api/articles/xyz", "/api/articles/0123456789ABCDEF", "/api/articles/0123456789abcdef0",
    };
    for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++) {
        struct resp r;
        assert_int_equal(http(fx->sv.port, "GET", missing[i], NULL, NULL, 0, &r), 0);
        assert_error(&r, 404, "ENOTFOUND");
        resp_free(&r);
    }
}

/* Bad requests: each its status and an error object, never a 500. */
static void test_error_statuses(void **state)
{
    struct fixture *fx = *state;
    char longq[1100 + 32];
    snprintf(longq, sizeof longq, "/api/search?q=");
    memset(longq + 14, 'a', 1025);
    longq[14 + 1025] = 0;
    char okq[1100 + 32];
    snprintf(okq, sizeof okq, "/api/search?q=");
    memset(okq + 14, 'a', 1024);
    okq[14 + 1024] = 0;
    char dupsx[96];
    snprintf(dupsx, sizeof dupsx, "/api/articles/%s/nothing", fx->id_xe);
    const struct {
        const char *path;
        int status;
        const char *code;
    } cases[] = {
        {"/api/search?q=%22abc", 400, NULL},        /* an open phrase */
        {"/api/search?q=xe&limit=101", 400, "EINVAL"},
        {"/api/search?q=xe&limit=-1", 400, "EINVAL"},
        {"/api/search?q=xe&limit=abc", 400, "EINVAL"},
        {"/api/search?q=xe&offset=9999&limit=10", 400, "ELIMIT"},
        {"/api/search?q=xe&offset=10001", 400, "EINVAL"},
        {"/api/search?q=xe&sort=up", 400, "EINVAL"},
        {"/api/search?q=xe&since=yesterday", 400, "EINVAL"},
        {"/api/search?q=xe&until=2024-1-1", 400, "EINVAL"},
        {"/api/search?q=xe&source=a%22b", 400, "EINVAL"},
        {longq, 414, "ELIMIT"},
        {okq, 200, NULL},                            /* the limit itself is taken */
        {"/api/search?q=xe&limit=100&offset=9900", 200, NULL},
        {dupsx, 404, "ENOTFOUND"},
        {"/api/nothing", 404, "ENOTFOUND"},
        {"/api", 404, "ENOTFOUND"},
        {"/nothing", 404, "ENOTFOUND"},
        {"/assets/nothing.js", 404, "ENOTFOUND"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct resp r;
        assert_int_equal(http(fx->sv.port, "GET", cases[i].path, NULL, NULL, 0, &r), 0);
        if (cases[i].status == 200) {
            assert_int_equal(r.status, 200);
        } else
            assert_error(&r, cases[i].status, cases[i].code);
        resp_free(&r);
    }
    /* 405 with the methods the route takes */
    const struct {
        const char *method, *path, *allow;
    } m405[] = {
        {"DELETE", "/api/search?q=xe", "GET, HEAD"}, {"GET", "/api/articles", "POST"},
        {"PUT", "/api/stats", "GET, HEAD"}, {"POST", "/api/health", "GET, HEAD"},
        {"DELETE", "/", "GET, HEAD"},
    };
    for (size_t i = 0; i < sizeof m405 / sizeof m405[0]; i++) {
        struct resp r;
        assert_int_equal(http(fx->sv.port, m405[i].method, m405[i].path, NULL, NULL, 0, &r), 0);
        assert_error(&r, 405, "EUNSUPPORTED");
        char *allow = header(r.head, "Allow");
        assert_non_null(allow);
        assert_string_equal(allow, m405[i].allow);
        free(allow);
        resp_free(&r);
    }
    /* a header block past the server's memory for it: 431 (or 413/414, as MHD words it) */
    size_t big = 40000;
    char *hdr = malloc(big + 16);
    assert_non_null(hdr);
    memcpy(hdr, "X-Big: ", 7);
    memset(hdr + 7, 'x', big);
    memcpy(hdr + 7 + big, "\r\n", 3);
    struct resp r;
    assert_int_equal(http(fx->sv.port, "GET", "/api/search?q=xe", hdr, NULL, 0, &r), 0);
    assert_true(r.status == 431 || r.status == 413 || r.status == 414);
    resp_free(&r);
    free(hdr);
    /* a URL past it too */
    char *url = malloc(big + 32);
    assert_non_null(url);
    snprintf(url, 32, "/api/search?q=");
    memset(url + 14, 'a', big);
    url[14 + big] = 0;
    assert_int_equal(http(fx->sv.port, "GET", url, NULL, NULL, 0, &r), 0);
    assert_true(r.status == 414 || r.status == 431);
    resp_free(&r);
    free(url);
}

/* The page's files stay in the compiled-in set; a URL never reaches a file. */
static void test_static_and_traversal(void **state)
{
    struct fixture *fx = *state;
    struct resp r;
    assert_int_equal(http(fx->sv.port, "GET", "/", NULL, NULL, 0, &r), 0);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "src=\"/assets/app.js\""));
    char *csp = header(r.head, "Content-Security-Policy"), *ct = header(r.head, "Content-Type");
    assert_non_null(csp);
    assert_non_null(strstr(csp, "script-src 'self'"));
    assert_null(strstr(csp, "unsafe-inline"));
    assert_true(!strncmp(ct, "text/html", 9));
    free(csp);
    free(ct);
    char *nosniff = header(r.head, "X-Content-Type-Options");
    assert_string_equal(nosniff, "nosniff");
    free(nosniff);
    char *referrer = header(r.head, "Referrer-Policy");
    assert_string_equal(referrer, "no-referrer");
    free(referrer);
    resp_free(&r);
    assert_int_equal(http(fx->sv.port, "HEAD", "/assets/app.js", NULL, NULL, 0, &r), 0);
    assert_int_equal(r.status, 200);
    assert_int_equal(r.len, 0);
    resp_free(&r);
    assert_int_equal(http(fx->sv.port, "GET", "/assets/app.js", NULL, NULL, 0, &r), 0);
    assert_int_equal(r.status, 200);
    assert_null(strstr(r.body, "innerHTML")); /* captures' text enters the page as text */
    resp_free(&r);
    static const char *outside[] = {
        "/assets/../serve/server.c", "/assets/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2fMakefile",
        "/assets/", "/../../etc/passwd", "/assets/openapi.json", "/assets/app.js/",
        "/index.html/../../Makefile", "/assets/app.js%00.html", "/assets/app.js%00",
    };
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++) {
        assert_int_equal(http(fx->sv.port, "GET", outside[i], NULL, NULL, 0, &r), 0);
        /* a NUL decoded in the path ends the name MHD hands over: then it is app.js itself,
         * still an asset */
        if (strstr(outside[i], "%00") && r.status == 200 && strstr(r.body, "use strict")) {
            resp_free(&r);
            continue;
        }
        if (r.status != 404 && r.status != 400)
            fprintf(stderr, "%s: %d\n", outside[i], r.status);
        assert_true(r.status == 404 || r.status == 400);
        resp_free(&r);
    }
}

/* gzip when asked (the same bytes unzipped) and 304 on a matching If-None-Match. */
static void test_gzip_and_etag(void **state)
{
    struct fixture *fx = *state;
    struct resp plain, z, nm;
    assert_int_equal(http(fx->sv.port, "GET", "/assets/app.js", NULL, NULL, 0, &plain), 0);
    assert_int_equal(http(fx->sv.port, "GET", "/assets/app.js", "Accept-Encoding: gzip\r\n",
                          NULL, 0, &z), 0);
    char *enc = header(z.head, "Content-Encoding");
    assert_string_equal(enc, "gzip");
    free(enc);
    assert_true(z.len < plain.len);
    uLongf n = (uLongf)plain.len + 16;
    unsigned char *out = malloc(n);
    z_stream zs = {0};
    assert_int_equal(inflateInit2(&zs, 16 + 15), Z_OK);
    zs.next_in = (Bytef *)z.body;
    zs.avail_in = (uInt)z.len;
    zs.next_out = out;
    zs.avail_out = (uInt)n;
    assert_int_equal(inflate(&zs, Z_FINISH), Z_STREAM_END);
    assert_int_equal(zs.total_out, plain.len);
    assert_memory_equal(out, plain.body, plain.len);
    inflateEnd(&zs);
    free(out);
    char *etag = header(plain.head, "ETag"), *zetag = header(z.head, "ETag");
    assert_non_null(etag);
    assert_string_not_equal(etag, zetag);
    char inm[128];
    snprintf(inm, sizeof inm, "If-None-Match: %s\r\n", etag);
    assert_int_equal(http(fx->sv.port, "GET", "/assets/app.js", inm, NULL, 0, &nm), 0);
    assert_int_equal(nm.status, 304);
    assert_int_equal(nm.len, 0);
    resp_free(&nm);
    free(etag);
    free(zetag);
    resp_free(&plain);
    resp_free(&z);
    /* JSON replies are validated too */
    assert_int_equal(http(fx->sv.port, "GET", "/api/search?q=xe", NULL, NULL, 0, &plain), 0);
    etag = header(plain.head, "ETag");
    snprintf(inm, sizeof inm, "If-None-Match: %s\r\n", etag);
    assert_int_equal(http(fx->sv.port, "GET", "/api/search?q=xe", inm, NULL, 0, &nm), 0);
    assert_int_equal(nm.status, 304);
    free(etag);
    resp_free(&plain);
    resp_free(&nm);
}

/* Several requests on one connection: a reply keeps it open. */
static void test_keep_alive(void **state)
{
    struct fixture *fx = *state;
    int fd = connect_to(fx->sv.port);
    assert_true(fd >= 0);
    for (int i = 0; i < 3; i++) {
        struct resp r;
        assert_int_equal(send_request(fd, "GET", "/api/health", NULL, NULL, 0), 0);
        assert_int_equal(read_reply(fd, 0, &r), 0);
        assert_int_equal(r.status, 200);
        assert_non_null(strstr(r.body, "\"status\":\"ok\""));
        char *conn = header(r.head, "Connection");
        assert_true(!conn || strcasecmp(conn, "close"));
        free(conn);
        resp_free(&r);
    }
    close(fd);
}

/* POST /api/articles: the token, the body's limits, then a capture stored and served. */
static void test_post(void **state)
{
    struct fixture *fx = *state;
    size_t clen;
    char *capture = test_read_file(fx->last_sample, &clen);
    assert_non_null(capture);
    struct resp r;
    const struct {
        const char *headers;
    } bad_auth[] = {
        {NULL}, {"Authorization: Bearer s3cret-token-for-the-test-012345678x\r\n"},
        {"Authorization: Bearer " TOKEN "x\r\n"}, {"Authorization: Basic " TOKEN "\r\n"},
        {"Authorization: Bearer \r\n"},
    };
    for (size_t i = 0; i < sizeof bad_auth / sizeof bad_auth[0]; i++) {
        assert_int_equal(http(fx->sv.port, "POST", "/api/articles", bad_auth[i].headers,
                              capture, clen, &r), 0);
        assert_error(&r, 403, NULL);
        resp_free(&r);
    }
    const char *auth = "Authorization: Bearer " TOKEN "\r\n";
    char *big = malloc(MAX_BODY + 1);
    assert_non_null(big);
    memset(big, 'x', MAX_BODY + 1);
    assert_int_equal(http(fx->sv.port, "POST", "/api/articles", auth, big, MAX_BODY + 1, &r), 0);
    assert_error(&r, 413, "ELIMIT");
    resp_free(&r);
    free(big);
    static const char badjson[] = "{\"url\": \"http://a\", \"html\": ";
    assert_int_equal(http(fx->sv.port, "POST", "/api/articles", auth, badjson,
                          sizeof badjson - 1, &r), 0);
    assert_error(&r, 400, NULL);
    resp_free(&r);
    assert_int_equal(http(fx->sv.port, "POST", "/api/articles", auth, "", 0, &r), 0);
    assert_error(&r, 400, "EINVAL");
    resp_free(&r);

    json_t *st = get_json(fx->sv.port, "/api/stats", 200);
    json_int_t before = json_integer_value(json_object_get(st, "articles"));
    json_decref(st);
    assert_int_equal(http(fx->sv.port, "POST", "/api/articles", auth, capture, clen, &r), 0);
    assert_int_equal(r.status, 200);
    json_t *j = json_of(&r);
    resp_free(&r);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "summary"), "added")), 1);
    json_t *art = json_array_get(json_object_get(j, "articles"), 0);
    assert_string_equal(json_string_value(json_object_get(art, "stored")), "added");
    char path[64];
    snprintf(path, sizeof path, "/api/articles/%s", json_string_value(json_object_get(art, "id")));
    assert_int_equal(json_array_size(json_object_get(j, "failures")), 0);
    json_decref(j);
    st = get_json(fx->sv.port, "/api/stats", 200);
    assert_int_equal(json_integer_value(json_object_get(st, "articles")), before + 1);
    json_decref(st);
    json_t *a = get_json(fx->sv.port, path, 200);
    assert_string_equal(json_string_value(json_object_get(a, "id")), path + strlen("/api/articles/"));
    json_decref(a);
    /* the same capture again is seen, not added */
    assert_int_equal(http(fx->sv.port, "POST", "/api/articles", auth, capture, clen, &r), 0);
    assert_int_equal(r.status, 200);
    j = json_of(&r);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "summary"), "seen")), 1);
    json_decref(j);
    resp_free(&r);
    free(capture);
}

/* ---- many clients at once while an ingest writes -------------------------------------- */

#define READERS 8
#define READS 12
#define WRITES 6

struct client {
    int port;
    int n;
    int bad;              /* replies that were not what they should be */
    char ids[WRITES][17]; /* the writer's stored ids */
};

static void *reader(void *arg)
{
    struct client *c = arg;
    static const char *paths[] = {"/api/search?q=xe%20buyt&limit=5", "/api/search?q=phan%20trang",
                                  "/api/stats", "/api/search?q=ha%20noi&sort=date"};
    for (int i = 0; i < READS; i++) {
        struct resp r;
        const char *p = paths[(c->n + i) % 4];
        if (http(c->port, "GET", p, NULL, NULL, 0, &r)) {
            c->bad++;
            continue;
        }
        json_t *j = json_of(&r);
        if (r.status != 200 || !j ||
            (strstr(p, "search") ? json_integer_value(json_object_get(j, "total")) < 1
                                 : json_integer_value(json_object_get(j, "articles")) < 1))
            c->bad++;
        json_decref(j);
        resp_free(&r);
    }
    return NULL;
}

static void *writer(void *arg)
{
    struct client *c = arg;
    for (int i = 0; i < WRITES; i++) {
        char text[1024];
        int n = snprintf(text, sizeof text,
                         "Tuyến xe điện thử nghiệm số %d khai trương\n\nĐoạn văn thử nghiệm số %d "
                         "của bài kiểm tra máy chủ: tuyến xe điện mang số hiệu %d nối bến "
                         "%d với trung tâm, chạy %d chuyến mỗi ngày.\n", i, i * 31, i * 17 + 3,
                         i * 101 + 7, i * 13 + 40);
        struct resp r;
        if (http(c->port, "POST", "/api/articles", "Authorization: Bearer " TOKEN "\r\n", text,
                 (size_t)n, &r)) {
            c->bad++;
            continue;
        }
        json_t *j = json_of(&r);
        const char *id = json_string_value(json_object_get(
            json_array_get(json_object_get(j, "articles"), 0), "id"));
        if (r.status != 200 || !id)
            c->bad++;
        else
            snprintf(c->ids[i], sizeof c->ids[i], "%s", id);
        json_decref(j);
        resp_free(&r);
    }
    return NULL;
}

static void test_readers_during_ingest(void **state)
{
    struct fixture *fx = *state;
    json_t *st = get_json(fx->sv.port, "/api/stats", 200);
    json_int_t before = json_integer_value(json_object_get(st, "articles"));
    json_decref(st);
    struct client cs[READERS + 1];
    pthread_t ts[READERS + 1];
    memset(cs, 0, sizeof cs);
    for (int i = 0; i <= READERS; i++) {
        cs[i].port = fx->sv.port;
        cs[i].n = i;
        assert_int_equal(pthread_create(&ts[i], NULL, i == READERS ? writer : reader, &cs[i]), 0);
    }
    int bad = 0;
    for (int i = 0; i <= READERS; i++) {
        pthread_join(ts[i], NULL);
        bad += cs[i].bad;
    }
    assert_int_equal(bad, 0);
    /* every article the writer stored is there for readers afterwards */
    st = get_json(fx->sv.port, "/api/stats", 200);
    assert_int_equal(json_integer_value(json_object_get(st, "articles")), before + WRITES);
    json_decref(st);
    for (int i = 0; i < WRITES; i++) {
        char path[64];
        snprintf(path, sizeof path, "/api/articles/%s", cs[READERS].ids[i]);
        json_decref(get_json(fx->sv.port, path, 200));
    }
    json_t *j = get_json(fx->sv.port, "/api/search?q=tuyen%20xe%20dien%20thu%20nghiem", 200);
    assert_true(json_integer_value(json_object_get(j, "total")) >= WRITES);
    json_decref(j);
}

/* A client that sends half a request and waits is cut off after --idle-timeout; the server
 * still answers others. */
static void test_slowloris(void **state)
{
    struct fixture *fx = *state;
    int fd = connect_to(fx->sv.port);
    assert_true(fd >= 0);
    static const char half[] = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
    assert_int_equal(send_all(fd, half, sizeof half - 1), 0);
    char buf[64];
    ssize_t n;
    do
        n = recv(fd, buf, sizeof buf, 0);
    while (n < 0 && errno == EINTR);
    assert_int_equal(n, 0); /* closed by the server, not our receive timeout (-1) */
    close(fd);
    json_t *j = get_json(fx->sv.port, "/api/health", 200);
    assert_string_equal(json_string_value(json_object_get(j, "status")), "ok");
    json_decref(j);
}

/* Polls GET /api/health until it answers 200 (a held request gone). 0 or -1. */
static int wait_free(int port)
{
    for (int i = 0; i < 600; i++) {
        struct resp r;
        if (http(port, "GET", "/api/health", NULL, NULL, 0, &r))
            return -1;
        int st = r.status;
        resp_free(&r);
        if (st == 200)
            return 0;
        usleep(50000);
    }
    return -1;
}

/* On a server started with --max-queue 1: opens a POST whose body (`clen` bytes announced,
 * `first` sent) is still coming, so that it holds the one place, and returns its socket once
 * GETs of /api/health are refused (429, the last into *busy) while the POST has no answer:
 * the proof that the POST was taken in. The POST and the first GET race to the server: when
 * the GET came first, the POST itself got the 429 and the GETs after it pass; then the POST
 * is sent again. -1 when it never held. */
static int hold_request(int port, int clen, const char *first, struct resp *busy)
{
    for (int attempt = 0; attempt < 20; attempt++) {
        int fd = connect_to(port);
        if (fd < 0)
            return -1;
        char head[128];
        int n = snprintf(head, sizeof head, "POST /api/articles HTTP/1.1\r\nHost: x\r\n"
                         "Content-Length: %d\r\n\r\n%s", clen, first);
        if (send_all(fd, head, (size_t)n)) {
            close(fd);
            return -1;
        }
        for (int i = 0; i < 40; i++) {
            if (http(port, "GET", "/api/health", NULL, NULL, 0, busy)) {
                close(fd);
                return -1;
            }
            /* a 429 proves the POST held only when it lasts and the POST has no answer: a
             * request just answered counts in flight until the server has closed its books */
            int held = busy->status == 429;
            if (held)
                usleep(100000);
            char c;
            int answered = recv(fd, &c, 1, MSG_DONTWAIT) > 0;
            if (held && !answered) {
                resp_free(busy);
                if (http(port, "GET", "/api/health", NULL, NULL, 0, busy)) {
                    close(fd);
                    return -1;
                }
                if (busy->status == 429)
                    return fd;
            }
            resp_free(busy);
            if (answered)
                break; /* the POST was answered (refused): send it again */
            usleep(50000);
        }
        close(fd);
    }
    return -1;
}

/* 429 past --max-queue: a POST whose body is still coming holds the one place. */
static void test_busy_429(void **state)
{
    struct fixture *fx = *state;
    struct server *busy = &fx->aux;
    server_stop(busy); /* one a failed test left */
    const char *args[] = {"--db", fx->db, "--max-queue", "1", "--quiet", NULL};
    assert_int_equal(server_start(busy, fx->dir, "busy", args), 0);
    struct resp r;
    int slow = hold_request(busy->port, 100, "abc", &r);
    assert_true(slow >= 0);
    assert_error(&r, 429, "ELIMIT");
    char *ra = header(r.head, "Retry-After");
    assert_string_equal(ra, "1");
    free(ra);
    resp_free(&r);
    close(slow);
    assert_int_equal(wait_free(busy->port), 0);
    assert_int_equal(server_stop(busy), 0);
}

/* SIGTERM: the request in flight is answered, then the server exits 0 although an idle
 * keep-alive connection is open. A server of its own with --max-queue 1, so that a 429 tells
 * when the held request has been taken in (a stop before that would owe it nothing). */
static void test_sigterm(void **state)
{
    struct fixture *fx = *state;
    struct server *sv = &fx->aux;
    server_stop(sv); /* one a failed test left */
    const char *args[] = {"--db", fx->db, "--max-queue", "1", NULL};
    assert_int_equal(server_start(sv, fx->dir, "stop", args), 0);
    int idle = connect_to(sv->port);
    assert_true(idle >= 0);
    struct resp r;
    assert_int_equal(send_request(idle, "GET", "/api/health", NULL, NULL, 0), 0);
    assert_int_equal(read_reply(idle, 0, &r), 0);
    resp_free(&r);
    int fd = hold_request(sv->port, 10, "abcde", &r);
    assert_true(fd >= 0);
    resp_free(&r);
    kill(sv->pid, SIGTERM);
    usleep(300000);
    assert_int_equal(waitpid(sv->pid, NULL, WNOHANG), 0); /* still serving it */
    assert_int_equal(send_all(fd, "fghij", 5), 0);
    assert_int_equal(read_reply(fd, 0, &r), 0);
    assert_error(&r, 403, NULL); /* a read-only server's answer: it was served to the end */
    resp_free(&r);
    close(fd);
    int st = 0;
    pid_t done = 0;
    for (int i = 0; i < 300 && (done = waitpid(sv->pid, &st, WNOHANG)) == 0; i++)
        usleep(100000);
    close(idle);
    assert_int_equal(done, sv->pid); /* it stopped, an idle connection open */
    sv->pid = 0;
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
    char *log = test_read_file(sv->log, NULL);
    assert_non_null(log);
    assert_non_null(strstr(log, "stopping after the requests in flight"));
    assert_non_null(strstr(log, "\"POST /api/articles\" 403"));
    assert_null(strstr(log, "AddressSanitizer"));
    free(log);
}

/* Last: the main server stops on SIGTERM with exit 0 after all the above; its log has a line
 * per request and no sanitizer report. */
static void test_clean_stop(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(server_stop(&fx->sv), 0);
    char *log = test_read_file(fx->sv.log, NULL);
    assert_non_null(log);
    assert_non_null(strstr(log, "\"GET /api/health\" 200"));
    assert_non_null(strstr(log, "\"POST /api/articles\" 413"));
    assert_null(strstr(log, "AddressSanitizer"));
    assert_null(strstr(log, "runtime error"));
    free(log);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_startup_errors),
        cmocka_unit_test(test_openapi_routes),
        cmocka_unit_test(test_same_bytes_as_cli),
        cmocka_unit_test(test_stories_like_cli),
        cmocka_unit_test(test_top_and_views),
        cmocka_unit_test(test_search_content),
        cmocka_unit_test(test_articles_and_duplicates),
        cmocka_unit_test(test_error_statuses),
        cmocka_unit_test(test_static_and_traversal),
        cmocka_unit_test(test_gzip_and_etag),
        cmocka_unit_test(test_keep_alive),
        cmocka_unit_test(test_post),
        cmocka_unit_test(test_readers_during_ingest),
        cmocka_unit_test(test_slowloris),
        cmocka_unit_test(test_busy_429),
        cmocka_unit_test(test_sigterm),
        /* last: it stops the server */
        cmocka_unit_test(test_clean_stop),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
