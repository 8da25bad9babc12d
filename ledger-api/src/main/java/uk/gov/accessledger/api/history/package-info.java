/**
 * Reading entries: a citizen's own history (the subject comes from their verified token), one
 * entry with its chain neighbours and the corrections and concerns about it, a stream of the
 * citizen's new entries as server-sent events (WHATWG HTML, "Server-sent events"), and an
 * organisation's own recorded entries. Entries are served as their exact canonical bytes plus a
 * parsed copy and plain-English labels for every code in them.
 */
package uk.gov.accessledger.api.history;
