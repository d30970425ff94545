package dev.notespipeline.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a talk heading such as {@code 基調講演（30分）「入門 監視」<TAB>HiroHataさん} into title, speaker,
 * duration and kind.
 *
 * <p>The duration marker leaves the title (it is a schedule detail, and the contract's title is "without
 * speaker and duration"); the kind marker (基調講演, LT…) stays in it, because it is part of what the
 * writer called the talk and a heading that is only "LT" must not become empty.
 *
 * <p>The speaker is, in this order: the text after the last tab or full-width space; the text after
 * {@code 登壇者:}; the name after {@code by} (only a capitalised name, an {@code @handle} or a non-Latin
 * name, so "Stand by me" keeps its title); a trailing {@code (@handle)}. Honorifics (さん, 氏, 様) are dropped,
 * also between several speakers.
 */
public class TalkHeadingParser {

    private static final Pattern DURATION = Pattern.compile(
            "[（(]\\s*(\\d{1,3})\\s*(?:分間?|min(?:ute)?s?\\.?)\\s*[)）]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPEAKER_SEPARATOR = Pattern.compile("[\\t\\u3000]+");
    private static final Pattern SPEAKER_LABEL = Pattern.compile("[（(]?\\s*登壇者\\s*[:：]\\s*([^）)]+?)\\s*[)）]?$");
    private static final Pattern BY_SPEAKER = Pattern.compile(
            "\\s+(?:[-–—|/,]\\s*)?[Bb]y\\s+((?:@|\\p{Lu}|[^\\p{IsLatin}\\p{Punct}\\s])[^\\t]*)$");
    private static final Pattern HANDLE = Pattern.compile("\\s*[（(]\\s*(@[\\w.-]+)\\s*[)）]$");
    private static final Pattern HONORIFIC = Pattern.compile("\\s*(?:さん|氏|様)(?=\\s*(?:[、,，・/／&＆]|と|$))");
    private static final Pattern KEYNOTE = Pattern.compile("基調講演|キーノート|keynote", Pattern.CASE_INSENSITIVE);
    private static final Pattern CASE_STUDY = Pattern.compile("事例講演|事例紹介|case[ -]?study", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIGHTNING_TALK = Pattern.compile(
            "(?<![A-Za-z])LT(?![A-Za-z])|ライトニングトーク|lightning talk", Pattern.CASE_INSENSITIVE);

    public TalkHeading parse(String heading) {
        String rest = heading.strip();
        Integer duration = null;
        Matcher durationMatch = DURATION.matcher(rest);
        if (durationMatch.find()) {
            duration = Integer.valueOf(durationMatch.group(1));
            rest = (rest.substring(0, durationMatch.start()) + rest.substring(durationMatch.end())).replaceAll(" {2,}", " ");
        }
        String title = rest.strip();
        String speaker = null;
        Matcher separator = SPEAKER_SEPARATOR.matcher(title);
        int lastSeparatorStart = -1;
        int lastSeparatorEnd = -1;
        while (separator.find()) {
            lastSeparatorStart = separator.start();
            lastSeparatorEnd = separator.end();
        }
        if (lastSeparatorStart > 0 && lastSeparatorEnd < title.length()) {
            speaker = title.substring(lastSeparatorEnd);
            title = title.substring(0, lastSeparatorStart);
        } else {
            Matcher trailing = firstMatch(title, SPEAKER_LABEL, BY_SPEAKER, HANDLE);
            if (trailing != null && trailing.start() > 0) {
                speaker = trailing.group(1);
                title = title.substring(0, trailing.start());
            }
        }
        title = title.strip();
        return new TalkHeading(title, speaker(speaker), duration, kind(title));
    }

    /** A speaker as written, without honorifics; null when nothing is left. */
    static String speaker(String written) {
        if (written == null) {
            return null;
        }
        String speaker = HONORIFIC.matcher(written.strip()).replaceAll("").strip();
        return speaker.isEmpty() ? null : speaker;
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

    /** keynote, case-study or lt, when the title says so; null otherwise. */
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
        return null;
    }
}
