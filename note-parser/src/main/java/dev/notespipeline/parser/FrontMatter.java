package dev.notespipeline.parser;

import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterNode;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a memo's YAML front matter says: {@code title}, {@code date}, {@code tags} and a {@code layout} hint
 * ({@link LayoutHints}); everything optional.
 *
 * <p>A value that does not read (a date such as {@code 2022-13-45}) counts as absent: the memo itself is
 * still worth ingesting.
 */
record FrontMatter(String title, LocalDate date, List<String> tags, String layout) {

    static final FrontMatter NONE = new FrontMatter(null, null, List.of(), null);

    private static final Pattern DATE = Pattern.compile("^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:$|[T ])");

    static FrontMatter of(Document document) {
        if (!(document.getFirstChild() instanceof YamlFrontMatterBlock block)) {
            return NONE;
        }
        String title = null;
        LocalDate date = null;
        List<String> tags = List.of();
        String layout = null;
        for (Node node = block.getFirstChild(); node != null; node = node.getNext()) {
            if (!(node instanceof YamlFrontMatterNode entry)) {
                continue;
            }
            List<String> values = entry.getValues().stream().map(FrontMatter::unquote).filter(v -> !v.isEmpty()).toList();
            switch (entry.getKey().strip().toLowerCase(Locale.ROOT)) {
                case "title" -> title = values.isEmpty() ? null : values.get(0);
                case "date" -> date = values.isEmpty() ? null : date(values.get(0));
                case "tags" -> tags = tags(values);
                case "layout" -> layout = values.isEmpty() ? null : String.join(", ", values);
                default -> {
                }
            }
        }
        return new FrontMatter(title, date, tags, layout);
    }

    /** A date as memo writers type it: 2022-12-01, 2022/12/01, with or without a time after it. */
    static LocalDate date(String text) {
        Matcher matcher = DATE.matcher(text.strip());
        if (!matcher.find()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Tags as a YAML block list, a flow list {@code [a, b]}, or one plain value. */
    private static List<String> tags(List<String> values) {
        List<String> tags = new ArrayList<>();
        for (String value : values) {
            String list = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
            for (String tag : list.split(",")) {
                String clean = unquote(tag);
                if (!clean.isEmpty() && !tags.contains(clean)) {
                    tags.add(clean);
                }
            }
        }
        return List.copyOf(tags);
    }

    private static String unquote(String value) {
        String text = value.strip();
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"))) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }
}
