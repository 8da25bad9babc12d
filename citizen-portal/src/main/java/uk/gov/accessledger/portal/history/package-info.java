/**
 * "Who has used your data": the citizen's history (newest first, filtered, paged), one entry in
 * plain English with its genuineness checks, the concern form, and downloads (CSV, JSON).
 * Everything is read from ledger-api per request; nothing is stored by the portal.
 */
package uk.gov.accessledger.portal.history;
