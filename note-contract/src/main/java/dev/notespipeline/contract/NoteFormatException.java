package dev.notespipeline.contract;

/** A record that is not a note this contract can read; its message is the reason a dead-letter record carries. */
public class NoteFormatException extends RuntimeException {

    public NoteFormatException(String message) {
        super(message);
    }

    public NoteFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
