/* text_mojibake.c: pass 0 of the text extractor, the repair of UTF-8 that was read as
 * Latin-1 or Windows-1252 and written out again ("sanciÃ³n" for "sanción", "â€™" for "’"):
 * lynx does that to a page whose charset it did not find, and so do careless copy-pastes.
 * Each UTF-8 sequence shows as a lead letter (Â..ô) and one to three characters that stand
 * for continuation bytes; the capture is repaired when such sequences are most of its
 * non-ASCII text, so a real "Ã" or "Â" in a Portuguese or French text is left alone. */
#include "extract/text_internal.h"

#include <utf8proc.h>

#include <stdlib.h>
#include <string.h>

#define MOJIBAKE_MIN 3   /* sequences: one or two may be a real "Ã©" in a name or a quote */
#define MOJIBAKE_PCT 60  /* share of the non-ASCII characters they must make up */

/* Windows-1252's characters for the bytes 0x80-0x9F (0: the byte has none). */
static const utf8proc_int32_t CP1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* The byte that character cp stood for when it was read as Latin-1 or Windows-1252, or -1. */
static int byte_of(utf8proc_int32_t cp)
{
    if (cp >= 0x80 && cp <= 0xFF)
        return (int)cp;
    for (int i = 0; i < 32; i++)
        if (CP1252[i] && CP1252[i] == cp)
            return 0x80 + i;
    return -1;
}

/* Whether a mis-read UTF-8 sequence starts at s[0..len): its bytes in out[0..*n), its
 * length in the text in *used. */
static int sequence_at(const char *s, size_t len, unsigned char out[4], size_t *n, size_t *used)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp);
    if (k <= 0 || cp < 0xC2 || cp > 0xF4)
        return 0;
    size_t need = cp < 0xE0 ? 1 : cp < 0xF0 ? 2 : 3, at = (size_t)k;
    out[0] = (unsigned char)cp;
    for (size_t i = 1; i <= need; i++) {
        k = utf8proc_iterate((const utf8proc_uint8_t *)s + at, (utf8proc_ssize_t)(len - at), &cp);
        int b = k > 0 ? byte_of(cp) : -1;
        if (b < 0x80 || b > 0xBF)
            return 0;
        out[i] = (unsigned char)b;
        at += (size_t)k;
    }
    /* the bytes must make one well-formed character (no overlong form, no surrogate) */
    if (utf8proc_iterate(out, (utf8proc_ssize_t)(need + 1), &cp) != (utf8proc_ssize_t)(need + 1))
        return 0;
    *n = need + 1;
    *used = at;
    return 1;
}

/* Pass "lost byte": the reader drops the bytes it takes for control characters (0x80-0x9F)
 * and soft hyphens (0xAD), so a two-byte letter whose second byte is one of those is left as
 * a lone "Ã" (0xC3). Inside a word (after a small letter) only two letters of that set are
 * small: ß (C3 9F) and í (C3 AD); the letters the text repaired elsewhere tell which of the
 * two it uses: ä ö ü are German's, á é ó ú ñ the Romance languages'. */
#define LOST_C3 "\xC3\x83" /* "Ã": the lead byte read as Latin-1 */

enum { LOST_NONE, LOST_SZ, LOST_I };

/* Which letter a lone "Ã" inside a word stands for, from the repaired letters' tally. */
static int lost_letter(size_t german, size_t romance)
{
    return german > romance ? LOST_SZ : romance > german ? LOST_I : LOST_NONE;
}

/* Whether the lone "Ã" at s[i] (2 bytes) sits inside a word: a small letter before it, a
 * small letter, white space or punctuation after it. */
static int lost_inside_word(const char *s, size_t len, size_t i, const char *r, size_t o)
{
    unsigned char prev = o ? (unsigned char)r[o - 1] : 0;
    unsigned char next = i + 2 < len ? (unsigned char)s[i + 2] : ' ';
    /* a repaired small letter (C3 A0-BF) ends on a continuation byte: count it as a letter */
    int prev_small = (prev >= 'a' && prev <= 'z') ||
                     (o >= 2 && (unsigned char)r[o - 2] == 0xC3 && prev >= 0xA0 && prev <= 0xBF);
    int next_ok = (next >= 'a' && next <= 'z') || next == ' ' || next == '\n' || next == ',' ||
                  next == '.' || next == ';' || next == ':' || next == '!' || next == '?';
    return prev_small && next_ok;
}

int tx_repair_mojibake(const char *s, size_t len, char **out, size_t *outlen)
{
    *out = NULL;
    *outlen = 0;
    size_t seqs = 0, seq_chars = 0, non_ascii = 0, german = 0, romance = 0;
    unsigned char b[4];
    size_t n, used;
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        if (sequence_at(s + i, len - i, b, &n, &used)) {
            seqs++;
            seq_chars += n;
            if (n == 2 && b[0] == 0xC3) {
                german += b[1] == 0xA4 || b[1] == 0xB6 || b[1] == 0xBC;
                romance += b[1] == 0xA1 || b[1] == 0xA9 || b[1] == 0xB3 || b[1] == 0xBA ||
                           b[1] == 0xB1;
            }
            non_ascii += n;
            i += used;
            continue;
        }
        non_ascii++;
        do
            i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80);
    }
    if (seqs < MOJIBAKE_MIN || seq_chars * 100 < non_ascii * MOJIBAKE_PCT)
        return 0;
    char *r = malloc(len + 1); /* a repaired sequence is never longer than its mis-reading */
    if (!r)
        return BT_ENOMEM;
    size_t o = 0;
    int lost = lost_letter(german, romance);
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] >= 0xC2 && sequence_at(s + i, len - i, b, &n, &used)) {
            memcpy(r + o, b, n);
            o += n;
            i += used;
        } else if (lost != LOST_NONE && i + 1 < len && !memcmp(s + i, LOST_C3, 2) &&
                   lost_inside_word(s, len, i, r, o)) {
            r[o++] = (char)0xC3;
            r[o++] = (char)(lost == LOST_SZ ? 0x9F : 0xAD);
            i += 2;
        } else {
            r[o++] = s[i++];
        }
    }
    r[o] = '\0';
    *out = r;
    *outlen = o;
    return 1;
}
