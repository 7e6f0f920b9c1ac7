#!/usr/bin/env bash
# Catalog latency under load (issue 4, "Numbers"): browse and search p99 with the open-loop
# generator (load-generator), direct to catalog-service and through the gateway, at each rate in
# RATES, all on this machine over loopback. Two URL files are made from the demo catalog itself:
#   browse: first pages and next pages (real cursors) with category, price-range and in-stock
#           filters and every sort, and product details;
#   search: words from product names, two-word searches, and typos (a letter dropped, two letters
#           swapped) that only the trigram fallback finds.
# Each request picks its URL at random (fixed seed), so caches see a realistic mix, not one URL.
# The stack runs on its own ports (offset 12000: outside Linux's ephemeral port range, and not
# recommendations.sh's 10000, so the two can run side by side) and state folder, with full JIT, and is stopped after.
#
#   benchmarks/catalog.sh [results-file]
#   RATES="200 1000" DURATION=30s WARMUP=10s CONNECTIONS=64 benchmarks/catalog.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RESULTS="${1:-$ROOT/benchmarks/results/catalog-$(date -u +%F).md}"
RATES="${RATES:-200 1000}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
export SHOPVERSE_HOME="$ROOT/.shopverse-bench/catalog" SHOPVERSE_PORT_OFFSET=12000 SHOPVERSE_JAVA_OPTS=""
# Every request comes from 127.0.0.1: the per-IP limits would measure the limiter, not the platform.
export GATEWAY_RATE_LIMIT_ENABLED=false GATEWAY_RATE_LIMIT_AUTH_BURST=100000 GATEWAY_RATE_LIMIT_AUTH_REPLENISH=100000
GATEWAY=http://127.0.0.1:20080
DIRECT=http://127.0.0.1:20082
JAR="$ROOT/load-generator/target/load-generator-0.1.0-SNAPSHOT.jar"
WORK="$(mktemp -d)"

rm -rf "$SHOPVERSE_HOME"
trap '"$ROOT/shopverse" down >/dev/null; rm -rf "$WORK"' EXIT
"$ROOT/shopverse" up >/dev/null

# ---- the URL files (paths only; the base URL is put in front per target)
get() { curl -sf -m 10 "$DIRECT$1"; }
next_of() { sed -n 's/.*"next":"\([^"]*\)".*/\1/p'; }
categories="$(get /api/catalog/categories | grep -o '"id":"[^"]*"' | cut -d'"' -f4 | head -12)"
[[ -n "$categories" ]] || { echo "no categories from $DIRECT" >&2; exit 1; }
{
  for sort in id price -price name newest; do
    echo "/api/catalog/products?limit=20&sort=$sort"
    echo "/api/catalog/products?limit=20&inStock=true&sort=$sort"
  done
  for c in $categories; do
    echo "/api/catalog/products?category=$c&limit=20"
    echo "/api/catalog/products?category=$c&inStock=true&sort=price&limit=20"
    echo "/api/catalog/products?category=$c&minPrice=1000&maxPrice=10000&sort=-price&limit=20"
  done
  echo "/api/catalog/products?minPrice=500&maxPrice=5000&limit=50"
  echo "/api/catalog/products?limit=100"
  # Next pages: follow real cursors two pages deep.
  for start in "/api/catalog/products?limit=20&sort=price" "/api/catalog/products?limit=20&sort=newest" \
      "/api/catalog/products?limit=20&inStock=true"; do
    path="$start"
    for _ in 1 2; do
      cursor="$(get "$path" | next_of)"
      [[ -n "$cursor" ]] || break
      path="$start&after=$(printf %s "$cursor" | jq -sRr @uri 2>/dev/null || printf %s "$cursor")"
      echo "$path"
    done
  done
  for id in P00001 P00042 P00100 P00250 P00400 P00600; do echo "/api/catalog/products/$id"; done
} >"$WORK/browse.paths"

# Search words: the commonest words of product names (4+ letters).
words="$(for p in 1 2 3; do get "/api/catalog/products?limit=100&sort=name" ; done | grep -o '"name":"[^"]*"' |
  cut -d'"' -f4 | tr 'A-Z ' 'a-z\n' | grep -E '^[a-z]{4,}$' | sort | uniq -c | sort -rn | awk '{print $2}' | head -20)"
[[ -n "$words" ]] || { echo "no product names from $DIRECT" >&2; exit 1; }
{
  for w in $words; do
    echo "/api/catalog/products?q=$w&limit=20"
    echo "/api/catalog/products?q=$w&inStock=true&sort=price&limit=20"
    # Typos: the last letter dropped, and the second and third letters swapped.
    echo "/api/catalog/products?q=${w%?}x&limit=20"
    echo "/api/catalog/products?q=${w:0:1}${w:2:1}${w:1:1}${w:3}&limit=20"
  done
  set -- $words
  while [[ $# -ge 2 ]]; do echo "/api/catalog/products?q=$1+$2&limit=20"; shift 2; done
} >"$WORK/search.paths"

# A typo'd search must still find something: otherwise the harness measures empty answers.
typo="$(sed -n 3p "$WORK/search.paths")"
found="$(get "$typo" | grep -o '"id":"P[0-9]*"' | wc -l)"

{
  echo "# Catalog latency under load"
  echo
  echo "- Date: $(date -u '+%F %H:%M UTC')"
  echo "- Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
  echo "- Command: \`benchmarks/catalog.sh\` (RATES=\"$RATES\", DURATION=$DURATION, WARMUP=$WARMUP, CONNECTIONS=$CONNECTIONS), loopback,"
  echo "  the local stack (\`./shopverse up\`, full JIT, demo catalog); generator on the same 2 cores."
  echo "- URLs: $(wc -l <"$WORK/browse.paths") browse paths (filters, sorts, cursors, details) and $(wc -l <"$WORK/search.paths") search paths"
  echo "  (words from product names, two-word searches, typos), each request one at random (seed 1)."
  echo "  A typo'd search (\`$typo\`) found $found products."
  echo "- Load average before (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
} >"$RESULTS"

failed=0
# run KIND BASE WHERE RATE
run() {
  sed "s|^|$2|" "$WORK/$1.paths" >"$WORK/$1-$3.urls"
  java -jar "$JAR" --rate "$4" --duration "$DURATION" --warmup "$WARMUP" --connections "$CONNECTIONS" \
    --urls-file "$WORK/$1-$3.urls" --seed 1 --expect-status 200 \
    --label "catalog $1, $3, $4 req/s" --out "$RESULTS" >/dev/null || failed=1
  echo "- Load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS"
}
for rate in $RATES; do
  for kind in browse search; do
    run "$kind" "$DIRECT" direct "$rate"
    run "$kind" "$GATEWAY" "via the gateway" "$rate"
  done
done
echo "Results written to $RESULTS"
[[ $failed == 0 ]]
