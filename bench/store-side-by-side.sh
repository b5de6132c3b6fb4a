#!/usr/bin/env bash
# Builds of the app side by side on one stored database:
#   bench/store-side-by-side.sh STORE RUNS JAR...
# Each JAR in turn is started on STORE (a data directory, e.g. one kept by BENCH_KEEP_STORE=true bench/large-store.sh),
# left 30 s after it is ready (the snapshot's indexes are built in the background), then every request below is asked
# RUNS times after one warm-up, computed afresh (Cache-Control: no-cache); prints each request's median and minimum in
# ms. List the jars alternating (before, after, before, after) so that a change of the machine's load shows.
# BENCH_XMX sets the app's heap (default 6g).
set -euo pipefail
store="$1"
runs="$2"
shift 2
port=18091
xmx="${BENCH_XMX:-6g}"
requests=("/api/attribution?model=markov" "/api/attribution?model=linear" "/api/attribution?model=first"
  "/api/attribution?model=last" "/api/attribution?model=position" "/api/attribution?model=time-decay"
  "/api/compare?a=segment%3Dtrend%20follower&b=segment%3Dbargain%20hunter" "/api/paths/top?segment=trend%20follower"
  "/api/diversions" "/api/flows" "/api/time-to-convert")
for jar in "$@"; do
  java -Xmx"$xmx" -jar "$jar" --server.port=$port --journeys.data-dir="$store" --journeys.demo.load-on-start=false \
    >"$store.side-by-side.log" 2>&1 &
  pid=$!
  until curl -sf "localhost:$port/actuator/health/readiness" >/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the app stopped; see $store.side-by-side.log" >&2; exit 1; fi
    sleep 2
  done
  sleep 30
  echo "== $jar (load average $(cut -d' ' -f1 /proc/loadavg))"
  for request in "${requests[@]}"; do
    times=()
    for ((run = 0; run <= runs; run++)); do
      seconds=$(curl -s -o /dev/null -w '%{time_total}' -H 'Cache-Control: no-cache' "localhost:$port$request")
      if ((run > 0)); then times+=("$(awk -v t="$seconds" 'BEGIN {printf "%.0f", t * 1000}')"); fi
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    printf '%-75s median %5s  min %5s\n' "$request" "${sorted[$((runs / 2))]}" "${sorted[0]}"
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
