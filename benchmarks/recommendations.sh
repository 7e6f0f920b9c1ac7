#!/usr/bin/env bash
# Recommendation benchmark, all on this machine over loopback, every figure from the same run:
#   1. seeds 3,000 anonymous shoppers' sessions through the real ingest API (SeedShoppers);
#   2. end-to-end freshness under a steady background load (FreshnessProbe): view accepted ->
#      the view's co-visited neighbours in the shopper's for-you list, and -> counted in ClickHouse;
#   3. serving latency with the open-loop generator (load-generator), for-you for the seeded
#      shoppers (each request a different shopper) and similar, direct and through the gateway,
#      at each rate in RATES, each after its own warm-up; beside each run, recommendation-service's
#      young collections in the measured 30 s (count, pause p50/max/total, MB allocated per 1,000
#      requests, from its GC log) and the load average, since the machine may be shared.
# The stack runs on its own ports (offset 10000, outside Linux's ephemeral port range) and state
# folder, with full JIT (SHOPVERSE_JAVA_OPTS empty: no -XX:TieredStopAtLevel=1), and is stopped after.
# recommendation-service keeps its own GC settings (./shopverse, docs/recommendations.md#serving);
# the harness only adds a GC log through RECOMMENDATION_JAVA_OPTS.
#
#   benchmarks/recommendations.sh [results-file]     (RATES="1000" BACKGROUND=1000 by default)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RESULTS="${1:-$ROOT/benchmarks/results/recommendations-$(date -u +%F).md}"
RATES="${RATES:-1000}"
BACKGROUND="${BACKGROUND:-1000}"
export SHOPVERSE_HOME="$ROOT/.shopverse-bench" SHOPVERSE_PORT_OFFSET=10000 SHOPVERSE_JAVA_OPTS=""
# Every request comes from 127.0.0.1: the per-IP limits would measure the limiter, not the platform.
export GATEWAY_RATE_LIMIT_ENABLED=false GATEWAY_RATE_LIMIT_AUTH_BURST=100000 GATEWAY_RATE_LIMIT_AUTH_REPLENISH=100000
GATEWAY=http://127.0.0.1:18080
DIRECT=http://127.0.0.1:18085
JAR="$ROOT/load-generator/target/load-generator-0.1.0-SNAPSHOT.jar"
WORK="$(mktemp -d)"
GC_LOG="$SHOPVERSE_HOME/recommendation-gc.log"
export RECOMMENDATION_JAVA_OPTS="-Xlog:gc:file=$GC_LOG:uptime"

rm -rf "$SHOPVERSE_HOME"
mkdir -p "$SHOPVERSE_HOME"
"$ROOT/shopverse" up >/dev/null
trap '"$ROOT/shopverse" down >/dev/null; rm -rf "$WORK"' EXIT

java -cp "$JAR" com.shopverse.loadgen.shop.SeedShoppers http://127.0.0.1:18082 http://127.0.0.1:18084 3000
sleep 5

{
  echo "# Recommendation benchmark"
  echo
  echo "- Date: $(date -u '+%F %H:%M UTC')"
  echo "- Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
  echo "- Command: \`benchmarks/recommendations.sh\` (RATES=\"$RATES\", BACKGROUND=$BACKGROUND), loopback, the local stack"
  echo "  (\`./shopverse up\`, full JIT) seeded with 3,000 shoppers' sessions (~24,000 events); generators on the same 2 cores."
  echo
  echo "## Freshness"
  echo
} >"$RESULTS"
java -cp "$JAR" com.shopverse.loadgen.shop.FreshnessProbe --gateway $GATEWAY --recommendations $DIRECT \
  --ingest http://127.0.0.1:18084 --clickhouse http://127.0.0.1:18123 \
  --rate 2 --duration 60s --background "$BACKGROUND" --out "$RESULTS"

# Let the job drain the probe's background load first: serving is measured on a settled stack.
last=-1
for _ in $(seq 1 60); do
  now="$(curl -s "http://127.0.0.1:18123/?database=shopverse" --data-binary 'SELECT count() FROM interactions')"
  [[ "$now" == "$last" ]] && break
  last="$now"
  sleep 5
done

{
  echo
  echo "## Serving latency (open loop; latency from each request's intended start)"
  echo
} >>"$RESULTS"
for i in $(seq 0 2999); do
  printf '%s/api/recommendations/for-you?limit=10&n=%s\tX-Anonymous-Id: seed-%s\n' "$DIRECT" "$i" "$i"
done >"$WORK/for-you-direct.txt"
sed "s#$DIRECT#$GATEWAY#" "$WORK/for-you-direct.txt" >"$WORK/for-you-gateway.txt"
for i in $(seq 1 360); do printf '%s/api/recommendations/similar/P%05d\n' "$DIRECT" "$i"; done >"$WORK/similar-direct.txt"
# recommendation-service's young collections between two line counts of its GC log: count, pause
# p50/max/total, and MB allocated per 1,000 requests (eden filled between collections).
gc_summary() {
  sed -n "$(($1 + 1)),$2p" "$GC_LOG" | awk -v requests="$3" '
    /Pause/ && match($0, /[0-9]+M->[0-9]+M\([0-9]+M\) [0-9.]+ms/) {
      split(substr($0, RSTART, RLENGTH), f, /M->|M\(|M\) |ms/)
      if (n > 0) alloc += f[1] - after
      after = f[2]; pause[++n] = f[4]; total += f[4]; if ($0 ~ /Full/) full++
    }
    END {
      if (n == 0) { print "- recommendation-service GC: no collection in the measured window"; exit }
      for (i = 2; i <= n; i++) { v = pause[i]; for (j = i - 1; j > 0 && pause[j] > v; j--) pause[j + 1] = pause[j]; pause[j + 1] = v }
      printf "- recommendation-service GC in the measured window: %d collections (%d full), pause p50 %.1f ms, max %.1f ms, total %.0f ms", n, full, pause[int((n + 1) / 2)], pause[n], total
      if (n > 1 && requests > 0) printf "; ~%.0f MB allocated per 1,000 requests", alloc * 1000 / requests * (n / (n - 1))
      print ""
    }'
}

for rate in $RATES; do
  for list in for-you-direct for-you-gateway similar-direct; do
    # Warm-up run, not recorded: JIT, connections, caches.
    java -jar "$JAR" --rate "$rate" --warmup 5s --duration 20s --urls-file "$WORK/$list.txt" --seed 2 \
      --expect-status 200 --max-error-rate 100 --label warm-up >/dev/null || true
    before="$(wc -l <"$GC_LOG")"
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    java -jar "$JAR" --rate "$rate" --warmup 5s --duration 30s --urls-file "$WORK/$list.txt" --seed 1 \
      --expect-status 200 --max-error-rate 100 --label "$list at $rate req/s" --out "$RESULTS" | tail -4 || true
    after="$(wc -l <"$GC_LOG")"
    sent="$(grep '^| [0-9]' "$RESULTS" | tail -1 | awk -F'|' '{gsub(/ /, "", $4); print $4}')"
    {
      echo "- Load average (1, 5, 15 min) when the run started: $load"
      gc_summary "$before" "$after" "$((sent * 35 / 30))"
      echo
    } >>"$RESULTS"
  done
done
echo "Results written to $RESULTS"
