"""Threads: extraction and search from many threads give the serial results (the GIL is
released in the library; bench/bench_python.py measures the scaling)."""
from concurrent.futures import ThreadPoolExecutor

import bantin
from conftest import html_pages


def test_extract_in_threads_equals_serial():
    pages = [p.read_bytes() for p in html_pages()] * 4
    serial = [bantin.extract(p) for p in pages]
    with ThreadPoolExecutor(4) as ex:
        assert list(ex.map(bantin.extract, pages)) == serial


def test_iter_captures_in_threads(warc):
    serial = list(bantin.iter_captures(warc))
    with ThreadPoolExecutor(3) as ex:
        for got in ex.map(lambda _: list(bantin.iter_captures(warc)), range(6)):
            assert got == serial


def test_search_a_store_per_thread_and_a_shared_one(tmp_path, warc):
    path = tmp_path / "t.db"
    with bantin.Store(path) as s:
        s.add(warc)
        want = s.search("ha noi OR viet", limit=5)

    def own(_):
        with bantin.Store(path, readonly=True) as r:
            return r.search("ha noi OR viet", limit=5)

    with ThreadPoolExecutor(4) as ex:
        assert all(r == want for r in ex.map(own, range(8)))
    with bantin.Store(path, readonly=True) as shared, ThreadPoolExecutor(4) as ex:
        assert all(r == want for r in
                   ex.map(lambda _: shared.search("ha noi OR viet", limit=5), range(16)))
