/* text_rules.c: the general signals the text extractor reasons with: known section and
 * furniture phrases (Vietnamese and English, compared on the folded key so that "Tin Liên
 * Quan" and "TIN LIÊN QUAN" match), and the shape of a line (prose, headline, slug, time). */
#include "extract/text_internal.h"

#include <string.h>

/* Folded text without trailing punctuation and colons: "tin lien quan:" -> "tin lien quan". */
static size_t core_len(const char *f, size_t n)
{
    while (n && strchr(" :.>»|-*#", f[n - 1]))
        n--;
    return n;
}

static size_t core_start(const char *f, size_t n)
{
    size_t i = 0;
    while (i < n && strchr(" >|-*#[]", f[i]))
        i++;
    return i;
}

static int phrase_eq(const tx_block *b, const char *const *list)
{
    if (!b->fold || b->words > 8)
        return 0;
    size_t st = core_start(b->fold, b->flen);
    size_t n = core_len(b->fold, b->flen);
    if (n <= st)
        return 0;
    for (size_t k = 0; list[k]; k++) {
        size_t pl = strlen(list[k]);
        if (n - st == pl && !memcmp(b->fold + st, list[k], pl))
            return 1;
    }
    return 0;
}

/* The phrase followed by ':' or the end: "dong su kien: dien bien ..." */
static int phrase_prefix(const tx_block *b, const char *const *list)
{
    if (!b->fold)
        return 0;
    size_t st = core_start(b->fold, b->flen);
    for (size_t k = 0; list[k]; k++) {
        size_t pl = strlen(list[k]);
        if (b->flen - st >= pl && !memcmp(b->fold + st, list[k], pl) &&
            (b->flen - st == pl || b->fold[st + pl] == ':' || b->fold[st + pl] == ' '))
            return 1;
    }
    return 0;
}

static const char *const related_heads[] = {
    "tin bai lien quan", "tin lien quan", "bai lien quan", "bai viet lien quan",
    "cac tin lien quan", "cac bai lien quan", "tin tuc lien quan", "tin cung chu de",
    "doc them", "related", "related articles", "related stories", "related news",
    "related content", "related coverage", "related posts", "related reading", "read more",
    "see also", "more on this story", "related links", NULL};

static const char *const section_heads[] = {
    "doc nhieu", "xem nhieu", "tin doc nhieu", "doc nhieu nhat", "tin xem nhieu",
    "multimedia", "cac tin bai khac", "cac tin khac", "tin khac", "bai khac", "tin moi",
    "tin moi nhat", "tin moi cap nhat", "moi nhat", "tin cung chuyen muc", "cung chuyen muc",
    "tin noi bat", "noi bat", "tieu diem", "binh luan", "y kien ban doc", "gui binh luan",
    "y kien", "ban doc binh luan", "video", "podcast", "emagazine", "infographic",
    "infographics", "tin anh", "phong su anh", "chu de", "tu khoa", "tags", "tag",
    "most read", "most popular", "most viewed", "popular", "trending", "latest news", "latest",
    "more stories", "more news", "top stories", "comments", "comment",
    /* ("advertisement", "quảng cáo" label ad slots inside articles too: furniture, no box) */
    "you may also like", "recommended", "recommended for you", "newsletter",
    "sign up", "share this article", "tin tai tro", "tai tro", "thong tin doanh nghiep",
    "su kien", "tin nong", "tin hot", "ban co the quan tam", "co the ban quan tam",
    "xem them", /* a box headed "Xem thêm" lists news at large; "Xem thêm: X" is inline */ "dung bo lo", "xem tiep",
    NULL};

static const char *const section_prefixes[] = {"dong su kien", "chu de", "tags", "tu khoa",
                                               "xem them tu", "more from", NULL};

static const char *const furniture_eq[] = {
    "aa", "a a", "a+", "a-", "a a a", "xin cho trong giay lat", "xin cho trong giay lat...",
    "chia se", "share", "tweet", "facebook", "twitter", "zalo", "email", "in bai", "print",
    "luu", "luu bai", "save", "theo doi chung toi", "follow us", "dang nhap", "dang ky",
    "dang xuat", "log in", "login", "sign in", "subscribe", "quang cao", "advertisement",
    "xem tren", "phien ban di dong", "trang chu", "home", "back to top", "len dau trang",
    "copy link", "sao chep lien ket", "nghe bai viet", "nghe doc bai", "listen to this article",
    "tai ung dung", "download", "gop y", "bao loi", "thich", "like", "menu", "tim kiem",
    "search", "skip to content", "skip to main content", "loading", "dang tai", "close",
    "dong", "quay lai", "tro lai", "xem them", "doc them", "alternate", "#alternate",
    "nghe", "audio", "theo doi", "follow", "top", "toggle navigation", "read more",
    "ban in", "gui bai", "binh luan", "0 binh luan", "cookie", "accept", "chap nhan",
    "continue reading the main story", "continue reading", "supported by", "view photos",
    "view photo", "caption", "hide caption", "toggle caption", "buy photo", "enlarge this image",
    "wait 1 second to continue", "photo", "image", "video", "watch", "play video", "share this",
    "share on facebook", "share on twitter", "related topics", "image copyright",
    "image caption", "media caption", "from the section", "more", "next", "previous",
    "xem anh", "xem video", "anh", "clip", "phong to", NULL};

static const char *const furniture_prefix[] = {
    "moi quy doc gia theo doi", "moi ban doc theo doi", "theo doi bao", "follow us on",
    "xin cho", "dang tai", "copyright", "ban quyen", "(c) ", "© ", "all rights reserved",
    "ghi ro nguon", "phien ban di dong", "sign up for", "subscribe to", "tai app",
    "quet ma qr", "lien he quang cao", "hotline", "chiu trach nhiem", "giay phep",
    "toa soan", "xem tren", "image copyright", "getty images", "wait 1 second", "iframe:",
    NULL};

int tx_is_related_heading(const tx_block *b)
{
    return b->kind == TB_TEXT && phrase_eq(b, related_heads);
}

int tx_is_section_heading(const tx_block *b)
{
    if (b->kind != TB_TEXT || b->words > 10)
        return 0;
    if (phrase_eq(b, section_heads) || phrase_prefix(b, section_prefixes))
        return 1;
    /* a comment box counts its entries: "Bình luận (8) Tin mới nhất", "Comments (12)" */
    static const char *const counted[] = {"binh luan (", "y kien (", "comments (", NULL};
    if (!b->fold)
        return 0;
    size_t st = core_start(b->fold, b->flen);
    for (size_t k = 0; counted[k]; k++) {
        size_t pl = strlen(counted[k]);
        if (b->flen - st > pl && !memcmp(b->fold + st, counted[k], pl) &&
            b->fold[st + pl] >= '0' && b->fold[st + pl] <= '9')
            return 1;
    }
    return 0;
}

/* Words of share/print/comment button rows: "Chia sẻ Facebook Zalo In bài", "Share on X". */
static const char *const share_words[] = {
    "chia", "se", "share", "on", "facebook", "twitter", "tweet", "zalo", "email", "e-mail", "gui",
    "in", "bai", "a-", "a+", "sao", "chep", "url", "lien", "ket", "x", "binh", "luan", "copy",
    "link", "print", "luu", "linkedin", "pinterest", "messenger", "whatsapp", "telegram", "mail",
    "reddit", "fb", "comment", "comments", "save", "nghe", NULL};
static const char *const share_anchors[] = {
    "chia", "share", "facebook", "twitter", "tweet", "zalo", "email", "linkedin", "print",
    "messenger", "whatsapp", "telegram", NULL};

static int in_list(const char *w, size_t n, const char *const *list)
{
    for (size_t k = 0; list[k]; k++)
        if (strlen(list[k]) == n && !memcmp(list[k], w, n))
            return 1;
    return 0;
}

size_t tx_share_tail(const tx_block *b)
{
    if (b->kind != TB_TEXT || !b->fold || b->words > 40)
        return NONE_SHARE;
    const char *f = b->fold;
    size_t n = b->flen, words = 0, tail_words = 0, anchors = 0;
    /* walk the words from the end while they are share words */
    size_t e = n;
    while (e) {
        while (e && f[e - 1] == ' ')
            e--;
        size_t st = e;
        while (st && f[st - 1] != ' ')
            st--;
        if (st == e)
            break;
        int digits = 1;
        for (size_t i = st; i < e; i++)
            digits &= f[i] >= '0' && f[i] <= '9';
        if (!digits && !in_list(f + st, e - st, share_words))
            break;
        anchors += in_list(f + st, e - st, share_anchors);
        tail_words++;
        e = st;
    }
    (void)words;
    if (tail_words < 2 || !anchors)
        return NONE_SHARE;
    /* the same number of words from the end of the text */
    size_t t = b->len, w = 0;
    while (t && w < tail_words) {
        while (t && b->text[t - 1] == ' ')
            t--;
        while (t && b->text[t - 1] != ' ')
            t--;
        w++;
    }
    while (t && b->text[t - 1] == ' ')
        t--;
    return t;
}

int tx_ends_related(const tx_block *b)
{
    static const char *const ends[] = {"bai truoc", "bai sau", "dieu huong bai viet",
                                       "de lai mot binh luan", "previous post", "next post",
                                       "leave a reply", "leave a comment", "post navigation", NULL};
    /* labels of a post's tags and categories, with their colon */
    static const char *const labels[] = {"chuyen muc:", "the:", "tags:", "tag:", "tu khoa:",
                                         "filed under:", "categories:", "category:", NULL};
    if (b->kind != TB_TEXT || !b->fold)
        return 0;
    if (b->text[0] == '#' && b->level == 0)
        return 1; /* hashtags */
    if (phrase_eq(b, ends) || phrase_prefix(b, ends))
        return 1;
    size_t st = core_start(b->fold, b->flen);
    for (size_t k = 0; labels[k]; k++)
        if (b->flen - st >= strlen(labels[k]) &&
            !memcmp(b->fold + st, labels[k], strlen(labels[k])))
            return 1;
    /* "2 bình luận về “Title”", "3 comments on ..." */
    size_t i = 0;
    while (i < b->flen && b->fold[i] >= '0' && b->fold[i] <= '9')
        i++;
    return i && (!strncmp(b->fold + i, " binh luan ve ", 14) ||
                 !strncmp(b->fold + i, " comments on ", 13) ||
                 !strncmp(b->fold + i, " thoughts on ", 13));
}

int tx_is_furniture(const tx_block *b)
{
    if (tx_share_tail(b) == 0)
        return 1;
    if (b->kind != TB_TEXT || !b->fold)
        return 0;
    if (phrase_eq(b, furniture_eq))
        return 1;
    if (b->words <= 14 && phrase_prefix(b, furniture_prefix))
        return 1;
    if (b->words <= 20 && (!strncmp(b->text, "\xC2\xA9", 2) || !strncmp(b->text, "(c) ", 4) ||
                           !strncmp(b->text, "Copyright", 9)))
        return 1;
    /* weather widgets: "Hà Nội 25°C", "27° / 31°" */
    if (b->words <= 8 && strstr(b->text, "\xC2\xB0"))
        return 1;
    /* a line of nothing but punctuation or a single symbol */
    size_t letters = 0;
    for (size_t i = 0; i < b->flen; i++) {
        unsigned char c = (unsigned char)b->fold[i];
        letters += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    }
    return letters < 2;
}

/* The last significant character, past closing quotes and brackets. */
static unsigned last_char(const char *s, size_t len)
{
    while (len) {
        unsigned char c = (unsigned char)s[len - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ' || c == '*' || c == '_') {
            len--;
            continue;
        }
        if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x80) {
            unsigned char t = (unsigned char)s[len - 1];
            if (t == 0x9D || t == 0x99 || t == 0x9C || t == 0x98) { /* ” ’ “ ‘ */
                len -= 3;
                continue;
            }
            if (t == 0xA6)
                return '.'; /* … */
        }
        if (len >= 2 && (unsigned char)s[len - 2] == 0xC2 && c == 0xBB) { /* » */
            len -= 2;
            continue;
        }
        return c;
    }
    return 0;
}

int tx_is_prose(const tx_block *b)
{
    if (b->kind != TB_TEXT || (b->flags & TBF_NAV))
        return 0;
    unsigned c = last_char(b->text, b->len);
    if (b->words >= 40)
        return 1;
    if (b->words >= 10 && (c == '.' || c == '!' || c == ';'))
        return 1;
    if (b->words >= 20 && (c == '?' || c == ':' || c == ','))
        return 1;
    return 0;
}

int tx_is_headline_like(const tx_block *b)
{
    if (b->kind != TB_TEXT || b->words < 3 || b->words > 40 || b->len > 300)
        return 0;
    unsigned c = last_char(b->text, b->len);
    if (c == '.' || c == ',' || c == ';' || c == ':')
        return 0;
    return 1;
}

size_t tx_doubled_half(const char *s, size_t len)
{
    if (len < 9 || len % 2 == 0)
        return 0;
    size_t h = (len - 1) / 2;
    if (s[h] != ' ' || memcmp(s, s + h + 1, h))
        return 0;
    return h;
}

int tx_is_slug(const tx_block *b, int vietnamese)
{
    if (!vietnamese || b->words < 4)
        return 0;
    for (size_t i = 0; i < b->len; i++) {
        char c = b->text[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '-'))
            return 0;
    }
    return 1;
}

int tx_is_relative_time(const tx_block *b)
{
    static const char *const units[] = {
        "giay truoc", "phut truoc", "gio truoc", "ngay truoc", "tuan truoc", "thang truoc",
        "nam truoc", "second ago", "seconds ago", "minute ago", "minutes ago", "hour ago",
        "hours ago", "day ago", "days ago", "week ago", "weeks ago", "month ago",
        "months ago", "year ago", "years ago", "mins ago", "hrs ago", NULL};
    if (b->kind != TB_TEXT || b->words > 4 || !b->fold)
        return 0;
    const char *f = b->fold;
    size_t i = 0;
    while (i < b->flen && f[i] >= '0' && f[i] <= '9')
        i++;
    if (i == 0 || i >= b->flen || f[i] != ' ')
        return !strcmp(f, "vua xong") || !strcmp(f, "just now");
    i++;
    for (size_t k = 0; units[k]; k++)
        if (!strcmp(f + i, units[k]))
            return 1;
    return 0;
}

int tx_is_breadcrumb(const tx_block *b)
{
    if (b->kind != TB_TEXT || b->words > 12 || !b->fold)
        return 0;
    if (!strncmp(b->fold, "trang chu", 9) || !strncmp(b->fold, "home ", 5) ||
        !strcmp(b->fold, "home"))
        return 1;
    return (strstr(b->text, " > ") || strstr(b->text, " \xC2\xBB ") ||
            strstr(b->text, " \xE2\x80\xBA ")) &&
           last_char(b->text, b->len) != '.';
}

int tx_has_vietnamese(const char *s, size_t len)
{
    size_t hits = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        unsigned char c = (unsigned char)s[i], d = (unsigned char)s[i + 1];
        /* ă â đ ê ô ơ ư (and capitals), and the tone-marked letters U+1EA0..U+1EF9 */
        if ((c == 0xC3 && (d == 0xA2 || d == 0x82 || d == 0xAA || d == 0x8A || d == 0xB4 ||
                           d == 0x94)) ||
            (c == 0xC4 && (d == 0x82 || d == 0x83 || d == 0x90 || d == 0x91)) ||
            (c == 0xC6 && (d == 0xA0 || d == 0xA1 || d == 0xAF || d == 0xB0)) ||
            (c == 0xE1 && (d == 0xBA || d == 0xBB)))
            if (++hits >= 3)
                return 1;
    }
    return hits > 0 && len < 40;
}

size_t tx_inline_related_prefix(const char *s, size_t len)
{
    static const char *const heads[] = {"Xem thêm", "Đọc thêm", "Tin liên quan", "Bài liên quan",
                                        "Read more", "See also", "Related", "READ MORE",
                                        "XEM THÊM", "ĐỌC THÊM", "Also read", NULL};
    for (size_t k = 0; heads[k]; k++) {
        size_t n = strlen(heads[k]);
        if (len > n + 1 && !memcmp(s, heads[k], n)) {
            size_t i = n;
            while (i < len && s[i] == ' ')
                i++;
            if (i < len && s[i] == ':') {
                i++;
            } else if (i + 1 < len && s[i] == '>' && s[i + 1] == '>') {
                i += 2;
            } else
                continue;
            while (i < len && s[i] == ' ')
                i++;
            return i < len ? i : 0;
        }
    }
    if (len > 3 && s[0] == '>' && s[1] == '>') {
        size_t i = 2;
        while (i < len && s[i] == ' ')
            i++;
        return i < len ? i : 0;
    }
    return 0;
}
