#!/usr/bin/env bash
# When the JIT is done (issue 19): starts the packaged service in its prod profile as bench/profile.sh does (bench/start-service.sh:
# same JAVA_OPTS, key pair and token; no startup archive), then loads POST /api/v1/determinations with bench/bom-50.json (wrk, CONNECTIONS at a time) in WINDOWS
# consecutive windows of WINDOW seconds from the first request, and prints for each window: determinations stored before it and
# in it, and the service's CPU per determination by kind of thread (request, JIT compiler threads, GC and VM), from /proc. No
# JFR recording runs unless JFR_AT=N, which starts one (settings=profile, as bench/profile.sh does) at the start of window N:
# starting a recording makes the JVM compile (and instrument) code of its own, which a window measured with one open includes.
# PORT, BENCH_DB, APP, JAVA, JAVA_OPTS as bench/profile.sh (bench/defaults.sh); the database must exist as for bench/profile.sh.
# Usage: WINDOWS=12 WINDOW=30 PORT=8434 BENCH_DB=bench_i19w APP=/tmp/app bench/jit-windows.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WINDOWS=${WINDOWS:-12}
WINDOW=${WINDOW:-30}
CONNECTIONS=${CONNECTIONS:-8}
JFR_AT=${JFR_AT:-0}
PGHOST=${PGHOST:-localhost}
PGPORT=${PGPORT:-5432}
# shellcheck source=bench/defaults.sh
. bench/defaults.sh # PORT, BENCH_DB (DB), APP, JAVA, JAVA_OPTS
JDK_BIN=$(dirname "$(readlink -f "$(command -v "$JAVA")")")
export PGPASSWORD=bench
sql() { psql -At -h "$PGHOST" -p "$PGPORT" -U "$DB" "$DB" -c "$1"; }
mkdir -p target
# shellcheck source=bench/start-service.sh
TOKEN_SECONDS=$((3600 + WINDOWS * WINDOW)) . bench/start-service.sh # a key pair and a token valid for every window; start_service
pid=""
trap '[ -n "$pid" ] && kill $pid 2> /dev/null || true' EXIT
# The fast path without a startup archive, as before: the JIT's work is what the windows measure.
JDBC_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB STARTUP_ARCHIVE=off start_service target/jit-windows-service.log
url="http://localhost:$PORT/api/v1/determinations"
# shellcheck source=bench/thread-cpu.sh
. bench/thread-cpu.sh # cpu, threads
usage() { # "request jit gc-vm all" in ms of CPU: threads alive now, and the whole process
  local by
  by=$(threads)
  echo "$by" | tr ' =' '\n ' | awk -v all="$(cpu $pid)" 'NF == 2 {s[$1] = $2} END {printf "%d %d %d %d", s["request"], s["jit"], s["gc-vm"], all}'
}
start=$(sql "select count(*) from determination")
echo "## bench/jit-windows.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, commit $(git rev-parse --short HEAD), $APP, $("$JAVA" -version 2>&1 | head -1)"
echo "JAVA_OPTS: $JAVA_OPTS"
echo
echo "| window | uptime (1 min) | stored before it | stored in it | service CPU ms per determination | request | JIT | GC-VM |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for w in $(seq 1 "$WINDOWS"); do
  [ "$w" = "$JFR_AT" ] && "$JDK_BIN/jcmd" $pid JFR.start name=jit-windows settings=profile > /dev/null
  before=$(sql "select count(*) from determination"); read -r r0 j0 g0 a0 <<< "$(usage)"
  wrk --timeout 60s -t1 -c"$CONNECTIONS" -d"${WINDOW}s" -s bench/post-bom.lua "$url" > /dev/null
  after=$(sql "select count(*) from determination"); read -r r1 j1 g1 a1 <<< "$(usage)"
  n=$((after - before)); [ "$n" -gt 0 ] || n=1
  load=$(awk '{print $1}' /proc/loadavg)
  printf "| %d%s | %s | %d | %d | %.3f | %.3f | %.3f | %.3f |\n" "$w" "$([ "$w" = "$JFR_AT" ] && echo ' (JFR started)')" "$load" $((before - start)) $((after - before)) \
    "$(echo "($a1 - $a0) / $n" | bc -l)" "$(echo "($r1 - $r0) / $n" | bc -l)" "$(echo "($j1 - $j0) / $n" | bc -l)" "$(echo "($g1 - $g0) / $n" | bc -l)"
done
