/* html_script_body.c: the article's text from markup a script carries, when the page's DOM
 * holds next to none of it. A page built by a JavaScript framework may ship its article as an
 * HTML string in the framework's state (Next.js' flight chunks
 * `self.__next_f.push([1,"\u003cp ..."])`, a __NEXT_DATA__ or Nuxt payload field): a browser
 * runs the script and shows the text, a capture's DOM is an empty shell. These frameworks write
 * the state as JSON with '<' escaped as \u003c, so that no "</script>" inside closes the script
 * early: a JSON string opening with an escaped '<' is markup. The longest one in the page's
 * inline scripts is parsed as a page of its own and its text is the article when it holds
 * several times what the DOM showed. Costs nothing on other pages: the scan runs only when the
 * DOM gave less than SCRIPT_SHOWN_MAX bytes of text. */
#include "extract/html_internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SCRIPT_SHOWN_MAX 500   /* a DOM text this long is the page's own: no script is read */
#define SCRIPT_MARKUP_MIN 1000 /* a shorter markup string is a widget's, not an article's */
#define SCRIPT_SHARE 3         /* the script's text must hold 3x what the DOM showed */
#define SCRIPT_TEXT_MIN 400    /* ... and at least this much text */

/* The end of the JSON string that opens at q (its closing quote), or NULL when it does not
 * close before end. */
static const char *string_end(const char *q, const char *end)
{
    for (const char *p = q + 1; p < end; p++) {
        if (*p == '\\')
            p++;
        else if (*p == '"')
            return p;
    }
    return NULL;
}

/* The longest JSON string opening with an escaped '<' ("\u003c") inside an inline script of
 * html[0, len): its opening quote and length in *at and *n (*at NULL when none). */
static void longest_markup(const char *html, size_t len, const char **at, size_t *n)
{
    static const char open[] = "\"\\u003";
    const char *end = html + len, *p = html;
    *at = NULL;
    *n = 0;
    while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
        if (end - p < 8 || strncasecmp(p + 1, "script", 6) != 0) {
            p++;
            continue;
        }
        const char *body = memchr(p, '>', (size_t)(end - p));
        if (!body)
            return;
        body++;
        const char *close = body;
        while ((close = memchr(close, '<', (size_t)(end - close))) != NULL &&
               (end - close < 9 || strncasecmp(close + 1, "/script", 7) != 0))
            close++;
        if (!close)
            close = end;
        for (const char *q = body; q < close;) {
            q = memchr(q, '"', (size_t)(close - q));
            if (!q || close - q < 8)
                break;
            /* an escaped quote (\") is inside a string, not its opening */
            const char *e = !memcmp(q, open, sizeof open - 1) && (q[6] | 0x20) == 'c' &&
                                    (q == body || q[-1] != '\\')
                                ? string_end(q, close)
                                : NULL;
            if (!e) {
                q++;
                continue;
            }
            size_t l = (size_t)(e + 1 - q);
            if (l >= SCRIPT_MARKUP_MIN && l > *n) {
                *at = q;
                *n = l;
            }
            q = e + 1;
        }
        p = close;
    }
}

/* A paragraph that is a template's slot the site's script fills ("$$ARTICLEAD$$",
 * "{{ad_slot}}", "%%BANNER%%"): a marker of two or more '$', '%', '{' or '[' repeated, closed
 * by its mirror, around one word of letters, digits, '_' and '-'. */
static int placeholder_line(const char *s)
{
    static const char opens[] = "$%{[", closes[] = "$%}]";
    const char *o = strchr(opens, s[0]);
    if (!s[0] || !o)
        return 0;
    char cl = closes[o - opens];
    size_t k = 0, n = strlen(s);
    while (s[k] == s[0])
        k++;
    if (k < 2 || n < 2 * k + 1)
        return 0;
    for (size_t i = n - k; i < n; i++)
        if (s[i] != cl)
            return 0;
    for (size_t i = k; i < n - k; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

/* Drops the template slots from b's paragraphs. */
static void drop_placeholders(bt_article *b)
{
    size_t w = 0;
    for (size_t i = 0; i < b->n_body; i++) {
        if (placeholder_line(b->body[i]))
            free(b->body[i]);
        else
            b->body[w++] = b->body[i];
    }
    b->n_body = w;
}

static size_t text_bytes(const bt_article *a)
{
    size_t t = a->lede ? strlen(a->lede) : 0;
    for (size_t i = 0; i < a->n_body; i++)
        t += strlen(a->body[i]);
    return t;
}

#define SWAP(T, x, y)                                                                            \
    do {                                                                                         \
        T swap_tmp_ = (x);                                                                       \
        (x) = (y);                                                                               \
        (y) = swap_tmp_;                                                                         \
    } while (0)

/* a takes b's text, pictures and links (b gets a's, to be freed with it). */
static void take_text(bt_article *a, bt_article *b)
{
    SWAP(char *, a->lede, b->lede);
    SWAP(char **, a->body, b->body);
    SWAP(size_t, a->n_body, b->n_body);
    SWAP(bt_image *, a->images, b->images);
    SWAP(size_t, a->n_images, b->n_images);
    SWAP(bt_related *, a->related, b->related);
    SWAP(size_t, a->n_related, b->n_related);
    if (!a->n_authors) {
        SWAP(char **, a->authors, b->authors);
        SWAP(size_t, a->n_authors, b->n_authors);
    }
}

/* The text of the markup page html[0, len) in b, read as the DOM was (ctx's base, title). */
static int read_markup(const bti_html_ctx *ctx, const bti_html_meta *m, const char *html,
                       size_t len, bt_article *b)
{
    bti_html_ctx c;
    memset(&c, 0, sizeof c);
    c.base = ctx->base;
    c.title = ctx->title;
    c.lang_vi = ctx->lang_vi;
    bt_error perr;
    memset(&perr, 0, sizeof perr);
    int rc = bti_html_parse(html, len, "script markup", &c.doc, &perr);
    if (rc)
        return rc == BT_ENOMEM ? rc : 0; /* markup libxml2 cannot read: no text */
    if ((rc = bti_html_annotate(&c)) == 0) {
        xmlNodePtr content = bti_html_find_content(&c);
        if (content)
            rc = bti_html_output(&c, content, m, b);
    }
    free(c.info);
    bti_html_doc_free(c.doc);
    return rc;
}

int bti_html_script_body(const bti_html_ctx *ctx, const bti_html_meta *m, const char *html,
                         size_t len, bt_article *a)
{
    size_t shown = text_bytes(a);
    if (shown >= SCRIPT_SHOWN_MAX)
        return 0;
    const char *at;
    size_t n;
    longest_markup(html, len, &at, &n);
    if (!at)
        return 0;
    json_t *j = json_loadb(at, n, JSON_DECODE_ANY, NULL);
    const char *markup = json_string_value(j);
    int rc = 0;
    bt_article *b = markup ? bt_article_new() : NULL;
    if (markup && !b)
        rc = BT_ENOMEM;
    if (b && (rc = read_markup(ctx, m, markup, json_string_length(j), b)) == 0) {
        drop_placeholders(b);
        size_t got = text_bytes(b);
        if (got >= SCRIPT_TEXT_MIN && got >= SCRIPT_SHARE * shown)
            take_text(a, b);
    }
    bt_article_free(b);
    json_decref(j);
    return rc;
}
