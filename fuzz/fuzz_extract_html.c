/* fuzz_extract_html.c: libFuzzer target for the HTML extractor (charset sniffing, libxml2
 * parse, metadata, JSON-LD, scoring, output). Any input must give an article or an error. */
#include "bantin.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bt_capture cap = {0};
    cap.data = (const char *)data;
    cap.len = size;
    cap.origin = "fuzz.html";
    cap.url = size % 2 ? "https://example.vn/a/b.htm" : NULL;
    cap.kind = BT_KIND_HTML;
    bt_article *a = NULL;
    bt_error err;
    if (bt_extract(&cap, NULL, &a, &err) == 0) {
        char *json;
        bt_article_to_json(a, 0, &json, &err);
        free(json);
        bt_article_free(a);
    }
    return 0;
}
