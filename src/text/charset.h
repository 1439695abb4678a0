/* charset.h: the decoders and detection shared by charset.c and decode.c. Internal. */
#ifndef BT_TEXT_CHARSET_H
#define BT_TEXT_CHARSET_H

#include "bantin/text.h"
#include "core/buf.h"

/* The charset a byte-order mark announces (BT_CS_UNKNOWN when none) and the mark's length. */
bt_charset bti_charset_bom(const char *bytes, size_t len, size_t *bomlen);

/* Appends the UTF-8 (not yet NFC) of `len` bytes in charset `cs` to `out`. Bad sequences
 * become U+FFFD when `lenient`; otherwise the call fails with BT_EPARSE and *bad (when not
 * NULL) is their byte offset. */
int bti_decode_raw(const char *in, size_t len, bt_charset cs, int lenient, bti_buf *out,
                   size_t *bad);

/* The legacy charset (or UTF-8 with errors, when utf8_candidate) whose decoding of the bytes
 * reads most like Vietnamese; BT_CS_CP1252 when none does. *margin (when not NULL) is how
 * far the winner's weight is ahead of the runner-up's. */
bt_charset bti_charset_guess(const char *bytes, size_t len, int utf8_candidate, long *margin);

/* The weight of a decoding (bti_vn_score): Vietnamese syllables for it, misfits and junk
 * against it. */
struct bti_vn_score_t;
long bti_vn_weigh(const struct bti_vn_score_t *s);

#endif
