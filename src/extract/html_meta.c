/* html_meta.c: the page's own statements about the article, best source first: JSON-LD
 * (NewsArticle/Article/BlogPosting, in @graph or arrays), OpenGraph and article:* tags,
 * <meta name=author|pubdate|...>, microdata itemprops, <time datetime>, <link rel=canonical>,
 * <html lang>, <title> (with the site's name cut off) and the first <h1>. */
#include "core/date.h"
#include "text/alloc.h"
#include "extract/html_internal.h"

#include "bantin/text.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

enum { MAX_AUTHORS = 16 };
#define BARE_DAY_LEN 10 /* "YYYY-MM-DD": a day without its time */

/* Everything found, before choosing. Strings are malloc'ed and cleaned. */
typedef struct raw {
    char *og_title, *tw_title, *meta_title, *doc_title, *h1;
    char *og_site, *app_name, *tw_site;
    char *canonical, *og_url;
    char *og_desc, *meta_desc;
    char *html_lang, *content_lang, *og_locale;
    char *og_date, *meta_date, *itemprop_date, *time_date;
    char *wall_date; /* a zone-less statement of the time on the page's clock (LOCAL_OFFSET) */
    char *itemprop_headline;
    /* authors, each with its field: the index of the field's first name in the list */
    char *meta_authors[MAX_AUTHORS];
    unsigned char meta_field[MAX_AUTHORS];
    size_t n_meta_authors;
    char *item_authors[MAX_AUTHORS];
    unsigned char item_field[MAX_AUTHORS];
    size_t n_item_authors;
    char *rel_authors[MAX_AUTHORS]; /* REL_AUTHOR */
    unsigned char rel_field[MAX_AUTHORS];
    size_t n_rel_authors;
    /* JSON-LD article */
    char *ld_headline, *ld_date, *ld_url, *ld_desc, *ld_lang, *ld_publisher;
    char *ld_body; /* its articleBody, entities decoded, lines kept (html_ldbody.c) */
    char *og_type, *ld_type, *ld_other; /* the kind's evidence (extract/kind.c) */
    char *rights; /* <meta name=copyright>: who holds the page's rights (RIGHTS_HOLDER) */
    char *ld_authors[MAX_AUTHORS];
    unsigned char ld_field[MAX_AUTHORS];
    size_t n_ld_authors;
    int ld_found;
    /* the first <h1> (of r->h1), and the first heading <h2> of an article's header: the
     * headline the page shows when its <h1> is a breadcrumb's (SHOWN_HEADLINE) */
    const xmlNode *h1_node, *header_h2;
} raw;

static void set_once(char **slot, const char *s)
{
    if (*slot || !s)
        return;
    char *c = bti_html_clean(s, strlen(s));
    if (c && !*c) {
        free(c);
        return;
    }
    *slot = c;
}

static int is_url(const char *s)
{
    return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0 ||
           strncmp(s, "//", 2) == 0 || strncmp(s, "/", 1) == 0;
}

/* A name holds a letter: "105092" is a CMS's user number, not a byline. */
static int has_letter(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p >= 0xC0)
            return 1;
    return 0;
}

typedef struct name_list {
    char **list;
    unsigned char *field;
    size_t *n;
    unsigned char start; /* the field's first index */
} name_list;

static void add_name(const char *s, size_t len, void *ctx)
{
    name_list *l = ctx;
    if (*l->n >= MAX_AUTHORS)
        return;
    char *c = bti_html_clean(s, len);
    if (!c)
        return;
    /* a platform's account or a description of the writer is nobody's name */
    if (!*c || is_url(c) || strlen(c) > 60 || !has_letter(c) || bti_name_is_account(c, strlen(c)) ||
        bti_name_is_description(c, strlen(c))) {
        free(c);
        return;
    }
    for (size_t i = 0; i < *l->n; i++)
        if (bti_html_same_text(l->list[i], c)) {
            /* LOGIN_HANDLE: the login met first ("mikecason") gives way to the name as
             * written for readers ("Mike Cason"), the same letters */
            if (bti_name_is_login(l->list[i], strlen(l->list[i])) &&
                !bti_name_is_login(c, strlen(c))) {
                free(l->list[i]);
                l->list[i] = c;
                return;
            }
            free(c);
            return;
        }
    l->field[*l->n] = l->start;
    l->list[(*l->n)++] = c;
}

/* An author field may hold a whole byline ("Von Anna Berg und Jan Roth"): its opening word
 * goes and it is cut into names where every piece reads as one ("Doe, John" stays whole). */
static void add_author(char **list, unsigned char *field, size_t *n, const char *s)
{
    if (!s || *n >= MAX_AUTHORS)
        return;
    name_list l = {list, field, n, (unsigned char)*n};
    bti_byline_names(s, BTI_BYLINE_FIELD, add_name, &l);
}

static int is_site_name(const char *part, const char *site);

/* ---- JSON-LD ---- */

static int type_is_article(json_t *t)
{
    static const char *const types[] = {"NewsArticle", "Article", "ReportageNewsArticle",
                                        "AnalysisNewsArticle", "BlogPosting", "OpinionNewsArticle",
                                        "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting",
                                        "TechArticle", "ScholarlyArticle", "Report", "SocialMediaPosting"};
    if (json_is_array(t)) {
        size_t i;
        json_t *v;
        json_array_foreach(t, i, v) if (type_is_article(v)) return 1;
        return 0;
    }
    const char *s = json_string_value(t);
    if (!s)
        return 0;
    const char *slash = strrchr(s, '/'); /* "http://schema.org/NewsArticle" */
    if (slash)
        s = slash + 1;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcmp(s, types[i]) == 0)
            return 1;
    return 0;
}

/* LD_EPOCH: a CMS may write datePublished as a Unix time, a JSON number of seconds or of
 * milliseconds; it is an instant in UTC. A number outside EPOCH_MIN..EPOCH_MAX seconds
 * (1995-2100, news on the web) in either unit is no publication date: the two ranges do not
 * meet, so the unit is never in doubt. */
#define EPOCH_MIN 788918400.0  /* 1995-01-01 */
#define EPOCH_MAX 4102444800.0 /* 2100-01-01 */

static void ld_epoch(json_t *o, const char *k, char **slot)
{
    json_t *v = json_object_get(o, k);
    if (*slot || !json_is_number(v))
        return;
    double x = json_number_value(v);
    if (x >= EPOCH_MIN * 1000 && x < EPOCH_MAX * 1000)
        x /= 1000;
    if (!(x >= EPOCH_MIN && x < EPOCH_MAX))
        return;
    time_t t = (time_t)x;
    struct tm tm;
    char buf[40];
    if (!gmtime_r(&t, &tm) || !strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+00:00", &tm))
        return;
    set_once(slot, buf);
}

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_object(v)) {
        json_t *n = json_object_get(v, "name");
        if (!n)
            n = json_object_get(v, "@id");
        if (!n)
            n = json_object_get(v, "url");
        v = n;
    }
    return json_string_value(v);
}

#define LD_NAME_MAX 128 /* givenName + familyName: a name, not a paragraph */

/* An author object whose profile address ends in an account's name
 * ("https://example.com/author/admin/"): the platform signing, whatever name it shows. */
static int ld_account(json_t *v)
{
    const char *keys[] = {"url", "@id"};
    for (size_t k = 0; k < 2; k++) {
        const char *u = jstr(v, keys[k]);
        size_t n = u ? strlen(u) : 0;
        while (n && u[n - 1] == '/')
            n--;
        size_t b = n;
        while (b && u[b - 1] != '/')
            b--;
        if (n > b && bti_name_is_account(u + b, n - b))
            return 1;
    }
    return 0;
}

static void ld_author(raw *r, json_t *v, int depth)
{
    if (depth > 4)
        return;
    if (json_is_string(v)) {
        add_author(r->ld_authors, r->ld_field, &r->n_ld_authors, json_string_value(v));
    } else if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) ld_author(r, x, depth + 1);
    } else if (json_is_object(v)) {
        const char *t = json_string_value(json_object_get(v, "@type"));
        /* an organisation signing the article names the publisher when nothing else does;
         * its name is still read as an author entry, for SIGNING_PUBLISHER */
        if (t && strcmp(t, "Organization") == 0 && !r->ld_publisher)
            set_once(&r->ld_publisher, json_string_value(json_object_get(v, "name")));
        if (ld_account(v))
            return;
        const char *name = jstr(v, "name");
        if (name) {
            add_author(r->ld_authors, r->ld_field, &r->n_ld_authors, name);
            return;
        }
        /* {"@type":"Person","givenName":"Anna Giulia","familyName":"Fink"} */
        const char *given = jstr(v, "givenName"), *family = jstr(v, "familyName");
        if (given && family) {
            char full[LD_NAME_MAX];
            snprintf(full, sizeof full, "%s %s", given, family);
            add_author(r->ld_authors, r->ld_field, &r->n_ld_authors, full);
        }
    }
}

/* The @type's name without "http://schema.org/"; the first of a list. */
static const char *type_name(json_t *t)
{
    if (json_is_array(t))
        t = json_array_get(t, 0);
    const char *s = json_string_value(t), *slash = s ? strrchr(s, '/') : NULL;
    return slash ? slash + 1 : s;
}

static void ld_article(raw *r, json_t *o)
{
    r->ld_found = 1;
    set_once(&r->ld_type, type_name(json_object_get(o, "@type")));
    /* UNESCAPE (html_title.c): a CMS's entities inside the JSON string */
    const char *hl = jstr(o, "headline");
    if (!hl)
        hl = jstr(o, "name");
    if (hl && !r->ld_headline) {
        char *u = bti_html_unescape(hl);
        set_once(&r->ld_headline, u);
        free(u);
    }
    set_once(&r->ld_date, jstr(o, "datePublished"));
    ld_epoch(o, "datePublished", &r->ld_date);
    set_once(&r->ld_date, jstr(o, "dateCreated"));
    ld_epoch(o, "dateCreated", &r->ld_date);
    set_once(&r->ld_url, jstr(o, "url"));
    set_once(&r->ld_url, jstr(o, "mainEntityOfPage"));
    set_once(&r->ld_desc, jstr(o, "description"));
    set_once(&r->ld_lang, jstr(o, "inLanguage"));
    set_once(&r->ld_publisher, jstr(o, "publisher"));
    const char *body = jstr(o, "articleBody");
    if (body && !r->ld_body) /* not cleaned as set_once would: that would join its lines */
        r->ld_body = bti_html_unescape_raw(body);
    ld_author(r, json_object_get(o, "author"), 0);
    ld_author(r, json_object_get(o, "creator"), 0);
}

static void ld_walk(raw *r, json_t *v, int depth)
{
    if (depth > 8 || r->ld_found)
        return;
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) ld_walk(r, x, depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    if (type_is_article(json_object_get(v, "@type"))) {
        ld_article(r, v);
        return;
    }
    /* a page's object that is no article (a VideoObject, an ImageGallery): kept for kind.c,
     * which heeds it only when the page has no article object */
    const char *tn = type_name(json_object_get(v, "@type"));
    if (tn && strcmp(tn, "WebSite") && strcmp(tn, "WebPage") && strcmp(tn, "Organization") &&
        strcmp(tn, "BreadcrumbList") && strcmp(tn, "Person"))
        set_once(&r->ld_other, tn);
    ld_walk(r, json_object_get(v, "@graph"), depth + 1);
    ld_walk(r, json_object_get(v, "mainEntity"), depth + 1);
    /* a WebPage/WebSite's publisher names the site even when no article object exists */
    const char *t = json_string_value(json_object_get(v, "@type"));
    if (t && (strcmp(t, "WebSite") == 0 || strcmp(t, "Organization") == 0 ||
              strcmp(t, "NewsMediaOrganization") == 0))
        set_once(&r->app_name, json_string_value(json_object_get(v, "name")));
}

static void ld_script(raw *r, const xmlNode *n)
{
    bti_buf b = BTI_BUF_INIT;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->content && bti_buf_adds(&b, (const char *)c->content)) {
            bti_buf_free(&b);
            return;
        }
    /* a CMS may wrap the object in "//<![CDATA[ ... //]]>" or "<!-- ... -->" */
    size_t from = 0, to = b.len;
    for (int more = 1; more && from < to;) {
        static const char *const open[] = {"//", "<!--", "<![CDATA["};
        more = 0;
        while (from < to && strchr(" \t\r\n", b.data[from]))
            from++;
        for (size_t i = 0; i < 3; i++)
            if (!strncmp(b.data + from, open[i], strlen(open[i]))) {
                from += strlen(open[i]);
                more = 1;
            }
    }
    for (int more = 1; more && to > from;) {
        static const char *const close[] = {"//", "-->", "]]>"};
        more = 0;
        while (to > from && strchr(" \t\r\n", b.data[to - 1]))
            to--;
        for (size_t i = 0; i < 3; i++) {
            size_t l = strlen(close[i]);
            if (to - from >= l && !strncmp(b.data + to - l, close[i], l)) {
                to -= l;
                more = 1;
            }
        }
    }
    if (b.len && to > from) {
        json_t *j = json_loadb(b.data + from, to - from, 0, NULL);
        if (j) {
            ld_walk(r, j, 0);
            json_decref(j);
        }
    }
    bti_buf_free(&b);
}

/* ---- tags ---- */

/* Pass "microdata token lists": an itemprop value is a list of property names separated by
 * white space (itemprop="author creator", one element for both, as schema.org's own examples
 * and large CMSs write it); the element holds each property named. */
static int itemprop_has(const char *ip, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = ip; *p;) {
        while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
            p++;
        const char *e = p;
        while (*e && *e != ' ' && !(*e >= '\t' && *e <= '\r'))
            e++;
        if ((size_t)(e - p) == n && strncasecmp(p, name, n) == 0)
            return 1;
        p = e;
    }
    return 0;
}

static void meta_tag(raw *r, const xmlNode *n)
{
    const char *prop = bti_html_peek(n, "property"), *name = bti_html_peek(n, "name");
    const char *content = bti_html_peek(n, "content"), *ip = bti_html_peek(n, "itemprop");
    const char *equiv = bti_html_peek(n, "http-equiv");
    const char *key = prop ? prop : name;
    if (content && key) {
        /* property may list several space-separated names */
        char k[64];
        const char *p = key;
        while (*p) {
            while (*p == ' ')
                p++;
            size_t l = 0;
            while (p[l] && p[l] != ' ')
                l++;
            if (!l)
                break;
            size_t m = l < sizeof k - 1 ? l : sizeof k - 1;
            for (size_t i = 0; i < m; i++)
                k[i] = (char)((p[i] >= 'A' && p[i] <= 'Z') ? p[i] + 32 : p[i]);
            k[m] = '\0';
            p += l;
            if (!strcmp(k, "og:title"))
                set_once(&r->og_title, content);
            else if (!strcmp(k, "twitter:title"))
                set_once(&r->tw_title, content);
            else if (!strcmp(k, "title") || !strcmp(k, "dc.title"))
                set_once(&r->meta_title, content);
            else if (!strcmp(k, "og:site_name"))
                set_once(&r->og_site, content);
            else if (!strcmp(k, "application-name"))
                set_once(&r->app_name, content);
            else if (!strcmp(k, "twitter:site") && content[0] != '@')
                set_once(&r->tw_site, content);
            else if (!strcmp(k, "og:type"))
                set_once(&r->og_type, content);
            else if (!strcmp(k, "og:url"))
                set_once(&r->og_url, content);
            else if (!strcmp(k, "og:description") || !strcmp(k, "twitter:description"))
                set_once(&r->og_desc, content);
            else if (!strcmp(k, "description") || !strcmp(k, "dc.description"))
                set_once(&r->meta_desc, content);
            else if (!strcmp(k, "og:locale"))
                set_once(&r->og_locale, content);
            else if (!strcmp(k, "copyright") || !strcmp(k, "dc.rights") ||
                     !strcmp(k, "dcterms.rights") || !strcmp(k, "dcterms.rightsholder"))
                set_once(&r->rights, content);
            else if (!strcmp(k, "article:published_time") || !strcmp(k, "og:published_time") ||
                     !strcmp(k, "og:article:published_time") ||
                     !strcmp(k, "article:published:time")) /* spelt as og:site:name is */
                set_once(&r->og_date, content);
            else if (!strcmp(k, "pubdate") || !strcmp(k, "publishdate") ||
                     !strcmp(k, "publish-date") || !strcmp(k, "publish_date") ||
                     !strcmp(k, "date") || !strcmp(k, "dc.date") ||
                     !strcmp(k, "dc.date.issued") || !strcmp(k, "dcterms.created") ||
                     !strcmp(k, "dcterms.date") || !strcmp(k, "article.published") ||
                     !strcmp(k, "sailthru.date") || !strcmp(k, "parsely-pub-date") ||
                     !strcmp(k, "article:published") || !strcmp(k, "datepublished") ||
                     !strcmp(k, "citation_publication_date") || !strcmp(k, "created") ||
                     !strcmp(k, "cxenseparse:publishtime") || /* cXense's, on many news CMSs */
                     !strcmp(k, "rnews:datepublished") ||     /* IPTC's rNews vocabulary */
                     !strcmp(k, "originalpublicationdate"))   /* older portals' name for it */
                set_once(&r->meta_date, content);
            else if (!strcmp(k, "cxenseparse:recs:publishtime"))
                set_once(&r->wall_date, content);
            else if (!strcmp(k, "author") || !strcmp(k, "article:author") ||
                     !strcmp(k, "article_author") ||
                     !strcmp(k, "dc.creator") || !strcmp(k, "sailthru.author") ||
                     !strcmp(k, "parsely-author") || !strcmp(k, "byl") ||
                     !strcmp(k, "citation_author") || !strcmp(k, "dcterms.creator") ||
                     !strcmp(k, "article:byline") || !strcmp(k, "cxenseparse:author"))
                add_author(r->meta_authors, r->meta_field, &r->n_meta_authors, content);
        }
    }
    if (content && equiv && strcasecmp(equiv, "content-language") == 0)
        set_once(&r->content_lang, content);
    if (content && ip) {
        if (itemprop_has(ip, "datePublished"))
            set_once(&r->itemprop_date, content);
        else if (itemprop_has(ip, "headline"))
            set_once(&r->itemprop_headline, content);
    }
}

/* how deep below an itemprop=author element its itemprop=name is looked for: the name is
 * often wrapped in the profile link (<span itemprop=author><a><span itemprop=name>) */
#define ITEM_NAME_DEPTH 3

/* The itemprop=name element at most `depth` levels below n, or NULL. */
static const xmlNode *item_name(const xmlNode *n, int depth)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *ip = bti_html_peek(c, "itemprop");
        if (ip && itemprop_has(ip, "name"))
            return c;
    }
    if (depth <= 1)
        return NULL;
    /* not into another property (itemprop=affiliation): a name there is that item's */
    for (const xmlNode *c = n->children; c; c = c->next) {
        const xmlNode *f;
        if (c->type == XML_ELEMENT_NODE && !bti_html_peek(c, "itemprop") &&
            (f = item_name(c, depth - 1)) != NULL)
            return f;
    }
    return NULL;
}

/* REL_AUTHOR: HTML's own mark for a link to the article's author (<a rel="author">,
 * hAuthor/WordPress bylines): its text names them. */
#define REL_AUTHOR_MAX_BYTES 64 /* a name or two: a longer link text is a teaser */
static void rel_author(raw *r, const xmlNode *a)
{
    const char *rel = bti_html_peek(a, "rel");
    if (!rel)
        return;
    int hit = 0;
    for (const char *p = rel; *p && !hit;) {
        while (*p == ' ')
            p++;
        size_t l = strcspn(p, " ");
        hit = l == 6 && !strncasecmp(p, "author", 6);
        p += l;
    }
    if (!hit)
        return;
    char *t = bti_html_text(a);
    if (t && *t && strlen(t) <= REL_AUTHOR_MAX_BYTES)
        add_author(r->rel_authors, r->rel_field, &r->n_rel_authors, t);
    free(t);
}

static void item_author(raw *r, const xmlNode *n)
{
    /* <span itemprop=author><span itemprop=name>X</span></span> or the text itself */
    const xmlNode *name = item_name(n, ITEM_NAME_DEPTH);
    if (name) {
        /* ITEM_NAMES: an author item holding several names side by side ("<span
         * itemprop=name>Paul Wiseman</span><span itemprop=name>Fatima Hussein</span>") is a
         * list of authors marked as one person: each name signs */
        for (const xmlNode *k = name; k; k = k->next) {
            const char *kp = k->type == XML_ELEMENT_NODE ? bti_html_peek(k, "itemprop") : NULL;
            if (!kp || !itemprop_has(kp, "name"))
                continue;
            const char *nc = bti_html_peek(k, "content");
            char *t = nc ? NULL : bti_html_text(k);
            add_author(r->item_authors, r->item_field, &r->n_item_authors, nc ? nc : t);
            free(t);
        }
        return;
    }
    const char *content = bti_html_peek(n, "content");
    if (content) {
        add_author(r->item_authors, r->item_field, &r->n_item_authors, content);
    } else {
        char *t = bti_html_text(n);
        if (t && strlen(t) < 80)
            add_author(r->item_authors, r->item_field, &r->n_item_authors, t);
        free(t);
    }
}

/* Whether a heading sits in an article's header: an <hgroup>, <header> or <article> holds it. */
static int in_article_header(const xmlNode *n)
{
    for (const xmlNode *p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (bti_html_is(p, "hgroup") || bti_html_is(p, "header") || bti_html_is(p, "article"))
            return 1;
    return 0;
}

static void walk(raw *r, const xmlNode *first)
{
    bti_walk w;
    int descend = 0;
    /* the outermost furniture (negative or related) element the walk is in, or NULL: all
     * below it is furniture too */
    const xmlNode *furn_top = NULL;
    for (const xmlNode *n = bti_walk_first(&w, first); n; n = bti_walk_next(&w, descend)) {
        descend = 0;
        int depth = w.depth;
        if (w.leaving) {
            if (n == furn_top)
                furn_top = NULL;
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || !n->name)
            continue;
        if (bti_html_is(n, "meta")) {
            meta_tag(r, n);
            continue;
        }
        if (bti_html_is(n, "link")) {
            const char *rel = bti_html_peek(n, "rel"), *href = bti_html_peek(n, "href");
            if (rel && href && strcasecmp(rel, "canonical") == 0)
                set_once(&r->canonical, href);
            continue;
        }
        if (bti_html_is(n, "script")) {
            const char *type = bti_html_peek(n, "type");
            if (type && strcasecmp(type, "application/ld+json") == 0)
                ld_script(r, n);
            continue;
        }
        if (bti_html_is(n, "title")) {
            if (!r->doc_title && depth < 4) {
                char *s = bti_html_text(n);
                if (s && *s)
                    r->doc_title = s;
                else
                    free(s);
            }
            continue;
        }
        if (bti_html_is(n, "html")) {
            const char *l = bti_html_peek(n, "lang");
            if (!l)
                l = bti_html_peek(n, "xml:lang");
            set_once(&r->html_lang, l);
        }
        if (!n->_private)
            continue;
        if (BTI_INFO(n)->flags & BTI_NF_SKIP) {
            descend = bti_html_is(n, "head");
            continue;
        }
        int furn = furn_top || (BTI_INFO(n)->flags & (BTI_NF_NEGATIVE | BTI_NF_RELATED));
        if (!r->h1 && !furn && bti_html_is(n, "h1")) {
            char *s = bti_html_text(n);
            if (s && *s) {
                r->h1 = s;
                r->h1_node = n;
            } else {
                free(s);
            }
        }
        if (!r->header_h2 && !furn && bti_html_is(n, "h2") && in_article_header(n))
            r->header_h2 = n;
        const char *ip = bti_html_peek(n, "itemprop");
        if (ip && !furn) {
            if (itemprop_has(ip, "datePublished")) {
                const char *d = bti_html_peek(n, "datetime");
                if (!d)
                    d = bti_html_peek(n, "content");
                set_once(&r->itemprop_date, d);
            } else if (itemprop_has(ip, "author") || itemprop_has(ip, "creator")) {
                item_author(r, n);
            } else if (itemprop_has(ip, "headline") && !r->itemprop_headline) {
                r->itemprop_headline = bti_html_text(n);
            }
        }
        if (!furn && bti_html_is(n, "a"))
            rel_author(r, n);
        if (bti_html_is(n, "time") && !furn && !r->time_date) {
            set_once(&r->time_date, bti_html_peek(n, "datetime"));
        }
        if (furn && !furn_top && n->children)
            furn_top = n;
        descend = 1;
    }
}

static void raw_free(raw *r)
{
    char **s[] = {&r->og_title, &r->tw_title, &r->meta_title, &r->doc_title, &r->h1,
                  &r->og_site, &r->app_name, &r->tw_site, &r->canonical, &r->og_url,
                  &r->og_desc, &r->meta_desc, &r->html_lang, &r->content_lang, &r->og_locale,
                  &r->og_date, &r->meta_date, &r->itemprop_date, &r->time_date, &r->wall_date,
                  &r->itemprop_headline, &r->ld_headline, &r->ld_date, &r->ld_url,
                  &r->ld_desc, &r->ld_lang, &r->ld_publisher, &r->ld_body, &r->og_type,
                  &r->ld_type, &r->ld_other, &r->rights};
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
        free(*s[i]);
    for (size_t i = 0; i < r->n_meta_authors; i++)
        free(r->meta_authors[i]);
    for (size_t i = 0; i < r->n_item_authors; i++)
        free(r->item_authors[i]);
    for (size_t i = 0; i < r->n_ld_authors; i++)
        free(r->ld_authors[i]);
    for (size_t i = 0; i < r->n_rel_authors; i++)
        free(r->rel_authors[i]);
}

/* ---- choosing ---- */

char *bti_html_host(const char *url)
{
    if (!url)
        return NULL;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : (strncmp(url, "//", 2) == 0 ? url + 2 : NULL);
    if (!p)
        return NULL;
    size_t n = strcspn(p, "/:?#");
    if (n > 4 && strncasecmp(p, "www.", 4) == 0) {
        p += 4;
        n -= 4;
    }
    if (!n)
        return NULL;
    char *h = strndup(p, n);
    for (char *q = h; q && *q; q++)
        if (*q >= 'A' && *q <= 'Z')
            *q = (char)(*q + 32);
    return h;
}

/* Does `part` name the site: equal to the site name, contain it, or spell the host's name
 * ("Báo Dân trí" for dantri.com.vn: letters "baodantri" contain "dantri")? */
static int names_site(const char *part, const char *site, const char *host)
{
    if (site && (bti_html_same_text(part, site)))
        return 1;
    size_t n;
    char *f = bti_fold_dup(part, strlen(part), &n);
    if (!f)
        return 0;
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        if ((f[i] >= 'a' && f[i] <= 'z') || (f[i] >= '0' && f[i] <= '9'))
            f[o++] = f[i];
    f[o] = '\0';
    int hit = 0;
    if (host && o >= 3) {
        /* the host's first label that is not a generic one */
        char label[64];
        const char *h = host;
        size_t l = strcspn(h, ".");
        if (l < sizeof label) {
            memcpy(label, h, l);
            label[l] = '\0';
            size_t k = 0;
            for (size_t i = 0; i < l; i++)
                if ((label[i] >= 'a' && label[i] <= 'z') || (label[i] >= '0' && label[i] <= '9'))
                    label[k++] = label[i];
            label[k] = '\0';
            if (k >= 3 && (strstr(f, label) || strstr(label, f)))
                hit = 1;
        }
    }
    if (!hit && site) {
        size_t sn;
        char *sf = bti_fold_dup(site, strlen(site), &sn);
        if (sf) {
            size_t k = 0;
            for (size_t i = 0; i < sn; i++)
                if ((sf[i] >= 'a' && sf[i] <= 'z') || (sf[i] >= '0' && sf[i] <= '9'))
                    sf[k++] = sf[i];
            sf[k] = '\0';
            if (k >= 3 && o >= 3 && (strstr(f, sf) || strstr(sf, f)))
                hit = 1;
            free(sf);
        }
    }
    free(f);
    return hit;
}

/* The letters and digits of s, folded ("MDR THÜRINGEN" -> "mdrthuringen"), up to `words`
 * words (0: all). malloc'ed. */
static char *letters(const char *s, size_t words)
{
    size_t n;
    char *f = bti_fold_dup(s, strlen(s), &n);
    if (!f)
        return NULL;
    size_t o = 0, w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        int alnum = (f[i] >= 'a' && f[i] <= 'z') || (f[i] >= '0' && f[i] <= '9');
        if (alnum && !in && words && w++ == words)
            break;
        in = alnum || (in && f[i] != ' ');
        if (alnum)
            f[o++] = f[i];
    }
    f[o] = '\0';
    return f;
}

/* RIGHTS_HOLDER: whether `name` is the one the page's copyright line names ("Copyright (c)
 * Condé Nast 2022"): a site-wide <meta name=author> often names the group that owns the
 * title, not who wrote the article. Compared folded, on whole words. */
#define RIGHTS_HOLDER_MIN_LEN 4 /* bytes of the folded name: "AP" in "(c) AP Images" is no proof */
static int holds_rights(const char *name, const char *rights)
{
    if (!name || !rights)
        return 0;
    size_t nl = 0, rl = 0;
    char *fn = bti_fold_dup(name, strlen(name), &nl), *fr = bti_fold_dup(rights, strlen(rights), &rl);
    int hit = 0;
    if (fn && fr && nl >= RIGHTS_HOLDER_MIN_LEN) {
        for (const char *p = fr; !hit && (p = strstr(p, fn)); p++) {
            unsigned char before = p > fr ? (unsigned char)p[-1] : ' ';
            unsigned char after = (unsigned char)p[nl];
            hit = !isalnum(before) && before < 0x80 && !isalnum(after) && after < 0x80;
        }
    }
    free(fn);
    free(fr);
    return hit;
}

int bti_html_names_publisher(const char *name, const char *site, const char *host)
{
    if (!name)
        return 0;
    if (site && (bti_html_same_text(name, site) || is_site_name(name, site)))
        return 1;
    char *all = letters(name, 0), *first = letters(name, 1);
    char *sl = site ? letters(site, 0) : NULL;
    char label[64] = "";
    if (host) {
        size_t l = strcspn(host, ".");
        if (l < sizeof label) {
            memcpy(label, host, l);
            label[l] = '\0';
        }
    }
    char *hl = letters(label, 0);
    int hit = all && first && *all &&
              ((sl && strlen(sl) >= 3 && (!strcmp(all, sl) || !strcmp(first, sl))) ||
               (hl && strlen(hl) >= 3 && (!strcmp(all, hl) || !strcmp(first, hl))));
    free(all);
    free(first);
    free(sl);
    free(hl);
    return hit;
}

size_t bti_html_count_words(const char *s, size_t n)
{
    size_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ') {
            in = 0;
        } else if (!in) {
            in = 1;
            w++;
        }
    }
    return w;
}

/* Whether `part` is the site's name as written (names in scripts without ASCII letters,
 * "朝日新聞デジタル", fold to nothing that names_site can compare). */
static int is_site_name(const char *part, const char *site)
{
    if (!site || !*site)
        return 0;
    while (*part == ' ')
        part++;
    size_t pl = strlen(part), sl = strlen(site);
    while (pl && part[pl - 1] == ' ')
        pl--;
    return pl == sl && !memcmp(part, site, sl);
}

#define GLUED_SITE_MIN_BYTES 4 /* a site's name and a headline: "AP" glued on may be a word's end */

/* One suffix or prefix off; `strict`: only one that names the site. */
static char *strip_site_once(const char *title, const char *site, const char *host, int strict)
{
    /* the first four may be cut as a short suffix; the rest only when they name the site.
     * "：", "｜" and "ㅣ" close CJK headlines without spaces ("気象庁：朝日新聞デジタル") */
    static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " : ", " / ",
                                       "：", "｜", "ㅣ"};
    if (!title)
        return NULL;
    size_t tl = strlen(title);
    /* GLUED_SITE_SUFFIX: the site's own name written on without spaces
     * ("…「Treeviz」:phpspot開発日誌", "Headline_Site"): cut when it is the whole suffix */
    static const char *const glued[] = {":", "_", "|", "/", "：", "｜"};
    size_t sn = site ? strlen(site) : 0;
    if (sn >= GLUED_SITE_MIN_BYTES && tl > sn && !strcmp(title + tl - sn, site)) {
        for (size_t g = 0; g < sizeof glued / sizeof glued[0]; g++) {
            size_t gl = strlen(glued[g]);
            if (tl - sn <= gl || memcmp(title + tl - sn - gl, glued[g], gl))
                continue;
            size_t head = tl - sn - gl;
            if (title[head - 1] != ' ' && head >= GLUED_SITE_MIN_BYTES)
                return strndup(title, head);
        }
    }
    /* the last separator whose far side names the site, or is short next to a long headline */
    for (size_t s = 0; s < sizeof seps / sizeof seps[0]; s++) {
        const char *sep = seps[s];
        size_t sl = strlen(sep);
        const char *last = NULL;
        for (const char *p = strstr(title, sep); p; p = strstr(p + 1, sep))
            last = p;
        if (last) {
            const char *suffix = last + sl;
            size_t head = (size_t)(last - title);
            if (head && (names_site(suffix, site, host) || is_site_name(suffix, site) ||
                         (!strict && s == 0 && bti_html_count_words(suffix, strlen(suffix)) <= 4 &&
                          bti_html_count_words(title, head) >= 4) ||
                         (!strict && s <= 3 && bti_html_count_words(suffix, strlen(suffix)) <= 3 &&
                          bti_html_count_words(title, head) >= 5)))
                return strndup(title, head);
        }
        const char *first = strstr(title, sep);
        if (first && first != title) {
            char *prefix = strndup(title, (size_t)(first - title));
            int hit = prefix && names_site(prefix, site, host) &&
                      bti_html_count_words(first + sl, tl - (size_t)(first + sl - title)) >= 3;
            free(prefix);
            if (hit)
                return strdup(first + sl);
        }
    }
    return strdup(title);
}

#define SITE_STRIP_ROUNDS 3 /* "Headline | Site | by Author": a chain of suffixes */

static char *strip_site(const char *title, const char *site, const char *host, int strict)
{
    char *cur = strip_site_once(title, site, host, strict);
    /* after the first cut, only what names the site goes: a headline may hold dashes */
    for (int r = 1; cur && r < SITE_STRIP_ROUNDS; r++) {
        char *next = strip_site_once(cur, site, host, 1);
        if (!next || !strcmp(next, cur)) {
            free(next);
            break;
        }
        free(cur);
        cur = next;
    }
    return cur;
}

char *bti_html_strip_site(const char *title, const char *site, const char *host)
{
    return strip_site(title, site, host, 0);
}

char *bti_html_strip_named(const char *title, const char *site, const char *host)
{
    return strip_site(title, site, host, 1);
}

static char *primary_lang(const char *l)
{
    if (!l)
        return NULL;
    size_t n = 0;
    while (l[n] && ((l[n] >= 'a' && l[n] <= 'z') || (l[n] >= 'A' && l[n] <= 'Z')) && n < 8)
        n++;
    if (n < 2 || n > 3 || (l[n] && l[n] != '-' && l[n] != '_'))
        return NULL;
    /* a subtag after it has two characters at least: "utf-8" is a charset, no language */
    if (l[n] && (!l[n + 1] || !l[n + 2] || l[n + 2] == '-' || l[n + 2] == '_'))
        return NULL;
    char *s = strndup(l, n);
    for (char *p = s; p && *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
    return s;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

int bti_html_meta_read(bti_html_ctx *ctx, const bt_capture *cap, bti_html_meta *m, bt_error *err)
{
    raw r;
    memset(&r, 0, sizeof r);
    memset(m, 0, sizeof *m);
    walk(&r, xmlDocGetRootElement(ctx->doc));

    /* language first: it decides the default time zone */
    const char *langs[] = {r.html_lang, r.content_lang, r.og_locale, r.ld_lang};
    for (size_t i = 0; i < 4 && !m->lang; i++)
        m->lang = primary_lang(langs[i]);

    const char *url = r.canonical ? r.canonical : r.og_url ? r.og_url : r.ld_url;
    if (url && cap->url && !is_url(url))
        url = NULL;
    if (url) {
        m->url = bti_html_resolve(cap->url, url);
    } else if (cap->url) {
        m->url = strdup(cap->url);
    }
    const char *site = r.og_site ? r.og_site
                       : r.ld_publisher ? r.ld_publisher
                       : r.app_name   ? r.app_name
                                      : r.tw_site;
    m->site_name = dup_or_null(site);
    char *host = bti_html_host(m->url ? m->url : cap->url);
    int vi = (m->lang && strcmp(m->lang, "vi") == 0) ||
             (host && strlen(host) > 3 && strcmp(host + strlen(host) - 3, ".vn") == 0);
    ctx->lang_vi = vi;

    /* A bare day ("2024-08-22", or a time without a zone, which parse_meta cuts to its day)
     * is no publication instant (spec/article.md): a later source may give the full one, and
     * when none does the visible date is read (html_extract.c), else the field stays null. */
    const char *dates[] = {r.ld_date, r.og_date, r.itemprop_date, r.meta_date, r.time_date};
    char d[64];
    for (size_t i = 0; i < 5; i++) {
        if (!bti_meta_date(dates[i], vi, m->lang, host, d))
            continue;
        if (!m->published) {
            m->published = strdup(d);
        } else if (bti_date_is_midnight(m->published) && !bti_date_is_midnight(d) &&
                   !strncmp(m->published, d, BARE_DAY_LEN)) {
            /* DAY_AS_MIDNIGHT (date_model.c): the same day with its time of day */
            free(m->published);
            m->published = strdup(d);
            break;
        }
        if (m->published && !bti_date_is_midnight(m->published))
            break;
    }
    /* LOCAL_OFFSET (date_model.c): the instant on the page's own clock */
    const char *walls[] = {r.wall_date, r.ld_date, r.og_date, r.itemprop_date, r.meta_date,
                           r.time_date};
    for (size_t i = 0; i < 6 && m->published; i++)
        if (bti_date_local_offset(m->published, walls[i], d)) {
            free(m->published);
            m->published = strdup(d);
            break;
        }

    /* SHOWN_HEADLINE: the <h1>, else the article header's <h2>, with its kicker apart */
    const xmlNode *shown_node = r.h1_node ? r.h1_node : r.header_h2;
    char *shown = r.h1_node ? NULL : shown_node ? bti_html_text(shown_node) : NULL;
    char *kicker = NULL, *head = NULL;
    if (shown_node)
        bti_title_heading_parts(shown_node, &kicker, &head);
    bti_title_sources ts = {r.ld_headline, r.og_title, r.itemprop_headline, r.tw_title,
                            r.meta_title,  r.doc_title, r.h1,  shown ? shown : r.h1,
                            kicker,        head};
    m->title = bti_html_title_choose(&ts, site, host);
    free(shown);
    free(kicker);
    free(head);
    /* A headline that still carries more than the page's <h1> says ("New Zealand -
     * Wikipedia"): prefer the <h1>. A short <h1> counts only when a separator follows it. */
    if (m->title && r.h1 && !bti_html_same_text(m->title, r.h1)) {
        char *fh = bti_fold_dup(r.h1, strlen(r.h1), NULL), *ft = bti_fold_dup(m->title, strlen(m->title), NULL);
        size_t hl = fh ? strlen(fh) : 0;
        if (fh && ft && hl && strncmp(ft, fh, hl) == 0) {
            const char *rest = ft + hl;
            while (*rest == ' ')
                rest++;
            int sep = rest > ft + hl && *rest && strchr("-|:/\xC2\xE2", *rest);
            if (hl >= 12 || sep) {
                free(m->title);
                m->title = strdup(r.h1);
            }
        }
        free(fh);
        free(ft);
    }
    m->h1 = dup_or_null(r.h1);
    m->og_type = dup_or_null(r.og_type);
    m->ld_type = dup_or_null(r.ld_type);
    m->ld_other = dup_or_null(r.ld_other);
    m->description = dup_or_null(r.og_desc ? r.og_desc : r.meta_desc ? r.meta_desc : r.ld_desc);
    m->ld_body = r.ld_body; /* moved: raw_free leaves it */
    r.ld_body = NULL;

    char **lists[] = {r.ld_authors, r.meta_authors, r.item_authors};
    unsigned char *fields[] = {r.ld_field, r.meta_field, r.item_field};
    size_t ns[] = {r.n_ld_authors, r.n_meta_authors, r.n_item_authors};
    for (size_t l = 0; l < 3 && !m->n_authors; l++) {
        m->authors = calloc(ns[l] ? ns[l] : 1, sizeof *m->authors);
        if (!m->authors)
            break;
        /* the publisher named as author ("Dân Trí") is not a byline; a field that names it is
         * its imprint ("SPIEGEL ONLINE, Hamburg, Germany"): only its persons' names stay */
        unsigned char publisher[MAX_AUTHORS], imprint[MAX_AUTHORS];
        memset(imprint, 0, sizeof imprint);
        for (size_t i = 0; i < ns[l]; i++) {
            const char *a = lists[l][i];
            publisher[i] = (site && names_site(a, site, host)) ||
                           (r.ld_publisher && bti_html_same_text(a, r.ld_publisher)) ||
                           (host && names_site(a, NULL, host));
            if (publisher[i])
                imprint[fields[l][i]] = 1;
        }
        /* PUBLISHER_COAUTHOR: in the JSON-LD list, an entry of its own that names the
         * publisher beside a person's ("Julian Seiferth", {"Organization": "t-online"}) is
         * the desk signing with its reporter, and stays; inside one field ("SPIEGEL ONLINE,
         * Hamburg, Germany") it is the imprint, and goes */
        int person_entry = 0;
        for (size_t i = 0; i < ns[l]; i++)
            person_entry |= !publisher[i] && !imprint[fields[l][i]];
        /* RIGHTS_HOLDER: in the meta tags, the copyright's holder named beside a person's
         * name is the group that owns the title; alone it may be the blogger who owns their
         * page, and stays. JSON-LD types its entries: PUBLISHER_COAUTHOR judges those.
         * OWNER_FORM: a company by its legal form ("mediagene Inc.", "Verlag GmbH") is the
         * owner too, where no copyright tag names it. */
        unsigned char holder[MAX_AUTHORS], owner[MAX_AUTHORS];
        int other_person = 0, other_named = 0;
        for (size_t i = 0; i < ns[l]; i++) {
            const char *a = lists[l][i];
            holder[i] = l > 0 && holds_rights(a, r.rights);
            owner[i] = l > 0 && bti_name_is_organisation(a, strlen(a)) &&
                       !bti_name_is_description(a, strlen(a));
            other_person |= !holder[i] && !publisher[i] && bti_name_is_person(a, strlen(a));
            other_named |= !holder[i] && !owner[i] && !publisher[i];
        }
        for (size_t i = 0; i < ns[l]; i++) {
            const char *a = lists[l][i];
            /* OWNER_FORM: beside any other name (a Japanese one reads as no person's here) */
            if ((holder[i] && other_person) || (owner[i] && other_named))
                continue;
            /* LOGIN_HANDLE: a login beside a person's name ("jroth_42" beside "Anna Berg") is
             * an account; the site's own lower-case name ("kicker", "t-online") is written so
             * too, and is judged as the publisher (above) */
            if (other_person && !publisher[i] && bti_name_is_login(a, strlen(a)))
                continue;
            int own = !(i > 0 && fields[l][i - 1] == fields[l][i]) &&
                      !(i + 1 < ns[l] && fields[l][i + 1] == fields[l][i]);
            if (publisher[i] && l == 0 && own) {
                if (person_entry) {
                    m->authors[m->n_authors++] = strdup(a);
                    continue;
                }
                if (!m->org_authors)
                    m->org_authors = calloc(ns[l], sizeof *m->org_authors);
                char *c = m->org_authors ? strdup(a) : NULL;
                if (c)
                    m->org_authors[m->n_org_authors++] = c;
            }
            if (publisher[i] || (imprint[fields[l][i]] && !bti_name_is_person(a, strlen(a))))
                continue;
            m->authors[m->n_authors++] = strdup(lists[l][i]);
        }
        if (!m->n_authors) {
            free(m->authors);
            m->authors = NULL;
        }
    }
    /* REL_AUTHOR: only names that read as a person's ("admin" is a login) */
    for (size_t i = 0; i < r.n_rel_authors; i++) {
        const char *a = r.rel_authors[i];
        if (!bti_name_is_person(a, strlen(a)) || bti_html_names_publisher(a, site, host) ||
            (host && names_site(a, NULL, host)))
            continue;
        if (!m->rel_authors && !(m->rel_authors = calloc(r.n_rel_authors, sizeof *m->rel_authors)))
            break;
        char *c = strdup(a);
        if (c)
            m->rel_authors[m->n_rel_authors++] = c;
    }
    free(host);
    raw_free(&r);
    return 0;
}

void bti_html_meta_free(bti_html_meta *m)
{
    free(m->title);
    free(m->h1);
    free(m->site_name);
    free(m->url);
    free(m->published);
    free(m->description);
    free(m->lang);
    free(m->og_type);
    free(m->ld_type);
    free(m->ld_other);
    free(m->ld_body);
    for (size_t i = 0; i < m->n_authors; i++)
        free(m->authors[i]);
    free(m->authors);
    for (size_t i = 0; i < m->n_org_authors; i++)
        free(m->org_authors[i]);
    free(m->org_authors);
    for (size_t i = 0; i < m->n_rel_authors; i++)
        free(m->rel_authors[i]);
    free(m->rel_authors);
    memset(m, 0, sizeof *m);
}
