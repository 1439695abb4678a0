/* bench_text.c: fold and tokenise throughput on real Vietnamese news text, side by side with
 * utf8proc's generic folding (+ a đ fix-up) and ICU's "Any-Latin; Latin-ASCII; Lower"
 * transliterator, measured in the same run on the same bytes.
 *
 * usage: bench_text [--mb N] [--icu-mb N] [SHARED_DIR]
 * The corpus is the bodies of SHARED_DIR/seeds/ *.txt (default $BANTIN_SHARED or ../shared)
 * concatenated and repeated to N MB (default 100), processed in article-sized chunks (cut at
 * line ends), as an indexer sees them. ICU is two orders of magnitude slower, so it runs on
 * the first --icu-mb MB (default 4). Throughput is bytes of input per second of this thread's
 * CPU time. */
#include "bantin.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#ifndef BENCH_NO_ICU
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#endif

/* CPU time of this thread, not wall time: the figure is per core, and stays meaningful on a
 * machine shared with other jobs (it still suffers their cache pressure; the ratios between
 * peers, measured in the same run, are the robust figures). */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct chunk {
    const char *s;
    size_t len;
} chunk;

static char *load_seeds(const char *dir, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/seeds", dir);
    DIR *d = opendir(path);
    if (!d)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    char *all = malloc(cap);
    struct dirent *e;
    while (all && (e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt"))
            continue;
        snprintf(path, sizeof path, "%s/seeds/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        char buf[65536];
        size_t r;
        while ((r = fread(buf, 1, sizeof buf, f)) > 0) {
            while (n + r + 2 > cap) {
                char *bigger = realloc(all, cap *= 2);
                if (!bigger) {
                    free(all);
                    fclose(f);
                    closedir(d);
                    return NULL;
                }
                all = bigger;
            }
            memcpy(all + n, buf, r);
            n += r;
        }
        fclose(f);
        all[n++] = '\n';
    }
    closedir(d);
    *len = n;
    return all;
}

/* Cuts text into ~16 KB pieces ending at a newline: one article body each, roughly. */
static chunk *cut(const char *s, size_t len, size_t *count)
{
    size_t cap = len / 8192 + 16, n = 0, i = 0;
    chunk *c = malloc(cap * sizeof *c);
    while (c && i < len) {
        size_t j = i + 16384 < len ? i + 16384 : len;
        while (j < len && s[j - 1] != '\n')
            j++;
        if (n == cap) {
            chunk *bigger = realloc(c, (cap *= 2) * sizeof *c);
            if (!bigger) {
                free(c);
                return NULL;
            }
            c = bigger;
        }
        c[n].s = s + i;
        c[n].len = j - i;
        n++;
        i = j;
    }
    *count = n;
    return c;
}

static size_t peer_utf8proc(const chunk *c, char *out)
{
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)c->s, (utf8proc_ssize_t)c->len,
                                      &m, UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD |
                                              UTF8PROC_COMPOSE);
    if (n < 0)
        return 0;
    /* the đ fix-up: utf8proc keeps đ (it has no decomposition) */
    size_t o = 0;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        if (m[i] == 0xC4 && i + 1 < n && m[i + 1] == 0x91) {
            out[o++] = 'd';
            i++;
        } else
            out[o++] = (char)m[i];
    }
    free(m);
    return o;
}

static int count_tok(void *ctx, const bt_token *t)
{
    size_t *n = ctx;
    *n += 1 + (t->len & 0); /* touch the token as a consumer would */
    return 0;
}

int main(int argc, char **argv)
{
    double mb = 100, icu_mb = 4;
    const char *dir = getenv("BANTIN_SHARED") ? getenv("BANTIN_SHARED") : "../shared";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--mb") && i + 1 < argc)
            mb = atof(argv[++i]);
        else if (!strcmp(argv[i], "--icu-mb") && i + 1 < argc)
            icu_mb = atof(argv[++i]);
        else
            dir = argv[i];
    }
    size_t seedlen;
    char *seed = load_seeds(dir, &seedlen);
    if (!seed || !seedlen) {
        fprintf(stderr, "bench_text: no seeds under %s/seeds\n", dir);
        return 1;
    }
    size_t want = (size_t)(mb * 1e6), len = 0;
    char *text = malloc(want + seedlen + 1);
    if (!text)
        return 1;
    while (len < want) {
        memcpy(text + len, seed, seedlen);
        len += seedlen;
    }
    text[len] = '\0';
    free(seed);
    size_t nc = 0;
    chunk *ch = cut(text, len, &nc);
    size_t maxc = 0, non_ascii = 0;
    for (size_t i = 0; i < nc; i++)
        maxc = ch[i].len > maxc ? ch[i].len : maxc;
    for (size_t i = 0; i < seedlen; i++)
        non_ascii += (unsigned char)text[i] >= 0x80;
    char *out = malloc(3 * maxc + 1), *out2 = malloc(3 * maxc + 1);
    if (!ch || !out || !out2)
        return 1;
    printf("corpus: %zu seed bytes (%.0f%% non-ASCII bytes) repeated to %.1f MB, %zu chunks\n",
           seedlen, 100.0 * (double)non_ascii / (double)seedlen, (double)len / 1e6, nc);

    /* agreement of the two keys on the corpus (they differ only where utf8proc keeps a
     * letter with no decomposition, such as ø or ł) */
    size_t same = 0;
    for (size_t i = 0; i < nc && i < 64; i++) {
        size_t a = bt_fold(ch[i].s, ch[i].len, out, 3 * maxc + 1);
        size_t b = peer_utf8proc(&ch[i], out2);
        same += a == b && !memcmp(out, out2, a);
    }
    printf("keys identical to utf8proc+đ on %zu of %zu chunks checked\n", same, nc < 64 ? nc : 64);

    volatile size_t sink = 0;
    double t0 = now();
    for (size_t i = 0; i < nc; i++)
        sink += bt_fold(ch[i].s, ch[i].len, out, 3 * maxc + 1);
    double t_fold = now() - t0;

    t0 = now();
    for (size_t i = 0; i < nc; i++)
        sink += peer_utf8proc(&ch[i], out);
    double t_u8p = now() - t0;

    size_t toks = 0;
    t0 = now();
    for (size_t i = 0; i < nc; i++)
        bt_tokenize(ch[i].s, ch[i].len, 0, count_tok, &toks);
    double t_tok = now() - t0;
    t0 = now();
    for (size_t i = 0; i < nc; i++)
        bt_tokenize(ch[i].s, ch[i].len, BT_TOKENIZE_FOLD, count_tok, &toks);
    double t_tokf = now() - t0;
    t0 = now();
    for (size_t i = 0; i < nc; i++)
        bt_tokenize(ch[i].s, ch[i].len, BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY, count_tok, &toks);
    double t_tokk = now() - t0;

    double mbs = (double)len / 1e6;
    printf("%-44s %9.1f MB/s\n", "bantin bt_fold", mbs / t_fold);
    printf("%-44s %9.1f MB/s\n", "utf8proc_map(STRIPMARK|CASEFOLD|COMPOSE)+đ", mbs / t_u8p);
    printf("%-44s %9.1f MB/s\n", "bantin bt_tokenize (offsets only)", mbs / t_tok);
    printf("%-44s %9.1f MB/s\n", "bantin bt_tokenize FOLD", mbs / t_tokf);
    printf("%-44s %9.1f MB/s\n", "bantin bt_tokenize FOLD|KEY", mbs / t_tokk);

#ifndef BENCH_NO_ICU
    UErrorCode st = U_ZERO_ERROR;
    UChar id[64];
    u_uastrcpy(id, "Any-Latin; Latin-ASCII; Lower");
    UTransliterator *tr = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
    if (U_FAILURE(st)) {
        fprintf(stderr, "bench_text: ICU transliterator: %s\n", u_errorName(st));
        return 1;
    }
    size_t icu_bytes = 0, icu_want = (size_t)(icu_mb * 1e6);
    UChar *u = malloc((maxc + 1) * 2 * sizeof *u);
    t0 = now();
    for (size_t i = 0; i < nc && icu_bytes < icu_want; i++) {
        int32_t ulen = 0;
        st = U_ZERO_ERROR;
        u_strFromUTF8(u, (int32_t)(2 * maxc + 1), &ulen, ch[i].s, (int32_t)ch[i].len, &st);
        int32_t limit = ulen;
        utrans_transUChars(tr, u, &ulen, (int32_t)(2 * maxc + 1), 0, &limit, &st);
        int32_t olen = 0;
        u_strToUTF8(out, (int32_t)(3 * maxc + 1), &olen, u, ulen, &st);
        if (U_FAILURE(st)) {
            fprintf(stderr, "bench_text: ICU: %s\n", u_errorName(st));
            return 1;
        }
        sink += (size_t)olen;
        icu_bytes += ch[i].len;
    }
    double t_icu = now() - t0;
    double icu_mbs = (double)icu_bytes / 1e6 / t_icu;
    printf("%-44s %9.1f MB/s  (on %.1f MB)\n", "ICU Any-Latin; Latin-ASCII; Lower", icu_mbs,
           (double)icu_bytes / 1e6);
    free(u);
    utrans_close(tr);
#endif
    printf("\nfold vs utf8proc+đ: %.1fx", t_u8p / t_fold);
#ifndef BENCH_NO_ICU
    printf("   fold vs ICU: %.0fx   tokenize FOLD vs ICU: %.0fx", mbs / t_fold / icu_mbs,
           mbs / t_tokf / icu_mbs);
#endif
    printf("\ntokens: %zu per pass\n", toks / 3);
    free(out);
    free(out2);
    free(ch);
    free(text);
    return sink == 42;
}
