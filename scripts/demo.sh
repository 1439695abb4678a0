#!/bin/sh
# Quick start: installs what is missing, builds bantin, and runs it on the bundled samples.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
make -s -j"$(nproc 2>/dev/null || echo 2)" release
echo "== bantin extract samples/ (one JSON article per capture)"
./bantin extract --pretty samples/*.txt
