package dev.notespipeline.parser;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.BlankLine;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.regex.Pattern;

/**
 * The first stage of reading a memo: flexmark's tree as a tree of sections, each heading with its body blocks and
 * its deeper headings. Headings only count at the top level of the document, so a code block or a list never
 * holds one.
 */
final class Outline {

    /** A line of only hashes, such as {@code ############}: a separator (CommonMark headings have at most six). */
    private static final Pattern HASH_RULE = Pattern.compile("^[#\\s]+$");

    final Document document;
    final LineIndex lines;
    final FrontMatter frontMatter;
    final Section root = Section.root();

    private Outline(Document document, LineIndex lines) {
        this.document = document;
        this.lines = lines;
        this.frontMatter = FrontMatter.of(document);
        Section current = root;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && !isTextAboveARule(heading)) {
                String text = NodeText.plainText(heading);
                if (text.isEmpty()) {
                    continue;
                }
                Section parent = current;
                while (!parent.isRoot() && parent.level >= heading.getLevel()) {
                    parent = parent.parent;
                }
                current = parent.addChild(heading.getLevel(), text, lineOf(heading), heading);
            } else if (!isMarkupOnly(node)) {
                current.body.add(node);
            }
        }
    }

    static Outline of(Document document, LineIndex lines) {
        return new Outline(document, lines);
    }

    int lineOf(Node node) {
        return lines.lineOf(node.getStartOffset());
    }

    /**
     * CommonMark reads a line of text directly above {@code ---} as a heading; memo writers mean text and a
     * separating rule, which carries no meaning. {@code ===} underlines stay headings: nobody types them by chance.
     */
    private static boolean isTextAboveARule(Heading heading) {
        return heading.isSetextHeading() && heading.getLevel() == 2;
    }

    /** Blocks that carry no text of the memo: rules, front matter, HTML, reference definitions, blank lines. */
    static boolean isMarkupOnly(Node node) {
        return node instanceof ThematicBreak || node instanceof YamlFrontMatterBlock || node instanceof HtmlBlockBase
                || node instanceof Reference || node instanceof BlankLine
                || node instanceof Paragraph && HASH_RULE.matcher(node.getChars()).matches();
    }
}
