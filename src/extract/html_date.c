/* html_date.c: machine-readable dates of HTML metadata (ISO 8601 as in JSON-LD, OpenGraph
 * and <time datetime>; RFC 822/1123 as in some feeds' meta tags) to one ISO 8601 form with
 * an offset. Visible datelines in prose are the dateline parser's business, not this one. */
#include "extract/dateline.h"
#include "extract/html_internal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static int digits(const char **p, int n, int *out)
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

/* Offset "+07:00", "+0700", "+07", "Z", "GMT", "UTC" at *p; minutes in *off. */
static int offset(const char *p, int *off)
{
    while (*p == ' ')
        p++;
    if (*p == 'Z' || *p == 'z' || strncasecmp(p, "GMT", 3) == 0 || strncasecmp(p, "UTC", 3) == 0) {
        const char *q = p + (*p == 'Z' || *p == 'z' ? 1 : 3);
        if (*q == '+' || *q == '-')
            return offset(q, off);
        *off = 0;
        return 1;
    }
    if (*p != '+' && *p != '-')
        return 0;
    int sign = *p == '-' ? -1 : 1, h, m = 0;
    p++;
    if (!digits(&p, 2, &h))
        return 0;
    if (*p == ':')
        p++;
    if (*p >= '0' && *p <= '9' && !digits(&p, 2, &m))
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

static int write_date(char out[64], int y, int mo, int d, int h, int mi, int s, int have_time,
                      int have_off, int off)
{
    if (!bt_date_valid(y, mo, d) || h > 23 || mi > 59 || s > 60)
        return 0;
    if (!have_time) {
        snprintf(out, 64, "%04d-%02d-%02d", y, mo, d);
        return 1;
    }
    if (!have_off)
        return 0;
    int a = off < 0 ? -off : off;
    char tmp[160]; /* room for any int, so the compiler can see nothing is cut */
    int n = snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo, d, h,
                     mi, s, off < 0 ? '-' : '+', a / 60, a % 60);
    if (n <= 0 || n >= 64)
        return 0;
    memcpy(out, tmp, (size_t)n + 1);
    return 1;
}

static int iso(const char *p, int have_default, int def, char out[64])
{
    int y, mo, d, h = 0, mi = 0, s = 0, off = 0;
    if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) || *p++ != '-' ||
        !digits(&p, 2, &d))
        return 0;
    if (*p != 'T' && *p != 't' && *p != ' ')
        return write_date(out, y, mo, d, 0, 0, 0, 0, 0, 0);
    p++;
    if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi))
        return write_date(out, y, mo, d, 0, 0, 0, 0, 0, 0);
    if (*p == ':') {
        p++;
        if (!digits(&p, 2, &s))
            return 0;
    }
    if (*p == '.' || *p == ',') /* fractions of a second: dropped */
        for (p++; *p >= '0' && *p <= '9'; p++)
            ;
    int have_off = offset(p, &off);
    if (!have_off && have_default) {
        off = def;
        have_off = 1;
    }
    if (!have_off) /* a time without a zone is not a full date: keep the day */
        return write_date(out, y, mo, d, 0, 0, 0, 0, 0, 0);
    return write_date(out, y, mo, d, h, mi, s, 1, have_off, off);
}

/* "Sat, 24 Dec 2022 10:24:43 +0700" (the weekday optional) */
static int rfc822(const char *p, int have_default, int def, char out[64])
{
    int d, mo, y, h, mi, s = 0, off = 0;
    const char *comma = strchr(p, ',');
    if (comma && comma - p <= 10)
        p = comma + 1;
    while (*p == ' ')
        p++;
    if (!digits(&p, 1, &d))
        return 0;
    if (*p >= '0' && *p <= '9')
        d = d * 10 + (*p++ - '0');
    while (*p == ' ' || *p == '-')
        p++;
    if (!(mo = month_name(p)))
        return 0;
    while (*p && *p != ' ' && *p != '-')
        p++;
    while (*p == ' ' || *p == '-')
        p++;
    if (!digits(&p, 4, &y))
        return 0;
    while (*p == ' ')
        p++;
    if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi))
        return write_date(out, y, mo, d, 0, 0, 0, 0, 0, 0);
    if (*p == ':') {
        p++;
        if (!digits(&p, 2, &s))
            return 0;
    }
    int have_off = offset(p, &off);
    if (!have_off && have_default) {
        off = def;
        have_off = 1;
    }
    if (!have_off)
        return write_date(out, y, mo, d, 0, 0, 0, 0, 0, 0);
    return write_date(out, y, mo, d, h, mi, s, 1, 1, off);
}

/* "24/12/2022 10:24" or "24-12-2022": day first, as Vietnamese pages write it in their meta
 * tags; only read when the page is Vietnamese (have_default), where the order is sure. */
static int day_first(const char *p, int have_default, int def, char out[64])
{
    int d, mo, y, h = 0, mi = 0, s = 0;
    if (!have_default || !digits(&p, 1, &d))
        return 0;
    if (*p >= '0' && *p <= '9')
        d = d * 10 + (*p++ - '0');
    char sep = *p;
    if (sep != '/' && sep != '-')
        return 0;
    p++;
    if (!digits(&p, 1, &mo))
        return 0;
    if (*p >= '0' && *p <= '9')
        mo = mo * 10 + (*p++ - '0');
    if (*p++ != sep || !digits(&p, 4, &y))
        return 0;
    while (*p == ' ' || *p == ',' || *p == 'T')
        p++;
    if (!digits(&p, 2, &h) && !(digits(&p, 1, &h)))
        return write_date(out, y, mo, d, 0, 0, 0, 0, 0, 0);
    if (*p++ != ':' || !digits(&p, 2, &mi))
        return write_date(out, y, mo, d, 0, 0, 0, 0, 0, 0);
    if (*p == ':') {
        p++;
        if (!digits(&p, 2, &s))
            return 0;
    }
    int off = def;
    offset(p, &off);
    return write_date(out, y, mo, d, h, mi, s, 1, 1, off);
}

int bt_html_parse_date(const char *s, int have_default, int default_offset_min, char out[64])
{
    if (!s)
        return 0;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return iso(s, have_default, default_offset_min, out) ||
           rfc822(s, have_default, default_offset_min, out) ||
           day_first(s, have_default, default_offset_min, out);
}
