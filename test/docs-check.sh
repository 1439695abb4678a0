#!/bin/sh
# docs-check.sh: the documents a new user reads say what the program does: the README's way
# to read the man page works on a minimal Debian (the install script brings `man`), and the
# man page has the exit-status table scripts rely on.
# Exit 0 pass, 1 fail.
set -u
cd "$(dirname "$0")/.." || exit 1
bad=0
no() { echo "FAIL docs-check: $*"; bad=1; }
grep -q 'man-db' scripts/install-deps.sh || no "scripts/install-deps.sh does not install man-db"
grep -q 'man ./man/bantin.1' README.md && ! grep -q 'install-deps' README.md &&
    no "README points to man without saying where man comes from"
# the exit-status section lists each code the CLI documents
sect=$(sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' man/bantin.1)
for code in 0 1 2 3; do
    printf '%s\n' "$sect" | grep -q "^\\.IP $code\$" || no "man page: EXIT STATUS has no row for $code"
done
# colour: the option and the environment variable are documented where users look
for doc in man/bantin.1 README.md cli/cmd_search.c; do
    grep -q 'color=' "$doc" || no "$doc does not document --color"
done
grep -q '^\.B NO_COLOR' man/bantin.1 || no "man page: ENVIRONMENT has no NO_COLOR"
[ "$bad" -eq 0 ] && echo "PASS docs-check"
exit "$bad"
