package dev.notespipeline.problem;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, as problem+json and before anything reads it, a request target (the URL's path and query) that no
 * endpoint can serve: longer than {@value #MAX_URL_LENGTH} characters (414), not a URI (a broken percent-escape, a
 * control character: 400), or whose escapes decode to a NUL or to bytes that are not UTF-8 (400; PostgreSQL stores
 * no NUL, and a name that is not text names nothing).
 *
 * <p>Quarkus itself answers a target that is not a URI with an empty 400 before any route runs;
 * {@link QuarkusUriCheckHandover} hands that check to this route. The HTTP codec reads up to
 * {@code quarkus.http.limits.max-initial-line-length} (64 KiB in every service) so that an over-long URL reaches
 * this route and is told its limit; beyond that the codec answers an empty 414 itself.
 */
@ApplicationScoped
public class RequestTargetCheck {

    /**
     * Far longer than any URL an endpoint serves, so that an endpoint can still say which parameter is too long; half
     * of what the codec reads.
     */
    public static final int MAX_URL_LENGTH = 32 * 1024;

    /** First of all routes, before anything reads the path (routes of equal order run in registration order). */
    static final int ORDER = Integer.MIN_VALUE;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(RequestTargetCheck::check);
    }

    void installOnManagement(@Observes ManagementInterface management) {
        management.router().route().order(ORDER).handler(RequestTargetCheck::check);
    }

    static void check(RoutingContext context) {
        String target = context.request().uri();
        String refusal = refusal(target);
        if (refusal == null) {
            context.next();
        } else if (target.length() > MAX_URL_LENGTH) {
            ProblemResponse.endAndClose(context, Problem.of(414, "URI Too Long", refusal));
        } else {
            ProblemResponse.endAndClose(context, Problem.of(400, "Bad Request", refusal));
        }
    }

    /** Why {@code target} cannot be served, or {@code null}. */
    static String refusal(String target) {
        if (target == null || target.isEmpty()) {
            return "the request has no URL";
        }
        if (target.length() > MAX_URL_LENGTH) {
            return "the URL has " + target.length() + " characters; this service reads at most " + MAX_URL_LENGTH;
        }
        try {
            new URI(target);
        } catch (URISyntaxException e) {
            return "the URL is not a valid URI (" + e.getReason() + " at character " + e.getIndex() + ")";
        }
        return escapeRefusal(target);
    }

    private static String escapeRefusal(String target) {
        ByteBuffer bytes = ByteBuffer.allocate(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                // new URI(target) has checked that two hex digits follow.
                bytes.put((byte) Integer.parseInt(target, i + 1, i + 3, 16));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                // A character the URI holds unescaped is text already; a stand-in keeps the decoding in step.
                bytes.put((byte) 'x');
            }
        }
        bytes.flip();
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return "the URL's percent-escapes are not UTF-8";
        }
        if (decoded.indexOf('\0') >= 0) {
            return "the URL holds a NUL character (%00)";
        }
        return null;
    }
}
