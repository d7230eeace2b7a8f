#!/usr/bin/env bash
# Writes target/bom-50000.json: the largest submission accepted (50,000 materials, origincheck.limits.max-materials), used by
# bench/http.sh and bench/memory.sh for resident memory under load.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
awk 'BEGIN { printf "{\"reference\":\"bench-50000\",\"asOf\":\"2026-07-01\",\"good\":{\"partNumber\":\"BLR-50000\",\"hsCode\":\"8402.11\",\"producerCountry\":\"MX\",\"currency\":\"USD\",\"transactionValue\":9000000,\"netCost\":8000000},\"materials\":[";
  split("7304.19 8402.90 8481.80 7307.91 8413.70", codes, " ");
  for (i = 0; i < 50000; i++) printf "%s{\"partNumber\":\"M-%d\",\"hsCode\":\"%s\",\"origin\":\"%s\",\"countryOfOrigin\":\"%s\",\"value\":100}", (i ? "," : ""), i, codes[i % 5 + 1], (i % 3 ? "ORIGINATING" : "NON_ORIGINATING"), (i % 3 ? "US" : "DE");
  print "]}" }' > target/bom-50000.json
