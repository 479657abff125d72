package org.everyoneserves.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What a page sends is what is kept, and only a page that came out whole is kept. */
class KeptPagesFilterTest {

    /** A server's response: its status, content type, headers and the bytes it was sent. */
    private static final class Server {
        int status = 200;
        String contentType;
        Locale locale;
        final List<String> headers = new ArrayList<>();
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    sent.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getOutputStream" -> out;
                        case "getStatus" -> status;
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "sendError" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "sendRedirect" -> {
                            status = 302;
                            yield null;
                        }
                        case "getContentType" -> contentType;
                        case "setContentType" -> {
                            contentType = (String) args[0];
                            yield null;
                        }
                        case "setLocale" -> {
                            locale = (Locale) args[0];
                            yield null;
                        }
                        case "setHeader", "addHeader" -> {
                            headers.add(args[0] + ": " + args[1]);
                            yield null;
                        }
                        case "resetBuffer" -> {
                            sent.reset();
                            yield null;
                        }
                        default -> null;
                    });
        }
    }

    private final Server server = new Server();
    private final KeptPagesFilter.Recording page = new KeptPagesFilter.Recording(server.response());

    @Test
    void aPageThatCameOutWholeIsKeptAsItWasSentAndSentAgainTheSame() throws IOException {
        page.setContentType("text/html;charset=UTF-8");
        page.setLocale(Locale.GERMAN);
        page.setHeader("X-Example", "1");
        page.getOutputStream().write("<html>Grüße</html>".getBytes(StandardCharsets.UTF_8));
        KeptPagesFilter.Page kept = page.page();
        assertNotNull(kept);
        assertArrayEquals(server.sent.toByteArray(), kept.body());

        Server again = new Server();
        kept.send(again.response());
        assertEquals(200, again.status);
        assertEquals("text/html;charset=UTF-8", again.contentType);
        assertEquals(Locale.GERMAN, again.locale);
        assertEquals(List.of("X-Example: 1"), again.headers);
        assertArrayEquals(server.sent.toByteArray(), again.sent.toByteArray());
    }

    @Test
    void aPageDroppedFromTheBufferIsDroppedFromTheCopy() throws IOException {
        page.setContentType("text/html;charset=UTF-8");
        page.getOutputStream().write("half a page".getBytes(StandardCharsets.UTF_8));
        page.resetBuffer();
        page.getOutputStream().write("the page".getBytes(StandardCharsets.UTF_8));
        assertEquals("the page", new String(page.page().body(), StandardCharsets.UTF_8));
    }

    @Test
    void anErrorARedirectOrACookieIsNeverKept() throws IOException {
        page.setContentType("text/html;charset=UTF-8");
        page.getOutputStream().write("x".getBytes(StandardCharsets.UTF_8));
        page.sendError(400);
        assertNull(page.page(), "an error");

        KeptPagesFilter.Recording redirected = new KeptPagesFilter.Recording(new Server().response());
        redirected.sendRedirect("/login.xhtml");
        assertNull(redirected.page(), "a redirect");

        Server other = new Server();
        other.contentType = "text/html";
        KeptPagesFilter.Recording withCookie = new KeptPagesFilter.Recording(other.response());
        withCookie.getOutputStream().write("x".getBytes(StandardCharsets.UTF_8));
        withCookie.addCookie(new Cookie("c", "v"));
        assertNull(withCookie.page(), "a cookie set");
    }
}
