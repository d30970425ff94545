package dev.notespipeline.ingest.buckets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoNamesTest {

    @Test
    void markdownFilesAreMemosWhateverTheCaseOfTheExtension() {
        assertThat(MemoNames.isMemo("a.md")).isTrue();
        assertThat(MemoNames.isMemo("2022/秋/勉強会 メモ.markdown")).isTrue();
        assertThat(MemoNames.isMemo("NOTES.MD")).isTrue();
    }

    @Test
    void partialHiddenAndOtherFilesAreNot() {
        assertThat(MemoNames.isMemo("a.md~")).isFalse();
        assertThat(MemoNames.isMemo("a.md.part")).isFalse();
        assertThat(MemoNames.isMemo("a.md.tmp")).isFalse();
        assertThat(MemoNames.isMemo("a.md.crdownload")).isFalse();
        assertThat(MemoNames.isMemo(".a.md.swp")).isFalse();
        assertThat(MemoNames.isMemo(".hidden.md")).isFalse();
        assertThat(MemoNames.isMemo(".git/notes.md")).isFalse();
        assertThat(MemoNames.isMemo("notes.txt")).isFalse();
    }

    @Test
    void dotSegmentsAreMemosButUnsafe() {
        assertThat(MemoNames.isMemo("a/../b.md")).isTrue();
        assertThat(MemoNames.unsafeReason("a/../b.md")).isPresent();
        assertThat(MemoNames.unsafeReason("./b.md")).isPresent();
        assertThat(MemoNames.unsafeReason("a//b.md")).isPresent();
    }

    @Test
    void controlCharactersAreUnsafeWhileSpacesJapaneseAndDoubleDotsInANameAreFine() {
        assertThat(MemoNames.unsafeReason("tab\there.md")).isPresent();
        assertThat(MemoNames.unsafeReason("bell\u0007.md")).isPresent();
        assertThat(MemoNames.unsafeReason("2022 秋/勉強会 メモ.md")).isEmpty();
        assertThat(MemoNames.unsafeReason("two..dots.md")).isEmpty();
    }

    @Test
    void printableNamesShowControlCharactersEscaped() {
        assertThat(MemoNames.printable("new\nline.md")).isEqualTo("new\\u000aline.md");
        assertThat(MemoNames.printable("勉強会 メモ.md")).isEqualTo("勉強会 メモ.md");
    }
}
