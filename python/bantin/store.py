"""bantin.Store: a store file (bantin/store.h) from Python: add pages or records, get,
search, export, stats. Whatever it returns is the JSON the CLI prints (`bantin show`,
`bantin search --format json`, `bantin stats --json`, `bantin export`), parsed."""
from __future__ import annotations

import ctypes
import json
import os
import threading
from typing import Any, Iterable, Iterator, Union

from . import _lib
from ._call import L, check, encode_path, message, new_error, take_article, take_bytes
from .errors import Error, InvalidError, error_for
from .extract import record_json

PathLike = Union[str, bytes, "os.PathLike[str]"]

_STAGES = {1: "read", 2: "extract", 3: "store", 4: "commit"}
_OUTCOMES = {_lib.BT_STORE_SEEN: "seen", _lib.BT_STORE_ADDED: "added",
             _lib.BT_STORE_MERGED: "merged"}
_SUMMARY = ("inputs", "captures", "added", "merged", "seen", "failed")


def _s(b: bytes | None) -> str | None:
    return None if b is None else b.decode("utf-8", "replace")


class Store:
    """A bantin store (one SQLite file), the same file the `bantin` CLI reads and writes.

    Use it as a context manager (``with bantin.Store("news.db") as db: ...``) or call
    close(). A Store serialises its own calls (one at a time, from any thread); to search
    in parallel, open one Store per thread (``readonly=True`` is enough). Opening creates
    the file unless `readonly`; a missing file opened read-only is bantin.NotFoundError,
    a store of a newer bantin bantin.UnsupportedError."""

    def __init__(self, path: PathLike, readonly: bool = False):
        self.path = os.fsdecode(path)
        self.readonly = bool(readonly)
        self._lock = threading.Lock()
        self._s = ctypes.c_void_p()
        err = new_error()
        rc = L.bt_store_open(encode_path(path), _lib.BT_STORE_READONLY if readonly else 0,
                             ctypes.byref(self._s), ctypes.byref(err))
        check(rc, err)

    # ---- life ----------------------------------------------------------------------------
    def close(self) -> None:
        """Closes the file (further calls raise bantin.InvalidError). Idempotent."""
        with self._lock:
            if self._s:
                L.bt_store_close(self._s)
                self._s = ctypes.c_void_p()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        if getattr(self, "_s", None):
            L.bt_store_close(self._s)

    def __repr__(self) -> str:
        return f"bantin.Store({self.path!r}, readonly={self.readonly})"

    def _handle(self) -> ctypes.c_void_p:
        if not self._s:
            raise InvalidError(f"{self.path}: the store is closed")
        return self._s

    # ---- writing -------------------------------------------------------------------------
    def add(self, items: Any, *, jobs: int = 0) -> dict:
        """Stores pages and records, as `bantin add` does, and returns its summary.

        `items` is one item or an iterable of them: a path (str or os.PathLike: a page, a
        crawler JSONL or WARC file, a directory read recursively, a file of records as
        export writes) extracted on `jobs` threads (0: one per core) by the library's ingest
        pipeline, or an article record (a dict of spec/article.md, e.g. from extract()) stored
        as it is. Exact duplicates fold as with `bantin add` (same content, same article id,
        same canonical URL).

        Returns {"db", "inputs", "captures", "added", "merged", "seen", "failed", "seconds",
        "ids", "failures"}: the first eight as `bantin add --json` prints them, "ids" the
        stored id of each record given as a dict (None when it failed), "failures" one
        {"stage", "message", "origin", "where"} per input, capture or record that failed
        (they are counted and the rest goes on, as with the CLI). A database failure that
        stops the run raises bantin.DatabaseError."""
        if self.readonly:
            raise InvalidError(f"{self.path}: the store is open read-only")
        if isinstance(items, (str, bytes, os.PathLike, dict)):
            items = [items]
        items = list(items)
        for it in items:  # all checked before any is stored: a wrong one stores nothing
            if not isinstance(it, (dict, str, bytes, os.PathLike)):
                raise TypeError(f"add: an item is a path or a record dict, not "
                                f"{type(it).__name__}")
        total = {k: 0 for k in _SUMMARY}
        total.update(db=self.path, seconds=0.0, ids=[], failures=[])
        run: list = []  # consecutive items of one sort go together
        for it in items + [None]:
            sort = None if it is None else ("rec" if isinstance(it, dict) else "path")
            if run and (sort is None or sort != ("rec" if isinstance(run[0], dict) else "path")):
                with self._lock:
                    self._handle()
                    part = (self._add_records(run) if isinstance(run[0], dict)
                            else self._add_paths(run, jobs))
                for k in _SUMMARY:
                    total[k] += part[k]
                total["seconds"] += part["seconds"]
                total["ids"] += part.get("ids", [])
                total["failures"] += part["failures"]
                run = []
            if it is not None:
                run.append(it)
        total["seconds"] = round(total["seconds"], 3)
        return total

    def _add_records(self, records: list) -> dict:
        out = {k: 0 for k in _SUMMARY}
        out.update(seconds=0.0, ids=[], failures=[])
        err = new_error()
        check(L.bt_store_begin(self._s, ctypes.byref(err)), err)
        ok = False
        try:
            for rec in records:
                out["inputs"] += 1
                b = record_json(rec)
                a, e = ctypes.c_void_p(), new_error()
                rc = L.bt_article_from_json(b, len(b), ctypes.byref(a), ctypes.byref(e))
                if rc == 0:
                    outcome, idb = ctypes.c_int(), ctypes.create_string_buffer(17)
                    try:
                        rc = L.bt_store_add(self._s, a, None, ctypes.byref(outcome), idb,
                                            ctypes.byref(e))
                    finally:
                        L.bt_article_free(a)
                if rc:
                    if rc in (-7, -3):  # the database itself failed: stop, as ingest does
                        raise error_for(rc, message(e, rc))
                    out["failed"] += 1
                    out["ids"].append(None)
                    out["failures"].append({"stage": "store", "message": message(e, rc),
                                            "origin": rec.get("origin"), "where": None})
                    continue
                out["captures"] += 1
                out[_OUTCOMES[outcome.value]] += 1
                out["ids"].append(idb.value.decode())
            check(L.bt_store_commit(self._s, ctypes.byref(err)), err)
            ok = True
        finally:
            if not ok:
                L.bt_store_rollback(self._s, ctypes.byref(new_error()))
        return out

    def _add_paths(self, paths: list, jobs: int) -> dict:
        failures: list = []

        def on_failure(ctx: Any, e: Any, item: Any, stage: int) -> None:
            it = item.contents if item else None
            failures.append({"stage": _STAGES.get(stage, str(stage)),
                             "message": message(e.contents, e.contents.code),
                             "origin": _s(it.origin) if it else None,
                             "where": _s(it.where) if it else None})

        cb = _lib.FAILURE_FN(on_failure)  # kept alive until the run returns
        db = encode_path(self.path)
        o = _lib.bt_ingest_opts(size=ctypes.sizeof(_lib.bt_ingest_opts), jobs=max(0, int(jobs)),
                                read_flags=_lib.BT_READ_RECURSIVE | _lib.BT_READ_RECORDS,
                                flags=0, site=None, db=db, batch=1000, batch_seconds=1.0,
                                ring=0, on_failure=cb)
        err, g = new_error(), ctypes.c_void_p()
        check(L.bt_ingest_new(ctypes.byref(o), ctypes.byref(g), ctypes.byref(err)), err)
        try:
            for p in paths:
                check(L.bt_ingest_add_path(g, encode_path(p), ctypes.byref(err)), err)
            st = _lib.bt_ingest_stats()
            rc = L.bt_ingest_run(g, ctypes.byref(st), ctypes.byref(err))
            check(rc, err)
        finally:
            L.bt_ingest_free(g)
        js = ctypes.c_void_p()
        check(L.bt_ingest_stats_to_json(ctypes.byref(st), db, ctypes.byref(js),
                                        ctypes.byref(err)), err)
        out = json.loads(take_bytes(js))
        out["failures"] = failures
        return out

    def merge(self, shards: Any) -> dict:
        """Merges shard stores (paths of store files, as `python3 -m bantin.dask --format db`
        writes one per shard) into this one, in order, as `bantin merge`: the result holds
        the articles and captures one add of every shard's inputs would have stored.
        Returns the summary of add(): "inputs" the shards, "failures" those that could not
        be merged, each with the library's message naming the shard or this store."""
        if self.readonly:
            raise InvalidError(f"{self.path}: the store is open read-only")
        if isinstance(shards, (str, bytes, os.PathLike)):
            shards = [shards]
        total = {k: 0 for k in _SUMMARY}
        total.update(db=self.path, seconds=0.0, ids=[], failures=[])
        for sh in shards:
            st, err = _lib.bt_ingest_stats(), new_error()
            with self._lock:
                rc = L.bt_ingest_merge(self._handle(), encode_path(sh), ctypes.byref(st),
                                       ctypes.byref(err))
            for k in ("captures", "added", "merged", "seen", "failed"):
                total[k] += getattr(st, k)
            total["inputs"] += 1
            total["seconds"] += st.seconds
            if rc:  # named, and on to the next shard (a broken store fails them all)
                total["failed"] += 1
                total["failures"].append({"stage": "read", "message": message(err, rc),
                                          "origin": os.fsdecode(sh), "where": None})
        total["seconds"] = round(total["seconds"], 3)
        return total

    def remove(self, id: str) -> None:
        """Removes article `id` with its origins and index entries (bantin.NotFoundError
        when there is none), as `bantin rm ID`."""
        if self.readonly:
            raise InvalidError(f"{self.path}: the store is open read-only")
        err = new_error()
        with self._lock:
            rc = L.bt_store_remove(self._handle(), str(id).encode(), ctypes.byref(err))
        check(rc, err)

    # ---- reading -------------------------------------------------------------------------
    def get(self, id: str) -> dict:
        """The stored article `id` as a record (`bantin show ID`); its origin is its
        first capture's. bantin.NotFoundError when there is none."""
        err, a = new_error(), ctypes.c_void_p()
        with self._lock:
            rc = L.bt_store_get(self._handle(), str(id).encode(), ctypes.byref(a),
                                ctypes.byref(err))
        check(rc, err)
        return take_article(a)

    def search(self, query: str, limit: int = 10, offset: int = 0, *,
               sort: str = "relevance", recency: bool = False, snippets: bool = True,
               all: bool = False) -> dict:
        """Searches the store with bantin's query language (see `bantin search --help`:
        `dam phan` finds "đàm phán"; "phrase", -word, a OR b, prefix*, title:, since:...).

        Returns what `bantin search --format json` prints: {"total": N, "results": [{"id",
        "title", "source", "published", "score", "snippet", "highlights": [[start, end],
        ...]}, ...]} plus "total_more": True when total is a lower bound. A group of
        near-duplicates is one result (its best-ranked member, with "copies": N, the number
        of the others) unless `all`. `sort` is
        "relevance" or "date" (newest first). A bad query raises bantin.InvalidError or
        bantin.LimitError saying what is wrong. The GIL is released while it runs."""
        if sort not in ("relevance", "date"):
            raise InvalidError(f"search: sort must be relevance or date, not '{sort}'")
        if limit < 0 or offset < 0:
            raise InvalidError("search: limit and offset must not be negative")
        o = _lib.bt_search_opts(size=ctypes.sizeof(_lib.bt_search_opts),
                                sort=_lib.BT_SORT_DATE if sort == "date" else 0,
                                limit=limit, offset=offset,
                                flags=(_lib.BT_SEARCH_RECENCY if recency else 0)
                                | (0 if snippets else _lib.BT_SEARCH_NO_SNIPPET),
                                all_copies=1 if all else 0)
        err, r = new_error(), ctypes.c_void_p()
        with self._lock:
            rc = L.bt_search_run(self._handle(), str(query).encode("utf-8"), ctypes.byref(o),
                                 ctypes.byref(r), ctypes.byref(err))
        check(rc, err)
        try:
            js = ctypes.c_void_p()
            check(L.bt_search_results_to_json(r, 0, ctypes.byref(js), ctypes.byref(err)), err)
        finally:
            L.bt_search_results_free(r)
        return json.loads(take_bytes(js))

    def related(self, id: str, k: int = 8) -> dict:
        """The k (1..100) articles most related to stored article `id` (`bantin related ID
        --format json`): {"id": ID, "related": [{"id", "title", "source", "published",
        "score"}, ...] best first, "links": [{"title", "url", "id"}, ...]} where "links" are
        the page's own related links, each with the stored article it names (or None).
        bantin.NotFoundError when there is no such article, bantin.InvalidError for a bad k.
        The GIL is released while it runs."""
        if not 1 <= k <= 100:
            raise InvalidError(f"related: k must be from 1 to 100, not {k}")
        err, r = new_error(), ctypes.c_void_p()
        with self._lock:
            rc = L.bt_related_of(self._handle(), str(id).encode(), k, ctypes.byref(r),
                                 ctypes.byref(err))
        check(rc, err)
        try:
            js = ctypes.c_void_p()
            check(L.bt_related_list_to_json(r, 0, ctypes.byref(js), ctypes.byref(err)), err)
        finally:
            L.bt_related_list_free(r)
        return json.loads(take_bytes(js))

    def export(self, *, since: str | None = None,
               published_since: str | None = None) -> Iterator[dict]:
        """Yields every stored article as a record, in the order they were added (`bantin
        export`); `since` and `published_since` (ISO 8601 dates) keep those added or
        published on or after them. Each step takes the store for one call only, so other
        calls may come between steps."""
        keep = [None if v is None else v.encode() for v in (since, published_since)]
        f = _lib.bt_store_filter(size=ctypes.sizeof(_lib.bt_store_filter),
                                 added_since=keep[0], published_since=keep[1])
        err, it = new_error(), ctypes.c_void_p()
        with self._lock:
            rc = L.bt_store_iter_open(self._handle(), ctypes.byref(f), ctypes.byref(it),
                                      ctypes.byref(err))
        check(rc, err)
        try:
            while True:
                a = ctypes.c_void_p()
                with self._lock:
                    self._handle()
                    rc = L.bt_store_iter_next(it, ctypes.byref(a), ctypes.byref(err))
                check(rc, err)
                if not a:
                    break
                yield take_article(a)
        finally:
            with self._lock:
                if self._s:
                    L.bt_store_iter_close(it)

    def stories(self, *, since: int | None = None, min_size: int = 0, limit: int = 0,
                members: bool = False) -> list:
        """The stories (articles reporting one event, grouped by add as it stores them),
        newest activity first, each as a line of `bantin stories --format json`: {"id",
        "title", "size", "first", "last", "sources", "terms"}, with members also "articles"
        (ids). `since`: only stories with an article at or after it (seconds since the
        epoch); `min_size`: only stories of that many articles or more; `limit` (0: all)."""
        if min_size < 0 or limit < 0:
            raise InvalidError("stories: min_size and limit must not be negative")
        o = _lib.bt_stories_opts(since=_lib.INT64_MIN if since is None else int(since),
                                 min_size=min_size, limit=limit,
                                 flags=_lib.BT_STORIES_MEMBERS if members else 0)
        err, lst = new_error(), ctypes.POINTER(_lib.bt_stories)()
        with self._lock:
            rc = L.bt_stories_list(self._handle(), ctypes.byref(o), ctypes.byref(lst),
                                   ctypes.byref(err))
        check(rc, err)
        try:
            out = []
            for i in range(lst.contents.n):
                js = ctypes.c_void_p()
                check(L.bt_story_to_json(ctypes.byref(lst.contents.stories[i]), 0,
                                         ctypes.byref(js), ctypes.byref(err)), err)
                out.append(json.loads(take_bytes(js)))
            return out
        finally:
            L.bt_stories_free(lst)

    def story(self, id: int) -> dict:
        """Story `id` with its articles and timeline, as `bantin story --format json ID`
        prints it; bantin.NotFoundError when there is none."""
        err, st = new_error(), ctypes.POINTER(_lib.bt_story)()
        with self._lock:
            rc = L.bt_story_get(self._handle(), int(id), ctypes.byref(st), ctypes.byref(err))
        check(rc, err)
        try:
            js = ctypes.c_void_p()
            check(L.bt_story_to_json(st, 0, ctypes.byref(js), ctypes.byref(err)), err)
            return json.loads(take_bytes(js))
        finally:
            L.bt_story_free(st)

    def view(self, id: str) -> None:
        """Counts one view of article `id` today (UTC), as `bantin show ID` does, for
        top(by="views"). bantin.NotFoundError for an unknown id; bantin.InvalidError on a
        store opened read-only."""
        err = new_error()
        with self._lock:
            rc = L.bt_article_view(self._handle(), str(id).encode(), ctypes.byref(err))
        check(rc, err)

    def top(self, days: int = 7, by: str = "views", limit: int = 10, *,
            until: str | None = None) -> dict:
        """The most-read articles of the `days` days ending today (UTC) or on `until`
        (YYYY-MM-DD), as `bantin top --format json` prints them: {"by", "days", "from",
        "until", "articles": [{"id", "title", "url", "source", "published", "kind",
        "count"}]}. `by` is "views" or "mentions" (the stored pages' own most-read boxes).
        Bad arguments raise bantin.InvalidError."""
        b = ctypes.c_int(0)
        if L.bt_top_by_from_name(str(by).encode(), ctypes.byref(b)):
            raise InvalidError(f"top: by must be views or mentions, not '{by}'")
        err, lst = new_error(), ctypes.c_void_p()
        with self._lock:
            rc = L.bt_top(self._handle(), int(days), b.value, max(0, int(limit)),
                          None if until is None else str(until).encode(), ctypes.byref(lst),
                          ctypes.byref(err))
        check(rc, err)
        try:
            js = ctypes.c_void_p()
            check(L.bt_top_to_json(lst, 0, ctypes.byref(js), ctypes.byref(err)), err)
        finally:
            L.bt_top_list_free(lst)
        return json.loads(take_bytes(js))

    def stats(self) -> dict:
        """The store's counts, as `bantin stats --json` prints them: articles, origins,
        sources, images, related, first/last published and added, file_bytes, index_bytes,
        index_segments, schema_version, phrase_index."""
        st, err = _lib.bt_store_stats(), new_error()
        with self._lock:
            rc = L.bt_store_stats_get(self._handle(), ctypes.byref(st), ctypes.byref(err))
        check(rc, err)
        js = ctypes.c_void_p()
        check(L.bt_store_stats_to_json(ctypes.byref(st), 0, ctypes.byref(js),
                                       ctypes.byref(err)), err)
        return json.loads(take_bytes(js))
