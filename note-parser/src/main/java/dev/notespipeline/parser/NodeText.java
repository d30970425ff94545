package dev.notespipeline.parser;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The plain text and the link targets of a piece of the Markdown tree.
 *
 * <p>Walks the tree without recursion: inline nesting (emphasis in emphasis…) is not bounded by
 * {@link InputLimitCheck}, and a recursive visitor would overflow the stack on it.
 */
final class NodeText {

    /** Kramdown's inline attribute lists ({@code {:rel="nofollow"}}) style a link; they are not text. */
    private static final Pattern KRAMDOWN_ATTRIBUTES = Pattern.compile("\\{:[^}\\n]*}");

    private NodeText() {
    }

    /** The text a reader sees: no markup, link texts without their targets, code as written. */
    static String plainText(Node root) {
        StringBuilder text = new StringBuilder();
        walk(root, node -> {
            if (node instanceof Text || node instanceof HtmlEntity || isUndefinedReference(node)) {
                text.append(node.getChars().unescape());
            } else if (node instanceof Code code) {
                text.append(code.getText());
            } else if (node instanceof AutoLink link) {
                text.append(link.getText());
            } else if (node instanceof FencedCodeBlock code) {
                text.append(code.getContentChars());
            } else if (node instanceof IndentedCodeBlock code) {
                text.append(code.getContentChars());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak
                    || node instanceof Block && node != root && node.getPrevious() != null) {
                text.append('\n');
            }
            return !(isCode(node) || node instanceof AutoLink || node instanceof HtmlInline || isImageOrReference(node)
                    || isUndefinedReference(node));
        });
        return KRAMDOWN_ATTRIBUTES.matcher(text).replaceAll("").strip();
    }

    /**
     * Web link targets in source order: Markdown links, reference links, autolinks and bare URLs in the text.
     * Anchors, relative paths and mail addresses lead nowhere a reader of the pipeline can follow, so they are left out.
     */
    static Set<String> urls(Node root, Document document) {
        Set<String> urls = new LinkedHashSet<>();
        walk(root, node -> {
            if (node instanceof Link link) {
                addWebUrl(urls, link.getUrl().unescape());
                return false;
            }
            if (node instanceof AutoLink link) {
                addWebUrl(urls, link.getUrl().unescape());
                return false;
            }
            if (node instanceof LinkRef ref) {
                Reference reference = ref.getReferenceNode(document);
                if (reference != null) {
                    addWebUrl(urls, reference.getUrl().unescape());
                    return false;
                }
            }
            if (node instanceof Text) {
                urls.addAll(LinkExtractor.bareUrls(node.getChars().unescape()));
            }
            return !(isCode(node) || isImageOrReference(node));
        });
        return urls;
    }

    private static void addWebUrl(Set<String> urls, String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            urls.add(url);
        }
    }

    /** {@code [2022年12月版]} without a reference definition is text in brackets, not a link. */
    private static boolean isUndefinedReference(Node node) {
        return node instanceof LinkRef ref && !ref.isDefined();
    }

    private static boolean isCode(Node node) {
        return node instanceof Code || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock;
    }

    /** Images are pictures, not links to follow; a reference definition counts where a link uses it. */
    private static boolean isImageOrReference(Node node) {
        return node instanceof Image || node instanceof ImageRef || node instanceof Reference;
    }

    interface Visit {
        /** @return whether to go into the node's children */
        boolean enter(Node node);
    }

    /** Depth-first, in source order, through parent and sibling links instead of the call stack. */
    static void walk(Node root, Visit visit) {
        Node node = root;
        while (node != null) {
            if (visit.enter(node) && node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
            }
            node = node == root ? null : node.getNext();
        }
    }
}
