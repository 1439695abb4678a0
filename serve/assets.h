/* assets.h: the files of serve/assets/ (the web page, the OpenAPI document) compiled into the
 * binary by scripts/embed-assets.sh, so that the server needs no folder and no network. */
#ifndef BT_SERVE_ASSETS_H
#define BT_SERVE_ASSETS_H

#include <stddef.h>

struct serve_asset {
    const char *name;          /* the file's name in serve/assets/ ("index.html") */
    const unsigned char *data;
    size_t len;
};

/* ends with an entry whose name is NULL */
extern const struct serve_asset serve_assets[];

#endif
