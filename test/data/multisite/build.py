#!/usr/bin/env python3
"""Build the multi-site dev set: html/<name>.html and gold.jsonl / gold-text.jsonl.

The article text comes from articles.py (written by the team, invented events). Each page
wraps one article in a template that imitates the markup of a real Vietnamese news site
(class names, dateline and caption conventions, related boxes, menus, comments, footers).
The gold records state what a careful reader takes from the rendered page under
spec/article.md; they are written per page below, not derived from any extractor.

usage: python3 build.py   (run from this folder; needs iconv for the windows-1258 page)
"""
import hashlib, html, json, subprocess, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from articles import ARTICLES

def e(s):
    return html.escape(s, quote=False)

def a(s):
    return html.escape(s, quote=True)

# Headlines for most-read / same-section / latest boxes: furniture, never "related".
POOL = [
    "Giá vàng miếng lập đỉnh mới trong phiên sáng",
    "Cháy xưởng gỗ ở Bình Dương, hàng trăm công nhân tháo chạy",
    "Đội tuyển Việt Nam chốt danh sách dự vòng loại World Cup",
    "Ba ngân hàng đồng loạt giảm lãi suất cho vay",
    "Mưa lớn gây ngập sâu nhiều tuyến phố ở TP HCM",
    "Học sinh Hà Nội được nghỉ Tết Nguyên đán 10 ngày",
    "Xăng dầu đồng loạt giảm giá từ 15 giờ chiều nay",
    "Phát hiện đường dây lừa đảo qua ứng dụng đầu tư",
    "Sân bay Long Thành hoàn thành nhà ga hành khách",
    "Bệnh viện tuyến cuối quá tải vì sốt xuất huyết",
    "Thị trường ôtô cuối năm sôi động với nhiều mẫu xe mới",
    "Nhiều trường đại học công bố điểm sàn xét tuyển",
    "Cảnh sát giải cứu 20 người bị lừa sang biên giới",
    "Giá thịt heo tăng mạnh trước mùa lễ hội",
    "Khởi tố vụ án gian lận đăng kiểm xe cơ giới",
    "Du lịch Phú Quốc hút khách quốc tế dịp cuối năm",
]

def pool(i, n=5):
    return [POOL[(i * 3 + k) % len(POOL)] for k in range(n)]

def slug(t):
    return "tin-" + hashlib.md5(t.encode()).hexdigest()[:8]  # only used for furniture links

VI_DAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]

PAGES = []  # (name, html_text, gold_record, encoding)

def gold(name, art, published, source, lede=..., body=None, images=None, related=None, authors=None):
    return {
        "file": name + ".html",
        "title": art["title"],
        "published": published,
        "source": source,
        "authors": authors if authors is not None else art["authors"],
        "lede": art["lede"] if lede is ... else lede,
        "body": body if body is not None else art["body"],
        "images": images if images is not None else art["images"],
        "related": related if related is not None else art["related"],
    }

def jsonld(obj):
    return '<script type="application/ld+json">' + json.dumps(obj, ensure_ascii=False) + "</script>"

def paras(ps, cls=None):
    c = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{c}>{e(p)}</p>" for p in ps)

# ---------------------------------------------------------------- VnExpress
def vnexpress():
    n, art = "vnexpress_1", ARTICLES["vnexpress_1"]
    pub = "2021-08-14T18:19:00+07:00"
    img = art["images"][0]; rel = art["related"][0]
    b = art["body"]
    ld = jsonld({"@context": "https://schema.org", "@type": "NewsArticle",
                 "mainEntityOfPage": {"@type": "WebPage", "@id": "https://vnexpress.net/ha-noi-thu-nghiem-lan-rieng-cho-xe-buyt-tren-truc-nguyen-trai-4341256.html"},
                 "headline": art["title"], "description": art["lede"],
                 "image": {"@type": "ImageObject", "url": img["src"], "width": 1200, "height": 720},
                 "datePublished": pub, "dateModified": "2021-08-14T19:02:11+07:00",
                 "author": {"@type": "Person", "name": "Võ Hải"},
                 "publisher": {"@type": "Organization", "name": "VnExpress",
                               "logo": {"@type": "ImageObject", "url": "https://s1.vnecdn.net/vnexpress/restruct/i/v395/logo_default.jpg"}}})
    most = pool(0)
    page = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{e(art['title'])} - VnExpress</title>
<meta name="description" content="{a(art['lede'])}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="VnExpress">
<meta property="og:title" content="{a(art['title'])} - VnExpress">
<meta property="og:description" content="{a(art['lede'])}">
<meta property="og:image" content="{img['src']}">
<meta property="og:url" content="https://vnexpress.net/ha-noi-thu-nghiem-lan-rieng-cho-xe-buyt-tren-truc-nguyen-trai-4341256.html">
<meta name="pubdate" itemprop="datePublished" content="{pub}">
<meta name="its_publication" content="1628939940">
<link rel="canonical" href="https://vnexpress.net/ha-noi-thu-nghiem-lan-rieng-cho-xe-buyt-tren-truc-nguyen-trai-4341256.html">
{ld}
</head>
<body>
<header class="header">
  <div class="container">
    <a class="logo" href="https://vnexpress.net" title="VnExpress - Báo tiếng Việt nhiều người xem nhất"><img src="https://s1.vnecdn.net/vnexpress/restruct/i/v395/logo_default.svg" alt="VnExpress"></a>
    <span class="time-now">Thứ bảy, 14/8/2021</span>
    <a href="/tin-tuc-24h" class="btn-tinmoi">Mới nhất</a>
    <a href="https://e.vnexpress.net" class="international">International</a>
    <a href="#" class="search">Tìm kiếm</a> <a href="#" class="login">Đăng nhập</a>
  </div>
</header>
<nav class="main-nav">
  <ul class="parent">
    <li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li><li><a href="/goc-nhin">Góc nhìn</a></li>
    <li><a href="/the-gioi">Thế giới</a></li><li><a href="/kinh-doanh">Kinh doanh</a></li><li><a href="/bat-dong-san">Bất động sản</a></li>
    <li><a href="/khoa-hoc">Khoa học</a></li><li><a href="/giai-tri">Giải trí</a></li><li><a href="/the-thao">Thể thao</a></li>
    <li><a href="/phap-luat">Pháp luật</a></li><li><a href="/giao-duc">Giáo dục</a></li><li><a href="/suc-khoe">Sức khỏe</a></li>
  </ul>
</nav>
<section class="section page-detail top-detail">
  <div class="container">
    <div class="sidebar-1">
      <div class="header-content width_common">
        <ul class="breadcrumb" data-campaign="Header">
          <li><a href="/thoi-su" title="Thời sự">Thời sự</a></li>
          <li><a href="/thoi-su/giao-thong" title="Giao thông">Giao thông</a></li>
        </ul>
        <span class="date">Thứ bảy, 14/8/2021, 18:19 (GMT+7)</span>
      </div>
      <h1 class="title-detail">{e(art['title'])}</h1>
      <p class="description">{e(art['lede'])}</p>
      <article class="fck_detail ">
<p class="Normal">{e(b[0])}</p>
<table align="center" border="0" cellpadding="3" cellspacing="0" class="tplCaption" style="width:100%;">
<tbody>
<tr><td><img alt="{a(img['caption'])}" data-src="{img['src']}" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"></td></tr>
<tr><td><p class="Image">{e(img['caption'])} Ảnh: <em>{e(img['credit'])}</em></p></td></tr>
</tbody>
</table>
<p class="Normal">{e(b[1])}</p>
<p class="Normal">{e(b[2])}</p>
<p class="Normal"><strong>Xem thêm: </strong><a href="{rel['url']}" data-itm-source="#vn_source=Detail-ThoiSu_GiaoThong-4341256&amp;vn_campaign=Box-TinXemThem">{e(rel['title'])}</a></p>
<p class="Normal">{e(b[3])}</p>
<p class="Normal">{e(b[4])}</p>
<p class="Normal" style="text-align:right;"><strong>Võ Hải</strong></p>
      </article>
      <div class="footer-content">
        <div class="box-tag"><h4 class="item-tag">Tags</h4>
          <a href="/chu-de/xe-buyt" class="item-tag">xe buýt</a> <a href="/chu-de/ha-noi" class="item-tag">Hà Nội</a> <a href="/chu-de/un-tac" class="item-tag">ùn tắc giao thông</a>
        </div>
        <div class="social_pin">
          <a class="btn_facebook" href="#" title="Chia sẻ bài viết lên facebook">Facebook</a>
          <a class="btn_twitter" href="#" title="Chia sẻ bài viết lên twitter">Twitter</a>
          <a class="link_copy" href="#" title="Copy link">Copy link</a>
        </div>
      </div>
      <div class="box_comment_vne width_common" id="box_comment_vne">
        <h3 class="title_box_category">Ý kiến <span class="count_cmt">(24)</span></h3>
        <div class="input_comment"><textarea placeholder="Ý kiến của bạn"></textarea><button>Gửi</button></div>
        <div class="comment_item"><div class="content-comment"><p class="full_content"><span class="txt-name"><a href="#">tuanminh1987</a></span>Làm làn riêng là đúng rồi, nhưng phải có người giám sát thì mới hiệu quả.</p></div>
          <div class="reactions-total"><a class="number">56</a> <a class="link-reply">Trả lời</a></div></div>
        <div class="comment_item"><div class="content-comment"><p class="full_content"><span class="txt-name"><a href="#">Lan Anh</a></span>Đường Nguyễn Trãi giờ cao điểm đã kẹt cứng, bớt một làn nữa thì không biết đi đâu.</p></div>
          <div class="reactions-total"><a class="number">31</a> <a class="link-reply">Trả lời</a></div></div>
        <a class="view_more_coment" href="#">Xem thêm ý kiến</a>
      </div>
    </div>
    <div class="sidebar-2">
      <div class="box-category box-most-read">
        <h3 class="title-box-category">Đọc nhiều</h3>
        <ul>{''.join(f'<li><h3 class="title-news"><a href="/{slug(t)}.html" title="{a(t)}">{e(t)}</a></h3></li>' for t in most)}</ul>
      </div>
    </div>
  </div>
</section>
<footer id="footer">
  <div class="container">
    <p>Báo tiếng Việt nhiều người xem nhất. Thuộc Bộ Khoa học và Công nghệ. Số giấy phép: 548/GP-BTTTT ngày 24/08/2021.</p>
    <p>Tổng biên tập: Phạm Hiếu. Địa chỉ: Tầng 10, Tòa A FPT Tower, số 10 Phạm Văn Bạch, Dịch Vọng, Cầu Giấy, Hà Nội.</p>
    <p>© 1997-2021. Toàn bộ bản quyền thuộc VnExpress.</p>
  </div>
</footer>
</body>
</html>
"""
    g = gold(n, art, pub, "VnExpress")
    PAGES.append((n, page, g, None))

# ---------------------------------------------------------------- Tuổi Trẻ
def tuoitre():
    n, art = "tuoitre_1", ARTICLES["tuoitre_1"]
    pub = "2023-07-03T11:05:00+07:00"
    img = art["images"][0]; b = art["body"]
    url = "https://tuoitre.vn/nong-dan-soc-trang-trung-mua-lua-thom-nhung-lo-dau-ra-20230703110512345.htm"
    ld = jsonld({"@context": "http://schema.org", "@type": "NewsArticle",
                 "mainEntityOfPage": {"@type": "WebPage", "@id": url},
                 "headline": art["title"], "description": "TTO - " + art["lede"],
                 "image": {"@type": "ImageObject", "url": img["src"]},
                 "datePublished": pub, "dateModified": pub,
                 "author": {"@type": "Person", "name": "Trần Ngọc"},
                 "publisher": {"@type": "Organization", "name": "Tuổi Trẻ Online",
                               "logo": {"@type": "ImageObject", "url": "https://static.tuoitre.vn/tto/i/s626/2022/logo-tto.png"}}})
    crumbs = jsonld({"@context": "http://schema.org", "@type": "BreadcrumbList",
                     "itemListElement": [{"@type": "ListItem", "position": 1, "item": {"@id": "https://tuoitre.vn/thoi-su.htm", "name": "Thời sự"}},
                                         {"@type": "ListItem", "position": 2, "item": {"@id": "https://tuoitre.vn/thoi-su/phong-su.htm", "name": "Phóng sự"}}]})
    relbox = "".join(f'<li class="kbwscwl"><a class="title" href="{r["url"]}" title="{a(r["title"])}">{e(r["title"])}</a></li>' for r in art["related"])
    most = pool(1)
    page = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{e(art['title'])} | Tuổi Trẻ Online</title>
<meta name="description" content="TTO - {a(art['lede'])}">
<meta property="og:site_name" content="Tuổi Trẻ Online">
<meta property="og:type" content="article">
<meta property="og:title" content="{a(art['title'])}">
<meta property="og:description" content="TTO - {a(art['lede'])}">
<meta property="og:url" content="{url}">
<meta property="og:image" content="{img['src']}">
<meta property="article:published_time" content="{pub}">
<link rel="canonical" href="{url}">
{ld}
{crumbs}
</head>
<body>
<div class="header">
  <div class="header__top"><a class="header__logo" href="/"><img src="https://static.tuoitre.vn/tto/i/s626/2022/logo-tto.svg" alt="Tuổi Trẻ Online"></a>
    <div class="header__utilities"><a href="/tin-moi-nhat.htm">Mới nhất</a> <a href="/video.htm">Video</a> <a href="/podcast.htm">Podcast</a> <a href="https://tuoitre.vn/tuoi-tre-sao.htm">Tuổi Trẻ Sao</a> <a href="#">Đăng nhập</a></div>
  </div>
  <ul class="menu-nav">
    <li><a href="/thoi-su.htm">Thời sự</a></li><li><a href="/the-gioi.htm">Thế giới</a></li><li><a href="/phap-luat.htm">Pháp luật</a></li>
    <li><a href="/kinh-doanh.htm">Kinh doanh</a></li><li><a href="/cong-nghe.htm">Công nghệ</a></li><li><a href="/xe.htm">Xe</a></li>
    <li><a href="/du-lich.htm">Du lịch</a></li><li><a href="/nhip-song-tre.htm">Nhịp sống trẻ</a></li><li><a href="/van-hoa.htm">Văn hóa</a></li>
    <li><a href="/giai-tri.htm">Giải trí</a></li><li><a href="/the-thao.htm">Thể thao</a></li><li><a href="/giao-duc.htm">Giáo dục</a></li>
  </ul>
</div>
<div class="detail-container">
  <div class="detail-top">
    <div class="detail-cate"><a href="/thoi-su.htm">Thời sự</a> <a href="/thoi-su/phong-su.htm">Phóng sự</a></div>
    <div class="detail-time"><div data-role="publishdate">03/07/2023 11:05 GMT+7</div></div>
  </div>
  <h1 class="detail-title article-title" data-role="title">{e(art['title'])}</h1>
  <div class="detail-author-bot"><div class="author-info"><a class="name" href="/tac-gia/tran-ngoc.htm" title="Trần Ngọc" style="text-transform:uppercase">Trần Ngọc</a></div>
    <div class="detail-sharing"><a class="sendmail" href="#">Gửi email</a> <a class="facebook" href="#">Chia sẻ</a> <a class="zalo" href="#">Zalo</a> <a class="print" href="#">In bài</a></div></div>
  <h2 class="detail-sapo" data-role="sapo">TTO - {e(art['lede'])}</h2>
  <div class="detail-cmain">
    <div class="detail-content afcbc-body" data-role="content">
<figure class="VCSortableInPreviewMode" type="Photo" style="">
<div><a href="{img['src']}" data-fancybox="img-lightbox" title="{a(img['caption'])} - Ảnh: {a(img['credit'])}" target="_blank" class="detail-img-lightbox"><img src="{img['src']}" id="img_1" w="1200" h="800" alt="{a(img['caption'])} - Ảnh: {a(img['credit'])}" title="{a(img['title'] if 'title' in img else img['caption'])}" data-original="{img['src']}" width="1200" height="800"></a></div>
<figcaption class="PhotoCMS_Caption"><p data-placeholder="Nhập chú thích ảnh" class="">{e(img['caption'])} - Ảnh: {e(img['credit'])}</p></figcaption>
</figure>
<p>{e(b[0])}</p>
<p>{e(b[1])}</p>
<p>{e(b[2])}</p>
<div class="VCSortableInPreviewMode" type="RelatedNewsBox"><div class="kbwscwl-relatedbox type-1"><strong class="kbwscwl-title">Tin liên quan</strong><ul class="kbwscwl-list">{relbox}</ul></div></div>
<p>{e(b[3])}</p>
<p>{e(b[4])}</p>
<p>{e(b[5])}</p>
    </div>
    <div class="detail-tab"><a href="/lua-gao.html" class="tags">lúa gạo</a> <a href="/soc-trang.html" class="tags">Sóc Trăng</a> <a href="/st25.html" class="tags">ST25</a></div>
    <div class="detail-vote"><span>Tuổi Trẻ Sao</span> <a href="#" class="btn-vote">Tặng sao</a> <span class="txt">để ủng hộ tác giả</span></div>
    <div class="detail-comment" id="commentBox">
      <div class="box-head"><span class="title">Bình luận (8)</span> <a href="#" class="sort">Tin mới nhất</a> <a href="#" class="sort">Quan tâm nhất</a></div>
      <textarea placeholder="Chia sẻ ý kiến của bạn"></textarea>
      <ul class="lstcomment">
        <li><span class="name">Hai Lúa</span><p class="contentcomment">Năm nào cũng điệp khúc được mùa mất giá, mong có hợp đồng bao tiêu cho bà con.</p><span class="time">3 giờ trước</span> <a href="#" class="reply">Trả lời</a> <span class="like">Thích</span></li>
        <li><span class="name">Minh Khoa</span><p class="contentcomment">Gạo ST25 ngon nhất thế giới mà giá lúa vẫn thấp, thật khó hiểu.</p><span class="time">5 giờ trước</span> <a href="#" class="reply">Trả lời</a> <span class="like">Thích</span></li>
      </ul>
      <a href="#" class="viewmore-comment">Xem thêm bình luận</a>
    </div>
  </div>
  <div class="aside-detail">
    <div class="box-most-view"><div class="box-heading">Đọc nhiều</div>
      <ul>{''.join(f'<li class="box-category-item"><a class="box-category-link-title" href="/{slug(t)}.htm">{e(t)}</a></li>' for t in most[:4])}</ul>
    </div>
  </div>
  <div class="box-samecate"><div class="box-heading">Cùng chuyên mục</div>
    <ul>{''.join(f'<li><a href="/{slug(t)}.htm" title="{a(t)}">{e(t)}</a><p class="sapo">Bấm để xem chi tiết.</p></li>' for t in most[2:5])}</ul>
  </div>
</div>
<div class="footer">
  <p>Cơ quan chủ quản: Thành Đoàn TP.HCM. Tổng biên tập: Lê Thế Chữ.</p>
  <p>Giấy phép hoạt động báo điện tử số 561/GP-BTTTT. Địa chỉ: 60A Hoàng Văn Thụ, P.9, Q.Phú Nhuận, TP.HCM.</p>
  <p>© Copyright 2023 TuoiTre Online, All rights reserved. ® Tuổi Trẻ Online giữ bản quyền nội dung trên website này.</p>
</div>
</body>
</html>
"""
    # The byline is styled upper case; its text is "Trần Ngọc".
    g = gold(n, art, pub, "Tuổi Trẻ Online")
    PAGES.append((n, page, g, None))

# ---------------------------------------------------------------- Thanh Niên (OpenGraph only)
def thanhnien():
    n, art = "thanhnien_1", ARTICLES["thanhnien_1"]
    pub = "2023-03-05T07:45:00+07:00"
    b = art["body"]; im = art["images"]
    url = "https://thanhnien.vn/da-nang-mo-lai-tuyen-di-bo-ven-song-han-sau-hai-nam-cai-tao-185230305074500123.htm"
    def fig(i):
        return f"""<figure class="VCSortableInPreviewMode" type="Photo">
<div><a href="{i['src']}" data-fancybox="img-lightbox" class="detail-img-lightbox"><img src="{i['src']}" alt="{a(i['caption'])}" title="{a(i['caption'])}" width="2048" height="1365"></a></div>
<figcaption class="PhotoCMS_Caption"><p data-placeholder="[nhập chú thích]">{e(i['caption'])}</p><p class="PhotoCMS_Author">ẢNH: {e(i['credit'])}</p></figcaption>
</figure>"""
    sub = lambda t: f"<h2>{e(t)}</h2>"
    body = [f"<p>{e(b[0])}</p>", fig(im[0]), sub(b[1]), f"<p>{e(b[2])}</p>", f"<p>{e(b[3])}</p>",
            sub(b[4]), fig(im[1]), f"<p>{e(b[5])}</p>", f"<p>{e(b[6])}</p>"]
    most = pool(2)
    page = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(art['title'])} - Báo Thanh Niên</title>
<meta name="description" content="{a(art['lede'])}">
<meta name="keywords" content="đà nẵng, sông hàn, tuyến đi bộ">
<meta property="og:site_name" content="Thanh Niên">
<meta property="og:type" content="article">
<meta property="og:title" content="{a(art['title'])}">
<meta property="og:description" content="{a(art['lede'])}">
<meta property="og:url" content="{url}">
<meta property="og:image" content="{im[0]['src']}">
<meta property="article:published_time" content="{pub}">
<meta property="article:section" content="Thời sự">
<link rel="canonical" href="{url}">
</head>
<body>
<div class="header">
  <div class="header__top"><a class="logo" href="/" title="Báo Thanh Niên"><img src="https://static.thanhnien.com.vn/thanhnien.vn/image/logo.svg" alt="Thanh Niên"></a>
    <span class="header__date">Chủ nhật, ngày 05/03/2023</span> <a href="/tin-24h.htm">Tin 24h</a> <a href="#">Đăng ký</a> <a href="#">Đăng nhập</a></div>
  <ul class="menu">
    <li><a href="/thoi-su.htm">Thời sự</a></li><li><a href="/the-gioi.htm">Thế giới</a></li><li><a href="/kinh-te.htm">Kinh tế</a></li>
    <li><a href="/doi-song.htm">Đời sống</a></li><li><a href="/suc-khoe.htm">Sức khỏe</a></li><li><a href="/gioi-tre.htm">Giới trẻ</a></li>
    <li><a href="/giao-duc.htm">Giáo dục</a></li><li><a href="/du-lich.htm">Du lịch</a></li><li><a href="/van-hoa.htm">Văn hóa</a></li>
    <li><a href="/the-thao.htm">Thể thao</a></li><li><a href="/cong-nghe.htm">Công nghệ</a></li><li><a href="/xe.htm">Xe</a></li>
  </ul>
</div>
<div class="detail__cmain">
  <div class="detail__breadcrumb"><a href="/thoi-su.htm" title="Thời sự">Thời sự</a> <span>›</span> <a href="/thoi-su/dan-sinh.htm" title="Dân sinh">Dân sinh</a></div>
  <h1 class="detail-title" data-role="title">{e(art['title'])}</h1>
  <div class="detail-info">
    <div class="detail-author"><div class="author-info"><a class="name" href="/tac-gia/hoang-son.htm" title="Hoàng Sơn">Hoàng Sơn</a></div></div>
    <div class="detail-time"><div data-role="publishdate">05/03/2023 07:45 GMT+7</div></div>
    <div class="detail-share"><a href="#" class="fb">Chia sẻ Facebook</a> <a href="#" class="zalo">Zalo</a> <a href="#" class="copy">Sao chép liên kết</a></div>
  </div>
  <h2 class="detail-sapo" data-role="sapo">{e(art['lede'])}</h2>
  <div class="detail-cmain">
    <div class="detail-content afcbc-body" data-role="content">
{chr(10).join(body)}
    </div>
    <div class="detail__related"><div class="box-heading"><span class="title">Tin liên quan</span></div>
      <ul>{''.join(f'<li><a href="{r["url"]}" title="{a(r["title"])}" class="box-category-link-title">{e(r["title"])}</a></li>' for r in art['related'])}</ul>
    </div>
    <div class="detail-tags"><a href="/da-nang-tag.htm">#Đà Nẵng</a> <a href="/song-han-tag.htm">#sông Hàn</a></div>
    <div class="detail__comment"><div class="box-heading">Bình luận</div><textarea placeholder="Viết bình luận..."></textarea>
      <div class="comment-item"><b>Trần Vũ</b><p>Đi bộ buổi tối ở đây rất thích, cảm ơn thành phố.</p><span>Thích · Trả lời</span></div></div>
  </div>
  <div class="box-samecate"><div class="box-heading"><span class="title">Tin cùng chuyên mục</span></div>
    <ul>{''.join(f'<li><a href="/{slug(t)}.htm">{e(t)}</a></li>' for t in most[:4])}</ul></div>
  <div class="box-xem-nhieu"><div class="box-heading"><span class="title">Xem nhiều nhất</span></div>
    <ol>{''.join(f'<li><a href="/{slug(t)}.htm">{e(t)}</a></li>' for t in most[1:5])}</ol></div>
</div>
<div class="footer">
  <p>Cơ quan chủ quản: Trung ương Hội Liên hiệp Thanh niên Việt Nam. Giấy phép số 52/GP-BTTTT.</p>
  <p>Tòa soạn: 268-270 Nguyễn Đình Chiểu, P.Võ Thị Sáu, Q.3, TP.HCM. Điện thoại: (028) 39302302.</p>
  <p>Thanh Niên giữ bản quyền nội dung trên website này.</p>
</div>
</body>
</html>
"""
    body_gold = list(b)  # subheadings are part of the body, like the dantri gold
    g = gold(n, art, pub, "Thanh Niên", body=body_gold)
    PAGES.append((n, page, g, None))

# ---------------------------------------------------------------- VOV
def vov():
    n, art = "vov_1", ARTICLES["vov_1"]
    pub = "2022-03-12T18:25:00+07:00"
    b = art["body"]; img = art["images"][0]
    url = "https://vov.vn/the-gioi/indonesia-so-tan-hon-3000-dan-gan-nui-lua-semeru-post931220.vov"
    ld = jsonld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": art["title"],
                 "datePublished": pub, "dateModified": "2022-03-12T18:40:00+07:00",
                 "image": [img["src"]], "author": [{"@type": "Person", "name": "Minh Hòa"}],
                 "publisher": {"@type": "Organization", "name": "VOV.VN", "logo": {"@type": "ImageObject", "url": "https://vov.vn/themes/custom/vov/logo.svg"}}})
    most = pool(3)
    page = f"""<!DOCTYPE html>
<html lang="vi" dir="ltr">
<head>
<meta charset="utf-8">
<title>{e(art['title'])} | VOV.VN</title>
<meta name="description" content="{a(art['lede'])}">
<meta property="og:site_name" content="VOV.VN">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="og:title" content="{a(art['title'])}">
<meta property="og:description" content="{a(art['lede'])}">
<meta property="og:image" content="{img['src']}">
<link rel="canonical" href="{url}">
{ld}
</head>
<body class="path-node page-node-type-article">
<div class="header-top"><span class="date-now">Thứ Bảy, 12/03/2022</span> <a href="https://english.vov.vn">English</a> <a href="https://vovworld.vn">VOV World</a> <a href="#">Đăng nhập</a></div>
<header id="header"><a href="/" class="site-logo"><img src="/themes/custom/vov/logo.svg" alt="Trang chủ"></a>
<nav><ul class="menu">
  <li><a href="/chinh-tri">Chính trị</a></li><li><a href="/doi-song">Đời sống</a></li><li><a href="/the-gioi">Thế giới</a></li>
  <li><a href="/kinh-te">Kinh tế</a></li><li><a href="/xa-hoi">Xã hội</a></li><li><a href="/phap-luat">Pháp luật</a></li>
  <li><a href="/the-thao">Thể thao</a></li><li><a href="/van-hoa">Văn hóa</a></li><li><a href="/suc-khoe">Sức khỏe</a></li><li><a href="/quan-su-quoc-phong">Quân sự</a></li>
</ul></nav></header>
<main>
<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/the-gioi">Thế giới</a> / <a href="/the-gioi/tin-tuc">Tin tức</a></div>
<div class="article-detail">
  <div class="article-header">
    <div class="article-date"><span>Thứ Bảy, 18:25, 12/03/2022</span></div>
    <h1 class="article-title">{e(art['title'])}</h1>
    <div class="article-social"><a href="#" class="share-facebook">Chia sẻ</a> <a href="#" class="share-twitter">Tweet</a> <a href="#" class="share-zalo">Zalo</a></div>
  </div>
  <div class="article-summary"><div class="text-summary">VOV.VN - {e(art['lede'])}</div></div>
  <div class="article-content">
    <div class="text-long">
<figure role="group" class="caption caption-img align-center">
<img alt="{a(img['caption'])}" src="{img['src']}" width="800" height="533">
<figcaption>{e(img['caption'])} (Ảnh: {e(img['credit'])})</figcaption>
</figure>
{paras(b)}
<p style="text-align: right;"><strong>Minh Hòa/VOV.VN (Theo Reuters)</strong></p>
    </div>
  </div>
  <div class="article-tags"><span>Từ khóa:</span> <a href="/tag/indonesia">Indonesia</a> <a href="/tag/nui-lua">núi lửa</a> <a href="/tag/so-tan">sơ tán</a></div>
  <div class="article-related">
    <h3 class="title-section">Tin liên quan</h3>
    <div class="views-row">{''.join(f'<div class="card"><a href="{r["url"]}"><img src="/thumb.jpg" alt=""></a><h4 class="card-title"><a href="{r["url"]}">{e(r["title"])}</a></h4></div>' for r in art['related'])}</div>
  </div>
  <div class="comment-form"><h3>Bình luận</h3><textarea placeholder="Nhập bình luận của bạn"></textarea><input placeholder="Họ và tên"><input placeholder="Email"><button>Gửi bình luận</button></div>
</div>
<aside class="sidebar">
  <div class="block-most-view"><h3 class="title-section">Đọc nhiều</h3>
    <ul>{''.join(f'<li><a href="/{slug(t)}.vov">{e(t)}</a></li>' for t in most)}</ul></div>
  <div class="block-latest"><h3 class="title-section">Tin mới nhất</h3>
    <ul>{''.join(f'<li><a href="/{slug(t)}.vov">{e(t)}</a> <span class="time">1 giờ trước</span></li>' for t in pool(4, 3))}</ul></div>
</aside>
</main>
<footer><p>Cơ quan chủ quản: Đài Tiếng nói Việt Nam. Giấy phép số 1022/GP-BTTTT.</p>
<p>Địa chỉ: Số 45 Bà Triệu, Hoàn Kiếm, Hà Nội. Email: baodientu@vov.vn</p>
<p>Bản quyền thuộc về Báo điện tử VOV - Đài Tiếng nói Việt Nam.</p></footer>
</body>
</html>
"""
    g = gold(n, art, pub, "VOV.VN")
    PAGES.append((n, page, g, None))

# ---------------------------------------------------------------- VietnamPlus (<time datetime>, OG without date)
def vietnamplus():
    n, art = "vietnamplus_1", ARTICLES["vietnamplus_1"]
    pub = "2022-05-20T09:12:00+07:00"
    b = list(art["body"]); img = art["images"][0]
    shown = b[:-1] + [b[-1][:-1] + "./."]  # the page ends the story with the TTXVN end mark
    url = "https://www.vietnamplus.vn/thai-lan-khoi-cong-tuyen-duong-sat-doi-noi-bangkok-voi-bien-gioi-lao/791034.vnp"
    most = pool(5)
    page = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{e(art['title'])} | Vietnam+ (VietnamPlus)</title>
<meta name="description" content="{a(art['lede'])}">
<meta property="og:site_name" content="VietnamPlus">
<meta property="og:type" content="article">
<meta property="og:title" content="{a(art['title'])}">
<meta property="og:description" content="{a(art['lede'])}">
<meta property="og:url" content="{url}">
<meta property="og:image" content="{img['src']}">
<link rel="canonical" href="{url}">
</head>
<body>
<div class="site-header">
  <a class="logo" href="/"><img src="/images/logo.svg" alt="VietnamPlus"></a>
  <div class="header-links"><a href="https://en.vietnamplus.vn">English</a> <a href="https://es.vietnamplus.vn">Español</a> <a href="https://fr.vietnamplus.vn">Français</a> <a href="https://zh.vietnamplus.vn">中文</a></div>
  <ul class="main-menu">
    <li><a href="/chinhtri.vnp">Chính trị</a></li><li><a href="/kinhte.vnp">Kinh tế</a></li><li><a href="/xahoi.vnp">Xã hội</a></li>
    <li><a href="/thegioi.vnp">Thế giới</a></li><li><a href="/doisong.vnp">Đời sống</a></li><li><a href="/vanhoa.vnp">Văn hóa</a></li>
    <li><a href="/thethao.vnp">Thể thao</a></li><li><a href="/khoahoc.vnp">Khoa học</a></li><li><a href="/congnghe.vnp">Công nghệ</a></li><li><a href="/media.vnp">Media</a></li>
  </ul>
</div>
<div class="container">
  <div class="breadcrumb"><a href="/thegioi.vnp">Thế giới</a> <a href="/thegioi/asean.vnp">ASEAN</a></div>
  <article class="article">
    <h1 class="article__title cms-title">{e(art['title'])}</h1>
    <div class="article__meta"><time class="time" datetime="{pub}">Thứ Sáu, 20/05/2022 09:12 (GMT+7)</time>
      <div class="social"><a href="#" class="fb">Facebook</a> <a href="#" class="tw">Twitter</a> <a href="#" class="print">In</a> <a href="#" class="comment">Bình luận</a></div></div>
    <div class="article__sapo cms-desc">{e(art['lede'])}</div>
    <div class="article__avatar"><figure class="expNoEdit"><img src="{img['src']}" alt="{a(art['title'])}" class="cms-photo"><figcaption class="cms-caption">{e(img['caption'])} (Ảnh: {e(img['credit'])})</figcaption></figure></div>
    <div class="article__body cms-body">
{paras(shown)}
<p class="article__author cms-author" style="text-align:right;"><strong>Minh Tâm (TTXVN/Vietnam+)</strong></p>
    </div>
    <div class="article__tag"><span>Tags:</span> <a href="/tags/Thái-Lan.vnp">Thái Lan</a> <a href="/tags/đường-sắt.vnp">đường sắt</a></div>
    <div class="article__related"><h3 class="box-heading">Tin liên quan</h3>
      <ul>{''.join(f'<li><a href="{r["url"]}" class="story__title">{e(r["title"])}</a></li>' for r in art['related'])}</ul></div>
  </article>
  <div class="box-more"><h3 class="box-heading">Xem thêm</h3><p class="note">Nhiều tin tức khác trên VietnamPlus</p>
    <ul>{''.join(f'<li><a href="/{slug(t)}.vnp">{e(t)}</a></li>' for t in most[:3])}</ul></div>
  <div class="box-most-read"><h3 class="box-heading">Đọc nhiều nhất</h3>
    <ol>{''.join(f'<li><a href="/{slug(t)}.vnp">{e(t)}</a></li>' for t in most)}</ol></div>
</div>
<div class="footer">
  <p>Cơ quan chủ quản: Thông tấn xã Việt Nam (TTXVN). Giấy phép số 1374/GP-BTTTT.</p>
  <p>Báo điện tử VietnamPlus, số 5 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội. Email: vietnamplus@vnanet.vn</p>
  <p>Bản quyền thuộc về VietnamPlus. Cấm sao chép dưới mọi hình thức nếu không có sự chấp thuận bằng văn bản.</p>
</div>
</body>
</html>
"""
    g = gold(n, art, pub, "VietnamPlus")
    PAGES.append((n, page, g, None))

# ---------------------------------------------------------------- ZNews
SUMMARIES = {
    "Những sinh vật kỳ lạ sống dưới đáy đại dương": "Từ cá rồng đến mực ma cà rồng, nhiều loài sinh vật biển sâu có hình dạng khiến con người kinh ngạc.",
    "Tàu lặn Trung Quốc chạm đáy rãnh Mariana": "Tàu lặn có người lái của Trung Quốc đã xuống độ sâu hơn 10.900 m trong lần thử nghiệm mới nhất.",
}
def znews():
    n, art = "znews_1", ARTICLES["znews_1"]
    pub = "2023-10-12T10:32:00+07:00"
    b = art["body"]; img = art["images"][0]; rel = art["related"]
    url = "https://znews.vn/nhat-ban-phat-hien-loai-ca-moi-o-do-sau-8000-m-post1434512.html"
    ld = jsonld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": art["title"],
                 "description": art["lede"], "url": url, "datePublished": pub, "dateModified": pub,
                 "image": {"@type": "ImageObject", "url": img["src"]},
                 "author": {"@type": "Person", "name": "Bảo Anh"},
                 "publisher": {"@type": "Organization", "name": "ZNEWS.VN"}})
    def inner(r):
        return f"""<div class="inner-article"><a href="{r['url']}"><img src="https://znews-photo.zingcdn.me/w210/thumb.jpg" alt=""></a>
<p class="article-title"><a href="{r['url']}">{e(r['title'])}</a></p>
<p class="article-summary">{e(SUMMARIES[r['title']])}</p></div>"""
    most = pool(6)
    page = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{e(art['title'])} - Znews.vn</title>
<meta name="description" content="{a(art['lede'])}">
<meta property="og:site_name" content="ZNEWS.VN">
<meta property="og:type" content="article">
<meta property="og:title" content="{a(art['title'])}">
<meta property="og:url" content="{url}">
<meta property="og:image" content="{img['src']}">
<link rel="canonical" href="{url}">
{ld}
</head>
<body>
<header id="site-header"><a id="logo" href="/">ZNEWS</a>
  <nav id="site-nav"><ul><li><a href="/xuat-ban.html">Xuất bản</a></li><li><a href="/kinh-doanh-tai-chinh.html">Kinh doanh</a></li><li><a href="/cong-nghe.html">Công nghệ</a></li>
  <li><a href="/the-gioi.html">Thế giới</a></li><li><a href="/the-thao.html">Thể thao</a></li><li><a href="/giai-tri.html">Giải trí</a></li><li><a href="/doi-song.html">Đời sống</a></li>
  <li><a href="/suc-khoe.html">Sức khỏe</a></li><li><a href="/du-lich.html">Du lịch</a></li><li><a href="/video.html">Video</a></li></ul></nav></header>
<div class="page-wrapper">
<article class="the-article">
  <header class="the-article-header">
    <p class="the-article-category"><a href="/the-gioi.html">Thế giới</a> <a href="/khoa-hoc.html">Khoa học</a></p>
    <h1 class="the-article-title">{e(art['title'])}</h1>
    <ul class="the-article-meta">
      <li class="the-article-author"><a href="/tac-gia/bao-anh.html" class="author">Bảo Anh</a></li>
      <li class="the-article-publish">Thứ năm, 12/10/2023 10:32 (GMT+07:00)</li>
    </ul>
    <div class="the-article-tools"><a href="#" class="social-fb">Facebook</a> <a href="#" class="social-zalo">Zalo</a> <a href="#" class="comment-count">0 bình luận</a></div>
  </header>
  <section class="main">
    <p class="the-article-summary">{e(art['lede'])}</p>
    <div class="the-article-body">
<p>{e(b[0])}</p>
<table class="picture" align="center"><tbody>
<tr><td class="pic"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="{img['src']}" alt="{a(art['title'])}"></td></tr>
<tr><td class="pCaption caption"><p>{e(img['caption'])} Ảnh: <em>{e(img['credit'])}</em>.</p></td></tr>
</tbody></table>
<p>{e(b[1])}</p>
{inner(rel[0])}
<p>{e(b[2])}</p>
<p>{e(b[3])}</p>
{inner(rel[1])}
<p>{e(b[4])}</p>
    </div>
    <p class="the-article-credit"><strong>Theo Kyodo</strong></p>
    <p class="the-article-tags"><a href="/tieu-diem/bien-sau.html" class="tag-item">biển sâu</a> <a href="/tieu-diem/nhat-ban.html" class="tag-item">Nhật Bản</a></p>
  </section>
</article>
<section id="comment-section"><h2>Bình luận</h2><p class="empty">Chưa có bình luận nào. Hãy là người đầu tiên bình luận về bài viết này.</p><textarea></textarea></section>
<section class="section recommendation"><h2 class="section-title">Có thể bạn quan tâm</h2>
  {''.join(f'<article class="article-item"><p class="article-title"><a href="/{slug(t)}.html">{e(t)}</a></p><p class="article-summary">Bấm để đọc tiếp nội dung bài viết.</p></article>' for t in most[:4])}</section>
<section class="section most-popular"><h2 class="section-title">Đọc nhiều nhất</h2><ol>{''.join(f'<li><a href="/{slug(t)}.html">{e(t)}</a></li>' for t in most)}</ol></section>
</div>
<footer id="site-footer"><p>Giấy phép số 75/GP-BTTTT. Cơ quan chủ quản: Hội Xuất bản Việt Nam.</p><p>© Copyright ZNEWS.VN. Tạp chí điện tử Tri thức trực tuyến.</p></footer>
</body>
</html>
"""
    g = gold(n, art, pub, "ZNEWS.VN")
    PAGES.append((n, page, g, None))

# ---------------------------------------------------------------- Người Lao Động
def nld():
    n, art = "nld_1", ARTICLES["nld_1"]
    pub = "2023-11-16T18:40:00+07:00"
    b = art["body"]; img = art["images"][0]
    url = "https://nld.com.vn/cong-doan/tp-hcm-cong-nhan-khu-che-xuat-duoc-ho-tro-tien-thue-nha-196231116184012345.htm"
    ld = jsonld({"@context": "http://schema.org", "@type": "NewsArticle",
                 "mainEntityOfPage": {"@type": "WebPage", "@id": url}, "headline": art["title"],
                 "description": "(NLĐO) - " + art["lede"], "datePublished": pub, "dateModified": pub,
                 "image": {"@type": "ImageObject", "url": img["src"]},
                 "author": {"@type": "Person", "name": "Kim Kha"},
                 "publisher": {"@type": "Organization", "name": "Người Lao Động", "logo": {"@type": "ImageObject", "url": "https://static.nld.com.vn/logo.png"}}})
    relbox = "".join(f'<li><a href="{r["url"]}" title="{a(r["title"])}">{e(r["title"])}</a></li>' for r in art["related"])
    most = pool(7)
    page = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{e(art['title'])}</title>
<meta name="description" content="(NLĐO) - {a(art['lede'])}">
<meta property="og:site_name" content="Người Lao Động">
<meta property="og:type" content="article">
<meta property="og:title" content="{a(art['title'])}">
<meta property="og:description" content="(NLĐO) - {a(art['lede'])}">
<meta property="og:url" content="{url}">
<meta property="og:image" content="{img['src']}">
<link rel="canonical" href="{url}">
{ld}
</head>
<body>
<div class="header"><div class="header-top"><a href="/" class="logo" title="Báo Người Lao Động Online"><img src="https://static.nld.com.vn/logo.png" alt="Người Lao Động"></a>
 <span class="date">Thứ năm, 16/11/2023</span> <a href="/tin-24h.htm">Tin 24h</a> <a href="/e-magazine.htm">E-magazine</a> <a href="#">Đăng ký gói bạn đọc VIP</a></div>
 <ul class="menu-main"><li><a href="/thoi-su.htm">Thời sự</a></li><li><a href="/quoc-te.htm">Quốc tế</a></li><li><a href="/lao-dong.htm">Lao động</a></li>
 <li><a href="/ban-doc.htm">Bạn đọc</a></li><li><a href="/net-zero.htm">Net Zero</a></li><li><a href="/kinh-te.htm">Kinh tế</a></li><li><a href="/suc-khoe.htm">Sức khỏe</a></li>
 <li><a href="/giao-duc-khoa-hoc.htm">Giáo dục</a></li><li><a href="/phap-luat.htm">Pháp luật</a></li><li><a href="/van-hoa-van-nghe.htm">Văn hóa - Văn nghệ</a></li><li><a href="/giai-tri.htm">Giải trí</a></li><li><a href="/the-thao.htm">Thể thao</a></li></ul></div>
<div class="main-detail">
  <div class="breadcrumb"><a href="/lao-dong.htm">Lao động</a> <a href="/cong-doan.htm">Công đoàn</a></div>
  <h1 class="title-content" data-role="title">{e(art['title'])}</h1>
  <div class="author-time"><span class="author-name">Kim Kha</span> <span class="date-time" data-role="publishdate">16/11/2023 18:40</span></div>
  <div class="share-top"><a href="#" class="fb">Chia sẻ</a> <a href="#" class="zalo">Zalo</a> <a href="#" class="email">Email</a> <a href="#" class="font">A-</a> <a href="#" class="font">A+</a></div>
  <h2 class="sapo" data-role="sapo">(NLĐO) - {e(art['lede'])}</h2>
  <div class="content-news-detail" data-role="content">
<p>{e(b[0])}</p>
<p>{e(b[1])}</p>
<div class="VCSortableInPreviewMode" type="RelatedNewsBox"><div class="relate-container"><p class="title">Tin liên quan</p><ul>{relbox}</ul></div></div>
<figure class="VCSortableInPreviewMode" type="Photo"><div><img src="{img['src']}" alt="{a(img['caption'])}"></div>
<figcaption class="PhotoCMS_Caption"><p>{e(img['caption'])} (Nguồn: {e(img['credit'])})</p></figcaption></figure>
<p>{e(b[2])}</p>
<p>{e(b[3])}</p>
  </div>
  <div class="tags-container"><a href="/cong-nhan.html">công nhân</a> <a href="/nha-tro.html">nhà trọ</a> <a href="/lien-doan-lao-dong.html">Liên đoàn Lao động TP HCM</a></div>
  <div class="comment-box"><p class="title">Bình luận (3)</p><textarea placeholder="Ý kiến của bạn"></textarea>
   <div class="comment-item"><b>Ngọc Hân</b><p>Mong chương trình mở rộng cho cả công nhân ở các huyện ngoại thành.</p><span>Trả lời</span></div>
   <div class="comment-item"><b>Tuấn Trần</b><p>500 nghìn không nhiều nhưng rất ý nghĩa với anh chị em công nhân.</p><span>Trả lời</span></div></div>
  <div class="box-samecate"><p class="title">Tin cùng chuyên mục</p><ul>{''.join(f'<li><a href="/{slug(t)}.htm">{e(t)}</a></li>' for t in most[:4])}</ul></div>
  <div class="box-docnhieu"><p class="title">Đọc nhiều</p><ul>{''.join(f'<li><a href="/{slug(t)}.htm">{e(t)}</a></li>' for t in most[1:])}</ul></div>
</div>
<div class="footer"><p>Cơ quan chủ quản: Thành ủy TP Hồ Chí Minh. Giấy phép số 115/GP-BTTTT.</p><p>Tòa soạn: 127 Võ Văn Tần, phường Võ Thị Sáu, quận 3, TP HCM. Đường dây nóng: 0903.343.439</p>
<p>© Bản quyền thuộc về Báo Người Lao Động. Không được sao chép hoặc sử dụng khi chưa có sự đồng ý bằng văn bản.</p></div>
</body>
</html>
"""
    g = gold(n, art, pub, "Người Lao Động")
    PAGES.append((n, page, g, None))

# ---------------------------------------------------------------- Lao Động (JSON-LD, og modified time only)
def laodong():
    n, art = "laodong_1", ARTICLES["laodong_1"]
    pub = "2022-08-14T15:30:00+07:00"
    b = art["body"]; img = art["images"][0]
    url = "https://laodong.vn/xa-hoi/quang-ninh-tam-dung-tau-du-lich-tren-vinh-ha-long-1081234.ldo"
    ld = jsonld({"@context": "https://schema.org", "@type": "NewsArticle", "headline": art["title"],
                 "datePublished": pub, "dateModified": "2022-08-14T17:02:00+07:00",
                 "image": [img["src"]], "author": {"@type": "Person", "name": "Nguyễn Hùng"},
                 "publisher": {"@type": "Organization", "name": "Báo Lao Động"}})
    most = pool(8)
    page = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{e(art['title'])} | Báo Lao Động</title>
<meta name="description" content="{a(art['lede'])}">
<meta property="og:site_name" content="Báo Lao Động">
<meta property="og:type" content="article">
<meta property="og:title" content="{a(art['title'])}">
<meta property="og:description" content="{a(art['lede'])}">
<meta property="og:url" content="{url}">
<meta property="og:image" content="{img['src']}">
<meta property="article:modified_time" content="2022-08-14T17:02:00+07:00">
{ld}
</head>
<body>
<div class="header"><a class="logo" href="/"><img src="/img/logo-ldo.svg" alt="Lao Động"></a>
<ul class="nav"><li><a href="/thoi-su">Thời sự</a></li><li><a href="/cong-doan">Công đoàn</a></li><li><a href="/xa-hoi">Xã hội</a></li><li><a href="/the-gioi">Thế giới</a></li>
<li><a href="/kinh-doanh">Kinh doanh</a></li><li><a href="/bat-dong-san">Bất động sản</a></li><li><a href="/du-lich">Du lịch</a></li><li><a href="/the-thao">Thể thao</a></li><li><a href="/van-hoa-giai-tri">Văn hóa - Giải trí</a></li></ul></div>
<div class="article-detail">
  <div class="breadcrumbs"><a href="/xa-hoi">Xã hội</a></div>
  <div class="time">Chủ Nhật, 14/08/2022 15:30</div>
  <h1 class="title">{e(art['title'])}</h1>
  <div class="author"><a href="/tac-gia/nguyen-hung">Nguyễn Hùng</a> <span class="tool"><a href="#">Chia sẻ</a> <a href="#">Bình luận</a></span></div>
  <div class="chappeau"><p>{e(art['lede'])}</p></div>
  <div class="art-body">
<p>{e(b[0])}</p>
<figure class="insert-center-image"><img src="{img['src']}" alt="{a(img['caption'])}"><figcaption>{e(img['caption'])} Ảnh: {e(img['credit'])}</figcaption></figure>
{paras(b[1:])}
  </div>
  <div class="lst-tags"><span>Tags:</span> <a href="/tags/vinh-ha-long">Vịnh Hạ Long</a> <a href="/tags/ap-thap-nhiet-doi">Áp thấp nhiệt đới</a> <a href="/tags/quang-ninh">Quảng Ninh</a></div>
  <div class="box-related"><div class="box-title">Tin liên quan</div>
    <ul>{''.join(f'<li><a href="{r["url"]}">{e(r["title"])}</a></li>' for r in art['related'])}</ul></div>
  <div class="comment"><div class="box-title">Bình luận</div><p>Để lại ý kiến của bạn về bài viết này.</p><textarea></textarea></div>
  <div class="box-moi-nhat"><div class="box-title">Tin mới nhất</div><ul>{''.join(f'<li><a href="/{slug(t)}.ldo">{e(t)}</a> <time>14/08/2022</time></li>' for t in most[:4])}</ul></div>
  <div class="box-doc-nhieu"><div class="box-title">Đọc nhiều</div><ul>{''.join(f'<li><a href="/{slug(t)}.ldo">{e(t)}</a></li>' for t in most[2:])}</ul></div>
</div>
<div class="footer"><p>Cơ quan của Tổng Liên đoàn Lao động Việt Nam. Giấy phép số 180/GP-BTTTT.</p><p>Tòa soạn: 6 Phạm Văn Bạch, Yên Hòa, Cầu Giấy, Hà Nội.</p><p>Bản quyền thuộc về Báo Lao Động.</p></div>
</body>
</html>
"""
    g = gold(n, art, pub, "Lao Động")  # the name without the word for newspaper, as in the dantri gold
    PAGES.append((n, page, g, None))

# ---------------------------------------------------------------- Báo Chính phủ (windows-1258, visible dateline only)
def baochinhphu():
    n, art = "baochinhphu_1", ARTICLES["baochinhphu_1"]
    pub = "2022-09-12T15:40:00+07:00"
    b = art["body"]
    most = pool(9)
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1258" />
<title>{e(art['title'])} - Chinhphu.vn</title>
</head>
<body>
<table width="100%" class="header"><tr><td><a href="/"><img src="/images/banner.jpg" alt="Báo điện tử Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam" /></a></td>
<td class="links"><a href="/">Trang chủ</a> | <a href="http://en.baochinhphu.vn">English</a> | <a href="http://cn.baochinhphu.vn">Tiếng Trung</a> | <a href="/lien-he.htm">Liên hệ</a></td></tr></table>
<div class="menu"><a href="/chinh-sach-moi.htm">Chính sách mới</a> <a href="/hoat-dong-cua-lanh-dao.htm">Hoạt động của lãnh đạo</a> <a href="/chi-dao-quyet-dinh-cua-chinh-phu.htm">Chỉ đạo, quyết định của Chính phủ</a>
<a href="/kinh-te.htm">Kinh tế</a> <a href="/xa-hoi.htm">Xã hội</a> <a href="/quoc-te.htm">Quốc tế</a> <a href="/multimedia.htm">Multimedia</a></div>
<div class="detail">
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/chi-dao-quyet-dinh-cua-chinh-phu.htm">Chỉ đạo, quyết định của Chính phủ</a></div>
<div class="detail-time">Thứ Hai, 12/09/2022 15:40 (GMT+7)</div>
<h1 class="detail-title">{e(art['title'])}</h1>
<h2 class="detail-sapo">(Chinhphu.vn) - {e(art['lede'])}</h2>
<div class="detail-content">
{paras(b)}
<p style="text-align:right"><b>Thu Trang</b></p>
</div>
<div class="detail-tools"><a href="#">In bài</a> | <a href="#">Gửi bài</a> | <a href="#">Về đầu trang</a> | <a href="#">Chia sẻ Facebook</a></div>
<div class="detail-related"><b class="title">Tin bài liên quan</b>
<ul>{''.join(f'<li><a href="{r["url"]}">{e(r["title"])}</a></li>' for r in art['related'])}</ul></div>
<div class="detail-other"><b class="title">Các tin khác</b>
<ul>{''.join(f'<li><a href="/{slug(t)}.htm">{e(t)}</a> <i>(12/09/2022)</i></li>' for t in most[:4])}</ul></div>
</div>
<div class="footer">
<p>BÁO ĐIỆN TỬ CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
<p>Tổng Giám đốc: Nguyễn Hồng Sâm. Giấy phép số 222/GP-BTTTT. Trụ sở: 16 Lê Hồng Phong, Ba Đình, Hà Nội.</p>
<p>Ghi rõ nguồn "Cổng Thông tin điện tử Chính phủ" hoặc "www.chinhphu.vn" khi phát hành lại thông tin từ các nguồn này.</p>
</div>
</body>
</html>
"""
    g = gold(n, art, pub, "Chinhphu.vn")
    PAGES.append((n, page, g, "CP1258"))

# ---------------------------------------------------------------- WordPress local paper (Yoast @graph)
def tincuulong():
    n, art = "tincuulong_1", ARTICLES["tincuulong_1"]
    pub = "2023-12-09T08:15:22+07:00"
    b = art["body"]; im = art["images"]
    url = "https://tincuulong.vn/vinh-long-lang-gom-mang-thit-don-khach-tro-lai-dip-cuoi-nam/"
    ld = '<script type="application/ld+json" class="yoast-schema-graph">' + json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "@id": url + "#article", "isPartOf": {"@id": url},
         "author": {"name": "Phương Thảo", "@id": "https://tincuulong.vn/#/schema/person/7c1e"},
         "headline": art["title"], "datePublished": pub, "dateModified": "2023-12-10T21:03:11+07:00",
         "mainEntityOfPage": {"@id": url}, "wordCount": 412, "publisher": {"@id": "https://tincuulong.vn/#organization"},
         "image": {"@id": url + "#primaryimage"}, "articleSection": ["Du lịch", "Vĩnh Long"], "inLanguage": "vi"},
        {"@type": "WebPage", "@id": url, "url": url, "name": art["title"] + " - Tin Cửu Long", "datePublished": pub,
         "dateModified": "2023-12-10T21:03:11+07:00", "inLanguage": "vi"},
        {"@type": "ImageObject", "@id": url + "#primaryimage", "url": im[0]["src"], "width": 1280, "height": 853},
        {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Trang chủ", "item": "https://tincuulong.vn/"},
                                                        {"@type": "ListItem", "position": 2, "name": art["title"]}]},
        {"@type": "Organization", "@id": "https://tincuulong.vn/#organization", "name": "Tin Cửu Long", "url": "https://tincuulong.vn/"},
        {"@type": "Person", "@id": "https://tincuulong.vn/#/schema/person/7c1e", "name": "Phương Thảo"}]}, ensure_ascii=False) + "</script>"
    rel = "".join(f"""<div class="jp-relatedposts-post jp-relatedposts-post{k}" data-post-id="{3100+k}" data-post-format="false"><h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="{r['url']}" title="{a(r['title'])}" rel="nofollow">{e(r['title'])}</a></h4><p class="jp-relatedposts-post-date">{d}</p><p class="jp-relatedposts-post-context">Trong &quot;Du lịch&quot;</p></div>"""
                  for k, (r, d) in enumerate(zip(art["related"], ["20/11/2023", "02/10/2023", "15/09/2023"])))
    most = pool(10)
    page = f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(art['title'])} - Tin Cửu Long</title>
<meta name="robots" content="index, follow, max-image-preview:large">
<link rel="canonical" href="{url}">
<meta property="og:locale" content="vi_VN">
<meta property="og:type" content="article">
<meta property="og:title" content="{a(art['title'])} - Tin Cửu Long">
<meta property="og:description" content="{a(art['lede'])}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="Tin Cửu Long">
<meta property="article:published_time" content="2023-12-09T01:15:22+00:00">
<meta property="article:modified_time" content="2023-12-10T14:03:11+00:00">
<meta property="og:image" content="{im[0]['src']}">
<meta name="author" content="Phương Thảo">
<meta name="twitter:label1" content="Được viết bởi"><meta name="twitter:data1" content="Phương Thảo">
<meta name="twitter:label2" content="Ước tính thời gian đọc"><meta name="twitter:data2" content="3 phút">
{ld}
<link rel="stylesheet" id="wp-block-library-css" href="https://tincuulong.vn/wp-includes/css/dist/block-library/style.min.css?ver=6.4.2" media="all">
</head>
<body class="post-template-default single single-post postid-3187 single-format-standard">
<a class="skip-link screen-reader-text" href="#content">Chuyển đến nội dung</a>
<div id="page" class="site">
<header id="masthead" class="site-header">
  <div class="td-header-top-menu"><span class="td_data_time">Thứ Bảy, Tháng Mười Hai 9, 2023</span>
    <ul class="top-header-menu"><li><a href="/gioi-thieu/">Giới thiệu</a></li><li><a href="/lien-he/">Liên hệ</a></li><li><a href="/quang-cao/">Quảng cáo</a></li></ul></div>
  <div class="site-branding"><p class="site-title"><a href="https://tincuulong.vn/" rel="home">Tin Cửu Long</a></p><p class="site-description">Tin tức đồng bằng sông Cửu Long</p></div>
  <nav id="site-navigation" class="main-navigation"><button class="menu-toggle" aria-controls="primary-menu">Menu</button>
    <ul id="primary-menu" class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/category/thoi-su/">Thời sự</a></li><li><a href="/category/kinh-te/">Kinh tế</a></li>
    <li><a href="/category/nong-nghiep/">Nông nghiệp</a></li><li><a href="/category/du-lich/">Du lịch</a></li><li><a href="/category/van-hoa/">Văn hóa</a></li><li><a href="/category/the-thao/">Thể thao</a></li></ul></nav>
</header>
<div id="content" class="site-content">
<main id="main" class="site-main">
<div class="entry-crumbs"><span><a href="https://tincuulong.vn/">Trang chủ</a></span> <i class="td-icon-right"></i> <span><a href="https://tincuulong.vn/category/du-lich/">Du lịch</a></span></div>
<article id="post-3187" class="post-3187 post type-post status-publish format-standard has-post-thumbnail category-du-lich tag-gom-do tag-mang-thit">
  <header class="entry-header td-post-title">
    <ul class="td-category"><li class="entry-category"><a href="https://tincuulong.vn/category/du-lich/">Du lịch</a></li></ul>
    <h1 class="entry-title">{e(art['title'])}</h1>
    <p class="td-post-sub-title">{e(art['lede'])}</p>
    <div class="td-module-meta-info entry-meta">
      <span class="byline"> Đăng bởi <span class="author vcard"><a class="url fn n" href="https://tincuulong.vn/author/phuongthao/">Phương Thảo</a></span></span>
      <span class="posted-on"><a href="{url}" rel="bookmark"><time class="entry-date published" datetime="{pub}">09/12/2023</time><time class="updated" datetime="2023-12-10T21:03:11+07:00">10/12/2023</time></a></span>
      <span class="td-post-views">1.284 lượt xem</span> <span class="td-post-comments"><a href="#comments">2 bình luận</a></span>
    </div>
  </header>
  <div class="td-post-sharing-top"><a class="td-social-facebook" href="#">Facebook</a> <a class="td-social-twitter" href="#">Twitter</a> <a class="td-social-zalo" href="#">Zalo</a> <a class="td-social-copy_url" href="#">Sao chép URL</a></div>
  <div class="entry-content td-post-content">
<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="682" src="{im[0]['src']}" alt="" class="wp-image-3190" srcset="{im[0]['src']} 1024w, {im[0]['src'].replace('.jpg', '-300x200.jpg')} 300w" sizes="(max-width: 1024px) 100vw, 1024px"><figcaption class="wp-element-caption">{e(im[0]['caption'])} Ảnh: {e(im[0]['credit'])}</figcaption></figure>
<p>{e(b[0])}</p>
<p>{e(b[1])}</p>
<p>{e(b[2])}</p>
<div id="attachment_3191" style="width: 810px" class="wp-caption aligncenter"><img aria-describedby="caption-attachment-3191" loading="lazy" class="size-full wp-image-3191" src="{im[1]['src']}" alt="" width="800" height="533"><p id="caption-attachment-3191" class="wp-caption-text">{e(im[1]['caption'])} (Ảnh: {e(im[1]['credit'])})</p></div>
<p>{e(b[3])}</p>
<p>{e(b[4])}</p>
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">Chia sẻ:</h3><div class="sd-content"><ul><li class="share-facebook"><a href="#" class="share-facebook sd-button">Facebook</a></li><li class="share-x"><a href="#" class="share-x sd-button">X</a></li><li class="share-print"><a href="#" class="share-print sd-button">In</a></li></ul></div></div></div>
<div class="sharedaddy sd-block sd-like jetpack-likes-widget-wrapper"><h3 class="sd-title">Thích bài này:</h3><div class="likes-widget-placeholder post-likes-widget-placeholder"><span class="button"><span>Thích</span></span> <span class="loading">Đang tải...</span></div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Bài viết liên quan</em></h3><div class="jp-relatedposts-items jp-relatedposts-items-minimal">{rel}</div></div>
  </div>
  <footer class="entry-footer"><span class="cat-links">Chuyên mục: <a href="/category/du-lich/" rel="category tag">Du lịch</a></span> <span class="tags-links">Thẻ: <a href="/tag/gom-do/" rel="tag">gốm đỏ</a>, <a href="/tag/mang-thit/" rel="tag">Mang Thít</a></span></footer>
</article>
<nav class="navigation post-navigation" aria-label="Bài viết"><h2 class="screen-reader-text">Điều hướng bài viết</h2><div class="nav-links">
  <div class="nav-previous"><a href="/nong-dan-tra-on-trung-mua-khoai-lang/" rel="prev"><span class="meta-nav">Bài trước</span> Nông dân Trà Ôn trúng mùa khoai lang</a></div>
  <div class="nav-next"><a href="/cau-dinh-khao-thong-xe-ky-thuat/" rel="next"><span class="meta-nav">Bài sau</span> Cầu Đình Khao thông xe kỹ thuật</a></div></div></nav>
<div id="comments" class="comments-area">
  <h2 class="comments-title">2 bình luận về &ldquo;{e(art['title'])}&rdquo;</h2>
  <ol class="comment-list">
    <li id="comment-41" class="comment even thread-even depth-1"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Hữu Lộc</b> <span class="says">viết:</span></div><div class="comment-metadata"><time datetime="2023-12-09T10:02:51+07:00">09/12/2023 lúc 10:02</time></div></footer>
      <div class="comment-content"><p>Cuối tuần rồi tôi có ghé, cảnh rất đẹp nhưng đường vào hơi hẹp, mong địa phương làm thêm bãi giữ xe.</p></div><div class="reply"><a class="comment-reply-link" href="#">Trả lời</a></div></article></li>
    <li id="comment-42" class="comment odd alt thread-odd depth-1"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Mai</b> <span class="says">viết:</span></div><div class="comment-metadata"><time datetime="2023-12-09T20:44:10+07:00">09/12/2023 lúc 20:44</time></div></footer>
      <div class="comment-content"><p>Làng gốm là di sản của miền Tây, rất cần được giữ gìn.</p></div><div class="reply"><a class="comment-reply-link" href="#">Trả lời</a></div></article></li>
  </ol>
  <div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Để lại một bình luận</h3>
    <form id="commentform" class="comment-form"><p class="comment-notes">Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *</p>
    <p class="comment-form-comment"><label for="comment">Bình luận *</label><textarea id="comment" name="comment"></textarea></p>
    <p class="comment-form-author"><label for="author">Tên *</label><input id="author" name="author"></p>
    <p class="form-submit"><input name="submit" type="submit" value="Phản hồi"></p></form></div>
</div>
</main>
<aside id="secondary" class="widget-area">
  <section id="search-2" class="widget widget_search"><form role="search" class="search-form"><label><span class="screen-reader-text">Tìm kiếm cho:</span><input type="search" class="search-field" placeholder="Tìm kiếm &hellip;"></label><input type="submit" class="search-submit" value="Tìm kiếm"></form></section>
  <section id="top-posts-2" class="widget widget_top-posts"><h2 class="widget-title">Đọc nhiều</h2><ul>{''.join(f'<li><a href="/{slug(t)}/" class="bump-view">{e(t)}</a></li>' for t in most[:4])}</ul></section>
  <section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Bài viết mới</h2><ul>{''.join(f'<li><a href="/{slug(t)}/">{e(t)}</a></li>' for t in most[2:])}</ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">© 2023 Tin Cửu Long. Trang thông tin điện tử tổng hợp. Giấy phép số 12/GP-STTTT do Sở Thông tin và Truyền thông tỉnh Vĩnh Long cấp. <span class="sep"> | </span> Vận hành bởi <a href="https://wordpress.org/">WordPress</a></div></footer>
</div>
</body>
</html>
"""
    g = gold(n, art, pub, "Tin Cửu Long")
    PAGES.append((n, page, g, None))

# ---------------------------------------------------------------- English-language WordPress paper
def mekong():
    n, art = "mekongobserver_1", ARTICLES["mekongobserver_1"]
    pub = "2024-03-16T19:40:00+07:00"
    b = art["body"]; img = art["images"][0]
    url = "https://mekongobserver.com/can-tho-opens-first-floating-market-visitor-centre/"
    popular = ["Ho Chi Minh City metro line one carries 10 million passengers",
               "Drought threatens rice crop in Ben Tre and Tra Vinh",
               "Vietnam's coffee prices reach 25-year high",
               "Phu Quoc airport to double capacity by 2027"]
    page = f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(art['title'])} &#8211; The Mekong Observer</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{a(art['title'])}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="The Mekong Observer">
<meta property="og:image" content="{img['src']}">
<meta property="og:description" content="{a(b[0])}">
<meta property="article:published_time" content="{pub}">
<meta property="article:modified_time" content="2024-03-18T08:10:00+07:00">
<link rel="canonical" href="{url}">
</head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">Skip to content</a>
<header id="masthead" class="site-header">
  <div class="top-bar"><span class="date">Saturday, March 16, 2024</span> <a href="/subscribe/">Subscribe</a> <a href="/newsletter/">Newsletter</a> <a href="/about/">About us</a></div>
  <div class="site-branding"><p class="site-title"><a href="/" rel="home">The Mekong Observer</a></p><p class="site-description">News from the Mekong Delta, in English</p></div>
  <nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
    <li><a href="/category/news/">News</a></li><li><a href="/category/business/">Business</a></li><li><a href="/category/travel/">Travel</a></li>
    <li><a href="/category/environment/">Environment</a></li><li><a href="/category/food/">Food</a></li><li><a href="/category/opinion/">Opinion</a></li></ul></nav>
</header>
<main id="primary" class="site-main">
<nav class="breadcrumbs"><a href="/">Home</a> &raquo; <a href="/category/travel/">Travel</a> &raquo; <span class="current">{e(art['title'])}</span></nav>
<article id="post-912" class="post-912 post type-post status-publish">
  <header class="entry-header">
    <span class="cat-links"><a href="/category/travel/" rel="category tag">Travel</a></span>
    <h1 class="entry-title">{e(art['title'])}</h1>
    <div class="entry-meta"><span class="byline">By <span class="author vcard"><a class="url fn n" href="/author/linh-tran/">Linh Tran</a></span></span>
      <span class="posted-on"><time class="entry-date published" datetime="{pub}">March 16, 2024</time><time class="updated" datetime="2024-03-18T08:10:00+07:00">March 18, 2024</time></span>
      <span class="reading-time">4 min read</span></div>
  </header>
  <div class="share-buttons"><a href="#" class="share-facebook">Share on Facebook</a> <a href="#" class="share-x">Share on X</a> <a href="#" class="share-email">Email</a></div>
  <figure class="post-thumbnail wp-block-image"><img width="1200" height="800" src="{img['src']}" class="attachment-post-thumbnail wp-post-image" alt="" decoding="async"><figcaption class="wp-element-caption">{e(img['caption'])} Photo: {e(img['credit'])}</figcaption></figure>
  <div class="entry-content">
{paras(b[:3])}
<p><strong>Read more:</strong> <a href="{art['related'][0]['url']}">{e(art['related'][0]['title'])}</a></p>
{paras(b[3:])}
  </div>
  <footer class="entry-footer"><span class="tags-links">Tagged <a href="/tag/can-tho/" rel="tag">Can Tho</a>, <a href="/tag/floating-market/" rel="tag">floating market</a>, <a href="/tag/tourism/" rel="tag">tourism</a></span></footer>
  <div class="author-box"><h4>About Linh Tran</h4><p>Linh Tran covers travel and the economy of the Mekong Delta from Can Tho.</p></div>
</article>
<section class="related-posts"><h3 class="related-title">Related Posts</h3><ul>{''.join(f'<li><a href="{r["url"]}">{e(r["title"])}</a></li>' for r in art['related'])}</ul></section>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
  <form class="comment-form"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p><p class="comment-form-comment"><label>Comment *</label><textarea></textarea></p><p class="form-submit"><input type="submit" value="Post Comment"></p></form></div></div>
</main>
<aside id="secondary" class="widget-area"><section class="widget widget_popular"><h2 class="widget-title">Most Popular</h2><ol>{''.join(f'<li><a href="/{slug(t)}/">{e(t)}</a></li>' for t in popular)}</ol></section>
<section class="widget widget_newsletter"><h2 class="widget-title">Get the morning briefing</h2><p>Sign up for our free newsletter and get the Mekong Delta's top stories in your inbox every morning.</p><input type="email" placeholder="Your email"><button>Sign up</button></section></aside>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; 2024 The Mekong Observer. All rights reserved. <a href="/privacy-policy/">Privacy Policy</a> | <a href="/terms/">Terms of Use</a> | Proudly powered by <a href="https://wordpress.org/">WordPress</a></div></footer>
</div>
</body>
</html>
"""
    g = gold(n, art, pub, "The Mekong Observer")
    PAGES.append((n, page, g, None))

# Text renderings keep only the visible dateline. Where it gives a date and a time, that is the
# publication time; a Vietnamese site's clock is Vietnam time (+07:00) unless it says otherwise
# ("Thứ Bảy, 18:25, 12/03/2022" on VOV.VN), as in the seeds' "18:19 | 14/08/2021 GMT+7". Where it
# gives a day only ("09/12/2023", "March 16, 2024"), the text gold has published null: the time
# is only in the markup the renderings drop.
NO_VISIBLE_TIME = {"tincuulong_1", "mekongobserver_1"}

def main():
    for f in (vnexpress, tuoitre, thanhnien, vov, vietnamplus, znews, nld, laodong, baochinhphu, tincuulong, mekong):
        f()
    os.makedirs("html", exist_ok=True)
    with open("gold.jsonl", "w", encoding="utf-8") as gj, open("gold-text.jsonl", "w", encoding="utf-8") as gt:
        for name, page, g, enc in PAGES:
            path = f"html/{name}.html"
            data = page.encode("utf-8")
            if enc:
                data = subprocess.run(["iconv", "-f", "UTF-8", "-t", enc], input=data, capture_output=True, check=True).stdout
            with open(path, "wb") as f:
                f.write(data)
            gj.write(json.dumps(g, ensure_ascii=False) + "\n")
            t = dict(g, file=name + ".txt")
            if name in NO_VISIBLE_TIME:
                t["published"] = None
            gt.write(json.dumps(t, ensure_ascii=False) + "\n")
    print(f"{len(PAGES)} pages")

if __name__ == "__main__":
    main()
