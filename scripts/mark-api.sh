#!/bin/sh
# mark-api.sh: puts BT_API (bantin/common.h) before each public function declaration in the
# given headers that lacks it, so that a function added to include/ is exported from
# libbantin.so (the library is built with -fvisibility=hidden). test/abi-check.sh names the
# declarations that lack it; this fixes them in place. A declaration is a line starting (column
# 0, outside comments) with its return type and holding `bt_name(`.
# Usage: scripts/mark-api.sh [HEADER...]      (default: include/bantin/*.h)
set -eu
[ $# -gt 0 ] || set -- include/bantin/*.h
for h in "$@"; do
    awk '
        {
            line = $0; code = ""
            # what of the line lies outside comments decides; the line itself is kept as is
            rest = line
            while (rest != "") {
                if (incomment) {
                    i = index(rest, "*/"); if (!i) { rest = ""; break }
                    rest = substr(rest, i + 2); incomment = 0; continue
                }
                i = index(rest, "/*"); if (!i) { code = code rest; break }
                code = code substr(rest, 1, i - 1); rest = substr(rest, i + 2); incomment = 1
            }
            if (start_ok && code ~ /^[A-Za-z_]/ && code !~ /^(BT_API|typedef|extern|static)[ \t]/ \
                && code ~ /(^|[^A-Za-z0-9_])bt_[A-Za-z0-9_]*[ \t]*\(/)
                line = "BT_API " line
            print line
            start_ok = !incomment
        }
        BEGIN { start_ok = 1 }' "$h" > "$h.tmp"
    if cmp -s "$h" "$h.tmp"; then rm -f "$h.tmp"; else mv "$h.tmp" "$h"; echo "marked: $h"; fi
done
