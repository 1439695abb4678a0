#!/bin/sh
# fuzz-seeds.sh: seed corpora for the fuzz targets, made from the repository's own samples
# (samples/, test/data/) into build/fuzz/corpus/<target>/, small files only (libFuzzer mutates
# from them; large ones slow every run). Usage: scripts/fuzz-seeds.sh [OUT_DIR]
set -eu
cd "$(dirname "$0")/.."
out=${1:-build/fuzz/corpus}
max=65536 # bytes: a seed larger than this is cut (the targets read prefixes well)
mkdir -p "$out"
seed() { # seed TARGET FILE...
    t=$1; shift
    mkdir -p "$out/$t"
    for f in "$@"; do
        [ -f "$f" ] || continue
        head -c "$max" "$f" >"$out/$t/$(echo "$f" | tr '/' '_')"
    done
}
html=$(ls samples/*.html test/data/*.html test/data/multisite/html/*.html 2>/dev/null)
text=$(ls samples/*.txt test/data/multisite/text/*/* 2>/dev/null | head -40)
# shellcheck disable=SC2086
seed fuzz_extract_html $html
# shellcheck disable=SC2086
seed fuzz_extract_text $text
# shellcheck disable=SC2086
seed fuzz_decode $text
# the JSONL and WARC readers: records made from the samples (crawler JSONL, a WARC response)
mkdir -p "$out/fuzz_reader_jsonl" "$out/fuzz_reader_warc" "$out/fuzz_reader_gzip"
python3 - "$out" samples/05-buyt-dien.html <<'PY'
import json, sys
out, page = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
with open(out + "/fuzz_reader_jsonl/crawl.jsonl", "w", encoding="utf-8") as f:
    for i in range(3):
        f.write(json.dumps({"url": "https://example.vn/a-%d.html" % i, "html": page,
                            "fetched_at": "2024-05-01T08:00:00Z"}, ensure_ascii=False) + "\n")
body = page.encode("utf-8")
http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n"
        % len(body)) + body
rec = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.vn/a.html\r\n"
       b"WARC-Date: 2024-05-01T08:00:00Z\r\nContent-Length: %d\r\n\r\n" % len(http)) + http + b"\r\n\r\n"
open(out + "/fuzz_reader_warc/one.warc", "wb").write(rec)
PY
gzip -c "$out/fuzz_reader_jsonl/crawl.jsonl" >"$out/fuzz_reader_gzip/crawl.jsonl.gz"
gzip -c "$out/fuzz_reader_warc/one.warc" >"$out/fuzz_reader_gzip/one.warc.gz"
mkdir -p "$out/fuzz_query" "$out/fuzz_store"
for q in 'đàm phán' 'dam phan' '"giá lúa" -gạo' 'title:bão OR source:"Tuổi Trẻ"' 'xe* since:2024-01'; do
    printf '%s' "$q" >"$out/fuzz_query/$(printf '%s' "$q" | cksum | cut -d' ' -f1)"
done
# shellcheck disable=SC2086
seed fuzz_store $(ls samples/*.txt)
# the server's parameters: q, since, until, source, a count and headers, split at NUL bytes
mkdir -p "$out/fuzz_serve_params"
printf 'dam phan\0002021-08-01\0002021-08-31\000Tuổi Trẻ\00010\000Accept-Encoding: gzip' \
    >"$out/fuzz_serve_params/search"
printf 'xe buýt\000\000\000\00099999999999\000If-None-Match: "x"' >"$out/fuzz_serve_params/bad-count"
for t in fuzz/fuzz_*.c; do
    t=$(basename "$t" .c)
    [ -n "$(ls "$out/$t" 2>/dev/null)" ] || { echo "fuzz-seeds: no seeds for $t" >&2; exit 1; }
done
echo "seed corpora in $out/"
