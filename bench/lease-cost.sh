#!/usr/bin/env bash
# What the imports lease costs one instance on its embedded database: bench/lease-cost.sh [journeys=10000]
# [imports=21]. The median 20-journey import over HTTP, and interleaved with it the lease's own work on the same
# store (take and let go, the fence of one write transaction); prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
exec "$(dirname "$0")/run-java.sh" com.journeyexplorer.graph.LeaseCostBenchmark "${1:-10000}" "${2:-21}" target/bench
