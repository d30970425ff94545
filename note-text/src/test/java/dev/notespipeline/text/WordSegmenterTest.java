package dev.notespipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordSegmenterTest {

    @Test
    void japaneseWithoutSpacesIsSplitIntoWords() {
        assertThat(WordSegmenter.words("監視戦略の変化とオブザーバビリティ")).contains("監視", "戦略", "変化", "オブザーバビリティ");
        assertThat(WordSegmenter.words("オライリー監視本をもとにお話")).contains("監視");
    }

    @Test
    void aChangeOfScriptSeparatesWords() {
        assertThat(WordSegmenter.words("味わい深いEKS運用の世界")).contains("eks", "運用", "世界");
        assertThat(WordSegmenter.words("Azureの学習")).contains("azure", "学習");
    }

    @Test
    void widthAndCaseDoNotMatter() {
        assertThat(WordSegmenter.words("ＥＫＳ and Azure App Service")).containsExactly("eks", "and", "azure", "app", "service");
    }

    @Test
    void unrelatedWordsAreNotSplitIntoTheirNeighbours() {
        assertThat(WordSegmenter.words("監査ログの確認")).doesNotContain("監視");
        assertThat(WordSegmenter.words("three weeks later")).doesNotContain("eks");
    }

    @Test
    void longKatakanaWordsKeepTheWholeWordBesideTheirParts() {
        assertThat(WordSegmenter.words("オブザーバビリティ入門")).contains("オブザーバビリティ");
    }

    @Test
    void aQuerySegmentsTheSameWayAsTheTextItSearches() {
        assertThat(WordSegmenter.words("Azure で仮想デスクトップを始めよう"))
                .containsAll(WordSegmenter.words("仮想デスクトップ"));
        assertThat(WordSegmenter.segmented("仮想デスクトップ")).contains(" ");
        assertThat(WordSegmenter.segmented("  ")).isEmpty();
    }

    @Test
    void segmentingGivesEachWordItsPlaceInTheNormalisedText() {
        SegmentedText segmented = WordSegmenter.segment("ＥＫＳ運用と監視戦略");
        assertThat(segmented.normalized()).isEqualTo("eks運用と監視戦略");
        assertThat(segmented.words()).containsExactly(
                new Word("eks", 0, 3), new Word("運用", 3, 5), new Word("と", 5, 6),
                new Word("監視", 6, 8), new Word("戦略", 8, 10));
    }

    @Test
    void aLongWordSplitInPartsIsAlsoThereWholeOverTheSameSpan() {
        assertThat(WordSegmenter.segment("オブザーバビリティ入門").words())
                .contains(new Word("オブザーバビリティ", 0, 9), new Word("入門", 9, 11))
                .allSatisfy(word -> assertThat(word.end()).isLessThanOrEqualTo(11));
    }

    @Test
    void segmentingNothingGivesNoWords() {
        assertThat(WordSegmenter.segment(null).words()).isEmpty();
        assertThat(WordSegmenter.segment(" \n").words()).isEmpty();
    }
}
