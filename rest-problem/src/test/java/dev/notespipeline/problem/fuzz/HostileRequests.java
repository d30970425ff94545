package dev.notespipeline.problem.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hostile requests against a service's endpoints, the same ones for the same seed: NUL and invalid UTF-8 in paths,
 * parameters, headers and bodies, broken percent-escapes, huge values, many parameters and headers, odd methods, media
 * types and credentials, bodies that are not what the endpoint reads.
 *
 * <p>Each request says what a correct service answers ({@link Expectation}): below 500 always, and problem+json for
 * every 4xx, except where the HTTP layer refuses the request before any of the service's code can run.
 */
public final class HostileRequests {

    /** A path with {@code {}} where one hostile segment goes, and the query parameters the endpoint reads. */
    public record Endpoint(String method, String path, List<String> parameters) {

        public static Endpoint get(String path, String... parameters) {
            return new Endpoint("GET", path, List.of(parameters));
        }

        public static Endpoint post(String path, String... parameters) {
            return new Endpoint("POST", path, List.of(parameters));
        }
    }

    public enum Expectation {
        /** Answered by the service: below 500, and every 4xx in problem+json. */
        PROBLEM,
        /**
         * Beyond what Vert.x's HTTP codec reads ({@link #CODEC_LIMIT}), or a byte HTTP forbids in a header: the codec
         * refuses the request with a bare 400, 414 or 431 and closes the connection before Quarkus, let alone the
         * service, sees it (Quarkus 3.33 offers no hook there, quarkusio/quarkus#55082).
         */
        CODEC_REFUSAL
    }

    /** What every service's management interface serves: health, metrics, OpenAPI, Swagger UI. */
    public static final List<Endpoint> MANAGEMENT_ENDPOINTS = List.of(
            Endpoint.get("/q/health"),
            Endpoint.get("/q/health/{}"),
            Endpoint.get("/q/metrics"),
            Endpoint.get("/q/openapi", "format"),
            Endpoint.get("/q/swagger-ui/{}"),
            Endpoint.get("/q/{}"),
            Endpoint.get("/{}"));

    public record FuzzRequest(String method, String target, String description, byte[] bytes, Expectation expectation) {
    }

    /** What the services' HTTP codec reads at most ({@code quarkus.http.limits.max-initial-line-length}, {@code .max-header-size}). */
    public static final int CODEC_LIMIT = 64 * 1024;
    /** What the services accept at most of a URL and of the headers (rest-problem's RequestTargetCheck and RequestHeaderLimit). */
    public static final int URL_LIMIT = 32 * 1024;
    public static final int HEADERS_LIMIT = 16 * 1024;

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD",
            "TRACE", "FROB");
    private static final List<String> MEDIA_TYPES = List.of("application/json", "text/markdown", "text/plain",
            "text/markdown; charset=ISO-8859-1", "application/json; charset=utf-16", "application/xml",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "garbage", ";;;", "");
    private static final List<String> ACCEPTS = List.of("application/json", "*/*", "text/html", "application/xml",
            "application/problem+json", "image/png", "garbage/");
    private static final List<String> CREDENTIALS = List.of("Basic YWRtaW46d3Jvbmc=", "Basic !!!!", "Basic ",
            "Bearer eyJhbGciOiJub25lIn0.e30.", "Bearer ", "Digest x", "Basic " + "A".repeat(2000));

    private final SplittableRandom random;
    private final List<Endpoint> endpoints;

    public HostileRequests(long seed, List<Endpoint> endpoints) {
        this.random = new SplittableRandom(seed);
        this.endpoints = List.copyOf(endpoints);
    }

    /** {@code count} requests. */
    public List<FuzzRequest> take(int count) {
        List<FuzzRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(next());
        }
        return requests;
    }

    public FuzzRequest next() {
        Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
        List<String> what = new ArrayList<>();
        String method = random.nextInt(5) == 0 ? pick(METHODS) : endpoint.method();
        String target = target(endpoint, what);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        write(head, method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        int headerBytes = 0;
        boolean forbiddenHeaderByte = false;
        if (random.nextInt(3) == 0) {
            headerBytes += header(head, "Accept", pick(ACCEPTS));
        }
        if (random.nextInt(6) == 0) {
            headerBytes += header(head, "Authorization", pick(CREDENTIALS));
            what.add("credentials");
        }
        switch (random.nextInt(10)) {
            case 0 -> {
                int size = pick(List.of(2_000, HEADERS_LIMIT + 4_000, CODEC_LIMIT + 4_000));
                headerBytes += header(head, "X-Huge", "h".repeat(size));
                what.add("a " + size + "-byte header");
            }
            case 1 -> {
                for (int i = 0; i < 300; i++) {
                    headerBytes += header(head, "X-Many-" + i, "v");
                }
                what.add("300 headers");
            }
            case 2 -> {
                // Bytes HTTP allows in a value (obs-text), though they are not UTF-8.
                head.writeBytes("X-Latin: caf\u00e9 \u00ff\r\n".getBytes(StandardCharsets.ISO_8859_1));
                what.add("a header of non-UTF-8 bytes");
            }
            case 3 -> {
                head.writeBytes(new byte[] {'X', '-', 'N', 'u', 'l', ':', ' ', 'a', 0, 'b', '\r', '\n'});
                forbiddenHeaderByte = true;
                what.add("a NUL in a header");
            }
            default -> {
            }
        }
        byte[] body = body(what);
        String mediaType = random.nextInt(4) == 0 ? pick(MEDIA_TYPES) : guessMediaType(body);
        if (mediaType != null) {
            headerBytes += header(head, "Content-Type", mediaType);
        }
        boolean declaredHuge = random.nextInt(25) == 0;
        if (declaredHuge) {
            // More than any service reads: it must refuse from the header, before the body that never comes.
            header(head, "Content-Length", "999999999999");
            what.add("a declared 1 TB body");
            body = "x".getBytes(StandardCharsets.US_ASCII);
        } else if (body.length > 0 || "POST".equals(method)) {
            header(head, "Content-Length", Integer.toString(body.length));
        }
        write(head, "\r\n");
        head.writeBytes(body);
        boolean refused = target.length() + method.length() + 12 > CODEC_LIMIT || headerBytes > CODEC_LIMIT
                || forbiddenHeaderByte;
        String description = method + " " + abbreviate(target) + (what.isEmpty() ? "" : " with " + String.join(", ", what));
        return new FuzzRequest(method, target, description, head.toByteArray(), refused ? Expectation.CODEC_REFUSAL : Expectation.PROBLEM);
    }

    private String target(Endpoint endpoint, List<String> what) {
        String path = endpoint.path();
        if (path.contains("{}")) {
            path = path.replace("{}", value(what, "path"));
        } else if (random.nextInt(8) == 0) {
            path = path + "/" + value(what, "extra path");
        }
        StringBuilder target = new StringBuilder(path);
        int parameters = random.nextInt(12) == 0 ? 1_000 : random.nextInt(4);
        if (parameters == 1_000) {
            what.add("1,000 parameters");
        }
        for (int i = 0; i < parameters; i++) {
            String name = !endpoint.parameters().isEmpty() && random.nextInt(4) > 0 ? pick(endpoint.parameters())
                    : parameters == 1_000 ? "p" + i : value(what, "parameter name");
            target.append(i == 0 ? '?' : '&').append(name).append('=')
                    .append(parameters == 1_000 ? "1" : value(what, name));
        }
        return target.toString();
    }

    /** A hostile value, percent-encoded as it travels (or deliberately not). */
    private String value(List<String> what, String where) {
        int kind = random.nextInt(24);
        String value = switch (kind) {
            case 0 -> "%00";
            case 1 -> "a%00b";
            case 2 -> "%FF%FE%FD";
            case 3 -> "%C3%28";
            case 4 -> "%C0%AF";
            case 5 -> "%E3%81";
            case 6 -> "a".repeat(pick(List.of(300, 5_000, URL_LIMIT + 1_000, CODEC_LIMIT + 1_000)));
            case 7 -> "%E7%9B%A3".repeat(pick(List.of(100, 900, 3_000)));
            case 8 -> "%27%20OR%201%3D1%20--";
            case 9 -> "..%2F..%2Fetc%2Fpasswd";
            case 10 -> "%2F";
            case 11 -> "%zz";
            case 12 -> "%";
            case 13 -> "%E3%8";
            case 14 -> "\u0001";
            case 15 -> "%0D%0AX-Injected:%201";
            case 16 -> "-1";
            case 17 -> "99999999999999999999";
            case 18 -> "%20%20";
            case 19 -> "%E3%80%80";
            case 20 -> "eyJraW5kIjoidGFsa3MifQ.AAAA";
            case 21 -> "true";
            case 22 -> "%F0%9F%98%80";
            default -> "plain-" + random.nextInt(1000);
        };
        if (kind < 22) {
            what.add(abbreviate(where) + "=" + abbreviate(value));
        }
        return value;
    }

    private byte[] body(List<String> what) {
        int kind = random.nextInt(14);
        byte[] body = switch (kind) {
            case 0 -> new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, (byte) 0xC3, 0x28};
            case 1 -> "{\"title\":\"a\u0000b\"}".getBytes(StandardCharsets.UTF_8);
            case 2 -> "{not json".getBytes(StandardCharsets.UTF_8);
            case 3 -> "[".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
            case 4 -> ("{\"title\":\"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 5 -> "# Night\n## A talk\n* a bullet\n".getBytes(StandardCharsets.UTF_8);
            case 6 -> ("#".repeat(10) + " \u0000\n").getBytes(StandardCharsets.UTF_8);
            case 7 -> "{\"title\":123,\"text\":[1,2],\"eventTitle\":{}}".getBytes(StandardCharsets.UTF_8);
            case 8 -> "null".getBytes(StandardCharsets.US_ASCII);
            case 9 -> "{\"title\":\"EKS\",\"text\":\"監視\",\"eventTitle\":\"JAWS\"}".getBytes(StandardCharsets.UTF_8);
            case 10 -> randomBytes(4_000);
            default -> new byte[0];
        };
        if (kind <= 10) {
            what.add("body " + kind);
        }
        return body;
    }

    private static String guessMediaType(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        return body[0] == '{' || body[0] == '[' || body[0] == 'n' ? "application/json" : "text/markdown";
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static int header(ByteArrayOutputStream head, String name, String value) {
        String line = name + ": " + value + "\r\n";
        write(head, line);
        return line.length();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }


    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…(" + value.length() + ")";
    }
}
