package uk.gov.accessledger.entryformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The opening of a commitment: made with a fresh r, checked against its leaf in constant time. */
class EntryFormat2OpeningTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void givesEveryOpeningOfTheSameContentItsOwnRAndCommitment() {
        ContentOpening first = ContentOpening.create(content(), RANDOM);
        ContentOpening second = ContentOpening.create(content(), RANDOM);
        assertThat(first.canonicalContent()).isEqualTo(second.canonicalContent());
        assertThat(first.r()).isNotEqualTo(second.r()).hasSize(32);
        assertThat(first.commitment()).isNotEqualTo(second.commitment());
    }

    @Test
    void commitsToTheCanonicalContentWithRAsTheHmacKey() {
        ContentOpening opening = ContentOpening.create(content(), RANDOM);
        assertThat(opening.commitment())
                .isEqualTo(ContentCommitment.hmacSha256(opening.r(), opening.canonicalContent()));
    }

    @Test
    void verifiesAgainstItsLeafAndNoOther() throws Exception {
        ContentOpening opening = ContentOpening.create(content(), RANDOM);
        EntryLeafV2 leaf = leaf(opening);
        opening.verify(leaf);
        ContentOpening.parse(opening.canonicalBytes()).verify(leaf);

        EntryLeafV2 other = leaf(ContentOpening.create(content(), RANDOM));
        assertThatThrownBy(() -> opening.verify(other))
                .isInstanceOf(CommitmentMismatchException.class)
                .hasMessage("commitment mismatch: got " + hex(opening.commitment()) + ", want " + hex(other.commitment()))
                .satisfies(e -> {
                    assertThat(((CommitmentMismatchException) e).got()).isEqualTo(opening.commitment());
                    assertThat(((CommitmentMismatchException) e).want()).isEqualTo(other.commitment());
                });
    }

    @Test
    void refusesACommitmentOfTheWrongLengthAsAMismatch() {
        ContentOpening opening = ContentOpening.create(content(), RANDOM);
        assertThatThrownBy(() -> opening.verify(new byte[31])).isInstanceOf(CommitmentMismatchException.class);
    }

    @Test
    void copiesTheContentSoLaterChangesDoNotReachTheCommitment() {
        ObjectNode content = content();
        ContentOpening opening = ContentOpening.create(content, RANDOM);
        byte[] commitment = opening.commitment();
        content.put("purpose", "al:Research");
        opening.content().put("purpose", "al:Research");
        assertThat(opening.commitment()).isEqualTo(commitment);
        assertThat(opening.content().get("purpose").textValue()).isEqualTo("al:DirectCare");
    }

    @Test
    void refusesAnRThatIsNotExactly32BytesBecauseHmacWouldPadIt() {
        ObjectNode content = content();
        assertThatThrownBy(() -> ContentOpening.of(new byte[31], content)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentOpening.of(new byte[33], content)).isInstanceOf(IllegalArgumentException.class);
        // why: HMAC pads short keys with zeros, so r and r || 0x00 would commit alike
        byte[] r = new byte[31];
        assertThat(ContentCommitment.hmacSha256(r, new byte[0]))
                .isEqualTo(ContentCommitment.hmacSha256(new byte[32], new byte[0]));
    }

    @Test
    void refusesContentWithoutACanonicalFormNamingWhere() {
        ObjectNode content = content();
        content.put("score", Double.NaN);
        assertThatThrownBy(() -> ContentOpening.create(content, RANDOM))
                .isInstanceOf(EntryFormatException.class)
                .extracting(e -> ((EntryFormatException) e).pointer()).isEqualTo("/content/score");
    }

    @Test
    void refusesContentThatRepeatsALeafMember() {
        for (String member : EntryLeafV2.MEMBERS) {
            ObjectNode content = content();
            content.put(member, "x");
            assertThatThrownBy(() -> ContentOpening.create(content, RANDOM))
                    .isInstanceOf(EntryFormatException.class)
                    .hasMessage("couldn't parse content opening: leaf member in content at /content/" + member);
        }
    }

    @Test
    void showsNothingPersonalInToString() {
        ContentOpening opening = ContentOpening.create(content(), RANDOM);
        assertThat(opening.toString()).doesNotContain("nhs", "DirectCare", "3f2504e0", hex(opening.r()))
                .contains(hex(opening.commitment()));
    }

    static ObjectNode content() {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("id", "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        content.putArray("policyExceptions");
        content.put("referenceData", "2026-11-25.1");
        content.put("organisation", "nhs-trust-riverside");
        content.put("purpose", "al:DirectCare");
        return content;
    }

    private static EntryLeafV2 leaf(ContentOpening opening) {
        return EntryLeafV2.of("0f".repeat(32), 0, null, "access", Instant.parse("2026-11-25T09:31:02.250Z"),
                opening.commitment());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
