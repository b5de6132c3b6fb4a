#!/usr/bin/env bash
# From an import's answer on one instance to its visibility on another: bench/follow-latency.sh [imports=100]
# [demo journeys=20000]. A Neo4j server in its own JVM and two instances; prints median, p99 and max.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -Xmx"${BENCH_XMX:-2g}" ${BENCH_JAVA_OPTS:-} \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.journeyexplorer.instances.FollowLatencyBenchmark "${1:-100}" "${2:-20000}" target/bench
