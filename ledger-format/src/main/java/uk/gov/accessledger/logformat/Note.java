package uk.gov.accessledger.logformat;

import java.util.List;

/**
 * An opened signed note: its text, which ends in a newline, the signatures that known keys
 * verified, and the signatures by unknown keys, which were ignored.
 *
 * <p>Only {@link SignedNote#open} makes a {@code Note}, so holding one means at least one known
 * key's signature on the text verified.
 */
public final class Note {

    private final String text;
    private final List<NoteSignature> verifiedSignatures;
    private final List<NoteSignature> unverifiedSignatures;

    Note(
            String text,
            List<NoteSignature> verifiedSignatures,
            List<NoteSignature> unverifiedSignatures) {
        this.text = text;
        this.verifiedSignatures = List.copyOf(verifiedSignatures);
        this.unverifiedSignatures = List.copyOf(unverifiedSignatures);
    }

    /** The signed text, including its final newline but not the blank separator line. */
    public String text() {
        return text;
    }

    /** The signatures by known keys, all verified, one per key, in note order. */
    public List<NoteSignature> verifiedSignatures() {
        return verifiedSignatures;
    }

    /** The signatures by unknown keys, not verified, in note order without repeats. */
    public List<NoteSignature> unverifiedSignatures() {
        return unverifiedSignatures;
    }

    /** Whether a signature by {@code verifier}'s key verified on this note. */
    public boolean isSignedBy(NoteVerifier verifier) {
        return verifiedSignatures.stream()
                .anyMatch(s -> s.keyName().equals(verifier.name()) && s.keyId() == verifier.keyId());
    }

    @Override
    public String toString() {
        return "Note[verified="
                + verifiedSignatures.stream().map(NoteSignature::keyLabel).toList()
                + ", unverified="
                + unverifiedSignatures.stream().map(NoteSignature::keyLabel).toList()
                + ", text="
                + text.replace("\n", "\\n")
                + "]";
    }
}
