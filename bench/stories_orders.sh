#!/bin/sh
# stories_orders.sh: the story core (bench_stories) on both development sets in 7 orders of
# arrival: the file's, the store's (day, time, then a hash of the store's id, from `bantin add`
# and `bantin export` of the set) and 5 shuffles within each day; prints BCubed F1 of each
# order, their mean and minimum, and TS's NMI. The store's order is a shuffle like the others
# (its ids are hashes): a change is judged on the mean and the worst order, not on one.
# Run from the checkout after `make bench`:   sh bench/stories_orders.sh [--set NAME=VALUE ...]
# Extra arguments go to every bench_stories run (to explore; the reported figures use none).
set -e
B=${BENCH_STORIES:-build/release/bench/bench_stories}
BANTIN=${BANTIN:-./bantin}
SH=${BANTIN_SHARED:-../shared}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for set_ in uci-dev googlenews-ts-a; do
  A=$SH/dev/stories/$set_/articles.jsonl
  # the store's order: the set stored (a record needs a paragraph), its ids read back
  python3 -c "
import json
for l in open('$A'):
    o = json.loads(l)
    if not o.get('body'):
        o['body'] = ['']
    print(json.dumps(o, ensure_ascii=False))" > "$tmp/in.jsonl"
  "$BANTIN" add -q --db "$tmp/s.db" "$tmp/in.jsonl"
  "$BANTIN" export --db "$tmp/s.db" > "$tmp/export.jsonl"
  rm -f "$tmp/s.db"*
  python3 - "$A" "$tmp/export.jsonl" > "$tmp/store.jsonl" <<'PY'
import json, sys
M = (1 << 64) - 1
def hash64(b, seed): # src/core/hash.c's bti_hash64
    def step(h, w):
        w = (w * 0xC2B2AE3D27D4EB4F) & M
        w = ((w << 31) | (w >> 33)) & M
        h ^= (w * 0x9E3779B97F4A7C15) & M
        return ((((h << 27) | (h >> 37)) & M) * 5 + 0x52DCE729) & M
    h, n, i = seed ^ 0x9E3779B97F4A7C15, len(b), 0
    while n - i >= 8:
        h = step(h, int.from_bytes(b[i:i + 8], 'little'))
        i += 8
    t = b[i:]
    h = step(h, int.from_bytes(t + bytes(8 - len(t)), 'little') ^ (len(t) << 56)) ^ n
    h ^= h >> 31; h = (h * 0x7FB5D329728EA185) & M
    h ^= h >> 27; h = (h * 0x81DADEF4BC2DD44D) & M
    return h ^ (h >> 33)
def text(o):
    return json.dumps([o.get('title'), [p for p in (o.get('body') or []) if p]], ensure_ascii=False)
stored = [json.loads(l) for l in open(sys.argv[2])]
by_url = {o['url']: o['id'] for o in stored if o.get('url')}
by_text = {text(o): o['id'] for o in stored}
recs = [json.loads(l) for l in open(sys.argv[1])]
def key(o): # records the store merged into another sort by that one's id; ties of a time by
    p = o.get('published') or '' # a hash of the id (story_db.c, TIE_ORDER, seed 0x5354)
    i = by_url.get(o.get('url')) or by_text.get(text(o), '')
    return (p[:10], p, hash64(i.encode(), 0x5354), i)
for o in sorted(recs, key=key):
    print(json.dumps(o, ensure_ascii=False))
PY
  for o in file store 1 2 3 4 5; do
    case $o in
      file) $B "$A" --out "$tmp/$o.tsv" "$@" > /dev/null ;;
      store) $B "$tmp/store.jsonl" --out "$tmp/$o.tsv" "$@" > /dev/null ;;
      *) $B "$A" --out "$tmp/$o.tsv" --shuffle $o "$@" > /dev/null ;;
    esac
    python3 "$SH/tools/score_stories.py" "$SH/dev/stories/$set_/gold.json" "$tmp/$o.tsv" --json \
      > "$tmp/$set_.$o.json"
  done
done
python3 - "$tmp" <<'PY'
import json, sys
orders = ['file', 'store', '1', '2', '3', '4', '5']
for s in ['uci-dev', 'googlenews-ts-a']:
    js = [json.load(open('%s/%s.%s.json' % (sys.argv[1], s, o))) for o in orders]
    f = [j['bcubed_f1'] for j in js]
    n = [j['nmi_sqrt'] for j in js]
    print('%-15s BCubed F1 %s | mean %.3f min %.3f | NMI mean %.3f min %.3f' % (
        s, ' '.join('%s %.3f' % (o, x) for o, x in zip(orders, f)), sum(f) / len(f), min(f),
        sum(n) / len(n), min(n)))
PY
