/* text_source.c: the site's name as a text capture's copyright line gives it ("Tuổi Trẻ Online
 * giữ bản quyền nội dung", "© 2023 Tin Cửu Long."), for pass 13 "source" in text_extract.c,
 * and whether a lede's source prefix ("TTO") abbreviates it. */
#include "extract/text_internal.h"
#include "text/alloc.h" /* bti_fold_dup */

#include <stdlib.h>
#include <string.h>

#define NONE ((size_t)-1)
#define COPYRIGHT_MAX_LEN 400  /* a copyright line, not a paragraph mentioning one */
#define SITE_NAME_MAX_WORDS 6  /* a site's name is a few words */

/* First occurrence of needle (nl > 0 bytes) in s[0..n), or NULL: memchr finds candidates
 * for its first byte, so a block without it is skipped at memchr's speed. */
static const char *find_bytes(const char *s, size_t n, const char *needle, size_t nl)
{
    const char *p = s, *end = s + n;
    while ((size_t)(end - p) >= nl) {
        p = memchr(p, (unsigned char)needle[0], (size_t)(end - p) - nl + 1);
        if (!p)
            return NULL;
        if (!memcmp(p, needle, nl))
            return p;
        p++;
    }
    return NULL;
}

/* The site's name from its copyright line: "Tuổi Trẻ Online giữ bản quyền nội dung",
 * "Toàn bộ bản quyền thuộc VnExpress.", "© 2023 Tin Cửu Long. ...". Sets *off and *len in b->text
 * to the name without the generic "Báo"/"Báo điện tử"; 0 when the line names no one. */
int bti_text_copyright_name(const tx_block *b, size_t *off, size_t *len)
{
    const char *s = b->text;
    size_t n = b->len, st = NONE, en = NONE;
    if (b->kind != TB_TEXT || n > COPYRIGHT_MAX_LEN)
        return 0;
    static const char keep[] = " giữ bản quyền";
    static const char *const owned[] = {"bản quyền thuộc về ", "Bản quyền thuộc về ",
                                        "bản quyền thuộc ", "Bản quyền thuộc ", NULL};
    const char *k = find_bytes(s, n, keep, sizeof keep - 1);
    if (k) {
        /* the name runs back to the start of its sentence or a mark ("® ", ". ") */
        en = (size_t)(k - s);
        st = en;
        while (st && !(s[st - 1] == ' ' && st >= 2 && (s[st - 2] == '.' || s[st - 2] == ',')) &&
               !(st >= 3 && !memcmp(s + st - 3, "\xC2\xAE ", 3)))
            st--;
    } else {
        for (size_t q = 0; owned[q] && st == NONE; q++) {
            size_t ql = strlen(owned[q]);
            const char *at = find_bytes(s, n, owned[q], ql);
            if (at)
                st = (size_t)(at - s) + ql;
        }
        if (st == NONE) {
            /* "© 2023 Name.", "(C) 2024 Name.", "© Copyright ZNEWS.VN." */
            size_t i = 0;
            if (n > 2 && !memcmp(s, "\xC2\xA9 ", 3))
                i = 3;
            else if (n > 4 && (!memcmp(s, "(C) ", 4) || !memcmp(s, "(c) ", 4)))
                i = 4;
            else
                return 0;
            if (n - i > 10 && !memcmp(s + i, "Copyright ", 10))
                i += 10;
            while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == ' '))
                i++;
            st = i;
        }
        en = st;
        while (en < n && s[en] != ',' && s[en] != '|' &&
               !(s[en] == '.' && (en + 1 == n || s[en + 1] == ' ')) &&
               !(en + 3 <= n && !memcmp(s + en, " - ", 3)))
            en++;
    }
    static const char *const generic[] = {"Báo điện tử ", "Báo ", "Tạp chí ", NULL};
    for (size_t q = 0; generic[q]; q++) {
        size_t gl = strlen(generic[q]);
        if (en - st > gl && !memcmp(s + st, generic[q], gl))
            st += gl;
    }
    while (st < en && s[st] == ' ')
        st++;
    while (en > st && s[en - 1] == ' ')
        en--;
    size_t words = 1;
    for (size_t i = st; i < en; i++)
        words += s[i] == ' ';
    /* a name: capitalised, a few words */
    if (en <= st || words > SITE_NAME_MAX_WORDS ||
        !((s[st] >= 'A' && s[st] <= 'Z') || (unsigned char)s[st] >= 0xC3))
        return 0;
    *off = st;
    *len = en - st;
    return 1;
}

/* Whether `abbr` ("TTO", "NLĐO") is the initials of `name` ("Tuổi Trẻ Online", "Người Lao
 * Động"): then the lede prefix is the name abbreviated and the full name wins. */
int bti_text_abbreviates(const char *abbr, const char *name, size_t nlen)
{
    size_t al, fl;
    char *a = bti_fold_dup(abbr, strlen(abbr), &al);
    char *f = bti_fold_dup(name, nlen, &fl);
    int ok = 0;
    if (a && f && al >= 2) {
        for (size_t i = 0; i < al; i++)
            if (a[i] < 'a' || a[i] > 'z')
                goto done;
        size_t m = 0;
        for (size_t i = 0; i < fl; i++)
            if ((i == 0 || f[i - 1] == ' ') && f[i] != ' ') {
                if (m >= al || f[i] != a[m])
                    goto done;
                m++;
            }
        ok = m >= 2;
    }
done:
    free(a);
    free(f);
    return ok;
}
