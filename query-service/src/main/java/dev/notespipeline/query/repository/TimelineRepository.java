package dev.notespipeline.query.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The topic timeline: how many of the talks matching a filter carry each topic, per month or year. */
@ApplicationScoped
public class TimelineRepository {

    /**
     * Per period and topic, and per period alone (GROUPING 1: the period's total, topics or not). A talk joins once
     * per topic, so talks are counted distinct. {unit} and {format} are fixed strings of {@link Timeline.Granularity}.
     */
    private static final String TIMELINE = """
            SELECT to_char(date_trunc('{unit}', t.event_date), '{format}'), tt.slug,
                   COALESCE(MAX(tp.label), MAX(tt.label)), MAX(tp.parent), COUNT(DISTINCT t.id), GROUPING(tt.slug)
              FROM talk t LEFT JOIN talk_topic tt ON tt.talk_id = t.id LEFT JOIN topic tp ON tp.slug = tt.slug
              {where} AND t.event_date IS NOT NULL
             GROUP BY GROUPING SETS ((date_trunc('{unit}', t.event_date), tt.slug), (date_trunc('{unit}', t.event_date)))
            """;

    private final DataSource dataSource;

    public TimelineRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Timeline timeline(TalkFilter filter, Timeline.Granularity by) {
        SqlWhere where = TalkFilters.where(filter);
        String sql = TIMELINE.replace("{unit}", by.unit).replace("{format}", by.format).replace("{where}", where.sql());
        List<Object[]> rows = Jdbc.query(dataSource, sql, where.parameters(), row -> new Object[] {row.getString(1),
            row.getString(2), row.getString(3), row.getString(4), row.getLong(5), row.getInt(6)});
        Map<String, Long> totals = new HashMap<>();
        Map<String, Map<String, Long>> countsBySlug = new LinkedHashMap<>();
        Map<String, String[]> topicNames = new HashMap<>();
        for (Object[] row : rows) {
            String period = (String) row[0];
            long count = ((Number) row[4]).longValue();
            if (((Number) row[5]).intValue() == 1) {
                totals.put(period, count);
            } else if (row[1] != null) {
                String slug = (String) row[1];
                countsBySlug.computeIfAbsent(slug, ignored -> new HashMap<>()).put(period, count);
                topicNames.put(slug, new String[] {(String) row[2], (String) row[3]});
            }
        }
        List<String> periods = everyPeriod(totals.keySet().stream().min(Comparator.naturalOrder()).orElse(null),
                totals.keySet().stream().max(Comparator.naturalOrder()).orElse(null), by);
        List<Timeline.Series> series = new ArrayList<>();
        countsBySlug.forEach((slug, counts) -> series.add(new Timeline.Series(slug, topicNames.get(slug)[0],
                topicNames.get(slug)[1], periods.stream().map(period -> counts.getOrDefault(period, 0L)).toList())));
        series.sort(Comparator.comparingLong((Timeline.Series s) -> s.counts().stream().mapToLong(Long::longValue).sum())
                .reversed().thenComparing(Timeline.Series::slug));
        return new Timeline(by.unit, periods, periods.stream().map(period -> totals.getOrDefault(period, 0L)).toList(), series);
    }

    /** The periods from {@code first} to {@code last}, both included, also those without talks. */
    private static List<String> everyPeriod(String first, String last, Timeline.Granularity by) {
        List<String> periods = new ArrayList<>();
        if (first == null) {
            return periods;
        }
        if (by == Timeline.Granularity.YEAR) {
            for (Year year = Year.parse(first); !year.isAfter(Year.parse(last)); year = year.plusYears(1)) {
                periods.add(year.toString());
            }
        } else {
            for (YearMonth month = YearMonth.parse(first); !month.isAfter(YearMonth.parse(last)); month = month.plusMonths(1)) {
                periods.add(month.toString());
            }
        }
        return periods;
    }
}
