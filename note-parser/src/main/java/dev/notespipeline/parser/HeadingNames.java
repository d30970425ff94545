package dev.notespipeline.parser;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a heading's words alone say it is: an overview, the writer's impressions, a part of the event that is not a
 * talk (a break, a greeting, a party, Q&amp;A, booths, announcements), or a grouping of talks (keynotes, sessions,
 * Day 1, Track A). Only the whole heading counts, so "de:code 超個人的まとめ" stays a talk while "まとめ" is the
 * writer's summing-up.
 */
final class HeadingNames {

    /** The roles a heading can have by its name. */
    enum NameRole { OVERVIEW, IMPRESSIONS, SOFT_IMPRESSIONS, SEGMENT, GROUP, NONE }

    private static final Set<String> OVERVIEW = Set.of("概要", "イベント概要", "開催概要", "イベント情報", "開催情報",
            "イベントについて", "このイベントについて", "はじめに", "overview", "summary", "about", "about the event",
            "about this event", "event overview", "event summary", "introduction", "intro", "event info",
            "event details");

    /** The writer's impressions, wherever they stand, also inside a talk. */
    private static final Set<String> IMPRESSIONS = Set.of("雑感", "感想", "所感", "全体の感想", "全体所感", "全体感想",
            "参加した感想", "参加してみての感想", "impressions", "my impressions", "overall impressions");

    /**
     * Words that sum up the writer's view when they close the event, but a speaker's own section when they stand
     * inside a talk ("Conclusion" of a talk is the speaker's).
     */
    private static final Set<String> SOFT_IMPRESSIONS = Set.of("まとめ", "総括", "おわりに", "終わりに", "最後に",
            "さいごに", "振り返り", "参加してみて", "conclusion", "conclusions", "takeaways", "key takeaways",
            "high level takeaways", "my takeaways", "thoughts", "final thoughts", "closing thoughts", "wrap-up",
            "wrap up", "wrapup", "learnings", "lessons learned", "retrospective");

    /** Segment names, each with its role. */
    private static final Map<String, String> SEGMENTS = segments(Map.of(
            "break", List.of("休憩", "休憩時間", "小休憩", "お昼休憩", "昼休憩", "昼休み", "昼食", "お昼", "ランチ", "ランチタイム",
                    "break", "coffee break", "lunch", "lunch break", "intermission", "tea break"),
            "greeting", List.of("あいさつ", "挨拶", "ご挨拶", "開会", "開会挨拶", "開会のあいさつ", "開会の挨拶", "オープニング",
                    "オープニングトーク", "趣旨説明", "会場説明", "諸注意", "受付", "開場", "乾杯", "opening", "opening remarks",
                    "welcome", "welcome remarks", "クロージング", "閉会", "閉会挨拶", "閉会のあいさつ", "閉会の挨拶",
                    "締めの挨拶", "closing", "closing remarks", "エンディング"),
            "party", List.of("懇親会", "懇親会・交流会", "交流会", "打ち上げ", "二次会", "飲み会", "ビアバッシュ", "party",
                    "networking", "networking party", "afterparty", "after party", "happy hour", "pizza",
                    "drinks", "social"),
            "qa", List.of("q&a", "qa", "q & a", "質疑応答", "質疑", "質問", "質問タイム", "questions", "questions and answers",
                    "ama", "faq", "パネルq&a"),
            "booth", List.of("booth", "booths", "ブース", "展示", "展示ブース", "スポンサーブース", "expo", "expo hall",
                    "sponsor booths", "swag", "ノベルティ", "goodies", "物販"),
            "announcement", List.of("告知", "イベント告知", "お知らせ", "宣伝", "announcement", "announcements", "news",
                    "sponsor", "sponsors", "スポンサー", "スポンサー紹介", "協賛", "会場提供", "じゃんけん大会", "抽選会",
                    "集合写真", "アンケート", "次回予告", "次回", "今後のイベント", "upcoming events", "job board",
                    "求人", "hiring", "we are hiring"),
            "other", List.of("関連レポート", "関連リンク", "関連記事", "参考", "参考リンク", "参考資料", "参考文献", "リンク",
                    "資料", "資料まとめ", "links", "references", "resources", "further reading", "タイムテーブル",
                    "timetable", "agenda", "アジェンダ", "schedule", "スケジュール", "目次", "toc", "table of contents",
                    "参加者", "メモ", "notes", "雑記", "余談", "おまけ", "omake", "追記", "補足", "p.s.", "ps")));

    /** Headings that group talks: they are groups when talks stand below them. */
    private static final Pattern GROUP = Pattern.compile(
            "(?:keynotes?|基調講演|キーノート|sessions?|セッション(?:一覧)?|一般セッション|スポンサーセッション|talks?|"
                    + "lts?|lt枠|lt大会|ライトニングトーク(?:枠)?|lightning talks?|day\\s*\\d+|\\d+\\s*日目|"
                    + "track\\s*\\w+|トラック\\s*\\w+|room\\s*\\w+|ルーム\\s*\\w+|午前(?:の部)?|午後(?:の部)?|morning|afternoon|"
                    + "前半|後半|第\\s*\\d+\\s*部|part\\s*\\d+|ワークショップ|workshops?|ハンズオン|hands-on|パネル(?:ディスカッション)?|"
                    + "panels?|発表|登壇|本編|main sessions?|breakout sessions?)"
                    + "(?:\\s*[:：(（].*)?");

    /** "イベント告知タイム", "CNCF time", "Sponsor time": a slot of the programme, not a talk. */
    private static final Pattern TIME_SLOT_NAME = Pattern.compile(".*(?:タイム|\\stime)$");

    private HeadingNames() {
    }

    private static Map<String, String> segments(Map<String, List<String>> namesByRole) {
        Map<String, String> roles = new HashMap<>();
        namesByRole.forEach((role, names) -> names.forEach(name -> roles.put(name, role)));
        return Map.copyOf(roles);
    }

    /** The role of a heading by its name, from its text with decorations already removed. */
    static NameRole role(String text) {
        String name = name(text);
        if (name.isEmpty()) {
            return NameRole.NONE;
        }
        if (IMPRESSIONS.contains(name)) {
            return NameRole.IMPRESSIONS;
        }
        if (OVERVIEW.contains(name)) {
            return NameRole.OVERVIEW;
        }
        if (SOFT_IMPRESSIONS.contains(name)) {
            return NameRole.SOFT_IMPRESSIONS;
        }
        if (segmentRole(name) != null) {
            return NameRole.SEGMENT;
        }
        if (GROUP.matcher(name).matches()) {
            return NameRole.GROUP;
        }
        return NameRole.NONE;
    }

    /** break, greeting, party, qa, booth, announcement or other; null when the name is not a segment's. */
    static String segmentRole(String text) {
        String name = name(text);
        String role = SEGMENTS.get(name);
        if (role != null) {
            return role;
        }
        if (TIME_SLOT_NAME.matcher(name).matches() && !name.startsWith("lt")) {
            return "announcement";
        }
        return null;
    }

    /** A heading as its name is looked up: NFKC, lower case, no trailing colon, brackets or punctuation. */
    static String name(String text) {
        String name = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        name = name.replaceAll("^[\\[【(]\\s*(.*?)\\s*[\\]】)]$", "$1");
        name = name.replaceAll("[\\s:：!！。.、,]+$", "").replaceAll("\\s+", " ");
        return name.strip();
    }
}
