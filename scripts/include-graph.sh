#!/bin/sh
# include-graph.sh: the include arrows between bantin's stages, to keep the flow one way.
# A stage is a folder of src/ or a client folder (cli/, serve/, python/); a file of stage X with
# `#include "Y/b.h"` (resolved as the compiler does: beside the file, then -Isrc, then -Iinclude)
# is an arrow X -> Y, and "bantin.h" or "bantin/..." an arrow X -> api (the public headers).
# The intended order (design.md): core, text, article, capture, extract, store, search, connect,
# ingest; a stage may include only stages left of it (and api), and of those only the ones
# design.md's table says it depends on (USES below: search uses the store, not extract). The
# clients cli, serve, python may include only api and their own files.
# Usage: scripts/include-graph.sh [--dot] [--check] [--symbols]   (from the source tree's root)
#   (none)   one line per arrow: "X -> Y  N: file "path", ..." (ones against the order marked "AGAINST")
#   --dot    the same as a Graphviz digraph (backward arrows red)
#   --check  lists each arrow against the order (and any stage the order does not know) and
#            exits 1 when there is one
#   --symbols arrows from the release objects' symbols instead (build/release/src/*/*.o, built
#            by `make`): X -> Y when X calls a function defined in Y. Calls through the public
#            API, which the includes show only as "-> api", then show their real stage.
set -eu
ORDER="core text article capture extract store search connect ingest"
CLIENTS="cli serve python"
# what each stage may use, from design.md's table (core and text are used by all; ingest hands
# article records from extract to the store, so it may use article too)
USES_core=""
USES_text="core"
USES_article="core text"
USES_capture="core text"
USES_extract="core text article"
USES_store="core text article"
USES_search="core text store"
USES_connect="core text store search"
USES_ingest="core text article capture extract store connect"
dot=0; check=0; symbols=0
for a in "$@"; do
    case $a in
        --dot) dot=1 ;;
        --check) check=1 ;;
        --symbols) symbols=1 ;;
        *) echo "usage: $0 [--dot] [--check] [--symbols]" >&2; exit 2 ;;
    esac
done
files=$( { find src -mindepth 2 -type f -name '*.[ch]'
           for c in $CLIENTS; do [ -d "$c" ] && find "$c" -type f -name '*.[ch]'; done; } 2>/dev/null |
         LC_ALL=C sort)
# stage of a path inside the tree: src/Y/... -> Y, a client folder -> its name
stage_of() {
    case $1 in
        src/*/*) s=${1#src/}; echo "${s%%/*}" ;;
        include/*) echo api ;;
        *) echo "${1%%/*}" ;;
    esac
}
# normalise a/b/../c -> a/c and ./ away
norm() { echo "$1" | awk -F/ '{ n = 0; for (i = 1; i <= NF; i++) { if ($i == "." || $i == "") continue;
    if ($i == ".." && n > 0) { n--; continue } p[++n] = $i } s = p[1]; for (i = 2; i <= n; i++) s = s "/" p[i]; print s }'; }
include_edges() {
for f in $files; do
    from=$(stage_of "$f"); dir=$(dirname "$f")
    sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" | while read -r inc; do
        case $inc in
            bantin.h|bantin/*) to=api ;;
            *)  if [ -f "$dir/$inc" ]; then to=$(stage_of "$(norm "$dir/$inc")")
                elif [ -f "src/$inc" ]; then to=$(stage_of "src/$inc")
                elif [ -f "include/$inc" ]; then to=api
                else to="?"; fi ;;
        esac
        [ "$to" = "$from" ] || printf '%s %s %s "%s"\n' "$from" "$to" "$f" "$inc"
    done
done
}
# from the objects: "from to symbol" for each call of a function another stage defines
symbol_edges() {
    objs=$(find build/release/src -mindepth 2 -name '*.o' 2>/dev/null | LC_ALL=C sort)
    [ -n "$objs" ] || { echo "include-graph: no objects under build/release/src: run make" >&2; exit 2; }
    for o in $objs; do
        src=${o#build/release/}
        [ -f "${src%.o}.c" ] || continue # left over from a source since moved or removed
        st=$(stage_of "$src")
        nm --defined-only "$o" | awk -v s="$st" '$2 ~ /^[A-Z]$/ { print "D", s, $3 }'
        # the one exception: store/stages.c lists every stage's schema steps (bti_X_schema,
        # SQL text the store runs on open, declared in store/db.h), so that a stage brings
        # its tables without the store's steps changing: data handed down, not a call up
        nm -u "$o" | awk -v s="$st" -v f="$src" '
            !(f == "src/store/stages.o" && $2 ~ /^bti_[a-z]+_schema$/) { print "U", s, $2 }'
    done | awk '$1 == "D" { def[$3] = $2; next } { use[$2 " " $3] = 1 }
        END { for (k in use) { split(k, a, " "); if ((a[2] in def) && def[a[2]] != a[1])
                                   print a[1], def[a[2]], a[2] } }' | LC_ALL=C sort
}
if [ "$symbols" -eq 1 ]; then edges=$(symbol_edges); else edges=$(include_edges); fi
rank() { # position in ORDER, 100 for a client, -1 when unknown
    i=0; for s in $ORDER; do [ "$s" = "$1" ] && { echo $i; return; }; i=$((i + 1)); done
    for c in $CLIENTS; do [ "$c" = "$1" ] && { echo 100; return; }; done
    echo -1
}
# why an arrow from -> to goes against the order, or nothing when it does not
verdict() {
    [ "$2" = api ] && return 0
    rf=$(rank "$1"); rt=$(rank "$2")
    if [ "$2" = "?" ]; then echo "unresolved include"
    elif [ "$rf" -lt 0 ]; then echo "stage $1 is not in the order ($ORDER)"
    elif [ "$rt" -lt 0 ]; then echo "stage $2 is not in the order ($ORDER)"
    elif [ "$rf" -eq 100 ]; then echo "a client may include only the public headers"
    elif [ "$rt" -ge "$rf" ]; then echo "$1 may use only stages left of it"
    else
        eval "uses=\$USES_$1"
        case " $uses " in *" $2 "*) ;; *) echo "$1 uses only: $uses (design.md)" ;; esac
    fi
}
arrows=$(echo "$edges" | awk 'NF { print $1, $2 }' | LC_ALL=C sort | uniq -c | awk '{ print $2, $3, $1 }')
bad=0
[ "$dot" -eq 1 ] && { echo "digraph bantin {"; echo "  rankdir=LR;"; }
echo "$arrows" | while read -r from to n; do
    [ -n "$from" ] || continue
    why=$(verdict "$from" "$to")
    where=$(echo "$edges" | awk -v a="$from" -v b="$to" '$1 == a && $2 == b { $1 = ""; $2 = ""; sub(/^  /, ""); print }' |
            paste -sd, - | sed 's/,/, /g')
    if [ "$dot" -eq 1 ]; then
        if [ -n "$why" ]; then printf '  "%s" -> "%s" [label=%s, color=red];\n' "$from" "$to" "$n"
        else printf '  "%s" -> "%s" [label=%s];\n' "$from" "$to" "$n"; fi
    elif [ "$check" -eq 1 ]; then
        [ -z "$why" ] || printf 'AGAINST %s -> %s: %s (%s)\n' "$from" "$to" "$why" "$where"
    else
        printf '%s -> %s  %s: %s%s\n' "$from" "$to" "$n" "$where" "${why:+  AGAINST: $why}"
    fi
done
[ "$dot" -eq 1 ] && echo "}"
if [ "$check" -eq 1 ]; then
    nbad=$(echo "$arrows" | while read -r from to n; do [ -n "$from" ] && [ -n "$(verdict "$from" "$to")" ] && echo x; done | wc -l)
    if [ "$nbad" -gt 0 ]; then echo "include-graph: $nbad arrows against the order"; exit 1; fi
    echo "include-graph: every arrow follows the order"
fi
