"""bantin: clean, searchable news from raw captures of news pages, from Python.

A binding over libbantin.so (the C library behind the `bantin` command) through its public
API only. What it returns is what the CLI prints, parsed with json: the library's own JSON
writers make both.

    import bantin
    rec = bantin.extract(html_bytes, url="https://vnexpress.net/...")   # one page -> dict
    for rec in bantin.iter_captures("crawl.warc.gz"):                    # WARC, JSONL, dirs
        ...
    with bantin.Store("news.db") as db:
        db.add(["crawl.warc.gz", rec])          # pages and records, as `bantin add`
        hits = db.search("dam phan", limit=5)   # as `bantin search --format json`

Functions: extract, extract_file, iter_captures, fold, decode, version.
Classes: Store; the exceptions Error and its subclasses, one per status code (InvalidError,
OutOfMemoryError, IOFailedError, ParseError, NoArticleError, UnsupportedError, DatabaseError,
NotFoundError, LimitError, ExistsError), each with the library's message.

Threads: the GIL is released during every library call, so extraction (extract,
iter_captures) and search run in parallel on threads; a Store serialises its own calls, so
open one per thread to search in parallel.

Crawl-scale extraction on Dask distributed: `python3 -m bantin.dask --help` (bantin.dask).

The library is found through $BANTIN_LIB (a path to libbantin.so), else the installed
libbantin.so.0.
"""
from ._lib import lib as _cdll
from .errors import (DatabaseError, Error, ExistsError, ExtractWarning, InvalidError,
                     IOFailedError, LimitError, NoArticleError, NotFoundError, OutOfMemoryError,
                     ParseError, UnsupportedError)
from .extract import extract, extract_file, iter_captures
from .store import Store
from .text import decode, fold

__all__ = ["extract", "extract_file", "iter_captures", "fold", "decode", "version", "Store",
           "Error", "InvalidError", "OutOfMemoryError", "IOFailedError", "ParseError",
           "NoArticleError", "UnsupportedError", "DatabaseError", "NotFoundError", "LimitError",
           "ExistsError", "ExtractWarning"]


def version() -> str:
    """The version of the loaded libbantin ("MAJOR.MINOR.PATCH")."""
    return _cdll.bt_version().decode()


__version__ = version()
