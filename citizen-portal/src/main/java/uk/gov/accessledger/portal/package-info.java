/**
 * The citizen portal, "See who has used your data": a GOV.UK Design System service over
 * ledger-api. This package holds the application, its security (OpenID Connect sign-in with the
 * authorisation code flow, PKCE RFC 7636 and nonce; CSRF; CSP and other headers) and the pages
 * that need no ledger data (start, accessibility statement, cookies, errors).
 */
package uk.gov.accessledger.portal;
