/* dateline.h: finding publication dates in text (Vietnamese and international formats) and
 * writing them as ISO 8601 with an offset. Shared by the text and HTML extractors.
 *
 * Recognised (anywhere in the string, the first full date wins):
 *   2021-08-14T18:19:00+07:00, 2021-08-14 18:19, 2021/08/14
 *   14/08/2021, 14-08-2021, 14.8.2021 (day first; month first only when the day is > 12)
 *   August 14, 2021 / Aug 14 2021 / 14 August 2021 (English month names)
 *   ngày 14 tháng 8 năm 2021 / 14 tháng 8, 2021
 * with a time before or after (18:19, 18h19, 6:19 PM, 18:19:05) and an offset
 * (GMT+7, (GMT+7), UTC+07:00, +07:00, Z, ICT, EST/EDT/PST/PDT/CET/CEST/BST/JST...).
 * A day and month without a year is not a date. Impossible dates (31/02/2021) are rejected.
 * Pure functions: no state, safe from any thread. */
#ifndef BT_EXTRACT_DATELINE_H
#define BT_EXTRACT_DATELINE_H

#include <stddef.h>

typedef struct bt_date {
    int year, month, day;
    int hour, minute, second;
    int has_time;   /* a time of day was given */
    int has_offset; /* an offset or zone was given */
    int offset_min; /* minutes east of UTC, when has_offset */
    size_t start;   /* byte span of the date (and its time/zone) in the input */
    size_t end;
} bt_date;

/* Days in month m (1-12) of year y, leap years counted. */
int bt_days_in_month(int y, int m);

/* Finds the first full date (with a year) in `s`. Returns 1 and fills *out, or 0. */
int bt_date_find(const char *s, size_t len, bt_date *out);

/* Writes `d` as "YYYY-MM-DDThh:mm:ss+hh:mm" into out (at least 26 bytes). A date without an
 * offset gets `default_offset_min` (the text extractor passes +07:00 for Vietnamese pages);
 * a date without a time is taken as 00:00:00 local time, so that the field stays one
 * comparable ISO 8601 instant form. Returns the length written. */
size_t bt_date_format(const bt_date *d, int default_offset_min, char *out, size_t cap);

/* Checks a calendar date (leap years included). 1 when valid. */
int bt_date_valid(int year, int month, int day);

#endif
