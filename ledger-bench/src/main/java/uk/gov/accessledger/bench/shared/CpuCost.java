package uk.gov.accessledger.bench.shared;

/**
 * The CPU one unit of a phase cost (see {@link CpuShares}), by process, in milliseconds, and the
 * share of the machine's time that stayed idle.
 *
 * @param per the unit: {@code entry} or {@code request}
 */
public record CpuCost(String per, double apiMs, double postgresMs, double generatorMs, double otherMs,
        double idleShare) {
}
