-- wrk script: POST the 50-material BOM with the bearer token in $ORIGINCHECK_TOKEN; prints p50/p99/p99.9.
-- With RATE_DELAY_MS set, each connection waits that long after each response before its next request, so that
-- `-c N` connections offer about N * 1000 / RATE_DELAY_MS requests per second. Debian's wrk has no open-model mode:
-- this pacing is closed-loop, so a slow answer delays the next request (coordinated omission); bench/http.sh
-- reports the rate actually achieved beside the rate asked for.
local f = io.open("bench/bom-50.json", "r")
wrk.body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORIGINCHECK_TOKEN")
local pause = tonumber(os.getenv("RATE_DELAY_MS") or "")
if pause then
  function delay()
    return pause
  end
end
function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, %d requests, %.1f req/s, errors %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
