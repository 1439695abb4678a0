#!/bin/sh
# related.sh: the related-articles bench (bench_related) on the two story sets and the
# Vietnamese proxy (bench/related_vi_proxy.py), 20,000 and ~58,000 distractors; prints each
# table. Build first: make -j2 build/release/bench/bench_related. See bench/README.md.
#   sh bench/related.sh [OUTDIR]      (default /tmp/bantin-related-bench)
set -eu
cd "$(dirname "$0")/.."
out=${1:-/tmp/bantin-related-bench}
b=build/release/bench/bench_related
s=../shared/dev/stories
mkdir -p "$out"
echo "== uci-dev (Google News week, titles, days)"
$b $s/uci-dev/articles.jsonl $s/uci-dev/gold.json --queries 2000
echo "== googlenews-ts-a (title + snippet, no dates)"
$b $s/googlenews-ts-a/articles.jsonl $s/googlenews-ts-a/gold.json --queries 2000
python3 bench/related_vi_proxy.py "$out/vi20k" --distractors 20000 >/dev/null
echo "== Vietnamese proxy, 20,000 distractors"
$b "$out/vi20k/articles.jsonl" "$out/vi20k/gold.json" --distractors "$out/vi20k/distractors.jsonl" --queries 1000
python3 bench/related_vi_proxy.py "$out/vi60k" --distractors 60000 >/dev/null
echo "== Vietnamese proxy, all the corpus's other articles as distractors"
$b "$out/vi60k/articles.jsonl" "$out/vi60k/gold.json" --distractors "$out/vi60k/distractors.jsonl" --queries 300
