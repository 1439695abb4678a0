/* lexicon.c: the furniture vocabulary of the extractors as one sorted table of folded keys,
 * each with the set of lists (lexicon.h) it belongs to. Sorted by hand (test_extract_rules.c
 * checks the order and that every key is its own fold), so lookups are a binary search over
 * constant data: no initialisation, no state, safe from any thread. */
#include "extract/lexicon.h"

#include "bantin/text.h"

#include <stdint.h>
#include <utf8proc.h>
#include <string.h>

#define LX(name) BTI_LEX_##name

/* The raw bytes a prefix of at most BTI_LEX_MAX_KEY folded bytes can take: a Vietnamese
 * letter with two marks is 3 bytes of NFC UTF-8 and folds to 1. */
#define MAX_RAW (3 * BTI_LEX_MAX_KEY)

typedef struct entry {
    const char *key;
    uint32_t lists;
} entry;

static const entry TABLE[] = {
    {"#alternate", LX(FURNITURE)},
    {"(c) ", LX(FURNITURE_PREFIX)},
    {"0 binh luan", LX(FURNITURE)},
    {"a a", LX(FURNITURE)},
    {"a a a", LX(FURNITURE)},
    {"a+", LX(FURNITURE) | LX(SHARE_WORD)},
    {"a-", LX(FURNITURE) | LX(SHARE_WORD)},
    {"aa", LX(FURNITURE)},
    {"accept", LX(FURNITURE)},
    {"advertisement", LX(FURNITURE) | LX(HTML_FURNITURE_LINE)},
    {"all rights reserved", LX(FURNITURE_PREFIX)},
    {"also read", LX(INLINE_RELATED) | LX(HTML_RELATED_MARK)},
    {"alternate", LX(FURNITURE)},
    {"anh", LX(FURNITURE) | LX(CREDIT_VI)},
    {"anh chup man hinh", LX(HTML_CREDIT_VI)},
    {"anh minh hoa", LX(CREDIT_VI)},
    {"audio", LX(FURNITURE)},
    {"back to top", LX(FURNITURE)},
    {"bai", LX(SHARE_WORD)},
    {"bai khac", LX(SECTION_HEAD)},
    {"bai lien quan", LX(RELATED_HEAD) | LX(INLINE_RELATED) | LX(HTML_RELATED_MARK)},
    {"bai sau", LX(RELATED_END)},
    {"bai truoc", LX(RELATED_END)},
    {"bai viet cung chuyen muc", LX(HTML_ENDS_ARTICLE)},
    {"bai viet lien quan", LX(RELATED_HEAD)},
    {"ban co the quan tam", LX(SECTION_HEAD)},
    {"ban doc binh luan", LX(SECTION_HEAD)},
    {"ban in", LX(FURNITURE)},
    {"ban quyen", LX(FURNITURE_PREFIX)},
    {"bao loi", LX(FURNITURE)},
    {"binh", LX(SHARE_WORD)},
    {"binh luan", LX(SECTION_HEAD) | LX(FURNITURE) | LX(COUNTED_BOX)},
    {"buy photo", LX(FURNITURE)},
    {"cac bai lien quan", LX(RELATED_HEAD)},
    {"cac tin bai khac", LX(SECTION_HEAD)},
    {"cac tin khac", LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"cac tin lien quan", LX(RELATED_HEAD)},
    {"caption", LX(FURNITURE)},
    {"categories", LX(POST_LABEL)},
    {"category", LX(POST_LABEL)},
    {"chap nhan", LX(FURNITURE)},
    {"chep", LX(SHARE_WORD)},
    {"chia", LX(SHARE_WORD) | LX(SHARE_ANCHOR)},
    {"chia se", LX(FURNITURE)},
    {"chiu trach nhiem", LX(FURNITURE_PREFIX)},
    {"chu de", LX(SECTION_HEAD) | LX(SECTION_PREFIX)},
    {"chuyen muc", LX(POST_LABEL)},
    {"clip", LX(FURNITURE) | LX(CREDIT_EN)},
    {"close", LX(FURNITURE)},
    {"co the ban quan tam", LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"comment", LX(SECTION_HEAD) | LX(SHARE_WORD)},
    {"comments", LX(SECTION_HEAD) | LX(SHARE_WORD) | LX(COUNTED_BOX)},
    {"continue reading", LX(FURNITURE)},
    {"continue reading below", LX(HTML_FURNITURE_LINE)},
    {"continue reading the main story", LX(FURNITURE) | LX(HTML_FURNITURE_LINE)},
    {"cookie", LX(FURNITURE)},
    {"copy", LX(SHARE_WORD)},
    {"copy link", LX(FURNITURE)},
    {"copyright", LX(FURNITURE_PREFIX)},
    {"credit", LX(CREDIT_EN)},
    {"cung chuyen muc", LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"dang ky", LX(FURNITURE)},
    {"dang nhap", LX(FURNITURE)},
    {"dang tai", LX(FURNITURE) | LX(FURNITURE_PREFIX)},
    {"dang xuat", LX(FURNITURE)},
    {"day ago", LX(TIME_UNIT)},
    {"days ago", LX(TIME_UNIT)},
    {"de lai mot binh luan", LX(RELATED_END)},
    {"dieu huong bai viet", LX(RELATED_END)},
    {"do hoa", LX(CREDIT_VI)},
    {"doc nhieu", LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"doc nhieu nhat", LX(SECTION_HEAD)},
    {"doc them", LX(RELATED_HEAD) | LX(FURNITURE) | LX(INLINE_RELATED) | LX(HTML_RELATED_MARK) | LX(HTML_FURNITURE_LINE) | LX(BRACKET_RELATED)},
    {"dong", LX(FURNITURE)},
    {"dong su kien", LX(SECTION_PREFIX)},
    {"download", LX(FURNITURE)},
    {"dung bo lo", LX(SECTION_HEAD)},
    {"e-mail", LX(SHARE_WORD)},
    {"emagazine", LX(SECTION_HEAD)},
    {"email", LX(FURNITURE) | LX(SHARE_WORD) | LX(SHARE_ANCHOR)},
    {"enlarge this image", LX(FURNITURE)},
    {"facebook", LX(FURNITURE) | LX(SHARE_WORD) | LX(SHARE_ANCHOR)},
    {"fb", LX(SHARE_WORD)},
    {"filed under", LX(POST_LABEL)},
    {"follow", LX(FURNITURE)},
    {"follow us", LX(FURNITURE)},
    {"follow us on", LX(FURNITURE_PREFIX)},
    {"foto", LX(HTML_CREDIT_EN)},
    {"from the section", LX(FURNITURE)},
    {"further reading", LX(HTML_RELATED_MARK)},
    {"getty images", LX(FURNITURE_PREFIX)},
    {"ghi ro nguon", LX(FURNITURE_PREFIX)},
    {"giay phep", LX(FURNITURE_PREFIX)},
    {"giay truoc", LX(TIME_UNIT)},
    {"gio truoc", LX(TIME_UNIT)},
    {"gop y", LX(FURNITURE)},
    {"graphic", LX(HTML_CREDIT_EN)},
    {"gui", LX(SHARE_WORD)},
    {"gui bai", LX(FURNITURE)},
    {"gui binh luan", LX(SECTION_HEAD)},
    {"hide caption", LX(FURNITURE)},
    {"home", LX(FURNITURE)},
    {"hotline", LX(FURNITURE_PREFIX)},
    {"hour ago", LX(TIME_UNIT)},
    {"hours ago", LX(TIME_UNIT)},
    {"hrs ago", LX(TIME_UNIT)},
    {"iframe:", LX(FURNITURE_PREFIX)},
    {"illustration", LX(HTML_CREDIT_EN)},
    {"image", LX(FURNITURE) | LX(CREDIT_EN)},
    {"image caption", LX(FURNITURE)},
    {"image copyright", LX(FURNITURE) | LX(FURNITURE_PREFIX)},
    {"in", LX(SHARE_WORD)},
    {"in bai", LX(FURNITURE)},
    {"infographic", LX(SECTION_HEAD)},
    {"infographics", LX(SECTION_HEAD)},
    {"just now", LX(JUST_NOW)},
    {"ket", LX(SHARE_WORD)},
    {"latest", LX(SECTION_HEAD)},
    {"latest news", LX(SECTION_HEAD)},
    {"leave a comment", LX(RELATED_END)},
    {"leave a reply", LX(RELATED_END)},
    {"len dau trang", LX(FURNITURE)},
    {"lien", LX(SHARE_WORD)},
    {"lien he quang cao", LX(FURNITURE_PREFIX)},
    {"like", LX(FURNITURE)},
    {"link", LX(SHARE_WORD)},
    {"linkedin", LX(SHARE_WORD) | LX(SHARE_ANCHOR)},
    {"listen to this article", LX(FURNITURE)},
    {"loading", LX(FURNITURE)},
    {"log in", LX(FURNITURE)},
    {"login", LX(FURNITURE)},
    {"luan", LX(SHARE_WORD)},
    {"luu", LX(FURNITURE) | LX(SHARE_WORD)},
    {"luu bai", LX(FURNITURE)},
    {"mail", LX(SHARE_WORD)},
    {"media caption", LX(FURNITURE)},
    {"menu", LX(FURNITURE)},
    {"messenger", LX(SHARE_WORD) | LX(SHARE_ANCHOR)},
    {"mins ago", LX(TIME_UNIT)},
    {"minute ago", LX(TIME_UNIT)},
    {"minutes ago", LX(TIME_UNIT)},
    {"moi ban doc theo doi", LX(FURNITURE_PREFIX)},
    {"moi nhat", LX(SECTION_HEAD)},
    {"moi quy doc gia theo doi", LX(FURNITURE_PREFIX)},
    {"month ago", LX(TIME_UNIT)},
    {"months ago", LX(TIME_UNIT)},
    {"more", LX(FURNITURE)},
    {"more from", LX(SECTION_PREFIX) | LX(HTML_ENDS_ARTICLE)},
    {"more news", LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"more on this", LX(HTML_RELATED_MARK)},
    {"more on this story", LX(RELATED_HEAD)},
    {"more stories", LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"most popular", LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"most read", LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"most viewed", LX(SECTION_HEAD)},
    {"multimedia", LX(SECTION_HEAD)},
    {"nam truoc", LX(TIME_UNIT)},
    {"newsletter", LX(SECTION_HEAD)},
    {"next", LX(FURNITURE)},
    {"next post", LX(RELATED_END)},
    {"ngay truoc", LX(TIME_UNIT)},
    {"nghe", LX(FURNITURE) | LX(SHARE_WORD)},
    {"nghe bai viet", LX(FURNITURE)},
    {"nghe doc bai", LX(FURNITURE)},
    {"nguon", LX(CREDIT_VI)},
    {"nguon anh", LX(HTML_CREDIT_VI)},
    {"noi bat", LX(SECTION_HEAD)},
    {"on", LX(SHARE_WORD)},
    {"other news", LX(HTML_ENDS_ARTICLE)},
    {"other opinion", LX(HTML_ENDS_ARTICLE)},
    {"other stories", LX(HTML_ENDS_ARTICLE)},
    {"phien ban di dong", LX(FURNITURE) | LX(FURNITURE_PREFIX)},
    {"phong su anh", LX(SECTION_HEAD)},
    {"phong to", LX(FURNITURE)},
    {"photo", LX(FURNITURE) | LX(CREDIT_EN)},
    {"photograph", LX(CREDIT_EN)},
    {"photographs", LX(HTML_CREDIT_EN)},
    {"photos", LX(HTML_CREDIT_EN)},
    {"phut truoc", LX(TIME_UNIT)},
    {"pinterest", LX(SHARE_WORD)},
    {"play video", LX(FURNITURE)},
    {"podcast", LX(SECTION_HEAD)},
    {"popular", LX(SECTION_HEAD)},
    {"post navigation", LX(RELATED_END)},
    {"previous", LX(FURNITURE)},
    {"previous post", LX(RELATED_END)},
    {"print", LX(FURNITURE) | LX(SHARE_WORD) | LX(SHARE_ANCHOR)},
    {"quang cao", LX(FURNITURE) | LX(HTML_FURNITURE_LINE)},
    {"quay lai", LX(FURNITURE)},
    {"quet ma qr", LX(FURNITURE_PREFIX)},
    {"read", LX(BRACKET_RELATED)},
    {"read more", LX(RELATED_HEAD) | LX(FURNITURE) | LX(INLINE_RELATED) | LX(HTML_RELATED_MARK) | LX(HTML_FURNITURE_LINE) | LX(BRACKET_RELATED)},
    {"recommended", LX(SECTION_HEAD)},
    {"recommended for you", LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"reddit", LX(SHARE_WORD)},
    {"related", LX(RELATED_HEAD) | LX(INLINE_RELATED) | LX(HTML_RELATED_MARK) | LX(BRACKET_RELATED)},
    {"related articles", LX(RELATED_HEAD)},
    {"related content", LX(RELATED_HEAD)},
    {"related coverage", LX(RELATED_HEAD)},
    {"related links", LX(RELATED_HEAD)},
    {"related news", LX(RELATED_HEAD)},
    {"related posts", LX(RELATED_HEAD)},
    {"related reading", LX(RELATED_HEAD)},
    {"related stories", LX(RELATED_HEAD)},
    {"related topics", LX(FURNITURE)},
    {"sao", LX(SHARE_WORD)},
    {"sao chep lien ket", LX(FURNITURE)},
    {"save", LX(FURNITURE) | LX(SHARE_WORD)},
    {"scroll to continue with content", LX(HTML_FURNITURE_LINE)},
    {"se", LX(SHARE_WORD)},
    {"search", LX(FURNITURE)},
    {"second ago", LX(TIME_UNIT)},
    {"seconds ago", LX(TIME_UNIT)},
    {"see also", LX(RELATED_HEAD) | LX(INLINE_RELATED) | LX(HTML_RELATED_MARK) | LX(BRACKET_RELATED)},
    {"share", LX(FURNITURE) | LX(SHARE_WORD) | LX(SHARE_ANCHOR)},
    {"share on facebook", LX(FURNITURE)},
    {"share on twitter", LX(FURNITURE)},
    {"share this", LX(FURNITURE)},
    {"share this article", LX(SECTION_HEAD)},
    {"sign in", LX(FURNITURE)},
    {"sign up", LX(SECTION_HEAD)},
    {"sign up for", LX(FURNITURE_PREFIX)},
    {"skip to content", LX(FURNITURE)},
    {"skip to main content", LX(FURNITURE)},
    {"source", LX(HTML_CREDIT_EN)},
    {"sponsored", LX(HTML_FURNITURE_LINE)},
    {"story continues below advertisement", LX(HTML_FURNITURE_LINE)},
    {"su kien", LX(SECTION_HEAD)},
    {"subscribe", LX(FURNITURE)},
    {"subscribe to", LX(FURNITURE_PREFIX)},
    {"supported by", LX(FURNITURE)},
    {"tag", LX(SECTION_HEAD) | LX(POST_LABEL)},
    {"tags", LX(SECTION_HEAD) | LX(SECTION_PREFIX) | LX(POST_LABEL)},
    {"tai app", LX(FURNITURE_PREFIX)},
    {"tai tro", LX(SECTION_HEAD)},
    {"tai ung dung", LX(FURNITURE)},
    {"telegram", LX(SHARE_WORD) | LX(SHARE_ANCHOR)},
    {"thang truoc", LX(TIME_UNIT)},
    {"the", LX(POST_LABEL)},
    {"theo doi", LX(FURNITURE)},
    {"theo doi bao", LX(FURNITURE_PREFIX)},
    {"theo doi chung toi", LX(FURNITURE)},
    {"thich", LX(FURNITURE)},
    {"thong tin doanh nghiep", LX(SECTION_HEAD)},
    {"tieu diem", LX(SECTION_HEAD)},
    {"tim kiem", LX(FURNITURE)},
    {"tin anh", LX(SECTION_HEAD)},
    {"tin bai lien quan", LX(RELATED_HEAD) | LX(HTML_RELATED_MARK)},
    {"tin cung chu de", LX(RELATED_HEAD) | LX(HTML_RELATED_MARK)},
    {"tin cung chuyen muc", LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"tin doc nhieu", LX(SECTION_HEAD)},
    {"tin hot", LX(SECTION_HEAD)},
    {"tin khac", LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"tin lien quan", LX(RELATED_HEAD) | LX(INLINE_RELATED) | LX(HTML_RELATED_MARK) | LX(HTML_FURNITURE_LINE)},
    {"tin moi", LX(SECTION_HEAD)},
    {"tin moi cap nhat", LX(SECTION_HEAD)},
    {"tin moi nhat", LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"tin noi bat", LX(SECTION_HEAD)},
    {"tin nong", LX(SECTION_HEAD)},
    {"tin tai tro", LX(SECTION_HEAD)},
    {"tin tuc lien quan", LX(RELATED_HEAD)},
    {"tin xem nhieu", LX(SECTION_HEAD)},
    {"toa soan", LX(FURNITURE_PREFIX)},
    {"toggle caption", LX(FURNITURE)},
    {"toggle navigation", LX(FURNITURE)},
    {"top", LX(FURNITURE)},
    {"top stories", LX(SECTION_HEAD)},
    {"trang chu", LX(FURNITURE)},
    {"trending", LX(SECTION_HEAD)},
    {"tro lai", LX(FURNITURE)},
    {"tu khoa", LX(SECTION_HEAD) | LX(SECTION_PREFIX) | LX(POST_LABEL)},
    {"tuan truoc", LX(TIME_UNIT)},
    {"tweet", LX(FURNITURE) | LX(SHARE_WORD) | LX(SHARE_ANCHOR)},
    {"twitter", LX(FURNITURE) | LX(SHARE_WORD) | LX(SHARE_ANCHOR)},
    {"url", LX(SHARE_WORD)},
    {"video", LX(SECTION_HEAD) | LX(FURNITURE) | LX(CREDIT_EN)},
    {"video dang duoc quan tam", LX(HTML_FURNITURE_LINE)},
    {"view photo", LX(FURNITURE)},
    {"view photos", LX(FURNITURE)},
    {"vua xong", LX(JUST_NOW)},
    {"wait 1 second", LX(FURNITURE_PREFIX)},
    {"wait 1 second to continue", LX(FURNITURE)},
    {"watch", LX(FURNITURE)},
    {"week ago", LX(TIME_UNIT)},
    {"weeks ago", LX(TIME_UNIT)},
    {"whatsapp", LX(SHARE_WORD) | LX(SHARE_ANCHOR)},
    {"x", LX(SHARE_WORD)},
    {"xem anh", LX(FURNITURE)},
    {"xem nhieu", LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"xem them", LX(SECTION_HEAD) | LX(FURNITURE) | LX(INLINE_RELATED) | LX(HTML_RELATED_MARK) | LX(HTML_FURNITURE_LINE) | LX(BRACKET_RELATED)},
    {"xem them tu", LX(SECTION_PREFIX)},
    {"xem tiep", LX(SECTION_HEAD) | LX(HTML_RELATED_MARK)},
    {"xem tren", LX(FURNITURE) | LX(FURNITURE_PREFIX)},
    {"xem video", LX(FURNITURE)},
    {"xin cho", LX(FURNITURE_PREFIX)},
    {"xin cho trong giay lat", LX(FURNITURE)},
    {"xin cho trong giay lat...", LX(FURNITURE)},
    {"y kien", LX(SECTION_HEAD) | LX(COUNTED_BOX)},
    {"y kien ban doc", LX(SECTION_HEAD)},
    {"year ago", LX(TIME_UNIT)},
    {"years ago", LX(TIME_UNIT)},
    {"you may also like", LX(SECTION_HEAD) | LX(HTML_ENDS_ARTICLE)},
    {"you might also like", LX(HTML_ENDS_ARTICLE)},
    {"zalo", LX(FURNITURE) | LX(SHARE_WORD) | LX(SHARE_ANCHOR)},
    {"© ", LX(FURNITURE_PREFIX)},
};

#define N_ENTRIES (sizeof TABLE / sizeof TABLE[0])

/* memcmp order with the shorter of two equal prefixes first: the order of the table. */
static int cmp_key(const char *a, size_t an, const char *b)
{
    size_t bn = strlen(b);
    int c = memcmp(a, b, an < bn ? an : bn);
    return c ? c : (an > bn) - (an < bn);
}

static const entry *find(const char *f, size_t n)
{
    size_t lo = 0, hi = N_ENTRIES;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_key(f, n, TABLE[mid].key);
        if (!c)
            return &TABLE[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

int bti_lex_has(unsigned lists, const char *f, size_t n)
{
    if (n == 0 || n > BTI_LEX_MAX_KEY)
        return 0;
    const entry *e = find(f, n);
    return e && (e->lists & lists);
}

static int boundary(const char *s, size_t j, size_t n, const char *ends)
{
    if (j == n)
        return 1;
    unsigned char c = (unsigned char)s[j];
    if (!ends)
        return c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                             (c >= '0' && c <= '9'));
    return c && strchr(ends, c) != NULL;
}

size_t bti_lex_prefix(unsigned lists, const char *f, size_t n, const char *ends)
{
    size_t best = 0, lim = n < BTI_LEX_MAX_KEY ? n : BTI_LEX_MAX_KEY;
    for (size_t j = 1; j <= lim; j++)
        if (boundary(f, j, n, ends) && bti_lex_has(lists, f, j))
            best = j;
    return best;
}

size_t bti_lex_raw_prefix(unsigned lists, const char *s, size_t n, const char *ends)
{
    char key[BTI_LEX_MAX_KEY + 1];
    size_t best = 0, lim = n < MAX_RAW ? n : MAX_RAW;
    for (size_t j = 1; j <= lim; j++) {
        if (!boundary(s, j, n, ends))
            continue;
        size_t kl = bt_fold(s, j, key, sizeof key);
        if (kl > BTI_LEX_MAX_KEY)
            break; /* a longer prefix folds no shorter */
        if (bti_lex_has(lists, key, kl))
            best = j;
    }
    return best;
}

/* Whether the text at s starts with a capital letter ("Ảnh", "ẢNH", "Photo"). */
static int capitalised(const char *s, size_t len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp);
    return n > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

size_t bti_lex_credit_word(unsigned vi, unsigned en, const char *s, size_t n, int capital)
{
    size_t l = bti_lex_raw_prefix(vi, s, n, " :");
    if (!l) {
        l = bti_lex_raw_prefix(en, s, n, " :");
        for (size_t i = 0; i < l; i++)
            if ((unsigned char)s[i] >= 0x80)
                return 0;
    }
    if (l && capital && !capitalised(s, n))
        return 0;
    return l;
}

int bti_lex_raw_has(unsigned lists, const char *s, size_t n)
{
    char key[BTI_LEX_MAX_KEY + 1];
    if (n == 0 || n > MAX_RAW)
        return 0;
    size_t kl = bt_fold(s, n, key, sizeof key);
    return kl <= BTI_LEX_MAX_KEY && bti_lex_has(lists, key, kl);
}

size_t bti_lex_size(void) { return N_ENTRIES; }

const char *bti_lex_key(size_t i) { return i < N_ENTRIES ? TABLE[i].key : NULL; }
