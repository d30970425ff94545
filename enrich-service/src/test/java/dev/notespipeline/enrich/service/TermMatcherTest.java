package dev.notespipeline.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermMatcherTest {

    private static int count(String term, String text) {
        return new TermMatcher(term).find(MatchableText.of(text)).size();
    }

    @Test
    void anAsciiTermMatchesWholeWordsOnly() {
        assertThat(count("EKS", "three weeks later")).isZero();
        assertThat(count("EKS", "eksctl create cluster")).isZero();
        assertThat(count("AWS", "JAWS-UG")).isZero();
        assertThat(count("EKS", "EKS, eks and ＥＫＳ")).isEqualTo(3);
    }

    @Test
    void linksAreNotText() {
        assertThat(count("EKS", "https://www.youtube.com/watch?v=9EKS2x")).isZero();
        assertThat(count("EKS", "slides: https://example.com/eks/talk then EKS運用")).isOne();
    }

    @Test
    void aChangeOfScriptIsAWordBoundary() {
        assertThat(count("EKS", "味わい深いEKS運用の世界")).isOne();
        assertThat(count("Azure", "Azureの学習")).isOne();
        assertThat(count("S3", "S3バケットの整理")).isOne();
        assertThat(count("k8s", "k8s on EC2")).isOne();
    }

    @Test
    void aJapaneseTermMatchesOnKuromojisWordBoundaries() {
        assertThat(count("監視", "監視戦略の変化")).isOne();
        assertThat(count("監視", "オライリー監視本")).isOne();
        assertThat(count("監視", "監査ログ")).isZero();
        assertThat(count("ログ", "ブログを書く")).isZero();
        assertThat(count("可観測性", "可観測性を高める")).isOne();
    }

    @Test
    void aLongKatakanaWordMatchesWholeAndIsCountedOnce() {
        assertThat(count("オブザーバビリティ", "オブザーバビリティ入門とオブザーバビリティ")).isEqualTo(2);
    }

    @Test
    void aKatakanaCompoundSplitInTheWrongPlaceIsNotMatchedByItsParts() {
        assertThat(count("アラート", "アラートマネージャーの設定")).isZero();
        assertThat(count("アラートマネージャー", "アラートマネージャーの設定")).isOne();
    }

    @Test
    void aTermOfSeveralWordsMatchesTheSameRunOfWordsWhateverTheWhiteSpace() {
        assertThat(count("Amazon EKS", "on Amazon\n  EKS today")).isOne();
        assertThat(count("Amazon EKS", "Amazon's EKS")).isZero();
        assertThat(count("Azure DevOps", "Azure DevOpsでCI")).isOne();
    }
}
