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


# Run in a child process, so that a held GIL shows as a timeout instead of hanging the suite.
GIL_CHILD = r"""
import os, sys, threading
import bantin
fifo, page = sys.argv[1], open(sys.argv[2], "rb").read()
got = []
t = threading.Thread(target=lambda: got.extend(bantin.iter_captures(fifo)), daemon=True)
t.start()
with open(fifo, "wb") as f:  # blocks until the library's open() on the other end
    f.write(page)
t.join()
print(got[0]["title"])
"""


def test_gil_released_while_the_library_blocks(tmp_path):
    """A reader blocked in the library (opening and reading a FIFO nobody writes yet) must not
    hold the GIL: the main thread then writes the page into the FIFO. With the GIL held through
    the call, the writer could never run and the child would wait for ever (here: time out)."""
    import os
    import subprocess
    import sys

    from conftest import SAMPLES

    fifo = tmp_path / "page.fifo"
    os.mkfifo(fifo)
    page = SAMPLES / "05-buyt-dien.html"
    try:
        r = subprocess.run([sys.executable, "-c", GIL_CHILD, str(fifo), str(page)],
                           capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        raise AssertionError("the library call kept the GIL while it waited") from None
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == bantin.extract(page.read_bytes())["title"]
