package dev.notespipeline.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.problem.Problem;
import dev.notespipeline.problem.fuzz.RawHttp;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No input produces a 500: every parameter of every endpoint gets hostile values. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class BadInputTest {

    private static final Map<String, List<String>> PARAMETERS = Map.of(
            "/api/talks", List.of("topic", "q", "event", "speaker", "from", "to", "limit", "cursor"),
            "/api/topics", List.of("topic", "q", "event", "speaker", "from", "to"),
            "/api/events", List.of("topic", "limit", "cursor"),
            "/api/speakers", List.of("name"));

    /** Already percent-encoded, sent as they are: broken UTF-8, NUL, SQL, 10 KB, cursors that were never issued. */
    private static final List<String> HOSTILE = List.of(
            "%27%20OR%201%3D1%20--",
            "%27%3B%20DROP%20TABLE%20talk%3B%20--",
            "%22%29%29%3B%20SELECT%20pg_sleep%2810%29%3B--",
            "%FF%FE%FD",
            "%C3%28",
            "%E3%81",
            "%00",
            "a".repeat(10 * 1024),
            "%E7%9B%A3".repeat(3 * 1024),
            "eyJraW5kIjoidGFsa3MifQ",
            "eyJraW5kIjoidGFsa3MifQ.AAAA",
            "....",
            "-1",
            "99999999999999999999",
            "2022-02-30",
            "%E3%80%80",
            "!!!",
            "%5C");

    /** Not URIs at all: refused before anything reads them (rest-problem's RequestTargetCheck). */
    private static final List<String> NOT_URIS = List.of("%", "%zz", "%E3%8");

    @Test
    void brokenPercentEscapesAreBadRequests() {
        PARAMETERS.forEach((path, names) -> names.forEach(name -> NOT_URIS.forEach(value ->
                assertBrokenEscapeProblem(RawHttp.get(RestAssured.port, path + "?" + name + "=" + value), path + "?" + name + "=" + value))));
        NOT_URIS.forEach(value -> assertBrokenEscapeProblem(RawHttp.get(RestAssured.port, "/api/talks/" + value), "/api/talks/" + value));
    }

    private static void assertBrokenEscapeProblem(RawHttp.Answer answer, String request) {
        assertThat(answer.status()).as(request).isEqualTo(400);
        assertThat(answer.contentType()).as(request).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.body()).as(request).contains("not a valid URI");
    }

    @Test
    void hostileValuesInEveryParameterAreAnsweredWithoutAServerError() {
        PARAMETERS.forEach((path, names) -> names.forEach(name -> HOSTILE.forEach(value -> {
            RawHttp.Answer answer = RawHttp.get(RestAssured.port, path + "?" + name + "=" + value);
            String request = path + "?" + name + "=" + abbreviate(value);
            assertThat(answer.status()).as(request).isIn(200, 400);
            if (answer.status() == 400) {
                assertThat(answer.contentType()).as(request).startsWith(Problem.MEDIA_TYPE);
                assertThat(answer.body()).as(request).contains("\"detail\"");
            }
        })));
        given().get("/api/talks").then().statusCode(200);
    }

    @Test
    void hostileIdsAreNotFoundOrBadRequests() {
        for (String path : List.of("/api/talks/", "/api/events/")) {
            for (String value : HOSTILE) {
                RawHttp.Answer answer = RawHttp.get(RestAssured.port, path + value);
                assertThat(answer.status()).as(path + abbreviate(value)).isIn(400, 404);
                assertThat(answer.contentType()).as(path + abbreviate(value)).startsWith(Problem.MEDIA_TYPE);
            }
        }
    }

    @Test
    void eachBadParameterIsNamedInTheDetail() {
        given().queryParam("limit", 101).get("/api/talks").then().statusCode(400)
                .body("detail", containsString("limit must be between 1 and 100"));
        given().queryParam("limit", "ten").get("/api/events").then().statusCode(400)
                .body("detail", containsString("limit"));
        given().queryParam("topic", "no-such-topic").get("/api/talks").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("unknown topic 'no-such-topic'"));
        given().queryParam("from", "yesterday").get("/api/talks").then().statusCode(400)
                .body("detail", containsString("from must be a date"));
        given().queryParam("q", "x".repeat(201)).get("/api/talks").then().statusCode(400)
                .body("detail", containsString("q is longer than"));
        given().get("/api/nothing-here").then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("status", equalTo(404));
    }

    @Test
    void aCursorWithAChangedPositionIsRejected() {
        // Any cursor handed out, with its position rewritten: the signature no longer matches.
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"kind\":\"talks\",\"position\":{\"sortDate\":\"9999-01-01\",\"noteId\":\"x\",\"eventPosition\":0,\"position\":0,\"id\":\"x\"}}"
                        .getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
        given().queryParam("cursor", forged).get("/api/talks").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("cursor"));
    }

    private static String abbreviate(String value) {
        return value.length() <= 30 ? value : value.substring(0, 30) + "…(" + value.length() + ")";
    }
}
