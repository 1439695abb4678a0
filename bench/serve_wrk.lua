-- serve_wrk.lua: wrk's request mix for `bantin serve`: GET /api/search with a query picked
-- in turn from bench/serve_queries.txt (the list bench_serve's library peer runs), URL-encoded.
local paths = {}
local n = 0
for line in io.lines("bench/serve_queries.txt") do
  local q = line:gsub("([^%w%-_%.~])", function(c) return string.format("%%%02X", string.byte(c)) end)
  paths[#paths + 1] = "/api/search?limit=10&q=" .. q
end
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
