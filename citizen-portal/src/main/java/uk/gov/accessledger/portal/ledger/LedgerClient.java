package uk.gov.accessledger.portal.ledger;

import io.netty.handler.timeout.ReadTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import tools.jackson.databind.JsonNode;
import uk.gov.accessledger.portal.PortalProperties;

/**
 * ledger-api's citizen endpoints. Every call carries the signed-in citizen's access token (the
 * OAuth2 filter refreshes it when it has expired), so ledger-api alone decides whose entries these
 * are: the portal never names a subject. Unreachable or failing ledger-api becomes
 * {@link LedgerUnavailableException}; a 404 becomes {@link EntryNotFoundException}.
 */
@Component
public class LedgerClient {

    static final String REGISTRATION = "ledger";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Four of ledger-api's heartbeat intervals without a byte: the stream is taken as dead. */
    static final Duration STREAM_SILENCE = Duration.ofSeconds(60);
    private static final ParameterizedTypeReference<ServerSentEvent<EntryView>> ENTRY_EVENTS =
            new ParameterizedTypeReference<>() { };

    private final WebClient web;
    private final Mono<JsonNode> reference;

    LedgerClient(WebClient.Builder builder, PortalProperties properties,
                 ReactiveClientRegistrationRepository registrations,
                 ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        ServerOAuth2AuthorizedClientExchangeFilterFunction oauth =
                new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
        oauth.setDefaultClientRegistrationId(REGISTRATION);
        this.web = builder.baseUrl(properties.ledgerApiUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(
                        HttpClient.create().responseTimeout(TIMEOUT)))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .filter(oauth).build();
        // The same for everyone: fetched once, again only after a failure or after an hour.
        this.reference = get(b -> b.path("/api/v1/reference").build(), JsonNode.class)
                .cache(ok -> Duration.ofHours(1), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** Requires a signed-in citizen. One page of their entries, newest first. */
    public Mono<EntryPage> history(HistoryQuery q) {
        return get(b -> {
            UriBuilder u = b.path("/api/v1/me/entries").queryParam("limit", q.limit());
            optional(u, "organisation", q.organisation());
            optional(u, "purpose", q.purpose());
            optional(u, "kind", q.kind());
            optional(u, "from", q.from());
            optional(u, "to", q.to());
            optional(u, "cursor", q.cursor());
            return u.build();
        }, EntryPage.class);
    }

    /** Every entry that matches {@code q}, page after page, newest first. */
    public Flux<EntryView> all(HistoryQuery q) {
        return history(q).expand(page -> page.next() == null ? Mono.empty()
                        : history(new HistoryQuery(q.organisation(), q.purpose(), q.kind(), q.from(), q.to(),
                        page.next(), q.limit())))
                .concatMapIterable(EntryPage::entries);
    }

    public Mono<EntryInContext> entry(String id) {
        return get(b -> b.path("/api/v1/me/entries/{id}").build(id), EntryInContext.class);
    }

    /** Records a concern about entry {@code id} in the citizen's chain. */
    public Mono<Void> raiseConcern(String id, String message) {
        return web.post().uri(b -> b.path("/api/v1/me/entries/{id}/concerns").build(id))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("message", message))
                .retrieve().toBodilessEntity().then().onErrorMap(LedgerClient::translate);
    }

    /**
     * Requires a signed-in citizen. Their entries recorded after {@code after} (a seq; null for
     * "from now"), or after {@code lastEventId} when a reconnecting browser sent one, matching
     * {@code q}'s filters, as ledger-api streams them: {@code entry} events with the entry's seq as
     * id, and comment-only events (heartbeats). It ends when ledger-api ends it (the token expired,
     * the node stopped) or falls silent for {@link #STREAM_SILENCE}. Errors:
     * {@link SignInExpiredException} when ledger-api refuses the citizen's token,
     * {@link LedgerUnavailableException} (with ledger-api's Retry-After, if any) otherwise.
     */
    public Flux<ServerSentEvent<EntryView>> newEntries(HistoryQuery q, Long after, Long lastEventId) {
        return web.get().uri(b -> {
                    UriBuilder u = b.path("/api/v1/me/entries/stream");
                    optional(u, "organisation", q.organisation());
                    optional(u, "purpose", q.purpose());
                    optional(u, "kind", q.kind());
                    optional(u, "from", q.from());
                    optional(u, "to", q.to());
                    optional(u, "after", after);
                    return u.build();
                })
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId.toString());
                    }
                })
                // Heartbeats come every 15 s; the page-sized read timeout would cut every stream.
                .httpRequest(r -> ((HttpClientRequest) r.getNativeRequest()).responseTimeout(STREAM_SILENCE))
                .retrieve().bodyToFlux(ENTRY_EVENTS)
                .onErrorMap(LedgerClient::translateStream);
    }

    /** Organisations, purposes and the other codes, with their plain-English text. */
    public Mono<JsonNode> reference() {
        return reference;
    }

    private <T> Mono<T> get(Function<UriBuilder, URI> uri, Class<T> type) {
        return web.get().uri(uri).accept(MediaType.APPLICATION_JSON).retrieve().bodyToMono(type)
                .onErrorMap(LedgerClient::translate);
    }

    private static Throwable translateStream(Throwable e) {
        if (e instanceof ClientAuthorizationException
                || e instanceof WebClientResponseException r && (r.getStatusCode() == HttpStatus.UNAUTHORIZED
                || r.getStatusCode() == HttpStatus.FORBIDDEN)) {
            return new SignInExpiredException(e);
        }
        if (e instanceof WebClientResponseException r) {
            Duration retryAfter = null;
            String header = r.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
            if (header != null && header.matches("[0-9]{1,6}")) {
                retryAfter = Duration.ofSeconds(Long.parseLong(header));
            }
            return new LedgerUnavailableException("couldn't stream the ledger: ledger-api answered "
                    + r.getStatusCode().value(), e, retryAfter);
        }
        Throwable t = translate(e);
        return t instanceof LedgerUnavailableException ? t
                : new LedgerUnavailableException("couldn't stream the ledger: " + e.getClass().getSimpleName(), e);
    }

    private static Throwable translate(Throwable e) {
        if (e instanceof WebClientResponseException r && r.getStatusCode() == HttpStatus.NOT_FOUND) {
            return new EntryNotFoundException();
        }
        if (e instanceof WebClientResponseException r) {
            return new LedgerUnavailableException("couldn't read the ledger: ledger-api answered "
                    + r.getStatusCode().value(), e);
        }
        if (e instanceof WebClientRequestException || e instanceof TimeoutException
                || e instanceof ReadTimeoutException) {
            return new LedgerUnavailableException("couldn't reach ledger-api: " + e.getMessage(), e);
        }
        return e;
    }

    private static void optional(UriBuilder u, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            u.queryParam(name, value);
        }
    }
}
