/**
 * The demo profile: demo service credentials, a local token issuer for demo citizens and an
 * auditor, and synthetic traffic. Nothing here exists outside the {@code demo} profile, and that
 * profile refuses to start on anything but the embedded H2 database.
 */
package uk.gov.accessledger.api.demo;
