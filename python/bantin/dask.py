"""bantin.dask: extraction at crawl scale on Dask distributed. Each shard (a WARC or crawler
JSONL file, gzip or not) is one task: a worker extracts it with libbantin and writes one output
beside the others (records as JSONL.gz, or a bantin store file), published by an atomic rename
and a sidecar summary, so that a rerun skips the shards already done (resumable after a kill).

    python3 -m bantin.dask --out OUT_DIR [--scheduler ADDR | --workers N] SHARD... | --list FILE

Nothing assumes one machine: shard paths and OUT_DIR may be on a shared filesystem, the
scheduler remote (the workers must have the bantin package and libbantin installed). Without
--scheduler a LocalCluster of --workers processes is started for the job.
"""
from __future__ import annotations

import argparse
import glob
import gzip
import json
import os
import sys
import time
import uuid
from collections import Counter
from typing import Any, Callable, Iterable

SUFFIXES = (".warc.gz", ".jsonl.gz", ".warc", ".jsonl", ".gz")
DONE = ".done.json"  # the sidecar that marks an output complete


def output_path(shard: str, out_dir: str, fmt: str) -> str:
    """Where the output of `shard` goes: its file name without the input suffix, plus
    .jsonl.gz (records) or .db (a store)."""
    name = os.path.basename(shard)
    for s in SUFFIXES:
        if name.endswith(s):
            name = name[: -len(s)]
            break
    return os.path.join(out_dir, name + (".jsonl.gz" if fmt == "jsonl" else ".db"))


def extract_shard(shard: str, out_dir: str, fmt: str = "jsonl") -> dict:
    """The task of one shard (runs on a worker): extracts every capture of `shard` into its
    output and returns its summary {shard, output, captures, articles, failed, reasons
    (failures by status name), skipped (records that are not pages), seconds, resumed}.
    An output whose sidecar exists is complete: it is not made again (resumed=True)."""
    import bantin  # on the worker

    out = output_path(shard, out_dir, fmt)
    done = out + DONE
    if os.path.exists(done) and os.path.exists(out):
        with open(done, encoding="utf-8") as f:
            return dict(json.load(f), resumed=True)
    t0 = time.perf_counter()
    os.makedirs(out_dir, exist_ok=True)
    tmp = f"{out}.tmp-{os.getpid()}"
    reasons: Counter = Counter()
    st: dict = {}
    if fmt == "jsonl":
        n = 0
        with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=3) as f:
            for line in bantin.iter_captures(shard, as_json=True, stats=st,
                                             on_error=lambda e: reasons.update([e.name])):
                f.write(line + "\n")
                n += 1
        articles = n
    else:
        with bantin.Store(tmp) as s:
            res = s.add(shard, jobs=1)
        st = {"captures": res["captures"] + res["failed"], "errors": 0, "skipped": 0}
        reasons.update(f["stage"] for f in res["failures"])
        articles = res["captures"]
    os.replace(tmp, out)
    # captures: those read (extracted or not) and the records the reader could not read
    summary = {"shard": shard, "output": out,
               "captures": st.get("captures", 0) + st.get("errors", 0),
               "articles": articles, "failed": sum(reasons.values()),
               "reasons": dict(reasons), "skipped": st.get("skipped", 0),
               "seconds": round(time.perf_counter() - t0, 3)}
    with open(done + ".tmp", "w", encoding="utf-8") as f:
        json.dump(summary, f)
    os.replace(done + ".tmp", done)
    return dict(summary, resumed=False)


def read_shards(args: Iterable[str], list_file: str | None) -> list[str]:
    """The shards: each argument a path or a glob, plus the lines of `list_file`."""
    names = list(args)
    if list_file:
        with open(list_file, encoding="utf-8") as f:
            names += [line.strip() for line in f if line.strip() and not line.startswith("#")]
    shards: list[str] = []
    for n in names:
        hits = sorted(glob.glob(n)) if glob.has_magic(n) else [n]
        shards += hits
    return shards


def run(shards: list[str], out_dir: str, *, scheduler: Any = None, workers: int = 2,
        fmt: str = "jsonl", retries: int = 1,
        progress: Callable[[str], Any] | None = print,
        on_done: Callable[[dict], Any] | None = None) -> dict:
    """Extracts `shards` on a Dask cluster into `out_dir` and returns the job's summary:
    {shards, done, resumed, failed: [{shard, error}], captures, articles, failures (by
    reason), seconds, pages_per_second, outputs (in shard order, complete ones)}.

    `scheduler` is an address ("tcp://host:8786"), a distributed.Client, or None (a
    LocalCluster of `workers` processes, one thread each, for the job). A shard whose task
    raises is tried `retries` more times, then reported in `failed`; a worker that dies
    has its shard run again elsewhere (Dask's own rescheduling). `progress` receives a line
    per finished shard; `on_done` each shard's summary."""
    from distributed import Client, LocalCluster, as_completed

    if fmt not in ("jsonl", "db"):
        raise ValueError(f"bantin.dask: format must be jsonl or db, not '{fmt}'")
    os.makedirs(out_dir, exist_ok=True)
    outs = [output_path(s, out_dir, fmt) for s in shards]
    dup = [o for o, c in Counter(outs).items() if c > 1]
    if dup:
        raise ValueError(f"bantin.dask: two shards would write {dup[0]}: rename one")
    say = progress or (lambda s: None)
    cluster = client = None
    own = not hasattr(scheduler, "submit")
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
    elif own:
        client = Client(scheduler)
    else:
        client = scheduler
    t0 = time.perf_counter()
    try:
        if client.dashboard_link:
            say(f"bantin.dask: dashboard {client.dashboard_link}")
        # keys readable on the dashboard, and unique per job: a key the scheduler still holds
        # from an earlier job on the same cluster would hand back that job's result
        job = uuid.uuid4().hex[:8]
        futs = {client.submit(extract_shard, s, out_dir, fmt, retries=retries, pure=False,
                              key=f"bantin-{job}-{i}-{os.path.basename(s)}"): s
                for i, s in enumerate(shards)}
        done, failed, totals = [], [], Counter()
        reasons: Counter = Counter()
        for f in as_completed(futs):
            shard = futs[f]
            try:
                # result(), not status: a result lost with its worker (killed after the task
                # ended) is computed again, and result() waits for that
                r = f.result()
            except Exception as e:  # the task failed on its last try (or its workers died)
                failed.append({"shard": shard, "error": f"{type(e).__name__}: {e}"})
                say(f"bantin.dask: {shard}: FAILED after {retries + 1} tries: "
                    f"{type(e).__name__}: {e}")
                continue
            done.append(r)
            totals.update(captures=r["captures"], articles=r["articles"])
            reasons.update(r["reasons"])
            if on_done:
                on_done(r)
            say(f"bantin.dask: {shard}: {r['articles']} articles of {r['captures']} captures, "
                f"{r['failed']} failed, {r['seconds']:.1f}s{' (done before)' if r['resumed'] else ''}"
                f" [{len(done) + len(failed)}/{len(shards)}]")
    finally:
        if own:
            client.close()
        if cluster is not None:
            cluster.close()
    secs = time.perf_counter() - t0
    # what a killed worker was writing when it died: its shard's output is complete now
    for r in done:
        for stale in glob.glob(glob.escape(r["output"]) + ".tmp-*"):
            try:
                os.remove(stale)
            except OSError:
                pass
    fresh = sum(r["captures"] for r in done if not r["resumed"])
    ok = {r["shard"] for r in done}
    return {"shards": len(shards), "done": len(done),
            "resumed": sum(1 for r in done if r["resumed"]), "failed": failed,
            "captures": totals["captures"], "articles": totals["articles"],
            "failures": dict(reasons), "seconds": round(secs, 3),
            "pages_per_second": round(fresh / secs, 1) if secs > 0 else 0.0,
            "outputs": [o for s, o in zip(shards, outs) if s in ok]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python3 -m bantin.dask",
        description="Extract WARC/JSONL shards on Dask distributed with libbantin: one "
                    "output per shard in OUT, resumable (done shards are skipped), a line per "
                    "finished shard and a JSON summary at the end.")
    ap.add_argument("shards", nargs="*", help="shard paths or globs (quote the glob)")
    ap.add_argument("--list", help="a file of shard paths, one a line")
    ap.add_argument("--out", required=True, help="the output folder (may be shared)")
    ap.add_argument("--format", choices=("jsonl", "db"), default="jsonl",
                    help="records as JSONL.gz (default) or a bantin store per shard")
    ap.add_argument("--scheduler", help="a Dask scheduler address; default: a LocalCluster")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="LocalCluster worker processes (default: the cores)")
    ap.add_argument("--retries", type=int, default=1, help="more tries of a failed shard (1)")
    ap.add_argument("--merge", metavar="DB",
                    help="then merge the outputs into the store DB in shard order: with "
                         "--format db as `bantin merge` (the store `bantin add` of all the "
                         "shards makes), with jsonl as `bantin add` of the records")
    a = ap.parse_args(argv)
    # absolute, so that workers elsewhere (a shared filesystem) find them
    shards = [os.path.abspath(s) for s in read_shards(a.shards, a.list)]
    a.out = os.path.abspath(a.out)
    if not shards:
        ap.error("no shards given")
    res = run(shards, a.out, scheduler=a.scheduler, workers=a.workers, fmt=a.format,
              retries=a.retries, progress=lambda s: print(s, file=sys.stderr, flush=True))
    if a.merge:
        import bantin
        with bantin.Store(a.merge) as db:
            m = db.merge(res["outputs"]) if a.format == "db" else db.add(res["outputs"])
        res["merge"] = {k: v for k, v in m.items() if k != "ids"}
    print(json.dumps(res, ensure_ascii=False))
    return 1 if res["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
