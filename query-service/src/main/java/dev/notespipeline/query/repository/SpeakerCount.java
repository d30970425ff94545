package dev.notespipeline.query.repository;

/** A speaker and how many talks they gave. */
public record SpeakerCount(String name, long talkCount) {
}
