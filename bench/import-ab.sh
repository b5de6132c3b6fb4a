#!/usr/bin/env bash
# The CLI import of each FILE into a fresh store, by the jar of revision BASE and by the working tree's, alternating:
# bench/import-ab.sh BASE FILE... [ROUNDS=2 in BENCH_ROUNDS]. Times the whole command (JVM and Neo4j start included)
# and prints a Markdown row per run with the ratio after ÷ before. For a change that could slow every import a little.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:?usage: bench/import-ab.sh BASE-REVISION FILE...}"
shift
[ $# -gt 0 ] || { echo "usage: bench/import-ab.sh BASE-REVISION FILE..." >&2; exit 2; }
work="$(pwd)/target/bench/import-ab"
rm -rf "$work"
mkdir -p "$work"
git worktree add -q --detach "$work/base" "$base"
trap 'git worktree remove --force "$work/base"; rm -rf "$work"' EXIT
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
      started=$(date +%s.%N)
      java -Xmx2g -jar "$(jar_of $side)" import "$file" --journeys.data-dir="$work/store" --openHorizon=0 \
        > "$work/$side.out" 2>&1 || { cat "$work/$side.out" >&2; exit 1; }
      seconds[$side]=$(echo "$(date +%s.%N) - $started" | bc)
    done
    printf '| %s | %d | %.1f s | %.1f s | %.2f |\n' "$(basename "$file")" "$round" "${seconds[before]}" \
      "${seconds[after]}" "$(echo "${seconds[after]} / ${seconds[before]}" | bc -l)"
  done
done
