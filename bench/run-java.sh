#!/usr/bin/env bash
# bench/run-java.sh MAIN-CLASS [ARGS...]: compiles the tests, then runs MAIN-CLASS on the test classpath with the JVM
# options the embedded Neo4j needs; heap BENCH_XMX (default 2g), extra JVM options in BENCH_JAVA_OPTS. The benchmark
# scripts call it.
set -euo pipefail
cd "$(dirname "$0")/.."
main="${1:?usage: bench/run-java.sh MAIN-CLASS [ARGS...]}"
shift
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx"${BENCH_XMX:-2g}" ${BENCH_JAVA_OPTS:-} \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  "$main" "$@"
