/* html_extract.c: the article of an HTML capture (issue 5 builds it out). */
#include "extract/extract_internal.h"

int bt_extract_html(const bt_capture *cap, const bt_extract_opts *opts, bt_article *a,
                    bt_error *err)
{
    (void)opts; (void)a;
    return bt_error_set(err, BT_EUNSUPPORTED, "%s: HTML extraction is not built yet",
                        cap->origin ? cap->origin : "-");
}
