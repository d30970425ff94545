package dev.notespipeline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes memos like the ones users drop into the bucket — Japanese and English, with or without front matter,
 * 1–5 events of 1–15 talks, overview links, speakers, nested bullets, impressions — about a realistic mix of topics
 * and of none. The same seed and index always give the same memo, so every run measures the same corpus.
 *
 * <p>Usage: {@code CorpusGenerator <count> <dir> [seed]}.
 */
public final class CorpusGenerator {

    private static final List<List<String>> TOPIC_TERMS = List.of(
            List.of("Azure Functions", "AKS", "Azure App Service", "Entra ID", "Azure SQL"),
            List.of("EKS", "Karpenter", "eksctl", "Amazon EKS"),
            List.of("監視", "OpenTelemetry", "Prometheus", "オブザーバビリティ", "SLO", "分散トレーシング"),
            List.of("Kubernetes", "k8s", "Helm", "ArgoCD"),
            List.of("AWS Lambda", "Amazon ECS", "Fargate"));
    private static final List<String> OTHER_SUBJECTS = List.of("チームビルディング", "Rust", "テスト自動化", "GraphQL",
            "アクセシビリティ", "Java 21", "データ基盤", "採用", "ドメイン駆動設計", "React Server Components", "WebAssembly", "LLM");
    private static final List<String> JA_EVENTS = List.of("第%d回 Tokyo Jazug Night", "JAWS-UG 東京 #%d",
            "Kubernetes Meetup Tokyo #%d", "Observability Lounge #%d", "SRE勉強会 #%d", "Javaエンジニア勉強会 #%d",
            "フロントエンド勉強会 #%d");
    private static final List<String> EN_EVENTS = List.of("Cloud Native Night %d", "Platform Engineering Meetup %d",
            "SRE Summit %d", "Azure Friday Night %d", "Data Engineering Meetup %d", "JVM Day %d");
    private static final List<String> JA_TITLES = List.of("%sを本番で運用してみた", "%s入門", "%sで始める開発体験の改善",
            "%sの落とし穴と対策", "1年間%sと向き合って", "%s移行の実際");
    private static final List<String> EN_TITLES = List.of("Running %s in production", "Getting started with %s",
            "Lessons from a year of %s", "%s: the hard parts", "Migrating to %s");
    private static final List<String> JA_SPEAKERS = List.of("山田 太郎", "佐藤 花子", "鈴木 一郎", "高橋 美咲", "田中 健",
            "伊藤 さくら", "渡辺 大輔", "中村 優");
    private static final List<String> EN_SPEAKERS = List.of("Alice Johnson", "Bob Smith", "Carol Lee", "Dan Brown",
            "Eve Martin", "Frank Chen");
    private static final List<String> JA_SENTENCES = List.of("%sの導入で運用負荷が下がった", "最初は%sの設定に苦労した",
            "%sはチーム全員が触れるようにしている", "コストと%sのバランスが課題", "%sのアップグレード手順を自動化",
            "障害対応で%sが役に立った");
    private static final List<String> EN_SENTENCES = List.of("%s reduced the on-call load", "Setting up %s took longer than planned",
            "Everyone on the team can operate %s now", "Cost versus %s is still a trade-off", "Upgrades of %s are automated",
            "%s helped during the last incident");
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

    private CorpusGenerator() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: CorpusGenerator <count> <dir> [seed]");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += write(dir, seed, i).length;
        }
        System.out.printf("%d memos, %d bytes in %s%n", count, bytes, dir);
    }

    /** Writes memo {@code index} under {@code dir} (its bucket key is {@link #key(long, int)}). */
    public static byte[] write(Path dir, long seed, int index) {
        byte[] bytes = memo(seed, index).getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve(key(seed, index));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return bytes;
    }

    /** Thousand memos a folder, as a year of notes would be. */
    public static String key(long seed, int index) {
        return "s" + seed + "/" + (index / 1000) + "/memo-" + index + ".md";
    }

    public static String memo(long seed, int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        boolean japanese = random.nextInt(10) < 7;
        StringBuilder memo = new StringBuilder();
        LocalDate date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000));
        if (random.nextBoolean()) {
            memo.append("---\ntitle: ").append(japanese ? "イベントメモ " : "Event notes ").append(index)
                    .append("\ndate: ").append(date).append("\ntags: [meetup, notes]\n---\n\n");
        }
        memo.append(japanese ? "今月参加したイベントのメモ。\n\n" : "Notes from the events I went to this month.\n\n");
        int events = 1 + random.nextInt(5);
        for (int e = 0; e < events; e++) {
            event(memo, random, japanese, index * 10 + e);
        }
        return memo.toString();
    }

    private static void event(StringBuilder memo, SplittableRandom random, boolean japanese, int number) {
        int topic = random.nextInt(TOPIC_TERMS.size() + 2);
        List<String> eventNames = japanese ? JA_EVENTS : EN_EVENTS;
        memo.append("# ").append(String.format(eventNames.get(random.nextInt(eventNames.size())), number % 200 + 1)).append("\n");
        memo.append(japanese ? "## 概要\n" : "## Overview\n");
        memo.append("* https://www.youtube.com/watch?v=").append(videoId(random)).append('\n');
        memo.append("* https://example.connpass.com/event/").append(100000 + random.nextInt(200000)).append("/\n");
        memo.append(japanese ? "* LT回。いろいろなテーマの話が聞けた。\n\n" : "* Lightning talks on many subjects.\n\n");
        int talks = 1 + random.nextInt(15);
        for (int t = 0; t < talks; t++) {
            String subject = subject(random, random.nextInt(3) == 0 ? topic : random.nextInt(TOPIC_TERMS.size() + 2));
            List<String> titles = japanese ? JA_TITLES : EN_TITLES;
            List<String> speakers = japanese ? JA_SPEAKERS : EN_SPEAKERS;
            memo.append("## ").append(String.format(titles.get(random.nextInt(titles.size())), subject));
            if (random.nextInt(5) > 0) {
                memo.append(japanese ? '\u3000' : '\t').append(speakers.get(random.nextInt(speakers.size())))
                        .append(japanese ? "さん" : "");
            }
            memo.append('\n');
            bullets(memo, random, japanese, subject, "", 2 + random.nextInt(5), 2);
            memo.append('\n');
        }
        if (random.nextBoolean()) {
            memo.append(japanese ? "## 雑感\n" : "## Impressions\n");
            bullets(memo, random, japanese, subject(random, topic), "", 1 + random.nextInt(3), 1);
            memo.append('\n');
        }
        memo.append("---\n\n");
    }

    private static void bullets(StringBuilder memo, SplittableRandom random, boolean japanese, String subject,
                                String indent, int count, int depth) {
        List<String> sentences = japanese ? JA_SENTENCES : EN_SENTENCES;
        for (int b = 0; b < count; b++) {
            memo.append(indent).append("* ").append(String.format(sentences.get(random.nextInt(sentences.size())), subject))
                    .append(japanese ? "。\n" : ".\n");
            if (depth > 0 && random.nextInt(3) == 0) {
                bullets(memo, random, japanese, subject, indent + "    ", 1 + random.nextInt(3), depth - 1);
            }
        }
    }

    /** A topic's term, or one of the subjects no topic covers. */
    private static String subject(SplittableRandom random, int topic) {
        if (topic >= TOPIC_TERMS.size()) {
            return OTHER_SUBJECTS.get(random.nextInt(OTHER_SUBJECTS.size()));
        }
        List<String> terms = TOPIC_TERMS.get(topic);
        return terms.get(random.nextInt(terms.size()));
    }

    private static String videoId(SplittableRandom random) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }
}
