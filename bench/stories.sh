#!/bin/sh
# stories.sh: story clustering on both development sets of ../shared/dev/stories, scored by
# ../shared/tools/score_stories.py: every document alone, a plain single-pass TF-IDF pass
# (bantin's terms; no names, merges, neighbours or decay; threshold tuned per set), the
# defaults in file order and in five shuffled orders within each day; one line each with
# BCubed P/R/F1, pairwise F1, NMI (sqrt) and documents/s. Run from the checkout after
# `make bench`:   sh bench/stories.sh [EXTRA --set NAME=VALUE ...]
# Extra arguments go to every bantin run (to explore; the reported figures use none).
set -e
B=build/release/bench/bench_stories
SH=${BANTIN_SHARED:-../shared}
S=$SH/tools/score_stories.py
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
row() { # name set args...
  name=$1; set_=$2; shift 2
  speed=$($B "$SH/dev/stories/$set_/articles.jsonl" --out "$tmp/p.tsv" "$@" | sed 's/.*stories, //')
  python3 "$S" "$SH/dev/stories/$set_/gold.json" "$tmp/p.tsv" --json | python3 -c "
import json, sys
j = json.load(sys.stdin)
print('| %-28s | %-15s | %.3f | %.3f | %.3f | %.3f | %.3f | %s |' % ('$name', '$set_',
      j['bcubed_p'], j['bcubed_r'], j['bcubed_f1'], j['pair_f1'], j['nmi_sqrt'], '$speed'.split(', ')[-1]))"
}
echo "| system | set | BCubed P | BCubed R | BCubed F1 | pairwise F1 | NMI | speed |"
echo "|---|---|---|---|---|---|---|---|"
base="--set knn=0 --set merge_every=0 --set merge_threshold=9 --set decay_days=0 --set name_boost=1
      --set one_term_discount=0 --set adopt_factor=1"
for set_ in uci-dev googlenews-ts-a; do
  # the single pass's threshold tuned for each set, as the baseline was
  if [ $set_ = uci-dev ]; then t=0.2; else t=0.1; fi
  row "every document alone" $set_ --alone
  row "single-pass TF-IDF, t=$t" $set_ $base --set threshold=$t
  row "bantin (defaults)" $set_ "$@"
  for seed in 1 2 3 4 5; do
    row "bantin, shuffle $seed" $set_ --shuffle $seed "$@"
  done
done
