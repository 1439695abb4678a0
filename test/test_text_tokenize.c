/* test_text_tokenize.c: tokens with offsets into the original text, numbers kept whole,
 * punctuation dropped, the upper-initial flag, folded and accented keys. */
#include "support.h"
#include "text/alloc.h"

#include "bantin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct acc {
    char out[4096];
    const char *src;
} acc;

/* Appends "text[start,end]flags|" per token, checking that the offsets point at the token
 * in the original. */
static int collect(void *ctx, const bt_token *t)
{
    acc *a = ctx;
    char one[512];
    snprintf(one, sizeof one, "%.*s%s%s%s%.*s|", (int)t->len, t->text,
             (t->flags & BT_TOK_NUMBER) ? "#" : "", (t->flags & BT_TOK_UPPER_INITIAL) ? "^" : "",
             t->accent ? "=" : "", t->accent ? (int)t->accent_len : 0,
             t->accent ? t->accent : "");
    strncat(a->out, one, sizeof a->out - strlen(a->out) - 1);
    assert_true(t->end > t->start);
    return 0;
}

static void expect(const char *s, unsigned opts, const char *want)
{
    acc a = {"", s};
    assert_int_equal(bt_tokenize(s, strlen(s), opts, collect, &a), 0);
    assert_string_equal(a.out, want);
}

static int check_offsets(void *ctx, const bt_token *t)
{
    const char *s = ctx;
    /* without FOLD the token is the original bytes at its offsets */
    assert_ptr_equal(t->text, s + t->start);
    assert_int_equal(t->len, t->end - t->start);
    return 0;
}

static void test_words_numbers_punctuation(void **state)
{
    (void)state;
    expect("Đàm phán, 3.000 người; 20/10!", 0, "Đàm^|phán|3.000#|người|20/10#|");
    expect("tỷ lệ 1,5% trong 1-2 ngày, lúc 7:30 (ngày 2/9/2021).", 0,
           "tỷ|lệ|1,5#|trong|1-2#|ngày|lúc|7:30#|ngày|2/9/2021#|");
    expect("giá 3.000đ, U23 Việt Nam, H5N1, COVID-19", 0,
           "giá|3.000#|đ|U23^|Việt^|Nam^|H5N1^|COVID^|19#|");
    expect("năm 2021. Tiếp", 0, "năm|2021#|Tiếp^|");
    expect("“Hà Nội” – ‘mùa thu’…", 0, "Hà^|Nội^|mùa|thu|");
    expect("", 0, "");
    assert_int_equal(bt_tokenize(NULL, 0, BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY, collect, NULL), 0);
    char k[4] = "x";
    assert_int_equal(bt_fold(NULL, 0, k, sizeof k), 0);
    assert_string_equal(k, "");
    assert_int_equal(bt_utf8_valid(NULL, 0, NULL), 1);
    expect(" ,.;!? \t\n", 0, "");
    expect("ĐẠI hội ébène Über", 0, "ĐẠI^|hội|ébène|Über^|");
}

static void test_fold_and_key(void **state)
{
    (void)state;
    expect("Đàm PHÁN Thuỷ điện Hoà Bình", BT_TOKENIZE_FOLD,
           "dam^|phan^|thuy^|dien|hoa^|binh^|");
    expect("Thuỷ điện Hoà Bình, KHOẺ", BT_TOKENIZE_KEY,
           "Thuỷ^=thủy|điện=điện|Hoà^=hòa|Bình^=bình|KHOẺ^=khỏe|");
    expect("hoà hòa hoa", BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY, "hoa=hòa|hoa=hòa|hoa=hoa|");
    /* NFD input: same keys, offsets still into the original bytes */
    expect("Hoa\xcc\x80 thuy\xcc\x89", BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY, "hoa^=hòa|thuy=thủy|");
    expect("Москва 3.000", BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY, "москва^=москва|3.000#=3.000|");
}

static void test_offsets_into_original(void **state)
{
    (void)state;
    const char *s = "  Chiều 2/9, người dân Thủ đô \xe2\x80\x9cđổ\xe2\x80\x9d ra đường\xc0 xem.";
    assert_int_equal(bt_tokenize(s, strlen(s), 0, check_offsets, (void *)s), 0);
    /* invalid bytes separate tokens */
    expect("ab\xff" "cd\xe1\xba" "ef", 0, "ab|cd|ef|");
    /* a NFD token keeps its marks inside it */
    expect("ho\xcc\x9b\xcc\x80i", 0, "ho\xcc\x9b\xcc\x80i|");
}

static int stop_at_second(void *ctx, const bt_token *t)
{
    int *n = ctx;
    (void)t;
    return ++*n == 2 ? 42 : 0;
}

struct long_tok {
    size_t letters;
    int seen;
};

/* One token of `letters` × À: folded to as many 'a', accented key as many 'à'. */
static int check_long(void *ctx, const bt_token *t)
{
    struct long_tok *lt = ctx;
    lt->seen++;
    assert_int_equal(t->len, lt->letters);
    for (size_t i = 0; i < t->len; i++)
        assert_int_equal(t->text[i], 'a');
    assert_int_equal(t->accent_len, 2 * lt->letters);
    for (size_t i = 0; i < t->accent_len; i += 2)
        assert_memory_equal(t->accent + i, "à", 2);
    assert_int_equal(t->flags & BT_TOK_UPPER_INITIAL, BT_TOK_UPPER_INITIAL);
    return 0;
}

static void test_stop_and_long_tokens(void **state)
{
    (void)state;
    int n = 0;
    assert_int_equal(bt_tokenize("một hai ba", 12, 0, stop_at_second, &n), 42);
    assert_int_equal(n, 2);
    /* a token longer than the stack buffers: folded on the heap, still right */
    size_t len = 3000;
    char *s = malloc(len * 2 + 1);
    assert_non_null(s);
    for (size_t i = 0; i < len; i++)
        memcpy(s + 2 * i, "À", 2);
    s[2 * len] = '\0';
    struct long_tok lt = {len, 0};
    assert_int_equal(bt_tokenize(s, 2 * len, BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY, check_long, &lt), 0);
    assert_int_equal(lt.seen, 1);
    free(s);
}

/* Each token's keys are those bt_fold and bti_normalize(LOWER | TONES) give for its bytes. */
static int check_keys(void *ctx, const bt_token *t)
{
    const char *src = ctx;
    size_t flen, klen;
    char *f = bti_fold_dup(src + t->start, t->end - t->start, &flen);
    char *k = bti_normalize(src + t->start, t->end - t->start, BT_NORM_LOWER | BT_NORM_TONES,
                           &klen);
    assert_non_null(f);
    assert_non_null(k);
    if (flen != t->len || memcmp(f, t->text, flen) || klen != t->accent_len ||
        memcmp(k, t->accent, klen))
        fail_msg("%s: keys %.*s / %.*s, expected %s / %s", src, (int)t->len, t->text,
                 (int)t->accent_len, t->accent, f, k);
    free(f);
    free(k);
    return 0;
}

/* The fast paths (ASCII words; words of precomposed Vietnamese letters, keyed from the
 * syllable tables) against the general functions, for every letter of the Latin blocks
 * alone and in syllables where its tone may move. */
static void test_keys_match_fold_and_normalize(void **state)
{
    (void)state;
    static const char *const frames[] = {"%s", "ho%s", "%sa", "ngu%sn", "Qu%sy", "tru%s",
                                         "KHO%sNG", "gi%s", "%s%s"};
    for (int32_t c = 0x41; c <= 0x24F; c++) {
        if ((c > 0x5A && c < 0x61) || (c > 0x7A && c < 0xC0) || c == 0xD7 || c == 0xF7)
            continue;
        char u[4] = {0};
        if (c < 0x80)
            u[0] = (char)c;
        else {
            u[0] = (char)(0xC0 | (c >> 6));
            u[1] = (char)(0x80 | (c & 0x3F));
        }
        for (size_t j = 0; j < sizeof frames / sizeof frames[0]; j++) {
            char w[32];
            snprintf(w, sizeof w, frames[j], u, u);
            assert_int_equal(bt_tokenize(w, strlen(w), BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY,
                                         check_keys, w), 0);
        }
    }
    for (int32_t c = 0x1E00; c <= 0x1EFF; c++) {
        char u[4] = {(char)0xE1, (char)(0x80 | ((c >> 6) & 0x3F)), (char)(0x80 | (c & 0x3F)), 0};
        for (size_t j = 0; j < sizeof frames / sizeof frames[0]; j++) {
            char w[32];
            snprintf(w, sizeof w, frames[j], u, u);
            assert_int_equal(bt_tokenize(w, strlen(w), BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY,
                                         check_keys, w), 0);
        }
    }
    static const char *const text =
        "Thuỷ điện Hoà Bình KHOẺ mạnh, Khuỷu tay NGƯỜI Việt thuở xưa; quý giá, gìn giữ, "
        "huỳnh khoảng tuần CHUYỆN Đắk Lắk Ýên Ỳ ỹ OK Covid đãi ngộ hoá HOÁ ƯU ÁI ỦY";
    assert_int_equal(bt_tokenize(text, strlen(text), BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY,
                                 check_keys, (void *)text), 0);
}

/* A folded key is its length: NUL-terminated there, no NUL inside. */
static int check_key_len(void *ctx, const bt_token *t)
{
    (void)ctx;
    assert_null(memchr(t->text, '\0', t->len));
    assert_int_equal(t->text[t->len], '\0');
    return 0;
}

/* SOFT_HYPHEN: "Mit&shy;tel&shy;al&shy;ter" is one word, keyed without its soft hyphens,
 * its offsets and original bytes its own; one at a word's end, or alone, joins nothing. */
static void test_soft_hyphen(void **state)
{
    (void)state;
#define SHY "\xC2\xAD"
    const char *s = "Im Mit" SHY "tel" SHY "al" SHY "ter, Klös" SHY "ter" SHY " und " SHY " 12" SHY "34";
    expect(s, BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY,
           "im^=im|mittelalter^=mittelalter|kloster^=klöster|und=und|1234#=1234|");
    expect(s, 0, "Im^|Mit" SHY "tel" SHY "al" SHY "ter^|Klös" SHY "ter^|und|12" SHY "34#|");
#undef SHY
    assert_int_equal(bt_tokenize(s, strlen(s), 0, check_offsets, (void *)s), 0);
    assert_int_equal(bt_tokenize(s, strlen(s), BT_TOKENIZE_FOLD, check_key_len, NULL), 0);
    assert_int_equal(bt_tokenize(s, strlen(s), BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY, check_key_len,
                                 NULL), 0);
}

static void test_cli_tokens(void **state)
{
    (void)state;
    char cmd[512], *out = NULL, *err = NULL;
    snprintf(cmd, sizeof cmd, "%s fold --tokens 'Hoà Bình, 3.000'", test_bantin_bin());
    assert_int_equal(test_run(cmd, &out, &err), 0);
    assert_string_equal(out, "0\t4\thoa\thòa\tword,upper\n"
                             "5\t10\tbinh\tbình\tword,upper\n"
                             "12\t17\t3.000\t3.000\tnumber\n");
    free(out);
    free(err);
    snprintf(cmd, sizeof cmd, "printf 'KHOẺ  mạnh\\r\\n' | %s fold --tones", test_bantin_bin());
    assert_int_equal(test_run(cmd, &out, &err), 0);
    assert_string_equal(out, "khỏe mạnh\n");
    free(out);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_numbers_punctuation),
        cmocka_unit_test(test_fold_and_key),
        cmocka_unit_test(test_offsets_into_original),
        cmocka_unit_test(test_stop_and_long_tokens),
        cmocka_unit_test(test_keys_match_fold_and_normalize),
        cmocka_unit_test(test_soft_hyphen),
        cmocka_unit_test(test_cli_tokens),
    };
    return cmocka_run_group_tests_name("text_tokenize", tests, NULL, NULL);
}
