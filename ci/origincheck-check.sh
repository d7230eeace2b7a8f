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
# Needs bash, curl (7.55 or later), sha256sum. The Idempotency-Key is the SHA-256 of the file, ORIGINCHECK_GOOD and
# the UTC date, so a retried job never stores a second determination, and a changed good is a new one.
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
key=$( { date -u +%F; printf '%s\n' "${ORIGINCHECK_GOOD:-}"; sha256sum < "$bom"; } | sha256sum | cut -d' ' -f1)
headers=$(mktemp)
body=$(mktemp)
auth=$(mktemp)
trap 'rm -f "$headers" "$body" "$auth"' EXIT
# The token goes to curl in a file, not on its command line, where other users could read it (ps).
chmod 600 "$auth"
printf 'Authorization: Bearer %s\n' "$token" > "$auth"

http=$(curl -sS --connect-timeout 10 --max-time 300 -o "$body" -D "$headers" -w '%{http_code}' -X POST "$url/api/v1/determinations$query" \
  -H @"$auth" -H "Content-Type: $type" -H "Accept: application/xml" \
  -H "Idempotency-Key: $key" --data-binary @"$bom") || { echo "origincheck: cannot reach $url" >&2; exit 3; }

if [ "$http" != "201" ]; then
  echo "origincheck: the service answered HTTP $http:" >&2
  cat "$body" >&2; echo >&2
  exit 3
fi
cp "$body" "$report"
header() { grep -i "^$1:" "$headers" | head -1 | cut -d' ' -f2- | tr -d '\r'; }
status=$(header "OriginCheck-Status")
# The determination is read back from ORIGINCHECK_URL, never from the Location a proxy may have rewritten.
id=$(header "Location" | sed 's#.*/##')
location="$url/api/v1/determinations/$id"

curl -sS --connect-timeout 10 --max-time 60 "$location" -H @"$auth" -H "Accept: text/plain" || true
echo "determination: $location"
echo "JUnit report:  $report"

case "$status" in
  ORIGINATING)       exit 0 ;;
  NOT_ORIGINATING)   exit 1 ;;
  INSUFFICIENT_DATA) exit 2 ;;
  *)                 echo "origincheck: unexpected status '$status'" >&2; exit 3 ;;
esac
