package uk.gov.accessledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.BulkEntries;
import uk.gov.accessledger.api.support.TestTokens;

/**
 * Exports 1,000,000 entries as JSON Lines and as CSV from PostgreSQL in a JVM whose heap is
 * capped at 256 MiB (surefire execution "bounded-heap" in ledger-api/pom.xml): the entries alone
 * are about 500 MB, so an export that held them in memory would fail with OutOfMemoryError.
 */
class MillionEntryExportBoundedHeapTest extends ApiTestSupport {

    private static final int SUBJECTS = 100_000;
    private static final int PER_SUBJECT = 10;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres(registry);
        // The bulk rows bypass the log; keep the reconciliation from queueing a million of them.
        registry.add("ledger.log.reconcile-interval", () -> "24h");
    }

    @Autowired
    DataSource dataSource;

    @LocalServerPort
    int port;

    @Test
    void exportsAMillionEntriesWithConstantMemory() throws Exception {
        long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        assertThat(maxHeap).as("this test must run in the bounded-heap execution").isLessThanOrEqualTo(256L << 20);
        long loadStarted = System.nanoTime();
        BulkEntries.load(dataSource, SUBJECTS, PER_SUBJECT);
        long entries = (long) SUBJECTS * PER_SUBJECT;
        System.out.printf("bulk load: %d entries in %d ms%n", entries, (System.nanoTime() - loadStarted) / 1_000_000);

        for (String format : new String[] {"jsonl", "csv"}) {
            long started = System.nanoTime();
            long[] counted = export("/api/v1/audit/entries." + format);
            double seconds = (System.nanoTime() - started) / 1e9;
            long rows = format.equals("csv") ? counted[0] - 1 : counted[0];
            assertThat(rows).as(format + " rows").isEqualTo(entries);
            System.out.printf("export %s: %d entries, %d MB in %.1f s = %.0f entries/s, max heap %d MB%n", format,
                    rows, counted[1] >> 20, seconds, rows / seconds, maxHeap >> 20);
        }
    }

    /** Streams the export, counting lines and bytes as they arrive and keeping none of them. */
    private long[] export(String path) {
        AtomicLong lines = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(1 << 20)).build()
                .get().uri(path).headers(h -> h.setBearerAuth(TestTokens.get().auditor()))
                .retrieve().bodyToFlux(DataBuffer.class)
                .doOnNext(buffer -> {
                    int n = buffer.readableByteCount();
                    bytes.addAndGet(n);
                    for (int i = 0; i < n; i++) {
                        if (buffer.getByte(buffer.readPosition() + i) == '\n') {
                            lines.incrementAndGet();
                        }
                    }
                    DataBufferUtils.release(buffer);
                })
                .blockLast(Duration.ofMinutes(10));
        return new long[] {lines.get(), bytes.get()};
    }
}
