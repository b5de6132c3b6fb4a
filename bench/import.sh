#!/usr/bin/env bash
# Import benchmark: bench/import.sh [journeys=1000000]. Prints a Markdown table for BENCHMARKS.md.
# BENCH_LOAD_CSV=false skips the LOAD CSV comparison; BENCH_JAVA_OPTS adds JVM options (e.g. GC logging).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx2g -Dbench.loadCsv="${BENCH_LOAD_CSV:-true}" ${BENCH_JAVA_OPTS:-} --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.journeyexplorer.bench.ImportBenchmark "${1:-1000000}" target/bench
