package dev.notespipeline.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One term's matches in one field.
 *
 * @param term the taxonomy term that matched
 * @param field where it matched: talk.title, talk.text, event.title, event.overview, event.impressions
 * @param count how often
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Evidence(String term, String field, int count) {
}
