package dev.notespipeline.query.repository;

import java.util.List;

/**
 * Talks per topic per period, for a chart: every list of counts lines up with {@link #periods()}.
 *
 * @param by month or year
 * @param periods every period from the first to the last dated talk, none left out ({@code 2022-12} or {@code 2022})
 * @param totals how many talks (with a topic or without) each period has
 * @param topics one series per topic, most talks first
 */
public record Timeline(String by, List<String> periods, List<Long> totals, List<Series> topics) {

    public record Series(String slug, String label, String parent, List<Long> counts) {
    }

    /** How long a period is, and the SQL that names it. */
    public enum Granularity {
        MONTH("month", "YYYY-MM"),
        YEAR("year", "YYYY");

        final String unit;
        final String format;

        Granularity(String unit, String format) {
            this.unit = unit;
            this.format = format;
        }

        public String unit() {
            return unit;
        }
    }
}
