package dev.notespipeline.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The size contract end to end: a memo of the largest size ingest accepts travels through every topic and comes out
 * of query-service as talks; one byte more is rejected with its reason in ingest's ledger; and the pipeline goes on.
 */
class LargeMemoIT {

    private static final int MAX_FILE_SIZE = SizedMemo.largestAccepted();
    private static final String EVENT = "Largest memo night";

    private static Pipeline pipeline;

    @BeforeAll
    static void startPipeline() {
        pipeline = Pipeline.start("large-memo");
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aMemoOfTheLargestAcceptedSizeBecomesTalksAndOneByteMoreIsRejectedWithItsReason() throws IOException {
        byte[] largest = SizedMemo.of(EVENT, MAX_FILE_SIZE);
        int talks = talkCount(largest);
        int parsedBytes = given().baseUri(pipeline.ingest.baseUri()).contentType("text/markdown; charset=UTF-8")
                .body(largest).post("/api/ingest/preview?path=largest.md").then().statusCode(200).extract()
                .asByteArray().length;
        System.out.printf("a memo of %d bytes with %d talks parses to %d bytes of JSON%n", largest.length, talks,
                parsedBytes);
        Files.write(pipeline.bucket.resolve("largest.md"), largest);
        Files.write(pipeline.bucket.resolve("over.md"), SizedMemo.of(EVENT, MAX_FILE_SIZE + 1));

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Pipeline.logLine(pipeline.query, "stored largest.md") != null);
        List<Map<String, Object>> events = given().baseUri(pipeline.query.baseUri()).get("/api/events")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(events).filteredOn(event -> EVENT.equals(event.get("title")))
                .singleElement().satisfies(event -> assertThat(((Number) event.get("talkCount")).intValue()).isEqualTo(talks));

        JsonPath over = given().baseUri(pipeline.ingest.baseUri()).get("/api/ingest/notes/over.md")
                .then().statusCode(200).extract().jsonPath();
        assertThat(over.getString("status")).isEqualToIgnoringCase("rejected");
        assertThat(over.getString("reason")).isEqualTo("too-large");
        assertThat(over.getString("detail")).contains(Integer.toString(MAX_FILE_SIZE + 1));

        // Nothing is stuck behind them.
        Files.writeString(pipeline.bucket.resolve("after.md"), "# After night\n## Kubernetes入門\tAliceさん\n* EKS\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> Pipeline.logLine(pipeline.query, "stored after.md") != null);
    }

    private static int talkCount(byte[] memo) {
        return (int) new String(memo, StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("## ")).count();
    }
}
