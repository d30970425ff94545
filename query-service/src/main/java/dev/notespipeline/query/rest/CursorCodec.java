package dev.notespipeline.query.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notespipeline.problem.ProblemException;
import dev.notespipeline.query.config.CursorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Turns a keyset position into an opaque cursor and back: {@code base64url(json).base64url(hmac)}. The HMAC
 * makes a changed or invented cursor a 400 instead of a query from an arbitrary position; the kind keeps a talk
 * cursor from being used for events.
 */
@ApplicationScoped
public class CursorCodec {

    private static final Logger LOG = Logger.getLogger(CursorCodec.class);
    private static final String ALGORITHM = "HmacSHA256";
    /** Far above any cursor this service hands out; longer input is rejected before any decoding. */
    private static final int MAX_LENGTH = 2048;

    private final ObjectMapper json;
    private final SecretKeySpec key;

    @Inject
    public CursorCodec(ObjectMapper json, CursorConfig config) {
        this.json = json;
        byte[] secret;
        if (config.secret().isPresent() && !config.secret().get().isBlank()) {
            secret = config.secret().get().getBytes(StandardCharsets.UTF_8);
        } else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            LOG.info("query.cursor.secret is not set: page cursors are signed with a random key and expire on restart");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    public String encode(String kind, Object position) {
        try {
            byte[] payload = json.writeValueAsBytes(new Envelope(kind, json.valueToTree(position)));
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            return base64.encodeToString(payload) + "." + base64.encodeToString(sign(payload));
        } catch (IOException e) {
            throw new IllegalStateException("a position always serialises", e);
        }
    }

    /** @return the position, or null when there is no cursor (the first page) */
    public <T> T decode(String kind, String cursor, Class<T> type) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            int dot = cursor.indexOf('.');
            if (cursor.length() <= MAX_LENGTH && dot > 0) {
                Base64.Decoder base64 = Base64.getUrlDecoder();
                byte[] payload = base64.decode(cursor.substring(0, dot));
                byte[] signature = base64.decode(cursor.substring(dot + 1));
                if (MessageDigest.isEqual(signature, sign(payload))) {
                    Envelope envelope = json.readValue(payload, Envelope.class);
                    if (kind.equals(envelope.kind())) {
                        return json.treeToValue(envelope.position(), type);
                    }
                }
            }
        } catch (IllegalArgumentException | IOException e) {
            // Falls through to the same answer as any other cursor this service did not hand out.
        }
        throw ProblemException.badRequest("cursor is not one this API handed out (or it expired with a restart):"
                + " start again without a cursor");
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }

    private record Envelope(String kind, JsonNode position) {
    }
}
