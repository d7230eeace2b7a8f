#!/usr/bin/env bash
# Where the launch-to-ready time of one start goes (issue 19; docs/startup.md, "Where a start's time goes"). Starts the
# packaged service once, as bench/start-service.sh does (prod profile, the startup archive in APP when present, strictly),
# with timestamps from every layer on one clock (epoch milliseconds):
#   - the launch (this script, just before exec), the JVM's own initialisation (-Xlog:startuptime, timemillis),
#   - Quarkus' static and runtime initialisation steps (-Dquarkus.debug.print-startup-times=true) and its "started in",
#   - /q/health/ready polled every POLL_MS (default 10; bench/start-service.sh polls every 50 ms), each answer with its
#     status, curl's own time for it and the JVM's CPU seconds at that moment (/proc/<pid>/stat),
# then prints the phases with wall-clock and CPU time, and the CPU by thread at ready (main, JIT, GC, others).
# Usage, from the repository root, the database migrated (after ONLY=ready bench/http.sh):
#   PORT=8291 BENCH_DB=bench_i19k JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/startup-timeline.sh [more JVM options]
# Files: target/startup-timeline/{service.log,jvm.log,polls.txt}.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/defaults.sh
. bench/defaults.sh # PORT, BENCH_DB (DB), APP, JAVA, JAVA_OPTS
POLL_MS=${POLL_MS:-10}
out=target/startup-timeline
mkdir -p $out
# shellcheck source=bench/start-service.sh
. bench/start-service.sh # the key pair and archive_opts
archive=$(archive_opts "$APP" "$JAVA")
hz=$(getconf CLK_TCK)
ms() { date +%s%3N; }
launch=$(ms)
# shellcheck disable=SC2086 # the options are words
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL=${JDBC_URL:-jdbc:postgresql://localhost:5432/$DB} QUARKUS_DATASOURCE_USERNAME=${JDBC_USER:-$DB} QUARKUS_DATASOURCE_PASSWORD=${JDBC_PASSWORD:-bench} \
QUARKUS_OIDC_WORKSPACE_TENANT_ENABLED=false MP_JWT_VERIFY_PUBLICKEY_LOCATION=$PWD/$keys/public.pem MP_JWT_VERIFY_ISSUER=https://bench.origincheck.local MP_JWT_VERIFY_AUDIENCES=origincheck \
  "$JAVA" $JAVA_OPTS $archive "-Xlog:startuptime:file=$out/jvm.log:timemillis" -Dquarkus.debug.print-startup-times=true "$@" \
  -jar "$APP/quarkus-run.jar" > $out/service.log 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null || true' EXIT
: > $out/polls.txt
sleep_s=$(printf '0.%03d' "$POLL_MS")
while :; do
  kill -0 $pid 2> /dev/null || { echo "the service did not start: $out/service.log"; exit 1; }
  before=$(ms)
  status=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' localhost:$PORT/q/health/ready || true)
  read -r -a stat < /proc/$pid/stat
  echo "$before $(ms) $status $(( (stat[13] + stat[14]) * 1000 / hz ))" >> $out/polls.txt
  [ "${status%% *}" = 200 ] && break
  sleep "$sleep_s"
done
threads=$(for t in /proc/$pid/task/*; do
  name=$(cat "$t/comm"); read -r -a s < "$t/stat"; echo "$name|$(( s[13] + s[14] ))"; done)
kill $pid; wait $pid 2> /dev/null || true; trap - EXIT

# Quarkus' log lines carry local wall-clock time to the millisecond: to epoch ms.
epoch() { date -d "$1" +%s%3N; }
vm_created=$(awk -F'[][]' '/Create VM/ {gsub("ms", "", $2); print $2; exit}' $out/jvm.log)
started_line=$(grep -m1 'started in' $out/service.log)
started_at=$(epoch "$(echo "$started_line" | cut -c1-23 | tr ',' '.')")
started_in=$(echo "$started_line" | grep -o 'started in [0-9.]*s' | grep -o '[0-9.]*')
quarkus_clock=$(echo "$started_at - $started_in * 1000" | bc | cut -d. -f1)
first_step=$(grep -m1 'Build step' $out/service.log | cut -c1-23 | tr ',' '.')
listening=$(awk '$3 != "000" {print $1; exit}' $out/polls.txt)
ready_poll=$(tail -1 $out/polls.txt)
read -r ready_sent ready_at _ ready_curl ready_cpu <<< "$ready_poll"
cpu_at() { awk -v t="$1" '$1 <= t {c = $5} END {print c + 0}' $out/polls.txt; }
row() { printf '| %s | %d | %d | %s |\n' "$1" "$(( $3 - $2 ))" "$(( $3 - launch ))" "$4"; }
echo "## One start, timed by layer, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), poll every $POLL_MS ms"
echo
echo "- \`$JAVA $JAVA_OPTS $archive $*\`"
echo
echo "| phase (end) | ms | ms since launch | |"
echo "|---|---:|---:|---|"
row "launch to the JVM created (-Xlog:startuptime 'Create VM')" "$launch" "$vm_created" ""
row "to Quarkus' clock (main class loaded, 'started in' counts from here)" "$vm_created" "$quarkus_clock" ""
row "to the first Quarkus step logged" "$quarkus_clock" "$(epoch "$first_step")" ""
row "to Quarkus 'started in' ($started_in s)" "$quarkus_clock" "$started_at" "CPU by then about $(cpu_at "$started_at") ms (last poll before)"
row "to the port answering (first poll that connected)" "$launch" "${listening:-$ready_sent}" ""
row "to the ready answer sent (poll that got 200)" "$started_at" "$ready_sent" "that request took $(echo "$ready_curl * 1000" | bc | cut -d. -f1) ms (curl)"
row "to the 200 received" "$launch" "$ready_at" "CPU at ready $ready_cpu ms; $(wc -l < $out/polls.txt) polls"
echo
echo "Slowest Quarkus steps (static and runtime init, -Dquarkus.debug.print-startup-times=true):"
echo
grep -o 'Build step .* completed in: [0-9]*ms' $out/service.log | sed 's/Build step //; s/ completed in: / /; s/ms$//' \
  | sort -k2 -n -r | awk -v top="${TOP:-12}" 'NR <= top {printf "- %s ms: %s\n", $2, $1}' # not head: sort, cut off, would end the script (pipefail)
echo
echo "CPU by thread at ready (ms):"
echo
echo "$threads" | awk -F'|' -v hz="$hz" '{n = $1; if (n ~ /^C[12] Compiler/) n = "JIT (" substr(n, 1, 2) ")"; else if (n ~ /executor-thread/) n = "executor threads";
  else if (n ~ /^vert.x-eventloo/) n = "vert.x event loops"; else if (n ~ /^(VM Thread|GC Thread|VM Periodic)/) n = "VM, GC"; cpu[n] += $2 * 1000 / hz}
  END {for (n in cpu) if (cpu[n] >= 10) printf "- %s: %d\n", n, cpu[n]}' | sort -t: -k2 -n -r
