package dev.notespipeline.query.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;

/** Who gave the stored talks. */
@ApplicationScoped
public class SpeakerRepository {

    private final DataSource dataSource;

    public SpeakerRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every speaker with how many talks they gave, most talks first. */
    public List<SpeakerCount> counts() {
        return Jdbc.query(dataSource, "SELECT speaker, count(*) FROM talk WHERE speaker IS NOT NULL"
                + " GROUP BY speaker ORDER BY count(*) DESC, speaker", List.of(),
                row -> new SpeakerCount(row.getString(1), row.getLong(2)));
    }
}
