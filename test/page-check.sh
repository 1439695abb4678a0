#!/bin/sh
# page-check.sh: the web page of `bantin serve` in a real browser (Debian's chromium, headless):
# front page, search without marks finding marked text, paging, the article reader, a phone's
# width, and hostile articles (script, onerror, SVG, </textarea>, javascript: and data: links)
# that must run nothing (test/page_test.py). Saves screenshots under build/screenshots/.
# Exit 0 pass, 1 fail, 77 skipped (no python3 or no chromium: scripts/install-deps.sh adds it).
set -u
cd "$(dirname "$0")/.." || exit 1
command -v python3 >/dev/null 2>&1 || { echo "SKIP page-check: no python3"; exit 77; }
command -v chromium >/dev/null 2>&1 || { echo "SKIP page-check: no chromium"; exit 77; }
exec python3 test/page_test.py "${BANTIN_BIN:-build/asan/bantin}"
