package dev.notespipeline.query.support;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a request target exactly as given. HTTP clients refuse to send a broken percent-escape such as
 * {@code %zz}; a browser or a script can, so the service must answer it.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The status, content type and body of {@code GET target}. */
    public record Answer(int status, String contentType, String body) {
    }

    public static Answer get(String target) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String response = bytes.toString(StandardCharsets.UTF_8);
            int headersEnd = response.indexOf("\r\n\r\n");
            String head = headersEnd < 0 ? response : response.substring(0, headersEnd);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = head.lines()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).strip())
                    .findFirst().orElse("");
            return new Answer(status, contentType, headersEnd < 0 ? "" : response.substring(headersEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + target, e);
        }
    }
}
