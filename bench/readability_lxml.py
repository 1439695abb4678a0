#!/usr/bin/env python3
"""readability-lxml (Debian python3-readability), timed like bench_extract_html: pages read
into memory first, only Document(html).summary() timed, rounds until --seconds; pages per
second of CPU time (pages_per_s) and of wall time (wall_pages_per_s).
usage: readability_lxml.py [--seconds S] [--out FILE.jsonl] PAGE..."""
import json, sys, time
import lxml.html
from readability import Document

def main():
    args = sys.argv[1:]
    seconds, out = 3.0, None
    while args and args[0].startswith("--"):
        if args[0] == "--seconds":
            seconds = float(args[1])
        elif args[0] == "--out":
            out = args[1]
        args = args[2:]
    pages = [(p, open(p, "rb").read().decode("utf-8", "replace")) for p in args]
    results, done, failed = [], 0, 0
    t0, c0 = time.perf_counter(), time.process_time()
    rnd = 0
    while rnd == 0 or time.perf_counter() - t0 < seconds:
        for path, html in pages:
            try:
                summary = Document(html).summary(html_partial=True)
            except Exception:
                summary = ""
            if rnd == 0:
                if not summary:
                    failed += 1
                results.append((path, summary))
            done += 1
        rnd += 1
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    if out:
        with open(out, "w", encoding="utf-8") as f:
            for path, summary in results:
                text = ""
                if summary:
                    text = " ".join(" ".join(lxml.html.fromstring(summary).itertext()).split())
                f.write(json.dumps({"origin": path, "text": text}, ensure_ascii=False) + "\n")
    print(f"pages_per_s {done / (cpu or elapsed):.1f}\nwall_pages_per_s {done / elapsed:.1f}\n"
          f"pages {len(pages)}\nfailed {failed}")

if __name__ == "__main__":
    main()
