package dev.notespipeline.parser;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a memo's bucket key says when the memo does not: the event's name from the file name, or from the folder
 * when the file is only called {@code README.md} or {@code notes.md}, and a date such as {@code 2022-08-24-…} or
 * {@code 2019/0313-…} in the path.
 */
final class MemoPath {

    private static final Pattern GENERIC_NAME = Pattern.compile(
            "(?i)readme|index|notes?|memo|メモ|untitled|draft|page|post|article|_?index");
    private static final Pattern PATH_DATE = Pattern.compile(
            "(?<!\\d)(\\d{4})[-_/.](\\d{2})[-_/.]?(\\d{2})(?!\\d)");

    private MemoPath() {
    }

    /** The memo's own event's name: its front matter title, else its file's name, else its folder's. */
    static String eventTitle(String noteId, String frontMatterTitle) {
        if (frontMatterTitle != null) {
            return frontMatterTitle;
        }
        String file = NoteParser.fileTitle(noteId);
        int slash = noteId.lastIndexOf('/');
        if (GENERIC_NAME.matcher(file).matches() && slash > 0) {
            String folder = noteId.substring(0, slash);
            return folder.substring(folder.lastIndexOf('/') + 1);
        }
        return file;
    }

    /** A date in the memo's path, or null. */
    static LocalDate date(String noteId) {
        Matcher matcher = PATH_DATE.matcher(noteId);
        while (matcher.find()) {
            LocalDate date = FrontMatter.date(matcher.group(1) + "-" + matcher.group(2) + "-" + matcher.group(3));
            if (date != null) {
                return date;
            }
        }
        return null;
    }
}
