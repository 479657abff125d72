package org.everyoneserves.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.text.TextContentNodeRendererContext;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.ElementPolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders a module's Markdown once: callouts ({@code > [!TIP]}) become {@code <aside class="callout callout-tip">}
 * with a visible label, {@code module:<id>} links and relative image paths go through the caller's functions,
 * headings get stable ids, and the HTML then passes an allow-list sanitiser. Also gives the plain text (for the
 * mobile API) and a reading-time estimate.
 */
public final class MarkdownRenderer {

    public static final int WORDS_PER_MINUTE = 200;

    static final Map<String, String> CALLOUTS = Map.of(
            "tip", "Tip", "example", "Example", "note", "Note", "warning", "Warning", "important", "Important", "caution", "Caution");
    static final Pattern CALLOUT_MARKER = Pattern.compile("^\\[!([A-Za-z]+)\\][ \\t]*");

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .postProcessor(new CalloutPostProcessor())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private static final Pattern EXTERNAL = Pattern.compile("^(?i)(https?:)?//.*");
    private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final PolicyFactory POLICY = policy();

    private final HtmlRenderer htmlRenderer;
    private final TextContentRenderer textRenderer;

    /**
     * @param moduleHref turns a module id into the URL of its page
     * @param imageSrc   turns a relative image path (as written in the module) into the URL the browser loads
     */
    public MarkdownRenderer(Function<String, String> moduleHref, Function<String, String> imageSrc) {
        List<Extension> htmlExtensions = new ArrayList<>(EXTENSIONS);
        htmlExtensions.add(HeadingAnchorExtension.builder().idPrefix("section-").build());
        this.htmlRenderer = HtmlRenderer.builder()
                .extensions(htmlExtensions)
                .nodeRendererFactory(CalloutHtml::new)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Link link && link.getDestination().startsWith("module:")) {
                        attributes.put("href", moduleHref.apply(link.getDestination().substring("module:".length())));
                    } else if (node instanceof Image image && isRelative(image.getDestination())) {
                        attributes.put("src", imageSrc.apply(image.getDestination()));
                    }
                })
                .build();
        this.textRenderer = TextContentRenderer.builder().extensions(EXTENSIONS).nodeRendererFactory(PlainText::new).build();
    }

    public record Rendered(String html, String text, int words, int readingMinutes) {
    }

    public Rendered render(String markdown) {
        Node document = parse(markdown);
        String html = sanitize(htmlRenderer.render(document));
        String text = textRenderer.render(document).strip();
        int words = words(text);
        return new Rendered(html, text, words, readingMinutes(words));
    }

    public String plainText(String markdown) {
        return textRenderer.render(parse(markdown)).strip();
    }

    /** Parses with source positions; callouts are already {@link Callout} blocks. */
    public static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    public static int words(String text) {
        int count = 0;
        for (String token : text.split("\\s+")) {
            if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
                count++;
            }
        }
        return count;
    }

    public static int readingMinutes(int words) {
        return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }

    static boolean isRelative(String url) {
        return !url.isEmpty() && !HAS_SCHEME.matcher(url).matches() && !url.startsWith("/") && !url.startsWith("#");
    }

    private static PolicyFactory policy() {
        ElementPolicy externalLinks = (name, attrs) -> {
            for (int i = 0; i < attrs.size(); i += 2) {
                if (attrs.get(i).equals("href") && EXTERNAL.matcher(attrs.get(i + 1)).matches()) {
                    attrs.add("rel");
                    attrs.add("nofollow noopener");
                    break;
                }
            }
            return name;
        };
        return new HtmlPolicyBuilder()
                .allowElements("h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "table", "thead", "tbody", "tr",
                        "th", "td", "em", "strong", "del", "code", "pre", "blockquote", "aside", "hr", "br")
                .allowAttributes("id").matching(Pattern.compile("[\\p{L}\\p{N}_-]+")).onElements("h1", "h2", "h3", "h4", "h5", "h6")
                .allowAttributes("align").matching(Pattern.compile("left|center|right")).onElements("th", "td")
                .allowAttributes("start").matching(Pattern.compile("[0-9]{1,6}")).onElements("ol")
                .allowAttributes("class").matching(Pattern.compile("callout callout-(tip|example|note|warning|important|caution)"))
                .onElements("aside")
                .allowAttributes("class").matching(Pattern.compile("callout-label")).onElements("p")
                .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+#-]+")).onElements("code")
                .allowElements(externalLinks, "a")
                .allowAttributes("href", "title").onElements("a")
                .allowElements("img")
                .allowAttributes("alt", "title").onElements("img")
                .allowAttributes("src").matching((element, attribute, value) ->
                        value.toLowerCase(Locale.ROOT).startsWith("mailto:") ? null : value).onElements("img")
                .allowUrlProtocols("http", "https", "mailto")
                .toFactory();
    }

    /** A block quote that starts with {@code [!TIP]} (or another known callout type). */
    public static final class Callout extends CustomBlock {
        private final String type;

        Callout(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }

        public String label() {
            return CALLOUTS.get(type);
        }
    }

    private static final class CalloutPostProcessor implements PostProcessor {
        @Override
        public Node process(Node document) {
            List<BlockQuote> quotes = new ArrayList<>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(BlockQuote blockQuote) {
                    quotes.add(blockQuote);
                    visitChildren(blockQuote);
                }
            });
            quotes.forEach(CalloutPostProcessor::convert);
            return document;
        }

        private static void convert(BlockQuote quote) {
            if (!(quote.getFirstChild() instanceof Paragraph paragraph) || !(paragraph.getFirstChild() instanceof Text text)) {
                return;
            }
            Matcher marker = CALLOUT_MARKER.matcher(text.getLiteral());
            String type = marker.lookingAt() ? marker.group(1).toLowerCase(Locale.ROOT) : null;
            if (type == null || !CALLOUTS.containsKey(type)) {
                return;
            }
            String rest = text.getLiteral().substring(marker.end());
            if (rest.isEmpty()) {
                Node next = text.getNext();
                text.unlink();
                if (next instanceof SoftLineBreak || next instanceof HardLineBreak) {
                    next.unlink();
                }
            } else {
                text.setLiteral(rest);
            }
            if (paragraph.getFirstChild() == null) {
                paragraph.unlink();
            }
            Callout callout = new Callout(type);
            callout.setSourceSpans(quote.getSourceSpans());
            Node child = quote.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                callout.appendChild(child);
                child = next;
            }
            quote.insertBefore(callout);
            quote.unlink();
        }
    }

    private static final class CalloutHtml implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        CalloutHtml(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Callout.class);
        }

        @Override
        public void render(Node node) {
            Callout callout = (Callout) node;
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("class", "callout callout-" + callout.type());
            html.line();
            html.tag("aside", attributes);
            html.line();
            html.tag("p", Map.of("class", "callout-label"));
            html.text(callout.label());
            html.tag("/p");
            html.line();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.line();
            html.tag("/aside");
            html.line();
        }
    }

    /** Plain text: link text without the URL, image alt text, no raw HTML, callouts as "Tip: ...". */
    private static final class PlainText implements NodeRenderer {
        private final TextContentNodeRendererContext context;

        PlainText(TextContentNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Callout.class, Link.class, Image.class, HtmlBlock.class, HtmlInline.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Callout callout) {
                context.getWriter().write(callout.label() + ": ");
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    context.render(child);
                }
                context.getWriter().block();
            } else if (node instanceof Link || node instanceof Image) {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    context.render(child);
                }
            }
        }
    }
}
