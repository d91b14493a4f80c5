#!/usr/bin/env bash
# Read API benchmark of the packaged jar (docs/benchmarks.md, "Read API"): what an authenticated request costs and
# how fast the review list answers, against the anchor measured in the same run on the same server: a static asset
# fetched without a token.
#
# Usage: ./mvnw -q -DskipTests package && bench/read-api.sh            (needs wrk and hey: apt-get install wrk hey)
# Env:   SECONDS_PER_RUN (default 10), PGHOST/PGPORT (default 127.0.0.1:5432, user postgres, trust auth)
#
# It creates a database of its own on the local PostgreSQL, starts the jar on it (rate limits off: they would answer
# most of the load with 429), signs up two owners, writes 2,000 reviews into one shop's inbox, runs the load, prints
# every figure with its anchor and ratio, and drops the database.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${SECONDS_PER_RUN:-10}
pghost=${PGHOST:-127.0.0.1}
pgport=${PGPORT:-5432}
jar=$(ls api/target/api-*.jar | grep -v plain | head -n 1)
data=$(mktemp -d)
db="bench_read_$(date +%s)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
out=${BENCH_OUT:-api/target/read-api-benchmark.txt}
ulimit -n 65536 2>/dev/null || true

psql -q -h "$pghost" -p "$pgport" -U postgres -d postgres -c "CREATE DATABASE $db"
cleanup() {
  [ -f "$data/app.log" ] && cp "$data/app.log" "${out%.txt}-app.log"
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql -q -h "$pghost" -p "$pgport" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  rm -rf "$data"
}
trap cleanup EXIT
mkdir -p "$(dirname "$out")"

java -Xmx512m ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" --salonmate.data-dir="$data" \
  --spring.datasource.url="jdbc:postgresql://$pghost:$pgport/$db" --spring.datasource.username=postgres \
  --salonmate.sync.enabled=false --salonmate.rate-limit.default=0 --salonmate.rate-limit.auth=0 \
  > "$data/app.log" 2>&1 &
pid=$!
until curl -sf "$base/actuator/health" >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the app died:"; tail -40 "$data/app.log"; exit 1; fi
  sleep 0.2
done

signup() {
  curl -sf -X POST "$base/v1/auth/signup" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1@bench.example\",\"password\":\"correct horse battery\",\"name\":\"$1\",\"shopName\":\"$1 salon\"}"
}
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }
empty_json=$(signup empty)
busy_json=$(signup busy)
empty_token=$(echo "$empty_json" | field "['accessToken']")
empty_shop=$(echo "$empty_json" | field "['shop']['id']")
token=$(echo "$busy_json" | field "['accessToken']")
shop=$(echo "$busy_json" | field "['shop']['id']")

# 2,000 reviews in the busy shop's inbox, as the review-inbox projection writes them
psql -q -h "$pghost" -p "$pgport" -U postgres -d "$db" <<SQL
INSERT INTO review_view (id, shop_id, source, external_id, author, rating, comment, language, created_at, updated_at,
                         status, reply_text, reply_origin, reply_model, drafted_at, version)
SELECT gen_random_uuid(), '$shop', 'GOOGLE', 'ext-' || i, '손님 ' || i, 1 + i % 5,
       repeat('커트가 정말 마음에 들어요. Great colour, friendly staff. ', 4), 'ko',
       now() - i * interval '7 minutes', now() - i * interval '7 minutes',
       CASE WHEN i % 3 = 0 THEN 'PUBLISHED' ELSE 'DRAFTED' END,
       '방문해 주셔서 감사합니다! Thank you for visiting.', 'AI', 'built-in', now() - i * interval '6 minutes', 3
FROM generate_series(1, 2000) AS i;
-- and the shop's count and stamp, as the projection writes them at the end of the batch (ADR 32)
INSERT INTO review_inbox_shop (shop_id, reviews, stamp)
SELECT '$shop', count(*), nextval('review_inbox_stamp') FROM review_view WHERE shop_id = '$shop'
ON CONFLICT (shop_id) DO UPDATE SET reviews = EXCLUDED.reviews, stamp = EXCLUDED.stamp;
VACUUM ANALYZE review_view; -- as autovacuum leaves a table at rest: counts can use the index alone
SQL

# warm up every path (JIT, pools)
for path in /app.css /v1/me "/v1/shops/$shop/reviews"; do
  wrk -t2 -c16 -d5s -H "Authorization: Bearer $token" "$base$path" >/dev/null
done

# CPU time (clock ticks) of the app's JVM and of this database's PostgreSQL backends: throughput on a shared
# 2-core machine moves with whatever else runs; CPU per request does much less
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
  local sum=0 p
  for p in $(psql -At -h "$pghost" -p "$pgport" -U postgres -d postgres \
      -c "SELECT pid FROM pg_stat_activity WHERE datname = '$db'"); do
    sum=$((sum + $(ticks "$p")))
  done
  echo $sum
}
hz=$(getconf CLK_TCK)

declare -A rps
run() { # label connections path [token]
  local label=$1 conns=$2 path=$3 tok=${4:-} header=() result app0 pg0 app1 pg1 requests
  [ -n "$tok" ] && header=(-H "Authorization: Bearer $tok")
  app0=$(ticks "$pid"); pg0=$(pg_ticks)
  result=$(wrk -t2 -c"$conns" -d"${duration}s" --latency "${header[@]}" "$base$path")
  app1=$(ticks "$pid"); pg1=$(pg_ticks)
  requests=$(echo "$result" | awk '/requests in/ {print $1}')
  rps[$label]=$(echo "$result" | awk '/Requests\/sec/ {print $2}')
  local p99 errors non2xx
  p99=$(echo "$result" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$result" | awk '/Socket errors/ {print $0}' | sed 's/^ *//')
  non2xx=$(echo "$result" | awk '/Non-2xx/ {print $NF}')
  local cpu
  cpu=$(python3 -c "print(f'{1000*($app1-$app0)/$hz/$requests:.2f} + {1000*($pg1-$pg0)/$hz/$requests:.2f}')")
  printf '%-40s %4d conns %9s req/s  p99 %8s  CPU ms/req app + db %s  non-2xx %s %s\n' "$label" "$conns" \
    "${rps[$label]}" "$p99" "$cpu" "${non2xx:-0}" "${errors:-}"
}
ratio() { python3 -c "print(f'{float(\"$1\") / float(\"$2\"):.2f}')"; }

{
  echo "[benchmark] read API, $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), ${duration}s per run"
  run "static asset, no token (anchor)" 64 /app.css
  run "static asset with a token" 64 /app.css "$token"
  run "GET /v1/me" 64 /v1/me "$token"
  run "GET /actuator/health with a token" 64 /actuator/health "$token"
  run "reviews, empty shop" 64 "/v1/shops/$empty_shop/reviews" "$empty_token"
  run "reviews, 2,000 reviews" 64 "/v1/shops/$shop/reviews" "$token"
  run "reviews, 2,000 reviews, 1,000 conns" 1000 "/v1/shops/$shop/reviews" "$token"
  run "GET /v1/me, 1,000 conns" 1000 /v1/me "$token"
  echo "-- 1,000 req/s offered over 1,000 connections (hey -c 1000 -q 1: its workers tick together, so a burst of"
  echo "   1,000 requests at once every second), reviews of the 2,000-review shop:"
  hey -z "${duration}s" -c 1000 -q 1 -H "Authorization: Bearer $token" "$base/v1/shops/$shop/reviews" \
    | grep -E 'Requests/sec|  (50|95|99)%|\[[0-9]{3}\]|Error' | sed 's/^ */   /'
  echo "-- 1,000 req/s offered over 1,000 connections, arrivals evenly spread (bench/paced-load.py), the same list:"
  python3 bench/paced-load.py "$base/v1/shops/$shop/reviews" --connections 1000 --rate 1000 --seconds "$duration" \
    --header "Authorization: Bearer $token"
  echo "-- the same paced load on the static asset without a token (what the machine and the generator add):"
  python3 bench/paced-load.py "$base/app.css" --connections 1000 --rate 1000 --seconds "$duration"
  echo "-- ratios (goal in brackets)"
  echo "   static with token / static:          $(ratio "${rps[static asset with a token]}" "${rps[static asset, no token (anchor)]}")  [>= 0.5]"
  echo "   /v1/me / static:                     $(ratio "${rps[GET /v1/me]}" "${rps[static asset, no token (anchor)]}")  [>= 0.5]"
  echo "   health with token / static:          $(ratio "${rps[GET /actuator/health with a token]}" "${rps[static asset, no token (anchor)]}")  [>= 0.5]"
  echo "   reviews (empty) / /v1/me:            $(ratio "${rps[reviews, empty shop]}" "${rps[GET /v1/me]}")  [>= 0.6]"
  echo "   reviews (2,000) / /v1/me:            $(ratio "${rps[reviews, 2,000 reviews]}" "${rps[GET /v1/me]}")  [>= 0.6]"
  echo "   reviews (2,000) / /v1/me, 1,000 c.:  $(ratio "${rps[reviews, 2,000 reviews, 1,000 conns]}" "${rps[GET /v1/me, 1,000 conns]}")  [>= 0.6]"
  echo "   ERROR lines in the app's log: $(grep -c ' ERROR ' "$data/app.log" || true)"
} | tee "$out"
