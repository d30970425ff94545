package dev.notespipeline.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A link found in a note.
 *
 * @param kind youtube, connpass, speakerdeck, slideshare, github or other
 * @param url the link as written
 * @param ref the id the kind knows it by (a YouTube video id, a connpass event id), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Link(String kind, String url, String ref) {
}
