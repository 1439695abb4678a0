"""Text calls of bantin/text.h: the search key (fold) and decoding any charset to UTF-8."""
from __future__ import annotations

import ctypes

from . import _lib
from ._call import L, check, new_error, take_bytes  # noqa: F401
from .errors import InvalidError


def fold(text: str) -> str:
    """The search key of `text`, as `bantin fold` prints it: lowercase, marks removed,
    đ -> d, other Latin folded to ASCII ("Đàm phán" -> "dam phan")."""
    if not isinstance(text, str):
        raise TypeError(f"fold: text must be str, not {type(text).__name__}")
    b = text.encode("utf-8", "surrogatepass")
    out, n = ctypes.c_void_p(), ctypes.c_size_t()
    rc = L.bt_fold_dup(b, len(b), ctypes.byref(out), ctypes.byref(n))
    check(rc, new_error())
    return take_bytes(out).decode("utf-8")


def decode(data: bytes, charset: str | None = None, *, lenient: bool = False,
           trust: bool = False) -> str:
    """`data` (a page's raw bytes) decoded to text in NFC, as `bantin decode` does.

    `charset` is the declared charset ("windows-1258", "vni", "tcvn3", ...); None detects it
    from the bytes. A declaration the bytes evidently contradict is overridden (see
    bt_decode in bantin/text.h) unless `trust`. Invalid UTF-8 that is kept as UTF-8 raises
    bantin.ParseError naming the byte offset, unless `lenient` (then it becomes U+FFFD)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode: data must be bytes, not {type(data).__name__}")
    data = bytes(data)
    cs = _lib.BT_CS_UNKNOWN
    if charset is not None:
        cs = L.bt_charset_from_name(charset.encode())
        if cs == _lib.BT_CS_UNKNOWN:
            raise InvalidError(f"decode: unknown charset '{charset}'")
    err, out, n = new_error(), ctypes.c_void_p(), ctypes.c_size_t()
    flags = (_lib.BT_DECODE_LENIENT if lenient else 0) | (_lib.BT_DECODE_TRUST if trust else 0)
    rc = L.bt_decode(data, len(data), cs, flags, ctypes.byref(out), ctypes.byref(n), None,
                     ctypes.byref(err))
    check(rc, err)
    try:
        return ctypes.string_at(out.value, n.value).decode("utf-8")
    finally:
        _lib.free(out)
