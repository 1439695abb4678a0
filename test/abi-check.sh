#!/bin/sh
# abi-check.sh: libbantin.so exports exactly the functions include/ declares, no more (an
# internal function leaking into the ABI) and no fewer (a declaration without BT_API, which
# -fvisibility=hidden keeps out). Both lists are read fresh, from the library and from the
# headers, so functions added to include/ are checked without a list to update.
# Usage: test/abi-check.sh [LIBBANTIN_SO]   (default $BANTIN_SO, else build/release/libbantin.so)
# Exit 0 pass, 1 fail (naming each difference), 77 skipped (no library or no nm).
set -u
so=${1:-${BANTIN_SO:-build/release/libbantin.so}}
case $so in /*) ;; *) so=$(pwd)/$so ;; esac
cd "$(dirname "$0")/.." || exit 1
NM=${NM:-nm}
if [ ! -f "$so" ] || ! command -v "$NM" >/dev/null 2>&1; then
    echo "SKIP abi-check: no $so or no $NM"; exit 77
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
sh scripts/public-functions.sh >"$tmp/declared" || { echo "FAIL abi-check: cannot read include/"; exit 1; }
# the linker's own markers are not ours to declare
"$NM" -D --defined-only "$so" | awk '{print $NF}' |
    grep -v -x -e _init -e _fini -e _edata -e _end -e __bss_start | LC_ALL=C sort -u >"$tmp/exported"
n=$(wc -l <"$tmp/declared")
if [ "$n" -lt 10 ]; then echo "FAIL abi-check: only $n functions read from include/"; exit 1; fi
extra=$(LC_ALL=C comm -23 "$tmp/exported" "$tmp/declared")
missing=$(LC_ALL=C comm -13 "$tmp/exported" "$tmp/declared")
for s in $extra; do echo "exported by $so but not declared in include/: $s"; done
for s in $missing; do echo "declared in include/ but not exported by $so (BT_API missing? see scripts/mark-api.sh): $s"; done
if [ -n "$extra$missing" ]; then
    echo "FAIL abi-check: $(echo $extra | wc -w) exported but undeclared, $(echo $missing | wc -w) declared but not exported"
    exit 1
fi
echo "PASS abi-check: $so exports the $n functions include/ declares, and nothing else"
