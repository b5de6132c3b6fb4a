#!/usr/bin/env bash
# Read throughput with 1, 2 and 3 instances on one Neo4j server: bench/read-throughput.sh [seconds=30] [clients=8]
# [demo journeys=20000]. A Neo4j server in its own JVM and three instances; prints requests/s, p50 and p99.
set -euo pipefail
exec "$(dirname "$0")/run-java.sh" com.journeyexplorer.instances.ReadThroughputBenchmark "${1:-30}" "${2:-8}" \
  "${3:-20000}" target/bench
