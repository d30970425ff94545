package dev.notespipeline.query.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.notespipeline.problem.ProblemException;
import dev.notespipeline.query.config.CursorConfig;
import dev.notespipeline.query.repository.TalkPosition;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final TalkPosition POSITION = new TalkPosition(LocalDate.of(2022, 12, 8), "fy2022.md", 1, 3, "abc");

    private static CursorCodec codec(String secret) {
        CursorConfig config = () -> Optional.ofNullable(secret);
        return new CursorCodec(JSON, config);
    }

    @Test
    void aCursorLeadsBackToItsPosition() {
        CursorCodec codec = codec("s3cret");
        assertThat(codec.decode("talks", codec.encode("talks", POSITION), TalkPosition.class)).isEqualTo(POSITION);
        assertThat(codec.decode("talks", null, TalkPosition.class)).isNull();
    }

    @Test
    void aChangedCursorIsRefused() {
        CursorCodec codec = codec("s3cret");
        String cursor = codec.encode("talks", POSITION);
        char[] chars = cursor.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> codec.decode("talks", new String(chars), TalkPosition.class))
                .isInstanceOf(ProblemException.class).hasMessageContaining("cursor");
    }

    @Test
    void aCursorOfAnotherKindOrKeyIsRefused() {
        String cursor = codec("s3cret").encode("talks", POSITION);
        assertThatThrownBy(() -> codec("s3cret").decode("events", cursor, TalkPosition.class))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec("other").decode("talks", cursor, TalkPosition.class))
                .isInstanceOf(ProblemException.class);
        // Without a configured key each start-up signs with its own random one.
        assertThatThrownBy(() -> codec(null).decode("talks", codec(null).encode("talks", POSITION), TalkPosition.class))
                .isInstanceOf(ProblemException.class);
    }
}
