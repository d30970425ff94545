package dev.notespipeline.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notespipeline.contract.Link;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkExtractorTest {

    private final LinkExtractor links = new LinkExtractor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            https://www.youtube.com/watch?v=E486AHQuG7g,            youtube,     E486AHQuG7g
            https://m.youtube.com/watch?feature=share&v=xFKojjzPKik, youtube,     xFKojjzPKik
            https://youtu.be/SHWKYqBpgzY?si=abc,                     youtube,     SHWKYqBpgzY
            https://www.youtube.com/live/AbCdEfGh123?feature=share,  youtube,     AbCdEfGh123
            https://www.youtube.com/shorts/AbCdEfGh123,              youtube,     AbCdEfGh123
            https://www.youtube.com/@jazug,                          youtube,     -
            https://jazug.connpass.com/event/267017/,                connpass,    267017
            https://connpass.com/event/247721,                       connpass,    247721
            https://jazug.connpass.com/,                             connpass,    -
            https://speakerdeck.com/lizrice/scaling-ebpf,            speakerdeck, lizrice/scaling-ebpf
            https://www.slideshare.net/user/deck-name,               slideshare,  user/deck-name
            https://github.com/flexmark/flexmark-java/issues/1,      github,      flexmark/flexmark-java
            https://notyoutube.com/watch?v=E486AHQuG7g,              other,       -
            https://gist.github.com/someone/abc,                     other,       -
            https://example.com/a b,                                 other,       -
            """)
    void classifiesByHostAndFindsTheId(String url, String kind, String ref) {
        assertThat(links.classify(url)).isEqualTo(new Link(kind, url, ref));
    }

    @Test
    void bareUrlsEndBeforeSentencePunctuationUnmatchedParenthesesAndJapanese() {
        assertThat(LinkExtractor.bareUrls("動画（https://youtu.be/abcdefg）とhttps://example.com/x。See https://example.com/y. "
                + "(https://en.wikipedia.org/wiki/Kafka_(software)) and https://example.com/z資料"))
                .containsExactly("https://youtu.be/abcdefg", "https://example.com/x", "https://example.com/y",
                        "https://en.wikipedia.org/wiki/Kafka_(software)", "https://example.com/z");
    }
}
