package dev.notespipeline.parser;

import dev.notespipeline.contract.Link;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Says what each link of a note is: a YouTube video, a connpass event, slides, a repository, or other. */
public class LinkExtractor {

    /** ASCII only, so a URL followed by Japanese text without a space ends where the Japanese starts. */
    private static final Pattern BARE_URL = Pattern.compile("https?://[A-Za-z0-9\\-._~:/?#@!$&*+,;=%()]+");
    private static final String TRAILING_PUNCTUATION = ".,;:!?";
    private static final Pattern YOUTUBE_WATCH = Pattern.compile("[?&]v=([\\w-]{6,})");
    private static final Pattern YOUTUBE_PATH = Pattern.compile("^/(?:live|embed|shorts|v)/([\\w-]{6,})");
    private static final Pattern FIRST_SEGMENT = Pattern.compile("^/([\\w-]{6,})");
    private static final Pattern CONNPASS_EVENT = Pattern.compile("^/event/(\\d+)");
    private static final Pattern TWO_SEGMENTS = Pattern.compile("^/([^/]+/[^/]+)");

    /** URLs written as plain text, without Markdown around them. */
    static List<String> bareUrls(CharSequence text) {
        List<String> urls = new ArrayList<>();
        Matcher matcher = BARE_URL.matcher(text);
        while (matcher.find()) {
            urls.add(trimEnd(matcher.group()));
        }
        return urls;
    }

    public List<Link> classify(Collection<String> urls) {
        return urls.stream().map(this::classify).toList();
    }

    public Link classify(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return new Link("other", url, null);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        if (host.equals("youtu.be")) {
            return new Link("youtube", url, group(FIRST_SEGMENT, path));
        }
        if (isHost(host, "youtube.com") || isHost(host, "youtube-nocookie.com")) {
            String id = group(YOUTUBE_WATCH, query);
            return new Link("youtube", url, id != null ? id : group(YOUTUBE_PATH, path));
        }
        if (isHost(host, "connpass.com")) {
            return new Link("connpass", url, group(CONNPASS_EVENT, path));
        }
        if (isHost(host, "speakerdeck.com")) {
            return new Link("speakerdeck", url, group(TWO_SEGMENTS, path));
        }
        if (isHost(host, "slideshare.net")) {
            return new Link("slideshare", url, group(TWO_SEGMENTS, path));
        }
        if (host.equals("github.com") || host.equals("www.github.com")) {
            return new Link("github", url, group(TWO_SEGMENTS, path));
        }
        return new Link("other", url, null);
    }

    /** The domain itself or one of its subdomains, never a look-alike such as {@code notyoutube.com}. */
    private static boolean isHost(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    /** A sentence's full stop or a closing parenthesis the URL did not open belongs to the text, not the URL. */
    private static String trimEnd(String url) {
        long unmatchedClosing = url.chars().filter(c -> c == ')').count() - url.chars().filter(c -> c == '(').count();
        int end = url.length();
        while (end > 0) {
            char last = url.charAt(end - 1);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && unmatchedClosing > 0) {
                end--;
                unmatchedClosing--;
            } else {
                break;
            }
        }
        return url.substring(0, end);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
