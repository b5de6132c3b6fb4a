#!/usr/bin/env bash
# Read throughput with 1, 2 and 3 instances on one Neo4j server: bench/read-throughput.sh [seconds=30] [clients=8]
# [demo journeys=20000]. A Neo4j server in its own JVM and three instances; prints requests/s, p50 and p99.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx"${BENCH_XMX:-2g}" ${BENCH_JAVA_OPTS:-} \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.journeyexplorer.instances.ReadThroughputBenchmark "${1:-30}" "${2:-8}" "${3:-20000}" target/bench
