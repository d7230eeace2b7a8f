#!/usr/bin/env bash
# OriginCheck CI check: submits a bill of materials, writes a JUnit XML report for the CI's test view,
# prints the reasons, and fails the build unless the good is originating.
#
#   ci/origincheck-check.sh BOM_FILE [JUNIT_REPORT]
#
# Environment:
#   ORIGINCHECK_URL    the service, e.g. https://origincheck.example.com
#   ORIGINCHECK_TOKEN  a bearer token (machines: the identity provider's client-credentials grant)
#   ORIGINCHECK_GOOD   for a .csv BOM only: the good as a query string,
#                      e.g. "hsCode=8708.40&endUse=PASSENGER_VEHICLE_OE&producerCountry=MX&currency=USD&netCost=1000"
#
# Exit status: 0 originating; 1 not originating; 2 insufficient data; 3 the request could not be made or was refused.
# Needs bash, curl, sha256sum. The Idempotency-Key is the SHA-256 of the file and the UTC date, so a retried job
# never stores a second determination.
set -uo pipefail

bom=${1:?usage: origincheck-check.sh BOM_FILE [JUNIT_REPORT]}
report=${2:-origincheck-report.xml}
url=${ORIGINCHECK_URL:?set ORIGINCHECK_URL}
url=${url%/}
token=${ORIGINCHECK_TOKEN:?set ORIGINCHECK_TOKEN}
[ -r "$bom" ] || { echo "origincheck: cannot read $bom" >&2; exit 3; }

case "$bom" in
  *.csv) type="text/csv"; query="?${ORIGINCHECK_GOOD:?set ORIGINCHECK_GOOD for a CSV bill of materials}" ;;
  *)     type="application/json"; query="" ;;
esac
key=$( { date -u +%F; sha256sum < "$bom"; } | sha256sum | cut -d' ' -f1)
headers=$(mktemp)
body=$(mktemp)
trap 'rm -f "$headers" "$body"' EXIT

http=$(curl -sS -o "$body" -D "$headers" -w '%{http_code}' -X POST "$url/api/v1/determinations$query" \
  -H "Authorization: Bearer $token" -H "Content-Type: $type" -H "Accept: application/xml" \
  -H "Idempotency-Key: $key" --data-binary @"$bom") || { echo "origincheck: cannot reach $url" >&2; exit 3; }

if [ "$http" != "201" ]; then
  echo "origincheck: the service answered HTTP $http:" >&2
  cat "$body" >&2; echo >&2
  exit 3
fi
cp "$body" "$report"
header() { grep -i "^$1:" "$headers" | head -1 | cut -d' ' -f2- | tr -d '\r'; }
status=$(header "OriginCheck-Status")
location=$(header "Location")

curl -sS "$location" -H "Authorization: Bearer $token" -H "Accept: text/plain" || true
echo "determination: $location"
echo "JUnit report:  $report"

case "$status" in
  ORIGINATING)       exit 0 ;;
  NOT_ORIGINATING)   exit 1 ;;
  INSUFFICIENT_DATA) exit 2 ;;
  *)                 echo "origincheck: unexpected status '$status'" >&2; exit 3 ;;
esac
