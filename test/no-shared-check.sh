#!/bin/sh
# no-shared-check.sh: the suite passes without ../shared (CI, a packager's build): every test
# binary whose source reads the shared data is run again with BANTIN_SHARED pointing to a
# missing folder; their shared-data tests must skip, none fail, crash or leak.
# Exit 0 pass, 1 fail, 77 skipped (no test binaries built).
set -u
cd "$(dirname "$0")/.." || exit 1
bins=""
for src in $(grep -l 'test_shared_dir\|BANTIN_SHARED' test/test_*.c); do
    b=build/asan/test/$(basename "$src" .c)
    [ -x "$b" ] && bins="$bins $b"
done
[ -n "$bins" ] || { echo "SKIP no-shared-check: no test binaries"; exit 77; }
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
# shellcheck disable=SC2086
if ! BANTIN_SHARED=/nonexistent/bantin-shared sh scripts/run-tests.sh $bins >"$out" 2>&1; then
    grep -n 'FAILED\|ERROR\|!!\|Sanitizer' "$out" | head -20
    echo "FAIL no-shared-check: the tests above fail without the shared data"
    exit 1
fi
echo "PASS no-shared-check ($(tail -1 "$out"))"
