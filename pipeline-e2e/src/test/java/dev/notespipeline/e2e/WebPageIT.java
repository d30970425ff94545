package dev.notespipeline.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real headless Chromium, against the whole pipeline with real stored talks: the sample memo and
 * two more, dropped into the bucket, parsed by ingest, tagged by enrich, stored by query-service. One pipeline and
 * one browser for every step; each step leaves a screenshot in pipeline-e2e/target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageIT {

    private static final List<String> MEMOS = List.of("fy2022-events.md", "jaws-days-2023.md", "kubecon-2024.md");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Pipeline pipeline;
    private static Browser browser;
    private static ChromeDriver driver;
    private static String base;

    @BeforeAll
    static void startPipelineAndBrowser() throws IOException {
        browser = Browser.start(Pipeline.ROOT.resolve("pipeline-e2e/target/screenshots"));
        driver = browser.driver;
        pipeline = Pipeline.start("web");
        base = pipeline.query.baseUri();
        for (String memo : MEMOS) {
            Files.copy(Pipeline.SAMPLES.resolve(memo), pipeline.bucket.resolve(memo));
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (String memo : MEMOS) {
                if (Pipeline.logLine(pipeline.query, "stored " + memo) == null) {
                    return false;
                }
            }
            return true;
        });
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @AfterEach
    void theConsoleShowsNoErrors() {
        assertThat(browser.consoleErrors()).as("errors in the browser console").isEmpty();
    }

    // ---- what the API says, to compare the page with ----

    private static JsonPath api(String pathAndQuery) {
        return given().baseUri(base).urlEncodingEnabled(false).get(pathAndQuery).then().statusCode(200).extract().jsonPath();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String eventId(String titlePart) {
        return api("/api/facets?limit=100").<Map<String, Object>>getList("events").stream()
                .filter(event -> ((String) event.get("title")).contains(titlePart))
                .map(event -> (String) event.get("id")).findFirst().orElseThrow();
    }

    private static List<String> talkTitles(String query) {
        return api("/api/talks?limit=100&" + query).getList("items.title");
    }

    // ---- what the page shows ----

    /** Waits until the condition holds; an element the page re-rendered meanwhile is looked up again. */
    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Opens a URL of the page and waits until its search has been answered. */
    private static void openSearch(String pathAndQuery) {
        driver.get(base + pathAndQuery);
        waitForSearch();
    }

    private static void waitForSearch() {
        waitFor(d -> d.findElement(By.id("search-view")).isDisplayed()
                && d.findElement(By.id("results")).getAttribute("aria-busy") == null
                && !status().isEmpty());
    }

    private static String status() {
        return driver.findElement(By.id("status")).getText();
    }

    private static List<String> listedTitles() {
        return driver.findElements(By.cssSelector("#talk-list .talk-link")).stream().map(WebElement::getText).toList();
    }

    private static WebElement facet(String facet, String value) {
        return driver.findElement(By.cssSelector("#facets [data-facet='" + facet + "'][data-value='" + value + "']"));
    }

    private static String pageTitle() {
        return waitFor(d -> {
            List<WebElement> titles = d.findElements(By.cssSelector("#page-content .page-title"));
            return titles.isEmpty() || titles.get(0).getText().isEmpty() ? null : titles.get(0).getText();
        });
    }

    private static Object js(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    @Test
    @Order(1)
    void typingSearchesOnceTheInputMethodCommitsAndMarksTheMatches() {
        openSearch("/");
        waitFor(d -> js("return !!document.getElementById('timeline-chart').chart"));
        browser.screenshot("00-home");
        String everything = status();
        WebElement q = driver.findElement(By.id("q"));
        q.click();
        // A Japanese input method: かんし is being composed, not yet the word; nothing may be searched meanwhile.
        driver.executeCdpCommand("Input.imeSetComposition", Map.of("text", "かんし", "selectionStart", 3, "selectionEnd", 3));
        sleep(Duration.ofMillis(900));
        assertThat(driver.getCurrentUrl()).doesNotContain("q=");
        assertThat(status()).isEqualTo(everything);
        driver.executeCdpCommand("Input.insertText", Map.of("text", "監視"));

        waitFor(d -> d.getCurrentUrl().contains("q=" + encode("監視")) && status().contains("“監視”"));
        waitForSearch();
        List<String> lounge = api("/api/events/" + eventId("Observability Lounge")).getList("talks.title");
        assertThat(lounge).hasSize(2);
        assertThat(listedTitles()).containsAll(lounge).hasSameSizeAs(talkTitles("q=" + encode("監視")));
        for (WebElement talk : driver.findElements(By.cssSelector("#talk-list .talk"))) {
            if (lounge.contains(talk.findElement(By.cssSelector(".talk-link")).getText())) {
                List<String> marked = talk.findElements(By.cssSelector("h3 mark")).stream().map(WebElement::getText).toList();
                assertThat(marked).as("the search word is marked in the title").isNotEmpty().containsOnly("監視");
            }
        }
        browser.screenshot("01-search-kanshi");
    }

    @Test
    @Order(2)
    void theAzureFacetShowsTheNineJazugTalksAndTheCountsFollow() {
        openSearch("/");
        String jazug = eventId("Jazug");
        List<String> jazugTalks = api("/api/events/" + jazug).getList("talks.title");
        assertThat(jazugTalks).hasSize(9);
        String lounge = eventId("Observability Lounge");
        String loungeCountBefore = facet("event", lounge).getText();

        facet("topic", "azure").click();
        waitFor(d -> d.getCurrentUrl().contains("topic=azure"));
        waitForSearch();
        long azure = api("/api/facets?topic=azure").getLong("total");
        assertThat(status()).isEqualTo(azure + " talks");
        assertThat(listedTitles()).containsAll(jazugTalks).containsExactlyElementsOf(talkTitles("topic=azure"));
        assertThat(facet("topic", "azure").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(facet("event", jazug).getText()).endsWith("9");
        assertThat(loungeCountBefore).endsWith("2");
        assertThat(driver.findElements(By.cssSelector("#facets [data-facet='event'][data-value='" + lounge + "']")))
                .as("the lounge has no azure talk, so its event leaves the facet").isEmpty();
        assertThat(driver.findElement(By.id("active-filters")).getText()).contains("Azure");
        browser.screenshot("02-facet-azure");
    }

    @Test
    @Order(3)
    void aTalkPageShowsItsBulletsItsEvidenceAndWhereItIsWritten() {
        JsonPath talk = richestJazugTalk();
        openSearch("/?topic=azure");
        driver.findElements(By.cssSelector("#talk-list .talk-link")).stream()
                .filter(link -> link.getText().equals(talk.getString("title"))).findFirst().orElseThrow().click();
        assertThat(pageTitle()).isEqualTo(talk.getString("title"));
        assertThat(driver.getCurrentUrl()).contains("view=talk", "id=" + talk.getString("id"));

        List<String> bullets = driver.findElements(By.cssSelector(".talk-page ul.bullets li")).stream()
                .map(item -> item.getText().lines().findFirst().orElse("")).toList();
        assertThat(bullets).containsAll(bulletTexts(talk.getList("bullets")));
        assertThat(driver.findElements(By.cssSelector(".talk-page ul.bullets li ul li")))
                .as("nested bullets stay nested").hasSize(nestedCount(talk.getList("bullets")));

        WebElement azure = driver.findElement(By.cssSelector(".evidence li[data-topic='azure']"));
        Map<String, Object> evidence = talk.getMap("topics.find { it.slug == 'azure' }.evidence[0]");
        assertThat(azure.getText()).contains("Azure", (String) evidence.get("term"), String.valueOf(evidence.get("count")));
        assertThat(driver.findElement(By.cssSelector(".talk-page")).getText())
                .contains("fy2022-events.md, line " + talk.getInt("source.line"));
        String summary = talk.getString("source.layout.summary");
        if (summary != null) {
            assertThat(driver.findElement(By.cssSelector(".talk-page .source-layout")).getText()).contains(summary);
        }
        browser.screenshot("03-talk-page");
    }

    @Test
    @Order(4)
    void fromATalkToItsEventAndToItsSpeaker() {
        JsonPath talk = richestJazugTalk();
        driver.get(base + "/?view=talk&id=" + talk.getString("id"));
        assertThat(pageTitle()).isEqualTo(talk.getString("title"));
        driver.findElement(By.linkText(talk.getString("event.title"))).click();
        assertThat(pageTitle()).isEqualTo(talk.getString("event.title"));
        JsonPath event = api("/api/events/" + talk.getString("event.id"));
        assertThat(listedTitlesIn(".event-page")).containsExactlyElementsOf(event.getList("talks.title"));
        List<String> overviewLinks = driver.findElements(By.cssSelector(".event-page .links-by-kind a")).stream()
                .map(link -> link.getAttribute("href")).toList();
        assertThat(overviewLinks).containsExactlyInAnyOrderElementsOf(event.getList("links.url"));
        browser.screenshot("04-event-page");

        driver.navigate().back();
        assertThat(pageTitle()).isEqualTo(talk.getString("title"));
        String speaker = talk.getString("speaker");
        driver.findElement(By.cssSelector(".talk-page .facts")).findElement(By.linkText(speaker)).click();
        assertThat(pageTitle()).isEqualTo(speaker);
        assertThat(listedTitlesIn(".speaker-page")).containsExactlyElementsOf(
                api("/api/speakers/" + encode(speaker)).getList("talks.title"));
        browser.screenshot("05-speaker-page");
    }

    @Test
    @Order(5)
    void aSharedUrlBringsBackTheSameViewAndBackGoesBack() {
        openSearch("/");
        WebElement q = driver.findElement(By.id("q"));
        q.sendKeys("Azure");
        waitFor(d -> d.getCurrentUrl().contains("q=Azure"));
        waitForSearch();
        String searchOnly = driver.getCurrentUrl();
        facet("topic", "azure").click();
        waitFor(d -> d.getCurrentUrl().contains("topic=azure"));
        waitForSearch();
        String shared = driver.getCurrentUrl();
        String statusThen = status();
        List<String> titlesThen = listedTitles();

        // Someone else opens the shared link: a new window with a history of its own.
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        openSearch(shared.substring(base.length()));
        assertThat(status()).isEqualTo(statusThen);
        assertThat(listedTitles()).isEqualTo(titlesThen);
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("Azure");
        assertThat(facet("topic", "azure").getAttribute("aria-pressed")).isEqualTo("true");
        browser.screenshot("06-shared-url");
        driver.navigate().refresh();
        waitForSearch();
        assertThat(listedTitles()).isEqualTo(titlesThen);
        driver.close();
        driver.switchTo().window(first);

        driver.navigate().back();
        waitFor(d -> d.getCurrentUrl().equals(searchOnly));
        waitForSearch();
        assertThat(facet("topic", "azure").getAttribute("aria-pressed")).isEqualTo("false");
    }

    @Test
    @Order(6)
    void clickingAPointOfTheTimelineShowsThatTopicsTalksOfThatMonth() {
        openSearch("/");
        JsonPath timeline = api("/api/timeline?by=month");
        List<String> periods = timeline.getList("periods");
        List<Map<String, Object>> topics = timeline.getList("topics");
        // A point no other series shares, so the pointer can only mean that topic.
        String period = null;
        Map<String, Object> topic = null;
        for (int i = periods.size() - 1; i >= 0 && topic == null; i--) {
            for (Map<String, Object> series : topics) {
                int count = ((Number) ((List<?>) series.get("counts")).get(i)).intValue();
                int index = i;
                long same = topics.stream().filter(other -> ((Number) ((List<?>) other.get("counts")).get(index)).intValue() == count).count();
                if (count > 0 && same == 1) {
                    period = periods.get(i);
                    topic = series;
                    break;
                }
            }
        }
        assertThat(topic).as("a point of its own in " + timeline.prettify()).isNotNull();
        waitFor(d -> js("return !!document.getElementById('timeline-chart').chart"));
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) js("const u = document.getElementById('timeline-chart').chart;"
                + "const s = u.series.findIndex(x => x.label === arguments[0]);"
                + "const i = arguments[1];"
                + "return [u.valToPos(i, 'x'), u.valToPos(u.data[s][i], 'y'), u.over.clientWidth, u.over.clientHeight];",
                topic.get("label"), periods.indexOf(period));
        browser.screenshot("07-timeline");
        WebElement over = driver.findElement(By.cssSelector("#timeline-chart .u-over"));
        int dx = (int) Math.round(point.get(0).doubleValue() - point.get(2).doubleValue() / 2);
        int dy = (int) Math.round(point.get(1).doubleValue() - point.get(3).doubleValue() / 2);
        new Actions(driver).moveToElement(over, dx, dy).pause(Duration.ofMillis(200)).moveByOffset(1, 0)
                .pause(Duration.ofMillis(200)).click().perform();

        String slug = (String) topic.get("slug");
        String from = period + "-01";
        waitFor(d -> d.getCurrentUrl().contains("topic=" + slug) && d.getCurrentUrl().contains("from=" + from));
        waitForSearch();
        String query = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf('?') + 1);
        List<String> expected = talkTitles(query);
        assertThat(expected).isNotEmpty();
        assertThat(listedTitles()).containsExactlyElementsOf(expected);
        browser.screenshot("08-timeline-clicked");
    }

    @Test
    @Order(7)
    void theKeyboardAloneSearchesOpensATalkAndComesBack() {
        openSearch("/");
        new Actions(driver).sendKeys(driver.findElement(By.tagName("body")), "/").perform();
        assertThat(activeId()).isEqualTo("q");
        driver.switchTo().activeElement().sendKeys("EKS");
        waitFor(d -> d.getCurrentUrl().contains("q=EKS"));
        waitForSearch();
        List<String> titles = listedTitles();
        assertThat(titles).hasSizeGreaterThan(1);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo(titles.get(0));
        assertThat(js("return getComputedStyle(document.activeElement).outlineStyle")).as("focus is visible").isNotEqualTo("none");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo(titles.get(1));
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(pageTitle()).isEqualTo(titles.get(1));
        assertThat((String) js("return document.activeElement.className")).contains("page-title");
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waitFor(d -> d.getCurrentUrl().contains("q=EKS") && !d.getCurrentUrl().contains("view="));
        waitForSearch();
        assertThat(listedTitles()).isEqualTo(titles);
    }

    @Test
    @Order(8)
    void darkThemeNarrowScreenAndJapanese() {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        openSearch("/?topic=kubernetes");
        assertThat(luminance((String) js("return getComputedStyle(document.body).backgroundColor"))).isLessThan(0.2);
        assertThat(luminance((String) js("return getComputedStyle(document.body).color"))).isGreaterThan(0.6);
        browser.screenshot("09-dark");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));

        Dimension wide = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(400, 900));
        openSearch("/?q=" + encode("監視"));
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling").isTrue();
        WebElement toggle = driver.findElement(By.id("filters-toggle"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("facets")).isDisplayed()).isFalse();
        browser.screenshot("10-narrow");
        toggle.click();
        assertThat(driver.findElement(By.id("facets")).isDisplayed()).isTrue();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        driver.manage().window().setSize(wide);

        openSearch("/");
        driver.findElement(By.id("language")).click();
        waitFor(d -> status().contains("件"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
        assertThat(driver.findElement(By.id("q")).getAttribute("placeholder")).contains("日本語");
        browser.screenshot("11-japanese");
        driver.findElement(By.id("language")).click();
        waitFor(d -> status().endsWith("talks"));
    }

    @Test
    @Order(9)
    void aDroppedMemoIsPreviewedAsItWillBeReadAndNothingIsStored() throws IOException {
        long stored = api("/api/facets").getLong("total");
        Path memo = pipeline.work.resolve("preview-night.md");
        Files.writeString(memo, """
                # Preview night
                ## Azure Functions in practice\tAlice Exampleさん
                * triggers and bindings
                ## 懇親会
                * pizza
                ## Observability with OpenTelemetry\tBob Exampleさん
                * traces and metrics
                """);
        openSearch("/");
        driver.findElement(By.id("memo-file")).sendKeys(memo.toString());
        assertThat(pageTitle()).contains("preview-night.md");
        WebElement preview = waitFor(d -> d.findElements(By.cssSelector(".preview-talks")).isEmpty() ? null
                : d.findElement(By.cssSelector(".preview-page")));
        String text = preview.getText();
        assertThat(text).contains("Preview night", "Azure Functions in practice", "Alice Example", "Bob Example");
        assertThat(preview.findElements(By.cssSelector(".preview-talks tbody tr"))).hasSize(2);
        List<String> rowsWithAzure = new ArrayList<>();
        for (WebElement row : preview.findElements(By.cssSelector(".preview-talks tbody tr"))) {
            if (row.getText().contains("Azure ")) {
                rowsWithAzure.add(row.getText());
            }
        }
        assertThat(rowsWithAzure).singleElement().asString().contains("Azure Functions in practice");
        assertThat(text).contains("懇親会");
        browser.screenshot("12-preview");

        // The same through a drop: the page's drop handler gets the file as a browser hands it over.
        js("const file = new File([arguments[0]], 'dropped.md', { type: 'text/markdown' });"
                + "const data = new DataTransfer(); data.items.add(file);"
                + "document.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));"
                + "document.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));",
                "# Dropped night\n## Kubernetes upgrades\tCarol Exampleさん\n* kubectl drain\n");
        waitFor(d -> d.findElement(By.cssSelector(".preview-page .page-title")).getText().contains("dropped.md")
                && d.findElement(By.cssSelector(".preview-page")).getText().contains("Kubernetes upgrades"));
        assertThat(api("/api/facets").getLong("total")).as("a preview stores nothing").isEqualTo(stored);
    }

    private static List<String> listedTitlesIn(String page) {
        return driver.findElements(By.cssSelector(page + " .talk-link")).stream().map(WebElement::getText).toList();
    }

    private static String activeId() {
        return (String) js("return document.activeElement.id");
    }

    /** The Jazug talk with the most bullets (nested ones counted), as the API details it. */
    private static JsonPath richestJazugTalk() {
        JsonPath best = null;
        for (String id : api("/api/events/" + eventId("Jazug")).<String>getList("talks.id")) {
            JsonPath talk = api("/api/talks/" + id);
            if (talk.getString("title") != null && talk.getString("speaker") != null
                    && (best == null || bulletTexts(talk.getList("bullets")).size() > bulletTexts(best.getList("bullets")).size())) {
                best = talk;
            }
        }
        assertThat(best).isNotNull();
        return best;
    }

    @SuppressWarnings("unchecked")
    private static List<String> bulletTexts(List<Map<String, Object>> bullets) {
        List<String> texts = new ArrayList<>();
        for (Map<String, Object> bullet : bullets) {
            texts.add((String) bullet.get("text"));
            texts.addAll(bulletTexts((List<Map<String, Object>>) bullet.get("children")));
        }
        return texts;
    }

    @SuppressWarnings("unchecked")
    private static int nestedCount(List<Map<String, Object>> bullets) {
        int count = 0;
        for (Map<String, Object> bullet : bullets) {
            List<Map<String, Object>> children = (List<Map<String, Object>>) bullet.get("children");
            count += bulletTexts(children).size();
        }
        return count;
    }

    /** Relative luminance (0 black, 1 white) of a CSS rgb() colour. */
    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,.]", "").split(",");
        return (0.2126 * Double.parseDouble(parts[0]) + 0.7152 * Double.parseDouble(parts[1])
                + 0.0722 * Double.parseDouble(parts[2])) / 255;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
