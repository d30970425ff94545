package dev.notespipeline.ingest.rest;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.ingest.CleanTestBucket;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bucket's limits hold for a preview as for a file: its size limit and its parse timeout, each with its reason. */
@QuarkusTest
@TestProfile(PreviewLimitsTest.SmallLimits.class)
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CleanTestBucket.class, scope = TestResourceScope.GLOBAL)
class PreviewLimitsTest {

    private static final int MAX_FILE_SIZE = 256 * 1024;

    /**
     * A size limit below the service's body limit, and a parse timeout no 256 KB of Markdown parses within. The
     * bucket is a folder of its own, so that the files the other tests left are not read with these limits.
     */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pipeline.bucket.max-file-size", Integer.toString(MAX_FILE_SIZE),
                    "pipeline.bucket.parse-timeout", "1ms",
                    "pipeline.bucket.url", "file:target/preview-limits-bucket");
        }
    }

    /** As clients send it: RestAssured would otherwise add charset=ISO-8859-1 to a text type without a charset. */
    private static final RestAssuredConfig AS_SENT = RestAssured.config()
            .encoderConfig(encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static Response preview(String memo) {
        return given().config(AS_SENT).contentType("text/markdown").body(memo.getBytes(StandardCharsets.UTF_8))
                .post("/api/ingest/preview");
    }

    @Test
    void aMemoOverTheBucketsSizeLimitIsRefusedUnparsed() {
        preview("# Big\n" + "a".repeat(MAX_FILE_SIZE))
                .then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(413))
                .body("detail", containsString("too-large: "))
                .body("detail", containsString("pipeline.bucket.max-file-size"));
    }

    @Test
    void aMemoSlowerThanTheParseTimeoutIsUnprocessable() {
        StringBuilder memo = new StringBuilder("# A long night\n");
        while (memo.length() < MAX_FILE_SIZE / 2) {
            memo.append("## Talk ").append(memo.length()).append("\tSpeaker\n")
                    .append("- ").append("a point about the talk ".repeat(8)).append('\n');
        }
        preview(memo.toString())
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(422))
                .body("detail", containsString("parse-timeout: "))
                .body("detail", containsString("pipeline.bucket.parse-timeout"));
    }
}
