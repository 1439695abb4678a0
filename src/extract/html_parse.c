/* html_parse.c: UTF-8 HTML to a libxml2 tree, with no network access and bounded input.
 *
 * libxml2 wants xmlInitParser() called once before threads parse concurrently; we call it
 * through pthread_once so that any thread may be the first to extract. Parse errors are not
 * reported: real pages are tag soup and HTML_PARSE_RECOVER builds the tree browsers would. */
#include "extract/html_internal.h"

#include <libxml/parser.h>
#include <pthread.h>

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_libxml(void)
{
    xmlInitParser();
}

int bt_html_parse(const char *utf8, size_t len, const char *origin, xmlDocPtr *out,
                  bt_error *err)
{
    *out = NULL;
    if (len > BT_HTML_MAX_BYTES)
        return bt_error_set(err, BT_ELIMIT, "%s: page is %zu MB, over the %u MB limit for HTML",
                            origin, len >> 20, BT_HTML_MAX_BYTES >> 20);
    pthread_once(&init_once, init_libxml);
    int opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_RECOVER | HTML_PARSE_COMPACT;
    xmlDocPtr doc = htmlReadMemory(utf8, (int)len, NULL, "UTF-8", opts);
    if (!doc || !xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        return bt_error_set(err, BT_ENOARTICLE, "%s: no HTML document could be parsed", origin);
    }
    *out = doc;
    return 0;
}
