#!/usr/bin/env bash
# CPU per determination, and where it goes, for one path (issue 19): starts the packaged service in its prod profile as
# bench/http.sh does (bench/start-service.sh: same JAVA_OPTS, key pair and token; no startup archive), warms it up, then for DURATION seconds
# loads one path with wrk while a JFR recording (settings=profile) runs, and prints:
#   - determinations stored in that window (counted in the database), their rate, `uptime` before and after;
#   - CPU time of the service (utime+stime from /proc/<pid>/stat) and of the PostgreSQL server's processes, per
#     determination: on a machine shared with other work these move far less than the wall-clock rate;
#   - bench/JfrSplit.java's split of the execution samples by phase of a determination and by library.
# MODE=batch: BATCH_LINES copies of bench/bom-50.json per request (bench/post-batch.lua), CONNECTIONS at a time.
# MODE=single: POST /api/v1/determinations with bench/bom-50.json (bench/post-bom.lua), CONNECTIONS at a time.
# The database must exist (role and database `bench`, password `bench`): PGHOST and PGPORT say where (default
# localhost:5432, Debian's cluster, as bench/http.sh makes it); its determinations are not deleted. PORT: the service's
# HTTP port (default 8080). BENCH_DB: another database (and role of that name, password `bench`), as bench/http.sh's
# BENCH_DB makes it; APP: a copy of target/quarkus-app; JAVA: the launcher (default the JDK 25 the deployment runs, as
# bench/defaults.sh finds it; no startup archive is used); PORT, BENCH_DB, APP and JAVA_OPTS default as in bench/defaults.sh. The recording stays in target/profile-<MODE>.jfr for `jfr print` or JDK Mission Control.
# Usage: MODE=batch DURATION=30 bench/profile.sh       (after ./mvnw -B -ntp package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${MODE:-batch}
DURATION=${DURATION:-30}
PGHOST=${PGHOST:-localhost}
PGPORT=${PGPORT:-5432}
BATCH_LINES=${BATCH_LINES:-200}
WARMUP=${WARMUP:-5000}
# shellcheck source=bench/defaults.sh
. bench/defaults.sh # PORT, BENCH_DB (DB), APP, JAVA, JAVA_OPTS
# jcmd and the split from the same JDK as the service: a JDK 17 tool reading a JDK 25 recording is not what was meant
JDK_BIN=$(dirname "$(readlink -f "$(command -v "$JAVA")")")
export PGPASSWORD=bench
sql() { psql -At -h "$PGHOST" -p "$PGPORT" -U "$DB" "$DB" -c "$1"; }
case "$MODE" in
  batch) CONNECTIONS=${CONNECTIONS:-4}; path=/api/v1/determination-batches; script=bench/post-batch.lua ;;
  single) CONNECTIONS=${CONNECTIONS:-8}; path=/api/v1/determinations; script=bench/post-bom.lua ;;
  *) echo "MODE is batch or single"; exit 2 ;;
esac
mkdir -p target
for _ in $(seq 1 "$BATCH_LINES"); do cat bench/bom-50.json; echo; done > target/batch.ndjson

# shellcheck source=bench/start-service.sh
. bench/start-service.sh # a key pair and a token for the run; start_service
pid=""
trap '[ -n "$pid" ] && kill $pid 2> /dev/null || true' EXIT
# The fast path without a startup archive, as before: the JIT's and the request path's CPU are measured, not the start.
JDBC_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB STARTUP_ARCHIVE=off start_service target/profile-service.log
url="http://localhost:$PORT$path"
sql "select count(*) from determination" > target/profile-start-count
# Warm-up (JIT, pools, token cache): WARMUP determinations stored, at most 3 minutes.
for _ in $(seq 1 18); do
  wrk --timeout 60s -t1 -c"$CONNECTIONS" -d10s -s $script "$url" > /dev/null
  [ "$(sql "select count(*) from determination")" -ge "$(( $(cat target/profile-start-count) + WARMUP ))" ] && break
done

# shellcheck source=bench/thread-cpu.sh
. bench/thread-cpu.sh # cpu, threads
postmaster=$(ss -Hltnp "sport = :$PGPORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
dbcpu() { # ms: "<this database's backends and autovacuum workers> <the cluster's shared writers>", of processes alive now
  # (the pool's backends are). Other databases' backends on the same cluster (another engineer's bench) are not counted; the
  # checkpointer, background writer and walwriter serve every database of the cluster, so they are counted apart.
  local own=0 shared=0 p args
  while read -r p args; do
    case "$args" in
      *": $DB $DB "*|*"autovacuum worker $DB"*) own=$((own + $(cpu "$p" 2> /dev/null || echo 0))) ;;
      *checkpointer*|*"background writer"*|*walwriter*) shared=$((shared + $(cpu "$p" 2> /dev/null || echo 0))) ;;
    esac
  done < <(ps -e -o pid= -o ppid= -o args= | awk -v pm="$1" '$1 == pm || $2 == pm {$2 = ""; print}')
  echo "$own $shared"
}
"$JDK_BIN/jcmd" $pid JFR.start name=profile settings=profile > /dev/null
before=$(sql "select count(*) from determination"); load_before=$(uptime); cpu0=$(cpu $pid); t0=$(threads); db0=$(dbcpu "$postmaster")
line=$(wrk --timeout 60s -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s $script "$url" | tail -1)
cpu1=$(cpu $pid); t1=$(threads); db1=$(dbcpu "$postmaster"); after=$(sql "select count(*) from determination"); load_after=$(uptime)
"$JDK_BIN/jcmd" $pid JFR.dump name=profile filename="$PWD/target/profile-$MODE.jfr" > /dev/null
"$JDK_BIN/jcmd" $pid JFR.stop name=profile > /dev/null
stored=$((after - before))
echo "## bench/profile.sh MODE=$MODE, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (+ uncommitted changes)')"
echo
echo "- uptime before: ${load_before#*load}; after: ${load_after#*load}"
echo "- wrk, $CONNECTIONS connections, ${DURATION} s: $line"
echo "- determinations stored: $stored ($(echo "scale=0; $stored / $DURATION" | bc)/s)"
read -r own0 shared0 <<< "$db0"; read -r own1 shared1 <<< "$db1"
printf -- "- CPU per determination: service %.3f ms, PostgreSQL %.3f ms (%d ms and %d ms in all: this database's backends and autovacuum)\n" \
  "$(echo "($cpu1 - $cpu0) / $stored" | bc -l)" "$(echo "($own1 - $own0) / $stored" | bc -l)" $((cpu1 - cpu0)) $((own1 - own0))
printf -- "- the cluster's checkpointer, background writer and walwriter (they serve every database on it, others' runs too): %.3f ms per determination\n" \
  "$(echo "($shared1 - $shared0) / $stored" | bc -l)"
echo "- the service's CPU by thread, ms per determination: $(echo "$t0 $t1" | tr ' =' '\n ' | awk -v n="$stored" 'NF == 2 {if ($1 in a) printf "%s %.3f; ", $1, ($2 - a[$1]) / n; else a[$1] = $2}')(threads that ended in between are not counted)"
echo
"$JAVA" bench/JfrSplit.java "target/profile-$MODE.jfr" "$stored"
