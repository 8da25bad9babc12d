/**
 * Authentication and authorisation. Services authenticate with per-service credentials (HTTP
 * Basic, the secret checked against its SHA-256) bound to their organisation; citizens and
 * auditors present OpenID Connect bearer JWTs validated against the configured issuer's keys.
 * A citizen's subject comes only from a verified token claim, never from a request parameter.
 */
package uk.gov.accessledger.api.security;
