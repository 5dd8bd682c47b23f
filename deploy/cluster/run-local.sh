#!/usr/bin/env bash
# Two Billfold nodes on one PostgreSQL behind HAProxy, on this machine, as a showroom (the demo users and the demo
# provider, no real money): the set-up of issue 18 for a person to try, as e2e.ClusterE2E starts it for the tests.
#
#   deploy/cluster/run-local.sh start    build the production jar if needed, start PostgreSQL, node a, node b, HAProxy
#   deploy/cluster/run-local.sh status   what runs, and each node's readiness
#   deploy/cluster/run-local.sh stop     stop them all (SIGTERM: the nodes shut down gracefully)
#
# Needs a JDK 21+ (JAVA_HOME or java on PATH), Debian's postgresql (initdb and pg_ctl) and haproxy.
# Then open http://127.0.0.1:${BILLFOLD_LB_PORT:-8000}/ and sign in as demo / demo. Everything lives in
# target/local-cluster (database, logs, pids); delete it to start from scratch.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$(pwd)
WORK=$ROOT/target/local-cluster
# A production build of its own (as the browser tests do), so a plain `./mvnw package` jar is never taken.
BUILD=$ROOT/target/local-cluster-build
JAR=$BUILD/billfold-0.1.0-SNAPSHOT.jar
LB_PORT=${BILLFOLD_LB_PORT:-8000}
PG_PORT=${BILLFOLD_LOCAL_PG_PORT:-55432}
NODES=(a b)
declare -A PORT=([a]=8101 [b]=8201)
declare -A MANAGEMENT_PORT=([a]=8102 [b]=8202)

pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
    done
    dirname "$(command -v pg_ctl)"
}

# initdb and the server refuse to run as root; Debian's package has a postgres user for them.
as_db_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# A JDK 21+: JAVA_HOME if it is one, else the newest under /usr/lib/jvm (Debian's default java may be older).
pick_jdk() {
    local home best="" best_major=0 major
    for home in ${JAVA_HOME:-} /usr/lib/jvm/*; do
        [ -x "$home/bin/javac" ] || continue
        major=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
        [ -n "${JAVA_HOME:-}" ] && [ "$home" = "${JAVA_HOME:-}" ] && [ "${major:-0}" -ge 21 ] && { echo "$home"; return; }
        if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$home; best_major=$major; fi
    done
    [ -n "$best" ] || { echo "No JDK 21+ found; set JAVA_HOME" >&2; exit 1; }
    echo "$best"
}
JAVA_HOME=$(pick_jdk)
export JAVA_HOME

java_cmd() {
    echo "$JAVA_HOME/bin/java"
}

start_postgres() {
    local bin
    bin=$(pg_bin)
    mkdir -p "$WORK"
    if [ ! -d "$WORK/pg" ]; then
        mkdir -p "$WORK/pg"
        [ "$(id -u)" -eq 0 ] && chown postgres "$WORK/pg"
        as_db_owner "$bin/initdb" -D "$WORK/pg" -U billfold --auth=trust --encoding=UTF8 > "$WORK/initdb.log"
    fi
    [ "$(id -u)" -eq 0 ] && chown postgres "$WORK"
    as_db_owner "$bin/pg_ctl" -D "$WORK/pg" -l "$WORK/postgres.log" -w \
        -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" start
    as_db_owner "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U billfold -d postgres -tAc \
        "select 1 from pg_database where datname = 'billfold'" | grep -q 1 \
        || as_db_owner "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U billfold billfold
}

start_node() {
    local node=$1
    # The showroom (production and demo profiles): the demo users and provider over PostgreSQL, as the browser tests
    # run it. Any BILLFOLD_* variable already set (a seller, OIDC, mail) is passed on.
    BILLFOLD_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/billfold" BILLFOLD_DB_USER=billfold BILLFOLD_DB_PASSWORD= \
        nohup "$(java_cmd)" -jar "$JAR" --spring.profiles.active=production,demo --billfold.showroom=true \
        --server.port="${PORT[$node]}" --management.server.port="${MANAGEMENT_PORT[$node]}" \
        > "$WORK/node-$node.log" 2>&1 &
    echo $! > "$WORK/node-$node.pid"
}

await_ready() {
    local node=$1 i
    for i in $(seq 1 180); do
        if curl -fsS "http://127.0.0.1:${MANAGEMENT_PORT[$node]}/actuator/health/readiness" > /dev/null 2>&1; then
            echo "node $node ready on port ${PORT[$node]}"
            return
        fi
        if ! kill -0 "$(cat "$WORK/node-$node.pid")" 2> /dev/null; then
            echo "node $node exited; see $WORK/node-$node.log" >&2
            exit 1
        fi
        sleep 1
    done
    echo "node $node not ready after 180 s; see $WORK/node-$node.log" >&2
    exit 1
}

start() {
    command -v haproxy > /dev/null || { echo "No haproxy (Debian: apt-get install haproxy)" >&2; exit 1; }
    if [ ! -f "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]; then
        echo "building the production jar into $BUILD ..."
        ./mvnw -B -q -Pproduction package -DskipTests -Dbillfold.build.directory="$BUILD"
    fi
    start_postgres
    # One node first: it runs Flyway on the empty database; the second finds it migrated.
    start_node a
    await_ready a
    start_node b
    await_ready b
    BILLFOLD_LB_PORT=$LB_PORT BILLFOLD_NODE_A="127.0.0.1:${PORT[a]}" BILLFOLD_NODE_B="127.0.0.1:${PORT[b]}" \
        BILLFOLD_NODE_A_MANAGEMENT_PORT="${MANAGEMENT_PORT[a]}" BILLFOLD_NODE_B_MANAGEMENT_PORT="${MANAGEMENT_PORT[b]}" \
        nohup haproxy -f "$ROOT/deploy/cluster/haproxy.cfg" > "$WORK/haproxy.log" 2>&1 &
    echo $! > "$WORK/haproxy.pid"
    echo "Billfold on http://127.0.0.1:$LB_PORT/ (two nodes behind HAProxy); sign in as demo / demo"
}

status() {
    local node
    local code
    for node in "${NODES[@]}"; do
        code=$(curl -s -o /dev/null -w '%{http_code}' \
            "http://127.0.0.1:${MANAGEMENT_PORT[$node]}/actuator/health/readiness" || true)
        if [ "$code" = "000" ]; then echo "node $node: down"; else echo "node $node: readiness $code"; fi
    done
    [ -f "$WORK/haproxy.pid" ] && kill -0 "$(cat "$WORK/haproxy.pid")" 2> /dev/null \
        && echo "haproxy: on port $LB_PORT" || echo "haproxy: down"
}

stop() {
    local name pid
    for name in haproxy node-a node-b; do
        if [ -f "$WORK/$name.pid" ]; then
            pid=$(cat "$WORK/$name.pid")
            kill "$pid" 2> /dev/null && while kill -0 "$pid" 2> /dev/null; do sleep 0.5; done
            rm -f "$WORK/$name.pid"
        fi
    done
    if [ -d "$WORK/pg" ]; then
        as_db_owner "$(pg_bin)/pg_ctl" -D "$WORK/pg" -m fast stop > /dev/null 2>&1 || true
    fi
    echo "stopped"
}

case "${1:-}" in
    start) start ;;
    status) status ;;
    stop) stop ;;
    *) echo "usage: $0 start|status|stop" >&2; exit 2 ;;
esac
