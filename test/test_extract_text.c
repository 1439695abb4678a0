/* test_extract_text.c: the text extractor rule by rule: datelines, credits, source prefixes,
 * bylines, doubled lines, end marks, related blocks, furniture, odd inputs (empty, only
 * furniture, binary, invalid UTF-8, 50 MB), the site model, and extraction from threads. */
#include "support.h"

#include "bantin.h"
#include "core/date.h"
#include "extract/text_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- helpers ----------------------------------------------------------------------------- */

static int extract_str(const char *text, size_t len, const bt_extract_opts *opts,
                       bt_article **out)
{
    bt_capture cap;
    memset(&cap, 0, sizeof cap);
    cap.data = text;
    cap.len = len;
    cap.origin = "test.txt";
    bt_error err;
    return bt_extract(&cap, opts, out, &err);
}

static bt_article *extract_ok(const char *text)
{
    bt_article *a = NULL;
    assert_int_equal(extract_str(text, strlen(text), NULL, &a), 0);
    assert_non_null(a);
    return a;
}

/* The article's paragraphs, the lede first when there is one: pass "lede under the headline"
 * takes the paragraph right under a headline as the standfirst, and these pages' text is
 * what the tests count, wherever the first paragraph went. */
static size_t n_paras(const bt_article *a) { return a->n_body + (a->lede != NULL); }

static const char *para_at(const bt_article *a, size_t i)
{
    if (a->lede && !i)
        return a->lede;
    i -= a->lede != NULL;
    return i < a->n_body ? a->body[i] : NULL;
}

static int text_has(const bt_article *a, const char *s)
{
    for (size_t i = 0; i < n_paras(a); i++)
        if (strstr(para_at(a, i), s))
            return 1;
    return 0;
}

static const char *date_iso(const char *s, char *buf)
{
    bti_date d;
    if (!bti_date_find(s, strlen(s), &d))
        return NULL;
    bti_date_format(&d, 7 * 60, buf, 40);
    return buf;
}

/* ---- datelines --------------------------------------------------------------------------- */

static void test_dateline_formats(void **state)
{
    (void)state;
    char b[40];
    static const char *const cases[][2] = {
        {"18:19 | 14/08/2021 GMT+7", "2021-08-14T18:19:00+07:00"},
        {"Thứ bảy, 14/8/2021, 18:19 (GMT+7)", "2021-08-14T18:19:00+07:00"},
        {"14-08-2021 - 18:19", "2021-08-14T18:19:00+07:00"},
        {"2021-08-14T18:19:00+07:00", "2021-08-14T18:19:00+07:00"},
        {"2021-08-14T11:19:00Z", "2021-08-14T11:19:00+00:00"},
        {"August 14, 2021", "2021-08-14T00:00:00+07:00"},
        {"Aug. 14, 2021 6:19 PM EDT", "2021-08-14T18:19:00-04:00"},
        {"14 August 2021 18:19 UTC", "2021-08-14T18:19:00+00:00"},
        {"Cập nhật: 14.08.2021 18h19", "2021-08-14T18:19:00+07:00"},
        {"ngày 14 tháng 8 năm 2021", "2021-08-14T00:00:00+07:00"},
        {"Published 2021-08-14 18:19:05 +0700", "2021-08-14T18:19:05+07:00"},
        {"29/02/2024 08:00", "2024-02-29T08:00:00+07:00"},
        {"08/14/2021", "2021-08-14T00:00:00+07:00"}, /* month first only when unambiguous */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = date_iso(cases[i][0], b);
        if (!got || strcmp(got, cases[i][1]))
            fail_msg("'%s': got %s, want %s", cases[i][0], got ? got : "(none)", cases[i][1]);
    }
}

static void test_dateline_rejects(void **state)
{
    (void)state;
    char b[40];
    static const char *const bad[] = {
        "31/02/2021", "29/02/2021", "32/01/2021", "14/13/2021", "Ngày 2/9, trả lời truyền thông",
        "sáng 21/4", "lúc 18:19", "February 30, 2021", "1-2 ghế", "3.000 lít", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (date_iso(bad[i], b))
            fail_msg("'%s' parsed as %s", bad[i], b);
    assert_int_equal(bti_date_valid(2000, 2, 29), 1);
    assert_int_equal(bti_date_valid(1900, 2, 29), 0);
}

static void test_dateline_in_capture(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Trang chủ Quốc tế\n18:19 | 14/08/2021 GMT+7\n\nTiêu đề của một bài báo thử nghiệm ở đây\n\n"
        "Ngày 12/8, một đoạn văn đầu tiên của bài viết được viết ra cho phép thử với đủ độ dài.\n"
        "Đoạn văn thứ hai tiếp tục câu chuyện, nhắc ngày 13/8 mà không có năm, để thử quy tắc.\n");
    assert_string_equal(a->published, "2021-08-14T18:19:00+07:00");
    assert_string_equal(a->title, "Tiêu đề của một bài báo thử nghiệm ở đây");
    bt_article_free(a);
    /* a day and month in the body is not a publication date */
    a = extract_ok("Tiêu đề của một bài báo không có ngày đăng\n"
                   "Ngày 12/8, đoàn công tác đã làm việc với tỉnh về kế hoạch năm nay của họ.\n"
                   "Sáng 13/8, các bên tiếp tục thảo luận và thống nhất nhiều nội dung quan trọng.\n");
    assert_null(a->published);
    bt_article_free(a);
}

/* ---- credits, sources, bylines ------------------------------------------------------------ */

static void check_credit(const char *s, const char *cap, const char *cred)
{
    size_t cl, co, crl;
    int ok = tx_split_credit(s, strlen(s), &cl, &co, &crl);
    if (!cred) {
        if (ok)
            fail_msg("'%s': unexpected credit '%.*s'", s, (int)crl, s + co);
        return;
    }
    if (!ok)
        fail_msg("'%s': no credit found", s);
    if (strlen(cap) != cl || memcmp(s, cap, cl) || strlen(cred) != crl || memcmp(s + co, cred, crl))
        fail_msg("'%s': got '%.*s' / '%.*s'", s, (int)cl, s, (int)crl, s + co);
}

static void test_credits(void **state)
{
    (void)state;
    check_credit("Ngoại trưởng Nga Sergei Lavrov. Nguồn: TASS", "Ngoại trưởng Nga Sergei Lavrov.", "TASS");
    check_credit("Giao tranh ở Panjshir. Ảnh: Reuters", "Giao tranh ở Panjshir.", "Reuters");
    check_credit("Đoàn xe trên cao tốc (Ảnh: TTXVN).", "Đoàn xe trên cao tốc", "TTXVN");
    check_credit("Công trường (Ảnh minh họa: Mạnh Quân).", "Công trường", "Mạnh Quân");
    check_credit("Farmers in the delta. Photo: AP", "Farmers in the delta.", "AP");
    /* British papers' "Picture:" in brackets after the caption */
    check_credit("Guides advise to stock up on food (Picture: Getty Images)",
                 "Guides advise to stock up on food", "Getty Images");
    check_credit("Đại sứ tới Qatar. Ảnh: Sorin Furcoi/Al Jazeera", "Đại sứ tới Qatar.", "Sorin Furcoi/Al Jazeera");
    check_credit("Ông nói rằng việc chụp ảnh: không được phép trong khu vực này.", NULL, NULL);
    check_credit("Một câu bình thường không có ghi công.", NULL, NULL);
}

static void check_source(const char *s, const char *src, const char *rest)
{
    size_t so, sl;
    size_t skip = tx_source_prefix(s, strlen(s), &so, &sl);
    if (!src) {
        if (skip)
            fail_msg("'%s': unexpected source '%.*s'", s, (int)sl, s + so);
        return;
    }
    if (!skip || strlen(src) != sl || memcmp(s + so, src, sl) || strcmp(s + skip, rest))
        fail_msg("'%s': got source '%.*s', rest '%s'", s, (int)sl, s + so, skip ? s + skip : "");
}

static void test_source_prefix(void **state)
{
    (void)state;
    check_source("VOV.VN - Đây là một phần của nỗ lực.", "VOV.VN", "Đây là một phần của nỗ lực.");
    check_source("(Dân trí) - Đi ngược làn sóng cắt lỗ.", "Dân trí", "Đi ngược làn sóng cắt lỗ.");
    check_source("TTO - Thành phố dự kiến mở thêm tuyến.", "TTO", "Thành phố dự kiến mở thêm tuyến.");
    check_source("HANOI (Reuters) – Exporters said on Saturday.", "Reuters", "Exporters said on Saturday.");
    check_source("Mỹ - Nga điện đàm khẩn về Afghanistan", NULL, NULL);
    check_source("Ngày 20/8 - đại diện Mỹ lên đường.", NULL, NULL);
}

static void check_byline(const char *s, size_t n, const char *a0, const char *a1)
{
    size_t off[6], lens[6];
    size_t got = tx_byline(s, strlen(s), off, lens, 6);
    if (got != n)
        fail_msg("'%s': %zu names, want %zu", s, got, n);
    if (n > 0 && (strlen(a0) != lens[0] || memcmp(s + off[0], a0, lens[0])))
        fail_msg("'%s': first name '%.*s'", s, (int)lens[0], s + off[0]);
    if (n > 1 && (strlen(a1) != lens[1] || memcmp(s + off[1], a1, lens[1])))
        fail_msg("'%s': second name '%.*s'", s, (int)lens[1], s + off[1]);
}

static void test_bylines(void **state)
{
    (void)state;
    check_byline("Hà Linh (TH)", 1, "Hà Linh", NULL);
    check_byline("Theo Thanh Xuân", 1, "Thanh Xuân", NULL);
    check_byline("Minh Anh - Quốc Bảo", 2, "Minh Anh", "Quốc Bảo");
    check_byline("By Jane Doe and Minh Tran", 2, "Jane Doe", "Minh Tran");
    check_byline("Theo Reuters", 0, NULL, NULL);
    check_byline("Theo CNBC", 0, NULL, NULL);
    check_byline("Theo Forbes, Newsweek", 0, NULL, NULL);
    check_byline("Đọc nhiều", 0, NULL, NULL);
    check_byline("Xin chờ trong giây lát", 0, NULL, NULL);
    /* in a capture: the byline ends the article and its role mark goes */
    bt_article *a = extract_ok(
        "Tiêu đề bài viết về một sự kiện trong tuần\n"
        "Đoạn văn đầu tiên của bài viết kể lại sự kiện với đầy đủ chi tiết cần thiết.\n"
        "Đoạn văn thứ hai đưa thêm ý kiến của các chuyên gia về sự kiện trong tuần.\n"
        "Hà Linh (TH)\nNguồn:\n");
    assert_int_equal(a->n_authors, 1);
    assert_string_equal(a->authors[0], "Hà Linh");
    assert_int_equal(a->n_body, 2);
    bt_article_free(a);
    /* "Theo Reuters" is an attribution, not an author */
    a = extract_ok("Tiêu đề bài viết về một sự kiện quốc tế lớn\n"
                   "Đoạn văn đầu tiên của bài viết kể lại sự kiện với đầy đủ chi tiết cần thiết.\n"
                   "Đoạn văn thứ hai đưa thêm ý kiến của các chuyên gia về sự kiện quốc tế này.\n"
                   "Theo Reuters\n");
    assert_int_equal(a->n_authors, 0);
    assert_int_equal(a->n_body, 2);
    bt_article_free(a);
    /* a meta row that a renderer ran into its share buttons, and an author box below the
     * article without a heading's mark (lynx prints headings as plain lines) */
    a = extract_ok("Ferry crossings on the river reopen after the spring floods\n\n"
                   "By Mai Pham April 2, 2024April 3, 2024 3 min read Share on Facebook Share on X Email\n\n"
                   "The ferries that link the two banks of the river started running again on Monday morning.\n\n"
                   "Operators said the crossings had been closed for nine days while the water stayed high.\n\n"
                   "About Mai Pham\n\n"
                   "Mai Pham writes about transport and daily life in the delta provinces for the paper.\n");
    assert_int_equal(a->n_authors, 1);
    assert_string_equal(a->authors[0], "Mai Pham");
    for (size_t i = 0; i < a->n_body; i++) {
        assert_null(strstr(a->body[i], "Share on"));
        assert_null(strstr(a->body[i], "writes about"));
    }
    bt_article_free(a);
}

/* ---- body rules -------------------------------------------------------------------------- */

static void test_doubled_lines_and_end_mark(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Tiêu đề bài viết về đàm phán hòa bình ở Doha\n\n"
        "Đoạn văn đầu tiên kể lại diễn biến của vòng đàm phán mới nhất ở thủ đô Doha.\n\n"
        "Đoạn văn thứ hai được máy thu thập in ra hai lần liên tiếp như trong các bản lưu.\n"
        "Đoạn văn thứ hai được máy thu thập in ra hai lần liên tiếp như trong các bản lưu.\n\n"
        "Đoạn văn cuối cùng kết thúc bằng dấu kết thúc bài quen thuộc của báo chí./.\n\n"
        "Mời quý độc giả theo dõi Báo Mẫu trên\n\n"
        "Một đoạn văn sau dấu kết thúc không còn thuộc về bài viết này nữa đâu nhé.\n");
    /* the first paragraph under the headline is the sapo */
    assert_non_null(a->lede);
    assert_int_equal(a->n_body, 2);
    assert_string_equal(a->body[1],
                        "Đoạn văn cuối cùng kết thúc bằng dấu kết thúc bài quen thuộc của báo chí.");
    bt_article_free(a);
    assert_int_equal(tx_doubled_half("Tin A Tin A", 11), 5);
    assert_int_equal(tx_doubled_half("Tin A Tin B", 11), 0);
}

/* Photos as renderers print them: alt text and caption on one line ("X. X. (Ảnh: Y)"), one
 * photo twice in a row, caption and credit on lines of their own. */
static void test_rendered_captions(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Người dân ven sông chuẩn bị đón mùa nước nổi sớm hơn mọi năm\n\n"
        "Mực nước trên sông dâng nhanh từ đầu tuần khiến nhiều hộ dân phải kê cao đồ đạc trong nhà.\n\n"
        "Ghe chở hàng cập bến chợ nổi. Ghe chở hàng cập bến chợ nổi. (Ảnh: Minh Tâm)\n\n"
        "Chính quyền xã đã lập đội xung kích trực suốt đêm tại các điểm xung yếu ven đê bao.\n\n"
        "Trẻ em tan trường lội nước về nhà - Ảnh: QUỐC AN\n\n"
        "Trẻ em tan trường lội nước về nhà - Ảnh: QUỐC AN\n\n"
        "Ngành giáo dục cho học sinh nghỉ học hai ngày để bảo đảm an toàn trên đường đến lớp.\n\n"
        "Chủ động ứng phó\n\n"
        "Đê bao thôn Bắc được gia cố bằng bao cát\n\n"
        "Đê bao thôn Bắc được gia cố bằng bao cát\n\n"
        "ẢNH: LÊ VY\n\n"
        "Người dân được khuyến cáo theo dõi bản tin thời tiết và chủ động di dời tài sản.\n");
    assert_int_equal(a->n_images, 3);
    assert_string_equal(a->images[0].caption, "Ghe chở hàng cập bến chợ nổi.");
    assert_string_equal(a->images[0].credit, "Minh Tâm");
    assert_string_equal(a->images[1].caption, "Trẻ em tan trường lội nước về nhà");
    assert_string_equal(a->images[1].credit, "QUỐC AN");
    assert_string_equal(a->images[2].caption, "Đê bao thôn Bắc được gia cố bằng bao cát");
    assert_string_equal(a->images[2].credit, "LÊ VY");
    int subheading = 0;
    for (size_t i = 0; i < a->n_body; i++) {
        assert_null(strstr(a->body[i], "bao cát"));
        subheading += !strcmp(a->body[i], "Chủ động ứng phó");
    }
    assert_int_equal(subheading, 1); /* the subheading above the photo stays */
    bt_article_free(a);
}

/* lynx runs a photo's alt text (the headline) into its caption, and prints the alt text of
 * the photo below a related box as a line of its own, which is not one more related story. */
static void test_lynx_alt_text(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Tỉnh khởi công tuyến đường ven biển nối hai huyện phía nam\n\n"
        "   Tuyến đường dài 42 km được kỳ vọng rút ngắn thời gian đi lại giữa hai\n"
        "   huyện và mở thêm quỹ đất cho các khu dân cư mới của tỉnh.\n"
        "   Tỉnh khởi công tuyến đường ven biển nối hai huyện phía nam\n"
        "   Máy thi công san lấp mặt bằng tại xã ven biển. (Ảnh: Hồng Nhung)\n\n"
        "   Theo ban quản lý dự án, nhà thầu sẽ thi công ba ca mỗi ngày trong mùa\n"
        "   khô để kịp hoàn thành phần nền đường trước khi mùa mưa bắt đầu.\n\n"
        "   Tổng vốn đầu tư của dự án khoảng 1.200 tỉ đồng từ ngân sách trung ương\n"
        "   và ngân sách tỉnh, chia làm hai giai đoạn thi công liên tiếp nhau.\n\n"
        "   Tin liên quan\n"
        "     * Tỉnh duyệt quy hoạch khu đô thị ven biển mới\n"
        "     * Nhà đầu tư đề xuất cảng cá ở cửa biển phía nam\n\n"
        "   Người dân đi bộ trên đoạn đường vừa thông xe\n\n"
        "   Người dân đi bộ trên đoạn đường vừa thông xe (Ảnh: Hồng Nhung)\n\n"
        "   Người dân trong vùng cho biết con đường sẽ giúp nông sản ra chợ nhanh\n"
        "   hơn và giảm chi phí vận chuyển cho các hợp tác xã địa phương.\n\n"
        "   Ban quản lý dự án cho biết sẽ công khai tiến độ thi công hằng tháng\n"
        "   để người dân trong vùng theo dõi và góp ý cho chính quyền các cấp.\n");
    assert_int_equal(a->n_images, 2);
    assert_string_equal(a->images[0].caption, "Máy thi công san lấp mặt bằng tại xã ven biển.");
    assert_int_equal(a->n_related, 2);
    bt_article_free(a);
    /* WordPress's "Related Posts" box is the article's related stories */
    static const char *const heads[] = {"Related Posts", "Tin liên quan:", "Related stories"};
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
        tx_doc d;
        assert_int_equal(tx_doc_build(&d, heads[i], strlen(heads[i])), 0);
        assert_int_equal(d.n, 1);
        assert_true(tx_is_related_heading(&d.b[0]));
        tx_doc_free(&d);
    }
}

/* ---- html2text's block links (text_block_link.c) --------------------------------------- */

/* A card whose brackets hold its first and last lines ("[Kicker Product ...", "Price Shop](url)"):
 * both lose their brackets and every line of the card is a link line with its URL; a "["
 * closed on its own line, or a "](url)" line with a "[" before it, is no such card. */
static void test_html2text_glued_card(void **state)
{
    (void)state;
    static const char md[] =
        "The ferry across the river will run again from June, the council said on Tuesday.\n\n"
        "[WatchAcme Watch 5The Acme Watch 5 does all a watch must do, from sleep tracking to "
        "heart checks, and it looks good.\n\n"
        "  * Bright display\n\n"
        "199 €149 €at Shop](https://shop.example/dp/B01?tag=x)\n\n"
        "It will leave every half hour from the old pier, a spokesman said.\n";
    tx_doc d;
    assert_int_equal(tx_doc_build(&d, md, strlen(md)), 0);
    assert_int_equal(d.n, 5);
    assert_null(d.b[0].url);
    assert_true(!strncmp(d.b[1].text, "WatchAcme", 9));
    assert_true(d.b[1].flags & TBF_LINKLINE);
    assert_string_equal(d.b[1].url, "https://shop.example/dp/B01?tag=x");
    assert_string_equal(d.b[2].url, "https://shop.example/dp/B01?tag=x");
    assert_string_equal(d.b[3].text, "199 €149 €at Shop");
    assert_string_equal(d.b[3].url, "https://shop.example/dp/B01?tag=x");
    assert_null(d.b[4].url);
    tx_doc_free(&d);
    static const char plain[] = "[Note] the line goes on.\n\nSee [the report](/report)\n";
    assert_int_equal(tx_doc_build(&d, plain, strlen(plain)), 0);
    assert_int_equal(d.n, 2);
    assert_string_equal(d.b[0].text, "[Note] the line goes on.");
    assert_false(d.b[0].flags & TBF_LINKLINE);
    tx_doc_free(&d);
}

/* "[" ... "](url)" around a card's lines: the lines inside are link lines with the URL, the
 * bracket lines go, text after ")" stays a block; the summary under a card that another card
 * follows is navigation, the paragraph under a lone card is not. */
static void test_html2text_block_links(void **state)
{
    (void)state;
    static const char md[] =
        "[\n\n"
        "### A first story about the harbour\n\n"
        "](https://example.org/harbour \"A first story\") Jane Roe\n\n"
        "[\n\n"
        "### A second story about the bridge\n\n"
        "](/bridge)\n\n"
        "The summary of the second story, which says what the bridge costs and when.\n\n"
        "[\n\n"
        "## A third story\n\n"
        "](/third)\n\n"
        "This paragraph follows a lone card and is the article's own text once more.\n";
    tx_doc d;
    assert_int_equal(tx_doc_build(&d, md, strlen(md)), 0);
    assert_int_equal(d.n, 6);
    assert_string_equal(d.b[0].text, "A first story about the harbour");
    assert_true(d.b[0].flags & TBF_LINKLINE);
    assert_int_equal(d.b[0].level, 3);
    assert_string_equal(d.b[0].url, "https://example.org/harbour");
    assert_string_equal(d.b[1].text, "Jane Roe");
    assert_null(d.b[1].url);
    assert_false(d.b[1].flags & TBF_LINKLINE);
    assert_string_equal(d.b[2].url, "/bridge");
    assert_true(d.b[3].flags & TBF_NAV); /* a card follows it: the second card's summary */
    assert_false(tx_is_prose(&d.b[3]));
    assert_string_equal(d.b[4].url, "/third");
    assert_false(d.b[5].flags & TBF_NAV);
    assert_true(tx_is_prose(&d.b[5]));
    tx_doc_free(&d);
    /* two cards in a row: the line closing one opens the next, "](url) [" */
    static const char row[] = "[\n\n### The first card\n\n](/one) [\n\n### The second card\n\n](/two)\n";
    assert_int_equal(tx_doc_build(&d, row, strlen(row)), 0);
    assert_int_equal(d.n, 2);
    assert_string_equal(d.b[0].url, "/one");
    assert_string_equal(d.b[1].text, "The second card");
    assert_string_equal(d.b[1].url, "/two");
    tx_doc_free(&d);
    /* a bracket with no closing link within reach, and prose opening with "](": text */
    static const char odd[] = "[\n\n](not a url) but words\n";
    assert_int_equal(tx_doc_build(&d, odd, strlen(odd)), 0);
    assert_int_equal(d.n, 2);
    assert_string_equal(d.b[0].text, "[");
    tx_doc_free(&d);
}

/* A card's brackets may end lines of text: "[Tennis](/t)[" opens a card on the line of a
 * link before it, "heise Security](/n/1)" closes one after the card's label. The lines
 * inside take the link, the closing line's text is the card's (navigation), the bracket
 * lines go, and no "](" is left in any block. */
static void test_block_link_card_ends(void **state)
{
    (void)state;
    const char *md = "[Tennis](https://example.com/tennis)[\n\n"
                     "## It is my time to push on, says the player after her first win\n\n"
                     "](https://example.com/story-1 \"It is my time\")\n\n"
                     "### Lesen Sie auch\n\n"
                     "[\n\n"
                     "### Europol nimmt Plattform vom Netz\n\n"
                     "heise Security](/news/europol-1.html)\n";
    tx_doc d;
    assert_int_equal(tx_doc_build(&d, md, strlen(md)), 0);
    size_t headline = d.n, label = d.n;
    for (size_t i = 0; i < d.n; i++) {
        assert_null(strstr(d.b[i].text, "]("));
        assert_false(d.b[i].len == 1 && d.b[i].text[0] == '[');
        if (strstr(d.b[i].text, "It is my time"))
            headline = i;
        if (!strcmp(d.b[i].text, "heise Security"))
            label = i;
    }
    assert_true(headline < d.n && label < d.n);
    assert_true(d.b[headline].flags & TBF_LINKLINE);
    assert_string_equal(d.b[headline].url, "https://example.com/story-1");
    assert_true(d.b[label].flags & TBF_NAV);
    assert_string_equal(d.b[label].url, "/news/europol-1.html");
    tx_doc_free(&d);
}

/* A list of cards below the article, each a linked heading ending like a sentence and a
 * summary: the article ends where the list begins, and the box of one card in the middle of
 * the article does not cut it (the paragraph right below the card reads as its summary). */
static void test_html2text_card_list(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# The council approves the new harbour plan after a long debate\n\n"
        "The city council approved the new harbour plan on Monday evening after a debate that "
        "lasted more than six hours and drew a large crowd to the town hall.\n\n"
        "The plan foresees a new quay, a ferry terminal and a park along the water, and the "
        "first works are to begin next spring if the region grants its permits in time.\n\n"
        "[\n\n"
        "### Related: the harbour's history, told by the people who worked there for decades.\n\n"
        "](/harbour-history)\n\n"
        "Opponents of the plan said the costs had been underestimated and asked for an "
        "independent review, which the majority rejected in a vote late in the night.\n\n"
        "The mayor said the city would publish every contract so that citizens can follow how "
        "the money is spent over the coming years of construction.\n\n"
        "## More stories\n\n"
        "[\n\n"
        "### Schools in the district will get new sports halls, the education office said today.\n\n"
        "](/schools)\n\n"
        "The education office presented its plans for the district's schools on Tuesday, with "
        "new halls, new playgrounds and a canteen for each of them by the end of the decade.\n\n"
        "[\n\n"
        "### The museum reopens after two years of renovation and shows its old collection.\n\n"
        "](/museum)\n\n"
        "The museum opened its doors again on Sunday and thousands of visitors came to see the "
        "rooms that architects had rebuilt from the cellar to the roof in two years of work.\n\n"
        "[\n\n"
        "### A new bus line links the station to the university and the hospital from May on.\n\n"
        "](/bus)\n\n"
        "The transport company will run the new line every ten minutes during the day and every "
        "half hour at night, with electric buses bought from a company in the region.\n");
    assert_int_equal(n_paras(a), 3);
    assert_non_null(strstr(para_at(a, 2), "The mayor said"));
    for (size_t i = 0; i < n_paras(a); i++) {
        assert_null(strstr(para_at(a, i), "education office"));
        assert_null(strstr(para_at(a, i), "Related:"));
    }
    bt_article_free(a);
}

/* A "Comment" button between the headline and the first paragraph (html2text writes buttons
 * as text) is no comment section: the article's two parts around a gallery join. */
static void test_header_button(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# The council approves the new harbour plan after a long debate\n\n"
        "Jane Roe Published 3 May 2024\n\n"
        "Comment\n\n"
        "The city council approved the new harbour plan on Monday evening after a debate that "
        "lasted more than six hours and drew a large crowd to the town hall.\n\n"
        "The plan foresees a new quay, a ferry terminal and a park along the water, and the "
        "first works are to begin next spring if the region grants its permits in time.\n\n"
        "The old warehouses (Picture: A. Smith)\n\nThe quay at night (Picture: A. Smith)\n\n"
        "A ferry in the harbour (Picture: B. Jones)\n\nThe town hall (Picture: B. Jones)\n\n"
        "Crowds before the vote (Picture: C. Lee)\n\nThe mayor speaking (Picture: C. Lee)\n\n"
        "Protesters outside (Picture: D. Ray)\n\nThe park as planned (Picture: D. Ray)\n\n"
        "Opponents of the plan said the costs had been underestimated and asked for an "
        "independent review, which the majority rejected in a vote late in the night.\n\n"
        "The mayor said the city would publish every contract so that citizens can follow how "
        "the money is spent over the coming years of construction and beyond that.\n");
    assert_true(n_paras(a) >= 4);
    assert_non_null(strstr(para_at(a, 0), "approved the new harbour plan"));
    assert_non_null(strstr(para_at(a, n_paras(a) - 1), "The mayor said"));
    bt_article_free(a);
}

/* html2text writes "&copy;" as "(C)": a caption's credit "(C) dpa" marks it as a caption
 * (not a paragraph) as "©" does; a lead photo's caption above the standfirst does not hide
 * the standfirst. */
static void test_html2text_copyright_captions(void **state)
{
    (void)state;
    static const char *const signs[] = {"(C)", "\xC2\xA9"};
    for (size_t s = 0; s < 2; s++) {
        char md[2048];
        snprintf(md, sizeof md,
                 "# The council approves the new harbour plan after a long debate\n\n"
                 "The mayor at the town hall on Monday. %s dpa | Jane Roe\n\n"
                 "**The city council approved the harbour plan after six hours of debate. "
                 "The works begin next spring.**\n\n"
                 "The debate lasted more than six hours and drew a large crowd to the town "
                 "hall, where opponents and supporters of the plan waited for the vote.\n\n"
                 "A crowd waits outside the town hall before the vote. %s Jane Roe\n\n"
                 "The plan foresees a new quay, a ferry terminal and a park along the water, "
                 "and the first works are to begin next spring if the region agrees.\n",
                 signs[s], signs[s]);
        bt_article *a = extract_ok(md);
        assert_non_null(a->lede);
        assert_non_null(strstr(a->lede, "approved the harbour plan"));
        assert_int_equal(a->n_body, 2);
        for (size_t i = 0; i < a->n_body; i++)
            assert_null(strstr(a->body[i], "Jane Roe"));
        bt_article_free(a);
    }
    /* "(C)" inside a word or a name is no sign */
    assert_int_equal(tx_copyright_sign_in_tail("Team (C) wins", 13, 8), 5);
    assert_int_equal(tx_copyright_sign_in_tail("F(C) Basel (Cologne)", 20, 8), (size_t)-1);
    assert_int_equal(tx_copyright_sign_in_tail("(C) a b c", 9, 2), (size_t)-1);
    /* the "/" and "|" parting a credit's names are no words */
    const char *cred = "(C) picture alliance / Foto X | Foto X";
    assert_int_equal(tx_copyright_sign_in_tail(cred, strlen(cred), 6), 0);
    bt_article *a = extract_ok(
        "# Füchse im Viertelfinale\n\n"
        "Die Füchse stehen im Pokal-Viertelfinale, nachdem sie den ThSV Eisenach klar "
        "geschlagen haben.\n\n"
        "Kapitän Max Darj sichert den Ball. Gegen die Berliner bleibt Eisenach chancenlos. (C) "
        "picture alliance / Foto Huebner | Foto Huebner\n\n"
        "Der Spielmacher blickt auf und spielt den Ball passgenau zwischen zwei Eisenachern "
        "hindurch, der Ball berührt den Hallenboden einmal.\n");
    for (size_t k = 0; k < a->n_body; k++)
        assert_null(strstr(a->body[k], "sichert den Ball"));
    bt_article_free(a);
}

/* A list article: numbered headings over its items, with a credit and an embed's label
 * between them, is as dense in headline-like lines as a teaser list, but numbered in
 * sequence: it stays the article's and joins the introduction above it. */
static void test_listicle_items(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Five numbers that show how large the harbour project is\n\n"
        "The harbour project is the largest building site the city has seen in a century, and "
        "its costs have grown with every year of planning since the first design.\n\n"
        "To show what the project means for the city, we have gathered five numbers.\n\n"
        "Read also\n\n[The council approves the harbour plan](/plan)\n\nAdvertisement\n\n"
        "## The numbers\n\nPhoto by John Poe\n\n"
        "### 1. The new quay will be two kilometres long.\n\n"
        "#### Embedded content not available\n\nPhoto by Jane Roe\n\n"
        "### 2. Four thousand people will work on the site at the peak of construction.\n\n"
        "#### Embedded content not available\n\nPhoto by John Poe\n\n"
        "### 3. The ferry terminal will handle two million passengers a year when it opens.\n\n"
        "#### Embedded content not available\n\nPhoto by Jane Roe\n\n"
        "### 4. The park along the water will cover as much ground as forty football pitches.\n\n"
        "#### Embedded content not available\n\nPhoto by John Poe\n\n"
        "### 5. The whole project will cost the city and the region about two billion euros.\n\n"
        "#### Embedded content not available\n\nPhoto by Jane Roe\n\n"
        "The council will decide on the last permits in the autumn, after the public has had "
        "its say in a series of meetings in every district of the city.\n");
    int found = 0;
    for (size_t i = 0; i < n_paras(a); i++)
        found |= strstr(para_at(a, i), "two million passengers") != NULL;
    assert_true(found);
    assert_non_null(strstr(para_at(a, 0), "largest building site"));
    bt_article_free(a);
    /* numbers out of sequence are no list's items */
    static const char md[] = "## 3. One\n\n## 7. Two\n\n## 1. Three\n\n## 2. Four\n";
    tx_doc d;
    assert_int_equal(tx_doc_build(&d, md, strlen(md)), 0);
    assert_int_equal(tx_listicle_items(&d, 0, d.n - 1), 2);
    tx_doc_free(&d);
}

/* Pass "introduced list": a guide's opening paragraphs hold a list its sentence introduces
 * ("... at these shops:"), every item a short title-like line. Counted as teasers'
 * headlines, they made the opening a teaser list, cut off from the product sections below
 * it; items under a colon are the article's own. */
static int body_has(const bt_article *a, const char *s)
{
    for (size_t i = 0; i < a->n_body; i++)
        if (strstr(a->body[i], s))
            return 1;
    return 0;
}

static void test_introduced_list(void **state)
{
    (void)state;
    static const char *const names[] = {"Harbour Deluxe", "Quay Mini", "Ferry Pro"};
    static const char *const paras[] = {
        "gave the most light for its weight of every lamp we tried, and its battery lasted "
        "through three long nights on the coast without a charge.",
        "folds flat into a small case, which makes it easy to carry in a rucksack, and its "
        "handle doubles as a hook for the roof of a tent when the wind blows.",
        "is not the cheapest lamp of the test, but it is the one we would buy again for a week "
        "in the hills or a weekend by the sea in the autumn rain.",
        "took an hour longer to charge than the others, which matters little on a campsite "
        "with power but a lot on a long walk far from any socket.",
        "has a dimmer that goes low enough to read by without waking the rest of the tent, a "
        "small thing that we came to miss on every other lamp.",
        "survived a fall onto the rocks of the harbour wall with only a scratch on its glass, "
        "and it kept working after a night left out in heavy rain."};
    char md[8192];
    int o = snprintf(md, sizeof md,
        "The best camping lamps for long nights\n\n"
        "Camping lamps have become one of the most wanted things in outdoor shops this year, "
        "and prices have risen with the demand since the spring.\n\n"
        "My top picks may sell out soon. These are the best places to look for them:\n\n"
        "- Harbour Outdoor camping lamps\n"
        "- Quay Sports camping lamps (their two-lamp set is the same as our top pick)\n"
        "- Ferry Hardware camping lamps\n- Estuary Supplies camping lamps\n\n"
        "Stocks are low online too, but most shops say that new lamps will arrive before the "
        "summer holidays begin.\n\n");
    for (int k = 0; k < 3; k++)
        o += snprintf(md + o, sizeof md - (size_t)o,
            "## %d. The %s lamp\n\nCurrently %d pounds at Harbour Outdoor\n\n"
            "Best lamp number %d, %d/10\n\nWe like: the %s light\n\n"
            "We do not like: the %s battery\n\nThe %s tested at home\n\n"
            "Weighs %d00 grams\n\n"
            "The %s %s\n\nThe %s %s\n\n",
            k + 1, names[k], 80 + k, k + 1, 9 - k, k ? "cold" : "warm", k ? "small" : "heavy",
            names[k], 6 + k, names[k], paras[2 * k], names[k], paras[2 * k + 1]);
    (void)o;
    bt_article *a = extract_ok(md);
    assert_true(text_has(a, "most wanted things in outdoor shops"));
    assert_true(text_has(a, "Stocks are low online"));
    assert_true(text_has(a, "three long nights"));
    bt_article_free(a);
}

/* Pass "answered questions": a guide's FAQ, each question a heading with its answer right
 * below, is as dense in headline-like lines as a teaser list; it is the article's last
 * section and joins the body. */
static void test_answered_questions(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# The best camping lamps for long nights\n\n"
        "We took a dozen lamps to the coast, the hills and a few campsites in the rain over "
        "the past year, and we kept using only four of them on every trip we made.\n\n"
        "The Harbour Deluxe gave the most light for its weight of every lamp we tried, and "
        "its battery lasted through three long nights on the coast without a charge.\n\n"
        "The Quay Mini folds flat into a small case, which makes it easy to carry in a "
        "rucksack, and its handle doubles as a hook for the roof of a tent.\n\n"
        "The Ferry Pro has a dimmer that goes low enough to read by without waking the rest of "
        "the tent, a small thing that we came to miss on every other lamp.\n\n"
        "85 pounds\n\nBuy now\n\nPrice at\n\nHarbour Outdoor\n\n"
        "62 pounds\n\nBuy now\n\nPrice at\n\nQuay Sports\n\n"
        "## Camping lamp FAQ\n\n"
        "### How bright should a camping lamp be?\n\n"
        "Around 300 lumens is enough for a tent, and more only drains the battery faster.\n\n"
        "### Can you leave a camping lamp on overnight?\n\n"
        "Most lamps will run through a night on their lowest setting, but a timer saves the "
        "battery for the walk back.\n\n"
        "Our lamps on test at a campsite in the hills\n\n"
        "### How long does a lamp take to charge?\n\n"
        "Two to four hours from a wall socket, and about twice as long from a small power "
        "bank.\n\n"
        "### Do camping lamps work in the cold?\n\n"
        "They do, though a battery loses a third of its charge below freezing.\n\n"
        "View the latest camping lamp deals\n\n"
        "Related Topics\n\n- Camping\n- Lamps\n- Outdoors\n- Travel\n");
    assert_true(body_has(a, "three long nights"));
    assert_true(body_has(a, "Around 300 lumens"));
    assert_true(body_has(a, "twice as long from a small power"));
    bt_article_free(a);
}

/* A buying guide: each product's section under its heading (a photo's credit, the product's
 * name, a price link, then paragraphs) is as dense in headline-like lines as a teaser list,
 * but its paragraphs are long and stand in pairs: an article's sections, joined into the
 * body. Teasers below it (a headline, one short summary each) stay out. */
static void test_long_paragraphs_guide(void **state)
{
    (void)state;
    static const char *const products[] = {"Harbour Lamp Deluxe 20", "Quay Lantern Mini 15",
                                           "Ferry Light Pro 30", "Estuary Torch 12"};
    static const char box[] =
        "## Most Popular\n\n"
        "[The ferry company doubles its fares for the winter season](/a)\n\nJane Roe\n\n"
        "[A storm floods the old town for the second time this year](/b)\n\nJohn Poe\n\n";
    char md[16384];
    int o = snprintf(md, sizeof md,
                     "# The Best Camping Lamps for Every Trip\n\n"
                     "We took a dozen lamps to the coast, the hills and a few campsites in the "
                     "rain over the past year, and we kept using only four of them.\n\n%s", box);
    for (size_t k = 0; k < 4; k++)
        o += snprintf(md + o, sizeof md - (size_t)o,
                      "## The Best Lamp Number %zu for Long Nights\n\nPhotograph: Jane Roe\n\n"
                      "%s\n\n[$85 at Shop](https://shop.example/%zu)\n\n"
                      "The %s gave the most light for its weight of every lamp we tried, and its "
                      "battery lasted through three long nights on the coast without a charge, "
                      "which none of the cheaper lamps managed in the same cold and wind; we also "
                      "liked the soft setting for reading in the tent before sleep.\n\n"
                      "The case of the %s is made of a tough plastic that survived two falls onto the rocks "
                      "by the harbour, and the switch is easy to find with gloves on in the dark, "
                      "though the strap that holds it to a tent loop is a little short for the "
                      "thicker loops of larger family tents we used on the trip.\n\n"
                      "Specs:\n\n  * _Weight:_ **200 g**\n  * _Battery:_ **40 hours**\n\n%s",
                      k + 1, products[k], k, products[k], products[k], k % 2 ? box : "");
    snprintf(md + o, sizeof md - (size_t)o,
             "## More from the shop\n\n"
             "### The ferry company doubles its fares for the winter\n\nPrices rise in October.\n\n"
             "### A storm floods the old town again this year\n\nThe water came at night.\n\n"
             "### The football club signs a young striker\n\nHe comes from the north.\n");
    bt_article *a = extract_ok(md);
    int found = 0, teaser = 0;
    for (size_t i = 0; i < a->n_body; i++) {
        found += strstr(a->body[i], "gave the most light") != NULL;
        teaser |= strstr(a->body[i], "Prices rise") != NULL;
    }
    assert_int_equal(found, 4);
    assert_false(teaser);
    bt_article_free(a);
}

/* A consent box over an embed (its heading, what the embed would show, the consent
 * sentence, the privacy policy's link, the embed's link) is the page's notice: it leaves the
 * body through its last linked line; the article's short paragraph below it stays. A box
 * heading with no linked line below it goes alone. */
static void test_consent_box(void **state)
{
    (void)state;
    static const char *const tails[] = {
        "Link to the [video](https://video.example/watch?v=1)\n\n",
        "",
    };
    for (size_t t = 0; t < 2; t++) {
        char md[4096];
        snprintf(md, sizeof md,
                 "# The council approves the new harbour plan after a long debate\n\n"
                 "The debate lasted more than six hours and drew a large crowd to the town hall, "
                 "where opponents and supporters of the plan waited for the vote.\n\n"
                 "The mayor spoke last and showed a film about the new quay and the park.\n\n"
                 "### External content\n\n"
                 "Here you find a video from a platform that adds to the article.\n\n"
                 "Allow the video\n\n"
                 "I agree that the video is shown to me. Personal data may go to the platform, "
                 "see our [privacy policy](/privacy).\n\n%s"
                 "The new quay will be two kilometres long and take five years to build.\n\n"
                 "The plan foresees a ferry terminal and a park along the water, and the first "
                 "works are to begin next spring if the region agrees.\n",
                 tails[t]);
        bt_article *a = extract_ok(md);
        int quay = 0, consent = 0, head = 0;
        for (size_t i = 0; i < a->n_body; i++) {
            quay |= strstr(a->body[i], "two kilometres long") != NULL;
            consent |= strstr(a->body[i], "I agree") != NULL || strstr(a->body[i], "Allow") != NULL;
            head |= strstr(a->body[i], "External content") != NULL;
        }
        assert_true(quay);
        assert_false(head);
        if (t == 0)
            assert_false(consent);
        bt_article_free(a);
    }
}

/* A "most read" box set once inside the article (a heading and a few linked titles with
 * their authors) is a widget, as a related box is: the article resumes below it. The box
 * at the page's foot, followed by a lone notice, ends the article as before. */
static void test_most_read_box_inside(void **state)
{
    (void)state;
    static const char top[] =
        "# The council approves the new harbour plan after a long debate\n\n"
        "The debate lasted more than six hours and drew a large crowd to the town hall, where "
        "opponents and supporters of the plan waited for the vote.\n\n"
        "The plan foresees a new quay, a ferry terminal and a park along the water, and the "
        "first works are to begin next spring if the region agrees.\n\n"
        "## Most Read\n\n"
        "[The ferry company doubles its fares for the winter season](/a)\n\nJane Roe\n\n"
        "[A storm floods the old town for the second time this year](/b)\n\nJohn Poe\n\n"
        "[The football club signs a young striker from the north](/c)\n\nAnna Berg\n\n";
    static const char below[] =
        "Opponents of the plan said they would take the council to court, arguing that the "
        "region had not studied the effects of the new quay on the birds of the estuary.\n\n"
        "The mayor answered that every study had been published and that the works would "
        "create thousands of jobs in a city that has lost many of its old industries.\n\n"
        "Supporters pointed to the ferry terminal, which is to handle two million passengers "
        "a year and bring visitors to the shops and restaurants of the old town.\n\n"
        "The region will decide on the last permits in the autumn, after the public has had "
        "its say in a series of meetings held in every district of the city.\n";
    char md[4096];
    snprintf(md, sizeof md, "%s%s", top, below);
    bt_article *a = extract_ok(md);
    int first = 0, last = 0, box = 0;
    for (size_t i = 0; i < n_paras(a); i++) {
        first |= strstr(para_at(a, i), "six hours") != NULL;
        last |= strstr(para_at(a, i), "every district") != NULL;
        box |= strstr(para_at(a, i), "ferry company") != NULL || !strcmp(para_at(a, i), "Jane Roe");
    }
    assert_true(first);
    assert_true(last);
    assert_false(box);
    assert_int_equal(a->n_most_read, 3);
    bt_article_free(a);
    /* at the page's foot: a lone notice below the box is no part of the article */
    snprintf(md, sizeof md, "%s%s", top,
             "Our newsletter brings the day's news from the region to your inbox every "
             "morning, and you can cancel it at any time with one click.\n");
    a = extract_ok(md);
    for (size_t i = 0; i < n_paras(a); i++)
        assert_null(strstr(para_at(a, i), "newsletter"));
    assert_non_null(strstr(para_at(a, 0), "six hours"));
    bt_article_free(a);
}

/* Pass "story box resumes": a "Trending" box whose cards read as prose (each story's title
 * run into its photo's alt text, a sentence) takes more lines than a related box's last
 * card: the article resumes further below, where its paragraphs stand in a row again, and
 * the cards stay out of the body. */
static void test_story_box_prose_cards(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# The region buys back the old ferry line after ten years of private service\n\n"
        "The region has agreed to buy back the ferry line it sold ten years ago, after the "
        "private company that runs it cut the winter service twice in one year.\n\n"
        "The deal, signed on Monday, costs the region forty million euros and includes the "
        "three ships that serve the islands, the quays and the ticket offices.\n\n"
        "## Trending\n\n"
        "A storm floods the old town. Water stands at the doors of the town hall after a "
        "night of rain.\n\nWeather\n\n"
        "The football club signs a striker. A young player poses in the club's shirt at the "
        "stadium.\n\nSport\n\n"
        "The council votes on the harbour plan. Councillors raise their hands in the old "
        "town hall.\n\nPolitics\n\n"
        "The museum opens a new wing. Ship models stand in glass cases in a bright new "
        "room.\n\nCulture\n\n"
        "The islanders welcomed the news, saying that the private company had treated the "
        "line as a business and forgotten that it is the only way to reach the mainland.\n\n"
        "The region plans to restore the full winter timetable by December and to order a "
        "fourth ship, which would let it keep the line running while one is repaired.\n\n"
        "The company said in a statement that it had run the line at a loss for years and "
        "that it would help the region take over the service without any break.\n");
    assert_true(body_has(a, "forty million"));
    assert_true(body_has(a, "without any break"));
    assert_false(body_has(a, "Ship models stand"));
    assert_false(body_has(a, "young player poses"));
    bt_article_free(a);
}

/* A "Trending" box set once between an article's paragraphs (a few stories, each a title, a
 * teaser and a section label) is a story box: the article resumes below it, further below
 * than after a related box. Teasers below it (titles and summaries in turn) stay out. */
static void test_story_box_inside(void **state)
{
    (void)state;
    static const char top[] =
        "# The region buys back the old ferry line after ten years of private service\n\n"
        "The region has agreed to buy back the ferry line it sold ten years ago, after the "
        "private company that runs it cut the winter service twice in one year.\n\n"
        "The deal, signed on Monday, costs the region forty million euros and includes the "
        "three ships that serve the islands, the quays and the ticket offices.\n\n"
        "## Trending\n\n"
        "### A storm floods the old town for the second time this year\n\n"
        "The water rose to the doors of the town hall\n\nWeather\n\n"
        "### The football club signs a young striker from the north\n\n"
        "The striker moves for a record fee\n\nSport\n\n"
        "### The council votes on the new harbour plan next week\n\n"
        "The plan has divided the town\n\nPolitics\n\n"
        "### The museum opens a new wing for its ship models\n\n"
        "Two hundred models go on show\n\nCulture\n\n";
    static const char below[] =
        "The islanders welcomed the news, saying that the private company had treated the "
        "line as a business and forgotten that it is the only way to reach the mainland.\n\n"
        "The region plans to restore the full winter timetable by December and to order a "
        "fourth ship, which would let it keep the line running while one is repaired.\n\n"
        "The company said in a statement that it had run the line at a loss for years and "
        "that it would help the region take over the service without any break.\n";
    char md[4096];
    snprintf(md, sizeof md, "%s%s", top, below);
    bt_article *a = extract_ok(md);
    int first = 0, last = 0, box = 0;
    for (size_t i = 0; i < a->n_body; i++) {
        first |= strstr(a->body[i], "forty million") != NULL;
        last |= strstr(a->body[i], "without any break") != NULL;
        box |= strstr(a->body[i], "record fee") != NULL;
    }
    assert_true(first);
    assert_true(last);
    assert_false(box);
    bt_article_free(a);
    /* the site's section of that name at the page's foot: its teasers are no article */
    snprintf(md, sizeof md, "%s%s", top,
             "### The ferry company answers its critics in a long letter\n\n"
             "The company's director wrote to every islander to explain the cuts of the "
             "winter service and the state of the ships, which are older than planned.\n\n"
             "### The islands' school gets a new roof before the winter\n\n"
             "The works took the whole summer and cost the region more than a million euros, "
             "twice what the first estimate had said in the spring.\n");
    a = extract_ok(md);
    for (size_t i = 0; i < a->n_body; i++)
        assert_null(strstr(a->body[i], "every islander"));
    assert_non_null(strstr(a->body[0], "forty million") ? a->body[0] : a->body[1]);
    bt_article_free(a);
}

/* A tweet embedded in the article, a quote signed "— Name (@handle) Date" on its last
 * line, is the network's text: its lines leave the body; the article's own quote (no
 * handle) stays. */
static void test_embedded_post(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# The region buys back the old ferry line after ten years of private service\n\n"
        "The region has agreed to buy back the ferry line it sold ten years ago, after the "
        "private company that runs it cut the winter service twice in one year.\n\n"
        "> We will run the ferries for the islanders again, every day of the year, and not "
        "for the shareholders of a company on the mainland.\n\n"
        "The deal, signed on Monday, costs the region forty million euros and includes the "
        "three ships that serve the islands, the quays and the ticket offices.\n\n"
        "> Finally! The islands get their ferries back after ten long years of cuts and "
        "cancelled crossings in the winter [pic.example.com/x1](https://t.example/x1)\n>\n"
        "> — Island Voice (@island_voice) [May 6, 2024](https://x.example/status/1)\n\n"
        "The islanders welcomed the news, saying that the private company had treated the "
        "line as a business and forgotten that it is the only way to reach the mainland.\n");
    int own = 0, post = 0, last = 0;
    for (size_t i = 0; i < a->n_body; i++) {
        own |= strstr(a->body[i], "shareholders") != NULL;
        post |= strstr(a->body[i], "ten long years") != NULL ||
                strstr(a->body[i], "@island_voice") != NULL;
        last |= strstr(a->body[i], "only way to reach") != NULL;
    }
    assert_true(own);
    assert_false(post);
    assert_true(last);
    bt_article_free(a);
}

/* A paragraph signed with the author's initials after its last sentence ("... fünf
 * Festnahmen. / ab") is prose however short; a credit after a caption is no sign-off. */
static void test_initials_signoff(void **state)
{
    (void)state;
    static const char md[] =
        "Erst am Montag ging die Polizei gegen den Drogenhandel im Viertel vor. Es gab dabei "
        "fünf Festnahmen. / ab\n\n"
        "Die Polizei bei der Razzia im Viertel am Montag / Lorenzo Marina\n";
    tx_doc d;
    assert_int_equal(tx_doc_build(&d, md, strlen(md)), 0);
    assert_int_equal(d.n, 2);
    assert_true(tx_is_prose(&d.b[0]));
    tx_doc_free(&d);
    assert_int_equal(tx_initials_signoff("Es gab Festnahmen. / ab", 23), 5);
    assert_int_equal(tx_initials_signoff("Es gab Festnahmen / ab", 22), 0);
    assert_int_equal(tx_initials_signoff("Am Montag. / Lorenzo", 20), 0);
}

/* A photo's credit on a line of its own (the renderer left the photo out), names around a
 * slash: no paragraph of the body. A date's slash, a sentence, a lower-case word are not. */
static void test_slash_credit_line(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# The council approves the new harbour plan after a long debate\n\n"
        "The debate lasted more than six hours and drew a large crowd to the town hall, where "
        "opponents and supporters of the plan waited for the vote.\n\n"
        "Jane Roe/Harbour Press via Example Images\n\n"
        "The plan foresees a new quay, a ferry terminal and a park along the water, and the "
        "first works are to begin next spring if the region agrees.\n\n"
        "JOHN POE/AFP\n\n"
        "Opponents said they would take the council to court over the birds of the estuary.\n");
    assert_int_equal(a->n_body, 2);
    for (size_t i = 0; i < a->n_body; i++)
        assert_null(strchr(a->body[i], '/'));
    bt_article_free(a);
    /* in brackets the slash may be spaced; an initial's full stop ends no sentence */
    static const char *const yes[] = {"STR/AFP via Getty Images", "Lichtgut/Christoph Schmidt",
                                      "(Robert F. Bukaty / AP)"};
    static const char *const no[] = {"December 25, 2023/January 1, 2024, Issue",
                                     "Der Ost/West-Konflikt ist beendet.", "Kiew und/oder Moskau",
                                     "Roe/Poe. The vote came late", "Jane Roe",
                                     "Robert F. Bukaty / AP", "(Roe went home. Poe / AP)"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        assert_true(tx_slash_credit_line(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_false(tx_slash_credit_line(no[i], strlen(no[i])));
}

/* A caption closing on its credit, names around a slash after the last sentence ("...
 * stellen. Imago/Blaulicht-News.de"), is a caption where the renderer left its image out;
 * units and pairs in lower case ("km/h", "und/oder") end no caption. */
static void test_slash_credit_tail(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# The council approves the new harbour plan after a long debate\n\n"
        "The debate lasted more than six hours and drew a large crowd to the town hall, where "
        "opponents and supporters of the plan waited for the vote.\n\n"
        "Supporters of the plan wait outside the town hall before the vote. Jane Roe/Agency\n\n"
        "The plan foresees a new quay, a ferry terminal and a park along the water, and the "
        "first works are to begin next spring if the region agrees.\n\n"
        "Ferries will leave the new quay at 30 km/h, and the mayor said the city would publish "
        "every contract and/or tender before the works begin in spring.\n");
    assert_true(a->n_body >= 2);
    for (size_t i = 0; i < a->n_body; i++)
        assert_null(strstr(a->body[i], "Jane Roe"));
    assert_non_null(strstr(a->body[a->n_body - 1], "km/h"));
    bt_article_free(a);
    static const char *const yes[] = {"A crowd waits. AP Photo/Eric Gay, File",
                                      "Viel Ruhe hilft.Unsplash/Kelly Sikkema",
                                      "Ein Brand in Ukraine. HANDOUT / AFP"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        assert_true(tx_slash_credit_tail(yes[i], strlen(yes[i])));
    static const char *const no[] = {"It ran at 30 km/h. Then it stopped/slowed",
                                     "Jane Roe/Agency", "A crowd waits. Jane Roe/Agency.",
                                     "The service runs 24/7 now. Really"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_false(tx_slash_credit_tail(no[i], strlen(no[i])));
}

/* A caption closing on its credit in brackets, the agency alone or after the photographer
 * ("... harbour. (AP)", "... vote. Jane Roe (REUTERS)"), is a caption where html2text printed
 * the <figcaption> as a plain line; an author's initials ("(kas)"), a remark in brackets and
 * a long paragraph end no caption. */
static void test_bracket_credit_tail(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# The council approves the new harbour plan after a long debate\n\n"
        "The debate lasted more than six hours and drew a large crowd to the town hall, where "
        "opponents and supporters of the plan waited for the vote.\n\n"
        "Supporters of the plan wait outside the town hall before the vote.  (AP)\n\n"
        "The plan foresees a new quay, a ferry terminal and a park along the water, and the "
        "first works are to begin next spring if the region agrees.\n\n"
        "The old quay at dawn, a day before the vote. Jane Roe (REUTERS)\n\n"
        "Opponents said they would take the council to court over the birds of the estuary, "
        "and the mayor said the city would publish every contract and tender.\n");
    assert_int_equal(a->n_body, 2);
    assert_int_equal(a->n_images, 2);
    for (size_t i = 0; i < a->n_body; i++)
        assert_null(strchr(a->body[i], '('));
    assert_non_null(strstr(a->body[1], "Opponents"));
    bt_article_free(a);
    static const char *const yes[] = {"A crowd waits. (AP)", "Islands for sale. (Bespoke Real Estate)",
                                      "A rally in Des Moines, Iowa. (Courtesy of Jane Roe)",
                                      "Agentes en el campamento, el 11 de octubre. Florion Goga (REUTERS)"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        assert_true(tx_bracket_credit_tail(yes[i], strlen(yes[i])));
    static const char *const no[] = {"Der Eintritt ist frei. (kas)", "(AP)",
                                     "Es geht weiter. (Tekst gaat verder onder de foto.)",
                                     "Der Umsatz stieg um 3 Prozent (2023)",
                                     "Sie sagte, es gehe um die Stadt (Berlin)",
                                     "A crowd waits. He said it was a very long day (Monday Night Club)"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_false(tx_bracket_credit_tail(no[i], strlen(no[i])));
}

/* A credit written out in words, "Copyright 2026 The AP. All rights reserved.", after the
 * photographer's slash or a space, closes a caption as "©" does; "Copyright" without a year
 * is a word of the text. */
static void test_copyright_word_credit(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Der Rat beschließt den neuen Hafenplan nach langer Debatte\n\n"
        "Die Debatte dauerte mehr als sechs Stunden und zog viele Menschen ins Rathaus, wo "
        "Gegner und Befürworter des Plans auf die Abstimmung warteten.\n\n"
        "Der Rat tagt am Montag, 5. Januar 2026 im Rathaus Jane Roe/Copyright 2026 The AP. All "
        "rights reserved.\n\n"
        "Der Plan sieht einen neuen Kai, ein Fährterminal und einen Park am Wasser vor, und die "
        "ersten Arbeiten sollen im nächsten Frühjahr beginnen.\n");
    for (size_t i = 0; i < a->n_body; i++)
        assert_null(strstr(a->body[i], "Copyright"));
    assert_int_equal(a->n_images, 1);
    bt_article_free(a);
    const char *yes = "Im Rathaus Jane Roe/Copyright 2026 The AP. All rights reserved.";
    assert_int_equal(tx_copyright_sign_in_tail(yes, strlen(yes), 8), 20);
    static const char *const no[] = {"Das Copyright liegt beim Verlag.", "Im Rathaus.Copyright 2026",
                                     "Copyright-Fragen 2026 klären"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_int_equal(tx_copyright_sign_in_tail(no[i], strlen(no[i]), 8), (size_t)-1);
}

/* html2text --ignore-images keeps the link around a photo as an empty "[](url)": the text
 * after it on the line is the photo's caption, no paragraph, whatever it ends with. */
static void test_empty_link_lead(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# The council approves the new harbour plan after a long debate\n\n"
        "The debate lasted more than six hours and drew a large crowd to the town hall, where "
        "opponents and supporters of the plan waited for the vote.\n\n"
        "[](/photo/20241203-1/)Supporters of the plan wait outside the town hall before the "
        "vote, which lasted more than six hours on Monday.\n\n"
        "The plan foresees a new quay, a ferry terminal and a park along the water, and the "
        "first works are to begin next spring if the region agrees.\n\n"
        "Opponents said they would take the council to court over the birds of the estuary, "
        "and the mayor said the city would publish every contract and tender.\n");
    for (size_t i = 0; i < a->n_body; i++)
        assert_null(strstr(a->body[i], "Supporters"));
    assert_int_equal(a->n_images, 1);
    assert_non_null(strstr(a->images[0].caption, "Supporters"));
    bt_article_free(a);
    /* a link with text is no trace of a photo */
    const char *md = "[Supporters](/photo/1) of the plan wait outside the town hall.\n";
    tx_doc d;
    assert_int_equal(tx_doc_build(&d, md, strlen(md)), 0);
    assert_int_equal(d.n, 1);
    assert_false(d.b[0].flags & TBF_CAPTION);
    tx_doc_free(&d);
}

/* A credit in brackets on a line of its own, "(Bild: Agentur / Jane Roe)", makes the line
 * above it a caption even when that line is a sentence: html2text prints a photo's caption
 * and credit as two plain lines. "Bild" opens a credit in brackets only ("Erstes Bild: So
 * sieht der Hafen aus" is a headline); a line of two sentences above a credit stays. */
static void test_bracketed_credit_line(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Erstes Bild: So sieht der neue Hafen der Stadt aus\n\n"
        "Die Debatte dauerte mehr als sechs Stunden und zog viele Menschen ins Rathaus, wo "
        "Gegner und Freunde des Plans auf die Abstimmung warteten.\n\n"
        "Befürworter des Plans warten vor dem Rathaus auf die Abstimmung über den Hafen.\n\n"
        "(Bild: Bild erstellt mit KI durch die Agentur / Jane Roe)\n\n"
        "Der Plan sieht einen neuen Kai, ein Fährterminal und einen Park am Wasser vor, und die "
        "ersten Arbeiten sollen im nächsten Frühjahr beginnen.\n\n"
        "Der Rat stimmte am Abend ab. Die Gegner wollen nun vor Gericht ziehen.\n\n"
        "(Bild: Agentur)\n\n"
        "Die Stadt will alle Verträge veröffentlichen, bevor die Arbeiten im Frühjahr beginnen, "
        "sagte der Bürgermeister.\n");
    assert_string_equal(a->title, "Erstes Bild: So sieht der neue Hafen der Stadt aus");
    for (size_t i = 0; i < a->n_body; i++) {
        assert_null(strstr(a->body[i], "Befürworter"));
        assert_null(strstr(a->body[i], "(Bild"));
    }
    int kept = 0;
    for (size_t i = 0; i < a->n_body; i++)
        kept |= strstr(a->body[i], "Der Rat stimmte") != NULL;
    assert_true(kept);
    bt_article_free(a);
}

/* A Markdown heading the HTML extractor knows to open the page's other stories ends the
 * article in a text capture too: "Meistgelesene Artikel" a section (the prose under it is
 * another box's), "Mehr zum Thema" a related box the article may go on after. */
static void test_ending_heading(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Der Rat beschließt den neuen Hafenplan nach langer Debatte\n\n"
        "Die Debatte dauerte mehr als sechs Stunden und zog viele Menschen ins Rathaus, wo "
        "Gegner und Freunde des Plans auf die Abstimmung warteten.\n\n"
        "Der Plan sieht einen neuen Kai, ein Fährterminal und einen Park am Wasser vor, und die "
        "ersten Arbeiten sollen im nächsten Frühjahr beginnen.\n\n"
        "## Mehr zum Thema\n\n"
        "  * [Der alte Hafen schließt nach hundert Jahren](/a/1)\n"
        "  * [Was der neue Kai kosten wird](/a/2)\n\n"
        "Die Gegner wollen nun vor Gericht ziehen, weil sie um die Vögel an der Mündung des "
        "Flusses fürchten, sagte ihre Sprecherin am Abend.\n\n"
        "Die Stadt will alle Verträge veröffentlichen, bevor die Arbeiten im Frühjahr beginnen, "
        "sagte der Bürgermeister nach der Sitzung.\n\n"
        "## Meistgelesene Artikel\n\n"
        "### Anmelden\n\n"
        "Für die Registrierung benötigen wir zusätzliche Angaben zu Ihrer Person und Ihrer "
        "Adresse.\n\n"
        "Bitte melden Sie sich an, um einen Kommentar zu erfassen, oder legen Sie ein Konto an.\n");
    assert_true(a->n_body >= 3);
    assert_non_null(strstr(a->body[a->n_body - 1], "Bürgermeister"));
    for (size_t i = 0; i < a->n_body; i++)
        assert_null(strstr(a->body[i], "Registrierung"));
    bt_article_free(a);
}

/* A line opening with a caption's label and a colon ("Legende: ...", "Caption: ...") is a
 * caption html2text printed as a plain line, whatever it ends with; the label without its
 * colon opens a sentence like any word. */
static void test_caption_label(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Der Rat beschließt den neuen Hafenplan nach langer Debatte\n\n"
        "Die Debatte dauerte mehr als sechs Stunden und zog viele Menschen ins Rathaus, wo "
        "Gegner und Freunde des Plans auf die Abstimmung warteten.\n\n"
        "Legende: Befürworter des Plans warten vor dem Rathaus auf die Abstimmung.  SRF\n\n"
        "Der Plan sieht einen neuen Kai, ein Fährterminal und einen Park am Wasser vor, und die "
        "ersten Arbeiten sollen im nächsten Frühjahr beginnen.\n\n"
        "Legende und Wahrheit liegen beim alten Hafen nah beieinander, sagen die Fischer, die "
        "dort seit Generationen ihre Boote festmachen.\n");
    assert_int_equal(a->n_images, 1);
    int kept = 0;
    for (size_t i = 0; i < a->n_body; i++) {
        assert_null(strstr(a->body[i], "Legende:"));
        kept |= strstr(a->body[i], "Legende und Wahrheit") != NULL;
    }
    assert_true(kept);
    bt_article_free(a);
}

/* A short heading over a list of links (the article's tags under "Mehr lesen über") heads a
 * box of the site's: a notice a few lines below it is no paragraph of the article. A
 * subheading over prose goes on being the article's. */
static void test_link_list_heading(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Der Rat beschließt den neuen Hafenplan nach langer Debatte\n\n"
        "Die Debatte dauerte mehr als sechs Stunden und zog viele Menschen ins Rathaus, wo "
        "Gegner und Freunde des Plans auf die Abstimmung warteten.\n\n"
        "#### Der Plan\n\n"
        "Der Plan sieht einen neuen Kai, ein Fährterminal und einen Park am Wasser vor, und die "
        "ersten Arbeiten sollen im nächsten Frühjahr beginnen.\n\n"
        "####  Mehr lesen über \n\n"
        "  * [ Hafen ](/thema/hafen/)\n"
        "  * [ Stadtrat ](/thema/rat/)\n"
        "  * [ Verkehr ](/thema/verkehr/)\n"
        "  * [ Umwelt ](/thema/umwelt/)\n\n"
        "Kennen Sie schon unsere Angebote?\n\n"
        "Den Podcast beenden?\n\n"
        "Sie haben vermutlich einen Ad-Blocker aktiviert. Aus diesem Grund können die Funktionen "
        "des Players eingeschränkt sein. Bitte deaktivieren Sie den Ad-Blocker.\n");
    assert_non_null(strstr(a->body[a->n_body - 1], "Fährterminal"));
    for (size_t i = 0; i < a->n_body; i++)
        assert_null(strstr(a->body[i], "Ad-Blocker"));
    bt_article_free(a);
}

/* A line of page elements html2text glued together (a poll's answers, a gallery's
 * captions: sentence marks run into the next capital) is no paragraph; a paragraph with one
 * such typo, or one whose own sentences outnumber the seams, is. */
static void test_glued_row(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Der Rat beschließt den neuen Hafenplan nach langer Debatte\n\n"
        "Die Debatte dauerte mehr als sechs Stunden und zog viele Menschen ins Rathaus, wo "
        "Gegner und Freunde des Plans auf die Abstimmung warteten.\n\n"
        "Ja, unbedingt.Nein, das wäre zu teuer.Nur wenn die Region zahlt.Ich bin mir nicht "
        "sicher.\n\n"
        "Der Plan sieht einen neuen Kai vor.Ein Fährterminal und ein Park am Wasser kommen "
        "hinzu, und die ersten Arbeiten sollen im nächsten Frühjahr beginnen.\n");
    int kept = 0;
    for (size_t i = 0; i < a->n_body; i++) {
        assert_null(strstr(a->body[i], "unbedingt"));
        kept |= strstr(a->body[i], "Fährterminal") != NULL;
    }
    assert_true(kept);
    bt_article_free(a);
    static const char *const no[] = {
        "Der Rat tagte am Abend. Er stimmte ab. Die Gegner gingen. Dann kam der Regen.Es war "
        "kalt.Alle gingen heim.",
        "Das iPhone und YouTube sind Marken, sagte er am Montag.Dann ging er."};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        tx_doc d;
        assert_int_equal(tx_doc_build(&d, no[i], strlen(no[i])), 0);
        assert_false(tx_is_glued_row(&d.b[0]));
        tx_doc_free(&d);
    }
}

/* A caption closing on a credit of names after its last sentence, with no mark of its own
 * ("... harbour. Jane Roe for Example News"), is a caption inside the body; a headline that
 * ends so stays the headline, and a paragraph ending on a mark, a date or a byline's names
 * is no caption. */
static void test_named_credit_tail(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Sinkt der Zins? Klare Ansage\n\n"
        "The debate lasted more than six hours and drew a large crowd to the town hall, where "
        "opponents and supporters of the plan waited for the vote.\n\n"
        "Supporters of the plan wait outside the town hall. Jane Roe for Example News\n\n"
        "The plan foresees a new quay, a ferry terminal and a park along the water, and the "
        "first works are to begin next spring if the region agrees.\n\n"
        "Opponents said they would take the council to court over the birds of the estuary, "
        "and the mayor said the city would publish every contract and tender.\n");
    assert_string_equal(a->title, "Sinkt der Zins? Klare Ansage");
    assert_int_equal(a->n_images, 1);
    for (size_t i = 0; i < a->n_body; i++)
        assert_null(strstr(a->body[i], "Jane Roe"));
    bt_article_free(a);
    static const char *const yes[] = {"The ART team and their rocket. Advanced Rocket Technologies",
                                      "A woman takes a picture of the dock. AP Photo"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        assert_true(tx_named_credit_tail(yes[i], strlen(yes[i])));
    static const char *const no[] = {
        "India says official spoke with U.S. Secretary of State Marco Rubio",
        "Der Bundestag beschließt einen Gedenktag am 15. Juni",
        "Wir können alles - nur nicht lahm! Ein Kommentar von Jan Sellner",
        "It is used as a weapon of war, he said. advertisementDon't want to see this? Remove ads",
        "The plan was approved. The mayor", "Supporters wait outside. Jane Roe."};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_false(tx_named_credit_tail(no[i], strlen(no[i])));
}

/* A line that is nothing but links side by side (a box of related stories html2text set
 * on one line, a menu after its label) is no paragraph and no headline; a paragraph with
 * links in it, and an enumeration whose names are linked, stay the article's. */
static void test_link_row(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Special coverage [ Climate ](/s/1)[ Destination Harbour ](/s/2)[ Discover the "
        "North Sea Coast and its Islands ](/s/3)[ Explore the Old Town ](/s/4)\n\n"
        "# The council approves the new harbour plan after a long debate\n\n"
        "The debate lasted more than six hours and drew a large crowd to the town hall, where "
        "opponents and [supporters](/p/1) of the plan waited for the [vote](/p/2) on "
        "[Monday](/p/3).\n\n"
        "[Ferry operator says the new quay comes too late for the summer season](/a/1) "
        "[Birds of the estuary are at risk, say the opponents of the new harbour plan](/a/2) "
        "[Mayor promises to publish every contract for the works on the harbour](/a/3)\n\n"
        "The plan foresees a new quay, a ferry terminal and a park along the water, and the "
        "first works are to begin next spring if the region agrees.\n");
    assert_string_equal(a->title, "The council approves the new harbour plan after a long debate");
    int linked = 0;
    for (size_t i = 0; i < a->n_body; i++) {
        assert_null(strstr(a->body[i], "Ferry operator"));
        linked |= strstr(a->body[i], "supporters of the plan") != NULL;
    }
    assert_true(linked || (a->lede && strstr(a->lede, "supporters of the plan")));
    assert_true(a->lede == NULL || strstr(a->lede, "Special coverage") == NULL);
    bt_article_free(a);
    const char *md = "[佐賀県](/a/saga)：[神埼市](/t/1)、[白石町](/t/2)、[有田町](/t/3)\n";
    tx_doc d;
    assert_int_equal(tx_doc_build(&d, md, strlen(md)), 0);
    assert_int_equal(d.n, 1);
    assert_false(d.b[0].flags & TBF_LINKROW);
    tx_doc_free(&d);
}

/* A credit of names around a slash on a line of its own ("Jane Roe/dpa": an agency may
 * write its name in small letters) makes the one-sentence line above it the caption, as a
 * credit in brackets does. */
static void test_slash_credit_pair(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Der Rat beschließt den neuen Hafenplan nach langer Debatte\n\n"
        "Die Debatte dauerte mehr als sechs Stunden und zog viele Menschen ins Rathaus, wo "
        "Gegner und Freunde des Plans auf die Abstimmung warteten.\n\n"
        "«Wir bauen den Hafen für die nächsten hundert Jahre», sagt Bürgermeisterin Jana Roe "
        "vor dem Rathaus.\n\n"
        "Philipp von Ditfurth/dpa\n\n"
        "Der Plan sieht einen neuen Kai, ein Fährterminal und einen Park am Wasser vor, und die "
        "ersten Arbeiten sollen im nächsten Frühjahr beginnen.\n");
    for (size_t i = 0; i < a->n_body; i++) {
        assert_null(strstr(a->body[i], "hundert Jahre"));
        assert_null(strstr(a->body[i], "dpa"));
    }
    assert_int_equal(a->n_images, 1);
    bt_article_free(a);
    assert_true(tx_slash_credit_line("Philipp von Ditfurth/dpa", 24));
    assert_false(tx_slash_credit_line("Kiew und/oder", 13));
    assert_false(tx_slash_credit_line("Jane Roe/dpa und Reuters", 24));
}

/* "Foto:" labels a photo credit in German, the Nordic languages, Dutch, Italian, Spanish and
 * Czech: a credit line of its own, or closing a caption, is no paragraph of the body. */
static void test_foto_credit(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Der Rat beschließt den neuen Hafenplan nach langer Debatte\n\n"
        "Die Debatte dauerte mehr als sechs Stunden und zog viele Menschen ins Rathaus, wo "
        "Gegner und Freunde des Plans auf die Abstimmung warteten.\n\n"
        "Befürworter des Plans warten vor dem Rathaus auf die Abstimmung. Foto: Jane Roe\n\n"
        "(Foto: Agentur)\n\n"
        "Der Plan sieht einen neuen Kai, ein Fährterminal und einen Park am Wasser vor, und die "
        "ersten Arbeiten sollen im nächsten Frühjahr beginnen.\n");
    for (size_t i = 0; i < a->n_body; i++)
        assert_null(strstr(a->body[i], "Foto:"));
    assert_non_null(strstr(a->body[a->n_body - 1], "Fährterminal"));
    bt_article_free(a);
}

static void test_related_and_furniture(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Tiêu đề bài viết chính về giá gạo xuất khẩu\n"
        "aa\n"
        "Đoạn văn đầu tiên về giá gạo xuất khẩu tăng mạnh trong những tuần gần đây.\n"
        "Giá lúa tăng mạnh ở miền Tây Giá lúa tăng mạnh ở miền Tây\n"
        "Đoạn văn thứ hai nói về nhu cầu nhập khẩu của các nước châu Á và châu Phi.\n"
        "gia lua tang manh o mien tay\n"
        "Xin chờ trong giây lát...\n"
        "Tin liên quan\n\n"
        "Xuất khẩu nông sản tăng mạnh bảy tháng đầu năm\n\n"
        "Xuất khẩu nông sản tăng mạnh bảy tháng đầu năm\n\n"
        "Đoạn tóm tắt của tin liên quan thì không phải là một tiêu đề tin bài đâu.\n"
        "Đọc nhiều\n\n"
        "Một tin đọc nhiều của toàn trang không liên quan đến bài\n");
    /* the first paragraph, set apart from the body by an inline link, is the sapo */
    assert_non_null(a->lede);
    assert_int_equal(a->n_body, 1);
    assert_int_equal(a->n_related, 2);
    assert_string_equal(a->related[0].title, "Giá lúa tăng mạnh ở miền Tây");
    assert_string_equal(a->related[1].title, "Xuất khẩu nông sản tăng mạnh bảy tháng đầu năm");
    bt_article_free(a);
}

static void test_markdown_capture(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "-   [Trang chủ](/)\n-   [Kinh doanh](/kd)\n-   [Thị trường](/tt)\n-   [Tiêu dùng](/td)\n\n"
        "# Giá gạo xuất khẩu cao nhất ba năm\n\n"
        "## (Báo Mẫu) - Nhu cầu nhập khẩu tăng mạnh đã đẩy giá gạo lên mức cao nhất kể từ 2021.\n\n"
        "![Nông dân thu hoạch lúa (Ảnh: Quốc Bảo).](https://x.example/a.jpg)\n\n"
        "Nông dân thu hoạch lúa (Ảnh: Quốc Bảo).\n\n"
        "Theo **hiệp hội**, giá gạo 5% tấm dao động quanh mức [560 USD/tấn](https://x.example/g) tuần qua.\n\n"
        "Xem thêm: [Doanh nghiệp gạo tìm đường sang châu Âu](https://x.example/eu)\n\n"
        "Các chuyên gia khuyến nghị doanh nghiệp thận trọng khi ký hợp đồng dài hạn lúc này.\n");
    assert_string_equal(a->title, "Giá gạo xuất khẩu cao nhất ba năm");
    assert_string_equal(a->source, "Báo Mẫu");
    assert_non_null(a->lede);
    assert_int_equal(a->n_images, 1);
    assert_string_equal(a->images[0].src, "https://x.example/a.jpg");
    assert_string_equal(a->images[0].caption, "Nông dân thu hoạch lúa");
    assert_string_equal(a->images[0].credit, "Quốc Bảo");
    assert_int_equal(a->n_body, 2);
    assert_string_equal(a->body[0], "Theo hiệp hội, giá gạo 5% tấm dao động quanh mức 560 USD/tấn tuần qua.");
    assert_int_equal(a->n_related, 1);
    assert_string_equal(a->related[0].url, "https://x.example/eu");
    bt_article_free(a);
}

/* pandoc without --wrap=none keeps raw HTML and breaks it across lines; an ad slot inside
 * the article ("Advertisement", a skip link) is furniture, and the article goes on after it. */
static void test_pandoc_raw_html(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Council votes to reopen the old river ferry\n\n"
        "The council voted on Tuesday to reopen the ferry across the river, which\n"
        "closed in 2019, after residents of the east <a\n"
        "href=\"https://example.org/topics/east-bank/index.html?inline=geo\"\n"
        "class=\"meta-loc\"\n"
        "title=\"More about the east bank.\">bank</a> asked for it for years.\n\n"
        "The service will run every half hour from six in the morning, and a\n"
        "single crossing will cost the same as a bus ticket in the city centre.\n\n"
        "<div class=\"story-ad\">\n\n"
        "Advertisement\n\n"
        "<a href=\"#story-continues-1\"\n"
        "class=\"skip-link\">Continue reading the main\n"
        "story</a>\n\n"
        "</div>\n\n"
        "Shopkeepers near the old landing said they expected more customers once\n"
        "the boats were running again, especially on market days at the weekend.\n\n"
        "The council will review the timetable after six months of operation and\n"
        "may add evening crossings in the summer if enough passengers use them.\n");
    assert_int_equal(n_paras(a), 4);
    assert_non_null(strstr(para_at(a, 0), "east bank asked for it"));
    assert_null(strstr(para_at(a, 0), "href"));
    assert_non_null(strstr(para_at(a, 3), "evening crossings"));
    bt_article_free(a);
}

/* pandoc keeps a page's <div>s and inline SVG logos (<img src="data:...;base64,...">) in its
 * Markdown: the first kilobytes of the capture are markup with no spaces in them. They are
 * skipped when judging whether the capture is text, not taken as noise. */
static void test_pandoc_markup_prelude(void **state)
{
    (void)state;
    size_t blob = 6000;
    const char *head = "<div class=\"page\">\n\n<div id=\"header\" class=\"header\">\n\n"
                       "[<img src=\"data:image/svg+xml;base64,";
    const char *tail = "\" class=\"logo\" />](https://example.org)\n\n</div>\n\n</div>\n\n"
                       "# Council votes to reopen the old river ferry\n\n"
                       "The council voted on Tuesday to reopen the ferry across the river, "
                       "which closed in 2019, after residents asked for it for years.\n\n"
                       "The service will run every half hour from six in the morning, and a "
                       "single crossing will cost the same as a bus ticket in the city.\n";
    size_t hl = strlen(head), tl = strlen(tail);
    char *buf = malloc(hl + blob + tl + 1);
    assert_non_null(buf);
    memcpy(buf, head, hl);
    for (size_t i = 0; i < blob; i++)
        buf[hl + i] = "PHN2ZyBjbGFzcz0ia"[i % 17];
    memcpy(buf + hl + blob, tail, tl + 1);
    bt_article *a = extract_ok(buf);
    assert_string_equal(a->title, "Council votes to reopen the old river ferry");
    assert_int_equal(n_paras(a), 2);
    bt_article_free(a);
    free(buf);
}

/* Chinese and Japanese paragraphs have no spaces: their words are counted from the characters
 * (two a word), and 。 ends a sentence, so they read as prose, not as one-word labels. */
static void test_cjk_paragraphs(void **state)
{
    (void)state;
    assert_int_equal(tx_count_words("東京都", strlen("東京都")), 2);
    assert_int_equal(tx_count_words("a 日本語 b", strlen("a 日本語 b")), 4);
    bt_article *a = extract_ok(
        "* ホーム\n* 政治\n* 経済\n\n"
        "# 川の渡し船、六年ぶりに運航を再開へ\n\n"
        "市議会は火曜日、二〇一九年に廃止された川の渡し船の運航を再開することを決めた。"
        "東岸の住民が長年にわたって再開を求めていた。\n\n"
        "渡し船は朝六時から三十分ごとに運航し、運賃は市内のバスと同じ料金になる見通しだ。"
        "市は半年後に時刻表を見直す予定である。\n");
    assert_string_equal(a->title, "川の渡し船、六年ぶりに運航を再開へ");
    assert_int_equal(n_paras(a), 2);
    assert_non_null(strstr(para_at(a, 1), "半年後"));
    bt_article_free(a);
}

/* lynx breaks Chinese and Japanese lines anywhere, with no space to break at, and the lines
 * after a break start with no lowercase letter: a page of menus around a short article still
 * shows its wrap when the few full lines all go on mid-sentence (pass "wrap: caseless
 * scripts"), and the lines join without a space. */
static void test_lynx_wrapped_cjk(void **state)
{
    (void)state;
    /* 72 code points a line: three lines of one paragraph */
    static const char *const para[] = {
        "   市議会は火曜日、二〇一九年に廃止された川の渡し船の運航を再開することを賛成多数で決めた。東岸の住民",
        "   が長年にわたって再開を求めていたもので、市は来年の春までに桟橋を修理し、新しい船を一隻購入する計画",
        "   だという。",
    };
    char buf[16384];
    size_t o = 0;
    for (int k = 0; k < 60; k++) /* a menu of long link lines, each with spaces */
        o += (size_t)snprintf(buf + o, sizeof buf - o, "     * 特集 %d の一覧 ページ へ 移動 する リンク です\n\n", k);
    o += (size_t)snprintf(buf + o, sizeof buf - o, "川の渡し船、六年ぶりに運航を再開へ\n\n");
    for (int p = 0; p < 5; p++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s\n%s\n%s\n\n", para[0], para[1], para[2]);
    tx_doc d;
    assert_int_equal(tx_doc_build(&d, buf, o), 0);
    size_t joined = 0;
    for (size_t i = 0; i < d.n; i++)
        if (strstr(d.b[i].text, "住民が長年") && strstr(d.b[i].text, "計画だという。"))
            joined++;
    assert_int_equal(joined, 5);
    tx_doc_free(&d);
}

/* A promo box's heading ("Newsletter") set between two paragraphs is a widget the article
 * goes on after, not a section that ends it; a section's name in the menu is a menu item. */
static void test_promo_box_inside_article(void **state)
{
    (void)state;
    char buf[8192];
    size_t o = (size_t)snprintf(buf, sizeof buf,
                                "We use cookies to give you the most relevant experience by "
                                "remembering your preferences and repeat visits to the site, and "
                                "you can change this at any time in the settings.\n\n");
    for (int k = 0; k < 30; k++) /* a menu: the notice is no part of the article */
        o += (size_t)snprintf(buf + o, sizeof buf - o, "### Topic number %d\n\n", k);
    snprintf(buf + o, sizeof buf - o, "%s",
        "* Home\n* Politics\n* Podcast\n* Comments\n* Sport\n\n"
        "# Ferry across the river to run again\n\n"
        "The council voted on Tuesday to reopen the river ferry, which closed in 2019 after its "
        "last boat failed an inspection.\n\n"
        "Residents of the east bank had asked for years to have it back.\n\n"
        "Newsletter\n\n"
        "The morning briefing in your inbox\n\n"
        "Sign up\n\n"
        "The ferry will run every thirty minutes from six in the morning, at the fare of a bus "
        "ticket.\n\n"
        "The city plans to review the timetable after six months of service.\n");
    bt_article *a = extract_ok(buf);
    assert_string_equal(a->title, "Ferry across the river to run again");
    assert_int_equal(n_paras(a), 4);
    assert_non_null(strstr(para_at(a, 3), "review the timetable"));
    bt_article_free(a);
}

/* A lone paragraph far below the article, past a widget's lines, is the widget's notice
 * ("you seem to use an ad blocker"), not more of the article. */
static void test_lone_paragraph_far_below(void **state)
{
    (void)state;
    char buf[8192];
    size_t o = (size_t)snprintf(buf, sizeof buf, "# Ferry across the river to run again\n\n");
    for (int k = 0; k < 4; k++)
        o += (size_t)snprintf(buf + o, sizeof buf - o,
                              "Paragraph %d of the story: the council voted to reopen the ferry, "
                              "which closed in 2019.\n\n", k + 1);
    for (int k = 0; k < 14; k++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "Player control %d\n\n", k);
    o += (size_t)snprintf(buf + o, sizeof buf - o,
                          "You seem to use an ad blocker, so the functions of the podcast player "
                          "may be limited; allow this site to use the player in full.\n");
    bt_article *a = extract_ok(buf);
    assert_int_equal(n_paras(a), 4);
    assert_null(strstr(para_at(a, 3), "ad blocker"));
    bt_article_free(a);
}

/* A site menu between a notice and the article parts them: the notice is no first paragraph
 * and the headline under the menu is the article's. */
static void test_menu_parts_notice(void **state)
{
    (void)state;
    char buf[8192];
    size_t o = (size_t)snprintf(buf, sizeof buf,
                                "When search suggestions are available use up and down arrows "
                                "to review and enter to select.\n\n");
    for (int k = 0; k < 20; k++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "- [Section %d](https://example.com/s%d)\n",
                              k, k);
    snprintf(buf + o, sizeof buf - o, "%s",
             "\n# Ferry across the river to run again\n\n"
             "The council voted on Tuesday to reopen the river ferry, which closed in 2019 after "
             "its last boat failed an inspection.\n\n"
             "Residents of the east bank had asked for years to have it back, and the vote was "
             "unanimous.\n");
    bt_article *a = extract_ok(buf);
    assert_string_equal(a->title, "Ferry across the river to run again");
    assert_int_equal(n_paras(a), 2);
    assert_non_null(strstr(para_at(a, 0), "The council voted"));
    bt_article_free(a);
}

/* The article goes on after a promo box with lines of its own (a pitch, a button, a thank
 * you), and a longer part below it does not lose the part above, nor the headline. */
static void test_promo_box_lines(void **state)
{
    (void)state;
    char buf[16384];
    size_t o = (size_t)snprintf(buf, sizeof buf, "# Ferry across the river to run again\n\n");
    for (int k = 0; k < 34; k++) /* the part above the box: many short paragraphs */
        o += (size_t)snprintf(buf + o, sizeof buf - o,
                              "Short paragraph %d: the council voted to reopen the ferry.\n\n",
                              k + 1);
    o += (size_t)snprintf(buf + o, sizeof buf - o, "%s",
                          "## What the ferry will cost\n\n"
                          "Sign up\n\n"
                          "By signing up you consent to receive the above newsletter from the "
                          "publisher of this site.\n\n"
                          "Thanks for signing up!\n\n");
    for (int k = 0; k < 8; k++) /* the part below it: a few long ones */
        o += (size_t)snprintf(buf + o, sizeof buf - o,
                              "Long paragraph %d after the box: the ferry will run every thirty "
                              "minutes from six in the morning until midnight, at the fare of a "
                              "bus ticket, and the city will review its timetable after six "
                              "months of service, when it knows how many people take it and at "
                              "which hours of the day they do so, the city said.\n\n", k + 1);
    bt_article *a = extract_ok(buf);
    assert_string_equal(a->title, "Ferry across the river to run again");
    assert_non_null(strstr(para_at(a, 0), "Short paragraph 1:"));
    assert_non_null(strstr(para_at(a, n_paras(a) - 1), "Long paragraph 8"));
    bt_article_free(a);
}

/* A byline line in another language than English or Vietnamese, under the headline or the
 * lede: the names after the byline word, parted at "und" and commas, without the agency. */
static void test_lexicon_byline(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Fähre über den Fluss fährt wieder\n\n"
        "Der Stadtrat hat am Dienstag beschlossen, die Fähre über den Fluss wieder fahren zu "
        "lassen, die seit 2019 stillgelegt war.\n\n"
        "Von Anna Berg und Jan Roth, dpa\n\n"
        "Die Anwohner des Ostufers hatten seit Jahren darum gebeten, dass die Fähre wieder "
        "fährt, und der Beschluss fiel einstimmig.\n\n"
        "Die Fähre soll alle dreißig Minuten fahren, zum Preis eines Bustickets, sagte die "
        "Stadt am Abend.\n");
    assert_int_equal(a->n_authors, 2);
    assert_string_equal(a->authors[0], "Anna Berg");
    assert_string_equal(a->authors[1], "Jan Roth");
    for (size_t k = 0; k < a->n_body; k++)
        assert_null(strstr(a->body[k], "Von Anna"));
    bt_article_free(a);
    a = extract_ok("# La traversée du fleuve reprend\n\n"
                   "Par Marie Dupont\n\n"
                   "Le conseil municipal a voté mardi la reprise du bac sur le fleuve, fermé depuis "
                   "2019 après l'échec d'une inspection.\n\n"
                   "Les habitants de la rive est le demandaient depuis des années, et le vote a été "
                   "unanime.\n");
    assert_int_equal(a->n_authors, 1);
    assert_string_equal(a->authors[0], "Marie Dupont");
    bt_article_free(a);
}

/* A dateline without a zone is the page's wall clock: zoned by its body's language once that
 * is known (German: CET, summer time in April), summer or winter; a language of many zones
 * keeps the UTC reading. "28. April 2023" opening a line is a day, not list item 28. */
static void test_dateline_zone_by_language(void **state)
{
    (void)state;
    static const char *const de_body =
        "Der Stadtrat hat am Dienstag beschlossen, die Fähre über den Fluss wieder fahren zu "
        "lassen, die seit dem Jahr 2019 stillgelegt war und nicht mehr genutzt wurde.\n\n"
        "Die Anwohner des Ostufers hatten seit Jahren darum gebeten, dass die Fähre wieder "
        "fährt, und der Beschluss fiel einstimmig, wie die Stadt mitteilte.\n\n"
        "Die Fähre soll alle dreißig Minuten fahren, zum Preis eines Bustickets, sagte die "
        "Sprecherin der Stadt am Abend und nannte noch keinen Termin.\n";
    char buf[2048];
    snprintf(buf, sizeof buf, "# Fähre über den Fluss fährt wieder\n\n"
             "28. April 2023, 19:50 Uhr\n\n%s", de_body);
    bt_article *a = extract_ok(buf);
    assert_string_equal(a->published, "2023-04-28T19:50:00+02:00");
    for (size_t k = 0; k < a->n_body; k++)
        assert_null(strstr(a->body[k], "April 2023"));
    bt_article_free(a);
    snprintf(buf, sizeof buf, "# Fähre über den Fluss fährt wieder\n\n"
             "   28. 11. 2023, 19:50 Uhr\n\n%s", de_body);
    a = extract_ok(buf);
    assert_string_equal(a->published, "2023-11-28T19:50:00+01:00");
    bt_article_free(a);
    a = extract_ok("# Ferry across the river to run again\n\n"
                   "28 April 2023, 19:50\n\n"
                   "The council voted on Tuesday to reopen the river ferry, which closed in 2019 "
                   "after its last boat failed an inspection.\n\n"
                   "Residents of the east bank had asked for years to have it back, and the vote "
                   "was unanimous.\n");
    assert_string_equal(a->published, "2023-04-28T19:50:00+00:00");
    bt_article_free(a);
}

/* A kicker set on the headline's line with only a space between them: the page's other
 * statement of the title ("Kicker: Headline") tells where the headline starts. */
static void test_kicker_twin(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Neue Schule: Der Maler malt wieder im alten Atelier\n\n"
        "Neue Schule Der Maler malt wieder im alten Atelier\n"
        "================================================\n\n"
        "Der Maler hat am Dienstag sein altes Atelier wieder bezogen, das seit dem Jahr 2019 "
        "leer stand und nicht mehr genutzt wurde.\n\n"
        "Die Nachbarn hatten seit Jahren darum gebeten, dass er zurückkommt, und die Stadt "
        "stimmte dem Mietvertrag einstimmig zu.\n\n"
        "Die erste Ausstellung soll im Frühjahr eröffnen, sagte die Sprecherin der Stadt am "
        "Abend und nannte noch keinen Termin.\n");
    assert_string_equal(a->title, "Der Maler malt wieder im alten Atelier");
    bt_article_free(a);
    /* no twin: the line stays whole */
    a = extract_ok(
        "Neue Schule Der Maler malt wieder im alten Atelier\n"
        "================================================\n\n"
        "Der Maler hat am Dienstag sein altes Atelier wieder bezogen, das seit dem Jahr 2019 "
        "leer stand und nicht mehr genutzt wurde.\n\n"
        "Die Nachbarn hatten seit Jahren darum gebeten, dass er zurückkommt, und die Stadt "
        "stimmte dem Mietvertrag einstimmig zu.\n");
    assert_string_equal(a->title, "Neue Schule Der Maler malt wieder im alten Atelier");
    bt_article_free(a);
}

/* An author's bio under "About the author" comes after the article: it ends the body. */
static void test_author_bio_ends_body(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Ferry across the river to run again\n\n"
        "The council voted on Tuesday to reopen the river ferry, which closed in 2019 after its "
        "last boat failed an inspection.\n\n"
        "Residents of the east bank had asked for years to have it back, and the vote was "
        "unanimous.\n\n"
        "## About the author\n\n"
        "Jane Doe covers city hall and transport for the paper, and has written about the river "
        "and its ferries since she joined the newsroom in 2015.\n");
    assert_int_equal(n_paras(a), 2);
    for (size_t k = 0; k < n_paras(a); k++)
        assert_null(strstr(para_at(a, k), "newsroom"));
    bt_article_free(a);
}

/* pandoc keeps a headline's kicker as a raw <span class="...kicker">: its text is no part of
 * the headline, nor the separator a hidden span sets after it. */
static void test_raw_kicker_span(void **state)
{
    (void)state;
    static const char *const body =
        "Der Maler hat am Dienstag sein altes Atelier wieder bezogen, das seit dem Jahr 2019 "
        "leer stand und nicht mehr genutzt wurde.\n\n"
        "Die Nachbarn hatten seit Jahren darum gebeten, dass er zurückkommt, und die Stadt "
        "stimmte dem Mietvertrag einstimmig zu.\n";
    char buf[1024];
    snprintf(buf, sizeof buf,
             "# <span class=\"title__kicker\">Neue Schule</span> <span "
             "class=\"title__headline\">Der Maler malt wieder im alten Atelier</span>\n\n%s", body);
    bt_article *a = extract_ok(buf);
    assert_string_equal(a->title, "Der Maler malt wieder im alten Atelier");
    bt_article_free(a);
    snprintf(buf, sizeof buf,
             "# <span class=\"kicker\">Neue Schule</span><span class=\"hide\"> - </span>Der "
             "Maler malt wieder im alten Atelier\n\n%s", body);
    a = extract_ok(buf);
    assert_string_equal(a->title, "Der Maler malt wieder im alten Atelier");
    bt_article_free(a);
}

/* A standfirst between the headline and the byline or dateline is the lede: the meta rows
 * under it set it apart from the body. */
static void test_sapo_above_meta_rows(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Ferry across the river to run again\n\n"
        "The city brings back a service the east bank has missed for six years, and wants it "
        "running by the spring.\n\n"
        "By Jane Doe\n\n"
        "The council voted on Tuesday to reopen the river ferry, which closed in 2019 after its "
        "last boat failed an inspection.\n\n"
        "Residents of the east bank had asked for years to have it back, and the vote was "
        "unanimous.\n");
    assert_non_null(a->lede);
    assert_non_null(strstr(a->lede, "six years"));
    assert_int_equal(a->n_body, 2);
    assert_non_null(strstr(a->body[0], "The council voted"));
    bt_article_free(a);
    /* the author's name under a portrait may stand between the standfirst and the byline */
    a = extract_ok(
        "# Ferry across the river to run again\n\n"
        "The city brings back a service the east bank has missed for six years, and wants it "
        "running by the spring.\n\n"
        "Jane Doe\n\n"
        "By Jane Doe\n\n"
        "The council voted on Tuesday to reopen the river ferry, which closed in 2019 after its "
        "last boat failed an inspection.\n\n"
        "Residents of the east bank had asked for years to have it back, and the vote was "
        "unanimous.\n");
    assert_non_null(a->lede);
    assert_non_null(strstr(a->lede, "six years"));
    bt_article_free(a);
}

/* Pass 0: UTF-8 read as Latin-1 (or Windows-1252) and written again is repaired when it
 * makes most of the text's non-ASCII characters; a text with a real "Ã" is left alone. */
static void test_mojibake_repair(void **state)
{
    (void)state;
    char *out = NULL;
    size_t n = 0;
    /* "sanción", "según", "también" and "it’s" mis-read */
    const char *bad = "La sanciÃ³n, segÃºn el comitÃ©, fue tambiÃ©n justa; itâ€™s done.";
    assert_int_equal(tx_repair_mojibake(bad, strlen(bad), &out, &n), 1);
    assert_string_equal(out, "La sanción, según el comité, fue también justa; it’s done.");
    assert_int_equal(n, strlen(out));
    free(out);
    const char *good = "São Paulo e Ãgua: a sanção, segundo o comitê, foi justa.";
    assert_int_equal(tx_repair_mojibake(good, strlen(good), &out, &n), 0);
    assert_null(out);
    bt_article *a = extract_ok(
        "# La revancha del campeÃ³n\n\n"
        "El tetracampeÃ³n eligiÃ³ los micrÃ³fonos de la televisiÃ³n para responder a su rival, "
        "a quien acusÃ³ de haber pedido la sanciÃ³n.\n\n"
        "Fue la decimocuarta carrera que domina de principio a fin, un registro que ya le deja "
        "sÃ³lo por detrÃ¡s de los mÃ¡s grandes.\n");
    assert_string_equal(a->title, "La revancha del campeón");
    assert_non_null(strstr(para_at(a, 0), "El tetracampeón eligió los micrófonos"));
    bt_article_free(a);
}

/* Pass "folded letters" (text_unfold.c): html2text writes the letters a page spelt as named
 * entities bare ("Kuhlturme"); the capture's own spellings (a headline, a link's text or
 * title, seen twice) restore them in the paragraphs that hold no accented letter, not a bare word
 * that stands in an accented paragraph ("wurde" beside "würde"), not a spelling seen once
 * against a bare word seen once, not a word spelt two ways. */
static void test_unfold_letters(void **state)
{
    (void)state;
    const char *text =
        "# Kühltürme gesprengt\n\n"
        "[Mehr für Sie](/a \"Kühltürme: alles für Sie\")\n\n"
        "[Für Sie](/b \"Für Sie\")\n\n"
        "Die Kuhlturme fielen fur alle sichtbar. Man wurde Zeuge. Fur viele ein Ende. Es war "
        "ein general strike, sagte man, legere, legere und legere.\n\n"
        "Größer wurde nichts: die Türme würden fallen, sagte der général, légère und "
        "lègere.\n";
    tx_doc d;
    assert_int_equal(tx_doc_build(&d, text, strlen(text)), 0);
    const char *want = "Die Kühltürme fielen für alle sichtbar. Man wurde Zeuge. Für viele ein "
                       "Ende. Es war ein general strike, sagte man, legere, legere und legere.";
    int found = 0;
    for (size_t i = 0; i < d.n; i++)
        if (!strncmp(d.b[i].text, "Die K", 5) && d.b[i].len > 40) {
            assert_string_equal(d.b[i].text, want);
            assert_int_equal(d.b[i].len, strlen(want));
            found = 1;
        }
    assert_true(found);
    tx_doc_free(&d);
    /* no accented letter anywhere, or in every paragraph: nothing to do */
    const char *plain = "# Fur trade\n\nThe fur trade grew.\n";
    assert_int_equal(tx_doc_build(&d, plain, strlen(plain)), 0);
    assert_string_equal(d.b[1].text, "The fur trade grew.");
    tx_doc_free(&d);
}

/* Pass "drop cap" (text_lines.c): html2text writes a paragraph's bold initial as "**W** hat";
 * the initial joins its word. A bold word of one letter before a capital stays apart. */
static void test_drop_cap(void **state)
{
    (void)state;
    const char *text = "# Blasts shatter homes\n\n"
                       "**W** hat frustrates the villagers most is the dust.\n\n"
                       "**A** Chinese-owned quarry has come under heavy criticism.\n";
    tx_doc d;
    assert_int_equal(tx_doc_build(&d, text, strlen(text)), 0);
    assert_int_equal(d.n, 3);
    assert_string_equal(d.b[1].text, "What frustrates the villagers most is the dust.");
    assert_string_equal(d.b[2].text, "A Chinese-owned quarry has come under heavy criticism.");
    tx_doc_free(&d);
}

/* Pass "link row" (text_lines.c): a line of links with only separators between them (a
 * ticker, a share bar, a tag list as html2text writes them) is no paragraph, however long and
 * however it ends; a paragraph with links in its sentences is one, and so is an enumeration
 * of linked names. */
static void test_link_row_separators(void **state)
{
    (void)state;
    const char *text =
        "# The council approves the new harbour plan after a long debate\n\n"
        "[Mayor resigns over the budget after a long dispute with the council](/a)"
        "[Storm closes the ferry to the islands for the whole weekend](/b)"
        "[Schools reopen after the summer break with new teachers](/c)\n\n"
        "The debate lasted more than six hours and drew a [large crowd](/d) to the town hall, "
        "where opponents and supporters of the plan waited for the vote.\n\n"
        "[Share via email.](/e) [Share via messenger.](/f) [Share via print.](/g)\n\n"
        "The plan foresees a new quay, a ferry terminal and a park along the water, and the "
        "first works are to begin next spring if the region agrees.\n";
    bt_article *a = extract_ok(text);
    assert_string_equal(a->title, "The council approves the new harbour plan after a long debate");
    size_t paras = a->lede != NULL;
    assert_true(!a->lede || !strstr(a->lede, "Mayor resigns"));
    for (size_t i = 0; i < a->n_body; i++) {
        assert_null(strstr(a->body[i], "Mayor resigns"));
        assert_null(strstr(a->body[i], "Share via"));
        paras++;
    }
    assert_int_equal(paras, 2);
    bt_article_free(a);
    tx_doc d;
    const char *en = "[佐賀県](/a)：[神埼市](/b)、[白石町](/c)\n";
    assert_int_equal(tx_doc_build(&d, en, strlen(en)), 0);
    assert_int_equal(d.n, 1);
    assert_false(d.b[0].flags & TBF_LINKROW);
    tx_doc_free(&d);
}

/* A related box inside the article ends with its card (a photo's caption, the story's
 * title): the article resumes after it where two paragraphs stand in a row. */
static void test_box_card_then_resume(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Ferry across the river to run again\n\n"
        "The council voted on Tuesday to reopen the river ferry, which closed in 2019 after its "
        "last boat failed an inspection, and residents welcomed the decision.\n\n"
        "Residents of the east bank had asked for years to have it back, and the vote in the "
        "council chamber was unanimous after a short debate.\n\n"
        "The city will buy a new boat and repair the landing stage on the east bank before the "
        "service starts again in the spring.\n\n"
        "Read more\n\n"
        "The mayor speaks to reporters outside the town hall on Monday morning.\n\n"
        "Mayor promises new buses for the eastern districts\n\n"
        "The ferry will run every thirty minutes from six in the morning, at the fare of a bus "
        "ticket.\n\n"
        "The city plans to review the timetable after six months of service.\n");
    assert_string_equal(a->title, "Ferry across the river to run again");
    assert_non_null(strstr(a->body[a->n_body - 1], "review the timetable"));
    bt_article_free(a);
}

/* A run of paragraphs is a teaser list when headlines make most of its blocks; the headlines
 * of the related list after its last paragraph are not in it (they made the article a
 * "teaser list", and a consent notice above won). */
static void test_headlines_after_run(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "## How would you like to use the site?\n"
        "\n"
        "Use the site as usual with advertising and tracking. You can withdraw your consent at any time in the privacy settings at the bottom of every page of the site.\n"
        "\n"
        "With the subscription you use the site without advertising tracking and practically free of ads, for a small monthly price that you can cancel at any time.\n"
        "\n"
        "### Topic Politics\n"
        "\n"
        "### Topic Business\n"
        "\n"
        "### Topic Sport\n"
        "\n"
        "### Topic Culture\n"
        "\n"
        "### Topic Science\n"
        "\n"
        "### Topic Travel\n"
        "\n"
        "### Topic Weather\n"
        "\n"
        "### Topic Opinion\n"
        "\n"
        "### Topic Health\n"
        "\n"
        "### Topic Cars\n"
        "\n"
        "### Topic Homes\n"
        "\n"
        "### Topic Money\n"
        "\n"
        "### Topic Food\n"
        "\n"
        "### Topic Games\n"
        "\n"
        "### Topic Books\n"
        "\n"
        "### Topic Music\n"
        "\n"
        "### Topic Film\n"
        "\n"
        "### Topic Tech\n"
        "\n"
        "### Topic Jobs\n"
        "\n"
        "### Topic Local\n"
        "\n"
        "### Topic World\n"
        "\n"
        "### Topic Europe\n"
        "\n"
        "### Topic Asia\n"
        "\n"
        "### Topic Video\n"
        "\n"
        "### Topic Photos\n"
        "\n"
        "### Topic Podcasts\n"
        "\n"
        "\n"
        "# Ferry across the river to run again after six years\n"
        "\n"
        "The council voted on Tuesday to reopen the ferry across the river, which closed in 2019 after the last operator gave up, and residents of the east bank had asked for it for years.\n"
        "\n"
        "The service will run every half hour from six in the morning, and a single crossing will cost the same as a bus ticket in the city centre, the council said.\n"
        "\n"
        "Shopkeepers near the old landing said they expected more customers once the boats were running again, especially on market days at the weekend.\n"
        "\n"
        "The council will review the timetable after six months and may add evening crossings in summer.\n"
        "\n"
        "## Bridge repairs to start in the spring\n"
        "\n"
        "## New bus lines for the east bank\n"
        "\n"
        "## Market hall reopens after fire\n"
        "\n"
        "## River festival draws record crowds\n"
        "\n"
        "## Harbour museum gets new wing\n");
    assert_string_equal(a->title, "Ferry across the river to run again after six years");
    assert_int_equal(n_paras(a), 4);
    assert_non_null(strstr(para_at(a, 0), "council voted"));
    bt_article_free(a);
}

/* A byline on a line of its own, in the languages of the lexicon, is not the headline; a
 * headline opening with the same word is. */
static void test_byline_line_not_title(void **state)
{
    (void)state;
    static const char *const para =
        "Der Stadtrat hat am Dienstag beschlossen, die alte Fähre über den Fluss wieder in "
        "Betrieb zu nehmen, die seit 2019 stillsteht und von vielen Anwohnern vermisst wird.\n\n"
        "Die Fähre soll ab dem Sommer jede halbe Stunde fahren, und eine Überfahrt kostet so "
        "viel wie ein Busfahrschein in der Innenstadt, teilte die Stadt am Abend mit.\n";
    static const char *const heads[][2] = {
        {"Von Anna Berg und Jan Roth, dpa", "Die alte Fähre fährt wieder"},
        {"Par Marie Dupont", "Die alte Fähre fährt wieder"},
        {"Von der Leyen besucht die alte Fähre", NULL},
        {"Von München bis Aachen: Fähren im Test", NULL}};
    for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++) {
        char buf[2048];
        if (heads[k][1])
            snprintf(buf, sizeof buf, "%s\n\n%s\n\n%s", heads[k][1], heads[k][0], para);
        else
            snprintf(buf, sizeof buf, "%s\n\n%s", heads[k][0], para);
        bt_article *a = extract_ok(buf);
        assert_string_equal(a->title, heads[k][1] ? heads[k][1] : heads[k][0]);
        bt_article_free(a);
    }
}

/* A comment box counted before its name ("3 Kommentare", "12 comments") or after it with the
 * bracket glued on ("Kommentare(0)", as html2text prints a count in its own element) ends the
 * article: the readers' long comments below it are not its body. */
static void test_counted_comments(void **state)
{
    (void)state;
    static const char *const heads[] = {"3 Kommentare", "12 comments", "5 commentaires",
                                        "Kommentare(0)", "Comments(12)"};
    for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++) {
        char buf[4096];
        snprintf(buf, sizeof buf,
                 "# Die alte Fähre fährt wieder\n\n"
                 "Der Stadtrat hat am Dienstag beschlossen, die alte Fähre über den Fluss wieder "
                 "in Betrieb zu nehmen, die seit 2019 stillsteht.\n\n"
                 "Die Fähre soll ab dem Sommer jede halbe Stunde fahren, teilte die Stadt mit.\n\n"
                 "%s\n\n"
                 "Ich finde es richtig, dass die Fähre wieder fährt, denn seit Jahren müssen wir "
                 "den langen Umweg über die Brücke nehmen, und das kostet jeden Tag viel Zeit und "
                 "Geld, besonders für die Familien mit Kindern auf der anderen Seite des Flusses.\n\n"
                 "Das ist doch nur Geldverschwendung, die Stadt sollte lieber die Brücke sanieren, "
                 "die seit Jahren marode ist, und die Busse öfter fahren lassen, statt eine Fähre "
                 "zu betreiben, die am Ende kaum jemand nutzen wird, wie schon beim letzten Mal.\n\n"
                 "Wer soll das bezahlen? Die Stadt hat kein Geld für Schulen und Kindergärten, "
                 "aber für eine Fähre ist plötzlich genug da, und niemand fragt die Bürger, was "
                 "sie eigentlich wollen, bevor solche teuren Entscheidungen getroffen werden.\n",
                 heads[k]);
        bt_article *a = extract_ok(buf);
        assert_string_equal(a->title, "Die alte Fähre fährt wieder");
        assert_int_equal(n_paras(a), 2);
        bt_article_free(a);
    }
}

/* Rows of a data table (html2text "a| b| c", pandoc "| a | b | c |") are not paragraphs: a
 * cookie list under the article, however wordy its cells, is not a body. */
static void test_table_rows_not_prose(void **state)
{
    (void)state;
    static const char *const row[] = {
        "session_id| 1 month| The cookie is used by the content network to identify single "
        "visitors behind a shared address and apply security settings for each of them.\n\n",
        "| session_id | 1 month | The cookie is used by the content network to identify single "
        "visitors behind a shared address and apply security settings for each of them. |\n\n"};
    for (size_t k = 0; k < 2; k++) {
        char buf[8192];
        size_t o = (size_t)snprintf(buf, sizeof buf,
                                    "# Ferry across the river to run again\n\n"
                                    "The council voted on Tuesday to reopen the ferry across the "
                                    "river, which closed in 2019.\n\n"
                                    "The service will run every half hour from six in the morning, "
                                    "the council said in a statement.\n\n"
                                    "Cookie settings\n\n");
        for (int r = 0; r < 8; r++)
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s", row[k]);
        bt_article *a = extract_ok(buf);
        assert_string_equal(a->title, "Ferry across the river to run again");
        assert_int_equal(n_paras(a), 2);
        bt_article_free(a);
    }
}

/* A label the template repeats between paragraphs ("Article content") is furniture: left in,
 * each copy reads as a headline and the article as a teaser list that a shorter notice beats. */
static void test_repeated_label(void **state)
{
    (void)state;
    char buf[8192];
    size_t o = (size_t)snprintf(buf, sizeof buf,
                                "Cookie notice\n\nWe use cookies to give you the most relevant "
                                "experience by remembering your preferences and repeat visits to "
                                "the site, and you can change this at any time in the settings, "
                                "which are linked from the foot of every page of this site.\n\n");
    for (int k = 0; k < 30; k++) /* a menu: the notice is no part of the article */
        o += (size_t)snprintf(buf + o, sizeof buf - o, "### Topic number %d\n\n", k);
    o += (size_t)snprintf(buf + o, sizeof buf - o, "# Ferry across the river to run again\n\n");
    for (int k = 0; k < 5; k++)
        o += (size_t)snprintf(buf + o, sizeof buf - o,
                              "Article content\n\nParagraph %d of the story: the council voted to "
                              "reopen the ferry, which closed in 2019.\n\n", k + 1);
    bt_article *a = extract_ok(buf);
    assert_string_equal(a->title, "Ferry across the river to run again");
    assert_int_equal(n_paras(a), 5);
    for (size_t k = 0; k < n_paras(a); k++)
        assert_null(strstr(para_at(a, k), "Article content"));
    bt_article_free(a);
}

/* A sentence the page prints twice or more is a widget's (an ad slot's notice between the
 * paragraphs, a paywall box set twice): no copy is the article's; a sentence said once is. */
static void test_repeated_sentences(void **state)
{
    (void)state;
    char buf[8192];
    size_t o = 0;
    for (int box = 0; box < 2; box++) /* the paywall box, set twice */
        o += (size_t)snprintf(buf + o, sizeof buf - o,
                              "SUBSCRIBE TO UNLOCK\n\n"
                              "Subscribe now to read the latest news in your city and across the "
                              "country.\n\n"
                              "Daily puzzles, including the crossword, and the morning edition on "
                              "any device you own.\n\n");
    o += (size_t)snprintf(buf + o, sizeof buf - o, "# Ferry across the river to run again\n\n");
    for (int k = 0; k < 8; k++)
        o += (size_t)snprintf(buf + o, sizeof buf - o,
                              "Paragraph %d of the story: the council voted to reopen the ferry, "
                              "which closed in 2019 when its operator gave up.\n\n"
                              "This advertisement has not loaded yet, but your article continues "
                              "below.\n\n", k + 1);
    bt_article *a = extract_ok(buf);
    assert_string_equal(a->title, "Ferry across the river to run again");
    assert_int_equal(n_paras(a), 8);
    for (size_t k = 0; k < n_paras(a); k++)
        assert_non_null(strstr(para_at(a, k), "Paragraph"));
    bt_article_free(a);
}

/* A box printed twice (a paywall's offer) holds short lines beside its sentences: its
 * pitch and its list's shorter items, too short to be sentences of their own. Printed as
 * often and standing with the box's repeated sentences, they are the box's lines, not the
 * article's (pass "repeated box's short lines"). */
static void test_repeated_box_lines(void **state)
{
    (void)state;
    char buf[8192];
    size_t o = (size_t)snprintf(buf, sizeof buf, "# Ferry across the river to run again\n\n");
    for (int k = 0; k < 8; k++) {
        o += (size_t)snprintf(buf + o, sizeof buf - o,
                              "Paragraph %d of the story: the council voted to reopen the ferry, "
                              "which closed in 2019 when its operator gave up.\n\n", k + 1);
        if (k == 3 || k == 7)
            o += (size_t)snprintf(buf + o, sizeof buf - o,
                                  "Enjoy the latest local news.\n\n"
                                  "  * Unlimited online access to the paper and its sister sites "
                                  "with one account.\n"
                                  "  * Daily puzzles and the crossword.\n"
                                  "  * Support local journalism.\n\n");
    }
    bt_article *a = extract_ok(buf);
    assert_string_equal(a->title, "Ferry across the river to run again");
    for (size_t k = 0; k < n_paras(a); k++) {
        assert_null(strstr(para_at(a, k), "Enjoy the latest"));
        assert_null(strstr(para_at(a, k), "puzzles"));
        assert_null(strstr(para_at(a, k), "Support local"));
    }
    size_t paras = 0;
    for (size_t k = 0; k < n_paras(a); k++)
        paras += strstr(para_at(a, k), "Paragraph") != NULL;
    assert_int_equal(paras, 8);
    bt_article_free(a);
}

/* A page sets its own lead-in over links to other stories between the paragraphs ("MORE
 * FROM THE DESK | <title>"), in words no lexicon lists: used three times over different
 * titles, it marks them related stories, not the article (pass "page's lead-in"). A
 * speaker's name over an answer (a sentence) is no lead-in, however often it comes. */
static void test_page_lead_in(void **state)
{
    (void)state;
    static const char *titles[] = {"Bridge repairs close the harbour road for a month",
                                   "Night buses return to the valley towns",
                                   "Council names a new head of the port authority"};
    char buf[8192];
    size_t o = (size_t)snprintf(buf, sizeof buf, "# Ferry across the river to run again\n\n");
    for (int k = 0; k < 9; k++) {
        o += (size_t)snprintf(buf + o, sizeof buf - o,
                              "Paragraph %d of the story: the council voted to reopen the ferry, "
                              "which closed in 2019 when its operator gave up.\n\n", k + 1);
        if (k % 3 == 1)
            o += (size_t)snprintf(buf + o, sizeof buf - o,
                                  "MORE FROM THE DESK | %s\n\nJane Doe: We will run boat %d at "
                                  "six in the morning.\n\n", titles[k / 3], k / 3 + 1);
    }
    bt_article *a = extract_ok(buf);
    assert_string_equal(a->title, "Ferry across the river to run again");
    size_t spoken = 0;
    for (size_t k = 0; k < a->n_body; k++) {
        assert_null(strstr(a->body[k], "MORE FROM"));
        spoken += strstr(a->body[k], "Jane Doe:") != NULL;
    }
    assert_int_equal(spoken, 3);
    assert_true(a->n_related >= 3);
    for (int k = 0; k < 3; k++) {
        int found = 0;
        for (size_t r = 0; r < a->n_related; r++)
            found |= !strcmp(a->related[r].title, titles[k]);
        assert_true(found);
    }
    bt_article_free(a);
}

/* Below an article under its first-level headline, another first-level headline opens the
 * next story (an endless-scroll page): a longer next story is not this page's article. The
 * same headline set again (the article in full below its preview) opens nothing new. */
static void test_next_headline(void **state)
{
    (void)state;
    char buf[8192];
    size_t o = (size_t)snprintf(buf, sizeof buf, "# Ferry across the river to run again\n\n");
    for (int k = 0; k < 2; k++)
        o += (size_t)snprintf(buf + o, sizeof buf - o,
                              "# Ferry across the river to run again\n\n"
                              "The council voted on Tuesday to reopen the ferry, which closed in "
                              "2019 when its last operator gave up (%s).\n\n",
                              k ? "in full" : "preview");
    for (int k = 0; k < 3; k++)
        o += (size_t)snprintf(buf + o, sizeof buf - o,
                              "Paragraph %d of the ferry story says when the boats will run and "
                              "what a crossing will cost.\n\n", k + 1);
    o += (size_t)snprintf(buf + o, sizeof buf - o, "# Striker signs for his old club\n\n");
    for (int k = 0; k < 8; k++)
        o += (size_t)snprintf(buf + o, sizeof buf - o,
                              "Paragraph %d of the football story, which is longer than the first "
                              "one and tells of the transfer, the fee and the fans.\n\n", k + 1);
    bt_article *a = extract_ok(buf);
    assert_string_equal(a->title, "Ferry across the river to run again");
    size_t n = a->n_body + (a->lede != NULL);
    assert_int_equal(n, 5);
    for (size_t k = 0; k < a->n_body; k++)
        assert_null(strstr(a->body[k], "football"));
    bt_article_free(a);
}

/* A section's heading set more than once ("Most Popular" over a box every few paragraphs)
 * heads a widget inside the article: the article resumes after each copy. Taken as the
 * site's section, it left the rest of the article "in a section" and cut it off. */
static void test_inline_box_heading(void **state)
{
    (void)state;
    char buf[8192];
    size_t o = (size_t)snprintf(buf, sizeof buf, "The Best Sleeping Bags for Every Trip\n\n");
    for (int part = 0; part < 3; part++) {
        for (int k = 0; k < 3; k++)
            o += (size_t)snprintf(buf + o, sizeof buf - o,
                                  "   Part %d, paragraph %d: we slept in each bag for a week of "
                                  "nights in the hills, in rain and frost, and noted how warm "
                                  "it kept us.\n\n", part + 1, k + 1);
        if (part < 2)
            o += (size_t)snprintf(buf + o, sizeof buf - o,
                                  "Most Popular\n\n"
                                  "     * The Phone That Folds Twice Is Here %d\n"
                                  "     * Why Your Router Needs a Reboot %d\n\n", part, part);
    }
    bt_article *a = extract_ok(buf);
    size_t paras = a->lede && strstr(a->lede, "paragraph");
    for (size_t k = 0; k < a->n_body; k++)
        paras += strstr(a->body[k], "paragraph") != NULL;
    assert_int_equal(paras, 9);
    bt_article_free(a);
}

/* A paywall notice (lexicon HTML_PAYWALL) is a box, not a paragraph, and the offer's line
 * after it does not join the article as a lone paragraph would. */
static void test_paywall_notice(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Quake shakes the southern coast overnight\n\n"
        "A strong earthquake shook the southern coast late on Monday, the weather agency said, "
        "and a tsunami advisory was issued for two prefectures.\n\n"
        "The agency said the quake was not linked to the expected megaquake, but asked people "
        "near the coast to stay alert.\n\n"
        "This article is for subscribers only. Subscribers to the printed paper can register "
        "for free.\n\n"
        "- Unlimited articles on the site and in the app, every day of the year.\n"
        "- Newsletters with the latest news.\n\n"
        "Latest news\n\n"
        "- Train line stops after the quake, no injuries\n"
        "- Ferry service resumes on the island\n");
    size_t n = a->n_body + (a->lede != NULL);
    assert_int_equal(n, 2);
    for (size_t k = 0; k < a->n_body; k++) {
        assert_null(strstr(a->body[k], "subscribers"));
        assert_null(strstr(a->body[k], "Unlimited"));
    }
    bt_article_free(a);
}

/* Pass "cut teaser": lines stopping on an ellipsis with no sentence before it are teasers cut
 * to fit a box (a video list), not paragraphs, however many; a paragraph that trails off after
 * a sentence is one. */
static void test_cut_teasers(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Quake shakes the southern coast overnight\n\n"
        "A strong earthquake shook the southern coast late on Monday, the weather agency said, "
        "and a tsunami advisory was issued for two prefectures along the coast.\n\n"
        "The mayor spoke to reporters at midnight. He wanted to say more, but he could not...\n\n"
        "Videos\n\n"
        "0:48\n\nThis year the spring festival falls on the second of February for the first time in...\n\n"
        "1:50\n\nSparks flew into the house like fire, said the owner of the burnt home in the...\n\n"
        "0:45\n\nThe singer talks about growing old, parting and being alone in a positive way and...\n\n"
        "0:30\n\nAn island that hosts a defence base, and the shadow of a buyer from abroad that...\n\n"
        "0:55\n\nA student was hit with a hammer during a class at the university, police said the...\n");
    int quake = a->lede && strstr(a->lede, "earthquake");
    int mayor = 0;
    for (size_t k = 0; k < a->n_body; k++) {
        quake |= strstr(a->body[k], "earthquake") != NULL;
        mayor |= strstr(a->body[k], "could not") != NULL;
        assert_null(strstr(a->body[k], "festival"));
        assert_null(strstr(a->body[k], "hammer"));
    }
    assert_true(quake);
    assert_true(mayor);
    bt_article_free(a);
}

/* Pass "list run": a run whose paragraphs are all whole-line links is a list of stories (each
 * a linked summary), not the article, even when it weighs more. */
static void test_link_line_list_run(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Council approves the new bridge over the river\n\n"
        "The city council approved the new bridge over the river on Tuesday, after two years of "
        "debate about its cost and the route of the traffic.\n\n"
        "Work starts in the spring and should take three years, the council said.\n\n"
        "Share\n\nPrint\n\nComments\n\nNewsletter\n\nFollow us\n\nAdvertisement\n\n"
        "Most watched\n\n"
        "[The old ferry across the river will keep running until the bridge opens in three years.](/a)\n\n"
        "[Residents near the harbour worry about the noise of the works during the coming summer.](/b)\n\n"
        "[The mayor says the bridge will cut the commute of thousands of people by half an hour.](/c)\n\n"
        "[Engineers tested the river bed last year and found it strong enough for the new pillars.](/d)\n");
    int bridge = a->lede && strstr(a->lede, "approved");
    for (size_t k = 0; k < a->n_body; k++) {
        bridge |= strstr(a->body[k], "approved") != NULL;
        assert_null(strstr(a->body[k], "ferry"));
        assert_null(strstr(a->body[k], "Engineers"));
    }
    assert_true(bridge);
    bt_article_free(a);
}

/* Pass "list run", nearly all links: a box of the site's services (a name, a linked blurb,
 * twenty times) with one blurb left unlinked is a list still, not the article. */
static void test_link_line_list_run_share(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Council approves the new bridge over the river\n\n"
        "The city council approved the new bridge over the river on Tuesday, after two years of "
        "debate about its cost and the route of the traffic through the old town.\n\n"
        "Work starts in the spring and should take three years, the council said, and the ferry "
        "will keep running until the first cars cross.\n\n"
        "The opposition voted against the plan, saying the money would be better spent on the "
        "buses and on the schools of the eastern districts.\n\n"
        "Share\n\nPrint\n\nComments\n\nNewsletter\n\nFollow us\n\nAdvertisement\n\n"
        "[Garden Club](/s/1)\n\n[Our garden club shows readers the gardens of the city, one "
        "each week.](/s/1)\n\n"
        "[Book Fair](/s/2)\n\n[The book fair brings writers and readers together every "
        "autumn in the halls.](/s/2)\n\n"
        "[Travel Desk](/s/3)\n\n[Our travel desk plans trips for readers to the coast and "
        "the mountains.](/s/3)\n\n"
        "[Archive](/s/4)\n\n[The archive holds every page the paper has printed since its "
        "first issue.](/s/4)\n\n"
        "[School Page](/s/5)\n\n[The school page brings the paper into classrooms with "
        "worksheets and visits.](/s/5)\n\n"
        "[Job Market](/s/6)\n\n[The job market lists openings from employers across the "
        "region every day.](/s/6)\n\n"
        "[Health Site](/s/7)\n\n[Our health site explains medicine and care for families "
        "in plain words.](/s/7)\n\n"
        "[Sports Club](/s/8)\n\n[The sports club project supports young athletes in every "
        "town of the region.](/s/8)\n\n"
        "[Food Guide](/s/9)\n\n[The food guide reviews restaurants and markets of the city "
        "each weekend.](/s/9)\n\n"
        "[Events](/s/10)\n\n[The events page lists the talks and concerts the paper holds "
        "for its readers.](/s/10)\n\n"
        "Photo Prints\n\nThe photo print shop sells prints of the best pictures the paper "
        "has taken over the years.\n");
    int bridge = a->lede && strstr(a->lede, "approved");
    for (size_t k = 0; k < a->n_body; k++) {
        bridge |= strstr(a->body[k], "approved") != NULL;
        assert_null(strstr(a->body[k], "garden club"));
        assert_null(strstr(a->body[k], "photo print"));
    }
    assert_true(bridge);
    bt_article_free(a);
}

/* Pass "enumeration line": a label, a fullwidth colon and names parted by enumeration commas
 * ("宮崎県：延岡市、西都市") is the article's list, not a gap of the run nor a teaser's headline:
 * the article goes on through the whole list below its paragraph. A "label：value" line and
 * a sentence with a colon are not enumerations. */
static void test_cjk_enumeration_lines(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "- [速報](/n) - [政治](/p) - [経済](/e) - [国際](/w) - [社会](/s) - [天気](/t)\n\n"
        "# 九州南部で震度５弱の地震　津波注意報\n\n"
        "2025年1月13日 21時30分\n\n"
        "気象庁は１３日夜、九州の南の海を震源とする地震があったと発表した。震源の深さは約３０キロ、"
        "地震の規模は６．９と推定される。この地震で、気象庁は二つの県に１メートルの津波注意報を出し、"
        "沿岸の住民に海岸から離れるよう呼びかけた。\n\n"
        "各地の震度は次のとおり。\n\n"
        "＜震度５弱＞\n\n"
        "南県：高川町、新原町、港市\n\n"
        "＜震度４＞\n\n"
        "南県：延岡市、西原市、木村町\n\n"
        "北県：久川市、白石町\n\n"
        "東県：神田市、白浜町、青木村\n\n"
        "西県：大川市、臼井市、佐木市、竹原市\n\n"
        "中県：本山市、霧野市、串田市、南浜市、伊田市、姶川市、鹿野市、垂木市、曽根市、大崎町、"
        "東良町、肝田町、高森町、南原村、熊野市、八代市、菊川市、宇土市、宇城市、合志市\n\n"
        "ニュース\n\nスポーツ\n\nエンタメ\n\nくらし\n\n"
        "[新しい駅ビルが来月開業へ　地元の店も多数出店](/a)\n\n"
        "[市長選の投票率が過去最低に　若者の関心低く](/b)\n\n"
        "[冬の観光客が増加　温泉地ににぎわい戻る](/c)\n");
    int nobeoka = 0, last = 0;
    for (size_t k = 0; k < a->n_body; k++) {
        nobeoka |= strstr(a->body[k], "延岡市") != NULL;
        last |= strstr(a->body[k], "合志市") != NULL;
    }
    assert_true(nobeoka);
    assert_true(last);
    bt_article_free(a);
    tx_block b = {0};
    b.kind = TB_TEXT;
    b.text = (char *)"南県：延岡市、西原市";
    b.len = strlen(b.text);
    assert_true(tx_is_enumeration(&b));
    b.text = (char *)"写真：山田太郎";
    b.len = strlen(b.text);
    assert_false(tx_is_enumeration(&b));
    b.text = (char *)"記者の話：今日は、雨が降ったので、試合は中止になりました。";
    b.len = strlen(b.text);
    assert_false(tx_is_enumeration(&b));
}

/* A line closed by a copyright sign and a credit is a photo's caption (lynx prints captions
 * as plain indented lines), not a paragraph; a paragraph that names a copyright mid-way is. */
static void test_copyright_caption(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Marathon runners brave the wind along the harbour\n\n"
        "   Thousands of runners set off from the exhibition halls on Sunday morning, and the\n"
        "   wind off the river made the second half of the course hard for everyone.\n\n"
        "   Runners in fancy dress on the course near the harbour, where the crowd was\n"
        "   thickest. © IMAGO/Beautiful Sports/R. Smith\n\n"
        "   The winner crossed the line after two hours and five minutes, a minute slower than\n"
        "   last year, and said the wind had cost him the course record.\n\n"
        "   The organisers said the © sign on the medals had been printed in error, and that\n"
        "   every runner who finished would be sent a new one in the summer.\n");
    size_t paras = a->lede != NULL;
    for (size_t k = 0; k < a->n_body; k++) {
        assert_null(strstr(a->body[k], "fancy dress"));
        paras++;
    }
    assert_int_equal(paras, 3);
    bt_article_free(a);
    /* a closing bracket naming a photographer and an agency, parted by a slash, is a credit;
     * a unit's slash is not */
    a = extract_ok(
        "Marathon runners brave the wind along the harbour\n\n"
        "   Thousands of runners set off from the exhibition halls on Sunday morning, and the\n"
        "   wind off the river made the second half of the course hard for everyone.\n\n"
        "   The winner waves to the crowd at the finish line on Sunday. (Anna Berg/The\n"
        "   Associated Press)\n\n"
        "   The winner crossed the line after two hours and five minutes, running into a head\n"
        "   wind that gusted at times to more than 60 km (about 37 mi/h).\n");
    paras = a->lede != NULL;
    for (size_t k = 0; k < a->n_body; k++) {
        assert_null(strstr(a->body[k], "waves to the crowd"));
        paras++;
    }
    assert_int_equal(paras, 2);
    bt_article_free(a);
}

/* Datelines, captions and credits between an article's paragraphs are not the headlines of a
 * teaser list: counted as such, they cut the article's run by 3 and a notice above won. */
static void test_teaser_heads_not_captions(void **state)
{
    (void)state;
    char buf[8192];
    size_t o = (size_t)snprintf(buf, sizeof buf,
                                "Cookie notice\n\nWe use cookies to give you the most relevant "
                                "experience by remembering your preferences and repeat visits to "
                                "the site, and you can change this at any time in the settings, "
                                "which are linked from the foot of every page of this site and "
                                "in the app.\n\n");
    for (int k = 0; k < 30; k++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "### Topic number %d\n\n", k);
    snprintf(buf + o, sizeof buf - o,
             "# Ferry across the river to run again\n\n"
             "The council voted on Tuesday to reopen the ferry across the river, which closed in "
             "2019 after the last operator gave up.\n\n"
             "28.04.2023 | 17:52\n\n"
             "The old landing stage on the east bank. Photo: Anna Berg/AFP\n\n"
             "The service will run every half hour from six in the morning, and a crossing will "
             "cost as much as a bus ticket.\n\n"
             "Photo: Anna Berg/AFP\n\n"
             "Shopkeepers near the old landing said they expected more customers once the boats "
             "were running again.\n");
    bt_article *a = extract_ok(buf);
    assert_string_equal(a->title, "Ferry across the river to run again");
    assert_non_null(a->body);
    /* the first paragraph, above the dateline, is the standfirst (the lede) */
    assert_non_null(a->lede);
    assert_non_null(strstr(a->lede, "council voted"));
    assert_non_null(strstr(a->body[0], "every half hour"));
    bt_article_free(a);
}

/* With no headline above the body, a headline a few blocks into it that the page sets twice
 * is the headline, and the notice the run took above it is not the article. */
static void test_title_inside_run(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "* [Home](/)\n* [News](/news)\n* [Sport](/sport)\n\n"
        "   You are using an old browser that is no longer safe and no longer supported by its "
        "maker, so some parts of this site may not work.\n\n"
        "   Please use a modern browser such as one of those listed on the help page of this site "
        "instead.\n\n"
        "Politics\n\n"
        "Ferry across the river to run again after six years\n\n"
        "Ferry across the river to run again after six years\n\n"
        "   The council voted on Tuesday to reopen the ferry across the river, which closed in "
        "2019 after the last operator gave up, and residents had asked for it for years.\n\n"
        "   The service will run every half hour from six in the morning, and a crossing will "
        "cost as much as a bus ticket in the city centre, the council said.\n");
    assert_string_equal(a->title, "Ferry across the river to run again after six years");
    assert_int_equal(n_paras(a), 2);
    assert_non_null(strstr(para_at(a, 0), "council voted"));
    bt_article_free(a);
}

/* pandoc wraps raw HTML links with the prose around them: a line that opens with "<a ..."
 * goes on the paragraph above, and the paragraph goes on after the link. */
static void test_pandoc_wrapped_raw_link(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Council votes to reopen the old river ferry\n\n"
        "The council voted on Tuesday to reopen the ferry across the river, which\n"
        "closed in 2019 after the last operator gave up on the crossing near the\n"
        "<a href=\"/topics/east-bank/\"\n"
        "class=\"link text-inherit no-underline\">east bank</a> market. The ferry is\n"
        "more than forty years old and can carry two hundred people at a time on\n"
        "each of its crossings, the council said in a statement on Tuesday night.\n\n"
        "The service will run every half hour from six in the morning, and a\n"
        "single crossing will cost the same as a bus ticket in the city centre, so\n"
        "that people who live on the east bank can reach their jobs more easily.\n\n"
        "Shopkeepers near the old landing said they expected more customers once\n"
        "the boats were running again, especially on market days at the weekend,\n"
        "when the car parks on both sides of the river are full by nine o'clock.\n");
    assert_int_equal(n_paras(a), 3);
    assert_non_null(strstr(para_at(a, 0), "near the east bank market. The ferry is more than"));
    bt_article_free(a);
}

static void test_lynx_unwrap(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Tiêu đề một bài báo được lynx kết xuất ra văn bản\n\n"
        "   Đoạn văn đầu tiên của bài viết này dài hơn một dòng nên lynx đã bẻ nó\n"
        "   ra thành nhiều dòng, mỗi dòng thụt vào ba khoảng trắng như thường lệ,\n"
        "   và trình trích xuất phải nối chúng lại thành một đoạn văn duy nhất.\n\n"
        "   Đoạn thứ hai cũng vậy: các dòng được bẻ ở gần cột thứ bảy mươi sáu\n"
        "   - kể cả khi dòng sau bắt đầu bằng một gạch ngang hay một con số như\n"
        "   2021. Đó vẫn là phần tiếp theo của câu chứ không phải mục danh sách.\n");
    assert_int_equal(a->n_body, 2);
    assert_non_null(strstr(a->body[0], "bẻ nó ra thành"));
    assert_non_null(strstr(a->body[1], "như 2021. Đó"));
    bt_article_free(a);
    /* a heading set right below a paragraph's last full line is no continuation of it */
    a = extract_ok(
        "Tiêu đề một bài báo khác được lynx kết xuất ra văn bản\n\n"
        "   Đoạn văn đầu tiên của bài viết này dài hơn một dòng nên lynx đã bẻ nó\n"
        "   ra thành nhiều dòng, mỗi dòng thụt vào ba khoảng trắng như thường lệ,\n"
        "   và trình trích xuất phải nối chúng lại thành một đoạn văn duy nhất.\n\n"
        "   Đoạn cuối của bài kể thêm rằng công trình sẽ khởi công vào quý sau,\n"
        "   theo kế hoạch mà thành phố vừa công bố với người dân trong tuần này.\n"
        "   Tin liên quan\n"
        "     * Thành phố công bố kế hoạch chỉnh trang bờ sông\n"
        "     * Người dân góp ý phương án làm đường đi bộ\n");
    assert_int_equal(a->n_body, 2);
    assert_non_null(strstr(a->body[1], "trong tuần này."));
    assert_null(strstr(a->body[1], "Tin liên quan"));
    assert_int_equal(a->n_related, 2);
    bt_article_free(a);
    /* lynx prints the headline and its deck alike at the margin: the upper one is the title */
    a = extract_ok(
        "Coach says he was wrong to take the cup to the former president\n\n"
        "At the time the coach handed a replica of the trophy to the politician\n\n"
        "   After turning down a meeting with the president-elect, the coach said on\n"
        "   Thursday that he had made a mistake six years ago when he went along.\n\n"
        "   The club's delegation visited the institute to show the original cup,\n"
        "   and the coach gave a replica of it to the former president as a gift.\n\n"
        "   He said that he would not take part in any such event again this year.\n");
    assert_string_equal(a->title, "Coach says he was wrong to take the cup to the former president");
    bt_article_free(a);
}

/* ---- odd inputs ---------------------------------------------------------------------------- */

static void test_empty_and_furniture_only(void **state)
{
    (void)state;
    bt_article *a = NULL;
    assert_int_equal(extract_str("", 0, NULL, &a), BT_ENOARTICLE);
    assert_null(a);
    assert_int_equal(extract_str("\n\n  \n", 4, NULL, &a), BT_ENOARTICLE);
    const char *furn = "Trang chủ\naa\nChia sẻ\nXin chờ trong giây lát...\nĐọc nhiều\n"
                       "Phiên bản di động\n© 2021 Báo Mẫu\n";
    assert_int_equal(extract_str(furn, strlen(furn), NULL, &a), BT_ENOARTICLE);
    assert_null(a);
}

static void test_binary_and_invalid_utf8(void **state)
{
    (void)state;
    bt_article *a = NULL;
    static const char bin[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
    assert_int_equal(extract_str(bin, sizeof bin - 1, NULL, &a), BT_EPARSE);
    assert_null(a);
    /* invalid bytes are replaced, the article is still found */
    const char *txt = "Tiêu đề có một byte hỏng \xff ở giữa dòng này\n"
                      "Đoạn văn đầu tiên của bài có byte hỏng \xc3\x28 nhưng vẫn là nội dung đọc được.\n"
                      "Đoạn văn thứ hai hoàn toàn bình thường và kết thúc bằng một dấu chấm.\n";
    assert_int_equal(extract_str(txt, strlen(txt), NULL, &a), 0);
    assert_non_null(a);
    assert_int_equal(a->n_body, 2);
    size_t bad;
    assert_true(bt_utf8_valid(a->title, strlen(a->title), &bad));
    assert_true(bt_utf8_valid(a->body[0], strlen(a->body[0]), &bad));
    bt_article_free(a);
}

static void test_50mb_capture(void **state)
{
    (void)state;
    const char *para = "Đoạn văn thử nghiệm số nhiều của một bản lưu rất lớn, đủ dài để là "
                       "văn xuôi và kết thúc bằng một dấu chấm.\n";
    size_t pl = strlen(para), want = 50u << 20;
    char *big = malloc(want + 256);
    assert_non_null(big);
    size_t n = (size_t)sprintf(big, "Tiêu đề của một bản lưu năm mươi megabyte\n");
    while (n + pl < want) {
        memcpy(big + n, para, pl);
        n += pl;
    }
    bt_article *a = NULL;
    int rc = extract_str(big, n, NULL, &a);
    free(big);
    assert_int_equal(rc, 0);
    assert_string_equal(a->title, "Tiêu đề của một bản lưu năm mươi megabyte");
    /* repeated lines collapse: the same paragraph in a row is kept once */
    assert_int_equal(a->n_body, 1);
    bt_article_free(a);
}

/* ---- site model ---------------------------------------------------------------------------- */

static char *page(int k)
{
    char *p = malloc(2048);
    snprintf(p, 2048,
             "Chuyên mục Kinh tế Xã hội Thế giới\n"
             "Đường dây nóng của tòa soạn luôn sẵn sàng tiếp nhận thông tin từ bạn đọc.\n"
             "Tiêu đề riêng của trang số %d trong cùng một trang báo\n"
             "Đoạn văn đầu tiên của trang %d kể một câu chuyện riêng, khác với các trang còn lại.\n"
             "Đoạn văn thứ hai của trang %d tiếp tục câu chuyện đó với những chi tiết mới.\n"
             "Giấy phép hoạt động báo chí điện tử do cơ quan quản lý cấp cho tòa soạn năm nay.\n",
             k, k, k);
    return p;
}

static void test_site_model(void **state)
{
    (void)state;
    bt_site_model *m = bt_site_model_new();
    assert_non_null(m);
    bt_error err;
    for (int k = 0; k < 4; k++) {
        char *p = page(k);
        bt_capture cap = {p, strlen(p), NULL, NULL, "p.txt", NULL, BT_KIND_TEXT, NULL};
        assert_int_equal(bt_site_model_learn(m, &cap, &err), 0);
        assert_int_equal(bt_site_model_learn(m, &cap, &err), 0); /* same page again */
        free(p);
    }
    assert_int_equal(bt_site_model_pages(m), 4);
    char *path = test_write_temp("", 0, ".model");
    assert_int_equal(bt_site_model_save(m, path, &err), 0);
    bt_site_model *m2 = NULL;
    assert_int_equal(bt_site_model_load(path, &m2, &err), 0);
    bt_extract_opts opts = BT_EXTRACT_OPTS_INIT;
    opts.site = m2;
    char *p = page(9);
    bt_article *with = NULL, *without = NULL;
    assert_int_equal(extract_str(p, strlen(p), &opts, &with), 0);
    assert_int_equal(extract_str(p, strlen(p), NULL, &without), 0);
    free(p);
    /* the recurring hotline and licence lines are the site's furniture */
    assert_int_equal(with->n_body, 2);
    assert_true(without->n_body > with->n_body);
    bt_article_free(with);
    bt_article_free(without);
    bt_site_model_free(m);
    bt_site_model_free(m2);
    FILE *f = fopen(path, "w");
    fputs("not a model\n", f);
    fclose(f);
    assert_int_equal(bt_site_model_load(path, &m2, &err), BT_EPARSE);
    assert_non_null(strstr(err.msg, path));
    unlink(path);
    free(path);
}

/* ---- threads -------------------------------------------------------------------------------- */

typedef struct job {
    char *data[5];
    size_t len[5];
    char *json[5];
    int ok;
} job;

static void *run_job(void *arg)
{
    job *j = arg;
    j->ok = 1;
    for (int r = 0; r < 20; r++)
        for (int i = 0; i < 5; i++) {
            bt_article *a = NULL;
            if (extract_str(j->data[i], j->len[i], NULL, &a)) {
                j->ok = 0;
                continue;
            }
            bt_error err;
            char *js;
            bt_article_to_json(a, 0, &js, &err);
            if (!js || strcmp(js, j->json[i]))
                j->ok = 0;
            free(js);
            bt_article_free(a);
        }
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    static const char *const seeds[5] = {"000_a1b42b8583162e2a.txt", "001_a647aba9ab064e6b.txt",
                                         "002_e1fb56d0716d9884.txt", "003_4ce85a08e201a52f.txt",
                                         "004_5efe0ac11da8b051.txt"};
    job jobs[4];
    char path[4096];
    for (int i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/seeds/%s", test_shared_dir(), seeds[i]);
        jobs[0].data[i] = test_read_file(path, &jobs[0].len[i]);
        if (!jobs[0].data[i])
            skip();
        bt_article *a = NULL;
        assert_int_equal(extract_str(jobs[0].data[i], jobs[0].len[i], NULL, &a), 0);
        bt_error err;
        assert_int_equal(bt_article_to_json(a, 0, &jobs[0].json[i], &err), 0);
        bt_article_free(a);
    }
    for (int t = 1; t < 4; t++)
        jobs[t] = jobs[0];
    pthread_t th[4];
    for (int t = 0; t < 4; t++)
        assert_int_equal(pthread_create(&th[t], NULL, run_job, &jobs[t]), 0);
    for (int t = 0; t < 4; t++) {
        pthread_join(th[t], NULL);
        assert_true(jobs[t].ok);
    }
    for (int i = 0; i < 5; i++) {
        free(jobs[0].data[i]);
        free(jobs[0].json[i]);
    }
}

/* Random bytes without NULs are no article (they once gave one with a control-character
 * title): a text capture needs a share of letters and of plausible words. */
static void test_random_bytes_no_article(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *buf = malloc(n);
    assert_non_null(buf);
    unsigned long long x = 0x9E3779B97F4A7C15ull;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        buf[i] = (char)((x & 0xff) ? (x & 0xff) : 1);
    }
    bt_article *a = NULL;
    bt_capture cap;
    memset(&cap, 0, sizeof cap);
    cap.data = buf;
    cap.len = n;
    cap.origin = "random.txt";
    bt_error err;
    assert_int_equal(bt_extract(&cap, NULL, &a, &err), BT_ENOARTICLE);
    assert_null(a);
    assert_non_null(strstr(err.msg, "random.txt"));
    assert_non_null(strstr(err.msg, "not text"));
    /* printable ASCII noise: letters enough, but no words */
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)(33 + (unsigned char)buf[i] % 94);
    assert_int_equal(bt_extract(&cap, NULL, &a, &err), BT_ENOARTICLE);
    free(buf);
    /* a short real text still is one */
    bt_article *b = extract_ok("Giá lúa gạo tăng\n\nGiá lúa gạo xuất khẩu tăng cao nhất trong ba năm "
                               "qua, theo Hiệp hội Lương thực Việt Nam.\n");
    bt_article_free(b);
}

/* A text capture's language from its body (lang.c): French â/ê/ô are no Vietnamese, and
 * Norwegian is told from Danish by the words each has alone */
static void test_text_capture_language(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "La gare sera rénovée\n\n"
        "La ville a présenté lundi les nouveaux plans pour la gare, qui doit être rénovée dans "
        "les prochaines années. Le coût n'est pas encore connu, mais le projet est déjà en "
        "cours d'étude.\n\n"
        "Selon la mairie, les travaux vont aussi améliorer les pistes pour les cyclistes, et les "
        "habitants pourront donner leur avis sur le projet en automne, même si la date n'est "
        "pas fixée.\n");
    assert_string_equal(a->lang, "fr");
    bt_article_free(a);
    a = extract_ok(
        "Stasjonen skal bygges om\n\n"
        "Byen la mandag fram nye planer for stasjonen, som skal bygges om i de neste årene. Det "
        "er ikke kjent hva det vil koste, og det ble ikke sagt noe om når arbeidet starter.\n\n"
        "Etter det kommunen sier, vil arbeidet også gi bedre veier for syklister, og "
        "innbyggerne kan si sin mening om det til høsten.\n");
    assert_string_equal(a->lang, "no");
    bt_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_bytes_no_article),
        cmocka_unit_test(test_dateline_formats),
        cmocka_unit_test(test_dateline_rejects),
        cmocka_unit_test(test_dateline_in_capture),
        cmocka_unit_test(test_credits),
        cmocka_unit_test(test_source_prefix),
        cmocka_unit_test(test_bylines),
        cmocka_unit_test(test_doubled_lines_and_end_mark),
        cmocka_unit_test(test_rendered_captions),
        cmocka_unit_test(test_lynx_alt_text),
        cmocka_unit_test(test_related_and_furniture),
        cmocka_unit_test(test_html2text_block_links),
        cmocka_unit_test(test_block_link_card_ends),
        cmocka_unit_test(test_html2text_glued_card),
        cmocka_unit_test(test_html2text_card_list),
        cmocka_unit_test(test_header_button),
        cmocka_unit_test(test_html2text_copyright_captions),
        cmocka_unit_test(test_listicle_items),
        cmocka_unit_test(test_introduced_list),
        cmocka_unit_test(test_answered_questions),
        cmocka_unit_test(test_long_paragraphs_guide),
        cmocka_unit_test(test_most_read_box_inside),
        cmocka_unit_test(test_story_box_inside),
        cmocka_unit_test(test_story_box_prose_cards),
        cmocka_unit_test(test_embedded_post),
        cmocka_unit_test(test_consent_box),
        cmocka_unit_test(test_initials_signoff),
        cmocka_unit_test(test_slash_credit_tail),
        cmocka_unit_test(test_bracket_credit_tail),
        cmocka_unit_test(test_copyright_word_credit),
        cmocka_unit_test(test_empty_link_lead),
        cmocka_unit_test(test_bracketed_credit_line),
        cmocka_unit_test(test_ending_heading),
        cmocka_unit_test(test_caption_label),
        cmocka_unit_test(test_link_list_heading),
        cmocka_unit_test(test_glued_row),
        cmocka_unit_test(test_named_credit_tail),
        cmocka_unit_test(test_link_row),
        cmocka_unit_test(test_slash_credit_pair),
        cmocka_unit_test(test_slash_credit_line),
        cmocka_unit_test(test_foto_credit),
        cmocka_unit_test(test_markdown_capture),
        cmocka_unit_test(test_lynx_unwrap),
        cmocka_unit_test(test_pandoc_raw_html),
        cmocka_unit_test(test_pandoc_markup_prelude),
        cmocka_unit_test(test_cjk_paragraphs),
        cmocka_unit_test(test_lynx_wrapped_cjk),
        cmocka_unit_test(test_promo_box_inside_article),
        cmocka_unit_test(test_lone_paragraph_far_below),
        cmocka_unit_test(test_menu_parts_notice),
        cmocka_unit_test(test_promo_box_lines),
        cmocka_unit_test(test_lexicon_byline),
        cmocka_unit_test(test_dateline_zone_by_language),
        cmocka_unit_test(test_kicker_twin),
        cmocka_unit_test(test_author_bio_ends_body),
        cmocka_unit_test(test_raw_kicker_span),
        cmocka_unit_test(test_sapo_above_meta_rows),
        cmocka_unit_test(test_mojibake_repair),
        cmocka_unit_test(test_unfold_letters),
        cmocka_unit_test(test_drop_cap),
        cmocka_unit_test(test_link_row_separators),
        cmocka_unit_test(test_box_card_then_resume),
        cmocka_unit_test(test_headlines_after_run),
        cmocka_unit_test(test_byline_line_not_title),
        cmocka_unit_test(test_counted_comments),
        cmocka_unit_test(test_table_rows_not_prose),
        cmocka_unit_test(test_repeated_label),
        cmocka_unit_test(test_repeated_sentences),
        cmocka_unit_test(test_repeated_box_lines),
        cmocka_unit_test(test_page_lead_in),
        cmocka_unit_test(test_next_headline),
        cmocka_unit_test(test_inline_box_heading),
        cmocka_unit_test(test_paywall_notice),
        cmocka_unit_test(test_copyright_caption),
        cmocka_unit_test(test_cut_teasers),
        cmocka_unit_test(test_link_line_list_run),
        cmocka_unit_test(test_link_line_list_run_share),
        cmocka_unit_test(test_cjk_enumeration_lines),
        cmocka_unit_test(test_teaser_heads_not_captions),
        cmocka_unit_test(test_title_inside_run),
        cmocka_unit_test(test_pandoc_wrapped_raw_link),
        cmocka_unit_test(test_empty_and_furniture_only),
        cmocka_unit_test(test_binary_and_invalid_utf8),
        cmocka_unit_test(test_50mb_capture),
        cmocka_unit_test(test_site_model),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_text_capture_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
