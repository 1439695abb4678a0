/* date.h: the library's one place for dates: calendar rules, finding a date in prose
 * (Vietnamese and English datelines), machine-readable dates of metadata (ISO 8601 with
 * offsets, RFC 822/1123), writing them as one ISO 8601 form, and the day bounds of search's
 * since:/until:. Which line of a text is a dateline is the extractors' business, not this.
 *
 * Pure functions: no state, safe from any thread. */
#ifndef BTI_CORE_DATE_H
#define BTI_CORE_DATE_H

#include <stddef.h>
#include <stdint.h>

/* ---- the calendar ----------------------------------------------------------------------- */

/* Days in month m (1-12) of year y, leap years counted (Gregorian). */
int bti_days_in_month(int y, int m);

/* 1 when y-m-d is a date of the calendar with 1900 <= y <= 2200 (the years an article may
 * carry: a wider range is a misread number), else 0. */
int bti_date_valid(int y, int m, int d);

/* Days since 1970-01-01 of y-m-d (proleptic Gregorian; negative before 1970). */
long bti_days_from_civil(long y, long m, long d);

/* Days since 1970-01-01 of a text starting "YYYY-MM-DD" (the digits as written, not checked
 * against the calendar), or -1 when it does not start so (NULL too). */
long bti_date_days(const char *iso);

/* YYYYMMDD of a text of `len` bytes starting "YYYY-MM-DD" (any digits, so that the order of
 * the keys is the order of the texts), or -1. Inline: search reads one per article. */
static inline int32_t bti_date_key(const unsigned char *s, int len)
{
    if (!s || len < 10)
        return -1;
    int32_t v = 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return -1;
        } else if (s[i] < '0' || s[i] > '9')
            return -1;
        else
            v = v * 10 + (s[i] - '0');
    }
    return v > 0 ? v : -1;
}

/* ---- dates in prose --------------------------------------------------------------------- */

typedef struct bti_date {
    int year, month, day;
    int hour, minute, second;
    int has_time;   /* a time of day was given */
    int has_offset; /* an offset or zone was given */
    int offset_min; /* minutes east of UTC, when has_offset */
    size_t start;   /* byte span of the date (and its time/zone) in the input */
    size_t end;
} bti_date;

/* Finds the first full date (with a year) in `s`. Returns 1 and fills *out, or 0.
 * Recognised (anywhere in the string, the first full date wins):
 *   2021-08-14T18:19:00+07:00, 2021-08-14 18:19, 2021/08/14
 *   14/08/2021, 14-08-2021, 14.8.2021 (day first; month first only when the day is > 12)
 *   27.04.24 (two digits of year: dotted, and only beside a time), 28. 4. 2023 (spaced)
 *   August 14, 2021 / Aug 14 2021 / 14 August 2021 (English month names)
 *   ngày 14 tháng 8 năm 2021 / 14 tháng 8, 2021
 * with a time before or after (18:19, 18h19, 6:19 PM, 18:19:05) and an offset
 * (GMT+7, (GMT+7), UTC+07:00, +07:00, Z, ICT, EST/EDT/PST/PDT/CET/CEST/BST/JST...).
 * A day and month without a year is not a date; impossible dates (31/02/2021) are refused. */
int bti_date_find(const char *s, size_t len, bti_date *out);

/* Writes `d` as "YYYY-MM-DDThh:mm:ss+hh:mm" into out (at least 26 bytes). A date without an
 * offset gets `default_offset_min` (+07:00 for Vietnamese pages); a date without a time is
 * taken as 00:00:00 local time, so that the field stays one comparable ISO 8601 instant form.
 * Returns the length written (as snprintf). */
size_t bti_date_format(const bti_date *d, int default_offset_min, char *out, size_t cap);

/* ---- dates of metadata ------------------------------------------------------------------ */

/* Parses a machine-readable date: ISO 8601 (JSON-LD, OpenGraph, <time datetime>), RFC
 * 822/1123 ("Sat, 24 Dec 2022 10:24:43 +0700"), or day first ("24/12/2022 10:24", only when
 * `have_default`: Vietnamese pages write it so) into out ("2022-12-24T10:24:43+07:00").
 * Without an offset, `default_offset_min` is used when `have_default` is set; otherwise the
 * time is dropped. A date without a time gives "YYYY-MM-DD". An ISO 8601 fraction of a second
 * is kept, to six digits ("2022-12-24T10:24:43.123+00:00"). Returns 1 when a date was
 * written, 0 when `s` is not such a date (impossible days included). */
int bti_date_parse_meta(const char *s, int have_default, int default_offset_min, char out[64]);

/* ---- search's since:/until: ------------------------------------------------------------- */

/* The first (end = 0) or last (end = 1) day of "YYYY", "YYYY-MM" or "YYYY-MM-DD" (`len`
 * bytes of `s`, year >= 1000, a day of the calendar) as "YYYY-MM-DD" in out. 0 or
 * BT_EINVAL (-1). */
int bti_date_bound(const char *s, size_t len, int end, char out[11]);

#endif
