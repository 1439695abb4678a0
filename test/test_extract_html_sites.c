/* test_extract_html_sites.c: rules learned from news templates of many sites (the multi-site
 * dev set in test/data/multisite): sapo beside the headline, visible datelines, bylines,
 * inline related cards, source names. Each page here is small and written for the test. */
#include "support.h"

#include "bantin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bt_article *extract_ok(const char *html)
{
    bt_capture cap = {0};
    cap.data = html;
    cap.len = strlen(html);
    cap.origin = "test.html";
    cap.kind = BT_KIND_HTML;
    bt_article *a = NULL;
    bt_error err;
    int rc = bt_extract(&cap, NULL, &a, &err);
    if (rc)
        fail_msg("extract failed: %s", err.msg);
    return a;
}

#define BODY                                                                                       \
    "<p>Người dân ở các tỉnh miền Trung đã được sơ tán khỏi vùng trũng trước khi cơn bão đổ bộ, " \
    "theo thông báo của ban chỉ đạo phòng chống thiên tai tỉnh.</p>"                              \
    "<p>Lực lượng cứu hộ đã sẵn sàng ở nhiều điểm xung yếu, với hàng trăm xuồng máy, xe tải và " \
    "nhu yếu phẩm được chuẩn bị từ trước, chính quyền địa phương cho biết hôm qua.</p>"          \
    "<p>Các trường học trong vùng ảnh hưởng cho học sinh nghỉ hai ngày, các chuyến bay đến sân " \
    "bay trong khu vực bị hoãn cho tới khi thời tiết trở lại bình thường, theo cơ quan chức năng.</p>"

#define SAPO "Hơn 5.000 hộ dân ven biển được đưa tới nơi an toàn trước khi bão số 4 vào bờ chiều nay."
#define TITLE "Sơ tán hơn 5.000 hộ dân trước bão số 4"

/* the sapo is a sibling of the body's wrapper, beside the headline (Tuổi Trẻ, Thanh Niên),
 * or inside a wrapper chosen as the container after a dateline (VnExpress) */
static void test_sapo_beside_headline(void **state)
{
    (void)state;
    static const char *const pages[] = {
        "<html><body><div class=\"detail-container\"><div class=\"detail-top\"><div "
        "class=\"detail-time\">03/07/2023 11:05 GMT+7</div></div><h1 class=\"detail-title\">" TITLE
        "</h1><h2 class=\"detail-sapo\">TTO - " SAPO "</h2><div class=\"detail-cmain\"><div "
        "class=\"detail-content\">" BODY "</div></div></div></body></html>",
        "<html><body><div class=\"wrap\"><div class=\"head\"><span class=\"date\">Thứ bảy, "
        "14/8/2021, 18:19 (GMT+7)</span></div><h1>" TITLE "</h1><p class=\"description\">" SAPO
        "</p><article class=\"fck_detail\">" BODY "</article></div></body></html>",
        "<html><body><div class=\"main\"><h1>" TITLE "</h1><div class=\"chappeau\"><p>" SAPO
        "</p></div><div class=\"x\"><div class=\"art-body\">" BODY "</div></div></div></body></html>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        bt_article *a = extract_ok(pages[i]);
        assert_non_null(a->lede);
        assert_string_equal(a->lede, SAPO);
        assert_false(test_body_has(a, "Hơn 5.000 hộ dân"));
        assert_true(test_body_has(a, "Lực lượng cứu hộ"));
        bt_article_free(a);
    }
    /* a site tagline marked "description" before the headline is not the sapo */
    bt_article *a = extract_ok(
        "<html><body><div class=\"site\"><header><p class=\"site-description\">News from the "
        "delta, in English, every day of the week</p></header><div class=\"page\"><h1>" TITLE
        "</h1><div class=\"c\"><div class=\"entry-content\">" BODY
        "</div></div></div></div></body></html>");
    assert_null(a->lede);
    bt_article_free(a);
}

/* an abbreviated mark before the sapo gives way to the name the site gives itself */
static void test_source_name_over_mark(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "<html lang=\"vi\"><head><meta property=\"og:site_name\" content=\"Người Lao Động\">"
        "</head><body><article><h1>" TITLE "</h1><h2 class=\"sapo\">(NLĐO) - " SAPO
        "</h2><div class=\"content\">" BODY "</div></article></body></html>");
    assert_string_equal(a->source, "Người Lao Động");
    assert_string_equal(a->lede, SAPO);
    bt_article_free(a);
    /* the mark spelling the site's name keeps its own spelling; a generic "Báo" is dropped */
    a = extract_ok("<html lang=\"vi\"><head><meta property=\"og:site_name\" content=\"Báo "
                   "điện tử Dân Trí\"></head><body><article><h1>" TITLE "</h1><div "
                   "class=\"content\"><p>(Dân trí) - " SAPO "</p>" BODY "</div></article></body></html>");
    assert_string_equal(a->source, "Dân trí");
    bt_article_free(a);
    a = extract_ok("<html lang=\"vi\"><head><meta property=\"og:site_name\" content=\"Báo Lao "
                   "Động\"></head><body><article><h1>" TITLE "</h1><div class=\"content\">" BODY
                   "</div></article></body></html>");
    assert_string_equal(a->source, "Lao Động");
    bt_article_free(a);
}

/* no date in the markup: the visible dateline of a date-classed element, not a comment's */
static void test_visible_dateline(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "<html lang=\"vi\"><body><div class=\"comments\"><span class=\"comment-date\">01/01/2020 "
        "08:00</span></div><div class=\"article\"><h1>" TITLE "</h1><div class=\"detail-time\">"
        "Thứ Hai, 12/09/2022 15:40 (GMT+7)</div><div class=\"content\">" BODY
        "</div></div></body></html>");
    assert_string_equal(a->published, "2022-09-12T15:40:00+07:00");
    bt_article_free(a);
    /* a related list's bare dates are not the article's */
    a = extract_ok("<html lang=\"vi\"><body><div class=\"article\"><h1>" TITLE
                   "</h1><div class=\"content\">" BODY "</div><ul class=\"list\"><li><span "
                   "class=\"date\">20/11/2023</span></li></ul></div></body></html>");
    assert_null(a->published);
    bt_article_free(a);
}

/* bylines outside the container, with an agency, in a WordPress meta line */
static void test_bylines(void **state)
{
    (void)state;
    /* Thanh Niên: div.author-info a.name beside the headline, two levels above the body */
    bt_article *a = extract_ok(
        "<html lang=\"vi\"><body><div class=\"detail\"><h1>" TITLE "</h1><div "
        "class=\"detail-author\"><div class=\"author-info\"><a class=\"name\" href=\"/tg\">Hoàng "
        "Sơn</a></div></div><div class=\"cmain\"><div class=\"detail-content\">" BODY
        "</div></div></div></body></html>");
    assert_int_equal(a->n_authors, 1);
    assert_string_equal(a->authors[0], "Hoàng Sơn");
    bt_article_free(a);
    /* the closing signature with its agency: the name only, and out of the text */
    a = extract_ok("<html lang=\"vi\"><body><article><h1>" TITLE "</h1><div class=\"content\">" BODY
                   "<p style=\"text-align:right\"><strong>Minh Tâm (TTXVN/Vietnam+)</strong></p>"
                   "</div></article></body></html>");
    assert_int_equal(a->n_authors, 1);
    assert_string_equal(a->authors[0], "Minh Tâm");
    assert_false(test_body_has(a, "TTXVN"));
    bt_article_free(a);
    a = extract_ok("<html lang=\"vi\"><body><article><h1>" TITLE "</h1><div class=\"content\">" BODY
                   "<p>Minh Hòa/VOV.VN (Theo Reuters)</p></div></article></body></html>");
    assert_string_equal(a->authors[0], "Minh Hòa");
    assert_false(test_body_has(a, "VOV.VN"));
    bt_article_free(a);
    /* WordPress: "By X" and the dates in one meta line inside the article */
    a = extract_ok("<html lang=\"en\"><body><article class=\"post\"><h1>Floating market "
                   "draws visitors back</h1><div class=\"entry-meta\"><span class=\"byline\">By "
                   "<span class=\"author vcard\"><a href=\"/author/lt\">Linh Tran</a></span></span> "
                   "<time>March 16, 2024</time> 4 min read</div><div class=\"entry-content\"><p>Boats "
                   "crowded the river at dawn on Saturday as traders sold fruit, noodles and coffee to "
                   "visitors, many of them from abroad.</p><p>Local officials said the number of "
                   "visitors this month was the highest since the pandemic, and more boats were "
                   "licensed to carry them.</p></div></article></body></html>");
    assert_int_equal(a->n_authors, 1);
    assert_string_equal(a->authors[0], "Linh Tran");
    assert_false(test_body_has(a, "min read"));
    bt_article_free(a);
    a = extract_ok("<html lang=\"vi\"><body><article class=\"post\"><h1>" TITLE "</h1><div "
                   "class=\"td-module-meta\"><span class=\"byline\"> Đăng bởi <span class=\"author "
                   "vcard\"><a href=\"/a/pt\">Phương Thảo</a></span></span> <time>09/12/2023 "
                   "08:15</time></div><div class=\"td-post-content\">" BODY "</div></article></body></html>");
    assert_int_equal(a->n_authors, 1);
    assert_string_equal(a->authors[0], "Phương Thảo");
    assert_false(test_body_has(a, "Đăng bởi"));
    bt_article_free(a);
}

/* inline story cards inside the text are related stories; a lead photo's caption is no sapo */
static void test_inline_cards(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "<html lang=\"vi\"><body><article><h1>" TITLE "</h1><div class=\"article-body\">" BODY
        "<div class=\"inner-article\"><a href=\"https://x.vn/a-1.html\"><img src=\"t.jpg\"></a>"
        "<p class=\"article-title\"><a href=\"https://x.vn/a-1.html\">Những sinh vật kỳ lạ sống dưới "
        "đáy đại dương</a></p><p class=\"article-summary\">Từ cá rồng đến mực ma cà rồng, nhiều loài "
        "có hình dạng lạ.</p></div><p>Các nhà khoa học cho rằng những phát hiện như vậy giúp hiểu rõ "
        "hơn về giới hạn sống của sinh vật, đồng thời nhắc nhở về bảo tồn biển sâu.</p></div>"
        "</article></body></html>");
    assert_false(test_body_has(a, "sinh vật kỳ lạ"));
    assert_false(test_body_has(a, "cá rồng"));
    assert_true(test_body_has(a, "bảo tồn biển sâu"));
    assert_int_equal(a->n_related, 1);
    assert_string_equal(a->related[0].title, "Những sinh vật kỳ lạ sống dưới đáy đại dương");
    assert_string_equal(a->related[0].url, "https://x.vn/a-1.html");
    bt_article_free(a);
    a = extract_ok("<html><body><div class=\"page\"><h1>Storm forces thousands to leave the "
                   "coast</h1><div class=\"lead-asset\"><figure><img src=\"a.jpg\"><figcaption>Residents "
                   "leave the flooded village by boat on Sunday morning</figcaption></figure></div><div "
                   "class=\"body\"><div class=\"article-body\"><p>Thousands of people were moved away "
                   "from the coast on Sunday before the storm reached land, officials said in a "
                   "statement.</p><p>Schools were closed for two days and flights to the region were "
                   "delayed until the weather improved, the airport said.</p></div></div></div></body></html>");
    assert_null(a->lede);
    bt_article_free(a);
}

/* category labels and share rows at the text's edges; a plain first paragraph that the
 * site's excerpt repeats stays in the body */
static void test_edge_furniture(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "<html lang=\"en\"><head><meta property=\"og:description\" content=\"Boats crowded the "
        "river at dawn on Saturday as traders sold fruit, noodles and coffee to visitors.\"></head>"
        "<body><article class=\"post\"><span class=\"cat-links\"><a href=\"/category/travel/\" "
        "rel=\"category tag\">Travel</a></span><h1>Floating market draws visitors back</h1><div "
        "class=\"article-social\"><a href=\"#\" class=\"share-facebook\">Share</a> <a href=\"#\" "
        "class=\"share-x\">Tweet</a></div><div class=\"entry-content\"><p>Boats crowded the "
        "river at dawn on Saturday as traders sold fruit, noodles and coffee to visitors.</p><p>Local "
        "officials said the number of visitors this month was the highest since the pandemic, and "
        "more boats were licensed to carry them.</p><p>The new centre has a pier where tourist boats "
        "pick up passengers without blocking the traders, the city said.</p></div></article></body></html>");
    assert_null(a->lede);
    assert_int_equal(a->n_body, 3);
    assert_true(test_body_has(a, "Boats crowded"));
    assert_false(test_body_has(a, "Travel"));
    assert_false(test_body_has(a, "Tweet"));
    bt_article_free(a);
}

/* the captioned lead photo between the headline and the text's container */
static void test_lead_photo(void **state)
{
    (void)state;
    static const char *const pages[] = {
        "<html lang=\"vi\"><body><div class=\"article\"><h1>" TITLE "</h1><div class=\"article__sapo\">" SAPO
        "</div><div class=\"article__avatar\"><figure><img src=\"https://x.vn/lead.jpg\"><figcaption>"
        "Người dân rời khỏi vùng trũng. (Ảnh: TTXVN)</figcaption></figure></div><div "
        "class=\"article__body\">" BODY "</div></div></body></html>",
        "<html lang=\"vi\"><body><article class=\"post\"><header><h1>" TITLE "</h1></header><figure "
        "class=\"post-thumbnail\"><img src=\"https://x.vn/lead.jpg\"><figcaption>Người dân rời khỏi "
        "vùng trũng. Ảnh: TTXVN</figcaption></figure><div class=\"entry-content\">" BODY
        "</div></article></body></html>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        bt_article *a = extract_ok(pages[i]);
        assert_int_equal(a->n_images, 1);
        assert_string_equal(a->images[0].src, "https://x.vn/lead.jpg");
        assert_string_equal(a->images[0].caption, "Người dân rời khỏi vùng trũng.");
        assert_string_equal(a->images[0].credit, "TTXVN");
        bt_article_free(a);
    }
    /* an uncaptioned thumbnail (the author's face) is not the lead photo */
    bt_article *a = extract_ok("<html lang=\"vi\"><body><article class=\"post\"><header><h1>" TITLE
                               "</h1></header><div class=\"avatar\"><img src=\"https://x.vn/70x70.jpg\">"
                               "</div><div class=\"entry-content\">" BODY "</div></article></body></html>");
    assert_int_equal(a->n_images, 0);
    bt_article_free(a);
}

/* fragments without <html>: head-only tags are markup, block tags unless Markdown follows
 * or the fragment is laid out as pandoc lays out the raw blocks it keeps */
static void test_sniff_fragments(void **state)
{
    (void)state;
    static const char *const html[] = {
        "<p>Đoạn một.</p><p>Đoạn hai.</p>", "<script>var a = 1;</script><div>x</div>",
        "\n  <link rel=\"stylesheet\" href=\"a.css\"><div>x</div>", "<style>p{}</style><p>x</p>",
        "<section class=\"a\"><p>x</p></section>", "<header><h1>T</h1></header>",
        "<main><p>x</p></main>", "<table><tr><td>x</td></tr></table>", "<H1>Tiêu đề</H1><p>x</p>",
        /* an HTML fragment written one tag a line is no pandoc Markdown */
        "<div class=\"a\">\n  <div>\n    <p>x</p>\n  </div>\n</div>\n<div>\n</div>\n"};
    for (size_t i = 0; i < sizeof html / sizeof html[0]; i++)
        assert_int_equal(bt_sniff_kind(html[i], strlen(html[i])), BT_KIND_HTML);
    static const char *const text[] = {
        "<div class=\"x\">\n\n# Tiêu đề\n\nXem [bài](https://a.vn/b)\n",
        "<section>\n\n## Mục\n\nĐọc [thêm](https://a.vn/c)\n", "<pandoc> is a tool\n",
        "<phần một> của bài\n", "Tiêu đề\n\n<p>x</p>",
        /* pandoc's raw blocks: tags alone between blank lines, no Markdown yet, one <p> */
        "<div id=\"svg\">\n\n<img src=\"data:image/svg+xml;base64,PHN2Zy\" />\n\n</div>\n\n"
        "<div class=\"page\">\n\n<div>\n\n</div>\n\n<p class=\"x\">Ngày 5/6</p>\n\n</div>\n\n"
        "Đoạn văn\n\n</div>\n\n"};
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
        assert_int_equal(bt_sniff_kind(text[i], strlen(text[i])), BT_KIND_TEXT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sapo_beside_headline),
        cmocka_unit_test(test_source_name_over_mark),
        cmocka_unit_test(test_visible_dateline),
        cmocka_unit_test(test_bylines),
        cmocka_unit_test(test_inline_cards),
        cmocka_unit_test(test_edge_furniture),
        cmocka_unit_test(test_lead_photo),
        cmocka_unit_test(test_sniff_fragments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
