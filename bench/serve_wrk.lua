-- serve_wrk.lua: wrk's request mix for `bantin serve`: GET /api/search with a query picked
-- in turn from bench/serve_queries.txt (the list bench_serve's library peer runs), URL-encoded;
-- or, with SERVE_PATH set, that one path (the server's floor: /api/health). At the end, one
-- line that bench/serve_load.sh reads: the rate, p50/p99 and every kind of error, zeros too
-- (wrk's own report leaves out the errors it did not see).
local paths = {}
local n = 0
local fixed = os.getenv("SERVE_PATH")
if fixed and fixed ~= "" then
  paths[1] = fixed
else
  for line in io.lines("bench/serve_queries.txt") do
    local q = line:gsub("([^%w%-_%.~])", function(c) return string.format("%%%02X", string.byte(c)) end)
    paths[#paths + 1] = "/api/search?limit=10&q=" .. q
  end
end
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests %d in %.2f s = %.1f/s; p50 %.2f ms p99 %.2f ms max %.2f ms; " ..
    "errors connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    e.connect, e.read, e.write, e.status, e.timeout))
end
