package uk.gov.accessledger.bench.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CpuSharesTest {

    /** A /proc/PID/stat line whose command holds a space and a ')': utime 250, stime 50, cutime 30, cstime 20. */
    private static final String STAT = "4242 (postgres: a) b) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 50 30 20 20 0 1"
            + " 0 12345 1000000 200 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

    @Test
    void readsTheCommandAndTimesOfAProcessWhoseNameHoldsParentheses() {
        assertThat(CpuShares.command(STAT)).isEqualTo("postgres: a) b");
        assertThat(CpuShares.seconds(STAT, false)).isEqualTo(3.00, within(1e-9));
        assertThat(CpuShares.seconds(STAT, true)).isEqualTo(3.50, within(1e-9));
    }

    @Test
    void machineTimeIsBusyAndIdleWithoutWhatTheHypervisorStole() {
        // user nice system idle iowait irq softirq steal
        double[] machine = CpuShares.machine("cpu  1000 10 200 5000 40 5 15 700 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n");
        assertThat(machine[0]).isEqualTo(12.30, within(1e-9));
        assertThat(machine[1]).isEqualTo(50.40, within(1e-9));
        assertThatThrownBy(() -> CpuShares.machine("intr 1 2 3\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharesAreMillisecondsPerUnitAndTheIdleShare() {
        CpuShares.Sample before = new CpuShares.Sample(10, 4, 1, 100, 50);
        CpuShares.Sample after = new CpuShares.Sample(16, 6, 2, 110, 52.5);
        CpuCost per = CpuShares.per("request", 2000, before, after);
        assertThat(per.per()).isEqualTo("request");
        assertThat(per.apiMs()).isEqualTo(3.0, within(1e-9));
        assertThat(per.postgresMs()).isEqualTo(1.0, within(1e-9));
        assertThat(per.generatorMs()).isEqualTo(0.5, within(1e-9));
        // busy 10 s - 6 - 2 - 1 = 1 s of everything else
        assertThat(per.otherMs()).isEqualTo(0.5, within(1e-9));
        assertThat(per.idleShare()).isEqualTo(0.2, within(1e-9));
    }

    @Test
    void noSharesWithoutBothSamplesOrWithoutRequests() {
        CpuShares.Sample sample = new CpuShares.Sample(1, 1, 1, 1, 1);
        assertThat(CpuShares.per("request", 10, null, sample)).isNull();
        assertThat(CpuShares.per("request", 0, sample, sample)).isNull();
    }

    @Test
    void samplesThisProcessAsTheApiAndAsTheGenerator() {
        CpuShares.Sample sample = new CpuShares(ProcessHandle.current().pid()).sample();
        assertThat(sample).isNotNull();
        // Read from /proc/PID/stat and /proc/self/stat one after the other: a tick (10 ms) apart at most.
        assertThat(sample.api()).isPositive().isCloseTo(sample.generator(), within(0.011));
        assertThat(sample.busy()).isPositive();
        assertThat(new CpuShares(-1).sample()).isNull();
    }
}
