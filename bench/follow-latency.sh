#!/usr/bin/env bash
# From an import's answer on one instance to its visibility on another: bench/follow-latency.sh [imports=100]
# [demo journeys=20000]. A Neo4j server in its own JVM and two instances; prints median, p99 and max.
set -euo pipefail
exec "$(dirname "$0")/run-java.sh" com.journeyexplorer.instances.FollowLatencyBenchmark "${1:-100}" "${2:-20000}" \
  target/bench
