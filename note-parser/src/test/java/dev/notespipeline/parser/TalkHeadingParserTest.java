package dev.notespipeline.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TalkHeadingParserTest {

    private final TalkHeadingParser parser = new TalkHeadingParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Azure Orbital触ってみた\tHiroHataさん                          | Azure Orbital触ってみた          | HiroHata       | -  | -
            Azure SQL MI Link で移行も DR もポチッとな、の時代へ\tYuji Masaoka（まっぴぃ）さん | Azure SQL MI Link で移行も DR もポチッとな、の時代へ | Yuji Masaoka（まっぴぃ） | - | -
            監視の話　田中氏                                                | 監視の話                         | 田中           | -  | -
            パネル討論\tAさん、Bさん                                         | パネル討論                       | A、B           | -  | panel
            お客様の声                                                      | お客様の声                       | -              | -  | -
            基調講演（30分）「入門 監視」                                    | 基調講演「入門 監視」             | -              | 30 | keynote
            事例講演（20分）「監視戦略」                                     | 事例講演「監視戦略」              | -              | 20 | case-study
            Scaling Kafka (20 min) by Alice Smith                           | Scaling Kafka                    | Alice Smith    | 20 | -
            Keynote: the future (45 minutes)\tBob                           | Keynote: the future              | Bob            | 45 | keynote
            LT: CDK で楽をする (@cdk_fan)                                    | LT: CDK で楽をする               | @cdk_fan       | -  | lt
            Lightning talk: eBPF by @ebpf_fan                               | Lightning talk: eBPF             | @ebpf_fan      | -  | lt
            監視基盤の作り直し（登壇者：佐藤 花子様）                          | 監視基盤の作り直し                | 佐藤 花子      | -  | -
            Stand by me                                                     | Stand by me                      | -              | -  | -
            Bootstrapping by hand                                           | Bootstrapping by hand            | -              | -  | -
            BLT sandwiches                                                  | BLT sandwiches                   | -              | -  | -
            LT                                                              | LT                               | -              | -  | lt
            10:00 - 10:30 コンテナの作り方～Docker～                          | コンテナの作り方～Docker～        | -              | -  | -
            Scaling Kafka (Jane Doe)                                        | Scaling Kafka                    | Jane Doe       | -  | -
            Jane Doe: Scaling Kafka                                         | Scaling Kafka                    | Jane Doe       | -  | -
            Kubernetes Operators: a guide                                   | Kubernetes Operators: a guide    | -              | -  | -
            山田さん「入門 監視」                                              | 「入門 監視」                     | 山田           | -  | -
            「入門 監視」山田太郎さん                                          | 「入門 監視」                     | 山田太郎       | -  | -
            Thanos (Improbable)                                             | Thanos (Improbable)              | -              | -  | -
            Rust で CLI / 山田さん                                           | Rust で CLI                      | 山田           | -  | -
            Kafka streams ｜ Jane Doe @ Confluent                            | Kafka streams                    | Jane Doe       | -  | -
            Dan Kohn - Exec Dir - CNCF                                      | -                                | Dan Kohn       | -  | -
            ハンズオン：Terraform 入門                                        | ハンズオン：Terraform 入門        | -              | -  | workshop
            """)
    void splitsTheHeading(String heading, String title, String speaker, Integer minutes, String kind) {
        TalkHeading parsed = parser.parse(heading);
        assertThat(parsed.title()).isEqualTo(title);
        assertThat(parsed.speaker()).isEqualTo(speaker);
        assertThat(parsed.durationMinutes()).isEqualTo(minutes);
        assertThat(parsed.kind()).isEqualTo(kind);
    }
}
