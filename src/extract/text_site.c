/* text_site.c: the site model: blocks that recur across the pages of a batch are the site's
 * furniture (menus, footers, "most read" lists). Counting block keys over pages is what makes
 * a batch robust on a site no rule has seen. */
#include "bantin/text.h"
#include "extract/text_internal.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct slot {
    uint64_t key; /* 0 = empty */
    uint32_t count;
} slot;

struct bt_site_model {
    slot *t;
    size_t cap, used;
    size_t pages;
    uint64_t *sigs; /* one signature per page learnt, so that a page given twice counts once */
    size_t nsigs, capsigs;
};

bt_site_model *bt_site_model_new(void)
{
    return calloc(1, sizeof(bt_site_model));
}

void bt_site_model_free(bt_site_model *m)
{
    if (!m)
        return;
    free(m->t);
    free(m->sigs);
    free(m);
}

size_t bt_site_model_pages(const bt_site_model *m)
{
    return m ? m->pages : 0;
}

static slot *find_slot(slot *t, size_t cap, uint64_t key)
{
    size_t i = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 17) & (cap - 1);
    while (t[i].key && t[i].key != key)
        i = (i + 1) & (cap - 1);
    return &t[i];
}

static int grow(bt_site_model *m)
{
    size_t nc = m->cap ? m->cap * 2 : 1024;
    slot *nt = calloc(nc, sizeof *nt);
    if (!nt)
        return BT_ENOMEM;
    for (size_t i = 0; i < m->cap; i++)
        if (m->t[i].key)
            *find_slot(nt, nc, m->t[i].key) = m->t[i];
    free(m->t);
    m->t = nt;
    m->cap = nc;
    return 0;
}

static int add_key(bt_site_model *m, uint64_t key, uint32_t count)
{
    if (!key)
        key = 1;
    if ((m->used + 1) * 2 > m->cap && grow(m))
        return BT_ENOMEM;
    slot *s = find_slot(m->t, m->cap, key);
    if (!s->key) {
        s->key = key;
        m->used++;
    }
    s->count += count;
    return 0;
}

int tx_site_is_boilerplate(const bt_site_model *m, uint64_t key)
{
    if (!m || !m->cap || m->pages < 2)
        return 0;
    if (!key)
        key = 1;
    const slot *s = find_slot(m->t, m->cap, key);
    /* in two pages at least, and in a quarter of them: a line two unrelated pages of a big
     * mixed batch happen to share is not furniture */
    return s->key && s->count >= 2 && (size_t)s->count * 4 >= m->pages;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int bt_site_model_learn(bt_site_model *m, const bt_capture *cap, bt_error *err)
{
    const char *origin = cap->origin ? cap->origin : "-";
    bt_kind kind = cap->kind != BT_KIND_UNKNOWN ? cap->kind : bt_sniff_kind(cap->data, cap->len);
    if (kind == BT_KIND_HTML)
        return 0;
    if (memchr(cap->data, '\0', cap->len)) {
        bt_charset cs = bt_charset_detect(cap->data, cap->len);
        if (cs != BT_CS_UTF16LE && cs != BT_CS_UTF16BE)
            return bt_error_set(err, BT_EPARSE, "%s: binary data, not a text capture", origin);
    }
    char *text = NULL;
    size_t tlen = 0;
    bt_error derr;
    int rc = bti_text_decode(cap, &text, &tlen, &derr);
    if (rc)
        return bt_error_set(err, rc, "%s: %s", origin, derr.msg);
    tx_doc d;
    rc = tx_doc_build(&d, text, tlen);
    free(text);
    if (rc)
        return bt_error_set(err, rc, "%s: out of memory", origin);
    uint64_t *keys = malloc((d.n ? d.n : 1) * sizeof *keys);
    if (!keys) {
        tx_doc_free(&d);
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", origin);
    }
    /* the page's signature: its longest block (the article's longest paragraph) */
    size_t longest = 0;
    uint64_t sig = 0;
    size_t nk = 0;
    for (size_t i = 0; i < d.n; i++) {
        if (d.b[i].len > longest)
            longest = d.b[i].len, sig = d.b[i].key;
        keys[nk++] = d.b[i].key;
    }
    tx_doc_free(&d);
    for (size_t i = 0; i < m->nsigs; i++)
        if (m->sigs[i] == sig) {
            free(keys);
            return 0;
        }
    if (m->nsigs == m->capsigs) {
        size_t nc = m->capsigs ? m->capsigs * 2 : 64;
        uint64_t *ns = realloc(m->sigs, nc * sizeof *ns);
        if (!ns) {
            free(keys);
            return bt_error_set(err, BT_ENOMEM, "%s: out of memory", origin);
        }
        m->sigs = ns;
        m->capsigs = nc;
    }
    m->sigs[m->nsigs++] = sig;
    qsort(keys, nk, sizeof *keys, cmp_u64);
    rc = 0;
    for (size_t i = 0; i < nk && !rc; i++)
        if (i == 0 || keys[i] != keys[i - 1])
            rc = add_key(m, keys[i], 1);
    free(keys);
    if (rc)
        return bt_error_set(err, rc, "%s: out of memory", origin);
    m->pages++;
    return 0;
}

int bt_site_model_save(const bt_site_model *m, const char *path, bt_error *err)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return bt_error_set(err, BT_EIO, "%s: %s", path, strerror(errno));
    fprintf(f, "bantin-site-model 1\npages %zu\n", m->pages);
    for (size_t i = 0; i < m->cap; i++)
        if (m->t[i].key && m->t[i].count >= 2)
            fprintf(f, "%016" PRIx64 " %" PRIu32 "\n", m->t[i].key, m->t[i].count);
    int bad = ferror(f);
    if (fclose(f) || bad)
        return bt_error_set(err, BT_EIO, "%s: cannot write the site model", path);
    return 0;
}

int bt_site_model_load(const char *path, bt_site_model **out, bt_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "r");
    if (!f)
        return bt_error_set(err, BT_EIO, "%s: %s", path, strerror(errno));
    bt_site_model *m = bt_site_model_new();
    char line[128];
    int rc = 0;
    size_t lineno = 0;
    if (!m) {
        fclose(f);
        return bt_error_set(err, BT_ENOMEM, "%s: out of memory", path);
    }
    while (!rc && fgets(line, sizeof line, f)) {
        lineno++;
        if (lineno == 1) {
            if (strcmp(line, "bantin-site-model 1\n"))
                rc = bt_error_set(err, BT_EPARSE, "%s: line 1: not a bantin site model", path);
            continue;
        }
        if (lineno == 2) {
            if (sscanf(line, "pages %zu", &m->pages) != 1)
                rc = bt_error_set(err, BT_EPARSE, "%s: line 2: expected 'pages N'", path);
            continue;
        }
        uint64_t key;
        uint32_t count;
        if (sscanf(line, "%" SCNx64 " %" SCNu32, &key, &count) != 2 || !count)
            rc = bt_error_set(err, BT_EPARSE, "%s: line %zu: expected 'hash count'", path, lineno);
        else if (add_key(m, key, count))
            rc = bt_error_set(err, BT_ENOMEM, "%s: out of memory", path);
    }
    if (!rc && lineno < 2)
        rc = bt_error_set(err, BT_EPARSE, "%s: empty site model", path);
    fclose(f);
    if (rc) {
        bt_site_model_free(m);
        return rc;
    }
    *out = m;
    return 0;
}
