#!/usr/bin/env bash
# Gateway security benchmark, all on this machine over loopback, every figure from the same run:
#   (a) a trivial Reactor Netty backend, wrk direct;
#   (b) the gateway with security off (shopverse.gateway.security.enabled=false: no security filter
#       at all; a switch for this benchmark only) in front of it;
#   (c) the gateway with full RS256 validation and the verified-token cache, every request with a
#       valid bearer token (TOKENS distinct ones, round-robin);
#   (p) the same secured gateway on a public route without a token (the security chain minus the
#       token), to see where the cost is;
#   (s) plain Spring Cloud Gateway (benchmarks/plain-gateway: the framework as it comes, one route,
#       no security, actuator or tracing), the reference for what the framework itself costs here;
#   (o) the secured gateway of (c) with tracing and the per-request metrics off (no spans, no
#       http_server/http_client/spring_cloud_gateway request metrics): the cost of observability,
#       for issue 7;
#   (d) the gateway's added p99 at half of (c)'s peak, open loop (load-generator): gateway minus direct;
#   (e) RS256 verifications per second on one core (JMH, Nimbus RSASSAVerifier), and a SHA-256 of a token.
# Every wrk run sends the same requests (with the Authorization header) to every target. After a warm-up,
# the (a)(b)(c)(p) ladder runs RUNS times (default 3); medians and ratios go to the results file.
# Full JIT; the script starts its own processes on ports 47001-47004 (47004: a private redis-server
# for the login/register/token limits, which stay on; general rate limiting is off so one loopback
# client is not throttled) and stops exactly those.
# GATEWAY_ENV="NAME=value ..." passes extra settings to both gateways (they go into the results file);
# GATEWAY_JAVA_OPTS adds JVM options (e.g. a JFR recording) to both.
#
#   benchmarks/gateway.sh [results-file]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RESULTS="${1:-$ROOT/benchmarks/results/gateway-$(date -u +%F).md}"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-30s}"   # per gateway: with full JIT on 2 shared cores, 10 s was still compiling
# BENCH_NICE=-10 runs every process of the benchmark at that priority (root only): on a machine
# shared with builds, the figures are otherwise the scheduler's. Default: no change.
BENCH_NICE="${BENCH_NICE:-0}"
TOKENS="${TOKENS:-300}"
CONNECTIONS="${CONNECTIONS:-64}"
BACKEND_PORT=47001 OFF_PORT=47002 ON_PORT=47003 REDIS_PORT=47004 PLAIN_PORT=47005 NOOBS_PORT=47006
GATEWAY_ENV="${GATEWAY_ENV:-}"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:-}"
REDIS_SERVER="${REDIS_SERVER:-/usr/bin/redis-server}"
WORK="$ROOT/gateway-service/target/bench"
GATEWAY_JAR="$ROOT/gateway-service/target/gateway-service-0.1.0-SNAPSHOT.jar"
LOADGEN_JAR="$ROOT/load-generator/target/load-generator-0.1.0-SNAPSHOT.jar"
PATH_UNDER_TEST=/api/orders

if [[ "$BENCH_NICE" != 0 ]]; then renice -n "$BENCH_NICE" -p $$ >/dev/null; fi
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
for port in $BACKEND_PORT $OFF_PORT $ON_PORT $REDIS_PORT $PLAIN_PORT $NOOBS_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is taken" >&2; exit 1; fi
done

echo "building the gateway, its test classes and the load generator..."
# clean and -am: a plain package kept a stale library inside the gateway's boot jar when only an
# upstream module (service-defaults) had changed, so the figures would have been the old code's.
(cd "$ROOT" && ./mvnw -B -q -pl gateway-service,load-generator -am clean package -DskipTests \
  && ./mvnw -B -q -pl gateway-service dependency:build-classpath -Dmdep.includeScope=test \
       -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null \
  && ./mvnw -B -q -f benchmarks/plain-gateway/pom.xml package)
PLAIN_JAR="$ROOT/benchmarks/plain-gateway/target/plain-gateway-0.1.0-SNAPSHOT.jar"
CP="$ROOT/gateway-service/target/test-classes:$ROOT/gateway-service/target/classes:$(cat "$WORK/classpath.txt")"

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap stop_all EXIT

rm -f "$WORK/ready" "$WORK/tokens.txt" "$WORK/jwks-uri"
# Redis for the credential-endpoint limits (the gateway's health includes Redis): in memory only.
"$REDIS_SERVER" --port $REDIS_PORT --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
  >"$WORK/redis.log" 2>&1 &
pids+=($!)
# Fixtures: backend + JWKS issuer + tokens; they end by themselves after 30 minutes at the latest.
java -cp "$CP" com.shopverse.gateway.bench.BenchFixtures $BACKEND_PORT "$WORK" "$TOKENS" 1800 \
  >"$WORK/fixtures.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do [[ -f "$WORK/ready" ]] && break; sleep 0.5; done
[[ -f "$WORK/ready" ]] || { echo "fixtures did not start: $WORK/fixtures.log" >&2; exit 1; }
JWKS_URI="$(cat "$WORK/jwks-uri")"
BACKEND="http://127.0.0.1:$BACKEND_PORT"

start_gateway() { # port, security-enabled, [extra JVM options]
  # shellcheck disable=SC2086 # GATEWAY_ENV and GATEWAY_JAVA_OPTS are lists of words
  env GATEWAY_PORT="$1" GATEWAY_SECURITY_ENABLED="$2" AUTH_JWKS_URI="$JWKS_URI" LOG_LEVEL=WARN \
    AUTH_URL="$BACKEND" CATALOG_URL="$BACKEND" ORDER_URL="$BACKEND" INGEST_URL="$BACKEND" \
    RECOMMENDATION_URL="$BACKEND" REDIS_HOST=127.0.0.1 REDIS_PORT=$REDIS_PORT \
    GATEWAY_RATE_LIMIT_ENABLED=false $GATEWAY_ENV \
    java ${GATEWAY_JAVA_OPTS//@PORT@/$1} ${3:-} -jar "$GATEWAY_JAR" >"$WORK/gateway-$1.log" 2>&1 &
  pids+=($!)
}
start_gateway $OFF_PORT false
start_gateway $ON_PORT true
# Observability off: no tracing, the WebFlux server and gateway client observations (their spans
# and the http_server/http_client request metrics) and the gateway's per-route metrics filter
# disabled; JVM, rate-limit, breaker and other metrics stay.
start_gateway $NOOBS_PORT true "-Dmanagement.tracing.enabled=false -Dmanagement.observations.enable.http=false \
  -Dspring.cloud.gateway.server.webflux.observability.enabled=false -Dspring.cloud.gateway.server.webflux.metrics.enabled=false"
PLAIN_GATEWAY_PORT=$PLAIN_PORT BACKEND_URL="$BACKEND" java -jar "$PLAIN_JAR" >"$WORK/plain-gateway.log" 2>&1 &
pids+=($!)
# The plain gateway has no actuator: it is ready when it proxies.
for url in "http://127.0.0.1:$OFF_PORT/actuator/health" "http://127.0.0.1:$ON_PORT/actuator/health" \
  "http://127.0.0.1:$NOOBS_PORT/actuator/health" "http://127.0.0.1:$PLAIN_PORT$PATH_UNDER_TEST"; do
  for _ in $(seq 1 180); do
    curl -sf "$url" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -sf "$url" >/dev/null || { echo "not ready: $url" >&2; exit 1; }
done

TOKEN="$(head -1 "$WORK/tokens.txt")"
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
# The secured gateway must refuse what it should, or the figures mean nothing.
[[ "$(status -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$ON_PORT$PATH_UNDER_TEST")" == 200 ]]
[[ "$(status "http://127.0.0.1:$ON_PORT$PATH_UNDER_TEST")" == 401 ]]
[[ "$(status -H "Authorization: Bearer ${TOKEN}AAAA" "http://127.0.0.1:$ON_PORT$PATH_UNDER_TEST")" == 401 ]]
[[ "$(status "http://127.0.0.1:$OFF_PORT$PATH_UNDER_TEST")" == 200 ]]
[[ "$(status "http://127.0.0.1:$NOOBS_PORT$PATH_UNDER_TEST")" == 401 ]]

export TOKENS_FILE="$WORK/tokens.txt"
bench() { # url -> requests/s
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/benchmarks/bearer.lua" "$1" \
    | awk '/Requests\/sec/ {printf "%.0f", $2}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "warm-up ($WARMUP per gateway target)..."
wrk -t2 -c"$CONNECTIONS" -d5s -s "$ROOT/benchmarks/bearer.lua" "$BACKEND$PATH_UNDER_TEST" >/dev/null
for url in "http://127.0.0.1:$OFF_PORT$PATH_UNDER_TEST" "http://127.0.0.1:$ON_PORT$PATH_UNDER_TEST" \
  "http://127.0.0.1:$ON_PORT/api/catalog/products" "http://127.0.0.1:$NOOBS_PORT$PATH_UNDER_TEST" \
  "http://127.0.0.1:$PLAIN_PORT$PATH_UNDER_TEST"; do
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$ROOT/benchmarks/bearer.lua" "$url" >/dev/null
done
# The public-route run carries no token: a variant of the script without the header.
sed 's/{ \["Authorization"\] = "Bearer " .. line }/{}/' "$ROOT/benchmarks/bearer.lua" >"$WORK/anonymous.lua"
anonymous() {
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$WORK/anonymous.lua" "$1" | awk '/Requests\/sec/ {printf "%.0f", $2}'
}

direct=() off=() on=() public=() plain=() noobs=()
for run in $(seq 1 "$RUNS"); do
  direct+=("$(bench "$BACKEND$PATH_UNDER_TEST")")
  off+=("$(bench "http://127.0.0.1:$OFF_PORT$PATH_UNDER_TEST")")
  on+=("$(bench "http://127.0.0.1:$ON_PORT$PATH_UNDER_TEST")")
  public+=("$(anonymous "http://127.0.0.1:$ON_PORT/api/catalog/products")")
  plain+=("$(bench "http://127.0.0.1:$PLAIN_PORT$PATH_UNDER_TEST")")
  noobs+=("$(bench "http://127.0.0.1:$NOOBS_PORT$PATH_UNDER_TEST")")
  echo "run $run: direct ${direct[-1]}, security off ${off[-1]}, RS256 + cache ${on[-1]}, public route ${public[-1]}," \
    "plain SCG ${plain[-1]}, RS256 without observability ${noobs[-1]} requests/s"
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
m_direct="$(printf '%s\n' "${direct[@]}" | median)"
m_off="$(printf '%s\n' "${off[@]}" | median)"
m_on="$(printf '%s\n' "${on[@]}" | median)"
m_public="$(printf '%s\n' "${public[@]}" | median)"
m_plain="$(printf '%s\n' "${plain[@]}" | median)"
m_noobs="$(printf '%s\n' "${noobs[@]}" | median)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
on_off="$(ratio "$m_on" "$m_off")" on_direct="$(ratio "$m_on" "$m_direct")" off_direct="$(ratio "$m_off" "$m_direct")"
public_off="$(ratio "$m_public" "$m_off")"
plain_direct="$(ratio "$m_plain" "$m_direct")" on_plain="$(ratio "$m_on" "$m_plain")" on_noobs="$(ratio "$m_on" "$m_noobs")"

# (d) Open loop at half of the secured gateway's peak: the same rate direct and through the gateway.
RATE=$(( m_on / 2 ))
openloop() { # url, out
  java -jar "$LOADGEN_JAR" --rate "$RATE" --duration "$DURATION" --warmup 5s --connections "$CONNECTIONS" \
    --header "Authorization: Bearer $TOKEN" --url "$1" --out "$2" --max-error-rate 100 >/dev/null
}
rm -f "$WORK"/openloop-*.json
openloop "$BACKEND$PATH_UNDER_TEST" "$WORK/openloop-direct.json"
openloop "http://127.0.0.1:$ON_PORT$PATH_UNDER_TEST" "$WORK/openloop-gateway.json"
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {}, d))' "$@"; }
p99_direct="$(field "$WORK/openloop-direct.json" 'latencyMs["p99"]')"
p99_gateway="$(field "$WORK/openloop-gateway.json" 'latencyMs["p99"]')"
p50_direct="$(field "$WORK/openloop-direct.json" 'latencyMs["p50"]')"
p50_gateway="$(field "$WORK/openloop-gateway.json" 'latencyMs["p50"]')"
achieved="$(field "$WORK/openloop-gateway.json" 'round(achievedRate)')"
errors="$(field "$WORK/openloop-gateway.json" 'errors')"
added_p99="$(awk -v g="$p99_gateway" -v d="$p99_direct" 'BEGIN {printf "%.2f", g - d}')"
stop_all

# (e) JMH, bounded: 1 fork, 3 x 2 s warm-up, 5 x 2 s measured, one thread (one core).
echo "JMH..."
java -cp "$CP" org.openjdk.jmh.Main RsaVerifyBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 \
  -rf csv -rff "$WORK/jmh.csv" >"$WORK/jmh.log" 2>&1
jmh() { awk -F, -v b="$1" '$1 ~ b {gsub(/"/, "", $5); gsub(/"/, "", $6); printf "%.0f ± %.0f", $5, $6}' "$WORK/jmh.csv"; }
verify_per_s="$(jmh rs256Verify)" sha_per_s="$(jmh sha256OfToken)"

mkdir -p "$(dirname "$RESULTS")"
cat >"$RESULTS" <<RESULT
# Gateway security benchmark

- Date: $(date -u '+%F %H:%M UTC')
- Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)
- Load average before / after the ladder (the machine is shared with other builds): $LOAD_BEFORE / $LOAD_AFTER;
  benchmark processes at nice $BENCH_NICE
- Command: \`benchmarks/gateway.sh\` (RUNS=$RUNS, DURATION=$DURATION after a $WARMUP warm-up per gateway target,
  wrk -t2 -c$CONNECTIONS, $TOKENS distinct RS256 tokens round-robin, GET $PATH_UNDER_TEST), loopback;
  backend, gateways and wrk on the same $(nproc) cores; gateways with full JIT and their default
  settings (application.yml + shopverse-defaults.yml) except: GATEWAY_RATE_LIMIT_ENABLED=false (general
  traffic not limited; login/register/token limits on, Redis on :$REDIS_PORT), LOG_LEVEL=WARN${GATEWAY_ENV:+, $GATEWAY_ENV}

| Run | (a) Direct | (b) Gateway, security off | (c) Gateway, RS256 + cache | (p) Gateway, security on, public route, no token | (s) Plain Spring Cloud Gateway | (o) (c) without tracing and per-request metrics |
|---|---|---|---|---|---|---|
$(for i in "${!direct[@]}"; do echo "| $((i + 1)) | ${direct[$i]} | ${off[$i]} | ${on[$i]} | ${public[$i]} | ${plain[$i]} | ${noobs[$i]} |"; done)
| **Median (requests/s)** | **$m_direct** | **$m_off** | **$m_on** | **$m_public** | **$m_plain** | **$m_noobs** |

- (c) ÷ (b), same run: **$on_off** (target ≥ 0.8)
- (c) ÷ (a), same run: **$on_direct** (target ≥ 0.25)
- (b) ÷ (a), the gateway itself: $off_direct; (p) ÷ (b), the security chain without a token: $public_off
- (s) ÷ (a), Spring Cloud Gateway as it comes: $plain_direct; (c) ÷ (s), the whole secured gateway against it: $on_plain
- (c) ÷ (o), what tracing and the per-request metrics leave of the secured gateway's throughput: $on_noobs

## (d) Added latency at half of the secured gateway's peak (open loop)

load-generator at $RATE requests/s ($DURATION after 5 s warm-up, $CONNECTIONS connections, one valid token):

| Target | Achieved req/s | p50 ms | p99 ms |
|---|---|---|---|
| Direct | $(field "$WORK/openloop-direct.json" 'round(achievedRate)') | $p50_direct | $p99_direct |
| Gateway, RS256 + cache | $achieved (errors: $errors) | $p50_gateway | $p99_gateway |

- The gateway's added p99: **$added_p99 ms**

## (e) RS256 on one core (JMH)

\`java -cp <gateway test classpath> org.openjdk.jmh.Main RsaVerifyBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1\`

| Benchmark | Operations/s (one thread) |
|---|---|
| Nimbus RSASSAVerifier, RS256, 2048-bit key | $verify_per_s |
| SHA-256 of the whole token (a cache hit's cost) | $sha_per_s |
RESULT
echo "Results written to $RESULTS"
cat "$RESULTS"
