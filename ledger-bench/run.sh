#!/usr/bin/env bash
# Builds the benchmarks jar and runs every benchmark, writing docs/benchmarks.md and
# docs/benchmarks.json (the committed report). Takes about 15 minutes on 2 cores.
#
#   ./ledger-bench/run.sh                 # full run: 3 forks x (3 warm-up + 5 measured) x 1 s
#   ./ledger-bench/run.sh --forks 5       # any option of `report` (see ReportSettings) is passed on
#   ./ledger-bench/run.sh --smoke         # seconds: tiny data, checks that everything runs
#
# PostgreSQL's version is read from LEDGER_BENCH_PG_URL (default 127.0.0.1:5432, user postgres) if
# it is reachable. Run it on a quiet machine: the report records the load average it measured under.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -pl ledger-core,ledger-bench -am -DskipTests package
exec java -jar ledger-bench/target/ledger-bench.jar report --out docs \
  --command "./ledger-bench/run.sh${*:+ $*}" "$@"
