/* text_extract.c: the article of a text/Markdown capture (issue 4 builds it out). */
#include "extract/extract_internal.h"

int bt_extract_text(const char *text, size_t len, const bt_capture *cap,
                    const bt_extract_opts *opts, bt_article *a, bt_error *err)
{
    (void)text; (void)len; (void)opts; (void)a;
    return bt_error_set(err, BT_EUNSUPPORTED, "%s: text extraction is not built yet",
                        cap->origin ? cap->origin : "-");
}
