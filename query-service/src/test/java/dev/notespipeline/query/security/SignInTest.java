package dev.notespipeline.query.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * With sign-in on, the page and the API answer only requests carrying a valid token of the configured issuer;
 * the management port (probes, Prometheus) still answers without one.
 */
@QuarkusTest
@TestProfile(SignInProfile.class)
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class SignInTest {

    @Test
    void aValidTokenReachesTheApiAndThePage() {
        String token = token(TestSigningKey.keyPair().getPrivate(), SignInProfile.ISSUER, Instant.now().plusSeconds(300));
        given().auth().oauth2(token).get("/api/topics").then().statusCode(200);
        given().auth().oauth2(token).get("/").then().statusCode(200);
    }

    @Test
    void noTokenIsRefused() {
        given().get("/api/talks").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().get("/").then().statusCode(401);
        given().get("/js/main.js").then().statusCode(401);
    }

    @Test
    void aTokenSignedByAnotherKeyExpiredOrFromAnotherIssuerIsRefused() throws NoSuchAlgorithmException {
        PrivateKey stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        PrivateKey ours = TestSigningKey.keyPair().getPrivate();
        for (String token : new String[] {
                token(stranger, SignInProfile.ISSUER, Instant.now().plusSeconds(300)),
                token(ours, SignInProfile.ISSUER, Instant.now().minusSeconds(600)),
                token(ours, "https://elsewhere.test", Instant.now().plusSeconds(300))}) {
            given().auth().oauth2(token).get("/api/topics").then().statusCode(401);
        }
    }

    @Test
    void probesAndMetricsNeedNoToken() {
        given().baseUri(ManagementInterface.baseUri()).get("/q/health/ready").then().statusCode(200);
        given().baseUri(ManagementInterface.baseUri()).get("/q/metrics").then().statusCode(200);
    }

    private static String token(PrivateKey key, String issuer, Instant expiresAt) {
        return Jwt.issuer(issuer).subject("alice").upn("alice@example.com")
                .issuedAt(expiresAt.minusSeconds(900)).expiresAt(expiresAt).sign(key);
    }
}
