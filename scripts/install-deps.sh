#!/bin/sh
# Installs what bantin needs to build and test on Debian 12, and nothing when it is all there.
# Usage: scripts/install-deps.sh [--bench]   (--bench adds the peers the benchmarks compare with)
set -eu
pkgs="make gcc pkg-config libc6-dev libutf8proc-dev libjansson-dev libxml2-dev libsqlite3-dev \
zlib1g-dev libcmocka-dev libmicrohttpd-dev python3 ca-certificates chromium"
# chromium: test/page-check.sh drives the web page of `bantin serve` in it, headless
# the Python binding: its tests (pytest), its Dask batch mode (python3-distributed)
pkgs="$pkgs python3-pytest python3-distributed"
pkgs="$pkgs man-db" # `man ./man/bantin.1` on a minimal Debian, which has no man
if [ "${1:-}" = "--bench" ]; then
  pkgs="$pkgs libicu-dev python3-readability nodejs npm sqlite3 util-linux"
  pkgs="$pkgs wrk" # bench/serve_load.sh
  pkgs="$pkgs pandoc lynx python3-html2text" # text renderings for the extract dev set
fi
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
