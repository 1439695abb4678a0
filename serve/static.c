/* static.c: the web page's files, from the set compiled in (assets.h). A URL names an asset
 * or nothing: it is looked up in that set by name, never joined to a path, so no URL (`..`,
 * `%2e%2e`, a NUL) reaches a file outside it. */
#include "server.h"
#include "assets.h"

#include <string.h>

static const char *type_of(const char *name)
{
    const char *dot = strrchr(name, '.');
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
        {".svg", "image/svg+xml"}, {".png", "image/png"}, {".ico", "image/x-icon"},
    };
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (!strcmp(dot, types[i].ext))
            return types[i].type;
    return "application/octet-stream";
}

static const struct serve_asset *find(const char *name)
{
    for (const struct serve_asset *a = serve_assets; a->name; a++)
        if (!strcmp(a->name, name))
            return a;
    return NULL;
}

void serve_asset_reply(const char *name, struct reply *r)
{
    const struct serve_asset *a = find(name);
    if (!a) {
        serve_error(r, MHD_HTTP_NOT_FOUND, BT_ENOTFOUND, "%s is not in this build", name);
        return;
    }
    r->status = MHD_HTTP_OK;
    r->body = (char *)a->data;
    r->len = a->len;
    r->type = type_of(a->name);
    r->borrowed = 1;
}

void serve_static(const char *method, const char *url, struct reply *r)
{
    if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD)) {
        serve_error(r, MHD_HTTP_METHOD_NOT_ALLOWED, BT_EUNSUPPORTED,
                    "%s: the page's files take GET and HEAD only", method);
        r->allow = "GET, HEAD";
        return;
    }
    /* the page is one document; its views are #fragments (#/search?q=..., #/a/ID) */
    const char *name = !strcmp(url, "/") ? "index.html"
                       : !strncmp(url, "/assets/", 8) ? url + 8 : NULL;
    /* openapi.json is the API's (/api/openapi.json), index.html the root's */
    if (!name || !*name || strchr(name, '/') || !strcmp(name, "openapi.json") || !find(name)) {
        serve_error(r, MHD_HTTP_NOT_FOUND, BT_ENOTFOUND, "no page or file at this address");
        return;
    }
    serve_asset_reply(name, r);
}
