package uk.gov.accessledger.bench.load;

/**
 * How the warm-up before the measured phases went (see {@link JitWatch}): rounds of
 * {@code batchesPerRound} batches and up to 10 s of single entries, until a round cost the API's
 * JIT compiler little ({@code quiet}) or the time allowed ran out.
 *
 * @param compileSecondsInLastRound NaN when no round ran
 */
public record JitWarmup(boolean quiet, int rounds, int batchesPerRound, double seconds,
        double compileSecondsInLastRound, double compileSecondsDuringWarmup, double compileSecondsSinceStart) {
}
