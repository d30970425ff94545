package dev.notespipeline.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names the Grafana dashboard's PromQL queries chart. */
final class DashboardMetrics {

    private static final Pattern LABEL_SELECTORS = Pattern.compile("\\{[^}]*}|\\bby\\s*\\([^)]*\\)");
    /** Metric names have an underscore; PromQL's words (sum, rate, by, le) have none, except this function. */
    private static final Pattern NAME = Pattern.compile("\\b[a-z][a-z0-9]*_[a-z0-9_]+\\b");
    private static final String FUNCTION = "histogram_quantile";

    private DashboardMetrics() {
    }

    static Set<String> names(Path dashboard) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher expressions = Pattern.compile("\"expr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(Files.readString(dashboard));
        while (expressions.find()) {
            String query = LABEL_SELECTORS.matcher(expressions.group(1).replace("\\\"", "\"")).replaceAll(" ");
            Matcher name = NAME.matcher(query);
            while (name.find()) {
                if (!name.group().equals(FUNCTION)) {
                    names.add(name.group());
                }
            }
        }
        return names;
    }
}
