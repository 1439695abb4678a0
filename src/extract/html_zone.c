/* html_zone.c: the time zone of a page that writes its times without one. Many sites put
 * "2024-04-25T14:07:00" in their metadata, local time with no offset; such a time is a full
 * instant only once the zone is known. The zone comes from the host's country code when it
 * has one, else from a language spoken in one zone only (German, Korean, Turkish...). A
 * language of many zones (English, Spanish, French, Portuguese, Arabic) with a generic host
 * gives none: the time stays unknown rather than wrong. */
#include "extract/html_internal.h"
#include "core/date.h"

#include <string.h>

enum { FIXED = 0, EU_SUMMER = 1 }; /* EU summer time: +1 h from the last Sunday of March to
                                    * the last Sunday of October, at 01:00 UTC */

typedef struct zone {
    const char *code; /* a country code (host suffix) or a primary language subtag */
    int base_min;     /* standard offset, minutes east of UTC */
    int rule;
} zone;

/* Country codes of hosts ("aa.com.tr", "bbc.co.uk"). */
static const zone BY_COUNTRY[] = {
    {"at", 60, EU_SUMMER},  {"be", 60, EU_SUMMER},  {"bg", 120, EU_SUMMER}, {"ch", 60, EU_SUMMER},
    {"cn", 480, FIXED},     {"cz", 60, EU_SUMMER},  {"de", 60, EU_SUMMER},  {"dk", 60, EU_SUMMER},
    {"ee", 120, EU_SUMMER}, {"es", 60, EU_SUMMER},  {"fi", 120, EU_SUMMER}, {"fr", 60, EU_SUMMER},
    {"gr", 120, EU_SUMMER}, {"hk", 480, FIXED},     {"hr", 60, EU_SUMMER},  {"hu", 60, EU_SUMMER},
    {"ie", 0, EU_SUMMER},   {"in", 330, FIXED},     {"it", 60, EU_SUMMER},  {"jp", 540, FIXED},
    {"ke", 180, FIXED},     {"kr", 540, FIXED},     {"li", 60, EU_SUMMER},  {"lt", 120, EU_SUMMER},
    {"lu", 60, EU_SUMMER},  {"lv", 120, EU_SUMMER}, {"nl", 60, EU_SUMMER},  {"no", 60, EU_SUMMER},
    {"pl", 60, EU_SUMMER},  {"pt", 0, EU_SUMMER},   {"ro", 120, EU_SUMMER}, {"se", 60, EU_SUMMER},
    {"sg", 480, FIXED},     {"si", 60, EU_SUMMER},  {"sk", 60, EU_SUMMER},  {"th", 420, FIXED},
    {"tr", 180, FIXED},     {"tw", 480, FIXED},     {"ua", 120, EU_SUMMER}, {"uk", 0, EU_SUMMER},
    {"vn", 420, FIXED},     {"za", 120, FIXED},
};

/* Languages written in one zone (or one zone's worth of news). */
static const zone BY_LANG[] = {
    {"bg", 120, EU_SUMMER}, {"cs", 60, EU_SUMMER},  {"da", 60, EU_SUMMER},  {"de", 60, EU_SUMMER},
    {"el", 120, EU_SUMMER}, {"et", 120, EU_SUMMER}, {"fi", 120, EU_SUMMER}, {"hr", 60, EU_SUMMER},
    {"hu", 60, EU_SUMMER},  {"it", 60, EU_SUMMER},  {"ja", 540, FIXED},     {"ko", 540, FIXED},
    {"lt", 120, EU_SUMMER}, {"lv", 120, EU_SUMMER}, {"nb", 60, EU_SUMMER},  {"nl", 60, EU_SUMMER},
    {"nn", 60, EU_SUMMER},  {"no", 60, EU_SUMMER},  {"pl", 60, EU_SUMMER},  {"ro", 120, EU_SUMMER},
    {"sk", 60, EU_SUMMER},  {"sl", 60, EU_SUMMER},  {"sv", 60, EU_SUMMER},  {"th", 420, FIXED},
    {"tr", 180, FIXED},     {"uk", 120, EU_SUMMER}, {"vi", 420, FIXED},
};

#define MIN_PER_DAY 1440
#define SUMMER_SWITCH_UTC_MIN 60 /* EU clocks change at 01:00 UTC */

static const zone *find(const zone *v, size_t n, const char *code, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(v[i].code) == len && !strncmp(v[i].code, code, len))
            return &v[i];
    return NULL;
}

/* Days since 1970-01-01 of the last Sunday of month m of year y. */
static long last_sunday(int y, int m)
{
    long last = bti_days_from_civil(y, m, bti_days_in_month(y, m));
    long wd = ((last + 4) % 7 + 7) % 7; /* 1970-01-01 was a Thursday; 0 = Sunday */
    return last - wd;
}

int bti_zone_offset(const char *lang, const char *host, int y, int mo, int d, int h, int mi,
                    int *off_min)
{
    const zone *z = NULL;
    if (host) {
        const char *dot = strrchr(host, '.');
        if (dot && dot[1])
            z = find(BY_COUNTRY, sizeof BY_COUNTRY / sizeof BY_COUNTRY[0], dot + 1, strlen(dot + 1));
    }
    if (!z && lang) {
        size_t l = strcspn(lang, "-_");
        z = find(BY_LANG, sizeof BY_LANG / sizeof BY_LANG[0], lang, l);
    }
    if (!z || !bti_date_valid(y, mo, d))
        return 0;
    *off_min = z->base_min;
    if (z->rule == EU_SUMMER) {
        /* the wall-clock minute, against the switches read on the same (standard) clock */
        long t = bti_days_from_civil(y, mo, d) * MIN_PER_DAY + h * 60 + mi;
        long start = last_sunday(y, 3) * MIN_PER_DAY + SUMMER_SWITCH_UTC_MIN + z->base_min;
        long end = last_sunday(y, 10) * MIN_PER_DAY + SUMMER_SWITCH_UTC_MIN + z->base_min + 60;
        if (t >= start && t < end)
            *off_min += 60;
    }
    return 1;
}
