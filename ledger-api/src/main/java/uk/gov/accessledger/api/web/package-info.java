/**
 * The HTTP edge below the controllers: Reactor Netty's request decoding, connection reuse, and
 * the last-resort rendering of failures no controller advice saw. Every answer from these layers
 * is an RFC 9457 problem ({@code application/problem+json}), like the controllers' own. And what
 * every controller reads from a URL the same way: query parameters ({@code QueryParameters}), page
 * cursors ({@code PageCursor}), whole numbers ({@code WholeNumbers}), and the characters any text
 * may hold, in a URL or a body ({@code TextCharacters}), per docs/api.md.
 */
package uk.gov.accessledger.api.web;
