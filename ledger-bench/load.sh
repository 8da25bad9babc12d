#!/usr/bin/env bash
# End-to-end load: starts ledger-api on a fresh PostgreSQL database on this machine (loopback
# only), runs the bounded load generator against it with the plain JDBC INSERT baseline in the
# same database, writes load.json, then stops the API and drops the database.
#
#   ./ledger-bench/load.sh [load options]     e.g. --batches 100 --batch-clients 4 (see LoadSettings)
#
# Needs PostgreSQL on 127.0.0.1:5432 where user postgres may create databases (as the tests do).
# LEDGER_BENCH_API_JAVA_OPTS adds JVM options to the API. LEDGER_BENCH_PROFILE=true records every
# PostgreSQL socket read of the API (a flight recording, api.jfr, which slows it) and adds the
# round trips per entry, by caller, to load.json.
# Output: $LEDGER_BENCH_LOAD_OUT (default ledger-bench/target/load)/load.json and api.log.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${LEDGER_BENCH_LOAD_OUT:-ledger-bench/target/load}
port=${LEDGER_BENCH_PORT:-18080}
pg=(psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1 -q)

if [ "${LEDGER_BENCH_SKIP_BUILD:-}" != true ]; then
  mvn -B -q -pl ledger-core,ledger-api,ledger-bench -am -DskipTests package
fi
mkdir -p "$out"
work=$(mktemp -d)
db="ledger_bench_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
secret=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
operator_secret=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
api=""
jfr=()
if [ "${LEDGER_BENCH_PROFILE:-}" = true ]; then
  rm -f "$out/api.jfr"
  jfr=(-XX:FlightRecorderOptions:stackdepth=128
       "-XX:StartFlightRecording:filename=$out/api.jfr,settings=profile,jdk.SocketRead#threshold=0ms,dumponexit=true")
fi

cleanup() {
  if [ -n "$api" ]; then
    kill "$api" 2>/dev/null || true
    wait "$api" 2>/dev/null || true
  fi
  "${pg[@]}" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  rm -rf "$work"
}
trap cleanup EXIT

"${pg[@]}" -c "CREATE DATABASE $db"
cat > "$work/credentials.yaml" <<YAML
credentials:
  - name: gp-riverside-patient-record
    role: service
    secretSha256: $(printf %s "$secret" | sha256sum | cut -d' ' -f1)
  - name: ledger-bench-operator
    role: operator
    secretSha256: $(printf %s "$operator_secret" | sha256sum | cut -d' ' -f1)
YAML

LEDGER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" LEDGER_DB_USER=postgres \
LEDGER_PSEUDONYM_KEY="$(head -c 32 /dev/urandom | base64)" \
LEDGER_SERVICE_CREDENTIALS_FILE="$work/credentials.yaml" \
LEDGER_OIDC_JWKS_URI=http://127.0.0.1:1/unused \
LEDGER_LOG_SIGNING_KEY_FILE="$work/log-signing-key" \
LEDGER_PORT="$port" \
  java -Xmx2g "${jfr[@]}" ${LEDGER_BENCH_API_JAVA_OPTS:-} -jar ledger-api/target/ledger-api-0.1.0-SNAPSHOT.jar > "$out/api.log" 2>&1 &
api=$!

for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null; then break; fi
  if ! kill -0 "$api" 2>/dev/null; then echo "ledger-api exited; see $out/api.log" >&2; exit 1; fi
  sleep 1
done
curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null

LEDGER_BENCH_SERVICE_SECRET="$secret" LEDGER_BENCH_OPERATOR="ledger-bench-operator:$operator_secret" java -jar ledger-bench/target/ledger-bench.jar load \
  --url "http://127.0.0.1:$port" --pg-url "jdbc:postgresql://127.0.0.1:5432/$db" --api-pid "$api" --out "$out" "$@"

# Stop the API so that its recording is written, then count its round trips.
kill "$api"
wait "$api" || true
api=""
if [ "${LEDGER_BENCH_PROFILE:-}" = true ]; then
  java -jar ledger-bench/target/ledger-bench.jar roundtrips "$out/api.jfr" "$out/load.json"
fi
