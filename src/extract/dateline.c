/* dateline.c: the date finder of dateline.h. A small hand-written scanner: the formats are
 * fixed shapes of digits, separators and month words, and a scanner lets the caller learn
 * exactly which bytes were the date (so a dateline line can be dropped from the body). */
#include "extract/dateline.h"

#include <stdio.h>
#include <string.h>

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Reads min..max digits at s[*p]; the number, or -1. */
static int digits(const char *s, size_t len, size_t *p, int min, int max)
{
    int v = 0, n = 0;
    size_t i = *p;
    while (i < len && n < max && is_digit(s[i])) {
        v = v * 10 + (s[i] - '0');
        i++;
        n++;
    }
    if (n < min || (i < len && is_digit(s[i])))
        return -1;
    *p = i;
    return v;
}

static size_t skip_spaces(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == ','))
        i++;
    return i;
}

/* Case-insensitive match of ASCII or UTF-8 word `w` at s[i]; returns its length or 0. */
static size_t word_at(const char *s, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);
    if (len - i < n)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (lower((unsigned char)s[i + k]) != lower((unsigned char)w[k]))
            return 0;
    return n;
}

int bt_days_in_month(int y, int m)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return mdays[m - 1] + (m == 2 && leap);
}

int bt_date_valid(int y, int m, int d)
{
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
        return 0;
    return d <= bt_days_in_month(y, m);
}

static const char *const month_names[12][3] = {
    {"january", "jan", NULL},   {"february", "feb", NULL}, {"march", "mar", NULL},
    {"april", "apr", NULL},     {"may", NULL, NULL},       {"june", "jun", NULL},
    {"july", "jul", NULL},      {"august", "aug", NULL},   {"september", "sept", "sep"},
    {"october", "oct", NULL},   {"november", "nov", NULL}, {"december", "dec", NULL},
};

/* An English month name at s[i] (whole word, optional '.'); 1..12 and *p past it, or 0. */
static int month_word(const char *s, size_t len, size_t *p)
{
    size_t i = *p;
    if (i >= len || !strchr("jfmasondJFMASOND", s[i]))
        return 0;
    for (int m = 0; m < 12; m++)
        for (int k = 0; k < 3 && month_names[m][k]; k++) {
            size_t n = word_at(s, len, i, month_names[m][k]);
            if (n && (i + n >= len || !is_alpha(s[i + n]))) {
                i += n;
                if (i < len && s[i] == '.')
                    i++;
                *p = i;
                return m + 1;
            }
        }
    return 0;
}

static void ordinal_suffix(const char *s, size_t len, size_t *p)
{
    static const char *const suf[] = {"st", "nd", "rd", "th"};
    for (int k = 0; k < 4; k++)
        if (word_at(s, len, *p, suf[k]) && (*p + 2 >= len || !is_alpha(s[*p + 2]))) {
            *p += 2;
            return;
        }
}

/* hh:mm[:ss][.frac] at s[*p] ("18h19" too); 1 and fields, or 0. */
static int time_at(const char *s, size_t len, size_t *p, bt_date *d)
{
    size_t i = *p;
    int h = digits(s, len, &i, 1, 2);
    if (h < 0 || i >= len || (s[i] != ':' && s[i] != 'h' && s[i] != 'H'))
        return 0;
    i++;
    int mi = digits(s, len, &i, 2, 2), sec = 0;
    if (mi < 0)
        return 0;
    if (i + 2 < len && s[i] == ':' && is_digit(s[i + 1])) {
        i++;
        sec = digits(s, len, &i, 2, 2);
        if (sec < 0)
            return 0;
        if (i < len && (s[i] == '.' || s[i] == ',') && i + 1 < len && is_digit(s[i + 1])) {
            i++;
            while (i < len && is_digit(s[i]))
                i++;
        }
    }
    if (i < len && is_alpha(s[i]) && !(s[i] == 'Z' || s[i] == 'z'))
        if (!word_at(s, len, i, "am") && !word_at(s, len, i, "pm") && !word_at(s, len, i, "a.m") &&
            !word_at(s, len, i, "p.m"))
            return 0;
    /* 12-hour clock */
    size_t j = i;
    while (j < len && s[j] == ' ')
        j++;
    int pm = -1;
    if (word_at(s, len, j, "pm") || word_at(s, len, j, "p.m."))
        pm = 1;
    else if (word_at(s, len, j, "am") || word_at(s, len, j, "a.m."))
        pm = 0;
    if (pm >= 0) {
        if (h < 1 || h > 12)
            return 0;
        h = h % 12 + (pm ? 12 : 0);
        i = j + (s[j + 1] == '.' ? 4 : 2);
    }
    if (h > 23 || mi > 59 || sec > 60)
        return 0;
    d->hour = h;
    d->minute = mi;
    d->second = sec > 59 ? 59 : sec;
    d->has_time = 1;
    *p = i;
    return 1;
}

/* A numeric offset "+07:00", "+0700", "+7" at s[*p]; 1 and minutes, or 0. */
static int offset_at(const char *s, size_t len, size_t *p, int *min)
{
    size_t i = *p;
    if (i >= len || (s[i] != '+' && s[i] != '-' && (unsigned char)s[i] != 0xE2))
        return 0;
    int sign = 1;
    if ((unsigned char)s[i] == 0xE2) { /* U+2212 minus */
        if (len - i < 3 || (unsigned char)s[i + 1] != 0x88 || (unsigned char)s[i + 2] != 0x92)
            return 0;
        sign = -1;
        i += 3;
    } else {
        sign = s[i] == '-' ? -1 : 1;
        i++;
    }
    size_t st = i;
    while (i < len && is_digit(s[i]))
        i++;
    size_t nd = i - st;
    int h, m = 0;
    if (nd == 1 || nd == 2) {
        h = 0;
        for (size_t k = st; k < i; k++)
            h = h * 10 + (s[k] - '0');
        if (i + 2 < len && s[i] == ':' && is_digit(s[i + 1]) && is_digit(s[i + 2])) {
            m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
            i += 3;
        }
    } else if (nd == 4) {
        h = (s[st] - '0') * 10 + (s[st + 1] - '0');
        m = (s[st + 2] - '0') * 10 + (s[st + 3] - '0');
    } else
        return 0;
    if (h > 14 || m > 59)
        return 0;
    *min = sign * (h * 60 + m);
    *p = i;
    return 1;
}

static const struct {
    const char *name;
    int min;
} zones[] = {
    {"ICT", 420},  {"WIB", 420},  {"SGT", 480},  {"HKT", 480},  {"JST", 540},  {"KST", 540},
    {"EST", -300}, {"EDT", -240}, {"CST", -360}, {"CDT", -300}, {"MST", -420}, {"MDT", -360},
    {"PST", -480}, {"PDT", -420}, {"BST", 60},   {"CET", 60},   {"CEST", 120}, {"EET", 120},
    {"EEST", 180}, {"AEST", 600}, {"AEDT", 660}, {"MSK", 180},
};

/* A zone at s[*p]: GMT/UTC with or without an offset, or a zone abbreviation. */
static int zone_at(const char *s, size_t len, size_t *p, int *min)
{
    size_t i = *p;
    if (i > 0 && is_alpha(s[i - 1]))
        return 0;
    if ((word_at(s, len, i, "GMT") || word_at(s, len, i, "UTC")) && s[i] >= 'A' && s[i] <= 'Z') {
        i += 3;
        size_t j = i;
        while (j < len && s[j] == ' ')
            j++;
        int m = 0;
        if (offset_at(s, len, &j, &m))
            i = j;
        else if (i < len && is_alpha(s[i]))
            return 0;
        *min = m;
        *p = i;
        return 1;
    }
    for (size_t k = 0; k < sizeof zones / sizeof zones[0]; k++) {
        size_t n = strlen(zones[k].name);
        if (len - i >= n && !memcmp(s + i, zones[k].name, n) && (i + n >= len || !is_alpha(s[i + n]))) {
            *min = zones[k].min;
            *p = i + n;
            return 1;
        }
    }
    return 0;
}

/* The date proper at s[i]: fills y/m/d and *end. */
static int date_at(const char *s, size_t len, size_t i, bt_date *d, size_t *end)
{
    size_t p = i;
    if (is_digit(s[i])) {
        /* ISO: YYYY-MM-DD or YYYY/MM/DD */
        int y = digits(s, len, &p, 4, 4);
        if (y >= 0 && p < len && (s[p] == '-' || s[p] == '/' || s[p] == '.')) {
            char sep = s[p++];
            int m = digits(s, len, &p, 1, 2);
            if (m >= 0 && p < len && s[p] == sep) {
                p++;
                int dd = digits(s, len, &p, 1, 2);
                if (dd >= 0) {
                    d->year = y, d->month = m, d->day = dd;
                    size_t q = p;
                    if (q < len && (s[q] == 'T' || s[q] == ' ') && q + 1 < len && is_digit(s[q + 1])) {
                        q++;
                        if (time_at(s, len, &q, d)) {
                            p = q;
                            int off;
                            if (p < len && (s[p] == 'Z' || s[p] == 'z')) {
                                d->has_offset = 1, d->offset_min = 0, p++;
                            } else if (offset_at(s, len, &p, &off)) {
                                d->has_offset = 1, d->offset_min = off;
                            }
                        }
                    }
                    *end = p;
                    return 1;
                }
            }
        }
        /* D/M/YYYY, D-M-YYYY, D.M.YYYY */
        p = i;
        int a = digits(s, len, &p, 1, 2);
        if (a < 0)
            return 0;
        if (p < len && (s[p] == '/' || s[p] == '-' || s[p] == '.')) {
            char sep = s[p++];
            int b = digits(s, len, &p, 1, 2);
            if (b >= 0 && p < len && s[p] == sep) {
                p++;
                int y2 = digits(s, len, &p, 4, 4);
                if (y2 >= 0) {
                    if (b > 12 && a <= 12) /* month first (US) only when unambiguous */
                        d->year = y2, d->month = a, d->day = b;
                    else
                        d->year = y2, d->month = b, d->day = a;
                    *end = p;
                    return 1;
                }
            }
            return 0;
        }
        /* D tháng M năm YYYY / D tháng M, YYYY */
        size_t q = p;
        while (q < len && s[q] == ' ')
            q++;
        size_t n = word_at(s, len, q, "tháng");
        if (n) {
            q += n;
            while (q < len && s[q] == ' ')
                q++;
            int m = digits(s, len, &q, 1, 2);
            if (m < 0)
                return 0;
            q = skip_spaces(s, len, q);
            size_t nn = word_at(s, len, q, "năm");
            if (nn)
                q = skip_spaces(s, len, q + nn);
            else if (q < len && s[q] == '/')
                q++;
            int y3 = digits(s, len, &q, 4, 4);
            if (y3 < 0)
                return 0;
            d->year = y3, d->month = m, d->day = a;
            *end = q;
            return 1;
        }
        /* 14 August 2021 */
        ordinal_suffix(s, len, &p);
        q = p;
        while (q < len && s[q] == ' ')
            q++;
        if (q == p)
            return 0;
        int m = month_word(s, len, &q);
        if (!m)
            return 0;
        q = skip_spaces(s, len, q);
        int y4 = digits(s, len, &q, 4, 4);
        if (y4 < 0)
            return 0;
        d->year = y4, d->month = m, d->day = a;
        *end = q;
        return 1;
    }
    /* August 14, 2021 */
    int m = month_word(s, len, &p);
    if (!m)
        return 0;
    while (p < len && s[p] == ' ')
        p++;
    int dd = digits(s, len, &p, 1, 2);
    if (dd < 0)
        return 0;
    ordinal_suffix(s, len, &p);
    p = skip_spaces(s, len, p);
    int y = digits(s, len, &p, 4, 4);
    if (y < 0)
        return 0;
    d->year = y, d->month = m, d->day = dd;
    *end = p;
    return 1;
}

/* Looks for a time and a zone near the date (datelines put them before or after it). */
static void time_and_zone(const char *s, size_t len, bt_date *d)
{
    size_t lo = d->start > 40 ? d->start - 40 : 0;
    size_t hi = d->end + 48 < len ? d->end + 48 : len;
    if (!d->has_time) {
        size_t best = (size_t)-1, bs = 0, be = 0;
        bt_date t = *d;
        for (size_t i = lo; i < hi; i++) {
            if (i >= d->start && i < d->end)
                continue;
            if (!is_digit(s[i]) || (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '+' ||
                                              s[i - 1] == '-' || s[i - 1] == ':')))
                continue;
            size_t p = i;
            bt_date tt = *d;
            if (time_at(s, len, &p, &tt)) {
                size_t dist = i < d->start ? d->start - p : i - d->end;
                if (dist < best)
                    best = dist, t = tt, bs = i, be = p;
            }
        }
        if (best != (size_t)-1) {
            d->hour = t.hour, d->minute = t.minute, d->second = t.second, d->has_time = 1;
            if (bs < d->start)
                d->start = bs;
            if (be > d->end)
                d->end = be;
        }
    }
    if (!d->has_offset) {
        hi = d->end + 24 < len ? d->end + 24 : len;
        for (size_t i = lo; i < hi; i++) {
            size_t p = i;
            int off;
            if (zone_at(s, len, &p, &off) ||
                (d->has_time && i == d->end && offset_at(s, len, &p, &off))) {
                d->has_offset = 1;
                d->offset_min = off;
                if (i < d->start)
                    d->start = i;
                if (p > d->end) {
                    d->end = p;
                    if (d->end < len && s[d->end] == ')')
                        d->end++;
                }
                break;
            }
        }
    }
}

int bt_date_find(const char *s, size_t len, bt_date *out)
{
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!is_digit(c) && !is_alpha(c))
            continue;
        if (i > 0 && (is_digit(s[i - 1]) || is_alpha(s[i - 1])))
            continue;
        bt_date d;
        memset(&d, 0, sizeof d);
        size_t end;
        if (!date_at(s, len, i, &d, &end))
            continue;
        if (!bt_date_valid(d.year, d.month, d.day))
            continue;
        d.start = i;
        d.end = end;
        time_and_zone(s, len, &d);
        *out = d;
        return 1;
    }
    return 0;
}

size_t bt_date_format(const bt_date *d, int default_offset_min, char *out, size_t cap)
{
    int off = d->has_offset ? d->offset_min : default_offset_min;
    int a = off < 0 ? -off : off;
    int n = snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", d->year, d->month,
                     d->day, d->has_time ? d->hour : 0, d->has_time ? d->minute : 0,
                     d->has_time ? d->second : 0, off < 0 ? '-' : '+', a / 60, a % 60);
    return n < 0 ? 0 : (size_t)n;
}
