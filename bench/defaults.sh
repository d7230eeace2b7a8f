# Sourced by every bench script that starts the packaged service (http.sh, memory.sh, profile.sh, startup.sh,
# startup-timeline.sh): where it listens and stores, what is started and with which JVM. One file, so that the scripts cannot
# drift apart; each value is a default only, and whatever the caller's environment (or the script, before sourcing this)
# already set is kept:
#   PORT       the service's HTTP port (8080)
#   BENCH_DB   the database and role on this machine's PostgreSQL, password `bench` (bench), read into DB
#   APP        the packaged folder (target/quarkus-app)
#   JAVA       the java launcher: a JDK 25 under /usr/lib/jvm, as deployed (docs/startup.md), else `java` on the PATH
#   JAVA_OPTS  the JVM options of deploy/Dockerfile, without its cache and log manager (DeployedJvmOptionsTest keeps them equal)
PORT=${PORT:-8080}
DB=${BENCH_DB:-bench}
APP=${APP:-target/quarkus-app}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2> /dev/null | head -1 || true)}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms128m -Xmx256m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:TrimNativeHeapInterval=5000"}
