-- wrk script for bench/mixed.py and bench/varnish_ceiling.sh: GET paths read from a file, and
-- write what wrk measured as JSON, with the latency distribution as a fine grid of quantiles, so
-- that windows and classes can be merged into percentiles afterwards.
--
--   wrk -t1 -c4 -d30s --timeout 10s -s paths.lua http://127.0.0.1:8104 -- PATHS OUT MODE START [PAUSE]
--
-- PATHS: one path per line. OUT: the JSON file written at the end.
-- MODE "cycle": go round the list from START (readers: the list is a pre-drawn sample).
-- MODE "once": walk the list once from START, then stop (the crawler); OUT says where it got
-- to, so that the next window carries on. At the end of a window up to one request per
-- connection is in flight: those pages are counted as walked but not measured.
-- PAUSE: milliseconds each connection waits before each request (a polite crawler); 0: none.
-- Counts cache hits and misses from X-Varnish-Cache (Varnish), else X-Page-Cache (the app).

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  outfile = args[2]
  mode = args[3] or "cycle"
  start = tonumber(args[4] or "0")
  index = start
  hits, misses, uncounted, finished = 0, 0, 0, 0
  local pause = tonumber(args[5] or "0")
  if pause > 0 then  -- wrk looks for delay() after init: defined only when asked for
    delay = function() return pause end
  end
end

function request()
  if index >= #paths then
    if mode == "once" then
      finished = 1
      return wrk.format("GET", paths[#paths])  -- a last duplicate; the thread stops on its answer
    end
    index = 0
  end
  index = index + 1
  return wrk.format("GET", paths[index])
end

function response(status, headers, body)
  -- Varnish's first: a page Varnish keeps carries the app's header from when it was fetched.
  local cache = headers["X-Varnish-Cache"] or headers["x-varnish-cache"]
    or headers["x-page-cache"] or headers["X-Page-Cache"]
  if cache == "hit" then
    hits = hits + 1
  elseif cache == "miss" then
    misses = misses + 1
  else
    uncounted = uncounted + 1
  end
  if finished == 1 then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local out = assert(io.open(threads[1]:get("outfile"), "w"))
  local h, m, u, walked, ended = 0, 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    h = h + thread:get("hits")
    m = m + thread:get("misses")
    u = u + thread:get("uncounted")
    walked = walked + thread:get("index")
    ended = math.max(ended, thread:get("finished"))
  end
  local e = summary.errors
  out:write(string.format(
    '{"duration_us": %d, "requests": %d, "bytes": %d, "hits": %d, "misses": %d, ' ..
    '"uncounted": %d, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, ' ..
    '"timeout": %d}, "walked_to": %d, "finished": %d, "quantiles": [',
    summary.duration, summary.requests, summary.bytes, h, m, u,
    e.connect, e.read, e.write, e.status, e.timeout, walked, ended))
  -- The latency distribution as quantiles (Debian's wrk cannot index the raw histogram):
  -- each [q, us] says that q percent of the requests took at most us microseconds.
  local grid = {}
  for q = 1, 90 do grid[#grid + 1] = q end
  for q = 90.5, 98.5, 0.5 do grid[#grid + 1] = q end
  for q = 99, 99.9, 0.1 do grid[#grid + 1] = q end
  for _, q in ipairs({99.95, 99.99, 100}) do grid[#grid + 1] = q end
  if summary.requests > 0 and latency.max > 0 then
    for i, q in ipairs(grid) do
      local us = q == 100 and latency.max or latency:percentile(q)
      out:write((i == 1 and "" or ",") .. string.format("[%g,%d]", q, us))
    end
  end
  out:write("]}\n")
  out:close()
end
