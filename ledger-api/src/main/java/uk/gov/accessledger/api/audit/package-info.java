/**
 * For regulators and auditors (auditor role only): entries streamed as CSV or JSON Lines with
 * constant memory, summary figures, the list of policy exceptions, signed export bundles
 * (docs/export-bundle.md) and the server's self-audit of every stored hash, chain and checkpoint.
 */
package uk.gov.accessledger.api.audit;
