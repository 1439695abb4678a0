"""bantin.Store: every call, its bad input, and the same file read and written by the CLI."""
import json

import pytest

import bantin
from conftest import SAMPLES, html_pages


@pytest.fixture
def db(tmp_path):
    with bantin.Store(tmp_path / "news.db") as s:
        yield s


def test_add_paths_like_cli(cli, tmp_path, warc):
    with bantin.Store(tmp_path / "py.db") as s:
        res = s.add([warc, SAMPLES])
        assert res["failed"] == 0 and res["failures"] == []
        assert res["added"] + res["merged"] == res["captures"] == len(html_pages()) + 5
        py_stats = s.stats()
    cli("add", "--db", str(tmp_path / "cli.db"), str(warc), str(SAMPLES))
    cli_stats = json.loads(cli("stats", "--json", "--db", str(tmp_path / "cli.db")).stdout)
    for k in ("articles", "origins", "sources", "images", "related"):
        assert py_stats[k] == cli_stats[k], k


def test_python_store_read_by_cli(cli, tmp_path, warc):
    path = tmp_path / "py.db"
    with bantin.Store(path) as s:
        s.add(warc)
        ids = [r["id"] for r in s.export()]
        mine = s.get(ids[0])
        hits = s.search("ha noi", limit=3)
        stats = s.stats()
    out = cli("export", "--db", str(path)).stdout.decode("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in out] == ids
    assert json.loads(cli("show", "--db", str(path), ids[0]).stdout) == mine
    assert json.loads(cli("search", "--format", "json", "--db", str(path), "--limit", "3",
                          "ha noi").stdout) == hits
    assert json.loads(cli("stats", "--json", "--db", str(path)).stdout) == stats


def test_cli_store_read_by_python(cli, tmp_path, warc):
    path = tmp_path / "cli.db"
    cli("add", "--db", str(path), str(warc))
    lines = cli("export", "--db", str(path)).stdout.decode("utf-8").splitlines()
    with bantin.Store(path, readonly=True) as s:
        assert [json.dumps(r, ensure_ascii=False, separators=(",", ":"))
                for r in s.export()] == lines
        first = json.loads(lines[0])
        assert s.get(first["id"]) == first
        assert s.search("title:" + first["title"].split()[0], limit=50)["total"] >= 1


def test_add_records_and_duplicates(db, warc):
    recs = list(bantin.iter_captures(warc))
    res = db.add(recs)
    assert res["added"] == len(recs) and res["ids"] == [r["id"] for r in recs]
    again = db.add(recs[0])
    assert again["added"] == 0 and again["seen"] + again["merged"] == 1
    assert db.stats()["articles"] == len(recs)
    # the same pages as captures fold onto the records' articles
    res = db.add(warc)
    assert res["added"] == 0 and res["merged"] + res["seen"] == len(recs)


def test_add_bad_input_is_reported_and_loses_nothing(db, tmp_path, warc):
    bad = {"title": 5, "body": ["x"]}
    res = db.add([bad, tmp_path / "missing.warc", warc])
    assert res["failed"] == 2
    stages = sorted(f["stage"] for f in res["failures"])
    assert stages == ["read", "store"]
    msgs = " ".join(f["message"] for f in res["failures"])
    assert "missing.warc" in msgs and "title" in msgs
    assert res["ids"] == [None]
    assert db.stats()["articles"] == len(html_pages())
    with pytest.raises(TypeError):
        db.add([3.5])
    with pytest.raises(TypeError):  # checked first: the good record before it is not stored
        db.add([{"title": "Một bài mới", "body": ["Nội dung."]}, 3.5])
    assert db.stats()["articles"] == len(html_pages())


def test_get_remove_and_not_found(db, warc):
    db.add(warc)
    rid = next(db.export())["id"]
    assert db.get(rid)["id"] == rid
    db.remove(rid)
    with pytest.raises(bantin.NotFoundError, match=rid):
        db.get(rid)
    with pytest.raises(bantin.NotFoundError):
        db.remove(rid)


def test_search_options_and_bad_queries(db, warc):
    db.add(warc)
    r = db.search("ha noi OR viet", limit=2)
    assert set(r) >= {"total", "results"} and len(r["results"]) <= 2
    hit = r["results"][0]
    assert set(hit) - {"copies"} == {"id", "title", "source", "published", "score", "snippet",
                                     "highlights"}
    assert db.search("ha noi OR viet", limit=0)["results"] == []
    # near-duplicates are one result unless all=True; "copies" only where there are some
    one = db.search("ha noi OR viet", limit=50)["results"]
    every = db.search("ha noi OR viet", limit=50, all=True)["results"]
    assert len(every) >= len(one) and {h["id"] for h in one} <= {h["id"] for h in every} | {
        h["id"] for h in one if "copies" in h}
    assert all(h.get("copies", 1) >= 1 for h in one) and all("copies" not in h for h in every)
    dated = db.search("ha noi OR viet", sort="date", snippets=False, limit=50)
    assert {h["id"] for h in dated["results"]} == {h["id"] for h in
                                                   db.search("ha noi OR viet", limit=50)["results"]}
    with pytest.raises(bantin.InvalidError, match="quote"):
        db.search('"unbalanced')
    with pytest.raises(bantin.InvalidError):
        db.search("x", sort="alphabet")
    with pytest.raises(bantin.Error):
        db.search("x", limit=20000)


def test_export_filters(db, warc):
    db.add(warc)
    assert len(list(db.export())) == len(html_pages())
    assert list(db.export(since="2999-01-01")) == []


def test_open_errors_readonly_and_closed(tmp_path):
    with pytest.raises(bantin.NotFoundError, match="absent.db"):
        bantin.Store(tmp_path / "absent.db", readonly=True)
    (tmp_path / "junk.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(bantin.Error, match="junk.db"):
        bantin.Store(tmp_path / "junk.db")
    s = bantin.Store(tmp_path / "a.db")
    s.close()
    s.close()
    with pytest.raises(bantin.InvalidError, match="closed"):
        s.stats()
    with bantin.Store(tmp_path / "a.db", readonly=True) as r:
        with pytest.raises(bantin.InvalidError, match="read-only"):
            r.add({"title": "t", "body": ["b"]})
        assert r.stats()["articles"] == 0


def test_stories_like_cli(cli, tmp_path, warc):
    path = tmp_path / "py.db"
    with bantin.Store(path) as s:
        s.add([warc, SAMPLES])
        mine = s.stories(members=True)
        one = s.story(mine[0]["id"])
        assert s.stories(min_size=10**6) == []
        with pytest.raises(bantin.NotFoundError):
            s.story(10**12)
        with pytest.raises(bantin.InvalidError):
            s.stories(limit=-1)
    assert sum(st["size"] for st in mine) == s_articles(cli, path)
    lines = cli("stories", "--db", str(path), "--format", "json", "--members").stdout
    assert [json.loads(line) for line in lines.decode("utf-8").splitlines()] == mine
    assert json.loads(cli("story", "--db", str(path), "--format", "json",
                          str(mine[0]["id"])).stdout) == one
    assert one["timeline"] and one["articles"]


def s_articles(cli, path):
    return json.loads(cli("stats", "--json", "--db", str(path)).stdout)["articles"]


def test_related_like_cli(cli, tmp_path, warc):
    path = tmp_path / "py.db"
    with bantin.Store(path) as s:
        s.add(warc)
        aid = next(iter(s.export()))["id"]
        r = s.related(aid, k=3)
        assert r["id"] == aid and len(r["related"]) <= 3 and "links" in r
        assert aid not in [x["id"] for x in r["related"]]
        for x in r["related"]:
            assert set(x) == {"id", "title", "source", "published", "score"}
        with pytest.raises(bantin.NotFoundError, match="0123456789abcdef"):
            s.related("0123456789abcdef")
        with pytest.raises(bantin.InvalidError):
            s.related(aid, k=0)
    assert json.loads(cli("related", "--format", "json", "-k", "3", "--db", str(path),
                          aid).stdout) == r


def test_views_top_and_bad_input(db, warc, tmp_path):
    assert db.top()["articles"] == []  # an empty store lists nothing
    db.add(warc)
    rid = next(db.export())["id"]
    db.view(rid)
    db.view(rid)
    t = db.top(days=1, limit=3)
    assert t["by"] == "views" and t["articles"][0] == {**t["articles"][0], "id": rid, "count": 2}
    assert db.top(by="mentions", until="2024-03-05")["by"] == "mentions"
    with pytest.raises(bantin.NotFoundError, match="0123456789abcdef"):
        db.view("0123456789abcdef")
    for bad in ({"days": 0}, {"by": "likes"}, {"limit": 0}, {"until": "2024-02-30"}):
        with pytest.raises(bantin.InvalidError):
            db.top(**bad)
    db.close()
    with bantin.Store(tmp_path / "news.db", readonly=True) as ro:
        with pytest.raises(bantin.InvalidError, match="read-only"):
            ro.view(rid)
        assert ro.top(days=1)["articles"][0]["count"] == 2
