package uk.gov.accessledger.api.security;

/**
 * One configured credential: {@code name} is a service code (role {@code service}) or an
 * operator name (role {@code operator}); {@code secretSha256} is the hex SHA-256 of the secret.
 * Secrets are random and at least 32 characters, so a fast hash is enough (as for API tokens) and
 * keeps authentication off the critical path of single-entry ingest (docs/design.md, "Performance
 * targets").
 */
public record ServiceCredential(String name, String role, String secretSha256) {
}
