#!/usr/bin/env bash
# Where the main thread's time goes until ready (issue 19, branch i19y; docs/startup.md): variants started alternately, as
# bench/startup.sh starts them (bench/start-service.sh: prod profile, JAVA_OPTS, the startup archive of the app folder,
# strictly), and per start, from the kernel's scheduler statistics (/proc/<pid>/task/<tid>/schedstat, status):
#   - ready (launch to /q/health/ready answering 200) and the JVM's CPU by then, as bench/startup.sh reports them;
#   - the main thread (the launcher's thread that creates the JVM and runs Quarkus' start): ms running, ms runnable but
#     waiting for a core, ms neither (blocked: a database connection, Hibernate's startup thread, a lock), and its
#     involuntary context switches (taken off a core by another thread);
#   - the JIT compiler threads' ms running.
# Those figures separate work (running) from the queue for a core, which on a shared machine is most of the wall clock:
# a change that takes work off the main thread shows in "main run" under any load.
# A variant is 'label|more JVM options|app folder|java launcher' (empty fields: none, APP, JAVA).
# Usage, from the repository root, the database migrated (after ONLY=ready bench/http.sh):
#   ROUNDS=4 PORT=8121 BENCH_DB=bench_y bench/startup-threads.sh 'default|' 'C1 sooner|-XX:Tier0InvokeNotifyFreqLog=5'
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
# shellcheck source=bench/defaults.sh
. bench/defaults.sh # PORT, BENCH_DB (DB), APP, JAVA, JAVA_OPTS
[ $# -ge 1 ] || { sed -n '2,15p' "$0"; exit 2; }
# shellcheck source=bench/start-service.sh
. bench/start-service.sh
pid=""
trap '[ -n "$pid" ] && kill $pid 2> /dev/null || true' EXIT
hz=$(getconf CLK_TCK)
echo "## Main thread until ready, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $ROUNDS rounds, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| round | variant | ready s | CPU at ready s | main run ms | main waiting for a core ms | main blocked ms | main involuntary switches | JIT run ms | load |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
  for variant in "$@"; do
    IFS='|' read -r label extra app java <<< "$variant"
    start_service target/startup-threads.log "${app:-$APP}" "${java:-$JAVA}" "$extra"
    up=$(cut -d' ' -f1 /proc/uptime)
    # The launcher's second thread (JNI_CreateJavaVM, then main()): named like the process, unlike the JVM's own threads.
    main=""
    for t in /proc/$pid/task/*; do
      if [ "${t##*/}" != "$pid" ] && [ "$(cat "$t/comm")" = java ]; then main=${t##*/}; break; fi
    done
    read -r run queued _ < /proc/$pid/task/$main/schedstat
    started=$(sed 's/.*) //' /proc/$pid/task/$main/stat | awk '{print $20}') # field 22: start time in clock ticks
    life=$(echo "($up - $started / $hz) * 1000" | bc -l | cut -d. -f1)
    switches=$(awk '/^nonvoluntary_ctxt_switches/ {print $2}' /proc/$pid/task/$main/status)
    jit=0
    for t in /proc/$pid/task/*; do
      case "$(cat $t/comm)" in C1\ Compiler*|C2\ Compiler*) read -r r _ < $t/schedstat; jit=$((jit + r / 1000000)) ;; esac
    done
    kill $pid; wait $pid 2> /dev/null || true; pid=""
    printf '| %d | %s | %.2f | %s | %d | %d | %d | %d | %d | %s |\n' "$round" "$label" "$ready" "$cpu" $((run / 1000000)) $((queued / 1000000)) \
      $((life - run / 1000000 - queued / 1000000)) "$switches" "$jit" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
