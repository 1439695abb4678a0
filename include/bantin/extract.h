/* bantin/extract.h: from a capture to the article record (text/Markdown captures and HTML).
 *
 * Extraction is pure: no global state, no static buffers; many threads may extract at once,
 * each with its own captures. */
#ifndef BANTIN_EXTRACT_H
#define BANTIN_EXTRACT_H

#include "bantin/article.h"
#include "bantin/capture.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bt_extract_opts {
    unsigned flags;         /* reserved, 0 */
} bt_extract_opts;

/* Extracts the article of `cap` into a new bt_article owned by the caller (*out), with
 * `origin` set from the capture. The capture's kind, when BT_KIND_UNKNOWN, is sniffed from
 * its bytes. Returns BT_ENOARTICLE when the capture holds no article, BT_EPARSE for bytes that
 * are not text; `err` names the capture's origin. `opts` may be NULL. */
int bt_extract(const bt_capture *cap, const bt_extract_opts *opts, bt_article **out,
               bt_error *err);

/* Which kind a capture's bytes look like (HTML markup or text). */
bt_kind bt_sniff_kind(const char *data, size_t len);

#ifdef __cplusplus
}
#endif
#endif
