package uk.gov.accessledger.verify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import uk.gov.accessledger.logformat.LogFormatException;
import uk.gov.accessledger.logformat.ParsedTilePath;
import uk.gov.accessledger.logformat.TilePath;

/**
 * A log's public endpoints on 127.0.0.1, as docs/log-format.md lays them out under {@code /log/}:
 * {@code checkpoint} and the level-0 tiles of whatever tree a test tells it to serve.
 */
final class TestLogServer implements AutoCloseable {

    private final HttpServer server;
    private volatile String checkpoint = "";
    private volatile List<byte[]> tileLeaves = List.of();
    private volatile boolean partialTilesGone;
    private volatile int truncateTilesTo = -1;
    final AtomicInteger tileRequests = new AtomicInteger();

    TestLogServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/log/", this::handle);
        server.start();
    }

    /** The log's URL prefix, as audit-log takes it. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/log";
    }

    /** Serves this tree: its checkpoint signed by the log key, and its tiles. */
    void serve(List<byte[]> leafHashes) {
        serveCheckpoint(TestTrees.checkpoint(leafHashes, TestTrees.logSigner()));
        serveTiles(leafHashes);
    }

    void serveCheckpoint(String signedCheckpoint) {
        checkpoint = signedCheckpoint;
    }

    /** Serves tiles of these leaves, which need not be the checkpoint's tree. */
    void serveTiles(List<byte[]> leafHashes) {
        tileLeaves = List.copyOf(leafHashes);
    }

    /** Answers 404 for partial tiles, as a log may once the full tile exists. */
    void removePartialTiles() {
        partialTilesGone = true;
    }

    /** Serves only the first {@code bytes} bytes of every tile. */
    void truncateTiles(int bytes) {
        truncateTilesTo = bytes;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/log/".length());
            if (path.equals("checkpoint")) {
                send(exchange, 200, checkpoint.getBytes(StandardCharsets.UTF_8));
                return;
            }
            ParsedTilePath tile;
            try {
                tile = TilePath.parse(path);
            } catch (LogFormatException e) {
                send(exchange, 404, new byte[0]);
                return;
            }
            tileRequests.incrementAndGet();
            List<byte[]> leaves = tileLeaves;
            long first = tile.index() * TilePath.TILE_WIDTH;
            if (tile.level() != 0 || tile.entryBundle() || first + tile.width() > leaves.size()
                    || tile.isPartial() && partialTilesGone) {
                send(exchange, 404, new byte[0]);
                return;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int i = 0; i < tile.width(); i++) {
                body.write(leaves.get((int) first + i));
            }
            byte[] bytes = body.toByteArray();
            if (truncateTilesTo >= 0) {
                bytes = Arrays.copyOf(bytes, Math.min(bytes.length, truncateTilesTo));
            }
            send(exchange, 200, bytes);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
