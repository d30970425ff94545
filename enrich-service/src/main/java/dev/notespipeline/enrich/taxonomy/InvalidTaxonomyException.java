package dev.notespipeline.enrich.taxonomy;

/** The taxonomy file cannot be used; the message says where and why. */
public class InvalidTaxonomyException extends RuntimeException {

    public InvalidTaxonomyException(String message) {
        super(message);
    }
}
