package dev.notespipeline.parser;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A memo's own statement of its layout, for when inference reads it wrong: front matter such as
 * {@code layout: talks=h3} or {@code layout: talks=h2, events=none}.
 *
 * <ul>
 *   <li>{@code talks=h1}…{@code h6}: the headings of that level are the talks (those above are events or groups);
 *       {@code talks=none}: the memo has no talks, only notes.</li>
 *   <li>{@code events=h1}…{@code h6}: the headings of that level are the events; {@code events=none}: the whole
 *       memo is one event, named by its front matter title or its file.</li>
 * </ul>
 *
 * @param talkLevel the heading level of talks, 0 when the memo has none, null to infer it
 * @param eventLevel the heading level of events, 0 for the whole memo as one event, null to infer it
 * @param written the hint as written, for the layout report; null without one
 * @param problem why (part of) the hint was not understood, or null
 */
record LayoutHints(Integer talkLevel, Integer eventLevel, String written, String problem) {

    static final LayoutHints NONE = new LayoutHints(null, null, null, null);

    private static final Pattern ENTRY = Pattern.compile("\\s*(talks|events)\\s*[=:]\\s*(h[1-6]|#{1,6}|none|memo)\\s*");

    static LayoutHints of(String written) {
        if (written == null || written.isBlank()) {
            return NONE;
        }
        Integer talks = null;
        Integer events = null;
        StringBuilder problems = new StringBuilder();
        for (String entry : written.split("[,;]")) {
            Matcher matcher = ENTRY.matcher(entry.toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                problems.append(problems.isEmpty() ? "" : "; ").append("'").append(entry.strip())
                        .append("' is not talks=h1..h6|none or events=h1..h6|none");
                continue;
            }
            int level = level(matcher.group(2));
            if (matcher.group(1).equals("talks")) {
                talks = level;
            } else {
                events = level;
            }
        }
        return new LayoutHints(talks, events, written.strip(), problems.isEmpty() ? null : problems.toString());
    }

    private static int level(String value) {
        if (value.equals("none") || value.equals("memo")) {
            return 0;
        }
        return value.startsWith("h") ? Integer.parseInt(value.substring(1)) : value.length();
    }
}
