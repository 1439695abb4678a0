#!/bin/sh
# Regenerates src/text/tables.h from utf8proc and glibc iconv (see scripts/gen_text_tables.c).
set -e
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
${CC:-cc} -std=c17 -O1 -Isrc $(pkg-config --cflags libutf8proc) -o "$tmp/gen" \
    scripts/gen_text_tables.c $(pkg-config --libs libutf8proc)
"$tmp/gen" > "$tmp/tables.h"
mv "$tmp/tables.h" src/text/tables.h
echo "wrote src/text/tables.h"
