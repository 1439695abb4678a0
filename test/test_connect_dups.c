/* test_connect_dups.c: near-duplicate detection (src/connect/dups.h): the copies syndication
 * makes (identical, marks stripped, hoà/hòa, paragraphs reordered, abridged, quoted whole in
 * a longer article) are found through the band index and verified; a different article
 * sharing one paragraph, empty and short texts are not; groups keep their earliest article.
 *
 * The articles are made here from a fixed list of syllables with a seeded generator, so that
 * each article is distinct and the fixture is ours; the list holds the words whose tone
 * placement varies (hoà/hòa, thuỷ/thủy, ...) in the older style. */
#include "support.h"

#include "bantin.h"
#include "connect/dups.h"
#include "core/hash.h"

#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const syll[] = {
    "người", "dân", "Hà", "Nội", "chính", "phủ", "hoà", "bình", "thuỷ", "điện", "khoẻ",
    "mạnh", "uỷ", "ban", "toà", "án", "hoả", "hoạn", "công", "an", "quận", "huyện", "xã",
    "tỉnh", "thành", "phố", "Việt", "Nam", "kinh", "tế", "đầu", "tư", "dự", "án", "đường",
    "cao", "tốc", "trường", "học", "sinh", "viên", "bệnh", "viện", "bác", "sĩ", "giá", "xăng",
    "dầu", "tăng", "giảm", "mưa", "bão", "lũ", "lụt", "nông", "dân", "lúa", "gạo", "xuất",
    "khẩu", "Mỹ", "Trung", "Quốc", "Nhật", "Bản", "hội", "nghị", "thượng", "đỉnh", "đàm",
    "phán", "hiệp", "định", "thương", "mại", "bóng", "đá", "đội", "tuyển", "trận", "đấu",
    "khởi", "tố", "bị", "can", "điều", "tra", "vụ", "tai", "nạn", "giao", "thông", "xe",
    "máy", "ô", "tô", "cầu", "sông", "Hồng", "miền", "Bắc", "Nam", "Trung", "ngày", "tháng",
    "năm", "2019", "12", "3.000", "tỷ", "đồng", "triệu", "USD", "cho", "biết", "theo", "đó",
};
#define NSYLL (sizeof syll / sizeof *syll)

typedef struct doc {
    char *part[64];
    size_t n;
} doc;

static uint64_t rng_next(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return *s >> 33;
}

/* A paragraph of `words` syllables drawn with `seed`. */
static char *paragraph(uint64_t seed, size_t words)
{
    char *p = malloc(words * 16 + 2);
    assert_non_null(p);
    size_t len = 0;
    uint64_t s = seed * 0x9E3779B97F4A7C15ull + 1;
    for (size_t w = 0; w < words; w++) {
        const char *x = syll[rng_next(&s) % NSYLL];
        len += (size_t)sprintf(p + len, "%s%s", w ? " " : "", x);
    }
    p[len++] = '.';
    p[len] = 0;
    return p;
}

/* Article `a`: a title, a lede and `paras` paragraphs of 30 syllables. */
static doc article(uint64_t a, size_t paras)
{
    doc d = {.n = 0};
    d.part[d.n++] = paragraph(a * 1000 + 1, 12);
    d.part[d.n++] = paragraph(a * 1000 + 2, 25);
    for (size_t i = 0; i < paras; i++)
        d.part[d.n++] = paragraph(a * 1000 + 10 + i, 30);
    return d;
}

static doc copy_doc(const doc *d)
{
    doc c = {.n = d->n};
    for (size_t i = 0; i < d->n; i++) {
        c.part[i] = strdup(d->part[i]);
        assert_non_null(c.part[i]);
    }
    return c;
}

static void free_doc(doc *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->part[i]);
    d->n = 0;
}

static void add(bti_dups *dd, int64_t id, int64_t published, const doc *d)
{
    bt_error err;
    assert_int_equal(bti_dups_add(dd, id, published, (const char *const *)d->part, NULL, d->n,
                                  &err),
                     0);
}

/* Whether a and b were verified as a pair by the collection. */
static int paired(const bti_dups *dd, int64_t a, int64_t b)
{
    size_t n;
    const bti_dup_pair *p = bti_dups_pairs(dd, &n);
    for (size_t i = 0; i < n; i++)
        if ((p[i].a == a && p[i].b == b) || (p[i].a == b && p[i].b == a))
            return 1;
    return 0;
}

static bti_dups *fresh(void)
{
    bti_dups_opts o;
    bti_dups_opts_init(&o);
    bti_dups *dd = NULL;
    assert_int_equal(bti_dups_new(&o, NULL, &dd, NULL), 0);
    return dd;
}

/* Adds the original (1), the copy (2) and two unrelated articles; returns the collection. */
static bti_dups *pair_of(const doc *orig, const doc *copy)
{
    bti_dups *dd = fresh();
    doc u1 = article(901, 10), u2 = article(902, 12);
    add(dd, 1, 100, orig);
    add(dd, 10, 50, &u1);
    add(dd, 2, 200, copy);
    add(dd, 11, 60, &u2);
    assert_false(paired(dd, 1, 10) || paired(dd, 2, 11) || paired(dd, 10, 11));
    free_doc(&u1);
    free_doc(&u2);
    return dd;
}

static void test_identical(void **state)
{
    (void)state;
    doc a = article(1, 12), b = copy_doc(&a);
    bti_dups *dd = pair_of(&a, &b);
    assert_true(paired(dd, 1, 2));
    bti_overlap ov;
    assert_int_equal(bti_dups_compare(dd, 1, 2, &ov), 0);
    assert_true(ov.jaccard == 1.0 && ov.containment == 1.0);
    bti_dups_free(dd);
    free_doc(&a);
    free_doc(&b);
}

static void test_marks_stripped(void **state)
{
    (void)state;
    doc a = article(2, 12), b = copy_doc(&a);
    for (size_t i = 0; i < b.n; i++) {
        free(b.part[i]);
        assert_int_equal(bt_fold_dup(a.part[i], strlen(a.part[i]), &b.part[i], NULL), 0); /* no marks, no đ */
        assert_non_null(b.part[i]);
    }
    assert_null(strstr(b.part[2], "ờ")); /* really stripped */
    bti_dups *dd = pair_of(&a, &b);
    bti_overlap ov;
    assert_int_equal(bti_dups_compare(dd, 1, 2, &ov), 0);
    assert_true(ov.jaccard == 1.0);
    assert_true(paired(dd, 1, 2));
    bti_dups_free(dd);
    free_doc(&a);
    free_doc(&b);
}

/* Replaces every `from` in *s by `to` (same or longer). */
static void replace_all(char **s, const char *from, const char *to)
{
    size_t fl = strlen(from), tl = strlen(to), n = 0;
    for (const char *p = *s; (p = strstr(p, from)); p += fl)
        n++;
    char *o = malloc(strlen(*s) + n * tl + 1), *w = o;
    assert_non_null(o);
    const char *p = *s, *q;
    while ((q = strstr(p, from))) {
        memcpy(w, p, (size_t)(q - p));
        w += q - p;
        memcpy(w, to, tl);
        w += tl;
        p = q + fl;
    }
    strcpy(w, p);
    free(*s);
    *s = o;
}

static void test_tone_placement(void **state)
{
    (void)state;
    doc a = article(3, 12), b = copy_doc(&a);
    static const char *const old_new[][2] = {
        {"hoà", "hòa"}, {"thuỷ", "thủy"}, {"khoẻ", "khỏe"}, {"uỷ", "ủy"}, {"toà", "tòa"}, {"hoả", "hỏa"}};
    int changed = 0;
    for (size_t i = 0; i < b.n; i++)
        for (size_t k = 0; k < sizeof old_new / sizeof *old_new; k++) {
            changed += strstr(b.part[i], old_new[k][0]) != NULL;
            replace_all(&b.part[i], old_new[k][0], old_new[k][1]);
        }
    assert_true(changed > 5);
    bti_dups *dd = pair_of(&a, &b);
    bti_overlap ov;
    assert_int_equal(bti_dups_compare(dd, 1, 2, &ov), 0);
    assert_true(ov.jaccard == 1.0);
    assert_true(paired(dd, 1, 2));
    bti_dups_free(dd);
    /* and "hoa" (flower) without the mark is folded the same: marks never split a shingle */
    bti_dups_opts o;
    bti_dups_opts_init(&o);
    bti_u64s x = {0}, y = {0};
    const char *t1 = "Hiệp định hoà bình được ký tại Hà Nội hôm nay";
    const char *t2 = "hiep dinh hoa binh duoc ky tai ha noi hom nay";
    assert_int_equal(bti_shingles(&o, &t1, NULL, 1, &x), 0);
    assert_int_equal(bti_shingles(&o, &t2, NULL, 1, &y), 0);
    assert_int_equal(x.n, 11 - 5 + 1);
    assert_int_equal(x.n, y.n);
    assert_memory_equal(x.v, y.v, x.n * sizeof *x.v);
    bti_u64s_free(&x);
    bti_u64s_free(&y);
    free_doc(&a);
    free_doc(&b);
}

/* A word shingle's hash by its definition (shingle.c: run_hash over the last k token
 * hashes, polynomial in RUN_MUL, then splitmix64's finaliser), to check the rolling sum the
 * shingler keeps (ROLLING_SHINGLE) against it. */
#define REF_MUL 0x9E3779B97F4A7C15ull

static uint64_t ref_mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 31;
    return x;
}

typedef struct {
    uint64_t h[256];
    size_t n;
} ref_tokens;

static int ref_token(void *ctx, const bt_token *t)
{
    ref_tokens *r = ctx;
    assert_true(r->n < 256);
    r->h[r->n++] = bti_word_hash(t->text, t->len);
    return 0;
}

static void ref_word_shingles(const bti_dups_opts *o, const char *part, bti_u64s *out)
{
    ref_tokens r = {.n = 0};
    assert_int_equal(bt_tokenize(part, strlen(part), BT_TOKENIZE_FOLD, ref_token, &r), 0);
    size_t k = o->shingle_words;
    if (r.n > 0 && r.n < k) { /* a short part: its one shingle of all its words */
        uint64_t h = o->seed ^ (uint64_t)r.n;
        for (size_t j = 0; j < r.n; j++)
            h = h * REF_MUL + r.h[j];
        assert_int_equal(bti_u64s_push(out, ref_mix(h) & ~BTI_SHINGLE_NUMBER), 0);
    }
    for (size_t i = k; i <= r.n; i++) {
        uint64_t h = o->seed ^ (uint64_t)k;
        for (size_t j = i - k; j < i; j++)
            h = h * REF_MUL + r.h[j];
        assert_int_equal(bti_u64s_push(out, ref_mix(h) & ~BTI_SHINGLE_NUMBER), 0);
    }
}

/* The shingler's rolling sum gives exactly the shingles of the definition, for every part
 * (the sum starts again at each), long parts whose ring wraps many times, a part shorter than
 * k, and another k: a stored band index keeps matching what later adds compute. */
static void test_rolling_shingles(void **state)
{
    (void)state;
    const char *parts[3] = {
        "Người dân Hà Nội đón mưa bão, lũ lụt miền Bắc; hội nghị thượng đỉnh về hiệp định "
        "thương mại kết thúc hôm qua với nhiều cam kết mới của các bên tham gia đàm phán",
        "Thuỷ điện khoẻ mạnh",
        "bóng đá đội tuyển trận đấu sông Hồng cầu đường cao tốc trường học sinh viên"};
    unsigned ks[2] = {0, 3};
    for (size_t v = 0; v < 2; v++) {
        bti_dups_opts o;
        bti_dups_opts_init(&o);
        if (ks[v])
            o.shingle_words = ks[v];
        bti_u64s got = {0}, want = {0};
        assert_int_equal(bti_shingles_unsorted(&o, parts, NULL, 3, &got), 0);
        for (size_t p = 0; p < 3; p++)
            ref_word_shingles(&o, parts[p], &want);
        assert_true(want.n > 40);
        assert_int_equal(got.n, want.n); /* no numbers here: word shingles only */
        assert_memory_equal(got.v, want.v, want.n * sizeof *want.v);
        bti_u64s_free(&got);
        bti_u64s_free(&want);
    }
}

static void test_reordered(void **state)
{
    (void)state;
    doc a = article(4, 12), b = copy_doc(&a);
    for (size_t i = 2, j = b.n - 1; i < j; i++, j--) { /* body reversed */
        char *t = b.part[i];
        b.part[i] = b.part[j];
        b.part[j] = t;
    }
    bti_dups *dd = pair_of(&a, &b);
    bti_overlap ov;
    assert_int_equal(bti_dups_compare(dd, 1, 2, &ov), 0);
    assert_true(ov.jaccard == 1.0); /* shingles never cross paragraphs */
    assert_true(paired(dd, 1, 2));
    bti_dups_free(dd);
    free_doc(&a);
    free_doc(&b);
}

static void test_abridged(void **state)
{
    (void)state;
    for (size_t keep = 6; keep <= 8; keep++) { /* 60-80% of the ten paragraphs */
        doc a = article(5, 10), b = copy_doc(&a);
        free(b.part[0]);
        b.part[0] = paragraph(777, 10); /* and a new headline */
        while (b.n > 2 + keep)
            free(b.part[--b.n]);
        bti_dups *dd = pair_of(&a, &b);
        bti_overlap ov;
        assert_int_equal(bti_dups_compare(dd, 1, 2, &ov), 0);
        assert_true(ov.jaccard < 0.85);
        assert_true(ov.containment > 0.9);
        assert_true(paired(dd, 1, 2));
        bti_dups_free(dd);
        free_doc(&a);
        free_doc(&b);
    }
}

/* A different article that shares one paragraph of background: not a copy. */
static void test_shared_paragraph(void **state)
{
    (void)state;
    doc a = article(6, 12), b = article(7, 12);
    free(b.part[5]);
    b.part[5] = strdup(a.part[4]);
    assert_non_null(b.part[5]);
    bti_dups *dd = pair_of(&a, &b);
    bti_overlap ov;
    assert_int_equal(bti_dups_compare(dd, 1, 2, &ov), 0);
    assert_true(ov.inter > 0);
    assert_false(paired(dd, 1, 2));
    /* two shared paragraphs of a short article are still not a copy */
    doc c = article(8, 8);
    free(c.part[3]);
    free(c.part[6]);
    c.part[3] = strdup(a.part[7]);
    c.part[6] = strdup(a.part[8]);
    add(dd, 3, 300, &c);
    assert_false(paired(dd, 1, 3));
    bti_dups_free(dd);
    free_doc(&a);
    free_doc(&b);
    free_doc(&c);
}

/* An article quoted whole inside one three times its length: Jaccard ~0.3, containment 1. */
static void test_quoted_whole(void **state)
{
    (void)state;
    doc a = article(9, 6), host = article(10, 14);
    doc b = {.n = 0};
    for (size_t i = 0; i < 8; i++)
        b.part[b.n++] = strdup(host.part[i]);
    for (size_t i = 0; i < a.n; i++)
        b.part[b.n++] = strdup(a.part[i]);
    for (size_t i = 8; i < host.n; i++)
        b.part[b.n++] = strdup(host.part[i]);
    bti_dups *dd = pair_of(&a, &b);
    bti_overlap ov;
    assert_int_equal(bti_dups_compare(dd, 1, 2, &ov), 0);
    assert_true(ov.jaccard < 0.4);
    assert_true(ov.containment == 1.0);
    assert_true(paired(dd, 1, 2)); /* found through the bands, then by containment */
    bti_dups_free(dd);
    free_doc(&a);
    free_doc(&b);
    free_doc(&host);
}

static void test_empty_and_short(void **state)
{
    (void)state;
    bti_dups *dd = fresh();
    const char *empty[] = {"", "  ", ". , !"};
    bt_error err;
    assert_int_equal(bti_dups_add(dd, 1, 0, empty, NULL, 3, &err), 0);
    assert_int_equal(bti_dups_add(dd, 2, 0, empty, NULL, 3, &err), 0);
    assert_int_equal(bti_dups_add(dd, 3, 0, NULL, NULL, 0, &err), 0);
    const char *nulls[] = {NULL, NULL};
    assert_int_equal(bti_dups_add(dd, 4, 0, nulls, NULL, 2, &err), 0);
    size_t n;
    bti_dups_pairs(dd, &n);
    assert_int_equal(n, 0); /* empty texts are never duplicates of each other */
    /* a short text (fewer words than a shingle) is one shingle: equal short texts pair ... */
    const char *cap[] = {"Ảnh: Reuters"};
    const char *cap2[] = {"ảnh reuters"};
    assert_int_equal(bti_dups_add(dd, 5, 0, cap, NULL, 1, &err), 0);
    assert_int_equal(bti_dups_add(dd, 6, 0, cap2, NULL, 1, &err), 0);
    assert_true(paired(dd, 5, 6));
    /* ... but a short text inside a long article is not a copy of it */
    doc a = article(11, 10);
    a.part[a.n++] = strdup("Ảnh: Reuters");
    add(dd, 7, 0, &a);
    assert_false(paired(dd, 5, 7) || paired(dd, 6, 7));
    /* an id twice */
    assert_int_equal(bti_dups_add(dd, 7, 0, cap, NULL, 1, &err), BT_EEXIST);
    bti_overlap ov;
    assert_int_equal(bti_dups_compare(dd, 1, 99, &ov), BT_ENOTFOUND);
    assert_int_equal(bti_dups_compare(dd, 1, 2, &ov), 0);
    assert_true(ov.jaccard == 0 && ov.containment == 0);
    bti_dups_free(dd);
    free_doc(&a);
}

/* A weather page of the day: one templated sentence per region, the figures from `seed`. */
static doc weather(uint64_t seed)
{
    static const char *const region[] = {"Hà Nội", "Hải Phòng", "Nghệ An", "Huế", "Đà Nẵng",
                                         "Gia Lai", "TP.HCM", "Cần Thơ", "Cà Mau", "Sơn La",
                                         "Lào Cai", "Quảng Ninh"};
    doc d = {.n = 0};
    uint64_t s = seed;
    d.part[d.n++] = strdup("Dự báo thời tiết ngày mai");
    for (size_t r = 0; r < 12; r++) {
        char line[512];
        unsigned lo = 12 + (unsigned)(rng_next(&s) % 14);
        snprintf(line, sizeof line,
                 "Khu vực %s có mây, có mưa rào và dông rải rác, gió nhẹ, nhiệt độ thấp nhất "
                 "từ %u đến %u độ C, cao nhất từ %u đến %u độ C.",
                 region[r], lo, lo + 2, lo + 5 + (unsigned)(rng_next(&s) % 4),
                 lo + 10 + (unsigned)(rng_next(&s) % 3));
        d.part[d.n++] = strdup(line);
    }
    d.part[d.n++] = strdup("Trong cơn dông có khả năng xảy ra lốc, sét, mưa đá và gió giật "
                           "mạnh, người dân cần chủ động phòng tránh.");
    return d;
}

/* Pages of one template with other figures are not copies, though their words agree. */
static void test_template_pages(void **state)
{
    (void)state;
    doc a = weather(1), b = weather(2), c = copy_doc(&a);
    free(c.part[0]);
    c.part[0] = strdup("Thời tiết: mưa dông ở nhiều nơi"); /* a copy of a, new headline */
    bti_dups *dd = fresh();
    add(dd, 1, 0, &a);
    add(dd, 2, 0, &b);
    add(dd, 3, 0, &c);
    bti_overlap ov;
    assert_int_equal(bti_dups_compare(dd, 1, 2, &ov), 0);
    assert_true(ov.jaccard > 0.4);        /* the wording agrees ... */
    assert_true(ov.num_a >= 10);          /* ... the runs of figures do not */
    assert_true(ov.num_containment < 0.3);
    assert_false(paired(dd, 1, 2));
    assert_true(paired(dd, 1, 3));
    bti_dups_free(dd);
    /* without the check, a slightly lower Jaccard threshold would join them */
    bti_dups_opts o;
    bti_dups_opts_init(&o);
    o.min_jaccard = 0.45;
    assert_false(bti_dups_match(&o, &ov));
    o.min_number_runs = 0;
    assert_true(bti_dups_match(&o, &ov));
    /* the runs are the tail of the sorted set */
    bti_u64s x = {0};
    assert_int_equal(bti_shingles(&o, (const char *const *)a.part, NULL, a.n, &x), 0);
    size_t w = bti_words_end(x.v, x.n);
    assert_true(w > 0 && w < x.n);
    for (size_t i = 0; i < x.n; i++)
        assert_int_equal((x.v[i] & BTI_SHINGLE_NUMBER) != 0, i >= w);
    bti_u64s_free(&x);
    free_doc(&a);
    free_doc(&b);
    free_doc(&c);
}

/* Templated one-line records (one sentence, only a number differs: Jaccard 0.2-0.4 to each
 * other) make every earlier record a candidate of each new one; the candidates verified per
 * addition stay bounded (BTI_DUPS_MAX_VERIFY: without it, about n^2/2 checks, minutes for
 * 20,000 records), and a true copy of an early record is still found among them. */
static void test_templated_records(void **state)
{
    (void)state;
    enum { N = 3000 };
    bti_dups *dd = fresh();
    char title[96], body[160];
    for (int i = 0; i < N; i++) {
        snprintf(title, sizeof title, "Bài số %d về giá lúa gạo", i);
        snprintf(body, sizeof body,
                 "Đoạn %d: giá lúa gạo xuất khẩu tăng cao nhất trong ba năm qua.", i);
        const char *parts[] = {title, body};
        bt_error err;
        assert_int_equal(bti_dups_add(dd, i + 1, 0, parts, NULL, 2, &err), 0);
    }
    size_t seen = bti_dups_candidates_seen(dd);
    assert_true(seen > N);                             /* they are candidates of one another */
    assert_true(seen <= (size_t)N * BTI_DUPS_MAX_VERIFY); /* ... but never all of them */
    size_t npairs;
    bti_dups_pairs(dd, &npairs);
    assert_int_equal(npairs, 0); /* and none is a copy of another */
    /* a copy of record 7 (its headline reworded), added after thousands of siblings */
    snprintf(title, sizeof title, "Tin nóng: bài số %d về giá lúa gạo", 6);
    snprintf(body, sizeof body,
             "Đoạn %d: giá lúa gạo xuất khẩu tăng cao nhất trong ba năm qua.", 6);
    const char *parts[] = {title, body};
    assert_int_equal(bti_dups_add(dd, N + 1, 0, parts, NULL, 2, NULL), 0);
    assert_true(paired(dd, 7, N + 1));
    assert_true(bti_dups_candidates_seen(dd) - seen <= BTI_DUPS_MAX_VERIFY);
    bti_dups_free(dd);
}

/* The original is the earliest published, then the first added; undated articles last. */
static void test_groups(void **state)
{
    (void)state;
    bti_dups *dd = fresh();
    doc a = article(12, 10), b = article(13, 10), u = article(14, 10);
    add(dd, 100, BTI_DUPS_NO_DATE, &a);
    add(dd, 101, 5000, &a);
    add(dd, 102, 3000, &a);
    add(dd, 103, 3000, &a); /* same date as 102, added after it */
    add(dd, 200, 7000, &b);
    add(dd, 201, 1000, &b);
    add(dd, 300, 10, &u);
    bti_dup_groups g;
    assert_int_equal(bti_dups_groups(dd, &g), 0);
    assert_int_equal(g.n, 2);
    /* ordered by original: 201 (1000) first, then 102 (3000) */
    assert_int_equal(g.start[1] - g.start[0], 2);
    assert_int_equal(g.members[0].id, 201);
    assert_int_equal(g.members[1].id, 200);
    assert_int_equal(g.start[2] - g.start[1], 4);
    int64_t want[] = {102, 103, 101, 100};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(g.members[g.start[1] + i].id, want[i]);
    bti_dup_groups_free(&g);
    bti_dups_free(dd);
    /* a chain of pairs joins into one group; unknown ids are ignored */
    bti_dup_member m[] = {{1, 50, 0}, {2, 40, 1}, {3, 60, 2}, {4, 10, 3}};
    bti_dup_pair p[] = {{1, 2, 0.9, 0.9}, {2, 3, 0.9, 0.9}, {4, 99, 1, 1}};
    assert_int_equal(bti_dup_group(m, 4, p, 3, &g), 0);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.start[1], 3);
    assert_int_equal(g.members[0].id, 2);
    assert_int_equal(g.members[1].id, 1);
    assert_int_equal(g.members[2].id, 3);
    bti_dup_groups_free(&g);
    assert_int_equal(bti_dup_group(NULL, 0, NULL, 0, &g), 0);
    assert_int_equal(g.n, 0);
    bti_dup_groups_free(&g);
    free_doc(&a);
    free_doc(&b);
    free_doc(&u);
}

/* Options are checked; the band index gives ids newest first, removes, and is shared. */
static void test_opts_and_index(void **state)
{
    (void)state;
    bti_dups_opts o;
    bti_dups_opts_init(&o);
    bt_error err;
    assert_int_equal(bti_dups_opts_check(&o, &err), 0);
    o.bands = 200;
    o.rows = 2;
    assert_int_equal(bti_dups_opts_check(&o, &err), BT_EINVAL);
    bti_dups_opts_init(&o);
    o.shingle_words = 0;
    assert_int_equal(bti_dups_opts_check(&o, &err), BT_EINVAL);
    bti_dups_opts_init(&o);
    o.min_jaccard = 0;
    bti_dups *dd = NULL;
    assert_int_equal(bti_dups_new(&o, NULL, &dd, &err), BT_EINVAL);
    assert_null(dd);

    bti_band_mem *m;
    assert_int_equal(bti_band_mem_new(&m), 0);
    bti_band_index ix = bti_band_mem_index(m);
    for (int64_t id = 1; id <= 5000; id++) /* past a few growths */
        assert_int_equal(ix.add(ix.self, (uint64_t)(id % 7) * 0x9E3779B97F4A7C15ull, id), 0);
    assert_int_equal(ix.remove(ix.self, 3 * 0x9E3779B97F4A7C15ull, 10), 0);
    assert_int_equal(ix.remove(ix.self, 12345, 10), 0);
    bti_dups_opts_init(&o);
    o.bands = 1;
    o.min_shared = 1;
    o.max_bucket = 3;
    uint64_t key = 3 * 0x9E3779B97F4A7C15ull;
    bti_u64s c = {0};
    assert_int_equal(bti_dups_candidates(&o, &ix, &key, 4994, &c), 0);
    assert_int_equal(c.n, 2); /* the newest three, less itself: 4987, 4980, sorted */
    assert_int_equal(c.v[0], 4980);
    assert_int_equal(c.v[1], 4987);
    bti_u64s_free(&c);
    bti_band_mem_free(m);

    /* a collection over a caller's index */
    assert_int_equal(bti_band_mem_new(&m), 0);
    ix = bti_band_mem_index(m);
    bti_dups_opts_init(&o);
    assert_int_equal(bti_dups_new(&o, &ix, &dd, &err), 0);
    doc a = article(15, 8);
    add(dd, 1, 0, &a);
    add(dd, 2, 0, &a);
    assert_true(paired(dd, 1, 2));
    assert_int_equal(bti_dups_candidates_seen(dd), 1);
    bti_dups_free(dd);
    bti_band_mem_free(m);
    free_doc(&a);
}

/* MIN_SHARED_KEYS: with one row a band, a candidate must be under min_shared of the
 * article's keys (one shared key is one shared shingle); CROWDED_LAST: an id under keys whose
 * buckets had room ranks before the newest ids of full buckets when max_verify cuts. */
static void test_min_shared_keys(void **state)
{
    (void)state;
    bti_band_mem *m;
    assert_int_equal(bti_band_mem_new(&m), 0);
    bti_band_index ix = bti_band_mem_index(m);
    const uint64_t keys[4] = {0x1111, 0x2222, 0x3333, 0x4444};
    assert_int_equal(ix.add(ix.self, keys[0], 10), 0); /* 10: one key */
    assert_int_equal(ix.add(ix.self, keys[0], 20), 0); /* 20: two keys */
    assert_int_equal(ix.add(ix.self, keys[1], 20), 0);
    assert_int_equal(ix.add(ix.self, keys[1], 30), 0); /* 30: three keys */
    assert_int_equal(ix.add(ix.self, keys[2], 30), 0);
    assert_int_equal(ix.add(ix.self, keys[3], 30), 0);
    bti_dups_opts o;
    bti_dups_opts_init(&o);
    o.bands = 4;
    o.rows = 1;
    o.min_shared = 2;
    bti_u64s c = {0};
    assert_int_equal(bti_dups_candidates(&o, &ix, keys, 99, &c), 0);
    assert_int_equal(c.n, 2);
    assert_int_equal(c.v[0], 20);
    assert_int_equal(c.v[1], 30);
    o.min_shared = 3;
    assert_int_equal(bti_dups_candidates(&o, &ix, keys, 99, &c), 0);
    assert_int_equal(c.n, 1);
    assert_int_equal(c.v[0], 30);
    o.min_shared = 1;
    assert_int_equal(bti_dups_candidates(&o, &ix, keys, 30, &c), 0); /* itself left out */
    assert_int_equal(c.n, 2);
    assert_int_equal(c.v[0], 10);
    assert_int_equal(c.v[1], 20);
    o.min_shared = 5; /* more than the bands */
    bt_error err;
    bti_dups *dd = NULL;
    assert_int_equal(bti_dups_new(&o, NULL, &dd, &err), BT_EINVAL);
    bti_band_mem_free(m);

    /* keys 0-1 crowded by 40 newer ids each (a template), id 5 alone under keys 2-3 and
     * under key 0 too old to be read: it shares 2 keys with room, the newest share 2 full */
    assert_int_equal(bti_band_mem_new(&m), 0);
    ix = bti_band_mem_index(m);
    assert_int_equal(ix.add(ix.self, keys[2], 5), 0);
    assert_int_equal(ix.add(ix.self, keys[3], 5), 0);
    assert_int_equal(ix.add(ix.self, keys[0], 5), 0);
    for (int64_t id = 100; id < 140; id++) {
        assert_int_equal(ix.add(ix.self, keys[0], id), 0);
        assert_int_equal(ix.add(ix.self, keys[1], id), 0);
    }
    bti_dups_opts_init(&o);
    o.bands = 4;
    o.rows = 1;
    o.min_shared = 2;
    o.max_bucket = 8;
    o.max_verify = 4;
    assert_int_equal(bti_dups_candidates(&o, &ix, keys, 999, &c), 0);
    assert_int_equal(c.n, 4);
    assert_int_equal(c.v[0], 5); /* first, before the newest of the template's */
    assert_int_equal(c.v[1], 137);
    assert_int_equal(c.v[3], 139);
    bti_u64s_free(&c);
    bti_band_mem_free(m);
}

/* The signature estimates Jaccard: agreement of the minima within a few points. */
static void test_signature_estimates_jaccard(void **state)
{
    (void)state;
    bti_dups_opts o;
    bti_dups_opts_init(&o);
    o.bands = 128;
    o.rows = 2;
    bti_u64s x = {0}, y = {0};
    for (uint64_t i = 0; i < 2000; i++) {
        assert_int_equal(bti_u64s_push(&x, i * 0x9E3779B97F4A7C15ull + 7), 0);
        if (i >= 1000) /* J = 1000 / 3000 */
            assert_int_equal(bti_u64s_push(&y, i * 0x9E3779B97F4A7C15ull + 7), 0);
    }
    for (uint64_t i = 0; i < 1000; i++)
        assert_int_equal(bti_u64s_push(&y, i * 0xC2B2AE3D27D4EB4Full + 3), 0);
    uint64_t sx[256], sy[256];
    bti_minhash(&o, x.v, x.n, sx);
    bti_minhash(&o, y.v, y.n, sy);
    int eq = 0;
    for (int i = 0; i < 256; i++)
        eq += sx[i] == sy[i];
    double est = eq / 256.0;
    assert_true(est > 0.33 - 0.1 && est < 0.33 + 0.1);
    bti_u64s_free(&x);
    bti_u64s_free(&y);
}

/* One-permutation MinHash: a shingle fills one bin, and densification fills the others
 * from the filled ones, so a one-shingle set holds its hash in every bin and two sets of
 * a few shingles agree bin for bin as often as their Jaccard says, both schemes alike. */
/* A token's hash (bti_hash64, one pass) is the streaming hasher's value, whatever the length
 * and however the bytes are fed: the stored band keys and content ids depend on it. */
static void test_token_hash_one_pass(void **state)
{
    (void)state;
    unsigned char buf[64];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (unsigned char)(i * 37 + 11);
    for (size_t len = 0; len <= sizeof buf; len++)
        for (uint64_t seed = 0; seed < 3; seed++) {
            bti_hasher a, b;
            bti_hasher_init(&a, seed * 0x1234567ull);
            bti_hasher_add(&a, buf, len);
            bti_hasher_init(&b, seed * 0x1234567ull);
            for (size_t i = 0; i < len; i += 3) /* fed in pieces: the tail buffer's path */
                bti_hasher_add(&b, buf + i, len - i < 3 ? len - i : 3);
            uint64_t want = bti_hasher_end(&a);
            assert_true(bti_hasher_end(&b) == want);
            assert_true(bti_hash64(buf, len, seed * 0x1234567ull) == want);
        }
}

/* WORD_HASH: tokens up to 8 bytes never collide (each length's bytes are told apart before
 * the mix, a bijection), one changed byte anywhere changes a long token's hash, and only the
 * token's own bytes are read (each token in a buffer of exactly its size: ASan). */
static void test_word_hash(void **state)
{
    (void)state;
    enum { NH = 4 * 4 * 4 + 4 * 4 + 4 + 1 };
    uint64_t seen[NH];
    size_t n = 0;
    const char al[] = "abyz";
    char t[3];
    for (size_t len = 0; len <= 3; len++) {
        size_t combos = len == 0 ? 1 : len == 1 ? 4 : len == 2 ? 16 : 64;
        for (size_t c = 0; c < combos; c++) {
            size_t x = c;
            for (size_t i = 0; i < len; i++, x /= 4)
                t[i] = al[x % 4];
            uint64_t h = bti_word_hash(t, len);
            for (size_t j = 0; j < n; j++)
                assert_true(seen[j] != h);
            seen[n++] = h;
        }
    }
    assert_int_equal(n, NH);
    for (size_t len = 1; len <= 40; len++) {
        char *w = malloc(len); /* no NUL after it */
        assert_non_null(w);
        for (size_t i = 0; i < len; i++)
            w[i] = (char)('a' + i % 26);
        uint64_t h = bti_word_hash(w, len);
        assert_true(h == bti_word_hash(w, len));
        for (size_t i = 0; i < len; i++) {
            w[i] ^= 1;
            assert_true(bti_word_hash(w, len) != h);
            w[i] ^= 1;
        }
        free(w);
    }
    assert_true(bti_word_hash("ab", 2) != bti_word_hash("ab\0", 3));
}

static void test_one_permutation(void **state)
{
    (void)state;
    bti_dups_opts o;
    bti_dups_opts_init(&o);
    assert_int_equal(o.one_permutation, 1);
    uint64_t one = 0x1234567890ABCDEull, sig[BTI_DUPS_MAX_HASHES];
    bti_minhash(&o, &one, 1, sig);
    for (unsigned i = 1; i < o.bands * o.rows; i++)
        assert_true(sig[i] == sig[0] && sig[i] != UINT64_MAX);
    /* a number run alone gives no word: no signature */
    uint64_t num = one | BTI_SHINGLE_NUMBER;
    bti_minhash(&o, &num, 1, sig);
    for (unsigned i = 0; i < o.bands * o.rows; i++)
        assert_true(sig[i] == UINT64_MAX);
    /* sets of 8 and 8 sharing 4 (J = 1/3), over many seeds: the share of equal bins
     * estimates J with either scheme (the permutations' values differ from the bins') */
    for (int perm = 0; perm <= 1; perm++) {
        o.one_permutation = !perm;
        double sum = 0;
        const int trials = 200;
        for (int t = 0; t < trials; t++) {
            o.seed = 0x9E3779B97F4A7C15ull * (uint64_t)(t + 1);
            uint64_t x[8], y[8], sx[BTI_DUPS_MAX_HASHES], sy[BTI_DUPS_MAX_HASHES];
            for (int i = 0; i < 8; i++) {
                x[i] = ((uint64_t)(t * 100 + i) * 0xC2B2AE3D27D4EB4Full) >> 1;
                y[i] = i < 4 ? x[i] : ((uint64_t)(t * 100 + 50 + i) * 0xC2B2AE3D27D4EB4Full) >> 1;
            }
            bti_minhash(&o, x, 8, sx);
            bti_minhash(&o, y, 8, sy);
            int eq = 0;
            for (unsigned i = 0; i < o.bands * o.rows; i++)
                eq += sx[i] == sy[i];
            sum += eq / (double)(o.bands * o.rows);
        }
        assert_true(fabs(sum / trials - 1.0 / 3) < 0.05);
    }
}

/* HASH_SORT: the sort of shingle hashes orders exactly as the radix sort, on spread hashes
 * of every size around its thresholds, with repeats, and on values that are not spread
 * (small ids, one top byte, one value): those fill one bucket, sorted by the radix sort. */
static void test_sort_hashes(void **state)
{
    (void)state;
    static const size_t sizes[] = {0, 1, 2, 47, 48, 49, 50, 100, 465, 2000, 9000, 20000};
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (int kind = 0; kind < 5; kind++)
        for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
            size_t n = sizes[k];
            uint64_t *a = malloc((2 * n + 1) * sizeof *a), *b = malloc((2 * n + 1) * sizeof *b);
            assert_non_null(a);
            assert_non_null(b);
            for (size_t i = 0; i < n; i++) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                uint64_t v = x;
                if (kind == 1) /* repeats */
                    v = x % 97 * 0x0123456789ABCDEFu;
                else if (kind == 2) /* not spread: row ids */
                    v = x % 5000;
                else if (kind == 3) /* one top byte */
                    v = (x >> 8) | (UINT64_C(0xA5) << 56);
                else if (kind == 4) /* one value */
                    v = 42;
                a[i] = b[i] = v;
            }
            bti_sort_u64(a, a + n, n);
            bti_sort_hashes(b, b + n, n);
            if (n)
                assert_memory_equal(a, b, n * sizeof *a);
            for (size_t i = 1; i < n; i++)
                assert_true(a[i - 1] <= a[i]);
            free(a);
            free(b);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identical),
        cmocka_unit_test(test_marks_stripped),
        cmocka_unit_test(test_tone_placement),
        cmocka_unit_test(test_rolling_shingles),
        cmocka_unit_test(test_reordered),
        cmocka_unit_test(test_abridged),
        cmocka_unit_test(test_shared_paragraph),
        cmocka_unit_test(test_quoted_whole),
        cmocka_unit_test(test_empty_and_short),
        cmocka_unit_test(test_template_pages),
        cmocka_unit_test(test_templated_records),
        cmocka_unit_test(test_groups),
        cmocka_unit_test(test_opts_and_index),
        cmocka_unit_test(test_min_shared_keys),
        cmocka_unit_test(test_signature_estimates_jaccard),
        cmocka_unit_test(test_one_permutation),
        cmocka_unit_test(test_token_hash_one_pass),
        cmocka_unit_test(test_word_hash),
        cmocka_unit_test(test_sort_hashes),
    };
    return cmocka_run_group_tests_name("connect_dups", tests, NULL, NULL);
}
