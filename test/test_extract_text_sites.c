/* test_extract_text_sites.c: the text extractor's rules for page layouts met across news
 * sites (the multi-site dev set): a related box inside the body, comment boxes, prefixed
 * sapos, bylines on their own line, copyright lines as the source. Each test is a small
 * capture written here. */
#include "support.h"

#include "bantin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bt_article *extract_ok(const char *text)
{
    return test_extract(text, "test.txt");
}

static int has_para(const bt_article *a, const char *prefix)
{
    for (size_t i = 0; i < a->n_body; i++)
        if (!strncmp(a->body[i], prefix, strlen(prefix)))
            return 1;
    return 0;
}

/* A "Tin liên quan" box between two paragraphs: the article goes on after it. */
static void test_related_box_mid_body(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Nông dân trúng mùa lúa thơm nhưng lo đầu ra\n\n"
        "Sáng 3/7, trên cánh đồng của xã, máy gặt đập liên hợp chạy liên tục từ sớm để kịp thu hoạch.\n\n"
        "Theo ngành nông nghiệp, toàn tỉnh xuống giống hơn 140.000 ha lúa, phần lớn là giống lúa thơm.\n\n"
        "Tin liên quan\n\n"
        "  * Giá lúa gạo tăng, nông dân miền Tây phấn khởi\n"
        "  * Tỉnh xây dựng vùng nguyên liệu lúa thơm 100.000 ha\n\n"
        "Một số doanh nghiệp cho biết giá thu mua giảm do đơn hàng xuất khẩu chậm lại trong quý II.\n\n"
        "Ngành nông nghiệp khuyến cáo nông dân không nên ồ ạt bán lúa tươi cùng lúc trong vụ này.\n\n"
        "Bình luận (8) Tin mới nhất Quan tâm nhất\n\n"
        "Năm nào cũng điệp khúc được mùa mất giá, mong có hợp đồng bao tiêu cho bà con nông dân.\n");
    assert_int_equal(a->n_body, 3); /* and the sapo */
    assert_true(has_para(a, "Một số doanh nghiệp"));
    assert_true(has_para(a, "Ngành nông nghiệp"));
    assert_false(has_para(a, "Năm nào cũng")); /* a reader's comment */
    assert_int_equal(a->n_related, 2);
    assert_string_equal(a->related[1].title, "Tỉnh xây dựng vùng nguyên liệu lúa thơm 100.000 ha");
    bt_article_free(a);
}

/* A related box after the byline is past the article's end: the teasers under it (a title, its
 * summary, a title...) are not the article. */
static void test_related_box_after_byline(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Giá gạo xuất khẩu tăng mạnh trong tháng Tám\n\n"
        "Giá gạo xuất khẩu của Việt Nam tăng mạnh trong những tuần gần đây nhờ nhu cầu lớn.\n\n"
        "Các doanh nghiệp cho biết đơn hàng từ châu Á và châu Phi tăng gần gấp đôi so với cùng kỳ.\n\n"
        "Hà Linh (TH)\n\n"
        "Tin bài liên quan\n\n"
        "Xuất khẩu nông sản tăng mạnh bảy tháng\n\n"
        "Xuất khẩu nông sản tăng mạnh trong bảy tháng đầu năm, đạt hơn 30 tỷ USD theo số liệu mới.\n\n"
        "Giá phân bón giảm sâu sau nhiều tháng\n\n"
        "Giá phân bón trong nước giảm sâu sau nhiều tháng neo ở mức cao, nông dân phấn khởi.\n");
    assert_int_equal(a->n_body, 2);
    assert_int_equal(a->n_authors, 1);
    assert_string_equal(a->authors[0], "Hà Linh");
    bt_article_free(a);
}

/* The footer's copyright line names the site; a lede prefix that abbreviates it gives way. */
static void test_copyright_source(void **state)
{
    (void)state;
    static const char body[] =
        "# Công nhân được hỗ trợ tiền thuê nhà trong ba tháng\n\n"
        "%s - Hơn 12.000 công nhân ở các khu chế xuất sẽ được hỗ trợ tiền thuê nhà trong 3 tháng.\n\n"
        "Đối tượng được hỗ trợ là người lao động có hợp đồng từ 1 tháng trở lên, đang ở trọ.\n\n"
        "Danh sách do công đoàn cơ sở lập, có xác nhận của chủ nhà trọ, gửi về trước cuối tháng.\n\n"
        "%s\n";
    static const char *const cases[][3] = {
        {"(NLĐO)", "© Bản quyền thuộc về Báo Người Lao Động. Không được sao chép.", "Người Lao Động"},
        {"TTO", "© Copyright 2023 TuoiTre Online, All rights reserved. ® Tuổi Trẻ Online giữ bản quyền nội dung trên website này.", "Tuổi Trẻ Online"},
        {"VOV.VN", "Bản quyền thuộc về Báo điện tử VOV - Đài Tiếng nói Việt Nam.", "VOV.VN"},
        {"Hà Nội", "© 1997-2021. Toàn bộ bản quyền thuộc VnExpress.", "VnExpress"},
        {"Hà Nội", "(C) 2024 The Mekong Observer. All rights reserved.", "The Mekong Observer"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char buf[2048];
        snprintf(buf, sizeof buf, body, cases[k][0], cases[k][1]);
        bt_article *a = extract_ok(buf);
        assert_non_null(a->source);
        assert_string_equal(a->source, cases[k][2]);
        bt_article_free(a);
    }
}

/* Rows of share buttons are furniture, not subheadings of the body. */
static void test_share_rows(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Đà Nẵng mở lại tuyến đi bộ ven sông Hàn sau hai năm cải tạo\n\n"
        "Chia sẻ Facebook Zalo Sao chép liên kết\n\n"
        "Công trình do ban quản lý dự án làm chủ đầu tư, tổng vốn khoảng 90 tỉ đồng từ ngân sách.\n\n"
        "Facebook Twitter In Bình luận\n\n"
        "Người dân tản bộ trong tối mở cửa lại tuyến đường, nhiều gia đình đưa trẻ nhỏ đi dạo.\n");
    assert_int_equal(a->n_body, 2);
    bt_article_free(a);
}

/* Under the headline: a byline before share buttons, then the sapo with its source prefix. */
static void test_sapo_after_byline(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Nông dân Sóc Trăng trúng mùa lúa thơm nhưng lo đầu ra\n\n"
        "03/07/2023 11:05 GMT+7\n\n"
        "Trần Ngọc Chia sẻ Zalo In bài\n\n"
        "## TTO - Vụ hè thu năm nay, nhiều cánh đồng lúa thơm cho năng suất trên 6 tấn/ha.\n\n"
        "Sáng 3/7, trên cánh đồng của xã, máy gặt đập liên hợp chạy liên tục từ sớm để kịp thu hoạch.\n\n"
        "Theo ngành nông nghiệp, toàn tỉnh xuống giống hơn 140.000 ha lúa, phần lớn là giống lúa thơm.\n");
    assert_non_null(a->lede);
    assert_string_equal(a->lede, "Vụ hè thu năm nay, nhiều cánh đồng lúa thơm cho năng suất trên 6 tấn/ha.");
    assert_string_equal(a->source, "TTO");
    assert_int_equal(a->n_authors, 1);
    assert_string_equal(a->authors[0], "Trần Ngọc");
    assert_int_equal(a->n_body, 2);
    bt_article_free(a);
}

/* An unmarked first paragraph under a Vietnamese headline is the sapo; after the lead photo it
 * is the body's first paragraph. */
static void test_unmarked_sapo(void **state)
{
    (void)state;
    static const char *const text =
        "# Hà Nội thử nghiệm làn riêng cho xe buýt trên trục Nguyễn Trãi\n\n"
        "%s"
        "Từ 1/9, xe buýt chạy trên đoạn Ngã Tư Sở - Hà Đông sẽ có làn riêng sát dải phân cách giữa.\n\n"
        "Sở Giao thông Vận tải cho biết đã hoàn tất phương án tổ chức làn ưu tiên dài khoảng 5 km.\n\n"
        "Theo ông Trần Quang Vinh, đây là tuyến có lưu lượng hành khách xe buýt lớn nhất thành phố.\n";
    char buf[2048];
    snprintf(buf, sizeof buf, text, "");
    bt_article *a = extract_ok(buf);
    assert_non_null(a->lede);
    assert_int_equal(a->n_body, 2);
    bt_article_free(a);
    snprintf(buf, sizeof buf, text, "![Làn xe buýt](https://example.com/a.jpg)\n\n");
    a = extract_ok(buf);
    assert_null(a->lede);
    assert_int_equal(a->n_body, 3);
    bt_article_free(a);
}

/* A related block stops at tags, post navigation and comments; "Có thể bạn quan tâm" is a
 * site-wide list; a list's items stay apart in hard-wrapped captures. */
static void test_related_block_ends(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Vĩnh Long: Làng gốm Mang Thít đón khách trở lại dịp cuối năm\n\n"
        "Những ngày này, dọc tuyến đường ven kênh, các lò gốm đỏ rực đón khách tham quan từ sớm.\n\n"
        "Nhiều đoàn khách từ TP HCM và các tỉnh lân cận tìm về làng gốm để chụp ảnh cuối năm.\n\n"
        "Chính quyền huyện cho biết sẽ đầu tư thêm bến thuyền và điểm dừng chân cho du khách.\n\n"
        "### Bài viết liên quan\n\n"
        "#### Vĩnh Long đón hơn 1,5 triệu lượt khách du lịch\n\n"
        "20/11/2023\n\n"
        "Trong \"Du lịch\"\n\n"
        "#### Giữ nghề gốm đỏ bên dòng Cổ Chiên\n\n"
        "Chuyên mục: Du lịch Thẻ: gốm đỏ, Mang Thít\n\n"
        "Bài trước Nông dân Trà Ôn trúng mùa khoai lang\n\n"
        "## Có thể bạn quan tâm\n\n"
        "Đội tuyển Việt Nam chốt danh sách dự vòng loại World Cup\n");
    assert_int_equal(a->n_related, 2);
    assert_string_equal(a->related[0].title, "Vĩnh Long đón hơn 1,5 triệu lượt khách du lịch");
    assert_string_equal(a->related[1].title, "Giữ nghề gốm đỏ bên dòng Cổ Chiên");
    bt_article_free(a);
}

/* Bylines: before a date, with a desk ("/VOV.VN"), in bold without diacritics, "By X date". */
static void test_bylines_in_place(void **state)
{
    (void)state;
    static const char *const paras =
        "Đoạn một của bài viết này khá dài để được tính là nội dung chính của trang, có nhiều chữ.\n\n"
        "Đoạn hai của bài viết này cũng khá dài để được tính là nội dung chính, cũng nhiều chữ.\n\n"
        "Đoạn ba của bài viết này cũng khá dài để được tính là nội dung chính, cũng nhiều chữ.\n\n";
    static const char *const cases[][3] = {
        {"Kim Kha 16/11/2023 18:40\n\n", "", "Kim Kha"},
        {"", "**Minh Hòa/VOV.VN (Theo Reuters)**\n\nTừ khóa: Indonesia\n", "Minh Hòa"},
        {"", "**Thu Trang**\n\nIn bài | Gửi bài\n", "Thu Trang"},
        {"Đăng bởi Phương Thảo 09/12/2023 1.284 lượt xem\n\n", "", "Phương Thảo"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char buf[2048];
        snprintf(buf, sizeof buf, "# Tiêu đề của bài viết về giải ngân vốn đầu tư công\n\n%s%s%s",
                 cases[k][0], paras, cases[k][1]);
        bt_article *a = extract_ok(buf);
        assert_int_equal(a->n_authors, 1);
        assert_string_equal(a->authors[0], cases[k][2]);
        for (size_t i = 0; i < a->n_body; i++)
            assert_null(strstr(a->body[i], cases[k][2]));
        bt_article_free(a);
    }
}

/* An inline related card in the body: the linked title and its one-line summary. */
static void test_related_card(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Nhật Bản phát hiện loài cá mới ở độ sâu 8.000 m\n\n"
        "Nhóm nghiên cứu cho biết họ đã thả một thiết bị ghi hình không người lái xuống rãnh sâu.\n\n"
        "[Những sinh vật kỳ lạ sống dưới đáy đại dương](https://example.vn/sinh-vat-ky-la.html)\n\n"
        "Từ cá rồng đến mực ma cà rồng, nhiều loài sinh vật biển sâu khiến con người kinh ngạc.\n\n"
        "Cá ốc là nhóm cá thích nghi đặc biệt với môi trường áp suất cao. Cơ thể chúng gần như trong suốt.\n\n"
        "Các nhà khoa học cho rằng những phát hiện như vậy giúp hiểu rõ hơn về giới hạn sống của cá.\n");
    assert_int_equal(a->n_related, 1);
    assert_string_equal(a->related[0].url, "https://example.vn/sinh-vat-ky-la.html");
    for (size_t i = 0; i < a->n_body; i++)
        assert_null(strstr(a->body[i], "cá rồng"));
    bt_article_free(a);
}

/* "Caption - Ảnh: X": the dash that joined caption and credit goes with the credit. */
static void test_caption_dash(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Nông dân Sóc Trăng trúng mùa lúa thơm nhưng lo đầu ra\n\n"
        "![](https://example.vn/lua.jpg)\n\n"
        "<figcaption>Nông dân thu hoạch lúa vụ hè thu - Ảnh: TRẦN NGỌC</figcaption>\n\n"
        "Sáng 3/7, trên cánh đồng của xã, máy gặt đập liên hợp chạy liên tục từ sớm để kịp thu hoạch.\n\n"
        "Theo ngành nông nghiệp, toàn tỉnh xuống giống hơn 140.000 ha lúa, phần lớn là giống lúa thơm.\n");
    assert_int_equal(a->n_images, 1);
    assert_string_equal(a->images[0].caption, "Nông dân thu hoạch lúa vụ hè thu");
    assert_string_equal(a->images[0].credit, "TRẦN NGỌC");
    bt_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_related_box_mid_body),
        cmocka_unit_test(test_related_box_after_byline),
        cmocka_unit_test(test_copyright_source),
        cmocka_unit_test(test_share_rows),
        cmocka_unit_test(test_sapo_after_byline),
        cmocka_unit_test(test_unmarked_sapo),
        cmocka_unit_test(test_related_block_ends),
        cmocka_unit_test(test_bylines_in_place),
        cmocka_unit_test(test_related_card),
        cmocka_unit_test(test_caption_dash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
