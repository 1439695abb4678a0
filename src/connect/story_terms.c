/* story_terms.c: a document as story clustering sees it: its weighted terms.
 *
 * Terms are the text stage's folded keys (so marked and unmarked copies agree), minus stop
 * words (one short list per language, here and nowhere else), and pairs of neighbouring
 * tokens: in Vietnamese a word is often two syllables (đàm phán, Hà Nội), so the pair is the
 * word and a lone syllable says little; a pair weighs by its cohesion, learnt as documents
 * arrive, so that pairs across a word boundary fade. English loses its plural -s. Names
 * (capitalised tokens in a sentence-case line, runs of them, and in title-case lines the
 * words seen capitalised elsewhere) weigh more: the people, places and firms are what tells
 * one story from another that shares its common words. The IDF is learnt as documents
 * arrive. */
#include "connect/story_internal.h"

#include "bantin/text.h"
#include "connect/dups.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PAIR_MAX 256              /* longest pair term kept (bytes); longer ones are noise */

/* A line is in title case ("Xbox One Shipments Top 5 Million") when at least this share of
 * its words after the first are capitalised; capitals then say nothing about names. Sentence
 * case lines (Vietnamese headlines, most English lead paragraphs) capitalise a few words. */
#define TITLE_CASE_SHARE 0.6
/* A document is Vietnamese, when its language is not given, when at least this share of its
 * words carry Vietnamese marks (most syllables of a Vietnamese sentence do; English none). */
#define VI_MARKED_SHARE 0.25
/* A word's capitalisation rate counts once it has been read this many times where its case
 * tells. One is enough: the rate itself then weighs the evidence (measured: 1, 2 and 3 give
 * the same BCubed F1 on the Google News week, within 0.001). */
#define NAME_MIN_SEEN 1u
/* A pair's cohesion is smoothed by this many unseen documents, so that a pair met once has
 * cohesion 1/2 and earns its full weight only when seen together again and again. */
#define PAIR_SMOOTH 1
/* LOG_ONCE: the IDFs of document frequencies below this are kept while a vector is made. */
#define IDF_CACHED 16

/* ---- stop words -------------------------------------------------------------------------- */
/* A token longer than the longest stop word is none; the rest fit an integer (STOP_PACKED).
 * (Before: STOP_BY_FIRST_BYTE, the words of the token's first byte compared in place; before
 * that, a copy of every token and a bsearch of whole strings.) */
#define STOP_MAX_BYTES 8
/* Function words and headline furniture; short on purpose: the IDF discounts the rest. The
 * Vietnamese list is of accented keys (lowercase, canonical tone placement), so that folding
 * does not also drop the words they fold together with (là/lá, và/vả). Sorted by bytes (strcmp),
 * for the reader; test_connect_story checks the order and the lengths. */
static const char *const stop_en[] = {
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "been", "before", "being", "but", "by", "can",
    "could", "did", "do", "does", "for", "from", "get", "gets", "had", "has",
    "have", "he", "her", "here", "his", "how", "i", "if", "in", "into",
    "is", "it", "its", "just", "may", "me", "more", "my", "new", "no",
    "not", "now", "of", "off", "on", "or", "our", "out", "over", "photos",
    "s", "said", "say", "says", "she", "so", "t", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "to", "too",
    "up", "us", "video", "vs", "was", "watch", "we", "were", "what", "when",
    "where", "which", "who", "why", "will", "with", "would", "you", "your",
};
static const char *const stop_vi[] = {
    "anh", "bà", "bị", "cho", "chị", "clip", "các", "có", "cũng", "của",
    "do", "gì", "hay", "hoặc", "khi", "không", "là", "lại", "mà", "một",
    "như", "nhưng", "những", "nào", "này", "ra", "rất", "rằng", "sau", "sẽ",
    "theo", "thì", "trong", "trên", "tại", "từ", "video", "và", "vào", "vẫn",
    "về", "với", "vừa", "ông", "đang", "đã", "đó", "được", "đến", "để",
    "ở",
};

const char *const *bti_story_stop_words(int vi, size_t *n)
{
    *n = vi ? sizeof stop_vi / sizeof *stop_vi : sizeof stop_en / sizeof *stop_en;
    return vi ? stop_vi : stop_en;
}

int bti_story_stop_sorted(void)
{
    for (size_t i = 0; i < sizeof stop_en / sizeof *stop_en; i++)
        if ((i && strcmp(stop_en[i - 1], stop_en[i]) >= 0) || strlen(stop_en[i]) > STOP_MAX_BYTES)
            return 0;
    for (size_t i = 0; i < sizeof stop_vi / sizeof *stop_vi; i++)
        if ((i && strcmp(stop_vi[i - 1], stop_vi[i]) >= 0) || strlen(stop_vi[i]) > STOP_MAX_BYTES)
            return 0;
    return 1;
}

/* STOP_PACKED: a key of at most STOP_MAX_BYTES bytes packed into an integer, its bytes in
 * order and zeros after (no key holds a NUL): two keys are equal when their integers are.
 * The lists are packed once a scratch, and a token is one such integer searched for: ~140
 * instructions a token with a search by first byte and a compare of strings (32 M on 3,000
 * VietNews articles), a third of that so. */
static uint64_t pack_key(const char *key, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* PACK_LOADS: on a little-endian machine the packed integer is what a load of the bytes
     * gives; a key of 4-8 bytes is its first four bytes and its last four shifted into place
     * (the bytes both hold are the same: OR keeps them), shorter ones byte by byte: a loop
     * of shifts a byte was ~3% of the vectors' time (is_stop and word_intern pack every
     * token). The same integers. */
    if (len >= 4 && len <= 8) {
        uint32_t lo, hi;
        memcpy(&lo, key, 4);
        memcpy(&hi, key + len - 4, 4);
        return (uint64_t)lo | (uint64_t)hi << (8 * (len - 4));
    }
#endif
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++)
        v |= (uint64_t)(unsigned char)key[i] << (8 * i);
    return v;
}

/* STOP_HASHED: the packed stop words are put in an open-addressed table (at most
 * STOP_LIST_MAX words a list in 512 slots: a probe or two), where a token was searched for by
 * halving the sorted list (~7 steps: 24 M of the vectors' 222 M on 3,000 VietNews articles). A
 * packed key is never 0 (at least one byte, none a NUL), which marks an empty slot. */
#define STOP_SLOTS BTI_STORY_STOP_SLOTS
#define STOP_SLOT_BITS 9
#define STOP_LIST_MAX 128
_Static_assert(STOP_SLOTS == 1 << STOP_SLOT_BITS && STOP_SLOTS >= 4 * STOP_LIST_MAX,
               "the table's slots: a power of two, four times a list at most");
_Static_assert(sizeof stop_en / sizeof *stop_en <= STOP_LIST_MAX &&
                   sizeof stop_vi / sizeof *stop_vi <= STOP_LIST_MAX,
               "a stop list fills at most a quarter of its table");

static size_t stop_slot(uint64_t v)
{
    return (size_t)((v * 0x9E3779B97F4A7C15u) >> (64 - STOP_SLOT_BITS));
}

static void stop_pack(bti_story_scratch *s)
{
    const char *const *lists[2] = {stop_en, stop_vi};
    size_t n[2] = {sizeof stop_en / sizeof *stop_en, sizeof stop_vi / sizeof *stop_vi};
    for (int l = 0; l < 2; l++) {
        memset(s->stop_slots[l], 0, sizeof s->stop_slots[l]);
        for (size_t i = 0; i < n[l]; i++) {
            size_t len = strlen(lists[l][i]);
            if (!len || len > STOP_MAX_BYTES) /* bti_story_stop_sorted checks none is */
                continue;
            uint64_t v = pack_key(lists[l][i], len);
            size_t j = stop_slot(v);
            while (s->stop_slots[l][j])
                j = (j + 1) & (STOP_SLOTS - 1);
            s->stop_slots[l][j] = v;
        }
    }
    s->stop_ready = 1;
}

static int is_stop(const bti_story_scratch *s, int vi, const char *key, size_t len)
{
    if (len == 0 || len > STOP_MAX_BYTES)
        return 0;
    uint64_t v = pack_key(key, len);
    const uint64_t *t = s->stop_slots[vi != 0];
    for (size_t j = stop_slot(v);; j = (j + 1) & (STOP_SLOTS - 1)) {
        if (t[j] == v)
            return 1;
        if (!t[j])
            return 0;
    }
}

/* ---- dictionary -------------------------------------------------------------------------- */

void bti_story_dict_free(bti_story_dict *d)
{
    free(d->chars);
    free(d->off);
    free(d->df);
    free(d->seen);
    free(d->caps);
    free(d->slots);
    free(d->hash);
    free(d->pkey);
    free(d->pval);
    free(d->wcache);
    memset(d, 0, sizeof *d);
}

static int dict_rehash(bti_story_dict *d, uint32_t nslots)
{
    uint32_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return BT_ENOMEM;
    for (uint32_t i = 0; i < d->n; i++) {
        uint32_t j = (uint32_t)d->hash[i] & (nslots - 1);
        while (slots[j])
            j = (j + 1) & (nslots - 1);
        slots[j] = i + 1;
    }
    free(d->slots);
    d->slots = slots;
    d->nslots = nslots;
    return 0;
}

/* The length of term `id`'s string: terms are stored one after another, each with its NUL. */
static size_t term_len(const bti_story_dict *d, uint32_t id)
{
    uint32_t end = id + 1 < d->n ? d->off[id + 1] : (uint32_t)d->nchars;
    return end - d->off[id] - 1;
}

/* Room for `cap` terms in the dictionary's per-term arrays (cap > d->cap): 0 or BT_ENOMEM
 * (the arrays grown so far stay valid). */
static int dict_grow(bti_story_dict *d, uint32_t cap)
{
    if (bti_array_resize((void **)&d->off, cap, sizeof *d->off) ||
        bti_array_resize((void **)&d->df, cap, sizeof *d->df) ||
        bti_array_resize((void **)&d->seen, cap, sizeof *d->seen) ||
        bti_array_resize((void **)&d->caps, cap, sizeof *d->caps) ||
        bti_array_resize((void **)&d->hash, cap, sizeof *d->hash))
        return BT_ENOMEM;
    d->cap = cap;
    return 0;
}

/* The id of term s[0..len), added when new; UINT32_MAX when out of memory. INTERN_WORD_HASH:
 * the term's hash is the shingles' word hash (bti_word_hash, two overlapping loads for a
 * syllable, ~15 instructions where bti_hash64 took ~70), and a slot whose hash matches is
 * confirmed by length and memcmp, not strncmp (a saved state of another hash is another
 * STATE_VERSION: replayed, story_state.c). */
static uint32_t dict_intern(bti_story_dict *d, const char *s, size_t len)
{
    if (d->n + 1 > d->nslots / 2 && dict_rehash(d, d->nslots ? d->nslots * 2 : 1024))
        return UINT32_MAX;
    uint64_t h = bti_word_hash(s, len);
    uint32_t j = (uint32_t)h & (d->nslots - 1);
    for (; d->slots[j]; j = (j + 1) & (d->nslots - 1)) {
        uint32_t id = d->slots[j] - 1;
        if (d->hash[id] == h && term_len(d, id) == len &&
            memcmp(d->chars + d->off[id], s, len) == 0)
            return id;
    }
    if (d->n == d->cap && dict_grow(d, d->cap ? d->cap * 2 : 1024))
        return UINT32_MAX;
    if (d->nchars + len + 1 > d->capchars) {
        size_t cap = d->capchars ? d->capchars : 1 << 16;
        while (cap < d->nchars + len + 1)
            cap *= 2;
        char *c = realloc(d->chars, cap);
        if (!c)
            return UINT32_MAX;
        d->chars = c;
        d->capchars = cap;
    }
    uint32_t id = d->n++;
    memcpy(d->chars + d->nchars, s, len);
    d->chars[d->nchars + len] = 0;
    d->off[id] = (uint32_t)d->nchars;
    d->nchars += len + 1;
    d->df[id] = d->seen[id] = d->caps[id] = 0;
    d->hash[id] = h;
    d->slots[j] = id + 1;
    return id;
}

/* WORD_CACHE: a word's id found by the word packed into an integer (STOP_PACKED) in a small
 * direct-mapped table, before the dictionary is asked: most words of a collection are a few
 * thousand (Vietnamese syllables above all), and dict_intern's look-up reads the table, the
 * term's hash, its offset and its string, four places in ~1.3 MB (unigram look-ups were ~6%
 * of the clustering on 3,000 VietNews articles). A word of more than WORD_CACHE_BYTES bytes,
 * or one whose slot holds another, asks the dictionary, and takes the slot. The ids are the
 * dictionary's, whichever way they are found. */
#define WORD_CACHE_BYTES 8
#define WORD_CACHE_BITS 13
#define WORD_CACHE_SLOTS (1u << WORD_CACHE_BITS)

/* The id of word s[0..len), added when new; UINT32_MAX when out of memory. */
static uint32_t word_intern(bti_story_dict *d, const char *s, size_t len)
{
    if (len == 0 || len > WORD_CACHE_BYTES)
        return dict_intern(d, s, len);
    if (!d->wcache && !(d->wcache = calloc(WORD_CACHE_SLOTS, sizeof *d->wcache)))
        return dict_intern(d, s, len); /* a cache: no memory is not an error */
    uint64_t key = pack_key(s, len); /* STOP_PACKED's packing */
    bti_word_slot *w = &d->wcache[(key * 0x9E3779B97F4A7C15u) >> (64 - WORD_CACHE_BITS)];
    if (w->key == key)
        return w->id;
    uint32_t id = dict_intern(d, s, len);
    if (id != UINT32_MAX)
        *w = (bti_word_slot){key, id};
    return id;
}

/* PAIR_CACHE: a pair term found again by its two words' ids, not by its string: building
 * "word word", hashing and comparing it was ~190 instructions a pair (141 K pairs, 26 M on
 * 3,000 articles). The ids name the words, so the pair's string follows from them; the
 * string is interned, as before, the first time a pair is met (after a load too: the cache is
 * not saved). At most PAIR_CACHE_SLOTS slots (12 MB); pairs met after it is half full are
 * interned by their string. A cache that cannot grow is not an error. */
#define PAIR_CACHE_SLOTS (1u << 20)

static uint32_t pair_slot(uint64_t key, uint32_t nslots)
{
    return (uint32_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & (nslots - 1);
}

/* Puts (key, val) in the first free slot from key's of a table of n slots. */
static void pair_slot_put(uint64_t *keys, uint32_t *vals, uint32_t n, uint64_t key, uint32_t val)
{
    uint32_t j = pair_slot(key, n);
    while (vals[j])
        j = (j + 1) & (n - 1);
    keys[j] = key;
    vals[j] = val;
}

/* The pair cache moved to a table of n slots; 0, or 1 when there is no memory for it (the
 * cache stays as it was). */
static int pair_cache_resize(bti_story_dict *d, uint32_t n)
{
    uint64_t *k = malloc((size_t)n * sizeof *k);
    uint32_t *v = calloc(n, sizeof *v);
    if (!k || !v) {
        free(k);
        free(v);
        return 1;
    }
    for (uint32_t i = 0; i < d->npslots; i++)
        if (d->pval[i])
            pair_slot_put(k, v, n, d->pkey[i], d->pval[i]);
    free(d->pkey);
    free(d->pval);
    d->pkey = k;
    d->pval = v;
    d->npslots = n;
    return 0;
}

static void pair_cache_put(bti_story_dict *d, uint64_t key, uint32_t pid)
{
    if (d->npairs + 1 > d->npslots / 2) {
        if (d->npslots >= PAIR_CACHE_SLOTS ||
            pair_cache_resize(d, d->npslots ? d->npslots * 2 : 4096))
            return;
    }
    pair_slot_put(d->pkey, d->pval, d->npslots, key, pid + 1);
    d->npairs++;
}

/* RESERVE_CHARS: the terms' strings are reserved for with the terms (RESERVE_AHEAD, story.c),
 * at this many bytes a term with its NUL: most terms are Vietnamese syllable pairs ("ha noi",
 * 7-10 bytes); a catch-up of 3,000 VietNews articles grew the strings from 64 KB by doubling,
 * copying what was there each time (~1% of its time in perf). Room is only room: an estimate
 * short of the need costs a doubling, as before. */
#define RESERVE_TERM_BYTES 10u

int bti_story_dict_reserve(bti_story_dict *d, uint32_t terms, uint32_t pairs)
{
    uint64_t want = (uint64_t)d->n + terms;
    if (want >= 0x7fffffffu)
        return 0; /* bti_story_add refuses that many terms anyway */
    if (want > d->cap && dict_grow(d, (uint32_t)want))
        return BT_ENOMEM;
    uint64_t chars = d->nchars + (uint64_t)terms * RESERVE_TERM_BYTES;
    if (chars > d->capchars && chars <= UINT32_MAX) {
        char *c = realloc(d->chars, (size_t)chars);
        if (!c)
            return BT_ENOMEM;
        d->chars = c;
        d->capchars = (size_t)chars;
    }
    /* dict_intern keeps the table at most half full */
    uint64_t slots = d->nslots ? d->nslots : 1024;
    while (want + 1 > slots / 2)
        slots *= 2;
    if (slots > d->nslots && slots <= UINT32_MAX && dict_rehash(d, (uint32_t)slots))
        return BT_ENOMEM;
    uint64_t pslots = d->npslots ? d->npslots : 4096;
    while ((uint64_t)d->npairs + pairs + 1 > pslots / 2 && pslots < PAIR_CACHE_SLOTS)
        pslots *= 2;
    if (pairs && pslots > d->npslots)
        pair_cache_resize(d, (uint32_t)pslots); /* a cache: no memory is not an error */
    return 0;
}

/* The id of the pair of terms a and b (strings sa[0..la), sb[0..lb)), added when new;
 * UINT32_MAX when out of memory. */
static uint32_t pair_intern(bti_story_dict *d, uint32_t a, const char *sa, size_t la,
                            uint32_t b, const char *sb, size_t lb)
{
    uint64_t key = (uint64_t)a << 32 | b;
    if (d->npslots)
        for (uint32_t j = pair_slot(key, d->npslots); d->pval[j]; j = (j + 1) & (d->npslots - 1))
            if (d->pkey[j] == key)
                return d->pval[j] - 1;
    char pair[PAIR_MAX + 1];
    memcpy(pair, sa, la);
    pair[la] = ' ';
    memcpy(pair + la + 1, sb, lb);
    uint32_t pid = dict_intern(d, pair, la + lb + 1);
    if (pid != UINT32_MAX)
        pair_cache_put(d, key, pid);
    return pid;
}

/* ---- sparse vectors ---------------------------------------------------------------------- */

void bti_svec_free(bti_svec *v)
{
    free(v->id);
    free(v->w);
    memset(v, 0, sizeof *v);
}

int bti_svec_reserve(bti_svec *v, uint32_t n)
{
    if (n <= v->cap)
        return 0;
    uint32_t cap = v->cap ? v->cap : 16;
    while (cap < n)
        cap *= 2;
    if (bti_array_resize((void **)&v->id, cap, sizeof *v->id) ||
        bti_array_resize((void **)&v->w, cap, sizeof *v->w))
        return BT_ENOMEM;
    v->cap = cap;
    return 0;
}

/* ---- tokens ------------------------------------------------------------------------------ */

typedef struct tok {
    uint32_t foff, flen; /* folded key in scratch chars */
    uint32_t aoff, alen; /* accented key */
    size_t start, end;   /* bytes in the field */
    unsigned flags;
    unsigned char field; /* 0 title, 1 text */
    unsigned char stop, name, marked;
    unsigned char told;  /* its case was the writer's choice: inside a sentence-case line */
    uint32_t id;         /* its term */
    double namef;        /* its name factor, 1 .. name_boost */
} tok;

typedef struct walk {
    bti_story_scratch *s;
    unsigned char field;
    size_t limit;
    int rc;
} walk;


/* Records a token: its folded key, and its accented key when it has a distinct one (else
 * the folded key serves as both: ASCII tokens, whose accent is their text). Room is asked
 * for only when the arrays are full (LEAN_TOKEN: two calls, a clear of the record and two
 * copies a token were ~155 instructions, 36 M on 3,000 articles). */
static int on_token(void *ctx, const bt_token *t)
{
    walk *w = ctx;
    bti_story_scratch *s = w->s;
    if (w->limit == 0)
        return 1; /* the lede is read: stop the walk */
    w->limit--;
    const char *acc = t->accent ? t->accent : t->text;
    size_t alen = t->accent ? t->accent_len : t->len;
    int same = acc == t->text || (alen == t->len && memcmp(acc, t->text, alen) == 0);
    if ((s->ntoks + 1 > s->captoks &&
         bti_array_grow((void **)&s->toks, &s->captoks, s->ntoks + 1, sizeof(tok))) ||
        (s->nchars + t->len + alen + 2 > s->capchars &&
         bti_array_grow((void **)&s->chars, &s->capchars, s->nchars + t->len + alen + 2, 1))) {
        w->rc = BT_ENOMEM;
        return 1;
    }
    tok *k = (tok *)s->toks + s->ntoks++;
    k->foff = (uint32_t)s->nchars;
    k->flen = (uint32_t)t->len;
    memcpy(s->chars + s->nchars, t->text, t->len);
    s->nchars += t->len;
    s->chars[s->nchars++] = 0;
    if (same) {
        k->aoff = k->foff;
    } else {
        k->aoff = (uint32_t)s->nchars;
        memcpy(s->chars + s->nchars, acc, alen);
        s->nchars += alen;
        s->chars[s->nchars++] = 0;
    }
    k->alen = (uint32_t)alen;
    k->start = t->start;
    k->end = t->end;
    k->flags = t->flags;
    k->field = w->field;
    k->stop = k->name = k->told = 0;
    k->marked = !same;
    k->id = 0;
    k->namef = 0;
    return 0;
}

/* 1 when only spaces or a hyphen stand between two tokens: they read as one phrase. */
static int adjacent(const char *src, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (src[i] != ' ' && src[i] != '-')
            return 0;
    return 1;
}

/* 1 when the token at `start` begins a sentence (capital or not, its case says nothing). */
static int sentence_start(const char *src, size_t start)
{
    while (start > 0 && (src[start - 1] == ' ' || src[start - 1] == '"' || src[start - 1] == '\''))
        start--;
    if (start == 0)
        return 1;
    char c = src[start - 1];
    return c == '.' || c == ':' || c == '?' || c == '!' || c == '|' || c == '\n';
}

/* Marks the names of one field's tokens [a, b) in source `src`, and the tokens whose case
 * tells (inside a line written in sentence case, not at a sentence's start). */
static void mark_names(tok *t, size_t a, size_t b, const char *src)
{
    if (a >= b)
        return;
    size_t words = 0, caps = 0;
    for (size_t i = a + 1; i < b; i++)
        if (!t[i].stop && !(t[i].flags & BT_TOK_NUMBER)) {
            words++;
            caps += (t[i].flags & BT_TOK_UPPER_INITIAL) != 0;
        }
    if (words >= 2 && (double)caps >= TITLE_CASE_SHARE * (double)words)
        return; /* title case: capitals say nothing here */
    /* a line without a single capital, its first word included, was lowercased by a
     * machine (a pre-processed set): no evidence either way */
    int written = (t[a].flags & BT_TOK_UPPER_INITIAL) || caps > 0;
    for (size_t i = a; i < b;) {
        if (written && !t[i].stop && !(t[i].flags & BT_TOK_NUMBER) &&
            !sentence_start(src, t[i].start))
            t[i].told = 1;
        if (!(t[i].flags & BT_TOK_UPPER_INITIAL) || t[i].stop) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < b && (t[j].flags & BT_TOK_UPPER_INITIAL) && !t[j].stop &&
               adjacent(src, t[j - 1].end, t[j].start)) {
            if (written)
                t[j].told = 1;
            j++;
        }
        /* a run of two or more is a name wherever it stands; a lone capital only inside a
         * sentence, where the capital is the writer's choice */
        if (j - i >= 2 || !sentence_start(src, t[i].start))
            for (size_t k = i; k < j; k++)
                t[k].name = 1;
        i = j;
    }
}

/* English plural and possessive endings off (Harman's S-stemmer, 1991: -ies -> -y, -es ->
 * -e, -s dropped, but not -ss, -us, -aes, -ees, -oes, -eies, -aies), so that "Michaels" and
 * "Michael's", "eclipses" and "eclipse" meet. Returns the new length. */
static size_t s_stem(char *w, size_t n)
{
    if (n < 4 || w[n - 1] != 's' || (unsigned char)w[0] >= 0x80 || (w[0] >= '0' && w[0] <= '9'))
        return n;
    if (w[n - 2] == 'e' && w[n - 3] == 'i' && w[n - 4] != 'e' && w[n - 4] != 'a') {
        w[n - 3] = 'y';
        return n - 2;
    }
    if (w[n - 2] == 'e' && (w[n - 3] == 'a' || w[n - 3] == 'e' || w[n - 3] == 'o'))
        return n;
    if (w[n - 2] == 'u' || w[n - 2] == 's')
        return n;
    return n - 1;
}

typedef bti_story_tw term_w;

/* KTH_KEYED: with no weight negative or NaN (the vectors' and centroids' weights are sums and
 * products of positive ones), "heavier first, then the lower id" is the order of one integer,
 * the weight's bits above the id's complement (a float's bits order the non-negative floats
 * as their values, and +0 is the only zero then), so the selection compares integers instead
 * of a float and, on a tie, the ids: the selections were ~8% of the clustering's time (the
 * centroid's cut after every addition, the vector's). Up to KTH_KEYED_MAX entries (on the
 * stack); the same entry is found. */
#define KTH_KEYED_MAX 512
#define KTH_FLOAT_MAX_BITS 0x7f800000u /* +infinity: above it NaNs, then the negatives */

/* The key of rank k (from 0) of a[0..n) in descending order; a is reordered. Quickselect with
 * branchless partitions (the element swapped in place whichever side it goes to, the bound
 * moved by the comparison): a branch per comparison was a coin toss. The larger keys go in
 * front of the pivot's equals, the smaller after, and the range that holds rank k is kept. */
static uint64_t kth_desc(uint64_t *a, size_t n, size_t k)
{
    size_t l = 0, r = n;
    while (r - l > 1) {
        uint64_t x = a[l + (r - l) / 2];
        size_t p = l;
        for (size_t i = l; i < r; i++) {
            uint64_t v = a[i];
            a[i] = a[p];
            a[p] = v;
            p += v > x;
        }
        size_t q = p;
        for (size_t i = p; i < r; i++) {
            uint64_t v = a[i];
            a[i] = a[q];
            a[q] = v;
            q += v == x;
        }
        if (k < p)
            r = p;
        else if (k < q)
            return x;
        else
            l = q;
    }
    return a[l];
}

bti_story_tw bti_story_kth(bti_story_tw *a, size_t n, size_t k)
{
    if (n <= KTH_KEYED_MAX) {
        uint64_t key[KTH_KEYED_MAX];
        uint32_t ok = 1;
        for (size_t i = 0; i < n; i++) {
            uint32_t b;
            memcpy(&b, &a[i].w, sizeof b);
            ok &= b <= KTH_FLOAT_MAX_BITS;
            key[i] = (uint64_t)b << 32 | (UINT32_MAX - a[i].id);
        }
        if (ok) {
            uint64_t x = kth_desc(key, n, k);
            uint32_t b = (uint32_t)(x >> 32);
            bti_story_tw got;
            got.id = UINT32_MAX - (uint32_t)x;
            memcpy(&got.w, &b, sizeof got.w);
            return got;
        }
    }
    /* Hoare's FIND (Wirth's formulation), pivot at the rank sought */
    ptrdiff_t l = 0, r = (ptrdiff_t)n - 1, kk = (ptrdiff_t)k;
    while (l < r) {
        bti_story_tw x = a[kk];
        ptrdiff_t i = l, j = r;
        do {
            while (bti_story_tw_before(a[i], x))
                i++;
            while (bti_story_tw_before(x, a[j]))
                j--;
            if (i <= j) {
                bti_story_tw t = a[i];
                a[i++] = a[j];
                a[j--] = t;
            }
        } while (i <= j);
        if (j < kk)
            l = i;
        if (kk < i)
            r = j;
    }
    return a[kk];
}

/* Below this many entries an insertion sort beats the radix sort's passes over 256 counters. */
#define SMALL_SORT 32

/* Sorts tw[0..n) by id (the order of equal ids does not matter: they are merged after),
 * tmp[0..n) as scratch: a radix sort of the ids' bytes, a pass skipped when every id has the
 * same byte there. */
static void sort_by_id(term_w *tw, term_w *tmp, size_t n)
{
    if (n <= SMALL_SORT) {
        for (size_t i = 1; i < n; i++) {
            term_w x = tw[i];
            size_t j = i;
            for (; j > 0 && tw[j - 1].id > x.id; j--)
                tw[j] = tw[j - 1];
            tw[j] = x;
        }
        return;
    }
    /* BYTES_THAT_VARY: a pass only for a byte in which two ids differ, found in one loop
     * (ids are below the dictionary's size, ~2^17: the top bytes are the same in all; each
     * pass counted them to find out, ~1,300 instructions a document) */
    uint32_t any = 0, all = UINT32_MAX;
    for (size_t i = 0; i < n; i++)
        any |= tw[i].id, all &= tw[i].id;
    term_w *src = tw, *dst = tmp;
    for (unsigned shift = 0; shift < 32; shift += 8) {
        if ((((any ^ all) >> shift) & 0xFF) == 0)
            continue;
        size_t count[256] = {0};
        for (size_t i = 0; i < n; i++)
            count[(src[i].id >> shift) & 0xFF]++;
        size_t pos = 0;
        for (int b = 0; b < 256; b++) {
            size_t c = count[b];
            count[b] = pos;
            pos += c;
        }
        for (size_t i = 0; i < n; i++)
            dst[count[(src[i].id >> shift) & 0xFF]++] = src[i];
        term_w *t = src;
        src = dst;
        dst = t;
    }
    if (src != tw)
        memcpy(tw, src, n * sizeof *tw);
}

/* TERMS_RESERVED: a document's entries are at most two a token (its word and the pair it
 * begins), and the merge after wants as many again of scratch: room for 4 a token is made
 * once a document, where each entry asked for it (a call a term). */
static inline void add_term(bti_story_scratch *s, uint32_t id, double w)
{
    term_w *tw = (term_w *)s->tid;
    tw[s->nt].id = id;
    tw[s->nt].w = (float)w;
    s->nt++;
}

void bti_story_scratch_free(bti_story_scratch *s)
{
    free(s->toks);
    free(s->chars);
    free(s->tid);
    memset(s, 0, sizeof *s);
}

int bti_story_vector(bti_story_dict *d, bti_story_scratch *s, const bti_story_config *cfg,
                     const bti_story_doc *doc, bti_svec *out)
{
    s->ntoks = s->nchars = s->nt = 0;
    out->n = 0;
    const char *src[2] = {doc->title ? doc->title : "", doc->text ? doc->text : ""};
    size_t len[2] = {doc->title ? doc->title_len : 0, doc->text ? doc->text_len : 0};
    size_t split = 0;
    for (unsigned char f = 0; f < 2; f++) {
        walk w = {s, f, f ? cfg->text_tokens : SIZE_MAX, 0};
        int rc = bt_tokenize(src[f], len[f], BT_TOKENIZE_FOLD | BT_TOKENIZE_KEY, on_token, &w);
        if (w.rc)
            return w.rc;
        if (rc < 0)
            return rc;
        if (f == 0)
            split = s->ntoks;
    }
    tok *t = s->toks;
    size_t n = s->ntoks;

    int vi;
    if (doc->lang && doc->lang[0])
        vi = (doc->lang[0] == 'v' || doc->lang[0] == 'V') && (doc->lang[1] == 'i' || doc->lang[1] == 'I');
    else {
        size_t marked = 0;
        for (size_t i = 0; i < n; i++)
            marked += t[i].marked;
        vi = n > 0 && (double)marked >= VI_MARKED_SHARE * (double)n;
    }
    int en = !vi && doc->lang && (doc->lang[0] == 'e' || doc->lang[0] == 'E');
    if (!doc->lang || !doc->lang[0])
        en = !vi; /* unknown and unmarked: most likely English */

    if (!s->stop_ready)
        stop_pack(s);
    for (size_t i = 0; i < n; i++) {
        if (vi)
            t[i].stop = (unsigned char)is_stop(s, 1, s->chars + t[i].aoff, t[i].alen);
        else
            t[i].stop = (unsigned char)((en && is_stop(s, 0, s->chars + t[i].foff, t[i].flen)) ||
                                        t[i].flen < 2);
    }
    mark_names(t, 0, split, src[0]);
    mark_names(t, split, n, src[1]);

    /* unigrams: stemmed (English), interned, and their name factor: from the capital where
     * the line's case tells, else from how often the word was seen capitalised where it
     * told (so "Glass" in a title-case headline is known as a name from other lines) */
    for (size_t i = 0; i < n; i++) {
        if (t[i].stop)
            continue;
        if (en)
            t[i].flen = (uint32_t)s_stem(s->chars + t[i].foff, t[i].flen);
        t[i].id = word_intern(d, s->chars + t[i].foff, t[i].flen);
        if (t[i].id == UINT32_MAX)
            return BT_ENOMEM;
        uint32_t id = t[i].id;
        if (t[i].told) {
            d->seen[id]++;
            d->caps[id] += (t[i].flags & BT_TOK_UPPER_INITIAL) != 0;
        }
        double p = 0;
        if (t[i].name)
            p = 1;
        else if (!t[i].told && (t[i].flags & BT_TOK_UPPER_INITIAL) && d->seen[id] >= NAME_MIN_SEEN)
            p = (double)d->caps[id] / d->seen[id];
        t[i].namef = 1.0 + (cfg->name_boost - 1.0) * p;
    }
    if (bti_array_grow((void **)&s->tid, &s->capt, 4 * n + 1, sizeof(term_w)))
        return BT_ENOMEM; /* TERMS_RESERVED */
    for (size_t i = 0; i < n; i++) {
        if (t[i].stop)
            continue;
        double field = t[i].field ? cfg->text_weight : 1.0;
        double uni = vi ? cfg->syllable_weight : 1.0;
        add_term(s, t[i].id, uni * t[i].namef * field);
        double pw = vi ? cfg->pair_weight : cfg->en_pair_weight;
        if (i + 1 < n && pw > 0 && t[i + 1].field == t[i].field && !t[i + 1].stop &&
            adjacent(src[t[i].field], t[i].end, t[i + 1].start) &&
            t[i].flen + t[i + 1].flen + 1 <= PAIR_MAX) {
            uint32_t pid = pair_intern(d, t[i].id, s->chars + t[i].foff, t[i].flen,
                                       t[i + 1].id, s->chars + t[i + 1].foff, t[i + 1].flen);
            if (pid == UINT32_MAX)
                return BT_ENOMEM;
            double pn = t[i].namef < t[i + 1].namef ? t[i].namef : t[i + 1].namef;
            /* cohesion: the share of the documents holding the rarer of the two tokens that
             * hold the pair (documents before this one, plus this one, smoothed). A word of
             * two syllables (đàm phán) keeps close to 1; two syllables that met by chance
             * across a word boundary (phán thương) fall towards 0, as they are seen apart.
             * Without it the rare chance pairs would get the highest IDF of all. */
            uint32_t da = d->df[t[i].id], db = d->df[t[i + 1].id];
            double coh = (double)(d->df[pid] + 1) / ((da < db ? da : db) + 1 + PAIR_SMOOTH);
            add_term(s, pid, pw * pn * field * (coh < 1 ? coh : 1));
        }
    }

    /* one entry per term: the heaviest occurrence, times a sublinear count */
    if (s->nt == 0) {
        d->ndocs++; /* a document all the same, for the IDF */
        return 0;
    }
    /* room for a scratch copy after the entries: made above (TERMS_RESERVED) */
    term_w *tw = (term_w *)s->tid, *tmp = tw + s->nt;
    sort_by_id(tw, tmp, s->nt);
    size_t m = 0;
    /* LOG_COUNT: a term met k > 1 times weighs 1 + log(k); the few counts of a document
     * (2 and 3 mostly) each take their log once a document, as LOG_ONCE does for the IDFs
     * (62,000 of the 254,000 logs on 3,000 VietNews articles were these) */
    double log_small[IDF_CACHED];
    unsigned char log_have[IDF_CACHED] = {0};
    for (size_t i = 0; i < s->nt;) {
        size_t j = i;
        float best = 0;
        for (; j < s->nt && tw[j].id == tw[i].id; j++)
            best = tw[j].w > best ? tw[j].w : best;
        tw[m].id = tw[i].id;
        /* LOG_ONCE: log(1) is 0 (most terms are met once), and a document's terms share a
         * few document frequencies: each log is taken once a document */
        size_t k = j - i;
        if (k == 1)
            tw[m].w = best;
        else {
            double lk;
            if (k < IDF_CACHED && log_have[k])
                lk = log_small[k];
            else {
                lk = log((double)k);
                if (k < IDF_CACHED)
                    log_small[k] = lk, log_have[k] = 1;
            }
            tw[m].w = (float)(best * (1.0 + lk));
        }
        m++;
        i = j;
    }
    d->ndocs++;
    for (size_t i = 0; i < m; i++)
        d->df[tw[i].id]++;
    double idf_small[IDF_CACHED]; /* df -> its IDF in this document, once asked */
    unsigned char idf_have[IDF_CACHED] = {0};
    for (size_t i = 0; i < m; i++) {
        uint32_t df = d->df[tw[i].id];
        double idf;
        if (df < IDF_CACHED && idf_have[df])
            idf = idf_small[df];
        else {
            idf = log((double)(d->ndocs + 1) / (double)df);
            if (df < IDF_CACHED)
                idf_small[df] = idf, idf_have[df] = 1;
        }
        tw[i].w *= (float)idf;
    }
    if (m > cfg->doc_terms) {
        /* the heaviest doc_terms, kept in id order: those not after the one of that rank */
        memcpy(tmp, tw, m * sizeof *tw);
        term_w cut = bti_story_kth(tmp, m, cfg->doc_terms - 1);
        size_t k = 0;
        for (size_t i = 0; i < m; i++)
            if (!bti_story_tw_before(cut, tw[i]))
                tw[k++] = tw[i];
        m = k;
    }
    double norm = 0;
    for (size_t i = 0; i < m; i++)
        norm += (double)tw[i].w * tw[i].w;
    if (norm <= 0)
        return 0;
    norm = sqrt(norm);
    if (bti_svec_reserve(out, (uint32_t)m))
        return BT_ENOMEM;
    for (size_t i = 0; i < m; i++) {
        out->id[i] = tw[i].id;
        out->w[i] = (float)(tw[i].w / norm);
    }
    out->n = (uint32_t)m;
    return 0;
}
