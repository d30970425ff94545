package dev.notespipeline.query.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Bullet", description = "A list item with its nested items")
public record BulletView(String text, List<BulletView> children) {
}
