#!/bin/sh
# snapshot.sh: what `bantin` prints for every development capture, in every output format, and
# what add/search/export/stats print over the seeds, into OUTDIR: run it before and after a
# refactor and `diff -r` the two folders (behaviour must stay byte-identical).
# Usage: scripts/snapshot.sh [BANTIN] OUTDIR     (BANTIN defaults to ./bantin; ../shared beside)
set -u
if [ $# -ge 2 ]; then B=$1; OUT=$2; else B=./bantin; OUT=${1:?usage: snapshot.sh [BANTIN] OUTDIR}; fi
SHARED=${BANTIN_SHARED:-../shared}
mkdir -p "$OUT"
B=$(cd "$(dirname "$B")" && pwd)/$(basename "$B")
run() { # name, then the command: stdout and stderr and exit status kept apart
    name=$1; shift
    "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo "$?" >"$OUT/$name.rc"
}
sets="samples test/data/multisite"
[ -d "$SHARED" ] && sets="$sets $SHARED/seeds $SHARED/dev/vi-html $SHARED/dev/multisite-fundus/pages \
$SHARED/dev/html-readability $SHARED/dev/trafilatura-eval/pages"
i=0
for d in $sets; do
    [ -d "$d" ] || continue
    i=$((i + 1))
    for f in $(find "$d" -type f ! -name '*.json' ! -name '*.jsonl' ! -name '*.md' ! -name '*.tsv' ! -name '*.py' | LC_ALL=C sort); do
        for fmt in json text markdown html; do
            n=$(printf '%s' "$f" | tr '/.' '__')
            run "x-$n-$fmt" "$B" extract -j1 --format "$fmt" "$f"
        done
    done
    n=$(printf '%s' "$d" | tr '/.' '__')
    run "r-$n" "$B" extract -r -j2 --format json "$d"
done
if [ -d "$SHARED/seeds" ]; then
    db=$(mktemp -d)/s.db
    run add "$B" add --db "$db" --jobs 2 "$SHARED/seeds" samples
    sed -i 's/ in [0-9.]*s ([0-9]*\/s)//' "$OUT/add.err"
    run add-again "$B" add --db "$db" "$SHARED/seeds"
    run add-json "$B" add --json --db "$db" samples
    sed -i 's/"seconds":[0-9.]*//' "$OUT/add-json.out"
    for q in "dam phan" "đàm phán" '"Taliban"' 'title:afghanistan' 'kabul -mỹ' 'since:2021-08-16 taliban'; do
        n=$(printf '%s' "$q" | md5sum | cut -c1-8)
        run "s-$n" "$B" search --db "$db" "$q"
        run "sj-$n" "$B" search --db "$db" --format json "$q"
    done
    run export "$B" export --db "$db"
    run stats "$B" stats --db "$db"
    sed -i '/added\|bytes\|size/d' "$OUT/stats.out"
    run stats-json "$B" stats --db "$db" --json
    sed -i 's/"[a-z_]*added[a-z_]*":"[^"]*"//g; s/"[a-z_]*bytes":[0-9]*//g' "$OUT/stats-json.out"
    for id in $(sed -n 's/.*"id":"\([0-9a-f]*\)".*/\1/p' "$OUT/export.out" | head -3); do
        run "show-$id" "$B" show --db "$db" "$id"
    done
    for f in "$OUT"/add*; do sed -i "s|$db|DB|g" "$f"; done
    rm -rf "$(dirname "$db")"
fi
echo "snapshot: $(ls "$OUT" | wc -l) files in $OUT" >&2
