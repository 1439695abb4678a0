/* kind.c: the kind of article a page is (bt_article.kind: article, video, photo,
 * infographic, live, podcast), as named rules over the evidence both extractors gather, the
 * strongest first:
 *   1. the title's marker, which editors set for readers ("[Video] X", "Infographic: X",
 *      "Trực tiếp: X", "E-magazine | X"): a lexicon word (BTI_LEX_KIND_*) in brackets or
 *      before a separator, never a word that merely starts the headline ("Video game sales");
 *   2. the JSON-LD article's @type (LiveBlogPosting), or the page's only object when it is
 *      no article (VideoObject, ImageGallery, PodcastEpisode);
 *   3. og:type "video.*";
 *   4. the content itself: a player (<video>, a video <iframe>) over little text is a video;
 *      many photos with a line or two each is a photo story.
 * Pure: no state, safe from any thread. */
#include "extract/kind.h"
#include "extract/lexicon.h"
#include "text/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define KIND_VIDEO_MAX_TEXT 400   /* bytes of text under a player: a sapo, not an article */
#define KIND_PHOTO_MIN_IMAGES 8   /* a photo story shows many photos ... */
#define KIND_PHOTO_TEXT_PER_IMAGE 100 /* ... and the text is their captions: the body says little */

static const struct {
    unsigned list;
    const char *kind;
} MARKERS[] = {
    {BTI_LEX_KIND_VIDEO, BT_ARTICLE_KIND_VIDEO},
    {BTI_LEX_KIND_PHOTO, BT_ARTICLE_KIND_PHOTO},
    {BTI_LEX_KIND_INFOGRAPHIC, BT_ARTICLE_KIND_INFOGRAPHIC},
    {BTI_LEX_KIND_LIVE, BT_ARTICLE_KIND_LIVE},
    {BTI_LEX_KIND_PODCAST, BT_ARTICLE_KIND_PODCAST},
    {BTI_LEX_KIND_ARTICLE, BT_ARTICLE_KIND_ARTICLE},
};

#define ALL_MARKERS                                                                            \
    (BTI_LEX_KIND_VIDEO | BTI_LEX_KIND_PHOTO | BTI_LEX_KIND_INFOGRAPHIC | BTI_LEX_KIND_LIVE | \
     BTI_LEX_KIND_PODCAST | BTI_LEX_KIND_ARTICLE)

const char *bti_kind_marker(const char *title)
{
    if (!title)
        return NULL;
    size_t fl;
    char *f = bti_fold_dup(title, strlen(title), &fl);
    if (!f)
        return NULL;
    size_t i = 0;
    int bracket = 0;
    while (i < fl && f[i] == ' ')
        i++;
    if (i < fl && (f[i] == '[' || f[i] == '(')) {
        bracket = 1;
        i++;
    }
    const char *kind = NULL;
    size_t l = bti_lex_prefix(ALL_MARKERS, f + i, fl - i, " :])|-");
    if (l) {
        size_t j = i + l;
        while (j < fl && f[j] == ' ')
            j++;
        /* the marker stands apart: "[Video]", "(Ảnh)", "Video:", "E-magazine |", "Live -" */
        int apart = j < fl && (bracket ? (f[j] == ']' || f[j] == ')')
                                       : (f[j] == ':' || f[j] == '|' ||
                                          (f[j] == '-' && j > i + l)));
        for (size_t m = 0; apart && !kind && m < sizeof MARKERS / sizeof MARKERS[0]; m++)
            if (bti_lex_has(MARKERS[m].list, f + i, l))
                kind = MARKERS[m].kind;
    }
    free(f);
    return kind;
}

/* The kind a schema.org or OpenGraph type names, or NULL. */
static const char *of_type(const char *t)
{
    static const struct {
        const char *type, *kind;
    } TYPES[] = {
        {"LiveBlogPosting", BT_ARTICLE_KIND_LIVE},   {"VideoObject", BT_ARTICLE_KIND_VIDEO},
        {"Clip", BT_ARTICLE_KIND_VIDEO},             {"ImageGallery", BT_ARTICLE_KIND_PHOTO},
        {"PodcastEpisode", BT_ARTICLE_KIND_PODCAST}, {"AudioObject", BT_ARTICLE_KIND_PODCAST},
    };
    for (size_t i = 0; t && i < sizeof TYPES / sizeof TYPES[0]; i++)
        if (!strcmp(t, TYPES[i].type))
            return TYPES[i].kind;
    return NULL;
}

const char *bti_kind_detect(const bti_kind_signals *s)
{
    const char *k = bti_kind_marker(s->title);
    if (k)
        return k;
    if (s->ld_type)
        return (k = of_type(s->ld_type)) ? k : BT_ARTICLE_KIND_ARTICLE;
    if ((k = of_type(s->ld_other)))
        return k;
    if (s->og_type && !strncasecmp(s->og_type, "video", 5))
        return BT_ARTICLE_KIND_VIDEO;
    if (s->main_video && s->text_bytes <= KIND_VIDEO_MAX_TEXT)
        return BT_ARTICLE_KIND_VIDEO;
    if (s->n_images >= KIND_PHOTO_MIN_IMAGES &&
        s->text_bytes <= s->n_images * KIND_PHOTO_TEXT_PER_IMAGE)
        return BT_ARTICLE_KIND_PHOTO;
    return BT_ARTICLE_KIND_ARTICLE;
}

int bti_kind_set(bt_article *a, const bti_kind_signals *s)
{
    const char *k = bti_kind_detect(s);
    /* "article" is the default: left unset, as the store keeps it */
    if (!strcmp(k, BT_ARTICLE_KIND_ARTICLE))
        return bt_article_set(&a->kind, NULL, 0);
    return bt_article_set(&a->kind, k, strlen(k));
}
