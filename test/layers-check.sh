#!/bin/sh
# layers-check.sh: data flows one way through the stages (design.md): text -> article ->
# capture/extract -> store -> search/connect -> ingest -> clients. Fails naming each arrow
# against that order, read both from the #include lines and from which stage's objects call
# functions another stage defines (an arrow through a public header shows only there).
# Exit 0 pass, 1 fail, 77 skipped (no release objects to read symbols from).
set -u
cd "$(dirname "$0")/.." || exit 1
sh scripts/include-graph.sh --check || exit 1
if ! ls build/release/src/*/*.o >/dev/null 2>&1 || ! command -v nm >/dev/null 2>&1; then
    echo "SKIP layers-check --symbols: no release objects or no nm"; exit 77
fi
sh scripts/include-graph.sh --check --symbols || exit 1
echo "PASS layers-check"
