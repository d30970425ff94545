package dev.notespipeline.contract;

/**
 * The size contract of the pipeline's Kafka records, the same on every topic, dead-letter topics included: every
 * producer's {@code max.request.size} and every topic's {@code max.message.bytes} is {@link #MAX_RECORD_BYTES}
 * (the services' configuration, {@code deploy/k8s/base/kafka-topics.yaml} and pipeline-infra's broker say the same;
 * the deploy module's tests check it). Records are compressed (lz4) on the way, so the broker stores far less.
 *
 * <p>What each service writes is bounded so that it also fits where it may go next: ingest publishes a parsed note of
 * at most {@link #MAX_PARSED_NOTE_BYTES} (a larger one is rejected with its reason in the ledger), which leaves room for
 * enrich-service's tags and for the headers a dead letter adds; enrich-service writes an enriched note of at most
 * {@link #MAX_ENRICHED_NOTE_BYTES}, which query-service can still dead-letter with its reason.
 */
public final class RecordLimits {

    /** 32 MiB, as JSON in UTF-8 before compression. */
    public static final int MAX_RECORD_BYTES = 32 * 1024 * 1024;

    /** Room for a record's key and headers (trace context, a dead letter's reason and origin). */
    public static final int HEADROOM_BYTES = 1024 * 1024;

    /** Half a record: a memo of 5 MiB, the largest ingest reads, in short talks (the fault suite's SizedMemo) parses to 11.4 MiB. */
    public static final int MAX_PARSED_NOTE_BYTES = MAX_RECORD_BYTES / 2;

    public static final int MAX_ENRICHED_NOTE_BYTES = MAX_RECORD_BYTES - HEADROOM_BYTES;

    private RecordLimits() {
    }

    /** The bytes {@code text} takes in UTF-8, as a record's value, counted without encoding it. */
    public static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
