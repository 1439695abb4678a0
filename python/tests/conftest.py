"""Fixtures of the binding's tests: the source tree, the CLI to compare with, WARC/JSONL
inputs made on the fly. The library comes from $BANTIN_LIB (python/run-pytest sets it to
build/release/libbantin.so); the CLI from $BANTIN_BIN (default ./bantin)."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
HTML = ROOT / "test" / "data" / "multisite" / "html"


def cli_path() -> str:
    p = os.environ.get("BANTIN_BIN") or str(ROOT / "bantin")
    if not os.access(p, os.X_OK):
        pytest.fail(f"the bantin CLI is not built at {p} (make, or set BANTIN_BIN)")
    return p


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
    r = subprocess.run([cli_path(), *args], capture_output=True, env=env)
    if check and r.returncode != 0:
        raise AssertionError(f"bantin {' '.join(args)} exited {r.returncode}: "
                             f"{r.stderr.decode(errors='replace')}")
    return r


@pytest.fixture
def cli():
    return run_cli


def warc_record(url: str, body: bytes, *, status: int = 200,
                ctype: str = "text/html; charset=utf-8", rtype: str = "response") -> bytes:
    http = (f"HTTP/1.1 {status} OK\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2024-03-05T01:02:03Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url))}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def html_pages() -> list[Path]:
    return sorted(HTML.glob("*.html"))


@pytest.fixture
def warc(tmp_path: Path) -> Path:
    """A .warc.gz (one gzip member per record) of the multi-site pages, a 404 and a
    warcinfo record between them."""
    p = tmp_path / "crawl.warc.gz"
    with open(p, "wb") as f:
        f.write(gzip.compress(warc_record("urn:info", b"software: test", rtype="warcinfo")))
        for i, page in enumerate(html_pages()):
            f.write(gzip.compress(warc_record(f"https://site{i}.vn/a{i}.html",
                                              page.read_bytes())))
            if i == 2:
                f.write(gzip.compress(warc_record("https://x.vn/missing", b"gone",
                                                  status=404)))
    return p


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    """A crawler JSONL file of the multi-site pages with one malformed line in the middle."""
    p = tmp_path / "crawl.jsonl"
    lines = [json.dumps({"url": f"https://j.vn/{i}", "html": page.read_bytes().decode("utf-8", "replace")},
                        ensure_ascii=False) for i, page in enumerate(html_pages())]
    lines.insert(3, '{"url": "https://j.vn/broken", "html": ')
    p.write_text("\n".join(lines) + "\n", "utf-8")
    return p
