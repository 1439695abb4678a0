/* test_extract_kind.c: the extraction passes of issue 16, on pages written for these tests:
 * the portal's "most read" box (html_most_read.c, text_most_read.c) read into most_read and
 * kept out of the body, and the kind of article (kind.c) from title markers, JSON-LD, og:type,
 * a player and a photo story; the pages' look-alikes that must not count (a menu's "Most
 * popular" link, "Video game sales ...", a box whose list is loaded by script). */
#include "support.h"

#include "bantin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char P1[] = "Hàng nghìn du khách đổ về phố cổ để xem lễ hội đèn lồng rực rỡ sắc "
                         "màu trong đêm rằm, khi các con phố tắt đèn điện và thắp nến.";
static const char P2[] = "Chính quyền thành phố cho biết năm nay lễ hội kéo dài ba ngày, với "
                         "nhiều hoạt động văn hóa truyền thống dành cho người dân địa phương.";
static const char P3[] = "Các hộ kinh doanh ven sông chuẩn bị hàng chục nghìn chiếc đèn lồng "
                         "thủ công để phục vụ du khách trong và ngoài nước suốt những ngày lễ.";

static bt_article *extract(const char *data, const char *url, const char *origin)
{
    bt_capture cap;
    memset(&cap, 0, sizeof cap);
    cap.data = data;
    cap.len = strlen(data);
    cap.url = url;
    cap.origin = origin;
    bt_article *a = NULL;
    bt_error err;
    if (bt_extract(&cap, NULL, &a, &err))
        fail_msg("%s: %s", origin, err.msg);
    return a;
}

/* An HTML page: head extras, the title, the article's extra markup, what follows it. */
static bt_article *page(const char *head, const char *title, const char *inside,
                        const char *after, const char *url)
{
    size_t n = strlen(head) + 2 * strlen(title) + strlen(inside) + strlen(after) + 2048;
    char *t = malloc(n);
    assert_non_null(t);
    snprintf(t, n,
             "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>%s</title>%s"
             "</head><body><nav><a href=\"/\">Trang chủ</a></nav><article><h1>%s</h1>"
             "<p>%s</p><p>%s</p><p>%s</p>%s</article>%s</body></html>",
             title, head, title, P1, P2, P3, inside, after);
    bt_article *a = extract(t, url, "kind.html");
    free(t);
    return a;
}

static void most_read_html(void **state)
{
    (void)state;
    /* the heading alone in its wrapper, the list beside the wrapper; ranks before titles */
    bt_article *a = page("", "Lễ hội đèn lồng ở phố cổ", "",
                         "<aside><div class=\"box-title\"><h3>Đọc nhiều</h3></div><ol>"
                         "<li><a href=\"/xa-hoi/gia-xang-giam.html\">1. Giá xăng giảm mạnh từ "
                         "chiều nay</a></li>"
                         "<li><a href=\"https://bao.example/mua-lon.html\">2 Mưa lớn kéo dài ở "
                         "miền Trung</a></li>"
                         "<li><a href=\"/xa-hoi/gia-xang-giam.html\">Giá xăng giảm mạnh từ chiều "
                         "nay</a></li>"
                         "<li><a href=\"/tag/x\">Xem thêm</a></li></ol>"
                         "<h3>Video</h3><ul><li><a href=\"/v/1.html\">Clip hay trong tuần của "
                         "chúng tôi</a></li></ul></aside>",
                         "https://bao.example/van-hoa/le-hoi.html");
    assert_int_equal(a->n_most_read, 2);
    assert_string_equal(a->most_read[0].title, "Giá xăng giảm mạnh từ chiều nay");
    assert_string_equal(a->most_read[0].url, "https://bao.example/xa-hoi/gia-xang-giam.html");
    assert_string_equal(a->most_read[1].title, "Mưa lớn kéo dài ở miền Trung");
    assert_false(test_body_has(a, "Giá xăng"));
    assert_null(a->kind);
    bt_article_free(a);
    /* English, items as headings with links; a page without its URL keeps titles only */
    a = page("", "Lantern festival in the old town", "",
             "<section><h2>Most popular</h2><div><h3><a href=\"/a\">Fuel prices fall sharply "
             "this afternoon</a></h3><p>Teaser</p><h3><a href=\"/b\">Heavy rain to last three "
             "days</a></h3></div></section>",
             NULL);
    assert_int_equal(a->n_most_read, 2);
    assert_string_equal(a->most_read[1].title, "Heavy rain to last three days");
    assert_null(a->most_read[0].url);
    bt_article_free(a);
    /* look-alikes: a menu's "Most popular" link, a heading whose list comes by script, a
     * "Most read" box of menu words */
    a = page("", "Lễ hội đèn lồng ở phố cổ", "",
             "<ul><li><a href=\"/popular\">Most popular</a></li><li><a href=\"/x\">Tin tức "
             "trong nước hôm nay</a></li></ul>"
             "<div><div><h3>Xem nhiều</h3></div><div id=\"load-by-script\"></div></div>"
             "<footer><a href=\"/p\">Chính sách bảo mật thông tin</a></footer>"
             "<div><h4>Most read</h4><a href=\"/c\">Climate</a><a href=\"/d\">Privacy policy</a></div>",
             "https://bao.example/a.html");
    assert_int_equal(a->n_most_read, 0);
    bt_article_free(a);
}

static void most_read_text(void **state)
{
    (void)state;
    char t[4096];
    /* the box glued to the next section; a title printed twice with its teaser */
    snprintf(t, sizeof t,
             "# Lễ hội đèn lồng ở phố cổ\n\n%s\n\n%s\n\n%s\n\nĐọc nhiều\n\n"
             "[Giá xăng giảm mạnh từ chiều nay](/xa-hoi/gia-xang.html)\n\n"
             "Mưa lớn kéo dài ở miền Trung trong ba ngày\n\n"
             "Mưa lớn kéo dài ở miền Trung trong ba ngày\n\n"
             "Trung tâm dự báo cho biết mưa lớn sẽ kéo dài ở các tỉnh miền Trung, người dân "
             "cần chủ động phòng tránh lũ quét và sạt lở đất trong những ngày tới.\n"
             "Đội tuyển thắng trận mở màn vòng loại\n\n"
             "Đội tuyển thắng trận mở màn vòng loại\n"
             "Chuyên mục khác của báo\n\n"
             "Một dòng không thuộc hộp đọc nhiều nữa\n",
             P1, P2, P3);
    bt_article *a = extract(t, "https://bao.example/van-hoa/le-hoi.html", "kind.md");
    assert_int_equal(a->n_most_read, 3);
    assert_string_equal(a->most_read[0].title, "Giá xăng giảm mạnh từ chiều nay");
    assert_string_equal(a->most_read[0].url, "https://bao.example/xa-hoi/gia-xang.html");
    assert_string_equal(a->most_read[1].title, "Mưa lớn kéo dài ở miền Trung trong ba ngày");
    assert_null(a->most_read[1].url);
    assert_string_equal(a->most_read[2].title, "Đội tuyển thắng trận mở màn vòng loại");
    assert_false(test_body_has(a, "Mưa lớn"));
    bt_article_free(a);
    /* without the page's URL a relative link is left out, its title kept */
    a = extract(t, NULL, "kind.md");
    assert_int_equal(a->n_most_read, 3);
    assert_null(a->most_read[0].url);
    bt_article_free(a);
}

static void kind_markers(void **state)
{
    (void)state;
    const struct {
        const char *title, *kind; /* NULL: an article */
    } cases[] = {
        {"[Video] Lễ hội đèn lồng ở phố cổ", "video"},
        {"Video: Lantern festival in the old town", "video"},
        {"Video game sales rise in the old town", NULL},
        {"Infographic: 9 đại học Việt Nam vào bảng xếp hạng", "infographic"},
        {"[Infographics] Phá lấu vào danh sách món hầm ngon", "infographic"},
        {"Trực tiếp: Đội tuyển Việt Nam gặp Thái Lan", "live"},
        {"TRỰC TIẾP | Lễ diễu binh kỷ niệm 50 năm", "live"},
        {"Trực tiếp bóng đá là dịch vụ được ưa chuộng", NULL},
        {"[Ảnh] Phố cổ lung linh đèn lồng", "photo"},
        {"Podcast: Câu chuyện đèn lồng phố cổ", "podcast"},
        {"E-magazine | Hành trình của những chiếc đèn lồng", NULL},
    };
    size_t texts = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bt_article *a = page("", cases[i].title, "", "", NULL);
        if (cases[i].kind ? !a->kind || strcmp(a->kind, cases[i].kind) : a->kind != NULL)
            fail_msg("%s: kind %s, not %s", cases[i].title, a->kind ? a->kind : "article",
                     cases[i].kind ? cases[i].kind : "article");
        bt_article_free(a);
        /* a text capture reads the same marker, where it takes the line as the headline
         * (an English "Video: ..." over a Vietnamese body it does not) */
        char t[2048];
        snprintf(t, sizeof t, "# %s\n\n%s\n\n%s\n\n%s\n", cases[i].title, P1, P2, P3);
        a = extract(t, NULL, "kind.md");
        if (a->title && !strcmp(a->title, cases[i].title)) {
            texts++;
            if (cases[i].kind ? !a->kind || strcmp(a->kind, cases[i].kind) : a->kind != NULL)
                fail_msg("text %s: kind %s", cases[i].title, a->kind ? a->kind : "article");
        }
        bt_article_free(a);
    }
    assert_true(texts >= 8);
}

static void kind_metadata(void **state)
{
    (void)state;
    const char *title = "Lễ hội đèn lồng ở phố cổ";
    bt_article *a = page("<script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\","
                         "\"headline\":\"Lễ hội đèn lồng ở phố cổ\"}</script>",
                         title, "", "", NULL);
    assert_string_equal(a->kind, "live");
    bt_article_free(a);
    /* a video embedded in an article object is the article's, not the page's kind */
    a = page("<script type=\"application/ld+json\">[{\"@type\":\"VideoObject\",\"name\":\"x\"},"
             "{\"@type\":\"NewsArticle\",\"headline\":\"Lễ hội đèn lồng ở phố cổ\"}]</script>",
             title, "", "", NULL);
    assert_null(a->kind);
    bt_article_free(a);
    a = page("<script type=\"application/ld+json\">{\"@type\":\"VideoObject\",\"name\":\"x\"}"
             "</script>", title, "", "", NULL);
    assert_string_equal(a->kind, "video");
    bt_article_free(a);
    a = page("<meta property=\"og:type\" content=\"video.other\">", title, "", "", NULL);
    assert_string_equal(a->kind, "video");
    bt_article_free(a);
    /* a player over a caption is a video; beside three paragraphs it is an article's clip */
    bt_capture cap;
    memset(&cap, 0, sizeof cap);
    const char *v = "<html lang=\"vi\"><head><title>Lễ hội đèn lồng ở phố cổ</title></head><body>"
                    "<article><h1>Lễ hội đèn lồng ở phố cổ</h1><p>Hàng nghìn du khách đổ về phố "
                    "cổ để xem lễ hội đèn lồng rực rỡ sắc màu trong đêm rằm tháng Giêng.</p>"
                    "<iframe src=\"https://www.youtube.com/embed/abc\"></iframe></article>"
                    "</body></html>";
    a = extract(v, NULL, "player.html");
    assert_string_equal(a->kind, "video");
    bt_article_free(a);
    a = page("", title, "<video src=\"/a.mp4\"></video><p>Theo ban tổ chức, lễ hội năm nay thu "
             "hút đông du khách hơn mọi năm nhờ thời tiết thuận lợi và nhiều hoạt động mới.</p>",
             "", NULL);
    assert_null(a->kind);
    bt_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(most_read_html),
        cmocka_unit_test(most_read_text),
        cmocka_unit_test(kind_markers),
        cmocka_unit_test(kind_metadata),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
