package dev.notespipeline.ingest.service;

import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.ingest.buckets.BucketObject;

/**
 * A note Kafka acknowledged, to be recorded in the ledger.
 *
 * @param object the file as it was when read
 * @param resultHash {@link ParseResultHash} of {@code note}
 */
public record Publication(BucketObject object, ParsedNote note, String resultHash) {
}
