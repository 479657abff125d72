package org.everyoneserves.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.everyoneserves.content.files.Location;

/** A browser-like HTTP client with its own cookies, for the pages and the API of the test server. */
public final class Web {

    /** From failsafe in client tests; inside the test server, from the server's own port offset. */
    public static final String BASE = System.getProperty("app.base.url",
            "http://localhost:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 100)));
    public static final String DEMO_PASSWORD = "serve-customers-2026";
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    /** HTTP/1.1 as browsers speak it over plain http (Java's client would otherwise try an h2c upgrade). */
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final Map<String, String> headers = new LinkedHashMap<>();

    /**
     * Sends every request as the test server's trusted proxy would forward it (the test server trusts 127.0.0.1): from
     * this client address, over TLS when {@code https}.
     */
    public Web viaProxy(String clientAddress, boolean https) {
        headers.put("X-Forwarded-For", clientAddress);
        headers.put("X-Forwarded-Proto", https ? "https" : "http");
        return this;
    }

    private HttpRequest.Builder builder(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        headers.forEach(builder::header);
        return builder;
    }

    public Web() {
        this(BASE);
    }

    /** A client of another server than the test server (a node of a cluster, the load balancer). */
    public Web(String base) {
        this.base = base;
    }

    public HttpResponse<String> get(String path) {
        return send(builder(URI.create(base + path)).GET().build());
    }

    /** Follows redirects on GET, like a browser, and answers with the last response. */
    public HttpResponse<String> open(String path) {
        HttpResponse<String> response = get(path);
        for (int i = 0; i < 5 && response.statusCode() / 100 == 3; i++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = send(builder(URI.create(base).resolve(location)).GET().build());
        }
        return response;
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(builder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(builder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A GET whose body is binary (a PDF, a workbook). */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(builder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Submits the sign-in form as a person would; answers with the form's response. */
    public HttpResponse<String> signIn(String email, String password) {
        String page = get("/login.xhtml").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:email", email);
        form.put("login:password", password);
        form.put("login:signIn", "Sign in");
        form.put("jakarta.faces.ViewState", viewState(page));
        return postForm("/login.xhtml", form);
    }

    /** Opens the page and presses one button of one of its forms (sending only the form's id and its view state). */
    public HttpResponse<String> press(String path, String form, String button) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(form, form);
        fields.put(button, "x");
        fields.put("jakarta.faces.ViewState", viewState(get(path).body()));
        return postForm(path, fields);
    }

    public static String viewState(String page) {
        Matcher matcher = VIEW_STATE.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no Faces view state in the page:\n" + page);
        }
        return matcher.group(1).replace("&#58;", ":");
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("ES_SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public static String demo(String firstDotLast) {
        return firstDotLast + "@brightwater.example";
    }
}
