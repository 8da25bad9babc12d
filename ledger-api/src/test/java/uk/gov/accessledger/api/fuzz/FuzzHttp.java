package uk.gov.accessledger.api.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;

/**
 * The fuzzer's HTTP client: the JDK's {@link HttpClient} over loopback with keep-alive, as an
 * outside client would connect. Requests carry exactly the bytes and headers a case chose.
 */
final class FuzzHttp {

    /** An answer slower than this counts as none: every endpoint here answers in milliseconds. */
    static final Duration NO_ANSWER = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(NO_ANSWER).build();
    private final String base;
    /** The status of the answer before, to tell a stuck kept-alive connection after an error apart. */
    private volatile int previous;

    FuzzHttp(String base) {
        this.base = base;
    }

    /** What was sent: {@code target} is the path and query exactly as on the request line. */
    record Request(String method, String target, List<String> headers, byte[] body) {

        Request {
            headers = List.copyOf(headers);
        }

        static Request get(String target, String authorization) {
            return new Request("GET", target, authorization == null ? List.of()
                    : List.of("Authorization", authorization), null);
        }

        static Request postJson(String target, String authorization, byte[] body) {
            return new Request("POST", target, List.of("Authorization", authorization,
                    "Content-Type", "application/json"), body);
        }

        Request withHeader(String name, String value) {
            List<String> more = new ArrayList<>();
            for (int i = 0; i < headers.size(); i += 2) {
                if (!headers.get(i).equalsIgnoreCase(name)) {
                    more.add(headers.get(i));
                    more.add(headers.get(i + 1));
                }
            }
            if (value != null) {
                more.add(name);
                more.add(value);
            }
            return new Request(method, target, more, body);
        }

        Optional<String> header(String name) {
            for (int i = 0; i < headers.size(); i += 2) {
                if (headers.get(i).equalsIgnoreCase(name)) {
                    return Optional.of(headers.get(i + 1));
                }
            }
            return Optional.empty();
        }

        /** Everything the client chose, for "does the answer only echo the request" checks. */
        String echoable() {
            return target + "\n" + String.join("\n", headers) + "\n"
                    + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
        }

        /** A line to paste into curl to reproduce the case (bodies in base64 when not plain text). */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(method).append(' ').append(target);
            for (int i = 0; i < headers.size(); i += 2) {
                if (!headers.get(i).equals("Authorization")) {
                    s.append(" [").append(headers.get(i)).append(": ").append(headers.get(i + 1)).append(']');
                }
            }
            if (body != null) {
                String text = new String(body, StandardCharsets.UTF_8);
                boolean plain = text.codePoints().allMatch(c -> c >= 0x20 && c < 0x7f)
                        && Arrays.equals(text.getBytes(StandardCharsets.UTF_8), body);
                String shown = plain ? text : "base64:" + Base64.getEncoder().encodeToString(body);
                s.append(" body=").append(shown.length() > 600 ? shown.substring(0, 600) + "…(" + body.length
                        + " bytes)" : shown);
            }
            return s.toString();
        }
    }

    /**
     * An answer; {@code status} is -1 when none came within {@link #NO_ANSWER} (the body then holds
     * the status of this client's answer before), -2 when the connection closed without one.
     */
    record Answer(int status, HttpHeaders headers, byte[] body) {

        String contentType() {
            return headers == null ? null : headers.firstValue("Content-Type").orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON, or null when it is not JSON. */
        JsonNode json() {
            try {
                return body.length == 0 ? null : JSON.readTree(body);
            } catch (JacksonException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + contentType() + " " + (text.length() > 400 ? text.substring(0, 400) + "…" : text);
        }
    }

    Answer send(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.target())).timeout(NO_ANSWER)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (int i = 0; i < request.headers().size(); i += 2) {
            builder.header(request.headers().get(i), request.headers().get(i + 1));
        }
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            previous = response.statusCode();
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (HttpTimeoutException e) {
            return new Answer(-1, HttpHeaders.of(Map.of(), (a, b) -> true),
                    Integer.toString(previous).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // The server closed the connection without answering (or never accepted it).
            return new Answer(-2, HttpHeaders.of(Map.of(), (a, b) -> true),
                    String.valueOf(e).getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String service(String name) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + TestServices.secret(name))
                .getBytes(StandardCharsets.UTF_8));
    }

    static String citizen(String nhsNumber) {
        return "Bearer " + TestTokens.get().citizen(nhsNumber);
    }

    static String auditor() {
        return "Bearer " + TestTokens.get().auditor();
    }
}
