/* test_date.c: core/date.h, rule by rule: the calendar, dates found in Vietnamese and English
 * prose, machine dates of metadata (ISO 8601 with offsets or Z, RFC 822), the day numbers
 * ranking uses, and the day bounds of search's since:/until:. */
#include "support.h"

#include "bantin.h"
#include "core/date.h"

#include <stdio.h>
#include <string.h>

/* The date found in `s` as ISO 8601 (+07:00 when it has no zone), or NULL. */
static const char *found(const char *s, char buf[40])
{
    bti_date d;
    if (!bti_date_find(s, strlen(s), &d))
        return NULL;
    assert_true(bti_date_format(&d, 7 * 60, buf, 40) == 25);
    return buf;
}

static void assert_found(const char *s, const char *want)
{
    char b[40];
    const char *got = found(s, b);
    if (!got || strcmp(got, want))
        fail_msg("'%s': got %s, want %s", s, got ? got : "(none)", want);
}

static void test_calendar(void **state)
{
    (void)state;
    assert_int_equal(bti_days_in_month(2021, 2), 28);
    assert_int_equal(bti_days_in_month(2024, 2), 29);
    assert_int_equal(bti_days_in_month(1900, 2), 28); /* a century: not leap */
    assert_int_equal(bti_days_in_month(2000, 2), 29); /* unless by 400 */
    assert_int_equal(bti_days_in_month(2021, 4), 30);
    assert_int_equal(bti_days_in_month(2021, 12), 31);
    assert_true(bti_date_valid(2024, 2, 29));
    assert_false(bti_date_valid(2023, 2, 29));
    assert_false(bti_date_valid(2021, 2, 31));
    assert_false(bti_date_valid(2021, 4, 31));
    assert_false(bti_date_valid(2021, 13, 1));
    assert_false(bti_date_valid(2021, 1, 0));
    assert_false(bti_date_valid(1899, 12, 31)); /* outside the years an article carries */
    assert_false(bti_date_valid(2201, 1, 1));
    assert_int_equal(bti_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(bti_days_from_civil(1969, 12, 31), -1);
    assert_int_equal(bti_days_from_civil(2000, 3, 1), 11017);
    assert_int_equal(bti_days_from_civil(2021, 8, 16), 18855);
    assert_int_equal(bti_date_days("2021-08-16T08:15:00+07:00"), 18855);
    assert_int_equal(bti_date_days("2024-03-01") - bti_date_days("2024-02-28"), 2);
    assert_int_equal(bti_date_days("2021-8-16"), -1);
    assert_int_equal(bti_date_days("16/08/2021"), -1);
    assert_int_equal(bti_date_days(NULL), -1);
    const char *iso = "2021-08-16T08:15:00+07:00";
    assert_int_equal(bti_date_key((const unsigned char *)iso, (int)strlen(iso)), 20210816);
    assert_int_equal(bti_date_key((const unsigned char *)"2021-08", 7), -1);
    assert_int_equal(bti_date_key((const unsigned char *)"2021/08/16", 10), -1);
    assert_int_equal(bti_date_key(NULL, 0), -1);
}

static void test_vietnamese(void **state)
{
    (void)state;
    assert_found("Thứ hai, 16/8/2021 08:15 (GMT+7)", "2021-08-16T08:15:00+07:00");
    assert_found("Thứ Hai, 16/08/2021, 08:15 (GMT+7)", "2021-08-16T08:15:00+07:00");
    assert_found("08:15 | 16/08/2021 GMT+7", "2021-08-16T08:15:00+07:00");
    assert_found("Cập nhật: 16.08.2021 08h15", "2021-08-16T08:15:00+07:00");
    assert_found("Hà Nội, ngày 16 tháng 8 năm 2021", "2021-08-16T00:00:00+07:00");
    assert_found("16 tháng 8, 2021", "2021-08-16T00:00:00+07:00");
    assert_found("Chủ nhật, 29/02/2024 - 07:00", "2024-02-29T07:00:00+07:00");
    /* the span covers the date and its time and zone */
    const char *s = "Tin mới. Thứ hai, 16/8/2021 08:15 (GMT+7) Hà Nội";
    bti_date d;
    assert_true(bti_date_find(s, strlen(s), &d));
    assert_int_equal(d.start, strlen("Tin mới. Thứ hai, "));
    assert_int_equal(d.end, strlen("Tin mới. Thứ hai, 16/8/2021 08:15 (GMT+7)"));
    assert_true(d.has_time);
    assert_true(d.has_offset);
    assert_int_equal(d.offset_min, 420);
}

static void test_english(void **state)
{
    (void)state;
    assert_found("August 16, 2021", "2021-08-16T00:00:00+07:00");
    assert_found("Aug. 16, 2021 8:15 PM EDT", "2021-08-16T20:15:00-04:00");
    assert_found("16th August 2021 08:15 UTC", "2021-08-16T08:15:00+00:00");
    assert_found("Updated: Oct 9, 2019, 11:05 IST", "2019-10-09T11:05:00+05:30");
    assert_found("Sept 1, 2021, 12:05 am", "2021-09-01T00:05:00+07:00");
    assert_found("08/16/2021", "2021-08-16T00:00:00+07:00"); /* month first: day > 12 */
    assert_found("04/08/2021", "2021-08-04T00:00:00+07:00"); /* else day first */
    char b[40];
    bti_date d;
    assert_true(bti_date_find("March 3, 2022 10:00 CET", 23, &d));
    assert_int_equal(d.offset_min, 60);
    assert_null(found("Mayor 16, 2021", b)); /* not a month word */
}

/* datelines in other languages' month names, with a day's ordinal dot or Spanish "de" */
static void test_month_names(void **state)
{
    (void)state;
    assert_found("Stand: 28. April 2023, 05:00 Uhr", "2023-04-28T05:00:00+07:00");
    assert_found("3. März 2024 um 14:07 Uhr", "2024-03-03T14:07:00+07:00");
    assert_found("Publié le 30 août 2023 à 14h52", "2023-08-30T14:52:00+07:00");
    assert_found("3 de marzo de 2024, 14:07", "2024-03-03T14:07:00+07:00");
    assert_found("12 maggio 2023 08:15", "2023-05-12T08:15:00+07:00");
    assert_found("3 października 2024 14:07", "2024-10-03T14:07:00+07:00");
    assert_found("Publicerad 23 okt 2025 kl 10.23", "2025-10-23T00:00:00+07:00");
    assert_found("28. 4. 2023, 18:41 Uhr", "2023-04-28T18:41:00+07:00"); /* spaced numerals */
    assert_found("Veröffentlicht am 27.04.24 um 07:39 Uhr", "2024-04-27T07:39:00+07:00");
    assert_found("Do 27.04.2023 15:17Uhr", "2023-04-27T15:17:00+07:00");
    char b[40];
    assert_null(found("Mars 2024", b));       /* no day */
    assert_null(found("12. Marsch 2024", b)); /* no month word */
    assert_null(found("5 maison 2024", b));
    assert_null(found("1. 2. Liga", b)); /* spaced numerals need their year */
    assert_null(found("Version 1.2.34 ist da", b)); /* a two-digit year needs a time */
    assert_null(found("am 27.04.24 beschlossen", b));
}

static void test_iso_in_prose(void **state)
{
    (void)state;
    assert_found("2021-08-16T08:15:00+07:00", "2021-08-16T08:15:00+07:00");
    assert_found("2021-08-16T01:15:00Z", "2021-08-16T01:15:00+00:00");
    assert_found("2021-08-16T01:15:00.250-05:30", "2021-08-16T01:15:00-05:30");
    assert_found("Published 2021-08-16 08:15:05 +0700", "2021-08-16T08:15:05+07:00");
    assert_found("2021/08/16", "2021-08-16T00:00:00+07:00");
    /* without a zone: the default offset */
    bti_date d;
    char b[40];
    assert_true(bti_date_find("2021-08-16 08:15", 16, &d));
    assert_false(d.has_offset);
    assert_int_equal(bti_date_format(&d, 0, b, sizeof b), 25);
    assert_string_equal(b, "2021-08-16T08:15:00+00:00");
    assert_int_equal(bti_date_format(&d, -150, b, sizeof b), 25);
    assert_string_equal(b, "2021-08-16T08:15:00-02:30");
}

static void test_bad_dates(void **state)
{
    (void)state;
    char b[40];
    static const char *const bad[] = {
        "31/02/2021", "29/02/2023", "30/02/2024", "31/04/2021", "32/01/2021", "16/13/2021",
        "February 30, 2021", "2021-02-29T10:00:00Z", "2021-13-01", "16/8", "sáng 16/8",
        "lúc 08:15", "1-2 ghế", "3.000 lít", "16/08/1850", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (found(bad[i], b))
            fail_msg("'%s' read as %s", bad[i], b);
    /* a bad date does not hide a good one after it */
    assert_found("31/02/2021 hoặc 28/02/2021", "2021-02-28T00:00:00+07:00");
    assert_found("29/02/2024", "2024-02-29T00:00:00+07:00");
    assert_found("29/02/2000", "2000-02-29T00:00:00+07:00");
    assert_null(found("29/02/1900", b));
}

static void assert_meta(const char *s, int have_default, const char *want)
{
    char out[64] = "";
    int ok = bti_date_parse_meta(s, have_default, 7 * 60, out);
    if (want ? !ok || strcmp(out, want) : ok)
        fail_msg("'%s': got %s, want %s", s, ok ? out : "(none)", want ? want : "(none)");
}

static void test_meta(void **state)
{
    (void)state;
    assert_meta("2021-08-16T08:15:00+07:00", 0, "2021-08-16T08:15:00+07:00");
    assert_meta("2021-08-16T01:15:00Z", 0, "2021-08-16T01:15:00+00:00");
    assert_meta("2021-08-16T01:15:00.123z", 0, "2021-08-16T01:15:00.123+00:00");
    assert_meta("2021-08-16T01:15:00.1234567+02:00", 0, "2021-08-16T01:15:00.123456+02:00");
    /* ZONE_HMM: an hour of one digit without its zero */
    assert_meta("2018-10-29T10:15-500", 0, "2018-10-29T10:15:00-05:00");
    assert_meta("2021-08-16T08:15:00+530", 0, "2021-08-16T08:15:00+05:30");
    assert_meta("2021-08-16T08:15:00+575", 0, "2021-08-16");
    assert_meta("2021-08-16T08:15:00+0700", 0, "2021-08-16T08:15:00+07:00");
    assert_meta("2021-08-16T08:15-04:00", 0, "2021-08-16T08:15:00-04:00");
    assert_meta("2021-08-16T08:15:00 GMT+07:00", 0, "2021-08-16T08:15:00+07:00");
    assert_meta("  2021-08-16", 0, "2021-08-16");
    /* a time without a zone: the page's default, else the day alone */
    assert_meta("2021-08-16 08:15", 1, "2021-08-16T08:15:00+07:00");
    assert_meta("2021-08-16 08:15", 0, "2021-08-16");
    assert_meta("Mon, 16 Aug 2021 08:15:00 +0700", 0, "2021-08-16T08:15:00+07:00");
    assert_meta("16 Aug 2021 01:15:00 GMT", 0, "2021-08-16T01:15:00+00:00");
    /* day first only on a page whose order is sure */
    assert_meta("16/08/2021 08:15", 1, "2021-08-16T08:15:00+07:00");
    assert_meta("16/08/2021 08:15", 0, NULL);
    /* impossible days, leap years */
    assert_meta("2021-02-29T10:00:00Z", 0, NULL);
    assert_meta("2024-02-29T10:00:00Z", 0, "2024-02-29T10:00:00+00:00");
    assert_meta("31/04/2021", 1, NULL);
    assert_meta("2021-08-16T25:00:00Z", 0, NULL);
    /* WRITTEN_META_DATE: a date written for readers, when it is most of the value; its
     * time without a zone as above; numbers alone only year first */
    assert_meta("Updated 4:00 PM EST, Sun November 23, 2014", 0, "2014-11-23T16:00:00-05:00");
    assert_meta("November 23, 2014", 0, "2014-11-23");
    assert_meta("Sunday, November 23, 2014 4:00 PM", 0, "2014-11-23");
    assert_meta("Sunday, November 23, 2014 4:00 PM", 1, "2014-11-23T16:00:00+07:00");
    assert_meta("2014/11/23 16:00", 1, "2014-11-23T16:00:00+07:00");
    assert_meta("05/06/2014 16:00", 0, NULL);
    assert_meta("The council met on November 23, 2014 to decide on the bridge", 0, NULL);
    /* CTIME_DATE: ctime's and Java's Date.toString()'s form, the year last */
    assert_meta("Sun Nov 23 16:00:00 EDT 2014", 0, "2014-11-23T16:00:00-04:00");
    assert_meta("Mon Jan 05 09:30:00 UTC 2015", 0, "2015-01-05T09:30:00+00:00");
    assert_meta("Sun Nov  3 16:00:00 2014", 0, "2014-11-03");
    assert_meta("Sun Nov  3 16:00:00 2014\n", 1, "2014-11-03T16:00:00+07:00");
    assert_meta("Sun Nov 23 16:00:00 EDT 2014 in the archive", 0, NULL);
    assert_meta("Sun Nov 31 16:00:00 EDT 2014", 0, NULL);
    assert_meta("hôm qua", 1, NULL);
    assert_meta("", 1, NULL);
    assert_meta(NULL, 1, NULL);
}

static void assert_bound(const char *s, int end, const char *want)
{
    char out[11] = "";
    int rc = bti_date_bound(s, strlen(s), end, out);
    if (want ? rc || strcmp(out, want) : rc != BT_EINVAL)
        fail_msg("'%s' (%s): got %d %s, want %s", s, end ? "until" : "since", rc, out,
                 want ? want : "BT_EINVAL");
}

static void test_since_until(void **state)
{
    (void)state;
    assert_bound("2021", 0, "2021-01-01");
    assert_bound("2021", 1, "2021-12-31");
    assert_bound("2021-02", 0, "2021-02-01");
    assert_bound("2021-02", 1, "2021-02-28");
    assert_bound("2024-02", 1, "2024-02-29");
    assert_bound("1900-02", 1, "1900-02-28");
    assert_bound("2021-04", 1, "2021-04-30");
    assert_bound("2021-08-16", 0, "2021-08-16");
    assert_bound("2021-08-16", 1, "2021-08-16");
    assert_bound("2024-02-29", 0, "2024-02-29");
    assert_bound("2023-02-29", 0, NULL);
    assert_bound("2021-13", 0, NULL);
    assert_bound("2021-00", 1, NULL);
    assert_bound("2021-08-32", 0, NULL);
    assert_bound("2021-8-16", 0, NULL);
    assert_bound("21-08-16", 0, NULL);
    assert_bound("0999", 0, NULL);
    assert_bound("2021-08-16T00", 0, NULL);
    assert_bound("", 0, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calendar),    cmocka_unit_test(test_vietnamese),
        cmocka_unit_test(test_english),     cmocka_unit_test(test_iso_in_prose),
        cmocka_unit_test(test_bad_dates),   cmocka_unit_test(test_meta),
        cmocka_unit_test(test_since_until), cmocka_unit_test(test_month_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
