#!/bin/sh
# serve_load.sh: the load check of `bantin serve` (bench/README.md, "serve"), on loopback only:
# the library's own search rate (bench_serve, the peer: 1 thread and THREADS threads) before and
# after; the server with THREADS request threads under wrk (2 threads, CONNECTIONS connections)
# with the query mix of bench/serve_wrk.lua, its CPU time per request and its memory during
# and after; then wrk on /api/health (the server's floor). Prints the ratios at the end.
# Run from the source tree after `make && make bench`.
# Usage: bench/serve_load.sh DB [SECONDS] [THREADS] [CONNECTIONS]
set -u
db=${1:?usage: bench/serve_load.sh DB [SECONDS] [THREADS] [CONNECTIONS]}
secs=${2:-30}; threads=${3:-2}; conns=${4:-64}
cores=$(nproc)
log=$(mktemp); out=$(mktemp); trap 'rm -f "$log" "$out"' EXIT
command -v wrk >/dev/null || { echo "serve_load: no wrk (scripts/install-deps.sh --bench)"; exit 1; }
peer=./build/release/bench/bench_serve
echo "== $(date -u '+%F %T') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg), $cores cores"
$peer "$db" 5 1 | tee -a "$out"
$peer "$db" 5 "$threads" | tee -a "$out"
./bantin serve --db "$db" --bind 127.0.0.1 --port 0 --threads "$threads" --quiet 2>"$log" &
sp=$!
sleep 0.5
port=$(sed -n '1s/.*:\([0-9]*\)\/ .*/\1/p' "$log")
[ -n "$port" ] || { cat "$log"; kill "$sp"; exit 1; }
# CPU ticks of the server (utime + stime) and its resident memory, from /proc
ticks() { awk '{print $14 + $15}' "/proc/$sp/stat"; }
hz=$(getconf CLK_TCK)
# warm: the first searches read the store's pages from disk
wrk -t1 -c4 -d3s -s bench/serve_wrk.lua "http://127.0.0.1:$port/" >/dev/null
echo "== wrk -t2 -c$conns -d${secs}s --latency -s bench/serve_wrk.lua (search mix, $threads server threads)"
t0=$(ticks)
( sleep $((secs / 2)); grep VmRSS "/proc/$sp/status" | sed 's/^/during the search run: /' ) &
wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency -s bench/serve_wrk.lua "http://127.0.0.1:$port/" > "$log.wrk"
wait $!
t1=$(ticks)
grep -E "Latency|Req/Sec|requests in|Socket|Non-2xx" "$log.wrk"
sed -n 's/^RESULT /search: /p' "$log.wrk" | tee -a "$out"
n=$(sed -n 's/^RESULT requests \([0-9]*\) .*/\1/p' "$log.wrk")
echo "server CPU: $(( (t1 - t0) ))/$hz s for $n requests" | tee -a "$out"
echo "== wrk -t2 -c$conns -d${secs}s --latency /api/health"
SERVE_PATH=/api/health wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency -s bench/serve_wrk.lua \
    "http://127.0.0.1:$port/" > "$log.wrk"
sed -n 's/^RESULT /health: /p' "$log.wrk" | tee -a "$out"
grep -E "VmHWM|VmRSS" "/proc/$sp/status"
rm -f "$log.wrk"
kill -TERM "$sp"; wait "$sp"; echo "server stopped, exit $?"
$peer "$db" 5 1 | tee -a "$out"
$peer "$db" 5 "$threads" | tee -a "$out"
echo "== $(date -u '+%F %T') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# the ratios: the server's search rate against the peer's single-thread rate times the cores
# and against the peer on as many threads (both runs, before and after); CPU per request
# against the peer's CPU per search
awk -v cores="$cores" -v threads="$threads" -v hz="$hz" '
  /^library, 1 thread:/ { r = $0; sub(/.* = /, "", r); sub(/\/s.*/, "", r); one[++n1] = r
                          c = $0; sub(/.*CPU /, "", c); sub(/ ms.*/, "", c); cpu1[n1] = c }
  /^library, [0-9]+ threads:/ { r = $0; sub(/.* = /, "", r); sub(/\/s.*/, "", r); many[++nm] = r }
  /^search:/ { r = $0; sub(/.* = /, "", r); sub(/\/s.*/, "", r); srv = r }
  /^server CPU:/ { split($3, a, "/"); cpusec = a[1] / hz; reqs = $6 }
  END {
    for (i = 1; i <= n1; i++)
      printf "server / (peer 1 thread x %d cores), %s: %.0f / (%.0f x %d) = %.2f\n", cores,
             i == 1 ? "before" : "after", srv, one[i], cores, srv / (one[i] * cores)
    for (i = 1; i <= nm; i++)
      printf "server / peer on %d threads, %s: %.0f / %.0f = %.2f\n", threads,
             i == 1 ? "before" : "after", srv, many[i], srv / many[i]
    if (reqs > 0)
      printf "CPU: server %.2f ms a request, peer %.2f / %.2f ms a search: %.2fx / %.2fx\n",
             cpusec * 1e3 / reqs, cpu1[1], cpu1[2], cpusec * 1e3 / reqs / cpu1[1],
             cpusec * 1e3 / reqs / cpu1[2]
  }' "$out"
