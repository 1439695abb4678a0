/* fuzz_decode.c: libFuzzer target for the text stage: arbitrary bytes through bt_decode in
 * the charset and mode its first byte picks (strict or lenient, trusted or not), and through
 * bt_decode_named in a charset of the C library's it also picks, then bt_normalize with every flag, bt_fold (exact and
 * short buffers) and bt_tokenize (original, folded and accented keys), checking the
 * promises each makes: valid UTF-8 out, offsets inside the input, the 3x bound of fold. */
#include "bantin.h"
#include "text/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct walk {
    size_t len, last_end;
} walk;

static int on_token(void *ctx, const bt_token *t)
{
    walk *w = ctx;
    if (t->start < w->last_end || t->end > w->len || t->end <= t->start || !t->len)
        abort();
    if (t->accent && !bt_utf8_valid(t->accent, t->accent_len, NULL))
        abort();
    w->last_end = t->end;
    return 0;
}

static void text_checks(const char *s, size_t len)
{
    size_t klen;
    char *key = bti_fold_dup(s, len, &klen);
    if (!key)
        abort();
    if (klen > 3 * len || !bt_utf8_valid(key, klen, NULL))
        abort();
    char small[7];
    size_t full = bt_fold(s, len, small, sizeof small);
    if (full != klen || memcmp(small, key, full < 6 ? full : 6))
        abort();
    free(key);
    for (unsigned f = 0; f < 8; f++) {
        size_t n;
        char *out = bti_normalize(s, len, f, &n);
        if (!out || !bt_utf8_valid(out, n, NULL) || out[n] != '\0')
            abort();
        free(out);
    }
    static const unsigned opts[] = {0, BT_TOKENIZE_FOLD, BT_TOKENIZE_KEY,
                                    BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY};
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++) {
        walk w = {len, 0};
        if (bt_tokenize(s, len, opts[i], on_token, &w))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    /* the first byte picks the declared charset and the decode flags */
    int cs = data[0] % BT_CS_COUNT;
    unsigned flags = (data[0] >> 4) & 3u;
    const char *in = (const char *)data + 1;
    size--;
    text_checks(in, size);
    (void)bt_charset_detect(in, size);
    char *out = NULL;
    size_t n = 0;
    bt_error err;
    int rc = bt_decode(in, size, (bt_charset)cs, flags, &out, &n, NULL, &err);
    if (rc == 0) {
        if (!bt_utf8_valid(out, n, NULL) || out[n] != '\0')
            abort();
        text_checks(out, n);
        free(out);
    } else if (rc != BT_EPARSE || (flags & BT_DECODE_LENIENT))
        abort();
    /* the charsets without a table of ours, through the C library (decode_named.c): any
     * bytes give valid UTF-8, or the name is refused */
    static const char *const named[] = {"gb2312", "shift_jis", "euc-kr", "big5",
                                        "koi8-r", "windows-1251", "iso-8859-2", "x-none"};
    const char *name = named[(data[0] >> 6) + 4 * (data[0] & 1)];
    rc = bt_decode_named(in, size, name, flags, &out, &n, &err);
    if (rc == 0) {
        if (!bt_utf8_valid(out, n, NULL) || out[n] != '\0')
            abort();
        free(out);
    } else if (rc != BT_EUNSUPPORTED && (rc != BT_EPARSE || (flags & BT_DECODE_LENIENT)))
        abort();
    return 0;
}
