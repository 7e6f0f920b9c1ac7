#!/usr/bin/env bash
# How a freshly started gateway's cost per request falls as its JIT settles. Needs the benchmark
# stack up (SHOPVERSE_HOME=.shopverse-bench SHOPVERSE_PORT_OFFSET=10000 ./shopverse up, shoppers
# seeded as benchmarks/recommendations.sh does). Starts a second gateway on :19080 with the running
# gateway's environment (general rate limit off, heap as ./shopverse gives it), sends for-you at RATE
# req/s in WINDOWS windows of 20 s (open loop), and prints per window the CPU per request of its
# compiler threads (C1/C2) and of everything else, with the window's latency. Stops its gateway.
#
#   benchmarks/gateway-jit.sh RATE WINDOWS [ENV=VALUE ...]      e.g. benchmarks/gateway-jit.sh 500 8
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
rate="$1" windows="$2"; shift 2
JAR="$ROOT/load-generator/target/load-generator-0.1.0-SNAPSHOT.jar"
WORK="$(mktemp -d)"
running="$(pgrep -f 'gateway-service-0.1.0-SNAPSHOT.jar' | head -1)" || { echo "no gateway running: start the stack first" >&2; exit 1; }
# shellcheck disable=SC2046 # one word per variable on purpose
env $(tr '\0' '\n' <"/proc/$running/environ" | grep -E '^[A-Z_]+=' | grep -v '^GATEWAY_PORT=') \
  GATEWAY_PORT=19080 GATEWAY_RATE_LIMIT_ENABLED=false "$@" \
  java -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m \
  -Xms384m -Xmx384m -Xmn160m -XX:MaxTenuringThreshold=1 \
  -jar "$ROOT/gateway-service/target/gateway-service-0.1.0-SNAPSHOT.jar" >"$WORK/gateway.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 90); do curl -sf -o /dev/null http://127.0.0.1:19080/actuator/health && break; sleep 1; done
for i in $(seq 0 2999); do
  printf 'http://127.0.0.1:19080/api/recommendations/for-you?limit=10&n=%s\tX-Anonymous-Id: seed-%s\n' "$i" "$i"
done >"$WORK/urls.txt"
# shellcheck source=lib/thread-cpu.sh
source "$ROOT/benchmarks/lib/thread-cpu.sh"
per_request() { awk -v a="$1" -v b="$2" -v r="$rate" 'BEGIN { printf "%.3f", (b - a) * 10 / (r * 20) }'; }
echo "| Window (20 s) | JIT CPU ms/request | other CPU ms/request | p50 ms | p99 ms | errors |"
echo "|---:|---:|---:|---:|---:|---:|"
for w in $(seq 1 "$windows"); do
  read -r j0 o0 < <(thread_ticks "$pid")
  java -jar "$JAR" --rate "$rate" --warmup 0s --duration 20s --urls-file "$WORK/urls.txt" --seed "$w" \
    --expect-status 200 --max-error-rate 100 --label "window $w" >"$WORK/window.txt" 2>&1 || true
  read -r j1 o1 < <(thread_ticks "$pid")
  p50="$(grep -o 'p50 [0-9.]*' "$WORK/window.txt" | head -1 | cut -d' ' -f2)"
  p99="$(grep -o 'p99 [0-9.]*' "$WORK/window.txt" | head -1 | cut -d' ' -f2)"
  errors="$(grep -o 'errors [0-9]*' "$WORK/window.txt" | head -1 | cut -d' ' -f2)"
  echo "| $w | $(per_request "$j0" "$j1") | $(per_request "$o0" "$o1") | $p50 | $p99 | $errors |"
done
