package org.everyoneserves.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

    private static final Pattern UNSAFE_URL = Pattern.compile("(href|src|action)=\"(?!https?:|mailto:|/|#|[a-z0-9._-]+(/|\"))");

    private final MarkdownRenderer renderer = new MarkdownRenderer(
            id -> "/learner/module.xhtml?id=" + id, path -> "/content/foundation/" + path);

    private String html(String markdown) {
        return renderer.render(markdown).html();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "Text <script>alert(1)</script> more",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click]( javascript:alert(1) )",
            "<javascript:alert(1)>",
            "[click](&#106;avascript:alert(1))",
            "[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
            "<a href=\"java&#x09;script:alert(1)\">click</a>",
            "<a href=\"jav\tascript:alert(1)\">click</a>",
            "<a href=\" javascript:alert(1)\">click</a>",
            "<svg onload=alert(1)><circle r=10 /></svg>",
            "<svg><script>alert(1)</script></svg>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"evil.swf\"></object><embed src=\"evil.swf\">",
            "<style>body { background: url(javascript:alert(1)) }</style>",
            "<p style=\"background:url(javascript:alert(1))\">styled</p>",
            "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[x](vbscript:msgbox(1))",
            "<a href=\"#\" onclick=\"alert(1)\">x</a>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<form action=\"javascript:alert(1)\"><input type=submit></form>",
            "<details open ontoggle=alert(1)>",
            "> [!TIP]\n> <img src=x onerror=alert(1)> and [x](javascript:alert(1))",
    })
    void nothingHostileSurvives(String markdown) {
        String html = html(markdown).toLowerCase(Locale.ROOT);
        for (String bad : new String[] {"<script", "<style", "<iframe", "<object", "<embed", "<svg", "<math", "<form", "<input",
                "<details", " on", "style=", "alert(1)\""}) {
            assertFalse(html.contains(bad), () -> "'" + bad + "' survived in " + html);
        }
        assertFalse(UNSAFE_URL.matcher(html).find(), () -> "an unsafe URL survived in " + html);
    }

    @Test
    void safeMarkdownSurvives() {
        String html = html("""
                ## Touchpoints

                Some **bold**, *italic*, `code` and ~~struck~~ text.

                - one
                - two

                | channel | who answers |
                |:---|---:|
                | phone | support |

                ---

                ```java
                int x = 1;
                ```
                """);
        assertTrue(html.contains("<h2 id=\"section-touchpoints\">Touchpoints</h2>"), html);
        assertTrue(html.contains("<strong>bold</strong>"), html);
        assertTrue(html.contains("<em>italic</em>"), html);
        assertTrue(html.contains("<code>code</code>"), html);
        assertTrue(html.contains("<ul>"), html);
        assertTrue(html.contains("<th align=\"left\">channel</th>"), html);
        assertTrue(html.contains("<td align=\"right\">support</td>"), html);
        assertTrue(html.contains("<hr />"), html);
        assertTrue(html.contains("<pre><code class=\"language-java\">int x &#61; 1;"), html);
    }

    @Test
    void calloutsBecomeAsidesWithAVisibleLabel() {
        assertEquals("""
                <aside class="callout callout-tip">
                <p class="callout-label">Tip</p>
                <p>Pick up the phone.</p>
                </aside>
                """, html("> [!TIP]\n> Pick up the phone.\n"));
        for (String type : new String[] {"EXAMPLE", "NOTE", "WARNING"}) {
            String label = type.charAt(0) + type.substring(1).toLowerCase(Locale.ROOT);
            String html = html("> [!" + type + "]\n> Body text.");
            assertTrue(html.contains("<aside class=\"callout callout-" + type.toLowerCase(Locale.ROOT) + "\">"), html);
            assertTrue(html.contains("<p class=\"callout-label\">" + label + "</p>"), html);
        }
        assertEquals("<blockquote>\n<p>[!UNKNOWN]\nPlain quote.</p>\n</blockquote>\n", html("> [!UNKNOWN]\n> Plain quote."));
        assertEquals("<blockquote>\n<p>Just a quote.</p>\n</blockquote>\n", html("> Just a quote."));
    }

    @Test
    void moduleLinksAndImagesAreRewrittenThroughTheCallersFunctions() {
        String html = html("See [the finance module](module:invoices-and-collections-calls).\n\n![A desk](images/desk.png)");
        assertTrue(html.contains("<a href=\"/learner/module.xhtml?id&#61;invoices-and-collections-calls\">the finance module</a>"), html);
        assertTrue(html.contains("<img src=\"/content/foundation/images/desk.png\" alt=\"A desk\" />"), html);
    }

    @Test
    void externalLinksGetRelNofollowNoopenerAndInternalOnesDoNot() {
        assertEquals("<p><a href=\"https://example.org\" rel=\"nofollow noopener\">book</a></p>\n", html("[book](https://example.org)"));
        assertEquals("<p><a href=\"mailto:help&#64;example.org\">mail</a></p>\n", html("[mail](mailto:help@example.org)"));
        assertEquals("<p><a href=\"/learner/home.xhtml\">home</a></p>\n", html("[home](/learner/home.xhtml)"));
        assertEquals("<p><img src=\"https://example.org/a.png\" alt=\"a\" /></p>\n", html("![a](https://example.org/a.png)"));
    }

    @Test
    void headingIdsAreStableAndUnique() {
        String html = html("## Own the moment\n\n## Own the moment\n\n### Ça va?");
        assertTrue(html.contains("<h2 id=\"section-own-the-moment\">"), html);
        assertTrue(html.contains("<h2 id=\"section-own-the-moment-1\">"), html);
        assertTrue(html.contains("<h3 id=\"section-ça-va\">"), html);
    }

    @Test
    void plainTextForTheMobileApi() {
        MarkdownRenderer.Rendered rendered = renderer.render("""
                ## Touchpoints

                Every **invoice** is part of [the service](module:everyone-serves) and <b>more</b>.

                > [!TIP]
                > Pick up the phone.

                ![A desk](images/desk.png)
                """);
        assertEquals("""
                Touchpoints
                Every invoice is part of the service and more.
                Tip: Pick up the phone.
                A desk""", rendered.text());
        assertEquals(17, rendered.words());
        assertEquals(1, rendered.readingMinutes());
    }

    @Test
    void readingTimeAtTwoHundredWordsAMinute() {
        assertEquals(1, MarkdownRenderer.readingMinutes(0));
        assertEquals(1, MarkdownRenderer.readingMinutes(200));
        assertEquals(2, MarkdownRenderer.readingMinutes(201));
        assertEquals(5, renderer.render("word ".repeat(1000)).readingMinutes());
        assertEquals(3, MarkdownRenderer.words("one, two — three"));
    }
}
