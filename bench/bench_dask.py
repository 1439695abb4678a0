#!/usr/bin/env python3
"""bench_dask.py: pages/s of `python3 -m bantin.dask` (bantin.dask.run) on a LocalCluster of 1
and 2 worker processes against `bantin extract -j1` / `-j2` on the same WARC shards, in the
same run: the distributed engine's overhead per page.

    make && BANTIN_LIB=build/release/libbantin.so PYTHONPATH=python \\
        /usr/bin/python3 bench/bench_dask.py [--shards 8] [--repeat 4] [--rounds 2]

Shards: .warc.gz files of the multi-site pages (test/data/multisite/html) and, when present,
../shared/dev/vi-html/html, each shard all pages --repeat times. The CLI peer writes its JSONL
to /dev/null; the Dask job writes one JSONL.gz per shard (gzip level 3), which it pays for.
Wall-clock and CPU seconds (the CLI's from its rusage; the job's: its worker processes' and
this process's, which runs the client and the scheduler), best of --rounds each; the cluster is
started before timing (its start is reported). On a shared machine the CPU figures are the
fair ones: under contention a process with more runnable threads (the CLI's reader, worker and
writer) gets more of the cores than a one-thread task, whatever either costs.
"""
from __future__ import annotations

import argparse
import gzip
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pages() -> list[bytes]:
    shared = Path(os.environ.get("BANTIN_SHARED", ROOT.parent / "shared"))
    dirs = [ROOT / "test/data/multisite/html", shared / "dev/vi-html/html"]
    return [p.read_bytes() for d in dirs if d.is_dir() for p in sorted(d.glob("*.html"))]


def write_shard(path: Path, docs: list[bytes], k: int) -> None:
    with open(path, "wb") as f:
        for i, body in enumerate(docs):
            http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    b"Content-Length: %d\r\n\r\n" % len(body)) + body
            head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://b.vn/{k}/{i}"
                    f"\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nContent-Length: {len(http)}\r\n\r\n")
            f.write(gzip.compress(head.encode() + http + b"\r\n\r\n", 1))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=4)
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    import distributed
    from bantin import dask as bdask

    docs = pages() * a.repeat
    n = len(docs) * a.shards
    cli = os.environ.get("BANTIN_BIN", str(ROOT / "bantin"))
    print(f"{a.shards} shards x {len(docs)} pages = {n} pages, cores {os.cpu_count()}, "
          f"load {os.getloadavg()[0]:.1f}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    with tempfile.TemporaryDirectory() as tmp:
        shards = []
        for k in range(a.shards):
            p = Path(tmp) / f"s{k:03d}.warc.gz"
            write_shard(p, docs, k)
            shards.append(str(p))
        for w in (1, 2):
            t0 = time.perf_counter()
            c = distributed.LocalCluster(n_workers=w, threads_per_worker=1, processes=True,
                                         dashboard_address=None)
            client = distributed.Client(c)
            start = time.perf_counter() - t0
            best_c = best_d = float("inf")
            cpu_c = cpu_d = float("inf")
            for r in range(a.rounds):  # interleaved: both peers see the same load
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                subprocess.run([cli, "extract", f"-j{w}", *shards], check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                best_c = min(best_c, time.perf_counter() - t0)
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu_c = min(cpu_c, r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
                out = Path(tmp) / f"out-{w}-{r}"
                w0, d0 = sum(client.run(time.process_time).values()), time.process_time()
                t0 = time.perf_counter()
                job = bdask.run(shards, str(out), scheduler=client, progress=None)
                best_d = min(best_d, time.perf_counter() - t0)
                # the job's CPU: the workers' processes and this one (client and scheduler)
                cpu_d = min(cpu_d, sum(client.run(time.process_time).values()) - w0
                            + time.process_time() - d0)
                assert job["done"] == a.shards and not job["failed"]
            client.close()
            c.close()
            print(f"{w} worker(s): bantin extract -j{w} {n / best_c:7.1f} pages/s "
                  f"{1000 * cpu_c / n:5.2f} cpu-s/1000 | dask {n / best_d:7.1f} pages/s "
                  f"{1000 * cpu_d / n:5.2f} cpu-s/1000 | wall {best_c / best_d:.2f}x, "
                  f"CPU overhead {100 * (cpu_d / cpu_c - 1):+.0f}% | cluster start {start:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
