package dev.notespipeline.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/** What query-service's API answers, as the end-to-end tests ask it while notes are still arriving. */
final class QueryApi {

    private QueryApi() {
    }

    /** Talks of a topic, or none while no note has carried the topic yet (the API then answers 400 unknown topic). */
    static List<Map<String, Object>> talksSoFar(String baseUri, String topic) {
        Response response = given().baseUri(baseUri).queryParam("topic", topic).queryParam("limit", 100).get("/api/talks");
        if (response.statusCode() == 400 && response.jsonPath().getString("detail").contains(topic)) {
            return List.of();
        }
        return response.then().statusCode(200).extract().jsonPath().getList("items");
    }
}
