/* bantin/text.h: Vietnamese text done right: decoding, normalisation, folding, tokenising.
 *
 * Every other stage uses these calls and this module uses none of them. All output is UTF-8.
 * Nothing here keeps state between calls: every function is safe to call from many threads. */
#ifndef BANTIN_TEXT_H
#define BANTIN_TEXT_H

#include "bantin/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Charsets ---------------------------------------------------------------------------- */

typedef enum bt_charset {
    BT_CS_UNKNOWN = 0, /* not declared: detect */
    BT_CS_UTF8,
    BT_CS_UTF16LE,
    BT_CS_UTF16BE,
    BT_CS_CP1258,  /* Windows-1258: tones as combining marks */
    BT_CS_VISCII,
    BT_CS_TCVN3,   /* TCVN 5712:1993 VN3, as the ".VnTime" fonts use it: letters at 0xA1..0xFF
                      (no capitals with tones: .VnTimeH set those with the lowercase codes),
                      Windows-1252 punctuation at 0x80..0x9F, C0 controls kept. glibc's
                      TCVN5712-1 is the fuller VN1, which puts capitals on those codes. */
    BT_CS_VNI,     /* VNI-Windows: ASCII letters followed by VNI's mark bytes ("Vie\xe4t") */
    BT_CS_CP1252,  /* Windows-1252 / ISO-8859-1 */
    BT_CS_COUNT
} bt_charset;

/* Maps a declared name ("utf-8", "windows-1258", "x-viet-vni", "tcvn3", ...; case and
 * punctuation insensitive) to a charset; BT_CS_UNKNOWN when the name is not known. */
BT_API bt_charset bt_charset_from_name(const char *name);

/* The canonical lowercase name of a charset ("utf-8", "windows-1258", ...). */
BT_API const char *bt_charset_name(bt_charset cs);

/* The charset a document or header declares: the first `charset=NAME` in the first 4096
 * bytes (<meta charset="...">, <meta http-equiv="Content-Type" content="...; charset=...">,
 * or an HTTP Content-Type value passed as is), else an XML prolog's encoding="...".
 * BT_CS_UNKNOWN when there is none or the name is not known. Pass the result to bt_decode,
 * which still overrides a declaration the bytes contradict. */
BT_API bt_charset bt_charset_declared(const char *bytes, size_t len);

/* The name of the charset a document or header declares, as written (the same places as
 * bt_charset_declared looks, known to bt_charset or not: "gbk", "koi8-r"), into name[cap]
 * (NUL-terminated, cut to fit); its length, 0 when there is none. For a name bt_charset
 * has no value for, see bt_decode_named. */
BT_API size_t bt_charset_declared_name(const char *bytes, size_t len, char *name, size_t cap);

/* Guesses the charset of raw bytes: a BOM, else UTF-8 when the bytes are valid UTF-8, else
 * the legacy charset (Windows-1258, VNI, TCVN3, VISCII; or UTF-8 with a few bad bytes) whose
 * decoding of the first 64 KB reads most like Vietnamese (well-formed syllables, no control
 * characters). Never fails: returns BT_CS_CP1252 when no reading is Vietnamese. Reliable from
 * about a sentence of text; a few words may leave VISCII and TCVN3 ambiguous. */
BT_API bt_charset bt_charset_detect(const char *bytes, size_t len);

/* bt_decode flags */
#define BT_DECODE_LENIENT 0x1u /* replace invalid sequences with U+FFFD instead of failing */
#define BT_DECODE_TRUST   0x2u /* use `declared` even when the bytes contradict it */

/* Decodes `len` bytes to UTF-8 in NFC. `declared` is the charset the page claims
 * (BT_CS_UNKNOWN to detect, see bt_charset_detect). Unless BT_DECODE_TRUST, a declaration
 * the bytes evidently contradict is overridden: "UTF-8" that is not valid UTF-8 and reads as
 * a legacy charset (Windows-1258 behind a wrong header), a legacy charset over valid UTF-8
 * with non-ASCII bytes (a page re-saved as UTF-8), Windows-1252/ISO-8859-1 over bytes that
 * read as Vietnamese in a legacy charset (how .VnTime and VNI pages were served), or one
 * legacy charset over bytes that read clearly better in another; and UTF-8 that is all
 * double-encoded Vietnamese ("NgÆ°á»i": once read as Windows-1252 and saved again) is
 * repaired ("Người"). A BOM always wins and is removed. On success *out is a malloc'ed NUL-terminated string (owned by the caller),
 * *outlen its length, and *used (when not NULL) the charset applied. Invalid UTF-8 (or
 * UTF-16) fails with BT_EPARSE and "invalid UTF-8 at byte N" (N counted from the start of
 * `in`), or with BT_DECODE_LENIENT becomes U+FFFD, one per maximal invalid subpart. */
BT_API int bt_decode(const char *in, size_t len, bt_charset declared, unsigned flags, char **out,
              size_t *outlen, bt_charset *used, bt_error *err);

/* Decodes `len` bytes in a charset bt_charset has no value for, called by its `name`: any
 * the C library's iconv knows (gbk, gb18030, shift_jis, euc-jp, euc-kr, big5, koi8-r,
 * windows-1251, iso-8859-2 ...; gb2312, shift_jis, euc-kr and big5 are read as the charsets
 * their pages are written in, GBK, Windows-31J, Windows-949 and Big5-HKSCS, as browsers do).
 * On success *out is a malloc'ed NUL-terminated NFC string (owned by the caller), *outlen its
 * length. A name no charset has fails with BT_EUNSUPPORTED; an invalid sequence with
 * BT_EPARSE and "invalid NAME at byte N", or with BT_DECODE_LENIENT becomes U+FFFD, one per
 * bad byte. The declaration is trusted: nothing is detected or overridden. */
BT_API int bt_decode_named(const char *in, size_t len, const char *name, unsigned flags,
                           char **out, size_t *outlen, bt_error *err);

/* Checks that `s` is valid UTF-8 (no overlongs, surrogates, truncation, stray continuation
 * bytes, code points past U+10FFFF). Returns 1 when valid; else 0 and, when `bad` is not
 * NULL, the byte offset of the first invalid sequence. */
BT_API int bt_utf8_valid(const char *s, size_t len, size_t *bad);

/* ---- Normalisation ----------------------------------------------------------------------- */

/* bt_normalize flags */
#define BT_NORM_SPACE 0x1u /* fold white space: NBSP, U+200B and friends, tabs, newlines and
                              runs of spaces become one space; trim both ends */
#define BT_NORM_TONES 0x2u /* canonical tone-mark placement, so that the two spelling
                              styles compare equal: for keys only, never for stored text.
                              Canonical is the placement most Vietnamese news sites and
                              keyboards use, the mark on the first vowel of oa, oe, uy in an
                              open syllable: hoà -> hòa, thuỷ -> thủy, khoẻ -> khỏe,
                              uỷ -> ủy (the 1980s school rules write hoà, thuỷ). Otherwise
                              ă â ê ô ơ ư carry it (ơ in ươ: người); three vowels: the
                              middle one (khuỷu); two vowels and a final consonant: the
                              second (hoàn, khoảng); qu's u and gi's i before a vowel are
                              onset (quý, quở, giữ) but gì, gìn keep it on i. Words that
                              are not Vietnamese syllables are left as they are. */
#define BT_NORM_LOWER 0x4u /* lowercase (Unicode lowercase mapping of every letter) */

/* Sets *out to a malloc'ed NFC copy of UTF-8 `s` transformed by `flags` (owned by the
 * caller), and *outlen (when not NULL) to its length. Invalid input bytes are replaced with
 * U+FFFD. 0, or BT_ENOMEM (the only failure) with *out NULL. */
BT_API int bt_normalize(const char *s, size_t len, unsigned flags, char **out, size_t *outlen);

/* ---- Folding: the search key ------------------------------------------------------------- */

/* Writes the search key of `s`: lowercase, marks removed, đ/Đ -> d, other Latin folded to
 * ASCII (é -> e, ß -> ss, ø -> o, æ -> ae, ł -> l), other scripts case-folded with the
 * generic accents dropped (Αθήνα -> αθηνα) and kept in canonical decomposition (Hangul as
 * jamo), so NFC and NFD input give the same key; tone placement cannot matter. Invalid
 * UTF-8 becomes U+FFFD (one per maximal subpart). About 1 GB/s per core on Vietnamese news:
 * ASCII eight bytes at a time, the Latin and Vietnamese blocks by static table.
 * Behaves like snprintf: writes at most `cap` bytes including a NUL and returns the length
 * the whole key needs (not counting the NUL). The key is never longer than 3 * len. */
BT_API size_t bt_fold(const char *s, size_t len, char *out, size_t cap);

/* Allocating form of bt_fold: *out a malloc'ed key (owned by the caller), *outlen (when not
 * NULL) its length. 0, or BT_ENOMEM (the only failure) with *out NULL. */
BT_API int bt_fold_dup(const char *s, size_t len, char **out, size_t *outlen);

/* ---- Tokenising -------------------------------------------------------------------------- */

/* token flags */
#define BT_TOK_NUMBER        0x1u /* 3.000, 1-2, 20/10: kept whole */
#define BT_TOK_UPPER_INITIAL 0x2u /* first letter is uppercase in the original */

/* tokenizer options */
#define BT_TOKENIZE_FOLD 0x1u /* hand the callback the folded key instead of the original */
#define BT_TOKENIZE_KEY  0x2u /* also hand out the accented key in `accent`: the token
                                 lowercased, NFC, tone marks in canonical place (see
                                 BT_NORM_TONES), so hoà and Hòa both give "hòa" while
                                 "hoa" stays apart: for accent-aware ranking */

typedef struct bt_token {
    const char *text; /* the token: original bytes, or its folded key with BT_TOKENIZE_FOLD;
                         valid only during the callback */
    size_t len;
    size_t start;     /* byte offsets of the token in the original text */
    size_t end;
    unsigned flags;   /* BT_TOK_* */
    const char *accent; /* with BT_TOKENIZE_KEY: the accented key (NUL-terminated, valid only
                           during the callback); else NULL */
    size_t accent_len;
} bt_token;

/* Calls `cb` for each word/syllable/number of `s` in order; punctuation is dropped. A token
 * is a run of letters, combining marks and digits (U23, H5N1 stay whole); a number keeps
 * the separators . , - / : between its digits (3.000, 1,5, 1-2, 20/10/2021) and ends before
 * a letter (3.000đ gives 3.000 and đ). BT_TOK_UPPER_INITIAL is set when the first letter is
 * a capital (names, sentence starts). Invalid UTF-8 bytes separate tokens. The walk
 * allocates nothing unless a token is longer than ~300 bytes or, with BT_TOKENIZE_KEY, is
 * written outside the Latin blocks or in decomposed form.
 * A non-zero return from `cb` stops the walk and is returned; otherwise returns 0
 * (or BT_ENOMEM). */
BT_API int bt_tokenize(const char *s, size_t len, unsigned opts,
                int (*cb)(void *ctx, const bt_token *tok), void *ctx);

#ifdef __cplusplus
}
#endif
#endif
