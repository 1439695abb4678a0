#!/bin/sh
# serve_load.sh: the load check of `bantin serve` (bench/README.md, "serve"), on loopback only:
# the library's own search rate on THREADS threads (bench_serve, the peer) before and after,
# then wrk with the query mix of bench/serve_wrk.lua, then wrk on /api/health (the server's
# floor), and the server's peak memory. Run from the source tree after `make bench`.
# Usage: bench/serve_load.sh DB [SECONDS] [THREADS] [CONNECTIONS]
set -u
db=${1:?usage: bench/serve_load.sh DB [SECONDS] [THREADS] [CONNECTIONS]}
secs=${2:-10}; threads=${3:-2}; conns=${4:-64}
log=$(mktemp); trap 'rm -f "$log"' EXIT
command -v wrk >/dev/null || { echo "serve_load: no wrk (apt-get install wrk)"; exit 1; }
./build/release/bench/bench_serve "$db" 5 "$threads"
./bantin serve --db "$db" --bind 127.0.0.1 --port 0 --threads "$threads" --quiet 2>"$log" &
sp=$!
sleep 0.5
port=$(sed -n '1s/.*:\([0-9]*\)\/ .*/\1/p' "$log")
[ -n "$port" ] || { cat "$log"; kill "$sp"; exit 1; }
echo "== wrk -t2 -c$conns -d${secs}s --latency -s bench/serve_wrk.lua (search mix, $threads server threads)"
wrk -t2 -c"$conns" -d"${secs}s" --latency -s bench/serve_wrk.lua "http://127.0.0.1:$port/" | tail -13
echo "== wrk -t2 -c$conns -d${secs}s --latency /api/health"
wrk -t2 -c"$conns" -d"${secs}s" --latency "http://127.0.0.1:$port/api/health" | tail -12
grep VmHWM /proc/$sp/status
kill -TERM "$sp"; wait "$sp"; echo "server stopped, exit $?"
./build/release/bench/bench_serve "$db" 5 "$threads"
