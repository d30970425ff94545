package dev.notespipeline.parser;

import dev.notespipeline.parser.Speakers.Speaker;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a talk heading such as {@code 10:00 - 10:30 基調講演（30分）「入門 監視」<TAB>HiroHataさん} into title, speaker,
 * affiliation, duration, kind and session code.
 *
 * <p>The duration, the time slot, the numbering, the code and the level leave the title (they are schedule details);
 * the kind marker (基調講演, LT…) stays in it, because it is part of what the writer called the talk and a heading
 * that is only "LT" must not become empty.
 *
 * <p>The speaker is, in this order: the text after the last tab or full-width space; the text after
 * {@code 登壇者:}; the name after {@code by} (only a capitalised name, an {@code @handle} or a non-Latin name, so
 * "Stand by me" keeps its title); a trailing {@code (@handle)} or {@code （山田さん）}; a person after the last
 * {@code |} or spaced dash or in closing brackets ({@code Title - Jane Doe}, {@code Title | Jane Doe @ Acme},
 * {@code Title (Jane Doe)}); a name before the title ({@code Jane Doe: Title}, {@code 山田さん「タイトル」}). A heading
 * that is only a
 * person with a role ({@code Dan Kohn - Exec Dir - CNCF}) names its speaker and has no title. Honorifics (さん, 氏,
 * 様) are dropped, also between several speakers.
 */
public class TalkHeadingParser {

    private static final Pattern DURATION = Pattern.compile(
            "[（(]\\s*(\\d{1,3})\\s*(?:分間?|min(?:ute)?s?\\.?)\\s*[)）]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPEAKER_SEPARATOR = Pattern.compile("[\\t\\u3000]+");
    private static final Pattern SPEAKER_LABEL = Pattern.compile("[（(]?\\s*登壇者\\s*[:：]\\s*([^）)]+?)\\s*[)）]?$");
    private static final Pattern BY_SPEAKER = Pattern.compile(
            "\\s+(?:[-–—|/,]\\s*)?[Bb]y\\s+((?:@|\\p{Lu}|[^\\p{IsLatin}\\p{Punct}\\s])[^\\t]*)$");
    private static final Pattern HANDLE = Pattern.compile("\\s*[（(]\\s*(@[\\w.-]+)\\s*[)）]$");
    private static final Pattern HONORIFIC_IN_BRACKETS = Pattern.compile("\\s*[（(]\\s*([^（()）]+?(?:さん|氏|様))\\s*[)）]$");
    private static final Pattern LAST_BAR = Pattern.compile("\\s+[|｜]\\s+(?!.*\\s[|｜]\\s)(.+)$");
    private static final Pattern LAST_SLASH = Pattern.compile("\\s*[/／]\\s*(?!.*[/／])([^/／]+?(?:さん|氏|様))$");
    private static final Pattern LAST_DASH = Pattern.compile("\\s+[-–—]\\s+(?!.*\\s[-–—]\\s)(.+)$");
    private static final Pattern TRAILING_BRACKETS = Pattern.compile("\\s*[(（]([^()（）]+)[)）]$");
    /** {@code 山田さん「入門 監視」} and {@code 「入門 監視」山田さん}: a name by its honorific beside a quoted title. */
    private static final Pattern NAME_THEN_QUOTED = Pattern.compile("^([^「『]+?(?:さん|氏|様))\\s*([「『].+[」』])$");
    private static final Pattern QUOTED_THEN_NAME = Pattern.compile("^([「『].+[」』])\\s*([^」』]+?(?:さん|氏|様))$");
    /** {@code Jane Doe: Scaling Kafka} and {@code Jane Doe - Scaling Kafka}: the speaker first. */
    private static final Pattern LEADING_NAME = Pattern.compile("^([^:：\\-–—]+?)(?:\\s*[:：]|\\s+[-–—])\\s+(.+)$");
    private static final Pattern KEYNOTE = Pattern.compile("基調講演|キーノート|keynote", Pattern.CASE_INSENSITIVE);
    private static final Pattern CASE_STUDY = Pattern.compile("事例講演|事例紹介|case[ -]?study", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIGHTNING_TALK = Pattern.compile(
            "(?<![A-Za-z])LT(?![A-Za-z])|ライトニングトーク|lightning talk", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORKSHOP = Pattern.compile("ワークショップ|ハンズオン|workshop|hands-on", Pattern.CASE_INSENSITIVE);
    private static final Pattern PANEL = Pattern.compile("パネル|panel", Pattern.CASE_INSENSITIVE);

    public TalkHeading parse(String heading) {
        TitleDecorations decorations = TitleDecorations.of(heading);
        String rest = decorations.title();
        Integer duration = null;
        Matcher durationMatch = DURATION.matcher(rest);
        if (durationMatch.find()) {
            duration = Integer.valueOf(durationMatch.group(1));
            rest = (rest.substring(0, durationMatch.start()) + rest.substring(durationMatch.end())).replaceAll(" {2,}", " ");
        }
        String title = rest.strip();
        String speaker = null;
        String affiliation = null;
        Matcher separator = SPEAKER_SEPARATOR.matcher(title);
        int lastSeparatorStart = -1;
        int lastSeparatorEnd = -1;
        while (separator.find()) {
            lastSeparatorStart = separator.start();
            lastSeparatorEnd = separator.end();
        }
        Speaker person = Speakers.withRole(title);
        if (lastSeparatorStart > 0 && lastSeparatorEnd < title.length()) {
            speaker = title.substring(lastSeparatorEnd);
            title = title.substring(0, lastSeparatorStart);
        } else if (person != null) {
            speaker = person.name();
            affiliation = person.affiliation();
            title = null;
        } else {
            Matcher trailing = firstMatch(title, SPEAKER_LABEL, BY_SPEAKER, HANDLE, HONORIFIC_IN_BRACKETS, LAST_SLASH);
            Matcher named = trailing == null ? firstMatch(title, TRAILING_BRACKETS, LAST_BAR, LAST_DASH) : null;
            Speaker namedSpeaker = named == null ? null : Speakers.named(named.group(1));
            Matcher nameThenQuoted = NAME_THEN_QUOTED.matcher(title);
            Matcher quotedThenName = QUOTED_THEN_NAME.matcher(title);
            Matcher leading = LEADING_NAME.matcher(title);
            if (trailing != null && trailing.start() > 0) {
                speaker = trailing.group(1);
                title = title.substring(0, trailing.start());
            } else if (namedSpeaker != null && named.start() > 0) {
                speaker = namedSpeaker.name();
                affiliation = namedSpeaker.affiliation();
                title = title.substring(0, named.start());
            } else if (nameThenQuoted.matches()) {
                speaker = nameThenQuoted.group(1);
                title = nameThenQuoted.group(2);
            } else if (quotedThenName.matches()) {
                speaker = quotedThenName.group(2);
                title = quotedThenName.group(1);
            } else if (leading.matches() && Speakers.isLatinName(leading.group(1).strip())
                    && Speakers.named(leading.group(2)) == null) {
                speaker = leading.group(1).strip();
                title = leading.group(2);
            }
        }
        if (title != null) {
            title = title.strip();
        }
        return new TalkHeading(title, Speakers.clean(speaker), duration, kind(title == null ? heading : title),
                affiliation, decorations.code(), decorations.scheduled(), decorations.numbered());
    }

    private static Matcher firstMatch(String text, Pattern... patterns) {
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                return matcher;
            }
        }
        return null;
    }

    /** keynote, case-study, lt, workshop or panel, when the title says so; null otherwise. */
    private static String kind(String title) {
        if (KEYNOTE.matcher(title).find()) {
            return "keynote";
        }
        if (CASE_STUDY.matcher(title).find()) {
            return "case-study";
        }
        if (LIGHTNING_TALK.matcher(title).find()) {
            return "lt";
        }
        if (WORKSHOP.matcher(title).find()) {
            return "workshop";
        }
        if (PANEL.matcher(title).find()) {
            return "panel";
        }
        return null;
    }
}
