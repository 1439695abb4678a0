/* test_extract_text_meta.c: the metadata a text capture of a page never seen keeps once a
 * renderer (pandoc, html2text, lynx) has dropped the markup that named it: the standfirst
 * under the headline, and the passes that find the dateline, the byline and the headline
 * by their place and wording alone. Each page here is written for the test. */
#include "support.h"

#include "bantin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bt_article *extract_ok(const char *text)
{
    bt_capture cap;
    memset(&cap, 0, sizeof cap);
    cap.data = text;
    cap.len = strlen(text);
    cap.origin = "test.txt";
    bt_error err;
    bt_article *a = NULL;
    assert_int_equal(bt_extract(&cap, NULL, &a, &err), 0);
    assert_non_null(a);
    return a;
}

#define BODY_EN                                                                                  \
    "The council voted on Tuesday to reopen the river ferry, which closed in 2019 after its "     \
    "last boat failed an inspection by the harbour office.\n\n"                                   \
    "Residents of the east bank had asked for years to have it back, and the vote was "          \
    "unanimous after a short debate in the town hall.\n\n"                                        \
    "A new boat is being built at the yard downstream and should be ready in March, the "        \
    "mayor said after the meeting.\n"

/* Pass "lede under the headline": the first paragraph under the headline is the
 * standfirst, full stop or not, with nothing but furniture between them, or past the meta
 * rows (byline, reading time) and the lead photo with its credit, which leave the body; a
 * lone paragraph is the article's body, no standfirst; a deck set as a subheading is one. */
static void test_lede_under_title(void **state)
{
    (void)state;
    bt_article *a = extract_ok("# Ferry across the river to run again\n\n"
                               "The city brings back a service the east bank has missed for six "
                               "years and wants it running by the spring\n\n" BODY_EN);
    assert_non_null(a->lede);
    assert_non_null(strstr(a->lede, "six years"));
    assert_int_equal(a->n_body, 3);
    assert_non_null(strstr(a->body[0], "The council voted"));
    bt_article_free(a);
    a = extract_ok("# Ferry across the river to run again\n\n"
                   "By Jane Doe and John Roe\n\n"
                   "Reading time: 2 min\n\n"
                   "![The old ferry at the east bank](ferry.jpg)\n\n"
                   "Photo: Anna Berg\n\n" BODY_EN);
    assert_non_null(a->lede);
    assert_non_null(strstr(a->lede, "The council voted"));
    assert_int_equal(a->n_body, 2);
    for (size_t i = 0; i < a->n_body; i++)
        assert_null(strstr(a->body[i], "Reading time"));
    bt_article_free(a);
    a = extract_ok("# Ferry across the river to run again\n\n"
                   "The council voted on Tuesday to reopen the river ferry, which closed in 2019 "
                   "after its last boat failed an inspection by the harbour office.\n");
    assert_null(a->lede);
    bt_article_free(a);
    /* a deck set as a subheading is the standfirst; a section's short heading is none */
    a = extract_ok("# Ferry across the river to run again\n\n"
                   "## The city brings back a service the east bank has missed for six years\n\n"
                   BODY_EN);
    assert_non_null(a->lede);
    assert_non_null(strstr(a->lede, "six years"));
    assert_int_equal(a->n_body, 3);
    bt_article_free(a);
    a = extract_ok("# Ferry across the river to run again\n\n## Background\n\n" BODY_EN);
    assert_true(!a->lede || !strstr(a->lede, "Background"));
    bt_article_free(a);
}

static int has_author(const bt_article *a, const char *name)
{
    for (size_t i = 0; i < a->n_authors; i++)
        if (!strcmp(a->authors[i], name))
            return 1;
    return 0;
}

/* Pass "byline near the headline": the shapes a byline box renders to (a label over the
 * names, names over the dateline, a meta row, a byline word and names before a role or a
 * date, names before the date on the dateline), read when the names are people's; a photo's
 * credit is none, nor is a label over the dateline or a headline opening with "Von der". */
static void test_byline_near_title(void **state)
{
    (void)state;
    static const char *const tops[] = {
        "# Ferry across the river to run again\n\nKommentar von\n\nJane Doe\n\n",
        "# Ferry across the river to run again\n\nAuthor of the article:\n\nJane Doe\n\n",
        "# Ferry across the river to run again\n\nJane Doe\n\n28.04.2024, 19:09 Uhr\n\n",
        "# Ferry across the river to run again\n\nDo 25.04.24 | 14:07 Uhr | Von Jane Doe\n\n",
        "# Ferry across the river to run again\n\nVon Jane Doe, Redakteurin für Verkehr\n\n",
        "# Ferry across the river to run again\n\nby Jane Doe Jul. 19, 2026 9:45 am\n\n",
        "# Ferry across the river to run again\n\nJane Doe, 26.04.2024 10:00 Uhr\n\n",
        "# Ferry across the river to run again\n\nKommentar von Jane Doe\n\n",
        /* a button's "Text" labels no byline; the month ends the name */
        "# Ferry across the river to run again\n\nResize Text\n\nPrint Article Comments\n\n"
        "By Jane Doe March 18 at 3:57 PM\n\n",
        /* past a piece that names nobody ("Speech"), the rest is the writer's title */
        "# Ferry across the river to run again\n\nBy Jane Doe, Senior Staff Technologist, "
        "Speech, Privacy, and Technology Project\n\n",
    };
    char buf[2048];
    for (size_t k = 0; k < sizeof tops / sizeof tops[0]; k++) {
        snprintf(buf, sizeof buf, "%s%s", tops[k], BODY_EN);
        bt_article *a = extract_ok(buf);
        assert_int_equal(a->n_authors, 1);
        assert_true(has_author(a, "Jane Doe"));
        for (size_t i = 0; i < a->n_body; i++)
            assert_null(strstr(a->body[i], "Jane Doe"));
        bt_article_free(a);
    }
    static const char *const none[] = {
        "# Ferry across the river to run again\n\nImage: Jane Doe\n\n",
        "# Ferry across the river to run again\n\nPolitik\n\n28.04.2024, 19:09 Uhr\n\n",
        "# Ferry across the river to run again\n\n28.04.2024, 19:09 Uhr\n\nJane Doe\n\n",
        "# Ferry across the river to run again\n\nVon der Leyen fordert eine Fähre für alle\n\n",
        "# Ferry across the river to run again\n\nPublished Thursday 27 July 2017 10:00\n\n",
        /* "von" after a word or two, names not closing the line: a preposition */
        "# Ferry across the river to run again\n\nDie Fähre von Kapitän Jonas fährt wieder\n\n",
        "# Ferry across the river to run again\n\n-   Older Article\n-   Newer Article\n\n"
        "28.04.2024, 19:09 Uhr\n\n",
    };
    for (size_t k = 0; k < sizeof none / sizeof none[0]; k++) {
        snprintf(buf, sizeof buf, "%s%s", none[k], BODY_EN);
        bt_article *a = extract_ok(buf);
        assert_int_equal(a->n_authors, 0);
        bt_article_free(a);
    }
}

/* Pass "sole H1": the page's one first-level heading is its headline when the run of prose
 * began above it, at a notice; the notice is no part of the article. */
static void test_sole_h1(void **state)
{
    (void)state;
    bt_article *a = extract_ok(
        "## Ferry news\n\n"
        "We apologize, but this video has failed to load. Try refreshing your browser, or tap "
        "here to see other videos from our team.\n\n"
        "# Ferry across the river to run again\n\n" BODY_EN);
    assert_string_equal(a->title, "Ferry across the river to run again");
    assert_true(!a->lede || !strstr(a->lede, "apologize"));
    for (size_t i = 0; i < a->n_body; i++) {
        assert_null(strstr(a->body[i], "apologize"));
        assert_null(strstr(a->body[i], "Ferry across"));
    }
    bt_article_free(a);
}

/* Pass "timed dateline under the headline": a date with a time of day on a line of its own a
 * few paragraphs under the headline is the publication time; a date without a time there is
 * not taken (an event's, a photo's). */
static void test_timed_dateline(void **state)
{
    (void)state;
    static const char *const fmt =
        "# Ferry across the river to run again\n\n"
        "The city brings back a service the east bank has missed for six years and wants it "
        "running by the spring.\n\n"
        "The council voted on Tuesday to reopen the river ferry, which closed in 2019 after its "
        "last boat failed an inspection by the harbour office.\n\n"
        "Residents of the east bank had asked for years to have it back, and the vote was "
        "unanimous after a short debate.\n\n"
        "%s\n\n"
        "A new boat is being built at the yard downstream and should be ready in March, the "
        "mayor said after the meeting.\n\n"
        "The first crossings are planned for the spring, with a boat every half hour on "
        "weekdays and every hour at weekends.\n";
    char buf[2048];
    snprintf(buf, sizeof buf, fmt, "January 28, 2025 11:30 am");
    bt_article *a = extract_ok(buf);
    assert_non_null(a->published);
    assert_string_equal(a->published, "2025-01-28T11:30:00+00:00");
    for (size_t i = 0; i < a->n_body; i++)
        assert_null(strstr(a->body[i], "January 28"));
    bt_article_free(a);
    snprintf(buf, sizeof buf, fmt, "January 28, 2025");
    a = extract_ok(buf);
    assert_null(a->published);
    bt_article_free(a);
}

/* Pass "author's note": with no byline, the note on the writer under the article names
 * them; a sentence under it that opens with a name and "ist" is no such note. */
static void test_author_note(void **state)
{
    (void)state;
    static const char *const fmt = "# Ferry across the river to run again\n\n" BODY_EN "\n"
                                   "Share this article\n\n%s\n";
    char buf[2048];
    snprintf(buf, sizeof buf, fmt,
             "Jane Doe is a reporter who covers transport and the harbour for the paper since "
             "2019.");
    bt_article *a = extract_ok(buf);
    assert_int_equal(a->n_authors, 1);
    assert_string_equal(a->authors[0], "Jane Doe");
    bt_article_free(a);
    snprintf(buf, sizeof buf, fmt,
             "Kai Wegner ist der Regierende Bürgermeister von Berlin und will die Fähre auch in "
             "der Hauptstadt.");
    a = extract_ok(buf);
    assert_int_equal(a->n_authors, 0);
    bt_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lede_under_title),
        cmocka_unit_test(test_byline_near_title),
        cmocka_unit_test(test_sole_h1),
        cmocka_unit_test(test_timed_dateline),
        cmocka_unit_test(test_author_note),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
