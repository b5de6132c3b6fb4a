#!/usr/bin/env bash
# Profiles of the analyses without a database or HTTP, on a snapshot built in memory from the demo CSV:
#   bench/profile.sh paths [journeys=1000000]        top paths, likely paths, diversions, funnel, flows; heap per event
#   bench/profile.sh attribution [journeys=1000000]  attribution models, compare, key moments
#   bench/profile.sh markov [labels=5000] [journeys=1000000] [order=1]
#                                                    every Markov removal effect on random journeys over many labels
# Quicker to rerun than bench/analysis.sh (no import into Neo4j) while working on an analysis; the official figures
# in BENCHMARKS.md come from bench/analysis.sh. The demo CSV is written to target/bench once and reused.
# BENCH_JAVA_OPTS adds JVM options, e.g. BENCH_JAVA_OPTS=-Dprofile.only=top to time only top paths.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:?usage: bench/profile.sh paths|attribution|markov [journeys]}"
journeys="${2:-1000000}"
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
if [[ "$profile" == markov ]]; then
  exec java -Xmx"${BENCH_XMX:-6g}" ${BENCH_JAVA_OPTS:-} -cp "$classpath" com.journeyexplorer.bench.MarkovRemovalProfile \
    "${@:2}"
fi
csv="target/bench/demo-$journeys.csv"
if [[ ! -f "$csv" ]]; then
  mkdir -p target/bench
  java -cp "$classpath" com.journeyexplorer.demo.DemoCsvWriter "$journeys" "$csv.partial" 42
  mv "$csv.partial" "$csv"
fi
case "$profile" in
  paths) main=com.journeyexplorer.bench.PathsProfile ;;
  attribution) main=com.journeyexplorer.bench.AttributionProfile ;;
  *) echo "unknown profile '$profile': use paths or attribution" >&2; exit 2 ;;
esac
java -Xmx"${BENCH_XMX:-6g}" ${BENCH_JAVA_OPTS:-} -cp "$classpath" "$main" "$csv"
