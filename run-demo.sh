#!/usr/bin/env bash
# Builds Access Ledger and starts it on the embedded default (H2 under ./data) in the demo
# profile: the development identity provider (demo citizens), the API with demo credentials and
# synthetic traffic, and the citizen portal. Ctrl-C stops all three. Each listens on 127.0.0.1
# only (demo tokens and public passwords); LEDGER_ADDRESS, PORTAL_ADDRESS and DEV_IDP_ADDRESS
# choose another address.
set -euo pipefail
cd "$(dirname "$0")"
export AXONIQ_UPDATE_CHECKER_DISABLED=true
IDP_PORT=${DEV_IDP_PORT:-9000}
PORTAL_PORT=${PORTAL_PORT:-8081}
API_PORT=${LEDGER_PORT:-8080}
mvn -q -B -DskipTests package
mkdir -p data

wait_for() { # url, name, log
  for _ in $(seq 1 600); do curl -sf -o /dev/null "$1" && return 0; sleep 1; done
  echo "couldn't start $2: see $3" >&2; exit 1
}

DEV_IDP_PORT=$IDP_PORT \
DEV_IDP_REDIRECT_URIS="http://localhost:$PORTAL_PORT/login/oauth2/code/ledger" \
DEV_IDP_POST_LOGOUT_REDIRECT_URIS="http://localhost:$PORTAL_PORT/signed-out" \
  java -jar dev-identity-provider/target/dev-identity-provider-0.1.0-SNAPSHOT.jar > data/dev-identity-provider.log 2>&1 &
IDP=$!
trap 'kill $IDP ${PORTAL:-} 2>/dev/null || true' EXIT
wait_for "http://localhost:$IDP_PORT/.well-known/openid-configuration" "the identity provider" data/dev-identity-provider.log

# The portal starts once the API is ready; the API runs in the foreground and prints its banner.
(
  wait_for "http://localhost:$API_PORT/actuator/health/readiness" "ledger-api" "this terminal"
  PORTAL_PORT=$PORTAL_PORT PORTAL_LEDGER_API_URL="http://localhost:$API_PORT" \
    PORTAL_OIDC_ISSUER="http://localhost:$IDP_PORT" \
    java -jar citizen-portal/target/citizen-portal-0.1.0-SNAPSHOT.jar --spring.profiles.active=demo \
    > data/citizen-portal.log 2>&1 &
  trap 'kill $! 2>/dev/null || true' EXIT
  wait_for "http://localhost:$PORTAL_PORT/actuator/health" "the citizen portal" data/citizen-portal.log
  cat <<BANNER

==================================================================
 Citizen portal: http://localhost:$PORTAL_PORT/   (log: data/citizen-portal.log)
 Sign in at the development identity provider with an NHS number
 below and the password: demo
BANNER
  # demo-citizens.csv is the one list: the identity provider and the API's demo traffic read it too.
  tail -n +2 demo-citizens.csv | while IFS=, read -r name nhs; do
    printf '     %-18s NHS number %s\n' "$name" "$nhs"
  done
  echo "=================================================================="
  wait
) &
PORTAL=$!

LEDGER_PORT=$API_PORT \
LEDGER_OIDC_JWKS_URI="http://localhost:$IDP_PORT/oauth2/jwks" \
LEDGER_OIDC_ISSUER="http://localhost:$IDP_PORT" \
  java -jar ledger-api/target/ledger-api-0.1.0-SNAPSHOT.jar --spring.profiles.active=demo
