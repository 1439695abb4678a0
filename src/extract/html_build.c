/* html_build.c: the tree of a page, built from libxml2's HTML parser events into memory the
 * document owns as a few large blocks.
 *
 * libxml2's own tree builder (SAX2.c) makes every element, attribute, attribute name, value
 * and text node an allocation of its own, and xmlFreeDoc frees each again: on the dev pages
 * that was a quarter of the parse's instructions. These handlers take the parser's events
 * (per context, through the context's own SAX table) and link the same tree libxml2 2.9
 * would: the same nodes in the same places, element names split at a namespace prefix as
 * xmlSplitQName does, boolean attributes given their name as value, adjacent text of one kind
 * merged into one node. Nodes, values and text come from a bump allocator (bti_html_mem); the
 * names are the parser's dictionary strings, which the document keeps a reference to. The
 * walks only read the tree: no node is ever unlinked or freed alone, so the memory is released
 * all at once with the document (bti_html_build_free). */
#include "extract/html_internal.h"

#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <stdlib.h>
#include <string.h>

/* The first block's size; each next one doubles, up to BUILD_BLOCK_MAX (a request larger
 * than that gets a block of its own). */
#define BUILD_BLOCK_MIN (32u * 1024u)
#define BUILD_BLOCK_MAX (1024u * 1024u)

typedef struct block {
    struct block *next;
    size_t cap, used;
    _Alignas(max_align_t) unsigned char data[];
} block;

struct bti_html_mem {
    block *blocks;     /* the newest first */
    size_t next_cap;   /* the size of the next block */
    char *side;                /* owned: attribute values the pre-pass took out of the tags */
    bti_html_moved *moved;     /* owned: which tag and attribute each is of, in tag order */
    size_t n_moved, next_moved; /* how many; the first not yet given to an element */
    int lost;                   /* some were given to none */
    int failed;        /* out of memory: the parse was stopped */
    xmlNode *text;     /* the text node last written, */
    size_t text_len;   /* its length */
    size_t text_cap;   /* and the bytes its buffer holds (0: not growable in place) */
};

static void *mem_alloc(bti_html_mem *m, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    block *b = m->blocks;
    if (!b || b->cap - b->used < n) {
        size_t cap = m->next_cap;
        if (cap < n)
            cap = n;
        b = malloc(sizeof *b + cap);
        if (!b) {
            m->failed = 1;
            return NULL;
        }
        b->cap = cap;
        b->used = 0;
        b->next = m->blocks;
        m->blocks = b;
        if (m->next_cap < BUILD_BLOCK_MAX)
            m->next_cap *= 2;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

static char *mem_strndup(bti_html_mem *m, const char *s, size_t n)
{
    char *c = mem_alloc(m, n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = '\0';
    }
    return c;
}

bti_html_mem *bti_html_mem_new(void)
{
    bti_html_mem *m = calloc(1, sizeof *m);
    if (m)
        m->next_cap = BUILD_BLOCK_MIN;
    return m;
}

void bti_html_mem_free(bti_html_mem *m)
{
    if (!m)
        return;
    for (block *b = m->blocks, *nx; b; b = nx) {
        nx = b->next;
        free(b);
    }
    free(m->side);
    free(m->moved);
    free(m);
}

void bti_html_mem_values(bti_html_mem *m, char *side, bti_html_moved *moved, size_t n)
{
    m->side = side;
    m->moved = moved;
    m->n_moved = n;
    m->next_moved = 0;
}

static bti_html_mem *mem_of(void *ctx)
{
    return ((xmlParserCtxtPtr)ctx)->_private;
}

/* Out of memory: stop the parser; bti_html_build_done reports it. */
static void *failed(xmlParserCtxtPtr ctxt)
{
    xmlStopParser(ctxt);
    return NULL;
}

static xmlNode *new_node(xmlParserCtxtPtr ctxt, xmlElementType type, const xmlChar *name)
{
    xmlNode *n = mem_alloc(mem_of(ctxt), sizeof *n);
    if (!n)
        return failed(ctxt);
    memset(n, 0, sizeof *n);
    n->type = type;
    n->name = name;
    n->doc = ctxt->myDoc;
    if (ctxt->linenumbers && ctxt->input)
        n->line = ctxt->input->line < USHRT_MAX ? (unsigned short)ctxt->input->line : USHRT_MAX;
    return n;
}

/* Appends n as the last child of parent (xmlAddChild for a node that is not text). */
static void append_child(xmlNode *parent, xmlNode *n)
{
    n->parent = parent;
    if (!parent->children) {
        parent->children = parent->last = n;
    } else {
        n->prev = parent->last;
        parent->last->next = n;
        parent->last = n;
    }
}

/* Appends n after the last sibling of s (xmlAddSibling for a node that is not text). */
static void append_sibling(xmlNode *s, xmlNode *n)
{
    xmlNode *p = s->parent;
    if (p && p->children && p->last && !p->last->next)
        s = p->last;
    else
        while (s->next)
            s = s->next;
    n->prev = s;
    n->next = NULL;
    n->parent = p;
    s->next = n;
    if (p)
        p->last = n;
}

/* Where xmlSAX2Comment and xmlSAX2ProcessingInstruction put a node: under the open element,
 * else at the document's top level. */
static void link_misc(xmlParserCtxtPtr ctxt, xmlNode *n)
{
    xmlNode *parent = ctxt->node;
    if (!parent)
        append_child((xmlNode *)ctxt->myDoc, n);
    else if (parent->type == XML_ELEMENT_NODE)
        append_child(parent, n);
    else
        append_sibling(parent, n);
}

/* The element's name as xmlSplitQName leaves it: past the first ':' when one is inside. */
static const xmlChar *local_name(xmlParserCtxtPtr ctxt, const xmlChar *full)
{
    const xmlChar *colon = (const xmlChar *)strchr((const char *)full, ':');
    if (!colon || colon == full || !colon[1])
        return full;
    const xmlChar *l = xmlDictLookup(ctxt->dict, colon + 1, -1);
    return l ? l : full;
}

/* The values the pre-pass moved out of the start tag libxml2 reports now (*n of them): it
 * reports an element with the tag's '>' (or "/>") next in its input, and the pre-pass keyed
 * them by the offset of that '>'. */
static const bti_html_moved *moved_of(xmlParserCtxtPtr ctxt, size_t *n)
{
    bti_html_mem *m = mem_of(ctxt);
    xmlParserInputPtr in = ctxt->input;
    size_t at = (size_t)in->consumed + (size_t)(in->cur - in->base) + (*in->cur == '/');
    if (m->next_moved < m->n_moved && m->moved[m->next_moved].at < at) {
        m->lost = 1; /* a tag with values that libxml2 read otherwise than the pre-pass */
        while (m->next_moved < m->n_moved && m->moved[m->next_moved].at < at)
            m->next_moved++;
    }
    size_t first = m->next_moved;
    while (m->next_moved < m->n_moved && m->moved[m->next_moved].at == at)
        m->next_moved++;
    *n = m->next_moved - first;
    return m->moved + first;
}

static void start_element(void *ctx, const xmlChar *fullname, const xmlChar **atts)
{
    xmlParserCtxtPtr ctxt = ctx;
    bti_html_mem *m = mem_of(ctx);
    if (!fullname || !ctxt->myDoc)
        return;
    xmlNode *parent = ctxt->node;
    xmlNode *n = new_node(ctxt, XML_ELEMENT_NODE, local_name(ctxt, fullname));
    if (!n)
        return;
    xmlDoc *doc = ctxt->myDoc;
    if (!doc->children)
        append_child((xmlNode *)doc, n);
    else if (!parent)
        parent = doc->children;
    if (nodePush(ctxt, n) < 0) {
        failed(ctxt);
        return;
    }
    if (parent) {
        if (parent->type == XML_ELEMENT_NODE)
            append_child(parent, n);
        else
            append_sibling(parent, n);
    }
    if (!atts)
        return;
    const bti_html_moved *moved = NULL;
    size_t n_moved = 0;
    if (m->next_moved < m->n_moved) {
        size_t i = 0;
        while (atts[i] && atts[i + 1] && atts[i + 1][0])
            i += 2;
        if (atts[i]) /* a name without a value: the pre-pass may have moved it */
            moved = moved_of(ctxt, &n_moved);
    }
    xmlAttr *lastattr = NULL;
    for (size_t i = 0; atts[i]; i += 2) {
        const xmlChar *name = atts[i], *value = atts[i + 1];
        const char *v = NULL;
        for (size_t k = 0; (!value || !value[0]) && !v && k < n_moved; k++)
            if (strcmp(moved[k].name, (const char *)name) == 0) /* the first, as libxml2 keeps */
                v = moved[k].value;
        if (!value && !v && htmlIsBooleanAttr(name))
            value = name;
        xmlAttr *a = mem_alloc(m, sizeof *a);
        if (!a) {
            failed(ctxt);
            return;
        }
        memset(a, 0, sizeof *a);
        a->type = XML_ATTRIBUTE_NODE;
        a->name = name;
        a->parent = n;
        a->doc = doc;
        if (value || v) {
            xmlNode *t = new_node(ctxt, XML_TEXT_NODE, xmlStringText);
            if (!t)
                return;
            t->line = 0;
            if (!v && !(v = mem_strndup(m, (const char *)value, strlen((const char *)value)))) {
                failed(ctxt);
                return;
            }
            t->content = (xmlChar *)v;
            t->parent = (xmlNode *)a;
            a->children = a->last = t;
        }
        if (lastattr) {
            lastattr->next = a;
            a->prev = lastattr;
        } else {
            n->properties = a;
        }
        lastattr = a;
    }
}

static void end_element(void *ctx, const xmlChar *name)
{
    (void)name;
    nodePop(ctx);
}

/* xmlSAX2Text: text of a kind after text of the same kind joins it; else a new node. */
static void add_text(xmlParserCtxtPtr ctxt, const xmlChar *ch, int len, xmlElementType type)
{
    bti_html_mem *m = mem_of(ctxt);
    xmlNode *parent = ctxt->node;
    if (!parent || len < 0)
        return;
    size_t n = (size_t)len;
    xmlNode *last = parent->last;
    if (last && last->type == type && (type != XML_TEXT_NODE || last->name == xmlStringText)) {
        if (last != m->text) { /* not the one written last: no room known */
            m->text = last;
            m->text_len = last->content ? strlen((const char *)last->content) : 0;
            m->text_cap = 0;
        }
        if (m->text_len + n + 1 > m->text_cap) {
            size_t cap = 2 * (m->text_len + n + 1);
            char *c = mem_alloc(m, cap);
            if (!c) {
                failed(ctxt);
                return;
            }
            memcpy(c, last->content ? (const char *)last->content : "", m->text_len);
            last->content = (xmlChar *)c;
            m->text_cap = cap;
        }
        memcpy(last->content + m->text_len, ch, n);
        m->text_len += n;
        last->content[m->text_len] = '\0';
        return;
    }
    xmlNode *t = new_node(ctxt, type, type == XML_TEXT_NODE ? xmlStringText : NULL);
    char *c = t ? mem_strndup(m, (const char *)ch, n) : NULL;
    if (!c) {
        failed(ctxt);
        return;
    }
    if (type != XML_TEXT_NODE)
        t->line = 0;
    t->content = (xmlChar *)c;
    append_child(parent, t);
    m->text = t;
    m->text_len = n;
    m->text_cap = n + 1;
}

static void characters(void *ctx, const xmlChar *ch, int len)
{
    add_text(ctx, ch, len, XML_TEXT_NODE);
}

static void cdata_block(void *ctx, const xmlChar *ch, int len)
{
    add_text(ctx, ch, len, XML_CDATA_SECTION_NODE);
}

static void comment(void *ctx, const xmlChar *value)
{
    xmlParserCtxtPtr ctxt = ctx;
    if (ctxt->inSubset) { /* a node of the DTD, freed with it */
        xmlSAX2Comment(ctx, value);
        return;
    }
    xmlNode *n = new_node(ctxt, XML_COMMENT_NODE, xmlStringComment);
    if (!n)
        return;
    if (value && !(n->content = (xmlChar *)mem_strndup(mem_of(ctx), (const char *)value,
                                                       strlen((const char *)value)))) {
        failed(ctxt);
        return;
    }
    link_misc(ctxt, n);
}

static void processing_instruction(void *ctx, const xmlChar *target, const xmlChar *data)
{
    xmlParserCtxtPtr ctxt = ctx;
    bti_html_mem *m = mem_of(ctx);
    if (ctxt->inSubset) {
        xmlSAX2ProcessingInstruction(ctx, target, data);
        return;
    }
    if (!target)
        return;
    const xmlChar *name = xmlDictLookup(ctxt->dict, target, -1);
    xmlNode *n = name ? new_node(ctxt, XML_PI_NODE, name) : failed(ctxt);
    if (!n)
        return;
    if (data && !(n->content = (xmlChar *)mem_strndup(m, (const char *)data,
                                                      strlen((const char *)data)))) {
        failed(ctxt);
        return;
    }
    link_misc(ctxt, n);
}

void bti_html_build_attach(htmlParserCtxtPtr ctxt, bti_html_mem *m)
{
    ctxt->_private = m;
    ctxt->sax->startElement = start_element;
    ctxt->sax->endElement = end_element;
    ctxt->sax->characters = characters;
    ctxt->sax->cdataBlock = cdata_block;
    ctxt->sax->comment = comment;
    ctxt->sax->processingInstruction = processing_instruction;
}

int bti_html_build_failed(const bti_html_mem *m)
{
    return m->failed;
}

int bti_html_build_lost(const bti_html_mem *m)
{
    return m->lost || m->next_moved < m->n_moved;
}

void bti_html_build_free(xmlDocPtr doc)
{
    if (!doc)
        return;
    bti_html_mem *m = doc->_private;
    doc->_private = NULL;
    /* the top level holds the DTD (libxml2's: xmlFreeDoc frees it) and this builder's nodes */
    xmlNode *keep = NULL, *tail = NULL;
    for (xmlNode *c = doc->children; c; c = c->next) {
        if (c->type != XML_DTD_NODE)
            continue;
        if (tail)
            tail->next = c;
        else
            keep = c;
        c->prev = tail;
        tail = c;
    }
    if (tail)
        tail->next = NULL;
    doc->children = keep;
    doc->last = tail;
    xmlFreeDoc(doc);
    bti_html_mem_free(m);
}

const char *bti_html_attr_value(const xmlAttr *a)
{
    if (!a->children || a->children->type != XML_TEXT_NODE || !a->children->content)
        return "";
    return (const char *)a->children->content;
}
