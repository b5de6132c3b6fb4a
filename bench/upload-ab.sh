#!/usr/bin/env bash
# POST /api/events of each FILE into a fresh, empty store, by the jar of revision BASE and by the working tree's,
# alternating: bench/upload-ab.sh BASE FILE... [ROUNDS=2 in BENCH_ROUNDS]. Times the upload alone (the app started
# and ready before it; the whole request: receiving the body, reading it, writing the store) and prints a Markdown
# row per run with the ratio after ÷ before. The HTTP twin of bench/import-ab.sh, for a change on the upload's way.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:?usage: bench/upload-ab.sh BASE-REVISION FILE...}"
shift
[ $# -gt 0 ] || { echo "usage: bench/upload-ab.sh BASE-REVISION FILE..." >&2; exit 2; }
work="$(pwd)/target/bench/upload-ab"
port="${BENCH_PORT:-18181}"
rm -rf "$work"
mkdir -p "$work"
git worktree add -q --detach "$work/base" "$base"
app=""
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; git worktree remove --force "$work/base"; rm -rf "$work"; }
trap cleanup EXIT
(cd "$work/base" && ./mvnw -q -B -DskipTests package)
./mvnw -q -B -DskipTests package
jar_of() { if [ "$1" = before ]; then ls "$work"/base/target/journey-explorer-*.jar; else ls target/journey-explorer-*.jar; fi; }
echo "| file | round | before | after | after ÷ before |"
echo "|---|---|---|---|---|"
for round in $(seq 1 "${BENCH_ROUNDS:-2}"); do
  for file in "$@"; do
    declare -A seconds=()
    for side in before after; do
      rm -rf "$work/store"
      java -Xmx2g -jar "$(jar_of $side)" --server.port="$port" --journeys.neo4j.embedded.bolt-port=0 \
        --journeys.data-dir="$work/store" --journeys.demo.load-on-start=false > "$work/$side.log" 2>&1 &
      app=$!
      until curl -sf "localhost:$port/actuator/health/readiness" > /dev/null; do
        kill -0 "$app" 2>/dev/null || { cat "$work/$side.log" >&2; exit 1; }
        sleep 1
      done
      started=$(date +%s.%N)
      status=$(curl -s -o "$work/$side.json" -w '%{http_code}' -H "X-API-Key: $(cat "$work/store/api-key")" \
        -H 'Content-Type: text/csv' --data-binary @"$file" "localhost:$port/api/events?openHorizon=0")
      seconds[$side]=$(echo "$(date +%s.%N) - $started" | bc)
      [ "$status" = 200 ] || { echo "upload answered $status" >&2; cat "$work/$side.json" >&2; exit 1; }
      kill "$app"; wait "$app" 2>/dev/null || true; app=""
    done
    printf '| %s | %d | %.1f s | %.1f s | %.2f |\n' "$(basename "$file")" "$round" "${seconds[before]}" \
      "${seconds[after]}" "$(echo "${seconds[after]} / ${seconds[before]}" | bc -l)"
  done
done
