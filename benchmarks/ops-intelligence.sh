#!/usr/bin/env bash
# Anomaly detection and forecast benchmark (issue 8, docs/ops-intelligence.md), all on this machine:
#   1. starts its own stack (state .shopverse-ops-bench, port offset 24000) with the ops job on
#      5 s buckets and a 5 min compressed day (OPS_BUCKET, OPS_DAY);
#   2. plays the shopper simulator against the gateway with its default scenario schedule
#      (./shopverse simulate, which writes the ground truth as it goes);
#   3. runs the evaluator over the run's time range: precision, recall and time to detection per
#      scenario, forecast MAPE against the naive "same as the last bucket", and how far ahead of
#      each daily peak the forecast crosses the scaling threshold;
#   4. counts what the shoppers the ops job flagged as bots sent after their first flag, and how much
#      of it still reached what trains the recommendations (the analytics job should drop all of it);
#   5. appends everything to a dated results file, and stops the stack.
#
#   benchmarks/ops-intelligence.sh [results-file]
# Knobs (environment): DURATION (20m), RATE (20 sessions/s), SEED (42), DAY (5m), BUCKET (5s),
# HORIZONS (1,6 buckets), LEAD_HORIZON (6), THRESHOLD_FRACTION (0.8 of each peak's highest rate),
# SCENARIOS (default), GRACE (30s after a scenario still counts as it), OPS_BENCH_OFFSET (24000).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RESULTS="${1:-$ROOT/benchmarks/results/ops-intelligence-$(date -u +%F).md}"
DURATION="${DURATION:-20m}" RATE="${RATE:-20}" SEED="${SEED:-42}" DAY="${DAY:-5m}" BUCKET="${BUCKET:-5s}"
HORIZONS="${HORIZONS:-1,6}" LEAD_HORIZON="${LEAD_HORIZON:-6}" THRESHOLD_FRACTION="${THRESHOLD_FRACTION:-0.8}"
SCENARIOS="${SCENARIOS:-default}"
OFFSET="${OPS_BENCH_OFFSET:-24000}"
export SHOPVERSE_HOME="$ROOT/.shopverse-ops-bench" SHOPVERSE_PORT_OFFSET="$OFFSET" SHOPVERSE_JAVA_OPTS=""
export OPS_BUCKET="$BUCKET" OPS_DAY="$DAY" OPS_HORIZONS="$HORIZONS"
# Every simulated shopper comes from 127.0.0.1: per-IP limits would measure the limiter.
export GATEWAY_RATE_LIMIT_ENABLED=false GATEWAY_RATE_LIMIT_AUTH_BURST=100000 GATEWAY_RATE_LIMIT_AUTH_REPLENISH=100000
GATEWAY="http://127.0.0.1:$((8080 + OFFSET))"
CLICKHOUSE="http://127.0.0.1:$((8123 + OFFSET))"
ANALYTICS_METRICS="http://127.0.0.1:$((9249 + OFFSET))/metrics"
JAR="$ROOT/ops-flink-job/target/ops-flink-job-0.1.0-SNAPSHOT.jar"
# Kept after the run (the next run wipes it): the truth file and the simulator's report survive a failure.
WORK="$SHOPVERSE_HOME/bench"

grep -q 'simulate)' "$ROOT/shopverse" \
  || { echo "ops-intelligence: ./shopverse has no 'simulate' command yet (the shopper simulator, issue 8)" >&2; exit 1; }

rm -rf "$SHOPVERSE_HOME"
"$ROOT/shopverse" up >/dev/null
mkdir -p "$WORK"
trap '"$ROOT/shopverse" down >/dev/null' EXIT

START="$(date -u +%FT%T.%3NZ)"
"$ROOT/shopverse" simulate --gateway "$GATEWAY" --duration "$DURATION" --rate "$RATE" --seed "$SEED" \
  --day "$DAY" --scenarios "$SCENARIOS" --truth "$WORK/truth.jsonl" --report "$WORK/simulator.md"
END="$(date -u +%FT%T.%3NZ)"
# The last buckets close once the watermark passes them and the sinks flush before a checkpoint.
sleep 20

{
  echo "# Anomaly detection and forecast benchmark"
  echo
  echo "- Date: $(date -u '+%F %H:%M UTC'); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
  echo "- Command: \`benchmarks/ops-intelligence.sh\` (DURATION=$DURATION RATE=$RATE SEED=$SEED DAY=$DAY BUCKET=$BUCKET"
  echo "  HORIZONS=$HORIZONS LEAD_HORIZON=$LEAD_HORIZON THRESHOLD_FRACTION=$THRESHOLD_FRACTION SCENARIOS=$SCENARIOS),"
  echo "  the local stack (\`./shopverse up\`, full JIT, offset $OFFSET), simulator on the same cores; run $START to $END."
  echo
  echo "## Ground truth (written by the simulator)"
  echo
  echo '```'
  cat "$WORK/truth.jsonl"
  echo '```'
  echo
} >>"$RESULTS"
java -cp "$JAR" com.shopverse.ops.eval.Evaluate --truth "$WORK/truth.jsonl" --clickhouse.url "$CLICKHOUSE" \
  --from "$START" --to "$END" --grace "${GRACE:-30s}" --series events.all --horizon "$LEAD_HORIZON" \
  --threshold-fraction "$THRESHOLD_FRACTION" --out "$RESULTS" >/dev/null

# Bots and the recommendations' training: the flagged shoppers (ops job's anomalies), their events
# received after their first flag (raw table), and what of them still trained a profile.
sql() { curl -sf "$CLICKHOUSE/?database=shopverse" --data-binary "$1"; }
FLAGGED="SELECT series_key AS shopper, min(detected_ms) AS flagged_ms FROM anomalies FINAL
  WHERE series = 'shopper.events' AND kind = 'peer' AND direction = 'up' GROUP BY series_key"
{
  echo "## Bots and the recommendations' training"
  echo
  echo "- Shoppers flagged as bots: $(sql "SELECT count() FROM ($FLAGGED)")"
  echo "- Their events received after their first flag (raw \`interactions\`): $(sql "SELECT count() FROM
    (SELECT if(user_id != '', user_id, anonymous_id) AS shopper, received_ms FROM interactions FINAL)
    ANY INNER JOIN ($FLAGGED) USING shopper WHERE received_ms > flagged_ms")"
  echo "- Kept out of training by the analytics job (\`bot_events_excluded\`): $(curl -sf "$ANALYTICS_METRICS" \
    | awk '/^flink_taskmanager_job_task_operator_shopverse_bot_events_excluded/ {s += $NF} END {print s + 0}')"
  echo "- Their \`shopper_items\` rows trained by an interaction after the flag (should be 0): $(sql "SELECT count()
    FROM shopper_items FINAL ANY INNER JOIN
    (SELECT arrayJoin([concat('u:', shopper), concat('a:', shopper)]) AS shopper_id, flagged_ms FROM ($FLAGGED))
    USING shopper_id WHERE last_ms > flagged_ms AND last_type != 'PURCHASED' AND score > 0")"
  echo
} >>"$RESULTS"
if [[ -f "$WORK/simulator.md" ]]; then
  { echo "## Simulator report"; echo; cat "$WORK/simulator.md"; echo; } >>"$RESULTS"
fi
echo "Results appended to $RESULTS"
