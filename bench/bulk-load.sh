#!/usr/bin/env bash
# Bulk load benchmark: bench/bulk-load.sh [journeys=200000]. The demo CSV bulk-loaded into an empty store
# (import --bulk), the app's first start on it, and the online import of the same file, side by side in one run.
# Prints a Markdown table for BENCHMARKS.md. BENCH_JAVA_OPTS adds JVM options; BENCH_JAVA_OPTS=-Dbench.onlineFirst=true
# runs the online import first (the JVM warm-up then counts against it).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx2g ${BENCH_JAVA_OPTS:-} --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.journeyexplorer.bench.BulkLoadBenchmark "${1:-200000}" target/bench
