#!/usr/bin/env bash
# Every analysis on the in-memory snapshot of the demo store (or --shape clickstream) at each size, and the heap in
# use after a full collection while the requests run (an upper bound on the projection: it includes the per-snapshot
# indexes and memos, and whatever a request holds at that moment). No database, no HTTP: each request through its
# controller (AttributionProfile). Prints each size's medians, then the heap.
#   bench/in-memory-scaling.sh [--shape demo|clickstream] [sizes=100000,1000000,10000000]
# Heap: BENCH_XMX (default 18g; ten million demo journeys need about 5 GB live and more while they are read).
set -euo pipefail
cd "$(dirname "$0")/.."
shape=demo
if [[ "${1:-}" == --shape ]]; then shape="${2:?--shape needs demo or clickstream}"; shift 2; fi
case "$shape" in demo|clickstream) ;; *) echo "unknown shape '$shape': use demo or clickstream" >&2; exit 2 ;; esac
sizes="${1:-100000,1000000,10000000}"
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
requests=("/api/paths/top?segment={segment}" "/api/paths/likely" "/api/paths/likely?segment={segment}"
  "/api/diversions" "/api/dropoff" "/api/funnel" "/api/flows" "/api/touchpoints/{touchpoint}/neighbourhood"
  "/api/transitions" "/api/transitions?segment={segment}" "/api/graph" "/api/graph?segment={segment}"
  "/api/insights/moments" "/api/attribution?model=markov" "/api/attribution?model=linear"
  "/api/attribution?model=first" "/api/attribution?model=last" "/api/attribution?model=position"
  "/api/attribution?model=time-decay" "/api/compare?a=segment%3D{segment}&b=segment%3D{otherSegment}&model=linear"
  "/api/compare?a=segment%3D{segment}&b=segment%3D{otherSegment}&model=markov")
mkdir -p target/bench
for journeys in ${sizes//,/ }; do
  if [[ "$shape" == demo ]]; then csv="target/bench/demo-$journeys.csv"; else csv="target/bench/clickstream-5000-$journeys.csv"; fi
  if [[ ! -f "$csv" ]]; then
    java -cp "$classpath" com.journeyexplorer.demo.DemoCsvWriter --shape="$shape" --touchpoints=5000 \
      "$journeys" "$csv.partial" 42 >&2
    mv "$csv.partial" "$csv"
  fi
  # enough runs that the requests still run when the heap is measured, whatever the size
  runs=$(( journeys >= 5000000 ? 7 : journeys >= 500000 ? 15 : 150 ))
  out=$(mktemp)
  java -Xmx"${BENCH_XMX:-18g}" -Dprofile.digest=true -Dbench.shape="$shape" -Dprofile.runs="$runs" \
    -Dprofile.warmups=2 -cp "$classpath" com.journeyexplorer.bench.AttributionProfile "$csv" "${requests[@]}" \
    > "$out" 2>&1 &
  pid=$!
  until grep -q '^snapshot' "$out" || ! kill -0 "$pid" 2>/dev/null; do sleep 2; done
  # the warm-ups build every per-snapshot index and memo; then a full collection leaves what is live
  sleep $(( journeys >= 5000000 ? 60 : journeys >= 500000 ? 8 : 4 ))
  jcmd "$pid" GC.run > /dev/null && sleep 2 && jcmd "$pid" GC.run > /dev/null
  heap=$(jcmd "$pid" GC.heap_info | sed -n 's/.*used \([0-9]*\)K.*/\1/p' | head -1)
  wait "$pid"
  grep -v '^\[' "$out"
  echo "heap in use after a full collection: $(( heap / 1024 )) MiB"
  rm -f "$out"
done
