package dev.notespipeline.ingest.service;

import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.ingest.buckets.RejectedObjectException;
import dev.notespipeline.ingest.config.BucketConfig;
import dev.notespipeline.ingest.metrics.IngestMetrics;
import dev.notespipeline.parser.NoteParser;
import dev.notespipeline.parser.UnparseableNoteException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parses a memo on a thread of its own with a deadline, so that no memo, however pathological, can stop the
 * watcher: a parser failure or a timeout becomes a rejection and the next file is handled.
 *
 * <p>The threads are a fixed pool, one per ingest worker (previews have a pool of their own). A parse past its deadline is abandoned by interrupting
 * its thread, and the parser gives up at the next character it reads (it reads the memo through an interruptible
 * text), so a timed-out parse frees its thread instead of spinning on beside the next ones.
 */
@ApplicationScoped
public class TimeBoundParser {

    /** Deeply nested Markdown recurses deeply; a large stack lets such memos parse instead of overflowing. */
    private static final long PARSER_STACK_BYTES = 64L * 1024 * 1024;

    static final String THREAD_NAME = "memo-parser-";

    private final NoteParser parser = new NoteParser();
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor;
    private final Duration parseTimeout;
    private final IngestMetrics metrics;

    /** The parser of the bucket's files: one thread per ingest worker. */
    @Inject
    public TimeBoundParser(BucketConfig config, IngestMetrics metrics) {
        this(config.workers(), THREAD_NAME, config.parseTimeout(), metrics);
    }

    /**
     * A parser with threads of its own, so that its parses never wait behind the bucket's (a wait would count
     * against the deadline).
     */
    TimeBoundParser(int threadCount, String threadName, Duration parseTimeout, IngestMetrics metrics) {
        this.parseTimeout = parseTimeout;
        this.metrics = metrics;
        this.executor = Executors.newFixedThreadPool(threadCount, task -> {
            Thread thread = new Thread(null, task, threadName + threads.incrementAndGet(), PARSER_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The version of the parser in use ({@link NoteParser#VERSION}), which the ledger records for every file it read. */
    public int version() {
        return NoteParser.VERSION;
    }

    /** @throws RejectedObjectException when the memo cannot be parsed in time */
    public ParsedNote parse(String key, String text, long version, String contentHash, Instant detectedAt) {
        Future<ParsedNote> parsing = executor.submit(() -> metrics.parseDuration()
                .recordCallable(() -> parser.parse(key, text, version, contentHash, detectedAt)));
        try {
            return parsing.get(parseTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parsing.cancel(true);
            throw new RejectedObjectException("parse-timeout",
                    "parsing took longer than " + parseTimeout + " (pipeline.bucket.parse-timeout)");
        } catch (ExecutionException e) {
            // Whatever the parser threw (its own exceptions, a StackOverflowError on absurd nesting) is about this memo.
            Throwable cause = e.getCause();
            String detail = cause instanceof UnparseableNoteException unparseable
                    ? unparseable.reason()
                    : "the Markdown cannot be parsed: " + cause;
            throw new RejectedObjectException("unparseable", detail, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            parsing.cancel(true);
            throw new IllegalStateException("interrupted while parsing " + key, e);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
