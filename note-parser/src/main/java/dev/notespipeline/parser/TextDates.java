package dev.notespipeline.parser;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as memo writers type them: {@code 2019/03/13}, {@code 2019-03-13}, {@code 2019年3月13日}, {@code March 13, 2019}. */
final class TextDates {

    private static final Pattern NUMERIC = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);

    private TextDates() {
    }

    /** The first date written in {@code text}, or null. */
    static LocalDate find(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Matcher numeric = NUMERIC.matcher(text);
        while (numeric.find()) {
            LocalDate date = date(numeric.group(1), numeric.group(2), numeric.group(3));
            if (date != null) {
                return date;
            }
        }
        Matcher monthFirst = MONTH_DAY_YEAR.matcher(text);
        if (monthFirst.find()) {
            return date(monthFirst.group(3), month(monthFirst.group(1)), monthFirst.group(2));
        }
        Matcher dayFirst = DAY_MONTH_YEAR.matcher(text);
        if (dayFirst.find()) {
            return date(dayFirst.group(3), month(dayFirst.group(2)), dayFirst.group(1));
        }
        return null;
    }

    private static String month(String name) {
        return Integer.toString(MONTHS.indexOf(name.toLowerCase(Locale.ROOT).substring(0, 3)) + 1);
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
