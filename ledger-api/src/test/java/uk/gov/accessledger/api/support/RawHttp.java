package uk.gov.accessledger.api.support;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection driven byte by byte, for what a library client would tidy away: odd
 * request lines and headers, several requests on one kept-alive connection, and answers that
 * never come (a read waits at most the given bound, then fails).
 */
public final class RawHttp implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawHttp(int port, Duration readBound) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) readBound.toMillis());
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends one request and reads its answer. */
    public static Response exchange(int port, String request) throws IOException {
        try (RawHttp http = new RawHttp(port, Duration.ofSeconds(20))) {
            http.send(request.getBytes(StandardCharsets.ISO_8859_1));
            return http.read();
        }
    }

    /** A request with a body of {@code body}'s UTF-8 bytes and a matching Content-Length. */
    public static String request(String method, String target, String headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                + (bytes.length > 0 || method.equals("POST") ? "Content-Length: " + bytes.length + "\r\n" : "")
                + "\r\n" + new String(bytes, StandardCharsets.ISO_8859_1);
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads one response (Content-Length or chunked body; a HEAD answer has none).
     *
     * @throws SocketTimeoutException when no complete answer came within the read bound
     */
    public Response read() throws IOException {
        return read(false);
    }

    /** Reads a response's status line and headers only, for an answer that streams. */
    public Response readHead() throws IOException {
        return read(true);
    }

    public Response read(boolean head) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before an answer");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.merge(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (head || status == 204 || status == 304) {
            return new Response(status, headers, "");
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A status, its headers (names in lower case) and its body as text. */
    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }
}
