#!/bin/sh
# Installs what bantin needs to build and test on Debian 12, and nothing when it is all there.
# Usage: scripts/install-deps.sh [--bench]   (--bench adds the peers the benchmarks compare with)
set -eu
pkgs="make gcc pkg-config libc6-dev libutf8proc-dev libjansson-dev libxml2-dev libsqlite3-dev \
zlib1g-dev libcmocka-dev libmicrohttpd-dev python3 ca-certificates chromium nodejs"
# chromium, node: test/page-check.sh drives the web page of `bantin serve` in Debian's
# chromium, headless, through playwright-core (npm, pinned in test/page/package-lock.json;
# installed below, with no browser download of its own)
# the Python binding: its tests (pytest), its Dask batch mode (python3-distributed)
pkgs="$pkgs python3-pytest python3-distributed"
pkgs="$pkgs man-db" # `man ./man/bantin.1` on a minimal Debian, which has no man
if [ "${1:-}" = "--bench" ]; then
  pkgs="$pkgs libicu-dev python3-readability sqlite3 util-linux"
  pkgs="$pkgs wrk" # bench/serve_load.sh
  pkgs="$pkgs pandoc lynx python3-html2text" # text renderings for the extract dev set
fi
# Debian's npm, unless the node installed already brings its own (Debian's package would
# conflict with it)
command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing:$missing" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# the page test's npm packages, exactly as locked; again only when the lock is newer than
# what is installed (npm ci empties node_modules first), from npm's cache when it has them
page=$(cd "$(dirname "$0")/../test/page" && pwd)
if [ ! -f "$page/node_modules/.package-lock.json" ] ||
   [ "$page/package-lock.json" -nt "$page/node_modules/.package-lock.json" ]; then
  echo "installing: test/page (npm ci)" >&2
  # node trusts only its own CA list, not the system's: behind a proxy whose CA the machine
  # trusts (/usr/local/share/ca-certificates), npm would fail where apt works
  ca=/etc/ssl/certs/ca-certificates.crt
  [ -n "${NODE_EXTRA_CA_CERTS:-}" ] || [ ! -r "$ca" ] || export NODE_EXTRA_CA_CERTS="$ca"
  (cd "$page" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
fi
