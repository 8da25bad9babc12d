package uk.gov.accessledger.canonical;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte sequence that every conforming
 * implementation produces for a JSON value, so that hashes and signatures over it agree.
 * Thread-safe and stateless.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /**
     * The canonical UTF-8 bytes of {@code node}. Every number is taken as the IEEE 754 double
     * nearest to it (integer and decimal nodes beyond that precision are rounded, as RFC 8785
     * section 3.2.2.3 prescribes).
     *
     * @param node requires non-null
     * @throws CanonicalJsonException for NaN, infinities and numbers beyond the double range, lone
     *     surrogates in strings or property names, binary, POJO or missing nodes, and nesting
     *     deeper than 1000 arrays and objects; the message names the JSON Pointer of the culprit
     */
    public static byte[] canonicalize(JsonNode node) {
        if (node == null) {
            throw new IllegalArgumentException("requires a non-null node");
        }
        try {
            return CanonicalWriter.write(node);
        } catch (CanonicalizationFailure failure) {
            throw failure.toException();
        }
    }

    /**
     * Parses {@code utf8Json} strictly and returns its canonical UTF-8 bytes.
     *
     * @param utf8Json requires non-null; one JSON value (RFC 8259) encoded as UTF-8, without a
     *     byte order mark, optionally surrounded by JSON whitespace
     * @throws CanonicalJsonException for ill-formed UTF-8, malformed JSON, duplicate property
     *     names, NaN or Infinity tokens, numbers beyond the double range, lone surrogates, and
     *     anything after the value, as well as for everything {@link #canonicalize(JsonNode)} refuses
     */
    public static byte[] canonicalize(byte[] utf8Json) {
        if (utf8Json == null) {
            throw new IllegalArgumentException("requires non-null JSON bytes");
        }
        try {
            return CanonicalWriter.write(StrictJsonReader.read(utf8Json));
        } catch (CanonicalizationFailure failure) {
            throw failure.toException();
        }
    }

    /**
     * ECMAScript's Number::toString for {@code d} (RFC 8785 section 3.2.2.3): the fewest
     * significant digits that read back as {@code d}, the closest such if several, in plain
     * notation for magnitudes in [1e-6, 1e21) and exponent notation otherwise. Both zeros give "0".
     *
     * @throws CanonicalJsonException if {@code d} is NaN or infinite, which JSON cannot express
     */
    public static String serializeNumber(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            String name = Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
            throw new CanonicalJsonException(name + " is not a JSON number", null, "");
        }
        return EcmaScriptNumber.toString(d);
    }
}
