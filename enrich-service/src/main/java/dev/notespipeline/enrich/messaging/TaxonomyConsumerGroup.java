package dev.notespipeline.enrich.messaging;

import dev.notespipeline.enrich.service.TopicTagger;
import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Puts the taxonomy version into the consumer group of {@code notes.parsed}: {@code enrich-service-<version>}.
 *
 * <p>A new taxonomy is thus a new consumer group, which has no committed offsets and so, with
 * {@code auto.offset.reset=earliest}, reads {@code notes.parsed} from the beginning and republishes every note
 * with the new tags. No re-ingest is needed; an unchanged taxonomy resumes where it stopped.
 */
@ApplicationScoped
public class TaxonomyConsumerGroup implements ClientCustomizer<Map<String, Object>> {

    static final String CHANNEL = "notes-parsed";

    private static final Logger LOG = Logger.getLogger(TaxonomyConsumerGroup.class);

    @Inject
    TopicTagger tagger;

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        if (CHANNEL.equals(channel) && config.get(ConsumerConfig.GROUP_ID_CONFIG) instanceof String base) {
            String groupId = groupId(base, tagger.taxonomy().version());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            LOG.infof("reading %s as consumer group %s", channel, groupId);
        }
        return config;
    }

    /** The consumer group that tags with taxonomy {@code version}. */
    public static String groupId(String base, String version) {
        return base + "-" + version;
    }
}
