"""Extraction from Python: one page in memory (extract), one file (extract_file), and every
capture of any input bantin reads (iter_captures: WARC, JSONL, gzip, directories), each giving
the article record of spec/article.md exactly as `bantin extract` prints it."""
from __future__ import annotations

import ctypes
import json
import os
import warnings
from typing import Any, Callable, Iterator, Union

from . import _lib
from ._call import L, check, encode_path, new_error, take_article
from .errors import Error, ExtractWarning, InvalidError, error_for
from ._call import message

PathLike = Union[str, bytes, "os.PathLike[str]"]

_KINDS = {"auto": _lib.BT_KIND_UNKNOWN, "text": _lib.BT_KIND_TEXT, "html": _lib.BT_KIND_HTML}


def _extract_capture(cap: Any, as_json: bool) -> Any:
    """The record of one capture (a pointer to a bt_capture); the GIL is released while
    bt_extract runs (a ctypes call), so threads extract in parallel. Content the extraction
    left out (nested past the depth limit) is told as an ExtractWarning."""
    err, warn, a = new_error(), new_error(), ctypes.c_void_p()
    rc = L.bt_extract_warn(cap, None, ctypes.byref(a), ctypes.byref(warn), ctypes.byref(err))
    check(rc, err)
    if warn.code:
        warnings.warn(message(warn, warn.code), ExtractWarning, stacklevel=3)
    return take_article(a, as_json)


def _record_capture(c: _lib.bt_capture, as_json: bool) -> Any:
    """An article record line read with records=True, parsed (and checked) by the library."""
    err, a = new_error(), ctypes.c_void_p()
    rc = L.bt_article_from_json(ctypes.c_char_p(c.data), c.len, ctypes.byref(a),
                                ctypes.byref(err))
    check(rc, err)
    return take_article(a, as_json)


def extract(data: bytes | str, *, url: str | None = None, charset: str | None = None,
            kind: str = "auto", origin: str | None = None) -> dict:
    """The article record of one page: a dict of spec/article.md (id, title, published,
    lede, body, images, ...), the same as `bantin extract` prints.

    `data` is the page as fetched (bytes, any charset: `charset` is the declared one, from an
    HTTP header, or None to detect) or text (str). `kind` is "auto" (sniff), "html" or
    "text" (text or Markdown). `url` is the page's URL; `origin` what the record names as its
    origin (default: the URL, else "<memory>").

    Raises bantin.NoArticleError when the page holds no article, bantin.ParseError for
    bytes that are not text."""
    if isinstance(data, str):
        data, charset = data.encode("utf-8", "surrogatepass"), "utf-8"
    elif isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    elif not isinstance(data, bytes):
        raise TypeError(f"extract: data must be bytes or str, not {type(data).__name__}")
    if kind not in _KINDS:
        raise InvalidError(f"extract: kind must be auto, html or text, not '{kind}'")
    enc = lambda s: None if s is None else str(s).encode("utf-8")  # noqa: E731
    keep = (data, enc(charset), enc(url), enc(origin or url or "<memory>"))
    cap = _lib.bt_capture(data=ctypes.cast(ctypes.c_char_p(keep[0]), ctypes.c_void_p),
                          len=len(data), charset=keep[1], url=keep[2], origin=keep[3],
                          fetched_at=None, kind=_KINDS[kind], where=None)
    return _extract_capture(ctypes.byref(cap), False)


class _Reader:
    """A bt_reader over `path`, closed when done (also when the generator is dropped)."""

    def __init__(self, path: PathLike, flags: int):
        err, r = new_error(), ctypes.c_void_p()
        rc = L.bt_reader_open(encode_path(path), flags, ctypes.byref(r), ctypes.byref(err))
        check(rc, err)
        self.r = r

    def next(self) -> tuple[int, str, Any]:
        """(0, "", capture pointer or None at the end) or (status, message, None)."""
        err, cap = new_error(), ctypes.POINTER(_lib.bt_capture)()
        rc = L.bt_reader_next(self.r, ctypes.byref(cap), ctypes.byref(err))
        if rc:
            return rc, message(err, rc), None
        return 0, "", cap if cap else None

    def stats(self) -> dict:
        st = _lib.bt_reader_stats()
        L.bt_reader_stats_get(self.r, ctypes.byref(st))
        return {name: getattr(st, name) for name, _ in st._fields_ if name != "size"}

    def close(self) -> None:
        if self.r:
            L.bt_reader_close(self.r)
            self.r = None


def extract_file(path: PathLike) -> dict:
    """The article record of the page in file `path` (text, Markdown or HTML; gzip or not),
    as `bantin extract FILE` prints it. A file of several captures (crawler JSONL, WARC) is
    bantin.InvalidError: read it with iter_captures. Errors name the file."""
    r = _Reader(path, 0)
    try:
        rc, msg, cap = r.next()
        if rc:
            raise error_for(rc, msg)
        if cap is None:
            raise error_for(-5, f"{os.fsdecode(path)}: no capture in it")
        rec = _extract_capture(cap, False)
        rc, msg, more = r.next()
        if rc or more is not None:
            raise InvalidError(f"{os.fsdecode(path)}: holds more than one capture "
                               "(JSONL or WARC): read it with bantin.iter_captures")
        return rec
    finally:
        r.close()


def iter_captures(path: PathLike, *, records: bool = False, as_json: bool = False,
                  on_error: Callable[[Error], Any] | None = None,
                  stats: dict | None = None) -> Iterator[Any]:
    """Yields the article record (a dict) of each capture in `path`: a page file (gzip or
    not), a crawler JSONL file, a WARC (.warc or .warc.gz), or a directory walked
    recursively, in the order `bantin extract -r` reads them. With `records`, a file of
    article records (as `bantin export` or Store.export write) yields them as they are.
    With `as_json` each record is the JSON text `bantin extract` prints (no newline): what
    a writer of JSONL needs, without a round trip through dicts.

    A bad record or a capture without an article raises its bantin.Error (naming the file
    and record), which ends the iteration; give `on_error` (called with the Error) to go on
    past them instead. `stats`, a dict, receives the reader's counts at the end (captures,
    errors, skipped by reason: skipped_type, skipped_status, skipped_media, skipped_files).
    The GIL is released while reading and extracting."""
    flags = _lib.BT_READ_RECURSIVE | (_lib.BT_READ_RECORDS if records else 0)
    r = _Reader(path, flags)
    try:
        while True:
            rc, msg, cap = r.next()
            if rc:
                e = error_for(rc, msg)
                if on_error is None:
                    raise e
                on_error(e)
                continue
            if cap is None:
                break
            try:
                c = cap.contents
                if c.kind == _lib.BT_KIND_RECORD:
                    rec = _record_capture(c, as_json)
                else:
                    rec = _extract_capture(cap, as_json)
            except Error as e:
                if on_error is None:
                    raise
                on_error(e)
                continue
            yield rec
        if stats is not None:
            stats.update(r.stats())
    finally:
        r.close()


def record_json(record: dict) -> bytes:
    """A record dict as the JSON bytes the library parses (UTF-8, not ASCII-escaped)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
