package uk.gov.accessledger.logformat;

import java.util.Objects;

/**
 * One signature line of a signed note: the key name, the key ID and the base64 of {@code key ID
 * || signature}, exactly as it appeared.
 */
public record NoteSignature(String keyName, int keyId, String base64) {

    public NoteSignature {
        Objects.requireNonNull(keyName);
        Objects.requireNonNull(base64);
    }

    /** {@code <name>+<hex key ID>}, the notation of verifier keys. */
    public String keyLabel() {
        return keyName + "+" + KeyId.toHex(keyId);
    }

    /** The signature line, {@code — <name> <base64>} and a newline. */
    String line() {
        return SignedNote.SIGNATURE_LINE_PREFIX + keyName + " " + base64 + "\n";
    }

    /**
     * Parses one signature line, without its newline: an em dash and a space, a valid key name,
     * a space, and canonical base64 of a 4-byte key ID and at least one signature byte.
     */
    static NoteSignature parseLine(String line, int lineNumber) throws NoteVerificationException {
        String where = "signature line " + lineNumber;
        if (!line.startsWith(SignedNote.SIGNATURE_LINE_PREFIX)) {
            throw SignedNote.malformed(
                    where + " doesn't start with an em dash (U+2014) and a space", line);
        }
        String rest = line.substring(SignedNote.SIGNATURE_LINE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw SignedNote.malformed(where + " has no space between key name and signature", line);
        }
        String name = rest.substring(0, space);
        String base64 = rest.substring(space + 1);
        if (!KeyName.isValid(name)) {
            throw SignedNote.malformed(where + " has an invalid key name", name);
        }
        byte[] keyIdAndSignature = StrictBase64.decodeOrNull(base64);
        if (keyIdAndSignature == null) {
            throw SignedNote.malformed(
                    where + " has a signature that isn't standard padded base64", base64);
        }
        if (keyIdAndSignature.length <= SignedNote.KEY_ID_SIZE) {
            throw SignedNote.malformed(
                    where + " has a signature of " + keyIdAndSignature.length
                            + " bytes, want a 4-byte key ID and a signature",
                    base64);
        }
        return new NoteSignature(name, KeyId.fromBytes(keyIdAndSignature, 0), base64);
    }
}
