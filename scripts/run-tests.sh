#!/bin/sh
# Runs each cmocka test binary given, then prints one closing line "N passed, N failed".
# A shell script given (test/*.sh: checks of the build, like the ABI) counts as one test:
# exit 0 passed, 77 skipped, anything else failed.
# Exit status 0 only when every test passed and every binary exited cleanly.
passed=0; failed=0; broken=0
out=$(mktemp); trap 'rm -f "$out"' EXIT
export BANTIN_BIN="${BANTIN_BIN:-$(pwd)/build/asan/bantin}"
export BANTIN_SHARED="${BANTIN_SHARED:-$(cd .. && pwd)/shared}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
for t in "$@"; do
  echo "== $t"
  case $t in *.sh)
    sh "$t"; rc=$?
    if [ "$rc" -eq 0 ]; then passed=$((passed + 1))
    elif [ "$rc" -ne 77 ]; then echo "!! $t exited $rc"; failed=$((failed + 1)); fi
    continue ;;
  esac
  "$t" >"$out" 2>&1; rc=$?
  cat "$out"
  p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
  f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "!! $t exited $rc without a cmocka failure (crash or sanitizer report)"
    broken=$((broken + 1)); failed=$((failed + 1))
  fi
done
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$broken" -eq 0 ]
