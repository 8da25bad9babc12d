/**
 * End-to-end tests in a real browser (Debian's headless Chromium driven by Selenium WebDriver):
 * the development identity provider and ledger-api run as child processes from their built jars,
 * the portal in the test JVM, and every page is checked with axe-core.
 */
package uk.gov.accessledger.portal.browser;
