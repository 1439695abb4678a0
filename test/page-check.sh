#!/bin/sh
# page-check.sh: the web page of `bantin serve` in a real browser: Debian's chromium, headless,
# driven by playwright-core from npm (test/page/page_test.mjs; pinned in test/page/package-lock.json,
# installed by scripts/install-deps.sh): front page, search as you type, paging, the reader,
# stories and most read, a story's timeline, a phone's width, and hostile articles that must
# run nothing. Saves screenshots under build/screenshots/.
# Exit 0 pass, 1 fail, 77 skipped (only when node or chromium is missing).
set -u
cd "$(dirname "$0")/.." || exit 1
command -v node >/dev/null 2>&1 || { echo "SKIP page-check: no node (scripts/install-deps.sh)"; exit 77; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "SKIP page-check: no chromium (scripts/install-deps.sh)"; exit 77; }
if [ ! -f test/page/node_modules/playwright-core/package.json ]; then
  echo "FAIL page-check: playwright-core is not installed: sh scripts/install-deps.sh (npm ci in test/page)"
  exit 1
fi
exec node test/page/page_test.mjs "${BANTIN_BIN:-build/asan/bantin}"
