#!/usr/bin/env bash
# Startup time and memory of the packaged jar on its embedded defaults, with -Xmx512m.
# Usage: ./mvnw -q -DskipTests package && bench/startup.sh
# Prints: time until /actuator/health is UP on a fresh data directory (includes initdb of the embedded
# PostgreSQL) and on a second start of the same directory, and the resident memory after start.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls api/target/api-*.jar | grep -v plain | head -n 1)
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

measure() {
  local label=$1 start end pid
  start=$(date +%s%N)
  java -Xmx512m -jar "$jar" --server.port="$port" --salonmate.data-dir="$data" --salonmate.sync.enabled=false \
    --salonmate.metrics.password=bench > "$data/$label.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "died:"; tail -30 "$data/$label.log"; exit 1; fi
    sleep 0.1
  done
  end=$(date +%s%N)
  local rss heap
  rss=$(ps -o rss= -p "$pid" | tr -d ' ')
  heap=$(curl -s -u prometheus:bench "http://127.0.0.1:$port/actuator/prometheus" | python3 -c '
import sys
total = sum(float(l.rsplit(" ", 1)[1]) for l in sys.stdin if l.startswith("jvm_memory_used_bytes") and "area=\"heap\"" in l)
print(round(total / 1048576))' 2>/dev/null || echo "?")
  printf '[benchmark] startup %-22s %6.1f s to healthy; RSS %d MiB; heap used %s MiB (-Xmx512m)\n' \
    "$label" "$(python3 -c "print(($end-$start)/1e9)")" "$((rss / 1024))" "$heap"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

measure "fresh data directory"
measure "second start"
rm -rf "$data"
