#!/bin/sh
# bench/extract_html.sh: bantin vs Readability.js (linkedom) vs readability-lxml on the same
# HTML pages: token P/R/F1 against gold, pages/s per core, peak RSS on a 10 MB page.
# Installs the JS peers from bench/package-lock.json (npm ci into bench/node_modules) and
# expects python3-readability (scripts/install-deps.sh --bench). BENCH_SECONDS (default 5)
# is the time per tool; BENCH_CORE (default 0) the core all tools are pinned to; BENCH_PASSES
# (default 2) the interleaved passes, best kept; BENCH_BASELINE another build's
# bench_extract_html run beside. Rates are pages per second of CPU time (wall time beside).
set -eu
cd "$(dirname "$0")/.."
make -s build/release/bench/bench_extract_html
if [ ! -d bench/node_modules/@mozilla/readability ] || [ ! -d bench/node_modules/linkedom ]; then
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi
# Debian's python3-readability lives under the system python, which a pyenv may shadow
PY=""
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import readability' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "readability-lxml missing: run scripts/install-deps.sh --bench" >&2; exit 1; }
exec "$PY" bench/extract_html_score.py
