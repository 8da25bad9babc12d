package uk.gov.accessledger.api.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.api.config.WorkerThreads;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.logformat.EntryBundle;
import uk.gov.accessledger.logformat.LogFormatException;
import uk.gov.accessledger.logformat.ParsedTilePath;
import uk.gov.accessledger.logformat.TilePath;

/**
 * The public log, laid out as C2SP tlog-tiles under {@code /log/}: {@code checkpoint},
 * {@code tile/<L>/<N>[.p/<W>]}, and (auditors only) {@code tile/entries/<N>[.p/<W>]}; plus the
 * verifier key at {@code /log/key}. Only what the latest checkpoint covers is served.
 */
@RestController
class LogController {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    /** A tile's content for a given path never changes (tlog-tiles), so caches may keep it. */
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final LogStore store;
    private final Ed25519NoteSigner signer;

    LogController(LogStore store, Ed25519NoteSigner signer) {
        this.store = store;
        this.signer = signer;
    }

    @GetMapping("/log/checkpoint")
    Mono<ResponseEntity<String>> checkpoint() {
        return WorkerThreads.call(() -> store.latestCheckpoint()
                .map(c -> ResponseEntity.ok().contentType(TEXT)
                        .cacheControl(CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic()).body(c.note()))
                .orElseThrow(() -> ProblemException.notFound("the log has not signed a checkpoint yet")));
    }

    @GetMapping("/log/key")
    ResponseEntity<String> key() {
        return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(signer.verifierKey() + "\n");
    }

    @GetMapping("/log/tile/**")
    Mono<ResponseEntity<byte[]>> tile(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value().substring("/log/".length());
        ParsedTilePath tile;
        try {
            tile = TilePath.parse(path);
        } catch (LogFormatException e) {
            throw ProblemException.notFound("not a tile path: " + e.problem());
        }
        return WorkerThreads.call(() -> {
            long size = store.latestCheckpoint().map(SignedCheckpoint::size).orElse(0L);
            if (!TilePath.isInTree(tile, size)) {
                throw ProblemException.notFound("the latest checkpoint (size " + size + ") does not cover " + path);
            }
            // In the tree, so index * 256 + width is at most the size: no overflow below.
            long first = tile.index() * TilePath.TILE_WIDTH;
            int level = tile.level() * TilePath.TILE_HEIGHT;
            byte[] body;
            if (tile.entryBundle()) {
                body = EntryBundle.encode(store.entries(first, tile.width()));
            } else {
                List<byte[]> hashes = store.levelRange(level, first, tile.width());
                ByteArrayOutputStream out = new ByteArrayOutputStream(hashes.size() * 32);
                hashes.forEach(out::writeBytes);
                body = out.toByteArray();
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).cacheControl(IMMUTABLE)
                    .body(body);
        });
    }
}
