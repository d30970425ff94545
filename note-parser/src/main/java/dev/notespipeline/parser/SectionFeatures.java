package dev.notespipeline.parser;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import dev.notespipeline.parser.HeadingNames.NameRole;
import dev.notespipeline.parser.Speakers.Speaker;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one heading shows of its role: its name, what its text says (speaker, time slot, code), and whether the first
 * lines under it introduce a speaker.
 */
final class SectionFeatures {

    private static final TalkHeadingParser HEADINGS = new TalkHeadingParser();
    /** Words and marks that make a heading an event's: a date, a number of the series, meetup words. */
    private static final Pattern EVENT_WORDS = Pattern.compile(
            "(?i)(?:#\\d+|第\\s*\\d+\\s*回|vol\\.?\\s*\\d+|\\bmeetup\\b|meet-up|勉強会|\\bnight\\b|ナイト|\\bconf\\b|conference|"
                    + "カンファレンス|summit|サミット|festival|フェス|\\bdays?\\s+\\d{4}|\\d{4}\\b|\\bug\\b|-ug\\b|user group|"
                    + "ユーザー?グループ|もくもく会|ハッカソン|hackathon|報告会|読書会|交流会|祭り?|\\bcamp\\b|expo|forum|フォーラム|"
                    + "symposium|シンポジウム|tech\\s*talk)");
    private static final int SPEAKER_LINES = 3;

    final Section section;
    final TalkHeading heading;
    final NameRole nameRole;
    final String segmentRole;
    final Speaker bodySpeaker;

    SectionFeatures(Section section) {
        this.section = section;
        this.heading = HEADINGS.parse(section.text);
        String name = heading.title() != null ? heading.title() : section.text;
        this.nameRole = HeadingNames.role(name);
        this.segmentRole = nameRole == NameRole.SEGMENT ? HeadingNames.segmentRole(name) : null;
        this.bodySpeaker = heading.speaker() == null ? bodySpeaker(section.body) : null;
    }

    /** A speaker, a time slot or a session code: what marks a talk beyond doubt. */
    boolean marksATalk() {
        return heading.marksATalk() || bodySpeaker != null;
    }

    String speaker() {
        return heading.speaker() != null ? heading.speaker() : bodySpeaker == null ? null : bodySpeaker.name();
    }

    String affiliation() {
        return heading.affiliation() != null ? heading.affiliation() : bodySpeaker == null ? null : bodySpeaker.affiliation();
    }

    /** Whether the heading reads as an event's name: a date, a series number, a meetup word. */
    boolean soundsLikeAnEvent() {
        return TextDates.find(section.text) != null || EVENT_WORDS.matcher(section.text).find();
    }

    /**
     * The speaker the first lines under a heading introduce. Paragraphs may use any of {@link Speakers}' forms; in a
     * list only a labelled line counts ({@code * Speaker: Carol}), since a bullet such as "chatworkさん" is a note.
     */
    static Speaker bodySpeaker(List<Node> body) {
        List<Speaker> found = new ArrayList<>();
        int blocks = 0;
        for (Node block : body) {
            if (blocks++ == SPEAKER_LINES) {
                break;
            }
            if (block instanceof Paragraph paragraph) {
                for (String line : firstLines(NodeText.plainText(paragraph))) {
                    // A profile link names the person in its text; a labelled line says more (the company).
                    Speaker speaker = hasLink(paragraph) && !Speakers.isLabelled(line) ? Speakers.profileLink(line) : null;
                    if (speaker == null) {
                        speaker = Speakers.introducedBy(line);
                    }
                    if (speaker != null) {
                        found.add(speaker);
                    } else if (!found.isEmpty()) {
                        break;
                    }
                }
            } else if (block instanceof ListBlock list) {
                Speaker labelled = labelledItem(list);
                if (labelled != null) {
                    found.add(labelled);
                }
            }
            if (!found.isEmpty()) {
                break;
            }
        }
        return joined(found);
    }

    private static Speaker labelledItem(ListBlock list) {
        int items = 0;
        for (Node item = list.getFirstChild(); item != null && items < SPEAKER_LINES; item = item.getNext()) {
            if (item instanceof ListItem listItem && listItem.getFirstChild() != null) {
                items++;
                String first = firstLines(NodeText.plainText(listItem.getFirstChild())).stream().findFirst().orElse("");
                if (Speakers.isLabelled(first)) {
                    return Speakers.introducedBy(first);
                }
            }
        }
        return null;
    }

    /** Several speakers, one a line, as one: names and companies joined by " / ". */
    static Speaker joined(List<Speaker> speakers) {
        if (speakers.isEmpty()) {
            return null;
        }
        if (speakers.size() == 1) {
            return speakers.get(0);
        }
        String names = String.join(" / ", speakers.stream().map(Speaker::name).toList());
        boolean anyAffiliation = speakers.stream().anyMatch(speaker -> speaker.affiliation() != null);
        String affiliations = anyAffiliation ? String.join(" / ", speakers.stream()
                .map(speaker -> speaker.affiliation() == null ? "-" : speaker.affiliation()).toList()) : null;
        return new Speaker(names, affiliations);
    }

    private static boolean hasLink(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Link) {
                return true;
            }
        }
        return false;
    }

    private static List<String> firstLines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).limit(SPEAKER_LINES).toList();
    }
}
