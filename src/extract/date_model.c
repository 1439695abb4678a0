/* date_model.c: one machine-readable publication date read into a full instant, and the
 * page's own wall clock. Passes:
 *   META_ISO       ISO 8601 / RFC 822 as written (core/date.h), fraction of a second kept;
 *   META_ZONED     an ISO time written without its zone ("2024-04-25T14:07:00",
 *                  "2026-05-13 15:44") takes the zone of the page's host or language
 *                  (html_zone.c);
 *   META_PROSE     a metadata value written as people write dates ("3/24/2024 7:12:35 AM",
 *                  "24 March 2024 07:12 GMT") is read by the prose date finder, zoned as above;
 *   LOCAL_OFFSET   a page that states the same publication time both as an instant and as a
 *                  zone-less wall clock tells its own UTC offset: the instant is written in it
 *                  ("2024-04-25T08:21:02Z" and "2024-04-25 04:21:02" give 04:21:02-04:00).
 *   DAY_AS_MIDNIGHT a value at exactly midnight is often a day written as a timestamp
 *                  (WordPress' JSON-LD article beside its og time): another statement of the
 *                  same day with its time of day is the better one (bti_date_is_midnight).
 * A bare day is no instant: it gives nothing here (spec/article.md). */
#include "core/date.h"
#include "extract/html_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BARE_DAY_LEN 10      /* "YYYY-MM-DD" */
#define MAX_OFFSET_MIN (14 * 60) /* the widest UTC offset in use */
#define OFFSET_STEP_MIN 15   /* offsets are whole quarter hours */

/* The wall clock of an ISO-like time "YYYY-MM-DD[T ]hh:mm[:ss][.f]", in minutes and seconds
 * since 1970 (as if UTC); *rest past the seconds and fraction. 0 when s is not one. */
static int wall_at(const char *s, long *min, int *sec, const char **rest)
{
    int y, mo, d, h, mi, n = 0;
    if (!s || sscanf(s, "%4d-%2d-%2d%*1[T ]%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5 || !n ||
        !bti_date_valid(y, mo, d) || h > 23 || mi > 59)
        return 0;
    const char *p = s + n;
    int ss = 0;
    if (p[0] == ':' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9') {
        ss = (p[1] - '0') * 10 + (p[2] - '0');
        p += 3;
        if (*p == '.' || *p == ',')
            for (p++; *p >= '0' && *p <= '9'; p++)
                ;
    }
    *min = bti_days_from_civil(y, mo, d) * 1440 + h * 60 + mi;
    *sec = ss;
    *rest = p;
    return 1;
}

/* Whether what follows a time names a zone ("Z", "+07:00", "-0400", " GMT"). */
static int zone_follows(const char *p)
{
    while (*p == ' ')
        p++;
    return *p == 'Z' || *p == 'z' || *p == '+' || *p == '-' || !strncmp(p, "GMT", 3) ||
           !strncmp(p, "UTC", 3);
}

static int zoned_time(const char *s, const char *lang, const char *host, char out[64])
{
    char wall[64];
    while (s && (*s == ' ' || *s == '\t' || *s == '\n'))
        s++;
    if (!s || strlen(s) < BARE_DAY_LEN || s[4] != '-' || s[7] != '-' ||
        !bti_date_parse_meta(s, 1, 0, wall) || strlen(wall) <= BARE_DAY_LEN)
        return 0;
    int y, mo, d, h, mi, off;
    if (sscanf(wall, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5 ||
        !bti_zone_offset(lang, host, y, mo, d, h, mi, &off))
        return 0;
    return bti_date_parse_meta(s, 1, off, out) && strlen(out) > BARE_DAY_LEN;
}

/* META_PROSE: the whole value is one date with its time, as prose writes it. */
static int prose_time(const char *s, int vi, const char *lang, const char *host, char out[64])
{
    size_t len = strlen(s);
    bti_date d;
    if (!bti_date_find(s, len, &d) || !d.has_time)
        return 0;
    for (size_t i = 0; i < d.start; i++)
        if (s[i] != ' ')
            return 0;
    int off = 7 * 60;
    if (!d.has_offset && !vi &&
        !bti_zone_offset(lang, host, d.year, d.month, d.day, d.hour, d.minute, &off))
        return 0;
    size_t l = bti_date_format(&d, off, out, 64);
    return l > BARE_DAY_LEN && l < 64;
}

int bti_meta_date(const char *s, int vi, const char *lang, const char *host, char out[64])
{
    if (!s)
        return 0;
    if (bti_date_parse_meta(s, vi, 7 * 60, out) && strlen(out) > BARE_DAY_LEN)
        return 1;
    return zoned_time(s, lang, host, out) || prose_time(s, vi, lang, host, out);
}

/* Days since 1970 to a civil date (H. Hinnant's algorithm, the inverse of
 * bti_days_from_civil). */
static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int bti_date_local_offset(const char *instant, const char *wall, char out[64])
{
    long imin, wmin;
    int isec, wsec;
    const char *ir, *wr;
    if (!instant || !wall || !wall_at(instant, &imin, &isec, &ir) ||
        !wall_at(wall, &wmin, &wsec, &wr) || zone_follows(wr) || isec != wsec)
        return 0;
    /* the instant's offset as written ("+02:00", "Z") */
    int sign = ir[0] == '-' ? -1 : 1, oh, om;
    if (ir[0] == 'Z')
        oh = om = 0;
    else if ((ir[0] != '+' && ir[0] != '-') || sscanf(ir + 1, "%2d:%2d", &oh, &om) != 2)
        return 0;
    long utc = imin - sign * (oh * 60 + om);
    long off = wmin - utc;
    if (off == sign * (oh * 60 + om) || off > MAX_OFFSET_MIN || off < -MAX_OFFSET_MIN ||
        off % OFFSET_STEP_MIN)
        return 0;
    int y, mo, d;
    civil_from_days(wmin >= 0 ? wmin / 1440 : -((-wmin + 1439) / 1440), &y, &mo, &d);
    long day_min = wmin - bti_days_from_civil(y, mo, d) * 1440;
    /* the fraction of a second as the instant gives it */
    const char *frac = instant[16] == ':' ? instant + 19 : ir, *fe = frac;
    if (*fe == '.')
        for (fe++; *fe >= '0' && *fe <= '9'; fe++)
            ;
    long a = off < 0 ? -off : off;
    int n = snprintf(out, 64, "%04d-%02d-%02dT%02ld:%02ld:%02d%.*s%c%02ld:%02ld", y, mo, d,
                     day_min / 60, day_min % 60, wsec, (int)(fe - frac), frac,
                     off < 0 ? '-' : '+', a / 60, a % 60);
    return n > 0 && n < 64;
}

int bti_date_is_midnight(const char *iso)
{
    if (!iso || strlen(iso) < 19 || strncmp(iso + 10, "T00:00:00", 9))
        return 0;
    const char *p = iso + 19;
    if (*p == '.')
        for (p++; *p == '0'; p++)
            ;
    return !(*p >= '0' && *p <= '9');
}
