/**
 * The entry read model ({@code ledger_entry}) and its queries. The projection runs in a subscribing
 * event processor, inside the transaction that appends the event: an entry is queryable exactly
 * when it is committed, and no event can be skipped the way a streaming processor can skip one
 * whose transaction commits after its gap timeout.
 */
package uk.gov.accessledger.api.projection;
