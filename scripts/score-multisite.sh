#!/bin/sh
# Score an extractor on the team-written multi-site dev set (test/data/multisite): the HTML
# pages and their text renderings by pandoc (gfm), html2text (python3-html2text's
# html2markdown) and lynx. Renderings are regenerated first when the three tools are
# installed (apt-get install pandoc python3-html2text lynx), so they match the tools at hand.
#
# usage: scripts/score-multisite.sh [EXTRACT-COMMAND...]   (default: ./bantin extract)
# Run from the repository root. Prints check_extract.py's per-file and summary lines per set.
# check_extract.py scores nothing when the extractor exits non-zero (one bad capture fails
# the batch); KEEP_GOING=1 ignores the exit status so such a capture counts as "no article
# printed" and the rest of the set is still scored.
set -u
cd "$(dirname "$0")/.." || exit 2
D=test/data/multisite
CHECK=../shared/tools/check_extract.py
[ $# -gt 0 ] || set -- ./bantin extract

render() {  # print SRC.html as UTF-8, as a crawler keeps a legacy-charset page (lynx cannot
            # decode windows-1258 itself, so the declared charset is rewritten too)
    if grep -qi 'charset=windows-1258' "$1"; then
        iconv -f CP1258 -t UTF-8 "$1" | sed 's/charset=windows-1258/charset=utf-8/I'
    else cat "$1"; fi
}

if command -v pandoc >/dev/null && command -v html2markdown >/dev/null && command -v lynx >/dev/null; then
    mkdir -p $D/text/pandoc-gfm $D/text/html2text $D/text/lynx
    for f in $D/html/*.html; do
        b=$(basename "$f" .html)
        render "$f" > /tmp/score-multisite.$$.html
        pandoc -f html -t gfm --wrap=none /tmp/score-multisite.$$.html > $D/text/pandoc-gfm/$b.txt
        html2markdown --ignore-images --body-width=0 /tmp/score-multisite.$$.html > $D/text/html2text/$b.txt
        lynx -dump -nolist -display_charset=utf-8 /tmp/score-multisite.$$.html > $D/text/lynx/$b.txt
    done
    rm -f /tmp/score-multisite.$$.html
else
    echo "(pandoc, html2markdown or lynx missing: scoring the committed renderings)"
fi

if [ "${KEEP_GOING:-0}" = 1 ]; then
    set -- sh -c '"$@"; exit 0' sh "$@"
fi

status=0
echo "== html"
python3 $CHECK --gold $D/gold.jsonl --dir $D/html -- "$@" || status=1
for t in pandoc-gfm html2text lynx; do
    echo "== $t"
    python3 $CHECK --gold $D/gold-text.jsonl --dir $D/text/$t -- "$@" || status=1
done
exit $status
