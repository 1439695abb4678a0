/* fuzz_reader_common.h: runs every record of an in-memory input through a reader, with a
 * small record limit so that the fuzzer explores the limits too. Shared by fuzz_reader_*.c. */
#ifndef BT_FUZZ_READER_COMMON_H
#define BT_FUZZ_READER_COMMON_H

#include "bantin.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void fuzz_read_all(const uint8_t *data, size_t size)
{
    bt_reader *r;
    bt_error err;
    if (bt_reader_open_mem(data, size, "fuzz", 0, &r, &err))
        return;
    bt_reader_set_limit(r, 1u << 20);
    const bt_capture *cp;
    int rc;
    size_t guard = 0;
    while (((rc = bt_reader_next(r, &cp, &err)) < 0 || cp) && guard++ < 100000) {
        if (rc == 0) {
            const bt_capture c = *cp;
            /* touch every byte and string the capture hands out */
            volatile unsigned x = 0;
            for (size_t i = 0; i < c.len; i++)
                x += (unsigned char)c.data[i];
            if (c.url)
                x += (unsigned)strlen(c.url);
            if (c.charset)
                x += (unsigned)strlen(c.charset);
            if (c.fetched_at)
                x += (unsigned)strlen(c.fetched_at);
            if (c.where)
                x += (unsigned)strlen(c.where);
            x += (unsigned)strlen(c.origin);
            (void)x;
        } else if (!err.msg[0]) {
            abort(); /* a bad record must say what is wrong */
        }
    }
    if (guard >= 100000)
        abort(); /* the reader must end */
    bt_reader_stats st = BT_READER_STATS_INIT;
    bt_reader_stats_get(r, &st);
    bt_reader_close(r);
}

/* `prefix` + data, so that the sniffer picks the reader under test. */
static void fuzz_read_with_prefix(const char *prefix, const uint8_t *data, size_t size)
{
    size_t pl = strlen(prefix);
    if (size >= pl && memcmp(data, prefix, pl) == 0) {
        fuzz_read_all(data, size);
        return;
    }
    uint8_t *buf = malloc(pl + size + 1);
    if (!buf)
        return;
    memcpy(buf, prefix, pl);
    if (size)
        memcpy(buf + pl, data, size);
    fuzz_read_all(buf, pl + size);
    free(buf);
}

#endif
