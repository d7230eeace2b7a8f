-- wrk script: POST target/batch.ndjson (made by bench/http.sh: BATCH_LINES copies of the 50-material BOM, one per
-- line) to /api/v1/determination-batches with the bearer token in $ORIGINCHECK_TOKEN. Prints the same summary as
-- post-bom.lua, its "req/s" being batches per second.
local f = io.open("target/batch.ndjson", "r")
wrk.body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-ndjson"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORIGINCHECK_TOKEN")
function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, %d requests, %.1f req/s, errors %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
