#!/usr/bin/env bash
# Analysis benchmark, prints Markdown tables for BENCHMARKS.md:
#   bench/analysis.sh [journeys=1000000]              every analysis endpoint vs. Cypher, projection heap and rebuild
#   bench/analysis.sh scaling [10000,100000,1000000]  /api/paths/top at each size, each in a fresh store
#   bench/analysis.sh cached [journeys=1000000]       each endpoint computed afresh vs. from the answer cache
# --shape clickstream (anywhere, e.g. bench/analysis.sh --shape clickstream 1000000) runs on the web-shop clickstream
# (5,000 touchpoints unless BENCH_TOUCHPOINTS says otherwise) instead of the demo store, the default.
# The CSVs are written to target/bench once and reused (seed 42). Heap: BENCH_XMX (default 8g).
# For ten million journeys: BENCH_LOAD=bulk fills the store with `import --bulk` instead of POST /api/events, and
# BENCH_CYPHER_RUNS=N times each Cypher query N times (the first of them checked) instead of 5 to 21 times after a
# checked run and a warm-up. At ten million journeys, with a heap that holds the projection and a page cache that holds
# most of the store, e.g.
#   BENCH_XMX=11g BENCH_LOAD=bulk BENCH_CYPHER_RUNS=1 BENCH_JAVA_OPTS="-Djourneys.neo4j.embedded.page-cache-size=9GB \
#     -Djourneys.neo4j.embedded.transaction-max-memory=4GB -Dbench.projection=false" bench/analysis.sh 10000000
# BENCH_JAVA_OPTS adds JVM options, the app's settings among them (-Djourneys.neo4j.embedded.page-cache-size=3GB);
# -Dbench.projection=false leaves out the projection's measurement, which holds two snapshots at once.
set -euo pipefail
cd "$(dirname "$0")/.."
shape=demo
rest=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --shape) shape="${2:?--shape needs demo or clickstream}"; shift 2 ;;
    --shape=*) shape="${1#--shape=}"; shift ;;
    *) rest+=("$1"); shift ;;
  esac
done
set -- "${rest[@]+"${rest[@]}"}"
case "$shape" in demo|clickstream) ;; *) echo "unknown shape '$shape': use demo or clickstream" >&2; exit 2 ;; esac
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
if [[ "${1:-}" == scaling ]]; then args=(scaling "${2:-10000,100000,1000000}");
elif [[ "${1:-}" == cached ]]; then args=(cached "${2:-1000000}");
else args=(analysis "${1:-1000000}"); fi
java -Xmx"${BENCH_XMX:-8g}" ${BENCH_JAVA_OPTS:-} --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -Dbench.load="${BENCH_LOAD:-post}" -Dbench.cypherRuns="${BENCH_CYPHER_RUNS:-0}" \
  -Dbench.work=target/bench -Dbench.shape="$shape" -Dbench.touchpoints="${BENCH_TOUCHPOINTS:-5000}" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.journeyexplorer.bench.AnalysisBenchmark "${args[@]}"
