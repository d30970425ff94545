package dev.notespipeline.query.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notespipeline.query.rest.TalkView;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchHighlighterTest {

    @Test
    void aSnippetIsOneLineWithItsLineBreaksMarked() {
        TalkView.Snippet snippet = SearchHighlighter.snippet("  first line \n\n  second\tline\r\n third  ", List.of());

        assertThat(snippet.text()).isEqualTo("first line · second\tline · third");
        assertThat(snippet.matches()).isEmpty();
    }

    @Test
    void blanksWithoutALineBreakStayAndAnIdeographicSpaceInsideIsText() {
        assertThat(SearchHighlighter.snippet("\u3000a  \t b\u3000c\u3000\n", List.of()).text()).isEqualTo("a  \t b\u3000c");
    }

    @Test
    void aLongTextShowsItsBeginningAndAnEllipsis() {
        String text = "word\n".repeat(20_000);

        TalkView.Snippet snippet = SearchHighlighter.snippet(text, List.of());

        assertThat(snippet.text()).hasSize(SearchHighlighter.SNIPPET_LENGTH + 1).endsWith("…")
                .startsWith("word · word · ").doesNotContain("\n");
    }

    @Test
    void aTextOfExactlyTheSnippetLengthHasNoEllipsis() {
        String text = "x".repeat(SearchHighlighter.SNIPPET_LENGTH) + "\n\n";

        assertThat(SearchHighlighter.snippet(text, List.of()).text()).isEqualTo("x".repeat(SearchHighlighter.SNIPPET_LENGTH));
    }

    @Test
    void aMatchDeepInALongTextIsShownInItsContext() {
        String text = "filler text\n".repeat(300) + "we moved our 監視 to a new stack\n" + "more notes\n".repeat(3_000);

        TalkView.Snippet snippet = SearchHighlighter.snippet(text, List.of("監視"));

        assertThat(snippet.text()).startsWith("…").endsWith("…").contains("we moved our 監視 to a new stack");
        assertThat(snippet.matches()).hasSize(1);
        TalkView.Span match = snippet.matches().get(0);
        assertThat(snippet.text().substring(match.start(), match.end())).isEqualTo("監視");
    }

    @Test
    void aMatchPastTheScannedStartIsNotLookedFor() {
        String text = "a".repeat(SearchHighlighter.MAX_SCANNED + 500) + " 監視";

        TalkView.Snippet snippet = SearchHighlighter.snippet(text, List.of("監視"));

        assertThat(snippet.matches()).isEmpty();
        assertThat(snippet.text()).isEqualTo("a".repeat(SearchHighlighter.SNIPPET_LENGTH) + "…");
    }
}
