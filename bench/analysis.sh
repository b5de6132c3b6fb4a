#!/usr/bin/env bash
# Analysis benchmark, prints Markdown tables for BENCHMARKS.md:
#   bench/analysis.sh [journeys=1000000]              every analysis endpoint vs. Cypher, projection heap and rebuild
#   bench/analysis.sh scaling [10000,100000,1000000]  /api/paths/top at each size, each in a fresh store
#   bench/analysis.sh cached [journeys=1000000]       each endpoint computed afresh vs. from the answer cache
# The demo CSVs are written to target/bench once and reused. Heap: BENCH_XMX (default 8g).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
if [[ "${1:-}" == scaling ]]; then args=(scaling "${2:-10000,100000,1000000}");
elif [[ "${1:-}" == cached ]]; then args=(cached "${2:-1000000}");
else args=(analysis "${1:-1000000}"); fi
java -Xmx"${BENCH_XMX:-8g}" --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -Dbench.work=target/bench \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.journeyexplorer.bench.AnalysisBenchmark "${args[@]}"
