package dev.notespipeline.query.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Base64;
import java.util.Map;

/** Sign-in on, tokens verified against the test's own public key instead of an identity provider's keys. */
public class SignInProfile implements QuarkusTestProfile {

    static final String ISSUER = "https://sign-in.test/notes";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "query.sign-in.enabled", "true",
                "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(TestSigningKey.keyPair().getPublic().getEncoded()),
                "quarkus.oidc.token.issuer", ISSUER);
    }
}
