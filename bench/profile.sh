#!/usr/bin/env bash
# Profiles of the analyses without a database or HTTP, on snapshots built in memory from generated CSVs:
#   bench/profile.sh paths [--shape demo|clickstream] [journeys=1000000]        top paths, likely paths, diversions,
#                                                                               funnel, flows; heap per event
#   bench/profile.sh attribution [--shape demo|clickstream] [journeys=1000000]  attribution models, compare, moments
#   bench/profile.sh shapes [journeys=1000000]   every analysis on the demo and the clickstream side by side, as ratios
#   bench/profile.sh trends [journeys=1000000]   time to convert and trends on both shapes side by side (the shapes
#                                                profile's requests of those two endpoints)
#   bench/profile.sh predict [journeys=1000000]  predictions of open journeys on the demo and the clickstream: model
#                                                build, single predictions, NDJSON batches, the backtest's quality
#   bench/profile.sh markov [labels=5000] [journeys=1000000] [order=1]
#                                                    every Markov removal effect on random journeys over many labels
#   bench/profile.sh orders [--shape demo|clickstream] [journeys=1000000]
#                                                Markov chain size, counting and every removal effect at orders 1 to 3
#                                                (BENCH_ORDERS, e.g. 2,3); -Dprofile.factors=true in BENCH_JAVA_OPTS
#                                                adds what factoring each whole chain would cost
# Quicker to rerun than bench/analysis.sh (no import into Neo4j) while working on an analysis; the official figures
# in BENCHMARKS.md come from bench/analysis.sh. The CSVs are written to target/bench once and reused (seed 42); the
# clickstream has 5,000 touchpoints unless BENCH_TOUCHPOINTS says otherwise, and rage clicks (frustration events, about
# one journey in fourteen) with BENCH_FRUSTRATION=1. The demo shape is the default.
# BENCH_JAVA_OPTS adds JVM options, e.g. BENCH_JAVA_OPTS=-Dprofile.only=top to time only top paths, or
# BENCH_JAVA_OPTS=-Dprofile.baseline=target/baseline-classes (an earlier build's target/classes, copied aside) to run the
# predict profile before and after a change side by side and check that their answers agree.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:?usage: bench/profile.sh paths|attribution|shapes|trends|predict|markov|orders [--shape demo|clickstream] [journeys]}"
shift
if [[ "$profile" == markov ]]; then
  ./mvnw -q -B test-compile
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
  exec java -Xmx"${BENCH_XMX:-6g}" ${BENCH_JAVA_OPTS:-} \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    com.journeyexplorer.bench.MarkovRemovalProfile "$@"
fi
shape=demo
if [[ "${1:-}" == --shape ]]; then shape="${2:?--shape needs demo or clickstream}"; shift 2;
elif [[ "${1:-}" == --shape=* ]]; then shape="${1#--shape=}"; shift; fi
journeys="${1:-1000000}"
touchpoints="${BENCH_TOUCHPOINTS:-5000}"
frustration=""
if [[ "${BENCH_FRUSTRATION:-}" == 1 ]]; then frustration=--frustration; fi
case "$shape" in demo|clickstream) ;; *) echo "unknown shape '$shape': use demo or clickstream" >&2; exit 2 ;; esac
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
# csv SHAPE: the shape's CSV of $journeys journeys, written once
csv() {
  local file rage=""
  if [[ "$1" == demo ]]; then file="target/bench/demo-$journeys.csv";
  else file="target/bench/clickstream-$touchpoints${frustration:+-frustration}-$journeys.csv"; rage="$frustration"; fi
  if [[ ! -f "$file" ]]; then
    mkdir -p target/bench
    java -cp "$classpath" com.journeyexplorer.demo.DemoCsvWriter --shape="$1" --touchpoints="$touchpoints" \
      ${rage:+"$rage"} "$journeys" "$file.partial" 42 >&2
    mv "$file.partial" "$file"
  fi
  echo "$file"
}
case "$profile" in
  paths) args=("$(csv "$shape")"); main=com.journeyexplorer.bench.PathsProfile ;;
  attribution) args=("$(csv "$shape")"); main=com.journeyexplorer.bench.AttributionProfile ;;
  shapes) args=("$(csv demo)" "$(csv clickstream)"); main=com.journeyexplorer.bench.ShapesProfile ;;
  trends) args=("$(csv demo)" "$(csv clickstream)"); main=com.journeyexplorer.bench.ShapesProfile
          BENCH_JAVA_OPTS="-Dprofile.only=time-to-convert,trends ${BENCH_JAVA_OPTS:-}" ;;
  predict) args=("$(csv demo)" "$(csv clickstream)"); main=com.journeyexplorer.bench.PredictProfile ;;
  orders) args=("$(csv "$shape")" "${BENCH_ORDERS:-1,2,3}"); main=com.journeyexplorer.bench.MarkovOrdersProfile ;;
  *) echo "unknown profile '$profile': use paths, attribution, shapes, trends, predict or orders" >&2; exit 2 ;;
esac
java -Xmx"${BENCH_XMX:-6g}" -Dbench.touchpoints="$touchpoints" -Dbench.shape="$shape" ${BENCH_JAVA_OPTS:-} -cp "$classpath" "$main" "${args[@]}"
