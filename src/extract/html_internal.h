/* html_internal.h: the pieces of the HTML extractor (html_*.c) and what they share.
 *
 * The flow: html_charset turns the capture's bytes into UTF-8, html_parse builds a libxml2
 * tree with limits, html_node annotates every element (text length, link text, hints),
 * html_meta reads the page's metadata, html_score picks the article's container, and
 * html_output walks it into paragraphs, images, related links and bylines.
 * Everything here works on one document owned by one call: no shared state. */
#ifndef BT_HTML_INTERNAL_H
#define BT_HTML_INTERNAL_H

#include "bantin/article.h"
#include "bantin/capture.h"
#include "core/buf.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

/* Limits: pages past these are refused (size) or truncated (depth) rather than risking time
 * and memory; real news pages are far below them. */
#define BTI_HTML_MAX_BYTES (64u * 1024u * 1024u)
/* Elements nested deeper are not looked at (and the extraction warns that content was cut,
 * bt_extract_warn). Real pages go past 200 (nested tables of old portals, builder markup); the
 * walks are iterative (bti_walk), so depth costs no stack: the limit only bounds the passes
 * that look into each element's subtree, whose cost grows with depth times size. */
#define BTI_HTML_MAX_DEPTH 10000
#define BTI_HTML_MAX_DEPTH_STR "10000" /* the same, for messages */

/* A walk over the nodes below a parent, in document order, without recursion: libxml2's
 * parent links lead back up, so it needs no stack however deep the page nests. Each node is
 * visited once on the way down; a node the walk went into (`descend` and it has children) is
 * visited again once its subtree is done, with `leaving` set, for work after its children.
 * Usage:
 *     bti_walk w;
 *     int descend = 0;
 *     for (const xmlNode *k = bti_walk_first(&w, first); k; k = bti_walk_next(&w, descend)) {
 *         descend = 0;
 *         if (w.leaving) { ...after k's children...; continue; }
 *         ...; descend = 1; // go into k's children
 *     } */
typedef struct bti_walk {
    const xmlNode *n; /* the node visited */
    int depth;        /* of n: 0 for `first` and its siblings */
    int leaving;      /* n's subtree is done */
} bti_walk;

/* Starts at `first` (a child of some node; it and its following siblings are walked). */
static inline const xmlNode *bti_walk_first(bti_walk *w, const xmlNode *first)
{
    w->n = first;
    w->depth = 0;
    w->leaving = 0;
    return first;
}

/* The next node: into n's children when `descend`, else its next sibling, else its parent
 * (leaving it); NULL past the last sibling of `first`. */
static inline const xmlNode *bti_walk_next(bti_walk *w, int descend)
{
    const xmlNode *n = w->n;
    if (!w->leaving && descend && n->children) {
        w->depth++;
        return w->n = n->children;
    }
    w->leaving = 0;
    if (n->next)
        return w->n = n->next;
    if (w->depth == 0 || !n->parent)
        return w->n = NULL;
    w->depth--;
    w->leaving = 1;
    return w->n = n->parent;
}

/* ---- html_charset.c ---- */
/* The page as UTF-8: from the declared charset (HTTP header), a BOM, <meta charset> or
 * http-equiv, else detection. *out is NULL when `in` is already valid UTF-8 without BOM
 * (use `in` as is); otherwise a malloc'ed copy owned by the caller. */
int bti_html_to_utf8(const char *in, size_t len, const char *declared, char **out,
                    size_t *outlen, const char *origin, bt_error *err);

/* ---- html_parse.c ---- */
/* Parses UTF-8 HTML into a tree owned by the caller (bti_html_doc_free). No network access.
 * Attribute values are read through bti_html_attr_value (some live outside the tree). */
int bti_html_parse(const char *utf8, size_t len, const char *origin, xmlDocPtr *out,
                  bt_error *err);
/* Frees a tree from bti_html_parse and what it owns. */
void bti_html_doc_free(xmlDocPtr doc);
/* The value of attribute a, borrowed from its document: "" when it has none. */
const char *bti_html_attr_value(const xmlAttr *a);

/* ---- html_build.c ---- */
/* The memory a parsed document's nodes, values and text live in (doc->_private), and the
 * handlers that build the tree into it from libxml2's parser events. */
typedef struct bti_html_mem bti_html_mem;
bti_html_mem *bti_html_mem_new(void);
void bti_html_mem_free(bti_html_mem *m);
/* An attribute value the pre-pass took out of its tag (which keeps the name alone): `at` is the
 * offset of the tag's '>' in the text libxml2 parses, name is the attribute's in
 * lower case. */
typedef struct bti_html_moved {
    size_t at;
    const char *name;
    const char *value;
} bti_html_moved;
/* Gives m the moved values (n, sorted by `at`; values inside `side`): the tree has them where
 * libxml2 reports their attributes without a value. m takes `side` and `moved` (malloc'ed,
 * may be NULL) and frees them with itself. */
void bti_html_mem_values(bti_html_mem *m, char *side, bti_html_moved *moved, size_t n);
/* Makes ctxt's events build the tree in m (ctxt->_private). */
void bti_html_build_attach(htmlParserCtxtPtr ctxt, bti_html_mem *m);
/* Whether building ran out of memory (the parse was stopped). */
int bti_html_build_failed(const bti_html_mem *m);
/* Whether some moved values were given to no element: libxml2 read some tag otherwise than
 * the pre-pass did (a quote left open in a tag it copied as written, ...), and may have given
 * others to the wrong one. */
int bti_html_build_lost(const bti_html_mem *m);
/* Frees a document built with m as its _private, and m. */
void bti_html_build_free(xmlDocPtr doc);

/* ---- html_node.c ---- */
enum {
    BTI_NF_SKIP = 0x1,      /* never content: script, style, nav, hidden, forms, ... */
    BTI_NF_NEGATIVE = 0x2,  /* class/id says furniture: comment, share, footer, sidebar */
    BTI_NF_RELATED = 0x4,   /* class/id or heading says related stories */
    BTI_NF_BLOCK = 0x8,     /* has block-level element children */
    BTI_NF_LEDE = 0x10,     /* class/id says sapo/lede/standfirst */
    BTI_NF_BYLINE = 0x20,   /* class/id/itemprop/rel says author */
    BTI_NF_CAPTION = 0x40,  /* class says caption */
    BTI_NF_IMAGEBOX = 0x80, /* class says figure/photo box */
    BTI_NF_DEEP = 0x100,    /* below BTI_HTML_MAX_DEPTH: ignored */
    BTI_NF_KEEP = 0x200,    /* a sibling of the top candidate that belongs to the article */
    BTI_NF_TEXT_BOX = 0x400 /* holds, as most of its text, a block classed as the article's text */
};

/* what an element's class/id hint at (bti_node_info.hints) */
enum {
    BTI_H_POS = 0x1,      /* article, content, detail, noidung, ... */
    BTI_H_NEG = 0x2,      /* comment, share, footer, sidebar, ... */
    BTI_H_REL = 0x4,      /* related, lienquan, xemthem, ... */
    BTI_H_LEDE = 0x8,     /* sapo, lede, standfirst, ... */
    BTI_H_BYLINE = 0x10,  /* author, byline, tacgia, ... */
    BTI_H_CAPTION = 0x20, /* caption, credit, ... */
    BTI_H_IMAGEBOX = 0x40,/* image, photo, figure, ... */
    BTI_H_TITLE = 0x80    /* title, headline, tieude */
};

typedef struct bti_node_info {
    double score;      /* content score (html_score.c) */
    int weight;        /* class/id hint: positive for content, negative for furniture */
    unsigned flags;    /* BTI_NF_* */
    size_t text;       /* visible text in the subtree, in bytes of folded text */
    size_t link;       /* of which inside <a> */
    size_t commas;     /* commas in the subtree */
    size_t paras;      /* <p> descendants */
    size_t imgs;       /* <img> descendants */
    int scored;        /* has been given a base score */
    unsigned hints;    /* BT_H_* from class and id */
    size_t ptext;      /* text of the scored paragraphs below (html_score.c) */
} bti_node_info;

typedef struct bti_html_ctx {
    xmlDocPtr doc;
    bti_node_info *info; /* one per element, reached through xmlNode._private */
    size_t n_info;
    const char *base;   /* URL to resolve links against, or NULL */
    int lang_vi;        /* the page is Vietnamese */
    size_t total_text;  /* visible text of the whole page */
    int lenient;        /* second try: keep "furniture" that holds much of the page's text */
    const char *title;  /* the page's headline from its metadata, or NULL (html_score.c) */
    size_t deep_text;   /* text bytes below BTI_HTML_MAX_DEPTH: left out (a warning says so) */
    xmlNode *marked_body; /* the element marked itemprop=articleBody, when one is (html_score.c) */
    size_t n_marked_body; /* how many are: the pass trusts a single one */
} bti_html_ctx;

#define BTI_INFO(n) ((bti_node_info *)(n)->_private)

/* Whether an element flagged BTI_NF_NEGATIVE is really furniture: a "sidebar" class on a
 * layout wrapper that holds most of the page's text is not. */
int bti_html_furniture(const bti_html_ctx *ctx, const bti_node_info *in);
/* Annotates every element with a bti_node_info (owned by ctx->info). */
int bti_html_annotate(bti_html_ctx *ctx);
/* Whether the class/id word list and its lookup tables agree (a test's check). */
int bti_html_hint_words_ok(void);
/* Whether n is a `tag` element (libxml2's HTML parser gives lowercase names). Inline: the
 * tree walks ask it of every element several times. */
static inline int bti_html_is(const xmlNode *n, const char *tag)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && n->name[0] == (xmlChar)tag[0] &&
           strcmp((const char *)n->name, tag) == 0;
}
int bti_html_is_heading(const xmlNode *n);
/* Whether n or an element of its subtree is one `is` takes (an iterative walk, to
 * BTI_HTML_MAX_DEPTH): the "does it hold a ...?" question of several passes. */
int bti_html_holds(const xmlNode *n, int (*is)(const xmlNode *));
/* Whether n is an author's box (classed or marked as the author's, holding blocks) that holds
 * a block classed as a description opening with the author's name: the author's bio, never
 * the standfirst (html_standfirst.c). */
struct bti_html_meta;
int bti_html_author_box(const xmlNode *n, const struct bti_html_meta *m);
/* Appends the visible text of `n` (white space folded, <br> as a space) to b. */
int bti_html_text_append(const xmlNode *n, bti_buf *b);
/* The folded, NFC text of a node (malloc'ed, "" when empty), or NULL when out of memory. */
char *bti_html_text(const xmlNode *n);
/* NFC + white space folded copy of s (malloc'ed) or NULL. */
char *bti_html_clean(const char *s, size_t len);
/* BT_H_* of an element (0 for elements without a bti_node_info). */
unsigned bti_html_hints(const xmlNode *n);
/* An attribute's value without copying ("" when it has entities), or NULL when absent. */
const char *bti_html_peek(const xmlNode *n, const char *name);
/* An absolute URL for `href` against `base` (malloc'ed), or NULL for "#", javascript:, data:. */
char *bti_html_resolve(const char *base, const char *href);
/* Case- and mark-insensitive comparison of two UTF-8 strings (both folded with bt_fold). */
int bti_html_same_text(const char *a, const char *b);

/* ---- html_dateline.c ---- */
/* The page's visible dateline ("12/09/2022 15:40 (GMT+7)") in a date-classed element, as
 * ISO 8601 with offset (+07:00 for Vietnamese pages without one; else the zone of the page's
 * language `lang` and host `host`, either NULL, when html_zone.c knows it). 1 when found. */
int bti_html_visible_date(const bti_html_ctx *ctx, const char *lang, const char *host, char out[64]);
/* Whether an element's tag or class/id says it holds a date (time, *date*, *meta*, ...). */
int bti_html_date_holder(const xmlNode *n);

/* ---- html_meta.c ---- */
typedef struct bti_html_meta {
    char *title;       /* best headline, site suffix removed */
    char *h1;          /* first <h1> text */
    char *site_name;   /* og:site_name, publisher name, application-name */
    char *url;         /* canonical / og:url / JSON-LD url */
    char *published;   /* normalised date */
    char *description; /* og/meta description */
    char *lang;        /* <html lang> / og:locale / inLanguage, primary subtag */
    char *og_type;     /* og:type ("article", "video.other") or NULL */
    char *ld_type;     /* the JSON-LD article object's @type ("LiveBlogPosting") or NULL */
    char *ld_other;    /* the first other JSON-LD object's @type ("VideoObject") or NULL */
    char *ld_body;     /* the JSON-LD article object's articleBody (lines kept) or NULL */
    char **authors;
    size_t n_authors;
    /* SIGNING_PUBLISHER: the JSON-LD article's author entries that name the publisher
     * ("BBC News", {"@type":"Organization","name":"kicker"}), kept apart: they are the
     * authors only when the page names no person anywhere (html_extract.c) */
    char **org_authors;
    size_t n_org_authors;
    /* REL_AUTHOR: the names of the page's <a rel=author> links, outside furniture: the byline
     * when nothing else names a person */
    char **rel_authors;
    size_t n_rel_authors;
} bti_html_meta;

/* ---- html_standfirst.c ---- */
/* The standfirst block set apart under the headline with no class naming it, before the
 * text's first paragraph (its node `stop`, or the block whose text starts as `first`) or
 * that paragraph when its class, type or the description sets it apart; confirmed by the
 * meta description, its type or its place (by the description alone when described_only);
 * NULL when none. Furniture as ctx judges it is passed over. */
/* Whether t is a short line holding a date (a source-and-date line under the headline, "X •
 * 02.02.2022"): no sapo or standfirst, whatever its class says (html_standfirst.c). */
int bti_standfirst_dated(const char *t);
const xmlNode *bti_standfirst_find(const bti_html_ctx *ctx, const xmlNode *root, const xmlNode *stop,
                                   const char *first, const bti_html_meta *m, int described_only);
/* Whether a lede chosen by class is the page's headline again (a "lead-title" box, a kicker
 * before the headline). */
int bti_standfirst_is_headline(const char *lede, const bti_html_meta *m);
/* Whether text t says what the page's description `desc` says (one starts with the other,
 * or they share most of their words). */
int bti_standfirst_agrees(const char *t, const char *desc);
/* The share of a's words (`min` bytes or more; words end at spaces, less trailing
 * punctuation) that occur in b between word edges: in [0, 1], 0 when a has no such word, -1
 * when out of memory. Linear in the two texts (word_share.c). */
double bti_word_share(const char *a, const char *b, size_t min);
/* "(TNO) Sáng nay ...": the bytes of spaces after the bracketed mark name[0..nl) that ends
 * at `after` when it is a publisher's mark no dash follows (an agency's capitals, then a
 * capitalised sentence), else 0. */
size_t bti_standfirst_bare_mark(const char *name, size_t nl, const char *after);
/* The text of a marked standfirst block k with the alike marked blocks right after it
 * ("<p class=lead>" three times), joined by spaces (malloc'ed; NULL when out of memory). */
char *bti_standfirst_run_text(const xmlNode *k);
/* DESCRIBED_RUN: a standfirst set as several paragraphs alike (the same tag and class, one
 * sentence each) that the description gives whole ("18-åriga Hanna försvann ... Polisen har
 * nu inlett ... – Allmänhet har hittat ..."): the block found, k, is its first paragraph,
 * and the paragraphs right after it that go on with the description's words, in order, are
 * the rest of it (the last may run past a description the site cut short). k's text t
 * (malloc'ed, taken) with theirs joined by spaces, or NULL when out of memory. */
char *bti_standfirst_described_run(char *t, const xmlNode *k, const char *desc);

int bti_html_meta_read(bti_html_ctx *ctx, const bt_capture *cap, bti_html_meta *m, bt_error *err);
void bti_html_meta_free(bti_html_meta *m);
/* Strips a trailing/leading site name (" | Báo Dân trí", " - VnExpress") from a title. */
char *bti_html_strip_site(const char *title, const char *site, const char *host);
/* The same, cutting only what names the site (no short unnamed suffix). */
char *bti_html_strip_named(const char *title, const char *site, const char *host);
/* Whether a byline's name is the publisher's, not a person's: the site's name, or the host's
 * name alone or as its first word ("Lesotho Times", "MDR THÜRINGEN" on mdr.de). */
int bti_html_names_publisher(const char *name, const char *site, const char *host);

/* ---- date_model.c ---- */
/* A metadata date value as a full instant (ISO 8601 with offset, fraction kept) into out:
 * as written, else zoned by the page's host or language, else read as prose. 0 when the
 * value gives no instant (a bare day gives none). */
int bti_meta_date(const char *s, int vi, const char *lang, const char *host, char out[64]);
/* `instant` (ISO 8601 with offset) written in the UTC offset that `wall` (the same time as a
 * zone-less wall clock, "2024-04-25 04:21:02") implies, into out. 0 when wall has a zone,
 * is no whole-quarter-hour offset away, or already agrees. */
int bti_date_local_offset(const char *instant, const char *wall, char out[64]);
/* Whether an ISO 8601 instant is at exactly 00:00:00 of its day (a day as a timestamp?). */
int bti_date_is_midnight(const char *iso);

/* ---- html_title.c ---- */
/* The page's statements of its headline (each NULL when absent; cleaned text). */
typedef struct bti_title_sources {
    const char *ld_headline, *og_title, *itemprop_headline, *tw_title, *meta_title, *doc_title,
        *h1;
    /* the headline the page shows (its first <h1>, else the heading of the article's header)
     * and, when that heading sets a kicker apart in its own element, the kicker and the
     * headline proper (bti_title_heading_parts) */
    const char *shown, *shown_kicker, *shown_head;
} bti_title_sources;
/* A heading's kicker and headline proper when it is made of two elements, a short kicker and
 * the headline ("<h2><span>Kicker</span><span>Headline</span></h2>"; hidden or bare
 * separators between them left out): 1 with both malloc'ed, else 0 (both NULL). */
int bti_title_heading_parts(const xmlNode *h, char **kicker, char **head);
/* The headline chosen among them by agreement, site name cut (malloc'ed), or NULL. */
char *bti_html_title_choose(const bti_title_sources *src, const char *site, const char *host);
/* s with its HTML character references decoded, cleaned (malloc'ed), or NULL. */
char *bti_html_unescape(const char *s);
/* Words in s[0..n): runs of bytes other than a space (the text is white-space folded). */
size_t bti_html_count_words(const char *s, size_t n);
/* The same without the cleaning: spaces and line breaks as they were (malloc'ed; NULL for
 * NULL or out of memory). */
char *bti_html_unescape_raw(const char *s);

/* The host of a URL without "www." (malloc'ed) or NULL. */
char *bti_html_host(const char *url);

/* ---- html_score.c ---- */
/* The element that holds the article's text, or NULL when the page has none. */
xmlNodePtr bti_html_find_content(bti_html_ctx *ctx);

/* ---- html_output.c ---- */
/* Fills body, lede, images, related and in-text bylines of `a` from `content`. */
int bti_html_output(bti_html_ctx *ctx, xmlNodePtr content, const bti_html_meta *m, bt_article *a);
/* html_ldbody.c: the article's paragraphs replaced by its JSON-LD articleBody when the text
 * shown is a short teaser that opens it (a paywall). 0 or BT_ENOMEM. */
int bti_html_ld_body(const bti_html_meta *m, bt_article *a);
/* html_script_body.c: the article's lede, paragraphs, pictures and links replaced by those of
 * the markup a framework's script carries (a JSON string opening with an escaped '<') when the
 * DOM of html[0, len) gave next to no text and the markup holds several times more. 0 or
 * BT_ENOMEM. */
int bti_html_script_body(const bti_html_ctx *ctx, const bti_html_meta *m, const char *html,
                         size_t len, bt_article *a);

/* ---- html_byline.c ---- */
/* Called with each name of a byline (not yet cleaned), in order. */
typedef void (*bti_name_fn)(const char *name, size_t len, void *ctx);

/* The raw length of a byline's opening word and what follows it ("By ", "Von ", "Tác giả: ",
 * a short label and its colon), 0 when none. */
size_t bti_byline_prefix(const char *s, size_t n);

/* Cuts byline s into names, its opening word dropped, at ", ", " & ", " | ", " - " and a
 * joining word ("und", "og", "và"), never inside brackets: calls f for each and returns how
 * many. BTI_BYLINE_TEXT: a byline line of the page (the caller judges each name);
 * BTI_BYLINE_FIELD: an author field of the metadata, cut only when a piece is a name of two
 * words or more ("Doe, John" and "Mac & i" stay whole; "Anna Berg und Jan Roth, dpa" is cut:
 * the site lists what it credits). In a byline line, a closing one-word piece after a comma
 * is the dateline's place ("Von Anna Berg, Frankfurt"): dropped. */
enum { BTI_BYLINE_TEXT = 0, BTI_BYLINE_FIELD = 1 };
size_t bti_byline_names(const char *s, int mode, bti_name_fn f, void *ctx);
/* Whether line s is names only, its opening word aside ("Mathatisi Sebusi/Mohalenyane
 * Phakela", "By Anna Berg and Jan Roth"): the number of names, each passed to f (when not
 * NULL); 0 when a piece is no person's name (and f is not called). */
size_t bti_byline_name_line(const char *s, bti_name_fn f, void *ctx);
/* The same with plain names only (bti_name_is_plain_person), for lines the page does not
 * mark as a byline. */
size_t bti_byline_plain_line(const char *s, bti_name_fn f, void *ctx);
/* Whether line s closes a text as its byline: a byline's opening word from the lexicon and
 * names only, maybe wrapped in brackets ("Texto: Ana Ruiz y Luis Gil", "(责编：牛镛、岳弘彬)").
 * Calls f with each name (when not NULL); the number of names, 0 when it is no such line. */
size_t bti_byline_closing_line(const char *s, bti_name_fn f, void *ctx);
/* Whether line s is a meta row holding a byline: pieces between " | " or " · ", each a date
 * or time but one, which opens with a byline's word and names only ("Do 25.04.24 | 14:07 Uhr
 * | Von Eva Roth"). Calls f with each name (when not NULL); 0 when it is no such row. */
size_t bti_byline_row(const char *s, bti_name_fn f, void *ctx);

/* ---- html_byline_box.c ---- */
/* The text of the first element inside byline box `box` that is a line of names only
 * ("von Jemima Kelly" among a brand label and the date): malloc'd, NULL when none. */
char *bti_byline_box_line(const xmlNode *box);
/* The line after the page's first <h1>, before its text, that opens with a byline's word
 * and names only ("von Dr. Max Roth"), for pages that mark their byline by no class:
 * malloc'd, NULL when none. */
char *bti_byline_after_heading(const xmlNode *root);

/* ---- byline_name.c ---- */
/* Whether s[0..n) describes its writer rather than naming them: more words than a name
 * has, or prose words in lower case ("Povilas A., Mykolo Romerio universiteto profesorius"). */
int bti_name_is_description(const char *s, size_t n);
/* Whether s[0..n) is a platform's account, not a person: an e-mail address or handle, or a
 * word of the lexicon's BYLINE_ACCOUNT list ("admin", "webmaster", "example.com developer"). */
int bti_name_is_account(const char *s, size_t n);
/* Whether s[0..n) reads as a person's name as a page writes it: two to four words, each
 * starting with a capital (a short particle inside: "de", "van"), no digit or sentence mark
 * ("Mohloai Mpesi", "MTHOBISI SITHOLE", "J. Roth"; not "The government's stance"). */
int bti_name_is_person(const char *s, size_t n);
/* The same, plain: no particle or title, two or three words ("Mohloai Mpesi"). */
int bti_name_is_plain_person(const char *s, size_t n);
/* Whether the letter starting s[0..n) is written in upper case ("Ý", "E", "Ж"); 0 for
 * caseless scripts and non-letters. */
int bti_upper_letter(const char *s, size_t n);
/* Whether s[0..n) is written as an organisation's name: a company's legal form ("Verlag
 * GmbH") or a lower-case word inside it that no name holds ("Landesanstalt für Wald"). */
int bti_name_is_organisation(const char *s, size_t n);
/* LOGIN_HANDLE (byline_name.c): whether s[0..n) is written as a login ("mikecason",
 * "j.roth_42"): one word of small ASCII letters, digits, dots, dashes, underscores. A site's
 * lower-case name ("kicker") and a profile URL's slug are written so too: html_meta.c drops
 * one only beside a person's name. */
int bti_name_is_login(const char *s, size_t n);

/* ---- html_zone.c ---- */
/* The offset (minutes east of UTC, summer time included) of wall-clock time y-mo-d h:mi on a
 * page of language `lang` served from `host` (either may be NULL): 1 when the zone is known,
 * 0 when the page does not tell it. */
int bti_zone_offset(const char *lang, const char *host, int y, int mo, int d, int h, int mi,
                    int *off_min);
/* ---- html_most_read.c ---- */
/* Adds the links of the page's "most read" box (lexicon BTI_LEX_MOST_READ_HEAD) to
 * a->most_read, URLs resolved against ctx->base. 0 or BT_ENOMEM. */
int bti_html_most_read(const bti_html_ctx *ctx, bt_article *a);

/* ---- html_caption.c ---- */
/* Splits a credit ("Ảnh: Reuters", "(Nguồn: TASS)", "Photo: AP") off a caption. Writes
 * malloc'ed strings to *caption (never NULL) and *credit (NULL when none). 0 or BT_ENOMEM. */
int bti_html_split_credit(const char *text, char **caption, char **credit);

#endif
