/**
 * A development OpenID Connect provider (OpenID Connect Core 1.0 on Spring Authorization Server)
 * for the demo and the browser tests only: the demo citizens sign in with a form, and the portal
 * gets an ID token and an access token (RFC 9068 JWT) naming the ledger as audience and carrying
 * the citizen's NHS number. Authorisation code flow with PKCE (RFC 7636) is required. Production
 * points the portal and the ledger at a real issuer (e.g. GOV.UK One Login) instead.
 */
package uk.gov.accessledger.devidp;
