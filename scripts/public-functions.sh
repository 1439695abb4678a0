#!/bin/sh
# public-functions.sh: the names of the functions the public headers declare, one a line,
# sorted. Read from the headers themselves (comments, preprocessor lines and string literals
# dropped; every `bt_name(` left is a declaration), so that functions other work adds to
# include/ are counted without a list to keep in step. Used by the ABI check and by
# scripts/internal-names.sh.
# Usage: scripts/public-functions.sh [HEADER...]     (default: include/bantin.h include/bantin/*.h)
set -eu
[ $# -gt 0 ] || set -- include/bantin.h include/bantin/*.h
cat "$@" | awk '
    # C comments may span lines: carry the "inside a comment" state between them
    {
        line = $0; out = ""
        while (line != "") {
            if (incomment) {
                i = index(line, "*/")
                if (i == 0) { line = ""; break }
                line = substr(line, i + 2); incomment = 0
                continue
            }
            c = index(line, "/*"); d = index(line, "//"); q = index(line, "\"")
            # the first of: a block comment, a line comment, a string literal
            first = 0; kind = ""
            if (c && (!first || c < first)) { first = c; kind = "c" }
            if (d && (!first || d < first)) { first = d; kind = "d" }
            if (q && (!first || q < first)) { first = q; kind = "q" }
            if (!first) { out = out line; break }
            out = out substr(line, 1, first - 1) " "
            if (kind == "c") { line = substr(line, first + 2); incomment = 1 }
            else if (kind == "d") { line = "" }
            else {
                rest = substr(line, first + 1)
                while (match(rest, /^([^"\\]|\\.)*"/)) { rest = substr(rest, RLENGTH + 1); break }
                line = rest
            }
        }
        # preprocessor lines, with their backslash continuations
        if (inpp) { inpp = (out ~ /\\$/); next }
        if (out ~ /^[ \t]*#/) { inpp = (out ~ /\\$/); next }
        print out
    }' | tr '\n' ' ' | tr ';{}' '\n\n\n' |
    # one statement a line: a static inline function is not exported, a typedef declares a type
    grep -v '^[[:space:]]*\(static\|typedef\)\>' |
    grep -o '\<bt_[A-Za-z0-9_]*[[:space:]]*(' | tr -d ' \t(' | LC_ALL=C sort -u
