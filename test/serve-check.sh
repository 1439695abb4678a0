#!/bin/sh
# serve-check.sh: `bantin serve` over a real store on 127.0.0.1 (a free port the kernel picks):
# every route of its OpenAPI document, the error statuses, limits, gzip/ETag, the page's files
# and headers, POST /api/articles with and without the token, clients reading while an ingest
# writes, a slowloris client cut off, and a clean stop on SIGTERM (test/serve_test.py).
# Exit 0 pass, 1 fail, 77 skipped (no python3).
set -u
cd "$(dirname "$0")/.." || exit 1
command -v python3 >/dev/null 2>&1 || { echo "SKIP serve-check: no python3"; exit 77; }
exec python3 test/serve_test.py "${BANTIN_BIN:-build/asan/bantin}"
