/* date.c: the date rules of date.h. Prose is read by a small hand-written scanner (the
 * formats are fixed shapes of digits, separators and month words, and a scanner tells the
 * caller exactly which bytes were the date, so that a dateline can be dropped from the body);
 * metadata by a strict reader of the machine formats, which a page's prose never feeds. */
#include "core/date.h"

#include "bantin/common.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- the calendar ----------------------------------------------------------------------- */

int bti_days_in_month(int y, int m)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return mdays[m - 1] + (m == 2 && leap);
}

int bti_date_valid(int y, int m, int d)
{
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
        return 0;
    return d <= bti_days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil */
long bti_days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

long bti_date_days(const char *iso)
{
    if (!iso)
        return -1;
    for (int i = 0; i < 10; i++) {
        char c = iso[i];
        if (i == 4 || i == 7 ? c != '-' : (c < '0' || c > '9'))
            return -1;
    }
    long y = 0, m = 0, d = 0;
    for (int i = 0; i < 4; i++)
        y = y * 10 + (iso[i] - '0');
    m = (iso[5] - '0') * 10 + (iso[6] - '0');
    d = (iso[8] - '0') * 10 + (iso[9] - '0');
    return bti_days_from_civil(y, m, d);
}

/* "YYYY-MM-DDThh:mm:ss+hh:mm", the one form every date is written in; as snprintf. */
static int iso_print(char *out, size_t cap, int y, int mo, int d, int h, int mi, int s,
                     const char *frac, int off)
{
    int a = off < 0 ? -off : off;
    return snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02d%s%s%c%02d:%02d", y, mo, d, h, mi, s,
                    *frac ? "." : "", frac, off < 0 ? '-' : '+', a / 60, a % 60);
}

/* ---- dates in prose --------------------------------------------------------------------- */

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

/* Month names as datelines write them, English first; then German, French, Spanish, Italian,
 * Portuguese, Dutch, the Scandinavian languages and Polish (genitive, as dates use it).
 * Lowercase; a name is matched as a whole word, an abbreviation may take a '.'. */
static const struct {
    const char *name;
    int month;
} month_names[] = {
    {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3},
    {"april", 4}, {"apr", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7},
    {"august", 8}, {"aug", 8}, {"september", 9}, {"sept", 9}, {"sep", 9}, {"october", 10},
    {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
    /* de */
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"mai", 5}, {"juni", 6},
    {"juli", 7}, {"oktober", 10}, {"okt", 10}, {"dezember", 12}, {"dez", 12},
    /* fr */
    {"janvier", 1}, {"février", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6}, {"juillet", 7},
    {"août", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12},
    /* es */
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12},
    /* it */
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
    {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
    /* pt */
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
    {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
    /* nl */
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
    /* sv, no, da */
    {"augusti", 8}, {"marts", 3}, {"maj", 5}, {"desember", 12},
    /* pl */
    {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5},
    {"czerwca", 6}, {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10},
    {"listopada", 11}, {"grudnia", 12},
};

/* Whether byte c may start a month name (a quick test before the table). */
static int month_initial(char c)
{
    return c && strchr("jfmasondeglkcwpdJFMASONDEGLKCWP", c) != NULL;
}

/* A month name at s[*p] (whole word, optional '.'); 1..12 and *p past it, or 0. */
static int month_word(const char *s, size_t len, size_t *p)
{
    size_t i = *p;
    if (i >= len || !month_initial(s[i]))
        return 0;
    for (size_t m = 0; m < sizeof month_names / sizeof month_names[0]; m++) {
        size_t n = word_at(s, len, i, month_names[m].name);
        if (n && (i + n >= len || !(is_alpha(s[i + n]) || (unsigned char)s[i + n] >= 0x80))) {
            i += n;
            if (i < len && s[i] == '.')
                i++;
            *p = i;
            return month_names[m].month;
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
static int time_at(const char *s, size_t len, size_t *p, bti_date *d)
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
            !word_at(s, len, i, "p.m") && !word_at(s, len, i, "uhr")) /* "15:17Uhr" */
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
    /* India's: Ireland's summer time and Israel's standard time share the letters, but in a
     * dateline (Indian news sites print "11:05 IST") the news says India's */
    {"IST", 330},
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

#define SHORT_YEAR_BASE 2000 /* "27.04.24": this century's */

/* The date proper at s[i]: fills y/m/d and *end; *short_year when the year had two digits. */
static int date_at(const char *s, size_t len, size_t i, bti_date *d, size_t *end,
                   int *short_year)
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
        if (p < len && s[p] == '.' && p + 1 < len && s[p + 1] == ' ') {
            p++; /* "3. März 2024": a day with its ordinal dot, the month's name follows */
            /* "28. 4. 2023": German spaced numerals, the month's ordinal dot too */
            size_t q = skip_spaces(s, len, p);
            int b = digits(s, len, &q, 1, 2);
            if (b >= 0 && q + 1 < len && s[q] == '.' && s[q + 1] == ' ') {
                q = skip_spaces(s, len, q + 1);
                int y2 = digits(s, len, &q, 4, 4);
                if (y2 < 0)
                    return 0;
                d->year = y2, d->month = b, d->day = a;
                *end = q;
                return 1;
            }
        } else if (p < len && (s[p] == '/' || s[p] == '-' || s[p] == '.')) {
            char sep = s[p++];
            int b = digits(s, len, &p, 1, 2);
            if (b >= 0 && p < len && s[p] == sep) {
                p++;
                size_t yp = p;
                int y2 = digits(s, len, &p, 4, 4);
                /* "27.04.24 um 07:39 Uhr": German dotted dates may write the year in two
                 * digits; taken only with a time of day beside it (bti_date_find), as a
                 * version number "1.2.34" has none */
                if (y2 < 0 && sep == '.' && (p = yp, y2 = digits(s, len, &p, 2, 2)) >= 0 &&
                    !(p < len && (is_digit(s[p]) || s[p] == '.' || is_alpha(s[p])))) {
                    y2 += SHORT_YEAR_BASE;
                    *short_year = 1;
                } else if (y2 < 0)
                    p = yp;
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
        /* 14 August 2021, 3. März 2024, 3 de marzo de 2024 */
        ordinal_suffix(s, len, &p);
        q = p;
        while (q < len && s[q] == ' ')
            q++;
        if (q == p)
            return 0;
        if (word_at(s, len, q, "de ") || word_at(s, len, q, "del "))
            q += s[q + 2] == ' ' ? 3 : 4;
        int m = month_word(s, len, &q);
        if (!m)
            return 0;
        q = skip_spaces(s, len, q);
        if (word_at(s, len, q, "de ") || word_at(s, len, q, "del "))
            q += s[q + 2] == ' ' ? 3 : 4;
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
static void time_and_zone(const char *s, size_t len, bti_date *d)
{
    size_t lo = d->start > 40 ? d->start - 40 : 0;
    size_t hi = d->end + 48 < len ? d->end + 48 : len;
    if (!d->has_time) {
        size_t best = (size_t)-1, bs = 0, be = 0;
        bti_date t = *d;
        for (size_t i = lo; i < hi; i++) {
            if (i >= d->start && i < d->end)
                continue;
            if (!is_digit(s[i]) || (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '+' ||
                                              s[i - 1] == '-' || s[i - 1] == ':')))
                continue;
            size_t p = i;
            bti_date tt = *d;
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

int bti_date_find(const char *s, size_t len, bti_date *out)
{
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!is_digit(c) && !is_alpha(c))
            continue;
        if (i > 0 && (is_digit(s[i - 1]) || is_alpha(s[i - 1])))
            continue;
        bti_date d;
        memset(&d, 0, sizeof d);
        size_t end;
        int short_year = 0;
        if (!date_at(s, len, i, &d, &end, &short_year))
            continue;
        if (!bti_date_valid(d.year, d.month, d.day))
            continue;
        d.start = i;
        d.end = end;
        time_and_zone(s, len, &d);
        if (short_year && !d.has_time)
            continue;
        *out = d;
        return 1;
    }
    return 0;
}

size_t bti_date_format(const bti_date *d, int default_offset_min, char *out, size_t cap)
{
    int off = d->has_offset ? d->offset_min : default_offset_min;
    int n = iso_print(out, cap, d->year, d->month, d->day, d->has_time ? d->hour : 0,
                      d->has_time ? d->minute : 0, d->has_time ? d->second : 0, "", off);
    return n < 0 ? 0 : (size_t)n;
}

/* ---- dates of metadata ------------------------------------------------------------------ */

static int fixed_digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if ((*p)[i] < '0' || (*p)[i] > '9')
            return 0;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return 1;
}

/* A day or month of one or two digits at *p ("3", "03", "23"): 1 and *p past it, or 0. */
static int one_or_two_digits(const char **p, int *out)
{
    if (!fixed_digits(p, 1, out))
        return 0;
    if (**p >= '0' && **p <= '9')
        *out = *out * 10 + (*(*p)++ - '0');
    return 1;
}

/* Offset "+07:00", "+0700", "+07", "+700" (ZONE_HMM), "Z", "GMT", "UTC" at *p; minutes in
 * *off. */
static int meta_offset(const char *p, int *off)
{
    while (*p == ' ')
        p++;
    if (*p == 'Z' || *p == 'z' || strncasecmp(p, "GMT", 3) == 0 || strncasecmp(p, "UTC", 3) == 0) {
        const char *q = p + (*p == 'Z' || *p == 'z' ? 1 : 3);
        if (*q == '+' || *q == '-')
            return meta_offset(q, off);
        *off = 0;
        return 1;
    }
    if (*p != '+' && *p != '-')
        return 0;
    int sign = *p == '-' ? -1 : 1, h, m = 0;
    p++;
    /* ZONE_HMM: an hour of one digit, written without its zero ("2018-10-29T10:15-500",
     * washingtonpost.com's datePublished): three digits are H and MM */
    if (p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' &&
        p[2] <= '9' && !(p[3] >= '0' && p[3] <= '9')) {
        h = p[0] - '0';
        m = (p[1] - '0') * 10 + (p[2] - '0');
        if (m > 59)
            return 0;
        *off = sign * (h * 60 + m);
        return 1;
    }
    if (!fixed_digits(&p, 2, &h))
        return 0;
    if (*p == ':')
        p++;
    if (*p >= '0' && *p <= '9' && !fixed_digits(&p, 2, &m))
        return 0;
    if (h > 14 || m > 59)
        return 0;
    *off = sign * (h * 60 + m);
    return 1;
}

static int month_name(const char *p)
{
    static const char *const m[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; i++)
        if (strncasecmp(p, m[i], 3) == 0)
            return i + 1;
    return 0;
}

static int write_date(char out[64], int y, int mo, int d, int h, int mi, int s, const char *frac,
                      int have_time, int have_off, int off)
{
    if (!bti_date_valid(y, mo, d) || h > 23 || mi > 59 || s > 60)
        return 0;
    if (!have_time) {
        snprintf(out, 64, "%04d-%02d-%02d", y, mo, d);
        return 1;
    }
    if (!have_off)
        return 0;
    char tmp[160]; /* room for any int, so the compiler can see nothing is cut */
    int n = iso_print(tmp, sizeof tmp, y, mo, d, h, mi, s, frac, off);
    if (n <= 0 || n >= 64)
        return 0;
    memcpy(out, tmp, (size_t)n + 1);
    return 1;
}

#define FRAC_MAX 6 /* digits of a fraction of a second kept: microseconds, as ISO readers take */

/* "HH:MM[:SS]" at *pp: 1 when read (*pp past it), 0 when there is no time of day (the date
 * stands alone), -1 when the seconds are malformed (not a date). */
static int clock_time(const char **pp, int *h, int *mi, int *s)
{
    if (!fixed_digits(pp, 2, h) || *(*pp)++ != ':' || !fixed_digits(pp, 2, mi))
        return 0;
    if (**pp == ':') {
        (*pp)++;
        if (!fixed_digits(pp, 2, s))
            return -1;
    }
    return 1;
}

/* The date with its time of day and the zone written at p (else the page's default): a time
 * without a zone is not a full date, so then only the day is kept. */
static int write_zoned(char out[64], int y, int mo, int d, int h, int mi, int s, const char *frac,
                       const char *p, int have_default, int def)
{
    int off = 0;
    if (!meta_offset(p, &off)) {
        if (!have_default)
            return write_date(out, y, mo, d, 0, 0, 0, "", 0, 0, 0);
        off = def;
    }
    return write_date(out, y, mo, d, h, mi, s, frac, 1, 1, off);
}

static int iso(const char *p, int have_default, int def, char out[64])
{
    int y, mo, d, h = 0, mi = 0, s = 0;
    if (!fixed_digits(&p, 4, &y) || *p++ != '-' || !fixed_digits(&p, 2, &mo) || *p++ != '-' ||
        !fixed_digits(&p, 2, &d))
        return 0;
    if (*p != 'T' && *p != 't' && *p != ' ')
        return write_date(out, y, mo, d, 0, 0, 0, "", 0, 0, 0);
    p++;
    int clock = clock_time(&p, &h, &mi, &s);
    if (clock <= 0)
        return clock ? 0 : write_date(out, y, mo, d, 0, 0, 0, "", 0, 0, 0);
    char frac[FRAC_MAX + 1] = "";
    if (*p == '.' || *p == ',') { /* fractions of a second: kept, to the microsecond */
        size_t n = 0;
        for (p++; *p >= '0' && *p <= '9'; p++)
            if (n < FRAC_MAX)
                frac[n++] = *p;
        frac[n] = '\0';
    }
    return write_zoned(out, y, mo, d, h, mi, s, frac, p, have_default, def);
}

/* "Sat, 24 Dec 2022 10:24:43 +0700" (the weekday optional) */
static int rfc822(const char *p, int have_default, int def, char out[64])
{
    int d, mo, y, h = 0, mi = 0, s = 0;
    const char *comma = strchr(p, ',');
    if (comma && comma - p <= 10)
        p = comma + 1;
    while (*p == ' ')
        p++;
    if (!one_or_two_digits(&p, &d))
        return 0;
    while (*p == ' ' || *p == '-')
        p++;
    if (!(mo = month_name(p)))
        return 0;
    while (*p && *p != ' ' && *p != '-')
        p++;
    while (*p == ' ' || *p == '-')
        p++;
    if (!fixed_digits(&p, 4, &y))
        return 0;
    while (*p == ' ')
        p++;
    int clock = clock_time(&p, &h, &mi, &s);
    if (clock <= 0)
        return clock ? 0 : write_date(out, y, mo, d, 0, 0, 0, "", 0, 0, 0);
    return write_zoned(out, y, mo, d, h, mi, s, "", p, have_default, def);
}

/* "24/12/2022 10:24" or "24-12-2022": day first, as Vietnamese pages write it in their meta
 * tags; only read when the page is Vietnamese (have_default), where the order is sure. */
static int day_first(const char *p, int have_default, int def, char out[64])
{
    int d, mo, y, h = 0, mi = 0, s = 0;
    if (!have_default || !one_or_two_digits(&p, &d))
        return 0;
    char sep = *p;
    if (sep != '/' && sep != '-')
        return 0;
    p++;
    if (!one_or_two_digits(&p, &mo))
        return 0;
    if (*p++ != sep || !fixed_digits(&p, 4, &y))
        return 0;
    while (*p == ' ' || *p == ',' || *p == 'T')
        p++;
    if (!fixed_digits(&p, 2, &h) && !(fixed_digits(&p, 1, &h)))
        return write_date(out, y, mo, d, 0, 0, 0, "", 0, 0, 0);
    if (*p++ != ':' || !fixed_digits(&p, 2, &mi))
        return write_date(out, y, mo, d, 0, 0, 0, "", 0, 0, 0);
    if (*p == ':') {
        p++;
        if (!fixed_digits(&p, 2, &s))
            return 0;
    }
    int off = def;
    meta_offset(p, &off);
    return write_date(out, y, mo, d, h, mi, s, "", 1, 1, off);
}

/* CTIME_DATE: "Sun Nov 23 16:00:00 EDT 2014", the form C's ctime/asctime ("Sun Nov  3
 * 16:00:00 2014", without a zone) and Java's Date.toString() write, and which servers built
 * on them put in their meta tags as they are: the weekday (optional), the month's name, the
 * day, the time of day, a zone (an abbreviation, GMT or UTC, optional) and the year last.
 * The whole value must be that date. Without a zone, the time is the page's default's (else
 * only the day is kept, as in write_zoned). */
static int ctime_date(const char *p, int have_default, int def, char out[64])
{
    int mo, d, h = 0, mi = 0, s = 0, y;
    if (is_alpha(p[0]) && is_alpha(p[1]) && is_alpha(p[2]) && p[3] == ' ' && month_name(p + 4))
        p += 4; /* the weekday */
    if (!(mo = month_name(p)) || p[3] != ' ')
        return 0;
    p += 3;
    while (*p == ' ')
        p++;
    if (!one_or_two_digits(&p, &d) || *p != ' ')
        return 0;
    while (*p == ' ')
        p++;
    if (clock_time(&p, &h, &mi, &s) != 1 || *p != ' ')
        return 0;
    while (*p == ' ')
        p++;
    size_t len = strlen(p), at = 0;
    int off = 0, zoned = zone_at(p, len, &at, &off);
    p += at;
    while (*p == ' ')
        p++;
    if (!fixed_digits(&p, 4, &y))
        return 0;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    if (*p)
        return 0;
    if (!zoned && !have_default)
        return write_date(out, y, mo, d, 0, 0, 0, "", 0, 0, 0);
    return write_date(out, y, mo, d, h, mi, s, "", 1, 1, zoned ? off : def);
}

/* WRITTEN_META_DATE: a meta value written the way a reader reads a date ("Sunday, November
 * 23, 2014 4:00 PM", "Nov. 23, 2014, 4:00 p.m. ET", "Updated 4:00 PM EST, Sun November 23,
 * 2014") is read by the finder of dates in text (bti_date_find), when the date it finds is
 * most of the value: at least META_DATE_COVER of its bytes (a value that is a sentence with a
 * date in it is no date). Only dates with a month word or a year first: "05/06/2014" says
 * nothing of which is the month (day_first reads it on Vietnamese pages). A time without a
 * zone is not a full date, as in write_zoned: only the day is kept, unless the page's default. */
#define META_DATE_COVER 0.6

static int written(const char *p, int have_default, int def, char out[64])
{
    size_t len = strlen(p);
    while (len && (p[len - 1] == ' ' || p[len - 1] == '\t' || p[len - 1] == '\n' ||
                   p[len - 1] == '\r'))
        len--;
    bti_date d;
    if (!len || !bti_date_find(p, len, &d) || (double)(d.end - d.start) < META_DATE_COVER * len)
        return 0;
    int word = 0;
    for (size_t i = d.start; i < d.end && !word; i++)
        word = is_alpha(p[i]) && (i == d.start || !is_alpha(p[i - 1])) &&
               month_word(p, d.end, &(size_t){i});
    int year_first = d.end - d.start >= 4 && is_digit(p[d.start]) && is_digit(p[d.start + 3]) &&
                     (d.end - d.start == 4 || !is_digit(p[d.start + 4]));
    if (!word && !year_first)
        return 0;
    if (!d.has_time)
        return write_date(out, d.year, d.month, d.day, 0, 0, 0, "", 0, 0, 0);
    if (!d.has_offset && !have_default)
        return write_date(out, d.year, d.month, d.day, 0, 0, 0, "", 0, 0, 0);
    return write_date(out, d.year, d.month, d.day, d.hour, d.minute, d.second, "", 1, 1,
                      d.has_offset ? d.offset_min : def);
}

int bti_date_parse_meta(const char *s, int have_default, int default_offset_min, char out[64])
{
    if (!s)
        return 0;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return iso(s, have_default, default_offset_min, out) ||
           rfc822(s, have_default, default_offset_min, out) ||
           day_first(s, have_default, default_offset_min, out) ||
           ctime_date(s, have_default, default_offset_min, out) ||
           written(s, have_default, default_offset_min, out);
}

/* ---- search's since:/until: ------------------------------------------------------------- */

static int read_digits(const char *s, size_t n, int *v)
{
    *v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        *v = *v * 10 + (s[i] - '0');
    }
    return 1;
}

int bti_date_bound(const char *s, size_t len, int end, char out[11])
{
    int y, m = end ? 12 : 1, d = 1;
    if (!(len == 4 || len == 7 || len == 10) || !read_digits(s, 4, &y) || y < 1000)
        return BT_EINVAL;
    if (len >= 7 && (s[4] != '-' || !read_digits(s + 5, 2, &m) || m < 1 || m > 12))
        return BT_EINVAL;
    if (len == 10) {
        if (s[7] != '-' || !read_digits(s + 8, 2, &d) || d < 1 || d > bti_days_in_month(y, m))
            return BT_EINVAL;
    } else if (end)
        d = bti_days_in_month(y, m);
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
    return 0;
}
