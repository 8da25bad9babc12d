package uk.gov.accessledger.map;

import java.util.Random;
import java.util.SplittableRandom;

/** Deterministic keys and values for tests and measurements, from a seeded generator. */
final class RandomSubjects {

    private final SplittableRandom random;

    RandomSubjects(long seed) {
        this.random = new SplittableRandom(seed);
    }

    SubjectKey key() {
        byte[] bytes = new byte[SubjectKey.SIZE];
        random.nextBytes(bytes);
        return new SubjectKey(bytes);
    }

    /**
     * A key sharing its first {@code bits} bits with {@code base}, random after them: makes the deep
     * paths that random keys almost never give.
     */
    SubjectKey keyNear(SubjectKey base, int bits) {
        byte[] bytes = key().bytes();
        byte[] prefix = base.bytes();
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            bytes[i / 8] = (byte) ((bytes[i / 8] & ~mask) | (prefix[i / 8] & mask));
        }
        return new SubjectKey(bytes);
    }

    SubjectState value() {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        return new SubjectState(1 + random.nextInt(1000), random.nextLong(1L << 40), hash);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    Random asRandom() {
        return new Random(random.nextLong());
    }
}
