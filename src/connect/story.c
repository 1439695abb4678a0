/* story.c: online story clustering: stories as sparse TF-IDF centroids, an inverted index
 * from centroid terms to recent stories for the candidates, a single pass that puts each
 * document in its most similar story or a new one, and periodic merges of stories that have
 * converged (a single pass splits a story whose first reports used different words; once
 * both halves have grown their centroids meet).
 *
 * A second score, beside the centroid's, comes from a term index of the recent documents:
 * the mean cosine of the document with the story's nearest members (a story of many
 * headlines has a diluted centroid that a headline close to a few of them does not match).
 * Similarity decays with the time since the story's last document.
 *
 * Index upkeep is lazy: a story is pushed on a term's list when the term enters its centroid
 * and is dropped from the list by the next walk that finds it merged, out of the window, or
 * without the term any more. So a walk costs the live entries plus each dead one once. */
#include "connect/story_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DAY 86400.0
/* Reprints (doc->copy_of): a near-duplicate printed within COPY_DAYS of its original always
 * joins the original's story, whatever its words (a headline rewritten, a lede swapped), as a
 * silent member: it is listed (the timeline's "+N copies", the story's size and date span)
 * and shapes nothing. Its vector is not made (its words are not counted in the IDF: a
 * headline printed by ten outlets is not ten times as common), it is not added to the
 * centroid nor to the neighbour index, and the story's activity dates (window, decay,
 * merges: story.first/last) stay those of its own reports. On the Google News week (through
 * the store, hashed order) this gave 0.750 -> 0.754 BCubed F1 against joining at half the
 * threshold as an ordinary member.
 * A copy printed later is judged on its words like any article: on the week, whose gold cuts
 * stories by the day, all 2,797 near-duplicate pairs a day or more apart are in different
 * stories, and joining them, even silently, fell to 0.696 (before, as ordinary members that
 * kept stories alive for days, the week's BCubed precision fell from 0.74 to 0.52). */
#define COPY_DAYS 1.0

/* Follow-up evidence: a document sharing at least EVIDENCE_TERMS terms with a story's
 * centroid has its decay stopped at EVIDENCE_FLOOR instead of cfg->decay_floor. The decay is
 * there because a quiet story's words come back in the next day's different event; but an
 * article whose title and lede share this many terms with the story is its follow-up, a day
 * or three later as the same day (a cross-outlet story in Vietnamese runs for days; the
 * follow-ups of test_multi_day_story have a cosine of 0.3-0.35 with their story, which the
 * quarter floor turns into 0.08). A headline (under 15 terms) shares fewer: on the Google
 * News week, whose gold cuts stories by the day, 12 and 14 terms measured as no rule at all,
 * 10 cost 0.014 of BCubed F1 and 8 (with a floor of 1/2) 0.042. */
#define EVIDENCE_TERMS 12u
#define EVIDENCE_FLOOR 0.75



static int grow32(void **p, uint32_t *cap, uint32_t need, size_t elem)
{
    size_t c = *cap;
    int rc = bti_array_grow(p, &c, need, elem);
    *cap = (uint32_t)c;
    return rc;
}

/* POSTINGS_SMALL: a term's lists (the stories under it, the recent documents under it) start
 * with room for LIST_FIRST entries and double, where bti_array_grow starts at 64: most terms
 * are rare. On 3,000 VietNews articles 7,640 story lists held 24,000 entries in room for
 * 490,000 (5.9 MB) and 9,619 document lists 95,000 in room for 668,000 (5.3 MB): the first
 * touches of that memory were ~1,100 of the catch-up's 5,500 page faults, and the mallocs
 * that handed it out ~20 of its ~400 perf samples. Only the room changes, never the lists. */
#define LIST_FIRST 4u

static int list_grow(void **p, uint32_t *cap, uint32_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : LIST_FIRST;
    while (c < need)
        c *= 2;
    if (c > UINT32_MAX || c > SIZE_MAX / elem)
        return BT_ENOMEM;
    void *q = realloc(*p, c * elem);
    if (!q)
        return BT_ENOMEM;
    *p = q;
    *cap = (uint32_t)c;
    return 0;
}

/* One configuration for every language and set: each value was chosen on the two English
 * development sets together (bench/README.md, "connect: stories", has the measurements),
 * never per set, and where the sets disagreed the value in between was kept. */
void bti_story_config_default(bti_story_config *cfg)
{
    /* the default: a story takes documents up to a week after its last one */
    cfg->window_days = 7.0;
    /* cosine of a document's TF-IDF vector with a story's centroid: the week's BCubed F1 is
     * flat from 0.20 to 0.25 and falls below (topics chain), TS's falls above 0.20 */
    cfg->threshold = 0.20;
    /* two centroids are closer than a headline to a centroid when the stories are one (both
     * are averages); 0.22 chains distinct stories on the week (BCubed F1 0.753 -> 0.660).
     * Over 7 orders of arrival (the file's, the store's, 5 shuffles) 0.27-0.29 keep TS's
     * neighbouring topics apart (mean BCubed F1 0.898 at 0.25, 0.904-0.905, 0.895 at 0.32)
     * with the week flat (0.752-0.754) */
    cfg->merge_threshold = 0.28;
    /* about an hour of a large portal's output; the passes cost little (only the stories
     * changed since the last pass are looked at) */
    cfg->merge_every = 1000;
    /* a story that has been quiet half a day needs twice the similarity: news of a live
     * story comes within hours, and an old story told again is usually a new development
     * (the Google News gold cuts its stories by the day); floored at a quarter so that a
     * document much like the story (cosine >= 0.8) still joins it in the window, and a
     * follow-up with the words to show it (EVIDENCE_TERMS) at three quarters */
    cfg->decay_days = 0.5;
    cfg->decay_floor = 0.25;
    /* the decay already stops drifting stories; fading the centroid measured no better */
    cfg->fade_days = 0.0;
    /* a story's vocabulary: its names and words without the long tail (64 lost 0.006
     * BCubed F1 on the short texts) */
    cfg->centroid_terms = 100;
    /* a headline has under 15 terms; a lede's many are cut to the heaviest (48 measured
     * the same on the short texts) */
    cfg->doc_terms = 32;
    /* names tell stories apart, but a story is more than its names: 2 and more let one
     * celebrity's different stories fall together */
    cfg->name_boost = 1.5;
    /* Vietnamese: the syllable pair is the word, a lone syllable half of one */
    cfg->pair_weight = 1.0;
    cfg->syllable_weight = 0.5;
    /* English words are whole already: pairs (0.5, 1) measured no better on either set */
    cfg->en_pair_weight = 0.0;
    /* the headline says what the story is, the lede adds words of its own */
    cfg->text_weight = 0.5;
    cfg->text_tokens = 60;
    /* the members a headline is nearest count nearly as much as the centre; 0.9 and more
     * chains look-alike stories (two TV premieres) on the week */
    cfg->knn = 0.8;
    /* 0.3: the week's BCubed precision +0.01 at the same recall; 0.5 no better */
    cfg->one_term_discount = 0.3;
    /* lone documents re-judged at 0.16: TS recall +0.03 (172 documents were left alone)
     * for the week's precision -0.02; 0.5 costs the week 0.05 of precision */
    cfg->adopt_factor = 0.8;
}

int bti_story_set_new(const bti_story_config *cfg, bti_story_set **out, bt_error *err)
{
    if (!out)
        return bt_error_set(err, BT_EINVAL, "story set: no output");
    *out = NULL;
    bti_story_set *s = calloc(1, sizeof *s);
    if (!s)
        return bt_error_set(err, BT_ENOMEM, "story set: out of memory");
    if (cfg)
        s->cfg = *cfg;
    else
        bti_story_config_default(&s->cfg);
    if (s->cfg.centroid_terms == 0 || s->cfg.doc_terms == 0 || !(s->cfg.window_days > 0) ||
        s->cfg.threshold < 0 || s->cfg.decay_days < 0 || s->cfg.fade_days < 0 ||
        s->cfg.decay_floor < 0 || s->cfg.decay_floor > 1 || s->cfg.knn < 0 ||
        s->cfg.one_term_discount < 0 || s->cfg.one_term_discount > 1 ||
        s->cfg.adopt_factor < 0) {
        free(s);
        return bt_error_set(err, BT_EINVAL, "story set: bad configuration");
    }
    *out = s;
    return 0;
}

void bti_story_set_free(bti_story_set *s)
{
    if (!s)
        return;
    bti_story_dict_free(&s->dict);
    bti_story_scratch_free(&s->scratch);
    bti_svec_free(&s->vec);
    free(s->wids);
    for (uint32_t i = 0; i < s->nst; i++) {
        bti_svec_free(&s->st[i].c);
        free(s->st[i].mem);
    }
    free(s->st);
    free(s->docs);
    free(s->vid);
    free(s->vw);
    free(s->titles);
    for (uint32_t i = 0; i < s->nidx; i++)
        free(s->idx[i].s);
    free(s->idx);
    for (uint32_t i = 0; i < s->ndidx; i++)
        free(s->didx[i].p);
    free(s->didx);
    free(s->dacc);
    free(s->dacc_stamp);
    free(s->dtouched);
    free(s->knear);
    free(s->sw);
    free(s->touched);
    free(s);
}

/* ---- centroids and the index ------------------------------------------------------------- */

/* The weight of term `t` in sorted vector v, or 0 when absent. SEARCH_BRANCHLESS: the
 * halving step is a conditional move, not a branch (a walk asks this of every entry whose
 * story's centroid changed since the entry was read: ~150,000 times on 3,000 articles, each
 * step's branch a coin toss); the same entry is found. */
static float svec_get(const bti_svec *v, uint32_t t, int *found)
{
    uint32_t n = v->n;
    if (n == 0) {
        *found = 0;
        return 0.0f;
    }
    const uint32_t *base = v->id;
    while (n > 1) {
        uint32_t half = n / 2;
        base = base[half] <= t ? base + half : base;
        n -= half;
    }
    *found = *base == t;
    return *found ? v->w[base - v->id] : 0.0f;
}

/* TABLE_CALLOC: the term tables (term id -> its list of stories, of recent documents) grow
 * by doubling past the largest term id, so up to half of a table lies above every id yet
 * handed out. Grown by realloc and memset, all of it was written at once (on 3,000 VietNews
 * articles 65,536 entries for 34,934 terms: ~590 page faults); a new zeroed table (calloc:
 * the system's zero pages, touched only where a term is written) and a copy of the old part
 * leave the part above the ids untouched. The tables' contents are the same. */
static void *table_grow(void *old, uint32_t n, uint32_t want, size_t elem)
{
    void *p = calloc(want, elem);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, old, (size_t)n * elem);
    free(old);
    return p;
}

static int idx_push(bti_story_set *s, uint32_t term, uint32_t story_id)
{
    if (term >= s->nidx) {
        uint32_t n = s->nidx ? s->nidx : 1024;
        while (n <= term)
            n *= 2;
        plist *p = table_grow(s->idx, s->nidx, n, sizeof *p);
        if (!p)
            return BT_ENOMEM;
        s->idx = p;
        s->nidx = n;
    }
    plist *l = &s->idx[term];
    if (list_grow((void **)&l->s, &l->cap, l->n + 1, sizeof *l->s))
        return BT_ENOMEM;
    if (term >= s->idx_top)
        s->idx_top = term + 1;
    l->s[l->n++] = (spost){story_id, 0, 0.0f};
    return 0;
}

typedef struct wid {
    uint32_t id;
    float w;
    uint32_t is_new; /* not in the centroid before: goes on the index if it stays */
} wid;

/* c = c * scale + v, truncated to its top centroid_terms terms; terms that enter c go on
 * the index under story `sid`. */
static int centroid_add(bti_story_set *s, uint32_t sid, double scale, const uint32_t *vid,
                        const float *vw, uint32_t vn)
{
    bti_svec *c = &s->st[sid].c;
    /* the merged terms, then room for a copy of their weights to select the cut in */
    size_t most = (size_t)c->n + vn;
    if (bti_array_grow((void **)&s->wids, &s->capwids, most * sizeof(wid) +
                       most * sizeof(bti_story_tw), 1))
        return BT_ENOMEM;
    wid *t = s->wids;
    uint32_t i = 0, j = 0, n = 0;
    while (i < c->n || j < vn) {
        if (j >= vn || (i < c->n && c->id[i] < vid[j]))
            t[n++] = (wid){c->id[i], (float)(c->w[i] * scale), 0}, i++;
        else if (i >= c->n || vid[j] < c->id[i])
            t[n++] = (wid){vid[j], vw[j], 1}, j++;
        else
            t[n++] = (wid){c->id[i], (float)(c->w[i] * scale) + vw[j], 0}, i++, j++;
    }
    if (n > s->cfg.centroid_terms) {
        /* the heaviest centroid_terms, kept in id order: those not after the one of that
         * rank (bti_story_kth's order) */
        bti_story_tw *keys = (bti_story_tw *)(t + most);
        for (uint32_t k = 0; k < n; k++)
            keys[k] = (bti_story_tw){t[k].id, t[k].w};
        bti_story_tw cut = bti_story_kth(keys, n, s->cfg.centroid_terms - 1);
        uint32_t kept = 0;
        for (uint32_t k = 0; k < n; k++)
            if (!bti_story_tw_before(cut, (bti_story_tw){t[k].id, t[k].w}))
                t[kept++] = t[k];
        n = kept;
    }
    if (bti_svec_reserve(c, n))
        return BT_ENOMEM;
    for (uint32_t k = 0; k < n; k++)
        if (t[k].is_new && idx_push(s, t[k].id, sid))
            return BT_ENOMEM;
    double norm = 0;
    for (uint32_t k = 0; k < n; k++) {
        c->id[k] = t[k].id;
        c->w[k] = t[k].w;
        norm += (double)t[k].w * t[k].w;
    }
    c->n = n;
    s->st[sid].norm = sqrt(norm);
    if (++s->sw[sid].cver == 0) /* the index's weights of this story are stale */
        s->sw[sid].cver = 1;
    return 0;
}

/* 1 when story `st` (its walk record) can still take a document dated `date`. */
static int in_window(const bti_story_set *s, const story_walk *st, int64_t date)
{
    double w = s->cfg.window_days * DAY;
    return (double)(date - st->last) <= w && (double)(st->first - date) <= w;
}

/* touch_story for a story not stamped this round. */
static int touch_story_new(bti_story_set *s, uint32_t sid, int64_t date)
{
    story_walk *r = &s->sw[sid];
    if (!in_window(s, r, date))
        return 0;
    r->acc_stamp = s->stamp;
    r->acc = 0;
    r->accmax = 0;
    r->nknn = 0;
    r->nshare = 0;
    s->touched[s->ntouched++] = sid;
    return 1;
}

/* Puts story sid on this round's list of touched stories, its sums zeroed, the first time
 * it is met; 0 when it is out of the window of `date` (then it is not put). TOUCH_INLINE: a
 * story met under an earlier term of this walk is stamped already (in the window,
 * WINDOW_ONCE): the stamp is compared inline, not in a call a posting (on 3,000 articles
 * 2.35 M calls, two in three for a stamped story). */
static inline int touch_story(bti_story_set *s, uint32_t sid, int64_t date)
{
    return s->sw[sid].acc_stamp == s->stamp || touch_story_new(s, sid, date);
}

/* Walks the index lists of vector (ids, ws, n) and leaves in s->touched the live stories
 * within the window of `date` sharing a term, with their dot products in their walk records (acc). Drops
 * dead entries on the way. WALK_LOCALS: the set's arrays, stamps and date are read into
 * locals once a walk: the loop's stores through uint32_t and float pointers may alias the
 * set's own fields as far as the compiler knows, so it read each of them again for every
 * posting. The same loads and stores of the lists and sums, in the same order. */
/* WALK_AHEAD: the walks ask for the memory of the terms ahead before they need it. A walk's
 * time went mostly to waiting at the start of each term's list: the term's table entry
 * (a place in a table of ~1 MB), then the list it points to (a block of its own): two misses
 * one after the other, ~140,000 lists a catch-up of 3,000 articles for ~2.4 M postings (perf
 * put a quarter of `walk`'s samples on those two loads). So the walk prefetches the table
 * entry WALK_AHEAD terms on and the first postings of the next term (the neighbour walk also
 * the date of the window's first document, HEAD_DOC); prefetches change no value. With
 * STORY_WALK_LINE, the clustering's thread CPU in a catch-up of 3,000 articles (in-process
 * rebuilds, 40 a side) -18% to -27% (perf: `walk` -35%, `knn_walk` -15%). */
#define WALK_AHEAD 2u

static void walk(bti_story_set *s, const uint32_t *ids, const float *ws, uint32_t n,
                 int64_t date, uint32_t self)
{
    s->ntouched = 0;
    if (++s->stamp == 0) {
        for (uint32_t k = 0; k < s->nst; k++)
            s->sw[k].acc_stamp = s->sw[k].kround = 0;
        s->stamp = 1;
    }
    double w = s->cfg.window_days * DAY;
    const int64_t now = s->now;
    const uint32_t stamp = s->stamp, top = s->idx_top;
    story *const sts = s->st;
    story_walk *const sw = s->sw;
    plist *const idx = s->idx;
    uint32_t *const touched = s->touched;
    uint32_t ntouched = 0;
    for (uint32_t i = 0; i < n && i < WALK_AHEAD; i++)
        if (ids[i] < top)
            __builtin_prefetch(&idx[ids[i]]);
    for (uint32_t i = 0; i < n; i++) {
        const uint32_t term = ids[i];
        /* WALK_AHEAD: the table entry WALK_AHEAD terms on, the first postings of the next */
        if (i + WALK_AHEAD < n && ids[i + WALK_AHEAD] < top)
            __builtin_prefetch(&idx[ids[i + WALK_AHEAD]]);
        if (i + 1 < n && ids[i + 1] < top)
            __builtin_prefetch(idx[ids[i + 1]].s);
        if (term >= top) /* no list yet (IDX_TOP) */
            continue;
        plist *l = &idx[term];
        if (++s->seen_stamp == 0) {
            for (uint32_t k = 0; k < s->nst; k++)
                sw[k].seen = 0;
            s->seen_stamp = 1;
        }
        const uint32_t sstamp = s->seen_stamp;
        const float wi = ws[i];
        spost *const p = l->s;
        const uint32_t ln = l->n;
        uint32_t k = 0;
        for (uint32_t j = 0; j < ln; j++) {
            spost e = p[j];
            uint32_t sid = e.story;
            story_walk *const r = &sw[sid]; /* STORY_WALK_LINE */
            if (r->merged || r->seen == sstamp || (double)(now - r->last) > w)
                continue; /* dead or a repeat: dropped from the list */
            if (e.ver != r->cver) { /* the centroid changed since: read it there */
                int found;
                e.w = svec_get(&sts[sid].c, term, &found);
                if (!found)
                    continue;
                e.ver = r->cver;
                p[k] = e;
            } else if (k != j) { /* KEEP_IN_PLACE: an entry kept where it is is not rewritten */
                p[k] = e;
            }
            k++;
            float cw = e.w;
            r->seen = sstamp;
            if (sid == self)
                continue;
            /* TOUCH_BRANCHLESS: whether the story is met for the first time this walk is a
             * coin toss for the branch predictor; the window is asked of every story met
             * (touch_story_new's question, its answer used only for a new one) and the
             * sums are masked to the zeros touch_story_new would set, the story always put
             * after the touched ones and counted only when new (touched has room for one
             * more than the stories) */
            uint32_t fresh = r->acc_stamp != stamp;
            int inwin = ((double)(date - r->last) <= w) & ((double)(r->first - date) <= w);
            if (fresh & !inwin)
                continue;
            uint32_t keep = fresh ? 0 : UINT32_MAX, bits;
            float sum, most, part = wi * cw;
            memcpy(&bits, &r->acc, sizeof bits);
            bits &= keep;
            memcpy(&sum, &bits, sizeof sum);
            memcpy(&bits, &r->accmax, sizeof bits);
            bits &= keep;
            memcpy(&most, &bits, sizeof most);
            r->acc_stamp = stamp;
            r->nknn &= (unsigned char)keep;
            r->nshare = (uint16_t)((r->nshare & keep) + 1);
            touched[ntouched] = sid;
            ntouched += fresh;
            r->acc = sum + part;
            r->accmax = part > most ? part : most;
        }
        l->n = k;
    }
    s->ntouched = ntouched;
}

/* Similarity halves every decay_days of `gap` (seconds). */
static double decay_gap(const bti_story_set *s, int64_t gap)
{
    if (s->cfg.decay_days <= 0 || gap <= 0)
        return 1.0;
    double f = exp2(-(double)gap / (s->cfg.decay_days * DAY));
    return f > s->cfg.decay_floor ? f : s->cfg.decay_floor;
}

/* Similarity decays with the time since the story's last document, down to the floor, or
 * to EVIDENCE_FLOOR for a document sharing `shared` >= EVIDENCE_TERMS terms with it. */
static double decay(const bti_story_set *s, const story *st, int64_t date, uint32_t shared)
{
    double f = decay_gap(s, date - st->last);
    if (shared >= EVIDENCE_TERMS && f < EVIDENCE_FLOOR && s->cfg.decay_days > 0)
        f = EVIDENCE_FLOOR;
    return f;
}

/* The per-story walk arrays for `want` stories. */
static int walk_reserve(bti_story_set *s, uint32_t want)
{
    if (s->capwalk < want) {
        /* STORY_WALK_LINE: the records on cache lines (aligned_alloc: no aligned realloc) */
        story_walk *sw = aligned_alloc(64, (size_t)want * sizeof *sw);
        if (!sw)
            return BT_ENOMEM;
        if (s->capwalk)
            memcpy(sw, s->sw, (size_t)s->capwalk * sizeof *sw);
        memset(sw + s->capwalk, 0, (size_t)(want - s->capwalk) * sizeof *sw);
        free(s->sw);
        s->sw = sw;
        /* TOUCH_BRANCHLESS: one entry more */
        if (bti_array_resize((void **)&s->touched, (size_t)want + 1, sizeof *s->touched) ||
            bti_array_resize((void **)&s->knear, want, sizeof *s->knear))
            return BT_ENOMEM;
        s->capwalk = want;
    }
    return 0;
}

static int new_story(bti_story_set *s, int64_t date, uint32_t *out)
{
    if (grow32((void **)&s->st, &s->capst, s->nst + 1, sizeof *s->st) ||
        walk_reserve(s, s->capst)) /* the per-story walk arrays follow the story count */
        return BT_ENOMEM;
    story *st = &s->st[s->nst];
    memset(st, 0, sizeof *st);
    st->first = st->last = date;
    st->merged_into = BTI_STORY_NONE;
    story_walk *r = &s->sw[s->nst];
    memset(r, 0, sizeof *r);
    r->cver = 1;
    r->first = r->last = date;
    *out = s->nst++;
    return 0;
}

static int add_member(story *st, uint32_t doc)
{
    if (grow32((void **)&st->mem, &st->capmem, st->nmem + 1, sizeof *st->mem))
        return BT_ENOMEM;
    st->mem[st->nmem++] = doc;
    return 0;
}

static double fade(const bti_story_set *s, const story *st, int64_t date)
{
    if (s->cfg.fade_days <= 0 || date <= st->last)
        return 1.0;
    return exp2(-(double)(date - st->last) / (s->cfg.fade_days * DAY));
}

static uint32_t find(const bti_story_set *s, uint32_t id)
{
    while (s->st[id].merged_into != BTI_STORY_NONE)
        id = s->st[id].merged_into;
    return id;
}

/* doc_story for a document whose story was merged: its record and the chain of merges on
 * the way are pointed at the survivor, so that the next look-up is one step (path
 * compression). */
static uint32_t doc_story_merged(bti_story_set *s, uint32_t d)
{
    uint32_t id = s->docs[d].story;
    uint32_t root = find(s, id);
    while (s->st[id].merged_into != BTI_STORY_NONE) {
        uint32_t next = s->st[id].merged_into;
        s->st[id].merged_into = root;
        id = next;
    }
    s->docs[d].story = root;
    return root;
}

/* The story document `d` is in now: its own, without a call when that was not merged since
 * (most). */
static inline uint32_t doc_story(bti_story_set *s, uint32_t d)
{
    uint32_t id = s->docs[d].story;
    return s->st[id].merged_into == BTI_STORY_NONE ? id : doc_story_merged(s, d);
}

/* The neighbour walk's per-document arrays for c documents. */
static int knn_docs(bti_story_set *s, uint32_t c)
{
    if (bti_array_resize((void **)&s->dacc, c, sizeof *s->dacc) ||
        bti_array_resize((void **)&s->dacc_stamp, c, sizeof *s->dacc_stamp))
        return BT_ENOMEM;
    memset(s->dacc_stamp + s->capd, 0, (c - s->capd) * sizeof *s->dacc_stamp);
    if (bti_array_resize((void **)&s->dtouched, c, sizeof *s->dtouched))
        return BT_ENOMEM;
    s->capd = c;
    return 0;
}

/* Room for one more document in the neighbour walk's arrays and its vector in the lists. */
static int knn_reserve(bti_story_set *s, const bti_svec *v)
{
    uint32_t need = s->ndocs + 1;
    if (s->capd < need && knn_docs(s, s->capd ? s->capd * 2 : 1024))
        return BT_ENOMEM;
    for (uint32_t i = 0; i < v->n; i++) {
        uint32_t term = v->id[i];
        if (term >= s->ndidx) {
            uint32_t n = s->ndidx ? s->ndidx : 1024;
            while (n <= term)
                n *= 2;
            dlist *p = table_grow(s->didx, s->ndidx, n, sizeof *p);
            if (!p)
                return BT_ENOMEM;
            s->didx = p;
            s->ndidx = n;
        }
        dlist *l = &s->didx[term];
        if (l->start > 0 && l->start >= l->n / 2) { /* drop the expired half */
            memmove(l->p, l->p + l->start, (l->n - l->start) * sizeof *l->p);
            l->n -= l->start;
            l->start = 0;
        }
        if (list_grow((void **)&l->p, &l->cap, l->n + 1, sizeof *l->p))
            return BT_ENOMEM;
    }
    return 0;
}

/* Ranks document d's cosine (s->dacc) among the nearest members of its story sid, the story
 * put on the walk's list first when it is in the window of `date`. 0 when it is not. */
static int knn_rank(bti_story_set *s, uint32_t sid, uint32_t d, int64_t date)
{
    /* WINDOW_ONCE: a story stamped this round passed in_window for this date already
     * (walk and this loop stamp only after it): asked once a story, not once a
     * document (in_window's two conversions to double a document were ~3% of a
     * catch-up into 20,000 undated articles) */
    if (!touch_story(s, sid, date))
        return 0;
    /* keep the KNN largest, in descending order */
    s->knn_ranked++;
    float c = s->dacc[d];
    story_walk *r = &s->sw[sid];
    float *top = r->knn;
    unsigned n = r->nknn;
    if (n == KNN && c <= top[KNN - 1])
        return 1;
    unsigned at = n < KNN ? n++ : KNN - 1;
    while (at > 0 && top[at - 1] < c) {
        top[at] = top[at - 1];
        at--;
    }
    top[at] = c;
    r->nknn = (unsigned char)n;
    return 1;
}

/* The neighbour scores: for each story within the window of `date`, the mean cosine of the
 * document with its min(KNN, size) most similar members, from the recent documents sharing
 * a term. A story of many different headlines has a diluted centroid; a new headline close
 * to a few of its members still belongs to it. Adds the stories it finds to s->touched
 * (the acc of those not found by the centroid walk is 0). */
static void knn_walk(bti_story_set *s, const bti_svec *v, int64_t date)
{
    s->ndtouched = 0;
    if (++s->dstamp == 0) {
        memset(s->dacc_stamp, 0, s->capd * sizeof *s->dacc_stamp);
        s->dstamp = 1;
    }
    double w = s->cfg.window_days * DAY;
    /* WALK_LOCALS (walk) */
    const uint32_t dstamp = s->dstamp;
    uint32_t *const dacc_stamp = s->dacc_stamp, *const dtouched = s->dtouched;
    float *const dacc = s->dacc;
    uint32_t ndtouched = 0;
    const uint32_t vn = v->n, ndidx = s->ndidx;
    dlist *const didx = s->didx;
    for (uint32_t i = 0; i < vn && i < WALK_AHEAD; i++)
        if (v->id[i] < ndidx)
            __builtin_prefetch(&didx[v->id[i]]);
    for (uint32_t i = 0; i < vn; i++) {
        /* WALK_AHEAD (walk): the table entry, then the window's first document and the
         * newest postings of the next term */
        if (i + WALK_AHEAD < vn && v->id[i + WALK_AHEAD] < ndidx)
            __builtin_prefetch(&didx[v->id[i + WALK_AHEAD]]);
        if (i + 1 < vn && v->id[i + 1] < ndidx) {
            const dlist *nl = &didx[v->id[i + 1]];
            if (nl->start < nl->n) {
                __builtin_prefetch(&s->docs[nl->head].date);
                __builtin_prefetch(nl->p + (nl->n - nl->start > KNN_RECENT ? nl->n - KNN_RECENT
                                                                           : nl->start));
            }
        }
        if (v->id[i] >= ndidx)
            continue;
        dlist *l = &didx[v->id[i]];
        while (l->start < l->n && (double)(s->now - s->docs[l->head].date) > w) /* HEAD_DOC */
            if (++l->start < l->n)
                l->head = l->p[l->start].doc;
        const float wi = v->w[i];
        const dpost *const p = l->p;
        const uint32_t ln = l->n;
        uint32_t from = ln - l->start > KNN_RECENT ? ln - KNN_RECENT : l->start;
        /* KNN_BRANCHLESS: whether a document is met for the first time this walk is a coin
         * toss for the branch predictor (a third of the ~1,600 postings an article on 3,000
         * articles); the sum so far is masked to +0 instead (what it was set to before the
         * first product was added), the stamp always written, and the document always put
         * after the touched ones, the count moved only when it is new */
        for (uint32_t j = from; j < ln; j++) {
            uint32_t d = p[j].doc;
            uint32_t old = dacc_stamp[d] == dstamp ? UINT32_MAX : 0, bits;
            memcpy(&bits, &dacc[d], sizeof bits);
            bits &= old;
            float sum;
            memcpy(&sum, &bits, sizeof sum);
            dacc_stamp[d] = dstamp;
            dtouched[ndtouched] = d;
            ndtouched += ~old & 1u;
            dacc[d] = sum + wi * p[j].w;
        }
    }
    s->ndtouched = ndtouched;
    /* KNN_BOUND: a story's neighbour score is the mean of at most KNN cosines of its
     * members, so no more than its nearest member's; times cfg.knn, and decayed (a factor
     * of at most 1), it can lift the story to the threshold only when that member's cosine
     * is at least threshold / knn. A story none of whose members comes that near has a
     * score that cannot count: if it were the larger of the story's two, the story would be
     * below the threshold, where no story is chosen over one above it, and none at all when
     * no story is above. So the neighbours are ranked for the stories with such a member
     * only (the cosines below it are still ranked for those): the same choice, for a pass
     * that, on a collection of long articles, touched ~900 documents an article mostly
     * through common words and ranked each. The bound is taken a little low, for the
     * rounding of the mean. */
    int bounded = s->cfg.threshold > 0 && s->cfg.knn > 0 && !s->knn_all;
    float near = bounded ? (float)(s->cfg.threshold / s->cfg.knn * (1.0 - 1e-6)) : 0.0f;
    uint32_t nnear = 0;
    size_t near_members = 0;
    if (bounded) {
        for (uint32_t k = 0; k < ndtouched; k++) { /* WALK_LOCALS */
            uint32_t d = dtouched[k];
            if (dacc[d] < near)
                continue;
            uint32_t sid = doc_story(s, d);
            if (s->sw[sid].kround != s->stamp) {
                s->sw[sid].kround = s->stamp;
                s->knear[nnear++] = sid;
                near_members += s->st[sid].nmem;
            }
        }
        if (!nnear)
            return;
        /* KNN_BY_MEMBERS: when those stories have fewer members than there are touched
         * documents, their touched members are found through the stories' member lists
         * (a member was touched when its stamp is this walk's) instead of asking every
         * touched document its story: the same documents, ranked in another order, which
         * the ranking does not see (it keeps the KNN largest values) */
        if (near_members < s->ndtouched) {
            for (uint32_t k = 0; k < nnear; k++) {
                uint32_t sid = s->knear[k];
                const story *st = &s->st[sid];
                for (uint32_t m = 0; m < st->nmem; m++) {
                    uint32_t d = st->mem[m];
                    if (d < s->capd && s->dacc_stamp[d] == s->dstamp &&
                        !knn_rank(s, sid, d, date))
                        break; /* out of the window: so for every member */
                }
            }
            return;
        }
    }
    for (uint32_t k = 0; k < s->ndtouched; k++) {
        uint32_t d = s->dtouched[k];
        uint32_t sid = doc_story(s, d);
        if (bounded && s->sw[sid].kround != s->stamp)
            continue;
        knn_rank(s, sid, d, date);
    }
}

static double knn_score(const bti_story_set *s, uint32_t sid)
{
    const story_walk *r = &s->sw[sid];
    if (!r->nknn)
        return 0;
    const story *st = &s->st[sid];
    unsigned k = st->size < KNN ? st->size : KNN;
    double sum = 0;
    for (unsigned i = 0; i < r->nknn && i < k; i++)
        sum += r->knn[i];
    return sum / k;
}

/* Appends a document's title to the set's titles (room made by the caller) and points its
 * record at it. */
static void keep_title(bti_story_set *s, doc_rec *d, const char *title, size_t tlen)
{
    d->toff = (uint32_t)s->ntitles;
    if (tlen)
        memcpy(s->titles + s->ntitles, title, tlen);
    s->titles[s->ntitles + tlen] = 0;
    s->ntitles += tlen + 1;
}

/* A reprint of document copy_of - 1 (see the note on reprints at the top): a member of its
 * original's story that changes nothing else. */
static int add_copy(bti_story_set *s, const bti_story_doc *doc, int64_t date, uint32_t *out,
                    bt_error *err)
{
    size_t tlen = doc->title ? doc->title_len : 0;
    if (grow32((void **)&s->docs, &s->capdocs, s->ndocs + 1, sizeof *s->docs) ||
        bti_array_grow((void **)&s->titles, &s->captitles, s->ntitles + tlen + 1, 1))
        return bt_error_set(err, BT_ENOMEM, "story add: out of memory");
    uint32_t sid = doc_story(s, doc->copy_of - 1);
    if (add_member(&s->st[sid], s->ndocs))
        return bt_error_set(err, BT_ENOMEM, "story add: out of memory");
    doc_rec *d = &s->docs[s->ndocs];
    memset(d, 0, sizeof *d);
    d->story = d->joined = sid;
    d->date = date;
    d->voff = (uint32_t)s->nv;
    d->vn = 0; /* no vector: it counts in no walk */
    keep_title(s, d, doc->title, tlen);
    s->ndocs++;
    if (out)
        *out = sid;
    return 0;
}

int bti_story_add(bti_story_set *s, const bti_story_doc *doc, uint32_t *out, bt_error *err)
{
    if (!s || !doc)
        return bt_error_set(err, BT_EINVAL, "story add: no set or document");
    if (s->ndocs == UINT32_MAX - 1 || s->dict.n >= 0x7fffffffu)
        return bt_error_set(err, BT_ELIMIT, "story add: too many documents");
    int64_t date = doc->date;
    if (date == BTI_STORY_NO_DATE)
        date = s->have_now ? s->now : 0;
    if (!s->have_now || date > s->now)
        s->now = date, s->have_now = 1;
    if (doc->copy_of && doc->copy_of <= s->ndocs &&
        (double)(date - s->docs[doc->copy_of - 1].date) < COPY_DAYS * DAY)
        return add_copy(s, doc, date, out, err);

    if (bti_story_vector(&s->dict, &s->scratch, &s->cfg, doc, &s->vec))
        return bt_error_set(err, BT_ENOMEM, "story add: out of memory");
    bti_svec *v = &s->vec;

    /* room first, so that nothing fails after the set has changed */
    size_t tlen = doc->title ? doc->title_len : 0;
    size_t capvw = s->capv;
    if (grow32((void **)&s->docs, &s->capdocs, s->ndocs + 1, sizeof *s->docs) ||
        bti_array_grow((void **)&s->vw, &capvw, s->nv + v->n, sizeof *s->vw) ||
        bti_array_grow((void **)&s->vid, &s->capv, s->nv + v->n, sizeof *s->vid) ||
        bti_array_grow((void **)&s->titles, &s->captitles, s->ntitles + tlen + 1, 1) ||
        (s->cfg.knn && knn_reserve(s, v)))
        return bt_error_set(err, BT_ENOMEM, "story add: out of memory");

    uint32_t best = BTI_STORY_NONE;
    double best_sim = 0;
    if (v->n) {
        walk(s, v->id, v->w, v->n, date, BTI_STORY_NONE);
        if (s->cfg.knn)
            knn_walk(s, v, date);
        for (uint32_t i = 0; i < s->ntouched; i++) {
            uint32_t sid = s->touched[i];
            const story *st = &s->st[sid];
            /* a match that rests on one term (a name the story shares with others of the
             * same person or firm) counts less than one spread over several */
            double dot = s->sw[sid].acc - s->cfg.one_term_discount * s->sw[sid].accmax;
            double sim = st->norm > 0 ? dot / st->norm : 0;
            if (s->cfg.knn) {
                double k = knn_score(s, sid) * s->cfg.knn;
                sim = k > sim ? k : sim;
            }
            sim *= decay(s, st, date, s->sw[sid].nshare);
            if (sim > best_sim || (sim == best_sim && best != BTI_STORY_NONE && sid < best))
                best = sid, best_sim = sim;
        }
        if (best_sim < s->cfg.threshold)
            best = BTI_STORY_NONE;
    }
    int created = 0;
    if (best == BTI_STORY_NONE) {
        if (new_story(s, date, &best))
            return bt_error_set(err, BT_ENOMEM, "story add: out of memory");
        created = 1;
    }
    story *st = &s->st[best];
    if (add_member(st, s->ndocs) ||
        centroid_add(s, best, fade(s, st, date), v->id, v->w, v->n)) {
        if (created)
            s->nst--; /* nothing points at it yet */
        return bt_error_set(err, BT_ENOMEM, "story add: out of memory");
    }
    if (date < st->first)
        st->first = s->sw[best].first = date;
    if (date > st->last)
        st->last = s->sw[best].last = date;
    st->size++;
    st->dirty = 1;

    doc_rec *d = &s->docs[s->ndocs];
    d->story = d->joined = best;
    d->date = date;
    d->voff = (uint32_t)s->nv;
    d->vn = v->n;
    if (v->n) {
        memcpy(s->vid + s->nv, v->id, v->n * sizeof *v->id);
        memcpy(s->vw + s->nv, v->w, v->n * sizeof *v->w);
    }
    s->nv += v->n;
    if (s->cfg.knn)
        for (uint32_t i = 0; i < v->n; i++) {
            dlist *l = &s->didx[v->id[i]];
            if (l->start == l->n) /* HEAD_DOC */
                l->head = s->ndocs;
            l->p[l->n++] = (dpost){s->ndocs, v->w[i]};
        }
    keep_title(s, d, doc->title, tlen);
    s->ndocs++;
    if (out)
        *out = best;

    if (s->cfg.merge_every && ++s->since_merge >= s->cfg.merge_every)
        return bti_story_merge(s, NULL, err);
    return 0;
}

/* RESERVE_AHEAD: a catch-up knows how many documents it will add; the set's arrays and
 * tables are sized for them at once instead of doubling as they come, each doubling a copy of
 * what was there, a rehash, and new memory first touched (a catch-up of 3,000 VietNews
 * articles into an empty set rehashed its term table 7 times and its pair cache 4, and copied
 * the pooled vectors, the document records and the dictionary's arrays as often). The
 * estimates are what such a first catch-up took: 34,934 terms and 32,343 pairs for 3,000
 * articles (RESERVE_TERMS an article; RESERVE_PAIRS a little under the 10.8 measured,
 * as 11 doubled the pair cache to 131,072 slots that 65,536 held at half full), 32 terms a vector (doc_terms); a later
 * catch-up brings fewer new terms, and the room it does not use is never touched (the
 * tables are calloc'd, TABLE_CALLOC). At most RESERVE_DOCS_MAX documents are reserved for:
 * past that the arrays double as before. Only the room changes, never the result. */
#define RESERVE_TERMS 12u
#define RESERVE_PAIRS 10u
#define RESERVE_DOCS_MAX 8192u

int bti_story_reserve(bti_story_set *s, uint32_t docs)
{
    if (!s || !docs)
        return 0;
    if (docs > RESERVE_DOCS_MAX)
        docs = RESERVE_DOCS_MAX;
    if (s->ndocs > UINT32_MAX - 2 - docs)
        return 0;
    uint32_t terms = docs * RESERVE_TERMS;
    if (bti_story_dict_reserve(&s->dict, terms, docs * RESERVE_PAIRS))
        return BT_ENOMEM;
    uint64_t nterms = (uint64_t)s->dict.n + terms;
    if (nterms < UINT32_MAX && nterms > s->nidx) {
        plist *p = table_grow(s->idx, s->nidx, (uint32_t)nterms, sizeof *p);
        if (!p)
            return BT_ENOMEM;
        s->idx = p;
        s->nidx = (uint32_t)nterms;
    }
    uint32_t ndocs = s->ndocs + docs;
    if (grow32((void **)&s->docs, &s->capdocs, ndocs, sizeof *s->docs))
        return BT_ENOMEM;
    size_t nv = s->nv + (size_t)docs * s->cfg.doc_terms, capvw = s->capv;
    if (bti_array_grow((void **)&s->vw, &capvw, nv, sizeof *s->vw) ||
        bti_array_grow((void **)&s->vid, &s->capv, nv, sizeof *s->vid))
        return BT_ENOMEM;
    if (!s->cfg.knn)
        return 0;
    if (nterms < UINT32_MAX && nterms > s->ndidx) {
        dlist *p = table_grow(s->didx, s->ndidx, (uint32_t)nterms, sizeof *p);
        if (!p)
            return BT_ENOMEM;
        s->didx = p;
        s->ndidx = (uint32_t)nterms;
    }
    if (s->capd < ndocs + 1 && knn_docs(s, ndocs + 1))
        return BT_ENOMEM;
    return 0;
}

/* ---- merging ----------------------------------------------------------------------------- */

/* Folds story b into story a (a < b: the older keeps its id). */
static int merge_into(bti_story_set *s, uint32_t a, uint32_t b)
{
    story *sb = &s->st[b];
    /* copy b's centroid aside: centroid_add may move s->st's vectors but not reallocate s->st */
    uint32_t n = sb->c.n;
    uint32_t *ids = malloc((size_t)(n ? n : 1) * sizeof *ids);
    float *ws = malloc((size_t)(n ? n : 1) * sizeof *ws);
    if (!ids || !ws) {
        free(ids);
        free(ws);
        return BT_ENOMEM;
    }
    memcpy(ids, sb->c.id, n * sizeof *ids);
    memcpy(ws, sb->c.w, n * sizeof *ws);
    story *sa = &s->st[a];
    int rc = grow32((void **)&sa->mem, &sa->capmem, sa->nmem + sb->nmem, sizeof *sa->mem);
    if (!rc) {
        /* both centroids faded to the later of the two last dates */
        int64_t last = sa->last > sb->last ? sa->last : sb->last;
        double fb = fade(s, sb, last);
        for (uint32_t k = 0; k < n; k++)
            ws[k] = (float)(ws[k] * fb);
        rc = centroid_add(s, a, fade(s, sa, last), ids, ws, n);
    }
    free(ids);
    free(ws);
    if (rc)
        return rc;
    sa = &s->st[a];
    sb = &s->st[b];
    /* members stay in order of arrival */
    uint32_t *m = malloc((size_t)(sa->nmem + sb->nmem) * sizeof *m);
    if (!m)
        return BT_ENOMEM;
    uint32_t i = 0, j = 0, k = 0;
    while (i < sa->nmem || j < sb->nmem)
        m[k++] = j >= sb->nmem || (i < sa->nmem && sa->mem[i] < sb->mem[j]) ? sa->mem[i++] : sb->mem[j++];
    free(sa->mem);
    sa->mem = m;
    sa->nmem = sa->capmem = k;
    free(sb->mem);
    sb->mem = NULL;
    sb->nmem = sb->capmem = 0;
    bti_svec_free(&sb->c);
    sa->first = sa->first < sb->first ? sa->first : sb->first;
    sa->last = sa->last > sb->last ? sa->last : sb->last;
    s->sw[a].first = sa->first; /* STORY_WALK_LINE: the copies */
    s->sw[a].last = sa->last;
    s->sw[b].merged = 1;
    sa->size += sb->size;
    sa->dirty = 1;
    sb->merged_into = a;
    sb->size = 0;
    return 0;
}

int bti_story_merge(bti_story_set *s, size_t *merged, bt_error *err)
{
    size_t count = 0;
    s->since_merge = 0;
    double w = s->cfg.window_days * DAY;
    for (uint32_t a = 0; a < s->nst; a++) {
        story *sa = &s->st[a];
        if (sa->merged_into != BTI_STORY_NONE || !sa->dirty || sa->norm <= 0 ||
            (double)(s->now - sa->last) > w)
            continue;
        sa->dirty = 0;
        /* the centroid as a unit vector, copied: the walk does not change it, a merge does */
        uint32_t n = sa->c.n;
        if (bti_svec_reserve(&s->vec, n))
            return bt_error_set(err, BT_ENOMEM, "story merge: out of memory");
        for (uint32_t k = 0; k < n; k++) {
            s->vec.id[k] = sa->c.id[k];
            s->vec.w[k] = (float)(sa->c.w[k] / sa->norm);
        }
        s->vec.n = n;
        walk(s, s->vec.id, s->vec.w, n, sa->last, a);
        uint32_t best = BTI_STORY_NONE;
        double best_sim = 0;
        for (uint32_t i = 0; i < s->ntouched; i++) {
            uint32_t b = s->touched[i];
            const story *sb = &s->st[b];
            /* decayed by the gap between the two stories' latest documents */
            int64_t gap = sb->last > sa->last ? sb->last - sa->last : sa->last - sb->last;
            double sim = sb->norm > 0 ? s->sw[b].acc / sb->norm * decay_gap(s, gap) : 0;
            if (sim > best_sim || (sim == best_sim && best != BTI_STORY_NONE && b < best))
                best = b, best_sim = sim;
        }
        /* a lone document is judged by the joining rule, a little looser: the story it
         * missed on arrival may have grown towards it since, and a centroid of more
         * documents is further from each of them */
        double need = sa->size == 1 || (best != BTI_STORY_NONE && s->st[best].size == 1)
                          ? s->cfg.threshold * s->cfg.adopt_factor
                          : s->cfg.merge_threshold;
        if (best == BTI_STORY_NONE || best_sim < need)
            continue;
        uint32_t keep = a < best ? a : best, gone = a < best ? best : a;
        if (merge_into(s, keep, gone))
            return bt_error_set(err, BT_ENOMEM, "story merge: out of memory");
        count++;
    }
    if (merged)
        *merged = count;
    return 0;
}

/* ---- reading ----------------------------------------------------------------------------- */

uint32_t bti_story_doc_count(const bti_story_set *s)
{
    return s ? s->ndocs : 0;
}

uint32_t bti_story_count(const bti_story_set *s)
{
    return s ? s->nst : 0;
}

uint32_t bti_story_of(const bti_story_set *s, uint32_t doc)
{
    if (!s || doc >= s->ndocs)
        return BTI_STORY_NONE;
    return find(s, s->docs[doc].story);
}

int bti_story_get(const bti_story_set *s, uint32_t id, bti_story_info *info)
{
    if (!s || !info || id >= s->nst || s->st[id].merged_into != BTI_STORY_NONE)
        return BT_ENOTFOUND;
    const story *st = &s->st[id];
    info->id = id;
    /* every member, its reprints included (st->size counts the documents that shape it) */
    info->size = st->nmem;
    info->first = st->first;
    info->last = st->last;
    for (uint32_t i = 0; i < st->nmem; i++) {
        int64_t dt = s->docs[st->mem[i]].date;
        if (dt < info->first)
            info->first = dt;
        if (dt > info->last)
            info->last = dt;
    }
    /* the most central member: the largest dot product with the centroid. CENTRAL_BY_MERGE:
     * both vectors are sorted by term, so one pass over the two finds the shared terms (a
     * search of the centroid for each of the member's terms was ~50 M instructions of a
     * catch-up into 20,000 articles); the products are added in the member's order, as
     * before (an absent term added nothing) */
    uint32_t best = st->nmem ? st->mem[0] : BTI_STORY_NONE;
    double best_dot = -1;
    const uint32_t *cid = st->c.id;
    const float *cw = st->c.w;
    uint32_t cn = st->c.n;
    for (uint32_t i = 0; i < st->nmem; i++) {
        const doc_rec *d = &s->docs[st->mem[i]];
        const uint32_t *vid = s->vid + d->voff;
        const float *vw = s->vw + d->voff;
        double dot = 0;
        uint32_t j = 0;
        for (uint32_t k = 0; k < d->vn && j < cn; k++) {
            while (j < cn && cid[j] < vid[k])
                j++;
            if (j < cn && cid[j] == vid[k])
                dot += vw[k] * cw[j];
        }
        if (dot > best_dot)
            best = st->mem[i], best_dot = dot;
    }
    info->central_doc = best;
    info->title = best != BTI_STORY_NONE ? s->titles + s->docs[best].toff : "";
    return 0;
}

size_t bti_story_terms(const bti_story_set *s, uint32_t id, const char **terms, size_t max)
{
    if (!s || id >= s->nst || s->st[id].merged_into != BTI_STORY_NONE || !max)
        return 0;
    const story *st = &s->st[id];
    /* a partial selection: stories keep few terms and callers want a handful */
    size_t n = 0;
    float last_w = INFINITY;
    uint32_t last_id = 0;
    while (n < max) {
        int have = 0;
        uint32_t bid = 0;
        float bw = 0;
        for (uint32_t k = 0; k < st->c.n; k++) {
            float w = st->c.w[k];
            uint32_t t = st->c.id[k];
            int after = w < last_w || (w == last_w && t > last_id);
            if (after && (!have || w > bw || (w == bw && t < bid)))
                have = 1, bw = w, bid = t;
        }
        if (!have)
            break;
        terms[n++] = bti_story_dict_term(&s->dict, bid);
        last_w = bw;
        last_id = bid;
    }
    return n;
}

const uint32_t *bti_story_members(const bti_story_set *s, uint32_t id, uint32_t *n)
{
    if (!s || id >= s->nst || s->st[id].merged_into != BTI_STORY_NONE) {
        if (n)
            *n = 0;
        return NULL;
    }
    if (n)
        *n = s->st[id].nmem;
    return s->st[id].mem;
}

/* ---- after a load ------------------------------------------------------------------------ */

int bti_story_reindex(bti_story_set *s)
{
    if (walk_reserve(s, s->capst > s->nst ? s->capst : s->nst))
        return BT_ENOMEM;
    if (s->capwalk)
        memset(s->sw, 0, s->capwalk * sizeof *s->sw);
    s->stamp = s->seen_stamp = 0;
    /* the centroid index holds every live story under each of its terms: the lazily kept
     * lists of the set that was saved held these and dead entries a walk skips.
     * REINDEX_WINDOW: a story whose last document is out of the window of the latest date
     * is dropped by the first walk that meets it and never comes back (the latest date only
     * grows), so it is not put on the lists at all; nor are the documents under a term
     * before its first one in the window, which the neighbour walk's start pointer skips
     * for the same reason. A load at 100,000 articles indexed three weeks of them for a
     * window of one. */
    double w = s->cfg.window_days * DAY;
    for (uint32_t sid = 0; sid < s->nst; sid++) {
        story *st = &s->st[sid];
        story_walk *r = &s->sw[sid]; /* STORY_WALK_LINE: the copies */
        r->cver = 1; /* the entries below are not read yet (version 0) */
        r->first = st->first;
        r->last = st->last;
        r->merged = st->merged_into != BTI_STORY_NONE;
        if (st->merged_into != BTI_STORY_NONE || (double)(s->now - st->last) > w)
            continue;
        for (uint32_t k = 0; k < st->c.n; k++)
            if (idx_push(s, st->c.id[k], sid))
                return BT_ENOMEM;
    }
    if (!s->cfg.knn)
        return 0;
    /* every document under its terms in order of arrival: the walk's start pointers skip
     * the ones out of the window as they did in the saved set. REINDEX_COUNTED: the lists
     * are counted first and each allocated once (growing them a posting at a time through
     * knn_reserve was ~40 M instructions of a load at 100,000 documents); the same lists,
     * the same order, and the table and document arrays sized as knn_reserve sizes them. */
    uint32_t ndocs = s->ndocs, maxterm = 0;
    int any = 0;
    /* the documents before the first one in the window go under no term: every list is
     * empty until then (documents come in date order in the store: they all go) */
    uint32_t first = 0;
    while (first < ndocs && (double)(s->now - s->docs[first].date) > w)
        first++;
    for (uint32_t d = first; d < ndocs; d++) {
        const doc_rec *r = &s->docs[d];
        for (uint32_t i = 0; i < r->vn; i++)
            if (s->vid[r->voff + i] >= maxterm) {
                maxterm = s->vid[r->voff + i];
                any = 1;
            }
    }
    bti_svec top = {&maxterm, NULL, any ? 1u : 0u, 1};
    do /* the table, the document arrays (each call doubles them at most once) */
        if (knn_reserve(s, &top))
            return BT_ENOMEM;
    while (s->capd < ndocs + 1);
    for (uint32_t d = first; d < ndocs; d++) {
        const doc_rec *r = &s->docs[d];
        int gone = (double)(s->now - r->date) > w;
        for (uint32_t i = 0; i < r->vn; i++) {
            dlist *l = &s->didx[s->vid[r->voff + i]];
            if (l->n || !gone) /* counts first (a loaded set's lists are empty) */
                l->n++;
        }
    }
    for (uint32_t t = 0; t < s->ndidx; t++) {
        dlist *l = &s->didx[t];
        uint32_t want = l->n;
        l->n = 0;
        if (want && list_grow((void **)&l->p, &l->cap, want, sizeof *l->p))
            return BT_ENOMEM;
    }
    for (uint32_t d = first; d < ndocs; d++) {
        const doc_rec *r = &s->docs[d];
        int gone = (double)(s->now - r->date) > w;
        for (uint32_t i = 0; i < r->vn; i++) {
            dlist *l = &s->didx[s->vid[r->voff + i]];
            if (l->n || !gone) { /* the same choice as when counting */
                if (l->n == 0) /* HEAD_DOC (start is 0) */
                    l->head = d;
                l->p[l->n++] = (dpost){d, s->vw[r->voff + i]};
            }
        }
    }
    return 0;
}
