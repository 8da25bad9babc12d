/**
 * RFC 9457 problem details. Every client error names the field it is about as a JSON Pointer
 * (RFC 6901) in {@code errors[].pointer}, and no client error is ever answered with a 5xx.
 * Problem types are URNs listed in {@link ProblemType}.
 */
package uk.gov.accessledger.api.problem;
