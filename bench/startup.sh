#!/usr/bin/env bash
# Startup variants compared in one run (issue 19): each variant is started in turn, ROUNDS times (A B C A B C ...), in the
# prod profile as bench/http.sh starts it (bench/start-service.sh: same JAVA_OPTS, a startup archive in the app folder
# used when present), against a database already migrated; per variant: ready (launch to /q/health/ready answering 200),
# the CPU time the JVM had used by then (utime + stime, all threads: on a shared machine it moves much less than the wall
# clock) and its JIT compiler threads' part, Quarkus' "started in", resident memory 3 s after ready, and the medians.
# Alternating spreads the machine's other work over every variant alike.
# LOAD_SECONDS=N: then, whether less work at startup costs throughput after it, wrk posts bench/bom-50.json (8 connections)
# for N s of warm-up and N s measured; reported as determinations/s and as the JVM's CPU milliseconds per determination
# in the measured window (both moved by a factor of two with the load on a shared machine: use an idle one).
# LOAD_WINDOWS=K: K measured windows after the warm-up, each logged, the last reported: whether the figure has settled
# (C2 compiling the hot paths takes minutes of load on a busy machine).
# A variant is 'label|app folder|java launcher|more JVM options' (empty fields: APP, JAVA, none).
# Usage (from the repository root, after bench/http.sh or ONLY=ready bench/http.sh has migrated the database):
#   ROUNDS=5 bench/startup.sh 'jdk17|target/quarkus-app|java|' \
#     'jdk25|target/quarkus-app|/usr/lib/jvm/temurin-25-jdk-amd64/bin/java|' \
#     'jdk17, C1 only|||-XX:TieredStopAtLevel=1'
# PORT, BENCH_DB, JAVA_OPTS as in bench/http.sh; STARTUP_ARCHIVE=off ignores the archives; BENCH_KEYS another key folder
# (bench/start-service.sh), for two runs at once on other ports.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
# shellcheck source=bench/defaults.sh
. bench/defaults.sh # PORT, BENCH_DB (DB), APP, JAVA, JAVA_OPTS
[ $# -ge 1 ] || { sed -n '2,19p' "$0"; exit 2; }
# shellcheck source=bench/start-service.sh
. bench/start-service.sh
pid=""
trap '[ -n "$pid" ] && kill $pid 2> /dev/null || true' EXIT
LOAD_SECONDS=${LOAD_SECONDS:-0}
LOAD_WINDOWS=${LOAD_WINDOWS:-1}
declare -A readys cpus jits starteds rsss archives rates cpums
proc_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / hz}' /proc/$pid/stat; }
echo "## Startup variants, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $ROUNDS rounds, JAVA_OPTS \`$JAVA_OPTS\`"
echo
echo "- load average before (\`uptime\`): $(uptime | sed 's/.*load average: //')"
for round in $(seq 1 "$ROUNDS"); do
  for variant in "$@"; do
    IFS='|' read -r label app java extra <<< "$variant"
    start_service target/startup-bench.log "${app:-$APP}" "${java:-$JAVA}" "$extra"
    sleep 3
    r=$(awk '/^VmRSS/ {printf "%d", $2 / 1024}' /proc/$pid/status)
    s=$(grep -o 'started in [0-9.]*s' target/startup-bench.log | grep -o '[0-9.]*' || echo '-')
    if [ "$LOAD_SECONDS" -gt 0 ]; then
      wrk -t1 -c8 -d"${LOAD_SECONDS}s" -s bench/post-bom.lua http://localhost:$PORT/api/v1/determinations > /dev/null
      # LOAD_WINDOWS measured windows one after the other: the last is reported (the JIT has had the longest), each is logged.
      for window in $(seq 1 "$LOAD_WINDOWS"); do
        before=$(proc_cpu)
        out=$(wrk -t1 -c8 -d"${LOAD_SECONDS}s" -s bench/post-bom.lua http://localhost:$PORT/api/v1/determinations)
        after=$(proc_cpu)
        n=$(echo "$out" | awk '/requests in/ {print $1}')
        # post-bom.lua's last line ends with "errors N" (answers other than 2xx, failed connections, timeouts)
        errors=$(echo "$out" | tail -1 | awk '{print $NF}')
        [ "$errors" = 0 ] || { echo "$label: $errors of $n requests under load failed; see target/startup-bench.log" >&2; exit 1; }
        echo "  $label under load, window $window: $n determinations in ${LOAD_SECONDS} s, CPU $(echo "$after - $before" | bc) s, $(echo "scale=2; 1000 * ($after - $before) / $n" | bc) ms each" >&2
      done
      rates[$label]="${rates[$label]:-} $(echo "$n / $LOAD_SECONDS" | bc)"
      cpums[$label]="${cpums[$label]:-} $(echo "scale=3; 1000 * ($after - $before) / $n" | bc)"
    fi
    kill $pid; wait $pid 2> /dev/null || true; pid=""
    readys[$label]="${readys[$label]:-} $(printf '%.2f' "$ready")"; cpus[$label]="${cpus[$label]:-} $cpu"; jits[$label]="${jits[$label]:-} $jit"
    starteds[$label]="${starteds[$label]:-} $s"; rsss[$label]="${rsss[$label]:-} $r"; archives[$label]=${archive:-none}
    echo "- round $round, $label: ready ${ready} s, CPU ${cpu} s (JIT ${jit} s), started in ${s} s, RSS ${r} MB (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  done
done
median() { for t in "$@"; do echo "$t"; done | sort -n | awk '{v[NR] = $1} END {if (NR % 2) printf "%.2f", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo
echo "| variant | startup archive | ready s (median) | CPU at ready s (median) | of which JIT threads s (median) | \"started in\" s (median) | RSS 3 s after ready MB (median) | CPU at ready, each round |"
echo "|---|---|---:|---:|---:|---:|---:|---|"
for variant in "$@"; do
  IFS='|' read -r label _ <<< "$variant"
  # shellcheck disable=SC2086 # lists of figures
  echo "| $label | \`${archives[$label]}\` | $(median ${readys[$label]}) | $(median ${cpus[$label]}) | $(median ${jits[$label]}) | $(median ${starteds[$label]}) | $(median ${rsss[$label]}) |${cpus[$label]} |"
done
if [ "$LOAD_SECONDS" -gt 0 ]; then
  echo
  echo "| variant | determinations/s after warm-up (median) | JVM CPU ms per determination (median) | CPU ms, each round |"
  echo "|---|---:|---:|---|"
  for variant in "$@"; do
    IFS='|' read -r label _ <<< "$variant"
    # shellcheck disable=SC2086 # lists of figures
    echo "| $label | $(median ${rates[$label]}) | $(median ${cpums[$label]}) |${cpums[$label]} |"
  done
fi
echo
echo "- load average after (\`uptime\`): $(uptime | sed 's/.*load average: //')"
