/* json.c: the helpers of core/json.h, shared by every JSON writer of the library. */
#include "core/json.h"
#include "bantin/common.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int bti_json_dump(const json_t *v, unsigned flags, char **out)
{
    size_t jf = JSON_PRESERVE_ORDER;
    jf |= (flags & BT_JSON_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT;
    *out = json_dumps(v, jf);
    return *out ? 0 : BT_ENOMEM;
}

json_t *bti_json_str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 when it is not one (RFC 3629:
 * no overlongs, no surrogates, nothing past U+10FFFF). */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80)
        return 1;
    size_t k = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
    if (!k || s[0] > 0xf4 || n < k)
        return 0;
    for (size_t i = 1; i < k; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] > 0x9f) ||
        (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] > 0x8f))
        return 0;
    return k;
}

json_t *bti_json_str_lossy(const char *s, size_t len)
{
    json_t *v = json_stringn(s, len);
    if (v)
        return v;
    /* invalid UTF-8 (or out of memory): each bad byte costs at most 3 */
    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    char *p = malloc(len * 3 + 1);
    if (!p)
        return NULL;
    size_t o = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        size_t k = utf8_seq(u + i, len - i);
        if (k) {
            memcpy(p + o, u + i, k);
            o += k;
            i += k;
        } else {
            memcpy(p + o, "\xef\xbf\xbd", 3);
            o += 3;
            i++;
        }
    }
    v = json_stringn(p, o);
    free(p);
    return v;
}

int bti_json_set_str(json_t *o, const char *key, const char *s, int nullable)
{
    if (!s && !nullable)
        return BT_EINVAL;
    json_t *v = s ? json_string(s) : json_null();
    if (!v) {
        size_t n = strlen(s);
        const unsigned char *u = (const unsigned char *)s;
        for (size_t i = 0, k; i < n; i += k)
            if (!(k = utf8_seq(u + i, n - i)))
                return BT_EINVAL;
        return BT_ENOMEM;
    }
    return bti_json_set(o, key, v);
}

int bti_json_set(json_t *o, const char *key, json_t *v)
{
    return v && !json_object_set_new(o, key, v) ? 0 : BT_ENOMEM;
}
