#!/usr/bin/env bash
# Offline recommendation quality: replays held-out shopper sessions (time-ordered split) through the
# model's own code and compares the hybrid with a popularity baseline and the seed's weighted score
# on HitRate@10, MRR@10, catalog coverage and diversity. No servers; one JVM, about a minute on 2 cores.
#
#   benchmarks/recommendation-quality.sh [dataset.csv[.gz]] [results-file]
#
# The default dataset is the committed synthetic one (regenerate it with
# `java -cp ... com.shopverse.recommendation.quality.QualityReport --generate FILE --seed 42`);
# any file in the same CSV format works (see docs/recommendations.md).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${1:-$ROOT/benchmarks/datasets/shoppers-synthetic.csv.gz}"
RESULTS="${2:-$ROOT/benchmarks/results/recommendation-quality-$(date -u +%F).md}"
VERSION=0.1.0-SNAPSHOT

(cd "$ROOT" && ./mvnw -B -q install -pl event-contract,recommendation-model -DskipTests)
CP="$ROOT/recommendation-model/target/recommendation-model-$VERSION.jar:$ROOT/event-contract/target/event-contract-$VERSION.jar"

shown_data="$DATA"
[[ "$DATA" == "$ROOT/"* ]] && shown_data="${DATA#"$ROOT/"}"
shown_results="$RESULTS"
[[ "$RESULTS" == "$ROOT/"* ]] && shown_results="${RESULTS#"$ROOT/"}"
command="benchmarks/recommendation-quality.sh"
[[ $# -gt 0 ]] && command+=" $*"

cd "$ROOT"
java -Xmx1g -cp "$CP" com.shopverse.recommendation.quality.QualityReport \
  --data "$shown_data" --out "$shown_results" --command "$command"
