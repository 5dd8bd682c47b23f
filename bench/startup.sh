#!/usr/bin/env bash
# Start-up of the production jar, three ways it can be deployed: the fat jar as built, the jar extracted by Spring
# Boot's jarmode tools, and the extracted jar with a JDK AOT cache from a training run (JEP 483/514, JDK 25).
# Prints "Started" time (Spring's own figure), wall time until /login answers 200, and RSS after start.
# Usage: bench/startup.sh [runs]   (needs JAVA_HOME >= 25 for the AOT cache; builds the jar if missing)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-3}
java=${JAVA_HOME:?set JAVA_HOME to a JDK 25}/bin/java
work=target/startup
jar=$(ls target/billfold-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ] || ! unzip -l "$jar" | grep -q 'META-INF/VAADIN/config/flow-build-info.json'; then
    ./mvnw -B -q -Pproduction -DskipTests package
    jar=$(ls target/billfold-*.jar | head -1)
fi
rm -rf "$work" && mkdir -p "$work"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
extracted="$work/app/$(basename "$jar")"

export BILLFOLD_DB_URL='jdbc:h2:mem:startup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH'
export BILLFOLD_DB_USER=sa BILLFOLD_DB_PASSWORD='' BILLFOLD_INVOICE_RECIPIENT_NAME='Bench Hosting'
export BILLFOLD_INVOICE_RECIPIENT_BANK_DETAILS='Bench Bank'
# Production needs mail settings to start; nothing is sent during a start-up.
export SPRING_MAIL_HOST=127.0.0.1 BILLFOLD_MAIL_FROM=billing@bench.test BILLFOLD_PUBLIC_URL=http://localhost:18089/
port=18089

# Training run: starts the context, writes the cache, exits.
"$java" -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh -jar "$extracted" \
    --spring.profiles.active=production --server.port=$port > "$work/training.log" 2>&1 || true

measure() {
    local label=$1; shift
    for i in $(seq 1 "$runs"); do
        local log="$work/run.log" start pid started wall rss
        start=$(date +%s%N)
        "$java" "$@" --spring.profiles.active=production --server.port=$port > "$log" 2>&1 &
        pid=$!
        until curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login" 2>/dev/null | grep -q 200; do
            kill -0 $pid 2>/dev/null || { echo "$label: process died"; tail -20 "$log"; return 1; }
            sleep 0.05
        done
        wall=$(( ($(date +%s%N) - start) / 1000000 ))
        started=$(grep -o 'Started Application in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' | head -1)
        rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
        printf '| %s | %d | %s s | %.2f s | %s MiB |\n' "$label" "$i" "$started" "$(awk -v ms="$wall" 'BEGIN { print ms / 1000 }')" "$rss"
        kill $pid; wait $pid 2>/dev/null || true
    done
}

echo "| deployment | run | Started | wall to /login 200 | RSS after start |"
echo "|---|---|---|---|---|"
measure "fat jar" -jar "$jar"
measure "extracted" -jar "$extracted"
if [ -f "$work/app.aot" ]; then
    measure "extracted + AOT cache" -XX:AOTCache="$work/app.aot" -jar "$extracted"
else
    echo "(no AOT cache written: needs JDK 25; see $work/training.log)"
fi
