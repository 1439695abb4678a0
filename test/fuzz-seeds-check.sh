#!/bin/sh
# fuzz-seeds-check.sh: scripts/fuzz-seeds.sh makes a non-empty seed corpus for every fuzz
# target (fuzz/fuzz_*.c), so that a new target gets its seeds too. Exit 0 pass, 1 fail,
# 77 skipped (no python3 or gzip).
set -u
cd "$(dirname "$0")/.." || exit 1
command -v python3 >/dev/null && command -v gzip >/dev/null || { echo "SKIP fuzz-seeds-check"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
if sh scripts/fuzz-seeds.sh "$tmp/corpus" >/dev/null; then
    echo "PASS fuzz-seeds-check"
else
    echo "FAIL fuzz-seeds-check"; exit 1
fi
