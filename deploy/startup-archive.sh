#!/usr/bin/env bash
# Packages the service with a startup archive (issue 19; docs/startup.md): the JVM then maps the classes it loaded, already
# parsed and linked, from a file instead of loading them from ~200 jars at every start, and on JDK 25 also starts with the
# method profiles of a training run (JEP 483, 514, 515). What it does:
#   1. `./mvnw package -DskipTests -Dquarkus.package.jar.type=aot-jar` (unless SKIP_PACKAGE=1): target/quarkus-app with one
#      flat class path (quarkus-run.jar's manifest), because the JVM archives only classes of its own class loaders, not
#      those of the fast-jar's RunnerClassLoader. The folder has the same layout as the fast-jar (deploy/Dockerfile).
#   2. A training run of that folder in its prod profile, as deployed, with JAVA (default `java`) and deploy/Dockerfile's
#      JVM options: ready, TRAINING_REQUESTS determinations of bench/bom-50.json, three batches of 20, the OpenAPI document,
#      then SIGTERM; at exit the JVM writes
#        - JDK 25 or newer: target/quarkus-app/app.aot (-XX:AOTCacheOutput), run with -XX:AOTCache=app.aot;
#        - JDK 17 to 24:    target/quarkus-app/app-cds.jsa (-XX:ArchiveClassesAtExit), run with -XX:SharedArchiveFile=app-cds.jsa.
# The archive is valid only for the exact JDK build that made it and these jars: run the service with that JDK (deploy/
# Dockerfile pins it) and make the archive again after every package. A JVM that cannot use it says so and starts without.
# The training run needs a PostgreSQL it may write to and throw away: Debian's cluster 15/main on this machine, where a
# database and role `origincheck_training` are made anew (TRAINING_DB), or QUARKUS_DATASOURCE_JDBC_URL, _USERNAME and
# _PASSWORD for another scratch database (never the production one: the run stores determinations).
# Usage, from the repository root:
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java deploy/startup-archive.sh      (about 3 minutes on 2 idle cores)
#   PORT=8090 TRAINING_REQUESTS=200 ...; APP=<another packaged aot-jar folder> SKIP_PACKAGE=1 ...
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
APP=${APP:-target/quarkus-app}
PORT=${PORT:-8090}
TRAINING_REQUESTS=${TRAINING_REQUESTS:-200}
DB=${TRAINING_DB:-origincheck_training}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms128m -Xmx256m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:TrimNativeHeapInterval=5000"}
if [ "${SKIP_PACKAGE:-0}" != 1 ]; then ./mvnw -B -ntp -q package -DskipTests -Dquarkus.package.jar.type=aot-jar; fi
unzip -p "$APP/quarkus-run.jar" META-INF/MANIFEST.MF | tr -d '\r\n ' | grep -q 'Class-Path:.*app/' \
  || { echo "$APP is not an aot-jar (quarkus.package.jar.type=aot-jar): its classes could not be archived" >&2; exit 1; }
feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ {print $3}')
rm -f "$APP/app.aot" "$APP/app-cds.jsa"
if [ "$feature" -ge 25 ]; then record="-XX:AOTCacheOutput=$APP/app.aot"; output=$APP/app.aot
else record="-XX:ArchiveClassesAtExit=$APP/app-cds.jsa"; output=$APP/app-cds.jsa; fi

if [ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
  pg_ctlcluster --skip-systemctl-redirect 15 main start 2> /dev/null || true
  for _ in $(seq 1 50); do runuser -u postgres -- pg_isready -q && break; sleep 0.2; done
  runuser -u postgres -- env PGOPTIONS="-c client_min_messages=warning" psql -q -c "drop database if exists $DB" -c "drop role if exists $DB" \
    -c "create role $DB login password 'bench'" -c "create database $DB owner $DB" > /dev/null
else
  JDBC_URL=$QUARKUS_DATASOURCE_JDBC_URL JDBC_USER=${QUARKUS_DATASOURCE_USERNAME:-} JDBC_PASSWORD=${QUARKUS_DATASOURCE_PASSWORD:-}
fi
mkdir -p target
STARTUP_ARCHIVE=off # record, do not use an old one
# shellcheck source=bench/start-service.sh
. bench/start-service.sh
pid=""; done=0
# On any failure no archive is left behind (a JVM that exits writes one, also after a failed start): a half-trained
# cache would be used by the next start as if it were this one.
trap 'if [ "$done" != 1 ]; then { [ -n "$pid" ] && kill -9 $pid 2> /dev/null; } || true; rm -f "$output" "$output.config"; fi' EXIT
# A minute for a database connection instead of 5 s: a build machine under load was seen to need more for the first one.
start_service target/startup-archive-training.log "$APP" "$JAVA" "$record -Dquarkus.datasource.jdbc.acquisition-timeout=60S"
echo "training run: ready in $(printf '%.1f' "$ready") s"
post() { curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $ORIGINCHECK_TOKEN" -H "Content-Type: $1" --data-binary "@$2" "localhost:$PORT$3"; }
for _ in $(seq 1 20); do cat bench/bom-50.json; echo; done > target/startup-archive-batch.ndjson
statuses=$( { for _ in $(seq 1 "$TRAINING_REQUESTS"); do post application/json bench/bom-50.json /api/v1/determinations; done
  for _ in 1 2 3; do post application/x-ndjson target/startup-archive-batch.ndjson /api/v1/determination-batches; done
  curl -s -o /dev/null -w '%{http_code}\n' "localhost:$PORT/q/openapi"; } )
echo "training requests answered (status x count):$(echo "$statuses" | sort | uniq -c | awk '{printf " %s x %s", $2, $1}')"
# A training run that was refused (a token, the database) would record the error path, not the service's work.
! echo "$statuses" | grep -qv '^20[01]$' || { echo "a training request failed: see target/startup-archive-training.log" >&2; exit 1; }
kill $pid; wait $pid 2> /dev/null || true; pid=""
# JDK 25 writes the cache from its recording in a second JVM, which was seen still writing after the first had exited
# (app.aot empty, app.aot.config present): wait for it, up to 10 minutes.
for _ in $(seq 1 600); do [ -s "$output" ] && ! [ -e "$output.config" ] && break; sleep 1; done
[ -s "$output" ] && ! [ -e "$output.config" ] || { echo "no archive written: see target/startup-archive-training.log" >&2; exit 1; }
done=1
echo "wrote $output ($(du -m "$output" | cut -f1) MB) for $("$JAVA" -version 2>&1 | sed -n 2p)"
