#!/usr/bin/env bash
# The benchmark report: builds the jars, loads ledger-api on PostgreSQL end to end (load.sh), then
# runs every JMH micro-benchmark, and writes docs/benchmarks.md and docs/benchmarks.json (the
# committed report) with both. About 20 minutes on 2 cores.
#
#   ./ledger-bench/run.sh                 # full run: load, then 3 forks x (3 warm-up + 5 measured) x 1 s
#   ./ledger-bench/run.sh --forks 5       # options after the script go to `report` (see ReportSettings)
#   ./ledger-bench/run.sh --smoke         # seconds: tiny data, no load run; checks that everything runs
#
# LEDGER_BENCH_SCALE_JSON=ledger-bench/target/scale/scale.json adds the figures of a scale.sh run (history
# page, proofs and exports on a bulk-loaded database) to the target rows.
# LEDGER_BENCH_LOAD=false skips the load runs (the ingest rows then say "not measured here");
# LEDGER_BENCH_LOAD_ARGS passes options to the load generator (see LoadSettings). After the
# measured load run, a second short one with a flight recording counts the API's PostgreSQL round
# trips per entry (LEDGER_BENCH_PROFILE=false skips it); its rates are not used.
# Run it on a quiet machine: the report records the load average it measured under.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -pl ledger-core,ledger-api,ledger-bench -am -DskipTests package
load=()
if [ "${LEDGER_BENCH_LOAD:-true}" = true ] && [[ " $* " != *" --smoke "* ]]; then
  out=ledger-bench/target/load
  rm -f "$out/load.json"
  # shellcheck disable=SC2086
  LEDGER_BENCH_SKIP_BUILD=true LEDGER_BENCH_LOAD_OUT="$out" ./ledger-bench/load.sh ${LEDGER_BENCH_LOAD_ARGS:-}
  if [ "${LEDGER_BENCH_PROFILE:-true}" = true ]; then
    profiled=ledger-bench/target/load-profile
    LEDGER_BENCH_SKIP_BUILD=true LEDGER_BENCH_PROFILE=true LEDGER_BENCH_LOAD_OUT="$profiled" ./ledger-bench/load.sh \
      --batches 6 --batch-clients 1 --single-requests 1000 --inclusion-clients 0 --max-seconds 30 --warmup-batches 10 --warmup-seconds 5 \
      --jit-warmup-max-seconds 0
    java -jar ledger-bench/target/ledger-bench.jar roundtrips "$profiled/api.jfr" "$profiled/load.json" "$out/load.json"
  fi
  load=(--load "$out/load.json")
fi
scale=()
if [ -n "${LEDGER_BENCH_SCALE_JSON:-}" ]; then
  scale=(--scale "$LEDGER_BENCH_SCALE_JSON")
fi
exec java -jar ledger-bench/target/ledger-bench.jar report --out docs \
  --command "./ledger-bench/run.sh${*:+ $*}" "${load[@]}" "${scale[@]}" "$@"
