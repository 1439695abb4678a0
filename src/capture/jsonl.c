/* jsonl.c: the crawler JSONL reader: one JSON object per line holding a page's URL and HTML,
 * read line by line (a bad line is reported with its number and the next one is read). */
#include "capture/reader_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const url_keys[] = {"url", "uri", "URL", "target_uri"};
static const char *const page_keys[] = {"html", "raw_content", "content", "body", "raw_html"};
static const char *const date_keys[] = {"fetched_at", "date", "timestamp", "fetch_time"};

static json_t *first_string(json_t *o, const char *const *keys, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        json_t *v = json_object_get(o, keys[i]);
        if (json_is_string(v))
            return v;
    }
    return NULL;
}

/* The Content-Type of a `headers` object (any letter case; a string or a list of strings). */
static json_t *header_ctype(json_t *headers)
{
    if (!json_is_object(headers))
        return NULL;
    const char *k;
    json_t *v;
    json_object_foreach(headers, k, v) {
        if (strcasecmp(k, "content-type") != 0)
            continue;
        if (json_is_array(v))
            v = json_array_get(v, 0);
        return json_is_string(v) ? v : NULL;
    }
    return NULL;
}

static int line_error(bt_reader *r, bt_error *err, int code, const char *what)
{
    return bt_error_set(err, code, "%s: line %llu: %s", r->path, r->lineno, what);
}

/* Reads the next line of the input into r->line: 1, 0 at the end, or a negative BT_E* (a
 * line over the record limit, a read error) reported for that line. */
static int next_line(bt_reader *r, bt_error *err)
{
    int too_long;
    bt_error e;
    long long n = bti_stream_getline(&r->s, &r->line, r->max_record, &too_long, &e);
    r->lineno++;
    if (n < 0)
        return line_error(r, err, (int)n, e.msg);
    if (n == 0)
        return 0;
    if (too_long) {
        char m[96], lim[32];
        snprintf(m, sizeof m, "longer than the %s limit for one record",
                 bti_limit_text(r->max_record, lim));
        return line_error(r, err, BT_ELIMIT, m);
    }
    return 1;
}

int bti_reader_jsonl_next(bt_reader *r, bt_capture *cap, bt_error *err)
{
    if (r->json) {
        json_decref(r->json);
        r->json = NULL;
    }
    for (;;) {
        int got = next_line(r, err);
        if (got <= 0)
            return got;
        size_t len = r->line.len;
        while (len && isspace((unsigned char)r->line.data[len - 1]))
            len--;
        size_t start = 0;
        if (r->lineno == 1 && len >= 3 && !memcmp(r->line.data, "\xEF\xBB\xBF", 3))
            start = 3; /* a UTF-8 byte order mark */
        while (start < len && isspace((unsigned char)r->line.data[start]))
            start++;
        if (start == len)
            continue;
        json_error_t je;
        json_t *o = json_loadb(r->line.data + start, len - start, 0, &je);
        if (!o) {
            char m[256];
            snprintf(m, sizeof m, "not JSON (%s, column %d)", je.text, je.column);
            return line_error(r, err, BT_EPARSE, m);
        }
        r->json = o;
        if (!json_is_object(o))
            return line_error(r, err, BT_EPARSE, "not a JSON object");
        json_t *page = first_string(o, page_keys, sizeof page_keys / sizeof page_keys[0]);
        if (!page)
            return line_error(r, err, BT_EPARSE, "no page: none of the string fields html, "
                              "raw_content, content, body");
        json_t *url = first_string(o, url_keys, sizeof url_keys / sizeof url_keys[0]);
        json_t *date = first_string(o, date_keys, sizeof date_keys / sizeof date_keys[0]);
        json_t *ct = header_ctype(json_object_get(o, "headers"));
        if (!ct && json_is_string(json_object_get(o, "content_type")))
            ct = json_object_get(o, "content_type");
        memset(cap, 0, sizeof *cap);
        cap->data = json_string_value(page);
        cap->len = json_string_length(page);
        cap->url = url && json_string_length(url) ? json_string_value(url) : NULL;
        cap->origin = cap->url ? cap->url : r->path;
        cap->fetched_at = date ? json_string_value(date) : NULL;
        /* A JSON string is Unicode whatever charset the page was served in (its headers
         * or <meta> may say windows-1258): jansson hands it over as UTF-8, so that is the
         * capture's charset, and the declared one must not be applied a second time. */
        cap->charset = "utf-8";
        cap->kind = ct && bti_ctype_is_html(json_string_value(ct), json_string_length(ct))
                        ? BT_KIND_HTML
                        : BT_KIND_UNKNOWN;
        snprintf(r->where, sizeof r->where, "%s: line %llu", r->path, r->lineno);
        cap->where = r->where;
        return 1;
    }
}

/* ---- files of article records (BT_READ_RECORDS) ---- */

/* Whether a line is an article record as `bantin export` writes it: an object with a string
 * "title" and a "body" list of strings, empty for a headline alone (news aggregator data:
 * a crawler's page has its "body" as one string, never a list). Only the first line of a
 * file is asked: it decides how the whole file is read. */
int bti_is_record_line(const char *line, size_t n)
{
    if (n < 2 || line[0] != '{')
        return 0;
    json_t *o = json_loadb(line, n, JSON_REJECT_DUPLICATES, NULL);
    json_t *title = json_object_get(o, "title"), *body = json_object_get(o, "body");
    int yes = json_is_string(title) && json_is_array(body);
    for (size_t i = 0; yes && i < json_array_size(body); i++)
        yes = json_is_string(json_array_get(body, i));
    json_decref(o);
    return yes;
}

/* Each non-empty line is one record, kept byte for byte but for its line end: its content
 * hash is what tells a record already stored. */
int bti_reader_records_next(bt_reader *r, bt_capture *cap, bt_error *err)
{
    for (;;) {
        int got = next_line(r, err);
        if (got <= 0)
            return got;
        size_t len = r->line.len;
        while (len && (r->line.data[len - 1] == '\n' || r->line.data[len - 1] == '\r'))
            len--;
        if (len == 0)
            continue;
        memset(cap, 0, sizeof *cap);
        cap->data = r->line.data;
        cap->len = len;
        cap->origin = r->path;
        cap->kind = BT_KIND_RECORD;
        snprintf(r->where, sizeof r->where, "%s: line %llu", r->path, r->lineno);
        cap->where = r->where;
        return 1;
    }
}
