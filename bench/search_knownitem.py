#!/usr/bin/env python3
"""Known-item search: is the article whose title was typed found, and how high?

For a sample of the articles (distinct titles of 3+ words), three queries from the title: (a) as
written (pasted: '-', ':', numbers as they are; straight double quotes taken out, since an
unbalanced one is a syntax error in every system), (b) the same without marks (đ -> d), (c)
lowercased without marks with one word dropped (a fixed random one). MRR@10 and top-1 of each
system, all in one run over the same articles:

  stock FTS5 (unicode61 remove_diacritics 2; words ANDed, bm25 10/5/1),
  stock + đ->d (the usual workaround: đ folded to d in text and query),
  stock + đ->d, phrase first (the whole query as a phrase first, then the words ANDed),
  bantin (`bantin add` then `bantin search --format json --limit 10`).

usage: search_knownitem.py ARTICLES.jsonl --bantin BIN [--queries N] [--seed S]
ARTICLES.jsonl: {id, title, lede, body} per line (the corpus's lines: see bench/README.md)."""
import argparse, json, os, random, sqlite3, subprocess, tempfile, unicodedata


def fold(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", s)


def words(q):
    return [w for w in q.split() if any(ch.isalnum() for ch in w)]


def quoted(ws):
    return " ".join('"%s"' % w.replace('"', '""') for w in ws)


def stock_systems(arts):
    out = {}
    sql = "select rowid from t where t match ? order by bm25(t, 10.0, 5.0, 1.0) limit 10"
    for name, pre in (("stock FTS5", lambda s: s),
                      ("stock + đ->d", lambda s: s.replace("đ", "d").replace("Đ", "D"))):
        db = sqlite3.connect(":memory:")
        db.execute("create virtual table t using fts5(title, lede, body, "
                   "tokenize='unicode61 remove_diacritics 2')")
        db.executemany("insert into t(rowid, title, lede, body) values (?,?,?,?)",
                       ((i, pre(a["title"]), pre(a.get("lede") or ""), pre("\n".join(a["body"])))
                        for i, a in enumerate(arts)))
        db.commit()

        def run(q, db=db, pre=pre):
            ws = words(pre(q))
            return [r[0] for r in db.execute(sql, (quoted(ws),))] if ws else []
        out[name] = run
        if name == "stock + đ->d":
            def phrase_first(q, db=db, pre=pre):
                ws = [w.replace('"', '""') for w in words(pre(q))]
                if not ws:
                    return []
                got = [r[0] for r in db.execute(sql, ('"%s"' % " ".join(ws),))]
                for r in db.execute(sql, (quoted(ws),)):
                    if len(got) < 10 and r[0] not in got:
                        got.append(r[0])
                return got
            out["stock + đ->d, phrase first"] = phrase_first
    return out


def bantin_system(bin_, arts):
    d = tempfile.mkdtemp()
    src, db = os.path.join(d, "a.jsonl"), os.path.join(d, "b.db")
    with open(src, "w") as f:
        for a in arts:
            f.write(json.dumps({"origin": "bench:" + str(a["id"]), "title": a["title"],
                                "lede": a.get("lede"), "body": a["body"], "lang": "vi"},
                               ensure_ascii=False) + "\n")
    r = subprocess.run([bin_, "add", "--db", db, "--quiet", src], capture_output=True, text=True)
    if r.returncode:
        raise SystemExit("bantin add: " + r.stderr[-300:])
    by_title = {}
    for i, a in enumerate(arts):
        by_title.setdefault(a["title"], i)

    def run(q):
        r = subprocess.run([bin_, "search", "--db", db, "--format", "json", "--limit", "10",
                            "--no-snippet", q] if NO_SNIPPET else
                           [bin_, "search", "--db", db, "--format", "json", "--limit", "10", q],
                           capture_output=True, text=True)
        try:
            return [by_title.get(h["title"], -1) for h in json.loads(r.stdout)["results"]]
        except Exception:
            return []
    return run


NO_SNIPPET = False


def main():
    global NO_SNIPPET
    ap = argparse.ArgumentParser()
    ap.add_argument("articles")
    ap.add_argument("--bantin", required=True)
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    NO_SNIPPET = "--no-snippet" in subprocess.run([a.bantin, "search", "--help"],
                                                  capture_output=True, text=True).stdout
    arts = [json.loads(l) for l in open(a.articles, encoding="utf-8") if l.strip()]
    count = {}
    for x in arts:
        count[x["title"]] = count.get(x["title"], 0) + 1
    rng = random.Random(a.seed)
    pool = [i for i, x in enumerate(arts) if count[x["title"]] == 1 and len(words(x["title"])) >= 3]
    sample = rng.sample(pool, min(a.queries, len(pool)))
    queries = []
    for i in sample:
        t = arts[i]["title"].replace('"', " ")
        ws = fold(t).lower().split()
        del ws[rng.randrange(len(ws))]
        queries.append((i, (t, fold(t), " ".join(ws))))
    systems = stock_systems(arts)
    systems["bantin"] = bantin_system(a.bantin, arts)
    print(f"known-item MRR@10 (top-1) over {len(queries)} titles of {len(arts)} articles")
    print("| system | (a) as written | (b) without marks | (c) lowercased, no marks, a word dropped |")
    print("|---|---|---|---|")
    for name, run in systems.items():
        rr = [[], [], []]
        for i, qs in queries:
            for k, q in enumerate(qs):
                got = run(q)
                rr[k].append(1.0 / (got.index(i) + 1) if i in got else 0.0)
        cells = [f"{sum(v) / len(v):.3f} ({sum(x == 1.0 for x in v) / len(v):.1%})" for v in rr]
        print(f"| {name} | " + " | ".join(cells) + " |")


main()
