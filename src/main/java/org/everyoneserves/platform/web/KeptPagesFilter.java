package org.everyoneserves.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.api.ChangeStamps;

/**
 * The busiest pages ({@link KeptPage}s: the learner's home, the manager's overview) sent again from this server's
 * memory while nothing they show has changed, as the API's front door does for its reads. A page's HTML is kept under a
 * key that names everything it is made of: the address asked for, the viewer and their roles, the session's form token
 * (the only per-session part of a stateless view), the viewer's change stamps of their own row and of their
 * notifications (the layout), the day, and the page's own basis (its stamps, the catalog generation...). Any write
 * that changes what the page shows moves one of those stamps in the database, on whichever server it was made, so the
 * next request's key is new, misses, and the page is rendered and kept. The key is read before the page is rendered:
 * a write in between makes the key older than the page, never newer.
 * <p>
 * Only a GET of a signed-in session whose page came out whole is kept: 200, no cookie set, no message shown (a message
 * kept for the next page after a redirect is shown by rendering that page, and {@link KeptPageCheck} marks a page
 * that showed a message or kept view state), and never when the key cannot be read (the database away: the page is
 * rendered, and says so). Kept pages make room for others by size (APP_PAGE_CACHE_MB, 32 MB per server by default),
 * least useful first.
 */
public class KeptPagesFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(KeptPagesFilter.class.getName());

    /** Set on a request whose page must not be kept. */
    static final String UNKEPT = KeptPagesFilter.class.getName() + ".unkept";

    @Inject
    @Any
    transient Instance<KeptPage> pages;

    @Inject
    transient Provider<Caller> caller;

    @Inject
    transient ChangeStamps stamps;

    @Inject
    transient Clock clock;

    @Inject
    transient AppConfig config;

    private transient Map<String, KeptPage> byPath;
    private transient Cache<String, Page> kept;

    @Override
    public void init() {
        Map<String, KeptPage> paths = new HashMap<>();
        pages.forEach(page -> paths.put(page.path(), page));
        byPath = Map.copyOf(paths);
        kept = Caffeine.newBuilder()
                .maximumWeight(config.pageCacheMegabytes() * 1024L * 1024L)
                .weigher((String key, Page page) -> 256 + 2 * key.length() + page.body().length)
                .build();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        KeptPage page = "GET".equals(request.getMethod()) ? byPath.get(request.getServletPath()) : null;
        String key = page == null ? null : key(page, request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Page known = kept.getIfPresent(key);
        if (known != null) {
            known.send(response);
            return;
        }
        Recording recording = new Recording(response);
        chain.doFilter(request, recording);
        Page made = recording.page();
        if (made != null && request.getAttribute(UNKEPT) == null) {
            kept.put(key, made);
        }
    }

    /** The key of the page as it would be rendered now; null when it must be rendered afresh. */
    private String key(KeptPage page, HttpServletRequest request) {
        if (request.getUserPrincipal() == null || !page.parameters().containsAll(request.getParameterMap().keySet())) {
            return null;
        }
        HttpSession session = request.getSession(false);
        String token = session == null ? null : FormToken.of(session);
        if (token == null || KeptMessages.waiting(session)) {
            return null;
        }
        try {
            Caller viewer = caller.get();
            ChangeStamps.Stamps mine = stamps.of(viewer.personId());
            String basis = page.basis(request);
            if (basis == null) {
                return null;
            }
            String query = request.getQueryString();
            return page.path() + '?' + (query == null ? "" : query) + '|' + viewer.personId() + (viewer.admin() ? "a" : "")
                    + (viewer.manager() ? "m" : "") + '|' + token + '|' + mine.me() + '|' + mine.notifications() + '|'
                    + LocalDate.now(clock) + '|' + basis;
        } catch (RuntimeException unreadable) {
            LOG.log(Level.FINE, "page rendered afresh: its key could not be read", unreadable);
            return null;
        }
    }

    /** A page as it was sent: its content type, language, headers and bytes. */
    record Page(String contentType, Locale locale, List<String[]> headers, byte[] body) {

        void send(HttpServletResponse response) throws IOException {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(contentType);
            if (locale != null) {
                response.setLocale(locale);
            }
            for (String[] header : headers) {
                response.addHeader(header[0], header[1]);
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** Passes the page through to the client and keeps a copy of what it sent. */
    static final class Recording extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream copy = new ByteArrayOutputStream(32768);
        private final List<String[]> headers = new ArrayList<>();
        private Locale locale;
        private ServletOutputStream stream;
        private boolean unkeepable;

        Recording(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        copy.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                        copy.write(bytes, offset, length);
                    }

                    @Override
                    public void flush() throws IOException {
                        out.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        out.close();
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        /** A page that writes characters past the heap encoder is sent, not kept. */
        @Override
        public PrintWriter getWriter() throws IOException {
            unkeepable = true;
            return super.getWriter();
        }

        @Override
        public void addCookie(Cookie cookie) {
            unkeepable = true;
            super.addCookie(cookie);
        }

        @Override
        public void setHeader(String name, String value) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            headers.add(new String[] {name, value});
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            headers.add(new String[] {name, value});
            super.addHeader(name, value);
        }

        @Override
        public void setDateHeader(String name, long date) {
            unkeepable = true;
            super.setDateHeader(name, date);
        }

        @Override
        public void addDateHeader(String name, long date) {
            unkeepable = true;
            super.addDateHeader(name, date);
        }

        @Override
        public void setIntHeader(String name, int value) {
            setHeader(name, String.valueOf(value));
        }

        @Override
        public void addIntHeader(String name, int value) {
            addHeader(name, String.valueOf(value));
        }

        /** What the server's buffer drops, the copy drops too. */
        @Override
        public void resetBuffer() {
            super.resetBuffer();
            copy.reset();
        }

        @Override
        public void reset() {
            super.reset();
            copy.reset();
            headers.clear();
            locale = null;
        }

        @Override
        public void setLocale(Locale locale) {
            this.locale = locale;
            super.setLocale(locale);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            unkeepable = true;
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            unkeepable = true;
            super.sendError(status);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            unkeepable = true;
            super.sendRedirect(location);
        }

        /** The page as sent, if it came out whole and may be kept; null otherwise. */
        Page page() {
            if (unkeepable || getStatus() != SC_OK || copy.size() == 0 || getContentType() == null) {
                return null;
            }
            headers.removeIf(h -> h[0].equalsIgnoreCase("Content-Length"));
            return new Page(getContentType(), locale, List.copyOf(headers), copy.toByteArray());
        }
    }
}
