package dev.notespipeline.query.repository;

/**
 * What one transaction does to a topic.
 *
 * @param label the label it was seen with, or null when it was not seen (its talks were only removed)
 * @param parent the parent it was seen with
 * @param talkDelta talks that now carry it, less talks removed that carried it
 */
record TopicSighting(String label, String parent, long talkDelta) {

    /** The later sighting's label and parent win, as the later record is the newer; the counts add up. */
    TopicSighting seenAgain(TopicSighting later) {
        return new TopicSighting(later.label, later.parent, talkDelta + later.talkDelta);
    }
}
