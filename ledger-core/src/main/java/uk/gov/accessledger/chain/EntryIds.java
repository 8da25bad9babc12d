package uk.gov.accessledger.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/**
 * Entry ids: the one strict parser of their text, and the ids the ledger assigns itself. Services
 * choose their entries' ids; the ledger assigns the ids of citizens' concerns, all of RFC 9562
 * version 8, a version services may not use (docs/api.md, "Entry ids"). So a citizen can never
 * take an id a service will use, and a conflict on a concern id says nothing about anyone else.
 */
public final class EntryIds {

    /** RFC 9562 section 5.8: version 8, "custom", kept for ids the ledger assigns. */
    public static final int LEDGER_ASSIGNED_VERSION = 8;

    /** RFC 9562 section 4.1: the variant of the UUIDs that RFC defines (bits 10). */
    private static final int RFC9562_VARIANT = 2;

    private static final byte[] CONCERN_ID_DOMAIN = "access-ledger concern id v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private EntryIds() {
    }

    /**
     * The UUID of {@code text} in exactly the 8-4-4-4-12 hexadecimal form (either case), such as
     * {@code 3f2504e0-4f89-41d3-9a0c-0305e82c3301}; empty for anything else ({@link UUID#fromString}
     * also takes {@code 0-0-0-0-1}).
     */
    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphen ? c != '-' : !isHexDigit(c)) {
                return Optional.empty();
            }
        }
        return Optional.of(UUID.fromString(text));
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Whether {@code id} is of the kind the ledger assigns, which services may not choose. */
    public static boolean isLedgerAssigned(UUID id) {
        return id.variant() == RFC9562_VARIANT && id.version() == LEDGER_ASSIGNED_VERSION;
    }

    /**
     * The id of the concern a subject raises with {@code idempotencyKey}: the same subject and key
     * always give the same id, so a retried request finds its first answer; another subject or
     * key gives an unrelated id. Version 8, from SHA-256 of a fixed domain, the subject and the key.
     */
    public static UUID concernId(String subject, UUID idempotencyKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(CONCERN_ID_DOMAIN);
            sha256.update(subject.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(idempotencyKey.toString().getBytes(StandardCharsets.US_ASCII));
            return version8(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("couldn't find SHA-256, which every JDK has", e);
        }
    }

    /** A new random concern id (version 8), for a concern raised without an idempotency key. */
    public static UUID randomConcernId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return version8(bytes);
    }

    /**
     * A version 4 UUID from the bits of {@code high} and {@code low} (the version and variant bits
     * overwritten): a service's id from a seeded generator, never of the ledger's version.
     */
    public static UUID version4(long high, long low) {
        return new UUID((high & ~0xF000L) | 0x4000L, (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L);
    }

    /** The first 16 of {@code bytes} with the version and variant bits of RFC 9562 version 8. */
    private static UUID version8(byte[] bytes) {
        bytes[6] = (byte) ((bytes[6] & 0x0F) | (LEDGER_ASSIGNED_VERSION << 4));
        bytes[8] = (byte) ((bytes[8] & 0x3F) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xFF);
            low = (low << 8) | (bytes[i + 8] & 0xFF);
        }
        return new UUID(high, low);
    }
}
