package uk.gov.accessledger.api.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proves that every stored entry has a leaf or is queued for one, and queues any that are
 * neither. With the queue written in the recording transaction this finds nothing; it exists so
 * that "every entry is in the log" is checked, not assumed (for example after a restore that
 * brought back entries without their queue rows). Runs at start-up and every
 * {@code ledger.log.reconcile-interval}.
 */
@Component
class LogReconciliation {

    private static final Logger log = LoggerFactory.getLogger(LogReconciliation.class);
    private static final int BATCH = 10_000;

    private final LogStore store;
    private final TransactionTemplate transactions;
    private final LogProperties properties;
    private final Counter requeued;

    LogReconciliation(LogStore store, TransactionTemplate transactions, LogProperties properties,
                      MeterRegistry meters) {
        this.store = store;
        this.transactions = transactions;
        this.properties = properties;
        this.requeued = meters.counter("ledger.log.reconciled");
    }

    /** Queues every entry that has neither a leaf nor a queue row; returns how many. */
    int reconcile() {
        int total = 0;
        while (true) {
            Integer found = transactions.execute(status -> {
                // It holds the log lock too: bounded like a sequencing round, so a node frozen here
                // cannot stop every other node's sequencer.
                store.boundLockHold(properties.lockWaitTimeout(), properties.lockIdleTimeout());
                store.lockTreeSize(); // no sequencer moves entries between queue and leaves meanwhile
                List<LogStore.Pending> missing = store.missing(BATCH);
                store.enqueue(missing);
                return missing.size();
            });
            total += found;
            if (found < BATCH) {
                break;
            }
        }
        if (total > 0) {
            requeued.increment(total);
            log.warn("log reconciliation queued {} entries that had no leaf", total);
        }
        return total;
    }

    @Scheduled(initialDelayString = "0", fixedDelayString = "${ledger.log.reconcile-interval:5m}")
    void scheduled() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("log reconciliation failed, will retry: {}", e.toString());
        }
    }
}
