/* fuzz_extract_text.c: libFuzzer target for the text extractor and the date finder.
 * Any bytes must give an article or a clean error, never a crash, leak or overflow. */
#include "bantin.h"
#include "core/date.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bt_capture cap;
    memset(&cap, 0, sizeof cap);
    cap.data = (const char *)data;
    cap.len = size;
    cap.origin = "fuzz";
    cap.kind = BT_KIND_TEXT;
    bt_article *a = NULL;
    bt_error err;
    if (bt_extract(&cap, NULL, &a, &err) == 0) {
        char *json;
        bt_article_to_json(a, 0, &json, &err);
        free(json);
        bt_article_free(a);
    }
    bti_date d;
    char iso[40];
    if (bti_date_find((const char *)data, size, &d))
        bti_date_format(&d, 420, iso, sizeof iso);
    return 0;
}
