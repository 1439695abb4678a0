/* test_extract_text_lynx.c: the passes that read a lynx dump's layout (text_lynx.c): prose
 * glued to the line above it (a <div>'s text, not a <p>), bullets standing apart from any
 * paragraph and a photo's alt text printed twice are no part of the article. The captures
 * are lynx-style text written here. */
#include "support.h"

#include "bantin.h"

#include <stdlib.h>
#include <string.h>

static bt_article *extract_ok(const char *text)
{
    return test_extract(text, "test.txt");
}

/* Whether the article's lede or a paragraph of its body holds `s`. */
static int has_text(const bt_article *a, const char *s)
{
    if (a->lede && strstr(a->lede, s))
        return 1;
    for (size_t k = 0; k < a->n_body; k++)
        if (strstr(a->body[k], s))
            return 1;
    return 0;
}

/* An article of four paragraphs, as lynx prints them: indented, wrapped, a blank line apart. */
#define LYNX_ARTICLE                                                                       \
    "Harbour town opens its new ferry terminal after years of delays\n\n"                  \
    "   The new ferry terminal opened on Monday morning, four years after the\n"          \
    "   first stone was laid and two years later than the town had promised, and\n"       \
    "   the first boat left for the islands with every seat taken by residents.\n\n"      \
    "   Building the terminal cost nearly twice what the council had planned,\n"         \
    "   mostly because the old quay turned out to rest on rotten wooden piles\n"          \
    "   that had to be pulled out one by one before any concrete could be poured.\n\n"    \
    "   The mayor said the delays had been worth it, since the terminal would\n"         \
    "   serve the town for at least fifty years, and thanked the residents who\n"         \
    "   had put up with the noise of the pile drivers for three long summers.\n\n"       \
    "   Ferries will leave every hour in summer and every two hours in winter,\n"        \
    "   and tickets bought at the terminal will cost the same as they did at the\n"       \
    "   old quay until the end of the year, the operator said in a statement.\n\n"

/* Pass "author box": a box on the author below the article prints the name twice on lines of
 * its own, a role glued under them, then the bio: no part of the article, nor is the
 * feedback notice below it. */
static void test_author_box(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "   Ann Berg\n\n"
        "   Ann Berg\n"
        "   Reporter\n"
        "   Has written for the paper since 2015 about the harbour, the ferries and\n"
        "   the islands, and before that reported on the town's council for a radio\n"
        "   station in the capital, where she also presented the morning news show.\n\n"
        "   Should you have found an error in the text, write to the editors, who\n"
        "   will read every message and correct the article as soon as they can.\n\n"
        "   Topics #Harbour #Ferries\n");
    assert_true(has_text(a, "operator said in a statement"));
    assert_true(has_text(a, "first stone was laid"));
    assert_false(has_text(a, "Has written for the paper since 2015"));
    assert_false(has_text(a, "found an error in the text"));
    bt_article_free(a);
}

/* Pass "widget label": a video box inside the article ends on its player's label ("Video"),
 * indented and glued under the box's credit line: no section heading, the article goes on
 * below the box. Without the pass the label ends the article's first part, and the longer
 * part below the box is taken alone. */
static void test_widget_label(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "Video Harbour town opens its new ferry terminal\n\n"
        "   The first boat leaves the new terminal for the islands.\n\n"
        "   Mon 14.04.2025 10:12 01:00 min\n\n"
        "   Rights: Harbour Broadcasting\n"
        "   Video\n\n"
        "A terminal built for fifty years\n\n"
        "   The terminal's hall has room for four hundred passengers, a cafe with\n"
        "   fifty seats and a waiting room for families, and its roof carries solar\n"
        "   panels that cover most of the power the building needs on a sunny day.\n\n"
        "   The old quay will be turned into a park with a playground and a small\n"
        "   stage for concerts, the council said, once the last of the rotten piles\n"
        "   under it has been pulled out and the harbour wall has been repaired.\n\n"
        "   The operator plans to add a night ferry next year if the new timetable\n"
        "   draws enough passengers in its first summer, a spokesman for the company\n"
        "   said, and will decide on it after counting the tickets sold by September.\n\n"
        "   Residents of the islands have asked for the night ferry for years, since\n"
        "   the last boat home now leaves before most restaurants in the town close\n"
        "   and a taxi boat costs more than a week of ordinary return tickets.\n\n"
        "   Fishermen who moor their boats at the old quay will get berths in the\n"
        "   new marina beside the terminal, free of charge for the first two years,\n"
        "   under an agreement the council signed with their association in March.\n");
    assert_true(has_text(a, "first stone was laid"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_true(has_text(a, "room for four hundred passengers"));
    assert_true(has_text(a, "free of charge for the first two years"));
    bt_article_free(a);
}

/* Pass "glued text": teaser cards after the article, each a title and a summary with no
 * blank line between them (<div>s), are no paragraphs of it, though the summaries read as
 * prose. */
static void test_glued_teasers(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "Elsewhere on our pages\n\n"
        "   Bakery on the main square closes after ninety years\n"
        "   The family that ran the bakery for three generations says no one in it wants to take over the ovens.\n"
        "   Storm knocks out power in the northern villages\n"
        "   Hundreds of homes spent the night without light after the wind brought down two of the old power lines.\n"
        "   Council votes to rebuild the old swimming pool\n"
        "   The pool closed five years ago after cracks were found in its floor and the council has now found the money.\n"
        "   School choir wins the regional contest again\n"
        "   The choir of the town school won the regional contest for the third year in a row with a song of its own.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "rotten wooden piles"));
    assert_true(has_text(a, "three long summers"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_false(has_text(a, "three generations"));
    assert_false(has_text(a, "power lines"));
    assert_false(has_text(a, "cracks were found"));
    assert_false(has_text(a, "song of its own"));
    bt_article_free(a);
}

/* A <div>'s prose inside the article (a newsletter box's notice) is no paragraph, but the
 * article goes on through it: the paragraph after the box is still the article's. */
static void test_glued_notice_inside(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "   skip past newsletter promotion\n"
        "   Sign up to Harbour Notes\n"
        "   Free weekly newsletter\n"
        "   The week's stories from the coast\n"
        "   Enter your email address\n"
        "   (BUTTON) Sign up\n"
        "   Privacy notice: newsletters may hold news about our partners, and you can leave them at any time you like.\n"
        "   after newsletter promotion\n\n"
        "   The old quay will become a park with benches and a small playground,\n"
        "   the council said, once the last of the rotten piles has been removed.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "small playground"));
    assert_false(has_text(a, "Privacy notice"));
    bt_article_free(a);
}

/* Paragraphs parted by single <br>s come glued one after another: they are the article's,
 * not a card's lines. */
static void test_glued_paragraphs_kept(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "   The first passengers were mostly islanders going home again.\n"
        "   Some said the new waiting room was the warmest on the coast.\n"
        "   Others missed the old kiosk and its fish soup at every boat.\n\n"
        "   The council will decide next month what to do with the old kiosk building.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "warmest on the coast"));
    assert_true(has_text(a, "fish soup"));
    bt_article_free(a);
}

/* Pass "glued box": a related box under the article whose cards print their summaries glued
 * under their headlines, two lines each (a <div> each, as paragraphs set with <br>s would
 * come): in a dump whose paragraphs stand apart, that prose is the cards', not the article
 * resuming below the box's heading. */
static void test_glued_box(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "   The council will decide next month what to do with the old kiosk building.\n\n"
        "   Related stories\n"
        "   4 min.\n"
        "   Bakery on the main square closes\n"
        "   The family ran the bakery on the square for ninety years.\n"
        "   No one in the family wants to take over the old ovens.\n"
        "   3 min.\n"
        "   Storm knocks out power in the villages\n"
        "   Hundreds of homes spent all of the night in the dark.\n"
        "   The wind brought down two of the old power lines there.\n"
        "   2 min.\n"
        "   Council votes to rebuild the old pool\n"
        "   The pool closed after cracks were found in its old floor.\n"
        "   The council has now found all of the money to rebuild it.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_true(has_text(a, "old kiosk building"));
    assert_false(has_text(a, "ninety years"));
    assert_false(has_text(a, "power lines"));
    assert_false(has_text(a, "cracks were found"));
    bt_article_free(a);
}

/* Pass "bullet cards": a box of bullets whose text reads as prose, with no paragraph above it
 * (a heading only), is a list of cards; a list the article opens with a paragraph is its own. */
static void test_bullet_cards(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "   The operator listed what changes for passengers from next week:\n\n"
        "     * The morning boat to the outer island will leave half an hour earlier.\n"
        "     * Bicycles will travel free of charge on every boat until the autumn.\n"
        "     * Season tickets from the old quay will be valid at the new terminal.\n"
        "     * Cars will have to be booked a day ahead during the summer months.\n"
        "     * The night boat on Saturdays will run again from the first of June.\n\n"
        "Read also\n\n"
        "     * A fisherman from the harbour caught a tuna heavier than his own boat.\n"
        "     * The lighthouse on the point will be painted red and white again soon.\n"
        "     * Two seals were seen resting on the beach below the church last week.\n"
        "     * The sailing club has elected a new chair after a long and noisy meeting.\n"
        "     * A new bus line will link the station with the hospital from the spring.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_true(has_text(a, "half an hour earlier"));
    assert_true(has_text(a, "first of June"));
    assert_false(has_text(a, "tuna heavier"));
    assert_false(has_text(a, "painted red and white"));
    assert_false(has_text(a, "two seals") || has_text(a, "Two seals"));
    assert_false(has_text(a, "noisy meeting"));
    assert_false(has_text(a, "hospital from the spring"));
    bt_article_free(a);
}

/* Pass "bullet cards": a card's headline and time stamp follow its bullet glued, without a
 * bullet of their own; the list of cards goes on through them, so its five bullets are
 * counted as one box, even after a short article. */
static void test_bullet_cards_with_lines(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Harbour town opens its new ferry terminal after years of delays\n\n"
        "   The new ferry terminal opened on Monday morning, four years after the\n"
        "   first stone was laid and two years later than the town had promised, and\n"
        "   the first boat left for the islands with every seat taken by residents.\n\n"
        "   Building the terminal cost nearly twice what the council had planned,\n"
        "   mostly because the old quay turned out to rest on rotten wooden piles\n"
        "   that had to be pulled out one by one before any concrete could be poured.\n\n"
        "   Ferries will leave every hour in summer and every two hours in winter,\n"
        "   and tickets bought at the terminal will cost the same as they did at the\n"
        "   old quay until the end of the year, the operator said in a statement.\n\n"
        "Related stories\n\n"
        "     * Fishermen unload the morning catch on the old quay below the church,\n"
        "       where the boats of the town have moored since the end of the war and\n"
        "       where the fish market is held every Friday morning in the summer.\n"
        "    Old quay to close at the end of the month\n"
        "       10:01\n"
        "     * The lighthouse keeper climbs the stairs of the tower on the point,\n"
        "       which is to be painted red and white again this summer, for the first\n"
        "       time since the keeper's father looked after the light in the sixties.\n"
        "    Lighthouse gets a fresh coat of paint\n"
        "       09:30\n"
        "     * Two seals rest on the beach below the church, where walkers stopped\n"
        "       to watch them for most of the afternoon while children from the town\n"
        "       school counted the birds that had gathered on the rocks around them.\n"
        "    Seals return to the town beach\n"
        "       08:15\n"
        "     * Members of the sailing club gather in the clubhouse for the meeting\n"
        "       at which a new chair was elected after three rounds of voting and a\n"
        "       long debate about the fees for the moorings in the inner harbour.\n"
        "    Sailing club elects a new chair\n"
        "       07:45\n"
        "     * A bus waits at the station for the first run of the new line to the\n"
        "       hospital, which opens in the spring and will run every half hour on\n"
        "       working days and every hour at the weekend, the company announced.\n"
        "    New bus line to link station and hospital\n"
        "       07:00\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_false(has_text(a, "morning catch"));
    assert_false(has_text(a, "painted red and white"));
    assert_false(has_text(a, "walkers stopped"));
    assert_false(has_text(a, "new chair was elected"));
    assert_false(has_text(a, "opens in the spring"));
    bt_article_free(a);
}

/* Pass "title cards": a box of the site's services, each a title, a blank line and a
 * summary, with the next title glued under the summary: the chain is a box, not paragraphs
 * of the article above it. */
static void test_title_cards(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "Our other sites\n"
        "\n"
        "   Harbour Weekly\n"
        "\n"
        "   Our weekly paper for the islands brings news of the ferries, the fishing fleet and the town council every Friday.\n"
        "   Kids Corner\n"
        "\n"
        "   A paper written for children, with puzzles, stories from the schools and a page of drawings sent in by young readers.\n"
        "   Garden Club\n"
        "\n"
        "   Tips for gardens by the sea from the members of the town's oldest club, who have grown roses in the salty wind for decades.\n"
        "   Job Board\n"
        "\n"
        "   Offers of work in the harbour, the shops and the hotels of the coast, updated every morning by our team of editors.\n"
        "   Events Guide\n"
        "\n"
        "   Concerts, markets and festivals in the town and on the islands, with the times of the boats that take you there and back.\n"
        "   Archive\n"
        "\n"
        "   Every issue of the paper since it was founded, searchable online, from the first report on the old quay to today's news.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_false(has_text(a, "fishing fleet"));
    assert_false(has_text(a, "drawings sent in"));
    assert_false(has_text(a, "salty wind"));
    assert_false(has_text(a, "team of editors"));
    assert_false(has_text(a, "boats that take you"));
    assert_false(has_text(a, "today's news"));
    bt_article_free(a);
}

/* A Japanese page as lynx dumps it: a menu, three paragraphs broken mid-word at column 74,
 * a photo's caption glued under the first, a list of related headlines. */
#define LYNX_JAPANESE \
    "     * ホーム\n" \
    "     * ニュース\n" \
    "     * 国際\n" \
    "     * 経済\n" \
    "     * 政治\n" \
    "     * 社会\n" \
    "     * スポーツ\n" \
    "     * 文化\n" \
    "     * 科学\n" \
    "     * 天気\n" \
    "     * 地域\n" \
    "     * 港町\n" \
    "     * 島\n" \
    "     * 連載\n" \
    "     * 写真\n" \
    "     * 動画\n" \
    "     * 特集\n" \
    "     * 社説\n" \
    "     * 投稿\n" \
    "     * 検索\n" \
    "     * ヘルプ\n" \
    "     * ログイン\n" \
    "     * 登録\n" \
    "     * 会社\n" \
    "     * 案内\n" \
    "     * 広告\n" \
    "     * 採用\n" \
    "     * 規約\n" \
    "     * お問い合わせ\n" \
    "     * サイトマップ\n" \
    "\n" \
    "港町に新フェリーターミナル 四年越しの開業\n" \
    "\n" \
    "   港町の新しいフェリーターミナルが月曜日の朝に開業した。最初の石が置かれてから四年、町が約束した時期より二年遅れての開業となったが、島へ向かう最\n" \
    "   初の船は住民で満席となり、岸壁には見送りの人々が大勢集まった。\n" \
    "   新しいターミナルを出る朝一番のフェリー、港の岸壁から撮影した＝港湾事務所提供\n" \
    "\n" \
    "   ターミナルの建設費は町議会が計画した額のほぼ二倍に膨らんだ。古い岸壁が腐った木の杭の上に建っていたことが工事の途中で分かり、コンクリートを流し\n" \
    "   込む前に杭を一本ずつ引き抜かなければならなかったためである。\n" \
    "\n" \
    "   町長は遅れはあったものの、新しいターミナルは少なくとも五十年は町を支えると述べ、三度の夏にわたって杭打ちの騒音に耐えた住民に感謝した。運航会社\n" \
    "   によると、夏は一時間ごと、冬は二時間ごとに船が出る予定だ。\n" \
    "\n" \
    "関連記事\n" \
    "\n" \
    "     * 駅前の商店街に新しい図書館が開館し、初日から多くの親子連れでにぎわう\n" \
    "     * 島の小学校で最後の卒業式、児童三人が十年間通った校舎に別れを告げる\n" \
    "     * 灯台の塗り替え工事が始まり、半世紀ぶりに赤と白の縞模様がよみがえる予定\n" \
    "     * 漁協の朝市に県外からの客が増え、地元の魚を求める行列が岸壁まで続く\n" \
    "     * 町のバス路線が再編され、病院と駅を結ぶ新しい便が春から毎時運行される\n" \
    "     * 港の倉庫を改装した美術館が来月開館、地元出身の画家の作品を常設展示\n"

/* Pass "wrap: CJK column": too few full lines for the median test, but the lines broken
 * between two ideographs at the widest column tell it: the paragraphs are joined whole. */
static void test_cjk_wrap_column(void **state)
{
    (void)state;
    bt_article *a = extract_ok(LYNX_JAPANESE);
    assert_true(has_text(a, "島へ向かう最初の船は住民で満席となり"));
    assert_true(has_text(a, "コンクリートを流し込む前に"));
    assert_true(has_text(a, "運航会社によると"));
    bt_article_free(a);
}

/* A line ending on "。" short of the column is a line's end: the caption glued under the
 * paragraph is not run into it, however long its first word. */
static void test_cjk_full_stop(void **state)
{
    (void)state;
    bt_article *a = extract_ok(LYNX_JAPANESE);
    assert_true(has_text(a, "見送りの人々が大勢集まった。"));
    for (size_t k = 0; k < a->n_body; k++)
        assert_null(strstr(a->body[k], "集まった。 新しいターミナル"));
    bt_article_free(a);
}

/* A Japanese paragraph opens on an ideographic space: such a line starts a paragraph, even
 * glued under a line that is short of the column (a dateline above the first one). */
static void test_cjk_indent(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "     * ホーム\n"
        "     * ニュース\n"
        "     * 国際\n"
        "     * 経済\n"
        "     * 政治\n"
        "     * 社会\n"
        "     * スポーツ\n"
        "     * 文化\n"
        "     * 科学\n"
        "     * 天気\n"
        "     * 地域\n"
        "     * 港町\n"
        "     * 島\n"
        "     * 連載\n"
        "     * 写真\n"
        "     * 動画\n"
        "     * 特集\n"
        "     * 社説\n"
        "     * 投稿\n"
        "     * 検索\n"
        "     * ヘルプ\n"
        "     * ログイン\n"
        "     * 登録\n"
        "     * 会社\n"
        "     * 案内\n"
        "     * 広告\n"
        "     * 採用\n"
        "     * 規約\n"
        "     * お問い合わせ\n"
        "     * サイトマップ\n"
        "\n"
        "港町に新フェリーターミナル 四年越しの開業\n"
        "\n"
        "   2025年4月14日 09時30分\n"
        "   　港町の新しいフェリーターミナルが月曜日の朝に開業した。最初の石が置かれてから四年、町が約束した時期より二年遅れての開業となったが、島へ向かう\n"
        "   最初の船は住民で満席となり、岸壁には見送りの人々が大勢集まった。\n"
        "   　ターミナルの建設費は町議会が計画した額のほぼ二倍に膨らんだ。古い岸壁が腐った木の杭の上に建っていたことが工事の途中で分かり、コンクリートを流\n"
        "   し込む前に杭を一本ずつ引き抜かなければならなかったためである。\n"
        "   　町長は遅れはあったものの、新しいターミナルは少なくとも五十年は町を支えると述べ、三度の夏にわたって杭打ちの騒音に耐えた住民に感謝した。運航会\n"
        "   社によると、夏は一時間ごと、冬は二時間ごとに船が出る予定だ。\n"
        "\n"
        "関連記事\n"
        "\n"
        "     * 駅前の商店街に新しい図書館が開館し、初日から多くの親子連れでにぎわう\n"
        "     * 島の小学校で最後の卒業式、児童三人が十年間通った校舎に別れを告げる\n"
        "     * 灯台の塗り替え工事が始まり、半世紀ぶりに赤と白の縞模様がよみがえる予定\n"
        "     * 漁協の朝市に県外からの客が増え、地元の魚を求める行列が岸壁まで続く\n"
        "     * 町のバス路線が再編され、病院と駅を結ぶ新しい便が春から毎時運行される\n"
        "     * 港の倉庫を改装した美術館が来月開館、地元出身の画家の作品を常設展示\n");
    assert_true(has_text(a, "港町の新しいフェリーターミナルが"));
    assert_true(has_text(a, "コンクリートを流し込む前に"));
    for (size_t k = 0; k < a->n_body; k++)
        assert_null(strstr(a->body[k], "09時30分 "));
    bt_article_free(a);
}

/* Pass "repeated box": the same box of titles set between paragraphs again and again and
 * after the article is a widget: none of its lines is the article's, and the article goes on
 * through each copy. */
static void test_repeated_box(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Harbour town opens its new ferry terminal after years of delays\n"
        "\n"
        "   The new ferry terminal opened on Monday morning, four years after the\n"
        "   first stone was laid and two years later than the town had promised, and\n"
        "   the first boat left for the islands with every seat taken by residents.\n"
        "\n"
        "   Building the terminal cost nearly twice what the council had planned,\n"
        "   mostly because the old quay turned out to rest on rotten wooden piles that\n"
        "   had to be pulled out one by one before any concrete could be poured.\n"
        "\n"
        "   Most Popular\n"
        "   Bakery on the main square closes after ninety years\n"
        "   Anna Berg\n"
        "   Storm knocks out power in the northern villages\n"
        "   Jan Roth\n"
        "   Council votes to rebuild the old swimming pool\n"
        "   Mia Holm\n"
        "   School choir wins the regional contest again\n"
        "   Per Lund\n"
        "\n"
        "   The mayor said the delays had been worth it, since the terminal would\n"
        "   serve the town for at least fifty years, and thanked the residents who had\n"
        "   put up with the noise of the pile drivers for three long summers.\n"
        "\n"
        "   Ferries will leave every hour in summer and every two hours in winter, and\n"
        "   tickets bought at the terminal will cost the same as they did at the old\n"
        "   quay until the end of the year, the operator said in a statement.\n"
        "\n"
        "   Most Popular\n"
        "   Bakery on the main square closes after ninety years\n"
        "   Anna Berg\n"
        "   Storm knocks out power in the northern villages\n"
        "   Jan Roth\n"
        "   Council votes to rebuild the old swimming pool\n"
        "   Mia Holm\n"
        "   School choir wins the regional contest again\n"
        "   Per Lund\n"
        "\n"
        "   The old quay will be turned into a park with benches and a playground, the\n"
        "   council decided last week, after a long debate in which some members\n"
        "   argued for selling the land to a hotel chain instead.\n"
        "\n"
        "   Fishermen who moored their boats at the old quay will get places in the\n"
        "   inner harbour, where a new pontoon is being built and should be ready\n"
        "   before the start of the herring season in the autumn.\n"
        "\n"
        "   Most Popular\n"
        "   Bakery on the main square closes after ninety years\n"
        "   Anna Berg\n"
        "   Storm knocks out power in the northern villages\n"
        "   Jan Roth\n"
        "   Council votes to rebuild the old swimming pool\n"
        "   Mia Holm\n"
        "   School choir wins the regional contest again\n"
        "   Per Lund\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "three long summers"));
    assert_true(has_text(a, "herring season in the autumn"));
    assert_false(has_text(a, "School choir wins"));
    assert_false(has_text(a, "Most Popular"));
    bt_article_free(a);
}

/* Pass "lost byte" (text_mojibake.c): lynx reads a UTF-8 page declared Latin-1 and drops the
 * bytes it takes for controls and soft hyphens, leaving a lone "Ã" where ß (C3 9F) or í
 * (C3 AD) was; inside a word the letters repaired elsewhere tell which (ä ö ü: ß; á é ó: í). */
static void test_lost_byte(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Neue FÃ¤hre fÃ¼r die Inseln\n\n"
        "   Die neue FÃ¤hre fÃ¤hrt ab Montag zu den Inseln. Sie ist groÃ und schnell, und\n"
        "   die StraÃe zum Hafen wurde fÃ¼r die Fahrgäste eigens verbreitert.\n\n"
        "   Der BÃ¼rgermeister sagte, er weiÃ, dass die Arbeiten lange gedauert haben,\n"
        "   aber die FÃ¤hre werde der Stadt viele Jahre dienen, sagte er am Montag.\n\n"
        "   Im Sommer fÃ¤hrt sie stÃ¼ndlich, im Winter alle zwei Stunden zu den Inseln.\n");
    assert_true(has_text(a, "Sie ist groß und schnell"));
    assert_true(has_text(a, "die Straße zum Hafen"));
    assert_true(has_text(a, "er weiß, dass"));
    bt_article_free(a);
    a = extract_ok(
        "El nuevo ferri ya navega a las islas\n\n"
        "   El nuevo ferri saliÃ³ el lunes hacia las islas. La travesÃa durÃ³ menos de una\n"
        "   hora y el dÃa fue soleado, segÃºn contaron los pasajeros a la llegada.\n\n"
        "   El alcalde dijo que las obras se alargaron mÃ¡s de lo previsto, pero que la\n"
        "   terminal servirÃ¡ a la ciudad durante muchos aÃ±os, y lo repitiÃ³ allÃ mismo.\n\n"
        "   En verano habrÃ¡ un barco cada hora y en invierno uno cada dos horas.\n");
    assert_true(has_text(a, "La travesía duró"));
    assert_true(has_text(a, "el día fue soleado"));
    assert_true(has_text(a, "allí mismo"));
    bt_article_free(a);
}

/* Pass "next article": below the article an endless-scroll page prints the next story, its
 * headline at the margin like a subheading; its date row, worded as the article's, tells it
 * apart. The next story is no part of the article, however long. */
static void test_next_article(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Harbour town opens its new ferry terminal after years of delays\n\n"
        "   Published 06.01.2026 - 17:29\n\n"
        "   The new ferry terminal opened on Monday morning, four years after the\n"
        "   first stone was laid and two years later than the town had promised, and\n"
        "   the first boat left for the islands with every seat taken by residents.\n\n"
        "   Building the terminal cost nearly twice what the council had planned,\n"
        "   mostly because the old quay turned out to rest on rotten wooden piles\n"
        "   that had to be pulled out one by one before any concrete could be poured.\n\n"
        "   The mayor said the delays had been worth it, since the terminal would\n"
        "   serve the town for at least fifty years, and thanked the residents who\n"
        "   had put up with the noise of the pile drivers for three long summers.\n\n"
        "Storm knocks out power in the northern villages for a second night\n\n"
        "   Anna Berg\n"
        "   Published 06.01.2026 - 16:25\n\n"
        "   Hundreds of homes in the northern villages spent a second night without\n"
        "   light after the wind brought down two of the old power lines on the hill\n"
        "   road, and the repair crews could not reach them before the morning.\n\n"
        "   The power company said the lines would be replaced by cables laid in the\n"
        "   ground next year, a plan the villages have asked for since the last storm\n"
        "   cut them off for three days in the middle of a cold and snowy winter.\n\n"
        "   Schools in the villages stayed closed on Tuesday, and the council opened\n"
        "   the sports hall in the valley for families who wanted a warm place to\n"
        "   sleep, with beds and hot meals provided by volunteers from the church.\n\n"
        "   The wind is expected to ease on Wednesday, though the forecasters warned\n"
        "   that another storm could reach the coast at the weekend and bring heavy\n"
        "   rain to the valleys that flooded twice in the autumn of the last year.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "three long summers"));
    assert_false(has_text(a, "second night without"));
    assert_false(has_text(a, "hot meals provided"));
    assert_false(has_text(a, "flooded twice"));
    bt_article_free(a);
}

/* Pass "lynx apostrophe": lynx prints some apostrophes as the modifier letter U+02BC, a
 * letter that joins "arenʼt" into one word; between Latin letters it is folded back to "'". */
static void test_lynx_apostrophe(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Harbour town opens its new ferry terminal after years of delays\n\n"
        "   The new ferry terminal opened on Monday morning, four years after the\n"
        "   first stone was laid, and the townʼs first boat left for the islands with\n"
        "   every seat taken by residents who didnʼt want to miss the occasion.\n\n"
        "   Building the terminal cost nearly twice what the council had planned,\n"
        "   mostly because the old quay turned out to rest on rotten wooden piles\n"
        "   that had to be pulled out one by one before any concrete could be poured.\n\n"
        "   The mayor said the delays had been worth it, since the terminal would\n"
        "   serve the town for at least fifty years, and thanked the residents who\n"
        "   had put up with the noise of the pile drivers for three long summers.\n");
    assert_true(has_text(a, "the town's first boat"));
    assert_true(has_text(a, "who didn't want"));
    assert_false(has_text(a, "\xCA\xBC"));
    bt_article_free(a);
}

/* Pass "alt twins": lynx prints a photo's alt text, then the caption that repeats it with a
 * credit, on two lines or run into one line: a photo's text, not a paragraph. */
static void test_alt_twins(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Harbour town opens its new ferry terminal after years of delays\n\n"
        "   The new ferry terminal opened on Monday morning, four years after the\n"
        "   first stone was laid and two years later than the town had promised, and\n"
        "   the first boat left for the islands with every seat taken by residents.\n\n"
        "   The first ferry of the morning leaves the new terminal for the islands.\n"
        "   The first ferry of the morning leaves the new terminal for the islands.\n"
        "   Harbour office and town archive\n\n"
        "   Building the terminal cost nearly twice what the council had planned,\n"
        "   mostly because the old quay turned out to rest on rotten wooden piles\n"
        "   that had to be pulled out one by one before any concrete could be poured.\n\n"
        "   Workers pull an old wooden pile out of the harbour mud with a crane. Workers\n"
        "   pull an old wooden pile out of the harbour mud with a crane. Port authority\n\n"
        "   The mayor said the delays had been worth it, since the terminal would\n"
        "   serve the town for at least fifty years, and thanked the residents who\n"
        "   had put up with the noise of the pile drivers for three long summers.\n\n"
        "   Ferries will leave every hour in summer and every two hours in winter,\n"
        "   and tickets bought at the terminal will cost the same as they did at the\n"
        "   old quay until the end of the year, the operator said in a statement.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "rotten wooden piles"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_false(has_text(a, "first ferry of the morning"));
    assert_false(has_text(a, "harbour mud"));
    bt_article_free(a);
}

/* Pass "button line": lynx prints a <button> as "(BUTTON)" and its label; a line opening on
 * one (a lightbox button labelled with the photo's caption, "Show more") is no paragraph,
 * while the article around it is read as before. */
static void test_button_line(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "   (BUTTON) Workers pull an old wooden pile out of the harbour mud with a crane.\n"
        "   (BUTTON) Show more\n\n"
        "   The old quay will become a park with benches and a small playground,\n"
        "   the council said, once the last of the rotten piles has been removed.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_true(has_text(a, "small playground"));
    assert_false(has_text(a, "harbour mud"));
    assert_false(has_text(a, "Show more"));
    bt_article_free(a);
}

/* Pass "related line" (text_lines.c): in an article set with <br>s (no blank lines), a
 * "READ MORE: <title>" line after a sentence's end near the wrap column is a link of its own,
 * not the rest of the paragraph above it. */
static void test_related_line(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "   The first passengers were mostly islanders going home again at dawn.\n"
        "   READ MORE: Storm knocks out power in the northern villages overnight\n"
        "   Some said the new waiting room was the warmest on the coast by far.\n\n"
        "   The council will decide next month what to do with the old kiosk building.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "islanders going home again at dawn."));
    assert_false(has_text(a, "READ MORE"));
    assert_false(has_text(a, "northern villages"));
    bt_article_free(a);
}

/* Pass "photo card" (text_extract.c): a "Read more" box inside the article holds a card, the
 * photo's alt text (a short sentence, set apart) and the story's title at the margin under
 * it: neither is the article's, which resumes below the box. */
static void test_photo_card(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "Read more\n\n"
        "   Aerial view of the old quay during a hot summer afternoon.\n\n"
        "Council ditches controversial harbour parking meter plan\n\n"
        "   The old quay will become a park with benches and a small playground,\n"
        "   the council said, once the last of the rotten piles has been removed.\n\n"
        "   Work on the park will start in the spring and should be finished before\n"
        "   the summer holidays, when the town expects the most visitors to come.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "small playground"));
    assert_true(has_text(a, "most visitors"));
    assert_false(has_text(a, "Aerial view"));
    assert_false(has_text(a, "parking meter"));
    bt_article_free(a);
}

/* Pass "alt over glued caption" (text_extract.c): an indented line that ends no sentence,
 * with a <div>'s prose or a credit line glued under it, is a photo's alt text over its
 * caption; lynx sets a subheading at the margin. */
static void test_alt_over_glued_caption(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "   Workers on the roof of the new terminal building in the harbour of the\n"
        "   old town\n"
        "   The roof of the terminal was finished last autumn after a long delay.\n\n"
        "   The old quay will become a park with benches and a small playground,\n"
        "   the council said, once the last of the rotten piles has been removed.\n\n"
        "   Benches on the old quay at dusk.\n"
        "   Jane Doe/Getty Images\n\n"
        "   Work on the park will start in the spring and should be finished before\n"
        "   the summer holidays, when the town expects the most visitors to come.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "small playground"));
    assert_true(has_text(a, "most visitors"));
    assert_false(has_text(a, "Workers on the roof"));
    assert_false(has_text(a, "Benches on the old quay"));
    bt_article_free(a);
}

/* Pass "caption label" (text_extract.c): a line opening on a caption's label ("Legende:"),
 * or an alt text's sentence and then the label, is a photo's caption, no paragraph. */
static void test_caption_label(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "   Legende: The mayor cuts the ribbon at the new terminal on Monday. Port\n\n"
        "   The old quay will become a park with benches and a small playground,\n"
        "   the council said, once the last of the rotten piles has been removed.\n\n"
        "   An old man sits on a bench in front of the harbour office at dusk.\n"
        "   Legende: Tom Berg has watched the boats leave the quay for sixty years\n"
        "   and says he will miss the old kiosk most of all. Port\n\n"
        "   Work on the park will start in the spring and should be finished before\n"
        "   the summer holidays, when the town expects the most visitors to come.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "small playground"));
    assert_true(has_text(a, "most visitors"));
    assert_false(has_text(a, "cuts the ribbon"));
    assert_false(has_text(a, "sixty years"));
    assert_false(has_text(a, "An old man"));
    bt_article_free(a);
}

/* Pass "related label" (text_extract.c): "Lesen Sie auch:" alone on its line and the
 * linked story's title on the next: a related link, no subheading of the article. */
static void test_related_label(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "   Lesen Sie auch:\n\n"
        "Storm knocks out power in the northern villages overnight\n\n"
        "   The old quay will become a park with benches and a small playground,\n"
        "   the council said, once the last of the rotten piles has been removed.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "small playground"));
    assert_false(has_text(a, "northern villages"));
    assert_false(has_text(a, "Lesen Sie auch"));
    int found = 0;
    for (size_t k = 0; k < a->n_related; k++)
        found |= strstr(a->related[k].title, "northern villages") != NULL;
    assert_true(found);
    bt_article_free(a);
}

/* Pass "alt at paragraph end": a photo's alt text run on from the paragraph above, its
 * caption (the alt text again and a credit) glued under it: the paragraph loses the alt text. */
static void test_alt_at_paragraph_end(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "   The old quay will become a park with benches and a small playground,\n"
        "   the council said. Children wait at the quay for the first boat of the\n"
        "   summer.\n"
        "   Children wait at the quay for the first boat of the summer. © Harbour\n"
        "   Gazette\n\n"
        "   Work on the park will start in the spring and should be finished before\n"
        "   the summer holidays, when the town expects the most visitors to come.\n");
    assert_true(has_text(a, "small playground"));
    assert_true(has_text(a, "most visitors"));
    assert_false(has_text(a, "Children wait"));
    bt_article_free(a);
}

/* Pass "stutter line": share buttons printed as icon alt, label and title ("facebook
 * Facebook facebook ..."), a long line of words repeating the one before: no text. */
static void test_stutter_line(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Harbour town opens its new ferry terminal after years of delays\n\n"
        "   facebook Facebook facebook twitter Twitter twitter flipboard Flipboard\n"
        "   flipboard send Send send linkedin Linkedin linkedin messenger Messenger\n"
        "   messenger telegram Telegram telegram threads Threads threads whatsapp\n"
        "   Whatsapp whatsapp bluesky Bluesky bluesky reddit Reddit reddit vk VK vk\n"
        "   xing Xing xing mail Mail mail print Print print copy Copy copy save Save\n\n"
        LYNX_ARTICLE);
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_false(has_text(a, "Flipboard"));
    bt_article_free(a);
}

/* Pass "margin run" (text_extract.c): lynx indents paragraphs; a short line over a line at
 * the margin, however that one ends, is a headline of a teaser list, no subheading. */
static void test_margin_run(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "Mayor opens the harbour festival with a song\n\n"
        "Storm warning: the coast braces itself for the first autumn gale tonight!\n\n"
        "   The old quay will become a park with benches and a small playground,\n"
        "   the council said, once the last of the rotten piles has been removed.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "small playground"));
    assert_false(has_text(a, "harbour festival"));
    bt_article_free(a);
}

/* Pass "section's most read" (text_rules.c): "Most viewed in USA", a most-read heading named
 * for a region, is a section heading: the list under it is no part of the article. */
static void test_most_read_in(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "Most viewed in Harbourshire\n\n"
        "    1. Rescuers search the beach after a fishing boat capsized in a storm\n"
        "       near the old lighthouse on Sunday night.\n\n"
        "   Fishermen say the coast guard came too late to save the boat and its nets.\n\n"
        "    2. The old lighthouse keeper waves from the gallery of the tower at dusk\n"
        "       on the last evening before it closed.\n\n"
        "   The lighthouse closes after a hundred and twenty years of service to ships.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_false(has_text(a, "coast guard came too late"));
    assert_false(has_text(a, "hundred and twenty years"));
    bt_article_free(a);
}

/* Pass "embedded post" (text_embed_post.c) in a lynx dump: no quote marks, the tweet's
 * <blockquote> set two columns deeper than the paragraphs and signed "— Name (@handle)
 * Date": the network's text, no paragraph. */
static void test_lynx_embedded_post(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "     The new terminal is a disgrace to the town and its ferry passengers,\n"
        "     and the council should be ashamed of the cost of it all.\n"
        "     pic.twitter.com/abc123\n\n"
        "     — Harbour Watch (@HarbourWatch) March 4, 2024\n\n"
        "   The old quay will become a park with benches and a small playground,\n"
        "   the council said, once the last of the rotten piles has been removed.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "small playground"));
    assert_false(has_text(a, "disgrace"));
    assert_false(has_text(a, "HarbourWatch"));
    bt_article_free(a);
}

/* Pass "near twins": a photo's alt text and the caption glued under it differ in a word or
 * two ("(l)", a button's label): both are the photo's, no paragraph. Two paragraphs glued
 * one under the other that open alike only in part stay. */
static void test_near_twins(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Harbour town opens its new ferry terminal after years of delays\n\n"
        "   The new ferry terminal opened on Monday morning, four years after the\n"
        "   first stone was laid and two years later than the town had promised, and\n"
        "   the first boat left for the islands with every seat taken by residents.\n\n"
        "   The mayor (l) and the harbour master: The two cut the ribbon at the\n"
        "   terminal's gate on Monday. Enlarge the picture\n"
        "   The mayor and the harbour master: The two opened the terminal after four\n"
        "   years of building.\n\n"
        "   Building the terminal cost nearly twice what the council had planned,\n"
        "   mostly because the old quay turned out to rest on rotten wooden piles\n"
        "   that had to be pulled out one by one before any concrete could be poured.\n\n"
        "   The mayor said the delays had been worth it, since the terminal would\n"
        "   serve the town for at least fifty years.\n"
        "   The mayor also thanked the residents who had put up with the noise of\n"
        "   the pile drivers for three long summers.\n\n"
        "   Ferries will leave every hour in summer and every two hours in winter,\n"
        "   and tickets bought at the terminal will cost the same as they did at the\n"
        "   old quay until the end of the year, the operator said in a statement.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "rotten wooden piles"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_true(has_text(a, "terminal would serve the town"));
    assert_true(has_text(a, "pile drivers for three long summers"));
    assert_false(has_text(a, "cut the ribbon"));
    assert_false(has_text(a, "opened the terminal after four"));
    bt_article_free(a);
}

/* Pass "glued twins": the caption repeats the alt text with a word or a comma changed, glued
 * to it in one block: still a photo's alt text, caption and credit, no paragraph. */
static void test_glued_twins(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Harbour town opens its new ferry terminal after years of delays\n\n"
        "   The new ferry terminal opened on Monday morning, four years after the\n"
        "   first stone was laid and two years later than the town had promised, and\n"
        "   the first boat left for the islands with every seat taken by residents.\n\n"
        "   Building the terminal cost nearly twice what the council had planned,\n"
        "   mostly because the old quay turned out to rest on rotten wooden piles\n"
        "   that had to be pulled out one by one before any concrete could be poured.\n\n"
        "   The mayor cuts the ribbon at the terminal on Monday, the 4th of March 2024\n"
        "   in the harbour The mayor cuts the ribbon at the terminal on Monday, 4th\n"
        "   of March 2024, in the harbour. Jane Doe/Copyright 2024 Port Photo.\n\n"
        "   The mayor said the delays had been worth it, since the terminal would\n"
        "   serve the town for at least fifty years, and thanked the residents who\n"
        "   had put up with the noise of the pile drivers for three long summers.\n\n"
        "   Ferries will leave every hour in summer and every two hours in winter,\n"
        "   and tickets bought at the terminal will cost the same as they did at the\n"
        "   old quay until the end of the year, the operator said in a statement.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "rotten wooden piles"));
    assert_true(has_text(a, "three long summers"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_false(has_text(a, "cuts the ribbon"));
    bt_article_free(a);
}

/* Pass "caption run-on": a photo's caption glued under a paragraph whose last line ends a
 * sentence close to the wrap column reads as the paragraph's next line; ending on a credit,
 * it is the caption: the paragraph ends at its sentence, the caption goes. A credit alone
 * under a sentence is a caption's own credit: that caption stays whole (and out). */
static void test_caption_run_on(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Harbour town opens its new ferry terminal after years of delays\n\n"
        "   The new ferry terminal opened on Monday morning, four years after the\n"
        "   first stone was laid and two years later than the town had promised, and\n"
        "   the first boat left for the islands with every seat taken by residents.\n\n"
        "   Building the terminal cost nearly twice what the council had planned,\n"
        "   mostly because the old quay turned out to rest on rotten wooden piles\n"
        "   that had to be pulled out one by one before the concrete was poured.\n"
        "   Councillors visit the building site in the rain (Photo: Harbour Office)\n\n"
        "   Divers inspect the old wooden piles under the quay before the works began.\n"
        "   Photo: Harbour Office for the Harbour Town Courier via Coastal Images\n\n"
        "   Building the terminal cost nearly twice what the council had planned,\n"
        "   mostly because the old quay turned out to rest on rotten wooden piles\n"
        "   that had to be pulled out one by one before any concrete could be poured.\n\n"
        "   The mayor cuts the ribbon at the terminal on Monday, the 4th of March 2024\n"
        "   in the harbour The mayor cuts the ribbon at the terminal on Monday, 4th\n"
        "   of March 2024, in the harbour. Jane Doe/Copyright 2024 Port Photo.\n\n"
        "   The mayor said the delays had been worth it, since the terminal would\n"
        "   serve the town for at least fifty years, and thanked the residents who\n"
        "   had put up with the noise of the pile drivers for three long summers.\n\n"
        "   Ferries will leave every hour in summer and every two hours in winter,\n"
        "   and tickets bought at the terminal will cost the same as they did at the\n"
        "   old quay until the end of the year, the operator said in a statement.\n");
    assert_true(has_text(a, "before the concrete was poured."));
    assert_true(has_text(a, "operator said in a statement"));
    assert_false(has_text(a, "building site in the rain"));
    /* a credit alone under a caption's sentence: the caption is left whole */
    assert_false(has_text(a, "Divers inspect"));
    bt_article_free(a);
}

/* Pass "image lead": a figure lynx prints as the placeholder image's file name, then the
 * photo's credit, alt text and credit again in one paragraph, its caption glued under it:
 * no paragraph of the article, though the alt text reads as a sentence. The file name in
 * the middle of a line opens nothing. */
static void test_image_lead(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Harbour town opens its new ferry terminal after years of delays\n\n"
        "   The new ferry terminal opened on Monday morning, four years after the\n"
        "   first stone was laid and two years later than the town had promised, and\n"
        "   the first boat left for the islands with every seat taken by residents.\n\n"
        "   [grey-placeholder.png] Harbour Press A crowd of residents waits on the\n"
        "   new quay for the first ferry, some of them holding flags and balloons.\n"
        "   Harbour Press\n"
        "   Residents waited for hours to board the first ferry to the islands\n\n"
        "   Building the terminal cost nearly twice what the council had planned,\n"
        "   mostly because the old quay turned out to rest on rotten wooden piles\n"
        "   that had to be pulled out one by one before any concrete could be poured.\n\n"
        "   The mayor said the delays had been worth it [flag.png] since the terminal\n"
        "   would serve the town for at least fifty years, and thanked the residents\n"
        "   who had put up with the noise of the pile drivers for three summers.\n\n"
        "   Ferries will leave every hour in summer and every two hours in winter,\n"
        "   and tickets bought at the terminal will cost the same as they did at the\n"
        "   old quay until the end of the year, the operator said in a statement.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "rotten wooden piles"));
    assert_true(has_text(a, "thanked the residents"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_false(has_text(a, "holding flags and balloons"));
    assert_false(has_text(a, "waited for hours"));
    bt_article_free(a);
}

/* Pass "figure below": a figure under a paragraph with no blank line between, its image named
 * by a long file name with a query that lynx wraps: the paragraph ends on its full stop, the
 * figure (name, caption, credit) is a block of its own and no part of the article. */
static void test_figure_below(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Harbour town opens its new ferry terminal after years of delays\n\n"
        "   The new ferry terminal opened on Monday morning, four years after the\n"
        "   first stone was laid and two years later than the town had promised, and\n"
        "   the first boat left for the islands with every seat taken by residents.\n\n"
        "   Building the terminal cost nearly twice what the council had planned,\n"
        "   mostly because the old quay rested on rotten wooden piles.\n"
        "   [5d1c8e2a-77b4-4c1e-9a3f-2b6e0d9c4f11?format=auto&amp;w=40&amp;s=8c2e41\n"
        "   9a07f3b5d6e2c1a4f8b9d0e7c6a5b4c3d2] Divers inspect the old piles under\n"
        "   the quay before the works. Photo: Harbour Office\n\n"
        "   The mayor said the delays had been worth it, since the terminal would\n"
        "   serve the town for at least fifty years, and thanked the residents who\n"
        "   had put up with the noise of the pile drivers for three long summers.\n\n"
        "   Ferries will leave every hour in summer and every two hours in winter,\n"
        "   and tickets bought at the terminal will cost the same as they did at the\n"
        "   old quay until the end of the year, the operator said in a statement.\n");
    assert_true(has_text(a, "rested on rotten wooden piles."));
    assert_true(has_text(a, "operator said in a statement"));
    assert_false(has_text(a, "Divers inspect"));
    assert_false(has_text(a, "format=auto"));
    bt_article_free(a);
}

/* Pass "inline cards": a box of cards set between two paragraphs, each a bullet ("More on
 * this") with its story's title glued under it: the titles are no teaser list's headlines,
 * so the paragraphs around the box stay the article's, below a box of headlines too. */
static void test_inline_cards(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "   Headlines\n"
        "   All headlines\n"
        "   Video The new bridge opens to traffic\n"
        "   Text The football club signs a striker\n"
        "   Text A storm floods the old town again\n"
        "   Text The museum opens a new wing\n"
        "   Text The council votes on the harbour plan\n"
        "   Text A new school opens in the north\n"
        "   Show all headlines\n\n"
        "   The islanders welcomed the news, saying that the ferries had been the only\n"
        "   way to reach the mainland for as long as anyone on the islands remembered.\n"
        "     * More on this\n"
        "       Harbour: The old quay closes for good after a last summer\n"
        "     * More on this\n"
        "       Ferries: The operator orders a fourth ship for the winter\n"
        "     * More on this\n"
        "       Islands: The school boat gets a new timetable in autumn\n\n"
        "   The council will decide in the spring whether the old quay is torn down\n"
        "   or kept as a place for fishing boats and the summer market of the town.\n");
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "only way to reach the mainland"));
    assert_true(has_text(a, "summer market of the town"));
    assert_false(has_text(a, "fourth ship for the winter"));
    assert_true(has_text(a, "first boat left for the islands"));
    assert_true(has_text(a, "rotten wooden piles"));
    assert_true(has_text(a, "three long summers"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_false(has_text(a, "cuts the ribbon"));
    bt_article_free(a);
}

/* Pass "bullet cards": two numbered items, each a photo's caption with its story's headline
 * glued under it, are a related box's cards, not a list the article gives: the article goes
 * on below the box. */
static void test_lined_cards(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "   Read More\n"
        "    1. Passengers wait on the old quay for the last ferry before it closed for\n"
        "       good last autumn.\n"
        "       Old quay to become a park after the terminal opens\n"
        "    2. Pile drivers stand idle on the harbour front after the council stopped\n"
        "       the works for the summer.\n"
        "       Council pauses harbour works over noise complaints\n\n"
        "   Advertisement\n\n"
        "   The operator plans to add a night ferry next year if the new timetable\n"
        "   draws enough passengers in its first summer, a spokesman for the company\n"
        "   said, and will decide on it after counting the tickets sold by September.\n\n"
        "   Residents of the islands have asked for the night ferry for years, since\n"
        "   the last boat home now leaves before most restaurants in the town close\n"
        "   and a taxi boat costs more than a week of ordinary return tickets.\n");
    assert_true(has_text(a, "operator said in a statement"));
    assert_true(has_text(a, "add a night ferry next year"));
    assert_true(has_text(a, "taxi boat costs more"));
    assert_false(has_text(a, "Passengers wait on the old quay"));
    assert_false(has_text(a, "Pile drivers stand idle"));
    bt_article_free(a);
}

/* Lines around an article's own numbered list of embeds are no teasers' headlines: a
 * widget's label printed under every item (pass "label again") and photo credits on a line
 * of their own ("Jo Smith/Harbour Press via Baltic Images").
 * The list goes on the article. */
static void test_embed_list_lines(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        LYNX_ARTICLE
        "   Harbour master Ann Berg\n   Ferry operator Baltic Lines\n   Opened 2024\n"
        "   Berths 4\n   Car lanes 3\n   Seats 400\n   Cafe 50 seats\n   Parking 220 cars\n\n"
        "   The terminal in numbers:\n\n"
        "1. The new terminal handles twelve hundred passengers an hour at its busiest.\n\n"
        "External content not available\n\n"
        "   Your privacy settings block the loading of all external content (for\n"
        "   example graphics and social networks). Change them to show it.\n"
        "   (BUTTON) Change privacy settings\n"
        "   Jo Smith/Harbour Press via Baltic Images\n\n"
        "2. Its roof carries solar panels that cover most of the building's power needs.\n\n"
        "External content not available\n\n"
        "   Your privacy settings block the loading of all external content (for\n"
        "   example graphics and social networks). Change them to show it.\n"
        "   (BUTTON) Change privacy settings\n"
        "   Jo Smith/Harbour Press via Baltic Images\n\n"
        "3. The waiting hall has room for four hundred people and a cafe for fifty.\n\n"
        "External content not available\n\n"
        "   Your privacy settings block the loading of all external content (for\n"
        "   example graphics and social networks). Change them to show it.\n"
        "   (BUTTON) Change privacy settings\n"
        "   Terminal waiting hall\n"
        "   Jo Smith/Harbour Press via Baltic Images\n\n"
        "4. Cars queue on three lanes that the old quay had no room for at all.\n\n"
        "External content not available\n\n"
        "   Your privacy settings block the loading of all external content (for\n"
        "   example graphics and social networks). Change them to show it.\n"
        "   (BUTTON) Change privacy settings\n"
        "   Jo Smith/Harbour Press via Baltic Images\n\n"
        "   The council will publish the full costs of the terminal next month.\n");
    assert_true(has_text(a, "operator said in a statement"));
    assert_true(has_text(a, "twelve hundred passengers"));
    assert_true(has_text(a, "three lanes that the old quay"));
    bt_article_free(a);
}

/* Pass "gallery twins": a gallery set with no <p> of its own runs on from the paragraph above
 * it, each photo as its alt text, the caption repeating it and a credit; the paragraph keeps
 * its own sentences, before the photos and after the last one's credit. */
static void test_gallery_twins(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "Harbour town opens its new ferry terminal after years of delays\n\n"
        "   The new ferry terminal opened on Monday morning, four years after the\n"
        "   first stone was laid and two years later than the town had promised, and\n"
        "   the first boat left for the islands with every seat taken by residents.\n\n"
        "   Building the terminal cost nearly twice what the council had planned,\n"
        "   mostly because the old quay turned out to rest on rotten wooden piles.\n"
        "   Workers pull an old wooden pile out of the harbour mud with a crane.\n"
        "   Workers pull an old wooden pile out of the harbour mud with a\n"
        "   crane.Jo Smith (Port Authority) The concrete base of the new quay is\n"
        "   poured at night. The concrete base of the new quay is poured at\n"
        "   night.Jo Smith (Port Authority) Divers checked every new pile before\n"
        "   the deck was laid on top of them.\n\n"
        "   The mayor said the delays had been worth it, since the terminal would\n"
        "   serve the town for at least fifty years, and thanked the residents who\n"
        "   had put up with the noise of the pile drivers for three long summers.\n\n"
        "   The first ferry of the morning leaves the new terminal at six o'clock.\n"
        "   The first ferry of the morning leaves the new terminal at six o'clock.\n"
        "   The first ferry of the morning leaves the new terminal at six o'clock.\n"
        "   Port Authority\n\n"
        "   Ferries will leave every hour in summer and every two hours in winter,\n"
        "   and tickets bought at the terminal will cost the same as they did at the\n"
        "   old quay until the end of the year, the operator said in a statement.\n");
    assert_true(has_text(a, "rest on rotten wooden piles. Divers checked every new pile"));
    assert_true(has_text(a, "operator said in a statement"));
    assert_false(has_text(a, "harbour mud"));
    assert_false(has_text(a, "poured at night"));
    /* printed three times from the paragraph's start: the photo's alone, dropped whole */
    assert_false(has_text(a, "first ferry of the morning"));
    bt_article_free(a);
}

/* Neither pass touches a capture that does not indent its paragraphs (plain text, Markdown):
 * there a paragraph glued to a line above it is the article's. */
static void test_not_a_lynx_dump(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "# Harbour town opens its new ferry terminal after years of delays\n\n"
        "The new ferry terminal opened on Monday morning, four years after the first stone was "
        "laid and two years later than the town had promised, and the first boat left full.\n"
        "Building the terminal cost nearly twice what the council had planned, mostly because "
        "the old quay turned out to rest on rotten wooden piles that had to be pulled out.\n"
        "The mayor said the delays had been worth it, since the terminal would serve the town "
        "for at least fifty years, and thanked the residents for their patience all along.\n");
    assert_true(has_text(a, "first boat left full"));
    assert_true(has_text(a, "rotten wooden piles"));
    assert_true(has_text(a, "patience all along"));
    bt_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_glued_teasers),
        cmocka_unit_test(test_glued_notice_inside),
        cmocka_unit_test(test_glued_paragraphs_kept),
        cmocka_unit_test(test_glued_box),
        cmocka_unit_test(test_bullet_cards),
        cmocka_unit_test(test_bullet_cards_with_lines),
        cmocka_unit_test(test_title_cards),
        cmocka_unit_test(test_cjk_wrap_column),
        cmocka_unit_test(test_cjk_full_stop),
        cmocka_unit_test(test_cjk_indent),
        cmocka_unit_test(test_repeated_box),
        cmocka_unit_test(test_lost_byte),
        cmocka_unit_test(test_next_article),
        cmocka_unit_test(test_lynx_apostrophe),
        cmocka_unit_test(test_alt_twins),
        cmocka_unit_test(test_near_twins),
        cmocka_unit_test(test_glued_twins),
        cmocka_unit_test(test_image_lead),
        cmocka_unit_test(test_figure_below),
        cmocka_unit_test(test_caption_run_on),
        cmocka_unit_test(test_caption_label),
        cmocka_unit_test(test_related_label),
        cmocka_unit_test(test_alt_at_paragraph_end),
        cmocka_unit_test(test_stutter_line),
        cmocka_unit_test(test_margin_run),
        cmocka_unit_test(test_most_read_in),
        cmocka_unit_test(test_lynx_embedded_post),
        cmocka_unit_test(test_button_line),
        cmocka_unit_test(test_related_line),
        cmocka_unit_test(test_photo_card),
        cmocka_unit_test(test_alt_over_glued_caption),
        cmocka_unit_test(test_gallery_twins),
        cmocka_unit_test(test_lined_cards),
        cmocka_unit_test(test_inline_cards),
        cmocka_unit_test(test_embed_list_lines),
        cmocka_unit_test(test_widget_label),
        cmocka_unit_test(test_author_box),
        cmocka_unit_test(test_not_a_lynx_dump),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
