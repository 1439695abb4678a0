"""The ctypes structs of bantin/_lib.py against the C headers: a C program built from
include/ prints each struct's size and its members' offsets, which must match ctypes'
(a header that changes a public struct without the binding fails here, not in a crash)."""
import ctypes
import os
import shutil
import subprocess

import pytest

from bantin import _lib
from conftest import ROOT

STRUCTS = {
    "bt_error": ["code", "msg"],
    "bt_capture": ["data", "len", "charset", "url", "origin", "fetched_at", "kind", "where"],
    "bt_extract_opts": ["size", "flags", "site"],
    "bt_origin": ["origin", "content_hash", "size"],
    "bt_search_opts": ["size", "sort", "limit", "offset", "flags"],
    "bt_store_filter": ["size", "added_since", "published_since"],
    "bt_store_stats": [n for n, _ in _lib.bt_store_stats._fields_],
    "bt_reader_stats": [n for n, _ in _lib.bt_reader_stats._fields_],
    "bt_ingest_item": ["origin", "where", "kind", "size"],
    "bt_ingest_stats": [n for n, _ in _lib.bt_ingest_stats._fields_],
    "bt_ingest_opts": [n for n, _ in _lib.bt_ingest_opts._fields_],
}


def test_structs_match_the_headers(tmp_path):
    cc = os.environ.get("CC", "cc")
    if not shutil.which(cc):
        pytest.skip(f"no C compiler ({cc}) to read the headers' layouts")
    lines = ["#include <bantin.h>", "#include <stdio.h>", "#include <stddef.h>",
             "int main(void) {"]
    for s, fields in STRUCTS.items():
        lines.append(f'printf("{s} %zu\\n", sizeof({s}));')
        for f in fields:
            lines.append(f'printf("{s}.{f} %zu\\n", offsetof({s}, {f}));')
    lines.append("return 0; }")
    (tmp_path / "l.c").write_text("\n".join(lines))
    subprocess.run([cc, "-std=c17", "-I", str(ROOT / "include"), "-o", str(tmp_path / "l"),
                    str(tmp_path / "l.c")], check=True)
    c = dict(line.split() for line in
             subprocess.run([str(tmp_path / "l")], capture_output=True, text=True,
                            check=True).stdout.splitlines())
    for s, fields in STRUCTS.items():
        t = getattr(_lib, s)
        assert int(c[s]) == ctypes.sizeof(t), s
        for f in fields:
            assert int(c[f"{s}.{f}"]) == getattr(t, f).offset, f"{s}.{f}"


def test_constants_match_the_headers(tmp_path):
    cc = os.environ.get("CC", "cc")
    if not shutil.which(cc):
        pytest.skip(f"no C compiler ({cc})")
    names = ["BT_JSON_PRETTY", "BT_READ_RECURSIVE", "BT_READ_RECORDS", "BT_KIND_RECORD",
             "BT_STORE_READONLY", "BT_STORE_ADDED", "BT_STORE_MERGED", "BT_SORT_DATE",
             "BT_SEARCH_RECENCY", "BT_SEARCH_NO_SNIPPET", "BT_DECODE_LENIENT", "BT_DECODE_TRUST",
             "BT_INGEST_COMMIT"]
    body = "".join(f'printf("{n} %ld\\n", (long)({n}));' for n in names)
    (tmp_path / "k.c").write_text("#include <bantin.h>\n#include <stdio.h>\n"
                                  f"int main(void) {{ {body} return 0; }}")
    subprocess.run([cc, "-std=c17", "-I", str(ROOT / "include"), "-o", str(tmp_path / "k"),
                    str(tmp_path / "k.c")], check=True)
    out = subprocess.run([str(tmp_path / "k")], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        n, v = line.split()
        assert getattr(_lib, n) == int(v), n
