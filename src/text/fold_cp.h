/* fold_cp.h: the search key of ONE code point, straight from utf8proc's data.
 *
 * This is the single definition of folding. scripts/gen_text_tables.c runs it over the Latin,
 * Vietnamese and punctuation blocks to build the static tables in tables.h, and fold.c calls
 * it at run time for every code point outside those tables, so the fast path and the slow
 * path cannot disagree. Internal to src/text. */
#ifndef BT_TEXT_FOLD_CP_H
#define BT_TEXT_FOLD_CP_H

#include <stdint.h>
#include <utf8proc.h>

/* Letters that carry their "mark" in the glyph itself, so Unicode gives them no
 * decomposition, but a reader searching in ASCII types them as these. */
static inline const char *bti_fold_special(int32_t c)
{
    switch (c) {
    case 0x0110: case 0x0111: case 0x00D0: case 0x00F0: case 0x0189: case 0x0256:
        return "d";                                    /* Đ đ Ð ð Ɖ ɖ */
    case 0x00D8: case 0x00F8: case 0x01FE: case 0x01FF: return "o";      /* Ø ø Ǿ ǿ */
    case 0x0141: case 0x0142: case 0x013F: case 0x0140: return "l";      /* Ł ł Ŀ ŀ */
    case 0x0126: case 0x0127: return "h";                                /* Ħ ħ */
    case 0x0166: case 0x0167: return "t";                                /* Ŧ ŧ */
    case 0x0131: return "i";                                             /* ı */
    case 0x00C6: case 0x00E6: case 0x01E2: case 0x01E3: case 0x01FC: case 0x01FD:
        return "ae";                                   /* Æ æ Ǣ ǣ Ǽ ǽ */
    case 0x0152: case 0x0153: return "oe";                               /* Œ œ */
    case 0x00DE: case 0x00FE: return "th";                               /* Þ þ */
    case 0x00DF: case 0x1E9E: return "ss";                               /* ß ẞ */
    case 0x0132: case 0x0133: return "ij";                               /* Ĳ ĳ */
    case 0x0180: case 0x0243: return "b";                                /* ƀ Ƀ */
    case 0x0197: case 0x0268: return "i";                                /* Ɨ ɨ */
    case 0x01B5: case 0x01B6: return "z";                                /* Ƶ ƶ */
    default: return 0;
    }
}

/* Generic combining diacritics: dropped from keys. Script-specific marks (Devanagari vowel
 * signs, Thai tone marks...) are kept: they are letters of those scripts, not accents. */
static inline int bti_fold_drops(int32_t c)
{
    /* U+0345, the Greek iota subscript, is a mark that case folding turns into a letter (ι) */
    return (c >= 0x0300 && c <= 0x036F && c != 0x0345) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE20 && c <= 0xFE2F);
}

/* Writes the key of `c` to out (at most 32 bytes) and returns its length: canonical
 * decomposition + full case folding with the generic marks dropped, and the special letters
 * above. Other scripts stay decomposed (Hangul as jamo), so NFC and NFD input agree. */
static inline int bti_fold_cp(int32_t c, uint8_t out[32])
{
    const char *sp = bti_fold_special(c);
    if (sp) {
        int n = 0;
        while (sp[n]) {
            out[n] = (uint8_t)sp[n];
            n++;
        }
        return n;
    }
    if (bti_fold_drops(c))
        return 0;
    utf8proc_int32_t dec[8];
    utf8proc_ssize_t m = utf8proc_decompose_char(
        c, dec, 8, (utf8proc_option_t)(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD), NULL);
    if (m <= 0 || m > 8) {
        dec[0] = c;
        m = 1;
    }
    int n = 0;
    for (utf8proc_ssize_t j = 0; j < m; j++) {
        if (bti_fold_drops(dec[j]))
            continue;
        const char *sp2 = bti_fold_special(dec[j]);
        if (sp2) {
            while (*sp2 && n < 32)
                out[n++] = (uint8_t)*sp2++;
            continue;
        }
        if (n + 4 > 32)
            break;
        n += (int)utf8proc_encode_char(dec[j], out + n);
    }
    return n;
}

#endif
