/* bantin/search.h: searching the store: query language, ranking, snippets (issue 7). */
#ifndef BANTIN_SEARCH_H
#define BANTIN_SEARCH_H

#include "bantin/store.h"

#endif
