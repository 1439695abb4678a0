#!/usr/bin/env python3
"""Score bantin's extraction against goose3-style expectations: a folder (searched
recursively) of PAGE.html files, each with a PAGE.json {"expected": {...}} beside it (the
layout of goose3's tests/data). Pages without a json are not scored. Nothing is read from
the repository's own data: the folder is the only input, so sites never seen stay unseen.

usage: scripts/score-goose.py [--per-page] [--out FILE.jsonl] [--skip NAME,...] DIR [EXTRACT-COMMAND...]
       (default command: ./bantin extract; it is run once on every page, JSON out)
       --skip: pages left out by file name without .html (goose3's tests that configure a
       site's own pattern first: test_pattern_config, test_author_config,
       test_publish_date_config)

Fields, each scored only where the expectation has it:
  title      exact after NFC, whitespace folding and case folding; "norm" also counts a
             match once one trailing ` - Site` / ` | Site` / ` : Site` segment is taken off
             goose's title (goose keeps site suffixes that the spec drops)
  text       goose's cleaned_text is usually the text's beginning: "start" = it begins
             bantin's text (lede + body paragraphs, whitespace folded, NFC); "in" = it is
             found anywhere in it; "recall" = share of its \\w+ tokens (bag) in bantin's
             text; "pF1" = token F1 against bantin's text cut to as many tokens as expected
  authors    the same set of names, case folded
  published  the same calendar day as goose's publish_date (its own offset)
"""
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter

try:
    from dateutil import parser as dparser
except ImportError:  # same-day check falls back to the ISO date prefix
    dparser = None

SITE_SEPARATORS = (" - ", " | ", " : ", " – ", " — ", " :: ", " » ")


def norm(s):
    s = unicodedata.normalize("NFC", s or "")
    return re.sub(r"\s+", " ", s).strip()


def fold(s):
    return norm(s).casefold()


def tokens(s):
    return re.findall(r"\w+", unicodedata.normalize("NFC", s or "").casefold())


def f1(exp, got):
    e, g = Counter(exp), Counter(got)
    common = sum((e & g).values())
    if not common:
        return 0.0
    p, r = common / sum(g.values()), common / sum(e.values())
    return 2 * p * r / (p + r)


def title_norm_match(exp, got):
    e, g = fold(exp), fold(got)
    if e == g:
        return True
    for sep in SITE_SEPARATORS:
        i = e.rfind(sep.casefold())
        if i > 0 and e[:i].strip() == g:
            return True
        i = e.find(sep.casefold())
        if i > 0 and e[i + len(sep):].strip() == g:  # `Site | Title`
            return True
    return False


def day_of(value):
    if not value:
        return None
    v = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", v)
    if m:
        return m.group(0)
    if re.fullmatch(r"\d{10,13}", v):
        import datetime
        t = int(v) / (1000 if len(v) == 13 else 1)
        return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).date().isoformat()
    if dparser:
        try:
            return dparser.parse(v, fuzzy=True, tzinfos={"EDT": -4 * 3600, "EST": -5 * 3600}).date().isoformat()
        except (ValueError, OverflowError):
            return None
    return None


def main(argv):
    per_page, out, skip = False, None, set()
    while argv and argv[0].startswith("--"):
        a = argv.pop(0)
        if a == "--per-page":
            per_page = True
        elif a == "--out":
            out = argv.pop(0)
        elif a == "--skip":
            skip |= set(argv.pop(0).split(","))
        else:
            sys.exit(__doc__)
    if not argv:
        sys.exit(__doc__)
    root, cmd = argv[0], argv[1:] or ["./bantin", "extract"]
    pages = []
    for d, _, files in os.walk(root):
        for f in sorted(files):
            if (f.endswith(".html") and f[:-5] not in skip and
                    os.path.exists(os.path.join(d, f[:-5] + ".json"))):
                pages.append(os.path.join(d, f))
    pages.sort()
    res = subprocess.run(cmd + ["--format", "json", "-q", "-j", "1"] + pages,
                         capture_output=True, text=True)
    recs = {}
    for line in res.stdout.splitlines():
        r = json.loads(line)
        recs[r["origin"]] = r
    if out:
        with open(out, "w") as fo:
            for p in pages:
                fo.write(json.dumps(recs.get(p), ensure_ascii=False) + "\n")
    tally = Counter()
    fails = []
    for p in pages:
        with open(p[:-5] + ".json") as fi:
            data = json.load(fi)
        exp = data.get("expected", data)
        r = recs.get(p) or {}
        name = os.path.relpath(p, root)
        text = norm(" ".join(([r["lede"]] if r.get("lede") else []) + [b for b in r.get("body") or [] if b]))
        row = {}
        if "title" in exp:
            tally["title.n"] += 1
            ex = fold(exp["title"]) == fold(r.get("title"))
            nm = title_norm_match(exp["title"], r.get("title") or "")
            tally["title.exact"] += ex
            tally["title.norm"] += nm
            if not nm:
                fails.append((name, "title", exp["title"], r.get("title")))
            row["title"] = nm
        if exp.get("cleaned_text") is not None and "cleaned_text" in exp:
            e = norm(exp["cleaned_text"])
            tally["text.n"] += 1
            st, inside = text.startswith(e), e in text
            et, gt = tokens(e), tokens(text)
            rec = sum((Counter(et) & Counter(gt)).values()) / max(1, len(et))
            pf = f1(et, gt[:len(et)])
            tally["text.start"] += st
            tally["text.in"] += inside
            tally["text.recall"] += rec
            tally["text.pF1"] += pf
            if not st:
                fails.append((name, "text", e[:120], text[:120] + f"  [in={inside} recall={rec:.2f} pF1={pf:.2f}]"))
            row["text"] = st
        if exp.get("authors"):
            tally["authors.n"] += 1
            ok = sorted(fold(a) for a in exp["authors"]) == sorted(fold(a) for a in r.get("authors") or [])
            tally["authors.ok"] += ok
            if not ok:
                fails.append((name, "authors", exp["authors"], r.get("authors")))
            row["authors"] = ok
        if exp.get("publish_date"):
            tally["published.n"] += 1
            ok = day_of(exp["publish_date"]) is not None and day_of(exp["publish_date"]) == day_of(r.get("published"))
            tally["published.ok"] += ok
            if not ok:
                fails.append((name, "published", exp["publish_date"], r.get("published")))
            row["published"] = ok
        if per_page:
            print(name, json.dumps(row))

    def share(k, n):
        return f"{tally[k] / tally[n]:.3f} ({tally[n]})" if tally[n] else "-"
    print(f"pages {len(pages)}, with a record {sum(1 for p in pages if p in recs)}")
    print(f"title exact {share('title.exact', 'title.n')} norm {share('title.norm', 'title.n')}")
    print(f"text start {share('text.start', 'text.n')} in {share('text.in', 'text.n')} "
          f"recall {share('text.recall', 'text.n')} pF1 {share('text.pF1', 'text.n')}")
    print(f"authors {share('authors.ok', 'authors.n')}  published {share('published.ok', 'published.n')}")
    for f in fails:
        print("FAIL", f[0], f[1], "| want:", f[2], "| got:", f[3])


if __name__ == "__main__":
    main(sys.argv[1:])
