#!/usr/bin/env bash
# Load test on loopback: bench/load.sh [seconds=60 (1..600)] [clients=50] [preloaded journeys=20000].
# The app runs in the benchmark's JVM with heap BENCH_XMX (default 2g); stops by itself. Prints Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx"${BENCH_XMX:-2g}" --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -Dbench.work=target/bench \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.journeyexplorer.bench.LoadTest "${1:-60}" "${2:-50}" "${3:-20000}"
