/* test_extract_rules.c: one test per extraction rule, named after the rule, on small
 * hand-written inputs: what the rule keeps and what it drops; and the lexicon's folded
 * lookups (accented, upper-case and unmarked forms are one entry). */
#include "support.h"
#include "text/alloc.h"

#include "bantin.h"
#include "extract/html_internal.h"
#include "extract/lexicon.h"
#include "extract/text_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers ----------------------------------------------------------------------------- */

static bt_article *extract_text(const char *text)
{
    return test_extract(text, "rules.txt");
}

/* The first block of `line` built the way the extractor builds it. */
typedef struct one {
    tx_doc d;
} one;

static const tx_block *block_of(one *o, const char *line)
{
    memset(o, 0, sizeof *o);
    assert_int_equal(tx_doc_build(&o->d, line, strlen(line)), 0);
    assert_true(o->d.n >= 1);
    return &o->d.b[0];
}

static int block_test(int (*rule)(const tx_block *), const char *line)
{
    one o;
    int r = rule(block_of(&o, line));
    tx_doc_free(&o.d);
    return r;
}

static int has(unsigned lists, const char *s) { return bti_lex_raw_has(lists, s, strlen(s)); }

#define HEAD "# Mưa lớn gây ngập nhiều tuyến phố ở thủ đô\n\n"
#define P1 "Theo đài khí tượng, lượng mưa đo được tại nội thành vượt quá một trăm milimét chỉ trong ba giờ."
#define P2 "Các đội thoát nước đã được điều động tới những điểm ngập nặng nhất để hỗ trợ người dân đi lại."
#define P3 "Chính quyền khuyến cáo người dân hạn chế ra đường trong những giờ cao điểm buổi chiều hôm nay."

/* A small article: the headline, `top` (may be ""), three paragraphs with `mid` after the
 * first, and `foot` after the last. The first paragraph is the sapo (a Vietnamese page's
 * first sentence over more paragraphs): the body is P2 and P3. */
static bt_article *article_with(const char *top, const char *mid, const char *foot)
{
    size_t n = strlen(HEAD) + strlen(top) + strlen(mid) + strlen(foot) + 3 * 200 + 16;
    char *t = malloc(n);
    assert_non_null(t);
    snprintf(t, n, "%s%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n", HEAD, top, P1, mid, P2, P3, foot);
    bt_article *a = extract_text(t);
    free(t);
    return a;
}

static int body_has_exact(const bt_article *a, const char *para)
{
    for (size_t i = 0; i < a->n_body; i++)
        if (!strcmp(a->body[i], para))
            return 1;
    return 0;
}

static int has_related(const bt_article *a, const char *title)
{
    for (size_t i = 0; i < a->n_related; i++)
        if (!strcmp(a->related[i].title, title))
            return 1;
    return 0;
}

static int has_author(const bt_article *a, const char *name)
{
    for (size_t i = 0; i < a->n_authors; i++)
        if (!strcmp(a->authors[i], name))
            return 1;
    return 0;
}

/* ---- lexicon ------------------------------------------------------------------------------- */

/* The table is sorted (the binary search depends on it), unique, and every key is its own
 * fold (a key that is not could never match a folded line). */
static void lexicon_sorted_and_folded(void **state)
{
    (void)state;
    size_t n = bti_lex_size();
    assert_true(n > 100);
    for (size_t i = 0; i < n; i++) {
        const char *k = bti_lex_key(i);
        assert_true(strlen(k) <= BTI_LEX_MAX_KEY);
        size_t fl;
        char *f = bti_fold_dup(k, strlen(k), &fl);
        assert_non_null(f);
        if (strcmp(f, k))
            fail_msg("lexicon key '%s' is not folded ('%s')", k, f);
        free(f);
        /* every key is found by its own spelling in some list (its stored length is right) */
        if (!bti_lex_has(~(bti_lex_set)0, k, strlen(k)))
            fail_msg("lexicon key '%s' not found", k);
        if (i && strcmp(bti_lex_key(i - 1), k) >= 0)
            fail_msg("lexicon keys out of order: '%s' before '%s'", bti_lex_key(i - 1), k);
    }
    assert_null(bti_lex_key(n));
}

static void lexicon_folded_lookup(void **state)
{
    (void)state;
    /* accented, upper case and unmarked forms are one entry */
    assert_true(has(BTI_LEX_SECTION_HEAD, "Đọc nhiều"));
    assert_true(has(BTI_LEX_SECTION_HEAD, "ĐỌC NHIỀU"));
    assert_true(has(BTI_LEX_SECTION_HEAD, "doc nhieu"));
    assert_true(bti_lex_has(BTI_LEX_SECTION_HEAD, "doc nhieu", 9));
    assert_true(has(BTI_LEX_RELATED_HEAD, "Tin liên quan"));
    assert_true(has(BTI_LEX_RELATED_HEAD, "TIN LIÊN QUAN"));
    assert_true(has(BTI_LEX_HTML_FURNITURE_LINE, "QUẢNG CÁO"));
    assert_true(has(BTI_LEX_HTML_FURNITURE_LINE, "advertisement"));
    /* a key is looked up only in the lists asked for */
    assert_false(has(BTI_LEX_RELATED_HEAD, "Đọc nhiều"));
    assert_true(has(BTI_LEX_RELATED_HEAD | BTI_LEX_SECTION_HEAD, "Đọc nhiều"));
    /* no partial matches for whole-line lookups */
    assert_false(has(BTI_LEX_SECTION_HEAD, "Đọc nhiều hơn nữa"));
    assert_false(has(BTI_LEX_SECTION_HEAD, "Đọc"));
    assert_false(has(BTI_LEX_SECTION_HEAD, ""));
}

static void lexicon_prefix_lookup(void **state)
{
    (void)state;
    const char *s = "Xem thêm: Giá xăng tăng";
    assert_int_equal(bti_lex_raw_prefix(BTI_LEX_INLINE_RELATED, s, strlen(s), " :>"),
                     strlen("Xem thêm"));
    s = "XEM THEM >> Giá xăng";
    assert_int_equal(bti_lex_raw_prefix(BTI_LEX_INLINE_RELATED, s, strlen(s), " :>"), 8);
    /* the longest entry wins: "tin moi nhat" over "tin moi" */
    s = "tin moi nhat: x";
    assert_int_equal(bti_lex_prefix(BTI_LEX_SECTION_HEAD, s, strlen(s), ": "), 12);
    /* a prefix ends at a boundary: "Most readers" is not "Most read" */
    s = "Most readers agree";
    assert_int_equal(bti_lex_raw_prefix(BTI_LEX_HTML_ENDS_ARTICLE, s, strlen(s), NULL), 0);
    s = "Most read today";
    assert_int_equal(bti_lex_raw_prefix(BTI_LEX_HTML_ENDS_ARTICLE, s, strlen(s), NULL), 9);
    s = "Tin khác";
    assert_int_equal(bti_lex_raw_prefix(BTI_LEX_HTML_ENDS_ARTICLE, s, strlen(s), NULL),
                     strlen(s));
}

/* ---- line rules (text_rules.c) --------------------------------------------------------- */

static void tx_is_related_heading_rule(void **state)
{
    (void)state;
    assert_true(block_test(tx_is_related_heading, "Tin liên quan"));
    assert_true(block_test(tx_is_related_heading, "TIN LIÊN QUAN:"));
    assert_true(block_test(tx_is_related_heading, "## Related stories"));
    assert_false(block_test(tx_is_related_heading, "Tin liên quan đến vụ cháy ở Hà Nội"));
    assert_false(block_test(tx_is_related_heading, "Đọc nhiều"));
}

static void tx_is_section_heading_rule(void **state)
{
    (void)state;
    assert_true(block_test(tx_is_section_heading, "Đọc nhiều"));
    assert_true(block_test(tx_is_section_heading, "MOST READ"));
    assert_true(block_test(tx_is_section_heading, "Dòng sự kiện: Bão số 3"));
    assert_true(block_test(tx_is_section_heading, "Bình luận (12)"));
    /* a tag box's heading over the site's topic links ends the article */
    assert_true(block_test(tx_is_section_heading, "Mehr lesen über"));
    assert_false(block_test(tx_is_section_heading, "Bình luận (x)"));
    assert_false(block_test(tx_is_section_heading, "Đọc nhiều sách giúp trẻ học tốt"));
}

static void tx_is_furniture_rule(void **state)
{
    (void)state;
    assert_true(block_test(tx_is_furniture, "Chia sẻ Facebook Zalo"));
    assert_true(block_test(tx_is_furniture, "Quảng cáo"));
    assert_true(block_test(tx_is_furniture, "Xin chờ trong giây lát"));
    assert_true(block_test(tx_is_furniture, "Copyright 2024 Báo Mẫu"));
    assert_true(block_test(tx_is_furniture, "Hà Nội 25°C"));
    assert_false(block_test(tx_is_furniture, "Người dân chia sẻ kinh nghiệm chống bão."));
}

static void tx_ends_related_rule(void **state)
{
    (void)state;
    assert_true(block_test(tx_ends_related, "Bài trước"));
    assert_true(block_test(tx_ends_related, "Tags: bão, lũ"));
    assert_true(block_test(tx_ends_related, "Thẻ: thời sự"));
    assert_true(block_test(tx_ends_related, "3 bình luận về “Bão số 3”"));
    assert_false(block_test(tx_ends_related, "Tags"));
    assert_false(block_test(tx_ends_related, "Bão số 3 đổ bộ vào Quảng Ninh"));
}

static void tx_is_relative_time_rule(void **state)
{
    (void)state;
    assert_true(block_test(tx_is_relative_time, "5 giờ trước"));
    assert_true(block_test(tx_is_relative_time, "2 hours ago"));
    assert_true(block_test(tx_is_relative_time, "Vừa xong"));
    assert_false(block_test(tx_is_relative_time, "5 giờ sáng"));
    assert_false(block_test(tx_is_relative_time, "giờ trước"));
}

static void tx_inline_related_prefix_rule(void **state)
{
    (void)state;
    const char *s = "Xem thêm: Giá vàng tăng mạnh";
    assert_string_equal(s + tx_inline_related_prefix(s, strlen(s)), "Giá vàng tăng mạnh");
    s = "ĐỌC THÊM >> Giá vàng";
    assert_string_equal(s + tx_inline_related_prefix(s, strlen(s)), "Giá vàng");
    s = ">> Giá vàng";
    assert_string_equal(s + tx_inline_related_prefix(s, strlen(s)), "Giá vàng");
    s = "Xem thêm các tin về giá vàng";
    assert_int_equal(tx_inline_related_prefix(s, strlen(s)), 0);
    s = "Xem thêm:";
    assert_int_equal(tx_inline_related_prefix(s, strlen(s)), 0);
}

/* ---- the text extractor's passes (text_extract.c) ---------------------------------------- */

static void mark_furniture_pass(void **state)
{
    (void)state;
    bt_article *a = article_with("Chia sẻ Facebook Zalo", "Quảng cáo", "5 giờ trước");
    assert_string_equal(a->lede, P1);
    assert_int_equal(a->n_body, 2);
    assert_false(test_body_has(a, "Chia sẻ"));
    assert_false(test_body_has(a, "Quảng cáo"));
    assert_false(test_body_has(a, "giờ trước"));
    bt_article_free(a);
}

static void short_capture_body_pass(void **state)
{
    (void)state;
    /* no prose: the headline, when lines follow it */
    bt_article *a = extract_text("# Lịch thi đấu vòng loại\n\nHà Nội gặp Hải Phòng\n\n"
                                 "Nam Định gặp Thanh Hóa\n");
    assert_non_null(a->title);
    assert_string_equal(a->title, "Lịch thi đấu vòng loại");
    bt_article_free(a);
    /* a headline alone is no article */
    bt_capture cap;
    memset(&cap, 0, sizeof cap);
    cap.data = "# Lịch thi đấu vòng loại\n";
    cap.len = strlen(cap.data);
    cap.origin = "rules.txt";
    bt_error err;
    a = NULL;
    assert_int_equal(bt_extract(&cap, NULL, &a, &err), BT_ENOARTICLE);
    bt_article_free(a);
}

static void take_dateline_pass(void **state)
{
    (void)state;
    bt_article *a = article_with("Thứ bảy, 14/8/2021 08:30", "", "");
    assert_non_null(a->published);
    assert_string_equal(a->published, "2021-08-14T08:30:00+07:00");
    assert_false(test_body_has(a, "14/8/2021"));
    bt_article_free(a);
}

static void take_english_bylines_pass(void **state)
{
    (void)state;
    bt_article *a = article_with("By Jane Doe", "", "");
    assert_true(has_author(a, "Jane Doe"));
    assert_false(test_body_has(a, "Jane Doe"));
    bt_article_free(a);
}

static void take_meta_rows_pass(void **state)
{
    (void)state;
    bt_article *a = article_with("Đăng bởi Kim Kha 16/11/2023", "", "");
    assert_true(has_author(a, "Kim Kha"));
    assert_false(test_body_has(a, "Kim Kha"));
    bt_article_free(a);
}

static void take_sapo_pass(void **state)
{
    (void)state;
    bt_article *a = article_with("TTO - Cơn mưa kéo dài từ đêm qua khiến nhiều tuyến phố ngập sâu.",
                                 "", "");
    assert_string_equal(a->lede, "Cơn mưa kéo dài từ đêm qua khiến nhiều tuyến phố ngập sâu.");
    assert_string_equal(a->source, "TTO");
    assert_false(test_body_has(a, "Cơn mưa"));
    bt_article_free(a);
    /* a first paragraph that is not set apart stays in the body */
    a = extract_text(HEAD P1 "\n\n" P2 "\n");
    assert_null(a->lede);
    assert_true(body_has_exact(a, P1));
    bt_article_free(a);
}

static void pair_split_captions_pass(void **state)
{
    (void)state;
    bt_article *a = article_with("", "Người dân dắt xe qua đoạn đường ngập\n\nẢNH: MINH ANH", "");
    assert_int_equal(a->n_images, 1);
    assert_string_equal(a->images[0].caption, "Người dân dắt xe qua đoạn đường ngập");
    assert_string_equal(a->images[0].credit, "MINH ANH");
    assert_false(test_body_has(a, "dắt xe"));
    bt_article_free(a);
    /* a sentence is a caption between a photo (html2text's bare image link) and a credit ... */
    a = article_with("", "[ ](https://example.org/a.jpg?w=800)\n\n"
                         "Người dân dắt xe qua đoạn đường ngập.\n\nẢnh: Minh Anh", "");
    assert_int_equal(a->n_images, 1);
    assert_string_equal(a->images[0].credit, "Minh Anh");
    assert_false(test_body_has(a, "dắt xe"));
    bt_article_free(a);
    /* ... or above a credit in brackets, a credit word's or names around a slash */
    a = article_with("", "Người dân dắt xe qua đoạn đường ngập.\n\n(Ảnh: Minh Anh)", "");
    assert_int_equal(a->n_images, 1);
    assert_false(test_body_has(a, "dắt xe"));
    bt_article_free(a);
    a = article_with("", "Người dân dắt xe qua đoạn đường ngập.\n\n(Minh Anh / TTXVN)", "");
    assert_int_equal(a->n_images, 1);
    assert_string_equal(a->images[0].credit, "Minh Anh / TTXVN");
    assert_false(test_body_has(a, "dắt xe"));
    bt_article_free(a);
    /* one short sentence above a bare credit is a caption too; a paragraph of two, no
     * photo's place between, stays the body's */
    a = article_with("", "Người dân dắt xe qua đoạn đường ngập.\n\nẢnh: Minh Anh", "");
    assert_int_equal(a->n_images, 1);
    assert_false(test_body_has(a, "dắt xe"));
    bt_article_free(a);
    a = article_with("", "Người dân dắt xe qua đoạn đường ngập. Nước rút chậm.\n\nẢnh: Minh Anh",
                     "");
    assert_true(test_body_has(a, "dắt xe"));
    bt_article_free(a);
}

static void rule_image(void **state)
{
    (void)state;
    bt_article *a = article_with("", "![Xe chết máy](https://example.org/a.jpg)\n\n"
                                     "Người dân dắt xe qua đoạn đường ngập. Ảnh: Minh Anh", "");
    assert_int_equal(a->n_images, 1);
    assert_string_equal(a->images[0].src, "https://example.org/a.jpg");
    assert_string_equal(a->images[0].caption, "Người dân dắt xe qua đoạn đường ngập.");
    assert_string_equal(a->images[0].credit, "Minh Anh");
    assert_int_equal(a->n_body, 2);
    bt_article_free(a);
}

static void rule_caption(void **state)
{
    (void)state;
    bt_article *a = article_with("", "Người dân dắt xe qua đoạn đường ngập (Ảnh: TTXVN)", "");
    assert_int_equal(a->n_images, 1);
    assert_null(a->images[0].src);
    assert_string_equal(a->images[0].credit, "TTXVN");
    assert_false(test_body_has(a, "dắt xe"));
    bt_article_free(a);
}

static void rule_doubled_link(void **state)
{
    (void)state;
    bt_article *a = article_with("", "Giá vàng tăng mạnh Giá vàng tăng mạnh", "");
    assert_true(has_related(a, "Giá vàng tăng mạnh"));
    assert_false(test_body_has(a, "Giá vàng"));
    bt_article_free(a);
}

static void rule_bracketed_link(void **state)
{
    (void)state;
    bt_article *a = article_with("", "[Read: Giá vàng tăng mạnh phiên sáng]", "");
    assert_true(has_related(a, "Giá vàng tăng mạnh phiên sáng"));
    assert_false(test_body_has(a, "Giá vàng"));
    bt_article_free(a);
}

static void rule_inline_related(void **state)
{
    (void)state;
    bt_article *a = article_with("", "Xem thêm: Dự báo thời tiết cuối tuần có mưa to", "");
    assert_true(has_related(a, "Dự báo thời tiết cuối tuần có mưa to"));
    assert_false(test_body_has(a, "Dự báo"));
    bt_article_free(a);
}

static void rule_related_card(void **state)
{
    (void)state;
    bt_article *a = article_with(
        "", "[Bão số 3 tiến gần đất liền miền Bắc](https://example.org/bao)\n\n"
            "Cơn bão mạnh nhất năm nay đang di chuyển theo hướng tây bắc với tốc độ nhanh.",
        "");
    assert_true(has_related(a, "Bão số 3 tiến gần đất liền miền Bắc"));
    assert_string_equal(a->related[0].url, "https://example.org/bao");
    assert_false(test_body_has(a, "Cơn bão mạnh"));
    assert_int_equal(a->n_body, 2);
    bt_article_free(a);
}

static void rule_attribution(void **state)
{
    (void)state;
    bt_article *a = article_with("", "", "Theo Reuters\n\n" "Một đoạn văn sau dòng nguồn không còn thuộc về bài viết này nữa.");
    assert_false(test_body_has(a, "Reuters"));
    assert_false(test_body_has(a, "dòng nguồn"));
    assert_int_equal(a->n_body, 2);
    bt_article_free(a);
}

static void rule_closing_byline(void **state)
{
    (void)state;
    bt_article *a = article_with("", "", "Nguyễn Văn An");
    assert_true(has_author(a, "Nguyễn Văn An"));
    assert_false(test_body_has(a, "Nguyễn Văn An"));
    bt_article_free(a);
    /* a name in bold needs no diacritics */
    a = article_with("", "", "**Thu Trang**");
    assert_true(has_author(a, "Thu Trang"));
    bt_article_free(a);
}

static void rule_not_a_paragraph(void **state)
{
    (void)state;
    /* a label that is no sentence is dropped; a subheading over a paragraph is kept */
    bt_article *a = article_with("", "Full Screen\n\nGiao thông ùn tắc", "");
    assert_false(test_body_has(a, "Full Screen"));
    assert_true(body_has_exact(a, "Giao thông ùn tắc"));
    bt_article_free(a);
    /* the same line twice in a row is taken once */
    a = article_with("", P1, "");
    size_t n = 0;
    for (size_t i = 0; i < a->n_body; i++)
        n += !strcmp(a->body[i], P1);
    assert_int_equal(n, 1);
    bt_article_free(a);
}

static void rule_paragraph(void **state)
{
    (void)state;
    /* "./." ends the article and prints as "." */
    bt_article *a = extract_text(HEAD P1 "\n\n" "Kết thúc bài viết với dấu hiệu kết thúc quen thuộc của báo chí./."
                                 "\n\n" P2 "\n");
    assert_true(body_has_exact(a, P1));
    assert_true(body_has_exact(a, "Kết thúc bài viết với dấu hiệu kết thúc quen thuộc của báo chí."));
    assert_false(body_has_exact(a, P2));
    bt_article_free(a);
}

static void take_foot_dateline_pass(void **state)
{
    (void)state;
    bt_article *a = article_with("", "", "14/08/2024 08:30");
    assert_non_null(a->published);
    assert_string_equal(a->published, "2024-08-14T08:30:00+07:00");
    bt_article_free(a);
}

static void read_related_boxes_pass(void **state)
{
    (void)state;
    bt_article *a = article_with("", "", "Tin liên quan\n\nBão số 3 tiến gần đất liền miền Bắc\n\n"
                                         "Đọc nhiều\n\nCâu chuyện của ngày hôm qua ở phố cổ");
    assert_true(has_related(a, "Bão số 3 tiến gần đất liền miền Bắc"));
    /* a site-wide section is no related box */
    assert_false(has_related(a, "Câu chuyện của ngày hôm qua ở phố cổ"));
    bt_article_free(a);
}

static void take_source_pass(void **state)
{
    (void)state;
    bt_article *a = article_with("", "", "© 2024 Tin Mẫu. Ghi rõ nguồn khi phát hành lại.");
    assert_string_equal(a->source, "Tin Mẫu");
    bt_article_free(a);
}

/* ---- the HTML output's rules (html_output.c) --------------------------------------------- */

#define HP1 "<p>Theo đài khí tượng, lượng mưa đo được tại nội thành vượt quá một trăm milimét chỉ trong ba giờ đồng hồ qua.</p>\n"
#define HP2 "<p>Các đội thoát nước đã được điều động tới những điểm ngập nặng nhất để hỗ trợ người dân đi lại an toàn.</p>\n"
#define HP3 "<p>Chính quyền khuyến cáo người dân hạn chế ra đường trong những giờ cao điểm buổi chiều hôm nay và ngày mai.</p>\n"
#define HP4 "<p>Một đoạn văn nữa để bài viết có đủ độ dài cho bộ trích xuất nhận ra đây là phần nội dung chính của trang.</p>\n"

/* An HTML page: the headline, P1, `mid`, P2, P3, P4, then `foot`, inside <article>. */
static bt_article *page_with(const char *mid, const char *foot)
{
    static const char head[] = "<!doctype html><html><head><meta charset=\"utf-8\">"
                               "<title>Mưa lớn gây ngập nhiều tuyến phố</title></head><body>"
                               "<article><h1>Mưa lớn gây ngập nhiều tuyến phố</h1>\n";
    size_t n = sizeof head + strlen(mid) + strlen(foot) + 4 * 200 + 64;
    char *t = malloc(n);
    assert_non_null(t);
    snprintf(t, n, "%s%s%s%s%s%s%s</article></body></html>\n", head, HP1, mid, HP2, HP3, HP4, foot);
    bt_article *a = test_extract(t, "rules.html");
    free(t);
    assert_true(test_body_has(a, "đội thoát nước"));
    return a;
}

/* An English page by Jane Fielding: a headline, four paragraphs, then `foot`. */
static bt_article *bio_page(const char *foot)
{
    static const char fmt[] =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"author\" content=\"Jane Fielding\"><title>Harbour bridge to close for repairs</title>"
        "</head><body><article><h1>Harbour bridge to close for repairs</h1>\n"
        "<p>The harbour bridge will close to traffic for six weeks from Monday while engineers replace "
        "the worn bearings under its central span, the city council said on Tuesday.</p>\n"
        "<p>Buses will be diverted over the river crossing further north, adding about fifteen minutes "
        "to journeys between the old town and the ferry terminal during the morning rush.</p>\n"
        "<p>Cyclists and pedestrians will still be able to use the walkway on the eastern side, though "
        "it will shut on two weekends when the heaviest parts are lifted into place by crane.</p>\n"
        "<p>The council said the work, which was planned last year, had been brought forward after an "
        "inspection found the bearings had moved more than expected during the winter storms.</p>\n"
        "%s</article></body></html>\n";
    size_t n = sizeof fmt + strlen(foot);
    char *t = malloc(n);
    assert_non_null(t);
    snprintf(t, n, fmt, foot);
    bt_article *a = test_extract(t, "bio.html");
    free(t);
    assert_true(test_body_has(a, "Buses will be diverted"));
    return a;
}

/* Pass "author bio": the writer's box under the text leaves; a sentence about a person the
 * article speaks of (their surname is in the text) stays. */
static void html_author_bio(void **state)
{
    (void)state;
    bt_article *a = bio_page("<div class=\"about\"><p>Jane Fielding</p><p>Jane Fielding is a transport "
                             "reporter for the Harbour Gazette. She covers roads, rail and ferries.</p></div>\n");
    assert_int_equal(a->n_authors, 1);
    assert_false(test_body_has(a, "transport reporter"));
    assert_false(test_body_has(a, "Jane Fielding"));
    assert_true(test_body_has(a, "winter storms"));
    bt_article_free(a);
    a = bio_page("<p>Fielding, who chairs the works committee, said the closure was unavoidable.</p>\n"
                 "<p>Jane Fielding is a councillor for the harbour ward and has pressed for the repairs "
                 "since the storms.</p>\n");
    assert_true(test_body_has(a, "councillor for the harbour ward"));
    bt_article_free(a);
}

/* Pass "reading time": the reading-time widget on a line of its own leaves; a bare time
 * ("15 min", a recipe's or a video's) stays. */
static void html_rule_reading_time(void **state)
{
    (void)state;
    bt_article *a = page_with("<p>4 Min Read</p>\n<p>Lesezeit: 2 Minuten</p>\n<p>Temps de lecture : 3 min</p>\n"
                              "<p>5 Min. Lesedauer</p>\n<p>15 min</p>\n", "");
    assert_false(test_body_has(a, "Read"));
    assert_false(test_body_has(a, "Lesezeit"));
    assert_false(test_body_has(a, "Temps de lecture"));
    assert_false(test_body_has(a, "Lesedauer"));
    assert_true(test_body_has(a, "15 min"));
    bt_article_free(a);
}

static void html_rule_repeats_title(void **state)
{
    (void)state;
    bt_article *a = page_with("<p>Mưa lớn gây ngập nhiều tuyến phố</p>\n", "");
    assert_string_equal(a->title, "Mưa lớn gây ngập nhiều tuyến phố");
    assert_false(test_body_has(a, "Mưa lớn gây ngập"));
    bt_article_free(a);
}

static void html_rule_furniture_line(void **state)
{
    (void)state;
    bt_article *a = page_with("<p>Quảng cáo</p>\n<p>ADVERTISEMENT</p>\n<p>QUẢNG CÁO</p>\n", "");
    assert_false(test_body_has(a, "Quảng cáo"));
    assert_false(test_body_has(a, "QUẢNG CÁO"));
    assert_false(test_body_has(a, "ADVERTISEMENT"));
    assert_int_equal(a->n_body, 4);
    bt_article_free(a);
}

static void html_rule_link_line(void **state)
{
    (void)state;
    bt_article *a = page_with("<p><a href=\"https://example.org/storm\">Thunderstorms overwhelm "
                              "Hanoi's drainage infrastructure</a></p>\n", "");
    assert_true(has_related(a, "Thunderstorms overwhelm Hanoi's drainage infrastructure"));
    assert_false(test_body_has(a, "Thunderstorms"));
    bt_article_free(a);
}

static void html_rule_bracketed_link(void **state)
{
    (void)state;
    bt_article *a = page_with("<p>[<a href=\"https://example.org/vang\">Read: Giá vàng tăng mạnh "
                              "phiên sáng nay</a>]</p>\n", "");
    assert_true(has_related(a, "Giá vàng tăng mạnh phiên sáng nay"));
    assert_false(test_body_has(a, "Giá vàng"));
    bt_article_free(a);
}

static void html_rule_marked_link(void **state)
{
    (void)state;
    bt_article *a = page_with("<p>Xem thêm: <a href=\"https://example.org/tt\">Dự báo thời tiết cuối "
                              "tuần có mưa to</a></p>\n", "");
    assert_true(has_related(a, "Dự báo thời tiết cuối tuần có mưa to"));
    assert_string_equal(a->related[0].url, "https://example.org/tt");
    assert_false(test_body_has(a, "Dự báo"));
    bt_article_free(a);
}

static void html_heading_marks(void **state)
{
    (void)state;
    /* "Tin khác" ends the article: the paragraph after it is another story */
    bt_article *a = page_with("", "<h3>Tin khác</h3>\n<p>Một tin khác hoàn toàn không liên quan tới "
                                  "bài này cả đâu nhé bạn đọc thân mến của chúng tôi.</p>\n");
    assert_false(test_body_has(a, "Tin khác"));
    assert_false(test_body_has(a, "Một tin khác"));
    bt_article_free(a);
    /* "Tin liên quan" turns the link list after it into related stories */
    a = page_with("", "<h3>Tin liên quan</h3>\n<ul><li><a href=\"https://example.org/b3\">Bão số 3 "
                      "tiến gần đất liền miền Bắc</a></li><li><a href=\"https://example.org/xd\">Giá "
                      "xăng dầu giảm nhẹ trong kỳ này</a></li></ul>\n");
    assert_true(has_related(a, "Bão số 3 tiến gần đất liền miền Bắc"));
    assert_false(test_body_has(a, "Bão số 3"));
    bt_article_free(a);
}

static void html_el_image_box(void **state)
{
    (void)state;
    bt_article *a = page_with("<figure><img src=\"https://example.org/a.jpg\"><figcaption>Người dân "
                              "dắt xe qua đoạn đường ngập. Ảnh: Minh Anh</figcaption></figure>\n", "");
    assert_int_equal(a->n_images, 1);
    assert_string_equal(a->images[0].src, "https://example.org/a.jpg");
    assert_string_equal(a->images[0].credit, "Minh Anh");
    assert_false(test_body_has(a, "dắt xe"));
    bt_article_free(a);
}

static void lexicon_credit_word(void **state)
{
    (void)state;
    const char *s = "Ảnh minh hoạ: TTXVN";
    assert_int_equal(bti_lex_credit_word(BTI_LEX_CREDIT_VI, BTI_LEX_CREDIT_EN, s, strlen(s), 1),
                     strlen("Ảnh minh hoạ"));
    s = "ẢNH: Hoàng Sơn";
    assert_int_equal(bti_lex_credit_word(BTI_LEX_CREDIT_VI, BTI_LEX_CREDIT_EN, s, strlen(s), 1),
                     strlen("ẢNH"));
    /* lowercase in running text: prose */
    s = "ảnh: Hoàng Sơn";
    assert_int_equal(bti_lex_credit_word(BTI_LEX_CREDIT_VI, BTI_LEX_CREDIT_EN, s, strlen(s), 1), 0);
    assert_int_equal(bti_lex_credit_word(BTI_LEX_CREDIT_VI, BTI_LEX_CREDIT_EN, s, strlen(s), 0),
                     strlen("ảnh"));
    /* English words only in ASCII: "Vídeo" is no "Video" */
    s = "Vídeo: EPV";
    assert_int_equal(bti_lex_credit_word(BTI_LEX_CREDIT_VI, BTI_LEX_CREDIT_EN, s, strlen(s), 1), 0);
    s = "Photo by Jane Doe";
    assert_int_equal(bti_lex_credit_word(BTI_LEX_CREDIT_VI, BTI_LEX_CREDIT_EN, s, strlen(s), 1), 5);
}

/* bti_lex_credit_words reads both lists in one walk: each reading is what bti_lex_credit_word
 * gives with that list alone (the English one in ASCII only). */
static void lexicon_credit_words_one_walk(void **state)
{
    (void)state;
    const char *cases[] = {"Ảnh minh hoạ: TTXVN", "ẢNH: Hoàng Sơn", "Photo by Jane Doe",
                           "Photograph: Jane Doe", "Vídeo: EPV", "Nguồn: Reuters", "Credit: AP",
                           "Image credit: Google", "photo: x", "Không có gì", "", "P"};
    const bti_lex_set vi = BTI_LEX_CREDIT_VI | BTI_LEX_HTML_CREDIT_VI;
    const bti_lex_set en = BTI_LEX_CREDIT_EN | BTI_LEX_HTML_CREDIT_EN;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i];
        size_t n = strlen(s), en_len = 99;
        size_t vl = bti_lex_credit_words(vi, en, s, n, &en_len);
        assert_int_equal(vl, bti_lex_credit_word(vi, 0, s, n, 0));
        assert_int_equal(en_len, bti_lex_credit_word(0, en, s, n, 0));
    }
    size_t en_len;
    const char *s = "Ảnh: TTXVN";
    assert_int_equal(bti_lex_credit_words(vi, en, s, strlen(s), &en_len), strlen("Ảnh"));
    assert_int_equal(en_len, 0);
    s = "Photograph: Jane Doe";
    assert_int_equal(bti_lex_credit_words(vi, en, s, strlen(s), &en_len), 0);
    assert_int_equal(en_len, strlen("Photograph"));
}

/* The word share as html_standfirst.c first computed it: every word of a looked for at every
 * byte of b. bti_word_share must give the same on any input. */
static double word_share_scan(const char *a, const char *b, size_t min)
{
    size_t n = 0, hit = 0, bl = strlen(b);
    for (const char *p = a; *p;) {
        while (*p && (*p == ' ' || (*p > 0 && *p < '0') || *p == ',' || *p == ';' || *p == ':'))
            p++;
        const char *s = p;
        while (*p && *p != ' ')
            p++;
        size_t wl = (size_t)(p - s);
        while (wl && strchr(".,;:!?\"')", s[wl - 1]))
            wl--;
        if (wl < min)
            continue;
        n++;
        for (const char *q = b; q + wl <= b + bl; q++) {
            if (memcmp(q, s, wl))
                continue;
            int left = q == b || q[-1] == ' ' || (q[-1] > 0 && q[-1] < '0');
            char r = q[wl];
            int right = !r || r == ' ' || (r > 0 && r < '0') || r == ':' || r == ';' || r == '?' ||
                        r == '!';
            if (left && right) {
                hit++;
                break;
            }
        }
    }
    return n ? (double)hit / (double)n : 0;
}

static void word_share_linear(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "",
        "the",
        "the cat sat on the mat.",
        "Mat, cat; the: sat! on? (the) \"mat\"",
        "the category of cats is not the cat",
        "u.s. officials said u.s-based firms (u.s.) paid $5,000/day",
        "well-known well known wellknown -known known- well",
        "nguoi dan dat xe qua doan duong ngap, nguoi dan",
        "người dân dắt xe qua đoạn đường ngập: người dân",
        "a b c ab abc abcd abcde abc.d abc:d abc;d abc?d abc!d",
        "mat mat mat mat matter mats",
        "x\ty z\nw tab\tword new\nline",
        "«quoted» “curly” words—dashes…",
        "catcatcat cat cat.cat cat/cat",
    };
    size_t nt = sizeof texts / sizeof texts[0];
    for (size_t min = 1; min <= 6; min++)
        for (size_t i = 0; i < nt; i++)
            for (size_t j = 0; j < nt; j++) {
                double want = word_share_scan(texts[i], texts[j], min);
                double got = bti_word_share(texts[i], texts[j], min);
                if (got != want)
                    fail_msg("min %zu, a \"%s\", b \"%s\": %f, want %f", min, texts[i], texts[j],
                             got, want);
            }
    /* a text of many words against a long one: each word found or not, as written */
    assert_true(bti_word_share("the cat sat", "a cat sat there", 3) == 2.0 / 3.0);
    assert_true(bti_word_share("category", "the cat", 3) == 0.0);
    assert_true(bti_word_share("cat", "category cat", 3) == 1.0);
    assert_true(bti_word_share("", "anything", 3) == 0.0);
}

static void tx_split_credit_rule(void **state)
{
    (void)state;
    size_t cl, co, crl;
    const char *s = "Người dân dắt xe qua đoạn đường ngập. Ảnh: Minh Anh";
    assert_true(tx_split_credit(s, strlen(s), &cl, &co, &crl));
    assert_int_equal(cl, strlen("Người dân dắt xe qua đoạn đường ngập."));
    assert_string_equal(s + co, "Minh Anh");
    s = "Người dân dắt xe qua đoạn đường ngập (ẢNH MINH HỌA: TTXVN)";
    assert_true(tx_split_credit(s, strlen(s), &cl, &co, &crl));
    assert_int_equal(crl, strlen("TTXVN"));
    /* a lowercase "ảnh:" inside a sentence is no credit */
    s = "Cô ấy nói về bức ảnh: một kỷ niệm đẹp";
    assert_false(tx_split_credit(s, strlen(s), &cl, &co, &crl));
}

static void html_split_credit_rule(void **state)
{
    (void)state;
    char *cap = NULL, *cred = NULL;
    assert_int_equal(bti_html_split_credit("Người dân dắt xe (ảnh: TTXVN).", &cap, &cred), 0);
    assert_string_equal(cap, "Người dân dắt xe");
    assert_string_equal(cred, "TTXVN");
    free(cap);
    free(cred);
    assert_int_equal(bti_html_split_credit("Thunderstorm over Hanoi. Photograph: Jane Doe", &cap, &cred), 0);
    assert_string_equal(cap, "Thunderstorm over Hanoi.");
    assert_string_equal(cred, "Jane Doe");
    free(cap);
    free(cred);
    /* "(Image credit: Google)": a lowercase "credit:" is no label of its own */
    assert_int_equal(bti_html_split_credit("(Image credit: Google)", &cap, &cred), 0);
    assert_null(cred);
    free(cap);
}

static void html_trim_edges(void **state)
{
    (void)state;
    /* the foot's labels (any case, folded) and the copyright sign leave the text */
    bt_article *a = page_with("", "<p>TỪ KHÓA: mưa lớn, ngập lụt</p>\n<p>© 2024 Tin Mẫu</p>\n");
    assert_false(test_body_has(a, "mưa lớn, ngập"));
    assert_false(test_body_has(a, "Tin Mẫu"));
    assert_int_equal(a->n_body, 4);
    bt_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lexicon_sorted_and_folded),
        cmocka_unit_test(lexicon_folded_lookup),
        cmocka_unit_test(lexicon_prefix_lookup),
        cmocka_unit_test(tx_is_related_heading_rule),
        cmocka_unit_test(tx_is_section_heading_rule),
        cmocka_unit_test(tx_is_furniture_rule),
        cmocka_unit_test(tx_ends_related_rule),
        cmocka_unit_test(tx_is_relative_time_rule),
        cmocka_unit_test(tx_inline_related_prefix_rule),
        cmocka_unit_test(lexicon_credit_word),
        cmocka_unit_test(lexicon_credit_words_one_walk),
        cmocka_unit_test(word_share_linear),
        cmocka_unit_test(tx_split_credit_rule),
        cmocka_unit_test(html_split_credit_rule),
        cmocka_unit_test(mark_furniture_pass),
        cmocka_unit_test(short_capture_body_pass),
        cmocka_unit_test(take_dateline_pass),
        cmocka_unit_test(take_english_bylines_pass),
        cmocka_unit_test(take_meta_rows_pass),
        cmocka_unit_test(take_sapo_pass),
        cmocka_unit_test(pair_split_captions_pass),
        cmocka_unit_test(rule_image),
        cmocka_unit_test(rule_caption),
        cmocka_unit_test(rule_doubled_link),
        cmocka_unit_test(rule_bracketed_link),
        cmocka_unit_test(rule_inline_related),
        cmocka_unit_test(rule_related_card),
        cmocka_unit_test(rule_attribution),
        cmocka_unit_test(rule_closing_byline),
        cmocka_unit_test(rule_not_a_paragraph),
        cmocka_unit_test(rule_paragraph),
        cmocka_unit_test(take_foot_dateline_pass),
        cmocka_unit_test(read_related_boxes_pass),
        cmocka_unit_test(take_source_pass),
        cmocka_unit_test(html_rule_repeats_title),
        cmocka_unit_test(html_rule_furniture_line),
        cmocka_unit_test(html_rule_link_line),
        cmocka_unit_test(html_rule_bracketed_link),
        cmocka_unit_test(html_rule_marked_link),
        cmocka_unit_test(html_heading_marks),
        cmocka_unit_test(html_el_image_box),
        cmocka_unit_test(html_trim_edges),
        cmocka_unit_test(html_author_bio),
        cmocka_unit_test(html_rule_reading_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
