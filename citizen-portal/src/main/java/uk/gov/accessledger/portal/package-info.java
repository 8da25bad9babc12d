/** The citizen portal web application (GOV.UK Design System pages over ledger-api). */
package uk.gov.accessledger.portal;
