/* bantin/store.h: the article store: one SQLite file, incremental and crash-safe (issue 6). */
#ifndef BANTIN_STORE_H
#define BANTIN_STORE_H

#include "bantin/article.h"

#endif
