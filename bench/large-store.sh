#!/usr/bin/env bash
# A large demo store end to end, as a user would run it: bench/large-store.sh [journeys=10000000] [runs=5]
#   1. the demo CSV written once (target/bench/demo-N.csv, seed 42);
#   2. `import --bulk` into an empty store (target/bench/large-store-N), timed, with its peak resident memory;
#   3. the app started on that store (indexes populated, projection loaded): the time until it is ready;
#   4. every analysis asked computed afresh (Cache-Control: no-cache), the median and maximum of RUNS runs after one
#      warm-up;
#   5. the heap in use after a full collection with the store served, and the projection's bytes per event (that heap
#      minus the same app's on an empty store, which is measured first).
# The store is deleted at the end (BENCH_KEEP_STORE=true keeps it). BENCH_XMX sets the app's heap (default 16g).
# Prints Markdown for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
journeys="${1:-10000000}"
runs="${2:-5}"
xmx="${BENCH_XMX:-16g}"
port=18089
work=target/bench
store="$work/large-store-$journeys"
empty="$work/large-store-empty"
csv="$work/demo-$journeys.csv"
jar=target/journey-explorer-0.1.0-SNAPSHOT.jar
mkdir -p "$work"
./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
if [[ ! -f "$csv" ]]; then
  java -cp "target/classes:$(cat target/bench-classpath.txt)" com.journeyexplorer.demo.DemoCsvWriter --shape=demo \
    "$journeys" "$csv.partial" 42 >&2
  mv "$csv.partial" "$csv"
fi
rm -rf "$store" "$empty"
app_pid=
stop_app() {
  if [[ -n "$app_pid" ]]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=; fi
}
trap 'stop_app; [[ "${BENCH_KEEP_STORE:-false}" == true ]] || rm -rf "$store" "$empty"' EXIT

# start_app DIR: the app on DIR's store, without demo data; waits until it is ready (seconds taken in ready_seconds)
start_app() {
  local started
  started=$(date +%s.%N)
  java -Xmx"$xmx" -jar "$jar" --server.port=$port --journeys.data-dir="$1" --journeys.demo.load-on-start=false \
    --journeys.analysis.time-budget=600s >"$work/large-store-app.log" 2>&1 &
  app_pid=$!
  until curl -sf "localhost:$port/actuator/health/readiness" >/dev/null; do
    if ! kill -0 "$app_pid" 2>/dev/null; then echo "the app stopped; see $work/large-store-app.log" >&2; exit 1; fi
    sleep 2
  done
  ready_seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
}
# heap_after_gc: MiB of heap in use after a full collection of the running app
heap_after_gc() {
  jcmd "$app_pid" GC.run >/dev/null
  sleep 2
  jcmd "$app_pid" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); print int(v / 1024); exit } }'
}

start_app "$empty"
empty_heap=$(heap_after_gc)
stop_app

/usr/bin/time -v -o "$work/large-store-bulk.time" java -Xmx"$xmx" -jar "$jar" import --bulk "$csv" --openHorizon=0 \
  --journeys.data-dir="$store" >"$work/large-store-bulk.log" 2>&1
bulk_wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/large-store-bulk.time")
bulk_cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.0f", u + s}' "$work/large-store-bulk.time")
bulk_rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$work/large-store-bulk.time")

start_app "$store"
ready=$ready_seconds
stats=$(curl -s "localhost:$port/api/stats")
events=$(echo "$stats" | grep -o '"events":[0-9]*' | head -1 | cut -d: -f2)
stored=$(echo "$stats" | grep -o '"journeys":[0-9]*' | head -1 | cut -d: -f2)
heap=$(heap_after_gc)

echo
echo "Demo shape, $stored journeys, $events events (seed 42), $(nproc) cores, $(java -version 2>&1 | head -1), app heap $xmx."
echo
echo "| step | |"
echo "|---|---|"
echo "| \`import --bulk\` (wall, CPU s, peak resident) | $bulk_wall, $bulk_cpu s, $bulk_rss MiB |"
echo "| the app's first start on the store (schema, indexes, projection) until ready | $ready s |"
echo "| heap after a full GC, served / empty store | $heap MiB / $empty_heap MiB |"
echo "| projection, bytes per event | $(( (heap - empty_heap) * 1048576 / events )) |"
echo
echo "| request | median (max) of $runs runs, ms |"
echo "|---|---|"
segment='trend%20follower'
other='bargain%20hunter'
touchpoint='Checkout%20-%20shipping%20costs'
for path in "/api/paths/top?segment=$segment" "/api/paths/likely?outcome=purchase&k=10" /api/diversions /api/dropoff \
    /api/funnel /api/flows "/api/touchpoints/$touchpoint/neighbourhood" /api/transitions \
    "/api/transitions?segment=$segment" /api/graph "/api/graph?format=graphml" "/api/graph?format=sankey" \
    /api/insights/moments "/api/attribution?model=markov" "/api/attribution?model=linear" \
    "/api/attribution?model=first" "/api/attribution?model=last" "/api/attribution?model=position" \
    "/api/attribution?model=time-decay" "/api/compare?a=segment%3D$segment&b=segment%3D$other" \
    /api/time-to-convert "/api/trends?interval=week" /api/experience; do
  times=()
  for ((run = 0; run <= runs; run++)); do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H 'Cache-Control: no-cache' "localhost:$port$path")
    code=${out% *}
    if [[ "$code" != 200 ]]; then times=("HTTP $code"); break; fi
    if ((run > 0)); then times+=("$(awk -v t="${out#* }" 'BEGIN {printf "%.0f", t * 1000}')"); fi
  done
  if [[ "${times[0]}" == HTTP* ]]; then echo "| \`$path\` | ${times[0]} |"; continue; fi
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "| \`$path\` | ${sorted[$((runs / 2))]} (${sorted[$((runs - 1))]}) |"
done
