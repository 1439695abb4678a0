#!/usr/bin/env python3
"""What a writer-kept table of adjacent syllable pairs would cost (issue 15, item 2; bench/README.md):
distinct pairs per article (upserts in the writer's transaction) and distinct marked pairs (rows).
Usage: search_pairs_estimate.py ARTICLES.jsonl N"""
import json, re, sys, unicodedata
def fold(s):
    s = s.replace('đ', 'd')
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')
W = re.compile(r'\w+')
n = 0; upserts = 0; marked = set(); folded = set(); tokens = 0
upserts_tl = 0; marked_tl = set()
limit = int(sys.argv[2])
for line in open(sys.argv[1]):
    a = json.loads(line); n += 1
    if n > limit: break
    seen = set(); seen_tl = set()
    for field in ('title', 'lede', 'body'):
        t = a.get(field) or ''
        if isinstance(t, list): t = ' '.join(t)
        for para in t.split('\n'):
            w = [x.lower() for x in W.findall(unicodedata.normalize('NFC', para))]
            tokens += len(w)
            for x, y in zip(w, w[1:]):
                p = x + ' ' + y
                seen.add(p)
                if field != 'body': seen_tl.add(p)
    upserts += len(seen); upserts_tl += len(seen_tl)
    marked |= seen; marked_tl |= seen_tl
    if n in (5000, 10000, 20000):
        print(f"{n} articles: tokens {tokens}, distinct pairs per article {upserts/n:.0f} (title+lede {upserts_tl/n:.0f}), "
              f"distinct marked pairs {len(marked)} (title+lede {len(marked_tl)}), "
              f"est. table bytes ~{len(marked)*(2*len(' '.join(list(marked)[:1000]))/1000+8)/1e6:.1f} MB", flush=True)
