#!/usr/bin/env bash
# Recommendation benchmark, all on this machine over loopback, every figure from the same run:
#   1. seeds 3,000 anonymous shoppers' sessions through the real ingest API (SeedShoppers);
#   2. end-to-end freshness under a steady background load (FreshnessProbe): view accepted ->
#      the view's co-visited neighbours in the shopper's for-you list, and -> counted in ClickHouse;
#   3. serving latency with the open-loop generator (load-generator), for-you for the seeded
#      shoppers (each request a different shopper) and similar, direct and through the gateway,
#      at each rate in RATES, each after its own warm-up; beside each run, recommendation-service's
#      young collections in the measured 30 s (count, pause p50/max/total, MB allocated per 1,000
#      requests, from its GC log) and the load average, since the machine may be shared;
#   4. peak requests/s: an open-loop step ramp (PEAK_RATES, each step PEAK_STEP long after a 5 s
#      warm-up, the ramp after a 20 s warm-up run at its first rate) of for-you through the gateway and direct; the peak is the highest step whose p99
#      stays under the target (PEAK_P99_GATEWAY_MS=15, PEAK_P99_DIRECT_MS=5) with 0 errors. A ramp
#      stops at its first failing step, so it is bounded by the number of steps.
# PARTS="freshness serving peak" (default: all three) runs a subset, e.g. PARTS=peak. Before serving
# and peak, an unrecorded JIT warm-up (JIT_WARMUP=120s at JIT_WARMUP_RATE=500 req/s through the gateway).
# GATEWAY_GC_LOG=true (default) gives the gateway a GC log too, summarised beside each gateway run.
# The stack runs on its own ports (offset 10000, outside Linux's ephemeral port range) and state
# folder, with full JIT (SHOPVERSE_JAVA_OPTS empty: no -XX:TieredStopAtLevel=1), and is stopped after.
# recommendation-service keeps its own GC settings (./shopverse, docs/recommendations.md#serving);
# the harness only adds a GC log through RECOMMENDATION_JAVA_OPTS.
#
#   benchmarks/recommendations.sh [results-file]     (RATES="1000" BACKGROUND=1000 by default)
# Results are appended to the file (a second run the same day adds to that day's file).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RESULTS="${1:-$ROOT/benchmarks/results/recommendations-$(date -u +%F).md}"
RATES="${RATES:-1000}"
BACKGROUND="${BACKGROUND:-1000}"
PARTS="${PARTS:-freshness serving peak}"
PEAK_RATES="${PEAK_RATES:-500 1000 1500 2000 3000 4000 6000}"
PEAK_STEP="${PEAK_STEP:-15s}"
PEAK_P99_GATEWAY_MS="${PEAK_P99_GATEWAY_MS:-15}"
PEAK_P99_DIRECT_MS="${PEAK_P99_DIRECT_MS:-5}"
GATEWAY_GC_LOG="${GATEWAY_GC_LOG:-true}"
# The gateway's C2 compiler needs about 80 s of traffic to settle: measured 2026-12-02 at 500 and
# 1,000 req/s, it took 0.3-0.85 ms of JIT CPU per request for the first 60-80 s, and a gateway
# measured after a 20 s warm-up starved for CPU and collapsed (requests queued 2 s, 13-45 % errors;
# benchmarks/results/recommendations-2026-12-02.md). Serving and peak parts start after this.
JIT_WARMUP="${JIT_WARMUP:-120s}"
JIT_WARMUP_RATE="${JIT_WARMUP_RATE:-500}"
export SHOPVERSE_HOME="$ROOT/.shopverse-bench" SHOPVERSE_PORT_OFFSET=10000 SHOPVERSE_JAVA_OPTS=""
# Every request comes from 127.0.0.1: the per-IP limits would measure the limiter, not the platform.
export GATEWAY_RATE_LIMIT_ENABLED=false GATEWAY_RATE_LIMIT_AUTH_BURST=100000 GATEWAY_RATE_LIMIT_AUTH_REPLENISH=100000
GATEWAY=http://127.0.0.1:18080
DIRECT=http://127.0.0.1:18085
JAR="$ROOT/load-generator/target/load-generator-0.1.0-SNAPSHOT.jar"
WORK="$(mktemp -d)"
GC_LOG="$SHOPVERSE_HOME/recommendation-gc.log"
export RECOMMENDATION_JAVA_OPTS="-Xlog:gc:file=$GC_LOG:uptime"
GATEWAY_GC="$SHOPVERSE_HOME/gateway-gc.log"
if [[ "$GATEWAY_GC_LOG" == true ]]; then
  export GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:-} -Xlog:gc:file=$GATEWAY_GC:uptime"
fi
has_part() { [[ " $PARTS " == *" $1 "* ]]; }

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
  echo "- Command: \`benchmarks/recommendations.sh\` (PARTS=\"$PARTS\", RATES=\"$RATES\", BACKGROUND=$BACKGROUND), loopback, the local stack"
  echo "  (\`./shopverse up\`, full JIT) seeded with 3,000 shoppers' sessions (~24,000 events); generators on the same 2 cores."
  echo
} >>"$RESULTS"
if has_part freshness; then
  printf '## Freshness\n\n' >>"$RESULTS"
  java -cp "$JAR" com.shopverse.loadgen.shop.FreshnessProbe --gateway $GATEWAY --recommendations $DIRECT \
    --ingest http://127.0.0.1:18084 --clickhouse http://127.0.0.1:18123 \
    --rate 2 --duration 60s --background "$BACKGROUND" --out "$RESULTS"
fi

# Let the job drain the probe's background load first: serving is measured on a settled stack.
last=-1
for _ in $(seq 1 60); do
  now="$(curl -s "http://127.0.0.1:18123/?database=shopverse" --data-binary 'SELECT count() FROM interactions')"
  [[ "$now" == "$last" ]] && break
  last="$now"
  sleep 5
done

for i in $(seq 0 2999); do
  printf '%s/api/recommendations/for-you?limit=10&n=%s\tX-Anonymous-Id: seed-%s\n' "$DIRECT" "$i" "$i"
done >"$WORK/for-you-direct.txt"
sed "s#$DIRECT#$GATEWAY#" "$WORK/for-you-direct.txt" >"$WORK/for-you-gateway.txt"
for i in $(seq 1 360); do printf '%s/api/recommendations/similar/P%05d\n' "$DIRECT" "$i"; done >"$WORK/similar-direct.txt"
# recommendation-service's young collections between two line counts of its GC log: count, pause
# p50/max/total, and MB allocated per 1,000 requests (eden filled between collections).
gc_summary() {
  sed -n "$(($1 + 1)),$2p" "${4:-$GC_LOG}" | awk -v requests="$3" -v name="${5:-recommendation-service}" '
    /Pause/ && match($0, /[0-9]+M->[0-9]+M\([0-9]+M\) [0-9.]+ms/) {
      split(substr($0, RSTART, RLENGTH), f, /M->|M\(|M\) |ms/)
      if (n > 0) alloc += f[1] - after
      after = f[2]; pause[++n] = f[4]; total += f[4]; if ($0 ~ /Full/) full++
    }
    END {
      if (n == 0) { print "- " name " GC: no collection in the measured window"; exit }
      for (i = 2; i <= n; i++) { v = pause[i]; for (j = i - 1; j > 0 && pause[j] > v; j--) pause[j + 1] = pause[j]; pause[j + 1] = v }
      printf "- " name " GC in the measured window: %d collections (%d full), pause p50 %.1f ms, max %.1f ms, total %.0f ms", n, full, pause[int((n + 1) / 2)], pause[n], total
      if (n > 1 && requests > 0) printf "; ~%.0f MB allocated per 1,000 requests", alloc * 1000 / requests * (n / (n - 1))
      print ""
    }'
}

gc_lines() { if [[ -f "$1" ]]; then wc -l <"$1"; else echo 0; fi; }
# shellcheck source=lib/thread-cpu.sh
source "$ROOT/benchmarks/lib/thread-cpu.sh"
if has_part serving || has_part peak; then
  # Through the gateway, so both the gateway and recommendation-service compile; not recorded.
  java -jar "$JAR" --rate "$JIT_WARMUP_RATE" --warmup 5s --duration "$JIT_WARMUP" --urls-file "$WORK/for-you-gateway.txt" \
    --seed 4 --expect-status 200 --max-error-rate 100 --label jit-warm-up >/dev/null || true
  gw_pid="$(pgrep -f 'gateway-service-0.1.0-SNAPSHOT.jar' | head -1)"
  read -r jit_before _ < <(thread_ticks "$gw_pid")
  sleep 10
  read -r jit_after _ < <(thread_ticks "$gw_pid")
  {
    echo "- JIT warm-up: for-you through the gateway at $JIT_WARMUP_RATE req/s for $JIT_WARMUP (not recorded); the"
    echo "  gateway's compiler threads then used $((jit_after - jit_before)) ms of CPU per second (10 s, idle)."
    echo
  } >>"$RESULTS"
fi
if has_part serving; then
printf '\n## Serving latency (open loop; latency from each request%ss intended start)\n\n' "'" >>"$RESULTS"
for rate in $RATES; do
  for list in for-you-direct for-you-gateway similar-direct; do
    # Warm-up run, not recorded: JIT, connections, caches.
    java -jar "$JAR" --rate "$rate" --warmup 5s --duration 20s --urls-file "$WORK/$list.txt" --seed 2 \
      --expect-status 200 --max-error-rate 100 --label warm-up >/dev/null || true
    before="$(wc -l <"$GC_LOG")"
    gw_before="$(gc_lines "$GATEWAY_GC")"
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    java -jar "$JAR" --rate "$rate" --warmup 5s --duration 30s --urls-file "$WORK/$list.txt" --seed 1 \
      --expect-status 200 --max-error-rate 100 --label "$list at $rate req/s" --out "$RESULTS" | tail -4 || true
    after="$(wc -l <"$GC_LOG")"
    gw_after="$(gc_lines "$GATEWAY_GC")"
    sent="$(grep '^| [0-9]' "$RESULTS" | tail -1 | awk -F'|' '{gsub(/ /, "", $4); print $4}')"
    {
      echo "- Load average (1, 5, 15 min) when the run started: $load"
      gc_summary "$before" "$after" "$((sent * 35 / 30))"
      if [[ "$list" == *gateway* && -f "$GATEWAY_GC" ]]; then
        gc_summary "$gw_before" "$gw_after" "$((sent * 35 / 30))" "$GATEWAY_GC" gateway-service
      fi
      echo
    } >>"$RESULTS"
  done
done
fi

# Peak requests/s: step up the rate until p99 passes the target or a request fails; one line per
# step and the highest passing rate per target. Each step gets its own warm-up at its own rate.
if has_part peak; then
  {
    echo
    echo "## Peak requests/s (open-loop step ramp, for-you; PEAK_RATES=\"$PEAK_RATES\", $PEAK_STEP per step)"
    echo
    echo "| Target | Step req/s | Achieved req/s | Errors | p50 ms | p99 ms | p99 target ms | Pass | Load (1 min) | gateway GC (collections, total pause ms) |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|---:|---|"
  } >>"$RESULTS"
  peaks=""
  for target in gateway direct; do
    limit="$PEAK_P99_DIRECT_MS"
    [[ "$target" == gateway ]] && limit="$PEAK_P99_GATEWAY_MS"
    peak=0
    # Unrecorded warm-up at the first step's rate, as before each serving run: JIT, connections.
    java -jar "$JAR" --rate "${PEAK_RATES%% *}" --warmup 5s --duration 20s --urls-file "$WORK/for-you-$target.txt" \
      --seed 2 --expect-status 200 --max-error-rate 100 --label warm-up >/dev/null || true
    for rate in $PEAK_RATES; do
      step="$WORK/peak-$target-$rate.md"
      gw_before="$(gc_lines "$GATEWAY_GC")"
      load="$(cut -d' ' -f1 /proc/loadavg)"
      java -jar "$JAR" --rate "$rate" --warmup 5s --duration "$PEAK_STEP" --urls-file "$WORK/for-you-$target.txt" \
        --seed 3 --expect-status 200 --max-error-rate 100 \
        --label "peak step: for-you-$target at $rate req/s" --out "$step" >/dev/null || true
      gw_after="$(gc_lines "$GATEWAY_GC")"
      gc="-"
      if [[ "$target" == gateway && -f "$GATEWAY_GC" ]]; then
        gc="$(sed -n "$((gw_before + 1)),${gw_after}p" "$GATEWAY_GC" | awk '/Pause/ && match($0, /[0-9.]+ms$/) { n++; t += substr($0, RSTART, RLENGTH - 2) } END { printf "%d, %.0f", n, t }')"
      fi
      # | target | achieved | sent | ok | errors "n (x %)" | p50 | p90 | p99 | p99.9 | max |
      row="$(grep '^| [0-9]' "$step" | tail -1)"
      achieved="$(awk -F'|' '{gsub(/ /, "", $3); print $3}' <<<"$row")"
      errors="$(awk -F'|' '{split($6, e, " "); print e[1]}' <<<"$row")"
      p50="$(awk -F'|' '{gsub(/ /, "", $7); print $7}' <<<"$row")"
      p99="$(awk -F'|' '{gsub(/ /, "", $9); print $9}' <<<"$row")"
      pass=no
      if [[ -n "$p99" && "$errors" == 0 ]] && awk -v p="$p99" -v l="$limit" 'BEGIN { exit !(p <= l) }'; then
        pass=yes
      fi
      echo "| for-you-$target | $rate | ${achieved:--} | ${errors:--} | ${p50:--} | ${p99:--} | $limit | $pass | $load | $gc |" >>"$RESULTS"
      if [[ "$pass" != yes ]]; then
        peaks="$peaks- for-you-$target at $rate req/s: $(grep -m1 '^- Errors:' "$step" || echo '- Errors: (no report)')"$'\n'
      fi
      [[ "$pass" == yes ]] || break
      peak="$rate"
    done
    peaks="$peaks- Peak for-you-$target: **$peak req/s** (highest step with p99 <= $limit ms and 0 errors; 0 = not even the first step)"$'\n'
  done
  printf '\n%s' "$peaks" >>"$RESULTS"
fi
echo "Results written to $RESULTS"
