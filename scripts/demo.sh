#!/bin/sh
# Quick start: installs what is missing, builds bantin, and runs the main job on the bundled
# sample captures (text, Markdown, lynx and HTML pages the team wrote): extract, store, search.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
make -s -j"$(nproc 2>/dev/null || echo 2)" release
db="${BANTIN_DEMO_DB:-build/demo.db}"
rm -f "$db" "$db-wal" "$db-shm"

echo "== bantin extract --pretty samples/01-xe-buyt-dien.txt"
./bantin extract -q --pretty samples/01-xe-buyt-dien.txt
echo
echo "== bantin extract --format text samples/05-buyt-dien.html   (the clean article, for reading)"
./bantin extract -q --format text samples/05-buyt-dien.html
echo
echo "== bantin extract samples/* > build/samples.jsonl   (one JSON article per line)"
./bantin extract samples/* > build/samples.jsonl
echo
echo "== bantin add --db $db samples"
./bantin add --db "$db" samples
echo
echo "== bantin stats --db $db"
./bantin stats --db "$db"
echo
echo "== bantin search --db $db 'xe buyt dien'   (no marks typed; accented text found)"
./bantin search --db "$db" "xe buyt dien"
echo
echo "== next: ./bantin serve --db $db   then open http://127.0.0.1:8080/ in a browser"
echo "   (the page: search as you type, the article reader; the JSON API under /api/)"
