#!/usr/bin/env bash
# Startup time and memory of the packaged jar on its embedded defaults, with -Xmx512m.
# Usage: ./mvnw -q -DskipTests package && bench/startup.sh
# Prints: time until /actuator/health is UP on a fresh data directory (includes initdb of the embedded
# PostgreSQL) and on a second start of the same directory, started as README.md says (the extracted jar with its
# class-data-sharing archive, api/target/salonmate/), then a third start as the fat jar for comparison; for each,
# the CPU the JVM used until then (less sensitive to other load on the machine than the time) and the memory.
set -euo pipefail
cd "$(dirname "$0")/.."
# JAVA=/path/to/bin/java picks the JVM (default: java on the PATH). A build on JDK 25 or newer writes an AOT cache
# (salonmate.aot) instead of the CDS archive (ADR 43); README's command for it is the one measured then.
java=${JAVA:-java}
jar=$(ls api/target/api-*.jar | grep -v plain | head -n 1)
if [ -f api/target/salonmate/salonmate.aot ]; then
  readme=(-XX:AOTCache=api/target/salonmate/salonmate.aot -jar api/target/salonmate/salonmate.jar)
else
  readme=(-XX:SharedArchiveFile=api/target/salonmate/salonmate.jsa -jar api/target/salonmate/salonmate.jar)
fi
fat=(-jar "$jar")
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

measure() {
  local label=$1 start end pid
  shift
  start=$(date +%s%N)
  "$java" -Xmx512m "$@" --server.port="$port" --salonmate.data-dir="$data" --salonmate.sync.enabled=false \
    --salonmate.metrics.password=bench > "$data/$label.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "died:"; tail -30 "$data/$label.log"; exit 1; fi
    sleep 0.1
  done
  end=$(date +%s%N)
  local rss heap cpu
  rss=$(ps -o rss= -p "$pid" | tr -d ' ')
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")
  heap=$(curl -s -u prometheus:bench "http://127.0.0.1:$port/actuator/prometheus" | python3 -c '
import sys
total = sum(float(l.rsplit(" ", 1)[1]) for l in sys.stdin if l.startswith("jvm_memory_used_bytes") and "area=\"heap\"" in l)
print(round(total / 1048576))' 2>/dev/null || echo "?")
  printf '[benchmark] startup %-32s %6.1f s to healthy, %5s s of CPU; RSS %d MiB; heap used %s MiB (-Xmx512m); load %s\n' \
    "$label" "$(python3 -c "print(($end-$start)/1e9)")" "$cpu" "$((rss / 1024))" "$heap" "$(cut -d' ' -f1 /proc/loadavg)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

measure "fresh data directory" "${readme[@]}"
measure "second start" "${readme[@]}"
measure "second start, fat jar (no archive)" "${fat[@]}"
rm -rf "$data"
