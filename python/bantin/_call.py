"""What every wrapper shares: a bt_error to pass, the check that turns a failed call into a
bantin.Error, and taking ownership of the malloc'ed strings and records the library returns."""
from __future__ import annotations

import ctypes
import json
from typing import Any

from . import _lib
from .errors import error_for

L = _lib.lib


def new_error() -> _lib.bt_error:
    return _lib.bt_error()


def message(err: _lib.bt_error, rc: int) -> str:
    m = err.msg.decode("utf-8", "replace")
    return m or L.bt_strerror(rc).decode()


def check(rc: int, err: _lib.bt_error) -> None:
    """Raises the bantin.Error subclass of a negative status `rc`, with the library's message."""
    if rc:
        raise error_for(rc, message(err, rc))


def take_bytes(p: ctypes.c_void_p) -> bytes:
    """The NUL-terminated string at `p` (malloc'ed by the library), freed."""
    try:
        return ctypes.string_at(p.value)
    finally:
        _lib.free(p)


def article_json(a: ctypes.c_void_p, pretty: bool = False) -> str:
    """The record's JSON as bt_article_to_json writes it (what `bantin extract` prints)."""
    err, out = new_error(), ctypes.c_void_p()
    rc = L.bt_article_to_json(a, _lib.BT_JSON_PRETTY if pretty else 0, ctypes.byref(out),
                              ctypes.byref(err))
    check(rc, err)
    return take_bytes(out).decode("utf-8")


def take_article(a: ctypes.c_void_p, as_json: bool = False) -> Any:
    """The record of article `a` (a dict, or its JSON text), the article freed."""
    try:
        s = article_json(a)
    finally:
        L.bt_article_free(a)
    return s if as_json else json.loads(s)


def encode_path(path: Any) -> bytes:
    """A path (str, bytes or os.PathLike) as the bytes the C library opens."""
    import os
    return os.fsencode(path)
