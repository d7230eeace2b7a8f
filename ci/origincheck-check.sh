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
# The report is written on every exit, 3 included, with mode 0644 so the CI's test view (often another user) can
# read it; it holds the service's reasons or our own refusal message, never the submitted figures.
set -uo pipefail

report=${2:-origincheck-report.xml}

# A JUnit report with one error, so the CI's test view shows why the check could not run.
refuse() {
  local message=$1
  echo "origincheck: $message" >&2
  message=${message//&/&amp;}; message=${message//</&lt;}; message=${message//>/&gt;}; message=${message//\"/&quot;}
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="origincheck" tests="1" failures="0" errors="1">\n  <testcase classname="origincheck" name="determination request">\n    <error message="%s"/>\n  </testcase>\n</testsuite>\n' \
    "$message" > "$report" && chmod 0644 "$report"
  exit 3
}

[ $# -ge 1 ] && [ -n "$1" ] || refuse "usage: origincheck-check.sh BOM_FILE [JUNIT_REPORT]"
bom=$1
url=${ORIGINCHECK_URL:-}
[ -n "$url" ] || refuse "set ORIGINCHECK_URL"
url=${url%/}
token=${ORIGINCHECK_TOKEN:-}
[ -n "$token" ] || refuse "set ORIGINCHECK_TOKEN"
[ -r "$bom" ] || refuse "cannot read $bom"

case "$bom" in
  *.csv) type="text/csv"; [ -n "${ORIGINCHECK_GOOD:-}" ] || refuse "set ORIGINCHECK_GOOD for a CSV bill of materials"
         query="?${ORIGINCHECK_GOOD}" ;;
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
  -H "Idempotency-Key: $key" --data-binary @"$bom") || refuse "cannot reach $url"

if [ "$http" != "201" ]; then
  cat "$body" >&2; echo >&2
  refuse "the service answered HTTP $http"
fi
cat "$body" > "$report" && chmod 0644 "$report"
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
  *)                 refuse "unexpected status '$status'" ;;
esac
