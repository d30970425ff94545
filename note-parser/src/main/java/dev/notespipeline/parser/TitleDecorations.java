package dev.notespipeline.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What writers put around a talk's title that is not the title: a time slot ({@code 10:00 - 10:30}), a number
 * ({@code 2.}), a session code ({@code CON310 - }), a level ({@code (Level 300)}), rating stars and emoji.
 *
 * @param title the title without them
 * @param scheduled whether a time slot stood beside the title
 * @param numbered whether the title was numbered
 * @param code the session code, or null
 */
record TitleDecorations(String title, boolean scheduled, boolean numbered, String code) {

    private static final String TIME = "\\d{1,2}\\s*[:：]\\s*\\d{2}";
    private static final Pattern LEADING_TIME_SLOT = Pattern.compile(
            "^[\\[(（【]?\\s*" + TIME + "(?:\\s*[-–—~〜～]\\s*" + TIME + ")?\\s*[\\])）】]?\\s*[-–—:：|｜]?\\s*");
    private static final Pattern TRAILING_TIME_SLOT = Pattern.compile(
            "\\s*[\\[(（【]\\s*" + TIME + "\\s*[-–—~〜～]\\s*" + TIME + "\\s*[\\])）】]$");
    private static final Pattern NUMBERING = Pattern.compile(
            "^(?:(?:session|talk|セッション|発表|講演)\\s*\\d{1,2}\\s*[:：.\\-–]\\s*|\\d{1,2}\\s*[.)．）]\\s+|\\d{1,2}[．）]\\s*"
                    + "|[(（]\\d{1,2}[)）]\\s*|[①-⑳]\\s*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_CODE = Pattern.compile(
            "^[\\[(（]?([A-Z]{2,6}\\d{3,4}(?:-[A-Z0-9]{1,3})?)(?:[\\])）]\\s*|\\s*[-–—:：|｜]\\s*)");
    private static final Pattern TRAILING_CODE = Pattern.compile(
            "\\s*[\\[(（]([A-Z]{2,6}\\d{3,4}(?:-[A-Z0-9]{1,3})?)[\\])）]$");
    private static final Pattern LEVEL = Pattern.compile(
            "\\s*[\\[(（]\\s*(?:level|lvl|lv\\.?|レベル)\\s*[:：]?\\s*[1-5]00\\s*[\\])）]"
                    + "|\\s*[-–|｜]\\s*(?:level|レベル)\\s*[:：]?\\s*[1-5]00\\b",
            Pattern.CASE_INSENSITIVE);
    /** Pictographs, dingbats, stars, their variation selectors and joiners: ratings and decoration. */
    private static final Pattern EDGE_SYMBOLS = Pattern.compile(
            "^[\\p{So}\\p{Sk}\\x{FE0F}\\x{200D}★☆\\s]+|[\\p{So}\\p{Sk}\\x{FE0F}\\x{200D}★☆\\s]+$");

    static TitleDecorations of(String heading) {
        String rest = EDGE_SYMBOLS.matcher(heading.strip()).replaceAll("");
        boolean scheduled = false;
        Matcher slot = LEADING_TIME_SLOT.matcher(rest);
        if (slot.find() && slot.end() < rest.length()) {
            scheduled = true;
            rest = rest.substring(slot.end());
        }
        Matcher trailingSlot = TRAILING_TIME_SLOT.matcher(rest);
        if (trailingSlot.find() && trailingSlot.start() > 0) {
            scheduled = true;
            rest = rest.substring(0, trailingSlot.start());
        }
        boolean numbered = false;
        Matcher number = NUMBERING.matcher(rest);
        if (number.find() && number.end() < rest.length()) {
            numbered = true;
            rest = rest.substring(number.end());
        }
        String code = null;
        Matcher leadingCode = LEADING_CODE.matcher(rest);
        if (leadingCode.find() && leadingCode.end() < rest.length()) {
            code = leadingCode.group(1);
            rest = rest.substring(leadingCode.end());
        } else {
            Matcher trailingCode = TRAILING_CODE.matcher(rest);
            if (trailingCode.find() && trailingCode.start() > 0) {
                code = trailingCode.group(1);
                rest = rest.substring(0, trailingCode.start());
            }
        }
        rest = LEVEL.matcher(rest).replaceAll("");
        rest = EDGE_SYMBOLS.matcher(rest).replaceAll("");
        return new TitleDecorations(rest.strip(), scheduled, numbered, code);
    }
}
