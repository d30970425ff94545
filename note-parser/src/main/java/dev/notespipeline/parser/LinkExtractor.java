package dev.notespipeline.parser;

import dev.notespipeline.contract.Link;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the links in a section's text and says what each one is: a YouTube video, a connpass event, slides… */
public class LinkExtractor {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'）)\\]]+");
    private static final Pattern YOUTUBE_WATCH = Pattern.compile("[?&]v=([\\w-]{6,})");
    private static final Pattern YOUTUBE_PATH = Pattern.compile("/(?:live|embed|shorts)/([\\w-]{6,})");
    private static final Pattern YOUTU_BE = Pattern.compile("^/([\\w-]{6,})");
    private static final Pattern CONNPASS_EVENT = Pattern.compile("/event/(\\d+)");

    public List<Link> extract(String text) {
        Set<String> urls = new LinkedHashSet<>();
        Matcher matcher = URL.matcher(text);
        while (matcher.find()) {
            urls.add(matcher.group());
        }
        List<Link> links = new ArrayList<>();
        for (String url : urls) {
            links.add(classify(url));
        }
        return links;
    }

    public Link classify(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Link("other", url, null);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        if (host.equals("youtu.be")) {
            return new Link("youtube", url, group(YOUTU_BE, path));
        }
        if (host.endsWith("youtube.com")) {
            String id = group(YOUTUBE_WATCH, query);
            return new Link("youtube", url, id != null ? id : group(YOUTUBE_PATH, path));
        }
        if (host.endsWith("connpass.com")) {
            return new Link("connpass", url, group(CONNPASS_EVENT, path));
        }
        if (host.endsWith("speakerdeck.com")) {
            return new Link("speakerdeck", url, null);
        }
        if (host.endsWith("slideshare.net")) {
            return new Link("slideshare", url, null);
        }
        if (host.equals("github.com")) {
            return new Link("github", url, null);
        }
        return new Link("other", url, null);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
