package dev.notespipeline.problem.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a request exactly as given, bytes and all. HTTP clients refuse to send a broken percent-escape, a NUL or a
 * header of invalid bytes; a browser, a script or an attacker can, so the services must answer them.
 */
public final class RawHttp {

    /** Longer than any answer takes; a request still unanswered then is a hang. */
    public static final int READ_TIMEOUT_MILLIS = 10_000;

    private RawHttp() {
    }

    /**
     * An answer; {@code status} is -1 when the connection closed without one.
     *
     * @param headers lower-case names
     */
    public record Answer(int status, Map<String, String> headers, String body, long millis) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    /** {@code GET target} on {@code localhost:port}. */
    public static Answer get(int port, String target) {
        return send("localhost", port, ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code request} (which should ask for {@code Connection: close}) and reads the answer to the end. */
    public static Answer send(String host, int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it read everything (a body over its limit): read what it said.
            }
            long start = System.nanoTime();
            byte[] answer = readAll(socket.getInputStream(), startsWith(request, "HEAD "));
            return parse(answer, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + host + ":" + port, e);
        }
    }

    /**
     * Reads until the answer is complete (its Content-Length, or the last chunk) or the connection closes: a server
     * may rightly keep a connection open for a body that was declared but never sent. An answer to HEAD ends with its
     * headers: its Content-Length is that of the body a GET would get.
     */
    private static byte[] readAll(InputStream in, boolean answersHead) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; !complete(bytes, answersHead) && (read = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // A reset after the answer, or no answer at all: whatever arrived is the answer.
        }
        return bytes.toByteArray();
    }

    private static boolean complete(ByteArrayOutputStream bytes, boolean answersHead) {
        String response = bytes.toString(StandardCharsets.ISO_8859_1);
        int headersEnd = response.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            return false;
        }
        if (answersHead) {
            return true;
        }
        String head = response.substring(0, headersEnd).toLowerCase(Locale.ROOT);
        int bodyBytes = response.length() - headersEnd - 4;
        for (String line : head.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                try {
                    return bodyBytes >= Long.parseLong(line.substring("content-length:".length()).strip());
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return head.contains("transfer-encoding: chunked") && response.endsWith("0\r\n\r\n");
    }

    private static boolean startsWith(byte[] request, String method) {
        byte[] prefix = method.getBytes(StandardCharsets.US_ASCII);
        return request.length >= prefix.length && Arrays.equals(request, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static Answer parse(byte[] bytes, long millis) {
        String response = new String(bytes, StandardCharsets.UTF_8);
        if (!response.startsWith("HTTP/1.")) {
            return new Answer(-1, Map.of(), response, millis);
        }
        int headersEnd = response.indexOf("\r\n\r\n");
        String head = headersEnd < 0 ? response : response.substring(0, headersEnd);
        Map<String, String> headers = new LinkedHashMap<>();
        head.lines().skip(1).forEach(line -> {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        });
        String body = headersEnd < 0 ? "" : response.substring(headersEnd + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(head.substring(9, 12)), headers, body, millis);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            // Sizes count bytes; the body is read as UTF-8 text, which the problem bodies are.
            byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
            body.append(chunk);
            at = lineEnd + 2 + chunk.length() + 2;
        }
        return body.toString();
    }
}
