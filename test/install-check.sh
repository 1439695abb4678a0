#!/bin/sh
# install-check.sh: `make install` as a distribution package does it (DESTDIR, PREFIX=/usr, a
# multiarch LIBDIR) puts the headers, libbantin.so.0 with its development link, bantin.pc and an
# rpath-free `bantin` on libbantin.so.0 where they belong; a program built from the installed
# header and bantin.pc runs; `make uninstall` takes everything away again.
# Exit 0 pass, 1 fail (naming what is wrong), 77 skipped (no pkg-config or no C compiler).
set -u
cd "$(dirname "$0")/.." || exit 1
CC=${CC:-cc}
command -v pkg-config >/dev/null 2>&1 && command -v "$CC" >/dev/null 2>&1 ||
    { echo "SKIP install-check: no pkg-config or no $CC"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
d=$tmp/dest; lib=/usr/lib/bantin-multiarch-test
fail() { echo "FAIL install-check: $*"; exit 1; }
${MAKE:-make} -s install DESTDIR="$d" PREFIX=/usr LIBDIR=$lib >"$tmp/log" 2>&1 ||
    { cat "$tmp/log"; fail "make install failed"; }
for f in usr/bin/bantin usr/include/bantin.h usr/include/bantin/common.h $lib/libbantin.a \
         $lib/libbantin.so $lib/libbantin.so.0 $lib/pkgconfig/bantin.pc usr/share/man/man1/bantin.1; do
    [ -e "$d/$f" ] || fail "no $f in DESTDIR"
done
[ -L "$d/$lib/libbantin.so" ] || fail "libbantin.so is not a link"
readelf -d "$d/usr/bin/bantin" | grep -q 'NEEDED.*\[libbantin\.so\.0\]' ||
    fail "the installed bantin is not linked against libbantin.so.0"
! readelf -d "$d/usr/bin/bantin" | grep -qi 'RPATH\|RUNPATH' || fail "the installed bantin has an rpath"
grep -qxF "libdir=\${prefix}${lib#/usr}" "$d/$lib/pkgconfig/bantin.pc" || fail "bantin.pc's libdir is not $lib"
cat >"$tmp/t.c" <<'C'
#include <bantin.h>
#include <stdio.h>
#include <string.h>
int main(void) {
    char key[32];
    bt_fold("Đàm phán", strlen("Đàm phán"), key, sizeof key);
    printf("%s %s\n", bt_version(), key);
    return strcmp(key, "dam phan") != 0;
}
C
flags=$(PKG_CONFIG_PATH="$d/$lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$d" pkg-config --cflags --libs bantin) ||
    fail "pkg-config --cflags --libs bantin failed"
# shellcheck disable=SC2086
"$CC" -o "$tmp/t" "$tmp/t.c" $flags || fail "a program does not build with pkg-config's flags: $flags"
out=$(LD_LIBRARY_PATH="$d/$lib" "$tmp/t") || fail "the program against the installed library failed: $out"
LD_LIBRARY_PATH="$d/$lib" "$d/usr/bin/bantin" --version >/dev/null || fail "the installed bantin does not run"
${MAKE:-make} -s uninstall DESTDIR="$d" PREFIX=/usr LIBDIR=$lib >/dev/null 2>&1 || fail "make uninstall failed"
left=$(find "$d" ! -type d)
[ -z "$left" ] || fail "make uninstall left: $left"
echo "PASS install-check: DESTDIR install (PREFIX=/usr LIBDIR=$lib), bantin.pc, a program on it ($out), uninstall"
