/**
 * RFC 8785 JSON Canonicalization Scheme (JCS), the byte form every ledger entry is hashed and
 * stored in.
 *
 * <p>{@link CanonicalJson} is the whole public surface: canonical
 * bytes from a Jackson tree or from strictly parsed UTF-8 JSON, and ECMAScript number
 * serialization. Inside: {@code StrictJsonReader} parses (I-JSON, RFC 7493: no duplicate names,
 * numbers as IEEE 754 doubles), {@code CanonicalWriter} sorts and escapes (RFC 8785 sections
 * 3.2.2 and 3.2.3), {@code EcmaScriptNumber} lays out numbers as ECMA-262 Number::toString does,
 * and {@code ShortestDecimal} with {@code PowersOfTen} finds their digits with Giulietti's
 * Schubfach algorithm.
 */
package uk.gov.accessledger.canonical;
