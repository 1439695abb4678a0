#!/usr/bin/env python3
"""Agreement of bantin's metadata with Mozilla Readability's expected metadata on the
html-readability development pages (one tool's opinion, not gold: a regression check).

usage: score-readability-meta.py DIR OUT.jsonl
  DIR: ../shared/dev/html-readability (one folder per page: source.html,
  expected-metadata.json); OUT.jsonl: `bantin extract DIR/*/source.html` output.
Prints, over the pages where Readability gives the field: title (exact after white-space
folding), byline (bantin's authors joined by ", " equal to the byline, case-folded), lang
(primary subtag), published (same instant to the second), and pages with an article.
"""
import datetime, json, os, re, sys, unicodedata


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s or "")).strip()


def instant(s):
    try:
        d = datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    if d.tzinfo is None:
        return None
    return d.replace(microsecond=0)


def main():
    base, out = sys.argv[1], sys.argv[2]
    pred = {}
    for line in open(out, encoding="utf-8"):
        r = json.loads(line)
        pred[os.path.basename(os.path.dirname(r["origin"]))] = r
    hits = {"title": [0, 0], "byline": [0, 0], "lang": [0, 0], "published": [0, 0]}
    pages = sorted(d for d in os.listdir(base) if os.path.isdir(os.path.join(base, d)))
    for d in pages:
        m = json.load(open(os.path.join(base, d, "expected-metadata.json"), encoding="utf-8"))
        r = pred.get(d, {})
        checks = {
            "title": (m.get("title"), lambda g: norm(r.get("title")) == norm(g)),
            "byline": (m.get("byline"),
                       lambda g: norm(", ".join(r.get("authors") or [])).casefold()
                       == norm(g).casefold()),
            "lang": (m.get("lang"),
                     lambda g: (r.get("lang") or "").split("-")[0].lower()
                     == g.split("-")[0].lower()),
            "published": (m.get("publishedTime"),
                          lambda g: instant(g) is not None
                          and instant(r.get("published") or "") == instant(g)),
        }
        for k, (g, ok) in checks.items():
            if g:
                hits[k][1] += 1
                hits[k][0] += bool(ok(g))
    cells = " ".join(f"{k} {a / n:.3f} ({n})" for k, (a, n) in hits.items() if n)
    print(f"html-readability: pages {len(pages)}, with a record {len(pred)}; {cells}")


if __name__ == "__main__":
    main()
