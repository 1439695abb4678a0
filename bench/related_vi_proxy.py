#!/usr/bin/env python3
"""related_vi_proxy.py: a Vietnamese proxy for the related-articles bench (bench_related),
made from ../shared/corpus/vietnews-60k.jsonl.gz, which has no story groups: each of N
articles is cut in two "tellings" of its story that share no sentence, A = its title and the
first half of its sentences, B = its lede as title and the second half, and the pair is one
story. Articles from another part of the corpus are the distractors. What it measures: whether
the ranking finds a text of the same event among thousands on Vietnamese words (syllable
pairs, names, folding); what it does not: outlets' different wording of one event (the
held-out set's), so its figures are higher than a real cross-outlet set's.

    python3 bench/related_vi_proxy.py OUTDIR [--pairs 1000] [--distractors 20000]
writes OUTDIR/articles.jsonl, OUTDIR/gold.json and OUTDIR/distractors.jsonl."""
import argparse, gzip, json, os

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                 "shared", "corpus", "vietnews-60k.jsonl.gz"))
ap.add_argument("--pairs", type=int, default=1000)
ap.add_argument("--distractors", type=int, default=20000)
args = ap.parse_args()
os.makedirs(args.out, exist_ok=True)
seen = set()
pairs, distract = [], []
with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        key = (r.get("title"), r.get("lede"))
        if key in seen:  # the corpus holds some articles twice
            continue
        seen.add(key)
        body = [s for s in r.get("body") or [] if s.strip()]
        # the pairs from the first articles with enough text, the distractors after them
        if len(pairs) < args.pairs:
            if len(body) >= 6 and r.get("title") and r.get("lede"):
                pairs.append(r)
        elif len(distract) < args.distractors:
            distract.append(r)
        else:
            break
gold = {}
with open(os.path.join(args.out, "articles.jsonl"), "w", encoding="utf-8") as out:
    for i, r in enumerate(pairs):
        body = [s for s in r["body"] if s.strip()]
        half = len(body) // 2
        a = {"id": f"p{i}a", "title": r["title"], "body": body[:half], "lang": "vi"}
        b = {"id": f"p{i}b", "title": r["lede"], "body": body[half:], "lang": "vi"}
        for x in (a, b):
            out.write(json.dumps(x, ensure_ascii=False) + "\n")
            gold[x["id"]] = i
with open(os.path.join(args.out, "gold.json"), "w") as g:
    json.dump(gold, g)
with open(os.path.join(args.out, "distractors.jsonl"), "w", encoding="utf-8") as out:
    for i, r in enumerate(distract):
        out.write(json.dumps({"id": f"d{i}", "title": r.get("title") or "", "lede": r.get("lede"),
                              "body": r.get("body") or [], "lang": "vi"}, ensure_ascii=False) + "\n")
print(f"{len(pairs)} pairs, {len(distract)} distractors in {args.out}")
