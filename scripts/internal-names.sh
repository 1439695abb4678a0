#!/bin/sh
# internal-names.sh: the library's functions that other library files share are to be named
# bti_* (bt_* is for the public API in include/ only). Lists the global bt_ symbols defined in
# the library's objects that include/ does not declare; with --rename, renames each in the C
# sources of src/ cli/ test/ bench/ fuzz/ (bt_foo -> bti_foo; bt__foo -> bti_foo), in code and
# comments but not inside string literals (SQL function names and messages are behaviour), and
# names the other files that still mention one (documentation: left to a human).
# Usage: scripts/internal-names.sh [--rename] [LIB.a|OBJ.o ...]   (default build/release/libbantin.a,
# built when missing). Run from the source tree's root.
set -eu
rename=0
if [ "${1:-}" = "--rename" ]; then rename=1; shift; fi
if [ $# -eq 0 ]; then
    [ -f build/release/libbantin.a ] || ${MAKE:-make} -s build/release/libbantin.a >&2
    set -- build/release/libbantin.a
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
sh scripts/public-functions.sh >"$tmp/public"
# global (upper-case type letter) definitions only: static functions, tables and the compiler's
# clones (.part.0, .localalias) are not shared between files
nm --defined-only "$@" 2>/dev/null | awk 'NF == 3 && $2 ~ /^[A-Z]$/ && $3 ~ /^bt_[A-Za-z0-9_]*$/ {print $3}' |
    LC_ALL=C sort -u | LC_ALL=C comm -23 - "$tmp/public" >"$tmp/internal"
if [ "$rename" -eq 0 ]; then cat "$tmp/internal"; exit 0; fi

# old new, one pair a line; a new name must be new to the tree and to the other pairs
sed -e 's/^bt__\(.*\)$/& bti_\1/' -e '/ /!s/^bt_\(.*\)$/& bti_\1/' "$tmp/internal" >"$tmp/map"
dup=$(cut -d' ' -f2 "$tmp/map" | sort | uniq -d)
[ -z "$dup" ] || { echo "internal-names: two names would become $dup" >&2; exit 1; }
files=$(git ls-files -- src cli test bench fuzz 2>/dev/null | grep -E '\.(c|h)$' ||
        find src cli test bench fuzz -name '*.[ch]' | sort)
for new in $(cut -d' ' -f2 "$tmp/map"); do
    if grep -qw "$new" $files; then echo "internal-names: $new is already taken" >&2; exit 1; fi
done
MAP="$tmp/map" perl -0777 -pi -e '
    BEGIN { local $/ = "\n"; open my $f, "<", $ENV{MAP} or die; while (<$f>) { chomp; my ($o, $n) = split / /; $m{$o} = $n } }
    sub ren { my $t = shift; $t =~ s/\b(bt_\w+)\b/exists $m{$1} ? $m{$1} : $1/ge; $t }
    s{("(?:[^"\\\n]|\\.)*")|(\x27(?:[^\x27\\\n]|\\.)*\x27)|(/\*.*?\*/|//[^\n]*)|\b(bt_\w+)\b}
     { defined $1 ? $1 : defined $2 ? $2 : defined $3 ? ren($3) : (exists $m{$4} ? $m{$4} : $4) }gse;
' $files
echo "internal-names: renamed $(wc -l <"$tmp/map") symbols to bti_ in the C sources of src/ cli/ test/ bench/ fuzz/"
left=$(grep -rIlwF -f "$tmp/internal" --exclude-dir=build --exclude-dir=.git . 2>/dev/null || true)
[ -z "$left" ] || echo "still mentioned (strings, documentation; not renamed):" $left
