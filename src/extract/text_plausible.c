/* text_plausible.c: whether decoded bytes read as text at all, before the text extractor looks
 * for an article in them. Random or binary bytes without a NUL decode leniently into "text"
 * (windows-1252 makes a character of every byte), and the extractor would find a title in any
 * line; real text, in any language, has next to no control characters, mostly letters, and
 * words of a few characters. Judged on bytes of the UTF-8, without decoding: a byte of a
 * multi-byte character counts as a letter (Vietnamese letters are most of them), which keeps
 * the pass as cheap as a memchr. */
#include "extract/text_internal.h"

#include <stdio.h>

/* Control characters (C0 but tab/newline/CR/form feed, and DEL) in real text are stray bytes:
 * 1 in 100 is already far past them; random bytes decode to about 1 in 9. */
#define MAX_CONTROL_PER_MILLE 10
/* Letters (ASCII letters and the bytes of non-ASCII characters) among the bytes that are not
 * white space: prose is 75-90%, tables of figures stay above half. */
#define MIN_LETTER_PER_MILLE 500
/* Bytes per word (a run between white space): Vietnamese syllables average 4-5 bytes of
 * UTF-8, English words 5, URLs and long numbers pull it up a little; random bytes have a space
 * about once in 64. */
#define MAX_MEAN_WORD 24
/* Too little to judge: headlines and short notes pass. */
#define MIN_BYTES 200
/* The judgement reads the first 4 KB of words: noise shows there as well as anywhere ... */
#define SAMPLE_BYTES 4096
/* ... skipping markup a renderer kept (pandoc leaves <div>s and <img src="data:..."> in its
 * Markdown, html2text long link targets), so it may read this far into a capture. */
#define SCAN_BYTES (64 * 1024)
/* A run between spaces this long is a URL or an encoded blob, not a word: it is not judged.
 * Control characters in it still count, so noise cannot hide in long runs. */
#define MAX_RUN 160

/* Bytes from s[i] that a renderer kept as markup rather than text: an HTML tag or comment
 * ("<div class=...>", "</p>", "<!-- -->"), or a Markdown link target "](...)"; 0 if none. */
static size_t markup_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned char c = i + 1 < n ? s[i + 1] : 0;
    unsigned char end;
    if (s[i] == '<' && (c == '/' || c == '!' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
        end = '>';
    else if (s[i] == ']' && c == '(')
        end = ')';
    else
        return 0;
    for (size_t j = i + 1; j < n; j++) {
        if (s[j] == end)
            return j + 1 - i;
        if (s[j] < 0x20 && s[j] != '\n' && s[j] != '\t' && s[j] != '\r')
            return 0; /* not markup: a stray bracket in noise */
    }
    return 0;
}

int bti_text_plausible(const char *text, size_t len, char *why, size_t cap)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t n = len < SCAN_BYTES ? len : SCAN_BYTES;
    if (n < MIN_BYTES)
        return 1;
    size_t control = 0, letters = 0, visible = 0, words = 0, scanned = 0;
    size_t run = 0, run_letters = 0, i = 0, markup = 0, blobs = 0;
    for (; i <= n && visible < SAMPLE_BYTES; i++) {
        unsigned char c = i < n ? p[i] : ' ';
        size_t m = i < n ? markup_len(p, n, i) : 0;
        if (m) {
            i += m - 1;
            markup += m;
            c = ' '; /* markup separates words */
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            if (run && run <= MAX_RUN) {
                words++;
                visible += run;
                letters += run_letters;
            } else {
                blobs += run;
            }
            run = run_letters = 0;
            continue;
        }
        run++;
        if (c < 0x20 || c == 0x7F)
            control++;
        else if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            run_letters++;
    }
    scanned = i < n ? i : n;
    /* a capture of markup with little text in it is left to the extractor to find none;
     * one long run without spaces is noise */
    if (visible < MIN_BYTES && markup > blobs && control * 1000 <= scanned * MAX_CONTROL_PER_MILLE)
        return 1;
    if (control * 1000 > scanned * MAX_CONTROL_PER_MILLE) {
        snprintf(why, cap, "%zu of its first %zu bytes are control characters", control,
                 scanned);
        return 0;
    }
    if (letters * 1000 < visible * MIN_LETTER_PER_MILLE) {
        snprintf(why, cap, "only %zu of its first %zu visible bytes are letters", letters,
                 visible);
        return 0;
    }
    if (words == 0 || visible / words > MAX_MEAN_WORD) {
        snprintf(why, cap, "no words: %zu bytes in %zu runs between spaces", visible, words);
        return 0;
    }
    return 1;
}
