package uk.gov.accessledger.api.config;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** JDBC and Axon block: their work runs on the bounded elastic pool, never on a Netty event loop. */
public final class WorkerThreads {

    private WorkerThreads() {
    }

    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
