#!/bin/sh
# stories_store.sh: story clustering through the store, the path `bantin add` takes (the
# writer's catch-up in the canonical order: day, time, id), on both development sets of
# ../shared/dev/stories, scored by ../shared/tools/score_stories.py. Each set is added with
# `bantin add` (the Google News week, which has no text, with an empty paragraph: a record
# needs one), the stories read back with `bantin stories --format json --members`, and the
# store's articles mapped to the set's ids by URL, else by title and text (records of the
# same text are one article to the store, its other captures: they share its story). One line a set, as
# bench/stories.sh prints them. Run from the checkout after `make`:  sh bench/stories_store.sh
set -e
B=${BANTIN:-./bantin}
SH=${BANTIN_SHARED:-../shared}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "| system | set | BCubed P | BCubed R | BCubed F1 | pairwise F1 | NMI | add + stories |"
echo "|---|---|---|---|---|---|---|---|"
for set_ in uci-dev googlenews-ts-a; do
  A=$SH/dev/stories/$set_/articles.jsonl
  python3 -c "
import json, sys
for l in open('$A'):
    o = json.loads(l)
    if not o.get('body'):
        o['body'] = ['']
    print(json.dumps(o, ensure_ascii=False))" > "$tmp/in.jsonl"
  rm -f "$tmp/s.db"*
  t0=$(date +%s.%N)
  "$B" add -q --db "$tmp/s.db" "$tmp/in.jsonl"
  t1=$(date +%s.%N)
  "$B" export --db "$tmp/s.db" > "$tmp/export.jsonl"
  "$B" stories --db "$tmp/s.db" --format json --members > "$tmp/stories.jsonl"
  python3 - "$A" "$tmp/export.jsonl" "$tmp/stories.jsonl" > "$tmp/p.tsv" <<'PY'
import json, sys
def text(o):
    return json.dumps([o.get('title'), [p for p in (o.get('body') or []) if p]], ensure_ascii=False)
recs = [json.loads(l) for l in open(sys.argv[1])]
stored = [json.loads(l) for l in open(sys.argv[2])]
urls = {o.get('url') for o in stored if o.get('url')}
by_url, by_text = {}, {}
for o in recs:
    if o.get('url') in urls:
        by_url.setdefault(o['url'], []).append(o['id'])
    else: # stored as another capture of an article of the same text
        by_text.setdefault(text(o), []).append(o['id'])
key = {o['id']: (o.get('url'), text(o)) for o in stored}
for l in open(sys.argv[3]):
    st = json.loads(l)
    for a in st['articles']:
        url, t = key[a]
        for i in by_url.get(url, []) + by_text.pop(t, []):
            print('%s\t%s' % (i, st['id']))
PY
  python3 "$SH/tools/score_stories.py" "$SH/dev/stories/$set_/gold.json" "$tmp/p.tsv" --json |
    python3 -c "
import json, sys
j = json.load(sys.stdin)
print('| %-28s | %-15s | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f s |' % ('bantin add (store)', '$set_',
      j['bcubed_p'], j['bcubed_r'], j['bcubed_f1'], j['pair_f1'], j['nmi_sqrt'], $t1 - $t0))"
done
