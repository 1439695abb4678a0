/* bantin.h: the public API of libbantin, the news engine: capture -> article -> store ->
 * search/connect. The CLI and the HTTP server use nothing else.
 *
 * Conventions: fallible calls return 0 or a negative BT_E* code and fill a caller's bt_error
 * (may be NULL) with a message naming the file, record or field. Every _new/_open has its
 * _free/_close; returned strings and records are owned by the caller unless documented
 * otherwise. No call keeps global mutable state; objects are not shared between threads
 * unless documented. */
#ifndef BANTIN_H
#define BANTIN_H

#include "bantin/common.h"
#include "bantin/text.h"
#include "bantin/article.h"
#include "bantin/capture.h"
#include "bantin/extract.h"
#include "bantin/store.h"
#include "bantin/search.h"
#include "bantin/ingest.h"
#include "bantin/connect.h"
#include "bantin/story.h"
#include "bantin/top.h"

#endif
