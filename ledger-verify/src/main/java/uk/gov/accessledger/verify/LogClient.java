package uk.gov.accessledger.verify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import uk.gov.accessledger.logformat.TilePath;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * Reads a log's public C2SP endpoints: {@code <base>/checkpoint} and the level-0 hash tiles
 * {@code <base>/tile/0/<N>[.p/<W>]} (tlog-tiles), fetching a few tiles at a time. Every body is
 * read with a size limit, since the log is not trusted.
 */
final class LogClient {

    /** The largest checkpoint read; real ones are a few hundred bytes. */
    static final int MAX_CHECKPOINT_BYTES = 1 << 16;

    /** Tile requests in flight at once. */
    static final int WINDOW = 8;

    private static final int HASH = Rfc6962Hasher.HASH_SIZE;
    private static final int FULL_TILE_BYTES = TilePath.TILE_WIDTH * HASH;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The log could not be read: unreachable, an HTTP error, or a body larger than allowed. */
    static final class FetchException extends Exception {
        private static final long serialVersionUID = 1L;

        FetchException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The log served a tile that cannot be part of its tree (wrong length): evidence against it. */
    static final class BadTileException extends Exception {
        private static final long serialVersionUID = 1L;

        BadTileException(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final String base;

    /** @param base the log's URL prefix, such as {@code https://ledger.example/log}, without a final slash */
    LogClient(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    URI checkpointUri() {
        return URI.create(base + "/checkpoint");
    }

    /** The latest signed checkpoint, as text; not yet verified. */
    String checkpoint() throws FetchException {
        HttpResponse<InputStream> response = join(send(checkpointUri()), checkpointUri());
        return new String(body(checkpointUri(), response, MAX_CHECKPOINT_BYTES), StandardCharsets.UTF_8);
    }

    /**
     * Passes the leaf hashes of the tree of {@code size} leaves to {@code leaf}, in order, from
     * the level-0 tiles.
     *
     * @return the number of tiles fetched
     */
    long leafHashes(long size, Consumer<byte[]> leaf) throws FetchException, BadTileException {
        long full = TilePath.fullTileCount(size, 0);
        int partialWidth = TilePath.partialTileWidth(size, 0);
        long tiles = full + (partialWidth > 0 ? 1 : 0);
        Deque<CompletableFuture<HttpResponse<InputStream>>> window = new ArrayDeque<>();
        long requested = 0;
        try {
            for (long index = 0; index < tiles; index++) {
                while (requested < tiles && window.size() < WINDOW) {
                    window.add(send(tileUri(requested, requested < full ? 0 : partialWidth)));
                    requested++;
                }
                int width = index < full ? TilePath.TILE_WIDTH : partialWidth;
                URI uri = tileUri(index, index < full ? 0 : partialWidth);
                HttpResponse<InputStream> response = join(window.poll(), uri);
                byte[] tile;
                if (response.statusCode() == 404 && width < TilePath.TILE_WIDTH) {
                    // tlog-tiles: a partial tile may be gone once the full one exists; use that.
                    closeQuietly(response);
                    URI fullUri = tileUri(index, 0);
                    tile = body(fullUri, join(send(fullUri), fullUri), FULL_TILE_BYTES);
                    uri = fullUri;
                } else {
                    tile = body(uri, response, FULL_TILE_BYTES);
                }
                // A full tile may stand in for a partial one: its first hashes are the same.
                if (tile.length != width * HASH && tile.length != FULL_TILE_BYTES) {
                    throw new BadTileException("tile " + uri + " has " + tile.length + " bytes, want "
                            + width * HASH + " (" + width + " hashes of " + HASH + " bytes)");
                }
                for (int i = 0; i < width; i++) {
                    leaf.accept(Arrays.copyOfRange(tile, i * HASH, (i + 1) * HASH));
                }
            }
        } finally {
            window.forEach(pending -> pending.cancel(true));
        }
        return tiles;
    }

    private URI tileUri(long index, int partialWidth) {
        return URI.create(base + "/" + TilePath.tile(0, index, partialWidth));
    }

    private CompletableFuture<HttpResponse<InputStream>> send(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("User-Agent", "ledger-verify")
                .GET()
                .build();
        return http.sendAsync(request, BodyHandlers.ofInputStream());
    }

    private static HttpResponse<InputStream> join(CompletableFuture<HttpResponse<InputStream>> pending, URI uri)
            throws FetchException {
        try {
            return pending.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new FetchException("couldn't fetch " + uri + ": " + describe(cause), cause);
        }
    }

    private static byte[] body(URI uri, HttpResponse<InputStream> response, int max) throws FetchException {
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new FetchException("couldn't fetch " + uri + ": HTTP status " + response.statusCode(), null);
            }
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new FetchException("couldn't fetch " + uri + ": body larger than " + max + " bytes", null);
            }
            return bytes;
        } catch (IOException e) {
            throw new FetchException("couldn't fetch " + uri + ": " + describe(e), e);
        }
    }

    private static void closeQuietly(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // The response is abandoned either way.
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
