package uk.gov.accessledger.vrf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Points, decoding and scalar multiplication against the BigInteger reference. */
class VrfEdwardsArithmeticTest {

    private static final BigInteger P = ReferenceEcVrf.P;
    private static final BigInteger L = ReferenceEcVrf.L;

    @Test
    void decodesRandomStringsExactlyAsTheReference() {
        Random random = new Random(1L);
        int points = 0;
        for (int n = 0; n < 2000; n++) {
            byte[] s = EcVrfRandomCrossCheckTest.bytes(random, 32);
            EdwardsPoint fast = EdwardsPoint.decodeOrNull(s);
            BigInteger[] reference = ReferenceEcVrf.decode(s);
            assertThat(fast == null).as("decodes %s", hex(s)).isEqualTo(reference == null);
            if (fast != null) {
                points++;
                assertThat(fast.encode()).isEqualTo(s).isEqualTo(ReferenceEcVrf.encode(reference));
            }
        }
        assertThat(points).as("about half of all strings are points").isBetween(900, 1100);
    }

    @Test
    void refusesEveryNonCanonicalYWithEitherSign() {
        for (int k = 0; k < 19; k++) {
            for (int sign = 0; sign < 2; sign++) {
                byte[] s = ReferenceEcVrf.le(P.add(BigInteger.valueOf(k)));
                s[31] |= (byte) (sign << 7);
                assertThat(EdwardsPoint.decodeOrNull(s)).as("y = p + %d, sign %d", k, sign).isNull();
            }
        }
    }

    @Test
    void refusesXZeroWithTheSignBitSet() {
        byte[] negativeZeroIdentity = ReferenceEcVrf.le(BigInteger.ONE.setBit(255));
        byte[] negativeZeroOrderTwo = ReferenceEcVrf.le(P.subtract(BigInteger.ONE).setBit(255));
        assertThat(EdwardsPoint.decodeOrNull(negativeZeroIdentity)).isNull();
        assertThat(EdwardsPoint.decodeOrNull(negativeZeroOrderTwo)).isNull();
        assertThat(EdwardsPoint.decodeOrNull(ReferenceEcVrf.le(BigInteger.ONE)).isIdentity()).isTrue();
    }

    @Test
    void theEightSmallOrderPointsVanishUnderTheCofactor() {
        List<EdwardsPoint> torsion = new ArrayList<>();
        EdwardsPoint t8 = EdwardsPoint.decodeOrNull(ReferenceEcVrf.le(new BigInteger(
                "2707385501144840649318225287225658788936804267575313519463743609750303402022")));
        EdwardsPoint sum = EdwardsPoint.IDENTITY;
        for (int i = 0; i < 8; i++) {
            torsion.add(sum);
            assertThat(sum.timesCofactor().isIdentity()).isTrue();
            assertThat(i == 0 || !sum.isIdentity()).as("%d*T8 is not the identity", i).isTrue();
            sum = sum.add(t8);
        }
        assertThat(sum.isIdentity()).as("T8 has order 8").isTrue();
        assertThat(torsion.stream().map(p -> hex(p.encode())).distinct()).hasSize(8);
        assertThat(EdwardsPoint.BASE.timesCofactor().isIdentity()).isFalse();
    }

    @Test
    void addsDoublesAndNegatesAsTheReference() {
        Random random = new Random(2L);
        for (int n = 0; n < 50; n++) {
            BigInteger a = new BigInteger(253, random);
            BigInteger b = new BigInteger(253, random);
            EdwardsPoint p = ScalarMultiplication.publicBase(ReferenceEcVrf.le(a));
            EdwardsPoint q = ScalarMultiplication.publicBase(ReferenceEcVrf.le(b));
            BigInteger[] rp = ReferenceEcVrf.multiply(a, ReferenceEcVrf.B);
            BigInteger[] rq = ReferenceEcVrf.multiply(b, ReferenceEcVrf.B);
            assertThat(p.encode()).isEqualTo(ReferenceEcVrf.encode(rp));
            assertThat(p.add(q).encode()).isEqualTo(ReferenceEcVrf.encode(ReferenceEcVrf.add(rp, rq)));
            assertThat(p.twice().encode()).isEqualTo(ReferenceEcVrf.encode(ReferenceEcVrf.add(rp, rp)));
            assertThat(p.add(p).sameAs(p.twice())).isTrue();
            assertThat(p.negate().encode()).isEqualTo(ReferenceEcVrf.encode(ReferenceEcVrf.negate(rp)));
            assertThat(p.add(p.negate()).isIdentity()).isTrue();
            assertThat(p.add(EdwardsPoint.IDENTITY).sameAs(p)).isTrue();
        }
    }

    @Test
    void everyScalarMultiplicationAgreesWithTheReferenceOnRandomAndEdgeScalars() {
        Random random = new Random(3L);
        List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(15),
                BigInteger.valueOf(16), L.subtract(BigInteger.ONE), L, L.add(BigInteger.ONE),
                BigInteger.TWO.pow(256).subtract(BigInteger.ONE)));
        for (int n = 0; n < 8; n++) {
            scalars.add(new BigInteger(256, random));
            scalars.add(new BigInteger(128, random));
        }
        EdwardsPoint point = null;
        while (point == null || point.timesCofactor().isIdentity()) {
            point = EdwardsPoint.decodeOrNull(EcVrfRandomCrossCheckTest.bytes(random, 32));
        }
        BigInteger[] referencePoint = ReferenceEcVrf.decode(point.encode());
        for (BigInteger n : scalars) {
            byte[] le = ReferenceEcVrf.le(n);
            byte[] wantBase = ReferenceEcVrf.encode(ReferenceEcVrf.multiply(n, ReferenceEcVrf.B));
            byte[] want = ReferenceEcVrf.encode(ReferenceEcVrf.multiply(n, referencePoint));
            assertThat(ScalarMultiplication.base(le).encode()).as("base %s", n).isEqualTo(wantBase);
            assertThat(ScalarMultiplication.publicBase(le).encode()).as("publicBase %s", n).isEqualTo(wantBase);
            assertThat(ScalarMultiplication.secret(EdwardsPoint.BASE, le).encode()).as("B, %s", n).isEqualTo(wantBase);
            assertThat(ScalarMultiplication.secret(point, le).encode()).as("secret %s", n).isEqualTo(want);
            assertThat(ScalarMultiplication.publicScalar(point, le).encode()).as("public %s", n).isEqualTo(want);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
