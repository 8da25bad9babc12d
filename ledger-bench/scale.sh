#!/usr/bin/env bash
# Query load at scale (issue 6 item 4): bulk-loads a fresh PostgreSQL database with N valid entries
# over M subjects (bulkload), starts ledger-api on it with a small heap, measures a citizen's
# history page, an entry page with its proof, inclusion and consistency proofs, and the streamed
# auditor exports over HTTP (querybench), each beside its baseline (the same SQL by plain JDBC, a
# binary COPY of the exports' rows), writes scale.json, then stops the API and drops the database.
#
#   ./ledger-bench/scale.sh                               # 10 M entries / 1 M subjects (about an hour on 2 cores)
#   LEDGER_BENCH_ENTRIES=20000 LEDGER_BENCH_SUBJECTS=2000 ./ledger-bench/scale.sh --seconds 5   # a quick look
#
# Options after the script go to querybench (see QueryBenchSettings), e.g. --clients 8 --seconds 30.
# LEDGER_BENCH_API_HEAP (default 256m) is the API's -Xmx: the exports run under it.
# To measure a database loaded earlier instead (it is then kept): LEDGER_BENCH_SCALE_DB=<name> and
# LEDGER_BENCH_SCALE_KEYS=<dir holding that load's pseudonym-key and log-signing-key>.
# Needs PostgreSQL on 127.0.0.1:5432 where user postgres may create databases, and ~4.2 KB of disk
# per entry (about 42 GB for 10 M). Output: $LEDGER_BENCH_SCALE_OUT (default ledger-bench/target/scale).
set -euo pipefail
cd "$(dirname "$0")/.."

out=${LEDGER_BENCH_SCALE_OUT:-ledger-bench/target/scale}
entries=${LEDGER_BENCH_ENTRIES:-10000000}
subjects=${LEDGER_BENCH_SUBJECTS:-1000000}
heap=${LEDGER_BENCH_API_HEAP:-256m}
port=${LEDGER_BENCH_PORT:-18080}
jwks_port=${LEDGER_BENCH_JWKS_PORT:-18079}
pg=(psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1 -q)

if [ "${LEDGER_BENCH_SKIP_BUILD:-}" != true ]; then
  mvn -B -q -pl ledger-core,ledger-api,ledger-bench -am -DskipTests package
fi
mkdir -p "$out"
work=$(mktemp -d)
api=""
if [ -n "${LEDGER_BENCH_SCALE_DB:-}" ]; then
  db=$LEDGER_BENCH_SCALE_DB
  keys=${LEDGER_BENCH_SCALE_KEYS:?set LEDGER_BENCH_SCALE_KEYS to the directory of that load\'s keys}
  own_db=false
else
  db="ledger_scale_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
  keys=$work
  own_db=true
fi

cleanup() {
  if [ -n "$api" ]; then
    kill "$api" 2>/dev/null || true
    wait "$api" 2>/dev/null || true
  fi
  if [ "$own_db" = true ]; then
    "${pg[@]}" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ "$own_db" = true ]; then
  "${pg[@]}" -c "CREATE DATABASE $db"
  # The loader runs ledger-api's Flyway migrations itself, then fills the empty schema.
  java -Xmx6g -jar ledger-bench/target/ledger-bench.jar bulkload \
    --pg-url "jdbc:postgresql://127.0.0.1:5432/$db" --entries "$entries" --subjects "$subjects" \
    --pseudonym-key-file "$keys/pseudonym-key" --signing-key-file "$keys/log-signing-key" \
    --out "$out/bulkload.json" | tee "$out/bulkload.log"
  subjects_loaded=$subjects
else
  subjects_loaded=$(psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT COUNT(DISTINCT subject) FROM ledger_entry")
  subjects_loaded=${LEDGER_BENCH_SUBJECTS:-$subjects_loaded}
fi
"${pg[@]}" -d "$db" -tAc "SELECT pg_size_pretty(pg_database_size('$db'))" > "$out/database-size.txt" || true

# The API needs a service credential to start; querybench reads only.
secret=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
cat > "$work/credentials.yaml" <<YAML
credentials:
  - name: gp-riverside-patient-record
    role: service
    secretSha256: $(printf %s "$secret" | sha256sum | cut -d' ' -f1)
YAML

LEDGER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" LEDGER_DB_USER=postgres \
LEDGER_PSEUDONYM_KEY="$(cat "$keys/pseudonym-key")" \
LEDGER_SERVICE_CREDENTIALS_FILE="$work/credentials.yaml" \
LEDGER_OIDC_JWKS_URI="http://127.0.0.1:$jwks_port/jwks.json" \
LEDGER_LOG_SIGNING_KEY_FILE="$keys/log-signing-key" \
LEDGER_PORT="$port" \
  java "-Xmx$heap" ${LEDGER_BENCH_API_JAVA_OPTS:-} -jar ledger-api/target/ledger-api-0.1.0-SNAPSHOT.jar > "$out/api.log" 2>&1 &
api=$!

for _ in $(seq 1 180); do
  if curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null; then break; fi
  if ! kill -0 "$api" 2>/dev/null; then echo "ledger-api exited; see $out/api.log" >&2; exit 1; fi
  sleep 1
done
curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null

java -jar ledger-bench/target/ledger-bench.jar querybench --url "http://127.0.0.1:$port" \
  --jwks-port "$jwks_port" --subjects "$subjects_loaded" --api-pid "$api" --api-heap "-Xmx$heap" \
  --bulkload "$out/bulkload.json" --out "$out/scale.json" \
  --pg-url "jdbc:postgresql://127.0.0.1:5432/$db" --pseudonym-key-file "$keys/pseudonym-key" "$@"
