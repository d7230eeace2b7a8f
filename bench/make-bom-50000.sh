#!/usr/bin/env bash
# Writes target/bom-50000.json: the largest submission accepted (50,000 materials, origincheck.limits.max-materials), used by
# bench/http.sh and bench/memory.sh for resident memory under load.
# BIG_DESCRIPTION=N gives each material a description of N characters (default 0: none, a body of about 5 MB). N=210 makes a
# body of about 15.6 MiB, just under origincheck.limits.max-body-bytes (16 MiB): the largest body as well as the most
# materials, which the heap must hold four of (parsed and waiting, or in evaluation) as well (docs/startup.md "Memory").
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
awk -v chars="${BIG_DESCRIPTION:-0}" 'BEGIN { pad = ""; if (chars > 7) { pad = sprintf("%" (chars - 7) "s", ""); gsub(/ /, "x", pad) }
  printf "{\"reference\":\"bench-50000\",\"asOf\":\"2026-07-01\",\"good\":{\"partNumber\":\"BLR-50000\",\"hsCode\":\"8402.11\",\"producerCountry\":\"MX\",\"currency\":\"USD\",\"transactionValue\":9000000,\"netCost\":8000000},\"materials\":[";
  split("7304.19 8402.90 8481.80 7307.91 8413.70", codes, " ");
  for (i = 0; i < 50000; i++) printf "%s{\"partNumber\":\"M-%d\",%s\"hsCode\":\"%s\",\"origin\":\"%s\",\"countryOfOrigin\":\"%s\",\"value\":100}", (i ? "," : ""), i, (chars > 7 ? sprintf("\"description\":\"D%06d%s\",", i, pad) : ""), codes[i % 5 + 1], (i % 3 ? "ORIGINATING" : "NON_ORIGINATING"), (i % 3 ? "US" : "DE");
  print "]}" }' > target/bom-50000.json
