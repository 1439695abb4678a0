"""bantin.extract, extract_file and iter_captures: the records equal what `bantin extract`
prints, over every kind of input, and bad input raises an Error naming it."""
import gzip
import json

import pytest

import bantin
from conftest import HTML, SAMPLES, html_pages


def cli_records(cli, *args):
    out = cli("extract", *args).stdout.decode("utf-8")
    return [json.loads(line) for line in out.splitlines() if line]


def test_extract_file_equals_cli(cli):
    for p in sorted(SAMPLES.glob("0*")) + html_pages():
        assert bantin.extract_file(str(p)) == cli_records(cli, str(p))[0], p


def test_extract_bytes_str_and_kinds():
    page = (SAMPLES / "05-buyt-dien.html").read_bytes()
    rec = bantin.extract(page, url="https://x.vn/a.html")
    assert rec["title"] == "Hà Nội mở thêm ba tuyến buýt điện"
    assert rec["origin"] == "https://x.vn/a.html" and len(rec["id"]) == 16
    assert bantin.extract(page.decode("utf-8"), url="https://x.vn/a.html") == rec
    assert bantin.extract(page, kind="html", origin="mine")["origin"] == "mine"
    text = (SAMPLES / "01-xe-buyt-dien.txt").read_bytes()
    assert bantin.extract(text, kind="text")["title"] == bantin.extract(text)["title"]


def test_extract_deep_page_warns():
    """Text nested past the depth limit is left out with an ExtractWarning naming the page;
    5,000 levels are read whole, without one."""
    head = "<html><head><title>Bão đổ bộ</title></head><body><h1>Bão đổ bộ</h1>"
    para = "<p>Người dân ở các tỉnh miền Trung đã được sơ tán khỏi vùng trũng trước bão.</p>"
    with pytest.warns(bantin.ExtractWarning, match="deep.html: content nested deeper than"):
        rec = bantin.extract(head + para + "<div>" * 10100 + "<p>Đoạn quá sâu.</p>",
                             origin="deep.html")
    assert "quá sâu" not in " ".join(rec["body"])
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error", bantin.ExtractWarning)
        rec = bantin.extract(head + "<div>" * 5000 + para, origin="deep.html")
    assert "sơ tán" in " ".join(rec["body"])


def test_extract_bad_input():
    with pytest.raises(bantin.NoArticleError, match="<memory>"):
        bantin.extract(b"")
    with pytest.raises(bantin.ParseError, match="binary"):
        bantin.extract(b"\x00\x01\x02 binary", url="https://x.vn/bin")
    with pytest.raises(bantin.InvalidError, match="kind"):
        bantin.extract(b"x", kind="pdf")
    with pytest.raises(TypeError):
        bantin.extract(42)


def test_extract_file_errors_name_the_file(tmp_path, jsonl):
    with pytest.raises(bantin.NotFoundError, match="nope.html"):
        bantin.extract_file(tmp_path / "nope.html")
    with pytest.raises(bantin.InvalidError, match="iter_captures"):
        bantin.extract_file(jsonl)
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(bantin.Error, match="empty.txt"):
        bantin.extract_file(tmp_path / "empty.txt")


def test_iter_warc_equals_cli(cli, warc):
    st = {}
    got = list(bantin.iter_captures(warc, stats=st))
    assert got == cli_records(cli, str(warc))
    assert len(got) == len(html_pages())
    assert got[0]["url"].startswith("https://site0.vn/") or got[0]["origin"].startswith("https://site0.vn/")
    assert st["captures"] == len(got) and st["skipped_status"] == 1 and st["skipped_type"] == 1


def test_iter_as_json_is_the_cli_bytes(cli, warc):
    lines = list(bantin.iter_captures(warc, as_json=True))
    assert "\n".join(lines) + "\n" == cli("extract", str(warc)).stdout.decode("utf-8")


def test_iter_jsonl_bad_line_raises_or_goes_on(jsonl):
    it = bantin.iter_captures(jsonl)
    got = [next(it) for _ in range(3)]
    with pytest.raises(bantin.ParseError, match="crawl.jsonl: line 4"):
        next(it)
    errors = []
    got = list(bantin.iter_captures(jsonl, on_error=errors.append))
    assert len(got) == len(html_pages())
    assert len(errors) == 1 and "line 4" in errors[0].message


def test_iter_directory_and_gzip(cli, tmp_path):
    d = tmp_path / "pages"
    (d / "sub").mkdir(parents=True)
    pages = html_pages()[:3]
    for p in pages[:2]:
        (d / p.name).write_bytes(p.read_bytes())
    (d / "sub" / (pages[2].name + ".gz")).write_bytes(gzip.compress(pages[2].read_bytes()))
    (d / "style.css").write_text("body{}")
    got = list(bantin.iter_captures(d))
    assert len(got) == 3
    assert got == cli_records(cli, "-r", str(d))


def test_iter_records_of_an_export(tmp_path, warc):
    recs = list(bantin.iter_captures(warc))
    f = tmp_path / "export.jsonl"
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")
    assert list(bantin.iter_captures(f, records=True)) == recs


def test_iter_missing_path():
    with pytest.raises(bantin.NotFoundError, match="no-such-dir"):
        list(bantin.iter_captures("/no-such-dir/x.warc"))
