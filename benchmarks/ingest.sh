#!/usr/bin/env bash
# Ingest benchmark, all on this machine over loopback, every figure from the same run:
#   1. raw Kafka producer (Apache Kafka's ProducerPerformance: 200-byte records, acks=all,
#      idempotent, lz4, linger 5 ms) into the stack's broker - the ceiling;
#   2. durable batch ingest: wrk posting 500-event batches straight to event-ingest-service;
#   3. single-event POST through the gateway (anonymous shopper, so no token).
# After a warm-up, each step runs RUNS times (default 3); medians and the ingest/raw ratio go to the
# results file.
# The stack runs on its own ports (offset 30000) and state folder, with full JIT, and is stopped after.
#
#   benchmarks/ingest.sh [results-file]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RESULTS="${1:-$ROOT/benchmarks/results/ingest-$(date -u +%F).md}"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-15s}"
export SHOPVERSE_HOME="$ROOT/.shopverse-bench" SHOPVERSE_PORT_OFFSET=30000 SHOPVERSE_JAVA_OPTS=""
# Every request comes from 127.0.0.1: the per-IP limits would measure the limiter, not the platform.
export GATEWAY_RATE_LIMIT_ENABLED=false GATEWAY_RATE_LIMIT_AUTH_BURST=100000 GATEWAY_RATE_LIMIT_AUTH_REPLENISH=100000
KAFKA=127.0.0.1:39092
INGEST=http://127.0.0.1:38084
GATEWAY=http://127.0.0.1:38080

command -v wrk >/dev/null || { [[ $(id -u) -eq 0 ]] && apt-get install -y -qq wrk >/dev/null; } \
  || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
"$ROOT/shopverse" up >/dev/null
trap '"$ROOT/shopverse" down >/dev/null' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# Warm-up, not recorded: with full JIT on 2 cores the first seconds measure the compilers.
java -cp "$ROOT/local-stack/target/lib/*" org.apache.kafka.tools.ProducerPerformance --topic bench-raw \
  --num-records 500000 --record-size 200 --throughput -1 --producer-props bootstrap.servers=$KAFKA >/dev/null 2>&1
wrk -t2 -c16 -d"${WARMUP:-20s}" -s "$ROOT/benchmarks/batch.lua" "$INGEST/api/events/batch" >/dev/null
wrk -t2 -c64 -d"${WARMUP:-20s}" -s "$ROOT/benchmarks/single.lua" "$GATEWAY/api/events" >/dev/null

raw=() batch=() single=()
for run in $(seq 1 "$RUNS"); do
  raw+=("$(java -cp "$ROOT/local-stack/target/lib/*" org.apache.kafka.tools.ProducerPerformance \
    --topic bench-raw --num-records 2000000 --record-size 200 --throughput -1 \
    --producer-props bootstrap.servers=$KAFKA acks=all enable.idempotence=true compression.type=lz4 linger.ms=5 \
    2>/dev/null | tail -1 | sed -E 's/.* records sent, ([0-9.]+) records\/sec.*/\1/')")
  requests="$(wrk -t2 -c16 -d"$DURATION" -s "$ROOT/benchmarks/batch.lua" "$INGEST/api/events/batch" \
    | awk '/Requests\/sec/ {print $2}')"
  batch+=("$(awk -v r="$requests" 'BEGIN {printf "%.0f", r * 500}')")
  single+=("$(wrk -t2 -c64 -d"$DURATION" -s "$ROOT/benchmarks/single.lua" "$GATEWAY/api/events" \
    | awk '/Requests\/sec/ {printf "%.0f", $2}')")
  echo "run $run: raw ${raw[-1]} records/s, batch ingest ${batch[-1]} events/s, single via gateway ${single[-1]} requests/s"
done

raw_median="$(printf '%s\n' "${raw[@]}" | median)"
batch_median="$(printf '%s\n' "${batch[@]}" | median)"
single_median="$(printf '%s\n' "${single[@]}" | median)"
ratio="$(awk -v b="$batch_median" -v r="$raw_median" 'BEGIN {printf "%.1f", 100 * b / r}')"
accepted="$(curl -s "$INGEST/actuator/prometheus" | awk '/^shopverse_ingest_events_accepted_total/ {print $2}')"

cat >"$RESULTS" <<RESULT
# Ingest benchmark

- Date: $(date -u '+%F %H:%M UTC')
- Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)
- Command: \`benchmarks/ingest.sh\` (RUNS=$RUNS, DURATION=$DURATION, after a ${WARMUP:-20s} warm-up), loopback, the local stack
  (\`./shopverse up\` with full JIT), load generators on the same 2 cores as the platform.

| Run | Raw producer (records/s) | Batch ingest, 202 after acks=all (events/s) | Single event via gateway (requests/s) |
|---|---|---|---|
$(for i in "${!raw[@]}"; do echo "| $((i + 1)) | ${raw[$i]} | ${batch[$i]} | ${single[$i]} |"; done)
| **Median** | **$raw_median** | **$batch_median** | **$single_median** |

- Batch ingest ÷ raw producer, same run: **$ratio %** (target ≥ 20 %); batch target ≥ 150,000 events/s.
- Single-event POST through the gateway target: ≥ 12,000 requests/s.
- Events the ingest service accepted during the whole benchmark (its own counter): $accepted.
RESULT
echo "Results written to $RESULTS"
cat "$RESULTS"
