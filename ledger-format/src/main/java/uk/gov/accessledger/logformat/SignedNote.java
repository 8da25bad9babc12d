package uk.gov.accessledger.logformat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.gov.accessledger.logformat.NoteVerificationException.Reason;

/**
 * Signs and opens c2sp.org/signed-note notes.
 *
 * <p>A signed note is its text, which ends in a newline, then a blank line, then one or more
 * signature lines {@code — <key name> <base64(key ID || signature)>}, each ending in a newline;
 * the dash is U+2014. The whole note is valid UTF-8 with no ASCII control character but newline.
 * The text is separated from the signatures by the last blank line.
 *
 * <p>{@link #open} follows the spec and golang.org/x/mod/sumdb/note {@code Open}: signatures by
 * unknown keys (whose name and key ID together match no known key) are ignored; every signature
 * by a known key is verified, and one that fails rejects the whole note; at least one must
 * verify.
 */
public final class SignedNote {

    /**
     * The most signature lines {@link #open} reads. The spec asks verifiers to accept at least 16;
     * this is sumdb's limit.
     */
    public static final int MAX_SIGNATURES = 100;

    /** Em dash (U+2014) and space, the start of every signature line. */
    static final String SIGNATURE_LINE_PREFIX = "\u2014 ";

    private static final String BLANK_LINE_SEPARATOR = "\n\n";
    /** The length of the key ID that starts every signature. */
    static final int KEY_ID_SIZE = 4;

    private SignedNote() {}

    /**
     * Signs {@code text} with each signer, in order, and returns the signed note: {@code text},
     * a newline, and one signature line per signer.
     *
     * @throws IllegalArgumentException unless {@code text} ends in a newline and has no control
     *     character but newline nor unpaired surrogate, and there is at least one signer with no
     *     two sharing a key name and key ID
     */
    public static String sign(String text, Ed25519NoteSigner... signers) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("requires note text ending in a newline");
        }
        int forbidden = NoteCharacters.indexOfForbidden(text);
        if (forbidden >= 0) {
            throw new IllegalArgumentException(
                    "requires note text with no control character but newline and no unpaired surrogate:"
                            + " got "
                            + NoteCharacters.describe(text, forbidden));
        }
        if (signers.length == 0) {
            throw new IllegalArgumentException("requires at least one signer");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Set<String> seen = new HashSet<>();
        StringBuilder note = new StringBuilder(text).append('\n');
        for (Ed25519NoteSigner signer : signers) {
            String label = signer.name() + "+" + KeyId.toHex(signer.keyId());
            if (!seen.add(label)) {
                throw new IllegalArgumentException("requires distinct signers: got " + label + " twice");
            }
            byte[] signature = signer.sign(message);
            byte[] keyIdAndSignature = new byte[KEY_ID_SIZE + signature.length];
            KeyId.toBytes(signer.keyId(), keyIdAndSignature, 0);
            System.arraycopy(signature, 0, keyIdAndSignature, KEY_ID_SIZE, signature.length);
            note.append(
                    new NoteSignature(signer.name(), signer.keyId(), StrictBase64.encode(keyIdAndSignature))
                            .line());
        }
        return note.toString();
    }

    /**
     * Opens a signed note given as bytes, which must be valid UTF-8.
     *
     * @see #open(String, NoteVerifier...)
     */
    public static Note open(byte[] signedNote, NoteVerifier... known)
            throws NoteVerificationException {
        String decoded;
        try {
            decoded =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(signedNote))
                            .toString();
        } catch (CharacterCodingException e) {
            throw malformed("not valid UTF-8", null);
        }
        return open(decoded, known);
    }

    /**
     * Parses {@code signedNote} and verifies its signatures against the {@code known} keys.
     *
     * @return the note, with its verified and ignored signatures in the order they appeared
     *     (repeats of a signature line dropped)
     * @throws NoteVerificationException if the note is malformed ({@link Reason#MALFORMED_NOTE}),
     *     has more than {@value #MAX_SIGNATURES} signature lines ({@link
     *     Reason#TOO_MANY_SIGNATURES}), a signature names a key that two different known keys
     *     share ({@link Reason#AMBIGUOUS_KEY}), a known key's signature fails ({@link
     *     Reason#INVALID_SIGNATURE}), or no known key's signature is present ({@link
     *     Reason#NO_KNOWN_SIGNATURE})
     */
    public static Note open(String signedNote, NoteVerifier... known)
            throws NoteVerificationException {
        int forbidden = NoteCharacters.indexOfForbidden(signedNote);
        if (forbidden >= 0) {
            throw malformed(
                    "control character or unpaired surrogate",
                    NoteCharacters.describe(signedNote, forbidden));
        }
        int split = signedNote.lastIndexOf(BLANK_LINE_SEPARATOR);
        if (split < 0) {
            throw malformed("no blank line between the text and the signatures", null);
        }
        String text = signedNote.substring(0, split + 1);
        String signatureBlock = signedNote.substring(split + BLANK_LINE_SEPARATOR.length());
        if (signatureBlock.isEmpty()) {
            throw malformed("no signature lines after the blank line", null);
        }
        if (!signatureBlock.endsWith("\n")) {
            throw malformed("last signature line doesn't end in a newline", null);
        }
        String[] lines = signatureBlock.substring(0, signatureBlock.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new NoteVerificationException(
                    Reason.TOO_MANY_SIGNATURES,
                    "couldn't open note: got " + lines.length + " signatures, want at most "
                            + MAX_SIGNATURES,
                    String.valueOf(MAX_SIGNATURES),
                    String.valueOf(lines.length));
        }

        Map<String, List<NoteVerifier>> knownByLabel = indexKnown(known);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Set<String> verifiedLabels = new HashSet<>();
        List<NoteSignature> verified = new ArrayList<>();
        Set<NoteSignature> unverified = new LinkedHashSet<>();
        for (int i = 0; i < lines.length; i++) {
            NoteSignature signature = NoteSignature.parseLine(lines[i], i + 1);
            List<NoteVerifier> candidates = knownByLabel.get(signature.keyLabel());
            if (candidates == null) {
                unverified.add(signature);
                continue;
            }
            if (candidates.size() > 1) {
                throw new NoteVerificationException(
                        Reason.AMBIGUOUS_KEY,
                        "couldn't open note: ambiguous key " + signature.keyLabel()
                                + ": " + candidates.size() + " known keys have this name and key ID",
                        "1",
                        String.valueOf(candidates.size()));
            }
            byte[] keyIdAndSignature = StrictBase64.decodeOrNull(signature.base64());
            byte[] signatureBytes = new byte[keyIdAndSignature.length - KEY_ID_SIZE];
            System.arraycopy(keyIdAndSignature, KEY_ID_SIZE, signatureBytes, 0, signatureBytes.length);
            if (!candidates.get(0).verify(message, signatureBytes)) {
                throw new NoteVerificationException(
                        Reason.INVALID_SIGNATURE,
                        "couldn't open note: invalid signature for key " + signature.keyLabel(),
                        "a valid signature by " + signature.keyLabel(),
                        signature.base64());
            }
            if (verifiedLabels.add(signature.keyLabel())) {
                verified.add(signature);
            }
        }
        if (verified.isEmpty()) {
            List<String> found = unverified.stream().map(NoteSignature::keyLabel).distinct().toList();
            List<String> wanted = knownByLabel.keySet().stream().sorted().toList();
            throw new NoteVerificationException(
                    Reason.NO_KNOWN_SIGNATURE,
                    "couldn't open note: no known signature: got signatures by " + found
                            + ", want one by " + wanted,
                    wanted.toString(),
                    found.toString());
        }
        return new Note(text, verified, new ArrayList<>(unverified));
    }

    private static Map<String, List<NoteVerifier>> indexKnown(NoteVerifier... known) {
        Map<String, List<NoteVerifier>> byLabel = new HashMap<>();
        for (NoteVerifier verifier : known) {
            List<NoteVerifier> sameLabel =
                    byLabel.computeIfAbsent(verifier.keyLabel(), label -> new ArrayList<>());
            // The same key listed twice is harmless; two keys sharing a label are not.
            if (!sameLabel.contains(verifier)) {
                sameLabel.add(verifier);
            }
        }
        return byLabel;
    }

    static NoteVerificationException malformed(String problem, String found) {
        return new NoteVerificationException(
                Reason.MALFORMED_NOTE,
                "couldn't open note: malformed: " + problem + (found == null ? "" : ": got \"" + found
                        + "\""),
                null,
                found);
    }
}
