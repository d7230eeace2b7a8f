#!/usr/bin/env bash
# What the resident memory of the packaged service consists of at its peak under bench/http.sh's load (issue 19,
# docs/startup.md "Memory"). Starts the service as bench/http.sh does (bench/start-service.sh: prod profile, JAVA_OPTS, the
# startup archive in APP) with Native Memory Tracking on, then runs the same three loads: wrk at saturation (16
# connections), batches of BATCH_LINES (4 connections), and BIG_ROUNDS rounds of four concurrent 50,000-material
# submissions. A sampler reads /proc every second; each time VmRSS reaches a new high it keeps, for that moment:
#   - /proc/<pid>/smaps_rollup (anonymous against file-backed pages),
#   - the resident size of each mapped file (the ahead-of-time cache, libjvm, jars) from /proc/<pid>/smaps,
#   - `jcmd <pid> VM.native_memory summary` (heap, metaspace and class space, code cache, threads, malloc, ...),
# and at the end the live set of the heap: `jcmd GC.run` then `GC.heap_info`, once during the big submissions and once idle.
# NMT costs a little memory itself (its own line "Native Memory Tracking"), counted in the RSS measured here.
# Usage (after bench/http.sh or ONLY=ready bench/http.sh made and migrated the database; from the repository root):
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/memory.sh
#   JAVA_OPTS="... other options" PORT=8125 BENCH_DB=bench_mine APP=/tmp/copy/quarkus-app bench/memory.sh
# Writes target/memory-peak.txt (the breakdown at the peak) and prints a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/defaults.sh
. bench/defaults.sh # PORT, BENCH_DB (DB), APP, JAVA, JAVA_OPTS
DURATION=${DURATION:-20}
BATCH_LINES=${BATCH_LINES:-200}
JCMD=$(dirname "$(readlink -f "$JAVA")")/jcmd
[ -x "$JCMD" ] || JCMD=jcmd
out=target/memory-peak.txt
# shellcheck source=bench/start-service.sh
. bench/start-service.sh
pid=""; sampler=""
trap '[ -n "$sampler" ] && kill $sampler 2> /dev/null; [ -n "$pid" ] && kill $pid 2> /dev/null || true' EXIT
start_service target/memory-bench-service.log "" "" "-XX:NativeMemoryTracking=summary"
echo "## Resident memory by part, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
echo
echo "- load average before (\`uptime\`): $(uptime | sed 's/.*load average: //')"
echo "- JAVA_OPTS: \`$JAVA_OPTS\`; startup archive: \`${archive:-none}\`; ready in $(printf '%.2f' "$ready") s, CPU $cpu s"

hwm() { awk '/^VmHWM/ {printf "%d", $2 / 1024}' /proc/$pid/status; }
snapshot() { # $1: file
  {
    echo "# $(date -u '+%H:%M:%S') $(grep -E '^(VmRSS|VmHWM|RssAnon|RssFile|RssShmem|Threads)' /proc/$pid/status | tr -s ' \t' ' ' | paste -sd ';')"
    cat /proc/$pid/smaps_rollup
    echo "# resident MB by mapped file (over 1 MB)"
    awk '/^[0-9a-f]+-[0-9a-f]+ / { name = ($6 == "" ? "[anonymous]" : $6) } /^Rss:/ { rss[name] += $2 }
         END { for (n in rss) if (rss[n] >= 1024) printf "%8.1f %s\n", rss[n] / 1024, n }' /proc/$pid/smaps | sort -rn
    "$JCMD" $pid VM.native_memory summary scale=MB
  } > "$1.tmp" 2>&1 && mv "$1.tmp" "$1"
}
# The sampler: VmRSS every second; a new high by 2 MB or more takes a snapshot, at most one every 10 s (each `jcmd` is a
# JVM of its own, which on 2 cores takes CPU from the load being measured). The last snapshot, after the big submissions,
# is taken too: bench/http.sh's runs ended at their peak (VmRSS = VmHWM).
( high=0; last=0
  while kill -0 $pid 2> /dev/null; do
    now=$(awk '/^VmRSS/ {print int($2 / 1024)}' /proc/$pid/status 2> /dev/null || echo 0)
    if [ "$now" -ge $((high + 2)) ] && [ $((SECONDS - last)) -ge 10 ]; then high=$now; last=$SECONDS; snapshot $out; fi
    sleep 1
  done ) &
sampler=$!

wrk -t2 -c8 -d15s -s bench/post-bom.lua http://localhost:$PORT/api/v1/determinations > /dev/null # warm-up, as bench/http.sh
wrk -t2 -c16 -d"${DURATION}s" -s bench/post-bom.lua http://localhost:$PORT/api/v1/determinations | tail -1 | sed 's/^/- saturation, 16 connections: /'
hwm_single=$(hwm)
for _ in $(seq 1 "$BATCH_LINES"); do cat bench/bom-50.json; echo; done > target/batch.ndjson
wrk -t2 -c4 -d10s --timeout 10s -s bench/post-batch.lua http://localhost:$PORT/api/v1/determination-batches > /dev/null
wrk -t2 -c4 -d"${DURATION}s" --timeout 10s -s bench/post-batch.lua http://localhost:$PORT/api/v1/determination-batches | tail -1 | sed 's/^/- batches of '"$BATCH_LINES"' lines, 4 connections, per batch: /'
hwm_batch=$(hwm)
bench/make-bom-50000.sh
: > target/memory-bom-50000.status
for round in $(seq 1 "${BIG_ROUNDS:-3}"); do
  big=""
  for _ in 1 2 3 4; do
    curl -s -o /dev/null -w '%{http_code} ' -X POST -H "Authorization: Bearer $ORIGINCHECK_TOKEN" -H 'Content-Type: application/json' \
      --data-binary @target/bom-50000.json localhost:$PORT/api/v1/determinations >> target/memory-bom-50000.status &
    big="$big $!"
  done
  # The live set while four are in evaluation: a full collection, then what is left in use.
  if [ "$round" = 2 ]; then sleep 3; "$JCMD" $pid GC.run > /dev/null; "$JCMD" $pid GC.heap_info > target/memory-heap-loaded.txt; fi
  wait $big
done
sleep 2
kill $sampler 2> /dev/null || true; wait $sampler 2> /dev/null || true; sampler=""
snapshot target/memory-end.txt
# The breakdown reported is the snapshot with the larger RSS: the sampler's highest, or the one after the load.
[ "$(head -1 target/memory-end.txt | grep -o 'VmRSS: [0-9]*' | grep -o '[0-9]*')" -ge "$(head -1 $out | grep -o 'VmRSS: [0-9]*' | grep -o '[0-9]*' || echo 0)" ] && cp target/memory-end.txt $out
"$JCMD" $pid GC.run > /dev/null; "$JCMD" $pid GC.heap_info > target/memory-heap-idle.txt
echo "- 50,000-material submissions answered: $(cat target/memory-bom-50000.status)"
echo "- peak (VmHWM): $(hwm) MB; now (VmRSS): $(awk '/^VmRSS/ {printf "%d", $2 / 1024}' /proc/$pid/status) MB"
# Which load made the peak: VmHWM never falls, so a phase after which it did not rise did not make it.
echo "- VmHWM after the single requests: $hwm_single MB; after the batches: $hwm_batch MB; after the big submissions: $(hwm) MB"
live() { awk '/^ *(DefNew|Tenured|def new|tenured)/ {for (i = 1; i <= NF; i++) if ($i == "used") {sub(/,/, "", $(i + 1)); s += $(i + 1)}} END {printf "%d MB", s / 1024}' "$1"; }
echo "- heap used after a full collection: during the big submissions $(live target/memory-heap-loaded.txt), idle $(live target/memory-heap-idle.txt)"
echo "- at the highest sample: $(head -1 $out | cut -c3-)"
echo
echo '```'
sed -n '/resident MB by mapped file/,/^Native Memory Tracking/p' $out | grep -v '^Native' | head -12
grep -E '^(Total|-  *[A-Za-z ]+ \(reserved)' $out | sed 's/ (reserved=[0-9]*MB, committed=/ committed=/; s/)$//'
echo '```'
echo "- load average after (\`uptime\`): $(uptime | sed 's/.*load average: //')"
kill $pid; wait $pid 2> /dev/null || true; pid=""
