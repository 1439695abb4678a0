"""The ctypes view of libbantin.so: the library located and loaded, the public structs and
the public functions' signatures. Nothing here but what include/bantin/*.h declares.

Why ctypes and not cffi: ctypes is in the standard library, so the binding installs with no
dependency at all (nor a compiler), on any Python 3.9+; it releases the GIL around every call
of a CDLL function, which is what lets threads extract and search in parallel. cffi's ABI
mode would give the same with a copy of the declarations as strings and a Debian package more.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
from ctypes import (CFUNCTYPE, POINTER, Structure, c_char, c_char_p, c_double, c_int,
                    c_int64, c_size_t, c_uint, c_uint64, c_void_p)

# Where the library is looked for, in order: $BANTIN_LIB (a path to libbantin.so, as the
# tests set it to build/release/libbantin.so), the LIBDIR `make install-python` recorded,
# then the dynamic linker's own search (libbantin.so.0 where ldconfig knows it).
LIB_ENV = "BANTIN_LIB"
SONAMES = ("libbantin.so.0", "libbantin.so")


class bt_error(Structure):
    _fields_ = [("code", c_int), ("msg", c_char * 256)]


class bt_capture(Structure):
    # data is not NUL-terminated: c_void_p, read with string_at(data, len)
    _fields_ = [("data", c_void_p), ("len", c_size_t), ("charset", c_char_p),
                ("url", c_char_p), ("origin", c_char_p), ("fetched_at", c_char_p),
                ("kind", c_int), ("where", c_char_p)]


class bt_extract_opts(Structure):
    _fields_ = [("size", c_size_t), ("flags", c_uint), ("site", c_void_p)]


class bt_origin(Structure):
    _fields_ = [("origin", c_char_p), ("content_hash", c_char_p), ("size", c_size_t)]


class bt_search_opts(Structure):
    _fields_ = [("size", c_size_t), ("sort", c_int), ("limit", c_size_t),
                ("offset", c_size_t), ("flags", c_uint), ("all_copies", c_int)]


class bt_store_filter(Structure):
    _fields_ = [("size", c_size_t), ("added_since", c_char_p), ("published_since", c_char_p)]


class _Counts(Structure):
    """A struct of counts the library fills: its first field is its own size, which the
    library reads to write no more than the caller's struct holds (set here, as the C
    headers' *_STATS_INIT macros do)."""

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.size = ctypes.sizeof(self)


class bt_store_stats(_Counts):
    _fields_ = [("size", c_size_t), ("articles", c_int64), ("origins", c_int64), ("sources", c_int64),
                ("images", c_int64), ("related", c_int64),
                ("first_published", c_char * 40), ("last_published", c_char * 40),
                ("first_added", c_char * 40), ("last_added", c_char * 40),
                ("file_bytes", c_int64), ("index_bytes", c_int64), ("schema_version", c_int),
                ("phrase_index", c_int), ("index_segments", c_int64)]


class bt_stories_opts(Structure):
    _fields_ = [("since", c_int64), ("min_size", c_size_t), ("limit", c_size_t),
                ("flags", c_uint)]


class bt_story(Structure):
    _fields_ = [("id", c_int64), ("title", c_void_p), ("central", c_char * 17),
                ("size", c_size_t), ("first", c_int64), ("last", c_int64),
                ("sources", c_void_p), ("nsources", c_size_t), ("terms", c_void_p),
                ("nterms", c_size_t), ("articles", c_void_p), ("narticles", c_size_t),
                ("timeline", c_void_p), ("ntimeline", c_size_t)]


class bt_stories(Structure):
    _fields_ = [("n", c_size_t), ("stories", POINTER(bt_story))]


BT_STORIES_MEMBERS = 0x1
INT64_MIN = -(1 << 63)


class bt_reader_stats(_Counts):
    _fields_ = [("size", c_size_t)] + [(n, c_uint64) for n in ("captures", "errors", "skipped", "skipped_type",
                                        "skipped_status", "skipped_media", "skipped_files",
                                        "files", "bytes")]


class bt_ingest_item(Structure):
    _fields_ = [("origin", c_char_p), ("where", c_char_p), ("kind", c_int), ("size", c_size_t)]


class bt_ingest_stats(_Counts):
    _fields_ = [(n, c_size_t) for n in ("size", "inputs", "inputs_done", "inputs_total", "captures",
                                        "added", "merged", "seen", "failed", "failed_read",
                                        "failed_extract", "failed_store", "extracted")] + \
               [("reader", bt_reader_stats), ("seconds", c_double), ("skipped", c_size_t),
                ("stopped", c_int), ("bytes_done", c_uint64), ("bytes_total", c_uint64)]


ARTICLE_FN = CFUNCTYPE(None, c_void_p, c_void_p, POINTER(bt_ingest_item), c_int)
FAILURE_FN = CFUNCTYPE(None, c_void_p, POINTER(bt_error), POINTER(bt_ingest_item), c_int)
PROGRESS_FN = CFUNCTYPE(None, c_void_p, POINTER(bt_ingest_stats), c_int)
WARNING_FN = CFUNCTYPE(None, c_void_p, POINTER(bt_error), POINTER(bt_ingest_item))


class bt_ingest_opts(Structure):
    _fields_ = [("size", c_size_t), ("jobs", c_uint), ("read_flags", c_uint), ("flags", c_uint),
                ("site", c_void_p), ("db", c_char_p), ("batch", c_size_t),
                ("batch_seconds", c_double), ("ring", c_size_t),
                ("on_article", ARTICLE_FN), ("on_failure", FAILURE_FN),
                ("on_progress", PROGRESS_FN), ("ctx", c_void_p), ("on_warning", WARNING_FN)]


# Constants of the headers the binding uses (bantin/common.h, capture.h, store.h, search.h,
# ingest.h, text.h); test_binding.py checks the struct sizes these layouts imply.
BT_JSON_PRETTY = 0x1
BT_READ_RECURSIVE = 0x1
BT_READ_RECORDS = 0x2
BT_KIND_UNKNOWN, BT_KIND_TEXT, BT_KIND_HTML, BT_KIND_RECORD = 0, 1, 2, 3
BT_STORE_READONLY = 0x1
BT_STORE_SEEN, BT_STORE_ADDED, BT_STORE_MERGED = 0, 1, 2
BT_SORT_RELEVANCE, BT_SORT_DATE = 0, 1
BT_SEARCH_RECENCY = 0x1
BT_SEARCH_NO_SNIPPET = 0x2
BT_CS_UNKNOWN = 0
BT_DECODE_LENIENT = 0x1
BT_DECODE_TRUST = 0x2
BT_INGEST_COMMIT = 4

_P = c_void_p  # opaque handles and malloc'ed strings we free ourselves
_PP = POINTER(c_void_p)
_E = POINTER(bt_error)

# name: (restype, argtypes)
_SIGNATURES = {
    "bt_version": (c_char_p, []),
    "bt_strerror": (c_char_p, [c_int]),
    "bt_fold_dup": (c_int, [c_char_p, c_size_t, _PP, POINTER(c_size_t)]),
    "bt_charset_from_name": (c_int, [c_char_p]),
    "bt_charset_name": (c_char_p, [c_int]),
    "bt_decode": (c_int, [c_char_p, c_size_t, c_int, c_uint, _PP, POINTER(c_size_t),
                          POINTER(c_int), _E]),
    "bt_article_free": (None, [_P]),
    "bt_article_to_json": (c_int, [_P, c_uint, _PP, _E]),
    "bt_article_from_json": (c_int, [c_char_p, c_size_t, _PP, _E]),
    "bt_extract": (c_int, [POINTER(bt_capture), POINTER(bt_extract_opts), _PP, _E]),
    "bt_extract_warn": (c_int, [POINTER(bt_capture), POINTER(bt_extract_opts), _PP, _E, _E]),
    "bt_reader_open": (c_int, [c_char_p, c_uint, _PP, _E]),
    "bt_reader_next": (c_int, [_P, POINTER(POINTER(bt_capture)), _E]),
    "bt_reader_stats_get": (c_int, [_P, POINTER(bt_reader_stats)]),
    "bt_reader_close": (None, [_P]),
    "bt_store_open": (c_int, [c_char_p, c_uint, _PP, _E]),
    "bt_store_close": (None, [_P]),
    "bt_store_add": (c_int, [_P, _P, POINTER(bt_origin), POINTER(c_int), c_char_p, _E]),
    "bt_store_begin": (c_int, [_P, _E]),
    "bt_store_commit": (c_int, [_P, _E]),
    "bt_store_rollback": (c_int, [_P, _E]),
    "bt_store_get": (c_int, [_P, c_char_p, _PP, _E]),
    "bt_store_remove": (c_int, [_P, c_char_p, _E]),
    "bt_store_iter_open": (c_int, [_P, POINTER(bt_store_filter), _PP, _E]),
    "bt_store_iter_next": (c_int, [_P, _PP, _E]),
    "bt_store_iter_close": (None, [_P]),
    "bt_store_stats_get": (c_int, [_P, POINTER(bt_store_stats), _E]),
    "bt_store_stats_to_json": (c_int, [POINTER(bt_store_stats), c_uint, _PP, _E]),
    "bt_search_run": (c_int, [_P, c_char_p, POINTER(bt_search_opts), _PP, _E]),
    "bt_search_results_free": (None, [_P]),
    "bt_search_results_to_json": (c_int, [_P, c_uint, _PP, _E]),
    "bt_stories_list": (c_int, [_P, POINTER(bt_stories_opts), POINTER(POINTER(bt_stories)), _E]),
    "bt_stories_free": (None, [POINTER(bt_stories)]),
    "bt_story_get": (c_int, [_P, c_int64, POINTER(POINTER(bt_story)), _E]),
    "bt_story_free": (None, [POINTER(bt_story)]),
    "bt_story_to_json": (c_int, [POINTER(bt_story), c_uint, _PP, _E]),
    "bt_related_of": (c_int, [_P, c_char_p, c_size_t, _PP, _E]),
    "bt_related_list_free": (None, [_P]),
    "bt_related_list_to_json": (c_int, [_P, c_uint, _PP, _E]),
    "bt_ingest_new": (c_int, [POINTER(bt_ingest_opts), _PP, _E]),
    "bt_ingest_free": (None, [_P]),
    "bt_ingest_add_path": (c_int, [_P, c_char_p, _E]),
    "bt_ingest_run": (c_int, [_P, POINTER(bt_ingest_stats), _E]),
    "bt_ingest_merge": (c_int, [_P, c_char_p, POINTER(bt_ingest_stats), _E]),
    "bt_ingest_stats_to_json": (c_int, [POINTER(bt_ingest_stats), c_char_p, _PP, _E]),
    "bt_article_view": (c_int, [_P, c_char_p, _E]),
    "bt_top_by_from_name": (c_int, [c_char_p, POINTER(c_int)]),
    "bt_top": (c_int, [_P, c_int, c_int, c_size_t, c_char_p, _PP, _E]),
    "bt_top_list_free": (None, [_P]),
    "bt_top_to_json": (c_int, [_P, c_uint, _PP, _E]),
}


def _load() -> ctypes.CDLL:
    given = os.environ.get(LIB_ENV)
    if given:
        try:
            return ctypes.CDLL(given)
        except OSError as e:
            raise ImportError(f"bantin: ${LIB_ENV}={given} cannot be loaded: {e}") from e
    tried = []
    from ._config import LIBDIR
    if LIBDIR:
        try:
            return ctypes.CDLL(os.path.join(LIBDIR, SONAMES[0]))
        except OSError as e:
            tried.append(str(e))
    found = ctypes.util.find_library("bantin")
    for name in SONAMES + ((found,) if found else ()):
        try:
            return ctypes.CDLL(name)
        except OSError as e:
            tried.append(str(e))
    raise ImportError("bantin: libbantin.so not found: install it (`make install`) or set "
                      f"${LIB_ENV} to its path, e.g. build/release/libbantin.so ("
                      + "; ".join(tried) + ")")


lib = _load()
for _name, (_res, _args) in _SIGNATURES.items():
    _f = getattr(lib, _name)
    _f.restype = _res
    _f.argtypes = _args

# The library's strings are malloc'ed by the C library the process shares with it.
_libc = ctypes.CDLL(None)
_libc.free.restype = None
_libc.free.argtypes = [c_void_p]
free = _libc.free
