package dev.notespipeline.enrich.taxonomy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.notespipeline.text.WordSegmenter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a taxonomy YAML file and checks it, so a broken taxonomy stops start-up with a clear reason. */
public final class TaxonomyLoader {

    /** The taxonomy that ships with enrich-service. */
    public static final String BUILT_IN = "taxonomy.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TaxonomyLoader() {
    }

    public static Taxonomy fromFile(Path path) {
        try {
            return parse(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new InvalidTaxonomyException(path + ": cannot read: " + e.getMessage());
        }
    }

    public static Taxonomy builtIn() {
        try (InputStream in = TaxonomyLoader.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new InvalidTaxonomyException("the built-in " + BUILT_IN + " is missing from the classpath");
            }
            return parse(in.readAllBytes(), BUILT_IN);
        } catch (IOException e) {
            throw new InvalidTaxonomyException(BUILT_IN + ": cannot read: " + e.getMessage());
        }
    }

    static Taxonomy parse(byte[] yaml, String source) {
        TaxonomyFile file;
        try {
            file = YAML.readValue(yaml, TaxonomyFile.class);
        } catch (IOException e) {
            throw new InvalidTaxonomyException(source + ": not a valid taxonomy: " + e.getMessage());
        }
        if (file == null || file.topics() == null || file.topics().isEmpty()) {
            throw new InvalidTaxonomyException(source + ": no topics");
        }
        check(file, source);
        return new Taxonomy(version(yaml), file.fieldWeights() == null ? Map.of() : file.fieldWeights(), file.topics());
    }

    private static void check(TaxonomyFile file, String source) {
        checkWeights(file.fieldWeights(), source + ": fieldWeights");
        Map<String, Topic> bySlug = new HashMap<>();
        for (Topic topic : file.topics()) {
            if (topic.slug() == null || !topic.slug().matches("[a-z0-9][a-z0-9-]*")) {
                throw new InvalidTaxonomyException(source + ": slug '" + topic.slug() + "' must be lower-case letters, digits and dashes");
            }
            if (bySlug.put(topic.slug(), topic) != null) {
                throw new InvalidTaxonomyException(source + ": topic '" + topic.slug() + "' is defined twice");
            }
            String where = source + ": topic '" + topic.slug() + "'";
            if (topic.label() == null || topic.label().isBlank()) {
                throw new InvalidTaxonomyException(where + " has no label");
            }
            if (topic.threshold() <= 0) {
                throw new InvalidTaxonomyException(where + " needs a threshold above 0");
            }
            if (topic.terms().isEmpty() && !topic.weakTerms().isEmpty()) {
                throw new InvalidTaxonomyException(where + " has weakTerms but no terms: weak terms never count alone");
            }
            checkTerms(topic, where);
            checkWeights(topic.fieldWeights(), where + " fieldWeights");
        }
        for (Topic topic : file.topics()) {
            Set<String> seen = new HashSet<>();
            for (String parent = topic.parent(); parent != null; parent = bySlug.get(parent).parent()) {
                if (!bySlug.containsKey(parent)) {
                    throw new InvalidTaxonomyException(source + ": topic '" + topic.slug() + "' names unknown parent '" + parent + "'");
                }
                if (parent.equals(topic.slug()) || !seen.add(parent)) {
                    throw new InvalidTaxonomyException(source + ": topic '" + topic.slug() + "' is its own ancestor");
                }
            }
        }
    }

    private static void checkTerms(Topic topic, String where) {
        Set<String> seen = new HashSet<>();
        List<String> all = new ArrayList<>(topic.terms());
        all.addAll(topic.weakTerms());
        all.addAll(topic.excludeTerms());
        for (String term : all) {
            List<String> words = term == null ? List.of() : WordSegmenter.words(term);
            if (words.isEmpty()) {
                throw new InvalidTaxonomyException(where + " has a term without a word in it: '" + term + "'");
            }
            if (!seen.add(String.join(" ", words))) {
                throw new InvalidTaxonomyException(where + " lists the term '" + term + "' twice");
            }
        }
    }

    private static void checkWeights(Map<String, Double> weights, String where) {
        if (weights == null) {
            return;
        }
        weights.forEach((field, weight) -> {
            if (TextField.ofKey(field).isEmpty()) {
                throw new InvalidTaxonomyException(where + " names unknown field '" + field + "' (known: "
                        + Arrays.stream(TextField.values()).map(TextField::key).toList() + ")");
            }
            if (weight == null || weight < 0) {
                throw new InvalidTaxonomyException(where + " gives field '" + field + "' a weight below 0");
            }
        });
    }

    private static String version(byte[] yaml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(yaml), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The file's shape. */
    record TaxonomyFile(Map<String, Double> fieldWeights, List<Topic> topics) {
    }
}
