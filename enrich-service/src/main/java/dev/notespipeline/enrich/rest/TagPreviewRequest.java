package dev.notespipeline.enrich.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A talk as a taxonomy author wants to try it: any of the three may be empty, not all. */
public record TagPreviewRequest(
        @Schema(description = "The talk's title", example = "EKS運用の世界") String title,
        @Schema(description = "The talk's text or bullets", example = "Karpenterでノードを自動スケール") String text,
        @Schema(description = "The event's title; it counts for every talk of the event", example = "JAWS-UG コンテナ支部")
        String eventTitle) {
}
