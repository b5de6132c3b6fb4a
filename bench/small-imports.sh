#!/usr/bin/env bash
# Small imports on a large store: bench/small-imports.sh [shape=demo] [sizes=10000,100000,1000000] [imports=11].
# For each store size, a fresh store is filled through POST /api/events (the online import rate), then 20-journey
# imports are timed (median, p90). BENCH_MINIMAL=true also writes the store's journeys with a minimal embedded writer
# into a second database (then a third with the app's journey indexes) and prints the ratios; BENCH_JAVA_OPTS=-Dbench.pauseMillis=2000 pauses between the small imports
# (default: back to back). Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx"${BENCH_XMX:-2g}" -Dbench.minimal="${BENCH_MINIMAL:-false}" ${BENCH_JAVA_OPTS:-} \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.journeyexplorer.bench.SmallImportBenchmark "${1:-demo}" "${2:-10000,100000,1000000}" "${3:-11}" target/bench
