package dev.notespipeline.parser;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.concurrent.CancellationException;

/**
 * The memo's text as flexmark reads it, giving up as soon as the reading thread is interrupted: flexmark itself
 * never looks at interrupts, so a parse that its caller abandoned (a timeout) would otherwise run on to the end.
 * Every character flexmark reads passes through {@link #charAt}, which checks the thread's interrupt flag (a field
 * read, cheap next to what flexmark does with the character).
 */
final class InterruptibleText implements CharSequence {

    private final String text;
    private final int start;
    private final int end;

    private InterruptibleText(String text, int start, int end) {
        this.text = text;
        this.start = start;
        this.end = end;
    }

    /** {@code text} for flexmark's parser. */
    static BasedSequence of(String text) {
        return BasedSequence.of(new InterruptibleText(text, 0, text.length()));
    }

    @Override
    public char charAt(int index) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("parsing was abandoned");
        }
        return text.charAt(start + index);
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new InterruptibleText(text, start + from, start + to);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}
