#!/usr/bin/env bash
# Builds Access Ledger and starts it on the embedded default (H2 under ./data) in the demo
# profile: demo credentials, a local token issuer and synthetic traffic. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"
export AXONIQ_UPDATE_CHECKER_DISABLED=true
mvn -q -B -DskipTests install
mkdir -p data
java -jar citizen-portal/target/citizen-portal-0.1.0-SNAPSHOT.jar > data/citizen-portal.log 2>&1 &
PORTAL=$!
trap 'kill $PORTAL 2>/dev/null || true' EXIT
echo "Citizen portal (placeholder): http://localhost:${PORTAL_PORT:-8081}/  (log: data/citizen-portal.log)"
java -jar ledger-api/target/ledger-api-0.1.0-SNAPSHOT.jar --spring.profiles.active=demo
