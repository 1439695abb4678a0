"""python3 -m bantin.dask on a LocalCluster of 2 worker processes (loopback): every shard
extracted into its output, a rerun resumes (skips what is done), a failing shard reported
after its retry, a killed worker survived, and the merged shard stores equal one `bantin add`
of all the shards. Skipped when Dask distributed (python3-distributed) is not installed."""
import gzip
import json
import os
import signal

import pytest

import bantin
from conftest import html_pages, warc_record

distributed = pytest.importorskip("distributed")
from bantin import dask as bdask  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    c = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                 dashboard_address=None)
    client = distributed.Client(c)
    yield c, client
    client.close()
    c.close()


def make_shards(d, n, repeat=1):
    """n WARC shards of the multi-site pages, overlapping (a page in two shards)."""
    pages = html_pages()
    paths = []
    for k in range(n):
        p = d / f"shard-{k:02d}.warc.gz"
        with open(p, "wb") as f:
            for r in range(repeat):
                for i, page in enumerate(pages):
                    if (i + k) % 2 == 0 or i == 0:
                        f.write(gzip.compress(warc_record(f"https://s{k}.vn/{r}/{i}",
                                                          page.read_bytes()), 1))
        paths.append(str(p))
    return paths


def test_jsonl_job_and_resume(cluster, tmp_path):
    _, client = cluster
    shards = make_shards(tmp_path, 3)
    lines = []
    res = bdask.run(shards, str(tmp_path / "out"), scheduler=client, progress=lines.append)
    assert res["done"] == 3 and res["failed"] == [] and res["resumed"] == 0
    assert len([x for x in lines if "articles of" in x]) == 3
    for s, o in zip(shards, res["outputs"]):
        with gzip.open(o, "rt", encoding="utf-8") as f:
            got = [json.loads(line) for line in f]
        assert got == list(bantin.iter_captures(s))
    assert res["articles"] == sum(1 for s in shards for _ in bantin.iter_captures(s))
    again = bdask.run(shards, str(tmp_path / "out"), scheduler=client, progress=None)
    assert again["resumed"] == 3 and again["articles"] == res["articles"]


def test_db_job_merged_equals_plain_add(cluster, tmp_path, cli):
    _, client = cluster
    shards = make_shards(tmp_path, 4)
    res = bdask.run(shards, str(tmp_path / "out"), scheduler=client, fmt="db", progress=None)
    assert res["done"] == 4
    with bantin.Store(tmp_path / "merged.db") as m:
        summary = m.merge(res["outputs"])
        assert summary["failures"] == []
        merged_ids = [r["id"] for r in m.export()]
        merged = m.stats()
    cli("add", "--db", str(tmp_path / "plain.db"), *shards)
    with bantin.Store(tmp_path / "plain.db", readonly=True) as p:
        plain_ids = [r["id"] for r in p.export()]
        plain = p.stats()
    assert merged_ids == plain_ids
    for k in ("articles", "origins", "sources", "images", "related"):
        assert merged[k] == plain[k], k
    # the CLI's merge gives the same
    cli("merge", str(tmp_path / "cli-merged.db"), *res["outputs"])
    with bantin.Store(tmp_path / "cli-merged.db", readonly=True) as c:
        assert [r["id"] for r in c.export()] == plain_ids


def test_failed_shard_is_reported_not_dropped(cluster, tmp_path):
    _, client = cluster
    shards = make_shards(tmp_path, 2) + [str(tmp_path / "missing.warc.gz")]
    lines = []
    res = bdask.run(shards, str(tmp_path / "out"), scheduler=client, progress=lines.append)
    assert res["done"] == 2
    assert [f["shard"] for f in res["failed"]] == [shards[2]]
    assert "NotFoundError" in res["failed"][0]["error"] and "missing.warc.gz" in \
        res["failed"][0]["error"]
    assert any("FAILED after 2 tries" in x for x in lines)
    assert not os.path.exists(tmp_path / "out" / "missing.jsonl.gz")


def test_killed_worker_job_still_finishes(cluster, tmp_path):
    c, client = cluster
    shards = make_shards(tmp_path, 6, repeat=6)
    killed = []

    def kill_busy_worker(_summary):
        if killed:
            return
        busy = [w for w, keys in client.processing().items() if keys]
        for nanny in c.workers.values():
            if nanny.worker_address in busy and nanny.process and nanny.process.process:
                os.kill(nanny.process.process.pid, signal.SIGKILL)
                killed.append(nanny.worker_address)
                return

    res = bdask.run(shards, str(tmp_path / "out"), scheduler=client, progress=None,
                    on_done=kill_busy_worker)
    assert res["done"] == 6 and res["failed"] == []
    assert not [p for p in os.listdir(tmp_path / "out") if ".tmp" in p]
    for s, o in zip(shards, res["outputs"]):
        with gzip.open(o, "rt", encoding="utf-8") as f:
            assert sum(1 for _ in f) == sum(1 for _ in bantin.iter_captures(s))
    if not killed:
        pytest.skip("every shard finished before a worker could be killed")


def test_main_cli(cluster, tmp_path, capsys):
    c, _ = cluster
    shards = make_shards(tmp_path, 2)
    lst = tmp_path / "shards.txt"
    lst.write_text("\n".join(shards) + "\n")
    rc = bdask.main(["--list", str(lst), "--out", str(tmp_path / "o"), "--scheduler",
                     c.scheduler_address, "--format", "db", "--merge", str(tmp_path / "m.db")])
    out = capsys.readouterr()
    assert rc == 0
    res = json.loads(out.out)
    assert res["done"] == 2 and res["merge"]["inputs"] == 2 and res["merge"]["failed"] == 0, res
    assert "shard-00.warc.gz" in out.err
    assert bdask.main(["--out", str(tmp_path / "o"), "--scheduler", c.scheduler_address,
                       str(tmp_path / "nope.warc")]) == 1
