"""The exceptions of the binding: one bantin.Error subclass per BT_E* status code of
bantin/common.h, carrying the library's own message (which names the file, record or field)."""
from __future__ import annotations


class Error(Exception):
    """A failed libbantin call. ``code`` is the negative BT_E* status, ``name`` its name
    ("EINVAL"), ``message`` the library's message (what `bantin` prints after "bantin: ")."""

    code: int = 0
    name: str = "E?"

    def __init__(self, message: str, code: int | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class InvalidError(Error, ValueError):
    """BT_EINVAL: a bad argument or input value (a bad query, a record that is not UTF-8)."""
    code, name = -1, "EINVAL"


class OutOfMemoryError(Error, MemoryError):
    """BT_ENOMEM: the library ran out of memory."""
    code, name = -2, "ENOMEM"


class IOFailedError(Error):
    """BT_EIO: reading or writing a file failed (a missing input, an unwritable store)."""
    code, name = -3, "EIO"


class ParseError(Error, ValueError):
    """BT_EPARSE: malformed input (bad JSON or WARC, bytes that are not text)."""
    code, name = -4, "EPARSE"


class NoArticleError(Error):
    """BT_ENOARTICLE: the capture holds no article."""
    code, name = -5, "ENOARTICLE"


class UnsupportedError(Error):
    """BT_EUNSUPPORTED: a format, charset or feature bantin does not support (a store made
    by a newer bantin)."""
    code, name = -6, "EUNSUPPORTED"


class DatabaseError(Error):
    """BT_EDB: the SQLite store refused."""
    code, name = -7, "EDB"


class NotFoundError(Error, LookupError):
    """BT_ENOTFOUND: no such id, file or record."""
    code, name = -8, "ENOTFOUND"


class LimitError(Error):
    """BT_ELIMIT: an input exceeds a limit (a record too large, a query too long)."""
    code, name = -9, "ELIMIT"


class ExistsError(Error):
    """BT_EEXIST: already there."""
    code, name = -10, "EEXIST"


class ExtractWarning(UserWarning):
    """An article extracted with something left out (bt_extract_warn): text nested deeper
    than the HTML depth limit. Issued through the warnings module; the message names the
    capture."""


_BY_CODE = {c.code: c for c in (InvalidError, OutOfMemoryError, IOFailedError, ParseError,
                                NoArticleError, UnsupportedError, DatabaseError, NotFoundError,
                                LimitError, ExistsError)}


def error_for(code: int, message: str) -> Error:
    """The exception for status `code` with `message` (a plain Error for an unknown code)."""
    cls = _BY_CODE.get(code)
    if cls is None:
        return Error(message, code)
    return cls(message)
