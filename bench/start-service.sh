# Sourced by every bench script that starts the packaged service (http.sh, startup.sh, memory.sh, profile.sh, jit-windows.sh;
# startup-timeline.sh for the key pair and archive_opts only): a key pair and token for the run, and start_service, which
# starts the packaged service in its prod profile as deployed and times it to ready. Expects PORT, DB (database and role on
# this machine's PostgreSQL, password `bench`; or JDBC_URL, JDBC_USER, JDBC_PASSWORD), APP (the packaged folder), JAVA (the
# java launcher) and JAVA_OPTS, as bench/defaults.sh sets them; the caller sets `set -euo pipefail`. TOKEN_SECONDS: the
# token's lifetime (default 3600; the service refuses more than 8 hours), for a run longer than an hour.
#
# A startup archive in $APP is used when present (STARTUP_ARCHIVE=off ignores it), so that what is measured is what
# deploy/ runs: `app.aot` (JDK 25's ahead-of-time cache, JEP 483/514/515) with -XX:AOTCache, `app-cds.jsa` (AppCDS) with
# -XX:SharedArchiveFile; both are made by bench/startup-archive.sh (docs/startup.md). The bench asks for them strictly
# (-XX:AOTMode=on, -Xshare:on): an archive the JVM cannot use (another JDK build, another jar) stops the start instead of
# being ignored in silence and measured as if used. deploy/ uses them leniently (a refused archive only costs time).

# A key pair and a token for this run, as an identity provider would issue them (RS256, issuer, audience, tenant, groups).
# BENCH_KEYS: another folder, for two runs at once (each run makes a new pair, which a service started by the other would
# not accept).
keys=${BENCH_KEYS:-target/bench-keys}
mkdir -p $keys
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out $keys/private.pem 2> /dev/null
openssl pkey -in $keys/private.pem -pubout -out $keys/public.pem
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
now=$(date +%s)
claims=$(printf '{"iss":"https://bench.origincheck.local","aud":"origincheck","sub":"load-generator","tenant":"load","groups":["submitter"],"iat":%d,"exp":%d}' "$now" $((now + ${TOKEN_SECONDS:-3600})) | b64url)
signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign $keys/private.pem -binary | b64url)
export ORIGINCHECK_TOKEN="$header.$claims.$signature"
echo "$ORIGINCHECK_TOKEN" > $keys/token # for further requests by hand during the run

# The JVM options for a startup archive in $1 (an app folder) run by $2 (a java launcher); empty when there is none.
archive_opts() {
  [ "${STARTUP_ARCHIVE:-on}" = off ] && return 0
  local feature
  feature=$("$2" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ {print $3}')
  if [ -f "$1/app.aot" ] && [ "$feature" -ge 25 ]; then
    echo "-XX:AOTMode=on -XX:AOTCache=$1/app.aot"
  elif [ -f "$1/app-cds.jsa" ]; then
    echo "-Xshare:on -XX:SharedArchiveFile=$1/app-cds.jsa"
  fi
}

# Starts the service in its prod profile (optionally $2: another app folder, $3: another java, $4: more JVM options),
# logging to $1; sets $pid, $ready to the seconds from launch to ready, $cpu to the CPU seconds (user + system, all
# threads) the JVM had used by then, $jit to those of its JIT compiler threads, and $archive to the archive options used.
start_service() {
  local start app=${2:-$APP} java=${3:-$JAVA} extra=${4:-}
  archive=$(archive_opts "$app" "$java")
  start=$(date +%s.%N)
  # shellcheck disable=SC2086 # the options are words
  QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL=${JDBC_URL:-jdbc:postgresql://localhost:5432/$DB} QUARKUS_DATASOURCE_USERNAME=${JDBC_USER:-$DB} QUARKUS_DATASOURCE_PASSWORD=${JDBC_PASSWORD:-bench} \
  QUARKUS_OIDC_WORKSPACE_TENANT_ENABLED=false MP_JWT_VERIFY_PUBLICKEY_LOCATION=$PWD/$keys/public.pem MP_JWT_VERIFY_ISSUER=https://bench.origincheck.local MP_JWT_VERIFY_AUDIENCES=origincheck \
    "$java" $JAVA_OPTS $archive $extra -jar "$app/quarkus-run.jar" > "$1" 2>&1 &
  pid=$!
  until curl -sf localhost:$PORT/q/health/ready > /dev/null; do
    kill -0 $pid 2> /dev/null || { echo "the service did not start: $1"; exit 1; }
    sleep 0.05
  done
  ready=$(echo "$(date +%s.%N) - $start" | bc)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' /proc/$pid/stat)
  # The JIT compiler threads' share (C1 and C2 threads alive at ready; one that has already ended is not counted).
  jit=$(cat /proc/$pid/task/*/stat 2> /dev/null | awk -v hz="$(getconf CLK_TCK)" \
    '{ if (match($0, /\((C1|C2) CompilerThre[^)]*\) /)) { n = split(substr($0, RSTART + RLENGTH), f, " "); t += f[12] + f[13] } }
     END { printf "%.2f", t / hz }')
}
