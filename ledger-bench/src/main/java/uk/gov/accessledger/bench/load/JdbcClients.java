package uk.gov.accessledger.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import uk.gov.accessledger.bench.shared.Latencies;

/**
 * Runs the batches of a plain JDBC baseline from as many clients as the ledger's own phase has,
 * each on its own connection with auto-commit off, so that a baseline and the phase it is set
 * beside use the machine's cores alike. Client {@code k} of {@code n} runs batches
 * {@code k, k + n, k + 2n, ...}.
 */
final class JdbcClients {

    /** The work of one client: prepares its statements on its connection, then runs its batches. */
    interface Client extends AutoCloseable {

        /** Writes batch {@code index} and commits it. */
        void batch(int index) throws SQLException;

        @Override
        void close() throws SQLException;
    }

    interface ClientFactory {
        Client open(Connection connection) throws SQLException;
    }

    /** The wall time of all batches and the latency of each. */
    record Result(double seconds, Latencies batchLatencies) {
    }

    private JdbcClients() {
    }

    /**
     * Opens {@code clients} connections and their clients, then times {@code batches} batches
     * shared among them.
     *
     * @param clients requires at least 1
     */
    static Result run(String url, String user, String password, int clients, int batches, ClientFactory factory)
            throws Exception {
        List<Connection> connections = new ArrayList<>();
        List<Client> opened = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            for (int k = 0; k < clients; k++) {
                Connection c = DriverManager.getConnection(url, user, password);
                connections.add(c);
                c.setAutoCommit(false);
                opened.add(factory.open(c));
            }
            long start = System.nanoTime();
            List<Future<Latencies>> parts = new ArrayList<>();
            for (int k = 0; k < clients; k++) {
                Client client = opened.get(k);
                int first = k;
                parts.add(threads.submit(() -> {
                    Latencies latencies = new Latencies();
                    for (int b = first; b < batches; b += clients) {
                        long batchStart = System.nanoTime();
                        client.batch(b);
                        latencies.record(System.nanoTime() - batchStart);
                    }
                    return latencies;
                }));
            }
            List<Latencies> latencies = new ArrayList<>();
            for (Future<Latencies> part : parts) {
                latencies.add(part.get());
            }
            return new Result((System.nanoTime() - start) / 1e9, Latencies.merge(latencies));
        } finally {
            threads.shutdownNow();
            for (Client client : opened) {
                client.close();
            }
            for (Connection c : connections) {
                c.close();
            }
        }
    }
}
