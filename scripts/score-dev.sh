#!/bin/sh
# Score the extractor on every development set in one run, so a change to extraction is
# judged on all of them at once (a gain on one set often costs another): the fundus
# multi-site pages per language (title, published, authors, lede, body), trafilatura-eval's
# snippets, agreement with Readability's metadata on html-readability, vi-html (HTML and its
# three text renderings) and the seeds.
#
# usage: scripts/score-dev.sh [EXTRACT-COMMAND...]   (default: ./bantin extract)
# Run from the repository root, with ../shared beside it. OUT (default /tmp/score-dev.$USER)
# keeps each set's JSONL output for diffing two runs. RENDER=1 also renders the fundus pages
# to text with pandoc (gfm), html2text (html2markdown) and lynx, as the vi-html renderings were
# made (apt-get install pandoc python3-html2text lynx), into OUT/render/, and scores the text
# extraction of each rendering against the same gold (slow: minutes).
set -u
cd "$(dirname "$0")/.." || exit 2
S=../shared
[ -d $S/dev ] || { echo "score-dev: $S/dev missing" >&2; exit 2; }
[ $# -gt 0 ] || set -- ./bantin extract
OUT=${OUT:-/tmp/score-dev.${USER:-u}}
mkdir -p "$OUT"

echo "== fundus dev (multisite-fundus, 163 pages): share correct (pages scored)"
"$@" $S/dev/multisite-fundus/pages/*.html.gz > "$OUT/fundus.jsonl" 2>/dev/null
python3 $S/tools/score_meta.py --gold $S/dev/multisite-fundus/gold.jsonl \
    --per-doc "$OUT/fundus.tsv" bantin="$OUT/fundus.jsonl" 2>&1 | grep -v '^== '

echo "== trafilatura-eval (990 pages): snippets, pooled"
python3 $S/tools/score_snippets.py --eval $S/dev/trafilatura-eval/eval.jsonl \
    --dir $S/dev/trafilatura-eval/pages --quiet --json "$OUT/trafilatura.json" -- "$@" -q

echo "== html-readability (130 pages): agreement with Readability's metadata"
"$@" $S/dev/html-readability/*/source.html > "$OUT/readability.jsonl" 2>/dev/null
python3 scripts/score-readability-meta.py $S/dev/html-readability "$OUT/readability.jsonl"

echo "== vi-html (12 pages): HTML, then the pandoc-gfm, html2text and lynx renderings"
python3 $S/tools/check_extract.py --gold $S/dev/vi-html/gold.jsonl --dir $S/dev/vi-html/html \
    -- "$@" | tail -1
for t in pandoc-gfm html2text lynx; do
    printf '%s: ' $t
    python3 $S/tools/check_extract.py --gold $S/dev/vi-html/gold-text.jsonl \
        --dir $S/dev/vi-html/text/$t -- "$@" | tail -1
done

echo "== seeds (5 captures)"
python3 $S/tools/check_extract.py --gold $S/gold/seeds.jsonl --dir $S/seeds -- "$@" | tail -1

if [ "${RENDER:-0}" = 1 ]; then
    echo "== fundus dev rendered to text (pandoc-gfm, html2text, lynx): text-capture extraction"
    R="$OUT/render"
    mkdir -p "$R/html" "$R/pandoc-gfm" "$R/html2text" "$R/lynx"
    # the same records, named for the renderings
    python3 -c 'import json,sys
for l in sys.stdin:
    r = json.loads(l); r["file"] = r["file"].replace(".html.gz", ".txt"); print(json.dumps(r, ensure_ascii=False))' \
        < $S/dev/multisite-fundus/gold.jsonl > "$R/gold-text.jsonl"
    for f in $S/dev/multisite-fundus/pages/*.html.gz; do
        b=$(basename "$f" .html.gz)
        [ -s "$R/lynx/$b.txt" ] && continue
        zcat "$f" > "$R/html/$b.html"
        pandoc -f html -t gfm --wrap=none "$R/html/$b.html" > "$R/pandoc-gfm/$b.txt" 2>/dev/null
        html2markdown --ignore-images --body-width=0 "$R/html/$b.html" > "$R/html2text/$b.txt" 2>/dev/null
        lynx -dump -nolist -display_charset=utf-8 "$R/html/$b.html" > "$R/lynx/$b.txt" 2>/dev/null
    done
    for t in pandoc-gfm html2text lynx; do
        echo "-- $t"
        "$@" "$R/$t"/*.txt > "$R/$t.jsonl" 2>/dev/null
        python3 $S/tools/score_meta.py --gold "$R/gold-text.jsonl" bantin="$R/$t.jsonl" 2>&1 |
            grep -E '^(lang|all|de|en) '
    done
fi
