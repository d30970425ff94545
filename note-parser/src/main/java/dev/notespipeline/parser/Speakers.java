package dev.notespipeline.parser;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the people in a memo: a name as written next to a title, and the lines that introduce a speaker
 * ({@code By Jane Doe, SRE @ Acme}, {@code LINE @matsumanaさん}, {@code 登壇者：山田さん}, {@code Adrian Cockcroft - VP
 * Cloud Architecture Strategy, Amazon Web Services}).
 *
 * <p>A Latin name is two to four capitalised words that are not everyday title words; a Japanese name is known by
 * its honorific (さん, 氏, 様); a handle by its {@code @}. A company is taken only where the line marks it: after
 * {@code @}, in brackets, or after a role such as CTO or Engineer.
 */
final class Speakers {

    /** A speaker and where they work; either may be null. */
    record Speaker(String name, String affiliation) {
    }

    private static final Pattern HONORIFIC = Pattern.compile("\\s*(?:さん|氏|様)(?=\\s*(?:[、,，・/／&＆!！]|と|$))");
    private static final Pattern HONORIFIC_END = Pattern.compile(".*\\S(?:さん|氏|様)\\s*[!！]*$");
    private static final Pattern HANDLE = Pattern.compile("@[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern NAME_TOKEN = Pattern.compile(
            "(?:\\p{Lu}[\\p{Ll}\\p{M}'’]+(?:-\\p{Lu}?[\\p{Ll}\\p{M}'’]+)*|\\p{Lu}\\.|\\p{Lu}{2,}(?=\\s|$))");
    private static final Set<String> NAME_PARTICLES = Set.of("van", "de", "von", "da", "der", "le", "la", "di", "du", "del", "bin");
    /** Capitalised words that begin titles and products far more often than names. */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "of", "and", "or", "for", "with", "to", "in",
            "on", "at", "by", "from", "how", "what", "why", "when", "where", "who", "is", "are", "my", "our", "your",
            "best", "practices", "practice", "way", "hard", "part", "intro", "introduction", "deep", "dive", "new",
            "future", "getting", "started", "case", "study", "lessons", "learned", "demo", "live", "keynote",
            "session", "talk", "panel", "workshop", "lab", "cloud", "native", "data", "service", "services", "mesh",
            "open", "source", "security", "platform", "engineering", "developer", "experience", "day", "track",
            "room", "kubernetes", "azure", "aws", "amazon", "google", "microsoft", "devops", "sre",
            "observability", "monitoring", "serverless", "container", "containers", "edge", "scale", "scaling",
            "journey", "story", "stories", "tips", "tricks", "beyond", "inside", "under", "hood", "road", "year",
            "years", "state", "modern", "applications", "application", "apps", "api", "apis", "web", "mobile",
            "machine", "learning", "ai", "ml", "real", "world", "production", "ready", "zero", "trust", "chaos",
            "questions", "answers", "closing", "opening", "remarks", "welcome", "summary", "overview", "conclusion",
            "next", "steps", "update", "updates", "news", "release", "edition", "thanks", "thank", "you", "lightning",
            "talks", "sessions", "main", "stage", "hall", "break", "lunch", "party", "networking");
    private static final Pattern ROLE = Pattern.compile(
            "\\b(?:ceo|cto|cio|cso|coo|cfo|vp|svp|evp|dir|director|head|chief|founder|co-founder|cofounder|president|"
                    + "engineer|eng|engineering|architect|arch|developer|dev|advocate|evangelist|manager|mgr|lead|"
                    + "principal|staff|senior|sr|jr|junior|consultant|specialist|expert|maintainer|researcher|"
                    + "scientist|owner|pm|member|organi[sz]er|chair|cochair|co-chair|fellow|sre|devrel|intern|"
                    + "professor|student|author|editor|partner|analyst|designer|officer|executive|exec)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPEAKER_LABEL = Pattern.compile(
            "^(?:登壇者|登壇|スピーカー|講演者|発表者|講師|speakers?|presenters?|presented by|hosted by|host)\\s*[:：]\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BY_LINE = Pattern.compile("^(?:By|by|BY)\\s+(.+)$");
    private static final Pattern COMPANY_AND_HANDLE = Pattern.compile(
            "^(?:(.+?)\\s+)?(@[A-Za-z0-9_][A-Za-z0-9_.-]*)\\s*(?:さん|氏|様)?\\s*[!！]*$");
    private static final Pattern HANDLE_IN_BRACKETS = Pattern.compile("\\s*[(（]\\s*(@[A-Za-z0-9_][A-Za-z0-9_.-]*)\\s*[)）]");
    private static final Pattern COMPANY_MARK = Pattern.compile("株式会社|（株）|\\(株\\)|有限会社|合同会社|Inc\\.?|Corp\\.?|Ltd\\.?|LLC|GmbH|社$");

    private Speakers() {
    }

    /** A speaker as written, without honorifics; null when nothing is left. */
    static String clean(String written) {
        if (written == null) {
            return null;
        }
        String speaker = HONORIFIC.matcher(written.strip()).replaceAll("").strip();
        speaker = speaker.replaceAll("[!！]+$", "").strip();
        return speaker.isEmpty() ? null : speaker;
    }

    /**
     * Whether {@code text} is a person as a title's neighbour names one: {@code Jane Doe}, {@code 山田さん},
     * {@code @handle}, possibly followed by where they work ({@code Jane Doe @ Acme}, {@code Jane Doe (Acme)},
     * {@code Jane Doe, Acme}).
     */
    static Speaker named(String text) {
        String written = text.strip();
        if (written.isEmpty() || written.length() > 80) {
            return null;
        }
        if (HONORIFIC_END.matcher(written).matches() || written.contains("さん、") || written.contains("さん/")) {
            return new Speaker(clean(written), null);
        }
        if (HANDLE.matcher(written).matches()) {
            return new Speaker(written, null);
        }
        String name = written;
        String affiliation = null;
        int at = written.indexOf(" @ ");
        Matcher bracket = Pattern.compile("^(.+?)\\s*[(（]([^()（）]+)[)）]$").matcher(written);
        if (at > 0) {
            name = written.substring(0, at).strip();
            affiliation = written.substring(at + 3).strip();
        } else if (bracket.matches() && !bracket.group(2).startsWith("@")) {
            name = bracket.group(1);
            affiliation = bracket.group(2).strip();
        } else if (written.indexOf(',') > 0) {
            name = written.substring(0, written.indexOf(',')).strip();
            affiliation = written.substring(written.indexOf(',') + 1).strip();
        }
        return isLatinName(name) ? new Speaker(name, affiliation) : null;
    }

    /**
     * A person line: a name followed by a role and a company ({@code Dan Kohn - Exec Dir - CNCF}, {@code Oliver
     * Gould, CTO, Buoyant}, {@code Jane Doe, SRE @ Acme}). The role is what tells it from a title with a dash.
     */
    static Speaker withRole(String text) {
        String written = text.strip();
        Matcher split = Pattern.compile("^(.+?)\\s*(?:\\s[-–—]\\s|,)\\s*(.+)$").matcher(written);
        if (!split.matches() || !isLatinName(split.group(1).strip())) {
            return null;
        }
        String rest = split.group(2).strip();
        int at = rest.lastIndexOf(" @ ");
        if (at >= 0) {
            return new Speaker(split.group(1).strip(), nonEmpty(rest.substring(at + 3)));
        }
        if (!ROLE.matcher(rest).find()) {
            return null;
        }
        String[] parts = rest.split("\\s*(?:\\s[-–—]\\s|,)\\s*");
        String company = parts[parts.length - 1].strip();
        if (parts.length == 1) {
            // "Founder Casual": the role words come first, the company after them.
            String[] words = company.split("\\s+");
            int first = 0;
            while (first < words.length && ROLE.matcher(words[first]).matches()) {
                first++;
            }
            company = first == 0 || first == words.length ? null : String.join(" ", Arrays.copyOfRange(words, first, words.length));
        } else if (ROLE.matcher(company).find()) {
            company = null;
        }
        return new Speaker(split.group(1).strip(), nonEmpty(company));
    }

    /**
     * The speaker a line under a talk's heading introduces, or null: {@code 登壇者：Name (@handle), Company},
     * {@code By Name, Role @ Company}, {@code Company @handleさん}, {@code 小島さん！}, a person line, or a link to a
     * speaker's profile such as {@code [Name（@handle）さん / Twitter](…)}.
     */
    static Speaker introducedBy(String line) {
        String text = line.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > 160) {
            return null;
        }
        Matcher label = SPEAKER_LABEL.matcher(text);
        if (label.matches()) {
            return labelled(label.group(1));
        }
        Matcher by = BY_LINE.matcher(text);
        if (by.matches()) {
            Speaker person = withRole(by.group(1));
            if (person == null) {
                person = named(by.group(1));
            }
            if (person == null) {
                person = labelled(by.group(1));
            }
            return person;
        }
        Matcher handle = COMPANY_AND_HANDLE.matcher(text);
        if (handle.matches() && (handle.group(1) == null || handle.group(1).length() <= 40)) {
            return new Speaker(handle.group(2), nonEmpty(handle.group(1)));
        }
        if (HONORIFIC_END.matcher(text).matches() && text.length() <= 40 && !text.matches(".*[。、,.].*")) {
            return honorificOnly(text);
        }
        return withRole(text);
    }

    /** Whether a line begins with a speaker label such as {@code 登壇者：} or {@code Speaker:}. */
    static boolean isLabelled(String line) {
        return SPEAKER_LABEL.matcher(line.strip()).matches();
    }

    /** The profile-link form: {@code 前佛 雅人 - Masahito Zembutsu（@zembutsu）さん / Twitter}, {@code @tjunさん}. */
    static Speaker profileLink(String linkText) {
        String text = linkText.strip().replaceAll("\\s*/\\s*(?:twitter|x|github|facebook|linkedin)$", "")
                .replaceAll("(?i)\\s*/\\s*(?:twitter|x|github|facebook|linkedin)$", "");
        if (!HONORIFIC_END.matcher(text).matches() && !HANDLE_IN_BRACKETS.matcher(text).find()) {
            return null;
        }
        Matcher handle = HANDLE_IN_BRACKETS.matcher(text);
        String handleText = handle.find() ? handle.group(1) : null;
        String name = HANDLE_IN_BRACKETS.matcher(text).replaceAll("");
        name = clean(name);
        if (name != null) {
            name = name.replaceAll("\\s+[-–—]\\s+.*$", "").replaceAll("\\s*@\\S*", "").strip();
        }
        if (name == null || name.isEmpty()) {
            name = handleText != null ? handleText : HANDLE.matcher(text).find() ? clean(text) : null;
        }
        return name == null ? null : new Speaker(name, null);
    }

    /** What follows a speaker label: {@code Name ([@handle](…)), Company}, {@code 山田さん}, {@code Name / Company}. */
    private static Speaker labelled(String written) {
        String text = written.strip().replaceAll("^\\*+|\\*+$", "");
        String name = text;
        String affiliation = null;
        Matcher handle = HANDLE_IN_BRACKETS.matcher(text);
        if (handle.find()) {
            name = text.substring(0, handle.start());
            String after = text.substring(handle.end()).replaceFirst("^\\s*[,、，/／]\\s*", "");
            affiliation = nonEmpty(after);
        } else {
            Matcher comma = Pattern.compile("^([^,、，/／(（]+?)\\s*(?:[,、，/／]|[(（])\\s*([^)）]+?)[)）]?$").matcher(text);
            Matcher at = Pattern.compile("^(.+?)\\s+@\\s+(.+)$").matcher(text);
            if (at.matches()) {
                name = at.group(1);
                affiliation = at.group(2);
            } else if (comma.matches() && !text.contains("さん、") && !text.contains("様、") && !text.contains("氏、")) {
                name = comma.group(1);
                affiliation = comma.group(2);
            }
        }
        String speaker = clean(name);
        return speaker == null ? null : new Speaker(speaker, nonEmpty(affiliation));
    }

    /** {@code 小島さん！}, {@code 西部ガス情報システム 上野さん！}: a name by its honorific, perhaps after a company. */
    private static Speaker honorificOnly(String text) {
        String name = clean(text);
        if (name == null) {
            return null;
        }
        int space = name.lastIndexOf(' ');
        if (space > 0 && COMPANY_MARK.matcher(name.substring(0, space)).find()) {
            return new Speaker(name.substring(space + 1), name.substring(0, space));
        }
        return new Speaker(name, null);
    }

    /** Two to four capitalised words (initials and particles allowed) that are not title words. */
    static boolean isLatinName(String text) {
        String[] tokens = text.strip().split("\\s+");
        if (tokens.length < 2 || tokens.length > 4 || text.length() > 40) {
            return false;
        }
        int names = 0;
        for (String token : tokens) {
            if (NAME_PARTICLES.contains(token)) {
                continue;
            }
            if (!NAME_TOKEN.matcher(token).matches() || NOT_NAMES.contains(token.toLowerCase(Locale.ROOT))) {
                return false;
            }
            names++;
        }
        return names >= 2;
    }

    private static String nonEmpty(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip().replaceAll("^[,、，]\\s*|[,、，。]$", "").strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
