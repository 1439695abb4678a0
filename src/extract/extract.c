/* extract.c: bt_extract: sniff the capture's kind, decode, hand it to the right extractor. */
#include "bantin/text.h"
#include "core/opts.h"
#include "extract/extract_internal.h"
#include "extract/text_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int bti_text_decode(const bt_capture *cap, char **text, size_t *tlen, bt_error *derr)
{
    bt_charset cs = bt_charset_from_name(cap->charset);
    if (cs == BT_CS_UNKNOWN && cap->charset && cap->charset[0] &&
        !bt_utf8_valid(cap->data, cap->len, NULL)) {
        int r = bt_decode_named(cap->data, cap->len, cap->charset, BT_DECODE_LENIENT, text,
                                tlen, derr);
        if (r != BT_EUNSUPPORTED)
            return r; /* else no such charset: detected as an undeclared capture */
    }
    return bt_decode(cap->data, cap->len, cs, BT_DECODE_LENIENT, text, tlen, NULL, derr);
}

static int ascii_ieq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x + 32);
        if (x != y)
            return 0;
    }
    return 1;
}

/* Markdown that keeps raw HTML blocks (pandoc -t gfm) may open with a <div>: it has
 * Markdown links or headings and no <body> or <p> of its own. Or it shows pandoc's way with
 * the blocks it keeps raw: each tag on a line of its own between blank lines ("\n\n</div>\n\n"),
 * a layout no HTML page is written in; pages that keep their markup raw (page-builder <div>s,
 * inline SVG, JSON) show no Markdown in their first kilobytes, but show that at once. */
#define SNIFF_MD_BYTES (1024 * 1024) /* inline SVG logos take hundreds of KB */
#define RAW_BLOCKS_MIN 3 /* closing tags standing alone between blank lines */

/* A closing tag ("</div>") alone on its line, with a blank line before and after, at s[i]. */
static int raw_block_close(const char *s, size_t n, size_t i)
{
    if (i < 2 || s[i - 1] != '\n' || s[i - 2] != '\n' || i + 3 >= n || s[i + 1] != '/')
        return 0;
    size_t j = i + 2;
    while (j < n && ((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z'))
        j++;
    return j > i + 2 && j + 2 < n && s[j] == '>' && s[j + 1] == '\n' && s[j + 2] == '\n';
}

static int markdown_with_html(const char *data, size_t len)
{
    size_t n = len < SNIFF_MD_BYTES ? len : SNIFF_MD_BYTES;
    int md = 0, html = 0;
    size_t raw = 0;
    for (size_t i = 0; i + 3 < n; i++) {
        if (data[i] == '<' && (data[i + 1] == 'p' || data[i + 1] == 'P') &&
            (data[i + 2] == '>' || data[i + 2] == ' '))
            html = 1;
        if (data[i] == '<' && i + 5 < n && ascii_ieq(data + i, "<body", 5))
            html = 1;
        if ((data[i] == ']' && data[i + 1] == '(') ||
            (data[i] == '\n' && data[i + 1] == '#' && (data[i + 2] == ' ' || data[i + 2] == '#')))
            md = 1;
        if (data[i] == '<' && raw_block_close(data, n, i) && ++raw >= RAW_BLOCKS_MIN)
            return 1;
    }
    return md && !html;
}

bt_kind bt_sniff_kind(const char *data, size_t len)
{
    /* Look at the start only, as browsers do: markup begins within the first kilobyte. */
    size_t n = len < 1024 ? len : 1024;
    size_t i = 0;
    if (n >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
        (unsigned char)data[2] == 0xBF)
        i = 3;
    while (i < n && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i >= n || data[i] != '<')
        return BT_KIND_TEXT;
    static const char *const tags[] = {"<!doctype html", "<html", "<head", "<body", "<meta",
                                       "<!--", "<?xml", "<title", "<div", "<article"};
    for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
        size_t tl = strlen(tags[t]);
        if (n - i >= tl && ascii_ieq(data + i, tags[t], tl))
            return t >= 7 && markdown_with_html(data, len) ? BT_KIND_TEXT : BT_KIND_HTML;
    }
    /* fragments saved without their frame: what only a page's head holds is markup; a block
     * element may also open Markdown that keeps raw HTML, so that is checked */
    static const char *const head_tags[] = {"script", "style", "link", "base", "noscript"};
    static const char *const block_tags[] = {"p", "section", "header", "main", "table", "nav",
                                             "h1", "h2", "h3", "figure", "ul", "span", "aside",
                                             "center", "form", "iframe", "img", "a"};
    for (int group = 0; group < 2; group++) {
        const char *const *v = group ? block_tags : head_tags;
        size_t nv = group ? sizeof block_tags / sizeof *block_tags : sizeof head_tags / sizeof *head_tags;
        for (size_t t = 0; t < nv; t++) {
            size_t tl = strlen(v[t]);
            if (n - i < tl + 2 || !ascii_ieq(data + i + 1, v[t], tl))
                continue;
            char after = data[i + 1 + tl];
            if (after != '>' && after != ' ' && after != '\t' && after != '\n' && after != '\r' &&
                after != '/')
                continue;
            return group && markdown_with_html(data, len) ? BT_KIND_TEXT : BT_KIND_HTML;
        }
    }
    return BT_KIND_TEXT;
}

int bt_extract(const bt_capture *cap, const bt_extract_opts *opts, bt_article **out,
               bt_error *err)
{
    return bt_extract_warn(cap, opts, out, NULL, err);
}

int bt_extract_warn(const bt_capture *cap, const bt_extract_opts *opts, bt_article **out,
                    bt_error *warning, bt_error *err)
{
    static const bt_extract_opts defaults = BT_EXTRACT_OPTS_INIT;
    bt_error_clear(warning);
    bt_extract_opts o;
    const char *origin = cap->origin ? cap->origin : "-";
    *out = NULL;
    if (bti_opts_copy(&o, sizeof o, &defaults, opts, origin, err))
        return BT_EINVAL;
    opts = &o;
    bt_article *a = bt_article_new();
    if (!a || bt_article_set(&a->origin, origin, strlen(origin))) {
        bt_article_free(a);
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", origin);
    }
    bt_kind kind = cap->kind != BT_KIND_UNKNOWN ? cap->kind : bt_sniff_kind(cap->data, cap->len);
    int rc;
    if (kind == BT_KIND_HTML) {
        rc = bti_extract_html(cap, opts, a, warning, err);
    } else {
        if (memchr(cap->data, '\0', cap->len)) {
            bt_charset cs = bt_charset_detect(cap->data, cap->len);
            if (cs != BT_CS_UTF16LE && cs != BT_CS_UTF16BE) {
                bt_article_free(a);
                return bt_error_set(err, BT_EPARSE, "%s: binary data, not a text capture",
                                    origin);
            }
        }
        char *text = NULL;
        size_t tlen = 0;
        bt_error derr;
        rc = bti_text_decode(cap, &text, &tlen, &derr);
        char why[160];
        if (rc)
            bt_error_set(err, rc, "%s: %s", origin, derr.msg);
        else if (!bti_text_plausible(text, tlen, why, sizeof why))
            rc = bt_error_set(err, BT_ENOARTICLE, "%s: not text (%s): no article", origin, why);
        else
            rc = bti_extract_text(text, tlen, cap, opts, a, err);
        free(text);
    }
    if (!rc && (!a->title || !a->title[0]) && a->n_body == 0)
        rc = bt_error_set(err, BT_ENOARTICLE, "%s: no article found", origin);
    if (!rc && !a->lang)
        rc = bt_article_set(&a->lang, "vi", 2);
    if (!rc)
        rc = bt_article_set_id(a);
    if (rc) {
        bt_error_clear(warning); /* no article: nothing was left out of one */
        bt_article_free(a);
        return rc;
    }
    *out = a;
    return 0;
}
